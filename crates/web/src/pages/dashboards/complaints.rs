//! The complaints' section of the dashboards, their exports and the half-year report (issue 17,
//! decision 0032): complaints received per team in the period, by outcome, still open, and
//! decided within or after their deadline. Read through the complaints use case with the
//! logged-in actor, so its rules hold here (team managers their own teams, analysts every team;
//! others see no section).
//!
//! Small counts: the number received is shown (that a team had complaints is no secret of a
//! family), every other count under 5 is "<5", and where one hidden count in a row could be
//! worked back from the number received, the smallest count beside it is hidden too.

use buurtteam_app::complaints as complaints_uc;
use buurtteam_domain::complaints::{Counts, Outcome};
use buurtteam_domain::ids::TeamId;
use buurtteam_domain::kpi::SUPPRESS_BELOW;
use buurtteam_domain::policy::Actor;

use super::*;

/// The cells of one team's row after the small counts are hidden: received, each outcome, open,
/// within the deadline, late.
pub fn row_cells(c: &Counts) -> Vec<Cell> {
    let small = |n: u64| n < SUPPRESS_BELOW;
    // Received = the outcomes + open: one hidden part of it could be worked back.
    let mut parts: Vec<(u64, bool)> = c.by_outcome.iter().map(|(_, n)| (*n, small(*n))).collect();
    parts.push((c.open, small(c.open)));
    protect_one(&mut parts);
    // Decided = within + late (and decided = received - open when open is shown).
    let mut decided =
        vec![(c.decided_within_deadline, small(c.decided_within_deadline)), (c.decided_late, small(c.decided_late))];
    protect_one(&mut decided);
    let cell = |(n, hidden): (u64, bool)| match (hidden, small(n)) {
        (false, _) => Cell::Number(n as f64, 0),
        (true, true) => Cell::Suppressed,
        (true, false) => Cell::Protected,
    };
    let mut cells = vec![Cell::Number(c.received as f64, 0)];
    cells.extend(parts.into_iter().map(cell));
    cells.extend(decided.into_iter().map(cell));
    cells
}

/// When exactly one of the parts of a known sum is hidden, hide the smallest shown non-zero part
/// too, so that the hidden one cannot be computed. (A shown zero hides nothing: the hidden part
/// still has another to be shared with only if that one is hidden.)
fn protect_one(parts: &mut [(u64, bool)]) {
    if parts.iter().filter(|(_, hidden)| *hidden).count() == 1
        && let Some(p) = parts.iter_mut().filter(|(_, hidden)| !*hidden).min_by_key(|(n, _)| *n)
    {
        p.1 = true;
    }
}

/// The complaints table for the dashboard, or none when the reader may not read the counts.
pub async fn tables(state: &AppState, actor: &Actor, tr: Tr, sel: &Selection) -> Vec<DataTable> {
    let Ok(counts) = complaints_uc::counts(&state.app, actor, sel.period.from, sel.period.to).await else {
        return Vec::new();
    };
    let mut tx = match state.app.db.begin_read().await {
        Ok(tx) => tx,
        Err(_) => return Vec::new(),
    };
    let teams = buurtteam_store::organisation::list_teams(&mut tx).await.unwrap_or_default();
    drop(tx);
    let in_scope = |team: TeamId| match sel.scope {
        Scope::City => true,
        Scope::Team(t) => t == team,
        Scope::District(d) => teams.iter().any(|x| x.id == team && x.district_ids.contains(&d)),
    };
    let name =
        |team: TeamId| teams.iter().find(|x| x.id == team).map_or_else(|| team.0.to_string(), |x| x.name.clone());
    let mut rows: Vec<Vec<Cell>> = counts
        .iter()
        .filter(|t| in_scope(t.team_id))
        .map(|t| {
            let mut row = vec![Cell::Text(name(t.team_id))];
            row.extend(row_cells(&t.counts));
            row
        })
        .collect();
    rows.sort_by_key(|r| match r.first() {
        Some(Cell::Text(n)) => n.clone(),
        _ => String::new(),
    });
    let mut columns = vec![tr.t("dash-complaints-team"), tr.t("dash-complaints-received")];
    columns.extend(Outcome::ALL.iter().map(|o| tr.t(&format!("complaint-outcome-{}", o.code().replace('_', "-")))));
    columns.extend([tr.t("dash-complaints-open"), tr.t("dash-complaints-within"), tr.t("dash-complaints-late")]);
    let empty = rows.is_empty();
    vec![DataTable {
        name: "complaints_by_team",
        title: tr.t("dash-complaints-title"),
        columns,
        rows,
        chart: None,
        no_chart: Some(tr.t(if empty { "dash-complaints-none" } else { "dash-complaints-note" })),
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(outcomes: [u64; 5], open: u64, within: u64, late: u64) -> Counts {
        Counts {
            received: outcomes.iter().sum::<u64>() + open,
            by_outcome: Outcome::ALL.iter().copied().zip(outcomes).collect(),
            open,
            decided_within_deadline: within,
            decided_late: late,
        }
    }

    #[test]
    fn large_counts_are_shown_and_small_ones_hidden() {
        let cells = row_cells(&counts([6, 5, 7, 5, 8], 9, 20, 11));
        assert!(cells.iter().all(|c| matches!(c, Cell::Number(..))), "{cells:?}");
        let cells = row_cells(&counts([1, 2, 0, 0, 3], 0, 4, 2));
        assert!(matches!(cells[0], Cell::Number(n, 0) if n == 6.0), "the number received is shown");
        assert!(cells[1..].iter().all(|c| matches!(c, Cell::Suppressed)), "{cells:?}");
    }

    #[test]
    fn one_hidden_part_of_a_known_sum_takes_the_smallest_other_with_it() {
        // Received 33: well founded 3 is hidden; without more, 33 - 30 would give it away.
        let cells = row_cells(&counts([3, 5, 10, 6, 9], 0, 12, 21));
        assert!(matches!(cells[1], Cell::Suppressed));
        let hidden = cells[1..7].iter().filter(|c| matches!(c, Cell::Suppressed | Cell::Protected)).count();
        assert_eq!(hidden, 2, "{cells:?}");
        // Within 2 of 33 decided: late is protected.
        let cells = row_cells(&counts([6, 5, 10, 6, 6], 0, 2, 31));
        assert!(matches!(cells[7], Cell::Suppressed) && matches!(cells[8], Cell::Protected), "{cells:?}");
    }
}
