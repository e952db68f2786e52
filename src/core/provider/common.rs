//! Reading helpers every adapter shares: body parsing with envelope errors,
//! row collection with skip counting, extras, costs and latency figures.

use crate::core::words::{self, Label};
use std::borrow::Cow;

use rustc_hash::FxHashSet;
use serde_json::Value;

use crate::core::error::{is_error_envelope, ApiError, BodyError};
use crate::core::json::{self, Obj};
use crate::core::model::{Call, Cost, CostUnit, ExtraValue, Figure, Page};
use crate::core::normalize::{humanize, join_str};
use crate::core::url::safe_url;

/// The most extras read from one free-form object (custom analysis,
/// metadata), so a hostile payload cannot flood the detail view.
const MAX_OBJECT_EXTRAS: usize = 40;

/// Parses a 2xx body; an error envelope inside it becomes the error.
pub(crate) fn parse_ok_body(body: &str) -> Result<Value, ApiError> {
    parse_2xx(body).map_err(|e| e.read(200, body))
}

/// Parses a 2xx body, leaving an error envelope unread.
pub(crate) fn parse_2xx(body: &str) -> Result<Value, BodyError> {
    let value = json::parse_body(body).map_err(ApiError::unreadable)?;
    if is_error_envelope(&value) {
        Err(BodyError::Envelope)
    } else {
        Ok(value)
    }
}

/// Puts `value` at `key` in a request body's `map` (one shared copy of
/// the key's allocation, not one per key written).
pub(crate) fn put(map: &mut serde_json::Map<String, Value>, key: &str, value: Value) {
    map.insert(key.to_owned(), value);
}

/// The list of call objects at the first of `paths` that holds an array
/// (or the value itself, when it is one).
pub(crate) fn items_at<'a>(value: &'a Value, paths: &[&str]) -> Result<&'a [Value], ApiError> {
    if let Some(items) = value.as_array() {
        return Ok(items);
    }
    let found = Obj::of(value).and_then(|o| paths.iter().find_map(|p| o.arr(p)));
    found.ok_or_else(|| {
        let names = paths.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>();
        let names = join_str(names.iter().map(String::as_str), " or ");
        ApiError::unreadable(format!("expected a list of calls under {names}"))
    })
}

/// The call object of a detail response: bare, or under one of `paths`.
pub(crate) fn detail_obj<'a>(value: &'a Value, paths: &[&str]) -> Result<Obj<'a>, ApiError> {
    let o = Obj::of(value).ok_or_else(|| ApiError::unreadable("expected a call object"))?;
    Ok(paths.iter().find_map(|p| o.obj(p)).unwrap_or(o))
}

/// Reads rows, skipping (and counting) those that cannot be read or that
/// repeat an id already on the page.
pub(crate) fn read_rows(
    items: &[Value],
    read: impl Fn(Obj<'_>) -> Option<Call>,
) -> (Vec<Call>, usize) {
    // The set type Leptos's DOM renderer keeps its event names in, so the
    // widget compiles one hash set, not two (and no SipHash); a page's ids
    // need no protection from crafted collisions.
    let mut seen: FxHashSet<Cow<'_, str>> =
        FxHashSet::with_capacity_and_hasher(items.len(), Default::default());
    let mut rows = Vec::with_capacity(items.len());
    let mut skipped = 0;
    for item in items {
        match Obj::of(item).and_then(&read) {
            Some(call) if seen.insert(Cow::Owned(call.id.clone())) => rows.push(call),
            _ => skipped += 1,
        }
    }
    (rows, skipped)
}

/// A page from rows read by `read_rows`, without a cursor.
pub(crate) fn page(
    (rows, skipped): (Vec<Call>, usize),
    total: Option<u64>,
    has_more: bool,
) -> Page {
    Page {
        rows,
        skipped,
        total,
        has_more,
        next_cursor: None,
    }
}

/// A non-negative count under `key` of a pagination object.
pub(crate) fn count(pagination: Option<Obj<'_>>, key: &str) -> Option<u64> {
    pagination
        .and_then(|p| p.i64(key))
        .and_then(|n| u64::try_from(n).ok())
}

/// The call a detail response describes, or why there is none.
pub(crate) fn detail_call(call: Option<Call>, id_key: &str) -> Result<Call, ApiError> {
    call.ok_or_else(|| ApiError::unreadable(format!("the call has no `{id_key}`")))
}

/// A safe URL under `key`.
pub(crate) fn url_at(o: Obj<'_>, key: &str) -> Option<String> {
    o.str(key).as_deref().and_then(safe_url)
}

/// A cost, if the amount is a sane number.
pub(crate) fn cost(amount: Option<f64>, unit: CostUnit) -> Option<Cost> {
    amount
        .filter(|a| *a >= 0.0 && *a < 1.0e9)
        .map(|amount| Cost { amount, unit })
}

/// "First Last" from name parts.
pub(crate) fn full_name(first: Option<String>, last: Option<String>) -> Option<String> {
    match (first, last) {
        (Some(f), Some(l)) => Some(format!("{f} {l}")),
        (f, l) => f.or(l),
    }
}

/// Text extra value.
pub(crate) fn text(v: Option<String>) -> Option<ExtraValue> {
    v.map(ExtraValue::Text)
}

/// Humanized text extra value (`new_quote` reads "New quote").
pub(crate) fn words(v: Option<String>) -> Option<ExtraValue> {
    v.map(|s| ExtraValue::Text(humanize(&s)))
}

/// Flag extra value.
pub(crate) fn flag(v: Option<bool>) -> Option<ExtraValue> {
    v.map(ExtraValue::Flag)
}

/// Link extra value (safe URLs only).
pub(crate) fn link(v: Option<String>) -> Option<ExtraValue> {
    v.as_deref().and_then(safe_url).map(ExtraValue::Link)
}

/// A scalar JSON value as an extra value.
fn scalar(value: &Value) -> Option<ExtraValue> {
    match value {
        Value::Bool(b) => Some(ExtraValue::Flag(*b)),
        Value::Number(_) => json::number(value).map(ExtraValue::Number),
        // Yes/no answers often arrive as text (Smallest's disposition
        // values are strings by its definition).
        Value::String(s) if s.trim().eq_ignore_ascii_case("true") => Some(ExtraValue::Flag(true)),
        Value::String(s) if s.trim().eq_ignore_ascii_case("false") => Some(ExtraValue::Flag(false)),
        Value::String(_) => json::text(value).map(ExtraValue::Text),
        _ => None,
    }
}

/// Adds each scalar field of a free-form object (custom analysis, metadata)
/// as an extra keyed `{prefix}.{field}`.
pub(crate) fn object_extras(call: &mut Call, prefix: &str, o: Option<Obj<'_>>) {
    let Some(o) = o else { return };
    for (field, value) in o.0.iter().take(MAX_OBJECT_EXTRAS) {
        if let Some(v) = scalar(value) {
            call.push_extra(&format!("{prefix}.{field}"), humanize(field), Some(v));
        }
    }
}

/// Adds `[{identifier|name|key, value}]` pairs (Smallest's disposition
/// metrics) as extras keyed `{prefix}.{identifier}`.
pub(crate) fn pair_extras(call: &mut Call, prefix: &str, items: Option<&[Value]>) {
    for item in items.unwrap_or_default().iter().take(MAX_OBJECT_EXTRAS) {
        let Some(o) = Obj::of(item) else { continue };
        let Some(name) = o.first_str(&["identifier", "name", "key", "label"]) else {
            continue;
        };
        if let Some(v) = o.get("value").and_then(scalar) {
            call.push_extra(&format!("{prefix}.{name}"), humanize(&name), Some(v));
        }
    }
}

fn latency_label(key: &str) -> Label {
    Label::Said(match key.to_ascii_lowercase().as_str() {
        "e2e" | "end_to_end" => words::LATENCY_END_TO_END,
        "llm" => return Label::Own("LLM".to_owned()),
        "tts" => words::LATENCY_TEXT_TO_SPEECH,
        "asr" | "stt" => words::LATENCY_SPEECH_RECOGNITION,
        "average_transcriber_latency" => words::LATENCY_TRANSCRIBER_AVG,
        "average_agent_latency" => words::LATENCY_AGENT_AVG,
        "average_synthesizer_latency" => words::LATENCY_SYNTHESIZER_AVG,
        other => return Label::Own(humanize(other)),
    })
}

/// One latency figure under a provider's key, labelled in words.
pub(crate) fn latency_figure(key: &str, ms: Option<f64>) -> Option<Figure> {
    figure(latency_label(key), None, ms)
}

fn figure(label: Label, percentile: Option<&'static str>, ms: Option<f64>) -> Option<Figure> {
    let ms = ms.filter(|v| (0.0..3.6e6).contains(v))?;
    Some(Figure {
        label,
        percentile,
        ms: ms.round() as i64,
    })
}

/// Latency figures from an object of numbers (`{llm: 120}`), of
/// percentile objects (`{e2e: {p50, p90, ...}}`), or a list of numbers
/// (per-turn latencies: their average). Values are milliseconds.
pub(crate) fn latency_figures(value: Option<&Value>, out: &mut Vec<Figure>) {
    match value {
        Some(Value::Object(map)) => {
            for (key, v) in map {
                let label = latency_label(key);
                match v {
                    Value::Object(_) => {
                        let Some(o) = Obj::of(v) else { continue };
                        for p in ["p50", "p90", "p99"] {
                            out.extend(figure(label.clone(), Some(p), o.f64(p)));
                        }
                    }
                    Value::Array(items) => out.extend(figure(label, None, average(items))),
                    other => out.extend(figure(label, None, json::number(other))),
                }
            }
        }
        Some(Value::Array(items)) => {
            out.extend(figure(words::LATENCY_TURN_AVG.into(), None, average(items)))
        }
        _ => {}
    }
}

fn average(items: &[Value]) -> Option<f64> {
    let numbers: Vec<f64> = items
        .iter()
        .filter_map(|v| json::number(v).or_else(|| Obj::of(v).and_then(|o| o.f64("latency"))))
        .collect();
    (!numbers.is_empty()).then(|| numbers.iter().sum::<f64>() / numbers.len() as f64)
}
