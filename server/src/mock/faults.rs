//! Fault injection for tests: `POST /_control/faults` with
//! `{"path": "/agentvoice/", "kind": "status", "status": 429, "retry_after": "3", "times": 1}`
//! makes the next matching provider request fail that way. Kinds: `status`
//! (the provider's own error body for that status), `latency` (`ms` added),
//! `truncate` (the body cut in half), `not_json` (an HTML login page),
//! `wrong_content_type` (a JSON body labelled `text/html`), `hang` (no
//! answer), `replace` (`body` served instead, with `status` and
//! `content_type`). `DELETE /_control/faults` clears them.

use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use callboard::core::Provider;
use serde_json::{json, Value};

use super::common::{json as json_answer, AppState};
use super::fault_plan::{Fault, FaultKind};

/// `POST` / `DELETE /_control/faults`.
pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/_control/faults",
        post(
            |State(s): State<AppState>, Json(body): Json<Value>| async move {
                let faults: Result<Vec<Fault>, _> = match body {
                    Value::Array(_) => serde_json::from_value(body),
                    one => serde_json::from_value(one).map(|f| vec![f]),
                };
                match faults {
                    Ok(f) => {
                        s.faults.add(f);
                        StatusCode::NO_CONTENT.into_response()
                    }
                    Err(e) => (StatusCode::BAD_REQUEST, e.to_string()).into_response(),
                }
            },
        )
        .delete(|State(s): State<AppState>| async move {
            s.faults.clear();
            StatusCode::NO_CONTENT
        }),
    )
}

fn provider_of(path: &str) -> Option<Provider> {
    path.trim_start_matches('/')
        .split('/')
        .next()
        .and_then(|p| p.parse().ok())
}

fn message_for(status: u16) -> &'static str {
    match status {
        400 => "Bad request",
        401 => "Authentication failed",
        403 => "Access to this resource is forbidden",
        404 => "Not found",
        422 => "The given data was invalid.",
        429 => "Too many requests",
        502 => "Bad gateway",
        503 => "Service unavailable",
        _ => "Internal server error",
    }
}

/// The error body provider `p` sends with `status`.
pub fn native_error(p: Option<Provider>, status: u16) -> Value {
    let m = message_for(status);
    match p {
        Some(Provider::VozAgent) => {
            json!({"error": {"code": format!("http_{status}"), "message": m, "details": {}}})
        }
        Some(Provider::Talkover) if status == 422 => {
            json!({"success": false, "message": m, "errors": {"status": ["The selected status is invalid."]}})
        }
        Some(Provider::Talkover) => json!({"success": false, "message": m}),
        Some(Provider::Zudu) => {
            json!({"message": "Request failed", "status": "error", "error": m, "data": null})
        }
        Some(Provider::Smallest) => json!({"status": false, "errors": [m]}),
        Some(Provider::Retell) => json!({"status": "error", "message": m}),
        Some(Provider::Vapi) => json!({"message": [m], "error": m, "statusCode": status}),
        Some(Provider::ElevenLabs) => json!({"detail": {"status": "error", "message": m}}),
        Some(Provider::Bland) => json!({"status": "error", "message": m, "errors": [m]}),
        _ => json!({"error": m}),
    }
}

/// The middleware that applies faults to provider requests.
pub async fn inject(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let Some(fault) = state.faults.take(&path) else {
        return next.run(request).await;
    };
    match fault.kind {
        FaultKind::Status => {
            let status = fault.status.unwrap_or(500);
            let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let mut r = json_answer(code, &native_error(provider_of(&path), status));
            if let Some(v) = fault
                .retry_after
                .as_deref()
                .and_then(|v| HeaderValue::from_str(v).ok())
            {
                r.headers_mut().insert(header::RETRY_AFTER, v);
            }
            r
        }
        FaultKind::Replace => {
            let status =
                StatusCode::from_u16(fault.status.unwrap_or(200)).unwrap_or(StatusCode::OK);
            let text = match fault.body {
                Some(Value::String(s)) => s,
                Some(v) => v.to_string(),
                None => String::new(),
            };
            let mut r = (status, text).into_response();
            let ct = fault.content_type.as_deref().unwrap_or("application/json");
            if let Ok(v) = HeaderValue::from_str(ct) {
                r.headers_mut().insert(header::CONTENT_TYPE, v);
            }
            r
        }
        FaultKind::Latency => {
            tokio::time::sleep(Duration::from_millis(fault.ms.unwrap_or(1_000))).await;
            next.run(request).await
        }
        FaultKind::Hang => {
            tokio::time::sleep(Duration::from_secs(3_600)).await;
            StatusCode::GATEWAY_TIMEOUT.into_response()
        }
        FaultKind::NotJson => {
            let mut r = (
                StatusCode::OK,
                "<!doctype html><html><body><h1>Sign in</h1></body></html>",
            )
                .into_response();
            r.headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
            r
        }
        FaultKind::Truncate | FaultKind::WrongContentType => {
            let (mut parts, body) = next.run(request).await.into_parts();
            let bytes = to_bytes(body, usize::MAX).await.unwrap_or_default();
            let body = if fault.kind == FaultKind::Truncate {
                parts.headers.remove(header::CONTENT_LENGTH);
                bytes.slice(..bytes.len() / 2)
            } else {
                parts
                    .headers
                    .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
                bytes
            };
            Response::from_parts(parts, Body::from(body))
        }
    }
}
