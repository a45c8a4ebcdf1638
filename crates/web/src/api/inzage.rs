//! Inzage: a household or network member's own data as one file, `buurtteam-inzage/1` in
//! JSON or as a readable PDF (`?format=pdf`). The member downloads it from Mijn Buurtteam
//! (`GET /api/v1/portal/export`); staff of the case's team produce the same for a written
//! request (`GET /api/v1/cases/{id}/export?personId=&receivedOn=`). What is in it is what the
//! portal shows that member (`app::plan::portal_export`, `staff_export`), nothing more.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use buurtteam_app::plan::{
    self as uc, AccessView, ActionView, GoalView, INZAGE_SCHEMA, Inzage, InzageFormat, InzageInput, NetworkView,
};
use buurtteam_domain::codes::Performer;
use buurtteam_domain::ids::CaseId;
use buurtteam_domain::validation::Errors;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff as Account;

/// A code with its Dutch label, so that the file reads without a code list.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct Coded {
    pub code: String,
    /// The Dutch label (`label_nl`).
    pub label: String,
}

impl Coded {
    fn of(code: &str, label: &str) -> Self {
        Self { code: code.to_owned(), label: label.to_owned() }
    }
}

/// Whose data it is.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubjectOut {
    /// `household_member` or `network_member`.
    pub kind: String,
    pub person_id: Option<i64>,
    pub name: String,
    pub birth_date: Option<Date>,
    pub household_role: Option<Coded>,
    /// A client of the case (with a request for help of their own).
    pub client: bool,
    pub phone: Option<String>,
    pub other_phone: Option<String>,
    pub email: Option<String>,
    /// A network member's relation to the family, per goal they help with.
    pub network_relations: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InzageCaseOut {
    pub id: i64,
    pub status: Coded,
    pub referred_on: Date,
    pub started_on: Option<Date>,
    pub closed_on: Option<Date>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ContactOut {
    pub worker_name: Option<String>,
    pub team_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MemberOut {
    pub name: String,
    pub household_role: Coded,
    pub client: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InzageActionOut {
    pub description: String,
    pub performer: Coded,
    /// Who does it, by name (a household member, network member or partner).
    pub performer_name: Option<String>,
    pub due_on: Option<Date>,
    pub done_on: Option<Date>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InzageScoreOut {
    pub measured_on: Date,
    /// 1 (acute problems) to 5 (fully self-sufficient).
    pub score: i32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InzageCommentOut {
    pub author_name: String,
    pub author_role: Coded,
    pub created_at: Timestamp,
    pub body: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InzageProposalOut {
    pub title: String,
    pub description: String,
    pub status: Coded,
    pub created_at: Timestamp,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InzageNetworkOut {
    pub name: String,
    pub relation: String,
    /// `invited`, `active` or `revoked`.
    pub state: String,
}

/// A goal of the plan as the member sees it, with what belongs to it.
#[derive(Debug, Serialize, ToSchema)]
pub struct InzageGoalOut {
    pub id: i64,
    pub title: String,
    pub description: String,
    /// The client the goal is about; `null`: the household as a whole.
    pub client_name: Option<String>,
    pub life_domain: Coded,
    pub status: Coded,
    pub confidential: bool,
    /// Only for the goal's own client.
    pub confidential_reason: Option<String>,
    pub shared: bool,
    /// `null` where the member may not see the scores.
    pub scores: Option<Vec<InzageScoreOut>>,
    pub actions: Vec<InzageActionOut>,
    pub comments: Vec<InzageCommentOut>,
    /// The member's own proposals for new words.
    pub proposals: Vec<InzageProposalOut>,
    /// The network members on this goal, where the member may see (and invite) them.
    pub network: Vec<InzageNetworkOut>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InzageEvaluationOut {
    pub held_on: Date,
    pub went_well: String,
    pub changes: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InzageAppointmentOut {
    pub starts_at: Timestamp,
    pub place: String,
    pub description: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InzageAgreementOut {
    pub version: i64,
    /// Who recorded it (the member, or a worker for them).
    pub recorded_by: String,
    pub created_at: Timestamp,
}

/// One line of "who looked at my file", as the portal shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct InzageAccessOut {
    pub occurred_at: Timestamp,
    pub first_at: Timestamp,
    pub times: u32,
    pub actor_name: Option<String>,
    pub actor_role: Option<Coded>,
    /// The action as the portal names it (`plan.read`, `file.read` ...).
    pub action: String,
    pub goal_title: Option<String>,
}

/// The written request a staff-made copy answers.
#[derive(Debug, Serialize, ToSchema)]
pub struct WrittenRequestOut {
    pub received_on: Date,
    pub produced_by: String,
}

/// A member's own data (inzage), schema `buurtteam-inzage/1`: exactly what Mijn Buurtteam
/// shows them. Dates are ISO 8601 (`YYYY-MM-DD`), moments UTC; codes come with their Dutch
/// label. Never working notes, unshared goals, or another member's data they may not see.
#[derive(Debug, Serialize, ToSchema)]
pub struct InzageOut {
    /// Always `buurtteam-inzage/1` for this form.
    pub schema: String,
    pub generated_at: Timestamp,
    /// The team the family deals with.
    pub organisation: String,
    pub subject: SubjectOut,
    /// The case (not for network members).
    pub case: Option<InzageCaseOut>,
    pub contact: Option<ContactOut>,
    /// The household as the portal lists it (empty for network members).
    pub household: Vec<MemberOut>,
    pub goals: Vec<InzageGoalOut>,
    pub evaluations: Option<Vec<InzageEvaluationOut>>,
    pub appointments: Option<Vec<InzageAppointmentOut>>,
    pub agreements: Vec<InzageAgreementOut>,
    /// `null` where the portal shows no access log (network members).
    pub access_log: Option<Vec<InzageAccessOut>>,
    /// Set on a copy staff made for a written request.
    pub written_request: Option<WrittenRequestOut>,
}

fn performer_name(a: &ActionView) -> Option<String> {
    match a.action.performer {
        Performer::FamilyWorker => None,
        _ => a.performer_label.clone(),
    }
}

fn goal_out(g: GoalView) -> InzageGoalOut {
    let goal = g.goal;
    InzageGoalOut {
        id: goal.id.0,
        title: goal.title,
        description: goal.description,
        client_name: g.client_name,
        life_domain: Coded::of(goal.life_domain.code(), goal.life_domain.label_nl()),
        status: Coded::of(goal.status.code(), goal.status.label_nl()),
        confidential: goal.confidential,
        confidential_reason: goal.confidential_reason,
        shared: goal.shared,
        scores: g
            .scores
            .map(|s| s.into_iter().map(|s| InzageScoreOut { measured_on: s.measured_on, score: s.score }).collect()),
        actions: g
            .actions
            .iter()
            .map(|a| InzageActionOut {
                description: a.action.description.clone(),
                performer: Coded::of(a.action.performer.code(), a.action.performer.label_nl()),
                performer_name: performer_name(a),
                due_on: a.action.due_on,
                done_on: a.action.done_on,
            })
            .collect(),
        comments: g
            .comments
            .into_iter()
            .map(|c| InzageCommentOut {
                author_role: Coded::of(c.author.role.code(), c.author.role.label_nl()),
                author_name: c.author.name,
                created_at: c.created_at,
                body: c.body,
            })
            .collect(),
        proposals: g
            .proposals
            .into_iter()
            .map(|p| InzageProposalOut {
                title: p.title,
                description: p.description,
                status: Coded::of(p.status.code(), p.status.label_nl()),
                created_at: p.created_at,
            })
            .collect(),
        network: g
            .network
            .into_iter()
            .map(|n: NetworkView| InzageNetworkOut { name: n.name, relation: n.relation, state: n.state.to_owned() })
            .collect(),
    }
}

fn access_out(a: AccessView) -> InzageAccessOut {
    InzageAccessOut {
        occurred_at: a.occurred_at,
        first_at: a.first_at,
        times: a.times,
        actor_role: a
            .actor_role
            .as_deref()
            .and_then(buurtteam_domain::codes::Role::parse)
            .map(|r| Coded::of(r.code(), r.label_nl())),
        actor_name: a.actor_name,
        action: a.action,
        goal_title: a.goal_title,
    }
}

impl From<Inzage> for InzageOut {
    fn from(x: Inzage) -> Self {
        let s = x.subject;
        let reach = s.reach.unwrap_or_default();
        let plan = x.plan;
        Self {
            schema: INZAGE_SCHEMA.to_owned(),
            generated_at: x.generated_at,
            organisation: x.organisation,
            subject: SubjectOut {
                kind: if s.person_id.is_some() { "household_member" } else { "network_member" }.to_owned(),
                person_id: s.person_id.map(|p| p.0),
                name: s.name,
                birth_date: s.birth_date,
                household_role: s.household_role.map(|r| Coded::of(r.code(), r.label_nl())),
                client: s.client,
                phone: reach.phone,
                other_phone: reach.other_phone,
                email: reach.email,
                network_relations: s.network_relations,
            },
            case: x.case.map(|c| InzageCaseOut {
                id: c.id.0,
                status: Coded::of(c.status.code(), c.status.label_nl()),
                referred_on: c.referred_on,
                started_on: c.started_on,
                closed_on: c.closed_on,
            }),
            contact: plan.contact.map(|c| ContactOut {
                worker_name: c.worker_name,
                team_name: c.team_name,
                phone: c.phone,
                email: c.email,
            }),
            household: plan
                .household
                .into_iter()
                .map(|p| MemberOut {
                    name: format!("{} {}", p.given_name, p.family_name),
                    household_role: Coded::of(p.role.code(), p.role.label_nl()),
                    client: p.client,
                })
                .collect(),
            goals: plan.goals.into_iter().map(goal_out).collect(),
            evaluations: plan.evaluations.map(|list| {
                list.into_iter()
                    .map(|e| InzageEvaluationOut { held_on: e.held_on, went_well: e.went_well, changes: e.changes })
                    .collect()
            }),
            appointments: plan.appointments.map(|list| {
                list.into_iter()
                    .map(|a| InzageAppointmentOut {
                        starts_at: a.starts_at,
                        place: a.place,
                        description: a.description,
                    })
                    .collect()
            }),
            // Agreements of the member themselves; the household's other members' are theirs.
            agreements: plan
                .agreements
                .into_iter()
                .filter(|a| s.person_id == Some(a.person_id))
                .map(|a| InzageAgreementOut {
                    version: a.version,
                    recorded_by: a.recorded_by.name,
                    created_at: a.created_at,
                })
                .collect(),
            access_log: x.access_log.map(|rows| rows.into_iter().map(access_out).collect()),
            written_request: x
                .request
                .map(|r| WrittenRequestOut { received_on: r.received_on, produced_by: r.produced_by }),
        }
    }
}

/// `?format=json|pdf`.
#[derive(Debug, Deserialize, IntoParams)]
pub struct FormatQuery {
    /// `json` (the default) or `pdf`.
    pub format: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CaseExportQuery {
    /// The household member who asked in writing (`person_id` is accepted too).
    #[serde(rename = "personId", alias = "person_id")]
    #[param(value_type = Option<i64>)]
    pub person_id: Option<String>,
    /// The day the written request was received (`YYYY-MM-DD`; `received_on` is accepted too).
    #[serde(rename = "receivedOn", alias = "received_on")]
    pub received_on: Option<String>,
    /// `json` (the default) or `pdf`.
    pub format: Option<String>,
}

/// Reads `format`; anything but `json` or `pdf` is a 422 naming the field.
pub(crate) fn parse_format(format: Option<&str>) -> Result<InzageFormat, ApiError> {
    match format.map(str::trim) {
        None | Some("") | Some("json") => Ok(InzageFormat::Json),
        Some("pdf") => Ok(InzageFormat::Pdf),
        Some(_) => {
            let mut errors = Errors::default();
            errors.add("format", "is json or pdf").code("unknown_choice");
            Err(match errors.finish() {
                Err(e) => buurtteam_app::AppError::from(e).into(),
                Ok(()) => ApiError::from(buurtteam_app::AppError::Internal("a field error was lost".into())),
            })
        }
    }
}

/// The file for `format`: JSON, or the PDF made from the same DTO. Named for download.
pub(crate) fn respond(out: Inzage, format: InzageFormat, tz: &jiff::tz::TimeZone) -> Response {
    let dto = InzageOut::from(out);
    let stamp = dto.generated_at.to_zoned(tz.clone()).date();
    let name = format!("inzage-{stamp}");
    match format {
        InzageFormat::Json => {
            let mut res = axum::Json(dto).into_response();
            attach(&mut res, &format!("{name}.json"));
            res
        }
        InzageFormat::Pdf => match crate::pages::inzage::pdf(&dto, tz) {
            Some(bytes) => {
                let mut res = (StatusCode::OK, [(header::CONTENT_TYPE, "application/pdf")], bytes).into_response();
                attach(&mut res, &format!("{name}.pdf"));
                res
            }
            None => {
                ApiError::from(buurtteam_app::AppError::Internal("the PDF could not be made".into())).into_response()
            }
        },
    }
}

fn attach(res: &mut Response, file: &str) {
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{file}\"")) {
        res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}

/// The logged-in household or network member's own data (inzage): JSON (`buurtteam-inzage/1`)
/// or, with `?format=pdf`, a readable PDF. Exactly what Mijn Buurtteam shows them; logged as
/// `portal.exported`, which shows in their own access log.
#[utoipa::path(get, path = "/api/v1/portal/export", tag = "portal", params(FormatQuery),
    responses((status = 200, body = InzageOut, description = "JSON; with `?format=pdf` an `application/pdf` document"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn portal_export(
    State(s): State<AppState>,
    a: Account,
    Query(q): Query<FormatQuery>,
) -> Result<Response, ApiError> {
    let format = parse_format(q.format.as_deref())?;
    let out = uc::portal_export(&s.app, &a.actor, format).await?;
    Ok(respond(out, format, &s.app.settings.time_zone))
}

/// The data of one household member for their written request (inzage), as they see it in
/// Mijn Buurtteam: staff of the case's team. Logged as `case.inzage_produced` with the
/// member and the day the request was received; a child under 12 is refused (422, `too_young`).
#[utoipa::path(get, path = "/api/v1/cases/{id}/export", tag = "portal", params(("id" = i64, Path), CaseExportQuery),
    responses((status = 200, body = InzageOut, description = "JSON; with `format=pdf` an `application/pdf` document"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn case_export(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    Query(q): Query<CaseExportQuery>,
) -> Result<Response, ApiError> {
    // The query's own faults are reported after access to the case is decided: another
    // team's case is a 404 whatever the query says.
    let mut errors = Errors::default();
    let format = match parse_format(q.format.as_deref()) {
        Ok(f) => f,
        Err(_) => {
            errors.add("format", "is json or pdf").code("unknown_choice");
            InzageFormat::Json
        }
    };
    let person_id = match q.person_id.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => text.parse::<i64>().map_err(|_| errors.add("person_id", "is a number").code("invalid")).ok(),
    };
    let input = InzageInput { person_id, received_on: q.received_on, format };
    let out = uc::staff_export_with(&s.app, &a.actor, CaseId(id), &input, errors).await?;
    Ok(respond(out, format, &s.app.settings.time_zone))
}
