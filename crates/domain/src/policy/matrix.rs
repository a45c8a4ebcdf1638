//! The Markdown shape of a capability's access matrix, for `docs/access.md`: one row per
//! action and relation, one column per role. Each policy module with its own rules prints its
//! table through [`markdown`], so every generated block reads the same.

use crate::codes::Role;
use crate::policy::Decision;

/// How a decision reads in the table.
pub fn cell(decision: Decision) -> &'static str {
    match decision {
        Decision::Allow => "allow",
        Decision::Deny => "deny (403)",
        Decision::Hidden => "hidden (404)",
    }
}

/// The table of `decide` over every action and relation, with the column heads `action` and
/// `relation` (e.g. "relation to the campaign").
pub fn markdown<A: Copy, R: Copy>(
    relation_head: &str,
    actions: &[A],
    relations: &[R],
    action_code: impl Fn(A) -> &'static str,
    relation_code: impl Fn(R) -> &'static str,
    decide: impl Fn(Role, R, A) -> Decision,
) -> String {
    let mut out = format!("| action | {relation_head} |");
    for role in Role::ALL {
        out.push_str(&format!(" {} |", role.code()));
    }
    out.push_str("\n|---|---|");
    out.push_str(&"---|".repeat(Role::ALL.len()));
    out.push('\n');
    for action in actions {
        for relation in relations {
            out.push_str(&format!("| {} | {} |", action_code(*action), relation_code(*relation)));
            for role in Role::ALL {
                out.push_str(&format!(" {} |", cell(decide(*role, *relation, *action))));
            }
            out.push('\n');
        }
    }
    out
}
