//! Talkover (its examples: `tests/fixtures/talkover/`): `GET /api/v1/agents/{agent_id}/calls`, or
//! `GET /api/v1/calls` without an agent; 1-based pages with totals; dates
//! only (`YYYY-MM-DD`); no transcripts or recordings.

use crate::core::words;
use serde_json::Value;

use super::common::{self, flag, text};
use super::Provider;
use crate::core::capabilities::{choice, Capabilities, DateGranularity, Pagination};
use crate::core::error::{ApiError, QueryError};
use crate::core::json::Obj;
use crate::core::model::{Call, CallDetail, Page};
use crate::core::normalize::Direction;
use crate::core::query::{FilterKind as F, Filters, Query};
use crate::core::request::{id_segment, ProviderRequest};
use crate::core::time::{first_day, last_day, DurationUnit};

pub(super) const CAPS: Capabilities = Capabilities {
    pagination: Pagination::Page { first: 1 },
    total_known: true,
    default_page_size: 20,
    max_page_size: 100,
    filters: &[
        F::Status,
        F::Direction,
        F::Agent,
        F::Phone,
        F::Search,
        F::DateRange,
    ],
    statuses: &[
        choice("initiated", words::CHOICE_INITIATED),
        choice("ringing", words::STATUS_RINGING),
        choice("answered", words::CHOICE_ANSWERED),
        choice("completed", words::STATUS_COMPLETED),
        choice("failed", words::STATUS_FAILED),
        choice("busy", words::STATUS_BUSY),
        choice("no-answer", words::STATUS_NO_ANSWER),
    ],
    directions: &[Direction::Inbound, Direction::Outbound],
    call_types: &[],
    end_reasons: &[],
    sentiments: &[],
    outcomes: &[],
    search_hint: Some(words::SEARCH_HINT_PHONE_OR_SID),
    phone_via_search: true,
    date_granularity: DateGranularity::Day,
    sorts: &[],
    sort_both_ways: false,
    transcripts: false,
    recordings: false,
    stereo: false,
    fresh_recording_link: false,
};

pub(super) fn list_request(
    q: &Query,
    f: &Filters,
    size: u32,
) -> Result<ProviderRequest, QueryError> {
    let path = match &f.agent_id {
        Some(agent) => format!("/api/v1/agents/{}/calls", id_segment(agent)?),
        None => "/api/v1/calls".to_owned(),
    };
    let offset = q.utc_offset_minutes;
    let mut r = ProviderRequest::get(path);
    r.number("page", q.page.max(1).into())
        .number("per_page", size.into())
        .param_opt("status", f.status.as_deref())
        .param_opt("direction", f.direction.map(Direction::id))
        .param_opt(
            "date_from",
            f.date_from.map(|ms| first_day(ms, offset)).as_deref(),
        )
        // `date_to` is inclusive and ours is exclusive: the last day is the
        // one before the end.
        .param_opt(
            "date_to",
            f.date_to.map(|ms| last_day(ms, offset)).as_deref(),
        )
        .param_opt("search", f.phone_number.as_deref().or(f.search.as_deref()));
    Ok(r)
}

pub(super) fn parse_list(value: &Value) -> Result<Page, ApiError> {
    let items = common::items_at(value, &["data"])?;
    let read = common::read_rows(items, read_call);
    let p = Obj::of(value).and_then(|o| o.obj("pagination"));
    let num = |key: &str| p.and_then(|p| p.i64(key));
    let total = common::count(p, "total");
    let has_more = match (num("current_page"), num("last_page")) {
        (Some(current), Some(last)) => current < last,
        _ => match (num("to"), total) {
            (Some(to), Some(t)) => u64::try_from(to).is_ok_and(|to| to < t),
            _ => false,
        },
    };
    Ok(common::page(read, total, has_more))
}

pub(super) fn parse_detail(value: &Value) -> Result<CallDetail, ApiError> {
    let o = common::detail_obj(value, &["data"])?;
    let call = common::detail_call(read_call(o), "id")?;
    Ok(CallDetail {
        call,
        transcript: None,
        latency: Vec::new(),
    })
}

fn read_call(o: Obj<'_>) -> Option<Call> {
    let mut c = Call::new(Provider::Talkover, o.str("id")?);
    c.set_direction(o.str("direction"));
    c.set_status(o.str("status"));
    c.set_numbers(o.str("from"), o.str("to"));
    c.duration_ms = o.duration("duration", DurationUnit::Seconds);
    // No start or end time is documented: the record's creation stands in.
    c.created_at = o.instant("created_at");
    c.agent_id = o.str("agent.id").or_else(|| o.str("agent_id"));
    c.agent_name = o.str("agent.name");
    c.push_extra("sid", words::EXTRA_CALL_SID, text(o.str("sid")));
    c.push_extra(
        "is_testing",
        words::EXTRA_TEST_CALL,
        flag(o.bool("is_testing")),
    );
    Some(c)
}
