//! Group offers (groepsaanbod) with their districts, facilitators, sessions, participants and
//! attendance (migrations 0029 and 0032). The store only reads and writes; who may, and the
//! waiting-list rule, are decided in `app::groups` with `domain::groups`.

use buurtteam_domain::groups::{GroupStatus, GroupTheme, LeaveReason};
use buurtteam_domain::ids::{
    CaseId, DistrictId, GoalId, GroupId, GroupParticipantId, GroupSessionId, PersonId, TeamId, UserId,
};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, Tx, parse_code, sql_date, sql_ts};

/// A group to create.
#[derive(Debug, Clone)]
pub struct NewGroup {
    pub team_id: TeamId,
    pub theme: GroupTheme,
    pub name: String,
    pub target_group: String,
    pub min_age: Option<i64>,
    pub max_age: Option<i64>,
    pub location: String,
    pub capacity: i64,
    pub district_ids: Vec<DistrictId>,
    pub facilitator_ids: Vec<UserId>,
    pub partner_facilitators: Vec<String>,
    pub created_by: UserId,
}

/// Someone who leads a group: one of our staff, or someone of a partner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facilitator {
    pub user_id: Option<UserId>,
    /// The staff member's name, or the partner's.
    pub name: String,
}

/// A group offer with what everyone who may see the offers sees.
#[derive(Debug, Clone)]
pub struct Group {
    pub id: GroupId,
    pub team_id: TeamId,
    pub team_name: String,
    pub theme: GroupTheme,
    pub name: String,
    pub target_group: String,
    pub min_age: Option<i64>,
    pub max_age: Option<i64>,
    pub location: String,
    pub capacity: i64,
    pub status: GroupStatus,
    pub districts: Vec<(DistrictId, String)>,
    pub facilitators: Vec<Facilitator>,
    /// Participants enrolled, not waiting, not left.
    pub active: i64,
    /// On the waiting list, not left.
    pub waiting: i64,
    /// The next session from now, if any.
    pub next_session: Option<Timestamp>,
}

impl Group {
    /// The staff facilitators' user ids.
    pub fn facilitator_users(&self) -> Vec<UserId> {
        self.facilitators.iter().filter_map(|f| f.user_id).collect()
    }
}

/// A session of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub id: GroupSessionId,
    pub group_id: GroupId,
    pub starts_at: Timestamp,
    pub place: String,
    pub anonymous_present: i64,
    pub attendance_recorded_at: Option<Timestamp>,
    /// Participants recorded present.
    pub present: i64,
}

/// A participant of a group, as stored (the app decides what of it a viewer sees).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub id: GroupParticipantId,
    pub group_id: GroupId,
    pub person_id: Option<PersonId>,
    pub case_id: Option<CaseId>,
    /// The team of the client's case.
    pub case_team_id: Option<TeamId>,
    pub goal_id: Option<GoalId>,
    pub goal_title: Option<String>,
    /// The client's name from their record, or the name given for someone who is not a client.
    pub name: String,
    pub waiting: bool,
    pub enrolled_on: Date,
    pub left_on: Option<Date>,
    pub leave_reason: Option<LeaveReason>,
    pub leave_note: Option<String>,
}

impl Participant {
    pub fn is_active(&self) -> bool {
        !self.waiting && self.left_on.is_none()
    }
}

/// A participant to enrol.
#[derive(Debug, Clone)]
pub struct NewParticipant {
    pub group_id: GroupId,
    pub person_id: Option<PersonId>,
    pub case_id: Option<CaseId>,
    pub goal_id: Option<GoalId>,
    pub name: Option<String>,
    pub waiting: bool,
    pub enrolled_on: Date,
    pub created_by: UserId,
}

/// Filters of the list of offers.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub district_id: Option<DistrictId>,
    pub theme: Option<GroupTheme>,
    pub status: Option<GroupStatus>,
}

pub async fn insert(tx: &mut Tx, g: &NewGroup, now: Timestamp) -> Result<GroupId> {
    let id: i64 = on!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO group_offers (team_id, theme, name, target_group, min_age, max_age, location, capacity, status, \
         created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id"
    )
    .bind(g.team_id.0)
    .bind(g.theme.code())
    .bind(&g.name)
    .bind(&g.target_group)
    .bind(g.min_age)
    .bind(g.max_age)
    .bind(&g.location)
    .bind(g.capacity)
    .bind(GroupStatus::Planned.code())
    .bind(g.created_by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await
    })?;
    for d in &g.district_ids {
        exec!(tx, |c| sqlx::query("INSERT INTO group_offer_districts (group_id, district_id) VALUES ($1, $2)")
            .bind(id)
            .bind(d.0)
            .execute(&mut *c)
            .await)?;
    }
    for u in &g.facilitator_ids {
        exec!(tx, |c| sqlx::query("INSERT INTO group_facilitators (group_id, user_id) VALUES ($1, $2)")
            .bind(id)
            .bind(u.0)
            .execute(&mut *c)
            .await)?;
    }
    for p in &g.partner_facilitators {
        exec!(tx, |c| sqlx::query("INSERT INTO group_facilitators (group_id, partner_name) VALUES ($1, $2)")
            .bind(id)
            .bind(p)
            .execute(&mut *c)
            .await)?;
    }
    Ok(GroupId(id))
}

/// Of `ids`, those that are active staff who work with client records (a facilitator must be).
pub async fn staff_with_client_access(tx: &mut Tx, ids: &[UserId]) -> Result<Vec<UserId>> {
    let mut found = Vec::new();
    for u in ids {
        let n: i64 = on!(tx, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM users WHERE id = $1 AND active AND role IN ('family_worker', 'team_manager')"
        )
        .bind(u.0)
        .fetch_one(&mut *c)
        .await)?;
        if n > 0 {
            found.push(*u);
        }
    }
    Ok(found)
}

/// Of `ids`, the districts that exist.
pub async fn existing_districts(tx: &mut Tx, ids: &[DistrictId]) -> Result<Vec<DistrictId>> {
    let mut found = Vec::new();
    for d in ids {
        let n: i64 = on!(tx, |c| sqlx::query_scalar("SELECT COUNT(*) FROM districts WHERE id = $1")
            .bind(d.0)
            .fetch_one(&mut *c)
            .await)?;
        if n > 0 {
            found.push(*d);
        }
    }
    Ok(found)
}

type GroupRow = (i64, i64, String, String, String, String, Option<i64>, Option<i64>, String, i64, String);

const GROUP_SELECT: &str = "SELECT g.id, g.team_id, t.name, g.theme, g.name, g.target_group, g.min_age, g.max_age, \
     g.location, g.capacity, g.status FROM group_offers g JOIN teams t ON t.id = g.team_id";

async fn complete(tx: &mut Tx, row: GroupRow, now: Timestamp) -> Result<Group> {
    let (id, team, team_name, theme, name, target_group, min_age, max_age, location, capacity, status) = row;
    let districts: Vec<(i64, String)> = on!(tx, |c| sqlx::query_as(
        "SELECT d.id, d.name FROM group_offer_districts gd JOIN districts d ON d.id = gd.district_id \
         WHERE gd.group_id = $1 ORDER BY d.name, d.id"
    )
    .bind(id)
    .fetch_all(&mut *c)
    .await)?;
    let facilitators: Vec<(Option<i64>, Option<String>, Option<String>)> = on!(tx, |c| sqlx::query_as(
        "SELECT f.user_id, u.name, f.partner_name FROM group_facilitators f LEFT JOIN users u ON u.id = f.user_id \
         WHERE f.group_id = $1 ORDER BY f.id"
    )
    .bind(id)
    .fetch_all(&mut *c)
    .await)?;
    let (active, waiting): (i64, i64) = on!(tx, |c| sqlx::query_as(
        "SELECT COALESCE(SUM(CASE WHEN NOT waiting THEN 1 ELSE 0 END), 0), \
                COALESCE(SUM(CASE WHEN waiting THEN 1 ELSE 0 END), 0) \
         FROM group_participants WHERE group_id = $1 AND left_on IS NULL"
    )
    .bind(id)
    .fetch_one(&mut *c)
    .await)?;
    let next: Option<jiff_sqlx::Timestamp> = on!(tx, |c| sqlx::query_scalar(
        "SELECT MIN(starts_at) FROM group_sessions WHERE group_id = $1 AND starts_at >= $2"
    )
    .bind(id)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    Ok(Group {
        id: GroupId(id),
        team_id: TeamId(team),
        team_name,
        theme: parse_code("group_offers.theme", &theme, GroupTheme::parse)?,
        name,
        target_group,
        min_age,
        max_age,
        location,
        capacity,
        status: parse_code("group_offers.status", &status, GroupStatus::parse)?,
        districts: districts.into_iter().map(|(d, n)| (DistrictId(d), n)).collect(),
        facilitators: facilitators
            .into_iter()
            .map(|(user, user_name, partner)| Facilitator {
                user_id: user.map(UserId),
                name: user_name.or(partner).unwrap_or_default(),
            })
            .collect(),
        active,
        waiting,
        next_session: next.map(|t| t.to_jiff()),
    })
}

pub async fn get(tx: &mut Tx, id: GroupId, now: Timestamp) -> Result<Option<Group>> {
    let sql = format!("{GROUP_SELECT} WHERE g.id = $1");
    let row: Option<GroupRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id.0).fetch_optional(&mut *c).await)?;
    match row {
        Some(row) => Ok(Some(complete(tx, row, now).await?)),
        None => Ok(None),
    }
}

/// The offers, filtered, newest first (at most `limit`).
pub async fn list(tx: &mut Tx, filter: &Filter, now: Timestamp, limit: i64) -> Result<Vec<Group>> {
    let sql = format!(
        "{GROUP_SELECT} WHERE ($1 IS NULL OR g.id IN (SELECT group_id FROM group_offer_districts WHERE district_id = $1)) \
         AND ($2 IS NULL OR g.theme = $2) AND ($3 IS NULL OR g.status = $3) ORDER BY g.id DESC LIMIT $4"
    );
    let rows: Vec<GroupRow> = on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
        .bind(filter.district_id.map(|d| d.0))
        .bind(filter.theme.map(|t| t.code()))
        .bind(filter.status.map(|s| s.code()))
        .bind(limit)
        .fetch_all(&mut *c)
        .await)?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(complete(tx, row, now).await?);
    }
    Ok(out)
}

pub async fn set_status(tx: &mut Tx, id: GroupId, status: GroupStatus, now: Timestamp) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE group_offers SET status = $2, updated_at = $3 WHERE id = $1")
        .bind(id.0)
        .bind(status.code())
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await)?;
    Ok(())
}

pub async fn insert_session(
    tx: &mut Tx,
    group: GroupId,
    starts_at: Timestamp,
    place: &str,
    by: UserId,
    now: Timestamp,
) -> Result<GroupSessionId> {
    let id: i64 = on!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO group_sessions (group_id, starts_at, place, created_by, created_at) VALUES ($1, $2, $3, $4, $5) \
         RETURNING id"
    )
    .bind(group.0)
    .bind(sql_ts(starts_at))
    .bind(place)
    .bind(by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await
    })?;
    Ok(GroupSessionId(id))
}

type SessionRow = (i64, i64, jiff_sqlx::Timestamp, String, i64, Option<jiff_sqlx::Timestamp>, i64);

const SESSION_SELECT: &str = "SELECT s.id, s.group_id, s.starts_at, s.place, s.anonymous_present, s.attendance_recorded_at, \
     (SELECT COUNT(*) FROM group_attendance a WHERE a.session_id = s.id AND a.present) FROM group_sessions s";

fn session(row: SessionRow) -> Session {
    let (id, group, starts_at, place, anonymous_present, recorded, present) = row;
    Session {
        id: GroupSessionId(id),
        group_id: GroupId(group),
        starts_at: starts_at.to_jiff(),
        place,
        anonymous_present,
        attendance_recorded_at: recorded.map(|t| t.to_jiff()),
        present,
    }
}

/// The sessions of a group, earliest first.
pub async fn sessions(tx: &mut Tx, group: GroupId) -> Result<Vec<Session>> {
    let sql = format!("{SESSION_SELECT} WHERE s.group_id = $1 ORDER BY s.starts_at, s.id");
    let rows: Vec<SessionRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(group.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(session).collect())
}

pub async fn get_session(tx: &mut Tx, id: GroupSessionId) -> Result<Option<Session>> {
    let sql = format!("{SESSION_SELECT} WHERE s.id = $1");
    let row: Option<SessionRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id.0).fetch_optional(&mut *c).await)?;
    Ok(row.map(session))
}

/// The group a session or participant belongs to (`None`: no such one).
pub async fn group_of_session(tx: &mut Tx, id: GroupSessionId) -> Result<Option<GroupId>> {
    let g: Option<i64> = on!(tx, |c| sqlx::query_scalar("SELECT group_id FROM group_sessions WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut *c)
        .await)?;
    Ok(g.map(GroupId))
}

pub async fn group_of_participant(tx: &mut Tx, id: GroupParticipantId) -> Result<Option<GroupId>> {
    let g: Option<i64> = on!(tx, |c| sqlx::query_scalar("SELECT group_id FROM group_participants WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut *c)
        .await)?;
    Ok(g.map(GroupId))
}

pub async fn insert_participant(tx: &mut Tx, p: &NewParticipant, now: Timestamp) -> Result<GroupParticipantId> {
    let id: i64 = on!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO group_participants (group_id, person_id, case_id, goal_id, name, waiting, enrolled_on, created_by, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id"
    )
    .bind(p.group_id.0)
    .bind(p.person_id.map(|x| x.0))
    .bind(p.case_id.map(|x| x.0))
    .bind(p.goal_id.map(|x| x.0))
    .bind(p.name.as_deref())
    .bind(p.waiting)
    .bind(sql_date(p.enrolled_on))
    .bind(p.created_by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await
    })?;
    Ok(GroupParticipantId(id))
}

type ParticipantRow = (
    i64,
    i64,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    bool,
    jiff_sqlx::Date,
    Option<jiff_sqlx::Date>,
    Option<String>,
    Option<String>,
);

const PARTICIPANT_SELECT: &str = "SELECT p.id, p.group_id, p.person_id, p.case_id, c.team_id, p.goal_id, o.title, \
     pe.given_name, pe.family_name, p.name, p.waiting, p.enrolled_on, p.left_on, p.leave_reason, p.leave_note \
     FROM group_participants p LEFT JOIN cases c ON c.id = p.case_id LEFT JOIN goals o ON o.id = p.goal_id \
     LEFT JOIN persons pe ON pe.id = p.person_id";

fn participant(row: ParticipantRow) -> Result<Participant> {
    let (id, group, person, case, team, goal, title, given, family, name, waiting, enrolled, left, reason, note) = row;
    let name = match (given, family, name) {
        (Some(g), Some(f), _) => format!("{g} {f}"),
        (_, _, Some(n)) => n,
        _ => String::new(),
    };
    Ok(Participant {
        id: GroupParticipantId(id),
        group_id: GroupId(group),
        person_id: person.map(PersonId),
        case_id: case.map(CaseId),
        case_team_id: team.map(TeamId),
        goal_id: goal.map(GoalId),
        goal_title: title,
        name,
        waiting,
        enrolled_on: enrolled.to_jiff(),
        left_on: left.map(|d| d.to_jiff()),
        leave_reason: reason
            .map(|r| parse_code("group_participants.leave_reason", &r, LeaveReason::parse))
            .transpose()?,
        leave_note: note,
    })
}

/// Everyone ever enrolled in a group, in order of enrolment.
pub async fn participants(tx: &mut Tx, group: GroupId) -> Result<Vec<Participant>> {
    let sql = format!("{PARTICIPANT_SELECT} WHERE p.group_id = $1 ORDER BY p.id");
    let rows: Vec<ParticipantRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(group.0).fetch_all(&mut *c).await)?;
    rows.into_iter().map(participant).collect()
}

pub async fn get_participant(tx: &mut Tx, id: GroupParticipantId) -> Result<Option<Participant>> {
    let sql = format!("{PARTICIPANT_SELECT} WHERE p.id = $1");
    let row: Option<ParticipantRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id.0).fetch_optional(&mut *c).await)?;
    row.map(participant).transpose()
}

/// Records that a participant left; false when they had left already.
pub async fn leave(
    tx: &mut Tx,
    id: GroupParticipantId,
    on: Date,
    reason: LeaveReason,
    note: Option<&str>,
) -> Result<bool> {
    let n = exec!(tx, |c| {
        sqlx::query(
        "UPDATE group_participants SET left_on = $2, leave_reason = $3, leave_note = $4 WHERE id = $1 AND left_on IS NULL"
    )
    .bind(id.0)
    .bind(sql_date(on))
    .bind(reason.code())
    .bind(note)
    .execute(&mut *c)
    .await
    })?;
    Ok(n == 1)
}

/// Moves a participant from the waiting list onto the group.
pub async fn move_up(tx: &mut Tx, id: GroupParticipantId) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE group_participants SET waiting = FALSE WHERE id = $1 AND waiting")
        .bind(id.0)
        .execute(&mut *c)
        .await)?;
    Ok(())
}

/// Records a session's attendance: each of `participants` present or not (replacing what was
/// recorded before), and the anonymous count.
pub async fn record_attendance(
    tx: &mut Tx,
    session: GroupSessionId,
    participants: &[(GroupParticipantId, bool)],
    anonymous_present: i64,
    now: Timestamp,
) -> Result<()> {
    exec!(tx, |c| sqlx::query("DELETE FROM group_attendance WHERE session_id = $1")
        .bind(session.0)
        .execute(&mut *c)
        .await)?;
    for (p, present) in participants {
        exec!(tx, |c| sqlx::query(
            "INSERT INTO group_attendance (session_id, participant_id, present) VALUES ($1, $2, $3)"
        )
        .bind(session.0)
        .bind(p.0)
        .bind(*present)
        .execute(&mut *c)
        .await)?;
    }
    exec!(tx, |c| sqlx::query(
        "UPDATE group_sessions SET anonymous_present = $2, attendance_recorded_at = $3 WHERE id = $1"
    )
    .bind(session.0)
    .bind(anonymous_present)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(())
}

/// Who was recorded present at a session (participant ids).
pub async fn present_at(tx: &mut Tx, session: GroupSessionId) -> Result<Vec<GroupParticipantId>> {
    let ids: Vec<i64> = on!(tx, |c| sqlx::query_scalar(
        "SELECT participant_id FROM group_attendance WHERE session_id = $1 AND present ORDER BY participant_id"
    )
    .bind(session.0)
    .fetch_all(&mut *c)
    .await)?;
    Ok(ids.into_iter().map(GroupParticipantId).collect())
}

/// A group a person takes part in (or waits for), for the plan and the portal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participation {
    pub participant_id: GroupParticipantId,
    pub person_id: PersonId,
    pub case_id: CaseId,
    pub goal_id: Option<GoalId>,
    pub group_id: GroupId,
    pub group_name: String,
    pub theme: GroupTheme,
    pub location: String,
    pub waiting: bool,
    pub next_session: Option<(Timestamp, String)>,
}

/// The groups the clients of a case take part in or wait for (not left), by enrolment.
pub async fn participations_of_case(tx: &mut Tx, case: CaseId, now: Timestamp) -> Result<Vec<Participation>> {
    type Row = (i64, i64, i64, Option<i64>, i64, String, String, String, bool);
    let rows: Vec<Row> = on!(tx, |c| sqlx::query_as(
        "SELECT p.id, p.person_id, p.case_id, p.goal_id, g.id, g.name, g.theme, g.location, p.waiting \
         FROM group_participants p JOIN group_offers g ON g.id = p.group_id \
         WHERE p.case_id = $1 AND p.left_on IS NULL AND g.status <> 'ended' ORDER BY p.id"
    )
    .bind(case.0)
    .fetch_all(&mut *c)
    .await)?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, person, case, goal, group, name, theme, location, waiting) in rows {
        let next: Option<(jiff_sqlx::Timestamp, String)> = on!(tx, |c| sqlx::query_as(
            "SELECT starts_at, place FROM group_sessions WHERE group_id = $1 AND starts_at >= $2 \
             ORDER BY starts_at, id LIMIT 1"
        )
        .bind(group)
        .bind(sql_ts(now))
        .fetch_optional(&mut *c)
        .await)?;
        out.push(Participation {
            participant_id: GroupParticipantId(id),
            person_id: PersonId(person),
            case_id: CaseId(case),
            goal_id: goal.map(GoalId),
            group_id: GroupId(group),
            group_name: name,
            theme: parse_code("group_offers.theme", &theme, GroupTheme::parse)?,
            location,
            waiting,
            next_session: next.map(|(t, p)| (t.to_jiff(), p)),
        });
    }
    Ok(out)
}

/// Whether `person` already takes part in (or waits for) `group`.
pub async fn is_enrolled(tx: &mut Tx, group: GroupId, person: PersonId) -> Result<bool> {
    let n: i64 = on!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM group_participants WHERE group_id = $1 AND person_id = $2 AND left_on IS NULL"
    )
    .bind(group.0)
    .bind(person.0)
    .fetch_one(&mut *c)
    .await)?;
    Ok(n > 0)
}

/// Active staff who work with client records, by name: who may be named facilitator.
pub async fn facilitator_choices(tx: &mut Tx) -> Result<Vec<(UserId, String)>> {
    let rows: Vec<(i64, String)> = on!(tx, |c| sqlx::query_as(
        "SELECT id, name FROM users WHERE active AND role IN ('family_worker', 'team_manager') ORDER BY name, id"
    )
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows.into_iter().map(|(id, name)| (UserId(id), name)).collect())
}

/// Clients of a team's cases in support, newest case first (at most `limit`): whom the
/// synthetic city enrols in groups.
pub async fn clients_in_support(tx: &mut Tx, team: TeamId, limit: i64) -> Result<Vec<(CaseId, PersonId, Date)>> {
    let rows: Vec<(i64, i64, jiff_sqlx::Date)> = on!(tx, |c| {
        sqlx::query_as(
        "SELECT c.id, cc.person_id, p.birth_date FROM cases c JOIN case_clients cc ON cc.case_id = c.id \
         JOIN persons p ON p.id = cc.person_id \
         WHERE c.team_id = $1 AND c.status = 'in_support' AND c.voided_on IS NULL ORDER BY c.id DESC, cc.person_id LIMIT $2"
    )
    .bind(team.0)
    .bind(limit)
    .fetch_all(&mut *c)
    .await
    })?;
    Ok(rows.into_iter().map(|(c, p, d)| (CaseId(c), PersonId(p), d.to_jiff())).collect())
}
