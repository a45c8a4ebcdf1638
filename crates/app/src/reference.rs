//! Reference lists an admin keeps (`/admin/reference`): the organisation's own wording of
//! code-list labels, and the district populations uploaded from a file with a preview first.
//! The closure days are in `organisation`.
//!
//! The labels are read on every page, so each node keeps them in memory ([`Labels`]): loaded
//! at the first request, reloaded at once after a change on this node, and otherwise when the
//! version in the database (raised by every change) differs, checked at most every
//! [`LABELS_CHECK_INTERVAL`] (decision 0019).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::codes::{ClosureDetail, ClosureReason, ContactForm, HouseholdRole, LifeDomain, ReferralSource};
use buurtteam_domain::kpi::Population;
use buurtteam_domain::policy::{Action, Actor};
use buurtteam_domain::validation::{Errors, FieldError};
use buurtteam_store::reference as store;
use buurtteam_store::{Db, audit, organisation};
use jiff::civil::Date;
use serde::Deserialize;

use crate::kpis::{match_districts, read_populations, save_populations};
use crate::organisation::organisation_wide;
use crate::{App, AppError, Result, audit_entry, input};

/// How long a node trusts its copy of the labels before asking the database's version.
pub const LABELS_CHECK_INTERVAL: Duration = Duration::from_secs(5);

/// The code lists whose labels an organisation may word its own way: (the list's name in the
/// catalogues, as `tr.code` takes it, and its codes).
pub fn code_lists() -> Vec<(&'static str, Vec<&'static str>)> {
    fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str) -> Vec<&'static str> {
        all.iter().map(|c| code(*c)).collect()
    }
    vec![
        ("source", codes(ReferralSource::ALL, ReferralSource::code)),
        ("life-domain", codes(LifeDomain::ALL, LifeDomain::code)),
        ("contact-form", codes(ContactForm::ALL, ContactForm::code)),
        ("closure-reason", codes(ClosureReason::ALL, ClosureReason::code)),
        ("closure-detail", codes(ClosureDetail::ALL, ClosureDetail::code)),
        ("household-role", codes(HouseholdRole::ALL, HouseholdRole::code)),
    ]
}

/// The languages labels exist in.
pub const LANGS: &[&str] = &["nl", "en"];

type LabelMap = HashMap<(String, String, String), String>;

/// This node's copy of the organisation's own labels.
#[derive(Debug, Default)]
pub struct Labels {
    map: RwLock<Arc<LabelMap>>,
    /// The version loaded, and when it was last compared with the database's.
    state: Mutex<(Option<i64>, Option<Instant>)>,
}

impl Labels {
    /// The organisation's own label of `code` in `list`, in `lang`, if it has one.
    pub fn get(&self, lang: &str, list: &str, code: &str) -> Option<String> {
        let map = self.map.read().map(|m| Arc::clone(&m)).ok()?;
        if map.is_empty() {
            return None;
        }
        map.get(&(list.to_owned(), code.to_owned(), lang.to_owned())).cloned()
    }

    /// Reloads the labels when the database holds another version than this copy; asks at
    /// most every [`LABELS_CHECK_INTERVAL`]. A failure keeps the copy (the catalogue's labels
    /// are never wrong, only less local) and is tried again at the next interval.
    pub async fn refresh_if_stale(&self, db: &Db) {
        let loaded = {
            let Ok(mut state) = self.state.lock() else { return };
            if state.1.is_some_and(|t| t.elapsed() < LABELS_CHECK_INTERVAL) {
                return;
            }
            state.1 = Some(Instant::now());
            state.0
        };
        let result = async {
            let mut tx = db.begin_read().await?;
            let version = store::labels_version(&mut tx).await?;
            if Some(version) == loaded {
                return Ok::<_, AppError>(());
            }
            let rows = store::code_labels(&mut tx).await?;
            self.replace(version, rows);
            Ok(())
        }
        .await;
        if let Err(e) = result {
            tracing::warn!(error = %e, "the code labels could not be reloaded");
        }
    }

    /// Reloads the labels now (after a change on this node).
    async fn reload(&self, db: &Db) -> Result<()> {
        let mut tx = db.begin_read().await?;
        let version = store::labels_version(&mut tx).await?;
        let rows = store::code_labels(&mut tx).await?;
        self.replace(version, rows);
        Ok(())
    }

    fn replace(&self, version: i64, rows: Vec<store::CodeLabel>) {
        let map: LabelMap = rows.into_iter().map(|l| ((l.code_list, l.code, l.lang), l.label)).collect();
        if let Ok(mut m) = self.map.write() {
            *m = Arc::new(map);
        }
        if let Ok(mut state) = self.state.lock() {
            *state = (Some(version), Some(Instant::now()));
        }
    }
}

/// A label in the organisation's own words; an empty `label` goes back to the catalogue's.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CodeLabelInput {
    /// The code list: `source`, `life-domain`, `contact-form`, `closure-reason`,
    /// `closure-detail` or `household-role`.
    pub code_list: Option<String>,
    /// The code in the list, e.g. `school`.
    pub code: Option<String>,
    /// `nl` or `en`.
    pub lang: Option<String>,
    /// The organisation's own label (at most 100 characters); empty: the standard label.
    pub label: Option<String>,
}

/// The organisation's own labels, by list, code and language.
pub async fn list_code_labels(app: &App, actor: &Actor) -> Result<Vec<store::CodeLabel>> {
    organisation_wide(app, actor, Action::ReadOrganisation, "code_label").await?;
    let mut tx = app.db.begin_read().await?;
    Ok(store::code_labels(&mut tx).await?)
}

/// Sets or clears one label (admin only); every page uses it from the next request on, on
/// this node at once, on others within [`LABELS_CHECK_INTERVAL`].
pub async fn set_code_label(app: &App, actor: &Actor, input: &CodeLabelInput) -> Result<Option<String>> {
    organisation_wide(app, actor, Action::ManageOrganisation, "code_label").await?;
    let mut errors = Errors::default();
    let lists = code_lists();
    let list = input.code_list.as_deref().map(str::trim).unwrap_or_default();
    let codes = lists.iter().find(|(l, _)| *l == list).map(|(_, c)| c);
    if codes.is_none() {
        let accepted = lists.iter().map(|(l, _)| *l).collect::<Vec<_>>().join(", ");
        errors.add("code_list", format!("is not a code list; one of: {accepted}")).code("invalid_code");
    }
    let code = input.code.as_deref().map(str::trim).unwrap_or_default();
    if let Some(codes) = codes
        && !codes.contains(&code)
    {
        errors.add("code", format!("is not a code of {list}; one of: {}", codes.join(", "))).code("invalid_code");
    }
    let lang = input.lang.as_deref().map(str::trim).unwrap_or_default();
    if !LANGS.contains(&lang) {
        errors.add("lang", "is nl or en").code("invalid_code");
    }
    let label = input::optional_text(&mut errors, "label", input.label.as_deref(), 100);
    errors.finish()?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let before = store::code_labels(&mut tx)
        .await?
        .into_iter()
        .find(|l| l.code_list == list && l.code == code && l.lang == lang)
        .map(|l| l.label);
    if before == label {
        return Ok(label);
    }
    store::set_code_label(&mut tx, list, code, lang, label.as_deref(), now).await?;
    let mut entry = audit_entry(Some(actor), now, AuditAction::CodeLabelChanged, "code_label");
    entry.detail = serde_json::json!({
        "code_list": list, "code": code, "lang": lang,
        "before": { "label": before }, "after": { "label": label },
    });
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    app.labels.reload(&app.db).await?;
    Ok(label)
}

/// A population file as sent from the admin page: its text, and the file's name.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PopulationUpload {
    /// The CSV text: `district,reference_date,residents[,residents_0_17]`, `#` comment lines
    /// naming the source (as `buurtteam import populations` takes it).
    pub csv: Option<String>,
    /// The file's name, kept as the source when the file names none.
    pub file_name: Option<String>,
}

/// One line of a population file as it would be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewLine {
    pub line: usize,
    pub district: String,
    pub reference_date: Date,
    pub residents: u64,
    pub residents_0_17: Option<u64>,
}

/// What a population file would save: the lines read, the errors per line (none: it can be
/// saved), and the source it names.
#[derive(Debug, Clone)]
pub struct PopulationPreview {
    pub lines: Vec<PreviewLine>,
    pub errors: Vec<FieldError>,
    pub source: String,
}

/// Reads a population file with the checks of `buurtteam import populations` (the same
/// parser) without saving anything: every line that could be read, and every error by line.
pub async fn preview_populations(app: &App, actor: &Actor, upload: &PopulationUpload) -> Result<PopulationPreview> {
    organisation_wide(app, actor, Action::ManageOrganisation, "district_population").await?;
    let (preview, _) = check_populations(app, upload).await?;
    Ok(preview)
}

async fn check_populations(app: &App, upload: &PopulationUpload) -> Result<(PopulationPreview, Vec<Population>)> {
    let text = upload.csv.as_deref().unwrap_or_default();
    if text.trim().is_empty() {
        let mut errors = Errors::default();
        errors.add("csv", "is required: choose the population file").code("required");
        errors.finish()?;
    }
    let (file, mut errors) = read_populations(text);
    let mut tx = app.db.begin_read().await?;
    let districts = organisation::list_districts(&mut tx).await?;
    drop(tx);
    let rows = match_districts(&mut errors, &file, &districts, "line");
    let lines = file
        .lines
        .iter()
        .map(|l| PreviewLine {
            line: l.line,
            district: l.district.clone(),
            reference_date: l.reference_date,
            residents: l.residents,
            residents_0_17: l.residents_0_17,
        })
        .collect();
    let mut errors = errors.0;
    errors.sort_by_key(|e| e.field.strip_prefix("line ").and_then(|n| n.parse::<usize>().ok()).unwrap_or(0));
    let preview = PopulationPreview { lines, errors, source: file.source };
    Ok((preview, rows.into_iter().map(|(_, p)| p).collect()))
}

/// Saves a population file (admin only) after the same checks as the preview; a file with
/// any error saves nothing (422 with the errors by line).
pub async fn import_populations(app: &App, actor: &Actor, upload: &PopulationUpload) -> Result<usize> {
    organisation_wide(app, actor, Action::ManageOrganisation, "district_population").await?;
    let (preview, rows) = check_populations(app, upload).await?;
    if !preview.errors.is_empty() {
        return Err(AppError::Validation(preview.errors));
    }
    let (file, _) = read_populations(upload.csv.as_deref().unwrap_or_default());
    let name = upload.file_name.as_deref().map(str::trim).filter(|n| !n.is_empty()).unwrap_or("upload.csv");
    let name: String = name.chars().filter(|c| !c.is_control()).take(200).collect();
    save_populations(app, Some(actor), rows, &file, &name).await
}
