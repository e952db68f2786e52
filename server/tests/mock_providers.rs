//! The mock providers checked with the widget's own adapters: what the dev
//! server serves at each provider's native paths reads back into the data
//! set, page by page, filter by filter, detail by detail.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use axum::body::{to_bytes, Body};
use axum::http::{Request, StatusCode};
use axum::Router;
use callboard::core::{
    ApiError, Filters, Page, Pagination, Provider, Query, ToolEvent, ToolEventKind,
};
use callboard_server::mock::{router, AppState};

mod common;
use common::send;
use tower::ServiceExt;

const CALLS: usize = 240;

fn setup() -> (Router, AppState) {
    let state = AppState::new(CALLS, 7);
    (router(state.clone()), state)
}

async fn list(app: &Router, p: Provider, q: &Query) -> Page {
    let reply = send(app, p, &p.list_request(q).unwrap()).await;
    assert_eq!(reply.status, 200, "{p}: {}", reply.body);
    p.parse_list(&reply.body, q).unwrap()
}

fn ids(p: &Page) -> Vec<String> {
    p.rows.iter().map(|c| c.id.clone()).collect()
}

#[tokio::test]
async fn every_provider_pages_through_the_data_set() {
    let (app, state) = setup();
    for p in Provider::ALL {
        let expected: Vec<String> = state
            .data()
            .view(p)
            .rows
            .iter()
            .map(|c| c.id.clone())
            .collect();
        let q1 = Query {
            page_size: 10,
            ..Query::default()
        };
        let first = list(&app, p, &q1).await;
        assert_eq!(first.skipped, 0, "{p}");
        assert_eq!(
            ids(&first),
            expected[..10],
            "{p}: page 1 is the newest ten calls"
        );
        assert!(first.has_more, "{p}");
        if p.capabilities().total_known {
            assert_eq!(first.total, Some(CALLS as u64), "{p}");
        }
        let q2 = match p.capabilities().pagination {
            Pagination::Cursor => Query {
                page: 2,
                cursor: first.next_cursor.clone(),
                ..q1.clone()
            },
            _ => Query {
                page: 2,
                ..q1.clone()
            },
        };
        let second = list(&app, p, &q2).await;
        assert_eq!(ids(&second), expected[10..20], "{p}: page 2");
        // The last page says there is no more (where a total tells).
        if p.capabilities().total_known {
            let last = list(
                &app,
                p,
                &Query {
                    page: (CALLS / 10) as u32,
                    ..q1.clone()
                },
            )
            .await;
            assert_eq!(last.rows.len(), 10, "{p}");
            assert!(!last.has_more, "{p}: the last page");
        }
    }
}

#[tokio::test]
async fn the_status_filter_reaches_every_provider_that_has_one() {
    let (app, _) = setup();
    for p in Provider::ALL {
        let Some(choice) = p.capabilities().statuses.first() else {
            continue;
        };
        let q = Query {
            page_size: 50,
            filters: Filters {
                status: Some(choice.value.into()),
                ..Filters::default()
            },
            ..Query::default()
        };
        let page = list(&app, p, &q).await;
        assert!(
            !page.rows.is_empty(),
            "{p}: some calls are {}",
            choice.value
        );
        for c in &page.rows {
            assert_eq!(c.status_raw.as_deref(), Some(choice.value), "{p}");
        }
    }
}

/// Tool calls, results, node transitions and keys pressed come back from
/// each provider that has them, in their place among the turns.
#[tokio::test]
async fn tool_calls_come_back_in_place() {
    let (app, state) = setup();
    for p in [
        Provider::Retell,
        Provider::Zudu,
        Provider::Vapi,
        Provider::ElevenLabs,
    ] {
        // Vapi and ElevenLabs list tool calls and results only.
        let listed = |e: &&ToolEvent| {
            matches!(p, Provider::Retell | Provider::Zudu)
                || matches!(e.kind, ToolEventKind::Invocation | ToolEventKind::Result)
        };
        let key = |e: &ToolEvent| {
            (
                e.kind,
                e.turns_before,
                e.call_id.clone(),
                e.detail.clone(),
                (e.kind != ToolEventKind::Result).then(|| e.name.clone()),
                // Vapi does not say whether a tool call succeeded.
                e.success.filter(|_| p != Provider::Vapi),
            )
        };
        let data = state.data();
        let view = data.view(p);
        let with_tools = view
            .calls
            .iter()
            .filter(|d| d.transcript.as_ref().is_some_and(|t| !t.events.is_empty()))
            .take(12);
        let (mut checked, mut failed) = (0, 0);
        for want in with_tools {
            let reply = send(&app, p, &p.detail_request(&want.call.id).unwrap()).await;
            let got = p.parse_detail(&reply.body).unwrap().transcript.unwrap();
            let want = want.transcript.as_ref().unwrap();
            let want: Vec<_> = want.events.iter().filter(listed).map(key).collect();
            let got_keys: Vec<_> = got.events.iter().map(key).collect();
            assert_eq!(got_keys, want, "{p}");
            checked += 1;
            failed += got
                .events
                .iter()
                .filter(|e| e.success == Some(false))
                .count();
        }
        assert!(checked >= 10, "{p}: {checked} calls with tools");
        if p != Provider::Vapi {
            assert!(failed > 0, "{p}: a failed call is among them");
        }
    }
}

#[tokio::test]
async fn details_have_transcripts_and_recordings_where_the_provider_does() {
    let (app, state) = setup();
    for p in Provider::ALL {
        let data = state.data();
        let view = data.view(p);
        let with_talk = view.calls.iter().find(|d| d.transcript.is_some()).unwrap();
        let reply = send(&app, p, &p.detail_request(&with_talk.call.id).unwrap()).await;
        assert_eq!(reply.status, 200, "{p}: {}", reply.body);
        let d = p.parse_detail(&reply.body).unwrap();
        assert_eq!(d.call.id, with_talk.call.id, "{p}");
        let caps = p.capabilities();
        if caps.transcripts {
            let t = d.transcript.expect("a transcript");
            let want = with_talk.transcript.as_ref().unwrap();
            assert_eq!(t.turns.len(), want.turns.len(), "{p}");
            assert_eq!(t.turns[1].text, want.turns[1].text, "{p}");
            if p != Provider::VozAgent {
                // Offsets survive each provider's timing vocabulary (seconds,
                // words, wall-clock minus start).
                let (got, exp) = (
                    t.turns[1].start_ms.unwrap(),
                    want.turns[1].start_ms.unwrap(),
                );
                // ElevenLabs states whole seconds (`time_in_call_secs`
                // is an integer in its definition).
                let tolerance = if p == Provider::ElevenLabs { 1_000 } else { 1 };
                assert!((got - exp).abs() <= tolerance, "{p}: {got} vs {exp}");
            }
        } else {
            assert_eq!(d.transcript, None, "{p}");
        }
        assert_eq!(d.call.recording.is_available(), caps.recordings, "{p}");
        let missing = send(&app, p, &p.detail_request("no-such-call").unwrap()).await;
        assert_eq!(missing.status, 404, "{p}");
        assert!(
            matches!(
                p.parse_error(404, &missing.body, None),
                ApiError::NotFound { message: Some(_) }
            ),
            "{p}: {}",
            missing.body
        );
    }
}

#[tokio::test]
async fn recordings_play_and_fresh_links_work() {
    let (app, state) = setup();
    let p = Provider::Smallest;
    let data = state.data();
    let d = data
        .view(p)
        .calls
        .iter()
        .find(|d| d.transcript.is_some())
        .unwrap();
    let reply = send(
        &app,
        p,
        &p.recording_link_request(&d.call.id).unwrap().unwrap(),
    )
    .await;
    let url = p.parse_recording_link(&reply.body).unwrap();
    let get = |uri: String, range: Option<&str>| {
        let app = app.clone();
        let mut b = Request::builder().uri(uri);
        if let Some(r) = range {
            b = b.header("range", r);
        }
        async move { app.oneshot(b.body(Body::empty()).unwrap()).await.unwrap() }
    };
    let audio = get(url.clone(), Some("bytes=0-43")).await;
    assert_eq!(audio.status(), StatusCode::PARTIAL_CONTENT);
    assert_eq!(audio.headers()["content-type"], "audio/wav");
    let head = to_bytes(audio.into_body(), 64).await.unwrap();
    assert_eq!(&head[..4], b"RIFF");
    let stale = d.call.recording.mono.clone().unwrap();
    assert_eq!(
        get(stale, None).await.status(),
        StatusCode::FORBIDDEN,
        "the link in the data has expired"
    );
}

#[tokio::test]
async fn bad_parameters_get_each_providers_error_body() {
    let (app, _) = setup();
    let cases: [(Provider, &str, &str); 5] = [
        (
            Provider::AgentVoice,
            "/agentvoice/api/calls?order_by=nope",
            "Invalid order_by parameter",
        ),
        (
            Provider::VozAgent,
            "/vozagent/v1/calls?limit=500",
            "limit must be a whole number from 0 to 100",
        ),
        (
            Provider::Talkover,
            "/talkover/api/v1/calls?date_from=yesterday",
            "The given data was invalid.",
        ),
        (
            Provider::Smallest,
            "/smallest/atoms/v1/conversation?sortBy=mood",
            "sortBy must be one of",
        ),
        (
            Provider::Vapi,
            "/vapi/call?createdAtLt=soon",
            "createdAtLt must be a valid ISO 8601 date string",
        ),
    ];
    for (p, uri, needle) in cases {
        let r = app
            .clone()
            .oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = r.status().as_u16();
        assert!(status == 400 || status == 422, "{p}: {status}");
        let body =
            String::from_utf8(to_bytes(r.into_body(), usize::MAX).await.unwrap().to_vec()).unwrap();
        let e = p.parse_error(status, &body, None);
        assert!(matches!(e, ApiError::Validation { .. }), "{p}: {e:?}");
        assert!(e.to_string().contains(needle), "{p}: {e}");
    }
}

#[tokio::test]
async fn injected_faults_read_as_typed_errors() {
    let (app, _) = setup();
    let control = |body: &str| {
        Request::builder()
            .uri("/_control/faults")
            .method("POST")
            .header("content-type", "application/json")
            .body(Body::from(body.to_owned()))
            .unwrap()
    };
    for p in Provider::ALL {
        let fault = format!(
            r#"{{"path": "/{}/", "kind": "status", "status": 429, "retry_after": "5", "times": 1}}"#,
            p.id()
        );
        assert_eq!(
            app.clone().oneshot(control(&fault)).await.unwrap().status(),
            StatusCode::NO_CONTENT
        );
        let q = Query::default();
        let reply = send(&app, p, &p.list_request(&q).unwrap()).await;
        assert_eq!(reply.status, 429, "{p}");
        let e = p.parse_error(reply.status, &reply.body, reply.retry_after.as_deref());
        assert_eq!(e.kind().as_str(), "rate_limited", "{p}: {e:?}");
        assert!(e.to_string().contains("try again in 5 s"), "{p}: {e}");
        // Only once: the next request is served.
        assert_eq!(
            send(&app, p, &p.list_request(&q).unwrap()).await.status,
            200,
            "{p}"
        );
    }
    let fault = r#"{"path": "/vapi/", "kind": "truncate", "times": 1}"#;
    app.clone().oneshot(control(fault)).await.unwrap();
    let reply = send(
        &app,
        Provider::Vapi,
        &Provider::Vapi.list_request(&Query::default()).unwrap(),
    )
    .await;
    assert!(matches!(
        Provider::Vapi.parse_list(&reply.body, &Query::default()),
        Err(ApiError::Unreadable { .. })
    ));
}

#[tokio::test]
async fn outcome_and_sentiment_filters_reach_the_providers_that_have_them() {
    let (app, _) = setup();
    let mut tried = 0;
    for p in Provider::ALL {
        let caps = p.capabilities();
        if let Some(first) = caps.outcomes.first() {
            let q = Query {
                page_size: 50,
                filters: Filters {
                    outcome: Some(first.value.into()),
                    ..Filters::default()
                },
                ..Query::default()
            };
            let page = list(&app, p, &q).await;
            assert!(!page.rows.is_empty(), "{p}: some calls are {}", first.value);
            assert!(page.rows.iter().all(|c| c.successful == Some(true)), "{p}");
            tried += 1;
        }
        if let Some(first) = caps.sentiments.first() {
            let q = Query {
                page_size: 50,
                filters: Filters {
                    sentiment: Some(first.value.into()),
                    ..Filters::default()
                },
                ..Query::default()
            };
            let page = list(&app, p, &q).await;
            assert!(!page.rows.is_empty(), "{p}: some calls are {}", first.value);
            for c in &page.rows {
                assert_eq!(c.sentiment.as_deref(), Some(first.value), "{p}");
            }
        }
    }
    assert_eq!(tried, 2, "Retell and ElevenLabs filter by outcome");
}
