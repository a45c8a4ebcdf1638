//! The worklist of the pages: what a worker has to do today. Besides the cases by phase (new
//! referrals with their intake countdown, intakes held whose support must start, cases in
//! support), the agenda of the cases: appointments of today and this week, actions that fall
//! due, proposals and comments from the family waiting for an answer, evaluations that fall
//! due, and cases in support without a contact for `Settings::silent_after_weeks`.
//!
//! The overview shows the first items of every section; one section can be opened on its own
//! and paged through, so nothing is cut off without a way to see it. One audit row lists every
//! case shown.

use std::collections::HashMap;

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::codes::Role;
use buurtteam_domain::ids::{CaseId, TeamId, UserId};
use buurtteam_domain::policy::{Action, Actor, Relation};
use buurtteam_domain::validation::Errors;
use buurtteam_store::agenda::{self, AgendaItem, AgendaKind, AgendaQuery};
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::cases::{self as store, Case, ListOrder, ListQuery, StatusFilter};
use buurtteam_store::organisation::{self, Team};
use jiff::ToSpan;
use serde::Deserialize;

use super::CaseView;
use crate::refusals::Attempt;
use crate::{App, AppError, Result, audit_entry, authorise};

/// Whose cases a worklist shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The cases the actor carries, plus new referrals nobody carries yet.
    Mine,
    /// Every case of the actor's teams (or of one worker, with `worker`).
    Team,
}

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct WorklistInput {
    /// Only this team (one of yours).
    #[serde(rename = "teamId", alias = "team_id")]
    pub team_id: Option<i64>,
    /// Only this status (the same as `section` with a status code).
    pub status: Option<String>,
    /// `mine` or `team`; by default a family worker sees their own, a team manager the team's.
    pub scope: Option<String>,
    /// With scope `team`: only the cases this worker carries (one of the staff of the actor's teams).
    pub worker: Option<i64>,
    /// Only this section, paged: a status (`referred`, `intake_held`, `in_support`) or an agenda
    /// kind (`appointments`, `actions`, `proposals`, `comments`, `evaluations`, `silent`).
    pub section: Option<String>,
    /// The page of that section, from 1.
    pub page: Option<i64>,
}

/// What one section of the worklist holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    Agenda(AgendaKind),
    Status(CaseStatus),
}

impl SectionKind {
    /// Every section, in the order the worklist shows them.
    pub fn all() -> impl Iterator<Item = Self> {
        AgendaKind::ALL
            .iter()
            .map(|k| Self::Agenda(*k))
            .chain([CaseStatus::Referred, CaseStatus::IntakeHeld, CaseStatus::InSupport].into_iter().map(Self::Status))
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Agenda(k) => k.code(),
            Self::Status(s) => s.code(),
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::all().find(|k| k.code() == code)
    }

    /// How many items the overview shows of this section before "show all".
    fn preview(self) -> i64 {
        match self {
            Self::Agenda(_) => AGENDA_PREVIEW,
            Self::Status(_) => WORKLIST_SECTION,
        }
    }
}

/// One section: its items on this page, and how many there are in all.
#[derive(Debug, Clone)]
pub struct Section {
    pub kind: SectionKind,
    /// The cases of a status section.
    pub items: Vec<CaseView>,
    /// The items of an agenda section; their cases are in [`Worklist::cases`].
    pub agenda: Vec<AgendaItem>,
    pub total: i64,
    /// Where this page starts (0 on the overview).
    pub offset: i64,
    pub limit: i64,
}

pub struct Worklist {
    pub scope: Scope,
    /// The worker filtered on, if any.
    pub worker: Option<UserId>,
    /// The one section shown on its own, if any.
    pub only: Option<SectionKind>,
    pub sections: Vec<Section>,
    /// The cases the agenda items are about.
    pub cases: HashMap<CaseId, CaseView>,
    /// Names of the staff of the actor's teams, to show who carries a case and to filter on.
    pub staff: Vec<(UserId, String)>,
    /// The actor's teams (read in the same transaction, for names and the team filter).
    pub teams: Vec<Team>,
}

/// The most cases a status section shows on the overview, and on each page of its own.
pub const WORKLIST_SECTION: i64 = 50;
/// The most items an agenda section shows on the overview.
pub const AGENDA_PREVIEW: i64 = 5;
/// Actions due within this many days show on the agenda (overdue ones always).
pub const ACTIONS_AHEAD_DAYS: i64 = 7;
/// Evaluations due within this many days show on the agenda.
pub const EVALUATIONS_AHEAD_DAYS: i64 = 14;

/// The worklist of the pages, one audit row.
pub async fn worklist(app: &App, actor: &Actor, input: &WorklistInput) -> Result<Worklist> {
    authorise(app, actor, Relation::NoRecord, Action::ListCases, Attempt::new(Refused::Case, "case")).await?;
    let mut errors = Errors::default();
    let scope = match input.scope.as_deref().map(str::trim) {
        None | Some("") if actor.role == Role::TeamManager => Scope::Team,
        None | Some("") | Some("mine") => Scope::Mine,
        Some("team") => Scope::Team,
        Some(_) => {
            errors.add("scope", "one of: mine, team");
            Scope::Mine
        }
    };
    let by_status = input.status.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let only = match (input.section.as_deref().map(str::trim).filter(|s| !s.is_empty()), by_status) {
        (Some(code), _) => SectionKind::parse(code).or_else(|| {
            errors.add("section", "one of: appointments, actions, proposals, comments, evaluations, silent, referred, intake_held, in_support");
            None
        }),
        (None, Some(code)) => match CaseStatus::parse(code).filter(|s| *s != CaseStatus::Closed) {
            Some(st) => Some(SectionKind::Status(st)),
            None => {
                errors.add("status", "one of: referred, intake_held, in_support");
                None
            }
        },
        (None, None) => None,
    };
    let page = input.page.unwrap_or(1);
    if !(1..=10_000).contains(&page) {
        errors.add("page", "is a page number from 1");
    }
    let team_id = input.team_id.map(TeamId);
    if let Some(t) = team_id
        && !actor.team_ids.contains(&t)
    {
        errors.add("team_id", "is not one of your teams").code("not_your_team");
    }
    errors.finish()?;

    let now = app.now();
    let today = app.today();
    let mut tx = app.db.begin_read().await?;
    let mut staff = Vec::new();
    let mut teams = Vec::new();
    for team in &actor.team_ids {
        staff.extend(organisation::team_staff(&mut tx, *team).await?.into_iter().map(|(id, name, _)| (id, name)));
        teams.extend(organisation::get_team(&mut tx, *team).await?);
    }
    staff.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    staff.dedup();
    let worker = match (scope, input.worker) {
        (Scope::Mine, _) => Some(actor.user_id),
        (Scope::Team, None) => None,
        (Scope::Team, Some(w)) if staff.iter().any(|(id, _)| id.0 == w) => Some(UserId(w)),
        (Scope::Team, Some(_)) => {
            let mut errors = Errors::default();
            errors.add("worker", "is not one of the staff of your teams").code("not_your_staff");
            errors.finish()?;
            None
        }
    };

    let tz = app.settings.time_zone.clone();
    let next_monday =
        today.checked_add(i64::from(7 - today.weekday().to_monday_zero_offset()).days()).map_err(calendar_error)?;
    let silent_weeks = i64::from(app.settings.silent_after_weeks.max(1));
    let agenda_query = AgendaQuery {
        member: actor.user_id,
        team_id,
        worker,
        from: today.to_zoned(tz.clone()).map_err(calendar_error)?.timestamp(),
        until: next_monday.to_zoned(tz).map_err(calendar_error)?.timestamp(),
        actions_due_by: today.checked_add(ACTIONS_AHEAD_DAYS.days()).map_err(calendar_error)?,
        evaluations_due_by: today.checked_add(EVALUATIONS_AHEAD_DAYS.days()).map_err(calendar_error)?,
        silent_before: today.checked_sub((silent_weeks * 7).days()).map_err(calendar_error)?,
        limit: AGENDA_PREVIEW,
        offset: 0,
    };

    let mut sections = Vec::new();
    for kind in SectionKind::all().filter(|k| only.is_none_or(|o| o == *k)) {
        let limit = if only.is_some() { WORKLIST_SECTION } else { kind.preview() };
        let offset = if only.is_some() { (page - 1) * limit } else { 0 };
        let (items, agenda, total) = match kind {
            SectionKind::Agenda(k) => {
                let q = AgendaQuery { limit, offset, ..agenda_query.clone() };
                let (items, total) = agenda::items(&mut tx, k, &q).await?;
                (Vec::new(), items, total)
            }
            SectionKind::Status(status) => {
                let query = ListQuery {
                    member: actor.user_id,
                    team_id,
                    status: StatusFilter::Only(status),
                    worker,
                    // Mine: new referrals nobody carries yet count as mine to pick up.
                    unassigned_too: scope == Scope::Mine,
                    order: if status == CaseStatus::InSupport { ListOrder::RecentlyActive } else { ListOrder::Due },
                    limit,
                    offset,
                };
                let (cases, total) = store::list_without_children(&mut tx, &query).await?;
                (cases, Vec::new(), total)
            }
        };
        sections.push((kind, items, agenda, total, offset, limit));
    }
    // Clients and life domains for every status section in one go, and the agenda's cases.
    let lengths: Vec<usize> = sections.iter().map(|s| s.1.len()).collect();
    let mut listed: Vec<Case> = sections.iter_mut().flat_map(|s| std::mem::take(&mut s.1)).collect();
    store::attach_children(&mut tx, &mut listed).await?;
    let mut agenda_ids: Vec<CaseId> = sections.iter().flat_map(|s| s.2.iter().map(|i| i.case_id)).collect();
    agenda_ids.sort();
    agenda_ids.dedup();
    let agenda_cases = store::get_many(&mut tx, &agenda_ids).await?;
    let calendar = app.calendar(&mut tx).await?;
    drop(tx);

    let mut shown: Vec<i64> = listed.iter().map(|c| c.id.0).chain(agenda_ids.iter().map(|c| c.0)).collect();
    shown.sort_unstable();
    shown.dedup();
    let mut entry = audit_entry(Some(actor), now, AuditAction::CaseList, "case");
    entry.detail = serde_json::json!({
        "view": "worklist", "scope": if scope == Scope::Mine { "mine" } else { "team" },
        "team_id": input.team_id, "worker": worker, "section": only.map(SectionKind::code), "page": page,
        "case_ids": shown,
    });
    audit::log(&app.db, entry).await?;

    let mut listed = listed.into_iter();
    let sections = sections
        .into_iter()
        .zip(lengths)
        .map(|((kind, _, agenda, total, offset, limit), n)| Section {
            kind,
            items: listed.by_ref().take(n).map(|c| CaseView::new(c, &calendar, today)).collect(),
            agenda,
            total,
            offset,
            limit,
        })
        .collect();
    let cases = agenda_cases.into_iter().map(|c| (c.id, CaseView::new(c, &calendar, today))).collect();
    Ok(Worklist { scope, worker, only, sections, cases, staff, teams })
}

/// Date arithmetic on today's date fails only at the ends of the calendar (year 9999).
fn calendar_error(e: jiff::Error) -> AppError {
    AppError::Internal(format!("the worklist's dates: {e}"))
}
