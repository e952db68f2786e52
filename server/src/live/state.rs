//! The live side's state: the proxy's provider and its webhook secret,
//! the events, and how many webhooks one source may send.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

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

/// Sources remembered before the refilled ones are swept out.
const SWEEP_AT: usize = 10_000;
/// Sources remembered at most: past this (a flood from many addresses),
/// sources not yet remembered share one bucket, [`OVERFLOW`]'s, until a
/// sweep makes room.
const MAX_SOURCES: usize = 50_000;
/// The key of the bucket the sources past [`MAX_SOURCES`] share (`::`, an
/// address no request comes from).
const OVERFLOW: IpAddr = IpAddr::V6(std::net::Ipv6Addr::UNSPECIFIED);

/// Webhooks a source may send: `rate` a second, in bursts of up to
/// twice that.
pub(crate) struct Limiter {
    rate: f64,
    buckets: Mutex<Buckets>,
}

/// Each source's tokens and when they were counted, and the last sweep.
struct Buckets {
    by_source: HashMap<IpAddr, (f64, Instant)>,
    swept: Option<Instant>,
}

impl Limiter {
    fn new(rate: u32) -> Self {
        Self {
            rate: f64::from(rate.max(1)),
            buckets: Mutex::new(Buckets {
                by_source: HashMap::new(),
                swept: None,
            }),
        }
    }

    /// Whether `source` may send one more now.
    pub(crate) fn allow(&self, source: IpAddr, now: Instant) -> bool {
        let burst = self.rate * 2.0;
        let rate = self.rate;
        let refilled = |(tokens, at): &(f64, Instant)| {
            tokens + now.saturating_duration_since(*at).as_secs_f64() * rate >= burst
        };
        let mut b = self.buckets.lock().unwrap_or_else(PoisonError::into_inner);
        // Forget the sources that have refilled (they start full anyway),
        // at most once a second: a flood of sources must neither grow this
        // without end nor make every webhook walk it.
        let due = b
            .swept
            .is_none_or(|at| now.saturating_duration_since(at) >= Duration::from_secs(1));
        if b.by_source.len() >= SWEEP_AT && due {
            b.by_source.retain(|_, bucket| !refilled(bucket));
            b.swept = Some(now);
        }
        let key = if b.by_source.len() >= MAX_SOURCES && !b.by_source.contains_key(&source) {
            OVERFLOW
        } else {
            source
        };
        let (tokens, at) = b.by_source.entry(key).or_insert((burst, now));
        *tokens = (*tokens + now.saturating_duration_since(*at).as_secs_f64() * rate).min(burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// Event streams open at once from one source: past `cap`, a source is
/// answered 429 (each stream holds a connection and a subscription).
pub(crate) struct StreamCount {
    cap: usize,
    open: Mutex<HashMap<IpAddr, usize>>,
}

impl StreamCount {
    fn new(cap: usize) -> Self {
        Self {
            cap: cap.max(1),
            open: Mutex::new(HashMap::new()),
        }
    }

    fn with<T>(&self, f: impl FnOnce(&mut HashMap<IpAddr, usize>) -> T) -> T {
        f(&mut self.open.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

/// One open event stream, counted for its source until dropped.
pub(crate) struct StreamSlot {
    live: Arc<Live>,
    source: IpAddr,
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        self.live.streams.with(|open| {
            if let Some(n) = open.get_mut(&self.source) {
                *n -= 1;
                if *n == 0 {
                    open.remove(&self.source);
                }
            }
        });
    }
}

/// Event streams one source may hold open at once by default (an office
/// behind one address has a stream per open widget).
pub const STREAMS_PER_SOURCE: usize = 200;

/// The live side of the proxy: its provider's webhook secret, the events,
/// the webhook rate, the event streams open per source.
pub struct Live {
    /// The proxy's provider.
    pub provider: Provider,
    /// Its webhook secret (none: webhooks are not taken).
    pub secret: Option<String>,
    /// The events.
    pub events: Events,
    pub(crate) limiter: Limiter,
    streams: StreamCount,
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
            streams: StreamCount::new(STREAMS_PER_SOURCE),
            trusted: Vec::new(),
        }
    }

    /// The same, with at most `cap` event streams open at once from one
    /// source ([`STREAMS_PER_SOURCE`] unless set).
    #[must_use]
    pub fn streams_per_source(mut self, cap: usize) -> Self {
        self.streams = StreamCount::new(cap);
        self
    }

    /// A slot for one more event stream from `source`, unless it has its
    /// cap open already.
    pub(crate) fn open_stream(self: &Arc<Self>, source: IpAddr) -> Option<StreamSlot> {
        let taken = self.streams.with(|open| {
            let n = open.entry(source).or_insert(0);
            (*n < self.streams.cap).then(|| *n += 1).is_some()
        });
        taken.then(|| StreamSlot {
            live: Arc::clone(self),
            source,
        })
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
    fn a_flood_of_sources_is_swept_once_a_second_and_bounded() {
        let limiter = Limiter::new(5);
        let t0 = Instant::now();
        let ip = |n: u32| IpAddr::from(std::net::Ipv4Addr::from(0x0a00_0000 + n));
        let known = ip(0);
        assert!(limiter.allow(known, t0));
        let count = || {
            limiter
                .buckets
                .lock()
                .map(|b| b.by_source.len())
                .unwrap_or(0)
        };
        // Each new source takes one of its ten tokens: none has refilled,
        // so the sweeps keep them all, and past the bound new sources share
        // one bucket (ten webhooks in all) while the known ones keep theirs.
        let mut taken = 0;
        for n in 1..=(MAX_SOURCES as u32 + 100) {
            taken += usize::from(limiter.allow(ip(n), t0));
        }
        assert_eq!(count(), MAX_SOURCES + 1, "the shared bucket");
        assert_eq!(taken, MAX_SOURCES - 1 + 10);
        assert!(limiter.allow(known, t0), "a known source keeps its bucket");
        // Two seconds on, every source has refilled: the next webhook's
        // sweep forgets them, and a new source has a bucket of its own.
        let later = t0 + Duration::from_secs(2);
        assert!(limiter.allow(ip(1_000_000), later));
        assert_eq!(count(), 1);
        // A sweep at most once a second: within it, no walk of the map.
        for n in 0..SWEEP_AT as u32 {
            let _ = limiter.allow(ip(2_000_000 + n), later);
        }
        let swept = limiter.buckets.lock().ok().and_then(|b| b.swept);
        assert_eq!(swept, Some(later));
        assert!(limiter.allow(ip(3_000_000), later + Duration::from_millis(500)));
        assert_eq!(
            limiter.buckets.lock().ok().and_then(|b| b.swept),
            Some(later),
            "not swept again within the second"
        );
    }

    #[test]
    fn a_source_holds_at_most_its_cap_of_event_streams() {
        let live = Arc::new(
            Live::new(Provider::Retell, None, Events::memory(10), 5).streams_per_source(2),
        );
        let a: IpAddr = [192, 0, 2, 1].into();
        let b: IpAddr = [192, 0, 2, 2].into();
        let first = live.open_stream(a);
        let second = live.open_stream(a);
        assert!(first.is_some() && second.is_some());
        assert!(
            live.open_stream(a).is_none(),
            "a third from the same source"
        );
        assert!(
            live.open_stream(b).is_some(),
            "another source is not held up"
        );
        drop(first);
        assert!(
            live.open_stream(a).is_some(),
            "a closed stream frees its slot"
        );
        drop(second);
        assert_eq!(live.streams.with(|open| open.get(&a).copied()), None);
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
