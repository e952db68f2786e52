//! The Leptos components. They read signals and render; fetching lives in
//! `net`, and every piece of logic that can be pure lives in `core`.

mod adopt;
mod board;
mod boxed;
pub(crate) mod column_chooser;
pub(crate) mod columns;
pub(crate) mod detail;
mod el_ref;
pub(crate) mod export;
pub(crate) mod filters;
pub mod format;
mod keys;
mod media;
mod options;
pub(crate) mod pager;
mod player;
mod read_only;
mod remote;
mod scroll;
mod share;
mod state;
mod table;
mod timeline;
mod transcript;
pub(crate) mod warm;

pub use adopt::DETAIL_STYLE;
pub use board::{CallBoard, STYLE};
pub use el_ref::ElRef;
pub use media::{MediaElement, Playback};
pub use options::{
    CallSelected, Controller, FilterChange, LoadError, Moment, Options, PageChange, PlaybackStart,
    Theme,
};
pub use read_only::ReadOnly;
pub(crate) use state::Board;
pub use transcript::TranscriptView;
