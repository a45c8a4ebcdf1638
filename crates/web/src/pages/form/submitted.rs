//! The extractor of every page form posted in a session.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_domain::policy::Actor;
use serde::de::DeserializeOwned;

use super::super::{Chrome, StaffPage, csrf_refused, error_page};
use super::FormData;
use super::fields::{self, Rows};
use crate::AppState;

/// A page of a session in which forms are posted: a staff page or a Mijn Buurtteam page.
pub trait FormSession: FromRequestParts<AppState, Rejection = Response> + Send {
    /// The page's chrome, with the session's CSRF token.
    fn chrome(&self) -> &Chrome;
    /// Who to log a refused form for.
    fn actor(&self) -> &Actor;
}

/// The input of a form that is only a button (agreeing to the plan).
#[derive(Debug, Default, serde::Deserialize)]
pub struct NoFields {}

/// A form posted on a page, in a session (`P`: staff by default), with its CSRF token checked
/// and its fields read into `T`, the input struct the API takes for the same use case.
///
/// Without a session the browser goes to the log-in page as for any page; a form without the
/// session's token is refused with 403 and its refusal logged (`form.access_refused`) before
/// anything else is read. A form this site does not send (a field name that is no path, a
/// list where one value belongs) is a 400 page.
pub struct PageForm<T, P = StaffPage> {
    pub page: P,
    pub input: T,
    /// The fields as sent, to show again with the errors.
    pub values: FormData,
    /// Where the rows of the form's lists went: see [`Rows::errors`].
    pub rows: Rows,
}

impl<T, P> FromRequest<AppState> for PageForm<T, P>
where
    T: DeserializeOwned + Send,
    P: FormSession,
{
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let page = P::from_request_parts(&mut parts, state).await?;
        let values = FormData::from_request(Request::from_parts(parts, body), state).await?;
        let sent = values.get("_csrf").unwrap_or_default();
        if !page.chrome().csrf_accepts(sent) {
            return Err(csrf_refused(page.chrome(), page.actor()));
        }
        match fields::read::<T>(&values.0) {
            Ok(read) => Ok(Self { page, input: read.input, values, rows: read.rows }),
            Err(e) => {
                tracing::info!(error = %e, path = %page.chrome().path, "a form that could not be read");
                Err(error_page(page.chrome(), StatusCode::BAD_REQUEST, "error-form-title", "error-form-detail"))
            }
        }
    }
}
