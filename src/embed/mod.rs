//! The embedding layer, thin on purpose: options from a JS object to
//! `Options`, `Options` to `<CallBoard>`, callbacks to DOM `CustomEvent`s.
//! `js/callboard.js` builds the `<call-board>` element and the npm `mount()`
//! on these exports.

pub mod options;

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Object, Reflect};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, EventTarget, HtmlElement};

use crate::core::{FilterKind, Filters, Provider};
use crate::ui::{CallBoard, Controller, Options, STYLE};

type Unmount = leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>;
/// The handles a mount hands back out of its reactive owner.
type Handles = Rc<RefCell<Option<(RwSignal<Options>, Controller)>>>;

/// The widget's stylesheet, for adopting into a shadow root.
#[wasm_bindgen]
pub fn stylesheet() -> String {
    STYLE.to_owned()
}

/// The filter kinds a provider applies server-side (`status`, `phone`, ...),
/// so a host page can tell which scope attributes work.
#[wasm_bindgen(js_name = providerFilters)]
pub fn provider_filters(provider: &str) -> Vec<String> {
    provider
        .parse::<Provider>()
        .map(|p| {
            p.capabilities()
                .filters
                .iter()
                .map(|k| kind_id(*k).to_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn kind_id(k: FilterKind) -> &'static str {
    match k {
        FilterKind::Status => "status",
        FilterKind::Direction => "direction",
        FilterKind::CallType => "callType",
        FilterKind::Agent => "agent",
        FilterKind::Campaign => "campaign",
        FilterKind::Contact => "contact",
        FilterKind::Phone => "phone",
        FilterKind::Search => "search",
        FilterKind::EndReason => "endReason",
        FilterKind::Sentiment => "sentiment",
        FilterKind::Outcome => "outcome",
        FilterKind::DateRange => "dateRange",
        FilterKind::Duration => "duration",
    }
}

fn get_text(source: &JsValue, key: &str) -> Option<String> {
    let v = Reflect::get(source, &JsValue::from_str(key)).ok()?;
    v.as_string()
        .or_else(|| v.as_f64().map(|n| crate::core::decimal::format(n, 6)))
}

/// `headers` as a plain object, an array of pairs, or a `Headers`.
fn read_headers(source: &JsValue) -> Vec<(String, String)> {
    let Ok(h) = Reflect::get(source, &JsValue::from_str("headers")) else {
        return Vec::new();
    };
    if h.is_undefined() || h.is_null() {
        return Vec::new();
    }
    let entries = if js_sys::Array::is_array(&h) {
        js_sys::Array::from(&h)
    } else if let Ok(iter) = js_sys::try_iter(&h) {
        iter.map(|it| it.filter_map(Result::ok).collect::<js_sys::Array>())
            .unwrap_or_else(|| Object::entries(&Object::from(h.clone())))
    } else {
        Object::entries(&Object::from(h.clone()))
    };
    let pairs = entries.iter().filter_map(|pair| {
        let pair = js_sys::Array::from(&pair);
        Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
    });
    options::clean_headers(pairs)
}

/// Options from a JS object of properties.
fn read_options(source: &JsValue) -> Options {
    let mut o = options::from_lookup(|k| get_text(source, k));
    o.headers = read_headers(source);
    o
}

fn set(o: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(o, &JsValue::from_str(key), &value.into());
}

fn opt(o: &Object, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        set(o, key, v);
    }
}

/// Dispatches `callboard-{name}` on `target`, bubbling out of the shadow
/// root, with `detail`.
fn emit(target: &EventTarget, name: &str, detail: &Object) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(e) = CustomEvent::new_with_event_init_dict(&format!("callboard-{name}"), &init) {
        let _ = target.dispatch_event(&e);
    }
}

fn filters_detail(f: &Filters) -> Object {
    let o = Object::new();
    opt(&o, "status", f.status.as_deref());
    opt(&o, "direction", f.direction.map(|d| d.id()));
    opt(&o, "callType", f.call_type.as_deref());
    opt(&o, "agentId", f.agent_id.as_deref());
    opt(&o, "campaignId", f.campaign_id.as_deref());
    opt(&o, "contactId", f.contact_id.as_deref());
    opt(&o, "phoneNumber", f.phone_number.as_deref());
    opt(&o, "search", f.search.as_deref());
    opt(&o, "endReason", f.end_reason.as_deref());
    opt(&o, "sentiment", f.sentiment.as_deref());
    opt(&o, "outcome", f.outcome.as_deref());
    for (key, v) in [
        ("dateFrom", f.date_from),
        ("dateTo", f.date_to),
        ("minDurationMs", f.min_duration_ms),
        ("maxDurationMs", f.max_duration_ms),
    ] {
        if let Some(ms) = v {
            set(&o, key, ms as f64);
        }
    }
    o
}

/// Offers the first page's request, sent while the WebAssembly loaded
/// (`js/first-page.js`), to the widget mounted next, in this task:
/// `take(key)` gives the promise of its answer (read whole) to a first
/// request with that key, once, which then uses it instead of asking
/// again; if nothing takes it, `cancel()` aborts it.
#[wasm_bindgen(js_name = offerFirstPage)]
pub fn offer_first_page(take: js_sys::Function, cancel: js_sys::Function) {
    crate::net::early::offer(take, cancel);
}

/// A test hook for the safety net (in `js/element.js`: a trap of the
/// instance shows every widget's failure state): panics on purpose. Only an
/// explicit call from JS reaches it; no data does.
#[doc(hidden)]
#[wasm_bindgen(js_name = "__callboardPanicForTests")]
#[allow(clippy::panic)]
pub fn panic_for_tests() {
    panic!("deliberate panic for the safety-net test"); // allow-panic
}

struct Mounted {
    options: RwSignal<Options>,
    controller: Controller,
    _view: Unmount,
}

/// A mounted widget. `update(options)`, `refresh()`, `openCall(id)`,
/// `unmount()`.
#[wasm_bindgen]
pub struct MountHandle {
    mounted: Option<Mounted>,
}

#[wasm_bindgen]
impl MountHandle {
    /// Applies new options (the same shape as `mount`'s).
    pub fn update(&self, options: JsValue) {
        if let Some(m) = &self.mounted {
            m.options.try_set(read_options(&options));
        }
    }

    /// Forgets cached data and loads the current page again.
    pub fn refresh(&self) {
        if let Some(m) = &self.mounted {
            m.controller.refresh();
        }
    }

    /// Opens a call's detail.
    #[wasm_bindgen(js_name = openCall)]
    pub fn open_call(&self, id: String) {
        if let Some(m) = &self.mounted {
            m.controller.open_call(id);
        }
    }

    /// Removes the widget: its DOM, listeners, timers and pending requests.
    pub fn unmount(&mut self) {
        self.mounted = None;
    }
}

/// Mounts the widget into `container` with `options`; events go to
/// `events_target` (the host element).
#[wasm_bindgen]
pub fn mount(container: HtmlElement, options: JsValue, events_target: EventTarget) -> MountHandle {
    let initial = read_options(&options);
    let slot: Handles = Rc::new(RefCell::new(None));
    let out = Rc::clone(&slot);
    // The widget speaks the language of the page around its element.
    let host = SendWrapper::new(events_target.clone().unchecked_into::<web_sys::Element>());
    let target = SendWrapper::new(events_target);
    let view = leptos::mount::mount_to(container, move || {
        let options = RwSignal::new(initial);
        let controller = Controller::new();
        *out.borrow_mut() = Some((options, controller));
        let t = target;
        let on = |name: &'static str| {
            let t = t.clone();
            move |detail: Object| emit(&t, name, &detail)
        };
        let (select, page, filter, play, error, moment, live) = (
            on("select"),
            on("page-change"),
            on("filter-change"),
            on("playback-start"),
            on("error"),
            on("moment"),
            on("live"),
        );
        view! {
            <CallBoard
                options=options
                controller
                inline_styles=false
                host=host.take()
                on_select=Callback::new(move |e: crate::ui::CallSelected| {
                    let o = Object::new();
                    set(&o, "id", e.id.as_str());
                    set(&o, "provider", e.provider.id());
                    select(o);
                })
                on_page_change=Callback::new(move |e: crate::ui::PageChange| {
                    let o = Object::new();
                    set(&o, "page", e.page);
                    set(&o, "pageSize", e.page_size);
                    page(o);
                })
                on_filter_change=Callback::new(move |e: crate::ui::FilterChange| {
                    let o = Object::new();
                    set(&o, "filters", filters_detail(&e.filters));
                    filter(o);
                })
                on_playback_start=Callback::new(move |e: crate::ui::PlaybackStart| {
                    let o = Object::new();
                    set(&o, "id", e.id.as_str());
                    set(&o, "positionMs", e.position_ms as f64);
                    play(o);
                })
                on_error=Callback::new(move |e: crate::ui::LoadError| {
                    let o = Object::new();
                    set(&o, "during", e.during.as_str());
                    set(&o, "kind", e.kind.as_str());
                    set(&o, "message", e.message.as_str());
                    if let Some(s) = e.status {
                        set(&o, "status", s);
                    }
                    error(o);
                })
                on_moment=Callback::new(move |e: crate::ui::Moment| {
                    let o = Object::new();
                    set(&o, "id", e.id.as_str());
                    set(&o, "positionMs", e.position_ms as f64);
                    opt(&o, "url", e.url.as_deref());
                    moment(o);
                })
                on_live=Callback::new(move |state: crate::core::live::LiveState| {
                    let o = Object::new();
                    set(&o, "state", state.id());
                    live(o);
                })
            />
        }
        .into_any()
    });
    let mounted = slot
        .borrow_mut()
        .take()
        .map(|(options, controller)| Mounted {
            options,
            controller,
            _view: view,
        });
    MountHandle { mounted }
}
