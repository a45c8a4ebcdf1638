//! What the family agrees to when they agree to the plan (akkoord op het gezinsplan).
//!
//! Every change of the plan is kept as a version (its history), but only a change of the
//! *content of the goals* asks the family to agree again. The content of a goal is what it
//! says and whom it is about: its title, description, life domain, status and the client it
//! is for. A new goal is content too. Not content: ticking off or adding an action, a score
//! or an evaluation, inviting or revoking a network member, and who may see a goal (sharing,
//! confidentiality), which are about carrying out or showing the plan, not about what it says.
//! Decision record 0016 gives the reasons.

use crate::audit::AuditAction;

/// The fields of a goal (as stored in a version's state, `GoalFields`) that are its content.
pub const CONTENT_FIELDS: [&str; 5] = ["title", "description", "life_domain", "status", "client_id"];

/// Whether `field` of a goal is part of what the family agrees to.
pub fn is_content_field(field: &str) -> bool {
    CONTENT_FIELDS.contains(&field)
}

/// Whether a recorded change of the plan changes what the family agreed to; `changed_fields`
/// are the goal fields whose value differs before and after the change.
pub fn is_content_change<'a>(change: AuditAction, changed_fields: impl IntoIterator<Item = &'a str>) -> bool {
    match change {
        AuditAction::GoalAdded => true,
        AuditAction::GoalChanged | AuditAction::GoalProposalAccepted => {
            changed_fields.into_iter().any(is_content_field)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_goal_and_new_words_are_content() {
        assert!(is_content_change(AuditAction::GoalAdded, []));
        assert!(is_content_change(AuditAction::GoalChanged, ["title"]));
        assert!(is_content_change(AuditAction::GoalChanged, ["shared", "status"]));
        assert!(is_content_change(AuditAction::GoalProposalAccepted, ["description"]));
        assert!(is_content_change(AuditAction::GoalChanged, ["client_id"]));
        assert!(is_content_change(AuditAction::GoalChanged, ["life_domain"]));
    }

    #[test]
    fn carrying_out_and_showing_the_plan_are_not() {
        for change in [
            AuditAction::ActionAdded,
            AuditAction::ActionDone,
            AuditAction::ActionReopened,
            AuditAction::GoalScored,
            AuditAction::EvaluationRecorded,
            AuditAction::NetworkInvited,
            AuditAction::NetworkRevoked,
            AuditAction::GoalSharingChanged,
        ] {
            assert!(!is_content_change(change, ["title"]), "{change}");
        }
        assert!(!is_content_change(AuditAction::GoalChanged, ["confidential", "confidential_reason", "shared"]));
        assert!(!is_content_change(AuditAction::GoalChanged, []));
    }
}
