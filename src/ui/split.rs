//! Code the first rows do not need, cut into WebAssembly chunks.
//!
//! Built with the `split` feature, `wasm-split-cli` (`scripts/dist.sh`)
//! cuts the module at the split points into the main module and one
//! module per [`Chunk`] (plus a `chunk_*.wasm` of what both use). A split
//! point is declared beside the component it defers, with
//! [`split_view!`](crate::ui::split::split_view): its view, and the load
//! of its code; [`held_until_loaded`] shows it in place of what holds its
//! place until then. Which chunk loads when is the board's policy
//! ([`Code`](super::code::Code)).
//!
//! Without the feature (tests, Leptos apps that link everything) a split
//! function is an ordinary one and loading always succeeds at once.

// The chunks' own split points (below) are `wasm_split`'s generated
// import/export pairs and loaders, which are `unsafe`; nothing else here is.
#![allow(unsafe_code)]

use leptos::prelude::*;

use super::boxed::spawn;

/// A chunk's code did not load (network, 404, CSP, a stale `callboard.js`
/// beside a newer chunk). Not remembered: the next attempt starts over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeError;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for CodeError {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        CodeError
    }
}

/// The WebAssembly chunks besides the main module.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chunk {
    /// Reading and showing a call (detail panel, player, transcript, their
    /// warm-up), the list's tools (Export, the column chooser) and the
    /// readers of details and recording links: fetched on first open, or
    /// before, when the browser is idle after the first rows or a row is
    /// pointed at or focused.
    CallView,
    /// The filter bar, the pager and the reader of error answers: fetched
    /// a task after the first list answer.
    ListControls,
}

/// Whether the widget is built in chunks (else everything is linked in).
pub const SPLIT: bool = cfg!(feature = "split");

/// A marker in each chunk: its preload fetches the chunk.
#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(call_view, fallible, preload(fetch_call_view))
)]
#[allow(dead_code)]
fn call_view_marker() -> Result<(), CodeError> {
    Ok(())
}

#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(list_controls, fallible, preload(fetch_list_controls))
)]
#[allow(dead_code)]
fn list_controls_marker() -> Result<(), CodeError> {
    Ok(())
}

impl Chunk {
    /// Fetches the chunk (at once when it is there; concurrent callers
    /// share one fetch; a failure is not remembered). Each split point's
    /// own load then completes in a microtask.
    pub async fn fetch(self) -> Result<(), CodeError> {
        #[cfg(feature = "split")]
        match self {
            Self::CallView => fetch_call_view().await?,
            Self::ListControls => fetch_list_controls().await?,
        }
        Ok(())
    }
}

/// A split function's result: awaited (its chunk loaded first, if need
/// be) with the `split` feature; without it the function is an ordinary
/// one and this its result.
#[cfg(feature = "split")]
pub(crate) async fn run<T>(
    split: impl std::future::Future<Output = Result<T, CodeError>>,
) -> Result<T, CodeError> {
    split.await
}

/// Without the `split` feature a split function is an ordinary one.
#[cfg(not(feature = "split"))]
pub(crate) async fn run<T>(result: Result<T, CodeError>) -> Result<T, CodeError> {
    result
}

/// A split function's result (a view, say), run now if its code is
/// loaded (else a [`CodeError`]: it never waits).
#[cfg(feature = "split")]
pub(crate) fn loaded<T>(
    split: impl std::future::Future<Output = Result<T, CodeError>>,
) -> Result<T, CodeError> {
    now(split).unwrap_or(Err(CodeError))
}

/// Without the `split` feature a split function is an ordinary one.
#[cfg(not(feature = "split"))]
pub(crate) fn loaded<T>(result: Result<T, CodeError>) -> Result<T, CodeError> {
    result
}

/// What a split function gives when its code is loaded: then its load
/// step is ready at the first poll, so one poll runs it now (inside the
/// caller's reactive owner); `None` when it is not loaded.
#[cfg(feature = "split")]
fn now<F: std::future::Future>(f: F) -> Option<F::Output> {
    use std::task::{Context, Poll, Waker};
    let mut f = std::pin::pin!(f);
    match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(out) => Some(out),
        Poll::Pending => None,
    }
}

/// The view of a split point in its place: the view when its code is
/// loaded (`now`), else what `held` shows while `load` brings it (then the
/// view takes the place). Once the view shows, nothing here rebuilds it:
/// only while the place is held is the code's arrival watched.
pub fn held_until_loaded(
    now: impl Fn() -> Option<AnyView> + Send + Sync + 'static,
    load: fn() -> crate::net::LocalFuture<Result<(), CodeError>>,
    held: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl Fn() -> AnyView + Send + Sync {
    held_until_loaded_boxed(Box::new(now), load, Box::new(held))
}

/// [`held_until_loaded`] of boxed closures: one copy of its code for
/// every split point.
fn held_until_loaded_boxed(
    now: Box<dyn Fn() -> Option<AnyView> + Send + Sync>,
    load: fn() -> crate::net::LocalFuture<Result<(), CodeError>>,
    held: Box<dyn Fn() -> AnyView + Send + Sync>,
) -> impl Fn() -> AnyView + Send + Sync {
    let arrived = Trigger::new();
    move || {
        if let Some(view) = now() {
            return view;
        }
        arrived.track();
        spawn(async move {
            if load().await.is_ok() {
                arrived.notify();
            }
        });
        held()
    }
}

/// Declares a split point beside the component it defers: a view whose
/// code goes to chunk `$chunk` (`call_view` or `list_controls`, the
/// [`Chunk`]s, or `live`, which only its split point loads) with the
/// `split` feature. It makes a module `$name` with
/// `now(args) -> Option<AnyView>` (the view if its code is loaded; never
/// waits) and `load()` (brings the code), for [`held_until_loaded`].
///
/// ```ignore
/// split_view! {
///     /// The filter bar, from the list controls' chunk.
///     pub(crate) mod filter_bar in list_controls, fn(board: Board) {
///         view! { <FilterBar board /> }.into_any()
///     }
/// }
/// ```
macro_rules! split_view {
    (
        $(#[$doc:meta])*
        $vis:vis mod $name:ident in $chunk:ident, fn($($arg:ident: $ty:ty),* $(,)?) $body:block
    ) => {
        $(#[$doc])*
        // wasm_split's generated import/export pair and loader are `unsafe`.
        #[allow(unsafe_code)]
        $vis mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[cfg_attr(
                feature = "split",
                wasm_split_helpers::wasm_split($chunk, fallible, preload(preload))
            )]
            fn $name(
                $($arg: $ty),*
            ) -> Result<leptos::prelude::AnyView, $crate::ui::split::CodeError> {
                Ok($body)
            }

            /// The view, if its code is loaded (never waits).
            pub fn now($($arg: $ty),*) -> Option<leptos::prelude::AnyView> {
                $crate::ui::split::loaded($name($($arg),*)).ok()
            }

            /// Loads its code (at once when it is loaded).
            pub fn load() -> $crate::net::LocalFuture<Result<(), $crate::ui::split::CodeError>> {
                Box::pin(async {
                    #[cfg(feature = "split")]
                    preload().await?;
                    Ok(())
                })
            }
        }
    };
}

pub(crate) use split_view;
