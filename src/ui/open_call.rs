//! The open-call store: which call is open, its detail and fresh
//! recording link as loaded, where its recording is to be sought, and the
//! moment links. Like the list, every fetch goes through a [`Loader`].

use std::rc::Rc;

use leptos::prelude::*;

use super::code::Code;
use super::events::Events;
use super::list::CallList;
use super::options::Phase;
use super::read_only::ReadOnly;
use super::remote::{Fetched, Loader};
use crate::core::moment::moment_url;
use crate::core::url::safe_url;
use crate::core::words;
use crate::core::{ApiError, CallDetail, Provider};
use crate::net::{perf, CallSource, FetchError, LocalFuture};

/// The open-call store. `Copy`.
#[derive(Clone, Copy)]
pub struct OpenCall {
    selected: RwSignal<Option<String>>,
    /// Where the row of the open call was on screen when it was opened.
    row_top: StoredValue<Option<f64>>,
    detail: Loader<CallDetail>,
    link: Loader<String>,
    /// Where the open call's recording is to be sought (the `at` option).
    seek: RwSignal<Option<(String, i64)>>,
    /// The `moment-url` template.
    moment_url: Signal<Option<String>>,
    /// Where calls come from, and the provider `auto` learnt (the list's).
    source: StoredValue<Rc<dyn CallSource>, LocalStorage>,
    provider: ReadOnly<Option<Provider>>,
    code: Code,
    events: Events,
}

impl OpenCall {
    /// No call open yet; calls are fetched from `list`'s source.
    pub fn new(
        list: CallList,
        code: Code,
        moment_url: Signal<Option<String>>,
        events: Events,
    ) -> Self {
        Self {
            selected: RwSignal::new(None),
            row_top: StoredValue::new(None),
            detail: Loader::new(),
            link: Loader::new(),
            seek: RwSignal::new(None),
            moment_url,
            source: list.source_handle(),
            provider: list.provider_handle(),
            code,
            events,
        }
    }

    // ------------------------------------------------------------ reading

    /// The open call's id.
    pub fn id(&self) -> ReadOnly<Option<String>> {
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

    // ------------------------------------------------------------ opening

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
        if let Some(provider) = self.provider.get_untracked() {
            self.events.selected(id, provider);
        }
    }

    fn load_detail(self, id: String) {
        let Some(source) = self.source.try_get_value() else {
            return;
        };
        perf::mark(perf::OPEN_START);
        // The call view's code loads beside the detail (at once if the
        // idle or hover prefetch has it already).
        self.code.prefetch_call_view();
        let code = self.code;
        self.detail.load(
            false,
            move |abort| with_call_view(source.detail(&id, abort), code),
            move |result| match result {
                Ok(_) => {
                    perf::measure_after_updates(perf::OPEN, perf::OPEN_START);
                    perf::measure_after_updates(perf::TRANSCRIPT, perf::DETAIL_RESPONSE);
                    perf::measure_next_frame(perf::TRANSCRIPT_FRAME, perf::TRANSCRIPT_FRAME_START);
                }
                Err(e) => self.events.error(Phase::Detail, e),
            },
        );
    }

    /// Loads the open call's detail again (after an error).
    pub fn retry(&self) {
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

    // ------------------------------------------------------------ recording

    /// Fetches a fresh recording link for the open call (providers whose
    /// links expire); a fetch under way is not started twice.
    pub fn fetch_recording_link(self) {
        if self.link.state().with_untracked(|l| l.is_loading()) {
            return;
        }
        let (Some(id), Some(source)) = (self.selected.get_untracked(), self.source.try_get_value())
        else {
            return;
        };
        self.link.load(
            false,
            move |abort| fresh_link(source.recording_link(&id, abort)),
            move |result| {
                if let Err(e) = result {
                    self.events.error(Phase::Recording, e);
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

    /// Tells the embedding a recording started playing.
    pub fn playback_started(&self, id: String, position_ms: i64) {
        self.events.playback_started(id, position_ms);
    }

    // ------------------------------------------------------------ moments

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
        self.events.moment_shared(id, position_ms, url.clone());
        url
    }
}

/// The detail once the call view's code is loaded too: a detail that
/// cannot be shown is a failure to retry like any other.
fn with_call_view(
    detail: LocalFuture<Result<CallDetail, FetchError>>,
    code: Code,
) -> LocalFuture<Result<CallDetail, FetchError>> {
    Box::pin(async move {
        let detail = detail.await?;
        code.call_view().await?;
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
            Some(url) => safe_url(&url)
                .ok_or_else(|| ApiError::unreadable(words::RECORDING_LINK_NOT_HTTP).into()),
            None => Err(ApiError::unreadable(words::NO_RECORDING_LINK).into()),
        }
    })
}

impl OpenCall {
    /// Takes `detail`, told as it happened: if it is the open call's, its
    /// detail changes in place (what the event leaves out is kept).
    pub fn take_live(&self, detail: CallDetail) {
        let open = self
            .selected
            .try_with_untracked(|s| s.as_deref() == Some(detail.call.id.as_str()))
            .unwrap_or(false);
        if open {
            self.detail
                .edit(|d| *d = crate::core::live::merge_detail(d, detail));
        }
    }
}
