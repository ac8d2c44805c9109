//! Texts of whether orders reach the till: the Zelty Bridge app's states and the evidence of
//! this location (handled, created, stuck and rejected orders), what to look at when it
//! stalls, and the two rows a person sees on CONNEXIONS.

use super::catalog;

catalog! {
    Flow {
        StateStalled { en: "stalled", fr: "à l'arrêt" }
        StateLinked { en: "linked (no order seen here yet)", fr: "relié (aucune commande vue ici)" }
        DetailHandled { en: "last order handled {at}", fr: "dernière commande traitée {at}" }
        DetailCreated { en: "last order from Zelty {at}", fr: "dernière commande venue de Zelty {at}" }
        DetailStuck { en: "{count} waiting unhandled", fr: "{count} en attente sans traitement" }
        Active { en: "Zelty Bridge is at work on this location: orders reach Zelty", fr: "Zelty Bridge est à l'œuvre sur ce point de vente : les commandes arrivent dans Zelty" }
        Linked { en: "Zelty Bridge holds the Zelty key, but no order has been seen on this location yet: that it is connected here is not proven", fr: "Zelty Bridge détient la clé Zelty, mais aucune commande n'a encore été vue sur ce point de vente : rien ne prouve qu'il y est connecté" }
        Stalled { en: "Orders are waiting on this location without reaching Zelty ({count} still « new » after {minutes} min)", fr: "Des commandes attendent sur ce point de vente sans arriver dans Zelty ({count} encore « new » après {minutes} min)" }
        StalledHint { en: "In HubRise, CONNECTIONS: is Zelty Bridge blocked, or connected on another location than « {location} »? Then Zelty Bridge's page, « Dernières opérations » (Latest operations), shows the errors", fr: "Dans HubRise, CONNEXIONS : Zelty Bridge est-il bloqué, ou connecté sur un autre point de vente que « {location} » ? Puis, dans la page de Zelty Bridge, « Dernières opérations » montre les erreurs" }
        LinkedHint { en: "No order seen on this location yet. In HubRise > CONNECTIONS, the « Zelty Bridge » row must name this location, « {location} » (not another one); then send a test order", fr: "Aucune commande vue sur ce point de vente pour l'instant. Dans HubRise > CONNEXIONS, la ligne « Zelty Bridge » doit nommer ce point de vente, « {location} » (pas un autre) ; puis passez une commande de test" }
        LinkedHintNoLocation { en: "No order seen on this location yet. In HubRise > CONNECTIONS, the « Zelty Bridge » row must name the restaurant's location (not another one); then send a test order", fr: "Aucune commande vue sur ce point de vente pour l'instant. Dans HubRise > CONNEXIONS, la ligne « Zelty Bridge » doit nommer le point de vente du restaurant (pas un autre) ; puis passez une commande de test" }
        SeenHandled { en: "Last order of another app handled by Zelty Bridge: {at}", fr: "Dernière commande d'une autre app traitée par Zelty Bridge : {at}" }
        SeenStuck { en: "Waiting unhandled: {orders}", fr: "En attente sans traitement : {orders}" }
        NoOrdersYet { en: "This location has no order yet", fr: "Ce point de vente n'a encore aucune commande" }
        UnreadWebhooks { en: "Zelty's webhooks could not be read: {why}", fr: "Les webhooks de Zelty n'ont pas pu être lus : {why}" }
        UnreadOrders { en: "This location's orders could not be read from HubRise: {why}", fr: "Les commandes de ce point de vente n'ont pas pu être lues chez HubRise : {why}" }
        OrdersUnread { en: "The location's orders could not be read (no watch, or HubRise did not answer)", fr: "Les commandes du point de vente n'ont pas pu être lues (pas de surveillance, ou HubRise n'a pas répondu)" }
        TwoRows { en: "On CONNECTIONS, « {watch} » is this tool's read-only watch, not Zelty Bridge: connect « Zelty Bridge » itself", fr: "Dans CONNEXIONS, « {watch} » est la surveillance en lecture seule de cet outil, pas Zelty Bridge : connectez « Zelty Bridge » lui-même" }
        WatchNotUsed { en: "not used (the profile was made with --no-watch): Zelty Bridge is judged by Zelty's webhooks alone", fr: "non utilisée (profil créé avec --no-watch) : Zelty Bridge n'est jugé que d'après les webhooks de Zelty" }
        StateNotUsed { en: "not used", fr: "non utilisée" }
    }
}
