//! The transcript viewer: speaker turns, click a timed turn to seek, the
//! playing turn highlighted (`aria-current`) and followed, search with
//! next/previous, copy and download.
//!
//! Following playback never re-renders the transcript: the playing turn is
//! a memo over a binary search (`TurnIndex`), and a `Selector` tells only
//! the turn that stopped and the turn that started playing.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::player::Playback;
use crate::core::time::format_duration;
use crate::core::transcript_index::{hits_in, search, segments, Match, TurnIndex};
use crate::core::{Speaker, Transcript};
use crate::perf;

/// Turns put in the DOM at first paint, and in each task after it until
/// all are in: a 3,000-turn call paints its first screenfuls at once
/// instead of building every turn before anything shows, and the page
/// stays responsive (input and painting run between the chunks).
const CHUNK: usize = 100;

/// The chunks needed for turn `turn` to be in the DOM.
fn chunks_through(turn: usize) -> usize {
    turn / CHUNK + 1
}

/// Adds a chunk per task until `total` are shown (stops when the
/// transcript is gone).
fn grow_chunks(shown: RwSignal<usize>, total: usize) {
    set_timeout(
        move || {
            let Some(n) = shown.try_get_untracked() else {
                return;
            };
            if n < total {
                shown.set(n + 1);
                if n + 1 == total {
                    perf::measure_after_updates(perf::TRANSCRIPT_ALL, perf::TRANSCRIPT_START);
                }
                grow_chunks(shown, total);
            }
        },
        std::time::Duration::ZERO,
    );
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

/// Brings turn `turn` (or what `selector` finds in it) into view: at once
/// when it is in the DOM, else after the chunk holding it has rendered.
fn reveal(
    container: NodeRef<html::Div>,
    shown: RwSignal<usize>,
    turn: usize,
    selector: String,
    auto_scrolling: StoredValue<bool>,
) {
    // May run a frame later, when the transcript can be gone: every
    // access is a `try_`.
    let scroll = move || {
        if let Some(c) = container.try_get_untracked().flatten() {
            if scroll_within(&c, &selector) {
                auto_scrolling.try_set_value(true);
            }
        }
    };
    if shown.get_untracked() >= chunks_through(turn) {
        scroll();
    } else {
        shown.set(chunks_through(turn));
        request_animation_frame(scroll);
    }
}

fn copy_text(text: String, status: RwSignal<&'static str>) {
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        return;
    };
    let promise = clipboard.write_text(&text);
    leptos::task::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        status.try_set(if ok { "Copied" } else { "Copy failed" });
        set_timeout(
            move || {
                let _ = status.try_set("");
            },
            std::time::Duration::from_secs(2),
        );
    });
}

fn download_text(text: &str, filename: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/plain;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let anchor = document()
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(a) = anchor {
        a.set_href(&url);
        a.set_download(filename);
        a.click();
    }
    set_timeout(
        move || drop(web_sys::Url::revoke_object_url(&url)),
        std::time::Duration::from_secs(1),
    );
}

/// A transcript synced with `playback`.
#[component]
pub fn TranscriptView(
    /// The transcript.
    transcript: Transcript,
    /// The player it follows and seeks.
    playback: Playback,
    /// Used in the download's file name.
    call_id: String,
) -> impl IntoView {
    let transcript = Arc::new(transcript);
    let index = Arc::new(TurnIndex::new(&transcript));
    let timed = !index.is_empty();
    let playing_turn = Memo::new({
        let index = Arc::clone(&index);
        move |_| index.current(playback.position.get())
    });
    let current = Selector::new(move || playing_turn.get());
    let following = RwSignal::new(true);
    let auto_scrolling = StoredValue::new(false);
    let container = NodeRef::<html::Div>::new();

    let query = RwSignal::new(String::new());
    let matches: Memo<Vec<Match>> = Memo::new({
        let t = Arc::clone(&transcript);
        move |_| search(&t, &query.get())
    });
    let active = RwSignal::new(0_usize);
    let active_match = Memo::new(move |_| matches.with(|m| m.get(active.get()).copied()));
    let active_turn = Selector::new(move || active_match.get().map(|m| m.turn));
    let copy_status = RwSignal::new("");

    let turn_count = transcript.turns.len();
    let chunk_count = turn_count.div_ceil(CHUNK);
    let shown_chunks = RwSignal::new(chunk_count.min(1));
    perf::mark(perf::TRANSCRIPT_START);
    if chunk_count > 1 {
        grow_chunks(shown_chunks, chunk_count);
    } else {
        perf::measure_after_updates(perf::TRANSCRIPT_ALL, perf::TRANSCRIPT_START);
    }

    // Follow the playing turn while following is on.
    Effect::new(move |_| {
        let Some(turn) = playing_turn.get() else {
            return;
        };
        if !following.get_untracked() || !playback.playing.get_untracked() {
            return;
        }
        let selector = format!("[data-turn=\"{turn}\"]");
        reveal(container, shown_chunks, turn, selector, auto_scrolling);
    });
    // Bring the active search hit into view.
    Effect::new(move |_| {
        let Some(hit) = active_match.get() else {
            return;
        };
        following.set(false);
        let selector = "mark[data-active=\"true\"]".to_owned();
        reveal(container, shown_chunks, hit.turn, selector, auto_scrolling);
    });
    let step = move |delta: isize| {
        let n = matches.with_untracked(Vec::len);
        if n == 0 {
            return;
        }
        let next = (active.get_untracked() as isize + delta).rem_euclid(n as isize);
        active.set(next as usize);
    };
    let count_text = move || {
        let n = matches.with(Vec::len);
        if query.with(|q| q.trim().is_empty()) {
            String::new()
        } else if n == 0 {
            "No matches".to_owned()
        } else {
            format!("{} of {}", active.get().min(n - 1) + 1, n)
        }
    };
    let resume = move |_| {
        following.set(true);
        if let Some(turn) = playing_turn.get_untracked() {
            let selector = format!("[data-turn=\"{turn}\"]");
            reveal(container, shown_chunks, turn, selector, auto_scrolling);
        }
    };
    let plain = {
        let t = Arc::clone(&transcript);
        move || t.plain_text()
    };
    let plain_for_download = plain.clone();
    let filename = format!(
        "transcript-{}.txt",
        call_id
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
    );

    let turn_view = move |i: usize| {
        let Some(turn) = transcript.turns.get(i) else {
            return ().into_any();
        };
        let (current, active_turn) = (current.clone(), active_turn.clone());
        let text = Arc::new(turn.text.clone());
        // Only turns whose hits change re-render when the search does.
        let hits = Memo::new(move |_| matches.with(|m| hits_in(m, i).to_vec()));
        let body = {
            let text = Arc::clone(&text);
            move || {
                let hits = hits.get();
                let active_here = if active_turn.selected(&Some(i)) {
                    active_match.get()
                } else {
                    None
                };
                segments(&text, &hits)
                    .into_iter()
                    .scan(0_usize, |at, (piece, hit)| {
                        let start = *at;
                        *at += piece.len();
                        Some((start, piece.to_owned(), hit))
                    })
                    .map(|(start, piece, hit)| {
                        if hit {
                            let is_active = active_here.is_some_and(|m| m.start == start);
                            view! { <mark class="cb-mark" data-active=is_active.to_string()>{piece}</mark> }
                                .into_any()
                        } else {
                            piece.into_any()
                        }
                    })
                    .collect_view()
            }
        };
        let is_current = move || current.selected(&Some(i));
        let speaker = speaker_id(turn.speaker);
        let label = if turn.label.is_empty() {
            "Transcript".to_owned()
        } else {
            turn.label.clone()
        };
        let time = turn.start_ms.map(format_duration);
        match turn.start_ms {
            Some(start) => view! {
                <li class="cb-turn" data-speaker=speaker data-turn=i aria-current=move || is_current().then_some("true")>
                    <button
                        type="button"
                        class="cb-turn__button"
                        on:click=move |_| {
                            following.set(true);
                            playback.seek(start);
                        }
                    >
                        <span class="cb-turn__meta">
                            <span class="cb-turn__speaker">{label.clone()}</span>
                            <span class="cb-turn__time">{time.clone()}</span>
                            <span class="cb-sr-only">", play from here"</span>
                        </span>
                    </button>
                    <p class="cb-turn__text">{body}</p>
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
    };
    let chunk_view = move |chunk: usize| {
        let start = chunk * CHUNK;
        (start..(start + CHUNK).min(turn_count))
            .map(turn_view.clone())
            .collect_view()
    };

    view! {
        <section class="cb-transcript" part="transcript" aria-label="Transcript">
            <div class="cb-transcript__tools">
                <input
                    type="search"
                    class="cb-input"
                    placeholder="Search transcript"
                    aria-label="Search transcript"
                    prop:value=move || query.get()
                    on:input=move |ev| {
                        query.set(event_target_value(&ev));
                        active.set(0);
                    }
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            step(if ev.shift_key() { -1 } else { 1 });
                        }
                    }
                />
                <span class="cb-transcript__count" aria-live="polite">{count_text}</span>
                <button
                    type="button"
                    class="cb-icon-button"
                    aria-label="Previous match"
                    disabled=move || matches.with(Vec::is_empty)
                    on:click=move |_| step(-1)
                >
                    "↑"
                </button>
                <button
                    type="button"
                    class="cb-icon-button"
                    aria-label="Next match"
                    disabled=move || matches.with(Vec::is_empty)
                    on:click=move |_| step(1)
                >
                    "↓"
                </button>
                <span class="cb-spacer"></span>
                <button type="button" class="cb-button cb-button--ghost" on:click=move |_| copy_text(plain(), copy_status)>
                    {move || match copy_status.get() {
                        "" => "Copy",
                        s => s,
                    }}
                </button>
                <button
                    type="button"
                    class="cb-button cb-button--ghost"
                    on:click=move |_| download_text(&plain_for_download(), &filename)
                >
                    "Download"
                </button>
            </div>
            {(!timed).then(|| view! { <p class="cb-note">"This transcript has no timings, so its turns cannot seek the recording."</p> })}
            <div
                class="cb-transcript__scroll"
                node_ref=container
                on:scroll=move |_| {
                    if auto_scrolling.get_value() {
                        auto_scrolling.set_value(false);
                    } else if playback.playing.get_untracked() {
                        following.set(false);
                    }
                }
            >
                <ol class="cb-turns">
                    <For each=move || 0..shown_chunks.get() key=|chunk| *chunk children=chunk_view />
                </ol>
            </div>
            {move || {
                (!following.get() && timed)
                    .then(|| {
                        view! {
                            <button type="button" class="cb-button cb-follow" on:click=resume>
                                "Follow playback"
                            </button>
                        }
                    })
            }}
        </section>
    }
}
