//! ElevenLabs Conversational AI (its OpenAPI definition and the wire-test
//! fixtures of its TypeScript SDK, `tests/fixtures/elevenlabs/`):
//! `GET /v1/convai/conversations` pages by `cursor` (`{conversations,
//! next_cursor, has_more}`) with filters in unix seconds; the detail
//! `GET /v1/convai/conversations/{id}` has the transcript with
//! `time_in_call_secs`. There is no recording URL: the audio is
//! `GET /v1/convai/conversations/{id}/audio`, fetched through the proxy.

use crate::core::words;
use std::sync::Arc;

use serde_json::Value;

use super::common;
use super::Provider;
use crate::core::capabilities::{choice, Capabilities, DateGranularity, Pagination};
use crate::core::error::ApiError;
use crate::core::json::Obj;
use crate::core::model::{Call, CallDetail, CostUnit, Page};
use crate::core::normalize::Direction;
use crate::core::query::{FilterKind as F, Filters, Query};
use crate::core::request::{encode_component, ProviderRequest};
use crate::core::time::DurationUnit;
use crate::core::tool_events::read_events;
use crate::core::transcript::read_transcript;

pub(super) const CAPS: Capabilities = Capabilities {
    pagination: Pagination::Cursor,
    total_known: false,
    default_page_size: 30,
    max_page_size: 100,
    filters: &[F::Agent, F::Search, F::Outcome, F::DateRange, F::Duration],
    statuses: &[],
    directions: &[],
    call_types: &[],
    end_reasons: &[],
    sentiments: &[],
    outcomes: &[
        choice("success", words::OUTCOME_SUCCESSFUL),
        choice("failure", words::OUTCOME_NOT_SUCCESSFUL),
        choice("unknown", words::CHOICE_NOT_EVALUATED),
    ],
    search_hint: Some(words::SEARCH_HINT_CONVERSATION),
    phone_via_search: false,
    date_granularity: DateGranularity::Instant,
    sorts: &[],
    sort_both_ways: false,
    transcripts: true,
    recordings: true,
    stereo: false,
    fresh_recording_link: false,
};

/// Milliseconds to whole seconds, rounding down (`call_start_after_unix`).
fn seconds_floor(ms: i64) -> i64 {
    ms.div_euclid(1_000)
}

pub(super) fn list_request(q: &Query, f: &Filters, size: u32) -> ProviderRequest {
    // Dates are half-open `[from, to)` in ms; ElevenLabs takes seconds.
    let mut r = ProviderRequest::get("/v1/convai/conversations".into());
    r.number("page_size", size.into())
        .param("summary_mode", "include")
        .param_opt("cursor", q.cursor.as_deref())
        .param_opt("agent_id", f.agent_id.as_deref())
        .param_opt("search", f.search.as_deref())
        .param_opt("call_successful", f.outcome.as_deref());
    for (key, seconds) in [
        ("call_start_after_unix", f.date_from.map(seconds_floor)),
        (
            "call_start_before_unix",
            f.date_to.map(|ms| seconds_floor(ms - 1)),
        ),
        (
            "call_duration_min_secs",
            f.min_duration_ms.map(seconds_floor),
        ),
        (
            "call_duration_max_secs",
            f.max_duration_ms.map(|ms| (ms + 999).div_euclid(1_000)),
        ),
    ] {
        if let Some(s) = seconds {
            r.param(key, &s.to_string());
        }
    }
    r
}

pub(super) fn parse_list(value: &Value) -> Result<Page, ApiError> {
    let items = common::items_at(value, &["conversations"])?;
    let read = common::read_rows(items, read_summary);
    let o = Obj::of(value);
    let next_cursor = o.and_then(|o| o.str("next_cursor"));
    let has_more = o.and_then(|o| o.bool("has_more")).unwrap_or(false) && next_cursor.is_some();
    let mut page = common::page(read, None, has_more);
    page.next_cursor = next_cursor.filter(|_| has_more);
    Ok(page)
}

/// `success` / `failure` / `unknown` (`EvaluationSuccessResult`).
fn success(value: Option<String>) -> Option<bool> {
    match value.as_deref() {
        Some("success") => Some(true),
        Some("failure") => Some(false),
        _ => None,
    }
}

/// A list item (`ConversationSummaryResponseModel`).
fn read_summary(o: Obj<'_>) -> Option<Call> {
    let mut c = Call::new(Provider::ElevenLabs, o.str("conversation_id")?);
    c.agent_id = o.str("agent_id");
    c.agent_name = o.str("agent_name");
    c.set_status(o.str("status"));
    c.set_direction(o.str("direction"));
    c.started_at = o.instant("start_time_unix_secs");
    c.duration_ms = o.duration("call_duration_secs", DurationUnit::Seconds);
    c.successful = success(o.str("call_successful"));
    c.summary = o.str("transcript_summary");
    c.end_reason = o.str("termination_reason");
    c.title = o.str("call_summary_title");
    Some(c)
}

pub(super) fn parse_detail(value: &Value) -> Result<CallDetail, ApiError> {
    let o = common::detail_obj(value, &[])?;
    let mut c = common::detail_call(read_summary(o), "conversation_id")?;
    c.started_at = c
        .started_at
        .or_else(|| o.instant("metadata.start_time_unix_secs"));
    c.duration_ms = c
        .duration_ms
        .or_else(|| o.duration("metadata.call_duration_secs", DurationUnit::Seconds));
    c.end_reason = c
        .end_reason
        .or_else(|| o.str("metadata.termination_reason"));
    c.cost = common::cost(o.f64("metadata.cost"), CostUnit::Credits);
    if let Some(d) = o.str("metadata.phone_call.direction") {
        c.set_direction(Some(d));
    } else if c.direction == Direction::Unknown && o.path("metadata.phone_call").is_none() {
        // No phone call: a conversation in the browser or an app.
        c.set_direction(Some("web".into()));
    }
    c.agent_number = o.str("metadata.phone_call.agent_number");
    c.customer_number = o.str("metadata.phone_call.external_number");
    c.successful = c
        .successful
        .or_else(|| success(o.str("analysis.call_successful")));
    c.summary = c.summary.or_else(|| o.str("analysis.transcript_summary"));
    c.title = c.title.or_else(|| o.str("analysis.call_summary_title"));
    if o.bool("has_audio") == Some(true) {
        c.recording.proxy_path = Some(format!(
            "/v1/convai/conversations/{}/audio",
            encode_component(&c.id)
        ));
    }
    let transcript = o.get("transcript").and_then(|raw| {
        let mut t = read_transcript(raw, c.started_at)?;
        t.events = read_events(raw, c.started_at, &t.turns);
        Some(t)
    });
    Ok(CallDetail {
        call: c,
        transcript: transcript.map(Arc::new),
        latency: Vec::new(),
    })
}
