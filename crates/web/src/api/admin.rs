//! The administration's own API: the admin log (changes made in the administration, with
//! before and after; never a read of client data).

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use buurtteam_app::repair::{self as uc, AdminLogInput};
use jiff::Timestamp;
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff;

/// One admin change.
#[derive(Debug, Serialize, ToSchema)]
pub struct AdminChangeOut {
    pub id: i64,
    pub occurred_at: Timestamp,
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    /// The dotted action, e.g. `team.created`.
    pub action: String,
    pub object_type: String,
    pub object_id: Option<i64>,
    /// The fields before the change (`null` for something created).
    #[schema(value_type = Object)]
    pub before: serde_json::Value,
    /// The fields after the change (`null` for something removed).
    #[schema(value_type = Object)]
    pub after: serde_json::Value,
}

/// A page of the admin log.
#[derive(Debug, Serialize, ToSchema)]
pub struct AdminLogOut {
    pub items: Vec<AdminChangeOut>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

/// The admin log: every change made in the administration, newest first, 50 a page, with
/// who, when, what and the fields before and after (admins only).
#[utoipa::path(get, path = "/api/v1/admin/audit", tag = "admin", params(AdminLogInput),
    responses(
        (status = 200, body = AdminLogOut),
        (status = 403, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn admin_audit(
    State(s): State<AppState>,
    staff: Staff,
    query: Result<Query<AdminLogInput>, QueryRejection>,
) -> Result<Json<AdminLogOut>, ApiError> {
    let Query(q) = query?;
    let log = uc::admin_log(&s.app, &staff.actor, &q).await?;
    let items = log
        .rows
        .into_iter()
        .map(|r| {
            let (before, after) = uc::before_after(&r.detail);
            AdminChangeOut {
                id: r.id,
                occurred_at: r.occurred_at,
                actor_id: r.actor_user_id.map(|u| u.0),
                actor_name: r.actor_name,
                action: r.action,
                object_type: r.object_type,
                object_id: r.object_id,
                before,
                after,
            }
        })
        .collect();
    Ok(Json(AdminLogOut { items, total: log.total, page: log.page, pages: log.pages }))
}
