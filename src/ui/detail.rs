//! The call detail panel: its frame (the way back, the tools, close), its
//! heading with how the call went, the shortcuts' help, the place held
//! while the call view's code comes, and the split point. What it holds
//! is `call_body`.

use leptos::prelude::*;

use super::adopt::{use_style, DETAIL_STYLE};
use super::boxed::{effect, handler};
use super::call_body::{detail_body, Facts};
use super::columns::status_label;
use super::el_ref::ElRef;
use super::format;
use super::keys::{use_shortcut, Area};
use super::notice::{error_notice, failure_notice};
use super::read_only::ReadOnly;
use super::remote::Fetched;
use super::scroll;
use super::split::split_view;
use super::state::Board;
use crate::core::live::running_since;
use crate::core::phone;
use crate::core::shortcuts::{Keys, Shortcut, HELP};
use crate::core::time::format_duration;
use crate::core::words::{self as msg, Words};
use crate::core::{Call, CallDetail, Remote};
use crate::net::FetchError;

/// The keyboard shortcuts' help: a ⌨ button in the call's header (? opens
/// it too) and the list of keys.
#[component]
pub(crate) fn ShortcutsHelp(board: Board) -> impl IntoView {
    let help = ElRef::<web_sys::HtmlDetailsElement>::new();
    // (Shown while the call's detail loads, before the body adopts them.)
    use_style(help, DETAIL_STYLE);
    use_shortcut(board.keys, Shortcut::Help, Area::Call, move || {
        help.get_untracked()
            .map(|d| d.set_open(!d.open()))
            .is_some()
    });
    view! {
        <details class="cb-shortcuts" node_ref=help>
            <summary class="cb-icon-button" aria-label=board.lang.t(msg::KEYBOARD_SHORTCUTS) title=board.lang.t(msg::KEYBOARD_SHORTCUTS_KEY)>"⌨"</summary>
            <dl class="cb-shortcuts__list">
                {move || {
                    let w = board.lang.words();
                    HELP.iter().map(|(keys, what)| {
                        let keys = match *keys {
                            Keys::Named(m) => w.text(m),
                            Keys::Glyphs(g) => g,
                        };
                        view! {
                            <div class="cb-shortcut"><dt><kbd>{keys}</kbd></dt><dd>{w.text(*what)}</dd></div>
                        }.into_any()
                    }).collect_view()
                }}
            </dl>
        </details>
    }
}

/// "Nov 20, 2026, 3:37 PM · 1:51 · Completed" for the panel's header. A
/// call going on shows its running duration, marked with when it started
/// (`data-running-since`), which the live feed moves on each second.
fn headline(call: &Call, locale: &format::Locale) -> AnyView {
    let time = call
        .time()
        .map(|t| format::date_time(locale, t) + " · ")
        .unwrap_or_default();
    let now = js_sys::Date::now() as i64;
    let since = running_since(call, now);
    let separator = if since.is_some() || call.duration().is_some() {
        " · "
    } else {
        ""
    };
    let duration = match since {
        Some(since) => view! {
            <span data-running-since=since.to_string()>{format_duration(now - since)}</span>
        }
        .into_any(),
        None => call
            .duration()
            .map(format_duration)
            .unwrap_or_default()
            .into_any(),
    };
    // (A list of views, as the other lists: no view type of its own.)
    let status = format!("{separator}{}", status_label(call, locale.words));
    vec![time.into_any(), duration, status.into_any()]
        .into_iter()
        .collect_view()
        .into_any()
}

/// What the panel around a call shows: its header's parts and its body.
struct Frame {
    /// The heading.
    title: AnyView,
    /// The line under the heading (`()` for none).
    subtitle: AnyView,
    /// Beside the heading (the shortcuts' help; `()` for none).
    tools: AnyView,
    /// The body.
    body: AnyView,
}

/// The panel around call `id`: the header (its bar: back, in narrow
/// widgets, where the bar stays in view as the call scrolls; the tools;
/// close. Then the heading, which takes focus, and its subtitle) and the
/// body, whose `data-state` is `detail`'s loading state. The panel's top
/// is brought into view as it opens.
fn detail_frame(
    board: Board,
    id: String,
    detail: ReadOnly<Fetched<CallDetail>>,
    frame: Frame,
) -> impl IntoView {
    let Frame {
        title,
        subtitle,
        tools,
        body,
    } = frame;
    let heading = ElRef::<web_sys::HtmlHeadingElement>::new();
    let panel = ElRef::<web_sys::HtmlElement>::new();
    effect(move || {
        if let (Some(h), Some(panel)) = (heading.get(), panel.get()) {
            // In a narrow widget the call replaces the list, which may have
            // been scrolled far down: the call starts at its top.
            scroll::reveal_top(&panel);
            let _ = h.focus();
        }
    });
    view! {
        <aside class="cb-detail" part="detail" aria-label=board.lang.t(msg::CALL_DETAILS) data-call-id=id node_ref=panel>
            <header class="cb-detail__header">
                <div class="cb-detail__bar">
                    // In a narrow widget the call replaces the list: this leads back.
                    <button type="button" class="cb-button cb-button--ghost cb-back" on:click=handler(move |_| board.call.close())>
                        {board.lang.t(msg::BACK_TO_CALLS)}
                    </button>
                    {tools}
                    <button type="button" class="cb-icon-button cb-close" aria-label=board.lang.t(msg::CLOSE_CALL_DETAILS) on:click=handler(move |_| board.call.close())>
                        "✕"
                    </button>
                </div>
                <div class="cb-detail__heading">
                    <h2 class="cb-detail__title" tabindex="-1" node_ref=heading>{title}</h2>
                    <p class="cb-secondary">{subtitle}</p>
                </div>
            </header>
            <div class="cb-detail__body" data-state=move || detail.with(|d| d.state_id())>
                {body}
            </div>
        </aside>
    }
}

/// What failed loading the open call, with a retry (the loading line
/// while the words of failures load).
fn failure(board: Board, e: FetchError) -> impl IntoView {
    move || match failure_notice(board, &e, None) {
        Some(notice) => error_notice(
            notice,
            Some(handler(move |_| board.call.retry())),
            board.lang,
        )
        .into_any(),
        None => loading(board).into_any(),
    }
}

/// The loading state's line.
fn loading(board: Board) -> impl IntoView {
    view! { <p class="cb-muted" role="status">{board.lang.t(msg::LOADING_CALL_DETAILS)}</p> }
}

/// The panel's heading: who the call was with, else its title.
fn call_title(call: Option<Call>, w: Words) -> String {
    call.and_then(|c| {
        c.customer_name
            .or_else(|| c.customer_number.as_deref().map(phone::display))
            .or(c.title)
    })
    .unwrap_or_else(|| w.text(msg::CALL_DETAILS).to_owned())
}

/// The panel for call `id` while the call view's code is not loaded (in
/// the main module): the same frame headed by the row's name, loading, or
/// what failed with a retry. [`DetailPanel`] takes its place once the code
/// is there.
#[component]
pub fn DetailShell(board: Board, id: String) -> impl IntoView {
    let detail = board.call.detail();
    let heading = call_title(board.list.row(&id), board.lang.words());
    let body = move || match detail.get() {
        Remote::Failed(e, _) => failure(board, e).into_any(),
        _ => loading(board).into_any(),
    };
    let frame = Frame {
        title: heading.into_any(),
        subtitle: ().into_any(),
        tools: ().into_any(),
        body: body.into_any(),
    };
    detail_frame(board, id, detail, frame)
}

/// The detail panel for call `id` (in the call view's chunk): the row it
/// was opened from at once, then the loaded detail (the board loads it).
#[component]
pub fn DetailPanel(board: Board, id: String) -> impl IntoView {
    detail_panel(board, id, board.call.detail())
}

/// The panel for call `id` showing `detail` as it loads: the board's open
/// call ([`DetailPanel`]), or the warm-up's sample (`ui::warm`).
pub(crate) fn detail_panel(
    board: Board,
    id: String,
    detail: ReadOnly<Fetched<CallDetail>>,
) -> impl IntoView {
    let from_list = board.list.row(&id);
    // The call shown: the loaded detail, else the row it was opened from.
    let shown = {
        let from_list = from_list.clone();
        move || {
            detail
                .with(|d| d.value().map(|d| d.call.clone()))
                .or_else(|| from_list.clone())
        }
    };
    let title = {
        let shown = shown.clone();
        move || call_title(shown(), board.lang.words())
    };
    let subtitle = move || shown().map(|c| headline(&c, &board.locale().get()));
    let row_facts = move || from_list.clone().map(|call| view! { <Facts board call /> });
    // Built once the call is there; a later value of it (told as it
    // happened) changes the body in place.
    let ready = Memo::new(move |_| detail.with(|d| matches!(d, Remote::Ready(_))));
    let body = move || {
        if ready.get() {
            return detail_body(board, detail);
        }
        match detail.get() {
            Remote::Failed(e, _) => view! { {row_facts()} {failure(board, e)} }.into_any(),
            _ => view! { {row_facts()} {loading(board)} }.into_any(),
        }
    };
    let tools = view! { <ShortcutsHelp board /> };
    let frame = Frame {
        title: title.into_any(),
        subtitle: subtitle.into_any(),
        tools: tools.into_any(),
        body: body.into_any(),
    };
    detail_frame(board, id, detail, frame)
}

split_view! {
    /// The split point: the panel around an open call (its header and the
    /// row's facts while the detail loads, then the whole call), in the
    /// call view's chunk ([`DetailShell`] holds its place).
    pub(crate) mod panel in call_view, fn(board: Board, id: String) {
        view! { <DetailPanel board id /> }.into_any()
    }
}
