//! Where the code of each [`Chunk`] is, and the board's policy for when
//! it loads: the list controls a task after the first list answer (the
//! first rows need none of it); the call view when the browser is idle
//! after the first rows, when a row is pointed at or focused, and with
//! an opened call's detail.

use crate::core::words;
use leptos::prelude::*;

use super::boxed::spawn;
use super::events::Events;
use super::options::{LoadError, Phase};
use super::read_only::ReadOnly;
use super::split::{Chunk, CodeError, SPLIT};
use super::{failure, keys};
use crate::core::ErrorKind;
use crate::net::{later, FetchError, Unavailable};

/// Where a chunk's code is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeState {
    /// Not asked for yet: the places of its views are held.
    Held,
    /// Loading: their places are still held.
    Loading,
    /// Loaded: its views show.
    Ready,
    /// It did not load: a message with a retry shows where that matters.
    Failed,
}

/// What the detail says when the call view's code did not load.
pub const CALL_VIEW_UNAVAILABLE: Unavailable = Unavailable {
    title: words::CALL_VIEW_UNAVAILABLE,
    kind: ErrorKind::Code,
    message: words::CALL_VIEW_UNAVAILABLE_MESSAGE,
};

/// What the filters' place says when the list controls' code did not load.
pub const CONTROLS_UNAVAILABLE: Unavailable = Unavailable {
    title: words::CONTROLS_UNAVAILABLE,
    kind: ErrorKind::Code,
    message: words::CONTROLS_UNAVAILABLE_MESSAGE,
};

/// The code-loading store. `Copy`.
#[derive(Clone, Copy)]
pub struct Code {
    call_view: RwSignal<CodeState>,
    list_controls: RwSignal<CodeState>,
    events: Events,
}

impl Code {
    /// Nothing loaded yet; without chunks the list controls are there from
    /// the start, and the call view's extras on the list show from the
    /// first rows on (as with chunks).
    pub fn new(events: Events) -> Self {
        Self {
            call_view: RwSignal::new(CodeState::Held),
            list_controls: RwSignal::new(if SPLIT {
                CodeState::Held
            } else {
                CodeState::Ready
            }),
            events,
        }
    }

    fn signal(&self, chunk: Chunk) -> RwSignal<CodeState> {
        match chunk {
            Chunk::CallView => self.call_view,
            Chunk::ListControls => self.list_controls,
        }
    }

    /// Where `chunk`'s code is.
    pub fn state(&self, chunk: Chunk) -> ReadOnly<CodeState> {
        self.signal(chunk).into()
    }

    /// Sets `chunk`'s state, redrawing only on a change.
    fn set(&self, chunk: Chunk, state: CodeState) {
        let signal = self.signal(chunk);
        if signal.try_get_untracked().is_some_and(|s| s != state) {
            signal.try_set(state);
        }
    }

    /// The call view's code, loaded (for an opened call: a failure is the
    /// detail's to show, with its retry).
    pub async fn call_view(self) -> Result<(), FetchError> {
        match Chunk::CallView.fetch().await {
            Ok(()) => {
                self.set(Chunk::CallView, CodeState::Ready);
                Ok(())
            }
            Err(CodeError) => Err(FetchError::Unavailable(CALL_VIEW_UNAVAILABLE)),
        }
    }

    /// Starts loading the call view's code in the background, once at a
    /// time; a failure is silent (opening a call tries again and says what
    /// failed).
    pub fn prefetch_call_view(self) {
        if !SPLIT {
            return;
        }
        let state = self.call_view.try_get_untracked();
        if matches!(state, Some(CodeState::Held | CodeState::Failed)) {
            self.call_view.try_set(CodeState::Loading);
            spawn(async move {
                let state = match Chunk::CallView.fetch().await {
                    Ok(()) => CodeState::Ready,
                    Err(CodeError) => CodeState::Held,
                };
                self.set(Chunk::CallView, state);
            });
        }
    }

    /// Loads the call view's code when the browser is next idle (after the
    /// first rows are on screen), or after a second where it has no
    /// `requestIdleCallback`; at once without chunks.
    pub fn prefetch_call_view_when_idle(self) {
        if SPLIT {
            later::when_idle(move || self.prefetch_call_view());
        } else {
            self.set(Chunk::CallView, CodeState::Ready);
        }
    }

    /// Starts loading the list controls' code once, after the first list
    /// answer (rows or an error) is on screen: the first rows wait for no
    /// byte of it.
    pub fn controls_after_first_answer(self) {
        // Loading shows as Held does: the change redraws nothing.
        let asked = self.list_controls.try_update_untracked(|c| {
            let held = *c == CodeState::Held;
            if held {
                *c = CodeState::Loading;
            }
            held
        });
        if asked == Some(true) {
            // A task later: the answer is in the DOM by then.
            later::after_ms(0, move || self.load_controls());
        }
    }

    /// Loads the list controls' code (again, after a failure); a failure
    /// is told to the embedding and shown in their place with a retry.
    pub fn load_controls(self) {
        self.set(Chunk::ListControls, CodeState::Loading);
        spawn(async move {
            // With the split points the main module runs at once, without
            // waiting (a failure's words, a key).
            let loaded = async {
                Chunk::ListControls.fetch().await?;
                failure::ready().await?;
                keys::ready().await
            };
            let state = match loaded.await {
                Ok(()) => CodeState::Ready,
                Err(CodeError) => {
                    self.events.report(LoadError {
                        during: Phase::List,
                        kind: CONTROLS_UNAVAILABLE.kind,
                        message: CONTROLS_UNAVAILABLE.message.en().to_owned(),
                        status: None,
                    });
                    CodeState::Failed
                }
            };
            self.set(Chunk::ListControls, state);
        });
    }
}
