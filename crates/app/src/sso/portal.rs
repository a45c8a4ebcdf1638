//! Mijn Buurtteam through a DigiD broker (decision 0017). The invitation stays the gate: the
//! BSN from the broker opens the portal account already linked to a person with that BSN, or
//! else turns that person's open invitation into an account (and spends it). A BSN with
//! neither gets the same refusal whether or not anyone here has it, and the BSN is written to
//! no audit row.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::codes::Role;
use buurtteam_domain::person::Bsn;
use buurtteam_store::organisation::{self, NewUser};
use buurtteam_store::plan as invitations;
use buurtteam_store::{households, sso as store};
use jiff::Timestamp;

use super::{Failure, Outcome, Provider, Verified, claim, open_session};
use crate::{App, AppError, audit_entry};

pub(super) async fn login(app: &App, p: &Provider, v: Verified, now: Timestamp) -> Outcome {
    let Some(bsn) = claim(&v, &p.bsn_claim).and_then(|b| Bsn::parse(b).ok()) else {
        return Err((Failure::NotInvited, None));
    };
    let mut tx = app.db.begin_read().await.map_err(|e| (e.into(), None))?;
    let (accounts, open) = store::portal_by_bsn(&mut tx, bsn.as_str(), now).await.map_err(|e| (e.into(), None))?;
    let mut users = Vec::new();
    for (id, _) in &accounts {
        if let Some(u) = organisation::get_user(&mut tx, *id).await.map_err(|e| (e.into(), None))? {
            users.push(u);
        }
    }
    // The person of the newest open invitation, for a first log-in.
    let first = match open.first() {
        Some(i) => households::person(&mut tx, i.person_id).await.map_err(|e| (e.into(), None))?,
        None => None,
    };
    drop(tx);
    let existing = users.iter().find(|u| u.active).cloned();
    if existing.is_none() && !users.is_empty() {
        return Err((Failure::Deactivated, users.first().map(|u| u.id)));
    }
    let person = match (&existing, &first) {
        (Some(u), _) => u.person_id,
        (None, Some(person)) => Some(person.id),
        (None, None) => return Err((Failure::NotInvited, None)),
    };
    // The open invitations of that person are taken on by the account.
    let taken: Vec<_> = open.into_iter().filter(|i| Some(i.person_id) == person).collect();
    let name = first.map(|p| format!("{} {}", p.given_name, p.family_name)).unwrap_or_default();
    let (provider, existing_id) = (p.id.clone(), existing.as_ref().map(|u| u.id));
    let user_id = app
        .db
        .write(move |tx| {
            Box::pin(async move {
                let user = match (existing_id, person) {
                    (Some(u), _) => u,
                    (None, Some(person)) => {
                        // No e-mail address comes with DigiD; the account gets one that
                        // reaches nobody (.invalid) and has no password: DigiD is its way in.
                        let email = format!("person-{}@digid.invalid", person.0);
                        let new = NewUser {
                            email: &email,
                            name: &name,
                            role: Role::FamilyMember,
                            password_hash: organisation::NO_LOCAL_PASSWORD,
                            team_ids: &[],
                        };
                        let u = organisation::insert_user(tx, &new, now).await?;
                        organisation::link_person(tx, u, person).await?;
                        u
                    }
                    (None, None) => return Err(AppError::Internal("no person to link".into())),
                };
                for i in &taken {
                    if invitations::use_portal_invitation(tx, i.id, user, now).await? {
                        let mut entry = audit_entry(None, now, AuditAction::PortalActivated, "user");
                        entry.actor = Some((user, Role::FamilyMember));
                        entry.object_id = Some(user.0);
                        entry.case_id = Some(i.case_id);
                        entry.client_id = Some(i.person_id);
                        entry.detail = serde_json::json!({ "sso": provider, "invitation_id": i.id });
                        buurtteam_store::audit::append(tx, &entry).await?;
                    }
                }
                Ok::<_, AppError>(user)
            })
        })
        .await
        .map_err(|e| (Failure::App(e), None))?;
    let mut tx = app.db.begin_read().await.map_err(|e| (e.into(), None))?;
    let user = organisation::get_user(&mut tx, user_id).await.map_err(|e| (e.into(), None))?;
    drop(tx);
    let Some(user) = user else { return Err((Failure::NotInvited, None)) };
    open_session(app, p, &v, user, false, now).await.map_err(|e| (e, Some(user_id)))
}
