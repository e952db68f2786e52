//! `Loader`: a [`Remote`] value in a signal, loaded through the one path
//! every fetch of the board takes: starting a load aborts the one before
//! it, and an answer that is no longer the newest is never applied.

use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
use web_sys::AbortSignal;

use super::boxed::spawn;
use super::read_only::ReadOnly;
use crate::core::Remote;
use crate::net::{FetchError, Latest, LocalFuture};

/// What the board shows of a fetched value.
pub type Fetched<T> = Remote<T, FetchError>;

/// A fetched value and the newest-wins, abortable way it is loaded.
/// `Copy`; owned by the reactive owner it was made in (dropping it aborts
/// what is in flight).
pub struct Loader<T: Send + Sync + 'static> {
    state: RwSignal<Fetched<T>>,
    latest: StoredValue<Latest, LocalStorage>,
}

impl<T: Send + Sync + 'static> Clone for Loader<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Loader<T> {}

impl<T: Clone + Send + Sync + 'static> Loader<T> {
    /// A loader with nothing asked for yet.
    pub fn new() -> Self {
        Self::starting_as(Remote::Idle)
    }

    /// A loader whose first state is `state` (the list starts out loading).
    pub fn starting_as(state: Fetched<T>) -> Self {
        Self {
            state: RwSignal::new(state),
            latest: StoredValue::new_local(Latest::new()),
        }
    }

    /// The state, read-only.
    pub fn state(&self) -> ReadOnly<Fetched<T>> {
        self.state.into()
    }

    /// Starts a load: aborts the one in flight, shows loading (keeping the
    /// value shown when `keep`), and applies the answer if it is still the
    /// newest. `answered` runs first with each applied answer (events,
    /// timing marks); an aborted request applies nothing.
    pub fn load(
        self,
        keep: bool,
        request: impl FnOnce(Option<AbortSignal>) -> LocalFuture<Result<T, FetchError>>,
        answered: impl FnOnce(&Result<T, FetchError>) + 'static,
    ) {
        let Some(ticket) = self.latest.try_with_value(Latest::begin) else {
            return;
        };
        let mut future = request(ticket.signal.clone());
        self.state.update(|s| *s = std::mem::take(s).begin(keep));
        // One poll now: the request goes out at once (the first page's
        // before the view is built), not when the executor first runs the
        // task; the executor polls again with its own waker, as a future
        // expects. Untracked: whatever the request reads is not a
        // dependency of the caller's effect.
        let polled = untrack(|| {
            future
                .as_mut()
                .poll(&mut Context::from_waker(Waker::noop()))
        });
        spawn(async move {
            let result = match polled {
                Poll::Ready(result) => result,
                Poll::Pending => future.await,
            };
            let newest = self
                .latest
                .try_with_value(|l| l.is_current(&ticket))
                .unwrap_or(false);
            if !newest || matches!(result, Err(FetchError::Aborted)) {
                return;
            }
            answered(&result);
            self.state
                .try_update(|s| *s = std::mem::take(s).finish(result));
        });
    }

    /// Changes the value shown in place (a call told as it happened), if
    /// there is one; nothing is fetched.
    pub fn edit(self, change: impl FnOnce(&mut T)) {
        self.state.try_update(|s| {
            if let Some(v) = s.value_mut() {
                change(v);
            }
        });
    }

    /// Aborts what is in flight and forgets the value.
    pub fn reset(self) {
        self.latest.try_with_value(Latest::cancel);
        self.state.try_set(Remote::Idle);
    }
}

impl<T: Clone + Send + Sync + 'static> Default for Loader<T> {
    fn default() -> Self {
        Self::new()
    }
}
