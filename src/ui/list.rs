//! The list store: what is asked for (the query), the page as loaded,
//! the cursors seen on the way, and the actions that change them.
//! Components read it through getters and change it only through the
//! actions here; every fetch goes through a [`Loader`] (newest wins, and
//! starting a load aborts the one it replaces).

use std::rc::Rc;

use leptos::prelude::*;

use super::boxed::effect;
use super::code::Code;
use super::events::Events;
use super::options::Phase;
use super::read_only::ReadOnly;
use super::remote::{Fetched, Loader};
use crate::core::pager::{AllPages, CursorTrail};
use crate::core::{Call, Capabilities, Filters, Page, Pagination, Provider, Query, Scope, Sort};
use crate::net::{perf, CallSource, FetchError};

mod live;

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

/// The list store. `Copy`.
#[derive(Clone, Copy)]
pub struct CallList {
    source: StoredValue<Rc<dyn CallSource>, LocalStorage>,
    trail: StoredValue<CursorTrail>,
    /// Rows have been shown once (for the `callboard:first-rows` mark).
    first_rows: StoredValue<bool>,
    provider: RwSignal<Option<Provider>>,
    query: RwSignal<Query>,
    list: Loader<LoadedPage>,
    code: Code,
    events: Events,
}

impl CallList {
    /// The list of `source`, starting with `query` (nothing is fetched
    /// until [`CallList::start`]).
    pub fn new(source: Rc<dyn CallSource>, query: Query, code: Code, events: Events) -> Self {
        let provider = source.provider();
        Self {
            source: StoredValue::new_local(source),
            trail: StoredValue::new(CursorTrail::default()),
            first_rows: StoredValue::new(false),
            provider: RwSignal::new(provider),
            query: RwSignal::new(query),
            list: Loader::starting_as(Fetched::Loading(None)),
            code,
            events,
        }
    }

    // ------------------------------------------------------------ reading

    /// What is asked for.
    pub fn query(&self) -> ReadOnly<Query> {
        self.query.into()
    }

    /// The list as loaded.
    pub fn state(&self) -> ReadOnly<Fetched<LoadedPage>> {
        self.list.state()
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

    /// The source, while the board is there.
    fn source(&self) -> Option<Rc<dyn CallSource>> {
        self.source.try_get_value()
    }

    /// What the board tells the embedding (the live feed tells it too).
    pub(super) fn events(&self) -> Events {
        self.events
    }

    /// The handle to the source (the open call fetches from it too).
    pub(super) fn source_handle(&self) -> StoredValue<Rc<dyn CallSource>, LocalStorage> {
        self.source
    }

    /// The provider `auto` learnt, as a signal (the open call names it).
    pub(super) fn provider_handle(&self) -> ReadOnly<Option<Provider>> {
        self.provider.into()
    }

    // ------------------------------------------------------------ loading

    /// Loads the first page at once (the request is under way while the
    /// view is built, not after), then whenever the query changes; the
    /// newest request wins and aborts the one before.
    pub fn start(self) {
        let first = self.query.get_untracked();
        self.load(first.clone());
        let mut ran = false;
        effect(move || {
            let query = self.query.get();
            // The effect's first run sees the first page, asked for already,
            // unless the query changed while the view was built.
            if ran || query != first {
                self.load(query);
            }
            ran = true;
        });
    }

    fn load(self, query: Query) {
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
                self.code.controls_after_first_answer();
                match result {
                    Ok(loaded) => self.rows_arrived(&query, &loaded.page),
                    Err(e) => self.events.error(Phase::List, e),
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
            self.code.prefetch_call_view_when_idle();
        }
    }

    /// Loads the current query again (after an error).
    pub fn retry(&self) {
        self.load(self.query.get_untracked());
    }

    /// Forgets cached data and loads again (`refresh()`).
    pub fn refresh(&self) {
        if let Some(s) = self.source() {
            s.clear_cache();
        }
        self.retry();
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
        let mut pages = AllPages::new(
            &self.query.get_untracked(),
            self.capabilities_untracked(),
            cap,
        );
        while let Some(query) = pages.next_query() {
            if cancelled() {
                return Err(FetchError::Aborted);
            }
            let page = source.list(query, None).await?;
            let total = page.total;
            pages.take(page);
            progress(pages.calls().len(), total);
        }
        Ok(pages.into_calls())
    }

    // ------------------------------------------------------------ changing

    /// Goes to page `n`; cursor providers only reach pages they have seen
    /// the way to.
    pub fn go_to_page(&self, n: u32) {
        let q = self.query.get_untracked();
        if n == 0 || n == q.page {
            return;
        }
        let cursor = match self.capabilities_untracked().pagination {
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
        self.events.page_changed(n, q.page_size);
    }

    /// Changes the query and goes back to page 1 (a new list: the cursors
    /// seen so far lead nowhere).
    fn change(&self, change: impl FnOnce(&mut Query)) {
        self.trail.update_value(CursorTrail::clear);
        self.query.update(|q| {
            change(q);
            q.page = 1;
            q.cursor = None;
        });
    }

    /// Sets the widget's UTC offset (its time zone changed); the list is
    /// asked again only if it differs.
    pub fn set_utc_offset(&self, minutes: i32) {
        if self.query.with_untracked(|q| q.utc_offset_minutes) != minutes {
            self.change(|q| q.utc_offset_minutes = minutes);
        }
    }

    /// Replaces the user's filters (back to page 1).
    pub fn set_filters(&self, filters: Filters) {
        if self.query.with_untracked(|q| q.filters == filters) {
            return;
        }
        let f = filters.clone();
        self.change(|q| q.filters = f);
        self.events.filters_changed(filters);
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
        self.change(|q| q.sort = sort);
    }

    /// Changes rows per page, as the user does (back to page 1).
    pub fn set_page_size(&self, size: u32) {
        if self.query.with_untracked(|q| q.page_size == size) {
            return;
        }
        self.change(|q| q.page_size = size);
        self.events.page_changed(1, size);
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
            self.change(|q| {
                q.page_size = page_size;
                q.scope = scope;
            });
        }
    }
}
