//! The pager: numbered pages when the total is known, previous/next with
//! cursors when not, rows-per-page choice, and "41–60 of 1,901".

use leptos::prelude::*;

use super::format;
use super::state::Board;
use crate::core::pager::{
    last_page, page_size_choices, page_window, row_range, PageItem, PagerView,
};
use crate::core::Pagination;

/// The pager under the table.
#[component]
pub fn Pager(board: Board) -> impl IntoView {
    let view_of = move || {
        board.list().with(|l| {
            l.value().map(|l| {
                let p = &l.page;
                (
                    PagerView::new(l.number, l.size, p),
                    row_range(l.number, l.size, p.rows.len()),
                    p.total,
                )
            })
        })
    };
    let range_text = move || {
        let locale = board.locale().get();
        match view_of() {
            Some((_, Some((a, b)), Some(total))) => format!(
                "{}–{} of {}",
                format::number(&locale, a as f64),
                format::number(&locale, b as f64),
                format::number(&locale, total as f64)
            ),
            Some((_, Some((a, b)), None)) => {
                format!(
                    "{}–{}",
                    format::number(&locale, a as f64),
                    format::number(&locale, b as f64)
                )
            }
            Some((_, None, _)) => "No calls".to_owned(),
            None => String::new(),
        }
    };
    let current = move || board.query().with(|q| q.page);
    let has_prev = move || current() > 1;
    let has_next = move || view_of().is_some_and(|(v, _, _)| v.has_next && v.page == current());
    let numbers = move || {
        let caps = board.capabilities();
        if caps.pagination == Pagination::Cursor {
            return Vec::new();
        }
        let total = board.list().with(|l| l.value().and_then(|l| l.page.total));
        let size = board.query().with(|q| q.page_size);
        total
            .map(|t| page_window(current(), last_page(t, size), 2))
            .unwrap_or_default()
    };
    view! {
        <nav class="cb-pager" aria-label="Pagination" part="pager">
            <span class="cb-pager__range" aria-live="polite">{range_text}</span>
            <div class="cb-pager__pages">
                <button
                    type="button"
                    class="cb-button cb-button--ghost"
                    disabled=move || !has_prev()
                    on:click=move |_| board.go_to_page(current().saturating_sub(1))
                >
                    "‹ Previous"
                </button>
                // Re-rendered whole on every flip, so nothing inside is
                // reactive: effects made per re-render would pile up.
                {move || {
                    let now = current();
                    numbers()
                        .into_iter()
                        .map(|item| match item {
                            PageItem::Number(n) => {
                                view! {
                                    <button
                                        type="button"
                                        class="cb-page"
                                        aria-label=format!("Page {n}")
                                        aria-current=(now == n).then_some("page")
                                        on:click=move |_| board.go_to_page(n)
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
                    on:click=move |_| board.go_to_page(current() + 1)
                >
                    "Next ›"
                </button>
            </div>
            <label class="cb-pager__size">
                "Rows per page"
                <select
                    class="cb-select"
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                            board.set_page_size(n);
                        }
                    }
                >
                    {move || {
                        let chosen = board.query().with(|q| q.page_size);
                        page_size_choices(chosen, board.capabilities().max_page_size)
                            .into_iter()
                            // The property, not only the attribute: an option kept across
                            // rebuilds is re-selected by its attribute in Chromium but
                            // not in Firefox once the choice has changed.
                            .map(|s| view! { <option value=s.to_string() selected=s == chosen prop:selected=s == chosen>{s}</option> })
                            .collect_view()
                    }}
                </select>
            </label>
        </nav>
    }
}
