//! Following playback and searching a transcript, without touching the DOM.
//!
//! `TurnIndex` is built once per transcript; `current` is a binary search,
//! so the cost per `timeupdate` does not grow with the transcript's length.

use super::transcript::{Transcript, Turn, Word};
use super::transcript_rows::{Layout, Row};

/// Timed turns sorted by start, for finding the turn playing at a time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TurnIndex {
    /// `(start_ms, turn index)`, sorted by start then index.
    starts: Vec<(i64, usize)>,
}

impl TurnIndex {
    /// Indexes the timed turns of `transcript` (untimed ones are skipped;
    /// turns out of order are sorted by their start).
    pub fn new(transcript: &Transcript) -> Self {
        Self::of_turns(&transcript.turns)
    }

    /// Indexes the timed ones of `turns`.
    pub fn of_turns(turns: &[Turn]) -> Self {
        let mut starts: Vec<(i64, usize)> = turns
            .iter()
            .enumerate()
            .filter_map(|(i, t)| t.start_ms.map(|s| (s, i)))
            .collect();
        starts.sort_unstable();
        Self { starts }
    }

    /// The turn playing at `position_ms`: the last one started at or before
    /// it. `None` before the first timed turn.
    pub fn current(&self, position_ms: i64) -> Option<usize> {
        let after = self
            .starts
            .partition_point(|(start, _)| *start <= position_ms);
        after
            .checked_sub(1)
            .and_then(|i| self.starts.get(i))
            .map(|(_, turn)| *turn)
    }

    /// Whether any turn is timed.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The timed turn "next turn" (`forward`) or "previous turn" plays
    /// from `current` (the turn playing, if any): the nearest timed turn
    /// after (before) it in the transcript's order; with none playing,
    /// "next" is the first timed turn and "previous" nothing. Its index
    /// and start.
    pub fn step(&self, current: Option<usize>, forward: bool) -> Option<(usize, i64)> {
        let candidates = self.starts.iter().map(|(start, turn)| (*turn, *start));
        match (current, forward) {
            (Some(c), true) => candidates.filter(|(t, _)| *t > c).min(),
            (Some(c), false) => candidates.filter(|(t, _)| *t < c).max(),
            (None, true) => candidates.min(),
            (None, false) => None,
        }
    }
}

/// Which text of a row a hit is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// A turn's text, or a tool row's title.
    Text,
    /// A tool call's arguments.
    Arguments,
    /// A tool call's result.
    Result,
}

/// A search hit: byte range `start..end` in `field` of row `row` (of the
/// transcript's [`Layout`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    /// The row's index in reading order.
    pub row: usize,
    /// Which of its texts.
    pub field: Field,
    /// Byte offset of the hit's start in that text.
    pub start: usize,
    /// Byte offset just past the hit's end.
    pub end: usize,
}

/// The most hits a search reports.
pub const MAX_MATCHES: usize = 5_000;

fn fold(c: char) -> char {
    super::case::lower(c)
}

/// The texts of a row that search looks in, in reading order.
fn row_texts<'a>(
    transcript: &'a Transcript,
    layout: &'a Layout,
    row: Row,
) -> Vec<(Field, &'a str)> {
    match row {
        Row::Turn(i) => transcript
            .turns
            .get(i)
            .map(|t| vec![(Field::Text, t.text.as_str())])
            .unwrap_or_default(),
        Row::Tool(i) => layout
            .tools
            .get(i)
            .map(|t| {
                let mut texts = vec![(Field::Text, t.title.as_str())];
                texts.extend(t.arguments.as_deref().map(|a| (Field::Arguments, a)));
                texts.extend(t.result.as_deref().map(|r| (Field::Result, r)));
                texts
            })
            .unwrap_or_default(),
    }
}

/// Case-insensitive, non-overlapping hits of `query` in every row (turns'
/// text; tool rows' titles, arguments and results as sent), in reading
/// order. Blank queries find nothing.
pub fn search(transcript: &Transcript, layout: &Layout, query: &str) -> Vec<Match> {
    let needle: Vec<char> = query.trim().chars().map(fold).collect();
    let mut hits = Vec::new();
    let Some(&first) = needle.first() else {
        return hits;
    };
    for (row, &r) in layout.rows.iter().enumerate() {
        for (field, text) in row_texts(transcript, layout, r) {
            let hay: Vec<(usize, char)> = text.char_indices().map(|(i, c)| (i, fold(c))).collect();
            let mut i = 0;
            while i + needle.len() <= hay.len() {
                let window = hay.get(i..i + needle.len()).unwrap_or_default();
                let is_hit = window.first().is_some_and(|(_, c)| *c == first)
                    && window.iter().zip(&needle).all(|((_, a), b)| a == b);
                if is_hit {
                    let start = window.first().map_or(0, |(b, _)| *b);
                    let end = hay.get(i + needle.len()).map_or(text.len(), |(b, _)| *b);
                    hits.push(Match {
                        row,
                        field,
                        start,
                        end,
                    });
                    if hits.len() >= MAX_MATCHES {
                        return hits;
                    }
                    i += needle.len();
                } else {
                    i += 1;
                }
            }
        }
    }
    hits
}

/// The hits in row `row`, from all hits in order (a binary search, so a
/// long transcript does not filter every hit for every row).
pub fn hits_in(hits: &[Match], row: usize) -> &[Match] {
    let lo = hits.partition_point(|h| h.row < row);
    let hi = hits.partition_point(|h| h.row <= row);
    hits.get(lo..hi).unwrap_or_default()
}

/// Splits `text` into `(piece, is_hit)` runs for highlighting, given the
/// hits that fall in it (byte ranges in order).
pub fn segments<'a>(text: &'a str, hits: &[Match]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::with_capacity(hits.len() * 2 + 1);
    let mut at = 0;
    for m in hits {
        if m.start < at || m.end > text.len() {
            continue;
        }
        if let (Some(before), Some(hit)) = (text.get(at..m.start), text.get(m.start..m.end)) {
            if !before.is_empty() {
                out.push((before, false));
            }
            out.push((hit, true));
            at = m.end;
        }
    }
    if let Some(rest) = text.get(at..) {
        if !rest.is_empty() || out.is_empty() {
            out.push((rest, false));
        }
    }
    out
}

/// A run of a turn's text: plain, or timed word `Some(i)` of its `words`.
pub type WordPiece<'a> = (&'a str, Option<usize>);

/// Splits `text` into runs for click-to-hear by word: each of `words`
/// found in order in the text (as the provider spells it, punctuation and
/// all) is its own run; what lies between them, and words that cannot be
/// found, stay plain text. Never loses or repeats a byte of `text`.
pub fn word_pieces<'a>(text: &'a str, words: &[Word]) -> Vec<WordPiece<'a>> {
    let mut out = Vec::with_capacity(words.len() * 2 + 1);
    let mut at = 0;
    for (i, w) in words.iter().enumerate() {
        let word = w.text.trim();
        let Some(found) = (!word.is_empty())
            .then(|| text.get(at..).and_then(|rest| rest.find(word)))
            .flatten()
        else {
            continue;
        };
        let start = at + found;
        let end = start + word.len();
        if let (Some(before), Some(piece)) = (text.get(at..start), text.get(start..end)) {
            if !before.is_empty() {
                out.push((before, None));
            }
            out.push((piece, Some(i)));
            at = end;
        }
    }
    if let Some(rest) = text.get(at..) {
        if !rest.is_empty() || out.is_empty() {
            out.push((rest, None));
        }
    }
    out
}

/// The word being spoken at `position_ms`: the last of `words` (in time
/// order) started at or before it, while it lasts or until the next one
/// starts. `None` before the first and after the last has ended.
pub fn current_word(words: &[Word], position_ms: i64) -> Option<usize> {
    let i = words
        .partition_point(|w| w.start_ms <= position_ms)
        .checked_sub(1)?;
    let w = words.get(i)?;
    let ends = words
        .get(i + 1)
        .map_or(w.end_ms, |next| next.start_ms.max(w.end_ms));
    (position_ms < ends).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::normalize::Speaker;
    use crate::core::transcript::Turn;

    fn turn(text: &str, start: Option<i64>) -> Turn {
        Turn {
            speaker: Speaker::Agent,
            label: "Agent".into(),
            text: text.into(),
            start_ms: start,
            end_ms: None,
            words: vec![],
        }
    }

    fn find(t: &Transcript, query: &str) -> Vec<Match> {
        search(t, &Layout::new(t), query)
    }

    fn transcript(turns: Vec<Turn>) -> Transcript {
        Transcript {
            turns,
            events: Vec::new(),
        }
    }

    #[test]
    fn current_turn_follows_time() {
        let t = transcript(vec![
            turn("a", Some(1_000)),
            turn("untimed", None),
            turn("b", Some(5_000)),
            turn("c", Some(9_000)),
        ]);
        let idx = TurnIndex::new(&t);
        assert_eq!(idx.current(0), None);
        assert_eq!(idx.current(999), None);
        assert_eq!(idx.current(1_000), Some(0));
        assert_eq!(idx.current(4_999), Some(0));
        assert_eq!(idx.current(5_000), Some(2));
        assert_eq!(idx.current(60_000), Some(3));
        assert_eq!(idx.current(i64::MIN), None);
        assert!(TurnIndex::new(&transcript(vec![turn("x", None)])).is_empty());
    }

    #[test]
    fn out_of_order_turns_are_sorted() {
        let t = transcript(vec![turn("late", Some(8_000)), turn("early", Some(2_000))]);
        let idx = TurnIndex::new(&t);
        assert_eq!(idx.current(3_000), Some(1));
        assert_eq!(idx.current(8_000), Some(0));
    }

    #[test]
    fn search_is_case_insensitive_and_non_overlapping() {
        let t = transcript(vec![
            turn("Refund please. REFUND!", None),
            turn("no match here", None),
            turn("aaaa", None),
            turn("Ünïcode ÜBER über", None),
        ]);
        let hits = find(&t, "refund");
        assert_eq!(
            hits,
            [
                Match {
                    row: 0,
                    field: Field::Text,
                    start: 0,
                    end: 6
                },
                Match {
                    row: 0,
                    field: Field::Text,
                    start: 15,
                    end: 21
                }
            ]
        );
        assert_eq!(find(&t, "aa").len(), 2, "non-overlapping");
        let hits = find(&t, "über");
        assert_eq!(hits.len(), 2);
        assert_eq!(&t.turns[3].text[hits[0].start..hits[0].end], "ÜBER");
        assert!(find(&t, "   ").is_empty());
        assert!(find(&t, "zzz").is_empty());
    }

    #[test]
    fn hits_per_turn() {
        let t = transcript(vec![turn("ab ab", None), turn("x", None), turn("ab", None)]);
        let hits = find(&t, "ab");
        assert_eq!(hits_in(&hits, 0).len(), 2);
        assert!(hits_in(&hits, 1).is_empty());
        assert_eq!(
            hits_in(&hits, 2),
            [Match {
                row: 2,
                field: Field::Text,
                start: 0,
                end: 2
            }]
        );
        assert!(hits_in(&hits, 9).is_empty());
    }

    #[test]
    fn tool_rows_are_searched_in_reading_order() {
        use crate::core::{ToolEvent, ToolEventKind};
        let call = |kind, name: &str, detail: &str| ToolEvent {
            kind,
            name: name.into(),
            detail: Some(detail.into()),
            success: Some(true),
            at_ms: None,
            call_id: Some("c".into()),
            turns_before: 1,
        };
        let t = Transcript {
            turns: vec![turn("refund first", None), turn("refund last", None)],
            events: vec![
                call(ToolEventKind::Invocation, "issue_refund", "{\"refund\":5}"),
                call(ToolEventKind::Result, "", "refund ok"),
            ],
        };
        let layout = Layout::new(&t);
        let hits: Vec<(usize, Field)> = search(&t, &layout, "REFUND")
            .iter()
            .map(|m| (m.row, m.field))
            .collect();
        assert_eq!(
            hits,
            [
                (0, Field::Text),
                (1, Field::Text),
                (1, Field::Arguments),
                (1, Field::Result),
                (2, Field::Text),
            ]
        );
        assert_eq!(hits_in(&search(&t, &layout, "refund"), 1).len(), 3);
        // Offsets are in the text as shown (arguments indented).
        let m = search(&t, &layout, "5").remove(0);
        let shown = layout.tools[0].arguments.as_deref().unwrap_or_default();
        assert_eq!(shown.get(m.start..m.end), Some("5"));
    }

    #[test]
    fn segments_split_for_highlighting() {
        let text = "Refund please. REFUND!";
        let t = transcript(vec![turn(text, None)]);
        let hits = find(&t, "refund");
        assert_eq!(
            segments(text, &hits),
            [
                ("Refund", true),
                (" please. ", false),
                ("REFUND", true),
                ("!", false)
            ]
        );
        assert_eq!(segments("plain", &[]), [("plain", false)]);
        assert_eq!(segments("", &[]), [("", false)]);
        // Bad ranges are ignored, never a panic.
        let bad = [
            Match {
                row: 0,
                field: Field::Text,
                start: 3,
                end: 99,
            },
            Match {
                row: 0,
                field: Field::Text,
                start: 1,
                end: 2,
            },
        ];
        // An end past the text and a range inside a character are both
        // ignored, never a panic.
        assert_eq!(segments("héllo", &bad), [("héllo", false)]);
    }

    fn w(text: &str, start_ms: i64, end_ms: i64) -> Word {
        Word {
            text: text.into(),
            start_ms,
            end_ms,
        }
    }

    #[test]
    fn words_are_found_in_the_text_in_order() {
        let words = [
            w("Hi", 0, 300),
            w("there,", 300, 700),
            w("Ada.", 800, 1_200),
        ];
        let pieces = word_pieces("Hi there, Ada.", &words);
        assert_eq!(
            pieces,
            [
                ("Hi", Some(0)),
                (" ", None),
                ("there,", Some(1)),
                (" ", None),
                ("Ada.", Some(2))
            ]
        );
        // A word the text does not hold stays out; the text is whole.
        let words = [
            w("Hello", 0, 300),
            w("missing", 300, 600),
            w("world", 600, 900),
        ];
        let pieces = word_pieces("Hello, world!", &words);
        assert_eq!(
            pieces,
            [
                ("Hello", Some(0)),
                (", ", None),
                ("world", Some(2)),
                ("!", None)
            ]
        );
        let joined: String = pieces.iter().map(|(p, _)| *p).collect();
        assert_eq!(joined, "Hello, world!");
        // Repeated words are matched in order, not to the first one.
        let words = [w("no", 0, 100), w("no", 100, 200)];
        assert_eq!(
            word_pieces("no no", &words),
            [("no", Some(0)), (" ", None), ("no", Some(1))]
        );
        assert_eq!(word_pieces("plain", &[]), [("plain", None)]);
        assert_eq!(word_pieces("", &words), [("", None)]);
        // Multi-byte text is cut on character boundaries.
        let words = [w("Müller", 0, 100), w("sagt", 100, 200)];
        assert_eq!(
            word_pieces("Müller sagt", &words),
            [("Müller", Some(0)), (" ", None), ("sagt", Some(1))]
        );
    }

    #[test]
    fn the_spoken_word_follows_the_position() {
        let words = [
            w("a", 1_000, 1_400),
            w("b", 1_500, 1_900),
            w("c", 2_000, 2_300),
        ];
        assert_eq!(current_word(&words, 999), None);
        assert_eq!(current_word(&words, 1_000), Some(0));
        // Between two words the last one stays lit until the next starts.
        assert_eq!(current_word(&words, 1_450), Some(0));
        assert_eq!(current_word(&words, 1_500), Some(1));
        assert_eq!(current_word(&words, 2_299), Some(2));
        assert_eq!(current_word(&words, 2_300), None);
        assert_eq!(current_word(&[], 5), None);
    }

    #[test]
    fn stepping_goes_by_the_transcripts_order_over_timed_turns() {
        let turn = |start: Option<i64>| Turn {
            speaker: crate::core::Speaker::Agent,
            label: "Agent".into(),
            text: "hi".into(),
            start_ms: start,
            end_ms: None,
            words: Vec::new(),
        };
        // Turn 1 is untimed; turn 3 starts before turn 2 (out of order).
        let index = TurnIndex::of_turns(&[
            turn(Some(0)),
            turn(None),
            turn(Some(9_000)),
            turn(Some(5_000)),
        ]);
        assert_eq!(index.step(None, true), Some((0, 0)));
        assert_eq!(index.step(None, false), None);
        assert_eq!(
            index.step(Some(0), true),
            Some((2, 9_000)),
            "the untimed turn is skipped"
        );
        assert_eq!(index.step(Some(2), true), Some((3, 5_000)));
        assert_eq!(index.step(Some(3), true), None);
        assert_eq!(index.step(Some(3), false), Some((2, 9_000)));
        assert_eq!(index.step(Some(2), false), Some((0, 0)));
        assert_eq!(index.step(Some(0), false), None);
        assert_eq!(TurnIndex::default().step(None, true), None);
    }
}
