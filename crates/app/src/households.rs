//! Registering households and their members, and reading them back.

use buurtteam_domain::address::{self, HouseNumber, HouseNumberError};
use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::codes::HouseholdRole;
use buurtteam_domain::ids::{DistrictId, HouseholdId, TeamId};
use buurtteam_domain::matching::fold;
use buurtteam_domain::person::{Bsn, check_name, normalise_phone, normalise_postcode};
use buurtteam_domain::policy::{Action, Actor, Relation};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::households::{self as store, Address, Household, NewPerson, Reach};
use buurtteam_store::{Tx, organisation};
use serde::Deserialize;

use crate::context::on_household;
use crate::refusals::Attempt;
use crate::{App, AppError, Result, audit_entry, authorise, input};

/// The most members one household may be registered with at once.
pub const MAX_MEMBERS: usize = 30;

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AddressInput {
    pub street: Option<String>,
    /// The house number (BAG `huisnummer`), 1 to 99999: `12` of 12a-bis.
    pub house_number: Option<i64>,
    /// The house letter (BAG `huisletter`), one letter: `a` of 12a-bis.
    pub house_letter: Option<String>,
    /// The addition (BAG `huisnummertoevoeging`), up to 4 letters or digits: `bis` of 12a-bis.
    pub house_number_addition: Option<String>,
    /// Dutch postcode, e.g. `3511 AB`.
    pub postcode: Option<String>,
    pub city: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberInput {
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    /// `YYYY-MM-DD`
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub birth_date: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<HouseholdRole>))]
    pub role: Option<String>,
    /// Optional burgerservicenummer; must pass the 11-test.
    pub bsn: Option<String>,
    /// Optional phone number, e.g. `06-12345678` or `+32 2 123 45 67` (stored as `+31612345678`).
    pub phone: Option<String>,
    /// Optional second phone number.
    pub other_phone: Option<String>,
    /// Optional e-mail address.
    pub email: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HouseholdInput {
    pub address: Option<AddressInput>,
    /// The district: it follows from the postcode where a postcode area of a neighbourhood
    /// holds it (then leave it out, or give that district); required where none does.
    pub district_id: Option<i64>,
    #[serde(default)]
    pub members: Vec<MemberInput>,
}

fn validate_members(errors: &mut Errors, members: &[MemberInput], today: jiff::civil::Date) -> Vec<NewPerson> {
    if members.is_empty() {
        errors.add("members", "at least one member is required").code("member_required");
    }
    if members.len() > MAX_MEMBERS {
        errors
            .add("members", format!("at most {MAX_MEMBERS} members"))
            .code("too_many_members")
            .arg("max", MAX_MEMBERS);
    }
    let mut out = Vec::new();
    for (i, m) in members.iter().enumerate() {
        let f = |name: &str| format!("members[{i}].{name}");
        let given = m.given_name.as_deref().map(str::trim).unwrap_or_default();
        if let Err(msg) = check_name(given) {
            input::name_error(errors, &f("given_name"), msg);
        }
        let family = m.family_name.as_deref().map(str::trim).unwrap_or_default();
        if let Err(msg) = check_name(family) {
            input::name_error(errors, &f("family_name"), msg);
        }
        let birth = input::birth_date(errors, &f("birth_date"), m.birth_date.as_deref(), today);
        let role = input::code(errors, &f("role"), m.role.as_deref(), HouseholdRole::parse, HouseholdRole::accepted);
        let bsn = match m.bsn.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
            None => None,
            Some(b) => match Bsn::parse(b) {
                Ok(bsn) => Some(bsn),
                Err(e) => {
                    errors.add(f("bsn"), e.to_string()).code("invalid_bsn");
                    None
                }
            },
        };
        let reach = read_reach(errors, &f, (m.phone.as_deref(), m.other_phone.as_deref(), m.email.as_deref()));
        if let (Some(birth_date), Some(role)) = (birth, role) {
            out.push(NewPerson {
                given_name: given.to_owned(),
                family_name: family.to_owned(),
                birth_date,
                role,
                bsn,
                reach,
            });
        }
    }
    out
}

/// A member's phone numbers and e-mail address, each optional, each refused beside its field
/// when it is no phone number or address.
pub(crate) fn read_reach(
    errors: &mut Errors,
    field: &dyn Fn(&str) -> String,
    (phone, other_phone, email): (Option<&str>, Option<&str>, Option<&str>),
) -> Reach {
    let (first, second) = (phone, other_phone);
    let mut phone = |name: &str, value: Option<&str>| match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => None,
        Some(v) => match normalise_phone(v) {
            Some(p) => Some(p),
            None => {
                errors
                    .add(field(name), "is not a phone number (e.g. 06-12345678, 030 123 45 67 or +32 2 123 45 67)")
                    .code("invalid_phone");
                None
            }
        },
    };
    let (phone_1, phone_2) = (phone("phone", first), phone("other_phone", second));
    let email = match email.map(str::trim).filter(|v| !v.is_empty()) {
        None => None,
        Some(e) if e.len() <= 254 && crate::organisation::valid_email(&e.to_lowercase()) => Some(e.to_lowercase()),
        Some(_) => {
            errors.add(field("email"), "is not an e-mail address (name@example.nl)").code("invalid_email");
            None
        }
    };
    Reach { phone: phone_1, other_phone: phone_2, email }
}

/// The house number from its three fields, each error beside its own field.
fn read_house_number(errors: &mut Errors, a: &AddressInput) -> Option<HouseNumber> {
    let number = match a.house_number {
        None => {
            errors.add("address.house_number", "is required (a number from 1 to 99999)").code("required");
            None
        }
        Some(n) => match HouseNumber::from_parts(n, None, None) {
            Ok(_) => Some(n),
            Err(e) => {
                errors.add("address.house_number", format!("{n} {e}")).code(e.code());
                None
            }
        },
    };
    let mut part = |field: &str, value: Option<&str>, check: fn(&str) -> std::result::Result<(), HouseNumberError>| {
        let given = value.map(str::trim).filter(|v| !v.is_empty());
        if let Some(Err(e)) = given.map(check) {
            errors.add(field, e.to_string()).code(e.code());
        }
    };
    part("address.house_letter", a.house_letter.as_deref(), |l| address::house_letter(l).map(|_| ()));
    part("address.house_number_addition", a.house_number_addition.as_deref(), |x| {
        address::house_number_addition(x).map(|_| ())
    });
    HouseNumber::from_parts(number?, a.house_letter.as_deref(), a.house_number_addition.as_deref()).ok()
}

pub async fn create(app: &App, actor: &Actor, input: &HouseholdInput) -> Result<Household> {
    authorise(app, actor, Relation::NoRecord, Action::CreateHousehold, Attempt::new(Refused::Household, "household"))
        .await?;
    let mut errors = Errors::default();
    let (address, district, members) = read_new(app, &mut errors, input).await?;
    errors.finish()?;
    let now = app.now();
    let district = district.unwrap_or(DistrictId(0));
    let actor = actor.clone();
    app.db
        .write(move |tx| {
            Box::pin(async move {
                let (id, _) = store::insert(tx, &address, district, &members, actor.user_id, now).await?;
                let mut entry = audit_entry(Some(&actor), now, AuditAction::HouseholdCreated, "household");
                entry.object_id = Some(id.0);
                entry.household_id = Some(id);
                entry.detail = serde_json::json!({ "members": members.len() });
                audit::append(tx, &entry).await?;
                store::get(tx, id).await?.ok_or(AppError::NotFound("household"))
            })
        })
        .await
}

/// A new household as the input gives it, every problem added to `errors` (the address with
/// its district, and the members); used by [`create`] and by a partner's referral.
pub(crate) async fn read_new(
    app: &App,
    errors: &mut Errors,
    input: &HouseholdInput,
) -> Result<(Address, Option<DistrictId>, Vec<NewPerson>)> {
    let empty = AddressInput::default();
    if input.address.is_none() {
        errors.add("address", "is required").code("required");
    }
    let a = input.address.as_ref().unwrap_or(&empty);
    let street = input::text(errors, "address.street", a.street.as_deref(), 200);
    let house_number = read_house_number(errors, a);
    let city = input::text(errors, "address.city", a.city.as_deref(), 100);
    let postcode = match a.postcode.as_deref() {
        None | Some("") => {
            errors.add("address.postcode", "is required").code("required");
            None
        }
        Some(p) => {
            let n = normalise_postcode(p);
            if n.is_none() {
                errors
                    .add("address.postcode", "is not a Dutch postcode (four digits and two letters, e.g. 3511 AB)")
                    .code("invalid_postcode");
            }
            n
        }
    };
    let today = app.today();
    let members = validate_members(errors, &input.members, today);
    let mut tx = app.db.begin_read().await?;
    let district = household_district(&mut tx, errors, postcode.as_deref(), input.district_id, today).await?;
    drop(tx);
    let address = Address {
        street: street.unwrap_or_default(),
        house_number: house_number.unwrap_or(HouseNumber { number: 0, letter: None, addition: None }),
        postcode: postcode.unwrap_or_default(),
        city: city.unwrap_or_default(),
    };
    Ok((address, district, members))
}

/// The district of a household: the one whose postcode area holds its postcode; where no
/// area in use holds it, the one chosen (`district_id`), which must exist and not have ended.
/// A chosen district other than the postcode's is refused beside `district_id`.
async fn household_district(
    tx: &mut Tx,
    errors: &mut Errors,
    postcode: Option<&str>,
    chosen: Option<i64>,
    today: jiff::civil::Date,
) -> Result<Option<DistrictId>> {
    let found = match postcode {
        Some(p) => crate::districts::district_of_postcode(tx, p, today).await?,
        None => None,
    };
    let districts = organisation::list_districts(tx).await?;
    let name = |d: DistrictId| districts.iter().find(|x| x.id == d).map_or_else(String::new, |x| x.name.clone());
    match (found, chosen.map(DistrictId)) {
        (Some(f), None) => Ok(Some(f)),
        (Some(f), Some(c)) if f == c => Ok(Some(f)),
        (Some(f), Some(_)) => {
            errors
                .add(
                    "district_id",
                    format!("the postcode lies in district {} (its postcode area): leave the district out or choose that one", name(f)),
                )
                .code("district_follows_postcode")
                .arg("name", name(f));
            Ok(None)
        }
        (None, None) => {
            if postcode.is_some() {
                errors
                    .add("district_id", "is required: no postcode area of a neighbourhood holds this postcode")
                    .code("district_required_no_area");
            } else {
                errors.add("district_id", "is required").code("required");
            }
            Ok(None)
        }
        (None, Some(c)) => match districts.iter().find(|d| d.id == c) {
            None => {
                errors.add("district_id", format!("no district has id {c}")).code("unknown_district");
                Ok(None)
            }
            Some(d) if !d.is_open_on(today) => {
                errors
                    .add("district_id", format!("the district {} has ended", d.name))
                    .code("district_ended")
                    .arg("name", &d.name);
                Ok(None)
            }
            Some(d) => Ok(Some(d.id)),
        },
    }
}

/// How the actor relates to a household: through a case of one of their teams, or as the
/// one who registered it while it has no case yet.
pub(crate) async fn relation(tx: &mut Tx, actor: &Actor, household: &Household) -> Result<Relation> {
    let teams = store::case_team_ids(tx, household.id).await?;
    let own =
        teams.iter().any(|t| actor.team_ids.contains(t)) || (teams.is_empty() && household.created_by == actor.user_id);
    Ok(if own { Relation::OwnTeam } else { Relation::OtherTeam })
}

/// Reads a household, on the household context: read and logged (`household.read`) in one
/// transaction. A household that does not exist and one the actor may not see are the same
/// 404, reached by the same work and logged as one refusal.
pub async fn get(app: &App, actor: &Actor, id: HouseholdId) -> Result<Household> {
    on_household(app, actor, id, Action::ReadHousehold, |tx, ctx, _| {
        Box::pin(async move {
            audit::append(tx, &ctx.entry(AuditAction::HouseholdRead)).await?;
            Ok(ctx.household)
        })
    })
    .await
}

/// What to search households by; raw input, all optional, at least one required.
#[derive(Debug, Default, Deserialize)]
pub struct SearchInput {
    pub name: Option<String>,
    /// `YYYY-MM-DD`
    pub birth_date: Option<String>,
    pub postcode: Option<String>,
    /// With the postcode: `12` (any letter or addition), `12a`, `12-bis`, `12a-1`.
    pub house_number: Option<String>,
    pub bsn: Option<String>,
}

/// A household found, with the cases it has (of any team: only their status and team show).
pub struct Found {
    pub household: Household,
    /// (case id, team, status, referred on); only cases of the actor's teams can be opened.
    pub cases: Vec<(i64, TeamId, CaseStatus, jiff::civil::Date)>,
}

/// The most households one search returns.
pub const SEARCH_LIMIT: i64 = 25;

/// Finds households the actor may see by name, birth date, postcode + house number or BSN.
/// Logged with the kinds of criteria and the households returned, never the values.
pub async fn search(app: &App, actor: &Actor, input: &SearchInput) -> Result<Vec<Found>> {
    let attempt = Attempt::new(Refused::Household, "household").with("view", "search");
    authorise(app, actor, Relation::NoRecord, Action::ListCases, attempt).await?;
    let mut errors = Errors::default();
    let name = input::optional_text(&mut errors, "name", input.name.as_deref(), 100);
    // Two letters or digits once folded: "ß" is "ss", "Ö-" is "o".
    if name.as_ref().is_some_and(|n| fold(n).len() < 2) {
        errors.add("name", "type at least 2 letters").code("name_too_short");
    }
    let birth_date = input::optional_date(&mut errors, "birth_date", input.birth_date.as_deref());
    let postcode = match input.postcode.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        None => None,
        Some(p) => {
            let n = normalise_postcode(p);
            if n.is_none() {
                errors
                    .add("postcode", "is not a Dutch postcode (four digits and two letters, e.g. 3511 AB)")
                    .code("invalid_postcode");
            }
            n
        }
    };
    let house_number = match input.house_number.as_deref().map(str::trim).filter(|h| !h.is_empty()) {
        None => None,
        Some(h) => match HouseNumber::parse(h) {
            Ok(h) => Some(h),
            Err(e) => {
                errors.add("house_number", e.to_string()).code(e.code());
                None
            }
        },
    };
    if house_number.is_some() && postcode.is_none() && input.postcode.as_deref().is_none_or(|p| p.trim().is_empty()) {
        errors.add("postcode", "is needed with a house number").code("postcode_with_house_number");
    }
    let bsn = match input.bsn.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
        None => None,
        Some(b) => match Bsn::parse(b) {
            Ok(bsn) => Some(bsn),
            Err(e) => {
                errors.add("bsn", e.to_string()).code("invalid_bsn");
                None
            }
        },
    };
    if errors.is_empty() && name.is_none() && birth_date.is_none() && postcode.is_none() && bsn.is_none() {
        errors
            .add("name", "fill in at least one of: name, birth date, postcode and house number, BSN")
            .code("search_empty");
    }
    errors.finish()?;
    let criteria: Vec<&str> = [
        name.is_some().then_some("name"),
        birth_date.is_some().then_some("birth_date"),
        postcode.is_some().then_some("postcode"),
        house_number.is_some().then_some("house_number"),
        bsn.is_some().then_some("bsn"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let query = store::Search { name, birth_date, postcode, house_number, bsn };
    let now = app.now();
    let mut tx = app.db.begin_read().await?;
    let ids = store::search(&mut tx, actor.user_id, &query, SEARCH_LIMIT).await?;
    let found = load_found(&mut tx, &ids).await?;
    drop(tx);
    let mut entry = audit_entry(Some(actor), now, AuditAction::HouseholdSearch, "household");
    entry.detail =
        serde_json::json!({ "criteria": criteria, "household_ids": ids.iter().map(|h| h.0).collect::<Vec<_>>() });
    audit::log(&app.db, entry).await?;
    Ok(found)
}

/// The households `ids` with their cases, in that order.
async fn load_found(tx: &mut Tx, ids: &[HouseholdId]) -> Result<Vec<Found>> {
    let mut found = Vec::with_capacity(ids.len());
    for id in ids {
        let Some(household) = store::get(tx, *id).await? else { continue };
        let cases = store::cases_of(tx, *id)
            .await?
            .into_iter()
            .filter_map(|(c, team, status, on)| CaseStatus::parse(&status).map(|s| (c, team, s, on)))
            .collect();
        found.push(Found { household, cases });
    }
    Ok(found)
}

/// Households the actor may see that the household about to be registered may duplicate: one
/// with a member of the same folded name (`domain::matching`, as the search folds) and birth
/// date as a member of `input`, or with the same BSN. Members whose fields are not valid yet
/// are left out; the registration reports them. Anything found is a read of client data and
/// logged as a search (`household.search`, criteria `duplicates`), like the search itself.
pub async fn possible_duplicates(app: &App, actor: &Actor, input: &HouseholdInput) -> Result<Vec<Found>> {
    let attempt = Attempt::new(Refused::Household, "household").with("view", "duplicates");
    authorise(app, actor, Relation::NoRecord, Action::CreateHousehold, attempt).await?;
    let mut ignored = Errors::default();
    let today = app.today();
    let mut people = Vec::new();
    let mut bsns = Vec::new();
    for (i, m) in input.members.iter().enumerate() {
        let given = m.given_name.as_deref().map(str::trim).unwrap_or_default();
        let family = m.family_name.as_deref().map(str::trim).unwrap_or_default();
        let birth =
            input::birth_date(&mut ignored, &format!("members[{i}].birth_date"), m.birth_date.as_deref(), today);
        if let Some(birth) = birth
            && check_name(given).is_ok()
            && check_name(family).is_ok()
        {
            people.push((given, family, birth));
        }
        if let Some(Ok(bsn)) = m.bsn.as_deref().map(str::trim).filter(|b| !b.is_empty()).map(Bsn::parse) {
            bsns.push(bsn);
        }
    }
    if people.is_empty() && bsns.is_empty() {
        return Ok(Vec::new());
    }
    let now = app.now();
    let mut tx = app.db.begin_read().await?;
    let bsn_refs: Vec<&Bsn> = bsns.iter().collect();
    let ids = store::possible_duplicates(&mut tx, actor.user_id, &people, &bsn_refs, SEARCH_LIMIT).await?;
    let found = load_found(&mut tx, &ids).await?;
    drop(tx);
    if !ids.is_empty() {
        let mut entry = audit_entry(Some(actor), now, AuditAction::HouseholdSearch, "household");
        entry.detail = serde_json::json!({
            "criteria": ["duplicates"], "household_ids": ids.iter().map(|h| h.0).collect::<Vec<_>>()
        });
        audit::log(&app.db, entry).await?;
    }
    Ok(found)
}
