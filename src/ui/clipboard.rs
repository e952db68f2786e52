//! Copying text for the reviewer (a transcript, a link to a moment), with
//! a short status for the button's neighbour to show.

use leptos::prelude::*;

/// Copies `text` to the clipboard; `status` shows `done` (or "Copy
/// failed") for two seconds.
pub fn copy_text(text: String, status: RwSignal<&'static str>, done: &'static str) {
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        status.set("Copy failed");
        return;
    };
    let promise = clipboard.write_text(&text);
    leptos::task::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        status.try_set(if ok { done } else { "Copy failed" });
        set_timeout(
            move || {
                let _ = status.try_set("");
            },
            std::time::Duration::from_secs(2),
        );
    });
}
