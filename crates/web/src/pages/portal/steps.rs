//! The steps of Mijn Buurtteam: each form posts here, read into the use case's own input struct
//! (`form::PageForm`), and ends in a redirect back to the plan with a notice, or the plan again
//! with the form's errors beside its fields.

use super::*;

/// After a change of a goal: back to the plan with a notice, or the plan again with the
/// form's errors and its input kept.
async fn after<T>(
    state: &AppState,
    reader: &PortalPage,
    (goal, which): (i64, Which),
    values: FormData,
    result: Result<T, AppError>,
    done: &str,
) -> Response {
    match result {
        Ok(_) => Redirect::to(&format!("/portal?done={done}#goal-{goal}")).into_response(),
        Err(AppError::Validation(errors)) => {
            let shown = which.form(goal, values).with_errors(reader.tr(), &errors);
            let shown = Shown { goal, which, form: shown };
            show(state, reader, StatusCode::UNPROCESSABLE_ENTITY, None, None, Some(shown), FormState::default()).await
        }
        Err(e) => app_error_page(&reader.chrome("portal"), e),
    }
}

pub(super) async fn comment(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<TextInput, PortalPage>,
) -> Response {
    let PageForm { page: reader, input, values, .. } = form;
    let result = uc::comment(&state.app, &reader.actor, GoalId(id), &input).await;
    after(&state, &reader, (id, Which::Comment), values, result, "commented").await
}

pub(super) async fn propose(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<ProposalInput, PortalPage>,
) -> Response {
    let PageForm { page: reader, input, values, .. } = form;
    let result = uc::propose(&state.app, &reader.actor, GoalId(id), &input).await;
    after(&state, &reader, (id, Which::Propose), values, result, "proposed").await
}

/// Sharing a goal (or no longer): the button sends `shared`, the rest of the goal stays.
pub(super) async fn share(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<GoalPatch, PortalPage>,
) -> Response {
    let PageForm { page: reader, input, .. } = form;
    let shared = input.shared == Some(true);
    let patch = GoalPatch { shared: Some(shared), ..GoalPatch::default() };
    match uc::change_goal(&state.app, &reader.actor, GoalId(id), &patch).await {
        Ok(_) => {
            let done = if shared { "shared" } else { "unshared" };
            Redirect::to(&format!("/portal?done={done}#goal-{id}")).into_response()
        }
        Err(e) => app_error_page(&reader.chrome("portal"), e),
    }
}

/// Marks an action done, or (with `done=false`) open again.
pub(super) async fn action_done(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<ActionPatch, PortalPage>,
) -> Response {
    let PageForm { page: reader, input, .. } = form;
    let done = input.done != Some(false);
    match uc::set_action_done(&state.app, &reader.actor, GoalActionId(id), &ActionPatch { done: Some(done) }).await {
        Ok(action) => {
            let notice = if done { "action-done" } else { "action-open" };
            Redirect::to(&format!("/portal?done={notice}#goal-{}", action.goal_id.0)).into_response()
        }
        Err(e) => app_error_page(&reader.chrome("portal"), e),
    }
}

/// Invites a network member onto a goal. The one-time code is shown on the page this POST
/// renders, once: it is not stored readable and never put in a URL.
pub(super) async fn invite(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    form: PageForm<NetworkInvitationInput, PortalPage>,
) -> Response {
    let PageForm { page: reader, input, values, .. } = form;
    let tr = reader.tr();
    match uc::invite_network(&state.app, &reader.actor, GoalId(id), &input).await {
        Ok((_, code)) => {
            let name = input.name.as_deref().map(str::trim).unwrap_or_default().to_owned();
            let activate = activation_address(&state, &headers);
            let notice = CodeNotice {
                goal: id,
                heading: tr.t1("portal-code-heading", "name", name.as_str()),
                code,
                how: tr.tn(
                    "portal-code-how",
                    &[("name", name.as_str().into()), ("address", activate.into()), ("days", 14i64.into())],
                ),
            };
            show(&state, &reader, StatusCode::OK, None, Some(notice), None, FormState::default()).await
        }
        Err(e) => after(&state, &reader, (id, Which::Invite), values, Err::<(), _>(e), "").await,
    }
}

/// Where the invited person activates their account: this site, as the browser reached it.
fn activation_address(state: &AppState, headers: &HeaderMap) -> String {
    let scheme = if state.config.secure_cookies { "https" } else { "http" };
    match headers.get(header::HOST).and_then(|h| h.to_str().ok()) {
        Some(host) if !host.is_empty() && !host.contains(['/', '\\', '@']) => {
            format!("{scheme}://{host}/portal/activate")
        }
        _ => "/portal/activate".to_owned(),
    }
}

/// The revoke button says which goal card it stands on, to return there.
#[derive(Debug, Default, Deserialize)]
pub(super) struct OnGoal {
    goal: Option<i64>,
}

pub(super) async fn revoke(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<OnGoal, PortalPage>,
) -> Response {
    let PageForm { page: reader, input, .. } = form;
    match uc::revoke_network(&state.app, &reader.actor, NetworkInvitationId(id)).await {
        Ok(()) => {
            let goal = input.goal.unwrap_or_default();
            Redirect::to(&format!("/portal?done=revoked#goal-{goal}")).into_response()
        }
        Err(e) => app_error_page(&reader.chrome("portal"), e),
    }
}

/// Agreeing to the plan: a button, no fields.
pub(super) async fn agree(State(state): State<AppState>, form: PageForm<NoFields, PortalPage>) -> Response {
    let reader = form.page;
    match uc::portal_agree(&state.app, &reader.actor).await {
        Ok(_) => Redirect::to("/portal?done=agreed#agreement").into_response(),
        Err(AppError::Conflict { message, .. }) => {
            tracing::info!(%message, "agreement refused");
            let shown = FormState { general: Some(reader.tr().t("portal-agree-refused")), ..FormState::default() };
            show(&state, &reader, StatusCode::CONFLICT, None, None, None, shown).await
        }
        Err(e) => app_error_page(&reader.chrome("portal"), e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::i18n::Lang;
    use buurtteam_domain::validation::FieldError;

    #[test]
    fn goal_fields_get_ids_and_labels_of_their_own() {
        let mut e = FieldError::new("body", "is required");
        e.code("required");
        let state = Which::Comment.form(12, FormData::default()).with_errors(Tr::new(Lang::Nl), &[e]);
        assert!(state.has("body"));
        assert_eq!(state.id("body"), "g12-comment-body");
        assert_eq!(state.errors[0].summary, "Jouw reactie: Vul dit in.");
    }
}
