//! A transcript as files people take elsewhere: plain text (also what
//! Copy copies), WebVTT and SubRip captions (for a video editor or a
//! player), and JSON (speaker, start, end, text, and the tool calls,
//! results, node transitions and key presses between the turns). Tool rows
//! are lines of the text, `NOTE` blocks of the WebVTT file (read, never
//! shown as captions) and events of the JSON; SubRip has no place for
//! anything but captions.

use super::words::{self, Msg, Words};
use serde_json::{json, Value};

use super::normalize::{join_str, Speaker};
use super::time;
use super::transcript::{ToolEvent, ToolEventKind};
use super::transcript::{Transcript, Turn};
use super::transcript_rows::{Layout, Row};

/// A cue without an end of its own (the last turn, or one whose next turn
/// starts at the same time) lasts this long.
const LAST_CUE_MS: i64 = 2_000;

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `[m:ss] Speaker: text` lines.
    Text,
    /// WebVTT captions with voice tags.
    WebVtt,
    /// SubRip captions.
    Srt,
    /// The turns and events as JSON.
    Json,
}

impl Format {
    /// All of them, in the order a menu lists them.
    pub const ALL: [Format; 4] = [Format::Text, Format::WebVtt, Format::Srt, Format::Json];

    /// What a menu calls it.
    pub fn label(self) -> Msg {
        match self {
            Format::Text => words::FORMAT_TEXT,
            Format::WebVtt => words::FORMAT_WEBVTT,
            Format::Srt => words::FORMAT_SRT,
            Format::Json => words::FORMAT_JSON,
        }
    }

    /// The file name's extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::WebVtt => "vtt",
            Format::Srt => "srt",
            Format::Json => "json",
        }
    }

    /// The file's media type.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Text => "text/plain;charset=utf-8",
            Format::WebVtt => "text/vtt;charset=utf-8",
            Format::Srt => "application/x-subrip;charset=utf-8",
            Format::Json => "application/json",
        }
    }

    /// `transcript` in this format, our own words (speakers' roles, tool
    /// rows) in `w`; JSON keeps the same keys and values in every
    /// language.
    pub fn render(self, transcript: &Transcript, w: Words) -> String {
        match self {
            Format::Text => plain_text(transcript, w),
            Format::WebVtt => webvtt(transcript, w),
            Format::Srt => srt(transcript, w),
            Format::Json => json_text(transcript),
        }
    }
}

/// The timed turns as cues: turn index to (start, end), ends from the
/// turn, else the next timed turn's start, always after the start.
fn cues(transcript: &Transcript) -> Vec<Option<(i64, i64)>> {
    let timed: Vec<(usize, i64, &Turn)> = transcript
        .turns
        .iter()
        .enumerate()
        .filter_map(|(i, t)| t.start_ms.map(|s| (i, s.max(0), t)))
        .collect();
    let mut out = vec![None; transcript.turns.len()];
    for (n, &(i, start, turn)) in timed.iter().enumerate() {
        let next = timed.get(n + 1).map(|&(_, s, _)| s);
        let end = turn
            .end_ms
            .filter(|&e| e > start)
            .or(next.filter(|&n| n > start))
            .unwrap_or(start + LAST_CUE_MS);
        if let Some(slot) = out.get_mut(i) {
            *slot = Some((start, end));
        }
    }
    out
}

/// The transcript as text: a `[m:ss] Label: text` line a turn, and a line
/// a tool row where it happened (`[m:ss] Tool call: name (Succeeded) {...}
/// → {...}`); a row's line breaks are spaces ([`one_line`]), so a line is
/// a row whatever the provider's text holds.
pub fn plain_text(transcript: &Transcript, w: Words) -> String {
    let layout = Layout::new(transcript);
    let mut out = String::new();
    for row in &layout.rows {
        let (at, line) = match *row {
            Row::Turn(i) => match transcript.turns.get(i) {
                Some(turn) => {
                    let (label, text) = (one_line(turn.label_in(w)), one_line(&turn.text));
                    let line = if label.is_empty() {
                        text
                    } else {
                        format!("{label}: {text}")
                    };
                    (turn.start_ms, line)
                }
                None => continue,
            },
            Row::Tool(i) => match layout.tools.get(i) {
                Some(tool) => (tool.at_ms, one_line(&tool.one_line(w))),
                None => continue,
            },
        };
        let line = match at {
            Some(at) => format!("[{}] {line}", time::format_duration(at)),
            None => line,
        };
        // (A turn with no text ends at its label or time.)
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// `hh:mm:ss` then `sep` and milliseconds.
fn clock(ms: i64, sep: char) -> String {
    let ms = ms.max(0);
    let (h, rest) = (ms / 3_600_000, ms % 3_600_000);
    let (m, rest) = (rest / 60_000, rest % 60_000);
    let (s, milli) = (rest / 1_000, rest % 1_000);
    format!("{h:02}:{m:02}:{s:02}{sep}{milli:03}")
}

/// The turn's label as the provider gave it, else the speaker's role (in
/// English: the JSON export's values are the same in every language).
fn speaker_name(turn: &Turn) -> &str {
    if !turn.label.is_empty() {
        return &turn.label;
    }
    role_name(turn.speaker).en()
}

fn role_name(speaker: Speaker) -> Msg {
    match speaker {
        Speaker::Agent => words::SPEAKER_AGENT,
        Speaker::Customer => words::SPEAKER_CUSTOMER,
        Speaker::Other => words::SPEAKER,
    }
}

/// The speaker of a caption in `w`: the label on one line, else the role.
fn caption_speaker(turn: &Turn, w: Words) -> String {
    let label = one_line(turn.label_in(w));
    if label.is_empty() {
        w.text(role_name(turn.speaker)).to_owned()
    } else {
        label
    }
}

/// Whether `c` ends a line for some reader of these files: LF and CR
/// (WebVTT's and most SubRip readers' line ends, a lone CR included), and
/// the vertical tab, form feed, NEL and Unicode's line and paragraph
/// separators that other readers break lines at.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Provider text on one line, as every export writes it: each run of line
/// breaks (and the spaces around it) one space, tabs spaces, and no
/// byte-order marks or other control characters (a reader may take a BOM
/// for the start of a file). No text can then add a line, end a cue or
/// begin a row of its own.
pub fn one_line(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            c if is_line_break(c) => Some('\n'),
            '\u{FEFF}' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    join_str(
        clean.split('\n').map(str::trim).filter(|l| !l.is_empty()),
        " ",
    )
}

/// Caption text: [`one_line`], with SubRip's and WebVTT's timing arrow
/// `-->` written `->` (no line of a cue can then read as a timing line,
/// nor a WebVTT note hold one, which it may not).
fn caption_line(text: &str) -> String {
    one_line(text).replace("-->", "->")
}

/// Text safe inside a WebVTT cue: on one line, its markup characters
/// escaped (so `-->` is `--&gt;`).
fn vtt_text(text: &str) -> String {
    one_line(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// WebVTT: a cue per timed turn on one line, the speaker as a voice tag,
/// and a `NOTE` per tool row where it happened.
pub fn webvtt(transcript: &Transcript, w: Words) -> String {
    let layout = Layout::new(transcript);
    let cues = cues(transcript);
    let mut out = String::from("WEBVTT\n");
    let mut n = 0;
    for row in &layout.rows {
        match *row {
            Row::Turn(i) => {
                let (Some(turn), Some(Some((start, end)))) = (transcript.turns.get(i), cues.get(i))
                else {
                    continue;
                };
                n += 1;
                // (WebVTT reads a voice's runs of spaces as one.)
                let voice = join_str(
                    vtt_text(&caption_speaker(turn, w))
                        .split(' ')
                        .filter(|w| !w.is_empty()),
                    " ",
                );
                out.push_str(&format!(
                    "\n{n}\n{} --> {}\n<v {voice}>{}\n",
                    clock(*start, '.'),
                    clock(*end, '.'),
                    vtt_text(&turn.text)
                ));
            }
            Row::Tool(i) => {
                if let Some(tool) = layout.tools.get(i) {
                    // A note may not hold "-->" nor a blank line.
                    let text = caption_line(&tool.one_line(w));
                    out.push_str(&format!("\nNOTE {text}\n"));
                }
            }
        }
    }
    out
}

/// SubRip: a numbered cue per timed turn, `Speaker: text` on one line
/// ([`caption_line`]: SubRip has no escapes, so a line of digits or a
/// timing in a turn's text would otherwise start a cue of its own).
pub fn srt(transcript: &Transcript, w: Words) -> String {
    let mut out = String::new();
    let timed = transcript
        .turns
        .iter()
        .zip(cues(transcript))
        .filter_map(|(turn, cue)| cue.map(|c| (turn, c)));
    for (n, (turn, (start, end))) in timed.enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let line = format!(
            "{}: {}",
            caption_line(&caption_speaker(turn, w)),
            caption_line(&turn.text)
        );
        out.push_str(&format!(
            "{}\n{} --> {}\n{}\n",
            n + 1,
            clock(start, ','),
            clock(end, ','),
            line.trim_end()
        ));
    }
    out
}

fn kind_name(kind: ToolEventKind) -> &'static str {
    match kind {
        ToolEventKind::Invocation => "tool_call",
        ToolEventKind::Result => "tool_result",
        ToolEventKind::NodeTransition => "node_transition",
        ToolEventKind::Dtmf => "dtmf",
    }
}

fn event_json(e: &ToolEvent) -> Value {
    // Arguments and results are JSON text from the provider: kept as JSON
    // where they parse, as text where not.
    let detail = e
        .detail
        .as_deref()
        .map(|d| serde_json::from_str::<Value>(d).unwrap_or_else(|_| Value::String(d.to_owned())));
    json!({
        "type": kind_name(e.kind),
        "name": e.name,
        "detail": detail,
        "success": e.success,
        "at_ms": e.at_ms,
        "call_id": e.call_id,
        "turns_before": e.turns_before,
    })
}

/// The turns (speaker, label, start and end in ms, text) and the events,
/// each list in the transcript's order, an item a line.
pub fn json_text(transcript: &Transcript) -> String {
    let turns: Vec<Value> = transcript
        .turns
        .iter()
        .map(|t| {
            json!({
                "speaker": match t.speaker {
                    Speaker::Agent => "agent",
                    Speaker::Customer => "customer",
                    Speaker::Other => "other",
                },
                "label": speaker_name(t),
                "start_ms": t.start_ms,
                "end_ms": t.end_ms,
                "text": t.text,
            })
        })
        .collect();
    let events: Vec<Value> = transcript.events.iter().map(event_json).collect();
    // An item a line: readable, and one JSON writer in the bundle
    // ([`super::json::to_text`]).
    let list = |items: &[Value]| {
        if items.is_empty() {
            return "[]".to_owned();
        }
        let lines: Vec<String> = items
            .iter()
            .map(|v| format!("    {}", super::json::to_text(v)))
            .collect();
        format!("[\n{}\n  ]", lines.join(",\n"))
    };
    format!(
        "{{\n  \"turns\": {},\n  \"events\": {}\n}}\n",
        list(&turns),
        list(&events)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turn(
        speaker: Speaker,
        label: &str,
        text: &str,
        start: Option<i64>,
        end: Option<i64>,
    ) -> Turn {
        Turn {
            speaker,
            label: label.into(),
            text: text.into(),
            start_ms: start,
            end_ms: end,
            words: vec![],
        }
    }

    fn sample() -> Transcript {
        Transcript {
            turns: vec![
                turn(
                    Speaker::Agent,
                    "Agent",
                    "Hi, this is Ava.",
                    Some(1_000),
                    Some(3_500),
                ),
                turn(
                    Speaker::Customer,
                    "Customer",
                    "I'd like <b>help</b> & more",
                    Some(4_000),
                    None,
                ),
                turn(Speaker::Customer, "Customer", "Untimed aside", None, None),
                turn(
                    Speaker::Agent,
                    "Agent",
                    "Sure.\n\nLet me check.",
                    Some(3_725_250),
                    None,
                ),
            ],
            events: vec![ToolEvent {
                kind: ToolEventKind::Invocation,
                name: "lookup_order".into(),
                detail: Some(r#"{"order": 42}"#.into()),
                success: Some(true),
                at_ms: Some(5_000),
                call_id: Some("t1".into()),
                turns_before: 2,
            }],
        }
    }

    #[test]
    fn webvtt_cues_with_voices_and_escaped_text() {
        assert_eq!(
            webvtt(&sample(), Words::ENGLISH),
            "WEBVTT\n\
             \n1\n00:00:01.000 --> 00:00:03.500\n<v Agent>Hi, this is Ava.\n\
             \n2\n00:00:04.000 --> 01:02:05.250\n<v Customer>I'd like &lt;b&gt;help&lt;/b&gt; &amp; more\n\
             \nNOTE Tool call: lookup_order (No result) {\"order\":42}\n\
             \n3\n01:02:05.250 --> 01:02:07.250\n<v Agent>Sure. Let me check.\n"
        );
    }

    #[test]
    fn srt_cues_numbered_with_commas() {
        assert_eq!(
            srt(&sample(), Words::ENGLISH),
            "1\n00:00:01,000 --> 00:00:03,500\nAgent: Hi, this is Ava.\n\
             \n2\n00:00:04,000 --> 01:02:05,250\nCustomer: I'd like <b>help</b> & more\n\
             \n3\n01:02:05,250 --> 01:02:07,250\nAgent: Sure. Let me check.\n"
        );
    }

    #[test]
    fn ends_are_always_after_starts() {
        let t = Transcript {
            turns: vec![
                turn(Speaker::Agent, "", "a", Some(5_000), Some(4_000)),
                turn(Speaker::Customer, "", "b", Some(5_000), None),
            ],
            events: vec![],
        };
        for (start, end) in cues(&t).into_iter().flatten() {
            assert!(end > start, "{start} -> {end}");
        }
        assert!(
            webvtt(&t, Words::ENGLISH).contains("<v Agent>a")
                && webvtt(&t, Words::ENGLISH).contains("<v Customer>b")
        );
    }

    #[test]
    fn json_holds_every_turn_and_event() {
        let text = json_text(&sample());
        assert_eq!(text.lines().count(), 11, "an item a line:\n{text}");
        let v: Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(v["turns"].as_array().map(Vec::len), Some(4));
        assert_eq!(v["turns"][1]["text"], "I'd like <b>help</b> & more");
        assert_eq!(v["turns"][2]["start_ms"], Value::Null);
        assert_eq!(v["events"][0]["type"], "tool_call");
        assert_eq!(v["events"][0]["detail"]["order"], 42);
    }

    #[test]
    fn an_untimed_transcript_has_no_cues() {
        let t = Transcript {
            turns: vec![turn(Speaker::Agent, "Agent", "Hello", None, None)],
            events: vec![],
        };
        assert_eq!(webvtt(&t, Words::ENGLISH), "WEBVTT\n");
        assert_eq!(srt(&t, Words::ENGLISH), "");
    }

    #[test]
    fn text_has_a_line_a_turn_and_a_line_a_tool_row() {
        assert_eq!(
            plain_text(&sample(), Words::ENGLISH),
            "[0:01] Agent: Hi, this is Ava.\n\
             [0:04] Customer: I'd like <b>help</b> & more\n\
             [0:05] Tool call: lookup_order (No result) {\"order\":42}\n\
             Customer: Untimed aside\n\
             [1:02:05] Agent: Sure. Let me check.\n"
        );
        let untimed = Transcript {
            turns: vec![turn(Speaker::Other, "", "Hello", None, None)],
            events: vec![],
        };
        assert_eq!(plain_text(&untimed, Words::ENGLISH), "Hello\n");
    }

    #[test]
    fn a_note_never_ends_early_or_reads_as_a_cue() {
        let mut t = sample();
        if let Some(e) = t.events.first_mut() {
            e.detail = Some("a --> b\n\nc".into());
        }
        let vtt = webvtt(&t, Words::ENGLISH);
        assert!(
            vtt.contains("\nNOTE Tool call: lookup_order (No result) a -> b c\n"),
            "{vtt}"
        );
    }

    #[test]
    fn no_text_can_add_a_cue_or_a_line() {
        let forged = "2\n00:00:01,000 --> 00:00:02,000\r\rNOTE\u{2028}x\u{feff}\ty\u{0}";
        let t = Transcript {
            turns: vec![
                turn(Speaker::Agent, "Ava\r\n1", forged, Some(0), Some(500)),
                turn(Speaker::Customer, "Customer", "ok", Some(600), None),
            ],
            events: vec![],
        };
        assert_eq!(
            srt(&t, Words::ENGLISH),
            "1\n00:00:00,000 --> 00:00:00,500\nAva 1: 2 00:00:01,000 -> 00:00:02,000 NOTE x y\n\
             \n2\n00:00:00,600 --> 00:00:02,600\nCustomer: ok\n"
        );
        assert_eq!(
            webvtt(&t, Words::ENGLISH),
            "WEBVTT\n\
             \n1\n00:00:00.000 --> 00:00:00.500\n<v Ava 1>2 00:00:01,000 --&gt; 00:00:02,000 NOTE x y\n\
             \n2\n00:00:00.600 --> 00:00:02.600\n<v Customer>ok\n"
        );
        assert_eq!(
            plain_text(&t, Words::ENGLISH),
            "[0:00] Ava 1: 2 00:00:01,000 --> 00:00:02,000 NOTE x y\n[0:00] Customer: ok\n"
        );
    }
}
