//! The steering dashboards (`/dashboards`), their exports (`/dashboards/export.csv`,
//! `.xlsx`) and the printable half-year report (`/reports/half-year`). Every figure comes
//! from the KPI use case with the logged-in actor, so access and small-cell suppression are
//! the API's: a suppressed figure arrives as "<5" and stays "<5" here and in every export.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use buurtteam_app::kpis::{self as uc, KpiInput, KpiView};
use buurtteam_app::{AppError, organisation};
use buurtteam_domain::codes::Role;
use buurtteam_domain::kpi::{Count, Item, Key, Period, PeriodKind, Report, Shown, Stat};
use buurtteam_domain::policy::{self, Relation};
use buurtteam_store::kpi::Scope;
use jiff::civil::Date;
use serde::Deserialize;

use super::charts::{self, BarChart, Group, Point, Reference};
use super::i18n::{Lang, Tr};
use super::{Chrome, StaffPage, app_error_page, error_page, render};
use crate::AppState;

/// The query of the dashboard, its exports and the report. Only ids, codes and dates.
#[derive(Debug, Default, Deserialize)]
pub struct DashQuery {
    /// `city`, `district` or `team` (with `id`), or `district-N` / `team-N`.
    pub scope: Option<String>,
    pub id: Option<String>,
    /// `month`, `quarter`, `half` or `year`.
    pub period: Option<String>,
    /// A day in the period, `YYYY-MM-DD`; the period is the calendar one containing it.
    pub start: Option<String>,
    /// The table to export.
    pub table: Option<String>,
}

/// What the dashboard shows: scope, period and the period before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    pub scope: Scope,
    pub kind: PeriodKind,
    pub period: Period,
    pub previous: Period,
    /// The period has not ended yet: its figures run to today.
    pub running: bool,
}

impl Selection {
    pub fn scope_code(&self) -> String {
        match self.scope {
            Scope::City => "city".to_owned(),
            Scope::District(d) => format!("district-{}", d.0),
            Scope::Team(t) => format!("team-{}", t.0),
        }
    }

    /// The query string of this selection (for links and exports).
    pub fn query(&self) -> String {
        format!("scope={}&period={}&start={}", self.scope_code(), self.kind.code(), self.period.from)
    }
}

/// Parses `scope`/`id`: `city`, `district` + id, `team` + id, `district-N`, `team-N`.
pub fn parse_scope(scope: Option<&str>, id: Option<&str>) -> Option<Scope> {
    let id_of = |s: &str| s.trim().parse::<i64>().ok().filter(|n| *n > 0);
    match (scope.map(str::trim).unwrap_or_default(), id) {
        ("", _) => None,
        ("city", _) => Some(Scope::City),
        ("district", Some(i)) => id_of(i).map(|i| Scope::District(buurtteam_domain::ids::DistrictId(i))),
        ("team", Some(i)) => id_of(i).map(|i| Scope::Team(buurtteam_domain::ids::TeamId(i))),
        (s, _) => {
            if let Some(n) = s.strip_prefix("district-") {
                id_of(n).map(|i| Scope::District(buurtteam_domain::ids::DistrictId(i)))
            } else if let Some(n) = s.strip_prefix("team-") {
                id_of(n).map(|i| Scope::Team(buurtteam_domain::ids::TeamId(i)))
            } else {
                None
            }
        }
    }
}

/// Where the dashboard opens without a scope in the URL: family workers and team managers on
/// their (first) own team, the work they answer for; analysts, and anyone without a team, on
/// the city.
pub fn default_scope(role: Role, team_ids: &[buurtteam_domain::ids::TeamId]) -> Scope {
    match (role, team_ids.first()) {
        (Role::FamilyWorker | Role::TeamManager, Some(t)) => Scope::Team(*t),
        _ => Scope::City,
    }
}

/// The last half year that has ended by `today`: on 30 June that is the second half of the
/// year before, from 1 July the first half of this year.
pub fn last_complete_half_year(today: Date) -> Period {
    PeriodKind::HalfYear.before(today)
}

/// The half year whose report the dashboard links to: the one holding the start of the chosen
/// period when it has ended, else the last complete one before it. A report is a look back
/// at a whole half year, for every reader.
pub fn report_half_year(period_start: Date, today: Date) -> Period {
    let half = PeriodKind::HalfYear.containing(period_start);
    if half.to < today { half } else { PeriodKind::HalfYear.before(half.from) }
}

/// 1 for the half year starting in January, 2 for the one starting in July.
pub fn half_number(start: Date) -> i64 {
    if start.month() <= 6 { 1 } else { 2 }
}

/// The selection of a query; `problem` is true when part of it was not understood and a
/// default was taken instead. `kind` forces the kind of period (the half-year report).
pub fn select(
    q: &DashQuery,
    role: Role,
    team_ids: &[buurtteam_domain::ids::TeamId],
    today: Date,
    kind: Option<PeriodKind>,
) -> (Selection, bool) {
    let mut problem = false;
    let kind = kind.unwrap_or_else(|| match q.period.as_deref().filter(|p| !p.is_empty()) {
        None => PeriodKind::Quarter,
        Some(p) => PeriodKind::parse(p).unwrap_or_else(|| {
            problem = true;
            PeriodKind::Quarter
        }),
    });
    let start = match q.start.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => {
            let d = s.parse::<Date>().ok().filter(|d| *d <= today);
            problem |= d.is_none();
            d
        }
    };
    let mut period = match start {
        Some(d) => kind.containing(d),
        // The last complete period.
        None => kind.before(today),
    };
    let previous = kind.before(period.from);
    let running = period.to > today;
    if running {
        period.to = today;
    }
    let default_scope = default_scope(role, team_ids);
    let scope = match (q.scope.as_deref().filter(|s| !s.is_empty()), parse_scope(q.scope.as_deref(), q.id.as_deref())) {
        (None, _) => default_scope,
        (Some(_), Some(s)) => s,
        (Some(_), None) => {
            problem = true;
            default_scope
        }
    };
    (Selection { scope, kind, period, previous, running }, problem)
}

mod complaints;
mod outreach;
mod survey;
pub(super) mod view;
pub use view::*;

// ---------------------------------------------------------------------------------------
// Handlers.
// ---------------------------------------------------------------------------------------

/// The scopes the actor may choose, as (value, label).
struct Choices {
    scopes: Vec<(String, String)>,
    label: String,
}

async fn load(
    state: &AppState,
    staff: &StaffPage,
    chrome: &Chrome,
    q: &DashQuery,
    kind: Option<PeriodKind>,
) -> Result<(Selection, bool, KpiView, Choices), Response> {
    let tr = staff.tr();
    let actor = &staff.actor;
    let (sel, problem) = select(q, actor.role, &actor.team_ids, state.app.today(), kind);
    let (team_id, district_id) = match sel.scope {
        Scope::City => (None, None),
        Scope::Team(t) => (Some(t.0.to_string()), None),
        Scope::District(d) => (None, Some(d.0.to_string())),
    };
    let input =
        KpiInput { from: Some(sel.period.from.to_string()), to: Some(sel.period.to.to_string()), team_id, district_id };
    let view = match uc::read_compared(&state.app, actor, &input, Some(sel.previous)).await {
        Ok(v) => v,
        // A reader of suppressed figures chose a period that has not ended (the page offers
        // only calendar periods, a running one up to today): say so in the page's language.
        Err(AppError::Validation(fields))
            if fields.iter().any(|f| ["period_not_ended", "whole_calendar_period"].contains(&f.code)) =>
        {
            return Err(error_page(
                chrome,
                StatusCode::UNPROCESSABLE_ENTITY,
                "dash-period-refused-title",
                "dash-period-refused-detail",
            ));
        }
        // An id in the URL that does not exist.
        Err(AppError::Validation(_)) => {
            return Err(error_page(chrome, StatusCode::NOT_FOUND, "error-not-found-title", "error-not-found-detail"));
        }
        Err(e) => return Err(app_error_page(chrome, e)),
    };
    let (teams, districts) = match tokio::try_join!(
        organisation::list_teams(&state.app, actor),
        organisation::list_districts(&state.app, actor)
    ) {
        Ok(x) => x,
        Err(e) => return Err(app_error_page(chrome, e)),
    };
    let mut scopes = Vec::new();
    let wider = policy::kpi_disclosure(actor.role, Relation::NoRecord).is_some();
    if wider {
        scopes.push(("city".to_owned(), tr.t("dash-scope-city")));
        scopes.extend(
            districts.iter().map(|d| (format!("district-{}", d.id.0), tr.t1("dash-scope-district", "name", &d.name))),
        );
    }
    scopes.extend(
        teams
            .iter()
            .filter(|t| wider || actor.team_ids.contains(&t.id))
            .map(|t| (format!("team-{}", t.id.0), tr.t1("dash-scope-team", "name", &t.name))),
    );
    let code = sel.scope_code();
    let label = scopes.iter().find(|(v, _)| *v == code).map(|(_, l)| l.clone()).unwrap_or_default();
    Ok((sel, problem, view, Choices { scopes, label }))
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    page: Chrome,
    d: Dashboard,
    scopes: Vec<(String, String)>,
    periods: Vec<(String, String)>,
    scope: String,
    period: String,
    start: String,
    problem: bool,
    report_start: String,
    report_label: String,
}

/// `GET /dashboards`.
pub async fn page(State(state): State<AppState>, staff: StaffPage, Query(q): Query<DashQuery>) -> Response {
    let tr = staff.tr();
    let chrome = staff.chrome("dashboards");
    let (sel, problem, view, choices) = match load(&state, &staff, &chrome, &q, None).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut d = build(tr, &sel, choices.label, &view, state.app.settings.intake_target_pct);
    d.tables.extend(survey::tables(&state, &staff.actor, tr, &sel).await);
    d.tables.extend(complaints::tables(&state, &staff.actor, tr, &sel).await);
    d.tables.extend(outreach::tables(&state, &staff.actor, tr, &sel).await);
    let half = report_half_year(sel.period.from, state.app.today());
    let report_label = tr.tn(
        "dash-report-link",
        &[("half", half_number(half.from).into()), ("year", i64::from(half.from.year()).into())],
    );
    render(
        StatusCode::OK,
        &DashboardPage {
            page: chrome,
            d,
            scopes: choices.scopes,
            periods: PeriodKind::ALL
                .iter()
                .map(|k| (k.code().to_owned(), tr.t(&format!("dash-period-{}", k.code()))))
                .collect(),
            scope: sel.scope_code(),
            period: sel.kind.code().to_owned(),
            start: sel.period.from.to_string(),
            problem,
            report_start: half.from.to_string(),
            report_label,
        },
    )
}

#[derive(Template)]
#[template(path = "report_half_year.html")]
struct ReportPage {
    page: Chrome,
    d: Dashboard,
    title: String,
}

/// `GET /reports/half-year?start=...&scope=...`: the half-year report, made for printing.
pub async fn half_year_report(State(state): State<AppState>, staff: StaffPage, Query(q): Query<DashQuery>) -> Response {
    let tr = staff.tr();
    let chrome = staff.chrome("dashboards");
    let (sel, _, view, choices) = match load(&state, &staff, &chrome, &q, Some(PeriodKind::HalfYear)).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let title = tr.tn(
        "dash-report-title",
        &[
            ("half", half_number(sel.period.from).into()),
            ("year", i64::from(sel.period.from.year()).into()),
            ("scope", choices.label.clone().into()),
        ],
    );
    let mut d = build(tr, &sel, choices.label, &view, state.app.settings.intake_target_pct);
    d.tables.extend(survey::tables(&state, &staff.actor, tr, &sel).await);
    d.tables.extend(complaints::tables(&state, &staff.actor, tr, &sel).await);
    d.tables.extend(outreach::tables(&state, &staff.actor, tr, &sel).await);
    render(StatusCode::OK, &ReportPage { page: chrome, d, title })
}

/// `GET /dashboards/export.csv` and `.xlsx`: one table of the dashboard (`table=...`);
/// `GET /dashboards/workbook.xlsx`: every table of the dashboard, a sheet each.
pub async fn export(
    State(state): State<AppState>,
    staff: StaffPage,
    axum::extract::Path(file): axum::extract::Path<String>,
    Query(q): Query<DashQuery>,
) -> Response {
    let tr = staff.tr();
    let chrome = staff.chrome("dashboards");
    let format = match file.as_str() {
        "export.csv" => "csv",
        "export.xlsx" => "xlsx",
        "workbook.xlsx" => "workbook",
        _ => return error_page(&chrome, StatusCode::NOT_FOUND, "error-not-found-title", "error-not-found-detail"),
    };
    let (sel, _, view, choices) = match load(&state, &staff, &chrome, &q, None).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut d = build(tr, &sel, choices.label, &view, state.app.settings.intake_target_pct);
    d.tables.extend(survey::tables(&state, &staff.actor, tr, &sel).await);
    d.tables.extend(complaints::tables(&state, &staff.actor, tr, &sel).await);
    d.tables.extend(outreach::tables(&state, &staff.actor, tr, &sel).await);
    let xlsx_failed = |e: rust_xlsxwriter::XlsxError| {
        tracing::error!(error = %e, "xlsx export failed");
        error_page(&chrome, StatusCode::INTERNAL_SERVER_ERROR, "error-internal-title", "error-internal-detail")
    };
    let selection = format!("{}-{}-{}", sel.scope_code(), sel.kind.code(), sel.period.from);
    let (body, content_type, file_name) = if format == "workbook" {
        match super::export::workbook(tr, &d, &tr.date(&state.app.today())) {
            Ok(b) => (b, super::export::XLSX_TYPE, format!("sturing-{selection}.xlsx")),
            Err(e) => return xlsx_failed(e),
        }
    } else {
        let name = q.table.as_deref().unwrap_or("kpis");
        let Some(table) = d.tables.iter().find(|t| t.name == name) else {
            return error_page(&chrome, StatusCode::NOT_FOUND, "error-not-found-title", "error-not-found-detail");
        };
        let file_name = format!("sturing-{}-{selection}.{format}", table.name);
        if format == "csv" {
            (super::export::csv(tr, table).into_bytes(), "text/csv; charset=utf-8", file_name)
        } else {
            match super::export::xlsx(tr, &d, table) {
                Ok(b) => (b, super::export::XLSX_TYPE, file_name),
                Err(e) => return xlsx_failed(e),
            }
        }
    };
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    r
}

#[cfg(test)]
mod tests;
