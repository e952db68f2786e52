//! The call view's warm-up. Browsers compile a WebAssembly function on
//! its first call (Chromium compiles lazily), so the first call a reviewer
//! opened paid for compiling the whole call view: in the bench, the first
//! open of a page took about 40 ms longer than the next one, most of it
//! compiling. Once the call view's chunk is loaded (the list's tools, the
//! first of it to show, schedule this) and the browser is next idle, the
//! way an open goes is run once for a sample call, out of the page: the
//! provider's detail reader on a sample answer, then the call's panel
//! built loading and rebuilt with the sample's detail (the view's effects
//! run), then taken down, all in the same task (its microtasks): nothing
//! is painted, styled, fetched (the sample has no recording), announced
//! to the embedding or marked on the page's performance timeline.

use std::sync::Arc;

use leptos::prelude::*;

use super::detail::detail_panel;
use super::remote::Fetched;
use super::Board;
use crate::core::tool_events::read_events;
use crate::core::transcript::read_transcript;
use crate::core::{
    Call, CallDetail, CallStatus, Cost, CostUnit, Direction, Extra, ExtraValue, Figure, Provider,
    Remote,
};
use crate::net::{later, perf};

/// A sample transcript in a provider's shape: timed words, a tool call
/// and its result, so reading and showing them is warmed too.
const SAMPLE_TURNS: &str = r#"[
  {"role": "agent", "content": "Hello, this is Ana from Northside Clinic.", "words": [
    {"word": "Hello,", "start": 0.4, "end": 0.8}, {"word": "this", "start": 0.9, "end": 1.1}]},
  {"role": "user", "content": "Hi, I would like to move my appointment.", "start": 2.0, "end": 4.1},
  {"role": "tool_call_invocation", "tool_call_id": "t1", "name": "find_slot", "arguments": "{\"day\":\"friday\"}"},
  {"role": "tool_call_result", "tool_call_id": "t1", "content": "{\"slot\":\"10:30\"}", "successful": true},
  {"role": "agent", "content": "Friday at 10:30 is free.", "start": 5.0, "end": 6.6}
]"#;

/// The sample call's id (no row of the list has it).
const SAMPLE_ID: &str = "callboard-warm-up";

/// A sample detail answer, for running the provider's detail reader: in no
/// provider's exact shape (only the reading is wanted, not what it reads),
/// with the call's id under the keys providers name it by and the sample
/// turns under theirs.
fn sample_answer() -> String {
    format!(
        r#"{{"id":"{SAMPLE_ID}","call_id":"{SAMPLE_ID}","callId":"{SAMPLE_ID}","conversation_id":"{SAMPLE_ID}","status":"ended","duration":7,"transcript":{SAMPLE_TURNS},"transcripts":{SAMPLE_TURNS},"messages":{SAMPLE_TURNS}}}"#
    )
}

/// The sample call the warm-up shows (read as a detail answer would be).
pub(crate) fn sample_detail(provider: Provider) -> CallDetail {
    let turns_json = serde_json::from_str(SAMPLE_TURNS).unwrap_or_default();
    let transcript = read_transcript(&turns_json, None).map(|mut t| {
        t.events = read_events(&turns_json, None, &t.turns);
        Arc::new(t)
    });
    let mut call = Call::new(provider, SAMPLE_ID.to_owned());
    call.started_at = Some(1_764_000_000_000);
    call.duration_ms = Some(7_000);
    call.status = CallStatus::Completed;
    call.direction = Direction::Inbound;
    call.customer_name = Some("Sample".to_owned());
    call.customer_number = Some("+14155550100".to_owned());
    call.agent_name = Some("Ana".to_owned());
    call.summary = Some("The caller moved an appointment to Friday.".to_owned());
    call.successful = Some(true);
    call.cost = Some(Cost {
        amount: 0.12,
        unit: CostUnit::Usd,
    });
    call.extras = vec![
        Extra {
            key: "note".to_owned(),
            label: "Note".into(),
            value: ExtraValue::Text("sample".to_owned()),
        },
        Extra {
            key: "log".to_owned(),
            label: "Log".into(),
            value: ExtraValue::Link("https://example.com/log".to_owned()),
        },
    ];
    CallDetail {
        call,
        transcript,
        latency: vec![Figure {
            label: "End-to-end".into(),
            percentile: None,
            ms: 840,
        }],
    }
}

/// Schedules the warm-up for when the browser is next idle.
pub(crate) fn when_idle(board: Board) {
    later::when_idle(move || run(board));
}

/// Runs an open once for the sample call, out of the page: the
/// provider's reader on [`sample_answer`], the panel built loading, then
/// rebuilt with [`sample_detail`] once the updates have run, then taken
/// down once those have (all in this task, with the marks off). Nothing
/// happens while a call is open (its code is compiled already) or once
/// the widget is gone.
fn run(board: Board) {
    if !board.call.is_idle() {
        return;
    }
    let quiet = perf::Quiet::begin();
    let provider = board.list.provider_untracked();
    let _ = provider.parse_detail(&sample_answer());
    let owner = Owner::new();
    let state = owner.with(|| RwSignal::new(Fetched::<CallDetail>::Loading(None)));
    let shown = owner.with(|| {
        detail_panel(board, SAMPLE_ID.to_owned(), state.into())
            .into_any()
            .build()
    });
    perf::after_updates(move || {
        state.set(Remote::Ready(sample_detail(provider)));
        perf::after_updates(move || {
            drop(shown);
            owner.cleanup();
            drop(quiet);
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ToolEventKind;

    #[test]
    fn the_sample_call_has_what_a_call_view_shows() {
        let d = sample_detail(Provider::Retell);
        let t = d.transcript.expect("a transcript");
        assert_eq!(t.turns.len(), 3, "three speaker turns");
        assert_eq!(t.turns[0].words.len(), 2, "timed words");
        assert!(t.turns.iter().all(|turn| turn.start_ms.is_some()), "timed");
        let kinds: Vec<_> = t.events.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [ToolEventKind::Invocation, ToolEventKind::Result]);
        assert_eq!(d.call.provider, Provider::Retell);
        assert!(d.call.recording.mono.is_none() && d.call.recording.stereo.is_none());
        assert!(d.call.summary.is_some() && !d.latency.is_empty() && d.call.extras.len() == 2);
    }

    #[test]
    fn every_providers_reader_reads_the_sample_answer() {
        for provider in Provider::ALL {
            let d = provider
                .parse_detail(&sample_answer())
                .unwrap_or_else(|e| panic!("{provider:?}: {e:?}"));
            assert_eq!(d.call.id, SAMPLE_ID, "{provider:?}");
            let turns = d.transcript.map_or(0, |t| t.turns.len());
            let expected = if provider.capabilities().transcripts {
                3
            } else {
                0
            };
            assert_eq!(turns, expected, "{provider:?}: the sample's turns");
        }
    }
}
