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
    /// Required for neighbourhood teams; absent for city-wide (school) teams.
    pub district_id: Option<i64>,
    /// `neighbourhood` (default), `secondary_school` or `vocational_school`.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<TeamKind>))]
    pub kind: Option<String>,
    /// How families reach the team, shown in Mijn Buurtteam (optional): a Dutch or
    /// international phone number, e.g. `030 123 45 67` or `+31 30 123 4567`.
    pub phone: Option<String>,
    /// The team's e-mail address for families (optional).
    pub email: Option<String>,
}

/// A change of a team's contact details: a field left out stays as it is; `null` or an empty
/// string clears it.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeamPatch {
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub email: Option<Option<String>>,
}

fn nullable<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<Option<String>>, D::Error> {
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

fn duplicate(field: &str, what: &str) -> impl Fn(StoreError) -> AppError {
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
async fn organisation_wide(app: &App, actor: &Actor, action: Action, object: &'static str) -> Result<()> {
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
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(District { id, name })
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
    if kind == Some(TeamKind::Neighbourhood) && input.district_id.is_none() {
        errors.add("district_id", "is required for a neighbourhood team");
    }
    let (phone, email) = contact(&mut errors, input.phone.as_deref(), input.email.as_deref());
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let district = input.district_id.map(DistrictId);
    if let Some(d) = district
        && !store::district_exists(&mut tx, d).await?
    {
        errors.add("district_id", format!("no district has id {d}"));
    }
    errors.finish()?;
    let (name, kind) = (name.unwrap_or_default(), kind.unwrap_or(TeamKind::Neighbourhood));
    let id = store::insert_team(&mut tx, &name, kind, district, now)
        .await
        .map_err(duplicate("name", "A team with this name"))?;
    store::update_team_contact(&mut tx, id, phone.as_deref(), email.as_deref()).await?;
    let mut entry = audit_entry(Some(actor), now, AuditAction::TeamCreated, "team");
    entry.object_id = Some(id.0);
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(Team { id, name, kind, district_id: district, phone, email })
}

/// Changes a team's contact details (admin only).
pub async fn change_team(app: &App, actor: &Actor, id: TeamId, patch: &TeamPatch) -> Result<Team> {
    organisation_wide(app, actor, Action::ManageOrganisation, "team").await?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let Some(team) = store::get_team(&mut tx, id).await? else {
        return Err(AppError::NotFound("team"));
    };
    let mut errors = Errors::default();
    let phone = match &patch.phone {
        None => team.phone.clone(),
        Some(p) => contact(&mut errors, p.as_deref(), None).0,
    };
    let email = match &patch.email {
        None => team.email.clone(),
        Some(e) => contact(&mut errors, None, e.as_deref()).1,
    };
    errors.finish()?;
    if (&phone, &email) == (&team.phone, &team.email) {
        return Ok(team);
    }
    store::update_team_contact(&mut tx, id, phone.as_deref(), email.as_deref()).await?;
    let mut entry = audit_entry(Some(actor), now, AuditAction::TeamChanged, "team");
    entry.object_id = Some(id.0);
    entry.detail = serde_json::json!({ "phone": phone.is_some(), "email": email.is_some() });
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(Team { phone, email, ..team })
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
    entry.detail = serde_json::json!({ "day": day.to_string(), "deadlines_recomputed": recomputed });
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok((day, description))
}

pub async fn remove_closure_day(app: &App, actor: &Actor, day: Date) -> Result<()> {
    organisation_wide(app, actor, Action::ManageOrganisation, "closure_day").await?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    if !store::delete_closure_day(&mut tx, day).await? {
        return Err(AppError::NotFound("closure day"));
    }
    let recomputed = recompute_intake_deadlines(app, &mut tx).await?;
    let mut entry = audit_entry(Some(actor), now, AuditAction::ClosureDayRemoved, "closure_day");
    entry.detail = serde_json::json!({ "day": day.to_string(), "deadlines_recomputed": recomputed });
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
