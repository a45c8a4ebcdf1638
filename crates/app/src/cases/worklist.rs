//! The lists of cases: the API's list, the worklist of the pages, a team's waiting list.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::ids::{TeamId, UserId};
use buurtteam_domain::policy::{Action, Actor, Relation};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::cases::{self as store, ListOrder, ListQuery, StatusFilter};
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
        unassigned_too: false,
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

/// A team's waiting list, and the staff of the team (to show and to assign who carries a case).
pub struct WaitingList {
    pub cases: Vec<CaseView>,
    pub staff: Vec<(UserId, String)>,
}

/// The waiting list of a team: referred, no intake yet, longest waiting first. Read on the
/// team context, in the transaction that appends its `case.list` row.
pub async fn waiting_list(app: &App, actor: &Actor, team: TeamId) -> Result<WaitingList> {
    authorise(app, actor, Relation::NoRecord, Action::ListCases, Attempt::new(Refused::Case, "case")).await?;
    on_team(app, actor, team, Action::ReadCase, "waiting_list", move |tx, ctx, _| {
        Box::pin(async move {
            let query = ListQuery {
                member: ctx.actor.user_id,
                team_id: Some(ctx.team.id),
                status: StatusFilter::Only(CaseStatus::Referred),
                worker: None,
                unassigned_too: false,
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
            let staff = organisation::team_staff(tx, ctx.team.id).await?.into_iter().map(|(id, name, _)| (id, name));
            Ok(WaitingList {
                cases: cases.into_iter().map(|c| CaseView::new(c, &calendar, ctx.today)).collect(),
                staff: staff.collect(),
            })
        })
    })
    .await
}
