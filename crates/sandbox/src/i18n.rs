//! Texts of the sandbox's pages: its fake HubRise back office for the Zelty Bridge app: the
//! CONNEXIONS page's apps list and confirmations, the consent page's read-only notice, and
//! Zelty Bridge's own configuration pages, with the labels HubRise and the app show
//! (https://www.hubrise.com/fr/apps/zelty-bridge/configuration). HTML-escaped by the page
//! builders, never here.

pub use zelty_bridge_i18n::{Catalog, Lang, Text, catalog};

catalog! {
    SandboxWeb {
        SeeApps { en: "See available apps", fr: "Voir les apps disponibles" }
        AppsTitle { en: "Available apps", fr: "Apps disponibles" }
        BridgeAbout { en: "Connects your Zelty point of sale to HubRise: orders, catalog and inventory. An app developed by HubRise.", fr: "Connecte votre caisse Zelty à HubRise : commandes, catalogue et inventaire. Une application développée par HubRise." }
        Connect { en: "Connect", fr: "Connecter" }
        Reconnect { en: "Reconnect", fr: "Reconnecter" }
        Confirm { en: "Confirm", fr: "Confirmer" }
        Cancel { en: "Cancel", fr: "Annuler" }
        ConfirmTitle { en: "Disconnect the app?", fr: "Déconnecter l'application ?" }
        ConfirmDisconnect { en: "Disconnect {app} from {location}? It loses its access to the location; connect it again to use it.", fr: "Déconnecter {app} de {location} ? L'application perd son accès au point de vente ; connectez-la de nouveau pour l'utiliser." }
        BackToConnections { en: "Back to connections", fr: "Retour aux connexions" }
        ReadOnly { en: "Read only: this app will not be able to change anything.", fr: "Lecture seule : cette application ne pourra rien modifier." }
        ScopeAsked { en: "Access asked for: {scope}", fr: "Accès demandé : {scope}" }
        ConfigTitle { en: "Zelty Bridge configuration", fr: "Configuration de Zelty Bridge" }
        ConfigLocation { en: "Location: {location}", fr: "Point de vente : {location}" }
        ApiKey { en: "API key", fr: "Clé API" }
        ApiKeyHelp { en: "Paste the API key that Zelty shows in Marketplace > Hubrise V2.", fr: "Collez la clé API que Zelty affiche dans Marketplace > Hubrise V2." }
        Finish { en: "Finish configuration", fr: "Terminer la configuration" }
        KeyRefused { en: "Zelty refused this API key: it is wrong or was revoked. Copy it again from Zelty, Marketplace > Hubrise V2.", fr: "Zelty a refusé cette clé API : elle est incorrecte ou révoquée. Copiez-la de nouveau dans Zelty, Marketplace > Hubrise V2." }
        KeyAccepted { en: "API key accepted: {restaurant}. Choose the options, then Save.", fr: "Clé API acceptée : {restaurant}. Choisissez les options, puis Enregistrer." }
        Language { en: "Language", fr: "Langue" }
        LanguageFrench { en: "French", fr: "Français" }
        LanguageEnglish { en: "English", fr: "Anglais" }
        OrdersHeading { en: "Orders", fr: "Commandes" }
        PullOrders { en: "Get Zelty orders into HubRise", fr: "Récupérer les commandes Zelty dans HubRise" }
        CatalogHeading { en: "Catalog", fr: "Catalogue" }
        ImportAll { en: "Import all products, options and menus", fr: "Importer tous les produits, options et menus" }
        AutoCatalog { en: "Enable automatic catalog pull", fr: "Activer la récupération automatique du catalogue" }
        LocationHeading { en: "Location", fr: "Point de vente" }
        SyncHours { en: "Enable opening hours sync", fr: "Activer la synchronisation des horaires d'ouverture" }
        InventoryHeading { en: "Inventory", fr: "Inventaire" }
        AutoInventory { en: "Enable automatic inventory pull", fr: "Activer la récupération automatique de l'inventaire" }
        Save { en: "Save", fr: "Enregistrer" }
        Saved { en: "Configuration saved: Zelty Bridge is at work.", fr: "Configuration enregistrée : Zelty Bridge est au travail." }
        Reset { en: "Reset configuration", fr: "Réinitialiser la configuration" }
        NotConnected { en: "Zelty Bridge is not connected to this location any more. Connect it again from CONNECTIONS.", fr: "Zelty Bridge n'est plus connecté à ce point de vente. Connectez-le de nouveau depuis CONNEXIONS." }
        Refused { en: "You refused the connection: Zelty Bridge was not connected.", fr: "Vous avez refusé la connexion : Zelty Bridge n'a pas été connecté." }
        BlockedNote { en: "This connection is blocked: the app keeps its settings but does nothing until it is unblocked.", fr: "Cette connexion est bloquée : l'application garde ses réglages mais ne fait rien jusqu'au déblocage." }
    }
}

catalog! {
    /// The fake back offices' and consent page's words, with HubRise's and Zelty's own labels.
    Web {
        Banner { en: "Sandbox: a fake {service} running on this computer. Nothing here touches a real account.", fr: "Bac à sable : un faux {service} qui tourne sur cet ordinateur. Rien ici ne touche un vrai compte." }
        NotFoundTitle { en: "Page not found", fr: "Page introuvable" }
        NotFoundBody { en: "The sandbox has no page at this address.", fr: "Le bac à sable n'a pas de page à cette adresse." }
        ConsentTitle { en: "Authorize an app", fr: "Autoriser une application" }
        ConsentAsks { en: "The app {app} asks to access your HubRise account {account}.", fr: "L'application {app} demande l'accès à votre compte HubRise {account}." }
        ConsentUser { en: "Logged in as {user}.", fr: "Connecté en tant que {user}." }
        ConsentPermissions { en: "Permissions asked", fr: "Autorisations demandées" }
        ConsentWholeAccount { en: "Access to the whole account {account}", fr: "Accès à tout le compte {account}" }
        Location { en: "Location", fr: "Point de vente" }
        Catalog { en: "Catalog", fr: "Catalogue" }
        CustomerList { en: "Customer list", fr: "Liste de clients" }
        CatalogOfAccount { en: "{name} (whole account)", fr: "{name} (tout le compte)" }
        CatalogOfLocation = same { en: "{name} ({location})", fr: "{name} ({location})" }
        ChoiceLine { en: "{label}: {value}", fr: "{label} : {value}" }
        Allow { en: "Allow", fr: "Autoriser" }
        Deny { en: "Deny", fr: "Refuser" }
        PermRead { en: "{resource}: read", fr: "{resource} : lecture" }
        PermWrite { en: "{resource}: read and write", fr: "{resource} : lecture et écriture" }
        ResOrders { en: "Orders", fr: "Commandes" }
        ResCustomerList { en: "Customer list", fr: "Liste de clients" }
        ResCatalog { en: "Catalog", fr: "Catalogue" }
        ResInventory { en: "Inventory", fr: "Inventaire" }
        ResAllCustomerLists { en: "All customer lists", fr: "Toutes les listes de clients" }
        ResAllCatalogs { en: "All catalogs", fr: "Tous les catalogues" }
        ResProfile { en: "Your profile (name)", fr: "Votre profil (nom)" }
        ResProfileEmail { en: "Your profile (name and email address)", fr: "Votre profil (nom et adresse e-mail)" }
        BadRequestTitle { en: "This authorization request is not valid", fr: "Cette demande d'autorisation n'est pas valide" }
        ErrMissing { en: "The parameter {name} is missing.", fr: "Le paramètre {name} est manquant." }
        ErrClient { en: "No app is registered with this client_id.", fr: "Aucune application n'est enregistrée avec ce client_id." }
        ErrRedirect { en: "This redirect_uri is not allowed: {uri}", fr: "Ce redirect_uri n'est pas autorisé : {uri}" }
        ErrScope { en: "This scope is not valid: {scope}", fr: "Ce scope n'est pas valide : {scope}" }
        ErrDevice { en: "This device_id is not valid: {device}", fr: "Ce device_id n'est pas valide : {device}" }
        ErrChoice { en: "This choice is not valid: {name}", fr: "Ce choix n'est pas valide : {name}" }
        ErrTellApp { en: "Tell the app's developer. You can close this tab.", fr: "Prévenez le développeur de l'application. Vous pouvez fermer cet onglet." }
        OobTitle { en: "Authorization code", fr: "Code d'autorisation" }
        OobBody { en: "Copy this code and paste it into the app. It works once, within 10 minutes.", fr: "Copiez ce code et collez-le dans l'application. Il ne sert qu'une fois, dans les 10 minutes." }
        OobCopyHint { en: "Double-click the code to select it, then copy it (Ctrl+C, or ⌘C on a Mac).", fr: "Double-cliquez sur le code pour le sélectionner, puis copiez-le (Ctrl+C, ou ⌘C sur Mac)." }
        OobDeniedTitle { en: "Access refused", fr: "Accès refusé" }
        OobDeniedBody { en: "You refused the access; the app gets nothing. You can close this tab.", fr: "Vous avez refusé l'accès ; l'application n'obtient rien. Vous pouvez fermer cet onglet." }
        ManagerTitle { en: "HubRise back office", fr: "Back-office HubRise" }
        ManagerWelcome { en: "You are logged in to the account {account}.", fr: "Vous êtes connecté au compte {account}." }
        NavConnections { en: "CONNECTIONS", fr: "CONNEXIONS" }
        NavSettings { en: "SETTINGS", fr: "CONFIGURATION" }
        NavOrders { en: "ORDERS", fr: "COMMANDES" }
        OrdersTitle { en: "Orders", fr: "Commandes" }
        OrdersHelp { en: "Each location's latest orders. ORIGIN is the app that created the order; Zelty Bridge writes « accepted » or « rejected » on the orders it takes.", fr: "Les dernières commandes de chaque point de vente. ORIGINE est l'application qui a créé la commande ; Zelty Bridge écrit « accepted » ou « rejected » sur les commandes qu'il prend." }
        ColOrder { en: "Order", fr: "Commande" }
        ColOrigin { en: "ORIGIN", fr: "ORIGINE" }
        ColCreated { en: "Created", fr: "Créée" }
        OrderRejectedWhy { en: "Rejected by Zelty: the ref code « {ref} » is not numeric.", fr: "Rejetée par Zelty : le code ref « {ref} » n'est pas numérique." }
        NavPermissions = same { en: "Permissions", fr: "Permissions" }
        Locations { en: "Locations", fr: "Points de vente" }
        PermissionsHelp { en: "To give someone access: SETTINGS > Permissions, « Add User », choose a role such as Technical Partner, then « Set Permissions ». The sandbox only shows the way.", fr: "Pour donner un accès : CONFIGURATION > Permissions, « Ajouter l'utilisateur », choisissez un rôle comme Partenaire technique, puis « Définir les permissions ». Le bac à sable montre seulement le chemin." }
        ConnectionsTitle { en: "Connections", fr: "Connexions" }
        ConnectionsHelp { en: "Blocking stops an app's access until you unblock it; disconnecting ends the connection.", fr: "Bloquer coupe l'accès d'une application jusqu'au déblocage ; déconnecter met fin à la connexion." }
        ConnectionsEmpty { en: "No app is connected in this sandbox yet.", fr: "Aucune application n'est encore connectée dans ce bac à sable." }
        ColApp { en: "App", fr: "Application" }
        ColStatus { en: "Status", fr: "Statut" }
        ColActions = same { en: "Actions", fr: "Actions" }
        WholeAccount { en: "Whole account", fr: "Tout le compte" }
        StateActive { en: "Connected", fr: "Connectée" }
        StateBlocked { en: "Blocked", fr: "Bloquée" }
        StateRevoked { en: "Disconnected", fr: "Déconnectée" }
        StateSuspended { en: "Suspended for non-payment", fr: "Suspendue pour impayé" }
        Block { en: "Block", fr: "Bloquer" }
        Unblock { en: "Unblock", fr: "Débloquer" }
        Disconnect { en: "Disconnect", fr: "Déconnecter" }
        ZeltyTitle = same { en: "Marketplace > Hubrise V2", fr: "Marketplace > Hubrise V2" }
        ZeltyRestaurant { en: "Restaurant: {name} (id {id})", fr: "Restaurant : {name} (id {id})" }
        ZeltyInactive { en: "The Hubrise V2 app is not active for this restaurant.", fr: "L'application Hubrise V2 n'est pas activée pour ce restaurant." }
        ZeltyDeactivated { en: "The app was deactivated: its API key no longer works.", fr: "L'application a été désactivée : sa clé API ne fonctionne plus." }
        ZeltyActivate { en: "Activer (Activate)", fr: "Activer" }
        ZeltyActiveNow { en: "The Hubrise V2 app is now active and your API key is shown below. Copy it now: it is shown only this once.", fr: "L'application Hubrise V2 est maintenant activée et votre clé API s'affiche ci-dessous. Copiez-la maintenant : elle ne s'affiche qu'une fois." }
        ZeltyActive { en: "The Hubrise V2 app is active. Its API key was already shown, so only a masked form remains; to get a new key, deactivate the app, then activate it again.", fr: "L'application Hubrise V2 est activée. Sa clé API a déjà été affichée, il n'en reste qu'une forme masquée ; pour obtenir une nouvelle clé, désactivez l'application puis réactivez-la." }
        ZeltyApiKey { en: "API key (Clé API)", fr: "Clé API" }
        ZeltyManage { en: "Gérer (Manage)", fr: "Gérer" }
        ZeltyDeactivate { en: "Désactiver (Disable)", fr: "Désactiver" }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zelty_bridge_i18n::problems;

    #[test]
    fn every_page_text_is_in_both_languages() {
        assert_eq!([problems::<Web>(), problems::<SandboxWeb>()].concat(), Vec::<String>::new());
    }
}
