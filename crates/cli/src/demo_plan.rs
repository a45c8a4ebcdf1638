//! Demo family plans: a few cases of the first family worker get a plan through the same use
//! cases the pages call, and one parent and one network member get portal accounts, so that
//! Mijn Buurtteam can be tried right away.

use anyhow::anyhow;
use buurtteam_app::App;
use buurtteam_app::plan::{
    self, ActionInput, ActivateInput, AgreementInput, EvaluationInput, EvaluationScore, GoalInput,
    NetworkInvitationInput, PortalInvitationInput, ScoreInput, TextInput,
};
use buurtteam_domain::codes::{HouseholdRole, Role};
use buurtteam_domain::ids::CaseId;
use buurtteam_domain::policy::Actor;
use buurtteam_domain::policy::plan::AgeBand;
use buurtteam_store::cases::{ListOrder, ListQuery, StatusFilter};

/// The portal log-ins the demo prints.
pub const FAMILY_EMAIL: &str = "gezin@demo.buurtteam.nl";
pub const NETWORK_EMAIL: &str = "netwerk@demo.buurtteam.nl";

/// Writes the demo plans; returns the (role, e-mail) of the portal accounts.
pub async fn seed(app: &App, worker_email: &str, password: &str) -> anyhow::Result<Vec<(String, String)>> {
    let mut tx = app.db.begin_read().await?;
    let (user, _) = buurtteam_store::organisation::find_login(&mut tx, worker_email)
        .await?
        .ok_or_else(|| anyhow!("no demo family worker {worker_email}"))?;
    let actor = buurtteam_app::auth::actor_of(&user);
    let query = ListQuery {
        member: user.id,
        team_id: None,
        status: StatusFilter::Only(buurtteam_domain::case::CaseStatus::InSupport),
        worker: Some(user.id),
        unassigned_too: false,
        order: ListOrder::RecentlyActive,
        limit: 50,
        offset: 0,
    };
    let (cases, _) = buurtteam_store::cases::list(&mut tx, &query).await?;
    let today = app.today();
    // A household with a parent and a client child under 16 shows the rules best.
    let mut chosen = Vec::new();
    for case in cases {
        let members = buurtteam_store::households::members(&mut tx, case.household_id).await?;
        let parent = members.iter().find(|m| m.role == HouseholdRole::Parent && m.parental_authority).cloned();
        let child = case
            .clients
            .iter()
            .filter_map(|c| members.iter().find(|m| m.id == c.person_id))
            .find(|m| m.role == HouseholdRole::Child && AgeBand::of(m.birth_date, today) != AgeBand::From16)
            .cloned();
        // The parent's own goal needs the parent to be a client too.
        let parent = parent.filter(|p| case.clients.iter().any(|c| c.person_id == p.id));
        if let (Some(parent), Some(child)) = (parent, child) {
            chosen.push((case.id, parent, child));
        }
        if chosen.len() == 3 {
            break;
        }
    }
    drop(tx);
    let mut logins = Vec::new();
    for (i, (case, parent, child)) in chosen.iter().enumerate() {
        let first = i == 0;
        seed_case(app, &actor, *case, parent.id.0, child.id.0, &child.given_name)
            .await
            .map_err(|e| anyhow!("demo plan for case {}: {e:?}", case.0))?;
        if first {
            let code =
                plan::invite_to_portal(app, &actor, *case, &PortalInvitationInput { person_id: Some(parent.id.0) })
                    .await?;
            plan::activate(
                app,
                &ActivateInput { code: Some(code), email: Some(FAMILY_EMAIL.into()), password: Some(password.into()) },
                None,
            )
            .await
            .map_err(|e| anyhow!("demo portal account: {e:?}"))?;
            logins.push((Role::FamilyMember.code().to_owned(), FAMILY_EMAIL.to_owned()));
            // The parent's network: a neighbour on the child's goal.
            let view = plan::staff_plan(app, &actor, *case).await?;
            if let Some(goal) = view.goals.iter().find(|g| g.goal.client_id == Some(child.id)) {
                let input = NetworkInvitationInput {
                    name: Some("Karin Jansen".into()),
                    relation: Some("buurvrouw".into()),
                    email: Some(NETWORK_EMAIL.into()),
                };
                let (_, code) = plan::invite_network(app, &actor, goal.goal.id, &input).await?;
                plan::activate(
                    app,
                    &ActivateInput {
                        code: Some(code),
                        email: Some(NETWORK_EMAIL.into()),
                        password: Some(password.into()),
                    },
                    None,
                )
                .await?;
                logins.push((Role::NetworkMember.code().to_owned(), NETWORK_EMAIL.to_owned()));
            }
        }
    }
    Ok(logins)
}

async fn seed_case(
    app: &App,
    actor: &Actor,
    case: CaseId,
    parent: i64,
    child: i64,
    child_name: &str,
) -> Result<(), buurtteam_app::AppError> {
    let today = app.today();
    let start = today.checked_sub(jiff::Span::new().weeks(8)).unwrap_or(today).to_string();
    let goal = |domain: &str, title: String, client: Option<i64>| GoalInput {
        life_domain: Some(domain.into()),
        title: Some(title),
        description: Some("Zo gezegd in het eerste gesprek.".into()),
        client_id: client,
        confidential: false,
        confidential_reason: None,
    };
    let household =
        plan::add_goal(app, actor, case, &goal("domestic_relations", "Meer rust in huis, minder ruzie".into(), None))
            .await?;
    let childs = plan::add_goal(
        app,
        actor,
        case,
        &goal("development_school", format!("{child_name} gaat weer met plezier naar school"), Some(child)),
    )
    .await?;
    let parents =
        plan::add_goal(app, actor, case, &goal("finances", "Overzicht in de rekeningen".into(), Some(parent))).await?;
    for (g, score) in [(&household, 2), (&childs, 2), (&parents, 1)] {
        plan::add_score(app, actor, g.id, &ScoreInput { measured_on: Some(start.clone()), score: Some(score) }).await?;
    }
    let action = |d: &str, performer: &str, person: Option<i64>, weeks: i64| ActionInput {
        description: Some(d.into()),
        performer: Some(performer.into()),
        person_id: person,
        network_invitation_id: None,
        performer_partner_id: None,
        performer_name: None,
        due_on: Some(today.checked_add(jiff::Span::new().weeks(weeks)).unwrap_or(today).to_string()),
    };
    plan::add_action(app, actor, household.id, &action("Samen een weekschema maken", "family_member", Some(parent), 1))
        .await?;
    plan::add_action(app, actor, childs.id, &action("Gesprek met de mentor plannen", "family_worker", None, 2)).await?;
    plan::add_action(app, actor, parents.id, &action("Post van deze maand sorteren", "family_member", Some(parent), 1))
        .await?;
    plan::record_evaluation(
        app,
        actor,
        case,
        &EvaluationInput {
            held_on: Some(today.checked_sub(jiff::Span::new().days(7)).unwrap_or(today).to_string()),
            went_well: Some("Het weekschema hangt op de koelkast en helpt.".into()),
            changes: Some("Meer aandacht voor de ochtenden.".into()),
            next_on: Some(today.checked_add(jiff::Span::new().weeks(6)).unwrap_or(today).to_string()),
            scores: vec![EvaluationScore { goal_id: household.id.0, score: 3 }],
        },
    )
    .await?;
    plan::add_working_note(
        app,
        actor,
        case,
        &TextInput { body: Some("Eigen indruk: moeder lijkt overbelast; navragen bij de huisarts.".into()) },
    )
    .await?;
    plan::agree(app, actor, case, &AgreementInput { person_id: Some(parent) }).await?;
    Ok(())
}
