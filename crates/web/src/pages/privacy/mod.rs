//! The privacy officer's pages, `/privacy`: logs and registrations, never a file's content.
//! Each section is its own module here and its own template in `templates/privacy/`; every
//! page takes [`PrivacyPage`], which lets privacy officers in and refuses (and logs) anyone
//! else.

mod emergency;

use axum::Router;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::response::Response;
use axum::routing::{get, post};
use buurtteam_app::privacy::open_privacy;

use super::{StaffPage, app_error_page};
use crate::AppState;

mod destruction;
pub(crate) mod log;
mod processing;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/privacy", get(start))
        .merge(log::routes())
        .route("/privacy/processing", get(processing::list))
        .route("/privacy/emergency-access", get(emergency::grants))
        .route("/privacy/emergency-access/{id}/review", post(emergency::review_grant))
        .route("/privacy/unusual-access", get(emergency::unusual_access))
        .route("/privacy/unusual-access/review", post(emergency::review_unusual))
        .route("/privacy/destruction", get(destruction::page))
        .route("/privacy/destruction/requests/{id}/decision", axum::routing::post(destruction::decide))
        .route("/privacy/destruction/holds", axum::routing::post(destruction::place_hold))
        .route("/privacy/destruction/holds/{id}/lift", axum::routing::post(destruction::lift_hold))
        .route("/cases/{id}/destruction-request", get(destruction::register_form).post(destruction::register_submit))
}

/// A logged-in privacy officer on a privacy page (anyone else gets the 403 page, logged as
/// `organisation.access_refused` with object `privacy`).
pub struct PrivacyPage(pub StaffPage);

impl FromRequestParts<AppState> for PrivacyPage {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let staff = StaffPage::from_request_parts(parts, state).await?;
        if let Err(e) = open_privacy(&state.app, &staff.actor).await {
            return Err(app_error_page(&staff.chrome("privacy"), e));
        }
        Ok(Self(staff))
    }
}

/// The sections, in the order the start page lists them (one line per section; message
/// `privacy-section-<key>` and `privacy-section-<key>-text`).
const SECTIONS: &[(&str, &str)] = &[
    ("/privacy/emergency-access", "emergency"),
    ("/privacy/unusual-access", "unusual"),
    ("/privacy/destruction", "destruction"),
    ("/privacy/inzage", "inzage"),
    ("/privacy/log", "log"),
    ("/privacy/processing", "processing"),
];

async fn start(State(state): State<AppState>, PrivacyPage(officer): PrivacyPage) -> Response {
    super::area_start::page(&state, &officer, "privacy", SECTIONS).await
}
