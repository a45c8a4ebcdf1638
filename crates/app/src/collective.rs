//! The collective approach (collectieve aanpak, issue 19): meetings of parents, young people
//! and professionals (with youth health care and the municipality) around a shared question
//! in a district, recorded by family workers and team managers for the districts their teams
//! serve (`policy::group_support`). Only counts by kind, never names; the signals gathered are
//! stored with names and numbers removed (decision 0029). Analysts see the counts on the
//! dashboards (`kpi::groups`).

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::group_support::{
    MAX_PARTICIPANTS, MAX_PARTNERS, MAX_SIGNALS, MAX_THEME, Participants, clean_signals,
};
use buurtteam_domain::ids::{DistrictId, TeamId};
use buurtteam_domain::policy::group_support::{self as policy, GroupSupportAction};
use buurtteam_domain::policy::{Actor, Decision, Relation};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::group_support::{self as store, CollectiveActivity, NewCollectiveActivity};
use buurtteam_store::organisation::{self, District, Team};
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Deserialize;

use crate::refusals::{self, Attempt};
use crate::{App, AppError, Result, audit_entry, input};

/// `POST /api/v1/collective-activities`, and the form on `/groups/collective`.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CollectiveActivityInput {
    /// The district the meeting was held for.
    pub district_id: Option<i64>,
    /// The team recording it; by default the first of the actor's teams serving the district.
    pub team_id: Option<i64>,
    /// The day it was held, `YYYY-MM-DD` (not in the future).
    pub held_on: Option<String>,
    /// The shared question or theme ("pesten op school").
    pub theme: Option<String>,
    /// The partners involved (JGZ, the municipality's MO, a school ...), at most 20.
    #[serde(default)]
    pub partners: Vec<String>,
    /// How many parents, young people and professionals took part (0 to 10,000 each).
    pub parents: Option<i64>,
    pub young_people: Option<i64>,
    pub professionals: Option<i64>,
    /// The signals gathered: never about a named family. Names and numbers are removed
    /// before it is stored.
    pub signals: Option<String>,
}

/// The query of the list: a district and a period (by default the last twelve months).
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct CollectiveQuery {
    /// Only this district (one the actor's teams serve); by default all of them.
    #[serde(rename = "districtId", alias = "district_id")]
    pub district_id: Option<i64>,
    /// First day, `YYYY-MM-DD`; by default a year before `to`.
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`; by default today.
    pub to: Option<String>,
}

/// A recorded activity, and whether names or numbers were taken out of its signals.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    pub activity: CollectiveActivity,
    pub signals_redacted: bool,
}

/// The districts of the actor's teams, with the activities of the period.
#[derive(Debug, Clone, PartialEq)]
pub struct CollectiveList {
    pub from: Date,
    pub to: Date,
    /// Each district the actor may read, with its activities (newest first).
    pub districts: Vec<(District, Vec<CollectiveActivity>)>,
    /// The actor's teams, for the form's team choice.
    pub teams: Vec<Team>,
}

/// Whether one of the actor's teams serves `district` (a city-wide team serves every one).
fn serves(teams: &[Team], actor: &Actor, district: DistrictId) -> Option<TeamId> {
    teams
        .iter()
        .filter(|t| actor.team_ids.contains(&t.id) && t.ended_on.is_none())
        .find(|t| t.district_ids.is_empty() || t.district_ids.contains(&district))
        .map(|t| t.id)
}

async fn refuse(app: &App, actor: &Actor, action: GroupSupportAction, district: Option<i64>) -> AppError {
    let mut attempt = Attempt::new(Refused::Organisation, "district").with("attempted", action.code());
    if let Some(d) = district {
        attempt = attempt.on(d);
    }
    let refusal = AppError::Forbidden(format!("you may not {} there", action.code().replace('_', " ")));
    refusals::refuse(app, Some(actor), attempt, refusal).await
}

/// Records a collective activity: validates every field (422), checks that one of the actor's
/// teams serves the district (403 otherwise), removes names and numbers from the signals and
/// stores it with its audit row.
pub async fn record(app: &App, actor: &Actor, input: &CollectiveActivityInput) -> Result<Recorded> {
    let today = app.today();
    let mut errors = Errors::default();
    let district = input::id(&mut errors, "district_id", input.district_id);
    let held_on = input::past_date(&mut errors, "held_on", input.held_on.as_deref(), today);
    let theme = input::text(&mut errors, "theme", input.theme.as_deref(), MAX_THEME);
    let mut partners = Vec::new();
    for (i, p) in input.partners.iter().enumerate() {
        if let Some(p) = input::optional_text(&mut errors, &format!("partners[{i}]"), Some(p), MAX_THEME)
            && !partners.contains(&p)
        {
            partners.push(p);
        }
    }
    if partners.len() > MAX_PARTNERS {
        errors.add("partners", format!("names at most {MAX_PARTNERS} partners")).code("too_many");
    }
    let mut count = |field: &str, v: Option<i64>| -> u64 {
        match v {
            Some(n @ 0..=MAX_PARTICIPANTS) => n as u64,
            Some(_) => {
                errors
                    .add(field, format!("is a whole number from 0 to {MAX_PARTICIPANTS}"))
                    .code("out_of_range")
                    .arg("min", 0)
                    .arg("max", MAX_PARTICIPANTS);
                0
            }
            None => {
                errors.add(field, "is required (0 when nobody of this kind took part)").code("required");
                0
            }
        }
    };
    let participants = Participants {
        parents: count("parents", input.parents),
        young_people: count("young_people", input.young_people),
        professionals: count("professionals", input.professionals),
    };
    if participants.total() == 0 && input.parents.is_some() && input.young_people.is_some() {
        errors.add("parents", "nobody took part: a meeting has participants").code("no_participants");
    }
    let signals = input::optional_long_text(&mut errors, "signals", input.signals.as_deref(), MAX_SIGNALS);
    let mut tx = app.db.begin_read().await?;
    let teams = organisation::list_teams(&mut tx).await?;
    let districts = organisation::list_districts(&mut tx).await?;
    drop(tx);
    if let Some(d) = district
        && !districts.iter().any(|x| x.id.0 == d)
    {
        errors.add("district_id", format!("there is no district with id {d}")).code("unknown_district");
    }
    if let Some(t) = input.team_id
        && !actor.team_ids.contains(&TeamId(t))
    {
        errors.add("team_id", "is not one of your teams").code("not_your_team");
    }
    errors.finish()?;
    let district = DistrictId(district.unwrap_or_default());
    let action = GroupSupportAction::RecordCollectiveActivity;
    let serving = serves(&teams, actor, district);
    let relation = if serving.is_some() { Relation::OwnTeam } else { Relation::OtherTeam };
    if policy::decide(actor.role, relation, action) != Decision::Allow {
        return Err(refuse(app, actor, action, Some(district.0)).await);
    }
    // The team named must serve the district too; by default the first that does.
    let team = match input.team_id.map(TeamId) {
        Some(t) => {
            let own: Vec<Team> = teams.iter().filter(|x| x.id == t).cloned().collect();
            if serves(&own, actor, district).is_none() {
                return Err(crate::plan::invalid("team_id", "does not serve this district", "team_not_in_district"));
            }
            t
        }
        None => serving.unwrap_or(TeamId(0)),
    };
    let (signals, signals_redacted) = clean_signals(signals.as_deref().unwrap_or_default());
    let theme = theme.unwrap_or_default();
    let held_on = held_on.unwrap_or(today);
    let now = app.now();
    let mut entry = audit_entry(Some(actor), now, AuditAction::CollectiveActivityRecorded, "collective_activity");
    let by = actor.user_id;
    let activity = app
        .db
        .write(move |tx| {
            Box::pin(async move {
                let new = NewCollectiveActivity {
                    team_id: team,
                    district_id: district,
                    held_on,
                    theme: &theme,
                    partners: &partners,
                    participants,
                    signals: &signals,
                };
                let id = store::insert_collective_activity(tx, &new, by, now).await?;
                entry.object_id = Some(id);
                entry.detail = serde_json::json!({
                    "district_id": district.0, "team_id": team.0, "held_on": held_on.to_string(),
                    "parents": participants.parents, "young_people": participants.young_people,
                    "professionals": participants.professionals, "signals_redacted": signals_redacted,
                });
                audit::append(tx, &entry).await?;
                store::collective_activity(tx, id).await?.ok_or(AppError::Internal("activity not read back".into()))
            })
        })
        .await?;
    Ok(Recorded { activity, signals_redacted })
}

/// The collective activities of the districts the actor's teams serve (or of the one asked
/// for: 403 when none of the actor's teams serves it), in a period.
pub async fn list(app: &App, actor: &Actor, q: &CollectiveQuery) -> Result<CollectiveList> {
    let today = app.today();
    let mut errors = Errors::default();
    let to = input::optional_date(&mut errors, "to", q.to.as_deref()).unwrap_or(today);
    let from = input::optional_date(&mut errors, "from", q.from.as_deref())
        .unwrap_or_else(|| to.checked_sub(1.year()).ok().and_then(|d| d.tomorrow().ok()).unwrap_or(to));
    if from > to {
        errors.add("from", format!("{from} lies after to ({to})")).code("from_after_to");
    }
    if let Some(d) = q.district_id
        && d <= 0
    {
        errors.add("district_id", format!("{d} is not an id (a positive whole number)")).code("not_an_id");
    }
    errors.finish()?;
    let mut tx = app.db.begin_read().await?;
    let teams = organisation::list_teams(&mut tx).await?;
    let districts = organisation::list_districts(&mut tx).await?;
    drop(tx);
    if let Some(d) = q.district_id
        && !districts.iter().any(|x| x.id.0 == d)
    {
        return Err(AppError::NotFound("district"));
    }
    let action = GroupSupportAction::ReadCollectiveActivities;
    let readable: Vec<District> = districts
        .into_iter()
        .filter(|d| q.district_id.is_none_or(|x| x == d.id.0))
        .filter(|d| {
            let relation = if serves(&teams, actor, d.id).is_some() { Relation::OwnTeam } else { Relation::OtherTeam };
            policy::decide(actor.role, relation, action) == Decision::Allow
        })
        .collect();
    if readable.is_empty() {
        return Err(refuse(app, actor, action, q.district_id).await);
    }
    let now = app.now();
    let mut entry = audit_entry(Some(actor), now, AuditAction::CollectiveActivitiesRead, "collective_activity");
    entry.detail = serde_json::json!({
        "from": from.to_string(), "to": to.to_string(),
        "district_ids": readable.iter().map(|d| d.id.0).collect::<Vec<_>>(),
    });
    let own_teams: Vec<Team> = teams.into_iter().filter(|t| actor.team_ids.contains(&t.id)).collect();
    let out = app
        .db
        .write(move |tx| {
            Box::pin(async move {
                let mut out = Vec::new();
                for d in readable {
                    let list = store::collective_activities(tx, d.id, from, to).await?;
                    out.push((d, list));
                }
                audit::append(tx, &entry).await?;
                Ok::<_, AppError>(out)
            })
        })
        .await?;
    Ok(CollectiveList { from, to, districts: out, teams: own_teams })
}
