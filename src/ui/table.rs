//! The call table: sortable headers, keyed rows, selection, loading,
//! empty and error states, and a chooser for provider extras.

use leptos::prelude::*;

use super::format;
use super::state::Board;
use crate::core::columns::Column;
use crate::core::normalize::{humanize, short_id};
use crate::core::phone;
use crate::core::time::format_duration;
use crate::core::{Call, Direction, ExtraValue, Sort, SortDir, SortField};

/// An extra column the user added: the extra's key and label.
pub type ExtraColumn = (String, String);

/// The sort a click on `field`'s header asks for: flip an active sort;
/// otherwise time starts oldest-first (the default is newest-first) and
/// other fields largest-first.
pub fn next_sort(current: Option<Sort>, field: SortField) -> Sort {
    let dir = match current {
        Some(s) if s.field == field => match s.dir {
            SortDir::Desc => SortDir::Asc,
            SortDir::Asc => SortDir::Desc,
        },
        _ if matches!(field, SortField::StartedAt | SortField::CreatedAt) => SortDir::Asc,
        _ => SortDir::Desc,
    };
    Sort { field, dir }
}

/// `aria-sort` for a sortable header: the time column is newest-first
/// until another sort is chosen.
fn aria_sort(current: Option<Sort>, field: SortField) -> &'static str {
    match current {
        Some(s) if s.field == field => match s.dir {
            SortDir::Asc => "ascending",
            SortDir::Desc => "descending",
        },
        None if matches!(field, SortField::StartedAt | SortField::CreatedAt) => "descending",
        _ => "none",
    }
}

/// An extra's value as cell text.
pub fn extra_text(locale: &format::Locale, value: &ExtraValue) -> String {
    match value {
        ExtraValue::Text(t) => t.clone(),
        ExtraValue::Flag(true) => "Yes".to_owned(),
        ExtraValue::Flag(false) => "No".to_owned(),
        ExtraValue::Number(n) => format::number(locale, *n),
        ExtraValue::Link(url) => url.clone(),
    }
}

/// A direction with a glyph that does not rely on colour.
pub fn direction_label(d: Direction) -> String {
    let glyph = match d {
        Direction::Inbound => "↙",
        Direction::Outbound => "↗",
        Direction::Web => "◎",
        Direction::Unknown => "·",
    };
    format!("{glyph} {}", d.label())
}

/// The status as shown: the provider's word, humanized.
pub fn status_label(call: &Call) -> String {
    call.status_raw
        .as_deref()
        .map_or_else(|| call.status.label().to_owned(), humanize)
}

#[component]
fn HeaderCell(board: Board, column: Column) -> impl IntoView {
    let field = move || column.sort_field(board.capabilities());
    let sort_attr = move || field().map(|f| aria_sort(board.query.with(|q| q.sort), f));
    let label = column.label();
    view! {
        <th scope="col" class=format!("cb-th cb-th--{}", column.id()) aria-sort=sort_attr>
            {move || match field() {
                Some(f) => {
                    let arrow = move || match aria_sort(board.query.with(|q| q.sort), f) {
                        "ascending" => "▲",
                        "descending" => "▼",
                        _ => "↕",
                    };
                    view! {
                        <button
                            type="button"
                            class="cb-sort"
                            on:click=move |_| {
                                let next = next_sort(board.query.with_untracked(|q| q.sort), f);
                                board.set_sort(Some(next));
                            }
                        >
                            {label}
                            <span class="cb-sort__icon" aria-hidden="true">{arrow}</span>
                        </button>
                    }
                        .into_any()
                }
                None => label.into_any(),
            }}
        </th>
    }
}

/// One call's row. `locale` is read by the table body (rows are rebuilt
/// when it changes, so a row holds no effect on it).
fn row(
    board: Board,
    call: Call,
    locale: format::Locale,
    selected: Selector<Option<String>>,
    extra_columns: RwSignal<Vec<ExtraColumn>>,
) -> impl IntoView {
    let id = call.id.clone();
    let key = Some(id.clone());
    let is_selected = move || selected.selected(&key);
    let open = {
        let id = id.clone();
        move || board.open(id.clone())
    };
    let open_key = open.clone();
    let time = call.time();
    let when = time.map_or_else(|| "—".to_owned(), |t| format::date_time(&locale, t));
    let customer_name = call.customer_name.clone();
    let customer_number = call.customer_number.as_deref().map(phone::display);
    let customer_main = customer_name
        .clone()
        .or_else(|| customer_number.clone())
        .unwrap_or_else(|| "Unknown".into());
    let customer_sub = customer_name.and(customer_number);
    let agent = call
        .agent_name
        .clone()
        .or_else(|| call.agent_id.as_deref().map(short_id))
        .unwrap_or_else(|| "—".into());
    let duration = call
        .duration()
        .map_or_else(|| "—".to_owned(), format_duration);
    let outcome = call.outcome().unwrap_or_else(|| "—".into());
    let extras = call.extras.clone();
    let extra_cells = move || {
        extra_columns
            .get()
            .into_iter()
            .map(|(key, _)| {
                let text = extras
                    .iter()
                    .find(|e| e.key == key)
                    .map_or_else(|| "—".to_owned(), |e| extra_text(&locale, &e.value));
                view! { <td class="cb-td cb-td--extra">{text}</td> }
            })
            .collect_view()
    };
    view! {
        <tr
            class="cb-row"
            tabindex="0"
            data-call-id=id
            aria-selected=move || is_selected().to_string()
            on:click=move |_| open()
            on:keydown=move |ev| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    open_key();
                }
            }
        >
            <td class="cb-td cb-td--time">{when}</td>
            <td class="cb-td cb-td--direction" data-direction=call.direction.id()>
                {direction_label(call.direction)}
            </td>
            <td class="cb-td cb-td--customer">
                <span class="cb-primary">{customer_main}</span>
                {customer_sub.map(|n| view! { <span class="cb-secondary">{n}</span> })}
            </td>
            <td class="cb-td cb-td--agent">{agent}</td>
            <td class="cb-td cb-td--duration">{duration}</td>
            <td class="cb-td cb-td--status">
                <span class="cb-badge" data-status=call.status.id()>{status_label(&call)}</span>
            </td>
            <td class="cb-td cb-td--outcome">{outcome}</td>
            {extra_cells}
        </tr>
    }
}

/// The extras present on the loaded page, by first appearance.
fn available_extras(board: Board) -> Vec<ExtraColumn> {
    board.list.with(|l| {
        let mut seen: Vec<ExtraColumn> = Vec::new();
        for call in l.page.iter().flat_map(|p| p.rows.iter()) {
            for e in &call.extras {
                if !seen.iter().any(|(k, _)| *k == e.key) {
                    seen.push((e.key.clone(), e.label.clone()));
                }
            }
        }
        seen
    })
}

#[component]
fn ColumnChooser(board: Board, extra_columns: RwSignal<Vec<ExtraColumn>>) -> impl IntoView {
    let options = move || available_extras(board);
    view! {
        <details class="cb-columns" part="column-chooser">
            <summary class="cb-button cb-button--ghost">"Columns"</summary>
            <div class="cb-columns__menu" role="group" aria-label="Extra columns">
                {move || {
                    let opts = options();
                    if opts.is_empty() {
                        return view! { <p class="cb-muted">"No extra fields on this page."</p> }.into_any();
                    }
                    opts.into_iter()
                        .map(|(key, label)| {
                            let k = key.clone();
                            let checked = move || extra_columns.with(|c| c.iter().any(|(x, _)| *x == k));
                            let entry = (key.clone(), label.clone());
                            view! {
                                <label class="cb-check">
                                    <input
                                        type="checkbox"
                                        prop:checked=checked
                                        on:change=move |_| {
                                            let entry = entry.clone();
                                            extra_columns.update(|c| {
                                                if let Some(i) = c.iter().position(|(x, _)| *x == entry.0) {
                                                    c.remove(i);
                                                } else {
                                                    c.push(entry);
                                                }
                                            });
                                        }
                                    />
                                    {label}
                                </label>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </div>
        </details>
    }
}

/// The table of calls.
#[component]
pub fn CallTable(board: Board) -> impl IntoView {
    let extra_columns: RwSignal<Vec<ExtraColumn>> = RwSignal::new(Vec::new());
    let selected = Selector::new(move || board.selected.get());
    // The rows change only when a page arrives (not when loading starts).
    let rows = Memo::new(move |_| {
        board
            .list
            .with(|l| l.page.as_ref().map(|p| p.rows.clone()).unwrap_or_default())
    });
    let loading = move || board.list.with(|l| l.loading);
    let has_filters = move || board.query.with(|q| !q.filters.is_empty());
    let column_count = move || Column::ALL.len() + extra_columns.with(Vec::len);
    let placeholder = move || {
        board.list.with(|l| match &l.page {
            None if l.loading => Some(("loading", "Loading calls…")),
            None if l.error.is_some() => Some(("error", "Calls could not be loaded.")),
            None => None,
            Some(p) if p.rows.is_empty() && !l.loading => Some((
                "empty",
                if has_filters() {
                    "No calls match these filters."
                } else {
                    "No calls yet."
                },
            )),
            _ => None,
        })
    };
    let skipped = move || {
        board
            .list
            .with(|l| l.page.as_ref().map_or(0, |p| p.skipped))
    };
    view! {
        <div class="cb-table-tools">
            <ColumnChooser board extra_columns />
        </div>
        <div class="cb-table-wrap" part="table">
            <table class="cb-table" aria-busy=move || loading().to_string()>
                <caption class="cb-sr-only">"Calls"</caption>
                <thead>
                    <tr>
                        {Column::ALL.map(|c| view! { <HeaderCell board column=c /> }).collect_view()}
                        <For
                            each=move || extra_columns.get()
                            key=|(k, _)| k.clone()
                            children=move |(_, label)| view! { <th scope="col" class="cb-th">{label}</th> }
                        />
                    </tr>
                </thead>
                <tbody class="cb-tbody" data-state=move || if loading() { "loading" } else { "idle" }>
                    // Rebuilt whole when a page arrives (a new page shares no
                    // rows with the last): cheaper than keyed diffing, and the
                    // rows' reactive parts go with the closure's owner.
                    {move || {
                        let locale = board.locale.get();
                        // The selector keeps a listener per id it was asked
                        // about; forget the last page's before making these.
                        selected.clear();
                        rows.get()
                            .into_iter()
                            .map(|call| {
                                let selected = selected.clone();
                                row(board, call, locale.clone(), selected, extra_columns)
                            })
                            .collect_view()
                    }}
                    {move || {
                        placeholder()
                            .map(|(state, text)| {
                                view! {
                                    <tr class="cb-placeholder" data-state=state>
                                        <td colspan=column_count>
                                            <span class="cb-placeholder__text">{text}</span>
                                            {(state == "empty" && has_filters())
                                                .then(|| {
                                                    view! {
                                                        <button
                                                            type="button"
                                                            class="cb-button"
                                                            on:click=move |_| board.set_filters(Default::default())
                                                        >
                                                            "Clear filters"
                                                        </button>
                                                    }
                                                })}
                                        </td>
                                    </tr>
                                }
                            })
                    }}
                </tbody>
            </table>
        </div>
        {move || {
            let n = skipped();
            (n > 0)
                .then(|| {
                    let noun = if n == 1 { "call" } else { "calls" };
                    view! {
                        <p class="cb-note" role="note">
                            {format!("{n} {noun} on this page could not be read and {} not shown.", if n == 1 { "is" } else { "are" })}
                        </p>
                    }
                })
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_cycles() {
        let s = next_sort(None, SortField::StartedAt);
        assert_eq!(
            s.dir,
            SortDir::Asc,
            "time is newest-first by default, so a click flips it"
        );
        assert_eq!(next_sort(Some(s), SortField::StartedAt).dir, SortDir::Desc);
        assert_eq!(next_sort(Some(s), SortField::Duration).dir, SortDir::Desc);
        assert_eq!(aria_sort(None, SortField::StartedAt), "descending");
        assert_eq!(aria_sort(None, SortField::Duration), "none");
        assert_eq!(aria_sort(Some(s), SortField::StartedAt), "ascending");
    }
}
