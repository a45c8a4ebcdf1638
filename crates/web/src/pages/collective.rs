//! `/groups/collective`: the collective approach (issue 19). Family workers and team managers
//! see the meetings of the districts their teams serve, per district, and record a new one:
//! counts of parents, young people and professionals, the partners involved and the signals
//! gathered (stored with names and numbers removed, decision 0029). The form posts
//! `app::collective::CollectiveActivityInput`, as `POST /api/v1/collective-activities` takes it.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::AppError;
use buurtteam_app::collective::{self as uc, CollectiveActivityInput, CollectiveList, CollectiveQuery};

use super::form::{FormData, FormState, PageForm, Scope};
use super::i18n::Tr;
use super::{Chrome, StaffPage, app_error_page, render, saved};
use crate::AppState;

/// The partners the form offers (organisations, named as they call themselves).
pub const PARTNERS: &[&str] =
    &["JGZ", "MO gemeente", "School", "Huisarts", "Jongerenwerk", "Welzijnsorganisatie", "Wijkagent"];

struct Row {
    held_on: String,
    theme: String,
    partners: String,
    parents: u64,
    young_people: u64,
    professionals: u64,
    signals: String,
}

struct DistrictBlock {
    id: i64,
    name: String,
    rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "collective.html")]
struct CollectivePage {
    page: Chrome,
    period: String,
    districts: Vec<DistrictBlock>,
    form: FormState,
    district_options: Vec<(String, String)>,
    team_options: Vec<(String, String)>,
    partner_options: Vec<(String, String)>,
}

fn scope() -> Scope {
    Scope::new("", "collective")
}

fn page(tr: Tr, chrome: Chrome, list: &CollectiveList, form: FormState) -> CollectivePage {
    let districts = list
        .districts
        .iter()
        .map(|(d, acts)| DistrictBlock {
            id: d.id.0,
            name: d.name.clone(),
            rows: acts
                .iter()
                .map(|a| Row {
                    held_on: tr.date(&a.held_on),
                    theme: a.theme.clone(),
                    partners: a.partners.join(", "),
                    parents: a.participants.parents,
                    young_people: a.participants.young_people,
                    professionals: a.participants.professionals,
                    signals: a.signals.clone(),
                })
                .collect(),
        })
        .collect();
    let mut team_options = vec![(String::new(), tr.t("collective-team-any"))];
    team_options.extend(list.teams.iter().map(|t| (t.id.0.to_string(), t.name.clone())));
    CollectivePage {
        page: chrome,
        period: tr.t2("collective-period", "from", tr.date(&list.from), "to", tr.date(&list.to)),
        districts,
        form,
        district_options: list.districts.iter().map(|(d, _)| (d.id.0.to_string(), d.name.clone())).collect(),
        team_options: if list.teams.len() > 1 { team_options } else { Vec::new() },
        partner_options: PARTNERS.iter().map(|p| ((*p).to_owned(), (*p).to_owned())).collect(),
    }
}

async fn show(state: &AppState, staff: &StaffPage, form: FormState, status: StatusCode) -> Response {
    let chrome = staff.chrome("groups");
    match uc::list(&state.app, &staff.actor, &CollectiveQuery::default()).await {
        Ok(list) => render(status, &page(staff.tr(), chrome, &list, form)),
        Err(e) => app_error_page(&chrome, e),
    }
}

pub async fn list(State(state): State<AppState>, staff: StaffPage) -> Response {
    let today = state.app.today().to_string();
    let form = FormState::new(FormData(vec![("held_on".into(), today)])).in_scope(scope());
    show(&state, &staff, form, StatusCode::OK).await
}

pub async fn record(State(state): State<AppState>, form: PageForm<CollectiveActivityInput>) -> Response {
    let staff = &form.page;
    match uc::record(&state.app, &staff.actor, &form.input).await {
        Ok(r) => {
            let done = if r.signals_redacted { "collective-recorded-redacted" } else { "collective-recorded" };
            saved(&format!("/groups/collective#district-{}", r.activity.district_id.0), done)
        }
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form.values.clone()).in_scope(scope()).with_errors(staff.tr(), &errors);
            show(&state, staff, shown, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&staff.chrome("groups"), e),
    }
}
