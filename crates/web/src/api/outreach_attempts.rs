//! Attempts to reach a campaign address and the campaign's funnel (issue 16, decision 0034).
//! Who may do what is `domain::policy::outreach` (docs/access.md).

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderName, StatusCode, header};
use buurtteam_app::outreach_attempts::{self as uc, AttemptInput, AttemptRecorded};
use buurtteam_domain::ids::DistrictId;
use buurtteam_domain::outreach_funnel::{Funnel, Stages};
use serde::Serialize;
use utoipa::ToSchema;

use super::Body;
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff as Account;

/// What an attempt led to.
#[derive(Debug, Serialize, ToSchema)]
pub struct AttemptOut {
    pub id: i64,
    pub address_id: i64,
    pub campaign_id: i64,
    /// The address's status after the attempt: `open`, `unreachable`, `reached`, `offer_made`,
    /// `declined` or `accepted` (the furthest stage reached).
    pub status: String,
    /// The referral an accepted offer created (on the team's worklist, source `outreach`).
    pub case_id: Option<i64>,
}

impl From<AttemptRecorded> for AttemptOut {
    fn from(a: AttemptRecorded) -> Self {
        Self {
            id: a.id,
            address_id: a.address_id,
            campaign_id: a.campaign_id,
            status: a.status.code().into(),
            case_id: a.case_id.map(|c| c.0),
        }
    }
}

/// The stages of a funnel, each counting the addresses that got at least that far, with the
/// rates (percent of `addresses`, one decimal; null without addresses).
#[derive(Debug, Serialize, ToSchema)]
pub struct StagesOut {
    pub addresses: u64,
    pub reached: u64,
    pub offer_made: u64,
    pub accepted: u64,
    pub declined: u64,
    pub unreachable: u64,
    pub reached_rate: Option<f64>,
    pub offer_rate: Option<f64>,
    pub accepted_rate: Option<f64>,
    pub declined_rate: Option<f64>,
    pub unreachable_rate: Option<f64>,
}

impl From<Stages> for StagesOut {
    fn from(s: Stages) -> Self {
        Self {
            addresses: s.addresses,
            reached: s.reached,
            offer_made: s.offer_made,
            accepted: s.accepted,
            declined: s.declined,
            unreachable: s.unreachable,
            reached_rate: s.rate(s.reached),
            offer_rate: s.rate(s.offer_made),
            accepted_rate: s.rate(s.accepted),
            declined_rate: s.rate(s.declined),
            unreachable_rate: s.rate(s.unreachable),
        }
    }
}

/// A campaign's funnel: the totals, by approach (the approach of the attempt that brought an
/// address to its status), by district id, and declined addresses by reason.
#[derive(Debug, Serialize, ToSchema)]
pub struct FunnelOut {
    pub campaign_id: i64,
    #[serde(flatten)]
    pub total: StagesOut,
    pub by_approach: BTreeMap<String, StagesOut>,
    pub by_district: BTreeMap<String, StagesOut>,
    pub declined_by_reason: BTreeMap<String, u64>,
}

impl FunnelOut {
    fn new(campaign_id: i64, f: Funnel<DistrictId>) -> Self {
        Self {
            campaign_id,
            total: f.total.into(),
            by_approach: f.by_approach.into_iter().map(|(k, v)| (k.code().to_owned(), v.into())).collect(),
            by_district: f.by_district.into_iter().map(|(k, v)| (k.0.to_string(), v.into())).collect(),
            declined_by_reason: f.declined_by_reason.into_iter().map(|(k, v)| (k.code().to_owned(), v)).collect(),
        }
    }
}

type Created = Result<(StatusCode, [(HeaderName, String); 1], Json<AttemptOut>), ApiError>;

/// Record an attempt to reach a campaign address (its outreach workers, the team managers of
/// its districts). `approach`: `house_visit`, `phone`, `letter`, `flyer`, `phone_and_flyer`,
/// `e_mail`; `result`: `not_home`, `no_answer`, `wrong_number`, `spoken`, `offer_made`,
/// `accepted`, `declined` (with `decline_reason`: `lawyer`, `tax_office_arrangement`,
/// `no_question_after_compensation`, `no_trust`, `already_helped`, `other` — `other` with
/// `decline_detail`), `unreachable`. After `--outreach-unreachable-after` fruitless attempts an
/// address never reached becomes `unreachable`. `accepted` creates the referral in the same
/// transaction and answers with its `case_id`; an address not known to a team needs the
/// `birth_date` of the person who accepted.
#[utoipa::path(post, path = "/api/v1/campaign-addresses/{id}/attempts", tag = "outreach", params(("id" = i64, Path)),
    request_body = AttemptInput,
    responses(
        (status = 201, body = AttemptOut),
        (status = 403, description = "Not an outreach worker of the campaign nor a team manager of its districts", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Accepted already, or the signal data were destroyed", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn record_attempt(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<AttemptInput>,
) -> Created {
    let Json(input) = body?;
    let out = uc::record_attempt(&s.app, &a.actor, id, &input).await?;
    let at = format!("/api/v1/campaign-addresses/{id}/attempts");
    Ok((StatusCode::CREATED, [(header::LOCATION, at)], Json(out.into())))
}

/// A campaign's funnel (counts only): for its outreach workers, the team managers of its
/// districts and analysts.
#[utoipa::path(get, path = "/api/v1/campaigns/{id}/funnel", tag = "outreach", params(("id" = i64, Path)),
    responses(
        (status = 200, body = FunnelOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn funnel(State(s): State<AppState>, a: Account, Path(id): Path<i64>) -> Result<Json<FunnelOut>, ApiError> {
    Ok(Json(FunnelOut::new(id, uc::funnel(&s.app, &a.actor, id).await?)))
}
