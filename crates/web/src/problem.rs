//! RFC 9457 problem details: every API error is `application/problem+json` with `type`,
//! `title`, `status`, `detail`, and where it applies the invalid fields or the current state.
//! Internal errors are logged, never sent.

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use buurtteam_app::AppError;
use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::validation::FieldError;
use serde::Serialize;

/// One invalid field.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ProblemField {
    /// The field as the request spells it, e.g. `members[0].bsn`.
    pub field: String,
    /// What is wrong and what is accepted.
    pub message: String,
    /// Which rule was broken (`required`, `too_long`, `invalid_date` ...), stable for programs.
    pub code: String,
}

/// A problem document (RFC 9457).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem; it resolves to its description in the API reference.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// The invalid fields (validation problems).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ProblemField>,
    /// The current state of the case (conflicts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_status: Option<CaseStatus>,
    /// Seconds until a retry may succeed (sent as the `Retry-After` header).
    #[serde(skip)]
    pub retry_after: Option<u64>,
}

#[derive(Debug)]
pub struct ApiError(pub Problem);

/// The kinds of problem, with their stable slug and title.
pub const KINDS: &[(&str, u16, &str, &str)] = &[
    (
        "invalid-request",
        400,
        "Invalid request",
        "The request body or query could not be read (malformed JSON, wrong types).",
    ),
    ("unauthenticated", 401, "Not logged in", "There is no valid session: log in with POST /api/v1/auth/login."),
    ("forbidden", 403, "Not allowed", "Your role may not do this."),
    (
        "not-found",
        404,
        "Not found",
        "The resource does not exist, or you may not see it (the two look the same on purpose).",
    ),
    (
        "conflict",
        409,
        "Conflict",
        "The step is not possible in the current state; `current_status` says what the state is.",
    ),
    ("validation", 422, "Invalid input", "One or more fields are invalid; `errors` names each with what is accepted."),
    ("internal", 500, "Internal error", "Something went wrong on our side; it has been logged."),
    (
        "unavailable",
        503,
        "Service unavailable",
        "The database cannot take this request right now (unreachable, locked by another process, or its disk \
         full); nothing of the request was saved. `Retry-After` says when to try again.",
    ),
    (
        "too-many-attempts",
        429,
        "Too many attempts",
        "Too many failed log-ins from this address, or for this account from this address, which is then locked \
         for a while; or too many failed portal activations with one code or from this address. `Retry-After` \
         says when to try again.",
    ),
    (
        "second-factor-required",
        401,
        "Second factor required",
        "This account uses a second factor: send `totp_code` (or a recovery code) with the log-in.",
    ),
];

impl ApiError {
    pub fn new(slug: &str, detail: impl Into<String>) -> Self {
        let (_, status, title, _) = KINDS.iter().find(|k| k.0 == slug).copied().unwrap_or(KINDS[6]);
        Self(Problem {
            kind: format!("/api/v1/docs#problem-{slug}"),
            title: title.to_owned(),
            status,
            detail: detail.into(),
            errors: Vec::new(),
            current_status: None,
            retry_after: None,
        })
    }

    /// The one answer for "does not exist" and "exists, but not yours to see", whatever was
    /// asked for: naming the kind of thing could tell the two apart (a goal that exists but is
    /// hidden, behind an action id that does not).
    pub fn not_found() -> Self {
        Self::new("not-found", "There is nothing here, or nothing you may see.")
    }

    /// The database cannot take this request now (unreachable, locked, its disk full); nothing
    /// of it was saved. `Retry-After` says when to try again.
    pub fn unavailable() -> Self {
        let mut e = Self::new(
            "unavailable",
            "The database cannot take this request right now; nothing was saved. Try again shortly.",
        );
        e.0.retry_after = Some(RETRY_UNAVAILABLE_SECS);
        e
    }

    pub fn validation(errors: Vec<FieldError>) -> Self {
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        let mut e = Self::new("validation", format!("Check these fields: {}.", fields.join(", ")));
        e.0.errors = errors
            .into_iter()
            .map(|f| ProblemField { field: f.field, message: f.message, code: f.code.to_owned() })
            .collect();
        e
    }
}

/// Seconds a client waits before retrying after a 503 of the database.
pub const RETRY_UNAVAILABLE_SECS: u64 = 5;

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.0.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_string(&self.0).unwrap_or_default();
        let mut r = (status, [(header::CONTENT_TYPE, "application/problem+json")], body).into_response();
        if let Some(secs) = self.0.retry_after {
            r.headers_mut().insert(header::RETRY_AFTER, secs.into());
        }
        r
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Validation(errors) => Self::validation(errors),
            AppError::Unauthenticated => Self::new("unauthenticated", "Log in first; the session may have ended."),
            AppError::Forbidden(msg) => Self::new("forbidden", format!("Not allowed: {msg}.")),
            AppError::TooManyAttempts { retry_after, account_locked } => {
                let minutes = (retry_after.as_secs() + 59) / 60;
                let mut e = Self::new(
                    "too-many-attempts",
                    if account_locked {
                        format!("This account is locked after too many failed log-ins; try again in {minutes} minutes.")
                    } else {
                        format!("Too many failed log-ins from your address; try again in {minutes} minutes.")
                    },
                );
                e.0.retry_after = u64::try_from(retry_after.as_secs()).ok();
                e
            }
            AppError::TooManyActivations { retry_after } => {
                let minutes = (retry_after.as_secs() + 59) / 60;
                let mut e = Self::new(
                    "too-many-attempts",
                    format!(
                        "Too many failed activations with this code or from your address; try again in {minutes} minutes."
                    ),
                );
                e.0.retry_after = u64::try_from(retry_after.as_secs()).ok();
                e
            }
            AppError::SecondFactorRequired => Self::new(
                "second-factor-required",
                "This account uses a second factor: send the code from the authenticator app as `totp_code`.",
            ),
            AppError::SecondFactorEnrolmentRequired => Self::new(
                "forbidden",
                "Your organisation requires a second factor for your role: set it up on your account page first.",
            ),
            AppError::NotFound(_) => Self::not_found(),
            AppError::StepRefused { refusal, current_status } => {
                let mut p = Self::new("conflict", refusal.to_string());
                p.0.current_status = Some(current_status);
                // A date before an earlier step: which field, as a validation problem names it.
                p.0.errors = refusal
                    .field_error()
                    .into_iter()
                    .map(|f| ProblemField { field: f.field, message: f.message, code: f.code.to_owned() })
                    .collect();
                p
            }
            AppError::Conflict { message, current_status } => {
                let mut p = Self::new("conflict", message);
                p.0.current_status = current_status;
                p
            }
            AppError::Store(err) if err.is_unavailable() => {
                tracing::error!(error = %err, "database cannot take the request");
                Self::unavailable()
            }
            other => {
                tracing::error!(error = %other, "internal error");
                Self::new("internal", "Something went wrong on our side; it has been logged.")
            }
        }
    }
}

impl From<JsonRejection> for ApiError {
    fn from(r: JsonRejection) -> Self {
        let status = r.status();
        let mut e = Self::new("invalid-request", r.body_text());
        if status == StatusCode::UNSUPPORTED_MEDIA_TYPE {
            e.0.detail = "Send JSON with the header Content-Type: application/json.".into();
            e.0.status = 415;
            e.0.title = "Unsupported media type".into();
        } else if status == StatusCode::PAYLOAD_TOO_LARGE {
            e.0.status = 413;
            e.0.title = "Request too large".into();
        }
        e
    }
}

impl From<QueryRejection> for ApiError {
    fn from(r: QueryRejection) -> Self {
        Self::new("invalid-request", r.body_text())
    }
}

pub fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    ApiError::new("internal", "Something went wrong on our side; it has been logged.").into_response()
}

/// Turns the plain-text errors axum produces by itself (an id that is not a number, a
/// method the route does not have) into problem documents, so that every API error has
/// the same shape.
pub async fn plain_errors_as_problems(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let response = next.run(req).await;
    let status = response.status();
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/problem+json"));
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !(status.is_client_error() || status.is_server_error()) || is_problem || is_page {
        return response;
    }
    let bytes = axum::body::to_bytes(response.into_body(), 64 * 1024).await.unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes).trim().to_owned();
    let slug = match status.as_u16() {
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not-found",
        409 => "conflict",
        422 => "validation",
        500 => "internal",
        503 => "unavailable",
        _ => "invalid-request",
    };
    let mut e = ApiError::new(
        slug,
        if text.is_empty() { status.canonical_reason().unwrap_or("Error").to_owned() } else { text },
    );
    e.0.status = status.as_u16();
    e.0.title = status.canonical_reason().unwrap_or("Error").to_owned();
    let mut r = e.into_response();
    if status == StatusCode::METHOD_NOT_ALLOWED {
        *r.status_mut() = StatusCode::METHOD_NOT_ALLOWED;
    }
    r
}
