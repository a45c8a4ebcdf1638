//! Who may record and read staff absence (verzuim, issue 20; decision 0036).
//!
//! - HR records and reads everyone's absence spells and contract hours.
//! - A team manager records and reads the spells of the people of their teams, not their own
//!   (HR or their own manager records those), and reads their teams' monthly figures.
//! - A staff member reads their own spells, nothing else of anyone's.
//! - Analysts read only the figures (aggregates, suppressed below the smallest group like the
//!   other KPIs), never a spell.
//! - Admins set contract hours on the user pages but read no absence; privacy officers none.
//! - Portal accounts do not learn that it exists: 404.
//!
//! No reason is ever recorded (AVG art. 9, UAVG art. 30): there is no action for it.
//! `docs/access.md` holds the table [`matrix_markdown`] prints; a test keeps them equal.

use crate::codes::Role;
use crate::policy::{Decision, matrix};

/// What the actor wants to do with absence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AbsenceAction {
    /// Record a spell, or its end or expected return.
    Record,
    /// Read a person's spells.
    ReadSpells,
    /// Read the monthly figures (absence percentage, frequency, long absence, caseload per FTE).
    ReadFigures,
}

impl AbsenceAction {
    pub const ALL: &'static [Self] = &[Self::Record, Self::ReadSpells, Self::ReadFigures];

    pub fn code(self) -> &'static str {
        match self {
            Self::Record => "record_absence",
            Self::ReadSpells => "read_absence_spells",
            Self::ReadFigures => "read_absence_figures",
        }
    }
}

/// How the person whose absence it is (or the team whose figures they are) relates to the actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Whose {
    /// The actor's own.
    Own,
    /// Someone in (or the figures of) one of the actor's teams.
    OwnTeam,
    /// Anyone else, or the whole organisation.
    Other,
}

impl Whose {
    pub const ALL: &'static [Self] = &[Self::Own, Self::OwnTeam, Self::Other];

    pub fn code(self) -> &'static str {
        match self {
            Self::Own => "own",
            Self::OwnTeam => "own team",
            Self::Other => "other",
        }
    }
}

/// Decides one action on absence.
pub fn decide(role: Role, whose: Whose, action: AbsenceAction) -> Decision {
    use AbsenceAction::*;
    if !role.is_staff() {
        return Decision::Hidden;
    }
    let allowed = match (role, action) {
        (Role::Hr, _) => true,
        (Role::TeamManager, Record | ReadSpells) => {
            whose == Whose::OwnTeam || (whose == Whose::Own && action == ReadSpells)
        }
        (Role::TeamManager, ReadFigures) => whose == Whose::OwnTeam,
        (Role::Analyst, ReadFigures) => true,
        (_, ReadSpells) => whose == Whose::Own,
        _ => false,
    };
    if allowed { Decision::Allow } else { Decision::Deny }
}

/// The absence matrix as a Markdown table, for `docs/access.md`.
pub fn matrix_markdown() -> String {
    matrix::markdown("whose", AbsenceAction::ALL, Whose::ALL, AbsenceAction::code, Whose::code, decide)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_rules_of_decision_0036() {
        use AbsenceAction::*;
        assert_eq!(decide(Role::Hr, Whose::Other, Record), Decision::Allow);
        assert_eq!(decide(Role::TeamManager, Whose::OwnTeam, Record), Decision::Allow);
        assert_eq!(decide(Role::TeamManager, Whose::Other, ReadSpells), Decision::Deny);
        assert_eq!(decide(Role::TeamManager, Whose::Own, Record), Decision::Deny);
        assert_eq!(decide(Role::TeamManager, Whose::Own, ReadSpells), Decision::Allow);
        assert_eq!(decide(Role::FamilyWorker, Whose::Own, ReadSpells), Decision::Allow);
        assert_eq!(decide(Role::FamilyWorker, Whose::OwnTeam, ReadSpells), Decision::Deny);
        assert_eq!(decide(Role::Analyst, Whose::Other, ReadFigures), Decision::Allow);
        assert_eq!(decide(Role::Analyst, Whose::Other, ReadSpells), Decision::Deny);
        assert_eq!(decide(Role::Admin, Whose::Other, ReadFigures), Decision::Deny);
        assert_eq!(decide(Role::FamilyMember, Whose::Own, ReadSpells), Decision::Hidden);
    }

    proptest! {
        /// Portal accounts never learn of it; nobody but HR records beyond their teams; whoever
        /// records someone's spells may read them.
        #[test]
        fn portal_never_and_recorders_read(role in prop::sample::select(Role::ALL), whose in prop::sample::select(Whose::ALL), a in prop::sample::select(AbsenceAction::ALL)) {
            let d = decide(role, whose, a);
            if !role.is_staff() {
                prop_assert_eq!(d, Decision::Hidden);
            }
            if a == AbsenceAction::Record && whose == Whose::Other && role != Role::Hr {
                prop_assert_ne!(d, Decision::Allow);
            }
            if decide(role, whose, AbsenceAction::Record) == Decision::Allow {
                prop_assert_eq!(decide(role, whose, AbsenceAction::ReadSpells), Decision::Allow);
            }
        }
    }
}
