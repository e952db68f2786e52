//! Closures boxed before they reach Leptos's generic machinery.
//! `Effect::new` and event listeners (`on:click=…`) are generic over their
//! closure, and each closure type compiles its own copy of what runs it
//! (an effect's async runner, its polling and teardown; a listener's
//! attaching, wrapping and removal: 1–2 KB of WebAssembly each). Boxed,
//! the widget's effects share one copy, and its listeners one per event
//! type; so do its spawned tasks.

use leptos::prelude::{Effect, LocalStorage};

/// An effect: `f` runs once the current updates are done, and again
/// whenever a signal it read changes (as `Effect::new(move |_| f())`),
/// its closure boxed. (An effect that needs what its last run saw keeps
/// it in a variable its closure owns.)
pub fn effect(f: impl FnMut() + 'static) -> Effect<LocalStorage> {
    boxed_effect(Box::new(f))
}

/// The effect of a boxed closure. Not generic: a closure written in a
/// generic function is a type of its own for each of the function's
/// type arguments, so `Effect::new` is given this one closure type.
#[allow(clippy::disallowed_methods)] // the one raw `Effect::new` (clippy.toml)
fn boxed_effect(mut f: Box<dyn FnMut()>) -> Effect<LocalStorage> {
    Effect::new(move |_| f())
}

/// An event listener's closure, boxed (`on:click=handler(move |_| …)`):
/// the listeners of one event kind then share one copy of the code that
/// attaches and runs them (used for the kinds the widget listens to in
/// more than one place; a closure that reads its event names the event's
/// type, `move |ev: web_sys::KeyboardEvent| …`).
pub fn handler<E: 'static>(f: impl FnMut(E) + 'static) -> Box<dyn FnMut(E)> {
    Box::new(f)
}

/// Runs `task` on the browser's event loop, boxed: every task the widget
/// spawns shares one copy of the code that polls it (as `effect` does for
/// effects).
pub fn spawn(task: impl std::future::Future<Output = ()> + 'static) {
    spawn_boxed(Box::pin(task));
}

#[allow(clippy::disallowed_methods)] // the one raw `spawn_local` (clippy.toml)
fn spawn_boxed(task: std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>) {
    leptos::task::spawn_local(task);
}
