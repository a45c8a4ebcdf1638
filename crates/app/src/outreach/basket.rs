//! Signals in (a CSV file, all or nothing), the work basket, one address, assigning addresses
//! to outreach workers, and the organisation's weighing.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::codes::Role;
use buurtteam_domain::ids::{DistrictId, UserId};
use buurtteam_domain::outreach::AttemptResult;
use buurtteam_domain::outreach_import::{self as rules, MAX_WEIGHT, Weighing};
use buurtteam_domain::policy::Actor;
use buurtteam_domain::policy::outreach::OutreachAction;
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit;
use buurtteam_store::outreach::basket::{self as store, Address, Filter, Signal};
use buurtteam_store::outreach::campaigns::Campaign;
use buurtteam_store::outreach::signals::{self, Imported};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::{Allowed, authorise, refuse, refuse_attempt};
use crate::refusals::Attempt;
use crate::{App, AppError, Result, audit_entry};
use buurtteam_store::audit::Refused;

/// The most addresses one basket page lists.
pub const BASKET_LIMIT: i64 = 500;

/// Imports a signal file (CSV text) into campaign `id`: every row checked first, then all new
/// rows in one transaction, or nothing (422 with the errors by line).
pub async fn import_signals(app: &App, actor: &Actor, id: i64, csv: &str) -> Result<Imported> {
    let today = app.today();
    let (mut tx, campaign, _) =
        authorise(app, app.db.begin().await?, actor, id, OutreachAction::ManageCampaign).await?;
    if campaign.closed_on.is_some() {
        return Err(AppError::Conflict { message: "the campaign is closed".into(), current_status: None });
    }
    let rows = rules::read_signals(csv, today)?;
    let sha: String = Sha256::digest(csv.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    let weighing = store::weighing(&mut tx).await?;
    let now = app.now();
    let done = signals::import(&mut tx, id, &sha, &rows, &weighing, actor.user_id.0, today, now).await?;
    let mut entry = audit_entry(Some(actor), now, AuditAction::CampaignSignalsImported, "campaign");
    entry.object_id = Some(id);
    entry.detail = serde_json::json!({
        "import_id": done.import_id,
        "rows": rows.len(),
        "imported": done.imported,
        "duplicates": done.duplicates,
        "grouped_addresses": done.grouped_addresses,
        "matched": done.matched,
    });
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(done)
}

/// Filters of the basket as the API and the page take them.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct BasketQuery {
    /// Query keys are lower camelCase (the Dutch API Design Rules); the page's form may send
    /// `district_id`.
    #[serde(rename = "districtId", alias = "district_id")]
    pub district_id: Option<i64>,
    /// A worker's id, or `none` for the addresses assigned to nobody.
    pub worker: Option<String>,
    /// `open`, `reached`, `offer_made`, `accepted`, `declined`, `unreachable`.
    pub status: Option<String>,
}

/// The basket as the viewer sees it.
#[derive(Debug, Clone)]
pub struct Basket {
    pub campaign: Campaign,
    pub allowed: Allowed,
    pub items: Vec<Address>,
    /// How many addresses match the filters (the list holds at most [`BASKET_LIMIT`]).
    pub total: i64,
}

const STATUSES: &[&str] = &["open", "reached", "offer_made", "accepted", "declined", "unreachable"];

fn filter(q: &BasketQuery) -> Result<Filter> {
    let mut errors = Errors::default();
    let mut f = Filter { district: q.district_id.map(DistrictId), ..Filter::default() };
    match q.worker.as_deref().map(str::trim) {
        None | Some("") => {}
        Some("none") => f.unassigned = true,
        Some(w) => match w.parse::<i64>() {
            Ok(id) => f.worker = Some(UserId(id)),
            Err(_) => {
                errors.add("worker", "is a worker's id or none").code("invalid");
            }
        },
    }
    match q.status.as_deref().map(str::trim) {
        None | Some("") => {}
        Some(s) if STATUSES.contains(&s) => f.status = Some(s.to_owned()),
        Some(_) => {
            errors.add("status", format!("is one of {}", STATUSES.join(", "))).code("unknown_choice");
        }
    }
    errors.finish()?;
    Ok(f)
}

/// The work basket of campaign `id`, heaviest first (its team managers and outreach workers).
/// Reading it is logged.
pub async fn basket(app: &App, actor: &Actor, id: i64, q: &BasketQuery) -> Result<Basket> {
    let f = filter(q)?;
    let (mut tx, campaign, rel) = authorise(app, app.db.begin().await?, actor, id, OutreachAction::ReadBasket).await?;
    let (items, total) = store::list(&mut tx, id, &f, BASKET_LIMIT).await?;
    let mut entry = audit_entry(Some(actor), app.now(), AuditAction::CampaignBasketRead, "campaign");
    entry.object_id = Some(id);
    entry.detail = serde_json::json!({
        "district_id": q.district_id,
        "worker": q.worker,
        "status": q.status,
        "addresses": items.len(),
    });
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(Basket { allowed: Allowed::of(actor, rel), campaign, items, total })
}

/// One address with its signals, as its campaign's basket readers see it.
#[derive(Debug, Clone)]
pub struct AddressView {
    pub campaign: Campaign,
    pub allowed: Allowed,
    pub address: Address,
    pub signals: Vec<Signal>,
}

/// The campaign of address `id` with the actor's right to `action` on it, within `tx`.
pub async fn address_campaign(
    app: &App,
    mut tx: buurtteam_store::Tx,
    actor: &Actor,
    id: i64,
    action: OutreachAction,
) -> Result<(buurtteam_store::Tx, Address, Campaign, Allowed)> {
    let Some(address) = store::get(&mut tx, id).await? else {
        drop(tx);
        let attempt = Attempt::new(Refused::Team, "campaign_address")
            .on(id)
            .with("attempted", action.code())
            .with("exists", false);
        return Err(refuse_attempt(app, actor, attempt, "campaign_address", true).await);
    };
    let (tx, campaign, rel) = authorise(app, tx, actor, address.campaign_id, action).await?;
    Ok((tx, address, campaign, Allowed::of(actor, rel)))
}

/// One address of a campaign with its signals (logged).
pub async fn address(app: &App, actor: &Actor, id: i64) -> Result<AddressView> {
    let (mut tx, address, campaign, allowed) =
        address_campaign(app, app.db.begin().await?, actor, id, OutreachAction::ReadBasket).await?;
    let signals = store::signals(&mut tx, id).await?;
    let mut entry = audit_entry(Some(actor), app.now(), AuditAction::CampaignAddressRead, "campaign_address");
    entry.object_id = Some(id);
    entry.detail = serde_json::json!({ "campaign_id": campaign.id });
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(AddressView { campaign, allowed, address, signals })
}

/// Assigning addresses (`POST /api/v1/campaigns/{id}/assignments`).
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssignInput {
    /// The addresses (of this campaign).
    #[serde(default)]
    pub address_ids: Vec<i64>,
    /// An outreach worker of the campaign; absent or null: assigned to nobody.
    pub worker_id: Option<i64>,
}

/// Assigns or reassigns addresses of campaign `id` to one of its outreach workers (the
/// campaign's district team managers); returns how many changed.
pub async fn assign(app: &App, actor: &Actor, id: i64, input: &AssignInput) -> Result<usize> {
    let (mut tx, campaign, _) = authorise(app, app.db.begin().await?, actor, id, OutreachAction::AssignAddress).await?;
    let mut errors = Errors::default();
    if input.address_ids.is_empty() {
        errors.add("address_ids", "is required: choose one address or more").code("required");
    }
    let worker = input.worker_id.map(UserId);
    if let Some(w) = worker
        && !campaign.worker_ids().contains(&w)
    {
        errors.add("worker_id", "is not an outreach worker of this campaign").code("unknown_worker");
    }
    errors.finish()?;
    let now = app.now();
    let n = store::assign(&mut tx, id, &input.address_ids, worker, now).await?;
    if n != input.address_ids.len() {
        let mut errors = Errors::default();
        errors.add("address_ids", "names an address that is not in this campaign").code("unknown_address");
        errors.finish()?;
    }
    let mut entry = audit_entry(Some(actor), now, AuditAction::CampaignAddressAssigned, "campaign");
    entry.object_id = Some(id);
    entry.detail = serde_json::json!({ "address_ids": input.address_ids, "worker_id": input.worker_id });
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(n)
}

/// The weighing as sent (`PUT /api/v1/outreach/weighing`, the weighing form).
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WeighingInput {
    pub per_hundred_euros: Option<i32>,
    pub per_partner: Option<i32>,
    pub per_month: Option<i32>,
    pub per_child: Option<i32>,
}

fn may_weigh(actor: &Actor) -> bool {
    matches!(actor.role, Role::Admin | Role::TeamManager)
}

/// The organisation's weighing (team managers and admins).
pub async fn weighing(app: &App, actor: &Actor) -> Result<Weighing> {
    if !may_weigh(actor) {
        return Err(refuse(app, actor, "outreach_weighing", None, !actor.role.is_staff()).await);
    }
    let mut tx = app.db.begin_read().await?;
    Ok(store::weighing(&mut tx).await?)
}

/// Sets the weighing and weighs every address again (team managers and admins).
pub async fn set_weighing(app: &App, actor: &Actor, input: &WeighingInput) -> Result<Weighing> {
    if !may_weigh(actor) {
        return Err(refuse(app, actor, "outreach_weighing", None, !actor.role.is_staff()).await);
    }
    let mut errors = Errors::default();
    let mut get = |field: &str, v: Option<i32>| match v {
        Some(v) if (0..=MAX_WEIGHT).contains(&v) => v,
        Some(_) => {
            errors
                .add(field, "is a whole number from 0 to 1000")
                .code("out_of_range")
                .arg("min", 0)
                .arg("max", MAX_WEIGHT);
            0
        }
        None => {
            errors.add(field, "is required").code("required");
            0
        }
    };
    let w = Weighing {
        per_hundred_euros: get("per_hundred_euros", input.per_hundred_euros),
        per_partner: get("per_partner", input.per_partner),
        per_month: get("per_month", input.per_month),
        per_child: get("per_child", input.per_child),
    };
    errors.finish()?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let before = store::weighing(&mut tx).await?;
    let n = store::set_weighing(&mut tx, &w, actor.user_id, now).await?;
    let mut entry = audit_entry(Some(actor), now, AuditAction::OutreachWeighingChanged, "outreach_weighing");
    let json = |w: &Weighing| {
        serde_json::json!({
            "per_hundred_euros": w.per_hundred_euros,
            "per_partner": w.per_partner,
            "per_month": w.per_month,
            "per_child": w.per_child,
        })
    };
    entry.detail = serde_json::json!({ "before": json(&before), "after": json(&w), "addresses": n });
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(w)
}

/// Whether an address status code is known (the attempt results that are statuses, and open).
pub fn is_status(code: &str) -> bool {
    code == "open" || AttemptResult::parse(code).is_some()
}
