//! What happened in a call besides speech: tool invocations and their
//! results, an agent's node transitions, keypad presses. Read from every
//! provider's shape (Retell's `transcript_with_tool_calls`, Vapi's
//! `tool_calls` / `tool_call_result` messages, ElevenLabs' per-turn
//! `tool_calls` / `tool_results`) and kept in the transcript's model, each
//! placed among the speaker turns: by its own time where the provider gives
//! one (Vapi, ElevenLabs), else after the speech it follows in the
//! provider's list (Retell sends no times for tool calls).

use serde_json::Value;

use super::json::Obj;
use super::time::{self, DurationUnit};
use super::transcript::{read_turn, ToolEvent, ToolEventKind, Turn};

/// A value as JSON text: strings as they are (they usually hold JSON
/// already), anything else serialized.
fn as_text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(super::json::to_text(other)),
    }
}

/// Where in the call an item happened: seconds from the start, or a wall
/// clock minus the call's start.
fn offset(o: Obj<'_>, call_start_ms: Option<i64>) -> Option<i64> {
    ["secondsFromStart", "time_in_call_secs", "time_sec"]
        .iter()
        .find_map(|k| o.f64(k))
        .and_then(|s| time::duration_ms(s, DurationUnit::Seconds))
        .or_else(|| {
            let at = o.instant("time")?;
            let start = call_start_ms?;
            (at >= start).then_some(at - start)
        })
}

fn event(kind: ToolEventKind, name: Option<String>, at_ms: Option<i64>) -> Option<ToolEvent> {
    Some(ToolEvent {
        kind,
        name: name?,
        detail: None,
        success: None,
        at_ms,
        call_id: None,
        turns_before: 0,
    })
}

/// The events of one transcript item (an utterance or message).
fn item_events(o: Obj<'_>, call_start_ms: Option<i64>, out: &mut Vec<ToolEvent>) {
    let at = offset(o, call_start_ms);
    let role = o.first_str(&["role", "type"]).unwrap_or_default();
    match role.as_str() {
        // Retell.
        "tool_call_invocation" => out.extend(
            event(ToolEventKind::Invocation, o.str("name"), at).map(|mut e| {
                e.detail = as_text(o.get("arguments"));
                e.call_id = o.str("tool_call_id");
                e
            }),
        ),
        "tool_call_result" if o.get("tool_call_id").is_some() => {
            out.extend(
                event(
                    ToolEventKind::Result,
                    o.str("name").or_else(|| Some(String::new())),
                    at,
                )
                .map(|mut e| {
                    e.detail = as_text(o.get("content"));
                    e.success = o.bool("successful");
                    e.call_id = o.str("tool_call_id");
                    e
                }),
            );
        }
        "node_transition" => out.extend(
            event(ToolEventKind::NodeTransition, o.str("new_node_name"), at).map(|mut e| {
                e.detail = o.str("former_node_name");
                e
            }),
        ),
        "dtmf" => out.extend(event(ToolEventKind::Dtmf, o.str("digit"), at)),
        // Vapi.
        "tool_calls" => {
            for call in o
                .arr("toolCalls")
                .unwrap_or_default()
                .iter()
                .filter_map(Obj::of)
            {
                out.extend(
                    event(ToolEventKind::Invocation, call.str("function.name"), at).map(|mut e| {
                        e.detail = as_text(call.path("function.arguments"));
                        e.call_id = call.str("id");
                        e
                    }),
                );
            }
        }
        "tool_call_result" => out.extend(event(ToolEventKind::Result, o.str("name"), at).map(
            |mut e| {
                e.detail = as_text(o.get("result"));
                e.call_id = o.str("toolCallId");
                e
            },
        )),
        _ => {}
    }
    // ElevenLabs: a turn carries its tool calls and results.
    for call in o
        .arr("tool_calls")
        .unwrap_or_default()
        .iter()
        .filter_map(Obj::of)
    {
        out.extend(
            event(ToolEventKind::Invocation, call.str("tool_name"), at).map(|mut e| {
                e.detail = as_text(call.get("params_as_json"));
                e.call_id = call.str("request_id");
                e
            }),
        );
    }
    for result in o
        .arr("tool_results")
        .unwrap_or_default()
        .iter()
        .filter_map(Obj::of)
    {
        out.extend(
            event(ToolEventKind::Result, result.str("tool_name"), at).map(|mut e| {
                e.detail = as_text(result.get("result_value"));
                e.success = result.bool("is_error").map(|failed| !failed);
                e.call_id = result.str("request_id");
                e
            }),
        );
    }
}

/// Every event in a transcript array, in the provider's order, each placed
/// after the speech that precedes it in that array (`turns` is the
/// transcript read from the same answer: Vapi and ElevenLabs list speech
/// and tools in one array; Retell's `transcript_with_tool_calls` holds the
/// utterances of its `transcript_object`). The array's order is the
/// provider's own; times would not do: Retell sends none for tool items,
/// and ElevenLabs' whole seconds tie with the turns around them.
pub fn read_events(value: &Value, call_start_ms: Option<i64>, turns: &[Turn]) -> Vec<ToolEvent> {
    let mut out = Vec::new();
    let mut speech = 0_usize;
    for o in value
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(Obj::of)
    {
        // A speaker turn (ElevenLabs' carry their own tool calls, made
        // after the words they follow).
        if read_turn(o, call_start_ms).is_some() {
            speech += 1;
        }
        let from = out.len();
        item_events(o, call_start_ms, &mut out);
        for e in out.iter_mut().skip(from) {
            e.turns_before = speech.min(turns.len());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn retell_tool_calls_transitions_and_keys() {
        let v = json!([
            {"role": "agent", "content": "Let me check.", "words": []},
            {"role": "tool_call_invocation", "tool_call_id": "t1", "name": "lookup", "arguments": "{\"id\":7}"},
            {"role": "tool_call_result", "tool_call_id": "t1", "content": "{\"ok\":true}", "successful": true},
            {"role": "node_transition", "former_node_name": "Greeting", "new_node_name": "Booking", "time_sec": 12.5},
            {"role": "dtmf", "digit": "5", "time_sec": 14}
        ]);
        let e = read_events(&v, None, &[]);
        assert_eq!(e.len(), 4);
        assert_eq!(e[0].kind, ToolEventKind::Invocation);
        assert_eq!(e[0].name, "lookup");
        assert_eq!(e[0].detail.as_deref(), Some("{\"id\":7}"));
        assert_eq!(e[1].kind, ToolEventKind::Result);
        assert_eq!(e[1].success, Some(true));
        assert_eq!(e[1].call_id.as_deref(), Some("t1"));
        assert_eq!(e[2].kind, ToolEventKind::NodeTransition);
        assert_eq!(
            (e[2].name.as_str(), e[2].detail.as_deref()),
            ("Booking", Some("Greeting"))
        );
        assert_eq!(e[2].at_ms, Some(12_500));
        assert_eq!(
            (e[3].kind, e[3].name.as_str(), e[3].at_ms),
            (ToolEventKind::Dtmf, "5", Some(14_000))
        );
    }

    #[test]
    fn vapi_tool_messages() {
        let v = json!([
            {"role": "bot", "message": "One moment.", "secondsFromStart": 3.0},
            {"role": "tool_calls", "message": "", "secondsFromStart": 3.5,
             "toolCalls": [{"id": "c1", "function": {"name": "book", "arguments": {"day": "fri"}}}]},
            {"role": "tool_call_result", "name": "book", "result": "done", "toolCallId": "c1", "secondsFromStart": 4.2}
        ]);
        let e = read_events(&v, None, &[]);
        assert_eq!(e[0].kind, ToolEventKind::Invocation);
        assert_eq!(e[0].detail.as_deref(), Some("{\"day\":\"fri\"}"));
        assert_eq!(e[0].at_ms, Some(3_500));
        assert_eq!(
            (e[1].kind, e[1].name.as_str(), e[1].detail.as_deref()),
            (ToolEventKind::Result, "book", Some("done"))
        );
    }

    #[test]
    fn elevenlabs_tools_within_turns_and_nothing_else() {
        let v = json!([
            {"role": "agent", "message": "Checking", "time_in_call_secs": 9,
             "tool_calls": [{"tool_name": "crm_lookup", "params_as_json": "{}", "request_id": "r1"}],
             "tool_results": [{"tool_name": "crm_lookup", "result_value": "found", "is_error": true, "request_id": "r1"}]},
            {"role": "user", "message": "ok", "time_in_call_secs": 12},
            "a bare string", 42, null
        ]);
        let e = read_events(&v, None, &[]);
        assert_eq!(e.len(), 2);
        assert_eq!(e[1].success, Some(false), "is_error");
        assert_eq!(e[1].at_ms, Some(9_000));
        assert!(read_events(&json!("Agent: hi"), None, &[]).is_empty());
        assert!(read_events(&json!([{"role": "tool_calls"}]), None, &[]).is_empty());
    }

    fn read(v: &Value) -> (Vec<Turn>, Vec<ToolEvent>) {
        let turns = crate::core::transcript::read_transcript(v, None)
            .map(|t| t.turns)
            .unwrap_or_default();
        let events = read_events(v, None, &turns);
        (turns, events)
    }

    #[test]
    fn untimed_retell_events_follow_the_speech_before_them() {
        // Retell's `transcript_with_tool_calls`: tool items carry no time.
        let words = |s: f64| json!([{"word": "x", "start": s, "end": s + 0.5}]);
        let v = json!([
            {"role": "agent", "content": "Hello", "words": words(1.0)},
            {"role": "node_transition", "former_node_id": "a", "former_node_name": "Greeting", "new_node_id": "b", "new_node_name": "Booking"},
            {"role": "user", "content": "Hi", "words": words(3.0)},
            {"role": "agent", "content": "Checking", "words": words(5.0)},
            {"role": "tool_call_invocation", "tool_call_id": "t1", "name": "lookup", "arguments": "{}"},
            {"role": "tool_call_result", "tool_call_id": "t1", "content": "ok"},
            {"role": "user", "content": "Thanks", "words": words(8.0)}
        ]);
        let (turns, e) = read(&v);
        assert_eq!(turns.len(), 4);
        let places: Vec<(ToolEventKind, usize)> =
            e.iter().map(|e| (e.kind, e.turns_before)).collect();
        assert_eq!(
            places,
            [
                (ToolEventKind::NodeTransition, 1),
                (ToolEventKind::Invocation, 3),
                (ToolEventKind::Result, 3),
            ]
        );
        assert!(e.iter().all(|e| e.at_ms.is_none()), "no time is made up");
    }

    #[test]
    fn events_are_placed_in_the_providers_order() {
        // Vapi: tool messages among the bot's and the user's.
        let v = json!([
            {"role": "system", "message": "You are…", "secondsFromStart": 0},
            {"role": "bot", "message": "One moment.", "secondsFromStart": 3.0},
            {"role": "tool_calls", "message": "", "secondsFromStart": 4.5, "time": 0,
             "toolCalls": [{"id": "c1", "type": "function", "function": {"name": "book", "arguments": "{}"}}]},
            {"role": "tool_call_result", "name": "book", "result": "done", "toolCallId": "c1", "secondsFromStart": 5.5},
            {"role": "user", "message": "Sure.", "secondsFromStart": 6.0}
        ]);
        let (turns, e) = read(&v);
        assert_eq!(turns.len(), 2);
        assert_eq!(
            e.iter()
                .map(|e| (e.kind, e.turns_before))
                .collect::<Vec<_>>(),
            [(ToolEventKind::Invocation, 1), (ToolEventKind::Result, 1)]
        );
        assert_eq!(e[0].at_ms, Some(4_500), "the provider's time is kept");
        // ElevenLabs: whole seconds tie with the next turn; the order does not.
        let v = json!([
            {"role": "user", "message": "Book it", "time_in_call_secs": 12},
            {"role": "agent", "message": null, "time_in_call_secs": 14,
             "tool_calls": [{"tool_name": "crm", "params_as_json": "{}", "request_id": "r"}]},
            {"role": "agent", "message": "Booked.", "time_in_call_secs": 14}
        ]);
        let (_, e) = read(&v);
        assert_eq!(e[0].turns_before, 1, "before the agent's words");
        // A turn's own tools come after its words; before any speech is 0.
        let v = json!([
            {"role": "dtmf", "digit": "1"},
            {"role": "agent", "message": "Checking", "time_in_call_secs": 4,
             "tool_calls": [{"tool_name": "crm", "params_as_json": "{}", "request_id": "r"}]}
        ]);
        let (_, e) = read(&v);
        assert_eq!(e.iter().map(|e| e.turns_before).collect::<Vec<_>>(), [0, 1]);
        // Fewer turns read than speech listed: never past the last turn.
        let e = read_events(&v, None, &[]);
        assert!(e.iter().all(|e| e.turns_before == 0));
    }
}
