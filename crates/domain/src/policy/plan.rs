//! Who sees what of a family plan (gezinsplan), for staff and Mijn Buurtteam alike.
//!
//! The rules follow the Dutch law on medical and care records (WGBO, art. 7:447 and 7:465 BW)
//! as the seeds and the issue put them:
//! - parents with parental authority see the goals of their children under 12;
//! - from 12 to 15 a young person's goals are visible to them and to their parents, unless the
//!   worker marks a goal confidential with a reason;
//! - from 16 a person's goals are theirs alone unless they share them;
//! - a household member who is not a client sees the household's own goals only;
//! - a network member (belangrijke ander) sees only the goal they were invited to, while invited;
//! - a goal about a household member who is not (yet) a client of the case is for the team
//!   only: nobody sees it in the portal, not even that member or their parents, until the
//!   worker makes the member a client ("Ook cliënt maken"); then the rules above apply;
//! - staff see plans under the team rules of the case ([`crate::policy`]); analysts and admins none.
//!
//! A confidential goal is shown in the portal to its own client only (from 12, when they have an
//! account); the worker may mark any goal confidential, also a young child's when telling the
//! parents would put the child at risk. Working notes are never shown in the portal.
//!
//! Every read and write of the plan asks [`decide`]; `docs/access.md` holds the table
//! [`matrix_markdown`] prints, and a test keeps the two equal.

use jiff::civil::Date;

use crate::codes::Role;
use crate::person::age_on;
use crate::policy::{Decision, Relation, has_client_access, matrix};

/// The age bands the rules turn on, by the client's age on the day of the read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AgeBand {
    Under12,
    From12To15,
    From16,
}

impl AgeBand {
    pub const ALL: &'static [Self] = &[Self::Under12, Self::From12To15, Self::From16];

    pub fn of(birth_date: Date, on: Date) -> Self {
        match age_on(birth_date, on) {
            ..12 => Self::Under12,
            12..16 => Self::From12To15,
            _ => Self::From16,
        }
    }

    /// Whether a person of this age may hold a portal account of their own.
    pub fn may_have_account(self) -> bool {
        self != Self::Under12
    }
}

/// Whose goal it is: the household as a whole, one client of a given age, or a household
/// member who is not (yet) a client of the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Owner {
    Household,
    Client(AgeBand),
    /// A household member without a request for help of their own in this case: the team may
    /// write a goal about them, but without them being a client nobody reads it in the portal.
    NonClientMember,
}

/// What the rules need to know of a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GoalFacts {
    pub owner: Owner,
    /// Marked confidential by the worker, with a reason.
    pub confidential: bool,
    /// Shared with the family by its client (only meaningful from 16).
    pub shared: bool,
}

/// How a household member with a portal account relates to a goal (or, for case-wide items,
/// to the case: [`Member::OwnGoal`] does not occur there).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Member {
    /// The goal is theirs.
    OwnGoal,
    /// A parent with parental authority over the goal's client (who is a child of the household).
    ParentWithAuthority,
    /// Another client of the case: a partner, a sibling, a parent without authority.
    OtherClient,
    /// A member of the household who is not a client of the case and has no authority over
    /// the goal's client.
    NonClient,
}

/// Who is asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Viewer {
    /// A staff member, and how the case's team relates to them.
    Staff(Role, Relation),
    /// A household member in Mijn Buurtteam.
    Member(Member),
    /// A network member; `invited`: holds a live (activated, unrevoked) invitation onto this goal.
    Network { invited: bool },
}

/// What is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlanAction {
    // Per goal.
    /// Read a goal with its actions and comments.
    ReadGoal,
    /// Read a goal's self-sufficiency scores.
    ReadScores,
    CommentOnGoal,
    /// Propose a change to a goal's words; the worker accepts or declines.
    ProposeGoalChange,
    /// Mark an action done that is assigned to the viewer (staff: any action).
    CompleteOwnAction,
    /// Share one's own goal with the family (from 16).
    ShareGoal,
    /// Invite a network member onto the goal.
    InviteNetwork,
    /// Change a goal, its actions and scores, mark it confidential.
    ChangeGoal,
    /// Accept or decline a proposed change.
    DecideProposal,
    // Per network invitation.
    /// Revoke a network invitation; the target says whether the viewer made it.
    RevokeNetworkInvitation,
    // Per case.
    /// Add goals to the plan.
    AddGoal,
    ReadWorkingNotes,
    WriteWorkingNotes,
    ReadEvaluations,
    RecordEvaluation,
    /// Read the versions of the plan (who changed what, when).
    ReadHistory,
    /// Record agreement to the current version of the plan.
    AgreeToPlan,
    ReadAppointments,
    PlanAppointment,
    /// Invite a household member into Mijn Buurtteam.
    InviteToPortal,
    /// Read the access log of the whole case.
    ReadCaseAccessLog,
    /// Read who looked at one's own file (Mijn Buurtteam).
    ReadOwnAccessLog,
}

/// What the action is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Case,
    Goal(GoalFacts),
    /// A network invitation, and whether the viewer made it.
    Invitation {
        by_viewer: bool,
    },
}

impl PlanAction {
    /// Whether the action only reads what staff of the case's team read (an emergency grant
    /// allows these; the case's access log is the team manager's, not a crisis need).
    pub fn is_read(self) -> bool {
        matches!(
            self,
            Self::ReadGoal
                | Self::ReadScores
                | Self::ReadWorkingNotes
                | Self::ReadEvaluations
                | Self::ReadHistory
                | Self::ReadAppointments
        )
    }

    pub const ALL: &'static [Self] = &[
        Self::ReadGoal,
        Self::ReadScores,
        Self::CommentOnGoal,
        Self::ProposeGoalChange,
        Self::CompleteOwnAction,
        Self::ShareGoal,
        Self::InviteNetwork,
        Self::ChangeGoal,
        Self::DecideProposal,
        Self::RevokeNetworkInvitation,
        Self::AddGoal,
        Self::ReadWorkingNotes,
        Self::WriteWorkingNotes,
        Self::ReadEvaluations,
        Self::RecordEvaluation,
        Self::ReadHistory,
        Self::AgreeToPlan,
        Self::ReadAppointments,
        Self::PlanAppointment,
        Self::InviteToPortal,
        Self::ReadCaseAccessLog,
        Self::ReadOwnAccessLog,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::ReadGoal => "read_goal",
            Self::ReadScores => "read_scores",
            Self::CommentOnGoal => "comment_on_goal",
            Self::ProposeGoalChange => "propose_goal_change",
            Self::CompleteOwnAction => "complete_own_action",
            Self::ShareGoal => "share_goal",
            Self::InviteNetwork => "invite_network",
            Self::ChangeGoal => "change_goal",
            Self::DecideProposal => "decide_proposal",
            Self::RevokeNetworkInvitation => "revoke_network_invitation",
            Self::AddGoal => "add_goal",
            Self::ReadWorkingNotes => "read_working_notes",
            Self::WriteWorkingNotes => "write_working_notes",
            Self::ReadEvaluations => "read_evaluations",
            Self::RecordEvaluation => "record_evaluation",
            Self::ReadHistory => "read_history",
            Self::AgreeToPlan => "agree_to_plan",
            Self::ReadAppointments => "read_appointments",
            Self::PlanAppointment => "plan_appointment",
            Self::InviteToPortal => "invite_to_portal",
            Self::ReadCaseAccessLog => "read_case_access_log",
            Self::ReadOwnAccessLog => "read_own_access_log",
        }
    }

    /// The targets the action is decided on, for the matrix.
    pub fn targets(self) -> Vec<Target> {
        use PlanAction::*;
        match self {
            ReadGoal | ReadScores | CommentOnGoal | ProposeGoalChange | CompleteOwnAction | ShareGoal
            | InviteNetwork | ChangeGoal | DecideProposal => GOAL_KINDS.iter().map(|g| Target::Goal(*g)).collect(),
            RevokeNetworkInvitation => {
                vec![Target::Invitation { by_viewer: true }, Target::Invitation { by_viewer: false }]
            }
            _ => vec![Target::Case],
        }
    }
}

const fn goal(owner: Owner, confidential: bool, shared: bool) -> GoalFacts {
    GoalFacts { owner, confidential, shared }
}

/// The kinds of goal the matrix distinguishes.
pub const GOAL_KINDS: &[GoalFacts] = &[
    goal(Owner::Household, false, false),
    goal(Owner::Household, true, false),
    goal(Owner::Client(AgeBand::Under12), false, false),
    goal(Owner::Client(AgeBand::Under12), true, false),
    goal(Owner::Client(AgeBand::From12To15), false, false),
    goal(Owner::Client(AgeBand::From12To15), true, false),
    goal(Owner::Client(AgeBand::From16), false, false),
    goal(Owner::Client(AgeBand::From16), false, true),
    goal(Owner::Client(AgeBand::From16), true, false),
    goal(Owner::NonClientMember, false, false),
];

/// The viewers the matrix distinguishes, in column order.
pub const VIEWERS: &[Viewer] = &[
    Viewer::Staff(Role::FamilyWorker, Relation::OwnTeam),
    Viewer::Staff(Role::FamilyWorker, Relation::OtherTeam),
    Viewer::Staff(Role::TeamManager, Relation::OwnTeam),
    Viewer::Staff(Role::TeamManager, Relation::OtherTeam),
    Viewer::Staff(Role::Analyst, Relation::NoRecord),
    Viewer::Staff(Role::Admin, Relation::NoRecord),
    Viewer::Member(Member::OwnGoal),
    Viewer::Member(Member::ParentWithAuthority),
    Viewer::Member(Member::OtherClient),
    Viewer::Member(Member::NonClient),
    Viewer::Network { invited: true },
    Viewer::Network { invited: false },
];

/// Whether a household member may see a goal in the portal.
pub fn member_sees_goal(member: Member, goal: GoalFacts) -> bool {
    // Before the member is a client of the case, a goal about them stays with the team.
    if goal.owner == Owner::NonClientMember {
        return false;
    }
    if member == Member::OwnGoal {
        return true;
    }
    if goal.confidential {
        return false;
    }
    match goal.owner {
        Owner::Household => true,
        Owner::Client(AgeBand::Under12 | AgeBand::From12To15) => member == Member::ParentWithAuthority,
        Owner::Client(AgeBand::From16) => {
            goal.shared && matches!(member, Member::ParentWithAuthority | Member::OtherClient)
        }
        Owner::NonClientMember => false,
    }
}

/// Decides one action on a family plan.
pub fn decide(viewer: Viewer, action: PlanAction, target: Target) -> Decision {
    use Decision::{Allow, Deny, Hidden};
    use PlanAction::*;
    let allow_if = |ok: bool| if ok { Allow } else { Deny };
    match viewer {
        // Under an emergency grant (decision 0023) the plan reads as for the own team; every
        // change, and the case's access log, is refused (the actor knows the case exists).
        Viewer::Staff(role, Relation::Emergency) if has_client_access(role) => {
            if action.is_read() {
                decide(Viewer::Staff(role, Relation::OwnTeam), action, target)
            } else {
                Deny
            }
        }
        Viewer::Staff(role, relation) => {
            // Outside the own team, or a role without client access: the plan does not exist.
            if !(has_client_access(role) && relation == Relation::OwnTeam) {
                return Hidden;
            }
            match action {
                // Team managers look after the team's handling of files (NEN 7513): they read
                // the case's access log; a family worker does not read who else looked.
                ReadCaseAccessLog => allow_if(role == Role::TeamManager),
                // Portal-only actions: staff change the plan directly.
                ProposeGoalChange | ReadOwnAccessLog => Deny,
                // Sharing only means something for a goal of a client of 16 or older; the
                // worker records the client's wish.
                ShareGoal => allow_if(matches!(target, Target::Goal(g) if g.owner == Owner::Client(AgeBand::From16))),
                _ => Allow,
            }
        }
        Viewer::Member(member) => match target {
            Target::Goal(goal) => {
                if !member_sees_goal(member, goal) {
                    return Hidden;
                }
                match action {
                    ReadGoal | ReadScores | CommentOnGoal | CompleteOwnAction => Allow,
                    ProposeGoalChange => allow_if(member != Member::NonClient),
                    // Bringing a third party onto a goal is for the goal's own client, for a
                    // parent while the child is under 16, and for any client on a household goal.
                    InviteNetwork => allow_if(match goal.owner {
                        Owner::Household => member != Member::NonClient,
                        Owner::Client(AgeBand::From16) => member == Member::OwnGoal,
                        Owner::Client(_) => matches!(member, Member::OwnGoal | Member::ParentWithAuthority),
                        Owner::NonClientMember => false,
                    }),
                    ShareGoal => allow_if(member == Member::OwnGoal && goal.owner == Owner::Client(AgeBand::From16)),
                    _ => Deny,
                }
            }
            Target::Invitation { by_viewer } => allow_if(action == RevokeNetworkInvitation && by_viewer),
            Target::Case => {
                let family = member != Member::NonClient;
                match action {
                    // Never in the portal, and not even hinted at.
                    ReadWorkingNotes | WriteWorkingNotes => Hidden,
                    ReadOwnAccessLog => Allow,
                    ReadEvaluations | ReadHistory | AgreeToPlan | ReadAppointments => allow_if(family),
                    _ => Deny,
                }
            }
        },
        Viewer::Network { invited } => match target {
            // A goal the worker marks confidential is closed to network members too, even
            // those invited before.
            Target::Goal(g) if !invited || g.confidential || g.owner == Owner::NonClientMember => Hidden,
            Target::Goal(_) => allow_if(matches!(action, ReadGoal | CommentOnGoal | CompleteOwnAction)),
            // The case as a whole and the invitations are not theirs to see, so not even a
            // 403 says that they exist: the same 404 as for a case that does not.
            Target::Invitation { .. } | Target::Case => Hidden,
        },
    }
}

fn viewer_label(v: Viewer) -> String {
    match v {
        Viewer::Staff(role, Relation::NoRecord) => role.code().to_owned(),
        Viewer::Staff(role, rel) => format!("{} ({})", role.code(), rel.code()),
        Viewer::Member(m) => match m {
            Member::OwnGoal => "member: own goal".into(),
            Member::ParentWithAuthority => "member: parent with authority".into(),
            Member::OtherClient => "member: other client".into(),
            Member::NonClient => "member: not a client".into(),
        },
        Viewer::Network { invited: true } => "network: invited to the goal".into(),
        Viewer::Network { invited: false } => "network: not (or no longer) invited".into(),
    }
}

fn target_label(t: Target) -> String {
    match t {
        Target::Case => "case".into(),
        Target::Invitation { by_viewer: true } => "own invitation".into(),
        Target::Invitation { by_viewer: false } => "someone else's invitation".into(),
        Target::Goal(g) => {
            let mut s = match g.owner {
                Owner::Household => "household goal".to_owned(),
                Owner::Client(AgeBand::Under12) => "goal of a child < 12".to_owned(),
                Owner::Client(AgeBand::From12To15) => "goal of a young person 12-15".to_owned(),
                Owner::Client(AgeBand::From16) => "goal of a client 16+".to_owned(),
                Owner::NonClientMember => "goal of a member who is not a client".to_owned(),
            };
            if g.confidential {
                s.push_str(", confidential");
            }
            if g.shared {
                s.push_str(", shared");
            }
            s
        }
    }
}

/// The family-plan matrix as a Markdown table, for `docs/access.md`.
pub fn matrix_markdown() -> String {
    let rows = PlanAction::ALL.iter().flat_map(|a| a.targets().into_iter().map(move |t| (*a, t)));
    matrix::table(
        &["action", "target"],
        VIEWERS,
        viewer_label,
        rows.map(|(a, t)| (vec![a.code().to_owned(), target_label(t)], (a, t))),
        |(action, target), viewer| matrix::plain_cell(decide(viewer, *action, *target)).to_owned(),
    )
}

#[cfg(test)]
mod tests;
