//! The filter bar: exactly the provider's server-side filters, text inputs
//! debounced so typing sends one request, active filters as removable
//! chips, and clear-all. Filters the embedding pins are hidden. In a
//! narrow widget the controls fold behind one "Filters" button that counts
//! the active ones (their chips stay in view).

use leptos::prelude::*;

use super::adopt::{use_style, CONTROLS_STYLE};
use super::boxed::{effect, handler};
use super::el_ref::ElRef;
use super::format;
use super::keys::{use_shortcut, Area, Shortcuts};
use super::split::split_view;
use super::state::Board;
use super::words::plural;
use crate::core::decimal;
use crate::core::shortcuts::Shortcut;
use crate::core::time::{
    format_date, format_duration, parse_iso8601, zone_midnight, zone_next_midnight,
};
use crate::core::words::{self as msg, fill, Words};
use crate::core::{Capabilities, Choice, Direction, FilterKind, Filters};
use crate::net::later::{self, Timer};

/// How long typing must pause before a text filter applies.
pub const DEBOUNCE_MS: u32 = 350;

/// Whether a filter's field takes the line's spare width.
fn grows(kind: FilterKind) -> bool {
    kind == FilterKind::Search
}

/// The filter bar's place while its code loads (after the first rows):
/// the same boxes for the same filters (the first line's fields, "More
/// filters" under them), inert and unseen, so they wrap as the bar will
/// and nothing moves when it comes, at any width. Text and search fields
/// are the inputs they will be; a date or a choice is an empty box of the
/// control's size (a date input's inner fields made the first layout
/// about twice as long as without them, and its size is the box's).
#[component]
pub fn HeldFilters(board: Board) -> impl IntoView {
    let field = |class: &'static str, control: AnyView| {
        view! {
            <span class=class>
                <span class="cb-field__label">"\u{a0}"</span>
                {control}
            </span>
        }
        .into_any()
    };
    let input = move |class: &'static str, kind: &'static str| {
        field(
            class,
            view! { <input class="cb-input" type=kind /> }.into_any(),
        )
    };
    let boxed = move || {
        field(
            "cb-field",
            view! { <span class="cb-input"></span> }.into_any(),
        )
    };
    move || {
        let pinned = board.list.query().with(|q| q.scope.pinned());
        let (first, more): (Vec<FilterKind>, Vec<FilterKind>) = board
            .list
            .capabilities()
            .offered_filters(&pinned)
            .into_iter()
            .partition(|k| k.is_primary());
        let boxes = first
            .into_iter()
            .map(|kind| match kind {
                FilterKind::DateRange => {
                    view! { <span class="cb-field-group">{boxed()}{boxed()}</span> }.into_any()
                }
                k if is_choice(k) => boxed(),
                k if grows(k) => input("cb-field cb-field--grow", "search"),
                _ => input("cb-field", "text"),
            })
            .collect_view();
        view! {
            <div class="cb-filters cb-held" aria-hidden="true" inert>
                <span class="cb-button cb-filters__toggle">{board.lang.words().text(msg::FILTERS)}</span>
                <div class="cb-filters__controls">
                    {boxes}
                    {(!more.is_empty())
                        .then(|| view! {
                            <details class="cb-more">
                                <summary class="cb-button cb-button--ghost">{board.lang.words().text(msg::MORE_FILTERS)}</summary>
                            </details>
                        })}
                </div>
            </div>
        }
        .into_any()
    }
}

/// Whether a filter is a choice from a list (a `<select>`).
fn is_choice(kind: FilterKind) -> bool {
    matches!(
        kind,
        FilterKind::Status
            | FilterKind::CallType
            | FilterKind::EndReason
            | FilterKind::Sentiment
            | FilterKind::Outcome
            | FilterKind::Direction
    )
}

/// Where a `YYYY-MM-DD` input value's day starts in the widget's zone, as
/// epoch ms (DST-correct).
fn day_start(value: &str, l: &format::Locale) -> Option<i64> {
    parse_iso8601(value.trim())
        .map(|utc_midnight| zone_midnight(utc_midnight, |ms| format::offset_minutes(l, ms)))
}

/// Where the day after a `YYYY-MM-DD` input value's starts in the widget's
/// zone (a day is 23 or 25 hours long where the clocks change).
fn day_end(value: &str, l: &format::Locale) -> Option<i64> {
    parse_iso8601(value.trim())
        .map(|utc_midnight| zone_next_midnight(utc_midnight, |ms| format::offset_minutes(l, ms)))
}

/// The `YYYY-MM-DD` of instant `ms` in the widget's zone.
fn date_in_zone(ms: i64, l: &format::Locale) -> String {
    format_date(ms, format::offset_minutes(l, ms))
}

fn choice_label(choices: &[Choice], value: &str, w: Words) -> String {
    choices
        .iter()
        .find(|c| c.value.eq_ignore_ascii_case(value))
        .map_or_else(|| value.to_owned(), |c| w.text(c.label).to_owned())
}

/// The chips for the active filters: kind and text.
fn chips(f: &Filters, caps: &Capabilities, locale: &format::Locale) -> Vec<(FilterKind, String)> {
    let date = |ms: i64| format::long_date(locale, ms);
    f.active()
        .into_iter()
        .map(|kind| {
            let text = match kind {
                FilterKind::Status
                | FilterKind::CallType
                | FilterKind::EndReason
                | FilterKind::Sentiment
                | FilterKind::Outcome => choice_label(
                    caps.choices_for(kind),
                    f.text(kind).unwrap_or_default(),
                    locale.words,
                ),
                FilterKind::Direction => f
                    .direction
                    .map_or("", |d| locale.words.text(d.label()))
                    .to_owned(),
                FilterKind::Agent => f.agent_id.clone().unwrap_or_default(),
                FilterKind::Campaign => f.campaign_id.clone().unwrap_or_default(),
                FilterKind::Contact => f.contact_id.clone().unwrap_or_default(),
                FilterKind::Phone => f.phone_number.clone().unwrap_or_default(),
                FilterKind::Search => format!("“{}”", f.search.clone().unwrap_or_default()),
                FilterKind::DateRange => match (f.date_from, f.date_to) {
                    (Some(a), Some(b)) => format!("{} – {}", date(a), date(b - 1)),
                    (Some(a), None) => {
                        fill(locale.words.text(msg::FROM_DATE), &[("date", &date(a))])
                    }
                    (None, Some(b)) => fill(
                        locale.words.text(msg::UNTIL_DATE),
                        &[("date", &date(b - 1))],
                    ),
                    (None, None) => String::new(),
                },
                FilterKind::Duration => match (f.min_duration_ms, f.max_duration_ms) {
                    (Some(a), Some(b)) => {
                        format!("{} – {}", format_duration(a), format_duration(b))
                    }
                    (Some(a), None) => format!("≥ {}", format_duration(a)),
                    (None, Some(b)) => format!("≤ {}", format_duration(b)),
                    (None, None) => String::new(),
                },
            };
            (kind, text)
        })
        .collect()
}

/// A text input that applies its value after typing pauses (or on Enter).
#[component]
fn DebouncedText(
    /// The visible label.
    label: &'static str,
    /// The placeholder.
    placeholder: &'static str,
    /// The value in force (changes from outside flow into the box).
    #[prop(into)]
    value: Signal<Option<String>>,
    /// Applies a new value.
    on_commit: Callback<Option<String>>,
    /// The input's `type`.
    #[prop(default = "text")]
    kind: &'static str,
    /// Extra class for the field.
    #[prop(default = "")]
    class: &'static str,
    /// For the list's search box, the board's keys (`/` focuses it) and
    /// the filter bar's fold (unfolded first).
    #[prop(default = None)]
    search: Option<(Shortcuts, Fold)>,
) -> impl IntoView {
    let text = RwSignal::new(value.get_untracked().unwrap_or_default());
    let input = ElRef::<web_sys::HtmlInputElement>::new();
    if let Some((keys, fold)) = search {
        use_shortcut(keys, Shortcut::Search, Area::List, move || {
            let Some(input) = input.get_untracked() else {
                return false;
            };
            // Folded, the box is not shown: unfold, then focus it once the
            // controls are laid out.
            fold.open();
            later::after_ms(0, move || {
                let _ = input.focus();
            });
            true
        });
    }
    effect(move || {
        let v = value.get().unwrap_or_default();
        if text.get_untracked().trim() != v.trim() {
            text.set(v);
        }
    });
    let commit = move |t: String| {
        let v = Some(t.trim().to_owned()).filter(|s| !s.is_empty());
        if v != value.get_untracked() {
            on_commit.run(v);
        }
    };
    // The pending commit; replacing or dropping it (unmount) cancels it.
    let pending = StoredValue::new_local(None::<Timer>);
    let schedule = move |t: String| {
        let timer = Timer::new(DEBOUNCE_MS, move || commit(t));
        pending.try_update_value(|p| *p = timer);
    };
    view! {
        <label class=format!("cb-field {class}")>
            <span class="cb-field__label">{label}</span>
            <input
                type=kind
                class="cb-input"
                node_ref=input
                placeholder=placeholder
                prop:value=move || text.get()
                on:input=handler(move |ev: web_sys::Event| {
                    let t = event_target_value(&ev);
                    text.set(t.clone());
                    schedule(t);
                })
                on:keydown=handler(move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        pending.try_update_value(|p| *p = None);
                        commit(text.get_untracked());
                    }
                })
            />
        </label>
    }
}

/// A `<select>` over choices, with an "any" first option.
#[component]
fn ChoiceSelect(
    label: &'static str,
    any: &'static str,
    choices: Vec<(String, String)>,
    #[prop(into)] value: Signal<Option<String>>,
    on_change: Callback<Option<String>>,
) -> impl IntoView {
    view! {
        <label class="cb-field">
            <span class="cb-field__label">{label}</span>
            <select
                class="cb-select"
                on:change=handler(move |ev: web_sys::Event| {
                    let v = event_target_value(&ev);
                    on_change.run((!v.is_empty()).then_some(v));
                })
                prop:value=move || value.get().unwrap_or_default()
            >
                <option value="">{any}</option>
                {choices
                    .into_iter()
                    .map(|(v, l)| {
                        let selected = {
                            let v = v.clone();
                            move || value.with(|cur| cur.as_deref() == Some(v.as_str()))
                        };
                        view! { <option value=v selected=selected>{l}</option> }.into_any()
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

fn choices(list: &[Choice], w: Words) -> Vec<(String, String)> {
    list.iter()
        .map(|c| (c.value.to_owned(), w.text(c.label).to_owned()))
        .collect()
}

/// Minutes as the duration inputs show them.
fn minutes(ms: Option<i64>) -> String {
    ms.map(|m| decimal::format(m as f64 / 60_000.0, 2))
        .unwrap_or_default()
}

/// A duration input's minutes as milliseconds (blank or invalid: none).
fn parse_minutes(v: &str) -> Option<i64> {
    decimal::parse(v)
        .filter(|m| m.is_finite() && *m >= 0.0)
        .map(|m| (m * 60_000.0).round() as i64)
}

fn show_from(f: &Filters, l: &format::Locale) -> String {
    f.date_from
        .map(|ms| date_in_zone(ms, l))
        .unwrap_or_default()
}
fn apply_from(f: &mut Filters, v: &str, l: &format::Locale) {
    f.date_from = day_start(v, l);
}
// `date_to` is exclusive; the input shows the last day included.
fn show_to(f: &Filters, l: &format::Locale) -> String {
    f.date_to
        .map(|ms| date_in_zone(ms - 1, l))
        .unwrap_or_default()
}
fn apply_to(f: &mut Filters, v: &str, l: &format::Locale) {
    f.date_to = day_end(v, l);
}
fn show_min(f: &Filters, _: &format::Locale) -> String {
    minutes(f.min_duration_ms)
}
fn apply_min(f: &mut Filters, v: &str, _: &format::Locale) {
    f.min_duration_ms = parse_minutes(v);
}
fn show_max(f: &Filters, _: &format::Locale) -> String {
    minutes(f.max_duration_ms)
}
fn apply_max(f: &mut Filters, v: &str, _: &format::Locale) {
    f.max_duration_ms = parse_minutes(v);
}

/// An input for one bound of a range filter (a date or a duration), applied
/// when it changes (not per keystroke).
#[component]
fn BoundInput(
    board: Board,
    /// The visible label.
    label: &'static str,
    /// `date` or `number`.
    input: &'static str,
    /// The bound as the input shows it.
    show: fn(&Filters, &format::Locale) -> String,
    /// Applies the input's text to the filters (dates in the widget's zone).
    apply: fn(&mut Filters, &str, &format::Locale),
) -> impl IntoView {
    let number = input == "number";
    view! {
        <label class=if number { "cb-field cb-field--narrow" } else { "cb-field" }>
            <span class="cb-field__label">{label}</span>
            <input
                type=input
                class="cb-input"
                min=number.then_some("0")
                step=number.then_some("0.5")
                prop:value=move || {
                    let locale = board.locale().get();
                    board.list.query().with(|q| show(&q.filters, &locale))
                }
                on:change=handler(move |ev: web_sys::Event| {
                    let v = event_target_value(&ev);
                    let locale = board.locale().get_untracked();
                    board.list.update_filters(|f| apply(f, &v, &locale));
                })
            />
        </label>
    }
}

#[component]
fn FilterControl(board: Board, kind: FilterKind, fold: Fold) -> impl IntoView {
    match kind {
        FilterKind::Status
        | FilterKind::CallType
        | FilterKind::EndReason
        | FilterKind::Sentiment
        | FilterKind::Outcome => choice_control(board, kind).into_any(),
        FilterKind::Direction => direction_control(board).into_any(),
        FilterKind::Search
        | FilterKind::Phone
        | FilterKind::Agent
        | FilterKind::Campaign
        | FilterKind::Contact => text_control(board, kind, fold).into_any(),
        FilterKind::DateRange => view! {
            <div class="cb-field-group" role="group" aria-label=board.lang.words().text(msg::FILTER_DATE_RANGE)>
                <BoundInput board label=board.lang.words().text(msg::DATE_FROM) input="date" show=show_from apply=apply_from />
                <BoundInput board label=board.lang.words().text(msg::DATE_TO) input="date" show=show_to apply=apply_to />
            </div>
        }
        .into_any(),
        FilterKind::Duration => view! {
            <BoundInput board label=board.lang.words().text(msg::MIN_MINUTES) input="number" show=show_min apply=apply_min />
            <BoundInput board label=board.lang.words().text(msg::MAX_MINUTES) input="number" show=show_max apply=apply_max />
        }
        .into_any(),
    }
}

/// Filter `kind`'s text value in force (tracked).
fn text_value(board: Board, kind: FilterKind) -> Signal<Option<String>> {
    Signal::derive(move || {
        board
            .list
            .query()
            .with(|q| q.filters.text(kind).map(str::to_owned))
    })
}

/// Sets filter `kind`'s text value.
fn set_text(board: Board, kind: FilterKind) -> Callback<Option<String>> {
    Callback::new(move |v| board.list.update_filters(|f| f.set_text(kind, v)))
}

/// A choice filter (status, call type, end reason, sentiment, outcome)
/// among the provider's values.
fn choice_control(board: Board, kind: FilterKind) -> impl IntoView {
    let any = match kind {
        FilterKind::Status => msg::ANY_STATUS,
        FilterKind::CallType => msg::ANY_TYPE,
        FilterKind::Sentiment => msg::ANY_SENTIMENT,
        FilterKind::Outcome => msg::ANY_OUTCOME,
        _ => msg::ANY_REASON,
    };
    let w = board.lang.words();
    let (label, any) = (w.text(kind.label()), w.text(any));
    let list = board.list.capabilities_untracked().choices_for(kind);
    view! {
        <ChoiceSelect
            label
            any
            choices=choices(list, w)
            value=text_value(board, kind)
            on_change=set_text(board, kind)
        />
    }
}

/// The direction filter, among the provider's directions.
fn direction_control(board: Board) -> impl IntoView {
    let dirs: Vec<(String, String)> = board
        .list
        .capabilities_untracked()
        .directions
        .iter()
        .map(|d| {
            (
                d.id().to_owned(),
                board.lang.words().text(d.label()).to_owned(),
            )
        })
        .collect();
    let value = Signal::derive(move || {
        board
            .list
            .query()
            .with(|q| q.filters.direction.map(|d| d.id().to_owned()))
    });
    let on_change = Callback::new(move |v: Option<String>| {
        board
            .list
            .update_filters(|f| f.direction = v.as_deref().map(Direction::from_raw))
    });
    let w = board.lang.words();
    let (label, any) = (w.text(msg::FILTER_DIRECTION), w.text(msg::ANY_DIRECTION));
    view! { <ChoiceSelect label any choices=dirs value on_change /> }
}

/// A text filter (search, phone, agent, campaign, contact), applied as
/// typing pauses.
fn text_control(board: Board, kind: FilterKind, fold: Fold) -> impl IntoView {
    let caps = board.list.capabilities_untracked();
    let w = board.lang.words();
    let (label, placeholder, input) = match kind {
        FilterKind::Search => (
            w.text(msg::FILTER_SEARCH),
            w.text(caps.search_hint.unwrap_or(msg::SEARCH_CALLS)),
            "search",
        ),
        FilterKind::Phone => (w.text(msg::FILTER_PHONE), "+1 415 555 0100", "tel"),
        FilterKind::Agent => (w.text(msg::AGENT_ID), w.text(msg::AGENT_ID), "text"),
        FilterKind::Campaign => (w.text(msg::CAMPAIGN_ID), w.text(msg::CAMPAIGN_ID), "text"),
        _ => (w.text(msg::CONTACT_ID), w.text(msg::CONTACT_ID), "text"),
    };
    let class = if grows(kind) { "cb-field--grow" } else { "" };
    let search = (kind == FilterKind::Search).then_some((board.keys, fold));
    view! {
        <DebouncedText
            label
            placeholder
            kind=input
            class
            search
            value=text_value(board, kind)
            on_commit=set_text(board, kind)
        />
    }
}

/// Whether a narrow widget's filter controls are unfolded. (Wide, they
/// always show and the fold's button is not there: the stylesheet decides.)
#[derive(Clone, Copy)]
pub(crate) struct Fold(RwSignal<bool>);

impl Fold {
    fn open(self) {
        self.0.set(true);
    }
}

/// The fold's button: "Filters", the number of active filters (named
/// "Filters, 2 active"), and whether the controls are shown
/// (`aria-expanded`, which the stylesheet follows).
fn fold_button(board: Board, fold: Fold, active: Memo<Vec<(FilterKind, String)>>) -> impl IntoView {
    let count = move || active.with(Vec::len);
    view! {
        <button
            type="button"
            class="cb-button cb-filters__toggle"
            aria-expanded=move || fold.0.get().to_string()
            aria-label=move || match count() {
                0 => board.lang.words().text(msg::FILTERS).to_owned(),
                n => plural(board.lang.words(), msg::FILTERS_ACTIVE, n as f64, &n.to_string(), &[]),
            }
            on:click=handler(move |_| fold.0.update(|open| *open = !*open))
        >
            {board.lang.words().text(msg::FILTERS)}
            // (Empty, and so not shown, with none active.)
            <span class="cb-filters__count" aria-hidden="true">
                {move || match count() {
                    0 => String::new(),
                    n => n.to_string(),
                }}
            </span>
        </button>
    }
}

/// The filter bar above the table.
#[component]
pub fn FilterBar(board: Board) -> impl IntoView {
    // A memo: the query changes on every page flip, the controls only when
    // the scope does.
    let kinds = Memo::new(move |_| {
        let pinned = board.list.query().with(|q| q.scope.pinned());
        board.list.capabilities().offered_filters(&pinned)
    });
    let fold = Fold(RwSignal::new(false));
    let active = active_filters(board);
    let bar = ElRef::<web_sys::HtmlDivElement>::new();
    use_style(bar, CONTROLS_STYLE);
    let controls = move || {
        let (primary, more): (Vec<FilterKind>, Vec<FilterKind>) =
            kinds.get().into_iter().partition(|k| k.is_primary());
        let controls = move |kinds: Vec<FilterKind>| {
            kinds
                .into_iter()
                .map(|kind| view! { <FilterControl board kind fold /> }.into_inner())
                .collect_view()
        };
        let more = (!more.is_empty()).then(|| {
            view! {
                <details class="cb-more">
                    <summary class="cb-button cb-button--ghost">{board.lang.words().text(msg::MORE_FILTERS)}</summary>
                    <div class="cb-more__controls">{controls(more)}</div>
                </details>
            }
        });
        view! { {controls(primary)} {more} }.into_any()
    };
    view! {
        <div class="cb-filters" part="filters" role="search" aria-label=board.lang.words().text(msg::FILTER_CALLS) node_ref=bar>
            {fold_button(board, fold, active)}
            <div class="cb-filters__controls">{controls}</div>
            {active_chips(board, active)}
        </div>
    }
}

/// The active filters' kinds and chip texts.
fn active_filters(board: Board) -> Memo<Vec<(FilterKind, String)>> {
    // A memo: the query changes on every page flip, the chips only when
    // the filters do.
    Memo::new(move |_| {
        let caps = board.list.capabilities();
        let locale = board.locale().get();
        board
            .list
            .query()
            .with(|q| chips(&q.filters, caps, &locale))
    })
}

/// The active filters as removable chips, and "Clear all".
fn active_chips(board: Board, active: Memo<Vec<(FilterKind, String)>>) -> impl IntoView {
    let chip = move |(kind, text): (FilterKind, String)| {
        let w = board.lang.words();
        let label = format!("{}: {}", w.text(kind.label()), text);
        let remove = fill(w.text(msg::REMOVE_FILTER), &[("filter", &label)]);
        view! {
            <li class="cb-chip">
                <span>{label.clone()}</span>
                <button
                    type="button"
                    class="cb-chip__remove"
                    aria-label=remove
                    on:click=handler(move |_| board.list.update_filters(|f| f.clear(kind)))
                >
                    "✕"
                </button>
            </li>
        }
    };
    move || {
        let chips = active.get();
        (!chips.is_empty()).then(|| {
            view! {
                <ul class="cb-chips" aria-label=board.lang.words().text(msg::ACTIVE_FILTERS)>
                    {chips.into_iter().map(chip).collect_view()}
                    <li>
                        <button
                            type="button"
                            class="cb-button cb-button--ghost"
                            on:click=handler(move |_| board.list.set_filters(Filters::default()))
                        >
                            {board.lang.words().text(msg::CLEAR_ALL)}
                        </button>
                    </li>
                </ul>
            }
            .into_any()
        })
    }
}

split_view! {
    /// The split point: the filter bar, in the list controls' chunk (the
    /// first rows need none of it; [`HeldFilters`] holds its place).
    pub(crate) mod filter_bar in list_controls, fn(board: Board) {
        // The page's language is followed from here on (its code is in
        // this chunk: an English page needs none of it before its rows).
        board.lang.follow_page();
        // Built again in another language (the filters are the board's).
        (move || {
            board.lang.words();
            view! { <FilterBar board /> }
        })
        .into_any()
    }
}
