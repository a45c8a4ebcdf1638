//! Reference lists an admin keeps: the organisation's own wording of code-list labels
//! (`code_labels`), with the version counter every node checks to know when to reload them.

use jiff::Timestamp;

use crate::{Result, Tx, sql_ts};

/// One label in the organisation's own words: (code list, code, language, label).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeLabel {
    pub code_list: String,
    pub code: String,
    pub lang: String,
    pub label: String,
}

/// The version of the code labels: raised by every change.
pub async fn labels_version(tx: &mut Tx) -> Result<i64> {
    let v: Option<i64> =
        on!(tx, |c| sqlx::query_scalar("SELECT version FROM reference_versions WHERE name = 'code_labels'")
            .fetch_optional(&mut *c)
            .await)?;
    Ok(v.unwrap_or(0))
}

/// Every label of the organisation's own, by list, code and language.
pub async fn code_labels(tx: &mut Tx) -> Result<Vec<CodeLabel>> {
    let rows: Vec<(String, String, String, String)> = on!(tx, |c| sqlx::query_as(
        "SELECT code_list, code, lang, label FROM code_labels ORDER BY code_list, code, lang"
    )
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows.into_iter().map(|(code_list, code, lang, label)| CodeLabel { code_list, code, lang, label }).collect())
}

/// Sets (`Some`) or clears (`None`) one label, and raises the version.
pub async fn set_code_label(
    tx: &mut Tx,
    code_list: &str,
    code: &str,
    lang: &str,
    label: Option<&str>,
    now: Timestamp,
) -> Result<()> {
    exec!(tx, |c| sqlx::query("DELETE FROM code_labels WHERE code_list = $1 AND code = $2 AND lang = $3")
        .bind(code_list)
        .bind(code)
        .bind(lang)
        .execute(&mut *c)
        .await)?;
    if let Some(label) = label {
        exec!(tx, |c| sqlx::query(
            "INSERT INTO code_labels (code_list, code, lang, label, updated_at) VALUES ($1, $2, $3, $4, $5)"
        )
        .bind(code_list)
        .bind(code)
        .bind(lang)
        .bind(label)
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await)?;
    }
    exec!(tx, |c| sqlx::query("UPDATE reference_versions SET version = version + 1 WHERE name = 'code_labels'")
        .execute(&mut *c)
        .await)?;
    Ok(())
}
