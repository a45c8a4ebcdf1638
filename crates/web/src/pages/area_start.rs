//! The start page of an area that is a list of sections (the administration, `/admin`, and the
//! privacy pages, `/privacy`): the area's title and intro, the audit log's integrity alert, and
//! one link with a sentence per section. Messages: `<prefix>-title`, `<prefix>-intro`,
//! `<prefix>-section-<key>` and `<prefix>-section-<key>-text`.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;

use super::privacy::log::{IntegrityAlert, alert_banner};
use super::{Chrome, StaffPage, render};
use crate::AppState;

/// A section, as the start page lists it.
struct Section {
    href: &'static str,
    title: String,
    text: String,
}

#[derive(Template)]
#[template(path = "area_start.html")]
struct StartPage {
    page: Chrome,
    title: String,
    intro: String,
    sections: Vec<Section>,
    /// The audit log's integrity alert, if the last verification found a break.
    integrity_alert: Option<IntegrityAlert>,
}

/// Renders the start page of area `area` (its navigation code, also its message prefix) with
/// `sections` as `(href, key)` in the order listed.
pub(crate) async fn page(
    state: &AppState,
    staff: &StaffPage,
    area: &'static str,
    sections: &[(&'static str, &str)],
) -> Response {
    let chrome = staff.chrome(area);
    let tr = chrome.tr;
    let sections = sections
        .iter()
        .map(|(href, key)| Section {
            href,
            title: tr.t(&format!("{area}-section-{key}")),
            text: tr.t(&format!("{area}-section-{key}-text")),
        })
        .collect();
    let integrity_alert = alert_banner(state, tr, &staff.actor).await;
    let (title, intro) = (tr.t(&format!("{area}-title")), tr.t(&format!("{area}-intro")));
    render(StatusCode::OK, &StartPage { page: chrome, title, intro, sections, integrity_alert })
}
