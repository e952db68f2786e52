//! A small time-limited cache, with the clock passed in so it is testable.

/// Keeps up to `capacity` values for `ttl_ms` each; the oldest entry goes
/// first when full.
#[derive(Clone, Debug)]
pub struct TtlCache<V> {
    entries: Vec<(String, i64, V)>,
    ttl_ms: i64,
    capacity: usize,
}

impl<V: Clone> TtlCache<V> {
    /// An empty cache.
    pub fn new(ttl_ms: i64, capacity: usize) -> Self {
        Self {
            entries: Vec::new(),
            ttl_ms,
            capacity: capacity.max(1),
        }
    }

    /// The fresh value under `key` at `now_ms`; stale entries are dropped.
    pub fn get(&mut self, key: &str, now_ms: i64) -> Option<V> {
        let ttl = self.ttl_ms;
        self.entries
            .retain(|(_, at, _)| now_ms - *at < ttl && *at <= now_ms);
        self.entries
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, _, v)| v.clone())
    }

    /// Stores `value` under `key` at `now_ms`.
    pub fn insert(&mut self, key: String, value: V, now_ms: i64) {
        self.entries.retain(|(k, _, _)| *k != key);
        if self.entries.len() >= self.capacity {
            self.entries.remove(0);
        }
        self.entries.push((key, now_ms, value));
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// How many entries are held (fresh or not).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is held.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::TtlCache;

    #[test]
    fn values_expire() {
        let mut c = TtlCache::new(1_000, 10);
        c.insert("a".into(), 1, 0);
        assert_eq!(c.get("a", 999), Some(1));
        assert_eq!(c.get("a", 1_000), None);
        assert!(c.is_empty());
    }

    #[test]
    fn oldest_goes_first_and_keys_replace() {
        let mut c = TtlCache::new(10_000, 2);
        c.insert("a".into(), 1, 0);
        c.insert("b".into(), 2, 1);
        c.insert("a".into(), 3, 2);
        assert_eq!(c.len(), 2);
        c.insert("c".into(), 4, 3);
        assert_eq!(c.get("b", 4), None, "b was the oldest");
        assert_eq!(c.get("a", 4), Some(3));
        assert_eq!(c.get("c", 4), Some(4));
        // A clock that went backwards does not serve entries "from the future".
        assert_eq!(c.get("c", 2), None);
        c.clear();
        assert!(c.is_empty());
    }
}
