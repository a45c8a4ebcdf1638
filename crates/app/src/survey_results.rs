//! The experience survey's results for the steering (decision 0031): figures of a whole
//! calendar quarter, half year or year that has ended, for the city, a district or a team,
//! always with small counts suppressed; and a team's open answers for its team managers.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::ids::{DistrictId, TeamId};
use buurtteam_domain::kpi::{Count, Period, Stat};
use buurtteam_domain::policy::survey_results::{self as rules, Item};
use buurtteam_domain::policy::{self, Actor, Decision, Relation};
use buurtteam_domain::survey::results::{self, Results, Rows, Scope};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::{Db, organisation, survey_results as store};
use jiff::civil::Date;

use crate::kpis::KpiInput;
use crate::refusals::{self, Attempt};
use crate::{App, AppError, Result, audit_entry, input};

/// The query of `GET /api/v1/survey-results`: the same keys as the KPIs' (`from`, `to`,
/// `team_id` or `district_id`).
pub type SurveyResultsInput = KpiInput;

/// One team's responses and response rate: the response rate per team is a KPI.
#[derive(Debug, Clone)]
pub struct TeamRate {
    pub team_id: TeamId,
    pub name: String,
    pub responses: Count,
    pub invitations: Count,
    pub response_rate_pct: Stat,
}

/// The results of a period, the calendar period of the same kind before it, the quarters over
/// time, and the response rate of each team the reader may see.
#[derive(Debug, Clone)]
pub struct SurveyView {
    pub scope: Scope,
    pub current: Results,
    pub previous: Results,
    pub quarters: Vec<Results>,
    pub teams: Vec<TeamRate>,
}

/// A team's open answers, or none when its responses in the period are too few to show.
#[derive(Debug, Clone)]
pub struct OpenAnswers {
    pub team_id: TeamId,
    pub period: Period,
    pub responses: Count,
    /// In random order; empty when `withheld`.
    pub answers: Vec<String>,
    /// The team has fewer than 5 responses in a quarter of the period: nothing is shown.
    pub withheld: bool,
}

struct Query {
    period: Period,
    scope: Scope,
    teams: Vec<(TeamId, String)>,
    districts: Vec<DistrictId>,
}

fn optional_id(errors: &mut Errors, field: &str, value: Option<&str>) -> Option<i64> {
    let v = value.map(str::trim).filter(|v| !v.is_empty())?;
    match v.parse::<i64>() {
        Ok(id) if id > 0 => Some(id),
        _ => {
            errors.add(field, format!("{v:?} is not an id (a positive whole number)"));
            None
        }
    }
}

/// Validates the query: dates, a whole calendar quarter, half year or year that has ended,
/// at most one of team and district, and that they exist (422 per field).
async fn validate(app: &App, q: &SurveyResultsInput, team_required: bool) -> Result<Query> {
    let mut errors = Errors::default();
    let from = input::date(&mut errors, "from", q.from.as_deref());
    let to = input::date(&mut errors, "to", q.to.as_deref());
    let team = optional_id(&mut errors, "team_id", q.team_id.as_deref());
    let district = optional_id(&mut errors, "district_id", q.district_id.as_deref());
    if team_required && team.is_none() && q.team_id.as_deref().is_none_or(|t| t.trim().is_empty()) {
        errors.add("team_id", "give the team whose open answers to read");
    }
    let today = app.today();
    let period = match (from, to) {
        (Some(f), Some(t)) => check_period(&mut errors, f, t, today),
        _ => None,
    };
    if team.is_some() && district.is_some() {
        for field in ["team_id", "district_id"] {
            errors.add(field, "give team_id or district_id, not both");
        }
    }
    let mut tx = app.db.begin_read().await?;
    let teams = organisation::list_teams(&mut tx).await?;
    let districts = organisation::list_districts(&mut tx).await?;
    drop(tx);
    if let Some(t) = team
        && !teams.iter().any(|x| x.id.0 == t)
    {
        errors.add("team_id", format!("there is no team with id {t}"));
    }
    if let Some(d) = district
        && !districts.iter().any(|x| x.id.0 == d)
    {
        errors.add("district_id", format!("there is no district with id {d}"));
    }
    errors.finish()?;
    let period = period.ok_or_else(|| AppError::Internal("period missing after validation".into()))?;
    let scope = match (team, district) {
        (Some(t), _) => Scope::Team(TeamId(t)),
        (None, Some(d)) => Scope::District(DistrictId(d)),
        (None, None) => Scope::City,
    };
    Ok(Query {
        period,
        scope,
        teams: teams.into_iter().map(|t| (t.id, t.name)).collect(),
        districts: districts.into_iter().map(|d| d.id).collect(),
    })
}

/// The period, when it is a whole calendar quarter, half year or year that has ended.
fn check_period(errors: &mut Errors, from: Date, to: Date, today: Date) -> Option<Period> {
    let Some(p) = Period::new(from, to) else {
        errors.add("from", format!("{from} lies after to ({to}); the period runs from its first to its last day"));
        return None;
    };
    if results::reportable_kind(p).is_none() {
        let why = "survey results are given over a whole calendar quarter, half year or year, from its first \
                   day to its last (for example from=2026-01-01&to=2026-06-30): months hold too few responses";
        errors.add("from", why).code("whole_calendar_period");
        errors.add("to", why).code("whole_calendar_period");
        return None;
    }
    if p.to >= today {
        let why = format!(
            "the period has not ended (today is {today}); results that grow day by day would give one \
             family's answers away"
        );
        errors.add("from", &why).code("period_not_ended");
        errors.add("to", why).code("period_not_ended");
        return None;
    }
    Some(p)
}

fn relation(actor: &Actor, scope: Scope) -> Relation {
    match scope {
        Scope::Team(t) => policy::relation_to_team(actor, t),
        Scope::City | Scope::District(_) => Relation::NoRecord,
    }
}

async fn authorise(app: &App, actor: &Actor, relation: Relation, item: Item, q: &Query) -> Result<()> {
    if rules::decide(actor.role, relation, item) == Decision::Allow {
        return Ok(());
    }
    let (team, district) = match q.scope {
        Scope::Team(t) => (Some(t.0), None),
        Scope::District(d) => (None, Some(d.0)),
        Scope::City => (None, None),
    };
    let attempt = Attempt::new(Refused::Kpi, "survey_results")
        .with("from", q.period.from.to_string())
        .with("to", q.period.to.to_string())
        .with("team_id", team)
        .with("district_id", district)
        .with("attempted", item.code());
    let refusal = AppError::Forbidden(format!("your role may not {}", item.code().replace('_', " ")));
    Err(refusals::refuse(app, Some(actor), attempt, refusal).await)
}

/// The rows from the first quarter of the series (or of the previous period) to the period's
/// end, with every team and district.
async fn load(db: &Db, q: &Query, previous: Period, en: bool) -> Result<Rows> {
    let first = results::series_quarters(q.period).first().map_or(q.period.from, |s| s.from);
    let span = Period { from: first.min(previous.from), to: q.period.to };
    let mut tx = db.begin_read().await?;
    let mut rows = store::rows(&mut tx, span, en).await?;
    rows.teams = q.teams.iter().map(|(t, _)| *t).collect();
    rows.districts = q.districts.clone();
    Ok(rows)
}

/// The results of a period for the city, a district or a team: 422 for a period that is not
/// a whole calendar quarter, half year or year that has ended; 403 where the policy refuses.
/// Logged as `survey_results.read`.
pub async fn read(app: &App, actor: &Actor, q: &SurveyResultsInput, en: bool) -> Result<SurveyView> {
    let query = validate(app, q, false).await?;
    let rel = relation(actor, query.scope);
    authorise(app, actor, rel, Item::Results, &query).await?;
    let kind = results::reportable_kind(query.period)
        .ok_or_else(|| AppError::Internal("period kind missing after validation".into()))?;
    let previous = kind.before(query.period.from);
    let rows = load(&app.db, &query, previous, en).await?;
    let (current, previous, quarters, teams) = figures(actor, &query, &rows, previous);
    let (team, district) = ids(query.scope);
    let mut entry = audit_entry(Some(actor), app.now(), AuditAction::SurveyResultsRead, "survey_results");
    entry.detail = serde_json::json!({
        "from": query.period.from.to_string(), "to": query.period.to.to_string(),
        "team_id": team, "district_id": district,
    });
    audit::log(&app.db, entry).await?;
    Ok(SurveyView { scope: query.scope, current, previous, quarters, teams })
}

/// The figures of the view, computed over `rows` with each quarter tallied once (the
/// calculator is not `Send`, so it lives in this plain function, not across an await).
fn figures(
    actor: &Actor,
    query: &Query,
    rows: &Rows,
    previous: Period,
) -> (Results, Results, Vec<Results>, Vec<TeamRate>) {
    let calc = results::Calculator::new(rows);
    let current = calc.results(query.scope, query.period);
    let previous = calc.results(query.scope, previous);
    let quarters = results::series_quarters(query.period).into_iter().map(|p| calc.results(query.scope, p)).collect();
    // Each team the reader may read, of the scope asked.
    let teams = query
        .teams
        .iter()
        .filter(|(t, _)| match query.scope {
            Scope::Team(x) => x == *t,
            _ => true,
        })
        .filter(|(t, _)| {
            rules::decide(actor.role, policy::relation_to_team(actor, *t), Item::Results) == Decision::Allow
        })
        .map(|(t, name)| {
            let r = calc.results(Scope::Team(*t), query.period);
            TeamRate {
                team_id: *t,
                name: name.clone(),
                responses: r.responses,
                invitations: r.invitations,
                response_rate_pct: r.response_rate_pct,
            }
        })
        .collect();
    (current, previous, quarters, teams)
}

fn ids(scope: Scope) -> (Option<i64>, Option<i64>) {
    match scope {
        Scope::Team(t) => (Some(t.0), None),
        Scope::District(d) => (None, Some(d.0)),
        Scope::City => (None, None),
    }
}

/// The open answers of one team over a period, for its team managers; withheld (an empty
/// list) unless the team's responses in the period are shown. Logged as
/// `survey_open_answers.read` with how many were shown.
pub async fn open_answers(app: &App, actor: &Actor, q: &SurveyResultsInput) -> Result<OpenAnswers> {
    let query = validate(app, q, true).await?;
    let Scope::Team(team) = query.scope else {
        return Err(AppError::Internal("open answers without a team after validation".into()));
    };
    authorise(app, actor, policy::relation_to_team(actor, team), Item::OpenAnswers, &query).await?;
    let period = query.period;
    let rows = load(&app.db, &query, period, false).await?;
    let responses = results::results(&rows, Scope::Team(team), period).responses;
    let withheld = !results::open_answers_allowed(&rows, team, period);
    let answers = if withheld {
        Vec::new()
    } else {
        let mut tx = app.db.begin_read().await?;
        store::open_answers(&mut tx, team, period).await?
    };
    let mut entry = audit_entry(Some(actor), app.now(), AuditAction::SurveyOpenAnswersRead, "survey_results");
    entry.detail = serde_json::json!({
        "from": period.from.to_string(), "to": period.to.to_string(), "team_id": team.0,
        "shown": answers.len(), "withheld": withheld,
    });
    audit::log(&app.db, entry).await?;
    Ok(OpenAnswers { team_id: team, period, responses, answers, withheld })
}
