//! Effects through one copy of Leptos's effect machinery. `Effect::new` is
//! generic over its closure, and each closure type compiles its own copy
//! of the effect's runner (an async task, its polling and its teardown:
//! 1–2 KB of WebAssembly each); the widget's effects go through
//! [`effect`], which boxes the closure, so they share one. (An effect that
//! needs what its last run saw keeps it in a variable its closure owns.)

use leptos::prelude::{Effect, LocalStorage};

/// An effect: `f` runs once the current updates are done, and again
/// whenever a signal it read changes (as `Effect::new(move |_| f())`),
/// its closure boxed.
pub fn effect(f: impl FnMut() + 'static) -> Effect<LocalStorage> {
    let mut f: Box<dyn FnMut()> = Box::new(f);
    Effect::new(move |_| f())
}
