//! The code the first rows do not need, loaded on demand.
//!
//! Built with the `split` feature and cut by `wasm-split-cli`
//! (`scripts/dist.sh`), the split points below are two WebAssembly
//! modules besides the main one (and a `chunk_*.wasm` of what both use):
//!
//! - `call_view`: reading a call's detail and showing it (the panel,
//!   summary, player, transcript, facts, extras and all they alone use),
//!   the list's extras (Export, the column chooser, the shortcuts' help),
//!   and the call view's warm-up (`ui::warm`); fetched on first open
//!   (beside the detail's request, which the main module sends), or
//!   before that when the browser is idle after the first rows or a row
//!   is hovered or focused.
//! - `list_controls`: the filter bar and the pager, fetched a task after
//!   the first list answer (the board holds their places until then).
//!
//! Without the feature (tests, Leptos apps that link everything) they are
//! ordinary functions and loading always succeeds.
//!
//! A call view that cannot load (network, 404, CSP, a stale `callboard.js`
//! beside a newer chunk) is a [`FetchError::Code`]: the detail shows it
//! with a retry, the list keeps working, and a later attempt starts over.
//! Controls that cannot load are a message with a retry in their place.

// The split point's generated import/export pair and loader are `unsafe`
// (see `wasm_split_helpers`); this module holds nothing else that is.
#![allow(unsafe_code)]

use leptos::prelude::*;

use crate::core::{ApiError, CallDetail, ErrorReply, Provider};
use crate::later::when_idle;
use crate::net::{FetchError, LocalFuture, ProxySource};
use crate::ui::column_chooser::ColumnChooser;
use crate::ui::columns::ColumnDef;
use crate::ui::detail::{detail_body, DetailPanel, ShortcutsHelp};
use crate::ui::export::ExportMenu;
use crate::ui::filters::FilterBar;
use crate::ui::pager::Pager;
use crate::ui::Board;
use web_sys::AbortSignal;

/// The call view's chunk did not load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkError;

impl From<ChunkError> for FetchError {
    fn from(_: ChunkError) -> Self {
        FetchError::Code
    }
}

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for ChunkError {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// The split point: the loaded detail's view.
#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(call_view, fallible, preload(preload_call_view))
)]
fn call_view(board: Board, detail: CallDetail) -> Result<AnyView, ChunkError> {
    Ok(detail_body(board, detail))
}

/// The split point: the panel around an open call (its header and the
/// row's facts while the detail loads).
#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(call_view, fallible, preload(preload_detail_panel))
)]
fn detail_panel_view(board: Board, id: String) -> Result<AnyView, ChunkError> {
    Ok(view! { <DetailPanel board id /> }.into_any())
}

/// The panel for the open call `id` from the chunk, once it is loaded
/// (`None` before: the main module's `DetailShell` stands in).
pub fn detail_panel(board: Board, id: String) -> Option<AnyView> {
    loaded(detail_panel_view(board, id)).ok()
}

/// The split point: a detail response's body read for `provider`.
#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(call_view, fallible))]
fn read_detail(
    provider: Provider,
    body: String,
) -> Result<Result<CallDetail, ApiError>, ChunkError> {
    let (detail, answer) = provider.parse_detail_keeping(&body);
    // Freed once the browser is idle, after the call is on screen.
    when_idle(move || drop((body, answer)));
    Ok(detail)
}

/// The split point: a fresh recording link through the proxy.
#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(call_view, fallible))]
fn proxy_recording_link(
    source: ProxySource,
    id: String,
    abort: Option<AbortSignal>,
) -> Result<LocalFuture<Result<Option<String>, FetchError>>, ChunkError> {
    Ok(Box::pin(source.fetch_recording_link(id, abort)))
}

/// A fresh link to call `id`'s recording through `source` (loading the
/// chunk first if need be: only the player asks).
pub async fn fetch_recording_link(
    source: ProxySource,
    id: String,
    abort: Option<AbortSignal>,
) -> Result<Option<String>, FetchError> {
    run(proxy_recording_link(source, id, abort)).await?.await
}

/// Reads a detail response's body for `provider` (loading the chunk
/// first if need be).
pub async fn parse_detail(provider: Provider, body: String) -> Result<CallDetail, FetchError> {
    Ok(run(read_detail(provider, body)).await??)
}

/// The split point: the list's tools that the first rows do not need
/// (Export, the column chooser).
#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(call_view, fallible, preload(preload_list_tools))
)]
fn list_tools_view(board: Board, shown: RwSignal<Vec<ColumnDef>>) -> Result<AnyView, ChunkError> {
    // The first of the chunk to show, once it is loaded: the rest of the
    // call view is compiled when the browser is next idle (`ui::warm`).
    crate::ui::warm::when_idle(board);
    Ok(view! {
        <ExportMenu board />
        <ColumnChooser board shown />
    }
    .into_any())
}

/// The list's tools from the chunk (Export, and the chooser of the
/// table's `shown` columns), once it is loaded (`None` before).
pub fn list_tools(board: Board, shown: RwSignal<Vec<ColumnDef>>) -> Option<AnyView> {
    loaded(list_tools_view(board, shown)).ok()
}

/// The split point: the keyboard shortcuts' help in the call's header.
#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(call_view, fallible, preload(preload_shortcuts))
)]
fn shortcuts_view() -> Result<AnyView, ChunkError> {
    Ok(view! { <ShortcutsHelp /> }.into_any())
}

/// The shortcuts' help from the chunk, once it is loaded (`None` before).
pub fn shortcuts_help() -> Option<AnyView> {
    loaded(shortcuts_view()).ok()
}

/// The split point: the filter bar, in the list controls' chunk (loaded
/// after the first rows are on screen: showing them needs neither).
#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(list_controls, fallible, preload(preload_filter_bar))
)]
fn filter_bar_view(board: Board) -> Result<AnyView, ChunkError> {
    Ok(view! { <FilterBar board /> }.into_any())
}

/// The split point: the pager, in the list controls' chunk.
#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(list_controls, fallible, preload(preload_pager))
)]
fn pager_view(board: Board) -> Result<AnyView, ChunkError> {
    Ok(view! { <Pager board /> }.into_any())
}

/// The split point: what a failed answer says, in any provider's error
/// shapes (in the list controls' chunk: the first rows do not need it).
#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(list_controls, fallible)
)]
fn read_error_reply(reply: ErrorReply) -> Result<ApiError, ChunkError> {
    Ok(reply.read())
}

/// What a failed answer says (loading the list controls' chunk first if
/// need be). Should that chunk not load, what its status alone says: the
/// controls' place shows that failure with its retry.
pub async fn read_error(reply: ErrorReply) -> ApiError {
    let status = reply.status;
    run(read_error_reply(reply))
        .await
        .unwrap_or_else(|ChunkError| ApiError::from_status(status))
}

/// Whether the list's controls come from a chunk (else they are linked in
/// and there from the start).
pub const CONTROLS_SPLIT: bool = cfg!(feature = "split");

/// Loads the list controls' chunk: the filter bar and the pager (at once
/// when it is loaded already; a failure is not remembered).
pub async fn load_controls() -> Result<(), ChunkError> {
    #[cfg(feature = "split")]
    {
        preload_filter_bar().await?;
        preload_pager().await?;
    }
    Ok(())
}

/// The filter bar from its chunk, once loaded (`None` before).
pub fn filter_bar(board: Board) -> Option<AnyView> {
    loaded(filter_bar_view(board)).ok()
}

/// The pager from its chunk, once loaded (`None` before).
pub fn pager(board: Board) -> Option<AnyView> {
    loaded(pager_view(board)).ok()
}

/// Loads the call view's chunk (at once when it is loaded already;
/// concurrent callers share one attempt; a failure is not remembered).
pub async fn load() -> Result<(), ChunkError> {
    #[cfg(feature = "split")]
    {
        // Each split function has its own loader: those run with `now`
        // must have theirs ready (the chunk itself is fetched once).
        preload_call_view().await?;
        preload_detail_panel().await?;
        preload_list_tools().await?;
        preload_shortcuts().await?;
    }
    Ok(())
}

/// The view of a loaded call. The chunk must have loaded (the board awaits
/// [`load`] with the detail); if it has not, this is an error, not a wait.
pub fn render(board: Board, detail: CallDetail) -> Result<AnyView, ChunkError> {
    loaded(call_view(board, detail))
}

/// A split function's result: awaited (its chunk loaded first, if need
/// be) with the `split` feature; without it the function is an ordinary
/// one and this its result.
#[cfg(feature = "split")]
async fn run<T>(
    split: impl std::future::Future<Output = Result<T, ChunkError>>,
) -> Result<T, ChunkError> {
    split.await
}

/// Without the `split` feature a split function is an ordinary one.
#[cfg(not(feature = "split"))]
async fn run<T>(result: Result<T, ChunkError>) -> Result<T, ChunkError> {
    result
}

/// A split function's result (a view, say), run now if its chunk is
/// loaded (else a [`ChunkError`]: it never waits).
#[cfg(feature = "split")]
fn loaded<T>(
    split: impl std::future::Future<Output = Result<T, ChunkError>>,
) -> Result<T, ChunkError> {
    now(split).unwrap_or(Err(ChunkError))
}

/// Without the `split` feature a split function is an ordinary one.
#[cfg(not(feature = "split"))]
fn loaded<T>(result: Result<T, ChunkError>) -> Result<T, ChunkError> {
    result
}

/// What a split function gives when its chunk is loaded: then its load
/// step is ready at the first poll, so one poll runs it now (inside the
/// caller's reactive owner); `None` when the chunk is not loaded.
#[cfg(feature = "split")]
fn now<F: std::future::Future>(f: F) -> Option<F::Output> {
    use std::task::{Context, Poll, Waker};
    let mut f = std::pin::pin!(f);
    match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(out) => Some(out),
        Poll::Pending => None,
    }
}

#[cfg(feature = "split")]
thread_local! {
    /// A prefetch is under way or done (a failed one clears it).
    static PREFETCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Starts loading the call view's chunk in the background, once; a failed
/// prefetch is silent (opening a call tries again and says what failed).
pub fn prefetch() {
    #[cfg(feature = "split")]
    {
        if PREFETCHING.with(|p| p.replace(true)) {
            return;
        }
        wasm_bindgen_futures::spawn_local(async {
            if load().await.is_err() {
                PREFETCHING.with(|p| p.set(false));
            }
        });
    }
}

/// Prefetches the call view's chunk when the browser is next idle (after
/// the first rows are on screen), or after a second where it has no
/// `requestIdleCallback`; `loaded` runs once it is loaded (at once without
/// the `split` feature).
pub fn prefetch_when_idle(loaded: impl FnOnce() + 'static) {
    #[cfg(feature = "split")]
    when_idle(move || {
        PREFETCHING.with(|p| p.set(true));
        wasm_bindgen_futures::spawn_local(async move {
            match load().await {
                Ok(()) => loaded(),
                Err(_) => PREFETCHING.with(|p| p.set(false)),
            }
        });
    });
    #[cfg(not(feature = "split"))]
    loaded();
}
