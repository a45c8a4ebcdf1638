//! The TOTP second factor: enrolment with a QR code, checking codes (each time step once),
//! recovery codes (only their hashes kept, each used once), turning it off.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::policy::Actor;
use buurtteam_domain::validation::Errors;
use buurtteam_store::{credentials, organisation};
use jiff::Timestamp;
use sha2::{Digest, Sha256};

use super::hex;
use super::passwords::{bounded, verify_password};
use crate::{App, AppError, Result, audit_entry, secrets};

pub(super) fn wrong_code() -> buurtteam_domain::validation::FieldError {
    let mut e = buurtteam_domain::validation::FieldError::new("code", "is not a valid code; try the next one");
    e.code("wrong_code");
    e
}

/// The TOTP parameters everyone's authenticator app expects: SHA-1, 6 digits, 30 s, one
/// step of clock skew either way.
fn totp(secret_base32: &str) -> Option<totp_rs::Totp> {
    let secret = totp_rs::Secret::try_from_base32(secret_base32).ok()?;
    totp_rs::Builder::new()
        .with_algorithm(totp_rs::Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(secret)
        .build()
        .ok()
}

fn now_secs(now: Timestamp) -> u64 {
    u64::try_from(now.as_second()).unwrap_or(0)
}

/// Checks a TOTP code (each time step is accepted once) or an unused recovery code (used up).
pub(super) async fn check_second_factor(
    app: &App,
    creds: &credentials::Credentials,
    code: &str,
    now: Timestamp,
) -> Result<bool> {
    let code: String = code.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    let Some(secret) = totp_secret(app, creds)? else { return Ok(false) };
    let user = creds.user_id;
    if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
        let Some(step) = totp(&secret).and_then(|t| t.check(&code, now_secs(now))) else { return Ok(false) };
        let step = i64::try_from(step).unwrap_or(i64::MAX);
        return app
            .db
            .write(move |tx| Box::pin(async move { Ok(credentials::use_totp_step(tx, user, step).await?) }))
            .await;
    }
    let hash = recovery_hash(&code);
    let mut tx = app.db.begin_read().await?;
    let codes = credentials::unused_recovery_codes(&mut tx, user).await?;
    drop(tx);
    let Some((id, _)) = codes.into_iter().find(|(_, h)| constant_time_eq(h.as_bytes(), hash.as_bytes())) else {
        return Ok(false);
    };
    app.db
        .write(move |tx| {
            Box::pin(async move {
                let used = credentials::use_recovery_code(tx, id, now).await?;
                let mut entry = audit_entry(None, now, AuditAction::AuthRecoveryCodeUsed, "user");
                entry.object_id = Some(user.0);
                buurtteam_store::audit::append(tx, &entry).await?;
                Ok(used)
            })
        })
        .await
}

/// The user's TOTP secret, decrypted (it is stored encrypted: `crate::secrets`).
fn totp_secret(app: &App, creds: &credentials::Credentials) -> Result<Option<String>> {
    let Some(stored) = creds.totp_secret.as_deref() else { return Ok(None) };
    let row = creds.user_id.0.to_string();
    Ok(Some(app.secrets.open(secrets::totp_place(&row), stored)?))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Recovery codes are 80 random bits; a SHA-256 of one cannot be searched back.
fn recovery_hash(code: &str) -> String {
    hex(&Sha256::digest(code.to_lowercase().as_bytes()))
}

/// A second factor being set up: the secret to scan or type into an authenticator app.
pub struct Enrolment {
    pub secret_base32: String,
    /// `otpauth://` URI for the QR code.
    pub uri: String,
}

fn enrolment_of(secret_base32: String, issuer: &str, account: &str) -> Enrolment {
    let esc = |s: &str| -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    let uri = format!(
        "otpauth://totp/{}:{}?secret={secret_base32}&issuer={}&algorithm=SHA1&digits=6&period=30",
        esc(issuer),
        esc(account),
        esc(issuer)
    );
    Enrolment { secret_base32, uri }
}

/// Starts setting up the second factor (or shows the one being set up). Refused while one is
/// in use: turn it off first.
pub async fn begin_enrolment(app: &App, actor: &Actor, issuer: &str) -> Result<Enrolment> {
    let mut tx = app.db.begin_read().await?;
    let creds = credentials::by_user(&mut tx, actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
    let user = organisation::get_user(&mut tx, actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
    drop(tx);
    if creds.totp_enabled_at.is_some() {
        return Err(AppError::Conflict { message: "the second factor is already in use".into(), current_status: None });
    }
    if let Some(secret) = totp_secret(app, &creds)? {
        return Ok(enrolment_of(secret, issuer, &user.email));
    }
    let mut bytes = [0u8; 20];
    rand::fill(&mut bytes);
    let secret = totp_rs::Secret::from(bytes.to_vec()).to_base32();
    let user_id = actor.user_id;
    let stored = app.secrets.seal(secrets::totp_place(&user_id.0.to_string()), &secret)?;
    app.db
        .write(move |tx| {
            Box::pin(async move { Ok::<_, AppError>(credentials::begin_totp(tx, user_id, &stored).await?) })
        })
        .await?;
    Ok(enrolment_of(secret, issuer, &user.email))
}

/// How many recovery codes a user gets.
pub const RECOVERY_CODES: usize = 10;

fn new_recovery_code() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut bytes = [0u8; 16];
    rand::fill(&mut bytes);
    let chars: Vec<char> = bytes.iter().map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char).collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// Confirms the second factor with a first code from the app; returns the recovery codes,
/// shown once (only their hashes are kept).
pub async fn confirm_enrolment(app: &App, actor: &Actor, code: &str) -> Result<Vec<String>> {
    let now = app.now();
    let mut tx = app.db.begin_read().await?;
    let creds = credentials::by_user(&mut tx, actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
    drop(tx);
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let step = match (totp_secret(app, &creds)?, creds.totp_enabled_at) {
        (Some(secret), None) => totp(&secret).and_then(|t| t.check(&code, now_secs(now))),
        _ => {
            return Err(AppError::Conflict {
                message: "there is no second factor being set up".into(),
                current_status: None,
            });
        }
    };
    let Some(step) = step else { return Err(AppError::Validation(vec![wrong_code()])) };
    let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| new_recovery_code()).collect();
    let hashes: Vec<String> = codes.iter().map(|c| recovery_hash(&c.replace('-', ""))).collect();
    let actor = actor.clone();
    let step = i64::try_from(step).unwrap_or(i64::MAX);
    app.db
        .write(move |tx| {
            Box::pin(async move {
                credentials::enable_totp(tx, actor.user_id, step, &hashes, now).await?;
                let mut entry = audit_entry(Some(&actor), now, AuditAction::AuthSecondFactorEnabled, "user");
                entry.object_id = Some(actor.user_id.0);
                buurtteam_store::audit::append(tx, &entry).await?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(codes)
}

/// Turns the second factor off, with the password as proof; refused where the role requires it.
pub async fn disable_second_factor(app: &App, actor: &Actor, password: &str) -> Result<()> {
    if app.settings.second_factor_roles.contains(&actor.role) {
        return Err(AppError::Forbidden("your organisation requires the second factor for your role".into()));
    }
    let now = app.now();
    let mut tx = app.db.begin_read().await?;
    let creds = credentials::by_user(&mut tx, actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
    drop(tx);
    let (pw, hash) = (password.to_owned(), creds.password_hash);
    if !bounded(move || verify_password(&pw, &hash)).await? {
        let mut errors = Errors::default();
        errors.add("password", "is not your current password").code("wrong_password");
        errors.finish()?;
    }
    let actor = actor.clone();
    app.db
        .write(move |tx| {
            Box::pin(async move {
                credentials::disable_totp(tx, actor.user_id).await?;
                let mut entry = audit_entry(Some(&actor), now, AuditAction::AuthSecondFactorDisabled, "user");
                entry.object_id = Some(actor.user_id.0);
                buurtteam_store::audit::append(tx, &entry).await?;
                Ok(())
            })
        })
        .await
}

/// The current TOTP code for a base32 secret (for tests and the CLI's checks).
pub fn current_code(secret_base32: &str, now: Timestamp) -> Option<String> {
    Some(totp(secret_base32)?.generate(now_secs(now)).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn recovery_codes_are_long_random_and_hash_without_dashes() {
        let a = new_recovery_code();
        assert_eq!(a.len(), 19, "{a}");
        assert_ne!(a, new_recovery_code());
        assert_eq!(recovery_hash(&a.replace('-', "")), recovery_hash(&a.replace('-', "").to_uppercase()));
    }

    #[test]
    fn a_code_from_the_secret_checks_and_a_wrong_one_does_not() {
        let secret = totp_rs::Secret::from(vec![7u8; 20]).to_base32();
        let now = Timestamp::from_second(1_800_000_000).expect("ts");
        let code = current_code(&secret, now).expect("code");
        let t = totp(&secret).expect("totp");
        assert!(t.check(&code, now_secs(now)).is_some());
        let wrong = format!("{:06}", (code.parse::<u32>().expect("digits") + 1) % 1_000_000);
        assert!(t.check(&wrong, now_secs(now)).is_none());
        // 31 s later the previous code is still accepted (one step of skew), 61 s later not.
        assert!(t.check(&code, now_secs(now) + 31).is_some());
        assert!(t.check(&code, now_secs(now) + 95).is_none());
    }
}
