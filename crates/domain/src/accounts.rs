//! The rules for changing a staff account (issue 14, decision 0018). An admin manages accounts
//! but never gives themselves rights to client records: admins have no teams, and an admin
//! cannot change their own role or teams. The organisation cannot lock itself out: an admin
//! cannot deactivate themselves, and the last active admin stays an active admin.

use crate::codes::Role;
use crate::ids::{TeamId, UserId};

/// What of an account the rules look at, before or after a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountState {
    pub role: Role,
    /// Sorted, without duplicates.
    pub teams: Vec<TeamId>,
    pub active: bool,
}

/// Why a change of an account is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ChangeRefused {
    /// An admin changing their own role or teams: the way to rights to client records.
    #[error("an admin cannot change their own role or teams")]
    OwnRights,
    /// An admin deactivating their own account.
    #[error("an admin cannot deactivate their own account")]
    OwnDeactivation,
    /// The change would leave no active admin.
    #[error("the last active admin cannot be deactivated or given another role")]
    LastAdmin,
    /// An admin in a team: admins have no rights to client records.
    #[error("an admin is in no team")]
    AdminInTeam,
    /// A family worker or team manager without a team.
    #[error("a family worker or team manager needs at least one team")]
    TeamRequired,
}

/// Whether a role needs at least one team.
pub fn needs_team(role: Role) -> bool {
    matches!(role, Role::FamilyWorker | Role::TeamManager)
}

/// The rules an account's state must meet whoever made it: admins in no team, family workers
/// and team managers in at least one.
pub fn check_state(state: &AccountState) -> Result<(), ChangeRefused> {
    if state.role == Role::Admin && !state.teams.is_empty() {
        return Err(ChangeRefused::AdminInTeam);
    }
    if needs_team(state.role) && state.teams.is_empty() {
        return Err(ChangeRefused::TeamRequired);
    }
    Ok(())
}

/// Checks a change of `target`'s account by the admin `actor`, from `before` to `after`;
/// `other_active_admins` counts the active admins other than `target`.
pub fn check_change(
    actor: UserId,
    target: UserId,
    before: &AccountState,
    after: &AccountState,
    other_active_admins: i64,
) -> Result<(), ChangeRefused> {
    if actor == target {
        if after.role != before.role || after.teams != before.teams {
            return Err(ChangeRefused::OwnRights);
        }
        if before.active && !after.active {
            return Err(ChangeRefused::OwnDeactivation);
        }
    }
    let was_admin = before.role == Role::Admin && before.active;
    let stays_admin = after.role == Role::Admin && after.active;
    if was_admin && !stays_admin && other_active_admins < 1 {
        return Err(ChangeRefused::LastAdmin);
    }
    if after.role != before.role || after.teams != before.teams {
        check_state(after)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn state(role: Role, teams: &[i64], active: bool) -> AccountState {
        AccountState { role, teams: teams.iter().copied().map(TeamId).collect(), active }
    }

    #[test]
    fn an_admin_cannot_raise_themselves_nor_lock_the_organisation_out() {
        let (me, other) = (UserId(1), UserId(2));
        let admin = state(Role::Admin, &[], true);
        let as_worker = state(Role::FamilyWorker, &[7], true);
        assert_eq!(check_change(me, me, &admin, &as_worker, 3), Err(ChangeRefused::OwnRights));
        assert_eq!(check_change(me, me, &admin, &state(Role::Admin, &[7], true), 3), Err(ChangeRefused::OwnRights));
        assert_eq!(
            check_change(me, me, &admin, &state(Role::Admin, &[], false), 3),
            Err(ChangeRefused::OwnDeactivation)
        );
        assert_eq!(check_change(me, me, &admin, &admin, 0), Ok(()), "a name change of one's own");
        // Another admin may make an admin a worker, unless they are the last.
        assert_eq!(check_change(me, other, &admin, &as_worker, 1), Ok(()));
        assert_eq!(check_change(me, other, &admin, &as_worker, 0), Err(ChangeRefused::LastAdmin));
        assert_eq!(check_change(me, other, &admin, &state(Role::Admin, &[], false), 0), Err(ChangeRefused::LastAdmin));
        assert_eq!(
            check_change(me, other, &as_worker, &state(Role::Admin, &[7], true), 1),
            Err(ChangeRefused::AdminInTeam)
        );
        assert_eq!(
            check_change(me, other, &as_worker, &state(Role::TeamManager, &[], true), 1),
            Err(ChangeRefused::TeamRequired)
        );
        assert_eq!(check_change(me, other, &as_worker, &state(Role::Analyst, &[], true), 1), Ok(()));
    }

    fn any_state() -> impl Strategy<Value = AccountState> {
        (prop::sample::select(Role::STAFF.to_vec()), prop::collection::btree_set(1i64..5, 0..3), any::<bool>())
            .prop_map(|(role, teams, active)| AccountState {
                role,
                teams: teams.into_iter().map(TeamId).collect(),
                active,
            })
    }

    proptest! {
        /// Whatever an admin does to their own account, what they may open of client records
        /// (their role and teams) stays as it was, and they stay active.
        #[test]
        fn no_change_of_ones_own_account_gives_rights(before in any_state(), after in any_state(), others in 0i64..3) {
            let me = UserId(1);
            if check_change(me, me, &before, &after, others).is_ok() {
                prop_assert_eq!(&after.role, &before.role);
                prop_assert_eq!(&after.teams, &before.teams);
                prop_assert!(after.active || !before.active);
            }
        }

        /// An allowed change never leaves the organisation without an active admin, and never
        /// puts an admin into a team.
        #[test]
        fn an_allowed_change_keeps_an_admin_and_keeps_admins_out_of_teams(
            before in any_state(), after in any_state(), others in 0i64..3, actor in 1i64..3,
        ) {
            if check_change(UserId(actor), UserId(2), &before, &after, others).is_ok() {
                let admins_after = others + i64::from(after.role == Role::Admin && after.active);
                let admins_before = others + i64::from(before.role == Role::Admin && before.active);
                prop_assert!(admins_after >= 1 || admins_before == 0);
                if after.role != before.role || after.teams != before.teams {
                    prop_assert!(after.role != Role::Admin || after.teams.is_empty());
                }
            }
        }
    }
}
