//! `auto` mode: recognising the provider from a response's shape.

use serde_json::Value;

use super::Provider;
use crate::core::json::{self, Obj};

/// The provider whose list or detail response `body` looks like.
pub(super) fn detect(body: &str) -> Option<Provider> {
    detect_value(&json::parse_body(body).ok()?)
}

fn detect_value(value: &Value) -> Option<Provider> {
    if let Some(items) = value.as_array() {
        return items.iter().find_map(|i| Obj::of(i).and_then(call_shape));
    }
    let o = Obj::of(value)?;
    // Retell's v3 list: `{items, pagination_key, has_more, total}`.
    if let Some(items) = o.arr("items") {
        return items.iter().find_map(|i| Obj::of(i).and_then(call_shape));
    }
    // ElevenLabs: `{conversations, next_cursor, has_more}`.
    if o.arr("conversations").is_some() {
        return Some(Provider::ElevenLabs);
    }
    // Bland: `{count, calls}`.
    if let Some(items) = o.arr("calls").filter(|_| o.get("count").is_some()) {
        return items
            .iter()
            .find_map(|i| Obj::of(i).and_then(call_shape))
            .or(Some(Provider::Bland));
    }
    if o.arr("data.calls").is_some() {
        return Some(Provider::Zudu);
    }
    if o.arr("data.logs").is_some() {
        return Some(Provider::Smallest);
    }
    if let Some(items) = o.arr("data") {
        if o.get("success").is_some()
            || o.obj("pagination")
                .is_some_and(|p| p.get("current_page").is_some())
        {
            return Some(Provider::Talkover);
        }
        if o.obj("pagination")
            .is_some_and(|p| p.get("offset").is_some() || p.get("has_more").is_some())
        {
            return Some(Provider::AgentVoice);
        }
        return items.iter().find_map(|i| Obj::of(i).and_then(call_shape));
    }
    // A detail response: the call itself, or the call inside an envelope.
    if let Some(inner) = o.obj("data") {
        let found = call_shape(inner);
        return match (found, o.get("success"), o.get("status")) {
            (Some(p), _, _) => Some(p),
            (None, Some(_), _) => Some(Provider::Talkover),
            _ => None,
        };
    }
    call_shape(o)
}

/// The provider a single call object's fields point to.
fn call_shape(o: Obj<'_>) -> Option<Provider> {
    let has = |k: &str| o.get(k).is_some();
    let p = if has("conversation_id")
        && (has("transcript") || has("start_time_unix_secs") || has("agent_id"))
    {
        Provider::ElevenLabs
    } else if has("call_length")
        || has("concatenated_transcript")
        || has("queue_status")
        || has("c_id")
    {
        Provider::Bland
    } else if has("callId") {
        Provider::Smallest
    } else if has("assistantId") || has("artifact") || has("endedReason") || has("startedAt") {
        Provider::Vapi
    } else if has("call_id") && (has("start_timestamp") || has("call_status") || has("call_type")) {
        // Zudu's and Retell's calls share most field names. Zudu's (its
        // API documents) carry their own uuid `id` beside `call_id`, the
        // length as `call_duration` and upper-case enums (`ENDED`,
        // `PHONE_CALL`, `INBOUND`); Retell's (`V2CallResponse` in its
        // OpenAPI definition) have none of these: `duration_ms` and
        // lower-case `ended`, `phone_call`, `inbound`. Both may carry a
        // `telephony_identifier` (Zudu's `call_sid`, Retell's
        // `twilio_call_sid`), so that decides nothing.
        let upper = |k: &str| {
            o.str(k)
                .is_some_and(|s| s.chars().any(|c| c.is_ascii_uppercase()))
        };
        if has("id")
            || has("call_duration")
            || upper("call_status")
            || upper("call_type")
            || upper("direction")
        {
            Provider::Zudu
        } else {
            Provider::Retell
        }
    } else if has("assistant_id") || has("call_started_at") || has("duration_seconds") {
        Provider::VozAgent
    } else if has("sid") || has("to_formatted") || has("from_formatted") {
        Provider::Talkover
    } else if has("phone_number_called_from")
        || has("agent_name")
        || has("call_duration")
        || has("started_at")
    {
        Provider::AgentVoice
    } else {
        return None;
    };
    Some(p)
}
