//! The transcript as it is read on screen and in exports: speaker turns,
//! with the agent's tool calls, node transitions and keypad presses as
//! compact rows between them.
//!
//! A tool call and its result become one row (paired by the provider's
//! call id, else by name), so a reviewer sees "lookup_order · Succeeded"
//! with its arguments and result, not two unrelated lines. Keys pressed one
//! after another are one row.

use super::words::{self, Msg, Words};
use serde_json::Value;

use super::normalize::collapse_whitespace;
use super::transcript::Transcript;
use super::transcript::{ToolEvent, ToolEventKind};

/// What a tool row shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToolRowKind {
    /// A tool call, with its result where one came.
    Tool,
    /// The agent moved to another node of its flow.
    Transition,
    /// The caller pressed keys.
    Keypad,
}

/// How a tool call ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The provider says it succeeded.
    Succeeded,
    /// The provider says it failed.
    Failed,
    /// A result came; the provider does not say whether it is a success.
    Returned,
    /// No result is in the transcript.
    NoResult,
}

impl Outcome {
    /// The word shown.
    pub fn label(self) -> Msg {
        match self {
            Outcome::Succeeded => words::TOOL_SUCCEEDED,
            Outcome::Failed => words::TOOL_FAILED,
            Outcome::Returned => words::TOOL_RETURNED,
            Outcome::NoResult => words::TOOL_NO_RESULT,
        }
    }

    /// A stable name for styling and exports.
    pub fn id(self) -> &'static str {
        match self {
            Outcome::Succeeded => "succeeded",
            Outcome::Failed => "failed",
            Outcome::Returned => "returned",
            Outcome::NoResult => "no-result",
        }
    }
}

/// One row between the turns.
#[derive(Clone, Debug, PartialEq)]
pub struct ToolRow {
    /// What it is.
    pub kind: ToolRowKind,
    /// The tool's name, "Former → New" node, or the keys pressed.
    pub title: String,
    /// A result whose call the transcript does not have, nor its name:
    /// titled "Tool result" in the viewer's words ([`ToolRow::title_in`]).
    pub unnamed_result: bool,
    /// The call's arguments as the provider sent them, JSON indented for
    /// reading ([`pretty`]).
    pub arguments: Option<String>,
    /// The call's result as the provider sent it, likewise.
    pub result: Option<String>,
    /// How a tool call ended (`None` for other rows).
    pub outcome: Option<Outcome>,
    /// Offset into the recording, where the provider gives one.
    pub at_ms: Option<i64>,
    /// How many turns come before it.
    pub turns_before: usize,
}

impl ToolRowKind {
    /// A stable name for styling and tests.
    pub fn id(self) -> &'static str {
        match self {
            ToolRowKind::Tool => "tool",
            ToolRowKind::Transition => "transition",
            ToolRowKind::Keypad => "keypad",
        }
    }
}

impl ToolRow {
    /// What its disclosure is called: "Arguments", "Result", "Arguments
    /// and result", or `None` when it has neither.
    pub fn details_label(&self) -> Option<Msg> {
        match (&self.arguments, &self.result) {
            (Some(_), Some(_)) => Some(words::ARGUMENTS_AND_RESULT),
            (Some(_), None) => Some(words::ARGUMENTS),
            (None, Some(_)) => Some(words::RESULT),
            (None, None) => None,
        }
    }

    /// What kind of row, in words.
    pub fn kind_label(&self) -> Msg {
        match self.kind {
            ToolRowKind::Tool => words::TOOL_CALL,
            ToolRowKind::Transition => words::TOOL_NODE,
            ToolRowKind::Keypad => words::TOOL_KEYPAD,
        }
    }

    /// Its title in `w`: the tool's name, the nodes or the keys (a result
    /// of a tool the transcript does not name is a "Tool result").
    pub fn title_in(&self, w: Words) -> &str {
        if self.unnamed_result {
            w.text(words::TOOL_RESULT)
        } else {
            &self.title
        }
    }

    /// The row on one line in `w`: `Tool call: lookup_order (Succeeded)
    /// {"id":7} → {"ok":true}`, for text exports.
    pub fn one_line(&self, w: Words) -> String {
        let mut out = format!("{}: {}", w.text(self.kind_label()), self.title_in(w));
        if let Some(outcome) = self.outcome {
            out.push_str(&format!(" ({})", w.text(outcome.label())));
        }
        if let Some(args) = &self.arguments {
            out.push(' ');
            out.push_str(&compact(args));
        }
        if let Some(result) = &self.result {
            out.push_str(" → ");
            out.push_str(&compact(result));
        }
        out
    }
}

/// JSON text on one line (text that is not JSON, with its line breaks as
/// spaces).
fn compact(text: &str) -> String {
    match serde_json::from_str::<Value>(text) {
        Ok(v @ (Value::Object(_) | Value::Array(_))) => super::json::to_text(&v),
        _ => collapse_whitespace(text),
    }
}

/// JSON text indented for reading; anything else as it is.
pub fn pretty(text: &str) -> String {
    match serde_json::from_str::<Value>(text) {
        Ok(v @ (Value::Object(_) | Value::Array(_))) => {
            serde_json::to_string_pretty(&v).unwrap_or_default()
        }
        _ => text.to_owned(),
    }
}

fn outcome_of(success: Option<bool>) -> Outcome {
    match success {
        Some(true) => Outcome::Succeeded,
        Some(false) => Outcome::Failed,
        None => Outcome::Returned,
    }
}

/// The rows of `events` (in their transcript order).
pub fn tool_rows(events: &[ToolEvent]) -> Vec<ToolRow> {
    let mut rows: Vec<ToolRow> = Vec::new();
    // For each row, the call id it waits on a result for.
    let mut waiting: Vec<Option<String>> = Vec::new();
    for e in events {
        let row = |kind, title: String| ToolRow {
            kind,
            title,
            unnamed_result: false,
            arguments: None,
            result: None,
            outcome: None,
            at_ms: e.at_ms,
            turns_before: e.turns_before,
        };
        match e.kind {
            ToolEventKind::Invocation => {
                rows.push(ToolRow {
                    arguments: e.detail.as_deref().map(pretty),
                    outcome: Some(Outcome::NoResult),
                    ..row(ToolRowKind::Tool, e.name.clone())
                });
                waiting.push(Some(e.call_id.clone().unwrap_or_default()));
            }
            ToolEventKind::Result => {
                // The open call with this id; without ids, the latest open
                // call of this name.
                let open = rows.iter().zip(&waiting).rposition(|(r, w)| {
                    w.as_ref().is_some_and(|id| match &e.call_id {
                        Some(call_id) => id == call_id,
                        None => id.is_empty() && r.title == e.name,
                    })
                });
                let outcome = Some(outcome_of(e.success));
                match open.and_then(|i| rows.get_mut(i).zip(waiting.get_mut(i))) {
                    Some((r, w)) => {
                        r.result = e.detail.as_deref().map(pretty);
                        r.outcome = outcome;
                        *w = None;
                    }
                    None => {
                        rows.push(ToolRow {
                            result: e.detail.as_deref().map(pretty),
                            outcome,
                            unnamed_result: e.name.is_empty(),
                            ..row(ToolRowKind::Tool, e.name.clone())
                        });
                        waiting.push(None);
                    }
                }
            }
            ToolEventKind::NodeTransition => {
                let title = match e.detail.as_deref().filter(|f| !f.is_empty()) {
                    Some(from) => format!("{from} → {}", e.name),
                    None => e.name.clone(),
                };
                rows.push(row(ToolRowKind::Transition, title));
                waiting.push(None);
            }
            ToolEventKind::Dtmf => match rows.last_mut() {
                Some(last)
                    if last.kind == ToolRowKind::Keypad && last.turns_before == e.turns_before =>
                {
                    last.title.push_str(&e.name);
                }
                _ => {
                    rows.push(row(ToolRowKind::Keypad, e.name.clone()));
                    waiting.push(None);
                }
            },
        }
    }
    rows
}

/// A row of the transcript on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// Turn `i` of the transcript.
    Turn(usize),
    /// Tool row `i` of the layout.
    Tool(usize),
}

/// The turns and tool rows of a transcript, in reading order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// The tool rows.
    pub tools: Vec<ToolRow>,
    /// Every row in reading order.
    pub rows: Vec<Row>,
    /// The row of each turn.
    turn_rows: Vec<usize>,
}

impl Layout {
    /// Lays out `transcript`: each tool row before the turn its
    /// `turns_before` names (after the last turn when it names none).
    pub fn new(transcript: &Transcript) -> Self {
        let tools = tool_rows(&transcript.events);
        let n = transcript.turns.len();
        let mut rows = Vec::with_capacity(n + tools.len());
        let mut turn_rows = Vec::with_capacity(n);
        // Events come in transcript order; one out of order stays after
        // the turns already laid out rather than moving back.
        let mut turn = 0;
        for (i, tool) in tools.iter().enumerate() {
            while turn < tool.turns_before.min(n) {
                turn_rows.push(rows.len());
                rows.push(Row::Turn(turn));
                turn += 1;
            }
            rows.push(Row::Tool(i));
        }
        for turn in turn..n {
            turn_rows.push(rows.len());
            rows.push(Row::Turn(turn));
        }
        Self {
            tools,
            rows,
            turn_rows,
        }
    }

    /// The row showing turn `turn`.
    pub fn row_of_turn(&self, turn: usize) -> Option<usize> {
        self.turn_rows.get(turn).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::normalize::Speaker;
    use crate::core::transcript::Turn;

    fn event(kind: ToolEventKind, name: &str, call_id: Option<&str>, before: usize) -> ToolEvent {
        ToolEvent {
            kind,
            name: name.into(),
            detail: None,
            success: None,
            at_ms: None,
            call_id: call_id.map(Into::into),
            turns_before: before,
        }
    }

    fn turn(text: &str) -> Turn {
        Turn {
            speaker: Speaker::Agent,
            label: "Agent".into(),
            text: text.into(),
            start_ms: None,
            end_ms: None,
            words: vec![],
        }
    }

    #[test]
    fn calls_pair_with_their_results_by_id_then_by_name() {
        let mut result = event(ToolEventKind::Result, "", Some("a"), 2);
        result.detail = Some("{\"ok\":true}".into());
        result.success = Some(true);
        let mut failed = event(ToolEventKind::Result, "book", None, 3);
        failed.success = Some(false);
        let rows = tool_rows(&[
            event(ToolEventKind::Invocation, "lookup", Some("a"), 1),
            event(ToolEventKind::Invocation, "book", None, 2),
            result,
            failed,
            event(ToolEventKind::Result, "orphan", Some("zzz"), 3),
            event(ToolEventKind::Invocation, "never_answered", Some("b"), 4),
        ]);
        let seen: Vec<(&str, Option<Outcome>, usize)> = rows
            .iter()
            .map(|r| (r.title.as_str(), r.outcome, r.turns_before))
            .collect();
        assert_eq!(
            seen,
            [
                ("lookup", Some(Outcome::Succeeded), 1),
                ("book", Some(Outcome::Failed), 2),
                ("orphan", Some(Outcome::Returned), 3),
                ("never_answered", Some(Outcome::NoResult), 4),
            ]
        );
        assert_eq!(
            rows[0].result.as_deref(),
            Some("{\n  \"ok\": true\n}"),
            "indented for reading"
        );
        assert_eq!(
            rows[0].turns_before, 1,
            "a row sits where its call was made"
        );
        assert_eq!(rows[0].details_label().map(Msg::en), Some("Result"));
        assert_eq!(
            rows[1].details_label(),
            None,
            "no arguments, an empty result"
        );
    }

    #[test]
    fn a_result_does_not_pair_twice() {
        let rows = tool_rows(&[
            event(ToolEventKind::Invocation, "x", Some("1"), 0),
            event(ToolEventKind::Result, "x", Some("1"), 0),
            event(ToolEventKind::Result, "x", Some("1"), 0),
        ]);
        assert_eq!(rows.len(), 2, "a repeated result stands alone");
    }

    #[test]
    fn transitions_and_keys() {
        let mut moved = event(ToolEventKind::NodeTransition, "Booking", None, 1);
        moved.detail = Some("Greeting".into());
        let rows = tool_rows(&[
            moved,
            event(ToolEventKind::NodeTransition, "Wrap-up", None, 2),
            event(ToolEventKind::Dtmf, "1", None, 3),
            event(ToolEventKind::Dtmf, "#", None, 3),
            event(ToolEventKind::Dtmf, "2", None, 4),
        ]);
        let titles: Vec<&str> = rows.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["Greeting → Booking", "Wrap-up", "1#", "2"]);
        assert_eq!(rows[2].kind, ToolRowKind::Keypad);
        assert_eq!(rows[2].kind.id(), "keypad");
        assert_eq!(rows[0].outcome, None);
        assert_eq!(rows[0].details_label(), None, "nothing to disclose");
    }

    #[test]
    fn layout_interleaves_in_reading_order() {
        let t = Transcript {
            turns: vec![turn("a"), turn("b"), turn("c")],
            events: vec![
                event(ToolEventKind::NodeTransition, "Start", None, 0),
                event(ToolEventKind::Invocation, "x", Some("1"), 1),
                event(ToolEventKind::Dtmf, "5", None, 1),
                event(ToolEventKind::Invocation, "late", Some("2"), 9),
            ],
        };
        let layout = Layout::new(&t);
        assert_eq!(
            layout.rows,
            [
                Row::Tool(0),
                Row::Turn(0),
                Row::Tool(1),
                Row::Tool(2),
                Row::Turn(1),
                Row::Turn(2),
                Row::Tool(3),
            ]
        );
        assert_eq!(layout.row_of_turn(1), Some(4));
        assert_eq!(layout.row_of_turn(3), None);
        // Out of order: after what is laid out already, nothing lost.
        let back = Layout::new(&Transcript {
            turns: vec![turn("a"), turn("b")],
            events: vec![
                event(ToolEventKind::Dtmf, "1", None, 2),
                event(ToolEventKind::NodeTransition, "X", None, 0),
            ],
        });
        assert_eq!(
            back.rows,
            [Row::Turn(0), Row::Turn(1), Row::Tool(0), Row::Tool(1)]
        );
        let plain = Layout::new(&Transcript {
            turns: vec![turn("a")],
            events: vec![],
        });
        assert_eq!(plain.rows, [Row::Turn(0)]);
    }

    #[test]
    fn json_is_pretty_on_screen_and_compact_in_text() {
        assert_eq!(
            pretty("{\"a\":1,\"b\":[2]}"),
            "{\n  \"a\": 1,\n  \"b\": [\n    2\n  ]\n}"
        );
        assert_eq!(pretty("not json {"), "not json {");
        assert_eq!(pretty("42"), "42", "scalars stay as sent");
        let mut row =
            tool_rows(&[event(ToolEventKind::Invocation, "book", Some("1"), 0)]).remove(0);
        row.arguments = Some("{\n \"day\": \"fri\"\n}".into());
        row.result = Some("done\nat 3pm".into());
        row.outcome = Some(Outcome::Succeeded);
        assert_eq!(
            row.details_label().map(Msg::en),
            Some("Arguments and result")
        );
        assert_eq!(
            row.one_line(Words::ENGLISH),
            "Tool call: book (Succeeded) {\"day\":\"fri\"} → done at 3pm"
        );
    }
}
