//! The recording player's view over a [`Playback`]: play/pause, seek
//! slider, elapsed/total, skip ±10 s, speed, download, mono/stereo, and
//! clear states for missing, failed and expired recordings. Fresh links
//! (providers whose links expire) are the board's to fetch.

use leptos::prelude::*;

use super::boxed::{effect, handler};
use super::keys::{use_shortcut, Area};
use super::media::{MediaElement, Playback};
use super::read_only::ReadOnly;
use super::remote::Fetched;
use super::share::copy_text;
use super::state::Board;
use super::words::{failure, Language};
use crate::core::decimal;
use crate::core::live::running_since;
use crate::core::player::{seconds_to_ms, slider_key, speed_label, SKIP_MS, SPEEDS};
use crate::core::shortcuts::Shortcut;
use crate::core::time::format_duration;
use crate::core::url::safe_url;
use crate::core::words::{self as msg, fill, Words};
use crate::core::{Call, Remote};

/// What to say when there is nothing to play (`live`: the call is going
/// on).
fn missing_text(provider_has_recordings: bool, provider: &str, live: bool, w: Words) -> String {
    let said = match (provider_has_recordings, live) {
        (true, true) => msg::RECORDING_WHEN_CALL_ENDS,
        (true, false) => msg::NO_RECORDING,
        (false, _) => msg::PROVIDER_HAS_NO_RECORDINGS,
    };
    fill(w.text(said), &[("provider", provider)])
}

/// Where a call's recording comes from.
#[derive(Clone)]
struct Sources {
    mono: Option<String>,
    stereo: Option<String>,
    /// The provider's links expire: a fresh one can be fetched.
    fresh: bool,
    /// The mono link given cannot be used: fetch a fresh one first.
    fetch_first: bool,
}

impl Sources {
    fn of(call: &Call) -> Self {
        let r = &call.recording;
        Self {
            mono: r.mono.as_deref().and_then(safe_url),
            stereo: r.stereo.as_deref().and_then(safe_url),
            fresh: r.fresh_link,
            fetch_first: r.needs_fresh_link(js_sys::Date::now() as i64),
        }
    }

    fn is_empty(&self) -> bool {
        self.mono.is_none() && self.stereo.is_none() && !self.fresh
    }
}

/// What the player plays and how that goes: the source (a fresh link where
/// the given one is stale, expired or failed), the failure to show, and
/// what its controls do. `Copy`.
#[derive(Clone, Copy)]
struct Recording {
    board: Board,
    playback: Playback,
    link: ReadOnly<Fetched<String>>,
    /// The mono link given is unusable (missing, stale, or it failed to
    /// load): play a fresh one.
    mono_stale: RwSignal<bool>,
    stereo_chosen: RwSignal<bool>,
    /// Links expire: a fresh one is asked for through the proxy.
    fresh: bool,
}

/// The player's state, as `data-state`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PlayerState {
    Error,
    Loading,
    Playing,
    Paused,
}

impl PlayerState {
    fn id(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Loading => "loading",
            Self::Playing => "playing",
            Self::Paused => "paused",
        }
    }
}

impl Recording {
    /// Whether playing needs a fresh link first.
    fn needs_link(self) -> bool {
        self.mono_stale.get_untracked()
            && !self.stereo_chosen.get_untracked()
            && self.link.with_untracked(|l| l.value().is_none())
    }

    /// Whether a fresh link is on its way (play waits for it).
    fn linking(self) -> bool {
        self.link.with(Remote::is_loading)
    }

    /// Play or pause (fetching a fresh link first where one is needed).
    fn toggle(self) {
        if self.playback.playing_untracked() {
            self.playback.pause();
        } else {
            if self.needs_link() {
                self.board.call.fetch_recording_link();
            }
            self.playback.play();
        }
    }

    /// Try again after a failure: a fresh link, or the same audio again.
    fn retry(self) {
        if self.fresh {
            self.playback.clear_failure();
            self.board.call.fetch_recording_link();
        } else {
            self.playback.reload();
        }
    }

    /// What failed, if anything (tracked).
    fn error(self) -> Option<String> {
        let w = self.board.lang.words();
        let link_error = self.link.with(|l| l.error().map(|e| failure(e, w)));
        link_error.or_else(|| {
            self.playback.failed().then(|| {
                let said = if self.fresh {
                    msg::RECORDING_FAILED_EXPIRED
                } else {
                    msg::RECORDING_FAILED
                };
                self.board.lang.words().text(said).to_owned()
            })
        })
    }

    /// The player's state (tracked).
    fn state(self) -> PlayerState {
        if self.error().is_some() {
            PlayerState::Error
        } else if self.linking() {
            PlayerState::Loading
        } else if self.playback.playing() {
            PlayerState::Playing
        } else {
            PlayerState::Paused
        }
    }
}

/// The open call's recording as `sources` offer it, played by `playback`:
/// its source follows the channel chosen and the fresh link; a seek before
/// a needed fresh link fetches it; an expired link that fails is
/// forgotten; the play and skip keys do what the buttons do.
fn use_recording(
    board: Board,
    sources: Sources,
    playback: Playback,
) -> (Recording, Signal<Option<String>>) {
    let recording = Recording {
        board,
        playback,
        link: board.call.recording_link(),
        mono_stale: RwSignal::new(sources.fetch_first),
        stereo_chosen: RwSignal::new(sources.mono.is_none() && !sources.fresh),
        fresh: sources.fresh,
    };
    let Recording {
        link,
        mono_stale,
        stereo_chosen,
        fresh,
        ..
    } = recording;
    let src = Signal::derive({
        let Sources { mono, stereo, .. } = sources;
        move || {
            let fetched = link.with(|l| match l {
                Remote::Ready(url) => Some(url.clone()),
                _ => None,
            });
            if stereo_chosen.get() {
                stereo.clone()
            } else if fetched.is_some() || mono_stale.get() {
                fetched
            } else {
                mono.clone()
            }
        }
    });
    // A seek (a transcript click, say) before the fresh link: fetch it.
    effect(move || {
        if playback.seek_pending() && recording.needs_link() {
            board.call.fetch_recording_link();
        }
    });
    // An expired link fails to load: forget it, so the next play or the
    // retry fetches a fresh one.
    effect(move || {
        if fresh && playback.failed() {
            mono_stale.set(true);
            board.call.forget_recording_link();
        }
    });
    // Play is disabled while a fresh link loads.
    use_shortcut(board.keys, Shortcut::PlayPause, Area::Call, move || {
        let enabled = !link.with_untracked(Remote::is_loading);
        if enabled {
            recording.toggle();
        }
        enabled
    });
    use_shortcut(board.keys, Shortcut::Back, Area::Call, move || {
        playback.skip(-SKIP_MS);
        true
    });
    use_shortcut(board.keys, Shortcut::Forward, Area::Call, move || {
        playback.skip(SKIP_MS);
        true
    });
    (recording, src)
}

/// The recording player for the open call.
#[component]
pub fn Player(board: Board, call: Call, playback: Playback) -> impl IntoView {
    let sources = Sources::of(&call);
    if sources.is_empty() {
        let live = running_since(&call, js_sys::Date::now() as i64).is_some();
        let recordings = board.list.capabilities_untracked().recordings;
        let provider = call.provider.name();
        let text = move || missing_text(recordings, provider, live, board.lang.words());
        return view! {
            <div class="cb-player cb-player--empty" part="player" data-state="missing">
                <p class="cb-muted">{text}</p>
            </div>
        }
        .into_any();
    }
    let both = (sources.mono.is_some() || sources.fresh) && sources.stereo.is_some();
    let (recording, src) = use_recording(board, sources, playback);
    let lang = board.lang;
    let id = call.id.clone();
    let on_play =
        Callback::new(move |position_ms| board.call.playback_started(id.clone(), position_ms));
    let moment_id = call.id.clone();
    view! {
        <div class="cb-player" part="player" data-state=move || recording.state().id()>
            <MediaElement playback src on_play />
            {player_controls(recording)}
            <div class="cb-player__row cb-player__row--secondary">
                {speed_choice(playback, lang)}
                {both.then(|| channel_choice(recording.stereo_chosen, lang))}
                {move || board.call.shares_moments().then(|| moment_link(board, moment_id.clone(), playback).into_any())}
                {move || src.get().map(|url| view! {
                    <a class="cb-button cb-button--ghost" href=url download="" target="_blank" rel="noopener noreferrer">{lang.t(msg::DOWNLOAD)}</a>
                }.into_any())}
            </div>
            {move || recording.error().map(|message| view! {
                <div class="cb-inline-error" role="alert">
                    <span>{message}</span>
                    <button type="button" class="cb-button" on:click=handler(move |_| recording.retry())>
                        {lang.words().text(if recording.fresh { msg::GET_FRESH_LINK } else { msg::RETRY })}
                    </button>
                </div>
            }.into_any())}
        </div>
    }
    .into_any()
}

/// Play, back, the seek slider, forward and the time: the player's first
/// line.
fn player_controls(recording: Recording) -> impl IntoView {
    let playback = recording.playback;
    let lang = recording.board.lang;
    view! {
        <div class="cb-player__row">
            <button
                type="button"
                class="cb-play"
                aria-label=move || lang.words().text(if playback.playing() { msg::PAUSE } else { msg::PLAY })
                on:click=handler(move |_| recording.toggle())
                disabled=move || recording.linking()
            >
                <span aria-hidden="true">{move || if playback.playing() { "❚❚" } else { "▶" }.to_owned()}</span>
            </button>
            <button type="button" class="cb-icon-button" data-skip="back" aria-label=lang.t(msg::BACK_10_SECONDS) on:click=handler(move |_| playback.skip(-SKIP_MS))>
                "−10s"
            </button>
            {seek_slider(playback, lang)}
            <button type="button" class="cb-icon-button" data-skip="forward" aria-label=lang.t(msg::FORWARD_10_SECONDS) on:click=handler(move |_| playback.skip(SKIP_MS))>
                "+10s"
            </button>
            <span class="cb-player__time">{move || elapsed(playback)}</span>
        </div>
    }
}

/// "Copy link to this moment": the link to the position now, from the
/// embedding's `moment-url` template, copied and told to the embedding.
fn moment_link(board: Board, id: String, playback: Playback) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let copy = move |_| {
        let at = playback.position_untracked();
        let w = board.lang.words_untracked();
        match board.call.share_moment(id.clone(), at) {
            Some(url) => copy_text(url, status, msg::LINK_COPIED, w),
            None => status.set(w.text(msg::MOMENT_URL_NOT_HTTP).to_owned()),
        }
    };
    view! {
        <span class="cb-moment">
            <button type="button" class="cb-button cb-button--ghost" on:click=handler(copy)>
                {board.lang.t(msg::COPY_MOMENT_LINK)}
            </button>
            <span class="cb-muted" role="status">{move || status.get()}</span>
        </span>
    }
}

/// "1:05 / 4:10" (the total once known).
fn elapsed(playback: Playback) -> String {
    let total = playback
        .duration()
        .map_or_else(|| "–:––".to_owned(), format_duration);
    format!("{} / {}", format_duration(playback.position()), total)
}

/// The seek slider: a native range input with the ARIA slider pattern's
/// keys, and its position spoken as "1:05 of 4:10".
fn seek_slider(playback: Playback, lang: Language) -> impl IntoView {
    let value_text = move || {
        let w = lang.words();
        let total = playback
            .duration()
            .map_or_else(|| w.text(msg::UNKNOWN_LENGTH).to_owned(), format_duration);
        let position = format_duration(playback.position());
        fill(
            w.text(msg::POSITION_OF_LENGTH),
            &[("position", &position), ("length", &total)],
        )
    };
    view! {
        <input
            type="range"
            class="cb-seek"
            aria-label=lang.t(msg::SEEK)
            min="0"
            step="0.1"
            max=move || decimal::format(playback.duration().map_or(0.0, |d| d as f64 / 1_000.0), 3)
            prop:value=move || decimal::format(playback.position() as f64 / 1_000.0, 3)
            aria-valuetext=value_text
            on:input=handler(move |ev: web_sys::Event| {
                if let Some(ms) = decimal::parse(&event_target_value(&ev)).and_then(seconds_to_ms) {
                    playback.seek(ms);
                }
            })
            on:keydown=handler(move |ev: web_sys::KeyboardEvent| {
                let (at, total) = (playback.position_untracked(), playback.duration_untracked());
                if let Some(ms) = slider_key(&ev.key(), at, total) {
                    ev.prevent_default();
                    playback.seek(ms);
                }
            })
        />
    }
}

/// The playback speed choice.
fn speed_choice(playback: Playback, lang: Language) -> impl IntoView {
    let chosen = playback.rate_untracked();
    view! {
        <label class="cb-player__speed">
            {lang.t(msg::SPEED)}
            <select
                class="cb-select"
                on:change=handler(move |ev: web_sys::Event| {
                    if let Some(s) = decimal::parse(&event_target_value(&ev)) {
                        playback.set_rate(s);
                    }
                })
            >
                {SPEEDS
                    .iter()
                    .map(|s| view! { <option value=decimal::format(*s, 2) selected=*s == chosen>{speed_label(*s)}</option> }.into_any())
                    .collect_view()}
            </select>
        </label>
    }
}

/// Mono or stereo, where the provider offers both.
fn channel_choice(stereo_chosen: RwSignal<bool>, lang: Language) -> impl IntoView {
    view! {
        <div class="cb-segmented" role="group" aria-label=lang.t(msg::CHANNELS)>
            <button
                type="button"
                aria-pressed=move || (!stereo_chosen.get()).to_string()
                on:click=handler(move |_| stereo_chosen.set(false))
            >
                {lang.t(msg::MONO)}
            </button>
            <button
                type="button"
                aria-pressed=move || stereo_chosen.get().to_string()
                on:click=handler(move |_| stereo_chosen.set(true))
            >
                {lang.t(msg::STEREO)}
            </button>
        </div>
    }
}
