//! Staff absence (verzuim, issue 20; decision 0036): HR and team managers record spells, a
//! staff member reads their own. Never a reason: the input has no field for one, and an
//! unknown field is refused by the API like any other.

use buurtteam_domain::absence::{Spell, SpellError};
use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::ids::{TeamId, UserId};
use buurtteam_domain::policy::absence::{AbsenceAction, Whose, decide};
use buurtteam_domain::policy::{Actor, Decision};
use buurtteam_domain::validation::Errors;
use buurtteam_store::absence::{self as store, Absence};
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::organisation::User;
use buurtteam_store::{Tx, organisation, users};
use serde::Deserialize;
use serde_json::json;

use crate::refusals::{self, Attempt};
use crate::{App, AppError, Result, audit_entry, input};

/// A new spell (`POST /api/v1/users/{id}/absences`).
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AbsenceInput {
    /// `YYYY-MM-DD`, the first day absent; not in the future.
    pub starts_on: Option<String>,
    /// `YYYY-MM-DD`, when the person is expected back (may lie in the future).
    pub expected_back_on: Option<String>,
    /// The part of the contract the person is absent, 1-100 (default 100).
    pub percentage: Option<i64>,
}

/// A change of a spell (`PATCH /api/v1/absences/{id}`): a field left out stays as it is.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AbsenceChange {
    /// `YYYY-MM-DD`, the last day absent; not in the future.
    pub ends_on: Option<String>,
    pub expected_back_on: Option<String>,
    pub percentage: Option<i64>,
}

/// How `user` relates to the actor, and the user's team ids; `None` when there is no such
/// staff member (portal accounts included).
async fn whose(tx: &mut Tx, actor: &Actor, user: UserId) -> Result<Option<Whose>> {
    let Some(person) = organisation::get_user(tx, user).await? else { return Ok(None) };
    if !person.role.is_staff() {
        return Ok(None);
    }
    Ok(Some(if person.id == actor.user_id {
        Whose::Own
    } else if person.team_ids.iter().any(|t| actor.team_ids.contains(t)) {
        Whose::OwnTeam
    } else {
        Whose::Other
    }))
}

/// Asks the policy about `user`'s absence; an unknown user is a 404 like a hidden one, and a
/// refusal is logged like other organisation-wide refusals.
async fn authorise(app: &App, actor: &Actor, user: UserId, action: AbsenceAction) -> Result<()> {
    let relation = {
        let mut tx = app.db.begin_read().await?;
        whose(&mut tx, actor, user).await?
    };
    let refusal = match relation.map(|w| decide(actor.role, w, action)) {
        Some(Decision::Allow) => return Ok(()),
        Some(Decision::Deny) => AppError::Forbidden("you may not do this with this person's absence".into()),
        Some(Decision::Hidden) | None => AppError::NotFound("user"),
    };
    let attempt =
        Attempt::new(Refused::Organisation, "absence").with("attempted", action.code()).with("user_id", user.0);
    Err(refusals::refuse(app, Some(actor), attempt, refusal).await)
}

fn spell_error(errors: &mut Errors, e: SpellError) {
    let (field, code, message) = match e {
        SpellError::StartInFuture => ("starts_on", "future_date", "may not be in the future"),
        SpellError::EndInFuture => ("ends_on", "future_date", "may not be in the future"),
        SpellError::EndBeforeStart => ("ends_on", "before_start", "may not be before the first day"),
        SpellError::ExpectedBackBeforeStart => ("expected_back_on", "before_start", "may not be before the first day"),
        SpellError::PercentageOutOfRange => ("percentage", "out_of_range", "must be 1 to 100"),
    };
    let e = errors.add(field, message);
    e.code(code);
    if code == "out_of_range" {
        e.arg("min", 1).arg("max", 100);
    }
}

fn percentage(errors: &mut Errors, given: Option<i64>, old: u8) -> u8 {
    match given {
        None => old,
        Some(p) => match u8::try_from(p) {
            Ok(p) if (1..=100).contains(&p) => p,
            _ => {
                errors.add("percentage", "must be 1 to 100").code("out_of_range").arg("min", 1).arg("max", 100);
                old
            }
        },
    }
}

/// Records a spell of staff member `user` (HR; the team manager of one of their teams).
pub async fn record(app: &App, actor: &Actor, user: UserId, input: &AbsenceInput) -> Result<Absence> {
    authorise(app, actor, user, AbsenceAction::Record).await?;
    let today = app.today();
    let mut errors = Errors::default();
    let starts_on = input::date(&mut errors, "starts_on", input.starts_on.as_deref());
    let expected = match input.expected_back_on.as_deref().filter(|s| !s.trim().is_empty()) {
        Some(d) => input::date(&mut errors, "expected_back_on", Some(d)),
        None => None,
    };
    let percentage = percentage(&mut errors, input.percentage, 100);
    errors.finish()?;
    let Some(starts_on) = starts_on else { return Err(AppError::Internal("validated spell lacks its start".into())) };
    let spell = Spell { starts_on, expected_back_on: expected, ends_on: None, percentage };
    if let Err(e) = spell.validate(today) {
        let mut errors = Errors::default();
        spell_error(&mut errors, e);
        errors.finish()?;
    }
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let id = store::insert(&mut tx, user, &spell, actor.user_id, now).await?;
    let mut entry = audit_entry(Some(actor), now, AuditAction::AbsenceRecorded, "absence");
    entry.object_id = Some(id);
    entry.detail = json!({ "user_id": user.0, "after": spell_value(&spell) });
    audit::append(&mut tx, &entry).await?;
    let stored = store::get(&mut tx, id).await?.ok_or(AppError::NotFound("absence"))?;
    tx.commit().await?;
    Ok(stored)
}

/// Changes spell `id`: its end, expected return or percentage (the same people who record it).
pub async fn change(app: &App, actor: &Actor, id: i64, input: &AbsenceChange) -> Result<Absence> {
    change_if_unchanged(app, actor, id, input, None).await
}

/// The spell as a form saw it ([`change_if_unchanged`]): its dates and percentage in one text.
pub fn version(s: &Spell) -> String {
    let day = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    format!("{}|{}|{}|{}", s.starts_on, day(s.expected_back_on), day(s.ends_on), s.percentage)
}

/// [`change`], refused with a conflict when the spell is no longer as `seen` ([`version`]): a
/// page's form carries the spell it showed, so a change made since it was shown is not
/// overwritten.
pub async fn change_if_unchanged(
    app: &App,
    actor: &Actor,
    id: i64,
    input: &AbsenceChange,
    seen: Option<&str>,
) -> Result<Absence> {
    let before = {
        let mut tx = app.db.begin_read().await?;
        store::get(&mut tx, id).await?
    };
    // An unknown spell: refused like a spell of someone the actor may not see.
    let Some(before) = before else {
        let attempt = Attempt::new(Refused::Organisation, "absence").with("attempted", "change_absence");
        return Err(refusals::refuse(app, Some(actor), attempt, AppError::NotFound("absence")).await);
    };
    authorise(app, actor, before.user_id, AbsenceAction::Record).await?;
    if seen.is_some_and(|v| v != version(&before.spell)) {
        return Err(changed_meanwhile());
    }
    let today = app.today();
    let mut errors = Errors::default();
    let mut spell = before.spell;
    if let Some(end) = input.ends_on.as_deref() {
        spell.ends_on =
            if end.trim().is_empty() { None } else { input::date(&mut errors, "ends_on", Some(end)).or(spell.ends_on) };
    }
    if let Some(back) = input.expected_back_on.as_deref() {
        spell.expected_back_on = if back.trim().is_empty() {
            None
        } else {
            input::date(&mut errors, "expected_back_on", Some(back)).or(spell.expected_back_on)
        };
    }
    spell.percentage = percentage(&mut errors, input.percentage, spell.percentage);
    errors.finish()?;
    if let Err(e) = spell.validate(today) {
        let mut errors = Errors::default();
        spell_error(&mut errors, e);
        errors.finish()?;
    }
    if spell == before.spell {
        return Ok(before);
    }
    let now = app.now();
    let mut tx = app.db.begin().await?;
    // Checked against the spell as read above, in the writing transaction: a change made in
    // between is not silently overwritten.
    if store::get(&mut tx, id).await?.map(|a| a.spell) != Some(before.spell) {
        return Err(changed_meanwhile());
    }
    store::update(&mut tx, id, &spell, now).await?;
    let mut entry = audit_entry(Some(actor), now, AuditAction::AbsenceChanged, "absence");
    entry.object_id = Some(id);
    entry.detail =
        json!({ "user_id": before.user_id.0, "before": spell_value(&before.spell), "after": spell_value(&spell) });
    audit::append(&mut tx, &entry).await?;
    let stored = store::get(&mut tx, id).await?.ok_or(AppError::NotFound("absence"))?;
    tx.commit().await?;
    Ok(stored)
}

/// The spells of `user`, latest first, with the audit row that says who read them.
async fn read_logged(tx: &mut Tx, actor: &Actor, user: UserId, now: jiff::Timestamp) -> Result<Vec<Absence>> {
    let spells = store::of_user(tx, user).await?;
    let mut entry = audit_entry(Some(actor), now, AuditAction::AbsencesRead, "absence");
    entry.object_id = Some(user.0);
    entry.detail = json!({ "user_id": user.0, "absence_ids": spells.iter().map(|a| a.id).collect::<Vec<_>>() });
    audit::append(tx, &entry).await?;
    Ok(spells)
}

/// The spells of staff member `user`, latest first (HR; their team manager; themselves).
/// The read is logged: absence is HR data.
pub async fn of_user(app: &App, actor: &Actor, user: UserId) -> Result<Vec<Absence>> {
    authorise(app, actor, user, AbsenceAction::ReadSpells).await?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let spells = read_logged(&mut tx, actor, user, now).await?;
    tx.commit().await?;
    Ok(spells)
}

/// A staff member with contract hours, as the absence overview lists them.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: UserId,
    pub name: String,
    pub role: buurtteam_domain::codes::Role,
    /// Hundredths of an hour per week.
    pub contract_hours_hundredths: i32,
    /// The spells that cover today (usually one).
    pub current: Vec<Absence>,
}

/// The people of one team (or, with no id, of none: HR's overview only).
#[derive(Debug, Clone)]
pub struct TeamPeople {
    pub team: Option<(TeamId, String)>,
    pub people: Vec<Person>,
}

/// Who is absent now among the people the actor may see (HR: everyone; a team manager: the
/// people of their teams), grouped by team.
#[derive(Debug, Clone)]
pub struct Overview {
    pub today: jiff::civil::Date,
    /// The teams the actor may choose between, by name.
    pub teams: Vec<(TeamId, String)>,
    /// The groups shown: the chosen team, or all of them.
    pub groups: Vec<TeamPeople>,
    /// The absence figures of each group, in the order of `groups`.
    pub figures: Vec<crate::absence_figures::Figures>,
    /// The figures of everyone shown, when more than one group is (HR's whole organisation, a
    /// team manager's teams together).
    pub total: Option<crate::absence_figures::Figures>,
    /// The organisation's target (percent).
    pub target_pct: f64,
}

/// The absence overview (`/absence`): everyone with contract hours in the actor's scope, with
/// the spells that cover today, optionally of one `team`. The read is logged like a person's
/// spells are. Others than HR and team managers are refused; a team outside the actor's scope
/// is a 404.
pub async fn overview(app: &App, actor: &Actor, team: Option<TeamId>) -> Result<Overview> {
    let everyone = decide(actor.role, Whose::Other, AbsenceAction::ReadSpells) == Decision::Allow;
    let own_teams = decide(actor.role, Whose::OwnTeam, AbsenceAction::Record) == Decision::Allow;
    if !everyone && !own_teams {
        let attempt = Attempt::new(Refused::Organisation, "absence").with("attempted", "read_absence_overview");
        let refusal = AppError::Forbidden("only HR and team managers see the absence overview".into());
        return Err(refusals::refuse(app, Some(actor), attempt, refusal).await);
    }
    let today = app.today();
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let all_teams = organisation::list_teams(&mut tx).await?;
    let mut teams: Vec<(TeamId, String)> = all_teams
        .iter()
        .filter(|t| t.ended_on.is_none() || actor.team_ids.contains(&t.id))
        .filter(|t| everyone || actor.team_ids.contains(&t.id))
        .map(|t| (t.id, t.name.clone()))
        .collect();
    teams.sort_by(|a, b| a.1.cmp(&b.1));
    if let Some(t) = team
        && !teams.iter().any(|(id, _)| *id == t)
    {
        drop(tx);
        let attempt = Attempt::new(Refused::Organisation, "absence")
            .with("attempted", "read_absence_overview")
            .with("team_id", t.0);
        return Err(refusals::refuse(app, Some(actor), attempt, AppError::NotFound("team")).await);
    }
    let hours: std::collections::HashMap<UserId, i32> = users::extras(&mut tx)
        .await?
        .into_iter()
        .filter_map(|(id, e)| e.contract_hours_hundredths.filter(|h| *h > 0).map(|h| (id, h)))
        .collect();
    let staff: Vec<User> = organisation::list_users(&mut tx)
        .await?
        .into_iter()
        .filter(|u| u.active && u.role.is_staff() && hours.contains_key(&u.id))
        .collect();
    let covering = store::covering(&mut tx, today).await?;
    let person = |u: &User| Person {
        id: u.id,
        name: u.name.clone(),
        role: u.role,
        contract_hours_hundredths: hours[&u.id],
        current: covering.iter().filter(|a| a.user_id == u.id).cloned().collect(),
    };
    let mut groups: Vec<TeamPeople> = teams
        .iter()
        .filter(|(id, _)| team.is_none_or(|t| t == *id))
        .map(|(id, name)| TeamPeople {
            team: Some((*id, name.clone())),
            people: staff.iter().filter(|u| u.team_ids.contains(id)).map(person).collect(),
        })
        .collect();
    if everyone && team.is_none() {
        let loose: Vec<Person> = staff.iter().filter(|u| u.team_ids.is_empty()).map(person).collect();
        if !loose.is_empty() {
            groups.push(TeamPeople { team: None, people: loose });
        }
    }
    let shown: Vec<i64> = {
        let mut ids: Vec<i64> = groups.iter().flat_map(|g| g.people.iter().map(|p| p.id.0)).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    let absence_ids: Vec<i64> =
        groups.iter().flat_map(|g| g.people.iter().flat_map(|p| p.current.iter().map(|a| a.id))).collect();
    let mut members: Vec<Vec<UserId>> = groups.iter().map(|g| g.people.iter().map(|p| p.id).collect()).collect();
    if groups.len() > 1 {
        members.push(shown.iter().map(|id| UserId(*id)).collect());
    }
    let mut figures = crate::absence_figures::of_groups(app, &mut tx, &members, today).await?;
    let total = (groups.len() > 1).then(|| figures.pop()).flatten();
    let mut entry = audit_entry(Some(actor), now, AuditAction::AbsencesRead, "absence");
    entry.detail =
        json!({ "overview": true, "team_id": team.map(|t| t.0), "user_ids": shown, "absence_ids": absence_ids });
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(Overview { today, teams, groups, figures, total, target_pct: app.settings.absence_target_pct })
}

/// One staff member's absence as their page shows it.
#[derive(Debug, Clone)]
pub struct PersonAbsence {
    pub user: User,
    pub team_names: Vec<String>,
    pub contract_hours_hundredths: Option<i32>,
    /// Latest first.
    pub spells: Vec<Absence>,
    /// Whether the actor may record and change this person's spells.
    pub may_record: bool,
    pub today: jiff::civil::Date,
}

/// A staff member's absence page (`/absence/users/{id}`): who they are, their spells and
/// whether the actor may record; the same people as [`of_user`] may see it, and the read is
/// logged the same way.
pub async fn person(app: &App, actor: &Actor, user: UserId) -> Result<PersonAbsence> {
    authorise(app, actor, user, AbsenceAction::ReadSpells).await?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let Some(person) = organisation::get_user(&mut tx, user).await? else { return Err(AppError::NotFound("user")) };
    let may_record = whose(&mut tx, actor, user)
        .await?
        .is_some_and(|w| decide(actor.role, w, AbsenceAction::Record) == Decision::Allow);
    let team_names = organisation::list_teams(&mut tx)
        .await?
        .into_iter()
        .filter(|t| person.team_ids.contains(&t.id))
        .map(|t| t.name)
        .collect();
    let contract_hours_hundredths = users::extras_of(&mut tx, user).await?.contract_hours_hundredths;
    let spells = read_logged(&mut tx, actor, user, now).await?;
    tx.commit().await?;
    Ok(PersonAbsence { user: person, team_names, contract_hours_hundredths, spells, may_record, today: app.today() })
}

fn changed_meanwhile() -> AppError {
    AppError::Conflict {
        message: "the absence spell was changed by someone else in the meantime; reload it".into(),
        current_status: None,
    }
}

fn spell_value(s: &Spell) -> serde_json::Value {
    json!({
        "starts_on": s.starts_on.to_string(),
        "expected_back_on": s.expected_back_on.map(|d| d.to_string()),
        "ends_on": s.ends_on.map(|d| d.to_string()),
        "percentage": s.percentage,
    })
}
