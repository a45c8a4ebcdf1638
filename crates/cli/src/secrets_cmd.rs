//! The key for secrets at rest (decision 0026): where `serve` gets it, the check at start-up,
//! `buurtteam secrets new-key` and `buurtteam secrets rotate`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use buurtteam_app::App;
use buurtteam_app::secrets::{self, Keyring};
use clap::{Args, Subcommand};

/// The variable that may hold the key itself (base64) instead of a file; never a flag, so the
/// key does not show in the process list.
const KEY_VAR: &str = "BUURTTEAM_SECRET_KEY";

/// The key that encrypts the secrets the server stores (TOTP secrets, single sign-on tokens).
#[derive(Args, Clone, Default)]
pub struct KeyArgs {
    /// A file holding the key for secrets at rest: 32 random bytes in base64 (make one with
    /// `buurtteam secrets new-key`). BUURTTEAM_SECRET_KEY may hold the key itself instead.
    #[arg(long, env = "BUURTTEAM_SECRET_KEY_FILE")]
    pub secret_key_file: Option<PathBuf>,
    /// Earlier keys, comma-separated files: still read, never written with (while rotating).
    #[arg(long, env = "BUURTTEAM_SECRET_KEY_OLD_FILES", value_delimiter = ',')]
    pub secret_key_old_files: Vec<PathBuf>,
}

impl KeyArgs {
    /// Whether a current key was given (as a file or in BUURTTEAM_SECRET_KEY).
    pub fn given(&self) -> bool {
        self.secret_key_file.is_some() || std::env::var_os(KEY_VAR).is_some_and(|v| !v.is_empty())
    }

    /// The keyring these arguments give: empty when no key was given.
    pub fn keyring(&self) -> anyhow::Result<Keyring> {
        let from_var = std::env::var(KEY_VAR).ok().filter(|v| !v.trim().is_empty());
        let current = match (&self.secret_key_file, from_var) {
            (Some(_), Some(_)) => bail!("give the key for secrets once: BUURTTEAM_SECRET_KEY_FILE or {KEY_VAR}"),
            (Some(path), None) => Some(secrets::read_key_file(path)?),
            (None, Some(text)) => Some(secrets::parse_key(&text, KEY_VAR)?),
            (None, None) => None,
        };
        let mut old = Vec::new();
        for path in self.secret_key_old_files.iter().filter(|p| !p.as_os_str().is_empty()) {
            old.push(secrets::read_key_file(path)?);
        }
        match current {
            Some(key) => Ok(Keyring::new(&key, &old)),
            None if old.is_empty() => Ok(Keyring::none()),
            None => bail!("BUURTTEAM_SECRET_KEY_OLD_FILES needs the current key too (BUURTTEAM_SECRET_KEY_FILE)"),
        }
    }
}

#[derive(Subcommand)]
pub enum SecretsCommand {
    /// Write a new random key to a file (readable by its owner only), for BUURTTEAM_SECRET_KEY_FILE.
    NewKey {
        /// The file to write; an existing file is never overwritten.
        #[arg(long)]
        to: PathBuf,
    },
    /// Re-encrypt every stored secret with the current key; give the earlier keys in
    /// BUURTTEAM_SECRET_KEY_OLD_FILES. Afterwards the earlier keys are no longer needed.
    Rotate {
        #[command(flatten)]
        db: crate::DbArgs,
        #[command(flatten)]
        keys: KeyArgs,
    },
}

pub async fn run(command: SecretsCommand) -> anyhow::Result<()> {
    match command {
        SecretsCommand::NewKey { to } => {
            let id = write_new_key(&to)?;
            println!("key written: {} (key id {id})", to.display());
            Ok(())
        }
        SecretsCommand::Rotate { db, keys } => {
            let ring = keys.keyring()?;
            let Some(current) = ring.current_id().map(str::to_owned) else {
                bail!(
                    "rotating needs the new key in BUURTTEAM_SECRET_KEY_FILE and the old ones in BUURTTEAM_SECRET_KEY_OLD_FILES"
                );
            };
            let app =
                App::new(crate::open(&db.database_url).await?, buurtteam_app::Settings::default()).with_secrets(ring);
            let done = secrets::rotate(&app).await.map_err(crate::describe)?;
            if let Some(first) = done.failed.first() {
                bail!(
                    "{} secrets could not be decrypted with the keys given (first: {first}); {} were re-encrypted with key {current}",
                    done.failed.len(),
                    done.resealed
                );
            }
            println!(
                "{} secrets re-encrypted with key {current} ({} were already); none need another key",
                done.resealed, done.current
            );
            Ok(())
        }
    }
}

/// Writes a fresh key to `path` (mode 0600, never over an existing file); returns its id.
pub fn write_new_key(path: &Path) -> anyhow::Result<String> {
    let key = secrets::new_key();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).with_context(|| format!("cannot create the key file {}", path.display()))?;
    file.write_all(format!("{key}\n").as_bytes())
        .and_then(|()| file.sync_all())
        .with_context(|| format!("cannot write the key file {}", path.display()))?;
    let bytes = secrets::parse_key(&key, "the new key")?;
    Ok(Keyring::new(&bytes, &[]).current_id().unwrap_or_default().to_owned())
}

/// When a server starts: its keys must fit the database (else one clear line and no start);
/// values still in plain text are encrypted.
pub async fn at_start(app: &App) -> anyhow::Result<()> {
    let sealed = secrets::seal_plaintext(app).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    if sealed > 0 {
        tracing::info!(sealed, "encrypted secrets stored before encryption at rest (decision 0026)");
    }
    if app.secrets.current_id().is_none() {
        tracing::warn!(
            "no key for secrets at rest (BUURTTEAM_SECRET_KEY_FILE): setting up a second factor and single sign-on \
             are refused until one is given (docs/operations.md)"
        );
    }
    Ok(())
}
