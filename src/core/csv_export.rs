//! The call list as CSV (RFC 4180, UTF-8 with a byte-order mark so
//! spreadsheet programs read names with accents right): one row a call,
//! times in the widget's time zone with their offset, numbers unformatted.
//! A cell that a spreadsheet would run as a formula is quoted as text.

use std::borrow::Cow;

use crate::core::decimal;
use crate::core::model::{Call, CostUnit};
use crate::core::time::format_iso8601;
use crate::core::words::{self, Msg, Words};

/// The header row, in the viewer's language (a spreadsheet's column
/// titles); the cells below are the same in every language but the
/// outcome, which is words.
pub const HEADER: [Msg; 18] = [
    words::CSV_ID,
    words::CSV_PROVIDER,
    words::CSV_STARTED_AT,
    words::CSV_DIRECTION,
    words::CSV_STATUS,
    words::CSV_CUSTOMER_NAME,
    words::CSV_CUSTOMER_NUMBER,
    words::CSV_AGENT,
    words::CSV_AGENT_NUMBER,
    words::CSV_CAMPAIGN,
    words::CSV_DURATION_SECONDS,
    words::CSV_OUTCOME,
    words::CSV_SUCCESSFUL,
    words::CSV_SENTIMENT,
    words::CSV_END_REASON,
    words::CSV_COST,
    words::CSV_COST_UNIT,
    words::CSV_SUMMARY,
];

/// `calls` as CSV in `w`, with times at the offset `offset_at(ms)` gives
/// (minutes east of UTC at that instant).
pub fn csv(calls: &[Call], w: Words, offset_at: impl Fn(i64) -> i32) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, HEADER.iter().map(|h| Cow::Borrowed(w.text(*h))));
    for call in calls {
        push_row(&mut out, row(call, w, &offset_at).into_iter());
    }
    out
}

fn row(call: &Call, w: Words, offset_at: &impl Fn(i64) -> i32) -> Vec<Cow<'static, str>> {
    let text = |v: &Option<String>| Cow::Owned(v.clone().unwrap_or_default());
    let (cost, unit) = match &call.cost {
        Some(c) => (
            decimal::format(c.amount, 6),
            match c.unit {
                CostUnit::Usd => "USD",
                CostUnit::Credits => "credits",
            },
        ),
        None => (String::new(), ""),
    };
    vec![
        Cow::Owned(call.id.clone()),
        Cow::Borrowed(call.provider.id()),
        Cow::Owned(
            call.time()
                .map(|t| local_iso(t, offset_at(t)))
                .unwrap_or_default(),
        ),
        Cow::Borrowed(call.direction.id()),
        Cow::Borrowed(call.status.id()),
        text(&call.customer_name),
        text(&call.customer_number),
        text(&call.agent_name.clone().or_else(|| call.agent_id.clone())),
        text(&call.agent_number),
        text(
            &call
                .campaign_name
                .clone()
                .or_else(|| call.campaign_id.clone()),
        ),
        Cow::Owned(
            call.duration()
                .map(|ms| decimal::format(ms as f64 / 1_000.0, 3))
                .unwrap_or_default(),
        ),
        text(&call.outcome(w)),
        Cow::Borrowed(match call.successful {
            Some(true) => "true",
            Some(false) => "false",
            None => "",
        }),
        text(&call.sentiment),
        text(&call.end_reason),
        Cow::Owned(cost),
        Cow::Borrowed(unit),
        text(&call.summary),
    ]
}

/// `2026-11-20T15:37:00-05:00`: the instant `ms` at `offset_minutes`.
pub fn local_iso(ms: i64, offset_minutes: i32) -> String {
    let local = format_iso8601(ms + i64::from(offset_minutes) * 60_000);
    // `YYYY-MM-DDTHH:MM:SS.mmmZ` read at the offset, then the offset.
    let clock = local.get(..19).unwrap_or(&local);
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let off = offset_minutes.unsigned_abs();
    format!("{clock}{sign}{:02}:{:02}", off / 60, off % 60)
}

fn push_row<'a>(out: &mut String, cells: impl Iterator<Item = Cow<'a, str>>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell_text(&cell));
    }
    out.push_str("\r\n");
}

/// One cell: quoted when it holds a comma, quote or line break; a leading
/// `=`, `@`, tab or carriage return (and `+` or `-` before anything but a
/// number) gets a `'` so a spreadsheet shows it instead of running it.
fn cell_text(s: &str) -> Cow<'_, str> {
    let formula = match s.chars().next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !s
            .chars()
            .skip(1)
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '(' | ')' | '-' | '.')),
        _ => false,
    };
    let s: Cow<'_, str> = if formula {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    };
    if s.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Cost;
    use crate::core::time::parse_iso8601;
    use crate::core::{CallStatus, Direction, Provider};

    fn call() -> Call {
        let mut c = Call::new(Provider::Retell, "call_1".into());
        c.started_at = parse_iso8601("2026-03-09T14:05:30Z");
        c.duration_ms = Some(111_500);
        c.direction = Direction::Outbound;
        c.status = CallStatus::Completed;
        c.customer_name = Some("Hannah Müller".into());
        c.customer_number = Some("+14155550100".into());
        c.agent_name = Some("Ava, Renewals".into());
        c.successful = Some(true);
        c.summary = Some("Said \"call me\"\nnext week".into());
        c.cost = Some(Cost {
            amount: 0.1234,
            unit: CostUnit::Usd,
        });
        c
    }

    #[test]
    fn calls_become_rows_with_local_times_and_plain_numbers() {
        // New York in March after the change: -4 h.
        let out = csv(&[call()], Words::ENGLISH, |_| -240);
        let mut lines = out.split("\r\n");
        assert_eq!(
            lines.next(),
            Some(
                "\u{feff}Call ID,Provider,Started at,Direction,Status,Customer name,Customer number,\
                 Agent,Agent number,Campaign,Duration (seconds),Outcome,Successful,Sentiment,\
                 End reason,Cost,Cost unit,Summary"
            )
        );
        assert_eq!(
            lines.next(),
            Some(
                "call_1,retell,2026-03-09T10:05:30-04:00,outbound,completed,Hannah Müller,\
                 +14155550100,\"Ava, Renewals\",,,111.5,Successful,true,,,0.1234,USD,\"Said \"\"call me\"\"\nnext week\""
            )
        );
        assert_eq!(lines.next(), Some(""));
        assert_eq!(lines.next(), None);
    }

    #[test]
    fn offsets_are_written_with_their_sign() {
        assert_eq!(local_iso(0, 330), "1970-01-01T05:30:00+05:30");
        assert_eq!(local_iso(0, 0), "1970-01-01T00:00:00+00:00");
        assert_eq!(local_iso(0, -150), "1969-12-31T21:30:00-02:30");
    }

    #[test]
    fn formulas_are_shown_not_run() {
        assert_eq!(cell_text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell_text("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
        assert_eq!(cell_text("-2+3"), "'-2+3");
        assert_eq!(cell_text("+1 (415) 555-0100"), "+1 (415) 555-0100");
        assert_eq!(cell_text("-12.5"), "-12.5");
        assert_eq!(cell_text("plain"), "plain");
    }
}
