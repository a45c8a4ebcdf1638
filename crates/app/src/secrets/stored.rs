//! The encrypted columns as a whole: what they hold (by key), the check a server makes when it
//! starts (its keys fit the database; plain values from before decision 0026 are encrypted),
//! and rotation to the current key.

use std::collections::BTreeMap;

use buurtteam_store::secrets::{self as store, Column, Stored};

use super::{Keyring, Place, SecretError, is_sealed, key_id_of};
use crate::{App, AppError};

/// What the encrypted columns hold: values still in plain text, and encrypted values by the id
/// of their key.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Census {
    pub plain: u64,
    pub by_key: BTreeMap<String, u64>,
}

impl Census {
    pub fn sealed(&self) -> u64 {
        self.by_key.values().sum()
    }

    /// Encrypted values whose key `ring` does not hold: (key id, how many).
    pub fn unknown_to(&self, ring: &Keyring) -> Vec<(String, u64)> {
        self.by_key.iter().filter(|(id, _)| !ring.knows(id)).map(|(id, n)| (id.clone(), *n)).collect()
    }
}

async fn everything(app: &App) -> Result<Vec<Stored>, AppError> {
    let mut tx = app.db.begin_read().await?;
    let mut all = Vec::new();
    for column in Column::ALL {
        all.extend(store::all(&mut tx, column).await?);
    }
    Ok(all)
}

/// Counts what the encrypted columns hold.
pub async fn census(app: &App) -> Result<Census, AppError> {
    let mut census = Census::default();
    for s in everything(app).await? {
        match key_id_of(&s.value) {
            Some(id) => *census.by_key.entry(id.to_owned()).or_default() += 1,
            None => census.plain += 1,
        }
    }
    Ok(census)
}

/// Why a server does not start with the keys it was given.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(
        "the database holds {0} encrypted secrets and this server was given no key: set BUURTTEAM_SECRET_KEY_FILE \
         (docs/operations.md, \"Secrets and the key\")"
    )]
    NoKey(u64),
    #[error(
        "the database holds {0} unencrypted second-factor secrets and this server was given no key to encrypt them: \
         set BUURTTEAM_SECRET_KEY_FILE (docs/operations.md, \"Secrets and the key\")"
    )]
    PlainWithoutKey(u64),
    #[error(
        "the database holds {count} secrets encrypted with key {key_id}, which this server was not given (the wrong \
         key file?): give that key, or name it in BUURTTEAM_SECRET_KEY_OLD_FILES while rotating"
    )]
    UnknownKey { key_id: String, count: u64 },
    #[error(transparent)]
    App(#[from] AppError),
}

/// Run when a server starts: refuses keys that do not fit the database (none given while it
/// holds secrets; a value under a key not given), then encrypts the values still in plain text
/// (from before decision 0026) with the current key. Returns how many it encrypted.
pub async fn seal_plaintext(app: &App) -> Result<u64, StartError> {
    let ring = &app.secrets;
    let census = census(app).await?;
    if ring.current_id().is_none() {
        if census.sealed() > 0 {
            return Err(StartError::NoKey(census.sealed()));
        }
        if census.plain > 0 {
            return Err(StartError::PlainWithoutKey(census.plain));
        }
        return Ok(0);
    }
    if let Some((key_id, count)) = census.unknown_to(ring).into_iter().next() {
        return Err(StartError::UnknownKey { key_id, count });
    }
    if census.plain == 0 {
        return Ok(0);
    }
    let plain: Vec<Stored> = everything(app).await?.into_iter().filter(|s| !is_sealed(&s.value)).collect();
    let mut sealed = Vec::with_capacity(plain.len());
    for s in plain {
        let value = ring.seal(Place { column: s.column, row: &s.row }, &s.value).map_err(AppError::from)?;
        sealed.push((s, value));
    }
    Ok(replace_all(app, sealed).await?)
}

/// What a rotation did.
#[derive(Debug, Default)]
pub struct Rotated {
    /// Values now encrypted with the current key that were not before.
    pub resealed: u64,
    /// Values already under the current key.
    pub current: u64,
    /// Values that could not be decrypted with any key given (each named): they stay as they
    /// are; the users concerned set up their second factor again.
    pub failed: Vec<SecretError>,
}

/// Re-encrypts every value that is not under the current key (old keys, plain text) with the
/// current key. Values that change meanwhile (a new enrolment) are left to their new value,
/// which the server wrote with the current key already.
pub async fn rotate(app: &App) -> Result<Rotated, AppError> {
    let ring = &app.secrets;
    let Some(current) = ring.current_id() else { return Err(SecretError::NoKey.into()) };
    let mut out = Rotated::default();
    let mut todo = Vec::new();
    for s in everything(app).await? {
        if key_id_of(&s.value) == Some(current) {
            out.current += 1;
            continue;
        }
        let place = Place { column: s.column, row: &s.row };
        let plain = if is_sealed(&s.value) { ring.open(place, &s.value) } else { Ok(s.value.clone()) };
        match plain.and_then(|p| ring.seal(place, &p)) {
            Ok(value) => todo.push((s, value)),
            Err(e) => out.failed.push(e),
        }
    }
    out.resealed = replace_all(app, todo).await?;
    Ok(out)
}

/// Writes the new values in one transaction; returns how many rows still held the old value.
async fn replace_all(app: &App, values: Vec<(Stored, String)>) -> Result<u64, AppError> {
    app.db
        .write(move |tx| {
            Box::pin(async move {
                let mut n = 0;
                for (s, value) in &values {
                    if store::replace(tx, s, value).await? {
                        n += 1;
                    }
                }
                Ok::<_, AppError>(n)
            })
        })
        .await
}
