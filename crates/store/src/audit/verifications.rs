//! The outcomes of verifying the audit log's chains (table `audit_verifications`, migration
//! 0023): what the daily job and each check on request found, newest first, for the alert on
//! the admin and privacy pages.

use buurtteam_domain::ids::UserId;
use jiff::Timestamp;

use super::chain::{Broken, Problem, Verification};
use super::heads;
use crate::{Result, StoreError, Tx, sql_ts};

/// One verification as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub id: i64,
    pub verified_at: Timestamp,
    /// Who asked for it; `None`: the scheduled job or the command line.
    pub ran_by: Option<UserId>,
    pub ran_by_name: Option<String>,
    pub rows: i64,
    pub chains: i64,
    pub pseudonymised: i64,
    /// How many breaks were found (one per broken chain, plus unchained rows).
    pub broken_count: i64,
    /// The first of them, lowest id first.
    pub first_broken: Option<Broken>,
    pub heads_digest: String,
}

/// Records `v`, verified at `at` for `ran_by`; returns its id.
pub async fn record(tx: &mut Tx, v: &Verification, at: Timestamp, ran_by: Option<UserId>) -> Result<i64> {
    let first = v.first_broken();
    let problem =
        first.map(|b| serde_json::to_string(&b.problem)).transpose().map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let n = |x: u64| i64::try_from(x).unwrap_or(i64::MAX);
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO audit_verifications (verified_at, ran_by, rows_verified, chains, pseudonymised, broken_count, \
         broken_id, broken_chain, broken_seq, problem, heads_digest) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id"
    )
    .bind(sql_ts(at))
    .bind(ran_by.map(|u| u.0))
    .bind(n(v.rows))
    .bind(n(v.chains))
    .bind(n(v.pseudonymised))
    .bind(i64::try_from(v.broken.len()).unwrap_or(i64::MAX))
    .bind(first.and_then(|b| b.id))
    .bind(first.and_then(|b| b.chain))
    .bind(first.and_then(|b| b.seq))
    .bind(problem.as_deref())
    .bind(heads::digest(&v.heads))
    .fetch_one(&mut *c)
    .await)?;
    Ok(id)
}

type Row = (
    i64,
    jiff_sqlx::Timestamp,
    Option<i64>,
    Option<String>,
    i64,
    i64,
    i64,
    i64,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<String>,
    String,
);

/// The latest `limit` verifications, newest first.
pub async fn latest(tx: &mut Tx, limit: i64) -> Result<Vec<Recorded>> {
    let rows: Vec<Row> = on!(tx, |c| sqlx::query_as(
        "SELECT v.id, v.verified_at, v.ran_by, u.name, v.rows_verified, v.chains, v.pseudonymised, v.broken_count, \
         v.broken_id, v.broken_chain, v.broken_seq, v.problem, v.heads_digest \
         FROM audit_verifications v LEFT JOIN users u ON u.id = v.ran_by ORDER BY v.id DESC LIMIT $1"
    )
    .bind(limit)
    .fetch_all(&mut *c)
    .await)?;
    rows.into_iter()
        .map(
            |(
                id,
                at,
                ran_by,
                name,
                rows,
                chains,
                pseudonymised,
                broken_count,
                b_id,
                b_chain,
                b_seq,
                problem,
                digest,
            )| {
                let first_broken = match problem {
                    None => None,
                    Some(p) => Some(Broken {
                        id: b_id,
                        chain: b_chain,
                        seq: b_seq,
                        problem: serde_json::from_str::<Problem>(&p)
                            .map_err(|e| StoreError::Corrupt(format!("audit_verifications.problem {p:?}: {e}")))?,
                    }),
                };
                Ok(Recorded {
                    id,
                    verified_at: at.to_jiff(),
                    ran_by: ran_by.map(UserId),
                    ran_by_name: name,
                    rows,
                    chains,
                    pseudonymised,
                    broken_count,
                    first_broken,
                    heads_digest: digest,
                })
            },
        )
        .collect()
}

/// When the audit log's oldest row was written (to tell a new installation from one whose
/// verifications stopped).
pub async fn oldest_row_at(tx: &mut Tx) -> Result<Option<Timestamp>> {
    let at: Option<jiff_sqlx::Timestamp> =
        on!(tx, |c| sqlx::query_scalar("SELECT MIN(occurred_at) FROM audit_log").fetch_one(&mut *c).await)?;
    Ok(at.map(|t| t.to_jiff()))
}
