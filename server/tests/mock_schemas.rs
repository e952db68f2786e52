//! The dev server's answers checked against the providers' own published
//! response schemas (tests/schemas, derived by scripts/spec-schemas.py from
//! Retell's OpenAPI definition and TypeScript SDK, and Vapi's, ElevenLabs'
//! and Smallest Atoms' OpenAPI definitions): a mock that drifts from the real API fails here,
//! not in front of a user.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use axum::Router;
use callboard::core::{Filters, Provider, ProviderRequest, Query};
use callboard_server::mock::{router, AppState};
use serde_json::Value;

mod common;
use common::send;

fn schema(text: &str) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

async fn answer(app: &Router, p: Provider, req: &ProviderRequest) -> Value {
    let reply = send(app, p, req).await;
    assert_eq!(reply.status, 200, "{p}: {}", req.path);
    serde_json::from_str(&reply.body).unwrap()
}

/// Every error the validator finds, with where.
fn check(validator: &jsonschema::Validator, value: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .take(10)
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match the provider's schema:\n{}",
        errors.join("\n")
    );
}

/// A page and the ids on it (to fetch their details).
fn query(size: u32) -> Query {
    Query {
        page_size: size,
        filters: Filters::default(),
        ..Query::default()
    }
}

#[tokio::test]
async fn retell_answers_match_retells_schemas() {
    let app = router(AppState::new(120, 7));
    let p = Provider::Retell;
    let list = answer(&app, p, &p.list_request(&query(50)).unwrap()).await;
    check(
        &schema(include_str!("../../tests/schemas/retell-v3-list.json")),
        &list,
        "Retell's v3 list",
    );
    let detail = schema(include_str!("../../tests/schemas/retell-get-call.json"));
    let mut roles = Vec::new();
    for item in list["items"].as_array().unwrap().iter().take(40) {
        let id = item["call_id"].as_str().unwrap();
        let call = answer(&app, p, &p.detail_request(id).unwrap()).await;
        check(&detail, &call, &format!("Retell's call {id}"));
        roles.extend(roles_in(&call["transcript_with_tool_calls"], "role"));
    }
    // The tool items were there to be checked.
    for role in [
        "tool_call_invocation",
        "tool_call_result",
        "node_transition",
        "dtmf",
    ] {
        assert!(roles.iter().any(|r| r == role), "no {role} item checked");
    }
}

/// The values of `key` in the items of an array.
fn roles_in(items: &Value, key: &str) -> Vec<String> {
    items
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i[key].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn vapi_answers_match_vapis_call_schema() {
    let app = router(AppState::new(120, 7));
    let p = Provider::Vapi;
    let call = schema(include_str!("../../tests/schemas/vapi-call.json"));
    let list = answer(&app, p, &p.list_request(&query(50)).unwrap()).await;
    for item in list.as_array().unwrap() {
        check(&call, item, "a Vapi list item");
    }
    let mut roles = Vec::new();
    for item in list.as_array().unwrap().iter().take(20) {
        let id = item["id"].as_str().unwrap();
        let detail = answer(&app, p, &p.detail_request(id).unwrap()).await;
        check(&call, &detail, &format!("Vapi's call {id}"));
        roles.extend(roles_in(&detail["artifact"]["messages"], "role"));
    }
    for role in ["tool_calls", "tool_call_result", "bot", "user"] {
        assert!(roles.iter().any(|r| r == role), "no {role} message checked");
    }
}

#[tokio::test]
async fn elevenlabs_answers_match_elevenlabs_schemas() {
    let app = router(AppState::new(120, 7));
    let p = Provider::ElevenLabs;
    let list = answer(&app, p, &p.list_request(&query(30)).unwrap()).await;
    check(
        &schema(include_str!(
            "../../tests/schemas/elevenlabs-conversations.json"
        )),
        &list,
        "ElevenLabs' conversation list",
    );
    let detail = schema(include_str!(
        "../../tests/schemas/elevenlabs-conversation.json"
    ));
    let (mut calls, mut results) = (0, 0);
    for item in list["conversations"].as_array().unwrap().iter().take(20) {
        let id = item["conversation_id"].as_str().unwrap();
        let d = answer(&app, p, &p.detail_request(id).unwrap()).await;
        check(&detail, &d, &format!("ElevenLabs' conversation {id}"));
        for turn in d["transcript"].as_array().unwrap() {
            calls += turn["tool_calls"].as_array().map_or(0, Vec::len);
            results += turn["tool_results"].as_array().map_or(0, Vec::len);
        }
    }
    assert!(
        calls > 0 && results > 0,
        "tool calls and results were checked"
    );
}

#[tokio::test]
async fn smallest_answers_match_smallests_schemas() {
    let app = router(AppState::new(120, 7));
    let p = Provider::Smallest;
    let list = answer(&app, p, &p.list_request(&query(100)).unwrap()).await;
    check(
        &schema(include_str!(
            "../../tests/schemas/smallest-conversations.json"
        )),
        &list,
        "Smallest's conversation list",
    );
    let detail = schema(include_str!(
        "../../tests/schemas/smallest-conversation.json"
    ));
    let link = schema(include_str!(
        "../../tests/schemas/smallest-download-url.json"
    ));
    for item in list["data"]["logs"].as_array().unwrap().iter().take(20) {
        let id = item["callId"].as_str().unwrap();
        let d = answer(&app, p, &p.detail_request(id).unwrap()).await;
        check(&detail, &d, &format!("Smallest's conversation {id}"));
        if item["recordingUrl"].as_str().is_some_and(|u| !u.is_empty()) {
            let fresh = p.recording_link_request(id).unwrap().unwrap();
            check(
                &link,
                &answer(&app, p, &fresh).await,
                "Smallest's download-url",
            );
        }
    }
}

/// The schemas are real: an answer that drifts fails them.
#[tokio::test]
async fn the_schemas_catch_drift() {
    let app = router(AppState::new(20, 7));
    let p = Provider::Retell;
    let list = answer(&app, p, &p.list_request(&query(5)).unwrap()).await;
    let id = list["items"][0]["call_id"].as_str().unwrap().to_owned();
    let good = answer(&app, p, &p.detail_request(&id).unwrap()).await;
    let retell = schema(include_str!("../../tests/schemas/retell-get-call.json"));
    assert!(retell.is_valid(&good));
    let mut bad = good.clone();
    bad["start_timestamp"] = Value::String("yesterday".into());
    assert!(!retell.is_valid(&bad), "a timestamp as text fails");
    let mut bad = good;
    bad["disconnection_reason"] = Value::String("call-canceled".into());
    assert!(
        !retell.is_valid(&bad),
        "a reason Retell does not have fails"
    );
    let list = answer(&app, p, &p.list_request(&query(20)).unwrap()).await;
    let mut bad = Value::Null;
    for item in list["items"].as_array().unwrap() {
        let id = item["call_id"].as_str().unwrap();
        let call = answer(&app, p, &p.detail_request(id).unwrap()).await;
        if roles_in(&call["transcript_with_tool_calls"], "role")
            .contains(&"tool_call_invocation".to_owned())
        {
            bad = call;
            break;
        }
    }
    assert!(retell.is_valid(&bad), "a call with tool calls");
    let items = bad["transcript_with_tool_calls"].as_array_mut().unwrap();
    let item = items
        .iter_mut()
        .find(|i| i["role"] == "tool_call_invocation");
    item.unwrap()["arguments"] = serde_json::json!({"parsed": "not a string"});
    assert!(
        !retell.is_valid(&bad),
        "tool call arguments are a JSON string in Retell's definition"
    );

    let vapi = schema(include_str!("../../tests/schemas/vapi-call.json"));
    let mut call: Value =
        serde_json::from_str(include_str!("../../tests/fixtures/vapi/detail_2026.json")).unwrap();
    assert!(
        vapi.is_valid(&call),
        "the call written to Vapi's schema passes it"
    );
    call["type"] = Value::String("carrierPigeon".into());
    assert!(!vapi.is_valid(&call), "an unknown call type fails");
}
