//! The Leptos components. They read signals and render; fetching lives in
//! `net`, and every piece of logic that can be pure lives in `core`.

mod board;
mod detail;
mod filters;
pub mod format;
mod options;
mod pager;
mod player;
mod state;
mod table;
mod transcript;

pub use board::{CallBoard, STYLE};
pub use options::{
    CallSelected, Controller, FilterChange, LoadError, Options, PageChange, PlaybackStart, Theme,
};
pub use player::Playback;
pub use transcript::TranscriptView;
