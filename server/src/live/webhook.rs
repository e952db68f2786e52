//! Reading a provider's webhook: which event it is, for which call, and
//! what is relayed. The relayed data carries the provider's own call
//! object, as its detail endpoint returns it, so the widget reads it with
//! the adapter it already has.

use callboard::core::Provider;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

/// A webhook to relay.
#[derive(Debug, PartialEq)]
pub struct Delivery {
    /// The provider's event name (`call_ended`, `end-of-call-report`…).
    pub kind: String,
    /// The call's id.
    pub call_id: String,
    /// What makes a delivery the same as another (a provider's retry).
    pub key: String,
    /// The relayed data: `{"provider", "type", "call"}`, one line of JSON.
    pub data: String,
}

/// Why a webhook is not relayed.
#[derive(Debug, PartialEq, Eq)]
pub enum NotRelayed {
    /// Not JSON, or not the shape the provider sends (400).
    Malformed(String),
    /// An event the provider does not document (422).
    Unknown(String),
    /// An event the provider documents that the widget has no use for
    /// (202: taken, nothing relayed).
    Ignored(String),
}

/// The events each provider sends that are relayed, and those it
/// documents that are not.
fn events(p: Provider) -> (&'static [&'static str], &'static [&'static str]) {
    match p {
        Provider::Retell => (
            &[
                "call_started",
                "call_ended",
                "call_analyzed",
                "transcript_updated",
            ],
            &[
                "transfer_started",
                "transfer_bridged",
                "transfer_cancelled",
                "transfer_ended",
                "chat_started",
                "chat_ended",
                "chat_analyzed",
            ],
        ),
        Provider::Vapi => (
            &["status-update", "end-of-call-report"],
            &[
                "transcript",
                "conversation-update",
                "speech-update",
                "hang",
                "model-output",
                "tool-calls",
                "tool-calls-result",
                "transfer-destination-request",
                "transfer-update",
                "user-interrupted",
                "voice-input",
                "phone-call-control",
                "assistant-request",
                "knowledge-base-request",
                "language-change-detected",
                "call.endpointing.request",
                "chat.created",
                "chat.deleted",
                "session.created",
                "session.updated",
                "session.deleted",
                "assistant.started",
            ],
        ),
        Provider::ElevenLabs => (
            &["post_call_transcription"],
            &["post_call_audio", "call_initiation_failure"],
        ),
        Provider::Bland => (&["call"], &[]),
        _ => (&[], &[]),
    }
}

/// A hex SHA-256 of `bytes` (keys deliveries that differ each time).
fn digest(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn text<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str).filter(|s| !s.is_empty())
}

/// Reads provider `p`'s webhook `body`.
pub fn read(p: Provider, body: &[u8]) -> Result<Delivery, NotRelayed> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| NotRelayed::Malformed(format!("not JSON: {e}")))?;
    if !value.is_object() {
        return Err(NotRelayed::Malformed("not a JSON object".into()));
    }
    let malformed = |what: &str| NotRelayed::Malformed(format!("no {what}"));
    // The event's name, and the call object as the detail endpoint has it.
    let (kind, call): (&str, Value) = match p {
        Provider::Retell => {
            let kind = text(&value, "event")
                .or_else(|| text(&value, "event_type"))
                .ok_or_else(|| malformed("`event`"))?;
            (kind, value.get("call").cloned().unwrap_or(Value::Null))
        }
        Provider::Vapi => {
            let message = value.get("message").ok_or_else(|| malformed("`message`"))?;
            let kind = text(message, "type").ok_or_else(|| malformed("`message.type`"))?;
            (kind, vapi_call(message))
        }
        Provider::ElevenLabs => {
            let kind = text(&value, "type").ok_or_else(|| malformed("`type`"))?;
            (kind, value.get("data").cloned().unwrap_or(Value::Null))
        }
        // Bland posts the call itself, once, when it ends; the events it
        // streams during a call (`webhook_events`: `{level, message,
        // category, call_id}`) come to the same URL and are no call.
        Provider::Bland if value.get("level").is_some() && value.get("category").is_some() => {
            return Err(NotRelayed::Ignored(
                "a call's streamed event is not relayed".into(),
            ));
        }
        Provider::Bland => ("call", value.clone()),
        other => return Err(NotRelayed::Unknown(format!("{other} sends no webhooks"))),
    };
    let (relayed, documented) = events(p);
    if !relayed.contains(&kind) {
        return Err(if documented.contains(&kind) {
            NotRelayed::Ignored(format!("{kind} is not relayed"))
        } else {
            NotRelayed::Unknown(format!("unknown event {kind:?}"))
        });
    }
    let id_field = match p {
        Provider::Retell | Provider::Bland => "call_id",
        Provider::ElevenLabs => "conversation_id",
        _ => "id",
    };
    let call_id = text(&call, id_field)
        .ok_or_else(|| malformed(&format!("call with an `{id_field}`")))?
        .to_owned();
    let key = match (p, kind) {
        // Each transcript update differs; a retry of one is the same body.
        (Provider::Retell, "transcript_updated") => format!("retell:{}", digest(body)),
        // One per status a call passes through.
        (Provider::Vapi, "status-update") => format!(
            "vapi:status-update:{call_id}:{}",
            value
                .get("message")
                .and_then(|m| text(m, "status"))
                .unwrap_or_default()
        ),
        _ => format!("{}:{kind}:{call_id}", p.id()),
    };
    let data = json!({ "provider": p.id(), "type": kind, "call": call }).to_string();
    Ok(Delivery {
        kind: kind.to_owned(),
        call_id,
        key,
        data,
    })
}

/// Vapi's call as `GET /call/{id}` returns it, from a server message: the
/// message's `call`, with what the message adds (a status update's
/// `status` and `endedReason`; the end-of-call report's artifacts,
/// analysis, times and cost), where the call lacks it.
fn vapi_call(message: &Value) -> Value {
    let mut call: Map<String, Value> = message
        .get("call")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    for key in [
        "status",
        "endedReason",
        "artifact",
        "analysis",
        "startedAt",
        "endedAt",
        "cost",
        "costBreakdown",
        "costs",
        "summary",
        "transcript",
        "messages",
        "recordingUrl",
        "stereoRecordingUrl",
    ] {
        if let Some(v) = message.get(key) {
            if !call.contains_key(key) {
                call.insert(key.to_owned(), v.clone());
            }
        }
    }
    if message.get("type").and_then(Value::as_str) == Some("end-of-call-report")
        && !call.contains_key("status")
    {
        call.insert("status".into(), Value::from("ended"));
    }
    Value::Object(call)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_share_a_key_and_updates_do_not() {
        let ended = br#"{"event":"call_ended","call":{"call_id":"c1","t":1}}"#;
        let again = br#"{"event":"call_ended","call":{"call_id":"c1","t":2}}"#;
        let key = |b: &[u8]| read(Provider::Retell, b).map(|d| d.key);
        assert_eq!(key(ended), key(again), "the same event for the same call");
        let t1 = br#"{"event":"transcript_updated","call":{"call_id":"c1","transcript":"a"}}"#;
        let t2 = br#"{"event":"transcript_updated","call":{"call_id":"c1","transcript":"a b"}}"#;
        assert_ne!(key(t1), key(t2), "each transcript update");
        let status = |s: &str| {
            let body =
                json!({"message": {"type": "status-update", "status": s, "call": {"id": "v1"}}});
            read(Provider::Vapi, body.to_string().as_bytes()).map(|d| d.key)
        };
        assert_ne!(status("ringing"), status("in-progress"));
        assert_eq!(status("ended"), status("ended"));
    }

    #[test]
    fn what_is_not_relayed_says_why() {
        assert!(matches!(
            read(Provider::Retell, b"[1]"),
            Err(NotRelayed::Malformed(_))
        ));
        assert!(matches!(
            read(Provider::Retell, b"{}"),
            Err(NotRelayed::Malformed(_))
        ));
        assert!(matches!(
            read(Provider::Vapi, br#"{"message":{"type":"speech-update"}}"#),
            Err(NotRelayed::Ignored(_))
        ));
        assert!(matches!(
            read(Provider::Vapi, br#"{"message":{"type":"self-destruct"}}"#),
            Err(NotRelayed::Unknown(_))
        ));
        let streamed =
            br#"{"level":"call","message":"Call started","category":"info","call_id":"b1"}"#;
        assert!(matches!(
            read(Provider::Bland, streamed),
            Err(NotRelayed::Ignored(_))
        ));
        assert!(matches!(
            read(Provider::Bland, br#"{"status":"completed"}"#),
            Err(NotRelayed::Malformed(_))
        ));
        assert!(matches!(
            read(Provider::AgentVoice, b"{}"),
            Err(NotRelayed::Unknown(_))
        ));
    }

    #[test]
    fn vapi_reports_add_what_the_call_lacks() {
        let body = json!({"message": {
            "type": "end-of-call-report",
            "endedReason": "customer-ended-call",
            "call": {"id": "v1", "endedReason": "from-the-call"},
            "artifact": {"transcript": "AI: Hi"},
            "analysis": {"summary": "Short."}
        }});
        let d =
            read(Provider::Vapi, body.to_string().as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
        let relayed: Value = serde_json::from_str(&d.data).unwrap_or_default();
        let call = relayed.get("call").cloned().unwrap_or_default();
        assert_eq!(
            call.get("endedReason"),
            Some(&json!("from-the-call")),
            "the call's own kept"
        );
        assert_eq!(call.get("analysis"), Some(&json!({"summary": "Short."})));
        assert_eq!(call.get("status"), Some(&json!("ended")));
    }
}
