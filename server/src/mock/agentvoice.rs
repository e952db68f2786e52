//! AgentVoice: `GET /api/calls` (limit/offset, totals), `GET /api/calls/{id}`.

use axum::extract::{Path, Query as Q, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use callboard::core::time::parse_iso8601;
use callboard::core::words::Words;
use callboard::core::{
    Call, CallDetail, Direction, Filters, Provider, Query, Sort, SortDir, SortField,
};
use serde_json::{json, Value};

use super::common::{
    iso, json, matching, number, ok, param, put, rows, seconds, text, text_transcript, window,
    AppState, Params,
};

const P: Provider = Provider::AgentVoice;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/calls", get(list))
        .route("/api/calls/{id}", get(detail))
}

fn error(status: StatusCode, message: &str) -> Response {
    json(status, &json!({"error": message}))
}

fn light(c: &Call) -> Value {
    let (first, last) = c
        .customer_name
        .as_deref()
        .and_then(|n| n.split_once(' '))
        .map_or((None, None), |(f, l)| (Some(f), Some(l)));
    json!({
        "id": c.id,
        "agent_id": c.agent_id,
        "agent_name": c.agent_name,
        "contact_id": c.contact_id,
        "contact_first_name": first,
        "contact_last_name": last,
        "contact_email": first.map(|f| format!("{}@example.com", f.to_lowercase())),
        "phone_number": c.customer_number,
        "phone_number_called_from": c.agent_number,
        "call_type": c.direction_raw,
        "status": c.status_raw,
        "call_success": c.successful,
        "went_to_voicemail": c.status_raw.as_deref() == Some("voicemail"),
        "call_duration": c.duration_ms.map(|d| d / 1000),
        "started_at": c.started_at.map(iso),
        "ended_at": c.ended_at.map(iso),
        "ended_reason": c.end_reason,
        "recording_url": c.recording.mono,
        "campaign_id": c.campaign_id,
        "campaign_name": c.campaign_name,
        "created_at": c.created_at.map(iso),
    })
}

fn full(d: &CallDetail) -> Value {
    let mut v = light(&d.call);
    if let Some(t) = &d.transcript {
        put(
            &mut v,
            "transcript",
            json!(text_transcript(t, "Agent", "Customer")),
        );
        put(&mut v, "transcript_formatted", t
            .turns
            .iter()
            .map(|turn| json!({"speaker": turn.label, "text": turn.text, "start": turn.start_ms.map(seconds), "end": turn.end_ms.map(seconds)}))
            .collect());
    }
    put(&mut v, "call_description", json!(d.call.summary));
    put(
        &mut v,
        "post_call_analysis",
        json!({"sentiment": d.call.sentiment, "call_successful": d.call.successful}),
    );
    put(
        &mut v,
        "latency_metrics",
        d.latency
            .iter()
            .map(|f| {
                (
                    f.label_in(Words::ENGLISH).to_lowercase().replace(' ', "_"),
                    json!(f.ms),
                )
            })
            .collect(),
    );
    put(
        &mut v,
        "custom_analysis",
        d.call
            .extras
            .iter()
            .filter_map(|e| match &e.value {
                callboard::core::ExtraValue::Text(t) => Some((e.key.clone(), json!(t))),
                callboard::core::ExtraValue::Flag(b) => Some((e.key.clone(), json!(b))),
                _ => None,
            })
            .collect(),
    );
    v
}

/// The query and the raw offset.
fn parse(params: &Params) -> Result<(Query, usize), String> {
    let limit = number(params, "limit", 1..=100)?.unwrap_or(50) as u32;
    let offset = number(params, "offset", 0..=1_000_000)?.unwrap_or(0) as u32;
    let dir = match param(params, "order") {
        None | Some("desc") => SortDir::Desc,
        Some("asc") => SortDir::Asc,
        Some(_) => return Err("Invalid order parameter".into()),
    };
    let field = match param(params, "order_by") {
        None | Some("started_at") => SortField::StartedAt,
        Some("ended_at") => SortField::EndedAt,
        Some("created_at") => SortField::CreatedAt,
        Some(_) => return Err("Invalid order_by parameter".into()),
    };
    let date = |key: &str| match param(params, key) {
        None => Ok(None),
        Some(v) => parse_iso8601(v)
            .map(Some)
            .ok_or_else(|| format!("Invalid {key} date")),
    };
    let direction = match param(params, "call_type") {
        None => None,
        Some("inbound") => Some(Direction::Inbound),
        Some("outbound") => Some(Direction::Outbound),
        Some(_) => return Err("Invalid call_type parameter".into()),
    };
    Ok((
        Query {
            page_size: limit,
            sort: Some(Sort { field, dir }),
            filters: Filters {
                phone_number: text(params, "phone_number"),
                contact_id: text(params, "contact_id"),
                agent_id: text(params, "agent_id"),
                campaign_id: text(params, "campaign_id"),
                status: text(params, "status"),
                direction,
                date_from: date("from")?,
                date_to: date("to")?,
                ..Filters::default()
            },
            ..Query::default()
        },
        offset as usize,
    ))
}

async fn list(State(state): State<AppState>, Q(params): Q<Params>) -> Response {
    let (q, offset) = match parse(&params) {
        Ok(q) => q,
        Err(message) => return error(StatusCode::BAD_REQUEST, &message),
    };
    let all = matching(rows(&state.data(), P), &q, &q.filters);
    if param(&params, "most_recent") == Some("true") {
        return match all.first() {
            Some(c) => ok(&light(c)),
            None => error(StatusCode::NOT_FOUND, "No calls found matching criteria"),
        };
    }
    let page = window(&all, offset, q.page_size as usize);
    ok(&json!({
        "data": page.iter().map(light).collect::<Vec<_>>(),
        "pagination": {
            "total": all.len(),
            "limit": q.page_size,
            "offset": offset,
            "has_more": offset + page.len() < all.len(),
        },
    }))
}

async fn detail(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match state.data().view(P).get(&id) {
        Some(d) => ok(&full(d)),
        None => error(StatusCode::NOT_FOUND, "Call not found"),
    }
}
