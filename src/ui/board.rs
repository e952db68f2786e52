//! `CallBoard`: the root component that composes filters, table, pager and
//! the call detail.

use std::rc::Rc;

use leptos::prelude::*;

use super::boxed::handler;
use super::code::{CodeState, CONTROLS_UNAVAILABLE};
use super::detail::{panel, DetailShell};
use super::el_ref::ElRef;
use super::events::{Callbacks, Events};
use super::failure::RemedyOf;
use super::filters::{filter_bar, HeldFilters};
use super::follow::{use_board, use_controller, use_detail_state, use_language, use_options};
use super::keys;
use super::live::live_feed;
use super::notice::{error_notice, failure_notice, Notice};
use super::options::{
    CallSelected, Controller, FilterChange, LoadError, Moment, Options, PageChange, PlaybackStart,
};
use super::pager::{pager_view, HeldPager};
use super::readers::CHUNK_READERS;
use super::split::{self, held_until_loaded, Chunk};
use super::state::Board;
use super::table::CallTable;
use super::words::Language;
use crate::core::live::LiveState;
use crate::core::words;
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
        let e = board.list.state().with(|l| l.error().cloned())?;
        let remedy = RemedyOf {
            capabilities: board.list.capabilities(),
            scope: board.list.query().with(|q| q.scope.clone()),
        };
        let notice = failure_notice(board, &e, Some(remedy))?;
        let on_retry = notice
            .remedy
            .is_none()
            .then(|| handler(move |_: web_sys::MouseEvent| board.list.retry()));
        Some(error_notice(notice, on_retry, board.lang).into_any())
    }
}

/// The filter bar, once its code is loaded (after the first rows); until
/// then [`HeldFilters`] holds its place, so nothing moves when it comes;
/// if its code did not load, a message with a retry.
#[component]
fn Filters(board: Board) -> impl IntoView {
    let held = move || view! { <HeldFilters board /> }.into_any();
    let bar = held_until_loaded(move || filter_bar::now(board), filter_bar::load, held);
    move || match board.code.state(Chunk::ListControls).get() {
        CodeState::Ready => bar(),
        CodeState::Held | CodeState::Loading => held(),
        CodeState::Failed => error_notice(
            Notice::unavailable(CONTROLS_UNAVAILABLE, board.lang.words()),
            Some(handler(move |_| board.code.load_controls())),
            board.lang,
        )
        .into_any(),
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

/// Calls as they happen (from the live chunk, asked for once the list
/// controls' chunk is loaded: after the first rows); nothing before.
fn live_slot(board: Board, options: Signal<Options>) -> impl Fn() -> AnyView + Send + Sync {
    let live = held_until_loaded(
        move || live_feed::now(board, options),
        live_feed::load,
        || ().into_any(),
    );
    move || match board.code.state(Chunk::ListControls).get() {
        CodeState::Ready => live(),
        _ => ().into_any(),
    }
}

/// The open call's panel: from the call view's chunk once that is loaded
/// (by the idle or hover prefetch, or with this call's detail), until then
/// [`DetailShell`]. While the shell stands in, the chunk's state is
/// watched too: after a failed load, the retry that brings the code in
/// brings the panel.
#[component]
fn DetailSlot(board: Board, id: String) -> impl IntoView {
    let shown = id.clone();
    held_until_loaded(
        move || panel::now(board, shown.clone()),
        panel::load,
        move || {
            board.code.state(Chunk::CallView).track();
            view! { <DetailShell board id=id.clone() /> }.into_any()
        },
    )
}

/// The widget's keydown listener: Escape closes the open call; a shortcut
/// runs its registered action (and the key goes no further when one
/// acted).
fn on_keydown(board: Board) -> impl FnMut(web_sys::KeyboardEvent) {
    move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && board.call.id().with_untracked(Option::is_some) {
            ev.stop_propagation();
            board.call.close();
            return;
        }
        if split::loaded(keys::key_pressed(board.keys, ev.clone())) == Ok(true) {
            ev.prevent_default();
            ev.stop_propagation();
        }
    }
}

/// The board over `source`, following the embedding's `options` and
/// `controller`; its keys, and the focus back on the row a closed call
/// came from.
#[component]
fn BoardRoot(
    source: Rc<dyn CallSource>,
    options: Signal<Options>,
    events: Events,
    controller: Option<Controller>,
    language: Language,
) -> impl IntoView {
    let board = use_board(source, options, events, language);
    use_options(board, options);
    if let Some(c) = controller {
        use_controller(board, c);
    }
    board.list.start();
    let root = ElRef::<web_sys::HtmlDivElement>::new();
    use_detail_state(board, root);
    use_language(board, root);
    view! {
        <div
            class="cb"
            part="root"
            node_ref=root
            data-theme=move || options.with(|o| o.theme.id())
            on:keydown=handler(on_keydown(board))
        >
            <Filters board />
            <div class="cb-body">
                <div class="cb-list">
                    <ErrorBanner board />
                    <CallTable board lead=live_slot(board, options) />
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
    /// Called when how calls are heard as they happen changes
    /// (`connected`, `polling`, `offline`).
    #[prop(optional, into)]
    on_live: Option<Callback<LiveState>>,
    /// The element whose language the widget speaks where the `locale`
    /// option does not say: the nearest `lang` attribute on it or its
    /// ancestors (`<html lang>` without it), then the browser's. The
    /// `<call-board>` element passes itself.
    #[prop(optional)]
    host: Option<web_sys::Element>,
) -> impl IntoView {
    let events = Events::new(Callbacks {
        on_select,
        on_page_change,
        on_filter_change,
        on_playback_start,
        on_error,
        on_moment,
        on_live,
    });
    let custom = source.map(StoredValue::new_local);
    let config = Memo::new(move |_| options.with(Options::proxy_config));
    let language = Language::new(options, host);
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
                            <p class="cb-note" role="status">{language.t(words::NO_PROXY_URL)}</p>
                        </div>
                    }
                    .into_any();
                }
                None => Rc::new(ProxySource::with_readers(config.get(), CHUNK_READERS)),
            };
            view! { <BoardRoot source options events controller language /> }.into_any()
        }}
    }
}
