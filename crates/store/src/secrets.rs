//! The columns that hold secrets the application must read back (decision 0026): each holds
//! its value encrypted by `buurtteam_app::secrets`, never in plain text. The store does not
//! encrypt; it lists the columns, and reads and replaces their values for the start-up
//! encryption of old plain values and for key rotation.
//!
//! Secrets that only need comparing are hashed instead and are not listed here: session
//! tokens, recovery codes, activation and invitation codes, passwords (Argon2), the `state` of a
//! single sign-on log-in.

use crate::{Result, Tx};

/// A column holding an encrypted secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// `users.totp_secret`: the TOTP second factor's shared secret (base32).
    TotpSecret,
    /// `sessions.sso_id_token`: the ID token of a session opened through single sign-on (kept
    /// to log out at the provider; it carries the person's name and e-mail address).
    SsoIdToken,
    /// `sso_requests.pkce_verifier`: the PKCE verifier of a single sign-on log-in under way.
    SsoPkceVerifier,
    /// `survey_invitations.code_sealed`: an experience survey's code, kept so that the worker
    /// can print the letter again until it is used or expires (decision 0030).
    SurveyCode,
}

impl Column {
    pub const ALL: [Self; 4] = [Self::TotpSecret, Self::SsoIdToken, Self::SsoPkceVerifier, Self::SurveyCode];

    /// `table.column`: part of what a value is bound to, and the name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::TotpSecret => "users.totp_secret",
            Self::SsoIdToken => "sessions.sso_id_token",
            Self::SsoPkceVerifier => "sso_requests.pkce_verifier",
            Self::SurveyCode => "survey_invitations.code_sealed",
        }
    }

    /// (table, column, the row's key column, whether that key is an integer).
    fn parts(self) -> (&'static str, &'static str, &'static str, bool) {
        match self {
            Self::TotpSecret => ("users", "totp_secret", "id", true),
            Self::SsoIdToken => ("sessions", "sso_id_token", "token_hash", false),
            Self::SsoPkceVerifier => ("sso_requests", "pkce_verifier", "state_hash", false),
            Self::SurveyCode => ("survey_invitations", "code_sealed", "id", true),
        }
    }
}

/// One stored secret: its column, its row's key (as text) and the value as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub column: Column,
    pub row: String,
    pub value: String,
}

/// Every value stored in `column` (rows where it is empty are left out), by row.
pub async fn all(tx: &mut Tx, column: Column) -> Result<Vec<Stored>> {
    let (table, col, key, _) = column.parts();
    let sql = format!("SELECT CAST({key} AS TEXT), {col} FROM {table} WHERE {col} IS NOT NULL ORDER BY {key}");
    let rows: Vec<(String, String)> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(|(row, value)| Stored { column, row, value }).collect())
}

/// Replaces a stored value by `value`, only where it still holds what was read (`stored`);
/// false when it changed in between (a new enrolment, a session that ended).
pub async fn replace(tx: &mut Tx, stored: &Stored, value: &str) -> Result<bool> {
    let (table, col, key, integer) = stored.column.parts();
    let sql = format!("UPDATE {table} SET {col} = $1 WHERE {key} = $2 AND {col} = $3");
    let sql = sqlx::AssertSqlSafe(sql.as_str());
    let done = if integer {
        let id: i64 = stored
            .row
            .parse()
            .map_err(|_| crate::StoreError::Corrupt(format!("{} row {:?} is not a number", table, stored.row)))?;
        exec!(tx, |c| sqlx::query(sql).bind(value).bind(id).bind(&stored.value).execute(&mut *c).await)?
    } else {
        exec!(tx, |c| sqlx::query(sql).bind(value).bind(&stored.row).bind(&stored.value).execute(&mut *c).await)?
    };
    Ok(done == 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Db;

    #[tokio::test]
    async fn lists_and_replaces_each_secret_column_on_sqlite() {
        let dir = tempfile::tempdir().expect("dir");
        let db = Db::connect(&format!("sqlite://{}", dir.path().join("t.db").display())).await.expect("connect");
        db.migrate().await.expect("migrate");
        db.write(|tx| {
            Box::pin(async move {
                exec!(tx, |c| sqlx::query(
                    "INSERT INTO users (id, email, name, role, password_hash, active, created_at) \
                     VALUES (7, 'a@b.nl', 'Ayşe Şahin', 'admin', 'x', TRUE, '2026-01-01T00:00:00Z')"
                )
                .execute(&mut *c)
                .await)?;
                exec!(tx, |c| sqlx::query("UPDATE users SET totp_secret = 'PLAIN' WHERE id = 7")
                    .execute(&mut *c)
                    .await)?;
                exec!(tx, |c| sqlx::query(
                    "INSERT INTO sso_requests (state_hash, provider, nonce, pkce_verifier, next, created_at) \
                     VALUES ('s1', 'p', 'n', 'verifier', '/', '2026-01-01T00:00:00Z')"
                )
                .execute(&mut *c)
                .await)?;
                Ok::<_, crate::StoreError>(())
            })
        })
        .await
        .expect("seed");
        let mut tx = db.begin().await.expect("tx");
        let totp = all(&mut tx, Column::TotpSecret).await.expect("all");
        assert_eq!(totp, vec![Stored { column: Column::TotpSecret, row: "7".into(), value: "PLAIN".into() }]);
        assert!(replace(&mut tx, &totp[0], "v1:sealed").await.expect("replace"));
        assert!(!replace(&mut tx, &totp[0], "v1:again").await.expect("replace"), "the value changed meanwhile");
        let pkce = all(&mut tx, Column::SsoPkceVerifier).await.expect("all");
        assert_eq!(pkce[0].row, "s1");
        assert!(replace(&mut tx, &pkce[0], "v1:x").await.expect("replace"));
        assert!(all(&mut tx, Column::SsoIdToken).await.expect("all").is_empty());
        assert_eq!(all(&mut tx, Column::TotpSecret).await.expect("all")[0].value, "v1:sealed");
    }
}
