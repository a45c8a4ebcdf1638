//! `/admin/organisation`: the districts with their neighbourhoods and postcode areas, and the
//! teams with the districts they serve. Each thing has its forms on the page (add, rename,
//! end, take back into use); nothing is deleted (decision 0019). The forms post the input
//! structs of the API's use cases; an error shows the page again with the form that failed,
//! its errors beside its fields.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use buurtteam_app::AppError;
use buurtteam_app::districts::{self, DistrictPatch, NeighbourhoodInput, NeighbourhoodPatch, Overview};
use buurtteam_app::organisation::{self, DistrictInput, TeamInput, TeamPatch};
use buurtteam_domain::codes::TeamKind;
use buurtteam_domain::ids::{DistrictId, NeighbourhoodId, TeamId};
use buurtteam_domain::validation::FieldError;
use jiff::civil::Date;

use super::AdminPage;
use crate::AppState;
use crate::pages::form::{FormData, FormState, PageForm, Scope};
use crate::pages::i18n::Tr;
use crate::pages::{Chrome, StaffPage, app_error_page, render, saved};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/organisation", get(show))
        .route("/admin/organisation/districts", post(add_district))
        .route("/admin/organisation/districts/{id}", post(change_district))
        .route("/admin/organisation/districts/{id}/neighbourhoods", post(add_neighbourhood))
        .route("/admin/organisation/neighbourhoods/{id}", post(change_neighbourhood))
        .route("/admin/organisation/teams", post(add_team))
        .route("/admin/organisation/teams/{id}", post(change_team))
}

/// Which form of the page was posted (and is shown again with its errors).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    NewDistrict,
    District(DistrictId),
    NewNeighbourhood(DistrictId),
    Neighbourhood(NeighbourhoodId),
    NewTeam,
    Team(TeamId),
}

impl Target {
    fn scope(self) -> Scope {
        match self {
            Self::NewDistrict => Scope::new("new-district", "district"),
            Self::District(d) => Scope::new(format!("d{d}"), "district"),
            Self::NewNeighbourhood(d) => Scope::new(format!("d{d}-new-neighbourhood"), "neighbourhood"),
            Self::Neighbourhood(n) => Scope::new(format!("n{n}"), "neighbourhood"),
            Self::NewTeam => Scope::new("new-team", "team"),
            Self::Team(t) => Scope::new(format!("t{t}"), "team"),
        }
    }
}

/// The forms of the page: the one posted with its values and errors, the others as new.
struct Forms {
    posted: Option<(Target, FormState)>,
}

impl Forms {
    fn get(&self, target: Target, defaults: impl FnOnce() -> FormData) -> FormState {
        match &self.posted {
            Some((t, f)) if *t == target => f.clone(),
            _ => FormState::new(defaults()).in_scope(target.scope()),
        }
    }

    /// Whether this form was posted and failed: its `<details>` opens.
    fn open(&self, target: Target) -> bool {
        matches!(&self.posted, Some((t, _)) if *t == target)
    }
}

struct NeighbourhoodView {
    id: i64,
    name: String,
    areas: String,
    ended: Option<String>,
    former: Vec<String>,
    form: FormState,
    open: bool,
}

struct DistrictView {
    id: i64,
    name: String,
    ended: Option<String>,
    former: Vec<String>,
    teams: String,
    neighbourhoods: Vec<NeighbourhoodView>,
    form: FormState,
    open: bool,
    new_neighbourhood: FormState,
    new_open: bool,
}

struct TeamView {
    id: i64,
    name: String,
    kind: String,
    districts: String,
    ended: Option<String>,
    former: Vec<String>,
    form: FormState,
    open: bool,
    /// The districts it can serve: those in use, and those it serves already.
    options: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "admin/organisation.html")]
struct OrganisationPage {
    page: Chrome,
    districts: Vec<DistrictView>,
    teams: Vec<TeamView>,
    new_district: FormState,
    new_team: FormState,
    kinds: Vec<(String, String)>,
    /// Districts a team can be set to serve: those in use.
    district_options: Vec<(String, String)>,
}

/// The former names of something, newest first: "Oost (tot 2 december 2026)".
fn former(tr: Tr, overview: &Overview, kind: &str, id: i64) -> Vec<String> {
    let names: Vec<_> = overview.names.iter().filter(|n| n.object_type == kind && n.object_id == id).collect();
    names
        .windows(2)
        .rev()
        .map(|w| tr.t2("admin-org-former-name", "name", w[0].name.as_str(), "until", tr.date(&w[1].valid_from)))
        .collect()
}

fn ended(tr: Tr, ended_on: Option<Date>, today: Date) -> Option<String> {
    ended_on.map(|d| {
        if d > today {
            tr.t1("admin-org-ends-on", "date", tr.date(&d))
        } else {
            tr.t1("admin-org-ended-on", "date", tr.date(&d))
        }
    })
}

async fn page(state: &AppState, admin: &StaffPage, status: StatusCode, forms: Forms) -> Response {
    let chrome = admin.chrome("admin");
    let tr = chrome.tr;
    let overview = or_error_page!(districts::overview(&state.app, &admin.actor).await, &chrome);
    let today = overview.today;
    let district_name =
        |id: DistrictId| overview.districts.iter().find(|d| d.id == id).map_or_else(String::new, |d| d.name.clone());
    let districts = overview
        .districts
        .iter()
        .map(|d| {
            let neighbourhoods = overview
                .neighbourhoods
                .iter()
                .filter(|n| n.district_id == d.id)
                .map(|n| {
                    let target = Target::Neighbourhood(n.id);
                    let areas = n.areas.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
                    let values =
                        FormData(vec![("name".into(), n.name.clone()), ("postcode_areas".into(), areas.clone())]);
                    NeighbourhoodView {
                        id: n.id.0,
                        name: n.name.clone(),
                        areas,
                        ended: ended(tr, n.ended_on, today),
                        former: former(tr, &overview, "neighbourhood", n.id.0),
                        form: forms.get(target, || values),
                        open: forms.open(target),
                    }
                })
                .collect();
            let teams = overview
                .teams
                .iter()
                .filter(|t| t.district_ids.contains(&d.id))
                .map(|t| t.name.clone())
                .collect::<Vec<_>>()
                .join(", ");
            let target = Target::District(d.id);
            DistrictView {
                id: d.id.0,
                name: d.name.clone(),
                ended: ended(tr, d.ended_on, today),
                former: former(tr, &overview, "district", d.id.0),
                teams,
                neighbourhoods,
                form: forms.get(target, || FormData(vec![("name".into(), d.name.clone())])),
                open: forms.open(target),
                new_neighbourhood: forms.get(Target::NewNeighbourhood(d.id), FormData::default),
                new_open: forms.open(Target::NewNeighbourhood(d.id)),
            }
        })
        .collect();
    let teams = overview
        .teams
        .iter()
        .map(|t| {
            let target = Target::Team(t.id);
            let mut values = vec![("name".into(), t.name.clone()), ("kind".into(), t.kind.code().to_owned())];
            values.extend(t.district_ids.iter().map(|d| ("district_ids".to_owned(), d.0.to_string())));
            values.extend(t.phone.iter().map(|p| ("phone".to_owned(), p.clone())));
            values.extend(t.email.iter().map(|e| ("email".to_owned(), e.clone())));
            TeamView {
                id: t.id.0,
                name: t.name.clone(),
                kind: tr.code("team-kind", t.kind.code()),
                districts: t.district_ids.iter().map(|d| district_name(*d)).collect::<Vec<_>>().join(", "),
                ended: ended(tr, t.ended_on, today),
                former: former(tr, &overview, "team", t.id.0),
                form: forms.get(target, || FormData(values)),
                open: forms.open(target),
                options: overview
                    .districts
                    .iter()
                    .filter(|d| d.is_open_on(today) || t.district_ids.contains(&d.id))
                    .map(|d| (d.id.0.to_string(), d.name.clone()))
                    .collect(),
            }
        })
        .collect();
    let kinds = TeamKind::ALL.iter().map(|k| (k.code().to_owned(), tr.code("team-kind", k.code()))).collect();
    let district_options = overview
        .districts
        .iter()
        .filter(|d| d.is_open_on(today))
        .map(|d| (d.id.0.to_string(), d.name.clone()))
        .collect();
    let new_team_defaults = || FormData(vec![("kind".into(), TeamKind::Neighbourhood.code().into())]);
    render(
        status,
        &OrganisationPage {
            page: chrome,
            districts,
            teams,
            new_district: forms.get(Target::NewDistrict, FormData::default),
            new_team: forms.get(Target::NewTeam, new_team_defaults),
            kinds,
            district_options,
        },
    )
}

async fn show(State(state): State<AppState>, AdminPage(admin): AdminPage) -> Response {
    page(&state, &admin, StatusCode::OK, Forms { posted: None }).await
}

/// After a form: back to the page (at the thing changed) with what was saved, or the page
/// again with the form's errors beside its fields. A name taken already is an error beside
/// the name.
async fn after<T>(
    state: &AppState,
    admin: &StaffPage,
    target: Target,
    values: FormData,
    result: Result<T, AppError>,
    done: (&str, &str),
) -> Response {
    let errors = match result {
        Ok(_) => return saved(&format!("/admin/organisation#{}", done.1), done.0),
        Err(AppError::Validation(errors)) => errors,
        Err(AppError::Conflict { message, .. }) if message.contains("(name)") => {
            let mut e = FieldError::new("name", message);
            e.code = "name_taken";
            vec![e]
        }
        Err(AppError::Conflict { message, .. }) => {
            let mut e = FieldError::new("name", message);
            e.code = "district_ended";
            vec![e]
        }
        Err(e) => return app_error_page(&admin.chrome("admin"), e),
    };
    // The team forms choose districts with boxes: `district_ids`, also where the use case
    // names the API's single `district_id`.
    let errors: Vec<FieldError> = errors
        .into_iter()
        .map(|mut e| {
            if e.field == "district_id" {
                e.field = "district_ids".into();
            }
            e
        })
        .collect();
    let form = FormState::new(values).in_scope(target.scope()).with_errors(admin.tr(), &errors);
    page(state, admin, StatusCode::UNPROCESSABLE_ENTITY, Forms { posted: Some((target, form)) }).await
}

async fn add_district(State(state): State<AppState>, form: PageForm<DistrictInput>) -> Response {
    let PageForm { page: admin, input, values, .. } = form;
    if let Err(refused) = admin_only(&state, &admin).await {
        return refused;
    }
    let result = organisation::create_district(&state.app, &admin.actor, &input).await;
    let anchor = result.as_ref().map(|d| format!("d{}", d.id)).unwrap_or_default();
    after(&state, &admin, Target::NewDistrict, values, result, ("district-saved", &anchor)).await
}

async fn change_district(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<DistrictPatch>,
) -> Response {
    let PageForm { page: admin, input, values, .. } = form;
    if let Err(refused) = admin_only(&state, &admin).await {
        return refused;
    }
    let result = districts::change_district(&state.app, &admin.actor, DistrictId(id), &input).await;
    after(&state, &admin, Target::District(DistrictId(id)), values, result, ("district-saved", &format!("d{id}"))).await
}

async fn add_neighbourhood(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<NeighbourhoodInput>,
) -> Response {
    let PageForm { page: admin, input, values, .. } = form;
    if let Err(refused) = admin_only(&state, &admin).await {
        return refused;
    }
    let result = districts::create_neighbourhood(&state.app, &admin.actor, DistrictId(id), &input).await;
    let target = Target::NewNeighbourhood(DistrictId(id));
    after(&state, &admin, target, values, result, ("neighbourhood-saved", &format!("d{id}"))).await
}

async fn change_neighbourhood(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<NeighbourhoodPatch>,
) -> Response {
    let PageForm { page: admin, input, values, .. } = form;
    if let Err(refused) = admin_only(&state, &admin).await {
        return refused;
    }
    let result = districts::change_neighbourhood(&state.app, &admin.actor, NeighbourhoodId(id), &input).await;
    let anchor = result.as_ref().map(|n| format!("d{}", n.district_id)).unwrap_or_default();
    after(&state, &admin, Target::Neighbourhood(NeighbourhoodId(id)), values, result, ("neighbourhood-saved", &anchor))
        .await
}

async fn add_team(State(state): State<AppState>, form: PageForm<TeamInput>) -> Response {
    let PageForm { page: admin, input, values, .. } = form;
    if let Err(refused) = admin_only(&state, &admin).await {
        return refused;
    }
    let result = organisation::create_team(&state.app, &admin.actor, &input).await;
    let anchor = result.as_ref().map(|t| format!("t{}", t.id)).unwrap_or_default();
    after(&state, &admin, Target::NewTeam, values, result, ("team-saved", &anchor)).await
}

async fn change_team(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<TeamPatch>) -> Response {
    let PageForm { page: admin, mut input, values, .. } = form;
    if let Err(refused) = admin_only(&state, &admin).await {
        return refused;
    }
    // The team's form shows every district as a box: none ticked is none served (a form
    // sends nothing for no box), unless only ending or reopening was asked.
    // Likewise an emptied phone or e-mail field removes the number or address (an empty
    // field arrives as none at all).
    if values.get("form") == Some("team") {
        input.district_ids.get_or_insert_with(Vec::new);
        input.phone.get_or_insert(None);
        input.email.get_or_insert(None);
    }
    let result = organisation::change_team(&state.app, &admin.actor, TeamId(id), &input).await;
    after(&state, &admin, Target::Team(TeamId(id)), values, result, ("team-saved", &format!("t{id}"))).await
}

/// Lets an admin's form through; anyone else gets the 403 page (logged as
/// `organisation.access_refused`). Checked after the form's CSRF token (`PageForm`), as for
/// every page form.
pub(super) async fn admin_only(state: &AppState, page: &StaffPage) -> Result<(), Response> {
    buurtteam_app::organisation::open_administration(&state.app, &page.actor)
        .await
        .map_err(|e| app_error_page(&page.chrome("admin"), e))
}
