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
    let default_scope = if role == Role::FamilyWorker {
        team_ids.first().map_or(Scope::City, |t| Scope::Team(*t))
    } else {
        Scope::City
    };
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

// ---------------------------------------------------------------------------------------
// The view model: tables of cells, charts, tiles.
// ---------------------------------------------------------------------------------------

/// A cell of a table, kept typed for the exports (numbers stay numbers in a spreadsheet).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A value with this many decimals.
    Number(f64, u8),
    /// Hidden by small-cell suppression: "<5".
    Suppressed,
    /// Not small itself, hidden to protect a small figure: "afgeschermd" / "protected".
    Protected,
    /// Nothing to compute it over.
    Empty,
}

impl Cell {
    fn count(c: &Count) -> Self {
        match c {
            Shown::Value(v) => Self::Number(*v as f64, 0),
            Shown::Suppressed => Self::Suppressed,
            Shown::Protected => Self::Protected,
        }
    }

    fn stat(s: &Stat) -> Self {
        match s {
            Shown::Value(Some(v)) => Self::Number(*v, 1),
            Shown::Value(None) => Self::Empty,
            Shown::Suppressed => Self::Suppressed,
            Shown::Protected => Self::Protected,
        }
    }

    pub fn value(&self) -> Option<f64> {
        match self {
            Self::Number(v, _) => Some(*v),
            _ => None,
        }
    }

    /// As shown on a page and in a CSV file, in the language's notation.
    pub fn text(&self, tr: Tr) -> String {
        match self {
            Self::Text(t) => t.clone(),
            Self::Number(v, d) => number(tr, *v, *d),
            Self::Suppressed => buurtteam_domain::kpi::SUPPRESSED.to_owned(),
            Self::Protected => tr.t("dash-protected"),
            Self::Empty => "—".to_owned(),
        }
    }
}

/// "1.234" / "33,3" (nl) or "1,234" / "33.3" (en).
pub fn number(tr: Tr, v: f64, decimals: u8) -> String {
    if decimals == 0 {
        return tr.number(v.round() as i64);
    }
    let whole = tr.number(v.trunc() as i64);
    let text = format!("{:.*}", usize::from(decimals), v.abs());
    let fraction = text.split('.').nth(1).unwrap_or_default();
    let mark = if tr.lang == Lang::Nl { ',' } else { '.' };
    let sign = if v < 0.0 && v.trunc() == 0.0 { "-" } else { "" };
    // Rounding may carry into the whole part (9.96 -> 10.0).
    let rounded: f64 = text.parse().unwrap_or(0.0);
    if rounded.trunc() != v.abs().trunc() {
        let whole = tr.number((rounded.trunc() as i64) * if v < 0.0 { -1 } else { 1 });
        return format!("{whole}{mark}{fraction}");
    }
    format!("{sign}{whole}{mark}{fraction}")
}

/// A table of the dashboard: shown on the page, exported as CSV and XLSX.
#[derive(Debug, Clone)]
pub struct DataTable {
    /// The name in export URLs.
    pub name: &'static str,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// The chart of the table, inline SVG.
    pub chart: Option<String>,
}

impl DataTable {
    pub fn text_rows(&self, tr: &Tr) -> Vec<Vec<String>> {
        self.rows.iter().map(|r| r.iter().map(|c| c.text(*tr)).collect()).collect()
    }
}

/// A key figure with the one of the previous period and the difference in words.
pub struct Tile {
    pub label: String,
    pub value: String,
    pub previous: String,
    pub difference: String,
}

/// A district on the tile map.
pub struct MapTile {
    pub name: String,
    pub value: String,
    /// `bt-tile--1` .. `bt-tile--5`, or `bt-tile--none`.
    pub class: String,
    /// Grid position classes.
    pub position: String,
}

pub struct Dashboard {
    pub scope_label: String,
    pub period_label: String,
    pub previous_label: String,
    pub running: bool,
    pub suppressed: bool,
    pub tiles: Vec<Tile>,
    pub tables: Vec<DataTable>,
    pub map: Vec<MapTile>,
    pub legend: Vec<(String, String)>,
    /// The query of this selection, for export links.
    pub query: String,
}

fn period_label(tr: Tr, p: &Period) -> String {
    tr.t2("dash-period-range", "from", tr.date(&p.from), "to", tr.date(&p.to))
}

fn item_label(tr: Tr, list: &str, item: &Item) -> String {
    match &item.key {
        Key::Id(_) => item.label.clone(),
        Key::Code(code) => tr.code(list, code),
    }
}

/// A breakdown table: label, count and share in this period and the previous one.
fn breakdown(tr: Tr, name: &'static str, list: &str, first_col: &str, now: &[Item], before: &[Item]) -> DataTable {
    let rows = now
        .iter()
        .map(|i| {
            let prev = before.iter().find(|p| p.key == i.key);
            vec![
                Cell::Text(item_label(tr, list, i)),
                Cell::count(&i.count),
                Cell::stat(&i.pct),
                prev.map_or(Cell::Empty, |p| Cell::count(&p.count)),
                prev.map_or(Cell::Empty, |p| Cell::stat(&p.pct)),
            ]
        })
        .collect();
    DataTable {
        name,
        title: tr.t(&format!("dash-table-{}", name.replace('_', "-"))),
        columns: vec![
            tr.t(first_col),
            tr.t("dash-col-count-now"),
            tr.t("dash-col-pct-now"),
            tr.t("dash-col-count-before"),
            tr.t("dash-col-pct-before"),
        ],
        rows,
        chart: None,
    }
}

fn series(tr: Tr) -> [(String, &'static str); 2] {
    [(tr.t("dash-this-period"), "current"), (tr.t("dash-previous-period"), "previous")]
}

fn point(tr: Tr, c: &Cell, suffix: &str) -> Point {
    let text = c.text(tr);
    Point { value: c.value(), text: if c.value().is_some() { format!("{text}{suffix}") } else { text } }
}

/// The bar chart of a table, from two of its columns (this period, the previous one).
fn chart_of(tr: Tr, t: &DataTable, cols: (usize, usize), pct: bool, reference: Option<Reference>) -> String {
    let suffix = if pct { "%" } else { "" };
    let groups: Vec<Group> = t
        .rows
        .iter()
        .map(|r| Group {
            label: r.first().map(|c| c.text(tr)).unwrap_or_default(),
            points: vec![
                point(tr, r.get(cols.0).unwrap_or(&Cell::Empty), suffix),
                point(tr, r.get(cols.1).unwrap_or(&Cell::Empty), suffix),
            ],
        })
        .collect();
    let s = series(tr);
    let fmt = move |v: f64| {
        let n = number(tr, v, if v.fract() == 0.0 { 0 } else { 1 });
        if pct { format!("{n}%") } else { n }
    };
    charts::bar_chart(&BarChart {
        id: &format!("chart-{}", t.name.replace('_', "-")),
        title: &t.title,
        series: &s,
        groups: &groups,
        max: pct.then_some(100.0),
        reference,
        axis_label: &fmt,
        empty_text: &tr.t("dash-no-data"),
    })
}

/// The difference between two figures, in words.
fn difference(tr: Tr, now: &Cell, before: &Cell, unit: Unit) -> String {
    let (Some(a), Some(b)) = (now.value(), before.value()) else { return tr.t("dash-diff-none") };
    let d = a - b;
    let decimals = if unit == Unit::Count { 0 } else { 1 };
    if (d * 10.0).round() == 0.0 {
        return tr.t("dash-diff-same");
    }
    let n = number(tr, d.abs(), decimals);
    let key = match (unit, d > 0.0) {
        (Unit::Count | Unit::Mean, true) => "dash-diff-more",
        (Unit::Count | Unit::Mean, false) => "dash-diff-less",
        (Unit::Pct, true) => "dash-diff-pp-up",
        (Unit::Pct, false) => "dash-diff-pp-down",
        (Unit::Days, true) => "dash-diff-days-up",
        (Unit::Days, false) => "dash-diff-days-down",
    };
    tr.t1(key, "diff", n)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Count,
    /// A mean of counts (cases per family worker), one decimal.
    Mean,
    Pct,
    Days,
}

/// The key figures: (message key, this period, the previous one, unit).
fn key_figures(now: &Report, before: &Report) -> Vec<(&'static str, Cell, Cell, Unit)> {
    use Unit::*;
    vec![
        ("dash-kpi-referrals", Cell::count(&now.referrals), Cell::count(&before.referrals), Count),
        ("dash-kpi-intakes-held", Cell::count(&now.intakes_held), Cell::count(&before.intakes_held), Count),
        (
            "dash-kpi-intake-on-time",
            Cell::stat(&now.intake_within_5_working_days_pct),
            Cell::stat(&before.intake_within_5_working_days_pct),
            Pct,
        ),
        (
            "dash-kpi-intake-on-time-excl",
            Cell::stat(&now.intake_within_5_working_days_pct_excl_requested),
            Cell::stat(&before.intake_within_5_working_days_pct_excl_requested),
            Pct,
        ),
        ("dash-kpi-intake-median", Cell::stat(&now.intake_median_days), Cell::stat(&before.intake_median_days), Days),
        ("dash-kpi-starts", Cell::count(&now.starts), Cell::count(&before.starts), Count),
        (
            "dash-kpi-start-2-weeks",
            Cell::stat(&now.start_within_2_weeks_pct),
            Cell::stat(&before.start_within_2_weeks_pct),
            Pct,
        ),
        ("dash-kpi-waiting", Cell::count(&now.waiting_list), Cell::count(&before.waiting_list), Count),
        (
            "dash-kpi-waiting-median",
            Cell::stat(&now.waiting_median_days),
            Cell::stat(&before.waiting_median_days),
            Days,
        ),
        ("dash-kpi-active", Cell::count(&now.active_cases), Cell::count(&before.active_cases), Count),
        ("dash-kpi-long-running", Cell::count(&now.long_running_cases), Cell::count(&before.long_running_cases), Count),
        ("dash-kpi-closures", Cell::count(&now.closures), Cell::count(&before.closures), Count),
        (
            "dash-kpi-duration-median",
            Cell::stat(&now.case_duration_median_days),
            Cell::stat(&before.case_duration_median_days),
            Days,
        ),
        ("dash-kpi-caseload-mean", Cell::stat(&now.caseload.mean), Cell::stat(&before.caseload.mean), Mean),
        ("dash-kpi-contacts", Cell::count(&now.contacts), Cell::count(&before.contacts), Count),
        (
            "dash-kpi-households-reached",
            Cell::count(&now.households_reached),
            Cell::count(&before.households_reached),
            Count,
        ),
    ]
}

/// The fixed places of Utrecht's ten districts on the tile map (column, row), roughly as
/// they lie; other districts are placed after them.
const TILE_PLACES: &[(&str, u8, u8)] = &[
    ("Noordwest", 2, 0),
    ("Overvecht", 3, 0),
    ("Vleuten-De Meern", 0, 1),
    ("Leidsche Rijn", 1, 1),
    ("West", 2, 1),
    ("Binnenstad", 3, 1),
    ("Noordoost", 4, 1),
    ("Zuidwest", 2, 2),
    ("Zuid", 3, 2),
    ("Oost", 4, 2),
];

/// Builds everything the dashboard and the report show.
/// `intake_target_pct`: the organisation's target for intakes within 5 working days, drawn as a
/// reference line (a setting: the seeds name the 5-day norm but no percentage).
pub fn build(tr: Tr, sel: &Selection, scope_label: String, view: &KpiView, intake_target_pct: f64) -> Dashboard {
    let (now, before) = (&view.current, &view.previous);
    let figures = key_figures(now, before);
    let tiles = figures
        .iter()
        .map(|(key, a, b, unit)| {
            let suffix = if *unit == Unit::Pct && a.value().is_some() { "%" } else { "" };
            let prev_suffix = if *unit == Unit::Pct && b.value().is_some() { "%" } else { "" };
            Tile {
                label: tr.t(key),
                value: format!("{}{suffix}", a.text(tr)),
                previous: format!("{}{prev_suffix}", b.text(tr)),
                difference: difference(tr, a, b, *unit),
            }
        })
        .collect();
    let kpis = DataTable {
        name: "kpis",
        title: tr.t("dash-table-kpis"),
        columns: vec![
            tr.t("dash-col-figure"),
            tr.t("dash-col-now"),
            tr.t("dash-col-before"),
            tr.t("dash-col-difference"),
        ],
        rows: figures
            .iter()
            .map(|(key, a, b, unit)| {
                vec![Cell::Text(tr.t(key)), a.clone(), b.clone(), Cell::Text(difference(tr, a, b, *unit))]
            })
            .collect(),
        chart: None,
    };

    let mut intake = DataTable {
        name: "intake",
        title: tr.t("dash-table-intake"),
        columns: vec![tr.t("dash-col-figure"), tr.t("dash-col-now"), tr.t("dash-col-before")],
        rows: vec![
            vec![
                Cell::Text(tr.t("dash-kpi-intake-on-time")),
                Cell::stat(&now.intake_within_5_working_days_pct),
                Cell::stat(&before.intake_within_5_working_days_pct),
            ],
            vec![
                Cell::Text(tr.t("dash-kpi-intake-on-time-excl")),
                Cell::stat(&now.intake_within_5_working_days_pct_excl_requested),
                Cell::stat(&before.intake_within_5_working_days_pct_excl_requested),
            ],
        ],
        chart: None,
    };
    let target =
        Reference { value: intake_target_pct, label: tr.t1("dash-target", "pct", number(tr, intake_target_pct, 0)) };
    intake.chart = Some(chart_of(tr, &intake, (1, 2), true, Some(target)));

    let mut tables = vec![kpis, intake];
    for (name, list, first, a, b) in [
        ("referrals_by_source", "source", "dash-col-source", &now.referrals_by_source, &before.referrals_by_source),
        (
            "referrals_by_life_domain",
            "life-domain",
            "dash-col-life-domain",
            &now.referrals_by_life_domain,
            &before.referrals_by_life_domain,
        ),
        ("referrals_by_team", "", "dash-col-team", &now.referrals_by_team, &before.referrals_by_team),
        ("referrals_by_district", "", "dash-col-district", &now.referrals_by_district, &before.referrals_by_district),
        ("waiting_by_days", "dash-range", "dash-col-waiting", &now.waiting_by_days, &before.waiting_by_days),
        ("case_duration", "dash-range", "dash-col-duration", &now.case_duration, &before.case_duration),
        ("contact_forms", "contact-form", "dash-col-contact-form", &now.contact_forms, &before.contact_forms),
    ] {
        let mut t = breakdown(tr, name, list, first, a, b);
        t.chart = Some(chart_of(tr, &t, (1, 3), false, None));
        tables.push(t);
    }
    // Closures by reason: a breakdown without shares in the report; shares against closures.
    let reasons = |r: &Report| {
        [
            ("result_achieved", r.closures_by_reason.result_achieved),
            ("external_circumstances", r.closures_by_reason.external_circumstances),
            ("other", r.closures_by_reason.other),
        ]
    };
    let mut closures = DataTable {
        name: "closures_by_reason",
        title: tr.t("dash-table-closures-by-reason"),
        columns: vec![tr.t("dash-col-reason"), tr.t("dash-col-count-now"), tr.t("dash-col-count-before")],
        rows: reasons(now)
            .iter()
            .zip(reasons(before))
            .map(|((code, a), (_, b))| {
                vec![Cell::Text(tr.code("closure-reason", code)), Cell::count(a), Cell::count(&b)]
            })
            .collect(),
        chart: None,
    };
    closures.chart = Some(chart_of(tr, &closures, (1, 2), false, None));
    tables.insert(tables.len() - 1, closures);

    // Reach per district, and the tile map.
    let reach_rows = now
        .reach
        .iter()
        .map(|r| {
            let prev = before.reach.iter().find(|p| p.district_id == r.district_id);
            vec![
                Cell::Text(r.name.clone()),
                Cell::count(&r.households),
                r.residents.map_or(Cell::Empty, |n| Cell::Number(n as f64, 0)),
                Cell::stat(&r.per_1000_residents),
                prev.map_or(Cell::Empty, |p| Cell::count(&p.households)),
                prev.map_or(Cell::Empty, |p| Cell::stat(&p.per_1000_residents)),
            ]
        })
        .collect();
    let mut reach = DataTable {
        name: "reach",
        title: tr.t("dash-table-reach"),
        columns: vec![
            tr.t("dash-col-district"),
            tr.t("dash-col-households-now"),
            tr.t("dash-col-residents"),
            tr.t("dash-col-per-1000-now"),
            tr.t("dash-col-households-before"),
            tr.t("dash-col-per-1000-before"),
        ],
        rows: reach_rows,
        chart: None,
    };
    reach.chart = Some(chart_of(tr, &reach, (3, 5), false, None));
    let max = now.reach.iter().filter_map(|r| r.per_1000_residents.value().flatten()).fold(0.0f64, f64::max);
    let mut extra = 0u8;
    let map = now
        .reach
        .iter()
        .map(|r| {
            let (col, row) = TILE_PLACES.iter().find(|(n, _, _)| *n == r.name).map_or_else(
                || {
                    extra += 1;
                    ((extra - 1) % 5, 3 + (extra - 1) / 5)
                },
                |(_, c, r)| (*c, *r),
            );
            let v = r.per_1000_residents.value().flatten();
            let value = match r.per_1000_residents {
                Shown::Suppressed => buurtteam_domain::kpi::SUPPRESSED.to_owned(),
                Shown::Protected => tr.t("dash-protected"),
                Shown::Value(None) => tr.t("dash-map-unknown"),
                Shown::Value(Some(v)) => number(tr, v, 1),
            };
            MapTile {
                name: r.name.clone(),
                value,
                class: charts::tile_class(v, max)
                    .map_or_else(|| "bt-tile--none".to_owned(), |c| format!("bt-tile--{c}")),
                position: format!("bt-tile--col-{} bt-tile--row-{}", col + 1, row + 1),
            }
        })
        .collect();
    let legend = (1..=5u8)
        .map(|c| {
            let lo = max * f64::from(c - 1) / 5.0;
            let hi = max * f64::from(c) / 5.0;
            (format!("bt-tile--{c}"), tr.t2("dash-legend-range", "from", number(tr, lo, 1), "to", number(tr, hi, 1)))
        })
        .chain(std::iter::once(("bt-tile--none".to_owned(), tr.t("dash-legend-none"))))
        .collect();
    tables.push(reach);

    Dashboard {
        scope_label,
        period_label: period_label(tr, &sel.period),
        previous_label: period_label(tr, &sel.previous),
        running: sel.running,
        suppressed: now.small_counts_suppressed,
        tiles,
        tables,
        map,
        legend,
        query: sel.query(),
    }
}

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
}

/// `GET /dashboards`.
pub async fn page(State(state): State<AppState>, staff: StaffPage, Query(q): Query<DashQuery>) -> Response {
    let tr = staff.tr();
    let chrome = staff.chrome("dashboards");
    let (sel, problem, view, choices) = match load(&state, &staff, &chrome, &q, None).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let d = build(tr, &sel, choices.label, &view, state.app.settings.intake_target_pct);
    let half = PeriodKind::HalfYear.containing(sel.period.from);
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
    let half = if sel.period.from.month() == 1 { 1 } else { 2 };
    let title = tr.tn(
        "dash-report-title",
        &[
            ("half", half.into()),
            ("year", i64::from(sel.period.from.year()).into()),
            ("scope", choices.label.clone().into()),
        ],
    );
    let d = build(tr, &sel, choices.label, &view, state.app.settings.intake_target_pct);
    render(StatusCode::OK, &ReportPage { page: chrome, d, title })
}

/// `GET /dashboards/export.csv` and `.xlsx`: one table of the dashboard.
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
        _ => return error_page(&chrome, StatusCode::NOT_FOUND, "error-not-found-title", "error-not-found-detail"),
    };
    let (sel, _, view, choices) = match load(&state, &staff, &chrome, &q, None).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let d = build(tr, &sel, choices.label, &view, state.app.settings.intake_target_pct);
    let name = q.table.as_deref().unwrap_or("kpis");
    let Some(table) = d.tables.iter().find(|t| t.name == name) else {
        return error_page(&chrome, StatusCode::NOT_FOUND, "error-not-found-title", "error-not-found-detail");
    };
    let file_name =
        format!("sturing-{}-{}-{}-{}.{format}", table.name, sel.scope_code(), sel.kind.code(), sel.period.from);
    let (body, content_type) = if format == "csv" {
        (super::export::csv(tr, table).into_bytes(), "text/csv; charset=utf-8")
    } else {
        match super::export::xlsx(tr, table) {
            Ok(b) => (b, super::export::XLSX_TYPE),
            Err(e) => {
                tracing::error!(error = %e, "xlsx export failed");
                return error_page(
                    &chrome,
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "error-internal-title",
                    "error-internal-detail",
                );
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
mod tests {
    use super::*;
    use buurtteam_domain::ids::{DistrictId, TeamId};
    use jiff::civil::date;

    #[test]
    fn scopes_from_the_url() {
        assert_eq!(parse_scope(Some("city"), None), Some(Scope::City));
        assert_eq!(parse_scope(Some("team"), Some("7")), Some(Scope::Team(TeamId(7))));
        assert_eq!(parse_scope(Some("district-3"), None), Some(Scope::District(DistrictId(3))));
        assert_eq!(parse_scope(Some("team"), None), None);
        assert_eq!(parse_scope(Some("team-x"), None), None);
        assert_eq!(parse_scope(Some("team--1"), None), None);
    }

    #[test]
    fn selections_default_to_the_last_complete_period_and_stop_at_today() {
        let today = date(2026, 11, 23);
        let q = DashQuery::default();
        let (s, problem) = select(&q, Role::Analyst, &[], today, None);
        assert!(!problem);
        assert_eq!((s.period.from, s.period.to), (date(2026, 7, 1), date(2026, 9, 30)));
        assert_eq!((s.previous.from, s.previous.to), (date(2026, 4, 1), date(2026, 6, 30)));
        assert_eq!(s.scope, Scope::City);
        let q = DashQuery { period: Some("year".into()), start: Some("2026-03-15".into()), ..Default::default() };
        let (s, _) = select(&q, Role::FamilyWorker, &[TeamId(4)], today, None);
        assert_eq!((s.period.from, s.period.to, s.running), (date(2026, 1, 1), today, true));
        assert_eq!(s.scope, Scope::Team(TeamId(4)), "a family worker starts at their team");
        let q = DashQuery { period: Some("week".into()), start: Some("2027-01-01".into()), ..Default::default() };
        let (s, problem) = select(&q, Role::Analyst, &[], today, None);
        assert!(problem, "unknown period and a future start are reported");
        assert_eq!(s.kind, PeriodKind::Quarter);
        let (s, _) = select(&DashQuery::default(), Role::Analyst, &[], today, Some(PeriodKind::HalfYear));
        assert_eq!((s.period.from, s.previous.from), (date(2026, 1, 1), date(2025, 7, 1)));
    }

    #[test]
    fn numbers_in_the_languages_notation() {
        let nl = Tr::new(Lang::Nl);
        let en = Tr::new(Lang::En);
        assert_eq!(number(nl, 1234.0, 0), "1.234");
        assert_eq!(number(nl, 33.33, 1), "33,3");
        assert_eq!(number(nl, 1234.5, 1), "1.234,5");
        assert_eq!(number(en, 1234.5, 1), "1,234.5");
        assert_eq!(number(nl, 9.96, 1), "10,0");
        assert_eq!(number(nl, -0.5, 1), "-0,5");
        assert_eq!(number(nl, -12.5, 1), "-12,5");
        assert_eq!(Cell::Suppressed.text(nl), "<5");
        assert_eq!(Cell::Protected.text(nl), "afgeschermd");
        assert_eq!(Cell::Empty.text(nl), "—");
    }

    #[test]
    fn differences_in_words() {
        let nl = Tr::new(Lang::Nl);
        let n = |v: f64| Cell::Number(v, 0);
        assert_eq!(difference(nl, &n(12.0), &n(9.0), Unit::Count), "3 meer dan de vorige periode");
        assert_eq!(difference(nl, &n(9.0), &n(12.0), Unit::Count), "3 minder dan de vorige periode");
        assert_eq!(difference(nl, &n(9.0), &n(9.0), Unit::Count), "Gelijk aan de vorige periode");
        assert_eq!(difference(nl, &Cell::Suppressed, &n(9.0), Unit::Count), "Niet te vergelijken");
        assert_eq!(
            difference(nl, &Cell::Number(50.0, 1), &Cell::Number(33.3, 1), Unit::Pct),
            "16,7 procentpunt hoger dan de vorige periode"
        );
    }
}
