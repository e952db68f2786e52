//! `ErrorNotice`: the one way the widget shows a failure: what failed,
//! what it means, what to change where a retry cannot help, and a retry
//! where one can.

use leptos::prelude::*;

use super::boxed::handler;
use crate::core::ErrorKind;

/// A failure, announced (`role="alert"`), with its stable machine name in
/// `data-error`.
#[component]
pub fn ErrorNotice(
    /// A short heading.
    #[prop(into)]
    title: String,
    /// What happened.
    #[prop(into)]
    message: String,
    /// What kind of failure (its name is the `data-error`).
    kind: ErrorKind,
    /// What to change instead, where a retry cannot help.
    #[prop(default = None)]
    remedy: Option<String>,
    /// What Retry does (no Retry without it).
    #[prop(default = None)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let retry = on_retry.map(|retry| {
        view! {
            <button type="button" class="cb-button" on:click=handler(move |_| retry.run(()))>
                "Retry"
            </button>
        }
    });
    view! {
        <div class="cb-error" role="alert" part="error" data-error=kind.as_str()>
            <div>
                <strong class="cb-error__title">{title}</strong>
                <p class="cb-error__message">{message}</p>
                {remedy.map(|r| view! { <p class="cb-error__remedy">{r}</p> })}
            </div>
            {retry}
        </div>
    }
}
