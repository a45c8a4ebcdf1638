//! The forms of the plan page: which form a POST came from, and where its input and errors are
//! shown again.
//!
//! Every form's fields are named as in the use case's input struct (`title`, `due_on`,
//! `scores[2].score`), so the use case's field errors name them as they are. Several forms share
//! names (every goal card has a `description`); each form has its own [`Scope`], which sets its
//! HTML ids apart (`g12-action-description`) and names its labels (`label-action-description`).

use super::*;
use crate::pages::form::Scope;

/// The forms a goal card has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum GoalForm {
    Change,
    Action,
    Score,
    Network,
    Comment,
}

/// The form a POST came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Target {
    AddGoal,
    Goal(i64, GoalForm),
    Evaluation,
    Appointment,
    Agreement,
    /// Whether group support was considered (issue 19).
    GroupSupport,
    /// A button without fields of its own (a portal invitation, a decision, "done").
    Button,
}

impl Target {
    /// The form's scope: its ids and the catalogue's name for its labels.
    pub(super) fn scope(&self) -> Scope {
        let goal = |goal: &i64, labels: &'static str| Scope::new(format!("g{goal}-{labels}"), labels);
        match self {
            Target::AddGoal => Scope::new("goal", "goal"),
            Target::Goal(g, GoalForm::Change) => goal(g, "goal"),
            Target::Goal(g, GoalForm::Action) => goal(g, "action"),
            Target::Goal(g, GoalForm::Score) => goal(g, "score"),
            Target::Goal(g, GoalForm::Network) => goal(g, "network"),
            Target::Goal(g, GoalForm::Comment) => goal(g, "comment"),
            Target::Evaluation => Scope::new("evaluation", "evaluation"),
            Target::Appointment => Scope::new("appointment", "appointment"),
            Target::Agreement => Scope::new("agreement", "agreement"),
            Target::GroupSupport => Scope::new("group-support", "group-support"),
            Target::Button => Scope::default(),
        }
    }

    /// A form of this target showing `pairs`.
    pub(super) fn form(&self, pairs: Vec<(String, String)>) -> FormState {
        FormState::new(FormData(pairs)).in_scope(self.scope())
    }
}

/// What a successful step shows once, on the page that answers it.
pub struct Notice {
    pub text: String,
    /// A one-time code to hand over.
    pub code: String,
    pub hint: String,
}

/// A one-time code just made, to be shown on the page that answers the POST.
pub(super) enum NewCode {
    Network { name: String, code: String },
    Portal { person: PersonId, code: String },
}

/// The plan page's forms that show something other than their defaults.
#[derive(Default)]
pub(super) struct Forms {
    pub add_goal: Option<FormState>,
    pub goal: Option<(i64, GoalForm, FormState)>,
    pub evaluation: Option<FormState>,
    pub appointment: Option<FormState>,
    pub agreement: Option<FormState>,
    pub group_support: Option<FormState>,
    /// An error of a button without fields.
    pub general: Option<String>,
    pub code: Option<NewCode>,
}

impl Forms {
    pub(super) fn place(&mut self, target: Target, state: FormState) {
        match target {
            Target::AddGoal => self.add_goal = Some(state),
            Target::Goal(goal, form) => self.goal = Some((goal, form, state)),
            Target::Evaluation => self.evaluation = Some(state),
            Target::Appointment => self.appointment = Some(state),
            Target::Agreement => self.agreement = Some(state),
            Target::GroupSupport => self.group_support = Some(state),
            Target::Button => {
                let mut texts: Vec<String> = state.errors.iter().map(|e| e.message.clone()).collect();
                texts.extend(state.general);
                self.general = Some(texts.join(" "));
            }
        }
    }

    pub(super) fn goal_form(&self, goal: i64, form: GoalForm) -> Option<FormState> {
        self.goal.as_ref().filter(|(g, f, _)| *g == goal && *f == form).map(|(_, _, s)| s.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_land_on_the_field_of_the_form_that_was_sent() {
        let tr = Tr::new(crate::pages::i18n::Lang::Nl);
        let mut e = FieldError::new("title", "is required");
        e.code("required");
        let state = Target::Goal(7, GoalForm::Change).form(Vec::new()).with_errors(tr, &[e.clone()]);
        assert_eq!(state.errors[0].anchor, "g7-goal-title");
        assert_eq!(state.errors[0].summary, "Doel in de woorden van het gezin: Vul dit in.");
        assert!(state.has("title"));
        // The same field of the form to add a goal has an id of its own.
        let state = Target::AddGoal.form(Vec::new()).with_errors(tr, &[e]);
        assert_eq!(state.errors[0].anchor, "goal-title");
        let mut e = FieldError::new("scores[1].goal_id", "is not an open goal");
        e.code("invalid");
        let state = Target::Evaluation.form(Vec::new()).with_errors(tr, &[e]);
        assert!(state.has("scores[1]"));
        assert_eq!(state.errors[0].anchor, "evaluation-scores-1-goal_id");
    }
}
