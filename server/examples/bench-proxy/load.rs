//! The load: a fixed number of requests by a fixed number of concurrent
//! clients, the mix a CRM page makes (lists, details, recording ranges and
//! now and then a whole recording), each request numbered so the upstream
//! gives it the same latency whichever way it goes.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::upstream::RECORDING_BYTES;

/// What a request asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A 100-row list.
    List,
    /// A 3,000-turn detail.
    Detail,
    /// A mebibyte of the recording, by `Range`.
    Range,
    /// The whole 30 MB recording.
    Whole,
}

/// One request of the mix: what, where (path and query), and the range.
pub struct Planned {
    /// The kind.
    pub kind: Kind,
    /// Path and query, below the provider's base.
    pub path: String,
    /// The `Range` header.
    pub range: Option<String>,
}

/// Request number `n` of the mix on call `id`: 60% lists, 25% details,
/// 15% recording ranges, one in a thousand the whole recording.
pub fn plan(n: usize, id: &str) -> Planned {
    const MIB: usize = 1024 * 1024;
    let base = "/v1/convai/conversations";
    if n % 1000 == 999 {
        return Planned {
            kind: Kind::Whole,
            path: format!("{base}/{id}/audio?n={n}"),
            range: None,
        };
    }
    match n % 20 {
        0..=11 => Planned {
            kind: Kind::List,
            path: format!("{base}?page_size=100&n={n}"),
            range: None,
        },
        12..=16 => Planned {
            kind: Kind::Detail,
            path: format!("{base}/{id}?n={n}"),
            range: None,
        },
        _ => {
            let start = (n * 7_919 * 4_096) % (RECORDING_BYTES - MIB);
            Planned {
                kind: Kind::Range,
                path: format!("{base}/{id}/audio?n={n}"),
                range: Some(format!("bytes={start}-{}", start + MIB - 1)),
            }
        }
    }
}

/// What one request got.
#[derive(Debug, Clone)]
pub struct Sample {
    /// Its number.
    pub n: usize,
    /// Its kind.
    pub kind: Kind,
    /// The status, or 0 when the request or its body failed.
    pub status: u16,
    /// From sending to the whole body, in milliseconds.
    pub ms: f64,
    /// Body bytes read.
    pub bytes: usize,
    /// Whether a secret appeared in a header or a JSON body.
    pub leaked: bool,
    /// The `Retry-After` header, if any.
    pub retry_after: Option<String>,
}

/// A client for `concurrency` parallel requests (one pooled connection
/// each, as browsers and CRM back ends keep them).
pub fn client(concurrency: usize) -> Result<reqwest::Client, String> {
    reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .timeout(Duration::from_secs(60))
        .build()
        .map_err(|e| e.to_string())
}

/// Sends `plan(n)` to `base` and reads the whole answer. `key` is sent as
/// the provider's credential (going direct, as the proxy would).
pub async fn send(
    client: &reqwest::Client,
    base: &str,
    n: usize,
    planned: &Planned,
    key: Option<&str>,
    secret: &str,
) -> Sample {
    let started = Instant::now();
    let mut request = client.get(format!("{base}{}", planned.path));
    if let Some(range) = &planned.range {
        request = request.header("range", range);
    }
    if let Some(key) = key {
        request = request.header("xi-api-key", key);
    }
    let mut sample = Sample {
        n,
        kind: planned.kind,
        status: 0,
        ms: 0.0,
        bytes: 0,
        leaked: false,
        retry_after: None,
    };
    if let Ok(response) = request.send().await {
        let status = response.status().as_u16();
        sample.leaked = response.headers().iter().any(|(_, v)| {
            v.as_bytes()
                .windows(secret.len())
                .any(|w| w == secret.as_bytes())
        });
        sample.retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let json = response
            .headers()
            .get("content-type")
            .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
        let expected = response.content_length();
        if let Ok(body) = response.bytes().await {
            // A body shorter than announced is a failure, never a success.
            if expected.is_none_or(|len| len == body.len() as u64) {
                sample.status = status;
            }
            sample.bytes = body.len();
            if json {
                sample.leaked |= body.windows(secret.len()).any(|w| w == secret.as_bytes());
            }
        }
    }
    sample.ms = started.elapsed().as_secs_f64() * 1_000.0;
    sample
}

/// Runs requests `0..total` of the mix against `base` with `concurrency`
/// clients; returns the samples in request order and the wall time.
pub async fn run(
    base: &str,
    id: &str,
    key: Option<&'static str>,
    total: usize,
    concurrency: usize,
    secret: &'static str,
) -> Result<(Vec<Sample>, Duration), String> {
    let client = client(concurrency)?;
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..concurrency {
        let (client, next, base, id) = (
            client.clone(),
            Arc::clone(&next),
            base.to_owned(),
            id.to_owned(),
        );
        workers.spawn(async move {
            let mut samples = Vec::new();
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= total {
                    return samples;
                }
                samples.push(send(&client, &base, n, &plan(n, &id), key, secret).await);
            }
        });
    }
    let mut samples = Vec::with_capacity(total);
    while let Some(done) = workers.join_next().await {
        samples.extend(done.map_err(|e| e.to_string())?);
    }
    samples.sort_by_key(|s| s.n);
    Ok((samples, started.elapsed()))
}

/// The `p`th percentile (0-100) of `values`, nearest rank.
pub fn percentile(values: &[f64], p: f64) -> f64 {
    let mut sorted: Vec<f64> = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted
        .get(rank.clamp(1, sorted.len()) - 1)
        .copied()
        .unwrap_or(f64::NAN)
}

/// Whether a sample's status is the success its kind expects.
pub fn succeeded(s: &Sample) -> bool {
    match s.kind {
        Kind::Range => s.status == 206,
        _ => s.status == 200,
    }
}
