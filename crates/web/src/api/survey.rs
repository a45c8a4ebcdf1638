//! The experience survey (issue 17): the questionnaire a code opens and the answer with it (no
//! login), a worker's invitation, a paper response typed in against its code, and the admins'
//! questionnaire. No operation returns one response.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use buurtteam_app::survey::admin::{self as admin_uc, QuestionnaireInput};
use buurtteam_app::survey::{self as uc, InviteInput, PaperInput, ResponseInput};
use buurtteam_domain::ids::CaseId;
use buurtteam_store::survey::Questionnaire;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::Body;
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::{ClientAddr, Staff};

type Created<T> = Result<(StatusCode, Json<T>), ApiError>;

/// The language of the texts: `?lang=` (`nl`, `en`), else the first of `Accept-Language` that
/// is one of them, else Dutch.
#[derive(Debug, Deserialize, IntoParams)]
pub struct LangQuery {
    /// `nl` or `en`.
    pub lang: Option<String>,
}

/// Whether English is asked for.
pub fn english(query: Option<&str>, headers: &HeaderMap) -> bool {
    if let Some(q) = query {
        return q.eq_ignore_ascii_case("en");
    }
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
    accept
        .split(',')
        .map(|part| part.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
        .find(|tag| tag.starts_with("nl") || tag.starts_with("en"))
        .is_some_and(|tag| tag.starts_with("en"))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StatementOut {
    pub id: i64,
    pub text: String,
}

/// The questionnaire a code opens.
#[derive(Debug, Serialize, ToSchema)]
pub struct SurveyOut {
    /// To answer each on the agree scale 1 (strongly disagree) to 5 (strongly agree).
    pub statements: Vec<StatementOut>,
    /// Whether a report mark 1 to 10 is asked.
    pub report_mark: bool,
    /// The open question, if there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open_question: Option<String>,
}

impl SurveyOut {
    pub fn new(q: &Questionnaire, en: bool) -> Self {
        Self {
            statements: q
                .statements
                .iter()
                .map(|s| StatementOut { id: s.id, text: if en { s.text_en.clone() } else { s.text_nl.clone() } })
                .collect(),
            report_mark: q.report_mark,
            open_question: if en { q.open_question_en.clone() } else { q.open_question_nl.clone() },
        }
    }
}

/// The questionnaire a survey code opens (no login). 404 for an unknown or expired code, 409
/// for one already used; too many unknown codes from one address are held off (429).
#[utoipa::path(get, path = "/api/v1/survey/{code}", tag = "survey", params(("code" = String, Path), LangQuery),
    responses(
        (status = 200, body = SurveyOut),
        (status = 404, description = "Unknown or expired code", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The code was used to answer", body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_survey(
    State(s): State<AppState>,
    ClientAddr(client): ClientAddr,
    Path(code): Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Result<Json<SurveyOut>, ApiError> {
    let opened = uc::open(&s.app, &code, client).await?;
    Ok(Json(SurveyOut::new(&opened.questionnaire, english(q.lang.as_deref(), &headers))))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AnsweredOut {
    /// Always true: the answer is kept, apart from the code and the family.
    pub received: bool,
}

/// Answer with a survey code (no login): every statement once; the report mark and the open
/// answer where asked (names and numbers are removed from the open answer before it is kept).
/// The same code again: 409.
#[utoipa::path(post, path = "/api/v1/survey/{code}", tag = "survey", params(("code" = String, Path)),
    request_body = ResponseInput,
    responses(
        (status = 201, body = AnsweredOut),
        (status = 404, description = "Unknown or expired code", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The code was used to answer", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn answer_survey(
    State(s): State<AppState>,
    ClientAddr(client): ClientAddr,
    Path(code): Path<String>,
    body: Body<ResponseInput>,
) -> Created<AnsweredOut> {
    let Json(input) = body?;
    uc::answer(&s.app, &code, &input, client).await?;
    Ok((StatusCode::CREATED, Json(AnsweredOut { received: true })))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SurveyCodeOut {
    pub id: i64,
    /// The one-time code for the letter (`ACDE-FGHJ`), valid 30 days.
    pub code: String,
}

/// Invite a parent or a client of 12 or older of the case (staff of its team); returns the
/// code once. Once per person per case per moment (409 again).
#[utoipa::path(post, path = "/api/v1/cases/{id}/survey-invitations", tag = "survey", params(("id" = i64, Path)),
    request_body = InviteInput,
    responses(
        (status = 201, body = SurveyCodeOut),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already invited at this moment, or support has not started", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn invite(
    State(s): State<AppState>,
    a: Staff,
    Path(id): Path<i64>,
    body: Body<InviteInput>,
) -> Created<SurveyCodeOut> {
    let Json(input) = body?;
    let invited = uc::invite(&s.app, &a.actor, CaseId(id), &input).await?;
    Ok((StatusCode::CREATED, Json(SurveyCodeOut { id: invited.id, code: invited.code })))
}

/// Type in a paper response against the code on its letter (staff of the case's team); kept
/// as channel `paper`. The code used once: 409.
#[utoipa::path(post, path = "/api/v1/cases/{id}/survey-responses", tag = "survey", params(("id" = i64, Path)),
    request_body = PaperInput,
    responses(
        (status = 201, body = AnsweredOut),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn enter_paper(
    State(s): State<AppState>,
    a: Staff,
    Path(id): Path<i64>,
    body: Body<PaperInput>,
) -> Created<AnsweredOut> {
    let Json(input) = body?;
    uc::enter_paper(&s.app, &a.actor, CaseId(id), &input).await?;
    Ok((StatusCode::CREATED, Json(AnsweredOut { received: true })))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AdminStatementOut {
    pub id: i64,
    pub key: String,
    pub text_nl: String,
    pub text_en: String,
}

/// The questionnaire as an admin edits it.
#[derive(Debug, Serialize, ToSchema)]
pub struct QuestionnaireOut {
    pub version: i64,
    pub statements: Vec<AdminStatementOut>,
    pub report_mark: bool,
    pub open_question_nl: Option<String>,
    pub open_question_en: Option<String>,
    /// Every version, newest first.
    pub versions: Vec<i64>,
}

async fn questionnaire_out(s: &AppState, a: &Staff) -> Result<Json<QuestionnaireOut>, ApiError> {
    let o = admin_uc::overview(&s.app, &a.actor).await?;
    let q = o.current;
    Ok(Json(QuestionnaireOut {
        version: q.version,
        statements: q
            .statements
            .into_iter()
            .map(|s| AdminStatementOut { id: s.id, key: s.key, text_nl: s.text_nl, text_en: s.text_en })
            .collect(),
        report_mark: q.report_mark,
        open_question_nl: q.open_question_nl,
        open_question_en: q.open_question_en,
        versions: o.versions.iter().map(|v| v.version).collect(),
    }))
}

/// The current questionnaire with its versions (admins).
#[utoipa::path(get, path = "/api/v1/survey/questionnaire", tag = "survey",
    responses((status = 200, body = QuestionnaireOut), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn get_questionnaire(State(s): State<AppState>, a: Staff) -> Result<Json<QuestionnaireOut>, ApiError> {
    questionnaire_out(&s, &a).await
}

/// Save a new version of the questionnaire (admins); the same content again makes none.
#[utoipa::path(put, path = "/api/v1/survey/questionnaire", tag = "survey", request_body = QuestionnaireInput,
    responses((status = 200, body = QuestionnaireOut), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn save_questionnaire(
    State(s): State<AppState>,
    a: Staff,
    body: Body<QuestionnaireInput>,
) -> Result<Json<QuestionnaireOut>, ApiError> {
    let Json(input) = body?;
    admin_uc::save(&s.app, &a.actor, &input).await?;
    questionnaire_out(&s, &a).await
}
