//! The experience survey (Ervaringswijzer, issue 17; decision 0030): inviting a person of a
//! case with a one-time code, answering with the code (on the public page, through the API or
//! in Mijn Buurtteam), typing in a paper response, and the daily job that invites and reminds.
//!
//! A response is written apart from its invitation: the invitation only learns *that* (and on
//! which day) it was answered; the response keeps team, district, moment, respondent, channel
//! and day. Nothing here reads one response back.

pub mod admin;
pub mod job;

use std::net::IpAddr;

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::ids::{CaseId, PersonId};
use buurtteam_domain::policy::survey::{self as survey_policy, SurveyAction};
use buurtteam_domain::policy::{Action, Actor, Decision};
use buurtteam_domain::survey::{self as rules, Answer, Channel, Moment, Respondent};
use buurtteam_domain::validation::Errors;
use buurtteam_store::survey::{self as store, Invitation, NewInvitation, NewResponse, Questionnaire};
use buurtteam_store::{Tx, audit, households, organisation};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Deserialize;

use crate::context::{CaseContext, Standing, on_case};
use crate::secrets::{Column, Place};
use crate::{App, AppError, Result, audit_entry, auth};

/// `POST /api/v1/cases/{id}/survey-invitations`.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InviteInput {
    /// A parent of the household, or a client of 12 or older.
    pub person_id: Option<i64>,
    /// `six_months` or `closure`.
    pub moment: Option<String>,
}

/// One answer on the agree scale.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerIn {
    pub statement_id: Option<i64>,
    /// 1 (strongly disagree) to 5 (strongly agree).
    pub agree: Option<i64>,
}

/// `POST /api/v1/survey/{code}`: every statement answered once; the report mark and the open
/// answer only where the questionnaire asks them.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResponseInput {
    #[serde(default)]
    pub answers: Vec<AnswerIn>,
    /// 1 to 10.
    pub report_mark: Option<i64>,
    pub comment: Option<String>,
}

/// A paper response typed in by staff, against the code on its letter.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PaperInput {
    pub code: Option<String>,
    #[serde(flatten)]
    pub response: ResponseInput,
}

/// A new invitation: its id and its code (shown once here, and on the letter).
#[derive(Debug, Clone)]
pub struct Invited {
    pub id: i64,
    pub code: String,
}

/// What a code opens: the questionnaire to answer (the newest version).
#[derive(Debug, Clone)]
pub struct Opened {
    pub questionnaire: Questionnaire,
    pub moment: Moment,
    pub respondent: Respondent,
}

/// An invitation as the case file lists it: whether it was answered, never what.
#[derive(Debug, Clone)]
pub struct InvitationView {
    pub id: i64,
    pub person_id: PersonId,
    pub name: String,
    pub moment: Moment,
    pub invited_on: Date,
    pub expires_on: Date,
    pub answered: bool,
    pub expired: bool,
    pub reminded: bool,
    /// Whether the letter with its code can still be printed.
    pub printable: bool,
    pub by_job: bool,
}

/// The letter with the code, for one invitation.
#[derive(Debug, Clone)]
pub struct Letter {
    pub name: String,
    pub team: String,
    pub team_phone: Option<String>,
    pub moment: Moment,
    pub expires_on: Date,
    /// `None` when the code can no longer be shown (used, expired, or no secret key).
    pub code: Option<String>,
}

fn invalid(field: &str, message: &str, code: &'static str) -> AppError {
    let mut errors = Errors::default();
    errors.add(field, message).code(code);
    match errors.finish() {
        Err(e) => e.into(),
        Ok(()) => AppError::Internal("a field error was lost".into()),
    }
}

fn code_hash(normal: &str) -> String {
    auth::token_hash(&format!("survey:{normal}"))
}

fn new_code() -> String {
    let mut bytes = [0u8; rules::CODE_LEN];
    auth::random_bytes(&mut bytes);
    rules::code_from_bytes(&bytes)
}

fn place(id: &str) -> Place<'_> {
    Place { column: Column::SurveyCode, row: id }
}

fn members_of(ctx_members: &[households::Person], clients: &[PersonId]) -> Vec<rules::Member> {
    ctx_members
        .iter()
        .map(|p| rules::Member { id: p.id, role: p.role, birth_date: p.birth_date, client: clients.contains(&p.id) })
        .collect()
}

/// Makes one invitation (the worker's and the job's one way): a fresh code, kept as its hash and,
/// when the server has a secret key, sealed for the letter; the audit row on the case for the
/// person. `None` when this person was already invited at this moment.
pub(crate) async fn create(
    tx: &mut Tx,
    app: &App,
    case: &buurtteam_store::cases::Case,
    person: PersonId,
    moment: Moment,
    by: Option<&Actor>,
) -> Result<Option<Invited>> {
    let (today, now) = (app.today(), app.now());
    let code = new_code();
    let normal = rules::normalise_code(&code).unwrap_or_default();
    let expires_on = rules::expires_on(today);
    let expires_at = expires_on
        .checked_add(jiff::Span::new().days(1))
        .ok()
        .and_then(|d| d.to_zoned(app.settings.time_zone.clone()).ok())
        .map_or(now, |z| z.timestamp());
    let new = NewInvitation {
        case_id: case.id,
        person_id: person,
        moment,
        code_hash: &code_hash(&normal),
        code_sealed: None,
        invited_on: today,
        expires_at,
        created_by: by.map(|a| a.user_id),
    };
    let Some(id) = store::insert(tx, &new, now).await? else { return Ok(None) };
    if app.secrets.current_id().is_some() {
        let row = id.to_string();
        let sealed = app.secrets.seal(place(&row), &code)?;
        store::set_sealed(tx, id, &sealed).await?;
    }
    let mut entry = audit_entry(by, now, AuditAction::SurveyInvited, "survey_invitation");
    entry.object_id = Some(id);
    entry.case_id = Some(case.id);
    entry.household_id = Some(case.household_id);
    entry.client_id = Some(person);
    entry.detail = serde_json::json!({ "moment": moment.code() });
    audit::append(tx, &entry).await?;
    Ok(Some(Invited { id, code }))
}

/// The staff relation on the case, decided by the survey's own policy.
fn require(ctx: &CaseContext, action: SurveyAction) -> Result<()> {
    let Standing::Staff(role, relation) = ctx.standing else { return Err(AppError::NotFound("case")) };
    match survey_policy::decide(role, relation, action) {
        Decision::Allow => Ok(()),
        Decision::Deny => Err(AppError::Forbidden(format!("your role may not {}", action.code().replace('_', " ")))),
        Decision::Hidden => Err(AppError::NotFound("case")),
    }
}

/// A worker invites a person of the case (a parent, or a client of 12 or older) at a moment;
/// the code comes back once. 409 when that person was already invited at that moment, or when
/// support has not started for `six_months`.
pub async fn invite(app: &App, actor: &Actor, case: CaseId, input: &InviteInput) -> Result<Invited> {
    let mut errors = Errors::default();
    let moment = match input.moment.as_deref() {
        None | Some("") => {
            errors.add("moment", format!("choose one of {}", Moment::accepted())).code("required");
            None
        }
        Some(m) => {
            let parsed = Moment::parse(m);
            if parsed.is_none() {
                errors.add("moment", format!("must be one of {}", Moment::accepted())).code("invalid_moment");
            }
            parsed
        }
    };
    if input.person_id.is_none() {
        errors.add("person_id", "name the person to invite").code("required");
    }
    errors.finish()?;
    let (moment, person) = (moment.unwrap_or(Moment::Closure), PersonId(input.person_id.unwrap_or(0)));
    on_case(app, actor, case, Action::RecordContact, move |tx, ctx, _now| {
        Box::pin(async move {
            require(&ctx, SurveyAction::Invite)?;
            let clients: Vec<PersonId> = ctx.case.clients.iter().map(|c| c.person_id).collect();
            let member = members_of(&ctx.members, &clients).into_iter().find(|m| m.id == person);
            match member {
                None => return Err(invalid("person_id", "is not in this household", "not_household_member")),
                Some(m) if rules::respondent(&m, ctx.today).is_none() => {
                    return Err(invalid(
                        "person_id",
                        "only parents and clients of 12 or older are asked",
                        "not_asked_for_survey",
                    ));
                }
                Some(_) => {}
            }
            if moment == Moment::SixMonths && ctx.case.started_on.is_none() {
                return Err(AppError::Conflict {
                    message: "support has not started: invite at six months once it has".into(),
                    current_status: Some(ctx.case.status),
                });
            }
            let case = ctx.case.clone();
            create(tx, &ctx.app, &case, person, moment, Some(&ctx.actor)).await?.ok_or_else(|| AppError::Conflict {
                message: format!("this person was already invited at {}", moment.code()),
                current_status: None,
            })
        })
    })
    .await
}

/// The invitations of a case, for its file: who, when, answered or not, never what.
pub async fn of_case(app: &App, actor: &Actor, case: CaseId) -> Result<Vec<InvitationView>> {
    on_case(app, actor, case, Action::ReadCase, move |tx, ctx, now| {
        Box::pin(async move {
            let rows = store::of_case(tx, ctx.case.id).await?;
            Ok(rows
                .into_iter()
                .map(|i| {
                    let name = ctx.person(i.person_id).map(|p| format!("{} {}", p.given_name, p.family_name));
                    view(i, name.unwrap_or_default(), now)
                })
                .collect())
        })
    })
    .await
}

fn view(i: Invitation, name: String, now: Timestamp) -> InvitationView {
    let expired = !i.responded && i.expires_at <= now;
    InvitationView {
        id: i.id,
        person_id: i.person_id,
        name,
        moment: i.moment,
        invited_on: i.invited_on,
        expires_on: rules::expires_on(i.invited_on),
        answered: i.responded,
        expired,
        reminded: i.reminded_at.is_some(),
        printable: !i.responded && !expired && i.code_sealed.is_some(),
        by_job: i.created_by.is_none(),
    }
}

/// The letter of one invitation of the case, with its code while it can still be used.
pub async fn letter(app: &App, actor: &Actor, case: CaseId, invitation: i64) -> Result<Letter> {
    on_case(app, actor, case, Action::RecordContact, move |tx, ctx, now| {
        Box::pin(async move {
            require(&ctx, SurveyAction::Invite)?;
            let inv = store::get(tx, invitation)
                .await?
                .filter(|i| i.case_id == ctx.case.id)
                .ok_or(AppError::NotFound("invitation"))?;
            let code = match &inv.code_sealed {
                Some(sealed) if !inv.responded && inv.expires_at > now => {
                    let row = inv.id.to_string();
                    Some(ctx.app.secrets.open(place(&row), sealed)?)
                }
                _ => None,
            };
            let team = organisation::get_team(tx, ctx.case.team_id).await?;
            let name = ctx.person(inv.person_id).map(|p| format!("{} {}", p.given_name, p.family_name));
            let mut entry = ctx.entry(AuditAction::SurveyLetterPrinted);
            entry.client_id = Some(inv.person_id);
            audit::append(tx, &entry).await?;
            Ok(Letter {
                name: name.unwrap_or_default(),
                team: team.as_ref().map(|t| t.name.clone()).unwrap_or_default(),
                team_phone: team.and_then(|t| t.phone),
                moment: inv.moment,
                expires_on: rules::expires_on(inv.invited_on),
                code,
            })
        })
    })
    .await
}

/// The invitation a typed code names, if it is one; unknown or expired codes are counted
/// against the client address, and the address is held off after too many (the activation
/// limits). Answered: 409. Unknown or expired: 404.
async fn by_code(app: &App, typed: &str, client: Option<IpAddr>) -> Result<Invitation> {
    let now = app.now();
    if let Some(until) = auth::survey_blocked_until(app, client, now).await? {
        return Err(AppError::TooManyActivations { retry_after: auth::wait(until, now) });
    }
    let found = match rules::normalise_code(typed) {
        Some(normal) => {
            let mut tx = app.db.begin_read().await?;
            store::by_code(&mut tx, &code_hash(&normal)).await?
        }
        None => None,
    };
    match found {
        Some(i) if i.responded => Err(AppError::Conflict {
            message: "this code has already been used to answer".into(),
            current_status: None,
        }),
        Some(i) if i.expires_at > now => Ok(i),
        _ => {
            let settings = app.settings.clone();
            app.db
                .write(move |tx| Box::pin(async move { auth::record_survey_failure(tx, &settings, client, now).await }))
                .await?;
            Err(AppError::NotFound("survey code"))
        }
    }
}

async fn respondent_of(app: &App, inv: &Invitation) -> Result<Respondent> {
    let mut tx = app.db.begin_read().await?;
    let person = households::person(&mut tx, inv.person_id).await?.ok_or(AppError::NotFound("survey code"))?;
    let case = buurtteam_store::cases::get(&mut tx, inv.case_id).await?.ok_or(AppError::NotFound("survey code"))?;
    let client = case.clients.iter().any(|c| c.person_id == person.id);
    let member = rules::Member { id: person.id, role: person.role, birth_date: person.birth_date, client };
    Ok(rules::respondent(&member, app.today()).unwrap_or(Respondent::YoungPerson))
}

/// What a code opens (no login): the newest questionnaire. 404 for an unknown or expired
/// code, 409 for one already used.
pub async fn open(app: &App, typed: &str, client: Option<IpAddr>) -> Result<Opened> {
    let inv = by_code(app, typed, client).await?;
    let respondent = respondent_of(app, &inv).await?;
    let mut tx = app.db.begin_read().await?;
    Ok(Opened { questionnaire: store::current(&mut tx).await?, moment: inv.moment, respondent })
}

/// Answers with a code (no login; channel `link`).
pub async fn answer(app: &App, typed: &str, input: &ResponseInput, client: Option<IpAddr>) -> Result<()> {
    let inv = by_code(app, typed, client).await?;
    save(app, inv, input, Channel::Link, None).await
}

/// Staff type in a paper response against the code on its letter (channel `paper`); the code
/// must be one of this case's. Logged for the team, never for the case or the invitation.
pub async fn enter_paper(app: &App, actor: &Actor, case: CaseId, input: &PaperInput) -> Result<()> {
    let typed = input.code.clone().unwrap_or_default();
    let normal = rules::normalise_code(&typed).ok_or_else(|| {
        invalid("code", "is not a survey code (8 letters and digits, as on the letter)", "invalid_code")
    })?;
    let hash = code_hash(&normal);
    let inv = on_case(app, actor, case, Action::RecordContact, move |tx, ctx, now| {
        Box::pin(async move {
            require(&ctx, SurveyAction::EnterPaper)?;
            let inv = store::by_code(tx, &hash)
                .await?
                .filter(|i| i.case_id == ctx.case.id)
                .ok_or_else(|| invalid("code", "is not a code of this case; check the letter", "unknown_code"))?;
            if inv.responded {
                return Err(AppError::Conflict {
                    message: "this code has already been used to answer".into(),
                    current_status: None,
                });
            }
            if inv.expires_at <= now {
                return Err(invalid("code", "has expired (a code is valid 30 days)", "expired_code"));
            }
            Ok(inv)
        })
    })
    .await?;
    save(app, inv, &input.response, Channel::Paper, Some(actor)).await
}

/// A family member answers one of their own open invitations in Mijn Buurtteam (channel
/// `portal`). Another person's invitation is 404.
pub async fn answer_in_portal(app: &App, actor: &Actor, invitation: i64, input: &ResponseInput) -> Result<()> {
    let inv = own_open(app, actor, invitation).await?;
    save(app, inv, input, Channel::Portal, None).await
}

/// One open invitation of the logged-in family member, with the questionnaire it opens.
pub async fn open_in_portal(app: &App, actor: &Actor, invitation: i64) -> Result<Opened> {
    let inv = own_open(app, actor, invitation).await?;
    let respondent = respondent_of(app, &inv).await?;
    let mut tx = app.db.begin_read().await?;
    Ok(Opened { questionnaire: store::current(&mut tx).await?, moment: inv.moment, respondent })
}

async fn own_open(app: &App, actor: &Actor, invitation: i64) -> Result<Invitation> {
    if survey_policy::decide(actor.role, buurtteam_domain::policy::Relation::NoRecord, SurveyAction::AnswerInPortal)
        != Decision::Allow
    {
        return Err(AppError::NotFound("invitation"));
    }
    let person = actor.person_id.ok_or(AppError::NotFound("invitation"))?;
    let mut tx = app.db.begin_read().await?;
    let inv = store::get(&mut tx, invitation)
        .await?
        .filter(|i| i.person_id == person)
        .ok_or(AppError::NotFound("invitation"))?;
    if inv.responded {
        return Err(AppError::Conflict { message: "you have already answered".into(), current_status: None });
    }
    if inv.expires_at <= app.now() {
        return Err(AppError::NotFound("invitation"));
    }
    Ok(inv)
}

/// The open invitations of the logged-in family member (Mijn Buurtteam), oldest first.
pub async fn open_for_me(app: &App, actor: &Actor) -> Result<Vec<InvitationView>> {
    let Some(person) = actor.person_id.filter(|_| actor.role == buurtteam_domain::codes::Role::FamilyMember) else {
        return Ok(Vec::new());
    };
    let now = app.now();
    let mut tx = app.db.begin_read().await?;
    let rows = store::of_person(&mut tx, person).await?;
    Ok(rows.into_iter().map(|i| view(i, String::new(), now)).filter(|v| !v.answered && !v.expired).collect())
}

/// Checks a response against the newest questionnaire, removes names and numbers from the
/// open answer, and writes it apart from the invitation, which only learns the day it was
/// answered; in one transaction. A second answer with the same code is 409.
async fn save(
    app: &App,
    inv: Invitation,
    input: &ResponseInput,
    channel: Channel,
    staff: Option<&Actor>,
) -> Result<()> {
    let respondent = respondent_of(app, &inv).await?;
    let (questionnaire, names) = {
        let mut tx = app.db.begin_read().await?;
        let q = store::current(&mut tx).await?;
        let mut names: Vec<String> = households::members(&mut tx, inv.household_id)
            .await?
            .into_iter()
            .map(|p| format!("{} {}", p.given_name, p.family_name))
            .collect();
        names.extend(organisation::team_staff(&mut tx, inv.team_id).await?.into_iter().map(|(_, name, _)| name));
        (q, names)
    };
    let statements: Vec<rules::Statement> = questionnaire
        .statements
        .iter()
        .map(|s| rules::Statement {
            id: s.id,
            key: s.key.clone(),
            text_nl: s.text_nl.clone(),
            text_en: s.text_en.clone(),
        })
        .collect();
    let mut errors = Errors::default();
    let mut answers = Vec::new();
    for (i, a) in input.answers.iter().enumerate() {
        match (a.statement_id, a.agree) {
            (Some(statement_id), Some(agree)) => answers.push(Answer { statement_id, agree }),
            _ => {
                errors.add(format!("answers[{i}]"), "give statement_id and agree (1 to 5)").code("required");
            }
        }
    }
    let comment = input.comment.as_deref().map(str::trim).filter(|c| !c.is_empty());
    let open_question = questionnaire.open_question_nl.is_some();
    for (field, code, message) in rules::check_answers(
        &statements,
        &answers,
        questionnaire.report_mark,
        input.report_mark,
        open_question,
        comment,
    ) {
        errors.add(field, message).code(code);
    }
    errors.finish()?;
    let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let comment = comment.map(|c| rules::redact::redact(c, &name_refs));
    let answers: Vec<(i64, i32)> =
        answers.iter().map(|a| (a.statement_id, i32::try_from(a.agree).unwrap_or(0))).collect();
    let report_mark = input.report_mark.and_then(|m| i32::try_from(m).ok());
    let (now, today) = (app.now(), app.today());
    // The invitation keeps the day only, so its time cannot be matched to anything.
    let day = today.to_zoned(jiff::tz::TimeZone::UTC).map_or(now, |z| z.timestamp());
    let staff_entry = staff.map(|actor| {
        let mut entry = audit_entry(Some(actor), now, AuditAction::SurveyPaperEntered, "team");
        entry.object_id = Some(inv.team_id.0);
        entry
    });
    app.db
        .write(move |tx| {
            Box::pin(async move {
                if !store::mark_responded(tx, inv.id, day, now).await? {
                    return Err(AppError::Conflict {
                        message: "this code has already been used to answer".into(),
                        current_status: None,
                    });
                }
                let response = NewResponse {
                    questionnaire_id: questionnaire.id,
                    team_id: inv.team_id,
                    district_id: inv.district_id,
                    moment: inv.moment,
                    respondent,
                    channel,
                    submitted_on: today,
                    report_mark,
                    comment: comment.as_deref(),
                    answers: &answers,
                };
                store::insert_response(tx, &response).await?;
                if let Some(entry) = staff_entry {
                    audit::append(tx, &entry).await?;
                }
                Ok::<_, AppError>(())
            })
        })
        .await
}
