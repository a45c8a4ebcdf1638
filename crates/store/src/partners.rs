//! Partners and the social map (issue 15 part 1; decision 0039): partner organisations, the
//! districts they serve, a GP practice's dated collaboration status, and the family workers
//! linked to a practice, school or VE location with their period.

use buurtteam_domain::ids::{CaseId, DistrictId, PartnerId, UserId};
use buurtteam_domain::partners::{GpStatus, PartnerKind};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, StoreError, Tx, parse_code, sql_date, sql_ts};

/// The contact details and period of a partner, to create or change it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartnerFields {
    pub name: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub contact_person: String,
    pub ended_on: Option<Date>,
}

/// One change of a GP practice's collaboration status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GpStatusChange {
    pub id: i64,
    pub status: GpStatus,
    pub since: Date,
    pub recorded_by: String,
    pub recorded_at: Timestamp,
}

/// A family worker linked to a partner for a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerLink {
    pub id: i64,
    pub user_id: UserId,
    pub name: String,
    pub starts_on: Date,
    pub ends_on: Option<Date>,
}

/// A partner as stored, with its districts, its status history (oldest first) and its worker
/// links (current first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partner {
    pub id: PartnerId,
    pub kind: PartnerKind,
    pub fields: PartnerFields,
    pub district_ids: Vec<DistrictId>,
    pub gp_history: Vec<GpStatusChange>,
    pub workers: Vec<WorkerLink>,
}

impl Partner {
    /// The latest recorded status (`None` for a practice without one, and for other kinds).
    pub fn gp_status(&self) -> Option<GpStatus> {
        self.gp_history.last().map(|c| c.status)
    }

    /// The links open on `day`.
    pub fn workers_on(&self, day: Date) -> impl Iterator<Item = &WorkerLink> {
        self.workers.iter().filter(move |w| w.starts_on <= day && w.ends_on.is_none_or(|e| e >= day))
    }
}

/// What the overview is filtered on.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub kind: Option<PartnerKind>,
    pub district: Option<DistrictId>,
    /// Words to find in the name, address or contact person (case-insensitive).
    pub q: Option<String>,
    /// Also the partners that ended.
    pub include_ended: bool,
}

/// Creates a partner serving `districts`; returns its id.
pub async fn insert(
    tx: &mut Tx,
    kind: PartnerKind,
    f: &PartnerFields,
    districts: &[DistrictId],
    by: UserId,
    now: Timestamp,
) -> Result<PartnerId> {
    let id: i64 = on!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO partners (name, kind, address, phone, email, contact_person, ended_on, created_by, created_at, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id"
    )
    .bind(&f.name)
    .bind(kind.code())
    .bind(&f.address)
    .bind(&f.phone)
    .bind(&f.email)
    .bind(&f.contact_person)
    .bind(f.ended_on.map(sql_date))
    .bind(by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await
    })?;
    set_districts(tx, PartnerId(id), districts).await?;
    Ok(PartnerId(id))
}

/// Changes a partner's contact details and period.
pub async fn update(tx: &mut Tx, id: PartnerId, f: &PartnerFields, now: Timestamp) -> Result<()> {
    let n = exec!(tx, |c| sqlx::query(
        "UPDATE partners SET name = $2, address = $3, phone = $4, email = $5, contact_person = $6, ended_on = $7, \
         updated_at = $8 WHERE id = $1"
    )
    .bind(id.0)
    .bind(&f.name)
    .bind(&f.address)
    .bind(&f.phone)
    .bind(&f.email)
    .bind(&f.contact_person)
    .bind(f.ended_on.map(sql_date))
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    if n == 1 { Ok(()) } else { Err(StoreError::NotFound) }
}

/// Replaces the districts a partner serves.
pub async fn set_districts(tx: &mut Tx, id: PartnerId, districts: &[DistrictId]) -> Result<()> {
    exec!(tx, |c| sqlx::query("DELETE FROM partner_districts WHERE partner_id = $1")
        .bind(id.0)
        .execute(&mut *c)
        .await)?;
    for d in districts {
        exec!(tx, |c| sqlx::query("INSERT INTO partner_districts (partner_id, district_id) VALUES ($1, $2)")
            .bind(id.0)
            .bind(d.0)
            .execute(&mut *c)
            .await)?;
    }
    Ok(())
}

/// Records a change of collaboration status; returns its id.
pub async fn record_gp_status(
    tx: &mut Tx,
    id: PartnerId,
    status: GpStatus,
    since: Date,
    by: UserId,
    now: Timestamp,
) -> Result<i64> {
    Ok(on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO gp_status_changes (partner_id, status, since, recorded_by, recorded_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id"
    )
    .bind(id.0)
    .bind(status.code())
    .bind(sql_date(since))
    .bind(by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?)
}

/// Links a worker to a partner from `starts_on`; returns the link's id.
pub async fn link_worker(
    tx: &mut Tx,
    id: PartnerId,
    user: UserId,
    starts_on: Date,
    by: UserId,
    now: Timestamp,
) -> Result<i64> {
    Ok(on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO partner_workers (partner_id, user_id, starts_on, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id"
    )
    .bind(id.0)
    .bind(user.0)
    .bind(sql_date(starts_on))
    .bind(by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?)
}

/// Ends an open link on `ends_on` (the link stays, for the history).
pub async fn end_link(tx: &mut Tx, id: PartnerId, link: i64, ends_on: Date) -> Result<()> {
    let n = exec!(tx, |c| sqlx::query(
        "UPDATE partner_workers SET ends_on = $3 WHERE id = $2 AND partner_id = $1 AND ends_on IS NULL"
    )
    .bind(id.0)
    .bind(link)
    .bind(sql_date(ends_on))
    .execute(&mut *c)
    .await)?;
    if n == 1 { Ok(()) } else { Err(StoreError::NotFound) }
}

type Row = (i64, String, String, String, String, String, String, Option<jiff_sqlx::Date>);

const COLUMNS: &str = "SELECT p.id, p.name, p.kind, p.address, p.phone, p.email, p.contact_person, p.ended_on \
                       FROM partners p";

fn partner(r: Row) -> Result<Partner> {
    let (id, name, kind, address, phone, email, contact_person, ended_on) = r;
    Ok(Partner {
        id: PartnerId(id),
        kind: parse_code("partners.kind", &kind, PartnerKind::parse)?,
        fields: PartnerFields { name, address, phone, email, contact_person, ended_on: ended_on.map(|d| d.to_jiff()) },
        district_ids: Vec::new(),
        gp_history: Vec::new(),
        workers: Vec::new(),
    })
}

/// Fills in the districts, status histories and worker links of `partners` (three queries).
async fn complete(tx: &mut Tx, partners: &mut [Partner]) -> Result<()> {
    if partners.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = partners.iter().map(|p| p.id.0).collect();
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let sql = format!(
        "SELECT partner_id, district_id FROM partner_districts WHERE partner_id IN ({list}) ORDER BY district_id"
    );
    let districts: Vec<(i64, i64)> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).fetch_all(&mut *c).await)?;
    let sql = format!(
        "SELECT g.partner_id, g.id, g.status, g.since, u.name, g.recorded_at FROM gp_status_changes g \
         JOIN users u ON u.id = g.recorded_by WHERE g.partner_id IN ({list}) ORDER BY g.since, g.id"
    );
    let history: Vec<(i64, i64, String, jiff_sqlx::Date, String, jiff_sqlx::Timestamp)> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).fetch_all(&mut *c).await)?;
    let sql = format!(
        "SELECT w.partner_id, w.id, w.user_id, u.name, w.starts_on, w.ends_on FROM partner_workers w \
         JOIN users u ON u.id = w.user_id WHERE w.partner_id IN ({list}) \
         ORDER BY CASE WHEN w.ends_on IS NULL THEN 0 ELSE 1 END, w.starts_on DESC, w.id DESC"
    );
    let links: Vec<(i64, i64, i64, String, jiff_sqlx::Date, Option<jiff_sqlx::Date>)> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).fetch_all(&mut *c).await)?;
    let index = |id: i64| ids.iter().position(|p| *p == id);
    for (p, d) in districts {
        if let Some(i) = index(p) {
            partners[i].district_ids.push(DistrictId(d));
        }
    }
    for (p, id, status, since, by, at) in history {
        if let Some(i) = index(p) {
            partners[i].gp_history.push(GpStatusChange {
                id,
                status: parse_code("gp_status_changes.status", &status, GpStatus::parse)?,
                since: since.to_jiff(),
                recorded_by: by,
                recorded_at: at.to_jiff(),
            });
        }
    }
    for (p, id, user, name, starts_on, ends_on) in links {
        if let Some(i) = index(p) {
            partners[i].workers.push(WorkerLink {
                id,
                user_id: UserId(user),
                name,
                starts_on: starts_on.to_jiff(),
                ends_on: ends_on.map(|d| d.to_jiff()),
            });
        }
    }
    Ok(())
}

/// One partner, complete.
pub async fn get(tx: &mut Tx, id: PartnerId) -> Result<Option<Partner>> {
    let sql = format!("{COLUMNS} WHERE p.id = $1");
    let row: Option<Row> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id.0).fetch_optional(&mut *c).await)?;
    let Some(row) = row else { return Ok(None) };
    let mut one = [partner(row)?];
    complete(tx, &mut one).await?;
    let [p] = one;
    Ok(Some(p))
}

/// The partners matching `filter`, by name, complete.
pub async fn list(tx: &mut Tx, filter: &Filter) -> Result<Vec<Partner>> {
    let pattern = filter.q.as_deref().map(|q| format!("%{}%", q.to_lowercase().replace(['%', '_'], "")));
    let sql = format!(
        "{COLUMNS} WHERE ($1 IS NULL OR p.kind = $1) \
         AND ($2 IS NULL OR EXISTS (SELECT 1 FROM partner_districts d WHERE d.partner_id = p.id AND d.district_id = $2)) \
         AND ($3 IS NULL OR LOWER(p.name) LIKE $3 OR LOWER(p.address) LIKE $3 OR LOWER(p.contact_person) LIKE $3 \
              OR EXISTS (SELECT 1 FROM partner_workers w JOIN users u ON u.id = w.user_id \
                         WHERE w.partner_id = p.id AND w.ends_on IS NULL AND LOWER(u.name) LIKE $3)) \
         AND ($4 OR p.ended_on IS NULL) \
         ORDER BY LOWER(p.name), p.id"
    );
    let rows: Vec<Row> = on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
        .bind(filter.kind.map(|k| k.code()))
        .bind(filter.district.map(|d| d.0))
        .bind(pattern.as_deref())
        .bind(filter.include_ended)
        .fetch_all(&mut *c)
        .await)?;
    let mut out = rows.into_iter().map(partner).collect::<Result<Vec<_>>>()?;
    complete(tx, &mut out).await?;
    Ok(out)
}

/// The active family workers and team managers who may be linked to a partner, by name.
pub async fn linkable_workers(tx: &mut Tx) -> Result<Vec<(UserId, String)>> {
    crate::outreach::campaigns::eligible_workers(tx).await
}

/// The active family workers and team managers of the teams working in `districts`, by name
/// (the form offers these; the API accepts any linkable worker).
pub async fn linkable_workers_in(tx: &mut Tx, districts: &[DistrictId]) -> Result<Vec<(UserId, String)>> {
    if districts.is_empty() {
        return Ok(Vec::new());
    }
    let list = districts.iter().map(|d| d.0.to_string()).collect::<Vec<_>>().join(",");
    let sql = format!(
        "SELECT DISTINCT u.id, u.name FROM users u JOIN team_members m ON m.user_id = u.id \
         JOIN team_districts td ON td.team_id = m.team_id \
         WHERE u.active = TRUE AND u.role IN ('family_worker', 'team_manager') AND td.district_id IN ({list}) \
         ORDER BY u.name, u.id"
    );
    let rows: Vec<(i64, String)> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(|(u, n)| (UserId(u), n)).collect())
}

/// A partner as a case sees it: its name, whether it ended, and whether it serves the
/// district of the case (the district the household lived in at referral).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForCase {
    pub id: PartnerId,
    pub name: String,
    pub ended_on: Option<Date>,
    pub serves_case_district: bool,
}

/// `partner` as case `case` sees it; `None` when no such partner exists.
pub async fn for_case(tx: &mut Tx, partner: PartnerId, case: CaseId) -> Result<Option<ForCase>> {
    let row: Option<(String, Option<jiff_sqlx::Date>, i64)> = on!(tx, |c| {
        sqlx::query_as(
        "SELECT p.name, p.ended_on, (SELECT COUNT(*) FROM partner_districts d JOIN cases c ON c.district_id = d.district_id \
         WHERE d.partner_id = p.id AND c.id = $2) FROM partners p WHERE p.id = $1"
    )
    .bind(partner.0)
    .bind(case.0)
    .fetch_optional(&mut *c)
    .await
    })?;
    Ok(row.map(|(name, ended_on, n)| ForCase {
        id: partner,
        name,
        ended_on: ended_on.map(|d| d.to_jiff()),
        serves_case_district: n > 0,
    }))
}

/// The active partners serving the district of `case`, by name: what a case's forms offer.
pub async fn serving_case(tx: &mut Tx, case: CaseId) -> Result<Vec<(PartnerId, String)>> {
    let rows: Vec<(i64, String)> = on!(tx, |c| sqlx::query_as(
        "SELECT p.id, p.name FROM partners p JOIN partner_districts d ON d.partner_id = p.id \
         JOIN cases c ON c.district_id = d.district_id WHERE c.id = $1 AND p.ended_on IS NULL \
         ORDER BY LOWER(p.name), p.id"
    )
    .bind(case.0)
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows.into_iter().map(|(id, name)| (PartnerId(id), name)).collect())
}
