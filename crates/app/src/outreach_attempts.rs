//! Attempts to reach a campaign address, the referral an accepted offer creates, the campaign's
//! funnel, and the daily destruction of signal data of people who did not become clients
//! (issue 16, decision 0034).

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::case::{self, CaseStatus};
use buurtteam_domain::codes::{HouseholdRole, LifeDomain, ReferralSource};
use buurtteam_domain::ids::{CaseId, DistrictId, HouseholdId, PersonId, TeamId};
use buurtteam_domain::outreach::{Approach, AttemptResult, DeclineReason};
use buurtteam_domain::outreach_funnel::{self as rules, AddressStatus, Funnel, Refused};
use buurtteam_domain::policy::outreach::{CampaignRelation, OutreachAction, decide};
use buurtteam_domain::policy::{Actor, Decision};
use buurtteam_domain::validation::Errors;
use buurtteam_store::Tx;
use buurtteam_store::audit::Refused as RefusedKind;
use buurtteam_store::cases::{self as cases_store, NewCase, Referrer};
use buurtteam_store::outreach_attempts as store;
use buurtteam_store::{audit, households};
use jiff::SignedDuration;

use crate::refusals::{self, Attempt};
use crate::{App, AppError, Result, audit_entry, input};

/// The job that destroys signal data after the term.
pub const JOB: &str = "outreach.retention";
/// How often it runs.
pub const EVERY: SignedDuration = SignedDuration::from_hours(24);
/// The longest free text of a decline ("other" reason).
pub const MAX_DETAIL: usize = 500;

/// An attempt as the API and the form send it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttemptInput {
    pub approach: Option<String>,
    pub on: Option<String>,
    pub result: Option<String>,
    pub decline_reason: Option<String>,
    pub decline_detail: Option<String>,
    /// The birth date of the person who accepted, when the address is not matched to a known
    /// household (a new household needs it; the signal does not carry it).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub birth_date: Option<String>,
}

/// What recording an attempt led to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptRecorded {
    pub id: i64,
    pub address_id: i64,
    pub campaign_id: i64,
    /// The address's status after the attempt.
    pub status: AddressStatus,
    /// The referral an accepted offer created.
    pub case_id: Option<CaseId>,
}

/// A refused outreach action: the attempt to log (once the transaction is over) and the
/// answer. Logged as `team.access_refused`, as the other capabilities of a team's work are.
type Refusal = (Attempt, AppError);

/// Loads the address and decides `action` on its campaign for the actor: the address, or
/// the refusal (a 404 where the address or its campaign is not to be known).
async fn authorise(
    tx: &mut Tx,
    actor: &Actor,
    address: i64,
    action: OutreachAction,
) -> Result<std::result::Result<store::CampaignAddress, Refusal>> {
    let attempt = Attempt::new(RefusedKind::Team, "campaign_address").on(address).with("attempted", action.code());
    let not_found = || AppError::NotFound("campaign address");
    if !actor.role.is_staff() {
        return Ok(Err((attempt, not_found())));
    }
    let Some(a) = store::address(tx, address).await? else {
        return Ok(Err((attempt.with("exists", false), not_found())));
    };
    match relation_decision(tx, actor, a.campaign_id, action).await? {
        Ok(()) => Ok(Ok(a)),
        Err(error) => Ok(Err((attempt.with("exists", true).with("campaign_id", a.campaign_id), error))),
    }
}

/// The policy's answer on campaign `campaign` for the actor: `Ok(Err(..))` is the refusal.
async fn relation_decision(
    tx: &mut Tx,
    actor: &Actor,
    campaign: i64,
    action: OutreachAction,
) -> Result<std::result::Result<(), AppError>> {
    let Some((districts, workers)) = store::campaign_scope(tx, campaign).await? else {
        return Ok(Err(AppError::NotFound("campaign")));
    };
    let own = store::districts_of_teams(tx, &actor.team_ids).await?;
    let relation = CampaignRelation::of(actor.user_id, &own, &districts, &workers);
    Ok(match decide(actor.role, relation, action) {
        Decision::Allow => Ok(()),
        Decision::Hidden => Err(AppError::NotFound("campaign")),
        Decision::Deny => Err(AppError::Forbidden(format!(
            "only the campaign's outreach workers and the team managers of its districts may {}",
            match action {
                OutreachAction::ReadFunnel => "see its funnel",
                _ => "record attempts",
            }
        ))),
    })
}

/// Logs `refusal` and returns its answer.
async fn refused(app: &App, actor: &Actor, (attempt, error): Refusal) -> AppError {
    refusals::refuse(app, Some(actor), attempt, error).await
}

/// What a write did: done, or refused (logged after the transaction).
enum Outcome<T> {
    Done(T),
    Refused(Refusal),
}

/// Records an attempt on a campaign address. The address's status becomes the furthest stage
/// reached; `accepted` creates, in the same transaction, a referral (source `outreach`, the
/// campaign linked) on the team of the address's district, for the known household or a new
/// one made from the address and the signal's names.
pub async fn record_attempt(app: &App, actor: &Actor, address: i64, input: &AttemptInput) -> Result<AttemptRecorded> {
    let today = app.today();
    let mut errors = Errors::default();
    let approach = input::code(&mut errors, "approach", input.approach.as_deref(), Approach::parse, Approach::accepted);
    let on = input::past_date(&mut errors, "on", input.on.as_deref(), today);
    let result =
        input::code(&mut errors, "result", input.result.as_deref(), AttemptResult::parse, AttemptResult::accepted);
    let reason = input::optional_code(
        &mut errors,
        "decline_reason",
        input.decline_reason.as_deref(),
        DeclineReason::parse,
        DeclineReason::accepted,
    );
    let detail = input::optional_text(&mut errors, "decline_detail", input.decline_detail.as_deref(), MAX_DETAIL);
    let birth_date = match input.birth_date.as_deref() {
        Some(b) => input::birth_date(&mut errors, "birth_date", Some(b), today),
        None => None,
    };
    match (result, reason) {
        (Some(AttemptResult::Declined), None) if input.decline_reason.is_none() => {
            errors
                .add("decline_reason", format!("say why help was declined; one of: {}", DeclineReason::accepted()))
                .code("decline_reason_required");
        }
        (Some(r), Some(_)) if r != AttemptResult::Declined => {
            errors.add("decline_reason", "only with the result \"declined\"").code("decline_reason_not_declined");
        }
        _ => {}
    }
    if reason == Some(DeclineReason::Other) && detail.is_none() {
        errors
            .add("decline_detail", "say in a few words why (the reason is \"other\")")
            .code("decline_detail_required");
    }
    if detail.is_some() && result != Some(AttemptResult::Declined) {
        errors.add("decline_detail", "only with the result \"declined\"").code("decline_detail_not_declined");
    }
    let owned = app.clone();
    let actor = actor.clone();
    let birth_given = input.birth_date.is_some();
    let refused_by = actor.clone();
    let outcome = app
        .db
        .write(move |tx| {
            Box::pin(async move {
                let app = &owned;
                let a = match authorise(tx, &actor, address, OutreachAction::RecordAttempt).await? {
                    Ok(a) => a,
                    Err(refusal) => return Ok(Outcome::Refused(refusal)),
                };
                let accepting = result == Some(AttemptResult::Accepted);
                if accepting && a.household_id.is_none() && birth_date.is_none() && !birth_given {
                    errors
                        .add(
                            "birth_date",
                            "the address is not known to a team: give the birth date of the person who accepted",
                        )
                        .code("birth_date_required");
                }
                if a.destroyed_on.is_some() {
                    return Err(AppError::Conflict {
                        message: format!(
                            "the signal data of this address were destroyed on {}",
                            a.destroyed_on.unwrap_or(today)
                        ),
                        current_status: None,
                    });
                }
                errors.finish()?;
                let (Some(approach), Some(on), Some(result)) = (approach, on, result) else {
                    return Err(AppError::Internal("validated attempt lacks a field".into()));
                };
                let before = store::attempts(tx, address).await?;
                let fruitless =
                    before.iter().filter(|x| x.result.is_fruitless()).count() as u32 + u32::from(result.is_fruitless());
                let status = rules::next_status(a.status, result, fruitless, app.settings.outreach_unreachable_after)
                    .map_err(|Refused::AlreadyAccepted| AppError::Conflict {
                    message: "this address accepted help already; its referral is on the team's worklist".into(),
                    current_status: None,
                })?;
                let now = app.now();
                let id = store::insert_attempt(
                    tx,
                    &store::NewAttempt {
                        address_id: address,
                        approach,
                        on,
                        result,
                        decline_reason: reason,
                        decline_detail: detail.as_deref(),
                        by: actor.user_id,
                    },
                    now,
                )
                .await?;
                let referral = if accepting { Some(refer(app, tx, &actor, &a, on, birth_date).await?) } else { None };
                if status != a.status || referral.is_some() {
                    store::set_status(tx, address, a.status, status, referral, now).await?;
                }
                let mut entry =
                    audit_entry(Some(&actor), now, AuditAction::OutreachAttemptRecorded, "outreach_attempt");
                entry.object_id = Some(id);
                entry.case_id = referral.map(|(c, _)| c);
                entry.household_id = referral.map(|(_, h)| h).or(a.household_id);
                entry.detail = serde_json::json!({
                    "campaign_id": a.campaign_id, "address_id": address, "approach": approach.code(),
                    "result": result.code(), "status": status.code(),
                });
                audit::append(tx, &entry).await?;
                Ok(Outcome::Done(AttemptRecorded {
                    id,
                    address_id: address,
                    campaign_id: a.campaign_id,
                    status,
                    case_id: referral.map(|(c, _)| c),
                }))
            })
        })
        .await?;
    match outcome {
        Outcome::Done(r) => Ok(r),
        Outcome::Refused(refusal) => Err(refused(app, &refused_by, refusal).await),
    }
}

/// Opens the referral of an accepted offer: a case in state `referred` on the team of the
/// address's district, for the known household or a new one.
async fn refer(
    app: &App,
    tx: &mut Tx,
    actor: &Actor,
    a: &store::CampaignAddress,
    on: jiff::civil::Date,
    birth_date: Option<jiff::civil::Date>,
) -> Result<(CaseId, HouseholdId)> {
    let today = app.today();
    let no_team = || AppError::Conflict {
        message: "no open team serves the district of this address; a team manager registers the referral by hand"
            .into(),
        current_status: None,
    };
    let known = match a.household_id {
        Some(h) => households::get(tx, h).await?,
        None => None,
    };
    let district = a.district_id.or(known.as_ref().map(|h| h.district_id)).ok_or_else(no_team)?;
    let team = store::team_of_district(tx, district, today).await?.ok_or_else(no_team)?;
    let now = app.now();
    let (household, clients): (HouseholdId, Vec<PersonId>) = match known {
        Some(h) => {
            let adults: Vec<PersonId> =
                h.members.iter().filter(|m| m.role == HouseholdRole::Parent).map(|m| m.id).collect();
            let clients = if adults.is_empty() { h.members.iter().take(1).map(|m| m.id).collect() } else { adults };
            (h.id, clients)
        }
        None => {
            let (given, family) = store::signal_name(tx, a.id).await?.unwrap_or_default();
            let Some(birth_date) = birth_date else {
                return Err(AppError::Internal("new household without a birth date".into()));
            };
            let number = format!("{}{}{}", a.house_number, a.house_letter, a.house_number_addition);
            let house_number = buurtteam_domain::address::HouseNumber::parse(&number)
                .map_err(|_| AppError::Internal(format!("campaign address holds house number {number:?}")))?;
            let address = households::Address {
                street: a.street.clone(),
                house_number,
                postcode: a.postcode.clone(),
                city: String::new(),
            };
            let person = households::NewPerson {
                given_name: given,
                family_name: family,
                birth_date,
                role: HouseholdRole::Parent,
                bsn: None,
                reach: households::Reach::default(),
            };
            let (h, persons) = households::insert(tx, &address, district, &[person], actor.user_id, now).await?;
            (h, persons)
        }
    };
    let calendar = app.calendar(tx).await?;
    let intake_due_on = case::intake_due_on(&calendar, on);
    let request = "Hulp aangenomen na outreach (vroegsignalering of campagne).";
    let referrer = Referrer { organisation: None, name: None, source_other: None };
    let new = NewCase {
        household_id: household,
        team_id: team,
        referred_on: on,
        source: ReferralSource::Outreach,
        referrer: &referrer,
        request,
        client_ids: &clients,
        life_domains: &[LifeDomain::Finances],
        later_intake_requested_by: None,
        requested_intake_on: None,
        intake_due_on,
        next_due_on: case::next_due_on(CaseStatus::Referred, intake_due_on, None, None),
        created_by: actor.user_id,
    };
    let id = cases_store::insert(tx, &new, now).await?;
    store::set_case_campaign(tx, id, a.campaign_id).await?;
    let mut entry = audit_entry(Some(actor), now, AuditAction::CaseReferred, "case");
    entry.object_id = Some(id.0);
    entry.case_id = Some(id);
    entry.household_id = Some(household);
    entry.detail = serde_json::json!({ "source": "outreach", "team_id": team, "campaign_id": a.campaign_id });
    audit::append(tx, &entry).await?;
    Ok((id, household))
}

/// The attempts on an address, oldest first, and the referral they led to.
#[derive(Debug, Clone)]
pub struct Attempts {
    pub items: Vec<store::StoredAttempt>,
    /// The referral an accepted offer created: the case and the team it is on.
    pub referral: Option<Referral>,
}

/// The referral of an accepted offer, as the address page names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referral {
    pub case_id: CaseId,
    pub team_id: TeamId,
    pub team_name: String,
}

/// The attempts on an address (for its page), if the actor may see them.
pub async fn attempts(app: &App, actor: &Actor, address: i64) -> Result<Attempts> {
    let mut tx = app.db.begin_read().await?;
    let a = match authorise(&mut tx, actor, address, OutreachAction::ReadBasket).await? {
        Ok(a) => a,
        Err(refusal) => {
            drop(tx);
            return Err(refused(app, actor, refusal).await);
        }
    };
    let items = store::attempts(&mut tx, address).await?;
    let referral = match a.case_id {
        Some(case_id) => store::team_of_case(&mut tx, case_id).await?.map(|(team_id, team_name)| Referral {
            case_id,
            team_id,
            team_name,
        }),
        None => None,
    };
    Ok(Attempts { items, referral })
}

/// A campaign's funnel (counts only), if the actor may see it.
pub async fn funnel(app: &App, actor: &Actor, campaign: i64) -> Result<Funnel<DistrictId>> {
    let mut tx = app.db.begin_read().await?;
    let attempt =
        Attempt::new(RefusedKind::Team, "campaign").on(campaign).with("attempted", OutreachAction::ReadFunnel.code());
    let decision = if actor.role.is_staff() {
        relation_decision(&mut tx, actor, campaign, OutreachAction::ReadFunnel).await?
    } else {
        Err(AppError::NotFound("campaign"))
    };
    if let Err(error) = decision {
        drop(tx);
        return Err(refused(app, actor, (attempt, error)).await);
    }
    funnel_of(&mut tx, campaign).await
}

/// The funnel of one campaign, unchecked (dashboards decide for themselves).
pub async fn funnel_of(tx: &mut Tx, campaign: i64) -> Result<Funnel<DistrictId>> {
    let statuses = store::statuses_of_campaign(tx, campaign).await?;
    let mut attempts = store::attempts_of_campaign(tx, campaign).await?.into_iter().peekable();
    let mut addresses = Vec::with_capacity(statuses.len());
    for (id, district, status) in statuses {
        let mut own = Vec::new();
        // Both lists are ordered by address id.
        while let Some(a) = attempts.next_if(|a| a.address_id <= id) {
            if a.address_id == id {
                own.push(rules::Attempt { approach: a.approach, result: a.result, decline_reason: a.decline_reason });
            }
        }
        addresses.push(rules::Address { district, status, attempts: own });
    }
    Ok(rules::funnel(&addresses))
}

/// The daily job: destroys the signal data of addresses that did not become clients once the
/// term (`outreach_retention_months` after the last signal) has passed.
pub async fn destroy_due(app: &App) -> Result<String> {
    let today = app.today();
    let months = i32::try_from(app.settings.outreach_retention_months).unwrap_or(12);
    let before = today.checked_sub(jiff::Span::new().months(months)).unwrap_or(today);
    let owned = app.clone();
    let (addresses, signals) = app
        .db
        .write(move |tx| {
            Box::pin(async move {
                let now = owned.now();
                let due = store::due_for_destruction(tx, before).await?;
                let mut signals = 0;
                for id in &due {
                    signals += store::destroy_signal_data(tx, *id, today, now).await?;
                    let mut entry = audit_entry(None, now, AuditAction::OutreachSignalsDestroyed, "campaign_address");
                    entry.object_id = Some(*id);
                    audit::append(tx, &entry).await?;
                }
                Ok::<_, AppError>((due.len(), signals))
            })
        })
        .await?;
    Ok(format!("signal data of {addresses} addresses destroyed ({signals} signals)"))
}
