//! A secret value (Zelty key, HubRise token, client secret): zeroed on drop, masked in
//! `Debug` and `Display`, revealed only through `expose()` at the call that needs it.

use secrecy::{ExposeSecret, SecretString};
use std::fmt;

#[derive(Clone)]
pub struct Secret(SecretString);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(SecretString::from(value.into()))
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
        crate::hubrise::oauth::constant_time_eq(self.expose().as_bytes(), other.expose().as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
