//! One `serve` per SQLite file. SQLite takes writes from one process at a time; a second
//! server on the same file would wait on the first one's locks and answer 503s (and `demo`
//! would delete the database under the first). The lock is `<file>.lock`, held with an
//! advisory lock for as long as the process lives: the operating system releases it when the
//! process ends, also after `kill -9`, so a stale lock file never blocks a restart.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

/// Holds the lock until dropped.
#[derive(Debug)]
pub struct ServeLock {
    _file: File,
}

/// The file of an SQLite URL (`sqlite://path?...`, `sqlite:path`), `None` for other databases
/// and for in-memory ones.
pub fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let file = rest.split('?').next().unwrap_or(rest);
    (!file.is_empty() && file != ":memory:").then(|| PathBuf::from(file))
}

/// Takes the serve lock of the database at `url`; fails with one line naming the file when
/// another process holds it. Does nothing for PostgreSQL, which many nodes may share.
pub fn take(url: &str) -> anyhow::Result<Option<ServeLock>> {
    let Some(db) = sqlite_file(url) else { return Ok(None) };
    take_file(&db).map(Some)
}

/// Takes the serve lock of the SQLite file `db` (which need not exist yet).
pub fn take_file(db: &Path) -> anyhow::Result<ServeLock> {
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    let path = PathBuf::from(name);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create the folder {}", dir.display()))?;
    }
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot open the lock file {}", path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(ServeLock { _file: file }),
        Err(TryLockError::WouldBlock) => bail!(
            "another buurtteam server is already using {} (it holds {}); stop it first",
            db.display(),
            path.display()
        ),
        Err(TryLockError::Error(e)) => Err(e).with_context(|| format!("cannot lock {}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_file_of_an_sqlite_url() {
        assert_eq!(sqlite_file("sqlite://data/demo.db"), Some(PathBuf::from("data/demo.db")));
        assert_eq!(sqlite_file("sqlite:/tmp/x.db?mode=rwc"), Some(PathBuf::from("/tmp/x.db")));
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://bt@db/bt"), None);
    }

    #[test]
    fn a_second_lock_on_one_file_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("bt.db");
        let first = take_file(&db).expect("first lock");
        let err = take_file(&db).expect_err("second lock").to_string();
        assert!(err.contains("already using") && err.contains("bt.db"), "{err}");
        drop(first);
        take_file(&db).expect("the lock is free again");
    }
}
