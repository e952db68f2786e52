//! Putting things back where they were: in a narrow widget an open call
//! replaces the list (from its top), and going back should show the row it
//! was opened from at the same height on screen, in whatever scrolls the
//! widget (a CRM side panel, or the page); a transcript built again (a
//! live call's grew) keeps its scroll and its search.

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

/// Focuses `el` without scrolling anything (it is where it should be).
pub fn focus_in_place(el: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = el.focus_with_options(&options);
}

/// Scrolls what holds `el` so that `el`'s top is in view, if it is above
/// the part shown (one below it is left alone: focus brings it in).
pub fn reveal_top(el: &Element) {
    let holder = scroller(el);
    let delta = self::top(el) - top_shown(holder.as_ref());
    if delta <= -1.0 {
        scroll_by(holder, delta);
    }
}

/// Where the part shown of what scrolls `el` begins, from the top of the
/// viewport.
pub fn shown_top(el: &Element) -> f64 {
    top_shown(scroller(el).as_ref())
}

fn top_shown(holder: Option<&Element>) -> f64 {
    holder.map_or(0.0, |s| {
        s.get_bounding_client_rect().top() + f64::from(s.client_top())
    })
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

/// Where a reader was in a transcript: its scroll (or at its end, where a
/// live call's new turns are followed) and its search.
pub struct TranscriptPlace {
    top: i32,
    at_end: bool,
    search: String,
}

impl TranscriptPlace {
    /// The place in the transcript under `section`.
    pub fn take(section: &Element) -> Option<Self> {
        let scroll = section.query_selector(".cb-transcript__scroll").ok()??;
        let search = section
            .query_selector("input[type=search]")
            .ok()?
            .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|i| i.value())
            .unwrap_or_default();
        let top = scroll.scroll_top();
        Some(Self {
            top,
            at_end: top + scroll.client_height() >= scroll.scroll_height() - 4,
            search,
        })
    }

    /// Puts the transcript under `section` back there.
    pub fn restore(self, section: &Element) {
        if let Ok(Some(scroll)) = section.query_selector(".cb-transcript__scroll") {
            let top = if self.at_end {
                scroll.scroll_height()
            } else {
                self.top
            };
            scroll.set_scroll_top(top);
        }
        let input = section
            .query_selector("input[type=search]")
            .ok()
            .flatten()
            .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let (Some(input), false) = (input, self.search.is_empty()) {
            input.set_value(&self.search);
            let init = web_sys::CustomEventInit::new();
            init.set_bubbles(true);
            init.set_composed(true);
            if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict("input", &init) {
                let _ = input.dispatch_event(&e);
            }
        }
    }
}
