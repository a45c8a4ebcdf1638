//! Idempotent retries: a `POST` carrying an `Idempotency-Key` header is done once per user
//! and key (for 24 hours); a retry is answered without doing it again, marked
//! `Idempotent-Replayed: true`.
//!
//! The key is reserved before the handler runs (a concurrent duplicate gets 409). After a
//! success the key keeps the status and where the resource is (`Location`,
//! `Content-Location`), never the body: it may hold client data, and whoever retries may
//! have lost the right to see it since. A retry is logged (`request.replayed`) and answered
//! with the first status and a fresh read of `Content-Location` through the normal route,
//! with its session, policy and audit row, so it shows exactly what a read would show now
//! (a 404 if the caller may no longer see it). Without a `Content-Location` the retry gets
//! the status and `Location` alone. After a failure the key is released: a failed request
//! wrote nothing, so it may be tried again. The window between the handler's commit and
//! storing its outcome is documented in docs/architecture.md.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use buurtteam_app::auth;
use buurtteam_domain::policy::Actor;
use buurtteam_store::idempotency::{self as store, Claim, Outcome};
use sha2::{Digest, Sha256};
use tower::ServiceExt;

use crate::AppState;
use crate::problem::ApiError;
use crate::session;

const HEADER: &str = "idempotency-key";

/// What the layer needs: the application, and the routes to read a resource again through.
#[derive(Clone)]
pub struct Replay {
    pub state: AppState,
    pub routes: axum::Router,
}

pub async fn layer(State(replay): State<Replay>, req: Request, next: Next) -> Response {
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
    let state = &replay.state;
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
        Ok(Claim::Done { request_hash, outcome }) => {
            if request_hash != hash {
                return reused().into_response();
            }
            return replayed(&replay, &actor, &parts.headers, parts.uri.path(), &outcome).await;
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
        let headers = response.headers();
        let text = |name| headers.get(name).and_then(|v: &HeaderValue| v.to_str().ok()).map(str::to_owned);
        let outcome = Outcome {
            status: response.status().as_u16(),
            location: text(header::LOCATION),
            content_location: text(header::CONTENT_LOCATION),
        };
        let stored = async {
            let mut tx = state.app.db.begin().await?;
            store::complete(&mut tx, user, &key, &outcome).await?;
            tx.commit().await
        }
        .await;
        if let Err(e) = stored {
            tracing::error!(error = %e, "could not store the outcome of an idempotent request");
        }
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
    }
    response
}

/// The answer to a retry: logged, then the first status with a fresh, authorised read.
async fn replayed(replay: &Replay, actor: &Actor, headers: &HeaderMap, path: &str, outcome: &Outcome) -> Response {
    let logged = buurtteam_app::idempotency::replayed(
        &replay.state.app,
        actor,
        path,
        outcome.status,
        outcome.location.as_deref().or(outcome.content_location.as_deref()),
    )
    .await;
    if let Err(e) = logged {
        return ApiError::from(e).into_response();
    }
    let status = StatusCode::from_u16(outcome.status).unwrap_or(StatusCode::OK);
    let mut response = match outcome.content_location.as_deref().and_then(|l| l.parse::<axum::http::Uri>().ok()) {
        Some(uri) => {
            let mut read = Request::new(Body::empty());
            *read.uri_mut() = uri;
            // The same session (and language) as the retry: the read is authorised as theirs.
            for name in [header::COOKIE, header::ACCEPT, header::ACCEPT_LANGUAGE] {
                for value in headers.get_all(&name) {
                    read.headers_mut().append(name.clone(), value.clone());
                }
            }
            let Ok(mut fresh) = replay.routes.clone().oneshot(read).await;
            if fresh.status() == StatusCode::OK {
                *fresh.status_mut() = status;
            }
            fresh
        }
        None => status.into_response(),
    };
    response.headers_mut().insert("idempotent-replayed", HeaderValue::from_static("true"));
    if response.status().is_success() {
        for (name, value) in [
            (header::LOCATION, outcome.location.as_deref()),
            (header::CONTENT_LOCATION, outcome.content_location.as_deref()),
        ] {
            if let Some(v) = value.and_then(|v| HeaderValue::from_str(v).ok()) {
                response.headers_mut().insert(name, v);
            }
        }
    }
    response
}
