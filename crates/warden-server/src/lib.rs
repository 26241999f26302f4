//! Warden's HTTP service: the IAM (and, later, STS) query API over axum.
//!
//! [`app`] builds the router from an [`AppState`]: `POST`/`GET` on any path is the API
//! (SDKs keep a path prefix of their endpoint override, api.md §1.1), `/metrics` serves
//! Prometheus text, and `POST /_warden/dev/reset` wipes all state in dev mode.
//!
//! Design (see `docs/decisions/0003-server.md`):
//! * `pipeline.rs` runs api.md §1.8 for every request; `handlers/` hold one plain async fn
//!   per operation (how to add one: `handlers/mod.rs`); `authz.rs` is the only place that
//!   evaluates policies, from a per-principal cache of compiled policy sets invalidated by
//!   the store's change feed; `error.rs` is the one mapping from errors to the wire.
//! * The server is generic over [`warden_core::Store`]; the backend is chosen once by the
//!   binary (`warden serve`).
//! * Time, ids and secret encryption are injected ([`Services`]), so tests are
//!   deterministic.

mod audit;
mod audit_sink;
mod authz;
pub mod bootstrap;
mod entity_cache;
mod error;
mod handlers;
mod issuer;
mod jwks;
mod key_cache;
mod metrics;
mod password;
mod pipeline;
mod role_use;
pub mod serve;
mod sessions;
mod state;
mod token_cache;
pub mod workload;

use axum::Router;
use axum::extract::State;
use axum::http::{Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use warden_core::Store;
use warden_query::Service;

pub use crate::error::{ApiError, InternalError};
pub use crate::handlers::sts_extras::{AuthorizationFailure, encode_authorization_message};
pub use crate::sessions::{KeyRingTick, RELOAD_INTERVAL};
pub use crate::state::{
    AppState, DEFAULT_BODY_LIMIT, DevMode, DevResetError, ServerConfig, Services, StoreFuture,
};

/// The router of the service.
pub fn app<S: Store>(state: AppState<S>) -> Router {
    Router::new()
        .route("/metrics", any(metrics::<S>))
        .route("/_warden/dev/reset", any(dev_reset::<S>))
        .route(workload::CREDENTIALS_PATH, any(workload::credentials::<S>))
        .merge(issuer::routes::<S>())
        .fallback(api::<S>)
        .with_state(state)
}

async fn api<S: Store>(
    State(state): State<AppState<S>>,
    request: axum::extract::Request,
) -> Response {
    pipeline::handle(state, request).await
}

async fn metrics<S: Store>(State(state): State<AppState<S>>, method: Method) -> Response {
    if method != Method::GET {
        // Every response is AWS-shaped, axum's own 405 included.
        return pipeline::render_error(
            &ApiError::MethodNotAllowed(method.to_string()),
            Service::Iam,
            &pipeline::new_request_id(),
        );
    }
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        state.render_metrics(),
    )
        .into_response()
}

async fn dev_reset<S: Store>(State(state): State<AppState<S>>, method: Method) -> Response {
    let request_id = pipeline::new_request_id();
    if !state.is_dev() {
        return pipeline::render_error(
            &ApiError::NotFound("/_warden/dev/reset".to_owned()),
            Service::Iam,
            &request_id,
        );
    }
    if method != Method::POST {
        return pipeline::render_error(
            &ApiError::MethodNotAllowed(method.to_string()),
            Service::Iam,
            &request_id,
        );
    }
    match state.dev_reset().await {
        Ok(_) => (StatusCode::OK, "reset\n").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "dev reset failed");
            pipeline::render_error(
                &ApiError::Internal(InternalError::Contract("dev reset failed")),
                Service::Iam,
                &request_id,
            )
        }
    }
}
