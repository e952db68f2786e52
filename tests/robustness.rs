//! Tolerance: nulls, missing fields, numbers as strings, unknown enum values,
//! bad rows among good ones, empty pages and non-JSON bodies, for every
//! provider; and property tests that feed arbitrary JSON and mutated
//! fixtures to every parser.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use callboard::core::words::Words;
use callboard::core::{ApiError, CallStatus, Direction, Provider, Query};
use proptest::prelude::*;
use serde_json::{json, Value};

/// How one provider lays out a list and names a call's fields.
struct Shape {
    provider: Provider,
    wrap: fn(Vec<Value>) -> Value,
    id: &'static str,
    status: &'static str,
    direction: &'static str,
    /// Duration key and the milliseconds that `"245"` in it means.
    duration: Option<(&'static str, i64)>,
    start: &'static str,
}

fn shapes() -> Vec<Shape> {
    vec![
        Shape {
            provider: Provider::AgentVoice,
            wrap: |rows| {
                let n = rows.len();
                json!({"data": rows, "pagination": {"total": n, "limit": 25, "offset": 0, "has_more": false}})
            },
            id: "id",
            status: "status",
            direction: "call_type",
            duration: Some(("call_duration", 245_000)),
            start: "started_at",
        },
        Shape {
            provider: Provider::VozAgent,
            wrap: Value::Array,
            id: "id",
            status: "call_status",
            direction: "call_type",
            duration: Some(("duration_seconds", 245_000)),
            start: "call_started_at",
        },
        Shape {
            provider: Provider::Talkover,
            wrap: |rows| {
                let n = rows.len();
                json!({"success": true, "data": rows, "pagination": {"current_page": 1, "last_page": 1, "per_page": 25, "total": n}})
            },
            id: "id",
            status: "status",
            direction: "direction",
            duration: Some(("duration", 245_000)),
            start: "created_at",
        },
        Shape {
            provider: Provider::Zudu,
            wrap: |rows| {
                let n = rows.len();
                json!({"status": "success", "message": "ok", "error": null, "data": {"calls": rows,
                    "pagination": {"page": 0, "limit": 25, "total_count": n, "total_pages": 1, "has_next_page": false}}})
            },
            id: "call_id",
            status: "call_status",
            direction: "direction",
            duration: Some(("call_duration", 245)),
            start: "start_timestamp",
        },
        Shape {
            provider: Provider::Smallest,
            wrap: |rows| {
                let n = rows.len();
                json!({"status": true, "data": {"logs": rows, "pagination": {"total": n, "page": 1, "limit": 25, "hasMore": false, "totalPages": 1}}})
            },
            id: "callId",
            status: "status",
            direction: "type",
            duration: Some(("duration", 245_000)),
            start: "createdAt",
        },
        Shape {
            provider: Provider::Retell,
            wrap: Value::Array,
            id: "call_id",
            status: "call_status",
            direction: "direction",
            duration: Some(("duration_ms", 245)),
            start: "start_timestamp",
        },
        Shape {
            provider: Provider::Vapi,
            wrap: Value::Array,
            id: "id",
            status: "status",
            direction: "type",
            duration: None,
            start: "startedAt",
        },
        Shape {
            provider: Provider::ElevenLabs,
            wrap: |rows| json!({"conversations": rows, "next_cursor": null, "has_more": false}),
            id: "conversation_id",
            status: "status",
            direction: "direction",
            duration: Some(("call_duration_secs", 245_000)),
            start: "start_time_unix_secs",
        },
        Shape {
            provider: Provider::Bland,
            wrap: |rows| {
                let n = rows.len();
                json!({"count": n, "calls": rows})
            },
            id: "call_id",
            status: "status",
            direction: "inbound",
            duration: Some(("call_length", 14_700_000)),
            start: "started_at",
        },
    ]
}

fn query() -> Query {
    Query {
        page_size: 25,
        ..Query::default()
    }
}

fn row(s: &Shape, id: &str) -> Value {
    json!({ s.id: id })
}

#[test]
fn nulls_are_missing() {
    for s in shapes() {
        let mut r = json!({ s.id: "c1", s.status: null, s.direction: null, s.start: null });
        if let Some((k, _)) = s.duration {
            r[k] = Value::Null;
        }
        let body = (s.wrap)(vec![r]).to_string();
        let page = s.provider.parse_list(&body, &query()).unwrap();
        let c = &page.rows[0];
        assert_eq!(c.id, "c1", "{}", s.provider);
        assert_eq!(c.status, CallStatus::Unknown);
        assert_eq!(c.status_raw, None);
        assert_eq!(c.direction, Direction::Unknown);
        assert_eq!(c.duration_ms, None);
        assert_eq!(c.time(), None);
    }
}

#[test]
fn an_id_alone_is_a_call() {
    for s in shapes() {
        let body = (s.wrap)(vec![row(&s, "only-id")]).to_string();
        let page = s.provider.parse_list(&body, &query()).unwrap();
        assert_eq!(page.rows.len(), 1, "{}", s.provider);
        assert_eq!(page.skipped, 0);
        assert!(page.rows[0].extras.is_empty());
        let detail = s
            .provider
            .parse_detail(&row(&s, "only-id").to_string())
            .unwrap();
        assert_eq!(detail.call.id, "only-id");
        assert_eq!(detail.transcript, None);
    }
}

#[test]
fn numbers_may_arrive_as_strings() {
    for s in shapes() {
        let mut r = json!({ s.id: 12345, s.start: "1705314600" });
        if let Some((k, _)) = s.duration {
            r[k] = json!("245");
        }
        let body = (s.wrap)(vec![r]).to_string();
        let page = s.provider.parse_list(&body, &query()).unwrap();
        let c = &page.rows[0];
        assert_eq!(c.id, "12345", "{}: a numeric id is still an id", s.provider);
        assert_eq!(
            c.time(),
            Some(1_705_314_600_000),
            "{}: epoch seconds as a string",
            s.provider
        );
        if let Some((_, ms)) = s.duration {
            assert_eq!(c.duration_ms, Some(ms), "{}", s.provider);
        }
    }
}

#[test]
fn unknown_enum_values_keep_their_raw_text() {
    for s in shapes() {
        let r = json!({ s.id: "c1", s.status: "TELEPORTED", s.direction: "sideways" });
        let body = (s.wrap)(vec![r]).to_string();
        let c = &s.provider.parse_list(&body, &query()).unwrap().rows[0];
        assert_eq!(c.status, CallStatus::Unknown, "{}", s.provider);
        assert_eq!(c.status_raw.as_deref(), Some("TELEPORTED"));
        assert_eq!(c.direction, Direction::Unknown);
        if s.provider != Provider::Bland {
            // Bland states the direction as a flag (`inbound`), not a word.
            assert_eq!(c.direction_raw.as_deref(), Some("sideways"));
        }
    }
}

#[test]
fn bad_rows_are_skipped_and_counted() {
    for s in shapes() {
        let rows = vec![
            row(&s, "good-1"),
            json!({"no": "id"}),
            json!(42),
            json!("a string"),
            Value::Null,
            json!({ s.id: {"an": "object"} }),
            row(&s, "good-2"),
            row(&s, "good-1"),
        ];
        let body = (s.wrap)(rows).to_string();
        let page = s.provider.parse_list(&body, &query()).unwrap();
        let ids: Vec<&str> = page.rows.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["good-1", "good-2"], "{}", s.provider);
        assert_eq!(
            page.skipped, 6,
            "{}: five unreadable and one repeated id",
            s.provider
        );
    }
}

#[test]
fn empty_pages() {
    for s in shapes() {
        let body = (s.wrap)(vec![]).to_string();
        let page = s.provider.parse_list(&body, &query()).unwrap();
        assert!(page.rows.is_empty(), "{}", s.provider);
        assert_eq!(page.skipped, 0);
        assert!(
            !page.has_more,
            "{}: nothing after an empty page",
            s.provider
        );
        assert_eq!(page.next_cursor, None);
    }
}

#[test]
fn wrong_types_for_every_field() {
    for s in shapes() {
        let mut r = json!({ s.id: "c1", s.status: 7, s.direction: ["in"], s.start: {"t": 1} });
        if let Some((k, _)) = s.duration {
            r[k] = json!("forever");
        }
        for key in [
            "recording_url",
            "recordingUrl",
            "transcript",
            "agent",
            "customer",
            "call_analysis",
            "analysis",
            "artifact",
            "metadata",
            "pagination",
            "call_cost",
            "cost",
            "callCost",
        ] {
            r[key] = json!([[{"deep": true}]]);
        }
        let body = (s.wrap)(vec![r.clone()]).to_string();
        let c = &s.provider.parse_list(&body, &query()).unwrap().rows[0];
        assert_eq!(c.id, "c1", "{}", s.provider);
        assert_eq!(c.duration_ms, None);
        assert_eq!(c.time(), None);
        assert_eq!(c.recording.mono, None);
        assert_eq!(c.cost, None);
        let d = s.provider.parse_detail(&r.to_string()).unwrap();
        assert_eq!(d.call.id, "c1");
    }
}

#[test]
fn non_json_bodies_say_what_is_wrong() {
    for p in Provider::ALL {
        for (body, needle) in [
            ("", "empty"),
            ("   \n", "empty"),
            ("<!doctype html><html><body>Login</body></html>", "HTML"),
            ("{\"data\": [{\"id\": \"x\"", "cut off"),
            ("Service Unavailable", "not valid JSON"),
        ] {
            for result in [
                p.parse_list(body, &query()).err(),
                p.parse_detail(body).err(),
            ] {
                match result {
                    Some(ApiError::Unreadable { reason }) => {
                        assert!(
                            reason.say(Words::ENGLISH).contains(needle),
                            "{p}: {body:?} gave {reason:?}"
                        )
                    }
                    other => panic!("{p}: {body:?} gave {other:?}"),
                }
            }
        }
        // A JSON body of the wrong shape is unreadable, not an empty page.
        for body in ["42", "\"calls\"", "{\"items\": 5}"] {
            assert!(
                matches!(
                    p.parse_list(body, &query()),
                    Err(ApiError::Unreadable { .. })
                ),
                "{p}: {body}"
            );
        }
    }
}

#[test]
fn unsafe_recording_urls_never_reach_the_model() {
    let bad = [
        "javascript:alert(1)",
        "data:audio/wav;base64,AAAA",
        "vbscript:x",
        " JaVaScRiPt:alert(1)",
    ];
    for url in bad {
        let bodies = [
            (
                Provider::AgentVoice,
                json!({"id": "c", "recording_url": url}),
            ),
            (Provider::VozAgent, json!({"id": "c", "recording_url": url})),
            (
                Provider::Zudu,
                json!({"call_id": "c", "recording_url": url, "public_log_url": url}),
            ),
            (
                Provider::Smallest,
                json!({"callId": "c", "recordingUrl": url, "recordingDualUrl": url}),
            ),
            (
                Provider::Retell,
                json!({"call_id": "c", "recording_url": url, "recording_multi_channel_url": url}),
            ),
            (
                Provider::Vapi,
                json!({"id": "c", "artifact": {"recordingUrl": url, "stereoRecordingUrl": url}}),
            ),
            (
                Provider::Vapi,
                json!({"id": "c", "artifact": {
                    "recording": {"stereoUrl": url, "mono": {"combinedUrl": url}},
                    "presignedMonoUrl": url, "presignedUrlsExpiresAt": "2030-01-01T00:00:00Z"}}),
            ),
            (
                Provider::Bland,
                json!({"call_id": "c", "recording_url": url}),
            ),
        ];
        for (p, body) in bodies {
            let d = p.parse_detail(&body.to_string()).unwrap();
            assert_eq!(d.call.recording.mono, None, "{p}: {url}");
            assert_eq!(d.call.recording.stereo, None, "{p}: {url}");
            assert!(
                d.call
                    .extras
                    .iter()
                    .all(|e| !format!("{:?}", e.value).contains(url.trim())),
                "{p}"
            );
        }
    }
}

// ------------------------------------------------------------ properties
// The same generators and checks as the time-boxed fuzzer (tests/fuzz.rs),
// a few hundred cases each in every test run.

#[path = "common/gen.rs"]
mod gen;

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_never_panics(v in gen::arb_json()) {
        gen::check_body(&v.to_string());
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,200}") {
        gen::check_body(&s);
    }

    #[test]
    fn restructured_fixtures_never_panic(body in gen::restructured_fixture()) {
        gen::check_body(&body);
    }

    #[test]
    fn truncated_and_spliced_fixtures_never_panic(body in gen::spliced_fixture()) {
        gen::check_body(&body);
    }

    #[test]
    fn any_query_builds_or_refuses_cleanly(q in gen::arb_query()) {
        gen::check_query(&q);
    }

    #[test]
    fn any_transcript_reads_indexes_and_searches(input in gen::arb_transcript()) {
        gen::check_transcript(&input);
    }
}
