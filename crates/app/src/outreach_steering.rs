//! The outreach funnel of the steering dashboards (issue 16): per campaign, the cumulative
//! funnel of its addresses in the dashboard's scope as it stood at the end of the period, split
//! by approach, district and decline reason, exact or with small counts suppressed.
//!
//! Who sees it follows the dashboards' rule per scope (`policy::kpi_disclosure`): the family
//! workers and team managers of a team see their team's figures exactly; team managers and
//! analysts see a district or the city with small counts suppressed; nobody else sees the
//! section. Only counts leave this module, never an address.

use buurtteam_domain::ids::DistrictId;
use buurtteam_domain::outreach::CampaignKind;
use buurtteam_domain::outreach_funnel::{self as rules, AddressStatus};
use buurtteam_domain::outreach_steering::{self as shown, ShownFunnel};
use buurtteam_domain::policy::{self, Actor, Disclosure, Relation};
use buurtteam_store::kpi::Scope;
use buurtteam_store::outreach::campaigns as campaigns_store;
use buurtteam_store::outreach_attempts as store;
use buurtteam_store::{Tx, organisation};
use jiff::civil::Date;

use crate::{App, Result};

/// One campaign's funnel as the dashboard shows it.
#[derive(Debug, Clone)]
pub struct CampaignFunnel {
    pub id: i64,
    pub name: String,
    pub kind: CampaignKind,
    pub starts_on: Date,
    pub funnel: ShownFunnel<DistrictId>,
}

/// The outreach section of a dashboard.
#[derive(Debug, Clone)]
pub struct Steering {
    pub disclosure: Disclosure,
    /// The day the funnels stand at (the end of the period).
    pub until: Date,
    /// The campaigns started by `until` that cover the scope, newest first.
    pub campaigns: Vec<CampaignFunnel>,
}

/// The outreach funnels of `scope` as they stood at the end of `until`, or `None` when the
/// actor may not read the dashboards of that scope.
pub async fn read(app: &App, actor: &Actor, scope: Scope, until: Date) -> Result<Option<Steering>> {
    let relation = match scope {
        Scope::Team(t) => policy::relation_to_team(actor, t),
        Scope::District(_) | Scope::City => Relation::NoRecord,
    };
    let Some(disclosure) = policy::kpi_disclosure(actor.role, relation) else { return Ok(None) };
    let suppressed = disclosure == Disclosure::SmallCountsSuppressed;
    let mut tx = app.db.begin_read().await?;
    let in_scope: Option<Vec<DistrictId>> = match scope {
        Scope::City => None,
        Scope::District(d) => Some(vec![d]),
        Scope::Team(t) => Some(
            organisation::list_teams(&mut tx)
                .await?
                .into_iter()
                .find(|x| x.id == t)
                .map(|x| x.district_ids)
                .unwrap_or_default(),
        ),
    };
    let mut campaigns = Vec::new();
    for c in campaigns_store::list(&mut tx).await? {
        if c.starts_on > until {
            continue;
        }
        if let Some(ds) = &in_scope
            && !c.district_ids.iter().any(|d| ds.contains(d))
        {
            continue;
        }
        let f =
            funnel_until(&mut tx, c.id, in_scope.as_deref(), until, app.settings.outreach_unreachable_after).await?;
        campaigns.push(CampaignFunnel {
            id: c.id,
            name: c.name,
            kind: c.kind,
            starts_on: c.starts_on,
            funnel: shown::show(&f, suppressed),
        });
    }
    campaigns.sort_by(|a, b| b.starts_on.cmp(&a.starts_on).then(b.id.cmp(&a.id)));
    Ok(Some(Steering { disclosure, until, campaigns }))
}

/// The funnel of a campaign's addresses in `districts` (all when `None`) as it stood at the end
/// of `until`: each address's status replayed from its attempts up to that day, by the rules
/// that recorded them.
pub async fn funnel_until(
    tx: &mut Tx,
    campaign: i64,
    districts: Option<&[DistrictId]>,
    until: Date,
    unreachable_after: u32,
) -> Result<rules::Funnel<DistrictId>> {
    let statuses = store::statuses_of_campaign(tx, campaign).await?;
    let mut attempts = store::attempts_of_campaign(tx, campaign).await?.into_iter().peekable();
    let mut addresses = Vec::with_capacity(statuses.len());
    for (id, district, _) in statuses {
        let mut own = Vec::new();
        // Both lists are ordered by address id.
        while let Some(a) = attempts.next_if(|a| a.address_id <= id) {
            if a.address_id == id && a.on <= until {
                own.push(rules::Attempt { approach: a.approach, result: a.result, decline_reason: a.decline_reason });
            }
        }
        if districts.is_some_and(|ds| !district.is_some_and(|d| ds.contains(&d))) {
            continue;
        }
        addresses.push(rules::Address { district, status: replay(&own, unreachable_after), attempts: own });
    }
    Ok(rules::funnel(&addresses))
}

/// The status the attempts lead to, in order.
fn replay(attempts: &[rules::Attempt], unreachable_after: u32) -> AddressStatus {
    let mut status = AddressStatus::Open;
    let mut fruitless = 0;
    for a in attempts {
        if a.result.is_fruitless() {
            fruitless += 1;
        }
        status = rules::next_status(status, a.result, fruitless, unreachable_after).unwrap_or(status);
    }
    status
}
