//! The hash chain over the audit log (decision 0021): appending a link, sealing rows written
//! before the chain existed, verifying every chain, and pseudonymising the rows of a destroyed
//! file without breaking it. The hashing itself is `buurtteam_domain::audit_chain`.

use buurtteam_domain::audit_chain::{self, GENESIS, Link};
use buurtteam_domain::ids::{CaseId, HouseholdId};
use jiff::Timestamp;

use crate::{Db, Result, StoreError, Tx, sql_ts};

/// A fresh random salt for a row's detail digest (128 bits, hexadecimal).
pub(crate) fn new_salt() -> String {
    let mut bytes = [0u8; 16];
    rand::fill(&mut bytes);
    audit_chain::hex(&bytes)
}

/// Takes the next place in this transaction's chain: `(chain, seq, previous hash)`. SQLite has
/// one writer and one chain (0). On PostgreSQL each server process has its own chain, so
/// concurrent transactions never share (and never wait for) a head; the upsert also locks the
/// head row until the transaction ends. The row's insert moves the head's hash on (trigger
/// `audit_log_advance_head`).
pub(crate) async fn advance(tx: &mut Tx) -> Result<(i64, i64, String)> {
    // GENESIS written out: the statement is a constant on the hottest path (every audited read).
    const SQLITE: &str = "INSERT INTO audit_chain_heads (chain, seq, hash) VALUES (0, 1, \
         '0000000000000000000000000000000000000000000000000000000000000000') \
         ON CONFLICT (chain) DO UPDATE SET seq = audit_chain_heads.seq + 1 RETURNING chain, seq, hash";
    const POSTGRES: &str = "INSERT INTO audit_chain_heads (chain, seq, hash) VALUES (pg_backend_pid(), 1, \
         '0000000000000000000000000000000000000000000000000000000000000000') \
         ON CONFLICT (chain) DO UPDATE SET seq = audit_chain_heads.seq + 1 RETURNING chain, seq, hash";
    Ok(match tx {
        Tx::Sqlite(t) => sqlx::query_as(SQLITE).fetch_one(&mut **t).await?,
        Tx::Postgres(t) => sqlx::query_as(POSTGRES).fetch_one(&mut **t).await?,
    })
}

/// Where a chain ends, as `audit_chain_heads` says (and as an exported copy of it says).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Head {
    pub chain: i64,
    pub seq: i64,
    pub hash: String,
}

/// The head of every chain, by chain.
pub async fn heads(tx: &mut Tx) -> Result<Vec<Head>> {
    let rows: Vec<(i64, i64, String)> =
        on!(tx, |c| sqlx::query_as("SELECT chain, seq, hash FROM audit_chain_heads ORDER BY chain")
            .fetch_all(&mut *c)
            .await)?;
    Ok(rows.into_iter().map(|(chain, seq, hash)| Head { chain, seq, hash }).collect())
}

/// A stored row with everything its hash covers.
#[derive(Debug, Clone, sqlx::FromRow)]
struct Stored {
    id: i64,
    seq: Option<i64>,
    hash: Option<String>,
    detail_digest: Option<String>,
    detail_salt: Option<String>,
    pseudonymised_at: Option<jiff_sqlx::Timestamp>,
    occurred_at: jiff_sqlx::Timestamp,
    actor_user_id: Option<i64>,
    actor_role: Option<String>,
    action: String,
    object_type: String,
    object_id: Option<i64>,
    case_id: Option<i64>,
    household_id: Option<i64>,
    client_id: Option<i64>,
    acting_for_person_id: Option<i64>,
    goal_id: Option<i64>,
    session_ref: Option<String>,
    detail: String,
}

const STORED_COLUMNS: &str = "id, chain, seq, hash, detail_digest, detail_salt, pseudonymised_at, occurred_at, \
     actor_user_id, actor_role, action, object_type, object_id, case_id, household_id, client_id, \
     acting_for_person_id, goal_id, session_ref, detail";

impl Stored {
    /// The hash this row should carry after `prev_hash`, in chain `chain` at `seq`.
    fn expected_hash(&self, chain: i64, seq: i64, prev_hash: &str, detail_digest: &str) -> String {
        let occurred_at = self.occurred_at.to_jiff().to_string();
        audit_chain::row_hash(&Link {
            chain,
            seq,
            prev_hash,
            occurred_at: &occurred_at,
            actor_user_id: self.actor_user_id,
            actor_role: self.actor_role.as_deref(),
            action: &self.action,
            object_type: &self.object_type,
            object_id: self.object_id,
            case_id: self.case_id,
            household_id: self.household_id,
            client_id: self.client_id,
            acting_for_person_id: self.acting_for_person_id,
            goal_id: self.goal_id,
            session_ref: self.session_ref.as_deref(),
            detail_digest,
        })
    }
}

/// How many rows written before the chain existed are sealed per transaction.
const SEAL_BATCH: i64 = 2_000;

/// Seals the rows written before migration 0022 into chain 0, in id order, once: only rows
/// below the boundary that migration recorded, and only until sealing has finished, so that a
/// row slipped into the table later is never sealed (it shows as unchained instead). Runs when
/// the server starts, after the migrations; returns how many rows it sealed.
pub async fn seal_unchained(db: &Db) -> Result<u64> {
    let mut total = 0u64;
    loop {
        let sealed: u64 = db.write(|tx| Box::pin(seal_batch(tx))).await?;
        total += sealed;
        if sealed == 0 {
            return Ok(total);
        }
    }
}

async fn seal_batch(tx: &mut Tx) -> Result<u64> {
    let legacy: Option<(i64, Option<String>)> =
        on!(tx, |c| sqlx::query_as("SELECT below_id, sealed_at FROM audit_chain_legacy")
            .fetch_optional(&mut *c)
            .await)?;
    let Some((below_id, None)) = legacy else { return Ok(0) };
    let lock = format!(
        "INSERT INTO audit_chain_heads (chain, seq, hash) VALUES (0, 0, '{GENESIS}') \
         ON CONFLICT (chain) DO UPDATE SET seq = audit_chain_heads.seq RETURNING seq, hash"
    );
    let (mut seq, mut prev): (i64, String) =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(lock.as_str())).fetch_one(&mut *c).await)?;
    let sql = format!("SELECT {STORED_COLUMNS} FROM audit_log WHERE hash IS NULL AND id < $1 ORDER BY id LIMIT $2");
    let rows: Vec<Stored> = on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
        .bind(below_id)
        .bind(SEAL_BATCH)
        .fetch_all(&mut *c)
        .await)?;
    if rows.is_empty() {
        exec!(tx, |c| sqlx::query("UPDATE audit_chain_legacy SET sealed_at = 'sealed'").execute(&mut *c).await)?;
        return Ok(0);
    }
    for row in &rows {
        seq += 1;
        let salt = new_salt();
        let digest = audit_chain::detail_digest(&salt, &row.detail);
        let hash = row.expected_hash(0, seq, &prev, &digest);
        exec!(tx, |c| sqlx::query(
            "UPDATE audit_log SET chain = 0, seq = $1, hash = $2, detail_digest = $3, detail_salt = $4 WHERE id = $5"
        )
        .bind(seq)
        .bind(&hash)
        .bind(&digest)
        .bind(&salt)
        .bind(row.id)
        .execute(&mut *c)
        .await)?;
        prev = hash;
    }
    exec!(tx, |c| sqlx::query("UPDATE audit_chain_heads SET seq = $1, hash = $2 WHERE chain = 0")
        .bind(seq)
        .bind(&prev)
        .execute(&mut *c)
        .await)?;
    Ok(rows.len() as u64)
}

/// What is wrong with a row (or with the end of a chain).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// The row is not part of any chain (inserted around the application).
    Unchained,
    /// Rows are missing before this one (its place in the chain skips).
    Gap { expected_seq: i64 },
    /// The row's content or its place does not match its hash: it was edited.
    Altered,
    /// The row's detail does not match the digest its hash covers: the detail was edited.
    DetailAltered,
    /// The chain ends elsewhere than its recorded head: rows at its end were deleted (or the
    /// head was changed).
    HeadMismatch { head_seq: i64, last_seq: i64 },
    /// The row sits later in its chain than a row with a higher id: rows' contents were moved
    /// (swapped) around their ids, which the hashes do not cover.
    OutOfOrder,
    /// An exported head is no longer in its chain: the rows from there on were deleted (and
    /// the recorded head moved back). See [`super::heads::verify_against`].
    ExportedHeadMissing { exported_seq: i64, last_seq: i64 },
    /// The row at an exported head's place no longer carries the exported hash: the chain was
    /// rewritten from there back.
    ExportedHeadAltered { exported_seq: i64 },
    /// The row's detail was replaced as if its file was destroyed, but no tombstone says that
    /// file (its case, or its household) was destroyed (decision 0024).
    PseudonymisedWithoutTombstone,
}

/// The first row (by chain and place) that does not fit; `id` is `None` where the rows that
/// should be there are gone.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Broken {
    pub id: Option<i64>,
    pub chain: Option<i64>,
    pub seq: Option<i64>,
    pub problem: Problem,
}

/// The outcome of checking the whole log.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Verification {
    /// Rows whose links were checked.
    pub rows: u64,
    pub chains: u64,
    /// Rows of destroyed files: their links were checked, their detail cannot be.
    pub pseudonymised: u64,
    /// The first break of each broken chain (and unchained rows), lowest id first.
    pub broken: Vec<Broken>,
    /// The heads as they were verified (what to export, so that a deleted tail shows later).
    pub heads: Vec<Head>,
}

impl Verification {
    pub fn first_broken(&self) -> Option<&Broken> {
        self.broken.first()
    }
}

/// How many rows are read per statement while verifying.
const VERIFY_PAGE: i64 = 5_000;

/// Checks every chain from its first row to its head, in one read transaction (so rows
/// appended meanwhile are not half-seen).
pub async fn verify(db: &Db) -> Result<Verification> {
    let mut tx = db.begin_read().await?;
    let heads = heads(&mut tx).await?;
    let mut out = Verification { rows: 0, chains: 0, pseudonymised: 0, broken: Vec::new(), heads: heads.clone() };
    // What was destroyed: a pseudonymised row must belong to one of these.
    let destroyed_cases: std::collections::HashSet<i64> =
        on!(&mut tx, |c| sqlx::query_scalar("SELECT case_id FROM case_tombstones").fetch_all(&mut *c).await)?
            .into_iter()
            .collect();
    let destroyed_households: std::collections::HashSet<i64> =
        on!(&mut tx, |c| sqlx::query_scalar("SELECT household_id FROM destroyed_households").fetch_all(&mut *c).await)?
            .into_iter()
            .collect();
    let tombstoned = |row: &Stored| {
        row.case_id.is_some_and(|c| destroyed_cases.contains(&c))
            || row.household_id.is_some_and(|h| destroyed_households.contains(&h))
    };

    let unchained: Option<i64> = on!(&mut tx, |c| sqlx::query_scalar(
        "SELECT MIN(id) FROM audit_log WHERE hash IS NULL OR chain IS NULL OR seq IS NULL"
    )
    .fetch_one(&mut *c)
    .await)?;
    if let Some(id) = unchained {
        out.broken.push(Broken { id: Some(id), chain: None, seq: None, problem: Problem::Unchained });
    }

    for head in &heads {
        out.chains += 1;
        let mut expected_seq = 1i64;
        let mut prev = GENESIS.to_owned();
        let mut last: Option<(i64, i64)> = None; // (id, seq)
        let mut broken: Option<Broken> = None;
        // Within a chain, ids grow with the place (one writer appends in order); the hashes do
        // not cover ids, so rows whose contents were moved to other ids show here. Of the two
        // rows out of order, the one that does not fit between its neighbours is named.
        let mut ids: (Option<i64>, Option<(i64, i64)>) = (None, None); // (id before last, last (id, seq))
        'pages: loop {
            let sql =
                format!("SELECT {STORED_COLUMNS} FROM audit_log WHERE chain = $1 AND seq >= $2 ORDER BY seq LIMIT $3");
            let page: Vec<Stored> = on!(&mut tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(head.chain)
                .bind(expected_seq)
                .bind(VERIFY_PAGE)
                .fetch_all(&mut *c)
                .await)?;
            let done = (page.len() as i64) < VERIFY_PAGE;
            for row in page {
                out.rows += 1;
                let seq = row.seq.unwrap_or_default();
                let at = |problem| Broken { id: Some(row.id), chain: Some(head.chain), seq: Some(seq), problem };
                if seq != expected_seq {
                    broken = Some(at(Problem::Gap { expected_seq }));
                    break 'pages;
                }
                if let (before, Some((last_id, last_seq))) = ids
                    && last_id > row.id
                {
                    broken = Some(if before.is_none_or(|b| b < row.id) {
                        Broken {
                            id: Some(last_id),
                            chain: Some(head.chain),
                            seq: Some(last_seq),
                            problem: Problem::OutOfOrder,
                        }
                    } else {
                        at(Problem::OutOfOrder)
                    });
                    break 'pages;
                }
                ids = (ids.1.map(|(id, _)| id), Some((row.id, seq)));
                let digest = row.detail_digest.clone().unwrap_or_default();
                if row.pseudonymised_at.is_some() {
                    out.pseudonymised += 1;
                    if !tombstoned(&row) {
                        broken = Some(at(Problem::PseudonymisedWithoutTombstone));
                        break 'pages;
                    }
                } else if audit_chain::detail_digest(row.detail_salt.as_deref().unwrap_or_default(), &row.detail)
                    != digest
                {
                    broken = Some(at(Problem::DetailAltered));
                    break 'pages;
                }
                let hash = row.expected_hash(head.chain, seq, &prev, &digest);
                if Some(&hash) != row.hash.as_ref() {
                    broken = Some(at(Problem::Altered));
                    break 'pages;
                }
                prev = hash;
                last = Some((row.id, seq));
                expected_seq += 1;
            }
            if done {
                break;
            }
        }
        if broken.is_none() {
            let last_seq = last.map_or(0, |(_, s)| s);
            if last_seq != head.seq || (last_seq > 0 && prev != head.hash) {
                broken = Some(Broken {
                    id: last.map(|(id, _)| id),
                    chain: Some(head.chain),
                    seq: Some(last_seq),
                    problem: Problem::HeadMismatch { head_seq: head.seq, last_seq },
                });
            }
        }
        out.broken.extend(broken);
    }

    // Rows in a chain that has no head at all.
    let orphan: Option<i64> = on!(&mut tx, |c| sqlx::query_scalar(
        "SELECT MIN(a.id) FROM audit_log a WHERE a.chain IS NOT NULL \
         AND NOT EXISTS (SELECT 1 FROM audit_chain_heads h WHERE h.chain = a.chain)"
    )
    .fetch_one(&mut *c)
    .await)?;
    if let Some(id) = orphan {
        out.broken.push(Broken { id: Some(id), chain: None, seq: None, problem: Problem::Unchained });
    }
    tx.commit().await?;
    out.broken.sort_by_key(|b| b.id.unwrap_or(i64::MAX));
    Ok(out)
}

/// Whose rows to pseudonymise when a file is destroyed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Case(CaseId),
    Household(HouseholdId),
}

/// The detail a pseudonymised row keeps.
pub const PSEUDONYMISED_DETAIL: &str = r#"{"pseudonymised":true}"#;

/// Replaces the detail of every row of a destroyed file and forgets its salt, in the caller's
/// transaction. The rows keep their ids, actions, times and actors (the tombstone's history);
/// their hashes and digests stay, so the chain still verifies. Returns how many rows changed.
pub async fn pseudonymise(tx: &mut Tx, scope: Scope, at: Timestamp) -> Result<u64> {
    let (column, id) = match scope {
        Scope::Case(c) => ("case_id", c.0),
        Scope::Household(h) => ("household_id", h.0),
    };
    let sql = format!(
        "UPDATE audit_log SET detail = $1, detail_salt = NULL, pseudonymised_at = $2 \
         WHERE {column} = $3 AND hash IS NOT NULL AND pseudonymised_at IS NULL"
    );
    exec!(tx, |c| sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
        .bind(PSEUDONYMISED_DETAIL)
        .bind(sql_ts(at))
        .bind(id)
        .execute(&mut *c)
        .await)
    .map_err(StoreError::from)
}

#[cfg(test)]
#[path = "chain_tests.rs"]
mod tests;
