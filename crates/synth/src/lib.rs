//! Synthetic organisations and families for demos, tests and benchmarks: Dutch names and
//! addresses, household compositions, requests in plain Dutch, seasonality and a long tail
//! of long-running support, calibrated to the figures in the seed documents.
//! Same seed, same data: every random draw comes from one seeded ChaCha8 generator.

pub mod absence;
pub mod calibration;
mod generate;
pub mod group_support;
mod groups;
mod model;
mod names;
pub mod onward_referrals;
pub mod outreach;
pub mod partners;
pub mod profile;
pub mod survey;

pub use generate::{EMAIL_DOMAIN, GenerateError, Options, Summary, generate};
