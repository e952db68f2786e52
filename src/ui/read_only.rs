//! Read-only handles to the widget's signals.
//!
//! Leptos's `RwSignal::read_only()` makes a new `ReadSignal` each time it
//! is called: a node in the reactive arena that lives as long as the
//! component that asked for it. Handed out by accessors read inside
//! reactive closures (`playback.position().get()` on every `timeupdate`),
//! those nodes piled up for as long as a call stayed open, and each value
//! type compiled its own copy of `ReadSignal`'s code. [`ReadOnly`] is the
//! writable signal itself behind a type that only reads: nothing is
//! allocated, and its code is the signal's own.

use std::panic::Location;

use leptos::prelude::*;

/// A signal that can be read (tracked or not: `get`, `with`,
/// `get_untracked`, `with_untracked`, …) but not written. `Copy`.
pub struct ReadOnly<T: 'static>(RwSignal<T>);

impl<T> Clone for ReadOnly<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for ReadOnly<T> {}

impl<T: Send + Sync> From<RwSignal<T>> for ReadOnly<T> {
    fn from(signal: RwSignal<T>) -> Self {
        Self(signal)
    }
}

impl<T> DefinedAt for ReadOnly<T> {
    fn defined_at(&self) -> Option<&'static Location<'static>> {
        self.0.defined_at()
    }
}

impl<T: Send + Sync> Track for ReadOnly<T> {
    fn track(&self) {
        self.0.track();
    }
}

impl<T: Send + Sync> ReadUntracked for ReadOnly<T> {
    type Value = <RwSignal<T> as ReadUntracked>::Value;

    fn try_read_untracked(&self) -> Option<Self::Value> {
        self.0.try_read_untracked()
    }
}

impl<T> IsDisposed for ReadOnly<T> {
    fn is_disposed(&self) -> bool {
        self.0.is_disposed()
    }
}
