//! What the steering sees of the experience survey (Ervaringswijzer): per statement the share
//! of those who answered it that (strongly) agreed (4 or 5 on the five-point scale), the mean
//! report mark, the number of responses and the response rate, for the city, a district or a
//! team, over whole calendar quarters, half years and years (docs/kpi.md, "Experience survey";
//! decision 0031).
//!
//! Every reader gets these figures with small counts suppressed, also a team's own staff:
//! answers of fewer than five families could point at one. The rules, each over every
//! *quantity* a figure is computed from (responses, report marks, invitations and those
//! answered and not, per statement those who answered, agreed and did not agree):
//!
//! 1. **Small cells.** A quantity under 5 (zero included) is hidden.
//! 2. **Quarters nest.** The smallest period is a calendar quarter; a longer period shows a
//!    quantity only when every quarter in it does, so no hidden quarter is the difference of
//!    two shown periods (a half year minus its first quarter).
//! 3. **Teams and districts add up to the city.** Within a quarter, when exactly one team
//!    (or district) hides a quantity that the city shows, the next smallest team (district)
//!    hides it too, so the city minus the others gives no hidden figure back. (A unit whose
//!    quantity is zero is hidden but needs no protection: there is no family to point at.)
//! 4. A figure is shown only when every quantity it is computed from is: a percentage needs
//!    its part and the rest; a mean needs its count. When only the rest of a share is under
//!    5, the figure says "at least" (`agree_pct_at_least`): what "<5" says of the rest.
//!
//! Statements are followed across questionnaire versions by their `key`: a changed wording is
//! the same statement. No figure here is about one response: the rows are counts.

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::ids::{DistrictId, TeamId};
use crate::kpi::{Count, Period, PeriodKind, SUPPRESS_BELOW, Shown, Stat, calendar_kind, pct};

/// An answer of 4 (agree) or 5 (strongly agree) counts as agreeing.
pub const AGREES_FROM: u8 = 4;

/// Whose responses: the city, one team, or the households living in one district.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    City,
    Team(TeamId),
    District(DistrictId),
}

/// Responses submitted on one day for one team and district, with their report marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResponseRow {
    pub team_id: TeamId,
    pub district_id: DistrictId,
    pub day: Date,
    pub responses: u64,
    /// Responses that gave a report mark, and the sum of those marks.
    pub marks: u64,
    pub mark_sum: u64,
}

/// Answers to one statement (by its key) on one day for one team and district.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRow {
    pub team_id: TeamId,
    pub district_id: DistrictId,
    pub day: Date,
    pub key: String,
    pub answered: u64,
    /// Of those, answered 4 or 5.
    pub agreed: u64,
}

/// Invitations sent on one day for one team and district (of the case), and how many of
/// them have been answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvitationRow {
    pub team_id: TeamId,
    pub district_id: DistrictId,
    pub day: Date,
    pub invited: u64,
    pub answered: u64,
}

/// A statement as the results name it: its key and its wording in the newest version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub key: String,
    pub text: String,
}

/// Everything the results of a span of time are computed from.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    pub responses: Vec<ResponseRow>,
    pub answers: Vec<AnswerRow>,
    pub invitations: Vec<InvitationRow>,
    /// In the order of the newest questionnaire; keys only older versions had come last.
    pub statements: Vec<Statement>,
    /// Every team and district, also those without responses (they take part in rule 3).
    pub teams: Vec<TeamId>,
    pub districts: Vec<DistrictId>,
}

/// One statement's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementResult {
    /// The statement's key, the same in every version of the questionnaire.
    pub id: String,
    pub text: String,
    /// Responses that answered this statement.
    pub answered: Count,
    /// Of those, the share that answered 4 or 5, as a percentage with one decimal.
    pub agree_pct: Stat,
    /// When `agree_pct` is hidden only because fewer than 5 did not agree: the share is at
    /// least this (the share if 4 had not agreed), rounded down to one decimal.
    pub agree_pct_at_least: Option<f64>,
}

/// The figures of one period and scope, suppressed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    pub from: Date,
    pub to: Date,
    pub responses: Count,
    pub statements: Vec<StatementResult>,
    /// Responses that gave a report mark.
    pub report_marks: Count,
    /// Their mean, one decimal.
    pub report_mark_mean: Stat,
    /// Invitations sent in the period.
    pub invitations: Count,
    /// Of the invitations sent in the period, the share answered (docs/kpi.md).
    pub response_rate_pct: Stat,
}

/// A quantity that a figure is computed from, and that rules 1-3 protect.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Q {
    Responses,
    Marks,
    Invited,
    InvitedAnswered,
    InvitedUnanswered,
    Answered(String),
    Agreed(String),
    NotAgreed(String),
}

/// The quantities of one scope over one period, and the sum of its report marks.
#[derive(Debug, Clone, Default)]
struct Tally {
    q: BTreeMap<Q, u64>,
    mark_sum: u64,
}

impl Tally {
    fn get(&self, q: &Q) -> u64 {
        self.q.get(q).copied().unwrap_or(0)
    }

    fn add(&mut self, q: Q, n: u64) {
        *self.q.entry(q).or_insert(0) += n;
    }
}

/// The tallies of one quarter: the city's, and every team's and district's.
struct QuarterTallies {
    city: Tally,
    teams: BTreeMap<TeamId, Tally>,
    districts: BTreeMap<DistrictId, Tally>,
}

fn within(p: Period, day: Date) -> bool {
    p.from <= day && day <= p.to
}

/// Calls `f(team, district, quantity, n, mark sum)` for every quantity of every row in
/// `period`: one pass over the rows.
fn each(rows: &Rows, period: Period, mut f: impl FnMut(TeamId, DistrictId, Q, u64, u64)) {
    for r in rows.responses.iter().filter(|r| within(period, r.day)) {
        f(r.team_id, r.district_id, Q::Responses, r.responses, r.mark_sum);
        f(r.team_id, r.district_id, Q::Marks, r.marks, 0);
    }
    for r in rows.invitations.iter().filter(|r| within(period, r.day)) {
        f(r.team_id, r.district_id, Q::Invited, r.invited, 0);
        f(r.team_id, r.district_id, Q::InvitedAnswered, r.answered, 0);
        f(r.team_id, r.district_id, Q::InvitedUnanswered, r.invited.saturating_sub(r.answered), 0);
    }
    for r in rows.answers.iter().filter(|r| within(period, r.day)) {
        f(r.team_id, r.district_id, Q::Answered(r.key.clone()), r.answered, 0);
        f(r.team_id, r.district_id, Q::Agreed(r.key.clone()), r.agreed, 0);
        f(r.team_id, r.district_id, Q::NotAgreed(r.key.clone()), r.answered.saturating_sub(r.agreed), 0);
    }
}

/// The city's, every team's and every district's tallies of one quarter, in one pass.
fn quarter_tallies(rows: &Rows, quarter: Period) -> QuarterTallies {
    let mut qt = QuarterTallies {
        city: Tally::default(),
        teams: rows.teams.iter().map(|t| (*t, Tally::default())).collect(),
        districts: rows.districts.iter().map(|d| (*d, Tally::default())).collect(),
    };
    each(rows, quarter, |team, district, q, n, marks| {
        for t in [Some(&mut qt.city), qt.teams.get_mut(&team), qt.districts.get_mut(&district)].into_iter().flatten() {
            t.add(q.clone(), n);
            t.mark_sum += marks;
        }
    });
    qt
}

/// The units of a partition of the city that hide `q` (rules 1 and 3).
fn hidden_units<K: Copy + Ord>(city: &Tally, units: &BTreeMap<K, Tally>, q: &Q) -> Vec<K> {
    let small = |v: u64| v < SUPPRESS_BELOW;
    let mut hidden: Vec<K> = units.iter().filter(|(_, t)| small(t.get(q))).map(|(k, _)| *k).collect();
    // A zero needs no protection: there is no family to point at. One hidden unit that is
    // not zero would be the city minus the others.
    let nonzero = hidden.iter().filter(|k| units.get(k).is_some_and(|t| t.get(q) > 0)).count();
    if nonzero == 1 && !small(city.get(q)) {
        let next = units.iter().filter(|(k, _)| !hidden.contains(k)).min_by_key(|(k, t)| (t.get(q), **k));
        if let Some((k, _)) = next {
            hidden.push(*k);
        }
    }
    hidden
}

/// Whether `scope` shows `q` in one quarter.
fn shown_in_quarter(qt: &QuarterTallies, scope: Scope, q: &Q) -> bool {
    match scope {
        Scope::City => qt.city.get(q) >= SUPPRESS_BELOW,
        Scope::Team(t) => {
            qt.teams.get(&t).is_some_and(|x| x.get(q) >= SUPPRESS_BELOW)
                && !hidden_units(&qt.city, &qt.teams, q).contains(&t)
        }
        Scope::District(d) => {
            qt.districts.get(&d).is_some_and(|x| x.get(q) >= SUPPRESS_BELOW)
                && !hidden_units(&qt.city, &qt.districts, q).contains(&d)
        }
    }
}

/// The calendar quarters `period` consists of; `None` unless it runs from the first day of
/// a quarter to the last day of one.
pub fn quarters_of(period: Period) -> Option<Vec<Period>> {
    let first = PeriodKind::Quarter.containing(period.from);
    let last = PeriodKind::Quarter.containing(period.to);
    if first.from != period.from || last.to != period.to {
        return None;
    }
    let mut out = Vec::new();
    let mut q = first;
    loop {
        out.push(q);
        if q == last {
            break;
        }
        let next = q.to.checked_add(1.day()).ok()?;
        q = PeriodKind::Quarter.containing(next);
    }
    Some(out)
}

/// Whether survey results may be asked over `period`: a whole calendar quarter, half year or
/// year (months are too small to show anything).
pub fn reportable_kind(period: Period) -> Option<PeriodKind> {
    calendar_kind(period).filter(|k| *k != PeriodKind::Month)
}

/// The quarters shown over time beside `period`: the four quarters that end with its last
/// quarter, or all of its quarters when it has more.
pub fn series_quarters(period: Period) -> Vec<Period> {
    let last = PeriodKind::Quarter.containing(period.to);
    let year_back = last.from.checked_sub(9.months()).unwrap_or(last.from);
    let from = year_back.min(period.from);
    quarters_of(Period { from, to: period.to }).unwrap_or_default()
}

/// The figures of `scope` over `period` (whole quarters; see [`quarters_of`]), suppressed by
/// the rules in the module's documentation. A period that is not made of whole quarters
/// shows nothing.
pub fn results(rows: &Rows, scope: Scope, period: Period) -> Results {
    Calculator::new(rows).results(scope, period)
}

/// Computes the results of several scopes and periods over the same rows, tallying each
/// quarter once (a dashboard asks for a period, the one before, four quarters and every team).
pub struct Calculator<'a> {
    rows: &'a Rows,
    quarters: std::cell::RefCell<BTreeMap<Date, std::rc::Rc<QuarterTallies>>>,
}

impl<'a> Calculator<'a> {
    pub fn new(rows: &'a Rows) -> Self {
        Self { rows, quarters: std::cell::RefCell::default() }
    }

    fn quarter(&self, q: Period) -> std::rc::Rc<QuarterTallies> {
        if let Some(t) = self.quarters.borrow().get(&q.from) {
            return t.clone();
        }
        let t = std::rc::Rc::new(quarter_tallies(self.rows, q));
        self.quarters.borrow_mut().insert(q.from, t.clone());
        t
    }

    /// As [`results`].
    pub fn results(&self, scope: Scope, period: Period) -> Results {
        let quarters: Vec<std::rc::Rc<QuarterTallies>> =
            quarters_of(period).unwrap_or_default().into_iter().map(|q| self.quarter(q)).collect();
        let mut whole = Tally::default();
        for qt in &quarters {
            let part = match scope {
                Scope::City => Some(&qt.city),
                Scope::Team(t) => qt.teams.get(&t),
                Scope::District(d) => qt.districts.get(&d),
            };
            for (q, n) in part.into_iter().flat_map(|p| p.q.iter()) {
                whole.add(q.clone(), *n);
            }
            whole.mark_sum += part.map_or(0, |p| p.mark_sum);
        }
        compute(self.rows, scope, period, &quarters, &whole)
    }
}

fn compute(
    rows: &Rows,
    scope: Scope,
    period: Period,
    quarters: &[std::rc::Rc<QuarterTallies>],
    whole: &Tally,
) -> Results {
    let shown = |q: &Q| !quarters.is_empty() && quarters.iter().all(|qt| shown_in_quarter(qt, scope, q));
    let count = |q: Q| if shown(&q) { Shown::Value(whole.get(&q)) } else { Shown::Suppressed };
    let share = |part: Q, rest: Q, whole_q: Q| {
        if shown(&part) && shown(&rest) && shown(&whole_q) {
            Shown::Value(pct(whole.get(&part), whole.get(&whole_q)))
        } else {
            Shown::Suppressed
        }
    };

    let statements = rows
        .statements
        .iter()
        .map(|s| {
            let (answered, agreed, not) =
                (Q::Answered(s.key.clone()), Q::Agreed(s.key.clone()), Q::NotAgreed(s.key.clone()));
            let agree_pct = share(agreed.clone(), not.clone(), answered.clone());
            let n = whole.get(&answered);
            let at_least = (agree_pct.is_suppressed() && shown(&answered) && whole.get(&not) < SUPPRESS_BELOW)
                .then(|| floor1((n - (SUPPRESS_BELOW - 1)) as f64 * 100.0 / n as f64));
            StatementResult {
                id: s.key.clone(),
                text: s.text.clone(),
                answered: count(answered),
                agree_pct,
                agree_pct_at_least: at_least,
            }
        })
        .collect();
    let marks = whole.get(&Q::Marks);
    Results {
        from: period.from,
        to: period.to,
        responses: count(Q::Responses),
        statements,
        report_marks: count(Q::Marks),
        report_mark_mean: if shown(&Q::Marks) {
            Shown::Value((marks > 0).then(|| round1(whole.mark_sum as f64 / marks as f64)))
        } else {
            Shown::Suppressed
        },
        invitations: count(Q::Invited),
        response_rate_pct: share(Q::InvitedAnswered, Q::InvitedUnanswered, Q::Invited),
    }
}

/// Whether the team has enough responses in `period` for its team managers to read the open
/// answers: its responses are shown (5 or more in every quarter, rules 1-3).
pub fn open_answers_allowed(rows: &Rows, team: TeamId, period: Period) -> bool {
    results(rows, Scope::Team(team), period).responses.value().is_some()
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn floor1(x: f64) -> f64 {
    (x * 10.0).floor() / 10.0
}

#[cfg(test)]
#[path = "results_tests.rs"]
mod tests;
