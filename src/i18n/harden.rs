//! Messages of the hardening work: the config dir's ownership and mode, signals, failed
//! rollbacks, orphaned secrets, answers cut for secrets, and the small input checks.

use super::catalog;

catalog! {
    Harden {
        DirInsecure { en: "{path} can be written by other users (mode {mode}); a secret kept there could be read or replaced", fr: "{path} est modifiable par d'autres utilisateurs (mode {mode}) ; un secret rangé là pourrait être lu ou remplacé" }
        DirInsecureHint { en: "run `chmod 700 {path}`, or point ZELTY_BRIDGE_CONFIG_DIR at a directory only you can write", fr: "lancez `chmod 700 {path}`, ou faites pointer ZELTY_BRIDGE_CONFIG_DIR vers un dossier que vous seul pouvez modifier" }
        DirNotOwned { en: "{path} belongs to another user (uid {uid})", fr: "{path} appartient à un autre utilisateur (uid {uid})" }
        DirNotOwnedHint { en: "point ZELTY_BRIDGE_CONFIG_DIR at a directory of your own", fr: "faites pointer ZELTY_BRIDGE_CONFIG_DIR vers un dossier à vous" }
        ConfigDirRelative { en: "ZELTY_BRIDGE_CONFIG_DIR must be an absolute path, not {value}", fr: "ZELTY_BRIDGE_CONFIG_DIR doit être un chemin absolu, pas {value}" }
        ConfigDirRelativeHint { en: "for example ZELTY_BRIDGE_CONFIG_DIR=\"$PWD/{value}\"", fr: "par exemple ZELTY_BRIDGE_CONFIG_DIR=\"$PWD/{value}\"" }
        RollbackFailed { en: "the connection could not be saved, and the secrets already written could not all be removed: {users}", fr: "la connexion n'a pas pu être enregistrée, et les secrets déjà écrits n'ont pas tous pu être retirés : {users}" }
        RollbackFailedHint { en: "free some space, then run `zelty-bridge disconnect --force` to remove what was left", fr: "libérez de la place, puis lancez `zelty-bridge disconnect --force` pour retirer ce qui reste" }
        OrphanFound { en: "secrets of profile {profile} are stored without its profile file: {users}", fr: "des secrets du profil {profile} sont rangés sans son fichier de profil : {users}" }
        OrphanRemoved { en: "Removed the secrets left without a profile: {users}", fr: "Secrets laissés sans profil retirés : {users}" }
        OrphanKeyNotReused { en: "a Zelty key of profile {profile} is stored without its profile file, beside a token: it is not used (give the key, or run `zelty-bridge disconnect --force` to remove both)", fr: "une clé Zelty du profil {profile} est rangée sans son fichier de profil, avec un jeton : elle n’est pas utilisée (donnez la clé, ou lancez `zelty-bridge disconnect --force` pour retirer les deux)" }
        TerminatedBySignal { en: "stopped by {signal}", fr: "arrêté par {signal}" }
        InterruptedAfterStoring { en: "interrupted: {stored} connection(s) were stored before the interruption, the others were not", fr: "interrompu : {stored} connexion(s) ont été enregistrées avant l'interruption, les autres non" }
        InterruptedAfterStoringHint { en: "run the same command again to finish: stored restaurants are reported as already connected", fr: "relancez la même commande pour terminer : les restaurants déjà enregistrés seront signalés comme déjà connectés" }
        NotStoredInterrupted { en: "interrupted before this connection was stored", fr: "interrompu avant l’enregistrement de cette connexion" }
        StdinNotUtf8 { en: "the key read from standard input is not valid text (UTF-8)", fr: "la clé lue sur l'entrée standard n'est pas du texte valide (UTF-8)" }
        SecretHasControl { en: "a key or token for {service} contains a line break or a control character, which no request can carry", fr: "une clé ou un jeton pour {service} contient un saut de ligne ou un caractère de contrôle, qu'aucune requête ne peut transporter" }
        SecretHasControlHint { en: "copy it again, on one line (check ZELTY_API_KEY and HUBRISE_ACCESS_TOKEN)", fr: "copiez-le de nouveau, sur une seule ligne (vérifiez ZELTY_API_KEY et HUBRISE_ACCESS_TOKEN)" }
        BadId { en: "{what} “{id}” is not a valid HubRise id", fr: "{what} « {id} » n’est pas un identifiant HubRise valide" }
        PlainHttpRefused { en: "{var} uses plain http:// off this machine ({value}): the key and the token would cross the network unencrypted", fr: "{var} utilise http:// sans chiffrement hors de cette machine ({value}) : la clé et le jeton traverseraient le réseau en clair" }
        PlainHttpRefusedHint { en: "use https://, or, knowing the risk, pass --allow-insecure or set ZELTY_BRIDGE_ALLOW_INSECURE=1", fr: "utilisez https://, ou, en connaissance de cause, passez --allow-insecure ou définissez ZELTY_BRIDGE_ALLOW_INSECURE=1" }
        PlainHttp { en: "{var} uses plain http:// ({value}): the key and the token would cross the network unencrypted", fr: "{var} utilise http:// sans chiffrement ({value}) : la clé et le jeton traverseraient le réseau en clair" }
        ConfigCorruptAt { en: "{path} is not valid TOML (line {line}); its content is not shown because it may hold the client secret", fr: "{path} n'est pas du TOML valide (ligne {line}) ; son contenu n'est pas affiché car il peut contenir le secret client" }
        ManifestNotRegular { en: "{path} is not a regular file", fr: "{path} n'est pas un fichier ordinaire" }
    }
}
