//! Texts of the Zelty Bridge app's part of a connection: the walk in the HubRise back
//! office, the evidence, the app's states, and the watch. Back-office labels are HubRise's
//! own (Zelty Bridge's pages exist in French only, so they stay in French in both
//! languages, with a translation beside them in English).

use super::catalog;

catalog! {
    Bridge {
        StepApp { en: "Step 3/4 — Zelty Bridge: connect the app that carries the orders", fr: "Étape 3/4 — Zelty Bridge : connecter l'app qui transmet les commandes" }
        Explain { en: "Zelty Bridge is the HubRise app that carries orders, catalog and stock between HubRise and Zelty. No API can connect it: you do it in the HubRise back office, and this wizard checks that it worked.", fr: "Zelty Bridge est l'app HubRise qui transmet commandes, catalogue et stocks entre HubRise et Zelty. Aucune API ne permet de la connecter : vous le faites dans le back-office HubRise, et cet assistant vérifie que cela a marché." }
        OpenPage { en: "HubRise back office:", fr: "Back-office HubRise :" }
        OpenYourself { en: "No browser could be opened here: open the address above on any device", fr: "Impossible d'ouvrir un navigateur ici : ouvrez l'adresse ci-dessus sur n'importe quel appareil" }
        Numbered = same { en: "  {n}. {step}", fr: "  {n}. {step}" }
        Step1 { en: "CONNECTIONS > « Voir les apps disponibles » (See available apps) > Zelty Bridge > « Connecter » (Connect)", fr: "CONNEXIONS > « Voir les apps disponibles » > Zelty Bridge > « Connecter »" }
        Step2 { en: "Choose {location}, then « Autoriser » (Allow)", fr: "Choisissez {location}, puis « Autoriser »" }
        StepLocationNamed { en: "the location « {name} » ({id})", fr: "le point de vente « {name} » ({id})" }
        StepLocationYours { en: "your location", fr: "votre point de vente" }
        Step3 { en: "In « Clé API » (API key), paste the Zelty key, then « Terminer la configuration » (Finish configuration)", fr: "Dans « Clé API », collez la clé Zelty, puis « Terminer la configuration »" }
        Step4 { en: "Check the options (orders, catalog, stock), then « Enregistrer » (Save)", fr: "Vérifiez les options (commandes, catalogue, stocks), puis « Enregistrer »" }
        KeyOnClipboard { en: "The Zelty key {key} is on your clipboard for {secs} s: paste it in « Clé API »", fr: "La clé Zelty {key} est dans votre presse-papiers pendant {secs} s : collez-la dans « Clé API »" }
        KeyRevealOffer { en: "No clipboard here: type « key » and press Enter to show the Zelty key {key} in full", fr: "Pas de presse-papiers ici : tapez « clé » et appuyez sur Entrée pour afficher la clé Zelty {key} en entier" }
        KeyRevealCleared { en: "The key is no longer on the clipboard: type « key » and press Enter to show the Zelty key {key} in full", fr: "La clé n'est plus dans le presse-papiers : tapez « clé » et appuyez sur Entrée pour afficher la clé Zelty {key} en entier" }
        KeyRevealed { en: "Zelty key: {key}", fr: "Clé Zelty : {key}" }
        WaitKeys { en: "Press Enter once you have clicked « Enregistrer », or type « key » to show the key", fr: "Appuyez sur Entrée une fois « Enregistrer » cliqué, ou tapez « clé » pour afficher la clé" }
        Watching { en: "Watching for Zelty Bridge ({time} left) — press Enter to go on without waiting", fr: "À l'affût de Zelty Bridge (encore {time}) — appuyez sur Entrée pour continuer sans attendre" }
        AskSaved { en: "Did you click « Enregistrer » on Zelty Bridge's page?", fr: "Avez-vous cliqué sur « Enregistrer » dans la page de Zelty Bridge ?" }
        UseConfirm { en: "Without a terminal, record the step with `zelty-bridge app --confirm` once it is done", fr: "Sans terminal, enregistrez l'étape avec `zelty-bridge app --confirm` une fois faite" }
        SandboxDoing { en: "Sandbox: no browser here, so Zelty Bridge was connected in the fake back office with the key, as a person would", fr: "Bac à sable : pas de navigateur ici, Zelty Bridge a donc été connecté dans le faux back-office avec la clé, comme le ferait une personne" }
        Active { en: "Zelty Bridge is connected and holds the key: orders can flow", fr: "Zelty Bridge est connecté et détient la clé : les commandes peuvent circuler" }
        ConfirmedNoEvidence { en: "Recorded as done. No evidence yet: Zelty Bridge may take a moment to subscribe to Zelty's events", fr: "Enregistré comme fait. Aucune preuve pour l'instant : Zelty Bridge peut mettre un moment à s'abonner aux événements de Zelty" }
        NotConnected { en: "Zelty Bridge is not connected yet: no order will reach Zelty. Do it with `{command}`", fr: "Zelty Bridge n'est pas encore connecté : aucune commande n'arrivera dans Zelty. Faites-le avec `{command}`" }
        SeenWebhooks { en: "Zelty sends this account's events to: {hosts}", fr: "Zelty envoie les événements de ce compte à : {hosts}" }
        NoWebhooks { en: "Zelty sends this account's events nowhere yet", fr: "Zelty n'envoie encore les événements de ce compte nulle part" }
        WebhooksUnread { en: "Zelty's webhooks could not be read", fr: "Les webhooks de Zelty n'ont pas pu être lus" }
        SeenOrder { en: "Last order created by {app} in HubRise: {at}", fr: "Dernière commande créée par {app} dans HubRise : {at}" }
        RejectedOrders { en: "{count} order(s) rejected in the last 24 h: usually an unknown or non-numeric ref code (HubRise > « Commandes » shows the error)", fr: "{count} commande(s) refusée(s) ces dernières 24 h : en général un code ref inconnu ou non numérique (HubRise > « Commandes » affiche l'erreur)" }
        Recorded { en: "Zelty Bridge recorded for profile {profile}", fr: "Zelty Bridge enregistré pour le profil {profile}" }
        StateActive { en: "active", fr: "actif" }
        StateConfirmed { en: "confirmed (no evidence yet)", fr: "confirmé (pas encore de preuve)" }
        StateToDo { en: "to do", fr: "à faire" }
        StateUnchecked { en: "not checked", fr: "non vérifié" }
        DetailWebhooks { en: "Zelty's events go to {hosts}", fr: "les événements de Zelty vont à {hosts}" }
        DetailLastOrder { en: "last order {at}", fr: "dernière commande {at}" }
        DetailRejected { en: "{count} rejected in 24 h", fr: "{count} refusée(s) en 24 h" }
        DetailConfirmed { en: "confirmed {at}", fr: "confirmé le {at}" }
        ToDoHint { en: "Zelty Bridge is not connected: no order reaches Zelty. Run `{command}`", fr: "Zelty Bridge n'est pas connecté : aucune commande n'arrive dans Zelty. Lancez `{command}`" }
        ConfirmedHint { en: "Confirmed, but Zelty shows no webhook to HubRise yet and no order came from Zelty Bridge: check its page in HubRise > CONNECTIONS", fr: "Confirmé, mais Zelty ne montre encore aucun webhook vers HubRise et aucune commande n'est venue de Zelty Bridge : vérifiez sa page dans HubRise > CONNEXIONS" }
        LabelWatch = same { en: "HubRise     ", fr: "HubRise     " }
        HintLabel { en: "hint:", fr: "conseil :" }
        WatchAbsent { en: "No watch: zelty-bridge has no HubRise connection of its own for this profile", fr: "Pas de surveillance : zelty-bridge n'a pas de connexion HubRise propre pour ce profil" }
        WatchAbsentHint { en: "Add it with `zelty-bridge connect --force` and a HubRise OAuth client (ZELTY_BRIDGE_CLIENT_ID and ZELTY_BRIDGE_CLIENT_SECRET), or HUBRISE_ACCESS_TOKEN", fr: "Ajoutez-la avec `zelty-bridge connect --force` et un client OAuth HubRise (ZELTY_BRIDGE_CLIENT_ID et ZELTY_BRIDGE_CLIENT_SECRET), ou HUBRISE_ACCESS_TOKEN" }
        ZeltyKeyRevoked { en: "Zelty refused this API key: it is wrong or was revoked (« Clef d'API incorrecte ou révoquée »)", fr: "Zelty a refusé cette clé API : elle est incorrecte ou a été révoquée (« Clef d'API incorrecte ou révoquée »)" }
        ZeltyUnknownVersion { en: "Zelty does not know the API version in the address used", fr: "Zelty ne connaît pas la version d'API de l'adresse utilisée" }
        NoClientFirst { en: "This build has no HubRise OAuth client, so zelty-bridge cannot set up its watch (its own read-only HubRise connection). The real job — the Zelty key and the Zelty Bridge app — does not need it", fr: "Cette version n'a pas de client OAuth HubRise : zelty-bridge ne peut pas mettre en place sa surveillance (sa propre connexion HubRise en lecture seule). L'essentiel — la clé Zelty et l'app Zelty Bridge — n'en a pas besoin" }
        GoOnWithoutWatch { en: "Go on without the watch?", fr: "Continuer sans la surveillance ?" }
        NoWatchHint { en: "Set ZELTY_BRIDGE_CLIENT_ID and ZELTY_BRIDGE_CLIENT_SECRET (or [hubrise] in config.toml), give HUBRISE_ACCESS_TOKEN, or pass --no-watch", fr: "Définissez ZELTY_BRIDGE_CLIENT_ID et ZELTY_BRIDGE_CLIENT_SECRET (ou [hubrise] dans config.toml), fournissez HUBRISE_ACCESS_TOKEN, ou passez --no-watch" }
        StepStoreLast { en: "Step 4/4 — Saving the connection", fr: "Étape 4/4 — Enregistrement de la connexion" }
        NextApp { en: "Next step: connect Zelty Bridge with `{command}`", fr: "Étape suivante : connectez Zelty Bridge avec `{command}`" }
        NextGrant { en: "Next step: give Zelty's support team access with `{command}`", fr: "Étape suivante : donnez accès au support Zelty avec `{command}`" }
        AppNeedsPerson { en: "Connecting Zelty Bridge needs a person in the HubRise back office", fr: "Connecter Zelty Bridge demande une personne dans le back-office HubRise" }
        AppNeedsPersonHint { en: "Do the steps above, then record them with `{command}`", fr: "Faites les étapes ci-dessus, puis enregistrez-les avec `{command}`" }
        AppDisconnectSteps { en: "CONNECTIONS > Zelty Bridge > « Actions » > « Déconnecter » (Disconnect), then « Confirmer »", fr: "CONNEXIONS > Zelty Bridge > « Actions » > « Déconnecter », puis « Confirmer »" }
        AppBlockSteps { en: "CONNECTIONS > Zelty Bridge > « Actions » > « Bloquer » (Block): orders stop until « Débloquer » (Unblock)", fr: "CONNEXIONS > Zelty Bridge > « Actions » > « Bloquer » : les commandes s'arrêtent jusqu'à « Débloquer »" }
        ZeltyDisableOr { en: "Or, on the Zelty side: Marketplace > Hubrise V2 > « Gérer » (Manage) > « Désactiver » (Deactivate)", fr: "Ou, côté Zelty : Marketplace > Hubrise V2 > « Gérer » > « Désactiver »" }
        NamesLookUnrelated { en: "The Zelty restaurant « {restaurant} » and the HubRise location « {location} » ({account}) share no word: check that they are the same place before connecting Zelty Bridge", fr: "Le restaurant Zelty « {restaurant} » et le point de vente HubRise « {location} » ({account}) n'ont aucun mot en commun : vérifiez qu'il s'agit du même lieu avant de connecter Zelty Bridge" }
        UnknownListId { en: "The location has no {flag} {id}; it has: {list}", fr: "Le point de vente n'a pas de {flag} {id} ; il a : {list}" }
        SandboxUndone { en: "Sandbox: no browser here, so it was done in the fake back office, as a person would", fr: "Bac à sable : pas de navigateur ici, c'est donc fait dans le faux back-office, comme le ferait une personne" }
    }
}
