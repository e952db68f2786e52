//! Generators and checks shared by the property tests (`robustness.rs`,
//! a few hundred cases in every `make test`) and the time-boxed fuzzer
//! (`fuzz.rs`, `scripts/fuzz.sh`): one set of proptest strategies for
//! provider bodies, queries and transcripts, and the checks each input
//! goes through. A check panics on a finding; nothing here may panic on
//! its own.
#![allow(dead_code)]

use callboard::core::transcript::read_transcript;
use callboard::core::transcript_export::Format;
use callboard::core::transcript_index::{hits_in, search, segments, TurnIndex};
use callboard::core::transcript_rows::Layout;
use callboard::core::{Direction, Filters, Provider, Query, Sort, SortDir, SortField};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Every provider body the repository keeps, to mutate.
pub const FIXTURES: &[&str] = &[
    include_str!("../fixtures/agentvoice/list.json"),
    include_str!("../fixtures/agentvoice/detail.json"),
    include_str!("../fixtures/agentvoice/most_recent.json"),
    include_str!("../fixtures/vozagent/list.json"),
    include_str!("../fixtures/vozagent/detail.json"),
    include_str!("../fixtures/talkover/list.json"),
    include_str!("../fixtures/talkover/detail.json"),
    include_str!("../fixtures/talkover/error_422.json"),
    include_str!("../fixtures/zudu/list.json"),
    include_str!("../fixtures/zudu/detail.json"),
    include_str!("../fixtures/smallest/list.json"),
    include_str!("../fixtures/smallest/detail.json"),
    include_str!("../fixtures/smallest/recording_link.json"),
    include_str!("../fixtures/retell/list.json"),
    include_str!("../fixtures/retell/detail.json"),
    include_str!("../fixtures/vapi/list.json"),
    include_str!("../fixtures/vapi/detail.json"),
    include_str!("../fixtures/vapi/detail_2026.json"),
    include_str!("../fixtures/spec/retell-get-call.json"),
    include_str!("../fixtures/spec/retell-v3-list.json"),
];

/// Keys the providers use, so random objects look like their bodies.
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
    // Tool calls, results, node transitions and keys (Retell, Vapi,
    // ElevenLabs).
    "transcript_with_tool_calls",
    "tool_call_id",
    "name",
    "arguments",
    "successful",
    "toolCalls",
    "toolCallId",
    "function",
    "result",
    "tool_calls",
    "tool_results",
    "tool_name",
    "params_as_json",
    "result_value",
    "is_error",
    "request_id",
    "new_node_name",
    "former_node_name",
    "digit",
    "time_in_call_secs",
];

/// Strings that have tripped parsers elsewhere: dates, numbers in text,
/// vocabulary, unsafe URLs, control and combining characters.
const STRINGS: &[&str] = &[
    "",
    " ",
    "tool_call_invocation",
    "tool_call_result",
    "tool_calls",
    "node_transition",
    "dtmf",
    "{\"a\":[1,{\"b\":null}]}",
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

fn notable_string() -> impl Strategy<Value = String> {
    prop::sample::select(STRINGS).prop_map(str::to_owned)
}

/// Any JSON shaped like provider bodies.
pub fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "\\PC{0,12}".prop_map(Value::String),
        notable_string().prop_map(Value::String),
    ];
    let keys = prop::sample::select(KEYS).prop_map(str::to_owned);
    leaf.prop_recursive(5, 96, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(keys.clone(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Replaces the node at a pseudo-random position (chosen by `pick`) with
/// `replacement`.
fn replace_node(value: &mut Value, pick: &mut u64, replacement: &Value) -> bool {
    *pick = pick.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    if *pick % 5 == 0 {
        *value = replacement.clone();
        return true;
    }
    match value {
        Value::Array(items) => items.iter_mut().any(|v| replace_node(v, pick, replacement)),
        Value::Object(map) => map.values_mut().any(|v| replace_node(v, pick, replacement)),
        _ => false,
    }
}

/// A fixture with a node replaced by random JSON.
pub fn restructured_fixture() -> impl Strategy<Value = String> {
    (0..FIXTURES.len(), any::<u64>(), arb_json()).prop_map(|(which, seed, replacement)| {
        let mut v: Value = serde_json::from_str(FIXTURES[which]).unwrap_or(Value::Null);
        let mut pick = seed;
        replace_node(&mut v, &mut pick, &replacement);
        v.to_string()
    })
}

/// A fixture cut short, or with junk spliced in.
pub fn spliced_fixture() -> impl Strategy<Value = String> {
    (
        0..FIXTURES.len(),
        any::<prop::sample::Index>(),
        "\\PC{0,8}",
        any::<bool>(),
    )
        .prop_map(|(which, cut, junk, truncate)| {
            let text = FIXTURES[which];
            let mut at = cut.index(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            if truncate {
                text[..at].to_owned()
            } else {
                format!("{}{junk}{}", &text[..at], &text[at..])
            }
        })
}

/// Any provider body: random JSON, a restructured or spliced fixture, or
/// arbitrary text.
pub fn arb_body() -> impl Strategy<Value = String> {
    prop_oneof![
        arb_json().prop_map(|v| v.to_string()),
        restructured_fixture(),
        spliced_fixture(),
        "\\PC{0,200}",
    ]
}

const SORT_FIELDS: [SortField; 6] = [
    SortField::StartedAt,
    SortField::EndedAt,
    SortField::CreatedAt,
    SortField::UpdatedAt,
    SortField::Duration,
    SortField::Latency,
];

const DIRECTIONS: [Direction; 4] = [
    Direction::Inbound,
    Direction::Outbound,
    Direction::Web,
    Direction::Unknown,
];

fn text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof!["\\PC{0,20}", notable_string()])
}

/// Any query, including nonsense pages, sizes, cursors and ranges.
pub fn arb_query() -> impl Strategy<Value = Query> {
    let filters = (
        (
            text(),
            prop::option::of(prop::sample::select(&DIRECTIONS[..])),
            text(),
            text(),
            text(),
        ),
        (text(), text(), text(), text(), text(), text()),
        (
            prop::option::of(any::<i64>()),
            prop::option::of(any::<i64>()),
            prop::option::of(any::<i64>()),
            prop::option::of(any::<i64>()),
        ),
    )
        .prop_map(
            |(
                (status, direction, call_type, agent_id, campaign_id),
                (contact_id, phone_number, search, end_reason, sentiment, outcome),
                (date_from, date_to, min_duration_ms, max_duration_ms),
            )| Filters {
                status,
                direction,
                call_type,
                agent_id,
                campaign_id,
                contact_id,
                phone_number,
                search,
                end_reason,
                sentiment,
                outcome,
                date_from,
                date_to,
                min_duration_ms,
                max_duration_ms,
            },
        );
    let sort = prop::option::of(
        (prop::sample::select(&SORT_FIELDS[..]), any::<bool>()).prop_map(|(field, asc)| Sort {
            field,
            dir: if asc { SortDir::Asc } else { SortDir::Desc },
        }),
    );
    (
        any::<u32>(),
        any::<u32>(),
        text(),
        sort,
        filters,
        any::<i32>(),
    )
        .prop_map(
            |(page, page_size, cursor, sort, filters, utc_offset_minutes)| Query {
                page,
                page_size,
                cursor,
                sort,
                filters,
                utc_offset_minutes,
                ..Query::default()
            },
        )
}

/// A transcript as a provider might send it: lines of text, or JSON.
pub fn arb_transcript() -> impl Strategy<Value = (Value, Option<i64>, String, i64)> {
    let lines = prop::collection::vec(notable_string(), 0..20).prop_map(|l| json!(l.join("\n")));
    (
        prop_oneof![lines, arb_json()],
        prop::option::of(any::<i64>()),
        notable_string(),
        any::<i64>(),
    )
}

// ------------------------------------------------------------ checks

/// Every parser on `body`: no panic, and every row read has an id.
pub fn check_body(body: &str) {
    let q = Query {
        page_size: 25,
        ..Query::default()
    };
    for p in Provider::ALL {
        let _ = p.parse_detail(body);
        let _ = p.parse_error(500, body, Some(body));
        let _ = p.parse_recording_link(body);
        if let Ok(page) = p.parse_list(body, &q) {
            for c in &page.rows {
                assert!(!c.id.is_empty(), "{p}: a row without an id");
                let _ = c.duration();
            }
        }
    }
    let _ = Provider::detect(body);
    if let Ok(v) = serde_json::from_str::<Value>(body) {
        let _ = read_transcript(&v, Some(1_700_000_000_000));
    }
}

/// Every provider's request for `q`: built or refused with an error; a
/// built one has a clean path, query and JSON body.
pub fn check_query(q: &Query) {
    for p in Provider::ALL {
        let Ok(r) = p.list_request(q) else { continue };
        assert!(r.path.starts_with('/'), "{p}: {}", r.path);
        let url = r.path_and_query();
        assert!(
            !url.contains(' ') && !url.contains('#') && !url.contains('\n'),
            "{p}: {url}"
        );
        if let Some(b) = &r.body {
            // Read back by serde_json, and the text it would write itself.
            let read = serde_json::from_str::<Value>(b);
            assert!(read.is_ok(), "{p}: {b}");
            let again = read.ok().and_then(|v| serde_json::to_string(&v).ok());
            assert_eq!(again.as_deref(), Some(b.as_str()), "{p}");
        }
        for id in ["", "..", "a/b", "c1"] {
            let _ = p.detail_request(id).map(|r| r.url("https://proxy"));
            let _ = p.recording_link_request(id);
        }
    }
}

/// The transcript reader, its index, search and highlighting.
pub fn check_transcript(input: &(Value, Option<i64>, String, i64)) {
    let (value, start, needle, position) = input;
    if let Some(mut t) = read_transcript(value, *start) {
        t.events = callboard::core::tool_events::read_events(value, *start, &t.turns);
        assert!(t.events.iter().all(|e| e.turns_before <= t.turns.len()));
        let index = TurnIndex::new(&t);
        let _ = index.current(*position);
        let layout = Layout::new(&t);
        assert_eq!(layout.rows.len(), t.turns.len() + layout.tools.len());
        let hits = search(&t, &layout, needle);
        for (i, turn) in t.turns.iter().enumerate() {
            let row = layout.row_of_turn(i).unwrap_or_default();
            let _ = segments(&turn.text, hits_in(&hits, row));
        }
        for format in Format::ALL {
            let _ = format.render(&t, callboard::core::words::Words::ENGLISH);
        }
    }
}
