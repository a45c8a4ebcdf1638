//! Inzage: a household or network member's own data, exactly as Mijn Buurtteam shows it to
//! them, for a download (JSON or PDF, made in `web`) or for a written request (staff).
//!
//! Nothing here decides visibility again: the export is the portal's own view of the plan
//! ([`super::views::build_view`] through the plan policy), the portal's own access log
//! ([`super::access_log::own_access_log`]), and the member's own record. For a written request,
//! staff of the case's team get what the named member would get, built with that member's
//! standing in the case, so the two can never differ (decision 0025).

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::codes::{HouseholdRole, Role};
use buurtteam_domain::ids::{CaseId, PersonId, UserId};
use buurtteam_domain::policy::Actor;
use buurtteam_domain::policy::plan::{AgeBand, PlanAction};
use buurtteam_domain::validation::Errors;
use buurtteam_store::Tx;
use buurtteam_store::audit;
use buurtteam_store::households::Reach;
use buurtteam_store::plan as store;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Deserialize;

use crate::context::CaseContext;
use crate::{App, AppError, Result};

use super::access_log::{AccessView, own_access_log};
use super::context::{At, Context, Standing, run};
use super::invalid;
use super::views::{PlanView, build_view, portal_case, team_contact};

/// The version of the export's form: `schema` in the JSON, bumped on any incompatible change.
pub const INZAGE_SCHEMA: &str = "buurtteam-inzage/1";

/// The export as a file: machine-readable or readable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum InzageFormat {
    #[default]
    Json,
    Pdf,
}

impl InzageFormat {
    pub fn code(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Pdf => "pdf",
        }
    }
}

/// Whose data it is.
#[derive(Debug, Clone)]
pub struct InzageSubject {
    /// `None` for a network member (belangrijke ander), who has no person record in the case.
    pub person_id: Option<PersonId>,
    pub name: String,
    pub birth_date: Option<Date>,
    /// The member's place in the household; `None` for a network member.
    pub household_role: Option<HouseholdRole>,
    /// Whether they are a client of the case.
    pub client: bool,
    /// How the team reaches them, as recorded (household members).
    pub reach: Option<Reach>,
    /// For a network member: their relation to the family, per invitation.
    pub network_relations: Vec<String>,
}

/// The case as its household members know it (not for network members).
#[derive(Debug, Clone)]
pub struct InzageCase {
    pub id: CaseId,
    pub status: CaseStatus,
    pub referred_on: Date,
    pub started_on: Option<Date>,
    pub closed_on: Option<Date>,
}

/// A written request the export answers (staff only).
#[derive(Debug, Clone)]
pub struct InzageRequest {
    pub received_on: Date,
    pub produced_by: String,
}

/// Everything a member may see of their file, in one piece.
#[derive(Debug, Clone)]
pub struct Inzage {
    pub generated_at: Timestamp,
    /// The team the family deals with ("Buurtteam Overvecht"): the organisation's name on
    /// the document.
    pub organisation: String,
    pub subject: InzageSubject,
    pub case: Option<InzageCase>,
    /// The plan as the portal shows it to this reader.
    pub plan: PlanView,
    /// Who looked at their file, as the portal shows it; `None` where the portal shows none
    /// (network members).
    pub access_log: Option<Vec<AccessView>>,
    pub request: Option<InzageRequest>,
}

/// A written request for a copy of one household member's data, received by the team.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InzageInput {
    /// The household member who asked (and whose view is produced).
    pub person_id: Option<i64>,
    /// The day the written request came in (`YYYY-MM-DD`).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub received_on: Option<String>,
    #[serde(default)]
    pub format: InzageFormat,
}

/// Builds the export for the context's reader (its standing decides everything).
async fn build(tx: &mut Tx, ctx: &Context, now: Timestamp) -> Result<Inzage> {
    let plan = store::load(tx, ctx.case.id).await?;
    let next = store::next_evaluation(tx, ctx.case.id).await?;
    let versions = store::versions(tx, ctx.case.id).await?;
    let mut view = build_view(ctx, plan, &versions, next);
    let team = buurtteam_store::organisation::get_team(tx, ctx.case.team_id).await?;
    let organisation = team.map(|t| t.name).unwrap_or_default();
    let (subject, case, access_log) = match &ctx.standing {
        Standing::Member { person, client, .. } => {
            view.contact = team_contact(tx, ctx).await?;
            let me = ctx.person(*person).ok_or(AppError::NotFound("person"))?;
            let subject = InzageSubject {
                person_id: Some(me.id),
                name: format!("{} {}", me.given_name, me.family_name),
                birth_date: Some(me.birth_date),
                household_role: Some(me.role),
                client: *client,
                reach: Some(me.reach.clone()),
                network_relations: Vec::new(),
            };
            let case = InzageCase {
                id: ctx.case.id,
                status: ctx.case.status,
                referred_on: ctx.case.referred_on,
                started_on: ctx.case.started_on,
                closed_on: ctx.case.closed_on,
            };
            let log = if ctx.allows(PlanAction::ReadOwnAccessLog, None) {
                Some(own_access_log(tx, ctx, &ctx.app.settings.time_zone).await?)
            } else {
                None
            };
            (subject, Some(case), log)
        }
        Standing::Network { live } => {
            let user = buurtteam_store::organisation::get_user(tx, ctx.actor.user_id).await?;
            let relations = live
                .iter()
                .filter(|i| view.goals.iter().any(|g| g.goal.id == i.goal_id))
                .map(|i| i.relation.clone())
                .collect();
            let subject = InzageSubject {
                person_id: None,
                name: user.map(|u| u.name).unwrap_or_default(),
                birth_date: None,
                household_role: None,
                client: false,
                reach: None,
                network_relations: relations,
            };
            (subject, None, None)
        }
        _ => return Err(AppError::NotFound("plan")),
    };
    Ok(Inzage { generated_at: now, organisation, subject, case, plan: view, access_log, request: None })
}

/// The logged-in household or network member's own data, as Mijn Buurtteam shows it
/// (`GET /api/v1/portal/export`). Logged as `portal.exported`, which shows in their own
/// access log.
pub async fn portal_export(app: &App, actor: &Actor, format: InzageFormat) -> Result<Inzage> {
    let case = portal_case(app, actor).await?;
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            let out = build(tx, &ctx, now).await?;
            let mut entry = ctx.entry(now, AuditAction::PortalExported, None);
            entry.client_id = out.subject.person_id;
            entry.detail = serde_json::json!({ "format": format.code() });
            audit::append(tx, &entry).await?;
            Ok(out)
        })
    })
    .await
}

/// The inzage of one household member for a written request, made by staff of the case's
/// team: exactly what that member sees (or would see) in Mijn Buurtteam. Logged as
/// `case.inzage_produced` with the member, their place in the household and the day the
/// request was received; that row shows in the member's own access log.
pub async fn staff_export(app: &App, actor: &Actor, case: CaseId, input: &InzageInput) -> Result<Inzage> {
    staff_export_with(app, actor, case, input, Errors::default()).await
}

/// The request's own fields, checked once access to the case is decided: every field error at
/// once, with `earlier` (what the caller found wrong with its own parameters, such as the
/// API's `format`).
fn check_request(input: &InzageInput, today: Date, earlier: Errors) -> Result<(PersonId, Date)> {
    let mut errors = earlier;
    let person = input.person_id.map(PersonId);
    // (Not again when the caller found it unreadable.)
    if person.is_none() && !errors.0.iter().any(|e| e.field == "person_id") {
        errors.add("person_id", "is required: the household member who asked").code("required");
    }
    let received_on = match input.received_on.as_deref().map(str::trim) {
        None | Some("") => {
            errors.add("received_on", "is required: the day the written request came in").code("required");
            None
        }
        Some(text) => match text.parse::<Date>() {
            Ok(d) if d <= today => Some(d),
            Ok(_) => {
                errors.add("received_on", "may not be in the future").code("future_date");
                None
            }
            Err(_) => {
                errors.add("received_on", "is an existing date as YYYY-MM-DD").code("invalid_date");
                None
            }
        },
    };
    errors.finish()?;
    match (person, received_on) {
        (Some(person), Some(received_on)) => Ok((person, received_on)),
        _ => Err(AppError::Internal("a field error was lost".into())),
    }
}

/// [`staff_export`] with the field errors the caller found in its own parameters: who asks
/// is decided first (another team's case: 404, whatever the request says), then every field
/// error is reported at once (422).
pub async fn staff_export_with(
    app: &App,
    actor: &Actor,
    case: CaseId,
    input: &InzageInput,
    earlier: Errors,
) -> Result<Inzage> {
    let input = input.clone();
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            if !ctx.is_staff() {
                return Err(AppError::NotFound("case"));
            }
            // Staff of the case's team only (the same question as reading the plan). A copy
            // for a written request is the team's formal act, not a read in a crisis: never
            // under emergency access (decision 0023).
            ctx.require(PlanAction::ReadGoal, None)?;
            if ctx.emergency.is_some() {
                return Err(AppError::Forbidden("a copy for a written request is made by the case's own team".into()));
            }
            let (person, received_on) = check_request(&input, ctx.today, earlier)?;
            let format = input.format;
            let Some(member) = ctx.person(person).cloned() else {
                return Err(invalid("person_id", "is not a member of this case's household", "not_household_member"));
            };
            if !AgeBand::of(member.birth_date, ctx.today).may_have_account() {
                return Err(invalid(
                    "person_id",
                    "is under 12: a child's own data is asked for by a parent with authority",
                    "inzage_too_young",
                ));
            }
            let account = store::portal_user_of(tx, person).await?;
            // The member's own standing in the case, as the portal would give it to them.
            let standing = Standing::Member {
                person,
                client: ctx.case.clients.iter().any(|c| c.person_id == person),
                authority: member.role == HouseholdRole::Parent && member.parental_authority,
            };
            let as_member = Actor {
                user_id: account.unwrap_or(UserId(0)),
                role: Role::FamilyMember,
                team_ids: Vec::new(),
                person_id: Some(person),
                session_ref: None,
            };
            let staff = ctx.actor.clone();
            let mut entry = ctx.entry(now, AuditAction::CaseInzageProduced, None);
            let inner = CaseContext {
                app: ctx.app.clone(),
                actor: as_member,
                case: ctx.case.clone(),
                members: ctx.members.clone(),
                standing,
                today: ctx.today,
                now: ctx.now,
                emergency: None,
            };
            let mut out = build(tx, &Context::of(inner), now).await?;
            let produced_by = buurtteam_store::organisation::get_user(tx, staff.user_id).await?.map(|u| u.name);
            out.request = Some(InzageRequest { received_on, produced_by: produced_by.unwrap_or_default() });
            entry.object_type = "case";
            entry.client_id = Some(person);
            entry.detail = serde_json::json!({
                "person_id": person.0,
                "household_role": member.role.code(),
                "received_on": received_on.to_string(),
                "format": format.code(),
            });
            audit::append(tx, &entry).await?;
            Ok(out)
        })
    })
    .await
}

/// One copy made for a written request, as the privacy officer lists them: never content.
#[derive(Debug, Clone)]
pub struct InzageRecord {
    pub occurred_at: Timestamp,
    pub case_id: Option<CaseId>,
    /// The member's place in the household (`parent`, `child` ...), as logged.
    pub household_role: Option<HouseholdRole>,
    pub received_on: Option<Date>,
    pub format: Option<String>,
    pub produced_by: Option<String>,
}

/// The most copies the privacy officer's list shows.
pub const INZAGE_LIST_LIMIT: i64 = 500;

/// The copies staff made for written requests, newest first (`/privacy/inzage`): privacy
/// officers only, refused and logged like the other privacy pages.
pub async fn inzage_records(app: &App, actor: &Actor) -> Result<Vec<InzageRecord>> {
    crate::privacy::open_privacy(app, actor).await?;
    let mut tx = app.db.begin_read().await?;
    let rows = audit::of_action(&mut tx, AuditAction::CaseInzageProduced, INZAGE_LIST_LIMIT).await?;
    let mut names: std::collections::HashMap<UserId, Option<String>> = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let detail: serde_json::Value = serde_json::from_str(&r.detail).unwrap_or_default();
        let produced_by = match r.actor_user_id {
            Some(u) => match names.get(&u) {
                Some(n) => n.clone(),
                None => {
                    let n = buurtteam_store::organisation::get_user(&mut tx, u).await?.map(|x| x.name);
                    names.insert(u, n.clone());
                    n
                }
            },
            None => None,
        };
        out.push(InzageRecord {
            occurred_at: r.occurred_at,
            case_id: r.case_id,
            household_role: detail["household_role"].as_str().and_then(HouseholdRole::parse),
            received_on: detail["received_on"].as_str().and_then(|d| d.parse().ok()),
            format: detail["format"].as_str().map(str::to_owned),
            produced_by,
        });
    }
    Ok(out)
}
