//! The widget's own User Timing points: `performance.mark`/`measure` at the
//! moments users feel, left in the product so that `make bench`, a
//! Chromium trace or an integrator's RUM script can read them.
//!
//! Every measure replaces the previous one of the same name and its start
//! mark is cleared, so the page's performance timeline holds at most one
//! entry of each name however long the widget runs; to collect every
//! occurrence, use a `PerformanceObserver` (`entryTypes: ["measure"]`).
//!
//! | name | kind | from → to |
//! |---|---|---|
//! | `callboard:wasm` | measure | `element.js` starts loading the wasm → instantiated (fetch + compile + instantiate) |
//! | `callboard:first-rows` | mark | the first rows a board shows are in the DOM |
//! | `callboard:rows` | measure | a list response is read (or served from cache) → its rows are in the DOM |
//! | `callboard:rows-frame` | measure | the browser renders the frame that first shows them (style, layout, paint) |
//! | `callboard:update` | measure | the query changes (page flip, sort, filter) → its rows are in the DOM |
//! | `callboard:open` | measure | a call is opened → its detail is in the DOM |
//! | `callboard:transcript` | measure | a detail response is read (or served from cache) → its transcript is in the DOM |
//! | `callboard:transcript-frame` | measure | the browser renders the frame that first shows it |
//! | `callboard:transcript-all` | measure | a transcript view is created → every turn is in the DOM (the first 24 rows come at once, then 100 a task) |
//! | `callboard:timeupdate` | measure | the player's `timeupdate` handler starts → the playing turn is highlighted and followed |
//!
//! The start marks (`callboard:list-response`, `callboard:query`,
//! `callboard:open-start`, `callboard:detail-response`,
//! `callboard:transcript-start`, `callboard:rows-frame-start`,
//! `callboard:transcript-frame-start`,
//! `callboard:timeupdate-start`) are cleared once measured.
//!
//! "In the DOM" is when the reactive updates have run and written the DOM
//! (microtasks after them), which is the widget's own work. The browser's
//! style, layout and paint of the frame that shows it are the `-frame`
//! measures: "response to rows on screen" is `rows` + `rows-frame` plus the
//! wait for the next frame, which depends on the display, not the widget.

use std::cell::Cell;

use crate::net::later;

/// Measure: the wasm's fetch + compile + instantiate (set by `element.js`).
pub const WASM: &str = "callboard:wasm";
/// Mark: the first rows a board shows are in the DOM.
pub const FIRST_ROWS: &str = "callboard:first-rows";
/// Measure: a list response read → its rows in the DOM.
pub const ROWS: &str = "callboard:rows";
/// Mark: a list response was read (start of [`ROWS`]).
pub const LIST_RESPONSE: &str = "callboard:list-response";
/// Measure: the browser's rendering (style, layout, paint) of the frame
/// that first shows rows just put in the DOM.
pub const ROWS_FRAME: &str = "callboard:rows-frame";
/// Mark: that frame's rendering began (start of [`ROWS_FRAME`]).
pub const ROWS_FRAME_START: &str = "callboard:rows-frame-start";
/// Measure: the query changed → its rows in the DOM.
pub const UPDATE: &str = "callboard:update";
/// Mark: the query changed (start of [`UPDATE`]).
pub const QUERY: &str = "callboard:query";
/// Measure: a call opened → its detail in the DOM.
pub const OPEN: &str = "callboard:open";
/// Mark: a call's detail was asked for (start of [`OPEN`]).
pub const OPEN_START: &str = "callboard:open-start";
/// Measure: a detail response read (and the call view's code there to
/// read it) → its transcript in the DOM.
pub const TRANSCRIPT: &str = "callboard:transcript";
/// Mark: a detail response was read and the call view's code, which reads
/// it, is loaded (start of [`TRANSCRIPT`]).
pub const DETAIL_RESPONSE: &str = "callboard:detail-response";
/// Measure: the browser's rendering of the frame that first shows a
/// transcript just put in the DOM.
pub const TRANSCRIPT_FRAME: &str = "callboard:transcript-frame";
/// Mark: that frame's rendering began (start of [`TRANSCRIPT_FRAME`]).
pub const TRANSCRIPT_FRAME_START: &str = "callboard:transcript-frame-start";
/// Measure: a transcript view created → all its turns in the DOM (they are
/// added a batch per task after the first paint).
pub const TRANSCRIPT_ALL: &str = "callboard:transcript-all";
/// Mark: a transcript view was created (start of [`TRANSCRIPT_ALL`]).
pub const TRANSCRIPT_START: &str = "callboard:transcript-start";
/// Measure: one `timeupdate` handled, the playing turn followed.
pub const TIMEUPDATE: &str = "callboard:timeupdate";
/// Mark: a `timeupdate` arrived (start of [`TIMEUPDATE`]).
pub const TIMEUPDATE_START: &str = "callboard:timeupdate-start";

thread_local! {
    /// The widget's marks and measures are off ([`Quiet`]).
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// While it lives, the widget's performance marks and measures are off:
/// those set, or scheduled, meanwhile are dropped (the call view's
/// warm-up, `ui::warm`, shows a sample call nobody sees, over the
/// microtasks of one task). Dropping it puts back what was before.
#[must_use = "the marks are off only while the guard lives"]
pub struct Quiet {
    was: bool,
}

impl Quiet {
    /// Turns the marks off until the guard is dropped.
    pub fn begin() -> Self {
        Self {
            was: QUIET.with(|q| q.replace(true)),
        }
    }
}

impl Drop for Quiet {
    fn drop(&mut self) {
        QUIET.with(|q| q.set(self.was));
    }
}

/// Whether the marks are off.
fn quiet() -> bool {
    QUIET.with(Cell::get)
}

/// The page's `performance`, unless the marks are off.
fn performance() -> Option<web_sys::Performance> {
    if quiet() {
        return None;
    }
    web_sys::window().and_then(|w| w.performance())
}

/// Sets mark `name` now (replacing an earlier one of that name).
pub fn mark(name: &str) {
    if let Some(p) = performance() {
        p.clear_marks_with_mark_name(name);
        let _ = p.mark(name);
    }
}

/// Measures `name` from mark `start` to now, then clears `start`. Does
/// nothing when `start` was never set (or was already measured): the
/// browser refuses the measure and the refusal is dropped.
pub fn measure(name: &str, start: &str) {
    if let Some(p) = performance() {
        p.clear_measures_with_measure_name(name);
        let _ = p.measure_with_start_mark(name, start);
        p.clear_marks_with_mark_name(start);
    }
}

/// Measures `name` from mark `start` once the reactive updates a signal
/// set just now (before or right after this call) has woken have run and
/// written the DOM.
pub fn measure_after_updates(name: &'static str, start: &'static str) {
    if quiet() {
        return;
    }
    after_updates(move || measure(name, start));
}

/// Sets mark `name` once the reactive updates woken just now have run.
pub fn mark_after_updates(name: &'static str) {
    if quiet() {
        return;
    }
    after_updates(move || mark(name));
}

/// Measures `name` over the browser's rendering of the next frame (style,
/// layout, paint): from the start of its animation-frame callbacks to the
/// first task after it. The wait for the frame is not included.
pub fn measure_next_frame(name: &'static str, start: &'static str) {
    if quiet() {
        return;
    }
    later::next_frame(move || {
        mark(start);
        later::after_ms(0, move || measure(name, start));
    });
}

/// Runs `f` once the reactive updates already woken have run. Effects run
/// in the executor's microtask; one woken by a signal set *after* this call
/// (in the same task or microtask) runs in a microtask queued then, behind
/// one queued now: so `f` waits one more microtask, queued from the first,
/// and comes after those effects either way. (With a single hop, the rows'
/// marks came before the rows: the loader reports an answer before it
/// applies it.)
pub(crate) fn after_updates(f: impl FnOnce() + 'static) {
    queue_twice(Box::new(f));
}

fn queue_twice(f: Box<dyn FnOnce()>) {
    later::microtask(move || later::microtask(f));
}
