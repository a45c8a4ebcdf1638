//! What changed in the plan's content since someone agreed to it: the version the agreement
//! question follows (`content_version`), and per goal what is new or changed since a person's
//! last agreement, for the markers in Mijn Buurtteam. Which changes count as content is the
//! domain's rule (`buurtteam_domain::plan_content`).

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::plan_content;
use buurtteam_store::plan::{Goal, Version};

/// The goal fields whose stored value differs between two states of a goal.
pub(crate) fn changed_fields<'a>(
    before: Option<&'a serde_json::Value>,
    after: Option<&'a serde_json::Value>,
) -> Vec<&'a str> {
    let (Some(b), Some(a)) = (before.and_then(|v| v.as_object()), after.and_then(|v| v.as_object())) else {
        return Vec::new();
    };
    a.iter().filter(|(k, v)| b.get(k.as_str()) != Some(v)).map(|(k, _)| k.as_str()).collect()
}

/// Whether this version changed the content of a goal (and so asks the family to agree again).
pub fn is_content(v: &Version) -> bool {
    v.kind().is_some_and(|kind| {
        plan_content::is_content_change(kind, changed_fields(v.state_before.as_ref(), v.state_after.as_ref()))
    })
}

/// The last version that changed the plan's content; 0 for a plan without goals.
/// An agreement to this version or a later one is an agreement to the current content.
pub fn content_version(versions: &[Version]) -> i64 {
    versions.iter().filter(|v| is_content(v)).map(|v| v.version).max().unwrap_or(0)
}

/// What is new about a goal since the reader's last agreement.
#[derive(Debug, Clone, PartialEq)]
pub enum SinceAgreement {
    /// Added after the agreement.
    New,
    /// Its content changed after the agreement: the content fields that differ now, and the
    /// title as it was when the reader agreed (where the title changed).
    Changed { fields: Vec<&'static str>, title_before: Option<String> },
}

/// What changed about `goal` after version `agreed` (the reader's last agreement), comparing
/// the goal as it was then with the goal now; `None` when its content is the same.
pub fn since_agreement(goal: &Goal, agreed: i64, versions: &[Version]) -> Option<SinceAgreement> {
    let mine = |v: &&Version| v.goal_id == Some(goal.id) && v.version > agreed && is_content(v);
    let later: Vec<&Version> = versions.iter().filter(mine).collect();
    if later.iter().any(|v| v.kind() == Some(AuditAction::GoalAdded)) {
        return Some(SinceAgreement::New);
    }
    // The state before the earliest content change after the agreement is what was agreed to.
    let then = later.iter().min_by_key(|v| v.version)?.state_before.as_ref()?;
    let now = serde_json::to_value(goal.fields()).ok()?;
    let fields: Vec<&'static str> =
        plan_content::CONTENT_FIELDS.into_iter().filter(|f| then.get(*f) != now.get(*f)).collect();
    if fields.is_empty() {
        return None;
    }
    let title_before =
        fields.contains(&"title").then(|| then.get("title").and_then(|t| t.as_str()).unwrap_or_default().to_owned());
    Some(SinceAgreement::Changed { fields, title_before })
}

#[cfg(test)]
mod tests {
    use super::*;
    use buurtteam_domain::codes::{GoalStatus, LifeDomain, Role};
    use buurtteam_domain::ids::{CaseId, GoalId, UserId};
    use buurtteam_store::plan::Author;
    use jiff::Timestamp;
    use serde_json::json;

    fn goal(title: &str) -> Goal {
        Goal {
            id: GoalId(7),
            case_id: CaseId(1),
            client_id: None,
            life_domain: LifeDomain::Parenting,
            title: title.into(),
            description: "samen".into(),
            status: GoalStatus::Open,
            confidential: false,
            confidential_reason: None,
            shared: false,
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
        }
    }

    fn version(
        n: i64,
        change: AuditAction,
        before: Option<serde_json::Value>,
        after: Option<serde_json::Value>,
    ) -> Version {
        Version {
            version: n,
            changed_by: Author { user_id: UserId(1), name: "Fatima".into(), role: Role::FamilyWorker },
            change: change.as_str().into(),
            goal_id: Some(GoalId(7)),
            state_before: before,
            state_after: after,
            created_at: Timestamp::UNIX_EPOCH,
        }
    }

    fn state(g: &Goal) -> serde_json::Value {
        serde_json::to_value(g.fields()).unwrap_or_default()
    }

    #[test]
    fn ticking_off_and_scoring_keep_the_agreement_a_new_title_does_not() {
        let old = goal("Rust in huis");
        let mut versions = vec![
            version(1, AuditAction::GoalAdded, None, Some(state(&old))),
            version(2, AuditAction::ActionAdded, None, Some(json!({"description": "x"}))),
            version(3, AuditAction::ActionDone, Some(json!({"done_on": null})), Some(json!({"done_on": "2026-11-03"}))),
            version(4, AuditAction::GoalScored, None, Some(json!({"score": 3}))),
            version(5, AuditAction::NetworkInvited, None, Some(json!({"name": "Opa"}))),
        ];
        let mut shared = old.clone();
        shared.shared = true;
        versions.push(version(6, AuditAction::GoalChanged, Some(state(&old)), Some(state(&shared))));
        assert_eq!(content_version(&versions), 1);
        assert_eq!(since_agreement(&shared, 1, &versions), None);

        let mut renamed = shared.clone();
        renamed.title = "Elke avond rust".into();
        versions.push(version(7, AuditAction::GoalChanged, Some(state(&shared)), Some(state(&renamed))));
        assert_eq!(content_version(&versions), 7);
        assert_eq!(
            since_agreement(&renamed, 6, &versions),
            Some(SinceAgreement::Changed { fields: vec!["title"], title_before: Some("Rust in huis".into()) })
        );
        // Agreed before the goal existed: it is new to the reader.
        assert_eq!(since_agreement(&renamed, 0, &versions), Some(SinceAgreement::New));
        // Agreed after the change: nothing to mark.
        assert_eq!(since_agreement(&renamed, 7, &versions), None);
    }

    #[test]
    fn a_change_undone_before_the_reader_looks_is_no_change() {
        let old = goal("Rust in huis");
        let mut other = old.clone();
        other.status = GoalStatus::Achieved;
        let versions = vec![
            version(1, AuditAction::GoalAdded, None, Some(state(&old))),
            version(2, AuditAction::GoalChanged, Some(state(&old)), Some(state(&other))),
            version(3, AuditAction::GoalChanged, Some(state(&other)), Some(state(&old))),
        ];
        assert_eq!(since_agreement(&old, 1, &versions), None);
        let changed = since_agreement(&other, 1, &versions[..2]);
        assert_eq!(changed, Some(SinceAgreement::Changed { fields: vec!["status"], title_before: None }));
    }
}
