//! `GET {prefix}/events`: the events as server-sent events. Every event
//! has an `id`; the stream starts with `retry:` and keeps a comment going
//! every 15 s; a client that reconnects with `Last-Event-ID` gets exactly
//! what it missed, or, when that is no longer kept, a `reset` event (reload
//! your list) with the newest id, from which it goes on. A client that
//! falls behind the live events by more than [`LAG`](super::events::LAG)
//! is dropped (and so reconnects for what it missed); the others are not
//! held up. One source holds at most its cap of streams at once
//! ([`Live::streams_per_source`]); past it, 429 with `Retry-After`.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use futures_util::stream::{self, Stream, StreamExt};
use tokio::sync::broadcast::error::RecvError;

use super::events::{position, Event, Replay};
use super::receive::too_many;
use super::state::{Live, Peer};

/// How long a browser waits before reconnecting (`retry:`).
pub const RETRY: Duration = Duration::from_secs(3);
/// How often an idle stream sends a comment (proxies and load balancers
/// close connections that stay silent).
pub const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// An event as sent: `id`, `event: call`, its data.
fn call_event(e: &Event) -> SseEvent {
    SseEvent::default().id(&e.id).event("call").data(&*e.data)
}

/// "Too far behind: reload the list", with the newest id to go on from.
fn reset_event(head: Option<&str>) -> SseEvent {
    // With no event yet, an empty id: the browser forgets the stale one.
    SseEvent::default()
        .event("reset")
        .data(r#"{"reason":"too far behind: reload the list"}"#)
        .id(head.unwrap_or_default())
}

/// The handler.
pub async fn events(
    State(live): State<Arc<Live>>,
    peer: Option<Extension<Peer>>,
    headers: HeaderMap,
) -> Response {
    // Counted per source while open (a source past its cap is told to
    // come back later; the widget then polls).
    let slot = match peer {
        Some(Extension(Peer(addr))) => {
            let source = live.source(addr.ip(), &headers);
            match live.open_stream(source) {
                Some(slot) => Some(slot),
                None => {
                    eprintln!("proxy: events: too many streams from one source");
                    return too_many("too many event streams from this source", "30");
                }
            }
        }
        None => None,
    };
    let last = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned);
    // Subscribed before the replay is read: nothing falls between the two
    // (what both hold is sent once, by id).
    let receiver = live.events.subscribe();
    let mut first = vec![SseEvent::default().retry(RETRY).comment("callboard events")];
    // What a reconnecting client missed, written out as it is sent (the
    // events share their data; nothing is copied ahead).
    let mut missed = Vec::new();
    let mut sent = None;
    if let Some(last) = last {
        match live.events.since(&last).await {
            Ok(Replay::Missed(events)) => {
                sent = events
                    .last()
                    .and_then(Event::position)
                    .or_else(|| position(&last));
                missed = events;
            }
            Ok(Replay::TooFarBehind { head }) => {
                sent = head.as_deref().and_then(position);
                first.push(reset_event(head.as_deref()));
            }
            Err(e) => {
                eprintln!("proxy: events: {e}");
                return (StatusCode::SERVICE_UNAVAILABLE, "events unavailable").into_response();
            }
        }
    }
    let live_events = stream::unfold(Some((receiver, sent)), |state| async move {
        let (mut receiver, sent) = state?;
        loop {
            match receiver.recv().await {
                // Events were lost upstream: ended, so the client resumes
                // from its last id (and is told to reload if need be).
                Ok(e) if e.is_gap() => return None,
                Ok(e) => {
                    let at = e.position();
                    if at.is_some() && at <= sent {
                        continue;
                    }
                    return Some((call_event(&e), Some((receiver, at))));
                }
                // Too slow: dropped. It reconnects with the last id it
                // got, and is sent what it missed (or a reset).
                Err(RecvError::Lagged(_)) | Err(RecvError::Closed) => return None,
            }
        }
    });
    let body: std::pin::Pin<Box<dyn Stream<Item = Result<SseEvent, Infallible>> + Send>> = Box::pin(
        stream::iter(first)
            .chain(stream::iter(missed).map(|e| call_event(&e)))
            .chain(live_events)
            // The slot is freed with the stream.
            .map(move |e| {
                let _open = &slot;
                Ok(e)
            }),
    );
    Sse::new(body)
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
        .into_response()
}
