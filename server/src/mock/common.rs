//! What every provider's mock shares: the server's state, the JSON
//! answers, query parameters, filtering and paging over the data set, and
//! building native JSON.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use callboard::core::{local, Call, Capabilities, Filters, Pagination, Provider, Query};
use serde_json::Value;

use super::audio::AudioCache;
use super::dataset::Dataset;
use super::fault_plan::Faults;

/// Shared state of the mock server.
#[derive(Clone)]
pub struct AppState {
    /// The calls, per provider: a snapshot each request reads, replaced
    /// whole when a call is placed or changes ([`AppState::change_data`]).
    data: Arc<RwLock<Arc<Dataset>>>,
    /// Faults to inject.
    pub faults: Arc<Faults>,
    /// Generated recordings.
    pub audio: Arc<AudioCache>,
}

impl AppState {
    /// State over `count` demo calls from `seed`.
    pub fn new(count: usize, seed: u64) -> Self {
        Self {
            data: Arc::new(RwLock::new(Arc::new(Dataset::new(count, seed)))),
            faults: Arc::new(Faults::default()),
            audio: Arc::new(AudioCache::default()),
        }
    }
}

impl AppState {
    /// The calls as they are now (a snapshot: a request reads one data
    /// set from start to end).
    pub fn data(&self) -> Arc<Dataset> {
        Arc::clone(&self.data.read().unwrap_or_else(PoisonError::into_inner))
    }

    /// Changes the calls: `change` edits a copy of the data set, which
    /// then replaces it (requests under way keep the one they began with).
    pub fn change_data<T>(&self, change: impl FnOnce(&mut Dataset) -> T) -> T {
        let mut slot = self.data.write().unwrap_or_else(PoisonError::into_inner);
        let mut next = Dataset::clone(&slot);
        let out = change(&mut next);
        *slot = Arc::new(next);
        out
    }
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
pub fn rows(data: &Dataset, p: Provider) -> &[Call] {
    &data.view(p).rows
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
