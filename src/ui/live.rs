//! Calls as they happen, on the board. The feed ([`net::live`]) is heard
//! and each call it tells goes where [`core::live::arrival`] says: its row
//! and, if it is open, its detail change in place; a new call joins the
//! first page shown without moving what the reader is looking at (the row
//! at the top of the view stays where it was, the focus stays on its row);
//! a new call elsewhere is counted ("3 new calls", which leads there).
//! Calls going on show a running duration. How calls are heard shows as a
//! quiet dot and is told to the embedding (`callboard-live`).
//!
//! In a chunk of its own, asked for once the list controls' chunk is
//! loaded: none of it is loaded before the first rows, and the filters
//! and the pager do not wait for it.
//!
//! [`net::live`]: crate::net::live
//! [`core::live::arrival`]: crate::core::live::arrival

use std::rc::Rc;

use leptos::prelude::*;

use super::adopt::{use_style, LIVE_STYLE};
use super::boxed::{effect, handler, spawn};
use super::el_ref::ElRef;
use super::options::{Options, Phase};
use super::scroll;
use super::split::split_view;
use super::state::Board;
use super::table;
use super::words::plural;
use crate::core::live::{self, Arrival, LiveState, SseEvent, MIN_POLL_MS};
use crate::core::time::format_duration;
use crate::core::words::{self as msg, Msg, Words};
use crate::core::{Call, Page, Query};
use crate::net::later::{self, Timer};
use crate::net::live::{run, Listener, LiveConfig};

/// Where and how the board listens, from the embedding's options; `None`
/// with `live` off.
fn config(o: &Options) -> Option<LiveConfig> {
    if !o.live {
        return None;
    }
    let url = o.events_url.clone().or_else(|| {
        let base = o.proxy_url.trim().trim_end_matches('/');
        (!base.is_empty()).then(|| format!("{base}/events"))
    });
    Some(LiveConfig {
        url,
        headers: o.headers.clone(),
        credentials: o.credentials,
        poll_ms: o.poll_seconds.saturating_mul(1000).max(MIN_POLL_MS),
    })
}

/// What the feed has told the board.
#[derive(Clone, Copy)]
struct Heard {
    board: Board,
    /// How calls are heard now (`None` before the feed has said).
    state: RwSignal<Option<LiveState>>,
    /// The new calls not on the page shown.
    new_calls: RwSignal<Vec<String>>,
    /// The newest call time the list has shown (its first page, newest
    /// first, is the first it shows).
    newest: StoredValue<Option<i64>>,
    /// The proxy's base URL (recordings its API serves play through it).
    proxy_url: StoredValue<String>,
    /// An element of the board (the rows are found from it).
    anchor: ElRef<web_sys::HtmlDivElement>,
}

impl Heard {
    /// Takes calls told as they happened (one by an event, or a page as a
    /// poll found it: then without their details). Where the reader is is
    /// read once before and put back once after, if the rows changed.
    fn take(&self, calls: impl IntoIterator<Item = Call>) {
        let kept = self.anchor.get_untracked().and_then(|el| Place::take(&el));
        let mut changed = false;
        for call in calls {
            let newest = self.newest.try_get_value().flatten();
            let time = call.time();
            let id = call.id.clone();
            match self.board.list.take_live(call, newest) {
                Arrival::Insert(_) | Arrival::Update(_) => changed = true,
                Arrival::Elsewhere => {
                    self.new_calls.try_update(|ids| {
                        if !ids.contains(&id) {
                            ids.push(id);
                        }
                    });
                }
                Arrival::Outside => {}
            }
            if let Some(t) = time {
                self.newest
                    .try_update_value(|n| *n = Some(n.map_or(t, |n| n.max(t))));
            }
        }
        if let (true, Some(place)) = (changed, kept) {
            // After the rows are built again, before they are painted.
            later::next_frame(move || place.restore());
        }
    }

    fn call_event(&self, data: &str) {
        let Some(source) = self.board.list.source_handle().try_get_value() else {
            return;
        };
        // In `auto`, events wait for the provider to be known.
        let Some(provider) = source.provider() else {
            return;
        };
        match live::read_event(data, provider) {
            Ok(Some(told)) => {
                let mut detail = told.detail;
                if let Some(base) = self.proxy_url.try_get_value() {
                    detail.call.recording.resolve_proxy_path(&base);
                }
                // What is cached of the call is older now.
                source.clear_cache();
                self.board.call.take_live(detail.clone());
                self.take([detail.call]);
            }
            Ok(None) => {}
            Err(e) => self.board.list.events().error(Phase::Live, &e.into()),
        }
    }
}

impl Listener for Heard {
    fn event(&self, event: SseEvent) {
        match event.event.as_str() {
            "call" => self.call_event(&event.data),
            // Too far behind for the stream to say what was missed.
            "reset" => self.board.list.refresh(),
            _ => {}
        }
    }

    fn page(&self, page: Page) {
        // Oldest first, so the newest ends up on top.
        self.take(page.rows.into_iter().rev());
    }

    fn state(&self, state: LiveState) {
        if self.state.try_set(Some(state)).is_none() {
            self.board.list.events().live_changed(state);
        }
    }

    fn first_page(&self) -> Option<Query> {
        self.board.list.first_page()
    }
}

/// Where the reader is in the list: the focused row, and the first row in
/// view with its height on screen (only when the list is scrolled into:
/// at its top, a new call at the top is meant to be seen).
struct Place {
    focused: Option<String>,
    anchor: Option<(String, f64)>,
    root: web_sys::Element,
}

impl Place {
    fn take(el: &web_sys::Element) -> Option<Self> {
        let root = el.closest(".cb").ok()??;
        let rows = table::call_rows(&root);
        let focused = root
            .query_selector("tr[data-call-id]:focus-within")
            .ok()
            .flatten()
            .and_then(|row| row.get_attribute("data-call-id"));
        let shown_top = scroll::shown_top(&root);
        let scrolled_into = rows.first().is_some_and(|r| scroll::top(r) < shown_top);
        let anchor = scrolled_into
            .then(|| {
                rows.iter()
                    .find(|r| scroll::top(r) >= shown_top)
                    .and_then(|r| Some((r.get_attribute("data-call-id")?, scroll::top(r))))
            })
            .flatten();
        Some(Self {
            focused,
            anchor,
            root,
        })
    }

    fn restore(self) {
        let row = |id: &str| table::call_row(&self.root, id);
        if let Some((row, top)) = self
            .anchor
            .as_ref()
            .and_then(|(id, top)| Some((row(id)?, *top)))
        {
            scroll::restore(&row, top);
        }
        if let Some(row) = self.focused.as_deref().and_then(row) {
            scroll::focus_in_place(&row);
        }
    }
}

/// How often a running duration moves on, ms.
const TICK_MS: u32 = 1_000;

/// Moves the running durations of the calls going on, in their rows'
/// duration cells and the open call's heading, every second while there
/// are any. (Only their text changes: nothing is built again.)
fn tick_durations(
    board: Board,
    anchor: ElRef<web_sys::HtmlDivElement>,
    timer: StoredValue<Option<Timer>, LocalStorage>,
) {
    let now = js_sys::Date::now() as i64;
    let live: Vec<(String, i64)> = board
        .list
        .state()
        .try_with_untracked(|l| {
            l.value()
                .map(|p| {
                    p.page
                        .rows
                        .iter()
                        .filter_map(|c| Some((c.id.clone(), live::running_since(c, now)?)))
                        .collect()
                })
                .unwrap_or_default()
        })
        .unwrap_or_default();
    let root = anchor
        .get_untracked()
        .and_then(|el| el.closest(".cb").ok().flatten());
    // The open call's running duration, in its heading.
    let mut heading = false;
    if let Some(root) = &root {
        if let Ok(Some(el)) = root.query_selector("[data-running-since]") {
            let since = el
                .get_attribute("data-running-since")
                .and_then(|s| s.parse::<i64>().ok());
            if let (Some(since), Some(text)) = (since, el.first_child()) {
                text.set_node_value(Some(&format_duration((now - since).max(0))));
                heading = true;
            }
        }
    }
    if let (Some(root), false) = (root, live.is_empty()) {
        for row in table::call_rows(&root) {
            let id = row.get_attribute("data-call-id").unwrap_or_default();
            let Some((_, started)) = live.iter().find(|(i, _)| *i == id) else {
                continue;
            };
            let text = row
                .query_selector(".cb-td--duration")
                .ok()
                .flatten()
                .and_then(|cell| cell.first_child());
            // The text node itself changes (the cell keeps the node the
            // row was built with).
            if let Some(text) = text {
                text.set_node_value(Some(&format_duration((now - started).max(0))));
            }
        }
    }
    let next = (heading || !live.is_empty())
        .then(|| Timer::new(TICK_MS, move || tick_durations(board, anchor, timer)))
        .flatten();
    timer.try_set_value(next);
}

/// The dot's words.
fn state_label(state: Option<LiveState>) -> Msg {
    match state {
        None => msg::LIVE_CONNECTING,
        Some(LiveState::Connected) => msg::LIVE_CONNECTED,
        Some(LiveState::Polling) => msg::LIVE_POLLING,
        Some(LiveState::Offline) => msg::LIVE_OFFLINE,
    }
}

/// "1 new call", "3 new calls".
fn new_calls_text(n: usize, w: Words) -> String {
    plural(w, msg::NEW_CALLS, n as f64, &n.to_string(), &[])
}

/// The feed for `wanted` (none: `live` is off), started again when it
/// changes and aborted when replaced or when the board goes.
fn use_feed(board: Board, wanted: Memo<Option<LiveConfig>>, heard: Heard) {
    let running = StoredValue::new_local(None::<web_sys::AbortController>);
    let stop = move || {
        if let Some(Some(c)) = running.try_update_value(Option::take) {
            c.abort();
        }
    };
    effect(move || {
        let config = wanted.get();
        stop();
        heard.state.set(None);
        let (Some(config), Some(source)) = (config, board.list.source_handle().try_get_value())
        else {
            return;
        };
        let Ok(controller) = web_sys::AbortController::new() else {
            return;
        };
        let signal = controller.signal();
        running.set_value(Some(controller));
        spawn(run(config, source, Rc::new(heard), signal));
    });
    on_cleanup(stop);
}

/// Keeps what the feed knows of the list shown: the newest call it has
/// shown, and the new calls now on it (no longer elsewhere).
fn use_newest_shown(board: Board, heard: Heard) {
    effect(move || {
        let shown: Vec<(String, Option<i64>)> = board.list.state().with(|l| {
            l.value()
                .map(|p| {
                    p.page
                        .rows
                        .iter()
                        .map(|c| (c.id.clone(), c.time()))
                        .collect()
                })
                .unwrap_or_default()
        });
        if let Some(t) = shown.iter().filter_map(|(_, t)| *t).max() {
            heard
                .newest
                .update_value(|n| *n = Some(n.map_or(t, |n| n.max(t))));
        }
        if heard
            .new_calls
            .with_untracked(|ids| ids.iter().any(|id| shown.iter().any(|(s, _)| s == id)))
        {
            heard
                .new_calls
                .update(|ids| ids.retain(|id| !shown.iter().any(|(s, _)| s == id)));
        }
    });
}

/// Moves the running durations on while calls are going on
/// ([`tick_durations`]).
fn use_running_durations(board: Board, anchor: ElRef<web_sys::HtmlDivElement>) {
    let timer = StoredValue::new_local(None::<Timer>);
    effect(move || {
        board.list.state().track();
        board.call.detail().track();
        later::next_frame(move || tick_durations(board, anchor, timer));
    });
}

/// The board live: the feed started (and started again when its options
/// change), the dot and the "new calls" control.
#[component]
fn LiveFeed(board: Board, options: Signal<Options>) -> impl IntoView {
    let anchor = ElRef::<web_sys::HtmlDivElement>::new();
    use_style(anchor, LIVE_STYLE);
    let heard = Heard {
        board,
        state: RwSignal::new(None),
        new_calls: RwSignal::new(Vec::new()),
        newest: StoredValue::new(None),
        proxy_url: StoredValue::new(options.with_untracked(|o| o.proxy_url.clone())),
        anchor,
    };
    let wanted = Memo::new(move |_| options.with(config));
    use_feed(board, wanted, heard);
    use_newest_shown(board, heard);
    use_running_durations(board, anchor);
    let state = move || heard.state.get();
    let count = move || heard.new_calls.with(Vec::len);
    // With `live` off, nothing shows.
    let on = move || wanted.with(Option::is_some);
    move || {
        on().then(|| {
            view! {
                <div class="cb-live" node_ref=anchor data-state=move || state().map(LiveState::id)>
                    <span
                        class="cb-live__dot"
                        role="img"
                        aria-label=move || board.lang.words().text(state_label(state()))
                        title=move || board.lang.words().text(state_label(state()))
                    ></span>
                    <span class="cb-live__news" role="status">
                        {move || (count() > 0).then(|| view! {
                            <button
                                type="button"
                                class="cb-button cb-button--ghost cb-live__new"
                                on:click=handler(move |_| {
                                    heard.new_calls.set(Vec::new());
                                    board.list.show_newest();
                                })
                            >
                                {move || new_calls_text(count(), board.lang.words())}
                            </button>
                        })}
                    </span>
                </div>
            }
        })
    }
}

split_view! {
    /// The split point: the board live, in a chunk of its own, asked for
    /// once the list controls' is loaded (nothing holds its place).
    pub(crate) mod live_feed in live, fn(board: Board, options: Signal<Options>) {
        view! { <LiveFeed board options /> }.into_any()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_options_say_where_to_listen() {
        let o = Options {
            proxy_url: "/voice-proxy/".into(),
            ..Options::default()
        };
        let c = config(&o).unwrap();
        assert_eq!(c.url.as_deref(), Some("/voice-proxy/events"));
        assert_eq!(c.poll_ms, 30_000);
        let own = Options {
            events_url: Some("https://crm.example.com/calls/stream".into()),
            poll_seconds: 1,
            ..o.clone()
        };
        let c = config(&own).unwrap();
        assert_eq!(
            c.url.as_deref(),
            Some("https://crm.example.com/calls/stream")
        );
        assert_eq!(c.poll_ms, MIN_POLL_MS);
        assert_eq!(config(&Options { live: false, ..o }), None);
        assert_eq!(
            config(&Options::default()).unwrap().url,
            None,
            "no proxy: poll the source"
        );
        assert_eq!(new_calls_text(1, Words::ENGLISH), "↑ 1 new call");
        assert_eq!(new_calls_text(3, Words::ENGLISH), "↑ 3 new calls");
    }
}
