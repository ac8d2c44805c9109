//! Texts of the pages a browser shows: the loopback callback pages and the sandbox's fake
//! back offices and consent page. HTML-escaped by the page builders, never here.

use super::catalog;

catalog! {
    Web {
        CallbackTitle = same { en: "zelty-bridge", fr: "zelty-bridge" }
        CallbackSuccessHeading { en: "Authorization received", fr: "Autorisation reçue" }
        CallbackSuccessBody { en: "You can close this tab and return to the terminal.", fr: "Vous pouvez fermer cet onglet et revenir au terminal." }
        CallbackDeniedHeading { en: "Authorization refused", fr: "Autorisation refusée" }
        CallbackDeniedBody { en: "HubRise says the authorization was refused. Return to the terminal to try again.", fr: "HubRise indique que l'autorisation a été refusée. Revenez au terminal pour réessayer." }
        CallbackIgnoredHeading { en: "This request was ignored", fr: "Cette requête a été ignorée" }
        CallbackIgnoredBody { en: "It does not match the authorization started in the terminal. If you refused access, press Ctrl-C in the terminal; otherwise start again from the terminal.", fr: "Elle ne correspond pas à l'autorisation lancée dans le terminal. Si vous avez refusé l'accès, appuyez sur Ctrl-C dans le terminal ; sinon, recommencez depuis le terminal." }
        CallbackNotFoundHeading { en: "Page not found", fr: "Page introuvable" }
        CallbackNotFoundBody { en: "zelty-bridge only answers the authorization callback here.", fr: "zelty-bridge ne répond ici qu'au retour d'autorisation." }
    }
}
