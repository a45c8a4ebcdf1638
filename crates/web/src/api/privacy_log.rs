//! The privacy officer's view of the audit log's integrity (decision 0021): the verifications
//! of its hash chain, newest first.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use buurtteam_app::privacy::integrity;
use buurtteam_store::audit::chain::Broken;
use buurtteam_store::audit::verifications::Recorded;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::dto::ListOut;
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff;

/// How many verifications to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VerificationsQuery {
    /// At most this many, newest first: 1 to 365, 30 when left out.
    pub limit: Option<i64>,
}

/// The first row that did not fit.
#[derive(Debug, Serialize, ToSchema)]
pub struct BrokenRowOut {
    /// The audit row's id; `null` where the rows that should be there are gone.
    pub id: Option<i64>,
    pub chain: Option<i64>,
    /// Its place in the chain.
    pub seq: Option<i64>,
    /// What is wrong: `unchained`, `gap`, `altered`, `detail_altered`, `head_mismatch`,
    /// `out_of_order`, `exported_head_missing` or `exported_head_altered`.
    pub problem: String,
    /// The places involved, where the problem has them (e.g. `{"expected_seq": 12}`).
    #[schema(value_type = Object)]
    pub places: serde_json::Value,
}

impl From<Broken> for BrokenRowOut {
    fn from(b: Broken) -> Self {
        let (problem, places) = match serde_json::to_value(&b.problem).unwrap_or_default() {
            serde_json::Value::String(code) => (code, serde_json::json!({})),
            serde_json::Value::Object(m) => match m.into_iter().next() {
                Some((code, places)) => (code, places),
                None => (String::new(), serde_json::json!({})),
            },
            _ => (String::new(), serde_json::json!({})),
        };
        Self { id: b.id, chain: b.chain, seq: b.seq, problem, places }
    }
}

/// One verification of the audit log's hash chain.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditVerificationOut {
    pub id: i64,
    pub verified_at: Timestamp,
    /// Who ran it; `null` for the daily job (or the command line).
    pub ran_by_id: Option<i64>,
    pub ran_by_name: Option<String>,
    /// Rows whose links were checked.
    pub rows: i64,
    pub chains: i64,
    /// Rows of destroyed files (their detail cannot be checked, their links are).
    pub pseudonymised: i64,
    /// `true` when nothing was found wrong.
    pub whole: bool,
    /// Breaks found: one per broken chain, plus rows in no chain.
    pub broken_count: i64,
    pub first_broken: Option<BrokenRowOut>,
    /// sha256 over the heads as verified: the digest of the server log's daily head line.
    pub heads_digest: String,
}

impl From<Recorded> for AuditVerificationOut {
    fn from(r: Recorded) -> Self {
        Self {
            id: r.id,
            verified_at: r.verified_at,
            ran_by_id: r.ran_by.map(|u| u.0),
            ran_by_name: r.ran_by_name,
            rows: r.rows,
            chains: r.chains,
            pseudonymised: r.pseudonymised,
            whole: r.first_broken.is_none(),
            broken_count: r.broken_count,
            first_broken: r.first_broken.map(Into::into),
            heads_digest: r.heads_digest,
        }
    }
}

/// The verifications of the audit log's hash chain, newest first: the daily job's, and each
/// one run on request (privacy officer only). A verification that found a break names the
/// first row that did not fit.
#[utoipa::path(get, path = "/api/v1/privacy/audit-verifications", tag = "privacy", params(VerificationsQuery),
    responses(
        (status = 200, body = ListOut<AuditVerificationOut>),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a privacy officer", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn audit_verifications(
    State(s): State<AppState>,
    staff: Staff,
    query: Result<Query<VerificationsQuery>, QueryRejection>,
) -> Result<Json<ListOut<AuditVerificationOut>>, ApiError> {
    let Query(q) = query?;
    let list = integrity::verifications(&s.app, &staff.actor, q.limit.unwrap_or(30)).await?;
    Ok(Json(ListOut { items: list.into_iter().map(Into::into).collect() }))
}
