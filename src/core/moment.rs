//! Moments of a call: a position an embedding asks for (`at`), and the
//! link to a moment a reviewer copies for a teammate (`moment-url`).

use crate::core::request::encode_component;
use crate::core::url::safe_url;

/// A position in a call from the `at` option: whole milliseconds
/// (`95000`), `m:ss` (`1:35`) or `h:mm:ss` (`1:01:35`). `None` for
/// anything else (negative, fractional, out-of-range minutes or seconds).
pub fn parse_position(s: &str) -> Option<i64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let number = |part: &str| -> Option<i64> {
        (!part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<i64>().ok())
            .flatten()
    };
    let parts: Vec<&str> = s.split(':').collect();
    let seconds = match parts.as_slice() {
        [ms] => return number(ms),
        [m, s] => {
            let (m, s) = (number(m)?, number(s)?);
            (s < 60).then_some(m * 60 + s)?
        }
        [h, m, s] => {
            let (h, m, s) = (number(h)?, number(m)?, number(s)?);
            (m < 60 && s < 60).then_some(h * 3_600 + m * 60 + s)?
        }
        _ => return None,
    };
    seconds.checked_mul(1_000)
}

/// The link to call `id` at `position_ms` from the embedding's
/// `moment-url` template: `{id}` becomes the call id (percent-encoded),
/// `{seconds}` the whole seconds and `{ms}` the milliseconds. `None` when
/// the result is not an `http:`/`https:` (or relative) URL.
pub fn moment_url(template: &str, id: &str, position_ms: i64) -> Option<String> {
    let position_ms = position_ms.max(0);
    let url = template
        .replace("{id}", &encode_component(id))
        .replace("{seconds}", &(position_ms / 1_000).to_string())
        .replace("{ms}", &position_ms.to_string());
    safe_url(&url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_read_as_ms_or_clock_time() {
        assert_eq!(parse_position("95000"), Some(95_000));
        assert_eq!(parse_position(" 1:35 "), Some(95_000));
        assert_eq!(parse_position("0:07"), Some(7_000));
        assert_eq!(parse_position("12:00"), Some(720_000));
        assert_eq!(parse_position("1:01:35"), Some(3_695_000));
        assert_eq!(parse_position("0"), Some(0));
        for bad in [
            "",
            "-5",
            "1.5",
            "1:75",
            "1:60:00",
            "a:10",
            "1:",
            ":30",
            "1:2:3:4",
            "99999999999999999999",
        ] {
            assert_eq!(parse_position(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn moment_links_fill_the_template() {
        assert_eq!(
            moment_url(
                "https://crm.example.com/calls/{id}?t={seconds}",
                "call 7/ä",
                95_400
            )
            .as_deref(),
            Some("https://crm.example.com/calls/call%207%2F%C3%A4?t=95")
        );
        assert_eq!(
            moment_url("/calls/{id}#ms={ms}", "c1", 1_234).as_deref(),
            Some("/calls/c1#ms=1234")
        );
        assert_eq!(
            moment_url("https://x.example/{id}?t={seconds}", "c1", -5).as_deref(),
            Some("https://x.example/c1?t=0")
        );
        assert_eq!(moment_url("javascript:alert('{id}')", "c1", 0), None);
        assert_eq!(moment_url("data:text/html,{id}", "c1", 0), None);
    }
}
