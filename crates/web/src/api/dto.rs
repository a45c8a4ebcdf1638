//! What the API answers: response bodies built from the use cases' results.

use buurtteam_app::cases::{CasePage, CaseView};
use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::codes::{
    ClosureDetail, ClosureReason, ContactForm, HouseholdRole, LaterIntakeRequestedBy, LifeDomain, ReferralSource, Role,
    TeamKind,
};
use buurtteam_store::cases::Contact;
use buurtteam_store::households::Household;
use buurtteam_store::organisation::{District, Team, User};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct UserOut {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub team_ids: Vec<i64>,
}

impl From<&User> for UserOut {
    fn from(u: &User) -> Self {
        Self {
            id: u.id.0,
            email: u.email.clone(),
            name: u.name.clone(),
            role: u.role,
            team_ids: u.team_ids.iter().map(|t| t.0).collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DistrictOut {
    pub id: i64,
    pub name: String,
    /// From this day on the district takes no new households; `null` while in use.
    pub ended_on: Option<Date>,
}

impl From<District> for DistrictOut {
    fn from(d: District) -> Self {
        Self { id: d.id.0, name: d.name, ended_on: d.ended_on }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TeamOut {
    pub id: i64,
    pub name: String,
    pub kind: TeamKind,
    /// The first district the team serves; absent for city-wide teams.
    pub district_id: Option<i64>,
    /// Every district the team serves.
    pub district_ids: Vec<i64>,
    /// How families reach the team, shown in Mijn Buurtteam; `null` when not set.
    pub phone: Option<String>,
    pub email: Option<String>,
    /// From this day on the team takes no new referrals; `null` while in use.
    pub ended_on: Option<Date>,
}

impl From<Team> for TeamOut {
    fn from(t: Team) -> Self {
        Self {
            id: t.id.0,
            name: t.name,
            kind: t.kind,
            district_id: t.district_id.map(|d| d.0),
            district_ids: t.district_ids.iter().map(|d| d.0).collect(),
            phone: t.phone,
            email: t.email,
            ended_on: t.ended_on,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ClosureDayOut {
    pub day: Date,
    pub description: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ListOut<T: ToSchema> {
    pub items: Vec<T>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AddressOut {
    pub street: String,
    /// The house number (BAG `huisnummer`), 1 to 99999.
    pub house_number: u32,
    /// The house letter (BAG `huisletter`), lowercase: `a` of 12a.
    pub house_letter: Option<String>,
    /// The addition (BAG `huisnummertoevoeging`), lowercase, up to 4 characters: `bis` of 12-bis.
    pub house_number_addition: Option<String>,
    pub postcode: String,
    pub city: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PersonOut {
    pub id: i64,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: Date,
    pub role: HouseholdRole,
    pub bsn: Option<String>,
    /// Normalised, e.g. `+31612345678`.
    pub phone: Option<String>,
    pub other_phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HouseholdOut {
    pub id: i64,
    pub address: AddressOut,
    pub district_id: i64,
    pub members: Vec<PersonOut>,
}

impl From<buurtteam_store::households::Person> for PersonOut {
    fn from(m: buurtteam_store::households::Person) -> Self {
        Self {
            id: m.id.0,
            given_name: m.given_name,
            family_name: m.family_name,
            birth_date: m.birth_date,
            role: m.role,
            bsn: m.bsn.map(String::from),
            phone: m.reach.phone,
            other_phone: m.reach.other_phone,
            email: m.reach.email,
        }
    }
}

impl From<Household> for HouseholdOut {
    fn from(h: Household) -> Self {
        Self {
            id: h.id.0,
            address: AddressOut {
                street: h.address.street,
                house_number: h.address.house_number.number,
                house_letter: h.address.house_number.letter.map(String::from),
                house_number_addition: h.address.house_number.addition,
                postcode: h.address.postcode,
                city: h.address.city,
            },
            district_id: h.district_id.0,
            members: h.members.into_iter().map(PersonOut::from).collect(),
        }
    }
}

/// A household found by a search, with the cases of your teams it has.
#[derive(Debug, Serialize, ToSchema)]
pub struct HouseholdFoundOut {
    pub id: i64,
    pub address: AddressOut,
    pub district_id: i64,
    pub members: Vec<PersonOut>,
    /// Its cases in your teams (cases of other teams are not listed).
    pub cases: Vec<CaseRefOut>,
}

/// A case named beside a household.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseRefOut {
    pub id: i64,
    pub team_id: i64,
    pub status: CaseStatus,
    pub referred_on: Date,
}

impl HouseholdFoundOut {
    /// `found` as `actor` may see it: only the cases of their teams.
    pub fn of(found: buurtteam_app::households::Found, actor: &buurtteam_domain::policy::Actor) -> Self {
        let cases = found
            .cases
            .into_iter()
            .filter(|(_, team, _, _)| actor.team_ids.contains(team))
            .map(|(id, team, status, on)| CaseRefOut { id, team_id: team.0, status, referred_on: on })
            .collect();
        let h = HouseholdOut::from(found.household);
        Self { id: h.id, address: h.address, district_id: h.district_id, members: h.members, cases }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ClientOut {
    pub id: i64,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: Date,
}

/// A case (begeleiding) with its deadlines and what follows from them today.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseOut {
    pub id: i64,
    pub household_id: i64,
    pub team_id: i64,
    pub status: CaseStatus,
    pub referred_on: Date,
    pub source: ReferralSource,
    /// The organisation that referred.
    pub referrer_organisation: Option<String>,
    /// The person who referred.
    pub referrer_name: Option<String>,
    /// With `source` `other`: who or what referred.
    pub source_other: Option<String>,
    pub request: String,
    /// Household members with their own request for help.
    pub client_ids: Vec<i64>,
    pub clients: Vec<ClientOut>,
    pub life_domains: Vec<LifeDomain>,
    pub later_intake_requested_by: Option<LaterIntakeRequestedBy>,
    pub requested_intake_on: Option<Date>,
    /// The 5th working day after the referral.
    pub intake_due_on: Date,
    /// While waiting for the intake: working days until `intake_due_on` (negative: overdue).
    pub intake_working_days_left: Option<i32>,
    pub intake_held_on: Option<Date>,
    pub intake_on_time: Option<bool>,
    pub intake_worker_id: Option<i64>,
    /// The family worker who carries the case.
    pub worker_id: Option<i64>,
    /// 14 calendar days after the intake.
    pub start_due_on: Option<Date>,
    pub started_on: Option<Date>,
    pub start_on_time: Option<bool>,
    pub start_within_4_weeks: Option<bool>,
    pub closed_on: Option<Date>,
    pub closure_reason: Option<ClosureReason>,
    pub closure_detail: Option<ClosureDetail>,
    pub closure_summary: Option<String>,
    /// The deadline the worklist sorts by.
    pub next_due_on: Option<Date>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// Set when the referral was voided as registered by mistake: it counts in no list or figure.
    pub voided: Option<VoidedOut>,
}

/// Who voided a referral, when and why.
#[derive(Debug, Serialize, ToSchema)]
pub struct VoidedOut {
    pub voided_on: Date,
    pub voided_by: Option<i64>,
    pub reason_code: buurtteam_domain::codes::VoidReason,
    pub reason: String,
}

impl From<CaseView> for CaseOut {
    fn from(v: CaseView) -> Self {
        let c = v.case;
        Self {
            id: c.id.0,
            household_id: c.household_id.0,
            team_id: c.team_id.0,
            status: c.status,
            referred_on: c.referred_on,
            source: c.source,
            referrer_organisation: c.referrer.organisation,
            referrer_name: c.referrer.name,
            source_other: c.referrer.source_other,
            request: c.request,
            client_ids: c.clients.iter().map(|p| p.person_id.0).collect(),
            clients: c
                .clients
                .into_iter()
                .map(|p| ClientOut {
                    id: p.person_id.0,
                    given_name: p.given_name,
                    family_name: p.family_name,
                    birth_date: p.birth_date,
                })
                .collect(),
            life_domains: c.life_domains,
            later_intake_requested_by: c.later_intake_requested_by,
            requested_intake_on: c.requested_intake_on,
            intake_due_on: c.intake_due_on,
            intake_working_days_left: v.intake_working_days_left,
            intake_held_on: c.intake_held_on,
            intake_on_time: v.intake_on_time,
            intake_worker_id: c.intake_worker_id.map(|u| u.0),
            worker_id: c.worker_id.map(|u| u.0),
            start_due_on: c.start_due_on,
            started_on: c.started_on,
            start_on_time: v.start_on_time,
            start_within_4_weeks: v.start_within_4_weeks,
            closed_on: c.closed_on,
            closure_reason: c.closure_reason,
            closure_detail: c.closure_detail,
            closure_summary: c.closure_summary,
            next_due_on: c.next_due_on,
            created_at: c.created_at,
            updated_at: c.updated_at,
            voided: c.voided.map(|v| VoidedOut {
                voided_on: v.on,
                voided_by: v.by.map(|u| u.0),
                reason_code: v.code,
                reason: v.reason,
            }),
        }
    }
}

/// A page of the worklist.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseListOut {
    pub items: Vec<CaseOut>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
    /// The `offset` of the next page, if there is one.
    pub next_offset: Option<i64>,
}

impl From<CasePage> for CaseListOut {
    fn from(p: CasePage) -> Self {
        let end = p.offset + p.items.len() as i64;
        Self {
            next_offset: (end < p.total).then_some(end),
            items: p.items.into_iter().map(CaseOut::from).collect(),
            total: p.total,
            limit: p.limit,
            offset: p.offset,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ContactOut {
    pub id: i64,
    pub case_id: i64,
    pub contact_on: Date,
    pub form: ContactForm,
    pub minutes: i32,
    /// Household members who took part.
    pub participants: Vec<i64>,
    pub other_participants: Option<String>,
    /// A short summary for the team (never shown in Mijn Buurtteam).
    pub summary: Option<String>,
    /// The partner organisation that took part (a three-way conversation, driegesprek).
    pub partner_id: Option<i64>,
    /// The name of that partner.
    pub partner_name: Option<String>,
    pub recorded_by: i64,
    pub created_at: Timestamp,
}

impl From<Contact> for ContactOut {
    fn from(c: Contact) -> Self {
        Self {
            id: c.id.0,
            case_id: c.case_id.0,
            contact_on: c.contact_on,
            form: c.form,
            minutes: c.minutes,
            participants: c.participant_ids.iter().map(|p| p.0).collect(),
            other_participants: c.other_participants,
            summary: c.summary,
            partner_id: c.partner.as_ref().map(|p| p.0.0),
            partner_name: c.partner.map(|p| p.1),
            recorded_by: c.recorded_by.0,
            created_at: c.created_at,
        }
    }
}
