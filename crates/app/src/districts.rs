//! Setting up the organisation's map (admin only): districts (wijken) with their
//! neighbourhoods (buurten) and postcode areas, renamed with their history kept and ended
//! instead of deleted (decision 0019); and the district a postcode lies in.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::ids::{DistrictId, NeighbourhoodId};
use buurtteam_domain::policy::{Action, Actor};
use buurtteam_domain::postcode_area::PostcodeArea;
use buurtteam_domain::validation::Errors;
use buurtteam_store::Tx;
use buurtteam_store::audit;
use buurtteam_store::districts::{self as store, FormerName, Named, Neighbourhood};
use buurtteam_store::organisation::{self as org_store, District, Team};
use jiff::civil::Date;
use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::organisation::{duplicate, nullable, organisation_wide};
use crate::{App, AppError, Result, audit_entry, input};

/// A change of a district: a field left out stays as it is.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DistrictPatch {
    /// The new name; the former one stays in the history of names.
    pub name: Option<String>,
    /// `false` ends the district today (unless `ended_on` names the day); `true` undoes an end.
    pub active: Option<bool>,
    /// `YYYY-MM-DD`: the day from which the district takes no new households; `null` undoes it.
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub ended_on: Option<Option<String>>,
}

/// A new neighbourhood of a district, with its postcode areas.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NeighbourhoodInput {
    pub name: Option<String>,
    /// Postcode areas: `3511` (a PC4 area), `3511-3514`, or `3511 AB-3511 AZ` (part of one).
    /// An item may hold several, separated by commas, semicolons or line breaks.
    #[serde(default)]
    pub postcode_areas: Vec<String>,
}

/// A change of a neighbourhood: a field left out stays as it is; `postcode_areas` replaces
/// all its areas.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NeighbourhoodPatch {
    pub name: Option<String>,
    pub postcode_areas: Option<Vec<String>>,
    /// `false` ends the neighbourhood today (unless `ended_on` names the day); `true` undoes an end.
    pub active: Option<bool>,
    /// `YYYY-MM-DD`; `null` undoes an end.
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub ended_on: Option<Option<String>>,
}

/// The whole organisation as the admin page shows it.
pub struct Overview {
    pub districts: Vec<District>,
    pub neighbourhoods: Vec<Neighbourhood>,
    pub teams: Vec<Team>,
    /// Every recorded name, oldest first (the history of renames).
    pub names: Vec<FormerName>,
    pub today: Date,
}

/// Only the fields that differ between `before` and `after`: the `detail` of an admin
/// change (`{"before": {..}, "after": {..}}`; `before` is `null` for something created).
pub(crate) fn change(before: Value, after: Value) -> Value {
    let (Value::Object(b), Value::Object(a)) = (&before, &after) else {
        return json!({ "before": before, "after": after });
    };
    let (mut bo, mut ao) = (Map::new(), Map::new());
    for (k, v) in a {
        if b.get(k) != Some(v) {
            bo.insert(k.clone(), b.get(k).cloned().unwrap_or(Value::Null));
            ao.insert(k.clone(), v.clone());
        }
    }
    json!({ "before": bo, "after": ao })
}

/// Reads the end of something from `active` and `ended_on`: `None` leaves it as it is,
/// `Some(None)` undoes an end, `Some(Some(day))` ends it from `day`.
pub(crate) fn read_end(
    errors: &mut Errors,
    active: Option<bool>,
    ended_on: Option<&Option<String>>,
    today: Date,
) -> Option<Option<Date>> {
    match (active, ended_on) {
        (Some(true), Some(Some(_))) => {
            errors.add("ended_on", "cannot be given with \"active\": true").code("active_and_ended");
            None
        }
        (Some(true), _) | (None, Some(None)) => Some(None),
        (_, Some(Some(d))) => input::date(errors, "ended_on", Some(d)).map(Some),
        (Some(false), None | Some(None)) => Some(Some(today)),
        (None, None) => None,
    }
}

fn end_value(d: Option<Date>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.to_string()))
}

/// The postcode areas as written: each item may hold several, separated by commas,
/// semicolons or line breaks. Errors name `postcode_areas` with the area written.
fn read_areas(errors: &mut Errors, raw: &[String]) -> Vec<PostcodeArea> {
    let mut areas: Vec<PostcodeArea> = Vec::new();
    for written in raw.iter().flat_map(|r| r.split([',', ';', '\n'])).map(str::trim).filter(|w| !w.is_empty()) {
        match PostcodeArea::parse(written) {
            Ok(a) => {
                if let Some(other) = areas.iter().find(|o| o.overlaps(&a)) {
                    errors
                        .add("postcode_areas", format!("{a} overlaps {other}, given twice"))
                        .code("postcode_area_overlap_self")
                        .arg("area", &a)
                        .arg("other", other);
                } else {
                    areas.push(a);
                }
            }
            Err(e) => {
                errors.add("postcode_areas", format!("{written:?} {e}")).code(e.code()).arg("area", written);
            }
        }
    }
    areas.sort();
    areas
}

/// Refuses areas that overlap those of another neighbourhood in use (not ended by `today`, in
/// a district not ended): a postcode names one neighbourhood.
async fn check_overlap(
    tx: &mut Tx,
    errors: &mut Errors,
    own: Option<NeighbourhoodId>,
    areas: &[PostcodeArea],
    today: Date,
) -> Result<()> {
    let districts = org_store::list_districts(tx).await?;
    let open_district = |d: DistrictId| districts.iter().any(|x| x.id == d && x.is_open_on(today));
    for other in store::list_neighbourhoods(tx).await? {
        if Some(other.id) == own || other.ended_on.is_some_and(|e| e <= today) || !open_district(other.district_id) {
            continue;
        }
        for a in areas {
            if let Some(theirs) = other.areas.iter().find(|o| o.overlaps(a)) {
                let district = districts.iter().find(|d| d.id == other.district_id).map_or("", |d| d.name.as_str());
                errors
                    .add(
                        "postcode_areas",
                        format!("{a} overlaps {theirs} of neighbourhood {} ({district}); a postcode lies in one neighbourhood", other.name),
                    )
                    .code("postcode_area_overlap")
                    .arg("area", a)
                    .arg("other", theirs)
                    .arg("neighbourhood", &other.name);
            }
        }
    }
    Ok(())
}

fn areas_value(areas: &[PostcodeArea]) -> Value {
    Value::Array(areas.iter().map(|a| Value::String(a.to_string())).collect())
}

fn district_value(d: &District) -> Value {
    json!({ "name": d.name, "ended_on": end_value(d.ended_on) })
}

fn neighbourhood_value(n: &Neighbourhood) -> Value {
    json!({ "district_id": n.district_id.0, "name": n.name, "postcode_areas": areas_value(&n.areas), "ended_on": end_value(n.ended_on) })
}

async fn get_district(tx: &mut Tx, id: DistrictId) -> Result<District> {
    org_store::list_districts(tx).await?.into_iter().find(|d| d.id == id).ok_or(AppError::NotFound("district"))
}

/// Renames a district (the former name stays in the history) or ends it (admin only).
pub async fn change_district(app: &App, actor: &Actor, id: DistrictId, patch: &DistrictPatch) -> Result<District> {
    organisation_wide(app, actor, Action::ManageOrganisation, "district").await?;
    let today = app.today();
    let mut errors = Errors::default();
    let name = patch.name.as_deref().and_then(|n| input::text(&mut errors, "name", Some(n), 100));
    let end = read_end(&mut errors, patch.active, patch.ended_on.as_ref(), today);
    errors.finish()?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let before = get_district(&mut tx, id).await?;
    let after =
        District { id, name: name.unwrap_or_else(|| before.name.clone()), ended_on: end.unwrap_or(before.ended_on) };
    if after == before {
        return Ok(before);
    }
    if after.name != before.name {
        store::rename_district(&mut tx, id, &after.name)
            .await
            .map_err(duplicate("name", "A district with this name"))?;
        store::record_name(&mut tx, Named::District(id), &after.name, today, now).await?;
    }
    if after.ended_on != before.ended_on {
        store::set_district_ended(&mut tx, id, after.ended_on).await?;
    }
    let mut entry = audit_entry(Some(actor), now, AuditAction::DistrictChanged, "district");
    entry.object_id = Some(id.0);
    entry.detail = change(district_value(&before), district_value(&after));
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(after)
}

/// Adds a neighbourhood to a district, with its postcode areas (admin only).
pub async fn create_neighbourhood(
    app: &App,
    actor: &Actor,
    district: DistrictId,
    input: &NeighbourhoodInput,
) -> Result<Neighbourhood> {
    organisation_wide(app, actor, Action::ManageOrganisation, "neighbourhood").await?;
    let today = app.today();
    let mut errors = Errors::default();
    let name = input::text(&mut errors, "name", input.name.as_deref(), 100);
    let areas = read_areas(&mut errors, &input.postcode_areas);
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let d = get_district(&mut tx, district).await?;
    if !d.is_open_on(today) {
        return Err(AppError::Conflict {
            message: format!("the district ended on {}; it takes no new neighbourhoods", d.ended_on.unwrap_or(today)),
            current_status: None,
        });
    }
    check_overlap(&mut tx, &mut errors, None, &areas, today).await?;
    errors.finish()?;
    let name = name.unwrap_or_default();
    let id = store::insert_neighbourhood(&mut tx, district, &name, now)
        .await
        .map_err(duplicate("name", "A neighbourhood with this name in this district"))?;
    store::set_areas(&mut tx, id, &areas, now).await?;
    store::record_name(&mut tx, Named::Neighbourhood(id), &name, today, now).await?;
    let created = Neighbourhood { id, district_id: district, name, ended_on: None, areas };
    let mut entry = audit_entry(Some(actor), now, AuditAction::NeighbourhoodCreated, "neighbourhood");
    entry.object_id = Some(id.0);
    entry.detail = json!({ "before": null, "after": neighbourhood_value(&created) });
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(created)
}

/// Renames a neighbourhood, replaces its postcode areas, or ends it (admin only).
pub async fn change_neighbourhood(
    app: &App,
    actor: &Actor,
    id: NeighbourhoodId,
    patch: &NeighbourhoodPatch,
) -> Result<Neighbourhood> {
    organisation_wide(app, actor, Action::ManageOrganisation, "neighbourhood").await?;
    let today = app.today();
    let mut errors = Errors::default();
    let name = patch.name.as_deref().and_then(|n| input::text(&mut errors, "name", Some(n), 100));
    let areas = patch.postcode_areas.as_deref().map(|a| read_areas(&mut errors, a));
    let end = read_end(&mut errors, patch.active, patch.ended_on.as_ref(), today);
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let Some(before) = store::get_neighbourhood(&mut tx, id).await? else {
        return Err(AppError::NotFound("neighbourhood"));
    };
    let after = Neighbourhood {
        name: name.unwrap_or_else(|| before.name.clone()),
        areas: areas.unwrap_or_else(|| before.areas.clone()),
        ended_on: end.unwrap_or(before.ended_on),
        ..before.clone()
    };
    if after.ended_on.is_none_or(|e| e > today) && (after.areas != before.areas || after.ended_on != before.ended_on) {
        check_overlap(&mut tx, &mut errors, Some(id), &after.areas, today).await?;
    }
    errors.finish()?;
    if after == before {
        return Ok(before);
    }
    store::update_neighbourhood(&mut tx, &after)
        .await
        .map_err(duplicate("name", "A neighbourhood with this name in this district"))?;
    if after.name != before.name {
        store::record_name(&mut tx, Named::Neighbourhood(id), &after.name, today, now).await?;
    }
    if after.areas != before.areas {
        store::set_areas(&mut tx, id, &after.areas, now).await?;
    }
    let mut entry = audit_entry(Some(actor), now, AuditAction::NeighbourhoodChanged, "neighbourhood");
    entry.object_id = Some(id.0);
    entry.detail = change(neighbourhood_value(&before), neighbourhood_value(&after));
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(after)
}

/// The neighbourhoods of every district, with their postcode areas.
pub async fn list_neighbourhoods(app: &App, actor: &Actor) -> Result<Vec<Neighbourhood>> {
    organisation_wide(app, actor, Action::ReadOrganisation, "neighbourhood").await?;
    let mut tx = app.db.begin_read().await?;
    Ok(store::list_neighbourhoods(&mut tx).await?)
}

/// Districts, neighbourhoods, teams and the history of their names, for the admin page.
pub async fn overview(app: &App, actor: &Actor) -> Result<Overview> {
    organisation_wide(app, actor, Action::ManageOrganisation, "organisation").await?;
    let mut tx = app.db.begin_read().await?;
    Ok(Overview {
        districts: org_store::list_districts(&mut tx).await?,
        neighbourhoods: store::list_neighbourhoods(&mut tx).await?,
        teams: org_store::list_teams(&mut tx).await?,
        names: store::names(&mut tx).await?,
        today: app.today(),
    })
}

/// The district a household at `postcode` (normalised) belongs to, from the postcode area
/// that holds it; `None` when no area in use does.
pub(crate) async fn district_of_postcode(tx: &mut Tx, postcode: &str, today: Date) -> Result<Option<DistrictId>> {
    Ok(store::district_of_postcode(tx, postcode, today).await?.map(|(d, _)| d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn an_admin_change_names_only_what_changed() {
        let d = change(json!({"name": "Oost", "ended_on": null}), json!({"name": "Oost-Noord", "ended_on": null}));
        assert_eq!(d, json!({"before": {"name": "Oost"}, "after": {"name": "Oost-Noord"}}));
    }

    #[test]
    fn ending_and_undoing_an_end() {
        let today = date(2026, 12, 2);
        let mut e = Errors::default();
        assert_eq!(read_end(&mut e, Some(false), None, today), Some(Some(today)));
        assert_eq!(read_end(&mut e, None, Some(&Some("2027-01-01".into())), today), Some(Some(date(2027, 1, 1))));
        assert_eq!(read_end(&mut e, Some(true), None, today), Some(None));
        assert_eq!(read_end(&mut e, None, Some(&None), today), Some(None));
        assert_eq!(read_end(&mut e, None, None, today), None);
        assert!(e.is_empty());
        assert_eq!(read_end(&mut e, Some(true), Some(&Some("2027-01-01".into())), today), None);
        assert!(!e.is_empty());
    }

    #[test]
    fn areas_are_read_from_lists_and_lines() {
        let mut e = Errors::default();
        let a = read_areas(&mut e, &["3512, 3511\n3513 AA-3513 BZ".into(), "".into()]);
        assert!(e.is_empty());
        assert_eq!(a.iter().map(ToString::to_string).collect::<Vec<_>>(), ["3511", "3512", "3513 AA-3513 BZ"]);
        let _ = read_areas(&mut e, &["3511".into(), "3511 AB".into(), "35".into()]);
        let codes: Vec<&str> = e.0.iter().map(|f| f.code).collect();
        assert_eq!(codes, ["postcode_area_overlap_self", "invalid_postcode_area"]);
    }
}
