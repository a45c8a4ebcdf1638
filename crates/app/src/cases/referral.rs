//! Registering a referral (aanmelding): a new case on a team, for a household.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::case::{self, CaseStatus};
use buurtteam_domain::codes::{LaterIntakeRequestedBy, ReferralSource};
use buurtteam_domain::ids::{HouseholdId, PersonId, TeamId};
use buurtteam_domain::policy::{Action, Actor, Relation};
use buurtteam_domain::validation::Errors;
use buurtteam_store::Tx;
use buurtteam_store::audit;
use buurtteam_store::cases::{self as store, NewCase, Referrer};
use buurtteam_store::households;

use super::{CaseView, MAX_REQUEST_LENGTH, ReferralInput, case_entry};
use crate::context::on_team;
use crate::{App, AppError, Result, input};

/// Registers a referral (aanmelding): opens a case in state `referred` with its intake deadline.
pub async fn register_referral(app: &App, actor: &Actor, input: &ReferralInput) -> Result<CaseView> {
    let today = app.today();
    let mut errors = Errors::default();
    let household_id = input::id(&mut errors, "household_id", input.household_id).map(HouseholdId);
    let team_id = input::id(&mut errors, "team_id", input.team_id).map(TeamId);
    let referred_on = input::past_date(&mut errors, "referred_on", input.referred_on.as_deref(), today);
    let source =
        input::code(&mut errors, "source", input.source.as_deref(), ReferralSource::parse, ReferralSource::accepted);
    let request = input::long_text(&mut errors, "request", input.request.as_deref(), MAX_REQUEST_LENGTH);
    let referrer = Referrer {
        organisation: input::optional_text(
            &mut errors,
            "referrer_organisation",
            input.referrer_organisation.as_deref(),
            200,
        ),
        name: input::optional_text(&mut errors, "referrer_name", input.referrer_name.as_deref(), 200),
        source_other: input::optional_text(&mut errors, "source_other", input.source_other.as_deref(), 200),
    };
    match (source, &referrer.source_other) {
        (Some(ReferralSource::Other), None) => {
            errors
                .add("source_other", "say who or what referred (the source is \"other\")")
                .code("source_other_required");
        }
        (Some(s), Some(_)) if s != ReferralSource::Other => {
            errors
                .add("source_other", "only with the source \"other\"; choose that source or empty this field")
                .code("source_other_not_other");
        }
        _ => {}
    }
    let life_domains = input::life_domains(&mut errors, &input.life_domains);
    let later_by = input::optional_code(
        &mut errors,
        "later_intake_requested_by",
        input.later_intake_requested_by.as_deref(),
        LaterIntakeRequestedBy::parse,
        LaterIntakeRequestedBy::accepted,
    );
    let requested_on =
        input::optional_planned_date(&mut errors, "requested_intake_on", input.requested_intake_on.as_deref(), today);
    match (later_by, requested_on, input.later_intake_requested_by.is_some()) {
        (Some(_), None, _) if input.requested_intake_on.is_none() => {
            errors
                .add("requested_intake_on", "is required when a later intake was requested (the date they asked for)")
                .code("requested_date_required");
        }
        (None, Some(_), false) => {
            errors
                .add("later_intake_requested_by", "say who asked for the later intake: referrer or family")
                .code("requested_by_required");
        }
        _ => {}
    }
    if let (Some(r), Some(q)) = (referred_on, requested_on)
        && q < r
    {
        errors.add("requested_intake_on", "cannot be before the referral date").code("requested_before_referral");
    }
    if input.client_ids.is_empty() {
        errors
            .add("client_ids", "name at least one household member who is a client (has their own request for help)")
            .code("client_required");
    }

    // As given, so that a field error names the position the form or request used.
    let named: Vec<PersonId> = input.client_ids.iter().copied().map(PersonId).collect();
    let mut client_ids = named.clone();
    client_ids.sort();
    client_ids.dedup();
    let Some(team_id) = team_id else {
        errors.finish()?;
        return Err(AppError::Internal("validated referral lacks a team".into()));
    };

    // The referral opens a case on the team: decided on that team, then the household is
    // checked (one the worker may use, with the clients among its members), its field errors
    // answered together with those of the rest of the request.
    on_team(app, actor, team_id, Action::RegisterReferral, "referral", move |tx, ctx, now| {
        Box::pin(async move {
            if let Some(household) = household_id {
                check_household(tx, &ctx.actor, household, &named, &mut errors).await?;
            }
            // An ended team keeps its cases and takes no new ones (decision 0019).
            if !ctx.team.is_open_on(ctx.today) {
                let ended = ctx.team.ended_on.unwrap_or(ctx.today);
                errors
                    .add("team_id", format!("the team ended on {ended} and takes no new referrals"))
                    .code("team_ended")
                    .arg("date", ended);
            }
            let calendar = ctx.calendar(tx).await?;
            let intake_due_on = referred_on.map(|r| case::intake_due_on(&calendar, r));
            // A later intake is later than the norm: a date the norm already reaches is no
            // request for a later one (the countdown would run to the norm anyway).
            if let (Some(q), Some(due), Some(_)) = (requested_on, intake_due_on, later_by)
                && q <= due
            {
                errors
                    .add(
                        "requested_intake_on",
                        format!("lies on or before the normal deadline ({due}); a later intake is after it"),
                    )
                    .code("requested_not_later")
                    .arg("date", due);
            }
            errors.finish()?;
            let (Some(household_id), Some(referred_on), Some(source), Some(request), Some(intake_due_on)) =
                (household_id, referred_on, source, request, intake_due_on)
            else {
                return Err(AppError::Internal("validated referral lacks a field".into()));
            };
            let new = NewCase {
                household_id,
                team_id,
                referred_on,
                source,
                referrer: &referrer,
                request: &request,
                client_ids: &client_ids,
                life_domains: &life_domains,
                later_intake_requested_by: later_by,
                requested_intake_on: requested_on,
                intake_due_on,
                next_due_on: case::next_due_on(CaseStatus::Referred, intake_due_on, requested_on, None),
                created_by: ctx.actor.user_id,
            };
            let id = store::insert(tx, &new, now).await?;
            let case = store::get(tx, id).await?.ok_or(AppError::NotFound("case"))?;
            let view = CaseView::new(case, &calendar, ctx.today);
            let mut entry = case_entry(&ctx.actor, now, AuditAction::CaseReferred, &view.case);
            entry.detail = serde_json::json!({ "source": source.code(), "team_id": team_id });
            audit::append(tx, &entry).await?;
            Ok(view)
        })
    })
    .await
}

/// The household of a new referral must be one the worker may use, and its clients members of
/// it: field errors otherwise (a household the worker may not see reads as one that is not there).
async fn check_household(
    tx: &mut Tx,
    actor: &Actor,
    id: HouseholdId,
    clients: &[PersonId],
    errors: &mut Errors,
) -> Result<()> {
    let household = households::get(tx, id).await?;
    let visible = match &household {
        Some(h) => crate::households::relation(tx, actor, h).await? == Relation::OwnTeam,
        None => false,
    };
    match household.filter(|_| visible) {
        None => {
            errors.add("household_id", format!("no household with id {id} that you may use")).code("unknown_household");
        }
        Some(h) => {
            for (i, c) in clients.iter().enumerate() {
                if !h.members.iter().any(|m| m.id == *c) {
                    errors
                        .add(format!("client_ids[{i}]"), format!("person {c} is not a member of this household"))
                        .code("not_household_member");
                }
            }
        }
    }
    Ok(())
}
