//! The hash chain of the audit log (decision 0021): every row carries a SHA-256 hash over its
//! content and the previous row's hash in its chain, so that editing, deleting or inserting a
//! row shows when the chain is verified.
//!
//! The row's free-text `detail` (which may name people) is not hashed itself: the row commits
//! to `detail_digest = sha256(salt || detail)` with a random salt kept beside it. Destroying a
//! file replaces the detail and forgets the salt, and the chain still verifies: the digest
//! stays, and without the salt it cannot be used to guess what the detail said.

use sha2::{Digest, Sha256};

/// The `prev_hash` of the first row of every chain.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The content of one row that its hash covers, in the form it reads back from the database.
/// `occurred_at` is the timestamp in RFC 3339 with at most microsecond precision (what both
/// backends store), e.g. `2031-03-04T10:00:00.123456Z`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link<'a> {
    pub chain: i64,
    pub seq: i64,
    pub prev_hash: &'a str,
    pub occurred_at: &'a str,
    pub actor_user_id: Option<i64>,
    pub actor_role: Option<&'a str>,
    pub action: &'a str,
    pub object_type: &'a str,
    pub object_id: Option<i64>,
    pub case_id: Option<i64>,
    pub household_id: Option<i64>,
    pub client_id: Option<i64>,
    pub acting_for_person_id: Option<i64>,
    pub goal_id: Option<i64>,
    pub session_ref: Option<&'a str>,
    pub detail_digest: &'a str,
}

/// Lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The digest the chain keeps of a row's detail: `sha256(salt || detail)`, hexadecimal.
pub fn detail_digest(salt: &str, detail: &str) -> String {
    let mut h = Sha256::new();
    h.update(salt.as_bytes());
    h.update([0]);
    h.update(detail.as_bytes());
    hex(&h.finalize())
}

/// The hash of a row. Every field is written with its length (or a marker for `NULL`), so no
/// two different rows encode alike.
pub fn row_hash(link: &Link<'_>) -> String {
    let mut h = Sha256::new();
    h.update(b"buurtteam-audit-v1");
    let mut text = |v: Option<&str>| match v {
        None => h.update([0xff]),
        Some(s) => {
            h.update([0x01]);
            h.update((s.len() as u64).to_be_bytes());
            h.update(s.as_bytes());
        }
    };
    let n = |v: Option<i64>| v.map(|n| n.to_string());
    text(Some(&link.chain.to_string()));
    text(Some(&link.seq.to_string()));
    text(Some(link.prev_hash));
    text(Some(link.occurred_at));
    text(n(link.actor_user_id).as_deref());
    text(link.actor_role);
    text(Some(link.action));
    text(Some(link.object_type));
    text(n(link.object_id).as_deref());
    text(n(link.case_id).as_deref());
    text(n(link.household_id).as_deref());
    text(n(link.client_id).as_deref());
    text(n(link.acting_for_person_id).as_deref());
    text(n(link.goal_id).as_deref());
    text(link.session_ref);
    text(Some(link.detail_digest));
    hex(&h.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link() -> Link<'static> {
        Link {
            chain: 0,
            seq: 1,
            prev_hash: GENESIS,
            occurred_at: "2031-03-04T10:00:00.123456Z",
            actor_user_id: Some(7),
            actor_role: Some("family_worker"),
            action: "case.read",
            object_type: "case",
            object_id: Some(12),
            case_id: Some(12),
            household_id: Some(3),
            client_id: None,
            acting_for_person_id: None,
            goal_id: None,
            session_ref: Some("s-1"),
            detail_digest: "ab",
        }
    }

    #[test]
    fn every_field_changes_the_hash() {
        let base = row_hash(&link());
        assert_eq!(base.len(), 64);
        let variants = [
            Link { chain: 1, ..link() },
            Link { seq: 2, ..link() },
            Link { prev_hash: "1", ..link() },
            Link { occurred_at: "2031-03-04T10:00:00.123457Z", ..link() },
            Link { actor_user_id: None, ..link() },
            Link { actor_role: Some("team_manager"), ..link() },
            Link { action: "case.list", ..link() },
            Link { object_type: "goal", ..link() },
            Link { object_id: Some(13), ..link() },
            Link { case_id: None, ..link() },
            Link { household_id: Some(4), ..link() },
            Link { client_id: Some(1), ..link() },
            Link { acting_for_person_id: Some(1), ..link() },
            Link { goal_id: Some(1), ..link() },
            Link { session_ref: None, ..link() },
            Link { detail_digest: "ac", ..link() },
        ];
        for v in variants {
            assert_ne!(row_hash(&v), base, "{v:?}");
        }
    }

    #[test]
    fn null_and_empty_text_differ() {
        assert_ne!(
            row_hash(&Link { session_ref: None, ..link() }),
            row_hash(&Link { session_ref: Some(""), ..link() })
        );
    }

    #[test]
    fn the_digest_depends_on_salt_and_detail() {
        let d = detail_digest("salt", "{}");
        assert_ne!(d, detail_digest("salt2", "{}"));
        assert_ne!(d, detail_digest("salt", "{ }"));
        assert_eq!(d, detail_digest("salt", "{}"));
    }
}
