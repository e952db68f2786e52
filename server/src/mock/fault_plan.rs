//! The faults in force (`/_control/faults` sets them; the mock's
//! middleware takes them): what each does and how many requests it hits.

use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What a fault does.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    /// Answer with an HTTP error status and the provider's error body.
    Status,
    /// Answer late.
    Latency,
    /// Cut the body short.
    Truncate,
    /// Answer with HTML.
    NotJson,
    /// Label a JSON body as HTML.
    WrongContentType,
    /// Never answer.
    Hang,
    /// Answer with `body` (JSON, or text when a string) instead.
    Replace,
}

/// One fault to inject.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Fault {
    /// Requests whose path contains this are affected (e.g. `/vapi/`).
    #[serde(default)]
    pub path: String,
    /// What happens.
    pub kind: FaultKind,
    /// The status for `status` faults.
    #[serde(default)]
    pub status: Option<u16>,
    /// Milliseconds for `latency` faults.
    #[serde(default)]
    pub ms: Option<u64>,
    /// `Retry-After` for 429s.
    #[serde(default)]
    pub retry_after: Option<String>,
    /// How many requests it affects; absent means every one until cleared.
    #[serde(default)]
    pub times: Option<u32>,
    /// The body for `replace` faults.
    #[serde(default)]
    pub body: Option<Value>,
    /// The content type for `replace` faults (default `application/json`).
    #[serde(default)]
    pub content_type: Option<String>,
}

/// The faults in force.
#[derive(Default)]
pub struct Faults {
    list: Mutex<Vec<Fault>>,
}

impl Faults {
    /// Takes the first fault matching `path` (counting down its `times`).
    pub fn take(&self, path: &str) -> Option<Fault> {
        let mut list = self.list.lock().ok()?;
        let i = list.iter().position(|f| path.contains(&f.path))?;
        let fault = list.get(i)?.clone();
        match list.get_mut(i).and_then(|f| f.times.as_mut()) {
            Some(1) => {
                list.remove(i);
            }
            Some(n) => *n -= 1,
            None => {}
        }
        Some(fault)
    }

    /// Adds `faults` after those in force.
    pub fn add(&self, faults: Vec<Fault>) {
        if let Ok(mut list) = self.list.lock() {
            list.extend(faults);
        }
    }

    /// Clears every fault.
    pub fn clear(&self) {
        if let Ok(mut list) = self.list.lock() {
            list.clear();
        }
    }
}
