//! `/admin/reference`: the reference lists. The closure days (add, remove), the organisation's
//! own labels of code lists (set, back to the standard label), and the district populations
//! (a CSV file as `buurtteam import populations` takes it: first a preview of every line and
//! every error, then "Opslaan").

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use buurtteam_app::AppError;
use buurtteam_app::organisation::{self, ClosureDayInput};
use buurtteam_app::reference::{self, CodeLabelInput, PopulationPreview, PopulationUpload};
use buurtteam_domain::validation::FieldError;
use serde::Deserialize;

use super::AdminPage;
use super::organisation::admin_only;
use crate::AppState;
use crate::pages::form::{FormData, FormState, PageForm, Scope};
use crate::pages::{Chrome, StaffPage, app_error_page, render, saved};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/reference", get(show))
        .route("/admin/reference/closure-days", post(add_closure_day))
        .route("/admin/reference/closure-days/remove", post(remove_closure_day))
        .route("/admin/reference/labels", post(set_label))
        .route("/admin/reference/populations", post(populations))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    ClosureDay,
    Label,
    Populations,
}

struct Label {
    list: String,
    code: String,
    code_text: String,
    lang: String,
    standard: String,
    label: String,
}

struct PreviewView {
    lines: Vec<(usize, String, String, String, String)>,
    errors: Vec<String>,
    source: String,
    csv: String,
    file_name: String,
}

#[derive(Template)]
#[template(path = "admin/reference.html")]
struct ReferencePage {
    page: Chrome,
    closure_days: Vec<(String, String, String)>,
    closure_form: FormState,
    labels: Vec<Label>,
    label_form: FormState,
    /// (list name, [(value `list:code`, standard label)]).
    code_groups: Vec<(String, Vec<(String, String)>)>,
    langs: Vec<(String, String)>,
    population_form: FormState,
    preview: Option<PreviewView>,
}

async fn page(
    state: &AppState,
    admin: &StaffPage,
    status: StatusCode,
    posted: Option<(Target, FormState)>,
    preview: Option<PreviewView>,
) -> Response {
    let chrome = admin.chrome("admin");
    let tr = chrome.tr;
    let days = or_error_page!(organisation::list_closure_days(&state.app, &admin.actor).await, &chrome);
    let closure_days = days.into_iter().map(|(d, text)| (d.to_string(), tr.date(&d), text)).collect::<Vec<_>>();
    let own = or_error_page!(reference::list_code_labels(&state.app, &admin.actor).await, &chrome);
    let labels = own
        .into_iter()
        .map(|l| Label {
            standard: tr.standard_code(&l.code_list, &l.code),
            code_text: tr.t(&format!("admin-ref-list-{}", l.code_list)),
            list: l.code_list,
            code: l.code,
            lang: l.lang,
            label: l.label,
        })
        .collect();
    let code_groups = reference::code_lists()
        .into_iter()
        .map(|(list, codes)| {
            let options = codes.iter().map(|c| (format!("{list}:{c}"), tr.standard_code(list, c))).collect();
            (tr.t(&format!("admin-ref-list-{list}")), options)
        })
        .collect();
    let langs = reference::LANGS.iter().map(|l| ((*l).to_owned(), tr.t(&format!("admin-ref-lang-{l}")))).collect();
    let form = |target: Target, ids: &str| match &posted {
        Some((t, f)) if *t == target => f.clone(),
        _ => FormState::new(FormData::default()).in_scope(Scope::new(ids, "")),
    };
    render(
        status,
        &ReferencePage {
            closure_form: form(Target::ClosureDay, "closure"),
            label_form: form(Target::Label, "label"),
            population_form: form(Target::Populations, "populations"),
            page: chrome,
            closure_days,
            labels,
            code_groups,
            langs,
            preview,
        },
    )
}

async fn show(State(state): State<AppState>, AdminPage(admin): AdminPage) -> Response {
    page(&state, &admin, StatusCode::OK, None, None).await
}

async fn failed<T>(
    state: &AppState,
    admin: &StaffPage,
    target: Target,
    values: FormData,
    result: Result<T, AppError>,
) -> Response {
    let errors = match result {
        Ok(_) => return page(state, admin, StatusCode::OK, None, None).await,
        Err(AppError::Validation(errors)) => errors,
        Err(AppError::Conflict { message, .. }) => {
            let mut e = FieldError::new("day", message);
            e.code = "closure_day_taken";
            vec![e]
        }
        Err(e) => return app_error_page(&admin.chrome("admin"), e),
    };
    let ids = match target {
        Target::ClosureDay => "closure",
        Target::Label => "label",
        Target::Populations => "populations",
    };
    let form = FormState::new(values).in_scope(Scope::new(ids, "")).with_errors(admin.tr(), &errors);
    page(state, admin, StatusCode::UNPROCESSABLE_ENTITY, Some((target, form)), None).await
}

async fn add_closure_day(State(state): State<AppState>, form: PageForm<ClosureDayInput>) -> Response {
    let PageForm { page: admin, input, values, .. } = form;
    if let Err(refused) = admin_only(&state, &admin).await {
        return refused;
    }
    match organisation::add_closure_day(&state.app, &admin.actor, &input).await {
        Ok(_) => saved("/admin/reference#closure-days", "closure-day-saved"),
        result => failed(&state, &admin, Target::ClosureDay, values, result).await,
    }
}

#[derive(Debug, Default, Deserialize)]
struct RemoveInput {
    day: Option<String>,
}

async fn remove_closure_day(State(state): State<AppState>, form: PageForm<RemoveInput>) -> Response {
    let PageForm { page: admin, input, .. } = form;
    if let Err(refused) = admin_only(&state, &admin).await {
        return refused;
    }
    let Some(day) = input.day.as_deref().and_then(|d| d.parse().ok()) else {
        return app_error_page(&admin.chrome("admin"), AppError::NotFound("closure day"));
    };
    match organisation::remove_closure_day(&state.app, &admin.actor, day).await {
        Ok(()) => saved("/admin/reference#closure-days", "closure-day-removed"),
        Err(e) => app_error_page(&admin.chrome("admin"), e),
    }
}

async fn set_label(State(state): State<AppState>, form: PageForm<CodeLabelInput>) -> Response {
    let PageForm { page: admin, mut input, values, .. } = form;
    if let Err(refused) = admin_only(&state, &admin).await {
        return refused;
    }
    // The page chooses list and code in one select: `list:code`.
    if input.code_list.is_none()
        && let Some((list, code)) = input.code.as_deref().and_then(|c| c.split_once(':'))
    {
        (input.code_list, input.code) = (Some(list.to_owned()), Some(code.to_owned()));
    }
    match reference::set_code_label(&state.app, &admin.actor, &input).await {
        Ok(_) => saved("/admin/reference#labels", "label-saved"),
        result => failed(&state, &admin, Target::Label, values, result).await,
    }
}

/// The population form: "Controleren" shows the preview (nothing saved); "Opslaan" (offered
/// with a preview without errors) saves the same text after the same checks.
async fn populations(State(state): State<AppState>, form: PageForm<PopulationUpload>) -> Response {
    let PageForm { page: admin, mut input, values, .. } = form;
    if let Err(refused) = admin_only(&state, &admin).await {
        return refused;
    }
    // A file chosen in the file field takes the place of pasted text.
    if let Some(file) = values.opt("csv_file") {
        input.csv = Some(file);
        input.file_name = input.file_name.or_else(|| values.opt("csv_file_file_name"));
    }
    if values.get("action") == Some("save") {
        return match reference::import_populations(&state.app, &admin.actor, &input).await {
            Ok(_) => saved("/admin/reference#populations", "populations-saved"),
            result => failed(&state, &admin, Target::Populations, values, result).await,
        };
    }
    match reference::preview_populations(&state.app, &admin.actor, &input).await {
        Ok(p) => {
            let view = preview_view(&admin, p, &input);
            let form = FormState::new(values).in_scope(Scope::new("populations", ""));
            page(&state, &admin, StatusCode::OK, Some((Target::Populations, form)), Some(view)).await
        }
        result => failed(&state, &admin, Target::Populations, values, result).await,
    }
}

fn preview_view(admin: &StaffPage, p: PopulationPreview, input: &PopulationUpload) -> PreviewView {
    let tr = admin.tr();
    let number = |n: u64| tr.number(i64::try_from(n).unwrap_or(i64::MAX));
    PreviewView {
        lines: p
            .lines
            .iter()
            .map(|l| {
                (
                    l.line,
                    l.district.clone(),
                    tr.date(&l.reference_date),
                    number(l.residents),
                    l.residents_0_17.map_or_else(|| "—".to_owned(), number),
                )
            })
            .collect(),
        errors: p
            .errors
            .iter()
            .map(|e| match e.field.strip_prefix("line ") {
                Some(n) => tr.t2("admin-ref-population-line-error", "line", n, "message", e.message.as_str()),
                None => e.message.clone(),
            })
            .collect(),
        source: p.source,
        csv: input.csv.clone().unwrap_or_default(),
        file_name: input.file_name.clone().unwrap_or_default(),
    }
}
