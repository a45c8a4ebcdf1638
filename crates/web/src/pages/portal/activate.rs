//! Activating a Mijn Buurtteam account with a one-time code: the flow every activation page
//! shares (`pages::activation`), starting in the portal.

use super::*;
use crate::pages::activation::Flow;

#[derive(Template)]
#[template(path = "portal_activate.html")]
struct ActivatePage {
    page: Chrome,
    form: FormState,
}

const FLOW: Flow = Flow {
    cookie: "bt_activate",
    path: "/portal/activate",
    current: "activate",
    messages: "portal-activate",
    home: "/portal",
    fallback: "/login?reason=activated&next=/portal",
    render: |status, page, form| render(status, &ActivatePage { page, form }),
};

pub(super) async fn activate_form(State(state): State<AppState>, page: AnyPage) -> Response {
    FLOW.page(&state, page.chrome, StatusCode::OK, FormState::default())
}

pub(super) async fn activate_submit(
    State(state): State<AppState>,
    page: AnyPage,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    form: FormData,
) -> Response {
    let app = state.app.clone();
    FLOW.submit(&state, page.chrome, client, &headers, form, |code, email, password| async move {
        uc::activate(&app, &ActivateInput { code, email: Some(email), password: Some(password) }, client).await
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::activation::password_errors;
    use crate::pages::i18n::Lang;
    use crate::pages::i18n::Tr;

    #[test]
    fn the_activation_form_checks_the_new_password() {
        let email = "karin.jansen@example.nl";
        let short = password_errors("kort", "kort", email);
        assert_eq!(short.len(), 1);
        assert_eq!((short[0].field.as_str(), short[0].code), ("password", "password_too_short"));
        let state = FormState::default().with_errors(Tr::new(Lang::Nl), &short);
        assert_eq!(state.error("password"), "Kies een wachtwoord van minstens 10 tekens.");
        let nl = |password: &str| {
            let errors = password_errors(password, password, email);
            FormState::default().with_errors(Tr::new(Lang::Nl), &errors).error("password")
        };
        assert!(nl("wachtwoord1").contains("veelgebruikt"), "{}", nl("wachtwoord1"));
        assert!(nl("aaaaaaaaaa").contains("reeks"), "{}", nl("aaaaaaaaaa"));
        assert!(nl("KarinJansen!").contains("e-mailadres"), "{}", nl("KarinJansen!"));
        let mismatch = password_errors("een lange zin als wachtwoord", "een andere zin", email);
        assert_eq!((mismatch[0].field.as_str(), mismatch[0].code), ("repeat_password", "password_mismatch"));
        assert!(password_errors("een lange zin als wachtwoord", "een lange zin als wachtwoord", email).is_empty());
    }
}
