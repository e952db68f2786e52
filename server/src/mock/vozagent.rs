//! VozAgent: `GET /v1/calls` answers a bare array (no total);
//! `GET /v1/calls/{id}` adds numbers, transcript text, summary, cost.

use axum::extract::{Path, Query as Q, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use callboard::core::{Call, CallDetail, Direction, ExtraValue, Filters, Provider, Query};
use serde_json::{json, Value};

use super::common::{
    iso, json, matching, number, ok, param, put, rows, text, text_transcript, window, AppState,
    Params,
};

const P: Provider = Provider::VozAgent;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/calls", get(list))
        .route("/v1/calls/{id}", get(detail))
}

fn error(status: StatusCode, code: &str, message: &str, details: Value) -> Response {
    json(
        status,
        &json!({"error": {"code": code, "message": message, "details": details}}),
    )
}

fn extra_text(c: &Call, key: &str) -> Option<String> {
    match c.extra(key) {
        Some(ExtraValue::Text(t)) => Some(t.to_lowercase().replace(' ', "_")),
        _ => None,
    }
}

fn light(c: &Call) -> Value {
    let mut v = json!({
        "id": c.id,
        "contact_id": c.contact_id,
        "assistant_id": c.agent_id,
        "call_type": c.direction_raw,
        "call_status": c.status_raw,
        "duration_seconds": c.duration_ms.map(|d| d / 1000),
        "call_started_at": c.started_at.map(iso),
        "call_ended_at": c.ended_at.map(iso),
        "appointment_booked": matches!(c.extra("appointment_booked"), Some(ExtraValue::Flag(true))),
        "lead_qualification": extra_text(c, "lead_qualification"),
    });
    // `call_intent` is sometimes absent, as the seed shows.
    if c.summary.is_some() {
        put(
            &mut v,
            "call_intent",
            json!(if c.successful == Some(true) {
                "new_quote"
            } else {
                "information_request"
            }),
        );
    }
    v
}

fn full(d: &CallDetail) -> Value {
    let c = &d.call;
    let mut v = light(c);
    put(&mut v, "customer_phone_number", json!(c.customer_number));
    put(&mut v, "assistant_phone_number", json!(c.agent_number));
    put(
        &mut v,
        "transcript",
        json!(d
            .transcript
            .as_ref()
            .map(|t| text_transcript(t, "Assistant", "Customer"))),
    );
    put(&mut v, "analysis_summary", json!(c.summary));
    put(&mut v, "recording_url", json!(c.recording.mono));
    put(&mut v, "cost", json!(c.cost.map(|k| k.amount)));
    v
}

async fn list(State(state): State<AppState>, Q(params): Q<Params>) -> Response {
    let limit = match number(&params, "limit", 0..=100) {
        Ok(n) => n.unwrap_or(50) as usize,
        Err(m) => {
            return error(
                StatusCode::BAD_REQUEST,
                "invalid_parameter",
                &m,
                json!({"limit": m}),
            )
        }
    };
    let offset = match number(&params, "offset", 0..=1_000_000) {
        Ok(n) => n.unwrap_or(0) as usize,
        Err(m) => {
            return error(
                StatusCode::BAD_REQUEST,
                "invalid_parameter",
                &m,
                json!({"offset": m}),
            )
        }
    };
    let status = text(&params, "status");
    if let Some(s) = status
        .as_deref()
        .filter(|s| !["completed", "in-progress", "failed"].contains(s))
    {
        let m = "status must be one of completed, in-progress, failed";
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
            m,
            json!({"status": s}),
        );
    }
    let direction = match param(&params, "call_type") {
        None => None,
        Some("inbound") => Some(Direction::Inbound),
        Some("outbound") => Some(Direction::Outbound),
        Some(other) => {
            let m = "call_type must be inbound or outbound";
            return error(
                StatusCode::BAD_REQUEST,
                "invalid_parameter",
                m,
                json!({"call_type": other}),
            );
        }
    };
    let filters = Filters {
        status,
        direction,
        contact_id: text(&params, "contact_id"),
        agent_id: text(&params, "assistant_id"),
        ..Filters::default()
    };
    let all = matching(rows(&state.data(), P), &Query::default(), &filters);
    ok(&Value::Array(
        window(&all, offset, limit).iter().map(light).collect(),
    ))
}

async fn detail(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match state.data().view(P).get(&id) {
        Some(d) => ok(&full(d)),
        None => error(
            StatusCode::NOT_FOUND,
            "not_found",
            "Call not found",
            json!({"id": id}),
        ),
    }
}
