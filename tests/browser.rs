//! Browser tests (`wasm-bindgen-test` in headless Chromium): the core as it
//! runs in the widget, checked against the browser's own parsers.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use callboard::core::time::{format_iso8601, parse_iso8601};
use callboard::core::url::safe_url;
use callboard::core::{Provider, Query};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Every timestamp shape the providers send, parsed by us and by Chromium's
/// `Date.parse`, must land on the same millisecond.
#[wasm_bindgen_test]
fn iso_parser_agrees_with_the_browser() {
    let inputs = [
        "2024-01-15T10:30:00.000Z",
        "2024-01-15T10:30:00Z",
        "2024-01-15T10:30:00+00:00",
        "2024-01-15T12:30:00+02:00",
        "2024-01-15T05:30:00.250-05:00",
        "2024-02-29T23:59:59.999Z",
        "2025-01-16T04:00:01.200Z",
        "1999-12-31T23:59:59Z",
        "2024-01-15",
    ];
    for s in inputs {
        let ours = parse_iso8601(s).unwrap_or_else(|| panic!("we could not read {s}"));
        let browser = js_sys::Date::parse(s);
        assert_eq!(ours as f64, browser, "{s}");
        assert_eq!(
            js_sys::Date::new(&(ours as f64).into()).to_iso_string(),
            format_iso8601(ours)
        );
    }
}

/// What `safe_url` lets through, Chromium resolves to http(s); what it must
/// refuse, Chromium really would run as another scheme.
#[wasm_bindgen_test]
fn safe_url_agrees_with_the_browser_url_parser() {
    let base = "https://crm.example/contacts/7";
    let protocol = |u: &str| {
        web_sys::Url::new_with_base(u, base)
            .ok()
            .map(|u| u.protocol())
    };
    for raw in [
        "https://storage.example.com/a.mp3",
        "HTTP://example.com/a.wav",
        "//cdn.example.com/a.mp3",
        "/voice-proxy/recordings/1.wav",
        "recordings/1.wav",
        "  https://a/b\n.mp3 ",
    ] {
        let clean = safe_url(raw).unwrap_or_else(|| panic!("{raw:?} should pass"));
        let resolved = protocol(&clean).unwrap();
        assert!(
            resolved == "https:" || resolved == "http:",
            "{raw:?} resolved to {resolved}"
        );
        assert_eq!(
            protocol(raw),
            Some(resolved),
            "{raw:?}: the browser reads the raw URL the same"
        );
    }
    for raw in [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "\u{1}javascript:alert(1)",
        "data:audio/wav;base64,AAAA",
        "vbscript:msgbox(1)",
        "blob:https://crm.example/1",
    ] {
        assert_eq!(safe_url(raw), None, "{raw:?} must be refused");
        let p = protocol(raw).unwrap();
        assert!(
            p != "http:" && p != "https:",
            "{raw:?} is really {p}: the case proves nothing"
        );
    }
    // Refused on purpose although Chromium would read it as a relative URL:
    // it turns into `javascript:` wherever it is ever HTML-decoded.
    assert_eq!(safe_url("jav&#x61;script:alert(1)"), None);
}

/// The adapters run unchanged in wasm: a seed list and a detail read the
/// same as natively.
#[wasm_bindgen_test]
fn seed_examples_parse_in_the_browser() {
    let page = Provider::AgentVoice
        .parse_list(
            include_str!("fixtures/agentvoice/list.json"),
            &Query::default(),
        )
        .unwrap();
    assert_eq!(page.total, Some(1901));
    assert_eq!(page.rows[0].started_at, Some(1_705_314_600_000));
    assert_eq!(page.rows[0].duration_ms, Some(245_000));
    let detail = Provider::Retell
        .parse_detail(include_str!("fixtures/retell/detail.json"))
        .unwrap();
    assert_eq!(detail.transcript.unwrap().turns[1].start_ms, Some(3_300));
    let request = Provider::Smallest
        .list_request(&Query {
            page: 3,
            ..Query::default()
        })
        .unwrap();
    assert_eq!(
        request.path_and_query(),
        "/atoms/v1/conversation?page=3&limit=25"
    );
}
