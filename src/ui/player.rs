//! The recording player over a native `<audio>`: play/pause, seek slider,
//! elapsed/total, skip ±10 s, speed, download, mono/stereo, and clear
//! states for missing, failed and expired recordings.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::options::PlaybackStart;
use super::state::Board;
use crate::core::decimal;
use crate::core::player::{seconds_to_ms, seek_by, slider_key, speed_label, SKIP_MS, SPEEDS};
use crate::core::time::format_duration;
use crate::core::url::safe_url;
use crate::core::{Call, Recording};
use crate::perf;

/// Playback shared by the player and the transcript: the `<audio>`
/// element, where it is, and a seek that waits for the audio to load.
#[derive(Clone, Copy)]
pub struct Playback {
    /// The audio element.
    pub audio: NodeRef<html::Audio>,
    /// Where playback is, in milliseconds (updated on `timeupdate`).
    pub position: RwSignal<i64>,
    /// Whether audio is playing.
    pub playing: RwSignal<bool>,
    /// A seek asked for before the audio could take it.
    pending_seek: RwSignal<Option<i64>>,
}

impl Playback {
    /// Fresh playback state.
    pub fn new() -> Self {
        Self {
            audio: NodeRef::new(),
            position: RwSignal::new(0),
            playing: RwSignal::new(false),
            pending_seek: RwSignal::new(None),
        }
    }

    /// Moves playback to `ms` (applied once the audio has loaded if it has
    /// not yet).
    pub fn seek(&self, ms: i64) {
        self.position.set(ms);
        match self.audio.get_untracked() {
            Some(a) if a.ready_state() >= 1 => a.set_current_time(ms as f64 / 1_000.0),
            _ => self.pending_seek.set(Some(ms)),
        }
    }
}

impl Default for Playback {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Clone, Debug, PartialEq)]
enum LinkState {
    /// The recording URL is in the call data.
    Direct,
    /// A fresh link must be fetched before playing.
    NotFetched,
    Fetching,
    Fetched(String),
}

fn play(audio: &web_sys::HtmlAudioElement) {
    if let Ok(promise) = audio.play() {
        // A rejected play() (autoplay policy, no source) is shown by the
        // element's own events; swallow the promise's rejection.
        spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

/// What to say when there is nothing to play.
fn missing_text(provider_has_recordings: bool, provider: &str) -> String {
    if provider_has_recordings {
        "No recording is available for this call.".to_owned()
    } else {
        format!("{provider} does not provide call recordings.")
    }
}

/// The recording player.
#[component]
pub fn Player(board: Board, call: Call, playback: Playback) -> impl IntoView {
    let caps = board.capabilities();
    let provider_name = call.provider.name();
    let Recording {
        mono,
        stereo,
        fresh_link,
    } = call.recording.clone();
    let mono = mono.as_deref().and_then(safe_url);
    let stereo = stereo.as_deref().and_then(safe_url);
    if mono.is_none() && stereo.is_none() && !fresh_link {
        return view! {
            <div class="cb-player cb-player--empty" part="player" data-state="missing">
                <p class="cb-muted">{missing_text(caps.recordings, provider_name)}</p>
            </div>
        }
        .into_any();
    }
    let both = mono.is_some() && stereo.is_some();
    let stereo_chosen = RwSignal::new(mono.is_none());
    let link = RwSignal::new(if fresh_link {
        LinkState::NotFetched
    } else {
        LinkState::Direct
    });
    let error = RwSignal::new(None::<String>);
    let duration = RwSignal::new(call.duration());
    let speed = RwSignal::new(1.0_f64);
    let play_after_link = StoredValue::new(false);
    let id = call.id.clone();
    let mono_for_src = mono.clone();
    let src = move || -> Option<String> {
        if stereo_chosen.get() {
            return stereo.clone();
        }
        match link.get() {
            LinkState::Direct => mono_for_src.clone(),
            LinkState::Fetched(url) => safe_url(&url),
            LinkState::NotFetched | LinkState::Fetching => None,
        }
    };
    let fetch_link = {
        let id = id.clone();
        move |then_play: bool| {
            if link.get_untracked() == LinkState::Fetching {
                return;
            }
            let Some(source) = board.source() else { return };
            link.set(LinkState::Fetching);
            error.set(None);
            play_after_link.set_value(then_play);
            let request = source.recording_link(&id);
            spawn_local(async move {
                match request.await {
                    Ok(Some(url)) if safe_url(&url).is_some() => {
                        link.try_set(LinkState::Fetched(url));
                    }
                    Ok(_) => {
                        link.try_set(LinkState::NotFetched);
                        error.try_set(Some(
                            "The provider returned no link for this recording.".into(),
                        ));
                    }
                    Err(e) => {
                        board.events.error("recording", &e);
                        link.try_set(LinkState::NotFetched);
                        error.try_set(Some(e.to_string()));
                    }
                }
            });
        }
    };
    // A seek (say, a transcript click) before a fresh link: fetch it.
    let fetch_for_seek = fetch_link.clone();
    Effect::new(move |_| {
        if playback.pending_seek.get().is_some() && link.get_untracked() == LinkState::NotFetched {
            fetch_for_seek(false);
        }
    });
    let fetch_for_toggle = fetch_link.clone();
    let toggle = move |_| {
        let Some(audio) = playback.audio.get_untracked() else {
            return;
        };
        if playback.playing.get_untracked() {
            let _ = audio.pause();
        } else if !stereo_chosen.get_untracked() && link.get_untracked() == LinkState::NotFetched {
            fetch_for_toggle(true);
        } else {
            play(&audio);
        }
    };
    let retry = move |_| {
        error.set(None);
        if fresh_link {
            fetch_link(false);
        } else if let Some(a) = playback.audio.get_untracked() {
            a.load();
        }
    };
    let skip = move |delta: i64| {
        let target = seek_by(
            playback.position.get_untracked(),
            delta,
            duration.get_untracked(),
        );
        playback.seek(target);
    };
    let on_loaded = move |_| {
        let Some(a) = playback.audio.get_untracked() else {
            return;
        };
        if let Some(d) = seconds_to_ms(a.duration()) {
            duration.set(Some(d));
        }
        a.set_playback_rate(speed.get_untracked());
        if let Some(ms) = playback.pending_seek.get_untracked() {
            playback.pending_seek.set(None);
            a.set_current_time(ms as f64 / 1_000.0);
        }
        if play_after_link.get_value() {
            play_after_link.set_value(false);
            play(&a);
        }
    };
    let on_play = {
        let id = id.clone();
        move |_| {
            playback.playing.set(true);
            error.set(None);
            if let Some(cb) = board.events.on_playback_start {
                cb.run(PlaybackStart {
                    id: id.clone(),
                    position_ms: playback.position.get_untracked(),
                });
            }
        }
    };
    let on_error = move |_| {
        playback.playing.set(false);
        let message = if fresh_link {
            "The recording could not be loaded; its link may have expired."
        } else {
            "The recording could not be loaded."
        };
        error.set(Some(message.into()));
        if fresh_link {
            link.set(LinkState::NotFetched);
        }
    };
    let elapsed = move || {
        let total = duration
            .get()
            .map_or_else(|| "–:––".to_owned(), format_duration);
        format!("{} / {}", format_duration(playback.position.get()), total)
    };
    let value_text = move || {
        let total = duration
            .get()
            .map_or_else(|| "unknown length".to_owned(), format_duration);
        format!("{} of {}", format_duration(playback.position.get()), total)
    };
    let state = move || {
        if error.with(Option::is_some) {
            "error"
        } else if link.with(|l| *l == LinkState::Fetching) {
            "loading"
        } else if playback.playing.get() {
            "playing"
        } else {
            "paused"
        }
    };
    let src_for_download = src.clone();
    let download = move || {
        src_for_download().map(|url| view! { <a class="cb-button cb-button--ghost" href=url download="" target="_blank" rel="noopener noreferrer">"Download"</a> })
    };
    view! {
        <div class="cb-player" part="player" data-state=state>
            <audio
                node_ref=playback.audio
                preload="metadata"
                src=src
                on:loadedmetadata=on_loaded
                on:durationchange=move |_| {
                    if let Some(d) = playback.audio.get_untracked().and_then(|a| seconds_to_ms(a.duration())) {
                        duration.set(Some(d));
                    }
                }
                on:timeupdate=move |_| {
                    if let Some(ms) = playback.audio.get_untracked().and_then(|a| seconds_to_ms(a.current_time())) {
                        perf::mark(perf::TIMEUPDATE_START);
                        playback.position.set(ms);
                        perf::measure_after_updates(perf::TIMEUPDATE, perf::TIMEUPDATE_START);
                    }
                }
                on:play=on_play
                on:pause=move |_| playback.playing.set(false)
                on:ended=move |_| playback.playing.set(false)
                on:error=on_error
            ></audio>
            <div class="cb-player__row">
                <button
                    type="button"
                    class="cb-play"
                    aria-label=move || if playback.playing.get() { "Pause" } else { "Play" }
                    on:click=toggle
                    disabled=move || link.with(|l| *l == LinkState::Fetching)
                >
                    <span aria-hidden="true">{move || if playback.playing.get() { "❚❚" } else { "▶" }}</span>
                </button>
                <button type="button" class="cb-icon-button" aria-label="−10s: back 10 seconds" on:click=move |_| skip(-SKIP_MS)>
                    "−10s"
                </button>
                <input
                    type="range"
                    class="cb-seek"
                    aria-label="Seek"
                    min="0"
                    step="0.1"
                    max=move || decimal::format(duration.get().map_or(0.0, |d| d as f64 / 1_000.0), 3)
                    prop:value=move || decimal::format(playback.position.get() as f64 / 1_000.0, 3)
                    aria-valuetext=value_text
                    on:input=move |ev| {
                        if let Some(s) = decimal::parse(&event_target_value(&ev)) {
                            if let Some(ms) = seconds_to_ms(s) {
                                playback.seek(ms);
                            }
                        }
                    }
                    on:keydown=move |ev| {
                        if let Some(ms) = slider_key(&ev.key(), playback.position.get_untracked(), duration.get_untracked()) {
                            ev.prevent_default();
                            playback.seek(ms);
                        }
                    }
                />
                <button type="button" class="cb-icon-button" aria-label="+10s: forward 10 seconds" on:click=move |_| skip(SKIP_MS)>
                    "+10s"
                </button>
                <span class="cb-player__time">{elapsed}</span>
            </div>
            <div class="cb-player__row cb-player__row--secondary">
                <label class="cb-player__speed">
                    "Speed"
                    <select
                        class="cb-select"
                        on:change=move |ev| {
                            if let Some(s) = decimal::parse(&event_target_value(&ev)) {
                                speed.set(s);
                                if let Some(a) = playback.audio.get_untracked() {
                                    a.set_playback_rate(s);
                                }
                            }
                        }
                    >
                        {SPEEDS
                            .iter()
                            .map(|s| view! { <option value=decimal::format(*s, 2) selected=*s == 1.0>{speed_label(*s)}</option> })
                            .collect_view()}
                    </select>
                </label>
                {both
                    .then(|| {
                        view! {
                            <div class="cb-segmented" role="group" aria-label="Channels">
                                <button
                                    type="button"
                                    aria-pressed=move || (!stereo_chosen.get()).to_string()
                                    on:click=move |_| stereo_chosen.set(false)
                                >
                                    "Mono"
                                </button>
                                <button
                                    type="button"
                                    aria-pressed=move || stereo_chosen.get().to_string()
                                    on:click=move |_| stereo_chosen.set(true)
                                >
                                    "Stereo"
                                </button>
                            </div>
                        }
                    })}
                {download}
            </div>
            {move || {
                error
                    .get()
                    .map(|message| {
                        let retry = retry.clone();
                        view! {
                            <div class="cb-inline-error" role="alert">
                                <span>{message}</span>
                                <button type="button" class="cb-button" on:click=retry>
                                    {if fresh_link { "Get a fresh link" } else { "Retry" }}
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
    .into_any()
}
