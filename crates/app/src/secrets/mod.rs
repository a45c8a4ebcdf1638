//! Secrets at rest (decision 0026): the values the application must read back (the TOTP
//! secret, a single sign-on session's ID token, a log-in's PKCE verifier) are stored encrypted
//! with a key given to the server, so that a copy of the database alone does not reveal them.
//!
//! A stored value reads `v1:<key id>:<nonce>:<ciphertext>`: ChaCha20-Poly1305 (an AEAD) with a
//! random 96-bit nonce, both in unpadded base64url, and the column and row as associated data,
//! so a value copied into another row (or column) does not decrypt. The key id is derived from
//! the key itself: values name the key they need, and during a rotation the server reads with
//! the old keys while it writes with the current one. What is stored where: `stored`.

mod stored;

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ring::aead::{Aad, CHACHA20_POLY1305, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use sha2::{Digest, Sha256};

pub use buurtteam_store::secrets::Column;
pub use stored::{Census, Rotated, StartError, census, rotate, seal_plaintext};

/// The version prefix of an encrypted value.
const PREFIX: &str = "v1";

/// Why a secret could not be sealed or opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    #[error("this server has no key for secrets (BUURTTEAM_SECRET_KEY_FILE); see docs/operations.md")]
    NoKey,
    #[error("{place} is encrypted with key {key_id}, which this server was not given")]
    UnknownKey { place: String, key_id: String },
    /// The tag does not fit: the value was changed, or copied from another row or column.
    #[error("{place} does not decrypt: it was changed, or it belongs to another row")]
    Tampered { place: String },
    #[error("{place} is not encrypted")]
    NotSealed { place: String },
    #[error("{place} is not a value this server writes")]
    Malformed { place: String },
}

/// Why a key could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("{0} is not a key: it must hold 32 random bytes in base64 (make one with `buurtteam secrets new-key`)")]
    NotAKey(String),
    #[error("cannot read the key file {0}: {1}")]
    Unreadable(String, String),
}

/// Where a value is stored: its column and its row's key. Bound into the value (associated
/// data), so a value decrypts only where it was written.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    pub column: Column,
    pub row: &'a str,
}

impl Place<'_> {
    fn aad(&self) -> String {
        format!("buurtteam:{}:{}", self.column.name(), self.row)
    }

    fn describe(&self) -> String {
        format!("{} of row {}", self.column.name(), self.row)
    }
}

/// One key: its id and the cipher (the key bytes themselves are not kept).
struct Key {
    id: String,
    cipher: LessSafeKey,
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Key({})", self.id)
    }
}

impl Key {
    fn new(bytes: &[u8; 32]) -> Self {
        let mut h = Sha256::new();
        h.update(b"buurtteam secret key id\0");
        h.update(bytes);
        let id = h.finalize().iter().take(4).map(|b| format!("{b:02x}")).collect();
        // 32 bytes is the key length of ChaCha20-Poly1305: this cannot fail.
        let unbound = UnboundKey::new(&CHACHA20_POLY1305, bytes).unwrap_or_else(|_| unreachable!("32-byte key"));
        Self { id, cipher: LessSafeKey::new(unbound) }
    }
}

/// The keys a server was given: the current one (used to encrypt, and to decrypt), and old
/// ones (only to decrypt, while their values are rotated). Never printed: `Debug` shows ids.
#[derive(Debug, Default)]
pub struct Keyring {
    current: Option<Key>,
    old: Vec<Key>,
}

/// 32 fresh random bytes in base64: a new key as a key file holds it.
pub fn new_key() -> String {
    let mut bytes = [0u8; 32];
    rand::fill(&mut bytes);
    STANDARD.encode(bytes)
}

/// A key from its text (base64 of 32 bytes; surrounding white space is ignored). `what` names
/// where it came from in the error.
pub fn parse_key(text: &str, what: &str) -> Result<[u8; 32], KeyError> {
    let trimmed = text.trim();
    let bytes = STANDARD
        .decode(trimmed)
        .or_else(|_| URL_SAFE_NO_PAD.decode(trimmed.trim_end_matches('=')))
        .map_err(|_| KeyError::NotAKey(what.to_owned()))?;
    bytes.try_into().map_err(|_| KeyError::NotAKey(what.to_owned()))
}

/// A key from a file (see [`parse_key`]). A file that others than its owner may read is
/// accepted with a warning in the log.
pub fn read_key_file(path: &std::path::Path) -> Result<[u8; 32], KeyError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| KeyError::Unreadable(shown.clone(), e.to_string()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(path)
            && meta.permissions().mode() & 0o077 != 0
        {
            tracing::warn!(file = %shown, "the key file may be read by others than its owner: chmod 600 it");
        }
    }
    parse_key(&text, &shown)
}

impl Keyring {
    /// No key: nothing can be sealed or opened (a server that stores no secrets yet).
    pub fn none() -> Self {
        Self::default()
    }

    /// The current key and the old ones still to be read.
    pub fn new(current: &[u8; 32], old: &[[u8; 32]]) -> Self {
        let current = Key::new(current);
        let old = old.iter().map(Key::new).filter(|k| k.id != current.id).collect();
        Self { current: Some(current), old }
    }

    /// A random key that lives as long as the process (tests).
    pub fn ephemeral() -> Self {
        let mut bytes = [0u8; 32];
        rand::fill(&mut bytes);
        Self::new(&bytes, &[])
    }

    /// The id of the current key (shown on the settings page and by the commands; it tells keys
    /// apart without revealing them).
    pub fn current_id(&self) -> Option<&str> {
        self.current.as_ref().map(|k| k.id.as_str())
    }

    /// The ids of the old keys.
    pub fn old_ids(&self) -> Vec<&str> {
        self.old.iter().map(|k| k.id.as_str()).collect()
    }

    /// Whether this keyring holds the key with this id.
    pub fn knows(&self, id: &str) -> bool {
        self.key(id).is_some()
    }

    fn key(&self, id: &str) -> Option<&Key> {
        self.current.iter().chain(&self.old).find(|k| k.id == id)
    }

    /// Encrypts `plain` for `place` with the current key.
    pub fn seal(&self, place: Place<'_>, plain: &str) -> Result<String, SecretError> {
        let key = self.current.as_ref().ok_or(SecretError::NoKey)?;
        let mut nonce = [0u8; NONCE_LEN];
        rand::fill(&mut nonce);
        let mut data = plain.as_bytes().to_vec();
        let aad = place.aad();
        key.cipher
            .seal_in_place_append_tag(Nonce::assume_unique_for_key(nonce), Aad::from(aad.as_bytes()), &mut data)
            .map_err(|_| SecretError::Malformed { place: place.describe() })?;
        Ok(format!("{PREFIX}:{}:{}:{}", key.id, URL_SAFE_NO_PAD.encode(nonce), URL_SAFE_NO_PAD.encode(&data)))
    }

    /// Decrypts a stored value of `place`.
    pub fn open(&self, place: Place<'_>, stored: &str) -> Result<String, SecretError> {
        let (key_id, nonce, mut data) = split(place, stored)?;
        let key = self.key(key_id).ok_or_else(|| {
            if self.current.is_none() {
                SecretError::NoKey
            } else {
                SecretError::UnknownKey { place: place.describe(), key_id: key_id.to_owned() }
            }
        })?;
        let aad = place.aad();
        let plain = key
            .cipher
            .open_in_place(Nonce::assume_unique_for_key(nonce), Aad::from(aad.as_bytes()), &mut data)
            .map_err(|_| SecretError::Tampered { place: place.describe() })?;
        String::from_utf8(plain.to_vec()).map_err(|_| SecretError::Malformed { place: place.describe() })
    }
}

/// Whether a stored value is encrypted (as opposed to a plain value from before decision 0026).
pub fn is_sealed(stored: &str) -> bool {
    stored.starts_with("v1:")
}

/// The id of the key a stored value needs, if it is encrypted.
pub fn key_id_of(stored: &str) -> Option<&str> {
    let rest = stored.strip_prefix("v1:")?;
    rest.split(':').next()
}

fn split<'s>(place: Place<'_>, stored: &'s str) -> Result<(&'s str, [u8; NONCE_LEN], Vec<u8>), SecretError> {
    let malformed = || SecretError::Malformed { place: place.describe() };
    if !is_sealed(stored) {
        return Err(SecretError::NotSealed { place: place.describe() });
    }
    let mut parts = stored.splitn(4, ':').skip(1);
    let (Some(key_id), Some(nonce), Some(data)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(malformed());
    };
    let nonce: [u8; NONCE_LEN] =
        URL_SAFE_NO_PAD.decode(nonce).ok().and_then(|n| n.try_into().ok()).ok_or_else(malformed)?;
    let data = URL_SAFE_NO_PAD.decode(data).map_err(|_| malformed())?;
    Ok((key_id, nonce, data))
}

impl From<SecretError> for crate::AppError {
    fn from(e: SecretError) -> Self {
        tracing::error!(error = %e, "a secret at rest could not be used");
        Self::Internal(e.to_string())
    }
}

/// The place of a user's TOTP secret.
pub fn totp_place(user: &str) -> Place<'_> {
    Place { column: Column::TotpSecret, row: user }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> [u8; 32] {
        [n; 32]
    }

    const SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    #[test]
    fn a_sealed_value_opens_in_its_own_place_and_shows_nothing_of_the_secret() {
        let ring = Keyring::new(&key(1), &[]);
        let place = totp_place("7");
        let sealed = ring.seal(place, SECRET).expect("seal");
        assert!(sealed.starts_with(&format!("v1:{}:", ring.current_id().expect("id"))), "{sealed}");
        assert!(!sealed.contains(SECRET) && !sealed.contains("JBSWY3"), "no plain text: {sealed}");
        assert_ne!(sealed, ring.seal(place, SECRET).expect("seal"), "a fresh nonce each time");
        assert_eq!(ring.open(place, &sealed).expect("open"), SECRET);
    }

    #[test]
    fn a_value_moved_to_another_row_or_column_or_changed_does_not_open() {
        let ring = Keyring::new(&key(1), &[]);
        let sealed = ring.seal(totp_place("7"), SECRET).expect("seal");
        assert!(matches!(ring.open(totp_place("8"), &sealed), Err(SecretError::Tampered { .. })));
        let other_column = Place { column: Column::SsoIdToken, row: "7" };
        assert!(matches!(ring.open(other_column, &sealed), Err(SecretError::Tampered { .. })));
        // One bit of the ciphertext flipped.
        let (head, tail) = sealed.rsplit_once(':').expect("parts");
        let mut bytes = URL_SAFE_NO_PAD.decode(tail).expect("b64");
        bytes[0] ^= 1;
        let flipped = format!("{head}:{}", URL_SAFE_NO_PAD.encode(bytes));
        assert!(matches!(ring.open(totp_place("7"), &flipped), Err(SecretError::Tampered { .. })));
        assert!(matches!(ring.open(totp_place("7"), SECRET), Err(SecretError::NotSealed { .. })));
        assert!(matches!(ring.open(totp_place("7"), "v1:abc"), Err(SecretError::Malformed { .. })));
    }

    #[test]
    fn another_key_is_refused_by_name_and_an_old_key_still_reads() {
        let first = Keyring::new(&key(1), &[]);
        let sealed = first.seal(totp_place("7"), SECRET).expect("seal");
        let wrong = Keyring::new(&key(2), &[]);
        let Err(SecretError::UnknownKey { key_id, .. }) = wrong.open(totp_place("7"), &sealed) else {
            panic!("the wrong key is named");
        };
        assert_eq!(Some(key_id.as_str()), first.current_id());
        assert_eq!(Keyring::none().open(totp_place("7"), &sealed), Err(SecretError::NoKey));
        assert_eq!(Keyring::none().seal(totp_place("7"), SECRET), Err(SecretError::NoKey));
        let rotating = Keyring::new(&key(2), &[key(1)]);
        assert_eq!(rotating.open(totp_place("7"), &sealed).expect("old key reads"), SECRET);
        let resealed = rotating.seal(totp_place("7"), SECRET).expect("seal");
        assert_eq!(key_id_of(&resealed), rotating.current_id(), "written with the current key");
    }

    #[test]
    fn keys_are_read_from_base64_and_never_printed() {
        let text = new_key();
        let bytes = parse_key(&format!("{text}\n"), "the file").expect("parse");
        let ring = Keyring::new(&bytes, &[]);
        let shown = format!("{ring:?}");
        assert!(!shown.contains(&text) && shown.contains(ring.current_id().expect("id")), "{shown}");
        assert!(parse_key("c2hvcnQ=", "BUURTTEAM_SECRET_KEY").is_err(), "too short");
        assert!(parse_key("not base64 at all!", "x").is_err());
        assert_ne!(new_key(), text);
    }
}
