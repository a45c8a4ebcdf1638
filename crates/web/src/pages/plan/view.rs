//! The plan page: a card per goal with its forms, the evaluations, appointments, agreement
//! and the portal invitations.

use super::*;

// ---------------------------------------------------------------------------------------
// The plan page.

pub struct ActionRow {
    pub id: i64,
    pub description: String,
    pub performer: String,
    pub due: String,
    pub overdue: bool,
    pub done: Option<String>,
}

pub struct CommentRow {
    pub author: String,
    pub when: String,
    pub body: String,
}

pub struct ProposalRow {
    pub id: i64,
    pub author: String,
    pub when: String,
    pub title: String,
    pub description: String,
    pub status: String,
    pub pending: bool,
}

pub struct NetworkRow {
    pub id: i64,
    pub name: String,
    pub relation: String,
    pub state: String,
    pub revocable: bool,
}

pub struct GoalCard {
    pub id: i64,
    pub domain: String,
    pub title: String,
    pub description: String,
    pub owner: String,
    /// "Neemt deel aan groep …" when a client takes part in a group linked to this goal.
    pub groups: String,
    /// The household member the goal is about when they are not a client of the case (the
    /// goal stays with the team until they are made one).
    pub non_client: Option<i64>,
    pub status: String,
    pub open: bool,
    pub confidential: bool,
    pub confidential_reason: String,
    pub shared: bool,
    pub latest_score: Option<String>,
    /// Date and score, oldest first.
    pub scores: Vec<(String, String)>,
    pub actions: Vec<ActionRow>,
    pub comments: Vec<CommentRow>,
    pub proposals: Vec<ProposalRow>,
    pub network: Vec<NetworkRow>,
    pub may_change: bool,
    pub may_invite: bool,
    pub may_comment: bool,
    pub may_share: bool,
    /// The goal's network members who can carry an action.
    pub network_options: Options,
    pub change: FormState,
    pub action: FormState,
    pub score: FormState,
    pub invite: FormState,
    pub comment: FormState,
}

pub struct EvaluationRow {
    pub held_on: String,
    pub went_well: String,
    pub changes: String,
    pub next_on: String,
    pub recorded_by: String,
}

pub struct AgreementRow {
    pub version: i64,
    pub person: String,
    pub how: String,
    pub when: String,
    pub current: bool,
}

pub struct MemberRow {
    pub id: i64,
    pub name: String,
    pub detail: String,
    /// 12 or older: may get an account in Mijn Buurtteam.
    pub may_portal: bool,
}

/// A score select of the evaluation form: row `i` of its `scores`, about one goal.
pub struct ScoreField {
    /// `scores[i]`
    pub row: String,
    pub goal_id: i64,
    pub title: String,
    pub label: String,
}

impl ScoreField {
    pub fn score(&self) -> String {
        format!("{}.score", self.row)
    }

    pub fn goal(&self) -> String {
        format!("{}.goal_id", self.row)
    }
}

#[derive(Template)]
#[template(path = "plan.html")]
pub(super) struct PlanPage {
    page: Chrome,
    head: Head,
    version: i64,
    next_evaluation: Option<(String, String, bool)>,
    notice: Option<Notice>,
    general: Option<String>,
    goals: Vec<GoalCard>,
    add_goal: FormState,
    domains: Options,
    owners: Options,
    statuses: Options,
    performers: Options,
    members: Options,
    /// The active partners serving the case's district, for a partner as performer.
    partners: Options,
    score_options: Options,
    score_choices: Options,
    evaluations: Vec<EvaluationRow>,
    evaluation: FormState,
    evaluation_scores: Vec<ScoreField>,
    appointments: Vec<(String, String, String)>,
    appointment: FormState,
    agreements: Vec<AgreementRow>,
    agreed_current: Vec<String>,
    may_agree: bool,
    agreement: FormState,
    household: Vec<MemberRow>,
    /// "Groepsaanbod overwogen?" (issue 19); `None` where the reader may not see it.
    group_support: Option<super::group_support::GroupSupportCard>,
    /// "Nuttig hier": knowledge base articles for the case's and the goals' life domains.
    pub(super) useful: Vec<crate::pages::knowledge::Useful>,
}

fn goal_card(
    tr: Tr,
    tz: &TimeZone,
    today: Date,
    (file, plan): (&CaseFile, &PlanView),
    g: &GoalView,
    forms: &Forms,
) -> GoalCard {
    let goal = &g.goal;
    let id = goal.id.0;
    let actions = g
        .actions
        .iter()
        .map(|a| {
            let who = tr.code("performer", a.action.performer.code());
            let performer = match &a.performer_label {
                Some(label) if !label.is_empty() => format!("{who}: {label}"),
                _ => who,
            };
            ActionRow {
                id: a.action.id.0,
                description: a.action.description.clone(),
                performer,
                due: a.action.due_on.map(|d| tr.t1("plan-action-due", "date", tr.date(&d))).unwrap_or_default(),
                overdue: a.action.done_on.is_none() && a.action.due_on.is_some_and(|d| d < today),
                done: a.action.done_on.map(|d| tr.t1("plan-action-done-on", "date", tr.date(&d))),
            }
        })
        .collect();
    let mut scores = g.scores.clone().unwrap_or_default();
    scores.sort_by_key(|s| s.measured_on);
    let latest_score = scores.last().map(|s| {
        tr.t2("plan-latest-score", "score", score_label(tr, i64::from(s.score)), "date", tr.date(&s.measured_on))
    });
    let author = |a: &buurtteam_store::plan::Author| format!("{} ({})", a.name, tr.code("role", a.role.code()));
    let proposals = g
        .proposals
        .iter()
        .map(|pr| ProposalRow {
            id: pr.id.0,
            author: author(&pr.author),
            when: when(tr, tz, pr.created_at),
            title: pr.title.clone(),
            description: pr.description.clone(),
            status: tr.code("proposal-status", pr.status.code()),
            pending: pr.status == ProposalStatus::Pending,
        })
        .collect();
    let network: Vec<NetworkRow> = g
        .network
        .iter()
        .map(|n| NetworkRow {
            id: n.id.0,
            name: n.name.clone(),
            relation: n.relation.clone(),
            state: tr.t(&format!("plan-network-state-{}", n.state)),
            revocable: n.revocable,
        })
        .collect();
    let mut network_options = vec![(String::new(), tr.t("choose"))];
    network_options.extend(
        g.network
            .iter()
            .filter(|n| n.state != "revoked")
            .map(|n| (n.id.0.to_string(), format!("{} ({})", n.name, n.relation))),
    );
    let flag = |on: bool| if on { "true".to_owned() } else { String::new() };
    let target = |form| Target::Goal(id, form);
    let change = forms.goal_form(id, GoalForm::Change).unwrap_or_else(|| {
        target(GoalForm::Change).form(vec![
            ("life_domain".into(), goal.life_domain.code().to_owned()),
            ("title".into(), goal.title.clone()),
            ("description".into(), goal.description.clone()),
            ("client_id".into(), goal.client_id.map(|c| c.0.to_string()).unwrap_or_default()),
            ("status".into(), goal.status.code().to_owned()),
            ("confidential".into(), flag(goal.confidential)),
            ("confidential_reason".into(), goal.confidential_reason.clone().unwrap_or_default()),
            ("shared".into(), flag(goal.shared)),
        ])
    });
    GoalCard {
        id,
        domain: tr.code("life-domain", goal.life_domain.code()),
        title: goal.title.clone(),
        description: goal.description.clone(),
        owner: owner_label(tr, file, goal.client_id),
        groups: if g.groups.is_empty() {
            String::new()
        } else {
            tr.t1("plan-goal-groups", "groups", g.groups.join(", "))
        },
        non_client: goal.client_id.filter(|c| plan.household.iter().any(|m| m.id == *c && !m.client)).map(|c| c.0),
        status: tr.code("goal-status", goal.status.code()),
        open: goal.status == GoalStatus::Open,
        confidential: goal.confidential,
        confidential_reason: goal.confidential_reason.clone().unwrap_or_default(),
        shared: goal.shared,
        latest_score,
        scores: scores.iter().map(|s| (tr.date(&s.measured_on), score_label(tr, i64::from(s.score)))).collect(),
        actions,
        comments: g
            .comments
            .iter()
            .map(|c| CommentRow { author: author(&c.author), when: when(tr, tz, c.created_at), body: c.body.clone() })
            .collect(),
        proposals,
        network,
        may_change: g.may.change,
        may_invite: g.may.invite_network,
        may_comment: g.may.comment,
        may_share: g.may.share,
        network_options,
        change,
        action: forms.goal_form(id, GoalForm::Action).unwrap_or_else(|| {
            target(GoalForm::Action).form(vec![("performer".into(), Performer::FamilyWorker.code().to_owned())])
        }),
        score: forms
            .goal_form(id, GoalForm::Score)
            .unwrap_or_else(|| target(GoalForm::Score).form(vec![("measured_on".into(), today.to_string())])),
        invite: forms.goal_form(id, GoalForm::Network).unwrap_or_else(|| target(GoalForm::Network).form(Vec::new())),
        comment: forms.goal_form(id, GoalForm::Comment).unwrap_or_else(|| target(GoalForm::Comment).form(Vec::new())),
    }
}

pub(super) fn build(
    tr: Tr,
    chrome: Chrome,
    tz: &TimeZone,
    today: Date,
    file: &CaseFile,
    plan: &PlanView,
    forms: Forms,
) -> PlanPage {
    let goals: Vec<GoalCard> = plan.goals.iter().map(|g| goal_card(tr, tz, today, (file, plan), g, &forms)).collect();
    let domains = LifeDomain::ALL.iter().map(|d| (d.code().to_owned(), tr.code("life-domain", d.code()))).collect();
    let mut owners = vec![(String::new(), tr.t("plan-owner-household"))];
    owners.extend(plan.household.iter().map(|m| {
        let name = format!("{} {}", m.given_name, m.family_name);
        (m.id.0.to_string(), if m.client { name } else { tr.t1("plan-owner-not-client", "name", name) })
    }));
    let statuses = GoalStatus::ALL.iter().map(|s| (s.code().to_owned(), tr.code("goal-status", s.code()))).collect();
    let performers = Performer::ALL.iter().map(|s| (s.code().to_owned(), tr.code("performer", s.code()))).collect();
    let mut members = vec![(String::new(), tr.t("choose"))];
    members.extend(plan.household.iter().map(|m| (m.id.0.to_string(), format!("{} {}", m.given_name, m.family_name))));
    let mut partners = vec![(String::new(), tr.t("choose"))];
    partners.extend(file.partners.iter().map(|(id, name)| (id.0.to_string(), name.clone())));
    let mut score_options = vec![(String::new(), tr.t("plan-score-none"))];
    score_options.extend((1..=5).map(|s| (s.to_string(), score_label(tr, s))));
    let mut score_choices = score_options.clone();
    score_choices[0].1 = tr.t("choose");
    let mut evaluations: Vec<EvaluationRow> = Vec::new();
    let mut held: Vec<_> = plan.evaluations.clone().unwrap_or_default();
    held.sort_by_key(|e| std::cmp::Reverse((e.held_on, e.id)));
    for e in &held {
        evaluations.push(EvaluationRow {
            held_on: tr.date(&e.held_on),
            went_well: e.went_well.clone(),
            changes: e.changes.clone(),
            next_on: tr.opt_date(&e.next_on),
            recorded_by: staff_name(file, e.recorded_by),
        });
    }
    let evaluation_scores = plan
        .goals
        .iter()
        .filter(|g| g.goal.status == GoalStatus::Open && g.may.change)
        .enumerate()
        .map(|(i, g)| ScoreField {
            row: format!("scores[{i}]"),
            goal_id: g.goal.id.0,
            title: g.goal.title.clone(),
            label: tr.t1("plan-evaluation-score-for", "goal", g.goal.title.clone()),
        })
        .collect::<Vec<_>>();
    let mut appointments = plan.appointments.clone().unwrap_or_default();
    appointments.sort_by_key(|a| a.starts_at);
    let agreements = plan
        .agreements
        .iter()
        .rev()
        .map(|a| {
            let person = name_in(file, a.person_id).unwrap_or_default();
            let how = if a.recorded_by.role.is_staff() {
                tr.t1("plan-agreed-on-behalf", "worker", a.recorded_by.name.clone())
            } else {
                tr.t("plan-agreed-in-portal")
            };
            AgreementRow {
                version: a.version,
                person,
                how,
                when: when(tr, tz, a.created_at),
                current: a.version >= plan.content_version,
            }
        })
        .collect::<Vec<_>>();
    let mut agreed_current: Vec<String> = agreements.iter().filter(|a| a.current).map(|a| a.person.clone()).collect();
    agreed_current.dedup();
    let household = file
        .household
        .members
        .iter()
        .map(|m| MemberRow {
            id: m.id.0,
            name: person_name(m),
            detail: format!(
                "{}, {}",
                tr.code("household-role", m.role.code()),
                tr.t1("age-years", "years", i64::from(age_on(m.birth_date, today)))
            ),
            may_portal: AgeBand::of(m.birth_date, today).may_have_account(),
        })
        .collect();
    let next_evaluation = plan.next_evaluation_on.map(|d| evaluation_due(tr, d, today));
    let mut evaluation =
        forms.evaluation.unwrap_or_else(|| Target::Evaluation.form(vec![("held_on".into(), today.to_string())]));
    // A score row is about a goal: the summary says which, and the error of its (hidden) goal
    // stands at its score.
    let ids: Vec<String> = evaluation_scores.iter().map(|f| evaluation.id(&f.score())).collect();
    for e in &mut evaluation.errors {
        if let Some((i, f)) = evaluation_scores.iter().enumerate().find(|(_, f)| e.field.starts_with(&f.row)) {
            e.summary = format!("{}: {}", f.title, e.message);
            e.field = f.score();
            e.anchor = ids[i].clone();
        }
    }
    let notice = forms.code.map(|c| {
        let (text, code) = match c {
            NewCode::Network { name, code } => (tr.t1("plan-network-invited", "name", name), code),
            NewCode::Portal { person, code } => {
                (tr.t1("plan-portal-invited", "name", name_in(file, person).unwrap_or_default()), code)
            }
        };
        Notice { text, code, hint: tr.t("plan-code-hint") }
    });
    PlanPage {
        page: chrome,
        head: Head::of(tr, file),
        version: plan.version,
        next_evaluation,
        notice,
        general: forms.general,
        goals,
        add_goal: forms
            .add_goal
            .unwrap_or_else(|| Target::AddGoal.form(vec![("life_domain".into(), LifeDomain::Parenting.code().into())])),
        domains,
        owners,
        statuses,
        performers,
        members,
        partners,
        score_options,
        score_choices,
        evaluations,
        evaluation,
        evaluation_scores,
        appointments: appointments
            .iter()
            .map(|a| (when(tr, tz, a.starts_at), a.place.clone(), a.description.clone()))
            .collect(),
        appointment: forms.appointment.unwrap_or_else(|| Target::Appointment.form(Vec::new())),
        agreements,
        agreed_current,
        may_agree: plan.may_agree,
        agreement: forms.agreement.unwrap_or_else(|| Target::Agreement.form(Vec::new())),
        household,
        group_support: super::group_support::card(tr, plan, forms.group_support),
        useful: Vec::new(),
    }
}
