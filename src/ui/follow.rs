//! The board as the embedding drives it: made from its options, following
//! their changes (page size and pin, time zone, the call to open and where
//! to start it) and its controller's commands (`refresh()`,
//! `openCall(id)`), giving the focus back to the row a closed call was
//! opened from, and showing the board once its language's words are there.

use std::rc::Rc;

use leptos::prelude::*;

use super::boxed::effect;
use super::el_ref::ElRef;
use super::events::Events;
use super::format::{self, Locale};
use super::options::{Controller, Options};
use super::scroll;
use super::state::Board;
use super::table;
use super::words::Language;
use crate::core::Query;
use crate::net::CallSource;

/// A board over `source` for the embedding's `options` (nothing fetched
/// yet).
pub fn use_board(
    source: Rc<dyn CallSource>,
    options: Signal<Options>,
    events: Events,
    language: Language,
) -> Board {
    let locale = Signal::derive(move || {
        let words = language.words();
        // Dates and numbers: the `locale` option, else the page's language.
        let page = language.page_lang();
        options.with(|o| Locale {
            locale: o.locale.clone().or(page),
            time_zone: o.time_zone.clone(),
            words,
        })
    });
    let initial = options.with_untracked(|o| Query {
        page_size: o.page_size,
        scope: o.scope.clone(),
        utc_offset_minutes: locale.with_untracked(format::offset_now),
        ..Query::default()
    });
    let moment_url = Signal::derive(move || options.with(|o| o.moment_url.clone()));
    Board::new(source, initial, locale, moment_url, events, language)
}

/// The board's language on its root: the root not shown until the
/// language's words are there (English at once; the first page is asked
/// for meanwhile). (The list controls' code follows the page's `lang`
/// once it is there: [`Language::follow_page`](super::words::Language::follow_page).)
pub fn use_language(board: Board, root: ElRef<web_sys::HtmlDivElement>) {
    effect(move || {
        let ready = board.lang.ready();
        if let Some(el) = root.get() {
            let _ = if ready {
                el.remove_attribute("style")
            } else {
                el.set_attribute("style", "visibility:hidden")
            };
        }
    });
}

/// Follows the embedding's options: page size and scope, the time zone's
/// offset (for providers that filter by calendar dates), and the call to
/// open (`call-id`) with where to start it (`at`); removing `call-id`
/// closes the call it opened. Only a change of those two reopens or seeks.
pub fn use_options(board: Board, options: Signal<Options>) {
    effect(move || {
        let (size, scope) = options.with(|o| (o.page_size, o.scope.clone()));
        board.list.configure(size, scope);
    });
    effect(move || {
        let offset = board.locale().with(format::offset_now);
        board.list.set_utc_offset(offset);
    });
    let asked_call = Memo::new(move |_| options.with(|o| (o.call_id.clone(), o.at)));
    let mut previous: Option<String> = None;
    effect(move || {
        let (asked, at) = asked_call.get();
        match (&asked, previous.take()) {
            (Some(id), _) => {
                board.call.open(id.clone());
                if let Some(ms) = at {
                    board.call.seek_to(id.clone(), ms);
                }
            }
            (None, Some(gone)) => {
                if board
                    .call
                    .id()
                    .with_untracked(|s| s.as_deref() == Some(gone.as_str()))
                {
                    board.call.close();
                }
            }
            (None, None) => {}
        }
        previous = asked;
    });
}

/// Runs the embedding's commands: `refresh()` (not on the first run) and
/// `openCall(id)`.
pub fn use_controller(board: Board, controller: Controller) {
    let mut ran = false;
    effect(move || {
        controller.track_refreshes();
        if ran {
            board.list.refresh();
        }
        ran = true;
    });
    effect(move || {
        if let Some(id) = controller.requested_call() {
            board.call.open(id);
        }
    });
}

/// Marks `root` with whether a call is open (`data-detail`, which the
/// stylesheet reads to give an open call the whole of a narrow widget) and
/// gives the focus back to the row of a call when its detail closes.
///
/// One effect does both, in that order: the row can take the focus only
/// once the list it is in is shown again, and two effects (or an effect
/// and an attribute binding) would leave that order to the scheduler.
pub fn use_detail_state(board: Board, root: ElRef<web_sys::HtmlDivElement>) {
    let mut previous: Option<String> = None;
    effect(move || {
        let now = board.call.id().get();
        if let Some(r) = root.get_untracked() {
            let state = if now.is_some() { "open" } else { "closed" };
            let _ = r.set_attribute("data-detail", state);
            if let (Some(closed), None) = (&previous, &now) {
                focus_row(&r, closed, board.call.take_row_top());
            }
        }
        previous = now;
    });
}

/// Focuses the table row of call `id` inside `root` (after the detail
/// closes), where it was on screen when the call was opened from it
/// (`row_top`), else scrolled into view.
fn focus_row(root: &web_sys::HtmlElement, id: &str, row_top: Option<f64>) {
    let Some(row) = table::call_row(root, id) else {
        return;
    };
    match row_top {
        Some(top) => {
            scroll::focus_in_place(&row);
            scroll::restore(&row, top);
        }
        None => {
            let _ = row.focus();
        }
    }
}
