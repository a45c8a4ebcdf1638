//! `buurtteam backup --to FILE`: a consistent copy of a running SQLite database, checked before
//! it is kept (docs/operations.md, "Backups"). PostgreSQL has its own tools for this.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use buurtteam_store::Db;
use clap::Args;

#[derive(Args)]
pub struct BackupArgs {
    #[command(flatten)]
    db: crate::DbArgs,
    /// The file to write the copy to; an existing file is never overwritten.
    #[arg(long)]
    to: PathBuf,
}

pub async fn run(args: &BackupArgs) -> anyhow::Result<()> {
    let url = &args.db.database_url;
    let Some(source) = crate::lock::sqlite_file(url) else {
        bail!(
            "`buurtteam backup` copies SQLite databases; back up PostgreSQL with pg_basebackup and WAL archiving \
             (or pg_dump), see docs/operations.md, \"Backups\""
        );
    };
    if !source.is_file() {
        bail!("there is no database at {}", source.display());
    }
    let to = &args.to;
    if to.exists() {
        bail!("{} exists already; a backup never overwrites a file", to.display());
    }
    let dir = to.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    // Written under a temporary name beside the target and checked there, so that the target
    // only ever names a complete, checked copy.
    let name = to.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "backup".into());
    let partial = dir.join(format!(".{name}.partial-{}", std::process::id()));
    let outcome = copy_and_check(url, &partial).await;
    let rows = match outcome {
        Ok(rows) => rows,
        Err(e) => {
            remove_with_companions(&partial);
            return Err(e);
        }
    };
    // A hard link does not replace an existing file (as a rename would): a file that appeared
    // at the target meanwhile is kept, and the copy is not.
    let linked = std::fs::hard_link(&partial, to);
    remove_with_companions(&partial);
    linked.with_context(|| format!("cannot write {}", to.display()))?;
    sync_dir(dir)?;
    match rows {
        Checked::Verified(n) => {
            println!("backup written: {} ({n} audit rows verified)", to.display());
            Ok(())
        }
        Checked::Broken(what) => bail!("backup written: {}, but its audit log does not verify: {what}", to.display()),
    }
}

enum Checked {
    Verified(u64),
    Broken(String),
}

/// Copies the database at `url` to `partial`, flushes it to disk, opens the copy and verifies
/// its audit chain.
async fn copy_and_check(url: &str, partial: &Path) -> anyhow::Result<Checked> {
    let source = Db::connect(url)
        .await
        .with_context(|| format!("cannot open the database {}", buurtteam_store::db_redact(url)))?;
    let path = partial.to_str().context("the backup's folder name is not UTF-8")?;
    let copied = source.backup_into(path).await;
    source.close().await;
    copied.context("copying the database failed")?;
    std::fs::File::open(partial)
        .and_then(|f| f.sync_all())
        .with_context(|| format!("cannot flush {} to disk", partial.display()))?;

    let copy = Db::connect(&format!("sqlite://{path}")).await.context("the copy does not open")?;
    let verified = buurtteam_store::audit::chain::verify(&copy).await;
    copy.close().await;
    let verified = verified.context("the copy's audit log cannot be read")?;
    Ok(match verified.first_broken() {
        None => Checked::Verified(verified.rows),
        Some(b) => Checked::Broken(format!("row {:?}: {:?}", b.id, b.problem)),
    })
}

/// Removes a file and the `-wal` and `-shm` files SQLite may have left beside it.
fn remove_with_companions(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

/// Makes a new name in `dir` durable.
fn sync_dir(dir: &Path) -> anyhow::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(dir).and_then(|d| d.sync_all()).with_context(|| format!("cannot flush {}", dir.display()))?;
    Ok(())
}
