//! Running code later, from the browser's queues: a microtask, the next
//! animation frame, a timer, an idle moment.
//!
//! wasm-bindgen compiles its glue for a JavaScript callback once per
//! closure type (about 1 KB of WebAssembly for each place that schedules
//! something, as Leptos's `set_timeout` and `request_animation_frame` do).
//! These take the closure boxed, so every callback the widget schedules
//! shares one copy.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// `f` as a JavaScript function that runs it the first time it is called.
fn once_js(f: Box<dyn FnOnce()>) -> JsValue {
    Closure::once_into_js(f)
}

/// Runs `f` in a microtask (`queueMicrotask`): after the current task's
/// code and the microtasks queued before it, before the browser renders.
pub fn microtask(f: impl FnOnce() + 'static) {
    queue_microtask(Box::new(f));
}

fn queue_microtask(f: Box<dyn FnOnce()>) {
    if let Some(window) = web_sys::window() {
        window.queue_microtask(once_js(f).unchecked_ref());
    }
}

/// Runs `f` before the browser renders its next frame
/// (`requestAnimationFrame`).
pub fn next_frame(f: impl FnOnce() + 'static) {
    request_frame(Box::new(f));
}

fn request_frame(f: Box<dyn FnOnce()>) {
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(once_js(f).unchecked_ref());
    }
}

/// Runs `f` in a task of its own after `ms` milliseconds (`setTimeout`;
/// 0: once the tasks already queued have run).
pub fn after_ms(ms: i32, f: impl FnOnce() + 'static) {
    set_timer(ms, Box::new(f));
}

fn set_timer(ms: i32, f: Box<dyn FnOnce()>) {
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(once_js(f).unchecked_ref(), ms);
    }
}

/// Runs `f` when the browser is next idle (within two seconds), or after
/// a second where it has no `requestIdleCallback`.
pub fn when_idle(f: impl FnOnce() + 'static) {
    request_idle(Box::new(f));
}

fn request_idle(f: Box<dyn FnOnce()>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(idle) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &2000.into());
            let _ = idle.call2(&window, &once_js(f), &options);
        }
        None => set_timer(1000, f),
    }
}
