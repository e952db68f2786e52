//! The open call's body: its summary, the recording's player and the
//! speakers' timeline, the transcript, the call's facts, latency and
//! provider extras. (Its panel, header and held place: `detail`.)

use leptos::prelude::*;

use super::adopt::{use_style, DETAIL_STYLE};
use super::boxed::effect;
use super::columns::{direction_label, extra_text, status_label};
use super::el_ref::ElRef;
use super::format;
use super::media::Playback;
use super::player::Player;
use super::read_only::ReadOnly;
use super::remote::Fetched;
use super::scroll;
use super::state::Board;
use super::timeline::SpeakerTimeline;
use super::transcript::transcript_view;
use super::words::Language;
use crate::core::normalize::end_reason_words;
use crate::core::phone;
use crate::core::time::format_duration;
use crate::core::timeline::Timeline;
use crate::core::url::safe_url;
use crate::core::words::{self as msg, fill, Msg};
use crate::core::{Call, CallDetail, ExtraValue};
use crate::net::later;

/// The facts about a call as label/value pairs (absent ones left out).
fn facts(call: &Call, locale: &format::Locale) -> Vec<(&'static str, String)> {
    let w = locale.words;
    let verdict = |ok| {
        if ok {
            msg::OUTCOME_SUCCESSFUL
        } else {
            msg::OUTCOME_NOT_SUCCESSFUL
        }
    };
    let out: Vec<(Msg, Option<String>)> = vec![
        (
            msg::FACT_WHEN,
            call.time().map(|t| format::date_time(locale, t)),
        ),
        (
            msg::FACT_DIRECTION,
            Some(direction_label(call.direction, w)),
        ),
        (msg::FACT_DURATION, call.duration().map(format_duration)),
        (msg::FACT_STATUS, Some(status_label(call, w))),
        (
            msg::FACT_ENDED,
            call.end_reason.as_deref().map(|r| end_reason_words(r, w)),
        ),
        (
            msg::FACT_OUTCOME,
            call.successful.map(|ok| w.text(verdict(ok)).to_owned()),
        ),
        (msg::FACT_SENTIMENT, call.sentiment.clone()),
        (msg::FACT_CUSTOMER, call.customer_name.clone()),
        (
            msg::FACT_CUSTOMER_NUMBER,
            call.customer_number.as_deref().map(phone::display),
        ),
        (
            msg::FACT_AGENT,
            call.agent_name.clone().or_else(|| call.agent_id.clone()),
        ),
        (
            msg::FACT_AGENT_LINE,
            call.agent_number.as_deref().map(phone::display),
        ),
        (
            msg::FACT_CAMPAIGN,
            call.campaign_name
                .clone()
                .or_else(|| call.campaign_id.clone()),
        ),
        (msg::FACT_COST, call.cost.map(|c| format::money(locale, c))),
    ];
    out.into_iter()
        .filter_map(|(k, v)| v.map(|v| (w.text(k), v)))
        .collect()
}

#[component]
pub(crate) fn Facts(board: Board, call: Call) -> impl IntoView {
    let items = move || {
        facts(&call, &board.locale().get())
            .into_iter()
            .map(|(k, v)| view! { <div class="cb-fact"><dt>{k}</dt><dd>{v}</dd></div> }.into_any())
            .collect_view()
    };
    view! { <dl class="cb-facts">{items}</dl> }
}

#[component]
fn Extras(board: Board, call: Call) -> impl IntoView {
    if call.extras.is_empty() {
        return ().into_any();
    }
    let extras = call.extras.clone();
    view! {
        <section class="cb-section" aria-label=board.lang.t(msg::PROVIDER_DETAILS)>
            <h3 class="cb-section__title">{board.lang.t(msg::DETAILS)}</h3>
            <dl class="cb-facts">
                {move || {
                    let locale = board.locale().get();
                    extras
                        .iter()
                        .map(|e| {
                            let value = match &e.value {
                                ExtraValue::Link(url) => match safe_url(url) {
                                    Some(href) => view! {
                                        <a href=href target="_blank" rel="noopener noreferrer">{locale.words.text(msg::OPEN_LINK)}</a>
                                    }
                                    .into_any(),
                                    None => "—".into_any(),
                                },
                                other => extra_text(&locale, other).into_any(),
                            };
                            // (A label of the provider's own, not translated, is marked so.)
                            let own = e.label.is_own().then_some("cb-own");
                            view! { <div class="cb-fact"><dt class=own>{e.label.say(locale.words).to_owned()}</dt><dd>{value}</dd></div> }.into_any()
                        })
                        .collect_view()
                }}
            </dl>
        </section>
    }
    .into_any()
}

/// The loaded call of `detail` (the call view chunk's content:
/// [`panel`](super::detail::panel)). Built once; a later value of the same call (told as it
/// happened: ended, analysed, its transcript grown) changes what it
/// changes in place: the summary, facts, latency and extras at once, the
/// player only when the recording changes (a playing recording goes on),
/// the transcript only when it has more turns (its scroll and search
/// kept).
pub(crate) fn detail_body(board: Board, detail: ReadOnly<Fetched<CallDetail>>) -> AnyView {
    view! { <DetailBody board detail /> }.into_any()
}

#[component]
fn DetailBody(board: Board, detail: ReadOnly<Fetched<CallDetail>>) -> impl IntoView {
    let first = detail.with_untracked(|d| d.value().map(|d| d.call.clone()));
    let playback = Playback::with_duration(first.as_ref().and_then(Call::duration));
    use_asked_seek(board, first.map(|c| c.id).unwrap_or_default(), playback);
    // The call view's styles come with its code.
    let recording = ElRef::<web_sys::HtmlElement>::new();
    use_style(recording, DETAIL_STYLE);
    let call = move || detail.with(|d| d.value().map(|d| d.call.clone()));
    // The transcript's size: the timeline and the transcript are built
    // again when it changes (a call told as it happens grows).
    let turns = Memo::new(move |_| {
        detail.with(|d| {
            d.value()
                .and_then(|d| d.transcript.as_ref())
                .map(|t| (t.turns.len(), t.events.len()))
        })
    });
    let conversation = ElRef::<web_sys::HtmlElement>::new();
    view! {
        {summary_section(detail, board.lang)}
        <section class="cb-section" aria-label=board.lang.t(msg::SECTION_RECORDING) node_ref=recording>
            <h3 class="cb-section__title">{board.lang.t(msg::SECTION_RECORDING)}</h3>
            {player(board, detail, playback)}
            {timeline(detail, playback, turns, board.lang)}
        </section>
        <section class="cb-section cb-section--grow" aria-label=board.lang.t(msg::SECTION_CONVERSATION) node_ref=conversation>
            <h3 class="cb-section__title">{board.lang.t(msg::SECTION_TRANSCRIPT)}</h3>
            {transcript(board, detail, playback, turns, conversation)}
        </section>
        <section class="cb-section" aria-label=board.lang.t(msg::SECTION_CALL_FACTS)>
            <h3 class="cb-section__title">{board.lang.t(msg::SECTION_CALL)}</h3>
            {move || call().map(|call| view! { <Facts board call /> })}
        </section>
        {latency_section(detail, board.lang)}
        {move || call().map(|call| view! { <Extras board call /> })}
    }
}

/// Seeks to a position the embedding asked for (`at`) for call `id`, now
/// or while it is open.
fn use_asked_seek(board: Board, id: String, playback: Playback) {
    effect(move || {
        if let Some(ms) = board.call.take_seek(&id) {
            playback.seek(ms);
        }
    });
}

/// The summary, where the call has one (it may come later, told as it
/// happened).
fn summary_section(detail: ReadOnly<Fetched<CallDetail>>, lang: Language) -> impl IntoView {
    let summary =
        Memo::new(move |_| detail.with(|d| d.value().and_then(|d| d.call.summary.clone())));
    move || {
        summary.get().map(|s| {
            let title = lang.words().text(msg::SECTION_SUMMARY);
            view! {
                <section class="cb-section" aria-label=title>
                    <h3 class="cb-section__title">{title}</h3>
                    <p class="cb-summary">{s}</p>
                </section>
            }
        })
    }
}

/// The player, built again only when the recording changes.
fn player(
    board: Board,
    detail: ReadOnly<Fetched<CallDetail>>,
    playback: Playback,
) -> impl IntoView {
    let audio = Memo::new(move |_| detail.with(|d| d.value().map(|d| d.call.recording.clone())));
    move || {
        // Read, not only tracked: a memo never read is never computed,
        // and one never computed tells no change.
        let _ = audio.get();
        detail
            .with_untracked(|d| d.value().map(|d| d.call.clone()))
            .map(|call| view! { <Player board call playback /> })
    }
}

/// Who spoke when, drawn at about a pixel in a thousand of the call.
fn timeline(
    detail: ReadOnly<Fetched<CallDetail>>,
    playback: Playback,
    turns: Memo<Option<(usize, usize)>>,
    lang: Language,
) -> impl IntoView {
    move || {
        let _ = turns.get();
        detail
            .with_untracked(|d| {
                let d = d.value()?;
                let t = d.transcript.as_ref()?;
                let gap = d.call.duration().unwrap_or(0) / 1_000;
                Timeline::new(t, d.call.duration(), gap)
            })
            .map(|timeline| view! { <SpeakerTimeline timeline playback lang /> })
    }
}

/// The transcript, or why there is none; built again (its scroll kept)
/// when it grows.
fn transcript(
    board: Board,
    detail: ReadOnly<Fetched<CallDetail>>,
    playback: Playback,
    turns: Memo<Option<(usize, usize)>>,
    conversation: ElRef<web_sys::HtmlElement>,
) -> impl IntoView {
    let caps = board.list.capabilities_untracked();
    move || {
        let _ = turns.get();
        let kept = conversation
            .get_untracked()
            .and_then(|c| scroll::TranscriptPlace::take(&c));
        let (transcript, call_id) = detail.with_untracked(|d| {
            d.value()
                .map(|d| (d.transcript.clone(), d.call.id.clone()))
                .unwrap_or_default()
        });
        if let (Some(place), Some(c)) = (kept, conversation.get_untracked()) {
            later::microtask(move || place.restore(&c));
        }
        match transcript {
            Some(t) if !t.is_empty() => {
                transcript_view(t, playback, call_id, Some(board.keys), board.lang).into_any()
            }
            _ => {
                let provider = board.list.provider_untracked().name();
                let text = move || {
                    let w = board.lang.words();
                    if caps.transcripts {
                        w.text(msg::NO_TRANSCRIPT).to_owned()
                    } else {
                        fill(
                            w.text(msg::PROVIDER_HAS_NO_TRANSCRIPTS),
                            &[("provider", provider)],
                        )
                    }
                };
                view! { <p class="cb-muted cb-empty-note" data-state="missing-transcript">{text}</p> }
                    .into_any()
            }
        }
    }
}

/// The latency figures, where the provider gives them.
fn latency_section(detail: ReadOnly<Fetched<CallDetail>>, lang: Language) -> impl IntoView {
    move || {
        let figures = detail.with(|d| d.value().map(|d| d.latency.clone()).unwrap_or_default());
        let w = lang.words();
        (!figures.is_empty()).then(|| view! {
            <section class="cb-section" aria-label=lang.words().text(msg::SECTION_LATENCY)>
                <h3 class="cb-section__title">{lang.words().text(msg::SECTION_LATENCY)}</h3>
                <ul class="cb-figures">
                    {figures.into_iter().map(|f| view! {
                        <li class="cb-figure"><span class=f.label.is_own().then_some("cb-own")>{f.label_in(w)}</span><strong>{format!("{} ms", f.ms)}</strong></li>
                    }.into_any()).collect_view()}
                </ul>
            </section>
        })
    }
}
