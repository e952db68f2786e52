//! Calls served from memory, behaving like a provider with the given
//! capabilities: for browser tests, demos and storybooks.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use web_sys::AbortSignal;

use super::{CallSource, FetchError, LocalFuture};
use crate::core::{local, ApiError, Call, CallDetail, Page, Provider, Query};

/// How many queries and detail requests a [`MemorySource`] remembers (a
/// demo left running must not grow without bound).
pub const LOG_LIMIT: usize = 100;

fn log<T>(entries: &mut Vec<T>, entry: T) {
    if entries.len() >= LOG_LIMIT {
        entries.remove(0);
    }
    entries.push(entry);
}

/// A [`CallSource`] over calls held in memory. It records the last
/// [`LOG_LIMIT`] queries and detail requests so tests can count them, and
/// can be told to fail or to answer slowly.
#[derive(Clone)]
pub struct MemorySource(Rc<Inner>);

struct Inner {
    provider: Provider,
    calls: Vec<Call>,
    details: RefCell<Vec<CallDetail>>,
    recording_link: RefCell<Option<String>>,
    queries: RefCell<Vec<Query>>,
    detail_requests: RefCell<Vec<String>>,
    aborted_details: RefCell<Vec<String>>,
    link_requests: Cell<usize>,
    aborted: Cell<usize>,
    failures: RefCell<VecDeque<ApiError>>,
    delay_ms: Cell<u32>,
}

impl MemorySource {
    /// Serves `calls` as `provider` would (its capabilities, paging and
    /// filters).
    pub fn new(provider: Provider, calls: Vec<Call>) -> Self {
        Self(Rc::new(Inner {
            provider,
            calls,
            details: RefCell::new(Vec::new()),
            recording_link: RefCell::new(None),
            queries: RefCell::new(Vec::new()),
            detail_requests: RefCell::new(Vec::new()),
            aborted_details: RefCell::new(Vec::new()),
            link_requests: Cell::new(0),
            aborted: Cell::new(0),
            failures: RefCell::new(VecDeque::new()),
            delay_ms: Cell::new(0),
        }))
    }

    /// Adds call details; a call without one gets a detail of just itself.
    pub fn with_details(self, details: Vec<CallDetail>) -> Self {
        self.0.details.borrow_mut().extend(details);
        self
    }

    /// The link `recording_link` answers with (for fresh-link providers).
    pub fn set_recording_link(&self, url: Option<String>) {
        *self.0.recording_link.borrow_mut() = url;
    }

    /// Makes the next request fail with `error`.
    pub fn fail_next(&self, error: ApiError) {
        self.0.failures.borrow_mut().push_back(error);
    }

    /// Answers after `ms` milliseconds.
    pub fn set_delay(&self, ms: u32) {
        self.0.delay_ms.set(ms);
    }

    /// The list queries received (the last [`LOG_LIMIT`]), in order.
    pub fn queries(&self) -> Vec<Query> {
        self.0.queries.borrow().clone()
    }

    /// The details requested (the last [`LOG_LIMIT`]), in order.
    pub fn detail_requests(&self) -> Vec<String> {
        self.0.detail_requests.borrow().clone()
    }

    /// How many requests (lists, details, links) were cancelled.
    pub fn aborted(&self) -> usize {
        self.0.aborted.get()
    }

    /// The details whose requests were cancelled (the last [`LOG_LIMIT`]),
    /// in order.
    pub fn aborted_details(&self) -> Vec<String> {
        self.0.aborted_details.borrow().clone()
    }

    /// How many fresh recording links were asked for.
    pub fn link_requests(&self) -> usize {
        self.0.link_requests.get()
    }
}

impl Inner {
    async fn pause(&self, abort: Option<&AbortSignal>) -> Result<(), FetchError> {
        let ms = self.delay_ms.get();
        if ms > 0 {
            super::later::sleep(ms).await;
        }
        if abort.is_some_and(AbortSignal::aborted) {
            self.aborted.set(self.aborted.get() + 1);
            return Err(FetchError::Aborted);
        }
        match self.failures.borrow_mut().pop_front() {
            Some(e) => Err(e.into()),
            None => Ok(()),
        }
    }
}

impl CallSource for MemorySource {
    fn provider(&self) -> Option<Provider> {
        Some(self.0.provider)
    }

    fn list(
        &self,
        query: &Query,
        abort: Option<AbortSignal>,
    ) -> LocalFuture<Result<Page, FetchError>> {
        let inner = Rc::clone(&self.0);
        let query = query.clone();
        Box::pin(async move {
            log(&mut inner.queries.borrow_mut(), query.clone());
            let caps = inner.provider.capabilities();
            let filters = caps.validate(inner.provider.name(), &query)?;
            inner.pause(abort.as_ref()).await?;
            Ok(local::answer(&inner.calls, &query, &filters, caps))
        })
    }

    fn detail(
        &self,
        id: &str,
        abort: Option<AbortSignal>,
    ) -> LocalFuture<Result<CallDetail, FetchError>> {
        let inner = Rc::clone(&self.0);
        let id = id.to_owned();
        Box::pin(async move {
            log(&mut inner.detail_requests.borrow_mut(), id.clone());
            if let Err(e) = inner.pause(abort.as_ref()).await {
                if e == FetchError::Aborted {
                    log(&mut inner.aborted_details.borrow_mut(), id);
                }
                return Err(e);
            }
            if let Some(d) = inner.details.borrow().iter().find(|d| d.call.id == id) {
                return Ok(d.clone());
            }
            let call = inner.calls.iter().find(|c| c.id == id).cloned();
            call.map(|call| CallDetail {
                call,
                transcript: None,
                latency: Vec::new(),
            })
            .ok_or_else(|| {
                ApiError::NotFound {
                    message: Some("Call not found".into()),
                }
                .into()
            })
        })
    }

    fn recording_link(
        &self,
        _id: &str,
        abort: Option<AbortSignal>,
    ) -> LocalFuture<Result<Option<String>, FetchError>> {
        let inner = Rc::clone(&self.0);
        Box::pin(async move {
            if !inner.provider.capabilities().fresh_recording_link {
                return Ok(None);
            }
            inner.link_requests.set(inner.link_requests.get() + 1);
            inner.pause(abort.as_ref()).await?;
            Ok(inner.recording_link.borrow().clone())
        })
    }

    fn clear_cache(&self) {}
}
