//! The questionnaire, for admins (`/admin/survey`, `PUT /api/v1/survey/questionnaire`): the
//! statements, whether a report mark is asked, the open question. Every save that changes
//! anything is a new version; answers keep the version they were given on.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::policy::survey::{self as survey_policy, SurveyAction};
use buurtteam_domain::policy::{Actor, Decision, Relation};
use buurtteam_domain::survey::{self as rules, Content};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::survey::{self as store, NewQuestionnaire, Questionnaire, Version};
use serde::Deserialize;

use crate::refusals::{self, Attempt};
use crate::{App, AppError, Result, audit_entry};

/// One statement as an admin writes it.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatementInput {
    /// Stable across versions (`helped_quickly`): results follow a statement by its key.
    pub key: Option<String>,
    pub text_nl: Option<String>,
    pub text_en: Option<String>,
}

/// A new version of the questionnaire.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionnaireInput {
    #[serde(default)]
    pub statements: Vec<StatementInput>,
    #[serde(default)]
    pub report_mark: bool,
    pub open_question_nl: Option<String>,
    pub open_question_en: Option<String>,
}

/// The current version and the history, for the admin page.
#[derive(Debug, Clone)]
pub struct Overview {
    pub current: Questionnaire,
    pub versions: Vec<Version>,
}

async fn may_edit(app: &App, actor: &Actor) -> Result<()> {
    match survey_policy::decide(actor.role, Relation::NoRecord, SurveyAction::EditQuestionnaire) {
        Decision::Allow => Ok(()),
        _ => {
            let attempt = Attempt::new(Refused::Organisation, "survey_questionnaire")
                .with("attempted", SurveyAction::EditQuestionnaire.code());
            let refusal = AppError::Forbidden("only admins edit the questionnaire".into());
            Err(refusals::refuse(app, Some(actor), attempt, refusal).await)
        }
    }
}

/// The questionnaire as it is now, with every version (admins).
pub async fn overview(app: &App, actor: &Actor) -> Result<Overview> {
    may_edit(app, actor).await?;
    let mut tx = app.db.begin_read().await?;
    Ok(Overview { current: store::current(&mut tx).await?, versions: store::versions(&mut tx).await? })
}

fn content_of(q: &Questionnaire) -> Content {
    Content {
        statements: q.statements.iter().map(|s| (s.key.clone(), s.text_nl.clone(), s.text_en.clone())).collect(),
        report_mark: q.report_mark,
        open_question_nl: q.open_question_nl.clone(),
        open_question_en: q.open_question_en.clone(),
    }
}

fn value(c: &Content) -> serde_json::Value {
    serde_json::json!({
        "statements": c.statements.iter().map(|(k, nl, en)| serde_json::json!({"key": k, "text_nl": nl, "text_en": en})).collect::<Vec<_>>(),
        "report_mark": c.report_mark,
        "open_question_nl": c.open_question_nl,
        "open_question_en": c.open_question_en,
    })
}

/// Saves a new version (admins); returns the version now current. Saving the same content
/// again makes no new version.
pub async fn save(app: &App, actor: &Actor, input: &QuestionnaireInput) -> Result<i64> {
    may_edit(app, actor).await?;
    let trimmed = |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    let content = Content {
        statements: input
            .statements
            .iter()
            .filter(|s| trimmed(&s.text_nl).is_some() || trimmed(&s.text_en).is_some() || trimmed(&s.key).is_some())
            .map(|s| {
                (
                    trimmed(&s.key).unwrap_or_default(),
                    trimmed(&s.text_nl).unwrap_or_default(),
                    trimmed(&s.text_en).unwrap_or_default(),
                )
            })
            .collect(),
        report_mark: input.report_mark,
        open_question_nl: trimmed(&input.open_question_nl),
        open_question_en: trimmed(&input.open_question_en),
    };
    let mut errors = Errors::default();
    for (field, code, message) in rules::check_content(&content) {
        errors.add(field, message).code(code);
    }
    errors.finish()?;
    let (actor, now) = (actor.clone(), app.now());
    app.db
        .write(move |tx| {
            Box::pin(async move {
                let current = store::current(tx).await?;
                let before = content_of(&current);
                if before == content {
                    return Ok(current.version);
                }
                let new = NewQuestionnaire {
                    report_mark: content.report_mark,
                    open_question_nl: content.open_question_nl.as_deref(),
                    open_question_en: content.open_question_en.as_deref(),
                    statements: &content.statements,
                };
                let version = store::insert_version(tx, &new, actor.user_id, now).await?;
                let mut entry =
                    audit_entry(Some(&actor), now, AuditAction::SurveyQuestionnaireChanged, "survey_questionnaire");
                entry.object_id = Some(version);
                entry.detail = serde_json::json!({ "before": value(&before), "after": value(&content) });
                audit::append(tx, &entry).await?;
                Ok::<_, AppError>(version)
            })
        })
        .await
}
