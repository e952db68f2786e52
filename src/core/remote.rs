//! The one loading model for everything the widget fetches (a page of
//! calls, a call's detail, a fresh recording link): idle, loading (keeping
//! what was shown), ready, or failed (keeping what was shown, with the
//! error to offer a retry for).
//!
//! Pure state transitions, tested natively; `ui::remote::Loader` drives
//! them from abortable, newest-wins requests.

/// A value fetched from somewhere, as the UI shows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Remote<T, E> {
    /// Nothing asked for yet (or asked for and then dropped).
    #[default]
    Idle,
    /// A request is under way; the last value stays on screen meanwhile.
    Loading(Option<T>),
    /// The value arrived.
    Ready(T),
    /// The request failed; the last value stays on screen under the error.
    Failed(E, Option<T>),
}

impl<T, E> Remote<T, E> {
    /// The value to show: the one that arrived, or the last one kept while
    /// loading or after a failure.
    pub fn value(&self) -> Option<&T> {
        match self {
            Self::Ready(v) | Self::Loading(Some(v)) | Self::Failed(_, Some(v)) => Some(v),
            _ => None,
        }
    }

    /// The value to show, to change in place.
    pub fn value_mut(&mut self) -> Option<&mut T> {
        match self {
            Self::Ready(v) | Self::Loading(Some(v)) | Self::Failed(_, Some(v)) => Some(v),
            _ => None,
        }
    }

    /// Whether a request is under way.
    pub fn is_loading(&self) -> bool {
        matches!(self, Self::Loading(_))
    }

    /// The last request's error, if it failed.
    pub fn error(&self) -> Option<&E> {
        match self {
            Self::Failed(e, _) => Some(e),
            _ => None,
        }
    }

    /// A stable name of the state for `data-state` attributes.
    pub fn state_id(&self) -> &'static str {
        match self {
            Self::Idle => "idle",
            Self::Loading(_) => "loading",
            Self::Ready(_) => "ready",
            Self::Failed(..) => "error",
        }
    }

    /// The state once a request starts: the value shown so far is kept
    /// when `keep` (the next page of the same list), dropped otherwise (a
    /// different call's detail).
    pub fn begin(self, keep: bool) -> Self {
        let last = if keep { self.into_value() } else { None };
        Self::Loading(last)
    }

    /// The state once the request answered.
    pub fn finish(self, result: Result<T, E>) -> Self {
        match result {
            Ok(v) => Self::Ready(v),
            Err(e) => Self::Failed(e, self.into_value()),
        }
    }

    fn into_value(self) -> Option<T> {
        match self {
            Self::Ready(v) | Self::Loading(Some(v)) | Self::Failed(_, Some(v)) => Some(v),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type R = Remote<u32, &'static str>;

    #[test]
    fn loading_keeps_the_last_value_when_asked() {
        let ready = R::Ready(1);
        assert_eq!(ready.clone().begin(true), R::Loading(Some(1)));
        assert_eq!(ready.begin(false), R::Loading(None));
        assert_eq!(R::Idle.begin(true), R::Loading(None));
    }

    #[test]
    fn a_failure_keeps_what_was_shown() {
        let failed = R::Ready(1).begin(true).finish(Err("down"));
        assert_eq!(failed, R::Failed("down", Some(1)));
        assert_eq!(failed.value(), Some(&1));
        assert_eq!(failed.error(), Some(&"down"));
        assert_eq!(failed.state_id(), "error");
        // A retry keeps it on screen, and a success replaces it.
        let retried = failed.begin(true);
        assert!(retried.is_loading());
        assert_eq!(retried.value(), Some(&1));
        assert_eq!(retried.finish(Ok(2)), R::Ready(2));
    }

    #[test]
    fn states_have_names() {
        assert_eq!(R::Idle.state_id(), "idle");
        assert_eq!(R::Loading(None).state_id(), "loading");
        assert_eq!(R::Ready(3).state_id(), "ready");
        assert_eq!(R::Idle.value(), None);
        assert_eq!(R::Loading(None).error(), None);
    }
}
