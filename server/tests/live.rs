//! The reference proxy's live side over HTTP: providers' webhooks, checked
//! and relayed once as server-sent events, read back by an event-stream
//! parser of its own (`eventsource-stream`); reconnecting clients; and
//! replicas sharing events through a real Redis (Debian's `redis-server`,
//! started here on a free loopback port).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::net::TcpListener as StdListener;
use std::process::Stdio;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use callboard::core::Provider;
use callboard_server::live::events::Events;
use callboard_server::live::signature::hmac_hex;
use callboard_server::live::webhook::{self, NotRelayed};
use callboard_server::live::Live;
use callboard_server::proxy::{app_live, serve, upstream, ProxyArgs, Timeouts};
use eventsource_stream::{Event, Eventsource};
use futures_util::StreamExt;
use serde_json::{json, Value};

#[path = "common/redis.rs"]
mod redis_server;
use redis_server::Redis;

const RETELL_KEY: &str = "key_retell_SECRET_71c2";

fn args(provider: Provider) -> ProxyArgs {
    ProxyArgs {
        provider: provider.id().into(),
        upstream: Some("http://127.0.0.1:9".into()),
        host: "127.0.0.1".into(),
        port: 0,
        prefix: "/voice".into(),
        allow_origins: vec![],
        timeout_secs: 1,
        client_timeout_secs: 5,
        events: "memory".into(),
        webhook_rate: 200,
        streams_per_source: callboard_server::live::STREAMS_PER_SOURCE,
        trusted_proxies: vec![],
    }
}

/// A proxy for `provider` with `secret`, its events in `events`, serving
/// on a free port: its base URL, and a way to stop it.
async fn proxy(
    provider: Provider,
    secret: &str,
    events: Events,
) -> (String, tokio::sync::oneshot::Sender<()>) {
    let up = upstream(&args(provider), |_| Some("sk-upstream".to_owned())).unwrap();
    let live = Live::new(provider, Some(secret.to_owned()), events, 200);
    let timeouts = Timeouts {
        upstream: Duration::from_secs(1),
        client: Duration::from_secs(5),
    };
    let app = app_live(up, &[], timeouts, Arc::new(live)).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(serve(listener, app, timeouts.client, async {
        let _ = stopped.await;
    }));
    (format!("http://{addr}/voice"), stop)
}

#[tokio::test]
async fn a_source_past_its_cap_of_event_streams_is_told_to_come_back_later() {
    let up = upstream(&args(Provider::Retell), |_| Some("sk-upstream".to_owned())).unwrap();
    let live = Live::new(
        Provider::Retell,
        Some(RETELL_KEY.to_owned()),
        Events::memory(10),
        200,
    )
    .streams_per_source(2);
    let timeouts = Timeouts {
        upstream: Duration::from_secs(1),
        client: Duration::from_secs(5),
    };
    let app = app_live(up, &[], timeouts, Arc::new(live)).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/voice", listener.local_addr().unwrap());
    tokio::spawn(serve(
        listener,
        app,
        timeouts.client,
        std::future::pending(),
    ));
    let first = listen(&base, None).await;
    let mut second = listen(&base, None).await;
    let third = reqwest::get(format!("{base}/events")).await.unwrap();
    assert_eq!(third.status().as_u16(), 429);
    assert_eq!(third.headers()["retry-after"], "30");
    // The two open ones still get the events; one closed frees its slot.
    post_retell(&base, &retell("call_ended", "c1"), RETELL_KEY, now_ms()).await;
    assert_eq!(data(&next(&mut second).await)["call"]["call_id"], "c1");
    drop(first);
    let mut again = None;
    for _ in 0..50 {
        let r = reqwest::get(format!("{base}/events")).await.unwrap();
        if r.status().as_u16() == 200 {
            again = Some(r);
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(again.is_some(), "a slot freed when a stream closed");
}

/// A Retell proxy keeping its events in `redis`, the last `kept`.
async fn redis_proxy(redis: &Redis, kept: usize) -> (String, tokio::sync::oneshot::Sender<()>) {
    let events = Events::redis(&redis.url, kept).await.unwrap();
    proxy(Provider::Retell, RETELL_KEY, events).await
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

/// Posts a Retell webhook signed with `key` at `at` (Unix ms).
async fn post_retell(base: &str, body: &str, key: &str, at: i64) -> (u16, Value) {
    let sig = format!(
        "v={at},d={}",
        hmac_hex(
            key.as_bytes(),
            &[body.as_bytes(), at.to_string().as_bytes()]
        )
    );
    post(base, "retell", body, &[("x-retell-signature", &sig)]).await
}

async fn post(base: &str, provider: &str, body: &str, headers: &[(&str, &str)]) -> (u16, Value) {
    let mut req = reqwest::Client::new()
        .post(format!("{base}/webhooks/{provider}"))
        .header("content-type", "application/json")
        .body(body.to_owned());
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let r = req.send().await.unwrap();
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    for secret in [RETELL_KEY, "key_upstream_SECRET_0b9e"] {
        assert!(!text.contains(secret), "no secret in an answer: {text}");
    }
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// An open event stream, parsed apart.
type Stream = std::pin::Pin<Box<dyn futures_util::Stream<Item = Event> + Send>>;

async fn listen(base: &str, last: Option<&str>) -> Stream {
    let mut req = reqwest::Client::new().get(format!("{base}/events"));
    if let Some(id) = last {
        req = req.header("last-event-id", id);
    }
    let r = req.send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["content-type"], "text/event-stream");
    Box::pin(r.bytes_stream().eventsource().map(|e| e.unwrap()))
}

/// The next event (the keep-alive comments are not events).
async fn next(stream: &mut Stream) -> Event {
    tokio::time::timeout(Duration::from_secs(5), stream.next())
        .await
        .expect("an event within 5 s")
        .expect("the stream goes on")
}

/// Whether the stream stays quiet for a moment.
async fn quiet(stream: &mut Stream) -> bool {
    tokio::time::timeout(Duration::from_millis(300), stream.next())
        .await
        .is_err()
}

fn retell(event: &str, call_id: &str) -> String {
    json!({ "event": event, "call": { "call_id": call_id, "call_status": "ended", "agent_id": "ag_1" } }).to_string()
}

fn data(e: &Event) -> Value {
    assert_eq!(e.event, "call");
    serde_json::from_str(&e.data).unwrap()
}

#[tokio::test]
async fn a_signed_webhook_reaches_every_open_stream_once_in_order() {
    let (base, _stop) = proxy(Provider::Retell, RETELL_KEY, Events::memory(100)).await;
    // The browser's reconnection delay comes first (a field of no event).
    let mut raw = reqwest::get(format!("{base}/events"))
        .await
        .unwrap()
        .bytes_stream();
    let head = tokio::time::timeout(Duration::from_secs(5), raw.next())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert!(
        head.starts_with(b"retry: 3000\n")
            || head.starts_with(b"retry:3000\n")
            || String::from_utf8_lossy(&head).contains("retry:"),
        "{head:?}"
    );
    let mut a = listen(&base, None).await;
    let mut b = listen(&base, None).await;
    for (event, id) in [
        ("call_started", "c1"),
        ("call_ended", "c1"),
        ("call_analyzed", "c1"),
    ] {
        let (status, body) = post_retell(&base, &retell(event, id), RETELL_KEY, now_ms()).await;
        assert_eq!(
            (status, body["relayed"].clone()),
            (200, json!(true)),
            "{event}"
        );
    }
    // Retried: relayed once.
    let (status, body) =
        post_retell(&base, &retell("call_ended", "c1"), RETELL_KEY, now_ms()).await;
    assert_eq!((status, body["relayed"].clone()), (200, json!(false)));
    for stream in [&mut a, &mut b] {
        let mut ids = Vec::new();
        for want in ["call_started", "call_ended", "call_analyzed"] {
            let e = next(stream).await;
            let d = data(&e);
            assert_eq!(
                (d["provider"].as_str(), d["type"].as_str()),
                (Some("retell"), Some(want))
            );
            assert_eq!(d["call"]["call_id"], "c1");
            ids.push(e.id);
        }
        assert!(
            ids.windows(2).all(|w| w[0] != w[1] && !w[0].is_empty()),
            "an id on every event: {ids:?}"
        );
        assert!(quiet(stream).await, "the retry is not relayed");
    }
}

#[tokio::test]
async fn forged_stale_oversized_malformed_and_unknown_webhooks_relay_nothing() {
    let (base, _stop) = proxy(Provider::Retell, RETELL_KEY, Events::memory(100)).await;
    let mut stream = listen(&base, None).await;
    let body = retell("call_ended", "c9");
    let now = now_ms();
    // Forged: another key, or none.
    assert_eq!(post_retell(&base, &body, "key_guessed", now).await.0, 401);
    assert_eq!(post(&base, "retell", &body, &[]).await.0, 401);
    assert_eq!(
        post(
            &base,
            "retell",
            &body,
            &[("x-retell-signature", "v=1,d=zz")]
        )
        .await
        .0,
        401
    );
    // Replayed later than Retell's window.
    let (status, answer) = post_retell(&base, &body, RETELL_KEY, now - 6 * 60 * 1000).await;
    assert_eq!(status, 401);
    assert!(
        answer["error"].as_str().unwrap().contains("window"),
        "{answer}"
    );
    // Signed, but not JSON; an event Retell does not have; one it has that is not relayed.
    assert_eq!(
        post_retell(&base, "{not json", RETELL_KEY, now).await.0,
        400
    );
    assert_eq!(
        post_retell(&base, &retell("call_exploded", "c9"), RETELL_KEY, now)
            .await
            .0,
        422
    );
    assert_eq!(
        post_retell(&base, &retell("transfer_started", "c9"), RETELL_KEY, now)
            .await
            .0,
        202
    );
    assert_eq!(
        post_retell(
            &base,
            &json!({"event": "call_ended", "call": {}}).to_string(),
            RETELL_KEY,
            now
        )
        .await
        .0,
        400
    );
    // Over the limit.
    let huge = format!(
        r#"{{"event":"call_ended","call":{{"call_id":"c9","pad":"{}"}}}}"#,
        "x".repeat(3 * 1024 * 1024)
    );
    assert_eq!(post_retell(&base, &huge, RETELL_KEY, now).await.0, 413);
    // Another provider's webhooks are not taken by a Retell proxy.
    assert_eq!(
        post(&base, "vapi", &body, &[("x-vapi-secret", RETELL_KEY)])
            .await
            .0,
        404
    );
    assert!(quiet(&mut stream).await, "nothing relayed");
    // And the stream goes on: the next good one comes through.
    assert_eq!(post_retell(&base, &body, RETELL_KEY, now).await.0, 200);
    assert_eq!(data(&next(&mut stream).await)["call"]["call_id"], "c9");
}

#[tokio::test]
async fn a_client_that_reconnects_gets_exactly_what_it_missed_or_a_reset() {
    let events = Events::memory(100);
    let (base, stop) = proxy(Provider::Retell, RETELL_KEY, events).await;
    let mut stream = listen(&base, None).await;
    for id in ["c1", "c2", "c3"] {
        post_retell(&base, &retell("call_ended", id), RETELL_KEY, now_ms()).await;
    }
    let first = next(&mut stream).await;
    drop(stream);
    // Back with the first id: the two after it, then what comes next.
    let mut again = listen(&base, Some(&first.id)).await;
    let missed: Vec<Value> = vec![data(&next(&mut again).await), data(&next(&mut again).await)];
    assert_eq!(
        missed
            .iter()
            .map(|d| d["call"]["call_id"].clone())
            .collect::<Vec<_>>(),
        [json!("c2"), json!("c3")]
    );
    post_retell(&base, &retell("call_ended", "c4"), RETELL_KEY, now_ms()).await;
    let live = next(&mut again).await;
    assert_eq!(data(&live)["call"]["call_id"], "c4");
    assert!(quiet(&mut again).await, "nothing twice");
    // An id the proxy never gave: reload, and go on from the newest.
    let mut lost = listen(&base, Some("12-34")).await;
    let reset = next(&mut lost).await;
    assert_eq!(reset.event, "reset");
    assert_eq!(reset.id, live.id, "the newest id, to go on from");
    // The proxy restarted (its memory lost): the old id asks for a reload.
    stop.send(()).unwrap();
    let (base, _stop) = proxy(Provider::Retell, RETELL_KEY, Events::memory(100)).await;
    let mut after = listen(&base, Some(&live.id)).await;
    assert_eq!(next(&mut after).await.event, "reset");
}

/// Each provider's webhook, as its own docs publish it, is read, and the
/// call it relays is read by that provider's own adapter: the widget reads
/// events with the readers it already has.
#[test]
fn each_providers_published_webhook_carries_a_call_its_adapter_reads() {
    let fixture = |path: &str| -> Value {
        let text = std::fs::read_to_string(format!(
            "{}/../tests/fixtures/{path}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        serde_json::from_str(&text).unwrap()
    };
    let retell_call = fixture("spec/retell-get-call-phone.json");
    let vapi_call = fixture("vapi/detail_2026.json");
    let bland_call = fixture("bland/docs_detail.json");
    let cases = [
        (
            Provider::Retell,
            json!({ "event": "call_analyzed", "call": retell_call.clone() }),
            retell_call["call_id"].clone(),
        ),
        (
            Provider::Vapi,
            json!({ "message": {
                "type": "end-of-call-report",
                "endedReason": "customer-ended-call",
                "call": vapi_call.clone(),
                "artifact": vapi_call["artifact"].clone(),
                "analysis": { "summary": "The customer asked about a refund." },
            } }),
            vapi_call["id"].clone(),
        ),
        (
            Provider::ElevenLabs,
            fixture("webhooks/elevenlabs-post_call_transcription.json"),
            json!("abc"),
        ),
        (
            Provider::Bland,
            bland_call.clone(),
            bland_call["call_id"].clone(),
        ),
    ];
    for (p, body, id) in cases {
        let delivery =
            webhook::read(p, body.to_string().as_bytes()).unwrap_or_else(|e| panic!("{p}: {e:?}"));
        let relayed: Value = serde_json::from_str(&delivery.data).unwrap();
        assert_eq!(relayed["provider"], p.id());
        let detail = p
            .parse_detail(&relayed["call"].to_string())
            .unwrap_or_else(|e| panic!("{p}'s adapter reads the relayed call: {e:?}"));
        assert_eq!(json!(detail.call.id), id, "{p}");
    }
    // Published, but not a call to show.
    let failure = fixture("webhooks/elevenlabs-call_initiation_failure.json");
    assert!(matches!(
        webhook::read(Provider::ElevenLabs, failure.to_string().as_bytes()),
        Err(NotRelayed::Ignored(_))
    ));
}

#[tokio::test]
async fn replicas_share_events_through_redis_and_a_client_resumes_on_another() {
    let redis = Redis::start().unwrap();
    let (one, _stop_one) = redis_proxy(&redis, 100).await;
    let (two, _stop_two) = redis_proxy(&redis, 100).await;
    let mut on_two = listen(&two, None).await;
    // Posted to one, seen through the other.
    assert_eq!(
        post_retell(&one, &retell("call_started", "r1"), RETELL_KEY, now_ms())
            .await
            .0,
        200
    );
    let first = next(&mut on_two).await;
    assert_eq!(data(&first)["call"]["call_id"], "r1");
    // A retry that reaches the other replica is still relayed once.
    let (_, answer) = post_retell(&two, &retell("call_started", "r1"), RETELL_KEY, now_ms()).await;
    assert_eq!(answer["relayed"], false);
    for id in ["r2", "r3"] {
        post_retell(&one, &retell("call_ended", id), RETELL_KEY, now_ms()).await;
    }
    let second = next(&mut on_two).await;
    let third = next(&mut on_two).await;
    assert!(quiet(&mut on_two).await);
    // The stream's ids are the events' ids: resumed on the other replica, exactly.
    let mut on_one = listen(&one, Some(&first.id)).await;
    assert_eq!(next(&mut on_one).await, second);
    assert_eq!(next(&mut on_one).await, third);
    assert!(quiet(&mut on_one).await);
}

/// Redis trims whole nodes (`MAXLEN ~`; a node holds up to 100 entries
/// or 4 KB): the stream may hold more than it was asked to keep. A client
/// within what it holds gets all it missed (here 9, with 5 to keep).
#[tokio::test]
async fn a_client_within_what_redis_holds_gets_all_it_missed() {
    let redis = Redis::start().unwrap();
    let (base, _stop) = redis_proxy(&redis, 5).await;
    let mut stream = listen(&base, None).await;
    let mut ids = Vec::new();
    for i in 0..150 {
        post_retell(
            &base,
            &retell("call_ended", &format!("k{i}")),
            RETELL_KEY,
            now_ms(),
        )
        .await;
        ids.push(next(&mut stream).await.id);
    }
    let mut back = listen(&base, Some(&ids[140])).await;
    for (i, id) in ids.iter().enumerate().skip(141) {
        let e = next(&mut back).await;
        assert_eq!(
            e.event, "call",
            "{e:?} after {}, first kept {}",
            ids[120], ids[100]
        );
        assert_eq!(e.id, *id);
        assert_eq!(data(&e)["call"]["call_id"], format!("k{i}"));
    }
    assert!(quiet(&mut back).await);
}

/// A Retell proxy keeping its last 5 events in a Redis of its own, an
/// open stream of it, and the first event that stream got: the Redis, the
/// proxy's base URL, a way to stop it, the stream and the event.
async fn redis_with_one_event() -> (
    Redis,
    String,
    tokio::sync::oneshot::Sender<()>,
    Stream,
    Event,
) {
    let redis = Redis::start().unwrap();
    let (base, stop) = redis_proxy(&redis, 5).await;
    let mut stream = listen(&base, None).await;
    post_retell(&base, &retell("call_ended", "old"), RETELL_KEY, now_ms()).await;
    let old = next(&mut stream).await;
    (redis, base, stop, stream, old)
}

#[tokio::test]
async fn a_client_behind_what_redis_keeps_is_told_to_reload() {
    // (Redis runs until the end: `_redis` is dropped last.)
    let (_redis, base, _stop, _stream, old) = redis_with_one_event().await;
    // Redis trims whole nodes of entries (100 by default): enough to pass one.
    for i in 0..250 {
        post_retell(
            &base,
            &retell("call_ended", &format!("n{i}")),
            RETELL_KEY,
            now_ms(),
        )
        .await;
    }
    let mut late = listen(&base, Some(&old.id)).await;
    assert_eq!(next(&mut late).await.event, "reset");
}

#[tokio::test]
async fn a_stream_whose_replica_lost_track_of_redis_ends_and_resumes_with_a_reset() {
    let (redis, base, _stop, mut stream, old) = redis_with_one_event().await;
    // The replica's reader of the stream loses its connection, and while
    // it is away (it comes back a second later) another replica adds
    // enough for Redis to trim what this one had not read.
    let client = redis::Client::open(redis.url.as_str()).unwrap();
    let mut conn = client.get_multiplexed_async_connection().await.unwrap();
    let mut reader = None;
    for _ in 0..40 {
        let list: String = redis::cmd("CLIENT")
            .arg("LIST")
            .query_async(&mut conn)
            .await
            .unwrap();
        reader = list
            .lines()
            .find(|l| l.contains("cmd=xread"))
            .and_then(|l| l.split(' ').find_map(|f| f.strip_prefix("id=")))
            .map(str::to_owned);
        if reader.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let reader = reader.expect("the replica reads the stream");
    let () = redis::cmd("CLIENT")
        .arg("KILL")
        .arg("ID")
        .arg(&reader)
        .query_async(&mut conn)
        .await
        .map(|_: i64| ())
        .unwrap();
    let mut pipe = redis::pipe();
    for i in 0..250 {
        pipe.cmd("XADD")
            .arg("callboard:events")
            .arg("MAXLEN")
            .arg("~")
            .arg(5)
            .arg("*")
            .arg("data")
            .arg(retell("call_ended", &format!("elsewhere{i}")))
            .ignore();
    }
    let () = pipe.query_async(&mut conn).await.unwrap();
    // The open stream cannot be given what it missed live: it ends...
    let end = tokio::time::timeout(Duration::from_secs(8), stream.next())
        .await
        .expect("the stream ends within 8 s");
    assert!(end.is_none(), "ended, not sent on: {end:?}");
    // ...and the client, reconnecting from the last event it got, is told
    // to reload its list.
    let mut back = listen(&base, Some(&old.id)).await;
    assert_eq!(next(&mut back).await.event, "reset");
}

/// The binary, as an integrator runs it, with the webhook secret and the
/// API key in its environment: good, forged and stale webhooks, and an
/// event stream; the secrets are in no answer and no line it writes.
#[tokio::test]
async fn no_secret_in_an_answer_or_a_log_line_and_a_flood_is_held_back() {
    use tokio::io::AsyncReadExt;
    let port = StdListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_callboard-server"))
        .args([
            "proxy",
            "--provider",
            "retell",
            "--upstream",
            "http://127.0.0.1:9",
            "--port",
            &port.to_string(),
        ])
        .args(["--webhook-rate", "5", "--trusted-proxy", "127.0.0.1"])
        .env("RETELL_API_KEY", "key_upstream_SECRET_0b9e")
        .env("RETELL_WEBHOOK_KEY", RETELL_KEY)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    for _ in 0..100 {
        if reqwest::get(format!("{base}/events")).await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut stream = listen(&base, None).await;
    let now = now_ms();
    assert_eq!(
        post_retell(&base, &retell("call_ended", "s1"), RETELL_KEY, now)
            .await
            .0,
        200
    );
    assert_eq!(
        post_retell(
            &base,
            &retell("call_ended", "s2"),
            "key_upstream_SECRET_0b9e",
            now
        )
        .await
        .0,
        401
    );
    assert_eq!(
        post_retell(
            &base,
            &retell("call_ended", "s3"),
            RETELL_KEY,
            now - 3_600_000
        )
        .await
        .0,
        401
    );
    assert_eq!(data(&next(&mut stream).await)["call"]["call_id"], "s1");
    // Five a second, in bursts of ten, from one source: the rest wait.
    let mut statuses = Vec::new();
    for i in 0..20 {
        statuses.push(
            post_retell(
                &base,
                &retell("call_started", &format!("f{i}")),
                RETELL_KEY,
                now,
            )
            .await
            .0,
        );
    }
    assert!(statuses.contains(&429), "{statuses:?}");
    assert!(
        statuses.iter().filter(|s| **s == 200).count() <= 10,
        "{statuses:?}"
    );
    let r = reqwest::Client::new()
        .post(format!("{base}/webhooks/retell"))
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 429);
    assert_eq!(r.headers()["retry-after"], "1");
    // Behind a trusted balancer (here, the loopback), each source its own:
    // another client forwarded is not held back by the first one's flood,
    // and a forged header from an untrusted hop does not pick a bucket.
    let forwarded = |xff: &'static str| {
        let body = retell("call_started", "fw");
        let sig = format!(
            "v={now},d={}",
            hmac_hex(
                RETELL_KEY.as_bytes(),
                &[body.as_bytes(), now.to_string().as_bytes()]
            )
        );
        let base = base.clone();
        async move {
            post(
                &base,
                "retell",
                &body,
                &[("x-retell-signature", &sig), ("x-forwarded-for", xff)],
            )
            .await
            .0
        }
    };
    assert_eq!(
        forwarded("203.0.113.9").await,
        200,
        "another source has its own bucket"
    );
    let mut flood = Vec::new();
    for _ in 0..12 {
        flood.push(forwarded("198.51.100.4").await);
    }
    assert!(flood.contains(&429), "{flood:?}");
    assert_eq!(
        forwarded("203.0.113.9").await,
        200,
        "not held back by another's flood"
    );
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
    let _ = child.wait().await;
    for secret in [RETELL_KEY, "key_upstream_SECRET_0b9e"] {
        assert!(
            !out.contains(secret) && !err.contains(secret),
            "a secret in the log:\n{out}\n{err}"
        );
    }
    assert!(
        err.contains("refused: the signature does not match"),
        "{err}"
    );
    assert!(err.contains("outside the accepted window"), "{err}");
}

/// A client that stops reading its event stream is dropped once its
/// writes make no progress for the client deadline (a second here); a
/// client that reads gets every event meanwhile.
#[tokio::test]
async fn a_client_that_stops_reading_is_dropped_and_the_others_are_not_held_up() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let up = upstream(&args(Provider::Retell), |_| Some("sk-upstream".to_owned())).unwrap();
    let events = Events::memory(100);
    let live = Live::new(
        Provider::Retell,
        Some(RETELL_KEY.to_owned()),
        events.clone(),
        100_000,
    );
    let timeouts = Timeouts {
        upstream: Duration::from_secs(1),
        client: Duration::from_secs(1),
    };
    let app = app_live(up, &[], timeouts, Arc::new(live)).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(serve(
        listener,
        app,
        timeouts.client,
        std::future::pending(),
    ));
    let base = format!("http://{addr}/voice");
    // The one that never reads.
    let mut stuck = tokio::net::TcpStream::connect(addr).await.unwrap();
    stuck
        .write_all(b"GET /voice/events HTTP/1.1\r\nHost: proxy\r\n\r\n")
        .await
        .unwrap();
    // The one that reads, all along.
    let mut reader = listen(&base, None).await;
    for _ in 0..100 {
        if events.subscribers() == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(events.subscribers(), 2, "both subscribed");
    let total = 800;
    let reading = tokio::spawn(async move {
        let mut got = 0;
        while got < total {
            next(&mut reader).await;
            got += 1;
        }
        (got, reader)
    });
    // 800 events of 20 KB: more than the socket buffers hold.
    let pad = "x".repeat(20_000);
    for i in 0..total {
        let body =
            json!({ "event": "call_ended", "call": { "call_id": format!("big{i}"), "pad": pad } })
                .to_string();
        assert_eq!(post_retell(&base, &body, RETELL_KEY, now_ms()).await.0, 200);
    }
    let (got, _reader) = tokio::time::timeout(Duration::from_secs(20), reading)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(got, total);
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        events.subscribers(),
        1,
        "the stalled client was dropped, the reader kept"
    );
    // Reading now: what the buffers held, then the end (closed by the proxy).
    let mut sink = vec![0_u8; 1 << 20];
    let closed = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            match stuck.read(&mut sink).await {
                Ok(0) | Err(_) => return true,
                Ok(_) => {}
            }
        }
    })
    .await;
    assert_eq!(
        closed,
        Ok(true),
        "the stalled client's connection was closed"
    );
}
