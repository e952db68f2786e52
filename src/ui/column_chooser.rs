//! The column chooser above the table: every column the page offers,
//! checked when shown. Not needed for the first rows, it comes with the
//! call view's chunk (`export::list_tools`), as Export does.

use leptos::prelude::*;

use super::boxed::handler;
use super::columns::{offered, toggle, ColumnDef};
use super::state::Board;
use crate::core::words as msg;

/// The column chooser: every column the page offers, checked when shown
/// (`shown`: the table's columns).
/// Its menu is built while it is open only (nothing to rebuild per page
/// flip, and its checkboxes are not in the page while closed).
#[component]
pub(crate) fn ColumnChooser(board: Board, shown: RwSignal<Vec<ColumnDef>>) -> impl IntoView {
    let open = RwSignal::new(false);
    let options = move || {
        board.list.state().with(|l| {
            let calls = l.value().map_or(&[][..], |l| &l.page.rows[..]);
            shown.with(|s| offered(calls, s))
        })
    };
    let menu = move || {
        open.get().then(|| {
            let w = board.lang.words();
            options()
                .into_iter()
                .map(|column| {
                    let label = column.header(w).to_owned();
                    let own = column.header_is_own().then_some("cb-own");
                    let mine = column.clone();
                    let checked = move || shown.with(|s| s.contains(&mine));
                    view! {
                        <label class="cb-check">
                            <input
                                type="checkbox"
                                prop:checked=checked
                                on:change=handler(move |_| shown.update(|s| toggle(s, &column)))
                            />
                            <span class=own>{label}</span>
                        </label>
                    }
                    .into_any()
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <details
            class="cb-columns"
            part="column-chooser"
            on:toggle=handler(move |ev: web_sys::Event| {
                use wasm_bindgen::JsCast;
                let now = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                    .is_some_and(|d| d.open());
                open.set(now);
            })
        >
            <summary class="cb-button cb-button--ghost">{board.lang.t(msg::COLUMNS)}</summary>
            <div class="cb-columns__menu" role="group" aria-label=board.lang.t(msg::COLUMNS_SHOWN)>
                {menu}
            </div>
        </details>
    }
}
