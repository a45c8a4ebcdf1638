//! Putting a case right: a worker corrects a wrongly recorded intake, start or closure date
//! with a reason; a team manager reopens a closed case with a reason. The case takes the new
//! values (so lists and KPIs follow them); the old ones stay in the case's corrections and the
//! audit log.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::case::{self, CaseStatus};
use buurtteam_domain::codes::ContactForm;
use buurtteam_domain::correction::Lifecycle;
use buurtteam_domain::ids::{CaseId, ContactId};
use buurtteam_domain::policy::{Action, Actor};
use buurtteam_domain::validation::Errors;
use buurtteam_store::cases::{self as cases_store, Contact};
use buurtteam_store::corrections::{self as store, Correction, Dates, NewCorrection};
use buurtteam_store::{Tx, audit};
use jiff::civil::Date;
use serde::Deserialize;

use super::{CaseView, concurrent};
use crate::context::{CaseContext, on_case};
use crate::{App, AppError, Result, input};

/// The most characters of a correction's reason.
pub const MAX_REASON_LENGTH: usize = 500;

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CorrectionInput {
    /// The right date of the intake (only for a case whose intake was recorded).
    pub intake_held_on: Option<String>,
    /// The right date of the start of support (only once it was recorded).
    pub started_on: Option<String>,
    /// The right closure date (only for a closed case).
    pub closed_on: Option<String>,
    /// Why: what was wrong. Required.
    pub reason: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReopenInput {
    /// Why the case is opened again. Required.
    pub reason: Option<String>,
}

/// Corrects the recorded dates of case `id`.
pub async fn correct(app: &App, actor: &Actor, id: CaseId, input: &CorrectionInput) -> Result<CaseView> {
    let today = app.today();
    let mut errors = Errors::default();
    let intake = input::optional_past_date(&mut errors, "intake_held_on", given(&input.intake_held_on), today);
    let started = input::optional_past_date(&mut errors, "started_on", given(&input.started_on), today);
    let closed = input::optional_past_date(&mut errors, "closed_on", given(&input.closed_on), today);
    let reason = input::long_text(&mut errors, "reason", input.reason.as_deref(), MAX_REASON_LENGTH);
    if [&input.intake_held_on, &input.started_on, &input.closed_on].iter().all(|v| given(v).is_none()) {
        errors
            .add("intake_held_on", "give the date to correct: the intake, the start or the closure")
            .code("nothing_to_correct");
    }
    on_case(app, actor, id, Action::CorrectCase, move |tx, ctx, now| {
        Box::pin(async move {
            let c = &ctx.case;
            // Only what was recorded can be corrected.
            for (field, new, old) in [
                ("intake_held_on", intake, c.intake_held_on),
                ("started_on", started, c.started_on),
                ("closed_on", closed, c.closed_on),
            ] {
                if new.is_some() && old.is_none() {
                    errors.add(field, "was not recorded yet: record the step itself").code("not_recorded");
                }
            }
            let after = Lifecycle {
                referred_on: c.referred_on,
                intake_held_on: intake.or(c.intake_held_on),
                started_on: started.or(c.started_on),
                closed_on: closed.or(c.closed_on),
            };
            for e in after.check() {
                let field = e.field.clone();
                let added = errors.add(field, e.message).code(e.code);
                for (k, v) in e.args {
                    added.arg(k, v);
                }
            }
            errors.finish()?;
            let reason = reason.unwrap_or_default();
            let changes: Vec<(&str, Date, Date)> = [
                ("intake_held_on", c.intake_held_on, after.intake_held_on),
                ("started_on", c.started_on, after.started_on),
                ("closed_on", c.closed_on, after.closed_on),
            ]
            .into_iter()
            .filter_map(|(f, before, after)| match (before, after) {
                (Some(b), Some(a)) if a != b => Some((f, b, a)),
                _ => None,
            })
            .collect();
            if changes.is_empty() {
                let mut errors = Errors::default();
                errors.add(changes_field(&intake, &started), "is the date already recorded").code("no_change");
                errors.finish()?;
            }
            let start_due_on = intake.filter(|_| after.intake_held_on != c.intake_held_on).map(case::start_due_on);
            let dates = Dates {
                intake_held_on: intake,
                start_due_on,
                started_on: started,
                closed_on: closed,
                next_due_on: case::next_due_on(
                    c.status,
                    c.intake_due_on,
                    c.requested_intake_on,
                    start_due_on.or(c.start_due_on),
                ),
            };
            store::set_dates(tx, id, c.status, &dates, now).await.map_err(concurrent)?;
            let mut ids = Vec::new();
            for (field, before, after) in &changes {
                let (b, a) = (before.to_string(), after.to_string());
                ids.push(record(tx, &ctx, field, Some(&b), Some(&a), &reason, now).await?);
            }
            let mut entry = ctx.entry(AuditAction::CaseCorrected);
            entry.detail = serde_json::json!({
                "fields": changes.iter().map(|(f, _, _)| *f).collect::<Vec<_>>(), "correction_ids": ids,
            });
            audit::append(tx, &entry).await?;
            ctx.view(tx).await
        })
    })
    .await
}

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactCorrectionInput {
    /// The contact moment to correct (one of this case's).
    pub contact_id: Option<i64>,
    /// Its right date.
    pub contact_on: Option<String>,
    /// Its right duration in minutes, 1 to 1440.
    pub minutes: Option<i64>,
    /// Its right form.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<ContactForm>))]
    pub form: Option<String>,
    /// Why: what was wrong. Required.
    pub reason: Option<String>,
}

/// Corrects a contact moment of case `id`: its date (not before the referral), its duration
/// or its form, with a reason.
pub async fn correct_contact(app: &App, actor: &Actor, id: CaseId, input: &ContactCorrectionInput) -> Result<Contact> {
    let today = app.today();
    let mut errors = Errors::default();
    let contact_id = input::id(&mut errors, "contact_id", input.contact_id).map(ContactId);
    let on = input::optional_past_date(&mut errors, "contact_on", given(&input.contact_on), today);
    let minutes = match input.minutes {
        None => None,
        Some(m @ 1..=1440) => i32::try_from(m).ok(),
        Some(_) => {
            errors.add("minutes", "is a duration from 1 to 1440 minutes").code("minutes_range");
            None
        }
    };
    let form = input::optional_code(&mut errors, "form", given(&input.form), ContactForm::parse, ContactForm::accepted);
    let reason = input::long_text(&mut errors, "reason", input.reason.as_deref(), MAX_REASON_LENGTH);
    if given(&input.contact_on).is_none() && input.minutes.is_none() && given(&input.form).is_none() {
        errors.add("contact_on", "give what to correct: the date, the duration or the form").code("nothing_to_correct");
    }
    on_case(app, actor, id, Action::CorrectCase, move |tx, ctx, now| {
        Box::pin(async move {
            let Some(contact_id) = contact_id else {
                errors.finish()?;
                return Err(AppError::Internal("validated correction lacks a contact".into()));
            };
            let Some(old) = cases_store::contact(tx, id, contact_id).await? else {
                errors.add("contact_id", "is not a contact moment of this case").code("unknown_contact");
                errors.finish()?;
                return Err(AppError::NotFound("contact"));
            };
            if let Some(d) = on
                && d < ctx.case.referred_on
            {
                errors
                    .add("contact_on", format!("lies before the referral ({})", ctx.case.referred_on))
                    .code("before_referral")
                    .arg("date", ctx.case.referred_on);
            }
            errors.finish()?;
            let changes: Vec<(&str, String, String)> = [
                ("contact_on", Some(old.contact_on.to_string()), on.map(|d| d.to_string())),
                ("minutes", Some(old.minutes.to_string()), minutes.map(|m| m.to_string())),
                ("form", Some(old.form.code().to_owned()), form.map(|f| f.code().to_owned())),
            ]
            .into_iter()
            .filter_map(|(f, b, a)| match (b, a) {
                (Some(b), Some(a)) if a != b => Some((f, b, a)),
                _ => None,
            })
            .collect();
            if changes.is_empty() {
                let mut errors = Errors::default();
                errors.add("contact_on", "is what is recorded already").code("no_change");
                errors.finish()?;
            }
            store::set_contact(tx, id, contact_id, (on, minutes, form.map(|f| f.code())), now)
                .await
                .map_err(concurrent)?;
            let reason = reason.unwrap_or_default();
            let mut ids = Vec::new();
            for (field, before, after) in &changes {
                let n = NewCorrection {
                    case: id,
                    contact: Some(contact_id),
                    field,
                    before: Some(before),
                    after: Some(after),
                    reason: &reason,
                    by: ctx.actor.user_id,
                };
                ids.push(store::record(tx, &n, now).await?);
            }
            let mut entry = ctx.entry(AuditAction::CaseCorrected);
            entry.object_type = "contact";
            entry.object_id = Some(contact_id.0);
            entry.detail = serde_json::json!({
                "fields": changes.iter().map(|(f, _, _)| *f).collect::<Vec<_>>(), "correction_ids": ids,
            });
            audit::append(tx, &entry).await?;
            cases_store::contact(tx, id, contact_id).await?.ok_or(AppError::NotFound("contact"))
        })
    })
    .await
}

/// Opens the closed case `id` again at the last step it reached (team managers).
pub async fn reopen(app: &App, actor: &Actor, id: CaseId, input: &ReopenInput) -> Result<CaseView> {
    let mut errors = Errors::default();
    let reason = input::long_text(&mut errors, "reason", input.reason.as_deref(), MAX_REASON_LENGTH);
    errors.finish()?;
    let reason = reason.unwrap_or_default();
    on_case(app, actor, id, Action::ReopenCase, move |tx, ctx, now| {
        Box::pin(async move {
            let c = &ctx.case;
            if c.status != CaseStatus::Closed {
                return Err(AppError::Conflict {
                    message: "only a closed case can be reopened".into(),
                    current_status: Some(c.status),
                });
            }
            let lifecycle = Lifecycle {
                referred_on: c.referred_on,
                intake_held_on: c.intake_held_on,
                started_on: c.started_on,
                closed_on: None,
            };
            let status = lifecycle.reopened_status();
            let next = case::next_due_on(status, c.intake_due_on, c.requested_intake_on, c.start_due_on);
            // The closure as it was, so the history keeps it.
            let closure = serde_json::json!({
                "closed_on": c.closed_on.map(|d| d.to_string()),
                "reason": c.closure_reason.map(|r| r.code()),
                "detail": c.closure_detail.map(|d| d.code()),
            })
            .to_string();
            store::reopen(tx, id, status, next, now).await.map_err(concurrent)?;
            let correction = record(tx, &ctx, "reopened", Some(&closure), Some(status.code()), &reason, now).await?;
            let mut entry = ctx.entry(AuditAction::CaseReopened);
            entry.detail = serde_json::json!({ "status": status.code(), "correction_id": correction });
            audit::append(tx, &entry).await?;
            ctx.view(tx).await
        })
    })
    .await
}

/// The corrections of a case, for its file (read with it, under its read).
pub(crate) async fn of_case(tx: &mut Tx, id: CaseId) -> Result<Vec<Correction>> {
    Ok(store::of_case(tx, id).await?)
}

async fn record(
    tx: &mut Tx,
    ctx: &CaseContext,
    field: &str,
    before: Option<&str>,
    after: Option<&str>,
    reason: &str,
    now: jiff::Timestamp,
) -> Result<i64> {
    let n = NewCorrection { case: ctx.case.id, contact: None, field, before, after, reason, by: ctx.actor.user_id };
    Ok(store::record(tx, &n, now).await?)
}

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Where "nothing changed" is said: the first date given.
fn changes_field(intake: &Option<Date>, started: &Option<Date>) -> &'static str {
    if intake.is_some() {
        "intake_held_on"
    } else if started.is_some() {
        "started_on"
    } else {
        "closed_on"
    }
}
