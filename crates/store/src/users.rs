//! Staff accounts as an admin manages them (migration 0019): contract hours, role and team
//! changes, deactivation, and the one-time activation codes handed over for a new account or a
//! forgotten password. Creating a user and reading one for a log-in stay in `organisation`
//! (`insert_user`, `get_user`, `find_login`).

use buurtteam_domain::codes::Role;
use buurtteam_domain::ids::{PartnerId, TeamId, UserId};
use jiff::Timestamp;

use crate::{Result, Tx, sql_ts};

type Ts = jiff_sqlx::Timestamp;

/// What the administration shows of an account beyond `organisation::User`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccountExtras {
    /// Hundredths of an hour per week (28.8 hours = 2880); `None` when never set.
    pub contract_hours_hundredths: Option<i32>,
    /// Whether the account has a password here (not yet activated, or single sign-on only,
    /// when it has none).
    pub has_password: bool,
    /// When its newest unused, unrevoked activation code expires, if it has one.
    pub activation_code_expires_at: Option<Timestamp>,
    /// For a partner organisation's account: that partner (decision 0041).
    pub partner_id: Option<PartnerId>,
}

/// The extras of every account, by user id.
pub async fn extras(tx: &mut Tx) -> Result<Vec<(UserId, AccountExtras)>> {
    type Row = (i64, Option<i32>, bool, Option<Ts>, Option<i64>);
    let rows: Vec<Row> = on!(tx, |c| sqlx::query_as(
        "SELECT u.id, u.contract_hours_hundredths, u.password_hash <> $1, \
           (SELECT MAX(a.expires_at) FROM staff_activation_codes a \
             WHERE a.user_id = u.id AND a.used_at IS NULL AND a.revoked_at IS NULL), \
           u.partner_id \
         FROM users u ORDER BY u.id"
    )
    .bind(crate::organisation::NO_LOCAL_PASSWORD)
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|(id, hours, has_password, code, partner)| {
            let extras = AccountExtras {
                contract_hours_hundredths: hours,
                has_password,
                activation_code_expires_at: code.map(|t| t.to_jiff()),
                partner_id: partner.map(PartnerId),
            };
            (UserId(id), extras)
        })
        .collect())
}

/// The extras of one account.
pub async fn extras_of(tx: &mut Tx, user: UserId) -> Result<AccountExtras> {
    Ok(extras(tx).await?.into_iter().find(|(id, _)| *id == user).map(|(_, e)| e).unwrap_or_default())
}

/// Sets name, role and contract hours.
pub async fn update(tx: &mut Tx, user: UserId, name: &str, role: Role, hundredths: Option<i32>) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE users SET name = $2, role = $3, contract_hours_hundredths = $4 WHERE id = $1")
        .bind(user.0)
        .bind(name)
        .bind(role.code())
        .bind(hundredths)
        .execute(&mut *c)
        .await)?;
    Ok(())
}

/// Replaces the user's team memberships.
pub async fn set_teams(tx: &mut Tx, user: UserId, teams: &[TeamId]) -> Result<()> {
    exec!(tx, |c| sqlx::query("DELETE FROM team_members WHERE user_id = $1").bind(user.0).execute(&mut *c).await)?;
    for team in teams {
        exec!(tx, |c| sqlx::query("INSERT INTO team_members (user_id, team_id) VALUES ($1, $2)")
            .bind(user.0)
            .bind(team.0)
            .execute(&mut *c)
            .await)?;
    }
    Ok(())
}

/// Makes the account active or not.
pub async fn set_active(tx: &mut Tx, user: UserId, active: bool) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE users SET active = $2 WHERE id = $1")
        .bind(user.0)
        .bind(active)
        .execute(&mut *c)
        .await)?;
    Ok(())
}

/// Ends every session of the user; how many there were.
pub async fn end_sessions(tx: &mut Tx, user: UserId) -> Result<u64> {
    exec!(tx, |c| sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user.0).execute(&mut *c).await)
        .map_err(Into::into)
}

/// The number of active admins, `except` one. On PostgreSQL the active admins' rows are locked
/// until the transaction ends, so that two admins deactivating each other at the same moment
/// cannot both succeed and leave none (SQLite's write transactions run one at a time anyway).
pub async fn active_admins_except(tx: &mut Tx, except: UserId) -> Result<i64> {
    let ids: Vec<i64> = match tx {
        Tx::Sqlite(c) => {
            sqlx::query_scalar("SELECT id FROM users WHERE role = $1 AND active")
                .bind(Role::Admin.code())
                .fetch_all(&mut **c)
                .await?
        }
        Tx::Postgres(c) => {
            sqlx::query_scalar("SELECT id FROM users WHERE role = $1 AND active ORDER BY id FOR UPDATE")
                .bind(Role::Admin.code())
                .fetch_all(&mut **c)
                .await?
        }
    };
    Ok(i64::try_from(ids.iter().filter(|id| **id != except.0).count()).unwrap_or(i64::MAX))
}

/// Stores a new activation code's hash for `user`, revoking the codes issued before.
pub async fn insert_activation_code(
    tx: &mut Tx,
    user: UserId,
    code_hash: &str,
    by: Option<UserId>,
    now: Timestamp,
    expires_at: Timestamp,
) -> Result<()> {
    exec!(tx, |c| {
        sqlx::query(
        "UPDATE staff_activation_codes SET revoked_at = $2 WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL"
    )
    .bind(user.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await
    })?;
    exec!(tx, |c| sqlx::query(
        "INSERT INTO staff_activation_codes (user_id, code_hash, created_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)"
    )
    .bind(user.0)
    .bind(code_hash)
    .bind(by.map(|u| u.0))
    .bind(sql_ts(now))
    .bind(sql_ts(expires_at))
    .execute(&mut *c)
    .await)?;
    Ok(())
}

/// A staff activation code as stored.
#[derive(Debug, Clone)]
pub struct ActivationCode {
    pub id: i64,
    pub user_id: UserId,
    pub expires_at: Timestamp,
    pub used_at: Option<Timestamp>,
    pub revoked_at: Option<Timestamp>,
}

impl ActivationCode {
    /// Whether the code can still be used at `now`.
    pub fn usable(&self, now: Timestamp) -> bool {
        self.used_at.is_none() && self.revoked_at.is_none() && now < self.expires_at
    }
}

pub async fn activation_code_by_hash(tx: &mut Tx, code_hash: &str) -> Result<Option<ActivationCode>> {
    type Row = (i64, i64, Ts, Option<Ts>, Option<Ts>);
    let row: Option<Row> = on!(tx, |c| sqlx::query_as(
        "SELECT id, user_id, expires_at, used_at, revoked_at FROM staff_activation_codes WHERE code_hash = $1"
    )
    .bind(code_hash)
    .fetch_optional(&mut *c)
    .await)?;
    Ok(row.map(|(id, user, expires, used, revoked)| ActivationCode {
        id,
        user_id: UserId(user),
        expires_at: expires.to_jiff(),
        used_at: used.map(|t| t.to_jiff()),
        revoked_at: revoked.map(|t| t.to_jiff()),
    }))
}

/// Marks a code used; `false` when it was used or revoked meanwhile.
pub async fn use_activation_code(tx: &mut Tx, id: i64, now: Timestamp) -> Result<bool> {
    let n = exec!(tx, |c| sqlx::query(
        "UPDATE staff_activation_codes SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL"
    )
    .bind(id)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(n == 1)
}
