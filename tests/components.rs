//! Component tests in headless Chromium: `<CallBoard>` over an in-memory
//! source, asserting the DOM and the queries it sends.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::rc::Rc;

#[path = "common/dom.rs"]
mod dom;

use callboard::core::{
    ApiError, Call, CallDetail, ExtraValue, Provider, Sort, SortDir, SortField, Speaker,
    Transcript, Turn,
};
use callboard::net::{CallSource, MemorySource, ProviderChoice};
use callboard::ui::{CallBoard, Options, Playback, TranscriptView};
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{HtmlElement, HtmlInputElement};

use dom::{all, button, container, one, text, tick, until, until_within};

wasm_bindgen_test_configure!(run_in_browser);

const T0: i64 = 1_795_197_600_000;

fn calls(provider: Provider, n: usize) -> Vec<Call> {
    (0..n)
        .map(|i| {
            let mut c = Call::new(provider, format!("call-{i:03}"));
            c.started_at = Some(T0 - i as i64 * 3_600_000);
            c.duration_ms = Some(60_000 + i as i64 * 1_000);
            c.set_status(Some("completed".into()));
            c.set_direction(Some(if i % 2 == 0 { "inbound" } else { "outbound" }.into()));
            c.customer_name = Some(format!("Customer {i}"));
            c.customer_number = Some(format!("+1415555{i:04}"));
            c
        })
        .collect()
}

/// Waits for the pager (its code loads after the first rows).
async fn until_pager(root: &HtmlElement) {
    until("the pager", || {
        all(root, "button")
            .iter()
            .any(|b| b.text_content().is_some_and(|t| t.trim() == "Next ›"))
    })
    .await;
}

/// Opens the first row's call and waits for its detail.
async fn open_first_call(root: &HtmlElement) {
    one(root, "tr[data-call-id]").click();
    until("detail", || {
        root.query_selector(".cb-detail__body[data-state=ready]")
            .unwrap()
            .is_some()
    })
    .await;
}

fn row_ids(root: &HtmlElement) -> Vec<String> {
    all(root, "tr[data-call-id]")
        .iter()
        .filter_map(|r| r.get_attribute("data-call-id"))
        .collect()
}

struct Mounted {
    root: HtmlElement,
    source: MemorySource,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

fn mount_board(source: MemorySource, page_size: u32) -> Mounted {
    let root = container();
    let provider = source.provider().unwrap();
    let src: Rc<dyn CallSource> = Rc::new(source.clone());
    let options = Options {
        provider: ProviderChoice::Fixed(provider),
        page_size,
        ..Options::default()
    };
    let handle = mount_to(root.clone(), move || {
        view! { <CallBoard options=Signal::stored(options.clone()) source=src.clone() /> }
            .into_any()
    });
    Mounted {
        root,
        source,
        _handle: handle,
    }
}

#[wasm_bindgen_test]
async fn rows_render_from_a_page() {
    let m = mount_board(
        MemorySource::new(Provider::AgentVoice, calls(Provider::AgentVoice, 60)),
        25,
    );
    until("rows", || row_ids(&m.root).len() == 25).await;
    assert_eq!(row_ids(&m.root)[0], "call-000");
    let first = one(&m.root, "tr[data-call-id=\"call-000\"]");
    let cells: Vec<String> = all(&first, "td")
        .iter()
        .map(|c| c.text_content().unwrap_or_default())
        .collect();
    assert!(cells[1].contains("Inbound"), "{cells:?}");
    assert!(
        cells[2].contains("Customer 0") && cells[2].contains("+1 (415) 555-0000"),
        "{cells:?}"
    );
    assert_eq!(cells[4], "1:00");
    assert!(cells[5].contains("Completed"));
    assert_eq!(text(&m.root, ".cb-pager__range"), "1–25 of 60");
    assert_eq!(
        one(&m.root, "table").get_attribute("aria-busy").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn header_click_changes_the_sort() {
    let m = mount_board(
        MemorySource::new(Provider::AgentVoice, calls(Provider::AgentVoice, 30)),
        10,
    );
    until("rows", || row_ids(&m.root).len() == 10).await;
    let th = one(&m.root, "th.cb-th--time");
    assert_eq!(th.get_attribute("aria-sort").as_deref(), Some("descending"));
    assert!(
        one(&m.root, "th.cb-th--status")
            .get_attribute("aria-sort")
            .is_none(),
        "status is not sortable"
    );
    one(&th, "button").click();
    until("ascending rows", || {
        row_ids(&m.root).first().map(String::as_str) == Some("call-029")
    })
    .await;
    let last = m.source.queries().last().cloned().unwrap();
    assert_eq!(
        last.sort,
        Some(Sort {
            field: SortField::StartedAt,
            dir: SortDir::Asc
        })
    );
    assert_eq!(last.page, 1);
    assert_eq!(th.get_attribute("aria-sort").as_deref(), Some("ascending"));
}

#[wasm_bindgen_test]
async fn typing_a_search_sends_one_query() {
    let m = mount_board(
        MemorySource::new(Provider::Smallest, calls(Provider::Smallest, 40)),
        25,
    );
    until("rows", || row_ids(&m.root).len() == 25).await;
    let before = m.source.queries().len();
    let input: HtmlInputElement = one(&m.root, "input[type=search]").unchecked_into();
    let mut typed = String::new();
    for ch in "Customer 1".chars() {
        typed.push(ch);
        input.set_value(&typed);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        // Each keystroke's reactive work runs before the next one.
        tick().await;
    }
    until("filtered rows", || row_ids(&m.root).len() == 11).await;
    let queries = m.source.queries();
    assert_eq!(queries.len(), before + 1, "one request after typing stops");
    assert_eq!(
        queries.last().unwrap().filters.search.as_deref(),
        Some("Customer 1")
    );
    assert!(text(&m.root, ".cb-chips").contains("Search: “Customer 1”"));
    // Removing the chip clears the box and the filter.
    button(&m.root, "Remove filter Search: “Customer 1”").click();
    until("all rows again", || row_ids(&m.root).len() == 25).await;
    assert_eq!(input.value(), "");
}

#[wasm_bindgen_test]
async fn pager_numbers_and_next() {
    let m = mount_board(
        MemorySource::new(Provider::AgentVoice, calls(Provider::AgentVoice, 60)),
        25,
    );
    until("rows", || row_ids(&m.root).len() == 25).await;
    let pages: Vec<String> = all(&m.root, ".cb-page")
        .iter()
        .filter_map(|b| b.text_content())
        .collect();
    assert_eq!(pages, ["1", "2", "3"]);
    assert_eq!(
        one(&m.root, ".cb-page[aria-current=page]")
            .text_content()
            .as_deref(),
        Some("1")
    );
    assert!(button(&m.root, "‹ Previous")
        .unchecked_ref::<web_sys::HtmlButtonElement>()
        .disabled());
    button(&m.root, "Page 3").click();
    until("page 3", || {
        text(&m.root, ".cb-pager__range") == "51–60 of 60"
    })
    .await;
    assert_eq!(row_ids(&m.root).len(), 10);
    assert_eq!(row_ids(&m.root)[0], "call-050");
    assert!(button(&m.root, "Next ›")
        .unchecked_ref::<web_sys::HtmlButtonElement>()
        .disabled());
    button(&m.root, "‹ Previous").click();
    until("page 2", || {
        text(&m.root, ".cb-pager__range") == "26–50 of 60"
    })
    .await;
}

#[wasm_bindgen_test]
async fn cursor_pages_go_back_and_forth() {
    let m = mount_board(
        MemorySource::new(Provider::Vapi, calls(Provider::Vapi, 30)),
        10,
    );
    until("rows", || row_ids(&m.root).len() == 10).await;
    assert!(
        all(&m.root, ".cb-page").is_empty(),
        "no page numbers without a total"
    );
    assert_eq!(text(&m.root, ".cb-pager__range"), "1–10");
    button(&m.root, "Next ›").click();
    until("page 2", || {
        row_ids(&m.root).first().map(String::as_str) == Some("call-010")
    })
    .await;
    assert_eq!(
        m.source.queries().last().unwrap().cursor.as_deref(),
        Some("call-009")
    );
    button(&m.root, "Next ›").click();
    until("page 3", || {
        row_ids(&m.root).first().map(String::as_str) == Some("call-020")
    })
    .await;
    button(&m.root, "‹ Previous").click();
    until("back to page 2", || {
        row_ids(&m.root).first().map(String::as_str) == Some("call-010")
    })
    .await;
    assert_eq!(text(&m.root, ".cb-pager__range"), "11–20");
}

#[wasm_bindgen_test]
async fn an_error_shows_and_retry_recovers_keeping_the_page() {
    let m = mount_board(
        MemorySource::new(Provider::AgentVoice, calls(Provider::AgentVoice, 60)),
        25,
    );
    until("rows", || row_ids(&m.root).len() == 25).await;
    button(&m.root, "Page 2").click();
    until("page 2", || {
        text(&m.root, ".cb-pager__range") == "26–50 of 60"
    })
    .await;
    m.source.fail_next(ApiError::Unauthorized {
        message: Some("Authentication failed".into()),
    });
    button(&m.root, "Next ›").click();
    until("the error", || {
        m.root.query_selector(".cb-error").unwrap().is_some()
    })
    .await;
    let alert = one(&m.root, ".cb-error[role=alert]");
    assert_eq!(
        alert.get_attribute("data-error").as_deref(),
        Some("unauthorized")
    );
    assert!(alert
        .text_content()
        .unwrap()
        .contains("Authentication failed"));
    assert_eq!(row_ids(&m.root)[0], "call-025", "the rows shown stay");
    button(&alert, "Retry").click();
    until("page 3", || {
        text(&m.root, ".cb-pager__range") == "51–60 of 60"
    })
    .await;
    assert!(m.root.query_selector(".cb-error").unwrap().is_none());
    assert_eq!(
        m.source.queries().last().unwrap().page,
        3,
        "the page asked for survives the error"
    );
}

#[wasm_bindgen_test]
async fn a_newer_query_aborts_the_older_and_wins() {
    let source = MemorySource::new(Provider::AgentVoice, calls(Provider::AgentVoice, 60));
    let m = mount_board(source, 25);
    until("rows", || row_ids(&m.root).len() == 25).await;
    m.source.set_delay(150);
    let asked = m.source.queries().len();
    button(&m.root, "Page 2").click();
    until("the page-2 request", || {
        m.source.queries().len() == asked + 1
    })
    .await;
    button(&m.root, "Page 3").click();
    until("page 3", || {
        text(&m.root, ".cb-pager__range") == "51–60 of 60"
    })
    .await;
    until("the page-2 request to end", || m.source.aborted() == 1).await;
    tick().await;
    assert_eq!(
        text(&m.root, ".cb-pager__range"),
        "51–60 of 60",
        "the older answer never lands"
    );
    // While a page loads, the rows shown stay, dimmed once it is slow.
    m.source.set_delay(600);
    button(&m.root, "Page 1").click();
    until("loading", || {
        one(&m.root, "tbody").get_attribute("data-state").as_deref() == Some("loading")
    })
    .await;
    assert!(
        !one(&m.root, "tbody").has_attribute("data-slow"),
        "not dimmed at once (a quick page does not flash)"
    );
    assert_eq!(
        row_ids(&m.root).len(),
        10,
        "previous rows stay visible while loading"
    );
    until("dimmed after 0.2 s", || {
        one(&m.root, "tbody").has_attribute("data-slow")
    })
    .await;
    until("page 1", || row_ids(&m.root).len() == 25).await;
    assert!(
        !one(&m.root, "tbody").has_attribute("data-slow"),
        "bright again when the page is in"
    );
}

#[wasm_bindgen_test]
async fn opening_another_call_aborts_the_first_and_shows_the_second() {
    let m = mount_board(
        MemorySource::new(Provider::AgentVoice, calls(Provider::AgentVoice, 30)),
        25,
    );
    until("rows", || row_ids(&m.root).len() == 25).await;
    m.source.set_delay(200);
    let rows = all(&m.root, "tr[data-call-id]");
    rows[0].click();
    until("A's request", || m.source.detail_requests().len() == 1).await;
    rows[1].click();
    until("B's detail", || {
        m.root
            .query_selector(".cb-detail[data-call-id=call-001] .cb-detail__body[data-state=ready]")
            .unwrap()
            .is_some()
    })
    .await;
    until("A's request to end", || {
        !m.source.aborted_details().is_empty()
    })
    .await;
    tick().await;
    assert_eq!(m.source.aborted_details(), ["call-000"], "A was aborted");
    assert_eq!(m.source.detail_requests(), ["call-000", "call-001"]);
    assert_eq!(all(&m.root, ".cb-detail").len(), 1);
    assert_eq!(
        text(&m.root, ".cb-detail__title"),
        "Customer 1",
        "B shows, not A"
    );
    // Closing while a detail loads aborts it too.
    rows[2].click();
    until("C's request", || m.source.detail_requests().len() == 3).await;
    button(&m.root, "Close call details").click();
    until("C's request to end", || {
        m.source.aborted_details().len() == 2
    })
    .await;
    tick().await;
    assert_eq!(m.source.aborted_details(), ["call-000", "call-002"]);
    assert!(all(&m.root, ".cb-detail").is_empty());
}

/// Applies the widget's stylesheet to the test page (once), so sizes are
/// the real ones.
fn with_styles() {
    let doc = document();
    if doc.get_element_by_id("cb-test-styles").is_none() {
        let style = doc.create_element("style").unwrap();
        style.set_id("cb-test-styles");
        style.set_text_content(Some(callboard::ui::STYLE));
        doc.head().unwrap().append_child(&style).unwrap();
    }
}

#[wasm_bindgen_test]
async fn the_first_page_loading_holds_the_rows_place() {
    with_styles();
    for page_size in [10, 50] {
        let source = MemorySource::new(Provider::AgentVoice, calls(Provider::AgentVoice, 60));
        source.set_delay(150);
        let m = mount_board(source, page_size);
        let loading = "tr.cb-placeholder[data-state=loading]";
        until("the loading row", || !all(&m.root, loading).is_empty()).await;
        assert!(row_ids(&m.root).is_empty());
        assert_eq!(text(&m.root, loading), "Loading calls…");
        assert_eq!(
            one(&m.root, "table").get_attribute("aria-busy").as_deref(),
            Some("true")
        );
        let held = f64::from(one(&m.root, "tbody").offset_height());
        until("the rows", || row_ids(&m.root).len() == page_size as usize).await;
        assert!(all(&m.root, loading).is_empty());
        // The rows (a name over a number) take the height the loading row
        // held: nothing below the widget moves.
        let shown = f64::from(one(&m.root, "tbody").offset_height());
        assert!(
            held > 40.0 * f64::from(page_size) && (shown - held).abs() < shown * 0.03,
            "{page_size} rows: loading {held} px, rows {shown} px"
        );
        m.root.remove();
    }
}

#[wasm_bindgen_test]
async fn a_configured_page_size_is_shown_in_the_choice() {
    let m = mount_board(
        MemorySource::new(Provider::AgentVoice, calls(Provider::AgentVoice, 30)),
        5,
    );
    until("rows", || row_ids(&m.root).len() == 5).await;
    let select: web_sys::HtmlSelectElement =
        one(&m.root, ".cb-pager__size select").unchecked_into();
    assert_eq!(select.value(), "5", "the select shows the size in force");
    assert_eq!(
        all(&m.root, ".cb-pager__size option")
            .iter()
            .map(|o| o.text_content().unwrap_or_default())
            .collect::<Vec<_>>(),
        ["5", "10", "25", "50", "100"]
    );
}

#[wasm_bindgen_test]
async fn empty_state_offers_to_clear_filters() {
    let m = mount_board(
        MemorySource::new(Provider::Smallest, calls(Provider::Smallest, 5)),
        25,
    );
    until("rows", || row_ids(&m.root).len() == 5).await;
    let input: HtmlInputElement = one(&m.root, "input[type=search]").unchecked_into();
    input.set_value("nobody");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    until("empty state", || {
        m.root
            .query_selector(".cb-placeholder[data-state=empty]")
            .unwrap()
            .is_some()
    })
    .await;
    assert!(text(&m.root, ".cb-placeholder").contains("No calls match these filters."));
    button(&m.root, "Clear filters").click();
    until("rows back", || row_ids(&m.root).len() == 5).await;
}

fn turn(speaker: Speaker, text: &str, start: Option<i64>) -> Turn {
    Turn {
        speaker,
        label: speaker.label().en().into(),
        text: text.into(),
        start_ms: start,
        end_ms: None,
        words: vec![],
    }
}

/// `n` turns, agent and customer in turn, a second apart, with `text(i)`.
fn alternating_turns(n: i64, text: impl Fn(i64) -> String) -> Vec<Turn> {
    (0..n)
        .map(|i| {
            let speaker = if i % 2 == 0 {
                Speaker::Agent
            } else {
                Speaker::Customer
            };
            turn(speaker, &text(i), Some(i * 1_000))
        })
        .collect()
}

fn sample_transcript() -> Transcript {
    Transcript {
        turns: vec![
            turn(
                Speaker::Agent,
                "Hello, I can help with a refund.",
                Some(1_000),
            ),
            turn(
                Speaker::Customer,
                "Yes, a refund for order 42 please.",
                Some(4_000),
            ),
            turn(Speaker::Agent, "The refund is on its way.", Some(8_000)),
            turn(Speaker::Customer, "Thanks!", Some(11_000)),
        ],
        events: Vec::new(),
    }
}

fn current_turn(root: &HtmlElement) -> Option<String> {
    root.query_selector("li[aria-current=true]")
        .unwrap()
        .and_then(|e| e.get_attribute("data-turn"))
}

#[wasm_bindgen_test]
async fn highlighted_turn_follows_playback_time() {
    let root = container();
    let playback = Playback::new();
    let _h = mount_to(root.clone(), move || {
        view! { <TranscriptView transcript=sample_transcript() playback call_id="c1".to_owned() /> }
    });
    until("turns", || all(&root, "li.cb-turn").len() == 4).await;
    assert_eq!(
        current_turn(&root),
        None,
        "nothing plays before the first turn"
    );
    for (ms, want) in [
        (1_500, "0"),
        (4_000, "1"),
        (9_999, "2"),
        (60_000, "3"),
        (500, ""),
    ] {
        playback.seek(ms);
        until("the highlight", || {
            current_turn(&root).unwrap_or_default() == want
        })
        .await;
        assert!(all(&root, "li[aria-current=true]").len() <= 1);
    }
}

#[wasm_bindgen_test]
async fn a_long_transcript_shows_its_first_screen_at_once_then_every_turn_in_order() {
    let root = container();
    let playback = Playback::new();
    let transcript = Transcript {
        turns: alternating_turns(300, |i| format!("Turn number {i}.")),
        events: Vec::new(),
    };
    let _h = mount_to(root.clone(), move || {
        view! { <TranscriptView transcript playback call_id="long".to_owned() /> }
    });
    // Built with the view: a screenful more than the scroll area shows,
    // not all 300 (the rest come a chunk a task after the first paint).
    let first = all(&root, "li.cb-turn");
    assert_eq!(first.len(), 24);
    until("every turn", || all(&root, "li.cb-turn").len() == 300).await;
    let order: Vec<String> = all(&root, "li.cb-turn")
        .iter()
        .map(|li| li.get_attribute("data-turn").unwrap_or_default())
        .collect();
    let want: Vec<String> = (0..300).map(|i| i.to_string()).collect();
    assert_eq!(order, want);
    // The first chunk is always laid out (skipping it cost the first
    // frame a second layout pass); rows past it skip layout off screen.
    let visibility: Vec<String> = all(&root, "li.cb-turn")
        .iter()
        .map(|li| {
            let style = web_sys::window()
                .unwrap()
                .get_computed_style(li)
                .unwrap()
                .unwrap();
            style.get_property_value("content-visibility").unwrap()
        })
        .collect();
    assert!(
        visibility[..24].iter().all(|v| v == "visible"),
        "{:?}",
        &visibility[..24]
    );
    assert!(
        visibility[24..].iter().all(|v| v == "auto"),
        "{:?}",
        &visibility[24..30]
    );
}

/// A short silent WAV as a blob: URL, so the audio element really loads.
fn silent_wav_url(seconds: u32) -> String {
    let rate = 8_000u32;
    let samples = rate * seconds;
    let mut b = Vec::with_capacity(44 + samples as usize * 2);
    let push32 = |b: &mut Vec<u8>, v: u32| b.extend_from_slice(&v.to_le_bytes());
    let push16 = |b: &mut Vec<u8>, v: u16| b.extend_from_slice(&v.to_le_bytes());
    b.extend_from_slice(b"RIFF");
    push32(&mut b, 36 + samples * 2);
    b.extend_from_slice(b"WAVEfmt ");
    push32(&mut b, 16);
    push16(&mut b, 1);
    push16(&mut b, 1);
    push32(&mut b, rate);
    push32(&mut b, rate * 2);
    push16(&mut b, 2);
    push16(&mut b, 16);
    b.extend_from_slice(b"data");
    push32(&mut b, samples * 2);
    b.resize(44 + samples as usize * 2, 0);
    let array = js_sys::Uint8Array::from(b.as_slice());
    let blob = web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&array)).unwrap();
    web_sys::Url::create_object_url_with_blob(&blob).unwrap()
}

/// The sample transcript over a 20 s silent recording, muted (a turn's
/// click plays it), once its metadata is loaded: the container, the
/// playback, and the mount (kept alive by the caller).
async fn transcript_over_audio() -> (HtmlElement, Playback, Box<dyn std::any::Any>) {
    let root = container();
    let playback = Playback::new();
    let url = silent_wav_url(20);
    let handle = mount_to(root.clone(), move || {
        view! {
            <audio node_ref=playback.audio() src=url.clone() preload="auto" muted=true></audio>
            <TranscriptView transcript=sample_transcript() playback call_id="c1".to_owned() />
        }
    });
    let audio = one(&root, "audio").unchecked_into::<web_sys::HtmlAudioElement>();
    until("audio metadata", || audio.ready_state() >= 1).await;
    audio.set_muted(true);
    (root, playback, Box::new(handle))
}

/// Whether the audio is at `seconds` (or just past it, playing on).
fn at(audio: &web_sys::HtmlAudioElement, seconds: f64) -> bool {
    (-0.01..0.6).contains(&(audio.current_time() - seconds))
}

#[wasm_bindgen_test]
async fn clicking_a_turn_seeks_the_audio() {
    let (root, playback, _h) = transcript_over_audio().await;
    let audio = || one(&root, "audio").unchecked_into::<web_sys::HtmlAudioElement>();
    let turn_button = one(&root, "li[data-turn=\"2\"] button");
    turn_button.click();
    until("the seek", || at(&audio(), 8.0)).await;
    assert!((8_000..8_600).contains(&playback.position_untracked()));
    // Keyboard: Enter on a focused turn activates it too.
    let first = one(&root, "li[data-turn=\"0\"] button");
    first.focus().unwrap();
    assert_eq!(
        document()
            .active_element()
            .unwrap()
            .unchecked_into::<HtmlElement>(),
        first
    );
    first.click();
    until("the second seek", || at(&audio(), 1.0)).await;
}

#[wasm_bindgen_test]
async fn clicking_a_turns_text_plays_from_there_unless_selecting() {
    let (root, _playback, _h) = transcript_over_audio().await;
    let audio = || one(&root, "audio").unchecked_into::<web_sys::HtmlAudioElement>();
    // Selecting words of a turn (to copy them) does not jump the audio.
    let text = one(&root, "li[data-turn=\"2\"] .cb-turn__text");
    let selection = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    selection.select_all_children(&text).unwrap();
    text.click();
    tick().await;
    assert!(audio().current_time() < 0.01, "no seek while selecting");
    assert!(audio().paused());
    selection.remove_all_ranges().unwrap();
    // A click on the text plays from the turn's start.
    text.click();
    until("the seek", || at(&audio(), 8.0)).await;
    until("playing", || !audio().paused()).await;
    audio().pause().unwrap();
}

#[wasm_bindgen_test]
async fn transcript_search_moves_between_matches() {
    let root = container();
    let playback = Playback::new();
    let _h = mount_to(root.clone(), move || {
        view! { <TranscriptView transcript=sample_transcript() playback call_id="c1".to_owned() /> }
    });
    until("turns", || all(&root, "li.cb-turn").len() == 4).await;
    let input: HtmlInputElement = one(&root, "input[type=search]").unchecked_into();
    input.set_value("REFUND");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    until("marks", || all(&root, "mark").len() == 3).await;
    assert_eq!(text(&root, ".cb-transcript__count"), "1 of 3");
    let active_turn = |root: &HtmlElement| {
        one(root, "mark[data-active=true]")
            .closest("li")
            .unwrap()
            .unwrap()
            .get_attribute("data-turn")
            .unwrap()
    };
    assert_eq!(active_turn(&root), "0");
    button(&root, "Next match").click();
    until("second match", || {
        text(&root, ".cb-transcript__count") == "2 of 3"
    })
    .await;
    assert_eq!(active_turn(&root), "1");
    button(&root, "Next match").click();
    until("third match", || {
        text(&root, ".cb-transcript__count") == "3 of 3"
    })
    .await;
    assert_eq!(active_turn(&root), "2");
    button(&root, "Next match").click();
    until("wraps to the first", || {
        text(&root, ".cb-transcript__count") == "1 of 3"
    })
    .await;
    button(&root, "Previous match").click();
    until("back to the last", || {
        text(&root, ".cb-transcript__count") == "3 of 3"
    })
    .await;
    assert_eq!(all(&root, "mark[data-active=true]").len(), 1);
}

#[wasm_bindgen_test]
async fn unsafe_urls_never_reach_the_dom() {
    let mut call = calls(Provider::Vapi, 1).remove(0);
    call.recording.mono = Some("javascript:alert(1)".into());
    call.recording.stereo = Some("data:audio/wav;base64,AAAA".into());
    call.push_extra(
        "log",
        "Call log",
        Some(ExtraValue::Link("javascript:alert(2)".into())),
    );
    let detail = CallDetail {
        call: call.clone(),
        transcript: Some(sample_transcript().into()),
        latency: vec![],
    };
    let source = MemorySource::new(Provider::Vapi, vec![call]).with_details(vec![detail]);
    let m = mount_board(source, 25);
    until("rows", || row_ids(&m.root).len() == 1).await;
    open_first_call(&m.root).await;
    for el in all(&m.root, "[src], [href]") {
        for attr in ["src", "href"] {
            if let Some(v) = el.get_attribute(attr) {
                let v = v.trim().to_ascii_lowercase();
                assert!(
                    !v.starts_with("javascript:") && !v.starts_with("data:"),
                    "{attr}={v}"
                );
            }
        }
    }
    let html = m.root.inner_html().to_ascii_lowercase();
    assert!(
        !html.contains("javascript:alert"),
        "the unsafe URL appears nowhere"
    );
    assert!(
        text(&m.root, ".cb-player").contains("No recording"),
        "a refused recording reads as missing"
    );
}

#[wasm_bindgen_test]
async fn opening_a_call_and_escape_returns_focus() {
    let m = mount_board(
        MemorySource::new(Provider::AgentVoice, calls(Provider::AgentVoice, 5)),
        25,
    );
    until("rows", || row_ids(&m.root).len() == 5).await;
    let row = one(&m.root, "tr[data-call-id=\"call-002\"]");
    row.focus().unwrap();
    let enter = web_sys::KeyboardEventInit::new();
    enter.set_key("Enter");
    enter.set_bubbles(true);
    row.dispatch_event(
        &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &enter).unwrap(),
    )
    .unwrap();
    until("detail", || {
        m.root.query_selector(".cb-detail").unwrap().is_some()
    })
    .await;
    assert_eq!(row.get_attribute("aria-selected").as_deref(), Some("true"));
    assert_eq!(m.source.detail_requests(), ["call-002"]);
    until("heading focus", || {
        document()
            .active_element()
            .is_some_and(|e| e.class_name() == "cb-detail__title")
    })
    .await;
    let esc = web_sys::KeyboardEventInit::new();
    esc.set_key("Escape");
    esc.set_bubbles(true);
    document()
        .active_element()
        .unwrap()
        .dispatch_event(
            &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &esc).unwrap(),
        )
        .unwrap();
    until("closed", || {
        m.root.query_selector(".cb-detail").unwrap().is_none()
    })
    .await;
    until("focus back on the row", || {
        document()
            .active_element()
            .and_then(|e| e.get_attribute("data-call-id"))
            .as_deref()
            == Some("call-002")
    })
    .await;
    assert_eq!(row.get_attribute("aria-selected").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn providers_without_transcripts_say_so() {
    let m = mount_board(
        MemorySource::new(Provider::Talkover, calls(Provider::Talkover, 3)),
        25,
    );
    until("rows", || row_ids(&m.root).len() == 3).await;
    open_first_call(&m.root).await;
    assert!(text(&m.root, ".cb-detail").contains("Talkover does not provide call transcripts."));
    assert!(text(&m.root, ".cb-player").contains("Talkover does not provide call recordings."));
    assert!(
        m.root.query_selector("audio").unwrap().is_none(),
        "no empty player"
    );
}

#[wasm_bindgen_test]
async fn hostile_text_stays_text() {
    let evil = "<img src=x onerror=\"window.__pwned=1\">";
    let mut call = calls(Provider::Retell, 1).remove(0);
    call.customer_name = Some(format!("{evil} مرحبا 👩🏽‍💻 Z̷̢̛a̶l̴g̶o̷"));
    call.agent_name = Some("<script>window.__pwned=2</script>".into());
    call.summary = Some(evil.into());
    call.duration_ms = Some(i64::MAX);
    call.started_at = Some(-1);
    call.push_extra("x", evil, Some(ExtraValue::Text(evil.into())));
    let turns = alternating_turns(10_000, |i| if i == 5 { evil } else { "hello" }.to_owned());
    let detail = CallDetail {
        call: call.clone(),
        transcript: Some(
            Transcript {
                turns,
                events: Vec::new(),
            }
            .into(),
        ),
        latency: vec![],
    };
    let m = mount_board(
        MemorySource::new(Provider::Retell, vec![call]).with_details(vec![detail]),
        25,
    );
    until("rows", || row_ids(&m.root).len() == 1).await;
    one(&m.root, "tr[data-call-id]").click();
    // The first chunk paints at once, the rest follow a chunk a task.
    until("the first turns", || !all(&m.root, "li.cb-turn").is_empty()).await;
    until_within("10,000 turns", 3_000, || {
        m.root.query_selector_all("li.cb-turn").unwrap().length() == 10_000
    })
    .await;
    assert!(
        m.root
            .query_selector("img, script:not([type])")
            .unwrap()
            .is_none(),
        "no markup from data"
    );
    let text = m.root.text_content().unwrap();
    assert!(text.contains("<img src=x") && text.contains("<script>window.__pwned=2</script>"));
    assert!(js_sys::Reflect::get(&window(), &"__pwned".into())
        .unwrap()
        .is_undefined());
}

/// The widget's rows timings end when the rows are in the DOM, not before:
/// each `callboard:` mark and measure notes the first row shown as it is
/// made (a wrapper around `performance.mark`/`measure`).
#[wasm_bindgen_test]
async fn row_timings_end_with_the_rows_in_the_dom() {
    let install = js_sys::Function::new_with_args(
        "root",
        "const p = Performance.prototype; const mark = p.mark, measure = p.measure;
         const seen = [];
         const note = (name) => { if (name.startsWith('callboard:')) seen.push([name, root.querySelector('tr[data-call-id]')?.dataset.callId ?? null]); };
         p.mark = function (name, ...rest) { note(name); return mark.call(this, name, ...rest); };
         p.measure = function (name, ...rest) { note(name); return measure.call(this, name, ...rest); };
         return [seen, () => { p.mark = mark; p.measure = measure; }];",
    );
    // The first rows' marks come after the first answer, later than this.
    let m = mount_board(
        MemorySource::new(Provider::AgentVoice, calls(Provider::AgentVoice, 60)),
        25,
    );
    let root = m.root.clone();
    let hooks: js_sys::Array = install
        .call1(&wasm_bindgen::JsValue::NULL, &root)
        .unwrap()
        .into();
    let seen: js_sys::Array = hooks.get(0).into();
    let restore: js_sys::Function = hooks.get(1).into();
    // How many of the widget's entries named `name` have been made.
    let made = |name: &str| {
        seen.iter()
            .filter(|e| js_sys::Array::from(e).get(0).as_string().as_deref() == Some(name))
            .count()
    };
    until("rows", || row_ids(&root).len() == 25).await;
    until_pager(&root).await;
    // The first rows' measures are taken once the updates have run.
    until("the first rows' marks and measures", || {
        made("callboard:first-rows") == 1
            && made("callboard:rows") == 1
            && made("callboard:update") == 1
    })
    .await;
    button(&root, "Next ›").click();
    until("page 2", || {
        row_ids(&root).first().map(String::as_str) == Some("call-025")
    })
    .await;
    until("page 2's measures", || {
        made("callboard:rows") == 2 && made("callboard:update") == 2
    })
    .await;
    let _ = restore.call0(&wasm_bindgen::JsValue::NULL);
    let seen: Vec<(String, Option<String>)> = seen
        .iter()
        .map(|e| {
            let e: js_sys::Array = e.into();
            (e.get(0).as_string().unwrap(), e.get(1).as_string())
        })
        .collect();
    let first_row_at = |name: &str| -> Vec<Option<String>> {
        seen.iter()
            .filter(|(n, _)| n == name)
            .map(|(_, row)| row.clone())
            .collect()
    };
    assert_eq!(
        first_row_at("callboard:first-rows"),
        [Some("call-000".to_owned())],
        "{seen:?}"
    );
    assert_eq!(
        first_row_at("callboard:rows"),
        [Some("call-000".to_owned()), Some("call-025".to_owned())],
        "{seen:?}"
    );
    assert_eq!(
        first_row_at("callboard:update"),
        [Some("call-000".to_owned()), Some("call-025".to_owned())],
        "{seen:?}"
    );
}

/// A click anywhere in a row opens its call; the open call's row stays
/// marked selected (and no other) when its page is built again.
#[wasm_bindgen_test]
async fn the_open_calls_row_is_selected_on_every_build_of_its_page() {
    let m = mount_board(
        MemorySource::new(Provider::AgentVoice, calls(Provider::AgentVoice, 30)),
        25,
    );
    until("rows", || row_ids(&m.root).len() == 25).await;
    let selected = |root: &HtmlElement| -> Vec<String> {
        all(root, "tr[aria-selected=true]")
            .iter()
            .filter_map(|r| r.get_attribute("data-call-id"))
            .collect()
    };
    one(&m.root, "tr[data-call-id=\"call-003\"] .cb-primary").click();
    until("detail", || m.source.detail_requests() == ["call-003"]).await;
    until("selected", || selected(&m.root) == ["call-003"]).await;
    one(&m.root, "tr[data-call-id=\"call-004\"]").click();
    until("another", || selected(&m.root) == ["call-004"]).await;
    until_pager(&m.root).await;
    button(&m.root, "Next ›").click();
    until("page 2", || row_ids(&m.root).len() == 5).await;
    assert!(selected(&m.root).is_empty(), "{:?}", selected(&m.root));
    button(&m.root, "‹ Previous").click();
    until("page 1", || row_ids(&m.root).len() == 25).await;
    assert_eq!(selected(&m.root), ["call-004"]);
}

/// Once the call view's code is there and the browser idle, the view is
/// built once for a sample call, out of the page, so a reviewer's first
/// open does not wait for the browser to compile it. Nothing of it shows:
/// no node in the page, no stylesheet, no performance entry, no request;
/// the first real open afterwards works and is the one marked.
#[wasm_bindgen_test]
async fn the_call_view_warms_up_unseen_once_idle() {
    let install = js_sys::Function::new_with_args(
        "",
        "const d = Document.prototype, p = Performance.prototype;
         const text = d.createTextNode, mark = p.mark, measure = p.measure;
         const texts = [], marks = [];
         d.createTextNode = function (t) { texts.push(String(t)); return text.call(this, t); };
         p.mark = function (name, ...rest) { marks.push(name); return mark.call(this, name, ...rest); };
         p.measure = function (name, ...rest) { marks.push(name); return measure.call(this, name, ...rest); };
         return [texts, marks, () => { d.createTextNode = text; p.mark = mark; p.measure = measure; }];",
    );
    let idle = js_sys::Function::new_no_args(
        "return new Promise((r) => requestIdleCallback(() => requestIdleCallback(() => r())))",
    );
    let mut call = calls(Provider::Retell, 1).remove(0);
    call.summary = Some("The customer asked for a refund.".to_owned());
    let detail = CallDetail {
        call: call.clone(),
        transcript: Some(sample_transcript().into()),
        latency: vec![],
    };
    let sheets = || document().adopted_style_sheets().length();
    let sheets_before = sheets();
    let hooks: js_sys::Array = install.call0(&wasm_bindgen::JsValue::NULL).unwrap().into();
    let (texts, marks): (js_sys::Array, js_sys::Array) = (hooks.get(0).into(), hooks.get(1).into());
    let restore: js_sys::Function = hooks.get(2).into();
    let source = MemorySource::new(Provider::Retell, vec![call]).with_details(vec![detail]);
    let m = mount_board(source, 25);
    until("rows", || row_ids(&m.root).len() == 1).await;
    let warmed = || {
        texts
            .iter()
            .any(|t| t.as_string().unwrap().contains("moved an appointment"))
    };
    for _ in 0..10 {
        if warmed() {
            break;
        }
        let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(
            idle.call0(&wasm_bindgen::JsValue::NULL).unwrap(),
        ))
        .await;
    }
    let names = |marks: &js_sys::Array| -> Vec<String> {
        marks.iter().filter_map(|m| m.as_string()).collect()
    };
    assert!(warmed(), "the sample call's view was built");
    assert!(
        texts
            .iter()
            .any(|t| t.as_string().unwrap() == "Call details"),
        "the sample's panel was built loading first (headed so until its detail came), as an open's is"
    );
    assert!(
        !names(&marks).iter().any(|n| n.contains("transcript")),
        "{:?}",
        names(&marks)
    );
    assert!(document()
        .query_selector(".cb-turn, .cb-summary, .cb-detail")
        .unwrap()
        .is_none());
    assert_eq!(
        sheets(),
        sheets_before,
        "no stylesheet adopted into the page"
    );
    assert!(m.source.detail_requests().is_empty());
    open_first_call(&m.root).await;
    until("its transcript", || all(&m.root, "li.cb-turn").len() == 4).await;
    assert_eq!(
        text(&m.root, ".cb-summary"),
        "The customer asked for a refund."
    );
    until("its marks", || {
        names(&marks)
            .iter()
            .any(|n| n == "callboard:transcript-all")
    })
    .await;
    let _ = restore.call0(&wasm_bindgen::JsValue::NULL);
}

/// A board whose options (its `locale` among them) the test changes.
fn mount_board_with(source: MemorySource, options: RwSignal<Options>) -> Mounted {
    let root = container();
    let src: Rc<dyn CallSource> = Rc::new(source.clone());
    let handle = mount_to(root.clone(), move || {
        view! { <CallBoard options=options source=src.clone() /> }.into_any()
    });
    Mounted {
        root,
        source,
        _handle: handle,
    }
}

#[wasm_bindgen_test]
async fn the_words_follow_the_locale_in_place_and_nothing_else_moves() {
    let source = MemorySource::new(Provider::AgentVoice, calls(Provider::AgentVoice, 60));
    let options = RwSignal::new(Options {
        provider: ProviderChoice::Fixed(Provider::AgentVoice),
        page_size: 25,
        locale: Some("es-MX".into()),
        ..Options::default()
    });
    let m = mount_board_with(source, options);
    until("Spanish rows", || {
        row_ids(&m.root).len() == 25 && text(&m.root, "th.cb-th--time").starts_with("Hora")
    })
    .await;
    until("the pager", || {
        all(&m.root, "button")
            .iter()
            .any(|b| b.text_content().is_some_and(|t| t.trim() == "Siguiente ›"))
    })
    .await;
    let range = text(&m.root, ".cb-pager__range");
    assert!(range.contains(" de "), "{range}");
    button(&m.root, "Siguiente ›").click();
    until("page 2", || {
        row_ids(&m.root).first().map(String::as_str) == Some("call-025")
    })
    .await;
    open_first_call(&m.root).await;
    let queries = m.source.queries().len();
    let panel = one(&m.root, ".cb-detail");

    options.update(|o| o.locale = Some("de".into()));
    until("German words", || {
        text(&m.root, "th.cb-th--time").starts_with("Zeit")
    })
    .await;
    // The same panel, call and page; nothing asked for again.
    assert!(one(&m.root, ".cb-detail").is_same_node(Some(&panel)));
    assert_eq!(
        row_ids(&m.root).first().map(String::as_str),
        Some("call-025")
    );
    assert_eq!(
        m.source.queries().len(),
        queries,
        "no request for new words"
    );
    assert!(
        all(&m.root, ".cb-section__title")
            .iter()
            .any(|t| t.text_content().as_deref() == Some("Transkript")),
        "the call's sections in German"
    );

    // A language the widget does not speak: English, quietly.
    options.update(|o| o.locale = Some("ja".into()));
    until("English words", || {
        text(&m.root, "th.cb-th--time").starts_with("Time")
    })
    .await;
    assert!(one(&m.root, ".cb-detail").is_same_node(Some(&panel)));
}
