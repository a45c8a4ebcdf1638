//! Logging in and out, and turning a session token back into an actor.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use buurtteam_domain::policy::Actor;
use buurtteam_domain::validation::{Errors, Lines, check_characters};
use buurtteam_store::organisation::{self, User};
use buurtteam_store::{credentials, sessions};
use jiff::{SignedDuration, Timestamp};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

use crate::{App, AppError, Result, audit_entry};

/// Passwords shorter than this are refused.
pub const MIN_PASSWORD_LENGTH: usize = 10;

/// How often at most a session's last-seen time is written (saves a write per request).
const TOUCH_INTERVAL: SignedDuration = SignedDuration::from_secs(60);

/// Hashes a password with Argon2id (default parameters, OWASP's minimum) into a PHC string.
/// Slow by design: call it off the async threads.
pub fn hash_password(password: &str) -> Result<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| AppError::Internal(format!("password hashing failed: {e}")))
}

fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// Checks the rules for a new password; returns the message for the field.
pub fn check_new_password(password: &str) -> std::result::Result<(), String> {
    if password.chars().count() < MIN_PASSWORD_LENGTH {
        return Err(format!("must be at least {MIN_PASSWORD_LENGTH} characters"));
    }
    if password.len() > 1024 {
        return Err("may be at most 1024 bytes".into());
    }
    Ok(())
}

type Work = Box<dyn FnOnce() + Send>;

/// Password hashing runs on its own threads, as many as there are cores. Argon2 takes about
/// 19 MiB per hash; on the shared blocking pool every thread that ever hashed kept such a
/// buffer in its malloc arena (the server grew to 400 MB under a burst of log-ins), and a burst
/// of log-ins would have run unbounded in parallel. A few fixed threads bound both.
static HASHING: std::sync::LazyLock<std::sync::mpsc::Sender<Work>> = std::sync::LazyLock::new(|| {
    let (jobs, queue) = std::sync::mpsc::channel::<Work>();
    let queue = std::sync::Arc::new(std::sync::Mutex::new(queue));
    let threads = std::thread::available_parallelism().map(std::num::NonZero::get).unwrap_or(2);
    for i in 0..threads {
        let queue = queue.clone();
        let spawned = std::thread::Builder::new().name(format!("password-hashing-{i}")).spawn(move || {
            loop {
                let job = match queue.lock() {
                    Ok(q) => q.recv(),
                    Err(_) => return,
                };
                match job {
                    Ok(work) => work(),
                    Err(_) => return,
                }
            }
        });
        if let Err(e) = spawned {
            tracing::error!(error = %e, "cannot start a password hashing thread");
        }
    }
    jobs
});

/// Runs `work` (a password hash or check) on the hashing threads.
async fn bounded<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T> {
    let (reply, answer) = tokio::sync::oneshot::channel();
    HASHING
        .send(Box::new(move || {
            let _ = reply.send(work());
        }))
        .map_err(|_| AppError::Internal("the password hashing threads have stopped".into()))?;
    answer.await.map_err(|_| AppError::Internal("a password hashing job was lost".into()))
}

pub async fn hash_password_async(password: String) -> Result<String> {
    bounded(move || hash_password(&password)).await?
}

/// Checks a password against a stored hash on the hashing threads.
pub async fn check_password(password: String, phc: String) -> Result<bool> {
    bounded(move || verify_password(&password, &phc)).await
}

/// The SHA-256 of a session token, as stored (the token itself never is).
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
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

/// A verifier for unknown e-mail addresses, so that a wrong address costs as much time as a
/// wrong password and response times do not reveal which addresses exist.
static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash_password("not a real password, only for timing").unwrap_or_default());

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

/// Failed log-ins per client address within a window: a guard against password guessing
/// across many accounts, which the per-account lock alone does not stop. Kept in memory,
/// per node; the account lock, which matters most, is in the database.
#[derive(Debug, Default)]
pub struct Throttle {
    windows: Mutex<HashMap<IpAddr, (Timestamp, u32)>>,
}

impl Throttle {
    /// When the address may try again, if it is over its limit now.
    fn blocked_until(&self, ip: IpAddr, now: Timestamp, settings: &crate::Settings) -> Option<Timestamp> {
        let windows = self.windows.lock().ok()?;
        let (start, count) = windows.get(&ip)?;
        let end = start.checked_add(settings.lock_duration).ok()?;
        (now < end && *count >= settings.failures_per_address).then_some(end)
    }

    fn record_failure(&self, ip: IpAddr, now: Timestamp, settings: &crate::Settings) {
        let Ok(mut windows) = self.windows.lock() else { return };
        if windows.len() > 100_000 {
            // Bound the memory an attacker with many addresses can take: drop expired windows.
            windows.retain(|_, (start, _)| start.checked_add(settings.lock_duration).is_ok_and(|end| end > now));
        }
        let entry = windows.entry(ip).or_insert((now, 0));
        if entry.0.checked_add(settings.lock_duration).is_ok_and(|end| end <= now) {
            *entry = (now, 0);
        }
        entry.1 += 1;
    }
}

fn wait(until: Timestamp, now: Timestamp) -> SignedDuration {
    until.duration_since(now).max(SignedDuration::from_secs(1))
}

/// Logs a staff user in; creates a session. Refuses while the address or the account is
/// over its limit of failed attempts; a wrong password or code counts as a failure.
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
    if let Some(until) = found.as_ref().and_then(|c| c.locked_until).filter(|u| *u > now) {
        let mut entry = audit_entry(None, now, "auth.login_refused_locked", "user");
        entry.object_id = found.as_ref().map(|c| c.user_id.0);
        buurtteam_store::audit::log(&app.db, entry).await?;
        return Err(AppError::TooManyAttempts { retry_after: wait(until, now), account_locked: true });
    }
    let hash = found.as_ref().map_or_else(|| DUMMY_HASH.clone(), |c| c.password_hash.clone());
    let pw = attempt.password.to_owned();
    let password_ok = bounded(move || verify_password(&pw, &hash)).await?;
    let user = user.filter(|u| password_ok && u.active);
    let (Some(user), Some(creds)) = (user, found.clone()) else {
        return Err(failed(app, found.map(|c| c.user_id), &email, attempt.client, now, "password").await);
    };
    let needs_code = creds.totp_enabled_at.is_some();
    let pending = match (needs_code, attempt.second_factor) {
        (false, _) => false,
        (true, Some(code)) => {
            if !check_second_factor(app, &creds, code, now).await? {
                return Err(failed(app, Some(user.id), &email, attempt.client, now, "second_factor").await);
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
                credentials::clear_failures(tx, actor.user_id).await?;
                sessions::insert(tx, &token_hash, actor.user_id, now, expires, pending).await?;
                let action = if pending { "auth.password_accepted" } else { "auth.login" };
                let mut entry = audit_entry(Some(&actor), now, action, "user");
                entry.object_id = Some(actor.user_id.0);
                buurtteam_store::audit::append(tx, &entry).await?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(LoggedIn { token, user, second_factor_pending: pending })
}

/// Counts a failed attempt against the address and the account, logs it, and says what the
/// caller is told: wrong credentials, or (from the attempt that locks it) a locked account.
async fn failed(
    app: &App,
    user: Option<buurtteam_domain::ids::UserId>,
    email: &str,
    client: Option<IpAddr>,
    now: Timestamp,
    what: &'static str,
) -> AppError {
    if let Some(ip) = client {
        app.throttle.record_failure(ip, now, &app.settings);
    }
    let (lock_after, lock_until) =
        (app.settings.lock_after_failures, now.checked_add(app.settings.lock_duration).unwrap_or(now));
    let email = email.to_owned();
    let outcome = app
        .db
        .write(move |tx| {
            Box::pin(async move {
                let lock = match user {
                    Some(u) => credentials::record_failure(tx, u, lock_after, lock_until).await?.1,
                    None => None,
                };
                let mut entry = audit_entry(None, now, "auth.login_failed", "user");
                entry.object_id = user.map(|u| u.0);
                entry.detail = serde_json::json!({ "email": email, "failed": what, "locked": lock.is_some() });
                buurtteam_store::audit::append(tx, &entry).await?;
                Ok(lock)
            })
        })
        .await;
    match outcome {
        Ok(Some(until)) if until > now => {
            AppError::TooManyAttempts { retry_after: wait(until, now), account_locked: true }
        }
        Ok(_) => AppError::Unauthenticated,
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
    if let Some(until) = creds.locked_until.filter(|u| *u > now) {
        return Err(AppError::TooManyAttempts { retry_after: wait(until, now), account_locked: true });
    }
    if !check_second_factor(app, &creds, code, now).await? {
        let email = user.email.clone();
        let err = failed(app, Some(user.id), &email, client, now, "second_factor").await;
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
                credentials::clear_failures(tx, actor.user_id).await?;
                sessions::confirm_second_factor(tx, &hash, now).await?;
                let mut entry = audit_entry(Some(&actor), now, "auth.login", "user");
                entry.object_id = Some(actor.user_id.0);
                entry.detail = serde_json::json!({ "second_factor": true });
                buurtteam_store::audit::append(tx, &entry).await?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(user)
}

fn wrong_code() -> buurtteam_domain::validation::FieldError {
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
async fn check_second_factor(app: &App, creds: &credentials::Credentials, code: &str, now: Timestamp) -> Result<bool> {
    let code: String = code.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    let Some(secret) = creds.totp_secret.as_deref() else { return Ok(false) };
    let user = creds.user_id;
    if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
        let Some(step) = totp(secret).and_then(|t| t.check(&code, now_secs(now))) else { return Ok(false) };
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
                let mut entry = audit_entry(None, now, "auth.recovery_code_used", "user");
                entry.object_id = Some(user.0);
                buurtteam_store::audit::append(tx, &entry).await?;
                Ok(used)
            })
        })
        .await
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Recovery codes are 80 random bits; a SHA-256 of one cannot be searched back.
fn recovery_hash(code: &str) -> String {
    hex(&Sha256::digest(code.to_lowercase().as_bytes()))
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
        app.db
            .write(move |tx| Box::pin(async move { Ok::<_, AppError>(sessions::touch(tx, &hash, now).await?) }))
            .await?;
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

/// Changes the caller's password; every other session of theirs ends.
pub async fn change_password(
    app: &App,
    actor: &Actor,
    session_token: &str,
    current: &str,
    new: &str,
    repeat: &str,
) -> Result<()> {
    let now = app.now();
    let mut tx = app.db.begin_read().await?;
    let creds = credentials::by_user(&mut tx, actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
    drop(tx);
    let mut errors = Errors::default();
    let hash = creds.password_hash.clone();
    let pw = current.to_owned();
    if !bounded(move || verify_password(&pw, &hash)).await? {
        errors.add("current_password", "is not your current password").code("wrong_password");
    }
    if let Err(msg) = check_new_password(new) {
        errors.add("new_password", msg).code("password_rule").arg("min", MIN_PASSWORD_LENGTH);
    } else if new != repeat {
        errors.add("repeat_password", "does not match the new password").code("password_mismatch");
    }
    errors.finish()?;
    let new_hash = hash_password_async(new.to_owned()).await?;
    let (actor, keep) = (actor.clone(), token_hash(session_token));
    app.db
        .write(move |tx| {
            Box::pin(async move {
                credentials::set_password(tx, actor.user_id, &new_hash, now).await?;
                let ended = sessions::delete_others(tx, actor.user_id, &keep).await?;
                let mut entry = audit_entry(Some(&actor), now, "auth.password_changed", "user");
                entry.object_id = Some(actor.user_id.0);
                entry.detail = serde_json::json!({ "other_sessions_ended": ended });
                buurtteam_store::audit::append(tx, &entry).await?;
                Ok(())
            })
        })
        .await
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
    if let Some(secret) = creds.totp_secret {
        return Ok(enrolment_of(secret, issuer, &user.email));
    }
    let mut bytes = [0u8; 20];
    rand::fill(&mut bytes);
    let secret = totp_rs::Secret::from(bytes.to_vec()).to_base32();
    let (user_id, stored) = (actor.user_id, secret.clone());
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
    let step = match (&creds.totp_secret, creds.totp_enabled_at) {
        (Some(secret), None) => totp(secret).and_then(|t| t.check(&code, now_secs(now))),
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
                let mut entry = audit_entry(Some(&actor), now, "auth.second_factor_enabled", "user");
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
                let mut entry = audit_entry(Some(&actor), now, "auth.second_factor_disabled", "user");
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

    #[test]
    fn the_throttle_blocks_an_address_after_its_limit_and_forgets_after_the_window() {
        let settings = crate::Settings { failures_per_address: 3, ..Default::default() };
        let t = Throttle::default();
        let ip: IpAddr = "192.0.2.1".parse().expect("ip");
        let now = Timestamp::from_second(1_800_000_000).expect("ts");
        for _ in 0..3 {
            assert!(t.blocked_until(ip, now, &settings).is_none());
            t.record_failure(ip, now, &settings);
        }
        assert!(t.blocked_until(ip, now, &settings).is_some());
        assert!(t.blocked_until("192.0.2.2".parse().expect("ip"), now, &settings).is_none());
        let later = now.checked_add(settings.lock_duration).expect("ts");
        assert!(t.blocked_until(ip, later, &settings).is_none());
    }
}
