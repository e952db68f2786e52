//! Bland AI (its API reference, `docs.bland.ai/api-v1`): `GET /v1/calls`
//! returns `{count, calls}` for the index range `from`..`to` (numbered
//! pages with a total), newest first unless `ascending`; the detail
//! `GET /v1/calls/{call_id}` adds `transcripts[]`, `recording_url`,
//! `summary` and `price`. `call_length` is in minutes.

use crate::core::words;
use std::sync::Arc;

use serde_json::Value;

use super::common::{self, flag, text, words};
use super::Provider;
use crate::core::capabilities::{choice, Capabilities, DateGranularity, Pagination};
use crate::core::error::ApiError;
use crate::core::json::Obj;
use crate::core::model::{Call, CallDetail, CostUnit, Page};
use crate::core::query::{FilterKind as F, Filters, Query, SortDir, SortField};
use crate::core::request::ProviderRequest;
use crate::core::time::{first_day, last_day, DurationUnit};
use crate::core::transcript::read_transcript;

pub(super) const CAPS: Capabilities = Capabilities {
    pagination: Pagination::Offset,
    total_known: true,
    default_page_size: 25,
    max_page_size: 1000,
    filters: &[F::Status, F::Campaign, F::DateRange],
    statuses: &[
        choice("completed", words::STATUS_COMPLETED),
        choice("not_completed", words::CHOICE_NOT_COMPLETED),
    ],
    directions: &[],
    call_types: &[],
    end_reasons: &[],
    sentiments: &[],
    outcomes: &[],
    search_hint: None,
    phone_via_search: false,
    date_granularity: DateGranularity::Day,
    sorts: &[SortField::CreatedAt],
    sort_both_ways: true,
    transcripts: true,
    recordings: true,
    stereo: false,
    fresh_recording_link: false,
};

pub(super) fn list_request(q: &Query, f: &Filters, size: u32) -> ProviderRequest {
    let from = u64::from(q.page.saturating_sub(1)) * u64::from(size);
    let ascending = q.sort.is_some_and(|s| s.dir == SortDir::Asc);
    // Days in the viewer's zone; `date_to` is exclusive, so the last day
    // is the one before it.
    let offset = q.utc_offset_minutes;
    let mut r = ProviderRequest::get("/v1/calls".into());
    r.number("from", from)
        .number("to", from + u64::from(size))
        .number("limit", size.into())
        .param_opt("ascending", ascending.then_some("true"))
        .param_opt(
            "completed",
            f.status
                .as_deref()
                .map(|s| if s == "completed" { "true" } else { "false" }),
        )
        .param_opt("campaign_id", f.campaign_id.as_deref())
        .param_opt(
            "start_date",
            f.date_from.map(|ms| first_day(ms, offset)).as_deref(),
        )
        .param_opt(
            "end_date",
            f.date_to.map(|ms| last_day(ms, offset)).as_deref(),
        );
    r
}

pub(super) fn parse_list(value: &Value, query: &Query, size: u32) -> Result<Page, ApiError> {
    let items = common::items_at(value, &["calls"])?;
    let read = common::read_rows(items, read_call);
    let total = common::count(Obj::of(value), "count");
    let seen = u64::from(query.page.saturating_sub(1)) * u64::from(size) + items.len() as u64;
    let has_more = total.map_or(size > 0 && items.len() >= size as usize, |t| seen < t);
    Ok(common::page(read, total, has_more))
}

pub(super) fn parse_detail(value: &Value) -> Result<CallDetail, ApiError> {
    let o = common::detail_obj(value, &["data"])?;
    let c = common::detail_call(read_call(o), "call_id")?;
    let transcript = ["transcripts", "concatenated_transcript"]
        .iter()
        .find_map(|k| {
            o.get(k)
                .and_then(|t| read_transcript(t, c.started_at.or(c.created_at)))
        });
    Ok(CallDetail {
        call: c,
        transcript: transcript.map(Arc::new),
        latency: Vec::new(),
    })
}

fn read_call(o: Obj<'_>) -> Option<Call> {
    let mut c = Call::new(Provider::Bland, o.first_str(&["call_id", "c_id"])?);
    let inbound = o.bool("inbound");
    c.set_direction(inbound.map(|i| if i { "inbound" } else { "outbound" }.to_owned()));
    c.set_numbers(o.str("from"), o.str("to"));
    c.created_at = o.instant("created_at");
    c.started_at = o.instant("started_at");
    // `end_at` is the max-duration cutoff, not when the call ended.
    c.duration_ms = o.duration("call_length", DurationUnit::Minutes);
    if let Some(start) = c.started_at.or(c.created_at) {
        c.ended_at = c.duration_ms.map(|d| start + d);
    }
    // `completed` is the list's word for how it went; otherwise the
    // detail's `status` or the queue's.
    let status = match o.bool("completed") {
        Some(true) => Some("completed".to_owned()),
        done => o
            .str("status")
            .or_else(|| o.str("queue_status"))
            .or_else(|| done.map(|_| "not_completed".to_owned())),
    };
    c.set_status(status);
    c.end_reason = o.str("call_ended_by");
    c.summary = o.str("summary");
    c.campaign_id = o.str("campaign_id");
    c.recording.mono = common::url_at(o, "recording_url");
    c.cost = common::cost(o.f64("price"), CostUnit::Usd);
    c.push_extra(
        "answered_by",
        words::EXTRA_ANSWERED_BY,
        words(o.str("answered_by")),
    );
    c.push_extra("batch_id", words::EXTRA_BATCH, text(o.str("batch_id")));
    c.push_extra(
        "error_message",
        words::EXTRA_ERROR,
        text(o.str("error_message")),
    );
    c.push_extra(
        "completed",
        words::EXTRA_COMPLETED,
        flag(o.bool("completed")),
    );
    Some(c)
}
