//! The transcript viewer: speaker turns, with tool calls, node transitions
//! and key presses as compact rows between them; click a timed turn to
//! seek, the playing turn highlighted (`aria-current`) and followed, search
//! (turns and tool rows) with next/previous, copy and download.
//!
//! Following playback never re-renders the transcript: the playing turn is
//! a memo over a binary search (`TurnIndex`), and a `Selector` tells only
//! the turn that stopped and the turn that started playing.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::adopt::{use_style, DETAIL_STYLE};
use super::boxed::{effect, handler};
use super::el_ref::ElRef;
use super::keys::{use_shortcut, Area, Shortcuts};
use super::media::Playback;
use super::share::{close_menu, copy_text, download_text};
use super::words::Language;
use crate::core::row_batches::RowBatches;
use crate::core::shortcuts::Shortcut;
use crate::core::time::format_duration;
use crate::core::transcript_export::Format;
use crate::core::transcript_index::{
    current_word, hits_in, search, segments, word_pieces, Field, Match, TurnIndex,
};
use crate::core::transcript_rows::{Layout, Row, ToolRow};
use crate::core::words::{self as msg, fill, Words};
use crate::core::{Speaker, Transcript};
use crate::net::later;
use crate::net::perf;

/// Rows put in the DOM at first paint (more than the scroll area's 420 px
/// shows), then in each task after that paint until all are in: a
/// 3,000-turn call paints its first screen without building the turns
/// below it first, and the page stays responsive (input and painting run
/// between the batches). `detail.css` names the first batch's size too: its
/// rows are always laid out, the rest only near the screen.
const BATCHES: RowBatches = RowBatches::new(24, 100);

/// Adds a batch per task until `total` are shown (stops when the
/// transcript is gone).
fn grow_batches(shown: RwSignal<usize>, total: usize) {
    later::after_ms(0, move || {
        let Some(n) = shown.try_get_untracked() else {
            return;
        };
        if n < total {
            shown.set(n + 1);
            if n + 1 == total {
                perf::measure_after_updates(perf::TRANSCRIPT_ALL, perf::TRANSCRIPT_START);
            }
            grow_batches(shown, total);
        }
    });
}

fn speaker_id(s: Speaker) -> &'static str {
    match s {
        Speaker::Agent => "agent",
        Speaker::Customer => "customer",
        Speaker::Other => "other",
    }
}

/// Scrolls `container` so the element matching `selector` sits a third of
/// the way down, without scrolling the host page. Returns whether it moved.
fn scroll_within(container: &web_sys::HtmlElement, selector: &str) -> bool {
    let Some(target) = container
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    let top = target.offset_top() - container.client_height() / 3;
    let top = top.max(0);
    if (container.scroll_top() - top).abs() > 1 {
        container.set_scroll_top(top);
        true
    } else {
        false
    }
}

/// Brings row `row` (or what `selector` finds in it) into view: at once
/// when it is in the DOM, else after the batch holding it has rendered.
fn reveal(
    container: ElRef<web_sys::HtmlDivElement>,
    shown: RwSignal<usize>,
    row: usize,
    selector: String,
    auto_scrolling: StoredValue<bool>,
) {
    // May run a frame later, when the transcript can be gone: every
    // access tolerates that (`get_untracked` is `None`, `try_set_value`).
    let scroll = move || {
        if let Some(c) = container.get_untracked() {
            if scroll_within(&c, &selector) {
                auto_scrolling.try_set_value(true);
            }
        }
    };
    if shown.get_untracked() >= BATCHES.through(row) {
        scroll();
    } else {
        shown.set(BATCHES.through(row));
        later::next_frame(scroll);
    }
}

/// The search state of a transcript: the query, its matches and the
/// active one. `Copy`.
#[derive(Clone, Copy)]
struct Search {
    query: RwSignal<String>,
    matches: Memo<Vec<Match>>,
    active: RwSignal<usize>,
    active_match: Memo<Option<Match>>,
}

impl Search {
    fn new(transcript: &Arc<Transcript>, layout: &Arc<Layout>) -> Self {
        let query = RwSignal::new(String::new());
        let (t, l) = (Arc::clone(transcript), Arc::clone(layout));
        let matches = Memo::new(move |_| search(&t, &l, &query.get()));
        let active = RwSignal::new(0_usize);
        let active_match = Memo::new(move |_| matches.with(|m| m.get(active.get()).copied()));
        Self {
            query,
            matches,
            active,
            active_match,
        }
    }

    /// Moves to the next (`1`) or previous (`-1`) match, wrapping.
    fn step(&self, delta: isize) {
        let n = self.matches.with_untracked(Vec::len);
        if n == 0 {
            return;
        }
        let next = (self.active.get_untracked() as isize + delta).rem_euclid(n as isize);
        self.active.set(next as usize);
    }

    /// Where the active hit of row `row` starts in `field`, if it is there.
    fn active_start(
        &self,
        active_row: &Selector<Option<usize>>,
        row: usize,
        field: Field,
    ) -> Option<usize> {
        active_row
            .selected(&Some(row))
            .then(|| self.active_match.get())
            .flatten()
            .filter(|m| m.field == field)
            .map(|m| m.start)
    }

    /// "2 of 7", "No matches", or nothing without a query, in `w`.
    fn count_text(&self, w: Words) -> String {
        let n = self.matches.with(Vec::len);
        if self.query.with(|q| q.trim().is_empty()) {
            String::new()
        } else if n == 0 {
            w.text(msg::NO_MATCHES).to_owned()
        } else {
            let (active, total) = (
                (self.active.get().min(n - 1) + 1).to_string(),
                n.to_string(),
            );
            fill(w.text(msg::MATCH_OF), &[("n", &active), ("total", &total)])
        }
    }
}

/// How the transcript follows playback: the playing turn is brought into
/// view while following is on; scrolling by hand (while playing) or
/// stepping through search hits turns it off, "Follow playback" or a
/// click to play turns it back on. `Copy`.
#[derive(Clone, Copy)]
struct Follow {
    following: RwSignal<bool>,
    /// The next scroll event is the widget's own.
    auto_scrolling: StoredValue<bool>,
    container: ElRef<web_sys::HtmlDivElement>,
    shown_batches: RwSignal<usize>,
    layout: StoredValue<Arc<Layout>>,
}

impl Follow {
    /// Brings row `row` (what `selector` finds in it) into view.
    fn reveal_row(self, row: usize, selector: String) {
        reveal(
            self.container,
            self.shown_batches,
            row,
            selector,
            self.auto_scrolling,
        );
    }

    /// Brings turn `turn` into view.
    fn reveal_turn(self, turn: usize) {
        if let Some(row) = self.layout.with_value(|l| l.row_of_turn(turn)) {
            self.reveal_row(row, format!("[data-turn=\"{turn}\"]"));
        }
    }

    /// The scroll area scrolled: by the widget, or by the reader (which
    /// stops following while playing).
    fn scrolled(self, playing: bool) {
        if self.auto_scrolling.get_value() {
            self.auto_scrolling.set_value(false);
        } else if playing {
            self.following.set(false);
        }
    }
}

/// The batches of rows in the DOM: the first at once, the rest a batch per
/// task once the first is on screen (a batch built before the frame would
/// delay its paint).
fn use_batches(row_count: usize) -> RwSignal<usize> {
    let batch_count = BATCHES.count(row_count);
    let shown_batches = RwSignal::new(batch_count.min(1));
    perf::mark(perf::TRANSCRIPT_START);
    if batch_count > 1 {
        later::next_frame(move || grow_batches(shown_batches, batch_count));
    } else {
        perf::measure_after_updates(perf::TRANSCRIPT_ALL, perf::TRANSCRIPT_START);
    }
    shown_batches
}

/// Following `playing_turn` while `follow` is on and playback plays, and
/// bringing the active search hit into view (which stops following).
fn use_follow(
    follow: Follow,
    playing_turn: Memo<Option<usize>>,
    playback: Playback,
    search: Search,
) {
    effect(move || {
        let Some(turn) = playing_turn.get() else {
            return;
        };
        if follow.following.get_untracked() && playback.playing_untracked() {
            follow.reveal_turn(turn);
        }
    });
    effect(move || {
        if let Some(hit) = search.active_match.get() {
            follow.following.set(false);
            follow.reveal_row(hit.row, "mark[data-active=\"true\"]".to_owned());
        }
    });
}

/// Lights the word being spoken (where words are timed): two elements
/// change per word, whatever the transcript's length.
fn use_spoken_word(
    transcript: Arc<Transcript>,
    playing_turn: Memo<Option<usize>>,
    playback: Playback,
    container: ElRef<web_sys::HtmlDivElement>,
) {
    let playing_word = Memo::new(move |_| {
        let turn = playing_turn.get()?;
        let words = &transcript.turns.get(turn)?.words;
        current_word(words, playback.position()).map(|w| (turn, w))
    });
    let lit = StoredValue::new_local(None::<web_sys::Element>);
    effect(move || {
        let now = playing_word.get();
        if let Some(previous) = lit.get_value() {
            let _ = previous.remove_attribute("data-current");
        }
        let element = now.and_then(|(turn, word)| {
            container
                .get_untracked()?
                .query_selector(&format!("[data-turn=\"{turn}\"] [data-w=\"{word}\"]"))
                .ok()
                .flatten()
        });
        if let Some(e) = &element {
            let _ = e.set_attribute("data-current", "true");
        }
        lit.set_value(element);
    });
}

/// The rows of batch `batch`: turns and tool rows.
fn batch_rows(
    batch: usize,
    transcript: &Transcript,
    layout: &Layout,
    current: &Selector<Option<usize>>,
    active_row: &Selector<Option<usize>>,
    search: Search,
    words: Words,
) -> impl IntoView {
    let range = BATCHES.rows(batch, layout.rows.len());
    let start = range.start;
    let rows = layout.rows.get(range).unwrap_or_default();
    rows.iter()
        .enumerate()
        .map(|(offset, entry)| {
            let row = start + offset;
            let active_row = active_row.clone();
            match *entry {
                Row::Turn(i) => transcript.turns.get(i).cloned().map(|turn| {
                    let current = current.clone();
                    view! { <Turn index=i row turn current active_row search words /> }.into_any()
                }),
                Row::Tool(i) => layout.tools.get(i).cloned().map(|tool| {
                    view! { <ToolRowView row tool active_row search words /> }.into_any()
                }),
            }
        })
        .collect_view()
}

/// A transcript synced with `playback`.
#[component]
pub fn TranscriptView(
    /// The transcript (a `Transcript` or a shared one).
    #[prop(into)]
    transcript: Arc<Transcript>,
    /// The player it follows and seeks.
    playback: Playback,
    /// Used in the download's file name.
    call_id: String,
) -> impl IntoView {
    transcript_view(transcript, playback, call_id, None, Language::english())
}

/// [`TranscriptView`], with the board's `keys` where it is in one (j, k
/// and / then act on it), in the board's language.
pub(crate) fn transcript_view(
    transcript: Arc<Transcript>,
    playback: Playback,
    call_id: String,
    keys: Option<Shortcuts>,
    lang: Language,
) -> impl IntoView {
    let layout = Arc::new(Layout::new(&transcript));
    let index = Arc::new(TurnIndex::new(&transcript));
    let timed = !index.is_empty();
    let playing_turn = {
        let index = Arc::clone(&index);
        Memo::new(move |_| index.current(playback.position()))
    };
    let container = ElRef::<web_sys::HtmlDivElement>::new();
    // Its styles, where it is used on its own.
    use_style(container, DETAIL_STYLE);
    let search = Search::new(&transcript, &layout);
    let follow = Follow {
        following: RwSignal::new(true),
        auto_scrolling: StoredValue::new(false),
        container,
        shown_batches: use_batches(layout.rows.len()),
        layout: StoredValue::new(Arc::clone(&layout)),
    };
    use_follow(follow, playing_turn, playback, search);
    use_spoken_word(Arc::clone(&transcript), playing_turn, playback, container);
    let play_from = move |ms: i64| {
        follow.following.set(true);
        playback.seek(ms);
        playback.play();
    };
    if let Some(keys) = keys {
        use_turn_keys(keys, index, playing_turn, play_from);
    }
    let resume = move |_| {
        follow.following.set(true);
        if let Some(turn) = playing_turn.get_untracked() {
            follow.reveal_turn(turn);
        }
    };
    // A turn's time or text, a timed word, or a timed tool row's time
    // plays the call from there (one listener on the list).
    let on_list_click = move |ev: web_sys::MouseEvent| {
        if let Some(ms) = seek_target(&ev) {
            play_from(ms);
        }
    };
    let current = Selector::new(move || playing_turn.get());
    let active_row = Selector::new(move || search.active_match.get().map(|m| m.row));
    // The rows, built again in another language.
    let rows = {
        let transcript = Arc::clone(&transcript);
        move || {
            let words = lang.words();
            let (transcript, layout) = (Arc::clone(&transcript), Arc::clone(&layout));
            let (current, active_row) = (current.clone(), active_row.clone());
            let batch_view = move |batch: usize| {
                batch_rows(
                    batch,
                    &transcript,
                    &layout,
                    &current,
                    &active_row,
                    search,
                    words,
                )
            };
            view! { <For each=move || 0..follow.shown_batches.get() key=|batch| *batch children=batch_view /> }
        }
    };
    view! {
        <section class="cb-transcript" part="transcript" aria-label=lang.t(msg::SECTION_TRANSCRIPT)>
            {transcript_tools(Arc::clone(&transcript), search, call_id, keys, lang)}
            {(!timed).then(|| view! { <p class="cb-note">{lang.t(msg::TRANSCRIPT_UNTIMED)}</p> })}
            <div
                class="cb-transcript__scroll"
                node_ref=container
                on:scroll=move |_| follow.scrolled(playback.playing_untracked())
            >
                <ol class="cb-turns" on:click=handler(on_list_click)>
                    {rows}
                </ol>
            </div>
            {move || (!follow.following.get() && timed).then(|| view! {
                <button type="button" class="cb-button cb-follow" on:click=handler(resume)>
                    {lang.t(msg::FOLLOW_PLAYBACK)}
                </button>
            }.into_any())}
        </section>
    }
}

/// j and k play from the next or previous timed turn (as a click on it).
fn use_turn_keys(
    keys: Shortcuts,
    index: Arc<TurnIndex>,
    playing_turn: Memo<Option<usize>>,
    play_from: impl Fn(i64) + Copy + 'static,
) {
    for (shortcut, forward) in [(Shortcut::NextTurn, true), (Shortcut::PreviousTurn, false)] {
        let index = Arc::clone(&index);
        use_shortcut(keys, shortcut, Area::Call, move || {
            index
                .step(playing_turn.get_untracked(), forward)
                .map(|(_, start)| play_from(start))
                .is_some()
        });
    }
}

/// The search box with its count and next/previous, copy and download.
fn transcript_tools(
    transcript: Arc<Transcript>,
    search: Search,
    call_id: String,
    keys: Option<Shortcuts>,
    lang: Language,
) -> impl IntoView {
    let copy_status = RwSignal::new(String::new());
    let field = ElRef::<web_sys::HtmlInputElement>::new();
    if let Some(keys) = keys {
        use_shortcut(keys, Shortcut::Search, Area::Call, move || {
            field.get_untracked().is_some_and(|f| f.focus().is_ok())
        });
    }
    let plain = {
        let transcript = Arc::clone(&transcript);
        move || Format::Text.render(&transcript, lang.words())
    };
    let stem = format!(
        "transcript-{}",
        call_id
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
    );
    let downloads = Format::ALL
        .into_iter()
        .map(|format| {
            let transcript = Arc::clone(&transcript);
            let filename = format!("{stem}.{}", format.extension());
            view! {
                <li>
                    <button
                        type="button"
                        class="cb-menu__item"
                        data-format=format.extension()
                        on:click=handler(move |ev| {
                            download_text(&format.render(&transcript, lang.words()), &filename, format.media_type());
                            close_menu(&ev);
                        })
                    >
                        {lang.t(format.label())}
                    </button>
                </li>
            }
            .into_any()
        })
        .collect_view();
    let no_matches = move || search.matches.with(Vec::is_empty);
    view! {
        <div class="cb-transcript__tools">
            <input
                type="search"
                class="cb-input"
                placeholder=lang.t(msg::SEARCH)
                aria-label=lang.t(msg::SEARCH_TRANSCRIPT)
                node_ref=field
                prop:value=move || search.query.get()
                on:input=handler(move |ev: web_sys::Event| {
                    search.query.set(event_target_value(&ev));
                    search.active.set(0);
                })
                on:keydown=handler(move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        search.step(if ev.shift_key() { -1 } else { 1 });
                    }
                })
            />
            <span class="cb-transcript__count" aria-live="polite">{move || search.count_text(lang.words())}</span>
            <button type="button" class="cb-icon-button" aria-label=lang.t(msg::PREVIOUS_MATCH) disabled=no_matches on:click=handler(move |_| search.step(-1))>
                "↑"
            </button>
            <button type="button" class="cb-icon-button" aria-label=lang.t(msg::NEXT_MATCH) disabled=no_matches on:click=handler(move |_| search.step(1))>
                "↓"
            </button>
            <span class="cb-spacer"></span>
            <button type="button" class="cb-button cb-button--ghost" on:click=handler(move |_| copy_text(plain(), copy_status, msg::COPIED, lang.words_untracked()))>
                {move || {
                    let status = copy_status.get();
                    if status.is_empty() { lang.words().text(msg::COPY).to_owned() } else { status }
                }}
            </button>
            <details class="cb-download">
                <summary class="cb-button cb-button--ghost">{lang.t(msg::DOWNLOAD)}</summary>
                <ul class="cb-download__menu" aria-label=lang.t(msg::DOWNLOAD_TRANSCRIPT_AS)>
                    {downloads}
                </ul>
            </details>
        </div>
    }
}

/// Where a click in the transcript plays from: the `data-start` of the
/// turn time, timed word, turn text or tool time it landed in; none for a
/// click that ends a selection of a turn's text (a click to copy, not to
/// hear) or one on anything else.
fn seek_target(ev: &web_sys::MouseEvent) -> Option<i64> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let timed = target.closest("[data-start]").ok()??;
    let in_text = timed.closest(".cb-turn__text").ok().flatten().is_some();
    if in_text && selecting_text() {
        return None;
    }
    timed.get_attribute("data-start")?.parse().ok()
}

/// Whether the reader is selecting text (a click that ends a selection is
/// not a click to hear).
fn selecting_text() -> bool {
    web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .is_some_and(|s| !s.is_collapsed())
}

/// `text` with `hits` (in it, in order) marked, the one starting at
/// `active_start` as the active hit.
fn marked(text: &str, hits: &[Match], active_start: Option<usize>) -> AnyView {
    let mut at = 0_usize;
    segments(text, hits)
        .into_iter()
        .map(|(piece, hit)| {
            let start = at;
            at += piece.len();
            if hit {
                let is_active = active_start == Some(start);
                view! { <mark class="cb-mark" data-active=is_active.to_string()>{piece.to_owned()}</mark> }
                    .into_any()
            } else {
                piece.to_owned().into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// The hits of `row` in `field`, as the row's memo holds them.
fn hits_of(hits: Memo<Vec<Match>>, field: Field) -> Vec<Match> {
    hits.with(|h| h.iter().filter(|m| m.field == field).copied().collect())
}

/// One speaker turn: who and when (a button that plays from there, for
/// timed turns; a click on the text does the same, as in Otter or
/// Descript), and the text with its search hits marked.
#[component]
fn Turn(
    /// The turn's position in the transcript.
    index: usize,
    /// Its row in reading order.
    row: usize,
    /// The turn.
    turn: crate::core::Turn,
    /// Which turn is playing.
    current: Selector<Option<usize>>,
    /// Which row holds the active search hit.
    active_row: Selector<Option<usize>>,
    /// The transcript's search.
    search: Search,
    /// The words of the board's language.
    words: Words,
) -> impl IntoView {
    let i = index;
    // Only rows whose hits change re-render when the search does.
    let hits = Memo::new(move |_| search.matches.with(|m| hits_in(m, row).to_vec()));
    let label = match turn.label_in(words) {
        "" => words.text(msg::SECTION_TRANSCRIPT),
        label => label,
    }
    .to_owned();
    let text = turn.text;
    let timed_words = turn.words;
    let body = move || {
        let hits = hits.get();
        // Timed words, each its own click target, where there is no search
        // hit to mark in this turn.
        if hits.is_empty() && !timed_words.is_empty() {
            return word_pieces(&text, &timed_words)
                .into_iter()
                .map(|(piece, word)| match word.and_then(|i| timed_words.get(i).map(|w| (i, w))) {
                    Some((i, w)) => view! {
                        <span class="cb-word" data-w=i data-start=w.start_ms>{piece.to_owned()}</span>
                    }
                    .into_any(),
                    None => piece.to_owned().into_any(),
                })
                .collect_view()
                .into_any();
        }
        marked(
            &text,
            &hits,
            search.active_start(&active_row, row, Field::Text),
        )
    };
    let speaker = speaker_id(turn.speaker);

    match turn.start_ms {
        Some(start) => view! {
            <li class="cb-turn" data-speaker=speaker data-turn=i aria-current=move || current.selected(&Some(i)).then_some("true")>
                <button type="button" class="cb-turn__button" data-start=start>
                    <span class="cb-turn__meta">
                        <span class="cb-turn__speaker">{label}</span>
                        <span class="cb-turn__time">{format_duration(start)}</span>
                        <span class="cb-sr-only">{words.text(msg::PLAY_FROM_HERE)}</span>
                    </span>
                </button>
                <p class="cb-turn__text cb-turn__text--timed" data-start=start>{body}</p>
            </li>
        }
        .into_any(),
        None => view! {
            <li class="cb-turn" data-speaker=speaker data-turn=i>
                <span class="cb-turn__meta">
                    <span class="cb-turn__speaker">{label}</span>
                </span>
                <p class="cb-turn__text">{body}</p>
            </li>
        }
        .into_any(),
    }
}

/// A tool call (name, outcome, and its arguments and result behind a
/// disclosure, as text), a node transition or key presses, between the
/// turns. Search hits are marked in it, and a hit in the arguments or
/// result opens them.
#[component]
fn ToolRowView(
    /// Its row in reading order.
    row: usize,
    /// The row.
    tool: ToolRow,
    /// Which row holds the active search hit.
    active_row: Selector<Option<usize>>,
    /// The transcript's search.
    search: Search,
    /// The words of the board's language.
    words: Words,
) -> impl IntoView {
    let hits = Memo::new(move |_| search.matches.with(|m| hits_in(m, row).to_vec()));
    let text_of = move |field: Field, text: String| {
        let active_row = active_row.clone();
        move || {
            marked(
                &text,
                &hits_of(hits, field),
                search.active_start(&active_row, row, field),
            )
        }
    };
    let kind = tool.kind.id();
    let time = tool.at_ms.map(|at| {
        let shown = format_duration(at);
        view! {
            <button type="button" class="cb-tool__time" aria-label=fill(words.text(msg::PLAY_FROM), &[("time", &shown)]) data-start=at>
                {shown.clone()}
            </button>
        }
    });
    let outcome = tool
        .outcome
        .map(|o| view! { <span class="cb-tool__outcome" data-outcome=o.id()>{words.text(o.label())}</span> });
    let kind_label = words.text(tool.kind_label());
    let summary = tool.details_label().map(|m| words.text(m));
    let title = tool.title_in(words).to_owned();
    let blocks: Vec<(&'static str, Field, String)> = [
        (words.text(msg::ARGUMENTS), Field::Arguments, tool.arguments),
        (words.text(msg::RESULT), Field::Result, tool.result),
    ]
    .into_iter()
    .filter_map(|(label, field, text)| text.map(|t| (label, field, t)))
    .collect();
    let has_hits = move || hits.with(|h| h.iter().any(|m| m.field != Field::Text));
    let details = summary.map(|summary| {
        let blocks = blocks
            .into_iter()
            .map(|(label, field, text)| {
                view! {
                    <p class="cb-tool__label">{label}</p>
                    <pre class="cb-tool__json">{text_of(field, text)}</pre>
                }
                .into_any()
            })
            .collect_view();
        view! {
            <details class="cb-tool__details" prop:open=has_hits>
                <summary>{summary}</summary>
                {blocks}
            </details>
        }
    });
    view! {
        <li class="cb-tool" data-kind=kind data-row=row>
            <div class="cb-tool__line">
                {time}
                <span class="cb-tool__kind">{kind_label}</span>
                <span class="cb-tool__title">{text_of(Field::Text, title)}</span>
                {outcome}
            </div>
            {details}
        </li>
    }
}
