//! The family plan (gezinsplan) of a case: goals with their actions, scores, comments and
//! proposed changes; evaluations, appointments, working notes; versions and agreements.
//!
//! The store returns whole plans; who may see which part is decided in the application by
//! `buurtteam_domain::policy::plan`. Working notes and versions have their own reads, so a
//! portal read never even loads them.
//!
//! One module per part: `rows` (what the store returns), `goals` (with scores and comments),
//! `actions`, `proposals`, `case_wide` (evaluations, appointments, working notes), `versions`
//! (with agreements), `invitations` (network and portal), `load` (the whole plan) and `named`.
//! Everything public is re-exported here.

mod actions;
mod case_wide;
mod goals;
mod invitations;
mod load;
mod named;
mod proposals;
mod rows;
mod versions;

pub use actions::*;
pub use case_wide::*;
pub use goals::*;
pub use invitations::*;
pub use load::*;
pub use named::{Named, case_of, network_invited_to_case};
pub use proposals::*;
pub use rows::*;
pub use versions::*;

type Ts = jiff_sqlx::Timestamp;
type SqlDate = jiff_sqlx::Date;
