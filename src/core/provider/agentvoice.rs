//! AgentVoice (its examples: `tests/fixtures/agentvoice/`): `GET /api/calls` with `limit`/`offset`
//! and totals; detail `GET /api/calls/{id}`.

use crate::core::words;
use std::sync::Arc;

use serde_json::Value;

use super::common::{self, flag, text};
use super::Provider;
use crate::core::capabilities::{choice, Capabilities, DateGranularity, Pagination};
use crate::core::error::ApiError;
use crate::core::json::{self, Obj};
use crate::core::model::{Call, CallDetail, ExtraValue, Page};
use crate::core::normalize::Direction;
use crate::core::query::{FilterKind as F, Filters, Query, SortField};
use crate::core::request::ProviderRequest;
use crate::core::time::{format_iso8601, DurationUnit};
use crate::core::transcript::read_transcript;

pub(super) const CAPS: Capabilities = Capabilities {
    pagination: Pagination::Offset,
    total_known: true,
    default_page_size: 50,
    max_page_size: 100,
    filters: &[
        F::Status,
        F::Direction,
        F::Agent,
        F::Campaign,
        F::Contact,
        F::Phone,
        F::DateRange,
    ],
    statuses: &[
        choice("completed", words::STATUS_COMPLETED),
        choice("in-progress", words::STATUS_IN_PROGRESS),
        choice("queued", words::CHOICE_QUEUED),
        choice("failed", words::STATUS_FAILED),
        choice("no-answer", words::STATUS_NO_ANSWER),
        choice("busy", words::STATUS_BUSY),
        choice("voicemail", words::STATUS_VOICEMAIL),
    ],
    directions: &[Direction::Inbound, Direction::Outbound],
    call_types: &[],
    end_reasons: &[],
    sentiments: &[],
    outcomes: &[],
    search_hint: None,
    phone_via_search: false,
    date_granularity: DateGranularity::Instant,
    sorts: &[
        SortField::StartedAt,
        SortField::EndedAt,
        SortField::CreatedAt,
    ],
    sort_both_ways: true,
    transcripts: true,
    recordings: true,
    stereo: false,
    fresh_recording_link: false,
};

pub(super) fn list_request(q: &Query, f: &Filters, size: u32) -> ProviderRequest {
    let offset = u64::from(q.page.saturating_sub(1)) * u64::from(size);
    let mut r = ProviderRequest::get("/api/calls".into());
    r.number("limit", size.into())
        .number("offset", offset)
        .param("fields", "light");
    if let Some(sort) = q.sort {
        let field = match sort.field {
            SortField::EndedAt => "ended_at",
            SortField::CreatedAt => "created_at",
            _ => "started_at",
        };
        r.param("order_by", field).param("order", sort.dir.short());
    }
    r.param_opt("phone_number", f.phone_number.as_deref())
        .param_opt("contact_id", f.contact_id.as_deref())
        .param_opt("agent_id", f.agent_id.as_deref())
        .param_opt("campaign_id", f.campaign_id.as_deref())
        .param_opt("status", f.status.as_deref())
        .param_opt("call_type", f.direction.map(Direction::id))
        .param_opt("from", f.date_from.map(format_iso8601).as_deref())
        .param_opt("to", f.date_to.map(format_iso8601).as_deref());
    r
}

pub(super) fn detail_request(id: &str) -> ProviderRequest {
    let mut r = ProviderRequest::get(format!("/api/calls/{id}"));
    r.param("fields", "full")
        .param("include", "transcript,metrics");
    r
}

pub(super) fn parse_list(value: &Value) -> Result<Page, ApiError> {
    let o = Obj::of(value);
    // `most_recent=true` answers one call object instead of a list.
    if o.is_some_and(|o| o.get("data").is_none() && o.get("id").is_some()) {
        let read = common::read_rows(std::slice::from_ref(value), read_call);
        let total = read.0.len() as u64;
        return Ok(common::page(read, Some(total), false));
    }
    let items = common::items_at(value, &["data"])?;
    let read = common::read_rows(items, read_call);
    let p = o.and_then(|o| o.obj("pagination"));
    let total = common::count(p, "total");
    let offset = p.and_then(|p| p.i64("offset")).unwrap_or(0).max(0);
    let seen = u64::try_from(offset).unwrap_or(0) + items.len() as u64;
    let has_more = p
        .and_then(|p| p.bool("has_more"))
        .or_else(|| total.map(|t| seen < t))
        .unwrap_or(false);
    Ok(common::page(read, total, has_more))
}

pub(super) fn parse_detail(value: &Value) -> Result<CallDetail, ApiError> {
    let o = common::detail_obj(value, &["data"])?;
    let mut call = common::detail_call(read_call(o), "id")?;
    let analysis = o.get("post_call_analysis");
    call.summary = o
        .str("call_description")
        .or_else(|| {
            analysis
                .and_then(Obj::of)
                .and_then(|a| a.first_str(&["summary", "call_summary"]))
        })
        .or_else(|| analysis.and_then(json::text));
    if let Some(a) = analysis.and_then(Obj::of) {
        call.successful = call.successful.or_else(|| a.bool("call_successful"));
        call.sentiment = a.first_str(&["sentiment", "user_sentiment"]);
    }
    call.push_extra(
        "action_summary",
        words::EXTRA_ACTIONS,
        text(o.str("action_summary")),
    );
    call.push_extra("notes", words::EXTRA_NOTES, notes(o.arr("notes")));
    common::object_extras(&mut call, "custom_analysis", o.obj("custom_analysis"));
    common::object_extras(
        &mut call,
        "structured_data",
        o.obj("structured_data_results"),
    );
    common::object_extras(&mut call, "quality", o.obj("quality_metrics"));
    let transcript = o
        .get("transcript_formatted")
        .and_then(|t| read_transcript(t, call.time()))
        .or_else(|| {
            o.get("transcript")
                .and_then(|t| read_transcript(t, call.time()))
        });
    let mut latency = Vec::new();
    common::latency_figures(o.get("latency_metrics"), &mut latency);
    Ok(CallDetail {
        call,
        transcript: transcript.map(Arc::new),
        latency,
    })
}

/// Notes as one text: strings, or objects with `text`/`content`/`note`.
fn notes(items: Option<&[Value]>) -> Option<ExtraValue> {
    let lines: Vec<String> = items?
        .iter()
        .filter_map(|n| {
            json::text(n).or_else(|| Obj::of(n)?.first_str(&["text", "content", "note", "body"]))
        })
        .collect();
    (!lines.is_empty()).then(|| ExtraValue::Text(lines.join("\n")))
}

fn read_call(o: Obj<'_>) -> Option<Call> {
    let mut c = Call::new(Provider::AgentVoice, o.str("id")?);
    c.set_direction(o.str("call_type"));
    c.set_status(o.str("status"));
    c.started_at = o.instant("started_at");
    c.ended_at = o.instant("ended_at");
    c.created_at = o.instant("created_at");
    c.duration_ms = o.duration("call_duration", DurationUnit::Seconds);
    c.customer_number = o.str("phone_number");
    c.agent_number = o.str("phone_number_called_from");
    c.customer_name = common::full_name(o.str("contact_first_name"), o.str("contact_last_name"));
    c.contact_id = o.str("contact_id");
    c.agent_id = o.str("agent_id");
    c.agent_name = o.str("agent_name");
    c.campaign_id = o.str("campaign_id");
    c.campaign_name = o.str("campaign_name");
    c.end_reason = o.str("ended_reason");
    c.successful = o.bool("call_success");
    c.recording.mono = common::url_at(o, "recording_url");
    c.push_extra(
        "contact_email",
        words::EXTRA_EMAIL,
        text(o.str("contact_email")),
    );
    c.push_extra(
        "went_to_voicemail",
        words::EXTRA_WENT_TO_VOICEMAIL,
        flag(o.bool("went_to_voicemail")),
    );
    Some(c)
}
