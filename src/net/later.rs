//! Running code later, from the browser's queues: a microtask, the next
//! animation frame, a timer, an idle moment.
//!
//! wasm-bindgen compiles its glue for a JavaScript callback once per
//! closure type (about 1 KB of WebAssembly for each place that schedules
//! something, as Leptos's `set_timeout` and `request_animation_frame` do).
//! These take the closure boxed, so every callback the widget schedules
//! shares one copy (gloo's `Timeout` compiled it once per use, too).

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

// The one raw call (clippy.toml points every other to `microtask`).
#[allow(clippy::disallowed_methods)]
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

// The one raw call (clippy.toml points every other to `next_frame`).
#[allow(clippy::disallowed_methods)]
fn request_frame(f: Box<dyn FnOnce()>) {
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(once_js(f).unchecked_ref());
    }
}

/// Runs `f` in a task of its own after `ms` milliseconds (`setTimeout`;
/// 0: once the tasks already queued have run).
pub fn after_ms(ms: u32, f: impl FnOnce() + 'static) {
    set_timer(ms, Box::new(f));
}

// The one raw call for a one-off timer (clippy.toml points every other
// here).
#[allow(clippy::disallowed_methods)]
fn set_timer(ms: u32, f: Box<dyn FnOnce()>) {
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            once_js(f).unchecked_ref(),
            delay(ms),
        );
    }
}

/// `ms` as `setTimeout` takes it (longer delays, past 24 days, wait the
/// longest it can).
fn delay(ms: u32) -> i32 {
    i32::try_from(ms).unwrap_or(i32::MAX)
}

/// A future ready after `ms` milliseconds (a timer through [`after_ms`],
/// so it shares that one callback's glue; gloo's `TimeoutFuture` brought
/// its own `setTimeout` and `clearTimeout` bindings).
pub async fn sleep(ms: u32) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use std::task::{Poll, Waker};
    // Whether it is time, and who to wake then.
    let state: Rc<RefCell<(bool, Option<Waker>)>> = Rc::default();
    let ring = Rc::clone(&state);
    after_ms(ms, move || {
        let mut s = ring.borrow_mut();
        s.0 = true;
        if let Some(waker) = s.1.take() {
            waker.wake();
        }
    });
    std::future::poll_fn(move |cx| {
        let mut s = state.borrow_mut();
        if s.0 {
            Poll::Ready(())
        } else {
            s.1 = Some(cx.waker().clone());
            Poll::Pending
        }
    })
    .await;
}

/// A timer (`setTimeout`) that runs its callback once, unless dropped
/// first: dropping it clears the timer and frees the callback.
#[must_use = "dropping a Timer cancels it"]
pub struct Timer {
    id: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Timer {
    /// Runs `f` in a task of its own after `ms` milliseconds, unless the
    /// returned timer is dropped before; `None` where there is no window.
    pub fn new(ms: u32, f: impl FnOnce() + 'static) -> Option<Self> {
        Self::start(ms, Box::new(f))
    }

    // The raw call of a cancellable timer.
    #[allow(clippy::disallowed_methods)]
    fn start(ms: u32, f: Box<dyn FnOnce()>) -> Option<Self> {
        let window = web_sys::window()?;
        let mut f = Some(f);
        let callback = Closure::<dyn FnMut()>::new(move || {
            if let Some(f) = f.take() {
                f();
            }
        });
        let id = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                delay(ms),
            )
            .ok()?;
        Some(Self {
            id,
            _callback: callback,
        })
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.id);
        }
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
