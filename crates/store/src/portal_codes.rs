//! One-time codes of Mijn Buurtteam (portal invitations for household members, network
//! invitations for important others) after their time: an unused code that has expired keeps
//! its row (who was invited, when) but loses its hash.

use jiff::Timestamp;

use crate::{Result, StoreError, Tx, sql_ts};

/// What an expired code's hash becomes: unique per row (the column is), never a SHA-256 hex.
const EXPIRED: &str = "'expired:' || id";

/// Expires the unused codes whose time is up; returns how many.
pub async fn expire_unused(tx: &mut Tx, now: Timestamp) -> Result<u64> {
    let portal = format!(
        "UPDATE portal_invitations SET code_hash = {EXPIRED} \
         WHERE used_at IS NULL AND expires_at < $1 AND code_hash NOT LIKE 'expired:%'"
    );
    let network = format!(
        "UPDATE network_invitations SET code_hash = {EXPIRED} \
         WHERE activated_at IS NULL AND expires_at < $1 AND code_hash NOT LIKE 'expired:%'"
    );
    let mut n = 0;
    for sql in [portal, network] {
        n += exec!(tx, |c| sqlx::query(sqlx::AssertSqlSafe(sql.as_str())).bind(sql_ts(now)).execute(&mut *c).await)
            .map_err(StoreError::from)?;
    }
    Ok(n)
}
