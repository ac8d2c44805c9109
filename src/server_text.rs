//! Text that came from a server (a name, an id, a host, an error message) or from a file a
//! server's words were once stored in, made safe to print or store, once, at the boundary:
//! a `ServerText` can only be made sanitized, so whatever holds one holds printable text.
//!
//! Sanitized means: no control character (C0, DEL and the C1 range U+0080–U+009F, which is
//! where every ESC/CSI/OSC sequence starts, including the 8-bit CSI U+009B and OSC U+009D),
//! no bidirectional override, embedding, isolate or mark (they reorder what a terminal
//! shows: https://trojansource.codes), no zero-width or line/paragraph separator, no known
//! secret nor any run of 8 or more of its characters (`secret::redact`), and at most
//! `MAX_CHARS` characters. Broken UTF-8 has already become U+FFFD by then (serde_json
//! refuses it in strings; lossy decoding replaces it in bodies).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The most characters kept of one server string: longer than any name, id or message a
/// service sends, short enough that a hostile answer cannot fill a screen.
pub const MAX_CHARS: usize = 256;

/// A server's string, sanitized.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct ServerText(String);

impl ServerText {
    pub fn new(raw: &str) -> ServerText {
        ServerText(sanitize(raw, MAX_CHARS))
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for ServerText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::ops::Deref for ServerText {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl Serialize for ServerText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for ServerText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ServerText, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Ok(ServerText::new(&raw))
    }
}

/// Whether `c` may reach a terminal: not a control character, not a character that
/// reorders or hides text.
fn shown(c: char) -> bool {
    !c.is_control()
        && !matches!(
            c,
            '\u{061c}'                      // Arabic letter mark
            | '\u{200b}'..='\u{200f}'       // zero-width space/joiners, LRM, RLM
            | '\u{2028}'..='\u{202e}'       // line/paragraph separators, embeddings, overrides
            | '\u{2060}'..='\u{206f}'       // word joiner, invisible operators, isolates
            | '\u{feff}'                    // zero-width no-break space
            | '\u{fff9}'..='\u{fffb}' // interlinear annotations
        )
}

/// `raw` without what may not reach a terminal, secrets cut, at most `max` characters
/// (an ellipsis says when more was cut).
pub fn sanitize(raw: &str, max: usize) -> String {
    // Secrets are cut before anything is dropped, so that a control character planted in
    // the middle of an echoed key cannot split it into pieces `redact` would miss, and
    // before the length cap, so that a cut cannot leave a piece of one either.
    let window: String = raw.chars().take(max.saturating_mul(4)).collect();
    let redacted = crate::secret::redact(&window);
    let shown: String = redacted.chars().filter(|&c| shown(c)).collect();
    // Dropping characters may have joined two halves of a secret: cut again.
    let shown = crate::secret::redact(&shown);
    let mut out: String = shown.chars().take(max).collect();
    if shown.chars().count() > max || raw.chars().count() > max.saturating_mul(4) {
        out.push('…');
    }
    out
}

/// A string field of a server's answer, made `ServerText` as it is read
/// (`#[serde(deserialize_with = "crate::server_text::string")]`).
pub fn string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Ok(ServerText::deserialize(deserializer)?.into_string())
}

/// An optional string field of a server's answer, made `ServerText` as it is read.
pub fn option<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<ServerText>::deserialize(deserializer)?.map(ServerText::into_string))
}

/// A stored string that may hold a server's words from before they were sanitized (a
/// profile written by an older version, or planted): sanitized in place.
pub fn clean(text: &mut String) {
    let cleaned = sanitize(text, MAX_CHARS);
    if cleaned != *text {
        *text = cleaned;
    }
}

/// `clean` for an optional field.
pub fn clean_option(text: &mut Option<String>) {
    if let Some(text) = text {
        clean(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_bidi_and_c1_never_survive() {
        let hostile =
            "Cat\u{1b}]0;PWNED-TITLE\u{7}\u{1b}[2J\u{1b}[HFAKE\u{9b}31m\u{9d}0;x\u{9c}\u{202e}RED\u{2066}\u{200f}";
        let clean = ServerText::new(hostile);
        assert_eq!(clean.to_string(), "Cat]0;PWNED-TITLE[2J[HFAKE31m0;xRED");
        assert!(clean.chars().all(|c| !c.is_control()));
        assert_eq!(ServerText::new("Café Été – Pizzeria").to_string(), "Café Été – Pizzeria");
    }

    #[test]
    fn long_text_is_capped_with_an_ellipsis() {
        let long = "a".repeat(10_000);
        let clean = ServerText::new(&long);
        assert_eq!(clean.chars().count(), MAX_CHARS + 1);
        assert!(clean.ends_with('…'));
    }

    #[test]
    fn an_echoed_secret_split_by_a_control_character_is_still_cut() {
        let key = crate::secret::Secret::new("MTIzNDU6splitSplitSplitSplitSplit0=");
        let (a, b) = key.expose().split_at(12);
        let echoed = format!("bad key {a}\u{1b}{b}");
        let clean = ServerText::new(&echoed);
        assert!(!clean.contains("plitSpli"), "{clean}");
    }

    #[test]
    fn deserializing_sanitizes() {
        let t: ServerText = serde_json::from_str("\"a\\u001b[31mb\"").unwrap();
        assert_eq!(t.to_string(), "a[31mb");
        let mut stored = "x\u{1b}]0;t\u{7}y".to_string();
        clean(&mut stored);
        assert_eq!(stored, "x]0;ty");
    }
}
