//! Texts of `--help` (each command's about, every option, the EXAMPLES section) keyed by
//! command and argument id, replaced in clap's definition at start-up (`cli::localized`);
//! and the few words of the terminal itself: the `error:`/`warning:`/`hint:` labels, the
//! y/n prompts, retries, the QR code.

use super::catalog;

catalog! {
    /// Everything `--help` shows.
    Help {
        // ----- the tool -----
        About { en: "Connect a Zelty point of sale to HubRise, from the terminal", fr: "Connecter une caisse Zelty à HubRise, depuis le terminal" }
        LongAbout { en: "Connect a Zelty point of sale to HubRise, from the terminal.\n\nWalks you through enabling « Hubrise V2 » in Zelty, checks your Zelty API key, authorizes HubRise in your browser, verifies the location, connects the Zelty Bridge app that carries the orders, and keeps both secrets in your system keyring. Every step also runs without a terminal, for scripted provisioning.", fr: "Connecter une caisse Zelty à HubRise, depuis le terminal.\n\nVous guide pour activer « Hubrise V2 » dans Zelty, vérifie votre clé API Zelty, autorise HubRise dans votre navigateur, vérifie le point de vente, connecte l'app Zelty Bridge qui transmet les commandes et garde les deux secrets dans le trousseau de votre système. Chaque étape fonctionne aussi sans terminal, pour les installations scriptées." }
        RootExamples { en: "Examples:\n  zelty-bridge --sandbox connect     try the wizard against a fake HubRise and Zelty\n  zelty-bridge connect               connect this restaurant, step by step\n  zelty-bridge status                check both ends of the connection\n  zelty-bridge connect --help        each command's options, examples and variables", fr: "Exemples :\n  zelty-bridge --sandbox connect     essayer l'assistant avec un faux HubRise et Zelty\n  zelty-bridge connect               connecter ce restaurant, pas à pas\n  zelty-bridge status                vérifier les deux bouts de la connexion\n  zelty-bridge connect --help        options, exemples et variables de chaque commande" }
        GlobalHeading { en: "Global options", fr: "Options globales " }
        OptionsHeading { en: "Options", fr: "Options " }
        ArgumentsHeading { en: "Arguments", fr: "Arguments " }
        CommandsHeading { en: "Commands", fr: "Commandes " }
        CommandPlaceholder { en: "COMMAND", fr: "COMMANDE" }
        UsageHeading { en: "Usage:", fr: "Utilisation :" }
        PrintHelpFlag { en: "Print help (--help shows more)", fr: "Afficher l'aide (--help en montre davantage)" }
        VersionFlag { en: "Print the version", fr: "Afficher la version" }
        PrintHelpCommand { en: "Print this message or the help of the given command", fr: "Afficher ce message ou l'aide de la commande donnée" }
        PrintHelpArg { en: "The command whose help to print", fr: "La commande dont afficher l'aide" }
        DefaultTag { en: "default:", fr: "par défaut :" }
        EnvTag { en: "env:", fr: "variable :" }
        ValuesTag { en: "values:", fr: "valeurs :" }

        // ----- global options -----
        Profile { en: "The connection to work on; each profile has its own secrets", fr: "La connexion sur laquelle travailler ; chaque profil a ses propres secrets" }
        Json { en: "Print the result as one JSON object on stdout (errors too)", fr: "Écrire le résultat en un seul objet JSON sur la sortie standard (les erreurs aussi)" }
        NonInteractive { en: "Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)", fr: "Ne jamais poser de question : échouer en nommant l'option ou la variable à utiliser (implicite avec CI=true ou quand l'entrée ou la sortie d'erreur n'est pas un terminal)" }
        LangOpt { en: "Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG]", fr: "Langue des messages et de l'aide [par défaut : selon LC_ALL, LC_MESSAGES ou LANG]" }
        Sandbox { en: "Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched", fr: "Utiliser le bac à sable intégré (faux HubRise et faux Zelty sur cette machine) au lieu des vrais services ; les vrais secrets et profils ne sont jamais touchés" }
        Quiet { en: "Print only results, warnings and errors", fr: "N'afficher que les résultats, les avertissements et les erreurs" }
        Verbose { en: "Explain more (-vv: every HTTP call, without secrets)", fr: "Expliquer davantage (-vv : chaque appel HTTP, sans les secrets)" }
        AllowInsecure { en: "Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)", fr: "Accepter des adresses de service en http:// hors de cette machine (la clé et le jeton traversent alors le réseau en clair ; aussi ZELTY_BRIDGE_ALLOW_INSECURE=1)" }
        Color { en: "When to colour the output (NO_COLOR is honoured)", fr: "Quand colorer l'affichage (NO_COLOR est respectée)" }

        // ----- connect -----
        ConnectAbout { en: "Connect Zelty to HubRise: the Zelty key, the watch, the Zelty Bridge app, storage", fr: "Connecter Zelty à HubRise : la clé Zelty, la surveillance, l'app Zelty Bridge, l'enregistrement" }
        ConnectCatalogId { en: "The HubRise catalog to record, when the location has several", fr: "Le catalogue HubRise à enregistrer, quand le point de vente en a plusieurs" }
        ConnectCustomerListId { en: "The HubRise customer list to record, when the location has several", fr: "La liste de clients HubRise à enregistrer, quand le point de vente en a plusieurs" }
        ConnectNoWatch { en: "Go on without the watch (zelty-bridge's own read-only HubRise connection)", fr: "Continuer sans la surveillance (la connexion HubRise en lecture seule de zelty-bridge)" }
        AppAbout { en: "Connect the Zelty Bridge app in the HubRise back office (guided), or record it", fr: "Connecter l'app Zelty Bridge dans le back-office HubRise (guidé), ou l'enregistrer" }
        AppConfirm { en: "Record that Zelty Bridge is connected and configured, without the walk", fr: "Enregistrer que Zelty Bridge est connecté et configuré, sans le parcours guidé" }
        AppTimeout { en: "Seconds to watch for Zelty Bridge while you work in the back office", fr: "Secondes d'attente de Zelty Bridge pendant que vous travaillez dans le back-office" }
        AppExamples { en: "Examples:\n  zelty-bridge app                    walk the Zelty Bridge step; moves on by itself once\n                                      Zelty's webhooks or orders show the app at work\n  zelty-bridge app --confirm          record it, done without the walk\n  zelty-bridge --profile lyon app     the step for a profile made by provision\n\nEnvironment:\n  ZELTY_BRIDGE_APP_NAME          the app's HubRise client name (Zelty Bridge)\n  ZELTY_BRIDGE_APP_CONNECT_URL   the app's Connect URL (default: CONNECTIONS)\n  ZELTY_BRIDGE_APP_WEBHOOK_HOST  the host of its webhooks (hubrise.com)", fr: "Exemples :\n  zelty-bridge app                    l'étape Zelty Bridge guidée ; avance seule dès que\n                                      les webhooks de Zelty ou les commandes montrent l'app\n  zelty-bridge app --confirm          l'enregistrer, faite sans le parcours\n  zelty-bridge --profile lyon app     l'étape d'un profil créé par provision\n\nEnvironnement :\n  ZELTY_BRIDGE_APP_NAME          le nom de client HubRise de l'app (Zelty Bridge)\n  ZELTY_BRIDGE_APP_CONNECT_URL   l'URL « Connecter » de l'app (défaut : CONNEXIONS)\n  ZELTY_BRIDGE_APP_WEBHOOK_HOST  l'hôte de ses webhooks (hubrise.com)" }
        ConnectKeyStdin { en: "Read the Zelty API key from standard input instead of prompting", fr: "Lire la clé API Zelty sur l'entrée standard au lieu de la demander" }
        ConnectRestaurantId { en: "The Zelty restaurant to connect, when the key sees several", fr: "Le restaurant Zelty à connecter, quand la clé en voit plusieurs" }
        ConnectScope { en: "The HubRise permissions the watch asks for (read-only by default)", fr: "Les permissions HubRise que demande la surveillance (lecture seule par défaut)" }
        ConnectNoBrowser { en: "Do not open a browser: print the address (and a QR code for a phone), then type the code HubRise shows", fr: "Ne pas ouvrir de navigateur : afficher l'adresse (et un code QR pour un téléphone), puis saisir le code que montre HubRise" }
        ConnectTimeout { en: "Seconds to wait for the authorization in the browser, and for Zelty Bridge", fr: "Secondes d'attente de l'autorisation dans le navigateur, et de Zelty Bridge" }
        ConnectForce { en: "Replace an existing connection without asking", fr: "Remplacer une connexion existante sans demander" }
        ConnectExamples { en: "Examples:\n  zelty-bridge connect                 the Zelty key, then HubRise in the browser\n  zelty-bridge connect --no-browser    over SSH: type the code HubRise shows\n  zelty-bridge --sandbox connect       the same against the embedded sandbox\n  printf %s \"$KEY\" | zelty-bridge connect --zelty-api-key-stdin\n  ZELTY_API_KEY=… HUBRISE_ACCESS_TOKEN=… zelty-bridge connect --json\n\nEnvironment:\n  ZELTY_API_KEY            the Zelty API key (otherwise asked, hidden)\n  HUBRISE_ACCESS_TOKEN     a HubRise token, verified and used instead of the\n                           browser\n  ZELTY_BRIDGE_CLIENT_ID, ZELTY_BRIDGE_CLIENT_SECRET\n                           the HubRise OAuth client, when not built in\n  ZELTY_BRIDGE_SECRET_STORE  keyring (default) or file\n  BROWSER                  the command that opens the authorization page", fr: "Exemples :\n  zelty-bridge connect                 la clé Zelty, puis HubRise dans le navigateur\n  zelty-bridge connect --no-browser    en SSH : saisir le code que montre HubRise\n  zelty-bridge --sandbox connect       la même chose avec le bac à sable intégré\n  printf %s \"$KEY\" | zelty-bridge connect --zelty-api-key-stdin\n  ZELTY_API_KEY=… HUBRISE_ACCESS_TOKEN=… zelty-bridge connect --json\n\nEnvironnement :\n  ZELTY_API_KEY            la clé API Zelty (sinon demandée, masquée)\n  HUBRISE_ACCESS_TOKEN     un jeton HubRise, vérifié et utilisé à la place du\n                           navigateur\n  ZELTY_BRIDGE_CLIENT_ID, ZELTY_BRIDGE_CLIENT_SECRET\n                           le client OAuth HubRise, s'il n'est pas intégré\n  ZELTY_BRIDGE_SECRET_STORE  keyring (par défaut) ou file\n  BROWSER                  la commande qui ouvre la page d'autorisation" }

        // ----- grant-support -----
        GrantAbout { en: "Give Zelty's support team access to your HubRise account (guided)", fr: "Donner au support Zelty l'accès à votre compte HubRise (guidé)" }
        GrantConfirm { en: "Record that the access was given, without the guided walk", fr: "Enregistrer que l'accès a été donné, sans le parcours guidé" }
        GrantRevoke { en: "Guide the removal of the access and clear the record", fr: "Guider le retrait de l'accès et effacer l'enregistrement" }
        GrantExamples { en: "Examples:\n  zelty-bridge grant-support              step by step in the HubRise back office\n  zelty-bridge grant-support --confirm    record it (done by hand, or a script)\n  zelty-bridge grant-support --revoke     take the access back\n\nEnvironment:\n  ZELTY_BRIDGE_PROFILE     the profile (default: default)", fr: "Exemples :\n  zelty-bridge grant-support              pas à pas dans le back-office HubRise\n  zelty-bridge grant-support --confirm    l'enregistrer (fait à la main, ou script)\n  zelty-bridge grant-support --revoke     retirer l'accès\n\nEnvironnement :\n  ZELTY_BRIDGE_PROFILE     le profil (par défaut : default)" }

        // ----- disconnect -----
        DisconnectAbout { en: "Revoke and remove the connection, on HubRise, on Zelty and on this machine", fr: "Révoquer et supprimer la connexion, chez HubRise, chez Zelty et sur cette machine" }
        DisconnectYes { en: "Do not ask for confirmation", fr: "Ne pas demander de confirmation" }
        DisconnectForce { en: "Remove the local connection even if HubRise cannot be told", fr: "Supprimer la connexion locale même si HubRise ne peut pas être prévenu" }
        DisconnectBlock { en: "Only guide a temporary block in the HubRise back office; keep everything", fr: "Seulement guider un blocage temporaire dans le back-office HubRise ; tout garder" }
        DisconnectKeepZelty { en: "Keep the Zelty key (and Hubrise V2 enabled in Zelty) for a later `connect`", fr: "Garder la clé Zelty (et Hubrise V2 activé dans Zelty) pour un `connect` ultérieur" }
        DisconnectExamples { en: "Examples:\n  zelty-bridge disconnect                asks, revokes, guides Zelty, deletes\n  zelty-bridge disconnect --yes          without the question (scripts)\n  zelty-bridge disconnect --keep-zelty   keep the Zelty key for a later connect\n  zelty-bridge disconnect --block        pause the connection in HubRise instead\n\nEnvironment:\n  ZELTY_BRIDGE_PROFILE     the profile (default: default)", fr: "Exemples :\n  zelty-bridge disconnect                demande, révoque, guide Zelty, supprime\n  zelty-bridge disconnect --yes          sans la question (scripts)\n  zelty-bridge disconnect --keep-zelty   garder la clé Zelty pour plus tard\n  zelty-bridge disconnect --block        suspendre plutôt la connexion dans HubRise\n\nEnvironnement :\n  ZELTY_BRIDGE_PROFILE     le profil (par défaut : default)" }

        // ----- status -----
        StatusAbout { en: "Check the Zelty key, the Zelty Bridge app and the watch live, and show them", fr: "Vérifier en direct la clé Zelty, l'app Zelty Bridge et la surveillance, et les afficher" }
        StatusOffline { en: "Show what is stored without calling the services", fr: "Afficher ce qui est enregistré sans appeler les services" }
        StatusAllProfiles { en: "Show every profile", fr: "Afficher tous les profils" }
        StatusExamples { en: "Examples:\n  zelty-bridge status                    check Zelty and HubRise now\n  zelty-bridge status --offline          what is stored, calling nothing\n  zelty-bridge status --all-profiles --json\n\nEnvironment:\n  ZELTY_BRIDGE_PROFILE     the profile (default: default)\n  ZELTY_BRIDGE_HTTP_TIMEOUT, ZELTY_BRIDGE_HTTP_RETRIES\n                           each call's budget in scripts (a person at a\n                           terminal waits 30 s at most)", fr: "Exemples :\n  zelty-bridge status                    vérifier Zelty et HubRise maintenant\n  zelty-bridge status --offline          ce qui est enregistré, sans appel\n  zelty-bridge status --all-profiles --json\n\nEnvironnement :\n  ZELTY_BRIDGE_PROFILE     le profil (par défaut : default)\n  ZELTY_BRIDGE_HTTP_TIMEOUT, ZELTY_BRIDGE_HTTP_RETRIES\n                           le budget de chaque appel dans un script (au\n                           terminal, l'attente dure 30 s au plus)" }

        // ----- provision -----
        ProvisionAbout { en: "Connect many restaurants from a manifest, for CI", fr: "Connecter de nombreux restaurants depuis un manifeste, pour la CI" }
        ProvisionManifest { en: "The manifest (TOML): one [[restaurant]] per profile, secrets named by environment variable", fr: "Le manifeste (TOML) : un [[restaurant]] par profil, les secrets désignés par variable d'environnement" }
        ProvisionConcurrency { en: "Restaurants connected at the same time", fr: "Restaurants connectés en même temps" }
        ProvisionDryRun { en: "Check everything, store nothing", fr: "Tout vérifier, ne rien enregistrer" }
        ProvisionForce { en: "Redo restaurants that are already connected", fr: "Refaire les restaurants déjà connectés" }
        ProvisionExamples { en: "Examples:\n  zelty-bridge provision restaurants.toml --dry-run   check all, store nothing\n  zelty-bridge provision restaurants.toml --json      connect, one JSON report\n\nEnvironment:\n  the variables the manifest names (zelty_api_key_env,\n  hubrise_access_token_env, hubrise_account_token_env), among the CI's secrets\n  ZELTY_BRIDGE_HTTP_TIMEOUT, ZELTY_BRIDGE_HTTP_RETRIES   each call's budget\n  ZELTY_BRIDGE_SECRET_STORE  keyring (default) or file", fr: "Exemples :\n  zelty-bridge provision restaurants.toml --dry-run   tout vérifier, rien garder\n  zelty-bridge provision restaurants.toml --json      connecter, rapport JSON\n\nEnvironnement :\n  les variables que nomme le manifeste (zelty_api_key_env,\n  hubrise_access_token_env, hubrise_account_token_env), secrets de la CI\n  ZELTY_BRIDGE_HTTP_TIMEOUT, ZELTY_BRIDGE_HTTP_RETRIES   budget de chaque appel\n  ZELTY_BRIDGE_SECRET_STORE  keyring (par défaut) ou file" }

        // ----- completions -----
        CompletionsAbout { en: "Print a shell completion script", fr: "Écrire un script de complétion pour le shell" }
        CompletionsShell { en: "The shell", fr: "Le shell" }
        CompletionsExamples { en: "Examples:\n  zelty-bridge completions bash > ~/.local/share/bash-completion/completions/zelty-bridge\n  zelty-bridge completions zsh > \"${fpath[1]}/_zelty-bridge\"\n  zelty-bridge completions fish > ~/.config/fish/completions/zelty-bridge.fish", fr: "Exemples :\n  zelty-bridge completions bash > ~/.local/share/bash-completion/completions/zelty-bridge\n  zelty-bridge completions zsh > \"${fpath[1]}/_zelty-bridge\"\n  zelty-bridge completions fish > ~/.config/fish/completions/zelty-bridge.fish" }

        // ----- sandbox -----
        SandboxAbout { en: "Serve the fake HubRise and Zelty in the foreground, for trying the tool and tests", fr: "Servir le faux HubRise et le faux Zelty au premier plan, pour essayer l'outil et pour les tests" }
        SandboxLongAbout { en: "Serve the fake HubRise and Zelty in the foreground, for trying the tool and tests.\n\nPrints `export …` lines that point the CLI at it: copy them into another shell, or write them to a file in the background (`zelty-bridge sandbox > sandbox.env &`) and read it (`. ./sandbox.env`). Ctrl-C stops it; nothing it made is kept.", fr: "Servir le faux HubRise et le faux Zelty au premier plan, pour essayer l'outil et pour les tests.\n\nÉcrit des lignes `export …` qui dirigent l'outil vers lui : copiez-les dans un autre shell, ou écrivez-les dans un fichier en arrière-plan (`zelty-bridge sandbox > sandbox.env &`) et lisez-le (`. ./sandbox.env`). Ctrl-C l'arrête ; rien de ce qu'il a créé n'est gardé." }
        SandboxLocations { en: "HubRise locations in the demo account", fr: "Points de vente HubRise du compte de démonstration" }
        SandboxRestaurants { en: "Zelty restaurants, one API key each, besides the demo keys", fr: "Restaurants Zelty, une clé API chacun, en plus des clés de démonstration" }
        SandboxLatency { en: "Milliseconds added to every answer", fr: "Millisecondes ajoutées à chaque réponse" }
        SandboxRateLimits { en: "Enforce the services' rate limits (HubRise: 500 requests a minute per token)", fr: "Appliquer les limites de débit des services (HubRise : 500 requêtes par minute et par jeton)" }
        SandboxHubrisePort { en: "Port of the HubRise back office and OAuth server (0: any free port)", fr: "Port du back-office et du serveur OAuth HubRise (0 : n'importe quel port libre)" }
        SandboxApiPort { en: "Port of the HubRise API (0: any free port)", fr: "Port de l'API HubRise (0 : n'importe quel port libre)" }
        SandboxZeltyPort { en: "Port of the Zelty API and back office (0: any free port)", fr: "Port de l'API et du back-office Zelty (0 : n'importe quel port libre)" }
        SandboxExamples { en: "Examples:\n  zelty-bridge sandbox                   serve it; copy its export lines into\n                                         another shell\n  zelty-bridge sandbox > sandbox.env &   or in the background, then point this\n  until grep -q ZELTY_SANDBOX_KEY sandbox.env; do sleep 0.2; done\n  . ./sandbox.env                        shell at it (kill %1 stops the sandbox)\n  zelty-bridge sandbox --json            addresses, keys and tokens as JSON\n\nIt prints export lines for:\n  ZELTY_BRIDGE_HUBRISE_OAUTH_URL, ZELTY_BRIDGE_HUBRISE_API_URL,\n  ZELTY_BRIDGE_HUBRISE_MANAGER_URL, ZELTY_BRIDGE_ZELTY_API_URL,\n  ZELTY_BRIDGE_ZELTY_BO_URL           where the fake services listen\n  ZELTY_BRIDGE_CLIENT_ID, ZELTY_BRIDGE_CLIENT_SECRET   its OAuth client\nand the demo Zelty key and HubRise tokens for the CI path.\n\nEnvironment:\n  ZELTY_BRIDGE_SANDBOX_LOCATIONS, ZELTY_BRIDGE_SANDBOX_RESTAURANTS,\n  ZELTY_BRIDGE_SANDBOX_LATENCY_MS      the options above", fr: "Exemples :\n  zelty-bridge sandbox                   le servir ; copier ses lignes export\n                                         dans un autre shell\n  zelty-bridge sandbox > sandbox.env &   ou en arrière-plan, puis y diriger ce\n  until grep -q ZELTY_SANDBOX_KEY sandbox.env; do sleep 0.2; done\n  . ./sandbox.env                        shell (kill %1 arrête le bac à sable)\n  zelty-bridge sandbox --json            adresses, clés et jetons en JSON\n\nIl écrit des lignes export pour :\n  ZELTY_BRIDGE_HUBRISE_OAUTH_URL, ZELTY_BRIDGE_HUBRISE_API_URL,\n  ZELTY_BRIDGE_HUBRISE_MANAGER_URL, ZELTY_BRIDGE_ZELTY_API_URL,\n  ZELTY_BRIDGE_ZELTY_BO_URL           où écoutent les faux services\n  ZELTY_BRIDGE_CLIENT_ID, ZELTY_BRIDGE_CLIENT_SECRET   son client OAuth\net la clé Zelty de démonstration et des jetons HubRise pour la CI.\n\nEnvironnement :\n  ZELTY_BRIDGE_SANDBOX_LOCATIONS, ZELTY_BRIDGE_SANDBOX_RESTAURANTS,\n  ZELTY_BRIDGE_SANDBOX_LATENCY_MS      les options ci-dessus" }
        PrintHelpExamples { en: "Examples:\n  zelty-bridge help connect", fr: "Exemples :\n  zelty-bridge help connect" }
        ReportAbout { en: "A support report to send to Zelty: versions, the connections' states, recent errors", fr: "Un rapport pour le support de Zelty : versions, état des connexions, erreurs récentes" }
        ReportExamples { en: "Examples:\n  zelty-bridge report                       every profile, as Markdown\n  zelty-bridge report --output report.md    into a file to attach to an email\n  zelty-bridge --profile lyon report --json one profile, as JSON\n\nKeys and tokens show masked (first 4 and last 4 characters); no secret is\never in a report. Send it to support@zelty.com.", fr: "Exemples :\n  zelty-bridge report                       tous les profils, en Markdown\n  zelty-bridge report --output rapport.md   dans un fichier à joindre à un e-mail\n  zelty-bridge --profile lyon report --json un profil, en JSON\n\nLes clés et jetons sont masqués (4 premiers et 4 derniers caractères) ;\naucun secret n'est jamais dans un rapport. Envoyez-le à support@zelty.com." }
        ReportOutput { en: "Write the report to FILE (readable only by you) instead of the screen", fr: "Écrire le rapport dans FILE (lisible par vous seul) plutôt qu'à l'écran" }
        ReportOffline { en: "Report what is stored without calling the services", fr: "Rapporter ce qui est enregistré, sans appeler les services" }

        // ----- clap's usage errors -----
        ErrUnknownArgument { en: "unexpected argument '{arg}'", fr: "argument inattendu « {arg} »" }
        ErrUnknownCommand { en: "unrecognized command '{arg}'", fr: "commande inconnue « {arg} »" }
        ErrInvalidValue { en: "invalid value '{value}' for '{arg}'", fr: "valeur « {value} » invalide pour « {arg} »" }
        ErrMissing { en: "a required argument was not given: {arg}", fr: "un argument obligatoire manque : {arg}" }
        ErrConflict { en: "'{arg}' cannot be used with '{other}'", fr: "« {arg} » ne peut pas être utilisé avec « {other} »" }
        ErrNoValue { en: "'{arg}' needs a value", fr: "« {arg} » demande une valeur" }
        ErrRange { en: "{value} is not between {min} and {max}", fr: "{value} n'est pas compris entre {min} et {max}" }
        ErrOther { en: "the command line is not valid", fr: "la ligne de commande n'est pas valide" }
        ErrSuggest { en: "; did you mean '{arg}'?", fr: " ; vouliez-vous dire « {arg} » ?" }
        ErrValues { en: "; possible values: {values}", fr: " ; valeurs possibles : {values}" }
        ErrTryHelpFlag { en: "for more information, try '{help}'", fr: "pour en savoir plus, essayez « {help} »" }
    }
}

catalog! {
    /// The words of the terminal around the messages: labels, prompts, retries, QR code.
    Ux {
        LabelError { en: "error:", fr: "erreur :" }
        LabelWarning { en: "warning:", fr: "attention :" }
        LabelHint { en: "hint:", fr: "conseil :" }
        LabelCausedBy { en: "caused by:", fr: "cause :" }

        // ----- y/n prompts -----
        YesNo { en: "(y/n, Enter: {default})", fr: "(oui/non, Entrée : {default})" }
        YesNoNoDefault { en: "(y/n)", fr: "(oui/non)" }
        AnswerNeeded { en: "Type y (yes) or n (no), then press Enter: Enter alone does not answer", fr: "Tapez o (oui) ou n (non), puis Entrée : Entrée seule ne répond pas" }
        Yes { en: "yes", fr: "oui" }
        No { en: "no", fr: "non" }
        AnswerUnclear { en: "Answer y (yes) or n (no), then press Enter", fr: "Répondez o (oui) ou n (non), puis appuyez sur Entrée" }
        AnswerTooLong { en: "That was {count} characters, not an answer (a pasted key?); it was ignored. Answer y (yes) or n (no), then press Enter", fr: "Cela faisait {count} caractères, ce n'est pas une réponse (une clé collée ?) ; c'est ignoré. Répondez o (oui) ou n (non), puis appuyez sur Entrée" }

        // ----- retries -----
        TryOf { en: "(try {n} of {of}; giving up in {secs} s)", fr: "(essai {n} sur {of} ; abandon dans {secs} s)" }
        TryOfNoDeadline { en: "(try {n} of {of})", fr: "(essai {n} sur {of})" }
        RetryIn { en: "(no answer: try {n} of {of} in {wait} s; giving up in {secs} s)", fr: "(pas de réponse : essai {n} sur {of} dans {wait} s ; abandon dans {secs} s)" }
        RetryLine { en: "{service} did not answer ({why}); try {n} of {of} in {wait} s", fr: "{service} n'a pas répondu ({why}) ; essai {n} sur {of} dans {wait} s" }
        LastKeyTry { en: "This is the last try: after it, connect stops (Zelty shows a key once: deactivate and reactivate Hubrise V2 for a new one)", fr: "C'est le dernier essai : après lui, connect s'arrête (Zelty n'affiche une clé qu'une fois : désactivez et réactivez Hubrise V2 pour en obtenir une nouvelle)" }

        // ----- QR code -----
        QrCaption { en: "Or scan this code with a phone to open the address there:", fr: "Ou scannez ce code avec un téléphone pour y ouvrir l'adresse :" }
        QrTooWide { en: "The address is too long for a QR code in a terminal {cols} columns wide; widen the window, or copy the address above", fr: "L'adresse est trop longue pour un code QR dans un terminal de {cols} colonnes ; élargissez la fenêtre, ou copiez l'adresse ci-dessus" }

        // ----- browser, stores, sandbox -----
        PressEnterToOpen { en: "Press Enter to open it in your browser", fr: "Appuyez sur Entrée pour l'ouvrir dans votre navigateur" }
        StoreKeyring { en: "the system keyring (service {service})", fr: "le trousseau du système (service {service})" }
        StoreFile { en: "the private file {path}", fr: "le fichier privé {path}" }
        StoreLabelKeyring { en: "system keyring", fr: "trousseau du système" }
        StoreLabelFile { en: "private file", fr: "fichier privé" }
        SandboxStopped { en: "Sandbox stopped; nothing it made is kept", fr: "Bac à sable arrêté ; rien de ce qu'il a créé n'est gardé" }
    }
}
