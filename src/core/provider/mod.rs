//! One adapter per call API. An adapter is a value (`Provider`) that turns a
//! `Query` into the provider's native request and the provider's native
//! response into `Page` / `CallDetail` / `ApiError`, and declares its
//! `Capabilities`. No I/O happens here.

mod agentvoice;
mod bland;
mod common;
mod detect;
mod elevenlabs;
mod retell;
mod smallest;
mod talkover;
mod vapi;
mod vozagent;
mod zudu;

use serde_json::Value;

use super::capabilities::Capabilities;
use super::error::{ApiError, BodyError, QueryError};
use super::model::{CallDetail, Page};
use super::query::Query;
use super::request::{id_segment, ProviderRequest};

pub use super::provider_id::{Provider, UnknownProvider};

impl Provider {
    /// What the provider can do server-side.
    pub fn capabilities(self) -> &'static Capabilities {
        match self {
            Self::AgentVoice => &agentvoice::CAPS,
            Self::VozAgent => &vozagent::CAPS,
            Self::Talkover => &talkover::CAPS,
            Self::Zudu => &zudu::CAPS,
            Self::Smallest => &smallest::CAPS,
            Self::Retell => &retell::CAPS,
            Self::Vapi => &vapi::CAPS,
            Self::ElevenLabs => &elevenlabs::CAPS,
            Self::Bland => &bland::CAPS,
        }
    }

    /// The native request for one page of calls (light payload).
    pub fn list_request(self, query: &Query) -> Result<ProviderRequest, QueryError> {
        let caps = self.capabilities();
        let filters = caps.validate(self.name(), query)?;
        let size = caps.page_size(query);
        Ok(match self {
            Self::AgentVoice => agentvoice::list_request(query, &filters, size),
            Self::VozAgent => vozagent::list_request(query, &filters, size),
            Self::Talkover => talkover::list_request(query, &filters, size)?,
            Self::Zudu => zudu::list_request(query, &filters, size),
            Self::Smallest => smallest::list_request(query, &filters, size),
            Self::Retell => retell::list_request(query, &filters, size),
            Self::Vapi => vapi::list_request(query, &filters, size),
            Self::ElevenLabs => elevenlabs::list_request(query, &filters, size),
            Self::Bland => bland::list_request(query, &filters, size),
        })
    }

    /// The native request for one call's full detail.
    pub fn detail_request(self, id: &str) -> Result<ProviderRequest, QueryError> {
        let id = id_segment(id)?;
        Ok(match self {
            Self::AgentVoice => agentvoice::detail_request(&id),
            Self::VozAgent => ProviderRequest::get(format!("/v1/calls/{id}")),
            Self::Talkover => ProviderRequest::get(format!("/api/v1/calls/{id}")),
            Self::Zudu => ProviderRequest::get(format!("/api/calls/{id}")),
            Self::Smallest => ProviderRequest::get(format!("/atoms/v1/conversation/{id}")),
            Self::Retell => ProviderRequest::get(format!("/v2/get-call/{id}")),
            Self::Vapi => ProviderRequest::get(format!("/call/{id}")),
            Self::ElevenLabs => ProviderRequest::get(format!("/v1/convai/conversations/{id}")),
            Self::Bland => ProviderRequest::get(format!("/v1/calls/{id}")),
        })
    }

    /// The request for a fresh recording link, for providers whose links
    /// expire (`Capabilities::fresh_recording_link`); `None` for the others.
    pub fn recording_link_request(self, id: &str) -> Result<Option<ProviderRequest>, QueryError> {
        let id = id_segment(id)?;
        Ok(match self {
            Self::Smallest => Some(smallest::recording_link_request(&id)),
            Self::Vapi => Some(ProviderRequest::get(format!("/call/{id}"))),
            _ => None,
        })
    }

    /// Reads a 2xx list response.
    pub fn parse_list(self, body: &str, query: &Query) -> Result<Page, ApiError> {
        self.try_parse_list(body, query)
            .map_err(|e| e.read(200, body))
    }

    /// Reads a 2xx list response; a body that is the provider's error
    /// envelope is handed back unread ([`BodyError::Envelope`]), for the
    /// caller to read as an [`ErrorReply`](crate::core::ErrorReply) when it
    /// chooses.
    pub fn try_parse_list(self, body: &str, query: &Query) -> Result<Page, BodyError> {
        let value = common::parse_2xx(body)?;
        let size = self.capabilities().page_size(query);
        let page = match self {
            Self::AgentVoice => agentvoice::parse_list(&value),
            Self::VozAgent => vozagent::parse_list(&value, size),
            Self::Talkover => talkover::parse_list(&value),
            Self::Zudu => zudu::parse_list(&value),
            Self::Smallest => smallest::parse_list(&value),
            Self::Retell => retell::parse_list(&value, size),
            Self::Vapi => vapi::parse_list(&value, size),
            Self::ElevenLabs => elevenlabs::parse_list(&value),
            Self::Bland => bland::parse_list(&value, query, size),
        };
        page.map_err(BodyError::Unreadable)
    }

    /// Reads a 2xx detail response.
    pub fn parse_detail(self, body: &str) -> Result<CallDetail, ApiError> {
        self.parse_detail_keeping(body).0
    }

    /// Reads a 2xx detail response as [`Self::parse_detail`] does, and
    /// hands back the parsed answer (when it parsed) for the caller to free:
    /// freeing a long call's answer is work of its own (about 5 ms for
    /// 3,000 turns in a browser) that a caller showing the call can leave
    /// until the browser is idle.
    pub fn parse_detail_keeping(self, body: &str) -> (Result<CallDetail, ApiError>, Option<Value>) {
        match common::parse_ok_body(body) {
            Ok(value) => (self.read_detail(&value), Some(value)),
            Err(e) => (Err(e), None),
        }
    }

    /// Reads a call object already parsed (an event's call, as the
    /// provider's detail endpoint would have answered it).
    pub fn read_detail_value(self, value: &Value) -> Result<CallDetail, ApiError> {
        if !value.is_object() {
            return Err(ApiError::unreadable("a call that is not a JSON object"));
        }
        self.read_detail(value)
    }

    fn read_detail(self, value: &Value) -> Result<CallDetail, ApiError> {
        match self {
            Self::AgentVoice => agentvoice::parse_detail(value),
            Self::VozAgent => vozagent::parse_detail(value),
            Self::Talkover => talkover::parse_detail(value),
            Self::Zudu => zudu::parse_detail(value),
            Self::Smallest => smallest::parse_detail(value),
            Self::Retell => retell::parse_detail(value),
            Self::Vapi => vapi::parse_detail(value),
            Self::ElevenLabs => elevenlabs::parse_detail(value),
            Self::Bland => bland::parse_detail(value),
        }
    }

    /// Reads a 2xx fresh-recording-link response into a safe URL.
    pub fn parse_recording_link(self, body: &str) -> Result<String, ApiError> {
        let value = common::parse_ok_body(body)?;
        match self {
            Self::Vapi => vapi::parse_recording_link(&value),
            _ => smallest::parse_recording_link(&value),
        }
    }

    /// Reads a non-2xx response. Every provider's error shapes are read by
    /// one tolerant reader, so this is the same for all of them.
    pub fn parse_error(self, status: u16, body: &str, retry_after: Option<&str>) -> ApiError {
        ApiError::from_response(status, body, retry_after)
    }

    /// Recognises the provider from a response body's shape (`auto` mode).
    pub fn detect(body: &str) -> Option<Self> {
        detect::detect(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_links_where_links_expire() {
        for p in Provider::ALL {
            let fresh = p.capabilities().fresh_recording_link;
            assert_eq!(
                p.recording_link_request("c1").unwrap().is_some(),
                fresh,
                "{p}"
            );
        }
    }

    #[test]
    fn list_envelopes_are_left_unread_until_asked() {
        let body = r#"{"status": false, "errors": ["Invalid API key"]}"#;
        for p in Provider::ALL {
            let query = Query::default();
            assert_eq!(
                p.try_parse_list(body, &query),
                Err(BodyError::Envelope),
                "{p}"
            );
            assert_eq!(
                p.parse_list(body, &query).map_err(|e| e.to_string()),
                Err("The provider reported an error: Invalid API key".to_owned()),
                "{p}"
            );
            assert!(matches!(
                p.try_parse_list("<html>", &query),
                Err(BodyError::Unreadable(ApiError::Unreadable { .. }))
            ));
        }
    }

    #[test]
    fn detail_paths_encode_ids() {
        for p in Provider::ALL {
            let r = p.detail_request("a/../b").unwrap();
            assert!(r.path.ends_with("a%2F..%2Fb"), "{p}: {}", r.path);
            assert!(p.detail_request("..").is_err());
        }
    }

    #[test]
    fn a_read_detail_hands_back_its_parsed_answer() {
        let body = r#"{"call_id": "c1", "call_status": "ended", "transcript": "Agent: Hi"}"#;
        let (detail, answer) = Provider::Retell.parse_detail_keeping(body);
        assert_eq!(detail, Provider::Retell.parse_detail(body));
        assert_eq!(detail.unwrap().call.id, "c1");
        assert_eq!(answer, serde_json::from_str::<Value>(body).ok());
        for unread in [
            "<html>",
            r#"{"status": false, "errors": ["Invalid API key"]}"#,
        ] {
            let (detail, answer) = Provider::Retell.parse_detail_keeping(unread);
            assert!(detail.is_err() && answer.is_none(), "{unread}");
        }
    }
}
