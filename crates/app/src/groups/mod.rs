//! Group-based support (issue 19; decision 0028): group offers, their sessions, participants,
//! the waiting list and attendance. Work on one group runs on [`on_group`] (load the group,
//! decide with `policy::groups`, act and append the audit row in one transaction); enrolling a
//! client runs on the client's case (`context::on_case` with `Action::EnrolInGroup`), so that
//! another team's case is a 404 like every other action on a case.

mod participants;

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::groups::{self, GroupStatus, GroupTheme};
use buurtteam_domain::ids::{DistrictId, GroupId, TeamId, UserId};
use buurtteam_domain::policy::groups::{GroupAction, GroupRelation, decide, sees_file_link};
use buurtteam_domain::policy::{Actor, Decision};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::groups::{self as store, Filter, Group, NewGroup, Participant, Session};
use buurtteam_store::{JobFuture, Tx};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Deserialize;

pub use participants::{
    AttendanceInput, CaseEnrolInput, EnrolInput, Enrolled, LeaveInput, Participation, enrol, enrol_from_case, leave,
    participations_of_case, present_at, record_attendance,
};

use crate::refusals::{self, Attempt};
use crate::{App, AppError, Result, audit_entry, input};

/// The most groups a list returns.
pub const LIST_LIMIT: i64 = 500;

/// A new group, as `POST /api/v1/groups` and the page `/groups/new` send it.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupInput {
    #[cfg_attr(feature = "openapi", schema(value_type = Option<GroupTheme>))]
    pub theme: Option<String>,
    pub name: Option<String>,
    /// The districts (or the districts of a cluster) the group is for; at least one.
    #[serde(default)]
    pub district_ids: Vec<i64>,
    /// The number of places; enrolments beyond it go on the waiting list.
    pub capacity: Option<i64>,
    /// Who the group is for, in the team's words ("ouders van pubers").
    pub target_group: Option<String>,
    pub min_age: Option<i64>,
    pub max_age: Option<i64>,
    /// Where the group meets (the place of a session may differ).
    pub location: Option<String>,
    /// Staff who lead the group (of any team; they see its participants).
    #[serde(default)]
    pub facilitator_ids: Vec<i64>,
    /// People of partners who lead the group, by name (they have no account).
    #[serde(default)]
    pub partner_facilitators: Vec<String>,
    /// The team that runs the group; needed only when the team manager manages several.
    pub team_id: Option<i64>,
}

/// A new session of a group.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInput {
    /// When it starts: `YYYY-MM-DDTHH:MM` in the organisation's time zone, or an RFC 3339
    /// timestamp.
    pub starts_at: Option<String>,
    pub place: Option<String>,
}

/// A change of a group's status.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusInput {
    #[cfg_attr(feature = "openapi", schema(value_type = Option<GroupStatus>))]
    pub status: Option<String>,
}

/// The filters of the list of offers (all optional).
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ListQuery {
    /// `districtId`; `district_id` is accepted too.
    #[serde(rename = "districtId", alias = "district_id")]
    pub district_id: Option<i64>,
    #[cfg_attr(feature = "openapi", param(value_type = Option<GroupTheme>))]
    pub theme: Option<String>,
    #[cfg_attr(feature = "openapi", param(value_type = Option<GroupStatus>))]
    pub status: Option<String>,
}

/// A participant as the viewer may see them: the file link only for staff of the case's team.
#[derive(Debug, Clone)]
pub struct ParticipantView {
    pub participant: Participant,
    /// Whether the participant is a client enrolled from their case.
    pub client: bool,
    /// Whether the viewer sees the case and goal (`policy::groups::sees_file_link`).
    pub file_visible: bool,
}

impl ParticipantView {
    pub(crate) fn of(actor: &Actor, p: Participant) -> Self {
        let client = p.case_id.is_some();
        let file_visible = p.case_team_id.is_some_and(|team| sees_file_link(actor, team));
        Self { participant: p, client, file_visible }
    }
}

/// One group as a viewer sees it.
#[derive(Debug, Clone)]
pub struct GroupView {
    pub group: Group,
    pub sessions: Vec<Session>,
    /// Everyone enrolled, waiting or left; `None` when the viewer may not see participants.
    pub participants: Option<Vec<ParticipantView>>,
    /// The viewer may manage the group (status, sessions).
    pub may_manage: bool,
}

/// What a job on one group gets.
pub(crate) struct GroupContext {
    pub(crate) app: App,
    pub(crate) actor: Actor,
    pub(crate) group: Group,
    pub(crate) relation: GroupRelation,
    pub(crate) today: Date,
    pub(crate) now: Timestamp,
}

impl GroupContext {
    pub(crate) fn entry(&self, action: AuditAction) -> audit::Entry {
        let mut entry = audit_entry(Some(&self.actor), self.now, action, "group");
        entry.object_id = Some(self.group.id.0);
        entry
    }

    pub(crate) fn may(&self, action: GroupAction) -> bool {
        decide(self.actor.role, self.relation, action) == Decision::Allow
    }
}

enum Outcome<T> {
    Done(T),
    Refused(Attempt, AppError),
}

fn refusal(action: GroupAction, decision: Decision) -> AppError {
    match decision {
        Decision::Deny => AppError::Forbidden(format!("your role may not {}", action.code().replace('_', " "))),
        _ => AppError::NotFound("group"),
    }
}

/// Runs `job` on group `id` for `action`, in one write transaction: the group is read, the
/// actor's relation to it found (its team, a facilitator, neither) and the action decided; a
/// refusal is logged as one `team.access_refused` row (object type `group`) after the
/// transaction, a group that does not exist is a 404.
pub(crate) async fn on_group<T, F>(app: &App, actor: &Actor, id: GroupId, action: GroupAction, job: F) -> Result<T>
where
    T: Send + 'static,
    F: for<'t> FnOnce(&'t mut Tx, GroupContext) -> JobFuture<'t, Result<T>> + Send + 'static,
{
    let (owned_app, owned_actor) = (app.clone(), actor.clone());
    let outcome = app
        .db
        .write(move |tx| {
            Box::pin(async move {
                let (app, actor) = (owned_app, owned_actor);
                let now = app.now();
                let attempt = Attempt::new(Refused::Team, "group").on(id.0).with("attempted", action.code());
                let Some(group) = store::get(tx, id, now).await? else {
                    return Ok(Outcome::Refused(attempt.with("exists", false), AppError::NotFound("group")));
                };
                let relation = GroupRelation::of(&actor, group.team_id, &group.facilitator_users());
                let decision = decide(actor.role, relation, action);
                if decision != Decision::Allow {
                    return Ok(Outcome::Refused(attempt.with("exists", true), refusal(action, decision)));
                }
                let today = app.today();
                let ctx = GroupContext { app, actor, group, relation, today, now };
                job(tx, ctx).await.map(Outcome::Done)
            })
        })
        .await?;
    match outcome {
        Outcome::Done(t) => Ok(t),
        Outcome::Refused(attempt, error) => Err(refusals::refuse(app, Some(actor), attempt, error).await),
    }
}

/// Refuses a group action decided without one group (creating, listing), logged.
async fn authorise(app: &App, actor: &Actor, relation: GroupRelation, action: GroupAction) -> Result<()> {
    match decide(actor.role, relation, action) {
        Decision::Allow => Ok(()),
        decision => {
            let attempt = Attempt::new(Refused::Team, "group").with("attempted", action.code());
            Err(refusals::refuse(app, Some(actor), attempt, refusal(action, decision)).await)
        }
    }
}

/// The offers, filtered by district, theme and status: for every member of staff who works with
/// client records (offers are no client data, so the read is not logged).
pub async fn list(app: &App, actor: &Actor, query: &ListQuery) -> Result<Vec<Group>> {
    let mut errors = Errors::default();
    let theme =
        input::optional_code(&mut errors, "theme", query.theme.as_deref(), GroupTheme::parse, GroupTheme::accepted);
    let status =
        input::optional_code(&mut errors, "status", query.status.as_deref(), GroupStatus::parse, GroupStatus::accepted);
    errors.finish()?;
    authorise(app, actor, GroupRelation::Other, GroupAction::ReadOffers).await?;
    let filter = Filter { district_id: query.district_id.map(DistrictId), theme, status };
    let mut tx = app.db.begin_read().await?;
    Ok(store::list(&mut tx, &filter, app.now(), LIST_LIMIT).await?)
}

/// One group with its sessions and, for its team and facilitators, its participants (that read
/// is logged as `group.participants_read`).
pub async fn get(app: &App, actor: &Actor, id: GroupId) -> Result<GroupView> {
    on_group(app, actor, id, GroupAction::ReadOffers, |tx, ctx| Box::pin(async move { view(tx, &ctx).await })).await
}

pub(crate) async fn view(tx: &mut Tx, ctx: &GroupContext) -> Result<GroupView> {
    let group = store::get(tx, ctx.group.id, ctx.now).await?.ok_or(AppError::NotFound("group"))?;
    let sessions = store::sessions(tx, group.id).await?;
    let participants = if ctx.may(GroupAction::ReadParticipants) {
        let all = store::participants(tx, group.id).await?;
        let mut entry = ctx.entry(AuditAction::GroupParticipantsRead);
        entry.detail = serde_json::json!({ "participants": all.len() });
        audit::append(tx, &entry).await?;
        Some(all.into_iter().map(|p| ParticipantView::of(&ctx.actor, p)).collect())
    } else {
        None
    };
    Ok(GroupView { group, sessions, participants, may_manage: ctx.may(GroupAction::ManageGroup) })
}

/// Creates a group on the actor's team (its team manager's).
pub async fn create(app: &App, actor: &Actor, input: &GroupInput) -> Result<GroupView> {
    let mut errors = Errors::default();
    let theme = input::code(&mut errors, "theme", input.theme.as_deref(), GroupTheme::parse, GroupTheme::accepted);
    let name = input::text(&mut errors, "name", input.name.as_deref(), 120);
    let target_group = input::optional_text(&mut errors, "target_group", input.target_group.as_deref(), 200);
    let location = input::optional_text(&mut errors, "location", input.location.as_deref(), 200);
    groups::check_numbers(&mut errors, input.capacity, input.min_age, input.max_age);
    let mut partners = Vec::new();
    for (i, p) in input.partner_facilitators.iter().enumerate() {
        if let Some(p) = input::optional_text(&mut errors, &format!("partner_facilitators[{i}]"), Some(p), 100) {
            partners.push(p);
        }
    }
    if input.district_ids.is_empty() {
        errors.add("district_ids", "name at least one district the group is for").code("required");
    }
    let team = match (input.team_id, actor.team_ids.as_slice()) {
        (Some(t), teams) if teams.contains(&TeamId(t)) => Some(TeamId(t)),
        (Some(_), _) => {
            errors.add("team_id", "one of the teams you manage").code("unknown_choice");
            None
        }
        (None, [only]) => Some(*only),
        (None, []) => None,
        (None, _) => {
            errors.add("team_id", "is required: you manage several teams").code("required");
            None
        }
    };
    let relation = if team.is_some() { GroupRelation::GroupTeam } else { GroupRelation::Other };
    authorise(app, actor, relation, GroupAction::ManageGroup).await?;
    let (Some(theme), Some(name), Some(capacity), Some(team), true) =
        (theme, name, input.capacity, team, errors.is_empty())
    else {
        return Err(errors.0.into());
    };
    let district_ids: Vec<DistrictId> = input.district_ids.iter().copied().map(DistrictId).collect();
    let facilitator_ids: Vec<UserId> = input.facilitator_ids.iter().copied().map(UserId).collect();
    let new = NewGroup {
        team_id: team,
        theme,
        name,
        target_group: target_group.unwrap_or_default(),
        min_age: input.min_age,
        max_age: input.max_age,
        location: location.unwrap_or_default(),
        capacity,
        district_ids,
        facilitator_ids,
        partner_facilitators: partners,
        created_by: actor.user_id,
    };
    let (app2, actor2) = (app.clone(), actor.clone());
    app.db
        .write(move |tx| {
            Box::pin(async move {
                let mut errors = Errors::default();
                let districts = store::existing_districts(tx, &new.district_ids).await?;
                if districts.len() != new.district_ids.len() {
                    errors.add("district_ids", "every district must exist").code("unknown_choice");
                }
                let staff = store::staff_with_client_access(tx, &new.facilitator_ids).await?;
                if staff.len() != new.facilitator_ids.len() {
                    errors
                        .add("facilitator_ids", "every facilitator must be an active family worker or team manager")
                        .code("unknown_choice");
                }
                errors.finish()?;
                let now = app2.now();
                let id = store::insert(tx, &new, now).await?;
                let mut entry = audit_entry(Some(&actor2), now, AuditAction::GroupCreated, "group");
                entry.object_id = Some(id.0);
                entry.detail = serde_json::json!({
                    "team_id": new.team_id.0, "theme": new.theme.code(), "capacity": new.capacity,
                    "district_ids": new.district_ids.iter().map(|d| d.0).collect::<Vec<_>>(),
                });
                audit::append(tx, &entry).await?;
                let group = store::get(tx, id, now).await?.ok_or(AppError::NotFound("group"))?;
                let relation = GroupRelation::of(&actor2, group.team_id, &group.facilitator_users());
                let today = app2.today();
                let ctx = GroupContext { app: app2, actor: actor2, group, relation, today, now };
                view(tx, &ctx).await
            })
        })
        .await
}

/// Reads a session's start: an RFC 3339 timestamp, or a local `YYYY-MM-DDTHH:MM`.
fn starts_at(errors: &mut Errors, app: &App, value: Option<&str>) -> Option<Timestamp> {
    if let Some(t) = value.and_then(|v| v.trim().parse::<Timestamp>().ok()) {
        return Some(t);
    }
    input::planned_time(errors, "starts_at", value, &app.settings.time_zone, app.today())
}

/// Adds a session to a group (its team manager).
pub async fn add_session(app: &App, actor: &Actor, id: GroupId, input: &SessionInput) -> Result<Session> {
    let mut errors = Errors::default();
    let starts = starts_at(&mut errors, app, input.starts_at.as_deref());
    let place = input::text(&mut errors, "place", input.place.as_deref(), 200);
    errors.finish()?;
    let (Some(starts), Some(place)) = (starts, place) else { return Err(AppError::Internal("unchecked".into())) };
    on_group(app, actor, id, GroupAction::ManageGroup, move |tx, ctx| {
        Box::pin(async move {
            if ctx.group.status == GroupStatus::Ended {
                return Err(ended());
            }
            let session = store::insert_session(tx, ctx.group.id, starts, &place, ctx.actor.user_id, ctx.now).await?;
            let mut entry = ctx.entry(AuditAction::GroupSessionAdded);
            entry.detail = serde_json::json!({ "session_id": session.0, "starts_at": starts.to_string() });
            audit::append(tx, &entry).await?;
            store::get_session(tx, session).await?.ok_or(AppError::NotFound("session"))
        })
    })
    .await
}

/// Moves a group on: planned to running or ended, running to ended (its team manager).
pub async fn set_status(app: &App, actor: &Actor, id: GroupId, input: &StatusInput) -> Result<GroupView> {
    let mut errors = Errors::default();
    let status = input::code(&mut errors, "status", input.status.as_deref(), GroupStatus::parse, GroupStatus::accepted);
    errors.finish()?;
    let Some(status) = status else { return Err(AppError::Internal("unchecked".into())) };
    on_group(app, actor, id, GroupAction::ManageGroup, move |tx, ctx| {
        Box::pin(async move {
            let from = ctx.group.status;
            if !from.may_become(status) {
                return Err(AppError::Conflict {
                    message: format!("a group that is {from} cannot become {status}"),
                    current_status: None,
                });
            }
            store::set_status(tx, ctx.group.id, status, ctx.now).await?;
            let mut entry = ctx.entry(AuditAction::GroupChanged);
            entry.detail =
                serde_json::json!({ "before": { "status": from.code() }, "after": { "status": status.code() } });
            audit::append(tx, &entry).await?;
            view(tx, &ctx).await
        })
    })
    .await
}

pub(crate) fn ended() -> AppError {
    AppError::Conflict { message: "the group has ended".into(), current_status: None }
}

/// Names, on each goal of a plan view, the groups a client takes part in (or waits for) linked
/// to it: the plan shows "Neemt deel aan groep …" there. Read in the plan's own transaction.
pub(crate) async fn name_on_goals(
    tx: &mut Tx,
    case: buurtteam_domain::ids::CaseId,
    now: Timestamp,
    goals: &mut [crate::plan::GoalView],
) -> Result<()> {
    if goals.is_empty() {
        return Ok(());
    }
    let all = store::participations_of_case(tx, case, now).await?;
    for g in goals.iter_mut() {
        g.groups = all.iter().filter(|p| p.goal_id == Some(g.goal.id)).map(|p| p.group_name.clone()).collect();
    }
    Ok(())
}

/// Who may be named facilitator of a new group (for the team manager's form).
pub async fn facilitator_choices(app: &App, actor: &Actor) -> Result<Vec<(UserId, String)>> {
    authorise(app, actor, GroupRelation::Other, GroupAction::ReadOffers).await?;
    let mut tx = app.db.begin_read().await?;
    Ok(store::facilitator_choices(&mut tx).await?)
}

/// The group a participant belongs to (ids only; what may be done is decided on the group).
pub async fn participant_group(app: &App, id: buurtteam_domain::ids::GroupParticipantId) -> Result<GroupId> {
    let mut tx = app.db.begin_read().await?;
    store::group_of_participant(&mut tx, id).await?.ok_or(AppError::NotFound("participant"))
}
