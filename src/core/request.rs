//! The native request an adapter builds: method, path, query and JSON body.
//! The widget sends it to `{proxy-url}{path}?{query}`.

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
    pub query: Vec<(String, String)>,
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
    pub fn post(path: String, body: &serde_json::Value) -> Self {
        Self {
            method: Method::Post,
            path,
            query: Vec::new(),
            body: Some(super::json::to_text(body)),
        }
    }

    /// Adds a query parameter.
    pub fn param(mut self, key: &str, value: impl Into<String>) -> Self {
        self.query.push((key.to_owned(), value.into()));
        self
    }

    /// Adds a query parameter when there is a value.
    pub fn param_opt(self, key: &str, value: Option<impl Into<String>>) -> Self {
        match value {
            Some(v) => self.param(key, v),
            None => self,
        }
    }

    /// The value of query parameter `key`, if present.
    pub fn query_value(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
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

#[cfg(test)]
mod tests {
    use super::*;

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
        let r = ProviderRequest::get("/api/calls".into())
            .param("limit", "10")
            .param("q", "a b");
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
