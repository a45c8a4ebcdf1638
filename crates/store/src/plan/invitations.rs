//! Invitations into Mijn Buurtteam: network members onto a goal, household members onto
//! the portal.

use buurtteam_domain::ids::{CaseId, GoalId, NetworkInvitationId, PersonId, UserId};
use jiff::Timestamp;

use crate::{Result, Tx, sql_ts};

use super::Ts;
use super::rows::NetworkInvitation;

pub struct NewInvitation<'a> {
    pub goal_id: GoalId,
    pub name: &'a str,
    pub relation: &'a str,
    pub email: &'a str,
    pub code_hash: &'a str,
    pub invited_by: UserId,
    pub expires_at: Timestamp,
}

pub async fn insert_network_invitation(
    tx: &mut Tx,
    n: &NewInvitation<'_>,
    now: Timestamp,
) -> Result<NetworkInvitationId> {
    let id: i64 = on!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO network_invitations (goal_id, name, relation, email, code_hash, invited_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id"
    )
    .bind(n.goal_id.0)
    .bind(n.name)
    .bind(n.relation)
    .bind(n.email)
    .bind(n.code_hash)
    .bind(n.invited_by.0)
    .bind(sql_ts(now))
    .bind(sql_ts(n.expires_at))
    .fetch_one(&mut *c)
    .await
    })?;
    Ok(NetworkInvitationId(id))
}

type InvitationRow = (i64, i64, String, String, String, i64, Ts, Ts, Option<i64>, Option<Ts>, Option<Ts>);
const INVITATION_COLUMNS: &str = "i.id, i.goal_id, i.name, i.relation, i.email, i.invited_by, i.created_at, \
     i.expires_at, i.user_id, i.activated_at, i.revoked_at";

fn invitation_of(r: InvitationRow) -> NetworkInvitation {
    NetworkInvitation {
        id: NetworkInvitationId(r.0),
        goal_id: GoalId(r.1),
        name: r.2,
        relation: r.3,
        email: r.4,
        invited_by: UserId(r.5),
        created_at: r.6.to_jiff(),
        expires_at: r.7.to_jiff(),
        user_id: r.8.map(UserId),
        activated_at: r.9.map(|t| t.to_jiff()),
        revoked_at: r.10.map(|t| t.to_jiff()),
    }
}

pub(super) async fn invitations_where(tx: &mut Tx, filter: &str, value: i64) -> Result<Vec<NetworkInvitation>> {
    let sql = format!(
        "SELECT {INVITATION_COLUMNS} FROM network_invitations i JOIN goals g ON g.id = i.goal_id WHERE {filter} ORDER BY i.id"
    );
    let rows: Vec<InvitationRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(value).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(invitation_of).collect())
}

pub async fn network_invitation(tx: &mut Tx, id: NetworkInvitationId) -> Result<Option<NetworkInvitation>> {
    Ok(invitations_where(tx, "i.id = $1", id.0).await?.pop())
}

pub async fn network_invitation_by_code(tx: &mut Tx, code_hash: &str) -> Result<Option<NetworkInvitation>> {
    let sql = format!("SELECT {INVITATION_COLUMNS} FROM network_invitations i WHERE i.code_hash = $1");
    let row: Option<InvitationRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(code_hash).fetch_optional(&mut *c).await)?;
    Ok(row.map(invitation_of))
}

/// The invitations a network member's account holds, live or not.
pub async fn invitations_of_user(tx: &mut Tx, user: UserId) -> Result<Vec<NetworkInvitation>> {
    invitations_where(tx, "i.user_id = $1", user.0).await
}

/// Binds an invitation to the account that used its code; `false` when it was used, revoked
/// or expired meanwhile.
pub async fn activate_network_invitation(
    tx: &mut Tx,
    id: NetworkInvitationId,
    user: UserId,
    now: Timestamp,
) -> Result<bool> {
    let n = exec!(tx, |c| sqlx::query(
        "UPDATE network_invitations SET user_id = $2, activated_at = $3 \
         WHERE id = $1 AND user_id IS NULL AND revoked_at IS NULL AND expires_at > $3"
    )
    .bind(id.0)
    .bind(user.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(n == 1)
}

/// Revokes an invitation; `false` when it was revoked already.
pub async fn revoke_network_invitation(
    tx: &mut Tx,
    id: NetworkInvitationId,
    by: UserId,
    now: Timestamp,
) -> Result<bool> {
    let n = exec!(tx, |c| sqlx::query(
        "UPDATE network_invitations SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL"
    )
    .bind(id.0)
    .bind(sql_ts(now))
    .bind(by.0)
    .execute(&mut *c)
    .await)?;
    Ok(n == 1)
}

/// An invitation of a household member into Mijn Buurtteam.
#[derive(Debug, Clone)]
pub struct PortalInvitation {
    pub id: i64,
    pub case_id: CaseId,
    pub person_id: PersonId,
    pub expires_at: Timestamp,
    pub used_at: Option<Timestamp>,
}

pub async fn insert_portal_invitation(
    tx: &mut Tx,
    case: CaseId,
    person: PersonId,
    code_hash: &str,
    by: UserId,
    expires_at: Timestamp,
    now: Timestamp,
) -> Result<i64> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO portal_invitations (case_id, person_id, code_hash, created_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"
    )
    .bind(case.0)
    .bind(person.0)
    .bind(code_hash)
    .bind(by.0)
    .bind(sql_ts(now))
    .bind(sql_ts(expires_at))
    .fetch_one(&mut *c)
    .await)?;
    Ok(id)
}

pub async fn portal_invitation_by_code(tx: &mut Tx, code_hash: &str) -> Result<Option<PortalInvitation>> {
    type Row = (i64, i64, i64, Ts, Option<Ts>);
    let row: Option<Row> = on!(tx, |c| sqlx::query_as(
        "SELECT id, case_id, person_id, expires_at, used_at FROM portal_invitations WHERE code_hash = $1"
    )
    .bind(code_hash)
    .fetch_optional(&mut *c)
    .await)?;
    Ok(row.map(|r| PortalInvitation {
        id: r.0,
        case_id: CaseId(r.1),
        person_id: PersonId(r.2),
        expires_at: r.3.to_jiff(),
        used_at: r.4.map(|t| t.to_jiff()),
    }))
}

/// Marks a portal invitation used by `user`; `false` when it was used meanwhile.
pub async fn use_portal_invitation(tx: &mut Tx, id: i64, user: UserId, now: Timestamp) -> Result<bool> {
    let n = exec!(tx, |c| sqlx::query(
        "UPDATE portal_invitations SET used_at = $2, user_id = $3 WHERE id = $1 AND used_at IS NULL"
    )
    .bind(id)
    .bind(sql_ts(now))
    .bind(user.0)
    .execute(&mut *c)
    .await)?;
    Ok(n == 1)
}

/// Uses a portal invitation's code up without an account (a refused activation that must not
/// be told apart from a successful one); `false` when it was used meanwhile.
pub async fn spend_portal_invitation(tx: &mut Tx, id: i64, now: Timestamp) -> Result<bool> {
    let n = exec!(tx, |c| sqlx::query("UPDATE portal_invitations SET used_at = $2 WHERE id = $1 AND used_at IS NULL")
        .bind(id)
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await)?;
    Ok(n == 1)
}

/// Uses a network invitation's code up without an account: it expires now.
pub async fn spend_network_invitation(tx: &mut Tx, id: NetworkInvitationId, now: Timestamp) -> Result<bool> {
    let n = exec!(tx, |c| sqlx::query(
        "UPDATE network_invitations SET expires_at = $2 WHERE id = $1 AND user_id IS NULL AND revoked_at IS NULL"
    )
    .bind(id.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(n == 1)
}

/// Whether a portal account was invited into this case.
pub async fn invited_to_case(tx: &mut Tx, user: UserId, case: CaseId) -> Result<bool> {
    let n: i64 =
        on!(tx, |c| sqlx::query_scalar("SELECT COUNT(*) FROM portal_invitations WHERE user_id = $1 AND case_id = $2")
            .bind(user.0)
            .bind(case.0)
            .fetch_one(&mut *c)
            .await)?;
    Ok(n > 0)
}

/// The latest case a household member's account was invited into.
pub async fn latest_invited_case(tx: &mut Tx, user: UserId) -> Result<Option<CaseId>> {
    let id: Option<i64> = on!(tx, |c| sqlx::query_scalar(
        "SELECT case_id FROM portal_invitations WHERE user_id = $1 ORDER BY used_at DESC, id DESC LIMIT 1"
    )
    .bind(user.0)
    .fetch_optional(&mut *c)
    .await)?;
    Ok(id.map(CaseId))
}

/// The portal account of a household member, if they have one (for producing what that member
/// would see in Mijn Buurtteam: their own comments and proposals are theirs by account).
pub async fn portal_user_of(tx: &mut Tx, person: PersonId) -> Result<Option<UserId>> {
    let id: Option<i64> = on!(tx, |c| sqlx::query_scalar(
        "SELECT id FROM users WHERE person_id = $1 AND role = 'family_member' ORDER BY id DESC LIMIT 1"
    )
    .bind(person.0)
    .fetch_optional(&mut *c)
    .await)?;
    Ok(id.map(UserId))
}
