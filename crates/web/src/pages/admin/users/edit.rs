//! `/admin/users/{id}`: one staff account. The form for name, role, teams and contract hours,
//! and a small form per action, each with what it does written beside its button:
//! deactivate or reactivate, unlock, reset the second factor, a new activation code.

use axum::extract::{Path, State};
use buurtteam_app::accounts::UserPatch;
use buurtteam_domain::accounts::ChangeRefused;
use buurtteam_domain::ids::UserId;

use super::*;
use crate::pages::form::NoFields;

#[derive(Template)]
#[template(path = "admin/users_edit.html")]
struct EditPage {
    page: Chrome,
    id: i64,
    name: String,
    email: String,
    statuses: Vec<String>,
    active: bool,
    locked: bool,
    second_factor: bool,
    second_factor_required: bool,
    has_password: bool,
    /// The admin's own account: role and teams cannot be changed here, nor deactivated.
    own: bool,
    form: FormState,
    roles: Vec<(String, String)>,
    teams: Vec<(String, String)>,
    /// Why the rules refused the last change (`domain::accounts`).
    refusal: Option<String>,
    /// For a partner organisation's account: its partner's name and kind. Role, partner and
    /// teams are then not changed here (a partner account keeps them; decision 0041).
    partner: Option<String>,
    /// The knowledge base editor right; `None` where the role writes anyway (admins, team
    /// managers) or cannot (portal accounts).
    knowledge_editor: Option<bool>,
}

/// The form's values from the account as it is.
fn values(tr: Tr, a: &Account) -> FormData {
    let mut v = vec![
        ("name".to_owned(), a.user.name.clone()),
        ("role".to_owned(), a.user.role.code().to_owned()),
        ("contract_hours".to_owned(), hours_text(tr, a.extras.contract_hours_hundredths)),
    ];
    v.extend(a.user.team_ids.iter().map(|t| ("team_ids".to_owned(), t.0.to_string())));
    FormData(v)
}

async fn edit_page(
    state: &AppState,
    admin: &StaffPage,
    id: i64,
    status: StatusCode,
    form: Option<FormState>,
    refusal: Option<String>,
) -> Response {
    let chrome = admin.chrome(CURRENT);
    let tr = chrome.tr;
    let (account, all_teams) =
        match (uc::get_account(&state.app, &admin.actor, UserId(id)).await, teams(state, admin).await) {
            (Ok(a), Ok(t)) => (a, t),
            (Err(e), _) | (_, Err(e)) => return app_error_page(&chrome, e),
        };
    let form = form.unwrap_or_else(|| FormState::new(values(tr, &account)));
    let partner = match account.extras.partner_id {
        None => None,
        Some(p) => match buurtteam_app::partners::get(&state.app, &admin.actor, p).await {
            Ok(v) => Some(format!(
                "{} ({})",
                v.partner.fields.name,
                tr.code("partner-kind", v.partner.kind.code()).to_lowercase()
            )),
            Err(e) => return app_error_page(&chrome, e),
        },
    };
    let knowledge_editor = match account.user.role {
        Role::Admin | Role::TeamManager => None,
        role if !role.is_staff() => None,
        _ => {
            let actor = buurtteam_app::auth::actor_of(&account.user);
            buurtteam_app::knowledge::may_write(&state.app, &actor).await.ok()
        }
    };
    let page = EditPage {
        partner,
        knowledge_editor,
        id,
        name: account.user.name.clone(),
        email: account.user.email.clone(),
        statuses: statuses(tr, &account),
        active: account.user.active,
        locked: account.locked_until.is_some(),
        second_factor: account.user.second_factor,
        second_factor_required: uc::second_factor_required(&state.app, account.user.role),
        has_password: account.extras.has_password,
        own: account.user.id == admin.actor.user_id,
        form,
        roles: role_options(tr),
        teams: team_options(&all_teams),
        refusal,
        page: chrome,
    };
    render(status, &page)
}

pub(super) async fn page(State(state): State<AppState>, AdminPage(admin): AdminPage, Path(id): Path<i64>) -> Response {
    edit_page(&state, &admin, id, StatusCode::OK, None, None).await
}

/// What the page says when the rules refuse a change (`domain::accounts`).
fn refused_message(tr: Tr, e: &AppError) -> Option<String> {
    let text = match e {
        AppError::Forbidden(m) | AppError::Conflict { message: m, .. } => m,
        _ => return None,
    };
    let key = [
        (ChangeRefused::OwnRights, "admin-users-refused-own-rights"),
        (ChangeRefused::OwnDeactivation, "admin-users-refused-own-deactivation"),
        (ChangeRefused::LastAdmin, "admin-users-refused-last-admin"),
    ]
    .into_iter()
    .find(|(r, _)| r.to_string() == *text)?
    .1;
    Some(tr.t(key))
}

/// Shows the outcome of a change: back to the page with what was done, the form again with its
/// errors, or the rule that refused it.
async fn after(
    state: &AppState,
    admin: &StaffPage,
    id: i64,
    values: Option<FormData>,
    result: Result<Account, AppError>,
    done: &str,
) -> Response {
    let tr = admin.tr();
    match result {
        Ok(_) => crate::pages::saved(&format!("/admin/users/{id}"), done),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(values.unwrap_or_default()).with_errors(tr, &errors);
            edit_page(state, admin, id, StatusCode::UNPROCESSABLE_ENTITY, Some(shown), None).await
        }
        Err(e) => match refused_message(tr, &e) {
            Some(message) => {
                let status =
                    if matches!(e, AppError::Forbidden(_)) { StatusCode::FORBIDDEN } else { StatusCode::CONFLICT };
                let form = values.map(FormState::new);
                edit_page(state, admin, id, status, form, Some(message)).await
            }
            None => app_error_page(&admin.chrome(CURRENT), e),
        },
    }
}

pub(super) async fn submit(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<UserPatch>) -> Response {
    let PageForm { page: admin, mut input, values, .. } = form;
    // No box ticked sends no `team_ids`: on this form that means no team.
    input.team_ids.get_or_insert_with(Vec::new);
    // Activity has forms of its own.
    input.active = None;
    // An emptied hours field clears the hours (a field left out would keep them).
    if input.contract_hours.is_none() && values.get("contract_hours").is_some() {
        input.contract_hours = Some(String::new());
    }
    let result = uc::change_account(&state.app, &admin.actor, UserId(id), &input).await;
    after(&state, &admin, id, Some(values), result, "user-changed").await
}

async fn set_active(state: AppState, id: i64, form: PageForm<NoFields>, active: bool) -> Response {
    let patch = UserPatch { active: Some(active), ..UserPatch::default() };
    let result = uc::change_account(&state.app, &form.page.actor, UserId(id), &patch).await;
    let done = if active { "user-reactivated" } else { "user-deactivated" };
    after(&state, &form.page, id, None, result, done).await
}

/// `POST /admin/users/{id}/knowledge-editor`: the same input as
/// `PUT /api/v1/knowledge/editors/{user_id}` (a hidden `false` before the checkbox's `true`).
pub(super) async fn knowledge_editor(
    State(s): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<crate::api::knowledge::EditorInput>,
) -> Response {
    let admin = &form.page;
    let result = match buurtteam_app::knowledge::set_editor(&s.app, &admin.actor, UserId(id), form.input.editor).await {
        Ok(()) => uc::get_account(&s.app, &admin.actor, UserId(id)).await,
        Err(e) => Err(e),
    };
    after(&s, admin, id, None, result, "user-knowledge-editor").await
}

pub(super) async fn deactivate(State(s): State<AppState>, Path(id): Path<i64>, form: PageForm<NoFields>) -> Response {
    set_active(s, id, form, false).await
}

pub(super) async fn reactivate(State(s): State<AppState>, Path(id): Path<i64>, form: PageForm<NoFields>) -> Response {
    set_active(s, id, form, true).await
}

pub(super) async fn unlock(State(s): State<AppState>, Path(id): Path<i64>, form: PageForm<NoFields>) -> Response {
    let result = uc::unlock(&s.app, &form.page.actor, UserId(id)).await;
    after(&s, &form.page, id, None, result, "user-unlocked").await
}

pub(super) async fn reset_second_factor(
    State(s): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<NoFields>,
) -> Response {
    let result = uc::reset_second_factor(&s.app, &form.page.actor, UserId(id)).await;
    after(&s, &form.page, id, None, result, "user-second-factor-reset").await
}

pub(super) async fn activation_code(
    State(s): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<NoFields>,
) -> Response {
    let admin = &form.page;
    let chrome = admin.chrome(CURRENT);
    let code = match uc::issue_activation_code(&s.app, &admin.actor, UserId(id)).await {
        Ok(c) => c,
        Err(e) => return app_error_page(&chrome, e),
    };
    match uc::get_account(&s.app, &admin.actor, UserId(id)).await {
        Ok(account) => code_page(&s, chrome, &account, code, false),
        Err(e) => app_error_page(&chrome, e),
    }
}
