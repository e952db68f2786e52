//! Vapi: `GET /call` answers a bare array, newest first; the next page asks
//! for calls created before the last one (`createdAtLt`). Recordings are in
//! `artifact.recording{stereoUrl, mono{combinedUrl, ...}}` (Vapi's OpenAPI
//! `Recording`), with presigned links that expire at
//! `artifact.presignedUrlsExpiresAt` where the answer has them; a fresh
//! link is the call fetched again (`GET /call/{id}`). The deprecated
//! `artifact.recordingUrl`, `artifact.stereoRecordingUrl` and top-level
//! fields are read only as fallbacks.

use crate::core::words;
use std::sync::Arc;

use serde_json::Value;

use super::common::{self, text};
use super::Provider;
use crate::core::capabilities::{Capabilities, DateGranularity, Pagination};
use crate::core::error::ApiError;
use crate::core::json::Obj;
use crate::core::model::{Call, CallDetail, CostUnit, Page};
use crate::core::query::{FilterKind as F, Filters, Query};
use crate::core::request::ProviderRequest;
use crate::core::time::{format_iso8601, parse_iso8601};
use crate::core::tool_events::read_events;
use crate::core::transcript::read_transcript;

pub(super) const CAPS: Capabilities = Capabilities {
    pagination: Pagination::Cursor,
    total_known: false,
    default_page_size: 100,
    max_page_size: 1000,
    filters: &[F::Agent, F::DateRange],
    statuses: &[],
    directions: &[],
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
    stereo: true,
    fresh_recording_link: true,
};

pub(super) fn list_request(q: &Query, f: &Filters, size: u32) -> ProviderRequest {
    // The cursor and the end of a date range both bound `createdAtLt`: the
    // earlier one wins.
    let before = match (q.cursor.as_deref(), f.date_to) {
        (Some(cursor), Some(to)) => match parse_iso8601(cursor) {
            Some(c) if c <= to => Some(cursor.to_owned()),
            Some(_) => Some(format_iso8601(to)),
            None => Some(cursor.to_owned()),
        },
        (Some(cursor), None) => Some(cursor.to_owned()),
        (None, to) => to.map(format_iso8601),
    };
    let mut r = ProviderRequest::get("/call".into());
    r.number("limit", size.into())
        .param_opt("assistantId", f.agent_id.as_deref())
        .param_opt("createdAtGe", f.date_from.map(format_iso8601).as_deref())
        .param_opt("createdAtLt", before.as_deref());
    r
}

pub(super) fn parse_list(value: &Value, size: u32) -> Result<Page, ApiError> {
    let items = common::items_at(value, &["results", "data"])?;
    let (rows, skipped) = common::read_rows(items, read_call);
    let full = size > 0 && items.len() >= size as usize;
    let next_cursor = full
        .then(|| {
            items
                .last()
                .and_then(Obj::of)
                .and_then(|o| o.str("createdAt"))
        })
        .flatten();
    Ok(Page {
        rows,
        skipped,
        total: None,
        has_more: next_cursor.is_some(),
        next_cursor,
    })
}

pub(super) fn parse_detail(value: &Value) -> Result<CallDetail, ApiError> {
    let o = common::detail_obj(value, &["data"])?;
    let call = common::detail_call(read_call(o), "id")?;
    let start = call.time();
    let transcript = [
        "artifact.messages",
        "messages",
        "artifact.transcript",
        "transcript",
    ]
    .iter()
    .find_map(|k| o.path(k).and_then(|t| read_transcript(t, start)))
    .map(|mut t| {
        if let Some(messages) = o.path("artifact.messages").or_else(|| o.path("messages")) {
            t.events = read_events(messages, start, &t.turns);
        }
        t
    });
    Ok(CallDetail {
        call,
        transcript: transcript.map(Arc::new),
        latency: Vec::new(),
    })
}

fn read_call(o: Obj<'_>) -> Option<Call> {
    let mut c = Call::new(Provider::Vapi, o.str("id")?);
    c.set_direction(o.str("type"));
    c.set_status(o.str("status"));
    c.created_at = o.instant("createdAt");
    c.started_at = o.instant("startedAt");
    c.ended_at = o.instant("endedAt");
    c.duration_ms = match (c.started_at, c.ended_at) {
        (Some(s), Some(e)) if e >= s => Some(e - s),
        _ => None,
    };
    c.customer_number = o.str("customer.number");
    c.customer_name = o.str("customer.name");
    c.agent_number = o
        .str("phoneNumber.twilioPhoneNumber")
        .or_else(|| o.str("phoneNumber.number"));
    c.agent_id = o.str("assistantId");
    c.agent_name = o.str("assistant.name");
    c.end_reason = o.str("endedReason");
    c.cost = common::cost(o.f64("cost"), CostUnit::Usd);
    c.summary = o.str("analysis.summary");
    // `successEvaluation` is a boolean, or a score or grade by rubric.
    let evaluation = o.path("analysis.successEvaluation");
    c.successful = o.bool("analysis.successEvaluation");
    if c.successful.is_none() && evaluation.is_some() {
        c.push_extra(
            "successEvaluation",
            words::EXTRA_SUCCESS_EVALUATION,
            text(o.str("analysis.successEvaluation")),
        );
    }
    read_recording(o, &mut c);
    Some(c)
}

/// The first safe URL among `keys`.
fn first_url(o: Obj<'_>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| common::url_at(o, k))
}

/// The mono recording: the presigned link while it lasts, else the
/// stable one, else the deprecated fields.
fn mono_url(o: Obj<'_>) -> Option<String> {
    first_url(
        o,
        &[
            "artifact.presignedMonoUrl",
            "artifact.recording.mono.combinedUrl",
            "artifact.recordingUrl",
            "recordingUrl",
        ],
    )
}

fn read_recording(o: Obj<'_>, c: &mut Call) {
    let presigned_until = o.instant("artifact.presignedUrlsExpiresAt");
    let r = &mut c.recording;
    r.mono = mono_url(o);
    r.stereo = first_url(
        o,
        &[
            "artifact.presignedStereoUrl",
            "artifact.recording.stereoUrl",
            "artifact.stereoRecordingUrl",
            "stereoRecordingUrl",
        ],
    );
    // Presigned links expire; the call fetched again carries fresh ones.
    let presigned = common::url_at(o, "artifact.presignedMonoUrl").is_some();
    r.fresh_link = presigned;
    r.expires_at = presigned_until.filter(|_| presigned);
}

/// A fresh recording link: the mono link of the call fetched again.
pub(super) fn parse_recording_link(value: &Value) -> Result<String, ApiError> {
    let o = common::detail_obj(value, &["data"])?;
    mono_url(o).ok_or_else(|| ApiError::unreadable(words::NO_MONO_RECORDING))
}
