//! Logging in and out, and turning a session token back into an actor. Split by capability:
//! `passwords` (hashing, the rules for a new one, changing it), `second_factor` (TOTP and
//! recovery codes), `lockout` (limits on failed attempts).

mod lockout;
mod passwords;
mod second_factor;

pub use lockout::Throttle;
pub(crate) use lockout::{
    ActivationKeys, account_locked_until, activation_blocked_until, record_activation_failure, record_survey_failure,
    survey_blocked_until, unlock_account, wait,
};
pub use passwords::{
    MIN_PASSWORD_LENGTH, change_password, check_new_password, check_new_password_twice, check_password, hash_password,
    hash_password_async, password_error,
};
pub use second_factor::{
    Enrolment, RECOVERY_CODES, begin_enrolment, confirm_enrolment, current_code, disable_second_factor,
};

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::policy::Actor;
use buurtteam_domain::validation::{Lines, check_characters};
use buurtteam_store::organisation::{self, User};
use buurtteam_store::{credentials, sessions};
use jiff::{SignedDuration, Timestamp};
use sha2::{Digest, Sha256};
use std::net::IpAddr;

use lockout::{LoginKeys, clear_login, login_locked_until, record_login_failure};
use passwords::{DUMMY_HASH, bounded, verify_password};
use second_factor::{check_second_factor, wrong_code};

use crate::{App, AppError, Result, audit_entry};

/// How often at most a session's last-seen time is written (saves a write per request).
const TOUCH_INTERVAL: SignedDuration = SignedDuration::from_secs(60);

/// The SHA-256 of a session token, as stored (the token itself never is).
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Fills `bytes` from the operating system's random source.
pub fn random_bytes(bytes: &mut [u8]) {
    rand::fill(bytes);
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::fill(&mut bytes);
    hex(&bytes)
}

pub struct LoggedIn {
    /// The session token for the cookie.
    pub token: String,
    pub user: User,
    /// The password was right; the session waits for the second factor (`second_factor`).
    pub second_factor_pending: bool,
}

/// A log-in attempt.
#[derive(Debug, Default)]
pub struct Credentials<'a> {
    pub email: &'a str,
    pub password: &'a str,
    /// A TOTP code or a recovery code, when the caller has it at hand (the API).
    pub second_factor: Option<&'a str>,
    /// Without a code, open a session that waits for it (the log-in page) instead of failing.
    pub allow_pending: bool,
    /// Where the attempt comes from, for the per-address limit.
    pub client: Option<IpAddr>,
}

/// Logs a user in; creates a session. Refuses while the address, or the account from this
/// address, is over its limit of failed attempts; a wrong password or code counts as a failure.
/// An e-mail address without an account gets exactly the answers a real account gets: 401 for
/// the first failures, then the same "locked" 429 from the same attempt on.
pub async fn login(app: &App, attempt: &Credentials<'_>) -> Result<LoggedIn> {
    let email = attempt.email.trim().to_lowercase();
    // An address with control characters is no account's (`input::text` refuses them) and
    // PostgreSQL refuses NUL in a query: it is looked up as nobody's, and logged with them
    // replaced.
    let plain = check_characters(&email, Lines::One).is_ok();
    let email =
        if plain { email } else { email.chars().map(|c| if c.is_control() { '\u{fffd}' } else { c }).collect() };
    let now = app.now();
    let settings = &app.settings;
    if let Some(until) = attempt.client.and_then(|ip| app.throttle.blocked_until(ip, now, settings)) {
        return Err(AppError::TooManyAttempts { retry_after: wait(until, now), account_locked: false });
    }
    let mut tx = app.db.begin_read().await?;
    let found = if plain { credentials::by_email(&mut tx, &email).await? } else { None };
    let user = match &found {
        Some(c) => organisation::get_user(&mut tx, c.user_id).await?,
        None => None,
    };
    drop(tx);
    let keys = LoginKeys::new(&email, attempt.client);
    if let Some(until) = login_locked_until(app, &keys, now).await? {
        let mut entry = audit_entry(None, now, AuditAction::AuthLoginRefusedLocked, "user");
        entry.object_id = found.as_ref().map(|c| c.user_id.0);
        entry.detail = serde_json::json!({ "email": email });
        buurtteam_store::audit::log(&app.db, entry).await?;
        return Err(AppError::TooManyAttempts { retry_after: wait(until, now), account_locked: true });
    }
    let hash = found.as_ref().map_or_else(|| DUMMY_HASH.clone(), |c| c.password_hash.clone());
    let pw = attempt.password.to_owned();
    let password_ok = bounded(move || verify_password(&pw, &hash)).await?;
    let user = user.filter(|u| password_ok && u.active);
    let (Some(user), Some(creds)) = (user, found.clone()) else {
        return Err(failed(app, found.map(|c| c.user_id), &email, &keys, attempt.client, now, "password").await);
    };
    if !crate::sso::password_allowed(app, user.role) {
        // Only said to someone who knew the password: staff log in through single sign-on here.
        return Err(AppError::Forbidden(
            "logging in with a password is switched off for staff accounts here; log in through the \
             organisation's single sign-on"
                .into(),
        ));
    }
    let needs_code = creds.totp_enabled_at.is_some();
    let pending = match (needs_code, attempt.second_factor) {
        (false, _) => false,
        (true, Some(code)) => {
            if !check_second_factor(app, &creds, code, now).await? {
                return Err(failed(app, Some(user.id), &email, &keys, attempt.client, now, "second_factor").await);
            }
            false
        }
        (true, None) if attempt.allow_pending => true,
        (true, None) => return Err(AppError::SecondFactorRequired),
    };
    let token = new_token();
    let expires = now.checked_add(settings.session_absolute).unwrap_or(now);
    let actor = actor_of(&user);
    let token_hash = token_hash(&token);
    app.db
        .write(move |tx| {
            Box::pin(async move {
                clear_login(tx, &keys).await?;
                sessions::insert(tx, &token_hash, actor.user_id, now, expires, pending).await?;
                let action = if pending { AuditAction::AuthPasswordAccepted } else { AuditAction::AuthLogin };
                let mut entry = audit_entry(Some(&actor), now, action, "user");
                entry.object_id = Some(actor.user_id.0);
                buurtteam_store::audit::append(tx, &entry).await?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(LoggedIn { token, user, second_factor_pending: pending })
}

/// Counts a failed attempt against the address and against the account from this address (an
/// unknown e-mail address counts the same way), logs it, and says what the caller is told:
/// wrong credentials, or (from the attempt that locks it) a locked account.
async fn failed(
    app: &App,
    user: Option<buurtteam_domain::ids::UserId>,
    email: &str,
    keys: &LoginKeys,
    client: Option<IpAddr>,
    now: Timestamp,
    what: &'static str,
) -> AppError {
    if let Some(ip) = client {
        app.throttle.record_failure(ip, now, &app.settings);
    }
    let (email, keys, settings) = (email.to_owned(), keys.clone(), app.settings.clone());
    let outcome = app
        .db
        .write(move |tx| {
            Box::pin(async move {
                let lock = record_login_failure(tx, &settings, &keys, now).await?;
                let mut entry = audit_entry(None, now, AuditAction::AuthLoginFailed, "user");
                entry.object_id = user.map(|u| u.0);
                entry.detail = serde_json::json!({ "email": email, "failed": what, "locked": lock.is_some() });
                buurtteam_store::audit::append(tx, &entry).await?;
                Ok(lock)
            })
        })
        .await;
    match outcome {
        Ok(Some(until)) => AppError::TooManyAttempts { retry_after: wait(until, now), account_locked: true },
        Ok(None) => AppError::Unauthenticated,
        Err(e) => e,
    }
}

/// Completes a log-in that waits for its second factor.
pub async fn second_factor(app: &App, token: &str, code: &str, client: Option<IpAddr>) -> Result<User> {
    let now = app.now();
    let hash = token_hash(token);
    let mut tx = app.db.begin_read().await?;
    let session = sessions::get(&mut tx, &hash).await?.filter(|s| s.second_factor_pending && live(app, s, now));
    let Some(session) = session else { return Err(AppError::Unauthenticated) };
    let creds = credentials::by_user(&mut tx, session.user_id).await?;
    let user = organisation::get_user(&mut tx, session.user_id).await?;
    drop(tx);
    let (Some(creds), Some(user)) = (creds, user.filter(|u| u.active)) else { return Err(AppError::Unauthenticated) };
    let keys = LoginKeys::new(&user.email, client);
    if let Some(until) = login_locked_until(app, &keys, now).await? {
        return Err(AppError::TooManyAttempts { retry_after: wait(until, now), account_locked: true });
    }
    if !check_second_factor(app, &creds, code, now).await? {
        let email = user.email.clone();
        let err = failed(app, Some(user.id), &email, &keys, client, now, "second_factor").await;
        if matches!(err, AppError::TooManyAttempts { .. }) {
            // A locked account loses its half-open session too.
            let mut tx = app.db.begin().await?;
            sessions::delete(&mut tx, &hash).await?;
            tx.commit().await?;
        }
        return Err(match err {
            AppError::Unauthenticated => AppError::Validation(vec![wrong_code()]),
            other => other,
        });
    }
    let actor = actor_of(&user);
    app.db
        .write(move |tx| {
            Box::pin(async move {
                clear_login(tx, &keys).await?;
                sessions::confirm_second_factor(tx, &hash, now).await?;
                let mut entry = audit_entry(Some(&actor), now, AuditAction::AuthLogin, "user");
                entry.object_id = Some(actor.user_id.0);
                entry.detail = serde_json::json!({ "second_factor": true });
                buurtteam_store::audit::append(tx, &entry).await?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(user)
}
/// Ends the session server-side.
pub async fn logout(app: &App, token: &str) -> Result<()> {
    let hash = token_hash(token);
    app.db.write(move |tx| Box::pin(async move { Ok(sessions::delete(tx, &hash).await?) })).await
}

pub fn actor_of(user: &User) -> Actor {
    Actor {
        user_id: user.id,
        role: user.role,
        team_ids: user.team_ids.clone(),
        person_id: user.person_id,
        session_ref: None,
    }
}

fn live(app: &App, session: &sessions::Session, now: Timestamp) -> bool {
    let idle_until = session.last_seen_at.checked_add(app.settings.session_idle).unwrap_or(session.last_seen_at);
    now < session.expires_at && now < idle_until
}

/// The actor behind a session token; ends sessions that were idle or are too old. A session
/// still waiting for its second factor opens nothing.
pub async fn authenticate(app: &App, token: &str) -> Result<(Actor, User)> {
    let hash = token_hash(token);
    let reference = session_ref(&hash);
    let now = app.now();
    let mut tx = app.db.begin_read().await?;
    let Some((session, user)) = sessions::get_with_user(&mut tx, &hash).await? else {
        return Err(AppError::Unauthenticated);
    };
    drop(tx);
    if !(live(app, &session, now) && user.active) {
        app.db.write(move |tx| Box::pin(async move { Ok::<_, AppError>(sessions::delete(tx, &hash).await?) })).await?;
        return Err(AppError::Unauthenticated);
    }
    if session.second_factor_pending {
        return Err(AppError::Unauthenticated);
    }
    if now.duration_since(session.last_seen_at) > TOUCH_INTERVAL {
        // Best effort: while the database takes no writes (its disk full, say) the session
        // still opens what needs no write; its idle clock just is not moved on.
        let touched = app
            .db
            .write(move |tx| Box::pin(async move { Ok::<_, AppError>(sessions::touch(tx, &hash, now).await?) }))
            .await;
        if let Err(e) = touched {
            tracing::warn!(error = %e, "could not record the session's activity");
        }
    }
    let mut actor = actor_of(&user);
    actor.session_ref = Some(reference);
    Ok((actor, user))
}

/// The reference of a session in the access log: the start of its token's hash, enough to
/// tell sessions apart and useless for logging in.
pub fn session_ref(token_hash: &str) -> String {
    token_hash.chars().take(12).collect()
}

/// Whether the organisation requires this user to set up the second factor before working.
pub fn must_enrol(app: &App, user: &User) -> bool {
    !user.second_factor && app.settings.second_factor_roles.contains(&user.role)
}
