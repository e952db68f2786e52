//! Reading a request's body within a size and a time limit: what the
//! proxy forwards and the webhooks it takes.

use std::time::Duration;

use axum::body::Body;
use bytes::{Bytes, BytesMut};
use http_body_util::BodyExt;

/// How much of an oversized body is read (and dropped) before the 413, so
/// that a client still sending it reads the answer: closing a connection
/// with unread data resets it, and the client would see the reset, not
/// the status. A body declared larger is refused before it is read.
const OVERSIZED_DRAIN: usize = 4 * 1024 * 1024;

/// What reading a request body came to.
pub enum BodyRead {
    /// All of it, at most the limit.
    Whole(Bytes),
    /// Over the limit.
    TooLarge,
    /// Not all there within the client deadline.
    TooSlow,
    /// The client broke it off.
    Broken,
}

/// Reads a request body of at most `max` bytes within `limit`.
pub async fn read_body(
    mut body: Body,
    declared: Option<u64>,
    limit: Duration,
    max: usize,
) -> BodyRead {
    if declared.is_some_and(|n| n > OVERSIZED_DRAIN.max(max) as u64) {
        return BodyRead::TooLarge;
    }
    let read = async {
        let mut kept = BytesMut::new();
        let mut total = 0_usize;
        while let Some(frame) = body.frame().await {
            let Ok(frame) = frame else {
                return BodyRead::Broken;
            };
            if let Ok(data) = frame.into_data() {
                total += data.len();
                if total > OVERSIZED_DRAIN.max(max) {
                    return BodyRead::TooLarge;
                }
                if total <= max {
                    kept.extend_from_slice(&data);
                }
            }
        }
        if total > max {
            BodyRead::TooLarge
        } else {
            BodyRead::Whole(kept.freeze())
        }
    };
    tokio::time::timeout(limit, read)
        .await
        .unwrap_or(BodyRead::TooSlow)
}
