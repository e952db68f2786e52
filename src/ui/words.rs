//! The widget's words in the host's language: which language it speaks
//! (the `locale` option, else the nearest `lang` attribute, else the
//! browser's languages: [`Lang::resolve`]), that language's table loaded
//! on demand (each is a chunk of its own with the `split` feature), and
//! texts that follow it in place when it changes.
//!
//! A component says a message with [`Language::t`] (a text that follows
//! the language) or reads [`Language::words`] inside a closure that
//! already rebuilds.

// The languages' split points are `wasm_split`'s generated import/export
// pairs and loaders, which are `unsafe`; nothing else here is.
#![allow(unsafe_code)]

use std::cell::Cell;
use std::rc::Rc;

use js_sys::Reflect;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

use super::boxed::{effect, spawn};
use super::options::Options;
use super::split::{self, CodeError};
use crate::core::error::english_plural;
use crate::core::words::{self as catalog, fill, Lang, Msg, Plural, Table, Words};
use crate::net::FetchError;

/// The language a board speaks and its words. `Copy`; the board holds
/// it ([`Board::lang`](super::state::Board)), and every view says its
/// messages through it.
#[derive(Clone, Copy)]
pub struct Language {
    words: RwSignal<Words>,
    /// The nearest `lang` attribute around the widget.
    page: RwSignal<Option<String>>,
    /// Whether the first language's words are there (or failed to come).
    ready: RwSignal<bool>,
    /// The element whose language the widget follows and the owner the
    /// following lives as long as (the board's), until
    /// [`follow_page`](Self::follow_page) takes them.
    host: StoredValue<Option<(Option<web_sys::Element>, Owner)>, LocalStorage>,
}

impl Language {
    /// The language of the host: the `locale` option, else the nearest
    /// `lang` attribute of `host` or its ancestors (of `<html>` without
    /// one; followed as the page changes it), else the browser's
    /// languages.
    pub fn new(options: Signal<Options>, host: Option<web_sys::Element>) -> Self {
        let page = RwSignal::new(nearest_lang(host.as_ref()));
        let resolve = move || {
            let page = page.get();
            let preferred = browser_languages();
            options.with(|o| {
                Lang::resolve(
                    [o.locale.as_deref(), page.as_deref()],
                    preferred.iter().map(String::as_str),
                )
            })
        };
        let language = Self {
            words: RwSignal::new(Words::ENGLISH),
            page,
            ready: RwSignal::new(untrack(resolve) == Lang::En),
            host: StoredValue::new_local(Owner::current().map(|o| (host, o))),
        };
        // The language asked for last (its table may still be on its way).
        let asked = Rc::new(Cell::new(Lang::En));
        effect(move || language.speak(resolve(), Rc::clone(&asked)));
        language
    }

    /// Follows the page's `lang` attributes from now on (the list
    /// controls' chunk starts it: a page that changes its language does
    /// so after its first rows, and English pages need none of it
    /// before them).
    pub fn follow_page(self) {
        if let Some((host, owner)) = self.host.try_update_value(Option::take).flatten() {
            spawn(async move {
                let _ = split::run(watch_lang(host, self.page, owner)).await;
            });
        }
    }

    /// English, and nothing else: for a view used outside a board (the
    /// public [`TranscriptView`](super::TranscriptView)).
    pub fn english() -> Self {
        Self {
            words: RwSignal::new(Words::ENGLISH),
            page: RwSignal::new(None),
            ready: RwSignal::new(true),
            host: StoredValue::new_local(None),
        }
    }

    /// Whether the first language's words are there (or could not come,
    /// and English stands in): until then the board is built (its first
    /// page asked for) but not shown, so no English flashes before a
    /// Spanish page's words.
    pub fn ready(self) -> bool {
        self.ready.get()
    }

    /// The nearest `lang` attribute around the widget (dates and numbers
    /// follow it where the `locale` option is not set).
    pub fn page_lang(self) -> Option<String> {
        self.page.get()
    }

    /// The words spoken now (tracked: a closure that reads them runs
    /// again in another language).
    pub fn words(self) -> Words {
        self.words.get()
    }

    /// The words spoken now, untracked (an event handler's).
    pub fn words_untracked(self) -> Words {
        self.words.get_untracked()
    }

    /// A message's text that follows the language, for a view's text or
    /// an attribute (one closure type for every message).
    pub fn t(self, m: Msg) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        move || self.words().text(m).to_owned()
    }

    /// Speaks `lang` once its table is loaded (at once for English or a
    /// loaded one); then, or when its table did not load (the words
    /// spoken stay; English at first), the board shows. A language asked
    /// for again later is loaded again.
    fn speak(self, lang: Lang, asked: Rc<Cell<Lang>>) {
        asked.set(lang);
        if self.words.with_untracked(|w| w.lang()) == lang {
            self.ready.set(true);
            return;
        }
        spawn(async move {
            let table = table(lang).await;
            // Only the language asked for last is spoken.
            if let (Ok(table), true) = (table, asked.get() == lang) {
                self.words.set(Words::new(lang, table));
            }
            self.ready.set(true);
        });
    }
}

/// A plural's form for `n` in `words`, `{n}` filled with `shown` (`n` as
/// the viewer reads it) and the `others` values.
pub fn plural(words: Words, p: Plural, n: f64, shown: &str, others: &[(&str, &str)]) -> String {
    let category = category(words, n);
    let mut values = vec![("n", shown)];
    values.extend_from_slice(others);
    fill(words.plural(p, &category), &values)
}

/// The `lang` attribute of `host` or its nearest ancestor that has one,
/// across shadow roots; `<html lang>` without a host.
fn nearest_lang(host: Option<&web_sys::Element>) -> Option<String> {
    let document = || web_sys::window()?.document()?.document_element();
    let mut at = host.cloned().or_else(document);
    while let Some(el) = at {
        if let Some(lang) = el
            .closest("[lang]")
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("lang"))
        {
            return Some(lang);
        }
        // Out of a shadow root to its host.
        at = el
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()
            .map(|r| r.host());
    }
    None
}

/// Follows the page's `lang` attributes: `page` is the nearest again
/// after any of them changes (a CRM switching language in place). In the
/// list controls' chunk.
#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(list_controls, fallible)
)]
fn watch_lang(
    host: Option<web_sys::Element>,
    page: RwSignal<Option<String>>,
    owner: Owner,
) -> Result<(), CodeError> {
    use wasm_bindgen::closure::Closure;
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return Ok(());
    };
    let changed = Closure::<dyn FnMut()>::new(move || {
        let lang = nearest_lang(host.as_ref());
        if page.try_with_untracked(|p| *p != lang) == Some(true) {
            page.set(lang);
        }
    });
    let observer = Reflect::get(&js_sys::global(), &JsValue::from_str("MutationObserver"))
        .ok()
        .and_then(|c| c.dyn_into::<js_sys::Function>().ok())
        .and_then(|c| Reflect::construct(&c, &js_sys::Array::of1(changed.as_ref())).ok());
    let Some(observer) = observer else {
        return Ok(());
    };
    let options = js_sys::Object::new();
    let _ = Reflect::set(&options, &JsValue::from_str("subtree"), &JsValue::TRUE);
    let _ = Reflect::set(
        &options,
        &JsValue::from_str("attributeFilter"),
        &js_sys::Array::of1(&JsValue::from_str("lang")),
    );
    let observe = Reflect::get(&observer, &JsValue::from_str("observe"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(observe) = observe {
        let _ = observe.call2(&observer, &root, &options);
    }
    let disconnect = Reflect::get(&observer, &JsValue::from_str("disconnect"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    // Stops with the board (and frees the callback then).
    let held = send_wrapper::SendWrapper::new((observer, disconnect, changed));
    owner.with(|| {
        on_cleanup(move || {
            let (observer, disconnect, changed) = held.take();
            if let Some(d) = disconnect {
                let _ = d.call0(&observer);
            }
            drop(changed);
        })
    });
    Ok(())
}

/// The browser's languages, most preferred first.
fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|l| l.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// What `e` says in `w` (its plural forms chosen as the language's
/// rules say).
pub fn failure(e: &FetchError, w: Words) -> String {
    e.message(w, &|n| category(w, n))
}

/// The plural category of `n` in the language of `w` (English's without
/// asking `Intl`).
fn category(w: Words, n: f64) -> String {
    match w.lang() {
        Lang::En => english_plural(n),
        lang => super::format::plural_category(lang.tag(), n),
    }
}

/// The load of a language's table (from its chunk).
type TableLoad =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<&'static Table, CodeError>>>>;

/// A language's table (none for English), from its chunk: one boxed
/// load, so that waiting for any language is one piece of code.
async fn table(lang: Lang) -> Result<Option<&'static Table>, CodeError> {
    let load: fn() -> TableLoad = match lang {
        Lang::En => return Ok(None),
        Lang::Es => || Box::pin(split::run(lang_es())),
        Lang::PtBr => || Box::pin(split::run(lang_pt_br())),
        Lang::Fr => || Box::pin(split::run(lang_fr())),
        Lang::De => || Box::pin(split::run(lang_de())),
        Lang::EnXa => || Box::pin(split::run(lang_en_xa())),
    };
    load().await.map(Some)
}

/// Declares each language's split point: a function that hands out its
/// table, the table in the language's own chunk (a page loads only its
/// own language's words, about 4 KB gzip).
macro_rules! language_chunks {
    ($($name:ident => $table:ident),* $(,)?) => {$(
        #[cfg_attr(feature = "split", wasm_split_helpers::wasm_split($name, fallible))]
        fn $name() -> Result<&'static Table, CodeError> {
            Ok(&catalog::$table)
        }
    )*};
}

language_chunks! {
    lang_es => ES,
    lang_pt_br => PT_BR,
    lang_fr => FR,
    lang_de => DE,
    lang_en_xa => EN_XA,
}
