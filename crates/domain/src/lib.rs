//! Pure domain rules of buurtteam: typed ids and codes, the case lifecycle, the Dutch
//! working-day calendar and the access policy. No I/O and no async: everything here is
//! a function of its inputs, so it is unit- and property-tested in isolation.
//!
//! This crate must not depend on the store, the web layer or any runtime.

pub mod absence;
pub mod accounts;
pub mod address;
pub mod audit;
pub mod audit_chain;
pub mod calendar;
pub mod case;
pub mod cbs;
pub mod codes;
pub mod complaints;
pub mod correction;
pub mod emergency;
pub mod group_support;
pub mod groups;
pub mod handover;
pub mod ids;
pub mod knowledge;
pub mod kpi;
pub mod ldv;
pub mod matching;
pub mod onward_referrals;
pub mod outreach;
pub mod outreach_funnel;
pub mod outreach_import;
pub mod outreach_steering;
pub mod partner_referrals;
pub mod partners;
pub mod password;
pub mod person;
pub mod plan_content;
pub mod policy;
pub mod postcode_area;
pub mod processing;
pub mod repair;
pub mod retention;
pub mod survey;
pub mod validation;

pub use jiff::civil::Date;
