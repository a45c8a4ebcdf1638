//! Referrals from partners (issue 15 part 3; decision 0041): a partner organisation's account
//! submits a referral for a family (a new household and a case on the team of the household's
//! district), with the family's consent, and reads back only its own organisation's
//! referrals with their status in words.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::case::{self, CaseStatus};
use buurtteam_domain::codes::{LifeDomain, ReferralSource, TeamKind};
use buurtteam_domain::ids::{CaseId, DistrictId, PartnerId, PersonId, TeamId};
use buurtteam_domain::partner_referrals::{ConsentBy, ReferralStatus, source_for};
use buurtteam_domain::policy::partner_referrals::{Act, Whose, decide};
use buurtteam_domain::policy::{Actor, Decision};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::cases::{self as case_store, NewCase, Referrer};
use buurtteam_store::partner_referrals as store;
use buurtteam_store::partners::{self, Partner};
use buurtteam_store::{Tx, households, organisation};
use serde::Deserialize;

use crate::households::HouseholdInput;
use crate::refusals::{self, Attempt};
use crate::{App, AppError, Result, audit_entry, input};

/// A referral from a partner: the fields of `POST /api/v1/cases` for a new household (the
/// household's address and members instead of its id; the clients by their position among
/// the members), plus the family's consent. The source and referrer follow from the partner.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerReferralInput {
    /// The family: address (its district follows from the postcode) and members.
    #[serde(flatten)]
    pub household: HouseholdInput,
    /// The members with their own request for help, by position in `members` (from 0).
    #[serde(default)]
    pub client_members: Vec<usize>,
    /// The request for help in words.
    pub request: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<LifeDomain>))]
    #[serde(default)]
    pub life_domains: Vec<String>,
    /// The person at the partner who referred, e.g. "Mw. De Vries, praktijkondersteuner"
    /// (optional; the account's name when left out).
    pub referrer_name: Option<String>,
    /// Who gave consent for the referral.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<ConsentBy>))]
    pub consent_by: Option<String>,
    /// The day consent was given, `YYYY-MM-DD`, not in the future.
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub consent_on: Option<String>,
}

/// A referral as its partner sees it: the case's id and its status, nothing else.
#[derive(Debug, Clone)]
pub struct SubmittedReferral {
    pub id: CaseId,
    pub referred_on: jiff::civil::Date,
    pub status: ReferralStatus,
}

/// The partner organisation of a partner account, after the policy allowed `act`. Anyone
/// else is refused (403 for staff, 404 otherwise) and the refusal logged.
async fn own_partner(app: &App, actor: &Actor, act: Act) -> Result<Partner> {
    let mut tx = app.db.begin_read().await?;
    let partner = match store::partner_of_user(&mut tx, actor.user_id).await? {
        Some(id) => partners::get(&mut tx, id).await?,
        None => None,
    };
    drop(tx);
    let refusal = match (decide(actor.role, Whose::Own, act), partner) {
        (Decision::Allow, Some(p)) => return Ok(p),
        (Decision::Deny, _) => AppError::Forbidden("only a partner organisation's account refers here".into()),
        _ => AppError::NotFound("partner_referral"),
    };
    let attempt = Attempt::new(Refused::Organisation, "partner_referral").with("attempted", act.code());
    Err(refusals::refuse(app, Some(actor), attempt, refusal).await)
}

/// The partner organisation of the actor's account, for its own start page (`/partner`);
/// anyone else is refused as [`list`] refuses them.
pub async fn own_organisation(app: &App, actor: &Actor) -> Result<Partner> {
    own_partner(app, actor, Act::List).await
}

/// The districts (wijken) a partner chooses from on its referral form when the family's
/// postcode lies in no postcode area: only the names of those not ended, by name. District
/// names are public, not case data; the partner's form asks for them only when needed
/// (decision 0041). Anyone but a partner account is refused as [`submit`] refuses them.
pub async fn district_choices(app: &App, actor: &Actor) -> Result<Vec<(DistrictId, String)>> {
    own_partner(app, actor, Act::Submit).await?;
    let today = app.today();
    let mut tx = app.db.begin_read().await?;
    let mut out: Vec<(DistrictId, String)> = organisation::list_districts(&mut tx)
        .await?
        .into_iter()
        .filter(|d| d.is_open_on(today))
        .map(|d| (d.id, d.name))
        .collect();
    out.sort_by_key(|(_, n)| n.to_lowercase());
    Ok(out)
}

/// The team a referral from a partner goes to: the open neighbourhood team serving the
/// household's district (the lowest id when more than one does), as a referral registered
/// by the team itself would be placed.
async fn team_of_district(tx: &mut Tx, district: DistrictId, today: jiff::civil::Date) -> Result<Option<TeamId>> {
    let teams = organisation::list_teams(tx).await?;
    Ok(teams
        .iter()
        .filter(|t| t.kind == TeamKind::Neighbourhood && t.is_open_on(today) && t.district_ids.contains(&district))
        .map(|t| t.id)
        .min())
}

/// Submits a referral from a partner: a new household and a case on its district's team,
/// with the partner as referrer and the family's consent. Without consent nothing is saved.
pub async fn submit(app: &App, actor: &Actor, input: &PartnerReferralInput) -> Result<SubmittedReferral> {
    let partner = own_partner(app, actor, Act::Submit).await?;
    let today = app.today();
    if partner.fields.ended_on.is_some_and(|e| e <= today) {
        let attempt = Attempt::new(Refused::Organisation, "partner_referral").with("reason", "partner_ended");
        let refusal = AppError::Forbidden("the partner organisation has ended and makes no new referrals".into());
        return Err(refusals::refuse(app, Some(actor), attempt, refusal).await);
    }
    let mut errors = Errors::default();
    let consent_by =
        input::code(&mut errors, "consent_by", input.consent_by.as_deref(), ConsentBy::parse, ConsentBy::accepted);
    let consent_on = input::past_date(&mut errors, "consent_on", input.consent_on.as_deref(), today);
    let request = input::long_text(&mut errors, "request", input.request.as_deref(), crate::cases::MAX_REQUEST_LENGTH);
    let referrer_name = input::optional_text(&mut errors, "referrer_name", input.referrer_name.as_deref(), 200);
    let life_domains = input::life_domains(&mut errors, &input.life_domains);
    if input.client_members.is_empty() {
        errors
            .add("client_members", "name at least one member who has their own request for help")
            .code("client_required");
    }
    for (i, m) in input.client_members.iter().enumerate() {
        if *m >= input.household.members.len() {
            errors
                .add(format!("client_members[{i}]"), format!("there is no member {m} (members count from 0)"))
                .code("not_household_member");
        }
    }
    let (address, district, members) = crate::households::read_new(app, &mut errors, &input.household).await?;
    let mut client_members = input.client_members.clone();
    client_members.sort_unstable();
    client_members.dedup();
    let now = app.now();
    let actor = actor.clone();
    let source = source_for(partner.kind);
    let app = app.clone();
    app.clone()
        .db
        .write(move |tx| {
            Box::pin(async move {
                let team = match district {
                    Some(d) => team_of_district(tx, d, today).await?,
                    None => None,
                };
                if district.is_some() && team.is_none() {
                    errors
                        .add("address.postcode", "no team works in this district yet; call the team instead")
                        .code("no_team_for_district");
                }
                errors.finish()?;
                let (Some(team_id), Some(district), Some(consent_by), Some(consent_on), Some(request)) =
                    (team, district, consent_by, consent_on, request)
                else {
                    return Err(AppError::Internal("validated partner referral lacks a field".into()));
                };
                let (household_id, person_ids) =
                    households::insert(tx, &address, district, &members, actor.user_id, now).await?;
                let client_ids: Vec<PersonId> =
                    client_members.iter().filter_map(|i| person_ids.get(*i).copied()).collect();
                let calendar = app.calendar(tx).await?;
                let intake_due_on = case::intake_due_on(&calendar, today);
                let referrer = Referrer {
                    organisation: Some(partner.fields.name.clone()),
                    name: referrer_name.or_else(|| Some(partner_contact(&partner))).filter(|n| !n.is_empty()),
                    source_other: (source == ReferralSource::Other)
                        .then(|| format!("{} ({})", partner.fields.name, partner.kind.label_nl())),
                };
                let new = NewCase {
                    household_id,
                    team_id,
                    referred_on: today,
                    source,
                    referrer: &referrer,
                    request: &request,
                    client_ids: &client_ids,
                    life_domains: &life_domains,
                    later_intake_requested_by: None,
                    requested_intake_on: None,
                    intake_due_on,
                    next_due_on: case::next_due_on(CaseStatus::Referred, intake_due_on, None, None),
                    created_by: actor.user_id,
                };
                let id = case_store::insert(tx, &new, now).await?;
                store::set_referrer(tx, id, partner.id, consent_by, consent_on).await?;
                let mut entry = audit_entry(Some(&actor), now, AuditAction::PartnerReferralSubmitted, "case");
                entry.object_id = Some(id.0);
                entry.case_id = Some(id);
                entry.household_id = Some(household_id);
                entry.detail = serde_json::json!({
                    "partner_id": partner.id.0,
                    "source": source.code(),
                    "team_id": team_id.0,
                    "members": members.len(),
                    "consent_by": consent_by.code(),
                    "consent_on": consent_on.to_string(),
                });
                audit::append(tx, &entry).await?;
                Ok(SubmittedReferral { id, referred_on: today, status: ReferralStatus::Received })
            })
        })
        .await
}

fn partner_contact(partner: &Partner) -> String {
    partner.fields.contact_person.clone()
}

/// The referrals of the actor's partner organisation, newest first, with their status; the
/// read is logged (`partner_referral.list`).
pub async fn list(app: &App, actor: &Actor) -> Result<Vec<SubmittedReferral>> {
    let partner = own_partner(app, actor, Act::List).await?;
    let now = app.now();
    let actor = actor.clone();
    let id: PartnerId = partner.id;
    app.db
        .write(move |tx| {
            Box::pin(async move {
                let rows = store::list(tx, id).await?;
                let mut entry = audit_entry(Some(&actor), now, AuditAction::PartnerReferralsListed, "partner");
                entry.object_id = Some(id.0);
                entry.detail = serde_json::json!({ "count": rows.len() });
                audit::append(tx, &entry).await?;
                Ok(rows
                    .into_iter()
                    .map(|r| SubmittedReferral {
                        id: r.case_id,
                        referred_on: r.referred_on,
                        status: ReferralStatus::of(r.status, r.intake_planned_on),
                    })
                    .collect())
            })
        })
        .await
}
