//! How to reach the household's members, from the family file: a worker changes a member's
//! phone numbers or e-mail address (a new number, a typo), on the case context, audited.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::ids::{CaseId, PersonId};
use buurtteam_domain::policy::{Action, Actor};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit;
use buurtteam_store::households::{self, Person};
use serde::Deserialize;

use crate::context::on_case;
use crate::{App, AppError, Result, input};

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberReachInput {
    /// The household member (on the page; the API takes it from the path).
    pub person_id: Option<i64>,
    /// Phone number, e.g. `06-12345678`; empty or absent clears it.
    pub phone: Option<String>,
    pub other_phone: Option<String>,
    pub email: Option<String>,
}

/// Sets how to reach a member of case `id`'s household: all three parts, as given.
pub async fn update_member_reach(app: &App, actor: &Actor, id: CaseId, input: &MemberReachInput) -> Result<Person> {
    let mut errors = Errors::default();
    let person = input::id(&mut errors, "person_id", input.person_id).map(PersonId);
    let same = |name: &str| name.to_owned();
    let reach = crate::households::read_reach(
        &mut errors,
        &same,
        (input.phone.as_deref(), input.other_phone.as_deref(), input.email.as_deref()),
    );
    on_case(app, actor, id, Action::UpdateHousehold, move |tx, ctx, _| {
        Box::pin(async move {
            match person {
                Some(p) if ctx.person(p).is_some() => {}
                Some(_) => {
                    errors.add("person_id", "is not a member of this household").code("not_household_member");
                }
                None => {}
            }
            errors.finish()?;
            let person = person.ok_or_else(|| AppError::Internal("validated update lacks a person".into()))?;
            let before = ctx.person(person).map(|p| p.reach.clone()).unwrap_or_default();
            households::set_reach(tx, ctx.case.household_id, person, &reach).await?;
            let changed: Vec<&str> = [
                ("phone", before.phone != reach.phone),
                ("other_phone", before.other_phone != reach.other_phone),
                ("email", before.email != reach.email),
            ]
            .into_iter()
            .filter_map(|(f, c)| c.then_some(f))
            .collect();
            let mut entry = ctx.entry(AuditAction::HouseholdUpdated);
            entry.object_type = "person";
            entry.object_id = Some(person.0);
            // Which parts changed, never the numbers themselves.
            entry.detail = serde_json::json!({ "fields": changed });
            audit::append(tx, &entry).await?;
            households::person(tx, person).await?.ok_or(AppError::NotFound("person"))
        })
    })
    .await
}
