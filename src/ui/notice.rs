//! The one way the widget shows a failure: what failed, what it means,
//! what to change where a retry cannot help, and a retry where one can.

use leptos::prelude::*;

use super::boxed::handler;
use super::code::CodeState;
use super::failure::{describe, RemedyOf};
use super::split::{self, Chunk};
use super::state::Board;
use super::words::Language;
use crate::core::words::{self, Words};
use crate::core::ErrorKind;
use crate::net::{FetchError, Unavailable};

/// What a notice says.
pub struct Notice {
    /// A short heading.
    pub title: String,
    /// What happened.
    pub message: String,
    /// What kind of failure (its name is the `data-error`).
    pub kind: ErrorKind,
    /// What to change instead, where a retry cannot help.
    pub remedy: Option<String>,
}

impl Notice {
    /// What an [`Unavailable`] says, in `w`.
    pub fn unavailable(u: Unavailable, w: Words) -> Self {
        Self {
            title: w.text(u.title).to_owned(),
            message: w.text(u.message).to_owned(),
            kind: u.kind,
            remedy: None,
        }
    }
}

/// The notice for `e` in the board's language (tracked: it follows the
/// language and the list controls' code), with what to change where
/// `remedy` says the list's query is at fault. `None` while the code of
/// its words loads (asked for here); by its heading alone if that code
/// did not load ([`super::failure`]).
pub fn failure_notice(board: Board, e: &FetchError, remedy: Option<RemedyOf>) -> Option<Notice> {
    let w = board.lang.words();
    if let FetchError::Unavailable(u) = e {
        return Some(Notice::unavailable(*u, w));
    }
    let (message, remedy) = match board.code.state(Chunk::ListControls).get() {
        // (Were its words not to come, the failure still shows.)
        CodeState::Ready => split::loaded(describe(e.clone(), w, remedy)).unwrap_or_default(),
        CodeState::Failed => (String::new(), None),
        CodeState::Held | CodeState::Loading => {
            board.code.controls_after_first_answer();
            return None;
        }
    };
    Some(Notice {
        title: w.text(e.title()).to_owned(),
        message,
        kind: e.kind(),
        remedy,
    })
}

/// A failure, announced (`role="alert"`), with what Retry does
/// (`on_retry`, a boxed click handler: no Retry without it).
pub fn error_notice(
    notice: Notice,
    on_retry: Option<Box<dyn FnMut(web_sys::MouseEvent)>>,
    lang: Language,
) -> impl IntoView {
    let Notice {
        title,
        message,
        kind,
        remedy,
    } = notice;
    let retry = on_retry.map(|retry| {
        view! { <button type="button" class="cb-button" on:click=handler(retry)>{lang.words().text(words::RETRY)}</button> }
    });
    view! {
        <div class="cb-error" role="alert" part="error" data-error=kind.as_str()>
            <div>
                <strong class="cb-error__title">{title}</strong>
                {(!message.is_empty()).then(|| view! { <p class="cb-error__message">{message}</p> })}
                {remedy.map(|r| view! { <p class="cb-error__remedy">{r}</p> })}
            </div>
            {retry}
        </div>
    }
}
