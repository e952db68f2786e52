//! A time-boxed fuzzer for every response parser, the transcript reader, the
//! request builder and provider detection (`cargo fuzz` needs a nightly
//! toolchain these machines cannot fetch). Inputs: random JSON, byte-level
//! and structural mutations of the fixtures, random queries. A panic is a
//! finding: its input is saved under `out/fuzz/` and the run fails.
//!
//! Not part of `make test`; run `scripts/fuzz.sh [seconds per target]`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use callboard::core::transcript::read_transcript;
use callboard::core::{Direction, Filters, Provider, Query, Sort, SortDir, SortField};
use serde_json::{json, Map, Value};

const FIXTURES: &[&str] = &[
    include_str!("fixtures/agentvoice/list.json"),
    include_str!("fixtures/agentvoice/detail.json"),
    include_str!("fixtures/agentvoice/most_recent.json"),
    include_str!("fixtures/vozagent/list.json"),
    include_str!("fixtures/vozagent/detail.json"),
    include_str!("fixtures/talkover/list.json"),
    include_str!("fixtures/talkover/detail.json"),
    include_str!("fixtures/talkover/error_422.json"),
    include_str!("fixtures/zudu/list.json"),
    include_str!("fixtures/zudu/detail.json"),
    include_str!("fixtures/smallest/list.json"),
    include_str!("fixtures/smallest/detail.json"),
    include_str!("fixtures/smallest/recording_link.json"),
    include_str!("fixtures/retell/list.json"),
    include_str!("fixtures/retell/detail.json"),
    include_str!("fixtures/vapi/list.json"),
    include_str!("fixtures/vapi/detail.json"),
];

const KEYS: &[&str] = &[
    "id",
    "call_id",
    "callId",
    "data",
    "calls",
    "logs",
    "pagination",
    "status",
    "success",
    "transcript",
    "transcript_object",
    "transcript_formatted",
    "messages",
    "role",
    "speaker",
    "content",
    "text",
    "message",
    "words",
    "start",
    "end",
    "timestamp",
    "time",
    "secondsFromStart",
    "start_timestamp",
    "duration",
    "call_duration",
    "duration_ms",
    "artifact",
    "latency",
    "error",
    "errors",
    "total",
    "has_more",
    "total_pages",
    "page",
    "createdAt",
    "startedAt",
    "url",
    "recording_url",
    "recordingUrl",
    "direction",
    "type",
    "call_type",
    "call_status",
    "metadata",
    "call_analysis",
    "postCallAnalytics",
    "detail",
];

const STRINGS: &[&str] = &[
    "",
    " ",
    "2024-01-15T10:30:00Z",
    "2024-02-30T25:61:61+99:99",
    "1703097600",
    "-1",
    "1e308",
    "NaN",
    "inf",
    "ENDED",
    "inbound",
    "agent",
    "user",
    "javascript:alert(1)",
    "data:x",
    "https://x/y.mp3",
    "\u{0}",
    "\u{202e}",
    "Agent: hi\nUser: hey",
    "[0:05] Agent: x",
    "[99999999999:99] A: b",
    "𝓤𝓷𝓲𝓬𝓸𝓭𝓮",
    "é\u{301}",
];

/// SplitMix64.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn random_value(rng: &mut Rng, depth: u32) -> Value {
    let leaf = depth >= 5 || rng.below(3) == 0;
    match rng.below(if leaf { 6 } else { 8 }) {
        0 => Value::Null,
        1 => json!(rng.below(2) == 0),
        2 => json!((rng.next() as i64) >> rng.below(64)),
        3 => serde_json::Number::from_f64(f64::from_bits(rng.next()))
            .map_or(Value::Null, Value::Number),
        4 => json!(*rng.pick(STRINGS)),
        5 => json!((0..rng.below(12))
            .map(|_| char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('?'))
            .collect::<String>()),
        6 => Value::Array(
            (0..rng.below(8))
                .map(|_| random_value(rng, depth + 1))
                .collect(),
        ),
        _ => {
            let mut m = Map::new();
            for _ in 0..rng.below(10) {
                m.insert((*rng.pick(KEYS)).to_owned(), random_value(rng, depth + 1));
            }
            Value::Object(m)
        }
    }
}

/// Replaces a random node of `v` with a random value.
fn mutate_structure(rng: &mut Rng, v: &mut Value) {
    if rng.below(4) == 0 {
        *v = random_value(rng, 2);
        return;
    }
    match v {
        Value::Array(items) if !items.is_empty() => {
            let i = rng.below(items.len());
            mutate_structure(rng, &mut items[i]);
        }
        Value::Object(map) if !map.is_empty() => {
            let i = rng.below(map.len());
            if let Some(child) = map.values_mut().nth(i) {
                mutate_structure(rng, child);
            }
        }
        _ => *v = random_value(rng, 2),
    }
}

/// Flips, inserts, deletes or splices bytes (kept valid UTF-8 by lossy repair).
fn mutate_bytes(rng: &mut Rng, text: &str) -> String {
    let mut b = text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(b.len() + 1);
        match rng.below(5) {
            0 if at < b.len() => b[at] ^= 1 << rng.below(8),
            1 => b.insert(at, *rng.pick(&b"{}[]\",:0123456789-eE.nul \\"[..])),
            2 if at < b.len() => {
                b.remove(at);
            }
            3 => b.truncate(at),
            _ => {
                let other = rng.pick(FIXTURES).as_bytes();
                let from = rng.below(other.len());
                let len = rng.below(64).min(other.len() - from);
                b.splice(at..at, other[from..from + len].iter().copied());
            }
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

fn random_query(rng: &mut Rng) -> Query {
    let text = |rng: &mut Rng| (rng.below(2) == 0).then(|| (*rng.pick(STRINGS)).to_owned());
    let fields = [
        SortField::StartedAt,
        SortField::EndedAt,
        SortField::CreatedAt,
        SortField::UpdatedAt,
        SortField::Duration,
        SortField::Latency,
    ];
    let dirs = [
        Direction::Inbound,
        Direction::Outbound,
        Direction::Web,
        Direction::Unknown,
    ];
    let big = |rng: &mut Rng| (rng.below(2) == 0).then(|| rng.next() as i64);
    Query {
        page: rng.next() as u32,
        cursor: text(rng),
        page_size: rng.next() as u32,
        sort: (rng.below(2) == 0).then(|| Sort {
            field: *rng.pick(&fields),
            dir: if rng.below(2) == 0 {
                SortDir::Asc
            } else {
                SortDir::Desc
            },
        }),
        filters: Filters {
            status: text(rng),
            direction: (rng.below(2) == 0).then(|| *rng.pick(&dirs)),
            call_type: text(rng),
            agent_id: text(rng),
            campaign_id: text(rng),
            contact_id: text(rng),
            phone_number: text(rng),
            search: text(rng),
            end_reason: text(rng),
            date_from: big(rng),
            date_to: big(rng),
            min_duration_ms: big(rng),
            max_duration_ms: big(rng),
        },
        scope: Default::default(),
        utc_offset_minutes: rng.next() as i32,
    }
}

fn parse_all(body: &str, q: &Query) {
    for p in Provider::ALL {
        let _ = p.parse_list(body, q);
        let _ = p.parse_detail(body);
        let _ = p.parse_error(500, body, Some(body));
        let _ = p.parse_recording_link(body);
    }
    let _ = Provider::detect(body);
}

/// Runs `case` on fresh random input until `seconds` pass; returns the
/// number of executions. A panic saves the input and fails.
fn run(name: &str, seconds: u64, mut case: impl FnMut(&mut Rng) -> String) -> u64 {
    let seed = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED);
    let mut rng = Rng(seed);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut n = 0u64;
    std::panic::set_hook(Box::new(|_| {}));
    while Instant::now() < deadline {
        for _ in 0..64 {
            let mut input = String::new();
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                input = case(&mut rng);
            }));
            n += 1;
            if outcome.is_err() {
                let _ = std::panic::take_hook();
                std::fs::create_dir_all("out/fuzz").unwrap();
                let path = format!("out/fuzz/crash-{name}-{n}.txt");
                std::fs::write(&path, &input).unwrap();
                panic!("{name}: a panic after {n} executions; input saved to {path}");
            }
        }
    }
    let _ = std::panic::take_hook();
    println!("fuzz {name}: {n} executions in {seconds} s, no panic");
    n
}

fn seconds() -> u64 {
    std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10)
}

#[test]
#[ignore = "long-running; scripts/fuzz.sh"]
fn fuzz_parsers_random_json() {
    run("parsers-random-json", seconds(), |rng| {
        let body = random_value(rng, 0).to_string();
        parse_all(
            &body,
            &Query {
                page_size: 1 + rng.below(100) as u32,
                ..Query::default()
            },
        );
        body
    });
}

#[test]
#[ignore = "long-running; scripts/fuzz.sh"]
fn fuzz_parsers_mutated_fixtures() {
    run("parsers-mutated-fixtures", seconds(), |rng| {
        let base = *rng.pick(FIXTURES);
        let body = if rng.below(2) == 0 {
            mutate_bytes(rng, base)
        } else {
            let mut v: Value = serde_json::from_str(base).unwrap();
            for _ in 0..1 + rng.below(4) {
                mutate_structure(rng, &mut v);
            }
            v.to_string()
        };
        parse_all(&body, &Query::default());
        body
    });
}

#[test]
#[ignore = "long-running; scripts/fuzz.sh"]
fn fuzz_transcript_reader() {
    run("transcript-reader", seconds(), |rng| {
        let v = if rng.below(3) == 0 {
            json!((0..rng.below(20))
                .map(|_| *rng.pick(STRINGS))
                .collect::<Vec<_>>()
                .join("\n"))
        } else {
            random_value(rng, 0)
        };
        let start = (rng.below(2) == 0).then(|| rng.next() as i64);
        if let Some(t) = read_transcript(&v, start) {
            let index = callboard::core::transcript_index::TurnIndex::new(&t);
            let _ = index.current(rng.next() as i64);
            let needle: &str = STRINGS[rng.below(STRINGS.len())];
            let hits = callboard::core::transcript_index::search(&t, needle);
            for (i, turn) in t.turns.iter().enumerate() {
                let mine: Vec<_> = hits.iter().filter(|h| h.turn == i).copied().collect();
                let _ = callboard::core::transcript_index::segments(&turn.text, &mine);
            }
            let _ = t.plain_text();
        }
        v.to_string()
    });
}

#[test]
#[ignore = "long-running; scripts/fuzz.sh"]
fn fuzz_request_builder() {
    run("request-builder", seconds(), |rng| {
        let q = random_query(rng);
        for p in Provider::ALL {
            if let Ok(r) = p.list_request(&q) {
                assert!(r.path.starts_with('/'));
                let url = r.path_and_query();
                assert!(!url.contains(' ') && !url.contains('#'), "{url}");
            }
            let id = *rng.pick(STRINGS);
            let _ = p.detail_request(id).map(|r| r.url("https://proxy"));
            let _ = p.recording_link_request(id);
        }
        format!("{q:?}")
    });
}
