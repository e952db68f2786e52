//! Calls as they happen: the provider's webhooks, checked against its
//! signature and relayed to every open widget as server-sent events.
//!
//! - `POST {prefix}/webhooks/{provider}` ([`receive`]): for Retell, Vapi,
//!   ElevenLabs and Bland, with the secret from the environment variable
//!   [`secret_env`] names. A body over [`MAX_WEBHOOK_BODY`], a missing or
//!   wrong signature, a stale timestamp, malformed JSON or an unknown
//!   event is answered with a clear status and relays nothing; a retried
//!   delivery is relayed once; a source sending more than its rate is
//!   answered 429.
//! - `GET {prefix}/events` ([`sse::events`]): the relayed events, at most
//!   [`STREAMS_PER_SOURCE`] streams at once from one source by default.
//!
//! The events are kept in memory, or with `--events redis://…` in a Redis
//! stream that proxy replicas share ([`events`]).

pub mod events;
mod receive;
pub mod signature;
pub mod sse;
mod state;
pub mod webhook;

use std::sync::Arc;

use axum::routing::{get, post};
use axum::Router;

pub use self::receive::{receive, MAX_WEBHOOK_BODY};
pub use self::state::{secret_env, source, webhook_secret, Live, Peer, STREAMS_PER_SOURCE};

/// The routes under `prefix`: `POST …/webhooks/{provider}`, `GET …/events`.
pub fn routes(live: Arc<Live>, prefix: &str) -> Router {
    let base = prefix.trim_end_matches('/');
    Router::new()
        .route(&format!("{base}/webhooks/{{provider}}"), post(receive))
        .route(&format!("{base}/events"), get(sse::events))
        .with_state(live)
}
