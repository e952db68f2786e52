//! The board's state: the query, the list as loaded, the open call with
//! its detail and recording link, and the actions that change them.
//!
//! Components read this state through getters (read-only signals) and
//! change it only through the actions here; no component fetches. Every
//! fetch goes through a [`Loader`]: newest wins, and starting a load
//! aborts the one it replaces.

use std::rc::Rc;

use leptos::prelude::*;

use super::boxed::effect;
use super::format::Locale;
use super::options::{CallSelected, FilterChange, LoadError, Moment, PageChange, PlaybackStart};
use super::read_only::ReadOnly;
use super::remote::{Fetched, Loader};
use crate::chunk;
use crate::core::moment::moment_url;
use crate::core::pager::CursorTrail;
use crate::core::url::safe_url;
use crate::core::{
    ApiError, Call, CallDetail, Capabilities, Filters, Page, Pagination, Provider, Query, Scope,
    Sort,
};
use crate::net::{CallSource, FetchError, LocalFuture};
use crate::perf;

/// Callbacks an embedding listens to.
#[derive(Clone, Copy, Default)]
pub struct Events {
    /// A call was opened.
    pub on_select: Option<Callback<CallSelected>>,
    /// The page shown changed.
    pub on_page_change: Option<Callback<PageChange>>,
    /// The filters changed.
    pub on_filter_change: Option<Callback<FilterChange>>,
    /// A recording started playing.
    pub on_playback_start: Option<Callback<PlaybackStart>>,
    /// Loading failed.
    pub on_error: Option<Callback<LoadError>>,
    /// A link to a moment was copied.
    pub on_moment: Option<Callback<Moment>>,
}

impl Events {
    /// Reports a failure to the embedding.
    fn error(&self, during: &'static str, e: &FetchError) {
        let status = match e {
            FetchError::Api(api) => api.status(),
            _ => None,
        };
        self.report(LoadError {
            during,
            kind: e.kind(),
            message: e.to_string(),
            status,
        });
    }

    fn report(&self, error: LoadError) {
        if let Some(cb) = self.on_error {
            cb.run(error);
        }
    }
}

/// Where the code of the list's controls (the filter bar and the pager)
/// is: loaded after the first rows are on screen, which need neither.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Controls {
    /// Not asked for yet (no list answer yet): their places are held.
    Held,
    /// Loading: their places are still held.
    Loading,
    /// Loaded: they show.
    Ready,
    /// It did not load: a message with a retry shows in their place.
    Failed,
}

/// What the filters and pager say when their code did not load.
pub const CONTROLS_FAILED: &str = "callboard's code for the filters and pages did not load: the network failed, or callboard was updated after this page opened. Retry, or reload the page.";

/// A page of calls with the page number and size it was asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedPage {
    /// The page.
    pub page: Page,
    /// Its 1-based number.
    pub number: u32,
    /// The page size it was asked with.
    pub size: u32,
}

/// Handles to the board's state; `Copy`, so every component and closure
/// can hold one.
#[derive(Clone, Copy)]
pub struct Board {
    source: StoredValue<Rc<dyn CallSource>, LocalStorage>,
    trail: StoredValue<CursorTrail>,
    /// Rows have been shown once (for the `callboard:first-rows` mark).
    first_rows: StoredValue<bool>,
    provider: RwSignal<Option<Provider>>,
    query: RwSignal<Query>,
    list: Loader<LoadedPage>,
    selected: RwSignal<Option<String>>,
    /// Where the row of the open call was on screen when it was opened.
    row_top: StoredValue<Option<f64>>,
    detail: Loader<CallDetail>,
    link: Loader<String>,
    locale: Signal<Locale>,
    /// The call view's chunk is loaded (what it draws on the list may show).
    code: RwSignal<bool>,
    /// The list controls' chunk.
    controls: RwSignal<Controls>,
    /// Where the open call's recording is to be sought (the `at` option).
    seek: RwSignal<Option<(String, i64)>>,
    /// The `moment-url` template.
    moment_url: Signal<Option<String>>,
    events: Events,
}

impl Board {
    /// Board state over `source`, starting with `query` (nothing is
    /// fetched until [`Board::start`]).
    pub fn new(
        source: Rc<dyn CallSource>,
        query: Query,
        locale: Signal<Locale>,
        moment_url: Signal<Option<String>>,
        events: Events,
    ) -> Self {
        let provider = source.provider();
        Self {
            source: StoredValue::new_local(source),
            trail: StoredValue::new(CursorTrail::default()),
            first_rows: StoredValue::new(false),
            provider: RwSignal::new(provider),
            query: RwSignal::new(query),
            list: Loader::starting_as(Fetched::Loading(None)),
            selected: RwSignal::new(None),
            row_top: StoredValue::new(None),
            detail: Loader::new(),
            link: Loader::new(),
            locale,
            code: RwSignal::new(false),
            controls: RwSignal::new(if chunk::CONTROLS_SPLIT {
                Controls::Held
            } else {
                Controls::Ready
            }),
            seek: RwSignal::new(None),
            moment_url,
            events,
        }
    }

    // ------------------------------------------------------------ reading

    /// What is asked for.
    pub fn query(&self) -> ReadOnly<Query> {
        self.query.into()
    }

    /// The list as loaded.
    pub fn list(&self) -> ReadOnly<Fetched<LoadedPage>> {
        self.list.state()
    }

    /// The open call's id.
    pub fn selected(&self) -> ReadOnly<Option<String>> {
        self.selected.into()
    }

    /// Whether the board is there with no call open (not once it is gone:
    /// safe to ask from a callback that may outlive it).
    pub fn is_idle(&self) -> bool {
        self.selected
            .try_with_untracked(Option::is_none)
            .unwrap_or(false)
    }

    /// The open call's detail.
    pub fn detail(&self) -> ReadOnly<Fetched<CallDetail>> {
        self.detail.state()
    }

    /// The open call's fresh recording link (providers whose links expire).
    pub fn recording_link(&self) -> ReadOnly<Fetched<String>> {
        self.link.state()
    }

    /// Whether the call view's chunk is loaded (the list's tools from it
    /// may show).
    pub fn code_loaded(&self) -> ReadOnly<bool> {
        self.code.into()
    }

    /// Where the code of the filter bar and the pager is.
    pub fn controls(&self) -> ReadOnly<Controls> {
        self.controls.into()
    }

    /// Locale and time zone for display.
    pub fn locale(&self) -> Signal<Locale> {
        self.locale
    }

    /// The capabilities the UI offers (reactive: `auto` may learn them).
    pub fn capabilities(&self) -> &'static Capabilities {
        Self::capabilities_of(self.provider.get())
    }

    /// The capabilities now, without tracking (component bodies).
    pub fn capabilities_untracked(&self) -> &'static Capabilities {
        Self::capabilities_of(self.provider.get_untracked())
    }

    /// The provider now (the one `auto` learnt, or the default's before),
    /// without tracking.
    pub fn provider_untracked(&self) -> Provider {
        Self::provider_or_default(self.provider.get_untracked())
    }

    /// `provider`, or the one assumed until `auto` has learnt it.
    fn provider_or_default(provider: Option<Provider>) -> Provider {
        provider.unwrap_or(Provider::AgentVoice)
    }

    fn capabilities_of(provider: Option<Provider>) -> &'static Capabilities {
        Self::provider_or_default(provider).capabilities()
    }

    /// The row of call `id` on the page shown, if it is there (untracked).
    pub fn row(&self, id: &str) -> Option<Call> {
        self.list.state().with_untracked(|l| {
            l.value()
                .and_then(|p| p.page.rows.iter().find(|c| c.id == id).cloned())
        })
    }

    /// What to change when the list's query cannot be put to the provider
    /// (errors a retry cannot fix), else `None`.
    pub fn remedy(&self, error: &FetchError) -> Option<String> {
        match error {
            FetchError::Query(q) => {
                let scope = self.query.with(|query| query.scope.clone());
                Some(self.capabilities().remedy(q, &scope))
            }
            _ => None,
        }
    }

    fn source(&self) -> Option<Rc<dyn CallSource>> {
        self.source.try_get_value()
    }

    // ------------------------------------------------------------ the list

    /// Loads the first page at once (the request is under way while the
    /// view is built, not after), then whenever the query changes; the
    /// newest request wins and aborts the one before.
    pub fn start(self) {
        let first = self.query.get_untracked();
        self.load_list(first.clone());
        let mut ran = false;
        effect(move || {
            let query = self.query.get();
            // The effect's first run sees the first page, asked for already,
            // unless the query changed while the view was built.
            if ran || query != first {
                self.load_list(query);
            }
            ran = true;
        });
    }

    fn load_list(self, query: Query) {
        let Some(source) = self.source() else { return };
        perf::mark(perf::QUERY);
        let (number, size) = (query.page, query.page_size);
        let asked = query.clone();
        let answered_by = Rc::clone(&source);
        self.list.load(
            true,
            move |abort| {
                let page = source.list(&asked, abort);
                Box::pin(async move { page.await.map(|page| LoadedPage { page, number, size }) })
            },
            move |result| {
                self.learn_provider(answered_by.provider());
                self.controls_after_first_answer();
                match result {
                    Ok(loaded) => self.rows_arrived(&query, &loaded.page),
                    Err(e) => self.events.error("list", e),
                }
            },
        );
    }

    /// Sets the provider when `auto` has learnt it (setting it re-renders
    /// what depends on the capabilities, so only on a change).
    fn learn_provider(&self, provider: Option<Provider>) {
        if self
            .provider
            .try_get_untracked()
            .is_some_and(|p| p != provider)
        {
            self.provider.try_set(provider);
        }
    }

    fn rows_arrived(&self, query: &Query, page: &Page) {
        self.trail
            .try_update_value(|t| t.record(query.page, page.next_cursor.as_deref()));
        perf::measure_after_updates(perf::ROWS, perf::LIST_RESPONSE);
        perf::measure_after_updates(perf::UPDATE, perf::QUERY);
        perf::measure_next_frame(perf::ROWS_FRAME, perf::ROWS_FRAME_START);
        let first = self
            .first_rows
            .try_update_value(|shown| !std::mem::replace(shown, true));
        if first == Some(true) {
            perf::mark_after_updates(perf::FIRST_ROWS);
            let code = self.code;
            chunk::prefetch_when_idle(move || {
                code.try_set(true);
            });
        }
    }

    /// Starts loading the filter bar's and pager's code once, after the
    /// first list answer (rows or an error) is on screen: the first rows
    /// wait for no byte of it.
    fn controls_after_first_answer(self) {
        // Loading shows as Held does: the change redraws nothing.
        let asked = self.controls.try_update_untracked(|c| {
            let held = *c == Controls::Held;
            if held {
                *c = Controls::Loading;
            }
            held
        });
        if asked == Some(true) {
            // A task later: the answer is in the DOM by then.
            crate::later::after_ms(0, move || self.load_controls());
        }
    }

    /// Loads the filter bar's and pager's code (again, after a failure).
    pub fn load_controls(self) {
        if self.controls.try_get_untracked() == Some(Controls::Failed) {
            self.controls.try_set(Controls::Loading);
        }
        wasm_bindgen_futures::spawn_local(async move {
            let state = match chunk::load_controls().await {
                Ok(()) => Controls::Ready,
                Err(_) => {
                    self.events.report(LoadError {
                        during: "list",
                        kind: "code",
                        message: CONTROLS_FAILED.to_owned(),
                        status: None,
                    });
                    Controls::Failed
                }
            };
            self.controls.try_set(state);
        });
    }

    /// Loads the current query again (after an error).
    pub fn retry(&self) {
        self.load_list(self.query.get_untracked());
    }

    /// Forgets cached data and loads again (`refresh()`).
    pub fn refresh(&self) {
        if let Some(s) = self.source() {
            s.clear_cache();
        }
        self.retry();
    }

    /// Goes to page `n`; cursor providers only reach pages they have seen
    /// the way to.
    pub fn go_to_page(&self, n: u32) {
        let q = self.query.get_untracked();
        if n == 0 || n == q.page {
            return;
        }
        let cursor = match Self::capabilities_of(self.provider.get_untracked()).pagination {
            Pagination::Cursor => match self.trail.with_value(|t| t.cursor_for(n)) {
                Some(c) => c,
                None => return,
            },
            _ => None,
        };
        self.query.update(|q| {
            q.page = n;
            q.cursor = cursor;
        });
        if let Some(cb) = self.events.on_page_change {
            cb.run(PageChange {
                page: n,
                page_size: q.page_size,
            });
        }
    }

    /// Changes the query and goes back to page 1 (a new list: the cursors
    /// seen so far lead nowhere).
    fn change_list(&self, change: impl FnOnce(&mut Query)) {
        self.trail.update_value(CursorTrail::clear);
        self.query.update(|q| {
            change(q);
            q.page = 1;
            q.cursor = None;
        });
    }

    /// Every call the current query matches, page after page at the
    /// largest page size, up to `cap` (the pinned scope and filters apply;
    /// the page shown does not change). `progress` hears the count so far
    /// and the total where the provider gives one; `cancelled` is asked
    /// before each page.
    pub async fn all_calls(
        self,
        cap: usize,
        progress: impl Fn(usize, Option<u64>),
        cancelled: impl Fn() -> bool,
    ) -> Result<Vec<Call>, FetchError> {
        let source = self.source().ok_or(FetchError::Aborted)?;
        let caps = self.capabilities_untracked();
        let mut query = self.query.get_untracked();
        query.page = 1;
        query.cursor = None;
        query.page_size = caps.max_page_size;
        let mut calls = Vec::new();
        loop {
            if cancelled() {
                return Err(FetchError::Aborted);
            }
            let page = source.list(&query, None).await?;
            let more = page.has_more && !page.rows.is_empty();
            calls.extend(page.rows);
            calls.truncate(cap);
            progress(calls.len(), page.total);
            if !more || calls.len() >= cap {
                return Ok(calls);
            }
            match caps.pagination {
                Pagination::Cursor => match page.next_cursor {
                    Some(next) => query.cursor = Some(next),
                    None => return Ok(calls),
                },
                _ => query.page += 1,
            }
        }
    }

    /// Sets the widget's UTC offset (its time zone changed); the list is
    /// asked again only if it differs.
    pub fn set_utc_offset(&self, minutes: i32) {
        if self.query.with_untracked(|q| q.utc_offset_minutes) != minutes {
            self.change_list(|q| q.utc_offset_minutes = minutes);
        }
    }

    /// Replaces the user's filters (back to page 1).
    pub fn set_filters(&self, filters: Filters) {
        if self.query.with_untracked(|q| q.filters == filters) {
            return;
        }
        let f = filters.clone();
        self.change_list(|q| q.filters = f);
        if let Some(cb) = self.events.on_filter_change {
            cb.run(FilterChange { filters });
        }
    }

    /// Changes one filter.
    pub fn update_filters(&self, change: impl FnOnce(&mut Filters)) {
        let mut f = self.query.with_untracked(|q| q.filters.clone());
        change(&mut f);
        self.set_filters(f);
    }

    /// Sorts server-side (back to page 1).
    pub fn set_sort(&self, sort: Option<Sort>) {
        if self.query.with_untracked(|q| q.sort == sort) {
            return;
        }
        self.change_list(|q| q.sort = sort);
    }

    /// Changes rows per page, as the user does (back to page 1).
    pub fn set_page_size(&self, size: u32) {
        if self.query.with_untracked(|q| q.page_size == size) {
            return;
        }
        self.change_list(|q| q.page_size = size);
        if let Some(cb) = self.events.on_page_change {
            cb.run(PageChange {
                page: 1,
                page_size: size,
            });
        }
    }

    /// Applies the embedding's page size and pinned scope (back to page 1
    /// when either changed; nothing happens when neither did). Another pin
    /// is another list: the rows of the last one are not kept on screen.
    pub fn configure(&self, page_size: u32, scope: Scope) {
        let (same_size, same_scope) = self
            .query
            .with_untracked(|q| (q.page_size == page_size, q.scope == scope));
        if !same_scope {
            self.list.reset();
        }
        if !(same_size && same_scope) {
            self.change_list(|q| {
                q.page_size = page_size;
                q.scope = scope;
            });
        }
    }

    // ------------------------------------------------------------ a call

    /// Opens a call's detail: loads it, aborting the load of the call open
    /// before (if it has not answered yet).
    pub fn open(&self, id: String) {
        if self
            .selected
            .with_untracked(|s| s.as_deref() == Some(id.as_str()))
        {
            return;
        }
        self.selected.set(Some(id.clone()));
        self.link.reset();
        self.load_detail(id.clone());
        if let (Some(cb), Some(provider)) = (self.events.on_select, self.provider.get_untracked()) {
            cb.run(CallSelected { id, provider });
        }
    }

    fn load_detail(self, id: String) {
        let Some(source) = self.source() else { return };
        perf::mark(perf::OPEN_START);
        // The call view's code loads beside the detail (at once if the
        // idle or hover prefetch has it already).
        chunk::prefetch();
        self.detail.load(
            false,
            move |abort| with_call_view(source.detail(&id, abort)),
            move |result| match result {
                Ok(_) => {
                    self.code.try_set(true);
                    perf::measure_after_updates(perf::OPEN, perf::OPEN_START);
                    perf::measure_after_updates(perf::TRANSCRIPT, perf::DETAIL_RESPONSE);
                    perf::measure_next_frame(perf::TRANSCRIPT_FRAME, perf::TRANSCRIPT_FRAME_START);
                }
                Err(e) => self.events.error("detail", e),
            },
        );
    }

    /// Loads the open call's detail again (after an error).
    pub fn retry_detail(&self) {
        if let Some(id) = self.selected.get_untracked() {
            self.load_detail(id);
        }
    }

    /// Opens a call from its row, remembering where the row was on screen
    /// (`row_top`), to put the list back there when the call is closed.
    pub fn open_from_row(&self, id: String, row_top: f64) {
        self.row_top.set_value(Some(row_top));
        self.open(id);
    }

    /// Where the row the open call came from was on screen, once.
    pub fn take_row_top(&self) -> Option<f64> {
        self.row_top.try_update_value(Option::take).flatten()
    }

    /// Closes the detail (aborting what it still loads).
    pub fn close(&self) {
        self.selected.set(None);
        self.detail.reset();
        self.link.reset();
    }

    /// Fetches a fresh recording link for the open call (providers whose
    /// links expire); a fetch under way is not started twice.
    pub fn fetch_recording_link(self) {
        if self.link.state().with_untracked(|l| l.is_loading()) {
            return;
        }
        let (Some(id), Some(source)) = (self.selected.get_untracked(), self.source()) else {
            return;
        };
        self.link.load(
            false,
            move |abort| fresh_link(source.recording_link(&id, abort)),
            move |result| {
                if let Err(e) = result {
                    self.events.error("recording", e);
                }
            },
        );
    }

    /// Forgets the fresh link (it expired: the next play fetches another).
    pub fn forget_recording_link(&self) {
        self.link.reset();
    }

    /// Asks for call `id`'s recording to be sought to `ms` (now if it is
    /// open, else when it opens).
    pub fn seek_to(&self, id: String, ms: i64) {
        self.seek.set(Some((id, ms)));
    }

    /// Takes the position asked for call `id`, if any (tracked: a later
    /// request for it runs the caller again).
    pub fn take_seek(&self, id: &str) -> Option<i64> {
        let asked = self
            .seek
            .with(|s| s.as_ref().filter(|(i, _)| i == id).map(|(_, ms)| *ms));
        if asked.is_some() {
            self.seek.set(None);
        }
        asked
    }

    /// Whether the embedding gave a `moment-url` template.
    pub fn shares_moments(&self) -> bool {
        self.moment_url.with(Option::is_some)
    }

    /// The link to call `id` at `position_ms` from the `moment-url`
    /// template (if it makes an http(s) link), told to the embedding.
    pub fn share_moment(&self, id: String, position_ms: i64) -> Option<String> {
        let url = self
            .moment_url
            .with_untracked(|t| t.as_deref().and_then(|t| moment_url(t, &id, position_ms)));
        if let Some(cb) = self.events.on_moment {
            cb.run(Moment {
                id,
                position_ms,
                url: url.clone(),
            });
        }
        url
    }

    /// Tells the embedding a recording started playing.
    pub fn playback_started(&self, id: String, position_ms: i64) {
        if let Some(cb) = self.events.on_playback_start {
            cb.run(PlaybackStart { id, position_ms });
        }
    }
}

/// The detail once the call view's code is loaded too: a detail that
/// cannot be shown is a failure to retry like any other.
fn with_call_view(
    detail: LocalFuture<Result<CallDetail, FetchError>>,
) -> LocalFuture<Result<CallDetail, FetchError>> {
    Box::pin(async move {
        let detail = detail.await?;
        chunk::load().await?;
        Ok(detail)
    })
}

/// A link request's answer as a playable URL: no link, or one that is not
/// `http(s)`, is an error the player shows.
fn fresh_link(
    request: LocalFuture<Result<Option<String>, FetchError>>,
) -> LocalFuture<Result<String, FetchError>> {
    Box::pin(async move {
        match request.await? {
            Some(url) => safe_url(&url).ok_or_else(|| {
                ApiError::unreadable("the recording link is not an http(s) URL").into()
            }),
            None => {
                Err(ApiError::unreadable("the provider returned no link for this recording").into())
            }
        }
    })
}
