//! The dashboard's section on onward referrals (inzet aanvullende hulp; issue 15 part 2,
//! decision 0040, docs/kpi.md "Onward referrals"): those made in the period by kind of help and
//! by district (with all districts together), and the share of the period's closures whose
//! case had one. People counts: suppressed as the rest of the report.

use buurtteam_domain::kpi::onward::OnwardReport;

use super::*;

/// The breakdown by kind and by district, and the closures with an onward referral.
pub(super) fn tables(tr: Tr, now: &OnwardReport, before: &OnwardReport) -> Vec<DataTable> {
    let mut by_kind =
        breakdown(tr, "onward_by_kind", "onward-kind", "dash-col-onward-kind", &now.by_kind, &before.by_kind);
    let reason = no_chart_reason(tr, &by_kind.rows, 1, false);
    set_chart(&mut by_kind, reason, |t| chart_of(tr, t, (1, 3), false, None));

    let mut by_district =
        breakdown(tr, "onward_by_district", "", "dash-col-district", &now.by_district, &before.by_district);
    let reason = no_chart_reason(tr, &by_district.rows, 1, false);
    // The chart compares the districts; the row of all of them together comes after it.
    set_chart(&mut by_district, reason, |t| chart_of(tr, t, (1, 3), false, None));
    if now.by_district.len() != 1 {
        let whole = |r: &OnwardReport| match Cell::count(&r.referrals) {
            Cell::Number(n, _) if n > 0.0 => Cell::Pct(100.0),
            Cell::Number(..) => Cell::Empty,
            hidden => hidden,
        };
        by_district.rows.push(vec![
            Cell::Text(tr.t("dash-onward-all")),
            Cell::count(&now.referrals),
            whole(now),
            Cell::count(&before.referrals),
            whole(before),
        ]);
    }

    let mut closures = DataTable {
        name: "onward_closures",
        title: tr.t("dash-table-onward-closures"),
        columns: vec![
            tr.t("dash-col-figure"),
            tr.t("dash-col-count-now"),
            tr.t("dash-col-pct-now"),
            tr.t("dash-col-count-before"),
            tr.t("dash-col-pct-before"),
        ],
        rows: vec![vec![
            Cell::Text(tr.t("dash-onward-closures-with")),
            Cell::count(&now.closures_with_onward_referral),
            Cell::pct(&now.closures_with_onward_referral_pct),
            Cell::count(&before.closures_with_onward_referral),
            Cell::pct(&before.closures_with_onward_referral_pct),
        ]],
        chart: None,
        no_chart: None,
    };
    // A share of closures: 0% is a figure (none of the closed cases had one).
    let reason = no_chart_reason(tr, &closures.rows, 2, true);
    set_chart(&mut closures, reason, |t| chart_of(tr, t, (2, 4), true, None));
    vec![by_kind, by_district, closures]
}
