//! Native requests for every filter and sort each provider supports, with
//! the documented parameter names and formats.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use callboard::core::time::parse_iso8601;
use callboard::core::{
    Direction, FilterKind, Filters, Method, Pagination, Provider, ProviderRequest, Query,
    QueryError, Scope, Sort, SortDir, SortField,
};
use serde_json::{json, Value};

fn at(s: &str) -> i64 {
    parse_iso8601(s).unwrap()
}

fn page(page: u32, page_size: u32) -> Query {
    Query {
        page,
        page_size,
        ..Query::default()
    }
}

fn with(filters: Filters) -> Query {
    Query {
        filters,
        ..Query::default()
    }
}

fn params(r: &ProviderRequest) -> Vec<(&str, &str)> {
    r.query.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

fn body(r: &ProviderRequest) -> Value {
    serde_json::from_str(r.body.as_deref().expect("a JSON body")).unwrap()
}

fn text(s: &str) -> Option<String> {
    Some(s.to_owned())
}

// ---------------------------------------------------------------- AgentVoice

#[test]
fn agentvoice_offset_is_page_minus_one_times_limit() {
    let r = Provider::AgentVoice.list_request(&page(3, 25)).unwrap();
    assert_eq!(r.method, Method::Get);
    assert_eq!(r.path, "/api/calls");
    assert_eq!(
        params(&r),
        [("limit", "25"), ("offset", "50"), ("fields", "light")]
    );
    let r = Provider::AgentVoice.list_request(&page(1, 500)).unwrap();
    assert_eq!(
        r.query_value("limit"),
        Some("100"),
        "clamped to the documented max"
    );
    assert_eq!(r.query_value("offset"), Some("0"));
}

#[test]
fn agentvoice_every_filter_and_sort() {
    let q = Query {
        sort: Some(Sort {
            field: SortField::EndedAt,
            dir: SortDir::Asc,
        }),
        filters: Filters {
            phone_number: text("+14155551234"),
            contact_id: text("c-1"),
            agent_id: text("a-1"),
            campaign_id: text("camp-1"),
            status: text("completed"),
            direction: Some(Direction::Inbound),
            date_from: Some(at("2024-01-01T00:00:00Z")),
            date_to: Some(at("2024-02-01T00:00:00Z")),
            ..Filters::default()
        },
        ..Query::default()
    };
    let r = Provider::AgentVoice.list_request(&q).unwrap();
    for (k, v) in [
        ("order_by", "ended_at"),
        ("order", "asc"),
        ("phone_number", "+14155551234"),
        ("contact_id", "c-1"),
        ("agent_id", "a-1"),
        ("campaign_id", "camp-1"),
        ("status", "completed"),
        ("call_type", "inbound"),
        ("from", "2024-01-01T00:00:00.000Z"),
        ("to", "2024-02-01T00:00:00.000Z"),
    ] {
        assert_eq!(r.query_value(k), Some(v), "{k}");
    }
    assert!(
        r.path_and_query().contains("phone_number=%2B14155551234"),
        "+ is encoded"
    );
    for (field, name) in [
        (SortField::StartedAt, "started_at"),
        (SortField::CreatedAt, "created_at"),
    ] {
        let q = Query {
            sort: Some(Sort {
                field,
                dir: SortDir::Desc,
            }),
            ..Query::default()
        };
        let r = Provider::AgentVoice.list_request(&q).unwrap();
        assert_eq!(r.query_value("order_by"), Some(name));
        assert_eq!(r.query_value("order"), Some("desc"));
    }
}

#[test]
fn agentvoice_detail_asks_for_everything() {
    let r = Provider::AgentVoice.detail_request("a7e85eef").unwrap();
    assert_eq!(
        r.path_and_query(),
        "/api/calls/a7e85eef?fields=full&include=transcript%2Cmetrics"
    );
}

// ------------------------------------------------------------------ VozAgent

#[test]
fn vozagent_filters() {
    let q = Query {
        page: 2,
        page_size: 50,
        filters: Filters {
            status: text("in-progress"),
            contact_id: text("c-9"),
            agent_id: text("asst-1"),
            direction: Some(Direction::Outbound),
            ..Filters::default()
        },
        ..Query::default()
    };
    let r = Provider::VozAgent.list_request(&q).unwrap();
    assert_eq!(r.path, "/v1/calls");
    assert_eq!(
        params(&r),
        [
            ("limit", "50"),
            ("offset", "50"),
            ("status", "in-progress"),
            ("contact_id", "c-9"),
            ("assistant_id", "asst-1"),
            ("call_type", "outbound"),
        ]
    );
    assert_eq!(
        Provider::VozAgent.detail_request("call-1").unwrap().path,
        "/v1/calls/call-1"
    );
}

// ------------------------------------------------------------------ Talkover

#[test]
fn talkover_agent_path_pages_and_dates() {
    let q = Query {
        page: 2,
        page_size: 50,
        utc_offset_minutes: 0,
        filters: Filters {
            agent_id: text("agent-uuid-1"),
            status: text("completed"),
            direction: Some(Direction::Outbound),
            date_from: Some(at("2024-01-01T00:00:00Z")),
            date_to: Some(at("2024-02-01T00:00:00Z")),
            search: text("+1234567890"),
            ..Filters::default()
        },
        ..Query::default()
    };
    let r = Provider::Talkover.list_request(&q).unwrap();
    assert_eq!(r.path, "/api/v1/agents/agent-uuid-1/calls");
    assert_eq!(
        params(&r),
        [
            ("page", "2"),
            ("per_page", "50"),
            ("status", "completed"),
            ("direction", "outbound"),
            ("date_from", "2024-01-01"),
            ("date_to", "2024-01-31"),
            ("search", "+1234567890"),
        ]
    );
    let r = Provider::Talkover.list_request(&Query::default()).unwrap();
    assert_eq!(
        r.path, "/api/v1/calls",
        "without an agent, the all-calls endpoint"
    );
}

#[test]
fn talkover_dates_follow_the_viewer_time_zone() {
    // Midnight 15 Jan in UTC+2 is 22:00 on 14 Jan in UTC.
    let q = Query {
        utc_offset_minutes: 120,
        filters: Filters {
            date_from: Some(at("2024-01-14T22:00:00Z")),
            date_to: Some(at("2024-01-15T22:00:00Z")),
            ..Filters::default()
        },
        ..Query::default()
    };
    let r = Provider::Talkover.list_request(&q).unwrap();
    assert_eq!(r.query_value("date_from"), Some("2024-01-15"));
    assert_eq!(
        r.query_value("date_to"),
        Some("2024-01-15"),
        "one whole day"
    );
}

#[test]
fn talkover_dates_are_right_across_a_daylight_saving_change() {
    // 9 March 2026 in New York, one whole day (it starts at midnight EDT,
    // 04:00 UTC, the day after the clocks changed), asked with the offset
    // of a widget mounted in winter (EST, -5 h).
    let q = Query {
        utc_offset_minutes: -300,
        filters: Filters {
            date_from: Some(at("2026-03-09T04:00:00Z")),
            date_to: Some(at("2026-03-10T04:00:00Z")),
            ..Filters::default()
        },
        ..Query::default()
    };
    let r = Provider::Talkover.list_request(&q).unwrap();
    assert_eq!(r.query_value("date_from"), Some("2026-03-09"));
    assert_eq!(r.query_value("date_to"), Some("2026-03-09"));
    let r = Provider::Bland.list_request(&q).unwrap();
    assert_eq!(r.query_value("start_date"), Some("2026-03-09"));
    assert_eq!(r.query_value("end_date"), Some("2026-03-09"));
}

#[test]
fn talkover_phone_travels_as_search() {
    let q = with(Filters {
        phone_number: text("+15550001111"),
        ..Filters::default()
    });
    let r = Provider::Talkover.list_request(&q).unwrap();
    assert_eq!(r.query_value("search"), Some("+15550001111"));
    let both = with(Filters {
        phone_number: text("+15550001111"),
        search: text("CA123"),
        ..Filters::default()
    });
    assert!(matches!(
        Provider::Talkover.list_request(&both),
        Err(QueryError::Conflict { .. })
    ));
}

// ---------------------------------------------------------------------- Zudu

#[test]
fn zudu_get_without_filters_is_zero_based() {
    let r = Provider::Zudu.list_request(&page(1, 20)).unwrap();
    assert_eq!(r.method, Method::Get);
    assert_eq!(r.path_and_query(), "/api/calls?page=0&limit=20");
    let r = Provider::Zudu.list_request(&page(3, 20)).unwrap();
    assert_eq!(r.query_value("page"), Some("2"));
}

#[test]
fn zudu_post_body_when_filtering() {
    let q = Query {
        page: 2,
        page_size: 10,
        sort: Some(Sort {
            field: SortField::Duration,
            dir: SortDir::Asc,
        }),
        filters: Filters {
            status: text("ended"),
            call_type: text("PHONE_CALL"),
            agent_id: text("agent-123"),
            min_duration_ms: Some(60_000),
            max_duration_ms: Some(600_000),
            search: text("refund"),
            ..Filters::default()
        },
        ..Query::default()
    };
    let r = Provider::Zudu.list_request(&q).unwrap();
    assert_eq!(r.method, Method::Post);
    assert_eq!(r.path, "/api/calls");
    assert!(r.query.is_empty());
    assert_eq!(
        body(&r),
        json!({
            "page": 1,
            "limit": 10,
            "sort_by": "call_duration",
            "sort_order": "ascending",
            "filter_criteria": {
                "call_status": ["ENDED"],
                "call_type": ["PHONE_CALL"],
                "agent_id": ["agent-123"],
                "duration_ms": {"lower_threshold": 60_000, "upper_threshold": 600_000},
                "transcript_search": "refund"
            }
        })
    );
    let sorted = Query {
        sort: Some(Sort {
            field: SortField::StartedAt,
            dir: SortDir::Desc,
        }),
        ..Query::default()
    };
    let b = body(&Provider::Zudu.list_request(&sorted).unwrap());
    assert_eq!(b["sort_by"], "start_timestamp");
    assert_eq!(b["sort_order"], "descending");
    assert_eq!(b["filter_criteria"], json!({}));
}

// ------------------------------------------------------------------ Smallest

#[test]
fn smallest_pages_lists_and_sorts() {
    let q = Query {
        page: 4,
        page_size: 25,
        sort: Some(Sort {
            field: SortField::Duration,
            dir: SortDir::Asc,
        }),
        filters: Filters {
            agent_id: text("agent_6612"),
            campaign_id: text("camp_77"),
            direction: Some(Direction::Inbound),
            search: text("CALL-17"),
            status: text("no_answer"),
            end_reason: text("dial_no_answer"),
            date_from: Some(at("2025-01-01T00:00:00Z")),
            date_to: Some(at("2025-01-31T00:00:00Z")),
            ..Filters::default()
        },
        ..Query::default()
    };
    let r = Provider::Smallest.list_request(&q).unwrap();
    assert_eq!(r.path, "/atoms/v1/conversation");
    assert_eq!(
        params(&r),
        [
            ("page", "4"),
            ("limit", "25"),
            ("sortBy", "callDuration"),
            ("sortOrder", "asc"),
            ("agentIds", "agent_6612"),
            ("campaignIds", "camp_77"),
            ("callTypes", "telephony_inbound"),
            ("search", "CALL-17"),
            ("statusFilter", "no_answer"),
            ("disconnectReasonFilter", "dial_no_answer"),
            ("dateFrom", "2025-01-01T00:00:00.000Z"),
            ("dateTo", "2025-01-31T00:00:00.000Z"),
        ]
    );
    for (field, name) in [
        (SortField::CreatedAt, "createdAt"),
        (SortField::UpdatedAt, "updatedAt"),
        (SortField::Latency, "avgLatency"),
    ] {
        let q = Query {
            sort: Some(Sort {
                field,
                dir: SortDir::Desc,
            }),
            ..Query::default()
        };
        assert_eq!(
            Provider::Smallest
                .list_request(&q)
                .unwrap()
                .query_value("sortBy"),
            Some(name)
        );
    }
    for (d, t) in [
        (Direction::Outbound, "telephony_outbound"),
        (Direction::Web, "webcall"),
    ] {
        let q = with(Filters {
            direction: Some(d),
            ..Filters::default()
        });
        assert_eq!(
            Provider::Smallest
                .list_request(&q)
                .unwrap()
                .query_value("callTypes"),
            Some(t)
        );
    }
    let q = with(Filters {
        phone_number: text("+14155550100"),
        ..Filters::default()
    });
    assert_eq!(
        Provider::Smallest
            .list_request(&q)
            .unwrap()
            .query_value("search"),
        Some("+14155550100")
    );
}

// -------------------------------------------------------------------- Retell

#[test]
fn retell_v3_body_filters_and_skip() {
    // The shapes of `CallListParams` in Retell's TypeScript SDK (v5.60.0,
    // src/resources/call.ts): typed filters keyed by field, `skip` +
    // `include_total` for numbered pages.
    let first = Provider::Retell.list_request(&page(1, 25)).unwrap();
    assert_eq!(first.method, Method::Post);
    assert_eq!(first.path, "/v3/list-calls");
    assert_eq!(
        body(&first),
        json!({"limit": 25, "skip": 0, "include_total": true, "sort_order": "descending"})
    );

    let q = Query {
        page: 3,
        page_size: 25,
        sort: Some(Sort {
            field: SortField::StartedAt,
            dir: SortDir::Asc,
        }),
        filters: Filters {
            agent_id: text("agent-1"),
            status: text("ended"),
            call_type: text("phone_call"),
            direction: Some(Direction::Inbound),
            end_reason: text("user_hangup"),
            date_from: Some(1_000),
            date_to: Some(2_000),
            min_duration_ms: Some(5_000),
            ..Filters::default()
        },
        ..Query::default()
    };
    let r = Provider::Retell.list_request(&q).unwrap();
    assert_eq!(
        body(&r),
        json!({
            "limit": 25,
            "skip": 50,
            "include_total": true,
            "sort_order": "ascending",
            "filter_criteria": {
                "agent": [{"agent_id": "agent-1"}],
                "call_status": {"type": "enum", "op": "in", "value": ["ended"]},
                "call_type": {"type": "enum", "op": "in", "value": ["phone_call"]},
                "direction": {"type": "enum", "op": "in", "value": ["inbound"]},
                "disconnection_reason": {"type": "enum", "op": "in", "value": ["user_hangup"]},
                "start_timestamp": {"type": "range", "op": "bt", "value": [1_000, 1_999]},
                "duration_ms": {"type": "number", "op": "ge", "value": 5_000}
            }
        })
    );
    let until = Query {
        filters: Filters {
            date_to: Some(2_000),
            max_duration_ms: Some(9_000),
            ..Filters::default()
        },
        ..page(1, 10)
    };
    let crit = &body(&Provider::Retell.list_request(&until).unwrap())["filter_criteria"];
    assert_eq!(
        crit["start_timestamp"],
        json!({"type": "number", "op": "le", "value": 1_999})
    );
    assert_eq!(
        crit["duration_ms"],
        json!({"type": "number", "op": "le", "value": 9_000})
    );
    assert_eq!(
        Provider::Retell.detail_request("abc").unwrap().path,
        "/v2/get-call/abc"
    );
}

// ---------------------------------------------------------------------- Vapi

#[test]
fn vapi_cursor_is_created_at_lt() {
    let r = Provider::Vapi.list_request(&page(1, 50)).unwrap();
    assert_eq!(r.method, Method::Get);
    assert_eq!(r.path_and_query(), "/call?limit=50");
    let q = Query {
        cursor: text("2025-03-04T15:00:00.000Z"),
        filters: Filters {
            agent_id: text("asst-42"),
            date_from: Some(at("2025-03-01T00:00:00Z")),
            ..Filters::default()
        },
        ..page(2, 50)
    };
    let r = Provider::Vapi.list_request(&q).unwrap();
    assert_eq!(
        params(&r),
        [
            ("limit", "50"),
            ("assistantId", "asst-42"),
            ("createdAtGe", "2025-03-01T00:00:00.000Z"),
            ("createdAtLt", "2025-03-04T15:00:00.000Z"),
        ]
    );
}

#[test]
fn vapi_cursor_and_date_end_take_the_earlier() {
    let mut q = Query {
        cursor: text("2025-03-04T15:00:00.000Z"),
        filters: Filters {
            date_to: Some(at("2025-03-02T00:00:00Z")),
            ..Filters::default()
        },
        ..Query::default()
    };
    let r = Provider::Vapi.list_request(&q).unwrap();
    assert_eq!(
        r.query_value("createdAtLt"),
        Some("2025-03-02T00:00:00.000Z")
    );
    q.filters.date_to = Some(at("2025-03-10T00:00:00Z"));
    let r = Provider::Vapi.list_request(&q).unwrap();
    assert_eq!(
        r.query_value("createdAtLt"),
        Some("2025-03-04T15:00:00.000Z")
    );
}

// ------------------------------------------------------------- capabilities

/// A query that sets exactly one filter of `kind`, with a value the
/// provider accepts where it accepts any.
fn one_filter(provider: Provider, kind: FilterKind) -> Query {
    let caps = provider.capabilities();
    let mut f = Filters::default();
    match kind {
        FilterKind::Status => {
            f.status = caps
                .statuses
                .first()
                .map(|c| c.value.to_owned())
                .or(text("completed"))
        }
        FilterKind::Direction => {
            f.direction = caps
                .directions
                .first()
                .copied()
                .or(Some(Direction::Inbound))
        }
        FilterKind::CallType => {
            f.call_type = caps
                .call_types
                .first()
                .map(|c| c.value.to_owned())
                .or(text("x"))
        }
        FilterKind::Agent => f.agent_id = text("a"),
        FilterKind::Campaign => f.campaign_id = text("c"),
        FilterKind::Contact => f.contact_id = text("c"),
        FilterKind::Phone => f.phone_number = text("+1555"),
        FilterKind::Search => f.search = text("s"),
        FilterKind::Sentiment => {
            f.sentiment = caps
                .sentiments
                .first()
                .map(|c| c.value.to_owned())
                .or(text("x"))
        }
        FilterKind::Outcome => {
            f.outcome = caps
                .outcomes
                .first()
                .map(|c| c.value.to_owned())
                .or(text("x"))
        }
        FilterKind::EndReason => {
            f.end_reason = caps
                .end_reasons
                .first()
                .map(|c| c.value.to_owned())
                .or(text("x"))
        }
        FilterKind::DateRange => f.date_from = Some(1_700_000_000_000),
        FilterKind::Duration => f.min_duration_ms = Some(1_000),
    }
    with(f)
}

#[test]
fn a_filter_is_sent_exactly_when_capabilities_list_it() {
    let bare = |p: Provider| {
        let r = p.list_request(&Query::default()).unwrap();
        (r.query.len(), r.body.map(|b| b.len()).unwrap_or(0), r.path)
    };
    for p in Provider::ALL {
        let caps = p.capabilities();
        for kind in FilterKind::ALL {
            let result = p.list_request(&one_filter(p, kind));
            if caps.supports(kind) {
                let r = result.unwrap_or_else(|e| panic!("{p} {kind}: {e}"));
                assert_ne!(
                    (r.query.len(), r.body.map(|b| b.len()).unwrap_or(0), r.path),
                    bare(p),
                    "{p}: the {kind} filter must change the request"
                );
            } else {
                assert_eq!(
                    result,
                    Err(QueryError::UnsupportedFilter {
                        provider: p.name(),
                        filter: kind
                    }),
                    "{p}: {kind} is not silently dropped"
                );
            }
        }
    }
}

#[test]
fn sorts_are_refused_where_missing() {
    for p in Provider::ALL {
        for field in [
            SortField::StartedAt,
            SortField::CreatedAt,
            SortField::Duration,
        ] {
            let q = Query {
                sort: Some(Sort {
                    field,
                    dir: SortDir::Desc,
                }),
                ..Query::default()
            };
            let r = p.list_request(&q);
            if p.capabilities().sorts_by(field) {
                assert!(r.is_ok(), "{p} {field:?}");
            } else {
                assert_eq!(
                    r,
                    Err(QueryError::UnsupportedSort {
                        provider: p.name(),
                        field
                    })
                );
            }
        }
    }
}

#[test]
fn values_outside_the_choices_are_refused() {
    let q = with(Filters {
        status: text("teleported"),
        ..Filters::default()
    });
    assert!(matches!(
        Provider::AgentVoice.list_request(&q),
        Err(QueryError::InvalidValue { .. })
    ));
    let q = with(Filters {
        direction: Some(Direction::Web),
        ..Filters::default()
    });
    assert!(
        Provider::Talkover.list_request(&q).is_err(),
        "Talkover has no web calls"
    );
    let q = with(Filters {
        date_from: Some(5),
        date_to: Some(5),
        ..Filters::default()
    });
    assert!(
        Provider::AgentVoice.list_request(&q).is_err(),
        "an empty date range"
    );
    let q = Query {
        page: 0,
        ..Query::default()
    };
    assert!(Provider::AgentVoice.list_request(&q).is_err());
}

#[test]
fn scope_pins_reach_the_request() {
    let q = Query {
        scope: Scope {
            contact_id: text("crm-contact-7"),
            ..Scope::default()
        },
        filters: Filters {
            contact_id: text("typed-by-user"),
            ..Filters::default()
        },
        ..Query::default()
    };
    let r = Provider::AgentVoice.list_request(&q).unwrap();
    assert_eq!(r.query_value("contact_id"), Some("crm-contact-7"));
    // A pin the provider cannot honour is an error, never an unscoped list.
    assert_eq!(
        Provider::Talkover.list_request(&q),
        Err(QueryError::UnsupportedFilter {
            provider: "Talkover",
            filter: FilterKind::Contact
        })
    );
}

#[test]
fn blank_filters_are_not_sent() {
    let q = with(Filters {
        agent_id: text("  "),
        status: text(" completed "),
        ..Filters::default()
    });
    let r = Provider::AgentVoice.list_request(&q).unwrap();
    assert_eq!(r.query_value("agent_id"), None);
    assert_eq!(r.query_value("status"), Some("completed"));
}

#[test]
fn pagination_styles_are_declared() {
    use Pagination::*;
    let styles: Vec<Pagination> = Provider::ALL
        .iter()
        .map(|p| p.capabilities().pagination)
        .collect();
    assert_eq!(
        styles,
        [
            Offset,
            Offset,
            Page { first: 1 },
            Page { first: 0 },
            Page { first: 1 },
            Offset,
            Cursor,
            Cursor,
            Offset
        ]
    );
}

#[test]
fn elevenlabs_cursor_filters_in_unix_seconds() {
    // The query parameters of `GET /v1/convai/conversations` in ElevenLabs'
    // OpenAPI definition (and its SDK's `list` wire test).
    let q = Query {
        page: 2,
        page_size: 30,
        cursor: text("cur_30"),
        filters: Filters {
            agent_id: text("agent_7"),
            search: text("refund"),
            date_from: Some(1_714_423_232_500),
            date_to: Some(1_714_509_632_000),
            min_duration_ms: Some(60_000),
            max_duration_ms: Some(90_500),
            ..Filters::default()
        },
        ..Query::default()
    };
    let r = Provider::ElevenLabs.list_request(&q).unwrap();
    assert_eq!(r.method, Method::Get);
    assert_eq!(r.path, "/v1/convai/conversations");
    assert_eq!(r.query_value("page_size"), Some("30"));
    assert_eq!(r.query_value("cursor"), Some("cur_30"));
    assert_eq!(r.query_value("agent_id"), Some("agent_7"));
    assert_eq!(r.query_value("search"), Some("refund"));
    assert_eq!(r.query_value("call_start_after_unix"), Some("1714423232"));
    assert_eq!(
        r.query_value("call_start_before_unix"),
        Some("1714509631"),
        "the end is exclusive: the last whole second before it"
    );
    assert_eq!(r.query_value("call_duration_min_secs"), Some("60"));
    assert_eq!(r.query_value("call_duration_max_secs"), Some("91"));
    assert_eq!(
        Provider::ElevenLabs.detail_request("conv_1").unwrap().path,
        "/v1/convai/conversations/conv_1"
    );
    assert!(Provider::ElevenLabs
        .list_request(&Query {
            filters: Filters {
                status: text("done"),
                ..Filters::default()
            },
            ..page(1, 30)
        })
        .is_err());
}

#[test]
fn bland_index_range_days_and_order() {
    // `GET /v1/calls` in Bland's API reference: `from`/`to` index range,
    // `limit`, `ascending`, `start_date`/`end_date`, `completed`.
    let q = Query {
        page: 3,
        page_size: 25,
        sort: Some(Sort {
            field: SortField::CreatedAt,
            dir: SortDir::Asc,
        }),
        filters: Filters {
            status: text("completed"),
            campaign_id: text("camp-1"),
            date_from: Some(1_700_000_000_000),
            date_to: Some(1_700_172_800_000),
            ..Filters::default()
        },
        ..Query::default()
    };
    let r = Provider::Bland.list_request(&q).unwrap();
    assert_eq!(r.path, "/v1/calls");
    assert_eq!(r.query_value("from"), Some("50"));
    assert_eq!(r.query_value("to"), Some("75"));
    assert_eq!(r.query_value("limit"), Some("25"));
    assert_eq!(r.query_value("ascending"), Some("true"));
    assert_eq!(r.query_value("completed"), Some("true"));
    assert_eq!(r.query_value("campaign_id"), Some("camp-1"));
    assert_eq!(r.query_value("start_date"), Some("2023-11-14"));
    assert_eq!(r.query_value("end_date"), Some("2023-11-16"));
    let newest = Provider::Bland.list_request(&page(1, 10)).unwrap();
    assert_eq!(
        newest.query_value("ascending"),
        None,
        "newest first by default"
    );
    assert_eq!(
        Provider::Bland.detail_request("c-1").unwrap().path,
        "/v1/calls/c-1"
    );
}
