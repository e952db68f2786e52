//! The network layer: the only place that fetches.
//!
//! The UI asks a [`CallSource`] for pages, details and recording links; where
//! they come from is the source's business: [`ProxySource`] fetches through
//! the integrator's proxy (aborting what a newer query made stale, with a
//! timeout and a short-lived cache), [`MemorySource`] serves in-memory calls
//! for tests and demos.

pub(crate) mod early;
mod latest;
mod memory;
mod proxy;

use std::future::Future;
use std::pin::Pin;

pub use latest::Latest;
pub use memory::MemorySource;
pub use proxy::{Credentials, ProviderChoice, ProxyConfig, ProxySource};

use crate::core::{ApiError, CallDetail, Capabilities, Page, Provider, Query, QueryError};

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
    /// The widget's own code for the call view did not load.
    #[error("callboard's code for the call view did not load: the network failed, or callboard was updated after this page opened. Retry, or reload the page.")]
    Code,
}

impl FetchError {
    /// A short heading for the error state.
    pub fn title(&self) -> &'static str {
        match self {
            Self::Api(e) => e.title(),
            Self::Query(_) => "Filter not available",
            Self::Aborted => "Cancelled",
            Self::Code => "Could not load the call view",
        }
    }

    /// A stable machine name for events and attributes.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Api(e) => e.kind(),
            Self::Query(_) => "query",
            Self::Aborted => "aborted",
            Self::Code => "code",
        }
    }
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
