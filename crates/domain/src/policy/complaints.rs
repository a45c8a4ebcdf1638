//! Who sees and does what with complaints (klachten), for staff and Mijn Buurtteam alike
//! (decision 0032).
//!
//! - Staff of the case's team register a complaint on the case.
//! - The team managers of the case's team handle it: they record its steps, put off the
//!   decision, write what the team learned, and read everything, notes included.
//! - The worker the complaint is about sees that there is one, its state and its steps, never
//!   the notes kept with the steps (the management's notes); they read what the team learned.
//! - Other workers of the team register, and see nothing of a complaint after that: it is not
//!   their business, and knowing it could colour their work with the family.
//! - Analysts see counts only; admins and staff of other teams nothing (not even that a
//!   complaint exists). An emergency grant (decision 0023) opens no complaint: a crisis does
//!   not need it.
//! - In Mijn Buurtteam a parent of the household, and a young person from 12 who is a client
//!   of the case (about their own help), may submit a complaint. The complainant and the
//!   household's parents with authority see its state and steps; no notes, no lessons.
//!
//! `docs/access.md` holds the table [`matrix_markdown`] prints, and a test keeps them equal.

use crate::codes::Role;
use crate::policy::{Decision, Relation, matrix};

/// How a household member with a portal account relates to a case or one of its complaints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Member {
    /// Made the complaint.
    Complainant,
    /// A parent with parental authority in the household.
    ParentWithAuthority,
    /// A parent without authority.
    Parent,
    /// A young person from 12 who is a client of the case.
    YoungClient,
    /// Anyone else of the household (a child under 12 has no account).
    Other,
}

/// Who is asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Viewer {
    /// Staff; `concerned`: the worker the complaint is about.
    Staff {
        role: Role,
        relation: Relation,
        concerned: bool,
    },
    Member(Member),
}

/// What is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ComplaintAction {
    /// Register a complaint on a case (staff).
    Register,
    /// Submit a complaint in Mijn Buurtteam.
    Submit,
    /// See that there is a complaint, its subject, state, deadline and steps.
    ReadComplaint,
    /// Read the notes kept with the steps (the management's notes).
    ReadNotes,
    /// Record a handling step, with its outcome.
    RecordStep,
    /// Put off the decision by four weeks, with notice to the complainant.
    Extend,
    /// Write what the team learned.
    RecordLessons,
    ReadLessons,
    /// List the complaints of one's teams (the team manager's list and worklist).
    ListTeam,
    /// Counts per team and period (the dashboards, the half-year report).
    ReadCounts,
}

impl ComplaintAction {
    pub const ALL: &'static [Self] = &[
        Self::Register,
        Self::Submit,
        Self::ReadComplaint,
        Self::ReadNotes,
        Self::RecordStep,
        Self::Extend,
        Self::RecordLessons,
        Self::ReadLessons,
        Self::ListTeam,
        Self::ReadCounts,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Register => "register",
            Self::Submit => "submit",
            Self::ReadComplaint => "read_complaint",
            Self::ReadNotes => "read_notes",
            Self::RecordStep => "record_step",
            Self::Extend => "extend",
            Self::RecordLessons => "record_lessons",
            Self::ReadLessons => "read_lessons",
            Self::ListTeam => "list_team",
            Self::ReadCounts => "read_counts",
        }
    }

    /// Whether the action concerns one complaint that exists (rather than a case or a list).
    fn on_complaint(self) -> bool {
        matches!(
            self,
            Self::ReadComplaint
                | Self::ReadNotes
                | Self::RecordStep
                | Self::Extend
                | Self::RecordLessons
                | Self::ReadLessons
        )
    }
}

/// The viewers the matrix distinguishes, in column order.
pub const VIEWERS: &[Viewer] = &[
    Viewer::Staff { role: Role::FamilyWorker, relation: Relation::OwnTeam, concerned: true },
    Viewer::Staff { role: Role::FamilyWorker, relation: Relation::OwnTeam, concerned: false },
    Viewer::Staff { role: Role::FamilyWorker, relation: Relation::OtherTeam, concerned: false },
    Viewer::Staff { role: Role::TeamManager, relation: Relation::OwnTeam, concerned: false },
    Viewer::Staff { role: Role::TeamManager, relation: Relation::OtherTeam, concerned: false },
    Viewer::Staff { role: Role::TeamManager, relation: Relation::Emergency, concerned: false },
    Viewer::Staff { role: Role::Analyst, relation: Relation::NoRecord, concerned: false },
    Viewer::Staff { role: Role::Admin, relation: Relation::NoRecord, concerned: false },
    Viewer::Member(Member::Complainant),
    Viewer::Member(Member::ParentWithAuthority),
    Viewer::Member(Member::Parent),
    Viewer::Member(Member::YoungClient),
    Viewer::Member(Member::Other),
];

/// Decides one action on complaints.
pub fn decide(viewer: Viewer, action: ComplaintAction) -> Decision {
    use ComplaintAction::*;
    use Decision::{Allow, Deny, Hidden};
    match viewer {
        Viewer::Staff { role: Role::Analyst, .. } => {
            if action == ReadCounts {
                Allow
            } else if action.on_complaint() {
                Hidden
            } else {
                Deny
            }
        }
        Viewer::Staff { role, relation, concerned } => {
            let on_record = matches!(relation, Relation::OwnTeam);
            match (role, action) {
                (Role::TeamManager, ReadCounts | ListTeam) => Allow,
                (_, ReadCounts | ListTeam | Submit) => Deny,
                // Registering on a case of one's own team; another team's case is not known.
                (Role::FamilyWorker | Role::TeamManager, Register) if on_record => Allow,
                (_, Register) => Hidden,
                (Role::TeamManager, _) if on_record => Allow,
                (Role::FamilyWorker, ReadComplaint | ReadLessons) if on_record && concerned => Allow,
                // The worker complained about knows of the complaint, so a refusal is a 403.
                (Role::FamilyWorker, _) if on_record && concerned => Deny,
                _ => Hidden,
            }
        }
        Viewer::Member(member) => match action {
            Submit => {
                if matches!(member, Member::ParentWithAuthority | Member::Parent | Member::YoungClient) {
                    Allow
                } else {
                    Deny
                }
            }
            ReadComplaint if matches!(member, Member::Complainant | Member::ParentWithAuthority) => Allow,
            // Notes and lessons are the team's; staff lists and counts are not the portal's.
            _ if action.on_complaint() => Hidden,
            _ => Deny,
        },
    }
}

fn viewer_label(v: Viewer) -> String {
    match v {
        Viewer::Staff { role, relation: Relation::NoRecord, .. } => role.code().to_owned(),
        Viewer::Staff { role, relation, concerned: true } => {
            format!("{} ({}, complained about)", role.code(), relation.code())
        }
        Viewer::Staff { role, relation, .. } => format!("{} ({})", role.code(), relation.code()),
        Viewer::Member(m) => match m {
            Member::Complainant => "member: complainant".into(),
            Member::ParentWithAuthority => "member: parent with authority".into(),
            Member::Parent => "member: parent without authority".into(),
            Member::YoungClient => "member: client from 12".into(),
            Member::Other => "member: other".into(),
        },
    }
}

/// The complaints matrix as a Markdown table, for `docs/access.md`.
pub fn matrix_markdown() -> String {
    matrix::table(
        &["action"],
        VIEWERS,
        viewer_label,
        ComplaintAction::ALL.iter().map(|a| (vec![a.code().to_owned()], *a)),
        |action, viewer| matrix::plain_cell(decide(viewer, *action)).to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn staff(role: Role, relation: Relation, concerned: bool) -> Viewer {
        Viewer::Staff { role, relation, concerned }
    }

    #[test]
    fn the_worker_complained_about_sees_the_steps_not_the_notes() {
        let w = staff(Role::FamilyWorker, Relation::OwnTeam, true);
        assert_eq!(decide(w, ComplaintAction::ReadComplaint), Decision::Allow);
        assert_eq!(decide(w, ComplaintAction::ReadNotes), Decision::Deny);
        assert_eq!(decide(w, ComplaintAction::RecordStep), Decision::Deny);
        let other = staff(Role::FamilyWorker, Relation::OwnTeam, false);
        assert_eq!(decide(other, ComplaintAction::Register), Decision::Allow);
        assert_eq!(decide(other, ComplaintAction::ReadComplaint), Decision::Hidden);
    }

    #[test]
    fn the_portal_shows_the_state_to_the_complainant_and_parents_with_authority_only() {
        for m in [Member::Complainant, Member::ParentWithAuthority] {
            assert_eq!(decide(Viewer::Member(m), ComplaintAction::ReadComplaint), Decision::Allow);
            assert_eq!(decide(Viewer::Member(m), ComplaintAction::ReadNotes), Decision::Hidden);
        }
        for m in [Member::Parent, Member::YoungClient, Member::Other] {
            assert_eq!(decide(Viewer::Member(m), ComplaintAction::ReadComplaint), Decision::Hidden);
        }
        assert_eq!(decide(Viewer::Member(Member::YoungClient), ComplaintAction::Submit), Decision::Allow);
        assert_eq!(decide(Viewer::Member(Member::Other), ComplaintAction::Submit), Decision::Deny);
    }

    fn any_viewer() -> impl Strategy<Value = Viewer> {
        prop::sample::select(VIEWERS)
    }

    proptest! {
        /// Nobody outside the case's team managers reads the notes; nobody but a team manager
        /// of the team changes a complaint; another team, an emergency grant and an admin never
        /// learn that one exists.
        #[test]
        fn notes_and_handling_stay_with_the_team_managers(v in any_viewer(), a in prop::sample::select(ComplaintAction::ALL)) {
            let d = decide(v, a);
            let manager = matches!(v, Viewer::Staff { role: Role::TeamManager, relation: Relation::OwnTeam, .. });
            if matches!(a, ComplaintAction::ReadNotes | ComplaintAction::RecordStep | ComplaintAction::Extend | ComplaintAction::RecordLessons) {
                prop_assert_eq!(d == Decision::Allow, manager);
            }
            if let Viewer::Staff { relation: Relation::OtherTeam | Relation::Emergency, .. } = v && a.on_complaint() {
                prop_assert_eq!(d, Decision::Hidden);
            }
            if let Viewer::Staff { role: Role::Admin, .. } = v {
                prop_assert_ne!(d, Decision::Allow);
            }
        }
    }
}
