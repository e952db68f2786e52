//! What a failure says, in the board's language.
//!
//! The words of failures (each kind's message with its details filled
//! in, the plural of seconds, what to change where the provider cannot
//! take the list's query) are written in the list controls' chunk, not
//! the main module: the first rows need none of them, and a failed
//! answer's body is read there already. Until that code is loaded a
//! failure waits for its words (its load is asked for); if it cannot
//! load, the failure still shows, by its heading, with its retry. A
//! failure of the widget's own code ([`FetchError::Unavailable`]) needs
//! no chunk to say what it is.

// The split point below is `wasm_split`'s generated import/export pair and
// loader, which are `unsafe`; nothing else here is.
#![allow(unsafe_code)]

use super::split::{self, CodeError};
use super::words::failure;
use crate::core::words::Words;
use crate::core::{Capabilities, Scope};
use crate::net::FetchError;

/// What to change where the provider cannot take a query: the
/// capabilities it has and the list's scope (its pins).
pub struct RemedyOf {
    /// The provider's capabilities.
    pub capabilities: &'static Capabilities,
    /// The list's scope.
    pub scope: Scope,
}

/// A failure's message in `w`, and what to change where a retry cannot
/// help (for a query error, given `remedy`). In the list controls'
/// chunk: [`split::loaded`] it where its code may not be there.
#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(list_controls, fallible, preload(load_describe))
)]
pub(crate) fn describe(
    e: FetchError,
    w: Words,
    remedy: Option<RemedyOf>,
) -> Result<(String, Option<String>), CodeError> {
    let change = match (&e, remedy) {
        (FetchError::Query(q), Some(r)) => Some(r.capabilities.remedy(q, &r.scope, w)),
        _ => None,
    };
    Ok((failure(&e, w), change))
}

/// Readies [`describe`] once the list controls' chunk is there (each
/// split point's own load completes apart from its chunk's), so that it
/// runs at once ([`split::loaded`]).
pub async fn ready() -> Result<(), CodeError> {
    #[cfg(feature = "split")]
    load_describe().await?;
    Ok(())
}

/// What `e` says in English (the embedding's `error` event), once the
/// list controls' code is there; its heading if that code cannot load.
pub async fn english(e: FetchError) -> String {
    if let FetchError::Unavailable(u) = &e {
        return u.message.en().to_owned();
    }
    let title = e.title().en();
    match split::run(describe(e, Words::ENGLISH, None)).await {
        Ok((message, _)) => message,
        Err(CodeError) => title.to_owned(),
    }
}
