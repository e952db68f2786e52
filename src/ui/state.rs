//! The board's state: the query, the list as loaded, the open call, and
//! the actions that change them. Components read these signals and call
//! these actions; no fetching or parsing happens in a component.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::format::Locale;
use super::options::{CallSelected, FilterChange, LoadError, PageChange, PlaybackStart};
use crate::core::pager::CursorTrail;
use crate::core::{Capabilities, Filters, Page, Pagination, Provider, Query, Sort};
use crate::net::{CallSource, FetchError, Latest};
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
}

impl Events {
    /// Reports a failure to the embedding.
    pub fn error(&self, during: &'static str, e: &FetchError) {
        if let Some(cb) = self.on_error {
            let status = match e {
                FetchError::Api(api) => api.status(),
                _ => None,
            };
            cb.run(LoadError {
                during,
                kind: e.kind(),
                message: e.to_string(),
                status,
            });
        }
    }
}

/// The list as the user sees it: the rows last loaded (kept while the next
/// page loads or after an error), whether a load is under way, and the
/// last error.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListView {
    /// The page last loaded.
    pub page: Option<Page>,
    /// The page number and size `page` was loaded as.
    pub shown: (u32, u32),
    /// A request is under way.
    pub loading: bool,
    /// The last request failed.
    pub error: Option<FetchError>,
}

/// Handles to the board's state; `Copy`, so every component and closure
/// can hold one.
#[derive(Clone, Copy)]
pub struct Board {
    source: StoredValue<Rc<dyn CallSource>, LocalStorage>,
    latest: StoredValue<Latest, LocalStorage>,
    trail: StoredValue<CursorTrail>,
    /// Rows have been shown once (for the `callboard:first-rows` mark).
    first_rows: StoredValue<bool>,
    /// The provider, once known (`auto` learns it from the first answer).
    pub provider: RwSignal<Option<Provider>>,
    /// What is asked for.
    pub query: RwSignal<Query>,
    /// What was loaded.
    pub list: RwSignal<ListView>,
    /// Bumped to load the query again.
    reload: RwSignal<u32>,
    /// The open call's id.
    pub selected: RwSignal<Option<String>>,
    /// Locale and time zone for display.
    pub locale: Signal<Locale>,
    /// Callbacks out.
    pub events: Events,
}

impl Board {
    /// Board state over `source`, starting with `query`.
    pub fn new(
        source: Rc<dyn CallSource>,
        query: Query,
        locale: Signal<Locale>,
        events: Events,
    ) -> Self {
        let provider = source.provider();
        Self {
            source: StoredValue::new_local(source),
            latest: StoredValue::new_local(Latest::new()),
            trail: StoredValue::new(CursorTrail::default()),
            first_rows: StoredValue::new(false),
            provider: RwSignal::new(provider),
            query: RwSignal::new(query),
            list: RwSignal::new(ListView {
                loading: true,
                ..ListView::default()
            }),
            reload: RwSignal::new(0),
            selected: RwSignal::new(None),
            locale,
            events,
        }
    }

    /// The source calls come from.
    pub fn source(&self) -> Option<Rc<dyn CallSource>> {
        self.source.try_get_value()
    }

    /// The capabilities the UI offers (reactive: `auto` may learn them).
    pub fn capabilities(&self) -> &'static Capabilities {
        Self::capabilities_of(self.provider.get())
    }

    fn capabilities_of(provider: Option<Provider>) -> &'static Capabilities {
        provider.map_or(Provider::AgentVoice.capabilities(), Provider::capabilities)
    }

    /// Loads whenever the query changes or a reload is asked for; the
    /// latest request wins and aborts the one before.
    pub fn start(self) {
        Effect::new(move |_| {
            let query = self.query.get();
            self.reload.track();
            perf::mark(perf::QUERY);
            self.fetch(query);
        });
    }

    fn fetch(self, query: Query) {
        let Some(source) = self.source() else { return };
        self.list.update(|l| {
            l.loading = true;
        });
        let Some(ticket) = self.latest.try_with_value(Latest::begin) else {
            return;
        };
        let request = source.list(&query, ticket.signal.clone());
        spawn_local(async move {
            let result = request.await;
            let current = self
                .latest
                .try_with_value(|l| l.is_current(&ticket))
                .unwrap_or(false);
            if !current {
                return;
            }
            // Set only when learnt: every setting re-renders what depends
            // on the capabilities (the filter bar, the headers).
            let provider = source.provider();
            if self
                .provider
                .try_get_untracked()
                .is_some_and(|p| p != provider)
            {
                self.provider.try_set(provider);
            }
            match result {
                Ok(page) => {
                    self.trail
                        .try_update_value(|t| t.record(query.page, page.next_cursor.as_deref()));
                    self.list.try_set(ListView {
                        page: Some(page),
                        shown: (query.page, query.page_size),
                        loading: false,
                        error: None,
                    });
                    perf::measure_after_updates(perf::ROWS, perf::LIST_RESPONSE);
                    perf::measure_after_updates(perf::UPDATE, perf::QUERY);
                    perf::measure_next_frame(perf::ROWS_FRAME, perf::ROWS_FRAME_START);
                    if self
                        .first_rows
                        .try_update_value(|shown| !std::mem::replace(shown, true))
                        == Some(true)
                    {
                        perf::mark_after_updates(perf::FIRST_ROWS);
                    }
                }
                Err(FetchError::Aborted) => {}
                Err(e) => {
                    self.events.error("list", &e);
                    self.list.try_update(|l| {
                        l.loading = false;
                        l.error = Some(e);
                    });
                }
            }
        });
    }

    /// Loads the current query again (after an error).
    pub fn retry(&self) {
        self.reload.update(|n| *n = n.wrapping_add(1));
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

    fn reset_paging(q: &mut Query) {
        q.page = 1;
        q.cursor = None;
    }

    /// Replaces the user's filters (back to page 1).
    pub fn set_filters(&self, filters: Filters) {
        if self.query.with_untracked(|q| q.filters == filters) {
            return;
        }
        self.trail.update_value(CursorTrail::clear);
        self.query.update(|q| {
            q.filters = filters.clone();
            Self::reset_paging(q);
        });
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
        self.trail.update_value(CursorTrail::clear);
        self.query.update(|q| {
            q.sort = sort;
            Self::reset_paging(q);
        });
    }

    /// Changes rows per page (back to page 1).
    pub fn set_page_size(&self, size: u32) {
        if self.query.with_untracked(|q| q.page_size == size) {
            return;
        }
        self.trail.update_value(CursorTrail::clear);
        self.query.update(|q| {
            q.page_size = size;
            Self::reset_paging(q);
        });
        if let Some(cb) = self.events.on_page_change {
            cb.run(PageChange {
                page: 1,
                page_size: size,
            });
        }
    }

    /// Opens a call's detail.
    pub fn open(&self, id: String) {
        if self
            .selected
            .with_untracked(|s| s.as_deref() == Some(id.as_str()))
        {
            return;
        }
        self.selected.set(Some(id.clone()));
        if let (Some(cb), Some(provider)) = (self.events.on_select, self.provider.get_untracked()) {
            cb.run(CallSelected { id, provider });
        }
    }

    /// Closes the detail.
    pub fn close(&self) {
        self.selected.set(None);
    }
}
