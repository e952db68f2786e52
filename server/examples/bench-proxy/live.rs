//! The live side under load: many event-stream clients held open while
//! signed webhooks come in at a steady rate. Every client must get every
//! event once and in order (counted by each client); the time from a
//! webhook's post to each client's read is gathered in a histogram. With
//! replicas (Redis), webhooks alternate between them, clients are spread
//! over them, and one replica can be killed mid-run: its clients reconnect
//! to another with `Last-Event-ID` and must miss nothing.
// Counters and histograms indexed by numbers the bench made itself.
#![allow(clippy::indexing_slicing)]

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use callboard_server::live::signature::hmac_hex;
use eventsource_stream::Eventsource;
use futures_util::StreamExt;

/// What the clients saw.
#[derive(Debug, serde::Serialize)]
pub struct Outcome {
    /// Clients held open.
    pub clients: usize,
    /// Webhooks posted (all answered 200).
    pub posted: usize,
    /// Clients that got every event once, in order.
    pub complete: usize,
    /// Events a client got twice, out of order, or never, in all.
    pub duplicates: u64,
    pub out_of_order: u64,
    pub missing: u64,
    /// Resets a client was sent (each one a client that had to reload).
    pub resets: u64,
    /// Reconnections (a replica killed: each of its clients once).
    pub reconnections: u64,
    /// Post → a client's read, ms.
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    /// Webhooks not answered 200.
    pub refused: usize,
}

/// The webhook for event `n`: an ElevenLabs post-call transcription of a
/// call `bench-{n}` (small: what is measured is the relay, not the size).
fn body(n: usize) -> String {
    serde_json::json!({
        "type": "post_call_transcription",
        "event_timestamp": 1_739_537_297,
        "data": {
            "agent_id": "agent_bench",
            "conversation_id": format!("bench-{n}"),
            "status": "done",
            "transcript": [{"role": "agent", "message": "Hello from the bench.", "time_in_call_secs": 0}],
            "metadata": {"start_time_unix_secs": 1_739_537_297, "call_duration_secs": 22},
            "analysis": {"call_successful": "success", "transcript_summary": "A bench call."}
        }
    })
    .to_string()
}

/// The event number in an event's data (`"conversation_id":"bench-{n}"`).
fn number(data: &str) -> Option<usize> {
    let at = data.find("\"bench-")? + 7;
    let rest = data.get(at..)?;
    rest.get(..rest.find('"')?)?.parse().ok()
}

/// Runs `clients` clients over `bases` (spread), posts `total` webhooks at
/// `rate` a second (alternating over the replicas alive), and kills
/// replica 0 after `kill_after` if given (`kill` does it).
pub async fn run(
    bases: &[String],
    secret: &str,
    clients: usize,
    total: usize,
    rate: u32,
    kill: Option<(Duration, Box<dyn FnOnce() + Send>)>,
) -> Result<Outcome, String> {
    let start = Instant::now();
    let sent: Arc<Vec<AtomicU64>> = Arc::new((0..total).map(|_| AtomicU64::new(0)).collect());
    // 1 ms buckets up to 10 s, the last holding everything later.
    let histogram: Arc<Vec<AtomicU64>> = Arc::new((0..10_001).map(|_| AtomicU64::new(0)).collect());
    let connected = Arc::new(AtomicUsize::new(0));
    let alive = Arc::new(AtomicBool::new(true));
    let counts = Arc::new([(); 6].map(|()| AtomicU64::new(0)));
    let bases: Arc<Vec<String>> = Arc::new(bases.to_vec());
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .map_err(|e| e.to_string())?;
    let mut tasks = Vec::new();
    for c in 0..clients {
        let (sent, histogram, connected, counts, bases, http, alive) = (
            Arc::clone(&sent),
            Arc::clone(&histogram),
            Arc::clone(&connected),
            Arc::clone(&counts),
            Arc::clone(&bases),
            http.clone(),
            Arc::clone(&alive),
        );
        tasks.push(tokio::spawn(async move {
            let mut replica = c % bases.len();
            let mut last: Option<String> = None;
            let mut next = 0_usize;
            let mut first = true;
            while next < total && alive.load(Ordering::Relaxed) {
                let mut req = http.get(format!("{}/events", bases[replica]));
                if let Some(id) = &last {
                    req = req.header("last-event-id", id);
                }
                let Ok(response) = req.send().await else {
                    replica = (replica + 1) % bases.len();
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                };
                if first {
                    connected.fetch_add(1, Ordering::Relaxed);
                    first = false;
                } else {
                    counts[4].fetch_add(1, Ordering::Relaxed);
                }
                let mut events = response.bytes_stream().eventsource();
                while let Some(Ok(e)) = events.next().await {
                    if e.event == "reset" {
                        counts[3].fetch_add(1, Ordering::Relaxed);
                        last = Some(e.id);
                        continue;
                    }
                    let Some(n) = number(&e.data) else { continue };
                    let now = start.elapsed().as_micros() as u64;
                    if n == next {
                        let ms = now.saturating_sub(sent[n].load(Ordering::Relaxed)) / 1000;
                        histogram[(ms as usize).min(10_000)].fetch_add(1, Ordering::Relaxed);
                        next += 1;
                    } else if n < next {
                        counts[0].fetch_add(1, Ordering::Relaxed);
                    } else {
                        counts[1].fetch_add(1, Ordering::Relaxed);
                        counts[2].fetch_add((n - next) as u64, Ordering::Relaxed);
                        next = n + 1;
                    }
                    last = Some(e.id);
                    if next == total {
                        break;
                    }
                }
                // The stream ended (a replica gone): the next one.
                replica = (replica + 1) % bases.len();
            }
            next == total
        }));
    }
    // Everyone listening before the first webhook.
    let deadline = Instant::now() + Duration::from_secs(60);
    while connected.load(Ordering::Relaxed) < clients {
        if Instant::now() > deadline {
            return Err(format!(
                "only {} of {clients} clients connected",
                connected.load(Ordering::Relaxed)
            ));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let poster = reqwest::Client::new();
    let mut refused = 0;
    let mut kill = kill;
    let mut first_alive = 0;
    let began = Instant::now();
    for n in 0..total {
        let due = began + Duration::from_secs_f64(n as f64 / f64::from(rate));
        tokio::time::sleep_until(due.into()).await;
        if let Some((after, _)) = &kill {
            if began.elapsed() >= *after {
                if let Some((_, k)) = kill.take() {
                    k();
                    first_alive = 1;
                }
            }
        }
        let body = body(n);
        let at = (std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH))
            .map_or(0, |d| d.as_secs());
        let signature = format!(
            "t={at},v0={}",
            hmac_hex(
                secret.as_bytes(),
                &[at.to_string().as_bytes(), b".", body.as_bytes()]
            )
        );
        let alive_bases = &bases[first_alive..];
        let base = &alive_bases[n % alive_bases.len()];
        sent[n].store(start.elapsed().as_micros() as u64, Ordering::Relaxed);
        let answer = poster
            .post(format!("{base}/webhooks/elevenlabs"))
            .header("elevenlabs-signature", signature)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await;
        if !answer.is_ok_and(|a| a.status().as_u16() == 200) {
            refused += 1;
        }
    }
    // Every client done, or 30 s more to finish.
    let mut complete = 0;
    let finish = tokio::time::Instant::now() + Duration::from_secs(30);
    for task in tasks {
        if matches!(tokio::time::timeout_at(finish, task).await, Ok(Ok(true))) {
            complete += 1;
        }
    }
    alive.store(false, Ordering::Relaxed);
    let total_samples: u64 = histogram.iter().map(|b| b.load(Ordering::Relaxed)).sum();
    let at = |p: f64| -> f64 {
        let want = ((p / 100.0) * total_samples as f64).ceil().max(1.0) as u64;
        let mut seen = 0;
        for (ms, b) in histogram.iter().enumerate() {
            seen += b.load(Ordering::Relaxed);
            if seen >= want {
                return ms as f64;
            }
        }
        f64::NAN
    };
    let max_ms = histogram
        .iter()
        .rposition(|b| b.load(Ordering::Relaxed) > 0)
        .map_or(f64::NAN, |ms| ms as f64);
    Ok(Outcome {
        clients,
        posted: total,
        complete,
        duplicates: counts[0].load(Ordering::Relaxed),
        out_of_order: counts[1].load(Ordering::Relaxed),
        missing: counts[2].load(Ordering::Relaxed),
        resets: counts[3].load(Ordering::Relaxed),
        reconnections: counts[4].load(Ordering::Relaxed),
        p50_ms: at(50.0),
        p99_ms: at(99.0),
        max_ms,
        refused,
    })
}
