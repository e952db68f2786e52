//! The media controller: owns the recording's `<audio>` element, turns its
//! events into signals, and holds what waits for the audio to load (a
//! seek, the playback rate, a play). The player's controls and the
//! transcript read and drive playback only through it (compare
//! wavesurfer.js v7's `Player` over its media element).

use leptos::html::Audio;
use leptos::prelude::*;
use leptos::tachys::html::node_ref::NodeRefContainer;

use super::boxed::spawn;

use super::el_ref::ElRef;
use crate::core::player::{seconds_to_ms, seek_by};
use crate::net::perf;

/// Playback shared by the player and the transcript. `Copy`.
#[derive(Clone, Copy)]
pub struct Playback {
    audio: ElRef<web_sys::HtmlAudioElement>,
    position: RwSignal<i64>,
    playing: RwSignal<bool>,
    duration: RwSignal<Option<i64>>,
    rate: RwSignal<f64>,
    failed: RwSignal<bool>,
    /// A seek asked for before the audio could take it.
    pending_seek: RwSignal<Option<i64>>,
    /// Play once the audio has loaded (asked to play before it had a
    /// source).
    play_when_loaded: StoredValue<bool>,
}

impl Default for Playback {
    fn default() -> Self {
        Self::new()
    }
}

impl Playback {
    /// Fresh playback state.
    pub fn new() -> Self {
        Self::with_duration(None)
    }

    /// Fresh playback state for a recording known to last `duration_ms`
    /// (until the audio reports its own).
    pub fn with_duration(duration_ms: Option<i64>) -> Self {
        Self {
            audio: ElRef::new(),
            position: RwSignal::new(0),
            playing: RwSignal::new(false),
            duration: RwSignal::new(duration_ms),
            rate: RwSignal::new(1.0),
            failed: RwSignal::new(false),
            pending_seek: RwSignal::new(None),
            play_when_loaded: StoredValue::new(false),
        }
    }

    /// Binds an `<audio>` element of the page's own to this controller
    /// (`<audio node_ref=playback.audio() …>`); [`MediaElement`] binds its
    /// own.
    pub fn audio(&self) -> impl NodeRefContainer<Audio> + Copy {
        self.audio
    }

    /// Where playback is, in milliseconds (tracked).
    pub fn position(&self) -> i64 {
        self.position.get()
    }

    /// Where playback is, in milliseconds, without tracking.
    pub fn position_untracked(&self) -> i64 {
        self.position.get_untracked()
    }

    /// Whether audio is playing (tracked).
    pub fn playing(&self) -> bool {
        self.playing.get()
    }

    /// Whether audio is playing, without tracking.
    pub fn playing_untracked(&self) -> bool {
        self.playing.get_untracked()
    }

    /// The recording's length, once known (tracked).
    pub fn duration(&self) -> Option<i64> {
        self.duration.get()
    }

    /// The recording's length, once known, without tracking.
    pub fn duration_untracked(&self) -> Option<i64> {
        self.duration.get_untracked()
    }

    /// The playback rate, without tracking.
    pub fn rate_untracked(&self) -> f64 {
        self.rate.get_untracked()
    }

    /// Whether the audio failed to load (tracked).
    pub fn failed(&self) -> bool {
        self.failed.get()
    }

    /// Whether a seek waits for the audio to load (tracked).
    pub fn seek_pending(&self) -> bool {
        self.pending_seek.with(Option::is_some)
    }

    fn loaded_audio(&self) -> Option<web_sys::HtmlAudioElement> {
        self.audio.get_untracked().filter(|a| a.ready_state() >= 1)
    }

    /// Moves playback to `ms` (applied once the audio has loaded if it has
    /// not yet).
    pub fn seek(&self, ms: i64) {
        self.position.set(ms);
        match self.loaded_audio() {
            Some(a) => a.set_current_time(ms as f64 / 1_000.0),
            None => self.pending_seek.set(Some(ms)),
        }
    }

    /// Moves playback by `delta_ms`, within the recording.
    pub fn skip(&self, delta_ms: i64) {
        let target = seek_by(
            self.position.get_untracked(),
            delta_ms,
            self.duration.get_untracked(),
        );
        self.seek(target);
    }

    /// Plays now, or as soon as the audio has a source and has loaded.
    pub fn play(&self) {
        match self.audio.get_untracked() {
            Some(a) if !a.src().is_empty() => start(&a),
            _ => self.play_when_loaded.set_value(true),
        }
    }

    /// Pauses.
    pub fn pause(&self) {
        if let Some(a) = self.audio.get_untracked() {
            let _ = a.pause();
        }
    }

    /// Sets the playback rate (kept across reloads of the audio).
    pub fn set_rate(&self, rate: f64) {
        self.rate.set(rate);
        if let Some(a) = self.audio.get_untracked() {
            a.set_playback_rate(rate);
        }
    }

    /// Loads the audio again (after a failure).
    pub fn reload(&self) {
        self.failed.set(false);
        if let Some(a) = self.audio.get_untracked() {
            a.load();
        }
    }

    /// Forgets a failure (a new source is coming).
    pub fn clear_failure(&self) {
        self.failed.set(false);
    }

    // The media events, as `MediaElement` reports them.

    fn loaded(&self) {
        let Some(a) = self.audio.get_untracked() else {
            return;
        };
        self.duration_changed();
        a.set_playback_rate(self.rate.get_untracked());
        if let Some(ms) = self.pending_seek.get_untracked() {
            self.pending_seek.set(None);
            a.set_current_time(ms as f64 / 1_000.0);
        }
        if self.play_when_loaded.get_value() {
            self.play_when_loaded.set_value(false);
            start(&a);
        }
    }

    fn duration_changed(&self) {
        if let Some(d) = self
            .audio
            .get_untracked()
            .and_then(|a| seconds_to_ms(a.duration()))
        {
            self.duration.set(Some(d));
        }
    }

    fn time_updated(&self) {
        if let Some(ms) = self
            .audio
            .get_untracked()
            .and_then(|a| seconds_to_ms(a.current_time()))
        {
            perf::mark(perf::TIMEUPDATE_START);
            self.position.set(ms);
            perf::measure_after_updates(perf::TIMEUPDATE, perf::TIMEUPDATE_START);
        }
    }

    fn started(&self) {
        self.playing.set(true);
        self.failed.set(false);
    }

    fn errored(&self) {
        let audio = self.audio.get_untracked();
        let code = audio.as_ref().and_then(|a| a.error()).map(|e| e.code());
        // Firefox reports a missing audio output (a machine without a sound
        // device) as a decode error while the element plays on: its clock
        // runs and the transcript follows. That recording has not failed.
        if code == Some(web_sys::MediaError::MEDIA_ERR_DECODE) && audio.is_some_and(|a| !a.paused())
        {
            return;
        }
        self.playing.set(false);
        self.failed.set(true);
    }
}

fn start(audio: &web_sys::HtmlAudioElement) {
    if let Ok(promise) = audio.play() {
        // A rejected play() (autoplay policy, no source) is shown by the
        // element's own events; swallow the promise's rejection.
        spawn(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

/// The `<audio>` element a [`Playback`] controls.
#[component]
pub fn MediaElement(
    /// The controller the element reports to.
    playback: Playback,
    /// What to play (nothing while a fresh link is fetched).
    #[prop(into)]
    src: Signal<Option<String>>,
    /// Called with the position when playback starts.
    #[prop(optional)]
    on_play: Option<Callback<i64>>,
) -> impl IntoView {
    view! {
        <audio
            node_ref=playback.audio
            preload="metadata"
            src=move || src.get()
            on:loadedmetadata=move |_| playback.loaded()
            on:durationchange=move |_| playback.duration_changed()
            on:timeupdate=move |_| playback.time_updated()
            on:play=move |_| {
                playback.started();
                if let Some(cb) = on_play {
                    cb.run(playback.position.get_untracked());
                }
            }
            on:pause=move |_| playback.playing.set(false)
            on:ended=move |_| playback.playing.set(false)
            on:error=move |_| playback.errored()
        ></audio>
    }
}
