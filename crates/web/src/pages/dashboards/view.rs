//! The dashboard's view model: tables of cells, charts, tiles, built from a `KpiView`.

use super::*;

mod absence;
mod groups;
mod onward;
mod partners;

/// A cell of a table, kept typed for the exports (numbers stay numbers in a spreadsheet).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A value with this many decimals.
    Number(f64, u8),
    /// A percentage (0-100) with one decimal: shown as a number under a "(%)" heading, exported
    /// as a fraction with a percent format.
    Pct(f64),
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

    fn pct(s: &Stat) -> Self {
        match Self::stat(s) {
            Self::Number(v, _) => Self::Pct(v),
            other => other,
        }
    }

    pub fn value(&self) -> Option<f64> {
        match self {
            Self::Number(v, _) | Self::Pct(v) => Some(*v),
            _ => None,
        }
    }

    /// As shown on a page and in a CSV file, in the language's notation.
    pub fn text(&self, tr: Tr) -> String {
        match self {
            Self::Text(t) => t.clone(),
            Self::Number(v, d) => number(tr, *v, *d),
            Self::Pct(v) => number(tr, *v, 1),
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
    /// Why there is no chart where one would be: shown in its place instead of empty bars.
    pub no_chart: Option<String>,
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
                Cell::pct(&i.pct),
                prev.map_or(Cell::Empty, |p| Cell::count(&p.count)),
                prev.map_or(Cell::Empty, |p| Cell::pct(&p.pct)),
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
        no_chart: None,
    }
}

/// Why a chart over `col` of these rows would show nothing: no figure in the period (all zero
/// or nothing to compute over), or every figure hidden by suppression. `None` when there is
/// something to draw. For percentages a 0 is a figure (none on time); for counts it is not.
pub fn no_chart_reason(tr: Tr, rows: &[Vec<Cell>], col: usize, zero_is_data: bool) -> Option<String> {
    let cells = || rows.iter().filter_map(|r| r.get(col));
    if cells().any(|c| c.value().is_some_and(|v| v > 0.0 || zero_is_data)) {
        return None;
    }
    if cells().any(|c| matches!(c, Cell::Suppressed | Cell::Protected)) {
        return Some(tr.t("dash-chart-empty-suppressed"));
    }
    Some(tr.t("dash-chart-empty-period"))
}

/// Whether a table belongs on the dashboard of this scope: a comparison of teams or districts
/// says nothing when the scope is one team, or one district.
pub fn fits_scope(name: &str, scope: Scope) -> bool {
    match scope {
        Scope::City => true,
        Scope::District(_) => name != "referrals_by_district",
        Scope::Team(_) => !matches!(name, "referrals_by_team" | "referrals_by_district" | "reach"),
    }
}

/// Sets the chart of a table, or the reason there is none.
fn set_chart(t: &mut DataTable, reason: Option<String>, chart: impl FnOnce(&DataTable) -> String) {
    match reason {
        Some(r) => t.no_chart = Some(r),
        None => t.chart = Some(chart(t)),
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
pub(super) fn difference(tr: Tr, now: &Cell, before: &Cell, unit: Unit) -> String {
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
pub(super) enum Unit {
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
            Cell::pct(&now.intake_within_5_working_days_pct),
            Cell::pct(&before.intake_within_5_working_days_pct),
            Pct,
        ),
        (
            "dash-kpi-intake-on-time-excl",
            Cell::pct(&now.intake_within_5_working_days_pct_excl_requested),
            Cell::pct(&before.intake_within_5_working_days_pct_excl_requested),
            Pct,
        ),
        ("dash-kpi-intake-median", Cell::stat(&now.intake_median_days), Cell::stat(&before.intake_median_days), Days),
        ("dash-kpi-starts", Cell::count(&now.starts), Cell::count(&before.starts), Count),
        (
            "dash-kpi-start-2-weeks",
            Cell::pct(&now.start_within_2_weeks_pct),
            Cell::pct(&before.start_within_2_weeks_pct),
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
    .into_iter()
    .chain(groups::tiles(now, before))
    .collect()
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
        no_chart: None,
    };

    let mut intake = DataTable {
        name: "intake",
        title: tr.t("dash-table-intake"),
        columns: vec![tr.t("dash-col-figure"), tr.t("dash-col-now"), tr.t("dash-col-before")],
        rows: vec![
            vec![
                Cell::Text(tr.t("dash-kpi-intake-on-time")),
                Cell::pct(&now.intake_within_5_working_days_pct),
                Cell::pct(&before.intake_within_5_working_days_pct),
            ],
            vec![
                Cell::Text(tr.t("dash-kpi-intake-on-time-excl")),
                Cell::pct(&now.intake_within_5_working_days_pct_excl_requested),
                Cell::pct(&before.intake_within_5_working_days_pct_excl_requested),
            ],
        ],
        chart: None,
        no_chart: None,
    };
    let target =
        Reference { value: intake_target_pct, label: tr.t1("dash-target", "pct", number(tr, intake_target_pct, 0)) };
    let reason = no_chart_reason(tr, &intake.rows, 1, true);
    set_chart(&mut intake, reason, |t| chart_of(tr, t, (1, 2), true, Some(target)));

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
        if !fits_scope(name, sel.scope) {
            continue;
        }
        let mut t = breakdown(tr, name, list, first, a, b);
        let reason = no_chart_reason(tr, &t.rows, 1, false);
        set_chart(&mut t, reason, |t| chart_of(tr, t, (1, 3), false, None));
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
        no_chart: None,
    };
    let reason = no_chart_reason(tr, &closures.rows, 1, false);
    set_chart(&mut closures, reason, |t| chart_of(tr, t, (1, 2), false, None));
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
        no_chart: None,
    };
    // Without population figures there is nothing to relate reach to: say so, rather than
    // drawing a chart of dashes.
    let no_population = !now.reach.is_empty() && now.reach.iter().all(|r| r.residents.is_none());
    let reason = if no_population {
        Some(tr.t("dash-chart-empty-population"))
    } else {
        no_chart_reason(tr, &reach.rows, 1, false)
    };
    set_chart(&mut reach, reason, |t| chart_of(tr, t, (3, 5), false, None));
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
    // The tile map compares districts: only for the city, and only with reach to show.
    let map = if sel.scope == Scope::City && reach.chart.is_some() { map } else { Vec::new() };
    if fits_scope("reach", sel.scope) {
        tables.push(reach);
    }
    tables.extend(groups::tables(tr, sel.scope, now, before));
    tables.extend(now.absence.as_ref().map(|a| absence::table(tr, a)));
    tables.extend(partners::tables(tr, &now.partners, &before.partners));
    tables.extend(onward::tables(tr, &now.onward_referrals, &before.onward_referrals));

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
