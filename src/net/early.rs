//! The first page's answer, asked for early: the script that loads the
//! widget (`js/first-page.js`) sends the first list request (with `auto`,
//! each provider's) while the WebAssembly downloads and starts, and offers
//! them here before the widget mounts ([`offer`]). A request of the
//! widget's takes an answer ([`take`]) when it is exactly a request it
//! would send (method, URL, body, headers, credentials, timeout), each
//! answer once; what nothing takes by the end of the task that made the
//! offer is cancelled, and the widget sends its own requests as usual.

use std::cell::Cell;

use js_sys::{Array, Function, Promise};
use wasm_bindgen::{JsCast, JsValue};

use crate::net::later;

/// Early requests: `take(key)` gives the reply of the one with key `key`
/// (a promise of its answer, see [`answer`]) if it was not taken yet;
/// `cancel()` aborts those not taken.
struct Offer {
    take: Function,
    cancel: Function,
}

thread_local! {
    /// The offer of the widget mounting now. (Widgets mount one per task:
    /// an offer still here when the next one comes was not wanted, and is
    /// cancelled.)
    static OFFER: Cell<Option<Offer>> = const { Cell::new(None) };
}

/// What identifies a request, as `js/first-page.js` writes it too: two
/// requests with the same key get the same answer. Method and URL, the
/// body, the credentials mode and timeout, then each extra header.
pub(crate) fn key(
    method: &str,
    url: &str,
    body: Option<&str>,
    credentials: &str,
    timeout_ms: u32,
    headers: &[(String, String)],
) -> String {
    let mut key = String::new();
    for part in [
        method,
        " ",
        url,
        "\n",
        body.unwrap_or_default(),
        "\n",
        credentials,
        " ",
    ] {
        key.push_str(part);
    }
    key.push_str(&timeout_ms.to_string());
    for (name, value) in headers {
        for part in ["\n", name, ": ", value] {
            key.push_str(part);
        }
    }
    key
}

/// Offers an early request (from `js/first-page.js`) to the widget
/// mounted next, in this task.
pub fn offer(take: Function, cancel: Function) {
    cancel_untaken();
    OFFER.set(Some(Offer { take, cancel }));
    // A widget's first request is asked for while it mounts (in the
    // microtasks of this task): an offer still here after it was not
    // wanted.
    later::after_ms(0, cancel_untaken);
}

fn cancel_untaken() {
    if let Some(offer) = OFFER.take() {
        let _ = offer.cancel.call0(&JsValue::NULL);
    }
}

/// The reply of the early request with key `key` ([`key`]), if one was
/// offered and not taken yet: a promise of its answer ([`answer`]). (The
/// offer stays for the widget's other requests in this task: `auto`'s
/// probes take one each.)
pub(crate) fn take(key: &str) -> Option<Promise> {
    let offer = OFFER.take()?;
    let reply = offer.take.call1(&JsValue::NULL, &JsValue::from_str(key));
    OFFER.set(Some(offer));
    reply.ok().and_then(|r| r.dyn_into::<Promise>().ok())
}

/// An early reply's answer, `[status, retryAfter, body]`: status,
/// `Retry-After` and body; or, for a request that failed,
/// `[0, null, null, name, message]`: the error's name and message.
pub(crate) fn answer(reply: &JsValue) -> Result<(u16, Option<String>, String), (String, String)> {
    let parts = Array::from(reply);
    match (parts.get(0).as_f64(), parts.get(2).as_string()) {
        (Some(status), Some(body)) if status >= 100.0 => {
            Ok((status as u16, parts.get(1).as_string(), body))
        }
        _ => Err((
            parts.get(3).as_string().unwrap_or_default(),
            parts
                .get(4)
                .as_string()
                .unwrap_or_else(|| "the request failed".to_owned()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use crate::core::{Provider, Query};

    /// `js/first-page.js`'s table of first requests: provider id →
    /// `"METHOD path[ body]"`.
    fn table() -> serde_json::Map<String, serde_json::Value> {
        let js = include_str!("../../js/first-page.js");
        let start = js.find("const REQUESTS = ").map(|i| i + 17);
        let end = js.find("\n};").map(|i| i + 2);
        let (Some(start), Some(end)) = (start, end) else {
            unreachable!("js/first-page.js has no REQUESTS table");
        };
        match serde_json::from_str(js.get(start..end).unwrap_or_default()) {
            Ok(serde_json::Value::Object(m)) => m,
            other => unreachable!("REQUESTS is not a JSON object: {other:?}"),
        }
    }

    /// The script's first request, for every provider and every page size
    /// an embedding may ask for, is the widget's own.
    #[test]
    fn the_scripts_first_requests_are_the_widgets() {
        let table = table();
        assert_eq!(table.len(), Provider::ALL.len(), "one entry per provider");
        for p in Provider::ALL {
            let entry = table[p.id()].as_str().unwrap_or_default();
            // The script splits an entry at its spaces.
            assert!(entry.matches(' ').count() <= 2, "{entry}");
            for size in 1..=100u32 {
                let query = Query {
                    page_size: size,
                    utc_offset_minutes: 120,
                    ..Query::default()
                };
                let Ok(req) = p.list_request(&query) else {
                    unreachable!("{} has no first request", p.id());
                };
                let mine = match &req.body {
                    Some(body) => format!("{} {} {body}", req.method.as_str(), req.url("")),
                    None => format!("{} {}", req.method.as_str(), req.url("")),
                };
                assert_eq!(entry.replace("{n}", &size.to_string()), mine, "{}", p.id());
            }
        }
    }

    /// The key is what the script writes (`requestKey`).
    #[test]
    fn keys_list_every_part() {
        let headers = [("X-Csrf".to_owned(), "t 1".to_owned())];
        assert_eq!(
            super::key(
                "POST",
                "/p/v3/list-calls",
                Some("{}"),
                "include",
                9000,
                &headers
            ),
            "POST /p/v3/list-calls\n{}\ninclude 9000\nX-Csrf: t 1"
        );
        assert_eq!(
            super::key("GET", "/p/call?limit=5", None, "same-origin", 20000, &[]),
            "GET /p/call?limit=5\n\nsame-origin 20000"
        );
    }
}
