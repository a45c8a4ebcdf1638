//! The daily job `survey.invite`: invites each parent and each client from 12 of a case six
//! months (configurable) after the start of support and at closure, once per person per case
//! per moment, through the same [`super::create`] as a worker's invitation; reminds each open
//! invitation once; forgets the sealed codes of expired invitations.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::ids::{CaseId, PersonId};
use buurtteam_domain::survey::{self as rules, Moment};
use buurtteam_store::survey as store;
use buurtteam_store::{audit, cases, households};
use jiff::SignedDuration;

use crate::{App, AppError, Result, audit_entry};

/// The job's kind.
pub const JOB: &str = "survey.invite";
/// How often it runs.
pub const EVERY: SignedDuration = SignedDuration::from_hours(24);
/// A case closed up to this many days ago is still invited at closure (a job that did not run
/// for a few days catches up; switching the survey on does not invite every case ever closed).
pub const CLOSURE_CATCH_UP_DAYS: i32 = 14;

/// Invites at six months and at closure, reminds once, forgets expired codes.
pub async fn daily(app: &App) -> Result<String> {
    let today = app.today();
    let months = i32::try_from(app.settings.survey_after_months).unwrap_or(6);
    let started_by = today.checked_sub(jiff::Span::new().months(months)).unwrap_or(today);
    let closed_since = today.checked_sub(jiff::Span::new().days(CLOSURE_CATCH_UP_DAYS)).unwrap_or(today);
    let (six, closed) = {
        let mut tx = app.db.begin_read().await?;
        (
            store::cases_in_support_started_by(&mut tx, started_by).await?,
            store::cases_closed_since(&mut tx, closed_since).await?,
        )
    };
    let mut invited = 0;
    for (cases, moment) in [(six, Moment::SixMonths), (closed, Moment::Closure)] {
        for case in cases {
            invited += invite_case(app, case, moment).await?;
        }
    }
    let now = app.now();
    let invited_by = today.checked_sub(jiff::Span::new().days(rules::REMIND_AFTER_DAYS)).unwrap_or(today);
    let (reminded, forgotten) = app
        .db
        .write(move |tx| {
            Box::pin(async move {
                let reminded = store::remind(tx, invited_by, now).await?;
                for (id, case, person) in &reminded {
                    let mut entry = audit_entry(None, now, AuditAction::SurveyReminded, "survey_invitation");
                    entry.object_id = Some(*id);
                    entry.case_id = Some(*case);
                    entry.client_id = Some(*person);
                    audit::append(tx, &entry).await?;
                }
                let forgotten = store::clear_expired_codes(tx, now).await?;
                Ok::<_, AppError>((reminded.len(), forgotten))
            })
        })
        .await?;
    Ok(format!("{invited} invited, {reminded} reminded, {forgotten} expired codes forgotten"))
}

/// Invites everyone of one case who is asked, at `moment`, in one transaction; how many.
async fn invite_case(app: &App, case: CaseId, moment: Moment) -> Result<usize> {
    let owned = app.clone();
    app.db
        .write(move |tx| {
            Box::pin(async move {
                let app = &owned;
                let today = app.today();
                let Some(case) = cases::get(tx, case).await? else { return Ok(0) };
                let members = households::members(tx, case.household_id).await?;
                let clients: Vec<PersonId> = case.clients.iter().map(|c| c.person_id).collect();
                let members: Vec<rules::Member> = members
                    .iter()
                    .map(|p| rules::Member {
                        id: p.id,
                        role: p.role,
                        birth_date: p.birth_date,
                        client: clients.contains(&p.id),
                    })
                    .collect();
                let mut n = 0;
                for (person, _) in rules::invitees(&members, today) {
                    if super::create(tx, app, &case, person, moment, None).await?.is_some() {
                        n += 1;
                    }
                }
                Ok::<_, AppError>(n)
            })
        })
        .await
}
