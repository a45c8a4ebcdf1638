//! Who may read and write the knowledge base (kennisbank, issue 20; decision 0035).
//!
//! - Every staff member reads and searches it: analysts, admins, privacy officers and HR
//!   included. It holds no client data.
//! - Admins and team managers write (create articles, change them, see the list of articles
//!   past their review date); any other staff member writes once an admin has given them the
//!   editor right (`users.knowledge_editor`, on the admin user page).
//! - Portal accounts (Mijn Buurtteam) do not learn that it exists: 404.
//!
//! `docs/access.md` holds the table [`matrix_markdown`] prints; a test keeps them equal.

use crate::codes::Role;
use crate::policy::{Decision, matrix};

/// What the actor wants to do with the knowledge base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KnowledgeAction {
    /// Search, read an article, its versions and their differences.
    Read,
    /// Create an article or change one (a new version).
    Write,
    /// The list of articles past their review date.
    ListReviewDue,
}

impl KnowledgeAction {
    pub const ALL: &'static [Self] = &[Self::Read, Self::Write, Self::ListReviewDue];

    pub fn code(self) -> &'static str {
        match self {
            Self::Read => "read_knowledge",
            Self::Write => "write_knowledge",
            Self::ListReviewDue => "list_review_due",
        }
    }
}

/// Whether the actor holds the editor right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EditorRight {
    Given,
    NotGiven,
}

impl EditorRight {
    pub const ALL: &'static [Self] = &[Self::NotGiven, Self::Given];

    pub fn of(flag: bool) -> Self {
        if flag { Self::Given } else { Self::NotGiven }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Given => "editor right",
            Self::NotGiven => "no editor right",
        }
    }
}

/// Decides one action on the knowledge base.
pub fn decide(role: Role, right: EditorRight, action: KnowledgeAction) -> Decision {
    if !role.is_staff() {
        return Decision::Hidden;
    }
    match action {
        KnowledgeAction::Read => Decision::Allow,
        KnowledgeAction::Write | KnowledgeAction::ListReviewDue => {
            if matches!(role, Role::Admin | Role::TeamManager) || right == EditorRight::Given {
                Decision::Allow
            } else {
                Decision::Deny
            }
        }
    }
}

/// The knowledge base matrix as a Markdown table, for `docs/access.md`.
pub fn matrix_markdown() -> String {
    matrix::markdown("right", KnowledgeAction::ALL, EditorRight::ALL, KnowledgeAction::code, EditorRight::code, decide)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn editors_write_and_everyone_on_staff_reads() {
        assert_eq!(decide(Role::FamilyWorker, EditorRight::NotGiven, KnowledgeAction::Write), Decision::Deny);
        assert_eq!(decide(Role::FamilyWorker, EditorRight::Given, KnowledgeAction::Write), Decision::Allow);
        assert_eq!(decide(Role::TeamManager, EditorRight::NotGiven, KnowledgeAction::Write), Decision::Allow);
        assert_eq!(decide(Role::Hr, EditorRight::NotGiven, KnowledgeAction::Read), Decision::Allow);
        assert_eq!(decide(Role::FamilyMember, EditorRight::Given, KnowledgeAction::Read), Decision::Hidden);
    }

    proptest! {
        /// Portal accounts never learn of the knowledge base; whoever may write may read.
        #[test]
        fn portal_never_and_writers_read(role in prop::sample::select(Role::ALL), right in prop::sample::select(EditorRight::ALL), a in prop::sample::select(KnowledgeAction::ALL)) {
            let d = decide(role, right, a);
            if !role.is_staff() {
                prop_assert_eq!(d, Decision::Hidden);
            }
            if decide(role, right, KnowledgeAction::Write) == Decision::Allow {
                prop_assert_eq!(decide(role, right, KnowledgeAction::Read), Decision::Allow);
            }
        }
    }
}
