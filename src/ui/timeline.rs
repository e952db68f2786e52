//! "Who spoke when": the speaker timeline under the player. Agent and
//! customer lanes from the turn timings (`core::timeline`), the stretches
//! where both speak hatched, silence left blank, and the playhead; a click
//! or a drag seeks, and it is a keyboard slider with a spoken value ("1:05
//! of 4:10, the customer speaking").

use leptos::prelude::*;

use super::boxed::handler;
use super::el_ref::ElRef;
use super::media::Playback;
use super::words::Language;
use crate::core::decimal;
use crate::core::player::slider_key;
use crate::core::timeline::{Stretch, Timeline};
use crate::core::words as msg;

/// The timeline of a call whose turns are timed.
#[component]
pub fn SpeakerTimeline(timeline: Timeline, playback: Playback, lang: Language) -> impl IntoView {
    let total = timeline.duration_ms.max(1);
    let length = move || playback.duration().unwrap_or(total).max(1);
    let track = ElRef::<web_sys::HtmlDivElement>::new();
    let seek_to_pointer = move |x: f64| {
        if let Some(t) = track.get_untracked() {
            let rect = t.get_bounding_client_rect();
            if rect.width() > 0.0 {
                let fraction = ((x - rect.left()) / rect.width()).clamp(0.0, 1.0);
                playback.seek((fraction * length() as f64).round() as i64);
            }
        }
    };
    let lanes = view! {
        <div class="cb-timeline__lane" data-speaker="agent">{lane(&timeline.agent, total)}</div>
        <div class="cb-timeline__lane" data-speaker="customer">{lane(&timeline.customer, total)}</div>
        <div class="cb-timeline__overlaps">{lane(&timeline.overlaps, total)}</div>
    };
    view! {
        <div class="cb-timeline">
            <div class="cb-timeline__labels" aria-hidden="true">
                <span>{lang.t(msg::SPEAKER_AGENT)}</span>
                <span>{lang.t(msg::SPEAKER_CUSTOMER)}</span>
            </div>
            <div
                class="cb-timeline__track"
                node_ref=track
                role="slider"
                tabindex="0"
                aria-label=lang.t(msg::WHO_SPOKE_WHEN)
                aria-valuemin="0"
                aria-valuemax=move || (length() / 1_000).to_string()
                aria-valuenow=move || (playback.position() / 1_000).to_string()
                aria-valuetext=move || timeline.spoken_at(playback.position(), length(), lang.words())
                on:pointerdown=move |ev| {
                    if let Some(t) = track.get_untracked() {
                        let _ = t.set_pointer_capture(ev.pointer_id());
                    }
                    seek_to_pointer(f64::from(ev.client_x()));
                }
                on:pointermove=move |ev| {
                    if ev.buttons() & 1 == 1 {
                        seek_to_pointer(f64::from(ev.client_x()));
                    }
                }
                on:keydown=handler(move |ev: web_sys::KeyboardEvent| {
                    let at = playback.position_untracked();
                    if let Some(ms) = slider_key(&ev.key(), at, Some(length())) {
                        ev.prevent_default();
                        playback.seek(ms);
                    }
                })
            >
                {lanes}
                <span class="cb-timeline__playhead" style:left=move || percent(playback.position().min(total), total)></span>
            </div>
        </div>
    }
}

/// `ms` as a percentage of `total`, written without float formatting code.
fn percent(ms: i64, total: i64) -> String {
    format!("{}%", decimal::format(ms as f64 * 100.0 / total as f64, 3))
}

/// One lane's stretches, placed along `total`.
fn lane(stretches: &[Stretch], total: i64) -> impl IntoView {
    stretches
        .iter()
        .map(|(start, end)| {
            view! {
                <span class="cb-timeline__span" style:left=percent(*start, total) style:width=percent(end - start, total)></span>
            }
            .into_any()
        })
        .collect_view()
}
