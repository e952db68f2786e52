//! `callboard-server serve`: the dev server in mock mode.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use callboard::core::Provider;
use tower_http::services::ServeDir;

use crate::live::{self, events::Events, Live};
use crate::mock::placed::{Placer, Target, WEBHOOK_PROVIDERS};
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
    /// Places a call every SECS seconds (as `POST /_control/calls` does),
    /// played as it happens; 0: only when asked.
    #[arg(long = "live", value_name = "SECS", default_value_t = 0)]
    pub live_every: u64,
    /// The proxy whose `/webhooks/{provider}` the placed calls' webhooks go
    /// to (e.g. `http://127.0.0.1:8788/retell`); by default this server's
    /// own (`/{provider}/webhooks/{provider}`, with its `/{provider}/events`).
    #[arg(long, value_name = "URL")]
    pub webhooks_to: Option<String>,
}

/// Provider `p`'s webhook secret here: its environment variable (the
/// proxy's), else one for development.
fn dev_secret(p: Provider) -> String {
    live::webhook_secret(p, |k| std::env::var(k).ok())
        .unwrap_or_else(|| format!("callboard-dev-{}", p.id()))
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

/// Builds the app for `args`, served at `base` (`http://host:port`, where
/// the placed calls' webhooks go unless `--webhooks-to` says otherwise).
/// Starts placing calls with `--live` (inside a Tokio runtime).
pub fn app(args: &ServeArgs, base: &str) -> axum::Router {
    let state = AppState::new(args.calls, args.seed);
    let mut router = mock::router(state.clone());
    let mut targets = Vec::new();
    for p in WEBHOOK_PROVIDERS {
        let secret = dev_secret(p);
        let events = Events::memory(live::events::KEPT);
        let relay = Live::new(p, Some(secret.clone()), events, 200);
        router = router.merge(live::routes(Arc::new(relay), &format!("/{}", p.id())));
        let url = match &args.webhooks_to {
            Some(to) => format!("{}/webhooks/{}", to.trim_end_matches('/'), p.id()),
            None => format!("{base}/{0}/webhooks/{0}", p.id()),
        };
        targets.push(Target {
            provider: p,
            url,
            secret,
        });
    }
    let placer = Placer::new(state, targets);
    if args.live_every > 0 {
        placer.every(Duration::from_secs(args.live_every));
    }
    let router = router.merge(placer.routes());
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
    let app = app(&args, &format!("http://{addr}"));
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
