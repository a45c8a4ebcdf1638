//! Idempotent retries: a `POST` carrying an `Idempotency-Key` header is done once per user
//! and key; a retry gets the first response back (marked `Idempotent-Replayed: true`).
//!
//! The key is reserved before the handler runs (a concurrent duplicate gets 409), the
//! response of a success is stored under it, and after a failure the key is released: a
//! failed request wrote nothing, so it may be tried again. The window between the handler's
//! commit and storing its response is documented in docs/architecture.md.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use buurtteam_app::auth;
use buurtteam_store::idempotency::{self as store, Claim};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::problem::ApiError;
use crate::session;

const HEADER: &str = "idempotency-key";

pub async fn layer(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if req.method() != Method::POST {
        return next.run(req).await;
    }
    let Some(key) = req.headers().get(HEADER).map(|v| v.to_str().map(str::to_owned)) else {
        return next.run(req).await;
    };
    let key = match key {
        Ok(k) if (1..=255).contains(&k.len()) => k,
        _ => {
            return ApiError::new("invalid-request", "An Idempotency-Key is 1 to 255 visible ASCII characters.")
                .into_response();
        }
    };
    // Only logged-in requests are remembered; without a session the handler answers 401.
    let Some(token) = session::token(req.headers()) else { return next.run(req).await };
    let Ok((actor, _)) = auth::authenticate(&state.app, &token).await else { return next.run(req).await };

    let (parts, body) = req.into_parts();
    let Ok(bytes) = to_bytes(body, crate::MAX_BODY_BYTES).await else {
        return ApiError::new("invalid-request", "The request body is too large.").into_response();
    };
    let mut hasher = Sha256::new();
    hasher.update(parts.uri.path().as_bytes());
    hasher.update([0]);
    hasher.update(&bytes);
    let hash: String = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();

    let claim = async {
        let mut tx = state.app.db.begin().await?;
        let c = store::claim(&mut tx, actor.user_id, &key, &hash, state.app.now()).await?;
        tx.commit().await?;
        Ok::<_, buurtteam_store::StoreError>(c)
    }
    .await;
    let reused =
        || ApiError::new("validation", "This Idempotency-Key was used for a different request; use a new key.");
    match claim {
        Err(e) => return ApiError::from(buurtteam_app::AppError::from(e)).into_response(),
        Ok(Claim::Done { request_hash, status, body }) => {
            if request_hash != hash {
                return reused().into_response();
            }
            let status = axum::http::StatusCode::from_u16(status).unwrap_or(axum::http::StatusCode::OK);
            let mut r = (status, [(header::CONTENT_TYPE, "application/json")], body).into_response();
            r.headers_mut().insert("idempotent-replayed", HeaderValue::from_static("true"));
            return r;
        }
        Ok(Claim::InProgress { request_hash }) => {
            if request_hash != hash {
                return reused().into_response();
            }
            let mut e =
                ApiError::new("conflict", "A request with this Idempotency-Key is still being handled; retry shortly.");
            e.0.current_status = None;
            return e.into_response();
        }
        Ok(Claim::New) => {}
    }

    let response = next.run(Request::from_parts(parts, Body::from(bytes))).await;
    let user = actor.user_id;
    if response.status().is_success() {
        let (rparts, rbody) = response.into_parts();
        let Ok(rbytes) = to_bytes(rbody, 16 * 1024 * 1024).await else {
            return ApiError::new("internal", "The response could not be read.").into_response();
        };
        let text = String::from_utf8_lossy(&rbytes).into_owned();
        let stored = async {
            let mut tx = state.app.db.begin().await?;
            store::complete(&mut tx, user, &key, rparts.status.as_u16(), &text).await?;
            tx.commit().await
        }
        .await;
        if let Err(e) = stored {
            tracing::error!(error = %e, "could not store the idempotent response");
        }
        Response::from_parts(rparts, Body::from(rbytes))
    } else {
        let released = async {
            let mut tx = state.app.db.begin().await?;
            store::release(&mut tx, user, &key).await?;
            tx.commit().await
        }
        .await;
        if let Err(e) = released {
            tracing::error!(error = %e, "could not release an idempotency key");
        }
        response
    }
}
