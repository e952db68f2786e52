//! `mock` mode: every provider's native API at its native paths under a
//! per-provider prefix (`/agentvoice/api/calls`, `/vapi/call`, ...), over one
//! deterministic data set, with generated recordings and fault injection.

mod agentvoice;
mod audio;
mod bland;
mod common;
pub mod dataset;
mod elevenlabs;
mod fault_plan;
mod faults;
pub mod placed;
mod recordings;
mod retell;
mod smallest;
mod talkover;
mod vapi;
mod vozagent;
mod zudu;

use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use callboard::core::{Filters, Provider, Query};

use common::{json, matching, ok, param, rows, Params};

pub use common::AppState;
pub use dataset::Dataset;
pub use fault_plan::Faults;

/// The mock providers' routes, recordings and the fault control endpoint.
pub fn router(state: AppState) -> Router {
    let providers = Router::new()
        .nest("/agentvoice", agentvoice::routes())
        .nest("/vozagent", vozagent::routes())
        .nest("/talkover", talkover::routes())
        .nest("/zudu", zudu::routes())
        .nest("/smallest", smallest::routes())
        .nest("/retell", retell::routes())
        .nest("/vapi", vapi::routes())
        .nest("/elevenlabs", elevenlabs::routes())
        .nest("/bland", bland::routes())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            faults::inject,
        ));
    Router::new()
        .merge(providers)
        .route("/recordings/{file}", get(recordings::serve))
        .merge(faults::routes())
        .route("/_control/ids", get(ids))
        .route("/healthz", get(|| async { "ok" }))
        .with_state(state)
        // A dev server: any page may call it (the npm test app runs on its
        // own origin).
        .layer(
            tower_http::cors::CorsLayer::very_permissive()
                .expose_headers([axum::http::header::RETRY_AFTER]),
        )
}

/// `GET /_control/ids?provider=P&limit=N`: the first ids of a provider's
/// list in its default order, and a sample contact, for tests and the demo.
async fn ids(
    axum::extract::State(state): axum::extract::State<AppState>,
    axum::extract::Query(params): axum::extract::Query<Params>,
) -> Response {
    let Some(p) = param(&params, "provider").and_then(|p| p.parse::<Provider>().ok()) else {
        return json(
            StatusCode::BAD_REQUEST,
            &serde_json::json!({"error": "provider?"}),
        );
    };
    let limit = param(&params, "limit")
        .and_then(|l| l.parse().ok())
        .unwrap_or(20);
    let all = matching(
        rows(&state.data(), p),
        &Query::default(),
        &Filters::default(),
    );
    let ids: Vec<&str> = all.iter().take(limit).map(|c| c.id.as_str()).collect();
    let sample = all
        .iter()
        .find(|c| c.contact_id.is_some() && c.summary.is_some());
    ok(&serde_json::json!({
        "ids": ids,
        "total": all.len(),
        "contact": sample.map(|c| serde_json::json!({
            "contactId": c.contact_id,
            "phoneNumber": c.customer_number,
            "name": c.customer_name,
            "agentId": c.agent_id,
        })),
    }))
}
