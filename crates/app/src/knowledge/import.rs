//! `buurtteam import knowledge DIR`: a folder of Markdown files becomes articles. The title is
//! the front matter's `title:` or else the first heading; the summary the front matter's
//! `summary:` or else the first paragraph. Each file is known by its name, so importing the
//! same folder again changes an article (a new version) only where its file changed. Every file
//! is read and checked before anything is written, and all is written in one transaction.

use buurtteam_domain::ids::UserId;
use buurtteam_domain::knowledge::markdown;
use buurtteam_store::knowledge as store;

use super::{ArticleInput, read_draft, write_changed, write_created};
use crate::{App, AppError, Result};

/// One Markdown file: its name (relative to the folder) and text.
pub struct File {
    pub name: String,
    pub text: String,
}

/// What an import did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    pub created: usize,
    pub changed: usize,
    pub unchanged: usize,
}

/// Reads a file's front matter (between `---` lines at the very top) and the rest.
fn front_matter(text: &str) -> (Vec<(String, String)>, &str) {
    let Some(rest) = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")) else {
        return (Vec::new(), text);
    };
    let Some(end) = rest.find("\n---") else { return (Vec::new(), text) };
    let fields = rest[..end]
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().trim_matches('"').to_owned()))
        .collect();
    let body = &rest[end + 4..];
    (fields, body.trim_start_matches(['\r', '\n']))
}

fn list(value: &str) -> Vec<String> {
    value.trim_matches(['[', ']']).split(',').map(|s| s.trim().trim_matches('"').to_owned()).collect()
}

/// The article input a file holds.
pub fn parse(text: &str) -> ArticleInput {
    let (fields, mut body) = front_matter(text);
    let field = |k: &str| fields.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let mut title = field("title");
    if title.is_none() {
        let trimmed = body.trim_start();
        if let Some(heading) = trimmed.strip_prefix("# ") {
            let (line, rest) = heading.split_once('\n').unwrap_or((heading, ""));
            title = Some(line.trim().to_owned());
            body = rest;
        }
    }
    let body = body.trim().to_owned();
    let summary = field("summary").or_else(|| {
        let first = body.split("\n\n").map(str::trim).find(|p| !p.is_empty() && !p.starts_with('#'))?;
        let plain = markdown::to_plain_text(first);
        Some(plain.chars().take(buurtteam_domain::knowledge::MAX_SUMMARY).collect())
    });
    ArticleInput {
        title,
        summary,
        body_markdown: Some(body),
        life_domains: field("life_domains").map(|v| list(&v)),
        categories: field("categories").map(|v| list(&v)),
        review_by: field("review_by"),
        version: None,
    }
}

/// Imports the files, owned by `owner`. An invalid file fails the whole import, naming it.
pub async fn run(app: &App, owner: UserId, files: &[File]) -> Result<Report> {
    let mut drafts = Vec::with_capacity(files.len());
    for f in files {
        let input = parse(&f.text);
        let draft = read_draft(app, &input, None).map_err(|e| match e {
            AppError::Validation(fields) => AppError::Validation(
                fields
                    .into_iter()
                    .map(|mut x| {
                        x.field = format!("{}: {}", f.name, x.field);
                        x
                    })
                    .collect(),
            ),
            other => other,
        })?;
        drafts.push((f, input, draft));
    }
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let mut report = Report::default();
    for (f, input, draft) in drafts {
        match store::by_source_path(&mut tx, &f.name).await? {
            None => {
                write_created(&mut tx, None, owner, &draft, Some(&f.name), now).await?;
                report.created += 1;
            }
            Some(before) => {
                // A file without a review date keeps the one the article has.
                let mut draft = draft;
                if input.review_by.is_none() {
                    draft.review_by = before.draft.review_by;
                }
                if draft == before.draft {
                    report.unchanged += 1;
                } else {
                    write_changed(&mut tx, None, owner, &before, &draft, now).await?;
                    report.changed += 1;
                }
            }
        }
    }
    tx.commit().await?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_or_first_heading_gives_the_title() {
        let a = parse("---\ntitle: Schulden\nsummary: Eerste stappen\nlife_domains: finances, housing\n---\n\nTekst.");
        assert_eq!(a.title.as_deref(), Some("Schulden"));
        assert_eq!(a.summary.as_deref(), Some("Eerste stappen"));
        assert_eq!(a.life_domains, Some(vec!["finances".to_owned(), "housing".to_owned()]));
        assert_eq!(a.body_markdown.as_deref(), Some("Tekst."));
        let b = parse("# Schoolverzuim\n\nWat je doet als een kind **niet** naar school gaat.\n\nMeer.");
        assert_eq!(b.title.as_deref(), Some("Schoolverzuim"));
        assert_eq!(b.summary.as_deref(), Some("Wat je doet als een kind niet naar school gaat."));
        assert!(b.body_markdown.as_deref().is_some_and(|t| t.starts_with("Wat je doet")));
    }
}
