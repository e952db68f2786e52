//! Contract tests: the adapters read what the providers publish, field by
//! field. The bodies come from the providers' own definitions (see
//! tests/fixtures/README.md for each file's provenance): Retell's OpenAPI
//! examples (`scripts/spec-examples.py`), the v3 list envelope of Retell's
//! TypeScript SDK, and a call written to Vapi's OpenAPI `Call` / `Artifact`
//! / `Recording` schemas. Published examples are not self-consistent
//! (Retell's `duration_ms` vs its timestamps): nothing here asserts such
//! relations.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use callboard::core::{CallStatus, Direction, Provider, Query, Speaker, ToolEventKind};

const RETELL_GET_CALL: &str = include_str!("fixtures/spec/retell-get-call.json");
const RETELL_V3_LIST: &str = include_str!("fixtures/spec/retell-v3-list.json");
const VAPI_2026: &str = include_str!("fixtures/vapi/detail_2026.json");

fn query() -> Query {
    Query {
        page_size: 50,
        ..Query::default()
    }
}

#[test]
fn retell_get_call_example_reads_field_by_field() {
    let d = Provider::Retell.parse_detail(RETELL_GET_CALL).unwrap();
    let c = &d.call;
    assert_eq!(c.id, "Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6");
    assert_eq!(
        c.agent_id.as_deref(),
        Some("oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD")
    );
    assert_eq!(c.agent_name.as_deref(), Some("My Agent"));
    assert_eq!(c.status_raw.as_deref(), Some("registered"));
    assert_eq!(c.direction, Direction::Web, "a web_call");
    assert_eq!(c.started_at, Some(1_703_302_407_333));
    assert_eq!(c.ended_at, Some(1_703_302_428_855));
    assert_eq!(c.duration_ms, Some(10_000), "duration_ms as given, in ms");
    assert_eq!(
        c.recording.mono.as_deref(),
        Some("https://retellai.s3.us-west-2.amazonaws.com/Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6/recording.wav")
    );
    assert_eq!(
        c.recording.stereo.as_deref(),
        Some("https://retellai.s3.us-west-2.amazonaws.com/Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6/recording_multichannel.wav")
    );
    assert!(!c.recording.fresh_link);
    assert_eq!(c.successful, Some(true));
    assert_eq!(c.sentiment.as_deref(), Some("Positive"));
    assert!(c
        .summary
        .as_deref()
        .unwrap()
        .starts_with("The agent called the user"));
    let t = d.transcript.unwrap();
    assert_eq!(t.turns[0].speaker, Speaker::Agent);
    assert_eq!(t.turns[0].text, "hi how are you doing?");
    assert_eq!(t.turns[0].start_ms, Some(700), "words[0].start 0.7 s");
    assert!(!d.latency.is_empty(), "latency percentiles in ms");
    assert!(d.latency.iter().any(|f| f.ms == 800));
}

#[test]
fn retell_v3_list_example_reads_with_total_and_more() {
    let page = Provider::Retell
        .parse_list(RETELL_V3_LIST, &query())
        .unwrap();
    assert_eq!(page.rows.len(), 1);
    assert_eq!(page.skipped, 0);
    assert_eq!(page.total, Some(1));
    assert!(page.has_more, "has_more as the answer says");
    let c = &page.rows[0];
    assert_eq!(c.id, "Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6");
    assert_eq!(c.started_at, Some(1_703_302_407_333));
    assert_eq!(c.duration_ms, Some(10_000));
    assert!(c.recording.mono.is_some());
    assert_eq!(Provider::detect(RETELL_V3_LIST), Some(Provider::Retell));
    // The same adapter still reads a v2 answer (a bare array).
    let v2 = format!(
        "[{}]",
        serde_json::to_string(
            &serde_json::from_str::<serde_json::Value>(RETELL_V3_LIST).unwrap()["items"][0]
        )
        .unwrap()
    );
    let old = Provider::Retell.parse_list(&v2, &query()).unwrap();
    assert_eq!(old.rows[0].id, c.id);
    assert_eq!(old.total, None);
}

#[test]
fn vapi_recording_from_artifact_recording_and_presigned_links() {
    let d = Provider::Vapi.parse_detail(VAPI_2026).unwrap();
    let c = &d.call;
    assert_eq!(c.id, "c3b1f6a2-7d4e-4f0a-9b1c-2e8d5f6a7b80");
    assert_eq!(c.direction, Direction::Web, "vapi.websocketCall");
    assert_eq!(c.status, CallStatus::Completed);
    assert_eq!(c.end_reason.as_deref(), Some("customer-ended-call"));
    assert_eq!(c.duration_ms, Some(111_500));
    assert_eq!(c.successful, Some(true));
    assert_eq!(c.customer_name.as_deref(), Some("Dana Ruiz"));
    // The presigned links play while they last; a fresh one is the call
    // fetched again.
    assert!(c
        .recording
        .mono
        .as_deref()
        .unwrap()
        .contains("X-Amz-Signature=abc"));
    assert!(c
        .recording
        .stereo
        .as_deref()
        .unwrap()
        .contains("X-Amz-Signature=def"));
    assert!(c.recording.fresh_link);
    let expires = c.recording.expires_at.unwrap();
    assert!(!c.recording.needs_fresh_link(expires - 3_600_000));
    assert!(
        c.recording.needs_fresh_link(expires - 30_000),
        "within a minute of expiry"
    );
    let link = Provider::Vapi
        .recording_link_request(&c.id)
        .unwrap()
        .unwrap();
    assert_eq!(link.path, format!("/call/{}", c.id));
    let fresh = Provider::Vapi.parse_recording_link(VAPI_2026).unwrap();
    assert!(fresh.contains("X-Amz-Signature=abc"));
    // Turns from artifact.messages, timed from the start of the audio.
    let t = d.transcript.unwrap();
    let said: Vec<&str> = t.turns.iter().map(|t| t.text.as_str()).collect();
    assert!(said.contains(&"Can you move my delivery to Friday?"));
    let user = t
        .turns
        .iter()
        .find(|t| t.speaker == Speaker::Customer)
        .unwrap();
    assert_eq!(user.start_ms, Some(4_100));
    // The tool call and its result stay in the model (not as turns).
    assert_eq!(t.events.len(), 2);
    assert_eq!(t.events[0].kind, ToolEventKind::Invocation);
    assert_eq!(t.events[0].name, "reschedule_delivery");
    assert_eq!(t.events[0].detail.as_deref(), Some("{\"day\":\"friday\"}"));
    assert_eq!(t.events[0].at_ms, Some(7_200));
    assert_eq!(t.events[1].kind, ToolEventKind::Result);
    assert_eq!(t.events[1].detail.as_deref(), Some("{\"ok\":true}"));
}

#[test]
fn vapi_stable_links_without_presigned_and_deprecated_fallbacks() {
    let mut v: serde_json::Value = serde_json::from_str(VAPI_2026).unwrap();
    let artifact = v["artifact"].as_object_mut().unwrap();
    for k in [
        "presignedMonoUrl",
        "presignedStereoUrl",
        "presignedUrlsExpiresAt",
    ] {
        artifact.remove(k);
    }
    let c = Provider::Vapi.parse_detail(&v.to_string()).unwrap().call;
    assert_eq!(
        c.recording.mono.as_deref(),
        Some("https://storage.vapi.ai/c3b1f6a2-mono.wav")
    );
    assert_eq!(
        c.recording.stereo.as_deref(),
        Some("https://storage.vapi.ai/c3b1f6a2-stereo.wav")
    );
    assert!(!c.recording.fresh_link, "stable links do not expire");
    assert!(!c.recording.needs_fresh_link(0));

    let old = serde_json::json!({
        "id": "old-1",
        "artifact": {"recordingUrl": "https://x.test/m.wav", "stereoRecordingUrl": "https://x.test/s.wav"}
    });
    let c = Provider::Vapi.parse_detail(&old.to_string()).unwrap().call;
    assert_eq!(c.recording.mono.as_deref(), Some("https://x.test/m.wav"));
    assert_eq!(c.recording.stereo.as_deref(), Some("https://x.test/s.wav"));
    let oldest = serde_json::json!({"id": "old-2", "recordingUrl": "https://x.test/top.wav"});
    let c = Provider::Vapi
        .parse_detail(&oldest.to_string())
        .unwrap()
        .call;
    assert_eq!(c.recording.mono.as_deref(), Some("https://x.test/top.wav"));
}

const EL_LIST: &str = include_str!("fixtures/elevenlabs/sdk_list.json");
const EL_GET: &str = include_str!("fixtures/elevenlabs/sdk_get.json");
const BLAND_LIST: &str = include_str!("fixtures/bland/docs_list.json");
const BLAND_DETAIL: &str = include_str!("fixtures/bland/docs_detail.json");

#[test]
fn elevenlabs_sdk_list_fixture_reads() {
    let page = Provider::ElevenLabs.parse_list(EL_LIST, &query()).unwrap();
    let c = &page.rows[0];
    assert_eq!(c.id, "conversation_id");
    assert_eq!(c.agent_id.as_deref(), Some("agent_id"));
    assert_eq!(c.agent_name.as_deref(), Some("agent_name"));
    assert_eq!(c.started_at, Some(1_000), "unix seconds as ms");
    assert_eq!(c.duration_ms, Some(1_000));
    assert_eq!(c.successful, Some(true), "call_successful: success");
    assert_eq!(c.summary.as_deref(), Some("transcript_summary"));
    assert_eq!(c.title.as_deref(), Some("call_summary_title"));
    assert_eq!(c.direction, Direction::Inbound);
    assert_eq!(c.status_raw.as_deref(), Some("initiated"));
    assert_eq!(page.next_cursor.as_deref(), Some("next_cursor"));
    assert!(page.has_more);
    assert_eq!(page.total, None);
    assert_eq!(Provider::detect(EL_LIST), Some(Provider::ElevenLabs));
}

#[test]
fn elevenlabs_sdk_get_fixture_reads_with_audio_through_the_proxy() {
    let d = Provider::ElevenLabs.parse_detail(EL_GET).unwrap();
    let c = &d.call;
    assert_eq!(c.id, "123");
    assert_eq!(c.started_at, Some(1_714_423_232_000));
    assert_eq!(c.duration_ms, Some(10_000));
    assert_eq!(c.status, CallStatus::InProgress, "processing");
    let t = d.transcript.unwrap();
    assert_eq!(t.turns[0].speaker, Speaker::Customer);
    assert_eq!(t.turns[0].text, "Hello, how are you?");
    assert_eq!(t.turns[0].start_ms, Some(10_000), "time_in_call_secs");
    // No recording URL: the audio endpoint, through the proxy.
    assert_eq!(c.recording.mono, None);
    let mut r = c.recording.clone();
    assert!(r.is_available());
    r.resolve_proxy_path("/voice-proxy/");
    assert_eq!(
        r.mono.as_deref(),
        Some("/voice-proxy/v1/convai/conversations/123/audio")
    );
    assert_eq!(Provider::detect(EL_GET), Some(Provider::ElevenLabs));
    assert_eq!(
        c.direction,
        Direction::Web,
        "no phone call: a web conversation"
    );
    // A phone call without a stated direction is not a web conversation.
    let mut v: serde_json::Value = serde_json::from_str(EL_GET).unwrap();
    v["metadata"]["phone_call"] =
        serde_json::json!({"type": "twilio", "external_number": "+14155550100"});
    let phone = Provider::ElevenLabs
        .parse_detail(&v.to_string())
        .unwrap()
        .call;
    assert_eq!(phone.direction, Direction::Unknown);
    assert_eq!(phone.customer_number.as_deref(), Some("+14155550100"));
}

#[test]
fn bland_docs_examples_read() {
    let page = Provider::Bland.parse_list(BLAND_LIST, &query()).unwrap();
    assert_eq!(page.total, Some(784));
    assert!(page.has_more);
    let c = &page.rows[0];
    assert_eq!(c.id, "c1234567-89ab-cdef-0123-456789abcdef");
    assert_eq!(
        c.created_at,
        Some(1_703_201_114_801),
        "microseconds and +00:00"
    );
    assert_eq!(c.duration_ms, Some(50_040), "call_length is minutes");
    assert_eq!(c.status, CallStatus::Completed);
    assert_eq!(Provider::detect(BLAND_LIST), Some(Provider::Bland));

    let d = Provider::Bland.parse_detail(BLAND_DETAIL).unwrap();
    let c = &d.call;
    assert_eq!(c.id, "c1234567-89ab-cdef-0123-456789abcdef");
    assert_eq!(c.started_at, Some(1_702_685_727_000));
    assert_eq!(c.duration_ms, Some(45_000));
    assert_eq!(
        c.ended_at,
        Some(1_702_685_772_000),
        "from the length, not end_at (the max-duration cutoff)"
    );
    assert_eq!(c.cost.map(|k| k.amount), Some(0.068));
    assert_eq!(
        c.recording.mono.as_deref(),
        Some("https://server.aws.dialpad.com/recordings/c1234567.mp3")
    );
    assert!(c.summary.as_deref().unwrap().contains("reschedule"));
    let t = d.transcript.unwrap();
    assert_eq!(t.turns[0].speaker, Speaker::Customer);
    assert_eq!(t.turns[1].speaker, Speaker::Agent, "assistant");
    assert_eq!(
        t.turns[1].start_ms,
        Some(7_861),
        "wall clock minus the start"
    );
    assert_eq!(Provider::detect(BLAND_DETAIL), Some(Provider::Bland));
}
