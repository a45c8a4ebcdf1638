//! `/households/new`: register a household with its members (step 1b of a referral, when the
//! search did not find it). Before saving, households of the user's teams with a member of
//! the same name (folded as the search folds) and birth date, or the same BSN, are shown as
//! "Mogelijk bestaat dit huishouden al", with links to choose one of them instead; the worker
//! saves anyway with a second button.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::households::{self, HouseholdInput};
use buurtteam_app::{AppError, organisation};
use buurtteam_domain::codes::HouseholdRole;

use super::form::{FormData, FormState, PageForm};
use super::referral::{Options, code_options, with_blank};
use super::search::{Hit, hits};
use super::{StaffPage, app_error_page, render};
use crate::AppState;

#[derive(Template)]
#[template(path = "household_new.html")]
struct HouseholdPage {
    page: super::Chrome,
    form: FormState,
    districts: Options,
    roles: Options,
    rows: Vec<usize>,
    /// Households that may be this one, shown before it is saved.
    duplicates: Vec<Hit>,
}

/// How many member rows the form starts with; "another member" adds one.
const START_ROWS: usize = 2;
const MAX_ROWS: usize = households::MAX_MEMBERS;

async fn household_page(
    state: &AppState,
    staff: &StaffPage,
    status: StatusCode,
    form: FormState,
    rows: usize,
    duplicates: Vec<Hit>,
) -> Response {
    let chrome = staff.chrome("referral");
    let tr = chrome.tr;
    let districts = or_error_page!(organisation::list_districts(&state.app, &staff.actor).await, &chrome);
    // Ended districts take no new households.
    let today = state.app.today();
    let open = districts.into_iter().filter(|d| d.is_open_on(today));
    let districts = with_blank(tr, open.map(|d| (d.id.0.to_string(), d.name)).collect());
    let roles = with_blank(tr, code_options(tr, "household-role", HouseholdRole::ALL, HouseholdRole::code));
    render(status, &HouseholdPage { page: chrome, form, districts, roles, rows: (0..rows).collect(), duplicates })
}

pub async fn household_form(State(state): State<AppState>, staff: StaffPage) -> Response {
    let defaults = FormData(vec![("address.city".into(), "Utrecht".into()), ("rows".into(), START_ROWS.to_string())]);
    household_page(&state, &staff, StatusCode::OK, FormState::new(defaults), START_ROWS, Vec::new()).await
}

/// The form's rows of household members: "another member" adds one without saving anything;
/// rows left empty are left out (`form::fields`). "Save" first looks for households this one
/// may duplicate; "save anyway" (offered with them) does not.
pub async fn household_submit(State(state): State<AppState>, form: PageForm<HouseholdInput>) -> Response {
    let PageForm { page: staff, input, values: form, rows: kept } = form;
    let rows = form.get("rows").and_then(|r| r.parse::<usize>().ok()).unwrap_or(START_ROWS).clamp(1, MAX_ROWS);
    let action = form.get("action");
    if action == Some("add_member") {
        // Another row, without JavaScript and without saving anything.
        let rows = (rows + 1).min(MAX_ROWS);
        let mut values = form.clone();
        values.0.retain(|(n, _)| n != "rows");
        values.0.push(("rows".into(), rows.to_string()));
        return household_page(&state, &staff, StatusCode::OK, FormState::new(values), rows, Vec::new()).await;
    }
    if action != Some("save_anyway") {
        let found = match households::possible_duplicates(&state.app, &staff.actor, &input).await {
            Ok(found) => found,
            Err(e) => return app_error_page(&staff.chrome("referral"), e),
        };
        if !found.is_empty() {
            let teams =
                or_error_page!(organisation::list_teams(&state.app, &staff.actor).await, &staff.chrome("referral"));
            let duplicates = hits(staff.tr(), &staff.actor, &teams, &found);
            // Nothing is saved: 409, the form as filled in, and the households it may be.
            return household_page(&state, &staff, StatusCode::CONFLICT, FormState::new(form), rows, duplicates).await;
        }
    }
    match households::create(&state.app, &staff.actor, &input).await {
        Ok(h) => super::saved(&format!("/referrals/new?household_id={}", h.id.0), "household-saved"),
        Err(AppError::Validation(errors)) => {
            let errors = kept.errors(errors);
            let shown = FormState::new(form).with_errors(staff.tr(), &errors);
            household_page(&state, &staff, StatusCode::UNPROCESSABLE_ENTITY, shown, rows, Vec::new()).await
        }
        Err(e) => app_error_page(&staff.chrome("referral"), e),
    }
}
