//! Texts of the sandbox's fake HubRise back office for the Zelty Bridge app: the
//! CONNEXIONS page's apps list and confirmations, the consent page's read-only notice, and
//! Zelty Bridge's own configuration pages, with the labels HubRise and the app show
//! (https://www.hubrise.com/fr/apps/zelty-bridge/configuration). HTML-escaped by the page
//! builders, never here.

use super::catalog;

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
