//! Households and their members.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderName, StatusCode, header};
use buurtteam_app::AppError;
use buurtteam_app::households::{self as uc, HouseholdInput, SearchInput};
use buurtteam_domain::ids::HouseholdId;
use buurtteam_domain::validation::FieldError;
use serde::Deserialize;
use utoipa::IntoParams;

use super::Body;
use super::dto::{HouseholdFoundOut, HouseholdOut, ListOut};
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff;

/// Register a household with its members (a BSN is optional and must pass the 11-test).
#[utoipa::path(post, path = "/api/v1/households", tag = "households", request_body = HouseholdInput,
    responses(
        (status = 201, body = HouseholdOut, headers(("Location" = String, description = "The new household"))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_household(
    State(s): State<AppState>,
    staff: Staff,
    body: Body<HouseholdInput>,
) -> Result<(StatusCode, [(HeaderName, String); 2], Json<HouseholdOut>), ApiError> {
    let Json(input) = body?;
    let h = uc::create(&s.app, &staff.actor, &input).await?;
    // The answer is the household as `GET` on it shows it: an idempotent retry reads it again.
    let at = format!("/api/v1/households/{}", h.id.0);
    Ok((StatusCode::CREATED, [(header::LOCATION, at.clone()), (header::CONTENT_LOCATION, at)], Json(h.into())))
}

/// Read a household. Logged in the audit log.
#[utoipa::path(get, path = "/api/v1/households/{id}", tag = "households", params(("id" = i64, Path)),
    responses((status = 200, body = HouseholdOut), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_household(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Json<HouseholdOut>, ApiError> {
    Ok(Json(uc::get(&s.app, &staff.actor, HouseholdId(id)).await?.into()))
}

/// What `GET /api/v1/households` searches by: the page's search without the BSN (a BSN does
/// not belong in a URL). The Dutch API design rules want camelCase query keys; the names of
/// the tracker's contract (`birth_date`, `house_number`) are accepted as well.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// Part of a given or family name, or "given family", at least 2 letters; case, accents
    /// and script do not matter (`ozturk` finds Öztürk).
    pub name: Option<String>,
    /// `YYYY-MM-DD`; with a name, of the same person.
    #[serde(rename = "birthDate", alias = "birth_date")]
    #[param(format = Date)]
    pub birth_date: Option<String>,
    /// Dutch postcode, e.g. `3511 AB`; needed with a house number.
    pub postcode: Option<String>,
    /// `12` (also finds 12a and 12-bis), `12a`, `12-bis` or `12a-1`.
    #[serde(rename = "houseNumber", alias = "house_number")]
    pub house_number: Option<String>,
    /// Not accepted: a BSN in a URL ends up in logs and browser histories.
    #[param(ignore)]
    pub bsn: Option<String>,
}

/// Search households by name, birth date, postcode and house number, within your teams: the
/// same search as the staff pages, at most 25, newest first. Logged in the audit log (the
/// kinds of criteria and the households returned, never the values).
#[utoipa::path(get, path = "/api/v1/households", tag = "households", params(SearchQuery),
    responses(
        (status = 200, body = ListOut<HouseholdFoundOut>),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A criterion is not valid, or none is given", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn search_households(
    State(s): State<AppState>,
    staff: Staff,
    query: Result<Query<SearchQuery>, QueryRejection>,
) -> Result<Json<ListOut<HouseholdFoundOut>>, ApiError> {
    let Query(q) = query?;
    if q.bsn.is_some() {
        let mut e = FieldError::new("bsn", "is not accepted in a URL; search by BSN on the search page");
        e.code("bsn_in_url");
        return Err(AppError::Validation(vec![e]).into());
    }
    let input = SearchInput {
        name: q.name,
        birth_date: q.birth_date,
        postcode: q.postcode,
        house_number: q.house_number,
        bsn: None,
    };
    let found = uc::search(&s.app, &staff.actor, &input).await?;
    let items = found.into_iter().map(|f| HouseholdFoundOut::of(f, &staff.actor)).collect();
    Ok(Json(ListOut { items }))
}
