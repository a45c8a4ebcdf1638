//! The processing register (`processing_activities`, with every version of their texts in
//! `processing_activity_versions`), and reading the audit log in pages for the Logboek
//! Dataverwerkingen export (decision 0027).

use buurtteam_domain::ids::PersonId;
use buurtteam_domain::processing::ActivityTexts;
use jiff::Timestamp;

use crate::{Result, Tx, sql_ts};

/// One activity of the register with its current texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub code: String,
    /// Raised by every change of the texts; the export names it.
    pub version: i64,
    pub texts: ActivityTexts,
    pub updated_at: Timestamp,
}

/// One version of an activity's texts and from when it held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub code: String,
    pub version: i64,
    pub valid_from: Timestamp,
}

type Raw = (String, i64, String, String, String, String, String, String, String, bool, jiff_sqlx::Timestamp);

const COLUMNS: &str = "code, version, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active, updated_at";

fn activity(r: Raw) -> Activity {
    Activity {
        code: r.0,
        version: r.1,
        texts: ActivityTexts {
            name_nl: r.2,
            name_en: r.3,
            purpose: r.4,
            legal_basis: r.5,
            data_subjects: r.6,
            data_categories: r.7,
            retention: r.8,
            active: r.9,
        },
        updated_at: r.10.to_jiff(),
    }
}

/// Every activity, by code.
pub async fn list(tx: &mut Tx) -> Result<Vec<Activity>> {
    let sql = format!("SELECT {COLUMNS} FROM processing_activities ORDER BY code");
    let raw: Vec<Raw> = on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).fetch_all(&mut *c).await)?;
    Ok(raw.into_iter().map(activity).collect())
}

/// One activity; `None` for a code the register does not hold.
pub async fn get(tx: &mut Tx, code: &str) -> Result<Option<Activity>> {
    let sql = format!("SELECT {COLUMNS} FROM processing_activities WHERE code = $1");
    let raw: Option<Raw> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(code).fetch_optional(&mut *c).await)?;
    Ok(raw.map(activity))
}

/// Replaces the texts of `code` as a new version valid from `now`; returns that version.
pub async fn update(tx: &mut Tx, code: &str, t: &ActivityTexts, now: Timestamp) -> Result<i64> {
    let version: i64 = on!(tx, |c| sqlx::query_scalar(
        "UPDATE processing_activities SET version = version + 1, name_nl = $2, name_en = $3, purpose = $4, \
         legal_basis = $5, data_subjects = $6, data_categories = $7, retention = $8, active = $9, updated_at = $10 \
         WHERE code = $1 RETURNING version"
    )
    .bind(code)
    .bind(&t.name_nl)
    .bind(&t.name_en)
    .bind(&t.purpose)
    .bind(&t.legal_basis)
    .bind(&t.data_subjects)
    .bind(&t.data_categories)
    .bind(&t.retention)
    .bind(t.active)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    exec!(tx, |c| sqlx::query(
        "INSERT INTO processing_activity_versions (code, version, valid_from, name_nl, name_en, purpose, \
         legal_basis, data_subjects, data_categories, retention, active) \
         SELECT code, version, updated_at, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, \
         retention, active FROM processing_activities WHERE code = $1"
    )
    .bind(code)
    .execute(&mut *c)
    .await)?;
    Ok(version)
}

/// Every version of every activity, by code and version.
pub async fn versions(tx: &mut Tx) -> Result<Vec<Version>> {
    let raw: Vec<(String, i64, jiff_sqlx::Timestamp)> = on!(tx, |c| sqlx::query_as(
        "SELECT code, version, valid_from FROM processing_activity_versions ORDER BY code, version"
    )
    .fetch_all(&mut *c)
    .await)?;
    Ok(raw.into_iter().map(|(code, version, at)| Version { code, version, valid_from: at.to_jiff() }).collect())
}

/// The key a data subject's pseudonym in the export is derived from.
pub async fn subject_key(tx: &mut Tx) -> Result<String> {
    let key: Option<String> = on!(tx, |c| sqlx::query_scalar("SELECT subject_key FROM ldv_settings WHERE id = 1")
        .fetch_optional(&mut *c)
        .await)?;
    Ok(key.unwrap_or_default())
}

/// An audit row as the export reads it: what was done, when, and about whom; never the
/// detail or the actor (LDV: no users in log lines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogRow {
    pub id: i64,
    pub occurred_at: Timestamp,
    pub action: String,
    pub client_id: Option<PersonId>,
    /// The row's hash in the chain (`None` for a row not yet sealed).
    pub hash: Option<String>,
    /// Whether the row belongs to a destroyed file (its detail replaced).
    pub pseudonymised: bool,
}

/// At most `limit` rows after row `after_id` written in `[from, until)`, oldest first: one
/// page of the export, which pages by id so that a log of millions of rows streams.
pub async fn log_page(
    tx: &mut Tx,
    after_id: i64,
    from: Timestamp,
    until: Timestamp,
    limit: i64,
) -> Result<Vec<LogRow>> {
    type Raw = (i64, jiff_sqlx::Timestamp, String, Option<i64>, Option<String>, Option<jiff_sqlx::Timestamp>);
    let raw: Vec<Raw> = on!(tx, |c| sqlx::query_as(
        "SELECT id, occurred_at, action, client_id, hash, pseudonymised_at FROM audit_log \
         WHERE id > $1 AND occurred_at >= $2 AND occurred_at < $3 ORDER BY id LIMIT $4"
    )
    .bind(after_id)
    .bind(sql_ts(from))
    .bind(sql_ts(until))
    .bind(limit)
    .fetch_all(&mut *c)
    .await)?;
    Ok(raw
        .into_iter()
        .map(|(id, at, action, client, hash, pseudonymised_at)| LogRow {
            id,
            occurred_at: at.to_jiff(),
            action,
            client_id: client.map(PersonId),
            hash,
            pseudonymised: pseudonymised_at.is_some(),
        })
        .collect())
}
