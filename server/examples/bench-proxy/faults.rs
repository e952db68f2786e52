//! The faults, each a crowd of clients expecting one clear answer: an
//! upstream that never answers (504), resets (502), answers 503 in a
//! burst (503 with its `Retry-After`), or resets a recording mid-body (the
//! client's body fails, never a short success); and clients that dribble
//! their request head (closed at the head deadline) or body (408), or
//! send an oversized body (413).

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::load::{self, Kind, Planned};

/// How one fault went.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Outcome {
    /// What was done.
    pub name: &'static str,
    /// What each client should get.
    pub expected: &'static str,
    /// Clients.
    pub sent: usize,
    /// Clients that got it.
    pub as_expected: usize,
    /// The slowest client's wait, milliseconds.
    pub slowest_ms: f64,
    /// Whether any answer carried the secret.
    pub leaked: bool,
}

fn outcome(name: &'static str, expected: &'static str, results: &[(bool, f64, bool)]) -> Outcome {
    Outcome {
        name,
        expected,
        sent: results.len(),
        as_expected: results.iter().filter(|r| r.0).count(),
        slowest_ms: results.iter().map(|r| r.1).fold(0.0, f64::max),
        leaked: results.iter().any(|r| r.2),
    }
}

/// `count` requests for ids `{prefix}{i}` (`audio` for the recording),
/// `concurrency` at a time, each judged by `ok`.
async fn crowd(
    base: &str,
    prefix: &str,
    audio: bool,
    count: usize,
    concurrency: usize,
    secret: &'static str,
    ok: fn(&load::Sample) -> bool,
) -> Result<Vec<(bool, f64, bool)>, String> {
    let client = load::client(concurrency)?;
    let mut out = Vec::with_capacity(count);
    for chunk in (0..count).collect::<Vec<_>>().chunks(concurrency) {
        let mut set = tokio::task::JoinSet::new();
        for &i in chunk {
            let (client, base) = (client.clone(), base.to_owned());
            let path = if audio {
                format!("/v1/convai/conversations/{prefix}{i}/audio")
            } else {
                format!("/v1/convai/conversations/{prefix}{i}")
            };
            set.spawn(async move {
                let planned = Planned {
                    kind: if audio { Kind::Whole } else { Kind::Detail },
                    path,
                    range: None,
                };
                let sample = load::send(&client, &base, i, &planned, None, secret).await;
                (ok(&sample), sample.ms, sample.leaked)
            });
        }
        while let Some(r) = set.join_next().await {
            out.push(r.map_err(|e| e.to_string())?);
        }
    }
    Ok(out)
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// `count` connections, each sending `head` and then, with `drip`, one
/// byte every half second; each expects the proxy to answer with `expect`
/// (or, when empty, just to close) within `limit`.
async fn raw_crowd(
    addr: &str,
    head: &'static [u8],
    drip: bool,
    count: usize,
    expect: &'static str,
    limit: Duration,
    secret: &'static str,
) -> Vec<(bool, f64, bool)> {
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..count {
        let addr = addr.to_owned();
        set.spawn(async move {
            let started = Instant::now();
            let Ok(mut stream) = TcpStream::connect(&addr).await else {
                return (false, 0.0, false);
            };
            if stream.write_all(head).await.is_err() {
                return (false, 0.0, false);
            }
            let (reader, mut writer) = stream.into_split();
            let dripping = tokio::spawn(async move {
                while drip && writer.write_all(b"X").await.is_ok() {
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                writer
            });
            let mut stream = reader;
            let mut got = Vec::new();
            let closed = tokio::time::timeout(limit, async {
                let mut buf = [0_u8; 4096];
                loop {
                    match stream.read(&mut buf).await {
                        Ok(0) | Err(_) => break,
                        Ok(n) => got.extend_from_slice(buf.get(..n).unwrap_or_default()),
                    }
                }
            })
            .await
            .is_ok();
            dripping.abort();
            let ok = closed && got.starts_with(expect.as_bytes());
            (
                ok,
                started.elapsed().as_secs_f64() * 1_000.0,
                contains(&got, secret),
            )
        });
    }
    let mut out = Vec::with_capacity(count);
    while let Some(r) = set.join_next().await {
        out.push(r.unwrap_or((false, 0.0, false)));
    }
    out
}

/// Runs every fault against the proxy at `base` (`addr` its host:port).
pub async fn run(base: &str, addr: &str, secret: &'static str) -> Result<Vec<Outcome>, String> {
    let head_deadline = Duration::from_secs(10 + 3);
    let (timeouts, resets, burst, cut, loris, idle, slow_body, declared, oversized) = tokio::join!(
        crowd(base, "hang-", false, 100, 100, secret, |s| s.status == 504),
        crowd(base, "reset-", false, 300, 100, secret, |s| s.status == 502),
        crowd(base, "burst-", false, 1_000, 100, secret, |s| s.status == 503 && s.retry_after.as_deref() == Some("1")),
        crowd(base, "cut-", true, 50, 50, secret, |s| s.status == 0 && s.bytes < crate::upstream::RECORDING_BYTES),
        raw_crowd(addr, b"GET /v1/convai/conversations HTTP/1.1\r\nHost: bench\r\n", true, 500, "", head_deadline, secret),
        raw_crowd(addr, b"", false, 500, "", head_deadline, secret),
        raw_crowd(addr, b"GET /v1/convai/conversations HTTP/1.1\r\nHost: bench\r\nContent-Length: 1000\r\n\r\n{", false, 100, "HTTP/1.1 408", head_deadline, secret),
        raw_crowd(addr, b"GET /v1/convai/conversations HTTP/1.1\r\nHost: bench\r\nContent-Length: 10737418240\r\n\r\n", false, 50, "HTTP/1.1 413", head_deadline, secret),
        oversized_bodies(base, 100, secret),
    );
    Ok(vec![
        outcome(
            "upstream never answers",
            "504 at the 2 s upstream deadline",
            &timeouts?,
        ),
        outcome("upstream resets the connection", "502", &resets?),
        outcome("upstream 503 burst", "503 with its Retry-After", &burst?),
        outcome(
            "upstream resets a recording mid-body",
            "the body fails (never a short 200)",
            &cut?,
        ),
        outcome(
            "slow-loris clients (a byte every 0.5 s)",
            "closed at the 10 s head deadline",
            &loris,
        ),
        outcome(
            "idle connections (nothing sent)",
            "closed at the 10 s head deadline",
            &idle,
        ),
        outcome(
            "client dribbles its body",
            "408 at the 10 s body deadline",
            &slow_body,
        ),
        outcome(
            "client declares a 10 GiB body",
            "413 before reading it",
            &declared,
        ),
        outcome("client sends a 1 MiB body", "413", &oversized?),
    ])
}

async fn oversized_bodies(
    base: &str,
    count: usize,
    secret: &'static str,
) -> Result<Vec<(bool, f64, bool)>, String> {
    let client = load::client(count)?;
    let body = vec![b'x'; 1024 * 1024];
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..count {
        let request = client
            .get(format!("{base}/v1/convai/conversations"))
            .body(body.clone());
        set.spawn(async move {
            let started = Instant::now();
            match request.send().await {
                Ok(r) => {
                    let status = r.status().as_u16();
                    let text = r.bytes().await.unwrap_or_default();
                    (
                        status == 413,
                        started.elapsed().as_secs_f64() * 1_000.0,
                        contains(&text, secret),
                    )
                }
                // The proxy may answer and close before the whole body is
                // sent; the client then sees a broken pipe, not a status.
                Err(_) => (false, started.elapsed().as_secs_f64() * 1_000.0, false),
            }
        });
    }
    let mut out = Vec::with_capacity(count);
    while let Some(r) = set.join_next().await {
        out.push(r.map_err(|e| e.to_string())?);
    }
    Ok(out)
}
