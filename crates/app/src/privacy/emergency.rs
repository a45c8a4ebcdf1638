//! Emergency access ("break the glass", decision 0023): a family worker or team manager asks
//! for read access to a case of another team, with a reason; the grant lasts
//! `Settings::emergency_access_hours`. Every read under it is flagged in the access log
//! (`case.emergency_read`) and counted on the grant, and the privacy officer reviews each grant.
//!
//! A grant enters every decision on a case or household through [`relation_to_case`] and
//! [`relation_to_household`]: the case, household and plan contexts ask these (and nothing
//! else) for the actor's relation, and the policy allows reads and refuses writes under it.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::emergency::{self as rules, MAX_REASON_CHARS, MIN_REASON_CHARS};
use buurtteam_domain::ids::{CaseId, HouseholdId, TeamId};
use buurtteam_domain::policy::{self, Action, Actor, Relation};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::emergency::{self as store, Grant, NewGrant};
use buurtteam_store::{Tx, cases as case_store};
use jiff::Timestamp;
use serde::Deserialize;

use crate::refusals::{self, Attempt};
use crate::{App, AppError, Result, audit_entry, authorise, input};

/// An active grant the actor reads under: its id (for the flag and the count) and its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActiveGrant {
    pub id: i64,
    pub until: Timestamp,
}

/// The actor's relation to case `case` of team `team`, with the active grant it rests on when
/// that is [`Relation::Emergency`]. The one place (with [`relation_to_household`]) where a grant
/// becomes part of a decision; the rule itself is `policy::relation_to_case`. The grant query
/// runs whenever the case is not of the actor's own teams, also for a case that does not
/// exist, so a miss and a refusal cost the same.
pub(crate) async fn relation_to_case(
    tx: &mut Tx,
    actor: &Actor,
    case: CaseId,
    team: TeamId,
    now: Timestamp,
) -> Result<(Relation, Option<ActiveGrant>)> {
    if policy::relation_to_team(actor, team) == Relation::OwnTeam || !policy::has_client_access(actor.role) {
        return Ok((policy::relation_to_team(actor, team), None));
    }
    let latest = store::latest(tx, actor.user_id, case).await?;
    let relation = policy::relation_to_case(actor, team, latest.map(|(_, until)| until), now);
    let grant = latest.filter(|_| relation == Relation::Emergency).map(|(id, until)| ActiveGrant { id, until });
    Ok((relation, grant))
}

/// The actor's relation to a household that is not theirs by team: [`Relation::Emergency`]
/// while they hold an active grant on one of its cases.
pub(crate) async fn relation_to_household(
    tx: &mut Tx,
    actor: &Actor,
    household: HouseholdId,
    now: Timestamp,
) -> Result<(Relation, Option<ActiveGrant>)> {
    if !policy::has_client_access(actor.role) {
        return Ok((Relation::OtherTeam, None));
    }
    let grants = store::of_household(tx, actor.user_id, household).await?;
    let active = grants.into_iter().filter(|(_, _, until)| rules::is_active(*until, now)).max_by_key(|g| g.2);
    Ok(match active {
        Some((id, _, until)) => (Relation::Emergency, Some(ActiveGrant { id, until })),
        None => (Relation::OtherTeam, None),
    })
}

/// Flags a read under `grant`: one `case.emergency_read` row (beside the read's own row, in
/// the same transaction) and one more read counted on the grant.
pub(crate) async fn flag_read(tx: &mut Tx, grant: ActiveGrant, mut entry: audit::Entry, view: &str) -> Result<()> {
    entry.action = AuditAction::CaseEmergencyRead;
    entry.detail = serde_json::json!({ "grant_id": grant.id, "view": view });
    audit::append(tx, &entry).await?;
    store::count_read(tx, grant.id).await?;
    Ok(())
}

/// What a request for emergency access says.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestInput {
    /// Why the file is needed now, outside its team (10 to 500 characters). Required. The
    /// privacy officer reads it; the family does not.
    pub reason: Option<String>,
}

/// A grant made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Granted {
    pub id: i64,
    pub case_id: CaseId,
    pub until: Timestamp,
}

/// Grants the actor read access to case `id` of another team for
/// `Settings::emergency_access_hours`, with the reason. Family workers and team managers only
/// (403 otherwise); a case that does not exist is a 404, logged as a refusal like any other
/// probe; a case of the actor's own team is a 422 (`own_team`): it is open to them already.
pub async fn request(app: &App, actor: &Actor, id: CaseId, input: &RequestInput) -> Result<Granted> {
    open_request(app, actor).await?;
    let mut errors = Errors::default();
    let reason = reason_field(&mut errors, input.reason.as_deref());
    errors.finish()?;
    grant(app, actor, id, reason.unwrap_or_default()).await
}

/// Lets a family worker or team manager ask for emergency access (the page's form); anyone
/// else is refused with a 403, logged.
pub async fn open_request(app: &App, actor: &Actor) -> Result<()> {
    let attempt = Attempt::new(Refused::Organisation, "emergency_access");
    authorise(app, actor, Relation::NoRecord, Action::RequestEmergencyAccess, attempt).await
}

/// The page's form: the case number typed in, and the reason.
#[derive(Debug, Default, Deserialize)]
pub struct NumberInput {
    /// The case (file) number. Required.
    pub case_id: Option<String>,
    pub reason: Option<String>,
}

/// [`request`] for a case number typed into the page (every field error at once). An unknown
/// number is the same 404 as an unknown case anywhere, logged.
pub async fn request_by_number(app: &App, actor: &Actor, input: &NumberInput) -> Result<Granted> {
    open_request(app, actor).await?;
    let mut errors = Errors::default();
    let number = match input.case_id.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        None => {
            errors.add("case_id", "is required: the file number").code("required");
            None
        }
        Some(v) => match v.trim_start_matches('#').parse::<i64>() {
            Ok(n) if n > 0 => Some(n),
            _ => {
                errors.add("case_id", "is a file number: digits only, e.g. 1042").code("invalid");
                None
            }
        },
    };
    let reason = reason_field(&mut errors, input.reason.as_deref());
    errors.finish()?;
    grant(app, actor, CaseId(number.unwrap_or_default()), reason.unwrap_or_default()).await
}

/// The reason of a request: required, 10 to 500 characters.
fn reason_field(errors: &mut Errors, value: Option<&str>) -> Option<String> {
    let reason = input::long_text(errors, "reason", value, MAX_REASON_CHARS);
    if let Some(r) = &reason
        && r.chars().count() < MIN_REASON_CHARS
    {
        errors
            .add("reason", format!("say in at least {MIN_REASON_CHARS} characters why the file is needed now"))
            .code("too_short")
            .arg("min", MIN_REASON_CHARS);
    }
    reason
}

/// Makes the grant on case `id`, once the request itself is in order.
async fn grant(app: &App, actor: &Actor, id: CaseId, reason: String) -> Result<Granted> {
    let (owned_app, owned_actor) = (app.clone(), actor.clone());
    let outcome: Option<Granted> = app
        .db
        .write(move |tx| {
            Box::pin(async move {
                let (app, actor) = (&owned_app, &owned_actor);
                let Some((team, household)) = case_store::team_and_household(tx, id).await? else {
                    return Ok::<_, AppError>(None);
                };
                if policy::relation_to_team(actor, team) == Relation::OwnTeam {
                    let mut errors = Errors::default();
                    errors.add("case_id", "this case is of your own team: open it from the worklist").code("own_team");
                    errors.finish()?;
                }
                let now = app.now();
                let until = rules::until(now, app.settings.emergency_access_hours);
                let grant = store::insert(
                    tx,
                    &NewGrant { user: actor.user_id, case: id, team, reason: &reason, granted_at: now, ends_at: until },
                )
                .await?;
                let mut entry = audit_entry(Some(actor), now, AuditAction::CaseEmergencyAccessGranted, "case");
                entry.object_id = Some(id.0);
                entry.case_id = Some(id);
                entry.household_id = Some(household);
                entry.detail = serde_json::json!({
                    "grant_id": grant,
                    "reason": reason,
                    "until": until.to_string(),
                    "team_id": team.0,
                });
                audit::append(tx, &entry).await?;
                Ok(Some(Granted { id: grant, case_id: id, until }))
            })
        })
        .await?;
    match outcome {
        Some(granted) => Ok(granted),
        None => {
            let attempt = Attempt::new(Refused::Case, "case")
                .on(id.0)
                .with("exists", false)
                .with("attempted", Action::RequestEmergencyAccess.code());
            Err(refusals::refuse(app, Some(actor), attempt, AppError::NotFound("case")).await)
        }
    }
}

/// The most grants the privacy officer's list shows.
pub const LIST_LIMIT: i64 = 500;

/// Every grant for the privacy officer, those not yet reviewed first: who, which case and
/// team, the reason, from and until, how many reads. Never the case's content.
pub async fn list(app: &App, actor: &Actor) -> Result<Vec<Grant>> {
    super::open_privacy(app, actor).await?;
    let mut tx = app.db.begin_read().await?;
    Ok(store::list(&mut tx, LIST_LIMIT).await?)
}

/// A review by the privacy officer: justified or not, with a note.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewInput {
    /// Whether the access was justified. Required.
    pub justified: Option<bool>,
    /// Why (up to 1000 characters). Required.
    pub note: Option<String>,
}

/// The most characters of a review's note.
pub const MAX_NOTE_CHARS: usize = 1000;

/// Reads a review's fields (every error at once).
pub(crate) fn review_fields(input: &ReviewInput) -> Result<(bool, String)> {
    let mut errors = Errors::default();
    if input.justified.is_none() {
        errors.add("justified", "say whether the access was justified (true or false)").code("required");
    }
    let note = input::long_text(&mut errors, "note", input.note.as_deref(), MAX_NOTE_CHARS);
    errors.finish()?;
    Ok((input.justified.unwrap_or(false), note.unwrap_or_default()))
}

/// Records the privacy officer's review of grant `id` (audited, `emergency_access.reviewed`).
/// A later review replaces the earlier one; the log keeps both.
pub async fn review(app: &App, actor: &Actor, id: i64, input: &ReviewInput) -> Result<Grant> {
    super::open_privacy(app, actor).await?;
    let (justified, note) = review_fields(input)?;
    let owned_actor = actor.clone();
    let now = app.now();
    app.db
        .write(move |tx| {
            Box::pin(async move {
                let actor = &owned_actor;
                if !store::review(tx, id, actor.user_id, justified, &note, now).await? {
                    return Err(AppError::NotFound("emergency access"));
                }
                let mut entry = audit_entry(Some(actor), now, AuditAction::EmergencyAccessReviewed, "emergency_grant");
                entry.object_id = Some(id);
                entry.detail = serde_json::json!({ "justified": justified, "note": note });
                audit::append(tx, &entry).await?;
                store::get(tx, id).await?.ok_or(AppError::NotFound("emergency access"))
            })
        })
        .await
}
