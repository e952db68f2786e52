//! Times and durations, normalized to integer milliseconds.
//!
//! Hand-written so that no date crate lands in the wasm bundle: ISO-8601 in the
//! shapes providers send, RFC 7231 HTTP dates (for `Retry-After`), epoch
//! seconds vs milliseconds, and durations in seconds, milliseconds or minutes.
//! Display formatting in the viewer's locale is the browser's `Intl` job; what
//! is here is only what requests and parsing need.

/// Milliseconds in a day.
const DAY_MS: i64 = 86_400_000;
/// The largest instant accepted: 9999-12-31T23:59:59.999Z.
const MAX_INSTANT_MS: i64 = 253_402_300_799_999;
/// Epoch numbers below this are seconds, at or above it milliseconds.
/// 1e11 seconds is the year 5138; 1e11 milliseconds is March 1973.
const SECONDS_MS_BOUNDARY: f64 = 1.0e11;
/// The longest duration accepted as real: 30 days. Longer values are unit
/// mistakes or garbage and read as missing.
const MAX_DURATION_MS: f64 = 30.0 * 86_400_000.0;

/// The unit a provider states a duration in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DurationUnit {
    /// Seconds, integer or fractional.
    Seconds,
    /// Milliseconds.
    Millis,
    /// Minutes, integer or fractional.
    Minutes,
}

/// A duration in `unit` as whole milliseconds; negative, non-finite or absurd
/// (over 30 days) values are `None`.
pub fn duration_ms(value: f64, unit: DurationUnit) -> Option<i64> {
    let factor = match unit {
        DurationUnit::Seconds => 1_000.0,
        DurationUnit::Millis => 1.0,
        DurationUnit::Minutes => 60_000.0,
    };
    let ms = value * factor;
    (ms.is_finite() && (0.0..=MAX_DURATION_MS).contains(&ms)).then(|| ms.round() as i64)
}

/// Epoch seconds or milliseconds (told apart by magnitude) as milliseconds.
pub fn instant_from_number(n: f64) -> Option<i64> {
    if !n.is_finite() || n <= 0.0 {
        return None;
    }
    let ms = if n < SECONDS_MS_BOUNDARY {
        n * 1_000.0
    } else {
        n
    };
    (ms <= MAX_INSTANT_MS as f64).then(|| ms.round() as i64)
}

/// A byte cursor for the hand-written parsers below.
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str) -> Self {
        Self {
            bytes: s.as_bytes(),
            pos: 0,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_any(&mut self, set: &[u8]) -> Option<u8> {
        let c = self.peek().filter(|c| set.contains(c))?;
        self.pos += 1;
        Some(c)
    }

    /// Exactly `n` ASCII digits as a number.
    fn digits(&mut self, n: usize) -> Option<u32> {
        let mut value: u32 = 0;
        for _ in 0..n {
            let c = self.peek().filter(u8::is_ascii_digit)?;
            value = value * 10 + u32::from(c - b'0');
            self.pos += 1;
        }
        Some(value)
    }

    /// One or more digits of a fraction, read as milliseconds.
    fn fraction_ms(&mut self) -> Option<u32> {
        let mut ms = 0;
        let mut count = 0;
        while let Some(c) = self.peek().filter(u8::is_ascii_digit) {
            if count < 3 {
                ms = ms * 10 + u32::from(c - b'0');
            }
            count += 1;
            self.pos += 1;
        }
        if count == 0 {
            return None;
        }
        for _ in count..3 {
            ms *= 10;
        }
        Some(ms)
    }

    fn done(&self) -> bool {
        self.pos >= self.bytes.len()
    }
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01 (inverse of the above).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn instant(year: i64, month: u32, day: u32, h: u32, m: u32, s: u32, ms: u32) -> Option<i64> {
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    // 24:00:00 is the end of the day; a leap second reads as :59.
    let valid_time = (h < 24 && m < 60 && s <= 60) || (h == 24 && m == 0 && s == 0 && ms == 0);
    if !valid_time {
        return None;
    }
    let secs = i64::from(h) * 3_600 + i64::from(m) * 60 + i64::from(s.min(59));
    let ms = days_from_civil(year, month, day) * DAY_MS + secs * 1_000 + i64::from(ms);
    (0..=MAX_INSTANT_MS).contains(&ms).then_some(ms)
}

/// Parses ISO-8601 / RFC 3339 as providers send it: `2024-01-15`,
/// `2024-01-15T10:30`, `2024-01-15T10:30:00`, `2024-01-15 10:30:00.123456`,
/// with `Z`, `+00:00`, `+0000`, `+00` or no zone (read as UTC).
pub fn parse_iso8601(s: &str) -> Option<i64> {
    let mut c = Cursor::new(s.trim());
    let year = i64::from(c.digits(4)?);
    if !c.eat(b'-') {
        return None;
    }
    let month = c.digits(2)?;
    if !c.eat(b'-') {
        return None;
    }
    let day = c.digits(2)?;
    if c.done() {
        return instant(year, month, day, 0, 0, 0, 0);
    }
    c.eat_any(b"Tt ")?;
    let hour = c.digits(2)?;
    if !c.eat(b':') {
        return None;
    }
    let minute = c.digits(2)?;
    let (mut second, mut ms) = (0, 0);
    if c.eat(b':') {
        second = c.digits(2)?;
        if c.eat_any(b".,").is_some() {
            ms = c.fraction_ms()?;
        }
    }
    let offset_min: i64 = if c.done() || c.eat_any(b"Zz").is_some() {
        0
    } else {
        let sign = match c.eat_any(b"+-")? {
            b'-' => -1,
            _ => 1,
        };
        let oh = i64::from(c.digits(2)?);
        let om = if c.done() {
            0
        } else {
            c.eat(b':');
            i64::from(c.digits(2)?)
        };
        if oh > 23 || om > 59 {
            return None;
        }
        sign * (oh * 60 + om)
    };
    if !c.done() {
        return None;
    }
    let local = instant(year, month, day, hour, minute, second, ms)?;
    let utc = local - offset_min * 60_000;
    (0..=MAX_INSTANT_MS).contains(&utc).then_some(utc)
}

/// Parses an RFC 7231 IMF-fixdate such as `Sun, 06 Nov 1994 08:49:37 GMT`.
pub fn parse_http_date(s: &str) -> Option<i64> {
    let rest = s.trim();
    let rest = rest.split_once(", ").map_or(rest, |(_, r)| r);
    let mut parts = rest.split_ascii_whitespace();
    let day: u32 = parts.next()?.parse().ok()?;
    let month = match parts.next()?.to_ascii_lowercase().as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    let year: i64 = parts.next()?.parse().ok()?;
    let mut hms = parts.next()?.split(':');
    let h: u32 = hms.next()?.parse().ok()?;
    let m: u32 = hms.next()?.parse().ok()?;
    let sec: u32 = hms.next()?.parse().ok()?;
    if hms.next().is_some() || !parts.next()?.eq_ignore_ascii_case("GMT") {
        return None;
    }
    instant(year, month, day, h, m, sec, 0)
}

/// Formats epoch milliseconds as `2024-01-15T10:30:00.000Z`.
pub fn format_iso8601(ms: i64) -> String {
    let days = ms.div_euclid(DAY_MS);
    let in_day = ms.rem_euclid(DAY_MS);
    let (y, mo, d) = civil_from_days(days);
    let (h, mi, s, milli) = (
        in_day / 3_600_000,
        in_day / 60_000 % 60,
        in_day / 1_000 % 60,
        in_day % 1_000,
    );
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{milli:03}Z")
}

/// Formats the calendar date of `ms` at a UTC offset as `YYYY-MM-DD`.
pub fn format_date(ms: i64, utc_offset_minutes: i32) -> String {
    let local = ms + i64::from(utc_offset_minutes) * 60_000;
    let (y, m, d) = civil_from_days(local.div_euclid(DAY_MS));
    format!("{y:04}-{m:02}-{d:02}")
}

/// The instant the calendar day that starts at `utc_midnight` (a
/// `YYYY-MM-DD` read by [`parse_iso8601`]) starts in a time zone, where
/// `offset_at(ms)` is the zone's UTC offset in minutes at instant `ms`.
///
/// Daylight saving is taken into account: a day may be 23 or 25 hours
/// long, so the start of the next day is this of the next date, never this
/// plus 24 hours. Where midnight happens twice the day starts at the first;
/// where the clocks skip it (zones that change at midnight) the day starts
/// when they jump.
pub fn zone_midnight(utc_midnight: i64, offset_at: impl Fn(i64) -> i32) -> i64 {
    let at = |offset: i32| utc_midnight - i64::from(offset) * 60_000;
    // The offsets in force around that day: before and after any change.
    let before = offset_at(utc_midnight - DAY_MS);
    let after = offset_at(utc_midnight + DAY_MS);
    let valid = |offset: i32| offset_at(at(offset)) == offset;
    match (valid(before), valid(after)) {
        (true, true) => at(before).min(at(after)),
        (true, false) => at(before),
        (false, true) => at(after),
        // Midnight was skipped: the day starts at the jump, which is
        // midnight read at the offset before it.
        (false, false) => at(before),
    }
}

/// The start of the day after the one starting at `utc_midnight`, in the
/// zone of `offset_at` (see [`zone_midnight`]).
pub fn zone_next_midnight(utc_midnight: i64, offset_at: impl Fn(i64) -> i32) -> i64 {
    zone_midnight(utc_midnight + DAY_MS, offset_at)
}

/// How far the offset of another season may be from the one in force at a
/// date (daylight saving moves the clocks by an hour almost everywhere).
const SEASON_SLACK_MS: i64 = 3_600_000;

/// The calendar date of the first day of a date range starting at
/// `start_ms`, for providers that filter by date, with the zone's offset
/// now: a local midnight read with another season's offset (an hour off)
/// still names its own day.
pub fn first_day(start_ms: i64, utc_offset_minutes: i32) -> String {
    format_date(start_ms + SEASON_SLACK_MS, utc_offset_minutes)
}

/// The calendar date of the last day of a date range ending (exclusive)
/// at `end_ms` (see [`first_day`]).
pub fn last_day(end_ms: i64, utc_offset_minutes: i32) -> String {
    format_date(end_ms - 1 - SEASON_SLACK_MS, utc_offset_minutes)
}

/// A UTC offset in minutes from the `GMT±hh:mm` that
/// `Intl.DateTimeFormat`'s `timeZoneName: "longOffset"` writes (`GMT`
/// alone is UTC). `None` for anything else.
pub fn parse_gmt_offset(s: &str) -> Option<i32> {
    let rest = &s[s.find("GMT")? + 3..];
    let rest = rest.trim_end();
    if rest.is_empty() {
        return Some(0);
    }
    let (sign, hm) = if let Some(r) = rest.strip_prefix('+') {
        (1, r)
    } else if let Some(r) = rest
        .strip_prefix('-')
        .or_else(|| rest.strip_prefix('\u{2212}'))
    {
        (-1, r)
    } else {
        return None;
    };
    let (h, m) = hm.split_once(':').unwrap_or((hm, "0"));
    let (h, m) = (h.parse::<i32>().ok()?, m.parse::<i32>().ok()?);
    ((0..=18).contains(&h) && (0..60).contains(&m)).then_some(sign * (h * 60 + m))
}

/// Formats a duration as `m:ss`, or `h:mm:ss` from an hour on (rounded down
/// to whole seconds). Negative input reads as zero.
pub fn format_duration(ms: i64) -> String {
    let total = ms.max(0) / 1_000;
    let (h, m, s) = (total / 3_600, total / 60 % 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    /// America/New_York in 2026: EST (-5 h) until 2026-03-08 07:00 UTC
    /// (2:00 local), EDT (-4 h) until 2026-11-01 06:00 UTC.
    fn new_york(ms: i64) -> i32 {
        let spring = parse_iso8601("2026-03-08T07:00:00Z").unwrap_or_default();
        let autumn = parse_iso8601("2026-11-01T06:00:00Z").unwrap_or_default();
        if (spring..autumn).contains(&ms) {
            -240
        } else {
            -300
        }
    }

    /// America/Santiago's spring change in 2026: at 24:00 on 2026-09-05
    /// (-4 h) the clocks jump to 01:00 on 2026-09-06 (-3 h).
    fn santiago(ms: i64) -> i32 {
        let jump = parse_iso8601("2026-09-06T04:00:00Z").unwrap_or_default();
        if ms < jump {
            -240
        } else {
            -180
        }
    }

    fn iso(ms: i64) -> String {
        format_iso8601(ms)
    }

    fn day(s: &str) -> i64 {
        parse_iso8601(s).unwrap_or_default()
    }

    #[test]
    fn zone_midnights_follow_daylight_saving() {
        // The day of the spring change is 23 hours long.
        let start = zone_midnight(day("2026-03-08"), new_york);
        let end = zone_next_midnight(day("2026-03-08"), new_york);
        assert_eq!(iso(start), "2026-03-08T05:00:00.000Z");
        assert_eq!(iso(end), "2026-03-09T04:00:00.000Z");
        assert_eq!(end - start, 23 * 3_600_000);
        // The day after starts at midnight EDT, not an hour late.
        assert_eq!(
            iso(zone_midnight(day("2026-03-09"), new_york)),
            "2026-03-09T04:00:00.000Z"
        );
        // The day of the autumn change is 25 hours long.
        let start = zone_midnight(day("2026-11-01"), new_york);
        let end = zone_next_midnight(day("2026-11-01"), new_york);
        assert_eq!(iso(start), "2026-11-01T04:00:00.000Z");
        assert_eq!(end - start, 25 * 3_600_000);
        // A fixed zone is a fixed offset.
        assert_eq!(
            iso(zone_midnight(day("2026-06-01"), |_| 330)),
            "2026-05-31T18:30:00.000Z"
        );
        assert_eq!(
            iso(zone_midnight(day("2026-06-01"), |_| 0)),
            "2026-06-01T00:00:00.000Z"
        );
    }

    #[test]
    fn a_skipped_midnight_starts_the_day_at_the_jump() {
        let start = zone_midnight(day("2026-09-06"), santiago);
        assert_eq!(iso(start), "2026-09-06T04:00:00.000Z");
        assert_eq!(santiago(start), -180);
        assert_eq!(zone_next_midnight(day("2026-09-05"), santiago), start);
        // The day before is an ordinary one at -4 h.
        assert_eq!(
            iso(zone_midnight(day("2026-09-05"), santiago)),
            "2026-09-05T04:00:00.000Z"
        );
    }

    #[test]
    fn range_days_survive_an_offset_from_another_season() {
        // "2026-03-09" to "2026-03-09" in New York, named with the winter
        // offset (as one taken in January would be): still that day.
        let start = zone_midnight(day("2026-03-09"), new_york);
        let end = zone_next_midnight(day("2026-03-09"), new_york);
        assert_eq!(
            format_date(start, -300),
            "2026-03-08",
            "the old reading was a day off"
        );
        assert_eq!(first_day(start, -300), "2026-03-09");
        assert_eq!(last_day(end, -300), "2026-03-09");
        assert_eq!(first_day(start, -240), "2026-03-09");
        assert_eq!(last_day(end, -240), "2026-03-09");
    }

    #[test]
    fn gmt_offsets_are_read() {
        assert_eq!(parse_gmt_offset("3 PM GMT-04:00"), Some(-240));
        assert_eq!(parse_gmt_offset("GMT+05:30"), Some(330));
        assert_eq!(parse_gmt_offset("GMT+14:00"), Some(840));
        assert_eq!(parse_gmt_offset("12 AM GMT"), Some(0));
        assert_eq!(parse_gmt_offset("GMT\u{2212}03:00"), Some(-180));
        assert_eq!(parse_gmt_offset("GMT-3"), Some(-180));
        assert_eq!(parse_gmt_offset("UTC"), None);
        assert_eq!(parse_gmt_offset("GMT+25:00"), None);
        assert_eq!(parse_gmt_offset("GMT+xx"), None);
    }

    use super::*;

    #[test]
    fn iso_shapes() {
        let base = 1_705_314_600_000; // 2024-01-15T10:30:00Z
        assert_eq!(parse_iso8601("2024-01-15T10:30:00.000Z"), Some(base));
        assert_eq!(parse_iso8601("2024-01-15T10:30:00Z"), Some(base));
        assert_eq!(parse_iso8601("2024-01-15T10:30:00+00:00"), Some(base));
        assert_eq!(parse_iso8601("2024-01-15T12:30:00+02:00"), Some(base));
        assert_eq!(parse_iso8601("2024-01-15T05:30:00-0500"), Some(base));
        assert_eq!(parse_iso8601("2024-01-15T11:30:00+01"), Some(base));
        assert_eq!(parse_iso8601("2024-01-15 10:30:00"), Some(base));
        assert_eq!(parse_iso8601("2024-01-15T10:30"), Some(base));
        assert_eq!(parse_iso8601("2024-01-15t10:30:00z"), Some(base));
        assert_eq!(
            parse_iso8601("2024-01-15T10:30:00.123456Z"),
            Some(base + 123)
        );
        assert_eq!(parse_iso8601("2024-01-15T10:30:00.5Z"), Some(base + 500));
        assert_eq!(parse_iso8601("2024-01-15"), Some(1_705_276_800_000));
        assert_eq!(parse_iso8601("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_iso8601("2024-02-29T00:00:00Z"),
            Some(1_709_164_800_000)
        );
    }

    #[test]
    fn iso_rejects_garbage() {
        for bad in [
            "",
            "2024",
            "2024-13-01",
            "2023-02-29",
            "2024-01-32T00:00:00Z",
            "2024-01-15T25:00:00Z",
            "2024-01-15T10:61:00Z",
            "2024-01-15T10:30:00Zjunk",
            "2024-01-15T10:30:00+25:00",
            "15/01/2024",
            "2024-01-15T10:30:00.Z",
            "١٢٣٤-01-01",
        ] {
            assert_eq!(parse_iso8601(bad), None, "{bad}");
        }
    }

    #[test]
    fn epoch_seconds_and_millis() {
        assert_eq!(
            instant_from_number(1_703_097_600.0),
            Some(1_703_097_600_000)
        );
        assert_eq!(
            instant_from_number(1_703_097_600_000.0),
            Some(1_703_097_600_000)
        );
        assert_eq!(
            instant_from_number(1_703_097_600.5),
            Some(1_703_097_600_500)
        );
        assert_eq!(instant_from_number(0.0), None);
        assert_eq!(instant_from_number(-5.0), None);
        assert_eq!(instant_from_number(1e20), None);
    }

    #[test]
    fn durations_in_units() {
        assert_eq!(duration_ms(245.0, DurationUnit::Seconds), Some(245_000));
        assert_eq!(duration_ms(12.3456, DurationUnit::Seconds), Some(12_346));
        assert_eq!(duration_ms(600_000.0, DurationUnit::Millis), Some(600_000));
        assert_eq!(duration_ms(1.5, DurationUnit::Minutes), Some(90_000));
        assert_eq!(duration_ms(-1.0, DurationUnit::Seconds), None);
        assert_eq!(duration_ms(f64::NAN, DurationUnit::Seconds), None);
        assert_eq!(duration_ms(1e12, DurationUnit::Seconds), None);
    }

    #[test]
    fn http_dates() {
        assert_eq!(
            parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784_111_777_000)
        );
        assert_eq!(
            parse_http_date("06 Nov 1994 08:49:37 GMT"),
            Some(784_111_777_000)
        );
        assert_eq!(parse_http_date("Sun, 06 Foo 1994 08:49:37 GMT"), None);
        assert_eq!(parse_http_date("120"), None);
    }

    #[test]
    fn formatting_round_trips() {
        assert_eq!(
            format_iso8601(1_705_314_600_000),
            "2024-01-15T10:30:00.000Z"
        );
        assert_eq!(format_iso8601(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(format_date(1_705_314_600_000, 0), "2024-01-15");
        assert_eq!(format_date(1_705_276_800_000, -60), "2024-01-14");
        assert_eq!(format_date(1_705_276_800_000 - 1, 60), "2024-01-15");
        for ms in [0, 1, 951_782_400_000, 1_709_164_800_123, MAX_INSTANT_MS] {
            assert_eq!(parse_iso8601(&format_iso8601(ms)), Some(ms));
        }
    }

    #[test]
    fn durations_display() {
        assert_eq!(format_duration(0), "0:00");
        assert_eq!(format_duration(245_000), "4:05");
        assert_eq!(format_duration(59_999), "0:59");
        assert_eq!(format_duration(3_600_000), "1:00:00");
        assert_eq!(format_duration(2_412_000), "40:12");
        assert_eq!(format_duration(-5), "0:00");
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn iso_round_trip(ms in 0i64..=MAX_INSTANT_MS) {
            proptest::prop_assert_eq!(parse_iso8601(&format_iso8601(ms)), Some(ms));
        }

        #[test]
        fn iso_never_panics(s in "\\PC{0,40}") {
            let _ = parse_iso8601(&s);
            let _ = parse_http_date(&s);
        }
    }
}
