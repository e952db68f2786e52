//! The live side's state: the proxy's provider and its webhook secret,
//! the events, and how many webhooks one source may send.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use axum::http::HeaderMap;
use callboard::core::Provider;

use super::events::Events;

/// The environment variable holding provider `p`'s webhook secret, where
/// it sends webhooks. (Retell signs with the API key that has the webhook
/// badge: `RETELL_WEBHOOK_KEY` if that is not the proxy's own key.)
pub fn secret_env(p: Provider) -> Option<&'static str> {
    match p {
        Provider::Retell => Some("RETELL_WEBHOOK_KEY"),
        Provider::Vapi => Some("VAPI_WEBHOOK_SECRET"),
        Provider::ElevenLabs => Some("ELEVENLABS_WEBHOOK_SECRET"),
        Provider::Bland => Some("BLAND_WEBHOOK_SECRET"),
        _ => None,
    }
}

/// Provider `p`'s webhook secret from `env`: its own variable, and for
/// Retell the proxy's API key where no other is named.
pub fn webhook_secret(p: Provider, env: impl Fn(&str) -> Option<String>) -> Option<String> {
    let own = secret_env(p).and_then(&env).filter(|s| !s.is_empty());
    match p {
        Provider::Retell => own.or_else(|| env("RETELL_API_KEY").filter(|s| !s.is_empty())),
        _ => own,
    }
}

/// Where a request came from (set per connection by the proxy's accept
/// loop): webhooks are limited per source.
#[derive(Clone, Copy, Debug)]
pub struct Peer(pub SocketAddr);

/// Webhooks a source may send: `rate` a second, in bursts of up to
/// twice that.
pub(crate) struct Limiter {
    rate: f64,
    buckets: Mutex<HashMap<IpAddr, (f64, Instant)>>,
}

impl Limiter {
    fn new(rate: u32) -> Self {
        Self {
            rate: f64::from(rate.max(1)),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Whether `source` may send one more now.
    pub(crate) fn allow(&self, source: IpAddr, now: Instant) -> bool {
        let burst = self.rate * 2.0;
        let mut buckets = self.buckets.lock().unwrap_or_else(PoisonError::into_inner);
        if buckets.len() > 10_000 {
            // Forget the sources that have refilled (a flood of sources
            // must not grow this without end).
            buckets.retain(|_, (tokens, at)| {
                *tokens + now.duration_since(*at).as_secs_f64() * self.rate < burst
            });
        }
        let (tokens, at) = buckets.entry(source).or_insert((burst, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * self.rate).min(burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// The live side of the proxy: its provider's webhook secret, the events,
/// the webhook rate.
pub struct Live {
    /// The proxy's provider.
    pub provider: Provider,
    /// Its webhook secret (none: webhooks are not taken).
    pub secret: Option<String>,
    /// The events.
    pub events: Events,
    pub(crate) limiter: Limiter,
    /// Proxies in front (load balancers) whose `X-Forwarded-For` says
    /// where a request came from.
    trusted: Vec<IpAddr>,
}

impl Live {
    /// The live side for `provider`, with `secret`, keeping events in
    /// `events`, taking `rate` webhooks a second from one source.
    pub fn new(provider: Provider, secret: Option<String>, events: Events, rate: u32) -> Self {
        Self {
            provider,
            secret,
            events,
            limiter: Limiter::new(rate),
            trusted: Vec::new(),
        }
    }

    /// The same, with `trusted` proxies in front: behind a load balancer
    /// every request comes from its address, and one source's flood would
    /// hold back every provider's webhooks.
    #[must_use]
    pub fn behind(mut self, trusted: Vec<IpAddr>) -> Self {
        self.trusted = trusted;
        self
    }

    /// Where a request from `peer` with `headers` came from ([`source`]).
    pub(crate) fn source(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        source(peer, headers, &self.trusted)
    }
}

/// Where a request came from: `peer`, or where `peer` is one of the
/// `trusted` proxies, the last address in `X-Forwarded-For` that is not
/// itself trusted (each proxy appends the address it was sent from; what
/// is to the left of the last trusted one, the client could have written).
pub fn source(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let chain: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .collect();
    chain
        .into_iter()
        .rev()
        .find(|ip| !trusted.contains(ip))
        .unwrap_or(peer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_gets_its_rate_in_bursts_of_twice_it() {
        let limiter = Limiter::new(5);
        let now = Instant::now();
        let a: IpAddr = [127, 0, 0, 1].into();
        let b: IpAddr = [127, 0, 0, 2].into();
        assert_eq!((0..12).filter(|_| limiter.allow(a, now)).count(), 10);
        assert!(limiter.allow(b, now), "another source is not held up");
        assert!(
            limiter.allow(a, now + std::time::Duration::from_millis(200)),
            "refilled"
        );
    }

    #[test]
    fn a_trusted_proxy_says_where_a_request_came_from() {
        let lb: IpAddr = [10, 0, 0, 1].into();
        let mut h = HeaderMap::new();
        h.append(
            "x-forwarded-for",
            "6.6.6.6, 203.0.113.7"
                .parse()
                .unwrap_or_else(|_| unreachable!()),
        );
        let client: IpAddr = [203, 0, 113, 7].into();
        assert_eq!(
            source(lb, &h, &[lb]),
            client,
            "the address the balancer appended"
        );
        assert_eq!(
            source(lb, &h, &[]),
            lb,
            "an untrusted peer's header is not read"
        );
        let other: IpAddr = [198, 51, 100, 2].into();
        assert_eq!(source(other, &h, &[lb]), other);
        h.append(
            "x-forwarded-for",
            "10.0.0.1".parse().unwrap_or_else(|_| unreachable!()),
        );
        assert_eq!(source(lb, &h, &[lb]), client, "trusted hops are skipped");
        assert_eq!(
            source(lb, &HeaderMap::new(), &[lb]),
            lb,
            "no header: the peer"
        );
    }

    #[test]
    fn secrets_come_from_the_environment() {
        let env = |k: &str| match k {
            "RETELL_API_KEY" => Some("key_api".to_owned()),
            "VAPI_WEBHOOK_SECRET" => Some(String::new()),
            _ => None,
        };
        assert_eq!(
            webhook_secret(Provider::Retell, env).as_deref(),
            Some("key_api")
        );
        assert_eq!(webhook_secret(Provider::Vapi, env), None, "empty is none");
        assert_eq!(webhook_secret(Provider::AgentVoice, env), None);
    }
}
