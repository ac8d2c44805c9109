//! `provision` and its manifest: a file that is not one, values that look like secrets,
//! catalogs that do not exist, the variable that held a refused key.

use super::catalog;

catalog! {
    Provision {
        ManifestNotRegular { en: "{path} is not a regular file", fr: "{path} n'est pas un fichier ordinaire" }
        ManifestValueLikeSecret { en: "{path}: a value of restaurant {entry} looks like a key or a token, so it is not shown", fr: "{path} : une valeur du restaurant {entry} ressemble à une clé ou à un jeton, elle n’est donc pas affichée" }
        ManifestValueLikeSecretHint { en: "a manifest names the variables that hold secrets (`zelty_api_key_env = \"PARIS_ZELTY_KEY\"`); profile names are short words such as `paris-11`", fr: "un manifeste nomme les variables qui contiennent les secrets (`zelty_api_key_env = \"PARIS_ZELTY_KEY\"`) ; les noms de profil sont des mots courts comme `paris-11`" }
        KnownCatalogs { en: "check {field} of profile {profile} in the manifest; this location's catalogs: {known}", fr: "vérifiez {field} du profil {profile} dans le manifeste ; catalogues de ce point de vente : {known}" }
        HeldIn { en: "{message} (the key in {var})", fr: "{message} (la clé de {var})" }
    }
}
