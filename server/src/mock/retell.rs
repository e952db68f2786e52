//! Retell: `POST /v3/list-calls` (typed `filter_criteria`, `skip` or an
//! opaque `pagination_key`, `{items, pagination_key, has_more, total}`, as
//! `CallListParams`/`CallListResponse` in Retell's TypeScript SDK), the
//! deprecated `POST /v2/list-calls` (bare array, `pagination_key` = last
//! call id) for older proxies, and `GET /v2/get-call/{id}` (with
//! `transcript_object` and `transcript_with_tool_calls`: the utterances with
//! the tool calls, results, node transitions and keys pressed between
//! them). Zudu's calls share this shape.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use callboard::core::words::Words;
use callboard::core::{
    Call, CallDetail, Provider, Query, Sort, SortDir, SortField, ToolEvent, ToolEventKind,
};
use serde_json::{json, Value};

use super::common::{json, matching, ok, put, rows, text_transcript, without_nulls, AppState};

const P: Provider = Provider::Retell;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/v3/list-calls", post(list_v3))
        .route("/v2/list-calls", post(list))
        .route("/v2/get-call/{id}", get(detail))
}

fn error(status: StatusCode, message: &str) -> Response {
    json(status, &json!({"status": "error", "message": message}))
}

/// A call in Retell's shape; `cents` states `combined_cost` in cents (Retell)
/// rather than dollars (Zudu).
pub fn call_json(c: &Call, cents: bool) -> Value {
    let inbound = c.direction == callboard::core::Direction::Inbound;
    let (from, to) = if inbound {
        (&c.customer_number, &c.agent_number)
    } else {
        (&c.agent_number, &c.customer_number)
    };
    let cost = c.cost.map_or(0.0, |k| {
        if cents {
            (k.amount * 100.0 * 100.0).round() / 100.0
        } else {
            k.amount
        }
    });
    // Retell omits what a call does not have rather than sending `null`.
    without_nulls(json!({
        "call_id": c.id,
        "agent_id": c.agent_id,
        "agent_name": c.agent_name,
        "agent_version": 1,
        "call_type": "phone_call",
        "call_status": c.status_raw,
        "direction": c.direction_raw,
        "from_number": from,
        "to_number": to,
        "start_timestamp": c.started_at,
        "end_timestamp": c.ended_at,
        "duration_ms": c.duration_ms,
        "disconnection_reason": c.end_reason,
        "recording_url": c.recording.mono,
        "recording_multi_channel_url": c.recording.stereo,
        "call_analysis": {
            "call_summary": c.summary,
            "user_sentiment": c.sentiment,
            "call_successful": c.successful,
            "in_voicemail": c.status_raw.as_deref() == Some("voicemail") || c.end_reason.as_deref() == Some("voicemail_reached"),
        },
        // `CallCost`: per-product costs and the duration they are billed by.
        "call_cost": {
            "product_costs": [{"product": "retell_platform", "unit_price": 0.07, "cost": cost}],
            "total_duration_seconds": c.duration_ms.map_or(0, |d| d / 1000),
            "total_duration_unit_price": 0.07,
            "combined_cost": cost,
        },
        "metadata": {"contact_id": c.contact_id, "campaign": c.campaign_name},
    }))
}

/// A call detail in Retell's shape: transcript text, `transcript_object`
/// with word timings, latency percentiles.
pub fn detail_json(d: &CallDetail, cents: bool) -> Value {
    let mut v = call_json(&d.call, cents);
    if let Some(t) = &d.transcript {
        put(
            &mut v,
            "transcript",
            json!(text_transcript(t, "Agent", "User")),
        );
        let utterances: Vec<Value> = t
            .turns
            .iter()
            .map(|turn| {
                let role = if turn.speaker == callboard::core::Speaker::Agent { "agent" } else { "user" };
                let words: Vec<&str> = turn.text.split_whitespace().collect();
                let (s, e) = (turn.start_ms.unwrap_or(0), turn.end_ms.unwrap_or(0));
                let step = (e - s) / words.len().max(1) as i64;
                let words: Vec<Value> = words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        let ws = s + step * i as i64;
                        json!({"word": w, "start": ws as f64 / 1000.0, "end": (ws + step) as f64 / 1000.0})
                    })
                    .collect();
                json!({"role": role, "content": turn.text, "words": words})
            })
            .collect();
        let mut with_tools = Vec::with_capacity(utterances.len() + t.events.len());
        let mut events = t.events.iter().peekable();
        for (i, utterance) in utterances.iter().enumerate() {
            while let Some(e) = events.next_if(|e| e.turns_before <= i) {
                with_tools.extend(tool_item(e));
            }
            with_tools.push(utterance.clone());
        }
        with_tools.extend(events.flat_map(tool_item));
        put(&mut v, "transcript_object", Value::Array(utterances));
        put(
            &mut v,
            "transcript_with_tool_calls",
            Value::Array(with_tools),
        );
    }
    let p50 = d
        .latency
        .iter()
        .find(|f| f.label_in(Words::ENGLISH) == "End-to-end p50")
        .map(|f| f.ms);
    let p90 = d
        .latency
        .iter()
        .find(|f| f.label_in(Words::ENGLISH) == "End-to-end p90")
        .map(|f| f.ms);
    if p50.is_some() {
        put(
            &mut v,
            "latency",
            json!({"e2e": {"p50": p50, "p90": p90}, "llm": {"p50": p50.map(|p| p / 2)}}),
        );
    }
    v
}

/// An id for a node of the agent's flow, from its name.
fn node_id(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("node-{slug}")
}

/// A tool call, result, node transition or keys pressed as items of
/// `transcript_with_tool_calls` (`ToolCallInvocationUtterance`,
/// `ToolCallResultUtterance`, `NodeTransitionUtterance`, `DTMFUtterance`:
/// no times; one item a digit).
fn tool_item(e: &ToolEvent) -> Vec<Value> {
    let id = e.call_id.clone().unwrap_or_default();
    let detail = e.detail.clone().unwrap_or_default();
    match e.kind {
        ToolEventKind::Invocation => vec![json!({
            "role": "tool_call_invocation", "tool_call_id": id, "name": e.name, "arguments": detail,
        })],
        ToolEventKind::Result => vec![without_nulls(json!({
            "role": "tool_call_result", "tool_call_id": id, "content": detail, "successful": e.success,
        }))],
        ToolEventKind::NodeTransition => vec![json!({
            "role": "node_transition",
            "former_node_id": node_id(&detail),
            "former_node_name": detail,
            "new_node_id": node_id(&e.name),
            "new_node_name": e.name,
        })],
        ToolEventKind::Dtmf => e
            .name
            .chars()
            .map(|digit| json!({"role": "dtmf", "digit": digit.to_string()}))
            .collect(),
    }
}

/// `sort_order` of a Retell or Zudu body: `descending` (the default) or
/// `ascending`; `None` for anything else.
pub fn read_sort_order(body: &Value) -> Option<SortDir> {
    match body.get("sort_order").and_then(Value::as_str) {
        None | Some("descending") => Some(SortDir::Desc),
        Some("ascending") => Some(SortDir::Asc),
        Some(_) => None,
    }
}

/// Keeps the calls that pass `filter_criteria` (Retell's and Zudu's
/// vocabulary: lists of allowed values, thresholds).
pub fn criteria(
    rows: &[Call],
    crit: Option<&Value>,
    transcripts: impl Fn(&Call) -> String,
) -> Result<Vec<Call>, String> {
    let Some(crit) = crit.filter(|c| !c.is_null()) else {
        return Ok(rows.to_vec());
    };
    let crit = crit
        .as_object()
        .ok_or("filter_criteria must be an object")?;
    let list = |key: &str| -> Result<Option<Vec<String>>, String> {
        match crit.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(items)) => Ok(Some(
                items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_lowercase))
                    .collect(),
            )),
            Some(_) => Err(format!("filter_criteria.{key} must be an array")),
        }
    };
    let range = |key: &str| -> Result<(Option<i64>, Option<i64>), String> {
        match crit.get(key) {
            None | Some(Value::Null) => Ok((None, None)),
            Some(Value::Object(o)) => Ok((
                o.get("lower_threshold").and_then(Value::as_i64),
                o.get("upper_threshold").and_then(Value::as_i64),
            )),
            Some(_) => Err(format!("filter_criteria.{key} must be an object")),
        }
    };
    let (statuses, agents, types, directions) = (
        list("call_status")?,
        list("agent_id")?,
        list("call_type")?,
        list("direction")?,
    );
    let (started, duration) = (range("start_timestamp")?, range("duration_ms")?);
    let search = crit
        .get("transcript_search")
        .and_then(Value::as_str)
        .map(str::to_lowercase);
    let within = |v: Option<i64>, (lo, hi): (Option<i64>, Option<i64>)| {
        (lo.is_none() && hi.is_none())
            || v.is_some_and(|v| lo.is_none_or(|l| v >= l) && hi.is_none_or(|h| v <= h))
    };
    let any = |allowed: &Option<Vec<String>>, v: Option<&str>| {
        allowed
            .as_ref()
            .is_none_or(|a| v.is_some_and(|v| a.contains(&v.to_lowercase())))
    };
    Ok(rows
        .iter()
        .filter(|c| any(&statuses, c.status_raw.as_deref()))
        .filter(|c| any(&agents, c.agent_id.as_deref()))
        .filter(|_| any(&types, Some("phone_call")))
        .filter(|c| any(&directions, c.direction_raw.as_deref()))
        .filter(|c| within(c.started_at, started) && within(c.duration_ms, duration))
        .filter(|c| {
            search
                .as_ref()
                .is_none_or(|q| transcripts(c).to_lowercase().contains(q))
        })
        .cloned()
        .collect())
}

/// A v3 typed filter's allowed values (`{type: "enum", op: "in", value}`).
fn enum_values(key: &str, f: &Value) -> Result<Vec<String>, String> {
    if f.get("type").and_then(Value::as_str) != Some("enum")
        || f.get("op").and_then(Value::as_str) != Some("in")
    {
        return Err(format!(
            "filter_criteria.{key} must be an enum filter with op \"in\""
        ));
    }
    f.get("value")
        .and_then(Value::as_array)
        .map(|v| {
            v.iter()
                .filter_map(Value::as_str)
                .map(str::to_lowercase)
                .collect()
        })
        .ok_or_else(|| format!("filter_criteria.{key}.value must be an array"))
}

/// Inclusive lower and upper bounds, either open.
type Bounds = (Option<i64>, Option<i64>);

/// A v3 number or range filter as inclusive bounds.
fn number_bounds(key: &str, f: &Value) -> Result<Bounds, String> {
    let bad = || format!("filter_criteria.{key} must be a number or range filter");
    let value = f.get("value");
    match (
        f.get("type").and_then(Value::as_str),
        f.get("op").and_then(Value::as_str),
    ) {
        (Some("range"), Some("bt")) => match value.and_then(Value::as_array).map(Vec::as_slice) {
            Some([lo, hi]) => Ok((lo.as_i64(), hi.as_i64())),
            _ => Err(bad()),
        },
        (Some("number"), Some(op)) => {
            let n = value.and_then(Value::as_i64).ok_or_else(bad)?;
            match op {
                "eq" => Ok((Some(n), Some(n))),
                "ge" => Ok((Some(n), None)),
                "gt" => Ok((Some(n + 1), None)),
                "le" => Ok((None, Some(n))),
                "lt" => Ok((None, Some(n - 1))),
                _ => Err(bad()),
            }
        }
        _ => Err(bad()),
    }
}

/// Keeps the calls that pass v3 `filter_criteria`.
fn criteria_v3(rows: &[Call], crit: Option<&Value>) -> Result<Vec<Call>, String> {
    let Some(crit) = crit.filter(|c| !c.is_null()) else {
        return Ok(rows.to_vec());
    };
    let crit = crit
        .as_object()
        .ok_or("filter_criteria must be an object")?;
    let agents: Option<Vec<String>> = match crit.get("agent") {
        None => None,
        Some(Value::Array(a)) => Some(
            a.iter()
                .filter_map(|x| x.get("agent_id").and_then(Value::as_str).map(str::to_owned))
                .collect(),
        ),
        Some(_) => return Err("filter_criteria.agent must be an array of {agent_id}".into()),
    };
    let mut enums: Vec<(&str, Vec<String>)> = Vec::new();
    for key in [
        "call_status",
        "call_type",
        "direction",
        "disconnection_reason",
        "user_sentiment",
    ] {
        if let Some(f) = crit.get(key) {
            enums.push((key, enum_values(key, f)?));
        }
    }
    let mut ranges: Vec<(&str, Bounds)> = Vec::new();
    for key in ["start_timestamp", "duration_ms"] {
        if let Some(f) = crit.get(key) {
            ranges.push((key, number_bounds(key, f)?));
        }
    }
    let field = |c: &Call, key: &str| -> Option<String> {
        match key {
            "call_status" => c.status_raw.clone(),
            "call_type" => Some("phone_call".into()),
            "direction" => c.direction_raw.clone(),
            "user_sentiment" => c.sentiment.clone(),
            _ => c.end_reason.clone(),
        }
    };
    let successful = match crit.get("call_successful") {
        None => None,
        Some(f) if f.get("type").and_then(Value::as_str) == Some("boolean") => {
            Some(f.get("value").and_then(Value::as_bool))
        }
        Some(_) => return Err("filter_criteria.call_successful must be a boolean filter".into()),
    };
    let number = |c: &Call, key: &str| match key {
        "start_timestamp" => c.started_at,
        _ => c.duration_ms,
    };
    Ok(rows
        .iter()
        .filter(|c| successful.is_none_or(|want| want.is_some() && c.successful == want))
        .filter(|c| {
            agents
                .as_ref()
                .is_none_or(|a| c.agent_id.as_ref().is_some_and(|id| a.contains(id)))
        })
        .filter(|c| {
            enums.iter().all(|(key, allowed)| {
                field(c, key).is_some_and(|v| allowed.contains(&v.to_lowercase()))
            })
        })
        .filter(|c| {
            ranges.iter().all(|(key, (lo, hi))| {
                number(c, key)
                    .is_some_and(|v| lo.is_none_or(|l| v >= l) && hi.is_none_or(|h| v <= h))
            })
        })
        .cloned()
        .collect())
}

/// A list request's JSON body with its `limit` (1-1000, default 50) and
/// `sort_order`, or what is wrong with it (Retell answers 400).
fn list_body(body: &[u8]) -> Result<(Value, usize, SortDir), String> {
    let body: Value = if body.is_empty() {
        json!({})
    } else {
        serde_json::from_slice(body).map_err(|e| format!("Invalid JSON body: {e}"))?
    };
    let limit = match body.get("limit").map(Value::as_u64) {
        None => 50,
        Some(Some(n)) if (1..=1000).contains(&n) => n as usize,
        Some(_) => return Err("limit must be between 1 and 1000".into()),
    };
    let dir = read_sort_order(&body).ok_or("sort_order must be ascending or descending")?;
    Ok((body, limit, dir))
}

/// `calls` ordered by start time.
fn by_start(calls: &[Call], dir: SortDir) -> Vec<Call> {
    let q = Query {
        sort: Some(Sort {
            field: SortField::StartedAt,
            dir,
        }),
        ..Query::default()
    };
    matching(calls, &q, &q.filters)
}

/// `POST /v3/list-calls`.
async fn list_v3(State(state): State<AppState>, body: Bytes) -> Response {
    let (body, limit, dir) = match list_body(&body) {
        Ok(read) => read,
        Err(m) => return error(StatusCode::BAD_REQUEST, &m),
    };
    let key = body.get("pagination_key").and_then(Value::as_str);
    let skip = match (body.get("skip").map(Value::as_u64), key) {
        (Some(_), Some(_)) => {
            return error(
                StatusCode::BAD_REQUEST,
                "skip and pagination_key are mutually exclusive",
            )
        }
        (Some(Some(n)), None) => n as usize,
        (Some(None), None) => return error(StatusCode::BAD_REQUEST, "skip must be a whole number"),
        (None, Some(k)) => match k.strip_prefix("pk_").and_then(|n| n.parse().ok()) {
            Some(n) => n,
            None => return error(StatusCode::BAD_REQUEST, "invalid pagination_key"),
        },
        (None, None) => 0,
    };
    let kept = match criteria_v3(rows(&state.data(), P), body.get("filter_criteria")) {
        Ok(k) => k,
        Err(m) => return error(StatusCode::BAD_REQUEST, &m),
    };
    let all = by_start(&kept, dir);
    let items: Vec<Value> = all
        .iter()
        .skip(skip)
        .take(limit)
        .map(|c| call_json(c, true))
        .collect();
    let has_more = skip + items.len() < all.len();
    let total =
        (body.get("include_total").and_then(Value::as_bool) == Some(true)).then_some(all.len());
    let mut answer = json!({
        "items": items,
        "has_more": has_more,
        "pagination_key": has_more.then(|| format!("pk_{}", skip + limit)),
        "total": total,
    });
    if total.is_none() {
        // Only present when asked for (`include_total`).
        if let Some(o) = answer.as_object_mut() {
            o.remove("total");
        }
    }
    ok(&answer)
}

/// `POST /v2/list-calls` (deprecated; kept for older proxies).
async fn list(State(state): State<AppState>, body: Bytes) -> Response {
    let (body, limit, dir) = match list_body(&body) {
        Ok(read) => read,
        Err(m) => return error(StatusCode::BAD_REQUEST, &m),
    };
    let kept = match criteria(rows(&state.data(), P), body.get("filter_criteria"), |_| {
        String::new()
    }) {
        Ok(k) => k,
        Err(m) => return error(StatusCode::BAD_REQUEST, &m),
    };
    let all = by_start(&kept, dir);
    let start = match body.get("pagination_key").and_then(Value::as_str) {
        None => 0,
        Some(key) => match all.iter().position(|c| c.id == key) {
            Some(i) => i + 1,
            None => {
                return error(
                    StatusCode::BAD_REQUEST,
                    "pagination_key does not name a call",
                )
            }
        },
    };
    ok(&Value::Array(
        all.iter()
            .skip(start)
            .take(limit)
            .map(|c| call_json(c, true))
            .collect(),
    ))
}

async fn detail(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match state.data().view(P).get(&id) {
        Some(d) => ok(&detail_json(d, true)),
        None => error(StatusCode::NOT_FOUND, "Call not found"),
    }
}
