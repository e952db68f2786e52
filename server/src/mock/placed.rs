//! Calls placed on the dev server, played as they happen: `POST
//! /_control/calls` (the demo's "Place a call" button) or one every
//! `serve --live SECS`. A placed call joins the data set (every provider
//! lists it), rings, runs turn by turn, ends and gets its analysis; at each
//! step the four providers that send webhooks (Retell, Vapi, ElevenLabs,
//! Bland) post theirs, signed as they sign them, to a proxy's
//! `/webhooks/{provider}`: the dev server's own by default.
//!
//! A placed call is a copy of a short completed call of the data set, with
//! a new id, started now, for the contact named in the request where one
//! is (the demo's contact page).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use callboard::core::{CallDetail, Provider, Transcript};
use callboard_demo_data::{uuid, Rng};
use serde::Deserialize;
use serde_json::{json, Value};

use super::common::{json as json_answer, AppState};
use super::{bland, elevenlabs, retell, vapi};
use crate::live::signature;

/// The providers that tell a server about calls as they happen.
pub const WEBHOOK_PROVIDERS: [Provider; 4] = [
    Provider::Retell,
    Provider::Vapi,
    Provider::ElevenLabs,
    Provider::Bland,
];

/// Where one provider's webhooks go, and the secret they are signed with.
#[derive(Clone, Debug)]
pub struct Target {
    /// The provider.
    pub provider: Provider,
    /// The full URL of its `/webhooks/{provider}`.
    pub url: String,
    /// Its webhook secret.
    pub secret: String,
}

/// Places calls and plays them.
pub struct Placer {
    state: AppState,
    targets: Vec<Target>,
    client: reqwest::Client,
    placed: AtomicU64,
}

/// What a placement may say (all optional): who the customer is, and how
/// much faster than real time the call runs (tests: 20).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Placement {
    /// The CRM contact's id.
    pub contact_id: Option<String>,
    /// The customer's number.
    pub phone_number: Option<String>,
    /// The customer's name.
    pub name: Option<String>,
    /// How many times faster than real time (1 to 100; default 1).
    pub speed: Option<f64>,
}

/// One step of a placed call: the call as it is then, and the event each
/// webhook provider sends for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Started,
    Spoke,
    Ended,
    Analyzed,
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

impl Placer {
    /// A placer over `state`'s data set, posting to `targets`.
    pub fn new(state: AppState, targets: Vec<Target>) -> Arc<Self> {
        Arc::new(Self {
            state,
            targets,
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(10))
                .build()
                .unwrap_or_default(),
            placed: AtomicU64::new(0),
        })
    }

    /// `POST /_control/calls`.
    pub fn routes(self: &Arc<Self>) -> Router {
        Router::new()
            .route("/_control/calls", post(place))
            .with_state(Arc::clone(self))
    }

    /// Places a call every `every`, until the server stops.
    pub fn every(self: &Arc<Self>, every: Duration) {
        let placer = Arc::clone(self);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.tick().await;
            loop {
                tick.tick().await;
                let _ = placer.place(Placement::default());
            }
        });
    }

    /// Places a call as `how` says and plays it in the background; its
    /// generic id, or why not.
    pub fn place(self: &Arc<Self>, how: Placement) -> Result<String, String> {
        let speed = how.speed.unwrap_or(1.0);
        if !(1.0..=100.0).contains(&speed) {
            return Err("speed must be from 1 to 100".into());
        }
        let n = self.placed.fetch_add(1, Ordering::Relaxed);
        let finished = self.template(n, &how)?;
        let id = finished.call.id.clone();
        let placer = Arc::clone(self);
        tokio::spawn(async move { placer.play(finished, speed).await });
        Ok(id)
    }

    /// The call placement `n` will become: a short completed call of the
    /// data set, new id, starting now, for `how`'s contact.
    fn template(&self, n: u64, how: &Placement) -> Result<CallDetail, String> {
        let data = self.state.data();
        let short: Vec<&CallDetail> = data
            .base
            .iter()
            .filter(|d| {
                d.call.status_raw.as_deref() == Some("completed")
                    && d.transcript.as_ref().is_some_and(|t| t.turns.len() >= 4)
                    && d.call
                        .duration_ms
                        .is_some_and(|ms| (30_000..=90_000).contains(&ms))
            })
            .collect();
        let count = short.len().max(1) as u64;
        let Some(pick) = short.get((n % count) as usize) else {
            return Err("the data set has no short call to copy".into());
        };
        let mut d = (*pick).clone();
        let now = now_ms();
        let mut rng = Rng::new(now as u64 ^ n.rotate_left(32));
        let c = &mut d.call;
        c.id = uuid(&mut rng);
        c.created_at = Some(now - 1_000);
        c.started_at = Some(now);
        c.ended_at = c.duration_ms.map(|ms| now + ms);
        if how.contact_id.is_some() || how.phone_number.is_some() || how.name.is_some() {
            c.contact_id = how.contact_id.clone();
            c.customer_number = how.phone_number.clone();
            c.customer_name = how.name.clone();
        }
        Ok(d)
    }

    /// Plays `finished` from its start: in progress, each turn, ended,
    /// analysed; `speed` times faster than real time.
    async fn play(&self, finished: CallDetail, speed: f64) {
        let start = tokio::time::Instant::now();
        let at = |ms: i64| start + Duration::from_millis((ms.max(0) as f64 / speed) as u64);
        let index = self
            .state
            .change_data(|data| data.place(as_of(&finished, Step::Started, 0)));
        self.tell(index, Step::Started).await;
        let turns = finished.transcript.as_ref().map_or(0, |t| t.turns.len());
        for i in 1..=turns {
            let spoken = finished
                .transcript
                .as_ref()
                .and_then(|t| t.turns.get(i - 1))
                .and_then(|t| t.end_ms)
                .unwrap_or_default();
            tokio::time::sleep_until(at(spoken)).await;
            let now = as_of(&finished, Step::Spoke, i);
            self.state.change_data(|data| data.update(index, now));
            self.tell(index, Step::Spoke).await;
        }
        let duration = finished.call.duration_ms.unwrap_or_default();
        tokio::time::sleep_until(at(duration)).await;
        let ended = as_of(&finished, Step::Ended, turns);
        self.state.change_data(|data| data.update(index, ended));
        self.tell(index, Step::Ended).await;
        tokio::time::sleep_until(at(duration + 3_000)).await;
        self.state
            .change_data(|data| data.update(index, finished.clone()));
        self.tell(index, Step::Analyzed).await;
    }

    /// Posts each webhook provider's delivery for call `index` as the data
    /// set has it now.
    async fn tell(&self, index: usize, step: Step) {
        let data = self.state.data();
        for target in &self.targets {
            let Some(d) = data.view(target.provider).calls.get(index) else {
                continue;
            };
            let Some(body) = delivery(target.provider, d, step) else {
                continue;
            };
            let body = body.to_string();
            let mut request = self
                .client
                .post(&target.url)
                .header("content-type", "application/json");
            for (name, value) in
                signature::sign(target.provider, &target.secret, body.as_bytes(), now_ms())
            {
                request = request.header(name, value);
            }
            match request.body(body).send().await {
                Ok(r) if r.status().is_success() => {}
                Ok(r) => eprintln!(
                    "serve: {} webhook to {}: {}",
                    target.provider.id(),
                    target.url,
                    r.status()
                ),
                Err(e) => eprintln!(
                    "serve: {} webhook to {}: {e}",
                    target.provider.id(),
                    target.url
                ),
            }
        }
    }
}

/// `finished` as it was at `step`, `turns` turns in.
fn as_of(finished: &CallDetail, step: Step, turns: usize) -> CallDetail {
    let mut d = finished.clone();
    if step == Step::Analyzed {
        return d;
    }
    let c = &mut d.call;
    c.summary = None;
    c.title = None;
    c.sentiment = None;
    c.successful = None;
    c.extras.clear();
    if step == Step::Ended {
        return d;
    }
    c.set_status(Some("in-progress".into()));
    c.ended_at = None;
    c.duration_ms = None;
    c.end_reason = None;
    c.cost = None;
    c.recording = Default::default();
    if let Some(t) = &mut d.transcript {
        let t = Arc::make_mut(t);
        t.turns.truncate(turns);
        t.events.retain(|e| e.turns_before < turns);
    } else {
        d.transcript = Some(Arc::new(Transcript::default()));
    }
    d
}

/// Provider `p`'s webhook body for call `d` (as `p` holds it) at `step`,
/// where `p` sends one then.
fn delivery(p: Provider, d: &CallDetail, step: Step) -> Option<Value> {
    let now = now_ms();
    match p {
        Provider::Retell => {
            let event = match step {
                Step::Started => "call_started",
                Step::Spoke => "transcript_updated",
                Step::Ended => "call_ended",
                Step::Analyzed => "call_analyzed",
            };
            Some(json!({ "event": event, "call": retell::detail_json(d, true) }))
        }
        Provider::Vapi => {
            let call = vapi::full(d);
            match step {
                Step::Started | Step::Ended => Some(json!({ "message": {
                    "type": "status-update",
                    "status": call.get("status").cloned().unwrap_or(Value::Null),
                    "timestamp": now,
                    "call": call,
                }})),
                Step::Spoke => None,
                Step::Analyzed => Some(json!({ "message": {
                    "type": "end-of-call-report",
                    "endedReason": call.get("endedReason").cloned().unwrap_or(Value::Null),
                    "timestamp": now,
                    "call": call,
                }})),
            }
        }
        Provider::ElevenLabs => (step == Step::Analyzed).then(|| {
            json!({
                "type": "post_call_transcription",
                "event_timestamp": now / 1000,
                "data": elevenlabs::full(d),
            })
        }),
        Provider::Bland => (step == Step::Analyzed).then(|| bland::full(d)),
        _ => None,
    }
}

/// `POST /_control/calls` with a [`Placement`] (or nothing): `201
/// {"id"}` (the generic id; `/_control/ids` lists each provider's).
async fn place(State(placer): State<Arc<Placer>>, body: Option<Json<Placement>>) -> Response {
    let how = body.map(|Json(b)| b).unwrap_or_default();
    match placer.place(how) {
        Ok(id) => json_answer(StatusCode::CREATED, &json!({ "id": id })),
        Err(e) => (StatusCode::BAD_REQUEST, e).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finished() -> CallDetail {
        callboard_demo_data::calls(60, 7)
            .into_iter()
            .find(|d| {
                d.call.status_raw.as_deref() == Some("completed")
                    && d.transcript.as_ref().is_some_and(|t| t.turns.len() >= 4)
                    && d.call.summary.is_some()
            })
            .unwrap()
    }

    #[test]
    fn a_call_in_progress_has_no_end_analysis_or_recording_yet() {
        let f = finished();
        let d = as_of(&f, Step::Spoke, 2);
        assert_eq!(d.call.status_raw.as_deref(), Some("in-progress"));
        assert_eq!(d.transcript.as_ref().unwrap().turns.len(), 2);
        assert!(d.call.ended_at.is_none() && d.call.summary.is_none());
        assert!(!d.call.recording.is_available());
        let ended = as_of(&f, Step::Ended, 99);
        assert_eq!(ended.call.status, f.call.status);
        assert!(ended.call.summary.is_none() && ended.call.recording.is_available());
        assert_eq!(as_of(&f, Step::Analyzed, 0), f);
    }

    #[test]
    fn each_provider_sends_what_its_docs_say_when_they_say_it() {
        let f = finished();
        let sent = |p: Provider, step: Step| delivery(p, &f, step);
        assert_eq!(
            sent(Provider::Retell, Step::Spoke).unwrap()["event"],
            "transcript_updated"
        );
        assert_eq!(
            sent(Provider::Vapi, Step::Analyzed).unwrap()["message"]["type"],
            "end-of-call-report"
        );
        assert!(sent(Provider::Vapi, Step::Spoke).is_none());
        for p in [Provider::ElevenLabs, Provider::Bland] {
            assert!(sent(p, Step::Started).is_none(), "{p}");
            assert!(sent(p, Step::Analyzed).is_some(), "{p}");
        }
        assert!(sent(Provider::AgentVoice, Step::Analyzed).is_none());
    }
}
