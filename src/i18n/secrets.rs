//! Messages about where secrets are kept: items the keyring cannot choose between, what
//! removing a profile's secrets found in each store, and secrets left without a profile.

use super::catalog;

catalog! {
    Secrets {
        KeyringAmbiguous { en: "{count} keyring items match {user}, and zelty-bridge will not guess which one holds the secret: {items}", fr: "{count} éléments du trousseau correspondent à {user}, et zelty-bridge ne devinera pas lequel contient le secret : {items}" }
        KeyringAmbiguousHint { en: "keep one and delete the others (Seahorse's \"Passwords and Keys\", or `secret-tool clear` with the attributes shown by `secret-tool search --all service {service} username {user}`), then run the command again", fr: "gardez-en un et supprimez les autres (Seahorse « Mots de passe et clés », ou `secret-tool clear` avec les attributs qu'affiche `secret-tool search --all service {service} username {user}`), puis relancez la commande" }
        RemovedFrom { en: "{store}: removed {users}", fr: "{store} : {users} retiré(s)" }
        NothingIn { en: "{store}: nothing stored for this profile", fr: "{store} : rien d'enregistré pour ce profil" }
        NotChecked { en: "{store}: could not be checked ({why})", fr: "{store} : impossible à vérifier ({why})" }
        WhyUnavailable { en: "not available on this machine", fr: "pas disponible sur cette machine" }
        WhyNotResponding { en: "not responding", fr: "ne répond pas" }
        WhyLocked { en: "locked", fr: "verrouillé" }
        WhyAmbiguous { en: "several items for one secret", fr: "plusieurs éléments pour un même secret" }
        WhyInsecure { en: "the secrets file is readable by other users", fr: "le fichier de secrets est lisible par d'autres utilisateurs" }
        WhyRefused { en: "it refused the request", fr: "il a refusé la demande" }
        OrphanFound { en: "secrets of profile {profile} are stored without its profile file: {users}", fr: "des secrets du profil {profile} sont rangés sans son fichier de profil : {users}" }
        OrphanRemoved { en: "Removed the secrets left without a profile: {users}", fr: "Secrets laissés sans profil retirés : {users}" }
        OrphanKeyNotReused { en: "a Zelty key of profile {profile} is stored without its profile file, beside a token: it is not used (give the key, or run `zelty-bridge disconnect --force` to remove both)", fr: "une clé Zelty du profil {profile} est rangée sans son fichier de profil, avec un jeton : elle n’est pas utilisée (donnez la clé, ou lancez `zelty-bridge disconnect --force` pour retirer les deux)" }
    }
}
