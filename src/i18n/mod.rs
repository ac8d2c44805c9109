//! Every sentence a person reads, in French and English: the `Lang` type, the `catalog!`
//! macro that makes a message table, and the `Text` value that carries a message and its
//! arguments until the moment it is rendered in the user's language.
//!
//! Messages are templates with `{name}` placeholders. A table is an enum, so a missing
//! translation is a compile error, and the tests below prove that both languages of every
//! message are non-empty and use the same placeholders.

mod bridge;
mod cli;
mod fleet;
mod harden;
mod help;
mod sandbox_web;
mod secrets;
mod web;

pub use bridge::Bridge;
pub use cli::Msg;
pub use fleet::Fleet;
pub use harden::Harden;
pub use help::{Help, Ux};
pub use sandbox_web::SandboxWeb;
pub use secrets::Secrets;
pub use web::Web;

use std::fmt;

/// The two languages of the tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    /// The language of a locale string such as `fr_FR.UTF-8`: French when it starts with
    /// `fr`, English otherwise.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("fr") { Lang::Fr } else { Lang::En }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// A message table made by `catalog!`.
pub trait Catalog: Copy + fmt::Debug + 'static {
    /// Every message, for the completeness tests.
    #[cfg_attr(not(test), allow(dead_code))]
    const ALL: &'static [Self];
    /// Whether the French and English texts may be identical (names, codes).
    #[cfg_attr(not(test), allow(dead_code))]
    fn same_in_both(self) -> bool {
        false
    }
    fn template(self, lang: Lang) -> &'static str;
    fn name(self) -> &'static str;
}

/// Defines a message table: `Name { Key { en: "…", fr: "…" } … }`. A key written
/// `Key = same { en: "…", fr: "…" }` may have the same text in both languages.
macro_rules! catalog {
    ($(#[$meta:meta])* $name:ident { $( $key:ident $(= $same:ident)? { en: $en:literal, fr: $fr:literal $(,)? } )* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $( $key, )* }

        impl $crate::i18n::Catalog for $name {
            const ALL: &'static [Self] = &[ $( $name::$key, )* ];
            fn same_in_both(self) -> bool {
                match self { $( $name::$key => catalog!(@same $($same)?), )* }
            }
            fn name(self) -> &'static str {
                match self { $( $name::$key => stringify!($key), )* }
            }
            fn template(self, lang: $crate::i18n::Lang) -> &'static str {
                match (self, lang) {
                    $(
                        ($name::$key, $crate::i18n::Lang::En) => $en,
                        ($name::$key, $crate::i18n::Lang::Fr) => $fr,
                    )*
                }
            }
        }

        // Helpers for every table; not every table uses all of them.
        #[allow(dead_code)]
        impl $name {
            /// This message with no argument yet.
            pub fn text(self) -> $crate::i18n::Text {
                $crate::i18n::Text::new(self)
            }
            /// This message with one argument.
            pub fn with(self, name: &'static str, value: impl ::std::fmt::Display) -> $crate::i18n::Text {
                $crate::i18n::Text::new(self).with(name, value)
            }
            pub fn render(self, lang: $crate::i18n::Lang) -> String {
                $crate::i18n::Text::new(self).render(lang)
            }
        }
    };
    (@same same) => { true };
    (@same) => { false };
}
pub(crate) use catalog;

/// A message and its arguments, rendered late so that errors made deep in the code come out
/// in the user's language.
#[derive(Clone)]
pub struct Text {
    en: &'static str,
    fr: &'static str,
    key: &'static str,
    args: Vec<(&'static str, String)>,
}

impl Text {
    pub fn new<C: Catalog>(key: C) -> Text {
        Text { en: key.template(Lang::En), fr: key.template(Lang::Fr), key: key.name(), args: Vec::new() }
    }

    /// Adds a `{name}` argument.
    pub fn with(mut self, name: &'static str, value: impl fmt::Display) -> Text {
        self.args.push((name, value.to_string()));
        self
    }

    pub fn render(&self, lang: Lang) -> String {
        let template = match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
        };
        fill(template, &self.args)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Text({})", self.key)
    }
}

/// English, for `Display` in logs and `anyhow` chains; people see `render(lang)`.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Replaces each `{name}` in `template` by its argument; `{{` and `}}` are literal braces.
pub fn fill(template: &str, args: &[(&'static str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find(['{', '}']) {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push(tail.as_bytes()[0] as char);
            rest = &tail[2..];
            continue;
        }
        if let (true, Some(close)) = (tail.starts_with('{'), tail.find('}')) {
            let name = &tail[1..close];
            match args.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => out.push_str(value),
                None => out.push_str(&tail[..=close]),
            }
            rest = &tail[close + 1..];
        } else {
            out.push(tail.as_bytes()[0] as char);
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a template, sorted, for the completeness tests.
#[cfg(test)]
pub fn placeholders(template: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = template.replace("{{", "").replace("}}", "");
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        names.push(rest[open + 1..open + close].to_string());
        rest = rest[open + close + 1..].to_string();
    }
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message of a table exists in both languages, non-empty, with the same
    /// placeholders, and differs between them unless marked `same`.
    fn check_catalog<C: Catalog>() -> Vec<String> {
        let mut problems = Vec::new();
        for &key in C::ALL {
            let (en, fr) = (key.template(Lang::En), key.template(Lang::Fr));
            if en.trim().is_empty() || fr.trim().is_empty() {
                problems.push(format!("{key:?}: a language is empty"));
            }
            if placeholders(en) != placeholders(fr) {
                problems.push(format!(
                    "{key:?}: placeholders differ: {:?} vs {:?}",
                    placeholders(en),
                    placeholders(fr)
                ));
            }
            if en == fr && !key.same_in_both() {
                problems.push(format!("{key:?}: French is a copy of English"));
            }
        }
        problems
    }

    #[test]
    fn every_cli_message_is_in_both_languages() {
        assert_eq!(check_catalog::<Msg>(), Vec::<String>::new());
    }

    #[test]
    fn every_bridge_app_message_is_in_both_languages() {
        assert_eq!(check_catalog::<Bridge>(), Vec::<String>::new());
    }

    #[test]
    fn every_harden_message_is_in_both_languages() {
        assert_eq!(check_catalog::<Harden>(), Vec::<String>::new());
    }

    #[test]
    fn every_help_and_terminal_word_is_in_both_languages() {
        assert_eq!([check_catalog::<Help>(), check_catalog::<Ux>()].concat(), Vec::<String>::new());
    }

    #[test]
    fn every_fleet_message_is_in_both_languages() {
        assert_eq!(check_catalog::<Fleet>(), Vec::<String>::new());
    }

    #[test]
    fn every_secrets_message_is_in_both_languages() {
        assert_eq!(check_catalog::<Secrets>(), Vec::<String>::new());
    }

    #[test]
    fn every_web_page_text_is_in_both_languages() {
        assert_eq!(check_catalog::<Web>(), Vec::<String>::new());
    }

    #[test]
    fn every_sandbox_page_text_is_in_both_languages() {
        assert_eq!(check_catalog::<SandboxWeb>(), Vec::<String>::new());
    }

    #[test]
    fn fill_replaces_known_placeholders_and_keeps_literal_braces() {
        let args = vec![("n", "3".to_string())];
        assert_eq!(fill("{n} items {{x}} {missing}", &args), "3 items {x} {missing}");
        assert_eq!(fill("no braces", &args), "no braces");
        assert_eq!(fill("dangling { brace", &args), "dangling { brace");
    }

    #[test]
    fn placeholders_are_sorted_and_unique() {
        assert_eq!(placeholders("{b} {a} {b} {{lit}}"), vec!["a", "b"]);
    }

    #[test]
    fn locale_picks_french_only_for_fr() {
        for (locale, lang) in [
            ("fr_FR.UTF-8", Lang::Fr),
            ("FR", Lang::Fr),
            ("fr", Lang::Fr),
            ("en_US", Lang::En),
            ("C", Lang::En),
            ("", Lang::En),
            ("de_DE", Lang::En),
        ] {
            assert_eq!(Lang::from_locale(locale), lang, "{locale}");
        }
    }
}
