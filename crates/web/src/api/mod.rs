//! The `/api/v1` routes, each registered together with its OpenAPI description.

pub mod cases;
pub mod dto;
pub mod households;
pub mod kpis;
pub mod organisation;

use axum::Json;
use axum::extract::rejection::JsonRejection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::session;

/// A JSON body whose rejection becomes a problem document.
pub type Body<T> = Result<Json<T>, JsonRejection>;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(crate::docs::base())
        .routes(routes!(session::login))
        .routes(routes!(session::logout))
        .routes(routes!(session::me))
        .routes(routes!(organisation::create_district, organisation::list_districts))
        .routes(routes!(organisation::create_team, organisation::list_teams))
        .routes(routes!(organisation::create_user, organisation::list_users))
        .routes(routes!(organisation::add_closure_day, organisation::list_closure_days))
        .routes(routes!(organisation::remove_closure_day))
        .routes(routes!(households::create_household))
        .routes(routes!(households::get_household))
        .routes(routes!(cases::register_referral, cases::list_cases))
        .routes(routes!(cases::get_case))
        .routes(routes!(cases::hold_intake))
        .routes(routes!(cases::start_support))
        .routes(routes!(cases::close_case))
        .routes(routes!(cases::record_contact, cases::list_contacts))
        .routes(routes!(kpis::read_kpis))
}
