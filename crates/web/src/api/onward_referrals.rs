//! Onward referrals of a case to a partner (inzet aanvullende hulp; issue 15 part 2, decision
//! 0040): recorded and kept up by the case's team as a contact is; read as the file is, logged.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderName, StatusCode, header};
use buurtteam_app::onward_referrals::{self as uc, OnwardReferralChange, OnwardReferralInput};
use buurtteam_domain::ids::{CaseId, OnwardReferralId};
use buurtteam_store::onward_referrals::OnwardReferral;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use utoipa::ToSchema;

use super::Body;
use super::dto::ListOut;
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff;

/// An onward referral of a case to a partner organisation.
#[derive(Debug, Serialize, ToSchema)]
pub struct OnwardReferralOut {
    pub id: i64,
    pub case_id: i64,
    pub partner_id: i64,
    pub partner_name: String,
    /// The partner's kind (`safety_team`, `debt_services`, ...).
    pub partner_kind: String,
    /// `specialist_youth_care`, `intensive_voluntary_help`, `debt_assistance`,
    /// `adult_mental_health`, `work_and_income` or `community`.
    pub kind: String,
    pub referred_on: Date,
    pub started_on: Option<Date>,
    pub ended_on: Option<Date>,
    /// `completed`, `stopped_early`, `not_started` or `referred_further` (only once ended).
    pub outcome: Option<String>,
    /// The worker who coordinates (the case's family worker by default).
    pub coordinator_id: Option<i64>,
    pub coordinator_name: Option<String>,
    /// The household members it is for.
    pub client_ids: Vec<i64>,
    /// The life domains it is about.
    pub life_domains: Vec<String>,
    pub recorded_by: i64,
    pub recorded_at: Timestamp,
    pub updated_at: Timestamp,
    /// Changes so far plus one; send it back with a change to get a 409 on a stale copy.
    pub version: i32,
}

impl From<OnwardReferral> for OnwardReferralOut {
    fn from(o: OnwardReferral) -> Self {
        Self {
            id: o.id.0,
            case_id: o.case_id.0,
            partner_id: o.partner_id.0,
            partner_name: o.partner_name,
            partner_kind: o.partner_kind.code().to_owned(),
            kind: o.kind.code().to_owned(),
            referred_on: o.referred_on,
            started_on: o.started_on,
            ended_on: o.ended_on,
            outcome: o.outcome.map(|x| x.code().to_owned()),
            coordinator_id: o.coordinator_id.map(|u| u.0),
            coordinator_name: o.coordinator_name,
            client_ids: o.client_ids.iter().map(|p| p.0).collect(),
            life_domains: o.life_domains.iter().map(|d| d.code().to_owned()).collect(),
            recorded_by: o.recorded_by.0,
            recorded_at: o.recorded_at,
            updated_at: o.updated_at,
            version: o.version,
        }
    }
}

type Created = Result<(StatusCode, [(HeaderName, String); 1], Json<OnwardReferralOut>), ApiError>;

/// Refer the family on to a partner (inzet aanvullende hulp): `partner_id` (an active partner
/// of a kind that fits `kind`), `kind`, `client_ids` (household members), `referred_on` (not in
/// the future, not before the case's referral); optional `life_domains` and `coordinator` (the
/// case's family worker by default). The case's team only; a closed case: 409.
#[utoipa::path(post, path = "/api/v1/cases/{id}/onward-referrals", tag = "cases", params(("id" = i64, Path)),
    request_body = OnwardReferralInput,
    responses(
        (status = 201, body = OnwardReferralOut, headers(("Location" = String, description = "The onward referral"))),
        (status = 403, description = "Under an emergency grant", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is closed", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn record_onward_referral(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<OnwardReferralInput>,
) -> Created {
    let Json(input) = body?;
    let o = uc::record(&s.app, &staff.actor, CaseId(id), &input).await?;
    let at = format!("/api/v1/onward-referrals/{}", o.id.0);
    Ok((StatusCode::CREATED, [(header::LOCATION, at)], Json(o.into())))
}

/// The onward referrals of a case, most recent referral first. Logged in the audit log.
#[utoipa::path(get, path = "/api/v1/cases/{id}/onward-referrals", tag = "cases", params(("id" = i64, Path)),
    responses(
        (status = 200, body = ListOut<OnwardReferralOut>),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_onward_referrals(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Json<ListOut<OnwardReferralOut>>, ApiError> {
    let items = uc::of_case(&s.app, &staff.actor, CaseId(id)).await?;
    Ok(Json(ListOut { items: items.into_iter().map(Into::into).collect() }))
}

/// Keep an onward referral up: `started_on`, `ended_on`, `outcome` (only with `ended_on`),
/// `coordinator_id` (an active family worker or team manager of the case's team, else a 422 on
/// the field). A field left out stays as it is; `""` clears a date or the outcome. With
/// `version`, a stale copy is a 409.
#[utoipa::path(patch, path = "/api/v1/onward-referrals/{id}", tag = "cases", params(("id" = i64, Path)),
    request_body = OnwardReferralChange,
    responses(
        (status = 200, body = OnwardReferralOut),
        (status = 403, description = "Under an emergency grant", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Changed meanwhile", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn change_onward_referral(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<OnwardReferralChange>,
) -> Result<Json<OnwardReferralOut>, ApiError> {
    let Json(input) = body?;
    Ok(Json(uc::change(&s.app, &staff.actor, OnwardReferralId(id), &input).await?.into()))
}
