//! Invitations into Mijn Buurtteam: household members onto the portal, network members
//! onto one goal.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::ids::{CaseId, GoalId, NetworkInvitationId, PersonId};
use buurtteam_domain::policy::plan::{self as plan_policy, AgeBand, PlanAction, Target};
use buurtteam_domain::policy::{Actor, Decision};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit::{self};
use buurtteam_store::plan::{self as store};

use crate::{App, AppError, Result, input};

use super::context::{At, goal_in, run};
use super::inputs::{NetworkInvitationInput, PortalInvitationInput};
use super::{CODE_VALID_FOR, changed};

/// A one-time code: 12 characters from an alphabet without look-alikes (about 60 bits),
/// shown as three groups of four.
pub(crate) fn new_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 12];
    crate::auth::random_bytes(&mut bytes);
    let chars: Vec<char> = bytes.iter().map(|b| ALPHABET[(*b as usize) % ALPHABET.len()] as char).collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// The code as typed: upper case, without spaces or dashes; stored only as its hash.
pub(crate) fn code_hash(code: &str) -> String {
    let normal: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect();
    crate::auth::token_hash(&normal)
}

/// Invites a household member of 12 or older into Mijn Buurtteam; returns the one-time code.
pub async fn invite_to_portal(app: &App, actor: &Actor, case: CaseId, input: &PortalInvitationInput) -> Result<String> {
    let person = input.person_id.map(PersonId);
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(PlanAction::InviteToPortal, None)?;
            ctx.open()?;
            let mut errors = Errors::default();
            match person.and_then(|p| ctx.person(p)) {
                None if person.is_none() => {
                    errors.add("person_id", "name the household member to invite").code("required");
                }
                None => {
                    errors.add("person_id", "is not in this household").code("not_household_member");
                }
                Some(p) if !AgeBand::of(p.birth_date, ctx.today).may_have_account() => {
                    errors
                        .add("person_id", "children under 12 get no account of their own; their parents read along")
                        .code("too_young_for_portal");
                }
                Some(_) => {}
            }
            errors.finish()?;
            let person = person.unwrap_or(PersonId(0));
            let code = new_code();
            let expires = now.checked_add(CODE_VALID_FOR).unwrap_or(now);
            let id = store::insert_portal_invitation(
                tx,
                ctx.case.id,
                person,
                &code_hash(&code),
                ctx.actor.user_id,
                expires,
                now,
            )
            .await?;
            let mut entry = ctx.entry(now, AuditAction::PortalInvited, None);
            entry.object_type = "portal_invitation";
            entry.object_id = Some(id);
            entry.client_id = Some(person);
            audit::append(tx, &entry).await?;
            Ok(code)
        })
    })
    .await
}

/// Invites a network member onto one goal; returns the invitation's id and one-time code.
pub async fn invite_network(
    app: &App,
    actor: &Actor,
    goal: GoalId,
    input: &NetworkInvitationInput,
) -> Result<(NetworkInvitationId, String)> {
    let mut errors = Errors::default();
    let name = input::text(&mut errors, "name", input.name.as_deref(), 100);
    let relation = input::text(&mut errors, "relation", input.relation.as_deref(), 100);
    let email = input::text(&mut errors, "email", input.email.as_deref(), 254).map(|e| e.to_lowercase());
    if email.as_deref().is_some_and(|e| !crate::organisation::valid_email(e)) {
        errors.add("email", "is not an e-mail address (name@example.nl)").code("invalid_email");
    }
    errors.finish()?;
    let (name, relation, email) = (name.unwrap_or_default(), relation.unwrap_or_default(), email.unwrap_or_default());
    run(app, actor, At::Goal(goal), move |tx, ctx, now| {
        Box::pin(async move {
            let g = goal_in(tx, &ctx, goal).await?;
            ctx.require(PlanAction::InviteNetwork, Some(&g))?;
            ctx.open()?;
            let code = new_code();
            let hash = code_hash(&code);
            let new = store::NewInvitation {
                goal_id: goal,
                name: &name,
                relation: &relation,
                email: &email,
                code_hash: &hash,
                invited_by: ctx.actor.user_id,
                expires_at: now.checked_add(CODE_VALID_FOR).unwrap_or(now),
            };
            let id = store::insert_network_invitation(tx, &new, now).await?;
            changed(
                tx,
                &ctx,
                now,
                AuditAction::NetworkInvited,
                Some(&g),
                None,
                Some(serde_json::json!({ "invitation_id": id.0, "name": name, "relation": relation })),
            )
            .await?;
            Ok((id, code))
        })
    })
    .await
}

/// Revokes a network invitation: the inviter or staff of the team. It takes effect at once:
/// the next request of that network member no longer sees the goal.
pub async fn revoke_network(app: &App, actor: &Actor, id: NetworkInvitationId) -> Result<()> {
    run(app, actor, At::Invitation(id), move |tx, ctx, now| {
        Box::pin(async move {
            let inv = store::network_invitation(tx, id).await?.ok_or(AppError::NotFound("invitation"))?;
            let goal = goal_in(tx, &ctx, inv.goal_id).await?;
            if !ctx.allows(PlanAction::ReadGoal, Some(&goal)) {
                return Err(AppError::NotFound("invitation"));
            }
            let by_viewer = inv.invited_by == ctx.actor.user_id;
            match plan_policy::decide(
                ctx.viewer(Some(&goal)),
                PlanAction::RevokeNetworkInvitation,
                Target::Invitation { by_viewer },
            ) {
                Decision::Allow => {}
                Decision::Deny => {
                    return Err(AppError::Forbidden(
                        "only the one who invited, or the family worker, may revoke this".into(),
                    ));
                }
                Decision::Hidden => return Err(AppError::NotFound("invitation")),
            }
            if !store::revoke_network_invitation(tx, id, ctx.actor.user_id, now).await? {
                return Ok(());
            }
            changed(
                tx,
                &ctx,
                now,
                AuditAction::NetworkRevoked,
                Some(&goal),
                None,
                Some(serde_json::json!({ "invitation_id": id.0 })),
            )
            .await?;
            Ok(())
        })
    })
    .await
}
