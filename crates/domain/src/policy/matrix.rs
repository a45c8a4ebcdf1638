//! The Markdown shape of an access matrix, for `docs/access.md`: label columns (action,
//! relation or target) and one column per role or viewer. Each policy module prints its table
//! through [`table`] (or [`markdown`], for the common role × relation × action case), so every
//! generated block reads the same.

use crate::codes::Role;
use crate::policy::Decision;

/// How a decision reads in a table whose refusals are HTTP answers.
pub fn cell(decision: Decision) -> &'static str {
    match decision {
        Decision::Allow => "allow",
        Decision::Deny => "deny (403)",
        Decision::Hidden => "hidden (404)",
    }
}

/// How a decision reads where the refusal is not one HTTP status (portal and staff alike).
pub fn plain_cell(decision: Decision) -> &'static str {
    match decision {
        Decision::Allow => "allow",
        Decision::Deny => "deny",
        Decision::Hidden => "hidden",
    }
}

/// A table: `label_heads` name the label columns, `columns` the rest; each row is its labels
/// and the value `cell` gives for it in each column.
pub fn table<C: Copy, R>(
    label_heads: &[&str],
    columns: &[C],
    column_label: impl Fn(C) -> String,
    rows: impl IntoIterator<Item = (Vec<String>, R)>,
    cell: impl Fn(&R, C) -> String,
) -> String {
    let mut out = String::from("|");
    for head in label_heads {
        out.push_str(&format!(" {head} |"));
    }
    for column in columns {
        out.push_str(&format!(" {} |", column_label(*column)));
    }
    out.push_str("\n|");
    out.push_str(&"---|".repeat(label_heads.len() + columns.len()));
    out.push('\n');
    for (labels, row) in rows {
        out.push('|');
        for label in &labels {
            out.push_str(&format!(" {label} |"));
        }
        for column in columns {
            out.push_str(&format!(" {} |", cell(&row, *column)));
        }
        out.push('\n');
    }
    out
}

/// The table of `decide` over every action and relation, one column per role.
pub fn markdown<A: Copy, R: Copy>(
    relation_head: &str,
    actions: &[A],
    relations: &[R],
    action_code: impl Fn(A) -> &'static str,
    relation_code: impl Fn(R) -> &'static str,
    decide: impl Fn(Role, R, A) -> Decision,
) -> String {
    let rows = actions.iter().flat_map(|a| relations.iter().map(move |r| (*a, *r)));
    table(
        &["action", relation_head],
        Role::ALL,
        |role| role.code().to_owned(),
        rows.map(|(a, r)| (vec![action_code(a).to_owned(), relation_code(r).to_owned()], (a, r))),
        |(a, r), role| cell(decide(role, *r, *a)).to_owned(),
    )
}
