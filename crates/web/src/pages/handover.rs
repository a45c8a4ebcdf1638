//! Handing cases over (decision 0037), for the team manager: `/cases/{id}/handover` with the
//! "Overdragen" form (to a worker, to another team), the stand-in form and the case's history
//! "Wie had deze begeleiding"; `/teams/{id}/handover` ("Overdracht") for many cases of an
//! absent or leaving worker at once. The forms send the API's inputs.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use buurtteam_app::AppError;
use buurtteam_app::cases::handover::{self as uc, BulkHandoverInput, HandoverInput, History, StandInInput};
use buurtteam_app::cases::{self};
use buurtteam_domain::ids::{CaseId, TeamId, UserId};
use serde::Deserialize;

use super::form::PageForm;
use super::i18n::Tr;
use super::{Chrome, StaffPage, app_error_page, render};
use crate::AppState;

/// "Fatma Öztürk — gezinswerker, 3 maart 2031 tot 10 maart 2031".
pub(super) fn history_lines(tr: Tr, h: &History) -> (Vec<String>, Vec<String>) {
    let period = |from: &jiff::civil::Date, until: &Option<jiff::civil::Date>| match until {
        Some(u) => tr.t2("history-period", "from", tr.date(from), "until", tr.date(u)),
        None => tr.t1("history-since", "from", tr.date(from)),
    };
    let holders = h
        .holders
        .iter()
        .map(|x| {
            let kind = tr.t(if x.stand_in { "history-stand-in" } else { "history-worker" });
            format!("{} ({kind}): {}", x.name, period(&x.from_on, &x.until_on))
        })
        .collect();
    let teams = h.teams.iter().map(|t| format!("{}: {}", t.name, period(&t.from_on, &t.until_on))).collect();
    (holders, teams)
}

#[derive(Template)]
#[template(path = "handover.html")]
struct CasePage {
    page: Chrome,
    id: i64,
    title: String,
    team: String,
    worker: String,
    workers: Vec<(i64, String)>,
    teams: Vec<(i64, String)>,
    today: String,
    /// A message: the confirmation (`ok`) or why the form was refused.
    error: String,
    ok: bool,
    holders: Vec<String>,
    team_history: Vec<String>,
}

#[derive(Deserialize, Default)]
pub(super) struct Done {
    done: Option<String>,
}

async fn case_page(s: &AppState, staff: &StaffPage, id: i64, status: StatusCode, error: String) -> Response {
    let chrome = staff.chrome("worklist");
    let tr = chrome.tr;
    let file = match cases::file(&s.app, &staff.actor, CaseId(id)).await {
        Ok(f) => f,
        Err(e) => return app_error_page(&chrome, e),
    };
    let teams = match buurtteam_app::organisation::list_teams(&s.app, &staff.actor).await {
        Ok(t) => t.into_iter().filter(|t| t.id != file.team.id).map(|t| (t.id.0, t.name)).collect(),
        Err(e) => return app_error_page(&chrome, e),
    };
    let c = &file.view.case;
    let worker = c
        .worker_id
        .and_then(|w| file.staff.iter().find(|(u, _, _)| *u == w))
        .map_or_else(|| tr.t("worker-none"), |(_, n, _)| n.clone());
    let (holders, team_history) = history_lines(tr, &file.history);
    let page = CasePage {
        id,
        title: super::worklist::clients_label(&file.view),
        team: file.team.name.clone(),
        worker,
        workers: file.staff.iter().map(|(u, n, _)| (u.0, n.clone())).collect(),
        teams,
        today: s.app.today().to_string(),
        ok: status == StatusCode::OK,
        error,
        holders,
        team_history,
        page: chrome,
    };
    render(status, &page)
}

pub(super) async fn page(
    State(s): State<AppState>,
    staff: StaffPage,
    Path(id): Path<i64>,
    Query(done): Query<Done>,
) -> Response {
    let note = match done.done.as_deref() {
        Some("stand_in") => staff.tr().t("handover-stand-in-done"),
        Some(_) => staff.tr().t("handover-done"),
        None => String::new(),
    };
    case_page(&s, &staff, id, StatusCode::OK, note).await
}

/// A refused handover in the reader's language: each field error's message (as the forms
/// translate them), or the conflict.
fn refusal(tr: Tr, e: AppError) -> Result<String, AppError> {
    let message = match e {
        AppError::Validation(errors) => errors
            .iter()
            .map(|e| {
                let key = format!("field-error-{}", e.code.replace('_', "-"));
                let args: Vec<(&str, super::i18n::Arg)> = e
                    .args
                    .iter()
                    .map(|(k, v)| match v.parse::<jiff::civil::Date>() {
                        Ok(d) if v.len() == 10 => (*k, super::i18n::Arg::from(tr.date(&d))),
                        _ => (*k, super::i18n::Arg::from(v.as_str())),
                    })
                    .collect();
                let message = tr.tn(&key, &args);
                if message == key { e.message.clone() } else { message }
            })
            .collect::<Vec<_>>()
            .join(" "),
        AppError::Conflict { .. } => tr.t("handover-conflict"),
        e => return Err(e),
    };
    Ok(format!("{} {message}", tr.t("handover-refused")))
}

fn some(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
}

fn id_of(v: &Option<String>) -> Option<i64> {
    some(v).and_then(|v| v.parse().ok())
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct HandoverForm {
    to_worker_id: Option<String>,
    to_team_id: Option<String>,
    on: Option<String>,
}

pub(super) async fn hand_over(
    State(s): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<HandoverForm, StaffPage>,
) -> Response {
    let PageForm { page: staff, input, .. } = form;
    let to_team_id = id_of(&input.to_team_id);
    let body = HandoverInput { to_worker_id: id_of(&input.to_worker_id), to_team_id, on: some(&input.on) };
    match uc::handover(&s.app, &staff.actor, CaseId(id), &body).await {
        // After a transfer the file is no longer this team's: back to the worklist.
        Ok(_) if to_team_id.is_some() => Redirect::to("/?done=transferred").into_response(),
        Ok(_) => Redirect::to(&format!("/cases/{id}/handover?done=handed_over")).into_response(),
        Err(e) => match refusal(staff.tr(), e) {
            Ok(error) => case_page(&s, &staff, id, StatusCode::UNPROCESSABLE_ENTITY, error).await,
            Err(e) => app_error_page(&staff.chrome("worklist"), e),
        },
    }
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct StandInForm {
    worker_id: Option<String>,
    from_on: Option<String>,
    until_on: Option<String>,
}

pub(super) async fn stand_in(
    State(s): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<StandInForm, StaffPage>,
) -> Response {
    let PageForm { page: staff, input, .. } = form;
    let body = StandInInput {
        worker_id: id_of(&input.worker_id),
        from_on: some(&input.from_on),
        until_on: some(&input.until_on),
    };
    match uc::set_stand_in(&s.app, &staff.actor, CaseId(id), &body).await {
        Ok(_) => Redirect::to(&format!("/cases/{id}/handover?done=stand_in")).into_response(),
        Err(e) => match refusal(staff.tr(), e) {
            Ok(error) => case_page(&s, &staff, id, StatusCode::UNPROCESSABLE_ENTITY, error).await,
            Err(e) => app_error_page(&staff.chrome("worklist"), e),
        },
    }
}

#[derive(Template)]
#[template(path = "team_handover.html")]
struct TeamPage {
    page: Chrome,
    team_id: i64,
    team: String,
    workers: Vec<(i64, String)>,
    from: i64,
    /// The chosen worker's open cases: id, clients, what is next.
    cases: Vec<(i64, String, String)>,
    today: String,
    notice: String,
    error: String,
}

#[derive(Deserialize, Default)]
pub(super) struct TeamQuery {
    worker: Option<i64>,
    done: Option<usize>,
    stand_in: Option<bool>,
}

async fn team_page(
    s: &AppState,
    staff: &StaffPage,
    team: i64,
    q: TeamQuery,
    status: StatusCode,
    error: String,
) -> Response {
    let chrome = staff.chrome("worklist");
    let tr = chrome.tr;
    let load = match cases::caseload(&s.app, &staff.actor, TeamId(team)).await {
        Ok(l) => l,
        Err(e) => return app_error_page(&chrome, e),
    };
    let workers: Vec<(i64, String)> =
        load.workers.iter().filter_map(|l| l.worker.as_ref().map(|(id, n)| (id.0, n.clone()))).collect();
    let from = q.worker.unwrap_or(0);
    let cases = load
        .workers
        .iter()
        .filter(|l| l.worker.as_ref().is_some_and(|(id, _)| *id == UserId(from)))
        .flat_map(|l| l.cases.iter())
        .map(|v| {
            let row = super::worklist::row(tr, v, load.today);
            (row.id, row.clients, format!("{} — {}", tr.code("status", v.case.status.code()), row.next))
        })
        .collect();
    let notice = match (q.done, q.stand_in) {
        (Some(n), Some(true)) => tr.t1("team-handover-stand-in-done", "count", n as i64),
        (Some(n), _) => tr.t1("team-handover-done", "count", n as i64),
        _ => String::new(),
    };
    let page = TeamPage {
        team_id: team,
        team: load.team.name.clone(),
        workers,
        from,
        cases,
        today: load.today.to_string(),
        notice,
        error,
        page: chrome,
    };
    render(status, &page)
}

pub(super) async fn team(
    State(s): State<AppState>,
    staff: StaffPage,
    Path(team): Path<i64>,
    Query(q): Query<TeamQuery>,
) -> Response {
    team_page(&s, &staff, team, q, StatusCode::OK, String::new()).await
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct BulkForm {
    from_worker_id: Option<String>,
    to_worker_id: Option<String>,
    #[serde(default)]
    case_ids: Vec<i64>,
    on: Option<String>,
    until_on: Option<String>,
}

pub(super) async fn team_hand_over(
    State(s): State<AppState>,
    Path(team): Path<i64>,
    form: PageForm<BulkForm, StaffPage>,
) -> Response {
    let PageForm { page: staff, input, .. } = form;
    let from = id_of(&input.from_worker_id);
    let body = BulkHandoverInput {
        from_worker_id: from,
        to_worker_id: id_of(&input.to_worker_id),
        case_ids: input.case_ids.clone(),
        on: some(&input.on),
        until_on: some(&input.until_on),
    };
    match uc::bulk_handover(&s.app, &staff.actor, TeamId(team), &body).await {
        Ok(done) => Redirect::to(&format!(
            "/teams/{team}/handover?worker={}&done={}&stand_in={}",
            from.unwrap_or(0),
            done.case_ids.len(),
            done.stand_in
        ))
        .into_response(),
        Err(e) => match refusal(staff.tr(), e) {
            Ok(error) => {
                let q = TeamQuery { worker: from, ..TeamQuery::default() };
                team_page(&s, &staff, team, q, StatusCode::UNPROCESSABLE_ENTITY, error).await
            }
            Err(e) => app_error_page(&staff.chrome("worklist"), e),
        },
    }
}
