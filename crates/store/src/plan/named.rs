//! What a plan request names by id, and whose case that is: the first thing a plan use case
//! asks, with one query whether the record exists or not, so that a refusal and a miss cost
//! the same (docs/access.md, "Refusals").

use buurtteam_domain::ids::{CaseId, GoalActionId, GoalId, NetworkInvitationId, ProposalId, TeamId, UserId};

use crate::{Result, Tx};

/// A record a plan request names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    Case(CaseId),
    Goal(GoalId),
    Action(GoalActionId),
    Proposal(ProposalId),
    Invitation(NetworkInvitationId),
}

impl Named {
    /// The kind of record and its id, as the audit log names them.
    pub fn object(self) -> (&'static str, i64) {
        match self {
            Self::Case(id) => ("case", id.0),
            Self::Goal(id) => ("goal", id.0),
            Self::Action(id) => ("action", id.0),
            Self::Proposal(id) => ("proposal", id.0),
            Self::Invitation(id) => ("network_invitation", id.0),
        }
    }
}

/// The case of the record `named`, and the case's team; `None` when there is no such record.
pub async fn case_of(tx: &mut Tx, named: Named) -> Result<Option<(CaseId, TeamId)>> {
    let sql = match named {
        Named::Case(_) => "SELECT c.id, c.team_id FROM cases c WHERE c.id = $1",
        Named::Goal(_) => "SELECT c.id, c.team_id FROM goals g JOIN cases c ON c.id = g.case_id WHERE g.id = $1",
        Named::Action(_) => {
            "SELECT c.id, c.team_id FROM goal_actions a JOIN goals g ON g.id = a.goal_id \
             JOIN cases c ON c.id = g.case_id WHERE a.id = $1"
        }
        Named::Proposal(_) => {
            "SELECT c.id, c.team_id FROM goal_proposals p JOIN goals g ON g.id = p.goal_id \
             JOIN cases c ON c.id = g.case_id WHERE p.id = $1"
        }
        Named::Invitation(_) => {
            "SELECT c.id, c.team_id FROM network_invitations i JOIN goals g ON g.id = i.goal_id \
             JOIN cases c ON c.id = g.case_id WHERE i.id = $1"
        }
    };
    let row: Option<(i64, i64)> =
        on!(tx, |c| sqlx::query_as(sql).bind(named.object().1).fetch_optional(&mut *c).await)?;
    Ok(row.map(|(case, team)| (CaseId(case), TeamId(team))))
}

/// Whether network member `user` holds a live (activated, unrevoked) invitation onto a goal
/// of `case`.
pub async fn network_invited_to_case(tx: &mut Tx, user: UserId, case: CaseId) -> Result<bool> {
    let n: i64 = on!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM network_invitations i JOIN goals g ON g.id = i.goal_id \
         WHERE i.user_id = $1 AND g.case_id = $2 AND i.revoked_at IS NULL"
    )
    .bind(user.0)
    .bind(case.0)
    .fetch_one(&mut *c)
    .await)?;
    Ok(n > 0)
}
