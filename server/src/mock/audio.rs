//! Generated recordings: speech-like sound where the transcript has turns,
//! quiet between them, so playback and the transcript line up. Stereo puts
//! the agent on the left and the customer on the right. Served by
//! [`super::recordings`].

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use callboard::core::{CallDetail, Speaker};

/// Samples per second (telephone quality).
const RATE: u32 = 8_000;
/// Cached recordings before the oldest is dropped.
const CACHED: usize = 24;
const TABLE: usize = 1024;

/// A recording's key: the call's index and whether it is the stereo file.
type Key = (usize, bool);

/// Recently generated recordings.
#[derive(Default)]
pub struct AudioCache {
    entries: Mutex<VecDeque<(Key, Arc<Vec<u8>>)>>,
}

impl AudioCache {
    /// The recording of `key`, made with `make` unless it is cached.
    pub fn get_or_make(&self, key: Key, make: impl FnOnce() -> Vec<u8>) -> Arc<Vec<u8>> {
        if let Ok(entries) = self.entries.lock() {
            if let Some((_, wav)) = entries.iter().find(|(k, _)| *k == key) {
                return Arc::clone(wav);
            }
        }
        let wav = Arc::new(make());
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= CACHED {
                entries.pop_front();
            }
            entries.push_back((key, Arc::clone(&wav)));
        }
        wav
    }
}

/// A voice: pitch and how fast its syllables come.
struct Voice {
    f0: f64,
    syllables_hz: f64,
}

/// The WAV bytes of a call: 8-bit PCM at 8 kHz, mono or stereo.
pub fn render(d: &CallDetail, stereo: bool) -> Vec<u8> {
    let duration_ms = d.call.duration().unwrap_or(0).max(1_000);
    let frames = (duration_ms as u64 * u64::from(RATE) / 1000) as usize;
    let channels = if stereo { 2 } else { 1 };
    let mut pcm = vec![128u8; frames * channels];
    let sine: Vec<f64> = (0..TABLE)
        .map(|i| (i as f64 / TABLE as f64 * std::f64::consts::TAU).sin())
        .collect();
    let seed = d
        .call
        .id
        .bytes()
        .fold(7u64, |a, b| a.wrapping_mul(31).wrapping_add(u64::from(b)));
    let agent = Voice {
        f0: 120.0 + (seed % 30) as f64,
        syllables_hz: 4.2,
    };
    let customer = Voice {
        f0: 190.0 + (seed / 7 % 40) as f64,
        syllables_hz: 5.0,
    };
    let mut noise = seed | 1;
    for turn in d.transcript.iter().flat_map(|t| t.turns.iter()) {
        let (Some(start), Some(end)) = (turn.start_ms, turn.end_ms) else {
            continue;
        };
        let (voice, channel) = match turn.speaker {
            Speaker::Agent => (&agent, 0),
            _ => (&customer, 1),
        };
        let first = (start as u64 * u64::from(RATE) / 1000) as usize;
        let last = ((end as u64 * u64::from(RATE) / 1000) as usize).min(frames);
        let mut phase = [0.0f64; 4];
        for n in first..last {
            let t = (n - first) as f64 / f64::from(RATE);
            let span = (last - first) as f64 / f64::from(RATE);
            // Syllable envelope, with fades at the turn's edges.
            let syllable = 0.5 - 0.5 * (std::f64::consts::TAU * voice.syllables_hz * t).cos();
            let edge = (t / 0.05).min((span - t) / 0.05).clamp(0.0, 1.0);
            let vibrato = 1.0 + 0.03 * (std::f64::consts::TAU * 0.7 * t).sin();
            let mut s = 0.0;
            for (h, ph) in phase.iter_mut().enumerate() {
                let harmonic = (h + 1) as f64;
                *ph = (*ph + voice.f0 * harmonic * vibrato / f64::from(RATE)).fract();
                let idx = ((*ph * TABLE as f64) as usize).min(TABLE - 1);
                s += sine.get(idx).copied().unwrap_or(0.0) / harmonic;
            }
            noise ^= noise << 13;
            noise ^= noise >> 7;
            noise ^= noise << 17;
            let hiss = ((noise % 2001) as f64 / 1000.0 - 1.0) * 0.04;
            let value = (s * 0.45 * syllable + hiss) * edge;
            let byte = (128.0 + value.clamp(-1.0, 1.0) * 120.0).round() as u8;
            let slots: &[usize] = if stereo {
                if channel == 0 {
                    &[0]
                } else {
                    &[1]
                }
            } else {
                &[0]
            };
            for c in slots {
                if let Some(slot) = pcm.get_mut(n * channels + c) {
                    *slot = byte;
                }
            }
        }
    }
    wav(&pcm, channels as u16)
}

fn wav(pcm: &[u8], channels: u16) -> Vec<u8> {
    let mut out = Vec::with_capacity(44 + pcm.len());
    let data = u32::try_from(pcm.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&channels.to_le_bytes());
    out.extend_from_slice(&RATE.to_le_bytes());
    out.extend_from_slice(&(RATE * u32::from(channels)).to_le_bytes());
    out.extend_from_slice(&channels.to_le_bytes());
    out.extend_from_slice(&8u16.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data.to_le_bytes());
    out.extend_from_slice(pcm);
    out
}

/// The byte range a `Range` header asks for within `len` bytes; `Err` when
/// it cannot be satisfied.
pub fn byte_range(header: &str, len: usize) -> Result<(usize, usize), ()> {
    let spec = header.trim().strip_prefix("bytes=").ok_or(())?;
    let (a, b) = spec
        .split(',')
        .next()
        .ok_or(())?
        .split_once('-')
        .ok_or(())?;
    let (a, b) = (a.trim(), b.trim());
    let (start, end) = match (a.is_empty(), b.is_empty()) {
        (true, false) => {
            let suffix: usize = b.parse().map_err(|_| ())?;
            (len.saturating_sub(suffix), len.checked_sub(1).ok_or(())?)
        }
        (false, _) => {
            let start: usize = a.parse().map_err(|_| ())?;
            let end = if b.is_empty() {
                len.saturating_sub(1)
            } else {
                b.parse::<usize>()
                    .map_err(|_| ())?
                    .min(len.saturating_sub(1))
            };
            (start, end)
        }
        (true, true) => return Err(()),
    };
    if start > end || start >= len {
        return Err(());
    }
    Ok((start, end))
}

/// Now, in milliseconds since the epoch.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        assert_eq!(byte_range("bytes=0-99", 1000), Ok((0, 99)));
        assert_eq!(byte_range("bytes=900-", 1000), Ok((900, 999)));
        assert_eq!(byte_range("bytes=-100", 1000), Ok((900, 999)));
        assert_eq!(byte_range("bytes=990-2000", 1000), Ok((990, 999)));
        assert_eq!(byte_range("bytes=1000-", 1000), Err(()));
        assert_eq!(byte_range("bytes=5-1", 1000), Err(()));
        assert_eq!(byte_range("items=0-1", 1000), Err(()));
        assert_eq!(byte_range("bytes=-", 1000), Err(()));
    }

    #[test]
    fn speech_lines_up_with_turns() {
        let d = callboard_demo_data::calls(3, 9).remove(0);
        let t = d.transcript.clone().unwrap();
        let wav = render(&d, true);
        assert_eq!(&wav[..4], b"RIFF");
        let pcm = &wav[44..];
        // Loudest sample of `channel` between two instants.
        let peak = |from_ms: i64, to_ms: i64, channel: usize| {
            let frame = |ms: i64| ms as usize * RATE as usize / 1000;
            (frame(from_ms)..frame(to_ms))
                .filter_map(|f| pcm.get(f * 2 + channel))
                .map(|b| (i32::from(*b) - 128).abs())
                .max()
                .unwrap_or(0)
        };
        for pair in t.turns.windows(2).take(6) {
            let (turn, next) = (&pair[0], &pair[1]);
            let (s, e) = (turn.start_ms.unwrap(), turn.end_ms.unwrap());
            let (speaking, other) = if turn.speaker == Speaker::Agent {
                (0, 1)
            } else {
                (1, 0)
            };
            assert!(
                peak(s, e, speaking) > 40,
                "turn {:?} is audible on its channel",
                turn.text
            );
            assert_eq!(peak(s, e, other), 0, "and silent on the other");
            let gap = (e + 20, next.start_ms.unwrap() - 20);
            if gap.1 > gap.0 {
                assert_eq!(
                    peak(gap.0, gap.1, 0).max(peak(gap.0, gap.1, 1)),
                    0,
                    "quiet between turns"
                );
            }
        }
    }
}
