//! The sandbox's identities: the fixed OAuth client, access tokens and Zelty keys derived
//! deterministically (so that a token stored by one sandbox process is accepted by the
//! next), HubRise-looking resource ids, and random authorization codes.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// The sandbox's OAuth client, shaped like HubRise's (`459691768564.clients.hubrise.com`).
pub const CLIENT_ID: &str = "123456789012.clients.hubrise.com";
/// Fixed so that every sandbox process accepts the same client; it protects nothing.
pub const CLIENT_SECRET: &str = "5a1dbb0c2f6e4d7a9c3b8e1f0a2d4c6e8b0a1c3e5f70";
/// The name HubRise shows for the CLI's client (connections page, `created_by`): not
/// « Zelty Bridge », so that CONNEXIONS tells the read-only watch from the App that sends
/// the orders (a client name is the same in every language).
pub const CLIENT_NAME: &str = "zelty-bridge watch (read-only)";
/// Zelty Bridge's own client: only the sandbox's fake app uses it, never the CLI.
pub const BRIDGE_CLIENT_ID: &str = "310987654321.clients.hubrise.com";
/// Zelty Bridge's client name, as HubRise writes it in `created_by`.
pub const BRIDGE_CLIENT_NAME: &str = "Zelty Bridge";

const SEED_DEVICE: u64 = 0xcbf2_9ce4_8422_2325; // the standard FNV-1a 64 offset basis
const SEED_TARGET: u64 = 0x9e37_79b9_7f4a_7c15;
const SEED_CHECK: u64 = 0x6a09_e667_f3bc_c908;
const SEED_KEY: u64 = 0xbb67_ae85_84ca_a73b;

/// FNV-1a 64 over the parts, with a separator byte between them so that `("ab","c")` and
/// `("a","bc")` differ. Not cryptographic: sandbox tokens only need to look random and be
/// reproducible.
pub fn fnv(seed: u64, parts: &[&[u8]]) -> u64 {
    let mut h = seed;
    for part in parts {
        for &b in part.iter().chain(std::iter::once(&0xffu8)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The access token of a client for a target (`account:<id>` or `location:<id>`) and an
/// optional device id: 32 hex characters. The first half is a device hash masked by the
/// target, the second checks both, so `token_matches` can test a candidate target without
/// knowing the device id (the next process never saw it).
pub fn token(client_id: &str, target: &str, device_id: Option<&str>) -> String {
    let device = fnv(SEED_DEVICE, &[client_id.as_bytes(), device_id.unwrap_or("").as_bytes()]);
    let masked = device ^ fnv(SEED_TARGET, &[target.as_bytes()]);
    let check = fnv(SEED_CHECK, &[client_id.as_bytes(), target.as_bytes(), &device.to_le_bytes()]);
    format!("{masked:016x}{check:016x}")
}

/// Whether `token` was made by `token(client_id, target, _)` for some device id.
pub fn token_matches(token: &str, client_id: &str, target: &str) -> bool {
    if token.len() != 32 || !token.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()) {
        return false;
    }
    let (Ok(masked), Ok(check)) = (u64::from_str_radix(&token[..16], 16), u64::from_str_radix(&token[16..], 16)) else {
        return false;
    };
    let device = masked ^ fnv(SEED_TARGET, &[target.as_bytes()]);
    check == fnv(SEED_CHECK, &[client_id.as_bytes(), target.as_bytes(), &device.to_le_bytes()])
}

/// A Zelty API key as Zelty makes them (base64 of `<digits>:<20 bytes>`, as Chift and CoopCycle document them): standard base64 of
/// `"<prefix>:"` followed by 20 bytes, here derived from the prefix.
pub fn zelty_key(prefix: u64) -> String {
    let digits = prefix.to_string();
    let mut raw = format!("{digits}:").into_bytes();
    let mut h = fnv(SEED_KEY, &[digits.as_bytes()]);
    while raw.len() < digits.len() + 1 + 20 {
        h = fnv(h, &[&h.to_le_bytes()]);
        raw.extend(h.to_le_bytes().iter().take(digits.len() + 1 + 20 - raw.len()));
    }
    STANDARD.encode(raw)
}

/// What Zelty's back office shows once a key was displayed: `MTIz******IHA=`.
pub fn masked_key(key: &str) -> String {
    let n = key.chars().count();
    if n <= 8 {
        return "*".repeat(n);
    }
    format!("{}******{}", &key[..4], &key[key.len() - 4..])
}

/// The `n`-th id of a namespace, five lowercase alphanumerics like HubRise's (`3r4s3`).
/// An affine map modulo 36^5 with a multiplier prime to 36 is a bijection, so ids never
/// collide however many locations the sandbox has.
pub fn short_id(namespace: u64, n: u64) -> String {
    const SPACE: u64 = 36u64.pow(5);
    const ALPHABET: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut v =
        (n.wrapping_mul(7_368_787).wrapping_add(namespace.wrapping_mul(1_000_003).wrapping_add(11_111_117))) % SPACE;
    let mut out = [0u8; 5];
    for slot in out.iter_mut().rev() {
        *slot = ALPHABET[(v % 36) as usize];
        v /= 36;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// 32 random hex characters: an authorization code (HubRise's look like
/// `ffae0047c4d6b9e02f95e76a3f6e906d`).
pub fn random_code() -> String {
    random_hex(16)
}

/// `bytes` random bytes as lowercase hex; without an OS random source, the wall clock
/// keeps values distinct (they are sandbox codes and ids, never real secrets).
pub fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    if getrandom::fill(&mut buf).is_err() {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos();
        for (slot, b) in buf.iter_mut().zip(nanos.to_le_bytes().iter().cycle()) {
            *slot = *b;
        }
    }
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_deterministic_and_distinct() {
        let a = token(CLIENT_ID, "location:3r4s3-0", None);
        assert_eq!(a, token(CLIENT_ID, "location:3r4s3-0", None));
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(a, token(CLIENT_ID, "location:3r4s3-1", None));
        assert_ne!(a, token(CLIENT_ID, "location:3r4s3-0", Some("100")));
        assert_ne!(a, token("other.clients.hubrise.com", "location:3r4s3-0", None));
        assert_eq!(token(CLIENT_ID, "account:3r4s3", Some("x")), token(CLIENT_ID, "account:3r4s3", Some("x")));
    }

    #[test]
    fn a_token_matches_its_target_whatever_the_device() {
        for device in [None, Some("100"), Some("pos (2)")] {
            let t = token(CLIENT_ID, "location:3r4s3-1", device);
            assert!(token_matches(&t, CLIENT_ID, "location:3r4s3-1"));
            assert!(!token_matches(&t, CLIENT_ID, "location:3r4s3-0"));
            assert!(!token_matches(&t, "other", "location:3r4s3-1"));
        }
        assert!(!token_matches("not a token", CLIENT_ID, "location:3r4s3-1"));
        let upper = token(CLIENT_ID, "account:3r4s3", None).to_uppercase();
        assert!(!token_matches(&upper, CLIENT_ID, "account:3r4s3"));
    }

    /// The shape rules the CLI applies to a pasted key.
    fn passes_shape_check(key: &str) -> bool {
        key.len().is_multiple_of(4)
            && (36..=40).contains(&key.len())
            && key.ends_with('=')
            && key.trim_end_matches('=').bytes().all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
            && key.len() - key.trim_end_matches('=').len() <= 2
    }

    #[test]
    fn zelty_keys_look_like_zeltys() {
        for prefix in [12345u64, 8000, 20001, 29999, 1234567] {
            let key = zelty_key(prefix);
            assert!(passes_shape_check(&key), "{key}");
            let raw = STANDARD.decode(&key).unwrap();
            let head = format!("{prefix}:");
            assert!(raw.starts_with(head.as_bytes()));
            assert_eq!(raw.len(), head.len() + 20);
            assert_eq!(key, zelty_key(prefix));
        }
        assert_ne!(zelty_key(20001), zelty_key(20002));
    }

    #[test]
    fn masked_keys_keep_four_characters_each_side() {
        let key = zelty_key(12345);
        let masked = masked_key(&key);
        assert_eq!(masked.len(), 14);
        assert!(masked.starts_with("MTIz") && masked.contains("******") && masked.ends_with(&key[key.len() - 4..]));
    }

    #[test]
    fn short_ids_are_hubrise_like_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for n in 0..20_000 {
            let id = short_id(1, n);
            assert_eq!(id.len(), 5);
            assert!(id.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()));
            assert!(seen.insert(id));
        }
    }

    #[test]
    fn codes_are_random_hex() {
        let (a, b) = (random_code(), random_code());
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }
}
