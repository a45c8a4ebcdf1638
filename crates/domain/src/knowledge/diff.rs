//! The difference between two versions of an article, line by line.

use similar::{ChangeTag, TextDiff};

/// One line of a diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Same(String),
    Added(String),
    Removed(String),
}

/// The lines of `new` against `old`: unchanged lines, and those removed and added.
pub fn lines(old: &str, new: &str) -> Vec<Line> {
    TextDiff::from_lines(old, new)
        .iter_all_changes()
        .map(|c| {
            let text = c.value().trim_end_matches('\n').to_owned();
            match c.tag() {
                ChangeTag::Equal => Line::Same(text),
                ChangeTag::Insert => Line::Added(text),
                ChangeTag::Delete => Line::Removed(text),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_line_is_removed_and_added() {
        let d = lines("een\ntwee\ndrie\n", "een\n2\ndrie\n");
        assert_eq!(
            d,
            vec![
                Line::Same("een".into()),
                Line::Removed("twee".into()),
                Line::Added("2".into()),
                Line::Same("drie".into())
            ]
        );
        assert!(lines("", "nieuw").iter().all(|l| matches!(l, Line::Added(_))));
    }
}
