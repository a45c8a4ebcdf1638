//! The audit log: one append-only row per read of a client file and per change of client
//! data, written in the same transaction as what it records. Database triggers refuse
//! updates and deletes of these rows on both backends.

use buurtteam_domain::codes::Role;
use buurtteam_domain::ids::{CaseId, HouseholdId, UserId};
use jiff::Timestamp;

use tokio::sync::{mpsc, oneshot};

use crate::{Db, Result, StoreError, Tx, sql_ts};

/// One event. `action` is a stable dotted code such as `case.read` or `case.intake_held`.
#[derive(Debug, Clone)]
pub struct Entry {
    pub occurred_at: Timestamp,
    /// `None` for the system itself (e.g. the CLI creating the first admin).
    pub actor: Option<(UserId, Role)>,
    pub action: &'static str,
    pub object_type: &'static str,
    pub object_id: Option<i64>,
    pub case_id: Option<CaseId>,
    pub household_id: Option<HouseholdId>,
    pub detail: serde_json::Value,
}

pub async fn append(tx: &mut Tx, e: &Entry) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "INSERT INTO audit_log (occurred_at, actor_user_id, actor_role, action, object_type, object_id, \
         case_id, household_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    )
    .bind(sql_ts(e.occurred_at))
    .bind(e.actor.map(|(u, _)| u.0))
    .bind(e.actor.map(|(_, r)| r.code()))
    .bind(e.action)
    .bind(e.object_type)
    .bind(e.object_id)
    .bind(e.case_id.map(|c| c.0))
    .bind(e.household_id.map(|h| h.0))
    .bind(e.detail.to_string())
    .execute(&mut *c)
    .await)?;
    Ok(())
}

/// A stored audit row, as shown to those allowed to read the log.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: i64,
    pub occurred_at: Timestamp,
    pub actor_user_id: Option<UserId>,
    pub actor_role: Option<String>,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<i64>,
    pub detail: String,
}

type RawRow = (i64, jiff_sqlx::Timestamp, Option<i64>, Option<String>, String, String, Option<i64>, String);

/// The log of one case, oldest first.
pub async fn for_case(tx: &mut Tx, case: CaseId) -> Result<Vec<Row>> {
    let rows: Vec<RawRow> = on!(tx, |c| sqlx::query_as(
        "SELECT id, occurred_at, actor_user_id, actor_role, action, object_type, object_id, detail \
         FROM audit_log WHERE case_id = $1 ORDER BY id"
    )
    .bind(case.0)
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|(id, at, user, role, action, object_type, object_id, detail)| Row {
            id,
            occurred_at: at.to_jiff(),
            actor_user_id: user.map(UserId),
            actor_role: role,
            action,
            object_type,
            object_id,
            detail,
        })
        .collect())
}

type Job = (Entry, oneshot::Sender<std::result::Result<(), String>>);

/// Group commit for the audit rows of reads. A read of a client file must be logged before
/// it is served, but it changes nothing the log row could be atomic with; so the rows of
/// concurrent reads are written together, one transaction (one fsync) for all that are
/// waiting, and each read is answered once its row is durable.
#[derive(Clone, Debug)]
pub struct Sink {
    jobs: mpsc::Sender<Job>,
}

/// The most rows one group commit takes.
const MAX_GROUP: usize = 1024;

impl Sink {
    /// Starts the writer task on the current tokio runtime.
    pub fn start(db: Db) -> Self {
        let (jobs, mut queue) = mpsc::channel::<Job>(4 * MAX_GROUP);
        tokio::spawn(async move {
            while let Some(first) = queue.recv().await {
                let mut group = vec![first];
                while group.len() < MAX_GROUP {
                    match queue.try_recv() {
                        Ok(job) => group.push(job),
                        Err(_) => break,
                    }
                }
                let written = async {
                    let mut tx = db.begin().await?;
                    for (entry, _) in &group {
                        append(&mut tx, entry).await?;
                    }
                    tx.commit().await
                }
                .await;
                let outcome = written.map_err(|e| e.to_string());
                for (_, reply) in group {
                    let _ = reply.send(outcome.clone());
                }
            }
        });
        Self { jobs }
    }

    /// Appends `entry` and returns once it is committed.
    pub async fn log(&self, entry: Entry) -> Result<()> {
        let (reply, done) = oneshot::channel();
        self.jobs.send((entry, reply)).await.map_err(|_| StoreError::Corrupt("the audit writer has stopped".into()))?;
        match done.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(StoreError::AuditFailed(e)),
            Err(_) => Err(StoreError::AuditFailed("the audit writer has stopped".into())),
        }
    }
}
