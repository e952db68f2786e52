//! Recording-player math: speeds, skips and keyboard seeking, clamped to
//! the recording.

/// Playback speeds offered.
pub const SPEEDS: [f64; 5] = [0.75, 1.0, 1.25, 1.5, 2.0];
/// What the skip buttons move by.
pub const SKIP_MS: i64 = 10_000;
/// What an arrow key moves the seek slider by.
pub const ARROW_STEP_MS: i64 = 5_000;
/// What Page Up / Page Down move the seek slider by.
pub const PAGE_STEP_MS: i64 = 30_000;

/// `position + delta`, kept within `0..=duration` (or `0..` when the
/// duration is not known yet).
pub fn seek_by(position_ms: i64, delta_ms: i64, duration_ms: Option<i64>) -> i64 {
    let target = position_ms.saturating_add(delta_ms).max(0);
    match duration_ms {
        Some(d) if d >= 0 => target.min(d),
        _ => target,
    }
}

/// Where a key pressed on the seek slider moves playback, per the ARIA
/// slider pattern; `None` for keys the slider does not handle.
pub fn slider_key(key: &str, position_ms: i64, duration_ms: Option<i64>) -> Option<i64> {
    let delta = match key {
        "ArrowRight" | "ArrowUp" => ARROW_STEP_MS,
        "ArrowLeft" | "ArrowDown" => -ARROW_STEP_MS,
        "PageUp" => PAGE_STEP_MS,
        "PageDown" => -PAGE_STEP_MS,
        "Home" => return Some(0),
        "End" => return duration_ms.map(|d| d.max(0)),
        _ => return None,
    };
    Some(seek_by(position_ms, delta, duration_ms))
}

/// Seconds (as `<audio>` reports them) to whole milliseconds; NaN and
/// infinities (unknown durations, live streams) are `None`.
pub fn seconds_to_ms(seconds: f64) -> Option<i64> {
    (seconds.is_finite() && seconds >= 0.0).then(|| (seconds * 1_000.0).round() as i64)
}

/// A speed label: `1×`, `1.25×`, `0.75×`.
pub fn speed_label(speed: f64) -> String {
    format!("{}×", super::decimal::format(speed, 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_are_clamped() {
        assert_eq!(seek_by(5_000, -SKIP_MS, Some(60_000)), 0);
        assert_eq!(seek_by(55_000, SKIP_MS, Some(60_000)), 60_000);
        assert_eq!(seek_by(20_000, SKIP_MS, Some(60_000)), 30_000);
        assert_eq!(seek_by(20_000, SKIP_MS, None), 30_000);
        assert_eq!(seek_by(i64::MAX, SKIP_MS, None), i64::MAX);
    }

    #[test]
    fn slider_keys() {
        assert_eq!(slider_key("ArrowRight", 1_000, Some(60_000)), Some(6_000));
        assert_eq!(slider_key("ArrowDown", 1_000, Some(60_000)), Some(0));
        assert_eq!(slider_key("PageUp", 1_000, Some(20_000)), Some(20_000));
        assert_eq!(slider_key("Home", 30_000, Some(60_000)), Some(0));
        assert_eq!(slider_key("End", 30_000, Some(60_000)), Some(60_000));
        assert_eq!(slider_key("End", 30_000, None), None);
        assert_eq!(slider_key("a", 30_000, None), None);
    }

    #[test]
    fn audio_seconds() {
        assert_eq!(seconds_to_ms(12.3456), Some(12_346));
        assert_eq!(seconds_to_ms(f64::NAN), None);
        assert_eq!(seconds_to_ms(f64::INFINITY), None);
        assert_eq!(seconds_to_ms(-1.0), None);
    }

    #[test]
    fn speed_labels() {
        let labels: Vec<String> = SPEEDS.iter().map(|s| speed_label(*s)).collect();
        assert_eq!(labels, ["0.75×", "1×", "1.25×", "1.5×", "2×"]);
    }
}
