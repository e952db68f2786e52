//! The demo data set as each provider would hold it: its id formats, status
//! and direction vocabularies, and recording URLs.

use std::collections::HashMap;

use callboard::core::{Call, CallDetail, ExtraValue, Provider};

/// One provider's calls, newest first, with an index by the provider's id.
#[derive(Clone)]
pub struct ProviderData {
    /// The calls.
    pub calls: Vec<CallDetail>,
    /// The calls' list rows (what filters and pages run over).
    pub rows: Vec<Call>,
    by_id: HashMap<String, usize>,
}

impl ProviderData {
    /// The call with the provider's `id`.
    pub fn get(&self, id: &str) -> Option<&CallDetail> {
        self.by_id.get(id).and_then(|i| self.calls.get(*i))
    }

    /// The call's position in the data set (names its recording file).
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }
}

/// Every provider's view of the data set.
#[derive(Clone)]
pub struct Dataset {
    /// The generic calls (recordings are generated from these).
    pub base: Vec<CallDetail>,
    /// In `Provider::ALL` order.
    views: [ProviderData; 9],
}

impl Dataset {
    /// The data set of `count` calls from `seed`.
    pub fn new(count: usize, seed: u64) -> Self {
        let base = callboard_demo_data::calls(count, seed);
        let views = Provider::ALL.map(|p| {
            let calls: Vec<CallDetail> = base
                .iter()
                .enumerate()
                .map(|(i, d)| nativize(p, d, i))
                .collect();
            let by_id = calls
                .iter()
                .enumerate()
                .map(|(i, d)| (d.call.id.clone(), i))
                .collect();
            let rows = calls.iter().map(|d| d.call.clone()).collect();
            ProviderData { calls, rows, by_id }
        });
        Self { base, views }
    }

    /// Adds call `d` (in the data set's generic form) after the others;
    /// its index names its recording.
    pub fn place(&mut self, d: CallDetail) -> usize {
        let index = self.base.len();
        for p in Provider::ALL {
            let native = nativize(p, &d, index);
            let Some(view) = self.view_mut(p) else {
                continue;
            };
            view.by_id.insert(native.call.id.clone(), view.calls.len());
            view.rows.push(native.call.clone());
            view.calls.push(native);
        }
        self.base.push(d);
        index
    }

    /// Replaces call `index` with `d` (the same call, as it is now: the
    /// same id in every provider's view).
    pub fn update(&mut self, index: usize, d: CallDetail) {
        for p in Provider::ALL {
            let native = nativize(p, &d, index);
            let Some(view) = self.view_mut(p) else {
                continue;
            };
            if let (Some(row), Some(call)) = (view.rows.get_mut(index), view.calls.get_mut(index)) {
                *row = native.call.clone();
                *call = native;
            }
        }
        if let Some(slot) = self.base.get_mut(index) {
            *slot = d;
        }
    }

    fn view_mut(&mut self, p: Provider) -> Option<&mut ProviderData> {
        self.views
            .iter_mut()
            .zip(Provider::ALL)
            .find_map(|(view, q)| (q == p).then_some(view))
    }

    /// One provider's view.
    pub fn view(&self, p: Provider) -> &ProviderData {
        let [agentvoice, vozagent, talkover, zudu, smallest, retell, vapi, elevenlabs, bland] =
            &self.views;
        match p {
            Provider::AgentVoice => agentvoice,
            Provider::VozAgent => vozagent,
            Provider::Talkover => talkover,
            Provider::Zudu => zudu,
            Provider::Smallest => smallest,
            Provider::Retell => retell,
            Provider::Vapi => vapi,
            Provider::ElevenLabs => elevenlabs,
            Provider::Bland => bland,
        }
    }
}

fn hex_id(uuid: &str) -> String {
    uuid.chars().filter(char::is_ascii_hexdigit).collect()
}

/// The provider's word for a demo status.
pub fn native_status(p: Provider, status: &str) -> &'static str {
    match p {
        Provider::AgentVoice => match status {
            "completed" => "completed",
            "no-answer" => "no-answer",
            "voicemail" => "voicemail",
            "failed" => "failed",
            "busy" => "busy",
            "canceled" => "canceled",
            "in-progress" | "ringing" => "in-progress",
            _ => "queued",
        },
        Provider::VozAgent => match status {
            "completed" | "voicemail" => "completed",
            "in-progress" | "ringing" | "queued" => "in-progress",
            _ => "failed",
        },
        Provider::Talkover => match status {
            "completed" | "voicemail" => "completed",
            "in-progress" => "answered",
            "ringing" => "ringing",
            "queued" => "initiated",
            "busy" => "busy",
            "no-answer" => "no-answer",
            _ => "failed",
        },
        Provider::Zudu => match status {
            "in-progress" | "ringing" => "ONGOING",
            "queued" => "SCHEDULED",
            "failed" => "ERROR",
            _ => "ENDED",
        },
        // The statuses of Smallest's definition (no `busy`: a busy line
        // is not answered).
        Provider::Smallest => match status {
            "completed" | "voicemail" => "completed",
            "in-progress" => "in_progress",
            "ringing" => "active",
            "queued" => "in_queue",
            "no-answer" | "busy" => "no_answer",
            "canceled" => "cancelled",
            _ => "failed",
        },
        Provider::Retell => match status {
            "in-progress" | "ringing" => "ongoing",
            "queued" => "registered",
            "failed" => "error",
            "no-answer" | "busy" | "canceled" => "not_connected",
            _ => "ended",
        },
        Provider::Vapi => match status {
            "in-progress" => "in-progress",
            "ringing" => "ringing",
            "queued" => "queued",
            _ => "ended",
        },
        // `ConversationSummaryResponseModel.status`.
        Provider::ElevenLabs => match status {
            "in-progress" | "ringing" => "in-progress",
            "queued" => "initiated",
            "failed" => "failed",
            _ => "done",
        },
        // The detail's `status`; the list says `completed` as a flag.
        Provider::Bland => match status {
            "in-progress" | "ringing" => "in-progress",
            "queued" => "queued",
            "failed" | "busy" | "no-answer" | "canceled" => "failed",
            _ => "completed",
        },
    }
}

/// The provider's word for a direction (`inbound` / `outbound`).
pub fn native_direction(p: Provider, inbound: bool) -> &'static str {
    match (p, inbound) {
        (Provider::Zudu, true) => "INBOUND",
        (Provider::Zudu, false) => "OUTBOUND",
        (Provider::Smallest, true) => "telephony_inbound",
        (Provider::Smallest, false) => "telephony_outbound",
        (Provider::Vapi, true) => "inboundPhoneCall",
        (Provider::Vapi, false) => "outboundPhoneCall",
        (_, true) => "inbound",
        (_, false) => "outbound",
    }
}

/// The provider's end-reason code for a demo reason.
fn native_reason(p: Provider, reason: &str) -> String {
    match p {
        Provider::Zudu | Provider::Retell | Provider::Smallest => match reason {
            "customer-ended-call" => "user_hangup",
            "assistant-ended-call" => "agent_hangup",
            "customer-did-not-answer" => "dial_no_answer",
            "customer-busy" => "dial_busy",
            "twilio-failed-to-connect-call" => "dial_failed",
            "voicemail" => "voicemail_reached",
            "manually-canceled" => "user_declined",
            other => other,
        }
        .to_owned(),
        _ => reason.to_owned(),
    }
}

/// Call `index` of the data set as provider `p` holds it.
pub fn nativize(p: Provider, d: &CallDetail, index: usize) -> CallDetail {
    let mut d = d.clone();
    let c = &mut d.call;
    c.provider = p;
    let uuid = c.id.clone();
    c.id = match p {
        Provider::VozAgent => format!("call-{}", uuid.get(..23).unwrap_or(&uuid)),
        Provider::Zudu => format!("call_{}", hex_id(&uuid).get(..20).unwrap_or_default()),
        Provider::Smallest => format!(
            "CALL-{}-{}",
            c.started_at.unwrap_or_default(),
            hex_id(&uuid).get(..6).unwrap_or_default()
        ),
        Provider::Retell => hex_id(&uuid),
        Provider::ElevenLabs => format!("conv_{}", hex_id(&uuid).get(..26).unwrap_or_default()),
        _ => uuid,
    };
    let status = c.status_raw.clone().unwrap_or_default();
    c.set_status(Some(native_status(p, &status).to_owned()));
    let inbound = c.direction_raw.as_deref() == Some("inbound");
    c.set_direction(Some(native_direction(p, inbound).to_owned()));
    c.end_reason = c.end_reason.as_deref().map(|r| native_reason(p, r));
    let has_audio = c.recording.mono.is_some();
    c.recording.mono = None;
    c.recording.stereo = None;
    c.recording.fresh_link = false;
    if has_audio {
        match p {
            Provider::Talkover => {}
            // Presigned links that have already expired: playback asks for
            // a fresh one.
            Provider::Smallest => {
                c.recording.mono = Some(format!("/recordings/{index}.wav?expires=1"));
                c.recording.stereo = Some(format!("/recordings/{index}.stereo.wav?expires=1"));
                c.recording.fresh_link = true;
            }
            Provider::AgentVoice | Provider::VozAgent | Provider::Zudu | Provider::Bland => {
                c.recording.mono = Some(format!("/recordings/{index}.wav"));
            }
            // Served by the API itself (`/audio`), through the proxy.
            Provider::ElevenLabs => {
                c.recording.proxy_path = Some(format!("/v1/convai/conversations/{}/audio", c.id));
            }
            Provider::Retell | Provider::Vapi => {
                c.recording.mono = Some(format!("/recordings/{index}.wav"));
                c.recording.stereo = Some(format!("/recordings/{index}.stereo.wav"));
            }
        }
    }
    if matches!(p, Provider::Zudu | Provider::Retell) {
        c.extras.retain(|e| e.key != "call_type");
        c.push_extra(
            "call_type",
            "Call type",
            Some(ExtraValue::Text("Phone call".into())),
        );
    }
    d
}
