//! Vapi: `GET /call` answers a bare array newest first; `createdAtLt` pages
//! backwards. `GET /call/{id}` adds the artifact (recordings, messages).

use axum::extract::{Path, Query as Q, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use callboard::core::time::parse_iso8601;
use callboard::core::{
    Call, CallDetail, Direction, Filters, Provider, Query, Sort, SortDir, SortField, Speaker,
    ToolEvent, ToolEventKind,
};
use serde_json::{json, Value};

use super::common::{
    iso, json, matching, number, ok, param, put, put_in, rows, text, text_transcript,
    without_nulls, AppState, Params,
};

const P: Provider = Provider::Vapi;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/call", get(list))
        .route("/call/{id}", get(detail))
}

fn error(status: StatusCode, message: &str) -> Response {
    let name = if status == StatusCode::NOT_FOUND {
        "Not Found"
    } else {
        "Bad Request"
    };
    json(
        status,
        &json!({"message": [message], "error": name, "statusCode": status.as_u16()}),
    )
}

fn call(c: &Call) -> Value {
    // Vapi omits what a call does not have rather than sending `null`.
    let mut v = without_nulls(json!({
        "id": c.id,
        "orgId": "org-callboard-demo",
        "assistantId": c.agent_id,
        "assistant": {"name": c.agent_name},
        "type": if c.direction == Direction::Inbound { "inboundPhoneCall" } else { "outboundPhoneCall" },
        "status": c.status_raw,
        "endedReason": c.end_reason,
        "createdAt": c.created_at.map(iso),
        "updatedAt": c.ended_at.or(c.created_at).map(iso),
        "startedAt": c.started_at.map(iso),
        "endedAt": c.ended_at.map(iso),
        "customer": {"number": c.customer_number, "name": c.customer_name},
        // A transient number (`ImportTwilioPhoneNumberDTO`); saved numbers
        // come as `phoneNumberId` alone.
        "phoneNumber": c.agent_number.as_ref().map(|n| json!({"twilioPhoneNumber": n, "twilioAccountSid": "AC00000000000000000000000000000000"})),
        "cost": c.cost.map(|k| k.amount),
        "analysis": {"summary": c.summary, "successEvaluation": c.successful.map(|b| b.to_string())},
    }));
    if c.recording.mono.is_some() {
        put(
            &mut v,
            "artifact",
            // The current shape (Vapi's OpenAPI `Recording`); the
            // deprecated `recordingUrl` fields are gone.
            json!({"recording": {"stereoUrl": c.recording.stereo, "mono": {"combinedUrl": c.recording.mono}}}),
        );
    }
    v
}

/// A tool call or its result as a message (`ToolCallMessage` with
/// `ToolCall`s, `ToolCallResultMessage`); Vapi lists no node transitions or
/// key presses among the messages.
fn tool_message(e: &ToolEvent, start: i64) -> Option<Value> {
    let at = e.at_ms.unwrap_or(0);
    let (time, seconds) = (start + at, at as f64 / 1000.0);
    let id = e.call_id.clone().unwrap_or_default();
    let detail = e.detail.clone().unwrap_or_default();
    match e.kind {
        ToolEventKind::Invocation => Some(json!({
            "role": "tool_calls",
            "message": "",
            "time": time,
            "secondsFromStart": seconds,
            "toolCalls": [{"id": id, "type": "function", "function": {"name": e.name, "arguments": detail}}],
        })),
        ToolEventKind::Result => Some(json!({
            "role": "tool_call_result",
            "toolCallId": id,
            "name": e.name,
            "result": detail,
            "time": time,
            "secondsFromStart": seconds,
        })),
        ToolEventKind::NodeTransition | ToolEventKind::Dtmf => None,
    }
}

/// The call as `GET` of its detail answers it (also what its webhooks carry).
pub(super) fn full(d: &CallDetail) -> Value {
    let mut v = call(&d.call);
    if let Some(t) = &d.transcript {
        let start = d.call.started_at.unwrap_or_default();
        let mut messages = vec![
            json!({"role": "system", "message": "You are a helpful voice agent.", "time": start, "secondsFromStart": 0}),
        ];
        let mut events = t.events.iter().peekable();
        for (i, turn) in t.turns.iter().enumerate() {
            messages.extend(
                std::iter::from_fn(|| events.next_if(|e| e.turns_before <= i))
                    .filter_map(|e| tool_message(e, start)),
            );
            let role = if turn.speaker == Speaker::Agent {
                "bot"
            } else {
                "user"
            };
            let (s, e) = (turn.start_ms.unwrap_or(0), turn.end_ms.unwrap_or(0));
            messages.push(json!({"role": role, "message": turn.text, "time": start + s, "endTime": start + e, "secondsFromStart": s as f64 / 1000.0, "duration": e - s}));
        }
        messages.extend(events.filter_map(|e| tool_message(e, start)));
        put_in(
            &mut v,
            "artifact",
            "transcript",
            json!(text_transcript(t, "AI", "User")),
        );
        put_in(&mut v, "artifact", "messages", Value::Array(messages));
    }
    v
}

async fn list(State(state): State<AppState>, Q(params): Q<Params>) -> Response {
    let limit = match number(&params, "limit", 1..=1000) {
        Ok(l) => l.unwrap_or(100) as usize,
        Err(m) => return error(StatusCode::BAD_REQUEST, &m),
    };
    let mut bounds = [None; 4];
    for (slot, key) in
        bounds
            .iter_mut()
            .zip(["createdAtGt", "createdAtGe", "createdAtLt", "createdAtLe"])
    {
        if let Some(v) = param(&params, key) {
            match parse_iso8601(v) {
                Some(ms) => *slot = Some(ms),
                None => {
                    return error(
                        StatusCode::BAD_REQUEST,
                        &format!("{key} must be a valid ISO 8601 date string"),
                    )
                }
            }
        }
    }
    let [gt, ge, lt, le] = bounds;
    let q = Query {
        sort: Some(Sort {
            field: SortField::CreatedAt,
            dir: SortDir::Desc,
        }),
        ..Query::default()
    };
    let filters = Filters {
        agent_id: text(&params, "assistantId"),
        ..Filters::default()
    };
    let calls: Vec<Value> = matching(rows(&state.data(), P), &q, &filters)
        .iter()
        .filter(|c| {
            let t = c.created_at.unwrap_or(i64::MIN);
            gt.is_none_or(|b| t > b)
                && ge.is_none_or(|b| t >= b)
                && lt.is_none_or(|b| t < b)
                && le.is_none_or(|b| t <= b)
        })
        .take(limit)
        .map(call)
        .collect();
    ok(&Value::Array(calls))
}

async fn detail(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match state.data().view(P).get(&id) {
        Some(d) => ok(&full(d)),
        None => error(StatusCode::NOT_FOUND, "Call not found"),
    }
}
