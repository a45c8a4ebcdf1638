//! The heads of the chains as exported elsewhere (decision 0021, "Exporting the heads"): a
//! deleted tail whose recorded head was moved back with it cannot be seen from inside the
//! database, but it can against a copy of the heads taken before. The daily head line of the
//! server log carries their digest; `buurtteam audit heads` writes them whole.

use buurtteam_domain::audit_chain;
use jiff::Timestamp;
use sha2::{Digest, Sha256};

use super::chain::{self, Broken, Head, Problem, Verification};
use crate::{Db, Result};

/// The heads as `buurtteam audit heads` prints them and `audit verify --heads` reads them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Export {
    /// When the heads were read.
    pub at: Timestamp,
    /// [`digest`] of the heads: the same value as the daily head line of the server log.
    pub digest: String,
    pub heads: Vec<Head>,
}

impl Export {
    pub fn new(at: Timestamp, mut heads: Vec<Head>) -> Self {
        heads.sort_by_key(|h| h.chain);
        Self { at, digest: digest(&heads), heads }
    }
}

/// sha256 over the heads sorted by chain, one `chain:seq:hash` line each, hexadecimal: a
/// short fingerprint of where every chain ended, for a log line.
pub fn digest(heads: &[Head]) -> String {
    let mut sorted: Vec<&Head> = heads.iter().collect();
    sorted.sort_by_key(|h| h.chain);
    let mut h = Sha256::new();
    for head in sorted {
        h.update(format!("{}:{}:{}\n", head.chain, head.seq, head.hash).as_bytes());
    }
    audit_chain::hex(&h.finalize())
}

/// The heads as they are now.
pub async fn current(db: &Db, at: Timestamp) -> Result<Export> {
    let mut tx = db.begin_read().await?;
    let heads = chain::heads(&mut tx).await?;
    tx.commit().await?;
    Ok(Export::new(at, heads))
}

/// [`chain::verify`], and then each exported head must still be in its chain with the hash it
/// had: a head that is gone means the rows from there on were deleted (a tail, with the
/// recorded head moved back); a different hash at its place means the chain was rewritten. A
/// chain already found broken keeps its first break.
pub async fn verify_against(db: &Db, exported: &[Head]) -> Result<Verification> {
    let mut out = chain::verify(db).await?;
    let mut tx = db.begin_read().await?;
    for head in exported {
        // An empty chain (PostgreSQL's chain 0 when nothing needed sealing) has nothing to lose.
        if head.seq == 0 || out.broken.iter().any(|b| b.chain == Some(head.chain)) {
            continue;
        }
        let at: Option<(i64, Option<String>)> =
            on!(&mut tx, |c| sqlx::query_as("SELECT id, hash FROM audit_log WHERE chain = $1 AND seq = $2")
                .bind(head.chain)
                .bind(head.seq)
                .fetch_optional(&mut *c)
                .await)?;
        let broken = match at {
            Some((_, Some(hash))) if hash == head.hash => continue,
            Some((id, _)) => Broken {
                id: Some(id),
                chain: Some(head.chain),
                seq: Some(head.seq),
                problem: Problem::ExportedHeadAltered { exported_seq: head.seq },
            },
            None => {
                let last: Option<(i64, i64)> = on!(&mut tx, |c| sqlx::query_as(
                    "SELECT id, seq FROM audit_log WHERE chain = $1 ORDER BY seq DESC LIMIT 1"
                )
                .bind(head.chain)
                .fetch_optional(&mut *c)
                .await)?;
                Broken {
                    id: last.map(|(id, _)| id),
                    chain: Some(head.chain),
                    seq: last.map(|(_, seq)| seq),
                    problem: Problem::ExportedHeadMissing {
                        exported_seq: head.seq,
                        last_seq: last.map_or(0, |(_, seq)| seq),
                    },
                }
            }
        };
        out.broken.push(broken);
    }
    tx.commit().await?;
    out.broken.sort_by_key(|b| b.id.unwrap_or(i64::MAX));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(chain: i64, seq: i64, hash: &str) -> Head {
        Head { chain, seq, hash: hash.into() }
    }

    #[test]
    fn the_digest_does_not_depend_on_the_order_of_the_heads_but_on_each_of_them() {
        let a = [head(0, 3, "aa"), head(7, 1, "bb")];
        let b = [head(7, 1, "bb"), head(0, 3, "aa")];
        assert_eq!(digest(&a), digest(&b));
        assert_eq!(digest(&a).len(), 64);
        assert_ne!(digest(&a), digest(&[head(0, 2, "aa"), head(7, 1, "bb")]));
        assert_ne!(digest(&a), digest(&[head(0, 3, "ab"), head(7, 1, "bb")]));
        assert_ne!(digest(&a), digest(&a[..1]));
    }
}
