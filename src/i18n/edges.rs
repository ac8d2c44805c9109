//! Messages at the edges of a run: a refusal on the loopback that cannot be trusted, a
//! result that could not be written, an environment or a file that cannot be trusted.

use super::catalog;

catalog! {
    Edges {
        RefusalOnLoopback { en: "A refusal ({error}) arrived on the local callback without this authorization's state: it may come from HubRise, or from another program on this machine.", fr: "Un refus ({error}) est arrivé sur l’adresse de retour locale sans l’état de cette autorisation : il peut venir de HubRise, ou d’un autre programme de cette machine." }
        RefusalConfirm { en: "Did you refuse the authorization in the browser?", fr: "Avez-vous refusé l’autorisation dans le navigateur ?" }
        RefusalIgnored { en: "The refusal is ignored; still waiting for HubRise's answer.", fr: "Le refus est ignoré ; l’attente de la réponse de HubRise continue." }
        StdoutFailed { en: "the result could not be written to standard output ({why})", fr: "le résultat n’a pas pu être écrit sur la sortie standard ({why})" }
        StdoutFailedHint { en: "check where the output goes: a full disk, or a closed or read-only file", fr: "vérifiez où va la sortie : un disque plein, ou un fichier fermé ou en lecture seule" }
        EnvNotUtf8 { en: "{var} is not valid text (UTF-8), so it cannot be used, and it is not replaced by a default", fr: "{var} n’est pas du texte valide (UTF-8) : elle ne peut pas servir, et n’est pas remplacée par une valeur par défaut" }
        EnvNotUtf8Hint { en: "give {var} a value written in UTF-8, or unset it", fr: "donnez à {var} une valeur écrite en UTF-8, ou retirez-la" }
        ProfileFileInsecure { en: "{path} belongs to another user or can be written by other users; its content is not used", fr: "{path} appartient à un autre utilisateur ou est modifiable par d’autres utilisateurs ; son contenu n’est pas utilisé" }
        ProfileFileInsecureHint { en: "if you wrote it, run `chmod 600 {path}`; otherwise remove it", fr: "si vous l’avez écrit, lancez `chmod 600 {path}` ; sinon, supprimez-le" }
        ManifestValueLikeSecret { en: "{path}: a value of restaurant {entry} looks like a key or a token, so it is not shown", fr: "{path} : une valeur du restaurant {entry} ressemble à une clé ou à un jeton, elle n’est donc pas affichée" }
        ManifestValueLikeSecretHint { en: "a manifest names the variables that hold secrets (`zelty_api_key_env = \"PARIS_ZELTY_KEY\"`); profile names are short words such as `paris-11`", fr: "un manifeste nomme les variables qui contiennent les secrets (`zelty_api_key_env = \"PARIS_ZELTY_KEY\"`) ; les noms de profil sont des mots courts comme `paris-11`" }
    }
}
