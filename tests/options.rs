//! Options changed after mount are applied exactly: any generated sequence
//! of changes (provider, pins, page size, theme, locale) ends in the same
//! screen and the same request as a fresh mount with the final options.
//! Mounted the way `<call-board>` and `mount()` do (`embed::mount`), over a
//! stubbed `fetch` that records every request.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

#[path = "common/dom.rs"]
mod dom;

use callboard::embed::{mount, MountHandle};
use callboard_demo_data::Rng;
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlElement;

use dom::{attr, container, eval, texts};

wasm_bindgen_test_configure!(run_in_browser);

/// Providers and the list answer their stub gives.
const LISTS: [(&str, &str); 4] = [
    ("agentvoice", include_str!("fixtures/agentvoice/list.json")),
    ("retell", include_str!("fixtures/retell/list.json")),
    ("vapi", include_str!("fixtures/vapi/list.json")),
    ("talkover", include_str!("fixtures/talkover/list.json")),
];

const STUB: &str = r#"
window.__opt = { calls: [], lists: {} };
window.fetch = async function (req) {
  const body = req.method === "GET" ? "" : await req.clone().text();
  window.__opt.calls.push(req.method + " " + req.url + " " + body);
  const provider = Object.keys(window.__opt.lists).find((p) => req.url.includes("/" + p + "/"));
  return new Response(provider ? window.__opt.lists[provider] : "{}", {
    status: provider ? 200 : 404,
    headers: { "content-type": "application/json" },
  });
};
"#;

fn install_stub() {
    eval(STUB);
    let lists = eval("window.__opt.lists");
    for (provider, body) in LISTS {
        Reflect::set(&lists, &provider.into(), &body.into()).unwrap();
    }
}

/// Requests recorded so far.
fn requests() -> Vec<String> {
    js_sys::Array::from(&eval("window.__opt.calls"))
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}

/// One of `items`, from the shared deterministic generator (a failing
/// sequence is replayed from its seed).
fn pick<'a>(rng: &mut Rng, items: &[&'a str]) -> &'a str {
    rng.pick(items).copied().unwrap_or_default()
}

/// Option values as an embedding sets them (`None`: removed / cleared).
type Options = Vec<(&'static str, Option<String>)>;

const KEYS: [&str; 8] = [
    "provider",
    "agentId",
    "contactId",
    "phoneNumber",
    "campaignId",
    "pageSize",
    "theme",
    "locale",
];

fn random_value(rng: &mut Rng, key: &str) -> Option<String> {
    if rng.chance(3) {
        return None;
    }
    let value = match key {
        "provider" => pick(rng, &["agentvoice", "retell", "vapi", "talkover"]),
        "agentId" => pick(rng, &["agent_a", "agent_b"]),
        "contactId" => pick(rng, &["contact-1", "contact-2"]),
        "phoneNumber" => pick(rng, &["+14155550100", "+14155550199"]),
        "campaignId" => pick(rng, &["camp-9"]),
        "pageSize" => pick(rng, &["5", "10", "25", "50", "oops"]),
        "theme" => pick(rng, &["light", "dark", "auto"]),
        _ => pick(rng, &["en-US", "de-DE", "fr-FR"]),
    };
    Some(value.to_owned())
}

/// The JS options object: the proxy URL follows the provider, as the demo
/// and a CRM that switches providers do.
fn js_options(options: &Options) -> JsValue {
    let o = Object::new();
    let provider = options
        .iter()
        .find(|(k, _)| *k == "provider")
        .and_then(|(_, v)| v.clone())
        .unwrap_or_else(|| "agentvoice".to_owned());
    Reflect::set(
        &o,
        &"proxyUrl".into(),
        &format!("https://proxy.test/{provider}").into(),
    )
    .unwrap();
    for (key, value) in options {
        if let Some(v) = value {
            Reflect::set(&o, &(*key).into(), &v.into()).unwrap();
        }
    }
    o.into()
}

/// What a user sees, normalized: theme, headers, rows, pager and its
/// page-size choice, filters offered, and any error.
fn snapshot(root: &HtmlElement) -> Vec<String> {
    let select_value = root
        .query_selector(".cb-pager__size select")
        .unwrap()
        .map(|s| s.unchecked_into::<web_sys::HtmlSelectElement>().value());
    let row_ids: Vec<String> = {
        let list = root.query_selector_all("tr[data-call-id]").unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| {
                n.unchecked_into::<web_sys::Element>()
                    .get_attribute("data-call-id")
            })
            .collect()
    };
    vec![
        format!("theme {:?}", attr(root, ".cb", "data-theme")),
        format!("headers {:?}", texts(root, "th")),
        format!("rows {row_ids:?}"),
        format!("cells {:?}", texts(root, "tr[data-call-id] td")),
        format!("pager {:?}", texts(root, ".cb-pager__range")),
        format!(
            "sizes {:?} chosen {select_value:?}",
            texts(root, ".cb-pager__size option")
        ),
        format!("filters {:?}", texts(root, ".cb-filters label")),
        format!("error {:?}", texts(root, ".cb-error")),
        format!("buttons {:?}", texts(root, ".cb-error button")),
    ]
}

/// Waits until the board has settled: its list is not loading, it shows
/// rows, an empty state or an error, and no request is started any more.
async fn settled(root: &HtmlElement) {
    let mut quiet = 0;
    let mut seen = usize::MAX;
    for _ in 0..250 {
        let idle = root
            .query_selector(".cb-tbody[data-state=idle]")
            .unwrap()
            .is_some();
        let shown = root
            .query_selector("tr[data-call-id], tr.cb-placeholder[data-state=empty], .cb-error")
            .unwrap()
            .is_some();
        let n = requests().len();
        quiet = if idle && shown && n == seen {
            quiet + 1
        } else {
            0
        };
        seen = n;
        if quiet >= 3 {
            return;
        }
        dom::sleep(20).await;
    }
    panic!("the board did not settle: {:?}", snapshot(root));
}

/// The list request a board sent last (not counting detail requests).
fn list_requests(from: usize) -> Vec<String> {
    requests()
        .into_iter()
        .skip(from)
        .filter(|r| {
            !r.contains("get-call")
                && !r.contains("/calls/")
                && !r.contains("/call/")
                // The event stream of calls as they happen.
                && !r.contains("/events")
        })
        .collect()
}

fn mount_with(options: &Options) -> (HtmlElement, MountHandle) {
    let root = container();
    let target: web_sys::EventTarget = root.clone().unchecked_into();
    let handle = mount(root.clone(), js_options(options), target);
    (root, handle)
}

#[wasm_bindgen_test]
async fn any_sequence_of_changes_ends_as_a_fresh_mount() {
    install_stub();
    for seed in 0..24_u64 {
        let mut rng = Rng::new(seed.wrapping_mul(0x1234_5678_9ABC_DEF1) ^ 0xC0FFEE);
        let mut options: Options = KEYS
            .iter()
            .map(|k| (*k, random_value(&mut rng, k)))
            .collect();
        let start = requests().len();
        let (root, mut handle) = mount_with(&options);
        settled(&root).await;
        let steps = 1 + rng.next_u64() % 6;
        for _ in 0..steps {
            // One to three changes at once (a burst of attribute changes),
            // then sometimes a pause for the board to load.
            for _ in 0..1 + rng.next_u64() % 3 {
                let key = pick(&mut rng, &KEYS);
                let value = random_value(&mut rng, key);
                if let Some(slot) = options.iter_mut().find(|(k, _)| *k == key) {
                    slot.1 = value;
                }
                handle.update(js_options(&options));
            }
            if rng.chance(2) {
                settled(&root).await;
            }
        }
        settled(&root).await;
        let changed = snapshot(&root);
        let changed_requests = list_requests(start);
        handle.unmount();
        root.remove();

        let fresh_start = requests().len();
        let (fresh_root, mut fresh) = mount_with(&options);
        settled(&fresh_root).await;
        let expected = snapshot(&fresh_root);
        let fresh_requests = list_requests(fresh_start);
        fresh.unmount();
        fresh_root.remove();

        assert_eq!(changed, expected, "seed {seed}: final options {options:?}");
        // The fresh mount's request was sent by the changed board too (it
        // may have been its last, or answered from its cache since).
        if let Some(request) = fresh_requests.last() {
            assert!(
                changed_requests.contains(request),
                "seed {seed}: {request} not among {changed_requests:#?} ({options:?})"
            );
        }
    }
}

#[wasm_bindgen_test]
async fn a_removed_pin_is_cleared_and_the_new_one_applied() {
    // The demo's contact page switching from AgentVoice (pinned by
    // contact) to Vapi (which can only pin by agent).
    install_stub();
    let start = requests().len();
    let mut options: Options = vec![
        ("provider", Some("agentvoice".to_owned())),
        ("contactId", Some("contact-1".to_owned())),
    ];
    let (root, mut handle) = mount_with(&options);
    settled(&root).await;
    assert!(list_requests(start)
        .last()
        .unwrap()
        .contains("contact_id=contact-1"));
    options = vec![
        ("provider", Some("vapi".to_owned())),
        ("agentId", Some("agent_a".to_owned())),
    ];
    handle.update(js_options(&options));
    settled(&root).await;
    let last = list_requests(start).last().cloned().unwrap();
    assert!(last.contains("/vapi/call?"), "{last}");
    assert!(last.contains("assistantId=agent_a"), "{last}");
    assert!(
        texts(&root, ".cb-error").is_empty(),
        "no error once the pin is one Vapi has"
    );

    // An unsupported pin says what to change and offers no retry.
    options.push(("contactId", Some("contact-1".to_owned())));
    handle.update(js_options(&options));
    settled(&root).await;
    let error = texts(&root, ".cb-error").join(" ");
    assert!(error.contains("cannot filter by contact"), "{error}");
    assert!(
        error.contains("Remove the page's “contact-id” setting"),
        "{error}"
    );
    assert!(
        texts(&root, ".cb-error button").is_empty(),
        "a retry cannot help"
    );
    handle.unmount();
    root.remove();
}
