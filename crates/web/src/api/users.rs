//! Staff accounts (admin only): list, create (with a password, or with a one-time activation
//! code returned once), change, unlock, reset the second factor, a new activation code; and the
//! activation itself, for the member of staff who got the code.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use buurtteam_app::accounts::{self as uc, Account, IssuedCode, StaffActivateInput, UserInput, UserPatch};
use buurtteam_domain::codes::Role;
use buurtteam_domain::ids::UserId;
use jiff::Timestamp;
use serde::Serialize;
use utoipa::ToSchema;

use super::Body;
use super::dto::ListOut;
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::{ClientAddr, Staff};

type Created<T> = Result<(StatusCode, Json<T>), ApiError>;

/// A staff account as an admin sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct AccountOut {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub team_ids: Vec<i64>,
    /// For an account with the role `partner`: its partner organisation (decision 0041).
    pub partner_id: Option<i64>,
    /// Hours per week; absent when never set.
    pub contract_hours: Option<f64>,
    /// A deactivated account cannot log in.
    pub active: bool,
    /// Locked after failed log-ins (from one address or from all), until `locked_until`.
    pub locked: bool,
    pub locked_until: Option<Timestamp>,
    /// Whether the second factor (TOTP) is set up.
    pub second_factor: bool,
    /// Whether the account has a password here (not yet, until its activation code is used).
    pub has_password: bool,
    /// When the account's outstanding activation code expires, if it has one.
    pub activation_code_expires_at: Option<Timestamp>,
}

impl From<&Account> for AccountOut {
    fn from(a: &Account) -> Self {
        let u = &a.user;
        Self {
            id: u.id.0,
            email: u.email.clone(),
            name: u.name.clone(),
            role: u.role,
            team_ids: u.team_ids.iter().map(|t| t.0).collect(),
            partner_id: a.extras.partner_id.map(|p| p.0),
            contract_hours: a.extras.contract_hours_hundredths.map(uc::hours),
            active: u.active,
            locked: a.locked_until.is_some(),
            locked_until: a.locked_until,
            second_factor: u.second_factor,
            has_password: a.extras.has_password,
            activation_code_expires_at: a.extras.activation_code_expires_at,
        }
    }
}

/// A one-time activation code: shown this once, stored only as its hash.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActivationCodeOut {
    /// Hand it to the person; they enter it at `/account/activate` with their e-mail address
    /// and a new password.
    pub code: String,
    pub expires_at: Timestamp,
}

impl From<IssuedCode> for ActivationCodeOut {
    fn from(c: IssuedCode) -> Self {
        Self { code: c.code, expires_at: c.expires_at }
    }
}

/// A new account; with its activation code when it was created without a password.
#[derive(Debug, Serialize, ToSchema)]
pub struct NewAccountOut {
    #[serde(flatten)]
    pub account: AccountOut,
    /// Only when created without a password: returned this once.
    pub activation_code: Option<ActivationCodeOut>,
}

/// Create a staff user with a role, teams and contract hours. Admin only. Without a
/// `password` the account gets none and a one-time activation code (valid 7 days) is returned,
/// once, for the admin to hand over.
#[utoipa::path(post, path = "/api/v1/users", tag = "organisation", request_body = UserInput,
    responses(
        (status = 201, body = NewAccountOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The e-mail address is taken", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_user(State(s): State<AppState>, staff: Staff, body: Body<UserInput>) -> Created<NewAccountOut> {
    let Json(input) = body?;
    let new = uc::create_account(&s.app, Some(&staff.actor), &input).await?;
    let out = NewAccountOut { account: (&new.account).into(), activation_code: new.activation.map(Into::into) };
    Ok((StatusCode::CREATED, Json(out)))
}

/// List the staff users. Admin only.
#[utoipa::path(get, path = "/api/v1/users", tag = "organisation",
    responses((status = 200, body = ListOut<AccountOut>), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn list_users(State(s): State<AppState>, staff: Staff) -> Result<Json<ListOut<AccountOut>>, ApiError> {
    let items = uc::list_accounts(&s.app, &staff.actor).await?;
    Ok(Json(ListOut { items: items.iter().map(AccountOut::from).collect() }))
}

/// One staff user. Admin only.
#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "organisation", params(("id" = i64, Path)),
    responses(
        (status = 200, body = AccountOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_user(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Json<AccountOut>, ApiError> {
    Ok(Json((&uc::get_account(&s.app, &staff.actor, UserId(id)).await?).into()))
}

/// Change a staff user: any of `name`, `role`, `team_ids`, `contract_hours`, `active`. Admin
/// only. `"active": false` ends the user's sessions at once. An admin cannot change their own
/// role or teams nor deactivate themselves (403); the last active admin stays one (409).
#[utoipa::path(patch, path = "/api/v1/users/{id}", tag = "organisation", params(("id" = i64, Path)),
    request_body = UserPatch,
    responses(
        (status = 200, body = AccountOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The last active admin", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn change_user(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<UserPatch>,
) -> Result<Json<AccountOut>, ApiError> {
    let Json(patch) = body?;
    Ok(Json((&uc::change_account(&s.app, &staff.actor, UserId(id), &patch).await?).into()))
}

/// Unlock a staff user locked after failed log-ins (from every address). Admin only.
#[utoipa::path(post, path = "/api/v1/users/{id}/unlock", tag = "organisation", params(("id" = i64, Path)),
    responses(
        (status = 200, body = AccountOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn unlock_user(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Json<AccountOut>, ApiError> {
    Ok(Json((&uc::unlock(&s.app, &staff.actor, UserId(id)).await?).into()))
}

/// Reset a staff user's second factor (authenticator app and recovery codes). Where the role
/// requires one, they set it up again at their next log-in. Admin only.
#[utoipa::path(post, path = "/api/v1/users/{id}/second-factor-reset", tag = "organisation", params(("id" = i64, Path)),
    responses(
        (status = 200, body = AccountOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn reset_second_factor(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Json<AccountOut>, ApiError> {
    Ok(Json((&uc::reset_second_factor(&s.app, &staff.actor, UserId(id)).await?).into()))
}

/// Issue a new one-time activation code for a staff user (a forgotten password): returned
/// once, valid 7 days; earlier codes stop working. Admin only.
#[utoipa::path(post, path = "/api/v1/users/{id}/activation-code", tag = "organisation", params(("id" = i64, Path)),
    responses(
        (status = 201, body = ActivationCodeOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The account is deactivated", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn issue_activation_code(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Created<ActivationCodeOut> {
    let code = uc::issue_activation_code(&s.app, &staff.actor, UserId(id)).await?;
    Ok((StatusCode::CREATED, Json(code.into())))
}

/// Where to go after an activation.
#[derive(Debug, Serialize, ToSchema)]
pub struct StaffActivatedOut {
    /// Log in with the e-mail address and the password just set.
    pub next: &'static str,
}

/// Set the password of a staff account with the one-time code from the admin; then log in
/// through `/api/v1/auth/login`. A wrong, used or expired code and a code for another address
/// get the same 422 (`invalid_staff_code`); failed attempts are held off per code and per
/// address (429 with `Retry-After`).
#[utoipa::path(post, path = "/api/v1/account/activate", tag = "auth", request_body = StaffActivateInput,
    responses(
        (status = 201, body = StaffActivatedOut),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn activate_account(
    State(s): State<AppState>,
    ClientAddr(client): ClientAddr,
    body: Body<StaffActivateInput>,
) -> Created<StaffActivatedOut> {
    let Json(input) = body?;
    uc::activate(&s.app, &input, client).await?;
    Ok((StatusCode::CREATED, Json(StaffActivatedOut { next: "/api/v1/auth/login" })))
}
