//! Texts of the terminal: prompts, steps, summaries, errors and hints. One-sentence
//! messages carry no final period (uv's rule); French follows French typography (a space
//! before `:` and `?`, « guillemets »). Back-office labels are the services' own.

use super::catalog;

catalog! {
    Msg {
        // ----- steps and explanations -----
        StepZelty { en: "Step 1/4 — Zelty: enable Hubrise V2 and check the API key", fr: "Étape 1/4 — Zelty : activer Hubrise V2 et vérifier la clé API" }
        StepHubrise { en: "Step 2/4 — HubRise: let zelty-bridge watch your location (read-only)", fr: "Étape 2/4 — HubRise : laisser zelty-bridge surveiller votre point de vente (lecture seule)" }
        ZeltyExplain { en: "In the Zelty back office, open Marketplace > Hubrise V2 and click « Activer » (Activate). Zelty then shows your API key once: copy it.", fr: "Dans le back-office Zelty, ouvrez Marketplace > Hubrise V2 et cliquez sur « Activer ». Zelty affiche alors votre clé API une seule fois : copiez-la." }
        ZeltyOpenPage { en: "The page:", fr: "La page :" }
        ZeltyKeyPrompt { en: "Zelty API key (hidden as you type or paste)", fr: "Clé API Zelty (masquée pendant la saisie ou le collage)" }
        CheckingZeltyKey { en: "Checking the key with Zelty…", fr: "Vérification de la clé auprès de Zelty…" }
        ZeltyKeyAccepted { en: "Zelty accepted the key {key}: restaurant {name} (id {id})", fr: "Zelty a accepté la clé {key} : restaurant {name} (id {id})" }
        UsingKeptKey { en: "Using the Zelty key kept for this profile ({key})", fr: "Utilisation de la clé Zelty conservée pour ce profil ({key})" }
        ReuseKeptKey { en: "Use the Zelty key kept for this profile ({key})?", fr: "Utiliser la clé Zelty conservée pour ce profil ({key}) ?" }
        ChooseRestaurant { en: "This key sees several restaurants. Which one do you connect?", fr: "Cette clé donne accès à plusieurs restaurants. Lequel connectez-vous ?" }
        HubriseExplain { en: "HubRise asks you to log in, choose the location (and its catalog and customer list), then click « Allow ». Come back here afterwards.", fr: "HubRise vous demande de vous connecter, de choisir le point de vente (ainsi que son catalogue et sa liste de clients), puis de cliquer sur « Autoriser ». Revenez ici ensuite." }
        HubriseExplainOob { en: "Open this address in a browser, authorize, then copy the code HubRise shows.", fr: "Ouvrez cette adresse dans un navigateur, autorisez, puis copiez le code affiché par HubRise." }
        HubriseOpenPage { en: "Authorization page:", fr: "Page d'autorisation :" }
        OpenElsewhere { en: "No browser could be opened here. Open the address above on any device; if that device is not this computer, paste here the address the browser ends on (or the code) and press Enter.", fr: "Impossible d'ouvrir un navigateur ici. Ouvrez l'adresse ci-dessus sur n'importe quel appareil ; si ce n'est pas cet ordinateur, collez ici l'adresse sur laquelle le navigateur s'arrête (ou le code) et appuyez sur Entrée." }
        Waiting { en: "Waiting for the authorization in the browser ({time} left)", fr: "En attente de l'autorisation dans le navigateur (encore {time})" }
        WaitingOrPaste { en: "Waiting for the authorization in the browser ({time} left) — or paste the code or address here and press Enter", fr: "En attente de l'autorisation dans le navigateur (encore {time}) — ou collez ici le code ou l'adresse et appuyez sur Entrée" }
        PasteCodePrompt { en: "Code shown by HubRise", fr: "Code affiché par HubRise" }
        AuthorizationReceived { en: "Authorization received", fr: "Autorisation reçue" }
        ExchangingCode { en: "Getting the access token from HubRise…", fr: "Obtention du jeton d'accès auprès de HubRise…" }
        CheckingLocation { en: "Checking the HubRise location…", fr: "Vérification du point de vente HubRise…" }
        LocationVerified { en: "HubRise location verified: {account} › {location} ({id})", fr: "Point de vente HubRise vérifié : {account} › {location} ({id})" }
        UsingEnvToken { en: "Using the HubRise token from HUBRISE_ACCESS_TOKEN (no browser needed)", fr: "Utilisation du jeton HubRise de HUBRISE_ACCESS_TOKEN (pas besoin de navigateur)" }
        CheckingStore { en: "Checking the secret store…", fr: "Vérification du coffre à secrets…" }
        Stored { en: "Secrets saved in {store}; the profile holds no secret", fr: "Secrets enregistrés dans {store} ; le profil ne contient aucun secret" }
        ExistingConnection { en: "Profile {profile} is already connected ({restaurant} ↔ {location})", fr: "Le profil {profile} est déjà connecté ({restaurant} ↔ {location})" }
        ReplaceConnection { en: "Replace it? The current connection stays as it is until the new one is verified", fr: "La remplacer ? La connexion actuelle reste intacte tant que la nouvelle n'est pas vérifiée" }
        Cancelled { en: "Cancelled; nothing was changed", fr: "Annulé ; rien n'a été modifié" }
        Interrupted { en: "Interrupted; nothing was stored", fr: "Interrompu ; rien n'a été enregistré" }
        EndpointsMoved { en: "Using non-default service addresses from {vars}", fr: "Utilisation d'adresses de service non standard venant de {vars}" }

        // ----- sandbox -----
        SandboxInUse { en: "Sandbox: fake HubRise and Zelty on this computer; real secrets and profiles are not touched", fr: "Bac à sable : faux HubRise et faux Zelty sur cet ordinateur ; les vrais secrets et profils ne sont pas touchés" }
        SandboxDemoKeyOffer { en: "Sandbox: press Enter to use the demo key", fr: "Bac à sable : appuyez sur Entrée pour utiliser la clé de démonstration" }
        SandboxDemoKeyUsed { en: "Sandbox: using the demo Zelty key", fr: "Bac à sable : utilisation de la clé Zelty de démonstration" }
        SandboxApproving { en: "Sandbox: no browser here, so the demo user approved the authorization", fr: "Bac à sable : pas de navigateur ici, l'utilisateur de démonstration a donc approuvé l'autorisation" }
        SandboxFileStore { en: "Sandbox: the system keyring is not usable ({why}); the fake secrets go to a private file instead", fr: "Bac à sable : le trousseau système n'est pas utilisable ({why}) ; les faux secrets vont dans un fichier privé" }
        SandboxServing { en: "Sandbox running; press Ctrl-C to stop", fr: "Bac à sable en marche ; Ctrl-C pour l'arrêter" }

        // ----- Zelty key -----
        ZeltyKeyEmpty { en: "The Zelty API key is empty", fr: "La clé API Zelty est vide" }
        ZeltyKeyMasked { en: "This is the masked copy of the key (it contains `*`)", fr: "Ceci est la copie masquée de la clé (elle contient `*`)" }
        ZeltyKeyMaskedHint { en: "Zelty shows the full key only once, when Hubrise V2 is activated. To get a new one: Marketplace > Hubrise V2 > « Gérer » (Manage) > « Désactiver » (Deactivate), then « Activer » again (the old key stops working)", fr: "Zelty n'affiche la clé complète qu'une fois, à l'activation de Hubrise V2. Pour en obtenir une nouvelle : Marketplace > Hubrise V2 > « Gérer » > « Désactiver », puis « Activer » à nouveau (l'ancienne clé cesse de fonctionner)" }
        ZeltyKeySpaces { en: "The key contains spaces or line breaks", fr: "La clé contient des espaces ou des retours à la ligne" }
        ZeltyKeyTooShort { en: "The key is too short to be a Zelty key ({len} characters, at least {min} expected)", fr: "La clé est trop courte pour être une clé Zelty ({len} caractères, au moins {min} attendus)" }
        ZeltyKeyTooLong { en: "The key is too long to be a Zelty key ({len} characters, at most {max} expected)", fr: "La clé est trop longue pour être une clé Zelty ({len} caractères, au plus {max} attendus)" }
        ZeltyKeyNotBase64 { en: "This does not look like a Zelty key (expected letters, digits, `+`, `/`, ending with `=`)", fr: "Cela ne ressemble pas à une clé Zelty (lettres, chiffres, `+`, `/` attendus, avec `=` à la fin)" }
        ZeltyKeyWhereHint { en: "Copy the whole key shown in Zelty's back office under Marketplace > Hubrise V2, right after « Activer »", fr: "Copiez la clé entière affichée dans le back-office Zelty sous Marketplace > Hubrise V2, juste après « Activer »" }
        ZeltyKeyMissing { en: "No Zelty API key was given, and there is no terminal to ask for one", fr: "Aucune clé API Zelty n'a été fournie, et il n'y a pas de terminal pour la demander" }
        ZeltyKeyMissingHint { en: "set ZELTY_API_KEY, or pipe the key into --zelty-api-key-stdin", fr: "définissez ZELTY_API_KEY, ou envoyez la clé sur l'entrée standard avec --zelty-api-key-stdin" }
        ZeltyKeyRejected { en: "Zelty refused this API key", fr: "Zelty a refusé cette clé API" }
        ZeltyKeyRejectedHint { en: "Check that Hubrise V2 is still enabled in Zelty (Marketplace > Hubrise V2) and that the key was not regenerated since", fr: "Vérifiez que Hubrise V2 est toujours activé dans Zelty (Marketplace > Hubrise V2) et que la clé n'a pas été régénérée depuis" }
        ZeltyNoRestaurant { en: "Zelty accepted the key, but it gives access to no restaurant", fr: "Zelty a accepté la clé, mais elle ne donne accès à aucun restaurant" }
        ZeltyErrno { en: "Zelty answered with error number {errno}", fr: "Zelty a répondu avec l'erreur numéro {errno}" }
        SeveralRestaurants { en: "This key sees several restaurants: {list}", fr: "Cette clé donne accès à plusieurs restaurants : {list}" }
        UnknownRestaurant { en: "This key does not give access to restaurant {id}; it sees: {list}", fr: "Cette clé ne donne pas accès au restaurant {id} ; elle voit : {list}" }
        RestaurantIdHint { en: "choose one with --restaurant-id ID", fr: "choisissez-en un avec --restaurant-id ID" }
        RestaurantGone { en: "The Zelty key no longer gives access to restaurant {id}", fr: "La clé Zelty ne donne plus accès au restaurant {id}" }

        // ----- HubRise authorization -----
        NoOAuthClient { en: "This build has no HubRise OAuth client", fr: "Cette version n'a pas de client OAuth HubRise" }
        NoOAuthClientHint { en: "Create one in the HubRise back office (SETTINGS > DEVELOPER > Create an OAuth 2.0 client), then set ZELTY_BRIDGE_CLIENT_ID and ZELTY_BRIDGE_CLIENT_SECRET, or write them under [hubrise] client_id / client_secret in {path}", fr: "Créez-en un dans le back-office HubRise (CONFIGURATION > DÉVELOPPEUR > Créer un client OAuth 2.0), puis définissez ZELTY_BRIDGE_CLIENT_ID et ZELTY_BRIDGE_CLIENT_SECRET, ou écrivez-les sous [hubrise] client_id / client_secret dans {path}" }
        BadScope { en: "« {scope} » is not a valid HubRise scope", fr: "« {scope} » n'est pas une portée HubRise valide" }
        BadScopeHint { en: "a scope looks like location[orders.write,catalog.read] or account[customer_list.read], optionally with ,profile", fr: "une portée s'écrit location[orders.write,catalog.read] ou account[customer_list.read], éventuellement suivie de ,profile" }
        BrowserFailed { en: "Could not open a browser ({why}); open the address above yourself", fr: "Impossible d'ouvrir un navigateur ({why}) ; ouvrez vous-même l'adresse ci-dessus" }
        HubriseTokenMissing { en: "No HubRise token was given, and without a terminal or a browser nobody can authorize", fr: "Aucun jeton HubRise n'a été fourni, et sans terminal ni navigateur personne ne peut autoriser" }
        BrowserUnavailable { en: "No browser can be opened, and there is no terminal to paste a code into", fr: "Aucun navigateur ne peut être ouvert, et il n'y a pas de terminal où coller un code" }
        UseEnvTokenHint { en: "set HUBRISE_ACCESS_TOKEN to an existing token, or run `zelty-bridge connect` in a terminal", fr: "définissez HUBRISE_ACCESS_TOKEN avec un jeton existant, ou lancez `zelty-bridge connect` dans un terminal" }
        PasteNotACode { en: "That is neither an authorization code nor the address HubRise sent you back to", fr: "Ce n'est ni un code d'autorisation ni l'adresse vers laquelle HubRise vous a renvoyé" }
        PasteWrongState { en: "That address comes from another authorization; use the one just opened", fr: "Cette adresse vient d'une autre autorisation ; utilisez celle qui vient d'être ouverte" }
        AuthorizationTimeout { en: "No authorization arrived within {secs} seconds", fr: "Aucune autorisation n'est arrivée en {secs} secondes" }
        AuthorizationTimeoutHint { en: "run `zelty-bridge connect` again (--timeout SECS gives more time, --no-browser lets you paste the code)", fr: "relancez `zelty-bridge connect` (--timeout SECS donne plus de temps, --no-browser permet de coller le code)" }
        AccessDenied { en: "The authorization was refused in HubRise ({error})", fr: "L'autorisation a été refusée dans HubRise ({error})" }
        AuthorizationFailed { en: "HubRise did not give the authorization ({error})", fr: "HubRise n'a pas donné l'autorisation ({error})" }
        AccessDeniedHint { en: "run `zelty-bridge connect` again and click « Allow »", fr: "relancez `zelty-bridge connect` et cliquez sur « Autoriser »" }
        CodeInvalid { en: "HubRise refused the authorization code: it expired or was already used", fr: "HubRise a refusé le code d'autorisation : il a expiré ou a déjà été utilisé" }
        CodeInvalidHint { en: "codes are single-use and last 10 minutes; run `zelty-bridge connect` again", fr: "les codes ne servent qu'une fois et durent 10 minutes ; relancez `zelty-bridge connect`" }
        GrantInvalid { en: "HubRise refused the authorization (invalid grant)", fr: "HubRise a refusé l'autorisation (demande invalide)" }
        ClientInvalid { en: "HubRise refused the OAuth client id or secret", fr: "HubRise a refusé l'identifiant ou le secret du client OAuth" }
        ClientInvalidHint { en: "check ZELTY_BRIDGE_CLIENT_ID and ZELTY_BRIDGE_CLIENT_SECRET (or config.toml) against SETTINGS > DEVELOPER in the HubRise back office", fr: "comparez ZELTY_BRIDGE_CLIENT_ID et ZELTY_BRIDGE_CLIENT_SECRET (ou config.toml) à CONFIGURATION > DÉVELOPPEUR dans le back-office HubRise" }
        LocationMismatch { en: "HubRise named location {expected} but the token reaches {got}", fr: "HubRise a indiqué le point de vente {expected} mais le jeton donne accès à {got}" }

        // ----- HubRise token states -----
        TokenRevoked { en: "HubRise says the access token is invalid or the connection was revoked", fr: "HubRise indique que le jeton d'accès est invalide ou que la connexion a été révoquée" }
        TokenRevokedHint { en: "connect again with `zelty-bridge connect`", fr: "reconnectez-vous avec `zelty-bridge connect`" }
        TokenBlocked { en: "HubRise says the connection is blocked", fr: "HubRise indique que la connexion est bloquée" }
        TokenBlockedHint { en: "unblock it in the HubRise back office: CONNECTIONS > Actions > Unblock", fr: "débloquez-la dans le back-office HubRise : CONNEXIONS > Actions > Débloquer" }
        TokenSuspended { en: "HubRise says the account or location is suspended for non-payment of the subscription", fr: "HubRise indique que le compte ou le point de vente est suspendu pour non-paiement de l'abonnement" }
        TokenSuspendedHint { en: "settle the subscription in the HubRise back office; the connection works again afterwards", fr: "régularisez l'abonnement dans le back-office HubRise ; la connexion fonctionnera de nouveau ensuite" }
        TokenRejected { en: "HubRise refused the access token", fr: "HubRise a refusé le jeton d'accès" }
        TokenForbidden { en: "The HubRise token does not give access to this resource", fr: "Le jeton HubRise ne donne pas accès à cette ressource" }
        TokenForbiddenHint { en: "connect again and grant the location, catalog and customer list asked for", fr: "reconnectez-vous en accordant le point de vente, le catalogue et la liste de clients demandés" }
        HubriseNotFound { en: "HubRise does not know this location, catalog or customer list", fr: "HubRise ne connaît pas ce point de vente, ce catalogue ou cette liste de clients" }

        // ----- network -----
        ServiceUnreachable { en: "{service} could not be reached (tries: {tries})", fr: "{service} est injoignable (tentatives : {tries})" }
        ServiceUnreachableHint { en: "check the network (and HTTPS_PROXY if you use a proxy), then try again; {service} may also be down for a while", fr: "vérifiez le réseau (et HTTPS_PROXY si vous passez par un proxy), puis réessayez ; {service} peut aussi être indisponible un moment" }
        BadResponse { en: "{service} sent an answer that could not be read", fr: "{service} a envoyé une réponse illisible" }
        BadResponseHint { en: "try again later; if it persists, run with -vv and report it", fr: "réessayez plus tard ; si cela persiste, relancez avec -vv et signalez-le" }
        ResponseTooLarge { en: "{service} sent an answer over {limit} MiB; it was not read", fr: "{service} a envoyé une réponse de plus de {limit} Mio ; elle n'a pas été lue" }
        UnexpectedStatus { en: "{service} answered with an unexpected status {status}", fr: "{service} a répondu avec un statut inattendu {status}" }
        CheckEndpointHint { en: "if {var} is set, check that it points to the right address", fr: "si {var} est définie, vérifiez qu'elle pointe vers la bonne adresse" }

        // ----- secret store -----
        KeyringProblem { en: "The system keyring cannot be used ({why})", fr: "Le trousseau système n'est pas utilisable ({why})" }
        OfferFileStore { en: "Store the two secrets in {path} instead, readable only by you?", fr: "Enregistrer plutôt les deux secrets dans {path}, lisible par vous seul ?" }
        FileStoreHint { en: "start a keyring (a desktop session, or gnome-keyring-daemon), or opt in to a private file with ZELTY_BRIDGE_SECRET_STORE=file", fr: "démarrez un trousseau (une session de bureau, ou gnome-keyring-daemon), ou choisissez un fichier privé avec ZELTY_BRIDGE_SECRET_STORE=file" }
        KeyringUnavailable { en: "The system keyring is not available", fr: "Le trousseau système n'est pas disponible" }
        KeyringLocked { en: "The system keyring is locked", fr: "Le trousseau système est verrouillé" }
        KeyringTimeout { en: "The system keyring is not responding", fr: "Le trousseau système ne répond pas" }
        KeyringLockedHint { en: "unlock it (log in to the desktop session, or unlock the « login » keyring in Seahorse, « Passwords and Keys »; on a server, `gnome-keyring-daemon --unlock` reads the password on its standard input), or use ZELTY_BRIDGE_SECRET_STORE=file", fr: "déverrouillez-le (connectez-vous à la session de bureau, ou déverrouillez le trousseau « Connexion » (login) dans Seahorse, « Mots de passe et clés » ; sur un serveur, `gnome-keyring-daemon --unlock` lit le mot de passe sur son entrée standard), ou utilisez ZELTY_BRIDGE_SECRET_STORE=file" }
        KeyringLockedStatus { en: "The system keyring is locked: this profile's secrets cannot be read until it is unlocked (they are not lost)", fr: "Le trousseau système est verrouillé : les secrets de ce profil ne peuvent pas être lus tant qu'il n'est pas déverrouillé (ils ne sont pas perdus)" }
        KeyringLockedStatusHint { en: "unlock it, then check again: log in to the desktop session, or unlock the « login » keyring in Seahorse (« Passwords and Keys »); on a server, `gnome-keyring-daemon --unlock` reads the password on its standard input. To keep this profile's secrets in a private file instead, connect it again with `ZELTY_BRIDGE_SECRET_STORE=file zelty-bridge connect --force`", fr: "déverrouillez-le, puis vérifiez à nouveau : connectez-vous à la session de bureau, ou déverrouillez le trousseau « Connexion » (login) dans Seahorse (« Mots de passe et clés ») ; sur un serveur, `gnome-keyring-daemon --unlock` lit le mot de passe sur son entrée standard. Pour garder plutôt les secrets de ce profil dans un fichier privé, reconnectez-le avec `ZELTY_BRIDGE_SECRET_STORE=file zelty-bridge connect --force`" }
        KeyringLockedFleet { en: "The system keyring is locked: the secrets of the profiles marked locked cannot be read until it is unlocked (they are not lost)", fr: "Le trousseau système est verrouillé : les secrets des profils marqués verrouillés ne peuvent pas être lus tant qu'il n'est pas déverrouillé (ils ne sont pas perdus)" }
        KeyringLockedFleetHint { en: "unlock it, then check again: log in to the desktop session, or unlock the « login » keyring in Seahorse (« Passwords and Keys »); on a server, `gnome-keyring-daemon --unlock` reads the password on its standard input. To keep a profile's secrets in a private file instead, connect it again with ZELTY_BRIDGE_SECRET_STORE=file and `connect --force`", fr: "déverrouillez-le, puis vérifiez à nouveau : connectez-vous à la session de bureau, ou déverrouillez le trousseau « Connexion » (login) dans Seahorse (« Mots de passe et clés ») ; sur un serveur, `gnome-keyring-daemon --unlock` lit le mot de passe sur son entrée standard. Pour garder plutôt les secrets d'un profil dans un fichier privé, reconnectez-le avec ZELTY_BRIDGE_SECRET_STORE=file et `connect --force`" }
        StateLocked { en: "locked", fr: "verrouillé" }
        SecretsFileInsecure { en: "The secrets file can be read by other users; it was not used", fr: "Le fichier de secrets est lisible par d'autres utilisateurs ; il n'a pas été utilisé" }
        SecretsFileInsecureHint { en: "restrict it with `chmod 600` on the file named below, then check who may have read it", fr: "restreignez-le avec `chmod 600` sur le fichier indiqué ci-dessous, puis vérifiez qui a pu le lire" }
        SecretStoreFailed { en: "The secret store failed", fr: "Le coffre à secrets a échoué" }

        // ----- profiles and configuration -----
        BadProfileName { en: "« {name} » is not a valid profile name", fr: "« {name} » n'est pas un nom de profil valide" }
        BadProfileNameHint { en: "use letters, digits, `-` and `_` (64 at most)", fr: "utilisez des lettres, des chiffres, `-` et `_` (64 au plus)" }
        ProfileCorrupt { en: "The profile file {path} cannot be read", fr: "Le fichier de profil {path} est illisible" }
        ProfileCorruptHint { en: "fix {path} by hand, or delete it and run `zelty-bridge connect` again", fr: "corrigez {path} à la main, ou supprimez-le et relancez `zelty-bridge connect`" }
        ProfileLocked { en: "Profile {profile} is in use by another zelty-bridge ({holder})", fr: "Le profil {profile} est utilisé par un autre zelty-bridge ({holder})" }
        ProfileLockedHint { en: "wait for it to finish, or use another --profile", fr: "attendez qu'il se termine, ou utilisez un autre --profile" }
        ConfigNotWritable { en: "Cannot write in {path}; nothing was changed", fr: "Impossible d'écrire dans {path} ; rien n'a été modifié" }
        ConfigNotWritableHint { en: "check the directory's permissions and free space, or point ZELTY_BRIDGE_CONFIG_DIR elsewhere", fr: "vérifiez les droits du répertoire et l'espace libre, ou indiquez un autre répertoire avec ZELTY_BRIDGE_CONFIG_DIR" }
        NoConfigDir { en: "No configuration directory could be found (HOME is not set)", fr: "Aucun répertoire de configuration trouvé (HOME n'est pas défini)" }
        NoConfigDirHint { en: "set ZELTY_BRIDGE_CONFIG_DIR", fr: "définissez ZELTY_BRIDGE_CONFIG_DIR" }
        BadEnvVar { en: "{var} has an invalid value « {value} » (expected {expected})", fr: "{var} a une valeur invalide « {value} » ({expected} attendu)" }
        NeedsInput { en: "This needs an answer, and there is no terminal to ask", fr: "Une réponse est nécessaire, et il n'y a pas de terminal pour la demander" }
        UseForce { en: "pass --force to replace it", fr: "ajoutez --force pour la remplacer" }
        UseYes { en: "pass --yes to confirm without a prompt", fr: "ajoutez --yes pour confirmer sans question" }

        // ----- status -----
        StatusProfile { en: "Profile {profile} (secrets in: {store})", fr: "Profil {profile} (secrets dans : {store})" }
        StateOk = same { en: "ok", fr: "ok" }
        StateRejected { en: "rejected", fr: "refusé" }
        StateUnreachable { en: "unreachable", fr: "injoignable" }
        StateMissing { en: "missing", fr: "absent" }
        StateUnchecked { en: "not checked", fr: "non vérifié" }
        LabelKey { en: "key", fr: "clé" }
        LabelToken { en: "token", fr: "jeton" }
        LabelCatalog { en: "catalog:", fr: "catalogue :" }
        LabelCustomerList { en: "customer list:", fr: "liste de clients :" }
        SupportGranted { en: "  Support       access given to Zelty's support team on {at}", fr: "  Support       accès donné au support Zelty le {at}" }
        SupportNotGranted { en: "  Support       not given yet (`{command}`)", fr: "  Support       pas encore donné (`{command}`)" }
        NotConnected { en: "Profile {profile} has no connection", fr: "Le profil {profile} n'a aucune connexion" }
        NotConnectedHint { en: "run `zelty-bridge connect`", fr: "lancez `zelty-bridge connect`" }
        SecretMissing { en: "A secret of this connection is missing from the secret store", fr: "Un secret de cette connexion manque dans le coffre à secrets" }
        NoProfiles { en: "No profile is connected", fr: "Aucun profil n'est connecté" }

        // ----- grant-support -----
        NeverSharePassword { en: "Never share your HubRise username and password: giving a role, as below, is enough and can be taken back", fr: "Ne communiquez jamais votre identifiant et votre mot de passe HubRise : donner un rôle, comme ci-dessous, suffit et peut être retiré" }
        OpenHubriseBackOffice { en: "Log in to the HubRise back office:", fr: "Connectez-vous au back-office HubRise :" }
        SupportStepMenu { en: "In the left menu, select SETTINGS, then go to the Permissions section", fr: "Dans le menu de gauche, sélectionnez CONFIGURATION, puis allez dans la section Permissions" }
        SupportStepAdd { en: "Enter {email} and click « Add User »", fr: "Saisissez {email} et cliquez sur « Ajouter l'utilisateur »" }
        SupportStepRole { en: "In the predefined role dropdown, choose « Technical Partner »", fr: "Dans le menu déroulant des rôles prédéfinis, choisissez « Partenaire technique »" }
        SupportStepSet { en: "Click « Set Permissions »", fr: "Cliquez sur « Définir les permissions »" }
        SupportStepRemove { en: "Find {email} in the list of users and remove it", fr: "Trouvez {email} dans la liste des utilisateurs et supprimez-le" }
        StepOf = same { en: "{n}/{total}. {step}", fr: "{n}/{total}. {step}" }
        PressEnterWhenDone { en: "Press Enter when it is done", fr: "Appuyez sur Entrée une fois que c'est fait" }
        SupportDonePrompt { en: "Does {email} now have the « Technical Partner » role?", fr: "{email} a-t-il maintenant le rôle « Partenaire technique » ?" }
        SupportNotConfirmed { en: "Support access was not confirmed; nothing was recorded", fr: "L'accès du support n'a pas été confirmé ; rien n'a été enregistré" }
        SupportNeedsPerson { en: "Giving support access is done by a person in the HubRise back office", fr: "L'accès du support se donne par une personne dans le back-office HubRise" }
        SupportConfirmHint { en: "once the steps above are done, run `zelty-bridge grant-support --confirm`", fr: "une fois les étapes ci-dessus faites, lancez `zelty-bridge grant-support --confirm`" }
        SupportRecorded { en: "Support access for {email} recorded on {at}", fr: "Accès du support pour {email} enregistré le {at}" }
        SupportCleared { en: "Support access for {email} cleared", fr: "Accès du support pour {email} retiré" }

        // ----- disconnect -----
        ConfirmDisconnect { en: "Disconnect profile {profile} ({restaurant} ↔ {location})? The HubRise token is revoked and the secrets deleted", fr: "Déconnecter le profil {profile} ({restaurant} ↔ {location}) ? Le jeton HubRise est révoqué et les secrets supprimés" }
        Revoking { en: "Revoking the HubRise token…", fr: "Révocation du jeton HubRise…" }
        Revoked { en: "HubRise token revoked", fr: "Jeton HubRise révoqué" }
        RevokeFailedKept { en: "The HubRise token could not be revoked; the local connection was kept", fr: "Le jeton HubRise n'a pas pu être révoqué ; la connexion locale a été conservée" }
        RevokeFailedHint { en: "try again later, or disconnect in the HubRise back office (CONNECTIONS > Actions > Disconnect) and then run `zelty-bridge disconnect --force`", fr: "réessayez plus tard, ou déconnectez dans le back-office HubRise (CONNEXIONS > Actions > Déconnecter) puis lancez `zelty-bridge disconnect --force`" }
        RevokeFailedForced { en: "The HubRise token could not be revoked ({why}); removing the local connection anyway. Disconnect it in the HubRise back office: CONNECTIONS > Actions > Disconnect", fr: "Le jeton HubRise n'a pas pu être révoqué ({why}) ; la connexion locale est supprimée quand même. Déconnectez-la dans le back-office HubRise : CONNEXIONS > Actions > Déconnecter" }
        RevokeSkipped { en: "The HubRise token could not be read ({why}); it was not revoked", fr: "Le jeton HubRise n'a pas pu être lu ({why}) ; il n'a pas été révoqué" }
        OpenThisPage { en: "Open this page:", fr: "Ouvrez cette page :" }
        UnblockLater { en: "To resume later: Actions > Unblock. Nothing was removed here", fr: "Pour reprendre plus tard : Actions > Débloquer. Rien n'a été supprimé ici" }
        BlockKept { en: "Profile {profile} kept; the connection is blocked in HubRise until you unblock it", fr: "Profil {profile} conservé ; la connexion est bloquée dans HubRise jusqu'à ce que vous la débloquiez" }
        Disconnected { en: "Profile {profile} disconnected; its secrets and profile are deleted", fr: "Profil {profile} déconnecté ; ses secrets et son profil sont supprimés" }
        NothingConnected { en: "Profile {profile} has nothing connected; nothing to do", fr: "Le profil {profile} n'a rien de connecté ; rien à faire" }
        EnvStillSet { en: "{var} is still set in this environment and will keep being used", fr: "{var} est toujours définie dans cet environnement et continuera d'être utilisée" }

        // ----- provision -----
        ProvisionStart { en: "Provisioning {count} restaurants from {path}, {concurrency} at a time", fr: "Connexion de {count} restaurants depuis {path}, {concurrency} à la fois" }
        ProvisionDryRun { en: "Dry run: everything is checked, nothing is stored", fr: "Essai à blanc : tout est vérifié, rien n'est enregistré" }
        ProvisionBar = same { en: "Restaurants", fr: "Restaurants" }
        ProvisionRetry { en: "{profile}: a service is out of reach; trying again in {secs} s (try {round} of {rounds})", fr: "{profile} : un service est injoignable ; nouvel essai dans {secs} s (essai {round} sur {rounds})" }
        RateLimitWait { en: "{service} allows no more requests on this token in this window; waiting {secs} s", fr: "{service} n'accepte plus de requêtes sur ce jeton dans cette fenêtre ; attente de {secs} s" }
        OutcomeConnected { en: "connected", fr: "connecté" }
        OutcomeSkipped { en: "skipped", fr: "ignoré" }
        OutcomeFailed { en: "failed", fr: "échec" }
        OutcomeValidated { en: "validated", fr: "validé" }
        UpToDate { en: "already connected with these secrets", fr: "déjà connecté avec ces secrets" }
        ColProfile { en: "Profile", fr: "Profil" }
        ColOutcome { en: "Outcome", fr: "Résultat" }
        ColRestaurant = same { en: "Restaurant", fr: "Restaurant" }
        ColLocation { en: "Location", fr: "Point de vente" }
        ColTime { en: "Time", fr: "Durée" }
        ColDetail { en: "Detail", fr: "Détail" }
        ProvisionSummary { en: "{connected} connected, {skipped} skipped, {failed} failed in {secs} s", fr: "{connected} connecté(s), {skipped} ignoré(s), {failed} en échec en {secs} s" }
        ProvisionSummaryDry { en: "Dry run: {validated} validated, {skipped} skipped, {failed} failed in {secs} s; nothing was stored", fr: "Essai à blanc : {validated} validé(s), {skipped} ignoré(s), {failed} en échec en {secs} s ; rien n'a été enregistré" }
        MissingZeltyVar { en: "{var} is not set: it should hold the Zelty API key of profile {profile}", fr: "{var} n'est pas définie : elle devrait contenir la clé API Zelty du profil {profile}" }
        MissingTokenVar { en: "{var} is not set: it should hold the HubRise access token of profile {profile}", fr: "{var} n'est pas définie : elle devrait contenir le jeton d'accès HubRise du profil {profile}" }
        MissingVariableHint { en: "define {var} among the CI's secret variables, or fix the name in the manifest", fr: "définissez {var} parmi les variables secrètes de la CI, ou corrigez son nom dans le manifeste" }
        ProfileDiffers { en: "Profile {profile} is already connected, with other secrets or ids than the manifest's", fr: "Le profil {profile} est déjà connecté, avec d'autres secrets ou identifiants que ceux du manifeste" }
        UseForceProvision { en: "pass --force to replace it with the manifest's connection", fr: "ajoutez --force pour la remplacer par la connexion du manifeste" }
        UnknownLocation { en: "HubRise does not know location {id}, or the account token does not reach it", fr: "HubRise ne connaît pas le point de vente {id}, ou le jeton de compte n'y donne pas accès" }
        UnknownCatalog { en: "Location {location} has no catalog {id}", fr: "Le point de vente {location} n'a pas de catalogue {id}" }
        CheckManifestField { en: "check {field} of profile {profile} in the manifest", fr: "vérifiez {field} du profil {profile} dans le manifeste" }

        // ----- manifest -----
        ManifestUnreadable { en: "Cannot read the manifest {path}", fr: "Impossible de lire le manifeste {path}" }
        ManifestSyntax { en: "The manifest {path} is not valid TOML (line {line})", fr: "Le manifeste {path} n'est pas du TOML valide (ligne {line})" }
        ManifestInvalid { en: "The manifest {path} is invalid", fr: "Le manifeste {path} est invalide" }
        ManifestInvalidEntry { en: "The manifest {path} is invalid at [[restaurant]] {entry}", fr: "Le manifeste {path} est invalide au [[restaurant]] {entry}" }
        ManifestNoRestaurant { en: "The manifest {path} lists no [[restaurant]]", fr: "Le manifeste {path} ne contient aucun [[restaurant]]" }
        ManifestDuplicate { en: "Profile {profile} appears more than once in the manifest", fr: "Le profil {profile} apparaît plusieurs fois dans le manifeste" }
        ManifestNeedsAccountToken { en: "In {path}, [[restaurant]] {entry} gives a location_id, which needs hubrise_account_token_env at the top of the manifest", fr: "Dans {path}, le [[restaurant]] {entry} donne un location_id, ce qui demande hubrise_account_token_env en tête du manifeste" }
        ManifestTwoSources { en: "In {path}, [[restaurant]] {entry} gives both hubrise_access_token_env and location_id; give one", fr: "Dans {path}, le [[restaurant]] {entry} donne à la fois hubrise_access_token_env et location_id ; n'en donnez qu'un" }
        ManifestNoSource { en: "In {path}, [[restaurant]] {entry} gives neither hubrise_access_token_env nor location_id", fr: "Dans {path}, le [[restaurant]] {entry} ne donne ni hubrise_access_token_env ni location_id" }
        ManifestBadId { en: "In {path}, [[restaurant]] {entry} has an empty or overlong id", fr: "Dans {path}, le [[restaurant]] {entry} a un identifiant vide ou trop long" }
        ManifestHint { en: "the format is in the README (« provision »), with a commented example in tests/fixtures/provision.example.toml", fr: "le format est décrit dans le README (« provision »), avec un exemple commenté dans tests/fixtures/provision.example.toml" }
        InlineSecret { en: "{field} in {entry} holds a value where the manifest must name an environment variable; it was not used", fr: "{field} dans {entry} contient une valeur là où le manifeste doit nommer une variable d'environnement ; elle n'a pas été utilisée" }
        InlineSecretHint { en: "put the secret in a CI secret variable and give its name (A–Z, 0–9, _) in a field ending in _env; a secret committed in a file should be considered leaked and regenerated", fr: "mettez le secret dans une variable secrète de la CI et donnez son nom (A–Z, 0–9, _) dans un champ en _env ; un secret écrit dans un fichier versionné doit être considéré comme divulgué et régénéré" }
    }
}
