//! Keyboard shortcuts inside the widget. `core::shortcuts` decides which
//! key asks for which [`Shortcut`]; the components that own the controls
//! register what each does ([`use_shortcut`]: the player its play and skip,
//! the transcript its turns and search, the filter bar its search), so a
//! shortcut does exactly what its control does, and nothing where no
//! control is there.
//!
//! Every such control is in a chunk, and so is reading a key
//! ([`key_pressed`], in the list controls' chunk, loaded a task after the
//! first answer): the main module only hands it the widget's keys.

// The split point below is `wasm_split`'s generated import/export pair and
// loader, which are `unsafe`; nothing else here is.
#![allow(unsafe_code)]

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{EventTarget, HtmlElement};

use super::split::CodeError;
use crate::core::shortcuts::{shortcut, Focus, Shortcut};

/// Runs what `ev`'s key asks for, if it is a shortcut here (whose key it
/// is depends on the focus: typing in a field is not a shortcut); whether
/// one acted. In the list controls' chunk: until it is loaded, a key is
/// left alone (the controls that register actions are in chunks too).
#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(list_controls, fallible, preload(load_key_pressed))
)]
pub(crate) fn key_pressed(keys: Shortcuts, ev: web_sys::KeyboardEvent) -> Result<bool, CodeError> {
    let modifier = ev.ctrl_key() || ev.meta_key() || ev.alt_key();
    Ok(shortcut(&ev.key(), modifier, focus_of(ev.target())).is_some_and(|s| keys.run(s)))
}

/// Readies [`key_pressed`] once the list controls' chunk is there (each
/// split point's own load completes apart from its chunk's), so that a
/// key runs it at once.
pub async fn ready() -> Result<(), CodeError> {
    #[cfg(feature = "split")]
    load_key_pressed().await?;
    Ok(())
}

/// What kind of element `target` is, for deciding whose a key is.
fn focus_of(target: Option<EventTarget>) -> Focus {
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

/// Where a shortcut's action lives: the open call's come before the
/// list's (`/` searches the transcript while a call is open, else the
/// list).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// The open call (player, transcript, the help in its header).
    Call,
    /// The list (the filter bar).
    List,
}

/// What a shortcut runs; whether it acted.
type Run = Rc<dyn Fn() -> bool>;

/// One registered action.
struct Action {
    shortcut: Shortcut,
    area: Area,
    id: u64,
    run: Run,
}

#[derive(Default)]
struct Registry {
    next: u64,
    actions: Vec<Action>,
}

/// The actions the widget's shortcuts run, as the components that own
/// them registered them ([`use_shortcut`]): a shortcut does exactly what
/// its control does, and nothing where no control registered it. `Copy`;
/// the board holds one.
#[derive(Clone, Copy)]
pub struct Shortcuts(StoredValue<Registry, LocalStorage>);

impl Shortcuts {
    /// No actions yet.
    pub fn new() -> Self {
        Self(StoredValue::new_local(Registry::default()))
    }

    /// Runs the action registered for `shortcut` (the open call's before
    /// the list's, the latest registered first, until one acts); whether
    /// one did.
    fn run(&self, shortcut: Shortcut) -> bool {
        // Taken out first (an action may register or remove others), in
        // the order they are tried: the open call's, then the list's, the
        // latest registered first in each.
        let candidates: Vec<Run> = self
            .0
            .try_with_value(|r| {
                let of = |area: Area| {
                    r.actions
                        .iter()
                        .rev()
                        .filter(move |a| a.shortcut == shortcut && a.area == area)
                        .map(|a| Rc::clone(&a.run))
                };
                of(Area::Call).chain(of(Area::List)).collect()
            })
            .unwrap_or_default();
        candidates.into_iter().any(|run| run())
    }

    fn add(&self, shortcut: Shortcut, area: Area, run: Run) -> Option<u64> {
        self.0.try_update_value(|r| {
            r.next += 1;
            let id = r.next;
            r.actions.push(Action {
                shortcut,
                area,
                id,
                run,
            });
            id
        })
    }

    fn remove(&self, id: u64) {
        self.0
            .try_update_value(|r| r.actions.retain(|a| a.id != id));
    }
}

/// Registers `run` with the board's `keys` as what `shortcut` does in
/// `area` for as long as the calling component lives; `run` says whether
/// it acted (a disabled control does not).
pub fn use_shortcut(
    keys: Shortcuts,
    shortcut: Shortcut,
    area: Area,
    run: impl Fn() -> bool + 'static,
) {
    register(keys, shortcut, area, Rc::new(run));
}

/// [`use_shortcut`] of a boxed action: one copy of the registering code.
fn register(keys: Shortcuts, shortcut: Shortcut, area: Area, run: Run) {
    if let Some(id) = keys.add(shortcut, area, run) {
        on_cleanup(move || keys.remove(id));
    }
}
