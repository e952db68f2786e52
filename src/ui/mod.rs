//! The Leptos components. They read signals and render; fetching lives in
//! `net`, and every piece of logic that can be pure lives in `core`.

mod adopt;
mod board;
mod boxed;
mod call_body;
mod code;
mod column_chooser;
mod columns;
mod detail;
mod el_ref;
mod events;
mod export;
mod failure;
mod filters;
mod follow;
pub mod format;
mod keys;
mod list;
mod live;
mod media;
mod notice;
mod open_call;
mod options;
mod pager;
mod player;
mod read_only;
mod readers;
mod remote;
mod scroll;
mod share;
mod split;
mod state;
mod table;
mod timeline;
mod transcript;
mod warm;
mod words;

pub use adopt::{CONTROLS_STYLE, DETAIL_STYLE, LIVE_STYLE};
pub use board::{CallBoard, STYLE};
pub use media::{MediaElement, Playback};
pub use options::{
    CallSelected, Controller, FilterChange, LoadError, Moment, Options, PageChange, Phase,
    PlaybackStart, Theme,
};
pub(crate) use state::Board;
pub use transcript::TranscriptView;
