//! The fake upstream: ElevenLabs' call endpoints with a realistic latency
//! (50-300 ms before the answer, fixed per request number so the direct
//! and the proxied runs see the same) and sizes (a 100-row list and a
//! 3,000-turn detail made from the project's own mock, a 30 MB recording
//! served with `Range`), and the faults the proxy must survive, chosen by
//! the call id: `hang-…` never answers, `reset-…` resets the connection,
//! `burst-…` answers 503, `cut-…` resets a recording mid-body.

use std::convert::Infallible;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full, StreamBody};
use hyper::body::{Frame, Incoming};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::Value;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tower::ServiceExt;

/// The recording's size.
pub const RECORDING_BYTES: usize = 30 * 1024 * 1024;
/// Turns in the long call's transcript.
pub const TURNS: usize = 3_000;

type Body = BoxBody<Bytes, io::Error>;

/// What the upstream answers with.
pub struct Bodies {
    /// `GET /v1/convai/conversations?page_size=100`.
    pub list: Bytes,
    /// `GET /v1/convai/conversations/{id}`, 3,000 turns.
    pub detail: Bytes,
    /// The recording (a WAV file).
    pub recording: Bytes,
    /// The id of the call in `detail`.
    pub id: String,
}

async fn mock_json(router: &axum::Router, uri: &str) -> Result<Value, String> {
    let request = axum::http::Request::get(uri)
        .body(axum::body::Body::empty())
        .map_err(|e| e.to_string())?;
    let response = router
        .clone()
        .oneshot(request)
        .await
        .map_err(|e| e.to_string())?;
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .map_err(|e| e.to_string())?;
    serde_json::from_slice(&bytes).map_err(|e| format!("{uri}: {e}"))
}

impl Bodies {
    /// The list and a detail from the dev server's ElevenLabs mock (so the
    /// shapes are the provider's), the detail's transcript grown to 3,000
    /// turns over the call, and a generated recording.
    pub async fn new() -> Result<Self, String> {
        let router =
            callboard_server::mock::router(callboard_server::mock::AppState::new(2_000, 7));
        let list = mock_json(&router, "/elevenlabs/v1/convai/conversations?page_size=100").await?;
        let rows = list
            .pointer("/conversations")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        if rows != 100 {
            return Err(format!("the mock list has {rows} rows, not 100"));
        }
        let id = list
            .pointer("/conversations/0/conversation_id")
            .and_then(Value::as_str)
            .ok_or("no conversation id in the mock list")?
            .to_owned();
        let mut detail = mock_json(
            &router,
            &format!("/elevenlabs/v1/convai/conversations/{id}"),
        )
        .await?;
        let turns: Vec<Value> = detail
            .pointer("/transcript")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        if turns.is_empty() {
            return Err("the mock detail has no transcript".into());
        }
        let seconds = detail
            .pointer("/metadata/call_duration_secs")
            .and_then(Value::as_u64)
            .unwrap_or(600)
            .max(1);
        let grown: Vec<Value> = (0..TURNS)
            .filter_map(|i| {
                let mut turn = turns.get(i % turns.len())?.clone();
                *turn.get_mut("time_in_call_secs")? =
                    Value::from(i as u64 * seconds / TURNS as u64);
                Some(turn)
            })
            .collect();
        if let Some(transcript) = detail.get_mut("transcript") {
            *transcript = Value::Array(grown);
        }
        Ok(Self {
            list: Bytes::from(list.to_string()),
            detail: Bytes::from(detail.to_string()),
            recording: Bytes::from(wav(RECORDING_BYTES)),
            id,
        })
    }
}

/// A mono 8 kHz 16-bit WAV file of `len` bytes (quiet noise).
fn wav(len: usize) -> Vec<u8> {
    let data = (len.saturating_sub(44)) as u32;
    let mut out = Vec::with_capacity(len);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(data + 36).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16_u32.to_le_bytes());
    out.extend_from_slice(&1_u16.to_le_bytes());
    out.extend_from_slice(&1_u16.to_le_bytes());
    out.extend_from_slice(&8_000_u32.to_le_bytes());
    out.extend_from_slice(&16_000_u32.to_le_bytes());
    out.extend_from_slice(&2_u16.to_le_bytes());
    out.extend_from_slice(&16_u16.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data.to_le_bytes());
    let mut x = 0x9E37_79B9_7F4A_7C15_u64;
    while out.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.push((x & 0x0F) as u8);
    }
    out
}

/// The upstream's latency for request number `n`: 50-300 ms.
pub fn latency(n: u64) -> Duration {
    Duration::from_millis(50 + callboard_demo_data::Rng::new(n).below(251))
}

/// A connection that can be reset: once `reset` is set, its next read or
/// write fails, and dropping it sends a TCP reset (zero linger).
struct Resettable {
    stream: TcpStream,
    reset: Arc<AtomicBool>,
}

impl Resettable {
    fn refuse(&self) -> io::Error {
        let _ = self.stream.set_zero_linger();
        io::ErrorKind::ConnectionReset.into()
    }
}

impl AsyncRead for Resettable {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if self.reset.load(Ordering::SeqCst) {
            return Poll::Ready(Err(self.refuse()));
        }
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for Resettable {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if self.reset.load(Ordering::SeqCst) {
            return Poll::Ready(Err(self.refuse()));
        }
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

/// What the upstream saw.
#[derive(Default)]
pub struct Seen {
    /// Requests answered.
    pub requests: AtomicUsize,
    /// Requests that came without the expected credentials.
    pub without_key: AtomicUsize,
}

/// The running upstream.
pub struct Upstream {
    /// Where it listens.
    pub addr: SocketAddr,
    /// What it saw.
    pub seen: Arc<Seen>,
}

/// Starts the upstream on a free port; it expects `key` in `xi-api-key`.
pub async fn start(bodies: Arc<Bodies>, key: &'static str) -> Result<Upstream, String> {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| e.to_string())?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let seen = Arc::new(Seen::default());
    let counters = Arc::clone(&seen);
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let _ = stream.set_nodelay(true);
            let reset = Arc::new(AtomicBool::new(false));
            let io = TokioIo::new(Resettable {
                stream,
                reset: Arc::clone(&reset),
            });
            let bodies = Arc::clone(&bodies);
            let seen = Arc::clone(&counters);
            let service = hyper::service::service_fn(move |req| {
                answer(
                    req,
                    Arc::clone(&bodies),
                    Arc::clone(&reset),
                    Arc::clone(&seen),
                    key,
                )
            });
            tokio::spawn(async move {
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(io, service)
                    .await;
            });
        }
    });
    Ok(Upstream { addr, seen })
}

fn full(status: StatusCode, content_type: &str, body: Bytes) -> Response<Body> {
    let mut r = Response::new(
        Full::new(body)
            .map_err(|never: Infallible| match never {})
            .boxed(),
    );
    *r.status_mut() = status;
    if let Ok(v) = content_type.parse() {
        r.headers_mut().insert("content-type", v);
    }
    r
}

fn json_error(status: StatusCode, message: &str) -> Response<Body> {
    let body = serde_json::json!({"detail": {"status": "error", "message": message}}).to_string();
    full(status, "application/json", Bytes::from(body))
}

/// `bytes=a-b` or `bytes=a-` within `len`.
fn range(header: Option<&str>, len: usize) -> Option<(usize, usize)> {
    let spec = header?.strip_prefix("bytes=")?;
    let (a, b) = spec.split_once('-')?;
    let start: usize = a.parse().ok()?;
    let end = if b.is_empty() {
        len - 1
    } else {
        b.parse::<usize>().ok()?.min(len - 1)
    };
    (start <= end).then_some((start, end))
}

/// The recording, or the part `Range` asks for. A `cut` recording resets
/// the connection after its first mebibyte.
fn recording(
    req: &Request<Incoming>,
    bodies: &Bodies,
    cut: Option<Arc<AtomicBool>>,
) -> Response<Body> {
    let len = bodies.recording.len();
    let asked = req.headers().get("range").and_then(|v| v.to_str().ok());
    let (status, start, end) = match range(asked, len) {
        Some((a, b)) => (StatusCode::PARTIAL_CONTENT, a, b),
        None if asked.is_some() => {
            return json_error(StatusCode::RANGE_NOT_SATISFIABLE, "bad range")
        }
        None => (StatusCode::OK, 0, len - 1),
    };
    let part = bodies.recording.slice(start..=end);
    let body: Body = match cut {
        None => Full::new(part)
            .map_err(|never: Infallible| match never {})
            .boxed(),
        Some(reset) => {
            let first = part.slice(..part.len().min(1024 * 1024));
            let chunks = futures_util::stream::unfold(0_u8, move |step| {
                let reset = Arc::clone(&reset);
                let first = first.clone();
                async move {
                    match step {
                        0 => Some((Ok(Frame::data(first)), 1)),
                        1 => {
                            tokio::time::sleep(Duration::from_millis(50)).await;
                            reset.store(true, Ordering::SeqCst);
                            Some((Ok(Frame::data(Bytes::from_static(&[0; 4096]))), 2))
                        }
                        _ => None,
                    }
                }
            });
            BodyExt::boxed(StreamBody::new(chunks))
        }
    };
    let mut r = Response::new(body);
    *r.status_mut() = status;
    let h = r.headers_mut();
    h.insert(
        "content-type",
        hyper::header::HeaderValue::from_static("audio/wav"),
    );
    h.insert(
        "accept-ranges",
        hyper::header::HeaderValue::from_static("bytes"),
    );
    if let Ok(v) = (end - start + 1).to_string().parse() {
        h.insert("content-length", v);
    }
    if status == StatusCode::PARTIAL_CONTENT {
        if let Ok(v) = format!("bytes {start}-{end}/{len}").parse() {
            h.insert("content-range", v);
        }
    }
    r
}

async fn answer(
    req: Request<Incoming>,
    bodies: Arc<Bodies>,
    reset: Arc<AtomicBool>,
    seen: Arc<Seen>,
    key: &'static str,
) -> Result<Response<Body>, Infallible> {
    seen.requests.fetch_add(1, Ordering::Relaxed);
    if req
        .headers()
        .get("xi-api-key")
        .and_then(|v| v.to_str().ok())
        != Some(key)
    {
        seen.without_key.fetch_add(1, Ordering::Relaxed);
        return Ok(json_error(
            StatusCode::UNAUTHORIZED,
            "missing or wrong API key",
        ));
    }
    let n = req
        .uri()
        .query()
        .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("n=")))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let path = req.uri().path().to_owned();
    let rest = path
        .strip_prefix("/v1/convai/conversations")
        .unwrap_or("/unknown");
    let segments: Vec<&str> = rest
        .trim_start_matches('/')
        .split('/')
        .filter(|s| !s.is_empty())
        .collect();
    let id = segments.first().copied().unwrap_or_default();
    if id.starts_with("hang-") {
        tokio::time::sleep(Duration::from_secs(60)).await;
    }
    if id.starts_with("reset-") {
        reset.store(true, Ordering::SeqCst);
        return Ok(json_error(StatusCode::OK, "never sent"));
    }
    tokio::time::sleep(latency(n)).await;
    if id.starts_with("burst-") {
        let mut r = json_error(StatusCode::SERVICE_UNAVAILABLE, "overloaded");
        r.headers_mut()
            .insert("retry-after", hyper::header::HeaderValue::from_static("1"));
        return Ok(r);
    }
    Ok(match segments.as_slice() {
        [] if rest != "/unknown" => full(StatusCode::OK, "application/json", bodies.list.clone()),
        [_] => full(StatusCode::OK, "application/json", bodies.detail.clone()),
        [id, "audio"] => recording(
            &req,
            &bodies,
            id.starts_with("cut-").then(|| Arc::clone(&reset)),
        ),
        _ => json_error(StatusCode::NOT_FOUND, "not found"),
    })
}
