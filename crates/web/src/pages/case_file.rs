//! `/cases/{id}`: the family file. Household and clients, status and deadlines, a timeline of
//! events and contacts, and the next steps: hold the intake, start support, add a contact,
//! close with a reason.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::AppError;
use buurtteam_app::cases::{
    self, CaseFile, CloseInput, ContactCorrectionInput, ContactInput, CorrectionInput, IntakeInput, MemberReachInput,
    ReopenInput, StartInput,
};
use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::codes::{ClosureDetail, ClosureReason, ContactForm};
use buurtteam_domain::ids::CaseId;
use buurtteam_domain::person::age_on;
use jiff::civil::Date;

use super::form::{FormData, FormState, PageForm};
use super::i18n::Tr;
use super::worklist::clients_label;
use super::{Chrome, StaffPage, app_error_page, render};
use crate::AppState;

type Options = Vec<(String, String)>;

/// One line of the timeline, newest first.
pub struct Event {
    pub date: Date,
    pub date_text: String,
    pub title: String,
    pub detail: String,
    /// What was said, in the worker's words (a contact moment's summary, for the team only).
    pub note: String,
}

pub struct Member {
    pub name: String,
    pub detail: String,
    pub client: bool,
    /// Phone numbers and e-mail address, as links (`tel:`, `mailto:`) with their text.
    pub reach: Vec<(String, String)>,
}

/// The forms of the file, each with its own input and errors.
#[derive(Default)]
pub struct Forms {
    pub intake: FormState,
    pub start: FormState,
    pub contact: FormState,
    pub close: FormState,
    /// Putting a recorded date right, and reopening a closed case.
    pub correct: FormState,
    pub correct_contact: FormState,
    pub reopen: FormState,
    /// A member's phone and e-mail form sent back with errors, and whose it is.
    pub reach: Option<(i64, FormState)>,
}

#[derive(Template)]
#[template(path = "case_file.html")]
struct FilePage {
    page: Chrome,
    id: i64,
    title: String,
    status: String,
    status_code: &'static str,
    facts: Vec<(String, String)>,
    deadline: Option<(String, bool)>,
    address: String,
    members: Vec<Member>,
    events: Vec<Event>,
    forms: Forms,
    workers: Options,
    participants: Options,
    /// The partners that may take part in a contact (a three-way conversation), "none" first.
    contact_partners: Options,
    contact_forms: Options,
    /// The same with "unchanged" first, for the correction of a contact moment.
    corrected_forms: Options,
    reasons: Options,
    details: Vec<(String, Options)>,
    /// The recorded dates that can be put right (field, label), for the correction form.
    correctable: Vec<(&'static str, String)>,
    /// The contact moments, to pick one to correct.
    contact_choices: Options,
    /// Per member: id, name, and the form of how to reach them (their current values, or what
    /// was sent with its errors).
    reach_forms: Vec<(i64, String, FormState)>,
    /// Data repair for team managers (`pages::repair`): the voided banner and the links.
    repair: super::repair::CaseRepair,
    /// Under an emergency access (decision 0023): "Noodtoegang tot HH:MM — alleen lezen"; the
    /// page then offers no changes.
    emergency: Option<String>,
    /// "Wie had deze begeleiding": who held the case when, and its teams (decision 0037).
    holders: Vec<String>,
    team_history: Vec<String>,
    /// "Nuttig hier": knowledge base articles for the case's life domains.
    useful: Vec<super::knowledge::Useful>,
    /// Onward referrals to partners (decision 0040), one line each.
    onward: Vec<String>,
}

fn yes_no(tr: Tr, v: Option<bool>) -> String {
    match v {
        Some(true) => tr.t("on-time"),
        Some(false) => tr.t("not-on-time"),
        None => String::new(),
    }
}

fn build(tr: Tr, chrome: Chrome, file: &CaseFile, today: Date, tz: &jiff::tz::TimeZone, forms: Forms) -> FilePage {
    let view = &file.view;
    let c = &view.case;
    let worker_name = |id: Option<buurtteam_domain::ids::UserId>| {
        id.and_then(|w| file.staff.iter().find(|(u, _, _)| *u == w))
            .map_or_else(|| tr.t("worker-none"), |(_, n, _)| n.clone())
    };
    let mut facts = vec![
        (tr.t("fact-team"), file.team.name.clone()),
        (tr.t("fact-worker"), worker_name(c.worker_id)),
        (tr.t("fact-referred-on"), tr.date(&c.referred_on)),
        (tr.t("fact-source"), referrer_text(tr, c)),
        (tr.t("fact-request"), c.request.clone()),
        (
            tr.t("fact-life-domains"),
            c.life_domains.iter().map(|d| tr.code("life-domain", d.code())).collect::<Vec<_>>().join(", "),
        ),
        (tr.t("fact-intake-due"), tr.date(&c.intake_due_on)),
    ];
    if let (Some(by), Some(on)) = (c.later_intake_requested_by, c.requested_intake_on) {
        facts.push((
            tr.t("fact-later-intake"),
            tr.t2("later-intake-text", "by", tr.code("requested-by", by.code()), "date", tr.date(&on)),
        ));
    }
    if let Some(held) = c.intake_held_on {
        facts.push((tr.t("fact-intake-held"), format!("{} ({})", tr.date(&held), yes_no(tr, view.intake_on_time))));
    }
    if let Some(due) = c.start_due_on {
        facts.push((tr.t("fact-start-due"), tr.date(&due)));
    }
    if let Some(started) = c.started_on {
        facts.push((tr.t("fact-started"), format!("{} ({})", tr.date(&started), yes_no(tr, view.start_on_time))));
    }
    if let Some(closed) = c.closed_on {
        let mut reason = c.closure_reason.map(|r| tr.code("closure-reason", r.code())).unwrap_or_default();
        if let Some(d) = c.closure_detail {
            reason = format!("{reason}: {}", tr.code("closure-detail", d.code()));
        }
        facts.push((tr.t("fact-closed"), format!("{} — {reason}", tr.date(&closed))));
    }
    let deadline = match c.status {
        CaseStatus::Referred => {
            let (next, countdown, overdue) = super::worklist::intake_due_text(tr, view);
            Some((format!("{next}: {countdown}"), overdue))
        }
        CaseStatus::IntakeHeld => c.start_due_on.map(|due| {
            let (text, overdue) = tr.countdown(due, today);
            (format!("{}: {text}", tr.t1("next-start", "date", tr.date(&due))), overdue)
        }),
        CaseStatus::InSupport => c.next_evaluation_on.map(|due| {
            let (next, countdown, overdue) = super::plan::evaluation_due(tr, due, today);
            (format!("{next}: {countdown}"), overdue)
        }),
        _ => None,
    };
    let h = &file.household;
    let members = h
        .members
        .iter()
        .map(|m| {
            let client = c.clients.iter().any(|cl| cl.person_id == m.id);
            Member {
                name: format!("{} {}", m.given_name, m.family_name),
                detail: format!(
                    "{}, {} ({})",
                    tr.code("household-role", m.role.code()),
                    tr.t1("age-years", "years", i64::from(age_on(m.birth_date, today))),
                    tr.date_short(&m.birth_date)
                ),
                client,
                reach: reach_links(&m.reach),
            }
        })
        .collect();
    let mut events = vec![Event {
        date: c.referred_on,
        date_text: tr.date(&c.referred_on),
        title: tr.t("event-referred"),
        detail: referrer_text(tr, c),
        note: String::new(),
    }];
    if let Some(d) = c.intake_held_on {
        events.push(Event {
            date: d,
            date_text: tr.date(&d),
            title: tr.t("event-intake"),
            detail: worker_name(c.intake_worker_id),
            note: String::new(),
        });
    }
    if let Some(d) = c.started_on {
        events.push(Event {
            date: d,
            date_text: tr.date(&d),
            title: tr.t("event-started"),
            detail: String::new(),
            note: String::new(),
        });
    }
    for contact in &file.contacts {
        let names: Vec<String> = contact
            .participant_ids
            .iter()
            .filter_map(|p| h.members.iter().find(|m| m.id == *p))
            .map(|m| m.given_name.clone())
            .chain(contact.other_participants.clone())
            .collect();
        let form = tr.code("contact-form", contact.form.code());
        let title = match &contact.partner {
            Some((_, partner)) => tr.t2("event-three-way", "partner", partner.clone(), "form", form),
            None => tr.t1("event-contact", "form", form),
        };
        events.push(Event {
            date: contact.contact_on,
            date_text: tr.date(&contact.contact_on),
            title,
            detail: tr.t2("event-contact-detail", "minutes", i64::from(contact.minutes), "with", names.join(", ")),
            note: contact.summary.clone().unwrap_or_default(),
        });
    }
    super::onward_referrals::events(tr, &file.onward_referrals, &mut events);
    if let Some(d) = c.closed_on {
        events.push(Event {
            date: d,
            date_text: tr.date(&d),
            title: tr.t("event-closed"),
            detail: c.closure_summary.clone().unwrap_or_default(),
            note: String::new(),
        });
    }
    for k in &file.corrections {
        let on = k.at.to_zoned(tz.clone()).date();
        // A value as the page writes it: a date the Dutch way, a contact form in words.
        let value = |v: &Option<String>| {
            let v = v.clone().unwrap_or_default();
            match (k.field.as_str(), v.parse::<Date>()) {
                (_, Ok(d)) => tr.date(&d),
                ("form", _) => tr.code("contact-form", &v),
                ("minutes", _) => tr.t1("minutes-short", "minutes", v),
                _ => v,
            }
        };
        let (title, detail) = match k.field.as_str() {
            "reopened" => (tr.t("event-reopened"), String::new()),
            "voided" => (tr.t("event-voided"), tr.code("void-reason", &k.after.clone().unwrap_or_default())),
            field => {
                let what = if k.contact_id.is_some() { "contact".to_owned() } else { field.replace('_', "-") };
                (
                    tr.t1("event-corrected", "what", tr.t(&format!("corrected-{what}"))),
                    tr.t2("event-corrected-detail", "after", value(&k.after), "before", value(&k.before)),
                )
            }
        };
        events.push(Event { date: on, date_text: tr.date(&on), title, detail, note: k.reason.clone() });
    }
    events.sort_by_key(|e| std::cmp::Reverse(e.date));
    let workers = file
        .staff
        .iter()
        .map(|(id, name, role)| (id.0.to_string(), format!("{name} ({})", tr.code("role", role.code()))))
        .collect();
    let participants =
        h.members.iter().map(|m| (m.id.0.to_string(), format!("{} {}", m.given_name, m.family_name))).collect();
    let mut contact_partners = vec![(String::new(), tr.t("choose-optional"))];
    contact_partners.extend(file.partners.iter().map(|(id, name)| (id.0.to_string(), name.clone())));
    let contact_forms: Options =
        ContactForm::ALL.iter().map(|f| (f.code().to_owned(), tr.code("contact-form", f.code()))).collect();
    let mut reasons = vec![(String::new(), tr.t("choose"))];
    reasons.extend(ClosureReason::ALL.iter().map(|r| (r.code().to_owned(), tr.code("closure-reason", r.code()))));
    let details = ClosureReason::ALL
        .iter()
        .map(|r| {
            let options = ClosureDetail::for_reason(*r)
                .into_iter()
                .map(|d| (d.code().to_owned(), tr.code("closure-detail", d.code())))
                .collect();
            (tr.code("closure-reason", r.code()), options)
        })
        .collect();
    let correctable: Vec<(&'static str, String)> = [
        ("intake_held_on", c.intake_held_on, "label-correct-intake"),
        ("started_on", c.started_on, "label-correct-start"),
        ("closed_on", c.closed_on, "label-correct-closure"),
    ]
    .into_iter()
    .filter_map(|(field, recorded, label)| recorded.map(|d| (field, tr.t1(label, "date", tr.date(&d)))))
    .collect();
    let mut contact_choices = vec![(String::new(), tr.t("choose"))];
    contact_choices.extend(file.contacts.iter().map(|k| {
        let text = format!(
            "{} — {}, {}",
            tr.date(&k.contact_on),
            tr.code("contact-form", k.form.code()),
            tr.t1("minutes-short", "minutes", i64::from(k.minutes))
        );
        (k.id.0.to_string(), text)
    }));
    let sent = forms.reach.clone();
    let reach_forms = h
        .members
        .iter()
        .map(|m| {
            let name = format!("{} {}", m.given_name, m.family_name);
            let form = match &sent {
                Some((p, f)) if *p == m.id.0 => f.clone(),
                _ => {
                    let value = |k: &str, v: &Option<String>| (k.to_owned(), v.clone().unwrap_or_default());
                    FormState::new(FormData(vec![
                        value("phone", &m.reach.phone),
                        value("other_phone", &m.reach.other_phone),
                        value("email", &m.reach.email),
                    ]))
                    .in_scope(reach_scope(m.id.0))
                }
            };
            (m.id.0, name, form)
        })
        .collect();
    FilePage {
        reach_forms,
        correctable,
        contact_choices,
        page: chrome,
        id: c.id.0,
        title: clients_label(view),
        status: if c.voided.is_some() { tr.t("status-voided") } else { tr.code("status", c.status.code()) },
        status_code: if c.voided.is_some() { "voided" } else { c.status.code() },
        repair: super::repair::CaseRepair::of(tr, c),
        emergency: file.emergency_until.map(|until| {
            let at = until.to_zoned(tz.clone());
            tr.t1("emergency-banner", "time", format!("{:02}:{:02}", at.hour(), at.minute()))
        }),
        facts,
        deadline,
        address: format!("{} {}, {} {}", h.address.street, h.address.house_number, h.address.postcode, h.address.city),
        members,
        events,
        forms,
        workers,
        participants,
        contact_partners,
        corrected_forms: std::iter::once((String::new(), tr.t("unchanged")))
            .chain(contact_forms.iter().cloned())
            .collect(),
        contact_forms,
        reasons,
        details,
        holders: super::handover::history_lines(tr, &file.history).0,
        team_history: super::handover::history_lines(tr, &file.history).1,
        useful: Vec::new(),
        onward: super::onward_referrals::lines(tr, &file.onward_referrals),
    }
}

/// Fresh forms with today's date filled in, and the caller as the intake worker.
fn default_forms(today: Date, user: i64) -> Forms {
    let date = |name: &str| FormState::new(FormData(vec![(name.to_owned(), today.to_string())]));
    let mut intake = date("held_on");
    intake.values.0.push(("worker_id".into(), user.to_string()));
    let mut contact = date("contact_on");
    contact.values.0.push(("form".into(), "home_visit".into()));
    // Its fields get ids of their own: the closing form has a `summary` too.
    let contact = contact.in_scope(super::form::Scope::new("contact", "contact"));
    let correct = FormState::default().in_scope(super::form::Scope::new("correct", "correct"));
    let reopen = FormState::default().in_scope(super::form::Scope::new("reopen", "reopen"));
    let correct_contact = FormState::default().in_scope(super::form::Scope::new("correct-contact", "correct"));
    Forms {
        intake,
        start: date("started_on"),
        contact,
        close: date("closed_on"),
        correct,
        correct_contact,
        reopen,
        reach: None,
    }
}

async fn show(state: &AppState, staff: &StaffPage, id: i64, status: StatusCode, forms: Option<Forms>) -> Response {
    let chrome = staff.chrome("");
    let file = or_error_page!(cases::file(&state.app, &staff.actor, CaseId(id)).await, &chrome);
    let today = state.app.today();
    let forms = forms.unwrap_or_else(|| default_forms(today, staff.user.id.0));
    let mut page = build(staff.tr(), chrome, &file, today, &state.app.settings.time_zone, forms);
    page.useful = super::knowledge::useful_here(state, &staff.actor, &file.view.case.life_domains).await;
    render(status, &page)
}

pub async fn page(State(state): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    show(&state, &staff, id, StatusCode::OK, None).await
}

/// After a step: back to the file (post/redirect/get), or the file again with the form's
/// errors and the input kept.
async fn after<T>(
    state: &AppState,
    staff: &StaffPage,
    id: i64,
    form: FormData,
    result: Result<T, AppError>,
    which: fn(&mut Forms) -> &mut FormState,
    done: &str,
) -> Response {
    let tr = staff.tr();
    let mut forms = default_forms(state.app.today(), staff.user.id.0);
    let status = match result {
        Ok(_) => return super::saved(&format!("/cases/{id}#timeline-heading"), done),
        Err(AppError::Validation(errors)) => {
            let scope = which(&mut forms).scope.clone();
            *which(&mut forms) = FormState::new(form).in_scope(scope).with_errors(tr, &errors);
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Err(AppError::StepRefused { refusal, current_status }) => {
            // A date before an earlier step goes beside its field; a step the state does not
            // allow is said above the form, in words.
            let scope = which(&mut forms).scope.clone();
            *which(&mut forms) = match refusal.field_error() {
                Some(e) => FormState::new(form).in_scope(scope).with_errors(tr, &[e]),
                None => {
                    let mut shown = FormState::new(form).in_scope(scope);
                    shown.general =
                        Some(tr.t1("step-refused-state", "status", tr.code("status", current_status.code())));
                    shown
                }
            };
            StatusCode::CONFLICT
        }
        Err(AppError::Conflict { message, .. }) => {
            let scope = which(&mut forms).scope.clone();
            let mut shown = FormState::new(form).in_scope(scope);
            tracing::info!(%message, case = id, "step refused");
            // What is left is someone else changing the case meanwhile (the message says so in
            // English for the log).
            shown.general = Some(tr.t("step-refused-changed"));
            *which(&mut forms) = shown;
            StatusCode::CONFLICT
        }
        Err(e) => return app_error_page(&staff.chrome(""), e),
    };
    show(state, staff, id, status, Some(forms)).await
}

pub async fn hold_intake(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<IntakeInput>) -> Response {
    let result = cases::hold_intake(&state.app, &form.page.actor, CaseId(id), &form.input).await;
    after(&state, &form.page, id, form.values, result, |f| &mut f.intake, "intake-held").await
}

pub async fn start_support(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<StartInput>) -> Response {
    let result = cases::start_support(&state.app, &form.page.actor, CaseId(id), &form.input).await;
    after(&state, &form.page, id, form.values, result, |f| &mut f.start, "support-started").await
}

/// A duration that is not a number is read as 0 minutes, which the use case reports as out of
/// range rather than ignoring it.
pub async fn record_contact(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<ContactInput>,
) -> Response {
    let result = cases::record_contact(&state.app, &form.page.actor, CaseId(id), &form.input).await;
    after(&state, &form.page, id, form.values, result, |f| &mut f.contact, "contact-recorded").await
}

pub async fn correct(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<CorrectionInput>) -> Response {
    let result = cases::correct(&state.app, &form.page.actor, CaseId(id), &form.input).await;
    after(&state, &form.page, id, form.values, result, |f| &mut f.correct, "corrected").await
}

pub async fn correct_contact(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<ContactCorrectionInput>,
) -> Response {
    let result = cases::correct_contact(&state.app, &form.page.actor, CaseId(id), &form.input).await;
    after(&state, &form.page, id, form.values, result, |f| &mut f.correct_contact, "contact-corrected").await
}

fn reach_scope(person: i64) -> super::form::Scope {
    super::form::Scope::new(format!("reach-{person}"), "reach")
}

/// How to reach a member, from the family file; errors come back on that member's form.
pub async fn member_reach(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<MemberReachInput>,
) -> Response {
    let staff = &form.page;
    match cases::update_member_reach(&state.app, &staff.actor, CaseId(id), &form.input).await {
        Ok(_) => super::saved(&format!("/cases/{id}"), "reach-saved"),
        Err(AppError::Validation(errors)) => {
            let person = form.input.person_id.unwrap_or_default();
            let shown =
                FormState::new(form.values.clone()).in_scope(reach_scope(person)).with_errors(staff.tr(), &errors);
            let mut forms = default_forms(state.app.today(), staff.user.id.0);
            forms.reach = Some((person, shown));
            show(&state, staff, id, StatusCode::UNPROCESSABLE_ENTITY, Some(forms)).await
        }
        Err(e) => app_error_page(&staff.chrome(""), e),
    }
}

pub async fn reopen(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<ReopenInput>) -> Response {
    let result = cases::reopen(&state.app, &form.page.actor, CaseId(id), &form.input).await;
    after(&state, &form.page, id, form.values, result, |f| &mut f.reopen, "reopened").await
}

pub async fn close(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<CloseInput>) -> Response {
    let result = cases::close(&state.app, &form.page.actor, CaseId(id), &form.input).await;
    after(&state, &form.page, id, form.values, result, |f| &mut f.close, "case-closed").await
}

/// "School / kernpartner: OBS De Vuurvogel, mevrouw Jansen (intern begeleider)"; for "Anders"
/// what it was.
fn referrer_text(tr: Tr, c: &buurtteam_store::cases::Case) -> String {
    let kind = tr.code("source", c.source.code());
    let r = &c.referrer;
    let kind = match &r.source_other {
        Some(other) => format!("{kind}: {other}"),
        None => kind,
    };
    let who: Vec<&str> = [r.organisation.as_deref(), r.name.as_deref()].into_iter().flatten().collect();
    if who.is_empty() { kind } else { format!("{kind} — {}", who.join(", ")) }
}

/// A member's phone numbers and e-mail address as links: `tel:+31612345678` shown as
/// "06 12345678" for a Dutch number, and `mailto:`.
fn reach_links(r: &buurtteam_store::households::Reach) -> Vec<(String, String)> {
    let phone = |p: &String| {
        let shown = match p.strip_prefix("+31") {
            Some(rest) if rest.starts_with('6') => format!("0{} {}", &rest[..1], &rest[1..]),
            Some(rest) => format!("0{rest}"),
            None => p.clone(),
        };
        (format!("tel:{p}"), shown)
    };
    let mut out: Vec<(String, String)> = [&r.phone, &r.other_phone].into_iter().flatten().map(phone).collect();
    out.extend(r.email.iter().map(|e| (format!("mailto:{e}"), e.clone())));
    out
}
