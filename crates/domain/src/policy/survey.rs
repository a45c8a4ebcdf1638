//! Who may do what with the experience survey (issue 17).
//!
//! - Admins edit the questionnaire (each save makes a new version).
//! - Staff of the case's team (family workers, team managers) invite a person of the case and
//!   type in a paper response against its code, marked as paper. Another team's case is hidden.
//! - A household member answers their own open invitations in Mijn Buurtteam.
//! - Nobody reads one response back: no role, no relation. The results are aggregates
//!   (part S2), never a single family's answers.

use crate::codes::Role;
use crate::policy::{Decision, Relation, has_client_access, matrix};

/// What is done with the survey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SurveyAction {
    /// Change the statements, the report mark or the open question (a new version).
    EditQuestionnaire,
    /// Invite a person of a case, and print their letter with the code.
    Invite,
    /// Type in a paper response against its code.
    EnterPaper,
    /// Answer one's own invitation in Mijn Buurtteam.
    AnswerInPortal,
    /// Read one response (a family's answers): refused to everyone.
    ReadOneResponse,
}

impl SurveyAction {
    pub const ALL: &'static [Self] =
        &[Self::EditQuestionnaire, Self::Invite, Self::EnterPaper, Self::AnswerInPortal, Self::ReadOneResponse];

    pub fn code(self) -> &'static str {
        match self {
            Self::EditQuestionnaire => "edit_questionnaire",
            Self::Invite => "invite",
            Self::EnterPaper => "enter_paper_response",
            Self::AnswerInPortal => "answer_in_portal",
            Self::ReadOneResponse => "read_one_response",
        }
    }

    /// The relations under which the action is decided.
    pub fn relations(self) -> &'static [Relation] {
        match self {
            Self::EditQuestionnaire | Self::AnswerInPortal => &[Relation::NoRecord],
            Self::Invite | Self::EnterPaper | Self::ReadOneResponse => {
                &[Relation::OwnTeam, Relation::Emergency, Relation::OtherTeam]
            }
        }
    }
}

/// Whether `role`, related to the case's team by `relation`, may take `action`.
pub fn decide(role: Role, relation: Relation, action: SurveyAction) -> Decision {
    match action {
        SurveyAction::ReadOneResponse => Decision::Deny,
        SurveyAction::EditQuestionnaire => {
            if role == Role::Admin {
                Decision::Allow
            } else {
                Decision::Deny
            }
        }
        SurveyAction::AnswerInPortal => {
            if role == Role::FamilyMember {
                Decision::Allow
            } else {
                Decision::Deny
            }
        }
        SurveyAction::Invite | SurveyAction::EnterPaper => match relation {
            _ if !has_client_access(role) => Decision::Hidden,
            Relation::OwnTeam => Decision::Allow,
            // An emergency grant reads; it never writes, nor invites.
            Relation::Emergency => Decision::Deny,
            Relation::OtherTeam | Relation::NoRecord => Decision::Hidden,
        },
    }
}

/// The survey's access table for `docs/access.md`.
pub fn matrix_markdown() -> String {
    let rows = SurveyAction::ALL.iter().flat_map(|a| a.relations().iter().map(move |r| (*a, *r)));
    matrix::table(
        &["action", "relation"],
        Role::ALL,
        |role| role.code().to_owned(),
        rows.map(|(a, r)| (vec![a.code().to_owned(), r.code().to_owned()], (a, r))),
        |(action, relation), role| matrix::cell(decide(role, *relation, *action)).to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn staff_of_the_team_invite_and_type_in_paper_others_do_not_even_see_the_case() {
        for role in [Role::FamilyWorker, Role::TeamManager] {
            assert_eq!(decide(role, Relation::OwnTeam, SurveyAction::Invite), Decision::Allow);
            assert_eq!(decide(role, Relation::OwnTeam, SurveyAction::EnterPaper), Decision::Allow);
            assert_eq!(decide(role, Relation::OtherTeam, SurveyAction::Invite), Decision::Hidden);
            assert_eq!(decide(role, Relation::Emergency, SurveyAction::EnterPaper), Decision::Deny);
        }
        assert_eq!(decide(Role::Analyst, Relation::OwnTeam, SurveyAction::Invite), Decision::Hidden);
        assert_eq!(decide(Role::Admin, Relation::NoRecord, SurveyAction::EditQuestionnaire), Decision::Allow);
        assert_eq!(decide(Role::TeamManager, Relation::NoRecord, SurveyAction::EditQuestionnaire), Decision::Deny);
    }

    proptest! {
        #[test]
        fn nobody_ever_reads_one_response(role in proptest::sample::select(Role::ALL), relation in proptest::sample::select(Relation::ALL)) {
            prop_assert_ne!(decide(role, relation, SurveyAction::ReadOneResponse), Decision::Allow);
        }
    }
}
