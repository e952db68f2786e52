//! Talkover: `GET /api/v1/calls` and `GET /api/v1/agents/{agent_id}/calls`,
//! 1-based pages with totals, date-only filters, Laravel-style errors.

use axum::extract::{Path, Query as Q, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use callboard::core::time::parse_iso8601;
use callboard::core::{Call, Direction, ExtraValue, Filters, Provider, Query};
use serde_json::{json, Map, Value};

use super::common::{iso, json, matching, ok, param, put, rows, window, AppState, Params};

const P: Provider = Provider::Talkover;
const STATUSES: [&str; 7] = [
    "initiated",
    "ringing",
    "answered",
    "completed",
    "failed",
    "busy",
    "no-answer",
];

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/calls", get(all_calls))
        .route("/api/v1/calls/{id}", get(detail))
        .route("/api/v1/agents/{agent_id}/calls", get(agent_calls))
}

fn formatted(n: Option<&str>) -> Option<String> {
    n.map(callboard::core::phone::display)
}

fn light(c: &Call, with_agent: bool) -> Value {
    let inbound = c.direction == Direction::Inbound;
    let (from, to) = if inbound {
        (&c.customer_number, &c.agent_number)
    } else {
        (&c.agent_number, &c.customer_number)
    };
    let mut v = json!({
        "id": c.id,
        "sid": format!("CA{}", c.id.replace('-', "").get(..30).unwrap_or_default()),
        "to": to,
        "to_formatted": formatted(to.as_deref()),
        "from": from,
        "from_formatted": formatted(from.as_deref()),
        "is_testing": matches!(c.extra("is_test_call"), Some(ExtraValue::Flag(true))),
        "direction": c.direction_raw,
        "status": c.status_raw,
        "duration": c.duration_ms.map(|d| d / 1000),
        "created_at": c.started_at.map(iso),
        "updated_at": c.ended_at.or(c.started_at).map(iso),
    });
    if with_agent {
        put(
            &mut v,
            "agent",
            json!({"id": c.agent_id, "name": c.agent_name}),
        );
    }
    v
}

fn validation(errors: Map<String, Value>) -> Response {
    json(
        StatusCode::UNPROCESSABLE_ENTITY,
        &json!({"success": false, "message": "The given data was invalid.", "errors": errors}),
    )
}

fn list(state: &AppState, params: &Params, agent: Option<String>) -> Response {
    let mut errors = Map::new();
    let status = param(params, "status").map(str::to_owned);
    if status.as_deref().is_some_and(|s| !STATUSES.contains(&s)) {
        errors.insert("status".into(), json!(["The selected status is invalid."]));
    }
    let direction = match param(params, "direction") {
        None => None,
        Some("inbound") => Some(Direction::Inbound),
        Some("outbound") => Some(Direction::Outbound),
        Some(_) => {
            errors.insert(
                "direction".into(),
                json!(["The selected direction is invalid."]),
            );
            None
        }
    };
    let mut date = |key: &str, label: &str| match param(params, key) {
        None => None,
        Some(v) if v.len() == 10 => parse_iso8601(v).or_else(|| {
            errors.insert(
                key.into(),
                json!([format!("The {label} must be a valid date.")]),
            );
            None
        }),
        Some(_) => {
            errors.insert(
                key.into(),
                json!([format!("The {label} must be a valid date.")]),
            );
            None
        }
    };
    let date_from = date("date_from", "date from");
    let date_to = date("date_to", "date to").map(|d| d + 86_400_000);
    let per_page = param(params, "per_page")
        .map(|v| v.parse::<usize>().ok().filter(|n| (1..=100).contains(n)));
    let page = param(params, "page").map(|v| v.parse::<usize>().ok().filter(|n| *n >= 1));
    if matches!(per_page, Some(None)) {
        errors.insert(
            "per_page".into(),
            json!(["The per page must be between 1 and 100."]),
        );
    }
    if matches!(page, Some(None)) {
        errors.insert("page".into(), json!(["The page must be at least 1."]));
    }
    if !errors.is_empty() {
        return validation(errors);
    }
    let (per_page, page) = (
        per_page.flatten().unwrap_or(20),
        page.flatten().unwrap_or(1),
    );
    let filters = Filters {
        status,
        direction,
        agent_id: agent.clone(),
        search: param(params, "search").map(str::to_owned),
        date_from,
        date_to,
        ..Filters::default()
    };
    let all = matching(rows(&state.data(), P), &Query::default(), &filters);
    let rows = window(&all, (page - 1) * per_page, per_page);
    let last_page = all.len().div_ceil(per_page).max(1);
    let from = (!rows.is_empty()).then(|| (page - 1) * per_page + 1);
    ok(&json!({
        "success": true,
        "data": rows.iter().map(|c| light(c, agent.is_none())).collect::<Vec<_>>(),
        "pagination": {
            "current_page": page,
            "last_page": last_page,
            "per_page": per_page,
            "total": all.len(),
            "from": from,
            "to": from.map(|f| f + rows.len() - 1),
        },
    }))
}

async fn all_calls(State(state): State<AppState>, Q(params): Q<Params>) -> Response {
    let agent = param(&params, "agent_id").map(str::to_owned);
    list(&state, &params, agent)
}

async fn agent_calls(
    State(state): State<AppState>,
    Path(agent): Path<String>,
    Q(params): Q<Params>,
) -> Response {
    if !state
        .data()
        .view(P)
        .rows
        .iter()
        .any(|c| c.agent_id.as_deref() == Some(agent.as_str()))
    {
        return json(
            StatusCode::NOT_FOUND,
            &json!({"success": false, "message": "Agent not found"}),
        );
    }
    list(&state, &params, Some(agent))
}

async fn detail(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match state.data().view(P).get(&id) {
        Some(d) => ok(&json!({"success": true, "data": light(&d.call, true)})),
        None => json(
            StatusCode::NOT_FOUND,
            &json!({"success": false, "error": {"code": "CALL_NOT_FOUND", "message": "Call not found", "details": {"id": id}}}),
        ),
    }
}
