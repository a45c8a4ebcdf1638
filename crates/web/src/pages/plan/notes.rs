//! Working notes: staff only, never in Mijn Buurtteam.

use super::*;
use crate::pages::form::Scope;

// ---------------------------------------------------------------------------------------
// Working notes: staff only.

pub struct NoteRow {
    pub author: String,
    pub when: String,
    pub body: String,
}

#[derive(Template)]
#[template(path = "plan_notes.html")]
struct NotesPage {
    page: Chrome,
    head: Head,
    notes: Vec<NoteRow>,
    form: FormState,
}

async fn show_notes(state: &AppState, staff: &StaffPage, id: i64, status: StatusCode, form: FormState) -> Response {
    let chrome = chrome_at(staff, format!("/cases/{id}/notes"));
    let file = or_error_page!(cases::file(&state.app, &staff.actor, CaseId(id)).await, &chrome);
    let notes = or_error_page!(uc::working_notes(&state.app, &staff.actor, CaseId(id)).await, &chrome);
    let tr = staff.tr();
    let tz = state.app.settings.time_zone.clone();
    let notes = notes
        .iter()
        .map(|n| NoteRow {
            author: format!("{} ({})", n.author.name, tr.code("role", n.author.role.code())),
            when: when(tr, &tz, n.created_at),
            body: n.body.clone(),
        })
        .collect();
    render(status, &NotesPage { page: chrome, head: Head::of(tr, &file), notes, form })
}

/// The note form: its `body` has the id `note-body` and the label `label-note-body`.
fn note_form(values: FormData) -> FormState {
    FormState::new(values).in_scope(Scope::new("note", "note"))
}

pub async fn notes(State(state): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    show_notes(&state, &staff, id, StatusCode::OK, note_form(FormData::default())).await
}

pub async fn add_note(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<TextInput>) -> Response {
    let PageForm { page: staff, input, values, .. } = form;
    match uc::add_working_note(&state.app, &staff.actor, CaseId(id), &input).await {
        Ok(_) => crate::pages::saved(&format!("/cases/{id}/notes"), "note-added"),
        Err(AppError::Validation(errors)) => {
            let shown = note_form(values).with_errors(staff.tr(), &errors);
            show_notes(&state, &staff, id, StatusCode::UNPROCESSABLE_ENTITY, shown).await
        }
        Err(e) => app_error_page(&chrome_at(&staff, format!("/cases/{id}/notes")), e),
    }
}
