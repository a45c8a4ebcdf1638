//! The privacy lifecycle (issue 18): the privacy officer's work and what a family may expect
//! of how their data is kept. Each part is its own module here, on the same shape as every
//! other capability.

pub mod destruction;
pub mod emergency;
pub mod integrity;
pub mod ldv;
pub mod requests;
pub mod unusual;

use buurtteam_domain::policy::{Action, Actor};

use crate::{App, Result};

/// Lets a privacy officer into the privacy pages (`/privacy`); anyone else is refused, and the
/// refusal logged like any other organisation-wide one (object `privacy`).
pub async fn open_privacy(app: &App, actor: &Actor) -> Result<()> {
    crate::organisation::organisation_wide(app, actor, Action::ReviewPrivacy, "privacy").await
}
