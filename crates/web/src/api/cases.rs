//! Cases: referral, worklist, the lifecycle steps, and contact moments.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderName, StatusCode, header};
use buurtteam_app::cases::{
    self as uc, AssignInput, CloseInput, ContactCorrectionInput, ContactInput, CorrectionInput, IntakeInput, ListInput,
    MemberReachInput, ReferralInput, ReopenInput, StartInput,
};
use buurtteam_domain::ids::CaseId;

use super::Body;
use super::dto::{CaseListOut, CaseOut, ContactOut, ListOut, PersonOut};
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff;

/// Register a referral (aanmelding): opens a case in state `referred`, with `intake_due_on`
/// the 5th working day after `referred_on`.
#[utoipa::path(post, path = "/api/v1/cases", tag = "cases", request_body = ReferralInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "Retries with the same key return the first result")),
    responses(
        (status = 201, body = CaseOut, headers(("Location" = String, description = "The new case"))),
        (status = 403, description = "Not a team of yours", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn register_referral(
    State(s): State<AppState>,
    staff: Staff,
    body: Body<ReferralInput>,
) -> Result<(StatusCode, [(HeaderName, String); 2], Json<CaseOut>), ApiError> {
    let Json(input) = body?;
    let view = uc::register_referral(&s.app, &staff.actor, &input).await?;
    let at = case_uri(view.case.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, at.clone()), (header::CONTENT_LOCATION, at)], Json(view.into())))
}

/// Where a case is read; a step's answer is that read (`Content-Location`), which an
/// idempotent retry reads again.
fn case_uri(id: CaseId) -> String {
    format!("/api/v1/cases/{}", id.0)
}

/// A step's answer: the case as `GET` on it shows it.
pub(super) type Step = Result<([(HeaderName, String); 1], Json<CaseOut>), ApiError>;

pub(super) fn step(view: uc::CaseView) -> Step {
    Ok(([(header::CONTENT_LOCATION, case_uri(view.case.id))], Json(view.into())))
}

/// The worklist: cases of your teams, earliest deadline first, paginated.
#[utoipa::path(get, path = "/api/v1/cases", tag = "cases", params(ListInput),
    responses((status = 200, body = CaseListOut), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn list_cases(
    State(s): State<AppState>,
    staff: Staff,
    query: Result<Query<ListInput>, QueryRejection>,
) -> Result<Json<CaseListOut>, ApiError> {
    let Query(input) = query?;
    Ok(Json(uc::list(&s.app, &staff.actor, &input).await?.into()))
}

/// Open a case file. Logged in the audit log.
#[utoipa::path(get, path = "/api/v1/cases/{id}", tag = "cases", params(("id" = i64, Path)),
    responses((status = 200, body = CaseOut), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_case(State(s): State<AppState>, staff: Staff, Path(id): Path<i64>) -> Result<Json<CaseOut>, ApiError> {
    Ok(Json(uc::get(&s.app, &staff.actor, CaseId(id)).await?.into()))
}

/// Record the intake (kennismakingsgesprek): status becomes `intake_held`; the worker carries the case on.
#[utoipa::path(post, path = "/api/v1/cases/{id}/intake", tag = "cases", params(("id" = i64, Path)), request_body = IntakeInput,
    responses(
        (status = 200, body = CaseOut),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not possible in the current state, or dated before the referral", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn hold_intake(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<IntakeInput>,
) -> Step {
    let Json(input) = body?;
    step(uc::hold_intake(&s.app, &staff.actor, CaseId(id), &input).await?)
}

/// Record the start of support: status becomes `in_support`.
#[utoipa::path(post, path = "/api/v1/cases/{id}/start", tag = "cases", params(("id" = i64, Path)), request_body = StartInput,
    responses(
        (status = 200, body = CaseOut),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn start_support(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<StartInput>,
) -> Step {
    let Json(input) = body?;
    step(uc::start_support(&s.app, &staff.actor, CaseId(id), &input).await?)
}

/// Pick up a new referral nobody carries yet ("oppakken"): the caller becomes its worker
/// (`worker_id`), so that colleagues see who phones the family. Picking up one's own again
/// changes nothing.
#[utoipa::path(post, path = "/api/v1/cases/{id}/claim", tag = "cases", params(("id" = i64, Path)),
    responses(
        (status = 200, description = "The case, carried by the caller", body = CaseOut),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Someone else holds it already, or it is past the referral", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn claim_case(State(s): State<AppState>, staff: Staff, Path(id): Path<i64>) -> Step {
    step(uc::claim(&s.app, &staff.actor, CaseId(id)).await?)
}

/// Give an open case to a family worker or team manager of its team (team managers only).
#[utoipa::path(post, path = "/api/v1/cases/{id}/assign", tag = "cases", params(("id" = i64, Path)), request_body = AssignInput,
    responses(
        (status = 200, description = "The case, carried by the worker named", body = CaseOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is closed", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn assign_case(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<AssignInput>,
) -> Step {
    let Json(input) = body?;
    step(uc::assign(&s.app, &staff.actor, CaseId(id), &input).await?)
}

/// Put right a wrongly recorded intake, start or closure date, with a reason. The case takes the
/// new dates (deadlines and KPIs follow); the old ones stay in its history and the audit log.
#[utoipa::path(post, path = "/api/v1/cases/{id}/corrections", tag = "cases", params(("id" = i64, Path)), request_body = CorrectionInput,
    responses(
        (status = 200, description = "The corrected case", body = CaseOut),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A date out of order, not recorded, unchanged, or no reason", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn correct_case(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<CorrectionInput>,
) -> Step {
    let Json(input) = body?;
    step(uc::correct(&s.app, &staff.actor, CaseId(id), &input).await?)
}

/// Put right a contact moment's date, duration or form, with a reason (`contact_id` comes from
/// the path). The old values stay in the case's history and the audit log.
#[utoipa::path(post, path = "/api/v1/cases/{id}/contacts/{contact_id}/corrections", tag = "cases",
    params(("id" = i64, Path), ("contact_id" = i64, Path)), request_body = ContactCorrectionInput,
    responses(
        (status = 200, description = "The corrected contact moment", body = ContactOut),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn correct_contact(
    State(s): State<AppState>,
    staff: Staff,
    Path((id, contact_id)): Path<(i64, i64)>,
    body: Body<ContactCorrectionInput>,
) -> Result<Json<ContactOut>, ApiError> {
    let Json(mut input) = body?;
    input.contact_id = Some(contact_id);
    Ok(Json(uc::correct_contact(&s.app, &staff.actor, CaseId(id), &input).await?.into()))
}

/// Set how to reach a member of the case's household: `phone`, `other_phone` and `email`, all
/// three as given (absent or empty clears one). Logged with the names of the parts changed.
#[utoipa::path(put, path = "/api/v1/cases/{id}/members/{person_id}/reach", tag = "cases",
    params(("id" = i64, Path), ("person_id" = i64, Path)), request_body = MemberReachInput,
    responses(
        (status = 200, description = "The member", body = PersonOut),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn set_member_reach(
    State(s): State<AppState>,
    staff: Staff,
    Path((id, person_id)): Path<(i64, i64)>,
    body: Body<MemberReachInput>,
) -> Result<Json<PersonOut>, ApiError> {
    let Json(mut input) = body?;
    input.person_id = Some(person_id);
    Ok(Json(uc::update_member_reach(&s.app, &staff.actor, CaseId(id), &input).await?.into()))
}

/// Open a closed case again at the last step it reached, with a reason (team managers).
#[utoipa::path(post, path = "/api/v1/cases/{id}/reopen", tag = "cases", params(("id" = i64, Path)), request_body = ReopenInput,
    responses(
        (status = 200, description = "The reopened case", body = CaseOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is not closed", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn reopen_case(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<ReopenInput>,
) -> Step {
    let Json(input) = body?;
    step(uc::reopen(&s.app, &staff.actor, CaseId(id), &input).await?)
}

/// Close a case with a reason (from `referred`, `intake_held` or `in_support`).
#[utoipa::path(post, path = "/api/v1/cases/{id}/close", tag = "cases", params(("id" = i64, Path)), request_body = CloseInput,
    responses(
        (status = 200, body = CaseOut),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Closed already, or dated before the last step", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn close_case(State(s): State<AppState>, staff: Staff, Path(id): Path<i64>, body: Body<CloseInput>) -> Step {
    let Json(input) = body?;
    step(uc::close(&s.app, &staff.actor, CaseId(id), &input).await?)
}

/// Record a contact moment on an open case.
#[utoipa::path(post, path = "/api/v1/cases/{id}/contacts", tag = "cases", params(("id" = i64, Path)), request_body = ContactInput,
    responses(
        (status = 201, body = ContactOut),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn record_contact(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<ContactInput>,
) -> Result<(StatusCode, Json<ContactOut>), ApiError> {
    let Json(input) = body?;
    let c = uc::record_contact(&s.app, &staff.actor, CaseId(id), &input).await?;
    Ok((StatusCode::CREATED, Json(c.into())))
}

/// The contact moments of a case, most recent first. Logged in the audit log.
#[utoipa::path(get, path = "/api/v1/cases/{id}/contacts", tag = "cases", params(("id" = i64, Path)),
    responses((status = 200, body = ListOut<ContactOut>), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn list_contacts(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Json<ListOut<ContactOut>>, ApiError> {
    let items = uc::contacts(&s.app, &staff.actor, CaseId(id)).await?;
    Ok(Json(ListOut { items: items.into_iter().map(Into::into).collect() }))
}
