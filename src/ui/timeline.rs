//! "Who spoke when": the speaker timeline under the player. Agent and
//! customer lanes from the turn timings (`core::timeline`), the stretches
//! where both speak hatched, silence left blank, and the playhead; a click
//! or a drag seeks, and it is a keyboard slider with a spoken value ("1:05
//! of 4:10, the customer speaking").

use leptos::prelude::*;

use super::boxed::handler;
use super::el_ref::ElRef;
use super::media::Playback;
use crate::core::decimal;
use crate::core::player::slider_key;
use crate::core::time::format_duration;
use crate::core::timeline::{Stretch, Timeline};
use crate::core::Speaker;

/// The timeline of a call whose turns are timed.
#[component]
pub fn SpeakerTimeline(timeline: Timeline, playback: Playback) -> impl IntoView {
    let total = timeline.duration_ms.max(1);
    let length = move || playback.duration().unwrap_or(total).max(1);
    // Percent of the drawn length, written without float formatting code.
    let percent =
        move |ms: i64| format!("{}%", decimal::format(ms as f64 * 100.0 / total as f64, 3));
    let spans = move |lane: &[Stretch]| {
        lane.iter()
            .map(|(start, end)| {
                view! {
                    <span class="cb-timeline__span" style:left=percent(*start) style:width=percent(end - start)></span>
                }
                .into_any()
            })
            .collect_view()
    };
    let (agent, customer, overlaps) = (
        spans(&timeline.agent),
        spans(&timeline.customer),
        spans(&timeline.overlaps),
    );
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
    let value_text = move || {
        let at = playback.position();
        let who = match timeline.speaking_at(at) {
            (Some(Speaker::Agent), _) => "the agent speaking",
            (Some(_), _) => "the customer speaking",
            (None, true) => "both speaking",
            (None, false) => "silence",
        };
        format!(
            "{} of {}, {who}",
            format_duration(at),
            format_duration(length())
        )
    };
    view! {
        <div class="cb-timeline">
            <div class="cb-timeline__labels" aria-hidden="true">
                <span>"Agent"</span>
                <span>"Customer"</span>
            </div>
            <div
                class="cb-timeline__track"
                node_ref=track
                role="slider"
                tabindex="0"
                aria-label="Who spoke when"
                aria-valuemin="0"
                aria-valuemax=move || (length() / 1_000).to_string()
                aria-valuenow=move || (playback.position() / 1_000).to_string()
                aria-valuetext=value_text
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
                <div class="cb-timeline__lane" data-speaker="agent">{agent}</div>
                <div class="cb-timeline__lane" data-speaker="customer">{customer}</div>
                <div class="cb-timeline__overlaps">{overlaps}</div>
                <span class="cb-timeline__playhead" style:left=move || percent(playback.position().min(total))></span>
            </div>
        </div>
    }
}
