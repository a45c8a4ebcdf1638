//! Who sees what of the experience survey's results (Ervaringswijzer, issue 17; decision 0031).
//!
//! - Results (agreement per statement, report mark, responses, response rate) are aggregates
//!   per team, district and city, always with small counts suppressed
//!   (`survey::results`), for every reader: also a team's own staff, since answers of fewer
//!   than five families could point at one.
//! - Team managers and analysts read them for every team, district and the city: they steer.
//! - Family workers read those of their own teams (suppressed like everyone's): how families
//!   experience their team's help is theirs to learn from, but they do not steer the city.
//! - Open answers (already stripped of names and numbers) are for team managers only, of
//!   their own teams, and only over a period in which the team has a shown number of
//!   responses (5 or more in every quarter); without date or moment, in random order.
//! - Nobody, in any role, sees one family's answers: responses are stored without a link to
//!   an invitation, case or person, and no endpoint returns a single response.
//!
//! `docs/access.md` holds the table [`matrix_markdown`] prints; a test keeps them equal.

use crate::codes::Role;
use crate::policy::{Decision, Relation, matrix};

/// What is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Item {
    /// The figures of a team (`OwnTeam`/`OtherTeam`) or of a district or the city (`NoRecord`).
    Results,
    /// The open answers of one team.
    OpenAnswers,
}

impl Item {
    pub const ALL: &'static [Self] = &[Self::Results, Self::OpenAnswers];

    pub fn code(self) -> &'static str {
        match self {
            Self::Results => "read_survey_results",
            Self::OpenAnswers => "read_survey_open_answers",
        }
    }

    /// The relations that apply: open answers are always of one team.
    pub fn relations(self) -> &'static [Relation] {
        match self {
            Self::Results => &[Relation::NoRecord, Relation::OwnTeam, Relation::OtherTeam],
            Self::OpenAnswers => &[Relation::OwnTeam, Relation::OtherTeam],
        }
    }
}

/// Decides one read. Refusals are 403: that a team has results is no secret.
pub fn decide(role: Role, relation: Relation, item: Item) -> Decision {
    let allowed = matches!(
        (item, role, relation),
        (Item::Results, Role::TeamManager | Role::Analyst, _)
            | (Item::Results, Role::FamilyWorker, Relation::OwnTeam)
            | (Item::OpenAnswers, Role::TeamManager, Relation::OwnTeam)
    );
    if allowed { Decision::Allow } else { Decision::Deny }
}

/// The matrix as a Markdown table, for `docs/access.md`.
pub fn matrix_markdown() -> String {
    let rows = Item::ALL.iter().flat_map(|i| i.relations().iter().map(move |r| (*i, *r)));
    matrix::table(
        &["read", "relation"],
        Role::ALL,
        |role| role.code().to_owned(),
        rows.map(|(i, r)| (vec![i.code().to_owned(), r.code().to_owned()], (i, r))),
        |(item, relation), role| {
            match (decide(role, *relation, *item), item) {
                (Decision::Allow, Item::Results) => "allow, counts < 5 suppressed",
                (Decision::Allow, Item::OpenAnswers) => "allow, team with >= 5 responses",
                _ => "deny (403)",
            }
            .to_owned()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_answers_are_for_the_own_teams_manager_only() {
        for role in Role::ALL {
            for relation in Relation::ALL {
                let allowed = decide(*role, *relation, Item::OpenAnswers) == Decision::Allow;
                assert_eq!(
                    allowed,
                    *role == Role::TeamManager && *relation == Relation::OwnTeam,
                    "{role:?} {relation:?}"
                );
            }
        }
    }

    #[test]
    fn family_workers_read_their_own_teams_results_only() {
        assert_eq!(decide(Role::FamilyWorker, Relation::OwnTeam, Item::Results), Decision::Allow);
        assert_eq!(decide(Role::FamilyWorker, Relation::OtherTeam, Item::Results), Decision::Deny);
        assert_eq!(decide(Role::FamilyWorker, Relation::NoRecord, Item::Results), Decision::Deny);
        for role in [Role::Admin, Role::PrivacyOfficer, Role::FamilyMember, Role::NetworkMember] {
            assert_eq!(decide(role, Relation::OwnTeam, Item::Results), Decision::Deny);
        }
        assert_eq!(decide(Role::Analyst, Relation::NoRecord, Item::Results), Decision::Allow);
    }
}
