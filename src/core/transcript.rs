//! Transcripts, and the one generic reader that turns every provider's shape
//! into speaker turns with optional audio offsets.
//!
//! Shapes read:
//! - a string of `Speaker: text` lines, optionally led by a `[m:ss]` time;
//! - an array of turns with the speaker under `role`, `speaker` or `user`,
//!   the text under `content`, `text` or `message`, and timing under
//!   `start`/`end`, `secondsFromStart`, `time_in_call_secs`,
//!   `words[].start/end` (seconds into the call), or a wall-clock
//!   `timestamp`/`time`/`created_at` (minus the call's start);
//! - an object holding either of those under a usual key (`turns`,
//!   `messages`, `segments`, ...).
//!
//! Turns without timing are kept; they just cannot be clicked to seek.

use serde_json::Value;

use super::json::Obj;
use super::normalize::Speaker;
use super::time::{self, DurationUnit};
use super::words::Words;

/// A call's transcript: speaker turns in spoken order.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Transcript {
    /// The turns.
    pub turns: Vec<Turn>,
    /// Tool calls and results, node transitions and keypad presses, in
    /// time order (`core::tool_events`).
    pub events: Vec<ToolEvent>,
}

/// What kind of event happened besides speech (read by
/// `core::tool_events`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ToolEventKind {
    /// The agent called a tool.
    Invocation,
    /// A tool answered.
    Result,
    /// The agent moved to another node of its flow.
    NodeTransition,
    /// The caller pressed a key.
    Dtmf,
}

/// A tool call or result, a node transition or a key pressed, placed
/// among the speaker turns.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ToolEvent {
    /// What kind.
    pub kind: ToolEventKind,
    /// The tool's name, the node moved to, or the key pressed.
    pub name: String,
    /// The arguments or the result as the provider sent them (JSON text),
    /// or the node moved from.
    pub detail: Option<String>,
    /// Whether a tool call succeeded, where the provider says.
    pub success: Option<bool>,
    /// Offset into the recording, where known.
    pub at_ms: Option<i64>,
    /// The provider's id pairing a call with its result.
    pub call_id: Option<String>,
    /// How many of the transcript's turns come before it: it is shown
    /// between turn `turns_before - 1` and turn `turns_before`.
    pub turns_before: usize,
}

/// One speaker turn.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Turn {
    /// Who speaks, normalized.
    pub speaker: Speaker,
    /// The label: "Agent", "Customer" (see [`Turn::label_in`] for the
    /// viewer's language), or the provider's own label.
    pub label: String,
    /// What was said.
    pub text: String,
    /// Offset of the turn's start into the recording.
    pub start_ms: Option<i64>,
    /// Offset of the turn's end into the recording.
    pub end_ms: Option<i64>,
    /// Word timings, where the provider gives them.
    pub words: Vec<Word>,
}

/// One timed word.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Word {
    /// The word as written.
    pub text: String,
    /// Offset of its start into the recording.
    pub start_ms: i64,
    /// Offset of its end into the recording.
    pub end_ms: i64,
}

impl Turn {
    /// The label in `w`: the role's word where the label is the role's
    /// (the agent, the customer), else the label as the provider gave it
    /// ("" for none).
    pub fn label_in(&self, w: Words) -> &str {
        let role = self.speaker.label();
        if self.speaker != Speaker::Other && self.label == role.en() {
            w.text(role)
        } else {
            &self.label
        }
    }
}

impl Transcript {
    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.turns.is_empty()
    }

    /// Whether any turn can be clicked to seek.
    pub fn is_timed(&self) -> bool {
        self.turns.iter().any(|t| t.start_ms.is_some())
    }
}

/// Keys under which an object may hold its list of turns.
const CONTAINER_KEYS: &[&str] = &[
    "turns",
    "messages",
    "segments",
    "utterances",
    "transcript",
    "items",
    "entries",
    "conversation",
    "data",
];
const SPEAKER_KEYS: &[&str] = &["role", "speaker", "user", "participant"];
const TEXT_KEYS: &[&str] = &["content", "text", "message", "utterance"];
const START_KEYS: &[&str] = &[
    "start",
    "start_time",
    "secondsFromStart",
    "time_in_call_secs",
];
const END_KEYS: &[&str] = &["end", "end_time", "secondsToEnd"];
const WALL_CLOCK_KEYS: &[&str] = &["timestamp", "time", "created_at", "createdAt"];
/// Wall-clock turns this far before the call's start are clock skew, read
/// as the start; further back they are untimed.
const SKEW_TOLERANCE_MS: i64 = 5_000;

/// Reads a transcript in any of the shapes above. `call_start_ms` turns
/// wall-clock turn times into offsets. `None` when there are no turns.
pub fn read_transcript(value: &Value, call_start_ms: Option<i64>) -> Option<Transcript> {
    let turns = read_value(value, call_start_ms, 0);
    (!turns.is_empty()).then_some(Transcript {
        turns,
        events: Vec::new(),
    })
}

fn read_value(value: &Value, call_start_ms: Option<i64>, depth: u8) -> Vec<Turn> {
    match value {
        Value::String(s) => read_text(s),
        Value::Array(items) => read_items(items, call_start_ms),
        Value::Object(map) if depth < 2 => CONTAINER_KEYS
            .iter()
            .filter_map(|k| map.get(*k))
            .map(|v| read_value(v, call_start_ms, depth + 1))
            .find(|turns| !turns.is_empty())
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Reads `Speaker: text` lines. Lines with no speaker continue the turn
/// before them (or start an unlabelled one).
pub fn read_text(text: &str) -> Vec<Turn> {
    let mut turns: Vec<Turn> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (start_ms, rest) = leading_time(line);
        match split_speaker(rest) {
            Some((label, said)) => {
                let speaker = Speaker::from_raw(label);
                turns.push(Turn {
                    speaker,
                    label: display_label(speaker, label),
                    text: said.to_owned(),
                    start_ms,
                    end_ms: None,
                    words: Vec::new(),
                });
            }
            None => match turns.last_mut() {
                Some(last) if start_ms.is_none() => {
                    if !last.text.is_empty() {
                        last.text.push(' ');
                    }
                    last.text.push_str(rest);
                }
                _ => turns.push(Turn {
                    speaker: Speaker::Other,
                    label: String::new(),
                    text: rest.to_owned(),
                    start_ms,
                    end_ms: None,
                    words: Vec::new(),
                }),
            },
        }
    }
    turns.retain(|t| !t.text.is_empty());
    turns
}

/// A `[m:ss]`, `[h:mm:ss]` or `(m:ss)` prefix as an offset, and the rest.
fn leading_time(line: &str) -> (Option<i64>, &str) {
    let close = match line.chars().next() {
        Some('[') => ']',
        Some('(') => ')',
        _ => return (None, line),
    };
    let Some(end) = line.find(close) else {
        return (None, line);
    };
    let inner = line.get(1..end).unwrap_or_default();
    let mut total: i64 = 0;
    let mut parts = 0;
    for part in inner.split(':') {
        let Ok(n) = part.trim().parse::<u32>() else {
            return (None, line);
        };
        total = total * 60 + i64::from(n);
        parts += 1;
    }
    if !(2..=3).contains(&parts) {
        return (None, line);
    }
    (
        Some(total * 1_000),
        line.get(end + 1..).unwrap_or_default().trim_start(),
    )
}

/// Splits `Label: text` when the label looks like a speaker name: short,
/// starting with a letter, at most four words of letters, digits and a few
/// joiners.
fn split_speaker(line: &str) -> Option<(&str, &str)> {
    let (label, rest) = line.split_once(':')?;
    let label = label.trim();
    let ok = !label.is_empty()
        && label.chars().count() <= 40
        && label.chars().next().is_some_and(char::is_alphabetic)
        && label.split_whitespace().count() <= 4
        && label
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-' | '.' | '\''));
    ok.then(|| (label, rest.trim()))
}

fn display_label(speaker: Speaker, raw: &str) -> String {
    match speaker {
        Speaker::Other => raw.trim().to_owned(),
        known => known.label().en().to_owned(),
    }
}

fn is_noise_role(role: &str) -> bool {
    let contains = |word: &str| {
        role.as_bytes()
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
    };
    role.eq_ignore_ascii_case("system") || contains("tool") || contains("function")
}

fn read_items(items: &[Value], call_start_ms: Option<i64>) -> Vec<Turn> {
    let mut turns = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Value::String(s) => turns.extend(read_text(s)),
            Value::Object(_) => {
                if let Some(turn) = Obj::of(item).and_then(|o| read_turn(o, call_start_ms)) {
                    turns.push(turn);
                }
            }
            _ => {}
        }
    }
    turns
}

fn seconds_offset(value: Option<f64>) -> Option<i64> {
    value.and_then(|s| time::duration_ms(s, DurationUnit::Seconds))
}

/// One item of a transcript array as a speaker turn: `None` for tool and
/// system messages and items without text.
pub(crate) fn read_turn(o: Obj<'_>, call_start_ms: Option<i64>) -> Option<Turn> {
    let raw_speaker = o.first_text(SPEAKER_KEYS);
    if raw_speaker.as_deref().is_some_and(is_noise_role) {
        return None;
    }
    let text = o.first_str(TEXT_KEYS)?;
    let speaker = raw_speaker
        .as_deref()
        .map_or(Speaker::Other, Speaker::from_raw);
    let label = raw_speaker
        .as_deref()
        .map(|r| display_label(speaker, r))
        .unwrap_or_default();

    let words: Vec<Word> = o.arr("words").map(read_words).unwrap_or_default();
    // The wall-clock keys are read only where the offsets are missing
    // (most providers give offsets; a long transcript reads thousands).
    let wall_start = || {
        o.first_instant(WALL_CLOCK_KEYS)
            .zip(call_start_ms)
            .and_then(|(at, start)| match at - start {
                d if d >= 0 => Some(d),
                d if d >= -SKEW_TOLERANCE_MS => Some(0),
                _ => None,
            })
    };
    let start_ms = seconds_offset(START_KEYS.iter().find_map(|k| o.f64(k)))
        .or_else(|| words.first().map(|w| w.start_ms))
        .or_else(wall_start);
    let wall_span = || match (o.first_instant(&["time"]), o.instant("endTime")) {
        (Some(a), Some(b)) if b >= a => Some(b - a),
        _ => None,
    };
    let end_ms = seconds_offset(END_KEYS.iter().find_map(|k| o.f64(k)))
        .or_else(|| words.last().map(|w| w.end_ms))
        .or_else(|| start_ms.zip(wall_span()).map(|(s, span)| s + span))
        .filter(|end| start_ms.is_none_or(|s| *end >= s));
    Some(Turn {
        speaker,
        label,
        text,
        start_ms,
        end_ms,
        words,
    })
}

fn read_words(items: &[Value]) -> Vec<Word> {
    items
        .iter()
        .filter_map(|w| {
            let o = Obj::of(w)?;
            let text = o.first_str(&["word", "text", "punctuated_word"])?;
            let start_ms = seconds_offset(o.f64("start"))?;
            let end_ms = seconds_offset(o.f64("end"))
                .filter(|e| *e >= start_ms)
                .unwrap_or(start_ms);
            Some(Word {
                text,
                start_ms,
                end_ms,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn tool_and_system_roles_are_not_turns() {
        for role in [
            "system",
            "SYSTEM",
            "tool",
            "Tool_Calls",
            "tool_call_result",
            "FUNCTION",
            "function_call",
        ] {
            assert!(is_noise_role(role), "{role}");
        }
        for role in ["systems admin", "user", "agent", "too", "funct", ""] {
            assert!(!is_noise_role(role), "{role}");
        }
    }

    #[test]
    fn speaker_lines() {
        let t = read_transcript(
            &json!("Assistant: Hello, this is Ava.\nCustomer: Hi! I need a quote.\nI have two cars.\nAI: Sure: which ones?\nSupervisor: noted"),
            None,
        )
        .unwrap();
        assert_eq!(t.turns.len(), 4);
        assert_eq!(t.turns[0].speaker, Speaker::Agent);
        assert_eq!(t.turns[0].label, "Agent");
        assert_eq!(t.turns[1].speaker, Speaker::Customer);
        assert_eq!(t.turns[1].text, "Hi! I need a quote. I have two cars.");
        assert_eq!(t.turns[2].text, "Sure: which ones?");
        assert_eq!(t.turns[3].speaker, Speaker::Other);
        assert_eq!(t.turns[3].label, "Supervisor");
        assert!(!t.is_timed());
    }

    #[test]
    fn text_without_speakers_is_one_turn() {
        let t = read_transcript(
            &json!("Hello, I'm calling about my order, at 10:30 today."),
            None,
        )
        .unwrap();
        assert_eq!(t.turns.len(), 1);
        assert_eq!(t.turns[0].label, "");
        assert_eq!(
            t.turns[0].text,
            "Hello, I'm calling about my order, at 10:30 today."
        );
    }

    #[test]
    fn leading_times_in_text() {
        let t = read_transcript(&json!("[0:05] Agent: Hi\n[1:02:03] User: Bye"), None).unwrap();
        assert_eq!(t.turns[0].start_ms, Some(5_000));
        assert_eq!(t.turns[1].start_ms, Some(3_723_000));
    }

    #[test]
    fn retell_words() {
        let v = json!([
            {"role": "agent", "content": "Hello there", "words": [
                {"word": "Hello", "start": 0.5, "end": 0.9},
                {"word": "there", "start": 0.95, "end": 1.3}
            ]},
            {"role": "user", "content": "Hi", "words": [{"word": "Hi", "start": 2.0, "end": 2.2}]}
        ]);
        let t = read_transcript(&v, None).unwrap();
        assert_eq!(t.turns[0].start_ms, Some(500));
        assert_eq!(t.turns[0].end_ms, Some(1_300));
        assert_eq!(t.turns[0].words.len(), 2);
        assert_eq!(t.turns[1].speaker, Speaker::Customer);
        assert_eq!(t.turns[1].start_ms, Some(2_000));
    }

    #[test]
    fn vapi_messages_skip_system_and_tools() {
        let v = json!({"messages": [
            {"role": "system", "message": "You are a helpful agent", "time": 1_700_000_000_000i64, "secondsFromStart": 0},
            {"role": "bot", "message": "Hi!", "time": 1_700_000_001_000i64, "endTime": 1_700_000_002_500i64, "secondsFromStart": 1.0},
            {"role": "tool_calls", "toolCalls": []},
            {"role": "user", "message": "Hello", "time": 1_700_000_004_000i64, "secondsFromStart": 4.2}
        ]});
        let t = read_transcript(&v, Some(1_700_000_000_000)).unwrap();
        assert_eq!(t.turns.len(), 2);
        assert_eq!(t.turns[0].speaker, Speaker::Agent);
        assert_eq!(t.turns[0].start_ms, Some(1_000));
        assert_eq!(t.turns[0].end_ms, Some(2_500));
        assert_eq!(t.turns[1].start_ms, Some(4_200));
    }

    #[test]
    fn wall_clock_minus_start() {
        let v = json!([
            {"role": "agent", "content": "Hi", "timestamp": "2024-01-15T10:30:02Z"},
            {"role": "user", "content": "Early", "timestamp": "2024-01-15T10:29:58Z"},
            {"role": "user", "content": "Way early", "timestamp": "2024-01-15T10:00:00Z"},
            {"speaker": "assistant", "text": "No time"}
        ]);
        let start = time::parse_iso8601("2024-01-15T10:30:00Z");
        let t = read_transcript(&v, start).unwrap();
        assert_eq!(t.turns[0].start_ms, Some(2_000));
        assert_eq!(t.turns[1].start_ms, Some(0));
        assert_eq!(t.turns[2].start_ms, None);
        assert_eq!(t.turns[3].start_ms, None);
        // Without the call's start, wall-clock times cannot become offsets.
        let t = read_transcript(&v, None).unwrap();
        assert!(!t.is_timed());
    }

    #[test]
    fn elevenlabs_and_plain_start_end() {
        let v = json!([
            {"role": "agent", "message": "A", "time_in_call_secs": 3},
            {"speaker": "Customer", "text": "B", "start": "7.5", "end": 6.0}
        ]);
        let t = read_transcript(&v, None).unwrap();
        assert_eq!(t.turns[0].start_ms, Some(3_000));
        assert_eq!(t.turns[1].start_ms, Some(7_500));
        assert_eq!(
            t.turns[1].end_ms, None,
            "an end before the start is dropped"
        );
    }

    #[test]
    fn nothing_readable_is_none() {
        for v in [
            json!(null),
            json!(""),
            json!([]),
            json!({}),
            json!(42),
            json!([{"role": "agent"}]),
        ] {
            assert_eq!(read_transcript(&v, None), None, "{v}");
        }
    }
}
