//! Partners and the social map (issue 15 part 1; decision 0039): creating and changing partner
//! organisations, recording a GP practice's collaboration status, linking family workers, and
//! the overview every staff member searches. Each use case reads the actor's relation to the
//! partner ([`PartnerRelation`]), lets `domain::policy::partners` decide, acts and appends its
//! audit row in one transaction. A refusal is logged on its own after the transaction, as
//! `team.access_refused` with object `partner`, as outreach campaigns log theirs.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::ids::{DistrictId, PartnerId, UserId};
use buurtteam_domain::partners::{self as rules, GpStatus, GpStatusFault, PartnerKind};
use buurtteam_domain::policy::partners::{self as policy, PartnerAction, PartnerRelation};
use buurtteam_domain::policy::{Actor, Decision};
use buurtteam_domain::validation::Errors;
use buurtteam_store::Tx;
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::partners::{self as store, Filter, Partner, PartnerFields};
use serde::Deserialize;

use crate::refusals::{self, Attempt};
use crate::{App, AppError, Result, audit_entry, input};

const MAX_NAME: usize = 200;
const MAX_FIELD: usize = 200;

/// A partner to create (`POST /api/v1/partners`, the form on `/partners/new`).
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerInput {
    pub name: Option<String>,
    /// One of `gp_practice`, `primary_school`, `secondary_school`, `vocational_school`,
    /// `special_education`, `early_education`, `youth_health_care`, `specialist_youth_care`,
    /// `safety_team`, `debt_services`, `adult_mental_health`, `work_and_income`, `community`.
    pub kind: Option<String>,
    /// The districts it serves (a team manager: only districts of their teams).
    #[serde(default)]
    pub district_ids: Vec<i64>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// Our contact person there.
    pub contact_person: Option<String>,
}

/// A change to a partner (`PATCH /api/v1/partners/{id}`, the edit form): only the fields given
/// change; an empty text empties a contact field.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerChange {
    pub name: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub contact_person: Option<String>,
    pub district_ids: Option<Vec<i64>>,
    /// `YYYY-MM-DD`: the partner ended (no longer active); an empty text makes it active again.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub ended_on: Option<String>,
    /// The family workers linked from now on (kernpartner of a school or VE location, the
    /// worker(s) at a GP practice): links not named end today, new ones start today.
    pub worker_ids: Option<Vec<i64>>,
}

/// A change of a GP practice's collaboration status (`POST /api/v1/partners/{id}/gp-status`).
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GpStatusInput {
    /// `none`, `in_talks`, `started` or `alternative_agreement`.
    pub status: Option<String>,
    /// `YYYY-MM-DD`: not in the future, not before the previous change.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub since: Option<String>,
}

/// What the overview is filtered on (`GET /api/v1/partners?kind=&districtId=&q=`).
#[derive(Debug, Default, Clone, Deserialize)]
pub struct ListQuery {
    pub kind: Option<String>,
    pub district_id: Option<i64>,
    pub q: Option<String>,
    pub include_ended: Option<bool>,
}

/// A partner with what the viewer may do with it.
#[derive(Debug, Clone)]
pub struct PartnerView {
    pub partner: Partner,
    /// The viewer may change it, record its status and link workers.
    pub may_manage: bool,
}

/// The districts of the actor's teams.
async fn actor_districts(tx: &mut Tx, actor: &Actor) -> Result<Vec<DistrictId>> {
    let all = buurtteam_store::districts::team_districts(tx).await?;
    Ok(all.into_iter().filter(|(t, _)| actor.team_ids.contains(t)).map(|(_, d)| d).collect())
}

fn view(actor: &Actor, mine: &[DistrictId], partner: Partner) -> PartnerView {
    let rel = PartnerRelation::of(mine, &partner.district_ids);
    let may_manage = policy::decide(actor.role, rel, PartnerAction::Manage) == Decision::Allow;
    PartnerView { partner, may_manage }
}

/// Refuses `attempt`, logged: 404 when `hidden` (portal accounts, or no such partner), else 403.
async fn refuse(app: &App, actor: &Actor, attempt: Attempt, hidden: bool) -> AppError {
    let error = if hidden {
        AppError::NotFound("partner")
    } else {
        AppError::Forbidden("your role may not do this with this partner".into())
    };
    refusals::refuse(app, Some(actor), attempt, error).await
}

fn attempt(id: Option<PartnerId>, action: PartnerAction) -> Attempt {
    let a = Attempt::new(Refused::Team, "partner").with("attempted", action.code());
    match id {
        Some(id) => a.on(id.0),
        None => a,
    }
}

/// Loads partner `id` and checks `action` on it within `tx`.
async fn authorise(
    app: &App,
    mut tx: Tx,
    actor: &Actor,
    id: PartnerId,
    action: PartnerAction,
) -> Result<(Tx, Partner, Vec<DistrictId>)> {
    let Some(partner) = store::get(&mut tx, id).await? else {
        drop(tx);
        return Err(refuse(app, actor, attempt(Some(id), action).with("exists", false), true).await);
    };
    let mine = actor_districts(&mut tx, actor).await?;
    let rel = PartnerRelation::of(&mine, &partner.district_ids);
    match policy::decide(actor.role, rel, action) {
        Decision::Allow => Ok((tx, partner, mine)),
        d => {
            drop(tx);
            Err(refuse(app, actor, attempt(Some(id), action).with("exists", true), d == Decision::Hidden).await)
        }
    }
}

fn contact(errors: &mut Errors, field: &str, value: Option<&str>) -> String {
    input::optional_text(errors, field, value, MAX_FIELD).unwrap_or_default()
}

fn email(errors: &mut Errors, value: Option<&str>) -> String {
    let e = contact(errors, "email", value);
    let ok = e.is_empty()
        || e.split_once('@').is_some_and(|(user, host)| !user.is_empty() && host.contains('.') && !e.contains(' '));
    if !ok {
        errors.add("email", "is not an e-mail address such as naam@school.nl").code("invalid_email");
    }
    e
}

/// A field error on `district_ids` naming the districts a team manager added or removed that
/// are not of their teams (decision 0039: the choice is wrong, not the access).
async fn foreign_districts_error(tx: &mut Tx, errors: &mut Errors, foreign: &[DistrictId]) -> Result<()> {
    if foreign.is_empty() {
        return Ok(());
    }
    let known = buurtteam_store::organisation::list_districts(tx).await?;
    let names: Vec<String> = foreign
        .iter()
        .map(|d| known.iter().find(|x| x.id == *d).map_or_else(|| d.0.to_string(), |x| x.name.clone()))
        .collect();
    errors
        .add(
            "district_ids",
            format!("you can only add or remove districts of your own teams; not yours: {}", names.join(", ")),
        )
        .code("not_your_district")
        .arg("districts", names.join(", "));
    Ok(())
}

/// Checks the districts asked for: current districts, each once.
async fn districts(tx: &mut Tx, errors: &mut Errors, asked: &[i64]) -> Result<Vec<DistrictId>> {
    if asked.is_empty() {
        errors.add("district_ids", "is required: name one district or more").code("required");
    }
    let known = buurtteam_store::organisation::list_districts(tx).await?;
    let mut out = Vec::new();
    for (i, d) in asked.iter().enumerate() {
        let d = DistrictId(*d);
        if !known.iter().any(|x| x.id == d && x.ended_on.is_none()) {
            errors.add(format!("district_ids[{i}]"), "is not a current district").code("unknown_district");
        } else if !out.contains(&d) {
            out.push(d);
        }
    }
    Ok(out)
}

/// Creates a partner: team managers for districts of their teams, admins for any.
pub async fn create(app: &App, actor: &Actor, input: &PartnerInput) -> Result<PartnerView> {
    let mut tx = app.db.begin().await?;
    let mine = actor_districts(&mut tx, actor).await?;
    let asked: Vec<DistrictId> = input.district_ids.iter().map(|d| DistrictId(*d)).collect();
    // A team manager with districts who names another team's district gets a field error
    // below; a manager without any district (and any other role) is refused.
    let manager = actor.role == buurtteam_domain::codes::Role::TeamManager && !mine.is_empty();
    let foreign = if manager { PartnerRelation::foreign_changes(&mine, &[], &asked) } else { Vec::new() };
    let rel = PartnerRelation::for_districts(&mine, &[], &asked);
    // No district asked for: the validation says it is required (for a manager with districts).
    let rel = if (asked.is_empty() || !foreign.is_empty()) && manager { PartnerRelation::District } else { rel };
    match policy::decide(actor.role, rel, PartnerAction::Manage) {
        Decision::Allow => {}
        d => {
            drop(tx);
            let a = attempt(None, PartnerAction::Manage).with("district_ids", input.district_ids.clone());
            return Err(refuse(app, actor, a, d == Decision::Hidden).await);
        }
    }
    let mut errors = Errors::default();
    let name = input::text(&mut errors, "name", input.name.as_deref(), MAX_NAME);
    let kind = input::code(&mut errors, "kind", input.kind.as_deref(), PartnerKind::parse, PartnerKind::accepted);
    let district_ids = districts(&mut tx, &mut errors, &input.district_ids).await?;
    foreign_districts_error(&mut tx, &mut errors, &foreign).await?;
    let fields = PartnerFields {
        name: name.unwrap_or_default(),
        address: contact(&mut errors, "address", input.address.as_deref()),
        phone: contact(&mut errors, "phone", input.phone.as_deref()),
        email: email(&mut errors, input.email.as_deref()),
        contact_person: contact(&mut errors, "contact_person", input.contact_person.as_deref()),
        ended_on: None,
    };
    errors.finish()?;
    let Some(kind) = kind else { unreachable!("the kind was checked") };
    let now = app.now();
    let id = store::insert(&mut tx, kind, &fields, &district_ids, actor.user_id, now).await?;
    let mut entry = audit_entry(Some(actor), now, AuditAction::PartnerCreated, "partner");
    entry.object_id = Some(id.0);
    entry.detail = serde_json::json!({
        "kind": kind.code(),
        "district_ids": district_ids.iter().map(|d| d.0).collect::<Vec<_>>(),
    });
    audit::append(&mut tx, &entry).await?;
    let partner = store::get(&mut tx, id).await?.ok_or(AppError::NotFound("partner"))?;
    tx.commit().await?;
    Ok(view(actor, &mine, partner))
}

/// The overview: every staff member, filtered by kind, district and words.
pub async fn list(app: &App, actor: &Actor, query: &ListQuery) -> Result<Vec<PartnerView>> {
    if policy::decide(actor.role, PartnerRelation::Other, PartnerAction::Read) != Decision::Allow {
        return Err(refuse(app, actor, attempt(None, PartnerAction::Read), true).await);
    }
    let mut errors = Errors::default();
    let kind =
        input::optional_code(&mut errors, "kind", query.kind.as_deref(), PartnerKind::parse, PartnerKind::accepted);
    let q = input::optional_text(&mut errors, "q", query.q.as_deref(), MAX_FIELD);
    errors.finish()?;
    let filter = Filter {
        kind,
        district: query.district_id.map(DistrictId),
        q,
        include_ended: query.include_ended.unwrap_or(false),
    };
    let mut tx = app.db.begin_read().await?;
    let mine = actor_districts(&mut tx, actor).await?;
    let partners = store::list(&mut tx, &filter).await?;
    Ok(partners.into_iter().map(|p| view(actor, &mine, p)).collect())
}

/// One partner, with its status history and worker links (every staff member).
pub async fn get(app: &App, actor: &Actor, id: PartnerId) -> Result<PartnerView> {
    let (_tx, partner, mine) = authorise(app, app.db.begin_read().await?, actor, id, PartnerAction::Read).await?;
    Ok(view(actor, &mine, partner))
}

/// Changes a partner (its managers): contact details, districts, end, linked workers.
pub async fn change(app: &App, actor: &Actor, id: PartnerId, input: &PartnerChange) -> Result<PartnerView> {
    let (mut tx, p, mine) = authorise(app, app.db.begin().await?, actor, id, PartnerAction::Manage).await?;
    let mut errors = Errors::default();
    let district_ids = match &input.district_ids {
        Some(d) => Some(districts(&mut tx, &mut errors, d).await?),
        None => None,
    };
    // The actor may manage this partner (authorised above); a team manager who adds or removes
    // another team's district gets a field error, anyone else a refusal.
    let foreign = match &district_ids {
        Some(asked) if actor.role == buurtteam_domain::codes::Role::TeamManager => {
            PartnerRelation::foreign_changes(&mine, &p.district_ids, asked)
        }
        _ => Vec::new(),
    };
    foreign_districts_error(&mut tx, &mut errors, &foreign).await?;
    if let Some(asked) = &district_ids
        && foreign.is_empty()
        && policy::decide(
            actor.role,
            PartnerRelation::for_districts(&mine, &p.district_ids, asked),
            PartnerAction::Manage,
        ) != Decision::Allow
    {
        drop(tx);
        let a = attempt(Some(id), PartnerAction::Manage)
            .with("exists", true)
            .with("district_ids", asked.iter().map(|d| d.0).collect::<Vec<_>>());
        return Err(refuse(app, actor, a, false).await);
    }
    let old = &p.fields;
    let keep = |value: &Option<String>, old: &str| value.is_none().then(|| old.to_owned());
    let name = match &input.name {
        Some(n) => input::text(&mut errors, "name", Some(n), MAX_NAME).unwrap_or_default(),
        None => old.name.clone(),
    };
    let fields = PartnerFields {
        name,
        address: keep(&input.address, &old.address)
            .unwrap_or_else(|| contact(&mut errors, "address", input.address.as_deref())),
        phone: keep(&input.phone, &old.phone).unwrap_or_else(|| contact(&mut errors, "phone", input.phone.as_deref())),
        email: keep(&input.email, &old.email).unwrap_or_else(|| email(&mut errors, input.email.as_deref())),
        contact_person: keep(&input.contact_person, &old.contact_person)
            .unwrap_or_else(|| contact(&mut errors, "contact_person", input.contact_person.as_deref())),
        ended_on: match input.ended_on.as_deref().map(str::trim) {
            None => old.ended_on,
            Some("") => None,
            Some(e) => input::past_date(&mut errors, "ended_on", Some(e), app.today()),
        },
    };
    let workers = match &input.worker_ids {
        Some(w) => Some(linkable(&mut tx, &mut errors, p.kind, w).await?),
        None => None,
    };
    errors.finish()?;
    let now = app.now();
    let today = app.today();
    let districts_changed = district_ids.as_ref().is_some_and(|d| *d != p.district_ids);
    if fields != p.fields || districts_changed {
        store::update(&mut tx, id, &fields, now).await?;
        if let Some(d) = &district_ids {
            store::set_districts(&mut tx, id, d).await?;
        }
        let mut entry = audit_entry(Some(actor), now, AuditAction::PartnerChanged, "partner");
        entry.object_id = Some(id.0);
        entry.detail = serde_json::json!({
            "name": fields.name != old.name,
            "contact": (&fields.address, &fields.phone, &fields.email, &fields.contact_person)
                != (&old.address, &old.phone, &old.email, &old.contact_person),
            "ended_on": fields.ended_on.map(|d| d.to_string()),
            "district_ids": district_ids.as_ref().filter(|_| districts_changed).map(|d| d.iter().map(|d| d.0).collect::<Vec<_>>()),
        });
        audit::append(&mut tx, &entry).await?;
    }
    if let Some(wanted) = workers {
        let open: Vec<&store::WorkerLink> = p.workers.iter().filter(|w| w.ends_on.is_none()).collect();
        let mut ended = Vec::new();
        let mut linked = Vec::new();
        for link in &open {
            if !wanted.contains(&link.user_id) {
                store::end_link(&mut tx, id, link.id, today).await?;
                ended.push(link.user_id.0);
            }
        }
        for user in &wanted {
            if !open.iter().any(|l| l.user_id == *user) {
                store::link_worker(&mut tx, id, *user, today, actor.user_id, now).await?;
                linked.push(user.0);
            }
        }
        if !ended.is_empty() || !linked.is_empty() {
            let mut entry = audit_entry(Some(actor), now, AuditAction::PartnerWorkersChanged, "partner");
            entry.object_id = Some(id.0);
            entry.detail = serde_json::json!({ "linked": linked, "ended": ended });
            audit::append(&mut tx, &entry).await?;
        }
    }
    let partner = store::get(&mut tx, id).await?.ok_or(AppError::NotFound("partner"))?;
    tx.commit().await?;
    Ok(view(actor, &mine, partner))
}

/// Checks the workers to link: the partner's kind takes them, each an active family worker
/// or team manager.
async fn linkable(tx: &mut Tx, errors: &mut Errors, kind: PartnerKind, ids: &[i64]) -> Result<Vec<UserId>> {
    if !ids.is_empty() && !kind.takes_linked_workers() {
        errors
            .add("worker_ids", "can be linked only to GP practices, schools and early-education locations")
            .code("kind_takes_no_workers");
        return Ok(Vec::new());
    }
    let eligible = store::linkable_workers(tx).await?;
    let mut out = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        if !eligible.iter().any(|(u, _)| u.0 == *id) {
            errors
                .add(format!("worker_ids[{i}]"), "is not an active family worker or team manager")
                .code("unknown_worker");
        } else if !out.contains(&UserId(*id)) {
            out.push(UserId(*id));
        }
    }
    Ok(out)
}

/// Records a GP practice's change of collaboration status (422 for any other kind).
pub async fn record_gp_status(app: &App, actor: &Actor, id: PartnerId, input: &GpStatusInput) -> Result<PartnerView> {
    let (mut tx, p, mine) = authorise(app, app.db.begin().await?, actor, id, PartnerAction::RecordGpStatus).await?;
    let today = app.today();
    let mut errors = Errors::default();
    let status = input::code(&mut errors, "status", input.status.as_deref(), GpStatus::parse, GpStatus::accepted);
    let since = input::date(&mut errors, "since", input.since.as_deref());
    if let Some(since) = since {
        let previous = p.gp_history.last().map(|c| c.since);
        match rules::check_gp_status_change(p.kind, since, previous, today) {
            Ok(()) => {}
            Err(GpStatusFault::NotAGpPractice(kind)) => {
                errors
                    .add("status", format!("is only recorded for GP practices; this partner is a {}", kind.code()))
                    .code("not_a_gp_practice");
            }
            Err(GpStatusFault::InTheFuture { today }) => {
                errors.add("since", format!("is after today ({today})")).code("future_date").arg("today", today);
            }
            Err(GpStatusFault::BeforePrevious { previous }) => {
                errors
                    .add("since", format!("is before the previous change ({previous})"))
                    .code("before_previous_status")
                    .arg("previous", previous);
            }
        }
    } else if !p.kind.has_gp_status() {
        errors.add("status", "is only recorded for GP practices").code("not_a_gp_practice");
    }
    errors.finish()?;
    let (Some(status), Some(since)) = (status, since) else { unreachable!("both were checked") };
    let now = app.now();
    let change = store::record_gp_status(&mut tx, id, status, since, actor.user_id, now).await?;
    let mut entry = audit_entry(Some(actor), now, AuditAction::PartnerGpStatusRecorded, "partner");
    entry.object_id = Some(id.0);
    entry.detail = serde_json::json!({ "status": status.code(), "since": since.to_string(), "change": change });
    audit::append(&mut tx, &entry).await?;
    let partner = store::get(&mut tx, id).await?.ok_or(AppError::NotFound("partner"))?;
    tx.commit().await?;
    Ok(view(actor, &mine, partner))
}

/// The staff the form offers to link to a partner (its managers only): the workers of the
/// teams in its districts, and whoever is linked now.
pub async fn linkable_workers(app: &App, actor: &Actor, id: PartnerId) -> Result<Vec<(UserId, String)>> {
    let (mut tx, p, _) = authorise(app, app.db.begin_read().await?, actor, id, PartnerAction::LinkWorkers).await?;
    let mut out = store::linkable_workers_in(&mut tx, &p.district_ids).await?;
    for w in p.workers.iter().filter(|w| w.ends_on.is_none()) {
        if !out.iter().any(|(u, _)| *u == w.user_id) {
            out.push((w.user_id, w.name.clone()));
        }
    }
    Ok(out)
}

/// The current districts (for the forms and filters).
pub async fn districts_for_forms(app: &App, actor: &Actor) -> Result<(Vec<(DistrictId, String)>, Vec<DistrictId>)> {
    let mut tx = app.db.begin_read().await?;
    let all = buurtteam_store::organisation::list_districts(&mut tx).await?;
    let mine = actor_districts(&mut tx, actor).await?;
    Ok((all.into_iter().filter(|d| d.ended_on.is_none()).map(|d| (d.id, d.name)).collect(), mine))
}

/// Checks a partner named on a case's form (the performer of a plan action, the partner in a
/// three-way conversation): it exists, is active and serves the case's district. Says why not
/// beside `field`; `None` then, or when no partner was named.
pub(crate) async fn for_case(
    tx: &mut Tx,
    errors: &mut Errors,
    field: &str,
    partner: Option<i64>,
    case: buurtteam_domain::ids::CaseId,
) -> Result<Option<store::ForCase>> {
    let Some(id) = partner else { return Ok(None) };
    match store::for_case(tx, PartnerId(id), case).await? {
        None => {
            errors.add(field, format!("partner {id} does not exist")).code("unknown_partner");
            Ok(None)
        }
        Some(p) if p.ended_on.is_some() => {
            errors.add(field, "the partner has ended; choose an active one").code("partner_ended");
            Ok(None)
        }
        Some(p) if !p.serves_case_district => {
            errors
                .add(field, "the partner does not serve the case's district; choose one that does")
                .code("partner_not_in_district");
            Ok(None)
        }
        Some(p) => Ok(Some(p)),
    }
}
