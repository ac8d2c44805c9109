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
        // ----- sandbox pages (src/sandbox/pages.rs); HubRise's and Zelty's own labels -----
        SbBanner { en: "Sandbox: a fake {service} running on this computer. Nothing here touches a real account.", fr: "Bac à sable : un faux {service} qui tourne sur cet ordinateur. Rien ici ne touche un vrai compte." }
        SbNotFoundTitle { en: "Page not found", fr: "Page introuvable" }
        SbNotFoundBody { en: "The sandbox has no page at this address.", fr: "Le bac à sable n'a pas de page à cette adresse." }
        SbConsentTitle { en: "Authorize an app", fr: "Autoriser une application" }
        SbConsentAsks { en: "The app {app} asks to access your HubRise account {account}.", fr: "L'application {app} demande l'accès à votre compte HubRise {account}." }
        SbConsentUser { en: "Logged in as {user}.", fr: "Connecté en tant que {user}." }
        SbConsentPermissions { en: "Permissions asked", fr: "Autorisations demandées" }
        SbConsentWholeAccount { en: "Access to the whole account {account}", fr: "Accès à tout le compte {account}" }
        SbLocation { en: "Location", fr: "Point de vente" }
        SbCatalog { en: "Catalog", fr: "Catalogue" }
        SbCustomerList { en: "Customer list", fr: "Liste de clients" }
        SbCatalogOfAccount { en: "{name} (whole account)", fr: "{name} (tout le compte)" }
        SbCatalogOfLocation = same { en: "{name} ({location})", fr: "{name} ({location})" }
        SbChoiceLine { en: "{label}: {value}", fr: "{label} : {value}" }
        SbAllow { en: "Allow", fr: "Autoriser" }
        SbDeny { en: "Deny", fr: "Refuser" }
        SbPermRead { en: "{resource}: read", fr: "{resource} : lecture" }
        SbPermWrite { en: "{resource}: read and write", fr: "{resource} : lecture et écriture" }
        SbResOrders { en: "Orders", fr: "Commandes" }
        SbResCustomerList { en: "Customer list", fr: "Liste de clients" }
        SbResCatalog { en: "Catalog", fr: "Catalogue" }
        SbResInventory { en: "Inventory", fr: "Inventaire" }
        SbResAllCustomerLists { en: "All customer lists", fr: "Toutes les listes de clients" }
        SbResAllCatalogs { en: "All catalogs", fr: "Tous les catalogues" }
        SbResProfile { en: "Your profile (name)", fr: "Votre profil (nom)" }
        SbResProfileEmail { en: "Your profile (name and email address)", fr: "Votre profil (nom et adresse e-mail)" }
        SbBadRequestTitle { en: "This authorization request is not valid", fr: "Cette demande d'autorisation n'est pas valide" }
        SbErrMissing { en: "The parameter {name} is missing.", fr: "Le paramètre {name} est manquant." }
        SbErrClient { en: "No app is registered with this client_id.", fr: "Aucune application n'est enregistrée avec ce client_id." }
        SbErrRedirect { en: "This redirect_uri is not allowed: {uri}", fr: "Ce redirect_uri n'est pas autorisé : {uri}" }
        SbErrScope { en: "This scope is not valid: {scope}", fr: "Ce scope n'est pas valide : {scope}" }
        SbErrDevice { en: "This device_id is not valid: {device}", fr: "Ce device_id n'est pas valide : {device}" }
        SbErrChoice { en: "This choice is not valid: {name}", fr: "Ce choix n'est pas valide : {name}" }
        SbErrTellApp { en: "Tell the app's developer. You can close this tab.", fr: "Prévenez le développeur de l'application. Vous pouvez fermer cet onglet." }
        SbOobTitle { en: "Authorization code", fr: "Code d'autorisation" }
        SbOobBody { en: "Copy this code and paste it into the app. It works once, within 10 minutes.", fr: "Copiez ce code et collez-le dans l'application. Il ne sert qu'une fois, dans les 10 minutes." }
        SbOobCopyHint { en: "Double-click the code to select it, then copy it (Ctrl+C, or ⌘C on a Mac).", fr: "Double-cliquez sur le code pour le sélectionner, puis copiez-le (Ctrl+C, ou ⌘C sur Mac)." }
        SbOobDeniedTitle { en: "Access refused", fr: "Accès refusé" }
        SbOobDeniedBody { en: "You refused the access; the app gets nothing. You can close this tab.", fr: "Vous avez refusé l'accès ; l'application n'obtient rien. Vous pouvez fermer cet onglet." }
        SbManagerTitle { en: "HubRise back office", fr: "Back-office HubRise" }
        SbManagerWelcome { en: "You are logged in to the account {account}.", fr: "Vous êtes connecté au compte {account}." }
        SbNavConnections { en: "CONNECTIONS", fr: "CONNEXIONS" }
        SbNavSettings { en: "SETTINGS", fr: "CONFIGURATION" }
        SbNavPermissions = same { en: "Permissions", fr: "Permissions" }
        SbLocations { en: "Locations", fr: "Points de vente" }
        SbPermissionsHelp { en: "To give someone access: SETTINGS > Permissions, « Add User », choose a role such as Technical Partner, then « Set Permissions ». The sandbox only shows the way.", fr: "Pour donner un accès : CONFIGURATION > Permissions, « Ajouter l'utilisateur », choisissez un rôle comme Partenaire technique, puis « Définir les permissions ». Le bac à sable montre seulement le chemin." }
        SbConnectionsTitle { en: "Connections", fr: "Connexions" }
        SbConnectionsHelp { en: "Blocking stops an app's access until you unblock it; disconnecting ends the connection.", fr: "Bloquer coupe l'accès d'une application jusqu'au déblocage ; déconnecter met fin à la connexion." }
        SbConnectionsEmpty { en: "No app is connected in this sandbox yet.", fr: "Aucune application n'est encore connectée dans ce bac à sable." }
        SbColApp { en: "App", fr: "Application" }
        SbColStatus { en: "Status", fr: "Statut" }
        SbColActions = same { en: "Actions", fr: "Actions" }
        SbWholeAccount { en: "Whole account", fr: "Tout le compte" }
        SbStateActive { en: "Connected", fr: "Connectée" }
        SbStateBlocked { en: "Blocked", fr: "Bloquée" }
        SbStateRevoked { en: "Disconnected", fr: "Déconnectée" }
        SbStateSuspended { en: "Suspended for non-payment", fr: "Suspendue pour impayé" }
        SbBlock { en: "Block", fr: "Bloquer" }
        SbUnblock { en: "Unblock", fr: "Débloquer" }
        SbDisconnect { en: "Disconnect", fr: "Déconnecter" }
        SbZeltyTitle = same { en: "Marketplace > Hubrise V2", fr: "Marketplace > Hubrise V2" }
        SbZeltyRestaurant { en: "Restaurant: {name} (id {id})", fr: "Restaurant : {name} (id {id})" }
        SbZeltyInactive { en: "The Hubrise V2 app is not active for this restaurant.", fr: "L'application Hubrise V2 n'est pas activée pour ce restaurant." }
        SbZeltyDeactivated { en: "The app was deactivated: its API key no longer works.", fr: "L'application a été désactivée : sa clé API ne fonctionne plus." }
        SbZeltyActivate { en: "Activer (Activate)", fr: "Activer" }
        SbZeltyActiveNow { en: "The Hubrise V2 app is now active and your API key is shown below. Copy it now: it is shown only this once.", fr: "L'application Hubrise V2 est maintenant activée et votre clé API s'affiche ci-dessous. Copiez-la maintenant : elle ne s'affiche qu'une fois." }
        SbZeltyActive { en: "The Hubrise V2 app is active. Its API key was already shown, so only a masked form remains; to get a new key, deactivate the app, then activate it again.", fr: "L'application Hubrise V2 est activée. Sa clé API a déjà été affichée, il n'en reste qu'une forme masquée ; pour obtenir une nouvelle clé, désactivez l'application puis réactivez-la." }
        SbZeltyApiKey { en: "API key (Clé API)", fr: "Clé API" }
        SbZeltyManage { en: "Gérer (Manage)", fr: "Gérer" }
        SbZeltyDeactivate { en: "Désactiver (Disable)", fr: "Désactiver" }
    }
}
