//! Referrals from partners (issue 15 part 3; decision 0041): `POST` and `GET
//! /api/v1/partner-referrals`, for partner organisations' accounts only.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use buurtteam_app::partner_referrals::{self as uc, PartnerReferralInput, SubmittedReferral};
use jiff::civil::Date;
use serde::Serialize;
use utoipa::ToSchema;

use super::Body;
use super::dto::ListOut;
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff as Account;

/// A referral as the partner that made it sees it: its id and its status, never the file.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartnerReferralOut {
    pub id: i64,
    /// `YYYY-MM-DD`: the day the referral was submitted.
    #[schema(value_type = String, format = Date)]
    pub referred_on: Date,
    /// The status in Dutch words: "ontvangen", "kennismaking gepland op 7 december 2026",
    /// "kennismaking gehouden", "in begeleiding" or "afgesloten".
    pub status: String,
    /// The status as a code: `received`, `intake_planned`, `intake_held`, `in_support`, `closed`.
    pub status_code: String,
    /// With `intake_planned`: the day of the intake.
    #[schema(value_type = Option<String>, format = Date)]
    pub intake_planned_on: Option<Date>,
}

impl From<SubmittedReferral> for PartnerReferralOut {
    fn from(r: SubmittedReferral) -> Self {
        let planned = match r.status {
            buurtteam_domain::partner_referrals::ReferralStatus::IntakePlanned(d) => Some(d),
            _ => None,
        };
        Self {
            id: r.id.0,
            referred_on: r.referred_on,
            status: r.status.words(),
            status_code: r.status.code().to_owned(),
            intake_planned_on: planned,
        }
    }
}

/// Refer a family (a partner organisation's account only): the new household, the clients
/// among its members, the request and life domains, and the family's consent (`consent_by`,
/// `consent_on`), without which nothing is saved. The case goes to the team of the
/// household's district, with the source following the partner's kind and the partner as
/// referrer. The district follows from the postcode; where no postcode area holds it,
/// `district_id` is required (422 `district_required_no_area` on `district_id`), and where one
/// does, another `district_id` is refused (`district_follows_postcode`; decision 0041).
#[utoipa::path(post, path = "/api/v1/partner-referrals", tag = "partner-referrals", request_body = PartnerReferralInput,
    responses(
        (status = 201, body = PartnerReferralOut),
        (status = 403, description = "Not a partner account, or the partner has ended", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "A portal account", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn submit_partner_referral(
    State(s): State<AppState>,
    a: Account,
    body: Body<PartnerReferralInput>,
) -> Result<(StatusCode, Json<PartnerReferralOut>), ApiError> {
    let Json(input) = body?;
    Ok((StatusCode::CREATED, Json(uc::submit(&s.app, &a.actor, &input).await?.into())))
}

/// The referrals of the account's own partner organisation, newest first, each with its
/// status in words; nothing of the file, the plan or the contacts.
#[utoipa::path(get, path = "/api/v1/partner-referrals", tag = "partner-referrals",
    responses(
        (status = 200, body = ListOut<PartnerReferralOut>),
        (status = 403, description = "Not a partner account", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "A portal account", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_partner_referrals(
    State(s): State<AppState>,
    a: Account,
) -> Result<Json<ListOut<PartnerReferralOut>>, ApiError> {
    let items = uc::list(&s.app, &a.actor).await?;
    Ok(Json(ListOut { items: items.into_iter().map(Into::into).collect() }))
}
