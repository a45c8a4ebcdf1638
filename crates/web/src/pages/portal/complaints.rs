//! Mijn Buurtteam: complaints (decision 0032). A parent, or a young person from 12 about their
//! own help, submits one here; the complainant and the parents with authority see its state and
//! steps. Every page names the AKJ (independent confidential adviser) and the KJMN (regional
//! complaints committee).

use buurtteam_app::complaints::{self as complaints_uc, ComplaintInput, ComplaintView};
use buurtteam_domain::complaints::Against;

use super::*;

pub(super) struct Shown {
    pub(super) subject: String,
    pub(super) state: String,
    pub(super) received: String,
    pub(super) decide_by: String,
    pub(super) steps: Vec<(String, String)>,
}

fn shown(tr: Tr, k: &ComplaintView) -> Shown {
    let state = match k.outcome {
        Some(o) => tr.t(&format!("complaint-outcome-{}", o.code().replace('_', "-"))),
        None => tr.t("complaint-state-open"),
    };
    Shown {
        subject: k.subject.clone(),
        state,
        received: tr.date(&k.received_on),
        decide_by: tr.date(&k.decide_by),
        steps: k
            .steps
            .iter()
            .map(|s| (tr.date(&s.on), tr.t(&format!("complaint-step-{}", s.step.code().replace('_', "-")))))
            .collect(),
    }
}

#[derive(Template)]
#[template(path = "portal_complaints.html")]
struct ComplaintsPage {
    page: Chrome,
    complaints: Vec<Shown>,
    against: Vec<(&'static str, String)>,
    errors: Vec<String>,
    subject: String,
    wish: String,
    done: bool,
}

#[derive(Deserialize)]
pub(super) struct Done {
    done: Option<String>,
}

async fn show(
    state: &AppState,
    reader: &PortalPage,
    status: StatusCode,
    errors: Vec<String>,
    input: &ComplaintInput,
    done: bool,
) -> Response {
    let chrome = reader.chrome("portal-complaints");
    let tr = chrome.tr;
    let list = match complaints_uc::portal_list(&state.app, &reader.actor).await {
        Ok((_, list)) => list,
        Err(AppError::NotFound(_)) => Vec::new(),
        Err(e) => return app_error_page(&chrome, e),
    };
    let page = ComplaintsPage {
        complaints: list.iter().map(|k| shown(tr, k)).collect(),
        against: Against::ALL.iter().map(|a| (a.code(), tr.t(&format!("complaint-against-{}", a.code())))).collect(),
        errors,
        subject: input.subject.clone().unwrap_or_default(),
        wish: input.wish.clone().unwrap_or_default(),
        done,
        page: chrome,
    };
    render(status, &page)
}

pub(super) async fn complaints_page(
    State(state): State<AppState>,
    Query(q): Query<Done>,
    reader: PortalPage,
) -> Response {
    let done = q.done.as_deref() == Some("submitted");
    show(&state, &reader, StatusCode::OK, Vec::new(), &ComplaintInput::default(), done).await
}

pub(super) async fn submit_complaint(
    State(state): State<AppState>,
    form: PageForm<ComplaintInput, PortalPage>,
) -> Response {
    let PageForm { page: reader, input, .. } = form;
    let mut input = input;
    input.case_id = None;
    match complaints_uc::submit(&state.app, &reader.actor, &input).await {
        Ok(_) => Redirect::to("/portal/complaints?done=submitted").into_response(),
        Err(AppError::Validation(errors)) => {
            let tr = reader.tr();
            let errors = errors.iter().map(|e| tr.t(&format!("complaint-field-{}", e.field))).collect();
            show(&state, &reader, StatusCode::UNPROCESSABLE_ENTITY, errors, &input, false).await
        }
        Err(e) => app_error_page(&reader.chrome("portal-complaints"), e),
    }
}
