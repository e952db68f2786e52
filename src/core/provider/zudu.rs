//! Zudu (its examples: `tests/fixtures/zudu/`): `GET /api/calls` without filters, `POST
//! /api/calls` with a JSON body when filtering or sorting; 0-based pages;
//! an envelope `{message, status, error, data}`; Retell-shaped calls.

use crate::core::words;
use serde_json::{Map, Value};

use super::common::{self, link, put, text};
use super::retell::{self, sort_order, threshold};
use super::Provider;
use crate::core::capabilities::{choice, Capabilities, DateGranularity, Pagination};
use crate::core::error::ApiError;
use crate::core::json::Obj;
use crate::core::model::{Call, CallDetail, Page};
use crate::core::query::{FilterKind as F, Filters, Query, SortField};
use crate::core::request::ProviderRequest;

pub(super) const CAPS: Capabilities = Capabilities {
    pagination: Pagination::Page { first: 0 },
    total_known: true,
    default_page_size: 20,
    max_page_size: 100,
    filters: &[F::Status, F::CallType, F::Agent, F::Duration, F::Search],
    statuses: &[
        choice("ENDED", words::CHOICE_ENDED),
        choice("ONGOING", words::CHOICE_ONGOING),
        choice("REGISTERED", words::CHOICE_REGISTERED),
        choice("SCHEDULED", words::STATUS_SCHEDULED),
        choice("ERROR", words::CHOICE_ERROR),
    ],
    directions: &[],
    call_types: &[
        choice("PHONE_CALL", words::CHOICE_PHONE_CALL),
        choice("WEB_CALL", words::CHOICE_WEB_CALL),
    ],
    end_reasons: &[],
    sentiments: &[],
    outcomes: &[],
    search_hint: Some(words::SEARCH_HINT_TRANSCRIPT),
    phone_via_search: false,
    date_granularity: DateGranularity::Instant,
    sorts: &[
        SortField::StartedAt,
        SortField::EndedAt,
        SortField::Duration,
    ],
    sort_both_ways: true,
    transcripts: true,
    recordings: true,
    stereo: false,
    fresh_recording_link: false,
};

pub(super) fn list_request(q: &Query, f: &Filters, size: u32) -> ProviderRequest {
    let page = q.page.saturating_sub(1);
    if f.is_empty() && q.sort.is_none() {
        let mut r = ProviderRequest::get("/api/calls".into());
        r.number("page", page.into()).number("limit", size.into());
        return r;
    }
    let mut criteria = Map::new();
    for (key, v) in [
        ("call_status", &f.status),
        ("call_type", &f.call_type),
        ("agent_id", &f.agent_id),
    ] {
        if let Some(v) = v {
            put(&mut criteria, key, Value::Array(vec![v.as_str().into()]));
        }
    }
    if let Some(t) = threshold(f.min_duration_ms, f.max_duration_ms) {
        put(&mut criteria, "duration_ms", t);
    }
    if let Some(s) = &f.search {
        put(&mut criteria, "transcript_search", s.as_str().into());
    }
    let mut body = Map::new();
    put(&mut body, "page", page.into());
    put(&mut body, "limit", size.into());
    if let Some(sort) = q.sort {
        let field = match sort.field {
            SortField::EndedAt => "end_timestamp",
            SortField::Duration => "call_duration",
            _ => "start_timestamp",
        };
        put(&mut body, "sort_by", field.into());
        put(&mut body, "sort_order", sort_order(sort.dir).into());
    }
    put(&mut body, "filter_criteria", Value::Object(criteria));
    ProviderRequest::post("/api/calls".into(), &Value::Object(body))
}

pub(super) fn parse_list(value: &Value) -> Result<Page, ApiError> {
    let items = common::items_at(value, &["data.calls", "calls"])?;
    let read = common::read_rows(items, read_call);
    let p = Obj::of(value).and_then(|o| o.obj("data.pagination").or_else(|| o.obj("pagination")));
    let num = |key: &str| p.and_then(|p| p.i64(key));
    // Two published shapes: `total_count` + `has_next_page`, or `total`.
    let total = common::count(p, "total_count").or_else(|| common::count(p, "total"));
    let has_more = p.and_then(|p| p.bool("has_next_page")).unwrap_or_else(|| {
        match (num("page"), num("total_pages"), num("limit"), total) {
            (Some(page), Some(pages), _, _) => page + 1 < pages,
            (Some(page), None, Some(limit), Some(t)) => {
                u64::try_from((page + 1) * limit).is_ok_and(|seen| seen < t)
            }
            _ => false,
        }
    });
    Ok(common::page(read, total, has_more))
}

pub(super) fn parse_detail(value: &Value) -> Result<CallDetail, ApiError> {
    let o = common::detail_obj(value, &["data.call", "data"])?;
    let mut detail = retell::read_detail(o, Provider::Zudu)?;
    add_extras(&mut detail.call, o);
    Ok(detail)
}

fn read_call(o: Obj<'_>) -> Option<Call> {
    let mut c = retell::read_call(o, Provider::Zudu)?;
    add_extras(&mut c, o);
    Some(c)
}

fn add_extras(c: &mut Call, o: Obj<'_>) {
    c.push_extra(
        "public_log_url",
        words::EXTRA_CALL_LOG,
        link(o.str("public_log_url")),
    );
    c.push_extra(
        "call_sid",
        words::EXTRA_TELEPHONY_SID,
        text(o.str("telephony_identifier.call_sid")),
    );
}
