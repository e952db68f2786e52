//! `make bench-proxy`: the reference proxy (`callboard-server proxy`, its
//! own process, the release build people run) in front of a fake ElevenLabs upstream with
//! realistic latency and sizes.
//!
//! 1. Load: 20,000 requests by 200 concurrent clients, first straight to
//!    the upstream, then through the proxy; throughput, latency and the
//!    latency the proxy adds to the same request.
//! 2. Faults, while 4,000 ordinary requests go on beside them: upstream
//!    timeouts, resets, a 503 burst, a recording cut mid-body, slow-loris
//!    and idle clients, a dribbled body, oversized bodies. Each client must
//!    get its clear answer, and the ordinary requests must all succeed.
//! 3. The proxy's memory and open descriptors before, at the peak and
//!    after, and the secret in no response and no log line.
//! 4. Live: 2,000 event streams held open while 100 signed webhooks a
//!    second come in for a minute: every client gets every event once and
//!    in order, post-to-read latency; then two replicas sharing a Redis
//!    (Debian's `redis-server` on a free port), one killed mid-run: its
//!    clients reconnect to the other and miss nothing.
//!
//! Traffic goes to 127.0.0.1 only; the run is bounded in requests and
//! time (about four minutes) and stops by itself. Exits non-zero when a
//! check fails. Figures on stdout, and in `out/bench-proxy.json`.
#![allow(missing_docs)]

mod faults;
mod live;
mod load;
mod process;
#[path = "../../tests/common/redis.rs"]
mod redis_server;
mod upstream;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use load::{percentile, succeeded, Sample};
use process::{Proxy, Usage};
use redis_server::Redis;

/// The provider key the proxy holds (and must never give away).
const SECRET: &str = "xi-bench-SECRET-7d41c9";
/// The webhook secret (the same: in no response and no log line).
const WEBHOOK_SECRET: &str = "wsec-bench-SECRET-3a90f2";
/// Event-stream clients held open, and webhooks a second.
const LIVE_CLIENTS: usize = 2_000;
const LIVE_RATE: u32 = 100;
const LIVE_SECS: usize = 60;
/// With replicas: seconds of webhooks, and when one replica is killed.
const REPLICA_SECS: usize = 30;
const KILL_AFTER: Duration = Duration::from_secs(15);
const TOTAL: usize = 20_000;
const CONCURRENCY: usize = 200;
const BESIDE_FAULTS: usize = 4_000;
/// The proxy's default client deadline, plus a margin: after it, no
/// client connection the bench left open is still held.
const SETTLE: Duration = Duration::from_secs(11);

#[derive(serde::Serialize)]
struct Run {
    requests: usize,
    succeeded: usize,
    seconds: f64,
    requests_per_second: f64,
    megabytes_per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
    leaked: usize,
}

fn summarize(samples: &[Sample], wall: Duration) -> Run {
    let ms: Vec<f64> = samples.iter().map(|s| s.ms).collect();
    let bytes: usize = samples.iter().map(|s| s.bytes).sum();
    Run {
        requests: samples.len(),
        succeeded: samples.iter().filter(|s| succeeded(s)).count(),
        seconds: wall.as_secs_f64(),
        requests_per_second: samples.len() as f64 / wall.as_secs_f64(),
        megabytes_per_second: bytes as f64 / 1e6 / wall.as_secs_f64(),
        p50_ms: percentile(&ms, 50.0),
        p99_ms: percentile(&ms, 99.0),
        leaked: samples.iter().filter(|s| s.leaked).count(),
    }
}

/// Samples the proxy's usage every 100 ms while `running`; keeps the peak.
fn watch(
    pid_usage: impl Fn() -> Usage + Send + 'static,
    running: Arc<AtomicBool>,
) -> tokio::task::JoinHandle<Usage> {
    tokio::spawn(async move {
        let mut peak = pid_usage();
        while running.load(Ordering::Relaxed) {
            let now = pid_usage();
            peak.rss_kib = peak.rss_kib.max(now.rss_kib);
            peak.peak_kib = peak.peak_kib.max(now.peak_kib);
            peak.fds = peak.fds.max(now.fds);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        peak
    })
}

fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> ExitCode {
    match bench().await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("bench-proxy: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn bench() -> Result<bool, String> {
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../out");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let bodies = Arc::new(upstream::Bodies::new().await?);
    println!(
        "bench-proxy: list {} KB, detail {} KB ({} turns), recording {} MB; upstream latency 50-300 ms",
        bodies.list.len() / 1000,
        bodies.detail.len() / 1000,
        upstream::TURNS,
        bodies.recording.len() / 1_000_000
    );
    let up = upstream::start(Arc::clone(&bodies), SECRET).await?;
    let up_base = format!("http://{}", up.addr);
    let live_env = [("ELEVENLABS_WEBHOOK_SECRET", WEBHOOK_SECRET)];
    let proxy = Arc::new(
        Proxy::start_with(
            &up_base,
            SECRET,
            &out.join("bench-proxy.log"),
            // (Every simulated client comes from this one address.)
            &["--webhook-rate", "1000", "--streams-per-source", "10000"],
            &live_env,
        )
        .await?,
    );
    let addr = proxy.base.trim_start_matches("http://").to_owned();
    let usage = {
        let proxy = Arc::clone(&proxy);
        move || proxy.usage()
    };

    // Warm up (the proxy's upstream pool fills), then the baseline.
    load::run(
        &proxy.base,
        &bodies.id,
        None,
        CONCURRENCY,
        CONCURRENCY,
        SECRET,
    )
    .await?;
    tokio::time::sleep(SETTLE).await;
    let before = usage();

    println!("bench-proxy: {TOTAL} requests by {CONCURRENCY} clients, direct");
    let (direct, direct_wall) = load::run(
        &up_base,
        &bodies.id,
        Some(SECRET),
        TOTAL,
        CONCURRENCY,
        SECRET,
    )
    .await?;
    println!("bench-proxy: {TOTAL} requests by {CONCURRENCY} clients, through the proxy");
    let running = Arc::new(AtomicBool::new(true));
    let watcher = watch(usage.clone(), Arc::clone(&running));
    let (proxied, proxied_wall) =
        load::run(&proxy.base, &bodies.id, None, TOTAL, CONCURRENCY, SECRET).await?;
    running.store(false, Ordering::Relaxed);
    let load_peak = watcher.await.map_err(|e| e.to_string())?;
    tokio::time::sleep(SETTLE).await;
    let after_load = usage();

    println!("bench-proxy: faults, with {BESIDE_FAULTS} ordinary requests beside them");
    let running = Arc::new(AtomicBool::new(true));
    let watcher = watch(usage.clone(), Arc::clone(&running));
    let (fault_outcomes, beside_run) = tokio::join!(
        faults::run(&proxy.base, &addr, SECRET),
        load::run(&proxy.base, &bodies.id, None, BESIDE_FAULTS, 50, SECRET),
    );
    running.store(false, Ordering::Relaxed);
    let fault_peak = watcher.await.map_err(|e| e.to_string())?;
    let fault_outcomes = fault_outcomes?;
    let (beside_samples, beside_wall) = beside_run?;
    tokio::time::sleep(SETTLE).await;
    let after_faults = usage();

    println!(
        "bench-proxy: live: {LIVE_CLIENTS} event streams, {LIVE_RATE} webhooks a second for {LIVE_SECS} s"
    );
    let running = Arc::new(AtomicBool::new(true));
    let watcher = watch(usage.clone(), Arc::clone(&running));
    let live_one = live::run(
        std::slice::from_ref(&proxy.base),
        WEBHOOK_SECRET,
        LIVE_CLIENTS,
        LIVE_SECS * LIVE_RATE as usize,
        LIVE_RATE,
        None,
    )
    .await?;
    running.store(false, Ordering::Relaxed);
    let live_peak = watcher.await.map_err(|e| e.to_string())?;
    tokio::time::sleep(SETTLE).await;
    let after_live = usage();

    println!(
        "bench-proxy: live: two replicas sharing a Redis, one killed after {} s",
        KILL_AFTER.as_secs()
    );
    let redis = Redis::start()?;
    let replica_args = [
        "--events",
        redis.url.as_str(),
        "--webhook-rate",
        "1000",
        "--streams-per-source",
        "10000",
    ];
    let doomed = Proxy::start_with(
        &up_base,
        SECRET,
        &out.join("bench-proxy-replica-1.log"),
        &replica_args,
        &live_env,
    )
    .await?;
    let survivor = Proxy::start_with(
        &up_base,
        SECRET,
        &out.join("bench-proxy-replica-2.log"),
        &replica_args,
        &live_env,
    )
    .await?;
    let replica_logs = [doomed.log.clone(), survivor.log.clone()];
    let bases = [doomed.base.clone(), survivor.base.clone()];
    let mut doomed = doomed;
    let live_replicas = live::run(
        &bases,
        WEBHOOK_SECRET,
        LIVE_CLIENTS,
        REPLICA_SECS * LIVE_RATE as usize,
        LIVE_RATE,
        Some((KILL_AFTER, Box::new(move || doomed.kill()))),
    )
    .await?;
    drop(survivor);
    drop(redis);

    let mut log = std::fs::read_to_string(&proxy.log).unwrap_or_default();
    for path in &replica_logs {
        log.push_str(&std::fs::read_to_string(path).unwrap_or_default());
    }
    let log_lines = log.lines().count();
    let log_leaks = log
        .lines()
        .filter(|l| l.contains(SECRET) || l.contains(WEBHOOK_SECRET))
        .count();

    let direct_run = summarize(&direct, direct_wall);
    let proxied_run = summarize(&proxied, proxied_wall);
    let beside_run = summarize(&beside_samples, beside_wall);
    let added: Vec<f64> = direct
        .iter()
        .zip(&proxied)
        .filter(|(d, p)| d.n == p.n && succeeded(d) && succeeded(p))
        .map(|(d, p)| p.ms - d.ms)
        .collect();
    let (added_p50, added_p99) = (percentile(&added, 50.0), percentile(&added, 99.0));

    println!();
    println!(
        "{:<44} {:>14} {:>18}",
        "load", "direct", "through the proxy"
    );
    let (d, p) = (&direct_run, &proxied_run);
    let rows = [
        (
            "requests (succeeded)",
            format!("{} ({})", d.requests, d.succeeded),
            format!("{} ({})", p.requests, p.succeeded),
        ),
        (
            "throughput, requests/s",
            format!("{:.0}", d.requests_per_second),
            format!("{:.0}", p.requests_per_second),
        ),
        (
            "throughput, MB/s",
            format!("{:.0}", d.megabytes_per_second),
            format!("{:.0}", p.megabytes_per_second),
        ),
        (
            "latency p50 / p99, ms",
            format!("{:.0} / {:.0}", d.p50_ms, d.p99_ms),
            format!("{:.0} / {:.0}", p.p50_ms, p.p99_ms),
        ),
        (
            "added by the proxy, same request, p50 / p99",
            String::new(),
            format!("{added_p50:.1} / {added_p99:.1} ms"),
        ),
    ];
    for (name, a, b) in rows {
        println!("{name:<44} {a:>14} {b:>18}");
    }
    println!();
    println!(
        "{:<44} {:>10} {:>10} {:>12} {:>12}",
        "proxy process", "before", "peak", "after load", "after faults"
    );
    println!(
        "{:<44} {:>10} {:>10} {:>12} {:>12}",
        "resident memory",
        mib(before.rss_kib),
        mib(load_peak.rss_kib.max(fault_peak.rss_kib)),
        mib(after_load.rss_kib),
        mib(after_faults.rss_kib)
    );
    println!(
        "{:<44} {:>10} {:>10} {:>12} {:>12}",
        "open file descriptors",
        before.fds,
        load_peak.fds.max(fault_peak.fds),
        after_load.fds,
        after_faults.fds
    );
    println!();
    println!(
        "{:<42} {:<36} {:>10} {:>12}",
        "fault", "each client gets", "as such", "slowest"
    );
    for f in &fault_outcomes {
        println!(
            "{:<42} {:<36} {:>10} {:>9.0} ms",
            f.name,
            f.expected,
            format!("{}/{}", f.as_expected, f.sent),
            f.slowest_ms
        );
    }
    println!(
        "{:<42} {:<36} {:>10} {:>9.0} ms",
        "ordinary requests beside the faults",
        format!("success (p50 {:.0} ms)", beside_run.p50_ms),
        format!("{}/{}", beside_run.succeeded, beside_run.requests),
        beside_run.p99_ms
    );
    println!();
    println!(
        "{:<44} {:>18} {:>22}",
        "live (event streams)", "one proxy", "two replicas, one killed"
    );
    let (l1, l2) = (&live_one, &live_replicas);
    let live_rows = [
        (
            "clients / webhooks posted",
            format!("{} / {}", l1.clients, l1.posted),
            format!("{} / {}", l2.clients, l2.posted),
        ),
        (
            "clients that got every event once, in order",
            format!("{}", l1.complete),
            format!("{}", l2.complete),
        ),
        (
            "events twice / out of order / missed",
            format!("{} / {} / {}", l1.duplicates, l1.out_of_order, l1.missing),
            format!("{} / {} / {}", l2.duplicates, l2.out_of_order, l2.missing),
        ),
        (
            "resets / reconnections",
            format!("{} / {}", l1.resets, l1.reconnections),
            format!("{} / {}", l2.resets, l2.reconnections),
        ),
        (
            "webhook post → client read, p50 / p99 / max",
            format!("{:.0} / {:.0} / {:.0} ms", l1.p50_ms, l1.p99_ms, l1.max_ms),
            format!("{:.0} / {:.0} / {:.0} ms", l2.p50_ms, l2.p99_ms, l2.max_ms),
        ),
        (
            "webhooks not answered 200",
            format!("{}", l1.refused),
            format!("{}", l2.refused),
        ),
    ];
    for (name, a, b) in live_rows {
        println!("{name:<44} {a:>18} {b:>22}");
    }
    println!(
        "{:<44} {:>18}",
        "proxy memory / descriptors: before → peak → after",
        format!(
            "{} → {} → {}, {} → {} → {}",
            mib(after_faults.rss_kib),
            mib(live_peak.rss_kib),
            mib(after_live.rss_kib),
            after_faults.fds,
            live_peak.fds,
            after_live.fds
        )
    );
    println!();
    let leaked_responses = direct_run.leaked
        + proxied_run.leaked
        + beside_run.leaked
        + fault_outcomes.iter().filter(|f| f.leaked).count();
    println!("secret in responses: {leaked_responses}; in the proxy's log: {log_leaks} of {log_lines} lines");
    println!(
        "upstream: {} requests, {} without the proxy's credentials",
        up.seen.requests.load(Ordering::Relaxed),
        up.seen.without_key.load(Ordering::Relaxed)
    );

    let mut failures = Vec::new();
    if proxied_run.succeeded != TOTAL || direct_run.succeeded != TOTAL {
        failures.push(format!(
            "load: {} direct and {} proxied of {TOTAL} succeeded",
            direct_run.succeeded, proxied_run.succeeded
        ));
    }
    for f in fault_outcomes.iter().filter(|f| f.as_expected != f.sent) {
        failures.push(format!(
            "{}: {} of {} got {}",
            f.name, f.as_expected, f.sent, f.expected
        ));
    }
    if beside_run.succeeded != BESIDE_FAULTS {
        failures.push(format!(
            "beside the faults only {} of {BESIDE_FAULTS} succeeded",
            beside_run.succeeded
        ));
    }
    if leaked_responses + log_leaks > 0 {
        failures.push("the secret left the proxy".into());
    }
    for (name, l) in [
        ("live, one proxy", &live_one),
        ("live, replicas", &live_replicas),
    ] {
        if l.complete != l.clients
            || l.duplicates + l.out_of_order + l.missing + l.resets > 0
            || l.refused > 0
        {
            failures.push(format!("{name}: {l:?}"));
        }
    }
    if after_live.fds > after_faults.fds + 8
        || after_live.rss_kib > after_faults.rss_kib + 64 * 1024
    {
        failures.push(format!(
            "live: not flat: {after_faults:?} before, {after_live:?} after"
        ));
    }
    if up.seen.without_key.load(Ordering::Relaxed) > 0 {
        failures.push("requests reached the upstream without credentials".into());
    }
    // Flat: after the faults the proxy holds what it held after the load
    // (its upstream pool), give or take a few descriptors and 32 MiB.
    if after_faults.fds > after_load.fds + 8
        || after_faults.rss_kib > after_load.rss_kib + 32 * 1024
    {
        failures.push(format!(
            "not flat: {after_load:?} after the load, {after_faults:?} after the faults"
        ));
    }

    let report = serde_json::json!({
        "load": {"total": TOTAL, "concurrency": CONCURRENCY, "direct": direct_run, "proxied": proxied_run, "added_p50_ms": added_p50, "added_p99_ms": added_p99},
        "usage": {"before": before, "peak_load": load_peak, "after_load": after_load, "peak_faults": fault_peak, "after_faults": after_faults},
        "faults": fault_outcomes,
        "beside_faults": beside_run,
        "live": {"one_proxy": live_one, "replicas_one_killed": live_replicas, "usage": {"before": after_faults, "peak": live_peak, "after": after_live}},
        "log": {"lines": log_lines, "with_secret": log_leaks},
        "failures": failures,
    });
    let path = out.join("bench-proxy.json");
    std::fs::write(
        &path,
        serde_json::to_string_pretty(&report).unwrap_or_default(),
    )
    .map_err(|e| e.to_string())?;
    println!("figures in {}", path.display());
    for f in &failures {
        println!("FAILED: {f}");
    }
    Ok(failures.is_empty())
}
