//! The worklist page (`/`): what to do today, as cards that read on a phone. The agenda first
//! (appointments, actions due, the family's messages waiting for an answer, evaluations, silent
//! cases), then the cases by phase. Each section shows its first items and opens on its own,
//! paged (`?section=actions&page=2`), so nothing is cut off without a way to it.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use buurtteam_app::cases::{self, CaseView, Scope, Section, SectionKind, Worklist, WorklistInput};
use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::ids::UserId;
use buurtteam_domain::policy::{self, Action, Actor};
use buurtteam_store::agenda::{AgendaItem, AgendaKind};
use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::{clients_label, row};
use crate::AppState;
use crate::pages::i18n::Tr;
use crate::pages::{Chrome, StaffPage, app_error_page, render};

/// One thing to do, on one case.
pub struct Card {
    pub case_id: i64,
    pub clients: String,
    /// Where the card leads: the case file, or the place in the plan.
    pub href: String,
    /// What it is: "Kennismaking uiterlijk 27 november 2026", an action, a comment.
    pub what: String,
    /// Under it: the goal, who wrote it and when.
    pub detail: String,
    /// "nog 2 werkdagen", "vandaag", "3 dagen te laat".
    pub countdown: String,
    pub overdue: bool,
    /// Team, referral date, who carries it.
    pub meta: Vec<String>,
    /// Nobody carries this new referral yet, and the user may pick it up.
    pub claimable: bool,
}

pub struct ShownSection {
    /// An agenda section (left out of the overview when it is empty).
    pub agenda: bool,
    pub title: String,
    pub id: String,
    pub cards: Vec<Card>,
    pub total: i64,
    pub overdue: usize,
    /// "Alle 12 tonen" on the overview: the link to this section on its own.
    pub all_href: String,
    /// On a section of its own: "21–40 van 130" and the links to the pages around it.
    pub range: String,
    pub previous: String,
    pub next: String,
}

#[derive(Template)]
#[template(path = "worklist.html")]
struct WorklistPage {
    page: Chrome,
    sections: Vec<ShownSection>,
    /// "Niets bij: …", the agenda's empty parts.
    nothing: String,
    teams: Vec<(String, String)>,
    workers: Vec<(String, String)>,
    sections_filter: Vec<(String, String)>,
    scope: &'static str,
    team_id: String,
    worker: String,
    section: String,
    /// On one section: the link back to the whole worklist with the same filters.
    overview_href: String,
    /// This page with its filters, to come back to after picking up a referral.
    here: String,
    error: Option<String>,
    /// A team manager's undecided complaints: (id, "Klacht: nog N werkdagen", subject).
    complaints: Vec<(i64, String, String)>,
    /// A team manager's teams with cases of absent workers that nobody holds: (team id, text).
    uncovered: Vec<(i64, String)>,
}

/// The filters from the query string; empty values (the "all" options) count as absent, and a
/// number that is not one as 0, which the use case reports as not yours.
fn filters(query: &[(String, String)]) -> WorklistInput {
    let get =
        |name: &str| query.iter().find(|(n, _)| n == name).map(|(_, v)| v.trim().to_owned()).filter(|v| !v.is_empty());
    let number = |name: &str| get(name).map(|t| t.parse().unwrap_or(0));
    let worker = number("worker");
    WorklistInput {
        team_id: number("team_id"),
        status: get("status"),
        // One worker's cases are a view of the team's.
        scope: if worker.is_some() { Some("team".to_owned()) } else { get("scope") },
        worker,
        section: get("section"),
        page: number("page"),
    }
}

/// The query string of these filters, with `section` and `page` as given.
fn query_string(input: &WorklistInput, scope: Scope, section: Option<&str>, page: Option<i64>) -> String {
    let mut pairs = vec![("scope", if scope == Scope::Mine { "mine".to_owned() } else { "team".to_owned() })];
    if let Some(t) = input.team_id {
        pairs.push(("team_id", t.to_string()));
    }
    if let Some(w) = input.worker.filter(|_| scope == Scope::Team) {
        pairs.push(("worker", w.to_string()));
    }
    if let Some(s) = section {
        pairs.push(("section", s.to_owned()));
    }
    if let Some(p) = page.filter(|p| *p > 1) {
        pairs.push(("page", p.to_string()));
    }
    let parts: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("/?{}", parts.join("&"))
}

pub async fn page(
    State(state): State<AppState>,
    staff: StaffPage,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let input = filters(&query);
    let tr = staff.tr();
    let chrome = staff.chrome("worklist");
    if !policy::has_client_access(staff.actor.role) {
        // Analysts and administrators work with no client records: no worklist to show. They
        // start where their menu starts (the dashboards, the administration).
        if let Some(first) = chrome.nav.first().filter(|i| i.href != "/") {
            return axum::response::Redirect::to(first.href).into_response();
        }
        return crate::pages::error_page(&chrome, StatusCode::OK, "home-no-cases-title", "home-no-cases-detail");
    }
    let (list, input, error) = match cases::worklist(&state.app, &staff.actor, &input).await {
        Ok(l) => (l, input, None),
        Err(buurtteam_app::AppError::Validation(_)) => {
            // A hand-edited filter: show the whole worklist and say so.
            match cases::worklist(&state.app, &staff.actor, &WorklistInput::default()).await {
                Ok(l) => (l, WorklistInput::default(), Some(tr.t("worklist-bad-filter"))),
                Err(e) => return app_error_page(&chrome, e),
            }
        }
        Err(e) => return app_error_page(&chrome, e),
    };
    let cards =
        Cards { tr, list: &list, actor: &staff.actor, today: state.app.today(), tz: &state.app.settings.time_zone };
    let sections: Vec<ShownSection> = list.sections.iter().map(|s| cards.section(s, &input, list.scope)).collect();
    // On the overview, the agenda's empty parts are named in one line instead of a heading each.
    let nothing: Vec<String> = sections
        .iter()
        .filter(|s| s.agenda && s.total == 0 && list.only.is_none())
        .map(|s| lower_first(&s.title))
        .collect();
    let nothing =
        if nothing.is_empty() { String::new() } else { tr.t1("worklist-nothing", "parts", nothing.join(", ")) };

    let mut teams = vec![(String::new(), tr.t("filter-all-teams"))];
    teams.extend(list.teams.iter().map(|t| (t.id.0.to_string(), t.name.clone())));
    let mut workers = vec![(String::new(), tr.t("filter-all-workers"))];
    workers.extend(list.staff.iter().map(|(id, name)| (id.0.to_string(), name.clone())));
    let mut sections_filter = vec![(String::new(), tr.t("filter-all-sections"))];
    sections_filter.extend(SectionKind::all().map(|k| (k.code().to_owned(), section_title(tr, k))));
    // The team manager's undecided complaints, with the working days left (decision 0032).
    let complaints = if staff.actor.role == buurtteam_domain::codes::Role::TeamManager {
        buurtteam_app::complaints::list_for_teams(&state.app, &staff.actor, true)
            .await
            .unwrap_or_default()
            .into_iter()
            .map(|k| {
                let days = i64::from(k.working_days_left.unwrap_or_default());
                let key = if days >= 0 { "complaint-worklist-left" } else { "complaint-worklist-late" };
                (k.id, tr.t1(key, "days", days.abs()), k.subject)
            })
            .collect()
    } else {
        Vec::new()
    };
    // Cases of absent workers that nobody holds today (decision 0037), per team managed.
    let uncovered = buurtteam_app::cases::handover::uncovered_counts(&state.app, &staff.actor)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|(team, n)| {
            let name = list.teams.iter().find(|t| t.id == team).map(|t| t.name.clone()).unwrap_or_default();
            (team.0, tr.t2("uncovered-worklist", "count", n, "team", name))
        })
        .collect();
    render(
        StatusCode::OK,
        &WorklistPage {
            complaints,
            uncovered,
            page: chrome,
            sections,
            nothing,
            teams,
            workers,
            sections_filter,
            scope: if list.scope == Scope::Mine { "mine" } else { "team" },
            team_id: input.team_id.map(|t| t.to_string()).unwrap_or_default(),
            worker: list.worker.filter(|_| list.scope == Scope::Team).map(|w| w.0.to_string()).unwrap_or_default(),
            section: list.only.map(|k| k.code().to_owned()).unwrap_or_default(),
            overview_href: query_string(&input, list.scope, None, None),
            here: query_string(&input, list.scope, list.only.map(SectionKind::code), input.page),
            error,
        },
    )
}

fn section_title(tr: Tr, kind: SectionKind) -> String {
    tr.code("worklist-section", kind.code())
}

/// Turns the worklist's sections into cards.
struct Cards<'a> {
    tr: Tr,
    list: &'a Worklist,
    actor: &'a Actor,
    today: Date,
    tz: &'a TimeZone,
}

impl Cards<'_> {
    fn section(&self, s: &Section, input: &WorklistInput, scope: Scope) -> ShownSection {
        let tr = self.tr;
        let cards: Vec<Card> = match s.kind {
            SectionKind::Status(_) => s.items.iter().map(|v| self.case_card(v)).collect(),
            SectionKind::Agenda(kind) => s.agenda.iter().filter_map(|item| self.agenda_card(kind, item)).collect(),
        };
        let code = s.kind.code();
        let shown = i64::try_from(cards.len()).unwrap_or(0);
        let page = s.offset / s.limit.max(1) + 1;
        let on_its_own = self.list.only.is_some();
        ShownSection {
            agenda: matches!(s.kind, SectionKind::Agenda(_)),
            title: section_title(tr, s.kind),
            id: code.replace('_', "-"),
            overdue: cards.iter().filter(|c| c.overdue).count(),
            all_href: if !on_its_own && s.total > shown {
                query_string(input, scope, Some(code), None)
            } else {
                String::new()
            },
            range: if on_its_own && s.total > 0 {
                tr.t2(
                    "worklist-range",
                    "range",
                    format!("{}–{}", s.offset + 1, s.offset + shown),
                    "total",
                    tr.number(s.total),
                )
            } else {
                String::new()
            },
            previous: if on_its_own && page > 1 {
                query_string(input, scope, Some(code), Some(page - 1))
            } else {
                String::new()
            },
            next: if on_its_own && s.offset + shown < s.total {
                query_string(input, scope, Some(code), Some(page + 1))
            } else {
                String::new()
            },
            cards,
            total: s.total,
        }
    }

    fn meta(&self, v: &CaseView) -> Vec<String> {
        let tr = self.tr;
        let c = &v.case;
        let mut meta = Vec::new();
        if self.list.teams.len() > 1
            && let Some(team) = self.list.teams.iter().find(|t| t.id == c.team_id)
        {
            meta.push(team.name.clone());
        }
        meta.push(tr.t1("card-referred-on", "date", tr.date(&c.referred_on)));
        meta.push(match c.worker_id.and_then(|w| self.worker_name(w)) {
            Some(name) => tr.t1("card-worker", "name", name),
            None => tr.t("card-worker-none"),
        });
        meta
    }

    fn worker_name(&self, id: UserId) -> Option<String> {
        self.list.staff.iter().find(|(w, _)| *w == id).map(|(_, n)| n.clone())
    }

    /// A case of a phase section: its next step and countdown.
    fn case_card(&self, v: &CaseView) -> Card {
        let c = &v.case;
        let r = row(self.tr, v, self.today);
        let claimable = c.status == CaseStatus::Referred
            && c.worker_id.is_none()
            && policy::decide(self.actor.role, policy::relation_to_team(self.actor, c.team_id), Action::ClaimCase)
                == policy::Decision::Allow;
        Card {
            case_id: c.id.0,
            clients: r.clients,
            href: format!("/cases/{}", c.id.0),
            what: r.next,
            detail: String::new(),
            countdown: r.countdown,
            overdue: r.overdue,
            meta: self.meta(v),
            claimable,
        }
    }

    /// An agenda item: what it is, on which case, and how soon.
    fn agenda_card(&self, kind: AgendaKind, item: &AgendaItem) -> Option<Card> {
        let tr = self.tr;
        let v = self.list.cases.get(&item.case_id)?;
        let id = item.case_id.0;
        let plan = format!("/cases/{id}/plan");
        let goal_href = |fallback: &str| match &item.goal {
            Some((g, _)) => format!("{plan}#goal-{}", g.0),
            None => format!("{plan}{fallback}"),
        };
        let goal = item.goal.as_ref().map(|(_, title)| tr.t1("card-goal", "title", title.as_str())).unwrap_or_default();
        let written = |by: &str| match item.at {
            Some(at) => tr.t2("card-written", "name", by, "when", self.when(at)),
            None => by.to_owned(),
        };
        let (href, what, detail, (countdown, overdue)) = match kind {
            AgendaKind::Appointments => {
                let at = item.at?;
                let date = at.to_zoned(self.tz.clone()).date();
                (format!("{plan}#appointments-heading"), self.when(at), item.text.clone(), self.days(date))
            }
            AgendaKind::ActionsDue => {
                let due = item.on?;
                let text = tr.t1("card-action-due", "date", tr.date(&due));
                (goal_href(""), item.text.clone(), format!("{goal} · {text}"), tr.countdown(due, self.today))
            }
            AgendaKind::Proposals | AgendaKind::Comments => {
                let by = written(item.by.as_deref().unwrap_or_default());
                (goal_href(""), quote(&item.text), format!("{goal} · {by}"), (String::new(), false))
            }
            AgendaKind::EvaluationsDue => {
                let due = item.on?;
                (
                    format!("{plan}#evaluations-heading"),
                    tr.t1("next-evaluation", "date", tr.date(&due)),
                    String::new(),
                    tr.countdown(due, self.today),
                )
            }
            AgendaKind::Silent => {
                let last = item.on?;
                let weeks = i64::from((self.today - last).get_days()) / 7;
                (
                    format!("/cases/{id}"),
                    tr.t1("card-last-contact", "date", tr.date(&last)),
                    String::new(),
                    (tr.t1("card-weeks-silent", "weeks", weeks), true),
                )
            }
        };
        Some(Card {
            case_id: id,
            clients: clients_label(v),
            href,
            what,
            detail,
            countdown,
            overdue,
            meta: self.meta(v),
            claimable: false,
        })
    }

    /// "vandaag", "morgen", or the weekday, for this week's appointments.
    fn days(&self, date: Date) -> (String, bool) {
        let tr = self.tr;
        match i64::from((date - self.today).get_days()) {
            0 => (tr.t("countdown-today"), false),
            1 => (tr.t("countdown-tomorrow"), false),
            _ => (tr.t(&format!("weekday-{}", date.weekday().to_monday_one_offset())), false),
        }
    }

    /// "ma 7 december 2026 10:30" in the organisation's time zone.
    fn when(&self, at: jiff::Timestamp) -> String {
        let z = at.to_zoned(self.tz.clone());
        format!("{} {}", self.tr.date(&z.date()), z.strftime("%H:%M"))
    }
}

/// "Afspraken …" as it reads inside a sentence: "afspraken …".
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

/// A message quoted on a card, cut at a word after about 140 characters.
fn quote(text: &str) -> String {
    const MAX: usize = 140;
    let text = text.trim();
    if text.chars().count() <= MAX {
        return format!("“{text}”");
    }
    let cut: String = text.chars().take(MAX).collect();
    let cut = cut.rsplit_once(char::is_whitespace).map_or(cut.as_str(), |(head, _)| head);
    format!("“{cut} …”")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
    }

    #[test]
    fn empty_filters_mean_all_and_a_bad_number_is_kept_for_the_use_case_to_refuse() {
        let all = filters(&q(&[("scope", "team"), ("team_id", ""), ("status", ""), ("worker", "")]));
        assert_eq!(
            (all.team_id, all.status.as_deref(), all.scope.as_deref(), all.worker),
            (None, None, Some("team"), None)
        );
        let one = filters(&q(&[("team_id", "7"), ("section", "actions"), ("page", "3"), ("worker", "12")]));
        assert_eq!(
            (one.team_id, one.section.as_deref(), one.page, one.worker),
            (Some(7), Some("actions"), Some(3), Some(12))
        );
        assert_eq!(filters(&q(&[("team_id", "x")])).team_id, Some(0));
    }

    #[test]
    fn paging_links_keep_the_filters() {
        let input = filters(&q(&[("team_id", "7"), ("worker", "12")]));
        assert_eq!(
            query_string(&input, Scope::Team, Some("silent"), Some(2)),
            "/?scope=team&team_id=7&worker=12&section=silent&page=2"
        );
        // A worker filter means nothing on "mine", and page 1 is the section itself.
        assert_eq!(query_string(&input, Scope::Mine, Some("silent"), Some(1)), "/?scope=mine&team_id=7&section=silent");
    }

    #[test]
    fn long_messages_are_cut_at_a_word() {
        assert_eq!(quote(" Kunnen we de afspraak verzetten? "), "“Kunnen we de afspraak verzetten?”");
        let long = "woord ".repeat(40);
        let q = quote(&long);
        assert!(q.ends_with(" …”") && q.chars().count() < 150, "{q}");
        assert!(!q.contains("woo …"), "cut inside a word: {q}");
    }
}
