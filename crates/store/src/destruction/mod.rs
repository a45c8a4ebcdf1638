//! Destroying a file (decision 0024): every row of a case's content, and of its household
//! when no other case of that household remains, is deleted; a tombstone keeps the file
//! number, its dates, why and by whom, and how many rows went. Portal and network accounts that
//! only this file used lose their personal data. The audit rows are pseudonymised by the
//! caller in the same transaction (`audit::chain::pseudonymise`).
//!
//! The store only deletes what it is told; when a file is due, and who may destroy it, is
//! decided in `app::privacy::destruction`.

pub mod requests;

use std::collections::BTreeMap;

use buurtteam_domain::codes::DestructionReason;
use buurtteam_domain::ids::{CaseId, HouseholdId, TeamId, UserId};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, Tx, sql_date, sql_ts};

/// How many rows of each table a destruction deleted (or emptied), by table name.
pub type Counts = BTreeMap<&'static str, u64>;

/// What the retention rules need of a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFacts {
    pub case_id: CaseId,
    pub team_id: TeamId,
    pub household_id: HouseholdId,
    pub referred_on: Date,
    /// The day the file ended: its closure, or the day a referral registered by mistake was
    /// voided. `None`: still open.
    pub ended_on: Option<Date>,
    pub closed_on: Option<Date>,
    /// The latest moment anything of the file was written (the case row, contacts, the plan's
    /// versions, notes, evaluations, appointments, corrections, comments, agreements).
    pub last_written_at: Option<Timestamp>,
    /// The latest date recorded in the file (closure, a contact).
    pub last_dated_on: Option<Date>,
}

/// The facts of case `id`, or `None` if it does not exist.
pub async fn facts(tx: &mut Tx, id: CaseId) -> Result<Option<FileFacts>> {
    type Row = (i64, i64, jiff_sqlx::Date, Option<jiff_sqlx::Date>, Option<jiff_sqlx::Date>, String);
    let row: Option<Row> = on!(tx, |c| sqlx::query_as(
        "SELECT team_id, household_id, referred_on, closed_on, voided_on, status FROM cases WHERE id = $1"
    )
    .bind(id.0)
    .fetch_optional(&mut *c)
    .await)?;
    let Some((team, household, referred_on, closed_on, voided_on, status)) = row else { return Ok(None) };
    let last_written_at: Option<jiff_sqlx::Timestamp> = on!(tx, |c| sqlx::query_scalar(
        "SELECT MAX(t) FROM ( \
           SELECT updated_at AS t FROM cases WHERE id = $1 \
           UNION ALL SELECT created_at FROM contacts WHERE case_id = $1 \
           UNION ALL SELECT created_at FROM plan_versions WHERE case_id = $1 \
           UNION ALL SELECT created_at FROM working_notes WHERE case_id = $1 \
           UNION ALL SELECT created_at FROM evaluations WHERE case_id = $1 \
           UNION ALL SELECT created_at FROM appointments WHERE case_id = $1 \
           UNION ALL SELECT created_at FROM plan_agreements WHERE case_id = $1 \
           UNION ALL SELECT corrected_at FROM case_corrections WHERE case_id = $1 \
           UNION ALL SELECT g.created_at FROM goal_comments g JOIN goals o ON o.id = g.goal_id WHERE o.case_id = $1 \
         ) x"
    )
    .bind(id.0)
    .fetch_one(&mut *c)
    .await)?;
    let last_contact: Option<jiff_sqlx::Date> =
        on!(tx, |c| sqlx::query_scalar("SELECT MAX(contact_on) FROM contacts WHERE case_id = $1")
            .bind(id.0)
            .fetch_one(&mut *c)
            .await)?;
    let closed_on = closed_on.map(|d| d.to_jiff()).filter(|_| status == "closed");
    let voided_on = voided_on.map(|d| d.to_jiff());
    let last_dated_on = [closed_on, voided_on, last_contact.map(|d| d.to_jiff())].into_iter().flatten().max();
    Ok(Some(FileFacts {
        case_id: id,
        team_id: TeamId(team),
        household_id: HouseholdId(household),
        referred_on: referred_on.to_jiff(),
        ended_on: closed_on.or(voided_on),
        closed_on,
        last_written_at: last_written_at.map(|t| t.to_jiff()),
        last_dated_on,
    }))
}

/// Closed (or voided) cases that ended on or before `ended_by`: the only ones that can be past
/// their retention (the last change is never before the end). Oldest first.
pub async fn ended_by(tx: &mut Tx, ended_by: Date, limit: i64) -> Result<Vec<CaseId>> {
    let ids: Vec<i64> = on!(tx, |c| sqlx::query_scalar(
        "SELECT id FROM cases WHERE (status = 'closed' AND closed_on <= $1) OR voided_on <= $1 \
         ORDER BY COALESCE(closed_on, voided_on), id LIMIT $2"
    )
    .bind(sql_date(ended_by))
    .bind(limit)
    .fetch_all(&mut *c)
    .await)?;
    Ok(ids.into_iter().map(CaseId).collect())
}

/// Tombstoned files whose case row is there again (a backup restored from before their
/// destruction): they are destroyed again before anything else.
pub async fn restored_after_destruction(tx: &mut Tx) -> Result<Vec<CaseId>> {
    let ids: Vec<i64> = on!(tx, |c| sqlx::query_scalar(
        "SELECT t.case_id FROM case_tombstones t JOIN cases c ON c.id = t.case_id ORDER BY t.case_id"
    )
    .fetch_all(&mut *c)
    .await)?;
    Ok(ids.into_iter().map(CaseId).collect())
}

/// Runs one statement binding `id` and counts its rows under `table`.
async fn run(tx: &mut Tx, counts: &mut Counts, table: &'static str, sql: &'static str, id: i64) -> Result<()> {
    let n = exec!(tx, |c| sqlx::query(sql).bind(id).execute(&mut *c).await)?;
    if n > 0 {
        *counts.entry(table).or_default() += n;
    }
    Ok(())
}

/// Takes the personal data off accounts that only the destroyed file used: a shell stays (its
/// id is named by rows that remain elsewhere), with no name, address, password or session.
async fn anonymise_users(tx: &mut Tx, counts: &mut Counts, users: &[i64]) -> Result<()> {
    for &user in users {
        for (table, sql) in [
            ("sessions", "DELETE FROM sessions WHERE user_id = $1"),
            ("recovery_codes", "DELETE FROM recovery_codes WHERE user_id = $1"),
            ("user_identities", "DELETE FROM user_identities WHERE user_id = $1"),
            ("idempotency_keys", "DELETE FROM idempotency_keys WHERE user_id = $1"),
        ] {
            run(tx, counts, table, sql, user).await?;
        }
        run(
            tx,
            counts,
            "users",
            "UPDATE users SET email = 'destroyed-' || CAST(id AS TEXT) || '@invalid', name = '-', password_hash = '', \
             active = FALSE, person_id = NULL, totp_secret = NULL, totp_enabled_at = NULL WHERE id = $1",
            user,
        )
        .await?;
    }
    Ok(())
}

/// Deletes the content of case `id` that a partial destruction takes: working notes,
/// appointments, comments on its goals, and the free text of its contact moments (their
/// summary and the other participants named). Dates, codes and the plan stay.
pub async fn destroy_part(tx: &mut Tx, id: CaseId, now: Timestamp) -> Result<Counts> {
    let mut counts = Counts::new();
    run(tx, &mut counts, "working_notes", "DELETE FROM working_notes WHERE case_id = $1", id.0).await?;
    run(tx, &mut counts, "appointments", "DELETE FROM appointments WHERE case_id = $1", id.0).await?;
    run(
        tx,
        &mut counts,
        "goal_comments",
        "DELETE FROM goal_comments WHERE goal_id IN (SELECT id FROM goals WHERE case_id = $1)",
        id.0,
    )
    .await?;
    run(
        tx,
        &mut counts,
        "contacts",
        "UPDATE contacts SET summary = NULL, other_participants = NULL WHERE case_id = $1 \
         AND (summary IS NOT NULL OR other_participants IS NOT NULL)",
        id.0,
    )
    .await?;
    exec!(tx, |c| sqlx::query("UPDATE cases SET updated_at = $2 WHERE id = $1")
        .bind(id.0)
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await)?;
    Ok(counts)
}

/// What [`destroy`] leaves behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tombstone {
    pub id: i64,
    pub case_id: CaseId,
    pub team_id: TeamId,
    pub referred_on: Date,
    pub closed_on: Option<Date>,
    pub last_change_on: Date,
    pub reason: DestructionReason,
    pub request_id: Option<i64>,
    pub destroyed_by: Option<UserId>,
    pub destroyed_at: Timestamp,
    /// The households destroyed with it (the case's, and records merged into it); empty when
    /// another case of the household remains.
    pub households: Vec<HouseholdId>,
    pub counts: Counts,
}

/// Why, when, by whom and on what grounds a file is destroyed.
#[derive(Debug, Clone, Copy)]
pub struct Destruction {
    pub reason: DestructionReason,
    pub request_id: Option<i64>,
    /// `None`: the scheduled job.
    pub by: Option<UserId>,
    pub at: Timestamp,
    pub last_change_on: Date,
}

/// Destroys case `facts.case_id` in `tx`: deletes every row of its content, and its household
/// with its members when no other case of the household remains; leaves the tombstone. A case
/// destroyed before (a restored backup) keeps its first tombstone.
pub async fn destroy(tx: &mut Tx, facts: &FileFacts, how: Destruction) -> Result<Tombstone> {
    let id = facts.case_id.0;
    let mut counts = Counts::new();
    // Accounts that may have only this file: network members invited onto its goals, family
    // members invited into it.
    let mut accounts: Vec<i64> = on!(tx, |c| sqlx::query_scalar(
        "SELECT DISTINCT user_id FROM network_invitations WHERE user_id IS NOT NULL \
         AND goal_id IN (SELECT id FROM goals WHERE case_id = $1)"
    )
    .bind(id)
    .fetch_all(&mut *c)
    .await)?;
    // Outreach (decision 0034): the signals that led to this referral, and the address they
    // named, go with the file; the address's status and attempts stay, counted in the funnel.
    let addresses: Vec<i64> = on!(tx, |c| sqlx::query_scalar("SELECT id FROM campaign_addresses WHERE case_id = $1")
        .bind(id)
        .fetch_all(&mut *c)
        .await)?;
    let on = how.at.to_zoned(jiff::tz::TimeZone::UTC).date();
    for a in addresses {
        let n = crate::outreach_attempts::destroy_signal_data(tx, a, on, how.at).await?;
        *counts.entry("campaign_signals").or_default() += n;
    }
    for (table, sql) in [
        // Group support (decision 0028): the client's places in groups and their attendance.
        (
            "group_attendance",
            "DELETE FROM group_attendance WHERE participant_id IN (SELECT id FROM group_participants WHERE case_id = $1)",
        ),
        ("group_participants", "DELETE FROM group_participants WHERE case_id = $1"),
        ("goal_actions", "DELETE FROM goal_actions WHERE goal_id IN (SELECT id FROM goals WHERE case_id = $1)"),
        ("goal_scores", "DELETE FROM goal_scores WHERE goal_id IN (SELECT id FROM goals WHERE case_id = $1)"),
        ("goal_comments", "DELETE FROM goal_comments WHERE goal_id IN (SELECT id FROM goals WHERE case_id = $1)"),
        ("goal_proposals", "DELETE FROM goal_proposals WHERE goal_id IN (SELECT id FROM goals WHERE case_id = $1)"),
        (
            "network_invitations",
            "DELETE FROM network_invitations WHERE goal_id IN (SELECT id FROM goals WHERE case_id = $1)",
        ),
        ("goals", "DELETE FROM goals WHERE case_id = $1"),
        ("evaluations", "DELETE FROM evaluations WHERE case_id = $1"),
        ("appointments", "DELETE FROM appointments WHERE case_id = $1"),
        ("working_notes", "DELETE FROM working_notes WHERE case_id = $1"),
        ("plan_versions", "DELETE FROM plan_versions WHERE case_id = $1"),
        ("plan_agreements", "DELETE FROM plan_agreements WHERE case_id = $1"),
        ("portal_invitations", "DELETE FROM portal_invitations WHERE case_id = $1"),
        // The survey's invitations; their responses carry no case and stay (decision 0030).
        ("survey_invitations", "DELETE FROM survey_invitations WHERE case_id = $1"),
        ("case_corrections", "DELETE FROM case_corrections WHERE case_id = $1"),
        (
            "contact_participants",
            "DELETE FROM contact_participants WHERE contact_id IN (SELECT id FROM contacts WHERE case_id = $1)",
        ),
        ("contacts", "DELETE FROM contacts WHERE case_id = $1"),
        // Onward referrals to partners (decision 0040), with their clients and life domains.
        (
            "onward_referral_clients",
            "DELETE FROM onward_referral_clients WHERE onward_referral_id IN \
             (SELECT id FROM onward_referrals WHERE case_id = $1)",
        ),
        (
            "onward_referral_life_domains",
            "DELETE FROM onward_referral_life_domains WHERE onward_referral_id IN \
             (SELECT id FROM onward_referrals WHERE case_id = $1)",
        ),
        ("onward_referrals", "DELETE FROM onward_referrals WHERE case_id = $1"),
        ("case_clients", "DELETE FROM case_clients WHERE case_id = $1"),
        ("case_life_domains", "DELETE FROM case_life_domains WHERE case_id = $1"),
        ("legal_holds", "DELETE FROM legal_holds WHERE case_id = $1"),
        // Complaints about the help in this file (decision 0032), with their steps.
        (
            "complaint_steps",
            "DELETE FROM complaint_steps WHERE complaint_id IN (SELECT id FROM complaints WHERE case_id = $1)",
        ),
        ("complaints", "DELETE FROM complaints WHERE case_id = $1"),
        // Emergency access to the file (decision 0023): the grant's reason tells of the family's
        // crisis; what remains is the pseudonymised audit rows of the grant and its review.
        ("emergency_grants", "DELETE FROM emergency_grants WHERE case_id = $1"),
        // Survey invitations name the case and the person; the responses do not (migration
        // 0031) and stay in the aggregates.
        ("survey_invitations", "DELETE FROM survey_invitations WHERE case_id = $1"),
        // Whether group support was considered, and why it is not used (in the family's words).
        ("case_group_support", "DELETE FROM case_group_support WHERE case_id = $1"),
        // Who held the case when, and its teams (decision 0037).
        ("case_holders", "DELETE FROM case_holders WHERE case_id = $1"),
        ("case_team_history", "DELETE FROM case_team_history WHERE case_id = $1"),
        (
            "destruction_requests",
            "UPDATE destruction_requests SET case_id = NULL, requested_by_person_id = NULL WHERE case_id = $1",
        ),
        // The campaign address an accepted offer made this referral from keeps its status (the
        // funnel counts it; its signal data went above); only the link to the file goes.
        // `cases.campaign_id` goes with the case.
        ("campaign_addresses", "UPDATE campaign_addresses SET case_id = NULL WHERE case_id = $1"),
        ("cases", "DELETE FROM cases WHERE id = $1"),
    ] {
        run(tx, &mut counts, table, sql, id).await?;
    }
    // Network members with no invitation left anywhere.
    accounts.sort_unstable();
    let mut orphaned = Vec::new();
    for user in accounts {
        let left: i64 = on!(tx, |c| sqlx::query_scalar("SELECT COUNT(*) FROM network_invitations WHERE user_id = $1")
            .bind(user)
            .fetch_one(&mut *c)
            .await)?;
        if left == 0 {
            orphaned.push(user);
        }
    }

    // The household goes with its last case, together with records merged into it.
    let others: i64 = on!(tx, |c| sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE household_id = $1")
        .bind(facts.household_id.0)
        .fetch_one(&mut *c)
        .await)?;
    let mut households = Vec::new();
    if others == 0 {
        let mut frontier = vec![facts.household_id.0];
        while let Some(h) = frontier.pop() {
            if households.contains(&h) {
                continue;
            }
            households.push(h);
            let merged: Vec<i64> = on!(tx, |c| sqlx::query_scalar("SELECT id FROM households WHERE merged_into = $1")
                .bind(h)
                .fetch_all(&mut *c)
                .await)?;
            frontier.extend(merged);
        }
        for &h in &households {
            let members: Vec<i64> = on!(tx, |c| sqlx::query_scalar(
                "SELECT u.id FROM users u JOIN persons p ON p.id = u.person_id WHERE p.household_id = $1"
            )
            .bind(h)
            .fetch_all(&mut *c)
            .await)?;
            orphaned.extend(members);
        }
    }
    orphaned.sort_unstable();
    orphaned.dedup();
    anonymise_users(tx, &mut counts, &orphaned).await?;
    for &h in &households {
        for (table, sql) in [
            (
                "person_name_trigrams",
                "DELETE FROM person_name_trigrams WHERE person_id IN (SELECT id FROM persons WHERE household_id = $1)",
            ),
            (
                "destruction_requests",
                "UPDATE destruction_requests SET requested_by_person_id = NULL \
                 WHERE requested_by_person_id IN (SELECT id FROM persons WHERE household_id = $1)",
            ),
            (
                "group_attendance",
                "DELETE FROM group_attendance WHERE participant_id IN (SELECT id FROM group_participants \
                 WHERE person_id IN (SELECT id FROM persons WHERE household_id = $1))",
            ),
            (
                "group_participants",
                "DELETE FROM group_participants WHERE person_id IN (SELECT id FROM persons WHERE household_id = $1)",
            ),
            ("persons", "DELETE FROM persons WHERE household_id = $1"),
            // A campaign address matched to the household keeps its status, not the match.
            ("campaign_addresses", "UPDATE campaign_addresses SET household_id = NULL WHERE household_id = $1"),
        ] {
            run(tx, &mut counts, table, sql, h).await?;
        }
        // Records merged into each other point at each other; the pointers go first.
        exec!(tx, |c| sqlx::query("UPDATE households SET merged_into = NULL WHERE id = $1")
            .bind(h)
            .execute(&mut *c)
            .await)?;
    }
    for &h in &households {
        run(tx, &mut counts, "households", "DELETE FROM households WHERE id = $1", h).await?;
    }

    let counts_json = serde_json::to_string(&counts).unwrap_or_else(|_| "{}".into());
    let inserted: Option<i64> = on!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO case_tombstones (case_id, team_id, referred_on, closed_on, last_change_on, reason, request_id, \
         destroyed_by, destroyed_at, household_destroyed, deleted_counts) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (case_id) DO NOTHING RETURNING id"
    )
    .bind(id)
    .bind(facts.team_id.0)
    .bind(sql_date(facts.referred_on))
    .bind(facts.closed_on.map(sql_date))
    .bind(sql_date(how.last_change_on))
    .bind(how.reason.code())
    .bind(how.request_id)
    .bind(how.by.map(|u| u.0))
    .bind(sql_ts(how.at))
    .bind(!households.is_empty())
    .bind(&counts_json)
    .fetch_optional(&mut *c)
    .await
    })?;
    let tombstone = match inserted {
        Some(t) => t,
        None => on!(tx, |c| sqlx::query_scalar("SELECT id FROM case_tombstones WHERE case_id = $1")
            .bind(id)
            .fetch_one(&mut *c)
            .await)?,
    };
    for &h in &households {
        exec!(tx, |c| sqlx::query(
            "INSERT INTO destroyed_households (household_id, tombstone_id) VALUES ($1, $2) \
             ON CONFLICT (household_id) DO NOTHING"
        )
        .bind(h)
        .bind(tombstone)
        .execute(&mut *c)
        .await)?;
    }
    exec!(tx, |c| sqlx::query(
        "UPDATE destruction_requests SET tombstone_id = $1 WHERE case_number = $2 AND case_id IS NULL"
    )
    .bind(tombstone)
    .bind(id)
    .execute(&mut *c)
    .await)?;
    Ok(Tombstone {
        id: tombstone,
        case_id: facts.case_id,
        team_id: facts.team_id,
        referred_on: facts.referred_on,
        closed_on: facts.closed_on,
        last_change_on: how.last_change_on,
        reason: how.reason,
        request_id: how.request_id,
        destroyed_by: how.by,
        destroyed_at: how.at,
        households: households.into_iter().map(HouseholdId).collect(),
        counts,
    })
}

/// A tombstone as listed: the file number and its dates, no content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TombstoneRow {
    pub case_id: CaseId,
    pub referred_on: Date,
    pub closed_on: Option<Date>,
    pub reason: DestructionReason,
    pub destroyed_by: Option<UserId>,
    pub destroyed_at: Timestamp,
}

/// The most recent tombstones, newest first.
pub async fn tombstones(tx: &mut Tx, limit: i64) -> Result<Vec<TombstoneRow>> {
    type Row = (i64, jiff_sqlx::Date, Option<jiff_sqlx::Date>, String, Option<i64>, jiff_sqlx::Timestamp);
    let rows: Vec<Row> = on!(tx, |c| sqlx::query_as(
        "SELECT case_id, referred_on, closed_on, reason, destroyed_by, destroyed_at FROM case_tombstones \
         ORDER BY destroyed_at DESC, id DESC LIMIT $1"
    )
    .bind(limit)
    .fetch_all(&mut *c)
    .await)?;
    rows.into_iter()
        .map(|(case, referred, closed, reason, by, at)| {
            Ok(TombstoneRow {
                case_id: CaseId(case),
                referred_on: referred.to_jiff(),
                closed_on: closed.map(|d| d.to_jiff()),
                reason: crate::parse_code("case_tombstones.reason", &reason, DestructionReason::parse)?,
                destroyed_by: by.map(UserId),
                destroyed_at: at.to_jiff(),
            })
        })
        .collect()
}
