//! The pager: numbered pages when the total is known, previous/next with
//! cursors when not, rows-per-page choice, and "41–60 of 1,901".

use leptos::prelude::*;

use super::adopt::{use_style, CONTROLS_STYLE};
use super::boxed::handler;
use super::el_ref::ElRef;
use super::format;
use super::split::split_view;
use super::state::Board;
use crate::core::pager::{
    last_page, page_size_choices, page_window, row_range, PageItem, PagerView,
};
use crate::core::words::{self as msg, fill};
use crate::core::Pagination;

/// What the page shown holds: where it is, its rows' range, the total.
type Shown = (PagerView, Option<(u64, u64)>, Option<u64>);

/// The page shown, once one has loaded.
fn shown(board: Board) -> Option<Shown> {
    board.list.state().with(|l| {
        l.value().map(|l| {
            let p = &l.page;
            (
                PagerView::new(l.number, l.size, p),
                row_range(l.number, l.size, p.rows.len()),
                p.total,
            )
        })
    })
}

/// "41–60 of 1,901" (or without the total, or "No calls").
fn range_text(board: Board) -> String {
    let locale = board.locale().get();
    let n = |v: u64| format::number(&locale, v as f64);
    match shown(board) {
        Some((_, Some((a, b)), Some(total))) => fill(
            locale.words.text(msg::CALLS_RANGE),
            &[("first", &n(a)), ("last", &n(b)), ("total", &n(total))],
        ),
        Some((_, Some((a, b)), None)) => format!("{}–{}", n(a), n(b)),
        Some((_, None, _)) => locale.words.text(msg::NO_CALLS).to_owned(),
        None => String::new(),
    }
}

/// The numbered pages around the current one (none with cursors or
/// without a total).
fn page_items(board: Board) -> Vec<PageItem> {
    if board.list.capabilities().pagination == Pagination::Cursor {
        return Vec::new();
    }
    let total = board
        .list
        .state()
        .with(|l| l.value().and_then(|l| l.page.total));
    let (page, size) = board.list.query().with(|q| (q.page, q.page_size));
    total
        .map(|t| page_window(page, last_page(t, size), 2))
        .unwrap_or_default()
}

/// The page sizes offered, and the one chosen.
fn size_choices(board: Board) -> (Vec<u32>, u32) {
    let chosen = board.list.query().with(|q| q.page_size);
    (
        page_size_choices(chosen, board.list.capabilities().max_page_size),
        chosen,
    )
}

/// The pager's place while its code loads (after the first rows): the
/// same controls for the same pages, inert and unseen, so it wraps as the
/// pager will and nothing below the widget moves when it comes.
#[component]
pub fn HeldPager(board: Board) -> impl IntoView {
    move || {
        let pages = page_items(board)
            .into_iter()
            .map(|item| {
                let (class, text) = match item {
                    PageItem::Number(n) => ("cb-page", n.to_string()),
                    PageItem::Gap => ("cb-page-gap", "…".to_owned()),
                };
                view! { <span class=class>{text}</span> }.into_any()
            })
            .collect_view();
        // The widest choice sizes the select.
        let widest = size_choices(board).0.into_iter().max().unwrap_or_default();
        view! {
            <div class="cb-pager cb-held" aria-hidden="true" inert>
                <span class="cb-pager__range">{range_text(board)}</span>
                <span class="cb-pager__pages">
                    <span class="cb-button">{board.lang.words().text(msg::PREVIOUS_PAGE)}</span>
                    {pages}
                    <span class="cb-button">{board.lang.words().text(msg::NEXT_PAGE)}</span>
                </span>
                <span class="cb-pager__size">
                    {board.lang.words().text(msg::ROWS_PER_PAGE)}
                    <select class="cb-select">
                        <option>{widest}</option>
                    </select>
                </span>
            </div>
        }
        .into_any()
    }
}

/// The pager under the table.
#[component]
pub fn Pager(board: Board) -> impl IntoView {
    let view_of = move || shown(board);
    let range_text = move || range_text(board);
    let current = move || board.list.query().with(|q| q.page);
    let has_prev = move || current() > 1;
    let has_next = move || view_of().is_some_and(|(v, _, _)| v.has_next && v.page == current());
    let numbers = move || page_items(board);
    let nav = ElRef::<web_sys::HtmlElement>::new();
    use_style(nav, CONTROLS_STYLE);
    view! {
        <nav class="cb-pager" aria-label=board.lang.t(msg::PAGINATION) part="pager" node_ref=nav>
            <span class="cb-pager__range" aria-live="polite">{range_text}</span>
            <div class="cb-pager__pages">
                <button
                    type="button"
                    class="cb-button cb-button--ghost"
                    disabled=move || !has_prev()
                    on:click=handler(move |_| board.list.go_to_page(current().saturating_sub(1)))
                >
                    {board.lang.t(msg::PREVIOUS_PAGE)}
                </button>
                // Re-rendered whole on every flip, so nothing inside is
                // reactive: effects made per re-render would pile up.
                {move || {
                    let now = current();
                    let page = board.lang.words().text(msg::PAGE_N);
                    numbers()
                        .into_iter()
                        .map(|item| match item {
                            PageItem::Number(n) => {
                                view! {
                                    <button
                                        type="button"
                                        class="cb-page"
                                        aria-label=fill(page, &[("n", &n.to_string())])
                                        aria-current=(now == n).then_some("page")
                                        on:click=handler(move |_| board.list.go_to_page(n))
                                    >
                                        {n}
                                    </button>
                                }
                                    .into_any()
                            }
                            PageItem::Gap => view! { <span class="cb-page-gap" aria-hidden="true">"…"</span> }.into_any(),
                        })
                        .collect_view()
                }}
                <button
                    type="button"
                    class="cb-button cb-button--ghost"
                    disabled=move || !has_next()
                    on:click=handler(move |_| board.list.go_to_page(current() + 1))
                >
                    {board.lang.t(msg::NEXT_PAGE)}
                </button>
            </div>
            <label class="cb-pager__size">
                {board.lang.t(msg::ROWS_PER_PAGE)}
                <select
                    class="cb-select"
                    on:change=handler(move |ev: web_sys::Event| {
                        if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                            board.list.set_page_size(n);
                        }
                    })
                >
                    {move || {
                        let (sizes, chosen) = size_choices(board);
                        sizes
                            .into_iter()
                            // The property, not only the attribute: an option kept across
                            // rebuilds is re-selected by its attribute in Chromium but
                            // not in Firefox once the choice has changed.
                            .map(|s| view! { <option value=s.to_string() selected=s == chosen prop:selected=s == chosen>{s}</option> }.into_any())
                            .collect_view()
                    }}
                </select>
            </label>
        </nav>
    }
}

split_view! {
    /// The split point: the pager, in the list controls' chunk
    /// ([`HeldPager`] holds its place).
    pub(crate) mod pager_view in list_controls, fn(board: Board) {
        view! { <Pager board /> }.into_any()
    }
}
