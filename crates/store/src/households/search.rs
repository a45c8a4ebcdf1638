//! Finding households: by folded name (`persons.name_key` and its trigrams, decision 0014),
//! birth date, postcode with the parts of the house number, or BSN, always within what the
//! user may see. And the two things that keep the keys right: [`write_name_key`] with every
//! name written, [`backfill`] for rows written before migration 0013.

use buurtteam_domain::address::HouseNumber;
use buurtteam_domain::ids::{HouseholdId, PersonId, UserId};
use buurtteam_domain::matching::{QUERY_TRIGRAMS, fold, name_key, query_trigrams, trigrams};
use buurtteam_domain::person::Bsn;
use jiff::civil::Date;

use crate::{Db, Result, Tx, sql_date};

/// Households `$1` may see: one of their teams has a case for it, or they registered it and
/// it has no case yet.
const VISIBLE_TO: &str = "(EXISTS (SELECT 1 FROM cases c WHERE c.household_id = h.id \
                             AND c.team_id IN (SELECT team_id FROM team_members WHERE user_id = $1)) \
     OR (h.created_by = $1 AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.household_id = h.id)))";

/// What to look for; every given criterion must match, name and birth date on the same person.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// Part of a given or family name, or of "given family", in any case, accents or script:
    /// it is folded here (`domain::matching::fold`).
    pub name: Option<String>,
    pub birth_date: Option<Date>,
    /// Normalised postcode, with the house number.
    pub postcode: Option<String>,
    /// The number always; the letter and the addition only when given (`12` finds `12a`).
    pub house_number: Option<HouseNumber>,
    pub bsn: Option<Bsn>,
}

/// Households `member` may see that match `q`, newest first, at most `limit`.
pub async fn search(tx: &mut Tx, member: UserId, q: &Search, limit: i64) -> Result<Vec<HouseholdId>> {
    let folded = q.name.as_deref().map(fold);
    let grams: Vec<&str> = folded.as_deref().map(query_trigrams).unwrap_or_default();
    // One literal condition per criterion, so that the planner sees which indexes apply; a
    // criterion left out still binds its parameter, as `$n IS NULL`.
    let mut conditions = Vec::new();
    conditions.push(if folded.is_some() { "p.name_key LIKE $2" } else { "$2 IS NULL" });
    conditions.push(if q.birth_date.is_some() { "p.birth_date = $3" } else { "$3 IS NULL" });
    conditions.push(if q.postcode.is_some() { "h.postcode = $4" } else { "$4 IS NULL" });
    let hn = q.house_number.as_ref();
    conditions.push(if hn.is_some() { "h.house_number = $5" } else { "$5 IS NULL" });
    conditions.push(if q.bsn.is_some() { "p.bsn = $6" } else { "$6 IS NULL" });
    conditions.push(if grams.is_empty() {
        "$8 IS NULL AND $9 IS NULL AND $10 IS NULL AND $11 IS NULL AND $12 IS NULL"
    } else {
        "p.id IN (SELECT g.person_id FROM person_name_trigrams g WHERE g.trigram IN ($8, $9, $10, $11) \
                  GROUP BY g.person_id HAVING COUNT(*) = $12)"
    });
    conditions.push(if hn.is_some_and(|h| h.letter.is_some()) { "h.house_letter = $13" } else { "$13 IS NULL" });
    conditions.push(if hn.is_some_and(|h| h.addition.is_some()) {
        "h.house_number_addition = $14"
    } else {
        "$14 IS NULL"
    });
    let sql = format!(
        "SELECT DISTINCT h.id FROM households h JOIN persons p ON p.household_id = h.id \
         WHERE {VISIBLE_TO} AND {} ORDER BY h.id DESC LIMIT $7",
        conditions.join(" AND ")
    );
    // A folded text holds only a-z, 0-9 and spaces: nothing LIKE would read as a wildcard.
    let pattern = folded.as_ref().map(|f| format!("%{f}%"));
    let gram = |k: usize| (!grams.is_empty()).then(|| grams[k.min(grams.len() - 1)].to_owned());
    let gram_count = (!grams.is_empty()).then_some(grams.len() as i64);
    debug_assert!(grams.len() <= QUERY_TRIGRAMS);
    let ids: Vec<i64> = on!(tx, |c| sqlx::query_scalar(sqlx::AssertSqlSafe(sql.as_str()))
        .bind(member.0)
        .bind(pattern.clone())
        .bind(q.birth_date.map(sql_date))
        .bind(q.postcode.clone())
        .bind(hn.map(|h| i64::from(h.number)))
        .bind(q.bsn.as_ref().map(|b| b.as_str().to_owned()))
        .bind(limit)
        .bind(gram(0))
        .bind(gram(1))
        .bind(gram(2))
        .bind(gram(3))
        .bind(gram_count)
        .bind(hn.and_then(|h| h.letter).map(String::from))
        .bind(hn.and_then(|h| h.addition.clone()))
        .fetch_all(&mut *c)
        .await)?;
    Ok(ids.into_iter().map(HouseholdId).collect())
}

/// Households `member` may see with a member of the same folded name and birth date as one
/// of `people` (given name, family name, birth date), or with one of `bsns`: what a new
/// registration may duplicate. Newest first, at most `limit`.
pub async fn possible_duplicates(
    tx: &mut Tx,
    member: UserId,
    people: &[(&str, &str, Date)],
    bsns: &[&Bsn],
    limit: i64,
) -> Result<Vec<HouseholdId>> {
    let mut found: Vec<i64> = Vec::new();
    let by_name = format!(
        "SELECT DISTINCT h.id FROM persons p JOIN households h ON h.id = p.household_id \
         WHERE p.name_key = $2 AND p.birth_date = $3 AND {VISIBLE_TO} ORDER BY h.id DESC LIMIT $4"
    );
    for (given, family, birth) in people {
        let key = name_key(given, family);
        let ids: Vec<i64> = on!(tx, |c| sqlx::query_scalar(sqlx::AssertSqlSafe(by_name.as_str()))
            .bind(member.0)
            .bind(&key)
            .bind(sql_date(*birth))
            .bind(limit)
            .fetch_all(&mut *c)
            .await)?;
        found.extend(ids);
    }
    let by_bsn = format!(
        "SELECT DISTINCT h.id FROM persons p JOIN households h ON h.id = p.household_id \
         WHERE p.bsn = $2 AND {VISIBLE_TO} ORDER BY h.id DESC LIMIT $3"
    );
    for bsn in bsns {
        let ids: Vec<i64> = on!(tx, |c| sqlx::query_scalar(sqlx::AssertSqlSafe(by_bsn.as_str()))
            .bind(member.0)
            .bind(bsn.as_str())
            .bind(limit)
            .fetch_all(&mut *c)
            .await)?;
        found.extend(ids);
    }
    found.sort_unstable_by(|a, b| b.cmp(a));
    found.dedup();
    found.truncate(usize::try_from(limit).unwrap_or(0));
    Ok(found.into_iter().map(HouseholdId).collect())
}

/// Writes a person's folded name key and its trigrams; called with every name written
/// (registration, and any later change of a name).
pub async fn write_name_key(tx: &mut Tx, person: PersonId, given_name: &str, family_name: &str) -> Result<()> {
    let key = name_key(given_name, family_name);
    exec!(tx, |c| sqlx::query("UPDATE persons SET name_key = $1 WHERE id = $2")
        .bind(&key)
        .bind(person.0)
        .execute(&mut *c)
        .await)?;
    exec!(tx, |c| sqlx::query("DELETE FROM person_name_trigrams WHERE person_id = $1")
        .bind(person.0)
        .execute(&mut *c)
        .await)?;
    let grams = trigrams(&key);
    if !grams.is_empty() {
        exec!(tx, |c| {
            let mut qb = sqlx::QueryBuilder::new("INSERT INTO person_name_trigrams (trigram, person_id) ");
            qb.push_values(&grams, |mut b, g| {
                b.push_bind(*g).push_bind(person.0);
            });
            qb.build().execute(&mut *c).await
        })?;
    }
    Ok(())
}

/// Rows per backfill transaction.
const BACKFILL_BATCH: i64 = 500;

/// What [`backfill`] filled in.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Backfilled {
    pub name_keys: u64,
    pub house_numbers: u64,
    /// Old house numbers that are not one (`zn`, empty): left at 0, their text kept.
    pub unreadable_house_numbers: u64,
}

/// Fills what migration 0013 added for rows written before it: the name keys (with their
/// trigrams) of persons whose key is empty, and the parts of house numbers still 0, parsed
/// from the text they were stored as. Runs when the database is opened (`Db::migrate`), in
/// batches of its own transactions; a second run finds nothing more to do (idempotent).
pub async fn backfill(db: &Db) -> Result<Backfilled> {
    let mut done = Backfilled::default();
    let mut after = 0i64;
    loop {
        let mut tx = db.begin().await?;
        let rows: Vec<(i64, String, String)> = on!(&mut tx, |c| sqlx::query_as(
            "SELECT id, given_name, family_name FROM persons WHERE name_key = '' AND id > $1 ORDER BY id LIMIT $2"
        )
        .bind(after)
        .bind(BACKFILL_BATCH)
        .fetch_all(&mut *c)
        .await)?;
        let Some(last) = rows.last().map(|r| r.0) else { break };
        for (id, given, family) in &rows {
            write_name_key(&mut tx, PersonId(*id), given, family).await?;
        }
        tx.commit().await?;
        done.name_keys += rows.len() as u64;
        after = last;
    }
    after = 0;
    loop {
        let mut tx = db.begin().await?;
        let rows: Vec<(i64, String)> = on!(&mut tx, |c| sqlx::query_as(
            "SELECT id, house_number_text FROM households WHERE house_number = 0 AND id > $1 ORDER BY id LIMIT $2"
        )
        .bind(after)
        .bind(BACKFILL_BATCH)
        .fetch_all(&mut *c)
        .await)?;
        let Some(last) = rows.last().map(|r| r.0) else { break };
        for (id, text) in &rows {
            let Ok(h) = HouseNumber::parse(text) else {
                done.unreadable_house_numbers += 1;
                continue;
            };
            exec!(&mut tx, |c| sqlx::query(
                "UPDATE households SET house_number = $1, house_letter = $2, house_number_addition = $3 WHERE id = $4"
            )
            .bind(i64::from(h.number))
            .bind(h.letter.map(String::from))
            .bind(h.addition.clone())
            .bind(*id)
            .execute(&mut *c)
            .await)?;
            done.house_numbers += 1;
        }
        tx.commit().await?;
        after = last;
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows as they were before migration 0013: a house number as text, no name key.
    async fn old_rows(db: &Db) {
        let mut tx = db.begin().await.expect("tx");
        for sql in [
            "INSERT INTO districts (id, name, created_at) VALUES (1, 'Overvecht', '2026-01-01T00:00:00Z')",
            "INSERT INTO users (id, email, name, role, password_hash, created_at) \
             VALUES (1, 'a@test.nl', 'A', 'family_worker', 'x', '2026-01-01T00:00:00Z')",
            "INSERT INTO households (id, street, house_number_text, postcode, city, district_id, created_by, created_at) \
             VALUES (1, 'Straat', '12A-bis', '3562JW', 'Utrecht', 1, 1, '2026-01-01T00:00:00Z'), \
                    (2, 'Straat', 'zn', '3562JW', 'Utrecht', 1, 1, '2026-01-01T00:00:00Z'), \
                    (3, 'Straat', ' 7 ', '3562JW', 'Utrecht', 1, 1, '2026-01-01T00:00:00Z')",
            "INSERT INTO persons (id, household_id, given_name, family_name, birth_date, household_role, created_at) \
             VALUES (1, 1, 'Priya', 'Öztürk', '1984-05-06', 'parent', '2026-01-01T00:00:00Z'), \
                    (2, 2, 'Ĳsbrand', 'Groß', '1984-05-06', 'parent', '2026-01-01T00:00:00Z')",
        ] {
            // PostgreSQL reads the literals as dates and timestamps by the columns' types.
            exec!(&mut tx, |c| sqlx::query(sql).execute(&mut *c).await).expect(sql);
        }
        tx.commit().await.expect("commit");
    }

    async fn backfills_once(db: &Db) {
        old_rows(db).await;
        let done = backfill(db).await.expect("backfill");
        assert_eq!(done, Backfilled { name_keys: 2, house_numbers: 2, unreadable_house_numbers: 1 });
        let again = backfill(db).await.expect("backfill again");
        assert_eq!(again, Backfilled { name_keys: 0, house_numbers: 0, unreadable_house_numbers: 1 });
        let mut tx = db.begin_read().await.expect("tx");
        let h = crate::households::get(&mut tx, HouseholdId(1)).await.expect("get").expect("household");
        assert_eq!(h.address.house_number.to_string(), "12a-bis");
        assert_eq!(h.members[0].given_name, "Priya");
        let q = Search { name: Some("OZTÜRK".into()), ..Search::default() };
        assert_eq!(search(&mut tx, UserId(1), &q, 10).await.expect("search"), [HouseholdId(1)]);
        let q = Search { name: Some("ijsbrand gross".into()), ..Search::default() };
        assert_eq!(search(&mut tx, UserId(1), &q, 10).await.expect("search"), [HouseholdId(2)]);
        for (number, found) in [("12", vec![HouseholdId(1)]), ("12a-bis", vec![HouseholdId(1)]), ("12b", vec![])] {
            let q = Search {
                postcode: Some("3562JW".into()),
                house_number: HouseNumber::parse(number).ok(),
                ..Search::default()
            };
            assert_eq!(search(&mut tx, UserId(1), &q, 10).await.expect("search"), found, "{number}");
        }
        let third = crate::households::get(&mut tx, HouseholdId(3)).await.expect("get").expect("household");
        assert_eq!(third.address.house_number.to_string(), "7");
    }

    #[tokio::test]
    async fn rows_from_before_migration_0013_are_filled_once_on_both_backends() {
        let dir = tempfile::tempdir().expect("dir");
        let db = Db::connect(&format!("sqlite://{}", dir.path().join("t.db").display())).await.expect("connect");
        db.migrate().await.expect("migrate");
        backfills_once(&db).await;
        if let Some(admin) = crate::testing::postgres_admin_url() {
            let db = Db::connect(&crate::testing::create_postgres_database(&admin, "bt_backfill")).await.expect("pg");
            db.migrate().await.expect("migrate");
            backfills_once(&db).await;
        }
    }
}
