//! The browser's `fetch`, called through web-sys: the parts every request
//! of the widget shares (the proxy's list and detail requests, the live
//! feed's stream). Written here rather than through gloo-net's request
//! builder, whose query, header and error layers the widget does not use
//! (1.6 KB gzip before the first rows, with their JavaScript glue).

use js_sys::{Promise, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use web_sys::{AbortSignal, Headers, Request, RequestCredentials, RequestInit};

/// The fetch credentials mode (`credentials` property of `<call-board>`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Credentials {
    /// Never send cookies.
    Omit,
    /// Send cookies to the page's own origin (the fetch default).
    #[default]
    SameOrigin,
    /// Send cookies to any origin (the proxy must allow credentials).
    Include,
}

impl Credentials {
    /// The mode's name in the Fetch standard.
    pub(super) fn name(self) -> &'static str {
        match self {
            Self::Omit => "omit",
            Self::SameOrigin => "same-origin",
            Self::Include => "include",
        }
    }

    /// The mode as web-sys names it.
    fn mode(self) -> RequestCredentials {
        match self {
            Self::Omit => RequestCredentials::Omit,
            Self::SameOrigin => RequestCredentials::SameOrigin,
            Self::Include => RequestCredentials::Include,
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// The global `fetch` (a window's or a worker's).
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(request: &Request) -> Promise;
}

/// A request's options: `accept` as its `Accept`, then the embedding's
/// `headers` (which may replace it), its `credentials` mode, cancelled by
/// `signal`. The headers are handed back for the caller to add to; they
/// are read when the request is made.
pub(crate) fn init(
    accept: &str,
    headers: &[(String, String)],
    credentials: Credentials,
    signal: &AbortSignal,
) -> Result<(RequestInit, Headers), JsValue> {
    let init = RequestInit::new();
    init.set_credentials(credentials.mode());
    init.set_signal(Some(signal));
    let all = Headers::new()?;
    all.set("Accept", accept)?;
    for (name, value) in headers {
        all.set(name, value)?;
    }
    init.set_headers(&all);
    Ok((init, all))
}

/// Sends `request`: a promise of its `Response`.
pub(crate) fn send(request: &Request) -> Promise {
    global_fetch(request)
}

/// A failure's name and message (`TypeError` and why, `AbortError`,
/// `TimeoutError`, …): no name and a plain message for a failure that
/// is not an error object.
pub(crate) fn failure(error: &JsValue) -> (String, String) {
    let field = |name: &str| {
        Reflect::get(error, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
            .filter(|v| !v.is_empty())
    };
    let message = field("message").unwrap_or_else(|| "the request failed".to_owned());
    (field("name").unwrap_or_default(), message)
}
