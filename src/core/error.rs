//! Typed errors: what went wrong with a request, in words a CRM user can act
//! on. HTTP failures, network failures and provider error bodies all end up
//! as one `ApiError`.

use serde_json::Value;

use super::json::{self, Obj};
use super::normalize::collapse_whitespace;
use super::query::{FilterKind, SortField};
use super::time;
use super::words::{self, fill, Label, Msg, Words};

/// The longest provider message kept (in characters).
const MAX_MESSAGE_CHARS: usize = 300;

/// Why a request for calls failed.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
pub enum ApiError {
    /// 401: the proxy or provider did not accept the credentials.
    Unauthorized {
        /// The provider's message.
        message: Option<String>,
    },
    /// 403: not allowed.
    Forbidden {
        /// The provider's message.
        message: Option<String>,
    },
    /// 404 / 410: no such call or agent.
    NotFound {
        /// The provider's message.
        message: Option<String>,
    },
    /// 400 / 422: the provider rejected a parameter.
    Validation {
        /// The provider's message.
        message: Option<String>,
        /// Messages per parameter.
        fields: Vec<FieldError>,
    },
    /// 429: too many requests.
    RateLimited {
        /// The provider's message.
        message: Option<String>,
        /// When trying again makes sense.
        retry_after: Option<RetryAfter>,
    },
    /// 5xx: the provider or proxy failed.
    Server {
        /// The HTTP status.
        status: u16,
        /// The provider's message.
        message: Option<String>,
    },
    /// Any other refusal, including an error envelope in a 2xx response.
    Rejected {
        /// The HTTP status.
        status: u16,
        /// The provider's message.
        message: Option<String>,
    },
    /// The request never got an answer: offline, DNS, CORS, proxy down.
    Network {
        /// What the browser said (or our words for it).
        message: Label,
    },
    /// No answer in time.
    Timeout {
        /// The time limit that passed.
        after_ms: u64,
    },
    /// An answer came but could not be read.
    Unreadable {
        /// What was wrong with it.
        reason: Label,
    },
}

/// `20 seconds`, `1.5 seconds`, `1 second` (a plural form chosen by
/// `plural`, which says the count's category in the language).
fn seconds(ms: u64, w: Words, plural: &dyn Fn(f64) -> String) -> String {
    let n = ms as f64 / 1_000.0;
    let text = super::decimal::format(n, 1);
    fill(w.plural(words::SECONDS, &plural(n)), &[("n", &text)])
}

/// `text` with the provider's message after it, if any.
fn with_detail(text: String, message: &Option<String>, w: Words) -> String {
    match message {
        Some(m) => fill(
            w.text(words::WITH_DETAIL),
            &[("text", &text), ("detail", m)],
        ),
        None => text,
    }
}

fn field_detail(fields: &[FieldError]) -> String {
    fields
        .iter()
        .map(|f| format!(" ({}: {})", f.field, f.messages.join(" ")))
        .collect()
}

impl ApiError {
    /// What happened, in `w`; `plural` says a count's plural category
    /// in the language (`Intl.PluralRules`, in the widget).
    pub fn message(&self, w: Words, plural: &dyn Fn(f64) -> String) -> String {
        let status = |m, status: u16| fill(w.text(m), &[("status", &status.to_string())]);
        match self {
            Self::Unauthorized { message } => with_detail(
                w.text(words::ERROR_UNAUTHORIZED_MESSAGE).to_owned(),
                message,
                w,
            ),
            Self::Forbidden { message } => with_detail(
                w.text(words::ERROR_FORBIDDEN_MESSAGE).to_owned(),
                message,
                w,
            ),
            Self::NotFound { message } => with_detail(
                w.text(words::ERROR_NOT_FOUND_MESSAGE).to_owned(),
                message,
                w,
            ),
            Self::Validation { message, fields } => {
                let head = w.text(words::ERROR_VALIDATION_MESSAGE).to_owned();
                with_detail(head, message, w) + &field_detail(fields)
            }
            Self::RateLimited {
                message,
                retry_after,
            } => {
                let head = w.text(words::ERROR_TOO_MANY_REQUESTS).to_owned();
                let head = match retry_after {
                    Some(RetryAfter::Seconds(s)) => fill(
                        w.text(words::RETRY_IN),
                        &[("text", &head), ("seconds", &s.to_string())],
                    ),
                    Some(RetryAfter::At(at)) => fill(
                        w.text(words::RETRY_AFTER),
                        &[("text", &head), ("time", &time::format_iso8601(*at))],
                    ),
                    None => head,
                };
                with_detail(head, message, w)
            }
            Self::Server { status: s, message } => {
                with_detail(status(words::ERROR_SERVER_MESSAGE, *s), message, w)
            }
            Self::Rejected { status: s, message } => {
                let head = if (200..300).contains(s) {
                    w.text(words::ERROR_REPORTED_MESSAGE).to_owned()
                } else {
                    status(words::ERROR_REFUSED_MESSAGE, *s)
                };
                with_detail(head, message, w)
            }
            Self::Network { message } => fill(
                w.text(words::ERROR_NETWORK_MESSAGE),
                &[("reason", message.say(w))],
            ),
            Self::Timeout { after_ms } => fill(
                w.text(words::ERROR_TIMEOUT_MESSAGE),
                &[("time", &seconds(*after_ms, w, plural))],
            ),
            Self::Unreadable { reason } => fill(
                w.text(words::ERROR_UNREADABLE_MESSAGE),
                &[("reason", reason.say(w))],
            ),
        }
    }

    /// A short heading for the error state.
    pub fn title(&self) -> Msg {
        match self {
            Self::Unauthorized { .. } | Self::Forbidden { .. } => words::ERROR_ACCESS_DENIED,
            Self::NotFound { .. } => words::ERROR_NOT_FOUND,
            Self::Validation { .. } | Self::Rejected { .. } => words::ERROR_REJECTED,
            Self::RateLimited { .. } => words::ERROR_TOO_MANY_REQUESTS,
            Self::Server { .. } => words::ERROR_PROVIDER,
            Self::Network { .. } => words::ERROR_CONNECTION,
            Self::Timeout { .. } => words::ERROR_TIMED_OUT,
            Self::Unreadable { .. } => words::ERROR_UNREADABLE,
        }
    }

    /// What kind of failure it is.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Unauthorized { .. } => ErrorKind::Unauthorized,
            Self::Forbidden { .. } => ErrorKind::Forbidden,
            Self::NotFound { .. } => ErrorKind::NotFound,
            Self::Validation { .. } => ErrorKind::Validation,
            Self::RateLimited { .. } => ErrorKind::RateLimited,
            Self::Server { .. } => ErrorKind::Server,
            Self::Rejected { .. } => ErrorKind::Rejected,
            Self::Network { .. } => ErrorKind::Network,
            Self::Timeout { .. } => ErrorKind::Timeout,
            Self::Unreadable { .. } => ErrorKind::Unreadable,
        }
    }

    /// The HTTP status, where one was received.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Unauthorized { .. } => Some(401),
            Self::Forbidden { .. } => Some(403),
            Self::NotFound { .. } => Some(404),
            Self::RateLimited { .. } => Some(429),
            Self::Server { status, .. } | Self::Rejected { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Reads an error response: HTTP status, body (any provider's shape, or
    /// text) and the `Retry-After` header.
    pub fn from_response(status: u16, body: &str, retry_after: Option<&str>) -> Self {
        let parsed = json::parse_body(body).ok();
        let b = match &parsed {
            Some(v) => ErrorBody::read(v),
            None => ErrorBody {
                message: text_message(body),
                ..ErrorBody::default()
            },
        };
        classify(status, b, retry_after.and_then(RetryAfter::parse))
    }

    /// An error envelope inside a 2xx response (`success: false`,
    /// `status: "error"`, `status: false`), if the body is one.
    pub fn from_envelope(value: &Value, status: u16) -> Option<Self> {
        is_error_envelope(value).then(|| classify(status, ErrorBody::read(value), None))
    }

    /// What an error status says without its body (for a caller that
    /// cannot read the body: [`ErrorReply::read`] reads it).
    pub fn from_status(status: u16) -> Self {
        classify(status, ErrorBody::default(), None)
    }

    /// Wraps a reason a body could not be read (our words, or a
    /// technical detail for the integrator, shown as it is).
    pub fn unreadable(reason: impl Into<Label>) -> Self {
        Self::Unreadable {
            reason: reason.into(),
        }
    }
}

/// English plural categories (what `Intl.PluralRules("en")` says).
pub fn english_plural(n: f64) -> String {
    if n == 1.0 { "one" } else { "other" }.to_owned()
}

impl std::fmt::Display for ApiError {
    /// In English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Words::ENGLISH, &english_plural))
    }
}

impl std::error::Error for ApiError {}

/// What kind of failure stopped a load: the provider's or proxy's
/// answer, the network, the query, or the widget itself. Turned into its
/// stable name only where the embedding sees it ([`ErrorKind::as_str`]:
/// `kind` of `callboard-error`, `data-error`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// 401.
    Unauthorized,
    /// 403.
    Forbidden,
    /// 404.
    NotFound,
    /// 400 or 422: a parameter was refused.
    Validation,
    /// 429.
    RateLimited,
    /// 5xx.
    Server,
    /// Another refusal (409, 410, ...).
    Rejected,
    /// No answer: offline, blocked, the proxy down.
    Network,
    /// No answer in time.
    Timeout,
    /// An answer that could not be read.
    Unreadable,
    /// The query cannot be put to this provider.
    Query,
    /// A newer request superseded this one.
    Aborted,
    /// What reading the answer needs could not be had (the widget's own
    /// code did not load).
    Code,
}

impl ErrorKind {
    /// The stable name the embedding sees.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unauthorized => "unauthorized",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not_found",
            Self::Validation => "validation",
            Self::RateLimited => "rate_limited",
            Self::Server => "server",
            Self::Rejected => "rejected",
            Self::Network => "network",
            Self::Timeout => "timeout",
            Self::Unreadable => "unreadable",
            Self::Query => "query",
            Self::Aborted => "aborted",
            Self::Code => "code",
        }
    }
}

/// Whether a 2xx body is an error envelope (`success: false`, `status:
/// false`, `status: "error"` on anything but a call): cheap, without
/// reading what it says.
pub fn is_error_envelope(value: &Value) -> bool {
    let Some(o) = Obj::of(value) else {
        return false;
    };
    // A call's own `status` is not the answer's: Bland, AgentVoice and
    // ElevenLabs call a call that did not go through "failed".
    let is_call = ["id", "call_id", "callId", "c_id", "conversation_id"]
        .iter()
        .any(|k| o.get(k).is_some());
    o.get("success").and_then(Value::as_bool) == Some(false)
        || o.get("status").and_then(Value::as_bool) == Some(false)
        || !is_call
            && o.get("status").and_then(Value::as_str).is_some_and(|s| {
                matches!(
                    s.to_ascii_lowercase().as_str(),
                    "error" | "fail" | "failure" | "failed"
                )
            })
}

/// An answer that failed, its body not read yet: a non-2xx response, or
/// a 2xx one whose body is an error envelope. Reading error bodies (every
/// provider's shapes) is separate from reading calls, so a caller decides
/// when and with which code it reads one ([`ErrorReply::read`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorReply {
    /// The HTTP status.
    pub status: u16,
    /// The body as received.
    pub body: String,
    /// The `Retry-After` header, if any.
    pub retry_after: Option<String>,
}

impl ErrorReply {
    /// What the answer says went wrong.
    pub fn read(&self) -> ApiError {
        if (200..300).contains(&self.status) {
            read_envelope(self.status, &self.body)
        } else {
            ApiError::from_response(self.status, &self.body, self.retry_after.as_deref())
        }
    }
}

/// What the error envelope `body` (received with `status`) says.
fn read_envelope(status: u16, body: &str) -> ApiError {
    json::parse_body(body)
        .ok()
        .and_then(|v| ApiError::from_envelope(&v, status))
        .unwrap_or_else(|| ApiError::from_status(status))
}

/// Why a 2xx body gave no data.
#[derive(Clone, Debug, PartialEq)]
pub enum BodyError {
    /// It is an error envelope ([`is_error_envelope`]); [`ErrorReply::read`]
    /// reads what it says.
    Envelope,
    /// It could not be read.
    Unreadable(ApiError),
}

impl From<ApiError> for BodyError {
    fn from(e: ApiError) -> Self {
        Self::Unreadable(e)
    }
}

impl BodyError {
    /// The error, reading the envelope of `body` (received with `status`)
    /// where it is one.
    pub fn read(self, status: u16, body: &str) -> ApiError {
        match self {
            Self::Unreadable(e) => e,
            Self::Envelope => read_envelope(status, body),
        }
    }
}

/// A provider's message about one parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct FieldError {
    /// The parameter.
    pub field: String,
    /// What is wrong with it.
    pub messages: Vec<String>,
}

/// When a rate-limited request may be tried again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "type", content = "value", rename_all = "snake_case")
)]
pub enum RetryAfter {
    /// After this many seconds.
    Seconds(u64),
    /// After this instant (epoch ms).
    At(i64),
}

impl RetryAfter {
    /// Reads a `Retry-After` header: delay seconds or an HTTP date.
    pub fn parse(header: &str) -> Option<Self> {
        let h = header.trim();
        h.parse::<u64>()
            .ok()
            .map(Self::Seconds)
            .or_else(|| time::parse_http_date(h).map(Self::At))
    }

    /// Milliseconds to wait from `now_ms`.
    pub fn delay_ms(self, now_ms: i64) -> u64 {
        match self {
            Self::Seconds(s) => s.saturating_mul(1_000),
            Self::At(at) => u64::try_from(at - now_ms).unwrap_or(0),
        }
    }
}

/// A request that cannot be put to a provider.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
pub enum QueryError {
    /// A filter the provider lacks.
    UnsupportedFilter {
        /// The provider's name.
        provider: &'static str,
        /// The filter.
        filter: FilterKind,
    },
    /// A sort the provider lacks.
    UnsupportedSort {
        /// The provider's name.
        provider: &'static str,
        /// The field.
        field: SortField,
    },
    /// A value the provider does not take.
    InvalidValue {
        /// The filter the value is for (`None`: the page).
        what: Option<FilterKind>,
        /// The value, or what is wrong with it.
        value: Label,
        /// The provider's name.
        provider: &'static str,
    },
    /// Two filters that travel in the same parameter.
    Conflict {
        /// The provider's name.
        provider: &'static str,
        /// One filter.
        first: FilterKind,
        /// The other.
        second: FilterKind,
    },
    /// A call id that cannot be a path segment.
    InvalidId {
        /// The id.
        id: String,
    },
}

impl QueryError {
    /// What is wrong, in `w`.
    pub fn message(&self, w: Words) -> String {
        let filter = |k: FilterKind| k.name_in(w);
        match self {
            Self::UnsupportedFilter {
                provider,
                filter: f,
            } => fill(
                w.text(words::CANNOT_FILTER),
                &[("provider", provider), ("filter", &filter(*f))],
            ),
            Self::UnsupportedSort { provider, field } => fill(
                w.text(words::CANNOT_SORT),
                &[("provider", provider), ("field", w.text(field.label()))],
            ),
            Self::InvalidValue {
                what,
                value,
                provider,
            } => {
                let what = what.map_or_else(|| w.text(words::PAGE).to_owned(), filter);
                fill(
                    w.text(words::INVALID_VALUE),
                    &[
                        ("value", value.say(w)),
                        ("what", &what),
                        ("provider", provider),
                    ],
                )
            }
            Self::Conflict {
                provider,
                first,
                second,
            } => fill(
                w.text(words::FILTERS_CONFLICT),
                &[
                    ("provider", provider),
                    ("first", &filter(*first)),
                    ("second", &filter(*second)),
                ],
            ),
            Self::InvalidId { id } => fill(w.text(words::INVALID_CALL_ID), &[("id", id)]),
        }
    }
}

impl std::fmt::Display for QueryError {
    /// In English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Words::ENGLISH))
    }
}

impl std::error::Error for QueryError {}

/// What an error body says, in any provider's shape.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct ErrorBody {
    pub message: Option<String>,
    pub code: Option<String>,
    pub fields: Vec<FieldError>,
}

impl ErrorBody {
    /// Reads `{message}`, `{error: "..."}`, `{error: {code, message,
    /// details}}`, `{errors: [...]}`, `{errors: {field: [...]}}`,
    /// `{detail}` and combinations.
    pub(crate) fn read(value: &Value) -> Self {
        let Some(o) = Obj::of(value) else {
            return Self {
                message: json::text(value).map(clip),
                ..Self::default()
            };
        };
        let nested = o.obj("error");
        let mut fields = Vec::new();
        for key in ["errors", "error.details", "details", "detail"] {
            if let Some(v) = o.path(key) {
                fields.extend(read_fields(v));
            }
        }
        let joined = |key: &str| {
            let parts: Vec<String> = o
                .arr(key)
                .unwrap_or_default()
                .iter()
                .filter_map(json::text)
                .collect();
            (!parts.is_empty()).then(|| parts.join("; "))
        };
        // NestJS-style bodies (Vapi) list their messages in an array.
        let primary = nested
            .and_then(|e| e.first_str(&["message", "msg", "description"]))
            .or_else(|| o.str("message"))
            .or_else(|| joined("message"))
            .or_else(|| o.first_str(&["error_description", "msg", "title"]))
            .or_else(|| o.str("error"))
            .or_else(|| o.str("detail"))
            // FastAPI-style (ElevenLabs): `{"detail": {"status", "message"}}`.
            .or_else(|| o.str("detail.message"))
            .or_else(|| joined("errors"))
            .or_else(|| joined("detail"));
        // Zudu-style bodies put a headline in `message` and the cause in
        // `error`; keep both.
        let message = match (primary, o.str("error")) {
            (Some(p), Some(e)) if p != e && nested.is_none() => Some(format!("{p} ({e})")),
            (p, _) => p,
        };
        let code = nested
            .and_then(|e| e.first_str(&["code", "type"]))
            .or_else(|| o.first_str(&["code", "error_code", "errorCode"]));
        Self {
            message: message.map(clip),
            code,
            fields,
        }
    }
}

/// Per-field messages from `{field: "msg" | ["msg"]}` or `[{field|loc, message|msg}]`.
fn read_fields(value: &Value) -> Vec<FieldError> {
    match value {
        Value::Object(map) => map
            .iter()
            .filter_map(|(field, v)| {
                let messages: Vec<String> = match v {
                    Value::Array(items) => items.iter().filter_map(json::text).map(clip).collect(),
                    other => json::text(other).map(clip).into_iter().collect(),
                };
                (!messages.is_empty()).then(|| FieldError {
                    field: field.clone(),
                    messages,
                })
            })
            .collect(),
        Value::Array(items) => items
            .iter()
            .filter_map(|item| {
                let o = Obj::of(item)?;
                let field = o
                    .first_str(&["field", "param", "path", "property"])
                    .or_else(|| {
                        let loc = o.arr("loc")?;
                        let parts: Vec<String> = loc.iter().filter_map(json::text).collect();
                        (!parts.is_empty()).then(|| parts.join("."))
                    })?;
                let message = o.first_str(&["message", "msg", "detail"])?;
                Some(FieldError {
                    field,
                    messages: vec![clip(message)],
                })
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// A plain-text body as a message, unless it is HTML or empty.
fn text_message(body: &str) -> Option<String> {
    let t = body.trim();
    (!t.is_empty() && !t.starts_with('<')).then(|| clip(t.to_owned()))
}

/// Collapses whitespace and cuts a message to `MAX_MESSAGE_CHARS`.
fn clip(message: String) -> String {
    let collapsed = collapse_whitespace(&message);
    if collapsed.chars().count() <= MAX_MESSAGE_CHARS {
        collapsed
    } else {
        let cut: String = collapsed.chars().take(MAX_MESSAGE_CHARS).collect();
        format!("{cut}…")
    }
}

/// The kind of error a provider's code names, where it names one.
fn kind_from_code(code: &str) -> Option<u16> {
    let c = code.to_ascii_uppercase();
    let status = if c.contains("NOT_FOUND") || c.contains("NOTFOUND") {
        404
    } else if c.contains("TOKEN") || c.contains("UNAUTH") || c.contains("AUTHENTICATION") {
        401
    } else if c.contains("FORBIDDEN") || c.contains("PERMISSION") {
        403
    } else if c.contains("VALIDATION") || c.contains("INVALID") {
        422
    } else if c.contains("RATE") || c.contains("TOO_MANY") {
        429
    } else if c.contains("SERVER") || c.contains("INTERNAL") {
        500
    } else {
        return None;
    };
    Some(status)
}

fn classify(status: u16, body: ErrorBody, retry_after: Option<RetryAfter>) -> ApiError {
    let by_code = body.code.as_deref().and_then(kind_from_code);
    // A 2xx status says nothing about the kind; a code does. A real error
    // status wins over a code.
    let effective = match (status, by_code) {
        (200..=299, Some(c)) => c,
        (s, _) => s,
    };
    let ErrorBody {
        message, fields, ..
    } = body;
    match effective {
        401 => ApiError::Unauthorized { message },
        403 => ApiError::Forbidden { message },
        404 | 410 => ApiError::NotFound { message },
        400 | 422 => ApiError::Validation { message, fields },
        429 => ApiError::RateLimited {
            message,
            retry_after,
        },
        500..=599 => ApiError::Server {
            status: effective,
            message,
        },
        _ => ApiError::Rejected { status, message },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn talkover_validation_shape() {
        let body = r#"{"success": false, "message": "The given data was invalid.",
            "errors": {"status": ["The selected status is invalid."],
                       "date_from": ["The date from must be a valid date."]}}"#;
        let e = ApiError::from_response(422, body, None);
        let ApiError::Validation { message, fields } = &e else {
            panic!("{e:?}")
        };
        assert_eq!(message.as_deref(), Some("The given data was invalid."));
        assert_eq!(fields.len(), 2);
        assert!(fields.iter().any(|f| f.field == "status"
            && f.messages == vec!["The selected status is invalid.".to_owned()]));
        assert!(e
            .to_string()
            .contains("status: The selected status is invalid."));
    }

    #[test]
    fn nested_error_objects() {
        let body = r#"{"error": {"code": "not_found", "message": "Call does not exist", "details": {"id": "abc"}}}"#;
        let e = ApiError::from_response(404, body, None);
        assert_eq!(
            e,
            ApiError::NotFound {
                message: Some("Call does not exist".into())
            }
        );
        // A code names the kind when the status does not.
        let v: Value = serde_json::from_str(
            r#"{"success": false, "error": {"code": "AGENT_NOT_FOUND", "message": "Agent not found"}}"#,
        )
        .unwrap();
        assert_eq!(
            ApiError::from_envelope(&v, 200),
            Some(ApiError::NotFound {
                message: Some("Agent not found".into())
            })
        );
    }

    #[test]
    fn zudu_and_smallest_shapes() {
        let e = ApiError::from_response(
            400,
            r#"{"message": "Failed to list calls", "status": "error", "error": "limit must be <= 100"}"#,
            None,
        );
        assert_eq!(
            e,
            ApiError::Validation {
                message: Some("Failed to list calls (limit must be <= 100)".into()),
                fields: vec![]
            }
        );
        let e = ApiError::from_response(
            401,
            r#"{"status": false, "errors": ["Invalid API key"]}"#,
            None,
        );
        assert_eq!(
            e,
            ApiError::Unauthorized {
                message: Some("Invalid API key".into())
            }
        );
    }

    #[test]
    fn text_html_and_empty_bodies() {
        assert_eq!(
            ApiError::from_response(502, "Bad gateway from upstream", None),
            ApiError::Server {
                status: 502,
                message: Some("Bad gateway from upstream".into())
            }
        );
        assert_eq!(
            ApiError::from_response(500, "<html><body>oops</body></html>", None),
            ApiError::Server {
                status: 500,
                message: None
            }
        );
        assert_eq!(
            ApiError::from_response(403, "", None),
            ApiError::Forbidden { message: None }
        );
    }

    #[test]
    fn rate_limits_carry_retry_after() {
        let e = ApiError::from_response(429, "{}", Some("30"));
        assert_eq!(
            e,
            ApiError::RateLimited {
                message: None,
                retry_after: Some(RetryAfter::Seconds(30))
            }
        );
        assert!(e.to_string().contains("try again in 30 s"));
        let at = RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        assert_eq!(at, RetryAfter::At(784_111_777_000));
        assert_eq!(at.delay_ms(784_111_767_000), 10_000);
        assert_eq!(at.delay_ms(784_111_787_000), 0);
        assert_eq!(RetryAfter::parse("soon"), None);
    }

    #[test]
    fn other_statuses_and_envelopes() {
        assert_eq!(ApiError::from_response(409, "{}", None).status(), Some(409));
        assert_eq!(
            ApiError::from_response(409, "{}", None).kind(),
            ErrorKind::Rejected
        );
        assert_eq!(
            ApiError::from_envelope(&json!({"success": true}), 200),
            None
        );
        assert_eq!(ApiError::from_envelope(&json!([1]), 200), None);
        let e =
            ApiError::from_envelope(&json!({"status": false, "errors": ["nope"]}), 200).unwrap();
        assert_eq!(e.to_string(), "The provider reported an error: nope");
    }

    #[test]
    fn an_error_reply_reads_as_the_response_or_envelope_it_is() {
        let refused = ErrorReply {
            status: 429,
            body: r#"{"error": {"message": "Slow down"}}"#.into(),
            retry_after: Some("30".into()),
        };
        assert_eq!(
            refused.read(),
            ApiError::from_response(429, &refused.body, Some("30"))
        );
        assert_eq!(
            refused.read().to_string(),
            "Too many requests; try again in 30 s: Slow down"
        );
        let envelope = ErrorReply {
            status: 200,
            body: r#"{"success": false, "error": {"code": "NOT_FOUND", "message": "No agent"}}"#
                .into(),
            retry_after: None,
        };
        assert_eq!(
            envelope.read(),
            ApiError::NotFound {
                message: Some("No agent".into())
            }
        );
        // A 2xx body that turns out not to be an envelope still reads as
        // what its status can say, never as a success.
        let odd = ErrorReply {
            status: 200,
            body: "not json".into(),
            retry_after: None,
        };
        assert_eq!(odd.read().to_string(), "The provider reported an error");
    }

    #[test]
    fn envelopes_are_recognised_without_reading_them() {
        for body in [
            json!({"success": false}),
            json!({"status": false, "errors": []}),
            json!({"status": "FAILED"}),
            json!({"status": "error", "message": "x"}),
        ] {
            assert!(is_error_envelope(&body), "{body}");
        }
        for body in [
            json!({"success": true}),
            json!({"status": "completed"}),
            json!({"status": true}),
            json!([{"success": false}]),
            // Calls that did not go through, as Bland, AgentVoice and
            // ElevenLabs answer them.
            json!({"call_id": "c1", "status": "failed", "completed": false}),
            json!({"id": "a1", "status": "failed"}),
            json!({"conversation_id": "conv_1", "status": "failed"}),
            json!("error"),
        ] {
            assert!(!is_error_envelope(&body), "{body}");
        }
    }

    #[test]
    fn a_status_alone_names_the_kind() {
        assert_eq!(ApiError::from_status(401).kind(), ErrorKind::Unauthorized);
        assert_eq!(ApiError::from_status(422).kind().as_str(), "validation");
        assert_eq!(ErrorKind::NotFound.as_str(), "not_found");
        assert_eq!(ErrorKind::Code.as_str(), "code");
        assert_eq!(ApiError::from_status(503).status(), Some(503));
        assert_eq!(
            ApiError::from_status(502).to_string(),
            "The provider had a problem (HTTP 502)"
        );
    }

    #[test]
    fn body_errors_read_their_envelope() {
        let body = r#"{"status": false, "errors": ["Invalid API key"]}"#;
        assert_eq!(
            BodyError::Envelope.read(200, body).to_string(),
            "The provider reported an error: Invalid API key"
        );
        let unreadable = ApiError::unreadable("expected a list of calls under `data`");
        assert_eq!(
            BodyError::Unreadable(unreadable.clone()).read(200, body),
            unreadable
        );
    }

    #[test]
    fn long_messages_are_clipped() {
        let long = format!("{{\"message\": \"{}\"}}", "x ".repeat(1_000));
        let e = ApiError::from_response(500, &long, None);
        let ApiError::Server {
            message: Some(m), ..
        } = e
        else {
            panic!()
        };
        assert!(m.chars().count() <= MAX_MESSAGE_CHARS + 1);
        assert!(m.ends_with('…'));
    }

    #[test]
    fn nestjs_message_arrays() {
        let e = ApiError::from_response(
            400,
            r#"{"message": ["limit must not be greater than 1000", "createdAtLt must be a date"], "error": "Bad Request", "statusCode": 400}"#,
            None,
        );
        assert_eq!(
            e.to_string(),
            "The provider rejected the request: limit must not be greater than 1000; createdAtLt must be a date (Bad Request)"
        );
    }

    #[test]
    fn timeouts_read_naturally() {
        assert_eq!(
            ApiError::Timeout { after_ms: 20_000 }.to_string(),
            "No answer within 20 seconds"
        );
        assert_eq!(
            ApiError::Timeout { after_ms: 1_500 }.to_string(),
            "No answer within 1.5 seconds"
        );
        assert_eq!(
            ApiError::Timeout { after_ms: 1_000 }.to_string(),
            "No answer within 1 second"
        );
    }

    #[test]
    fn elevenlabs_detail_object() {
        let e = ApiError::from_response(
            404,
            r#"{"detail": {"status": "conversation_not_found", "message": "Conversation not found"}}"#,
            None,
        );
        assert_eq!(
            e,
            ApiError::NotFound {
                message: Some("Conversation not found".into())
            }
        );
    }

    #[test]
    fn fastapi_detail_lists() {
        let e = ApiError::from_response(
            422,
            r#"{"detail": [{"loc": ["query", "limit"], "msg": "must be <= 100"}]}"#,
            None,
        );
        let ApiError::Validation { fields, .. } = e else {
            panic!()
        };
        assert_eq!(
            fields,
            vec![FieldError {
                field: "query.limit".into(),
                messages: vec!["must be <= 100".into()]
            }]
        );
    }
}
