//! Fetching through the integrator's proxy: `{proxy-url}{native path}`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Response};

use super::fetch::{self, Credentials};
use super::{early, perf, CallSource, FetchError, LocalFuture, Readers};
use crate::core::cache::TtlCache;
use crate::core::words;
use crate::core::{
    ApiError, BodyError, CallDetail, ErrorReply, Page, Provider, ProviderRequest, Query,
};

/// How long list pages stay cached (going back a page is instant).
const PAGE_TTL_MS: i64 = 60_000;
/// How long details stay cached (reopening a call is instant).
const DETAIL_TTL_MS: i64 = 300_000;
/// Cached pages and details, each.
const CACHE_ENTRIES: usize = 64;

/// Which provider the proxy speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProviderChoice {
    /// A known provider.
    Fixed(Provider),
    /// Recognise it from the first response's shape.
    Auto,
}

/// Where and how to fetch.
#[derive(Clone, Debug, PartialEq)]
pub struct ProxyConfig {
    /// The proxy's base URL; native paths are appended to it.
    pub proxy_url: String,
    /// The provider behind the proxy.
    pub provider: ProviderChoice,
    /// Extra request headers (a CSRF token, say).
    pub headers: Vec<(String, String)>,
    /// The fetch credentials mode.
    pub credentials: Credentials,
    /// Give up on a request after this long.
    pub timeout_ms: u32,
}

impl Default for ProxyConfig {
    fn default() -> Self {
        Self {
            proxy_url: String::new(),
            provider: ProviderChoice::Auto,
            headers: Vec::new(),
            credentials: Credentials::default(),
            timeout_ms: 20_000,
        }
    }
}

/// A [`CallSource`] that fetches through the proxy.
#[derive(Clone)]
pub struct ProxySource(Rc<Inner>);

struct Inner {
    config: ProxyConfig,
    readers: Readers,
    resolved: Cell<Option<Provider>>,
    pages: RefCell<TtlCache<Page>>,
    details: RefCell<TtlCache<CallDetail>>,
}

/// A response as received.
struct Reply {
    status: u16,
    body: String,
    retry_after: Option<String>,
}

impl Reply {
    /// The body of a 2xx reply, or the failed answer, not read yet.
    fn into_body(self) -> Result<String, ErrorReply> {
        if (200..300).contains(&self.status) {
            Ok(self.body)
        } else {
            Err(ErrorReply {
                status: self.status,
                body: self.body,
                retry_after: self.retry_after,
            })
        }
    }

    /// The body of a 2xx reply, or what the failed answer says (read by
    /// `readers`).
    async fn ok_body(self, readers: Readers) -> Result<String, FetchError> {
        match self.into_body() {
            Ok(body) => Ok(body),
            Err(failed) => Err((readers.error)(failed).await.into()),
        }
    }

    /// A list answer's page, or what went wrong (an error body read by
    /// `readers`).
    async fn page(
        self,
        provider: Provider,
        query: &Query,
        readers: Readers,
    ) -> Result<Page, FetchError> {
        let status = self.status;
        let failed = match self.into_body() {
            Ok(body) => match provider.try_parse_list(&body, query) {
                Ok(page) => return Ok(page),
                Err(BodyError::Unreadable(e)) => return Err(e.into()),
                Err(BodyError::Envelope) => ErrorReply {
                    status,
                    body,
                    retry_after: None,
                },
            },
            Err(failed) => failed,
        };
        Err((readers.error)(failed).await.into())
    }
}

fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// What a failed fetch tells the user: nothing when it was superseded
/// (`aborted`), a timeout when its timer fired, else a network failure
/// (a `TypeError` from `fetch` is the browser's word for "could not
/// connect").
fn fetch_failure(
    aborted: bool,
    timed_out_after: Option<u32>,
    name: &str,
    message: String,
) -> FetchError {
    if aborted {
        FetchError::Aborted
    } else if let Some(ms) = timed_out_after {
        ApiError::Timeout {
            after_ms: u64::from(ms),
        }
        .into()
    } else if name == "TypeError" {
        ApiError::Network {
            message: words::NETWORK_FAILED.into(),
        }
        .into()
    } else {
        ApiError::Network {
            message: message.into(),
        }
        .into()
    }
}

/// The key of request `req` as sent with `cfg` (for an early answer).
fn early_key(req: &ProviderRequest, cfg: &ProxyConfig) -> String {
    early::key(
        req.method.as_str(),
        &req.url(&cfg.proxy_url),
        req.body.as_deref(),
        cfg.credentials.name(),
        cfg.timeout_ms,
        &cfg.headers,
    )
}

fn cache_key(req: &ProviderRequest) -> String {
    format!(
        "{} {} {}",
        req.method.as_str(),
        req.path_and_query(),
        req.body.as_deref().unwrap_or("")
    )
}

impl ProxySource {
    /// A source for `config` that reads every answer at once
    /// ([`Readers::AT_ONCE`]).
    pub fn new(config: ProxyConfig) -> Self {
        Self::with_readers(config, Readers::AT_ONCE)
    }

    /// A source for `config` that reads details and failed answers, and
    /// asks for fresh recording links, with `readers`.
    pub fn with_readers(config: ProxyConfig, readers: Readers) -> Self {
        let resolved = match config.provider {
            ProviderChoice::Fixed(p) => Some(p),
            ProviderChoice::Auto => None,
        };
        Self(Rc::new(Inner {
            config,
            readers,
            resolved: Cell::new(resolved),
            pages: RefCell::new(TtlCache::new(PAGE_TTL_MS, CACHE_ENTRIES)),
            details: RefCell::new(TtlCache::new(DETAIL_TTL_MS, CACHE_ENTRIES)),
        }))
    }

    /// The configuration.
    pub fn config(&self) -> &ProxyConfig {
        &self.0.config
    }

    /// Call `id`'s detail (cached a while). The request goes out at once;
    /// only reading the answer goes through the readers, so readers that
    /// must first load their code (the widget's) make a call opened before
    /// that code is there wait for the slower of the two, not for both one
    /// after the other.
    async fn fetch_detail(
        self,
        id: String,
        abort: Option<AbortSignal>,
    ) -> Result<CallDetail, FetchError> {
        let inner = self.0;
        let provider = inner.provider(None, abort.as_ref()).await?;
        let req = provider.detail_request(&id)?;
        let key = cache_key(&req);
        if let Some(detail) = inner.details.borrow_mut().get(&key, now_ms()) {
            perf::mark(perf::DETAIL_RESPONSE);
            return Ok(detail);
        }
        let readers = inner.readers;
        let body = inner
            .send(&req, abort.as_ref())
            .await?
            .ok_body(readers)
            .await?;
        // The readers mark `perf::DETAIL_RESPONSE` once they can read.
        let mut detail = (readers.detail)(provider, body).await?;
        // Audio the provider's API serves itself plays through the proxy.
        detail
            .call
            .recording
            .resolve_proxy_path(&inner.config.proxy_url);
        inner
            .details
            .borrow_mut()
            .insert(key, detail.clone(), now_ms());
        Ok(detail)
    }

    /// A fresh link to call `id`'s recording, where the provider's links
    /// expire (never cached): what [`Readers::recording_link`] asks.
    pub async fn fetch_recording_link(
        self,
        id: String,
        abort: Option<AbortSignal>,
    ) -> Result<Option<String>, FetchError> {
        let inner = self.0;
        let provider = inner.provider(None, abort.as_ref()).await?;
        let Some(req) = provider.recording_link_request(&id)? else {
            return Ok(None);
        };
        let body = inner
            .send(&req, abort.as_ref())
            .await?
            .ok_body(inner.readers)
            .await?;
        Ok(Some(provider.parse_recording_link(&body)?))
    }
}

impl Inner {
    /// Sends `req` and reads the answer; the first page's answer comes
    /// from its early request instead where that is this request
    /// ([`early`]).
    async fn send(
        &self,
        req: &ProviderRequest,
        abort: Option<&AbortSignal>,
    ) -> Result<Reply, FetchError> {
        let cfg = &self.config;
        let timeout = AbortSignal::timeout_with_u32(cfg.timeout_ms);
        let failed = |name: &str, message: String| {
            fetch_failure(
                abort.is_some_and(AbortSignal::aborted),
                (timeout.aborted() || name == "TimeoutError").then_some(cfg.timeout_ms),
                name,
                message,
            )
        };
        let js_failed = |error: JsValue| {
            let (name, message) = fetch::failure(&error);
            failed(&name, message)
        };
        let (status, retry_after, body) = match early::take(&early_key(req, cfg)) {
            // The first page, asked for while the widget loaded.
            Some(reply) => {
                let reply = JsFuture::from(reply).await.unwrap_or_default();
                early::answer(&reply).map_err(|(name, message)| failed(&name, message))?
            }
            None => {
                let request = self.request(req, &timeout, abort).map_err(js_failed)?;
                let response: Response = JsFuture::from(fetch::send(&request))
                    .await
                    .and_then(JsCast::dyn_into)
                    .map_err(js_failed)?;
                let retry_after = response.headers().get("retry-after").ok().flatten();
                let text = response.text().map_err(js_failed)?;
                let body = JsFuture::from(text).await.map_err(js_failed)?;
                (
                    response.status(),
                    retry_after,
                    body.as_string().unwrap_or_default(),
                )
            }
        };
        Ok(Reply {
            status,
            body,
            retry_after,
        })
    }

    /// Request `req` as sent through the proxy, cancelled by `timeout` or
    /// `abort`.
    fn request(
        &self,
        req: &ProviderRequest,
        timeout: &AbortSignal,
        abort: Option<&AbortSignal>,
    ) -> Result<web_sys::Request, JsValue> {
        let cfg = &self.config;
        let signals = js_sys::Array::of1(timeout);
        if let Some(a) = abort {
            signals.push(a);
        }
        let signal = AbortSignal::any(&signals);
        let (init, headers) =
            fetch::init("application/json", &cfg.headers, cfg.credentials, &signal)?;
        init.set_method(req.method.as_str());
        if let Some(body) = &req.body {
            headers.set("Content-Type", "application/json")?;
            init.set_body(&JsValue::from_str(body));
        }
        web_sys::Request::new_with_str_and_init(&req.url(&cfg.proxy_url), &init)
    }

    /// The provider, recognised the first time in `auto` mode from every
    /// provider's list path, asked at once (one round trip): the provider
    /// whose own path gave an answer its adapter reads. When several did
    /// (paths two providers share, or a proxy in front of several), the
    /// answers' shapes decide, then the order of [`Provider::ALL`]. With
    /// `first`, each provider is asked for that page (where it can be), so
    /// the winner's answer is the page itself, kept in the page cache.
    async fn provider(
        &self,
        first: Option<&Query>,
        abort: Option<&AbortSignal>,
    ) -> Result<Provider, FetchError> {
        if let Some(p) = self.resolved.get() {
            return Ok(p);
        }
        let one_call = Query {
            page_size: 1,
            ..Query::default()
        };
        let probes = Provider::ALL.map(|p| {
            // (Whether the page asked for is `first`, and its request.)
            let (is_first, query) = match first {
                Some(q) if p.list_request(q).is_ok() => (true, q),
                _ => (false, &one_call),
            };
            let probe: Running<'_, _> = Box::pin(async move {
                let req = p.list_request(query)?;
                let reply = self.send(&req, abort).await?;
                Ok::<_, FetchError>((is_first, req, query, reply))
            });
            probe
        });
        let answers = all(probes).await;
        let mut read = Vec::new();
        let mut failures = Vec::new();
        for (p, answer) in Provider::ALL.into_iter().zip(answers) {
            let (is_first, req, query, reply) = match answer {
                Err(FetchError::Aborted) => return Err(FetchError::Aborted),
                Err(e) => {
                    failures.push(ProbeFailure::Request(e));
                    continue;
                }
                Ok(answer) => answer,
            };
            match reply.into_body() {
                Err(failed) => failures.push(ProbeFailure::Answer(failed)),
                Ok(body) => {
                    if let Ok(page) = p.try_parse_list(&body, query) {
                        let agrees = Provider::detect(&body) == Some(p);
                        read.push((agrees, p, is_first.then_some((req, page))));
                    }
                }
            }
        }
        // The first whose answer's shape agrees with its path, else the
        // first, in the order of `Provider::ALL`.
        let chosen = read.iter().position(|(agrees, ..)| *agrees).unwrap_or(0);
        if let Some((_, p, first_page)) = (chosen < read.len()).then(|| read.swap_remove(chosen)) {
            self.resolved.set(Some(p));
            if let Some((req, page)) = first_page {
                self.pages
                    .borrow_mut()
                    .insert(cache_key(&req), page, now_ms());
            }
            return Ok(p);
        }
        // What the most telling failure says: an answer other than "no
        // such path" (a 401 from the provider's own path), else a request
        // that failed, else the last answer.
        let telling = |f: &ProbeFailure| match f {
            ProbeFailure::Answer(a) => !matches!(a.status, 404 | 405),
            ProbeFailure::Request(_) => false,
        };
        let failure = match failures.iter().position(telling) {
            Some(i) => Some(failures.swap_remove(i)),
            None => match failures
                .iter()
                .position(|f| matches!(f, ProbeFailure::Request(_)))
            {
                Some(i) => Some(failures.swap_remove(i)),
                None => failures.pop(),
            },
        };
        Err(match failure {
            Some(ProbeFailure::Request(e)) => e,
            Some(ProbeFailure::Answer(failed)) => (self.readers.error)(failed).await.into(),
            None => ApiError::unreadable(words::NO_PROVIDER_ANSWERED).into(),
        })
    }
}

/// A future borrowing for `'a`.
type Running<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + 'a>>;

/// The outputs of `futures`, run at once, in their order. (Written out:
/// `futures_util`'s `join_all` cost 3.8 KB gzip before the first rows.)
async fn all<T, const N: usize>(futures: [Running<'_, T>; N]) -> Vec<T> {
    use std::task::Poll;
    let mut running = futures.map(Some);
    let mut done: Vec<Option<T>> = running.iter().map(|_| None).collect();
    std::future::poll_fn(move |cx| {
        let mut pending = false;
        for (slot, out) in running.iter_mut().zip(done.iter_mut()) {
            if let Some(future) = slot {
                match future.as_mut().poll(cx) {
                    Poll::Ready(value) => {
                        *out = Some(value);
                        *slot = None;
                    }
                    Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            Poll::Pending
        } else {
            Poll::Ready(done.drain(..).flatten().collect())
        }
    })
    .await
}

/// Why a provider's probe found nothing.
enum ProbeFailure {
    /// The request failed.
    Request(FetchError),
    /// An error answer, not read yet.
    Answer(ErrorReply),
}

impl CallSource for ProxySource {
    fn provider(&self) -> Option<Provider> {
        self.0.resolved.get()
    }

    fn list(
        &self,
        query: &Query,
        abort: Option<AbortSignal>,
    ) -> LocalFuture<Result<Page, FetchError>> {
        let inner = Rc::clone(&self.0);
        let query = query.clone();
        Box::pin(async move {
            let provider = inner.provider(Some(&query), abort.as_ref()).await?;
            let req = provider.list_request(&query)?;
            let key = cache_key(&req);
            if let Some(page) = inner.pages.borrow_mut().get(&key, now_ms()) {
                perf::mark(perf::LIST_RESPONSE);
                return Ok(page);
            }
            let reply = inner.send(&req, abort.as_ref()).await?;
            perf::mark(perf::LIST_RESPONSE);
            let page = reply.page(provider, &query, inner.readers).await?;
            inner.pages.borrow_mut().insert(key, page.clone(), now_ms());
            Ok(page)
        })
    }

    fn detail(
        &self,
        id: &str,
        abort: Option<AbortSignal>,
    ) -> LocalFuture<Result<CallDetail, FetchError>> {
        Box::pin(self.clone().fetch_detail(id.to_owned(), abort))
    }

    fn recording_link(
        &self,
        id: &str,
        abort: Option<AbortSignal>,
    ) -> LocalFuture<Result<Option<String>, FetchError>> {
        (self.0.readers.recording_link)(self.clone(), id.to_owned(), abort)
    }

    fn clear_cache(&self) {
        self.0.pages.borrow_mut().clear();
        self.0.details.borrow_mut().clear();
    }
}
