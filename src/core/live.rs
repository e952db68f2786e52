//! Calls as they happen, read: the proxy's event stream (server-sent
//! events, parsed as the HTML standard says), each event's call read with
//! its provider's own adapter, where an arriving call goes in the list
//! shown, and how long to wait before polling or reconnecting again.

use serde_json::Value;

use super::error::{ApiError, RetryAfter};
use super::local;
use super::model::{Call, CallDetail};
use super::normalize::CallStatus;
use super::provider_id::Provider;
use super::query::{Query, SortDir, SortField};

/// How the widget hears of calls as they happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LiveState {
    /// Listening to the proxy's event stream.
    Connected,
    /// Asking for the first page now and then (no stream, or it failed).
    Polling,
    /// Neither works just now; the list shown stays as it is.
    Offline,
}

impl LiveState {
    /// Its name in the `callboard-live` event and `data-state`.
    pub fn id(self) -> &'static str {
        match self {
            Self::Connected => "connected",
            Self::Polling => "polling",
            Self::Offline => "offline",
        }
    }
}

// ------------------------------------------------------------ the stream

/// One dispatched server-sent event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SseEvent {
    /// Its type (`message` where the stream names none).
    pub event: String,
    /// Its data (lines joined with `\n`).
    pub data: String,
    /// The last event id as of this event (what a reconnection sends as
    /// `Last-Event-ID`).
    pub last_id: String,
}

/// A server-sent event stream's parser, fed text as it arrives in chunks
/// of any size (a line, or a CRLF, may be split between two).
#[derive(Debug, Default)]
pub struct SseParser {
    line: String,
    data: String,
    event: String,
    last_id: String,
    retry_ms: Option<u32>,
    after_cr: bool,
    started: bool,
}

impl SseParser {
    /// A parser at the start of a stream.
    pub fn new() -> Self {
        Self::default()
    }

    /// The last event id seen (kept across events, as the standard says).
    pub fn last_id(&self) -> &str {
        &self.last_id
    }

    /// The reconnection delay the stream asked for, if it did.
    pub fn retry_ms(&self) -> Option<u32> {
        self.retry_ms
    }

    /// Takes `chunk` and gives the events it completes.
    pub fn feed(&mut self, chunk: &str) -> Vec<SseEvent> {
        let mut out = Vec::new();
        let mut chunk = chunk;
        if !self.started && !chunk.is_empty() {
            self.started = true;
            chunk = chunk.strip_prefix('\u{feff}').unwrap_or(chunk);
        }
        for c in chunk.chars() {
            match c {
                '\n' if self.after_cr => self.after_cr = false,
                '\r' | '\n' => {
                    self.after_cr = c == '\r';
                    let line = std::mem::take(&mut self.line);
                    if let Some(e) = self.line_done(&line) {
                        out.push(e);
                    }
                }
                _ => {
                    self.after_cr = false;
                    self.line.push(c);
                }
            }
        }
        out
    }

    fn line_done(&mut self, line: &str) -> Option<SseEvent> {
        if line.is_empty() {
            return self.dispatch();
        }
        if line.starts_with(':') {
            return None;
        }
        let (field, value) = match line.split_once(':') {
            Some((f, v)) => (f, v.strip_prefix(' ').unwrap_or(v)),
            None => (line, ""),
        };
        match field {
            "event" => self.event = value.to_owned(),
            "data" => {
                self.data.push_str(value);
                self.data.push('\n');
            }
            "id" if !value.contains('\0') => self.last_id = value.to_owned(),
            "retry" if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => {
                self.retry_ms = value.parse().ok();
            }
            _ => {}
        }
        None
    }

    fn dispatch(&mut self) -> Option<SseEvent> {
        let event = std::mem::take(&mut self.event);
        if self.data.is_empty() {
            return None;
        }
        let mut data = std::mem::take(&mut self.data);
        data.pop();
        Some(SseEvent {
            event: if event.is_empty() {
                "message".to_owned()
            } else {
                event
            },
            data,
            last_id: self.last_id.clone(),
        })
    }
}

/// The text of `bytes` after `carry` (the end of the last chunk, where it
/// cut a character in two); what is left of a cut character at the end
/// goes back into `carry`.
pub fn decode_utf8(carry: &mut Vec<u8>, bytes: &[u8]) -> String {
    carry.extend_from_slice(bytes);
    let whole = match std::str::from_utf8(carry) {
        Ok(_) => carry.len(),
        // Cut at the end: keep the start of the character for the next.
        Err(e) if e.error_len().is_none() => e.valid_up_to(),
        // Not UTF-8 at all: replaced, as a browser's decoder would.
        Err(_) => carry.len(),
    };
    let rest = carry.split_off(whole);
    let text = String::from_utf8_lossy(carry).into_owned();
    *carry = rest;
    text
}

// ------------------------------------------------------------ the events

/// A call as an event tells it.
#[derive(Clone, Debug, PartialEq)]
pub struct LiveCall {
    /// The provider's event name (`call_ended`, `transcript_updated`…).
    pub kind: String,
    /// The call as it is now, read by the provider's adapter.
    pub detail: CallDetail,
}

/// Reads a `call` event's data (`{"provider", "type", "call"}`) for a
/// board of `provider`: `Ok(None)` for another provider's event, an error
/// for data no adapter can read (reported; the stream goes on).
pub fn read_event(data: &str, provider: Provider) -> Result<Option<LiveCall>, ApiError> {
    let value: Value = serde_json::from_str(data)
        .map_err(|_| ApiError::unreadable("an event that is not JSON"))?;
    let named = value.get("provider").and_then(Value::as_str);
    if named.is_some_and(|p| p.parse::<Provider>().ok() != Some(provider)) {
        return Ok(None);
    }
    let kind = value
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let call = value
        .get("call")
        .ok_or_else(|| ApiError::unreadable("an event without a call"))?;
    let detail = provider.read_detail_value(call)?;
    Ok(Some(LiveCall { kind, detail }))
}

/// `new`, told by an event, over `old`, what the board had of the same
/// call: an event may carry less than the detail did (Vapi's status
/// updates have no artifact, Retell's `call_started` no transcript), and
/// what it leaves out is kept, not forgotten.
pub fn merge_call(old: &Call, mut new: Call) -> Call {
    macro_rules! keep {
        ($($field:ident),*) => {
            $(if new.$field.is_none() {
                new.$field = old.$field.clone();
            })*
        };
    }
    keep!(
        started_at,
        created_at,
        customer_number,
        customer_name,
        contact_id,
        agent_id,
        agent_name,
        agent_number,
        campaign_id,
        campaign_name,
        summary,
        title,
        sentiment,
        successful,
        cost,
        direction_raw
    );
    if !live_now(&new) {
        keep!(ended_at, duration_ms, end_reason);
    }
    if !new.recording.is_available() && old.recording.is_available() {
        new.recording = old.recording.clone();
    }
    if new.extras.is_empty() {
        new.extras = old.extras.clone();
    }
    new
}

/// `row` with what `call` (the same call, told as it happened) says of
/// it, where that changes anything.
pub fn updated(row: &Call, call: Call) -> Option<Call> {
    let merged = merge_call(row, call);
    (merged != *row).then_some(merged)
}

/// [`merge_call`] for a whole detail: the transcript kept unless the new
/// one has as many turns or more.
pub fn merge_detail(old: &CallDetail, new: CallDetail) -> CallDetail {
    let CallDetail {
        call,
        transcript,
        latency,
    } = new;
    let turns = |t: &Option<std::sync::Arc<super::transcript::Transcript>>| {
        t.as_ref().map_or(0, |t| t.turns.len())
    };
    CallDetail {
        call: merge_call(&old.call, call),
        transcript: if transcript.is_some() && turns(&transcript) >= turns(&old.transcript) {
            transcript
        } else {
            old.transcript.clone()
        },
        latency: if latency.is_empty() {
            old.latency.clone()
        } else {
            latency
        },
    }
}

fn live_now(call: &Call) -> bool {
    matches!(call.status, CallStatus::Ringing | CallStatus::InProgress) && call.ended_at.is_none()
}

/// The longest a call is taken to be going on: a call still "in progress"
/// after this long was never closed by its provider, and shows its own
/// duration rather than a running one.
pub const LONGEST_CALL_MS: i64 = 6 * 60 * 60 * 1000;

/// When `call`, going on at `now_ms`, started (a running duration).
pub fn running_since(call: &Call, now_ms: i64) -> Option<i64> {
    let started = call.started_at?;
    (live_now(call) && (0..LONGEST_CALL_MS).contains(&(now_ms - started))).then_some(started)
}

/// Where an arriving call goes in the list shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// It is row `n` of the page shown: that row changes in place.
    Update(usize),
    /// It belongs on the page shown, before row `n` (newest first).
    Insert(usize),
    /// It is a new call for this list, on another page or another order:
    /// counted ("3 new calls").
    Elsewhere,
    /// It is not for this list (filters, pin), or not new and not shown.
    Outside,
}

/// Where `call` goes in `rows`, the page `query` asked for, given the
/// newest call time the list has shown (`newest_known`).
pub fn arrival(rows: &[Call], query: &Query, newest_known: Option<i64>, call: &Call) -> Arrival {
    if let Some(i) = rows.iter().position(|r| r.id == call.id) {
        return Arrival::Update(i);
    }
    if !local::matches(call, &query.effective_filters()) {
        return Arrival::Outside;
    }
    let newest_first = query.sort.is_none_or(|s| {
        matches!(s.field, SortField::StartedAt | SortField::CreatedAt) && s.dir == SortDir::Desc
    });
    let time = call.time();
    if query.page == 1 && newest_first {
        let at = rows.iter().take_while(|r| r.time() > time).count();
        let full = rows.len() >= query.page_size as usize;
        if at < rows.len() || !full {
            return Arrival::Insert(at);
        }
        return Arrival::Outside;
    }
    match (time, newest_known) {
        (Some(t), Some(known)) if t > known => Arrival::Elsewhere,
        (Some(_), None) => Arrival::Elsewhere,
        _ => Arrival::Outside,
    }
}

// ------------------------------------------------------------ pacing

/// The default time between two polls (two requests a minute).
pub const POLL_MS: u32 = 30_000;
/// The shortest time between two polls an embedding may set.
pub const MIN_POLL_MS: u32 = 5_000;
/// The longest wait after failures (polls or reconnections).
pub const MAX_WAIT_MS: u32 = 600_000;
/// The stream's reconnection delay where it names none.
pub const RECONNECT_MS: u32 = 3_000;

/// How long to wait before the next poll: `interval_ms`, doubled for each
/// failure in a row (up to [`MAX_WAIT_MS`]), and never sooner than the
/// provider's `Retry-After`.
pub fn poll_wait_ms(interval_ms: u32, failures: u32, retry_after_ms: Option<u64>) -> u32 {
    let backed_off = u64::from(interval_ms.max(MIN_POLL_MS)) << failures.min(8);
    let wait = backed_off.max(retry_after_ms.unwrap_or(0));
    wait.min(u64::from(MAX_WAIT_MS)) as u32
}

/// How long a failed answer asks to be left alone (`Retry-After`), in ms
/// from `now_ms`.
pub fn retry_after_ms(error: &ApiError, now_ms: i64) -> Option<u64> {
    match error {
        ApiError::RateLimited {
            retry_after: Some(r),
            ..
        } => Some(match r {
            RetryAfter::Seconds(s) => s.saturating_mul(1000),
            RetryAfter::At(at) => (at - now_ms).max(0) as u64,
        }),
        _ => None,
    }
}

/// How long to wait before reconnecting to the stream after `failures`
/// failures in a row: the stream's `retry`, doubled for each failure after
/// the first, up to a minute.
pub fn reconnect_wait_ms(retry_ms: Option<u32>, failures: u32) -> u32 {
    let base = u64::from(retry_ms.unwrap_or(RECONNECT_MS).max(500));
    (base << failures.saturating_sub(1).min(6)).min(60_000) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::core::query::{Filters, Sort};
    use crate::core::Direction;

    #[test]
    fn a_row_is_updated_only_by_what_changes_it() {
        let mut row = Call::new(Provider::Retell, "c1".into());
        row.summary = Some("Booked.".into());
        assert_eq!(
            updated(&row, Call::new(Provider::Retell, "c1".into())),
            None,
            "nothing new"
        );
        let mut ended = Call::new(Provider::Retell, "c1".into());
        ended.duration_ms = Some(61_000);
        let merged = updated(&row, ended).unwrap_or_else(|| row.clone());
        assert_eq!(merged.duration_ms, Some(61_000));
        assert_eq!(
            merged.summary.as_deref(),
            Some("Booked."),
            "what it did not say is kept"
        );
    }

    fn events(parser: &mut SseParser, text: &str) -> Vec<(String, String, String)> {
        parser
            .feed(text)
            .into_iter()
            .map(|e| (e.event, e.data, e.last_id))
            .collect()
    }

    #[test]
    fn the_standards_examples_parse_as_it_says() {
        // HTML Standard §9.2.6: a comment, multi-line data, an id kept,
        // "data" without a colon, a leading space taken once.
        let mut p = SseParser::new();
        let got = events(
            &mut p,
            ": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\n",
        );
        assert_eq!(
            got,
            [
                ("message".into(), "first event".into(), "1".into()),
                ("message".into(), "second event".into(), String::new()),
                ("message".into(), " third event".into(), String::new()),
            ]
        );
        let mut p = SseParser::new();
        assert_eq!(
            events(&mut p, "data\n\ndata\ndata\n\ndata:\n"),
            [
                ("message".into(), String::new(), String::new()),
                ("message".into(), "\n".into(), String::new()),
            ]
        );
    }

    #[test]
    fn chunks_split_anywhere_give_the_same_events() {
        let text = "\u{feff}retry: 3000\r\n: keep-alive\r\n\r\nid: 17-1\r\nevent: call\r\ndata: {\"a\":\r\ndata: 1}\r\n\r\nevent: reset\rid: 17-9\rdata: 17-9\r\r";
        let whole = events(&mut SseParser::new(), text);
        assert_eq!(
            whole,
            [
                ("call".into(), "{\"a\":\n1}".into(), "17-1".into()),
                ("reset".into(), "17-9".into(), "17-9".into()),
            ]
        );
        for size in 1..text.len() {
            let mut p = SseParser::new();
            let mut got = Vec::new();
            let mut rest = text;
            while !rest.is_empty() {
                let mut cut = size.min(rest.len());
                while !rest.is_char_boundary(cut) {
                    cut += 1;
                }
                let (head, tail) = rest.split_at(cut);
                got.extend(events(&mut p, head));
                rest = tail;
            }
            assert_eq!(got, whole, "chunks of {size}");
            assert_eq!(p.retry_ms(), Some(3000));
            assert_eq!(p.last_id(), "17-9");
        }
    }

    #[test]
    fn characters_cut_between_chunks_are_joined() {
        let text = "data: Grüße, 日本 🎉\n\n";
        let bytes = text.as_bytes();
        for cut in 0..=bytes.len() {
            let mut carry = Vec::new();
            let (a, b) = bytes.split_at(cut);
            let got = decode_utf8(&mut carry, a) + &decode_utf8(&mut carry, b);
            assert_eq!(got, text, "cut at {cut}");
            assert!(carry.is_empty());
        }
        let mut carry = Vec::new();
        assert_eq!(decode_utf8(&mut carry, b"a\xffb"), "a\u{fffd}b");
    }

    #[test]
    fn bad_fields_are_ignored() {
        let mut p = SseParser::new();
        let got = events(&mut p, "retry: 3s\nid: a\0b\nfoo: bar\ndata: x\n\n");
        assert_eq!(got, [("message".into(), "x".into(), String::new())]);
        assert_eq!(p.retry_ms(), None);
        // An event not ended by a blank line is not dispatched.
        assert!(events(&mut SseParser::new(), "data: x\n").is_empty());
    }

    #[test]
    fn an_event_is_read_by_its_providers_adapter() {
        let data = r#"{"provider":"retell","type":"call_started","call":{"call_id":"c1","call_status":"ongoing","start_timestamp":1795197600000}}"#;
        let live = read_event(data, Provider::Retell).unwrap().unwrap();
        assert_eq!(live.kind, "call_started");
        assert_eq!(live.detail.call.id, "c1");
        let started = Some(1_795_197_600_000);
        assert_eq!(running_since(&live.detail.call, 1_795_197_660_000), started);
        assert_eq!(
            running_since(&live.detail.call, 1_795_297_600_000),
            None,
            "never closed"
        );
        assert_eq!(
            read_event(data, Provider::Vapi).unwrap(),
            None,
            "another provider's"
        );
        assert!(read_event("{", Provider::Retell).is_err());
        assert!(read_event(r#"{"provider":"retell"}"#, Provider::Retell).is_err());
        assert!(read_event(r#"{"provider":"retell","call":[]}"#, Provider::Retell).is_err());
    }

    fn call(id: &str, at: i64) -> Call {
        let mut c = Call::new(Provider::Retell, id.into());
        c.started_at = Some(at);
        c
    }

    #[test]
    fn a_call_arrives_where_it_belongs() {
        let rows = vec![call("a", 300), call("b", 200), call("c", 100)];
        let first = Query {
            page_size: 3,
            ..Query::default()
        };
        assert_eq!(
            arrival(&rows, &first, Some(300), &call("b", 200)),
            Arrival::Update(1)
        );
        assert_eq!(
            arrival(&rows, &first, Some(300), &call("n", 400)),
            Arrival::Insert(0)
        );
        assert_eq!(
            arrival(&rows, &first, Some(300), &call("m", 250)),
            Arrival::Insert(1)
        );
        // Older than a full page: on a later page, and not new.
        assert_eq!(
            arrival(&rows, &first, Some(300), &call("o", 50)),
            Arrival::Outside
        );
        // Page 2, or another order: counted, when newer than any shown.
        let second = Query {
            page: 2,
            ..first.clone()
        };
        assert_eq!(
            arrival(&rows, &second, Some(900), &call("n", 1000)),
            Arrival::Elsewhere
        );
        assert_eq!(
            arrival(&rows, &second, Some(900), &call("n", 800)),
            Arrival::Outside
        );
        let oldest_first = Query {
            sort: Some(Sort {
                field: SortField::StartedAt,
                dir: SortDir::Asc,
            }),
            ..first.clone()
        };
        assert_eq!(
            arrival(&rows, &oldest_first, Some(300), &call("n", 400)),
            Arrival::Elsewhere
        );
        // Filtered out.
        let inbound = Query {
            filters: Filters {
                direction: Some(Direction::Inbound),
                ..Filters::default()
            },
            ..first
        };
        assert_eq!(
            arrival(&rows, &inbound, Some(300), &call("n", 400)),
            Arrival::Outside
        );
    }

    #[test]
    fn what_an_event_leaves_out_is_kept() {
        let mut old = call("c", 100);
        old.summary = Some("Booked".into());
        old.customer_name = Some("Ada".into());
        old.recording.mono = Some("https://r.example/c.wav".into());
        let mut new = call("c", 100);
        new.set_status(Some("ended".into()));
        new.ended_at = Some(900);
        let merged = merge_call(&old, new);
        assert_eq!(merged.summary.as_deref(), Some("Booked"));
        assert_eq!(merged.customer_name.as_deref(), Some("Ada"));
        assert_eq!(merged.ended_at, Some(900));
        assert!(merged.recording.is_available());
        let t = |n: usize| {
            Some(std::sync::Arc::new(crate::core::Transcript {
                turns: (0..n)
                    .map(|i| crate::core::Turn {
                        speaker: crate::core::Speaker::Agent,
                        label: "Agent".into(),
                        text: format!("{i}"),
                        start_ms: None,
                        end_ms: None,
                        words: Vec::new(),
                    })
                    .collect(),
                events: Vec::new(),
            }))
        };
        let detail = |n| CallDetail {
            call: call("c", 100),
            transcript: t(n),
            latency: Vec::new(),
        };
        assert_eq!(
            merge_detail(&detail(3), detail(5)).transcript,
            t(5),
            "grown"
        );
        assert_eq!(merge_detail(&detail(3), detail(0)).transcript, t(3), "kept");
        let none = CallDetail {
            transcript: None,
            ..detail(0)
        };
        assert_eq!(merge_detail(&detail(3), none).transcript, t(3));
    }

    #[test]
    fn polls_back_off_and_honour_retry_after() {
        assert_eq!(poll_wait_ms(POLL_MS, 0, None), 30_000);
        assert_eq!(poll_wait_ms(POLL_MS, 2, None), 120_000);
        assert_eq!(poll_wait_ms(POLL_MS, 40, None), MAX_WAIT_MS);
        assert_eq!(poll_wait_ms(POLL_MS, 0, Some(90_000)), 90_000);
        assert_eq!(poll_wait_ms(1, 0, None), MIN_POLL_MS);
        assert_eq!(reconnect_wait_ms(None, 1), 3_000);
        assert_eq!(reconnect_wait_ms(Some(1_000), 3), 4_000);
        assert_eq!(reconnect_wait_ms(None, 30), 60_000);
    }
}
