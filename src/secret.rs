//! A secret value (Zelty key, HubRise token, client secret, authorization code): zeroed on
//! drop, masked in `Debug` and `Display`, revealed only through `expose()` at the call that
//! needs it. Every secret made is also remembered so that `redact` can cut it out of any
//! text a server sends back (a server that echoes the `Authorization` header, a form or a
//! value quoted in a JSON error), and core dumps, which would hold copies, are turned off.

use secrecy::{ExposeSecret, SecretString};
use std::fmt;
use std::sync::Mutex;
use zeroize::Zeroizing;

/// Values shorter than this are not cut out of text: they would be found everywhere, and no
/// real key, token, client secret or code is this short.
const MIN_REDACTED: usize = 8;

/// The values of every secret made in this process (and their encoded forms), longest
/// first, so that `redact` can cut them out of a server's words.
static KNOWN: Mutex<Vec<Zeroizing<String>>> = Mutex::new(Vec::new());

/// Every window of `MIN_REDACTED` characters of every known form, as a hash (no copy of a
/// piece of a secret is kept this way; a collision only cuts a little more), kept up to
/// date by `remember` so that `redact` costs one lookup per character of its text.
static WINDOWS: Mutex<Option<std::collections::HashSet<u64>>> = Mutex::new(None);

fn remember(value: &str) {
    if value.len() < MIN_REDACTED {
        return;
    }
    let Ok(mut known) = KNOWN.lock() else { return };
    // The forms a server might echo: as sent in a form body or a query string, inside a
    // JSON string, and in a Basic `Authorization` header (see `remember_basic_auth`).
    let encoded: String = url::form_urlencoded::byte_serialize(value.as_bytes()).collect();
    let json = serde_json::to_string(value).unwrap_or_default();
    let json = json.trim_matches('"').to_string();
    let mut windows = WINDOWS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let windows = windows.get_or_insert_with(Default::default);
    for form in [value.to_string(), encoded, json] {
        if form.len() >= MIN_REDACTED && !known.iter().any(|k| k.as_str() == form) {
            let chars: Zeroizing<Vec<char>> = Zeroizing::new(form.chars().collect());
            windows.extend(chars.windows(MIN_REDACTED).map(window_hash));
            known.push(Zeroizing::new(form));
        }
    }
    known.sort_by_key(|k| std::cmp::Reverse(k.len()));
}

/// Remembers the Basic credentials `id:secret` as a server sees them (base64), so an
/// echoed `Authorization: Basic …` header is cut out too.
pub fn remember_basic_auth(id: &str, secret: &Secret) {
    use base64::Engine as _;
    let encoded = Zeroizing::new(base64::engine::general_purpose::STANDARD.encode(format!("{id}:{}", secret.expose())));
    remember(&encoded);
}

/// `text` with every known secret, and every run of `MIN_REDACTED` or more consecutive
/// characters of one (a server that echoes a key with one character changed or cut, or a
/// fragment of it), replaced by `[redacted]`.
pub fn redact(text: &str) -> String {
    let windows = WINDOWS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let Some(windows) = windows.as_ref().filter(|w| !w.is_empty()) else { return text.to_string() };
    let chars: Vec<char> = text.chars().collect();
    if chars.len() < MIN_REDACTED {
        return text.to_string();
    }
    let mut cut = vec![false; chars.len()];
    for i in 0..=chars.len() - MIN_REDACTED {
        if windows.contains(&window_hash(&chars[i..i + MIN_REDACTED])) {
            cut[i..i + MIN_REDACTED].fill(true);
        }
    }
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        match (cut[i], i > 0 && cut[i - 1]) {
            (false, _) => out.push(c),
            (true, false) => out.push_str("[redacted]"),
            (true, true) => {}
        }
    }
    out
}

fn window_hash(window: &[char]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    window.hash(&mut hasher);
    hasher.finish()
}

/// Turns core dumps off for this process: a dump would hold the key and the token in
/// clear. `RLIMIT_CORE` 0 as OpenSSH's agent and gpg-agent do, and on Linux
/// `PR_SET_DUMPABLE` 0, which also keeps other processes of the same user from reading
/// our memory through `/proc` or `ptrace`.
#[cfg(unix)]
pub fn forbid_core_dumps() {
    use rustix::process::{Resource, Rlimit, setrlimit};
    let _ = setrlimit(Resource::Core, Rlimit { current: Some(0), maximum: Some(0) });
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let _ = rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable);
}

#[cfg(not(unix))]
pub fn forbid_core_dumps() {}

#[derive(Clone)]
pub struct Secret(SecretString);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        let value = value.into();
        remember(&value);
        Secret(SecretString::from(value))
    }

    /// The value itself, for an HTTP header, a form field or the secret store.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }

    /// A form safe to show: the first and last four characters of a long secret
    /// (`MTk4…IHA=`), nothing of a short one.
    pub fn masked(&self) -> String {
        mask(self.expose())
    }
}

/// `bytes` random bytes from the OS, as lowercase hex (a `state`, an authorization code).
pub fn random_hex(bytes: usize) -> Result<String, getrandom::Error> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf)?;
    Ok(buf.iter().map(|b| format!("{b:02x}")).collect())
}

pub fn mask(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    if chars.len() < 16 {
        return "…".into();
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail}")
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({})", self.masked())
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl PartialEq for Secret {
    fn eq(&self, other: &Secret) -> bool {
        same(self.expose(), other.expose())
    }
}

/// Compares two secret strings in constant time (a `state`, a secret), so the time taken
/// says nothing about how much of a guess was right.
pub fn same(a: &str, b: &str) -> bool {
    use subtle::ConstantTimeEq as _;
    bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redact_cuts_every_form_of_a_known_secret() {
        let secret = Secret::new("a-key+with/odd=chars\\x");
        remember_basic_auth("client.id", &Secret::new("client-secret-value"));
        let echoed = format!(
            "auth: Bearer {} form: {} json: {} basic: {}",
            secret.expose(),
            url::form_urlencoded::byte_serialize(secret.expose().as_bytes()).collect::<String>(),
            serde_json::to_string(secret.expose()).unwrap(),
            {
                use base64::Engine as _;
                base64::engine::general_purpose::STANDARD.encode("client.id:client-secret-value")
            },
        );
        let cut = redact(&echoed);
        assert!(!cut.contains("odd"), "{cut}");
        assert!(!cut.contains("Y2xpZW50"), "{cut}");
        assert_eq!(redact("short abc"), "short abc");
    }

    #[test]
    fn partial_echoes_of_eight_characters_or_more_are_cut() {
        let token = Secret::new("b9f0c7a1e2d34f5a8c6b7d9e0f1a2b3c4");
        let t = token.expose();
        // 32 of the 33 characters, the last one dropped; a fragment of 8; a fragment of 7.
        let echoed = format!("token {} is invalid; near {} and {}", &t[..32], &t[10..18], &t[20..27]);
        let cut = redact(&echoed);
        assert!(!cut.contains(&t[..8]), "{cut}");
        assert!(!cut.contains(&t[10..18]), "{cut}");
        assert!(cut.contains(&t[20..27]), "a run of 7 is not a secret: {cut}");
        assert!(cut.starts_with("token [redacted] is invalid; near [redacted] and "), "{cut}");
    }

    #[test]
    fn same_compares_whole_values() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "ab"));
        assert!(same("", ""));
    }

    #[test]
    fn debug_and_display_never_show_the_value() {
        let s = Secret::new("MTk4NzY1OmFiY2RlZmdoaWprbG1ub3BxcnN0IHA=");
        assert_eq!(format!("{s}"), "MTk4…IHA=");
        assert_eq!(format!("{s:?}"), "Secret(MTk4…IHA=)");
        assert!(!format!("{s:?} {s} {:#?}", s).contains("NzY1"));
    }

    #[test]
    fn short_secrets_are_fully_hidden() {
        assert_eq!(Secret::new("abc").masked(), "…");
        assert_eq!(Secret::new("").masked(), "…");
        assert_eq!(mask("0123456789abcdef"), "0123…cdef");
    }
}
