//! Keyboard shortcuts inside the widget. `core::shortcuts` decides which
//! key does what; here a shortcut presses the widget's own control (the
//! play button, a skip button, a turn), so it does exactly what clicking
//! that control does, and a shortcut with no control to press does
//! nothing.

use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget, HtmlElement};

use crate::core::shortcuts::{Focus, Shortcut};

/// What kind of element `target` is, for deciding whose a key is.
pub fn focus_of(target: Option<EventTarget>) -> Focus {
    let Some(el) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) else {
        return Focus::Other;
    };
    if el.is_content_editable() {
        return Focus::Text;
    }
    let role = el.get_attribute("role").unwrap_or_default();
    match el.tag_name().to_ascii_uppercase().as_str() {
        "INPUT" => match el.get_attribute("type").unwrap_or_default().as_str() {
            "range" => Focus::Slider,
            "checkbox" | "radio" | "button" | "submit" | "reset" => Focus::Control,
            _ => Focus::Text,
        },
        "TEXTAREA" => Focus::Text,
        "SELECT" => Focus::Choice,
        "BUTTON" | "A" | "SUMMARY" => Focus::Control,
        _ if role == "slider" => Focus::Slider,
        _ if el.has_attribute("tabindex") && el.tag_name().eq_ignore_ascii_case("TR") => {
            Focus::Control
        }
        _ => Focus::Other,
    }
}

/// Runs `shortcut` in the widget under `root`; whether there was a
/// control for it.
pub fn run(root: &Element, shortcut: Shortcut) -> bool {
    match shortcut {
        Shortcut::PlayPause => press(root, ".cb-detail .cb-play"),
        Shortcut::Back => press(root, ".cb-detail [data-skip=back]"),
        Shortcut::Forward => press(root, ".cb-detail [data-skip=forward]"),
        Shortcut::NextTurn => turn(root, true),
        Shortcut::PreviousTurn => turn(root, false),
        Shortcut::Search => {
            let field = find(root, ".cb-detail input[type=search]")
                .or_else(|| find(root, ".cb-filters input[type=search]"));
            field.is_some_and(|f| f.focus().is_ok())
        }
        Shortcut::Help => match root
            .query_selector("details.cb-shortcuts")
            .ok()
            .flatten()
            .and_then(|d| d.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        {
            Some(help) => {
                help.set_open(!help.open());
                true
            }
            None => false,
        },
    }
}

fn find(root: &Element, selector: &str) -> Option<HtmlElement> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
}

/// Clicks the enabled control `selector` finds.
fn press(root: &Element, selector: &str) -> bool {
    match find(root, selector) {
        Some(control) if !control.has_attribute("disabled") => {
            control.click();
            true
        }
        _ => false,
    }
}

/// Plays from the timed turn after (or before) the one playing; the first
/// timed turn when none is playing yet.
fn turn(root: &Element, next: bool) -> bool {
    let current = root
        .query_selector(".cb-detail .cb-turn[aria-current=true]")
        .ok()
        .flatten();
    let mut candidate = match &current {
        Some(c) if next => c.next_element_sibling(),
        Some(c) => c.previous_element_sibling(),
        None if next => root.query_selector(".cb-detail .cb-turn").ok().flatten(),
        None => None,
    };
    while let Some(turn) = candidate {
        if let Some(button) = turn
            .query_selector(".cb-turn__button")
            .ok()
            .flatten()
            .and_then(|b| b.dyn_into::<HtmlElement>().ok())
        {
            button.click();
            return true;
        }
        candidate = if next {
            turn.next_element_sibling()
        } else {
            turn.previous_element_sibling()
        };
    }
    false
}
