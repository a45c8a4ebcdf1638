//! Steering KPIs.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use buurtteam_app::kpis::{self as uc, KpiInput};
use buurtteam_domain::kpi::Report;
use buurtteam_store::kpi::Scope;
use serde::Serialize;

use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff;

/// The KPIs of a period, with the same figures for the period of equal length before it.
/// Every figure is defined in docs/kpi.md. Counts are numbers, or the string `"<5"` where
/// small counts are suppressed for the reader; percentages are 0-100 with one decimal, and
/// `null` where there is nothing to divide by.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct KpisOut {
    /// `city`, `team` or `district`.
    pub scope: &'static str,
    pub team_id: Option<i64>,
    pub district_id: Option<i64>,
    /// The figures of the period: `from`, `to`, `referrals`, `intakes_held`,
    /// `intake_within_5_working_days_pct`, `intake_within_5_working_days_pct_excl_requested`,
    /// `intake_mean_days`, `start_within_2_weeks_pct`, `start_within_4_weeks_pct`,
    /// `active_cases`, `waiting_list`, `closures_by_reason` and the breakdowns; staff absence
    /// and capacity (decision 0036): `absence_pct` (absent over available contract hours,
    /// 0-100), `absence_target_pct` (the organisation's target, 7 by default),
    /// `absence_above_target`, `absence_frequency_per_year` (spells started per person per
    /// year), `long_absence_spells` (spells of more than 6 weeks), `absence_people`,
    /// `family_worker_fte`, `caseload_per_fte` (open cases per FTE of the family workers) and
    /// `absence_by_month` (`from`, `to` and the same figures per calendar month). For readers
    /// of suppressed figures every absence figure of a cell counting fewer than 5 people is
    /// `"<5"`. The absence fields are left out for a reader the absence policy does not let
    /// read them: family workers, and team managers beyond their own teams. Onward referrals
    /// (decision 0040) under `onward_referrals`: `referrals`, `by_kind`, `by_district`,
    /// `closures_with_onward_referral` and `closures_with_onward_referral_pct`. Partners (issue
    /// 15), on the period's last day, never suppressed (they count organisations):
    /// `gp_practices_started_pct` (GP practices `started` or `alternative_agreement` over the
    /// active practices serving the scope, 0-100), `gp_practices_target_pct` (60 by default),
    /// `gp_practices` (`practices`, `none`, `in_talks`, `started`, `alternative_agreement`,
    /// `started_pct`, `below_target`), `gp_practices_by_district` (the same per district with
    /// `district_id` and `name`), `early_education_locations`,
    /// `early_education_locations_linked` and `early_education_linked_pct`;
    /// `referrals_by_partner_kind` (referrals submitted by partner accounts, by the partner's
    /// kind; people, so suppressed like the other breakdowns).
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub current: Report,
    /// The same figures for the period of equal length that ends the day before `from`.
    #[schema(value_type = Object)]
    pub previous: Report,
}

/// Steering KPIs of a period for the city, one district (`district_id`: the households living
/// there) or one team (`team_id`). Family workers: their own teams; team managers: their own
/// teams exactly, the rest with counts below 5 suppressed; analysts: everything, suppressed.
/// Logged in the audit log as `kpi.read`.
#[utoipa::path(get, path = "/api/v1/kpis", tag = "kpis", params(KpiInput),
    responses(
        (status = 200, body = KpisOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter is invalid: `errors` names it", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn read_kpis(
    State(s): State<AppState>,
    staff: Staff,
    query: Result<Query<KpiInput>, QueryRejection>,
) -> Result<Json<KpisOut>, ApiError> {
    let Query(input) = query?;
    let view = uc::read(&s.app, &staff.actor, &input).await?;
    let (scope, team_id, district_id) = match view.scope {
        Scope::City => ("city", None, None),
        Scope::Team(t) => ("team", Some(t.0), None),
        Scope::District(d) => ("district", None, Some(d.0)),
    };
    Ok(Json(KpisOut { scope, team_id, district_id, current: view.current, previous: view.previous }))
}
