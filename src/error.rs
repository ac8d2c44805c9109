//! Error kinds and their exit codes (the contract in the README's "Exit codes"), the `Failure` error that
//! carries a kind, a stable code and localized text, and the single renderer that prints
//! `error:` and `hint:` lines (or the JSON error object).

use crate::i18n::{Lang, Text};
use serde::Serialize;
use std::fmt;

/// What went wrong, as far as a script is concerned: each kind is one exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A bug or an environment we did not expect (exit 1).
    Unexpected,
    /// A bad flag, a malformed key, a bad manifest (exit 2).
    Usage,
    /// A service refused a key, a token, a code or the client (exit 3).
    Rejected,
    /// The profile holds no connection (exit 4).
    NotConnected,
    /// A service could not be reached after retries (exit 5).
    Unreachable,
    /// A step needs a person (exit 6).
    NeedsPerson,
    /// Ctrl-C (exit 130).
    Interrupted,
}

impl Kind {
    pub fn exit_code(self) -> u8 {
        match self {
            Kind::Unexpected => 1,
            Kind::Usage => 2,
            Kind::Rejected => 3,
            Kind::NotConnected => 4,
            Kind::Unreachable => 5,
            Kind::NeedsPerson => 6,
            Kind::Interrupted => 130,
        }
    }
}

/// An error the user is meant to read: a kind, a stable machine code (`masked_key`,
/// `access_denied`…), a message and an optional hint, both localized at render time.
/// Boxed, so that `Result<T, Failure>` stays one pointer wide on the happy path.
#[derive(Debug)]
pub struct Failure(Box<FailureParts>);

#[derive(Debug)]
pub struct FailureParts {
    pub kind: Kind,
    pub code: &'static str,
    pub message: Text,
    pub hint: Option<Text>,
    /// Lower-level detail (an I/O error, a status line), shown under the message.
    pub detail: Option<String>,
}

impl std::ops::Deref for Failure {
    type Target = FailureParts;
    fn deref(&self) -> &FailureParts {
        &self.0
    }
}

impl Failure {
    pub fn new(kind: Kind, code: &'static str, message: Text) -> Failure {
        Failure(Box::new(FailureParts { kind, code, message, hint: None, detail: None }))
    }

    pub fn hint(mut self, hint: Text) -> Failure {
        self.0.hint = Some(hint);
        self
    }

    pub fn detail(mut self, detail: impl fmt::Display) -> Failure {
        self.0.detail = Some(detail.to_string());
        self
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)?;
        if let Some(detail) = &self.detail {
            write!(f, ": {detail}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Failure {}

/// The outermost `Failure` of an error, if any: one given as context to another error
/// (`err.context(Failure::new(..))`) wins over the one it wraps.
pub fn failure_of(err: &anyhow::Error) -> Option<&Failure> {
    // `anyhow::Error::downcast_ref` also sees context values, which `chain()` hides inside
    // a private wrapper type.
    err.downcast_ref::<Failure>().or_else(|| err.chain().find_map(|cause| cause.downcast_ref::<Failure>()))
}

/// The exit code of an error: its `Failure` kind, else 1.
pub fn exit_code_of(err: &anyhow::Error) -> u8 {
    failure_of(err).map_or(Kind::Unexpected, |f| f.kind).exit_code()
}

/// An error as the user sees it, in their language: what the renderer prints.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Report {
    pub code: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(skip)]
    pub causes: Vec<String>,
}

impl Report {
    pub fn of(err: &anyhow::Error, lang: Lang) -> Report {
        let Some(failure) = failure_of(err) else {
            // Not one of ours: the outermost context is the message, the rest the causes.
            let mut chain = err.chain().map(|c| c.to_string());
            let message = chain.next().unwrap_or_default();
            return Report { code: "unexpected".into(), message, hint: None, causes: chain.collect() };
        };
        // The failure's own message is the one a person acts on; its detail, the contexts
        // added around it and the errors it wraps become causes underneath.
        let own = failure.to_string();
        let mut causes: Vec<String> = failure.detail.iter().cloned().collect();
        let mut seen_own = false;
        for cause in err.chain().map(|c| c.to_string()) {
            if !seen_own && cause == own {
                seen_own = true;
            } else if !causes.contains(&cause) {
                causes.push(cause);
            }
        }
        Report {
            code: failure.code.to_string(),
            message: failure.message.render(lang),
            hint: failure.hint.as_ref().map(|h| h.render(lang)),
            causes,
        }
    }

    /// The human form: `error: …`, indented causes, then `hint: …`.
    pub fn to_text(&self) -> String {
        let mut out = format!("error: {}\n", self.message);
        for cause in &self.causes {
            out.push_str(&format!("  caused by: {cause}\n"));
        }
        if let Some(hint) = &self.hint {
            out.push_str(&format!("hint: {hint}\n"));
        }
        out
    }

    /// The `--json` form: `{"error": {"code", "message", "hint"}}`.
    pub fn to_json(&self) -> serde_json::Value {
        let mut value = serde_json::json!({ "error": self });
        if !self.causes.is_empty() {
            value["error"]["causes"] = serde_json::json!(self.causes);
        }
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Msg;
    use anyhow::Context;

    #[test]
    fn exit_codes_follow_the_contract() {
        let table = [
            (Kind::Unexpected, 1),
            (Kind::Usage, 2),
            (Kind::Rejected, 3),
            (Kind::NotConnected, 4),
            (Kind::Unreachable, 5),
            (Kind::NeedsPerson, 6),
            (Kind::Interrupted, 130),
        ];
        for (kind, code) in table {
            assert_eq!(kind.exit_code(), code, "{kind:?}");
        }
    }

    #[test]
    fn a_failure_under_context_keeps_its_kind_and_shows_the_context_as_cause() {
        let err: anyhow::Error =
            Err::<(), _>(Failure::new(Kind::Rejected, "zelty_key_rejected", Msg::ZeltyKeyRejected.text()))
                .context("validating the Zelty key")
                .unwrap_err();
        assert_eq!(exit_code_of(&err), 3);
        let report = Report::of(&err, Lang::En);
        assert_eq!(report.code, "zelty_key_rejected");
        assert_eq!(report.causes, vec!["validating the Zelty key".to_string()]);
        assert!(report.to_text().starts_with("error: "));
    }

    #[test]
    fn a_foreign_error_is_unexpected_with_its_chain() {
        let err = anyhow::anyhow!("disk on fire").context("writing the profile");
        assert_eq!(exit_code_of(&err), 1);
        let report = Report::of(&err, Lang::Fr);
        assert_eq!(report.message, "writing the profile");
        assert_eq!(report.causes, vec!["disk on fire".to_string()]);
        let json = report.to_json();
        assert_eq!(json["error"]["code"], "unexpected");
    }

    #[test]
    fn a_failure_given_as_context_wins_and_keeps_the_inner_one_as_cause() {
        let inner: anyhow::Error =
            Failure::new(Kind::Unreachable, "hubrise_unreachable", Msg::ZeltyKeyRejected.text()).into();
        let err = inner.context(Failure::new(Kind::Unreachable, "revoke_failed", Msg::ZeltyKeyMasked.text()));
        assert_eq!(failure_of(&err).unwrap().code, "revoke_failed");
        let report = Report::of(&err, Lang::En);
        assert_eq!(report.code, "revoke_failed");
        assert_eq!(report.causes, vec!["Zelty refused this API key".to_string()]);
    }

    #[test]
    fn hint_renders_in_the_users_language() {
        let err: anyhow::Error = Failure::new(Kind::Usage, "masked_key", Msg::ZeltyKeyMasked.text())
            .hint(Msg::ZeltyKeyMaskedHint.text())
            .into();
        let fr = Report::of(&err, Lang::Fr);
        let en = Report::of(&err, Lang::En);
        assert_ne!(fr.hint, en.hint);
        assert!(fr.to_text().contains("hint: "));
    }
}
