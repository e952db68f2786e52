//! Zudu: `GET /api/calls` without filters, `POST /api/calls` with a JSON
//! body when filtering; 0-based pages; `{message, status, error, data}`.

use axum::body::Bytes;
use axum::extract::{Path, Query as Q, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use callboard::core::{Call, Provider, Query, Sort, SortDir, SortField};
use serde_json::{json, Value};

use super::common::{
    json, matching, number, ok, put, rows, text_transcript, window, AppState, Params,
};
use super::retell::{call_json, criteria, detail_json, read_sort_order};

const P: Provider = Provider::Zudu;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/calls", get(list_get).post(list_post))
        .route("/api/calls/{id}", get(detail))
}

fn error(status: StatusCode, message: &str, error: &str) -> Response {
    json(
        status,
        &json!({"message": message, "status": "error", "error": error, "data": null}),
    )
}

fn zudu_call(v: Value, c: &Call) -> Value {
    let mut v = v;
    put(
        &mut v,
        "id",
        json!(format!(
            "{:0>8}-0000-4000-8000-{:0>12}",
            c.id.get(5..13).unwrap_or("0"),
            c.id.get(13..25).unwrap_or("0")
        )),
    );
    put(&mut v, "call_type", json!("PHONE_CALL"));
    put(&mut v, "organization_id", json!("org-789"));
    let duration = v
        .as_object_mut()
        .and_then(|o| o.remove("duration_ms"))
        .unwrap_or(Value::Null);
    put(&mut v, "call_duration", duration);
    put(
        &mut v,
        "public_log_url",
        json!(format!("https://logs.zudu.example/{}", c.id)),
    );
    put(
        &mut v,
        "telephony_identifier",
        json!({"call_sid": format!("CA{}", c.id.get(5..).unwrap_or_default())}),
    );
    v
}

fn page_json(q: &Query, kept: &[Call], page: usize, limit: usize, sort_by: &str) -> Response {
    let all = matching(kept, q, &q.filters);
    let rows = window(&all, page * limit, limit);
    let total_pages = all.len().div_ceil(limit.max(1));
    let calls: Vec<Value> = rows
        .iter()
        .map(|c| zudu_call(call_json(c, false), c))
        .collect();
    ok(&json!({
        "message": "Calls retrieved successfully",
        "status": "success",
        "error": null,
        "data": {
            "organization_id": "org-789",
            "calls": calls,
            "pagination": {
                "page": page,
                "limit": limit,
                "total_count": all.len(),
                "total_pages": total_pages,
                "has_next_page": page + 1 < total_pages,
                "has_previous_page": page > 0,
            },
            "returned_count": rows.len(),
            "sort_order": if q.sort.is_some_and(|s| s.dir == SortDir::Asc) { "ascending" } else { "descending" },
            "sort_by": sort_by,
            "applied_filters": {},
        },
    }))
}

async fn list_get(State(state): State<AppState>, Q(params): Q<Params>) -> Response {
    let page = match number(&params, "page", 0..=1_000_000) {
        Ok(p) => p.unwrap_or(0) as usize,
        Err(m) => return error(StatusCode::BAD_REQUEST, "Failed to retrieve calls", &m),
    };
    let limit = match number(&params, "limit", 1..=100) {
        Ok(l) => l.unwrap_or(20) as usize,
        Err(m) => return error(StatusCode::BAD_REQUEST, "Failed to retrieve calls", &m),
    };
    page_json(
        &Query::default(),
        rows(&state.data(), P),
        page,
        limit,
        "start_timestamp",
    )
}

async fn list_post(State(state): State<AppState>, body: Bytes) -> Response {
    let body: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => {
            return error(
                StatusCode::BAD_REQUEST,
                "Failed to retrieve calls",
                &format!("Invalid JSON body: {e}"),
            )
        }
    };
    let num = |key: &str, default: u64, max: u64| match body.get(key) {
        None | Some(Value::Null) => Ok(default),
        Some(v) => v
            .as_u64()
            .filter(|n| *n <= max)
            .ok_or(format!("{key} must be a whole number up to {max}")),
    };
    let (page, limit) = match (num("page", 0, 1_000_000), num("limit", 20, 100)) {
        (Ok(p), Ok(l)) if l > 0 => (p as usize, l as usize),
        (Err(m), _) | (_, Err(m)) => {
            return error(StatusCode::BAD_REQUEST, "Failed to retrieve calls", &m)
        }
        _ => {
            return error(
                StatusCode::BAD_REQUEST,
                "Failed to retrieve calls",
                "limit must be at least 1",
            )
        }
    };
    let sort_by = body
        .get("sort_by")
        .and_then(Value::as_str)
        .unwrap_or("start_timestamp");
    let field = match sort_by {
        "start_timestamp" => SortField::StartedAt,
        "end_timestamp" => SortField::EndedAt,
        "call_duration" => SortField::Duration,
        _ => {
            return error(
                StatusCode::BAD_REQUEST,
                "Failed to retrieve calls",
                "Invalid sort_by field",
            )
        }
    };
    let Some(dir) = read_sort_order(&body) else {
        return error(
            StatusCode::BAD_REQUEST,
            "Failed to retrieve calls",
            "Invalid sort_order",
        );
    };
    let data = state.data();
    let view = data.view(P);
    let transcript = |c: &Call| {
        view.get(&c.id)
            .and_then(|d| d.transcript.as_ref())
            .map(|t| text_transcript(t, "Agent", "User"))
            .unwrap_or_default()
    };
    let mut crit = body.get("filter_criteria").cloned();
    if let Some(Value::Object(o)) = crit.as_mut() {
        // Zudu's call types are PHONE_CALL / WEB_CALL; ours are all phone calls.
        if let Some(Value::Array(types)) = o.get("call_type") {
            let phone = types.iter().any(|t| {
                t.as_str()
                    .is_some_and(|t| t.eq_ignore_ascii_case("PHONE_CALL"))
            });
            o.insert(
                "call_type".into(),
                json!(if phone {
                    vec!["phone_call"]
                } else {
                    vec!["none"]
                }),
            );
        }
    }
    let kept = match criteria(rows(&state.data(), P), crit.as_ref(), transcript) {
        Ok(k) => k,
        Err(m) => return error(StatusCode::BAD_REQUEST, "Failed to retrieve calls", &m),
    };
    let q = Query {
        sort: Some(Sort { field, dir }),
        ..Query::default()
    };
    page_json(&q, &kept, page, limit, sort_by)
}

async fn detail(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match state.data().view(P).get(&id) {
        Some(d) => ok(&json!({
            "message": "Call retrieved successfully",
            "status": "success",
            "error": null,
            "data": zudu_call(detail_json(d, false), &d.call),
        })),
        None => error(
            StatusCode::NOT_FOUND,
            "Call not found",
            "No call with that call_id",
        ),
    }
}
