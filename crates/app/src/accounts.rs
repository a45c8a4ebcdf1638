//! Staff accounts (issue 14, decision 0018): an admin creates them, with a password or with a
//! one-time activation code to hand over (no e-mail server is assumed); changes their name,
//! role, teams and contract hours; deactivates and reactivates them (deactivating ends their
//! sessions at once); unlocks them after a lock-out; resets their second factor; and gives a
//! forgotten password a new activation code. The rules of `domain::accounts` hold throughout: an
//! admin never gives themselves rights to client records, and the last active admin stays.
//!
//! Every change is one audit row with `{"before": {..}, "after": {..}}` of the fields that
//! changed, in the transaction of the change. An activation code is never logged.

mod activation;

pub use activation::{StaffActivateInput, activate};

use buurtteam_domain::accounts::{self as rules, AccountState, ChangeRefused};
use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::codes::Role;
use buurtteam_domain::ids::{TeamId, UserId};
use buurtteam_domain::password::PasswordContext;
use buurtteam_domain::person::check_name;
use buurtteam_domain::policy::{Action, Actor, Relation};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::organisation::{self as org, NO_LOCAL_PASSWORD, NewUser, User};
use buurtteam_store::users::{self as store, AccountExtras};
use buurtteam_store::{StoreError, Tx, credentials};
use jiff::{SignedDuration, Timestamp};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::auth::{self, check_new_password, hash_password_async};
use crate::input;
use crate::organisation::valid_email;
use crate::refusals::Attempt;
use crate::{App, AppError, Result, audit_entry, authorise};

/// How long a staff activation code can be used.
pub const ACTIVATION_CODE_VALID: SignedDuration = SignedDuration::from_hours(7 * 24);

/// The most contract hours a week.
pub const MAX_CONTRACT_HOURS: i32 = 40;

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserInput {
    pub email: Option<String>,
    pub name: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Role>))]
    pub role: Option<String>,
    /// The teams of a family worker or team manager (at least one); none for an admin.
    #[serde(default)]
    pub team_ids: Vec<i64>,
    /// With role `partner` (required then, refused otherwise): the partner organisation the
    /// account belongs to (decision 0041).
    pub partner_id: Option<i64>,
    /// Hours per week, 0 to 40, at most two decimals (e.g. 28.8); optional.
    #[serde(default, deserialize_with = "number_or_text")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<f64>, example = 28.8))]
    pub contract_hours: Option<String>,
    /// Optional. Without it the account has no password yet and a one-time activation code is
    /// returned, once. With it: at least 10 characters; not a common or leaked password, not
    /// one character repeated or an obvious sequence, not made of the user's e-mail address or
    /// name.
    pub password: Option<String>,
}

/// A change of a staff account; a field left out stays as it is.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserPatch {
    pub name: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Role>))]
    pub role: Option<String>,
    /// All the user's teams (replaces them).
    pub team_ids: Option<Vec<i64>>,
    /// Hours per week, 0 to 40, at most two decimals (e.g. 28.8).
    #[serde(default, deserialize_with = "number_or_text")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<f64>, example = 28.8))]
    pub contract_hours: Option<String>,
    /// `false` deactivates the account and ends its sessions at once; `true` reactivates it
    /// (old sessions stay ended).
    pub active: Option<bool>,
}

/// A number in JSON, the text of a form field on a page: both read as text here, and checked
/// by [`contract_hours`].
fn number_or_text<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<String>, D::Error> {
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = Option<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a number of hours")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Self::Value, E> {
            Ok(Some(v.to_owned()))
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> std::result::Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_unit<E: serde::de::Error>(self) -> std::result::Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: serde::de::Error>(self) -> std::result::Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D2: serde::Deserializer<'de>>(self, d: D2) -> std::result::Result<Self::Value, D2::Error> {
            d.deserialize_any(V)
        }
    }
    d.deserialize_any(V)
}

/// Text that is no number of contract hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotHours;

/// Contract hours as typed (`28.8`, `28,8`, `32`) in hundredths of an hour: 0 to 40, at most
/// two decimals. `None` for an empty value.
pub fn parse_contract_hours(text: &str) -> std::result::Result<Option<i32>, NotHours> {
    let t = text.trim().replace(',', ".");
    if t.is_empty() {
        return Ok(None);
    }
    let (whole, fraction) = t.split_once('.').unwrap_or((&t, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || whole.len() > 3 || fraction.len() > 2 || !digits(whole) || !digits(fraction) {
        return Err(NotHours);
    }
    let whole: i32 = whole.parse().map_err(|_| NotHours)?;
    let fraction: i32 =
        if fraction.is_empty() { 0 } else { format!("{fraction:0<2}").parse().map_err(|_| NotHours)? };
    let hundredths = whole * 100 + fraction;
    if hundredths > MAX_CONTRACT_HOURS * 100 { Err(NotHours) } else { Ok(Some(hundredths)) }
}

/// Contract hours in hundredths as a number of hours.
pub fn hours(hundredths: i32) -> f64 {
    f64::from(hundredths) / 100.0
}

fn contract_hours(errors: &mut Errors, value: Option<&str>) -> Option<i32> {
    match value.map(parse_contract_hours) {
        None | Some(Ok(None)) => None,
        Some(Ok(Some(h))) => Some(h),
        Some(Err(NotHours)) => {
            errors
                .add(
                    "contract_hours",
                    "is a number of hours a week from 0 to 40, with at most two decimals (e.g. 28.8)",
                )
                .code("contract_hours");
            None
        }
    }
}

/// A staff account as the administration shows it.
#[derive(Debug, Clone)]
pub struct Account {
    pub user: User,
    pub extras: AccountExtras,
    /// Until when the account is locked after failed log-ins, if it is now.
    pub locked_until: Option<Timestamp>,
}

/// A one-time activation code, shown once to the admin who hands it over.
#[derive(Debug, Clone)]
pub struct IssuedCode {
    pub code: String,
    pub expires_at: Timestamp,
}

/// A new account, with its activation code when it was made without a password.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub account: Account,
    pub activation: Option<IssuedCode>,
}

async fn may_manage(app: &App, actor: &Actor) -> Result<()> {
    let attempt = Attempt::new(Refused::Organisation, "user");
    authorise(app, actor, Relation::NoRecord, Action::ManageUsers, attempt).await
}

fn staff_role(errors: &mut Errors, value: Option<&str>) -> Option<Role> {
    let staff_roles = || Role::STAFF.iter().map(|r| r.code()).collect::<Vec<_>>().join(", ");
    input::code(errors, "role", value, |c| Role::parse(c).filter(|r| r.is_staff()), staff_roles)
}

/// Whether the administration manages this account: staff, and partner organisations'
/// accounts (decision 0041); portal accounts are made by invitation only.
fn administered(role: Role) -> bool {
    role.is_staff() || role == Role::Partner
}

/// The role of a new account: a staff role, or `partner` with the partner organisation it
/// belongs to (which must exist and not have ended); any other role refuses a `partner_id`.
async fn new_account_role(
    errors: &mut Errors,
    tx: &mut Tx,
    input: &UserInput,
    today: jiff::civil::Date,
) -> Result<(Option<Role>, Option<buurtteam_domain::ids::PartnerId>)> {
    if input.role.as_deref() != Some(Role::Partner.code()) {
        if input.partner_id.is_some() {
            errors
                .add("partner_id", "only an account with the role partner belongs to a partner")
                .code("partner_not_partner_role");
        }
        return Ok((staff_role(errors, input.role.as_deref()), None));
    }
    if !input.team_ids.is_empty() {
        errors.add("team_ids", "a partner account is in no team").code("partner_in_team");
    }
    let Some(id) = input.partner_id else {
        errors.add("partner_id", "is required for a partner account").code("required");
        return Ok((Some(Role::Partner), None));
    };
    let id = buurtteam_domain::ids::PartnerId(id);
    match buurtteam_store::partners::get(tx, id).await? {
        None => {
            errors.add("partner_id", format!("no partner has id {}", id.0)).code("unknown_partner");
            Ok((Some(Role::Partner), None))
        }
        Some(p) if p.fields.ended_on.is_some_and(|e| e <= today) => {
            errors.add("partner_id", "this partner has ended").code("partner_ended");
            Ok((Some(Role::Partner), None))
        }
        Some(_) => Ok((Some(Role::Partner), Some(id))),
    }
}

/// The team ids, each checked to exist; sorted, without duplicates.
async fn teams(errors: &mut Errors, tx: &mut Tx, ids: &[i64]) -> Result<Vec<TeamId>> {
    for (i, t) in ids.iter().enumerate() {
        if org::get_team(tx, TeamId(*t)).await?.is_none() {
            errors.add(format!("team_ids[{i}]"), format!("no team has id {t}")).code("unknown_team");
        }
    }
    let mut teams: Vec<TeamId> = ids.iter().copied().map(TeamId).collect();
    teams.sort();
    teams.dedup();
    Ok(teams)
}

fn refusal(r: ChangeRefused) -> AppError {
    match r {
        ChangeRefused::OwnRights | ChangeRefused::OwnDeactivation => AppError::Forbidden(r.to_string()),
        ChangeRefused::LastAdmin => AppError::Conflict { message: r.to_string(), current_status: None },
        ChangeRefused::AdminInTeam => {
            let mut e = Errors::default();
            e.add("team_ids", "an admin is in no team (admins have no rights to client records)").code("admin_in_team");
            e.0.into()
        }
        ChangeRefused::TeamRequired => {
            let mut e = Errors::default();
            e.add("team_ids", "a family worker or team manager needs at least one team").code("team_required");
            e.0.into()
        }
    }
}

fn hours_json(h: Option<i32>) -> Value {
    h.map_or(Value::Null, |h| json!(hours(h)))
}

/// Creates a staff user (see [`create_account`]); the CLI's `buurtteam user add`.
pub async fn create_user(app: &App, actor: Option<&Actor>, input: &UserInput) -> Result<User> {
    Ok(create_account(app, actor, input).await?.account.user)
}

/// Creates a staff account. `actor` is `None` when the CLI does it on the server itself (how
/// the first admin is made); otherwise only admins may. Without a password the account gets
/// none here (`NO_LOCAL_PASSWORD`) and a one-time activation code, returned once.
pub async fn create_account(app: &App, actor: Option<&Actor>, input: &UserInput) -> Result<NewAccount> {
    if let Some(a) = actor {
        may_manage(app, a).await?;
    }
    let mut errors = Errors::default();
    let email = input::text(&mut errors, "email", input.email.as_deref(), 254).map(|e| e.to_lowercase());
    if let Some(e) = &email
        && !valid_email(e)
    {
        errors.add("email", "is not an e-mail address (name@example.nl)").code("invalid_email");
    }
    let name = input.name.as_deref().map(str::trim).unwrap_or_default().to_owned();
    if let Err(m) = check_name(&name) {
        input::name_error(&mut errors, "name", m);
    }
    let (role, partner) = {
        let mut tx = app.db.begin_read().await?;
        new_account_role(&mut errors, &mut tx, input, app.today()).await?
    };
    let hours = contract_hours(&mut errors, input.contract_hours.as_deref());
    if let Some(p) = input.password.as_deref().filter(|p| !p.is_empty()) {
        let context = PasswordContext { email: email.as_deref(), name: Some(&name), current: None };
        if let Err(e) = check_new_password("password", p, &context) {
            errors.0.push(e);
        }
    }
    let team_ids = {
        let mut tx = app.db.begin_read().await?;
        teams(&mut errors, &mut tx, &input.team_ids).await?
    };
    if let Some(role) = role
        && let Err(r) = rules::check_state(&AccountState { role, teams: team_ids.clone(), active: true })
        && let AppError::Validation(mut e) = refusal(r)
    {
        errors.0.append(&mut e);
    }
    errors.finish()?;
    let password_hash = match input.password.clone().filter(|p| !p.is_empty()) {
        Some(p) => hash_password_async(p).await?,
        None => NO_LOCAL_PASSWORD.to_owned(),
    };
    let (email, role) = (email.unwrap_or_default(), role.unwrap_or(Role::FamilyWorker));
    let now = app.now();
    let activation = (password_hash == NO_LOCAL_PASSWORD)
        .then(|| IssuedCode { code: crate::plan::new_code(), expires_at: expiry(now) });
    let new = NewUser { email: &email, name: &name, role, password_hash: &password_hash, team_ids: &team_ids };
    let mut tx = app.db.begin().await?;
    let id = org::insert_user(&mut tx, &new, now).await.map_err(|e| match e {
        StoreError::Duplicate => AppError::Conflict {
            message: "A user with this e-mail address exists already (email)".into(),
            current_status: None,
        },
        other => other.into(),
    })?;
    if hours.is_some() {
        store::update(&mut tx, id, &name, role, hours).await?;
    }
    if let Some(partner) = partner {
        buurtteam_store::partner_referrals::set_partner_of_user(&mut tx, id, partner).await?;
    }
    if let Some(code) = &activation {
        let hash = crate::plan::code_hash(&code.code);
        store::insert_activation_code(&mut tx, id, &hash, actor.map(|a| a.user_id), now, code.expires_at).await?;
    }
    let mut entry = audit_entry(actor, now, AuditAction::UserCreated, "user");
    entry.object_id = Some(id.0);
    entry.detail = json!({ "before": null, "after": {
        "email": email, "name": name, "role": role.code(), "team_ids": team_ids,
        "contract_hours": hours_json(hours), "active": true, "activation_code": activation.is_some(),
        "partner_id": partner.map(|p| p.0),
    }});
    audit::append(&mut tx, &entry).await?;
    let account = load(&mut tx, id, now).await?;
    tx.commit().await?;
    Ok(NewAccount { account, activation })
}

fn expiry(now: Timestamp) -> Timestamp {
    now.checked_add(ACTIVATION_CODE_VALID).unwrap_or(now)
}

async fn load(tx: &mut Tx, id: UserId, now: Timestamp) -> Result<Account> {
    let user = org::get_user(tx, id).await?.filter(|u| administered(u.role)).ok_or(AppError::NotFound("user"))?;
    let extras = store::extras_of(tx, id).await?;
    let locked_until = auth::account_locked_until(tx, &user.email, now).await?;
    Ok(Account { user, extras, locked_until })
}

/// The staff accounts, by name (admin only).
pub async fn list_accounts(app: &App, actor: &Actor) -> Result<Vec<Account>> {
    may_manage(app, actor).await?;
    let now = app.now();
    let mut tx = app.db.begin_read().await?;
    let users = org::list_users(&mut tx).await?;
    let extras = store::extras(&mut tx).await?;
    let mut out = Vec::new();
    for user in users.into_iter().filter(|u| administered(u.role)) {
        let extras = extras.iter().find(|(id, _)| *id == user.id).map(|(_, e)| e.clone()).unwrap_or_default();
        let locked_until = auth::account_locked_until(&mut tx, &user.email, now).await?;
        out.push(Account { user, extras, locked_until });
    }
    Ok(out)
}

/// The staff users (admin only), as `GET /api/v1/users` lists them.
pub async fn list_users(app: &App, actor: &Actor) -> Result<Vec<User>> {
    Ok(list_accounts(app, actor).await?.into_iter().map(|a| a.user).collect())
}

/// One staff account (admin only).
pub async fn get_account(app: &App, actor: &Actor, id: UserId) -> Result<Account> {
    may_manage(app, actor).await?;
    let mut tx = app.db.begin_read().await?;
    load(&mut tx, id, app.now()).await
}

/// Adds `field` to the before/after maps when it changed.
fn diff(before: &mut Map<String, Value>, after: &mut Map<String, Value>, field: &str, old: Value, new: Value) {
    if old != new {
        before.insert(field.to_owned(), old);
        after.insert(field.to_owned(), new);
    }
}

/// Changes a staff account (admin only): any of name, role, teams, contract hours, active.
/// Deactivating ends the user's sessions in the same transaction. Refused: an admin changing
/// their own role or teams or deactivating themselves (403), leaving no active admin (409),
/// an admin in a team or a family worker or team manager without one (422).
pub async fn change_account(app: &App, actor: &Actor, id: UserId, patch: &UserPatch) -> Result<Account> {
    may_manage(app, actor).await?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let current = load(&mut tx, id, now).await?;
    let user = &current.user;
    let mut errors = Errors::default();
    let name = match &patch.name {
        None => user.name.clone(),
        Some(n) => {
            let n = n.trim().to_owned();
            if let Err(m) = check_name(&n) {
                input::name_error(&mut errors, "name", m);
            }
            n
        }
    };
    let role = match patch.role.as_deref() {
        None => Some(user.role),
        Some(r) if r == user.role.code() => Some(user.role),
        // A partner account belongs to its organisation for good: another organisation or a
        // staff role is a new account (decision 0041).
        Some(_) if user.role == Role::Partner => {
            errors
                .add("role", "a partner account keeps its role; make a new account for another role")
                .code("partner_role_fixed");
            None
        }
        Some(r) if r == Role::Partner.code() => {
            errors
                .add("role", "a staff account cannot become a partner account; make a new account for the partner")
                .code("partner_role_new_account");
            None
        }
        Some(r) => staff_role(&mut errors, Some(r)),
    };
    let team_ids = match &patch.team_ids {
        None => user.team_ids.clone(),
        Some(ids) if user.role == Role::Partner && !ids.is_empty() => {
            errors.add("team_ids", "a partner account is in no team").code("partner_in_team");
            user.team_ids.clone()
        }
        Some(ids) => teams(&mut errors, &mut tx, ids).await?,
    };
    let hours = match &patch.contract_hours {
        None => current.extras.contract_hours_hundredths,
        Some(h) => contract_hours(&mut errors, Some(h)),
    };
    errors.finish()?;
    let role = role.unwrap_or(user.role);
    let active = patch.active.unwrap_or(user.active);
    let before = AccountState { role: user.role, teams: user.team_ids.clone(), active: user.active };
    let after = AccountState { role, teams: team_ids.clone(), active };
    let others = store::active_admins_except(&mut tx, id).await?;
    rules::check_change(actor.user_id, id, &before, &after, others).map_err(refusal)?;

    let (mut old, mut new) = (Map::new(), Map::new());
    diff(&mut old, &mut new, "name", json!(user.name), json!(name));
    diff(&mut old, &mut new, "role", json!(user.role.code()), json!(role.code()));
    diff(&mut old, &mut new, "team_ids", json!(user.team_ids), json!(team_ids));
    let old_hours = current.extras.contract_hours_hundredths;
    diff(&mut old, &mut new, "contract_hours", hours_json(old_hours), hours_json(hours));
    if !old.is_empty() {
        store::update(&mut tx, id, &name, role, hours).await?;
        if team_ids != user.team_ids {
            store::set_teams(&mut tx, id, &team_ids).await?;
        }
        let mut entry = audit_entry(Some(actor), now, AuditAction::UserChanged, "user");
        entry.object_id = Some(id.0);
        entry.detail = json!({ "before": old, "after": new });
        audit::append(&mut tx, &entry).await?;
    }
    if active != user.active {
        store::set_active(&mut tx, id, active).await?;
        let ended = if active { 0 } else { store::end_sessions(&mut tx, id).await? };
        let action = if active { AuditAction::UserReactivated } else { AuditAction::UserDeactivated };
        let mut entry = audit_entry(Some(actor), now, action, "user");
        entry.object_id = Some(id.0);
        entry.detail =
            json!({ "before": { "active": user.active }, "after": { "active": active }, "sessions_ended": ended });
        audit::append(&mut tx, &entry).await?;
    }
    let account = load(&mut tx, id, now).await?;
    tx.commit().await?;
    Ok(account)
}

/// Clears the lock-out of an account after failed log-ins, from every address (admin only).
pub async fn unlock(app: &App, actor: &Actor, id: UserId) -> Result<Account> {
    may_manage(app, actor).await?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let current = load(&mut tx, id, now).await?;
    let counted = auth::unlock_account(&mut tx, &current.user.email).await?;
    if counted {
        let mut entry = audit_entry(Some(actor), now, AuditAction::UserUnlocked, "user");
        entry.object_id = Some(id.0);
        entry.detail = json!({
            "before": { "locked": current.locked_until.is_some() }, "after": { "locked": false },
        });
        audit::append(&mut tx, &entry).await?;
    }
    let account = load(&mut tx, id, now).await?;
    tx.commit().await?;
    Ok(account)
}

/// Clears an account's second factor (TOTP and recovery codes; admin only). Where the role
/// requires one, the user sets it up again at their next log-in.
pub async fn reset_second_factor(app: &App, actor: &Actor, id: UserId) -> Result<Account> {
    may_manage(app, actor).await?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let current = load(&mut tx, id, now).await?;
    let had = credentials::by_user(&mut tx, id).await?.is_some_and(|c| c.totp_secret.is_some());
    if had || current.user.second_factor {
        credentials::disable_totp(&mut tx, id).await?;
        let mut entry = audit_entry(Some(actor), now, AuditAction::UserSecondFactorReset, "user");
        entry.object_id = Some(id.0);
        entry.detail = json!({
            "before": { "second_factor": current.user.second_factor }, "after": { "second_factor": false },
        });
        audit::append(&mut tx, &entry).await?;
    }
    let account = load(&mut tx, id, now).await?;
    tx.commit().await?;
    Ok(account)
}

/// A new one-time activation code for an account (a forgotten password, or a code that expired);
/// the codes issued before stop working. Admin only; not for a deactivated account (409). The
/// account's password stays as it is until the code is used.
pub async fn issue_activation_code(app: &App, actor: &Actor, id: UserId) -> Result<IssuedCode> {
    may_manage(app, actor).await?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let current = load(&mut tx, id, now).await?;
    if !current.user.active {
        return Err(AppError::Conflict {
            message: "the account is deactivated; reactivate it first".into(),
            current_status: None,
        });
    }
    let code = IssuedCode { code: crate::plan::new_code(), expires_at: expiry(now) };
    let hash = crate::plan::code_hash(&code.code);
    store::insert_activation_code(&mut tx, id, &hash, Some(actor.user_id), now, code.expires_at).await?;
    let mut entry = audit_entry(Some(actor), now, AuditAction::UserActivationCodeIssued, "user");
    entry.object_id = Some(id.0);
    let before = current.extras.activation_code_expires_at.map(|t| t.to_string());
    entry.detail = json!({
        "before": { "activation_code_expires_at": before },
        "after": { "activation_code_expires_at": code.expires_at.to_string() },
    });
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(code)
}

/// Whether the account's role must set up a second factor before working (shown on the pages).
pub fn second_factor_required(app: &App, role: Role) -> bool {
    app.settings.second_factor_roles.contains(&role)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_hours_are_read_as_people_write_them() {
        for (text, want) in [
            ("28.8", Some(2880)),
            ("28,8", Some(2880)),
            ("32", Some(3200)),
            ("0", Some(0)),
            ("40", Some(4000)),
            ("7,25", Some(725)),
            (" 36 ", Some(3600)),
            ("", None),
        ] {
            assert_eq!(parse_contract_hours(text), Ok(want), "{text}");
        }
        for text in ["40.01", "41", "-1", "28.888", "veel", ",5", "1e2", "28.8.1", "1000"] {
            assert_eq!(parse_contract_hours(text), Err(NotHours), "{text}");
        }
    }
}
