//! Integration tests: the real application on a random port, spoken to over HTTP.
//! Each test gets a fresh database: an SQLite file in a temp dir, or a fresh PostgreSQL
//! database when `BUURTTEAM_TEST_PG` holds the URL of a server to create it on.

mod harness;

mod access;
mod accounts;
mod activation;
mod admin;
mod admin_audit;
mod audit_chain;
mod auth;
mod backup;
mod case_details;
mod cases;
mod cli;
mod complaints;
mod corrections;
mod dashboards;
mod destruction;
mod disk_full;
mod emergency;
mod existence;
mod forms;
mod group_steering;
mod groups;
mod handover;
mod households;
mod idempotency;
mod inzage;
mod jobs;
mod knowledge;
mod kpis;
mod login_protection;
mod odd_input;
mod organisation;
mod organisation_admin;
mod outreach;
mod outreach_attempts;
mod pages;
mod passwords;
mod plan;
mod plan_access_log;
mod plan_agreement;
mod plan_members;
mod platform;
mod portal_contact;
mod processing;
mod redirects;
mod refusals;
mod repair;
mod secrets;
mod sso;
mod survey;
mod survey_results;
mod transport;
mod worklist;
