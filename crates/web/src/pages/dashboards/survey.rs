//! The experience survey's section of the dashboards, their exports and the half-year report
//! (decision 0031): three tables added to the dashboard's own, read through the survey
//! results use case with the logged-in actor, so its suppression and access rules hold here.
//!
//! Survey results exist per whole calendar quarter, half year or year that has ended: a month
//! shows its quarter, and a period that is still running shows the last one of its kind that
//! has ended, named in each table's title.

use buurtteam_app::survey_results::{self as survey_uc, SurveyView};
use buurtteam_domain::policy::Actor;
use buurtteam_domain::policy::survey_results::{self as rules, Item};
use buurtteam_domain::survey::results::Results;

use super::*;

fn count(c: &Count) -> Cell {
    match c {
        Shown::Value(v) => Cell::Number(*v as f64, 0),
        Shown::Suppressed => Cell::Suppressed,
        Shown::Protected => Cell::Protected,
    }
}

fn stat(s: &Stat, pct: bool) -> Cell {
    match s {
        Shown::Value(Some(v)) if pct => Cell::Pct(*v),
        Shown::Value(Some(v)) => Cell::Number(*v, 1),
        Shown::Value(None) => Cell::Empty,
        Shown::Suppressed => Cell::Suppressed,
        Shown::Protected => Cell::Protected,
    }
}

/// A statement's share, or "at least ..." when only those who did not agree are under 5.
fn agree(tr: Tr, r: &Results, key: &str) -> Cell {
    match r.statements.iter().find(|s| s.id == key) {
        None => Cell::Empty,
        Some(s) => match (s.agree_pct, s.agree_pct_at_least) {
            (Shown::Suppressed, Some(min)) => Cell::Text(tr.t1("survey-res-at-least", "pct", number(tr, min, 1))),
            (pct, _) => stat(&pct, true),
        },
    }
}

/// The survey period shown beside the dashboard's: the period itself when it is a quarter,
/// half year or year that has ended; a month's quarter; else the last ended one of its kind.
pub fn survey_period(sel: &Selection, today: Date) -> Period {
    let kind = if sel.kind == PeriodKind::Month { PeriodKind::Quarter } else { sel.kind };
    let whole = kind.containing(sel.period.from);
    if whole.to < today { whole } else { kind.before(today) }
}

/// The survey's tables for the dashboard, or none when the reader may not read the survey's
/// results of this scope.
pub async fn tables(state: &AppState, actor: &Actor, tr: Tr, sel: &Selection) -> Vec<DataTable> {
    let period = survey_period(sel, state.app.today());
    let (team_id, district_id) = match sel.scope {
        Scope::City => (None, None),
        Scope::Team(t) => (Some(t.0.to_string()), None),
        Scope::District(d) => (None, Some(d.0.to_string())),
    };
    let input = KpiInput { from: Some(period.from.to_string()), to: Some(period.to.to_string()), team_id, district_id };
    let mut tables = match survey_uc::read(&state.app, actor, &input, tr.lang == Lang::En).await {
        Ok(view) => build_tables(tr, &view),
        // Not allowed for this reader, or no period to show: the dashboard goes without.
        Err(_) => return Vec::new(),
    };
    // A team's own team managers read its open answers, when it has enough responses.
    if let Scope::Team(team) = sel.scope
        && rules::decide(actor.role, policy::relation_to_team(actor, team), Item::OpenAnswers)
            == buurtteam_domain::policy::Decision::Allow
        && let Ok(open) = survey_uc::open_answers(&state.app, actor, &input).await
    {
        tables.push(DataTable {
            name: "survey_open_answers",
            title: tr.t("survey-res-open-title"),
            columns: vec![tr.t("survey-res-open-col")],
            rows: open.answers.into_iter().map(|a| vec![Cell::Text(a)]).collect(),
            chart: None,
            no_chart: Some(tr.t(if open.withheld { "survey-res-open-withheld" } else { "survey-res-open-note" })),
        });
    }
    tables
}

fn range(tr: Tr, r: &Results) -> String {
    tr.t2("dash-period-range", "from", tr.date(&r.from), "to", tr.date(&r.to))
}

/// The three tables: the figures against the previous period, per quarter, and per team.
pub fn build_tables(tr: Tr, v: &SurveyView) -> Vec<DataTable> {
    let (now, before) = (&v.current, &v.previous);
    let mut rows = vec![
        vec![Cell::Text(tr.t("survey-res-responses")), count(&now.responses), count(&before.responses)],
        vec![Cell::Text(tr.t("survey-res-invitations")), count(&now.invitations), count(&before.invitations)],
        vec![
            Cell::Text(tr.t("survey-res-response-rate")),
            stat(&now.response_rate_pct, true),
            stat(&before.response_rate_pct, true),
        ],
    ];
    for s in &now.statements {
        rows.push(vec![
            Cell::Text(tr.t1("survey-res-agree", "statement", s.text.as_str())),
            agree(tr, now, &s.id),
            agree(tr, before, &s.id),
        ]);
    }
    rows.push(vec![
        Cell::Text(tr.t("survey-res-mark")),
        stat(&now.report_mark_mean, false),
        stat(&before.report_mark_mean, false),
    ]);
    let figures = DataTable {
        name: "survey",
        title: tr.t1("survey-res-title", "period", range(tr, now)),
        columns: vec![
            tr.t("survey-res-col-figure"),
            range(tr, now),
            tr.t1("survey-res-col-before", "period", range(tr, before)),
        ],
        rows,
        chart: None,
        no_chart: Some(tr.t("survey-res-note")),
    };

    let mut columns =
        vec![tr.t("survey-res-col-quarter"), tr.t("survey-res-responses"), tr.t("survey-res-response-rate")];
    columns.extend(now.statements.iter().map(|s| tr.t1("survey-res-agree", "statement", s.text.as_str())));
    columns.push(tr.t("survey-res-mark"));
    let quarters = DataTable {
        name: "survey_quarters",
        title: tr.t("survey-res-quarters-title"),
        columns,
        rows: v
            .quarters
            .iter()
            .map(|q| {
                let mut row = vec![Cell::Text(range(tr, q)), count(&q.responses), stat(&q.response_rate_pct, true)];
                row.extend(now.statements.iter().map(|s| agree(tr, q, &s.id)));
                row.push(stat(&q.report_mark_mean, false));
                row
            })
            .collect(),
        chart: None,
        no_chart: None,
    };

    let teams = DataTable {
        name: "survey_teams",
        title: tr.t1("survey-res-teams-title", "period", range(tr, now)),
        columns: vec![
            tr.t("survey-res-col-team"),
            tr.t("survey-res-responses"),
            tr.t("survey-res-invitations"),
            tr.t("survey-res-response-rate"),
        ],
        rows: v
            .teams
            .iter()
            .map(|t| {
                vec![
                    Cell::Text(t.name.clone()),
                    count(&t.responses),
                    count(&t.invitations),
                    stat(&t.response_rate_pct, true),
                ]
            })
            .collect(),
        chart: None,
        no_chart: None,
    };
    vec![figures, quarters, teams]
}
