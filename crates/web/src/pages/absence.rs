//! Staff absence pages (verzuim, issue 20; decision 0036). `/absence` is HR's start page (the
//! people of every team) and the team manager's view (the people of their teams): who has
//! contract hours and who is absent now, filtered by team. `/absence/users/{id}` holds one
//! person's spells with the forms to record a spell and to change one; the forms post the
//! API's inputs (`AbsenceInput`, `AbsenceChange`) to the same use cases. Anyone else who opens
//! `/absence` sees their own spells. There is never a field for a reason.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use buurtteam_app::AppError;
use buurtteam_app::absence::{self as uc, AbsenceChange, AbsenceInput};
use buurtteam_domain::ids::{TeamId, UserId};
use buurtteam_domain::policy::Area;
use buurtteam_store::absence::Absence;
use serde::Deserialize;

use super::admin::users::hours_text;
use super::dashboards::view::number;
use super::form::{FormData, FormState, PageForm, Scope};
use super::i18n::Tr;
use super::{Chrome, StaffPage, app_error_page, render, saved};
use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/absence", get(overview))
        .route("/absence/users/{id}", get(person).post(record))
        .route("/absence/users/{id}/spells/{spell}", post(change))
}

/// The menu item the pages belong to: "Verzuim" for HR and team managers, else the account.
fn area(staff: &StaffPage) -> &'static str {
    if Area::Absence.is_open_to(&staff.actor) { "absence" } else { "account" }
}

/// A person in the overview.
struct PersonRow {
    id: i64,
    name: String,
    role: String,
    hours: String,
    /// Empty when present; else "sinds 3 november 2026", "verwacht terug …", "50%".
    absent: Option<AbsentNow>,
}

struct AbsentNow {
    since: String,
    expected_back: String,
    percentage: i64,
}

struct Group {
    /// The heading's id (`team-3`, `team-none`).
    anchor: String,
    name: String,
    people: Vec<PersonRow>,
    absent: usize,
}

/// A row of the figures table: a team, or everyone shown.
struct FiguresRow {
    name: String,
    this_month: String,
    last_month: String,
    last_year: String,
    /// The last twelve months above the target.
    above: bool,
    frequency: String,
    long_spells: usize,
}

#[derive(Template)]
#[template(path = "absence/overview.html")]
struct OverviewPage {
    page: Chrome,
    today: String,
    filter: FormState,
    team_options: Vec<(String, String)>,
    groups: Vec<Group>,
    figures: Vec<FiguresRow>,
    target: String,
}

/// One row of figures, in the page's language; "–" where nobody has contract hours.
fn figures_row(tr: Tr, name: String, f: &buurtteam_app::absence_figures::Figures, target: f64) -> FiguresRow {
    let pct = |m: &buurtteam_domain::absence::MonthFigures| {
        m.absence_pct().map_or_else(|| "–".to_owned(), |p| format!("{}%", number(tr, p, 1)))
    };
    FiguresRow {
        name,
        this_month: pct(&f.this_month),
        last_month: pct(&f.last_month),
        last_year: pct(&f.last_year),
        above: f.last_year.absence_pct().is_some_and(|p| p > target),
        frequency: f.last_year.frequency_per_year().map_or_else(|| "–".to_owned(), |v| number(tr, v, 2)),
        long_spells: f.last_year.long_spells,
    }
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct OverviewQuery {
    team: Option<String>,
}

fn absent_now(tr: Tr, spells: &[Absence]) -> Option<AbsentNow> {
    let first = spells.first()?;
    let percentage = spells.iter().map(|a| i64::from(a.spell.percentage)).sum::<i64>().min(100);
    Some(AbsentNow {
        since: tr.date(&first.spell.starts_on),
        expected_back: first.spell.expected_back_on.map(|d| tr.date(&d)).unwrap_or_default(),
        percentage,
    })
}

/// `/absence`: the overview for HR and team managers; one's own spells for anyone else.
pub(super) async fn overview(State(s): State<AppState>, staff: StaffPage, Query(q): Query<OverviewQuery>) -> Response {
    if !Area::Absence.is_open_to(&staff.actor) {
        return Redirect::to(&format!("/absence/users/{}", staff.actor.user_id.0)).into_response();
    }
    let chrome = staff.chrome("absence");
    let tr = chrome.tr;
    let team = q.team.as_deref().map(str::trim).filter(|t| !t.is_empty());
    // A hand-edited team that is no number is a team that does not exist.
    let team = team.map(|t| TeamId(t.parse().unwrap_or(0)));
    let o = match uc::overview(&s.app, &staff.actor, team).await {
        Ok(o) => o,
        Err(e) => return app_error_page(&chrome, e),
    };
    let mut figures: Vec<FiguresRow> = o
        .groups
        .iter()
        .zip(&o.figures)
        .map(|(g, f)| {
            let name = g.team.as_ref().map_or_else(|| tr.t("absence-no-team"), |(_, n)| n.clone());
            figures_row(tr, name, f, o.target_pct)
        })
        .collect();
    if let Some(total) = &o.total {
        figures.push(figures_row(tr, tr.t("absence-figures-total"), total, o.target_pct));
    }
    let groups = o
        .groups
        .into_iter()
        .map(|g| {
            let mut people: Vec<PersonRow> = g
                .people
                .into_iter()
                .map(|p| PersonRow {
                    id: p.id.0,
                    name: p.name,
                    role: tr.code("role", p.role.code()),
                    hours: hours_text(tr, Some(p.contract_hours_hundredths)),
                    absent: absent_now(tr, &p.current),
                })
                .collect();
            // Who is absent first; the names in order within each part.
            people.sort_by_key(|p| p.absent.is_none());
            let (anchor, name) = match g.team {
                Some((id, name)) => (format!("team-{}", id.0), name),
                None => ("team-none".to_owned(), tr.t("absence-no-team")),
            };
            Group { anchor, name, absent: people.iter().filter(|p| p.absent.is_some()).count(), people }
        })
        .collect();
    let mut team_options = vec![(String::new(), tr.t("absence-all-teams"))];
    team_options.extend(o.teams.into_iter().map(|(id, name)| (id.0.to_string(), name)));
    let values = team.map(|t| vec![("team".to_owned(), t.0.to_string())]).unwrap_or_default();
    let page = OverviewPage {
        today: tr.date(&o.today),
        filter: FormState::new(FormData(values)).in_scope(Scope::new("", "absence")),
        team_options,
        groups,
        figures,
        target: format!("{}%", number(tr, o.target_pct, 1)),
        page: chrome,
    };
    render(StatusCode::OK, &page)
}

/// A spell as the person page lists it.
struct SpellRow {
    id: i64,
    starts_on: String,
    expected_back_on: String,
    ends_on: String,
    percentage: u8,
    open: bool,
}

#[derive(Template)]
#[template(path = "absence/person.html")]
struct PersonPage {
    page: Chrome,
    id: i64,
    name: String,
    role: String,
    teams: String,
    hours: String,
    own: bool,
    may_record: bool,
    /// Whether the overview is in the menu (a way back to it).
    overview: bool,
    spells: Vec<SpellRow>,
    record_form: FormState,
    /// The spell being changed and its form, if one is.
    change: Option<(SpellRow, FormState)>,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct PersonQuery {
    change: Option<i64>,
}

fn record_scope() -> Scope {
    Scope::new("new", "absence")
}

fn change_scope() -> Scope {
    Scope::new("change", "absence")
}

fn spell_row(tr: Tr, a: &Absence) -> SpellRow {
    SpellRow {
        id: a.id,
        starts_on: tr.date(&a.spell.starts_on),
        expected_back_on: a.spell.expected_back_on.map(|d| tr.date(&d)).unwrap_or_default(),
        ends_on: a.spell.ends_on.map(|d| tr.date(&d)).unwrap_or_default(),
        percentage: a.spell.percentage,
        open: a.spell.ends_on.is_none(),
    }
}

/// The change form of spell `a` as first shown: its values as stored, and the spell as seen.
fn change_values(a: &Absence) -> FormData {
    FormData(vec![
        ("seen".to_owned(), uc::version(&a.spell)),
        ("ends_on".to_owned(), a.spell.ends_on.map(|d| d.to_string()).unwrap_or_default()),
        ("expected_back_on".to_owned(), a.spell.expected_back_on.map(|d| d.to_string()).unwrap_or_default()),
        ("percentage".to_owned(), a.spell.percentage.to_string()),
    ])
}

/// What the page shows besides the spells: a form sent back with its errors.
enum Shown {
    Fresh { change: Option<i64> },
    Record(FormState),
    Change(i64, FormState),
}

async fn show(s: &AppState, staff: &StaffPage, id: i64, shown: Shown, status: StatusCode) -> Response {
    let chrome = staff.chrome(area(staff));
    let tr = chrome.tr;
    let p = match uc::person(&s.app, &staff.actor, UserId(id)).await {
        Ok(p) => p,
        Err(e) => return app_error_page(&chrome, e),
    };
    let fresh_record = || {
        let values = vec![("starts_on".to_owned(), p.today.to_string()), ("percentage".to_owned(), "100".to_owned())];
        FormState::new(FormData(values)).in_scope(record_scope())
    };
    let (record_form, change) = match shown {
        Shown::Fresh { change } => {
            let change = change
                .and_then(|c| p.spells.iter().find(|a| a.id == c))
                .map(|a| (spell_row(tr, a), FormState::new(change_values(a)).in_scope(change_scope())));
            (fresh_record(), change)
        }
        Shown::Record(form) => (form, None),
        Shown::Change(c, form) => {
            let change = p.spells.iter().find(|a| a.id == c).map(|a| {
                // Changed meanwhile: the spell as it is now, to change again if still needed.
                let form = if form.errors.is_empty() && form.general.is_some() {
                    let mut now = FormState::new(change_values(a)).in_scope(change_scope());
                    now.general = form.general;
                    now
                } else {
                    form
                };
                (spell_row(tr, a), form)
            });
            (fresh_record(), change)
        }
    };
    let page = PersonPage {
        id,
        name: p.user.name.clone(),
        role: tr.code("role", p.user.role.code()),
        teams: p.team_names.join(", "),
        hours: hours_text(tr, p.contract_hours_hundredths),
        own: p.user.id == staff.actor.user_id,
        may_record: p.may_record,
        overview: Area::Absence.is_open_to(&staff.actor),
        spells: p.spells.iter().map(|a| spell_row(tr, a)).collect(),
        record_form,
        change: change.filter(|_| p.may_record),
        page: chrome,
    };
    render(status, &page)
}

/// `/absence/users/{id}`: the person's spells, latest first, and the forms.
pub(super) async fn person(
    State(s): State<AppState>,
    staff: StaffPage,
    Path(id): Path<i64>,
    Query(q): Query<PersonQuery>,
) -> Response {
    show(&s, &staff, id, Shown::Fresh { change: q.change }, StatusCode::OK).await
}

/// A refusal the form shows: field errors beside their fields, a conflict in one sentence.
fn refused(tr: Tr, form: FormState, e: AppError) -> Result<(FormState, StatusCode), AppError> {
    match e {
        AppError::Validation(errors) => Ok((form.with_errors(tr, &errors), StatusCode::UNPROCESSABLE_ENTITY)),
        AppError::Conflict { .. } => {
            let mut form = form;
            form.general = Some(tr.t("absence-conflict"));
            Ok((form, StatusCode::CONFLICT))
        }
        e => Err(e),
    }
}

/// Records a spell; back to the person, or the form again with the errors beside the fields.
pub(super) async fn record(
    State(s): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<AbsenceInput, StaffPage>,
) -> Response {
    let PageForm { page: staff, input, values, .. } = form;
    match uc::record(&s.app, &staff.actor, UserId(id), &input).await {
        Ok(_) => saved(&format!("/absence/users/{id}#spells"), "absence-recorded"),
        Err(e) => match refused(staff.tr(), FormState::new(values).in_scope(record_scope()), e) {
            Ok((form, status)) => show(&s, &staff, id, Shown::Record(form), status).await,
            Err(e) => app_error_page(&staff.chrome(area(&staff)), e),
        },
    }
}

/// The change form: the API's `AbsenceChange` and the spell as the form showed it.
#[derive(Debug, Default, Deserialize)]
pub(super) struct ChangeForm {
    ends_on: Option<String>,
    expected_back_on: Option<String>,
    percentage: Option<i64>,
    seen: Option<String>,
}

/// Changes a spell (its end, expected return, percentage) unless it changed since the form was
/// shown; back to the person, or the change form again with the errors or the conflict.
pub(super) async fn change(
    State(s): State<AppState>,
    Path((id, spell)): Path<(i64, i64)>,
    form: PageForm<ChangeForm, StaffPage>,
) -> Response {
    let PageForm { page: staff, input, values, .. } = form;
    // Every field of the form is sent: an emptied field clears it (the API leaves out what stays).
    let change = AbsenceChange {
        ends_on: Some(input.ends_on.unwrap_or_default()),
        expected_back_on: Some(input.expected_back_on.unwrap_or_default()),
        percentage: input.percentage,
    };
    match uc::change_if_unchanged(&s.app, &staff.actor, spell, &change, input.seen.as_deref()).await {
        // The spell's own person, whatever the address said.
        Ok(a) => saved(&format!("/absence/users/{}#spells", a.user_id.0), "absence-changed"),
        Err(e) => match refused(staff.tr(), FormState::new(values).in_scope(change_scope()), e) {
            Ok((form, status)) => show(&s, &staff, id, Shown::Change(spell, form), status).await,
            Err(e) => app_error_page(&staff.chrome(area(&staff)), e),
        },
    }
}
