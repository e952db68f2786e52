//! The command line as integrators use it: the real binary, stdin in,
//! JSON or a clear message out.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

struct Out {
    ok: bool,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str], stdin: &str) -> Out {
    let mut child = Command::new(env!("CARGO_BIN_EXE_callboard-server"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    Out {
        ok: out.status.success(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn json(out: &Out) -> Value {
    assert!(out.ok, "failed: {}", out.stderr);
    serde_json::from_str(&out.stdout).unwrap()
}

const AGENTVOICE_LIST: &str = include_str!("../../tests/fixtures/agentvoice/list.json");

#[test]
fn normalize_list() {
    let v = json(&run(
        &["normalize", "--provider", "agentvoice", "--kind", "list"],
        AGENTVOICE_LIST,
    ));
    assert_eq!(v["provider"], "agentvoice");
    let row = &v["page"]["rows"][0];
    assert_eq!(row["id"], "a7e85eef-65b6-4311-b8f2-7d8bb7abd0ea");
    assert_eq!(row["started_at"], 1_705_314_600_000i64);
    assert_eq!(row["duration_ms"], 245_000);
    assert_eq!(row["direction"], "outbound");
    assert_eq!(row["status"], "completed");
    assert_eq!(
        row["recording"]["mono"],
        "https://storage.example.com/recordings/abc123.mp3"
    );
    assert_eq!(v["page"]["total"], 1901);
    assert_eq!(v["page"]["has_more"], true);
}

#[test]
fn normalize_auto_detects() {
    let body = include_str!("../../tests/fixtures/smallest/detail.json");
    let v = json(&run(
        &["normalize", "--provider", "auto", "--kind", "detail"],
        body,
    ));
    assert_eq!(v["provider"], "smallest");
    assert_eq!(v["detail"]["call"]["id"], "CALL-1737000000000-4f2a9c");
    assert_eq!(v["detail"]["transcript"]["turns"][1]["start_ms"], 4_000);
}

#[test]
fn normalize_error_with_status_and_retry_after() {
    let body = include_str!("../../tests/fixtures/talkover/error_422.json");
    let v = json(&run(
        &[
            "normalize",
            "--provider",
            "talkover",
            "--kind",
            "error",
            "--status",
            "422",
        ],
        body,
    ));
    assert_eq!(v["error"]["kind"], "validation");
    assert_eq!(v["error"]["fields"][0]["field"], "date_from");
    assert!(v["message"]
        .as_str()
        .unwrap()
        .starts_with("The provider rejected the request"));
    let v = json(&run(
        &[
            "normalize",
            "--provider",
            "vapi",
            "--kind",
            "error",
            "--status",
            "429",
            "--retry-after",
            "12",
        ],
        "{}",
    ));
    assert_eq!(v["error"]["kind"], "rate_limited");
    assert_eq!(
        v["error"]["retry_after"],
        serde_json::json!({"type": "seconds", "value": 12})
    );
}

#[test]
fn list_full_page_needs_the_query() {
    let body = include_str!("../../tests/fixtures/vozagent/list.json");
    let v = json(&run(
        &[
            "normalize",
            "--provider",
            "vozagent",
            "--kind",
            "list",
            "--query",
            r#"{"page_size": 2}"#,
        ],
        body,
    ));
    assert_eq!(v["page"]["has_more"], true);
    let v = json(&run(
        &["normalize", "--provider", "vozagent", "--kind", "list"],
        body,
    ));
    assert_eq!(
        v["page"]["has_more"], false,
        "two rows are not a full page of 25"
    );
}

#[test]
fn unreadable_input_fails_clearly() {
    for body in ["", "<html>502</html>", "{\"data\": [", "\u{0}\u{1}garbage"] {
        let out = run(
            &["normalize", "--provider", "agentvoice", "--kind", "list"],
            body,
        );
        assert!(!out.ok, "{body:?}");
        assert!(
            out.stderr
                .starts_with("callboard-server: The response could not be read:"),
            "{}",
            out.stderr
        );
        assert!(!out.stderr.contains("panicked"));
        assert!(out.stdout.is_empty());
    }
    let out = run(&["normalize", "--provider", "auto", "--kind", "list"], "[]");
    assert!(!out.ok);
    assert!(out.stderr.contains("could not recognise the provider"));
    let out = run(
        &["normalize", "--provider", "twilio", "--kind", "list"],
        "[]",
    );
    assert!(!out.ok);
    assert!(out.stderr.contains("unknown provider \"twilio\""));
}

#[test]
fn request_prints_the_native_request() {
    let v = json(&run(
        &[
            "request",
            "--provider",
            "zudu",
            "--query",
            r#"{"page": 2, "page_size": 10, "filters": {"status": "ended"}}"#,
        ],
        "",
    ));
    assert_eq!(v["method"], "POST");
    assert_eq!(v["path"], "/api/calls");
    assert_eq!(v["body"]["page"], 1);
    assert_eq!(v["body"]["filter_criteria"]["call_status"][0], "ENDED");
    let v = json(&run(
        &[
            "request",
            "--provider",
            "talkover",
            "--query",
            r#"{"filters": {"phone_number": "+1 555"}}"#,
        ],
        "",
    ));
    assert_eq!(
        v["url"],
        "/api/v1/calls?page=1&per_page=25&search=%2B1%20555"
    );
    let v = json(&run(
        &["request", "--provider", "retell", "--detail", "abc/def"],
        "",
    ));
    assert_eq!(v["path"], "/v2/get-call/abc%2Fdef");
}

#[test]
fn request_refuses_what_the_provider_lacks() {
    let out = run(
        &[
            "request",
            "--provider",
            "vapi",
            "--query",
            r#"{"filters": {"status": "ended"}}"#,
        ],
        "",
    );
    assert!(!out.ok);
    assert!(
        out.stderr.contains("Vapi cannot filter by status"),
        "{}",
        out.stderr
    );
    let out = run(&["request", "--provider", "vapi", "--query", "{nope"], "");
    assert!(!out.ok);
    assert!(out.stderr.contains("--query is not a valid query"));
}

#[test]
fn capabilities_are_printed() {
    let v = json(&run(&["capabilities", "--provider", "smallest"], ""));
    assert_eq!(
        v["pagination"],
        serde_json::json!({"style": "page", "first": 1})
    );
    assert_eq!(v["fresh_recording_link"], true);
    assert!(v["filters"]
        .as_array()
        .unwrap()
        .contains(&Value::from("end_reason")));
}
