//! The call table: sortable headers, rows, selection, loading, empty and
//! error states. Headers, cells and the column chooser
//! (`column_chooser`, in the call view's chunk) all render from one list of
//! [`ColumnDef`]s.

use leptos::either::EitherOf3;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::boxed::{effect, handler};
use super::code::CodeState;
use super::columns::{Cell, ColumnDef};
use super::el_ref::ElRef;
use super::export::list_tools;
use super::format;
use super::list::LoadedPage;
use super::read_only::ReadOnly;
use super::remote::Fetched;
use super::scroll;
use super::split::{held_until_loaded, Chunk};
use super::state::Board;
use super::words::plural;
use crate::core::words::{self as msg, Msg, Words};
use crate::core::{Call, Sort, SortState};
use crate::net::later;

#[component]
fn HeaderCell(board: Board, column: ColumnDef, words: Words) -> impl IntoView {
    let sortable = column.clone();
    let field = move || sortable.sort_field(board.list.capabilities());
    let sort_attr = {
        let field = field.clone();
        move || field().map(|f| SortState::of(board.list.query().with(|q| q.sort), f).aria())
    };
    let label = column.header(words).to_owned();
    // A column the provider names itself is headed by its word, not ours.
    let own = if column.header_is_own() {
        " cb-own"
    } else {
        ""
    };
    view! {
        <th scope="col" class=format!("cb-th cb-th--{}{own}", column.class_id()) aria-sort=sort_attr>
            {move || match field() {
                Some(f) => {
                    let arrow = move || {
                        SortState::of(board.list.query().with(|q| q.sort), f)
                            .arrow()
                            .to_owned()
                    };
                    view! {
                        <button
                            type="button"
                            class="cb-sort"
                            on:click=handler(move |_| {
                                let next = Sort::next(board.list.query().with_untracked(|q| q.sort), f);
                                board.list.set_sort(Some(next));
                            })
                        >
                            {label.clone()}
                            <span class="cb-sort__icon" aria-hidden="true">{arrow}</span>
                        </button>
                    }
                        .into_any()
                }
                None => label.clone().into_any(),
            }}
        </th>
    }
}

/// One cell of a row.
fn cell_view(column: &ColumnDef, call: &Call, locale: &format::Locale) -> impl IntoView {
    let class = column.cell_class();
    let content = match column.cell(call, locale) {
        Cell::Text(text) => EitherOf3::A(text),
        Cell::Lines(main, sub) => EitherOf3::B(view! {
            <span class="cb-primary">{main}</span>
            {sub.map(|n| view! { <span class="cb-secondary">{n}</span> })}
        }),
        Cell::Badge(status, text) => {
            EitherOf3::C(view! { <span class="cb-badge" data-status=status>{text}</span> })
        }
    };
    view! { <td class=class>{content}</td> }
}

/// One call's row, static: opening a row's call is handled once for all
/// rows by the table body ([`row_of`]), and which row is selected is set
/// by [`show_selected`] alone, not by two listeners and an effect per row.
/// `locale` and `columns` are read by the table body (rows are rebuilt
/// when they change).
fn row(call: Call, locale: &format::Locale, columns: &[ColumnDef]) -> impl IntoView {
    let cells = columns
        .iter()
        .map(|c| cell_view(c, &call, locale).into_any())
        .collect_view();
    view! {
        <tr
            class="cb-row"
            tabindex="0"
            data-call-id=call.id
            aria-selected="false"
        >
            {cells}
        </tr>
    }
}

/// The call row an event in the table body happened in (not the
/// placeholder row, nor a button in it).
fn row_of(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("tr[data-call-id]")
        .ok()?
}

/// Opens the call of `row`, remembering where the row is on screen (to
/// come back to it).
fn open_row(board: Board, row: &web_sys::Element) {
    if let Some(id) = row.get_attribute("data-call-id") {
        board.call.open_from_row(id, scroll::top(row));
    }
}

/// Marks the row of call `id` selected in `body` (`aria-selected`, which
/// the style shows), and no other.
fn show_selected(body: &web_sys::Element, id: Option<&str>) {
    for row in call_rows(body) {
        let now = id.is_some() && row.get_attribute("data-call-id").as_deref() == id;
        let was = row.get_attribute("aria-selected").as_deref() == Some("true");
        if now != was {
            let _ = row.set_attribute("aria-selected", if now { "true" } else { "false" });
        }
    }
}

/// The call rows under `root` (`tr[data-call-id]`), in document order.
pub(crate) fn call_rows(root: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(rows) = root.query_selector_all("tr[data-call-id]") else {
        return Vec::new();
    };
    (0..rows.length())
        .filter_map(|i| rows.item(i)?.dyn_into().ok())
        .collect()
}

/// The row of call `id` under `root`, if it is shown.
pub(crate) fn call_row(root: &web_sys::Element, id: &str) -> Option<web_sys::HtmlElement> {
    call_rows(root)
        .into_iter()
        .find(|r| r.get_attribute("data-call-id").as_deref() == Some(id))
}

/// Marks the open call's row in the table body `body` (nothing if the
/// table is gone).
fn show_open_row(board: Board, body: ElRef<web_sys::HtmlTableSectionElement>) {
    if let Some(body) = body.get_untracked() {
        let open = board.call.id().try_get_untracked().flatten();
        show_selected(&body, open.as_deref());
    }
}

/// How long a page may load before the rows it replaces are dimmed, ms.
const SLOW_MS: u32 = 200;

/// True once `busy` has been true for `after_ms` without a break: a quick
/// page flip changes no style at all. (Dimming through a delayed CSS
/// transition instead cost about 8 ms a flip: starting it, even delayed,
/// put the rows on a layer of their own and painted them again.)
fn slow_after(busy: impl Fn() -> bool + 'static, after_ms: u32) -> ReadOnly<bool> {
    let slow = RwSignal::new(false);
    // The pending timer: replacing or dropping it cancels it (also when
    // the table goes).
    let timer = StoredValue::new_local(None::<later::Timer>);
    // Only a change of `busy` starts or stops the timer (a newer load
    // while one is loading does not start it again).
    let mut was = None;
    effect(move || {
        let now = busy();
        if was == Some(now) {
            return;
        }
        was = Some(now);
        let pending = if now {
            later::Timer::new(after_ms, move || {
                let _ = slow.try_set(true);
            })
        } else {
            slow.set(false);
            None
        };
        timer.set_value(pending);
    });
    slow.into()
}

/// What the table shows instead of rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Placeholder {
    /// The first page is loading.
    Loading,
    /// The list could not be loaded (the banner above says why).
    Failed,
    /// No calls; `filtered` when filters are set (then they can be cleared).
    Empty {
        /// Whether the user's filters are set.
        filtered: bool,
    },
}

impl Placeholder {
    /// The placeholder for the list as loaded, if rows are not shown.
    fn of(list: &Fetched<LoadedPage>, filtered: bool) -> Option<Self> {
        match list.value() {
            None if list.is_loading() => Some(Self::Loading),
            None if list.error().is_some() => Some(Self::Failed),
            None => None,
            Some(p) if p.page.rows.is_empty() && !list.is_loading() => {
                Some(Self::Empty { filtered })
            }
            _ => None,
        }
    }

    /// Its `data-state`.
    fn id(self) -> &'static str {
        match self {
            Self::Loading => "loading",
            Self::Failed => "error",
            Self::Empty { .. } => "empty",
        }
    }

    /// What it says.
    fn text(self) -> Msg {
        match self {
            Self::Loading => msg::LOADING_CALLS,
            Self::Failed => msg::CALLS_NOT_LOADED,
            Self::Empty { filtered: true } => msg::NO_CALLS_MATCH,
            Self::Empty { filtered: false } => msg::NO_CALLS_YET,
        }
    }
}

/// The row standing in for rows: loading (as tall as the page's rows
/// will be, striped like them, so nothing below the widget jumps when they
/// come), failed, or empty (with "Clear filters" when filters are set).
fn placeholder_row(board: Board, shown: RwSignal<Vec<ColumnDef>>) -> impl IntoView {
    let list = board.list.state();
    let placeholder = move || {
        let filtered = board.list.query().with(|q| !q.filters.is_empty());
        list.with(|l| Placeholder::of(l, filtered))
    };
    move || {
        placeholder().map(|placeholder| {
            let rows = board.list.query().with(|q| q.page_size).to_string();
            let columns = shown.with(Vec::len).max(1).to_string();
            let clear = (placeholder == Placeholder::Empty { filtered: true }).then(|| {
                view! {
                    <button
                        type="button"
                        class="cb-button"
                        on:click=handler(move |_| board.list.set_filters(Default::default()))
                    >
                        {board.lang.words().text(msg::CLEAR_FILTERS)}
                    </button>
                }
            });
            view! {
                <tr class="cb-placeholder" data-state=placeholder.id() style:--cb-rows=rows>
                    <td colspan=columns>
                        <span class="cb-placeholder__text">{board.lang.words().text(placeholder.text())}</span>
                        {clear}
                    </td>
                </tr>
            }
            .into_any()
        })
    }
}

/// "2 calls on this page could not be read and are not shown."
fn skipped_note(board: Board) -> impl IntoView {
    let skipped = move || {
        board
            .list
            .state()
            .with(|l| l.value().map_or(0, |l| l.page.skipped))
    };
    move || {
        let n = skipped();
        (n > 0).then(|| {
            let locale = board.locale().get();
            let shown = format::number(&locale, n as f64);
            view! {
                <p class="cb-note" role="note">
                    {plural(locale.words, msg::CALLS_SKIPPED, n as f64, &shown, &[])}
                </p>
            }
            .into_any()
        })
    }
}

/// The header row, rebuilt when the columns change (as the rows are).
fn header_row(board: Board, shown: RwSignal<Vec<ColumnDef>>) -> impl IntoView {
    view! {
        <tr>
            {move || {
                let words = board.lang.words();
                shown
                    .get()
                    .into_iter()
                    .map(|column| view! { <HeaderCell board column words /> }.into_any())
                    .collect_view()
            }}
        </tr>
    }
}

/// The rows of the page shown, rebuilt whole when a page arrives (a new
/// page shares no rows with the last: cheaper than keyed diffing, and the
/// rows' reactive parts go with the closure's owner).
fn rows_view(
    board: Board,
    shown: RwSignal<Vec<ColumnDef>>,
    body: ElRef<web_sys::HtmlTableSectionElement>,
) -> impl IntoView {
    let list = board.list.state();
    // The rows change only when a page arrives (not when loading starts).
    let rows = Memo::new(move |_| {
        list.with(|l| l.value().map(|l| l.page.rows.clone()).unwrap_or_default())
    });
    move || {
        let locale = board.locale().get();
        let columns = shown.get();
        // The next page's rows patch these elements in place (their
        // `aria-selected` untouched: always "false" in the view), so the
        // open row is marked again once they are in, a microtask after
        // this build.
        later::microtask(move || show_open_row(board, body));
        rows.get()
            .into_iter()
            .map(|call| row(call, &locale, &columns).into_any())
            .collect_view()
    }
}

/// The table of calls, with `lead` (how calls are heard as they happen)
/// and Export and the column chooser (from the call view's chunk, once it
/// is loaded) above it.
#[component]
pub fn CallTable(
    board: Board,
    /// What leads the row of tools above the table.
    lead: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let shown: RwSignal<Vec<ColumnDef>> = RwSignal::new(ColumnDef::defaults());
    let body = ElRef::<web_sys::HtmlTableSectionElement>::new();
    // The open call's row shows selected when a call opens or closes (and
    // after each build of the rows).
    effect(move || {
        board.call.id().track();
        show_open_row(board, body);
    });
    let loading = move || board.list.state().with(|l| l.is_loading());
    let slow = slow_after(loading, SLOW_MS);
    let loaded_tools = held_until_loaded(
        move || list_tools::now(board, shown),
        list_tools::load,
        || ().into_any(),
    );
    let tools = move || {
        if board.code.state(Chunk::CallView).get() == CodeState::Ready {
            loaded_tools()
        } else {
            ().into_any()
        }
    };
    view! {
        <div class="cb-table-tools">{lead}{tools}</div>
        <div class="cb-table-wrap" part="table">
            <table class="cb-table" aria-busy=move || loading().to_string()>
                <caption class="cb-sr-only">{board.lang.t(msg::CALLS)}</caption>
                <thead>{header_row(board, shown)}</thead>
                // A row pointed at or focused is likely to be opened: its
                // view's code starts loading.
                <tbody
                    node_ref=body
                    class="cb-tbody"
                    data-state=move || if loading() { "loading" } else { "idle" }
                    data-slow=move || slow.get().then_some("true")
                    on:pointerover=move |_| board.code.prefetch_call_view()
                    on:focusin=move |_| board.code.prefetch_call_view()
                    on:click=handler(move |ev: web_sys::MouseEvent| {
                        if let Some(row) = row_of(&ev) {
                            open_row(board, &row);
                        }
                    })
                    on:keydown=handler(move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Enter" || ev.key() == " " {
                            if let Some(row) = row_of(&ev) {
                                ev.prevent_default();
                                open_row(board, &row);
                            }
                        }
                    })
                >
                    {rows_view(board, shown, body)}
                    {placeholder_row(board, shown)}
                </tbody>
            </table>
        </div>
        {skipped_note(board)}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{ApiError, Page};
    use crate::net::FetchError;

    fn loaded(rows: usize) -> LoadedPage {
        let page = Page {
            rows: (0..rows)
                .map(|i| Call::new(crate::core::Provider::Vapi, format!("c{i}")))
                .collect(),
            ..Page::default()
        };
        LoadedPage {
            page,
            number: 1,
            size: 25,
        }
    }

    #[test]
    fn the_placeholder_says_what_the_list_is() {
        let failed = FetchError::Api(ApiError::unreadable("x"));
        assert_eq!(
            Placeholder::of(&Fetched::Loading(None), false),
            Some(Placeholder::Loading)
        );
        assert_eq!(
            Placeholder::of(&Fetched::Failed(failed.clone(), None), false),
            Some(Placeholder::Failed)
        );
        assert_eq!(Placeholder::of(&Fetched::Idle, false), None);
        assert_eq!(
            Placeholder::of(&Fetched::Ready(loaded(0)), true),
            Some(Placeholder::Empty { filtered: true })
        );
        // Rows, or the last rows while the next page loads: no placeholder.
        assert_eq!(Placeholder::of(&Fetched::Ready(loaded(3)), false), None);
        assert_eq!(
            Placeholder::of(&Fetched::Loading(Some(loaded(0))), false),
            None
        );
        assert_eq!(
            Placeholder::of(&Fetched::Failed(failed, Some(loaded(2))), false),
            None
        );
        assert_eq!(
            Placeholder::Empty { filtered: false }.text().en(),
            "No calls yet."
        );
        assert_eq!(Placeholder::Empty { filtered: true }.id(), "empty");
        assert_eq!(Placeholder::Failed.id(), "error");
    }
}
