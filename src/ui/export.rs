//! "Export": the call list as CSV, the page shown or every page the
//! filters match (up to [`EXPORT_CAP`] calls, with progress and a way to
//! cancel).
//!
//! It is part of the call view's chunk ([`list_tools`], with the column
//! chooser): it appears once the chunk is loaded, so the first rows do not
//! wait for it.

use leptos::prelude::*;

use super::adopt::{use_style, DETAIL_STYLE};
use super::boxed::{handler, spawn};
use super::column_chooser::ColumnChooser;
use super::columns::ColumnDef;
use super::el_ref::ElRef;
use super::format;
use super::share::{close_menu, download_text};
use super::split::split_view;
use super::state::Board;
use super::warm;
use super::words::{failure, plural};
use crate::core::csv_export::csv;
use crate::core::time::format_date;
use crate::core::words::{self as msg, fill};
use crate::net::later;
use crate::net::FetchError;

/// The most calls an export of every page fetches.
pub const EXPORT_CAP: usize = 5_000;

/// An export's progress and its Cancel, shared by the menu and the job.
#[derive(Clone, Copy)]
struct Export {
    /// What the progress line says ("Exporting… 300 of 2,000 calls",
    /// "Exported 25 calls", "Export stopped: …"); `None` when idle.
    pub status: RwSignal<Option<String>>,
    /// Pages are being fetched (Cancel is offered).
    pub fetching: RwSignal<bool>,
    /// The export failed (Retry is offered).
    pub failed: RwSignal<bool>,
    /// Cancel was pressed.
    pub cancelled: StoredValue<bool>,
}

impl Export {
    /// Says `text`, fetching or not, failed or not.
    fn set(&self, text: Option<String>, fetching: bool, failed: bool) {
        self.status.try_set(text);
        self.fetching.try_set(fetching);
        self.failed.try_set(failed);
    }
}

/// "Export" with its menu, and the export's progress beside it.
#[component]
pub fn ExportMenu(board: Board) -> impl IntoView {
    let export = Export {
        status: RwSignal::new(None),
        fetching: RwSignal::new(false),
        failed: RwSignal::new(false),
        cancelled: StoredValue::new(false),
    };
    let start = move |all: bool| {
        export.cancelled.set_value(false);
        run(board, all, export);
    };
    let cancel = move |_| {
        export.cancelled.set_value(true);
        export.set(None, false, false);
    };
    let text = move || export.status.get().unwrap_or_default();
    let fetching = move || export.fetching.get();
    let failed = move || export.failed.get();
    let cap = move || format::number(&board.locale().get(), EXPORT_CAP as f64);
    // The menus' styles come with the call view's code.
    let menu = ElRef::<web_sys::HtmlDivElement>::new();
    use_style(menu, DETAIL_STYLE);
    view! {
        <div class="cb-export" node_ref=menu>
            <span
                class=move || if failed() { "cb-export__status cb-inline-error" } else { "cb-export__status" }
                role="status"
            >
                {text}
            </span>
            <button type="button" class="cb-button cb-button--ghost" hidden=move || !fetching() on:click=handler(cancel)>
                {board.lang.t(msg::CANCEL)}
            </button>
            <button type="button" class="cb-button" hidden=move || !failed() on:click=handler(move |_| start(true))>
                {board.lang.t(msg::RETRY)}
            </button>
            <details class="cb-download" hidden=fetching>
                <summary class="cb-button cb-button--ghost">{board.lang.t(msg::EXPORT)}</summary>
                <ul class="cb-download__menu" role="group" aria-label=board.lang.t(msg::EXPORT_CALLS)>
                    <li>
                        <button type="button" class="cb-menu__item" on:click=handler(move |ev| {
                            close_menu(&ev);
                            start(false);
                        })>
                            {board.lang.t(msg::EXPORT_THIS_PAGE)}
                        </button>
                    </li>
                    <li>
                        <button type="button" class="cb-menu__item" on:click=handler(move |ev| {
                            close_menu(&ev);
                            start(true);
                        })>
                            {move || fill(board.lang.words().text(msg::EXPORT_ALL_PAGES), &[("cap", &cap())])}
                        </button>
                    </li>
                </ul>
            </details>
        </div>
    }
}

/// Runs an export of the page shown, or of `all` pages: fetches, writes
/// the CSV in the widget's time zone and starts the download, saying how
/// it goes in `export`.
fn run(board: Board, all: bool, export: Export) {
    let cancelled = export.cancelled;
    let locale = board.locale().get_untracked();
    let now = js_sys::Date::now() as i64;
    let stem = format!(
        "calls-{}",
        format_date(now, format::offset_minutes(&locale, now))
    );
    spawn(async move {
        let fetched = if all {
            export.set(Some(fetching_text(&locale, 0, None)), true, false);
            board
                .list
                .all_calls(
                    EXPORT_CAP,
                    |n, total| {
                        // A page that arrives after Cancel says nothing.
                        if cancelled.try_get_value() == Some(false) {
                            export.set(Some(fetching_text(&locale, n, total)), true, false);
                        }
                    },
                    || cancelled.try_get_value().unwrap_or(true),
                )
                .await
                .map(|calls| (calls, format!("{stem}.csv")))
        } else {
            board
                .list
                .state()
                .with_untracked(|l| l.value().map(|p| (p.page.rows.clone(), p.number)))
                .map(|(rows, n)| (rows, format!("{stem}-page-{n}.csv")))
                .ok_or(FetchError::Aborted)
        };
        match fetched {
            Ok((calls, name)) => {
                let text = csv(&calls, locale.words, |ms| {
                    format::offset_minutes(&locale, ms)
                });
                download_text(&text, &name, "text/csv;charset=utf-8");
                let done = done_text(&locale, calls.len());
                export.set(Some(done.clone()), false, false);
                later::after_ms(4000, move || {
                    if export.status.try_get_untracked().flatten() == Some(done) {
                        export.set(None, false, false);
                    }
                });
            }
            Err(FetchError::Aborted) => {}
            Err(e) => {
                let stopped = fill(
                    locale.words.text(msg::EXPORT_STOPPED),
                    &[("error", &failure(&e, locale.words))],
                );
                export.set(Some(stopped), false, true);
            }
        }
    });
}

/// "Exporting… 300 of 2,000 calls".
fn fetching_text(l: &format::Locale, n: usize, total: Option<u64>) -> String {
    let shown = format::number(l, n as f64);
    match total {
        Some(t) => fill(
            l.words.text(msg::EXPORTING_OF),
            &[
                ("n", &shown),
                ("total", &format::number(l, t.min(EXPORT_CAP as u64) as f64)),
            ],
        ),
        None => plural(l.words, msg::EXPORTING, n as f64, &shown, &[]),
    }
}

/// "Exported 1 call", "Exported 1,250 calls", "Exported the first 5,000
/// calls".
fn done_text(l: &format::Locale, n: usize) -> String {
    let shown = format::number(l, n.min(EXPORT_CAP) as f64);
    if n >= EXPORT_CAP {
        return fill(l.words.text(msg::EXPORTED_FIRST), &[("n", &shown)]);
    }
    plural(l.words, msg::EXPORTED, n as f64, &shown, &[])
}

split_view! {
    /// The split point: the list's tools that the first rows do not need
    /// (Export, the chooser of the table's `shown` columns), in the call
    /// view's chunk. The first of that chunk to show: the rest of the call
    /// view is compiled when the browser is next idle ([`warm`]).
    pub(crate) mod list_tools in call_view, fn(board: Board, shown: RwSignal<Vec<ColumnDef>>) {
        warm::when_idle(board);
        view! {
            <ExportMenu board />
            <ColumnChooser board shown />
        }
        .into_any()
    }
}
