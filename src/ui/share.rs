//! Getting text out of the widget: the clipboard (a transcript, a link to
//! a moment) and downloads (transcripts, the call list), and closing the
//! menu a download was chosen from.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::boxed::spawn;

use crate::core::words::{self, Msg, Words};
use crate::net::later;

/// Copies `text` to the clipboard; `status` shows `done` (or "Copy
/// failed", in `w`) for two seconds, and is empty otherwise.
pub fn copy_text(text: String, status: RwSignal<String>, done: Msg, w: Words) {
    let failed = w.text(words::COPY_FAILED).to_owned();
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        status.set(failed);
        return;
    };
    let promise = clipboard.write_text(&text);
    let done = w.text(done).to_owned();
    spawn(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        status.try_set(if ok { done } else { failed });
        later::after_ms(2000, move || {
            let _ = status.try_set(String::new());
        });
    });
}

/// Saves `text` as a file called `filename` (a download the browser
/// starts from a short-lived object URL).
pub fn download_text(text: &str, filename: &str, media_type: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let anchor = document()
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(a) = anchor {
        a.set_href(&url);
        a.set_download(filename);
        a.click();
    }
    later::after_ms(1000, move || drop(web_sys::Url::revoke_object_url(&url)));
}

/// Closes the `<details>` menu an event came from.
pub fn close_menu(ev: &web_sys::MouseEvent) {
    let details = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("details").ok().flatten());
    if let Some(d) = details {
        let _ = d.remove_attribute("open");
    }
}
