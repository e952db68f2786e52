//! The board: the widget's state as small stores, one job each, behind one
//! `Copy` handle that every component and closure can hold.
//!
//! - [`CallList`]: the query, the page as loaded, the cursors, the
//!   all-pages walk;
//! - [`OpenCall`]: the open call, its detail, recording link and seek;
//! - [`Code`]: where each chunk's code is, and when it loads;
//! - [`Language`]: the language it speaks, and its words;
//!
//! and each tells the embedding what it must know through [`Events`].
//!
//! Components read the stores through getters (read-only signals) and
//! change them only through their actions; no component fetches.

use std::rc::Rc;

use leptos::prelude::*;

use super::code::Code;
use super::events::Events;
use super::format::Locale;
use super::keys::Shortcuts;
use super::list::CallList;
use super::open_call::OpenCall;
use super::words::Language;
use crate::core::Query;
use crate::net::CallSource;

/// Handles to the board's stores. `Copy`.
#[derive(Clone, Copy)]
pub struct Board {
    /// The call list.
    pub list: CallList,
    /// The open call.
    pub call: OpenCall,
    /// The code of the chunks.
    pub code: Code,
    /// What the keyboard shortcuts do.
    pub keys: Shortcuts,
    /// The language it speaks.
    pub lang: Language,
    locale: Signal<Locale>,
}

impl Board {
    /// Board state over `source`, starting with `query` (nothing is
    /// fetched until `board.list.start()`).
    pub fn new(
        source: Rc<dyn CallSource>,
        query: Query,
        locale: Signal<Locale>,
        moment_url: Signal<Option<String>>,
        events: Events,
        lang: Language,
    ) -> Self {
        let code = Code::new(events);
        let list = CallList::new(source, query, code, events);
        Self {
            list,
            call: OpenCall::new(list, code, moment_url, events),
            code,
            keys: Shortcuts::new(),
            lang,
            locale,
        }
    }

    /// Locale and time zone for display.
    pub fn locale(&self) -> Signal<Locale> {
        self.locale
    }
}
