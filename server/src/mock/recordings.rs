//! `GET /recordings/{index}.wav` and `.stereo.wav`: the data set's
//! generated recordings ([`super::audio`]), with `Range` support;
//! `?expires=<ms>` links stop working after that instant.

use axum::extract::{Path, Query as Q, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::audio::{byte_range, now_ms, render};
use super::common::{AppState, Params};

/// `GET /recordings/{index}.wav` and `/recordings/{index}.stereo.wav`.
pub async fn serve(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Q(params): Q<Params>,
    headers: HeaderMap,
) -> Response {
    let (stem, stereo) = match file.strip_suffix(".stereo.wav") {
        Some(stem) => (stem, true),
        None => (file.strip_suffix(".wav").unwrap_or(""), false),
    };
    let Ok(index) = stem.parse::<usize>() else {
        return (StatusCode::NOT_FOUND, "no such recording").into_response();
    };
    if let Some(expires) = params.get("expires").and_then(|e| e.parse::<i64>().ok()) {
        if expires < now_ms() {
            return (StatusCode::FORBIDDEN, "Request has expired").into_response();
        }
    }
    serve_index(&state, index, stereo, &headers)
}

/// Recording `index` of the data set (mono or stereo), honouring `Range`.
pub fn serve_index(state: &AppState, index: usize, stereo: bool, headers: &HeaderMap) -> Response {
    let data = state.data();
    let Some(d) = data.base.get(index) else {
        return (StatusCode::NOT_FOUND, "no such recording").into_response();
    };
    if d.transcript.is_none() {
        return (StatusCode::NOT_FOUND, "no recording for this call").into_response();
    }
    let bytes = state
        .audio
        .get_or_make((index, stereo), || render(d, stereo));
    let len = bytes.len();
    let range = headers.get(header::RANGE).and_then(|v| v.to_str().ok());
    let (status, start, end) = match range.map(|r| byte_range(r, len)) {
        None => (StatusCode::OK, 0, len.saturating_sub(1)),
        Some(Ok((s, e))) => (StatusCode::PARTIAL_CONTENT, s, e),
        Some(Err(())) => {
            let mut r = StatusCode::RANGE_NOT_SATISFIABLE.into_response();
            if let Ok(v) = HeaderValue::from_str(&format!("bytes */{len}")) {
                r.headers_mut().insert(header::CONTENT_RANGE, v);
            }
            return r;
        }
    };
    let body = bytes
        .get(start..=end)
        .map(<[u8]>::to_vec)
        .unwrap_or_default();
    let mut r = (status, body).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("audio/wav"));
    h.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=300"),
    );
    if status == StatusCode::PARTIAL_CONTENT {
        if let Ok(v) = HeaderValue::from_str(&format!("bytes {start}-{end}/{len}")) {
            h.insert(header::CONTENT_RANGE, v);
        }
    }
    r
}
