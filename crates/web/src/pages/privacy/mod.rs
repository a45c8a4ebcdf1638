//! The privacy officer's pages, `/privacy`: logs and registrations, never a file's content.
//! Each section is its own module here and its own template in `templates/privacy/`; every
//! page takes [`PrivacyPage`], which lets privacy officers in and refuses (and logs) anyone
//! else.

use askama::Template;
use axum::Router;
use axum::extract::{FromRequestParts, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::Response;
use axum::routing::get;
use buurtteam_app::privacy::open_privacy;

use super::{Chrome, StaffPage, app_error_page, render};
use crate::AppState;

mod destruction;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/privacy", get(start))
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

/// A section of the privacy pages, as the start page lists it.
struct Section {
    href: &'static str,
    title: String,
    text: String,
}

#[derive(Template)]
#[template(path = "privacy/start.html")]
struct StartPage {
    page: Chrome,
    sections: Vec<Section>,
}

/// The sections, in the order the start page lists them (one line per section; message
/// `privacy-section-<key>` and `privacy-section-<key>-text`).
const SECTIONS: &[(&str, &str)] = &[("/privacy/destruction", "destruction")];

async fn start(State(_state): State<AppState>, PrivacyPage(officer): PrivacyPage) -> Response {
    let chrome = officer.chrome("privacy");
    let tr = chrome.tr;
    let sections = SECTIONS
        .iter()
        .map(|(href, key)| Section {
            href,
            title: tr.t(&format!("privacy-section-{key}")),
            text: tr.t(&format!("privacy-section-{key}-text")),
        })
        .collect();
    render(StatusCode::OK, &StartPage { page: chrome, sections })
}
