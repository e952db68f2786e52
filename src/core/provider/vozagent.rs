//! VozAgent (its examples: `tests/fixtures/vozagent/`): `GET /v1/calls` answers a bare array with no
//! total; there is a next page when the page came back full.

use crate::core::words;
use std::sync::Arc;

use serde_json::Value;

use super::common::{self, flag, words};
use super::Provider;
use crate::core::capabilities::{choice, Capabilities, DateGranularity, Pagination};
use crate::core::error::ApiError;
use crate::core::json::Obj;
use crate::core::model::{Call, CallDetail, CostUnit, Page};
use crate::core::normalize::Direction;
use crate::core::query::{FilterKind as F, Filters, Query};
use crate::core::request::ProviderRequest;
use crate::core::time::DurationUnit;
use crate::core::transcript::read_transcript;

pub(super) const CAPS: Capabilities = Capabilities {
    pagination: Pagination::Offset,
    total_known: false,
    default_page_size: 50,
    max_page_size: 100,
    filters: &[F::Status, F::Direction, F::Agent, F::Contact],
    statuses: &[
        choice("completed", words::STATUS_COMPLETED),
        choice("in-progress", words::STATUS_IN_PROGRESS),
        choice("failed", words::STATUS_FAILED),
    ],
    directions: &[Direction::Inbound, Direction::Outbound],
    call_types: &[],
    end_reasons: &[],
    sentiments: &[],
    outcomes: &[],
    search_hint: None,
    phone_via_search: false,
    date_granularity: DateGranularity::Instant,
    sorts: &[],
    sort_both_ways: false,
    transcripts: true,
    recordings: true,
    stereo: false,
    fresh_recording_link: false,
};

pub(super) fn list_request(q: &Query, f: &Filters, size: u32) -> ProviderRequest {
    let offset = u64::from(q.page.saturating_sub(1)) * u64::from(size);
    let mut r = ProviderRequest::get("/v1/calls".into());
    r.number("limit", size.into())
        .number("offset", offset)
        .param_opt("status", f.status.as_deref())
        .param_opt("contact_id", f.contact_id.as_deref())
        .param_opt("assistant_id", f.agent_id.as_deref())
        .param_opt("call_type", f.direction.map(Direction::id));
    r
}

pub(super) fn parse_list(value: &Value, size: u32) -> Result<Page, ApiError> {
    let items = common::items_at(value, &["data", "calls"])?;
    let read = common::read_rows(items, read_call);
    // No total: a full page means there may be more.
    let has_more = size > 0 && items.len() >= size as usize;
    Ok(common::page(read, None, has_more))
}

pub(super) fn parse_detail(value: &Value) -> Result<CallDetail, ApiError> {
    let o = common::detail_obj(value, &["data"])?;
    let mut call = common::detail_call(read_call(o), "id")?;
    call.customer_number = o.str("customer_phone_number");
    call.agent_number = o.str("assistant_phone_number");
    call.summary = o.str("analysis_summary");
    call.recording.mono = common::url_at(o, "recording_url");
    call.cost = common::cost(o.f64("cost"), CostUnit::Usd);
    let transcript = o
        .get("transcript")
        .and_then(|t| read_transcript(t, call.time()));
    Ok(CallDetail {
        call,
        transcript: transcript.map(Arc::new),
        latency: Vec::new(),
    })
}

fn read_call(o: Obj<'_>) -> Option<Call> {
    let mut c = Call::new(Provider::VozAgent, o.str("id")?);
    c.set_direction(o.str("call_type"));
    c.set_status(o.str("call_status"));
    c.contact_id = o.str("contact_id");
    c.agent_id = o.str("assistant_id");
    c.duration_ms = o.duration("duration_seconds", DurationUnit::Seconds);
    c.started_at = o.instant("call_started_at");
    c.ended_at = o.instant("call_ended_at");
    c.customer_number = o.str("customer_phone_number");
    c.agent_number = o.str("assistant_phone_number");
    c.push_extra(
        "appointment_booked",
        words::EXTRA_APPOINTMENT_BOOKED,
        flag(o.bool("appointment_booked")),
    );
    c.push_extra(
        "lead_qualification",
        words::EXTRA_LEAD,
        words(o.str("lead_qualification")),
    );
    c.push_extra(
        "call_intent",
        words::EXTRA_INTENT,
        words(o.str("call_intent")),
    );
    Some(c)
}
