//! Mijn Buurtteam: the portal where a family reads and works in its own plan, and network
//! members see the goal they were invited onto.
//!
//! The pages speak plain Dutch (B1) to parents and young people, mobile first. What a reader
//! sees and may do comes from `app::plan` (`portal_plan` gives only the goals this person may
//! see, with what they may do on each); working notes never reach these pages. Forms work
//! without JavaScript: a change ends in a redirect back to the plan with a short notice in the
//! query (a fixed word, never client data); an error shows the plan again with the message
//! beside the field and the input kept. A network member's one-time code is shown once, on the
//! page the invitation's POST renders: codes never travel in URLs.

use askama::Template;
use axum::Router;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use buurtteam_app::plan::{
    self as uc, ActionPatch, ActivateInput, GoalPatch, GoalView, NetworkInvitationInput, PlanView, ProposalInput,
    SinceAgreement, TextInput,
};
use buurtteam_app::{AppError, auth};
use buurtteam_domain::codes::{Performer, ProposalStatus, Role};
use buurtteam_domain::ids::{GoalActionId, GoalId, NetworkInvitationId};
use buurtteam_domain::policy::Actor;
use buurtteam_store::organisation::User;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde::Deserialize;

use super::form::{FormData, FormSession, FormState, NoFields, PageForm, Scope};
use super::i18n::Tr;
use super::{AnyPage, Chrome, app_error_page, render};
use crate::AppState;
use crate::session::ClientAddr;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/portal", get(plan_page))
        .route("/portal/activate", get(activate_form).post(activate_submit))
        .route("/portal/access-log", get(access_log))
        .route("/portal/agreement", post(agree))
        .route("/portal/goals/{id}/comments", post(comment))
        .route("/portal/goals/{id}/proposals", post(propose))
        .route("/portal/goals/{id}/sharing", post(share))
        .route("/portal/goals/{id}/network", post(invite))
        .route("/portal/actions/{id}/done", post(action_done))
        .route("/portal/network/{id}/revoke", post(revoke))
        .route("/portal/complaints", get(complaints::complaints_page).post(complaints::submit_complaint))
}

// ---------------------------------------------------------------------------------------
// Who is logged in.

/// A logged-in family or network member on a portal page. Without a session the browser goes
/// to the log-in page (and back here after it); staff go to their own start page.
pub struct PortalPage {
    pub actor: Actor,
    pub user: User,
    pub chrome: Chrome,
}

impl PortalPage {
    pub(crate) fn chrome(&self, current: &'static str) -> Chrome {
        Chrome { current, ..self.chrome.clone() }
    }

    fn tr(&self) -> Tr {
        self.chrome.tr
    }

    fn is_network(&self) -> bool {
        self.user.role == Role::NetworkMember
    }
}

impl FormSession for PortalPage {
    fn chrome(&self) -> &Chrome {
        &self.chrome
    }

    fn actor(&self) -> &Actor {
        &self.actor
    }
}

impl FromRequestParts<AppState> for PortalPage {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let super::LoggedIn { chrome, actor, user, .. } = super::LoggedIn::from_parts(parts, state).await?;
        if auth::must_enrol(&state.app, &user) {
            return Err(Redirect::to("/account/second-factor").into_response());
        }
        if !user.role.is_portal() {
            return Err(Redirect::to(user.role.start_page()).into_response());
        }
        Ok(Self { actor, user, chrome })
    }
}

// ---------------------------------------------------------------------------------------
// The plan.

/// The forms of one goal, each with its own input and errors. Their fields are named as in the
/// use case's input (`body`, `title`); each form's scope gives them ids of their own on the page
/// (`g12-comment-body`) and names their labels (`label-portal-comment-body`).
struct GoalForms {
    comment: FormState,
    propose: FormState,
    invite: FormState,
}

/// Which form of a goal a POST filled in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Which {
    Comment,
    Propose,
    Invite,
}

impl Which {
    fn scope(self, goal: i64) -> Scope {
        match self {
            Which::Comment => Scope::new(format!("g{goal}-comment"), "portal-comment"),
            Which::Propose => Scope::new(format!("g{goal}-proposal"), "portal-proposal"),
            Which::Invite => Scope::new(format!("g{goal}-network"), "portal-network"),
        }
    }

    fn form(self, goal: i64, values: FormData) -> FormState {
        FormState::new(values).in_scope(self.scope(goal))
    }
}

impl GoalForms {
    fn of(goal: i64) -> Self {
        Self {
            comment: Which::Comment.form(goal, FormData::default()),
            propose: Which::Propose.form(goal, FormData::default()),
            invite: Which::Invite.form(goal, FormData::default()),
        }
    }
}

/// A form shown again with its errors (or a one-time code shown once).
struct Shown {
    goal: i64,
    which: Which,
    form: FormState,
}

struct ActionLine {
    id: i64,
    description: String,
    /// Who does it, in words.
    who: String,
    due: Option<String>,
    /// "Gedaan op 3 mei 2026", when done.
    done: Option<String>,
    mine: bool,
}

struct CommentLine {
    author: String,
    when: String,
    body: String,
}

struct ProposalLine {
    title: String,
    description: String,
    status: String,
    pending: bool,
}

struct NetworkLine {
    id: i64,
    name: String,
    relation: String,
    state: String,
    revocable: bool,
}

struct GoalCard {
    id: i64,
    title: String,
    description: String,
    /// Whose goal, life domain and status, in one line.
    about: String,
    /// Who can see it, where that is narrower than the household.
    visibility: Option<String>,
    score: Option<String>,
    actions: Vec<ActionLine>,
    comments: Vec<CommentLine>,
    proposals: Vec<ProposalLine>,
    may_comment: bool,
    may_propose: bool,
    /// `Some(shared)` where the reader may share or unshare (their own goal, 16 or older).
    sharing: Option<bool>,
    may_invite: bool,
    network: Vec<NetworkLine>,
    forms: GoalForms,
    /// "Nieuw" or "Gewijzigd sinds je akkoord op 3 november 2026", with what changed.
    since: Option<SinceLine>,
}

struct SinceLine {
    new: bool,
    label: String,
    changes: Vec<String>,
}

/// The marker of a goal new or changed since the reader's last agreement.
fn since_line(tr: Tr, tz: &TimeZone, view: &PlanView, g: &GoalView) -> Option<SinceLine> {
    let since = g.since_agreement.as_ref()?;
    let agreed_on = view.my_agreement.as_ref().map(|a| tr.date(&a.created_at.to_zoned(tz.clone()).date()));
    Some(match since {
        SinceAgreement::New => SinceLine { new: true, label: tr.t("portal-goal-new"), changes: Vec::new() },
        SinceAgreement::Changed { fields, title_before } => SinceLine {
            new: false,
            label: tr.t1("portal-goal-changed", "date", agreed_on.unwrap_or_default()),
            changes: fields
                .iter()
                .map(|f| match (*f, title_before) {
                    ("title", Some(before)) => {
                        tr.t2("portal-goal-changed-title", "before", before.clone(), "after", g.goal.title.clone())
                    }
                    (f, _) => tr.code("portal-goal-changed-field", &f.replace('_', "-")),
                })
                .collect(),
        },
    })
}

struct AppointmentLine {
    when: String,
    description: String,
    place: String,
}

struct EvaluationLine {
    held_on: String,
    went_well: String,
    changes: String,
}

/// The one-time code for a network member, shown once.
struct CodeNotice {
    goal: i64,
    heading: String,
    code: String,
    how: String,
}

#[derive(Template)]
#[template(path = "portal.html")]
struct PlanPage {
    page: Chrome,
    /// The reader is a network member (one goal, no household).
    network: bool,
    /// Whether there is a plan to show at all.
    has_plan: bool,
    notice: Option<String>,
    code: Option<CodeNotice>,
    household: Vec<String>,
    goals: Vec<GoalCard>,
    appointments: Option<Vec<AppointmentLine>>,
    evaluations: Option<Vec<EvaluationLine>>,
    next_evaluation: Option<String>,
    /// The agreement block: `None` where the reader may not agree (or there are no goals).
    agreement: Option<Agreement>,
    /// Who the family's worker is and how to reach the team (household members only).
    contact: Option<ContactBlock>,
    /// The groups the reader or their child take part in, with the next session.
    groups: Vec<GroupLine>,
}

/// A group in the portal (decision 0028).
struct GroupLine {
    name: String,
    who: String,
    next: String,
    waiting: String,
}

struct ContactBlock {
    /// "Je gezinswerker is Fatima Şahin, van Buurtteam Overvecht."
    who: String,
    /// "Tot en met 12 juni werkt Cem Şahin voor je gezinswerker." (a stand-in, decision 0037).
    stand_in: Option<String>,
    phone: Option<String>,
    /// `tel:` form of the phone number.
    phone_href: Option<String>,
    email: Option<String>,
}

fn contact_block(tr: Tr, view: &PlanView) -> Option<ContactBlock> {
    let c = view.contact.as_ref()?;
    let who = match &c.worker_name {
        Some(name) => tr.t2("portal-contact-worker", "name", name.clone(), "team", c.team_name.clone()),
        None => tr.t1("portal-contact-no-worker", "team", c.team_name.clone()),
    };
    Some(ContactBlock {
        who,
        stand_in: c
            .stand_in
            .as_ref()
            .map(|(name, until)| tr.t2("portal-contact-stand-in", "name", name.clone(), "date", tr.date(until))),
        phone_href: c.phone.as_ref().map(|p| {
            let digits: String = p.chars().filter(|ch| ch.is_ascii_digit() || *ch == '+').collect();
            format!("tel:{digits}")
        }),
        phone: c.phone.clone(),
        email: c.email.clone(),
    })
}

struct Agreement {
    version: i64,
    agreed: bool,
    /// An earlier version the reader agreed to, when the plan changed since.
    earlier: Option<i64>,
    form: FormState,
}

/// "3 mei 2026 om 14:30", in the organisation's time zone.
fn when(tr: Tr, tz: &TimeZone, ts: Timestamp) -> String {
    let z = ts.to_zoned(tz.clone());
    let time = format!("{:02}:{:02}", z.hour(), z.minute());
    tr.t2("portal-date-time", "date", tr.date(&z.date()), "time", time)
}

/// "Fatima de Vries (gezinswerker)", or "jij" for the reader.
fn person_label(tr: Tr, name: &str, role: Option<Role>) -> String {
    match role {
        Some(r) => format!("{name} ({})", tr.code("role", r.code()).to_lowercase()),
        None => name.to_owned(),
    }
}

/// Whose goal it is, in words.
fn owner_text(tr: Tr, view: &PlanView, g: &GoalView) -> String {
    match (g.goal.client_id, &g.client_name) {
        (None, _) => tr.t("portal-goal-of-household"),
        (Some(c), _) if view.me == Some(c) => tr.t("portal-goal-of-you"),
        (Some(c), _) => {
            // Given names are what a family uses; the full name where the plan has no household list.
            let name = view
                .household
                .iter()
                .find(|p| p.id == c)
                .map(|p| p.given_name.clone())
                .or_else(|| g.client_name.clone())
                .unwrap_or_default();
            tr.t1("portal-goal-of", "name", name)
        }
    }
}

fn goal_card(tr: Tr, tz: &TimeZone, view: &PlanView, reader: &PortalPage, g: &GoalView) -> GoalCard {
    let goal = &g.goal;
    let own = goal.client_id.is_some() && goal.client_id == view.me;
    let about = [
        owner_text(tr, view, g),
        tr.code("life-domain", goal.life_domain.code()),
        tr.code("portal-goal-status", goal.status.code()),
    ]
    .join(" · ");
    let visibility = if goal.confidential {
        Some(tr.t("portal-goal-confidential"))
    } else if own && g.may.share {
        Some(tr.t(if goal.shared { "portal-goal-shared" } else { "portal-goal-private" }))
    } else {
        None
    };
    let actions = g
        .actions
        .iter()
        .map(|a| {
            let act = &a.action;
            let who = if a.mine {
                tr.t("portal-who-you")
            } else {
                match (act.performer, &a.performer_label) {
                    (Performer::FamilyWorker, _) => tr.t("portal-who-worker"),
                    (_, Some(name)) => name.clone(),
                    (p, None) => tr.code("portal-performer", p.code()),
                }
            };
            ActionLine {
                id: act.id.0,
                description: act.description.clone(),
                who,
                due: act.due_on.map(|d| tr.t1("portal-action-due", "date", tr.date(&d))),
                done: act.done_on.map(|d| tr.t1("portal-action-done-on", "date", tr.date(&d))),
                mine: a.mine,
            }
        })
        .collect();
    let comments = g
        .comments
        .iter()
        .map(|c| CommentLine {
            author: if c.author.user_id == reader.user.id {
                tr.t("portal-comment-by-you")
            } else {
                person_label(tr, &c.author.name, Some(c.author.role))
            },
            when: when(tr, tz, c.created_at),
            body: c.body.clone(),
        })
        .collect();
    let proposals = g
        .proposals
        .iter()
        .map(|p| ProposalLine {
            title: p.title.clone(),
            description: p.description.clone(),
            status: tr.code("portal-proposal", p.status.code()),
            pending: p.status == ProposalStatus::Pending,
        })
        .collect();
    let network = g
        .network
        .iter()
        .map(|n| NetworkLine {
            id: n.id.0,
            name: n.name.clone(),
            relation: n.relation.clone(),
            state: tr.code("portal-network-state", n.state),
            revocable: n.revocable,
        })
        .collect();
    let score = g.scores.as_ref().and_then(|s| s.iter().max_by_key(|s| s.measured_on)).map(|s| {
        tr.tn("portal-score", &[("score", i64::from(s.score).into()), ("date", tr.date(&s.measured_on).into())])
    });
    GoalCard {
        id: goal.id.0,
        title: goal.title.clone(),
        description: goal.description.clone(),
        about,
        visibility,
        score,
        actions,
        comments,
        proposals,
        may_comment: g.may.comment,
        may_propose: g.may.propose,
        sharing: g.may.share.then_some(goal.shared),
        may_invite: g.may.invite_network,
        network,
        forms: GoalForms::of(goal.id.0),
        since: since_line(tr, tz, view, g),
    }
}

/// The notices a change redirects back with (`/portal?done=commented`).
const NOTICES: &[(&str, &str)] = &[
    ("commented", "portal-notice-commented"),
    ("proposed", "portal-notice-proposed"),
    ("action-done", "portal-notice-action-done"),
    ("action-open", "portal-notice-action-open"),
    ("shared", "portal-notice-shared"),
    ("unshared", "portal-notice-unshared"),
    ("revoked", "portal-notice-revoked"),
    ("agreed", "portal-notice-agreed"),
];

#[derive(Deserialize, Default)]
struct PlanQuery {
    done: Option<String>,
}

fn notice(tr: Tr, done: Option<&str>) -> Option<String> {
    let done = done?;
    NOTICES.iter().find(|(code, _)| *code == done).map(|(_, key)| tr.t(key))
}

/// Renders the plan with `status`; `shown` puts a form's input and errors back in its place.
async fn show(
    state: &AppState,
    reader: &PortalPage,
    status: StatusCode,
    notice: Option<String>,
    code: Option<CodeNotice>,
    shown: Option<Shown>,
    agree_form: FormState,
) -> Response {
    let mut chrome = reader.chrome("portal");
    // Shown after a POST too: the language switch returns to the plan, not to the form's address.
    chrome.path = "/portal".to_owned();
    chrome.query = String::new();
    let tr = chrome.tr;
    let tz = &state.app.settings.time_zone;
    let view = match uc::portal_plan(&state.app, &reader.actor).await {
        Ok(v) => Some(v),
        // No plan (any more): a household member not yet in a case, a network member whose
        // invitation was revoked. The page says so in plain words.
        Err(AppError::NotFound(_)) => None,
        Err(e) => return app_error_page(&chrome, e),
    };
    let network = reader.is_network();
    let Some(view) = view else {
        let page = PlanPage {
            page: chrome,
            network,
            has_plan: false,
            notice,
            code: None,
            household: Vec::new(),
            goals: Vec::new(),
            appointments: None,
            evaluations: None,
            next_evaluation: None,
            groups: Vec::new(),
            agreement: None,
            contact: None,
        };
        return render(status, &page);
    };
    let mut goals: Vec<GoalCard> = view.goals.iter().map(|g| goal_card(tr, tz, &view, reader, g)).collect();
    if let Some(shown) = shown
        && let Some(card) = goals.iter_mut().find(|c| c.id == shown.goal)
    {
        match shown.which {
            Which::Comment => card.forms.comment = shown.form,
            Which::Propose => card.forms.propose = shown.form,
            Which::Invite => card.forms.invite = shown.form,
        }
    }
    let household = view
        .household
        .iter()
        .map(|p| format!("{} {} ({})", p.given_name, p.family_name, tr.code("household-role", p.role.code())))
        .collect();
    let now = state.app.now();
    let appointments = view.appointments.as_ref().map(|list| {
        let mut upcoming: Vec<_> = list.iter().filter(|a| a.starts_at >= now).collect();
        upcoming.sort_by_key(|a| a.starts_at);
        upcoming
            .into_iter()
            .map(|a| AppointmentLine {
                when: when(tr, tz, a.starts_at),
                description: a.description.clone(),
                place: a.place.clone(),
            })
            .collect()
    });
    let evaluations = view.evaluations.as_ref().map(|list| {
        let mut list: Vec<_> = list.iter().collect();
        list.sort_by_key(|e| std::cmp::Reverse(e.held_on));
        list.into_iter()
            .map(|e| EvaluationLine {
                held_on: tr.date(&e.held_on),
                went_well: e.went_well.clone(),
                changes: e.changes.clone(),
            })
            .collect()
    });
    let agreement = (view.may_agree && !view.goals.is_empty()).then(|| Agreement {
        version: view.version,
        agreed: view.agreed_to_current,
        earlier: view.my_agreement.as_ref().filter(|_| !view.agreed_to_current).map(|a| a.version),
        form: agree_form,
    });
    let page = PlanPage {
        page: chrome,
        network,
        has_plan: true,
        notice,
        code,
        household,
        goals,
        appointments,
        evaluations,
        next_evaluation: view.next_evaluation_on.filter(|_| view.evaluations.is_some()).map(|d| tr.date(&d)),
        agreement,
        contact: contact_block(tr, &view),
        groups: view
            .groups
            .iter()
            .map(|(p, name)| GroupLine {
                name: format!("{} ({})", p.group_name, tr.code("group-theme", p.theme.code())),
                who: tr.t1("portal-group-who", "name", name.as_str()),
                next: match &p.next_session {
                    Some((at, place)) => tr.t2("portal-group-next", "when", when(tr, tz, *at), "place", place.as_str()),
                    None => tr.t("portal-group-no-next"),
                },
                waiting: if p.waiting { tr.t1("portal-group-waiting", "name", name.as_str()) } else { String::new() },
            })
            .collect(),
    };
    render(status, &page)
}

async fn plan_page(State(state): State<AppState>, reader: PortalPage, Query(q): Query<PlanQuery>) -> Response {
    let notice = notice(reader.tr(), q.done.as_deref());
    show(&state, &reader, StatusCode::OK, notice, None, None, FormState::default()).await
}

mod access_log;
mod activate;
mod complaints;
mod steps;

use access_log::access_log;
#[cfg(test)]
use access_log::{log_line, log_sentence};
use activate::{activate_form, activate_submit};
use steps::{action_done, agree, comment, invite, propose, revoke, share};

#[cfg(test)]
mod tests {
    use super::super::i18n::Lang;
    use super::*;
    use buurtteam_app::plan::AccessView;
    use buurtteam_domain::audit::AuditAction;
    use buurtteam_domain::codes::GoalStatus;

    fn row(action: &str, goal: Option<&str>) -> AccessView {
        AccessView {
            occurred_at: Timestamp::UNIX_EPOCH,
            actor_user_id: None,
            actor_name: Some("Fatima de Vries".into()),
            actor_role: Some("family_worker".into()),
            action: action.into(),
            kind: AuditAction::parse(action),
            goal_id: goal.map(|_| GoalId(1)),
            goal_title: goal.map(str::to_owned),
            client_id: None,
            acting_for: None,
            session_ref: None,
            times: 1,
            first_at: Timestamp::UNIX_EPOCH,
        }
    }

    #[test]
    fn every_message_of_the_portal_exists_in_both_languages() {
        for lang in [Lang::Nl, Lang::En] {
            let tr = Tr::new(lang);
            let others = [
                "portal-log-forbidden-title",
                "portal-log-forbidden-detail",
                "portal-log-other",
                "portal-log-other-goal",
                "portal-goal-new",
                "portal-goal-changed",
                "portal-goal-changed-title",
                "portal-log-goal-read",
                "portal-log-repeated",
                "portal-contact",
                "portal-contact-worker",
                "portal-contact-no-worker",
                "portal-contact-phone",
                "portal-contact-email",
                "portal-contact-ask",
            ];
            for key in NOTICES.iter().map(|(_, k)| *k).chain(others) {
                assert_ne!(tr.t(key), key, "{key} in {lang:?}");
            }
            for list in [
                ("portal-goal-status", GoalStatus::ALL.iter().map(|c| c.code()).collect::<Vec<_>>()),
                ("portal-proposal", ProposalStatus::ALL.iter().map(|c| c.code()).collect()),
                ("portal-performer", Performer::ALL.iter().map(|c| c.code()).collect()),
                ("portal-network-state", vec!["invited", "active", "revoked"]),
                ("portal-goal-changed-field", vec!["title", "description", "life-domain", "status", "client-id"]),
            ] {
                for code in list.1 {
                    let text = tr.code(list.0, code);
                    assert!(!text.starts_with(list.0), "{}-{code} in {lang:?}", list.0);
                }
            }
        }
    }

    #[test]
    fn the_access_log_speaks_plain_dutch() {
        let tr = Tr::new(Lang::Nl);
        assert_eq!(
            log_sentence(tr, &row("plan.read", None)),
            "Fatima de Vries (gezinswerker) heeft het gezinsplan bekeken."
        );
        assert_eq!(
            log_sentence(tr, &row("goal.changed", Some("Rust in huis"))),
            "Fatima de Vries (gezinswerker) heeft het doel ‘Rust in huis’ aangepast."
        );
        // An action the page does not know yet still reads as a sentence.
        assert_eq!(
            log_sentence(tr, &row("goal.archived", Some("Rust in huis"))),
            "Fatima de Vries (gezinswerker) heeft iets gedaan met het doel ‘Rust in huis’."
        );
        // Working notes are not named, not even in the log.
        for action in ["working_notes.read", "working_note.added"] {
            assert!(!log_sentence(tr, &row(action, None)).contains("aantekening"), "{action}");
        }
        // A network member saw one goal, and the log says which.
        assert_eq!(
            log_sentence(tr, &row("plan.read", Some("Rust in huis"))),
            "Fatima de Vries (gezinswerker) heeft het doel ‘Rust in huis’ bekeken."
        );
        // Repeats on one day are one line.
        let mut repeated = row("plan.read", None);
        repeated.times = 4;
        repeated.occurred_at = "2026-11-03T15:00:00Z".parse().unwrap_or(Timestamp::UNIX_EPOCH);
        let line = log_line(tr, &TimeZone::UTC, &repeated);
        assert_eq!(line.when, "3 november 2026");
        assert_eq!(line.text, "Fatima de Vries (gezinswerker) heeft het gezinsplan bekeken — 4 keer.");
        let en = Tr::new(Lang::En);
        assert_eq!(
            log_sentence(en, &row("plan.read", None)),
            "Fatima de Vries (family worker) viewed the family plan."
        );
    }
}
