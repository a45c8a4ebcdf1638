//! The dashboard's section on partners (issue 15, docs/kpi.md "Partners"): GP practices per
//! district by collaboration status and the share working with the team against the
//! organisation's target, this period and the one before (each on its own last day), and VE
//! locations with a linked family worker. These count organisations: never suppressed.

use buurtteam_domain::kpi::partners::{GpFigures, PartnersReport};

use super::*;

fn share_against_target(tr: Tr, f: &GpFigures, target: f64) -> Cell {
    match f.below_target {
        Some(true) => Cell::Text(tr.t1("dash-gp-below", "pct", number(tr, target, 0))),
        Some(false) => Cell::Text(tr.t1("dash-gp-not-below", "pct", number(tr, target, 0))),
        None => Cell::Empty,
    }
}

fn row(tr: Tr, label: String, now: &GpFigures, before: Option<&GpFigures>, target: f64) -> Vec<Cell> {
    let pct = |f: Option<&GpFigures>| f.and_then(|f| f.started_pct).map_or(Cell::Empty, Cell::Pct);
    vec![
        Cell::Text(label),
        Cell::Number(now.practices as f64, 0),
        Cell::Number(now.started as f64, 0),
        Cell::Number(now.alternative_agreement as f64, 0),
        Cell::Number(now.in_talks as f64, 0),
        Cell::Number(now.none as f64, 0),
        pct(Some(now)),
        pct(before),
        share_against_target(tr, now, target),
    ]
}

/// The GP table (a row per district in the scope, and the scope as a whole when it has more
/// than one) and the VE locations table.
pub(super) fn tables(tr: Tr, now: &PartnersReport, before: &PartnersReport) -> Vec<DataTable> {
    let target = now.gp_practices_target_pct;
    let mut rows: Vec<Vec<Cell>> = now
        .gp_practices_by_district
        .iter()
        .map(|d| {
            let prev = before.gp_practices_by_district.iter().find(|b| b.district_id == d.district_id);
            row(tr, d.name.clone(), &d.figures, prev.map(|p| &p.figures), target)
        })
        .collect();
    let districts = rows.len();
    if districts != 1 {
        rows.push(row(tr, tr.t("dash-gp-all"), &now.gp_practices, Some(&before.gp_practices), target));
    }
    let mut gp = DataTable {
        name: "gp_practices",
        title: tr.t1("dash-table-gp", "pct", number(tr, target, 0)),
        columns: vec![
            tr.t("dash-col-district"),
            tr.t("dash-col-gp-practices"),
            tr.t("dash-col-gp-started"),
            tr.t("dash-col-gp-alternative"),
            tr.t("dash-col-gp-in-talks"),
            tr.t("dash-col-gp-none"),
            tr.t("dash-col-gp-share-now"),
            tr.t("dash-col-gp-share-before"),
            tr.t("dash-col-gp-target"),
        ],
        rows,
        chart: None,
        no_chart: None,
    };
    let reason = (now.gp_practices.practices == 0).then(|| tr.t("dash-gp-none-recorded"));
    let reference = Reference { value: target, label: tr.t1("dash-gp-target-line", "pct", number(tr, target, 0)) };
    set_chart(&mut gp, reason, |t| chart_of(tr, t, (6, 7), true, Some(reference)));
    let ve = DataTable {
        name: "early_education",
        title: tr.t("dash-table-ve"),
        columns: vec![tr.t("dash-col-ve-locations"), tr.t("dash-col-ve-linked"), tr.t("dash-col-ve-share")],
        rows: vec![vec![
            Cell::Number(now.early_education_locations as f64, 0),
            Cell::Number(now.early_education_locations_linked as f64, 0),
            now.early_education_linked_pct.map_or(Cell::Empty, Cell::Pct),
        ]],
        chart: None,
        no_chart: None,
    };
    vec![gp, ve]
}
