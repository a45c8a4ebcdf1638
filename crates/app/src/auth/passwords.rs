//! Passwords: hashing on threads of their own, the rules for a new one, changing it.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::password::{self, PasswordContext, PasswordProblem};
use buurtteam_domain::policy::Actor;
use buurtteam_domain::validation::{Errors, FieldError};
use buurtteam_store::{credentials, organisation, sessions};

use super::token_hash;
use crate::{App, AppError, Result, audit_entry};

/// Passwords shorter than this are refused.
pub const MIN_PASSWORD_LENGTH: usize = password::MIN_LENGTH;

/// Hashes a password with Argon2id (default parameters, OWASP's minimum) into a PHC string.
/// Slow by design: call it off the async threads.
pub fn hash_password(password: &str) -> Result<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| AppError::Internal(format!("password hashing failed: {e}")))
}

pub(super) fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// Checks a new password against the rules (`domain::password`) for the account it is for:
/// the error for `field`, with its code (`password_too_short`, `password_common` ...) and
/// the values its translation needs. Wherever a password is set, this is the check.
pub fn check_new_password(
    field: &str,
    password: &str,
    context: &PasswordContext<'_>,
) -> std::result::Result<(), FieldError> {
    password::check(password, context).map_err(|problem| password_error(field, problem))
}

/// A new password by the rules, typed the same twice (`repeat_field`): the check of every form
/// that sets a password with a repeat field (changing one's password, activating an account).
pub fn check_new_password_twice(
    (field, new): (&str, &str),
    (repeat_field, repeat): (&str, &str),
    context: &PasswordContext<'_>,
) -> std::result::Result<(), FieldError> {
    check_new_password(field, new, context)?;
    if new != repeat {
        let mut e = FieldError::new(repeat_field, "does not match the new password");
        e.code("password_mismatch");
        return Err(e);
    }
    Ok(())
}

/// The field error for a refused password.
pub fn password_error(field: &str, problem: PasswordProblem) -> FieldError {
    let mut e = FieldError::new(field, problem.message());
    e.code(problem.code());
    match problem {
        PasswordProblem::TooShort => e.arg("min", password::MIN_LENGTH),
        PasswordProblem::TooLong => e.arg("max", password::MAX_BYTES),
        _ => &mut e,
    };
    e
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
pub(super) async fn bounded<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T> {
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

/// A verifier for unknown e-mail addresses, so that a wrong address costs as much time as a
/// wrong password and response times do not reveal which addresses exist.
pub(super) static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash_password("not a real password, only for timing").unwrap_or_default());

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
    let user = organisation::get_user(&mut tx, actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
    drop(tx);
    let mut errors = Errors::default();
    let hash = creds.password_hash.clone();
    let pw = current.to_owned();
    let current_ok = bounded(move || verify_password(&pw, &hash)).await?;
    if !current_ok {
        errors.add("current_password", "is not your current password").code("wrong_password");
    }
    let context =
        PasswordContext { email: Some(&user.email), name: Some(&user.name), current: current_ok.then_some(current) };
    if let Err(e) = check_new_password_twice(("new_password", new), ("repeat_password", repeat), &context) {
        errors.0.push(e);
    }
    errors.finish()?;
    let new_hash = hash_password_async(new.to_owned()).await?;
    let (actor, keep) = (actor.clone(), token_hash(session_token));
    app.db
        .write(move |tx| {
            Box::pin(async move {
                credentials::set_password(tx, actor.user_id, &new_hash, now).await?;
                let ended = sessions::delete_others(tx, actor.user_id, &keep).await?;
                let mut entry = audit_entry(Some(&actor), now, AuditAction::AuthPasswordChanged, "user");
                entry.object_id = Some(actor.user_id.0);
                entry.detail = serde_json::json!({ "other_sessions_ended": ended });
                buurtteam_store::audit::append(tx, &entry).await?;
                Ok(())
            })
        })
        .await
}
