//! The reference proxy under attack: a fake upstream records what reaches
//! it, and the proxy sits in front with a secret in its environment.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode};
use axum::Router;
use callboard::core::Provider;
use callboard_server::proxy::{app, serve, upstream, ProxyArgs, Timeouts};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tower::ServiceExt;

const SECRET: &str = "sk-live-SECRET-8f2c";

/// What the fake upstream saw: method, path+query, headers, body.
type Seen = Arc<Mutex<Vec<(String, String, Vec<(String, String)>, String)>>>;

async fn fake_upstream() -> (String, Seen) {
    let seen: Seen = Arc::default();
    let log = Arc::clone(&seen);
    let router = Router::new().fallback(move |req: Request| {
        let log = Arc::clone(&log);
        async move {
            let method = req.method().to_string();
            let uri = req.uri().to_string();
            let headers = req
                .headers()
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_owned()))
                .collect();
            let body = String::from_utf8(
                to_bytes(req.into_body(), usize::MAX)
                    .await
                    .unwrap()
                    .to_vec(),
            )
            .unwrap();
            log.lock()
                .unwrap()
                .push((method, uri.clone(), headers, body));
            if uri.contains("slow") {
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
            let mut r = axum::response::Response::new(Body::from(r#"[{"id": "c1"}]"#));
            r.headers_mut()
                .insert("content-type", HeaderValue::from_static("application/json"));
            r.headers_mut()
                .insert("set-cookie", HeaderValue::from_static("upstream=1"));
            r.headers_mut()
                .insert("x-internal", HeaderValue::from_static("leak"));
            if uri.contains("range") {
                *r.status_mut() = StatusCode::PARTIAL_CONTENT;
                r.headers_mut()
                    .insert("content-range", HeaderValue::from_static("bytes 0-9/100"));
            }
            r
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (format!("http://{addr}"), seen)
}

fn args(provider: Provider, upstream_url: &str) -> ProxyArgs {
    ProxyArgs {
        provider: provider.id().into(),
        upstream: Some(upstream_url.into()),
        host: "127.0.0.1".into(),
        port: 0,
        prefix: "/voice-proxy".into(),
        allow_origins: vec!["https://crm.example.com".into()],
        timeout_secs: 1,
        client_timeout_secs: 1,
        events: "memory".into(),
        webhook_rate: 200,
        streams_per_source: callboard_server::live::STREAMS_PER_SOURCE,
        trusted_proxies: vec![],
    }
}

/// The deadlines the tests run with: a second for the upstream and for
/// a client's request.
const TIMEOUTS: Timeouts = Timeouts {
    upstream: Duration::from_secs(1),
    client: Duration::from_secs(1),
};

async fn proxy(provider: Provider) -> (Router, Seen) {
    let (url, seen) = fake_upstream().await;
    let up = upstream(&args(provider, &url), |k| {
        (k == "VAPI_API_KEY" || k == "RETELL_API_KEY").then(|| SECRET.to_owned())
    })
    .unwrap();
    (
        app(up, &["https://crm.example.com".to_owned()], TIMEOUTS).unwrap(),
        seen,
    )
}

async fn call(
    app: &Router,
    req: axum::http::Request<Body>,
) -> (StatusCode, Vec<(String, String)>, String) {
    let r = app.clone().oneshot(req).await.unwrap();
    let status = r.status();
    let headers = r
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_owned()))
        .collect();
    let body =
        String::from_utf8_lossy(&to_bytes(r.into_body(), usize::MAX).await.unwrap()).into_owned();
    (status, headers, body)
}

fn get(uri: &str) -> axum::http::Request<Body> {
    axum::http::Request::builder()
        .uri(uri)
        .body(Body::empty())
        .unwrap()
}

#[tokio::test]
async fn forwards_call_endpoints_with_credentials() {
    let (app, seen) = proxy(Provider::Vapi).await;
    let (status, headers, body) = call(&app, get("/voice-proxy/call?limit=5&assistantId=a1")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, r#"[{"id": "c1"}]"#);
    let seen = seen.lock().unwrap();
    assert_eq!(seen[0].0, "GET");
    assert_eq!(seen[0].1, "/call?limit=5&assistantId=a1");
    assert!(seen[0]
        .2
        .contains(&("authorization".into(), format!("Bearer {SECRET}"))));
    // Upstream cookies and internal headers stay behind.
    assert!(
        !headers
            .iter()
            .any(|(k, _)| k == "set-cookie" || k == "x-internal"),
        "{headers:?}"
    );
}

#[tokio::test]
async fn only_the_providers_methods_and_paths_pass() {
    let (app, seen) = proxy(Provider::Vapi).await;
    for (method, uri, want) in [
        ("POST", "/voice-proxy/call", StatusCode::METHOD_NOT_ALLOWED),
        (
            "DELETE",
            "/voice-proxy/call/c1",
            StatusCode::METHOD_NOT_ALLOWED,
        ),
        ("GET", "/voice-proxy/assistant", StatusCode::FORBIDDEN),
        ("GET", "/voice-proxy/api/calls", StatusCode::FORBIDDEN),
        (
            "GET",
            "/voice-proxy/call/../assistant",
            StatusCode::FORBIDDEN,
        ),
        (
            "GET",
            "/voice-proxy/call/..%2Fassistant",
            StatusCode::FORBIDDEN,
        ),
        ("GET", "/voice-proxy/call/%2e%2e", StatusCode::FORBIDDEN),
        ("GET", "/voice-proxy/call/a%5Cb", StatusCode::FORBIDDEN),
        ("GET", "/voice-proxy/call/a%00b", StatusCode::FORBIDDEN),
        ("GET", "/voice-proxy//call", StatusCode::FORBIDDEN),
        ("GET", "/call", StatusCode::NOT_FOUND),
        ("GET", "/elsewhere/call", StatusCode::NOT_FOUND),
    ] {
        let req = axum::http::Request::builder()
            .method(method)
            .uri(uri)
            .body(Body::empty())
            .unwrap();
        let (status, _, body) = call(&app, req).await;
        assert_eq!(status, want, "{method} {uri}: {body}");
        assert!(!body.contains(SECRET));
    }
    assert!(
        seen.lock().unwrap().is_empty(),
        "nothing reached the upstream"
    );
}

#[tokio::test]
async fn the_client_cannot_choose_the_upstream_or_inject_headers() {
    let (app, seen) = proxy(Provider::Vapi).await;
    // An absolute-form target and a forged Host both go to the fixed upstream.
    let req = axum::http::Request::builder()
        .uri("http://evil.example/voice-proxy/call")
        .header("host", "evil.example")
        .header("x-forwarded-host", "evil.example")
        .header("authorization", "Bearer client-token")
        .header("cookie", "session=crm-user")
        .body(Body::empty())
        .unwrap();
    let (status, _, _) = call(&app, req).await;
    assert_eq!(status, StatusCode::OK);
    let seen = seen.lock().unwrap();
    let headers = &seen[0].2;
    let host = headers
        .iter()
        .find(|(k, _)| k == "host")
        .map(|(_, v)| v.clone())
        .unwrap();
    assert!(
        host.starts_with("127.0.0.1:"),
        "the upstream's own host: {host}"
    );
    assert!(!headers
        .iter()
        .any(|(k, _)| k == "x-forwarded-host" || k == "cookie"));
    let auth: Vec<&String> = headers
        .iter()
        .filter(|(k, _)| k == "authorization")
        .map(|(_, v)| v)
        .collect();
    assert_eq!(
        auth,
        [&format!("Bearer {SECRET}")],
        "the client's token is replaced, not added"
    );
    // CRLF in a header value never becomes a request: the HTTP layer refuses it.
    assert!(axum::http::HeaderValue::from_str("x\r\nX-Injected: 1").is_err());
}

#[tokio::test]
async fn bodies_are_bounded_and_range_passes_through() {
    let (app, seen) = proxy(Provider::Retell).await;
    let huge = "x".repeat(callboard_server::proxy::MAX_BODY + 1);
    let req = axum::http::Request::builder()
        .method("POST")
        .uri("/voice-proxy/v2/list-calls")
        .body(Body::from(huge))
        .unwrap();
    assert_eq!(call(&app, req).await.0, StatusCode::PAYLOAD_TOO_LARGE);
    let req = axum::http::Request::builder()
        .method("POST")
        .uri("/voice-proxy/v2/list-calls")
        .header("content-type", "application/json")
        .body(Body::from(r#"{"limit": 5}"#))
        .unwrap();
    assert_eq!(call(&app, req).await.0, StatusCode::OK);
    assert_eq!(seen.lock().unwrap().last().unwrap().3, r#"{"limit": 5}"#);
    let req = axum::http::Request::builder()
        .uri("/voice-proxy/v2/get-call/range")
        .header("range", "bytes=0-9")
        .body(Body::empty())
        .unwrap();
    let (status, headers, _) = call(&app, req).await;
    assert_eq!(status, StatusCode::PARTIAL_CONTENT);
    assert!(headers.contains(&("content-range".into(), "bytes 0-9/100".into())));
    assert!(seen
        .lock()
        .unwrap()
        .last()
        .unwrap()
        .2
        .contains(&("range".into(), "bytes=0-9".into())));
}

#[tokio::test]
async fn upstream_timeouts_and_failures_say_so_without_secrets() {
    let (app, _) = proxy(Provider::Retell).await;
    let (status, _, body) = call(&app, get("/voice-proxy/v2/get-call/slow")).await;
    assert_eq!(status, StatusCode::GATEWAY_TIMEOUT);
    assert!(
        !body.contains(SECRET) && !body.contains("127.0.0.1"),
        "{body}"
    );
    let up = upstream(&args(Provider::Vapi, "http://127.0.0.1:9"), |_| {
        Some(SECRET.to_owned())
    })
    .unwrap();
    let gone = app_for(up);
    let (status, _, body) = call(&gone, get("/voice-proxy/call")).await;
    assert_eq!(status, StatusCode::BAD_GATEWAY);
    assert!(!body.contains(SECRET), "{body}");
}

fn app_for(up: callboard_server::proxy::Upstream) -> Router {
    app(up, &[], TIMEOUTS).unwrap()
}

#[tokio::test]
async fn cors_only_for_configured_origins() {
    let (app, _) = proxy(Provider::Vapi).await;
    let preflight = |origin: &str| {
        axum::http::Request::builder()
            .method("OPTIONS")
            .uri("/voice-proxy/call")
            .header("origin", origin)
            .header("access-control-request-method", "GET")
            .body(Body::empty())
            .unwrap()
    };
    let (_, headers, _) = call(&app, preflight("https://crm.example.com")).await;
    assert!(headers.contains(&(
        "access-control-allow-origin".into(),
        "https://crm.example.com".into()
    )));
    let (_, headers, _) = call(&app, preflight("https://evil.example")).await;
    assert!(
        !headers
            .iter()
            .any(|(k, _)| k == "access-control-allow-origin"),
        "{headers:?}"
    );
}

#[tokio::test]
async fn secrets_never_reach_the_log() {
    let (url, _) = fake_upstream().await;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_callboard-server"))
        .args([
            "proxy",
            "--provider",
            "vapi",
            "--upstream",
            &url,
            "--port",
            &port.to_string(),
        ])
        .env("VAPI_API_KEY", SECRET)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    for _ in 0..50 {
        if client.get(format!("{base}/call")).send().await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    for path in ["/call?limit=1", "/call/c1", "/assistant", "/call/..%2Fx"] {
        let r = client
            .get(format!("{base}{path}"))
            .header("authorization", "Bearer client")
            .send()
            .await
            .unwrap();
        let text = r.text().await.unwrap();
        assert!(!text.contains(SECRET), "{path}: {text}");
    }
    child.start_kill().unwrap();
    let mut out = String::new();
    let mut err = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .await
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .await
        .unwrap();
    assert!(
        err.contains("proxy: GET /call -> 200"),
        "requests are logged: {err}"
    );
    assert!(
        !out.contains(SECRET) && !err.contains(SECRET),
        "no secret in the log:\n{out}\n{err}"
    );
}

/// The proxy on a real socket (the slow-client deadlines live in its
/// accept loop, which `oneshot` does not go through).
async fn listening_proxy() -> String {
    let (app, _) = proxy(Provider::Vapi).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(serve(
        listener,
        app,
        TIMEOUTS.client,
        std::future::pending(),
    ));
    addr.to_string()
}

/// Reads until the peer closes, or `limit` passes; returns what arrived
/// and whether the peer closed.
async fn read_until_closed(stream: &mut tokio::net::TcpStream, limit: Duration) -> (String, bool) {
    let mut got = Vec::new();
    let closed = tokio::time::timeout(limit, async {
        let mut buf = [0_u8; 1024];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await
    .is_ok();
    (String::from_utf8_lossy(&got).into_owned(), closed)
}

#[tokio::test]
async fn a_client_dribbling_its_request_head_is_closed() {
    let addr = listening_proxy().await;
    let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
    stream
        .write_all(b"GET /voice-proxy/call HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    // One byte every 200 ms: never a whole head.
    let dribble = async {
        for _ in 0..50 {
            if stream.write_all(b"X").await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    };
    let started = std::time::Instant::now();
    dribble.await;
    let (_, closed) = read_until_closed(&mut stream, Duration::from_secs(5)).await;
    assert!(closed, "the connection is closed");
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "closed after the head deadline, not held: {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn an_idle_connection_is_closed() {
    let addr = listening_proxy().await;
    let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let (got, closed) = read_until_closed(&mut stream, Duration::from_secs(5)).await;
    assert!(
        closed && got.is_empty(),
        "closed without an answer: {got:?}"
    );
}

/// What the listening proxy answers to `request` (sent whole, then
/// nothing more) before it closes.
async fn answer_to(request: &[u8]) -> String {
    let addr = listening_proxy().await;
    let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
    stream.write_all(request).await.unwrap();
    read_until_closed(&mut stream, Duration::from_secs(5))
        .await
        .0
}

#[tokio::test]
async fn a_client_dribbling_its_body_gets_408() {
    let got =
        answer_to(b"GET /voice-proxy/call HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{")
            .await;
    assert!(got.starts_with("HTTP/1.1 408"), "{got}");
    assert!(got.contains("request body too slow"), "{got}");
}

#[tokio::test]
async fn a_declared_oversized_body_is_refused_unread() {
    let got = answer_to(
        b"GET /voice-proxy/call HTTP/1.1\r\nHost: x\r\nContent-Length: 10737418240\r\n\r\n",
    )
    .await;
    assert!(got.starts_with("HTTP/1.1 413"), "{got}");
}

#[tokio::test]
async fn a_client_still_sending_an_oversized_body_reads_the_413() {
    let addr = listening_proxy().await;
    let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let body = vec![b'x'; 1024 * 1024];
    stream
        .write_all(b"GET /voice-proxy/call HTTP/1.1\r\nHost: x\r\nContent-Length: 1048576\r\n\r\n")
        .await
        .unwrap();
    let (first, rest) = body.split_at(128 * 1024);
    stream.write_all(first).await.unwrap();
    // A proxy that answered as soon as the body passed its limit has closed
    // the connection with this part unread by now, and reset it.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let sent = stream.write_all(rest).await;
    assert!(sent.is_ok(), "the proxy read the body to its end: {sent:?}");
    let (got, _) = read_until_closed(&mut stream, Duration::from_secs(5)).await;
    assert!(got.starts_with("HTTP/1.1 413"), "{got}");
}
