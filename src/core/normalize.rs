//! Normalizing provider vocabularies: call status, direction, speaker role,
//! end reasons and field names, each case-insensitively and keeping the raw
//! value for display.

use super::words::{self, Msg, Words};

/// What state a call is in, across every provider's vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CallStatus {
    /// Registered, queued, scheduled or pending: not started yet.
    Scheduled,
    /// Dialling or ringing.
    Ringing,
    /// Connected and going on (or still being processed).
    InProgress,
    /// Ended normally.
    Completed,
    /// Went to voicemail.
    Voicemail,
    /// Nobody answered.
    NoAnswer,
    /// The line was busy.
    Busy,
    /// Cancelled before it connected.
    Canceled,
    /// Failed or errored.
    Failed,
    /// A value no rule knows; the raw value is shown.
    Unknown,
}

/// Lower-cases and folds `-`, ` ` and `.` into `_` so that `In-Progress`,
/// `in progress` and `IN_PROGRESS` compare equal.
fn fold(raw: &str) -> String {
    raw.trim().chars().map(fold_char).collect()
}

/// One character as [`fold`] writes it.
fn fold_char(c: char) -> char {
    match c {
        '-' | ' ' | '.' => '_',
        c => c.to_ascii_lowercase(),
    }
}

/// Whether `raw` folds to `name` (a folded name), without allocating: a
/// transcript reads a speaker per turn.
fn folds_to(raw: &str, name: &str) -> bool {
    raw.trim().chars().map(fold_char).eq(name.chars())
}

impl CallStatus {
    /// Reads any provider's status value.
    pub fn from_raw(raw: &str) -> Self {
        match fold(raw).as_str() {
            "scheduled" | "registered" | "queued" | "in_queue" | "pending" | "initiated"
            | "created" | "new" => Self::Scheduled,
            "ringing" | "dialing" | "dialling" => Self::Ringing,
            "in_progress" | "inprogress" | "ongoing" | "active" | "answered" | "forwarding"
            | "processing" | "live" | "connected" => Self::InProgress,
            "completed" | "complete" | "ended" | "finished" | "done" | "success" => Self::Completed,
            "voicemail" | "went_to_voicemail" => Self::Voicemail,
            "no_answer" | "noanswer" | "not_answered" | "unanswered" | "missed" => Self::NoAnswer,
            "busy" => Self::Busy,
            "canceled" | "cancelled" => Self::Canceled,
            "failed" | "failure" | "error" | "errored" | "not_connected" => Self::Failed,
            _ => Self::Unknown,
        }
    }

    /// A short label for display.
    pub fn label(self) -> Msg {
        match self {
            Self::Scheduled => words::STATUS_SCHEDULED,
            Self::Ringing => words::STATUS_RINGING,
            Self::InProgress => words::STATUS_IN_PROGRESS,
            Self::Completed => words::STATUS_COMPLETED,
            Self::Voicemail => words::STATUS_VOICEMAIL,
            Self::NoAnswer => words::STATUS_NO_ANSWER,
            Self::Busy => words::STATUS_BUSY,
            Self::Canceled => words::STATUS_CANCELED,
            Self::Failed => words::STATUS_FAILED,
            Self::Unknown => words::UNKNOWN,
        }
    }

    /// A stable machine name, used for `data-status` attributes and CSS.
    pub fn id(self) -> &'static str {
        match self {
            Self::Scheduled => "scheduled",
            Self::Ringing => "ringing",
            Self::InProgress => "in-progress",
            Self::Completed => "completed",
            Self::Voicemail => "voicemail",
            Self::NoAnswer => "no-answer",
            Self::Busy => "busy",
            Self::Canceled => "canceled",
            Self::Failed => "failed",
            Self::Unknown => "unknown",
        }
    }
}

/// Which way a call went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Direction {
    /// The customer called in.
    Inbound,
    /// The agent called out.
    Outbound,
    /// A browser (web) call or chat; no phone line.
    Web,
    /// Not stated, or a value no rule knows.
    #[default]
    Unknown,
}

impl Direction {
    /// Reads any provider's direction or call-type value (`inbound`,
    /// `telephony_outbound`, `inboundPhoneCall`, `WEB_CALL`, ...).
    pub fn from_raw(raw: &str) -> Self {
        let f = fold(raw);
        if f.contains("inbound") || f == "incoming" || f == "in" {
            Self::Inbound
        } else if f.contains("outbound") || f == "outgoing" || f == "out" {
            Self::Outbound
        } else if f.contains("web") || f == "chat" || f == "browser" {
            Self::Web
        } else {
            Self::Unknown
        }
    }

    /// A short label for display.
    pub fn label(self) -> Msg {
        match self {
            Self::Inbound => words::DIRECTION_INBOUND,
            Self::Outbound => words::DIRECTION_OUTBOUND,
            Self::Web => words::DIRECTION_WEB,
            Self::Unknown => words::UNKNOWN,
        }
    }

    /// A stable machine name.
    pub fn id(self) -> &'static str {
        match self {
            Self::Inbound => "inbound",
            Self::Outbound => "outbound",
            Self::Web => "web",
            Self::Unknown => "unknown",
        }
    }
}

/// Who speaks a transcript turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Speaker {
    /// The voice agent (`Agent`, `Assistant`, `AI`, `Bot`).
    Agent,
    /// The customer (`User`, `Customer`, `Caller`).
    Customer,
    /// Anyone else; the turn keeps its own label.
    Other,
}

impl Speaker {
    /// Reads a speaker role or label.
    pub fn from_raw(raw: &str) -> Self {
        const AGENT: &[&str] = &["agent", "assistant", "ai", "bot", "ai_agent", "voice_agent"];
        const CUSTOMER: &[&str] = &[
            "user", "customer", "caller", "human", "client", "callee", "contact",
        ];
        let is = |names: &[&str]| names.iter().any(|n| folds_to(raw, n));
        if is(AGENT) {
            Self::Agent
        } else if is(CUSTOMER) {
            Self::Customer
        } else {
            Self::Other
        }
    }

    /// The label shown for this speaker; `Other` shows the raw label.
    pub fn label(self) -> Msg {
        match self {
            Self::Agent => words::SPEAKER_AGENT,
            Self::Customer => words::SPEAKER_CUSTOMER,
            Self::Other => words::SPEAKER_OTHER,
        }
    }
}

/// `text` with every run of whitespace (line breaks included) as one space
/// and none at either end.
pub fn collapse_whitespace(text: &str) -> String {
    join_str(text.split_whitespace(), " ")
}

/// `pieces` with `separator` between them: what `[&str]::join` gives,
/// without collecting the pieces first (and without compiling the standard
/// library's generic join once more for them).
pub fn join_str<'a>(pieces: impl IntoIterator<Item = &'a str>, separator: &str) -> String {
    let mut out = String::new();
    for (i, piece) in pieces.into_iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(piece);
    }
    out
}

/// An end reason in `words`: known codes get a sentence, others (the
/// provider's own vocabulary) are humanized (`USER_HANGUP` reads "User
/// hangup").
pub fn end_reason_words(raw: &str, w: Words) -> String {
    let known = match fold(raw).as_str() {
        "customer_ended_call" | "user_hangup" | "user_hung_up" | "caller_hangup" => {
            words::ENDED_CUSTOMER_HUNG_UP
        }
        "assistant_ended_call" | "agent_hangup" | "agent_ended_call" => words::ENDED_AGENT_ENDED,
        "dial_no_answer" | "customer_did_not_answer" | "no_answer" => words::ENDED_NOBODY_ANSWERED,
        "dial_busy" | "customer_busy" | "busy" => words::ENDED_LINE_BUSY,
        "dial_failed" | "call_failed" => words::ENDED_NOT_PLACED,
        "voicemail" | "machine_detected" | "voicemail_reached" => words::ENDED_VOICEMAIL,
        "timeout" | "max_duration_reached" | "exceeded_max_duration" => words::ENDED_TIME_LIMIT,
        "silence_timed_out" | "inactivity" | "inactivity_timeout" => words::ENDED_SILENCE,
        "call_transfer" | "transferred" | "assistant_forwarded_call" => words::ENDED_TRANSFERRED,
        "error" | "unknown_error" | "pipeline_error" => words::ENDED_ERROR,
        _ => return humanize(raw),
    };
    w.text(known).to_owned()
}

/// A long opaque id shortened for a table cell: `95cb3cab-de23-…` becomes
/// `95cb3cab…`; short ids stay as they are.
pub fn short_id(id: &str) -> String {
    let id = id.trim();
    if id.chars().count() <= 12 {
        return id.to_owned();
    }
    let head: String = id
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .take(8)
        .collect();
    let head = if head.chars().count() >= 4 {
        head
    } else {
        id.chars().take(8).collect()
    };
    format!("{head}…")
}

/// `lead_qualification` / `leadQualification` / `LEAD-QUALIFICATION` as
/// "Lead qualification". Provider vocabulary is ASCII, so case is changed
/// for ASCII letters only (other letters are kept as written; this keeps
/// Unicode's upper-case tables out of the bundle).
pub fn humanize(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 4);
    let mut prev_lower = false;
    for c in raw.trim().chars() {
        if c == '_' || c == '-' || c == ' ' {
            if !out.ends_with(' ') && !out.is_empty() {
                out.push(' ');
            }
            prev_lower = false;
        } else if c.is_ascii_uppercase() && prev_lower {
            out.push(' ');
            out.push(c.to_ascii_lowercase());
            prev_lower = false;
        } else {
            out.push(c.to_ascii_lowercase());
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit() || !c.is_ascii();
        }
    }
    let trimmed = out.trim_end();
    let mut chars = trimmed.chars();
    match chars.next() {
        Some(first) => std::iter::once(super::case::upper(first))
            .chain(chars)
            .collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_str_joins_as_slices_do() {
        for pieces in [
            vec![],
            vec![""],
            vec!["a"],
            vec!["a", "", "b"],
            vec!["", ""],
        ] {
            assert_eq!(join_str(pieces.iter().copied(), ", "), pieces.join(", "));
        }
    }

    #[test]
    fn collapse_whitespace_leaves_single_spaces_between_words() {
        assert_eq!(collapse_whitespace("  a\n\tb   c \r\n"), "a b c");
        assert_eq!(collapse_whitespace("one"), "one");
        assert_eq!(collapse_whitespace(" \n "), "");
        assert_eq!(collapse_whitespace("è\u{a0}ü"), "è ü");
    }

    #[test]
    fn folds_to_compares_as_fold_does() {
        for raw in [
            "AI-Agent",
            " ai agent ",
            "Ai.Agent",
            "AI_AGENT",
            "ai__agent",
            "ÄI agent",
            "",
        ] {
            for name in ["ai_agent", "ai__agent", "", "äi_agent"] {
                assert_eq!(folds_to(raw, name), fold(raw) == name, "{raw:?} {name:?}");
            }
        }
    }

    #[test]
    fn statuses_fold_case_and_separators() {
        assert_eq!(CallStatus::from_raw("ENDED"), CallStatus::Completed);
        assert_eq!(CallStatus::from_raw("In-Progress"), CallStatus::InProgress);
        assert_eq!(CallStatus::from_raw("in progress"), CallStatus::InProgress);
        assert_eq!(CallStatus::from_raw("no-answer"), CallStatus::NoAnswer);
        assert_eq!(CallStatus::from_raw("no_answer"), CallStatus::NoAnswer);
        assert_eq!(CallStatus::from_raw("REGISTERED"), CallStatus::Scheduled);
        assert_eq!(CallStatus::from_raw("in_queue"), CallStatus::Scheduled);
        assert_eq!(CallStatus::from_raw("not_connected"), CallStatus::Failed);
        assert_eq!(CallStatus::from_raw("cancelled"), CallStatus::Canceled);
        assert_eq!(CallStatus::from_raw("teleported"), CallStatus::Unknown);
        assert_eq!(CallStatus::from_raw(""), CallStatus::Unknown);
    }

    #[test]
    fn directions_from_every_vocabulary() {
        for (raw, d) in [
            ("inbound", Direction::Inbound),
            ("INBOUND", Direction::Inbound),
            ("telephony_inbound", Direction::Inbound),
            ("inboundPhoneCall", Direction::Inbound),
            ("outbound", Direction::Outbound),
            ("telephony_outbound", Direction::Outbound),
            ("outboundPhoneCall", Direction::Outbound),
            ("webCall", Direction::Web),
            ("WEB_CALL", Direction::Web),
            ("webcall", Direction::Web),
            ("chat", Direction::Web),
            ("PHONE_CALL", Direction::Unknown),
            ("sideways", Direction::Unknown),
        ] {
            assert_eq!(Direction::from_raw(raw), d, "{raw}");
        }
    }

    #[test]
    fn speakers() {
        for raw in ["Agent", "assistant", "AI", "bot"] {
            assert_eq!(Speaker::from_raw(raw), Speaker::Agent, "{raw}");
        }
        for raw in ["User", "customer", "Caller"] {
            assert_eq!(Speaker::from_raw(raw), Speaker::Customer, "{raw}");
        }
        assert_eq!(Speaker::from_raw("Supervisor"), Speaker::Other);
        // Folded as statuses are: case, `-`, ` ` and `.`, around spaces.
        for raw in [" AI-Agent ", "voice.agent", "Voice Agent", "VOICE_AGENT"] {
            assert_eq!(Speaker::from_raw(raw), Speaker::Agent, "{raw}");
        }
        for raw in ["agents", "Ägent", "", "ai agent x", "user-"] {
            assert_eq!(Speaker::from_raw(raw), Speaker::Other, "{raw}");
        }
    }

    #[test]
    fn words_for_end_reasons() {
        assert_eq!(
            end_reason_words("customer-ended-call", Words::ENGLISH),
            "The customer hung up"
        );
        assert_eq!(
            end_reason_words("USER_HANGUP", Words::ENGLISH),
            "The customer hung up"
        );
        assert_eq!(
            end_reason_words("dial_no_answer", Words::ENGLISH),
            "Nobody answered"
        );
        assert_eq!(
            end_reason_words("twilio-failed-to-connect", Words::ENGLISH),
            "Twilio failed to connect"
        );
    }

    #[test]
    fn short_ids() {
        assert_eq!(
            short_id("95cb3cab-de23-48ee-89c4-7341398f5cec"),
            "95cb3cab…"
        );
        assert_eq!(short_id("asst-42"), "asst-42");
        assert_eq!(short_id("a-b-c-d-e-f-g-h"), "a-b-c-d-…");
    }

    #[test]
    fn humanized_names() {
        assert_eq!(humanize("lead_qualification"), "Lead qualification");
        assert_eq!(humanize("leadQualification"), "Lead qualification");
        assert_eq!(humanize("USER_HANGUP"), "User hangup");
        assert_eq!(humanize("p50"), "P50");
        assert_eq!(humanize("  "), "");
        assert_eq!(humanize("ümlaut_key"), "Ümlaut key");
        assert_eq!(humanize("éxito"), "Éxito");
    }
}
