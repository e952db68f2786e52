//! Smallest.ai Atoms: `GET /atoms/v1/conversation` (1-based pages, totals),
//! details with wall-clock transcript timestamps, and short-lived
//! recording links from `/recording/download-url`.

use std::time::{SystemTime, UNIX_EPOCH};

use axum::extract::{Path, Query as Q, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use callboard::core::time::parse_iso8601;
use callboard::core::{
    Call, CallDetail, Direction, ExtraValue, Filters, Provider, Query, Sort, SortDir, SortField,
    Speaker,
};
use serde_json::{json, Value};

use super::common::{
    iso, json, matching, number, ok, param, put, rows, text, window, without_nulls, AppState,
    Params,
};

const P: Provider = Provider::Smallest;
/// How long a fresh recording link works.
pub const LINK_TTL_MS: i64 = 300_000;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/atoms/v1/conversation", get(list))
        .route("/atoms/v1/conversation/{id}", get(detail))
        .route(
            "/atoms/v1/conversation/{id}/recording/download-url",
            get(download_url),
        )
}

fn error(status: StatusCode, messages: &[&str]) -> Response {
    json(status, &json!({"status": false, "errors": messages}))
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

fn log(c: &Call) -> Value {
    let inbound = c.direction == Direction::Inbound;
    let (from, to) = if inbound {
        (&c.customer_number, &c.agent_number)
    } else {
        (&c.agent_number, &c.customer_number)
    };
    let dispositions: Vec<Value> = c
        .extras
        .iter()
        .filter(|e| e.key != "is_test_call")
        .filter_map(|e| match &e.value {
            ExtraValue::Text(t) => Some(json!({"identifier": e.key, "value": t})),
            // Values are strings in Smallest's definition.
            ExtraValue::Flag(b) => Some(json!({"identifier": e.key, "value": b.to_string()})),
            _ => None,
        })
        .collect();
    // Absent fields are left out, not `null`.
    without_nulls(json!({
        "_id": format!("{:024x}", c.started_at.unwrap_or(0)),
        "callId": c.id,
        "status": c.status_raw,
        "duration": c.duration_ms.map(|d| d as f64 / 1000.0),
        "from": from,
        "to": to,
        "type": c.direction_raw,
        "agentId": c.agent_id,
        "campaignId": c.campaign_id,
        "recordingUrl": c.recording.mono.clone().unwrap_or_default(),
        "recordingDualUrl": c.recording.stereo.clone().unwrap_or_default(),
        "disconnectionReason": c.end_reason,
        "createdAt": c.created_at.map(iso),
        "callCost": c.cost.map(|k| (k.amount * 20.0 * 100.0).round() / 100.0),
        "postCallAnalytics": {"summary": c.summary, "dispositionMetrics": dispositions},
    }))
}

fn full(d: &CallDetail) -> Value {
    let mut v = log(&d.call);
    let start = d.call.created_at.unwrap_or_default();
    if let Some(t) = &d.transcript {
        put(&mut v, "transcript", t
            .turns
            .iter()
            .map(|turn| {
                let role = if turn.speaker == Speaker::Agent { "agent" } else { "user" };
                json!({"role": role, "content": turn.text, "timestamp": iso(start + turn.start_ms.unwrap_or(0))})
            })
            .collect());
    }
    let p50 = d.latency.first().map(|f| f.ms).unwrap_or(700);
    put(&mut v, "average_transcriber_latency", json!(p50 / 4));
    put(&mut v, "average_agent_latency", json!(p50 / 2));
    put(&mut v, "average_synthesizer_latency", json!(p50 / 4));
    v
}

fn parse(params: &Params) -> Result<(Query, usize, usize), String> {
    let page = number(params, "page", 1..=1_000_000)?.unwrap_or(1) as usize;
    let limit = number(params, "limit", 1..=500)?.unwrap_or(5) as usize;
    let field = match param(params, "sortBy") {
        None | Some("createdAt") => SortField::CreatedAt,
        Some("updatedAt") => SortField::UpdatedAt,
        Some("callDuration") => SortField::Duration,
        Some("avgLatency") => SortField::Latency,
        Some(_) => {
            return Err(
                "sortBy must be one of createdAt, updatedAt, callDuration, avgLatency".into(),
            )
        }
    };
    let dir = match param(params, "sortOrder") {
        None | Some("desc") => SortDir::Desc,
        Some("asc") => SortDir::Asc,
        Some(_) => return Err("sortOrder must be asc or desc".into()),
    };
    let direction = match param(params, "callTypes") {
        None => None,
        Some("telephony_inbound") => Some(Direction::Inbound),
        Some("telephony_outbound") => Some(Direction::Outbound),
        Some("webcall" | "chat") => Some(Direction::Web),
        Some(_) => {
            return Err(
                "callTypes must be telephony_inbound, telephony_outbound, webcall or chat".into(),
            )
        }
    };
    let date = |key: &str| match param(params, key) {
        None => Ok(None),
        Some(v) => parse_iso8601(v)
            .map(Some)
            .ok_or_else(|| format!("{key} must be an ISO-8601 date")),
    };
    let q = Query {
        sort: Some(Sort { field, dir }),
        filters: Filters {
            agent_id: text(params, "agentIds"),
            campaign_id: text(params, "campaignIds"),
            direction,
            search: text(params, "search"),
            status: text(params, "statusFilter"),
            end_reason: text(params, "disconnectReasonFilter"),
            date_from: date("dateFrom")?,
            date_to: date("dateTo")?,
            ..Filters::default()
        },
        ..Query::default()
    };
    Ok((q, page, limit))
}

async fn list(State(state): State<AppState>, Q(params): Q<Params>) -> Response {
    let (q, page, limit) = match parse(&params) {
        Ok(p) => p,
        Err(m) => return error(StatusCode::BAD_REQUEST, &[&m]),
    };
    let all = matching(rows(&state.data(), P), &q, &q.filters);
    let logs = window(&all, (page - 1) * limit, limit);
    let total_pages = all.len().div_ceil(limit);
    ok(&json!({
        "status": true,
        "data": {
            "logs": logs.iter().map(log).collect::<Vec<_>>(),
            "pagination": {"total": all.len(), "page": page, "limit": limit, "hasMore": page < total_pages, "totalPages": total_pages},
        },
    }))
}

async fn detail(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match state.data().view(P).get(&id) {
        Some(d) => ok(&json!({"status": true, "data": full(d)})),
        None => error(StatusCode::NOT_FOUND, &["Conversation not found"]),
    }
}

async fn download_url(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let data = state.data();
    let view = data.view(P);
    match (view.get(&id), view.index_of(&id)) {
        (Some(d), Some(i)) if d.call.recording.mono.is_some() => {
            let expires = now_ms() + LINK_TTL_MS;
            ok(
                &json!({"status": true, "data": {"url": format!("/recordings/{i}.wav?expires={expires}")}}),
            )
        }
        (Some(_), _) => error(
            StatusCode::NOT_FOUND,
            &["No recording for this conversation"],
        ),
        _ => error(StatusCode::NOT_FOUND, &["Conversation not found"]),
    }
}
