//! The events relayed to browsers, and where they are kept: in the proxy's
//! memory (one replica) or in a Redis stream that several replicas share.
//!
//! Every event has an id, in order; a client that reconnects with the id
//! of the last event it got ([`Events::since`]) gets exactly the events
//! after it while they are kept, or is told it is too far behind (and
//! reloads its list). A delivery the providers retry is kept once: each
//! has a key ([`Events::publish`]) remembered for [`DEDUP_TTL`].

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use redis::aio::{ConnectionManager, ConnectionManagerConfig, MultiplexedConnection};
use redis::streams::{StreamRangeReply, StreamReadOptions, StreamReadReply};
use redis::{AsyncCommands, AsyncConnectionConfig, Value};
use tokio::sync::broadcast;

/// How many events are kept for clients that reconnect.
pub const KEPT: usize = 1_000;
/// How far (in events) a connected client may fall behind before it is
/// dropped (it reconnects, and gets what it missed or a reset).
pub const LAG: usize = 512;
/// How long a delivery's key is remembered: a retry within it is kept once.
pub const DEDUP_TTL: Duration = Duration::from_secs(24 * 60 * 60);
/// How many delivery keys the memory store remembers at most.
const DEDUP_KEYS: usize = 100_000;
/// The Redis stream's key, and the prefix of its delivery keys.
const STREAM: &str = "callboard:events";
const DEDUP_PREFIX: &str = "callboard:delivered:";
/// How long an answer from Redis may take (the blocking read's 5 s
/// included): a half-open connection fails instead of hanging.
const REDIS_ANSWER: Duration = Duration::from_secs(10);
/// Keeps a delivery once: its key set (if new) and its entry added, in
/// one step (a failure in between can neither lose it nor relay it twice).
/// Nil for a delivery kept already.
const PUBLISH: &str = "if redis.call('SET', KEYS[1], 1, 'NX', 'EX', ARGV[1]) then \
return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'data', ARGV[3]) end \
return false";

/// One event: its id and its data (one line of JSON).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// The id (an SSE `id`): `{epoch}-{n}` in memory, the stream entry's
    /// id in Redis. Either way two numbers, compared in order.
    pub id: String,
    /// The data.
    pub data: Arc<str>,
}

impl Event {
    /// Not an event: the store could not follow the events for a while
    /// and some are gone. A stream told this ends, so its client
    /// reconnects from its last id and is sent what it missed, or told to
    /// reload its list ([`Events::since`]).
    pub fn gap() -> Self {
        Self {
            id: String::new(),
            data: Arc::from(""),
        }
    }

    /// Whether this is a [`Event::gap`].
    pub fn is_gap(&self) -> bool {
        self.id.is_empty()
    }
}

impl Event {
    /// Where the event stands in the order of events.
    pub fn position(&self) -> Option<(u64, u64)> {
        position(&self.id)
    }
}

/// Where event id `id` stands: its two numbers (`a-b`), or none for an id
/// no store of ours wrote.
pub fn position(id: &str) -> Option<(u64, u64)> {
    let (a, b) = id.trim().split_once('-')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// What a client that reconnects missed.
#[derive(Debug, PartialEq, Eq)]
pub enum Replay {
    /// These events (perhaps none), in order.
    Missed(Vec<Event>),
    /// More than is kept, or an id from before a restart (the memory
    /// store's) or from another store: the client must reload. `head` is
    /// the newest event's id, where there is one.
    TooFarBehind {
        /// The newest event's id.
        head: Option<String>,
    },
}

/// The event store failed (Redis unreachable): the webhook is answered
/// 503, so the provider retries; a client is answered 503 and reconnects.
#[derive(Debug, thiserror::Error)]
#[error("the event store is unavailable: {0}")]
pub struct StoreError(String);

impl From<redis::RedisError> for StoreError {
    fn from(e: redis::RedisError) -> Self {
        Self(e.to_string())
    }
}

/// The events, in this process's memory or in Redis.
#[derive(Clone)]
pub enum Events {
    /// One replica: nothing to install.
    Memory(Arc<Memory>),
    /// Replicas sharing a Redis stream.
    Redis(Arc<RedisEvents>),
}

impl Events {
    /// Events in memory, the last `kept` kept.
    pub fn memory(kept: usize) -> Self {
        Self::Memory(Arc::new(Memory::new(kept)))
    }

    /// Events in the Redis at `url` (`redis://host:port/db`), the last
    /// `kept` (about: Redis trims whole nodes) kept. Fails if Redis does
    /// not answer.
    pub async fn redis(url: &str, kept: usize) -> Result<Self, StoreError> {
        Ok(Self::Redis(RedisEvents::connect(url, kept).await?))
    }

    /// Keeps `data` as a new event unless a delivery with `key` was kept
    /// already (then `None`); the event goes to every subscriber.
    pub async fn publish(&self, key: &str, data: String) -> Result<Option<Event>, StoreError> {
        match self {
            Self::Memory(m) => Ok(m.publish(key, data, Instant::now())),
            Self::Redis(r) => r.publish(key, data).await,
        }
    }

    /// The events from now on, as they come (a receiver that falls more
    /// than [`LAG`] behind is told so, and should end).
    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        match self {
            Self::Memory(m) => m.live.subscribe(),
            Self::Redis(r) => r.live.subscribe(),
        }
    }

    /// How many clients are subscribed now.
    pub fn subscribers(&self) -> usize {
        match self {
            Self::Memory(m) => m.live.receiver_count(),
            Self::Redis(r) => r.live.receiver_count(),
        }
    }

    /// The events after the one with id `last`.
    pub async fn since(&self, last: &str) -> Result<Replay, StoreError> {
        match self {
            Self::Memory(m) => Ok(m.since(last)),
            Self::Redis(r) => r.since(last).await,
        }
    }
}

/// The delivery keys seen lately, oldest first.
#[derive(Default)]
struct Seen {
    at: HashMap<String, Instant>,
    order: VecDeque<(String, Instant)>,
}

impl Seen {
    /// Whether `key` is new (and remembers it).
    fn first(&mut self, key: &str, now: Instant) -> bool {
        while let Some((old, at)) = self.order.front() {
            if now.duration_since(*at) < DEDUP_TTL && self.order.len() < DEDUP_KEYS {
                break;
            }
            if self.at.get(old) == Some(at) {
                self.at.remove(old);
            }
            self.order.pop_front();
        }
        if self.at.contains_key(key) {
            return false;
        }
        self.at.insert(key.to_owned(), now);
        self.order.push_back((key.to_owned(), now));
        true
    }
}

/// The memory store's state.
struct Kept {
    /// The last event's number.
    last: u64,
    /// The newest events.
    events: VecDeque<Event>,
    /// The number of the newest event no longer kept (0: none dropped).
    dropped: u64,
    seen: Seen,
}

/// Events in this process's memory. Ids are `{epoch}-{n}`, the epoch the
/// process's start in ms: an id from before a restart is recognised as
/// such (what happened in between is not known: the client reloads).
pub struct Memory {
    epoch: u64,
    kept: usize,
    state: Mutex<Kept>,
    live: broadcast::Sender<Event>,
}

impl Memory {
    fn new(kept: usize) -> Self {
        let epoch = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        Self {
            epoch,
            kept: kept.max(1),
            state: Mutex::new(Kept {
                last: 0,
                events: VecDeque::new(),
                dropped: 0,
                seen: Seen::default(),
            }),
            live: broadcast::channel(LAG).0,
        }
    }

    fn publish(&self, key: &str, data: String, now: Instant) -> Option<Event> {
        let mut s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if !s.seen.first(key, now) {
            return None;
        }
        s.last += 1;
        let event = Event {
            id: format!("{}-{}", self.epoch, s.last),
            data: data.into(),
        };
        s.events.push_back(event.clone());
        while s.events.len() > self.kept {
            s.events.pop_front();
            s.dropped += 1;
        }
        // Sent while the state is held, so subscribers get the events in
        // the order of their ids. (No subscriber is no error.)
        let _ = self.live.send(event.clone());
        Some(event)
    }

    fn since(&self, last: &str) -> Replay {
        let s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let head = s.events.back().map(|e| e.id.clone());
        match position(last) {
            Some((epoch, n)) if epoch == self.epoch && n >= s.dropped && n <= s.last => {
                Replay::Missed(
                    s.events
                        .iter()
                        .filter(|e| e.position().is_some_and(|(_, m)| m > n))
                        .cloned()
                        .collect(),
                )
            }
            _ => Replay::TooFarBehind { head },
        }
    }
}

/// Events in a Redis stream (`XADD` with a cap); each replica reads it
/// with one blocking `XREAD` and hands each entry to its own subscribers.
/// The stream's ids are the events' ids, so a client may reconnect to any
/// replica and resume exactly.
pub struct RedisEvents {
    conn: ConnectionManager,
    kept: usize,
    live: broadcast::Sender<Event>,
}

impl RedisEvents {
    async fn connect(url: &str, kept: usize) -> Result<Arc<Self>, StoreError> {
        let client = redis::Client::open(url)?;
        let config = ConnectionManagerConfig::new()
            .set_response_timeout(REDIS_ANSWER)
            .set_connection_timeout(REDIS_ANSWER);
        let conn = client.get_connection_manager_with_config(config).await?;
        let live = broadcast::channel(LAG).0;
        let store = Arc::new(Self {
            conn,
            kept: kept.max(1),
            live: live.clone(),
        });
        // Reading starts after the stream's newest entry now: what came
        // before is for `since`.
        let mut conn = store.conn.clone();
        let start = stream_info(&mut conn)
            .await?
            .last
            .unwrap_or_else(|| "0-0".to_owned());
        tokio::spawn(read_stream(client, start, live));
        Ok(store)
    }

    async fn publish(&self, key: &str, data: String) -> Result<Option<Event>, StoreError> {
        let mut conn = self.conn.clone();
        let id: Option<String> = redis::cmd("EVAL")
            .arg(PUBLISH)
            .arg(2)
            .arg(format!("{DEDUP_PREFIX}{key}"))
            .arg(STREAM)
            .arg(DEDUP_TTL.as_secs())
            .arg(self.kept)
            .arg(&data)
            .query_async(&mut conn)
            .await?;
        Ok(id.map(|id| Event {
            id,
            data: data.into(),
        }))
    }

    async fn since(&self, last: &str) -> Result<Replay, StoreError> {
        let mut conn = self.conn.clone();
        let Some(at) = position(last) else {
            let head = stream_info(&mut conn).await?.last;
            return Ok(Replay::TooFarBehind { head });
        };
        // Read first, then check what was trimmed: an entry trimmed in
        // between shows as a gap, and the client is told to reload.
        // (`MAXLEN ~` trims whole nodes: the stream may hold more than
        // `kept`, so it is read in pages until one comes back short.)
        let mut missed = Vec::new();
        let mut from = last.to_owned();
        loop {
            let page: StreamRangeReply = redis::cmd("XRANGE")
                .arg(STREAM)
                .arg(format!("({from}"))
                .arg("+")
                .arg("COUNT")
                .arg(self.kept)
                .query_async(&mut conn)
                .await?;
            let full = page.ids.len() >= self.kept;
            for entry in page.ids {
                from.clone_from(&entry.id);
                if let Some(data) = entry.get::<String>("data") {
                    missed.push(Event {
                        id: entry.id,
                        data: data.into(),
                    });
                }
            }
            if !full {
                break;
            }
        }
        let info = stream_info(&mut conn).await?;
        let head = info.last.clone().filter(|id| id != "0-0");
        // Entries before the first kept were trimmed (if any ever were):
        // a client behind the first may have missed some. An id past the
        // newest is from another stream.
        let behind = info.trimmed_after(last);
        let ahead = info
            .last
            .as_deref()
            .and_then(position)
            .is_none_or(|newest| at > newest);
        if behind || ahead {
            return Ok(Replay::TooFarBehind { head });
        }
        Ok(Replay::Missed(missed))
    }
}

/// What `XINFO STREAM` says of the stream's ends (Redis 7).
struct StreamEnds {
    /// `last-generated-id` (none: no stream yet).
    last: Option<String>,
    /// `recorded-first-entry-id`: the oldest entry kept.
    first: Option<String>,
    /// Whether entries were trimmed (`entries-added` over `length`).
    trimmed: bool,
}

impl StreamEnds {
    /// Whether entries after `last` may have been trimmed: some were, and
    /// the oldest kept is newer than `last`. (Trimming takes whole nodes
    /// from the front: `last` gone with nothing after it is possible, and
    /// counted as a loss; a client then reloads its list once too often.)
    fn trimmed_after(&self, last: &str) -> bool {
        self.trimmed
            && match (self.first.as_deref().and_then(position), position(last)) {
                (Some(first), Some(last)) => first > last,
                (Some(_), None) => true,
                (None, _) => false,
            }
    }
}

async fn stream_info(
    conn: &mut (impl redis::aio::ConnectionLike + Send),
) -> Result<StreamEnds, StoreError> {
    let reply: Result<Value, _> = redis::cmd("XINFO")
        .arg("STREAM")
        .arg(STREAM)
        .query_async(conn)
        .await;
    let fields = match reply {
        Ok(v) => v,
        // No stream yet: no event was ever kept.
        Err(e) if e.to_string().contains("no such key") => {
            return Ok(StreamEnds {
                last: None,
                first: None,
                trimmed: false,
            })
        }
        Err(e) => return Err(e.into()),
    };
    let field = |name: &str| -> Option<Value> {
        let pairs: Vec<Value> = match &fields {
            Value::Array(items) => items.clone(),
            Value::Map(pairs) => pairs
                .iter()
                .flat_map(|(k, v)| [k.clone(), v.clone()])
                .collect(),
            _ => return None,
        };
        pairs.chunks(2).find_map(|kv| match kv {
            [k, v] if redis::from_redis_value::<String>(k).ok()? == name => Some(v.clone()),
            _ => None,
        })
    };
    let text = |name: &str| field(name).and_then(|v| redis::from_redis_value::<String>(&v).ok());
    let number = |name: &str| field(name).and_then(|v| redis::from_redis_value::<u64>(&v).ok());
    Ok(StreamEnds {
        last: text("last-generated-id"),
        first: text("recorded-first-entry-id").filter(|id| id != "0-0"),
        trimmed: matches!((number("entries-added"), number("length")), (Some(added), Some(kept)) if added > kept),
    })
}

/// Reads the stream from after `last`, handing each entry to `live`, for
/// as long as anyone may subscribe; reconnects after a failure, from
/// where it was. Where entries it had not read were trimmed meanwhile (a
/// long outage, a busy stream), the subscribers are told so with a
/// [`Event::gap`]: they cannot be given what they missed live.
async fn read_stream(client: redis::Client, mut last: String, live: broadcast::Sender<Event>) {
    let options = StreamReadOptions::default().block(5_000).count(500);
    let mut conn: Option<MultiplexedConnection> = None;
    loop {
        let c = match conn.as_mut() {
            Some(c) => c,
            None => match client
                .get_multiplexed_async_connection_with_config(
                    &AsyncConnectionConfig::new()
                        .set_response_timeout(REDIS_ANSWER)
                        .set_connection_timeout(REDIS_ANSWER),
                )
                .await
            {
                Ok(mut c) => {
                    // Back after a failure: was anything after `last`
                    // trimmed while it could not read?
                    match stream_info(&mut c).await {
                        Ok(info) => {
                            if info.trimmed_after(&last) {
                                eprintln!("proxy: events: entries were trimmed while the stream could not be read; streams told to resume");
                                let _ = live.send(Event::gap());
                            }
                        }
                        Err(e) => {
                            eprintln!("proxy: events: reading the stream failed: {e}");
                            tokio::time::sleep(Duration::from_secs(1)).await;
                            continue;
                        }
                    }
                    conn.insert(c)
                }
                Err(e) => {
                    eprintln!("proxy: events: cannot reach Redis: {e}");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    continue;
                }
            },
        };
        let reply: Result<StreamReadReply, _> =
            c.xread_options(&[STREAM], &[last.as_str()], &options).await;
        match reply {
            Ok(reply) => {
                for entry in reply.keys.into_iter().flat_map(|k| k.ids) {
                    last.clone_from(&entry.id);
                    if let Some(data) = entry.get::<String>("data") {
                        let _ = live.send(Event {
                            id: entry.id,
                            data: data.into(),
                        });
                    }
                }
            }
            Err(e) => {
                eprintln!("proxy: events: reading the stream failed: {e}");
                conn = None;
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gap_is_the_oldest_kept_entry_past_the_last_read_once_some_were_trimmed() {
        let ends = |first: Option<&str>, trimmed| StreamEnds {
            last: Some("9-0".into()),
            first: first.map(str::to_owned),
            trimmed,
        };
        assert!(
            !ends(Some("6-0"), false).trimmed_after("5-0"),
            "nothing trimmed"
        );
        assert!(!ends(Some("5-0"), true).trimmed_after("5-0"), "still kept");
        assert!(!ends(Some("4-9"), true).trimmed_after("5-0"));
        assert!(ends(Some("5-1"), true).trimmed_after("5-0"));
        assert!(ends(Some("6-0"), true).trimmed_after("not an id"));
        assert!(!ends(None, true).trimmed_after("5-0"), "no stream now");
        assert!(Event::gap().is_gap() && !Event::gap().id.contains('-'));
    }

    #[test]
    fn positions_are_two_numbers() {
        assert_eq!(position("1733380000000-7"), Some((1_733_380_000_000, 7)));
        assert_eq!(position(" 5-0 "), Some((5, 0)));
        for bad in ["", "7", "a-b", "1-2-3", "-1", "1-"] {
            assert_eq!(position(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_delivery_is_kept_once() {
        let m = Memory::new(10);
        let now = Instant::now();
        assert!(m.publish("retell:call_ended:c1", "a".into(), now).is_some());
        assert!(m.publish("retell:call_ended:c1", "a".into(), now).is_none());
        assert!(m.publish("retell:call_ended:c2", "b".into(), now).is_some());
        // Forgotten after the window.
        let later = now + DEDUP_TTL + Duration::from_secs(1);
        assert!(m
            .publish("retell:call_ended:c1", "a".into(), later)
            .is_some());
    }

    #[test]
    fn a_reconnecting_client_gets_exactly_what_it_missed_while_kept() {
        let m = Memory::new(3);
        let now = Instant::now();
        let ids: Vec<String> = (0..5)
            .map(|i| {
                m.publish(&format!("k{i}"), format!("d{i}"), now)
                    .unwrap()
                    .id
            })
            .collect();
        // Kept: the last three (3, 4, 5).
        let data = |r: Replay| match r {
            Replay::Missed(events) => events
                .iter()
                .map(|e| e.data.to_string())
                .collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        assert_eq!(data(m.since(&ids[2])), ["d3", "d4"]);
        assert_eq!(
            data(m.since(&ids[1])),
            ["d2", "d3", "d4"],
            "the newest dropped is known"
        );
        assert_eq!(data(m.since(&ids[4])), Vec::<String>::new());
        let behind = Replay::TooFarBehind {
            head: Some(ids[4].clone()),
        };
        assert_eq!(
            m.since(&ids[0]),
            behind,
            "one event between it and the kept ones is gone"
        );
        assert_eq!(m.since("1-3"), behind, "an id from before a restart");
        assert_eq!(m.since("nonsense"), behind);
        assert_eq!(
            m.since(&format!("{}-99", m.epoch)),
            behind,
            "an id never given"
        );
    }

    #[tokio::test]
    async fn subscribers_get_every_event_in_order() {
        let events = Events::memory(10);
        let mut rx = events.subscribe();
        for i in 0..3 {
            events
                .publish(&format!("k{i}"), format!("d{i}"))
                .await
                .unwrap();
        }
        for i in 0..3 {
            assert_eq!(&*rx.recv().await.unwrap().data, format!("d{i}"));
        }
    }
}
