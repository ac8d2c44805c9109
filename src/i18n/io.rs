//! What a person or a script hands in, and where results go: the key prompt's last try,
//! stdin and tokens that cannot be used, ids that cannot reach an API, a stdout that fails.

use super::catalog;

catalog! {
    Io {
        KeyTriesOver { en: "No working Zelty key after {tries} tries; nothing was stored", fr: "Pas de clé Zelty valable après {tries} essais ; rien n'a été enregistré" }
        KeyTriesOverHint { en: "copy the key again from the Zelty back office (Marketplace > Hubrise V2) and run `zelty-bridge connect` again, or give it in the environment: `ZELTY_API_KEY=… zelty-bridge connect`", fr: "copiez à nouveau la clé dans le back-office Zelty (Marketplace > Hubrise V2) et relancez `zelty-bridge connect`, ou donnez-la par l'environnement : `ZELTY_API_KEY=… zelty-bridge connect`" }
        StdinNotUtf8 { en: "the key read from standard input is not valid text (UTF-8)", fr: "la clé lue sur l'entrée standard n'est pas du texte valide (UTF-8)" }
        SecretHasControl { en: "a key or token for {service} contains a line break or a control character, which no request can carry", fr: "une clé ou un jeton pour {service} contient un saut de ligne ou un caractère de contrôle, qu'aucune requête ne peut transporter" }
        SecretHasControlHint { en: "copy it again, on one line (check ZELTY_API_KEY and HUBRISE_ACCESS_TOKEN)", fr: "copiez-le de nouveau, sur une seule ligne (vérifiez ZELTY_API_KEY et HUBRISE_ACCESS_TOKEN)" }
        BadId { en: "{what} “{id}” is not a valid HubRise id", fr: "{what} « {id} » n’est pas un identifiant HubRise valide" }
        StdoutFailed { en: "the result could not be written to standard output ({why})", fr: "le résultat n’a pas pu être écrit sur la sortie standard ({why})" }
        StdoutFailedHint { en: "check where the output goes: a full disk, or a closed or read-only file", fr: "vérifiez où va la sortie : un disque plein, ou un fichier fermé ou en lecture seule" }
    }
}
