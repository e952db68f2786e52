//! Which call API a call came from: the provider's id, name and the
//! spelling users give it. What each provider's adapter does with it lives
//! in [`super::provider`]; this module depends on nothing, so the model can
//! name a provider without reaching into the adapters.

use std::fmt;
use std::str::FromStr;

/// A call API the widget speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Provider {
    /// AgentVoice.
    AgentVoice,
    /// VozAgent.
    VozAgent,
    /// Talkover.
    Talkover,
    /// Zudu.
    Zudu,
    /// Smallest.ai Atoms.
    Smallest,
    /// Retell AI.
    Retell,
    /// Vapi.
    Vapi,
    /// ElevenLabs Conversational AI.
    ElevenLabs,
    /// Bland AI.
    Bland,
}

impl Provider {
    /// Every provider, in the order the demo lists them.
    pub const ALL: [Provider; 9] = [
        Self::AgentVoice,
        Self::VozAgent,
        Self::Talkover,
        Self::Zudu,
        Self::Smallest,
        Self::Retell,
        Self::Vapi,
        Self::ElevenLabs,
        Self::Bland,
    ];

    /// The id used in the `provider` attribute and URLs.
    pub fn id(self) -> &'static str {
        match self {
            Self::AgentVoice => "agentvoice",
            Self::VozAgent => "vozagent",
            Self::Talkover => "talkover",
            Self::Zudu => "zudu",
            Self::Smallest => "smallest",
            Self::Retell => "retell",
            Self::Vapi => "vapi",
            Self::ElevenLabs => "elevenlabs",
            Self::Bland => "bland",
        }
    }

    /// The provider's display name.
    pub fn name(self) -> &'static str {
        match self {
            Self::AgentVoice => "AgentVoice",
            Self::VozAgent => "VozAgent",
            Self::Talkover => "Talkover",
            Self::Zudu => "Zudu",
            Self::Smallest => "Smallest Atoms",
            Self::Retell => "Retell",
            Self::Vapi => "Vapi",
            Self::ElevenLabs => "ElevenLabs",
            Self::Bland => "Bland",
        }
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An unknown provider name.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown provider \"{0}\"; expected one of agentvoice, vozagent, talkover, zudu, smallest, retell, vapi, elevenlabs, bland")]
pub struct UnknownProvider(pub String);

impl FromStr for Provider {
    type Err = UnknownProvider;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let folded: String = s
            .trim()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect::<String>();
        match folded.as_str() {
            "agentvoice" => Ok(Self::AgentVoice),
            "vozagent" => Ok(Self::VozAgent),
            "talkover" => Ok(Self::Talkover),
            "zudu" => Ok(Self::Zudu),
            "smallest" | "smallestai" | "atoms" | "smallestatoms" => Ok(Self::Smallest),
            "retell" | "retellai" => Ok(Self::Retell),
            "vapi" => Ok(Self::Vapi),
            "elevenlabs" | "11labs" | "elevenlabsconvai" => Ok(Self::ElevenLabs),
            "bland" | "blandai" => Ok(Self::Bland),
            _ => Err(UnknownProvider(s.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for p in Provider::ALL {
            assert_eq!(p.id().parse::<Provider>(), Ok(p));
            assert_eq!(p.name().parse::<Provider>(), Ok(p));
        }
        assert_eq!("Smallest.ai".parse::<Provider>(), Ok(Provider::Smallest));
        assert!("twilio".parse::<Provider>().is_err());
    }
}
