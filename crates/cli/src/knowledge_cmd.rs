//! `buurtteam import knowledge DIR`: reads the Markdown files of a folder (and its subfolders)
//! and hands them to `app::knowledge::import`, which checks every file before it writes any.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use buurtteam_app::App;
use buurtteam_app::knowledge::import::{self, File};
use buurtteam_domain::codes::Role;
use buurtteam_domain::ids::UserId;
use clap::Args;

#[derive(Args)]
pub struct KnowledgeArgs {
    /// The folder of Markdown files (`*.md`); each file is known by its path in the folder,
    /// so importing the folder again changes only the articles whose file changed.
    pub dir: PathBuf,
    /// The e-mail address of the staff member who owns the imported articles (default: the
    /// first active admin).
    #[arg(long)]
    pub owner: Option<String>,
}

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let entries = std::fs::read_dir(dir).with_context(|| format!("cannot read the folder {}", dir.display()))?;
    for entry in entries {
        let path = entry.with_context(|| format!("cannot read the folder {}", dir.display()))?.path();
        if path.is_dir() {
            markdown_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("md")) {
            out.push(path);
        }
    }
    Ok(())
}

/// The files of the folder, by their path in it (`/` between folders), in name order.
pub fn read_folder(dir: &Path) -> anyhow::Result<Vec<File>> {
    let mut paths = Vec::new();
    markdown_files(dir, &mut paths)?;
    paths.sort();
    if paths.is_empty() {
        bail!("no Markdown files (*.md) in {}", dir.display());
    }
    paths
        .into_iter()
        .map(|p| {
            let name = p
                .strip_prefix(dir)
                .unwrap_or(&p)
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            let bytes = std::fs::read(&p).with_context(|| format!("cannot read {}", p.display()))?;
            let text = String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("{name}: the file is not UTF-8 text"))?;
            Ok(File { name, text })
        })
        .collect()
}

async fn owner(app: &App, email: Option<&str>) -> anyhow::Result<UserId> {
    let mut tx = app.db.begin_read().await?;
    let users = buurtteam_store::organisation::list_users(&mut tx).await?;
    let found = match email {
        Some(e) => users.iter().find(|u| u.email.eq_ignore_ascii_case(e.trim()) && u.active && u.role.is_staff()),
        None => users.iter().find(|u| u.role == Role::Admin && u.active),
    };
    match (found, email) {
        (Some(u), _) => Ok(u.id),
        (None, Some(e)) => bail!("--owner: no active staff member has the e-mail address {e}"),
        (None, None) => bail!("no active admin to own the articles; name one with --owner EMAIL"),
    }
}

pub async fn run(app: &App, args: &KnowledgeArgs) -> anyhow::Result<()> {
    let files = read_folder(&args.dir)?;
    let owner = owner(app, args.owner.as_deref()).await?;
    let report = import::run(app, owner, &files).await.map_err(super::describe)?;
    println!(
        "Imported {} files from {}: {} new, {} changed, {} unchanged.",
        files.len(),
        args.dir.display(),
        report.created,
        report.changed,
        report.unchanged
    );
    Ok(())
}

/// The articles written for the demo (`data/knowledge`), imported as the folder would be.
const DEMO: &[(&str, &str)] = &[
    ("complexe-scheidingen.md", include_str!("../../../data/knowledge/complexe-scheidingen.md")),
    ("contactvorm-kiezen.md", include_str!("../../../data/knowledge/contactvorm-kiezen.md")),
    ("ruzie-in-huis.md", include_str!("../../../data/knowledge/ruzie-in-huis.md")),
    ("samenwerking-huisarts.md", include_str!("../../../data/knowledge/samenwerking-huisarts.md")),
    ("schoolverzuim.md", include_str!("../../../data/knowledge/schoolverzuim.md")),
    ("schulden-eerste-stappen.md", include_str!("../../../data/knowledge/schulden-eerste-stappen.md")),
];

/// Seeds the demo's knowledge base, owned by the demo's admin (or else its first staff member).
pub async fn seed_demo(app: &App) -> anyhow::Result<usize> {
    let owner = match owner(app, None).await {
        Ok(id) => id,
        Err(_) => {
            let mut tx = app.db.begin_read().await?;
            let users = buurtteam_store::organisation::list_users(&mut tx).await?;
            users.iter().find(|u| u.active && u.role.is_staff()).map(|u| u.id).context("no staff in the demo")?
        }
    };
    let files: Vec<File> =
        DEMO.iter().map(|(name, text)| File { name: format!("demo/{name}"), text: (*text).to_owned() }).collect();
    let report = import::run(app, owner, &files).await.map_err(super::describe)?;
    Ok(report.created)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_article_names_its_title_summary_and_life_domains() {
        for (name, text) in DEMO {
            let input = import::parse(text);
            assert!(input.title.as_deref().is_some_and(|t| !t.is_empty()), "{name}");
            assert!(input.summary.as_deref().is_some_and(|s| s.len() > 40), "{name}");
            assert!(input.life_domains.as_ref().is_some_and(|d| !d.is_empty()), "{name}");
        }
        let on_disk = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/knowledge"))
            .map(|d| d.filter_map(Result::ok).filter(|e| e.path().extension().is_some_and(|x| x == "md")).count())
            .unwrap_or_default();
        assert_eq!(on_disk, DEMO.len(), "every file in data/knowledge is seeded");
    }
}
