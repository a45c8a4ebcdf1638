//! The social map's pages (issue 15 part 1; decision 0039): the searchable overview
//! (`/partners`) a family worker uses to find "who is our contact at this school", a partner's
//! page (`/partners/{id}`) with its GP status history and linked workers, and for team managers
//! and admins the forms to add a partner (`/partners/new`), change it, record a GP status
//! change and link family workers. Every form posts the API's input struct.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::AppError;
use buurtteam_app::partners::{self as uc, GpStatusInput, PartnerChange, PartnerInput, PartnerView};
use buurtteam_domain::codes::Role;
use buurtteam_domain::ids::{DistrictId, PartnerId};
use buurtteam_domain::partners::{GpStatus, PartnerKind};
use serde::Deserialize;

use super::form::{FormData, FormState, PageForm, Scope};
use super::i18n::Tr;
use super::{Chrome, StaffPage, app_error_page, render, saved};
use crate::AppState;

type Options = Vec<(String, String)>;

const AREA: &str = "partners";

fn kind_options(tr: Tr, first: Option<String>) -> Options {
    first
        .map(|f| (String::new(), f))
        .into_iter()
        .chain(PartnerKind::ALL.iter().map(|k| (k.code().to_owned(), tr.code("partner-kind", k.code()))))
        .collect()
}

fn district_options(districts: &[(DistrictId, String)]) -> Options {
    districts.iter().map(|(id, name)| (id.0.to_string(), name.clone())).collect()
}

/// A partner as the overview and its page show it.
pub struct Row {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub districts: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub contact_person: String,
    /// The linked family workers now (names).
    pub workers: String,
    /// A GP practice's current status, in words (empty otherwise).
    pub gp_status: String,
    pub ended_on: String,
}

fn row(tr: Tr, districts: &[(DistrictId, String)], v: &PartnerView, today: jiff::civil::Date) -> Row {
    let p = &v.partner;
    Row {
        id: p.id.0,
        name: p.fields.name.clone(),
        kind: tr.code("partner-kind", p.kind.code()),
        districts: p
            .district_ids
            .iter()
            .filter_map(|d| districts.iter().find(|(id, _)| id == d).map(|(_, n)| n.clone()))
            .collect::<Vec<_>>()
            .join(", "),
        address: p.fields.address.clone(),
        phone: p.fields.phone.clone(),
        email: p.fields.email.clone(),
        contact_person: p.fields.contact_person.clone(),
        workers: p.workers_on(today).map(|w| w.name.clone()).collect::<Vec<_>>().join(", "),
        gp_status: p.gp_status().map(|s| tr.code("gp-status", s.code())).unwrap_or_default(),
        ended_on: p.fields.ended_on.map(|d| tr.date(&d)).unwrap_or_default(),
    }
}

fn may_create(role: Role) -> bool {
    matches!(role, Role::Admin | Role::TeamManager)
}

// ---------------------------------------------------------------------------------------
// The overview.

/// `GET /partners?kind=&district_id=&q=`: the search words are no client data.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    pub kind: Option<String>,
    pub district_id: Option<String>,
    pub q: Option<String>,
}

#[derive(Template)]
#[template(path = "partners/list.html")]
struct ListPage {
    page: Chrome,
    filter: FormState,
    kinds: Options,
    districts: Options,
    rows: Vec<Row>,
    may_create: bool,
}

pub async fn list(State(state): State<AppState>, staff: StaffPage, Query(q): Query<ListQuery>) -> Response {
    let chrome = staff.chrome(AREA);
    let tr = staff.tr();
    // A kind or district that is not one (an edited address) is no filter rather than an error.
    let kind = q.kind.as_deref().and_then(PartnerKind::parse).map(|k| k.code().to_owned());
    let district_id = q.district_id.as_deref().and_then(|d| d.parse::<i64>().ok());
    let query = uc::ListQuery { kind, district_id, q: q.q.clone(), include_ended: None };
    let (items, (districts, _)) = match (
        uc::list(&state.app, &staff.actor, &query).await,
        uc::districts_for_forms(&state.app, &staff.actor).await,
    ) {
        (Ok(items), Ok(d)) => (items, d),
        (Err(e), _) | (_, Err(e)) => return app_error_page(&chrome, e),
    };
    let today = state.app.today();
    let mut values = FormData::default();
    for (k, v) in [("q", &q.q), ("kind", &q.kind), ("district_id", &q.district_id)] {
        if let Some(v) = v {
            values.0.push((k.into(), v.clone()));
        }
    }
    let page = ListPage {
        filter: FormState::new(values).in_scope(Scope::new("", "partner-filter")),
        kinds: kind_options(tr, Some(tr.t("partner-filter-all"))),
        districts: std::iter::once((String::new(), tr.t("partner-filter-all")))
            .chain(district_options(&districts))
            .collect(),
        rows: items.iter().map(|v| row(tr, &districts, v, today)).collect(),
        may_create: may_create(staff.actor.role),
        page: chrome,
    };
    render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------------------
// Adding a partner.

#[derive(Template)]
#[template(path = "partners/new.html")]
struct NewPage {
    page: Chrome,
    form: FormState,
    kinds: Options,
    districts: Options,
}

async fn new_page(state: &AppState, staff: &StaffPage, form: FormState, status: StatusCode) -> Response {
    let chrome = staff.chrome(AREA);
    let tr = staff.tr();
    let (all, mine) = match uc::districts_for_forms(&state.app, &staff.actor).await {
        Ok(d) => d,
        Err(e) => return app_error_page(&chrome, e),
    };
    // A team manager is offered the districts of their teams; an admin all.
    let offered: Vec<(DistrictId, String)> =
        all.into_iter().filter(|(d, _)| staff.actor.role == Role::Admin || mine.contains(d)).collect();
    let page = NewPage {
        form,
        kinds: kind_options(tr, Some(tr.t("partner-choose-kind"))),
        districts: district_options(&offered),
        page: chrome,
    };
    render(status, &page)
}

pub async fn new_form(State(state): State<AppState>, staff: StaffPage) -> Response {
    if !may_create(staff.actor.role) {
        return app_error_page(&staff.chrome(AREA), AppError::Forbidden("partners".into()));
    }
    new_page(&state, &staff, FormState::default().in_scope(Scope::new("", "partner")), StatusCode::OK).await
}

pub async fn new_submit(State(state): State<AppState>, form: PageForm<PartnerInput>) -> Response {
    let staff = &form.page;
    match uc::create(&state.app, &staff.actor, &form.input).await {
        Ok(v) => saved(&format!("/partners/{}", v.partner.id.0), "partner-created"),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form.values.clone())
                .in_scope(Scope::new("", "partner"))
                .with_errors(staff.tr(), &errors);
            new_page(&state, staff, shown, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&staff.chrome(AREA), e),
    }
}

// ---------------------------------------------------------------------------------------
// One partner, with the forms of those who keep it up.

pub struct HistoryRow {
    pub status: String,
    pub since: String,
    pub recorded_by: String,
}

pub struct LinkRow {
    pub name: String,
    pub period: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "partners/partner.html")]
struct PartnerPage {
    page: Chrome,
    id: i64,
    partner: Row,
    is_gp: bool,
    takes_workers: bool,
    history: Vec<HistoryRow>,
    links: Vec<LinkRow>,
    may_manage: bool,
    edit: FormState,
    gp: FormState,
    workers: FormState,
    statuses: Options,
    districts: Options,
    worker_options: Options,
}

/// Which of the page's forms was sent (its errors are shown, the others filled afresh).
enum Sent {
    Nothing,
    Edit(FormData, Vec<buurtteam_domain::validation::FieldError>),
    Gp(FormData, Vec<buurtteam_domain::validation::FieldError>),
    Workers(FormData, Vec<buurtteam_domain::validation::FieldError>),
}

fn edit_values(v: &PartnerView) -> FormData {
    let f = &v.partner.fields;
    let mut out = vec![
        ("name".to_owned(), f.name.clone()),
        ("address".to_owned(), f.address.clone()),
        ("phone".to_owned(), f.phone.clone()),
        ("email".to_owned(), f.email.clone()),
        ("contact_person".to_owned(), f.contact_person.clone()),
        ("ended_on".to_owned(), f.ended_on.map(|d| d.to_string()).unwrap_or_default()),
    ];
    out.extend(v.partner.district_ids.iter().map(|d| ("district_ids".to_owned(), d.0.to_string())));
    FormData(out)
}

async fn partner_page(state: &AppState, staff: &StaffPage, id: i64, sent: Sent) -> Response {
    let chrome = staff.chrome(AREA);
    let tr = staff.tr();
    let view = match uc::get(&state.app, &staff.actor, PartnerId(id)).await {
        Ok(v) => v,
        Err(e) => return app_error_page(&chrome, e),
    };
    let (districts, _) = match uc::districts_for_forms(&state.app, &staff.actor).await {
        Ok(d) => d,
        Err(e) => return app_error_page(&chrome, e),
    };
    let worker_options: Options = if view.may_manage && view.partner.kind.takes_linked_workers() {
        match uc::linkable_workers(&state.app, &staff.actor, PartnerId(id)).await {
            Ok(w) => w.into_iter().map(|(u, n)| (u.0.to_string(), n)).collect(),
            Err(e) => return app_error_page(&chrome, e),
        }
    } else {
        Vec::new()
    };
    let today = state.app.today();
    let scope = |ids: &str| Scope::new(ids.to_owned(), "partner");
    let current_workers =
        FormData(view.partner.workers_on(today).map(|w| ("worker_ids".to_owned(), w.user_id.0.to_string())).collect());
    let (mut edit, mut gp, mut workers) = (
        FormState::new(edit_values(&view)).in_scope(scope("edit")),
        FormState::default().in_scope(scope("gp")),
        FormState::new(current_workers).in_scope(scope("workers")),
    );
    let status = match sent {
        Sent::Nothing => StatusCode::OK,
        Sent::Edit(values, errors) => {
            edit = FormState::new(values).in_scope(scope("edit")).with_errors(tr, &errors);
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Sent::Gp(values, errors) => {
            gp = FormState::new(values).in_scope(scope("gp")).with_errors(tr, &errors);
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Sent::Workers(values, errors) => {
            workers = FormState::new(values).in_scope(scope("workers")).with_errors(tr, &errors);
            StatusCode::UNPROCESSABLE_ENTITY
        }
    };
    let p = &view.partner;
    let page = PartnerPage {
        id,
        partner: row(tr, &districts, &view, today),
        is_gp: p.kind.has_gp_status(),
        takes_workers: p.kind.takes_linked_workers(),
        history: p
            .gp_history
            .iter()
            .rev()
            .map(|c| HistoryRow {
                status: tr.code("gp-status", c.status.code()),
                since: tr.date(&c.since),
                recorded_by: c.recorded_by.clone(),
            })
            .collect(),
        links: p
            .workers
            .iter()
            .map(|w| LinkRow {
                name: w.name.clone(),
                period: match w.ends_on {
                    Some(e) => tr.t2("partner-link-period", "from", tr.date(&w.starts_on), "until", tr.date(&e)),
                    None => tr.t1("partner-link-since", "from", tr.date(&w.starts_on)),
                },
                current: w.ends_on.is_none(),
            })
            .collect(),
        may_manage: view.may_manage,
        edit,
        gp,
        workers,
        statuses: std::iter::once((String::new(), tr.t("partner-choose-status")))
            .chain(GpStatus::ALL.iter().map(|s| (s.code().to_owned(), tr.code("gp-status", s.code()))))
            .collect(),
        districts: district_options(&districts),
        worker_options,
        page: chrome,
    };
    render(status, &page)
}

pub async fn partner(State(state): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    partner_page(&state, &staff, id, Sent::Nothing).await
}

/// What the edit form sends: an emptied field empties it, no district checked is none.
fn edit_from_form(input: &PartnerChange) -> PartnerChange {
    let mut input = input.clone();
    for f in [&mut input.address, &mut input.phone, &mut input.email, &mut input.contact_person, &mut input.ended_on] {
        f.get_or_insert_with(String::new);
    }
    input.district_ids.get_or_insert_with(Vec::new);
    input.worker_ids = None;
    input
}

pub async fn edit_submit(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<PartnerChange>,
) -> Response {
    let staff = &form.page;
    match uc::change(&state.app, &staff.actor, PartnerId(id), &edit_from_form(&form.input)).await {
        Ok(_) => saved(&format!("/partners/{id}"), "partner-changed"),
        Err(AppError::Validation(errors)) => {
            partner_page(&state, staff, id, Sent::Edit(form.values.clone(), errors)).await
        }
        Err(e) => app_error_page(&staff.chrome(AREA), e),
    }
}

pub async fn workers_submit(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<PartnerChange>,
) -> Response {
    let staff = &form.page;
    // Only the links: nothing checked unlinks everyone.
    let input =
        PartnerChange { worker_ids: Some(form.input.worker_ids.clone().unwrap_or_default()), ..Default::default() };
    match uc::change(&state.app, &staff.actor, PartnerId(id), &input).await {
        Ok(_) => saved(&format!("/partners/{id}"), "partner-workers-changed"),
        Err(AppError::Validation(errors)) => {
            partner_page(&state, staff, id, Sent::Workers(form.values.clone(), errors)).await
        }
        Err(e) => app_error_page(&staff.chrome(AREA), e),
    }
}

pub async fn gp_status_submit(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<GpStatusInput>,
) -> Response {
    let staff = &form.page;
    match uc::record_gp_status(&state.app, &staff.actor, PartnerId(id), &form.input).await {
        Ok(_) => saved(&format!("/partners/{id}"), "partner-gp-status-recorded"),
        Err(AppError::Validation(errors)) => {
            partner_page(&state, staff, id, Sent::Gp(form.values.clone(), errors)).await
        }
        Err(e) => app_error_page(&staff.chrome(AREA), e),
    }
}
