//! The native request an adapter builds: method, path, query and JSON body.
//! The widget sends it to `{proxy-url}{path}?{query}`.

use serde_json::Value;

use super::error::QueryError;

/// HTTP method of a native request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "UPPERCASE"))]
pub enum Method {
    /// GET.
    Get,
    /// POST with a JSON body.
    Post,
}

impl Method {
    /// The method's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
        }
    }
}

/// A provider's native request, before the proxy URL is put in front.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ProviderRequest {
    /// The method.
    pub method: Method,
    /// The native path, starting with `/`, segments already encoded.
    pub path: String,
    /// Query parameters in order, not yet encoded.
    pub query: Vec<(&'static str, String)>,
    /// The JSON body, for POST.
    pub body: Option<String>,
}

impl ProviderRequest {
    /// A GET of `path`.
    pub fn get(path: String) -> Self {
        Self {
            method: Method::Get,
            path,
            query: Vec::new(),
            body: None,
        }
    }

    /// A POST of `body` to `path`.
    pub fn post(path: String, body: &Value) -> Self {
        let mut text = String::new();
        write_body(&mut text, body);
        Self {
            method: Method::Post,
            path,
            query: Vec::new(),
            body: Some(text),
        }
    }

    // The builders below take `&mut self` and plain `&str`s, not `self`
    // and `impl Into<String>`: the nine providers' list requests call them
    // some sixty times, and a call of one shared copy is a few bytes where
    // a generic copy inlined at each call was tens (0.6 KB gzip of the main
    // module, with Retell's and Zudu's bodies written without `json!`).

    /// Adds a query parameter.
    pub fn param(&mut self, key: &'static str, value: &str) -> &mut Self {
        self.query.push((key, value.to_owned()));
        self
    }

    /// Adds a whole-number query parameter.
    pub fn number(&mut self, key: &'static str, value: u64) -> &mut Self {
        self.param(key, &value.to_string())
    }

    /// Adds a query parameter when there is a value.
    pub fn param_opt(&mut self, key: &'static str, value: Option<&str>) -> &mut Self {
        if let Some(v) = value {
            self.param(key, v);
        }
        self
    }

    /// The value of query parameter `key`, if present.
    pub fn query_value(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The path with its encoded query string.
    pub fn path_and_query(&self) -> String {
        let mut out = self.path.clone();
        for (i, (k, v)) in self.query.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(&encode_component(k));
            out.push('=');
            out.push_str(&encode_component(v));
        }
        out
    }

    /// The full URL behind a proxy base (a trailing `/` on the base is fine).
    pub fn url(&self, proxy_base: &str) -> String {
        format!(
            "{}{}",
            proxy_base.trim_end_matches('/'),
            self.path_and_query()
        )
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters, so `+`
/// in a phone number arrives as `+` and not as a space.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(
                HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0'),
            ));
            out.push(char::from(
                HEX.get(usize::from(b & 15)).copied().unwrap_or(b'0'),
            ));
        }
    }
    out
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// An id as one encoded path segment. Empty, `.` and `..` ids are refused:
/// URL parsers resolve them as path steps. (`%` is encoded, so an id of
/// `%2e%2e` arrives as the harmless text `%252e%252e`.)
pub fn id_segment(id: &str) -> Result<String, QueryError> {
    let t = id.trim();
    if t.is_empty() || t == "." || t == ".." {
        return Err(QueryError::InvalidId { id: id.to_owned() });
    }
    Ok(encode_component(t))
}

/// Writes `value` as compact JSON, as `serde_json::to_string` does (keys
/// in the map's sorted order, text escaped as it escapes it), for a
/// request body. A body holds text, flags and whole numbers (page sizes,
/// offsets, durations and instants in ms), never a fraction: a number
/// that is not whole is written `null`. Written here, not by serde_json,
/// because its writer brings its float formatting and tables into the
/// main module (about 3 KB gzip before the first rows); the tests check
/// every provider's bodies against serde_json's own text.
fn write_body(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => out.push_str(&i.to_string()),
            (None, Some(u)) => out.push_str(&u.to_string()),
            (None, None) => out.push_str("null"),
        },
        Value::String(s) => write_text(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_body(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_text(out, key);
                out.push(':');
                write_body(out, item);
            }
            out.push('}');
        }
    }
}

/// Writes `text` as a JSON string: `"` and `\` escaped, control
/// characters as `\n`, `\t`, … or `\u00XX`; everything else as it is.
fn write_text(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                let hex = b"0123456789abcdef";
                out.push_str("\\u00");
                for nibble in [u32::from(c) >> 4, u32::from(c) & 0xf] {
                    out.extend(hex.get(nibble as usize).map(|&b| char::from(b)));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A body is the text serde_json writes for it, hostile text too, and
    /// serde_json reads it back as the same value.
    #[test]
    fn bodies_are_written_as_serde_json_writes_them() {
        let body = serde_json::json!({
            "limit": 25,
            "skip": u64::MAX,
            "after": -1_700_000_000_000_i64,
            "include_total": true,
            "none": null,
            "q": "say \"hi\" \\ back\n\t\r\u{8}\u{c}\u{1}\u{1f}\u{7f} — ünïcödé ✓ </script>",
            "filter_criteria": {"agent": [{"agent_id": "a"}], "b": [], "a": {}},
        });
        let r = ProviderRequest::post("/v3/list-calls".into(), &body);
        let text = r.body.unwrap_or_default();
        assert_eq!(
            serde_json::to_string(&body).ok().as_deref(),
            Some(text.as_str())
        );
        assert_eq!(serde_json::from_str::<Value>(&text).ok(), Some(body));
    }

    #[test]
    fn a_fraction_in_a_body_is_null() {
        let r = ProviderRequest::post("/x".into(), &serde_json::json!({"f": 1.5}));
        assert_eq!(r.body.as_deref(), Some(r#"{"f":null}"#));
    }

    #[test]
    fn encodes_components() {
        assert_eq!(encode_component("+14155551234"), "%2B14155551234");
        assert_eq!(encode_component("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
        assert_eq!(
            encode_component("2024-01-01T00:00:00Z"),
            "2024-01-01T00%3A00%3A00Z"
        );
    }

    #[test]
    fn urls_join_base_path_and_query() {
        let mut r = ProviderRequest::get("/api/calls".into());
        r.number("limit", 10)
            .param("q", "a b")
            .param_opt("none", None);
        assert_eq!(
            r.url("/voice-proxy/"),
            "/voice-proxy/api/calls?limit=10&q=a%20b"
        );
        assert_eq!(
            r.url("https://crm.example/p"),
            "https://crm.example/p/api/calls?limit=10&q=a%20b"
        );
        assert_eq!(r.query_value("q"), Some("a b"));
    }

    #[test]
    fn ids_stay_one_segment() {
        assert_eq!(
            id_segment("a7e8/../../admin").unwrap(),
            "a7e8%2F..%2F..%2Fadmin"
        );
        assert_eq!(id_segment("call?x=1#y").unwrap(), "call%3Fx%3D1%23y");
        assert_eq!(id_segment("%2e%2e").unwrap(), "%252e%252e");
        for bad in ["", " ", ".", ".."] {
            assert!(id_segment(bad).is_err(), "{bad:?}");
        }
    }
}
