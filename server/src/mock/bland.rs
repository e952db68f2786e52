//! Bland AI: `GET /v1/calls` (`{count, calls}` for the index range
//! `from`..`to`, newest first unless `ascending=true`; filters
//! `start_date`/`end_date` as days, `completed`, `campaign_id`) and
//! `GET /v1/calls/{call_id}` (transcripts, recording, summary, price), as
//! Bland's API reference describes them.

use axum::extract::{Path, Query as Q, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use callboard::core::{Call, CallDetail, CallStatus, Direction, Provider, Speaker};
use serde_json::{json, Value};

use super::common::{json, number, ok, param, rows, text, AppState, Params};

const P: Provider = Provider::Bland;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/calls", get(list))
        .route("/v1/calls/{id}", get(detail))
}

/// Bland's error body.
fn error(status: StatusCode, message: &str) -> Response {
    json(
        status,
        &json!({"status": "error", "message": message, "errors": [message]}),
    )
}

/// Bland's timestamps: ISO with microseconds and `+00:00`.
fn stamp(ms: i64) -> String {
    let iso = callboard::core::time::format_iso8601(ms);
    let base = iso.trim_end_matches('Z');
    let (secs, millis) = base.split_once('.').unwrap_or((base, "000"));
    format!("{secs}.{millis:0<6}+00:00")
}

fn light(c: &Call) -> Value {
    let inbound = c.direction == Direction::Inbound;
    let (from, to) = if inbound {
        (&c.customer_number, &c.agent_number)
    } else {
        (&c.agent_number, &c.customer_number)
    };
    json!({
        "call_id": c.id,
        "created_at": c.created_at.or(c.started_at).map(stamp),
        "call_length": c.duration_ms.map(|d| (d as f64 / 60_000.0 * 1000.0).round() / 1000.0),
        "to": to,
        "from": from,
        "inbound": inbound,
        "completed": c.status == CallStatus::Completed,
        "queue_status": if c.status == CallStatus::Completed { "complete" } else { "started" },
        "answered_by": if c.status_raw.as_deref() == Some("failed") { Value::Null } else { json!("human") },
        "batch_id": c.campaign_id.as_ref().map(|id| format!("batch-{id}")),
        "campaign_id": c.campaign_id,
        "error_message": null,
    })
}

/// The call as `GET` of its detail answers it (also what its webhooks carry).
pub(super) fn full(d: &CallDetail) -> Value {
    let c = &d.call;
    let mut v = light(c);
    let start = c.started_at.unwrap_or_default();
    let transcripts: Vec<Value> = d
        .transcript
        .iter()
        .flat_map(|t| t.turns.iter())
        .enumerate()
        .map(|(i, turn)| {
            let user = if turn.speaker == Speaker::Agent {
                "assistant"
            } else {
                "user"
            };
            json!({
                "id": i + 1,
                "created_at": stamp(start + turn.start_ms.unwrap_or(0)),
                "text": turn.text,
                "user": user,
            })
        })
        .collect();
    let concatenated = transcripts
        .iter()
        .filter_map(|t| Some(format!("{}: {}", t["user"].as_str()?, t["text"].as_str()?)))
        .collect::<Vec<_>>()
        .join(" \n");
    if let Some(o) = v.as_object_mut() {
        o.insert("started_at".into(), json!(c.started_at.map(stamp)));
        // The max-duration cutoff, not when the call ended.
        o.insert(
            "end_at".into(),
            json!(c.started_at.map(|s| stamp(s + 30 * 60_000))),
        );
        o.insert("transcripts".into(), Value::Array(transcripts));
        o.insert("concatenated_transcript".into(), json!(concatenated));
        o.insert("recording_url".into(), json!(c.recording.mono));
        o.insert("summary".into(), json!(c.summary));
        o.insert("price".into(), json!(c.cost.map(|k| k.amount)));
        o.insert(
            "call_ended_by".into(),
            json!(if c.end_reason.as_deref() == Some("assistant-ended-call") {
                "ASSISTANT"
            } else {
                "USER"
            }),
        );
        o.insert("status".into(), json!(c.status_raw));
    }
    v
}

/// `YYYY-MM-DD` as the UTC midnight it starts, in epoch ms.
fn date(params: &Params, key: &str) -> Result<Option<i64>, String> {
    match param(params, key) {
        None => Ok(None),
        Some(d) => callboard::core::time::parse_iso8601(&format!("{d}T00:00:00Z"))
            .map(Some)
            .ok_or_else(|| format!("{key} must be a date as YYYY-MM-DD")),
    }
}

async fn list(State(state): State<AppState>, Q(params): Q<Params>) -> Response {
    let (from, to, limit) = match (
        number(&params, "from", 0..=1_000_000),
        number(&params, "to", 0..=1_000_000),
        number(&params, "limit", 1..=1000),
    ) {
        (Ok(f), Ok(t), Ok(l)) => (f.unwrap_or(0) as usize, t, l.unwrap_or(1000) as usize),
        _ => {
            return error(
                StatusCode::BAD_REQUEST,
                "from, to and limit must be whole numbers",
            )
        }
    };
    let (start, end) = match (date(&params, "start_date"), date(&params, "end_date")) {
        (Ok(s), Ok(e)) => (s, e.map(|e| e + 86_400_000)),
        (Err(m), _) | (_, Err(m)) => return error(StatusCode::BAD_REQUEST, &m),
    };
    let ascending = param(&params, "ascending") == Some("true");
    let completed = param(&params, "completed").map(|c| c == "true");
    let campaign = text(&params, "campaign_id");
    let data = state.data();
    let mut all: Vec<&Call> = rows(&data, P)
        .iter()
        .filter(|c| {
            let at = c.created_at.or(c.started_at).unwrap_or_default();
            start.is_none_or(|s| at >= s) && end.is_none_or(|e| at < e)
        })
        .filter(|c| completed.is_none_or(|want| (c.status == CallStatus::Completed) == want))
        .filter(|c| campaign.is_none() || c.campaign_id == campaign)
        .collect();
    all.sort_by_key(|c| c.created_at.or(c.started_at).unwrap_or_default());
    if !ascending {
        all.reverse();
    }
    let end_index = to
        .map_or(all.len(), |t| t as usize)
        .min(from.saturating_add(limit));
    let calls: Vec<Value> = all
        .iter()
        .skip(from)
        .take(end_index.saturating_sub(from))
        .map(|c| light(c))
        .collect();
    ok(&json!({"count": all.len(), "calls": calls}))
}

async fn detail(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match state.data().view(P).get(&id) {
        Some(d) => ok(&full(d)),
        None => error(StatusCode::NOT_FOUND, "Call not found"),
    }
}
