//! Contact moments (contactmomenten) of a case: recording one, and reading them.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::case::Step;
use buurtteam_domain::codes::ContactForm;
use buurtteam_domain::ids::{CaseId, PersonId};
use buurtteam_domain::policy::{Action, Actor};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit;
use buurtteam_store::cases::{self as store, Contact, NewContact};

use super::ContactInput;
use crate::context::on_case;
use crate::{App, AppError, Result, input};

/// The most characters of a contact moment's summary: a few sentences, not a report.
pub const MAX_SUMMARY_LENGTH: usize = 1000;

/// Records a contact moment on an open case.
pub async fn record_contact(app: &App, actor: &Actor, id: CaseId, input: &ContactInput) -> Result<Contact> {
    let today = app.today();
    let mut errors = Errors::default();
    let contact_on = input::past_date(&mut errors, "contact_on", input.contact_on.as_deref(), today);
    let form = input::code(&mut errors, "form", input.form.as_deref(), ContactForm::parse, ContactForm::accepted);
    let minutes = match input.minutes {
        None => {
            errors.add("minutes", "is required (1 to 1440)").code("minutes_required");
            None
        }
        Some(m) if !(1..=1440).contains(&m) => {
            errors.add("minutes", "is between 1 and 1440").code("minutes_range");
            None
        }
        Some(m) => i32::try_from(m).ok(),
    };
    let others = input::optional_text(&mut errors, "other_participants", input.other_participants.as_deref(), 500);
    let summary = input::optional_long_text(&mut errors, "summary", input.summary.as_deref(), MAX_SUMMARY_LENGTH);
    let participants = input.participants.clone();
    let partner_id = input.partner_id;
    on_case(app, actor, id, Action::RecordContact, move |tx, ctx, now| {
        Box::pin(async move {
            for (i, p) in participants.iter().enumerate() {
                if !ctx.members.iter().any(|m| m.id.0 == *p) {
                    errors
                        .add(format!("participants[{i}]"), format!("person {p} is not a member of this household"))
                        .code("not_household_member");
                }
            }
            let partner = crate::partners::for_case(tx, &mut errors, "partner_id", partner_id, ctx.case.id).await?;
            errors.finish()?;
            let contact_on = contact_on.unwrap_or(ctx.today);
            ctx.step(Step::RecordContact, contact_on)?;
            let mut participants: Vec<PersonId> = participants.into_iter().map(PersonId).collect();
            participants.sort();
            participants.dedup();
            let new = NewContact {
                case_id: id,
                contact_on,
                form: form.unwrap_or(ContactForm::Phone),
                minutes: minutes.unwrap_or(1),
                participant_ids: &participants,
                other_participants: others.as_deref(),
                summary: summary.as_deref(),
                partner_id: partner.as_ref().map(|p| p.id),
                recorded_by: ctx.actor.user_id,
            };
            let contact_id = store::insert_contact(tx, &new, now).await?;
            let mut entry = ctx.entry(AuditAction::ContactRecorded);
            entry.object_type = "contact";
            entry.object_id = Some(contact_id.0);
            entry.detail = serde_json::json!({ "contact_on": contact_on.to_string(), "form": new.form.code() });
            if let Some(p) = new.partner_id {
                entry.detail["partner_id"] = p.0.into();
            }
            audit::append(tx, &entry).await?;
            store::contact(tx, id, contact_id).await?.ok_or(AppError::NotFound("contact"))
        })
    })
    .await
}

/// The contact moments of a case, most recent first: read and logged as a read of the file
/// in one transaction.
pub async fn contacts(app: &App, actor: &Actor, id: CaseId) -> Result<Vec<Contact>> {
    on_case(app, actor, id, Action::ReadCase, move |tx, ctx, _| {
        Box::pin(async move {
            let list = store::contacts(tx, id).await?;
            let mut entry = ctx.entry(AuditAction::ContactList);
            entry.object_type = "contact";
            audit::append(tx, &entry).await?;
            Ok(list)
        })
    })
    .await
}
