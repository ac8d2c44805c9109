//! Texts of the loopback callback pages a browser shows. HTML-escaped by the page builder,
//! never here.

use super::catalog;

catalog! {
    CallbackPage {
        Title = same { en: "zelty-bridge", fr: "zelty-bridge" }
        SuccessHeading { en: "Authorization received", fr: "Autorisation reçue" }
        SuccessBody { en: "You can close this tab and return to the terminal.", fr: "Vous pouvez fermer cet onglet et revenir au terminal." }
        DeniedHeading { en: "Authorization refused", fr: "Autorisation refusée" }
        DeniedBody { en: "HubRise says the authorization was refused. The terminal says what comes next: a person there is offered to try again.", fr: "HubRise indique que l'autorisation a été refusée. Le terminal dit la suite : une personne devant lui se voit proposer de réessayer." }
        IgnoredHeading { en: "This request was ignored", fr: "Cette requête a été ignorée" }
        IgnoredBody { en: "It does not match the authorization started in the terminal. If you refused access, press Ctrl-C in the terminal; otherwise start again from the terminal.", fr: "Elle ne correspond pas à l'autorisation lancée dans le terminal. Si vous avez refusé l'accès, appuyez sur Ctrl-C dans le terminal ; sinon, recommencez depuis le terminal." }
        NotFoundHeading { en: "Page not found", fr: "Page introuvable" }
        NotFoundBody { en: "zelty-bridge only answers the authorization callback here.", fr: "zelty-bridge ne répond ici qu'au retour d'autorisation." }
    }
}
