//! Helpers shared by the dev server's integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, missing_docs)]

use axum::body::{to_bytes, Body};
use axum::http::Request;
use axum::Router;
use callboard::core::{Method, Provider, ProviderRequest};
use tower::ServiceExt;

/// A mock provider's answer.
pub struct Reply {
    pub status: u16,
    pub body: String,
    pub retry_after: Option<String>,
}

/// Sends a provider request to the mock server, at the provider's prefix.
pub async fn send(app: &Router, p: Provider, req: &ProviderRequest) -> Reply {
    let uri = format!("/{}{}", p.id(), req.path_and_query());
    let builder = Request::builder().uri(uri).method(req.method.as_str());
    let request = match (&req.method, &req.body) {
        (Method::Post, Some(b)) => builder
            .header("content-type", "application/json")
            .body(Body::from(b.clone())),
        _ => builder.body(Body::empty()),
    }
    .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_owned());
    let body = String::from_utf8(
        to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec(),
    )
    .unwrap();
    Reply {
        status,
        body,
        retry_after,
    }
}
