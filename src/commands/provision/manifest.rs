//! The provisioning manifest (TOML): per restaurant a profile, the *names* of the variables
//! holding its secrets, and which HubRise location. It is checked whole before anything
//! runs (a bad manifest is exit 2 and nothing happens), except that a restaurant carrying a
//! secret inline is refused on its own (`inline_secret`) so the others still run. No value
//! from the file is ever echoed where it could be a secret.

use crate::error::{Failure, Kind};
use crate::i18n::Provision;
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
    // Opened without blocking (a FIFO would wait for a writer for ever), then checked on the
    // open file: only a regular file is read (`/dev/zero` has no end), and never more than
    // the cap, whatever its size said.
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, rustix::fs::OFlags::NONBLOCK.bits() as i32);
    let file = options.open(path).map_err(|e| unreadable(e.to_string()))?;
    let meta = file.metadata().map_err(|e| unreadable(e.to_string()))?;
    if !meta.is_file() {
        return Err(unreadable(Provision::ManifestNotRegular.with("path", path.display()).to_string()).into());
    }
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::Read::take(file, MAX_BYTES + 1), &mut bytes)
        .map_err(|e| unreadable(e.to_string()))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(unreadable(format!("over {} MiB", MAX_BYTES >> 20)).into());
    }
    let text = String::from_utf8(bytes).map_err(|e| unreadable(e.to_string()))?;
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
        let label = named.clone().filter(|n| !looks_like_secret(n)).unwrap_or_else(|| format!("#{}", i + 1));
        // A key pasted as a profile name (or as a field's name) would be printed in every
        // message about this restaurant, and written as a file name: refuse it unseen.
        if named.as_deref().is_some_and(looks_like_secret) || table.keys().any(|k| looks_like_secret(k)) {
            return Err(Failure::new(
                Kind::Usage,
                "bad_manifest",
                Provision::ManifestValueLikeSecret.with("path", path).with("entry", &label),
            )
            .hint(Provision::ManifestValueLikeSecretHint.text()));
        }
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

/// Whether a manifest value looks like a key or a token rather than a name: one long word,
/// in hex (HubRise tokens), with base64's `+/=` (Zelty keys), or mixing upper case, lower
/// case and digits without separators; or a secret this run already knows.
pub fn looks_like_secret(value: &str) -> bool {
    let value = value.trim();
    let len = value.chars().count();
    if len < 16 || value.contains(char::is_whitespace) {
        return crate::secret::redact(value) != value;
    }
    let count = |f: fn(&char) -> bool| value.chars().filter(f).count();
    let (digits, upper, lower) =
        (count(char::is_ascii_digit), count(char::is_ascii_uppercase), count(char::is_ascii_lowercase));
    let hex = value.chars().all(|c| c.is_ascii_hexdigit());
    let base64 = value.contains(['+', '/', '=']) && !value.contains("://");
    let separated = value.contains(['-', '_', '.']);
    (hex && len >= 24)
        || base64
        || (!separated && len >= 20 && digits >= 2 && upper > 0 && lower > 0)
        || crate::secret::redact(value) != value
}

/// serde quotes values it could not use (`invalid type: string "…"`): drop them, since a
/// misplaced secret would otherwise be printed; a field name in backquotes (`unknown field
/// `…``) is dropped too when it looks like a secret.
fn redact(message: &str) -> String {
    let message = &hide_secret_like_names(message);
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

/// Replaces each backquoted word that `looks_like_secret` with `…`.
fn hide_secret_like_names(message: &str) -> String {
    let parts: Vec<&str> = message.split('`').collect();
    parts
        .iter()
        .enumerate()
        .map(|(i, part)| if i % 2 == 1 && i + 1 < parts.len() && looks_like_secret(part) { "…" } else { part })
        .collect::<Vec<_>>()
        .join("`")
}

#[cfg(test)]
mod tests;
