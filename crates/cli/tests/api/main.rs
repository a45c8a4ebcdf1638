//! Integration tests: the real application on a random port, spoken to over HTTP.
//! Each test gets a fresh database: an SQLite file in a temp dir, or a fresh PostgreSQL
//! database when `BUURTTEAM_TEST_PG` holds the URL of a server to create it on.

mod harness;

mod access;
mod auth;
mod cases;
mod cli;
mod dashboards;
mod existence;
mod households;
mod idempotency;
mod kpis;
mod login_protection;
mod organisation;
mod pages;
mod plan;
mod platform;
mod refusals;
