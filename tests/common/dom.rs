//! What the browser tests (`wasm-bindgen-test`) share: a container on the
//! page, finding elements and their text, evaluating JavaScript, and
//! waiting for the reactive system or for a condition (never a fixed
//! sleep). Included with `#[path = "common/dom.rs"] mod dom;`.
#![allow(dead_code)]

use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

/// A fresh `<div>` at the end of the page's body.
pub fn container() -> HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

/// Evaluates `code` in the page.
pub fn eval(code: &str) -> JsValue {
    js_sys::eval(code).unwrap()
}

/// Every element under `root` that `selector` finds.
pub fn all(root: &HtmlElement, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

/// The element `selector` finds under `root` (panics when there is none).
pub fn one(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

/// The text of the element `selector` finds.
pub fn text(root: &HtmlElement, selector: &str) -> String {
    one(root, selector).text_content().unwrap_or_default()
}

/// The trimmed texts of every element `selector` finds.
pub fn texts(root: &HtmlElement, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .map(|n| n.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

/// Attribute `name` of the element `selector` finds, if both are there.
pub fn attr(root: &HtmlElement, selector: &str, name: &str) -> Option<String> {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.get_attribute(name))
}

/// The button whose text or `aria-label` is `label` (panics when none).
pub fn button(root: &HtmlElement, label: &str) -> HtmlElement {
    all(root, "button")
        .into_iter()
        .find(|b| {
            b.text_content().is_some_and(|t| t.trim() == label)
                || b.get_attribute("aria-label").as_deref() == Some(label)
        })
        .unwrap_or_else(|| panic!("no button {label:?}"))
}

/// Waits `ms` milliseconds: only for what a test means to let time pass
/// for (a debounce, a timer), never to wait for the widget.
// (gloo's timer future: the tests are not in the bundle, whose size rule
// points to `net::later::sleep`.)
#[allow(clippy::disallowed_types)]
pub async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

/// Lets the reactive system run what the last change scheduled.
pub async fn tick() {
    leptos::task::tick().await;
}

/// Lets the tasks already queued run (two macrotask turns).
pub async fn settle() {
    sleep(0).await;
    sleep(0).await;
}

/// Waits (up to 3 s) until `check` holds.
pub async fn until(what: &str, check: impl FnMut() -> bool) {
    until_within(what, 150, check).await;
}

/// Waits up to `tries` × 20 ms until `check` holds.
pub async fn until_within(what: &str, tries: u32, mut check: impl FnMut() -> bool) {
    for _ in 0..tries {
        if check() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for {what}");
}
