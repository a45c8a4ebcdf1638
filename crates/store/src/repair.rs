//! Data repair (decision 0020): voiding a referral registered by mistake, merging a household
//! registered twice into the other record, and reading the admin log.
//!
//! The store only writes what it is told; who may repair what is decided in `app::repair`.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::codes::VoidReason;
use buurtteam_domain::ids::{CaseId, HouseholdId, UserId};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, StoreError, Tx, sql_date, sql_ts};

/// Marks case `id` voided, if it is still at `expected` and not voided yet (else
/// `Concurrent`). Its next deadline goes, so nothing falls due for it any more.
pub async fn void(
    tx: &mut Tx,
    id: CaseId,
    expected: CaseStatus,
    by: UserId,
    (code, reason): (VoidReason, &str),
    (today, now): (Date, Timestamp),
) -> Result<()> {
    let done = exec!(tx, |c| sqlx::query(
        "UPDATE cases SET voided_on = $3, voided_at = $4, voided_by = $5, void_reason_code = $6, void_reason = $7, \
         next_due_on = NULL, updated_at = $4 WHERE id = $1 AND status = $2 AND voided_on IS NULL"
    )
    .bind(id.0)
    .bind(expected.code())
    .bind(sql_date(today))
    .bind(sql_ts(now))
    .bind(by.0)
    .bind(code.code())
    .bind(reason)
    .execute(&mut *c)
    .await)?;
    if done == 1 { Ok(()) } else { Err(StoreError::Concurrent) }
}

/// Whether the household exists, and the household it was merged into, if it was.
pub async fn merged_into(tx: &mut Tx, id: HouseholdId) -> Result<Option<Option<HouseholdId>>> {
    let row: Option<Option<i64>> = on!(tx, |c| sqlx::query_scalar("SELECT merged_into FROM households WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut *c)
        .await)?;
    Ok(row.map(|m| m.map(HouseholdId)))
}

/// The household that `id` lives on as: itself, or the one it was merged into (followed to
/// the end, at most a few steps; a cycle the code never writes stops where it started).
pub async fn surviving(tx: &mut Tx, id: HouseholdId) -> Result<HouseholdId> {
    let mut at = id;
    for _ in 0..16 {
        match merged_into(tx, at).await? {
            Some(Some(next)) if next != id => at = next,
            _ => break,
        }
    }
    Ok(at)
}

/// What a merge moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    pub members: i64,
    pub cases: Vec<CaseId>,
}

/// Moves the members and cases of `merged` to `surviving` and points `merged` at it. The
/// caller has checked both exist and neither was merged away (`Concurrent` if one was since).
pub async fn merge(tx: &mut Tx, surviving: HouseholdId, merged: HouseholdId, now: Timestamp) -> Result<Moved> {
    let done = exec!(tx, |c| sqlx::query(
        "UPDATE households SET merged_into = $2, merged_at = $3 WHERE id = $1 AND merged_into IS NULL \
         AND EXISTS (SELECT 1 FROM households s WHERE s.id = $2 AND s.merged_into IS NULL)"
    )
    .bind(merged.0)
    .bind(surviving.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    if done != 1 {
        return Err(StoreError::Concurrent);
    }
    let cases: Vec<i64> = on!(tx, |c| sqlx::query_scalar("SELECT id FROM cases WHERE household_id = $1 ORDER BY id")
        .bind(merged.0)
        .fetch_all(&mut *c)
        .await)?;
    exec!(tx, |c| sqlx::query("UPDATE cases SET household_id = $2, updated_at = $3 WHERE household_id = $1")
        .bind(merged.0)
        .bind(surviving.0)
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await)?;
    let members = exec!(tx, |c| sqlx::query("UPDATE persons SET household_id = $2 WHERE household_id = $1")
        .bind(merged.0)
        .bind(surviving.0)
        .execute(&mut *c)
        .await)?;
    Ok(Moved { members: i64::try_from(members).unwrap_or(i64::MAX), cases: cases.into_iter().map(CaseId).collect() })
}

/// A filter on the admin log.
#[derive(Debug, Clone, Default)]
pub struct LogQuery {
    /// From this moment on (inclusive) ...
    pub from: Option<Timestamp>,
    /// ... until this moment (exclusive).
    pub until: Option<Timestamp>,
    pub actor: Option<UserId>,
    /// Only these actions; every one must be listed by the caller (never user text).
    pub actions: Vec<AuditAction>,
    pub limit: i64,
    pub offset: i64,
}

/// A row of the admin log, with the actor's name.
#[derive(Debug, Clone, PartialEq)]
pub struct LogRow {
    pub id: i64,
    pub occurred_at: Timestamp,
    pub actor_user_id: Option<UserId>,
    pub actor_name: Option<String>,
    pub actor_role: Option<String>,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<i64>,
    pub detail: String,
}

/// The rows of `q.actions` in the period, by the actor, newest first, with the number of
/// rows matching in all. The actions are codes of the enum, written into the text; the
/// rest is bound.
pub async fn log(tx: &mut Tx, q: &LogQuery) -> Result<(Vec<LogRow>, i64)> {
    if q.actions.is_empty() {
        return Ok((Vec::new(), 0));
    }
    let codes = q.actions.iter().map(|a| format!("'{}'", a.as_str())).collect::<Vec<_>>().join(", ");
    let filter = format!(
        "WHERE a.action IN ({codes}) AND ($1 IS NULL OR a.occurred_at >= $1) AND ($2 IS NULL OR a.occurred_at < $2) \
         AND ($3 IS NULL OR a.actor_user_id = $3)"
    );
    let sql = format!(
        "SELECT a.id, a.occurred_at, a.actor_user_id, u.name, a.actor_role, a.action, a.object_type, a.object_id, \
         a.detail, COUNT(*) OVER () FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id {filter} \
         ORDER BY a.id DESC LIMIT $4 OFFSET $5"
    );
    type Raw = (
        i64,
        jiff_sqlx::Timestamp,
        Option<i64>,
        Option<String>,
        Option<String>,
        String,
        String,
        Option<i64>,
        String,
        i64,
    );
    let (from, until) = (q.from.map(sql_ts), q.until.map(sql_ts));
    let raw: Vec<Raw> = on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
        .bind(from)
        .bind(until)
        .bind(q.actor.map(|u| u.0))
        .bind(q.limit)
        .bind(q.offset)
        .fetch_all(&mut *c)
        .await)?;
    let mut total = raw.first().map_or(0, |r| r.9);
    if raw.is_empty() && q.offset > 0 {
        // Past the last page: count on its own, so the pager can still say how many there are.
        let count = format!("SELECT COUNT(*) FROM audit_log a {filter}");
        total = on!(tx, |c| sqlx::query_scalar(sqlx::AssertSqlSafe(count.as_str()))
            .bind(from)
            .bind(until)
            .bind(q.actor.map(|u| u.0))
            .fetch_one(&mut *c)
            .await)?;
    }
    let rows = raw
        .into_iter()
        .map(|(id, at, user, name, role, action, object_type, object_id, detail, _)| LogRow {
            id,
            occurred_at: at.to_jiff(),
            actor_user_id: user.map(UserId),
            actor_name: name,
            actor_role: role,
            action,
            object_type,
            object_id,
            detail,
        })
        .collect();
    Ok((rows, total))
}

/// The accounts that appear as actors of `actions`, by name: the admin log's actor filter.
pub async fn log_actors(tx: &mut Tx, actions: &[AuditAction]) -> Result<Vec<(UserId, String)>> {
    if actions.is_empty() {
        return Ok(Vec::new());
    }
    let codes = actions.iter().map(|a| format!("'{}'", a.as_str())).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "SELECT u.id, u.name FROM users u WHERE EXISTS \
         (SELECT 1 FROM audit_log a WHERE a.actor_user_id = u.id AND a.action IN ({codes})) ORDER BY u.name, u.id"
    );
    let rows: Vec<(i64, String)> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(|(id, name)| (UserId(id), name)).collect())
}

#[cfg(test)]
mod tests {
    //! A voided referral counts nowhere: for any referrals, some with an intake, some with
    //! contacts, every KPI query (city, team, district) over the voided ones answers exactly as
    //! a database where they were never registered.

    use buurtteam_domain::codes::{ContactForm, ReferralSource, Role, TeamKind};
    use buurtteam_domain::ids::{DistrictId, TeamId};
    use buurtteam_domain::kpi::Period;
    use jiff::ToSpan;
    use jiff::civil::date;
    use proptest::prelude::*;

    use super::*;
    use crate::kpi::{self, Scope};
    use crate::{Db, cases, households, organisation};

    /// One referral: its day (from 1 March 2031), whether its intake was held two days later,
    /// how many contacts it has, and whether it is voided (only one without an intake).
    #[derive(Debug, Clone)]
    struct Referral {
        day: i64,
        held: bool,
        contacts: u8,
        voided: bool,
    }

    fn referral() -> impl Strategy<Value = Referral> {
        (0i64..40, any::<bool>(), 0u8..3, any::<bool>()).prop_map(|(day, held, contacts, voided)| Referral {
            day,
            held,
            contacts,
            voided: voided && !held,
        })
    }

    /// A fresh database with `referrals` registered (those `voided` voided, or left out when
    /// `leave_out_voided`); returns it with its district and team.
    async fn registered(referrals: &[Referral], leave_out_voided: bool) -> (Db, tempfile::TempDir, DistrictId, TeamId) {
        let dir = tempfile::tempdir().expect("dir");
        let db = Db::connect(&format!("sqlite://{}", dir.path().join("t.db").display())).await.expect("connect");
        db.migrate().await.expect("migrate");
        let now = Timestamp::now();
        let mut tx = db.begin().await.expect("tx");
        let district = organisation::insert_district(&mut tx, "Overvecht", now).await.expect("district");
        let team = organisation::insert_team(&mut tx, "Buurtteam", TeamKind::Neighbourhood, Some(district), now)
            .await
            .expect("team");
        let user = organisation::NewUser {
            email: "w@test.nl",
            name: "W",
            role: Role::TeamManager,
            password_hash: "!",
            team_ids: &[team],
        };
        let worker = organisation::insert_user(&mut tx, &user, now).await.expect("user");
        let address = households::Address {
            street: "Straat".into(),
            house_number: buurtteam_domain::address::HouseNumber::parse("1").expect("house number"),
            postcode: "3500AA".into(),
            city: "Utrecht".into(),
        };
        for r in referrals.iter().filter(|r| !(leave_out_voided && r.voided)) {
            let day = date(2031, 3, 1).checked_add(r.day.days()).expect("day");
            let (household, _) =
                households::insert(&mut tx, &address, district, &[], worker, now).await.expect("household");
            let new = cases::NewCase {
                household_id: household,
                team_id: team,
                referred_on: day,
                source: ReferralSource::School,
                referrer: &cases::Referrer::default(),
                request: "help",
                client_ids: &[],
                life_domains: &[buurtteam_domain::codes::LifeDomain::Parenting],
                later_intake_requested_by: None,
                requested_intake_on: None,
                intake_due_on: day,
                next_due_on: Some(day),
                created_by: worker,
            };
            let id = cases::insert(&mut tx, &new, now).await.expect("case");
            let held = day.checked_add(2.days()).expect("held");
            if r.held {
                cases::set_intake(&mut tx, id, CaseStatus::Referred, held, worker, held, now).await.expect("intake");
            }
            for k in 0..r.contacts {
                let contact = cases::NewContact {
                    case_id: id,
                    contact_on: held.checked_add(i64::from(k).days()).expect("on"),
                    form: if k == 0 { ContactForm::Phone } else { ContactForm::HomeVisit },
                    minutes: 30,
                    participant_ids: &[],
                    other_participants: None,
                    summary: None,
                    partner_id: None,
                    recorded_by: worker,
                };
                cases::insert_contact(&mut tx, &contact, now).await.expect("contact");
            }
            if r.voided {
                void(&mut tx, id, CaseStatus::Referred, worker, (VoidReason::Duplicate, "dubbel"), (held, now))
                    .await
                    .expect("void");
            }
        }
        tx.commit().await.expect("commit");
        (db, dir, district, team)
    }

    /// Every KPI query's answer, for the city, the team and the district, as one text.
    async fn figures(db: &Db, district: DistrictId, team: TeamId) -> String {
        let p = Period::new(date(2031, 3, 1), date(2031, 4, 30)).expect("period");
        let mut tx = db.begin_read().await.expect("tx");
        let mut out = String::new();
        for scope in [Scope::City, Scope::Team(team), Scope::District(district)] {
            let mut contacts = kpi::contact_forms(&mut tx, scope, p).await.expect("contacts");
            contacts.retain(|(_, n)| *n > 0);
            contacts.sort();
            out += &format!(
                "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{contacts:?}\n",
                kpi::intakes(&mut tx, scope, p).await.expect("intakes"),
                kpi::starts(&mut tx, scope, p).await.expect("starts"),
                kpi::waiting(&mut tx, scope, date(2031, 3, 20)).await.expect("waiting"),
                kpi::active(&mut tx, scope, date(2031, 3, 20)).await.expect("active"),
                kpi::closures(&mut tx, scope, p).await.expect("closures"),
                kpi::referrals(&mut tx, scope, p).await.expect("referrals"),
                kpi::life_domains(&mut tx, scope, p).await.expect("life domains"),
                kpi::caseload(&mut tx, scope, date(2031, 3, 20)).await.expect("caseload"),
                kpi::reach(&mut tx, scope, p).await.expect("reach"),
            );
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(12))]

        #[test]
        fn voided_referrals_change_no_figure(referrals in prop::collection::vec(referral(), 1..8)) {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
            let (with, without) = rt.block_on(async {
                let (db, _dir, district, team) = registered(&referrals, false).await;
                let with = figures(&db, district, team).await;
                let (db, _dir2, district, team) = registered(&referrals, true).await;
                (with, figures(&db, district, team).await)
            });
            prop_assert_eq!(with, without);
        }
    }
}
