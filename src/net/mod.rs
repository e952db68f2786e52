//! The network layer: the only place that fetches, and the browser's
//! clock the layers above share (scheduling in [`later`], performance
//! marks in [`perf`]).
//!
//! The UI asks a [`CallSource`] for pages, details and recording links; where
//! they come from is the source's business: [`ProxySource`] fetches through
//! the integrator's proxy (aborting what a newer query made stale, with a
//! timeout and a short-lived cache), [`MemorySource`] serves in-memory calls
//! for tests and demos. What the source reads besides the rows (a call's
//! detail, an error answer) it reads with the [`Readers`] it was handed:
//! the layer above decides where that code is and when it is there.

pub(crate) mod early;
mod fetch;
pub(crate) mod later;
mod latest;
pub mod live;
mod memory;
pub mod perf;
mod proxy;

use std::future::Future;
use std::pin::Pin;

pub use fetch::Credentials;
pub use latest::Latest;
pub use memory::MemorySource;
pub use proxy::{ProviderChoice, ProxyConfig, ProxySource};

use crate::core::words::{self, Msg, Words};
use crate::core::{
    ApiError, CallDetail, Capabilities, ErrorKind, ErrorReply, Page, Provider, Query, QueryError,
};

/// A future that stays on the browser's one thread.
pub type LocalFuture<T> = Pin<Box<dyn Future<Output = T>>>;

/// Why a fetch produced no data.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FetchError {
    /// The provider, proxy or network failed.
    #[error(transparent)]
    Api(#[from] ApiError),
    /// The query cannot be put to this provider.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// A newer request superseded this one; nothing to show.
    #[error("the request was superseded by a newer one")]
    Aborted,
    /// The [`Readers`] the source was handed could not read the answer
    /// (what it needs is not there): in the readers' own words.
    #[error("{}", .0.message.en())]
    Unavailable(Unavailable),
}

/// Why a [`Readers`] cannot read, as it says it: the heading, the stable
/// machine name and the message of [`FetchError::Unavailable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unavailable {
    /// A short heading.
    pub title: Msg,
    /// What kind of failure it is.
    pub kind: ErrorKind,
    /// What happened and what to do.
    pub message: Msg,
}

impl FetchError {
    /// A short heading for the error state.
    pub fn title(&self) -> Msg {
        match self {
            Self::Api(e) => e.title(),
            Self::Query(_) => words::ERROR_FILTER_UNAVAILABLE,
            Self::Aborted => words::ERROR_CANCELLED,
            Self::Unavailable(u) => u.title,
        }
    }

    /// What happened, in `w` (`plural`: a count's plural category in
    /// the language). Its `Display` is the English, for logs and the
    /// embedding's `error` event.
    pub fn message(&self, w: Words, plural: &dyn Fn(f64) -> String) -> String {
        match self {
            Self::Api(e) => e.message(w, plural),
            Self::Query(e) => e.message(w),
            Self::Aborted => self.to_string(),
            Self::Unavailable(u) => w.text(u.message).to_owned(),
        }
    }

    /// What kind of failure it is.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Api(e) => e.kind(),
            Self::Query(_) => ErrorKind::Query,
            Self::Aborted => ErrorKind::Aborted,
            Self::Unavailable(u) => u.kind,
        }
    }
}

/// How a source reads what the first rows do not need: a call's detail,
/// a failed answer, and a fresh recording link (asked for and read only
/// for an open call). The layer above hands these down (`Copy`: three
/// function pointers); [`Readers::AT_ONCE`] reads with the code at hand.
#[derive(Clone, Copy, Debug)]
pub struct Readers {
    /// Reads the body of a 2xx detail answer for a provider (marking
    /// `perf::DETAIL_RESPONSE` once it can read).
    pub detail: fn(Provider, String) -> LocalFuture<Result<CallDetail, FetchError>>,
    /// Reads what a failed answer says.
    pub error: fn(ErrorReply) -> LocalFuture<ApiError>,
    /// Asks the source for a fresh link to call `id`'s recording (`None`
    /// where the provider's recordings are plain URLs).
    pub recording_link: fn(ProxySource, String, Option<web_sys::AbortSignal>) -> LinkAnswer,
}

/// What asking for a fresh recording link gives: the link, `None` where
/// recordings are plain URLs, or why not.
pub type LinkAnswer = LocalFuture<Result<Option<String>, FetchError>>;

impl Readers {
    /// Readers that read at once, with the code linked in.
    pub const AT_ONCE: Self = Self {
        detail: |provider, body| {
            Box::pin(async move {
                perf::mark(perf::DETAIL_RESPONSE);
                Ok(provider.parse_detail(&body)?)
            })
        },
        error: |reply| Box::pin(async move { reply.read() }),
        recording_link: |source, id, abort| Box::pin(source.fetch_recording_link(id, abort)),
    };
}

/// Where the widget's calls come from (compare leptos-struct-table's
/// `TableDataProvider`): the table asks for a page; fetching is someone
/// else's business.
pub trait CallSource {
    /// The provider whose vocabulary and capabilities apply, once known.
    fn provider(&self) -> Option<Provider>;

    /// The capabilities the UI offers (a provider's, or a neutral default
    /// while `auto` has not recognised one yet).
    fn capabilities(&self) -> &'static Capabilities {
        self.provider()
            .map_or(Provider::AgentVoice.capabilities(), Provider::capabilities)
    }

    /// One page of calls. `abort` cancels the request when a newer query
    /// supersedes it.
    fn list(
        &self,
        query: &Query,
        abort: Option<web_sys::AbortSignal>,
    ) -> LocalFuture<Result<Page, FetchError>>;

    /// One call's full detail (fetched once, then cached). `abort`
    /// cancels the request when another call is opened or the detail is
    /// closed.
    fn detail(
        &self,
        id: &str,
        abort: Option<web_sys::AbortSignal>,
    ) -> LocalFuture<Result<CallDetail, FetchError>>;

    /// A fresh recording link where the provider's links expire; `None`
    /// where recordings are plain URLs. `abort` cancels the request when
    /// the call is left.
    fn recording_link(
        &self,
        id: &str,
        abort: Option<web_sys::AbortSignal>,
    ) -> LocalFuture<Result<Option<String>, FetchError>>;

    /// Forgets cached pages and details (the user asked to refresh).
    fn clear_cache(&self);
}
