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
    pub fn exit_status(self) -> ExitStatus {
        match self {
            Kind::Unexpected => ExitStatus::Unexpected,
            Kind::Usage => ExitStatus::Usage,
            Kind::Rejected => ExitStatus::Rejected,
            Kind::NotConnected => ExitStatus::NotConnected,
            Kind::Unreachable => ExitStatus::Unreachable,
            Kind::NeedsPerson => ExitStatus::NeedsPerson,
            Kind::Interrupted => ExitStatus::Interrupted,
        }
    }
}

/// How a run ends, as the README's "Exit codes" table says: the only place the numbers
/// are written. Commands return one; `status` and `provision` pick the worst of several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ExitStatus {
    /// 0.
    #[default]
    Success,
    /// 1: a bug or an environment we did not expect.
    Unexpected,
    /// 2: usage or invalid input.
    Usage,
    /// 3: rejected by a service.
    Rejected,
    /// 4: not connected.
    NotConnected,
    /// 5: a service unreachable after retries.
    Unreachable,
    /// 6: a step needs a person.
    NeedsPerson,
    /// 130: interrupted (SIGINT, and the other stopping signals the same way).
    Interrupted,
}

impl ExitStatus {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Unexpected => 1,
            ExitStatus::Usage => 2,
            ExitStatus::Rejected => 3,
            ExitStatus::NotConnected => 4,
            ExitStatus::Unreachable => 5,
            ExitStatus::NeedsPerson => 6,
            ExitStatus::Interrupted => 130,
        }
    }

    pub fn is_success(self) -> bool {
        self == ExitStatus::Success
    }

    /// Of the statuses of several parts (or profiles), the one to report: a refusal first,
    /// then an unreachable service, then what is missing, then a step for a person; any
    /// other failure ranks above success only.
    pub fn worst(statuses: impl IntoIterator<Item = ExitStatus>) -> ExitStatus {
        let rank = |s: ExitStatus| match s {
            ExitStatus::Rejected => 5,
            ExitStatus::Unreachable => 4,
            ExitStatus::NotConnected => 3,
            ExitStatus::NeedsPerson => 2,
            ExitStatus::Success => 0,
            ExitStatus::Unexpected | ExitStatus::Usage | ExitStatus::Interrupted => 1,
        };
        statuses.into_iter().max_by_key(|s| rank(*s)).unwrap_or_default()
    }
}

impl From<ExitStatus> for std::process::ExitCode {
    fn from(status: ExitStatus) -> std::process::ExitCode {
        std::process::ExitCode::from(status.code())
    }
}

/// As its number (`provision --json`'s `exit_code`).
impl Serialize for ExitStatus {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.code())
    }
}

/// An error the user is meant to read: a kind, a stable machine code (`masked_key`,
/// `access_denied`…), a message and an optional hint, both localized at render time.
/// Boxed, so that `Result<T, Failure>` stays one pointer wide on the happy path. A
/// service client's failure also carries its typed error (`HubriseError`, `ZeltyError`,
/// `HttpError`), which callers match with `typed` instead of comparing codes.
#[derive(Debug, Clone)]
pub struct Failure(Box<FailureParts>);

#[derive(Debug, Clone)]
pub struct FailureParts {
    pub kind: Kind,
    pub code: &'static str,
    pub message: Text,
    pub hint: Option<Text>,
    /// Lower-level detail (an I/O error, a status line), shown under the message.
    pub detail: Option<String>,
    /// The typed error this failure renders, if a client made it.
    typed: Option<Typed>,
}

/// A typed error, kept for matching; `Arc` so that a cached failure clones cheaply.
#[derive(Clone)]
struct Typed(std::sync::Arc<dyn std::any::Any + Send + Sync>);

impl fmt::Debug for Typed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Typed(..)")
    }
}

impl std::ops::Deref for Failure {
    type Target = FailureParts;
    fn deref(&self) -> &FailureParts {
        &self.0
    }
}

impl Failure {
    pub fn new(kind: Kind, code: &'static str, message: Text) -> Failure {
        Failure(Box::new(FailureParts { kind, code, message, hint: None, detail: None, typed: None }))
    }

    /// This failure as the rendering of `typed` (a client's error, or a marker type).
    pub fn typed<E: std::any::Any + Send + Sync>(mut self, typed: E) -> Failure {
        self.0.typed = Some(Typed(std::sync::Arc::new(typed)));
        self
    }

    /// The typed error this failure renders, if it is an `E`.
    pub fn as_typed<E: std::any::Any>(&self) -> Option<&E> {
        self.0.typed.as_ref().and_then(|t| t.0.downcast_ref::<E>())
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

/// The typed error `E` of an error's `Failure`, if that is what it renders: how callers
/// tell errors apart (never by their code strings).
pub fn typed_of<E: std::any::Any>(err: &anyhow::Error) -> Option<&E> {
    failure_of(err).and_then(Failure::as_typed)
}

/// The exit status of an error: its `Failure` kind's, else `Unexpected`.
pub fn exit_status_of(err: &anyhow::Error) -> ExitStatus {
    failure_of(err).map_or(Kind::Unexpected, |f| f.kind).exit_status()
}

/// A cause as it may be printed: it can quote a server, a file or a library's words, so
/// it passes through the same filter as a server's text (no escape, no secret).
fn printable(cause: &str) -> String {
    crate::server_text::sanitize(cause, 1000)
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
            let mut chain = err.chain().map(|c| printable(&c.to_string()));
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
            causes: causes.iter().map(|c| printable(c)).collect(),
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
            assert_eq!(kind.exit_status().code(), code, "{kind:?}");
        }
        assert_eq!(ExitStatus::Success.code(), 0);
        assert_eq!(serde_json::json!(ExitStatus::NeedsPerson), serde_json::json!(6));
    }

    #[test]
    fn worst_exit_status_table() {
        use ExitStatus::*;
        for (statuses, want) in [
            (vec![Success, Success], Success),
            (vec![Success, Rejected], Rejected),
            (vec![Unreachable, Rejected], Rejected),
            (vec![NotConnected, Unreachable], Unreachable),
            (vec![NotConnected, NeedsPerson], NotConnected),
            (vec![NeedsPerson, Success], NeedsPerson),
            (vec![Unexpected, Success], Unexpected),
            (vec![Unexpected, NeedsPerson], NeedsPerson),
            (vec![], Success),
        ] {
            assert_eq!(ExitStatus::worst(statuses.clone()), want, "{statuses:?}");
        }
    }

    #[test]
    fn a_failure_under_context_keeps_its_kind_and_shows_the_context_as_cause() {
        let err: anyhow::Error =
            Err::<(), _>(Failure::new(Kind::Rejected, "zelty_key_rejected", Msg::ZeltyKeyRejected.text()))
                .context("validating the Zelty key")
                .unwrap_err();
        assert_eq!(exit_status_of(&err), ExitStatus::Rejected);
        let report = Report::of(&err, Lang::En);
        assert_eq!(report.code, "zelty_key_rejected");
        assert_eq!(report.causes, vec!["validating the Zelty key".to_string()]);
        assert!(report.to_text().starts_with("error: "));
    }

    #[test]
    fn a_foreign_error_is_unexpected_with_its_chain() {
        let err = anyhow::anyhow!("disk on fire").context("writing the profile");
        assert_eq!(exit_status_of(&err), ExitStatus::Unexpected);
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
