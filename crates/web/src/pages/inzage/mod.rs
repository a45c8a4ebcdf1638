//! Inzage pages: "Mijn gegevens downloaden" in Mijn Buurtteam (`/portal/export`, two download
//! buttons to the API's JSON and PDF), the team's form for a written request from the case file
//! (`/cases/{id}/inzage`: who asked, received on, the file downloads), and the privacy
//! officer's list of the copies made (`/privacy/inzage`: case, relation, who, when; never content).

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use buurtteam_app::AppError;
use buurtteam_app::plan::{self as uc, InzageInput};
use buurtteam_domain::codes::Role;
use buurtteam_domain::ids::CaseId;
use buurtteam_domain::policy::plan::AgeBand;

use super::form::{FormState, PageForm, Scope};
use super::i18n::Tr;
use super::portal::PortalPage;
use super::privacy::PrivacyPage;
use super::{Chrome, StaffPage, app_error_page, render};
use crate::AppState;
use crate::api::inzage::respond;

mod document;

pub(crate) use document::pdf;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/portal/export", get(portal_page))
        .route("/cases/{id}/inzage", get(case_form).post(case_submit))
        .route("/privacy/inzage", get(privacy_list))
}

#[derive(Template)]
#[template(path = "portal_export.html")]
struct PortalExportPage {
    page: Chrome,
    network: bool,
}

async fn portal_page(reader: PortalPage) -> Response {
    let page = Chrome { current: "portal", ..reader.chrome.clone() };
    render(StatusCode::OK, &PortalExportPage { page, network: reader.user.role == Role::NetworkMember })
}

type Options = Vec<(String, String)>;

#[derive(Template)]
#[template(path = "inzage/case.html")]
struct CasePage {
    page: Chrome,
    id: i64,
    title: String,
    form: FormState,
    members: Options,
    formats: Options,
}

fn scope() -> Scope {
    Scope::new("", "inzage")
}

async fn case_page(state: &AppState, staff: &StaffPage, id: i64, form: FormState, status: StatusCode) -> Response {
    let chrome = staff.chrome("");
    let file = match buurtteam_app::cases::file(&state.app, &staff.actor, CaseId(id)).await {
        Ok(f) => f,
        Err(e) => return app_error_page(&chrome, e),
    };
    let tr = staff.tr();
    let today = state.app.today();
    // Children under 12 do not ask for themselves: a parent with authority does.
    let members = std::iter::once((String::new(), tr.t("choose")))
        .chain(file.household.members.iter().filter(|m| AgeBand::of(m.birth_date, today).may_have_account()).map(|m| {
            (
                m.id.0.to_string(),
                format!("{} {} ({})", m.given_name, m.family_name, tr.code("household-role", m.role.code())),
            )
        }))
        .collect();
    let formats = ["pdf", "json"].iter().map(|f| ((*f).to_owned(), tr.t(&format!("inzage-format-{f}")))).collect();
    let title = file.view.case.clients_label();
    render(status, &CasePage { page: chrome, id, title, form, members, formats })
}

async fn case_form(State(state): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    let mut values = super::form::FormData::default();
    values.0.push(("format".into(), "pdf".into()));
    case_page(&state, &staff, id, FormState::new(values).in_scope(scope()), StatusCode::OK).await
}

async fn case_submit(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<InzageInput>) -> Response {
    let staff = &form.page;
    let format = form.input.format;
    match uc::staff_export(&state.app, &staff.actor, CaseId(id), &form.input).await {
        Ok(out) => respond(out, format, &state.app.settings.time_zone),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form.values.clone()).in_scope(scope()).with_errors(staff.tr(), &errors);
            case_page(&state, staff, id, shown, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&staff.chrome(""), e),
    }
}

struct RecordLine {
    when: String,
    case_id: String,
    relation: String,
    received_on: String,
    format: String,
    produced_by: String,
}

#[derive(Template)]
#[template(path = "privacy/inzage.html")]
struct PrivacyInzagePage {
    page: Chrome,
    rows: Vec<RecordLine>,
}

fn record_line(tr: Tr, tz: &jiff::tz::TimeZone, r: &uc::InzageRecord) -> RecordLine {
    let z = r.occurred_at.to_zoned(tz.clone());
    RecordLine {
        when: tr.t2(
            "portal-date-time",
            "date",
            tr.date(&z.date()),
            "time",
            format!("{:02}:{:02}", z.hour(), z.minute()),
        ),
        case_id: r.case_id.map(|c| c.0.to_string()).unwrap_or_else(|| "—".into()),
        relation: r.household_role.map(|h| tr.code("household-role", h.code())).unwrap_or_else(|| "—".into()),
        received_on: r.received_on.map(|d| tr.date(&d)).unwrap_or_else(|| "—".into()),
        format: r.format.as_deref().map(|f| f.to_uppercase()).unwrap_or_else(|| "—".into()),
        produced_by: r.produced_by.clone().unwrap_or_else(|| "—".into()),
    }
}

async fn privacy_list(State(state): State<AppState>, PrivacyPage(officer): PrivacyPage) -> Response {
    let chrome = officer.chrome("privacy");
    let tr = chrome.tr;
    let rows = match uc::inzage_records(&state.app, &officer.actor).await {
        Ok(rows) => rows,
        Err(e) => return app_error_page(&chrome, e),
    };
    let tz = &state.app.settings.time_zone;
    let rows = rows.iter().map(|r| record_line(tr, tz, r)).collect();
    render(StatusCode::OK, &PrivacyInzagePage { page: chrome, rows })
}
