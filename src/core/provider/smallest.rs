//! Smallest.ai Atoms (the REST API behind its SDK; examples in
//! `tests/fixtures/smallest/`):
//! `GET /atoms/v1/conversation` with 1-based pages and totals; recording
//! links expire, so a fresh one is fetched when playback starts.

use crate::core::words;
use std::sync::Arc;

use serde_json::Value;

use super::common;
use super::Provider;
use crate::core::capabilities::{choice, Capabilities, DateGranularity, Pagination};
use crate::core::error::ApiError;
use crate::core::json::{self, Obj};
use crate::core::model::{Call, CallDetail, CostUnit, Page};
use crate::core::normalize::{CallStatus, Direction};
use crate::core::query::{FilterKind as F, Filters, Query, SortField};
use crate::core::request::ProviderRequest;
use crate::core::time::{format_iso8601, DurationUnit};
use crate::core::transcript::read_transcript;
use crate::core::url::safe_url;

pub(super) const CAPS: Capabilities = Capabilities {
    pagination: Pagination::Page { first: 1 },
    total_known: true,
    default_page_size: 5,
    max_page_size: 500,
    filters: &[
        F::Status,
        F::Direction,
        F::Agent,
        F::Campaign,
        F::Phone,
        F::Search,
        F::EndReason,
        F::DateRange,
    ],
    statuses: &[
        choice("completed", words::STATUS_COMPLETED),
        choice("in_progress", words::STATUS_IN_PROGRESS),
        choice("active", words::CHOICE_ACTIVE),
        choice("processing", words::CHOICE_PROCESSING),
        choice("pending", words::CHOICE_PENDING),
        choice("in_queue", words::CHOICE_IN_QUEUE),
        choice("failed", words::STATUS_FAILED),
        choice("no_answer", words::STATUS_NO_ANSWER),
        choice("cancelled", words::STATUS_CANCELED),
    ],
    directions: &[Direction::Inbound, Direction::Outbound, Direction::Web],
    call_types: &[],
    end_reasons: &[
        choice("user_hangup", words::CHOICE_CALLER_HUNG_UP),
        choice("agent_hangup", words::CHOICE_AGENT_HUNG_UP),
        choice("dial_no_answer", words::STATUS_NO_ANSWER),
        choice("timeout", words::CHOICE_TIMEOUT),
    ],
    sentiments: &[],
    outcomes: &[],
    search_hint: Some(words::SEARCH_HINT_ID_OR_PHONE),
    phone_via_search: true,
    date_granularity: DateGranularity::Instant,
    sorts: &[
        SortField::CreatedAt,
        SortField::UpdatedAt,
        SortField::Duration,
        SortField::Latency,
    ],
    sort_both_ways: true,
    transcripts: true,
    recordings: true,
    stereo: true,
    fresh_recording_link: true,
};

fn call_type(d: Direction) -> &'static str {
    match d {
        Direction::Inbound => "telephony_inbound",
        Direction::Outbound => "telephony_outbound",
        Direction::Web | Direction::Unknown => "webcall",
    }
}

pub(super) fn list_request(q: &Query, f: &Filters, size: u32) -> ProviderRequest {
    let mut r = ProviderRequest::get("/atoms/v1/conversation".into());
    r.number("page", q.page.max(1).into())
        .number("limit", size.into());
    if let Some(sort) = q.sort {
        let field = match sort.field {
            SortField::UpdatedAt => "updatedAt",
            SortField::Duration => "callDuration",
            SortField::Latency => "avgLatency",
            _ => "createdAt",
        };
        r.param("sortBy", field)
            .param("sortOrder", sort.dir.short());
    }
    r.param_opt("agentIds", f.agent_id.as_deref())
        .param_opt("campaignIds", f.campaign_id.as_deref())
        .param_opt("callTypes", f.direction.map(call_type))
        .param_opt("search", f.phone_number.as_deref().or(f.search.as_deref()))
        .param_opt("statusFilter", f.status.as_deref())
        .param_opt("disconnectReasonFilter", f.end_reason.as_deref())
        .param_opt("dateFrom", f.date_from.map(format_iso8601).as_deref())
        .param_opt("dateTo", f.date_to.map(format_iso8601).as_deref());
    r
}

pub(super) fn recording_link_request(id: &str) -> ProviderRequest {
    ProviderRequest::get(format!(
        "/atoms/v1/conversation/{id}/recording/download-url"
    ))
}

pub(super) fn parse_list(value: &Value) -> Result<Page, ApiError> {
    let items = common::items_at(value, &["data.logs", "logs", "data"])?;
    let read = common::read_rows(items, read_call);
    let p = Obj::of(value).and_then(|o| o.obj("data.pagination").or_else(|| o.obj("pagination")));
    let num = |key: &str| p.and_then(|p| p.i64(key));
    let total = common::count(p, "total");
    let has_more = p.and_then(|p| p.bool("hasMore")).unwrap_or_else(|| {
        match (num("page"), num("totalPages")) {
            (Some(page), Some(pages)) => page < pages,
            _ => false,
        }
    });
    Ok(common::page(read, total, has_more))
}

pub(super) fn parse_detail(value: &Value) -> Result<CallDetail, ApiError> {
    let o = common::detail_obj(value, &["data"])?;
    let call = common::detail_call(read_call(o), "callId")?;
    let transcript = o
        .get("transcript")
        .and_then(|t| read_transcript(t, call.time()));
    let mut latency = Vec::new();
    common::latency_figures(o.get("turnLatencyMetrics"), &mut latency);
    for key in [
        "average_transcriber_latency",
        "average_agent_latency",
        "average_synthesizer_latency",
    ] {
        latency.extend(common::latency_figure(key, o.f64(key)));
    }
    Ok(CallDetail {
        call,
        transcript: transcript.map(Arc::new),
        latency,
    })
}

/// A fresh link from `{data: {url}}`, `{data: "..."}`, `{url}` and the like.
pub(super) fn parse_recording_link(value: &Value) -> Result<String, ApiError> {
    let o = Obj::of(value);
    let keys = [
        "url",
        "downloadUrl",
        "download_url",
        "recordingUrl",
        "signedUrl",
    ];
    let found = o
        .and_then(|o| o.obj("data"))
        .and_then(|d| d.first_str(&keys))
        .or_else(|| o.and_then(|o| o.get("data")).and_then(json::text))
        .or_else(|| o.and_then(|o| o.first_str(&keys)))
        .or_else(|| json::text(value));
    let url = found.ok_or_else(|| ApiError::unreadable(words::NO_RECORDING_LINK_IN_ANSWER))?;
    safe_url(&url).ok_or_else(|| ApiError::unreadable(words::RECORDING_LINK_NOT_HTTP))
}

fn read_call(o: Obj<'_>) -> Option<Call> {
    // `_id` is internal; only `callId` addresses the call.
    let mut c = Call::new(Provider::Smallest, o.str("callId")?);
    c.set_direction(o.str("type"));
    c.set_status(o.str("status"));
    c.set_numbers(o.str("from"), o.str("to"));
    c.duration_ms = o.duration("duration", DurationUnit::Seconds);
    c.created_at = o.instant("createdAt");
    c.started_at = o.first_instant(&["startedAt", "startTime"]);
    c.ended_at = o.first_instant(&["endedAt", "endTime"]);
    c.agent_id = o.str("agentId");
    c.agent_name = o.first_str(&["agentName", "agent.name"]);
    c.campaign_id = o.str("campaignId");
    c.end_reason = o.str("disconnectionReason");
    c.cost = common::cost(o.f64("callCost"), CostUnit::Credits);
    c.summary = o.str("postCallAnalytics.summary");
    c.recording.mono = common::url_at(o, "recordingUrl");
    c.recording.stereo = common::url_at(o, "recordingDualUrl");
    // Links expire: where a recording exists (or a completed call should
    // have one), playback asks for a fresh link first.
    c.recording.fresh_link = c.recording.mono.is_some()
        || c.recording.stereo.is_some()
        || c.status == CallStatus::Completed;
    common::pair_extras(
        &mut c,
        "disposition",
        o.arr("postCallAnalytics.dispositionMetrics"),
    );
    Some(c)
}
