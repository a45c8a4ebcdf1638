//! Logging in and out, and turning a session token back into an actor.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use buurtteam_domain::policy::Actor;
use buurtteam_store::organisation::{self, User};
use buurtteam_store::sessions;
use jiff::SignedDuration;
use sha2::{Digest, Sha256};

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

/// The SHA-256 of a session token, as stored (the token itself never is).
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
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
}

/// Logs a staff user in with e-mail and password; creates a session.
pub async fn login(app: &App, email: &str, password: &str) -> Result<LoggedIn> {
    let email = email.trim().to_lowercase();
    let now = app.now();
    let mut tx = app.db.begin_read().await?;
    let found = organisation::find_login(&mut tx, &email).await?;
    drop(tx);
    let (hash, user) = match found {
        Some((user, hash)) => (hash, Some(user)),
        None => (DUMMY_HASH.clone(), None),
    };
    let pw = password.to_owned();
    let ok = bounded(move || verify_password(&pw, &hash)).await?;
    let mut tx = app.db.begin().await?;
    let user = match user {
        Some(u) if ok && u.active => u,
        other => {
            let mut entry = audit_entry(None, now, "auth.login_failed", "user");
            entry.object_id = other.map(|u| u.id.0);
            entry.detail = serde_json::json!({ "email": email });
            buurtteam_store::audit::append(&mut tx, &entry).await?;
            tx.commit().await?;
            return Err(AppError::Unauthenticated);
        }
    };
    let token = new_token();
    let expires = now.checked_add(app.settings.session_absolute).unwrap_or(now);
    sessions::insert(&mut tx, &token_hash(&token), user.id, now, expires).await?;
    let actor = actor_of(&user);
    let mut entry = audit_entry(Some(&actor), now, "auth.login", "user");
    entry.object_id = Some(user.id.0);
    buurtteam_store::audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(LoggedIn { token, user })
}

/// Ends the session server-side.
pub async fn logout(app: &App, token: &str) -> Result<()> {
    let mut tx = app.db.begin().await?;
    sessions::delete(&mut tx, &token_hash(token)).await?;
    tx.commit().await?;
    Ok(())
}

pub fn actor_of(user: &User) -> Actor {
    Actor { user_id: user.id, role: user.role, team_ids: user.team_ids.clone() }
}

/// The actor behind a session token; ends sessions that were idle or are too old.
pub async fn authenticate(app: &App, token: &str) -> Result<(Actor, User)> {
    let hash = token_hash(token);
    let now = app.now();
    let mut tx = app.db.begin_read().await?;
    let Some(session) = sessions::get(&mut tx, &hash).await? else { return Err(AppError::Unauthenticated) };
    let user = organisation::get_user(&mut tx, session.user_id).await?;
    drop(tx);
    let idle_until = session.last_seen_at.checked_add(app.settings.session_idle).unwrap_or(session.last_seen_at);
    let live = now < session.expires_at && now < idle_until;
    match user {
        Some(user) if live && user.active => {
            if now.duration_since(session.last_seen_at) > TOUCH_INTERVAL {
                let mut tx = app.db.begin().await?;
                sessions::touch(&mut tx, &hash, now).await?;
                tx.commit().await?;
            }
            Ok((actor_of(&user), user))
        }
        _ => {
            let mut tx = app.db.begin().await?;
            sessions::delete(&mut tx, &hash).await?;
            tx.commit().await?;
            Err(AppError::Unauthenticated)
        }
    }
}
