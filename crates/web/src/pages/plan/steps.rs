//! The steps on the plan page: each form posts here, read into the use case's own input struct
//! (`form::PageForm`), and gets the plan back (post/redirect/get) or the plan again with its
//! errors beside its fields.

use super::*;

/// A goal's card on the plan page.
fn at_goal(goal: i64) -> String {
    format!("goal-{goal}")
}

pub async fn add_goal(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<GoalInput>) -> Response {
    let PageForm { page, input, values, rows } = form;
    let result = uc::add_goal(&state.app, &page.actor, CaseId(id), &input).await;
    after(&state, &page, id, (values, rows), result, Target::AddGoal, |g| at_goal(g.id.0)).await
}

pub async fn change_goal(
    State(state): State<AppState>,
    Path((id, goal)): Path<(i64, i64)>,
    form: PageForm<GoalPatch>,
) -> Response {
    let PageForm { page, input, values, rows } = form;
    // The form always sends its texts: one left empty is emptied (a title is then reported as
    // required), not left as it was. `shared` comes only where the form offers it.
    let patch = GoalPatch {
        title: Some(input.title.clone().unwrap_or_default()),
        description: Some(input.description.clone().unwrap_or_default()),
        confidential_reason: Some(input.confidential_reason.clone().unwrap_or_default()),
        ..input
    };
    let result = uc::change_goal(&state.app, &page.actor, GoalId(goal), &patch).await;
    let target = Target::Goal(goal, GoalForm::Change);
    after(&state, &page, id, (values, rows), result, target, |g| at_goal(g.id.0)).await
}

pub async fn add_action(
    State(state): State<AppState>,
    Path((id, goal)): Path<(i64, i64)>,
    form: PageForm<ActionInput>,
) -> Response {
    let PageForm { page, input, values, rows } = form;
    let result = uc::add_action(&state.app, &page.actor, GoalId(goal), &input).await;
    after(&state, &page, id, (values, rows), result, Target::Goal(goal, GoalForm::Action), |_| at_goal(goal)).await
}

/// A score that is not a number is read as 0 and reported as out of range.
pub async fn add_score(
    State(state): State<AppState>,
    Path((id, goal)): Path<(i64, i64)>,
    form: PageForm<ScoreInput>,
) -> Response {
    let PageForm { page, input, values, rows } = form;
    let result = uc::add_score(&state.app, &page.actor, GoalId(goal), &input).await;
    after(&state, &page, id, (values, rows), result, Target::Goal(goal, GoalForm::Score), |_| at_goal(goal)).await
}

pub async fn comment(
    State(state): State<AppState>,
    Path((id, goal)): Path<(i64, i64)>,
    form: PageForm<TextInput>,
) -> Response {
    let PageForm { page, input, values, rows } = form;
    let result = uc::comment(&state.app, &page.actor, GoalId(goal), &input).await;
    after(&state, &page, id, (values, rows), result, Target::Goal(goal, GoalForm::Comment), |_| at_goal(goal)).await
}

/// Invites a network member onto a goal. The one-time code is shown on the page that answers
/// the POST, once; it never travels in a URL.
pub async fn invite_network(
    State(state): State<AppState>,
    Path((id, goal)): Path<(i64, i64)>,
    form: PageForm<NetworkInvitationInput>,
) -> Response {
    let PageForm { page, input, values, rows } = form;
    let name = input.name.clone().unwrap_or_default();
    match uc::invite_network(&state.app, &page.actor, GoalId(goal), &input).await {
        Ok((_, code)) => {
            let code = Some(NewCode::Network { name, code });
            show(&state, &page, id, StatusCode::OK, Forms { code, ..Forms::default() }).await
        }
        Err(e) => {
            let target = Target::Goal(goal, GoalForm::Network);
            after(&state, &page, id, (values, rows), Err::<(), _>(e), target, |_| String::new()).await
        }
    }
}

/// The revoke button says which goal card it stands on, to return there.
#[derive(Debug, Default, Deserialize)]
pub struct OnGoal {
    pub goal: Option<i64>,
}

pub async fn revoke_network(
    State(state): State<AppState>,
    Path((id, invitation)): Path<(i64, i64)>,
    form: PageForm<OnGoal>,
) -> Response {
    let PageForm { page, input, values, rows } = form;
    let result = uc::revoke_network(&state.app, &page.actor, NetworkInvitationId(invitation)).await;
    let goal = input.goal.unwrap_or_default();
    after(&state, &page, id, (values, rows), result, Target::Button, |_| at_goal(goal)).await
}

pub async fn set_action_done(
    State(state): State<AppState>,
    Path((id, action)): Path<(i64, i64)>,
    form: PageForm<ActionPatch>,
) -> Response {
    let PageForm { page, input, values, rows } = form;
    let patch = ActionPatch { done: Some(input.done == Some(true)) };
    let result = uc::set_action_done(&state.app, &page.actor, GoalActionId(action), &patch).await;
    after(&state, &page, id, (values, rows), result, Target::Button, |a| at_goal(a.goal_id.0)).await
}

pub async fn decide_proposal(
    State(state): State<AppState>,
    Path((id, proposal)): Path<(i64, i64)>,
    form: PageForm<ProposalDecision>,
) -> Response {
    let PageForm { page, input, values, rows } = form;
    let result = uc::decide_proposal(&state.app, &page.actor, ProposalId(proposal), &input).await;
    after(&state, &page, id, (values, rows), result, Target::Button, |g| at_goal(g.id.0)).await
}

/// The evaluation with a score row per open goal (`scores[i].goal_id` hidden beside the score
/// select); a goal left without a score is a row left empty, and not sent to the use case.
pub async fn record_evaluation(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<EvaluationInput>,
) -> Response {
    let PageForm { page, input, values, rows } = form;
    let result = uc::record_evaluation(&state.app, &page.actor, CaseId(id), &input).await;
    after(&state, &page, id, (values, rows), result, Target::Evaluation, |_| "evaluations-heading".to_owned()).await
}

pub async fn plan_appointment(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<AppointmentInput>,
) -> Response {
    let PageForm { page, input, values, rows } = form;
    let result = uc::plan_appointment(&state.app, &page.actor, CaseId(id), &input).await;
    after(&state, &page, id, (values, rows), result, Target::Appointment, |_| "appointments-heading".to_owned()).await
}

pub async fn agree(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<AgreementInput>) -> Response {
    let PageForm { page, input, values, rows } = form;
    let result = uc::agree(&state.app, &page.actor, CaseId(id), &input).await;
    after(&state, &page, id, (values, rows), result, Target::Agreement, |_| "agreement-heading".to_owned()).await
}

/// Makes the household member a goal is about a client of the case ("Ook cliënt maken").
pub async fn make_client(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<ClientInput>) -> Response {
    let PageForm { page, input, values, rows } = form;
    let result = uc::make_client(&state.app, &page.actor, CaseId(id), &input).await;
    after(&state, &page, id, (values, rows), result, Target::Button, |_| "goals-heading".to_owned()).await
}

/// Invites a household member into Mijn Buurtteam; the one-time code is shown once, on the
/// page that answers the POST.
pub async fn invite_to_portal(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<PortalInvitationInput>,
) -> Response {
    let PageForm { page, input, values, rows } = form;
    match uc::invite_to_portal(&state.app, &page.actor, CaseId(id), &input).await {
        Ok(code) => {
            let person = PersonId(input.person_id.unwrap_or_default());
            let code = Some(NewCode::Portal { person, code });
            show(&state, &page, id, StatusCode::OK, Forms { code, ..Forms::default() }).await
        }
        Err(e) => after(&state, &page, id, (values, rows), Err::<(), _>(e), Target::Button, |_| String::new()).await,
    }
}
