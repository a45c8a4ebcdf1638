//! Managing the organisation: districts, teams and closure days (staff accounts: `accounts`).

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::case;
use buurtteam_domain::codes::TeamKind;
use buurtteam_domain::ids::{DistrictId, TeamId};
use buurtteam_domain::policy::{Action, Actor, Relation};
use buurtteam_domain::validation::Errors;
use buurtteam_store::StoreError;
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::organisation::{self as store, District, Team};
use jiff::civil::Date;
use serde::Deserialize;

use crate::input;
use crate::refusals::Attempt;
use crate::{App, AppError, Result, audit_entry, authorise};

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DistrictInput {
    pub name: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeamInput {
    pub name: Option<String>,
    /// The (first) district the team serves: required for neighbourhood teams (or
    /// `district_ids`); absent for city-wide (school) teams.
    pub district_id: Option<i64>,
    /// Every district the team serves, when it serves more than one.
    #[serde(default)]
    pub district_ids: Vec<i64>,
    /// `neighbourhood` (default), `secondary_school` or `vocational_school`.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<TeamKind>))]
    pub kind: Option<String>,
    /// How families reach the team, shown in Mijn Buurtteam (optional): a Dutch or
    /// international phone number, e.g. `030 123 45 67` or `+31 30 123 4567`.
    pub phone: Option<String>,
    /// The team's e-mail address for families (optional).
    pub email: Option<String>,
}

/// A change of a team: a field left out stays as it is; for `phone` and `email`, `null` or an
/// empty string clears it.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeamPatch {
    /// The new name; the former one stays in the history of names.
    pub name: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<TeamKind>))]
    pub kind: Option<String>,
    /// Every district the team serves (replaces the list); empty for a city-wide team.
    pub district_ids: Option<Vec<i64>>,
    /// `false` ends the team today (unless `ended_on` names the day): it takes no new
    /// referrals and leaves the pickers, its cases and figures stay. `true` undoes an end.
    pub active: Option<bool>,
    /// `YYYY-MM-DD`: the day from which the team takes no new referrals; `null` undoes it.
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub ended_on: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub email: Option<Option<String>>,
}

pub(crate) fn nullable<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

/// A phone number families can dial, as people write it (`person::normalise_phone`: Dutch or
/// international); the team's number is kept as typed, for people to read.
pub fn valid_phone(phone: &str) -> bool {
    buurtteam_domain::person::normalise_phone(phone).is_some()
}

fn contact(errors: &mut Errors, phone: Option<&str>, email: Option<&str>) -> (Option<String>, Option<String>) {
    let phone = input::optional_text(errors, "phone", phone, 40);
    if let Some(p) = &phone
        && !valid_phone(p)
    {
        errors
            .add("phone", "is not a phone number (10 to 15 digits, e.g. 030 123 45 67 or +31 30 123 4567)")
            .code("invalid_phone");
    }
    let email = input::optional_text(errors, "email", email, 254).map(|e| e.to_lowercase());
    if let Some(e) = &email
        && !valid_email(e)
    {
        errors.add("email", "is not an e-mail address (name@example.nl)").code("invalid_email");
    }
    (phone, email)
}

pub(crate) fn duplicate(field: &str, what: &str) -> impl Fn(StoreError) -> AppError {
    let (field, what) = (field.to_owned(), what.to_owned());
    move |e| match e {
        StoreError::Duplicate => {
            AppError::Conflict { message: format!("{what} exists already ({field})"), current_status: None }
        }
        other => other.into(),
    }
}

/// Authorises an organisation-wide `action` on `object` (districts, teams, users, closure
/// days); a refusal is logged as `organisation.access_refused`.
pub(crate) async fn organisation_wide(app: &App, actor: &Actor, action: Action, object: &'static str) -> Result<()> {
    authorise(app, actor, Relation::NoRecord, action, Attempt::new(Refused::Organisation, object)).await
}

/// Lets an admin into the administration pages (`/admin`); anyone else is refused, and the
/// refusal logged like any other organisation-wide one.
pub async fn open_administration(app: &App, actor: &Actor) -> Result<()> {
    organisation_wide(app, actor, Action::ManageOrganisation, "administration").await
}

pub async fn create_district(app: &App, actor: &Actor, input: &DistrictInput) -> Result<District> {
    organisation_wide(app, actor, Action::ManageOrganisation, "district").await?;
    let mut errors = Errors::default();
    let name = input::text(&mut errors, "name", input.name.as_deref(), 100);
    errors.finish()?;
    let name = name.unwrap_or_default();
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let id =
        store::insert_district(&mut tx, &name, now).await.map_err(duplicate("name", "A district with this name"))?;
    let mut entry = audit_entry(Some(actor), now, AuditAction::DistrictCreated, "district");
    entry.object_id = Some(id.0);
    entry.detail = serde_json::json!({ "before": null, "after": { "name": name } });
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(District { id, name, ended_on: None })
}

pub async fn list_districts(app: &App, actor: &Actor) -> Result<Vec<District>> {
    organisation_wide(app, actor, Action::ReadOrganisation, "district").await?;
    let mut tx = app.db.begin_read().await?;
    Ok(store::list_districts(&mut tx).await?)
}

pub async fn create_team(app: &App, actor: &Actor, input: &TeamInput) -> Result<Team> {
    organisation_wide(app, actor, Action::ManageOrganisation, "team").await?;
    let mut errors = Errors::default();
    let name = input::text(&mut errors, "name", input.name.as_deref(), 100);
    let kind = match input.kind.as_deref() {
        None | Some("") => Some(TeamKind::Neighbourhood),
        k => input::optional_code(&mut errors, "kind", k, TeamKind::parse, TeamKind::accepted),
    };
    let mut served: Vec<i64> = input.district_id.into_iter().chain(input.district_ids.iter().copied()).collect();
    dedup_in_order(&mut served);
    if kind == Some(TeamKind::Neighbourhood) && served.is_empty() {
        let field = if input.district_ids.is_empty() { "district_id" } else { "district_ids" };
        errors.add(field, "is required for a neighbourhood team").code("district_required");
    }
    let (phone, email) = contact(&mut errors, input.phone.as_deref(), input.email.as_deref());
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let field = if input.district_ids.is_empty() { "district_id" } else { "district_ids" };
    let districts = check_districts(&mut tx, &mut errors, field, &served, app.today()).await?;
    errors.finish()?;
    let (name, kind) = (name.unwrap_or_default(), kind.unwrap_or(TeamKind::Neighbourhood));
    let id = store::insert_team(&mut tx, &name, kind, districts.first().copied(), now)
        .await
        .map_err(duplicate("name", "A team with this name"))?;
    buurtteam_store::districts::set_team_districts(&mut tx, id, &districts).await?;
    store::update_team_contact(&mut tx, id, phone.as_deref(), email.as_deref()).await?;
    let team = Team {
        id,
        name,
        kind,
        district_id: districts.first().copied(),
        district_ids: districts,
        phone,
        email,
        ended_on: None,
    };
    let mut entry = audit_entry(Some(actor), now, AuditAction::TeamCreated, "team");
    entry.object_id = Some(id.0);
    entry.detail = serde_json::json!({ "before": null, "after": team_value(&team) });
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(team)
}

fn dedup_in_order(ids: &mut Vec<i64>) {
    let mut seen = std::collections::HashSet::new();
    ids.retain(|i| seen.insert(*i));
}

/// The districts named, each one that exists and has not ended; errors name `field`.
async fn check_districts(
    tx: &mut buurtteam_store::Tx,
    errors: &mut Errors,
    field: &str,
    ids: &[i64],
    today: Date,
) -> Result<Vec<DistrictId>> {
    let all = store::list_districts(tx).await?;
    let mut out = Vec::new();
    for id in ids {
        match all.iter().find(|d| d.id.0 == *id) {
            None => {
                errors.add(field, format!("no district has id {id}")).code("unknown_district");
            }
            Some(d) if !d.is_open_on(today) => {
                errors
                    .add(field, format!("the district {} has ended", d.name))
                    .code("district_ended")
                    .arg("name", &d.name);
            }
            Some(d) => out.push(d.id),
        }
    }
    Ok(out)
}

fn team_value(t: &Team) -> serde_json::Value {
    serde_json::json!({
        "name": t.name,
        "kind": t.kind.code(),
        "district_ids": t.district_ids.iter().map(|d| d.0).collect::<Vec<_>>(),
        "phone": t.phone,
        "email": t.email,
        "ended_on": t.ended_on.map(|d| d.to_string()),
    })
}

/// Changes a team (admin only): its name (the former one stays in the history of names),
/// kind, the districts it serves, its contact details, or its end. An ended team keeps its
/// cases and figures; it takes no new referrals.
pub async fn change_team(app: &App, actor: &Actor, id: TeamId, patch: &TeamPatch) -> Result<Team> {
    organisation_wide(app, actor, Action::ManageOrganisation, "team").await?;
    let today = app.today();
    let now = app.now();
    let mut errors = Errors::default();
    let name = patch.name.as_deref().and_then(|n| input::text(&mut errors, "name", Some(n), 100));
    let kind = input::optional_code(&mut errors, "kind", patch.kind.as_deref(), TeamKind::parse, TeamKind::accepted);
    let end = crate::districts::read_end(&mut errors, patch.active, patch.ended_on.as_ref(), today);
    let mut tx = app.db.begin().await?;
    let Some(team) = store::get_team(&mut tx, id).await? else {
        return Err(AppError::NotFound("team"));
    };
    let phone = match &patch.phone {
        None => team.phone.clone(),
        Some(p) => contact(&mut errors, p.as_deref(), None).0,
    };
    let email = match &patch.email {
        None => team.email.clone(),
        Some(e) => contact(&mut errors, None, e.as_deref()).1,
    };
    let district_ids = match &patch.district_ids {
        None => team.district_ids.clone(),
        Some(ids) => {
            let mut ids = ids.clone();
            dedup_in_order(&mut ids);
            // A district the team served already may have ended since: it may keep it.
            let (kept, new): (Vec<i64>, Vec<i64>) =
                ids.iter().partition(|i| team.district_ids.iter().any(|d| d.0 == **i));
            let checked = check_districts(&mut tx, &mut errors, "district_ids", &new, today).await?;
            ids.into_iter().filter(|i| kept.contains(i) || checked.iter().any(|d| d.0 == *i)).map(DistrictId).collect()
        }
    };
    let kind = kind.unwrap_or(team.kind);
    if kind == TeamKind::Neighbourhood && district_ids.is_empty() && errors.is_empty() {
        errors.add("district_ids", "a neighbourhood team serves at least one district").code("district_required");
    }
    errors.finish()?;
    let after = Team {
        name: name.unwrap_or_else(|| team.name.clone()),
        kind,
        district_id: district_ids.first().copied(),
        district_ids,
        phone,
        email,
        ended_on: end.unwrap_or(team.ended_on),
        ..team.clone()
    };
    if after == team {
        return Ok(team);
    }
    if (&after.name, after.kind, after.ended_on) != (&team.name, team.kind, team.ended_on) {
        buurtteam_store::districts::update_team(&mut tx, id, &after.name, after.kind.code(), after.ended_on)
            .await
            .map_err(duplicate("name", "A team with this name"))?;
    }
    if after.name != team.name {
        buurtteam_store::districts::record_name(
            &mut tx,
            buurtteam_store::districts::Named::Team(id),
            &after.name,
            today,
            now,
        )
        .await?;
    }
    if after.district_ids != team.district_ids {
        buurtteam_store::districts::set_team_districts(&mut tx, id, &after.district_ids).await?;
    }
    if (&after.phone, &after.email) != (&team.phone, &team.email) {
        store::update_team_contact(&mut tx, id, after.phone.as_deref(), after.email.as_deref()).await?;
    }
    let mut entry = audit_entry(Some(actor), now, AuditAction::TeamChanged, "team");
    entry.object_id = Some(id.0);
    entry.detail = crate::districts::change(team_value(&team), team_value(&after));
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(after)
}

pub async fn list_teams(app: &App, actor: &Actor) -> Result<Vec<Team>> {
    organisation_wide(app, actor, Action::ReadOrganisation, "team").await?;
    let mut tx = app.db.begin_read().await?;
    Ok(store::list_teams(&mut tx).await?)
}

pub(crate) fn valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
        && email.len() <= 254
}

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClosureDayInput {
    /// `YYYY-MM-DD`
    pub day: Option<String>,
    /// e.g. "Brugdag na Hemelvaart"
    pub description: Option<String>,
}

pub async fn list_closure_days(app: &App, actor: &Actor) -> Result<Vec<(Date, String)>> {
    organisation_wide(app, actor, Action::ReadOrganisation, "closure_day").await?;
    let mut tx = app.db.begin_read().await?;
    Ok(store::list_closure_days(&mut tx).await?)
}

/// Adds a closure day and moves the intake deadlines of cases still waiting for their intake.
pub async fn add_closure_day(app: &App, actor: &Actor, input: &ClosureDayInput) -> Result<(Date, String)> {
    organisation_wide(app, actor, Action::ManageOrganisation, "closure_day").await?;
    let mut errors = Errors::default();
    let day = input::planned_date(&mut errors, "day", input.day.as_deref(), app.today());
    let description = input::text(&mut errors, "description", input.description.as_deref(), 200);
    errors.finish()?;
    let (day, description) = (day.unwrap_or_default(), description.unwrap_or_default());
    let now = app.now();
    let mut tx = app.db.begin().await?;
    store::insert_closure_day(&mut tx, day, &description, now)
        .await
        .map_err(duplicate("day", "A closure day on this date"))?;
    let recomputed = recompute_intake_deadlines(app, &mut tx).await?;
    let mut entry = audit_entry(Some(actor), now, AuditAction::ClosureDayAdded, "closure_day");
    entry.detail = serde_json::json!({
        "before": null,
        "after": { "day": day.to_string(), "description": description },
        "deadlines_recomputed": recomputed,
    });
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok((day, description))
}

pub async fn remove_closure_day(app: &App, actor: &Actor, day: Date) -> Result<()> {
    organisation_wide(app, actor, Action::ManageOrganisation, "closure_day").await?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let description = store::list_closure_days(&mut tx).await?.into_iter().find(|(d, _)| *d == day).map(|(_, s)| s);
    if !store::delete_closure_day(&mut tx, day).await? {
        return Err(AppError::NotFound("closure day"));
    }
    let recomputed = recompute_intake_deadlines(app, &mut tx).await?;
    let mut entry = audit_entry(Some(actor), now, AuditAction::ClosureDayRemoved, "closure_day");
    entry.detail = serde_json::json!({
        "before": { "day": day.to_string(), "description": description },
        "after": null,
        "deadlines_recomputed": recomputed,
    });
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// Recomputes the intake deadline of every case still waiting for its intake with the
/// current calendar; returns how many cases were recomputed.
async fn recompute_intake_deadlines(app: &App, tx: &mut buurtteam_store::Tx) -> Result<usize> {
    let calendar = app.calendar(tx).await?;
    let waiting = buurtteam_store::cases::awaiting_intake(tx).await?;
    for (id, referred_on, requested) in &waiting {
        let due = case::intake_due_on(&calendar, *referred_on);
        let next = case::next_due_on(case::CaseStatus::Referred, due, *requested, None);
        buurtteam_store::cases::set_intake_due(tx, *id, due, next).await?;
    }
    Ok(waiting.len())
}
