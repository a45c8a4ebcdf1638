//! A member of staff sets their password with the one-time code an admin handed over (a new
//! account, or a forgotten password). With the protections of the portal's activation
//! (`app::activation`, decision 0008): a wrong code, a used or expired one, and a right code
//! with another e-mail address all get the same answer, so nobody learns whether an address
//! has an account; failures are counted per code and per client address and held off after
//! the limits; each one is in the audit log. A used code is spent.

use std::net::IpAddr;

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::password::PasswordContext;
use buurtteam_domain::validation::Errors;
use buurtteam_store::users as store;
use buurtteam_store::{audit, credentials, organisation as org};
use jiff::Timestamp;
use serde::Deserialize;

use crate::auth::{self, ActivationKeys};
use crate::organisation::valid_email;
use crate::plan::{code_hash, invalid};
use crate::{App, AppError, Result, audit_entry, input};

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffActivateInput {
    /// The one-time code from the admin, e.g. `ABCD-EFGH-JKLM`.
    pub code: Option<String>,
    /// The e-mail address of the account.
    pub email: Option<String>,
    /// The new password, by the password rules.
    pub password: Option<String>,
}

fn bad_code() -> AppError {
    invalid(
        "code",
        "this code is unknown, used or expired, or not for this e-mail address; ask the admin for a new one",
        "invalid_staff_code",
    )
}

async fn refused(app: &App, keys: &ActivationKeys, email: &str, user: Option<i64>, reason: &'static str) -> Result<()> {
    let now = app.now();
    let (keys, settings) = (keys.clone(), app.settings.clone());
    let mut entry = audit_entry(None, now, AuditAction::UserActivationFailed, "user");
    entry.object_id = user;
    entry.detail = serde_json::json!({ "reason": reason, "email": email });
    app.db
        .write(move |tx| {
            Box::pin(async move {
                auth::record_activation_failure(tx, &settings, &keys, now).await?;
                audit::append(tx, &entry).await?;
                Ok::<_, AppError>(())
            })
        })
        .await
}

/// Sets the password of the account the code is for, when `email` is that account's address;
/// spends the code, ends the account's other sessions and clears its lock-out. The caller logs
/// the person in with what they typed.
pub async fn activate(app: &App, input: &StaffActivateInput, client: Option<IpAddr>) -> Result<()> {
    let mut errors = Errors::default();
    let code = input::text(&mut errors, "code", input.code.as_deref(), 40);
    let email = input::text(&mut errors, "email", input.email.as_deref(), 254).map(|e| e.to_lowercase());
    if email.as_deref().is_some_and(|e| !valid_email(e)) {
        errors.add("email", "is not an e-mail address (name@example.nl)").code("invalid_email");
    }
    let password = input.password.clone().unwrap_or_default();
    errors.finish()?;
    let (code, email) = (code.unwrap_or_default(), email.unwrap_or_default());
    let hash = code_hash(&code);
    let now: Timestamp = app.now();
    let keys = ActivationKeys::new(&hash, client);
    if let Some(until) = auth::activation_blocked_until(app, &keys, now).await? {
        let mut entry = audit_entry(None, now, AuditAction::UserActivationFailed, "user");
        entry.detail = serde_json::json!({ "reason": "held_off", "email": email });
        audit::log(&app.db, entry).await?;
        return Err(AppError::TooManyActivations { retry_after: auth::wait(until, now) });
    }
    let (found, user) = {
        let mut tx = app.db.begin_read().await?;
        let found = store::activation_code_by_hash(&mut tx, &hash).await?.filter(|c| c.usable(now));
        let user = match &found {
            Some(c) => org::get_user(&mut tx, c.user_id).await?,
            None => None,
        };
        (found, user)
    };
    // The same answer whether the code is wrong or the address is another one.
    let (Some(found), Some(user)) = (
        found,
        user.filter(|u| {
            u.active && (u.role.is_staff() || u.role == buurtteam_domain::codes::Role::Partner) && u.email == email
        }),
    ) else {
        refused(app, &keys, &email, None, "invalid_code").await?;
        return Err(bad_code());
    };
    let context = PasswordContext { email: Some(&email), name: Some(&user.name), current: None };
    if let Err(e) = auth::check_new_password("password", &password, &context) {
        refused(app, &keys, &email, Some(user.id.0), "password_rule").await?;
        return Err(AppError::Validation(vec![e]));
    }
    let password_hash = auth::hash_password_async(password).await?;
    let (id, role) = (user.id, user.role);
    app.db
        .write(move |tx| {
            Box::pin(async move {
                if !store::use_activation_code(tx, found.id, now).await? {
                    return Err(bad_code());
                }
                credentials::set_password(tx, id, &password_hash, now).await?;
                store::end_sessions(tx, id).await?;
                auth::unlock_account(tx, &email).await?;
                let mut entry = audit_entry(None, now, AuditAction::UserActivated, "user");
                entry.actor = Some((id, role));
                entry.object_id = Some(id.0);
                audit::append(tx, &entry).await?;
                Ok::<_, AppError>(())
            })
        })
        .await
}
