//! Where secrets live: the OS keyring (default), a 0600 file (explicit opt-in), or memory
//! (unit tests), behind one `SecretStore` trait. Every keyring call runs on its own thread
//! under a deadline, so a locked or hung keyring never hangs the wizard. Storing a
//! connection's two secrets is all-or-nothing.

mod file;
mod keyring_store;

pub use file::FileStore;
pub use keyring_store::KeyringStore;

use crate::secret::Secret;
use serde::{Deserialize, Serialize};
#[cfg(test)]
use std::collections::BTreeMap;
#[cfg(test)]
use std::sync::Mutex;

/// `ZELTY_BRIDGE_SECRET_STORE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum StoreKind {
    Keyring,
    File,
    Memory,
}

impl StoreKind {
    pub fn name(self) -> &'static str {
        match self {
            StoreKind::Keyring => "keyring",
            StoreKind::File => "file",
            StoreKind::Memory => "memory",
        }
    }

    pub fn parse(value: &str) -> Option<StoreKind> {
        match value.trim().to_ascii_lowercase().as_str() {
            "keyring" => Some(StoreKind::Keyring),
            "file" => Some(StoreKind::File),
            _ => None,
        }
    }
}

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No keyring service here (no D-Bus session, no Secret Service, no credential store).
    #[error("the system keyring is not available: {0}")]
    Unavailable(String),
    /// The keyring is there but locked, and unlocking needs a person.
    #[error("the system keyring is locked: {0}")]
    Locked(String),
    /// The keyring did not answer in time.
    #[error("the system keyring did not answer within {0} seconds")]
    Timeout(u64),
    /// The file store's file is readable by others.
    #[error("{path} is readable by other users (mode {mode:o}); run `chmod 600 {path}`")]
    InsecureFile { path: String, mode: u32 },
    #[error("{0}")]
    Other(String),
}

/// A place for secrets, keyed by user name (`<profile>:zelty-api-key`…).
pub trait SecretStore: Send + Sync {
    fn kind(&self) -> StoreKind;
    /// Where, for `status`: the keyring service name or the file path.
    fn location(&self) -> String;
    fn get(&self, user: &str) -> Result<Option<Secret>, StoreError>;
    fn set(&self, user: &str, secret: &Secret) -> Result<(), StoreError>;
    /// Removes a secret; `Ok(false)` when there was none.
    fn delete(&self, user: &str) -> Result<bool, StoreError>;
    /// A cheap check that the store works, before the user does any work.
    fn probe(&self) -> Result<(), StoreError> {
        self.get("zelty-bridge:probe").map(|_| ())
    }
}

/// The keyring user names of a profile's two secrets (DESIGN.md).
pub fn zelty_user(profile: &str) -> String {
    format!("{profile}:zelty-api-key")
}

pub fn hubrise_user(profile: &str) -> String {
    format!("{profile}:hubrise-access-token")
}

/// Writes every `(user, secret)` pair or none: when a write fails, the ones already made
/// are put back as they were (restored or deleted), then the error is returned.
pub fn set_all(store: &dyn SecretStore, pairs: &[(String, &Secret)]) -> Result<(), StoreError> {
    let mut before: Vec<(&str, Option<Secret>)> = Vec::new();
    for (user, secret) in pairs {
        let previous = store.get(user)?;
        if let Err(err) = store.set(user, secret) {
            roll_back(store, &before);
            return Err(err);
        }
        before.push((user, previous));
    }
    Ok(())
}

fn roll_back(store: &dyn SecretStore, written: &[(&str, Option<Secret>)]) {
    // Best effort: the store just failed, so a restore may fail too; there is nothing
    // better to do than try each one.
    for (user, previous) in written.iter().rev() {
        let _ = match previous {
            Some(secret) => store.set(user, secret),
            None => store.delete(user).map(|_| ()),
        };
    }
}

/// Secrets in memory, for unit tests. `fail_on` makes `set` fail for one user name.
#[cfg(test)]
#[derive(Default)]
pub struct MemoryStore {
    map: Mutex<BTreeMap<String, String>>,
    pub fail_on: Option<String>,
}

#[cfg(test)]
impl SecretStore for MemoryStore {
    fn kind(&self) -> StoreKind {
        StoreKind::Memory
    }
    fn location(&self) -> String {
        "memory".into()
    }
    fn get(&self, user: &str) -> Result<Option<Secret>, StoreError> {
        Ok(self.map.lock().map_err(|e| StoreError::Other(e.to_string()))?.get(user).map(Secret::new))
    }
    fn set(&self, user: &str, secret: &Secret) -> Result<(), StoreError> {
        if self.fail_on.as_deref() == Some(user) {
            return Err(StoreError::Other("injected failure".into()));
        }
        self.map.lock().map_err(|e| StoreError::Other(e.to_string()))?.insert(user.into(), secret.expose().into());
        Ok(())
    }
    fn delete(&self, user: &str) -> Result<bool, StoreError> {
        Ok(self.map.lock().map_err(|e| StoreError::Other(e.to_string()))?.remove(user).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_all_writes_both() {
        let store = MemoryStore::default();
        let (a, b) = (Secret::new("a-secret-value-1"), Secret::new("b-secret-value-2"));
        set_all(&store, &[(zelty_user("p"), &a), (hubrise_user("p"), &b)]).unwrap();
        assert_eq!(store.get("p:zelty-api-key").unwrap().unwrap().expose(), "a-secret-value-1");
        assert_eq!(store.get("p:hubrise-access-token").unwrap().unwrap().expose(), "b-secret-value-2");
    }

    #[test]
    fn a_failed_second_write_restores_the_first() {
        let store = MemoryStore { fail_on: Some(hubrise_user("p")), ..MemoryStore::default() };
        store.set(&zelty_user("p"), &Secret::new("old-zelty-key")).unwrap();
        let (a, b) = (Secret::new("new-zelty-key"), Secret::new("new-token"));
        assert!(set_all(&store, &[(zelty_user("p"), &a), (hubrise_user("p"), &b)]).is_err());
        assert_eq!(store.get(&zelty_user("p")).unwrap().unwrap().expose(), "old-zelty-key");
        assert!(store.get(&hubrise_user("p")).unwrap().is_none());
    }

    #[test]
    fn a_failed_second_write_deletes_a_first_that_was_new() {
        let store = MemoryStore { fail_on: Some(hubrise_user("p")), ..MemoryStore::default() };
        let (a, b) = (Secret::new("new-zelty-key"), Secret::new("new-token"));
        assert!(set_all(&store, &[(zelty_user("p"), &a), (hubrise_user("p"), &b)]).is_err());
        assert!(store.get(&zelty_user("p")).unwrap().is_none());
    }

    #[test]
    fn store_names_parse() {
        assert_eq!(StoreKind::parse("Keyring"), Some(StoreKind::Keyring));
        assert_eq!(StoreKind::parse(" file "), Some(StoreKind::File));
        assert_eq!(StoreKind::parse("memory"), None);
        assert_eq!(StoreKind::parse("plaintext"), None);
    }
}
