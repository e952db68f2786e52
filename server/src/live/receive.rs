//! `POST {prefix}/webhooks/{provider}`: a webhook taken, checked and
//! relayed (or answered with why not).

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use callboard::core::Provider;
use serde_json::json;

use super::signature;
use super::state::{Live, Peer};
use super::webhook::{self, NotRelayed};
use crate::body::{read_body, BodyRead};

/// The largest webhook body taken (a long call's transcript is a few
/// hundred KB; ElevenLabs' audio webhooks, which are not relayed, are
/// larger: leave them off).
pub const MAX_WEBHOOK_BODY: usize = 2 * 1024 * 1024;

fn answer(status: StatusCode, body: serde_json::Value) -> Response {
    let mut r = (status, body.to_string()).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}

fn refuse(status: StatusCode, message: &str) -> Response {
    answer(status, json!({ "error": message }))
}

/// 429: `message`, and when to come back (`Retry-After`, seconds); for a
/// source past its webhook rate or its cap of event streams.
pub(super) fn too_many(message: &str, retry_after: &'static str) -> Response {
    let mut r = refuse(StatusCode::TOO_MANY_REQUESTS, message);
    r.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static(retry_after));
    r
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// `POST {prefix}/webhooks/{provider}`.
pub async fn receive(
    State(live): State<Arc<Live>>,
    Path(name): Path<String>,
    peer: Option<Extension<Peer>>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let provider = name.parse::<Provider>().ok();
    let Some(secret) = live
        .secret
        .as_deref()
        .filter(|_| provider == Some(live.provider))
    else {
        eprintln!("proxy: webhook for {name:?} refused: not set up here");
        return refuse(StatusCode::NOT_FOUND, "no webhooks for this provider here");
    };
    let p = live.provider;
    if let Some(Extension(Peer(addr))) = peer {
        if !live
            .limiter
            .allow(live.source(addr.ip(), &headers), Instant::now())
        {
            eprintln!("proxy: webhook {p}: too many from one source");
            return too_many("too many webhooks from this source", "1");
        }
    }
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let body = match read_body(body, declared, Duration::from_secs(10), MAX_WEBHOOK_BODY).await {
        BodyRead::Whole(b) => b,
        BodyRead::TooLarge => {
            eprintln!("proxy: webhook {p}: body too large");
            return refuse(StatusCode::PAYLOAD_TOO_LARGE, "webhook body too large");
        }
        BodyRead::TooSlow => return refuse(StatusCode::REQUEST_TIMEOUT, "webhook body too slow"),
        BodyRead::Broken => return refuse(StatusCode::BAD_REQUEST, "webhook body broken off"),
    };
    if let Err(why) = signature::verify(p, secret, &headers, &body, now_ms()) {
        eprintln!("proxy: webhook {p}: refused: {why}");
        return refuse(StatusCode::UNAUTHORIZED, &why.to_string());
    }
    let delivery = match webhook::read(p, &body) {
        Ok(d) => d,
        Err(NotRelayed::Malformed(why)) => {
            eprintln!("proxy: webhook {p}: malformed: {why}");
            return refuse(StatusCode::BAD_REQUEST, &why);
        }
        Err(NotRelayed::Unknown(why)) => {
            eprintln!("proxy: webhook {p}: {why}");
            return refuse(StatusCode::UNPROCESSABLE_ENTITY, &why);
        }
        Err(NotRelayed::Ignored(why)) => {
            return answer(
                StatusCode::ACCEPTED,
                json!({ "relayed": false, "reason": why }),
            );
        }
    };
    match live.events.publish(&delivery.key, delivery.data).await {
        Ok(Some(event)) => {
            eprintln!(
                "proxy: webhook {p}: {} for call {} relayed as {}",
                delivery.kind, delivery.call_id, event.id
            );
            answer(StatusCode::OK, json!({ "relayed": true, "id": event.id }))
        }
        Ok(None) => {
            eprintln!(
                "proxy: webhook {p}: {} for call {}: already relayed",
                delivery.kind, delivery.call_id
            );
            answer(
                StatusCode::OK,
                json!({ "relayed": false, "reason": "already relayed" }),
            )
        }
        Err(e) => {
            eprintln!("proxy: webhook {p}: {e}");
            refuse(StatusCode::SERVICE_UNAVAILABLE, "events unavailable; retry")
        }
    }
}
