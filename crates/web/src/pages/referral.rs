//! `/referrals/new`: register a referral. First find the household (or register a new one at
//! `/households/new`), then the referral itself: team, date, source, request, clients, life
//! domains and a later intake that the referrer or the family asked for.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::cases::{self, ReferralInput};
use buurtteam_app::households::{self, SearchInput};
use buurtteam_app::{AppError, organisation};
use buurtteam_domain::codes::{LaterIntakeRequestedBy, LifeDomain, ReferralSource};
use buurtteam_domain::ids::HouseholdId;
use buurtteam_store::households::Household;
use serde::Deserialize;

use super::form::{FormData, FormState, PageForm};
use super::i18n::Tr;
use super::search::{Hit, hits};
use super::{Chrome, StaffPage, app_error_page, render};
use crate::AppState;

pub(super) type Options = Vec<(String, String)>;

pub(super) fn code_options<T: Copy>(tr: Tr, list: &str, all: &[T], code: impl Fn(T) -> &'static str) -> Options {
    all.iter().map(|c| (code(*c).to_owned(), tr.code(list, code(*c)))).collect()
}

pub(super) fn with_blank(tr: Tr, mut options: Options) -> Options {
    options.insert(0, (String::new(), tr.t("choose")));
    options
}

#[derive(Template)]
#[template(path = "referral_find.html")]
struct FindPage {
    page: Chrome,
    form: FormState,
    results: Option<Vec<Hit>>,
    /// Pick a household (referral) rather than show its cases (search).
    choose: bool,
}

/// The household and its members, as the referral form shows them.
pub struct ShownHousehold {
    pub id: i64,
    pub address: String,
    pub members: Options,
}

#[derive(Template)]
#[template(path = "referral_new.html")]
struct ReferralPage {
    page: Chrome,
    form: FormState,
    household: ShownHousehold,
    teams: Options,
    sources: Options,
    life_domains: Options,
    requested_by: Options,
}

#[derive(Deserialize)]
pub struct ReferralQuery {
    household_id: Option<i64>,
}

pub async fn form(State(state): State<AppState>, staff: StaffPage, Query(q): Query<ReferralQuery>) -> Response {
    let chrome = staff.chrome("referral");
    let Some(household_id) = q.household_id else {
        return render(
            StatusCode::OK,
            &FindPage { page: chrome, form: FormState::default(), results: None, choose: true },
        );
    };
    let household = or_error_page!(households::get(&state.app, &staff.actor, HouseholdId(household_id)).await, &chrome);
    let today = state.app.today().to_string();
    let mut defaults = vec![("referred_on".to_owned(), today), ("later_intake_requested_by".to_owned(), String::new())];
    if let [only] = staff.actor.team_ids.as_slice() {
        defaults.push(("team_id".to_owned(), only.0.to_string()));
    }
    referral_page(&state, &staff, chrome, StatusCode::OK, FormState::new(FormData(defaults)), &household).await
}

async fn referral_page(
    state: &AppState,
    staff: &StaffPage,
    chrome: Chrome,
    status: StatusCode,
    form: FormState,
    household: &Household,
) -> Response {
    let tr = chrome.tr;
    let teams = or_error_page!(organisation::list_teams(&state.app, &staff.actor).await, &chrome);
    let teams = with_blank(
        tr,
        teams
            .into_iter()
            // An ended team takes no new referrals (decision 0019).
            .filter(|t| staff.actor.team_ids.contains(&t.id) && t.is_open_on(state.app.today()))
            .map(|t| (t.id.0.to_string(), t.name))
            .collect(),
    );
    let shown = ShownHousehold {
        id: household.id.0,
        address: format!(
            "{} {}, {} {}",
            household.address.street,
            household.address.house_number,
            household.address.postcode,
            household.address.city
        ),
        members: household
            .members
            .iter()
            .map(|m| {
                let label = format!(
                    "{} {} ({}, {})",
                    m.given_name,
                    m.family_name,
                    tr.date_short(&m.birth_date),
                    tr.code("household-role", m.role.code())
                );
                (m.id.0.to_string(), label)
            })
            .collect(),
    };
    let mut requested_by = vec![(String::new(), tr.t("requested-by-none"))];
    requested_by.extend(code_options(tr, "requested-by", LaterIntakeRequestedBy::ALL, LaterIntakeRequestedBy::code));
    let page = ReferralPage {
        page: chrome,
        form,
        household: shown,
        teams,
        sources: with_blank(tr, code_options(tr, "source", ReferralSource::ALL, ReferralSource::code)),
        life_domains: code_options(tr, "life-domain", LifeDomain::ALL, LifeDomain::code),
        requested_by,
    };
    render(status, &page)
}

pub async fn search_households(State(state): State<AppState>, form: PageForm<SearchInput>) -> Response {
    let PageForm { page: staff, input, values: form, .. } = form;
    let tr = staff.tr();
    let chrome = staff.chrome("referral");
    match households::search(&state.app, &staff.actor, &input).await {
        Ok(found) => {
            let teams = or_error_page!(organisation::list_teams(&state.app, &staff.actor).await, &chrome);
            let results = Some(hits(tr, &staff.actor, &teams, &found));
            render(StatusCode::OK, &FindPage { page: chrome, form: FormState::new(form), results, choose: true })
        }
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form).with_errors(tr, &errors);
            render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &FindPage { page: chrome, form: shown, results: None, choose: true },
            )
        }
        Err(e) => app_error_page(&chrome, e),
    }
}

pub async fn submit(State(state): State<AppState>, form: PageForm<ReferralInput>) -> Response {
    let PageForm { page: staff, input, values: form, .. } = form;
    let tr = staff.tr();
    let chrome = staff.chrome("referral");
    match cases::register_referral(&state.app, &staff.actor, &input).await {
        Ok(view) => super::saved(&format!("/cases/{}", view.case.id.0), "referred"),
        Err(AppError::Validation(errors)) => {
            let household = match input.household_id {
                Some(id) => households::get(&state.app, &staff.actor, HouseholdId(id)).await,
                None => Err(AppError::NotFound("household")),
            };
            match household {
                Ok(h) => {
                    let shown = FormState::new(form).with_errors(tr, &errors);
                    referral_page(&state, &staff, chrome, StatusCode::UNPROCESSABLE_ENTITY, shown, &h).await
                }
                Err(e) => app_error_page(&chrome, e),
            }
        }
        Err(e) => app_error_page(&chrome, e),
    }
}
