//! The readers the widget hands its proxy source ([`Readers`]): what the
//! first rows do not need is read by code in a chunk. A call's detail and
//! a fresh recording link come with the call view's code (the detail's
//! request goes out at once; only reading its answer waits for the
//! code); error answers with the list controls' code.

// The split points' generated import/export pairs and loaders are
// `unsafe` (see `wasm_split_helpers`); this module holds nothing else that is.
#![allow(unsafe_code)]

use web_sys::AbortSignal;

use super::code::CALL_VIEW_UNAVAILABLE;
use super::split::{run, Chunk, CodeError};
use crate::core::{ApiError, CallDetail, ErrorReply, Provider};
use crate::net::later::when_idle;
use crate::net::{perf, FetchError, LocalFuture, ProxySource, Readers};

/// The split point: a detail answer's body read for `provider`.
#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(call_view, fallible))]
fn read_detail(
    provider: Provider,
    body: String,
) -> Result<Result<CallDetail, ApiError>, CodeError> {
    let (detail, answer) = provider.parse_detail_keeping(&body);
    // Freed once the browser is idle, after the call is on screen.
    when_idle(move || drop((body, answer)));
    Ok(detail)
}

/// The split point: a fresh recording link through the proxy.
#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(call_view, fallible))]
fn fetch_recording_link(
    source: ProxySource,
    id: String,
    abort: Option<AbortSignal>,
) -> Result<LocalFuture<Result<Option<String>, FetchError>>, CodeError> {
    Ok(Box::pin(source.fetch_recording_link(id, abort)))
}

/// The split point: what a failed answer says, in any provider's error
/// shapes.
#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(list_controls, fallible)
)]
fn read_error(reply: ErrorReply) -> Result<ApiError, CodeError> {
    Ok(reply.read())
}

fn unavailable(_: CodeError) -> FetchError {
    FetchError::Unavailable(CALL_VIEW_UNAVAILABLE)
}

/// The widget's [`Readers`]: each reads with its chunk's code.
pub const CHUNK_READERS: Readers = Readers {
    detail: |provider, body| {
        Box::pin(async move {
            // The answer is read by the call view's code, loading beside it.
            Chunk::CallView.fetch().await.map_err(unavailable)?;
            perf::mark(perf::DETAIL_RESPONSE);
            Ok(run(read_detail(provider, body))
                .await
                .map_err(unavailable)??)
        })
    },
    // Should the list controls' code not load, what the status alone says:
    // the controls' place shows that failure with its retry.
    error: |reply| {
        Box::pin(async move {
            let status = reply.status;
            run(read_error(reply))
                .await
                .unwrap_or_else(|CodeError| ApiError::from_status(status))
        })
    },
    recording_link: |source, id, abort| {
        Box::pin(async move {
            run(fetch_recording_link(source, id, abort))
                .await
                .map_err(unavailable)?
                .await
        })
    },
};
