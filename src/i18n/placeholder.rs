//! The placeholders of `--help` (`--profile <NAME>`), in the reader's language.

use super::catalog;

catalog! {
    Placeholder {
        Name { en: "NAME", fr: "NOM" }
        Secs { en: "SECS", fr: "SECONDES" }
        File { en: "FILE", fr: "FICHIER" }
        When { en: "WHEN", fr: "QUAND" }
        Lang { en: "LANG", fr: "LANGUE" }
        Scope { en: "SCOPE", fr: "PORTÉE" }
        Manifest { en: "MANIFEST", fr: "MANIFESTE" }
        Shell = same { en: "SHELL", fr: "SHELL" }
        Count { en: "COUNT", fr: "NOMBRE" }
        Port = same { en: "PORT", fr: "PORT" }
        Ms = same { en: "MS", fr: "MS" }
    }
}

/// The `--help` placeholders by their English name.
pub const VALUE_NAMES: &[(&str, Placeholder)] = &[
    ("NAME", Placeholder::Name),
    ("SECS", Placeholder::Secs),
    ("FILE", Placeholder::File),
    ("WHEN", Placeholder::When),
    ("LANG", Placeholder::Lang),
    ("SCOPE", Placeholder::Scope),
    ("MANIFEST", Placeholder::Manifest),
    ("SHELL", Placeholder::Shell),
    ("COUNT", Placeholder::Count),
    ("PORT", Placeholder::Port),
    ("MS", Placeholder::Ms),
];
