//! A deterministic, realistic data set of voice-agent calls: several agents
//! and campaigns, every status and direction, transcripts with timings that
//! fill each call's duration, and a few long calls. The dev server's mock
//! providers, the component gallery and the tests use it; the widget's
//! crate does not depend on it. [`Rng`] is the one deterministic generator
//! they all share.

mod rng;

pub use rng::Rng;

use callboard::core::words;
use callboard::core::{
    Call, CallDetail, Cost, CostUnit, ExtraValue, Figure, Provider, Speaker, ToolEvent,
    ToolEventKind, Transcript, Turn,
};

/// The instant the data set ends at: 2026-11-20T18:00:00Z.
pub const ANCHOR_MS: i64 = 1_795_197_600_000;
/// How far back the data set reaches.
pub const SPAN_DAYS: i64 = 90;

/// A uuid-shaped id from random bits.
pub fn uuid(rng: &mut Rng) -> String {
    let h = rng.hex();
    let part = |a: usize, b: usize| h.get(a..b).unwrap_or("0");
    format!(
        "{}-{}-4{}-a{}-{}",
        part(0, 8),
        part(8, 12),
        part(13, 16),
        part(17, 20),
        part(20, 32)
    )
}

/// An agent of the data set.
#[derive(Clone, Debug)]
pub struct Agent {
    /// Its id.
    pub id: &'static str,
    /// Its display name.
    pub name: &'static str,
    /// Its phone line.
    pub number: &'static str,
    /// The scenario it runs.
    pub scenario: usize,
}

/// The agents.
pub const AGENTS: [Agent; 5] = [
    Agent {
        id: "95cb3cab-de23-48ee-89c4-7341398f5cec",
        name: "Ava · Renewals",
        number: "+14155550100",
        scenario: 0,
    },
    Agent {
        id: "2b7f1d40-8a5e-4c1b-9f0e-61d2c3b4a5f6",
        name: "Noah · Support",
        number: "+14155550101",
        scenario: 1,
    },
    Agent {
        id: "6c1e9a72-3d4b-4f8a-a2c5-0e9f8d7c6b5a",
        name: "Mia · Appointments",
        number: "+14155550102",
        scenario: 2,
    },
    Agent {
        id: "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70",
        name: "Liam · Lead qualification",
        number: "+14155550103",
        scenario: 3,
    },
    Agent {
        id: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
        name: "Zoe · Collections",
        number: "+14155550104",
        scenario: 4,
    },
];

/// The campaigns: id and name.
pub const CAMPAIGNS: [(&str, &str); 4] = [
    ("456e7890-e89b-12d3-a456-426614174000", "Q4 Renewals"),
    (
        "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
        "Spring Cleaning Promo",
    ),
    ("6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e", "Win-back 2026"),
    ("7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f", "Inbound Support"),
];

const FIRST: [&str; 24] = [
    "John", "Maria", "Wei", "Fatima", "Carlos", "Aisha", "Tom", "Priya", "Lucas", "Emma", "Kenji",
    "Olivia", "Mateo", "Sofia", "Omar", "Hannah", "Diego", "Chloe", "Arjun", "Grace", "Ivan",
    "Leila", "Sam", "Noor",
];
const LAST: [&str; 24] = [
    "Doe", "Garcia", "Chen", "Khan", "Silva", "Bello", "Müller", "Shah", "Rossi", "Brown",
    "Tanaka", "Nguyen", "López", "Kowalski", "Haddad", "Schmidt", "Ramírez", "Dubois", "Patel",
    "Kim", "Petrov", "Farah", "Okafor", "O'Brien",
];
const AREA: [&str; 8] = ["415", "212", "512", "303", "617", "206", "312", "305"];

struct Scenario {
    summary: &'static [&'static str],
    open: &'static [(&'static str, &'static str)],
    middle: &'static [(&'static str, &'static str)],
    close: &'static [(&'static str, &'static str)],
    /// The node of the agent's flow the middle of the call runs in.
    node: &'static str,
    /// What the agent does besides speaking.
    actions: &'static [Action],
}

/// Something the agent does around one of its scenario's lines.
struct Action {
    /// The start of the line.
    line: &'static str,
    /// Whether it happens before the line is spoken (else after).
    before: bool,
    /// What happens.
    act: Act,
}

/// A tool call (name, arguments, result: JSON text), or keys pressed.
enum Act {
    Tool(&'static str, &'static str, &'static str),
    Keys(&'static str),
}

const fn before(line: &'static str, act: Act) -> Action {
    Action {
        line,
        before: true,
        act,
    }
}

const fn after(line: &'static str, act: Act) -> Action {
    Action {
        line,
        before: false,
        act,
    }
}

const SCENARIOS: [Scenario; 5] = [
    Scenario {
        summary: &[
            "Customer agreed to renew the annual plan at the loyalty rate.",
            "Customer asked for a quote by email before deciding on renewal.",
            "Customer declined the renewal; cited budget cuts.",
        ],
        open: &[("agent", "Hi {first}, this is Ava from Northwind Insurance. Do you have a minute to talk about your policy renewal?"), ("customer", "Sure, I have a few minutes.")],
        middle: &[
            ("agent", "Your current plan renews on the first of next month. We can keep the same coverage at a loyalty rate."),
            ("customer", "What would the new monthly price be?"),
            ("agent", "It would be forty-two dollars a month, which is eight percent less than the standard rate."),
            ("customer", "Does that include roadside assistance?"),
            ("agent", "Yes, roadside assistance and rental reimbursement are both included."),
            ("customer", "Okay. And can I change the deductible later?"),
            ("agent", "You can change it at any time from your account, and the price adjusts from the next billing cycle."),
            ("customer", "Let me think about whether I need the extra coverage on the second car."),
            ("agent", "Of course. I can also send a comparison of both options to your email."),
        ],
        close: &[("agent", "Thanks for your time, {first}. You'll get a confirmation email shortly."), ("customer", "Great, thank you. Bye.")],
        node: "Renewal offer",
        actions: &[
            before("Your current plan renews", Act::Tool("get_policy", r#"{"customer":"on_file"}"#, r#"{"policy_id":"NW-204817","plan":"Auto Plus","renews_on":"2026-12-01","loyalty_rate_usd":42.0}"#)),
            after("Of course. I can also send a comparison", Act::Tool("send_email", r#"{"template":"renewal_comparison","to":"on_file"}"#, r#"{"queued":true}"#)),
        ],
    },
    Scenario {
        summary: &[
            "Customer asked about a delayed order; agent confirmed a new delivery date.",
            "Customer requested a refund for a damaged item; refund issued.",
            "Customer could not log in; agent reset the password.",
        ],
        open: &[("customer", "Hi, I'm calling about my order, it hasn't arrived yet."), ("agent", "I'm sorry to hear that. Can you give me your order number?")],
        middle: &[
            ("customer", "It's W as in William, four, seven, two, nine, one."),
            ("agent", "Thank you. I see the package left our warehouse on Tuesday and is with the courier now."),
            ("customer", "It was supposed to be here yesterday."),
            ("agent", "You're right, it's running a day late. The new estimate is tomorrow before six p.m."),
            ("customer", "Can I get a refund on the shipping fee at least?"),
            ("agent", "Absolutely, I've refunded the shipping fee to your original payment method."),
            ("customer", "How long does the refund take to show up?"),
            ("agent", "Usually three to five business days, depending on your bank."),
            ("customer", "Okay. Will I get a tracking link?"),
            ("agent", "Yes, I've just sent the tracking link to your phone by text message."),
        ],
        close: &[("agent", "Is there anything else I can help you with today?"), ("customer", "No, that's all. Thanks for the help.")],
        node: "Order help",
        actions: &[
            before("Thank you. I see the package", Act::Tool("lookup_order", r#"{"order_id":"W47291"}"#, r#"{"status":"in_transit","carrier":"UPS","shipped":"Tuesday","eta":"tomorrow 18:00"}"#)),
            before("Absolutely, I've refunded", Act::Tool("refund_shipping", r#"{"order_id":"W47291","amount_usd":6.95}"#, r#"{"refund_id":"re_8GQ2","status":"succeeded"}"#)),
            before("Yes, I've just sent the tracking link", Act::Tool("send_sms", r#"{"template":"tracking_link","order_id":"W47291"}"#, r#"{"sid":"SM5f0c","status":"queued"}"#)),
        ],
    },
    Scenario {
        summary: &[
            "Booked a cleaning appointment for next Thursday at 10am.",
            "Rescheduled the customer's appointment to Monday afternoon.",
            "Customer asked about pricing; no appointment booked.",
        ],
        open: &[("agent", "Hello, this is Mia calling from Bright Dental. Am I speaking with {first}?"), ("customer", "Yes, this is {first}.")],
        middle: &[
            ("agent", "You're due for your six-month cleaning. Would you like to book a time?"),
            ("customer", "Sure, what do you have next week?"),
            ("agent", "We have Thursday at ten a.m. or Friday at two thirty p.m."),
            ("customer", "Thursday at ten works for me."),
            ("agent", "Perfect. Should we use the same insurance on file?"),
            ("customer", "Yes, nothing has changed."),
            ("agent", "Great. I've booked you with Dr. Alvarez on Thursday at ten."),
            ("customer", "Do I need to arrive early?"),
            ("agent", "Ten minutes early is perfect, just to check in."),
        ],
        close: &[("agent", "You'll get a reminder text the day before. Have a great day!"), ("customer", "You too, bye.")],
        node: "Booking",
        actions: &[
            before("We have Thursday at ten", Act::Tool("check_availability", r#"{"week":"next","service":"cleaning"}"#, r#"{"slots":["Thu 10:00","Fri 14:30"]}"#)),
            before("Great. I've booked you", Act::Tool("book_appointment", r#"{"slot":"Thu 10:00","dentist":"Dr. Alvarez","service":"cleaning"}"#, r#"{"confirmation":"BD-2291"}"#)),
        ],
    },
    Scenario {
        summary: &[
            "Qualified lead: homeowner interested in solar, budget confirmed.",
            "Lead not qualified: renting, no decision power.",
            "Warm lead asked for a callback next week.",
        ],
        open: &[("agent", "Hi {first}, this is Liam from SunPeak Solar. You requested information about solar panels on our website?"), ("customer", "Oh yes, I did fill out a form.")],
        middle: &[
            ("agent", "Great. Do you own your home, or are you renting?"),
            ("customer", "We own it, bought it three years ago."),
            ("agent", "And roughly how much is your monthly electricity bill?"),
            ("customer", "Around one hundred eighty dollars in summer, less in winter."),
            ("agent", "That's a good fit for a six kilowatt system. Is the roof facing south?"),
            ("customer", "Mostly south-west, I think."),
            ("agent", "That works well. Would you be open to a free roof assessment?"),
            ("customer", "What does the assessment involve?"),
            ("agent", "A technician takes measurements and photos; it takes about forty minutes."),
        ],
        close: &[("agent", "I'll have a specialist call you to set that up. Thanks, {first}!"), ("customer", "Sounds good, thanks.")],
        node: "Qualification",
        actions: &[
            before("That's a good fit for a six kilowatt", Act::Tool("estimate_system", r#"{"monthly_bill_usd":180}"#, r#"{"system_kw":6.0,"panels":15}"#)),
            after("I'll have a specialist call you", Act::Tool("create_lead", r#"{"interest":"solar","owner":true,"monthly_bill_usd":180}"#, r#"{"lead_id":"L-58121"}"#)),
        ],
    },
    Scenario {
        summary: &[
            "Customer promised to pay the overdue balance by Friday.",
            "Set up a three-month payment plan for the outstanding balance.",
            "Customer disputed the charge; escalated to billing.",
        ],
        open: &[("agent", "Hello, this is Zoe from Metro Utilities calling about your account. Is this {first}?"), ("customer", "Yes, what is this about?")],
        middle: &[
            ("agent", "There's an outstanding balance of two hundred thirty dollars from last month."),
            ("customer", "I thought I paid that already."),
            ("agent", "I see a payment that was returned by the bank on the fifth."),
            ("customer", "Oh, I changed banks recently. That must be why."),
            ("agent", "That happens. Would you like to pay now, or set up a payment plan?"),
            ("customer", "Can I split it into a few payments?"),
            ("agent", "Yes, we can do three monthly payments with no extra fee."),
            ("customer", "Okay, let's do that."),
        ],
        close: &[("agent", "Done. You'll get the schedule by email. Thanks for sorting this out, {first}."), ("customer", "Thank you, goodbye.")],
        node: "Payment options",
        actions: &[
            before("There's an outstanding balance", Act::Tool("get_balance", r#"{"account":"on_file"}"#, r#"{"balance_usd":230.0,"returned_payment":"2026-11-05"}"#)),
            after("Okay, let's do that.", Act::Keys("1")),
            before("Done. You'll get the schedule", Act::Tool("create_payment_plan", r#"{"installments":3,"amount_usd":76.67}"#, r#"{"plan_id":"PP-3391","first_due":"2026-12-05"}"#)),
        ],
    },
];

/// The statuses and their weights (per thousand), with the direction
/// vocabulary the data set uses.
const STATUSES: [(&str, u64); 9] = [
    ("completed", 700),
    ("no-answer", 80),
    ("voicemail", 60),
    ("failed", 50),
    ("busy", 40),
    ("canceled", 30),
    ("in-progress", 20),
    ("ringing", 10),
    ("queued", 10),
];

fn weighted(rng: &mut Rng) -> &'static str {
    let mut roll = rng.below(1_000);
    for (status, weight) in STATUSES {
        if roll < weight {
            return status;
        }
        roll -= weight;
    }
    "completed"
}

/// Speech takes about 65 ms a character, plus a pause between turns.
fn turn_ms(text: &str) -> i64 {
    400 + text.chars().count() as i64 * 65
}

/// A transcript for `scenario` that fills `duration_ms`.
fn transcript(rng: &mut Rng, scenario: &Scenario, first: &str, duration_ms: i64) -> Transcript {
    let mut turns = Vec::new();
    let mut at: i64 = 300 + rng.below(900) as i64;
    let mut push = |who: &str, text: &str, at: &mut i64, rng: &mut Rng| -> bool {
        let text = text.replace("{first}", first);
        let len = turn_ms(&text);
        if *at + len > duration_ms {
            return false;
        }
        let speaker = if who == "agent" {
            Speaker::Agent
        } else {
            Speaker::Customer
        };
        turns.push(Turn {
            speaker,
            label: speaker.label().en().to_owned(),
            text,
            start_ms: Some(*at),
            end_ms: Some(*at + len),
            words: Vec::new(),
        });
        *at += len + 250 + rng.below(700) as i64;
        true
    };
    let close_ms: i64 = scenario.close.iter().map(|(_, t)| turn_ms(t) + 600).sum();
    for (who, text) in scenario.open {
        if !push(who, text, &mut at, rng) {
            return Transcript {
                turns,
                events: Vec::new(),
            };
        }
    }
    let mut i = rng.below(scenario.middle.len() as u64) as usize;
    while at + close_ms + 8_000 < duration_ms {
        let Some((who, text)) = scenario.middle.get(i % scenario.middle.len()) else {
            break;
        };
        if !push(who, text, &mut at, rng) {
            break;
        }
        i += 1;
    }
    for (who, text) in scenario.close {
        push(who, text, &mut at, rng);
    }
    let events = events(&turns, scenario, first, duration_ms);
    Transcript { turns, events }
}

/// The agent's moves between the turns: into the scenario's node at its
/// first middle line and to "Wrap-up" at its close, and its actions, one
/// tool call in eight failing. Drawn from their own generator, so the
/// calls themselves do not change with them.
fn events(turns: &[Turn], scenario: &Scenario, first: &str, seed: i64) -> Vec<ToolEvent> {
    let mut rng = Rng::new(seed.unsigned_abs() ^ 0x7001_5eed);
    let is = |turn: &Turn, lines: &[(&str, &str)]| {
        lines
            .iter()
            .any(|(_, line)| turn.text == line.replace("{first}", first))
    };
    let middle = turns.iter().position(|t| is(t, scenario.middle));
    let close = turns.iter().position(|t| is(t, scenario.close));
    let event =
        |kind, name: &str, detail: Option<&str>, at_ms: i64, turns_before: usize| ToolEvent {
            kind,
            name: name.to_owned(),
            detail: detail.map(str::to_owned),
            success: None,
            at_ms: Some(at_ms),
            call_id: None,
            turns_before,
        };
    let mut out = Vec::new();
    for (i, turn) in turns.iter().enumerate() {
        let (Some(start), Some(end)) = (turn.start_ms, turn.end_ms) else {
            continue;
        };
        if Some(i) == middle {
            out.push(event(
                ToolEventKind::NodeTransition,
                scenario.node,
                Some("Greeting"),
                start - 240,
                i,
            ));
        }
        if Some(i) == close && middle.is_some() {
            out.push(event(
                ToolEventKind::NodeTransition,
                "Wrap-up",
                Some(scenario.node),
                start - 240,
                i,
            ));
        }
        for action in scenario
            .actions
            .iter()
            .filter(|a| turn.text.starts_with(a.line))
        {
            // In the pause before or after the line (pauses are 250 ms or more).
            let (at, turns_before) = if action.before {
                (start - 200, i)
            } else {
                (end + 60, i + 1)
            };
            match action.act {
                Act::Keys(keys) => {
                    out.push(event(ToolEventKind::Dtmf, keys, None, at, turns_before))
                }
                Act::Tool(name, arguments, result) => {
                    let call_id = Some(format!("call_{:012x}", rng.next_u64() >> 16));
                    let failed = rng.below(8) == 0;
                    let result = if failed {
                        r#"{"error":"The service did not answer in time."}"#
                    } else {
                        result
                    };
                    out.push(ToolEvent {
                        call_id: call_id.clone(),
                        ..event(
                            ToolEventKind::Invocation,
                            name,
                            Some(arguments),
                            at,
                            turns_before,
                        )
                    });
                    out.push(ToolEvent {
                        call_id,
                        success: Some(!failed),
                        ..event(
                            ToolEventKind::Result,
                            name,
                            Some(result),
                            at + 120,
                            turns_before,
                        )
                    });
                }
            }
        }
    }
    out
}

fn phone(rng: &mut Rng) -> String {
    let area = rng.pick(&AREA).copied().unwrap_or("415");
    format!("+1{area}555{:04}", rng.below(10_000))
}

fn end_reason(status: &str, direction_inbound: bool, rng: &mut Rng) -> &'static str {
    match status {
        "completed" => {
            if direction_inbound || rng.below(2) == 0 {
                "customer-ended-call"
            } else {
                "assistant-ended-call"
            }
        }
        "no-answer" => "customer-did-not-answer",
        "voicemail" => "voicemail",
        "failed" => "twilio-failed-to-connect-call",
        "busy" => "customer-busy",
        "canceled" => "manually-canceled",
        _ => "",
    }
}

/// A customer of the data set: the same person (name, number, CRM id)
/// across all their calls.
struct Contact {
    first: &'static str,
    last: &'static str,
    number: String,
    id: String,
}

/// How many distinct customers the calls are spread over.
const CONTACTS: u64 = 500;

fn contacts(rng: &mut Rng) -> Vec<Contact> {
    (0..CONTACTS)
        .map(|i| Contact {
            first: rng.pick(&FIRST).copied().unwrap_or("Sam"),
            last: rng.pick(&LAST).copied().unwrap_or("Lee"),
            number: phone(rng),
            id: format!("contact-{i:04}"),
        })
        .collect()
}

/// `count` calls with their details, newest first, over the 90 days before
/// `ANCHOR_MS`. Calls `long_every`-th (and never fewer than three) last
/// 30 to 40 minutes.
pub fn calls(count: usize, seed: u64) -> Vec<CallDetail> {
    let mut rng = Rng::new(seed);
    let people = contacts(&mut rng);
    let span = SPAN_DAYS * 86_400_000;
    let mut out = Vec::with_capacity(count);
    let step = span / count.max(1) as i64;
    for n in 0..count {
        let agent = AGENTS
            .get(n % AGENTS.len())
            .cloned()
            .unwrap_or_else(|| AGENTS[0].clone());
        let scenario = SCENARIOS.get(agent.scenario).unwrap_or(&SCENARIOS[0]);
        let Some(person) = rng.pick(&people) else {
            continue;
        };
        let (first, last) = (person.first, person.last);
        let inbound = agent.scenario == 1 || rng.below(4) == 0;
        let long = n % 397 == 5 || n == 17;
        let status = if long || n < 3 {
            "completed"
        } else {
            weighted(&mut rng)
        };
        let duration_ms: i64 = match status {
            "completed" if long => 1_800_000 + rng.below(600_000) as i64,
            "completed" => 40_000 + (rng.unit().powi(2) * 600_000.0) as i64,
            "voicemail" => 15_000 + rng.below(20_000) as i64,
            "in-progress" => 20_000 + rng.below(120_000) as i64,
            "failed" => rng.below(3_000) as i64,
            _ => 0,
        };
        let jitter = rng.below(step.max(1) as u64) as i64;
        let started = ANCHOR_MS - n as i64 * step - jitter;
        let mut c = Call::new(Provider::AgentVoice, uuid(&mut rng));
        c.started_at = Some(started);
        c.created_at = Some(started - 2_000 - rng.below(4_000) as i64);
        c.ended_at = (!matches!(status, "in-progress" | "ringing" | "queued"))
            .then_some(started + duration_ms);
        c.duration_ms = Some(duration_ms);
        c.set_direction(Some(if inbound { "inbound" } else { "outbound" }.into()));
        c.set_status(Some(status.into()));
        c.customer_name = Some(format!("{first} {last}"));
        c.customer_number = Some(person.number.clone());
        c.contact_id = Some(person.id.clone());
        c.agent_id = Some(agent.id.to_owned());
        c.agent_name = Some(agent.name.to_owned());
        c.agent_number = Some(agent.number.to_owned());
        let (campaign_id, campaign_name) = if inbound {
            CAMPAIGNS[3]
        } else {
            *rng.pick(&CAMPAIGNS[..3]).unwrap_or(&CAMPAIGNS[0])
        };
        c.campaign_id = Some(campaign_id.to_owned());
        c.campaign_name = Some(campaign_name.to_owned());
        let reason = end_reason(status, inbound, &mut rng);
        c.end_reason = (!reason.is_empty()).then(|| reason.to_owned());
        let talked = status == "completed";
        if talked {
            let which = rng.below(scenario.summary.len() as u64) as usize;
            c.summary = scenario.summary.get(which).map(|s| (*s).to_owned());
            c.successful = Some(which == 0 || (which == 1 && agent.scenario == 1));
            let sentiment = match which {
                0 => "Positive",
                2 => "Negative",
                _ => "Neutral",
            };
            c.sentiment = Some(sentiment.to_owned());
            c.push_extra(
                "lead_qualification",
                "Lead",
                Some(ExtraValue::Text(
                    match which {
                        0 => "Hot",
                        1 => "Warm",
                        _ => "Cold",
                    }
                    .to_owned(),
                )),
            );
            c.push_extra(
                "appointment_booked",
                "Appointment booked",
                Some(ExtraValue::Flag(agent.scenario == 2 && which == 0)),
            );
        }
        c.push_extra(
            "is_test_call",
            "Test call",
            Some(ExtraValue::Flag(n % 97 == 13)),
        );
        c.cost = Some(Cost {
            amount: ((duration_ms as f64 / 60_000.0) * 0.09 * 10_000.0).round() / 10_000.0,
            unit: CostUnit::Usd,
        });
        let transcript = (talked || status == "voicemail" || status == "in-progress")
            .then(|| transcript(&mut rng, scenario, first, duration_ms.max(6_000)))
            .filter(|t| !t.is_empty());
        if transcript.is_some() {
            c.recording.mono = Some(format!("/recordings/{}.wav", c.id));
            c.recording.stereo = Some(format!("/recordings/{}.stereo.wav", c.id));
        }
        let latency = if talked {
            let base = 600 + rng.below(500) as i64;
            vec![
                Figure {
                    label: words::LATENCY_END_TO_END.into(),
                    percentile: Some("p50"),
                    ms: base,
                },
                Figure {
                    label: words::LATENCY_END_TO_END.into(),
                    percentile: Some("p90"),
                    ms: base + 300 + rng.below(400) as i64,
                },
                Figure {
                    label: "LLM".into(),
                    percentile: Some("p50"),
                    ms: base / 2,
                },
            ]
        } else {
            Vec::new()
        };
        out.push(CallDetail {
            call: c,
            transcript: transcript.map(std::sync::Arc::new),
            latency,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use callboard::core::CallStatus;

    #[test]
    fn deterministic_and_varied() {
        let a = calls(500, 7);
        let b = calls(500, 7);
        assert_eq!(a, b, "the same seed gives the same data");
        let statuses: std::collections::HashSet<CallStatus> =
            a.iter().map(|d| d.call.status).collect();
        assert!(statuses.len() >= 8, "{statuses:?}");
        assert!(a
            .iter()
            .any(|d| d.call.direction == callboard::core::Direction::Inbound));
        assert!(a
            .iter()
            .any(|d| d.call.direction == callboard::core::Direction::Outbound));
        let span = a.first().and_then(|d| d.call.started_at).unwrap()
            - a.last().and_then(|d| d.call.started_at).unwrap();
        assert!(span > 80 * 86_400_000, "about 90 days");
    }

    #[test]
    fn transcripts_fit_their_calls() {
        for d in calls(300, 3) {
            let Some(t) = &d.transcript else { continue };
            let duration = d.call.duration_ms.unwrap();
            let mut last = -1;
            for turn in &t.turns {
                let (s, e) = (turn.start_ms.unwrap(), turn.end_ms.unwrap());
                assert!(
                    s > last && e > s && e <= duration,
                    "{} {s}..{e} of {duration}",
                    d.call.id
                );
                last = e;
            }
        }
    }

    #[test]
    fn a_contact_is_one_person() {
        let data = calls(800, 5);
        let mine: Vec<_> = data
            .iter()
            .filter(|d| d.call.contact_id.as_deref() == Some("contact-0007"))
            .collect();
        assert!(mine.len() >= 2, "contacts have several calls");
        assert!(mine
            .iter()
            .all(|d| d.call.customer_name == mine[0].call.customer_name
                && d.call.customer_number == mine[0].call.customer_number));
    }

    #[test]
    fn long_calls_exist() {
        let data = calls(2_000, 1);
        let long = data
            .iter()
            .filter(|d| d.call.duration_ms.unwrap_or(0) >= 1_800_000)
            .count();
        assert!(long >= 3, "{long} long calls");
        let turns = data
            .iter()
            .filter_map(|d| d.transcript.as_ref())
            .map(|t| t.turns.len())
            .max()
            .unwrap();
        assert!(
            turns > 150,
            "a long call has a long transcript ({turns} turns)"
        );
    }
}
