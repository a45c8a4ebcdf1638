//! Persistence for buurtteam: SQLite (the embedded default) and PostgreSQL behind one
//! boundary. Each repository function is written once, with `$1`-style SQL that both
//! backends accept, and type-checked for both through the [`on!`] dispatch.
//!
//! The store knows nothing of HTTP or sessions' cookies; it takes and returns domain types.
//! Every function that changes client data is called inside a [`Tx`] that also receives the
//! audit row ([`audit::append`]), so the change and its log commit together or not at all.

#[macro_use]
mod db;

pub mod absence;
pub mod agenda;
pub mod attempts;
pub mod audit;
pub mod bulk;
pub mod cases;
pub mod cbs;
pub mod complaints;
pub mod corrections;
pub mod credentials;
pub mod destruction;
pub mod districts;
pub mod emergency;
#[doc(hidden)]
pub mod group_seed;
pub mod group_support;
pub mod groups;
pub mod handover;
pub mod households;
pub mod idempotency;
pub mod jobs;
pub mod knowledge;
pub mod kpi;
pub mod kpi_groups;
pub mod onward_referrals;
pub mod organisation;
pub mod outreach;
pub mod outreach_attempts;
#[doc(hidden)]
pub mod outreach_seed;
pub mod partner_referrals;
pub mod partners;
pub mod plan;
pub mod portal_codes;
pub mod processing;
pub mod reference;
pub mod repair;
pub mod secrets;
pub mod sessions;
pub mod sso;
pub mod survey;
pub mod survey_results;
#[doc(hidden)]
pub mod testing;
pub mod users;
mod writer;

pub use db::{CarriesStoreError, Db, StoreError, Tx, redact as db_redact};
pub use writer::JobFuture;

pub type Result<T> = std::result::Result<T, StoreError>;

/// Converts a jiff date to the wrapper both sqlx backends encode.
pub(crate) fn sql_date(d: jiff::civil::Date) -> jiff_sqlx::Date {
    jiff_sqlx::Date::from(d)
}

pub(crate) fn sql_ts(t: jiff::Timestamp) -> jiff_sqlx::Timestamp {
    jiff_sqlx::Timestamp::from(t)
}

/// Parses a stored code back into its domain type; a failure means the database holds
/// something the code never writes.
pub(crate) fn parse_code<T>(column: &str, value: &str, parse: impl Fn(&str) -> Option<T>) -> Result<T> {
    parse(value).ok_or_else(|| StoreError::Corrupt(format!("{column} holds unknown code {value:?}")))
}

#[cfg(test)]
mod schema_tests;
