//! The lists of cases: the API's list, the worklist of the pages, a team's waiting list.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::codes::Role;
use buurtteam_domain::ids::{TeamId, UserId};
use buurtteam_domain::policy::{Action, Actor, Relation};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::cases::{self as store, Case, ListOrder, ListQuery, StatusFilter};
use buurtteam_store::organisation;
use serde::Deserialize;

use super::{CaseView, MAX_PAGE};
use crate::context::on_team;
use crate::refusals::Attempt;
use crate::{App, Result, audit_entry, authorise};

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ListInput {
    /// Only this team (one of yours).
    #[serde(rename = "teamId", alias = "team_id")]
    pub team_id: Option<i64>,
    /// A case status, `open` (default: everything not closed) or `all`.
    pub status: Option<String>,
    /// Page size, 1 to 200 (default 50).
    pub limit: Option<i64>,
    /// How many to skip (default 0).
    pub offset: Option<i64>,
}

pub struct CasePage {
    pub items: Vec<CaseView>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

/// The worklist: the cases the actor may see, earliest deadline first.
pub async fn list(app: &App, actor: &Actor, input: &ListInput) -> Result<CasePage> {
    authorise(app, actor, Relation::NoRecord, Action::ListCases, Attempt::new(Refused::Case, "case")).await?;
    let mut errors = Errors::default();
    let status = match input.status.as_deref().map(str::trim) {
        None | Some("") | Some("open") => StatusFilter::Open,
        Some("all") => StatusFilter::All,
        Some(s) => match CaseStatus::parse(s) {
            Some(st) => StatusFilter::Only(st),
            None => {
                errors.add("status", "one of: open, all, referred, intake_held, in_support, closed");
                StatusFilter::Open
            }
        },
    };
    let limit = input.limit.unwrap_or(50);
    if !(1..=MAX_PAGE).contains(&limit) {
        errors.add("limit", format!("is between 1 and {MAX_PAGE}"));
    }
    let offset = input.offset.unwrap_or(0);
    if offset < 0 {
        errors.add("offset", "is 0 or more");
    }
    if let Some(t) = input.team_id
        && !actor.team_ids.contains(&TeamId(t))
    {
        errors.add("team_id", "is not one of your teams").code("not_your_team");
    }
    errors.finish()?;
    let now = app.now();
    let mut tx = app.db.begin_read().await?;
    let query = ListQuery {
        member: actor.user_id,
        team_id: input.team_id.map(TeamId),
        status,
        worker: None,
        order: ListOrder::Due,
        limit,
        offset,
    };
    let (cases, total) = store::list(&mut tx, &query).await?;
    let calendar = app.calendar(&mut tx).await?;
    drop(tx);
    let mut entry = audit_entry(Some(actor), now, AuditAction::CaseList, "case");
    entry.detail = serde_json::json!({
        "team_id": input.team_id, "status": input.status, "offset": offset, "returned": cases.len(),
        "case_ids": cases.iter().map(|c| c.id.0).collect::<Vec<_>>(),
    });
    audit::log(&app.db, entry).await?;
    let today = app.today();
    let items = cases.into_iter().map(|c| CaseView::new(c, &calendar, today)).collect();
    Ok(CasePage { items, total, limit, offset })
}

/// Whose cases a worklist shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The cases the actor carries, plus new referrals nobody carries yet.
    Mine,
    /// Every case of the actor's teams.
    Team,
}

#[derive(Debug, Default, Deserialize)]
pub struct WorklistInput {
    /// Only this team (one of the actor's).
    pub team_id: Option<i64>,
    /// Only this status.
    pub status: Option<String>,
    /// `mine` or `team`; by default a family worker sees their own, a team manager the team's.
    pub scope: Option<String>,
}

/// One part of the worklist: its cases (at most `WORKLIST_SECTION` of them) and how many there are.
#[derive(Debug, Clone)]
pub struct Section {
    pub status: CaseStatus,
    pub items: Vec<CaseView>,
    pub total: i64,
}

pub struct Worklist {
    pub scope: Scope,
    pub sections: Vec<Section>,
    /// Names of the staff of the actor's teams, to show who carries a case.
    pub staff: Vec<(UserId, String)>,
    /// The actor's teams (read in the same transaction, for names and the team filter).
    pub teams: Vec<buurtteam_store::organisation::Team>,
}

/// The most cases one worklist section shows.
pub const WORKLIST_SECTION: i64 = 50;

/// The worklist of the pages: new referrals (intake countdown), intakes held whose support
/// must start, and cases in support most recently active first. One audit row.
pub async fn worklist(app: &App, actor: &Actor, input: &WorklistInput) -> Result<Worklist> {
    authorise(app, actor, Relation::NoRecord, Action::ListCases, Attempt::new(Refused::Case, "case")).await?;
    let mut errors = Errors::default();
    let scope = match input.scope.as_deref().map(str::trim) {
        None | Some("") => {
            if actor.role == Role::TeamManager {
                Scope::Team
            } else {
                Scope::Mine
            }
        }
        Some("mine") => Scope::Mine,
        Some("team") => Scope::Team,
        Some(_) => {
            errors.add("scope", "one of: mine, team");
            Scope::Mine
        }
    };
    let only = match input.status.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => match CaseStatus::parse(s).filter(|s| *s != CaseStatus::Closed) {
            Some(st) => Some(st),
            None => {
                errors.add("status", "one of: referred, intake_held, in_support");
                None
            }
        },
    };
    let team_id = input.team_id.map(TeamId);
    if let Some(t) = team_id
        && !actor.team_ids.contains(&t)
    {
        errors.add("team_id", "is not one of your teams").code("not_your_team");
    }
    errors.finish()?;
    let now = app.now();
    let worker = (scope == Scope::Mine).then_some(actor.user_id);
    let mut tx = app.db.begin_read().await?;
    let mut sections = Vec::new();
    for (status, order) in [
        (CaseStatus::Referred, ListOrder::Due),
        (CaseStatus::IntakeHeld, ListOrder::Due),
        (CaseStatus::InSupport, ListOrder::RecentlyActive),
    ] {
        if only.is_some_and(|o| o != status) {
            continue;
        }
        let query = ListQuery {
            member: actor.user_id,
            team_id,
            status: StatusFilter::Only(status),
            worker,
            order,
            limit: WORKLIST_SECTION,
            offset: 0,
        };
        let (cases, total) = store::list_without_children(&mut tx, &query).await?;
        sections.push((status, cases, total));
    }
    // Clients and life domains for all sections in one go.
    let lengths: Vec<usize> = sections.iter().map(|(_, cases, _)| cases.len()).collect();
    let mut all: Vec<Case> = sections.iter_mut().flat_map(|(_, cases, _)| std::mem::take(cases)).collect();
    store::attach_children(&mut tx, &mut all).await?;
    let mut all = all.into_iter();
    for ((_, cases, _), n) in sections.iter_mut().zip(lengths) {
        cases.extend(all.by_ref().take(n));
    }
    let mut staff = Vec::new();
    let mut teams = Vec::new();
    for team in &actor.team_ids {
        staff.extend(organisation::team_staff(&mut tx, *team).await?.into_iter().map(|(id, name, _)| (id, name)));
        teams.extend(organisation::get_team(&mut tx, *team).await?);
    }
    let calendar = app.calendar(&mut tx).await?;
    drop(tx);
    let mut entry = audit_entry(Some(actor), now, AuditAction::CaseList, "case");
    entry.detail = serde_json::json!({
        "view": "worklist", "scope": if scope == Scope::Mine { "mine" } else { "team" },
        "team_id": input.team_id, "status": input.status,
        "case_ids": sections.iter().flat_map(|(_, c, _)| c.iter().map(|c| c.id.0)).collect::<Vec<_>>(),
    });
    audit::log(&app.db, entry).await?;
    let today = app.today();
    let sections = sections
        .into_iter()
        .map(|(status, cases, total)| Section {
            status,
            items: cases.into_iter().map(|c| CaseView::new(c, &calendar, today)).collect(),
            total,
        })
        .collect();
    Ok(Worklist { scope, sections, staff, teams })
}

/// The waiting list of a team: referred, no intake yet, longest waiting first. Read on the
/// team context, in the transaction that appends its `case.list` row.
pub async fn waiting_list(app: &App, actor: &Actor, team: TeamId) -> Result<Vec<CaseView>> {
    authorise(app, actor, Relation::NoRecord, Action::ListCases, Attempt::new(Refused::Case, "case")).await?;
    on_team(app, actor, team, Action::ReadCase, "waiting_list", move |tx, ctx, _| {
        Box::pin(async move {
            let query = ListQuery {
                member: ctx.actor.user_id,
                team_id: Some(ctx.team.id),
                status: StatusFilter::Only(CaseStatus::Referred),
                worker: None,
                order: ListOrder::Oldest,
                limit: 1000,
                offset: 0,
            };
            let (cases, _) = store::list(tx, &query).await?;
            let calendar = ctx.calendar(tx).await?;
            let mut entry = ctx.entry(AuditAction::CaseList);
            entry.detail = serde_json::json!({
                "view": "waiting_list", "team_id": ctx.team.id,
                "case_ids": cases.iter().map(|c| c.id.0).collect::<Vec<_>>(),
            });
            audit::append(tx, &entry).await?;
            Ok(cases.into_iter().map(|c| CaseView::new(c, &calendar, ctx.today)).collect())
        })
    })
    .await
}
