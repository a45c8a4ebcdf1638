//! The processing register (`/api/v1/processing-activities`: admins and privacy officers read
//! it, admins change its texts) and the log in the form of the Logboek Dataverwerkingen
//! (`/api/v1/privacy/ldv-export`, privacy officers), decision 0027.

use axum::Json;
use axum::body::{Body as HttpBody, Bytes};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use buurtteam_app::privacy::ldv::{LdvExport, LdvExportInput, start_ldv_export};
use buurtteam_app::processing::{self as uc, ActivityInput};
use buurtteam_store::processing::Activity;
use jiff::Timestamp;
use serde::Serialize;
use utoipa::ToSchema;

use super::Body;
use super::dto::ListOut;
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff;

/// One processing activity of the register (verwerkingsactiviteit, AVG art. 30).
#[derive(Debug, Serialize, ToSchema)]
pub struct ProcessingActivityOut {
    /// The fixed code, e.g. `family-support`.
    pub code: String,
    /// The version of the texts, raised by every change; the LDV export names it.
    pub version: i64,
    /// The identifier the LDV export gives this version (`dpl.core.processing_activity_id`).
    pub urn: String,
    pub name_nl: String,
    pub name_en: String,
    pub purpose: String,
    pub legal_basis: String,
    pub data_subjects: String,
    pub data_categories: String,
    pub retention: String,
    pub active: bool,
    pub updated_at: Timestamp,
}

impl From<Activity> for ProcessingActivityOut {
    fn from(a: Activity) -> Self {
        let t = a.texts;
        Self {
            urn: buurtteam_domain::processing::activity_urn(&a.code, a.version),
            code: a.code,
            version: a.version,
            name_nl: t.name_nl,
            name_en: t.name_en,
            purpose: t.purpose,
            legal_basis: t.legal_basis,
            data_subjects: t.data_subjects,
            data_categories: t.data_categories,
            retention: t.retention,
            active: t.active,
            updated_at: a.updated_at,
        }
    }
}

/// The processing register: every processing activity of the product with its purpose, legal
/// basis, categories and retention. Admins and privacy officers.
#[utoipa::path(get, path = "/api/v1/processing-activities", tag = "privacy",
    responses(
        (status = 200, body = ListOut<ProcessingActivityOut>),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_processing_activities(
    State(s): State<AppState>,
    staff: Staff,
) -> Result<Json<ListOut<ProcessingActivityOut>>, ApiError> {
    let all = uc::list_activities(&s.app, &staff.actor).await?;
    Ok(Json(ListOut { items: all.into_iter().map(Into::into).collect() }))
}

/// One processing activity. Admins and privacy officers.
#[utoipa::path(get, path = "/api/v1/processing-activities/{code}", tag = "privacy",
    params(("code" = String, Path, description = "e.g. family-support")),
    responses(
        (status = 200, body = ProcessingActivityOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_processing_activity(
    State(s): State<AppState>,
    staff: Staff,
    Path(code): Path<String>,
) -> Result<Json<ProcessingActivityOut>, ApiError> {
    Ok(Json(uc::get_activity(&s.app, &staff.actor, &code).await?.into()))
}

/// Change the texts of a processing activity (any of the fields; the code stays). Each change
/// is a new version, logged with the fields before and after. Admins only.
#[utoipa::path(patch, path = "/api/v1/processing-activities/{code}", tag = "privacy",
    params(("code" = String, Path, description = "e.g. family-support")),
    request_body = ActivityInput,
    responses(
        (status = 200, body = ProcessingActivityOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn change_processing_activity(
    State(s): State<AppState>,
    staff: Staff,
    Path(code): Path<String>,
    body: Body<ActivityInput>,
) -> Result<Json<ProcessingActivityOut>, ApiError> {
    let Json(input) = body?;
    Ok(Json(uc::change_activity(&s.app, &staff.actor, &code, &input).await?.into()))
}

/// The media type of the export: JSON Lines, one record per line.
pub const JSON_LINES: &str = "application/x-ndjson";

/// The audit log of a period in the form of the Logboek Dataverwerkingen (LDV): one JSON
/// object per line, one per audit row, with `trace_id`, `operation_id`, `status_code`,
/// `name`, `start_time`, `end_time` (ms since the epoch), `resource` and `attributes`
/// (`dpl.core.processing_activity_id`, the pseudonymous `dpl.core.data_subject_id`,
/// `buurtteam.audit_log_id`). Streamed, oldest first. Privacy officers; the export is logged.
#[utoipa::path(get, path = "/api/v1/privacy/ldv-export", tag = "privacy", params(LdvExportInput),
    responses(
        (status = 200, description = "JSON Lines, one LDV record per line", content_type = "application/x-ndjson", body = String),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn ldv_export(
    State(s): State<AppState>,
    staff: Staff,
    query: Result<Query<LdvExportInput>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(q) = query?;
    let export = start_ldv_export(&s.app, Some(&staff.actor), &q).await?;
    let name = format!(
        "attachment; filename=\"ldv-{}-{}.jsonl\"",
        q.from.as_deref().unwrap_or_default().trim(),
        q.to.as_deref().unwrap_or_default().trim()
    );
    let body = HttpBody::from_stream(lines(s.app.clone(), export));
    Ok(([(header::CONTENT_TYPE, JSON_LINES.to_owned()), (header::CONTENT_DISPOSITION, name)], body).into_response())
}

/// The export as a stream of chunks, one page of lines each. A failure midway ends the
/// response early (the client sees a broken transfer, never a partial file that looks whole).
fn lines(
    app: buurtteam_app::App,
    export: LdvExport,
) -> impl futures_util::Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static {
    futures_util::stream::unfold(Some((app, export)), |state| async move {
        let (app, mut export) = state?;
        match export.next_page(&app).await {
            Ok(Some(records)) => {
                let mut chunk = Vec::with_capacity(records.len() * 400);
                for r in &records {
                    if let Err(e) = serde_json::to_writer(&mut chunk, r) {
                        return Some((Err(std::io::Error::other(e)), None));
                    }
                    chunk.push(b'\n');
                }
                Some((Ok(Bytes::from(chunk)), Some((app, export))))
            }
            Ok(None) => None,
            Err(e) => {
                tracing::error!(error = %e, "the LDV export failed midway");
                Some((Err(std::io::Error::other(e.to_string())), None))
            }
        }
    })
}
