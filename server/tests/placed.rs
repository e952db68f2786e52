//! The dev server plays calls as they happen: a placed call joins every
//! provider's list, and the four webhook providers' deliveries, signed as
//! each signs them, pass the relay's checks and reach its event stream in
//! the order the call went.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::time::Duration;

use callboard::core::Provider;
use callboard_server::serve::{app, ServeArgs};
use eventsource_stream::Eventsource;
use futures_util::StreamExt;
use serde_json::{json, Value};

async fn server() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let args = ServeArgs {
        host: "127.0.0.1".into(),
        port: 0,
        calls: 120,
        seed: 7,
        static_dir: None,
        live_every: 0,
        webhooks_to: None,
    };
    let app = app(&args, &base);
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    base
}

/// The JSON answer to `request`.
async fn answer(request: reqwest::RequestBuilder) -> Value {
    let text = request.send().await.unwrap().text().await.unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The event types on `provider`'s stream until its `last` one.
async fn events_until(base: &str, provider: Provider, last: &str) -> Vec<(String, Value)> {
    let r = reqwest::get(format!("{base}/{}/events", provider.id()))
        .await
        .unwrap();
    assert_eq!(r.headers()["content-type"], "text/event-stream");
    let mut stream = r.bytes_stream().eventsource();
    let mut seen = Vec::new();
    while let Ok(Some(Ok(e))) = tokio::time::timeout(Duration::from_secs(20), stream.next()).await {
        let data: Value = serde_json::from_str(&e.data).unwrap();
        let kind = data["type"].as_str().unwrap().to_owned();
        assert_eq!(data["provider"], provider.id());
        let done = kind == last;
        seen.push((kind, data["call"].clone()));
        if done {
            break;
        }
    }
    seen
}

#[tokio::test]
async fn a_placed_call_rings_runs_ends_and_is_analysed_through_each_providers_webhooks() {
    let base = server().await;
    let retell = tokio::spawn(events_until_owned(
        base.clone(),
        Provider::Retell,
        "call_analyzed",
    ));
    let vapi = tokio::spawn(events_until_owned(
        base.clone(),
        Provider::Vapi,
        "end-of-call-report",
    ));
    let eleven = tokio::spawn(events_until_owned(
        base.clone(),
        Provider::ElevenLabs,
        "post_call_transcription",
    ));
    let bland = tokio::spawn(events_until_owned(base.clone(), Provider::Bland, "call"));
    tokio::time::sleep(Duration::from_millis(200)).await;
    let client = reqwest::Client::new();
    let placement = json!({
        "speed": 100,
        "name": "Ada Lovelace",
        "phoneNumber": "+14155550100",
        "contactId": "contact-ada",
    });
    let placed = answer(
        client
            .post(format!("{base}/_control/calls"))
            .header("content-type", "application/json")
            .body(placement.to_string()),
    )
    .await;
    let id = placed["id"].as_str().unwrap().to_owned();

    // Retell: started, the transcript growing turn by turn, ended, analysed.
    let seen = retell.await.unwrap();
    let kinds: Vec<&str> = seen.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(kinds.first(), Some(&"call_started"));
    assert_eq!(&kinds[kinds.len() - 2..], ["call_ended", "call_analyzed"]);
    let growing: Vec<usize> = seen
        .iter()
        .filter(|(k, _)| k == "transcript_updated")
        .map(|(_, c)| c["transcript_object"].as_array().map_or(0, Vec::len))
        .collect();
    assert!(
        growing.len() >= 4 && growing.windows(2).all(|w| w[0] < w[1]),
        "{growing:?}"
    );
    let (_, started) = &seen[0];
    assert_eq!(started["call_status"], "ongoing");
    let (_, analyzed) = seen.last().unwrap();
    assert_eq!(analyzed["call_status"], "ended");
    assert!(analyzed["call_analysis"]["call_summary"].is_string());
    assert!(analyzed["recording_url"].is_string());
    // Each reads with the widget's own adapter.
    for (_, call) in &seen {
        let detail = Provider::Retell.parse_detail(&call.to_string()).unwrap();
        assert_eq!(detail.call.customer_number.as_deref(), Some("+14155550100"));
    }

    let vapi = vapi.await.unwrap();
    let kinds: Vec<&str> = vapi.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        kinds,
        ["status-update", "status-update", "end-of-call-report"]
    );
    assert_eq!(vapi[0].1["status"], "in-progress");
    assert_eq!(vapi[0].1["id"], id.as_str());
    for provider_seen in [eleven.await.unwrap(), bland.await.unwrap()] {
        assert_eq!(
            provider_seen.len(),
            1,
            "one delivery, when the call is analysed"
        );
    }

    // The call is in every provider's list, first (the newest).
    let ids = answer(client.get(format!("{base}/_control/ids?provider=vapi&limit=1"))).await;
    assert_eq!(ids["ids"][0], id.as_str());
}

async fn events_until_owned(
    base: String,
    provider: Provider,
    last: &'static str,
) -> Vec<(String, Value)> {
    events_until(&base, provider, last).await
}

#[tokio::test]
async fn a_placement_out_of_range_is_refused() {
    let base = server().await;
    let r = reqwest::Client::new()
        .post(format!("{base}/_control/calls"))
        .header("content-type", "application/json")
        .body(json!({ "speed": 0 }).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 400);
}
