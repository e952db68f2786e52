//! The one model every provider is read into.
//!
//! All instants are epoch milliseconds (`i64`), all durations and offsets
//! milliseconds. Raw provider values are kept next to normalized ones so the
//! detail view can show what the provider said.

use std::sync::Arc;

use super::normalize::{end_reason_words, CallStatus, Direction};
use super::provider_id::Provider;
use super::transcript::Transcript;
use super::words::{self, Label, Words};

/// One call as listed in the table.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Call {
    /// The provider's id for the call (the one its detail endpoint takes).
    pub id: String,
    /// Which provider the call came from.
    pub provider: Provider,
    /// When the call started.
    pub started_at: Option<i64>,
    /// When the call ended.
    pub ended_at: Option<i64>,
    /// When the provider created the record.
    pub created_at: Option<i64>,
    /// How long the call lasted.
    pub duration_ms: Option<i64>,
    /// Normalized direction.
    pub direction: Direction,
    /// The provider's own direction or call-type value.
    pub direction_raw: Option<String>,
    /// Normalized status.
    pub status: CallStatus,
    /// The provider's own status value.
    pub status_raw: Option<String>,
    /// The customer's phone number.
    pub customer_number: Option<String>,
    /// The customer's name, where the provider knows it.
    pub customer_name: Option<String>,
    /// The CRM contact id, where the provider links one.
    pub contact_id: Option<String>,
    /// The agent (assistant) id.
    pub agent_id: Option<String>,
    /// The agent's display name.
    pub agent_name: Option<String>,
    /// The agent's own line.
    pub agent_number: Option<String>,
    /// The campaign id.
    pub campaign_id: Option<String>,
    /// The campaign's name.
    pub campaign_name: Option<String>,
    /// The provider's end-reason code (see `normalize::end_reason_words`).
    pub end_reason: Option<String>,
    /// Whether the call reached its goal, where the provider judges that.
    pub successful: Option<bool>,
    /// A summary of the call.
    pub summary: Option<String>,
    /// A short title of the call, where the provider writes one
    /// (ElevenLabs' `call_summary_title`).
    pub title: Option<String>,
    /// The customer's sentiment as the provider words it.
    pub sentiment: Option<String>,
    /// What the call cost.
    pub cost: Option<Cost>,
    /// The recording, where there is one.
    pub recording: Recording,
    /// Provider-specific attributes (lead score, intent, test flag, ...).
    pub extras: Vec<Extra>,
}

impl Call {
    /// An empty call with just an id, for adapters to fill in.
    pub fn new(provider: Provider, id: String) -> Self {
        Self {
            id,
            provider,
            started_at: None,
            ended_at: None,
            created_at: None,
            duration_ms: None,
            direction: Direction::Unknown,
            direction_raw: None,
            status: CallStatus::Unknown,
            status_raw: None,
            customer_number: None,
            customer_name: None,
            contact_id: None,
            agent_id: None,
            agent_name: None,
            agent_number: None,
            campaign_id: None,
            campaign_name: None,
            end_reason: None,
            successful: None,
            summary: None,
            title: None,
            sentiment: None,
            cost: None,
            recording: Recording::default(),
            extras: Vec::new(),
        }
    }

    /// The instant to show and sort by: the start, else the record's creation.
    pub fn time(&self) -> Option<i64> {
        self.started_at.or(self.created_at)
    }

    /// The duration, or the span from start to end when only those are known.
    pub fn duration(&self) -> Option<i64> {
        self.duration_ms
            .or_else(|| match (self.started_at, self.ended_at) {
                (Some(s), Some(e)) if e >= s => Some(e - s),
                _ => None,
            })
    }

    /// How the call went, in a few words for the table: the provider's
    /// success verdict, else a booked appointment, else how it ended.
    pub fn outcome(&self, w: Words) -> Option<String> {
        let said = match (self.successful, self.extra("appointment_booked")) {
            (Some(true), _) => words::OUTCOME_SUCCESSFUL,
            (Some(false), _) => words::OUTCOME_NOT_SUCCESSFUL,
            (None, Some(ExtraValue::Flag(true))) => words::OUTCOME_APPOINTMENT_BOOKED,
            (None, Some(ExtraValue::Flag(false))) => words::OUTCOME_NO_APPOINTMENT,
            _ => return self.end_reason.as_deref().map(|r| end_reason_words(r, w)),
        };
        Some(w.text(said).to_owned())
    }

    /// Sets the direction from a raw provider value, keeping the raw value.
    pub fn set_direction(&mut self, raw: Option<String>) {
        if let Some(r) = &raw {
            self.direction = Direction::from_raw(r);
        }
        self.direction_raw = raw;
    }

    /// Sets the status from a raw provider value, keeping the raw value.
    pub fn set_status(&mut self, raw: Option<String>) {
        if let Some(r) = &raw {
            self.status = CallStatus::from_raw(r);
        }
        self.status_raw = raw;
    }

    /// Assigns `from`/`to` numbers to customer and agent by direction: the
    /// customer is the caller on inbound calls and the callee otherwise.
    pub fn set_numbers(&mut self, from: Option<String>, to: Option<String>) {
        let (customer, agent) = match self.direction {
            Direction::Inbound => (from, to),
            _ => (to, from),
        };
        self.customer_number = customer;
        self.agent_number = agent;
    }

    /// Adds a provider extra if it has a value.
    pub fn push_extra(&mut self, key: &str, label: impl Into<Label>, value: Option<ExtraValue>) {
        if let Some(value) = value {
            self.extras.push(Extra {
                key: key.to_owned(),
                label: label.into(),
                value,
            });
        }
    }

    /// The extra under `key`.
    pub fn extra(&self, key: &str) -> Option<&ExtraValue> {
        self.extras.iter().find(|e| e.key == key).map(|e| &e.value)
    }
}

/// A call's recording: only `http:`/`https:`/relative URLs are ever stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Recording {
    /// The mono (mixed) recording.
    pub mono: Option<String>,
    /// The stereo recording (agent and customer on separate channels).
    pub stereo: Option<String>,
    /// The provider hands out short-lived links: ask it for a fresh one
    /// when playback starts, or when the one given has expired
    /// (`Provider::recording_link_request`).
    pub fresh_link: bool,
    /// When the `mono` link expires (epoch ms), where the provider says;
    /// until then it plays without asking for a fresh one.
    pub expires_at: Option<i64>,
    /// The audio is served by the provider's API at this native path (not
    /// a public URL): the widget plays `{proxy-url}{path}` through the
    /// integrator's proxy, which adds the credentials.
    pub proxy_path: Option<String>,
}

impl Recording {
    /// Whether a fresh link must be fetched before playing mono at `now`
    /// (epoch ms): the provider's links expire and the one given is
    /// missing, of unknown age, or expires within a minute.
    pub fn needs_fresh_link(&self, now: i64) -> bool {
        self.fresh_link
            && (self.mono.is_none() || self.expires_at.is_none_or(|t| t <= now + 60_000))
    }

    /// Whether anything can be played.
    pub fn is_available(&self) -> bool {
        self.mono.is_some() || self.stereo.is_some() || self.fresh_link || self.proxy_path.is_some()
    }

    /// Resolves a proxied recording against the proxy's base URL: the
    /// mono recording becomes `{proxy_url}{path}`.
    pub fn resolve_proxy_path(&mut self, proxy_url: &str) {
        if let Some(path) = self.proxy_path.take() {
            if self.mono.is_none() {
                self.mono = Some(format!("{}{path}", proxy_url.trim_end_matches('/')));
            }
        }
    }
}

/// What a call cost.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Cost {
    /// The amount, in `unit`.
    pub amount: f64,
    /// The unit of `amount`.
    pub unit: CostUnit,
}

/// The unit a cost is stated in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CostUnit {
    /// US dollars.
    Usd,
    /// Provider credits.
    Credits,
}

/// A labelled provider-specific attribute.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Extra {
    /// A stable key (the provider's field name), for column choosers.
    pub key: String,
    /// A label for display.
    pub label: Label,
    /// The value.
    pub value: ExtraValue,
}

/// The value of an extra.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "type", content = "value", rename_all = "snake_case")
)]
pub enum ExtraValue {
    /// Text.
    Text(String),
    /// A yes/no flag.
    Flag(bool),
    /// A number.
    Number(f64),
    /// A link (always `http:`/`https:`/relative).
    Link(String),
}

/// A labelled latency figure in milliseconds.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Figure {
    /// What was measured, e.g. "End-to-end".
    pub label: Label,
    /// The percentile, where the figure is one ("p50").
    pub percentile: Option<&'static str>,
    /// The value in milliseconds.
    pub ms: i64,
}

impl Figure {
    /// Its label in `w`: "End-to-end p50".
    pub fn label_in(&self, w: Words) -> String {
        match self.percentile {
            Some(p) => format!("{} {p}", self.label.say(w)),
            None => self.label.say(w).to_owned(),
        }
    }
}

/// Everything the detail view shows about one call.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CallDetail {
    /// The call, with everything the detail response adds filled in.
    pub call: Call,
    /// The transcript, when the provider has one for this call (shared:
    /// a detail is copied into the cache and the view, and a long call's
    /// turns are not).
    pub transcript: Option<Arc<Transcript>>,
    /// Latency figures.
    pub latency: Vec<Figure>,
}

/// One page of calls.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Page {
    /// The calls that could be read, in the provider's order.
    pub rows: Vec<Call>,
    /// Rows that could not be read (or repeated an id) and were skipped.
    pub skipped: usize,
    /// The total number of calls matching the query, when the provider says.
    pub total: Option<u64>,
    /// Whether there is a next page.
    pub has_more: bool,
    /// For cursor providers: the cursor that fetches the next page.
    pub next_cursor: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcome_prefers_the_verdict() {
        let mut c = Call::new(Provider::Vapi, "c".into());
        assert_eq!(c.outcome(Words::ENGLISH), None);
        c.end_reason = Some("customer-ended-call".into());
        assert_eq!(
            c.outcome(Words::ENGLISH).as_deref(),
            Some("The customer hung up")
        );
        c.push_extra(
            "appointment_booked",
            words::EXTRA_APPOINTMENT_BOOKED,
            Some(ExtraValue::Flag(true)),
        );
        assert_eq!(
            c.outcome(Words::ENGLISH).as_deref(),
            Some("Appointment booked")
        );
        c.successful = Some(false);
        assert_eq!(c.outcome(Words::ENGLISH).as_deref(), Some("Not successful"));
    }

    #[test]
    fn numbers_follow_direction() {
        let mut c = Call::new(Provider::Talkover, "c".into());
        c.set_direction(Some("INBOUND".into()));
        c.set_numbers(Some("+1 from".into()), Some("+1 to".into()));
        assert_eq!(c.customer_number.as_deref(), Some("+1 from"));
        c.set_direction(Some("outbound".into()));
        c.set_numbers(Some("+1 from".into()), Some("+1 to".into()));
        assert_eq!(c.customer_number.as_deref(), Some("+1 to"));
        assert_eq!(c.direction_raw.as_deref(), Some("outbound"));
    }

    #[test]
    fn duration_falls_back_to_the_span() {
        let mut c = Call::new(Provider::Vapi, "c".into());
        c.started_at = Some(1_000);
        c.ended_at = Some(61_000);
        assert_eq!(c.duration(), Some(60_000));
        c.ended_at = Some(500);
        assert_eq!(c.duration(), None, "an end before the start is no duration");
    }
}
