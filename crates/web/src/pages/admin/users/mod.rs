//! `/admin/users`: the staff accounts and the partner organisations' accounts (decision 0041).
//! The list (filtered by team, role and active; a partner account with its partner's name), a
//! new account (which gets a one-time activation code, shown once on the page that follows;
//! the role "Partnerorganisatie" with a choice of the partners that have not ended), and per
//! account an edit page with small forms for each action (`edit`). Every form calls the same
//! use case as the API (`app::accounts`), which also refuses and logs anyone but an admin.

mod edit;

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use buurtteam_app::accounts::{self as uc, Account, IssuedCode, UserInput};
use buurtteam_app::{AppError, organisation, partners};
use buurtteam_domain::codes::Role;
use buurtteam_store::organisation::Team;
use serde::Deserialize;

use super::AdminPage;
use crate::AppState;
use crate::pages::form::{FormData, FormState, PageForm};
use crate::pages::i18n::Tr;
use crate::pages::{Chrome, StaffPage, app_error_page, render};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/users", get(list))
        .route("/admin/users/new", get(new_form).post(new_submit))
        .route("/admin/users/{id}", get(edit::page).post(edit::submit))
        .route("/admin/users/{id}/deactivate", post(edit::deactivate))
        .route("/admin/users/{id}/knowledge-editor", post(edit::knowledge_editor))
        .route("/admin/users/{id}/reactivate", post(edit::reactivate))
        .route("/admin/users/{id}/unlock", post(edit::unlock))
        .route("/admin/users/{id}/second-factor-reset", post(edit::reset_second_factor))
        .route("/admin/users/{id}/activation-code", post(edit::activation_code))
}

/// The navigation item of these pages.
const CURRENT: &str = "admin";

/// Contract hours as people write them here: `28,8` in Dutch, `28.8` in English.
pub(crate) fn hours_text(tr: Tr, hundredths: Option<i32>) -> String {
    let Some(h) = hundredths else { return String::new() };
    let text = format!("{}.{:02}", h / 100, h % 100);
    let text = text.trim_end_matches('0').trim_end_matches('.').to_owned();
    if tr.t("admin-users-decimal-comma") == "true" { text.replace('.', ",") } else { text }
}

/// The staff roles as options of a select: (code, label).
fn role_options(tr: Tr) -> Vec<(String, String)> {
    Role::STAFF.iter().map(|r| (r.code().to_owned(), tr.code("role", r.code()))).collect()
}

/// The roles a new account can have: the staff roles and a partner organisation's.
fn new_role_options(tr: Tr) -> Vec<(String, String)> {
    let mut roles = role_options(tr);
    roles.push((Role::Partner.code().to_owned(), tr.code("role", Role::Partner.code())));
    roles
}

/// The partners an account can belong to: those that have not ended, by name, each with its
/// kind ("Huisartsenpraktijk De Linde (huisartsenpraktijk)"); first an empty choice.
async fn partner_options(state: &AppState, admin: &StaffPage) -> Result<Vec<(String, String)>, AppError> {
    let tr = admin.tr();
    let today = state.app.today();
    let listed = partners::list(&state.app, &admin.actor, &partners::ListQuery::default()).await?;
    let mut out = vec![(String::new(), tr.t("admin-users-partner-none"))];
    out.extend(listed.into_iter().map(|v| v.partner).filter(|p| p.fields.ended_on.is_none_or(|e| e > today)).map(
        |p| {
            let kind = tr.code("partner-kind", p.kind.code()).to_lowercase();
            (p.id.0.to_string(), format!("{} ({kind})", p.fields.name))
        },
    ));
    Ok(out)
}

/// The names of all partners by id, ended ones too (an account of an ended partner is listed).
async fn partner_names(state: &AppState, admin: &StaffPage) -> Result<Vec<(i64, String)>, AppError> {
    let query = partners::ListQuery { include_ended: Some(true), ..partners::ListQuery::default() };
    let listed = partners::list(&state.app, &admin.actor, &query).await?;
    Ok(listed.into_iter().map(|v| (v.partner.id.0, v.partner.fields.name)).collect())
}

fn team_options(teams: &[Team]) -> Vec<(String, String)> {
    teams.iter().map(|t| (t.id.0.to_string(), t.name.clone())).collect()
}

/// The states of an account, as short words for the list and the edit page.
fn statuses(tr: Tr, a: &Account) -> Vec<String> {
    let mut out = vec![tr.t(if a.user.active { "admin-users-status-active" } else { "admin-users-status-inactive" })];
    if a.locked_until.is_some() {
        out.push(tr.t("admin-users-status-locked"));
    }
    if !a.extras.has_password {
        out.push(tr.t("admin-users-status-not-activated"));
    }
    out.push(tr.t(if a.user.second_factor {
        "admin-users-status-second-factor-on"
    } else {
        "admin-users-status-second-factor-off"
    }));
    out
}

/// One account in the list.
struct Row {
    id: i64,
    name: String,
    email: String,
    role: String,
    teams: String,
    hours: String,
    statuses: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Filter {
    team: Option<String>,
    role: Option<String>,
    /// `yes`, `no`, or empty for all.
    active: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct ListPage {
    page: Chrome,
    rows: Vec<Row>,
    total: usize,
    filter: FormState,
    roles: Vec<(String, String)>,
    teams: Vec<(String, String)>,
    actives: Vec<(String, String)>,
}

async fn teams(state: &AppState, admin: &StaffPage) -> Result<Vec<Team>, AppError> {
    organisation::list_teams(&state.app, &admin.actor).await
}

async fn list(State(state): State<AppState>, AdminPage(admin): AdminPage, Query(filter): Query<Filter>) -> Response {
    let chrome = admin.chrome(CURRENT);
    let tr = chrome.tr;
    let (accounts, all_teams) = match (uc::list_accounts(&state.app, &admin.actor).await, teams(&state, &admin).await) {
        (Ok(a), Ok(t)) => (a, t),
        (Err(e), _) | (_, Err(e)) => return app_error_page(&chrome, e),
    };
    let partner_names = match partner_names(&state, &admin).await {
        Ok(p) => p,
        Err(e) => return app_error_page(&chrome, e),
    };
    let total = accounts.len();
    let team: Option<i64> = filter.team.as_deref().and_then(|t| t.parse().ok());
    let role = filter.role.as_deref().filter(|r| !r.is_empty());
    let active = filter.active.as_deref().filter(|a| !a.is_empty());
    let rows = accounts
        .iter()
        .filter(|a| team.is_none_or(|t| a.user.team_ids.iter().any(|x| x.0 == t)))
        .filter(|a| role.is_none_or(|r| a.user.role.code() == r))
        .filter(|a| active.is_none_or(|v| (v == "yes") == a.user.active))
        .map(|a| Row {
            id: a.user.id.0,
            name: a.user.name.clone(),
            email: a.user.email.clone(),
            role: tr.code("role", a.user.role.code()),
            teams: match a.extras.partner_id {
                // A partner account is in no team: its column names the partner instead.
                Some(p) => partner_names.iter().find(|(id, _)| *id == p.0).map(|(_, n)| n.clone()).unwrap_or_default(),
                None => all_teams
                    .iter()
                    .filter(|t| a.user.team_ids.contains(&t.id))
                    .map(|t| t.name.clone())
                    .collect::<Vec<_>>()
                    .join(", "),
            },
            hours: hours_text(tr, a.extras.contract_hours_hundredths),
            statuses: statuses(tr, a),
        })
        .collect();
    let kept = FormData(
        [("team", filter.team), ("role", filter.role), ("active", filter.active)]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.unwrap_or_default()))
            .collect(),
    );
    let any = (String::new(), tr.t("admin-users-filter-any"));
    let mut roles = vec![any.clone()];
    roles.extend(new_role_options(tr));
    let mut team_list = vec![any.clone()];
    team_list.extend(team_options(&all_teams));
    let actives = vec![
        any,
        ("yes".to_owned(), tr.t("admin-users-status-active")),
        ("no".to_owned(), tr.t("admin-users-status-inactive")),
    ];
    render(
        StatusCode::OK,
        &ListPage { page: chrome, rows, total, filter: FormState::new(kept), roles, teams: team_list, actives },
    )
}

#[derive(Template)]
#[template(path = "admin/users_new.html")]
struct NewPage {
    page: Chrome,
    form: FormState,
    roles: Vec<(String, String)>,
    teams: Vec<(String, String)>,
    /// The partners an account with the role partner can belong to.
    partners: Vec<(String, String)>,
}

async fn new_page(state: &AppState, admin: &StaffPage, status: StatusCode, form: FormState) -> Response {
    let chrome = admin.chrome(CURRENT);
    let tr = chrome.tr;
    match (teams(state, admin).await, partner_options(state, admin).await) {
        (Ok(t), Ok(partners)) => render(
            status,
            &NewPage { page: chrome, form, roles: new_role_options(tr), teams: team_options(&t), partners },
        ),
        (Err(e), _) | (_, Err(e)) => app_error_page(&chrome, e),
    }
}

async fn new_form(State(state): State<AppState>, AdminPage(admin): AdminPage) -> Response {
    let form = FormState::new(FormData(vec![("role".into(), Role::FamilyWorker.code().into())]));
    new_page(&state, &admin, StatusCode::OK, form).await
}

/// The page that shows a one-time activation code, once: after a new account, or a new code.
#[derive(Template)]
#[template(path = "admin/users_code.html")]
struct CodePage {
    page: Chrome,
    id: i64,
    name: String,
    email: String,
    code: String,
    expires: String,
    /// For a new account (else a new code for an existing one).
    created: bool,
}

fn code_page(state: &AppState, chrome: Chrome, account: &Account, code: IssuedCode, created: bool) -> Response {
    let expires = code.expires_at.to_zoned(state.app.settings.time_zone.clone()).date();
    let page = CodePage {
        expires: chrome.tr.date(&expires),
        page: chrome,
        id: account.user.id.0,
        name: account.user.name.clone(),
        email: account.user.email.clone(),
        code: code.code,
        created,
    };
    let mut r = render(StatusCode::OK, &page);
    // A page with a secret on it is kept by no cache and no back-button history.
    r.headers_mut().insert(axum::http::header::CACHE_CONTROL, axum::http::HeaderValue::from_static("no-store"));
    r
}

async fn new_submit(State(state): State<AppState>, form: PageForm<UserInput>) -> Response {
    let PageForm { page: admin, mut input, values, .. } = form;
    // On the page an account always starts with an activation code: the admin never knows
    // the password.
    input.password = None;
    match uc::create_account(&state.app, Some(&admin.actor), &input).await {
        Ok(new) => match new.activation {
            Some(code) => code_page(&state, admin.chrome(CURRENT), &new.account, code, true),
            None => crate::pages::saved(&format!("/admin/users/{}", new.account.user.id.0), "user-created"),
        },
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(values).with_errors(admin.tr(), &errors);
            new_page(&state, &admin, StatusCode::UNPROCESSABLE_ENTITY, shown).await
        }
        Err(AppError::Conflict { .. }) => {
            let mut e = buurtteam_domain::validation::Errors::default();
            e.add("email", "is taken").code("email_taken");
            let shown = FormState::new(values).with_errors(admin.tr(), &e.0);
            new_page(&state, &admin, StatusCode::CONFLICT, shown).await
        }
        Err(e) => app_error_page(&admin.chrome(CURRENT), e),
    }
}
