//! Bulk loading for the synthetic city: many rows per statement, one transaction per batch,
//! ids chosen by the caller. Only for generated data; everyday writes go through the
//! aggregate modules one use case at a time.

use buurtteam_domain::address::HouseNumber;
use buurtteam_domain::matching::{name_key, trigrams};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, Tx, sql_date, sql_ts};

/// Rows per statement: far below SQLite's 32,766 and PostgreSQL's 65,535 bind parameters
/// for the widest table (cases, 24 columns).
const ROWS_PER_STATEMENT: usize = 1000;

pub struct Household {
    pub id: i64,
    pub street: String,
    pub house_number: HouseNumber,
    pub postcode: String,
    pub city: String,
    pub district_id: i64,
    pub created_by: i64,
    pub created_at: Timestamp,
}

pub struct Person {
    pub id: i64,
    pub household_id: i64,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: Date,
    pub role: &'static str,
    pub bsn: Option<String>,
    pub created_at: Timestamp,
}

pub struct Case {
    pub id: i64,
    pub household_id: i64,
    /// The household's district at referral.
    pub district_id: i64,
    pub team_id: i64,
    pub status: &'static str,
    pub referred_on: Date,
    pub source: &'static str,
    pub request: String,
    pub later_intake_requested_by: Option<&'static str>,
    pub requested_intake_on: Option<Date>,
    pub intake_due_on: Date,
    pub intake_held_on: Option<Date>,
    pub intake_worker_id: Option<i64>,
    pub worker_id: Option<i64>,
    pub start_due_on: Option<Date>,
    pub started_on: Option<Date>,
    pub closed_on: Option<Date>,
    pub closure_reason: Option<&'static str>,
    pub closure_detail: Option<&'static str>,
    pub closure_summary: Option<String>,
    pub next_due_on: Option<Date>,
    pub created_by: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

pub struct Contact {
    pub id: i64,
    pub case_id: i64,
    pub contact_on: Date,
    pub form: &'static str,
    pub minutes: i32,
    pub recorded_by: i64,
    pub created_at: Timestamp,
}

/// Everything of one batch of generated cases, inserted together.
#[derive(Default)]
pub struct Batch {
    pub households: Vec<Household>,
    pub persons: Vec<Person>,
    pub cases: Vec<Case>,
    /// (case id, person id)
    pub case_clients: Vec<(i64, i64)>,
    /// (case id, life domain code)
    pub case_life_domains: Vec<(i64, &'static str)>,
    pub contacts: Vec<Contact>,
    /// (contact id, person id)
    pub contact_participants: Vec<(i64, i64)>,
}

impl Batch {
    pub fn rows(&self) -> usize {
        self.households.len()
            + self.persons.len()
            + self.cases.len()
            + self.case_clients.len()
            + self.case_life_domains.len()
            + self.contacts.len()
            + self.contact_participants.len()
    }
}

/// Inserts `rows` with a multi-row `INSERT INTO {head} VALUES ...`, in chunks.
macro_rules! insert_rows {
    ($tx:expr, $head:expr, $rows:expr, |$b:ident, $r:ident| $push:block) => {
        for chunk in $rows.chunks(ROWS_PER_STATEMENT) {
            exec!($tx, |c| {
                let mut qb = sqlx::QueryBuilder::new(concat!("INSERT INTO ", $head, " "));
                qb.push_values(chunk, |mut $b, $r| $push);
                qb.build().execute(&mut *c).await
            })?;
        }
    };
}

pub async fn insert(tx: &mut Tx, batch: &Batch) -> Result<()> {
    insert_rows!(
        tx,
        "households (id, street, house_number_text, house_number, house_letter, house_number_addition, postcode, city, \
         district_id, created_by, created_at)",
        batch.households,
        |b, h| {
            b.push_bind(h.id)
                .push_bind(&h.street)
                .push_bind(h.house_number.to_string())
                .push_bind(i64::from(h.house_number.number))
                .push_bind(h.house_number.letter.map(String::from))
                .push_bind(h.house_number.addition.clone())
                .push_bind(&h.postcode)
                .push_bind(&h.city)
                .push_bind(h.district_id)
                .push_bind(h.created_by)
                .push_bind(sql_ts(h.created_at));
        }
    );
    insert_rows!(
        tx,
        "persons (id, household_id, given_name, family_name, birth_date, household_role, bsn, created_at, \
         parental_authority, name_key)",
        batch.persons,
        |b, p| {
            b.push_bind(p.id)
                .push_bind(p.household_id)
                .push_bind(&p.given_name)
                .push_bind(&p.family_name)
                .push_bind(sql_date(p.birth_date))
                .push_bind(p.role)
                .push_bind(p.bsn.as_deref())
                .push_bind(sql_ts(p.created_at))
                .push_bind(p.role == "parent")
                .push_bind(name_key(&p.given_name, &p.family_name));
        }
    );
    // The persons' name trigrams, as `households::write_name_key` writes them one by one.
    let grams: Vec<(String, i64)> = batch
        .persons
        .iter()
        .flat_map(|p| {
            let key = name_key(&p.given_name, &p.family_name);
            trigrams(&key).into_iter().map(|g| (g.to_owned(), p.id)).collect::<Vec<_>>()
        })
        .collect();
    insert_rows!(tx, "person_name_trigrams (trigram, person_id)", grams, |b, g| {
        b.push_bind(&g.0).push_bind(g.1);
    });
    insert_rows!(
        tx,
        "cases (id, household_id, district_id, team_id, status, referred_on, source, request, later_intake_requested_by, \
         requested_intake_on, intake_due_on, intake_held_on, intake_worker_id, worker_id, start_due_on, started_on, \
         closed_on, closure_reason, closure_detail, closure_summary, next_due_on, created_by, created_at, updated_at)",
        batch.cases,
        |b, c| {
            b.push_bind(c.id)
                .push_bind(c.household_id)
                .push_bind(c.district_id)
                .push_bind(c.team_id)
                .push_bind(c.status)
                .push_bind(sql_date(c.referred_on))
                .push_bind(c.source)
                .push_bind(&c.request)
                .push_bind(c.later_intake_requested_by)
                .push_bind(c.requested_intake_on.map(sql_date))
                .push_bind(sql_date(c.intake_due_on))
                .push_bind(c.intake_held_on.map(sql_date))
                .push_bind(c.intake_worker_id)
                .push_bind(c.worker_id)
                .push_bind(c.start_due_on.map(sql_date))
                .push_bind(c.started_on.map(sql_date))
                .push_bind(c.closed_on.map(sql_date))
                .push_bind(c.closure_reason)
                .push_bind(c.closure_detail)
                .push_bind(c.closure_summary.as_deref())
                .push_bind(c.next_due_on.map(sql_date))
                .push_bind(c.created_by)
                .push_bind(sql_ts(c.created_at))
                .push_bind(sql_ts(c.updated_at));
        }
    );
    insert_rows!(tx, "case_clients (case_id, person_id)", batch.case_clients, |b, r| {
        b.push_bind(r.0).push_bind(r.1);
    });
    insert_rows!(tx, "case_life_domains (case_id, life_domain)", batch.case_life_domains, |b, r| {
        b.push_bind(r.0).push_bind(r.1);
    });
    insert_rows!(
        tx,
        "contacts (id, case_id, contact_on, form, minutes, recorded_by, created_at)",
        batch.contacts,
        |b, c| {
            b.push_bind(c.id)
                .push_bind(c.case_id)
                .push_bind(sql_date(c.contact_on))
                .push_bind(c.form)
                .push_bind(c.minutes)
                .push_bind(c.recorded_by)
                .push_bind(sql_ts(c.created_at));
        }
    );
    insert_rows!(tx, "contact_participants (contact_id, person_id)", batch.contact_participants, |b, r| {
        b.push_bind(r.0).push_bind(r.1);
    });
    Ok(())
}

/// After loading rows with explicit ids, moves PostgreSQL's identity sequences past them
/// (SQLite needs nothing: it continues after the largest rowid).
pub async fn reset_sequences(tx: &mut Tx) -> Result<()> {
    if let Tx::Postgres(t) = tx {
        for table in ["districts", "teams", "users", "households", "persons", "cases", "contacts", "audit_log"] {
            let sql = format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST((SELECT COALESCE(MAX(id), 0) FROM {table}), 1))"
            );
            sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut **t).await?;
        }
    }
    Ok(())
}

/// The facts of every case that a calibration or KPI check needs, without names.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CaseFacts {
    pub id: i64,
    pub team_id: i64,
    pub district_id: i64,
    pub status: String,
    pub referred_on: jiff_sqlx::Date,
    pub later_intake_requested_by: Option<String>,
    pub intake_due_on: jiff_sqlx::Date,
    pub intake_held_on: Option<jiff_sqlx::Date>,
    pub started_on: Option<jiff_sqlx::Date>,
    pub closed_on: Option<jiff_sqlx::Date>,
    pub closure_reason: Option<String>,
    pub household_id: i64,
}

/// `district_id` is read from the household, not from `cases.district_id`, so that checks
/// of the KPI queries (which use the case's column) compare two independent sources.
pub async fn case_facts(tx: &mut Tx) -> Result<Vec<CaseFacts>> {
    Ok(on!(tx, |c| sqlx::query_as(
        "SELECT c.id, c.team_id, h.district_id, c.status, c.referred_on, c.later_intake_requested_by, c.intake_due_on, \
         c.intake_held_on, c.started_on, c.closed_on, c.closure_reason, c.household_id \
         FROM cases c JOIN households h ON h.id = c.household_id WHERE c.voided_on IS NULL ORDER BY c.id"
    )
    .fetch_all(&mut *c)
    .await)?)
}

/// (case id, life domain) for every case.
pub async fn life_domains(tx: &mut Tx) -> Result<Vec<(i64, String)>> {
    Ok(on!(tx, |c| sqlx::query_as("SELECT case_id, life_domain FROM case_life_domains ORDER BY case_id")
        .fetch_all(&mut *c)
        .await)?)
}
