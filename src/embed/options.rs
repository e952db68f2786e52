//! Reading embedding options (attributes and properties) into `Options`,
//! independent of the JS value they come in, so it is tested natively.

use crate::core::moment::parse_position;
use crate::core::{Provider, Scope};
use crate::net::{Credentials, ProviderChoice};
use crate::ui::{Options, Theme};

/// Every option name an embedding may set, as JS properties; the
/// `<call-board>` attribute is the kebab-case form (`proxyUrl` ⇄
/// `proxy-url`). `headers` and `credentials` are properties only.
pub const PROPERTIES: [&str; 18] = [
    "proxyUrl",
    "provider",
    "pageSize",
    "agentId",
    "campaignId",
    "contactId",
    "phoneNumber",
    "callId",
    "at",
    "momentUrl",
    "locale",
    "timeZone",
    "theme",
    "credentials",
    "timeoutMs",
    "live",
    "eventsUrl",
    "pollSeconds",
];

/// Rows-per-page bounds an embedding may ask for.
const PAGE_SIZE: std::ops::RangeInclusive<u32> = 1..=100;

/// `provider`: a provider id, or anything else (including `auto`) for
/// recognising it from the first answer.
pub fn provider_choice(value: Option<&str>) -> ProviderChoice {
    value
        .filter(|v| !v.trim().eq_ignore_ascii_case("auto"))
        .and_then(|v| v.parse::<Provider>().ok())
        .map_or(ProviderChoice::Auto, ProviderChoice::Fixed)
}

/// `credentials`: the fetch credentials mode (`same-origin` by default).
pub fn credentials(value: Option<&str>) -> Credentials {
    match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
        Some("omit") => Credentials::Omit,
        Some("include") => Credentials::Include,
        _ => Credentials::SameOrigin,
    }
}

/// `live`: `off` turns it off; anything else is `auto`.
pub fn live(value: Option<&str>) -> bool {
    !value.is_some_and(|v| v.eq_ignore_ascii_case("off"))
}

/// Options from a lookup of property values (text as an attribute would
/// carry it). Unknown or malformed values fall back to the defaults rather
/// than failing: an embedding never breaks the page over a typo.
pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Options {
    let text = |key: &str| {
        get(key)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let defaults = Options::default();
    Options {
        proxy_url: text("proxyUrl").unwrap_or_default(),
        provider: provider_choice(text("provider").as_deref()),
        page_size: text("pageSize")
            .and_then(|v| v.parse::<u32>().ok())
            .filter(|n| PAGE_SIZE.contains(n))
            .unwrap_or(defaults.page_size),
        scope: Scope {
            agent_id: text("agentId"),
            campaign_id: text("campaignId"),
            contact_id: text("contactId"),
            phone_number: text("phoneNumber"),
        },
        call_id: text("callId"),
        at: text("at").as_deref().and_then(parse_position),
        moment_url: text("momentUrl"),
        locale: text("locale"),
        time_zone: text("timeZone"),
        theme: text("theme").as_deref().map_or(Theme::Auto, Theme::parse),
        headers: Vec::new(),
        credentials: credentials(text("credentials").as_deref()),
        timeout_ms: text("timeoutMs")
            .and_then(|v| v.parse::<u32>().ok())
            .filter(|ms| (1_000..=120_000).contains(ms))
            .unwrap_or(defaults.timeout_ms),
        live: live(text("live").as_deref()),
        events_url: text("eventsUrl"),
        poll_seconds: text("pollSeconds")
            .and_then(|v| v.parse::<u32>().ok())
            .filter(|s| (5..=3_600).contains(s))
            .unwrap_or(defaults.poll_seconds),
    }
}

/// Extra request headers, keeping only names and values a browser accepts
/// on a request it sends (no CR/LF, token names).
pub fn clean_headers(pairs: impl IntoIterator<Item = (String, String)>) -> Vec<(String, String)> {
    pairs
        .into_iter()
        .filter(|(name, value)| {
            !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
                && !value.bytes().any(|b| b == b'\r' || b == b'\n' || b == 0)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn lookup(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect();
        move |k| map.get(k).cloned()
    }

    #[test]
    fn attributes_become_options() {
        let o = from_lookup(lookup(&[
            ("proxyUrl", " /voice-proxy "),
            ("provider", "Retell"),
            ("pageSize", "50"),
            ("contactId", "c-9"),
            ("phoneNumber", ""),
            ("callId", "abc"),
            ("at", "1:35"),
            (
                "momentUrl",
                "https://crm.example.com/calls/{id}?t={seconds}",
            ),
            ("locale", "de-DE"),
            ("timeZone", "Europe/Berlin"),
            ("theme", "dark"),
            ("credentials", "include"),
        ]));
        assert_eq!(o.proxy_url, "/voice-proxy");
        assert_eq!(o.provider, ProviderChoice::Fixed(Provider::Retell));
        assert_eq!(o.page_size, 50);
        assert_eq!(o.scope.contact_id.as_deref(), Some("c-9"));
        assert_eq!(
            o.scope.phone_number, None,
            "an empty attribute pins nothing"
        );
        assert_eq!(o.call_id.as_deref(), Some("abc"));
        assert_eq!(o.at, Some(95_000));
        assert_eq!(
            o.moment_url.as_deref(),
            Some("https://crm.example.com/calls/{id}?t={seconds}")
        );
        assert_eq!(o.locale.as_deref(), Some("de-DE"));
        assert_eq!(o.time_zone.as_deref(), Some("Europe/Berlin"));
        assert_eq!(o.theme, Theme::Dark);
        assert_eq!(o.credentials, Credentials::Include);
        assert!(o.live, "live by default");
        assert_eq!(o.poll_seconds, 30);
        let o = from_lookup(lookup(&[
            ("live", "off"),
            ("eventsUrl", "/calls/stream"),
            ("pollSeconds", "60"),
        ]));
        assert!(!o.live);
        assert_eq!(o.events_url.as_deref(), Some("/calls/stream"));
        assert_eq!(o.poll_seconds, 60);
        assert!(from_lookup(lookup(&[("live", "auto")])).live);
        assert_eq!(
            from_lookup(lookup(&[("pollSeconds", "1")])).poll_seconds,
            30
        );
    }

    #[test]
    fn typos_fall_back_to_defaults() {
        let o = from_lookup(lookup(&[
            ("provider", "twilio"),
            ("pageSize", "9000"),
            ("theme", "neon"),
            ("credentials", "all"),
            ("at", "soon"),
        ]));
        assert_eq!(o.at, None);
        assert_eq!(o.provider, ProviderChoice::Auto);
        assert_eq!(o.page_size, 25);
        assert_eq!(o.theme, Theme::Auto);
        assert_eq!(o.credentials, Credentials::SameOrigin);
        assert_eq!(provider_choice(Some("auto")), ProviderChoice::Auto);
    }

    #[test]
    fn headers_are_cleaned() {
        let h = clean_headers([
            ("X-CSRF-Token".to_owned(), "abc".to_owned()),
            ("Bad Name".to_owned(), "x".to_owned()),
            ("X-Evil".to_owned(), "a\r\nSet-Cookie: x".to_owned()),
        ]);
        assert_eq!(h, [("X-CSRF-Token".to_owned(), "abc".to_owned())]);
    }
}
