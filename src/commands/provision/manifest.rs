//! The provisioning manifest (TOML): per restaurant a profile, the *names* of the variables
//! holding its secrets, and which HubRise location. It is checked whole before anything
//! runs (a bad manifest is exit 2 and nothing happens), except that a restaurant carrying a
//! secret inline is refused on its own (`inline_secret`) so the others still run. No value
//! from the file is ever echoed where it could be a secret.

use crate::error::{Failure, Kind};
use crate::i18n::{Msg, Text};
use crate::profile;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::Path;

/// Where a restaurant's HubRise access comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HubriseSource {
    /// A location-level token in this variable: `GET /location` and friends.
    Token { env: String },
    /// A location served by the manifest's account-level token: `GET /locations/:id`.
    Account { location_id: String },
}

/// What to do for one restaurant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub zelty_key_env: String,
    pub restaurant_id: Option<i64>,
    pub hubrise: HubriseSource,
    pub catalog_id: Option<String>,
    pub customer_list_id: Option<String>,
}

/// One `[[restaurant]]`: its plan, or why it was refused on its own.
#[derive(Debug)]
pub struct Entry {
    pub profile: String,
    pub plan: Result<Plan, Failure>,
}

#[derive(Debug)]
pub struct Manifest {
    /// The variable holding the account-level token (`account[...]` scope), if any.
    pub account_token_env: Option<String>,
    pub entries: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTop {
    hubrise_account_token_env: Option<String>,
    #[serde(default)]
    restaurant: Vec<toml::Table>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRestaurant {
    profile: String,
    zelty_api_key_env: String,
    restaurant_id: Option<i64>,
    hubrise_access_token_env: Option<String>,
    location_id: Option<String>,
    catalog_id: Option<String>,
    customer_list_id: Option<String>,
}

/// The largest manifest read: thousands of restaurants fit in far less.
const MAX_BYTES: u64 = 4 << 20;

pub fn load(path: &Path) -> anyhow::Result<Manifest> {
    let unreadable = |detail: String| {
        Failure::new(Kind::Usage, "manifest_unreadable", Msg::ManifestUnreadable.with("path", path.display()))
            .detail(detail)
    };
    let meta = std::fs::metadata(path).map_err(|e| unreadable(e.to_string()))?;
    if meta.len() > MAX_BYTES {
        return Err(unreadable(format!("over {} MiB", MAX_BYTES >> 20)).into());
    }
    let text = std::fs::read_to_string(path).map_err(|e| unreadable(e.to_string()))?;
    parse(&text, &path.display().to_string()).map_err(anyhow::Error::from)
}

/// Parses and checks a manifest; `path` only names it in messages.
#[allow(clippy::result_large_err)] // a manifest is parsed once; its failure is the whole outcome
pub fn parse(text: &str, path: &str) -> Result<Manifest, Failure> {
    let bad = |msg: Text| Failure::new(Kind::Usage, "bad_manifest", msg).hint(Msg::ManifestHint.text());
    // toml's own Display quotes the offending source line, which may hold a secret: only
    // its message and the line number are shown.
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| text[..s.start.min(text.len())].lines().count().max(1));
        bad(Msg::ManifestSyntax.with("path", path).with("line", line)).detail(redact(e.message().trim()))
    })?;
    if let Some(field) = secret_field(&table) {
        return Err(inline_secret(&field, path));
    }
    let top: RawTop = toml::Value::Table(table)
        .try_into()
        .map_err(|e: toml::de::Error| bad(Msg::ManifestInvalid.with("path", path)).detail(redact(e.message())))?;
    if top.restaurant.is_empty() {
        return Err(bad(Msg::ManifestNoRestaurant.with("path", path)));
    }
    let has_account_token = top.hubrise_account_token_env.is_some();
    let mut entries = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, table) in top.restaurant.into_iter().enumerate() {
        let named = table.get("profile").and_then(|p| p.as_str()).map(str::to_string);
        let label = named.clone().unwrap_or_else(|| format!("#{}", i + 1));
        let entry_bad = |msg: Msg| bad(msg.with("path", path).with("entry", &label));
        let refused = secret_field(&table);
        let raw = match refused {
            // Its other fields are not looked at: the entry is refused whatever they say.
            Some(_) => None,
            None => Some(
                toml::Value::Table(table)
                    .try_into::<RawRestaurant>()
                    .map_err(|e| entry_bad(Msg::ManifestInvalidEntry).detail(redact(e.message())))?,
            ),
        };
        let profile = raw
            .as_ref()
            .map(|r| r.profile.clone())
            .or(named)
            .ok_or_else(|| entry_bad(Msg::ManifestInvalidEntry).detail("missing field `profile`"))?;
        profile::validate_name(&profile)?;
        if !seen.insert(profile.clone()) {
            return Err(Failure::new(
                Kind::Usage,
                "duplicate_profile",
                Msg::ManifestDuplicate.with("profile", &profile),
            )
            .hint(Msg::ManifestHint.text()));
        }
        let plan = match (refused, raw) {
            (Some(field), _) => Err(inline_secret(&field, &profile)),
            (None, Some(raw)) => Ok(plan(raw, has_account_token).map_err(entry_bad)?),
            (None, None) => unreachable!("an entry is either refused or parsed"),
        };
        entries.push(Entry { profile, plan });
    }
    Ok(Manifest { account_token_env: top.hubrise_account_token_env, entries })
}

/// An entry's plan, or the message saying what is wrong with it.
fn plan(raw: RawRestaurant, has_account_token: bool) -> Result<Plan, Msg> {
    let hubrise = match (raw.hubrise_access_token_env, raw.location_id) {
        (Some(env), None) => HubriseSource::Token { env },
        (None, Some(location_id)) if has_account_token => HubriseSource::Account { location_id },
        (None, Some(_)) => return Err(Msg::ManifestNeedsAccountToken),
        (Some(_), Some(_)) => return Err(Msg::ManifestTwoSources),
        (None, None) => return Err(Msg::ManifestNoSource),
    };
    let location_id = match &hubrise {
        HubriseSource::Account { location_id } => Some(location_id),
        HubriseSource::Token { .. } => None,
    };
    // Ids become URL path segments and file contents: keep them plausible.
    if [location_id, raw.catalog_id.as_ref(), raw.customer_list_id.as_ref()]
        .into_iter()
        .flatten()
        .any(|v| v.trim().is_empty() || v.len() > 64)
    {
        return Err(Msg::ManifestBadId);
    }
    Ok(Plan {
        zelty_key_env: raw.zelty_api_key_env,
        restaurant_id: raw.restaurant_id,
        hubrise,
        catalog_id: raw.catalog_id,
        customer_list_id: raw.customer_list_id,
    })
}

/// The first field of a table that holds a secret instead of naming a variable: a key
/// called like a secret (`token`, `zelty_api_key`, `*_secret`…), or a `*_env` whose
/// value is not a variable name.
fn secret_field(table: &toml::Table) -> Option<String> {
    table.iter().find_map(|(key, value)| {
        let k = key.to_ascii_lowercase();
        let secret_name =
            ["token", "key", "secret", "password"].iter().any(|s| k == *s || k.ends_with(&format!("_{s}")));
        let bad_env = k.ends_with("_env") && !value.as_str().is_some_and(is_var_name);
        (secret_name || bad_env).then(|| key.clone())
    })
}

/// `^[A-Z_][A-Z0-9_]*$`: what CI systems accept as a secret variable's name. Zelty keys
/// (base64) and HubRise tokens (lowercase hex) never match.
pub fn is_var_name(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_uppercase() || b == b'_')
        && bytes.all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        && s.len() <= 128
}

fn inline_secret(field: &str, entry: &str) -> Failure {
    Failure::new(Kind::Usage, "inline_secret", Msg::InlineSecret.with("field", field).with("entry", entry))
        .hint(Msg::InlineSecretHint.text())
}

/// serde quotes values it could not use (`invalid type: string "…"`): drop them, since a
/// misplaced secret would otherwise be printed.
fn redact(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut inside = false;
    for c in message.chars() {
        if c == '"' {
            if inside {
                out.push_str("…\"");
            } else {
                out.push('"');
            }
            inside = !inside;
        } else if !inside {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "MTIzNDU6q83vEjRWeJq83vEjRWeJq83vEjQ=";

    fn code(text: &str) -> &'static str {
        parse(text, "m.toml").map(|_| "ok").unwrap_or_else(|f| f.code)
    }

    #[test]
    fn the_example_file_parses() {
        let text = include_str!("../../../tests/fixtures/provision.example.toml");
        let m = parse(text, "example").unwrap();
        assert_eq!(m.account_token_env.as_deref(), Some("HUBRISE_ACCOUNT_TOKEN"));
        assert!(m.entries.len() >= 2);
        assert!(m.entries.iter().all(|e| e.plan.is_ok()));
        assert!(m.entries.iter().any(|e| matches!(e.plan, Ok(Plan { hubrise: HubriseSource::Token { .. }, .. }))));
        assert!(m.entries.iter().any(|e| matches!(e.plan, Ok(Plan { hubrise: HubriseSource::Account { .. }, .. }))));
    }

    #[test]
    fn a_full_manifest_becomes_plans() {
        let m = parse(
            r#"
            hubrise_account_token_env = "HUBRISE_ACCOUNT_TOKEN"
            [[restaurant]]
            profile = "paris-11"
            zelty_api_key_env = "ZELTY_KEY_PARIS_11"
            location_id = "3r4s3-0"
            catalog_id = "87yu4"
            [[restaurant]]
            profile = "lyon"
            zelty_api_key_env = "ZELTY_KEY_LYON"
            hubrise_access_token_env = "HUBRISE_TOKEN_LYON"
            restaurant_id = 12345
            "#,
            "m.toml",
        )
        .unwrap();
        let plans: Vec<&Plan> = m.entries.iter().map(|e| e.plan.as_ref().unwrap()).collect();
        assert_eq!(plans[0].hubrise, HubriseSource::Account { location_id: "3r4s3-0".into() });
        assert_eq!(plans[0].catalog_id.as_deref(), Some("87yu4"));
        assert_eq!(plans[1].hubrise, HubriseSource::Token { env: "HUBRISE_TOKEN_LYON".into() });
        assert_eq!((m.entries[1].profile.as_str(), plans[1].restaurant_id), ("lyon", Some(12345)));
    }

    #[test]
    fn structural_problems_refuse_the_whole_manifest() {
        let r = |body: &str| format!("[[restaurant]]\nprofile = \"a\"\nzelty_api_key_env = \"K\"\n{body}");
        for (text, want) in [
            ("", "bad_manifest"),
            ("hubrise_account_token_env = \"T\"", "bad_manifest"),
            ("[[restaurant]\n", "bad_manifest"),
            (&r("hubrise_access_token_env = \"T\"\nlocatoin_id = \"x-0\""), "bad_manifest"),
            (&r("location_id = \"x-0\""), "bad_manifest"),
            (&r(""), "bad_manifest"),
            (&r("hubrise_access_token_env = \"T\"\nlocation_id = \"x-0\""), "bad_manifest"),
            (&r("hubrise_access_token_env = \"T\"\nrestaurant_id = \"12\""), "bad_manifest"),
            (
                &format!("{}\n{}", r("hubrise_access_token_env = \"T\""), r("hubrise_access_token_env = \"U\"")),
                "duplicate_profile",
            ),
            (
                "[[restaurant]]\nprofile = \"../x\"\nzelty_api_key_env = \"K\"\nhubrise_access_token_env = \"T\"",
                "bad_profile_name",
            ),
            (
                "unknown = 1\n[[restaurant]]\nprofile = \"a\"\nzelty_api_key_env = \"K\"\nhubrise_access_token_env = \"T\"",
                "bad_manifest",
            ),
            (&format!("hubrise_account_token = \"{KEY}\"\n{}", r("hubrise_access_token_env = \"T\"")), "inline_secret"),
            (
                &format!("hubrise_account_token_env = \"{KEY}\"\n{}", r("hubrise_access_token_env = \"T\"")),
                "inline_secret",
            ),
            (&r("hubrise_access_token_env = \"T\""), "ok"),
        ] {
            assert_eq!(code(text), want, "{text}");
        }
    }

    #[test]
    fn an_inline_secret_refuses_only_its_restaurant() {
        let text = format!(
            "[[restaurant]]\nprofile = \"a\"\nzelty_api_key = \"{KEY}\"\nhubrise_access_token_env = \"T\"\n\
             [[restaurant]]\nprofile = \"b\"\nzelty_api_key_env = \"{KEY}\"\nhubrise_access_token_env = \"T\"\n\
             [[restaurant]]\nprofile = \"c\"\nzelty_api_key_env = \"K\"\nhubrise_access_token_env = \"T\"\ntoken = \"b9922a78d3ffab6b95e9d72e88\"\n\
             [[restaurant]]\nprofile = \"d\"\nzelty_api_key_env = \"K\"\nhubrise_access_token_env = \"T\"\n"
        );
        let m = parse(&text, "m.toml").unwrap();
        let codes: Vec<&str> =
            m.entries.iter().map(|e| e.plan.as_ref().map(|_| "ok").unwrap_or_else(|f| f.code)).collect();
        assert_eq!(codes, ["inline_secret", "inline_secret", "inline_secret", "ok"]);
        for entry in &m.entries {
            if let Err(f) = &entry.plan {
                let shown = format!("{} {:?} {:?}", f.message, f.hint.as_ref().map(|h| h.to_string()), f.detail);
                assert!(!shown.contains("MTIz") && !shown.contains("b9922"), "{shown}");
                assert!(shown.contains(&entry.profile));
            }
        }
    }

    #[test]
    fn errors_never_quote_values() {
        let text = format!(
            "[[restaurant]]\nprofile = \"a\"\nzelty_api_key_env = \"K\"\nhubrise_access_token_env = \"T\"\nrestaurant_id = \"{KEY}\"\n"
        );
        let f = parse(&text, "m.toml").unwrap_err();
        let shown = format!("{f}");
        assert!(shown.contains("i64") && shown.contains("a"), "{shown}");
        assert!(!shown.contains("MTIz"), "{shown}");
        let f = parse(&format!("x = \"{KEY}\n"), "m.toml").unwrap_err();
        let shown = format!("{f}");
        assert!(shown.contains("line 1"), "{shown}");
        assert!(!shown.contains("MTIz"), "{shown}");
    }

    #[test]
    fn variable_names_table() {
        for (name, ok) in [
            ("ZELTY_KEY", true),
            ("_X1", true),
            ("A", true),
            ("", false),
            ("1A", false),
            ("zelty_key", false),
            (KEY, false),
            ("b9922a78d3ffab6b95e9d72e88", false),
            ("A-B", false),
        ] {
            assert_eq!(is_var_name(name), ok, "{name}");
        }
    }

    #[test]
    fn redact_drops_quoted_values() {
        assert_eq!(redact("invalid type: string \"MTIz\", expected i64"), "invalid type: string \"…\", expected i64");
        assert_eq!(redact("unknown field `locatoin_id`"), "unknown field `locatoin_id`");
    }
}
