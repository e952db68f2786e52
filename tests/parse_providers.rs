//! Every seed example and fixture, parsed and checked field by field.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use callboard::core::time::parse_iso8601;
use callboard::core::words::Words;
use callboard::core::{
    ApiError, CallStatus, Cost, CostUnit, Direction, ExtraValue, Figure, Provider, Query, Speaker,
};

fn iso(s: &str) -> Option<i64> {
    Some(parse_iso8601(s).expect(s))
}

/// Latency figures, labelled in English, with their ms.
fn latency_in_english(figures: &[Figure]) -> Vec<(String, i64)> {
    figures
        .iter()
        .map(|f| (f.label_in(Words::ENGLISH), f.ms))
        .collect()
}

fn q(page_size: u32) -> Query {
    Query {
        page_size,
        ..Query::default()
    }
}

// ---------------------------------------------------------------- AgentVoice

#[test]
fn agentvoice_seed_list() {
    let page = Provider::AgentVoice
        .parse_list(include_str!("fixtures/agentvoice/list.json"), &q(10))
        .unwrap();
    assert_eq!(page.rows.len(), 1);
    assert_eq!(page.skipped, 0);
    assert_eq!(page.total, Some(1901));
    assert!(page.has_more);
    assert_eq!(page.next_cursor, None);
    let c = &page.rows[0];
    assert_eq!(c.id, "a7e85eef-65b6-4311-b8f2-7d8bb7abd0ea");
    assert_eq!(c.provider, Provider::AgentVoice);
    assert_eq!(
        c.agent_id.as_deref(),
        Some("95cb3cab-de23-48ee-89c4-7341398f5cec")
    );
    assert_eq!(c.agent_name.as_deref(), Some("Sales Agent"));
    assert_eq!(
        c.contact_id.as_deref(),
        Some("123e4567-e89b-12d3-a456-426614174000")
    );
    assert_eq!(c.customer_name.as_deref(), Some("John Doe"));
    assert_eq!(c.direction, Direction::Outbound);
    assert_eq!(c.direction_raw.as_deref(), Some("outbound"));
    assert_eq!(c.customer_number.as_deref(), Some("+14155551234"));
    assert_eq!(c.agent_number.as_deref(), Some("+17375551234"));
    assert_eq!(c.started_at, Some(1_705_314_600_000));
    assert_eq!(c.started_at, iso("2024-01-15T10:30:00Z"));
    assert_eq!(c.ended_at, iso("2024-01-15T10:34:05Z"));
    assert_eq!(c.created_at, iso("2024-01-15T10:29:55Z"));
    assert_eq!(c.duration_ms, Some(245_000));
    assert_eq!(c.status, CallStatus::Completed);
    assert_eq!(c.status_raw.as_deref(), Some("completed"));
    assert_eq!(c.successful, Some(true));
    assert_eq!(c.end_reason.as_deref(), Some("customer-ended-call"));
    assert_eq!(
        c.recording.mono.as_deref(),
        Some("https://storage.example.com/recordings/abc123.mp3")
    );
    assert_eq!(c.recording.stereo, None);
    assert!(!c.recording.fresh_link);
    assert_eq!(
        c.campaign_id.as_deref(),
        Some("456e7890-e89b-12d3-a456-426614174000")
    );
    assert_eq!(c.campaign_name.as_deref(), Some("January Outreach"));
    assert_eq!(
        c.extra("contact_email"),
        Some(&ExtraValue::Text("john@example.com".into()))
    );
    assert_eq!(c.extra("went_to_voicemail"), Some(&ExtraValue::Flag(false)));
}

#[test]
fn agentvoice_most_recent_is_a_single_object() {
    let page = Provider::AgentVoice
        .parse_list(include_str!("fixtures/agentvoice/most_recent.json"), &q(10))
        .unwrap();
    assert_eq!(page.rows.len(), 1);
    assert_eq!(page.total, Some(1));
    assert!(!page.has_more);
    let c = &page.rows[0];
    assert_eq!(c.id, "a7e85eef-65b6-4311-b8f2-7d8bb7abd0ea");
    assert_eq!(c.duration_ms, Some(245_000));
    assert_eq!(
        c.agent_number, None,
        "the most-recent example omits our line"
    );
    assert_eq!(c.recording.mono, None);
}

#[test]
fn agentvoice_detail() {
    let d = Provider::AgentVoice
        .parse_detail(include_str!("fixtures/agentvoice/detail.json"))
        .unwrap();
    let c = &d.call;
    assert_eq!(c.id, "a7e85eef-65b6-4311-b8f2-7d8bb7abd0ea");
    assert_eq!(
        c.summary.as_deref(),
        Some("Renewal call; customer agreed to a follow-up next week.")
    );
    assert_eq!(c.sentiment.as_deref(), Some("positive"));
    assert_eq!(
        c.extra("notes"),
        Some(&ExtraValue::Text("Prefers email\nCall back Tuesday".into()))
    );
    assert_eq!(
        c.extra("custom_analysis.renewal_intent"),
        Some(&ExtraValue::Text("likely".into()))
    );
    assert_eq!(
        c.extra("custom_analysis.budget_confirmed"),
        Some(&ExtraValue::Flag(true))
    );
    assert_eq!(
        c.extra("action_summary"),
        Some(&ExtraValue::Text("Follow-up scheduled".into()))
    );
    let t = d.transcript.unwrap();
    assert_eq!(
        t.turns.len(),
        3,
        "transcript_formatted wins over the plain text"
    );
    assert_eq!(t.turns[0].speaker, Speaker::Agent);
    assert_eq!(t.turns[0].start_ms, Some(400));
    assert_eq!(t.turns[0].end_ms, Some(2_900));
    assert_eq!(t.turns[1].speaker, Speaker::Customer);
    assert_eq!(t.turns[1].text, "Hi Ava.");
    let labels = latency_in_english(&d.latency);
    assert!(labels.contains(&("LLM".to_owned(), 412)), "{labels:?}");
    assert!(labels.contains(&("Text-to-speech".to_owned(), 180)));
    assert!(labels.contains(&("End-to-end p50".to_owned(), 820)));
    assert!(labels.contains(&("End-to-end p90".to_owned(), 1_300)));
}

// ------------------------------------------------------------------ VozAgent

#[test]
fn vozagent_seed_list() {
    let page = Provider::VozAgent
        .parse_list(include_str!("fixtures/vozagent/list.json"), &q(2))
        .unwrap();
    assert_eq!(page.rows.len(), 2);
    assert_eq!(page.total, None, "VozAgent sends no total");
    assert!(page.has_more, "a full page means there may be more");
    let c = &page.rows[0];
    assert_eq!(c.id, "call-a1b2c3d4-e5f6-a7b8-c9d0");
    assert_eq!(c.contact_id.as_deref(), Some("c1a2b3c4-d5e6-f7a8-b9c0"));
    assert_eq!(c.agent_id.as_deref(), Some("a1b2c3d4-e5f6-a7b8"));
    assert_eq!(c.direction, Direction::Inbound);
    assert_eq!(c.status, CallStatus::Completed);
    assert_eq!(c.duration_ms, Some(180_000));
    assert_eq!(c.started_at, iso("2024-01-15T10:30:00Z"));
    assert_eq!(c.ended_at, iso("2024-01-15T10:33:00Z"));
    assert_eq!(c.customer_number, None, "numbers come only with the detail");
    assert_eq!(c.extra("appointment_booked"), Some(&ExtraValue::Flag(true)));
    assert_eq!(
        c.extra("lead_qualification"),
        Some(&ExtraValue::Text("Hot".into()))
    );
    assert_eq!(
        c.extra("call_intent"),
        Some(&ExtraValue::Text("New quote".into()))
    );
    let c = &page.rows[1];
    assert_eq!(c.id, "call-b2c3d4e5-f6a7-b8c9-d0e1");
    assert_eq!(c.direction, Direction::Outbound);
    assert_eq!(c.duration_ms, Some(95_000));
    assert_eq!(
        c.extra("call_intent"),
        None,
        "call_intent is sometimes absent"
    );
    assert_eq!(
        c.extra("lead_qualification"),
        Some(&ExtraValue::Text("Warm".into()))
    );

    let page = Provider::VozAgent
        .parse_list(include_str!("fixtures/vozagent/list.json"), &q(50))
        .unwrap();
    assert!(!page.has_more, "a short page is the last");
}

#[test]
fn vozagent_detail() {
    let d = Provider::VozAgent
        .parse_detail(include_str!("fixtures/vozagent/detail.json"))
        .unwrap();
    let c = &d.call;
    assert_eq!(c.customer_number.as_deref(), Some("+15125550142"));
    assert_eq!(c.agent_number.as_deref(), Some("+15125550100"));
    assert_eq!(
        c.cost,
        Some(Cost {
            amount: 0.42,
            unit: CostUnit::Usd
        })
    );
    assert_eq!(
        c.recording.mono.as_deref(),
        Some("https://recordings.vozagent.example/call-a1b2c3d4.wav")
    );
    assert!(c
        .summary
        .as_deref()
        .unwrap()
        .starts_with("Caller wants a quote"));
    let t = d.transcript.unwrap();
    assert_eq!(t.turns.len(), 3);
    assert_eq!(t.turns[0].speaker, Speaker::Agent);
    assert_eq!(t.turns[1].speaker, Speaker::Customer);
    assert_eq!(t.turns[1].text, "I'd like a quote for two cars.");
    assert!(!t.is_timed());
}

#[test]
fn vozagent_error_shape() {
    let e =
        Provider::VozAgent.parse_error(400, include_str!("fixtures/vozagent/error_400.json"), None);
    let ApiError::Validation { message, fields } = e else {
        panic!("{e:?}")
    };
    assert_eq!(message.as_deref(), Some("limit must be between 0 and 100"));
    assert_eq!(fields[0].field, "limit");
}

// ------------------------------------------------------------------ Talkover

#[test]
fn talkover_seed_list() {
    let page = Provider::Talkover
        .parse_list(include_str!("fixtures/talkover/list.json"), &q(20))
        .unwrap();
    assert_eq!(page.rows.len(), 2);
    assert_eq!(page.total, Some(50));
    assert!(page.has_more, "page 1 of 3");
    let c = &page.rows[0];
    assert_eq!(c.id, "call-uuid-1");
    assert_eq!(c.direction, Direction::Outbound);
    assert_eq!(
        c.customer_number.as_deref(),
        Some("+1234567890"),
        "outbound: the customer is `to`"
    );
    assert_eq!(c.agent_number.as_deref(), Some("+0987654321"));
    assert_eq!(c.status, CallStatus::Completed);
    assert_eq!(c.duration_ms, Some(120_000));
    assert_eq!(c.started_at, None, "Talkover documents no start time");
    assert_eq!(c.created_at, iso("2024-01-01T00:00:00Z"));
    assert_eq!(c.time(), iso("2024-01-01T00:00:00Z"));
    assert_eq!(
        c.extra("sid"),
        Some(&ExtraValue::Text("call_sid_123".into()))
    );
    assert_eq!(c.extra("is_testing"), Some(&ExtraValue::Flag(false)));
    assert_eq!(c.recording.mono, None);
    let c = &page.rows[1];
    assert_eq!(c.direction, Direction::Inbound);
    assert_eq!(
        c.customer_number.as_deref(),
        Some("+0987654321"),
        "inbound: the customer is `from`"
    );
    assert_eq!(c.agent_number.as_deref(), Some("+1987654321"));
    assert_eq!(c.status, CallStatus::InProgress);
    assert_eq!(c.status_raw.as_deref(), Some("answered"));
    assert_eq!(c.duration_ms, Some(180_000));
}

#[test]
fn talkover_detail_has_no_transcript() {
    let d = Provider::Talkover
        .parse_detail(include_str!("fixtures/talkover/detail.json"))
        .unwrap();
    assert_eq!(d.call.id, "call-uuid-2");
    assert_eq!(d.call.agent_id.as_deref(), Some("agent-uuid-1"));
    assert_eq!(d.call.agent_name.as_deref(), Some("Front desk"));
    assert_eq!(d.call.extra("is_testing"), Some(&ExtraValue::Flag(true)));
    assert_eq!(d.transcript, None);
    let caps = Provider::Talkover.capabilities();
    assert!(!caps.transcripts && !caps.recordings);
}

#[test]
fn talkover_seed_errors() {
    let p = Provider::Talkover;
    assert_eq!(
        p.parse_error(404, include_str!("fixtures/talkover/error_404.json"), None),
        ApiError::NotFound {
            message: Some("Agent not found".into())
        }
    );
    assert_eq!(
        p.parse_error(401, include_str!("fixtures/talkover/error_401.json"), None),
        ApiError::Unauthorized {
            message: Some("Unauthorized".into())
        }
    );
    assert_eq!(
        p.parse_error(500, include_str!("fixtures/talkover/error_500.json"), None),
        ApiError::Server {
            status: 500,
            message: Some("Internal server error.".into())
        }
    );
    let ApiError::Validation { message, fields } =
        p.parse_error(422, include_str!("fixtures/talkover/error_422.json"), None)
    else {
        panic!()
    };
    assert_eq!(message.as_deref(), Some("The given data was invalid."));
    let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(names, ["date_from", "direction", "status"], "by field name");
    assert_eq!(fields[0].messages, ["The date from must be a valid date."]);
    // The coded shape, even inside a 200.
    let coded = include_str!("fixtures/talkover/error_coded.json");
    assert_eq!(
        p.parse_list(coded, &q(20)),
        Err(ApiError::NotFound {
            message: Some("Specified agent does not exist".into())
        })
    );
    assert!(matches!(
        p.parse_error(404, coded, None),
        ApiError::NotFound { .. }
    ));
}

// ---------------------------------------------------------------------- Zudu

#[test]
fn zudu_seed_list() {
    let page = Provider::Zudu
        .parse_list(include_str!("fixtures/zudu/list.json"), &q(20))
        .unwrap();
    assert_eq!(page.rows.len(), 1);
    assert_eq!(page.total, Some(25));
    assert!(page.has_more);
    let c = &page.rows[0];
    assert_eq!(c.id, "call-456", "call_id is the id to use, not the uuid");
    assert_eq!(c.agent_id.as_deref(), Some("agent-123"));
    assert_eq!(c.status, CallStatus::Completed);
    assert_eq!(c.status_raw.as_deref(), Some("ENDED"));
    assert_eq!(c.direction, Direction::Outbound);
    assert_eq!(c.customer_number.as_deref(), Some("+1234567890"));
    assert_eq!(c.agent_number.as_deref(), Some("+0987654321"));
    assert_eq!(c.started_at, Some(1_703_097_600_000));
    assert_eq!(c.ended_at, Some(1_703_098_200_000));
    assert_eq!(c.duration_ms, Some(600_000));
    assert_eq!(c.end_reason.as_deref(), Some("USER_HANGUP"));
    assert_eq!(
        c.recording.mono.as_deref(),
        Some("https://storage.azure.com/recordings/call-456.mp4")
    );
    assert_eq!(c.successful, Some(true));
    assert_eq!(
        c.summary.as_deref(),
        Some("Customer inquiry about order status - resolved successfully")
    );
    assert_eq!(c.sentiment.as_deref(), Some("Positive"));
    assert_eq!(
        c.cost,
        Some(Cost {
            amount: 0.25,
            unit: CostUnit::Usd
        })
    );
    assert_eq!(
        c.extra("public_log_url"),
        Some(&ExtraValue::Link(
            "https://api.example.com/logs/call-456".into()
        ))
    );
    assert_eq!(
        c.extra("call_sid"),
        Some(&ExtraValue::Text(
            "CA1234567890abcdef1234567890abcdef".into()
        ))
    );
    assert_eq!(
        c.extra("metadata.priority"),
        Some(&ExtraValue::Text("high".into()))
    );
    assert_eq!(
        c.extra("call_type"),
        Some(&ExtraValue::Text("Phone call".into()))
    );
}

#[test]
fn zudu_other_pagination_shape() {
    let page = Provider::Zudu
        .parse_list(include_str!("fixtures/zudu/list_total.json"), &q(1))
        .unwrap();
    assert_eq!(page.total, Some(3));
    assert!(page.has_more, "page 1 (0-based) of 3");
    let c = &page.rows[0];
    assert_eq!(c.id, "call-900");
    assert_eq!(
        c.status,
        CallStatus::InProgress,
        "statuses compare case-insensitively"
    );
    assert_eq!(
        c.direction,
        Direction::Web,
        "WEB_CALL without a direction is a web call"
    );
    assert_eq!(c.started_at, Some(1_703_097_600_000), "numbers as strings");
    assert_eq!(c.duration_ms, None);
}

#[test]
fn zudu_detail_and_error() {
    let d = Provider::Zudu
        .parse_detail(include_str!("fixtures/zudu/detail.json"))
        .unwrap();
    assert_eq!(d.call.id, "call-456");
    assert_eq!(d.call.direction, Direction::Inbound);
    assert_eq!(d.call.customer_number.as_deref(), Some("+0987654321"));
    let t = d.transcript.unwrap();
    assert_eq!(t.turns.len(), 2);
    assert_eq!(t.turns[1].start_ms, Some(1_500));
    assert_eq!(t.turns[1].end_ms, Some(3_100));
    assert_eq!(
        d.latency
            .iter()
            .find(|f| f.label_in(Words::ENGLISH) == "End-to-end p50")
            .map(|f| f.ms),
        Some(151)
    );
    assert!(d.call.extra("public_log_url").is_some());
    let e = Provider::Zudu
        .parse_list(include_str!("fixtures/zudu/error.json"), &q(20))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "The provider reported an error: Failed to retrieve calls (Invalid sort_by field)"
    );
    let e = Provider::Zudu.parse_error(400, include_str!("fixtures/zudu/error.json"), None);
    assert!(matches!(e, ApiError::Validation { .. }));
}

// ------------------------------------------------------------------ Smallest

#[test]
fn smallest_list() {
    let page = Provider::Smallest
        .parse_list(include_str!("fixtures/smallest/list.json"), &q(2))
        .unwrap();
    assert_eq!(page.rows.len(), 2);
    assert_eq!(page.total, Some(42));
    assert!(page.has_more);
    let c = &page.rows[0];
    assert_eq!(c.id, "CALL-1737000000000-4f2a9c", "callId, never _id");
    assert_eq!(c.status, CallStatus::Completed);
    assert_eq!(c.direction, Direction::Outbound);
    assert_eq!(c.customer_number.as_deref(), Some("+14155550199"));
    assert_eq!(c.agent_number.as_deref(), Some("+14155550100"));
    assert_eq!(c.duration_ms, Some(95_400), "fractional seconds");
    assert_eq!(c.created_at, iso("2025-01-16T04:00:00Z"));
    assert_eq!(c.agent_id.as_deref(), Some("agent_6612"));
    assert_eq!(c.campaign_id.as_deref(), Some("camp_77"));
    assert_eq!(c.end_reason.as_deref(), Some("user_hangup"));
    assert_eq!(
        c.cost,
        Some(Cost {
            amount: 3.5,
            unit: CostUnit::Credits
        })
    );
    assert_eq!(
        c.summary.as_deref(),
        Some("Customer confirmed the delivery window.")
    );
    assert!(c.recording.mono.as_deref().unwrap().ends_with("4f2a9c.mp3"));
    assert!(c
        .recording
        .stereo
        .as_deref()
        .unwrap()
        .ends_with("4f2a9c-dual.mp3"));
    assert!(c.recording.fresh_link);
    assert_eq!(
        c.extra("disposition.delivery_confirmed"),
        Some(&ExtraValue::Flag(true))
    );
    assert_eq!(
        c.extra("disposition.callback_time"),
        Some(&ExtraValue::Text("after 5pm".into()))
    );
    let c = &page.rows[1];
    assert_eq!(c.status, CallStatus::NoAnswer);
    assert_eq!(c.direction, Direction::Inbound);
    assert_eq!(c.customer_number.as_deref(), Some("+14155550123"));
    assert_eq!(
        c.recording.mono, None,
        "an empty recordingUrl is no recording"
    );
    assert!(
        !c.recording.fresh_link,
        "an unanswered call has nothing to fetch"
    );
    assert_eq!(c.duration_ms, Some(0));
}

#[test]
fn smallest_detail_offsets_are_timestamp_minus_start() {
    let d = Provider::Smallest
        .parse_detail(include_str!("fixtures/smallest/detail.json"))
        .unwrap();
    let t = d.transcript.unwrap();
    assert_eq!(t.turns.len(), 3);
    assert_eq!(t.turns[0].speaker, Speaker::Agent);
    assert_eq!(t.turns[0].start_ms, Some(1_200));
    assert_eq!(t.turns[1].speaker, Speaker::Customer);
    assert_eq!(t.turns[1].start_ms, Some(4_000));
    assert_eq!(
        t.turns[2].speaker,
        Speaker::Agent,
        "`assistant` is the agent too"
    );
    let owned: Vec<String> = d
        .latency
        .iter()
        .map(|f| f.label_in(Words::ENGLISH))
        .collect();
    let labels: Vec<&str> = owned.iter().map(String::as_str).collect();
    assert_eq!(
        labels,
        ["Transcriber (avg)", "Agent (avg)", "Synthesizer (avg)"]
    );
}

#[test]
fn smallest_recording_link_and_errors() {
    let p = Provider::Smallest;
    let url = p
        .parse_recording_link(include_str!("fixtures/smallest/recording_link.json"))
        .unwrap();
    assert!(url.starts_with("https://atoms-recordings.example/signed/"));
    assert!(p
        .parse_recording_link(r#"{"data": {"url": "javascript:alert(1)"}}"#)
        .is_err());
    assert_eq!(
        p.parse_recording_link(r#"{"data": "https://x/y.mp3"}"#)
            .unwrap(),
        "https://x/y.mp3"
    );
    let req = p.recording_link_request("CALL-1").unwrap().unwrap();
    assert_eq!(
        req.path,
        "/atoms/v1/conversation/CALL-1/recording/download-url"
    );
    assert_eq!(
        p.parse_error(401, include_str!("fixtures/smallest/error.json"), None),
        ApiError::Unauthorized {
            message: Some("Invalid API key provided".into())
        }
    );
    assert!(matches!(
        p.parse_list(include_str!("fixtures/smallest/error.json"), &q(5)),
        Err(ApiError::Rejected { status: 200, .. })
    ));
}

// -------------------------------------------------------------------- Retell

#[test]
fn retell_list_and_cursor() {
    let page = Provider::Retell
        .parse_list(include_str!("fixtures/retell/list.json"), &q(2))
        .unwrap();
    assert_eq!(page.rows.len(), 2);
    assert!(page.has_more);
    assert_eq!(
        page.next_cursor.as_deref(),
        Some("Kz1Web0000000000000000000000002")
    );
    let c = &page.rows[0];
    assert_eq!(c.id, "Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6");
    assert_eq!(c.agent_name.as_deref(), Some("Appointment setter"));
    assert_eq!(c.direction, Direction::Inbound);
    assert_eq!(c.customer_number.as_deref(), Some("+12137771234"));
    assert_eq!(c.agent_number.as_deref(), Some("+12137771235"));
    assert_eq!(c.started_at, Some(1_703_302_407_333));
    assert_eq!(c.duration_ms, Some(21_522));
    assert_eq!(
        c.cost,
        Some(Cost {
            amount: 0.7,
            unit: CostUnit::Usd
        }),
        "cents to dollars"
    );
    assert!(c
        .recording
        .stereo
        .as_deref()
        .unwrap()
        .ends_with("recording_multichannel.wav"));
    assert_eq!(
        c.extra("analysis.appointment_day"),
        Some(&ExtraValue::Text("Thursday".into()))
    );
    assert_eq!(
        c.extra("metadata.crm_contact"),
        Some(&ExtraValue::Text("C-881".into()))
    );
    let c = &page.rows[1];
    assert_eq!(c.direction, Direction::Web);
    assert_eq!(c.status, CallStatus::Failed);
    assert_eq!(c.duration_ms, None);

    let last = Provider::Retell
        .parse_list(include_str!("fixtures/retell/list.json"), &q(50))
        .unwrap();
    assert!(!last.has_more);
    assert_eq!(last.next_cursor, None);
}

#[test]
fn retell_detail_words() {
    let d = Provider::Retell
        .parse_detail(include_str!("fixtures/retell/detail.json"))
        .unwrap();
    let t = d.transcript.unwrap();
    assert_eq!(t.turns[0].start_ms, Some(700));
    assert_eq!(t.turns[0].end_ms, Some(2_600));
    assert_eq!(t.turns[1].start_ms, Some(3_300));
    assert_eq!(t.turns[1].words.len(), 2);
    let f = latency_in_english(&d.latency);
    assert!(f.contains(&("End-to-end p50".to_owned(), 800)));
    assert!(f.contains(&("LLM p90".to_owned(), 600)));
    assert!(f.contains(&("Text-to-speech p50".to_owned(), 180)));
}

// ---------------------------------------------------------------------- Vapi

#[test]
fn vapi_list_and_cursor() {
    let page = Provider::Vapi
        .parse_list(include_str!("fixtures/vapi/list.json"), &q(2))
        .unwrap();
    assert_eq!(page.rows.len(), 2);
    assert!(page.has_more);
    assert_eq!(
        page.next_cursor.as_deref(),
        Some("2025-03-04T15:00:00.000Z")
    );
    let c = &page.rows[0];
    assert_eq!(c.id, "b7d5a0e2-1f44-4a7e-9d7a-0a8b1f2c3d4e");
    assert_eq!(c.agent_id.as_deref(), Some("asst-42"));
    assert_eq!(c.direction, Direction::Outbound);
    assert_eq!(c.status, CallStatus::Completed);
    assert_eq!(c.started_at, iso("2025-03-04T16:00:00Z"));
    assert_eq!(c.duration_ms, Some(210_500), "endedAt - startedAt");
    assert_eq!(c.customer_number.as_deref(), Some("+16505550111"));
    assert_eq!(c.customer_name.as_deref(), Some("Priya Shah"));
    assert_eq!(c.agent_number.as_deref(), Some("+16505550100"));
    assert_eq!(
        c.cost,
        Some(Cost {
            amount: 0.1834,
            unit: CostUnit::Usd
        })
    );
    assert_eq!(c.successful, Some(true));
    assert_eq!(c.end_reason.as_deref(), Some("customer-ended-call"));
    assert!(c.recording.mono.as_deref().unwrap().ends_with("mono.wav"));
    assert!(c
        .recording
        .stereo
        .as_deref()
        .unwrap()
        .ends_with("stereo.wav"));
    let c = &page.rows[1];
    assert_eq!(c.direction, Direction::Web);
    assert_eq!(c.successful, None, "a score is not a yes/no");
    assert_eq!(
        c.extra("successEvaluation"),
        Some(&ExtraValue::Text("7".into()))
    );
}

#[test]
fn vapi_detail_messages() {
    let d = Provider::Vapi
        .parse_detail(include_str!("fixtures/vapi/detail.json"))
        .unwrap();
    let t = d.transcript.unwrap();
    assert_eq!(t.turns.len(), 2, "system and tool messages are not turns");
    assert_eq!(t.turns[0].speaker, Speaker::Agent);
    assert_eq!(t.turns[0].start_ms, Some(800));
    assert_eq!(t.turns[0].end_ms, Some(3_300));
    assert_eq!(t.turns[1].speaker, Speaker::Customer);
    assert_eq!(t.turns[1].start_ms, Some(4_000));
}

// ---------------------------------------------------------------------- auto

#[test]
fn auto_recognises_every_fixture() {
    let cases = [
        (
            Provider::AgentVoice,
            include_str!("fixtures/agentvoice/list.json"),
        ),
        (
            Provider::AgentVoice,
            include_str!("fixtures/agentvoice/most_recent.json"),
        ),
        (
            Provider::AgentVoice,
            include_str!("fixtures/agentvoice/detail.json"),
        ),
        (
            Provider::VozAgent,
            include_str!("fixtures/vozagent/list.json"),
        ),
        (
            Provider::VozAgent,
            include_str!("fixtures/vozagent/detail.json"),
        ),
        (
            Provider::Talkover,
            include_str!("fixtures/talkover/list.json"),
        ),
        (
            Provider::Talkover,
            include_str!("fixtures/talkover/detail.json"),
        ),
        (Provider::Zudu, include_str!("fixtures/zudu/list.json")),
        (
            Provider::Zudu,
            include_str!("fixtures/zudu/list_total.json"),
        ),
        (Provider::Zudu, include_str!("fixtures/zudu/detail.json")),
        (
            Provider::Smallest,
            include_str!("fixtures/smallest/list.json"),
        ),
        (
            Provider::Smallest,
            include_str!("fixtures/smallest/detail.json"),
        ),
        (Provider::Retell, include_str!("fixtures/retell/list.json")),
        (
            Provider::Retell,
            include_str!("fixtures/retell/detail.json"),
        ),
        (Provider::Vapi, include_str!("fixtures/vapi/list.json")),
        (Provider::Vapi, include_str!("fixtures/vapi/detail.json")),
    ];
    for (want, body) in cases {
        assert_eq!(
            Provider::detect(body),
            Some(want),
            "{}",
            &body[..body.len().min(80)]
        );
    }
    for unknown in [
        "[]",
        "{}",
        "null",
        "nope",
        r#"{"data": []}"#,
        r#"[{"x": 1}]"#,
    ] {
        assert_eq!(Provider::detect(unknown), None, "{unknown}");
    }
}
