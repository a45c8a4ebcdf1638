//! The dashboard's group tables (issue 19): group support considered and used in the active
//! cases, participants and attendance, offers per theme and district, the collective
//! approach per district. Exported and printed in the half-year report like every table.

use super::*;

/// The group figures: (message key, this period, the previous one, unit).
fn figures(now: &Report, before: &Report) -> Vec<(&'static str, Cell, Cell, Unit)> {
    use Unit::*;
    let (g, b) = (&now.groups, &before.groups);
    vec![
        (
            "dash-kpi-group-participants",
            Cell::count(&now.group_participants),
            Cell::count(&before.group_participants),
            Count,
        ),
        (
            "dash-kpi-group-considered",
            Cell::pct(&now.group_support_considered_pct),
            Cell::pct(&before.group_support_considered_pct),
            Pct,
        ),
        ("dash-kpi-group-used", Cell::pct(&g.group_support_used_pct), Cell::pct(&b.group_support_used_pct), Pct),
        ("dash-kpi-group-attendance", Cell::pct(&g.attendance_rate_pct), Cell::pct(&b.attendance_rate_pct), Pct),
        ("dash-kpi-group-offers", Cell::count(&g.offers), Cell::count(&b.offers), Count),
        (
            "dash-kpi-collective-activities",
            Cell::count(&g.collective_activities),
            Cell::count(&b.collective_activities),
            Count,
        ),
        (
            "dash-kpi-collective-parents",
            Cell::count(&g.collective_participants.parents),
            Cell::count(&b.collective_participants.parents),
            Count,
        ),
        (
            "dash-kpi-collective-young-people",
            Cell::count(&g.collective_participants.young_people),
            Cell::count(&b.collective_participants.young_people),
            Count,
        ),
        (
            "dash-kpi-collective-professionals",
            Cell::count(&g.collective_participants.professionals),
            Cell::count(&b.collective_participants.professionals),
            Count,
        ),
    ]
}

/// The two group figures among the tiles: participants, and the share considered.
pub(super) fn tiles(now: &Report, before: &Report) -> Vec<(&'static str, Cell, Cell, Unit)> {
    figures(now, before).into_iter().take(2).collect()
}

/// The group tables of the dashboard of `scope`.
pub(super) fn tables(tr: Tr, scope: Scope, now: &Report, before: &Report) -> Vec<DataTable> {
    let rows = figures(now, before)
        .iter()
        .map(|(key, a, b, unit)| {
            vec![Cell::Text(tr.t(key)), a.clone(), b.clone(), Cell::Text(difference(tr, a, b, *unit))]
        })
        .collect();
    let mut overview = DataTable {
        name: "group_support",
        title: tr.t("dash-table-group-support"),
        columns: vec![
            tr.t("dash-col-figure"),
            tr.t("dash-col-now"),
            tr.t("dash-col-before"),
            tr.t("dash-col-difference"),
        ],
        rows,
        chart: None,
        no_chart: None,
    };
    // The chart shows the three shares (considered, used, attendance).
    let shares = DataTable { rows: overview.rows[1..4].to_vec(), ..overview.clone() };
    let reason = no_chart_reason(tr, &shares.rows, 1, true);
    if reason.is_none() {
        overview.chart = Some(chart_of(tr, &shares, (1, 2), true, None));
    } else {
        overview.no_chart = reason;
    }
    let mut out = vec![overview];
    let (g, b) = (&now.groups, &before.groups);
    for (name, list, first, a, p) in [
        ("group_not_used_reasons", "group-support-reason", "dash-col-reason", &g.not_used_reasons, &b.not_used_reasons),
        ("group_offers_by_theme", "dash-group-theme", "dash-col-theme", &g.offers_by_theme, &b.offers_by_theme),
        ("group_offers_by_district", "", "dash-col-district", &g.offers_by_district, &b.offers_by_district),
        (
            "collective_by_district",
            "",
            "dash-col-district",
            &g.collective_activities_by_district,
            &b.collective_activities_by_district,
        ),
    ] {
        // One district's dashboard does not compare districts.
        if matches!(scope, Scope::District(_)) && list.is_empty() {
            continue;
        }
        let mut t = breakdown(tr, name, list, first, a, p);
        let reason = no_chart_reason(tr, &t.rows, 1, false);
        set_chart(&mut t, reason, |t| chart_of(tr, t, (1, 3), false, None));
        out.push(t);
    }
    out
}
