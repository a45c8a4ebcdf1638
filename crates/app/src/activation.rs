//! Activating a Mijn Buurtteam account with a one-time code, without telling anyone whether an
//! e-mail address already has an account (decision 0008): a portal account alone reveals that
//! someone is a youth-care client.
//!
//! - Whatever the address, a valid code with an acceptable password gets the same answer. A new
//!   address gets an account. An address that has one takes the invitation on only when the
//!   password is that account's own (and the account is of the same kind); otherwise nothing is
//!   attached, but the answer is the same and the code is spent all the same, so that trying it
//!   again does not tell either.
//! - The password rules are checked before the address is looked up, so a weak password gets
//!   the same refusal for a new and a known address.
//! - Failed activations are counted per code and per client address (`auth::lockout`): after
//!   `activation_failures_per_code` / `_per_address` in a row, further attempts are held off for
//!   `activation_window`, by the application's clock. Each one is in the audit log.

use buurtteam_domain::audit::AuditAction;
use std::net::IpAddr;

use buurtteam_domain::codes::Role;
use buurtteam_domain::ids::{CaseId, NetworkInvitationId, PersonId, UserId};
use buurtteam_domain::password::PasswordContext;
use buurtteam_domain::validation::Errors;
use buurtteam_store::plan as store;
use buurtteam_store::{audit, households};
use jiff::Timestamp;
use serde::Deserialize;

use crate::auth::{self, ActivationKeys};
use crate::plan::{code_hash, invalid};
use crate::{App, AppError, Result, audit_entry, input};

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivateInput {
    pub code: Option<String>,
    pub email: Option<String>,
    /// For a new account, a new password by the password rules; for an existing account of the
    /// same kind, its own password.
    pub password: Option<String>,
}

/// What a code is for.
#[derive(Clone)]
enum For {
    Member { id: i64, case: CaseId, person: PersonId },
    Network { id: NetworkInvitationId, name: String },
}

impl For {
    fn role(&self) -> Role {
        match self {
            Self::Member { .. } => Role::FamilyMember,
            Self::Network { .. } => Role::NetworkMember,
        }
    }

    fn object(&self) -> (&'static str, i64) {
        match self {
            Self::Member { id, .. } => ("portal_invitation", *id),
            Self::Network { id, .. } => ("network_invitation", id.0),
        }
    }
}

fn bad_code() -> AppError {
    invalid("code", "this code is unknown, used or expired; ask your family worker for a new one", "invalid_code")
}

/// A refused activation: counted against the code and the address, and logged.
struct Refusal<'a> {
    keys: &'a ActivationKeys,
    email: &'a str,
    target: Option<&'a For>,
}

impl Refusal<'_> {
    /// Logs the refusal; `count` it against the code and address; `spend` the code with it.
    async fn log(&self, app: &App, now: Timestamp, reason: &'static str, count: bool, spend: bool) -> Result<()> {
        let (keys, settings) = (self.keys.clone(), app.settings.clone());
        let spent = self.target.filter(|_| spend).cloned();
        let mut entry = audit_entry(None, now, AuditAction::PortalActivationFailed, "invitation");
        if let Some((kind, id)) = self.target.map(For::object) {
            entry.object_type = kind;
            entry.object_id = Some(id);
        }
        entry.detail = serde_json::json!({ "reason": reason, "email": self.email });
        app.db
            .write(move |tx| {
                Box::pin(async move {
                    if count {
                        auth::record_activation_failure(tx, &settings, &keys, now).await?;
                    }
                    // Used up without an account: trying the code again must not tell more.
                    let _spent = match spent {
                        Some(For::Member { id, .. }) => store::spend_portal_invitation(tx, id, now).await?,
                        Some(For::Network { id, .. }) => store::spend_network_invitation(tx, id, now).await?,
                        None => false,
                    };
                    audit::append(tx, &entry).await?;
                    Ok::<_, AppError>(())
                })
            })
            .await
    }
}

/// Activates a portal account with a one-time code (see the module): a new e-mail address gets
/// a new account; an existing portal account of the same kind takes the invitation on when its
/// password is given. The code is then used up, and the answer is the same either way.
pub async fn activate(app: &App, input: &ActivateInput, client: Option<IpAddr>) -> Result<()> {
    let mut errors = Errors::default();
    let code = input::text(&mut errors, "code", input.code.as_deref(), 40);
    let email = input::text(&mut errors, "email", input.email.as_deref(), 254).map(|e| e.to_lowercase());
    if email.as_deref().is_some_and(|e| !crate::organisation::valid_email(e)) {
        errors.add("email", "is not an e-mail address (name@example.nl)").code("invalid_email");
    }
    let password = input.password.clone().unwrap_or_default();
    errors.finish()?;
    let (code, email) = (code.unwrap_or_default(), email.unwrap_or_default());
    let hash = code_hash(&code);
    let now = app.now();
    let keys = ActivationKeys::new(&hash, client);
    let mut refusal = Refusal { keys: &keys, email: &email, target: None };
    if let Some(until) = auth::activation_blocked_until(app, &keys, now).await? {
        refusal.log(app, now, "held_off", false, false).await?;
        return Err(AppError::TooManyActivations { retry_after: auth::wait(until, now) });
    }
    let (target, name, existing) = {
        let mut tx = app.db.begin_read().await?;
        let target = if let Some(p) = store::portal_invitation_by_code(&mut tx, &hash).await? {
            (p.used_at.is_none() && p.expires_at > now).then_some(For::Member {
                id: p.id,
                case: p.case_id,
                person: p.person_id,
            })
        } else if let Some(n) = store::network_invitation_by_code(&mut tx, &hash).await? {
            (n.user_id.is_none() && n.revoked_at.is_none() && n.expires_at > now)
                .then_some(For::Network { id: n.id, name: n.name })
        } else {
            None
        };
        let name = match &target {
            Some(For::Member { person, .. }) => {
                households::person(&mut tx, *person).await?.map(|p| format!("{} {}", p.given_name, p.family_name))
            }
            Some(For::Network { name, .. }) => Some(name.clone()),
            None => None,
        };
        let existing = buurtteam_store::organisation::find_login(&mut tx, &email).await?;
        (target, name, existing)
    };
    let Some(target) = target else {
        refusal.log(app, now, "invalid_code", true, false).await?;
        return Err(bad_code());
    };
    refusal.target = Some(&target);
    // The rules for a new password, before anything depends on whether the address is known.
    let context = PasswordContext { email: Some(&email), name: name.as_deref(), current: None };
    if let Err(e) = auth::check_new_password("password", &password, &context) {
        refusal.log(app, now, "password_rule", true, false).await?;
        return Err(AppError::Validation(vec![e]));
    }
    let role = target.role();
    let (user_id, password_hash) = match existing {
        Some((user, stored)) => {
            // Taking an invitation onto an existing account needs that account's password.
            let fits = user.role == role
                && match &target {
                    For::Member { person, .. } => user.person_id.is_none() || user.person_id == Some(*person),
                    For::Network { .. } => true,
                };
            let own_password = auth::check_password(password, stored).await?;
            if !(fits && own_password) {
                refusal.log(app, now, "existing_account", true, true).await?;
                return Ok(());
            }
            (Some(user.id), String::new())
        }
        None => (None, auth::hash_password_async(password).await?),
    };
    let name = name.unwrap_or_default();
    app.db
        .write(move |tx| {
            Box::pin(async move {
                let user = match user_id {
                    Some(u) => u,
                    None => new_account(tx, &email, &name, role, &password_hash, &target, now).await?,
                };
                let mut entry = audit_entry(None, now, AuditAction::PortalActivated, "user");
                entry.actor = Some((user, role));
                entry.object_id = Some(user.0);
                match &target {
                    For::Member { id, case, person } => {
                        if !store::use_portal_invitation(tx, *id, user, now).await? {
                            return Err(bad_code());
                        }
                        entry.case_id = Some(*case);
                        entry.client_id = Some(*person);
                    }
                    For::Network { id, .. } => {
                        if !store::activate_network_invitation(tx, *id, user, now).await? {
                            return Err(bad_code());
                        }
                        let inv = store::network_invitation(tx, *id).await?.ok_or_else(bad_code)?;
                        let goal = store::goal(tx, inv.goal_id).await?.ok_or_else(bad_code)?;
                        entry.case_id = Some(goal.case_id);
                        entry.goal_id = Some(goal.id);
                        entry.client_id = goal.client_id;
                    }
                }
                audit::append(tx, &entry).await?;
                Ok::<_, AppError>(())
            })
        })
        .await
}

async fn new_account(
    tx: &mut buurtteam_store::Tx,
    email: &str,
    name: &str,
    role: Role,
    password_hash: &str,
    target: &For,
    now: Timestamp,
) -> Result<UserId> {
    let new = buurtteam_store::organisation::NewUser { email, name, role, password_hash, team_ids: &[] };
    let user = buurtteam_store::organisation::insert_user(tx, &new, now).await.map_err(|e| match e {
        buurtteam_store::StoreError::Duplicate => bad_code(),
        other => other.into(),
    })?;
    if let For::Member { person, .. } = target {
        buurtteam_store::organisation::link_person(tx, user, *person).await?;
    }
    Ok(user)
}
