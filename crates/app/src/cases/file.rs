//! Reading a case: the case itself, and the family file (case, household, contacts, team).

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::codes::Role;
use buurtteam_domain::ids::{CaseId, UserId};
use buurtteam_domain::policy::{Action, Actor};
use buurtteam_store::cases::{self as store, Contact};
use buurtteam_store::{audit, households, organisation};

use super::CaseView;
use crate::context::on_case;
use crate::{App, AppError, Result};

/// Opens a case: read and logged as a read (`case.read`) in one transaction.
pub async fn get(app: &App, actor: &Actor, id: CaseId) -> Result<CaseView> {
    on_case(app, actor, id, Action::ReadCase, move |tx, ctx, _| {
        Box::pin(async move {
            let calendar = ctx.calendar(tx).await?;
            audit::append(tx, &ctx.entry(AuditAction::CaseRead)).await?;
            Ok(CaseView::new(ctx.case, &calendar, ctx.today))
        })
    })
    .await
}

/// Everything the family file shows, read at once and logged as one read.
pub struct CaseFile {
    pub view: CaseView,
    pub household: households::Household,
    pub contacts: Vec<Contact>,
    pub team: buurtteam_store::organisation::Team,
    /// The team's family workers and managers: who may hold the intake, and names to show.
    pub staff: Vec<(UserId, String, Role)>,
    /// Dates put right and reopenings, oldest first.
    pub corrections: Vec<buurtteam_store::corrections::Correction>,
    /// When the actor's emergency access ends, if they read the file under one (decision
    /// 0023): the page shows it and offers no changes.
    pub emergency_until: Option<jiff::Timestamp>,
    /// Who held the case when, and its teams (decision 0037).
    pub history: super::handover::History,
    /// Onward referrals to partners (decision 0040), most recent first.
    pub onward_referrals: Vec<buurtteam_store::onward_referrals::OnwardReferral>,
    /// The active partners serving the case's district, by name: who the forms offer as the
    /// partner in a three-way conversation or as the performer of a plan action.
    pub partners: Vec<(buurtteam_domain::ids::PartnerId, String)>,
}

/// Opens the family file: the case, its household, contacts and team, read in one
/// transaction with its one `case.read` row.
pub async fn file(app: &App, actor: &Actor, id: CaseId) -> Result<CaseFile> {
    on_case(app, actor, id, Action::ReadCase, move |tx, ctx, _| {
        Box::pin(async move {
            let case = &ctx.case;
            let household = households::get(tx, case.household_id).await?.ok_or(AppError::NotFound("household"))?;
            let contacts = store::contacts(tx, id).await?;
            let team = organisation::get_team(tx, case.team_id).await?.ok_or(AppError::NotFound("team"))?;
            let staff = organisation::team_staff(tx, case.team_id).await?;
            let corrections = super::corrections::of_case(tx, id).await?;
            let history = super::handover::history_in(tx, id).await?;
            let onward_referrals = buurtteam_store::onward_referrals::of_case(tx, id).await?;
            let partners = buurtteam_store::partners::serving_case(tx, id).await?;
            let calendar = ctx.calendar(tx).await?;
            let mut entry = ctx.entry(AuditAction::CaseRead);
            entry.detail = serde_json::json!({ "view": "file" });
            audit::append(tx, &entry).await?;
            let emergency_until = ctx.emergency.map(|g| g.until);
            let view = CaseView::new(ctx.case, &calendar, ctx.today);
            Ok(CaseFile {
                view,
                household,
                contacts,
                team,
                staff,
                corrections,
                emergency_until,
                history,
                onward_referrals,
                partners,
            })
        })
    })
    .await
}
