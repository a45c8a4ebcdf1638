//! The family plan and Mijn Buurtteam: goals, actions, scores, evaluations, working notes,
//! appointments, agreement, versions, invitations into the portal and onto goals, the plan
//! as a portal account may see it, and the access log.
//!
//! Staff and portal accounts use the same session; what each may do is decided by
//! `buurtteam_domain::policy::plan` in the use cases (403, or 404 where even existence is private).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use buurtteam_app::plan::{
    self as uc, ActionInput, ActionPatch, ActivateInput, AgreementInput, AppointmentInput, ClientInput,
    EvaluationInput, GoalInput, GoalPatch, NetworkInvitationInput, PortalInvitationInput, ProposalDecision,
    ProposalInput, ScoreInput, TextInput,
};
use buurtteam_domain::ids::{CaseId, GoalActionId, GoalId, NetworkInvitationId, ProposalId};
use serde::Serialize;

pub mod dto;

use super::Body;
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::{ClientAddr, Staff as Account};
use dto::into_all;
pub use dto::{
    AccessOut, ActionOut, AgreementOut, AppointmentOut, EvaluationOut, GoalOut, PlanOut, ScoreOut, VersionOut,
    WorkingNoteOut,
};

type Created<T> = Result<(StatusCode, Json<T>), ApiError>;

fn created<T>(v: T) -> Created<T> {
    Ok((StatusCode::CREATED, Json(v)))
}

/// Add a goal to the plan of a case (staff of its team).
#[utoipa::path(post, path = "/api/v1/cases/{id}/goals", tag = "plan", params(("id" = i64, Path)), request_body = GoalInput,
    responses((status = 201, body = GoalOut), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn add_goal(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<GoalInput>,
) -> Created<GoalOut> {
    let Json(input) = body?;
    created(uc::add_goal(&s.app, &a.actor, CaseId(id), &input).await?.into())
}

/// Change a goal. Staff change any field; a client of 16 or older may only set `shared` on
/// their own goal (other portal changes go through a proposal).
#[utoipa::path(patch, path = "/api/v1/goals/{id}", tag = "plan", params(("id" = i64, Path)), request_body = GoalPatch,
    responses((status = 200, body = GoalOut), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn change_goal(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<GoalPatch>,
) -> Result<Json<GoalOut>, ApiError> {
    let Json(input) = body?;
    Ok(Json(uc::change_goal(&s.app, &a.actor, GoalId(id), &input).await?.into()))
}

/// Record a self-sufficiency score (1 acute problems … 5 fully self-sufficient).
#[utoipa::path(post, path = "/api/v1/goals/{id}/scores", tag = "plan", params(("id" = i64, Path)), request_body = ScoreInput,
    responses((status = 201, body = ScoreOut), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn add_score(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<ScoreInput>,
) -> Created<ScoreOut> {
    let Json(input) = body?;
    created(uc::add_score(&s.app, &a.actor, GoalId(id), &input).await?.into())
}

/// Add an action under a goal: what, who, by when.
#[utoipa::path(post, path = "/api/v1/goals/{id}/actions", tag = "plan", params(("id" = i64, Path)), request_body = ActionInput,
    responses((status = 201, body = ActionOut), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn add_action(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<ActionInput>,
) -> Created<ActionOut> {
    let Json(input) = body?;
    created(uc::add_action(&s.app, &a.actor, GoalId(id), &input).await?.into())
}

/// Mark an action done (`{"done": true}`) or open again. Portal accounts: only their own actions.
#[utoipa::path(patch, path = "/api/v1/actions/{id}", tag = "plan", params(("id" = i64, Path)), request_body = ActionPatch,
    responses((status = 200, body = ActionOut), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn set_action_done(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<ActionPatch>,
) -> Result<Json<ActionOut>, ApiError> {
    let Json(input) = body?;
    Ok(Json(uc::set_action_done(&s.app, &a.actor, GoalActionId(id), &input).await?.into()))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct IdOut {
    pub id: i64,
}

/// Comment on a goal (staff, family members and invited network members who see it).
#[utoipa::path(post, path = "/api/v1/goals/{id}/comments", tag = "plan", params(("id" = i64, Path)), request_body = TextInput,
    responses((status = 201, body = IdOut), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn comment(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<TextInput>,
) -> Created<IdOut> {
    let Json(input) = body?;
    created(IdOut { id: uc::comment(&s.app, &a.actor, GoalId(id), &input).await? })
}

/// Propose new words for a goal (portal); the family worker accepts or declines.
#[utoipa::path(post, path = "/api/v1/goals/{id}/proposals", tag = "plan", params(("id" = i64, Path)), request_body = ProposalInput,
    responses((status = 201, body = IdOut), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn propose(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<ProposalInput>,
) -> Created<IdOut> {
    let Json(input) = body?;
    created(IdOut { id: uc::propose(&s.app, &a.actor, GoalId(id), &input).await?.0 })
}

/// Accept (`{"accept": true}`) or decline a proposed change (staff of the team).
#[utoipa::path(post, path = "/api/v1/proposals/{id}/decision", tag = "plan", params(("id" = i64, Path)), request_body = ProposalDecision,
    responses((status = 200, body = GoalOut), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json")))]
pub async fn decide_proposal(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<ProposalDecision>,
) -> Result<Json<GoalOut>, ApiError> {
    let Json(input) = body?;
    Ok(Json(uc::decide_proposal(&s.app, &a.actor, ProposalId(id), &input).await?.into()))
}

/// Record an evaluation with scores per goal; `next_on` appears on the worklist.
#[utoipa::path(post, path = "/api/v1/cases/{id}/evaluations", tag = "plan", params(("id" = i64, Path)), request_body = EvaluationInput,
    responses((status = 201, body = EvaluationOut), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn record_evaluation(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<EvaluationInput>,
) -> Created<EvaluationOut> {
    let Json(input) = body?;
    created(uc::record_evaluation(&s.app, &a.actor, CaseId(id), &input).await?.into())
}

/// Add a working note (werkaantekening). Staff of the team only; never shown in the portal.
#[utoipa::path(post, path = "/api/v1/cases/{id}/working-notes", tag = "plan", params(("id" = i64, Path)), request_body = TextInput,
    responses((status = 201, body = IdOut), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn add_working_note(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<TextInput>,
) -> Created<IdOut> {
    let Json(input) = body?;
    created(IdOut { id: uc::add_working_note(&s.app, &a.actor, CaseId(id), &input).await? })
}

/// The working notes of a case, newest first (staff of the team only).
#[utoipa::path(get, path = "/api/v1/cases/{id}/working-notes", tag = "plan", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<WorkingNoteOut>), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn working_notes(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
) -> Result<Json<Vec<WorkingNoteOut>>, ApiError> {
    Ok(Json(into_all(uc::working_notes(&s.app, &a.actor, CaseId(id)).await?)))
}

/// Plan an appointment the family sees in the portal.
#[utoipa::path(post, path = "/api/v1/cases/{id}/appointments", tag = "plan", params(("id" = i64, Path)), request_body = AppointmentInput,
    responses((status = 201, body = AppointmentOut), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn plan_appointment(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<AppointmentInput>,
) -> Created<AppointmentOut> {
    let Json(input) = body?;
    created(uc::plan_appointment(&s.app, &a.actor, CaseId(id), &input).await?.into())
}

/// Record agreement to the current version of the plan on behalf of a household member (staff).
#[utoipa::path(post, path = "/api/v1/cases/{id}/agreements", tag = "plan", params(("id" = i64, Path)), request_body = AgreementInput,
    responses((status = 201, body = AgreementOut), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The plan has no goals yet", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn agree(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<AgreementInput>,
) -> Created<AgreementOut> {
    let Json(input) = body?;
    created(uc::agree(&s.app, &a.actor, CaseId(id), &input).await?.into())
}

/// Make a household member a client of the case ("Ook cliënt maken"), e.g. a teenager a goal
/// was written about: their goals then follow the portal's age rules (docs/access.md). Staff of
/// the team; logged as `case.client_added`; a client already is left as is.
#[utoipa::path(post, path = "/api/v1/cases/{id}/clients", tag = "plan", params(("id" = i64, Path)), request_body = ClientInput,
    responses((status = 204, description = "The member is a client of the case"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is closed", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn make_client(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<ClientInput>,
) -> Result<StatusCode, ApiError> {
    let Json(input) = body?;
    uc::make_client(&s.app, &a.actor, CaseId(id), &input).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The plan of a case for staff of its team. Logged in the access log.
#[utoipa::path(get, path = "/api/v1/cases/{id}/plan", tag = "plan", params(("id" = i64, Path)),
    responses((status = 200, body = PlanOut), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn staff_plan(State(s): State<AppState>, a: Account, Path(id): Path<i64>) -> Result<Json<PlanOut>, ApiError> {
    Ok(Json(uc::staff_plan(&s.app, &a.actor, CaseId(id)).await?.into()))
}

/// Every version of the plan: who changed what, when, with the state before and after.
#[utoipa::path(get, path = "/api/v1/cases/{id}/plan/versions", tag = "plan", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<VersionOut>), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn history(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
) -> Result<Json<Vec<VersionOut>>, ApiError> {
    Ok(Json(into_all(uc::history(&s.app, &a.actor, CaseId(id)).await?)))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CodeOut {
    /// The one-time code to hand over; it is shown once and stored only as a hash.
    pub code: String,
}

/// Invite a household member of 12 or older into Mijn Buurtteam; returns the one-time code.
#[utoipa::path(post, path = "/api/v1/cases/{id}/portal-invitations", tag = "portal", params(("id" = i64, Path)),
    request_body = PortalInvitationInput,
    responses((status = 201, body = CodeOut), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not in the household, or under 12", body = Problem, content_type = "application/problem+json")))]
pub async fn invite_to_portal(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<PortalInvitationInput>,
) -> Created<CodeOut> {
    let Json(input) = body?;
    created(CodeOut { code: uc::invite_to_portal(&s.app, &a.actor, CaseId(id), &input).await? })
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct InvitationOut {
    pub id: i64,
    pub code: String,
}

/// Invite a network member (belangrijke ander) onto one goal; returns its id and one-time code.
#[utoipa::path(post, path = "/api/v1/goals/{id}/network-invitations", tag = "portal", params(("id" = i64, Path)),
    request_body = NetworkInvitationInput,
    responses((status = 201, body = InvitationOut), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn invite_network(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<NetworkInvitationInput>,
) -> Created<InvitationOut> {
    let Json(input) = body?;
    let (id, code) = uc::invite_network(&s.app, &a.actor, GoalId(id), &input).await?;
    created(InvitationOut { id: id.0, code })
}

/// Revoke a network invitation (the inviter or staff of the team); it takes effect at once.
#[utoipa::path(delete, path = "/api/v1/network-invitations/{id}", tag = "portal", params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn revoke_network(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    uc::revoke_network(&s.app, &a.actor, NetworkInvitationId(id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The answer to an activation: the same whether the e-mail address was new or already had an
/// account, so that it tells nobody which.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ActivatedOut {
    /// Where to go next: log in with the e-mail address and password just sent.
    pub next: &'static str,
}

/// Activate a portal account with a one-time code; then log in through `/api/v1/auth/login`.
/// A new e-mail address gets an account. An address that has one takes the invitation on only
/// with that account's own password; otherwise nothing is attached. The answer (201, the same
/// body) does not say which, and the code is used up either way. Failed attempts are held off
/// per code and per address (429 with `Retry-After`).
#[utoipa::path(post, path = "/api/v1/portal/activate", tag = "portal", request_body = ActivateInput,
    responses(
        (status = 201, body = ActivatedOut),
        (status = 422, description = "A field is refused: `invalid_code` (unknown, used or expired), an e-mail address, or the password rules", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed activations with this code or from this address", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn activate(
    State(s): State<AppState>,
    ClientAddr(client): ClientAddr,
    body: Body<ActivateInput>,
) -> Created<ActivatedOut> {
    let Json(input) = body?;
    uc::activate(&s.app, &input, client).await?;
    created(ActivatedOut { next: "/api/v1/auth/login" })
}

/// The plan as the logged-in family or network member may see it. Logged in the access log.
#[utoipa::path(get, path = "/api/v1/portal/plan", tag = "portal",
    responses((status = 200, body = PlanOut), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn portal_plan(State(s): State<AppState>, a: Account) -> Result<Json<PlanOut>, ApiError> {
    Ok(Json(uc::portal_plan(&s.app, &a.actor).await?.into()))
}

/// Agree to the current version of the plan (family member, for themselves).
#[utoipa::path(post, path = "/api/v1/portal/agreement", tag = "portal",
    responses((status = 201, body = AgreementOut), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn portal_agree(State(s): State<AppState>, a: Account) -> Created<AgreementOut> {
    created(uc::portal_agree(&s.app, &a.actor).await?.into())
}

/// Who looked at the family member's file and when (not their own reads; never rows about
/// goals they may not see).
#[utoipa::path(get, path = "/api/v1/portal/access-log", tag = "portal",
    responses((status = 200, body = Vec<AccessOut>), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn portal_access_log(State(s): State<AppState>, a: Account) -> Result<Json<Vec<AccessOut>>, ApiError> {
    Ok(Json(into_all(uc::portal_access_log(&s.app, &a.actor).await?)))
}

/// The access log of a case, newest first (team managers of its team).
#[utoipa::path(get, path = "/api/v1/cases/{id}/access-log", tag = "plan", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<AccessOut>), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn case_access_log(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
) -> Result<Json<Vec<AccessOut>>, ApiError> {
    Ok(Json(into_all(uc::case_access_log(&s.app, &a.actor, CaseId(id)).await?)))
}
