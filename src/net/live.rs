//! Calls as they happen, heard: the proxy's event stream, read with
//! `fetch` (so the embedding's headers and credentials go with it, and a
//! proxy without a stream is told from one that failed), reconnecting with
//! `Last-Event-ID`; and where there is no stream, or it keeps failing, the
//! first page asked for now and then, only while the page is visible,
//! backing off on errors and honouring `Retry-After`. What is heard goes
//! to a [`Listener`]; what it means for the list is the layer above's
//! business.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, ReadableStreamDefaultReader};

use super::later::{sleep, Timer};
use super::{fetch, CallSource, Credentials, FetchError};
use crate::core::live::{
    decode_utf8, poll_wait_ms, reconnect_wait_ms, retry_after_ms, LiveState, SseEvent, SseParser,
};
use crate::core::{Page, Query};

/// A stream that says nothing, not even its keep-alive comment (every 15 s
/// from the reference proxy), for this long is taken for dead.
const SILENT_MS: u32 = 45_000;

/// Where and how to listen.
#[derive(Clone, Debug, PartialEq)]
pub struct LiveConfig {
    /// The event stream's URL; `None`: poll only.
    pub url: Option<String>,
    /// Extra request headers (as every request of the widget sends).
    pub headers: Vec<(String, String)>,
    /// The fetch credentials mode.
    pub credentials: Credentials,
    /// Time between two polls, ms.
    pub poll_ms: u32,
}

/// What hears the stream and the polls.
pub trait Listener {
    /// An event of the stream (`call`, `reset`).
    fn event(&self, event: SseEvent);
    /// The first page, as a poll found it.
    fn page(&self, page: Page);
    /// How calls are heard now.
    fn state(&self, state: LiveState);
    /// The first page of the list shown, to poll (`None`: nothing to ask
    /// now).
    fn first_page(&self) -> Option<Query>;
}

/// How a stream ended.
enum End {
    /// The listener went (the abort signal).
    Aborted,
    /// The proxy has no event stream here (404, 405, 501, or an answer
    /// that is not `text/event-stream`): poll instead.
    Absent,
    /// It failed or closed; try again later.
    Failed,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Whether the page is visible (a hidden page asks for nothing).
fn visible() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_none_or(|d| !d.hidden())
}

/// The poller's pace: when the next poll is due, and how it backs off.
struct Poller {
    due: f64,
    failures: u32,
    poll_ms: u32,
}

impl Poller {
    fn new(poll_ms: u32) -> Self {
        // The list was loaded just now: the first poll waits its turn.
        Self {
            due: now_ms() + f64::from(poll_wait_ms(poll_ms, 0, None)),
            failures: 0,
            poll_ms,
        }
    }

    /// Polls if it is due and the page is visible: `Some(worked)` if it
    /// asked.
    async fn poll_if_due(
        &mut self,
        source: &dyn CallSource,
        listener: &dyn Listener,
        abort: &AbortSignal,
    ) -> Option<bool> {
        if now_ms() < self.due || !visible() {
            return None;
        }
        let query = listener.first_page()?;
        // The provider is asked, not the cache.
        source.clear_cache();
        let (worked, retry_after) = match source.list(&query, Some(abort.clone())).await {
            Ok(page) => {
                listener.page(page);
                (true, None)
            }
            Err(FetchError::Aborted) => return None,
            Err(FetchError::Api(e)) => (false, retry_after_ms(&e, now_ms() as i64)),
            Err(_) => (false, None),
        };
        self.failures = if worked { 0 } else { self.failures + 1 };
        self.due = now_ms() + f64::from(poll_wait_ms(self.poll_ms, self.failures, retry_after));
        Some(worked)
    }
}

/// Listens until `abort`: to the stream where there is one (polling while
/// it is down), else by polling.
pub async fn run(
    config: LiveConfig,
    source: Rc<dyn CallSource>,
    listener: Rc<dyn Listener>,
    abort: AbortSignal,
) {
    let state = Cell::new(None);
    let tell = |s: LiveState| {
        if state.replace(Some(s)) != Some(s) {
            listener.state(s);
        }
    };
    let polled = |worked: bool| {
        tell(if worked {
            LiveState::Polling
        } else {
            LiveState::Offline
        });
    };
    let mut poller = Poller::new(config.poll_ms);
    if let Some(url) = &config.url {
        let mut parser = SseParser::new();
        let mut failures = 0u32;
        loop {
            let opened = Cell::new(false);
            let on_open = || {
                opened.set(true);
                tell(LiveState::Connected);
            };
            match stream(url, &config, &mut parser, &abort, &*listener, &on_open).await {
                End::Aborted => return,
                End::Absent => break,
                End::Failed if opened.get() => failures = 1,
                End::Failed => failures += 1,
            }
            // A blip is not worth a word; from the second failure in a row
            // (or a first connection that failed) it is offline, or polling
            // where polls work.
            if failures >= 2 || state.get().is_none() {
                tell(LiveState::Offline);
            }
            let until = now_ms() + f64::from(reconnect_wait_ms(parser.retry_ms(), failures));
            while now_ms() < until {
                if failures >= 2 {
                    if let Some(worked) = poller.poll_if_due(&*source, &*listener, &abort).await {
                        polled(worked);
                    }
                }
                sleep((until - now_ms()).clamp(0.0, 1_000.0) as u32).await;
                if abort.aborted() {
                    return;
                }
            }
        }
    }
    tell(LiveState::Polling);
    loop {
        if let Some(worked) = poller.poll_if_due(&*source, &*listener, &abort).await {
            polled(worked);
        }
        sleep(1_000).await;
        if abort.aborted() {
            return;
        }
    }
}

/// One connection to the stream at `url`, from `parser`'s last event id;
/// `opened` runs once the stream answers.
async fn stream(
    url: &str,
    config: &LiveConfig,
    parser: &mut SseParser,
    abort: &AbortSignal,
    listener: &dyn Listener,
    opened: &dyn Fn(),
) -> End {
    let failed = || {
        if abort.aborted() {
            End::Aborted
        } else {
            End::Failed
        }
    };
    let Some(response) = open(url, config, parser.last_id(), abort).await else {
        return failed();
    };
    let event_stream = response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .is_some_and(|t| t.trim_start().starts_with("text/event-stream"));
    match response.status() {
        200 if event_stream => {}
        200 | 404 | 405 | 406 | 410 | 501 => return End::Absent,
        _ => return failed(),
    }
    // (`getReader()` with no mode gives a default reader.)
    let Some(reader) = response.body().map(|b| {
        b.get_reader()
            .unchecked_into::<ReadableStreamDefaultReader>()
    }) else {
        return failed();
    };
    opened();
    let mut carry = Vec::new();
    loop {
        // A stream gone silent is dropped (its connection may be dead
        // without a word: a laptop that slept, a proxy that lost it).
        let watchdog = {
            let reader = reader.clone();
            Timer::new(SILENT_MS, move || {
                let _ = reader.cancel();
            })
        };
        let read = JsFuture::from(reader.read()).await;
        drop(watchdog);
        let Ok(chunk) = read else {
            return failed();
        };
        let field = |name: &str| js_sys::Reflect::get(&chunk, &JsValue::from_str(name)).ok();
        if field("done").is_none_or(|d| !d.is_falsy()) {
            return failed();
        }
        // (A fetch body's chunks are `Uint8Array`s.)
        let Some(bytes) = field("value")
            .filter(|v| !v.is_falsy())
            .map(|v| v.unchecked_into::<js_sys::Uint8Array>())
        else {
            return failed();
        };
        for event in parser.feed(&decode_utf8(&mut carry, &bytes.to_vec())) {
            listener.event(event);
        }
    }
}

/// The stream's response (`None`: it could not be asked).
async fn open(
    url: &str,
    config: &LiveConfig,
    last_id: &str,
    abort: &AbortSignal,
) -> Option<web_sys::Response> {
    let (init, headers) = fetch::init(
        "text/event-stream",
        &config.headers,
        config.credentials,
        abort,
    )
    .ok()?;
    init.set_cache(web_sys::RequestCache::NoStore);
    if !last_id.is_empty() {
        headers.set("Last-Event-ID", last_id).ok()?;
    }
    let request = web_sys::Request::new_with_str_and_init(url, &init).ok()?;
    let answer = JsFuture::from(fetch::send(&request)).await.ok()?;
    answer.dyn_into().ok()
}
