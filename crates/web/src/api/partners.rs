//! Partners and the social map (issue 15, decision 0039): every staff member reads the overview;
//! team managers keep up the partners of their districts, admins all. Who may do what is
//! `domain::policy::partners`.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderName, StatusCode, header};
use buurtteam_app::partners::{self as uc, GpStatusInput, PartnerChange, PartnerInput, PartnerView};
use buurtteam_domain::ids::PartnerId;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::Body;
use super::dto::ListOut;
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff as Account;

/// One change of a GP practice's collaboration status.
#[derive(Debug, Serialize, ToSchema)]
pub struct GpStatusChangeOut {
    /// `none`, `in_talks`, `started` or `alternative_agreement`.
    pub status: String,
    pub since: Date,
    pub recorded_by: String,
    pub recorded_at: Timestamp,
}

/// A family worker linked to a partner (kernpartner, GP practice worker) for a period.
#[derive(Debug, Serialize, ToSchema)]
pub struct WorkerLinkOut {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub starts_on: Date,
    /// Set when the link ended.
    pub ends_on: Option<Date>,
}

/// A partner organisation.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartnerOut {
    pub id: i64,
    pub name: String,
    /// The kind's code (`gp_practice`, `primary_school`, ...).
    pub kind: String,
    pub district_ids: Vec<i64>,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub contact_person: String,
    /// Whether the partner is still active (not ended).
    pub active: bool,
    pub ended_on: Option<Date>,
    /// A GP practice's current collaboration status (`null` for other kinds, or none recorded).
    pub gp_status: Option<String>,
    /// A GP practice's status changes, oldest first.
    pub gp_status_history: Vec<GpStatusChangeOut>,
    /// The linked family workers, current links first, ended links after them.
    pub workers: Vec<WorkerLinkOut>,
    /// Whether the caller may change it, record its status and link workers.
    pub may_manage: bool,
}

impl From<PartnerView> for PartnerOut {
    fn from(v: PartnerView) -> Self {
        let p = v.partner;
        Self {
            id: p.id.0,
            gp_status: p.gp_status().map(|s| s.code().to_owned()),
            name: p.fields.name,
            kind: p.kind.code().to_owned(),
            district_ids: p.district_ids.iter().map(|d| d.0).collect(),
            address: p.fields.address,
            phone: p.fields.phone,
            email: p.fields.email,
            contact_person: p.fields.contact_person,
            active: p.fields.ended_on.is_none(),
            ended_on: p.fields.ended_on,
            gp_status_history: p
                .gp_history
                .into_iter()
                .map(|c| GpStatusChangeOut {
                    status: c.status.code().to_owned(),
                    since: c.since,
                    recorded_by: c.recorded_by,
                    recorded_at: c.recorded_at,
                })
                .collect(),
            workers: p
                .workers
                .into_iter()
                .map(|w| WorkerLinkOut {
                    id: w.id,
                    user_id: w.user_id.0,
                    name: w.name,
                    starts_on: w.starts_on,
                    ends_on: w.ends_on,
                })
                .collect(),
            may_manage: v.may_manage,
        }
    }
}

/// The overview's filters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PartnersQuery {
    /// Only partners of this kind (a code; 422 for another value).
    pub kind: Option<String>,
    /// Only partners serving this district.
    #[serde(rename = "districtId", alias = "district_id")]
    pub district_id: Option<i64>,
    /// Words in the name, address, contact person or a linked worker's name.
    pub q: Option<String>,
    /// Also partners that ended (default: only active ones).
    #[serde(rename = "includeEnded", alias = "include_ended")]
    pub include_ended: Option<bool>,
}

type Created = Result<(StatusCode, [(HeaderName, String); 2], Json<PartnerOut>), ApiError>;

fn created(v: PartnerView) -> Created {
    let at = format!("/api/v1/partners/{}", v.partner.id.0);
    Ok((StatusCode::CREATED, [(header::LOCATION, at.clone()), (header::CONTENT_LOCATION, at)], Json(v.into())))
}

/// Add a partner organisation (team managers for districts of their teams, admins for any).
/// `name`, `kind` and `district_ids` are required; the contact fields are optional.
#[utoipa::path(post, path = "/api/v1/partners", tag = "partners", request_body = PartnerInput,
    responses(
        (status = 201, body = PartnerOut, headers(("Location" = String, description = "The partner"))),
        (status = 403, description = "Not a team manager of every district named, nor an admin", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_partner(State(s): State<AppState>, a: Account, body: Body<PartnerInput>) -> Created {
    let Json(input) = body?;
    created(uc::create(&s.app, &a.actor, &input).await?)
}

/// The social map (every staff member): active partners by name, filtered by kind, district
/// and words.
#[utoipa::path(get, path = "/api/v1/partners", tag = "partners", params(PartnersQuery),
    responses(
        (status = 200, body = ListOut<PartnerOut>),
        (status = 404, description = "A portal account", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_partners(
    State(s): State<AppState>,
    a: Account,
    query: Result<Query<PartnersQuery>, QueryRejection>,
) -> Result<Json<ListOut<PartnerOut>>, ApiError> {
    let Query(q) = query?;
    let query = uc::ListQuery { kind: q.kind, district_id: q.district_id, q: q.q, include_ended: q.include_ended };
    let items = uc::list(&s.app, &a.actor, &query).await?;
    Ok(Json(ListOut { items: items.into_iter().map(Into::into).collect() }))
}

/// One partner with its GP status history and its worker links.
#[utoipa::path(get, path = "/api/v1/partners/{id}", tag = "partners", params(("id" = i64, Path)),
    responses(
        (status = 200, body = PartnerOut),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_partner(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
) -> Result<Json<PartnerOut>, ApiError> {
    Ok(Json(uc::get(&s.app, &a.actor, PartnerId(id)).await?.into()))
}

/// Change a partner: contact details, districts, `ended_on`, the linked workers (`worker_ids`:
/// the workers linked from now on). Fields left out stay as they are.
#[utoipa::path(patch, path = "/api/v1/partners/{id}", tag = "partners", params(("id" = i64, Path)),
    request_body = PartnerChange,
    responses(
        (status = 200, body = PartnerOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn change_partner(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<PartnerChange>,
) -> Result<Json<PartnerOut>, ApiError> {
    let Json(input) = body?;
    Ok(Json(uc::change(&s.app, &a.actor, PartnerId(id), &input).await?.into()))
}

/// Record a GP practice's change of collaboration status: `since` not in the future and not
/// before the previous change. Any other kind of partner: 422.
#[utoipa::path(post, path = "/api/v1/partners/{id}/gp-status", tag = "partners", params(("id" = i64, Path)),
    request_body = GpStatusInput,
    responses(
        (status = 201, body = PartnerOut, headers(("Location" = String, description = "The partner"))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a GP practice, or a date out of order", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn record_gp_status(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<GpStatusInput>,
) -> Created {
    let Json(input) = body?;
    created(uc::record_gp_status(&s.app, &a.actor, PartnerId(id), &input).await?)
}
