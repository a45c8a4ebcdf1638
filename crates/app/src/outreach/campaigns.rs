//! Creating, listing, reading and changing campaigns.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::codes::Role;
use buurtteam_domain::ids::{DistrictId, TeamId, UserId};
use buurtteam_domain::outreach::{Approach, CampaignKind};
use buurtteam_domain::policy::outreach::{self as policy, CampaignRelation, OutreachAction};
use buurtteam_domain::policy::{Actor, Decision};
use buurtteam_domain::validation::Errors;
use buurtteam_store::Tx;
use buurtteam_store::audit;
use buurtteam_store::outreach::campaigns::{self as store, Campaign, CampaignFields};
use serde::Deserialize;

use super::{Allowed, actor_districts, authorise, refuse, relation};
use crate::{App, Result, audit_entry, input};

const MAX_NAME: usize = 200;
const MAX_HELP: usize = 4000;

/// A campaign to create (`POST /api/v1/campaigns`, the form on `/campaigns/new`).
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CampaignInput {
    /// `payment_arrears`, `benefits_scandal` or `other`.
    pub kind: Option<String>,
    pub name: Option<String>,
    /// The districts it covers (a team manager: only districts of their teams).
    #[serde(default)]
    pub district_ids: Vec<i64>,
    /// `YYYY-MM-DD`.
    pub starts_on: Option<String>,
    /// `YYYY-MM-DD`, not before `starts_on`.
    pub ends_on: Option<String>,
    /// The help offered, in words.
    pub help_offered: Option<String>,
    /// Approach codes: `house_visit`, `phone`, `letter`, `flyer`, `phone_and_flyer`, `e_mail`.
    #[serde(default)]
    pub approaches: Vec<String>,
    /// The outreach workers (active family workers or team managers).
    #[serde(default)]
    pub worker_ids: Vec<i64>,
}

/// A change to a campaign (`PATCH /api/v1/campaigns/{id}`): only the fields given change.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CampaignChange {
    pub name: Option<String>,
    pub ends_on: Option<String>,
    pub help_offered: Option<String>,
    pub approaches: Option<Vec<String>>,
    pub worker_ids: Option<Vec<i64>>,
    /// `true` closes the campaign today, `false` opens it again.
    pub closed: Option<bool>,
}

/// A campaign with what the viewer may do with it.
#[derive(Debug, Clone)]
pub struct CampaignView {
    pub campaign: Campaign,
    pub relation: CampaignRelation,
    pub allowed: Allowed,
}

fn approaches(errors: &mut Errors, field: &str, codes: &[String]) -> Vec<Approach> {
    let mut out = Vec::new();
    for (i, c) in codes.iter().enumerate() {
        if let Some(a) = input::code(errors, &format!("{field}[{i}]"), Some(c), Approach::parse, Approach::accepted)
            && !out.contains(&a)
        {
            out.push(a);
        }
    }
    out
}

async fn workers(tx: &mut Tx, errors: &mut Errors, ids: &[i64]) -> Result<Vec<UserId>> {
    let eligible = store::eligible_workers(tx).await?;
    let mut out = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        if eligible.iter().any(|(u, _)| u.0 == *id) {
            if !out.contains(&UserId(*id)) {
                out.push(UserId(*id));
            }
        } else {
            errors
                .add(format!("worker_ids[{i}]"), "is not an active family worker or team manager")
                .code("unknown_worker");
        }
    }
    Ok(out)
}

/// Creates a campaign: team managers for districts of their teams, admins for any.
pub async fn create(app: &App, actor: &Actor, input: &CampaignInput) -> Result<CampaignView> {
    let mut tx = app.db.begin().await?;
    let mine = actor_districts(&mut tx, actor).await?;
    let asked: Vec<DistrictId> = input.district_ids.iter().map(|d| DistrictId(*d)).collect();
    // No district asked for: the validation says it is required (for whoever has districts).
    let rel = if asked.iter().all(|d| mine.contains(d)) && !(asked.is_empty() && mine.is_empty()) {
        CampaignRelation::District
    } else {
        CampaignRelation::Other
    };
    match policy::decide(actor.role, rel, OutreachAction::ManageCampaign) {
        Decision::Allow => {}
        d => {
            drop(tx);
            return Err(refuse(app, actor, "campaign", None, d == Decision::Hidden).await);
        }
    }
    let mut errors = Errors::default();
    let kind = input::code(&mut errors, "kind", input.kind.as_deref(), CampaignKind::parse, CampaignKind::accepted);
    let name = input::text(&mut errors, "name", input.name.as_deref(), MAX_NAME);
    let starts_on = input::date(&mut errors, "starts_on", input.starts_on.as_deref());
    let ends_on = input::optional_date(&mut errors, "ends_on", input.ends_on.as_deref());
    if let (Some(s), Some(e)) = (starts_on, ends_on)
        && e < s
    {
        errors.add("ends_on", "is not before starts_on").code("before_start");
    }
    let help = input::optional_long_text(&mut errors, "help_offered", input.help_offered.as_deref(), MAX_HELP);
    let approaches = approaches(&mut errors, "approaches", &input.approaches);
    if asked.is_empty() {
        errors.add("district_ids", "is required: name one district or more").code("required");
    }
    let districts = buurtteam_store::organisation::list_districts(&mut tx).await?;
    let mut district_ids = Vec::new();
    for (i, d) in asked.iter().enumerate() {
        if !districts.iter().any(|x| x.id == *d && x.ended_on.is_none()) {
            errors.add(format!("district_ids[{i}]"), "is not a current district").code("unknown_district");
        } else if !district_ids.contains(d) {
            district_ids.push(*d);
        }
    }
    let workers = workers(&mut tx, &mut errors, &input.worker_ids).await?;
    errors.finish()?;
    let (Some(kind), Some(name), Some(starts_on)) = (kind, name, starts_on) else {
        unreachable!("required fields were checked")
    };
    let help = help.unwrap_or_default();
    let fields = CampaignFields {
        kind,
        name: &name,
        starts_on,
        ends_on,
        help_offered: &help,
        approaches: &approaches,
        closed_on: None,
    };
    let now = app.now();
    let id = store::insert(&mut tx, &fields, &district_ids, &workers, actor.user_id, now).await?;
    let mut entry = audit_entry(Some(actor), now, AuditAction::CampaignCreated, "campaign");
    entry.object_id = Some(id);
    entry.detail = serde_json::json!({
        "kind": kind.code(),
        "district_ids": district_ids.iter().map(|d| d.0).collect::<Vec<_>>(),
        "workers": workers.len(),
    });
    audit::append(&mut tx, &entry).await?;
    let campaign = store::get(&mut tx, id).await?.ok_or(crate::AppError::NotFound("campaign"))?;
    tx.commit().await?;
    let rel = relation(actor, &mine, &campaign);
    Ok(CampaignView { allowed: Allowed::of(actor, rel), relation: rel, campaign })
}

/// The campaigns the actor has anything to do with (403 for roles that never do).
pub async fn list(app: &App, actor: &Actor) -> Result<Vec<CampaignView>> {
    if matches!(actor.role, Role::PrivacyOfficer | Role::Hr) || !actor.role.is_staff() {
        return Err(refuse(app, actor, "campaign", None, !actor.role.is_staff()).await);
    }
    let mut tx = app.db.begin_read().await?;
    let mine = actor_districts(&mut tx, actor).await?;
    let all = store::list(&mut tx).await?;
    Ok(all
        .into_iter()
        .filter_map(|c| {
            let rel = relation(actor, &mine, &c);
            let allowed = Allowed::of(actor, rel);
            allowed.any().then_some(CampaignView { campaign: c, relation: rel, allowed })
        })
        .collect())
}

/// One campaign (whoever may manage it, see its basket or its funnel).
pub async fn get(app: &App, actor: &Actor, id: i64) -> Result<CampaignView> {
    let mut tx = app.db.begin_read().await?;
    let Some(campaign) = store::get(&mut tx, id).await? else {
        drop(tx);
        return Err(refuse(app, actor, "campaign", Some(id), true).await);
    };
    let mine = actor_districts(&mut tx, actor).await?;
    drop(tx);
    let rel = relation(actor, &mine, &campaign);
    let allowed = Allowed::of(actor, rel);
    if !allowed.any() {
        return Err(refuse(app, actor, "campaign", Some(id), !actor.role.is_staff()).await);
    }
    Ok(CampaignView { campaign, relation: rel, allowed })
}

/// A campaign for its change form (its managers only; anyone else is refused and logged as
/// for the change itself).
pub async fn for_change(app: &App, actor: &Actor, id: i64) -> Result<CampaignView> {
    let (tx, campaign, rel) =
        authorise(app, app.db.begin_read().await?, actor, id, OutreachAction::ManageCampaign).await?;
    drop(tx);
    Ok(CampaignView { allowed: Allowed::of(actor, rel), relation: rel, campaign })
}

/// Changes a campaign (its managers): name, end, help offered, approaches, workers; closes or
/// reopens it. The addresses of a worker taken off the campaign go back to nobody's basket:
/// that worker no longer sees them.
pub async fn change(app: &App, actor: &Actor, id: i64, input: &CampaignChange) -> Result<CampaignView> {
    let (mut tx, c, _) = authorise(app, app.db.begin().await?, actor, id, OutreachAction::ManageCampaign).await?;
    let mut errors = Errors::default();
    let name = match &input.name {
        Some(n) => input::text(&mut errors, "name", Some(n), MAX_NAME).unwrap_or_default(),
        None => c.name.clone(),
    };
    let ends_on = match &input.ends_on {
        Some(e) => input::optional_date(&mut errors, "ends_on", Some(e)),
        None => c.ends_on,
    };
    if ends_on.is_some_and(|e| e < c.starts_on) {
        errors.add("ends_on", "is not before starts_on").code("before_start");
    }
    let help = match &input.help_offered {
        Some(h) => input::optional_long_text(&mut errors, "help_offered", Some(h), MAX_HELP).unwrap_or_default(),
        None => c.help_offered.clone(),
    };
    let approaches = match &input.approaches {
        Some(a) => approaches(&mut errors, "approaches", a),
        None => c.approaches.clone(),
    };
    let workers = match &input.worker_ids {
        Some(w) => Some(workers(&mut tx, &mut errors, w).await?),
        None => None,
    };
    errors.finish()?;
    let closed_on = match input.closed {
        Some(true) => c.closed_on.or(Some(app.today())),
        Some(false) => None,
        None => c.closed_on,
    };
    let fields = CampaignFields {
        kind: c.kind,
        name: &name,
        starts_on: c.starts_on,
        ends_on,
        help_offered: &help,
        approaches: &approaches,
        closed_on,
    };
    let now = app.now();
    store::update(&mut tx, id, &fields, now).await?;
    let mut unassigned = 0;
    if let Some(w) = &workers {
        store::set_workers(&mut tx, id, w).await?;
        unassigned = buurtteam_store::outreach::basket::unassign_non_workers(&mut tx, id, now).await?;
    }
    let mut entry = audit_entry(Some(actor), now, AuditAction::CampaignChanged, "campaign");
    entry.object_id = Some(id);
    entry.detail = serde_json::json!({
        "name": input.name.is_some(),
        "ends_on": input.ends_on.is_some(),
        "help_offered": input.help_offered.is_some(),
        "approaches": input.approaches.is_some(),
        "workers": workers.as_ref().map(Vec::len),
        "addresses_unassigned": unassigned,
        "closed": input.closed,
    });
    audit::append(&mut tx, &entry).await?;
    let campaign = store::get(&mut tx, id).await?.ok_or(crate::AppError::NotFound("campaign"))?;
    let mine = actor_districts(&mut tx, actor).await?;
    tx.commit().await?;
    let rel = relation(actor, &mine, &campaign);
    Ok(CampaignView { allowed: Allowed::of(actor, rel), relation: rel, campaign })
}

/// The staff who may be named as outreach workers (for the forms).
pub async fn eligible_workers(app: &App, actor: &Actor) -> Result<Vec<(UserId, String)>> {
    if !matches!(actor.role, Role::Admin | Role::TeamManager) {
        return Err(refuse(app, actor, "campaign", None, !actor.role.is_staff()).await);
    }
    let mut tx = app.db.begin_read().await?;
    Ok(store::eligible_workers(&mut tx).await?)
}

/// The workers of one team a campaign may be given (the form's picker groups them so).
#[derive(Debug, Clone)]
pub struct WorkerGroup {
    /// `None`: workers in no open team.
    pub team: Option<(TeamId, String)>,
    /// Whether the actor is in this team (their own teams come first).
    pub own: bool,
    pub workers: Vec<(UserId, String)>,
}

/// The eligible workers by team: the actor's own teams first, then the others by name, those
/// in no team last. A worker in two teams is listed under the first of them only.
pub async fn worker_groups(app: &App, actor: &Actor) -> Result<Vec<WorkerGroup>> {
    if !matches!(actor.role, Role::Admin | Role::TeamManager) {
        return Err(refuse(app, actor, "campaign", None, !actor.role.is_staff()).await);
    }
    let mut tx = app.db.begin_read().await?;
    let rows = store::eligible_workers_by_team(&mut tx).await?;
    drop(tx);
    Ok(group_workers(rows, &actor.team_ids))
}

fn group_workers(rows: Vec<store::WorkerInTeam>, own: &[TeamId]) -> Vec<WorkerGroup> {
    let mut groups: Vec<WorkerGroup> = Vec::new();
    let mut seen: Vec<UserId> = Vec::new();
    let mut rows = rows;
    // Own teams first, then by team name; no team last; within a team by name.
    rows.sort_by(|a, b| {
        let key = |r: &store::WorkerInTeam| {
            let t = r.2.as_ref();
            (
                t.is_none(),
                !t.is_some_and(|(id, _)| own.contains(id)),
                t.map(|(_, n)| n.to_lowercase()),
                t.map(|(id, _)| id.0),
            )
        };
        key(a).cmp(&key(b)).then_with(|| a.1.to_lowercase().cmp(&b.1.to_lowercase())).then(a.0.0.cmp(&b.0.0))
    });
    for (user, name, team) in rows {
        if seen.contains(&user) {
            continue;
        }
        seen.push(user);
        match groups.last_mut() {
            Some(g) if g.team.as_ref().map(|t| t.0) == team.as_ref().map(|t| t.0) => g.workers.push((user, name)),
            _ => groups.push(WorkerGroup {
                own: team.as_ref().is_some_and(|(id, _)| own.contains(id)),
                team,
                workers: vec![(user, name)],
            }),
        }
    }
    groups
}

#[cfg(test)]
mod worker_group_tests {
    use super::*;

    fn row(u: i64, name: &str, team: Option<(i64, &str)>) -> store::WorkerInTeam {
        (UserId(u), name.to_owned(), team.map(|(t, n)| (TeamId(t), n.to_owned())))
    }

    #[test]
    fn own_teams_come_first_then_the_others_by_name_and_the_teamless_last() {
        let rows = vec![
            row(1, "Zoë", Some((2, "Buurtteam Zuid"))),
            row(2, "Anna", Some((3, "Buurtteam Oost"))),
            row(3, "Bram", None),
            row(4, "Cem", Some((2, "Buurtteam Zuid"))),
            row(5, "Dirk", Some((1, "Buurtteam West"))),
            // In two teams: listed under the first only (the own team here).
            row(4, "Cem", Some((3, "Buurtteam Oost"))),
        ];
        let groups = group_workers(rows, &[TeamId(2)]);
        let shape: Vec<(Option<i64>, bool, Vec<i64>)> = groups
            .iter()
            .map(|g| (g.team.as_ref().map(|t| t.0.0), g.own, g.workers.iter().map(|w| w.0.0).collect()))
            .collect();
        assert_eq!(
            shape,
            vec![
                (Some(2), true, vec![4, 1]),
                (Some(3), false, vec![2]),
                (Some(1), false, vec![5]),
                (None, false, vec![3]),
            ]
        );
    }
}
