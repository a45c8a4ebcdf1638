//! Single sign-on (decision 0017): the subjects providers gave accounts, the log-ins under way
//! at a provider, the provider of a session, and the BSN look-up of a DigiD log-in.

use buurtteam_domain::ids::{PersonId, UserId};
use jiff::Timestamp;

use crate::{Result, Tx, sql_ts};

type Ts = jiff_sqlx::Timestamp;

/// The account a provider's subject was linked to.
pub async fn user_by_identity(tx: &mut Tx, provider: &str, subject: &str) -> Result<Option<UserId>> {
    let id: Option<i64> =
        on!(tx, |c| sqlx::query_scalar("SELECT user_id FROM user_identities WHERE provider = $1 AND subject = $2")
            .bind(provider)
            .bind(subject)
            .fetch_optional(&mut *c)
            .await)?;
    Ok(id.map(UserId))
}

/// Links a provider's subject to an account (once; a second link of the same subject is kept).
pub async fn link_identity(tx: &mut Tx, provider: &str, subject: &str, user: UserId, now: Timestamp) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "INSERT INTO user_identities (provider, subject, user_id, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (provider, subject) DO NOTHING"
    )
    .bind(provider)
    .bind(subject)
    .bind(user.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(())
}

/// The providers an account is linked to, with the subject.
pub async fn identities_of(tx: &mut Tx, user: UserId) -> Result<Vec<(String, String)>> {
    let rows: Vec<(String, String)> = on!(tx, |c| sqlx::query_as(
        "SELECT provider, subject FROM user_identities WHERE user_id = $1 ORDER BY provider, subject"
    )
    .bind(user.0)
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows)
}

/// A log-in under way at a provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub provider: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub next: String,
    pub created_at: Timestamp,
}

/// Records a log-in under way; forgets those started before `forget_before`.
pub async fn insert_request(tx: &mut Tx, state_hash: &str, request: &Request, forget_before: Timestamp) -> Result<()> {
    exec!(tx, |c| sqlx::query("DELETE FROM sso_requests WHERE created_at < $1")
        .bind(sql_ts(forget_before))
        .execute(&mut *c)
        .await)?;
    exec!(tx, |c| sqlx::query(
        "INSERT INTO sso_requests (state_hash, provider, nonce, pkce_verifier, next, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)"
    )
    .bind(state_hash)
    .bind(&request.provider)
    .bind(&request.nonce)
    .bind(&request.pkce_verifier)
    .bind(&request.next)
    .bind(sql_ts(request.created_at))
    .execute(&mut *c)
    .await)?;
    Ok(())
}

/// Takes a log-in under way by the hash of its state: it is deleted, so a state works once.
pub async fn take_request(tx: &mut Tx, state_hash: &str) -> Result<Option<Request>> {
    let row: Option<(String, String, String, String, Ts)> = on!(tx, |c| sqlx::query_as(
        "DELETE FROM sso_requests WHERE state_hash = $1 \
         RETURNING provider, nonce, pkce_verifier, next, created_at"
    )
    .bind(state_hash)
    .fetch_optional(&mut *c)
    .await)?;
    Ok(row.map(|(provider, nonce, pkce_verifier, next, at)| Request {
        provider,
        nonce,
        pkce_verifier,
        next,
        created_at: at.to_jiff(),
    }))
}

/// Marks a session as opened through `provider`, keeping its ID token for logging out there,
/// and whether the provider asserted a second factor.
pub async fn set_session_provider(
    tx: &mut Tx,
    token_hash: &str,
    provider: &str,
    id_token: &str,
    second_factor: bool,
) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "UPDATE sessions SET sso_provider = $2, sso_id_token = $3, sso_second_factor = $4 WHERE token_hash = $1"
    )
    .bind(token_hash)
    .bind(provider)
    .bind(id_token)
    .bind(second_factor)
    .execute(&mut *c)
    .await)?;
    Ok(())
}

/// Whether the session was opened through a provider that asserted a second factor.
pub async fn session_second_factor(tx: &mut Tx, token_hash: &str) -> Result<bool> {
    let found: Option<bool> =
        on!(tx, |c| sqlx::query_scalar("SELECT sso_second_factor FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(&mut *c)
            .await)?;
    Ok(found.unwrap_or(false))
}

/// The provider a session was opened through, and its ID token.
pub async fn session_provider(tx: &mut Tx, token_hash: &str) -> Result<Option<(String, String)>> {
    let row: Option<(Option<String>, Option<String>)> =
        on!(tx, |c| sqlx::query_as("SELECT sso_provider, sso_id_token FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(&mut *c)
            .await)?;
    Ok(row.and_then(|(p, t)| Some((p?, t.unwrap_or_default()))))
}

/// An open portal invitation (unused, unexpired) of a person with a given BSN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenInvitation {
    pub id: i64,
    pub case_id: buurtteam_domain::ids::CaseId,
    pub person_id: PersonId,
}

/// What a DigiD log-in with `bsn` may open: the portal accounts linked to a person with that
/// BSN (active or not, oldest first), and the open portal invitations of such persons (newest
/// first).
pub async fn portal_by_bsn(
    tx: &mut Tx,
    bsn: &str,
    now: Timestamp,
) -> Result<(Vec<(UserId, PersonId)>, Vec<OpenInvitation>)> {
    let accounts: Vec<(i64, i64)> = on!(tx, |c| sqlx::query_as(
        "SELECT u.id, u.person_id FROM users u JOIN persons p ON p.id = u.person_id \
         WHERE p.bsn = $1 AND u.role = 'family_member' ORDER BY u.id"
    )
    .bind(bsn)
    .fetch_all(&mut *c)
    .await)?;
    // Expiry compared here, as timestamps (SQLite holds them as text).
    let open: Vec<(i64, i64, i64, Ts)> = on!(tx, |c| sqlx::query_as(
        "SELECT i.id, i.case_id, i.person_id, i.expires_at FROM portal_invitations i \
         JOIN persons p ON p.id = i.person_id WHERE p.bsn = $1 AND i.used_at IS NULL ORDER BY i.id DESC"
    )
    .bind(bsn)
    .fetch_all(&mut *c)
    .await)?;
    Ok((
        accounts.into_iter().map(|(u, p)| (UserId(u), PersonId(p))).collect(),
        open.into_iter()
            .filter(|r| r.3.to_jiff() > now)
            .map(|(id, case, person, _)| OpenInvitation {
                id,
                case_id: buurtteam_domain::ids::CaseId(case),
                person_id: PersonId(person),
            })
            .collect(),
    ))
}

/// A team's id by its name (the team that provisioned accounts join).
pub async fn team_by_name(tx: &mut Tx, name: &str) -> Result<Option<buurtteam_domain::ids::TeamId>> {
    let id: Option<i64> = on!(tx, |c| sqlx::query_scalar("SELECT id FROM teams WHERE name = $1")
        .bind(name)
        .fetch_optional(&mut *c)
        .await)?;
    Ok(id.map(buurtteam_domain::ids::TeamId))
}
