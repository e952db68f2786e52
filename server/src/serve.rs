//! `callboard-server serve`: the dev server in mock mode.

use std::net::SocketAddr;
use std::path::PathBuf;

use tower_http::services::ServeDir;

use crate::mock::{self, AppState};

/// Options of `serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on.
    #[arg(long, default_value_t = 8787)]
    pub port: u16,
    /// How many calls the data set holds.
    #[arg(long, default_value_t = 2_000)]
    pub calls: usize,
    /// The data set's seed.
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// A directory of static files to serve too (the widget bundle, pages).
    #[arg(long = "static")]
    pub static_dir: Option<PathBuf>,
}

/// The policy pages under `/pages/csp/` are served with: what a strict
/// host would set (no inline script or style, no eval).
pub const STRICT_CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

async fn strict_csp_pages(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let strict = request.uri().path().starts_with("/pages/csp/");
    let mut response = next.run(request).await;
    if strict {
        response.headers_mut().insert(
            "content-security-policy",
            axum::http::HeaderValue::from_static(STRICT_CSP),
        );
    }
    response
}

/// Builds the app for `args`.
pub fn app(args: &ServeArgs) -> axum::Router {
    let router = mock::router(AppState::new(args.calls, args.seed));
    match &args.static_dir {
        Some(dir) => router
            .fallback_service(
                // `.br` / `.gz` beside a file are sent to browsers that take
                // them, as a CDN would.
                ServeDir::new(dir)
                    .precompressed_br()
                    .precompressed_gzip()
                    .append_index_html_on_directories(true),
            )
            .layer(axum::middleware::from_fn(strict_csp_pages)),
        None => router,
    }
}

/// Runs the dev server until Ctrl-C.
pub async fn run(args: ServeArgs) -> Result<(), String> {
    let addr: SocketAddr = format!("{}:{}", args.host, args.port)
        .parse()
        .map_err(|e| format!("bad address: {e}"))?;
    let app = app(&args);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    println!(
        "callboard-server: mock providers on http://{addr}/ ({} calls)",
        args.calls
    );
    println!("  e.g. http://{addr}/agentvoice/api/calls?limit=5");
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| e.to_string())
}
