//! The process environment, read once at start-up into a value that is passed around, so
//! that decisions depending on it are pure functions and tests can hand in any map.

use std::collections::{BTreeMap, BTreeSet};

/// A snapshot of environment variables. Values that are not valid UTF-8 are kept out of
/// `get` (none of the variables we read may legitimately contain such bytes), but their
/// names are remembered, so that such a variable is refused rather than taken as unset.
#[derive(Debug, Clone, Default)]
pub struct Env {
    vars: BTreeMap<String, String>,
    not_text: BTreeSet<String>,
}

impl Env {
    /// The current process's environment.
    pub fn from_process() -> Env {
        #[allow(clippy::disallowed_methods)] // the one place that reads the real environment
        let vars = std::env::vars_os();
        let mut env = Env::default();
        for (k, v) in vars {
            let Ok(k) = k.into_string() else { continue };
            match v.into_string() {
                Ok(v) => {
                    env.vars.insert(k, v);
                }
                Err(_) => {
                    env.not_text.insert(k);
                }
            }
        }
        env
    }

    /// Whether `name` is set to a value that is not valid UTF-8.
    pub fn is_not_text(&self, name: &str) -> bool {
        self.not_text.contains(name)
    }

    /// The first of this tool's own variables (`ZELTY_*`, `HUBRISE_*`) whose value is not
    /// valid UTF-8.
    pub fn first_of_ours_not_text(&self) -> Option<&str> {
        self.not_text.iter().map(String::as_str).find(|k| k.starts_with("ZELTY_") || k.starts_with("HUBRISE_"))
    }

    #[cfg(test)]
    pub fn from_pairs<K: Into<String>, V: Into<String>>(pairs: impl IntoIterator<Item = (K, V)>) -> Env {
        Env { vars: pairs.into_iter().map(|(k, v)| (k.into(), v.into())).collect(), not_text: BTreeSet::new() }
    }

    /// The value of `name`, `None` when unset or empty (an empty variable means "unset" for
    /// every variable this tool reads).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars.get(name).map(String::as_str).filter(|v| !v.is_empty())
    }

    pub fn is_set(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// This environment with `name` set: tests, and a flag that is another spelling of a
    /// variable (`--allow-insecure`).
    pub fn with(mut self, name: &str, value: &str) -> Env {
        self.vars.insert(name.into(), value.into());
        self
    }

    #[cfg(test)]
    pub fn with_not_text(mut self, name: &str) -> Env {
        self.not_text.insert(name.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_values_read_as_unset() {
        let env = Env::default().with("A", "").with("B", "x");
        assert_eq!(env.get("A"), None);
        assert_eq!(env.get("B"), Some("x"));
        assert!(!env.is_set("C"));
    }
}
