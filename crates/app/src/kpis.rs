//! Steering KPIs: read the figures of a period for the city, a district or a team, as the
//! policy allows (exact, or with small counts suppressed), and import the district
//! populations that reach is measured against.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::ids::{DistrictId, TeamId};
use buurtteam_domain::kpi::{self, Inputs, Period, Population, Report};
use buurtteam_domain::policy::absence::{self as absence_policy, AbsenceAction, Whose};
use buurtteam_domain::policy::{self, Action, Actor, Decision, Disclosure, Relation};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::kpi::{self as store, Scope};
use buurtteam_store::{StoreError, organisation};
use jiff::civil::Date;
use serde::Deserialize;

use crate::refusals::Attempt;
use crate::{App, AppError, Result, audit_entry, authorise, input};

/// The query of `GET /api/v1/kpis`: raw, so every problem is reported by field.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct KpiInput {
    /// First day of the period, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Last day of the period (included), `YYYY-MM-DD`, not before `from`.
    pub to: Option<String>,
    /// Only the cases of this team.
    #[serde(rename = "teamId", alias = "team_id")]
    pub team_id: Option<String>,
    /// Only the cases of households living in this district. Not together with `team_id`.
    #[serde(rename = "districtId", alias = "district_id")]
    pub district_id: Option<String>,
}

/// The figures of a period and of the period of equal length before it.
#[derive(Debug, Clone)]
pub struct KpiView {
    pub scope: Scope,
    pub current: Report,
    pub previous: Report,
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

/// The KPIs of a period. Validates the query (422 per field), asks the policy (403), reads
/// the figures of the period and of the one before it, suppresses small counts where the
/// policy says so, and logs the read as `kpi.read`.
pub async fn read(app: &App, actor: &Actor, q: &KpiInput) -> Result<KpiView> {
    read_compared(app, actor, q, None).await
}

/// As [`read`], but compared with `previous` instead of the period of equal length before:
/// the dashboards compare a calendar month, quarter, half year or year with the one before
/// it, whose length differs (February after January; the first half year after the second).
pub async fn read_compared(app: &App, actor: &Actor, q: &KpiInput, previous: Option<Period>) -> Result<KpiView> {
    let mut errors = Errors::default();
    let from = input::date(&mut errors, "from", q.from.as_deref());
    let to = input::date(&mut errors, "to", q.to.as_deref());
    let team = optional_id(&mut errors, "team_id", q.team_id.as_deref());
    let district = optional_id(&mut errors, "district_id", q.district_id.as_deref());
    let period = match (from, to) {
        (Some(f), Some(t)) => {
            let p = Period::new(f, t);
            if p.is_none() {
                errors.add("from", format!("{f} lies after to ({t}); the period runs from its first to its last day"));
            }
            p
        }
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
    let (scope, relation) = match (team, district) {
        (Some(t), _) => (Scope::Team(TeamId(t)), policy::relation_to_team(actor, TeamId(t))),
        (None, Some(d)) => (Scope::District(DistrictId(d)), Relation::NoRecord),
        (None, None) => (Scope::City, Relation::NoRecord),
    };
    let attempt = Attempt::new(Refused::Kpi, "kpi")
        .with("from", period.from.to_string())
        .with("to", period.to.to_string())
        .with("team_id", team)
        .with("district_id", district);
    authorise(app, actor, relation, Action::ReadKpis, attempt).await?;
    let disclosure = policy::kpi_disclosure(actor.role, relation)
        .ok_or_else(|| AppError::Internal("the policy allowed kpis without a disclosure".into()))?;
    let suppressed = disclosure == Disclosure::SmallCountsSuppressed;
    // Suppressed figures only over whole calendar periods that have ended: two overlapping
    // periods, or one asked today and again tomorrow, would give a day's events away by
    // their difference (docs/kpi.md, "Suppression over periods").
    let previous = if suppressed { Some(whole_calendar_period(period, app.today())?) } else { previous };

    // The names of the cells of the team and district breakdowns in this scope.
    let team_names: Vec<(TeamId, String)> = teams
        .iter()
        .filter(|t| match scope {
            Scope::City => true,
            Scope::Team(id) => t.id == id,
            Scope::District(d) => t.district_id.is_none_or(|x| x == d),
        })
        .map(|t| (t.id, t.name.clone()))
        .collect();
    let district_names: Vec<(DistrictId, String)> = districts
        .iter()
        .filter(|d| match scope {
            Scope::District(id) => d.id == id,
            _ => true,
        })
        .map(|d| (d.id, d.name.clone()))
        .collect();

    // The district whose partners the scope counts: a team's own (none for a city-wide team).
    let area = match scope {
        Scope::City => None,
        Scope::District(d) => Some(d),
        Scope::Team(t) => teams.iter().find(|x| x.id == t).and_then(|x| x.district_id),
    };
    let previous_period = previous.unwrap_or_else(|| period.previous());
    // The two periods on two connections at once.
    let (mut current, mut previous) = tokio::try_join!(
        report(app, scope, area, period, &team_names, &district_names, suppressed),
        report(app, scope, area, previous_period, &team_names, &district_names, suppressed),
    )?;
    // Absence figures only for whom the absence policy lets read them (decision 0036): team
    // managers their own teams, analysts (suppressed above); never family workers.
    let whose = match scope {
        Scope::Team(t) if actor.team_ids.contains(&t) => Whose::OwnTeam,
        _ => Whose::Other,
    };
    if absence_policy::decide(actor.role, whose, AbsenceAction::ReadFigures) != Decision::Allow {
        current.absence = None;
        previous.absence = None;
    }

    let mut entry = audit_entry(Some(actor), app.now(), AuditAction::KpiRead, "kpi");
    entry.detail = serde_json::json!({
        "from": period.from.to_string(), "to": period.to.to_string(), "team_id": team, "district_id": district,
        "previous_from": previous_period.from.to_string(), "previous_to": previous_period.to.to_string(),
        "small_counts_suppressed": suppressed,
    });
    audit::log(&app.db, entry).await?;
    Ok(KpiView { scope, current, previous })
}

/// Checks that `period` is a whole calendar month, quarter, half year or year that ended
/// before `today` (422 naming `from` and `to` otherwise); returns the calendar period of the
/// same kind before it, the comparison a reader of suppressed figures gets.
fn whole_calendar_period(period: Period, today: Date) -> Result<Period> {
    let mut errors = Errors::default();
    let kind = kpi::calendar_kind(period);
    match kind {
        None => {
            let why = "with small counts suppressed only a whole calendar period may be asked: a month, \
                       a quarter, a half year or a year, from its first day to its last \
                       (for example from=2026-10-01&to=2026-12-31)";
            errors.add("from", why).code("whole_calendar_period");
            errors.add("to", why).code("whole_calendar_period");
        }
        Some(_) if period.to >= today => {
            let why = format!(
                "the period has not ended (today is {today}); with small counts suppressed only a \
                 period that has ended may be asked, since figures that grow day by day give a \
                 day's events away"
            );
            errors.add("from", &why).code("period_not_ended");
            errors.add("to", why).code("period_not_ended");
        }
        Some(_) => {}
    }
    errors.finish()?;
    kind.map(|k| k.before(period.from)).ok_or_else(|| AppError::Internal("calendar period missing".into()))
}

/// The report of `period`: exact, or suppressed so that it is consistent with its calendar
/// months (`kpi::nest`): a longer period shows a flow figure only where all its months do.
async fn report(
    app: &App,
    scope: Scope,
    area: Option<DistrictId>,
    period: Period,
    teams: &[(TeamId, String)],
    districts: &[(DistrictId, String)],
    suppressed: bool,
) -> std::result::Result<Report, StoreError> {
    let whole = kpi::compute(&inputs(app, scope, area, period, teams, districts).await?);
    if !suppressed {
        return Ok(whole);
    }
    let months = kpi::months_of(period);
    if months.len() <= 1 {
        let mut r = whole;
        kpi::suppress(&mut r);
        return Ok(r);
    }
    let mut parts = Vec::with_capacity(months.len());
    for m in months {
        let mut r = kpi::compute(&inputs(app, scope, area, m, teams, districts).await?);
        kpi::suppress(&mut r);
        parts.push(r);
    }
    Ok(kpi::nest(&whole, &parts))
}

/// Reads every row the KPIs of `period` are computed from, in one read transaction.
async fn inputs(
    app: &App,
    scope: Scope,
    area: Option<DistrictId>,
    period: Period,
    teams: &[(TeamId, String)],
    districts: &[(DistrictId, String)],
) -> std::result::Result<Inputs, StoreError> {
    let mut tx = app.db.begin_read().await?;
    let tx = &mut tx;
    let end = period.to;
    // Group sessions count by when they start, in the organisation's time zone.
    let tz = &app.settings.time_zone;
    let moment = |d: jiff::civil::Date| d.to_zoned(tz.clone()).map(|z| z.timestamp()).unwrap_or_default();
    let (starts, ends) = (moment(period.from), moment(period.to.tomorrow().unwrap_or(period.to)));
    let caseload = store::caseload(tx, scope, end).await?;
    let absence = absence_inputs(app, tx, scope, period, &caseload).await?;
    Ok(Inputs {
        period,
        intakes: store::intakes(tx, scope, period).await?,
        starts: store::starts(tx, scope, period).await?,
        waiting: store::waiting(tx, scope, end).await?,
        active: store::active(tx, scope, end).await?,
        closures: store::closures(tx, scope, period).await?,
        referrals: store::referrals(tx, scope, period).await?,
        life_domains: store::life_domains(tx, scope, period).await?,
        partner_referrals: store::partner_referrals(tx, scope, period).await?,
        contacts: store::contact_forms(tx, scope, period).await?,
        caseload,
        reach: store::reach(tx, scope, period).await?,
        populations: store::populations(tx, end).await?,
        teams: teams.to_vec(),
        districts: districts.to_vec(),
        groups: buurtteam_store::kpi_groups::inputs(tx, scope, period, starts, ends).await?,
        onward: store::onward(tx, scope, period).await?,
        absence,
        partners: partner_inputs(app, tx, area).await?,
    })
}

/// The GP practices and VE locations serving `area` (the city when `None`), ended ones
/// included: the figures take the ones active on the period's last day.
async fn partner_inputs(
    app: &App,
    tx: &mut buurtteam_store::Tx,
    area: Option<DistrictId>,
) -> std::result::Result<kpi::partners::PartnerInputs, StoreError> {
    use buurtteam_domain::partners::PartnerKind;
    use buurtteam_store::partners::{Filter, list};
    let mut partners = Vec::new();
    for kind in [PartnerKind::GpPractice, PartnerKind::EarlyEducation] {
        let filter = Filter { kind: Some(kind), district: area, q: None, include_ended: true };
        partners.extend(list(tx, &filter).await?.into_iter().map(|p| kpi::partners::PartnerRow {
            kind: p.kind,
            district_ids: p.district_ids,
            ended_on: p.fields.ended_on,
            gp_history: p.gp_history.iter().map(|c| (c.since, c.status)).collect(),
            links: p.workers.iter().map(|w| (w.starts_on, w.ends_on)).collect(),
        }));
    }
    Ok(kpi::partners::PartnerInputs { target_pct: app.settings.gp_target_pct, district: area, partners })
}

/// The absence and capacity rows of `period` (decision 0036): the staff counted in `scope`
/// with their spells, measured over the period and over each of its calendar months, and the
/// open cases at each month's end (`caseload`: those at the period's end).
async fn absence_inputs(
    app: &App,
    tx: &mut buurtteam_store::Tx,
    scope: Scope,
    period: Period,
    caseload: &[(buurtteam_domain::ids::UserId, u64)],
) -> std::result::Result<kpi::absence::AbsenceInputs, StoreError> {
    use buurtteam_domain::absence::{StaffMember, fte, period_figures};
    use buurtteam_domain::calendar::WorkingDayCalendar;
    use buurtteam_domain::codes::Role;
    let today = app.today();
    let counted = buurtteam_store::absence::counted(tx, scope, period.from).await?;
    let closure_days = organisation::list_closure_days(tx).await?;
    let calendar = WorkingDayCalendar::new(app.settings.holiday_rules, closure_days.into_iter().map(|(d, _)| d));
    let staff: Vec<StaffMember> =
        counted.iter().map(|c| StaffMember { contract_hours: c.contract_hours, spells: c.spells.clone() }).collect();
    let family_worker_fte =
        fte(counted.iter().filter(|c| c.role == Role::FamilyWorker).map(|c| c.contract_hours), app.settings.fte_hours);
    let mut months = Vec::new();
    for m in kpi::months_of(period) {
        let (from, to) = (m.from.max(period.from), m.to.min(period.to));
        let open_cases = if to == period.to {
            caseload.iter().map(|(_, n)| n).sum()
        } else {
            store::caseload(tx, scope, to).await?.iter().map(|(_, n)| n).sum()
        };
        months.push(kpi::absence::AbsenceMonthInputs {
            from,
            to,
            figures: period_figures(&calendar, from, to, &staff, today),
            open_cases,
        });
    }
    Ok(kpi::absence::AbsenceInputs {
        target_pct: app.settings.absence_target_pct,
        whole: period_figures(&calendar, period.from, period.to, &staff, today),
        family_worker_fte,
        months,
    })
}

/// One district's population as read from a population file, by district name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PopulationLine {
    /// The line of the file (from 1).
    pub line: usize,
    pub district: String,
    pub reference_date: Date,
    pub residents: u64,
    pub residents_0_17: Option<u64>,
}

/// A parsed population file: its comment lines (the source) and its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PopulationFile {
    pub source: String,
    pub lines: Vec<PopulationLine>,
}

/// Parses a population file: CSV with a header `district,reference_date,residents` and
/// optionally `residents_0_17` (an empty cell: not known). Lines starting with `#` are
/// comments and together name the source. Errors name the line.
pub fn parse_populations(text: &str) -> Result<PopulationFile> {
    let (file, errors) = read_populations(text);
    errors.finish()?;
    Ok(file)
}

/// Reads a population file as [`parse_populations`] does, keeping the lines that could be
/// read beside the errors (each named `line N`, or `file`), for a preview before saving.
pub fn read_populations(text: &str) -> (PopulationFile, Errors) {
    let mut errors = Errors::default();
    let mut comments = Vec::new();
    let mut header: Option<Vec<String>> = None;
    let mut lines = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            comments.push(c.trim().to_owned());
            continue;
        }
        let cells: Vec<&str> = line.split(',').map(str::trim).collect();
        let Some(cols) = &header else {
            let cols: Vec<String> = cells.iter().map(|c| c.to_ascii_lowercase()).collect();
            for required in ["district", "reference_date", "residents"] {
                if !cols.iter().any(|c| c == required) {
                    errors.add(format!("line {line_no}"), format!("the header lacks the column {required}"));
                }
            }
            for c in &cols {
                if !["district", "reference_date", "residents", "residents_0_17"].contains(&c.as_str()) {
                    errors.add(format!("line {line_no}"), format!("unknown column {c:?}"));
                }
            }
            header = Some(cols);
            continue;
        };
        let field = format!("line {line_no}");
        if cells.len() != cols.len() {
            errors.add(&field, format!("has {} cells, the header {}", cells.len(), cols.len()));
            continue;
        }
        let cell = |name: &str| cols.iter().position(|c| c == name).and_then(|i| cells.get(i).copied());
        let number = |errors: &mut Errors, name: &str| -> Option<u64> {
            let v = cell(name).filter(|v| !v.is_empty())?;
            let parsed = v.replace(['.', '_'], "").parse::<u64>().ok();
            if parsed.is_none() {
                errors.add(&field, format!("{name} {v:?} is not a whole number"));
            }
            parsed
        };
        let district = cell("district").unwrap_or_default().to_owned();
        if district.is_empty() {
            errors.add(&field, "district is empty");
        }
        let date = input::date(&mut errors, &field, cell("reference_date"));
        let residents = number(&mut errors, "residents");
        if cell("residents").is_none_or(str::is_empty) {
            errors.add(&field, "residents is empty");
        }
        let young = number(&mut errors, "residents_0_17");
        if let (Some(r), Some(y)) = (residents, young)
            && y > r
        {
            errors.add(&field, format!("residents_0_17 ({y}) exceeds residents ({r})"));
        }
        if let (Some(reference_date), Some(residents)) = (date, residents) {
            lines.push(PopulationLine { line: line_no, district, reference_date, residents, residents_0_17: young });
        }
    }
    if header.is_none() {
        errors.add("file", "is empty: expected a header district,reference_date,residents[,residents_0_17]");
    }
    (PopulationFile { source: comments.join(" "), lines }, errors)
}

/// Imports a population file (run by an operator from the command line, as the system):
/// every district must exist by name. Replaces earlier figures of the same district and
/// reference date. Returns the number of districts stored.
pub async fn import_populations(app: &App, text: &str, file_name: &str) -> Result<usize> {
    let file = parse_populations(text)?;
    let mut tx = app.db.begin_read().await?;
    let districts = organisation::list_districts(&mut tx).await?;
    drop(tx);
    let mut errors = Errors::default();
    let rows = match_districts(&mut errors, &file, &districts, "district");
    errors.finish()?;
    save_populations(app, None, rows.into_iter().map(|(_, p)| p).collect(), &file, file_name).await
}

/// The lines of a population file with the district each names (by name, ignoring case);
/// a line naming no district is an error named `field`.
pub(crate) fn match_districts(
    errors: &mut Errors,
    file: &PopulationFile,
    districts: &[organisation::District],
    field: &str,
) -> Vec<(usize, Population)> {
    let mut rows = Vec::new();
    for l in &file.lines {
        match districts.iter().find(|d| d.name.eq_ignore_ascii_case(&l.district)) {
            Some(d) => rows.push((
                l.line,
                Population {
                    district_id: d.id,
                    reference_date: l.reference_date,
                    residents: l.residents,
                    residents_0_17: l.residents_0_17,
                },
            )),
            None => {
                let field = if field == "line" { format!("line {}", l.line) } else { field.to_owned() };
                errors
                    .add(
                        field,
                        format!(
                            "no district is named {:?}; known: {}",
                            l.district,
                            districts.iter().map(|d| d.name.as_str()).collect::<Vec<_>>().join(", ")
                        ),
                    )
                    .code("unknown_district_name")
                    .arg("name", &l.district);
            }
        }
    }
    rows
}

/// Stores checked population figures with their audit row (`actor` `None`: the system, from
/// the command line), replacing earlier figures of the same district and reference date. The
/// row holds the figures before and after (never client data: counts of residents).
pub(crate) async fn save_populations(
    app: &App,
    actor: Option<&Actor>,
    rows: Vec<Population>,
    file: &PopulationFile,
    file_name: &str,
) -> Result<usize> {
    let source = if file.source.is_empty() { file_name.to_owned() } else { file.source.chars().take(1000).collect() };
    let now = app.now();
    let n = rows.len();
    let mut entry = audit_entry(actor, now, AuditAction::PopulationImported, "district_population");
    let file_name = file_name.to_owned();
    let figures = |p: &Population| serde_json::json!({ "residents": p.residents, "residents_0_17": p.residents_0_17 });
    app.db
        .write(move |tx| {
            Box::pin(async move {
                let last = rows.iter().map(|p| p.reference_date).max().unwrap_or_default();
                let earlier = store::populations(tx, last).await?;
                let (mut before, mut after) = (serde_json::Map::new(), serde_json::Map::new());
                for p in &rows {
                    let key = format!("{}@{}", p.district_id, p.reference_date);
                    let old =
                        earlier.iter().find(|e| e.district_id == p.district_id && e.reference_date == p.reference_date);
                    before.insert(key.clone(), old.map_or(serde_json::Value::Null, figures));
                    after.insert(key, figures(p));
                    store::upsert_population(tx, p, &source, now).await?;
                }
                entry.detail = serde_json::json!({
                    "file": file_name, "districts": n, "before": before, "after": after,
                });
                audit::append(tx, &entry).await?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn population_files_with_and_without_the_0_17_column() {
        let f = parse_populations(
            "# Bron: BRP\n# 1 januari 2023\ndistrict,reference_date,residents\nWest,2023-01-01,29035\n\nOost, 2023-01-01 ,32.787\n",
        )
        .expect("parses");
        assert_eq!(f.source, "Bron: BRP 1 januari 2023");
        assert_eq!(f.lines.len(), 2);
        assert_eq!(f.lines[1].residents, 32_787);
        assert_eq!(f.lines[0].residents_0_17, None);
        let f = parse_populations(
            "district,reference_date,residents,residents_0_17\nWest,2024-01-01,100,20\nOost,2024-01-01,90,\n",
        )
        .expect("parses");
        assert_eq!(f.lines[0].residents_0_17, Some(20));
        assert_eq!(f.lines[0].reference_date, date(2024, 1, 1));
        assert_eq!(f.lines[1].residents_0_17, None, "an empty cell is not known, not zero");
    }

    #[test]
    fn bad_population_files_name_the_line() {
        let e = parse_populations("district,reference_date,residents\nWest,2023-13-01,x\nOost,2023-01-01,10,5\n")
            .expect_err("invalid");
        let AppError::Validation(fields) = e else { panic!("not a validation error") };
        let lines: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(lines, ["line 2", "line 2", "line 3"]);
        assert!(parse_populations("# only a comment\n").is_err());
        assert!(parse_populations("district,residents\n").is_err(), "reference_date is required");
        assert!(
            parse_populations("district,reference_date,residents,residents_0_17\nWest,2023-01-01,10,11\n").is_err()
        );
    }
}
