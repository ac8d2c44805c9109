//! Texts of a first hour with the tool: what to do after the last try at the key prompt,
//! and the words that say what a service or the keyring did.

use super::catalog;

catalog! {
    FirstHour {
        KeyTriesOver { en: "No working Zelty key after {tries} tries; nothing was stored", fr: "Pas de clé Zelty valable après {tries} essais ; rien n'a été enregistré" }
        KeyTriesOverHint { en: "copy the key again from the Zelty back office (Marketplace > Hubrise V2) and run `zelty-bridge connect` again, or give it in the environment: `ZELTY_API_KEY=… zelty-bridge connect`", fr: "copiez à nouveau la clé dans le back-office Zelty (Marketplace > Hubrise V2) et relancez `zelty-bridge connect`, ou donnez-la par l'environnement : `ZELTY_API_KEY=… zelty-bridge connect`" }
        RetrySlowDown { en: "{service} asked us to slow down ({why}); try {n} of {of} in {wait} s", fr: "{service} nous a demandé de ralentir ({why}) ; essai {n} sur {of} dans {wait} s" }
        SlowedDown { en: "{service} asked us to slow down ({why}) and still did after {tries} tries", fr: "{service} nous a demandé de ralentir ({why}), encore après {tries} tentatives" }
        SlowedDownHint { en: "wait a minute and try again: {service} limits how many calls a key makes", fr: "attendez une minute et réessayez : {service} limite le nombre d'appels par clé" }
        KnownCatalogs { en: "check {field} of profile {profile} in the manifest; this location's catalogs: {known}", fr: "vérifiez {field} du profil {profile} dans le manifeste ; catalogues de ce point de vente : {known}" }
        HeldIn { en: "{message} (the key in {var})", fr: "{message} (la clé de {var})" }
        // The placeholders of `--help` (`--profile <NAME>`), in the reader's language.
        ValueName { en: "NAME", fr: "NOM" }
        ValueSecs { en: "SECS", fr: "SECONDES" }
        ValueFile { en: "FILE", fr: "FICHIER" }
        ValueWhen { en: "WHEN", fr: "QUAND" }
        ValueLang { en: "LANG", fr: "LANGUE" }
        ValueScope { en: "SCOPE", fr: "PORTÉE" }
        ValueManifest { en: "MANIFEST", fr: "MANIFESTE" }
        ValueShell = same { en: "SHELL", fr: "SHELL" }
    }
}

/// The `--help` placeholders by their English name.
pub const VALUE_NAMES: &[(&str, FirstHour)] = &[
    ("NAME", FirstHour::ValueName),
    ("SECS", FirstHour::ValueSecs),
    ("FILE", FirstHour::ValueFile),
    ("WHEN", FirstHour::ValueWhen),
    ("LANG", FirstHour::ValueLang),
    ("SCOPE", FirstHour::ValueScope),
    ("MANIFEST", FirstHour::ValueManifest),
    ("SHELL", FirstHour::ValueShell),
];
