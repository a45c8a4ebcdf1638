//! A row of the audit log in the form of the Logboek Dataverwerkingen (LDV, Logius), the
//! Dutch standard for logging processing of personal data (decision 0027). One audit row is
//! one Dataverwerking: a trace of its own with one operation, named by the action, linked to
//! its processing activity in the register, and to its data subject by a pseudonym only.
//!
//! Following the standard's decisions, a record names no user (the audit log keeps who did
//! it; `buurtteam.audit_log_id` links back), holds nothing of the register (only the
//! activity's URN), and no detail text.

use jiff::Timestamp;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::audit::AuditAction;
use crate::audit_chain::hex;
use crate::processing::activity_urn;

/// The LDV `status_code` values.
pub const STATUS_UNKNOWN: &str = "STATUS_CODE_UNKNOWN";
pub const STATUS_OK: &str = "STATUS_CODE_OK";
pub const STATUS_ERROR: &str = "STATUS_CODE_ERROR";

/// The attribute keys of the standard's `dpl.core` namespace, and ours.
pub const PROCESSING_ACTIVITY_ID: &str = "dpl.core.processing_activity_id";
pub const DATA_SUBJECT_ID: &str = "dpl.core.data_subject_id";
pub const AUDIT_LOG_ID: &str = "buurtteam.audit_log_id";

/// A key-value pair of `attributes` (the standard: a list of key-value pairs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyValue {
    pub key: &'static str,
    pub value: String,
}

/// The system that did the processing (`resource`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resource {
    pub attributes: Vec<KeyValue>,
}

/// One log record with the fields of the standard's Logboek interface (the optional
/// `parent_operation_id` and `foreign_operation` are never set: every row is its own trace).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    /// 16 bytes, 32 hexadecimal digits.
    pub trace_id: String,
    /// 8 bytes, 16 hexadecimal digits.
    pub operation_id: String,
    pub status_code: &'static str,
    /// The operation: the action's dotted code, e.g. `case.read`.
    pub name: String,
    /// Milliseconds since the Unix epoch (the standard: timestamp (ms)).
    pub start_time: i64,
    pub end_time: i64,
    pub resource: Resource,
    pub attributes: Vec<KeyValue>,
}

/// What the export reads of one audit row.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub id: i64,
    pub occurred_at: Timestamp,
    pub action: &'a str,
    pub client_id: Option<i64>,
    /// The row's hash in the chain; `None` for a row not yet sealed.
    pub hash: Option<&'a str>,
    /// The row belongs to a destroyed file: it names no data subject any more.
    pub pseudonymised: bool,
}

fn digest(parts: &[&str]) -> [u8; 32] {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    h.finalize().into()
}

/// The pseudonym of a data subject: SHA-256 over the installation's secret key and the
/// person's id, 32 hexadecimal digits. Stable across exports; names nobody without the key.
pub fn subject_pseudonym(key: &str, person_id: i64) -> String {
    hex(&digest(&["ldv-subject", key, &person_id.to_string()])[..16])
}

/// The version of an activity that held at `at`: the last one valid from then or before, or
/// the first for a row older than all (`versions` by valid-from, oldest first).
pub fn version_at(versions: &[(Timestamp, i64)], at: Timestamp) -> Option<i64> {
    versions.iter().rev().find(|(from, _)| *from <= at).or(versions.first()).map(|(_, v)| *v)
}

/// The record of one audit row. `activity_version` is the version of the action's activity
/// that held when the row was written ([`version_at`]).
pub fn record(src: &Source<'_>, activity_version: Option<i64>, subject_key: &str, service_version: &str) -> Record {
    let basis = match src.hash {
        Some(h) => h.to_owned(),
        None => format!("row:{}", src.id),
    };
    let action = AuditAction::parse(src.action);
    let status_code = match action {
        None => STATUS_UNKNOWN,
        Some(a) if a.is_failure() => STATUS_ERROR,
        Some(_) => STATUS_OK,
    };
    let mut attributes = Vec::new();
    if let (Some(a), Some(v)) = (action, activity_version) {
        attributes
            .push(KeyValue { key: PROCESSING_ACTIVITY_ID, value: activity_urn(a.processing_activity().code(), v) });
    }
    if let (Some(person), false) = (src.client_id, src.pseudonymised) {
        attributes.push(KeyValue { key: DATA_SUBJECT_ID, value: subject_pseudonym(subject_key, person) });
    }
    attributes.push(KeyValue { key: AUDIT_LOG_ID, value: src.id.to_string() });
    let ms = src.occurred_at.as_millisecond();
    Record {
        trace_id: hex(&digest(&["ldv-trace", &basis])[..16]),
        operation_id: hex(&digest(&["ldv-operation", &basis])[..8]),
        status_code,
        name: src.action.to_owned(),
        start_time: ms,
        end_time: ms,
        resource: Resource {
            attributes: vec![
                KeyValue { key: "service.name", value: "buurtteam".to_owned() },
                KeyValue { key: "service.version", value: service_version.to_owned() },
            ],
        },
        attributes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().expect("a timestamp")
    }

    fn src<'a>(action: &'a str, client: Option<i64>, pseudonymised: bool) -> Source<'a> {
        Source {
            id: 42,
            occurred_at: ts("2026-03-02T09:15:00.123456Z"),
            action,
            client_id: client,
            hash: Some("ab12"),
            pseudonymised,
        }
    }

    fn attr<'a>(r: &'a Record, key: &str) -> Option<&'a str> {
        r.attributes.iter().find(|a| a.key == key).map(|a| a.value.as_str())
    }

    #[test]
    fn a_read_of_a_file_is_one_ok_operation_of_family_support_about_one_pseudonymous_subject() {
        let r = record(&src("case.read", Some(7), false), Some(2), "k", "1.0");
        assert_eq!(r.trace_id.len(), 32);
        assert_eq!(r.operation_id.len(), 16);
        assert!(r.trace_id.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(r.status_code, STATUS_OK);
        assert_eq!(r.name, "case.read");
        assert_eq!(r.start_time, 1_772_442_900_123);
        assert_eq!(r.end_time, r.start_time);
        assert_eq!(attr(&r, PROCESSING_ACTIVITY_ID), Some("urn:buurtteam:processing-activity:family-support:2"));
        let subject = attr(&r, DATA_SUBJECT_ID).expect("a subject");
        assert_eq!(subject, subject_pseudonym("k", 7));
        assert_ne!(subject_pseudonym("k", 7), subject_pseudonym("other key", 7));
        assert_ne!(subject_pseudonym("k", 7), subject_pseudonym("k", 8));
        assert_eq!(attr(&r, AUDIT_LOG_ID), Some("42"));
    }

    #[test]
    fn ids_are_stable_per_row_and_differ_between_rows() {
        let a = record(&src("case.read", None, false), Some(1), "k", "1");
        let b = record(&src("case.read", None, false), Some(1), "k", "1");
        assert_eq!(a, b);
        let mut other = src("case.read", None, false);
        other.hash = Some("cd34");
        let c = record(&other, Some(1), "k", "1");
        assert_ne!(a.trace_id, c.trace_id);
        assert_ne!(a.operation_id, c.operation_id);
        other.hash = None;
        assert_ne!(record(&other, Some(1), "k", "1").trace_id, c.trace_id);
    }

    #[test]
    fn a_destroyed_file_names_no_subject_and_refusals_are_errors() {
        let r = record(&src("case.read", Some(7), true), Some(1), "k", "1");
        assert_eq!(attr(&r, DATA_SUBJECT_ID), None);
        let r = record(&src("case.access_refused", None, false), Some(1), "k", "1");
        assert_eq!(r.status_code, STATUS_ERROR);
        assert_eq!(attr(&r, PROCESSING_ACTIVITY_ID), Some("urn:buurtteam:processing-activity:security:1"));
        // A code of another version: status unknown, no activity to name.
        let r = record(&src("school.visited", None, false), Some(1), "k", "1");
        assert_eq!(r.status_code, STATUS_UNKNOWN);
        assert_eq!(attr(&r, PROCESSING_ACTIVITY_ID), None);
    }

    #[test]
    fn the_version_is_the_one_that_held_when_the_row_was_written() {
        let v = [(ts("2000-01-01T00:00:00Z"), 1), (ts("2026-03-01T00:00:00Z"), 2), (ts("2026-04-01T00:00:00Z"), 3)];
        assert_eq!(version_at(&v, ts("1999-01-01T00:00:00Z")), Some(1));
        assert_eq!(version_at(&v, ts("2026-02-28T23:59:59Z")), Some(1));
        assert_eq!(version_at(&v, ts("2026-03-01T00:00:00Z")), Some(2));
        assert_eq!(version_at(&v, ts("2026-05-01T00:00:00Z")), Some(3));
        assert_eq!(version_at(&[], ts("2026-05-01T00:00:00Z")), None);
    }

    #[test]
    fn the_record_serialises_with_the_standards_field_names() {
        let r = record(&src("case.read", Some(7), false), Some(1), "k", "1");
        let json = serde_json::to_value(&r).expect("serialises");
        let keys: Vec<_> = json.as_object().expect("an object").keys().cloned().collect();
        for k in ["trace_id", "operation_id", "status_code", "name", "start_time", "end_time", "resource", "attributes"]
        {
            assert!(keys.contains(&k.to_owned()), "{k}");
        }
        assert_eq!(json["attributes"][0]["key"], PROCESSING_ACTIVITY_ID);
    }
}
