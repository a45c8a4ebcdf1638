//! Outreach campaigns (issue 16, decision 0033): creating and changing campaigns, importing
//! signal files, the work basket and assigning its addresses, the organisation's weighing.
//! Every use case reads the actor's relation to the campaign ([`CampaignRelation::of`]), lets
//! `domain::policy::outreach` decide, acts and appends its audit row in one transaction.
//! A refusal is logged on its own after the transaction, as `team.access_refused` (object
//! `campaign`, `campaign_address` or `outreach_weighing`), as the other capabilities of the
//! teams' work log theirs; `app::outreach_attempts` does the same for attempts and funnels.

pub mod basket;
pub mod campaigns;

use buurtteam_domain::ids::DistrictId;
use buurtteam_domain::policy::outreach::{self as policy, CampaignRelation, OutreachAction};
use buurtteam_domain::policy::{Actor, Decision};
use buurtteam_store::Tx;
use buurtteam_store::audit::Refused;
use buurtteam_store::outreach::campaigns::{self as store, Campaign};

use crate::refusals::{self, Attempt};
use crate::{App, AppError, Result};

/// The districts of the actor's teams.
pub(crate) async fn actor_districts(tx: &mut Tx, actor: &Actor) -> Result<Vec<DistrictId>> {
    let all = buurtteam_store::districts::team_districts(tx).await?;
    Ok(all.into_iter().filter(|(t, _)| actor.team_ids.contains(t)).map(|(_, d)| d).collect())
}

/// The actor's relation to `campaign`.
pub(crate) fn relation(actor: &Actor, districts: &[DistrictId], campaign: &Campaign) -> CampaignRelation {
    CampaignRelation::of(actor.user_id, districts, &campaign.district_ids, &campaign.worker_ids())
}

/// Refuses with the policy's answer, logged: 404 where the campaign is not to be known
/// (portal accounts, or it does not exist), else 403.
pub(crate) async fn refuse(app: &App, actor: &Actor, object: &'static str, id: Option<i64>, hidden: bool) -> AppError {
    let mut attempt = Attempt::new(Refused::Team, object);
    if let Some(id) = id {
        attempt = attempt.on(id);
    }
    refuse_attempt(app, actor, attempt, object, hidden).await
}

/// Refuses `attempt` on `object`, logged: 404 when `hidden`, else 403.
pub(crate) async fn refuse_attempt(
    app: &App,
    actor: &Actor,
    attempt: Attempt,
    object: &'static str,
    hidden: bool,
) -> AppError {
    let error = if hidden {
        AppError::NotFound(object)
    } else {
        AppError::Forbidden(format!("your role may not do this with this {object}"))
    };
    refusals::refuse(app, Some(actor), attempt, error).await
}

/// Loads campaign `id` and checks `action` on it within `tx`: the transaction back with the
/// campaign, or (the transaction rolled back first, so the refusal's own row can be written)
/// the logged refusal.
pub(crate) async fn authorise(
    app: &App,
    mut tx: Tx,
    actor: &Actor,
    id: i64,
    action: OutreachAction,
) -> Result<(Tx, Campaign, CampaignRelation)> {
    let attempt = Attempt::new(Refused::Team, "campaign").on(id).with("attempted", action.code());
    let Some(campaign) = store::get(&mut tx, id).await? else {
        drop(tx);
        return Err(refuse_attempt(app, actor, attempt.with("exists", false), "campaign", true).await);
    };
    let districts = actor_districts(&mut tx, actor).await?;
    let rel = relation(actor, &districts, &campaign);
    match policy::decide(actor.role, rel, action) {
        Decision::Allow => Ok((tx, campaign, rel)),
        d => {
            drop(tx);
            let attempt = attempt.with("exists", true);
            Err(refuse_attempt(app, actor, attempt, "campaign", d == Decision::Hidden).await)
        }
    }
}

/// What the actor may do with a campaign (for the pages' buttons and the list).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Allowed {
    pub manage: bool,
    pub read_basket: bool,
    pub assign: bool,
    pub record_attempt: bool,
    pub read_funnel: bool,
}

impl Allowed {
    pub fn of(actor: &Actor, rel: CampaignRelation) -> Self {
        let ok = |a| policy::decide(actor.role, rel, a) == Decision::Allow;
        Self {
            manage: ok(OutreachAction::ManageCampaign),
            read_basket: ok(OutreachAction::ReadBasket),
            assign: ok(OutreachAction::AssignAddress),
            record_attempt: ok(OutreachAction::RecordAttempt),
            read_funnel: ok(OutreachAction::ReadFunnel),
        }
    }

    pub fn any(&self) -> bool {
        self.manage || self.read_basket || self.read_funnel
    }
}
