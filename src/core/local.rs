//! Answering a `Query` from calls held in memory: filter, sort, page. Used
//! by the in-memory source (tests, demos) and by the dev server's mock
//! providers, so both behave like a provider with the given capabilities.

use std::cmp::Ordering;

use super::capabilities::{Capabilities, Pagination};
use super::model::{Call, Page};
use super::query::{Filters, Query, SortDir, SortField};

fn contains_folded(haystack: Option<&str>, needle: &str) -> bool {
    haystack.is_some_and(|h| super::case::lower_str(h).contains(needle))
}

fn same(a: Option<&str>, b: &str) -> bool {
    a.is_some_and(|a| a.eq_ignore_ascii_case(b))
}

/// Whether `call` passes every filter in `f`.
pub fn matches(call: &Call, f: &Filters) -> bool {
    let text = |v: &Option<String>| v.as_deref().map(|s| super::case::lower_str(s.trim()));
    let ok_status = f
        .status
        .as_deref()
        .is_none_or(|s| same(call.status_raw.as_deref(), s));
    let ok_type = f.call_type.as_deref().is_none_or(|t| {
        call.direction_raw.as_deref().is_some_and(|d| d.eq_ignore_ascii_case(t))
            || call.extras.iter().any(|e| {
                e.key == "call_type" && matches!(&e.value, super::model::ExtraValue::Text(v) if v.replace(' ', "_").eq_ignore_ascii_case(t))
            })
    });
    let ok_direction = f.direction.is_none_or(|d| call.direction == d);
    let ok_agent = f
        .agent_id
        .as_deref()
        .is_none_or(|a| same(call.agent_id.as_deref(), a));
    let ok_campaign = f
        .campaign_id
        .as_deref()
        .is_none_or(|c| same(call.campaign_id.as_deref(), c));
    let ok_contact = f
        .contact_id
        .as_deref()
        .is_none_or(|c| same(call.contact_id.as_deref(), c));
    let ok_phone =
        text(&f.phone_number).is_none_or(|p| contains_folded(call.customer_number.as_deref(), &p));
    let ok_search = text(&f.search).is_none_or(|q| {
        contains_folded(Some(&call.id), &q)
            || contains_folded(call.customer_number.as_deref(), &q)
            || contains_folded(call.agent_number.as_deref(), &q)
            || contains_folded(call.customer_name.as_deref(), &q)
            || contains_folded(call.summary.as_deref(), &q)
    });
    let ok_reason = f
        .end_reason
        .as_deref()
        .is_none_or(|r| same(call.end_reason.as_deref(), r));
    let ok_sentiment = f
        .sentiment
        .as_deref()
        .is_none_or(|want| same(call.sentiment.as_deref(), want));
    let ok_outcome = f
        .outcome
        .as_deref()
        .is_none_or(|want| call.successful == outcome_flag(want));
    let time = call.time();
    let ok_from = f
        .date_from
        .is_none_or(|from| time.is_some_and(|t| t >= from));
    let ok_to = f.date_to.is_none_or(|to| time.is_some_and(|t| t < to));
    let duration = call.duration();
    let ok_min = f
        .min_duration_ms
        .is_none_or(|m| duration.is_some_and(|d| d >= m));
    let ok_max = f
        .max_duration_ms
        .is_none_or(|m| duration.is_some_and(|d| d <= m));
    ok_sentiment
        && ok_outcome
        && ok_status
        && ok_type
        && ok_direction
        && ok_agent
        && ok_campaign
        && ok_contact
        && ok_phone
        && ok_search
        && ok_reason
        && ok_from
        && ok_to
        && ok_min
        && ok_max
}

fn sort_key(call: &Call, field: SortField) -> Option<i64> {
    match field {
        SortField::StartedAt => call.time(),
        SortField::EndedAt => call.ended_at,
        SortField::CreatedAt => call.created_at.or(call.started_at),
        SortField::UpdatedAt => call.ended_at.or(call.created_at),
        SortField::Duration => call.duration(),
        SortField::Latency => None,
    }
}

/// Whether an outcome filter value means reached (`successful`,
/// `success`), not reached (`unsuccessful`, `failure`) or not evaluated.
fn outcome_flag(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "successful" | "success" | "true" => Some(true),
        "unsuccessful" | "failure" | "false" => Some(false),
        _ => None,
    }
}

/// The calls matching `query`, sorted (newest first unless asked
/// otherwise; missing values last) and paged as `caps` pages. `filters` are
/// the query's effective filters (scope applied); pass
/// `query.effective_filters()` when they have not been validated.
pub fn answer(calls: &[Call], query: &Query, filters: &Filters, caps: &Capabilities) -> Page {
    let mut hits: Vec<&Call> = calls.iter().filter(|c| matches(c, filters)).collect();
    let sort = query.sort.unwrap_or(super::query::Sort {
        field: SortField::StartedAt,
        dir: SortDir::Desc,
    });
    hits.sort_by(
        |a, b| match (sort_key(a, sort.field), sort_key(b, sort.field)) {
            (Some(x), Some(y)) => match sort.dir {
                SortDir::Asc => x.cmp(&y),
                SortDir::Desc => y.cmp(&x),
            }
            .then_with(|| a.id.cmp(&b.id)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => a.id.cmp(&b.id),
        },
    );
    let size = caps.page_size(query) as usize;
    let start = match caps.pagination {
        Pagination::Cursor => query
            .cursor
            .as_deref()
            .and_then(|c| hits.iter().position(|h| h.id == c))
            .map_or(0, |i| i + 1),
        _ => (query.page.max(1) as usize - 1).saturating_mul(size),
    };
    let rows: Vec<Call> = hits
        .iter()
        .skip(start)
        .take(size)
        .map(|c| (*c).clone())
        .collect();
    let has_more = start + rows.len() < hits.len();
    let next_cursor = match caps.pagination {
        Pagination::Cursor if has_more => rows.last().map(|c| c.id.clone()),
        _ => None,
    };
    Page {
        total: caps.total_known.then_some(hits.len() as u64),
        rows,
        skipped: 0,
        has_more,
        next_cursor,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{Direction, Provider};

    fn calls() -> Vec<Call> {
        (0..45)
            .map(|i| {
                let mut c = Call::new(Provider::AgentVoice, format!("c{i:02}"));
                c.started_at = Some(1_700_000_000_000 + i * 60_000);
                c.duration_ms = Some(i * 1_000);
                c.set_status(Some(if i % 3 == 0 { "failed" } else { "completed" }.into()));
                c.set_direction(Some(if i % 2 == 0 { "inbound" } else { "outbound" }.into()));
                c.customer_number = Some(format!("+1555000{i:04}"));
                c.agent_id = Some(format!("agent-{}", i % 4));
                c
            })
            .collect()
    }

    fn ids(p: &Page) -> Vec<&str> {
        p.rows.iter().map(|c| c.id.as_str()).collect()
    }

    #[test]
    fn pages_newest_first_with_totals() {
        let caps = Provider::AgentVoice.capabilities();
        let q = Query {
            page: 2,
            page_size: 20,
            ..Query::default()
        };
        let p = answer(&calls(), &q, &q.filters, caps);
        assert_eq!(p.total, Some(45));
        assert_eq!(p.rows.len(), 20);
        assert_eq!(p.rows[0].id, "c24");
        assert!(p.has_more);
        let q = Query {
            page: 3,
            page_size: 20,
            ..Query::default()
        };
        let p = answer(&calls(), &q, &q.filters, caps);
        assert_eq!(ids(&p), ["c04", "c03", "c02", "c01", "c00"]);
        assert!(!p.has_more);
    }

    #[test]
    fn filters_and_sorts() {
        let caps = Provider::Smallest.capabilities();
        let q = Query {
            page_size: 100,
            sort: Some(crate::core::Sort {
                field: SortField::Duration,
                dir: SortDir::Asc,
            }),
            filters: Filters {
                status: Some("FAILED".into()),
                direction: Some(Direction::Inbound),
                search: Some("+1555000000".into()),
                ..Filters::default()
            },
            ..Query::default()
        };
        let p = answer(&calls(), &q, &q.filters, caps);
        assert_eq!(
            ids(&p),
            ["c00", "c06"],
            "failed (every 3rd), inbound (even), numbers 0000-0009"
        );
    }

    #[test]
    fn cursors_continue_after_the_last_id() {
        let caps = Provider::Vapi.capabilities();
        let q = Query {
            page_size: 20,
            ..Query::default()
        };
        let first = answer(&calls(), &q, &q.filters, caps);
        assert_eq!(first.total, None);
        assert_eq!(first.next_cursor.as_deref(), Some("c25"));
        let q = Query {
            page: 2,
            page_size: 20,
            cursor: first.next_cursor.clone(),
            ..Query::default()
        };
        let second = answer(&calls(), &q, &q.filters, caps);
        assert_eq!(second.rows[0].id, "c24");
        let q = Query {
            page: 3,
            page_size: 20,
            cursor: second.next_cursor.clone(),
            ..Query::default()
        };
        let third = answer(&calls(), &q, &q.filters, caps);
        assert_eq!(third.rows.len(), 5);
        assert_eq!(third.next_cursor, None);
        assert!(!third.has_more);
    }

    #[test]
    fn date_and_duration_ranges() {
        let caps = Provider::Retell.capabilities();
        let f = Filters {
            date_from: Some(1_700_000_000_000 + 10 * 60_000),
            date_to: Some(1_700_000_000_000 + 12 * 60_000),
            ..Filters::default()
        };
        let q = Query {
            page_size: 50,
            filters: f.clone(),
            ..Query::default()
        };
        assert_eq!(ids(&answer(&calls(), &q, &f, caps)), ["c11", "c10"]);
        let f = Filters {
            min_duration_ms: Some(43_000),
            max_duration_ms: Some(44_000),
            ..Filters::default()
        };
        assert_eq!(ids(&answer(&calls(), &q, &f, caps)), ["c44", "c43"]);
    }
}
