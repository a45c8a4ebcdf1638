//! Reading the plan: the views for staff and for Mijn Buurtteam.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::codes::{HouseholdRole, Performer, Role};
use buurtteam_domain::ids::{CaseId, NetworkInvitationId, PersonId};
use buurtteam_domain::policy::plan::{self as plan_policy, Member, PlanAction, Target, Viewer};
use buurtteam_domain::policy::{Actor, Decision};
use buurtteam_store::Tx;
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::plan::{
    self as store, Agreement, Appointment, Comment, Evaluation, Goal, GoalAction, Plan, Proposal, Score, Version,
};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::refusals::{self, Attempt};
use crate::{App, AppError, Result};

use super::actions::is_own_action;
use super::case_wide::agree;
use super::context::{At, Context, Standing, run};
use super::inputs::AgreementInput;
use super::since::{self, SinceAgreement};

/// A household member as shown beside goals and actions.
#[derive(Debug, Clone)]
pub struct PersonView {
    pub id: PersonId,
    pub given_name: String,
    pub family_name: String,
    pub role: HouseholdRole,
    pub client: bool,
}

#[derive(Debug, Clone)]
pub struct ActionView {
    pub action: GoalAction,
    /// The performer's name (a household member, a network member or a partner).
    pub performer_label: Option<String>,
    /// Whether the reader may mark it done.
    pub mine: bool,
}

/// What the reader may do with a goal.
#[derive(Debug, Clone, Default)]
pub struct GoalPermissions {
    pub comment: bool,
    pub propose: bool,
    pub share: bool,
    pub invite_network: bool,
    pub change: bool,
}

#[derive(Debug, Clone)]
pub struct NetworkView {
    pub id: NetworkInvitationId,
    pub name: String,
    pub relation: String,
    /// `invited` (code not used yet), `active` or `revoked`.
    pub state: &'static str,
    /// Whether the reader may revoke it.
    pub revocable: bool,
}

#[derive(Debug, Clone)]
pub struct GoalView {
    pub goal: Goal,
    /// The client's name; `None` for a household goal. (`goal.confidential_reason` reaches the
    /// portal only for the goal's own client.)
    pub client_name: Option<String>,
    pub actions: Vec<ActionView>,
    /// `None`: the reader may not see the scores.
    pub scores: Option<Vec<Score>>,
    pub comments: Vec<Comment>,
    pub proposals: Vec<Proposal>,
    pub network: Vec<NetworkView>,
    pub may: GoalPermissions,
    /// In the portal, for a family member who agreed before: what is new or changed about this
    /// goal's content since their last agreement.
    pub since_agreement: Option<SinceAgreement>,
    /// The groups a client takes part in (or waits for) linked to this goal, by name
    /// ("Neemt deel aan groep …"; `app::groups`).
    pub groups: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct PlanView {
    pub case_id: CaseId,
    pub version: i64,
    pub household: Vec<PersonView>,
    pub goals: Vec<GoalView>,
    /// `None` where the reader may not see them.
    pub evaluations: Option<Vec<Evaluation>>,
    pub appointments: Option<Vec<Appointment>>,
    pub agreements: Vec<Agreement>,
    pub next_evaluation_on: Option<Date>,
    /// The last version that changed the content of the goals (`since::content_version`): an
    /// agreement to it or to a later version is an agreement to the plan as it is.
    pub content_version: i64,
    /// Whether the reader may record agreement to the current version.
    pub may_agree: bool,
    /// For a family member: whether they agreed to the plan's current content.
    pub agreed_to_current: bool,
    /// For a family member: their last agreement, if any.
    pub my_agreement: Option<Agreement>,
    /// The reader's own person record, in the portal.
    pub me: Option<PersonId>,
    /// In the portal, for a household member: the groups they or a child take part in (or wait
    /// for), as far as the plan's rules let them see that person's goals, with the person's name.
    pub groups: Vec<(crate::groups::Participation, String)>,
    /// For a household member: who their worker is and how to reach the team.
    pub contact: Option<TeamContact>,
    /// For staff: whether group support was considered, and whether it is used.
    pub group_support: Option<super::GroupSupportView>,
}

/// The case's worker and how a family reaches the team (Mijn Buurtteam, household members).
#[derive(Debug, Clone, PartialEq)]
pub struct TeamContact {
    /// `None` while the case has no worker yet.
    pub worker_name: Option<String>,
    /// A stand-in (waarnemer) working on the case today, and their last day (decision 0037).
    pub stand_in: Option<(String, jiff::civil::Date)>,
    pub team_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

pub(super) fn name_of(ctx: &Context, p: PersonId) -> Option<String> {
    ctx.person(p).map(|m| format!("{} {}", m.given_name, m.family_name))
}

pub(super) fn build_view(
    ctx: &Context,
    plan: Plan,
    versions: &[Version],
    next_evaluation_on: Option<Date>,
) -> PlanView {
    let reader = ctx.actor.user_id;
    let me = match &ctx.standing {
        Standing::Member { person, .. } => Some(*person),
        _ => None,
    };
    let my_agreement =
        me.and_then(|p| plan.agreements.iter().filter(|a| a.person_id == p).max_by_key(|a| a.version)).cloned();
    let content_version = since::content_version(versions);
    let mut goals = Vec::new();
    for goal in &plan.goals {
        if !ctx.allows(PlanAction::ReadGoal, Some(goal)) {
            continue;
        }
        let may = GoalPermissions {
            comment: ctx.allows(PlanAction::CommentOnGoal, Some(goal)),
            propose: ctx.allows(PlanAction::ProposeGoalChange, Some(goal)),
            share: ctx.allows(PlanAction::ShareGoal, Some(goal)),
            invite_network: ctx.allows(PlanAction::InviteNetwork, Some(goal)),
            change: ctx.allows(PlanAction::ChangeGoal, Some(goal)),
        };
        let invitation_name =
            |id: NetworkInvitationId| plan.invitations.iter().find(|i| i.id == id).map(|i| i.name.clone());
        let actions = plan
            .actions
            .iter()
            .filter(|a| a.goal_id == goal.id)
            .map(|a| ActionView {
                performer_label: match a.performer {
                    Performer::FamilyMember => a.performer_person_id.and_then(|p| name_of(ctx, p)),
                    Performer::NetworkMember => a.performer_invitation_id.and_then(invitation_name),
                    Performer::Partner => a.performer_name.clone(),
                    Performer::FamilyWorker => None,
                },
                mine: ctx.allows(PlanAction::CompleteOwnAction, Some(goal)) && is_own_action(ctx, a),
                action: a.clone(),
            })
            .collect();
        let network = if may.invite_network || ctx.is_staff() {
            plan.invitations
                .iter()
                .filter(|i| i.goal_id == goal.id)
                .map(|i| NetworkView {
                    id: i.id,
                    name: i.name.clone(),
                    relation: i.relation.clone(),
                    state: if i.revoked_at.is_some() {
                        "revoked"
                    } else if i.user_id.is_some() {
                        "active"
                    } else {
                        "invited"
                    },
                    revocable: i.revoked_at.is_none()
                        && plan_policy::decide(
                            ctx.viewer(Some(goal)),
                            PlanAction::RevokeNetworkInvitation,
                            Target::Invitation { by_viewer: i.invited_by == reader },
                        ) == Decision::Allow,
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut goal_out = goal.clone();
        if !ctx.is_staff() && ctx.viewer(Some(goal)) != Viewer::Member(Member::OwnGoal) {
            goal_out.confidential_reason = None;
        }
        goals.push(GoalView {
            client_name: goal.client_id.and_then(|p| name_of(ctx, p)),
            actions,
            scores: ctx
                .allows(PlanAction::ReadScores, Some(goal))
                .then(|| plan.scores.iter().filter(|s| s.goal_id == goal.id).cloned().collect()),
            comments: plan.comments.iter().filter(|c| c.goal_id == goal.id).cloned().collect(),
            proposals: plan
                .proposals
                .iter()
                .filter(|p| p.goal_id == goal.id && (ctx.is_staff() || p.author.user_id == reader))
                .cloned()
                .collect(),
            network,
            may,
            since_agreement: my_agreement.as_ref().and_then(|a| since::since_agreement(goal, a.version, versions)),
            groups: Vec::new(),
            goal: goal_out,
        });
    }
    let household = if matches!(ctx.standing, Standing::Network { .. }) {
        Vec::new()
    } else {
        ctx.members
            .iter()
            .map(|m| PersonView {
                id: m.id,
                given_name: m.given_name.clone(),
                family_name: m.family_name.clone(),
                role: m.role,
                client: ctx.case.clients.iter().any(|c| c.person_id == m.id),
            })
            .collect()
    };
    PlanView {
        case_id: ctx.case.id,
        version: plan.version,
        household,
        goals,
        evaluations: ctx.allows(PlanAction::ReadEvaluations, None).then_some(plan.evaluations),
        appointments: ctx.allows(PlanAction::ReadAppointments, None).then_some(plan.appointments),
        agreed_to_current: my_agreement.as_ref().is_some_and(|a| a.version >= content_version),
        my_agreement,
        content_version,
        contact: None,
        agreements: if ctx.allows(PlanAction::ReadHistory, None) { plan.agreements } else { Vec::new() },
        next_evaluation_on,
        may_agree: ctx.allows(PlanAction::AgreeToPlan, None),
        me,
        groups: Vec::new(),
        group_support: None,
    }
}

pub(super) async fn read_plan(tx: &mut Tx, ctx: &Context, now: Timestamp) -> Result<PlanView> {
    let plan = store::load(tx, ctx.case.id).await?;
    let next = store::next_evaluation(tx, ctx.case.id).await?;
    let versions = store::versions(tx, ctx.case.id).await?;
    let mut view = build_view(ctx, plan, &versions, next);
    crate::groups::name_on_goals(tx, ctx.case.id, now, &mut view.goals).await?;
    if matches!(ctx.standing, Standing::Member { .. }) {
        view.groups = portal_groups(tx, ctx, &view, now).await?;
        view.contact = team_contact(tx, ctx).await?;
    }
    if ctx.is_staff() {
        view.group_support = super::group_support::view(tx, ctx).await?;
    }
    if matches!(ctx.standing, Standing::Network { .. }) && !view.goals.is_empty() {
        // A network member sees the goals they help with, not the plan: the log says which,
        // so the family's access log can name the goal (and only to those who may see it).
        for g in &view.goals {
            audit::append(tx, &ctx.entry(now, AuditAction::PlanRead, Some(&g.goal))).await?;
        }
    } else {
        let mut entry = ctx.entry(now, AuditAction::PlanRead, None);
        entry.detail = serde_json::json!({ "goals": view.goals.iter().map(|g| g.goal.id.0).collect::<Vec<_>>() });
        audit::append(tx, &entry).await?;
    }
    Ok(view)
}

pub(super) async fn team_contact(tx: &mut Tx, ctx: &Context) -> Result<Option<TeamContact>> {
    use buurtteam_store::organisation;
    let Some(team) = organisation::get_team(tx, ctx.case.team_id).await? else {
        return Ok(None);
    };
    let worker_name = match ctx.case.worker_id {
        Some(w) => organisation::get_user(tx, w).await?.map(|u| u.name),
        None => None,
    };
    let stand_in = buurtteam_store::handover::stand_in_on(tx, ctx.case.id, ctx.today)
        .await?
        .and_then(|h| h.until_on.map(|until| (h.name, until)));
    Ok(Some(TeamContact { worker_name, stand_in, team_name: team.name, phone: team.phone, email: team.email }))
}

/// The plan of a case for staff of its team (everything but the working notes).
pub async fn staff_plan(app: &App, actor: &Actor, case: CaseId) -> Result<PlanView> {
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            if !ctx.is_staff() {
                return Err(AppError::NotFound("case"));
            }
            // On the case as a whole this asks only "staff of the case's team".
            ctx.require(PlanAction::ReadGoal, None)?;
            read_plan(tx, &ctx, now).await
        })
    })
    .await
}

/// The case a portal account works in: the latest case a household member was invited to,
/// or the case of a network member's latest live invitation.
/// Either refusal is logged.
pub(super) async fn portal_case(app: &App, actor: &Actor) -> Result<CaseId> {
    let mut tx = app.db.begin_read().await?;
    let case = match actor.role {
        Role::FamilyMember => store::latest_invited_case(&mut tx, actor.user_id).await?,
        Role::NetworkMember => {
            let live = store::invitations_of_user(&mut tx, actor.user_id).await?;
            match live.iter().rev().find(|i| i.live()) {
                Some(i) => store::goal(&mut tx, i.goal_id).await?.map(|g| g.case_id),
                None => None,
            }
        }
        _ => None,
    };
    drop(tx);
    let refusal = match case {
        Some(case) => return Ok(case),
        None if actor.role.is_staff() => AppError::Forbidden("Mijn Buurtteam is for families and their network".into()),
        None => AppError::NotFound("plan"),
    };
    let attempt = Attempt::new(Refused::Case, "portal").with("reason", refusal.to_string());
    Err(refusals::refuse(app, Some(actor), attempt, refusal).await)
}

/// The plan as the logged-in family or network member may see it.
pub async fn portal_plan(app: &App, actor: &Actor) -> Result<PlanView> {
    let case = portal_case(app, actor).await?;
    run(app, actor, At::Case(case), move |tx, ctx, now| Box::pin(async move { read_plan(tx, &ctx, now).await })).await
}

/// Agreement from the portal, for oneself.
pub async fn portal_agree(app: &App, actor: &Actor) -> Result<Agreement> {
    let case = portal_case(app, actor).await?;
    agree(app, actor, case, &AgreementInput::default()).await
}

/// The groups a household member sees in the portal: a participation linked to a goal shows
/// where that goal shows; one without a goal shows where a goal of its participant would
/// (not confidential, not shared): their own, and a child's to a parent with authority as the
/// plan's age rules allow (decision 0028).
async fn portal_groups(
    tx: &mut Tx,
    ctx: &Context,
    view: &PlanView,
    now: Timestamp,
) -> Result<Vec<(crate::groups::Participation, String)>> {
    let all = crate::groups::participations_of_case(tx, ctx.case.id, now).await?;
    let mut out = Vec::new();
    for p in all {
        let visible = match p.goal_id {
            Some(goal) => view.goals.iter().any(|g| g.goal.id == goal),
            None => {
                let pseudo = Goal {
                    id: buurtteam_domain::ids::GoalId(0),
                    case_id: ctx.case.id,
                    client_id: Some(p.person_id),
                    life_domain: buurtteam_domain::codes::LifeDomain::ALL[0],
                    title: String::new(),
                    description: String::new(),
                    status: buurtteam_domain::codes::GoalStatus::ALL[0],
                    confidential: false,
                    confidential_reason: None,
                    shared: false,
                    created_at: now,
                    updated_at: now,
                };
                ctx.allows(PlanAction::ReadGoal, Some(&pseudo))
            }
        };
        if visible {
            let name = name_of(ctx, p.person_id).unwrap_or_default();
            out.push((p, name));
        }
    }
    Ok(out)
}
