//! What the terminal says of the watch's authorization on the loopback: a refusal that
//! came without the run's `state`, confirmed by a person or waited out by a script.

use super::catalog;

catalog! {
    Consent {
        StatelessRefusal { en: "A refusal ({error}) arrived on the local callback without this authorization's state: it may come from HubRise, or from another program on this machine.", fr: "Un refus ({error}) est arrivé sur l’adresse de retour locale sans l’état de cette autorisation : il peut venir de HubRise, ou d’un autre programme de cette machine." }
        AskRefused { en: "Did you refuse the authorization in the browser?", fr: "Avez-vous refusé l’autorisation dans le navigateur ?" }
        KeepWaiting { en: "The refusal is ignored; still waiting for HubRise's answer.", fr: "Le refus est ignoré ; l’attente de la réponse de HubRise continue." }
    }
}
