//! Transcripts and call lists whose provider text is hostile (cue timings,
//! numbers alone on a line, blank lines, `-->`, byte-order marks, CR/LF
//! mixes, markup, formulas), each with every export the widget writes of
//! it, printed as JSON for `tests/exports.test.mjs`, which reads the
//! exports back with independent parsers.
//!
//! `cargo run -p callboard-server --example export_cases -- [SEED] [CASES]`
#![allow(clippy::print_stdout)]

use callboard::core::csv_export::{csv, HEADER};
use callboard::core::transcript_export::Format;
use callboard::core::transcript_rows::{Layout, Row};
use callboard::core::words::Words;
use callboard::core::{
    Call, CallStatus, Direction, Provider, Speaker, ToolEvent, ToolEventKind, Transcript, Turn,
};
use callboard_demo_data::Rng;
use serde_json::{json, Value};

/// Pieces a hostile text is made of.
const ATOMS: &[&str] = &[
    "2",
    "17",
    "00:00:01,000 --> 00:00:02,000",
    "00:00:01.000 --> 00:00:02.000 align:start",
    "-->",
    "--> ",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\r\n\r\n",
    "\n \n",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\u{0B}",
    "\u{0C}",
    "\u{FEFF}",
    "\t",
    " ",
    "\u{A0}",
    "\u{3000}",
    "\u{0}",
    "\u{1B}[31m",
    "NOTE",
    "NOTE this",
    "WEBVTT",
    "STYLE",
    "<v Agent>",
    "</v>",
    "<b>",
    "&amp;",
    "&",
    "<",
    ">",
    "\"",
    "\"\"",
    ",",
    ";",
    "'",
    "=SUM(A1:A9)",
    "+1 415 555 0100",
    "-2",
    "+cmd",
    "@x",
    "\\",
    "{\"a\": [1, \"b\"]}",
    "[0:05] Agent: forged",
    "Agent:",
    "ok",
    "Hola, ¿qué tal?",
    "Grüße",
    "日本語",
    "مرحبا",
    "😀",
];

fn hostile(rng: &mut Rng) -> String {
    let n = rng.below(7);
    (0..n)
        .map(|_| *rng.pick(ATOMS).unwrap_or(&""))
        .collect::<String>()
}

fn transcript(rng: &mut Rng) -> Transcript {
    let n = 1 + rng.below(6) as usize;
    let mut at = rng.below(5_000) as i64;
    let turns: Vec<Turn> = (0..n)
        .map(|i| {
            let start = at;
            at += 200 + rng.below(9_000) as i64;
            let speaker = if i % 2 == 0 {
                Speaker::Agent
            } else {
                Speaker::Customer
            };
            let label = match rng.below(4) {
                0 => String::new(),
                1 => hostile(rng),
                _ => if i % 2 == 0 { "Agent" } else { "Customer" }.to_owned(),
            };
            Turn {
                speaker,
                label,
                text: hostile(rng),
                start_ms: (!rng.chance(8)).then_some(start),
                end_ms: rng.chance(2).then_some(at - 100),
                words: Vec::new(),
            }
        })
        .collect();
    let events = (0..rng.below(3))
        .map(|_| ToolEvent {
            kind: *rng
                .pick(&[
                    ToolEventKind::Invocation,
                    ToolEventKind::Result,
                    ToolEventKind::NodeTransition,
                    ToolEventKind::Dtmf,
                ])
                .unwrap_or(&ToolEventKind::Invocation),
            name: hostile(rng),
            detail: rng.chance(2).then(|| hostile(rng)),
            success: rng.chance(2).then_some(true),
            at_ms: rng.chance(2).then(|| rng.below(20_000) as i64),
            call_id: None,
            turns_before: rng.below(n as u64 + 1) as usize,
        })
        .collect();
    Transcript { turns, events }
}

fn call(rng: &mut Rng, i: usize) -> Call {
    let mut c = Call::new(Provider::Retell, format!("call_{i}{}", hostile(rng)));
    c.started_at = Some(1_764_000_000_000 + rng.below(1_000_000_000) as i64);
    c.direction = Direction::Inbound;
    c.status = CallStatus::Completed;
    c.customer_name = Some(hostile(rng));
    c.customer_number = Some(hostile(rng));
    c.agent_name = Some(hostile(rng));
    c.campaign_name = rng.chance(2).then(|| hostile(rng));
    c.sentiment = Some(hostile(rng));
    c.end_reason = Some(hostile(rng));
    c.summary = Some(hostile(rng));
    c
}

fn main() {
    let mut args = std::env::args().skip(1);
    let seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let cases: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(300);
    let mut rng = Rng::new(seed);
    let out: Vec<Value> = (0..cases)
        .map(|_| {
            let t = transcript(&mut rng);
            let calls: Vec<Call> = (0..1 + rng.below(4) as usize)
                .map(|i| call(&mut rng, i))
                .collect();
            let exports: serde_json::Map<String, Value> = Format::ALL
                .iter()
                .map(|f| (f.extension().to_owned(), Value::String(f.render(&t, Words::ENGLISH))))
                .collect();
            json!({
                "turns": t.turns.iter().map(|u| json!({
                    "label": u.label, "text": u.text, "start_ms": u.start_ms, "end_ms": u.end_ms,
                    "speaker": match u.speaker { Speaker::Agent => "Agent", Speaker::Customer => "Customer", Speaker::Other => "Speaker" },
                })).collect::<Vec<_>>(),
                "events": t.events.iter().map(|e| json!({"name": e.name, "detail": e.detail})).collect::<Vec<_>>(),
                // Each row of the text export: its turn's index, or null
                // for a tool row.
                "rows": Layout::new(&t).rows.iter().map(|r| match r {
                    Row::Turn(i) => json!(i),
                    Row::Tool(_) => Value::Null,
                }).collect::<Vec<_>>(),
                "exports": exports,
                "header": HEADER.map(|m| m.en()),
                "calls": calls.iter().map(|c| json!({
                    "id": c.id, "customer_name": c.customer_name, "customer_number": c.customer_number,
                    "agent": c.agent_name, "campaign": c.campaign_name, "sentiment": c.sentiment,
                    "end_reason": c.end_reason, "summary": c.summary,
                })).collect::<Vec<_>>(),
                "csv": csv(&calls, Words::ENGLISH, |_| -300),
            })
        })
        .collect();
    println!("{}", Value::Array(out));
}
