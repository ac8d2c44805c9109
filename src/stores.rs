//! Where secrets live: the OS keyring (default), a 0600 file (explicit opt-in), or memory
//! (unit tests), behind one `SecretStore` trait. Every keyring call runs on its own thread
//! under a deadline, so a locked or hung keyring never hangs the wizard. Storing a
//! connection's two secrets is all-or-nothing; removing a profile's secrets looks in every
//! store (`remove_everywhere`).

mod everywhere;
mod file;
mod keyring_store;
pub mod scope;
#[cfg(not(any(target_os = "macos", target_os = "windows")))]
mod secret_service;

#[allow(unused_imports)] // for `disconnect`, which is to call it
pub use everywhere::{Sweep, remove_everywhere};
pub use file::FileStore;
pub use keyring_store::KeyringStore;

use crate::error::{Failure, Kind};
use crate::i18n::{Interrupted, Msg, Secrets};
use crate::secret::Secret;
use serde::{Deserialize, Serialize};
#[cfg(test)]
use std::collections::BTreeMap;
#[cfg(test)]
use std::sync::Mutex;

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
    #[error("the system keyring is not responding (no answer within {0} seconds)")]
    Timeout(u64),
    /// Several keyring items match one name: which holds the secret is not guessed.
    #[error("{} keyring items match {user}: {}", items.len(), items.join(", "))]
    Ambiguous { service: String, user: String, items: Vec<String> },
    /// The file store's file is readable by others.
    #[error("{path} is readable by other users (mode {mode:o}); run `chmod 600 {path}`")]
    InsecureFile { path: String, mode: u32 },
    #[error("{0}")]
    Other(String),
}

impl StoreError {
    /// The reason alone, for a sentence that already says "the system keyring cannot be
    /// used" (the whole error would say it twice).
    pub fn reason(&self) -> String {
        match self {
            StoreError::Unavailable(why) | StoreError::Other(why) => why.clone(),
            StoreError::Locked(why) => format!("locked: {why}"),
            other => other.to_string(),
        }
    }
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
    /// Every user name stored, when the store can list them (the file store); `None` when
    /// it cannot (a keyring is asked for one name at a time).
    fn users(&self) -> Result<Option<Vec<String>>, StoreError> {
        Ok(None)
    }
    /// A check that the store works now, before the user does any work.
    ///
    /// A probe secret is written, read back and removed: a keyring that is locked may still
    /// answer reads (with nothing), while a write needs an unlock nobody can answer, so a
    /// read alone would pass now and fail at the end, after the one-time key was typed.
    fn probe(&self) -> Result<(), StoreError> {
        let user = format!("zelty-bridge:probe-{}", std::process::id());
        let written = Secret::new(format!("probe-{}", std::process::id()));
        self.set(&user, &written)?;
        let read = self.get(&user);
        let _ = self.delete(&user);
        match read? {
            Some(back) if back == written => Ok(()),
            _ => Err(StoreError::Other("the store did not give back what was written".into())),
        }
    }
}

/// The error of a keyring that holds several items for one name, naming them; the way out
/// is to keep one. Any other error is worded as a store failure.
pub fn ambiguous_failure(err: StoreError) -> Failure {
    let StoreError::Ambiguous { service, user, items } = &err else {
        return Failure::new(Kind::Unexpected, "secret_store_failed", Msg::SecretStoreFailed.text()).detail(err);
    };
    Failure::new(
        Kind::Unexpected,
        "keyring_ambiguous",
        Secrets::KeyringAmbiguous.with("count", items.len()).with("user", user).with("items", items.join(", ")),
    )
    .hint(Secrets::KeyringAmbiguousHint.with("service", service).with("user", user))
}

/// The keyring user names of a profile's two secrets (README, "Secrets").
pub fn zelty_user(profile: &str) -> String {
    format!("{profile}:zelty-api-key")
}

pub fn hubrise_user(profile: &str) -> String {
    format!("{profile}:hubrise-access-token")
}

/// Writes every `(user, secret)` pair or none: when a write fails, the ones already made
/// are put back as they were (restored or deleted), then the error is returned with what a
/// failed put-back left behind (never dropped).
/// The secrets a failed put-back left, with why.
type Leftovers = Vec<(String, StoreError)>;

pub fn set_all(store: &dyn SecretStore, pairs: &[(String, &Secret)]) -> Result<(), (StoreError, Leftovers)> {
    let mut before: Vec<(&str, Option<Secret>)> = Vec::new();
    for (user, secret) in pairs {
        let previous = store.get(user).map_err(|e| (e, Vec::new()))?;
        if let Err(err) = store.set(user, secret) {
            // A keyring that timed out may still have made the write: put it back too.
            if matches!(err, StoreError::Timeout(_)) {
                before.push((user, previous));
            }
            let left = put_back(store, &before);
            return Err((err, left));
        }
        before.push((user, previous));
    }
    Ok(())
}

/// Puts each user's previous secret back (restored, or deleted when there was none), and
/// returns the users that could not be, with why.
pub fn put_back(store: &dyn SecretStore, previous: &[(&str, Option<Secret>)]) -> Vec<(String, StoreError)> {
    let mut left = Vec::new();
    for (user, secret) in previous.iter().rev() {
        let result = match secret {
            Some(secret) => store.set(user, secret),
            None => store.delete(user).map(drop),
        };
        if let Err(err) = result {
            left.push((user.to_string(), err));
        }
    }
    left
}

/// Stores a connection all or nothing: its secrets, then `then` (the profile file). If any
/// step fails, every secret is put back as it was; if that fails too, the error says which
/// secrets were left (`rollback_failed`, with the way to remove them), instead of a
/// failure that looks clean. `to_failure` words a store error for the user.
pub fn store_connection(
    store: &dyn SecretStore,
    pairs: &[(String, &Secret)],
    then: impl FnOnce() -> anyhow::Result<()>,
    to_failure: impl Fn(StoreError) -> Failure,
) -> anyhow::Result<()> {
    let word = |err: StoreError| -> Failure {
        match (store.kind(), err) {
            // The file store failing is the config dir failing (full, read-only): the
            // keyring's hint ("use the file store") would send the user in a circle.
            (StoreKind::File, StoreError::Other(why)) => {
                Failure::new(Kind::Unexpected, "secret_store_failed", Msg::SecretStoreFailed.text())
                    .hint(Msg::ConfigNotWritableHint.text())
                    .detail(why)
            }
            (_, err) => to_failure(err),
        }
    };
    let before: Vec<(&str, Option<Secret>)> = pairs
        .iter()
        .map(|(user, _)| store.get(user).map(|s| (user.as_str(), s)))
        .collect::<Result<_, _>>()
        .map_err(word)?;
    let failed: anyhow::Error = match set_all(store, pairs) {
        Err((err, left)) if !left.is_empty() => return Err(rollback_failure(err.to_string(), &left)),
        Err((err, _)) => return Err(word(err).into()),
        Ok(()) => match then() {
            Ok(()) => return Ok(()),
            Err(err) => err,
        },
    };
    let left = put_back(store, &before);
    if left.is_empty() { Err(failed) } else { Err(rollback_failure(format!("{failed:#}"), &left)) }
}

fn rollback_failure(cause: String, left: &Leftovers) -> anyhow::Error {
    let users: Vec<&str> = left.iter().map(|(u, _)| u.as_str()).collect();
    let mut detail = cause;
    for (user, why) in left {
        detail.push_str(&format!("; {user}: {why}"));
    }
    Failure::new(Kind::Unexpected, "rollback_failed", Interrupted::RollbackFailed.with("users", users.join(", ")))
        .hint(Interrupted::RollbackFailedHint.text())
        .detail(detail)
        .into()
}

/// The secrets stored for profiles that have no profile file but a HubRise token: left by
/// a killed run or a failed rollback, they are used by nothing and removed by nothing else.
/// A Zelty key alone is not one: `disconnect --keep-zelty` keeps it on purpose. A store
/// that cannot list its names (a keyring) is asked only about `also`, the profiles the
/// caller names. `has_profile` says whether a profile file exists.
pub fn orphans(
    store: &dyn SecretStore,
    has_profile: impl Fn(&str) -> bool,
    also: &[&str],
) -> Result<Vec<String>, StoreError> {
    let mut users: Vec<String> = store.users()?.unwrap_or_default();
    for profile in also {
        for user in [zelty_user(profile), hubrise_user(profile)] {
            if !users.contains(&user) && store.get(&user)?.is_some() {
                users.push(user);
            }
        }
    }
    let with_token: Vec<String> = users
        .iter()
        .filter(|u| u.ends_with(":hubrise-access-token"))
        .map(|u| profile_of(u).to_string())
        .filter(|p| !has_profile(p))
        .collect();
    users.retain(|user| {
        user.rsplit_once(':').is_some_and(|(profile, what)| {
            matches!(what, "zelty-api-key" | "hubrise-access-token") && with_token.iter().any(|p| p == profile)
        })
    });
    users.sort();
    users.dedup();
    Ok(users)
}

/// The profile a user name belongs to (`paris:zelty-api-key` → `paris`).
pub fn profile_of(user: &str) -> &str {
    user.rsplit_once(':').map_or(user, |(profile, _)| profile)
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

    /// A store whose writes fail after `ok_writes` of them: a disk that fills up.
    #[derive(Default)]
    struct FillingStore {
        inner: MemoryStore,
        ok_writes: Mutex<usize>,
    }

    impl SecretStore for FillingStore {
        fn kind(&self) -> StoreKind {
            StoreKind::File
        }
        fn location(&self) -> String {
            "filling".into()
        }
        fn get(&self, user: &str) -> Result<Option<Secret>, StoreError> {
            self.inner.get(user)
        }
        fn set(&self, user: &str, secret: &Secret) -> Result<(), StoreError> {
            self.write()?;
            self.inner.set(user, secret)
        }
        fn delete(&self, user: &str) -> Result<bool, StoreError> {
            self.write()?;
            self.inner.delete(user)
        }
        fn users(&self) -> Result<Option<Vec<String>>, StoreError> {
            Ok(Some(self.inner.map.lock().unwrap().keys().cloned().collect()))
        }
    }

    impl FillingStore {
        fn write(&self) -> Result<(), StoreError> {
            let mut left = self.ok_writes.lock().unwrap();
            if *left == 0 {
                return Err(StoreError::Other("No space left on device".into()));
            }
            *left -= 1;
            Ok(())
        }
    }

    #[test]
    fn a_failed_rollback_is_reported_with_what_it_left() {
        // Both secrets fit, the profile does not, and neither does the rollback.
        let store = FillingStore { ok_writes: Mutex::new(2), ..FillingStore::default() };
        let (a, b) = (Secret::new("new-zelty-key-1"), Secret::new("new-token-value-1"));
        let err = store_connection(
            &store,
            &[(zelty_user("p"), &a), (hubrise_user("p"), &b)],
            || anyhow::bail!("cannot write the profile: No space left on device"),
            |e| Failure::new(Kind::Unexpected, "x", Msg::SecretStoreFailed.text()).detail(e),
        )
        .unwrap_err();
        let failure = crate::error::failure_of(&err).unwrap();
        assert_eq!(failure.code, "rollback_failed");
        assert!(failure.message.to_string().contains("p:zelty-api-key"), "{}", failure.message);
        assert_eq!(orphans(&store, |_| false, &[]).unwrap(), vec![hubrise_user("p"), zelty_user("p")]);
        assert!(orphans(&store, |p| p == "p", &[]).unwrap().is_empty());
    }

    #[test]
    fn a_profile_that_fails_puts_the_secrets_back() {
        let store = MemoryStore::default();
        store.set(&zelty_user("p"), &Secret::new("old-zelty-key")).unwrap();
        let (a, b) = (Secret::new("new-zelty-key-2"), Secret::new("new-token-value-2"));
        let err = store_connection(
            &store,
            &[(zelty_user("p"), &a), (hubrise_user("p"), &b)],
            || anyhow::bail!("cannot write the profile"),
            |e| Failure::new(Kind::Unexpected, "x", Msg::SecretStoreFailed.text()).detail(e),
        )
        .unwrap_err();
        assert!(crate::error::failure_of(&err).is_none(), "{err:#}");
        assert_eq!(store.get(&zelty_user("p")).unwrap().unwrap().expose(), "old-zelty-key");
        assert!(store.get(&hubrise_user("p")).unwrap().is_none());
    }

    #[test]
    fn orphans_of_a_keyring_are_found_by_name() {
        let store = MemoryStore::default();
        store.set(&zelty_user("gone"), &Secret::new("a-key-of-gone")).unwrap();
        // A key kept alone is not an orphan.
        assert!(orphans(&store, |_| false, &["gone"]).unwrap().is_empty());
        store.set(&hubrise_user("gone"), &Secret::new("a-token-of-gone")).unwrap();
        // The memory store, like a keyring, cannot list.
        assert!(orphans(&store, |_| false, &[]).unwrap().is_empty());
        assert_eq!(orphans(&store, |_| false, &["gone"]).unwrap(), vec![hubrise_user("gone"), zelty_user("gone")]);
        assert!(orphans(&store, |_| true, &["gone"]).unwrap().is_empty());
        assert_eq!(profile_of("a-b:zelty-api-key"), "a-b");
    }

    #[test]
    fn store_names_parse() {
        assert_eq!(StoreKind::parse("Keyring"), Some(StoreKind::Keyring));
        assert_eq!(StoreKind::parse(" file "), Some(StoreKind::File));
        assert_eq!(StoreKind::parse("memory"), None);
        assert_eq!(StoreKind::parse("plaintext"), None);
    }
}
