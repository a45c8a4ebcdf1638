//! `/account`: who you are, changing your password, and the TOTP second factor (set up with a
//! QR code, confirmed with a first code; recovery codes shown once).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use buurtteam_app::{AppError, auth, organisation};

use super::form::{FormData, FormState, PageForm};
use super::{Chrome, StaffPage, app_error_page, render};
use crate::AppState;
use crate::session::PasswordChangeInput;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    page: Chrome,
    name: String,
    email: String,
    role: String,
    teams: Vec<String>,
    /// Staff read their own absence spells (`/absence/users/{id}`).
    user_id: Option<i64>,
    second_factor: bool,
    required: bool,
    password: FormState,
    disable: FormState,
    notice: Option<String>,
}

async fn account_page(
    state: &AppState,
    staff: &StaffPage,
    status: StatusCode,
    password: FormState,
    disable: FormState,
    notice: Option<String>,
) -> Response {
    let chrome = staff.chrome("account");
    let tr = chrome.tr;
    // Portal accounts have no teams (and may not list them).
    let teams = if staff.user.role.is_staff() {
        match organisation::list_teams(&state.app, &staff.actor).await {
            Ok(t) => t.into_iter().filter(|t| staff.actor.team_ids.contains(&t.id)).map(|t| t.name).collect(),
            Err(e) => return app_error_page(&chrome, e),
        }
    } else {
        Vec::new()
    };
    render(
        status,
        &AccountPage {
            page: chrome,
            name: staff.user.name.clone(),
            email: staff.user.email.clone(),
            role: tr.code("role", staff.user.role.code()),
            teams,
            user_id: staff.user.role.is_staff().then_some(staff.user.id.0),
            second_factor: staff.user.second_factor,
            required: state.app.settings.second_factor_roles.contains(&staff.user.role),
            password,
            disable,
            notice,
        },
    )
}

pub async fn page(State(state): State<AppState>, staff: StaffPage) -> Response {
    account_page(&state, &staff, StatusCode::OK, FormState::default(), FormState::default(), None).await
}

pub async fn change_password(State(state): State<AppState>, form: PageForm<PasswordChangeInput>) -> Response {
    let PageForm { page: staff, input, .. } = form;
    let tr = staff.tr();
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let result = auth::change_password(
        &state.app,
        &staff.actor,
        &staff.token,
        &text(&input.current_password),
        &text(&input.new_password),
        &text(&input.repeat_password),
    )
    .await;
    match result {
        Ok(()) => super::saved("/account", "password-changed"),
        Err(AppError::Validation(errors)) => {
            // Passwords are never sent back to the browser.
            let shown = FormState::new(FormData::default()).with_errors(tr, &errors);
            account_page(&state, &staff, StatusCode::UNPROCESSABLE_ENTITY, shown, FormState::default(), None).await
        }
        Err(e) => app_error_page(&staff.chrome("account"), e),
    }
}

#[derive(Template)]
#[template(path = "second_factor_setup.html")]
struct SetupPage {
    page: Chrome,
    qr_svg: String,
    secret: String,
    form: FormState,
    required: bool,
    recovery_codes: Vec<String>,
}

/// The QR code of the `otpauth://` URI as inline SVG (no script, no external image).
fn qr_svg(uri: &str) -> String {
    match qrcode::QrCode::new(uri.as_bytes()) {
        Ok(code) => {
            let svg = code.render::<qrcode::render::svg::Color>().min_dimensions(220, 220).quiet_zone(true).build();
            svg.split_once("?>").map_or(svg.clone(), |(_, rest)| rest.trim().to_owned())
        }
        Err(e) => {
            tracing::error!(error = %e, "QR code");
            String::new()
        }
    }
}

/// Groups of four, the way authenticator apps show a secret for typing.
fn spaced(secret: &str) -> String {
    secret.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

async fn setup_page(state: &AppState, staff: &StaffPage, status: StatusCode, form: FormState) -> Response {
    let chrome = staff.chrome("account");
    if staff.user.second_factor {
        return Redirect::to("/account").into_response();
    }
    let issuer = chrome.tr.t("app-name");
    match auth::begin_enrolment(&state.app, &staff.actor, &issuer).await {
        Ok(enrolment) => render(
            status,
            &SetupPage {
                qr_svg: qr_svg(&enrolment.uri),
                secret: spaced(&enrolment.secret_base32),
                form,
                required: auth::must_enrol(&state.app, &staff.user),
                recovery_codes: Vec::new(),
                page: chrome,
            },
        ),
        Err(e) => app_error_page(&chrome, e),
    }
}

pub async fn second_factor_page(State(state): State<AppState>, staff: StaffPage) -> Response {
    setup_page(&state, &staff, StatusCode::OK, FormState::default()).await
}

/// The second-factor form: a code confirms the set-up; `action=disable` with the password
/// turns the second factor off. (The API has no such step: this form is the page's own.)
#[derive(Debug, Default, Deserialize)]
pub struct SecondFactorInput {
    pub action: Option<String>,
    pub password: Option<String>,
    pub code: Option<String>,
}

pub async fn second_factor_submit(State(state): State<AppState>, form: PageForm<SecondFactorInput>) -> Response {
    let PageForm { page: staff, input, .. } = form;
    let tr = staff.tr();
    let chrome = staff.chrome("account");
    if input.action.as_deref() == Some("disable") {
        let password = input.password.unwrap_or_default();
        return match auth::disable_second_factor(&state.app, &staff.actor, &password).await {
            Ok(()) => super::saved("/account", "second-factor-off"),
            Err(AppError::Validation(errors)) => {
                let shown = FormState::new(FormData::default()).with_errors(tr, &errors);
                account_page(&state, &staff, StatusCode::UNPROCESSABLE_ENTITY, FormState::default(), shown, None).await
            }
            Err(e) => app_error_page(&chrome, e),
        };
    }
    match auth::confirm_enrolment(&state.app, &staff.actor, input.code.as_deref().unwrap_or_default()).await {
        Ok(codes) => render(
            StatusCode::OK,
            &SetupPage {
                page: chrome,
                qr_svg: String::new(),
                secret: String::new(),
                form: FormState::default(),
                required: false,
                recovery_codes: codes,
            },
        ),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(FormData::default()).with_errors(tr, &errors);
            setup_page(&state, &staff, StatusCode::UNPROCESSABLE_ENTITY, shown).await
        }
        Err(e) => app_error_page(&chrome, e),
    }
}
