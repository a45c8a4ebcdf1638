//! Cases (begeleidingen): the referral, its clients and life domains, the lifecycle dates,
//! and the contact moments.

use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::codes::VoidReason;
use buurtteam_domain::codes::{
    ClosureDetail, ClosureReason, ContactForm, LaterIntakeRequestedBy, LifeDomain, ReferralSource,
};
use buurtteam_domain::ids::{CaseId, ContactId, HouseholdId, PartnerId, PersonId, TeamId, UserId};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, StoreError, Tx, parse_code, sql_date, sql_ts};

/// A client of a case: a household member with their own request for help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client {
    pub person_id: PersonId,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: Date,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub id: CaseId,
    pub household_id: HouseholdId,
    pub team_id: TeamId,
    pub status: CaseStatus,
    pub referred_on: Date,
    pub source: ReferralSource,
    pub referrer: Referrer,
    pub request: String,
    pub later_intake_requested_by: Option<LaterIntakeRequestedBy>,
    pub requested_intake_on: Option<Date>,
    pub intake_due_on: Date,
    pub intake_held_on: Option<Date>,
    pub intake_worker_id: Option<UserId>,
    pub worker_id: Option<UserId>,
    pub start_due_on: Option<Date>,
    pub started_on: Option<Date>,
    pub closed_on: Option<Date>,
    pub closure_reason: Option<ClosureReason>,
    pub closure_detail: Option<ClosureDetail>,
    pub closure_summary: Option<String>,
    pub next_due_on: Option<Date>,
    /// The next evaluation of the family plan, when one is planned (it shows on the worklist).
    pub next_evaluation_on: Option<Date>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub clients: Vec<Client>,
    pub life_domains: Vec<LifeDomain>,
    /// Set when the referral was voided as registered by mistake (decision 0020): the case
    /// is then left out of every list and figure.
    pub voided: Option<Voided>,
}

/// Who voided a referral, when and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voided {
    pub on: Date,
    pub at: Timestamp,
    pub by: Option<UserId>,
    pub code: VoidReason,
    pub reason: String,
}

impl Case {
    /// The clients' names, e.g. "Priya Öztürk, Deniz Öztürk".
    pub fn clients_label(&self) -> String {
        self.clients.iter().map(|c| format!("{} {}", c.given_name, c.family_name)).collect::<Vec<_>>().join(", ")
    }
}

/// Who referred, besides the kind of referrer (`source`); each part optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Referrer {
    /// The organisation, e.g. "OBS De Vuurvogel".
    pub organisation: Option<String>,
    /// The person there, e.g. "mevrouw Jansen, intern begeleider".
    pub name: Option<String>,
    /// For the source `other`: what it was, in words.
    pub source_other: Option<String>,
}

pub struct NewCase<'a> {
    pub household_id: HouseholdId,
    pub team_id: TeamId,
    pub referred_on: Date,
    pub source: ReferralSource,
    pub referrer: &'a Referrer,
    pub request: &'a str,
    pub client_ids: &'a [PersonId],
    pub life_domains: &'a [LifeDomain],
    pub later_intake_requested_by: Option<LaterIntakeRequestedBy>,
    pub requested_intake_on: Option<Date>,
    pub intake_due_on: Date,
    pub next_due_on: Option<Date>,
    pub created_by: UserId,
}

pub async fn insert(tx: &mut Tx, new: &NewCase<'_>, now: Timestamp) -> Result<CaseId> {
    let id: i64 = on!(tx, |c| {
        sqlx::query_scalar(
        // The case keeps the district its household lives in at referral (docs/kpi.md, "Scope").
        "INSERT INTO cases (household_id, district_id, team_id, status, referred_on, source, request, \
         later_intake_requested_by, requested_intake_on, intake_due_on, next_due_on, created_by, created_at, updated_at, \
         referrer_organisation, referrer_name, source_other) \
         VALUES ($1, (SELECT h.district_id FROM households h WHERE h.id = $1), $2, $3, $4, $5, $6, $7, $8, $9, $10, \
         $11, $12, $12, $13, $14, $15) RETURNING id"
    )
    .bind(new.household_id.0)
    .bind(new.team_id.0)
    .bind(CaseStatus::Referred.code())
    .bind(sql_date(new.referred_on))
    .bind(new.source.code())
    .bind(new.request)
    .bind(new.later_intake_requested_by.map(|r| r.code()))
    .bind(new.requested_intake_on.map(sql_date))
    .bind(sql_date(new.intake_due_on))
    .bind(new.next_due_on.map(sql_date))
    .bind(new.created_by.0)
    .bind(sql_ts(now))
    .bind(new.referrer.organisation.as_deref())
    .bind(new.referrer.name.as_deref())
    .bind(new.referrer.source_other.as_deref())
    .fetch_one(&mut *c)
    .await
    })?;
    for person in new.client_ids {
        exec!(tx, |c| sqlx::query("INSERT INTO case_clients (case_id, person_id) VALUES ($1, $2)")
            .bind(id)
            .bind(person.0)
            .execute(&mut *c)
            .await)?;
    }
    for domain in new.life_domains {
        exec!(tx, |c| sqlx::query("INSERT INTO case_life_domains (case_id, life_domain) VALUES ($1, $2)")
            .bind(id)
            .bind(domain.code())
            .execute(&mut *c)
            .await)?;
    }
    Ok(CaseId(id))
}

#[derive(sqlx::FromRow)]
struct CaseRow {
    id: i64,
    household_id: i64,
    team_id: i64,
    status: String,
    referred_on: jiff_sqlx::Date,
    source: String,
    request: String,
    later_intake_requested_by: Option<String>,
    requested_intake_on: Option<jiff_sqlx::Date>,
    intake_due_on: jiff_sqlx::Date,
    intake_held_on: Option<jiff_sqlx::Date>,
    intake_worker_id: Option<i64>,
    worker_id: Option<i64>,
    start_due_on: Option<jiff_sqlx::Date>,
    started_on: Option<jiff_sqlx::Date>,
    closed_on: Option<jiff_sqlx::Date>,
    closure_reason: Option<String>,
    closure_detail: Option<String>,
    closure_summary: Option<String>,
    next_due_on: Option<jiff_sqlx::Date>,
    next_evaluation_on: Option<jiff_sqlx::Date>,
    created_at: jiff_sqlx::Timestamp,
    updated_at: jiff_sqlx::Timestamp,
    referrer_organisation: Option<String>,
    referrer_name: Option<String>,
    source_other: Option<String>,
    voided_on: Option<jiff_sqlx::Date>,
    voided_at: Option<jiff_sqlx::Timestamp>,
    voided_by: Option<i64>,
    void_reason_code: Option<String>,
    void_reason: Option<String>,
}

const CASE_COLUMNS: &str = "SELECT c.id, c.household_id, c.team_id, c.status, c.referred_on, c.source, c.request, \
    c.later_intake_requested_by, c.requested_intake_on, c.intake_due_on, c.intake_held_on, c.intake_worker_id, \
    c.worker_id, c.start_due_on, c.started_on, c.closed_on, c.closure_reason, c.closure_detail, c.closure_summary, \
    c.next_due_on, c.next_evaluation_on, c.created_at, c.updated_at, c.referrer_organisation, c.referrer_name, \
    c.source_other, c.voided_on, c.voided_at, c.voided_by, c.void_reason_code, c.void_reason FROM cases c";

fn opt_code<T>(column: &str, v: Option<String>, parse: impl Fn(&str) -> Option<T>) -> Result<Option<T>> {
    v.map(|s| parse_code(column, &s, &parse)).transpose()
}

impl CaseRow {
    fn into_case(self) -> Result<Case> {
        let d = |x: Option<jiff_sqlx::Date>| x.map(|v| v.to_jiff());
        Ok(Case {
            id: CaseId(self.id),
            household_id: HouseholdId(self.household_id),
            team_id: TeamId(self.team_id),
            status: parse_code("cases.status", &self.status, CaseStatus::parse)?,
            referred_on: self.referred_on.to_jiff(),
            source: parse_code("cases.source", &self.source, ReferralSource::parse)?,
            referrer: Referrer {
                organisation: self.referrer_organisation,
                name: self.referrer_name,
                source_other: self.source_other,
            },
            request: self.request,
            later_intake_requested_by: opt_code(
                "cases.later_intake_requested_by",
                self.later_intake_requested_by,
                LaterIntakeRequestedBy::parse,
            )?,
            requested_intake_on: d(self.requested_intake_on),
            intake_due_on: self.intake_due_on.to_jiff(),
            intake_held_on: d(self.intake_held_on),
            intake_worker_id: self.intake_worker_id.map(UserId),
            worker_id: self.worker_id.map(UserId),
            start_due_on: d(self.start_due_on),
            started_on: d(self.started_on),
            closed_on: d(self.closed_on),
            closure_reason: opt_code("cases.closure_reason", self.closure_reason, ClosureReason::parse)?,
            closure_detail: opt_code("cases.closure_detail", self.closure_detail, ClosureDetail::parse)?,
            closure_summary: self.closure_summary,
            next_due_on: d(self.next_due_on),
            next_evaluation_on: d(self.next_evaluation_on),
            created_at: self.created_at.to_jiff(),
            updated_at: self.updated_at.to_jiff(),
            clients: Vec::new(),
            life_domains: Vec::new(),
            voided: match (self.voided_on, self.voided_at, self.void_reason_code) {
                (Some(on), Some(at), Some(code)) => Some(Voided {
                    on: on.to_jiff(),
                    at: at.to_jiff(),
                    by: self.voided_by.map(UserId),
                    code: parse_code("cases.void_reason_code", &code, VoidReason::parse)?,
                    reason: self.void_reason.unwrap_or_default(),
                }),
                _ => None,
            },
        })
    }
}

/// Loads clients and life domains for `cases` in two queries, whatever their number.
/// Fills in the clients and life domains of `cases` (two queries for the lot).
pub async fn attach_children(tx: &mut Tx, cases: &mut [Case]) -> Result<()> {
    if cases.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = cases.iter().map(|c| c.id.0).collect();
    let clients: Vec<(i64, i64, String, String, jiff_sqlx::Date)> = on!(tx, |c| {
        let mut qb = sqlx::QueryBuilder::new(
            "SELECT cc.case_id, p.id, p.given_name, p.family_name, p.birth_date FROM case_clients cc \
             JOIN persons p ON p.id = cc.person_id WHERE cc.case_id IN (",
        );
        let mut list = qb.separated(", ");
        for id in &ids {
            list.push_bind(*id);
        }
        qb.push(") ORDER BY p.id");
        qb.build_query_as().fetch_all(&mut *c).await
    })?;
    let domains: Vec<(i64, String)> = on!(tx, |c| {
        let mut qb = sqlx::QueryBuilder::new("SELECT case_id, life_domain FROM case_life_domains WHERE case_id IN (");
        let mut list = qb.separated(", ");
        for id in &ids {
            list.push_bind(*id);
        }
        qb.push(") ORDER BY life_domain");
        qb.build_query_as().fetch_all(&mut *c).await
    })?;
    for case in cases.iter_mut() {
        case.clients = clients
            .iter()
            .filter(|row| row.0 == case.id.0)
            .map(|(_, pid, given, family, birth)| Client {
                person_id: PersonId(*pid),
                given_name: given.clone(),
                family_name: family.clone(),
                birth_date: birth.to_jiff(),
            })
            .collect();
        case.life_domains = domains
            .iter()
            .filter(|row| row.0 == case.id.0)
            .map(|(_, code)| parse_code("case_life_domains.life_domain", code, LifeDomain::parse))
            .collect::<Result<_>>()?;
    }
    Ok(())
}

/// The team and household of a case, with one query: what deciding access to it needs.
pub async fn team_and_household(tx: &mut Tx, id: CaseId) -> Result<Option<(TeamId, HouseholdId)>> {
    let row: Option<(i64, i64)> = on!(tx, |c| sqlx::query_as("SELECT team_id, household_id FROM cases WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut *c)
        .await)?;
    Ok(row.map(|(team, household)| (TeamId(team), HouseholdId(household))))
}

pub async fn get(tx: &mut Tx, id: CaseId) -> Result<Option<Case>> {
    let sql = format!("{CASE_COLUMNS} WHERE c.id = $1");
    let row: Option<CaseRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id.0).fetch_optional(&mut *c).await)?;
    let Some(row) = row else { return Ok(None) };
    let mut cases = vec![row.into_case()?];
    attach_children(tx, &mut cases).await?;
    Ok(cases.pop())
}

/// The cases `ids` (those that exist), in no particular order, with their clients and life
/// domains. Callers decide access first (the agenda's queries apply it).
pub async fn get_many(tx: &mut Tx, ids: &[CaseId]) -> Result<Vec<Case>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<CaseRow> = on!(tx, |c| {
        let mut qb = sqlx::QueryBuilder::new(format!("{CASE_COLUMNS} WHERE c.id IN ("));
        let mut list = qb.separated(", ");
        for id in ids {
            list.push_bind(id.0);
        }
        qb.push(")");
        qb.build_query_as().fetch_all(&mut *c).await
    })?;
    let mut cases = rows.into_iter().map(CaseRow::into_case).collect::<Result<Vec<_>>>()?;
    attach_children(tx, &mut cases).await?;
    Ok(cases)
}

/// Which cases a list returns, besides the access scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    /// Everything not closed.
    #[default]
    Open,
    Only(CaseStatus),
    All,
}

/// The order of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListOrder {
    /// Earliest next deadline first (the worklist).
    #[default]
    Due,
    /// Longest waiting first (the waiting list).
    Oldest,
    /// Most recently changed first.
    RecentlyActive,
}

#[derive(Debug, Clone, Copy)]
pub struct ListQuery {
    /// Only cases of teams this user is a member of: the access rule applied inside the query.
    pub member: UserId,
    pub team_id: Option<TeamId>,
    pub status: StatusFilter,
    /// Only cases this worker carries ...
    pub worker: Option<UserId>,
    /// ... and, with a worker, also those nobody carries yet (new referrals to pick up).
    pub unassigned_too: bool,
    pub order: ListOrder,
    pub limit: i64,
    pub offset: i64,
}

/// The worklist: cases of the member's teams, earliest due date first (cases without a
/// due date last), and the total number matching.
pub async fn list(tx: &mut Tx, q: &ListQuery) -> Result<(Vec<Case>, i64)> {
    let (mut cases, total) = list_without_children(tx, q).await?;
    attach_children(tx, &mut cases).await?;
    Ok((cases, total))
}

/// `list` without clients and life domains, for callers that attach them for several lists at
/// once (`attach_children`).
pub async fn list_without_children(tx: &mut Tx, q: &ListQuery) -> Result<(Vec<Case>, i64)> {
    // One literal condition per filter (not `$n IS NULL OR ...`), so that the planner sees
    // it and uses the partial index of open cases or the per-status index.
    let (status_sql, status) = match q.status {
        StatusFilter::Open => ("AND c.status <> 'closed' AND $3 IS NULL", None),
        StatusFilter::Only(s) => ("AND c.status = $3", Some(s.code())),
        StatusFilter::All => ("AND $3 IS NULL", None),
    };
    let team_sql = if q.team_id.is_some() { "AND c.team_id = $2" } else { "AND $2 IS NULL" };
    // The worker is $6 in the list and $4 in the count, which has no LIMIT/OFFSET.
    let filter = |w: &str| {
        let worker_sql = if q.worker.is_some() {
            if q.unassigned_too {
                format!("AND (c.worker_id = {w} OR c.worker_id IS NULL)")
            } else {
                format!("AND c.worker_id = {w}")
            }
        } else {
            format!("AND {w} IS NULL")
        };
        format!(
            "WHERE c.team_id IN (SELECT team_id FROM team_members WHERE user_id = $1) AND c.voided_on IS NULL \
             {team_sql} {status_sql} {worker_sql}"
        )
    };
    let order = match q.order {
        ListOrder::Due => "(c.next_due_on IS NULL), c.next_due_on, c.id",
        ListOrder::Oldest => "c.referred_on, c.id",
        ListOrder::RecentlyActive => "c.updated_at DESC, c.id DESC",
    };
    let sql = format!("{CASE_COLUMNS} {} ORDER BY {order} LIMIT $4 OFFSET $5", filter("$6"));
    let count_sql = format!("SELECT COUNT(*) FROM cases c {}", filter("$4"));
    let team = q.team_id.map(|t| t.0);
    let rows: Vec<CaseRow> = on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
        .bind(q.member.0)
        .bind(team)
        .bind(status)
        .bind(q.limit)
        .bind(q.offset)
        .bind(q.worker.map(|w| w.0))
        .fetch_all(&mut *c)
        .await)?;
    // A first page that is not full holds everything: no need to count.
    let returned = i64::try_from(rows.len()).unwrap_or(i64::MAX);
    let total: i64 = if q.offset == 0 && returned < q.limit {
        returned
    } else {
        on!(tx, |c| sqlx::query_scalar(sqlx::AssertSqlSafe(count_sql.as_str()))
            .bind(q.member.0)
            .bind(team)
            .bind(status)
            .bind(q.worker.map(|w| w.0))
            .fetch_one(&mut *c)
            .await)?
    };
    let cases = rows.into_iter().map(CaseRow::into_case).collect::<Result<Vec<_>>>()?;
    Ok((cases, total))
}

fn expect_one(done: u64) -> Result<()> {
    if done == 1 { Ok(()) } else { Err(StoreError::Concurrent) }
}

/// Makes `worker` carry the case. With `only_if_free`, only when nobody carries it yet (a worker
/// picking up a new referral): `Concurrent` when someone does, also when they got there a
/// moment earlier. Closed cases are never changed.
pub async fn set_worker(tx: &mut Tx, id: CaseId, worker: UserId, only_if_free: bool, now: Timestamp) -> Result<()> {
    let sql = if only_if_free {
        "UPDATE cases SET worker_id = $2, updated_at = $3 WHERE id = $1 AND status <> 'closed' AND worker_id IS NULL"
    } else {
        "UPDATE cases SET worker_id = $2, updated_at = $3 WHERE id = $1 AND status <> 'closed'"
    };
    let done = exec!(tx, |c| sqlx::query(sql).bind(id.0).bind(worker.0).bind(sql_ts(now)).execute(&mut *c).await)?;
    expect_one(done)
}

/// Records the intake. Fails with `Concurrent` when the case is no longer `expected`.
pub async fn set_intake(
    tx: &mut Tx,
    id: CaseId,
    expected: CaseStatus,
    held_on: Date,
    worker: UserId,
    start_due_on: Date,
    now: Timestamp,
) -> Result<()> {
    let done = exec!(tx, |c| sqlx::query(
        "UPDATE cases SET status = $3, intake_held_on = $4, intake_worker_id = $5, worker_id = $5, \
         start_due_on = $6, next_due_on = $6, updated_at = $7 WHERE id = $1 AND status = $2"
    )
    .bind(id.0)
    .bind(expected.code())
    .bind(CaseStatus::IntakeHeld.code())
    .bind(sql_date(held_on))
    .bind(worker.0)
    .bind(sql_date(start_due_on))
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    expect_one(done)
}

pub async fn set_started(
    tx: &mut Tx,
    id: CaseId,
    expected: CaseStatus,
    started_on: Date,
    now: Timestamp,
) -> Result<()> {
    let done = exec!(tx, |c| sqlx::query(
        "UPDATE cases SET status = $3, started_on = $4, next_due_on = NULL, updated_at = $5 \
         WHERE id = $1 AND status = $2"
    )
    .bind(id.0)
    .bind(expected.code())
    .bind(CaseStatus::InSupport.code())
    .bind(sql_date(started_on))
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    expect_one(done)
}

pub struct Closure<'a> {
    pub closed_on: Date,
    pub reason: ClosureReason,
    pub detail: Option<ClosureDetail>,
    pub summary: Option<&'a str>,
}

pub async fn set_closed(
    tx: &mut Tx,
    id: CaseId,
    expected: CaseStatus,
    closure: &Closure<'_>,
    now: Timestamp,
) -> Result<()> {
    let done = exec!(tx, |c| {
        sqlx::query(
        "UPDATE cases SET status = $3, closed_on = $4, closure_reason = $5, closure_detail = $6, closure_summary = $7, \
         next_due_on = NULL, updated_at = $8 WHERE id = $1 AND status = $2"
    )
    .bind(id.0)
    .bind(expected.code())
    .bind(CaseStatus::Closed.code())
    .bind(sql_date(closure.closed_on))
    .bind(closure.reason.code())
    .bind(closure.detail.map(|d| d.code()))
    .bind(closure.summary)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await
    })?;
    expect_one(done)
}

/// Cases still waiting for their intake, with what their deadline depends on.
pub async fn awaiting_intake(tx: &mut Tx) -> Result<Vec<(CaseId, Date, Option<Date>)>> {
    let rows: Vec<(i64, jiff_sqlx::Date, Option<jiff_sqlx::Date>)> = on!(tx, |c| sqlx::query_as(
        "SELECT id, referred_on, requested_intake_on FROM cases WHERE status = 'referred' AND voided_on IS NULL"
    )
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows.into_iter().map(|(id, r, q)| (CaseId(id), r.to_jiff(), q.map(|d| d.to_jiff()))).collect())
}

/// Sets a new intake deadline after the calendar changed (only for cases still `referred`).
pub async fn set_intake_due(tx: &mut Tx, id: CaseId, intake_due_on: Date, next_due_on: Option<Date>) -> Result<()> {
    exec!(tx, |c| {
        sqlx::query(
        "UPDATE cases SET intake_due_on = $2, next_due_on = $3 WHERE id = $1 AND status = 'referred' AND voided_on IS NULL"
    )
    .bind(id.0)
    .bind(sql_date(intake_due_on))
    .bind(next_due_on.map(sql_date))
    .execute(&mut *c)
    .await
    })?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub id: ContactId,
    pub case_id: CaseId,
    pub contact_on: Date,
    pub form: ContactForm,
    pub minutes: i32,
    pub participant_ids: Vec<PersonId>,
    pub other_participants: Option<String>,
    /// A short summary for the team (never shown in Mijn Buurtteam).
    pub summary: Option<String>,
    /// The partner taking part (a three-way conversation, driegesprek), with its name.
    pub partner: Option<(PartnerId, String)>,
    pub recorded_by: UserId,
    pub created_at: Timestamp,
}

pub struct NewContact<'a> {
    pub case_id: CaseId,
    pub contact_on: Date,
    pub form: ContactForm,
    pub minutes: i32,
    pub participant_ids: &'a [PersonId],
    pub other_participants: Option<&'a str>,
    pub summary: Option<&'a str>,
    pub partner_id: Option<PartnerId>,
    pub recorded_by: UserId,
}

pub async fn insert_contact(tx: &mut Tx, new: &NewContact<'_>, now: Timestamp) -> Result<ContactId> {
    let id: i64 = on!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO contacts (case_id, contact_on, form, minutes, other_participants, recorded_by, created_at, summary, \
         partner_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id"
    )
    .bind(new.case_id.0)
    .bind(sql_date(new.contact_on))
    .bind(new.form.code())
    .bind(new.minutes)
    .bind(new.other_participants)
    .bind(new.recorded_by.0)
    .bind(sql_ts(now))
    .bind(new.summary)
    .bind(new.partner_id.map(|p| p.0))
    .fetch_one(&mut *c)
    .await
    })?;
    for p in new.participant_ids {
        exec!(tx, |c| sqlx::query("INSERT INTO contact_participants (contact_id, person_id) VALUES ($1, $2)")
            .bind(id)
            .bind(p.0)
            .execute(&mut *c)
            .await)?;
    }
    exec!(tx, |c| sqlx::query("UPDATE cases SET updated_at = $2 WHERE id = $1")
        .bind(new.case_id.0)
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await)?;
    Ok(ContactId(id))
}

type ContactRow = (
    i64,
    jiff_sqlx::Date,
    String,
    i32,
    Option<String>,
    i64,
    jiff_sqlx::Timestamp,
    Option<String>,
    Option<i64>,
    Option<String>,
);

/// The contacts of a case, most recent first.
pub async fn contacts(tx: &mut Tx, case: CaseId) -> Result<Vec<Contact>> {
    contacts_where(tx, case, None).await
}

/// One contact of a case.
pub async fn contact(tx: &mut Tx, case: CaseId, id: ContactId) -> Result<Option<Contact>> {
    Ok(contacts_where(tx, case, Some(id)).await?.pop())
}

async fn contacts_where(tx: &mut Tx, case: CaseId, only: Option<ContactId>) -> Result<Vec<Contact>> {
    let rows: Vec<ContactRow> = on!(tx, |c| sqlx::query_as(
        "SELECT ct.id, ct.contact_on, ct.form, ct.minutes, ct.other_participants, ct.recorded_by, ct.created_at, \
         ct.summary, ct.partner_id, p.name FROM contacts ct LEFT JOIN partners p ON p.id = ct.partner_id \
         WHERE ct.case_id = $1 AND ($2 IS NULL OR ct.id = $2) ORDER BY ct.contact_on DESC, ct.id DESC"
    )
    .bind(case.0)
    .bind(only.map(|c| c.0))
    .fetch_all(&mut *c)
    .await)?;
    let participants: Vec<(i64, i64)> = on!(tx, |c| sqlx::query_as(
        "SELECT cp.contact_id, cp.person_id FROM contact_participants cp JOIN contacts ct ON ct.id = cp.contact_id \
         WHERE ct.case_id = $1 AND ($2 IS NULL OR ct.id = $2) ORDER BY cp.person_id"
    )
    .bind(case.0)
    .bind(only.map(|c| c.0))
    .fetch_all(&mut *c)
    .await)?;
    rows.into_iter()
        .map(|(id, on, form, minutes, others, by, at, summary, partner, partner_name)| {
            Ok(Contact {
                id: ContactId(id),
                case_id: case,
                contact_on: on.to_jiff(),
                form: parse_code("contacts.form", &form, ContactForm::parse)?,
                minutes,
                participant_ids: participants.iter().filter(|(c, _)| *c == id).map(|(_, p)| PersonId(*p)).collect(),
                other_participants: others,
                summary,
                partner: partner.map(|p| (PartnerId(p), partner_name.unwrap_or_default())),
                recorded_by: UserId(by),
                created_at: at.to_jiff(),
            })
        })
        .collect()
}

/// Makes a household member a client of the case; `false` when they were one already.
pub async fn add_client(tx: &mut Tx, case: CaseId, person: PersonId) -> Result<bool> {
    let n: i64 =
        on!(tx, |c| sqlx::query_scalar("SELECT COUNT(*) FROM case_clients WHERE case_id = $1 AND person_id = $2")
            .bind(case.0)
            .bind(person.0)
            .fetch_one(&mut *c)
            .await)?;
    if n > 0 {
        return Ok(false);
    }
    exec!(tx, |c| sqlx::query("INSERT INTO case_clients (case_id, person_id) VALUES ($1, $2)")
        .bind(case.0)
        .bind(person.0)
        .execute(&mut *c)
        .await)?;
    Ok(true)
}
