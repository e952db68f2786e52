//! Tolerant reading of provider JSON.
//!
//! Every provider rule that is about *reading* lives here once: unknown
//! fields are ignored, `null` is the same as missing, empty strings are
//! missing, numbers may arrive as strings, booleans as strings or
//! 0/1. Nothing here panics on any input.

use super::words::{self, Msg};
use std::borrow::Cow;

use serde_json::{Map, Value};

use super::time::{self, DurationUnit};

/// A JSON object read tolerantly.
#[derive(Clone, Copy, Debug)]
pub struct Obj<'a>(pub &'a Map<String, Value>);

impl<'a> Obj<'a> {
    /// The object behind `value`, if it is one.
    pub fn of(value: &'a Value) -> Option<Self> {
        value.as_object().map(Obj)
    }

    /// The value under `key`; `null` counts as missing.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.0.get(key).filter(|v| !v.is_null())
    }

    /// The value under a dotted path such as `"call_analysis.call_summary"`.
    pub fn path(&self, path: &str) -> Option<&'a Value> {
        if !path.contains('.') {
            return self.get(path);
        }
        let mut parts = path.split('.');
        let first = parts.next()?;
        let mut current = self.get(first)?;
        for part in parts {
            current = current.as_object()?.get(part).filter(|v| !v.is_null())?;
        }
        Some(current)
    }

    /// The nested object under `key`.
    pub fn obj(&self, key: &str) -> Option<Obj<'a>> {
        self.path(key).and_then(Obj::of)
    }

    /// The array under `key`.
    pub fn arr(&self, key: &str) -> Option<&'a [Value]> {
        self.path(key).and_then(|v| v.as_array()).map(Vec::as_slice)
    }

    /// Text under `key` (strings trimmed, numbers and booleans written out).
    pub fn str(&self, key: &str) -> Option<String> {
        self.path(key).and_then(text)
    }

    /// Text under the first of `keys` that has some.
    pub fn first_str(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.str(k))
    }

    /// Text under the first of `keys` that has some, borrowed where it is
    /// a string (as [`Obj::first_str`] reads it, without a copy).
    pub fn first_text(&self, keys: &[&str]) -> Option<Cow<'a, str>> {
        keys.iter().find_map(|k| self.path(k).and_then(text_of))
    }

    /// A finite number under `key`.
    pub fn f64(&self, key: &str) -> Option<f64> {
        self.path(key).and_then(number)
    }

    /// A whole number under `key` (rounded).
    pub fn i64(&self, key: &str) -> Option<i64> {
        self.path(key).and_then(integer)
    }

    /// A boolean under `key`.
    pub fn bool(&self, key: &str) -> Option<bool> {
        self.path(key).and_then(boolean)
    }

    /// An instant under `key`, as epoch milliseconds.
    pub fn instant(&self, key: &str) -> Option<i64> {
        self.path(key).and_then(instant_from_json)
    }

    /// An instant under the first of `keys` that has one.
    pub fn first_instant(&self, keys: &[&str]) -> Option<i64> {
        keys.iter().find_map(|k| self.instant(k))
    }

    /// A duration under `key` in `unit`, as milliseconds.
    pub fn duration(&self, key: &str, unit: DurationUnit) -> Option<i64> {
        self.f64(key).and_then(|n| time::duration_ms(n, unit))
    }
}

/// `value` as compact JSON text. Written through `serde_json::to_string`
/// (`to_string_pretty` for the indented form), never `Value`'s `Display`
/// (`value.to_string()`, `format!("{value}")`, `{value:#}`): that one
/// writes through `std::io::Write`, which brings std's I/O error type and
/// the Unicode tables of its `Debug` output into the bundle (about 1 KB
/// gzip).
pub fn to_text(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Text of a scalar: strings trimmed (empty means missing), numbers and
/// booleans written out.
pub fn text(value: &Value) -> Option<String> {
    text_of(value).map(Cow::into_owned)
}

/// [`text`], borrowed where the value is a string.
fn text_of(value: &Value) -> Option<Cow<'_, str>> {
    match value {
        Value::String(s) => {
            let t = s.trim();
            (!t.is_empty()).then_some(Cow::Borrowed(t))
        }
        Value::Number(n) => Some(Cow::Owned(match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.to_string(),
            (_, Some(u), _) => u.to_string(),
            (_, _, f) => super::decimal::format(f.unwrap_or_default(), 6),
        })),
        Value::Bool(b) => Some(Cow::Owned(b.to_string())),
        _ => None,
    }
}

/// A finite number from a JSON number or a numeric string.
pub fn number(value: &Value) -> Option<f64> {
    let n = match value {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => super::decimal::parse(s)?,
        _ => return None,
    };
    n.is_finite().then_some(n)
}

/// A whole number (rounded) from a JSON number or a numeric string.
pub fn integer(value: &Value) -> Option<i64> {
    if let Value::Number(n) = value {
        if let Some(i) = n.as_i64() {
            return Some(i);
        }
    }
    let n = number(value)?;
    // Outside this range the value is no meaningful integer.
    (n.abs() < 9.0e18).then(|| n.round() as i64)
}

/// A boolean from `true`/`false`, `"true"`/`"yes"`/`"1"` and friends, or 0/1.
pub fn boolean(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => match n.as_f64() {
            Some(0.0) => Some(false),
            Some(1.0) => Some(true),
            _ => None,
        },
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "y" | "1" | "pass" | "passed" | "success" | "successful" => Some(true),
            "false" | "no" | "n" | "0" | "fail" | "failed" | "unsuccessful" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// Parses a response body as JSON, saying what was wrong when it is not
/// (in words a CRM user can act on; serde's own message, with its
/// line and column, is not one of them).
pub fn parse_body(body: &str) -> Result<Value, Msg> {
    let trimmed = body.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(words::RESPONSE_EMPTY);
    }
    serde_json::from_str(trimmed).map_err(|e| {
        if trimmed.starts_with('<') {
            words::RESPONSE_HTML
        } else if e.is_eof() {
            words::RESPONSE_CUT_OFF
        } else {
            words::RESPONSE_NOT_JSON
        }
    })
}

/// An instant from a JSON value: an ISO-8601 string, or epoch seconds or
/// milliseconds as a number or numeric string. Zero, negative and
/// out-of-range values are `None` (zero is a common "unset" marker).
fn instant_from_json(value: &Value) -> Option<i64> {
    match value {
        Value::String(s) => {
            let t = s.trim();
            time::parse_iso8601(t)
                .or_else(|| super::decimal::parse(t).and_then(time::instant_from_number))
        }
        Value::Number(_) => number(value).and_then(time::instant_from_number),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn instants_from_strings_and_numbers() {
        assert_eq!(
            instant_from_json(&json!("1703097600000")),
            Some(1_703_097_600_000)
        );
        assert_eq!(
            instant_from_json(&json!("1703097600")),
            Some(1_703_097_600_000)
        );
        assert_eq!(
            instant_from_json(&json!("2023-12-20T18:40:00Z")),
            Some(1_703_097_600_000)
        );
        assert_eq!(
            instant_from_json(&json!(1_703_097_600)),
            Some(1_703_097_600_000)
        );
        assert_eq!(instant_from_json(&json!(true)), None);
        assert_eq!(instant_from_json(&json!("soon")), None);
    }

    #[test]
    fn null_and_empty_are_missing() {
        let v = json!({"a": null, "b": "", "c": "  ", "d": " x "});
        let o = Obj::of(&v).unwrap();
        assert_eq!(o.str("a"), None);
        assert_eq!(o.str("b"), None);
        assert_eq!(o.str("c"), None);
        assert_eq!(o.str("d").as_deref(), Some("x"));
        assert_eq!(o.str("missing"), None);
    }

    #[test]
    fn numbers_may_be_strings() {
        let v = json!({"a": "12.5", "b": 3, "c": "abc", "d": "NaN", "e": "inf", "f": 2.6});
        let o = Obj::of(&v).unwrap();
        assert_eq!(o.f64("a"), Some(12.5));
        assert_eq!(o.i64("a"), Some(13));
        assert_eq!(o.i64("b"), Some(3));
        assert_eq!(o.f64("c"), None);
        assert_eq!(o.f64("d"), None);
        assert_eq!(o.f64("e"), None);
        assert_eq!(o.i64("f"), Some(3));
        assert_eq!(o.str("b").as_deref(), Some("3"));
    }

    #[test]
    fn booleans_are_read_loosely() {
        let v = json!({"a": "true", "b": 0, "c": "No", "d": 2, "e": "maybe", "f": true});
        let o = Obj::of(&v).unwrap();
        assert_eq!(o.bool("a"), Some(true));
        assert_eq!(o.bool("b"), Some(false));
        assert_eq!(o.bool("c"), Some(false));
        assert_eq!(o.bool("d"), None);
        assert_eq!(o.bool("e"), None);
        assert_eq!(o.bool("f"), Some(true));
    }

    #[test]
    fn first_text_reads_as_first_str_borrowing_strings() {
        let v = json!({"a": null, "b": "  ", "c": " said ", "n": 7, "t": true});
        let o = Obj::of(&v).unwrap();
        for keys in [&["a", "b", "c"][..], &["n", "c"], &["t"], &["a", "b"], &[]] {
            assert_eq!(
                o.first_text(keys).map(String::from),
                o.first_str(keys),
                "{keys:?}"
            );
        }
        assert!(matches!(
            o.first_text(&["b", "c"]),
            Some(Cow::Borrowed("said"))
        ));
    }

    #[test]
    fn dotted_paths_walk_objects() {
        let v = json!({"a": {"b": {"c": "deep"}}, "x": [1]});
        let o = Obj::of(&v).unwrap();
        assert_eq!(o.str("a.b.c").as_deref(), Some("deep"));
        assert_eq!(o.str("a.x.c"), None);
        assert_eq!(o.str("x.0"), None);
        assert!(o.obj("a.b").is_some());
    }

    #[test]
    fn bodies_say_what_is_wrong() {
        let said = |body| parse_body(body).map_err(Msg::en).unwrap_err();
        assert!(said("").contains("empty"));
        assert!(said("<html>").contains("HTML"));
        assert!(said("{\"data\": [").contains("cut off"));
        assert!(said("nope").contains("not valid JSON"));
        assert_eq!(parse_body("\u{feff} [1] ").unwrap(), json!([1]));
    }
}
