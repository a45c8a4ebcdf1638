//! `/search`: find households and their cases by name, birth date, postcode + house number
//! or BSN. The criteria are POSTed, so they never appear in a URL, a log or the history.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::households::{self, Found, SearchInput};
use buurtteam_app::{AppError, organisation};
use buurtteam_domain::policy::Actor;
use buurtteam_store::organisation::Team;

use super::form::{FormState, PageForm};
use super::i18n::Tr;
use super::{Chrome, StaffPage, app_error_page, render};
use crate::AppState;

/// A household found, its texts ready.
pub struct Hit {
    pub household_id: i64,
    pub members: Vec<String>,
    pub address: String,
    /// (case id, text) of the cases of the user's own teams.
    pub cases: Vec<(i64, String)>,
}

pub fn hits(tr: Tr, actor: &Actor, teams: &[Team], found: &[Found]) -> Vec<Hit> {
    found
        .iter()
        .map(|f| {
            let h = &f.household;
            Hit {
                household_id: h.id.0,
                members: h
                    .members
                    .iter()
                    .map(|m| {
                        format!(
                            "{} {} ({}, {})",
                            m.given_name,
                            m.family_name,
                            tr.date_short(&m.birth_date),
                            tr.code("household-role", m.role.code())
                        )
                    })
                    .collect(),
                address: format!(
                    "{} {}, {} {}",
                    h.address.street, h.address.house_number, h.address.postcode, h.address.city
                ),
                cases: f
                    .cases
                    .iter()
                    .filter(|(_, team, _, _)| actor.team_ids.contains(team))
                    .map(|(id, team, status, on)| {
                        let team = teams.iter().find(|t| t.id == *team).map(|t| t.name.as_str()).unwrap_or_default();
                        (*id, format!("{} · {} · {}", tr.code("status", status.code()), team, tr.date(on)))
                    })
                    .collect(),
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    page: Chrome,
    form: FormState,
    results: Option<Vec<Hit>>,
    /// Pick a household (referral) rather than show its cases (search).
    choose: bool,
}

pub async fn form(staff: StaffPage) -> Response {
    render(
        StatusCode::OK,
        &SearchPage { page: staff.chrome("search"), form: FormState::default(), results: None, choose: false },
    )
}

pub async fn submit(State(state): State<AppState>, form: PageForm<SearchInput>) -> Response {
    let PageForm { page: staff, input, values: form, .. } = form;
    let tr = staff.tr();
    let chrome = staff.chrome("search");
    match households::search(&state.app, &staff.actor, &input).await {
        Ok(found) => {
            let teams = or_error_page!(organisation::list_teams(&state.app, &staff.actor).await, &chrome);
            let results = hits(tr, &staff.actor, &teams, &found);
            render(
                StatusCode::OK,
                &SearchPage { page: chrome, form: FormState::new(form), results: Some(results), choose: false },
            )
        }
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form).with_errors(tr, &errors);
            render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &SearchPage { page: chrome, form: shown, results: None, choose: false },
            )
        }
        Err(e) => app_error_page(&chrome, e),
    }
}
