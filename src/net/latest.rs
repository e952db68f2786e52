//! Latest-wins: starting a request aborts the one before it, and a response
//! that is no longer the latest is never applied.

use std::cell::{Cell, RefCell};

use web_sys::{AbortController, AbortSignal};

/// Tracks the latest of a series of requests (one per list query).
#[derive(Default)]
pub struct Latest {
    generation: Cell<u64>,
    controller: RefCell<Option<AbortController>>,
}

/// One started request: its generation and the signal that cancels it.
pub struct Ticket {
    generation: u64,
    /// Pass to the fetch; it fires when a newer request starts.
    pub signal: Option<AbortSignal>,
}

impl Latest {
    /// A tracker with nothing in flight.
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts a request: aborts the previous one and returns the new ticket.
    pub fn begin(&self) -> Ticket {
        self.abort();
        let generation = self.generation.get().wrapping_add(1);
        self.generation.set(generation);
        let controller = AbortController::new().ok();
        let signal = controller.as_ref().map(AbortController::signal);
        *self.controller.borrow_mut() = controller;
        Ticket { generation, signal }
    }

    /// Whether `ticket` is still the latest request.
    pub fn is_current(&self, ticket: &Ticket) -> bool {
        ticket.generation == self.generation.get()
    }

    /// Aborts whatever is in flight and makes its answer stale: nothing
    /// started before is current any more.
    pub fn cancel(&self) {
        self.abort();
        self.generation.set(self.generation.get().wrapping_add(1));
    }

    /// Aborts whatever is in flight (on unmount, or before a new request).
    pub fn abort(&self) {
        if let Some(c) = self.controller.borrow_mut().take() {
            c.abort();
        }
    }
}

impl Drop for Latest {
    fn drop(&mut self) {
        self.abort();
    }
}
