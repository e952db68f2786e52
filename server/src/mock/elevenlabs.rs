//! ElevenLabs Conversational AI: `GET /v1/convai/conversations` (cursor
//! pages, `{conversations, next_cursor, has_more}`, filters in unix
//! seconds), `GET /v1/convai/conversations/{id}` (transcript with
//! `time_in_call_secs`, metadata, analysis, `has_audio`) and
//! `GET /v1/convai/conversations/{id}/audio` (the recording itself), in the
//! shapes of ElevenLabs' OpenAPI definition and its SDK's wire tests.

use axum::extract::{Path, Query as Q, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use callboard::core::{
    Call, CallDetail, Direction, Filters, Provider, Query, Speaker, ToolEvent, ToolEventKind,
};
use serde_json::{json, Value};

use super::common::{json, matching, number, ok, param, rows, text, AppState, Params};
use super::recordings::serve_index;

const P: Provider = Provider::ElevenLabs;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/convai/conversations", get(list))
        .route("/v1/convai/conversations/{id}", get(detail))
        .route("/v1/convai/conversations/{id}/audio", get(audio))
}

/// ElevenLabs' error body (`{"detail": {"status", "message"}}`).
fn error(status: StatusCode, message: &str) -> Response {
    json(
        status,
        &json!({"detail": {"status": "invalid_request", "message": message}}),
    )
}

fn outcome_of(c: &Call) -> &'static str {
    match c.successful {
        Some(true) => "success",
        Some(false) => "failure",
        None => "unknown",
    }
}

/// Whole seconds (ElevenLabs states times and durations as integers).
fn whole_seconds(ms: Option<i64>) -> Option<i64> {
    ms.map(|ms| ms.div_euclid(1_000))
}

/// A short title from a summary, as ElevenLabs writes one: its first
/// clause, at most six words.
fn title(summary: &str) -> String {
    let clause = summary.split([';', ',', '.']).next().unwrap_or(summary);
    clause
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A list item (`ConversationSummaryResponseModel`).
fn summary(c: &Call) -> Value {
    json!({
        "agent_id": c.agent_id,
        "agent_name": c.agent_name,
        "conversation_id": c.id,
        "start_time_unix_secs": whole_seconds(c.started_at),
        "call_duration_secs": whole_seconds(c.duration_ms),
        "message_count": 0,
        "status": c.status_raw,
        "call_successful": outcome_of(c),
        "transcript_summary": c.summary,
        "call_summary_title": c.summary.as_deref().map(title),
        "direction": c.direction_raw,
        "termination_reason": c.end_reason,
    })
}

/// Tool calls and their results between two turns as turns of the agent
/// without words, one a call with its result
/// (`ConversationHistoryTranscriptToolCallCommonModel`,
/// `ConversationHistoryTranscriptOtherToolsResultCommonModel`); ElevenLabs
/// lists no node transitions or key presses in a transcript.
fn tool_turns(events: &[&ToolEvent]) -> Vec<Value> {
    let mut turns: Vec<Value> = Vec::new();
    for e in events {
        let request_id = e.call_id.clone().unwrap_or_default();
        let detail = e.detail.clone().unwrap_or_default();
        match e.kind {
            ToolEventKind::Invocation => turns.push(json!({
                "role": "agent",
                "message": null,
                "time_in_call_secs": whole_seconds(e.at_ms).unwrap_or(0),
                "tool_calls": [{
                    "request_id": request_id,
                    "tool_name": e.name,
                    "params_as_json": detail,
                    "tool_has_been_called": true,
                    "type": "webhook",
                }],
                "tool_results": [],
                "interrupted": false,
            })),
            ToolEventKind::Result => {
                let result = json!({
                    "request_id": request_id,
                    "tool_name": e.name,
                    "result_value": detail,
                    "is_error": e.success == Some(false),
                    "tool_has_been_called": true,
                    "tool_latency_secs": 0.12,
                    "type": "webhook",
                });
                let its_call = turns.iter_mut().rev().find(|t| {
                    t.pointer("/tool_calls/0/request_id")
                        .and_then(Value::as_str)
                        == Some(request_id.as_str())
                });
                if let Some(Value::Array(results)) =
                    its_call.and_then(|t| t.get_mut("tool_results"))
                {
                    results.push(result);
                }
            }
            ToolEventKind::NodeTransition | ToolEventKind::Dtmf => {}
        }
    }
    turns
}

/// The detail (`GetConversationResponseModel`).
/// The call as `GET` of its detail answers it (also what its webhooks carry).
pub(super) fn full(d: &CallDetail) -> Value {
    let c = &d.call;
    let mut transcript: Vec<Value> = Vec::new();
    if let Some(t) = &d.transcript {
        let mut events = t.events.iter().peekable();
        for (i, turn) in t.turns.iter().enumerate() {
            let before: Vec<&ToolEvent> =
                std::iter::from_fn(|| events.next_if(|e| e.turns_before <= i)).collect();
            transcript.extend(tool_turns(&before));
            let role = if turn.speaker == Speaker::Agent {
                "agent"
            } else {
                "user"
            };
            transcript.push(json!({
                "role": role,
                "message": turn.text,
                "time_in_call_secs": whole_seconds(turn.start_ms).unwrap_or(0),
                "tool_calls": [],
                "tool_results": [],
                "interrupted": false,
            }));
        }
        let after: Vec<&ToolEvent> = events.collect();
        transcript.extend(tool_turns(&after));
    }
    let inbound = c.direction == Direction::Inbound;
    json!({
        "agent_id": c.agent_id,
        "conversation_id": c.id,
        "status": c.status_raw,
        "user_id": null,
        "transcript": transcript,
        "metadata": {
            "start_time_unix_secs": whole_seconds(c.started_at),
            "call_duration_secs": whole_seconds(c.duration_ms),
            "cost": c.cost.map(|k| (k.amount * 1000.0).round() as i64),
            "termination_reason": c.end_reason.clone().unwrap_or_default(),
            // `ConversationHistoryTwilioPhoneCallModel`.
            "phone_call": {
                "direction": if inbound { "inbound" } else { "outbound" },
                "type": "twilio",
                "phone_number_id": "phnum_demo",
                "agent_number": c.agent_number.clone().unwrap_or_default(),
                "external_number": c.customer_number.clone().unwrap_or_default(),
                "stream_sid": format!("MZ{}", c.id.get(5..21).unwrap_or_default()),
                "call_sid": format!("CA{}", c.id.get(5..21).unwrap_or_default()),
            },
        },
        "analysis": {
            "evaluation_criteria_results": {},
            "data_collection_results": {},
            "call_successful": outcome_of(c),
            "transcript_summary": c.summary.clone().unwrap_or_default(),
        },
        "has_audio": c.recording.proxy_path.is_some(),
        "has_user_audio": c.recording.proxy_path.is_some(),
        "has_response_audio": c.recording.proxy_path.is_some(),
    })
}

/// A unix-seconds parameter as epoch ms.
fn unix(params: &Params, key: &str) -> Result<Option<i64>, String> {
    number(params, key, 0..=32_503_680_000).map(|s| s.map(|s| s as i64 * 1_000))
}

async fn list(State(state): State<AppState>, Q(params): Q<Params>) -> Response {
    let size = match number(&params, "page_size", 1..=100) {
        Ok(s) => s.unwrap_or(30) as usize,
        Err(m) => return error(StatusCode::UNPROCESSABLE_ENTITY, &m),
    };
    let bounds = (
        unix(&params, "call_start_after_unix"),
        unix(&params, "call_start_before_unix"),
        number(&params, "call_duration_min_secs", 0..=86_400),
        number(&params, "call_duration_max_secs", 0..=86_400),
    );
    let (Ok(after), Ok(before), Ok(min), Ok(max)) = bounds else {
        return error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "time and duration filters must be whole numbers of seconds",
        );
    };
    let filters = Filters {
        agent_id: text(&params, "agent_id"),
        search: text(&params, "search"),
        date_from: after,
        date_to: before.map(|b| b + 1_000),
        min_duration_ms: min.map(|s| s as i64 * 1_000),
        max_duration_ms: max.map(|s| s as i64 * 1_000),
        ..Filters::default()
    };
    let outcome = param(&params, "call_successful");
    if outcome.is_some_and(|o| !matches!(o, "success" | "failure" | "unknown")) {
        return error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "call_successful must be success, failure or unknown",
        );
    }
    let all: Vec<Call> = matching(rows(&state.data(), P), &Query::default(), &filters)
        .into_iter()
        .filter(|c| outcome.is_none_or(|o| outcome_of(c) == o))
        .collect();
    // The cursor is the position to continue from (opaque to clients).
    let start = match param(&params, "cursor") {
        None => 0,
        Some(c) => match c.strip_prefix("cur_").and_then(|n| n.parse::<usize>().ok()) {
            Some(n) => n,
            None => return error(StatusCode::UNPROCESSABLE_ENTITY, "invalid cursor"),
        },
    };
    let page: Vec<Value> = all.iter().skip(start).take(size).map(summary).collect();
    let has_more = start + page.len() < all.len();
    ok(&json!({
        "conversations": page,
        "next_cursor": has_more.then(|| format!("cur_{}", start + size)),
        "has_more": has_more,
    }))
}

async fn detail(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match state.data().view(P).get(&id) {
        Some(d) => ok(&full(d)),
        None => error(StatusCode::NOT_FOUND, "Conversation not found"),
    }
}

async fn audio(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let data = state.data();
    let view = data.view(P);
    match (view.get(&id), view.index_of(&id)) {
        (Some(d), Some(index)) if d.call.recording.proxy_path.is_some() => {
            serve_index(&state, index, false, &headers)
        }
        _ => error(StatusCode::NOT_FOUND, "Conversation audio not found"),
    }
}
