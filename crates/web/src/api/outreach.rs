//! Outreach campaigns (issue 16, decision 0033): campaigns, signal files in, the work basket
//! and assigning its addresses, the weighing it is ordered by. Who may do what is
//! `domain::policy::outreach` (docs/access.md).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderName, StatusCode, header};
use buurtteam_app::outreach::basket::{self as basket_uc, AssignInput, BasketQuery, WeighingInput};
use buurtteam_app::outreach::campaigns::{self as uc, CampaignChange, CampaignInput, CampaignView};
use buurtteam_domain::outreach_import::Weighing;
use buurtteam_store::outreach::basket::Address;
use jiff::civil::Date;
use serde::Serialize;
use utoipa::ToSchema;

use super::Body;
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff as Account;

/// A campaign.
#[derive(Debug, Serialize, ToSchema)]
pub struct CampaignOut {
    pub id: i64,
    /// `payment_arrears`, `benefits_scandal`, `other`.
    pub kind: String,
    pub name: String,
    pub district_ids: Vec<i64>,
    pub starts_on: Date,
    pub ends_on: Option<Date>,
    pub help_offered: String,
    pub approaches: Vec<String>,
    pub workers: Vec<CampaignWorkerOut>,
    /// `open` or `closed`.
    pub status: String,
    pub closed_on: Option<Date>,
    /// Addresses in the basket.
    pub addresses: i64,
    pub signals: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CampaignWorkerOut {
    pub id: i64,
    pub name: String,
}

impl From<CampaignView> for CampaignOut {
    fn from(v: CampaignView) -> Self {
        let c = v.campaign;
        Self {
            id: c.id,
            kind: c.kind.code().into(),
            name: c.name,
            district_ids: c.district_ids.iter().map(|d| d.0).collect(),
            starts_on: c.starts_on,
            ends_on: c.ends_on,
            help_offered: c.help_offered,
            approaches: c.approaches.iter().map(|a| a.code().to_owned()).collect(),
            workers: c.workers.into_iter().map(|(id, name)| CampaignWorkerOut { id: id.0, name }).collect(),
            status: if c.closed_on.is_some() { "closed" } else { "open" }.into(),
            closed_on: c.closed_on,
            addresses: c.addresses,
            signals: c.signals,
        }
    }
}

type Created = Result<(StatusCode, [(HeaderName, String); 2], Json<CampaignOut>), ApiError>;

/// Create a campaign (team managers for districts of their teams, admins for any).
#[utoipa::path(post, path = "/api/v1/campaigns", tag = "outreach", request_body = CampaignInput,
    responses(
        (status = 201, body = CampaignOut, headers(("Location" = String, description = "The campaign"))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_campaign(State(s): State<AppState>, a: Account, body: Body<CampaignInput>) -> Created {
    let Json(input) = body?;
    let v = uc::create(&s.app, &a.actor, &input).await?;
    let at = format!("/api/v1/campaigns/{}", v.campaign.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, at.clone()), (header::CONTENT_LOCATION, at)], Json(v.into())))
}

/// The campaigns the reader works on, manages or steers; open ones first.
#[utoipa::path(get, path = "/api/v1/campaigns", tag = "outreach",
    responses(
        (status = 200, body = Vec<CampaignOut>),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_campaigns(State(s): State<AppState>, a: Account) -> Result<Json<Vec<CampaignOut>>, ApiError> {
    Ok(Json(uc::list(&s.app, &a.actor).await?.into_iter().map(Into::into).collect()))
}

/// One campaign.
#[utoipa::path(get, path = "/api/v1/campaigns/{id}", tag = "outreach", params(("id" = i64, Path)),
    responses(
        (status = 200, body = CampaignOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_campaign(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
) -> Result<Json<CampaignOut>, ApiError> {
    Ok(Json(uc::get(&s.app, &a.actor, id).await?.into()))
}

/// Change a campaign: name, end, help offered, approaches, workers; `"closed": true` closes it.
#[utoipa::path(patch, path = "/api/v1/campaigns/{id}", tag = "outreach", params(("id" = i64, Path)),
    request_body = CampaignChange,
    responses(
        (status = 200, body = CampaignOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn change_campaign(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<CampaignChange>,
) -> Result<Json<CampaignOut>, ApiError> {
    let Json(input) = body?;
    Ok(Json(uc::change(&s.app, &a.actor, id, &input).await?.into()))
}

/// What a signal file did.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportedOut {
    /// New signals stored.
    pub imported: usize,
    /// The addresses the new signals were grouped into.
    pub grouped_addresses: usize,
    /// Rows held already (an earlier file, or twice in this one): not stored again.
    pub duplicates: usize,
    /// Of the grouped addresses, those new to the basket matched to a household known to a team.
    pub matched_households: usize,
}

/// Import a signal file: `Content-Type: text/csv`, header row
/// `partner,received_on,given_name,family_name,street,house_number,postcode,kind,amount_eur,months`.
/// Every row is checked; any error: 422 with `errors` by line (`lines[N].field`) and nothing
/// imported. Rows held already are counted as `duplicates`.
#[utoipa::path(post, path = "/api/v1/campaigns/{id}/signals", tag = "outreach", params(("id" = i64, Path)),
    request_body(content = String, content_type = "text/csv"),
    responses(
        (status = 201, body = ImportedOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The campaign is closed", body = Problem, content_type = "application/problem+json"),
        (status = 400, description = "Not text/csv, or not UTF-8", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn import_signals(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<ImportedOut>), ApiError> {
    let csv_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().to_ascii_lowercase().starts_with("text/csv"));
    if !csv_type {
        return Err(ApiError::new("invalid-request", "Send the file as text/csv.".to_owned()));
    }
    let Ok(text) = std::str::from_utf8(&body) else {
        return Err(ApiError::new("invalid-request", "The file is not UTF-8 text.".to_owned()));
    };
    let done = basket_uc::import_signals(&s.app, &a.actor, id, text).await?;
    Ok((
        StatusCode::CREATED,
        Json(ImportedOut {
            imported: done.imported,
            grouped_addresses: done.grouped_addresses,
            duplicates: done.duplicates,
            matched_households: done.matched,
        }),
    ))
}

/// The signals of one address, summed up.
#[derive(Debug, Serialize, ToSchema)]
pub struct SignalsSummaryOut {
    pub signals: usize,
    pub partners: Vec<String>,
    /// `rent`, `energy`, `water`, `health_insurance`, `other`.
    pub kinds: Vec<String>,
    /// The latest amount of each partner and kind, added up.
    pub total_amount_eur: String,
    /// The most months of arrears a signal names.
    pub months: i32,
    /// `single`, `several_partners`, `consecutive_months`.
    pub grouping: Option<String>,
}

/// An address of the work basket.
#[derive(Debug, Serialize, ToSchema)]
pub struct CampaignAddressOut {
    pub id: i64,
    pub campaign_id: i64,
    pub street: String,
    pub house_number: i32,
    pub house_letter: String,
    pub house_number_addition: String,
    pub postcode: String,
    pub district_id: Option<i64>,
    pub district: Option<String>,
    pub signals: SignalsSummaryOut,
    /// The team the household is known to (its open or last case); never more of its file.
    pub known_to_team: Option<String>,
    pub assigned_to: Option<CampaignWorkerOut>,
    /// `open`, `reached`, `offer_made`, `accepted`, `declined`, `unreachable`.
    pub status: String,
    pub weight: i32,
    pub first_signal_on: Option<Date>,
    pub last_signal_on: Option<Date>,
}

/// Euros with two decimals, from cents.
pub fn euros(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

impl From<Address> for CampaignAddressOut {
    fn from(a: Address) -> Self {
        let s = a.summary;
        Self {
            id: a.id,
            campaign_id: a.campaign_id,
            street: a.street,
            house_number: a.house_number,
            house_letter: a.house_letter,
            house_number_addition: a.house_number_addition,
            postcode: a.postcode,
            district_id: a.district_id.map(|d| d.0),
            district: a.district_name,
            signals: SignalsSummaryOut {
                signals: s.signals,
                partners: s.partners,
                kinds: s.kinds.iter().map(|k| k.code().to_owned()).collect(),
                total_amount_eur: euros(s.total_cents),
                months: s.months,
                grouping: s.grouping.map(|g| g.code().to_owned()),
            },
            known_to_team: a.known_to_team,
            assigned_to: a.assigned_to.map(|(id, name)| CampaignWorkerOut { id: id.0, name }),
            status: a.status,
            weight: a.weight,
            first_signal_on: a.first_signal_on,
            last_signal_on: a.last_signal_on,
        }
    }
}

/// The work basket.
#[derive(Debug, Serialize, ToSchema)]
pub struct BasketOut {
    /// Heaviest first; at most 500.
    pub items: Vec<CampaignAddressOut>,
    /// How many addresses match the filters.
    pub total: i64,
}

/// The work basket of a campaign, ordered by the organisation's weighing (heaviest first),
/// filtered by district, worker (`none`: unassigned) and status. Reading it is logged.
#[utoipa::path(get, path = "/api/v1/campaigns/{id}/addresses", tag = "outreach",
    params(("id" = i64, Path), BasketQuery),
    responses(
        (status = 200, body = BasketOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn basket(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    Query(q): Query<BasketQuery>,
) -> Result<Json<BasketOut>, ApiError> {
    let b = basket_uc::basket(&s.app, &a.actor, id, &q).await?;
    Ok(Json(BasketOut { items: b.items.into_iter().map(Into::into).collect(), total: b.total }))
}

/// One signal of an address.
#[derive(Debug, Serialize, ToSchema)]
pub struct SignalOut {
    pub partner: String,
    pub received_on: Date,
    pub given_name: String,
    pub family_name: String,
    pub kind: String,
    pub amount_eur: String,
    pub months: i32,
}

/// An address with its signals.
#[derive(Debug, Serialize, ToSchema)]
pub struct CampaignAddressDetailOut {
    #[serde(flatten)]
    pub address: CampaignAddressOut,
    pub signal_rows: Vec<SignalOut>,
}

/// One address of a campaign with its signals (the basket's readers). Logged.
#[utoipa::path(get, path = "/api/v1/campaign-addresses/{id}", tag = "outreach", params(("id" = i64, Path)),
    responses(
        (status = 200, body = CampaignAddressDetailOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_address(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
) -> Result<Json<CampaignAddressDetailOut>, ApiError> {
    let v = basket_uc::address(&s.app, &a.actor, id).await?;
    Ok(Json(CampaignAddressDetailOut {
        address: v.address.into(),
        signal_rows: v
            .signals
            .into_iter()
            .map(|s| SignalOut {
                partner: s.partner,
                received_on: s.received_on,
                given_name: s.given_name,
                family_name: s.family_name,
                kind: s.kind.code().to_owned(),
                amount_eur: euros(s.amount_cents),
                months: s.months,
            })
            .collect(),
    }))
}

/// How many addresses were assigned.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssignedOut {
    pub assigned: usize,
}

/// Assign or reassign addresses of the campaign to one of its outreach workers (`worker_id`
/// null: to nobody). The campaign's district team managers.
#[utoipa::path(post, path = "/api/v1/campaigns/{id}/assignments", tag = "outreach", params(("id" = i64, Path)),
    request_body = AssignInput,
    responses(
        (status = 200, body = AssignedOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn assign(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<AssignInput>,
) -> Result<Json<AssignedOut>, ApiError> {
    let Json(input) = body?;
    Ok(Json(AssignedOut { assigned: basket_uc::assign(&s.app, &a.actor, id, &input).await? }))
}

/// The weighing of the work basket: points per hundred euros, per partner, per month of
/// arrears, per child in a known household.
#[derive(Debug, Serialize, ToSchema)]
pub struct WeighingOut {
    pub per_hundred_euros: i32,
    pub per_partner: i32,
    pub per_month: i32,
    pub per_child: i32,
}

impl From<Weighing> for WeighingOut {
    fn from(w: Weighing) -> Self {
        Self {
            per_hundred_euros: w.per_hundred_euros,
            per_partner: w.per_partner,
            per_month: w.per_month,
            per_child: w.per_child,
        }
    }
}

/// The organisation's weighing (team managers and admins).
#[utoipa::path(get, path = "/api/v1/outreach/weighing", tag = "outreach",
    responses(
        (status = 200, body = WeighingOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_weighing(State(s): State<AppState>, a: Account) -> Result<Json<WeighingOut>, ApiError> {
    Ok(Json(basket_uc::weighing(&s.app, &a.actor).await?.into()))
}

/// Set the weighing (each 0 to 1000); every address is weighed again.
#[utoipa::path(put, path = "/api/v1/outreach/weighing", tag = "outreach", request_body = WeighingInput,
    responses(
        (status = 200, body = WeighingOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn set_weighing(
    State(s): State<AppState>,
    a: Account,
    body: Body<WeighingInput>,
) -> Result<Json<WeighingOut>, ApiError> {
    let Json(input) = body?;
    Ok(Json(basket_uc::set_weighing(&s.app, &a.actor, &input).await?.into()))
}
