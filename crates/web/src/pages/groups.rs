//! Group support pages (issue 19; decision 0028): the offers (`/groups`, filtered by district,
//! theme and status), a new group (`/groups/new`, team managers), one group (`/groups/{id}`:
//! sessions, participants, waiting list, facilitators; add a session, change the status, enrol
//! someone by name, record leaving), attendance per session (`/group-sessions/{id}/attendance`)
//! and enrolling a client from the case file (`/cases/{id}/groups`).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::AppError;
use buurtteam_app::groups::{
    self as uc, AttendanceInput, CaseEnrolInput, EnrolInput, GroupInput, GroupView, LeaveInput, ListQuery,
    SessionInput, StatusInput,
};
use buurtteam_domain::codes::Role;
use buurtteam_domain::groups::{GroupStatus, GroupTheme, LeaveReason};
use buurtteam_domain::ids::{CaseId, GroupId, GroupParticipantId, GroupSessionId};
use buurtteam_store::groups::Group;
use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::form::{FormData, FormState, PageForm, Scope};
use super::i18n::Tr;
use super::{Chrome, StaffPage, app_error_page, render, saved};
use crate::AppState;

type Options = Vec<(String, String)>;

fn when(tr: Tr, tz: &TimeZone, ts: Timestamp) -> String {
    let z = ts.to_zoned(tz.clone());
    tr.t2("plan-at", "date", tr.date(&z.date()), "time", format!("{:02}:{:02}", z.hour(), z.minute()))
}

fn themes(tr: Tr, first: String) -> Options {
    std::iter::once((String::new(), first))
        .chain(GroupTheme::ALL.iter().map(|t| (t.code().to_owned(), tr.code("group-theme", t.code()))))
        .collect()
}

fn statuses(tr: Tr, first: String) -> Options {
    std::iter::once((String::new(), first))
        .chain(GroupStatus::ALL.iter().map(|s| (s.code().to_owned(), tr.code("group-status", s.code()))))
        .collect()
}

async fn districts(state: &AppState, staff: &StaffPage, first: Option<String>) -> Options {
    let all = buurtteam_app::organisation::list_districts(&state.app, &staff.actor).await.unwrap_or_default();
    first.map(|f| (String::new(), f)).into_iter().chain(all.into_iter().map(|d| (d.id.0.to_string(), d.name))).collect()
}

fn scope() -> Scope {
    Scope::new("", "group")
}

// ---------------------------------------------------------------------------------------
// The list.

pub struct GroupRow {
    pub id: i64,
    pub name: String,
    pub theme: String,
    pub status: String,
    pub districts: String,
    pub places: String,
    pub next: String,
    pub team: String,
}

fn row(tr: Tr, tz: &TimeZone, g: &Group) -> GroupRow {
    GroupRow {
        id: g.id.0,
        name: g.name.clone(),
        theme: tr.code("group-theme", g.theme.code()),
        status: tr.code("group-status", g.status.code()),
        districts: g.districts.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", "),
        places: tr.tn(
            "group-places",
            &[("taken", g.active.into()), ("capacity", g.capacity.into()), ("waiting", g.waiting.into())],
        ),
        next: g.next_session.map_or_else(|| "—".to_owned(), |t| when(tr, tz, t)),
        team: g.team_name.clone(),
    }
}

#[derive(Template)]
#[template(path = "groups/list.html")]
struct ListPage {
    page: Chrome,
    rows: Vec<GroupRow>,
    filter: FormState,
    districts: Options,
    themes: Options,
    statuses: Options,
    may_create: bool,
}

pub async fn list(State(state): State<AppState>, staff: StaffPage, Query(q): Query<ListQuery>) -> Response {
    let chrome = staff.chrome("groups");
    let tr = staff.tr();
    let tz = state.app.settings.time_zone.clone();
    let groups = match uc::list(&state.app, &staff.actor, &q).await {
        Ok(g) => g,
        Err(AppError::Validation(_)) => {
            uc::list(&state.app, &staff.actor, &ListQuery::default()).await.unwrap_or_default()
        }
        Err(e) => return app_error_page(&chrome, e),
    };
    let mut values = FormData::default();
    if let Some(d) = q.district_id {
        values.0.push(("district_id".into(), d.to_string()));
    }
    for (k, v) in [("theme", &q.theme), ("status", &q.status)] {
        if let Some(v) = v {
            values.0.push((k.into(), v.clone()));
        }
    }
    let page = ListPage {
        rows: groups.iter().map(|g| row(tr, &tz, g)).collect(),
        filter: FormState::new(values).in_scope(Scope::new("filter", "group")),
        districts: districts(&state, &staff, Some(tr.t("group-filter-all"))).await,
        themes: themes(tr, tr.t("group-filter-all")),
        statuses: statuses(tr, tr.t("group-filter-all")),
        may_create: staff.actor.role == Role::TeamManager,
        page: chrome,
    };
    render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------------------
// A new group.

#[derive(Template)]
#[template(path = "groups/new.html")]
struct NewPage {
    page: Chrome,
    form: FormState,
    districts: Options,
    themes: Options,
    facilitators: Options,
    teams: Options,
}

async fn new_page(state: &AppState, staff: &StaffPage, form: FormState, status: StatusCode) -> Response {
    let tr = staff.tr();
    let users = uc::facilitator_choices(&state.app, &staff.actor).await.unwrap_or_default();
    let teams = buurtteam_app::organisation::list_teams(&state.app, &staff.actor).await.unwrap_or_default();
    let page = NewPage {
        form,
        districts: districts(state, staff, None).await,
        themes: themes(tr, tr.t("choose")),
        facilitators: users.into_iter().map(|(id, name)| (id.0.to_string(), name)).collect(),
        teams: teams
            .into_iter()
            .filter(|t| staff.actor.team_ids.contains(&t.id))
            .map(|t| (t.id.0.to_string(), t.name))
            .collect(),
        page: staff.chrome("groups"),
    };
    render(status, &page)
}

pub async fn new_form(State(state): State<AppState>, staff: StaffPage) -> Response {
    new_page(&state, &staff, FormState::default().in_scope(scope()), StatusCode::OK).await
}

pub async fn new_submit(State(state): State<AppState>, form: PageForm<GroupInput>) -> Response {
    let staff = &form.page;
    match uc::create(&state.app, &staff.actor, &form.input).await {
        Ok(view) => saved(&format!("/groups/{}", view.group.id.0), "group-created"),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form.values.clone()).in_scope(scope()).with_errors(staff.tr(), &errors);
            new_page(&state, staff, shown, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&staff.chrome("groups"), e),
    }
}

// ---------------------------------------------------------------------------------------
// One group.

pub struct SessionRow {
    pub id: i64,
    pub when: String,
    pub place: String,
    pub attendance: String,
}

pub struct ParticipantRow {
    pub id: i64,
    pub name: String,
    pub goal: String,
    pub case_href: String,
    pub enrolled_on: String,
    pub left: String,
    pub leave: FormState,
}

#[derive(Template)]
#[template(path = "groups/detail.html")]
struct DetailPage {
    page: Chrome,
    id: i64,
    name: String,
    facts: Vec<(String, String)>,
    facilitators: Vec<String>,
    sessions: Vec<SessionRow>,
    /// `None`: the viewer may not see participants.
    placed: Option<Vec<ParticipantRow>>,
    waiting: Vec<ParticipantRow>,
    left: Vec<ParticipantRow>,
    may_manage: bool,
    may_record: bool,
    ended: bool,
    session_form: FormState,
    status_form: FormState,
    enrol_form: FormState,
    next_statuses: Options,
    reasons: Options,
}

/// Which of the page's forms was sent and failed, with its state.
enum Failed {
    None,
    Session(FormState),
    Status(FormState),
    Enrol(FormState),
    Leave(i64, FormState),
}

fn leave_scope(id: i64) -> Scope {
    Scope::new(format!("p{id}"), "leave")
}

async fn detail_page(state: &AppState, staff: &StaffPage, id: i64, failed: Failed, status: StatusCode) -> Response {
    let chrome = staff.chrome("groups");
    let view = match uc::get(&state.app, &staff.actor, GroupId(id)).await {
        Ok(v) => v,
        Err(e) => return app_error_page(&chrome, e),
    };
    render(status, &detail(staff.tr(), &state.app.settings.time_zone, chrome, view, failed))
}

fn detail(tr: Tr, tz: &TimeZone, page: Chrome, view: GroupView, failed: Failed) -> DetailPage {
    let g = &view.group;
    let mut facts = vec![
        (tr.t("group-fact-theme"), tr.code("group-theme", g.theme.code())),
        (tr.t("group-fact-status"), tr.code("group-status", g.status.code())),
        (tr.t("group-fact-team"), g.team_name.clone()),
        (tr.t("group-fact-districts"), g.districts.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", ")),
        (
            tr.t("group-fact-places"),
            tr.tn(
                "group-places",
                &[("taken", g.active.into()), ("capacity", g.capacity.into()), ("waiting", g.waiting.into())],
            ),
        ),
    ];
    if !g.target_group.is_empty() {
        facts.push((tr.t("group-fact-target"), g.target_group.clone()));
    }
    if g.min_age.is_some() || g.max_age.is_some() {
        let ages = match (g.min_age, g.max_age) {
            (Some(a), Some(b)) => tr.t2("group-ages-between", "min", a, "max", b),
            (Some(a), None) => tr.t1("group-ages-from", "min", a),
            (None, Some(b)) => tr.t1("group-ages-until", "max", b),
            (None, None) => String::new(),
        };
        facts.push((tr.t("group-fact-ages"), ages));
    }
    if !g.location.is_empty() {
        facts.push((tr.t("group-fact-location"), g.location.clone()));
    }
    let facilitators = g
        .facilitators
        .iter()
        .map(|f| if f.user_id.is_some() { f.name.clone() } else { tr.t1("group-partner", "name", f.name.as_str()) })
        .collect();
    let (leave_failed, mut session_form, mut status_form, mut enrol_form) = (None, None, None, None);
    let mut leave_failed: Option<(i64, FormState)> = leave_failed;
    match failed {
        Failed::None => {}
        Failed::Session(f) => session_form = Some(f),
        Failed::Status(f) => status_form = Some(f),
        Failed::Enrol(f) => enrol_form = Some(f),
        Failed::Leave(p, f) => leave_failed = Some((p, f)),
    }
    let may_record = view.participants.is_some();
    let mut placed = Vec::new();
    let mut waiting = Vec::new();
    let mut left = Vec::new();
    for pv in view.participants.clone().unwrap_or_default() {
        let p = &pv.participant;
        let leave = match &leave_failed {
            Some((id, f)) if *id == p.id.0 => f.clone(),
            _ => FormState::default().in_scope(leave_scope(p.id.0)),
        };
        let row = ParticipantRow {
            id: p.id.0,
            name: p.name.clone(),
            goal: if pv.file_visible { p.goal_title.clone().unwrap_or_default() } else { String::new() },
            case_href: match (pv.file_visible, p.case_id) {
                (true, Some(c)) => format!("/cases/{}", c.0),
                _ => String::new(),
            },
            enrolled_on: tr.date(&p.enrolled_on),
            left: match (p.left_on, p.leave_reason) {
                (Some(on), Some(r)) => format!("{} ({})", tr.date(&on), tr.code("leave-reason", r.code())),
                (Some(on), None) => tr.date(&on),
                _ => String::new(),
            },
            leave,
        };
        if p.left_on.is_some() {
            left.push(row);
        } else if p.waiting {
            waiting.push(row);
        } else {
            placed.push(row);
        }
    }
    let sessions = view
        .sessions
        .iter()
        .map(|s| SessionRow {
            id: s.id.0,
            when: when(tr, tz, s.starts_at),
            place: s.place.clone(),
            attendance: if s.attendance_recorded_at.is_some() {
                tr.t2("group-attendance-count", "present", s.present, "anonymous", s.anonymous_present)
            } else {
                tr.t("group-attendance-none")
            },
        })
        .collect();
    let next_statuses = GroupStatus::ALL
        .iter()
        .filter(|s| g.status.may_become(**s))
        .map(|s| (s.code().to_owned(), tr.code("group-status", s.code())))
        .collect();
    DetailPage {
        id: g.id.0,
        name: g.name.clone(),
        facts,
        facilitators,
        sessions,
        placed: may_record.then_some(placed),
        waiting,
        left,
        may_manage: view.may_manage,
        may_record,
        ended: g.status == GroupStatus::Ended,
        session_form: session_form.unwrap_or_else(|| FormState::default().in_scope(Scope::new("session", "session"))),
        status_form: status_form.unwrap_or_else(|| FormState::default().in_scope(Scope::new("status", "group"))),
        enrol_form: enrol_form.unwrap_or_else(|| FormState::default().in_scope(Scope::new("enrol", "enrol"))),
        next_statuses,
        reasons: std::iter::once((String::new(), tr.t("choose")))
            .chain(LeaveReason::ALL.iter().map(|r| (r.code().to_owned(), tr.code("leave-reason", r.code()))))
            .collect(),
        page,
    }
}

pub async fn page(State(state): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    detail_page(&state, &staff, id, Failed::None, StatusCode::OK).await
}

pub async fn add_session(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<SessionInput>) -> Response {
    let staff = &form.page;
    match uc::add_session(&state.app, &staff.actor, GroupId(id), &form.input).await {
        Ok(_) => saved(&format!("/groups/{id}"), "group-session-added"),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form.values.clone())
                .in_scope(Scope::new("session", "session"))
                .with_errors(staff.tr(), &errors);
            detail_page(&state, staff, id, Failed::Session(shown), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&staff.chrome("groups"), e),
    }
}

pub async fn set_status(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<StatusInput>) -> Response {
    let staff = &form.page;
    match uc::set_status(&state.app, &staff.actor, GroupId(id), &form.input).await {
        Ok(_) => saved(&format!("/groups/{id}"), "group-status-changed"),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form.values.clone())
                .in_scope(Scope::new("status", "group"))
                .with_errors(staff.tr(), &errors);
            detail_page(&state, staff, id, Failed::Status(shown), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&staff.chrome("groups"), e),
    }
}

pub async fn enrol_by_name(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<EnrolInput>) -> Response {
    let staff = &form.page;
    let input = EnrolInput { name: form.input.name.clone(), ..EnrolInput::default() };
    match uc::enrol(&state.app, &staff.actor, GroupId(id), &input).await {
        Ok(done) => saved(&format!("/groups/{id}"), if done.waiting { "group-waiting" } else { "group-enrolled" }),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form.values.clone())
                .in_scope(Scope::new("enrol", "enrol"))
                .with_errors(staff.tr(), &errors);
            detail_page(&state, staff, id, Failed::Enrol(shown), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&staff.chrome("groups"), e),
    }
}

pub async fn leave(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<LeaveInput>) -> Response {
    let staff = &form.page;
    let group = match uc::participant_group(&state.app, GroupParticipantId(id)).await {
        Ok(g) => g,
        Err(e) => return app_error_page(&staff.chrome("groups"), e),
    };
    match uc::leave(&state.app, &staff.actor, GroupParticipantId(id), &form.input).await {
        Ok(_) => saved(&format!("/groups/{}", group.0), "group-left"),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form.values.clone()).in_scope(leave_scope(id)).with_errors(staff.tr(), &errors);
            detail_page(&state, staff, group.0, Failed::Leave(id, shown), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&staff.chrome("groups"), e),
    }
}

// ---------------------------------------------------------------------------------------
// Attendance of one session.

#[derive(Template)]
#[template(path = "groups/attendance.html")]
struct AttendancePage {
    page: Chrome,
    group_id: i64,
    session_id: i64,
    title: String,
    form: FormState,
    participants: Options,
}

async fn attendance_page(
    state: &AppState,
    staff: &StaffPage,
    session: i64,
    sent: Option<FormState>,
    status: StatusCode,
) -> Response {
    let chrome = staff.chrome("groups");
    let tr = staff.tr();
    let (s, present) = match uc::present_at(&state.app, &staff.actor, GroupSessionId(session)).await {
        Ok(x) => x,
        Err(e) => return app_error_page(&chrome, e),
    };
    let view = match uc::get(&state.app, &staff.actor, s.group_id).await {
        Ok(v) => v,
        Err(e) => return app_error_page(&chrome, e),
    };
    let form = sent.unwrap_or_else(|| {
        let mut values = FormData::default();
        for p in &present {
            values.0.push(("present".into(), p.0.to_string()));
        }
        values.0.push(("anonymous_present".into(), s.anonymous_present.to_string()));
        FormState::new(values).in_scope(Scope::new("", "attendance"))
    });
    let participants = view
        .participants
        .unwrap_or_default()
        .into_iter()
        .filter(|p| p.participant.is_active())
        .map(|p| (p.participant.id.0.to_string(), p.participant.name))
        .collect();
    let title = tr.t2(
        "group-attendance-title",
        "group",
        view.group.name.as_str(),
        "when",
        when(tr, &state.app.settings.time_zone, s.starts_at),
    );
    render(
        status,
        &AttendancePage { page: chrome, group_id: s.group_id.0, session_id: session, title, form, participants },
    )
}

pub async fn attendance_form(State(state): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    attendance_page(&state, &staff, id, None, StatusCode::OK).await
}

pub async fn attendance_submit(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<AttendanceInput>,
) -> Response {
    let staff = &form.page;
    match uc::record_attendance(&state.app, &staff.actor, GroupSessionId(id), &form.input).await {
        Ok(s) => saved(&format!("/groups/{}", s.group_id.0), "group-attendance-recorded"),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form.values.clone())
                .in_scope(Scope::new("", "attendance"))
                .with_errors(staff.tr(), &errors);
            attendance_page(&state, staff, id, Some(shown), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&staff.chrome("groups"), e),
    }
}

// ---------------------------------------------------------------------------------------
// Enrolling a client from the case file.

#[derive(Template)]
#[template(path = "groups/case_enrol.html")]
struct CaseEnrolPage {
    page: Chrome,
    case_id: i64,
    title: String,
    form: FormState,
    groups: Options,
    clients: Options,
    goals: Options,
}

async fn case_enrol_page(
    state: &AppState,
    staff: &StaffPage,
    case: i64,
    form: FormState,
    status: StatusCode,
) -> Response {
    let chrome = staff.chrome("");
    let tr = staff.tr();
    let file = match buurtteam_app::cases::file(&state.app, &staff.actor, CaseId(case)).await {
        Ok(f) => f,
        Err(e) => return app_error_page(&chrome, e),
    };
    let plan = buurtteam_app::plan::staff_plan(&state.app, &staff.actor, CaseId(case)).await.ok();
    let groups = uc::list(&state.app, &staff.actor, &ListQuery::default()).await.unwrap_or_default();
    let c = &file.view.case;
    let page = CaseEnrolPage {
        case_id: case,
        title: c.clients_label(),
        form,
        groups: std::iter::once((String::new(), tr.t("choose")))
            .chain(groups.iter().filter(|g| g.status != GroupStatus::Ended).map(|g| {
                (
                    g.id.0.to_string(),
                    tr.tn(
                        "group-option",
                        &[
                            ("name", g.name.as_str().into()),
                            ("theme", tr.code("group-theme", g.theme.code()).into()),
                            ("taken", g.active.into()),
                            ("capacity", g.capacity.into()),
                        ],
                    ),
                )
            }))
            .collect(),
        clients: std::iter::once((String::new(), tr.t("choose")))
            .chain(c.clients.iter().map(|p| (p.person_id.0.to_string(), format!("{} {}", p.given_name, p.family_name))))
            .collect(),
        goals: std::iter::once((String::new(), tr.t("group-goal-none")))
            .chain(
                plan.map(|p| p.goals).unwrap_or_default().into_iter().map(|g| (g.goal.id.0.to_string(), g.goal.title)),
            )
            .collect(),
        page: chrome,
    };
    render(status, &page)
}

pub async fn case_enrol_form(State(state): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    case_enrol_page(&state, &staff, id, FormState::default().in_scope(Scope::new("", "enrol")), StatusCode::OK).await
}

pub async fn case_enrol_submit(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<CaseEnrolInput>,
) -> Response {
    let staff = &form.page;
    match uc::enrol_from_case(&state.app, &staff.actor, CaseId(id), &form.input).await {
        Ok(done) => saved(&format!("/cases/{id}"), if done.waiting { "group-waiting" } else { "group-enrolled" }),
        Err(AppError::Validation(errors)) => {
            let shown =
                FormState::new(form.values.clone()).in_scope(Scope::new("", "enrol")).with_errors(staff.tr(), &errors);
            case_enrol_page(&state, staff, id, shown, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&staff.chrome(""), e),
    }
}
