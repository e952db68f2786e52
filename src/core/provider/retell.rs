//! Retell AI. The list is `POST /v3/list-calls` (Retell's TypeScript SDK,
//! `CallListParams`): typed `filter_criteria` keyed by field, `skip` +
//! `include_total` for numbered pages with a total, answered as
//! `{items, pagination_key, has_more, total}`. Items carry no transcript;
//! the detail (`GET /v2/get-call/{call_id}`) does. The deprecated v2 list
//! (a bare array, paged by the last `call_id`) is still read where a proxy
//! answers with it. Zudu's calls follow Retell's call shape, so the call
//! reader here serves both.

use crate::core::words;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::common::{self, flag, put, words};
use super::Provider;
use crate::core::capabilities::{choice, Capabilities, DateGranularity, Pagination};
use crate::core::error::ApiError;
use crate::core::json::Obj;
use crate::core::model::{Call, CallDetail, CostUnit, Page};
use crate::core::normalize::Direction;
use crate::core::query::{FilterKind as F, Filters, Query, SortDir, SortField};
use crate::core::request::ProviderRequest;
use crate::core::time::DurationUnit;
use crate::core::tool_events::read_events;
use crate::core::transcript::read_transcript;

pub(super) const CAPS: Capabilities = Capabilities {
    pagination: Pagination::Offset,
    total_known: true,
    default_page_size: 50,
    max_page_size: 1000,
    filters: &[
        F::Status,
        F::Direction,
        F::CallType,
        F::Agent,
        F::EndReason,
        F::Sentiment,
        F::Outcome,
        F::DateRange,
        F::Duration,
    ],
    // v3's `call_status` filter takes these (not `registered`).
    statuses: &[
        choice("ended", words::CHOICE_ENDED),
        choice("ongoing", words::CHOICE_ONGOING),
        choice("not_connected", words::CHOICE_NOT_CONNECTED),
        choice("error", words::CHOICE_ERROR),
    ],
    directions: &[Direction::Inbound, Direction::Outbound],
    call_types: &[
        choice("phone_call", words::CHOICE_PHONE_CALL),
        choice("web_call", words::CHOICE_WEB_CALL),
    ],
    // The common ones of Retell's `DisconnectionReason` (an open list:
    // others show as they come, unfiltered).
    end_reasons: &[
        choice("user_hangup", words::CHOICE_USER_HUNG_UP),
        choice("agent_hangup", words::CHOICE_AGENT_HUNG_UP),
        choice("call_transfer", words::ENDED_TRANSFERRED),
        choice("voicemail_reached", words::CHOICE_VOICEMAIL_REACHED),
        choice("inactivity", words::CHOICE_INACTIVITY),
        choice("max_duration_reached", words::CHOICE_MAX_DURATION_REACHED),
        choice("dial_busy", words::STATUS_BUSY),
        choice("dial_failed", words::CHOICE_DIAL_FAILED),
        choice("dial_no_answer", words::STATUS_NO_ANSWER),
        choice("user_declined", words::CHOICE_USER_DECLINED),
        choice("error_unknown", words::CHOICE_UNKNOWN_ERROR),
    ],
    sentiments: &[
        choice("Positive", words::CHOICE_POSITIVE),
        choice("Neutral", words::CHOICE_NEUTRAL),
        choice("Negative", words::CHOICE_NEGATIVE),
        choice("Unknown", words::UNKNOWN),
    ],
    outcomes: &[
        choice("successful", words::OUTCOME_SUCCESSFUL),
        choice("unsuccessful", words::OUTCOME_NOT_SUCCESSFUL),
    ],
    search_hint: None,
    phone_via_search: false,
    date_granularity: DateGranularity::Instant,
    sorts: &[SortField::StartedAt],
    sort_both_ways: true,
    transcripts: true,
    recordings: true,
    stereo: true,
    fresh_recording_link: false,
};

/// `{lower_threshold, upper_threshold}` with only the bounds that are set.
pub(super) fn threshold(lower: Option<i64>, upper: Option<i64>) -> Option<Value> {
    let mut m = Map::new();
    if let Some(l) = lower {
        put(&mut m, "lower_threshold", l.into());
    }
    if let Some(u) = upper {
        put(&mut m, "upper_threshold", u.into());
    }
    (!m.is_empty()).then_some(Value::Object(m))
}

/// `"ascending"` / `"descending"`, as Retell and Zudu spell them.
pub(super) fn sort_order(dir: SortDir) -> &'static str {
    match dir {
        SortDir::Asc => "ascending",
        SortDir::Desc => "descending",
    }
}

/// One of v3's typed filters: `{type: kind, op, value}`.
fn typed(kind: &str, op: &str, value: Value) -> Value {
    let mut m = Map::new();
    put(&mut m, "type", kind.into());
    put(&mut m, "op", op.into());
    put(&mut m, "value", value);
    Value::Object(m)
}

/// A v3 number filter over `[lower, upper]` (either may be open):
/// `{type: "range", op: "bt"}` with both bounds, else `ge` / `le`.
fn number_filter(lower: Option<i64>, upper: Option<i64>) -> Option<Value> {
    Some(match (lower, upper) {
        (Some(l), Some(u)) => typed("range", "bt", Value::Array(vec![l.into(), u.into()])),
        (Some(l), None) => typed("number", "ge", l.into()),
        (None, Some(u)) => typed("number", "le", u.into()),
        (None, None) => return None,
    })
}

/// The v3 list request: `POST /v3/list-calls`.
pub(super) fn list_request(q: &Query, f: &Filters, size: u32) -> ProviderRequest {
    let mut criteria = Map::new();
    if let Some(agent) = &f.agent_id {
        let mut one = Map::new();
        put(&mut one, "agent_id", agent.as_str().into());
        put(
            &mut criteria,
            "agent",
            Value::Array(vec![Value::Object(one)]),
        );
    }
    for (key, v) in [
        ("call_status", f.status.as_deref()),
        ("call_type", f.call_type.as_deref()),
        ("direction", f.direction.map(|d| d.id())),
        ("disconnection_reason", f.end_reason.as_deref()),
        ("user_sentiment", f.sentiment.as_deref()),
    ] {
        if let Some(v) = v {
            let value = Value::Array(vec![v.into()]);
            put(&mut criteria, key, typed("enum", "in", value));
        }
    }
    if let Some(outcome) = &f.outcome {
        let value = (outcome == "successful").into();
        put(
            &mut criteria,
            "call_successful",
            typed("boolean", "eq", value),
        );
    }
    // Dates are half-open `[from, to)`; Retell's bounds are inclusive.
    for (key, lower, upper) in [
        ("start_timestamp", f.date_from, f.date_to.map(|t| t - 1)),
        ("duration_ms", f.min_duration_ms, f.max_duration_ms),
    ] {
        if let Some(t) = number_filter(lower, upper) {
            put(&mut criteria, key, t);
        }
    }
    let mut body = Map::new();
    put(&mut body, "limit", size.into());
    let skip = u64::from(q.page.saturating_sub(1)) * u64::from(size);
    put(&mut body, "skip", skip.into());
    put(&mut body, "include_total", true.into());
    let dir = q.sort.map(|s| s.dir).unwrap_or_default();
    put(&mut body, "sort_order", sort_order(dir).into());
    if !criteria.is_empty() {
        put(&mut body, "filter_criteria", Value::Object(criteria));
    }
    ProviderRequest::post("/v3/list-calls".into(), &Value::Object(body))
}

/// Reads a list answer: v3's `{items, has_more, total}`, or a v2 bare
/// array from an older proxy.
pub(super) fn parse_list(value: &Value, size: u32) -> Result<Page, ApiError> {
    match Obj::of(value).filter(|o| o.get("items").is_some()) {
        Some(o) => parse_v3_list(value, o, size),
        None => parse_v2_list(value, size),
    }
}

fn parse_v3_list(value: &Value, o: Obj<'_>, size: u32) -> Result<Page, ApiError> {
    let items = common::items_at(value, &["items"])?;
    let read = common::read_rows(items, |o| read_call(o, Provider::Retell));
    let total = common::count(Some(o), "total");
    let has_more = o
        .bool("has_more")
        .unwrap_or(size > 0 && items.len() >= size as usize);
    Ok(common::page(read, total, has_more))
}

fn parse_v2_list(value: &Value, size: u32) -> Result<Page, ApiError> {
    let items = common::items_at(value, &["calls", "data"])?;
    let (rows, skipped) = common::read_rows(items, |o| read_call(o, Provider::Retell));
    let has_more = size > 0 && items.len() >= size as usize;
    // The key is the last call of the page as sent, even if it was skipped.
    let next_cursor = has_more
        .then(|| {
            items
                .last()
                .and_then(Obj::of)
                .and_then(|o| o.str("call_id"))
        })
        .flatten();
    Ok(Page {
        rows,
        skipped,
        total: None,
        has_more: has_more && next_cursor.is_some(),
        next_cursor,
    })
}

pub(super) fn parse_detail(value: &Value) -> Result<CallDetail, ApiError> {
    read_detail(common::detail_obj(value, &["data"])?, Provider::Retell)
}

/// Reads a Retell-shaped call detail (Retell and Zudu).
pub(super) fn read_detail(o: Obj<'_>, provider: Provider) -> Result<CallDetail, ApiError> {
    let call = common::detail_call(read_call(o, provider), "call_id")?;
    let transcript = [
        "transcript_object",
        "transcript_with_tool_calls",
        "transcript",
    ]
    .iter()
    .find_map(|k| o.get(k).and_then(|t| read_transcript(t, call.started_at)))
    .map(|mut t| {
        if let Some(with_tools) = o.get("transcript_with_tool_calls") {
            t.events = read_events(with_tools, call.started_at, &t.turns);
        }
        t
    });
    let mut latency = Vec::new();
    common::latency_figures(o.get("latency"), &mut latency);
    Ok(CallDetail {
        call,
        transcript: transcript.map(Arc::new),
        latency,
    })
}

/// Reads a Retell-shaped call. Retell states `combined_cost` in cents, Zudu
/// in dollars.
pub(super) fn read_call(o: Obj<'_>, provider: Provider) -> Option<Call> {
    let mut c = Call::new(provider, o.first_str(&["call_id", "id"])?);
    let call_type = o.str("call_type");
    let web = call_type.as_deref().map(Direction::from_raw) == Some(Direction::Web);
    c.set_direction(
        o.str("direction")
            .or_else(|| call_type.clone().filter(|_| web)),
    );
    c.set_status(o.str("call_status"));
    c.set_numbers(o.str("from_number"), o.str("to_number"));
    c.started_at = o.instant("start_timestamp");
    c.ended_at = o.instant("end_timestamp");
    c.duration_ms = o
        .duration("duration_ms", DurationUnit::Millis)
        .or_else(|| o.duration("call_duration", DurationUnit::Millis));
    c.agent_id = o.str("agent_id");
    c.agent_name = o.str("agent_name");
    c.end_reason = o.str("disconnection_reason");
    c.recording.mono = common::url_at(o, "recording_url");
    c.recording.stereo = common::url_at(o, "recording_multi_channel_url");
    c.successful = o.bool("call_analysis.call_successful");
    c.summary = o.str("call_analysis.call_summary");
    c.sentiment = o.str("call_analysis.user_sentiment");
    let cost = o.f64("call_cost.combined_cost");
    c.cost = match provider {
        Provider::Retell => common::cost(cost.map(|cents| cents / 100.0), CostUnit::Usd),
        _ => common::cost(cost, CostUnit::Usd),
    };
    c.push_extra("call_type", words::EXTRA_CALL_TYPE, words(call_type));
    c.push_extra(
        "in_voicemail",
        words::EXTRA_REACHED_VOICEMAIL,
        flag(o.bool("call_analysis.in_voicemail")),
    );
    common::object_extras(
        &mut c,
        "analysis",
        o.obj("call_analysis.custom_analysis_data"),
    );
    common::object_extras(&mut c, "metadata", o.obj("metadata"));
    Some(c)
}
