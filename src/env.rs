//! The process environment, read once at start-up into a value that is passed around, so
//! that decisions depending on it are pure functions and tests can hand in any map.

use std::collections::BTreeMap;
use std::ffi::OsString;

/// A snapshot of environment variables. Values that are not valid UTF-8 are dropped: none
/// of the variables we read may legitimately contain such bytes.
#[derive(Debug, Clone, Default)]
pub struct Env {
    vars: BTreeMap<String, String>,
}

impl Env {
    /// The current process's environment.
    pub fn from_process() -> Env {
        #[allow(clippy::disallowed_methods)] // the one place that reads the real environment
        let vars = std::env::vars_os();
        Env::from_pairs(
            vars.filter_map(|(k, v): (OsString, OsString)| Some((k.into_string().ok()?, v.into_string().ok()?))),
        )
    }

    pub fn from_pairs<K: Into<String>, V: Into<String>>(pairs: impl IntoIterator<Item = (K, V)>) -> Env {
        Env { vars: pairs.into_iter().map(|(k, v)| (k.into(), v.into())).collect() }
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
