//! The experience survey's results for the steering (decision 0031).

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use buurtteam_app::survey_results::{self as uc, SurveyResultsInput};
use buurtteam_domain::kpi::{Count, Stat};
use buurtteam_domain::survey::results::{Results, Scope};
use serde::Serialize;

use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff;

/// One team's response rate, a KPI.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TeamRateOut {
    pub team_id: i64,
    pub name: String,
    /// A number, or `"<5"`.
    #[schema(value_type = Object)]
    pub responses: Count,
    #[schema(value_type = Object)]
    pub invitations: Count,
    /// Invitations sent in the period that were answered, as a percentage; `"<5"` when
    /// fewer than 5 answered or did not.
    #[schema(value_type = Object)]
    pub response_rate_pct: Stat,
}

/// The survey results of a period, with the calendar period of the same kind before it and
/// the quarters over time. Counts are numbers or `"<5"` (every figure is suppressed, for
/// every reader: docs/kpi.md, "Experience survey").
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SurveyResultsOut {
    /// `city`, `team` or `district`.
    pub scope: &'static str,
    pub team_id: Option<i64>,
    pub district_id: Option<i64>,
    /// The figures of the period: `from`, `to`, `responses`,
    /// `statements: [{id, text, answered, agree_pct, agree_pct_at_least}]` (`id` is the
    /// statement's key, the same in every questionnaire version), `report_marks`,
    /// `report_mark_mean`, `invitations`, `response_rate_pct`.
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub current: Results,
    /// The same figures for the calendar period of the same kind before it.
    #[schema(value_type = Object)]
    pub previous: Results,
    /// The same figures per calendar quarter: the four quarters up to the period's end.
    #[schema(value_type = Vec<Object>)]
    pub quarters: Vec<Results>,
    /// The response rate of each team of the scope the reader may read.
    pub teams: Vec<TeamRateOut>,
    /// Always true: survey results are suppressed for every reader.
    pub small_counts_suppressed: bool,
}

/// A team's open answers, already stripped of names and numbers, in random order, without
/// date or moment.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OpenAnswersOut {
    pub team_id: i64,
    pub from: String,
    pub to: String,
    #[schema(value_type = Object)]
    pub responses: Count,
    /// True when the team has fewer than 5 responses in a quarter of the period: `answers`
    /// is then empty.
    pub withheld: bool,
    pub answers: Vec<String>,
}

/// Experience survey results of a whole calendar quarter, half year or year that has ended,
/// for the city, a district (`district_id`) or a team (`team_id`): per statement the share
/// that (strongly) agreed, the mean report mark, responses and the response rate. Team
/// managers and analysts: everything; family workers: their own teams. Always with counts
/// below 5 suppressed. Logged as `survey_results.read`.
#[utoipa::path(get, path = "/api/v1/survey-results", tag = "kpis", params(SurveyResultsInput),
    responses(
        (status = 200, body = SurveyResultsOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter is invalid, or the period is not a whole calendar quarter, half year or year that has ended: `errors` names it", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn read_survey_results(
    State(s): State<AppState>,
    staff: Staff,
    query: Result<Query<SurveyResultsInput>, QueryRejection>,
) -> Result<Json<SurveyResultsOut>, ApiError> {
    let Query(input) = query?;
    let view = uc::read(&s.app, &staff.actor, &input, false).await?;
    let (scope, team_id, district_id) = match view.scope {
        Scope::City => ("city", None, None),
        Scope::Team(t) => ("team", Some(t.0), None),
        Scope::District(d) => ("district", None, Some(d.0)),
    };
    let teams = view
        .teams
        .into_iter()
        .map(|t| TeamRateOut {
            team_id: t.team_id.0,
            name: t.name,
            responses: t.responses,
            invitations: t.invitations,
            response_rate_pct: t.response_rate_pct,
        })
        .collect();
    Ok(Json(SurveyResultsOut {
        scope,
        team_id,
        district_id,
        current: view.current,
        previous: view.previous,
        quarters: view.quarters,
        teams,
        small_counts_suppressed: true,
    }))
}

/// The open answers of one team (`team_id`, required) over a whole calendar quarter, half
/// year or year that has ended: for the team's own team managers only, and only when the team
/// has 5 or more responses in every quarter of the period (else `withheld`). Logged as
/// `survey_open_answers.read`.
#[utoipa::path(get, path = "/api/v1/survey-results/open-answers", tag = "kpis", params(SurveyResultsInput),
    responses(
        (status = 200, body = OpenAnswersOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn read_open_answers(
    State(s): State<AppState>,
    staff: Staff,
    query: Result<Query<SurveyResultsInput>, QueryRejection>,
) -> Result<Json<OpenAnswersOut>, ApiError> {
    let Query(input) = query?;
    let out = uc::open_answers(&s.app, &staff.actor, &input).await?;
    Ok(Json(OpenAnswersOut {
        team_id: out.team_id.0,
        from: out.period.from.to_string(),
        to: out.period.to.to_string(),
        responses: out.responses,
        withheld: out.withheld,
        answers: out.answers,
    }))
}
