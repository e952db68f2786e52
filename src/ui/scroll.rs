//! Putting the list back where it was: in a narrow widget an open call
//! replaces the list (from its top), and going back should show the row it
//! was opened from at the same height on screen, in whatever scrolls the
//! widget (a CRM side panel, or the page).

use wasm_bindgen::JsCast;
use web_sys::Element;

/// Where `el` is from the top of the viewport, in CSS pixels.
pub fn top(el: &Element) -> f64 {
    el.get_bounding_client_rect().top()
}

/// Scrolls what holds `el` so that it is `top` pixels from the top of the
/// viewport again.
pub fn restore(el: &Element, top: f64) {
    let delta = self::top(el) - top;
    if delta.abs() >= 1.0 {
        scroll_by(scroller(el), delta);
    }
}

/// Scrolls what holds `el` so that `el`'s top is in view, if it is above
/// the part shown (one below it is left alone: focus brings it in).
pub fn reveal_top(el: &Element) {
    let holder = scroller(el);
    let shown_top = holder.as_ref().map_or(0.0, |s| {
        s.get_bounding_client_rect().top() + f64::from(s.client_top())
    });
    let delta = self::top(el) - shown_top;
    if delta <= -1.0 {
        scroll_by(holder, delta);
    }
}

/// Scrolls `holder` (`None`: the document) by `delta` pixels down.
fn scroll_by(holder: Option<Element>, delta: f64) {
    match holder {
        Some(s) => s.set_scroll_top(s.scroll_top() + delta.round() as i32),
        None => {
            if let Some(w) = web_sys::window() {
                w.scroll_by_with_x_and_y(0.0, delta);
            }
        }
    }
}

/// The nearest ancestor of `el` that scrolls vertically, crossing shadow
/// roots; `None` when it is the document.
fn scroller(el: &Element) -> Option<Element> {
    let window = web_sys::window()?;
    let root = window.document()?.document_element()?;
    let mut node = parent(el);
    while let Some(p) = node {
        if p == root {
            return None;
        }
        let overflow = window
            .get_computed_style(&p)
            .ok()
            .flatten()
            .and_then(|s| s.get_property_value("overflow-y").ok())
            .unwrap_or_default();
        if matches!(overflow.as_str(), "auto" | "scroll" | "overlay")
            && p.scroll_height() > p.client_height()
        {
            return Some(p);
        }
        node = parent(&p);
    }
    None
}

/// `el`'s parent element, or its shadow root's host.
fn parent(el: &Element) -> Option<Element> {
    el.parent_element().or_else(|| {
        el.parent_node()
            .and_then(|n| n.dyn_into::<web_sys::ShadowRoot>().ok())
            .map(|s| s.host())
    })
}
