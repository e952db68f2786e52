//! The network layer in headless Chromium, against a stubbed `fetch` that
//! records each request and answers by route: URLs, methods, headers,
//! credentials, bodies, caching, error mapping, timeouts and aborts.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

#[path = "common/dom.rs"]
mod dom;

use callboard::core::{ApiError, Filters, Provider, Query, RetryAfter};
use callboard::net::{
    CallSource, Credentials, FetchError, ProviderChoice, ProxyConfig, ProxySource,
};
use serde_json::{json, Value};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use dom::eval;

wasm_bindgen_test_configure!(run_in_browser);

const STUB: &str = r#"
window.__cb = { calls: [], routes: [] };
window.fetch = async function (req) {
  const headers = {};
  req.headers.forEach((v, k) => { headers[k] = v; });
  const body = req.method === "GET" ? null : await req.clone().text();
  window.__cb.calls.push({ url: req.url, method: req.method, credentials: req.credentials, headers, body });
  const route = window.__cb.routes.find(([part]) => req.url.includes(part));
  const r = route ? route[1] : { status: 404, body: "{\"message\": \"no route\"}" };
  if (r.hang) {
    return new Promise((_, reject) => {
      if (req.signal.aborted) reject(req.signal.reason);
      req.signal.addEventListener("abort", () => reject(req.signal.reason));
    });
  }
  if (r.network) throw new TypeError("Failed to fetch");
  if (r.reject) throw r.reject;
  return new Response(r.body, { status: r.status, headers: r.headers || {} });
};
"#;

/// Installs the stub with `routes`: `[url part, {status, body, headers, hang, network,
/// reject}]` (`reject`: what `fetch` throws, not an error object).
fn stub(routes: Value) {
    eval(STUB);
    eval(&format!("window.__cb.routes = {routes};"));
}

fn calls() -> Vec<Value> {
    let text = js_sys::JSON::stringify(&eval("window.__cb.calls"))
        .unwrap()
        .as_string()
        .unwrap();
    serde_json::from_str::<Vec<Value>>(&text).unwrap()
}

fn source(provider: ProviderChoice) -> ProxySource {
    ProxySource::new(ProxyConfig {
        proxy_url: "https://crm.example/voice-proxy/".into(),
        provider,
        headers: vec![("X-CSRF-Token".into(), "t0k3n".into())],
        credentials: Credentials::Include,
        timeout_ms: 2_000,
    })
}

fn ok(body: &str) -> Value {
    json!({"status": 200, "body": body})
}

#[wasm_bindgen_test]
async fn lists_go_to_the_native_path_behind_the_proxy() {
    stub(json!([[
        "/api/calls",
        ok(include_str!("fixtures/agentvoice/list.json"))
    ]]));
    let s = source(ProviderChoice::Fixed(Provider::AgentVoice));
    let q = Query {
        page: 2,
        page_size: 10,
        ..Query::default()
    };
    let page = s.list(&q, None).await.unwrap();
    assert_eq!(page.total, Some(1901));
    let c = calls();
    assert_eq!(c.len(), 1);
    assert_eq!(
        c[0]["url"],
        "https://crm.example/voice-proxy/api/calls?limit=10&offset=10&fields=light"
    );
    assert_eq!(c[0]["method"], "GET");
    assert_eq!(c[0]["credentials"], "include");
    assert_eq!(c[0]["headers"]["x-csrf-token"], "t0k3n");
    assert_eq!(c[0]["headers"]["accept"], "application/json");
}

#[wasm_bindgen_test]
async fn filtered_zudu_lists_post_json() {
    stub(json!([[
        "/api/calls",
        ok(include_str!("fixtures/zudu/list.json"))
    ]]));
    let s = source(ProviderChoice::Fixed(Provider::Zudu));
    let q = Query {
        filters: Filters {
            status: Some("ENDED".into()),
            ..Filters::default()
        },
        ..Query::default()
    };
    let page = s.list(&q, None).await.unwrap();
    assert_eq!(page.rows[0].id, "call-456");
    let c = calls();
    assert_eq!(c[0]["method"], "POST");
    assert_eq!(c[0]["headers"]["content-type"], "application/json");
    let body: Value = serde_json::from_str(c[0]["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["filter_criteria"]["call_status"], json!(["ENDED"]));
    assert_eq!(body["page"], 0);
}

#[wasm_bindgen_test]
async fn pages_and_details_are_cached_links_are_not() {
    stub(json!([
        [
            "/recording/download-url",
            ok(include_str!("fixtures/smallest/recording_link.json"))
        ],
        [
            "/atoms/v1/conversation/CALL-",
            ok(include_str!("fixtures/smallest/detail.json"))
        ],
        [
            "/atoms/v1/conversation",
            ok(include_str!("fixtures/smallest/list.json"))
        ]
    ]));
    let s = source(ProviderChoice::Fixed(Provider::Smallest));
    let q = Query::default();
    s.list(&q, None).await.unwrap();
    s.list(&q, None).await.unwrap();
    assert_eq!(
        calls().len(),
        1,
        "going back to a page is served from the cache"
    );
    let id = "CALL-1737000000000-4f2a9c";
    s.detail(id, None).await.unwrap();
    s.detail(id, None).await.unwrap();
    assert_eq!(calls().len(), 2, "each detail is fetched once");
    let link = s.recording_link(id, None).await.unwrap().unwrap();
    assert!(link.starts_with("https://atoms-recordings.example/signed/"));
    s.recording_link(id, None).await.unwrap();
    assert_eq!(calls().len(), 4, "fresh links are never cached");
    s.clear_cache();
    s.list(&q, None).await.unwrap();
    assert_eq!(calls().len(), 5, "refresh forgets the cache");
}

#[wasm_bindgen_test]
async fn http_errors_become_typed_errors() {
    stub(json!([
        ["/v1/calls/missing", {"status": 404, "body": "{\"error\": {\"code\": \"not_found\", \"message\": \"Call not found\"}}"}],
        ["/v1/calls", {"status": 429, "body": "{\"error\": {\"message\": \"Slow down\"}}", "headers": {"Retry-After": "7"}}]
    ]));
    let s = source(ProviderChoice::Fixed(Provider::VozAgent));
    let err = s.list(&Query::default(), None).await.unwrap_err();
    assert_eq!(
        err,
        FetchError::Api(ApiError::RateLimited {
            message: Some("Slow down".into()),
            retry_after: Some(RetryAfter::Seconds(7))
        })
    );
    let err = s.detail("missing", None).await.unwrap_err();
    assert_eq!(
        err,
        FetchError::Api(ApiError::NotFound {
            message: Some("Call not found".into())
        })
    );
}

#[wasm_bindgen_test]
async fn network_failures_timeouts_and_aborts() {
    stub(json!([["/call", {"network": true}], ["/v3/list-calls", {"hang": true}]]));
    let vapi = source(ProviderChoice::Fixed(Provider::Vapi));
    match vapi.list(&Query::default(), None).await.unwrap_err() {
        FetchError::Api(ApiError::Network { message }) => {
            let said = message.say(callboard::core::words::Words::ENGLISH);
            assert!(said.contains("offline"), "{said}")
        }
        other => panic!("{other:?}"),
    }
    let mut cfg = source(ProviderChoice::Fixed(Provider::Retell))
        .config()
        .clone();
    cfg.timeout_ms = 150;
    let retell = ProxySource::new(cfg);
    assert_eq!(
        retell.list(&Query::default(), None).await.unwrap_err(),
        FetchError::Api(ApiError::Timeout { after_ms: 150 })
    );
    let controller = web_sys::AbortController::new().unwrap();
    let pending = retell.list(
        &Query {
            page_size: 7,
            ..Query::default()
        },
        Some(controller.signal()),
    );
    controller.abort();
    assert_eq!(pending.await.unwrap_err(), FetchError::Aborted);
    // A failure that is not an error object still says what happened.
    stub(json!([["/call", {"reject": "boom"}]]));
    match vapi.list(&Query::default(), None).await.unwrap_err() {
        FetchError::Api(ApiError::Network { message }) => {
            let said = message.say(callboard::core::words::Words::ENGLISH);
            assert_eq!(said, "the request failed")
        }
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
async fn auto_recognises_the_provider_behind_the_proxy() {
    // VozAgent's and Bland's list paths are both `/v1/calls`: both answer,
    // Bland's adapter cannot read VozAgent's answer, VozAgent's can.
    stub(json!([[
        "/v1/calls",
        ok(include_str!("fixtures/vozagent/list.json"))
    ]]));
    let s = source(ProviderChoice::Auto);
    assert_eq!(s.provider(), None);
    let first = Query {
        page_size: 2,
        ..Query::default()
    };
    let page = s.list(&first, None).await.unwrap();
    assert_eq!(s.provider(), Some(Provider::VozAgent));
    assert_eq!(page.rows.len(), 2);
    let probes = calls().len();
    assert_eq!(
        probes,
        Provider::ALL.len(),
        "one request a provider, all at once, and the first page is the winner's answer"
    );
    let urls: Vec<String> = calls()
        .iter()
        .map(|c| c["url"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        urls.iter()
            .any(|u| u.ends_with("/api/calls?limit=2&offset=0&fields=light")),
        "each provider is asked for the page itself: {urls:?}"
    );
    s.list(
        &Query {
            page: 2,
            page_size: 2,
            ..Query::default()
        },
        None,
    )
    .await
    .unwrap();
    assert_eq!(
        calls().len(),
        probes + 1,
        "recognised once, then straight to the native path"
    );
}

#[wasm_bindgen_test]
async fn auto_trusts_the_path_that_answered_over_the_shape() {
    // Retell's own example of a phone call, answered at Retell's v3 list
    // path only: its `telephony_identifier` is no reason to doubt it.
    stub(json!([[
        "/v3/list-calls",
        ok(include_str!("fixtures/spec/retell-v3-list-phone.json"))
    ]]));
    let s = source(ProviderChoice::Auto);
    let page = s.list(&Query::default(), None).await.unwrap();
    assert_eq!(s.provider(), Some(Provider::Retell));
    assert_eq!(page.rows.len(), 1);
}

#[wasm_bindgen_test]
async fn auto_reports_the_answer_that_says_most() {
    // Every path but Vapi's answers 404; Vapi's own says the key is wrong.
    stub(json!([[
        "/call?",
        {"status": 401, "body": "{\"message\": \"Invalid Key. Hot tip, you may be using the private key instead of the public key, or vice versa.\"}"}
    ]]));
    let s = source(ProviderChoice::Auto);
    let err = s.list(&Query::default(), None).await.unwrap_err();
    assert!(
        matches!(err, FetchError::Api(ApiError::Unauthorized { .. })),
        "{err:?}"
    );
    assert_eq!(s.provider(), None);
}

#[wasm_bindgen_test]
async fn auto_with_no_provider_behind_the_proxy_reports_the_last_answer() {
    // Every probe answers the stub's 404 `{"message": "no route"}`.
    stub(json!([]));
    let s = source(ProviderChoice::Auto);
    assert_eq!(
        s.list(&Query::default(), None).await.unwrap_err(),
        FetchError::Api(ApiError::NotFound {
            message: Some("no route".into())
        })
    );
    assert_eq!(calls().len(), Provider::ALL.len(), "one probe each");
    assert_eq!(s.provider(), None);
}

#[wasm_bindgen_test]
async fn an_error_envelope_in_a_list_answer_is_the_error() {
    stub(json!([[
        "/api/calls",
        ok(r#"{"status": false, "errors": ["Invalid API key"]}"#)
    ]]));
    let s = source(ProviderChoice::Fixed(Provider::AgentVoice));
    let err = s.list(&Query::default(), None).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "The provider reported an error: Invalid API key"
    );
}
