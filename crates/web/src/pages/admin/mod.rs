//! The administration (functioneel beheer), `/admin`: setting up the organisation without the
//! CLI or the API. Each section is its own module here and its own template in
//! `templates/admin/`; every page takes [`AdminPage`], which lets admins in and refuses (and
//! logs) anyone else. No page here shows client data.

use axum::Router;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::response::Response;
use axum::routing::get;
use buurtteam_app::organisation::open_administration;

use super::{StaffPage, app_error_page};
use crate::AppState;

mod audit;
mod organisation;
pub(crate) mod processing;
mod reference;
mod repair;
pub mod settings;
mod sign_in;
pub(super) mod users;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin", get(start))
        .merge(organisation::routes())
        .merge(reference::routes())
        .merge(processing::routes())
        .route("/admin/repair", get(repair::repair))
        .route("/admin/audit", get(audit::audit))
        .route("/admin/settings", get(settings::page))
        .route("/admin/sign-in", get(sign_in::page))
        .merge(users::routes())
}

/// A logged-in admin on an administration page (anyone else gets the 403 page, logged as
/// `organisation.access_refused`).
pub struct AdminPage(pub StaffPage);

impl FromRequestParts<AppState> for AdminPage {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let staff = StaffPage::from_request_parts(parts, state).await?;
        if let Err(e) = open_administration(&state.app, &staff.actor).await {
            return Err(app_error_page(&staff.chrome("admin"), e));
        }
        Ok(Self(staff))
    }
}

/// The sections of the administration, in the order the start page lists them.
const SECTIONS: &[(&str, &str)] = &[
    ("/admin/organisation", "organisation"),
    ("/admin/users", "users"),
    ("/admin/reference", "reference"),
    ("/admin/processing", "processing"),
    ("/admin/repair", "repair"),
    ("/admin/sign-in", "sign-in"),
    ("/admin/settings", "settings"),
    ("/admin/audit", "audit"),
    ("/admin/survey", "survey"),
];

async fn start(State(state): State<AppState>, AdminPage(admin): AdminPage) -> Response {
    super::area_start::page(&state, &admin, "admin", SECTIONS).await
}
