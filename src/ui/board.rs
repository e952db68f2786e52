//! `CallBoard`: the root component that composes filters, table, pager and
//! the call detail.

use std::rc::Rc;

use leptos::prelude::*;

use super::boxed::{effect, handler};
use super::code::{CodeState, CONTROLS_UNAVAILABLE};
use super::detail::{panel, DetailShell};
use super::el_ref::ElRef;
use super::events::Events;
use super::filters::{filter_bar, HeldFilters};
use super::format::{self, Locale};
use super::keys;
use super::options::{
    CallSelected, Controller, FilterChange, LoadError, Moment, Options, PageChange, PlaybackStart,
};
use super::pager::{pager_view, HeldPager};
use super::readers::ChunkReaders;
use super::scroll;
use super::split::{held_until_loaded, Chunk};
use super::state::Board;
use super::table::{self, CallTable};
use crate::core::shortcuts::shortcut;
use crate::core::Query;
use crate::net::{CallSource, ProxySource};

/// The widget's styles; scoped by the `cb-` prefix and injected next to the
/// widget (or into its shadow root), never into the host's `<head>`.
pub const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/style.css"));

/// The error banner above the table: what failed and a retry. The rows
/// already shown stay below it, with filters, page and open call kept. An
/// error a retry cannot fix (a pin the provider cannot filter by) says
/// what to change instead.
#[component]
fn ErrorBanner(board: Board) -> impl IntoView {
    move || {
        board.list.state().with(|l| l.error().cloned()).map(|e| {
            let remedy = board.list.remedy(&e);
            let retry = remedy.is_none().then(|| {
                view! {
                    <button type="button" class="cb-button" on:click=handler(move |_| board.list.retry())>
                        "Retry"
                    </button>
                }
            });
            view! {
                <div class="cb-error" role="alert" part="error" data-error=e.kind()>
                    <div>
                        <strong class="cb-error__title">{e.title()}</strong>
                        <p class="cb-error__message">{e.to_string()}</p>
                        {remedy.map(|r| view! { <p class="cb-error__remedy">{r}</p> })}
                    </div>
                    {retry}
                </div>
            }
            .into_any()
        })
    }
}

/// The filter bar, once its code is loaded (after the first rows); until
/// then [`HeldFilters`] holds its place, so nothing moves when it comes;
/// if its code did not load, a message with a retry.
#[component]
fn Filters(board: Board) -> impl IntoView {
    let held = move || view! { <HeldFilters board /> }.into_any();
    let bar = held_until_loaded(move || filter_bar::now(board), filter_bar::load, held);
    move || {
        match board.code.state(Chunk::ListControls).get() {
        CodeState::Ready => bar(),
        CodeState::Held | CodeState::Loading => held(),
        CodeState::Failed => view! {
            <div class="cb-error" role="alert" part="error" data-error=CONTROLS_UNAVAILABLE.kind>
                <div>
                    <strong class="cb-error__title">{CONTROLS_UNAVAILABLE.title}</strong>
                    <p class="cb-error__message">{CONTROLS_UNAVAILABLE.message}</p>
                </div>
                <button type="button" class="cb-button" on:click=handler(move |_| board.code.load_controls())>
                    "Retry"
                </button>
            </div>
        }
        .into_any(),
    }
    }
}

/// The pager, once its code is loaded; until then (or if it did not load)
/// [`HeldPager`] holds its place.
#[component]
fn PagerSlot(board: Board) -> impl IntoView {
    let held = move || view! { <HeldPager board /> }.into_any();
    let pager = held_until_loaded(move || pager_view::now(board), pager_view::load, held);
    move || match board.code.state(Chunk::ListControls).get() {
        CodeState::Ready => pager(),
        _ => held(),
    }
}

/// The open call's panel: from the call view's chunk once that is loaded
/// (by the idle or hover prefetch, or with this call's detail), until then
/// [`DetailShell`].
#[component]
fn DetailSlot(board: Board, id: String) -> impl IntoView {
    let shown = id.clone();
    held_until_loaded(
        move || panel::now(board, shown.clone()),
        panel::load,
        move || view! { <DetailShell board id=id.clone() /> }.into_any(),
    )
}

/// Focuses the table row of call `id` inside `root` (after the detail
/// closes), where it was on screen when the call was opened from it
/// (`row_top`), else scrolled into view.
fn focus_row(root: &web_sys::HtmlElement, id: &str, row_top: Option<f64>) {
    let Some(row) = table::call_rows(root)
        .into_iter()
        .find(|r| r.get_attribute("data-call-id").as_deref() == Some(id))
    else {
        return;
    };
    match row_top {
        Some(top) => {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = row.focus_with_options(&options);
            scroll::restore(&row, top);
        }
        None => {
            let _ = row.focus();
        }
    }
}

#[component]
fn BoardRoot(
    source: Rc<dyn CallSource>,
    options: Signal<Options>,
    events: Events,
    controller: Option<Controller>,
) -> impl IntoView {
    let locale = Signal::derive(move || {
        options.with(|o| Locale {
            locale: o.locale.clone(),
            time_zone: o.time_zone.clone(),
        })
    });
    let initial = options.with_untracked(|o| Query {
        page_size: o.page_size,
        scope: o.scope.clone(),
        utc_offset_minutes: locale.with_untracked(format::offset_now),
        ..Query::default()
    });
    let moment_url = Signal::derive(move || options.with(|o| o.moment_url.clone()));
    let board = Board::new(source, initial, locale, moment_url, events);
    // Page size and scope from the embedding.
    effect(move || {
        let (size, scope) = options.with(|o| (o.page_size, o.scope.clone()));
        board.list.configure(size, scope);
    });
    // Calendar dates for providers that filter by them follow the zone.
    effect(move || board.list.set_utc_offset(locale.with(format::offset_now)));
    // A call to open, from the embedding, and where to start it (`at`);
    // removing `call-id` closes the call it opened. Only a change of these
    // two acts (another option changing does not reopen or seek again).
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
    if let Some(c) = controller {
        let mut ran = false;
        effect(move || {
            c.track_refreshes();
            if ran {
                board.list.refresh();
            }
            ran = true;
        });
        effect(move || {
            if let Some(id) = c.requested_call() {
                board.call.open(id);
            }
        });
    }
    board.list.start();

    let root = ElRef::<web_sys::HtmlDivElement>::new();
    // Focus goes back to the row when the detail closes.
    let mut previous: Option<String> = None;
    effect(move || {
        let now = board.call.id().get();
        if let (Some(closed), None) = (&previous, &now) {
            if let Some(r) = root.get_untracked() {
                focus_row(&r, closed, board.call.take_row_top());
            }
        }
        previous = now;
    });
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && board.call.id().with_untracked(Option::is_some) {
            ev.stop_propagation();
            board.call.close();
            return;
        }
        let modifier = ev.ctrl_key() || ev.meta_key() || ev.alt_key();
        let Some(shortcut) = shortcut(&ev.key(), modifier, keys::focus_of(ev.target())) else {
            return;
        };
        if root
            .get_untracked()
            .is_some_and(|r| keys::run(&r, shortcut))
        {
            ev.prevent_default();
            ev.stop_propagation();
        }
    };
    view! {
        <div
            class="cb"
            part="root"
            node_ref=root
            data-theme=move || options.with(|o| o.theme.id())
            on:keydown=handler(on_keydown)
        >
            <Filters board />
            <div class="cb-body" data-detail=move || if board.call.id().with(Option::is_some) { "open" } else { "closed" }>
                <div class="cb-list">
                    <ErrorBanner board />
                    <CallTable board />
                    <PagerSlot board />
                </div>
                {move || board.call.id().get().map(|id| view! { <DetailSlot board id /> }.into_any())}
            </div>
        </div>
    }
}

/// The call log: filters, a paginated call table and the call detail with
/// recording and transcript.
///
/// Calls come through the proxy named in `options`, unless a `source` is
/// given (tests, demos, custom transports).
#[component]
pub fn CallBoard(
    /// Where to fetch and how to show it. Changing the proxy URL, provider,
    /// headers or credentials starts over with a fresh state.
    #[prop(into)]
    options: Signal<Options>,
    /// Where calls come from instead of the proxy.
    #[prop(optional)]
    source: Option<Rc<dyn CallSource>>,
    /// Commands from the embedding (`refresh()`, `openCall(id)`).
    #[prop(optional)]
    controller: Option<Controller>,
    /// Whether to put the stylesheet next to the widget. The custom element
    /// turns this off and adopts the sheet into its shadow root instead.
    #[prop(default = true)]
    inline_styles: bool,
    /// Called when a call is opened.
    #[prop(optional, into)]
    on_select: Option<Callback<CallSelected>>,
    /// Called when the page or page size changes.
    #[prop(optional, into)]
    on_page_change: Option<Callback<PageChange>>,
    /// Called when the user's filters change.
    #[prop(optional, into)]
    on_filter_change: Option<Callback<FilterChange>>,
    /// Called when a recording starts playing.
    #[prop(optional, into)]
    on_playback_start: Option<Callback<PlaybackStart>>,
    /// Called when loading fails.
    #[prop(optional, into)]
    on_error: Option<Callback<LoadError>>,
    /// Called when a reviewer copies the link to a moment (with the
    /// `moment_url` option).
    #[prop(optional, into)]
    on_moment: Option<Callback<Moment>>,
) -> impl IntoView {
    let events = Events {
        on_select,
        on_page_change,
        on_filter_change,
        on_playback_start,
        on_error,
        on_moment,
    };
    let custom = source.map(StoredValue::new_local);
    let config = Memo::new(move |_| options.with(Options::proxy_config));
    view! {
        {inline_styles.then(|| view! { <style>{STYLE}</style> })}
        {move || {
            let source: Rc<dyn CallSource> = match custom.and_then(|s| s.try_get_value()) {
                Some(s) => s,
                // Nothing is fetched before there is a proxy to ask (a host
                // may set it a moment after making the element): requests
                // would go to the host page's own origin.
                None if config.with(|c| c.proxy_url.trim().is_empty()) => {
                    return view! {
                        <div class="cb" part="root">
                            <p class="cb-note" role="status">
                                "No proxy URL yet: set proxy-url (proxyUrl) to your proxy's address."
                            </p>
                        </div>
                    }
                    .into_any();
                }
                None => Rc::new(ProxySource::with_readers(
                    config.get(),
                    Rc::new(ChunkReaders),
                )),
            };
            view! { <BoardRoot source options events controller /> }.into_any()
        }}
    }
}
