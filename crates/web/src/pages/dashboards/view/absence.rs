//! The dashboard's section "Verzuim en capaciteit" (issue 20, decision 0036): per month of
//! the period the absence percentage against the organisation's target, the frequency, long
//! absence and caseload per FTE. A month above the target says so in words, not in colour
//! only. Absent for readers the absence policy does not let read the figures (the report
//! then has no absence part); "<5" where a cell counts fewer than 5 people.

use buurtteam_domain::kpi::absence::{AbsenceFigures, AbsenceReport};

use super::*;

fn above(tr: Tr, f: &AbsenceFigures, target: f64) -> Cell {
    match (f.absence_above_target, f.absence_pct) {
        (Some(true), _) => Cell::Text(tr.t1("dash-absence-above", "pct", number(tr, target, 1))),
        (Some(false), _) => Cell::Text(tr.t("dash-absence-not-above")),
        (None, Shown::Suppressed) => Cell::Suppressed,
        (None, Shown::Protected) => Cell::Protected,
        (None, Shown::Value(_)) => Cell::Empty,
    }
}

fn row(tr: Tr, label: String, f: &AbsenceFigures, target: f64) -> Vec<Cell> {
    vec![
        Cell::Text(label),
        Cell::pct(&f.absence_pct),
        above(tr, f, target),
        match f.absence_frequency_per_year {
            Shown::Value(Some(v)) => Cell::Number(v, 2),
            other => Cell::stat(&other),
        },
        Cell::count(&f.long_absence_spells),
        Cell::stat(&f.caseload_per_fte),
    ]
}

fn month_label(tr: Tr, from: Date) -> String {
    format!("{} {}", tr.t(&format!("month-{}", from.month())), from.year())
}

/// The absence table of the period: a row per month and one for the whole period.
pub(super) fn table(tr: Tr, a: &AbsenceReport) -> DataTable {
    let target = a.absence_target_pct;
    let mut rows: Vec<Vec<Cell>> =
        a.absence_by_month.iter().map(|m| row(tr, month_label(tr, m.from), &m.figures, target)).collect();
    if a.absence_by_month.len() > 1 {
        rows.push(row(tr, tr.t("dash-absence-whole-period"), &a.figures, target));
    }
    let mut t = DataTable {
        name: "absence",
        title: tr.t1("dash-table-absence", "pct", number(tr, target, 1)),
        columns: vec![
            tr.t("dash-col-month"),
            tr.t("dash-col-absence-pct"),
            tr.t("dash-col-absence-target"),
            tr.t("dash-col-absence-frequency"),
            tr.t("dash-col-long-absence"),
            tr.t("dash-col-caseload-per-fte"),
        ],
        rows,
        chart: None,
        no_chart: None,
    };
    // Months without any absence draw no chart of zeros (nobody absent, or before anyone was).
    let reason = no_chart_reason(tr, &t.rows[..a.absence_by_month.len()], 1, false);
    set_chart(&mut t, reason, |t| chart(tr, t, a.absence_by_month.len(), target));
    t
}

/// One bar per month: the absence percentage, with the target as the reference line. The
/// scale runs to the highest month (or a little above the target), not to 100%.
fn chart(tr: Tr, t: &DataTable, months: usize, target: f64) -> String {
    let groups: Vec<Group> = t.rows[..months]
        .iter()
        .map(|r| Group {
            label: r.first().map(|c| c.text(tr)).unwrap_or_default(),
            points: vec![point(tr, r.get(1).unwrap_or(&Cell::Empty), "%")],
        })
        .collect();
    let series = [(tr.t("dash-col-absence-pct"), "current")];
    let fmt = move |v: f64| format!("{}%", number(tr, v, if v.fract() == 0.0 { 0 } else { 1 }));
    let top = t.rows[..months].iter().filter_map(|r| r.get(1).and_then(Cell::value)).fold(target * 1.5, f64::max);
    // The end on a whole step, so the last tick is not a stray "11%" beside "10%".
    let step = charts::nice_step(top);
    charts::bar_chart(&BarChart {
        id: "chart-absence",
        title: &t.title,
        series: &series,
        groups: &groups,
        max: Some((top / step).ceil() * step),
        reference: Some(Reference { value: target, label: tr.t1("dash-target", "pct", number(tr, target, 0)) }),
        axis_label: &fmt,
        empty_text: &tr.t("dash-no-data"),
    })
}
