//! Who spoke when: a call's speech as two lanes (agent and customer) drawn
//! from the turn timings (no audio decoding), with the stretches where
//! both speak at once. Neighbouring turns closer than a drawing's
//! resolution are merged, so a 3,000-turn call draws as a few hundred
//! spans.

use super::normalize::Speaker;
use super::time::format_duration;
use super::transcript::Transcript;
use super::words::{self, fill, Words};

/// A stretch of time, in milliseconds into the recording.
pub type Stretch = (i64, i64);

/// The lanes of a call.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    /// When the agent speaks.
    pub agent: Vec<Stretch>,
    /// When the customer speaks.
    pub customer: Vec<Stretch>,
    /// When both speak at once.
    pub overlaps: Vec<Stretch>,
    /// The length drawn: the recording's, or the last turn's end.
    pub duration_ms: i64,
}

impl Timeline {
    /// The lanes of `transcript`'s timed turns over `duration_ms` (the
    /// recording's length, if known), merging gaps shorter than
    /// `merge_gap_ms`. `None` when no agent or customer turn is timed.
    ///
    /// A turn without an end lasts until the next timed turn starts (at
    /// most a minute), or to the end of the call.
    pub fn new(
        transcript: &Transcript,
        duration_ms: Option<i64>,
        merge_gap_ms: i64,
    ) -> Option<Self> {
        let mut timed: Vec<(i64, Option<i64>, Speaker)> = transcript
            .turns
            .iter()
            .filter_map(|t| t.start_ms.map(|s| (s.max(0), t.end_ms, t.speaker)))
            .collect();
        timed.sort_by_key(|(start, _, _)| *start);
        let last_end = timed
            .iter()
            .map(|(s, e, _)| e.unwrap_or(*s))
            .max()
            .unwrap_or(0);
        let duration_ms = duration_ms.unwrap_or(0).max(last_end);
        let (mut agent, mut customer) = (Vec::new(), Vec::new());
        for (i, (start, end, speaker)) in timed.iter().enumerate() {
            let lane = match speaker {
                Speaker::Agent => &mut agent,
                Speaker::Customer => &mut customer,
                Speaker::Other => continue,
            };
            let next = timed.get(i + 1).map_or(duration_ms, |(s, _, _)| *s);
            let end = end
                .unwrap_or_else(|| next.min(start + 60_000))
                .clamp(*start, duration_ms.max(*start));
            push_merged(lane, (*start, end), 0);
        }
        if agent.is_empty() && customer.is_empty() {
            return None;
        }
        // Overlaps from the turns as spoken; then the drawing's merging.
        let overlaps = intersect(&agent, &customer);
        let merged = |lane: &[Stretch]| {
            let mut out = Vec::with_capacity(lane.len());
            for stretch in lane {
                push_merged(&mut out, *stretch, merge_gap_ms);
            }
            out
        };
        Some(Self {
            agent: merged(&agent),
            customer: merged(&customer),
            overlaps: merged(&overlaps),
            duration_ms,
        })
    }

    /// Who speaks at `position_ms`: the agent, the customer, both
    /// (`None, true`), or no one.
    pub fn speaking_at(&self, position_ms: i64) -> (Option<Speaker>, bool) {
        let within = |lane: &[Stretch]| {
            let i = lane.partition_point(|(s, _)| *s <= position_ms);
            i.checked_sub(1)
                .and_then(|i| lane.get(i))
                .is_some_and(|(_, e)| position_ms < *e)
        };
        match (within(&self.agent), within(&self.customer)) {
            (true, true) => (None, true),
            (true, false) => (Some(Speaker::Agent), false),
            (false, true) => (Some(Speaker::Customer), false),
            (false, false) => (None, false),
        }
    }

    /// What the "who spoke when" slider says at `position_ms` of a
    /// recording `length_ms` long: "0:42 of 3:10, the agent speaking".
    pub fn spoken_at(&self, position_ms: i64, length_ms: i64, w: Words) -> String {
        let who = match self.speaking_at(position_ms) {
            (Some(Speaker::Agent), _) => words::AGENT_SPEAKING,
            (Some(_), _) => words::CUSTOMER_SPEAKING,
            (None, true) => words::BOTH_SPEAKING,
            (None, false) => words::SILENCE,
        };
        fill(
            w.text(words::SPOKEN_AT),
            &[
                ("position", &format_duration(position_ms)),
                ("length", &format_duration(length_ms)),
                ("who", w.text(who)),
            ],
        )
    }
}

/// Appends `stretch` to `lane` (in start order), joined to the last one
/// when it overlaps it or follows within `gap` ms.
fn push_merged(lane: &mut Vec<Stretch>, stretch: Stretch, gap: i64) {
    match lane.last_mut() {
        Some(last) if stretch.0 <= last.1 + gap => last.1 = last.1.max(stretch.1),
        _ => lane.push(stretch),
    }
}

/// Where two sorted, non-overlapping lists of stretches overlap.
fn intersect(a: &[Stretch], b: &[Stretch]) -> Vec<Stretch> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        let (start, end) = (x.0.max(y.0), x.1.min(y.1));
        if start < end {
            out.push((start, end));
        }
        if x.1 < y.1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::transcript::Turn;

    fn turn(speaker: Speaker, start: i64, end: Option<i64>) -> Turn {
        Turn {
            speaker,
            label: String::new(),
            text: "x".into(),
            start_ms: Some(start),
            end_ms: end,
            words: Vec::new(),
        }
    }

    fn transcript(turns: Vec<Turn>) -> Transcript {
        Transcript {
            turns,
            ..Transcript::default()
        }
    }

    #[test]
    fn lanes_overlaps_and_silence() {
        let t = transcript(vec![
            turn(Speaker::Agent, 0, Some(4_000)),
            turn(Speaker::Customer, 3_500, Some(6_000)),
            turn(Speaker::Agent, 9_000, Some(12_000)),
            turn(Speaker::Other, 12_000, Some(13_000)),
        ]);
        let tl = Timeline::new(&t, Some(20_000), 100).unwrap_or_default();
        assert_eq!(tl.agent, [(0, 4_000), (9_000, 12_000)]);
        assert_eq!(tl.customer, [(3_500, 6_000)]);
        assert_eq!(tl.overlaps, [(3_500, 4_000)]);
        assert_eq!(tl.duration_ms, 20_000);
        assert_eq!(tl.speaking_at(1_000), (Some(Speaker::Agent), false));
        assert_eq!(tl.speaking_at(3_800), (None, true));
        assert_eq!(tl.speaking_at(5_000), (Some(Speaker::Customer), false));
        assert_eq!(tl.speaking_at(7_000), (None, false), "silence");
        assert_eq!(tl.speaking_at(12_000), (None, false));
    }

    #[test]
    fn close_turns_merge_and_open_ended_turns_run_to_the_next() {
        let t = transcript(vec![
            turn(Speaker::Agent, 0, Some(1_000)),
            turn(Speaker::Agent, 1_050, Some(2_000)),
            turn(Speaker::Customer, 5_000, None),
            turn(Speaker::Agent, 8_000, None),
        ]);
        let tl = Timeline::new(&t, None, 100).unwrap_or_default();
        assert_eq!(tl.agent, [(0, 2_000), (8_000, 8_000)]);
        assert_eq!(tl.customer, [(5_000, 8_000)]);
        // Without a recording length, the last turn's start ends the call.
        assert_eq!(tl.duration_ms, 8_000);
        let tl = Timeline::new(&t, Some(30_000), 100).unwrap_or_default();
        assert_eq!(
            tl.agent.last(),
            Some(&(8_000, 30_000)),
            "the last turn runs to the end"
        );
    }

    #[test]
    fn merging_for_the_drawing_makes_no_overlap_up() {
        let t = transcript(vec![
            turn(Speaker::Agent, 0, Some(3_000)),
            turn(Speaker::Customer, 3_500, Some(5_500)),
            turn(Speaker::Agent, 6_000, Some(9_000)),
        ]);
        let tl = Timeline::new(&t, Some(10_000), 4_000).unwrap_or_default();
        assert_eq!(tl.agent, [(0, 9_000)], "drawn as one stretch");
        assert!(tl.overlaps.is_empty(), "but nobody spoke at once");
    }

    #[test]
    fn many_turns_draw_as_few_spans() {
        let turns = (0..3_000)
            .map(|i| {
                let speaker = if i % 2 == 0 {
                    Speaker::Agent
                } else {
                    Speaker::Customer
                };
                turn(speaker, i * 800, Some(i * 800 + 700))
            })
            .collect();
        let t = transcript(turns);
        let duration = 3_000 * 800;
        let tl = Timeline::new(&t, Some(duration), duration / 600).unwrap_or_default();
        assert!(
            tl.agent.len() <= 600 && tl.customer.len() <= 600,
            "{} {}",
            tl.agent.len(),
            tl.customer.len()
        );
        assert!(Timeline::new(&transcript(Vec::new()), Some(1_000), 10).is_none());
    }

    #[test]
    fn the_slider_says_who_speaks() {
        let t = Timeline {
            agent: vec![(0, 4_000)],
            customer: vec![(3_000, 8_000)],
            overlaps: vec![(3_000, 4_000)],
            duration_ms: 10_000,
        };
        assert_eq!(
            t.spoken_at(1_000, 10_000, Words::ENGLISH),
            "0:01 of 0:10, the agent speaking"
        );
        assert_eq!(
            t.spoken_at(3_500, 10_000, Words::ENGLISH),
            "0:03 of 0:10, both speaking"
        );
        assert_eq!(
            t.spoken_at(5_000, 10_000, Words::ENGLISH),
            "0:05 of 0:10, the customer speaking"
        );
        assert_eq!(
            t.spoken_at(9_000, 10_000, Words::ENGLISH),
            "0:09 of 0:10, silence"
        );
    }
}
