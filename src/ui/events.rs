//! What the board tells the embedding: the callbacks it listens to, each
//! told through one method here.

use leptos::prelude::*;

use super::boxed::spawn;
use super::failure::english;
use super::options::{
    CallSelected, FilterChange, LoadError, Moment, PageChange, Phase, PlaybackStart,
};
use crate::core::live::LiveState;
use crate::core::{Filters, Provider};
use crate::net::FetchError;

/// Callbacks an embedding listens to.
#[derive(Clone, Copy, Default)]
pub struct Callbacks {
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
    /// How calls are heard as they happen changed.
    pub on_live: Option<Callback<LiveState>>,
}

/// The board's handle to the embedding's [`Callbacks`] (`Copy`, one word:
/// every store holds it).
#[derive(Clone, Copy)]
pub struct Events(StoredValue<Callbacks>);

impl Events {
    /// A handle to `callbacks`.
    pub fn new(callbacks: Callbacks) -> Self {
        Self(StoredValue::new(callbacks))
    }

    fn callbacks(&self) -> Callbacks {
        self.0.try_get_value().unwrap_or_default()
    }

    /// Reports a failure while loading `during` to the embedding, with
    /// its English message (written by the list controls' code: told once
    /// that is there, by its heading if it cannot load).
    pub fn error(&self, during: Phase, e: &FetchError) {
        let status = match e {
            FetchError::Api(api) => api.status(),
            _ => None,
        };
        let (events, kind, e) = (*self, e.kind(), e.clone());
        spawn(async move {
            let message = english(e).await;
            events.report(LoadError {
                during,
                kind,
                message,
                status,
            });
        });
    }

    /// Reports `error` to the embedding.
    pub fn report(&self, error: LoadError) {
        if let Some(cb) = self.callbacks().on_error {
            cb.run(error);
        }
    }

    /// Call `id` of `provider` was opened.
    pub fn selected(&self, id: String, provider: Provider) {
        if let Some(cb) = self.callbacks().on_select {
            cb.run(CallSelected { id, provider });
        }
    }

    /// Page `page` of `page_size` rows is shown.
    pub fn page_changed(&self, page: u32, page_size: u32) {
        if let Some(cb) = self.callbacks().on_page_change {
            cb.run(PageChange { page, page_size });
        }
    }

    /// The user's filters are now `filters`.
    pub fn filters_changed(&self, filters: Filters) {
        if let Some(cb) = self.callbacks().on_filter_change {
            cb.run(FilterChange { filters });
        }
    }

    /// Call `id`'s recording started playing at `position_ms`.
    pub fn playback_started(&self, id: String, position_ms: i64) {
        if let Some(cb) = self.callbacks().on_playback_start {
            cb.run(PlaybackStart { id, position_ms });
        }
    }

    /// The link to call `id` at `position_ms` was copied (`url`, where the
    /// template made an http(s) link).
    pub fn moment_shared(&self, id: String, position_ms: i64, url: Option<String>) {
        if let Some(cb) = self.callbacks().on_moment {
            cb.run(Moment {
                id,
                position_ms,
                url,
            });
        }
    }

    /// Calls are now heard as `state` says.
    pub fn live_changed(&self, state: LiveState) {
        if let Some(cb) = self.callbacks().on_live {
            cb.run(state);
        }
    }
}
