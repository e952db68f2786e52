//! What an embedding tells the widget, and what the widget tells back.

use leptos::prelude::*;

use crate::core::{ErrorKind, Filters, Provider, Scope};
use crate::net::{Credentials, ProviderChoice, ProxyConfig};

/// Light, dark, or following the viewer's system setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Light colours.
    Light,
    /// Dark colours.
    Dark,
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
}

impl Theme {
    /// The `data-theme` value.
    pub fn id(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
            Self::Auto => "auto",
        }
    }

    /// Reads `light`, `dark` or `auto` (anything else is `auto`).
    pub fn parse(s: &str) -> Self {
        match s.trim().to_ascii_lowercase().as_str() {
            "light" => Self::Light,
            "dark" => Self::Dark,
            _ => Self::Auto,
        }
    }
}

/// Everything `<CallBoard>` needs. The `<call-board>` element's attributes
/// and properties map one to one onto these fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// The proxy's base URL (`proxy-url`); native provider paths are
    /// appended to it.
    pub proxy_url: String,
    /// The provider behind the proxy, or `auto` (`provider`).
    pub provider: ProviderChoice,
    /// Rows per page (`page-size`).
    pub page_size: u32,
    /// Filters pinned for a CRM record page (`agent-id`, `campaign-id`,
    /// `contact-id`, `phone-number`).
    pub scope: Scope,
    /// A call to open on load (`call-id`).
    pub call_id: Option<String>,
    /// Where to start the `call-id` call, in milliseconds (`at`: ms, `m:ss`
    /// or `h:mm:ss`): the recording is sought there when it opens.
    pub at: Option<i64>,
    /// The template of a link to a moment (`moment-url`), e.g.
    /// `https://crm.example.com/calls/{id}?t={seconds}`: with it the player
    /// offers "Copy link to this moment" (`{id}`, `{seconds}`, `{ms}`).
    pub moment_url: Option<String>,
    /// The language of the widget's words, dates and numbers (`locale`,
    /// BCP 47); by default the nearest `lang` attribute (the `host`'s,
    /// else `<html lang>`), then the browser's.
    pub locale: Option<String>,
    /// Time zone for dates (`time-zone`); the browser's by default.
    pub time_zone: Option<String>,
    /// Colour theme (`theme`).
    pub theme: Theme,
    /// Extra request headers (property only), e.g. a CSRF token.
    pub headers: Vec<(String, String)>,
    /// Fetch credentials mode (property only).
    pub credentials: Credentials,
    /// Request timeout in milliseconds.
    pub timeout_ms: u32,
    /// Whether calls show as they happen (`live`: `auto`, the default,
    /// listens to the proxy's event stream and polls the first page where
    /// there is none; `off` sends nothing extra).
    pub live: bool,
    /// The event stream (`events-url`); `{proxy-url}/events` by default.
    pub events_url: Option<String>,
    /// Seconds between two polls where there is no event stream
    /// (`poll-seconds`; 30 by default: two requests a minute).
    pub poll_seconds: u32,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            proxy_url: String::new(),
            provider: ProviderChoice::Auto,
            page_size: 25,
            scope: Scope::default(),
            call_id: None,
            at: None,
            moment_url: None,
            locale: None,
            time_zone: None,
            theme: Theme::Auto,
            headers: Vec::new(),
            credentials: Credentials::default(),
            timeout_ms: 20_000,
            live: true,
            events_url: None,
            poll_seconds: 30,
        }
    }
}

impl Options {
    /// The part of the options that decides where requests go.
    pub fn proxy_config(&self) -> ProxyConfig {
        ProxyConfig {
            proxy_url: self.proxy_url.clone(),
            provider: self.provider,
            headers: self.headers.clone(),
            credentials: self.credentials,
            timeout_ms: self.timeout_ms,
        }
    }
}

/// A call was opened.
#[derive(Clone, Debug, PartialEq)]
pub struct CallSelected {
    /// The call's id.
    pub id: String,
    /// The provider it came from.
    pub provider: Provider,
}

/// A reviewer copied the link to a moment of a call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moment {
    /// The call's id.
    pub id: String,
    /// The position, in milliseconds.
    pub position_ms: i64,
    /// The link made from the `moment-url` template (copied to the
    /// clipboard), if it is an http(s) link.
    pub url: Option<String>,
}

/// The page shown changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageChange {
    /// The 1-based page number.
    pub page: u32,
    /// Rows per page.
    pub page_size: u32,
}

/// The user's filters changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterChange {
    /// The filters now in force (without the pinned scope).
    pub filters: Filters,
}

/// A recording started playing.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaybackStart {
    /// The call's id.
    pub id: String,
    /// Where playback started, in milliseconds.
    pub position_ms: i64,
}

/// Loading failed.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadError {
    /// What was loading.
    pub during: Phase,
    /// A stable machine name of the error (`unauthorized`, `timeout`, ...).
    pub kind: ErrorKind,
    /// The message shown.
    pub message: String,
    /// The HTTP status, where one was received.
    pub status: Option<u16>,
}

/// What was loading when something failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// The call list (or the code of its controls).
    List,
    /// A call's detail (or the code of the call view).
    Detail,
    /// A fresh link to a recording.
    Recording,
    /// Calls as they happen (an event no adapter could read).
    Live,
}

impl Phase {
    /// The name the embedding sees (`during` of `callboard-error`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::List => "list",
            Self::Detail => "detail",
            Self::Recording => "recording",
            Self::Live => "live",
        }
    }
}

/// Commands from the embedding to a mounted board (`refresh()`,
/// `openCall(id)`). `Copy`; create one, pass it to `<CallBoard>`, keep it.
#[derive(Clone, Copy, Debug)]
pub struct Controller {
    refreshes: Trigger,
    open: RwSignal<Option<String>>,
}

impl Controller {
    /// A controller with no commands yet.
    pub fn new() -> Self {
        Self {
            refreshes: Trigger::new(),
            open: RwSignal::new(None),
        }
    }

    /// Forgets cached data and loads the current page again.
    pub fn refresh(&self) {
        self.refreshes.notify();
    }

    /// Opens call `id`'s detail.
    pub fn open_call(&self, id: impl Into<String>) {
        self.open.set(Some(id.into()));
    }

    /// Subscribes the running effect to refreshes: it runs again on each.
    pub(crate) fn track_refreshes(&self) {
        self.refreshes.track();
    }

    /// The call last asked to open (tracked).
    pub(crate) fn requested_call(&self) -> Option<String> {
        self.open.get()
    }
}

impl Default for Controller {
    fn default() -> Self {
        Self::new()
    }
}
