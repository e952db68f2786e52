//! `mock` mode: every provider's native API at its native paths under a
//! per-provider prefix (`/agentvoice/api/calls`, `/vapi/call`, ...), over one
//! deterministic data set, with generated recordings and fault injection.

mod agentvoice;
mod audio;
mod bland;
pub mod dataset;
mod elevenlabs;
mod faults;
mod retell;
mod smallest;
mod talkover;
mod vapi;
mod vozagent;
mod zudu;

use std::collections::HashMap;
use std::sync::Arc;

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use callboard::core::{local, Call, Capabilities, Filters, Pagination, Provider, Query};
use serde_json::Value;

pub use dataset::Dataset;
pub use faults::Faults;

/// Shared state of the mock server.
#[derive(Clone)]
pub struct AppState {
    /// The calls, per provider.
    pub data: Arc<Dataset>,
    /// Faults to inject.
    pub faults: Arc<Faults>,
    /// Generated recordings.
    pub audio: Arc<audio::AudioCache>,
}

impl AppState {
    /// State over `count` demo calls from `seed`.
    pub fn new(count: usize, seed: u64) -> Self {
        Self {
            data: Arc::new(Dataset::new(count, seed)),
            faults: Arc::new(Faults::default()),
            audio: Arc::new(audio::AudioCache::default()),
        }
    }
}

/// The mock providers' routes, recordings and the fault control endpoint.
pub fn router(state: AppState) -> Router {
    let providers = Router::new()
        .nest("/agentvoice", agentvoice::routes())
        .nest("/vozagent", vozagent::routes())
        .nest("/talkover", talkover::routes())
        .nest("/zudu", zudu::routes())
        .nest("/smallest", smallest::routes())
        .nest("/retell", retell::routes())
        .nest("/vapi", vapi::routes())
        .nest("/elevenlabs", elevenlabs::routes())
        .nest("/bland", bland::routes())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            faults::inject,
        ));
    Router::new()
        .merge(providers)
        .route("/recordings/{file}", get(audio::serve))
        .merge(faults::routes())
        .route("/_control/ids", get(ids))
        .route("/healthz", get(|| async { "ok" }))
        .with_state(state)
        // A dev server: any page may call it (the npm test app runs on its
        // own origin).
        .layer(
            tower_http::cors::CorsLayer::very_permissive()
                .expose_headers([axum::http::header::RETRY_AFTER]),
        )
}

/// `GET /_control/ids?provider=P&limit=N`: the first ids of a provider's
/// list in its default order, and a sample contact, for tests and the demo.
async fn ids(
    axum::extract::State(state): axum::extract::State<AppState>,
    axum::extract::Query(params): axum::extract::Query<Params>,
) -> Response {
    let Some(p) = param(&params, "provider").and_then(|p| p.parse::<Provider>().ok()) else {
        return json(
            StatusCode::BAD_REQUEST,
            &serde_json::json!({"error": "provider?"}),
        );
    };
    let limit = param(&params, "limit")
        .and_then(|l| l.parse().ok())
        .unwrap_or(20);
    let all = matching(rows(&state, p), &Query::default(), &Filters::default());
    let ids: Vec<&str> = all.iter().take(limit).map(|c| c.id.as_str()).collect();
    let sample = all
        .iter()
        .find(|c| c.contact_id.is_some() && c.summary.is_some());
    ok(&serde_json::json!({
        "ids": ids,
        "total": all.len(),
        "contact": sample.map(|c| serde_json::json!({
            "contactId": c.contact_id,
            "phoneNumber": c.customer_number,
            "name": c.customer_name,
            "agentId": c.agent_id,
        })),
    }))
}

/// A JSON response.
pub fn json(status: StatusCode, body: &Value) -> Response {
    let mut r = (status, body.to_string()).into_response();
    r.headers_mut()
        .insert("content-type", HeaderValue::from_static("application/json"));
    r
}

/// `200 OK` with a JSON body.
pub fn ok(body: &Value) -> Response {
    json(StatusCode::OK, body)
}

/// Query-string parameters.
pub type Params = HashMap<String, String>;

/// A non-empty parameter.
pub fn param<'a>(params: &'a Params, key: &str) -> Option<&'a str> {
    params.get(key).map(|s| s.trim()).filter(|s| !s.is_empty())
}

/// A parameter as text, owned.
pub fn text(params: &Params, key: &str) -> Option<String> {
    param(params, key).map(str::to_owned)
}

/// A whole-number parameter: `Ok(None)` when absent, `Err` when not a
/// number within `range`.
pub fn number(
    params: &Params,
    key: &str,
    range: std::ops::RangeInclusive<u64>,
) -> Result<Option<u64>, String> {
    match param(params, key) {
        None => Ok(None),
        Some(v) => match v.parse::<u64>() {
            Ok(n) if range.contains(&n) => Ok(Some(n)),
            _ => Err(format!(
                "{key} must be a whole number from {} to {}",
                range.start(),
                range.end()
            )),
        },
    }
}

/// Every call of `rows` matching `filters`, sorted as `query` asks (newest
/// first by default); each provider pages the result its own way.
pub fn matching(rows: &[Call], query: &Query, filters: &Filters) -> Vec<Call> {
    let mut caps: Capabilities = *Provider::AgentVoice.capabilities();
    caps.max_page_size = u32::MAX;
    caps.pagination = Pagination::Offset;
    let all = Query {
        page: 1,
        page_size: u32::MAX,
        cursor: None,
        ..query.clone()
    };
    local::answer(rows, &all, filters, &caps).rows
}

/// `limit` calls from `offset`.
pub fn window(all: &[Call], offset: usize, limit: usize) -> &[Call] {
    let start = offset.min(all.len());
    let end = start.saturating_add(limit).min(all.len());
    all.get(start..end).unwrap_or_default()
}

/// Epoch ms as ISO-8601.
pub fn iso(ms: i64) -> String {
    callboard::core::time::format_iso8601(ms)
}

/// The provider's calls (light rows).
pub fn rows(state: &AppState, p: Provider) -> &[Call] {
    &state.data.view(p).rows
}

/// A turn's transcript line for plain-text transcripts.
pub fn text_transcript(t: &callboard::core::Transcript, agent: &str, customer: &str) -> String {
    t.turns
        .iter()
        .map(|turn| {
            let who = match turn.speaker {
                callboard::core::Speaker::Agent => agent,
                _ => customer,
            };
            format!("{who}: {}", turn.text)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Seconds with millisecond precision, as JSON.
pub fn seconds(ms: i64) -> Value {
    serde_json::json!((ms as f64) / 1000.0)
}

/// `value` without its `null` members, at every depth: providers that omit
/// absent fields (Retell) send no `null`s.
pub fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_nulls).collect()),
        other => other,
    }
}

/// Sets `key` on a JSON object (a no-op on anything else).
pub fn put(v: &mut Value, key: &str, value: Value) {
    if let Some(o) = v.as_object_mut() {
        o.insert(key.to_owned(), value);
    }
}

/// Sets `outer.key` on a JSON object, creating `outer` if missing.
pub fn put_in(v: &mut Value, outer: &str, key: &str, value: Value) {
    if !v.get(outer).is_some_and(Value::is_object) {
        put(v, outer, Value::Object(serde_json::Map::new()));
    }
    if let Some(inner) = v.get_mut(outer) {
        put(inner, key, value);
    }
}
