//! The component gallery: `<CallBoard>` over the in-memory source and the
//! demo data set, for looking at the widget without a server
//! (`scripts/gallery.sh`). Query parameters: `theme=dark|light`,
//! `provider=<id>`, `open=<row index>`, `fail=1` (first load fails).
#![allow(missing_docs)]

use std::rc::Rc;

use callboard::core::{ApiError, Provider};
use callboard::net::{CallSource, MemorySource, ProviderChoice};
use callboard::ui::{CallBoard, Options, Theme};
use callboard_demo_data as demo_data;
use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

fn param(name: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

#[wasm_bindgen(start)]
pub fn main() {
    let provider = param("provider")
        .and_then(|p| p.parse().ok())
        .unwrap_or(Provider::AgentVoice);
    let data = demo_data::calls(400, 42);
    let calls = data.iter().map(|d| {
        let mut c = d.call.clone();
        c.provider = provider;
        c
    });
    let source = MemorySource::new(provider, calls.collect()).with_details(
        data.into_iter()
            .map(|mut d| {
                d.call.provider = provider;
                d
            })
            .collect(),
    );
    if param("fail").is_some() {
        source.fail_next(ApiError::Server {
            status: 502,
            message: Some("Bad gateway from the proxy".into()),
        });
    }
    let source: Rc<dyn CallSource> = Rc::new(source);
    let options = Options {
        provider: ProviderChoice::Fixed(provider),
        theme: param("theme").as_deref().map_or(Theme::Light, Theme::parse),
        page_size: 25,
        call_id: param("open").and_then(|_| Some(demo_data::calls(1, 42).first()?.call.id.clone())),
        ..Options::default()
    };
    leptos::mount::mount_to_body(move || {
        view! { <CallBoard options=Signal::stored(options.clone()) source=source.clone() /> }
    });
}
