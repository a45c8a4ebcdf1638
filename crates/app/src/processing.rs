//! The processing register (verwerkingsregister, AVG art. 30; decision 0027): the product's
//! processing activities with their purpose, legal basis, categories and retention. Admins
//! keep the texts (`/admin/processing`, `PATCH /api/v1/processing-activities/{code}`);
//! privacy officers read them. The codes, and which audit action belongs to which activity,
//! are fixed in `domain::processing`.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::policy::{Action, Actor};
use buurtteam_domain::processing::{ActivityTexts, ProcessingActivity};
use buurtteam_domain::validation::Errors;
use buurtteam_store::processing::{self as store, Activity};
use buurtteam_store::{audit, audit::Refused};
use serde::Deserialize;

use crate::organisation::organisation_wide;
use crate::refusals::Attempt;
use crate::{App, AppError, Result, audit_entry, authorise, input};

/// The longest name, and the longest of the other texts.
const NAME_MAX: usize = 100;
const TEXT_MAX: usize = 2000;

/// A change of an activity's texts: each field given replaces the current one, a field left
/// out stays as it is.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityInput {
    /// The name in Dutch (at most 100 characters).
    pub name_nl: Option<String>,
    /// The name in English (at most 100 characters).
    pub name_en: Option<String>,
    /// Why the data is processed (doel), at most 2000 characters.
    pub purpose: Option<String>,
    /// The legal basis (grondslag), e.g. `AVG art. 6 lid 1 sub e`.
    pub legal_basis: Option<String>,
    /// Whose data (categorieën betrokkenen).
    pub data_subjects: Option<String>,
    /// Which data (categorieën persoonsgegevens).
    pub data_categories: Option<String>,
    /// How long it is kept (bewaartermijn).
    pub retention: Option<String>,
    /// Whether the organisation carries the activity out now.
    pub active: Option<bool>,
}

async fn may_read(app: &App, actor: &Actor) -> Result<()> {
    authorise(
        app,
        actor,
        buurtteam_domain::policy::Relation::NoRecord,
        Action::ReadProcessingRegister,
        Attempt::new(Refused::Organisation, "processing_activity"),
    )
    .await
}

/// Every activity of the register, in the order of the product's activities.
pub async fn list_activities(app: &App, actor: &Actor) -> Result<Vec<Activity>> {
    may_read(app, actor).await?;
    let mut tx = app.db.begin_read().await?;
    let mut all = store::list(&mut tx).await?;
    all.sort_by_key(|a| ProcessingActivity::parse(&a.code).map_or(usize::MAX, |p| p as usize));
    Ok(all)
}

/// One activity of the register.
pub async fn get_activity(app: &App, actor: &Actor, code: &str) -> Result<Activity> {
    may_read(app, actor).await?;
    let mut tx = app.db.begin_read().await?;
    store::get(&mut tx, code).await?.ok_or(AppError::NotFound("processing activity"))
}

fn field(errors: &mut Errors, name: &str, given: Option<&str>, current: &str, max: usize, long: bool) -> String {
    match given {
        None => current.to_owned(),
        Some(v) if long => input::long_text(errors, name, Some(v), max).unwrap_or_default(),
        Some(v) => input::text(errors, name, Some(v), max).unwrap_or_default(),
    }
}

/// The fields of `texts` named in `fields`, as the audit detail's `before` or `after`.
fn fields_json(texts: &ActivityTexts, fields: &[&str]) -> serde_json::Value {
    let mut map = serde_json::Map::new();
    for f in fields {
        let v = match *f {
            "name_nl" => serde_json::json!(texts.name_nl),
            "name_en" => serde_json::json!(texts.name_en),
            "purpose" => serde_json::json!(texts.purpose),
            "legal_basis" => serde_json::json!(texts.legal_basis),
            "data_subjects" => serde_json::json!(texts.data_subjects),
            "data_categories" => serde_json::json!(texts.data_categories),
            "retention" => serde_json::json!(texts.retention),
            "active" => serde_json::json!(texts.active),
            _ => continue,
        };
        map.insert((*f).to_owned(), v);
    }
    serde_json::Value::Object(map)
}

/// Changes the texts of one activity (admins only), as a new version of it from now on; the
/// change is logged with the fields before and after. Nothing changed: nothing is written.
pub async fn change_activity(app: &App, actor: &Actor, code: &str, input: &ActivityInput) -> Result<Activity> {
    organisation_wide(app, actor, Action::ManageOrganisation, "processing_activity").await?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let Some(current) = store::get(&mut tx, code).await? else {
        return Err(AppError::NotFound("processing activity"));
    };
    let c = &current.texts;
    let mut errors = Errors::default();
    let texts = ActivityTexts {
        name_nl: field(&mut errors, "name_nl", input.name_nl.as_deref(), &c.name_nl, NAME_MAX, false),
        name_en: field(&mut errors, "name_en", input.name_en.as_deref(), &c.name_en, NAME_MAX, false),
        purpose: field(&mut errors, "purpose", input.purpose.as_deref(), &c.purpose, TEXT_MAX, true),
        legal_basis: field(&mut errors, "legal_basis", input.legal_basis.as_deref(), &c.legal_basis, TEXT_MAX, true),
        data_subjects: field(
            &mut errors,
            "data_subjects",
            input.data_subjects.as_deref(),
            &c.data_subjects,
            TEXT_MAX,
            true,
        ),
        data_categories: field(
            &mut errors,
            "data_categories",
            input.data_categories.as_deref(),
            &c.data_categories,
            TEXT_MAX,
            true,
        ),
        retention: field(&mut errors, "retention", input.retention.as_deref(), &c.retention, TEXT_MAX, true),
        active: input.active.unwrap_or(c.active),
    };
    errors.finish()?;
    let changed = current.texts.changed_fields(&texts);
    if changed.is_empty() {
        return Ok(current);
    }
    let version = store::update(&mut tx, code, &texts, now).await?;
    let mut entry = audit_entry(Some(actor), now, AuditAction::ProcessingActivityChanged, "processing_activity");
    entry.detail = serde_json::json!({
        "code": code,
        "version": version,
        "before": fields_json(&current.texts, &changed),
        "after": fields_json(&texts, &changed),
    });
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(Activity { code: current.code, version, texts, updated_at: now })
}
