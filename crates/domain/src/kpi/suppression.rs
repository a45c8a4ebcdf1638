//! Small-cell suppression: primary (counts below 5) and secondary (figures from which a
//! hidden one could be worked out), see docs/kpi.md.

use super::*;

fn small(c: &Count) -> bool {
    c.value().is_some_and(|v| v < SUPPRESS_BELOW)
}

fn raw(c: &Count) -> u64 {
    c.value().unwrap_or(0)
}

/// Primary suppression of one count.
pub(crate) fn primary(c: &mut Count) {
    if small(c) {
        *c = Shown::Suppressed;
    }
}

/// A percentage `part / whole` is shown only when both the part and the rest of the whole
/// are 5 or more: with the whole known, the percentage gives both away.
pub(crate) fn ratio_rule(stat: &mut Stat, part: u64, whole: u64) {
    if part < SUPPRESS_BELOW || whole.saturating_sub(part) < SUPPRESS_BELOW {
        *stat = Shown::Suppressed;
    }
}

/// A statistic over `n` cases (a mean, a median, a longest wait) is shown only for n >= 5.
fn stat_rule(stat: &mut Stat, n: u64) {
    if n < SUPPRESS_BELOW {
        *stat = Shown::Suppressed;
    }
}

/// Secondary suppression of cells that add up to a published `total`. Returns whether
/// anything changed. Cells are compared by their true value (`values`), which the caller
/// keeps because suppression hides it.
pub(crate) fn secondary(total_suppressed: bool, cells: &mut [&mut Count], values: &[u64]) -> bool {
    let hidden = cells.iter().filter(|c| c.is_suppressed()).count();
    // With the total shown, one hidden cell is the total minus the others; with the total
    // hidden, all cells shown give the total back. Either way hide the smallest shown cell.
    let needs_more = if total_suppressed { hidden == 0 } else { hidden == 1 };
    if !needs_more {
        return false;
    }
    let smallest = (0..cells.len()).filter(|i| !cells[*i].is_suppressed()).min_by_key(|i| (values[*i], *i));
    match smallest {
        Some(i) => {
            *cells[i] = Shown::Protected;
            true
        }
        None => false,
    }
}

/// The true values of counts before suppression.
fn values(items: &[Item]) -> Vec<u64> {
    items.iter().map(|i| raw(&i.count)).collect()
}

/// Suppresses small counts in `report` so that none can be derived from what remains shown.
///
/// 1. Primary: every count below 5 (zero included) becomes `"<5"`.
/// 2. Stock and flow: `active_cases = active_at_start + referrals - closures`. If exactly one
///    of the four is hidden, the smaller of `referrals` and `closures` that is still shown
///    is hidden too (the stocks are never hidden by this rule, so the same stock shown in
///    the `previous` period stays consistent).
/// 3. Breakdowns that add up to a total (referrals by source, team and district; closures
///    by reason, the details within each reason, and by duration; the waiting list by
///    waiting time; contacts by form; households reached by district): if exactly one cell
///    is hidden while the total is shown, the next smallest cell is hidden too; if the
///    total is hidden while every cell is shown, the smallest cell is hidden.
///    Rules 2 and 3 repeat until nothing changes.
/// 4. Percentages of a part in a whole are hidden unless both the part and the rest are 5
///    or more; statistics over fewer than 5 cases are hidden; a cell's share and a
///    district's rate per 1,000 are hidden with the cell, and shares also with their total.
pub fn suppress(report: &mut Report) {
    let r = report;
    r.small_counts_suppressed = true;
    // True values, kept for the rules that depend on them.
    let intake_n = raw(&r.intakes_held);
    let start_n = raw(&r.starts);
    let waiting_n = raw(&r.waiting_list);
    let closures_n = raw(&r.closures);
    let caseload_n = raw(&r.caseload.cases);
    let v_source = values(&r.referrals_by_source);
    let v_team = values(&r.referrals_by_team);
    let v_district = values(&r.referrals_by_district);
    let v_detail = values(&r.closures_by_detail);
    let v_duration = values(&r.case_duration);
    let v_waiting = values(&r.waiting_by_days);
    let v_forms = values(&r.contact_forms);
    let v_reach: Vec<u64> = r.reach.iter().map(|x| raw(&x.households)).collect();
    let v_reasons = [
        raw(&r.closures_by_reason.result_achieved),
        raw(&r.closures_by_reason.external_circumstances),
        raw(&r.closures_by_reason.other),
    ];
    let (v_referrals, v_closures) = (raw(&r.referrals), raw(&r.closures));

    // 1. Primary.
    for c in [
        &mut r.referrals,
        &mut r.intakes_held,
        &mut r.starts,
        &mut r.waiting_list,
        &mut r.active_at_start,
        &mut r.active_cases,
        &mut r.long_running_cases,
        &mut r.caseload.cases,
        &mut r.closures,
        &mut r.closures_by_reason.result_achieved,
        &mut r.closures_by_reason.external_circumstances,
        &mut r.closures_by_reason.other,
        &mut r.contacts,
        &mut r.households_reached,
    ] {
        primary(c);
    }
    for list in [
        &mut r.referrals_by_source,
        &mut r.referrals_by_team,
        &mut r.referrals_by_district,
        &mut r.referrals_by_life_domain,
        &mut r.referrals_by_partner_kind,
        &mut r.closures_by_detail,
        &mut r.case_duration,
        &mut r.waiting_by_days,
        &mut r.contact_forms,
    ] {
        for i in list.iter_mut() {
            primary(&mut i.count);
        }
    }
    for x in &mut r.reach {
        primary(&mut x.households);
    }

    // 2 and 3, until nothing changes.
    loop {
        let mut changed = false;
        let hidden = [&r.active_at_start, &r.referrals, &r.closures, &r.active_cases]
            .iter()
            .filter(|c| c.is_suppressed())
            .count();
        if hidden == 1 {
            let flows = [(v_referrals, 0), (v_closures, 1)];
            let pick = flows
                .iter()
                .filter(|(_, i)| if *i == 0 { !r.referrals.is_suppressed() } else { !r.closures.is_suppressed() })
                .min_by_key(|(v, i)| (*v, *i));
            match pick {
                Some((_, 0)) => r.referrals = Shown::Protected,
                Some(_) => r.closures = Shown::Protected,
                None => {}
            }
            changed |= pick.is_some();
        }
        let referrals_hidden = r.referrals.is_suppressed();
        for (list, vals) in [
            (&mut r.referrals_by_source, &v_source),
            (&mut r.referrals_by_team, &v_team),
            (&mut r.referrals_by_district, &v_district),
        ] {
            let mut cells: Vec<&mut Count> = list.iter_mut().map(|i| &mut i.count).collect();
            changed |= secondary(referrals_hidden, &mut cells, vals);
        }
        let closures_hidden = r.closures.is_suppressed();
        {
            let c = &mut r.closures_by_reason;
            let mut cells = [&mut c.result_achieved, &mut c.external_circumstances, &mut c.other];
            changed |= secondary(closures_hidden, &mut cells, &v_reasons);
        }
        let reason_hidden = [
            (ClosureReason::ResultAchieved, r.closures_by_reason.result_achieved.is_suppressed()),
            (ClosureReason::ExternalCircumstances, r.closures_by_reason.external_circumstances.is_suppressed()),
            (ClosureReason::Other, r.closures_by_reason.other.is_suppressed()),
        ];
        for (reason, hidden) in reason_hidden {
            let idx: Vec<usize> =
                ClosureDetail::ALL.iter().enumerate().filter(|(_, d)| d.reason() == reason).map(|(i, _)| i).collect();
            let vals: Vec<u64> = idx.iter().map(|i| v_detail[*i]).collect();
            let mut cells: Vec<&mut Count> = r
                .closures_by_detail
                .iter_mut()
                .enumerate()
                .filter(|(i, _)| idx.contains(i))
                .map(|(_, it)| &mut it.count)
                .collect();
            changed |= secondary(hidden, &mut cells, &vals);
        }
        {
            let mut cells: Vec<&mut Count> = r.case_duration.iter_mut().map(|i| &mut i.count).collect();
            changed |= secondary(closures_hidden, &mut cells, &v_duration);
        }
        let waiting_hidden = r.waiting_list.is_suppressed();
        {
            let mut cells: Vec<&mut Count> = r.waiting_by_days.iter_mut().map(|i| &mut i.count).collect();
            changed |= secondary(waiting_hidden, &mut cells, &v_waiting);
        }
        let contacts_hidden = r.contacts.is_suppressed();
        {
            let mut cells: Vec<&mut Count> = r.contact_forms.iter_mut().map(|i| &mut i.count).collect();
            changed |= secondary(contacts_hidden, &mut cells, &v_forms);
        }
        let households_hidden = r.households_reached.is_suppressed();
        {
            let mut cells: Vec<&mut Count> = r.reach.iter_mut().map(|x| &mut x.households).collect();
            changed |= secondary(households_hidden, &mut cells, &v_reach);
        }
        if !changed {
            break;
        }
    }

    // 4. Ratios and statistics.
    let b = r.basis;
    ratio_rule(&mut r.intake_within_5_working_days_pct, b.intakes_on_time, intake_n);
    ratio_rule(
        &mut r.intake_within_5_working_days_pct_excl_requested,
        b.intakes_on_time_excl_requested,
        b.intakes_excl_requested,
    );
    stat_rule(&mut r.intake_mean_days, intake_n);
    stat_rule(&mut r.intake_median_days, intake_n);
    ratio_rule(&mut r.start_within_2_weeks_pct, b.starts_within_2_weeks, start_n);
    ratio_rule(&mut r.start_within_4_weeks_pct, b.starts_within_4_weeks, start_n);
    for s in [&mut r.waiting_mean_days, &mut r.waiting_median_days, &mut r.waiting_longest_days] {
        stat_rule(s, waiting_n);
    }
    stat_rule(&mut r.case_duration_median_days, closures_n);
    for s in [&mut r.caseload.mean, &mut r.caseload.median, &mut r.caseload.max] {
        stat_rule(s, caseload_n);
    }
    super::groups::suppress(r);
    super::onward::suppress(r);
    if let Some(a) = &mut r.absence {
        super::absence::suppress(a);
    }
    hide_shares(r);
}

/// A cell's share is hidden with its cell (with the cell's marker) or with its total (with
/// the total's marker); a district's rates per 1,000 are hidden with its household count.
pub(crate) fn hide_shares(r: &mut Report) {
    let shares = [
        (&mut r.referrals_by_source, r.referrals),
        (&mut r.referrals_by_team, r.referrals),
        (&mut r.referrals_by_district, r.referrals),
        (&mut r.referrals_by_life_domain, r.referrals),
        (&mut r.referrals_by_partner_kind, r.referrals),
        (&mut r.closures_by_detail, r.closures),
        (&mut r.case_duration, r.closures),
        (&mut r.waiting_by_days, r.waiting_list),
        (&mut r.contact_forms, r.contacts),
    ];
    for (list, total) in shares {
        for i in list.iter_mut() {
            if let Some(m) = i.count.marker().or_else(|| total.marker()) {
                i.pct = m;
            }
        }
    }
    for x in &mut r.reach {
        if let Some(m) = x.households.marker() {
            x.per_1000_residents = m;
            x.per_1000_residents_0_17 = m;
        }
    }
    super::groups::hide_shares(&mut r.groups);
}
