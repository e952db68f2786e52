//! `callboard-server proxy`: the reference proxy. It forwards only the
//! configured provider's call endpoints (those methods and paths) to a fixed
//! upstream, adds that provider's credentials from its own environment,
//! passes `Range` through, answers CORS only for configured origins, and
//! never puts a secret in a response or a log line.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Router};
use callboard::core::Provider;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tower::Layer;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::body::{read_body, BodyRead};
use crate::live::events::{Events, KEPT};
use crate::live::{self, Live, Peer};
use crate::stall::StallLimit;

/// The largest request body forwarded (list filters are small).
pub const MAX_BODY: usize = 64 * 1024;

/// Options of `proxy`.
#[derive(Debug, clap::Args)]
pub struct ProxyArgs {
    /// The provider behind the proxy.
    #[arg(long)]
    pub provider: String,
    /// The provider's base URL (defaults to its public API host where known).
    #[arg(long)]
    pub upstream: Option<String>,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on.
    #[arg(long, default_value_t = 8788)]
    pub port: u16,
    /// A path prefix the widget's `proxy-url` ends in (stripped before forwarding).
    #[arg(long, default_value = "/")]
    pub prefix: String,
    /// An origin allowed to call the proxy cross-origin (repeatable).
    #[arg(long = "allow-origin")]
    pub allow_origins: Vec<String>,
    /// Upstream timeout in seconds.
    #[arg(long, default_value_t = 20)]
    pub timeout_secs: u64,
    /// How long a client may take to send a request's head, or its body,
    /// in seconds; also how long an idle connection is kept.
    #[arg(long, default_value_t = 10)]
    pub client_timeout_secs: u64,
    /// Where the relayed webhooks are kept: `memory` (this process), or a
    /// Redis URL (`redis://host:port/db`) that several replicas share.
    #[arg(long, default_value = "memory")]
    pub events: String,
    /// Webhooks taken a second from one source (bursts of twice that).
    #[arg(long, default_value_t = 200)]
    pub webhook_rate: u32,
    /// Event streams (`GET …/events`) one source may hold open at once.
    #[arg(long, default_value_t = live::STREAMS_PER_SOURCE)]
    pub streams_per_source: usize,
    /// A proxy in front (a load balancer) whose `X-Forwarded-For` names
    /// the source of a webhook or an event stream (repeatable).
    #[arg(long = "trusted-proxy")]
    pub trusted_proxies: Vec<String>,
}

/// The proxy's deadlines.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    /// For the upstream's whole answer to arrive (its head; the body then
    /// streams).
    pub upstream: Duration,
    /// For a client to send a request's head (and for an idle connection),
    /// and again for its body. A client that dribbles bytes (slow loris)
    /// is closed or answered 408 instead of holding a connection forever.
    pub client: Duration,
}

/// Where a provider lives and how it is authenticated.
pub struct Upstream {
    /// The provider.
    pub provider: Provider,
    /// Base URL, without a trailing slash.
    pub base: String,
    /// Headers added to every forwarded request (the credentials).
    pub auth: Vec<(HeaderName, HeaderValue)>,
    /// The prefix stripped from incoming paths.
    pub prefix: String,
}

/// The provider's public API host, where it has one.
pub fn default_upstream(p: Provider) -> Option<&'static str> {
    match p {
        Provider::AgentVoice => Some("https://api.agentvoice.com"),
        Provider::VozAgent => Some("https://api.vozagent.ai"),
        Provider::Talkover => Some("https://app.talkover.ai"),
        Provider::Retell => Some("https://api.retellai.com"),
        Provider::Vapi => Some("https://api.vapi.ai"),
        Provider::Smallest => Some("https://atoms-api.smallest.ai"),
        Provider::ElevenLabs => Some("https://api.elevenlabs.io"),
        Provider::Bland => Some("https://api.bland.ai"),
        Provider::Zudu => None,
    }
}

/// The environment variables holding a provider's credentials, and the
/// header each goes in (`Bearer` is prefixed for `authorization`, except
/// for Bland, which takes the bare key).
pub fn credential_env(p: Provider) -> &'static [(&'static str, &'static str)] {
    match p {
        Provider::AgentVoice => &[
            ("AGENTVOICE_API_KEY", "x-api-key"),
            ("AGENTVOICE_ORG_ID", "x-organization-id"),
        ],
        Provider::VozAgent => &[("VOZAGENT_API_KEY", "authorization")],
        Provider::Talkover => &[("TALKOVER_TOKEN", "authorization")],
        Provider::Zudu => &[
            ("ZUDU_API_KEY", "x-api-key"),
            ("ZUDU_API_SECRET", "x-api-secret"),
        ],
        Provider::Smallest => &[("SMALLEST_API_KEY", "authorization")],
        Provider::Retell => &[("RETELL_API_KEY", "authorization")],
        Provider::Vapi => &[("VAPI_API_KEY", "authorization")],
        Provider::ElevenLabs => &[("ELEVENLABS_API_KEY", "xi-api-key")],
        Provider::Bland => &[("BLAND_API_KEY", "authorization")],
    }
}

/// One path segment that may stand for an id: not empty, no dot segments,
/// nothing percent-encoded that could smuggle a separator.
fn id_ok(segment: &str) -> bool {
    let lower = segment.to_ascii_lowercase();
    !segment.is_empty()
        && segment != "."
        && segment != ".."
        && !lower.contains("%2f")
        && !lower.contains("%5c")
        && !lower.contains("%2e")
        && !lower.contains("%00")
        && segment
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.~%:@".contains(c))
}

/// Whether `method path` is one of the provider's call endpoints.
pub fn allowed(p: Provider, method: &Method, path: &str) -> bool {
    if path.contains("//") || path.contains('\\') {
        return false;
    }
    let segs: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let get = method == Method::GET;
    let post = method == Method::POST;
    match (p, segs.as_slice()) {
        (Provider::AgentVoice, ["api", "calls"]) => get,
        (Provider::AgentVoice, ["api", "calls", id]) => get && id_ok(id),
        (Provider::VozAgent, ["v1", "calls"]) => get,
        (Provider::VozAgent, ["v1", "calls", id]) => get && id_ok(id),
        (Provider::Talkover, ["api", "v1", "calls"]) => get,
        (Provider::Talkover, ["api", "v1", "calls", id]) => get && id_ok(id),
        (Provider::Talkover, ["api", "v1", "agents", id, "calls"]) => get && id_ok(id),
        (Provider::Zudu, ["api", "calls"]) => get || post,
        (Provider::Zudu, ["api", "calls", id]) => get && id_ok(id),
        (Provider::Smallest, ["atoms", "v1", "conversation"]) => get,
        (Provider::Smallest, ["atoms", "v1", "conversation", "search"]) => post,
        (Provider::Smallest, ["atoms", "v1", "conversation", id]) => get && id_ok(id),
        (Provider::Smallest, ["atoms", "v1", "conversation", id, "recording", "download-url"]) => {
            get && id_ok(id)
        }
        (Provider::Retell, ["v3" | "v2", "list-calls"]) => post,
        (Provider::Retell, ["v2", "get-call", id]) => get && id_ok(id),
        (Provider::Vapi, ["call"]) => get,
        (Provider::Vapi, ["call", id]) => get && id_ok(id),
        (Provider::ElevenLabs, ["v1", "convai", "conversations"]) => get,
        (Provider::ElevenLabs, ["v1", "convai", "conversations", id]) => get && id_ok(id),
        (Provider::ElevenLabs, ["v1", "convai", "conversations", id, "audio"]) => get && id_ok(id),
        (Provider::Bland, ["v1", "calls"]) => get,
        (Provider::Bland, ["v1", "calls", id]) => get && id_ok(id),
        _ => false,
    }
}

struct ProxyState {
    upstream: Upstream,
    client: reqwest::Client,
    body_timeout: Duration,
}

fn refuse(status: StatusCode, message: &str) -> Response {
    let mut r = (status, format!("{{\"error\": \"{message}\"}}")).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}

/// Request headers passed upstream; everything else (cookies, the client's
/// own authorization, `Host`) stays behind.
const PASS_REQUEST: [&str; 3] = ["accept", "content-type", "range"];
/// Response headers passed back.
const PASS_RESPONSE: [&str; 6] = [
    "content-type",
    "retry-after",
    "content-range",
    "accept-ranges",
    "cache-control",
    "etag",
];

async fn forward(State(state): State<Arc<ProxyState>>, request: Request) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let raw_path = request.uri().path().to_owned();
    let query = request.uri().query().map(str::to_owned);
    let up = &state.upstream;
    let Some(path) = raw_path.strip_prefix(up.prefix.trim_end_matches('/')) else {
        return refuse(StatusCode::NOT_FOUND, "not a proxied path");
    };
    let path = if path.is_empty() { "/" } else { path };
    if !allowed(up.provider, &method, path) {
        let known_path = [Method::GET, Method::POST]
            .iter()
            .any(|m| allowed(up.provider, m, path));
        eprintln!("proxy: refused {method} {path}");
        return if known_path {
            refuse(StatusCode::METHOD_NOT_ALLOWED, "method not allowed")
        } else {
            refuse(
                StatusCode::FORBIDDEN,
                "only the provider's call endpoints are proxied",
            )
        };
    }
    let headers: HeaderMap = request.headers().clone();
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let body = match read_body(request.into_body(), declared, state.body_timeout, MAX_BODY).await {
        BodyRead::Whole(b) => b,
        BodyRead::TooLarge => {
            eprintln!("proxy: {method} {path} -> request body too large");
            return refuse(StatusCode::PAYLOAD_TOO_LARGE, "request body too large");
        }
        BodyRead::TooSlow => {
            eprintln!("proxy: {method} {path} -> request body too slow");
            return refuse(StatusCode::REQUEST_TIMEOUT, "request body too slow");
        }
        BodyRead::Broken => {
            eprintln!("proxy: {method} {path} -> request body broken off");
            return refuse(StatusCode::BAD_REQUEST, "request body broken off");
        }
    };
    let url = match &query {
        Some(q) => format!("{}{path}?{q}", up.base),
        None => format!("{}{path}", up.base),
    };
    let mut outgoing = state.client.request(method.clone(), &url);
    for name in PASS_REQUEST {
        if let Some(v) = headers.get(name) {
            outgoing = outgoing.header(name, v.clone());
        }
    }
    for (name, value) in &up.auth {
        outgoing = outgoing.header(name.clone(), value.clone());
    }
    if method == Method::POST {
        outgoing = outgoing.body(body);
    }
    let upstream = match outgoing.send().await {
        Ok(r) => r,
        Err(e) => {
            let (status, what) = if e.is_timeout() {
                (StatusCode::GATEWAY_TIMEOUT, "upstream timed out")
            } else {
                (StatusCode::BAD_GATEWAY, "upstream unreachable")
            };
            eprintln!(
                "proxy: {method} {path} -> {what} ({} ms)",
                started.elapsed().as_millis()
            );
            return refuse(status, what);
        }
    };
    let status =
        StatusCode::from_u16(upstream.status().as_u16()).unwrap_or(StatusCode::BAD_GATEWAY);
    let mut response = Response::builder().status(status);
    for name in PASS_RESPONSE {
        if let Some(v) = upstream.headers().get(name) {
            response = response.header(name, v.as_bytes());
        }
    }
    eprintln!(
        "proxy: {method} {path} -> {} ({} ms)",
        status.as_u16(),
        started.elapsed().as_millis()
    );
    response
        .body(Body::from_stream(upstream.bytes_stream()))
        .unwrap_or_else(|_| refuse(StatusCode::BAD_GATEWAY, "bad upstream response"))
}

/// The proxy app for `upstream`, answering CORS for `origins`, with its
/// events in memory and no webhooks taken.
pub fn app(upstream: Upstream, origins: &[String], timeouts: Timeouts) -> Result<Router, String> {
    let live = Live::new(upstream.provider, None, Events::memory(KEPT), 200);
    app_live(upstream, origins, timeouts, Arc::new(live))
}

/// The proxy app for `upstream`, answering CORS for `origins`, taking
/// webhooks and serving events as `live` says.
pub fn app_live(
    upstream: Upstream,
    origins: &[String],
    timeouts: Timeouts,
    live: Arc<Live>,
) -> Result<Router, String> {
    let client = reqwest::Client::builder()
        .timeout(timeouts.upstream)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
    let live_routes = live::routes(live, &upstream.prefix);
    let state = Arc::new(ProxyState {
        upstream,
        client,
        body_timeout: timeouts.client,
    });
    let router = live_routes.merge(Router::new().fallback(forward).with_state(state));
    if origins.is_empty() {
        return Ok(router);
    }
    let allowed: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(allowed))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([
            header::ACCEPT,
            header::CONTENT_TYPE,
            header::RANGE,
            HeaderName::from_static("x-csrf-token"),
            HeaderName::from_static("last-event-id"),
        ])
        .allow_credentials(true)
        .expose_headers([header::RETRY_AFTER, header::CONTENT_RANGE]);
    Ok(router.layer(cors))
}

/// The upstream described by `args` and the environment.
pub fn upstream(
    args: &ProxyArgs,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Upstream, String> {
    let provider: Provider = args
        .provider
        .parse()
        .map_err(|e: callboard::core::provider::UnknownProvider| e.to_string())?;
    let base = args
        .upstream
        .clone()
        .or_else(|| default_upstream(provider).map(str::to_owned))
        .ok_or_else(|| format!("{provider} has no public API host: pass --upstream"))?;
    if !(base.starts_with("https://") || base.starts_with("http://")) {
        return Err("--upstream must be an http(s) URL".into());
    }
    let mut auth = Vec::new();
    for (var, name) in credential_env(provider) {
        let Some(secret) = env(var).filter(|s| !s.is_empty()) else {
            return Err(format!("{var} is not set"));
        };
        let value = if *name == "authorization" && provider != Provider::Bland {
            format!("Bearer {secret}")
        } else {
            secret
        };
        let mut value = HeaderValue::from_str(&value)
            .map_err(|_| format!("{var} is not a valid header value"))?;
        value.set_sensitive(true);
        auth.push((HeaderName::from_static(name), value));
    }
    Ok(Upstream {
        provider,
        base: base.trim_end_matches('/').to_owned(),
        auth,
        prefix: args.prefix.clone(),
    })
}

/// Runs the proxy until Ctrl-C.
pub async fn run(args: ProxyArgs) -> Result<(), String> {
    let upstream = upstream(&args, |k| std::env::var(k).ok())?;
    let addr: SocketAddr = format!("{}:{}", args.host, args.port)
        .parse()
        .map_err(|e| format!("bad address: {e}"))?;
    println!(
        "callboard-server: proxying {}'s call endpoints to {} on http://{addr}{}",
        upstream.provider, upstream.base, args.prefix
    );
    let timeouts = Timeouts {
        upstream: Duration::from_secs(args.timeout_secs),
        client: Duration::from_secs(args.client_timeout_secs),
    };
    let secret = live::webhook_secret(upstream.provider, |k| std::env::var(k).ok());
    let events = if args.events == "memory" {
        Events::memory(KEPT)
    } else {
        Events::redis(&args.events, KEPT)
            .await
            .map_err(|e| format!("--events: {e}"))?
    };
    match (&secret, live::secret_env(upstream.provider)) {
        (Some(_), _) => println!(
            "  webhooks: POST {}/webhooks/{}, events: GET {}/events ({})",
            args.prefix.trim_end_matches('/'),
            upstream.provider.id(),
            args.prefix.trim_end_matches('/'),
            if args.events == "memory" {
                "in memory"
            } else {
                "in Redis"
            }
        ),
        (None, Some(var)) => println!("  webhooks: off ({var} is not set)"),
        (None, None) => println!("  webhooks: {} sends none", upstream.provider),
    }
    let trusted = args
        .trusted_proxies
        .iter()
        .map(|a| a.trim().parse::<std::net::IpAddr>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("--trusted-proxy: {e}"))?;
    let live = Live::new(upstream.provider, secret, events, args.webhook_rate)
        .behind(trusted)
        .streams_per_source(args.streams_per_source);
    let app = app_live(upstream, &args.allow_origins, timeouts, Arc::new(live))?;
    let listener = listen(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    serve(listener, app, timeouts.client, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await;
    Ok(())
}

/// Connections the kernel may hold for the proxy to accept (as nginx and
/// the kernel's own cap allow). Tokio's `bind` asks for 1,024: a burst of
/// more connections than that overflows the queue, and a client that has
/// sent nothing yet is accepted only seconds later, when the kernel
/// repeats its handshake.
const BACKLOG: u32 = 4_096;

/// A listening socket on `addr` with room for bursts of connections.
fn listen(addr: SocketAddr) -> std::io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(BACKLOG)
}

/// How long shutting down waits for requests in flight.
const SHUTDOWN_DRAIN: Duration = Duration::from_secs(10);

/// Serves `app` on `listener` until `shutdown` resolves, then lets the
/// requests in flight finish (up to ten seconds).
///
/// HTTP/1 through hyper with a timer, which `axum::serve` does not set: a
/// connection that has not sent a whole request head within `head_timeout`
/// (a slow-loris client, or one idle between requests) is closed, and so
/// is one whose answer makes no progress for as long (a client that stopped
/// reading an event stream or a recording), so no client can hold a
/// connection, its memory and a file descriptor forever.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    head_timeout: Duration,
    shutdown: impl Future<Output = ()>,
) {
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(head_timeout);
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors, or a connection reset before
                    // it was accepted: wait a moment rather than spin.
                    eprintln!("proxy: accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        // Where each request came from, for the webhooks' per-source limit.
        let service = TowerToHyperService::new(Extension(Peer(peer)).layer(app.clone()));
        // A client that stops reading (an event stream, a recording) is
        // dropped after as long as it may take to send a request.
        let io = TokioIo::new(StallLimit::new(stream, head_timeout));
        let connection = graceful.watch(http.serve_connection(io, service));
        tokio::spawn(async move {
            // A client going away mid-request is not the proxy's error.
            let _ = connection.await;
        });
    }
    drop(listener);
    let _ = tokio::time::timeout(SHUTDOWN_DRAIN, graceful.shutdown()).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_call_endpoints_pass() {
        let get = Method::GET;
        assert!(allowed(Provider::AgentVoice, &get, "/api/calls"));
        assert!(allowed(
            Provider::AgentVoice,
            &get,
            "/api/calls/a7e85eef-65b6"
        ));
        assert!(!allowed(Provider::AgentVoice, &Method::POST, "/api/calls"));
        assert!(!allowed(Provider::AgentVoice, &get, "/api/agents"));
        assert!(!allowed(Provider::AgentVoice, &get, "/api/calls/../admin"));
        assert!(!allowed(
            Provider::AgentVoice,
            &get,
            "/api/calls/..%2Fadmin"
        ));
        assert!(!allowed(Provider::AgentVoice, &get, "/api/calls/%2e%2e"));
        assert!(!allowed(
            Provider::AgentVoice,
            &get,
            "//evil.example/api/calls"
        ));
        assert!(
            !allowed(Provider::Vapi, &get, "/api/calls"),
            "another provider's path"
        );
        assert!(allowed(Provider::Retell, &Method::POST, "/v3/list-calls"));
        assert!(!allowed(Provider::Retell, &get, "/v3/list-calls"));
        assert!(allowed(Provider::Retell, &Method::POST, "/v2/list-calls"));
        assert!(!allowed(Provider::Retell, &get, "/v2/list-calls"));
        assert!(allowed(
            Provider::Smallest,
            &get,
            "/atoms/v1/conversation/CALL-1/recording/download-url"
        ));
    }

    #[test]
    fn credentials_come_from_the_environment() {
        let args = ProxyArgs {
            provider: "vapi".into(),
            upstream: None,
            host: "127.0.0.1".into(),
            port: 0,
            prefix: "/".into(),
            allow_origins: vec![],
            timeout_secs: 5,
            client_timeout_secs: 10,
            events: "memory".into(),
            webhook_rate: 200,
            streams_per_source: live::STREAMS_PER_SOURCE,
            trusted_proxies: vec![],
        };
        let up = upstream(&args, |k| {
            (k == "VAPI_API_KEY").then(|| "sk-test".to_owned())
        })
        .unwrap();
        assert_eq!(up.base, "https://api.vapi.ai");
        assert_eq!(up.auth[0].1.to_str().unwrap(), "Bearer sk-test");
        assert!(up.auth[0].1.is_sensitive());
        assert_eq!(
            upstream(&args, |_| None).err().as_deref(),
            Some("VAPI_API_KEY is not set")
        );
    }
}
