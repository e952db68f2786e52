//! Decimal numbers to and from text without the standard library's float
//! formatting and parsing: those bring about 50 KB of code and power-of-ten
//! tables into the wasm bundle, for numbers that here are durations,
//! speeds, counts and amounts with a few decimals.

/// `x` with at most `max_fraction` decimals (rounded half away from zero),
/// trailing zeros dropped: `1.5`, `0.75`, `2`, `-0.1`. Non-finite numbers
/// and magnitudes beyond 1e15 print as integers (`inf`/`NaN` as `0`).
pub fn format(x: f64, max_fraction: u32) -> String {
    let digits = max_fraction.min(9);
    let scale = 10_i64.pow(digits);
    if !x.is_finite() {
        return "0".to_owned();
    }
    if x.abs() >= 1e15 {
        return (x.round() as i64).to_string();
    }
    let scaled = (x * scale as f64).round() as i64;
    let negative = scaled < 0;
    let magnitude = scaled.unsigned_abs();
    let scale = scale.unsigned_abs();
    let whole = magnitude / scale;
    let mut fraction = magnitude % scale;
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&whole.to_string());
    if fraction > 0 {
        let mut width = digits as usize;
        while fraction % 10 == 0 {
            fraction /= 10;
            width -= 1;
        }
        let text = fraction.to_string();
        out.push('.');
        out.extend(std::iter::repeat_n('0', width.saturating_sub(text.len())));
        out.push_str(&text);
    }
    out
}

/// A plain decimal (`12`, `-3.25`, `.5`, `1e3`, `+7`) as a number; `None`
/// for anything else (empty, `inf`, `NaN`, hex, stray characters). Reads
/// through serde_json's number parser, which the bundle has anyway.
pub fn parse(text: &str) -> Option<f64> {
    let t = text.trim();
    let t = t.strip_prefix('+').unwrap_or(t);
    let (sign, digits) = match t.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", t),
    };
    // JSON wants a digit before and after the point.
    let mut json = String::with_capacity(digits.len() + 3);
    json.push_str(sign);
    if digits.starts_with('.') {
        json.push('0');
    }
    json.push_str(digits);
    if digits.ends_with('.') {
        json.push('0');
    }
    if !digits.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return None;
    }
    // As a `Value`: deserializing an `f64` directly would bring serde's
    // "invalid type" messages, and with them float formatting, into the
    // bundle.
    serde_json::from_str::<serde_json::Value>(&json)
        .ok()?
        .as_f64()
        .filter(|x| x.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_the_standard_library_for_short_decimals() {
        for (x, n, want) in [
            (1.5, 1, "1.5"),
            (20.0, 1, "20"),
            (0.75, 2, "0.75"),
            (1.25, 2, "1.25"),
            (2.0, 2, "2"),
            (-0.1, 3, "-0.1"),
            (0.05, 1, "0.1"),
            (1234.5678, 3, "1234.568"),
            (0.001, 3, "0.001"),
            (0.0004, 3, "0"),
            (-0.0004, 3, "0"),
            (12.0, 0, "12"),
            (1e16, 2, "10000000000000000"),
            (f64::NAN, 2, "0"),
        ] {
            assert_eq!(format(x, n), want, "{x} to {n} places");
        }
        for ms in [0_i64, 1, 999, 1_000, 61_234, 3_600_000, 86_399_999] {
            let s = ms as f64 / 1_000.0;
            assert_eq!(format(s, 3).parse::<f64>().ok(), Some(s), "{ms} ms");
        }
    }

    #[test]
    fn parses_plain_decimals_only() {
        for (text, want) in [
            ("12", Some(12.0)),
            (" -3.25 ", Some(-3.25)),
            (".5", Some(0.5)),
            ("5.", Some(5.0)),
            ("+7", Some(7.0)),
            ("1e3", Some(1000.0)),
            ("0.1", Some(0.1)),
            ("", None),
            ("-", None),
            ("abc", None),
            ("1.2.3", None),
            ("inf", None),
            ("NaN", None),
            ("0x10", None),
            ("1e999", None),
            ("--1", None),
        ] {
            assert_eq!(parse(text), want, "{text:?}");
        }
        for text in ["0.3", "123.456", "1e-7", "98765.4321"] {
            assert_eq!(parse(text), text.parse::<f64>().ok(), "{text}");
        }
    }
}
