//! The OS keyring through `keyring::Entry`, the same calls on every OS: the Keychain on
//! macOS and the Credential Manager on Windows through keyring's native stores, the Secret
//! Service on Linux and the BSDs through our pooled store (`super::secret_service`),
//! installed as keyring's default credential builder before the first entry is made.
//!
//! Every item is scoped to the config directory (`super::scope`): a store reads, writes and
//! removes only its own config's items. An item stored by an earlier version (no scope) is
//! adopted by the config that has a profile naming it, the first time it is read there: the
//! scoped item is written and the old one removed.
//!
//! Each call runs on its own thread and is abandoned after a deadline: a keyring waiting on
//! an unlock prompt nobody can see, or a D-Bus peer that never answers, must not hang the
//! tool (gh and Stripe do the same with 3 s). An abandoned call may still land later, so
//! calls on one user name take their turn: the next call on that name (a rollback, say)
//! starts only once the abandoned one has ended, or is abandoned in turn at its own
//! deadline, never racing it through another connection. A call abandoned before its turn
//! came is dropped, not run late.

use super::{SecretStore, StoreError, StoreKind, profile_of, scope};
use crate::secret::Secret;
use keyring::credential::CredentialBuilder;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError, mpsc};
use std::time::Duration;

/// Whether this config has a profile of that name (the one that may adopt its old items).
type Adopt = Arc<dyn Fn(&str) -> bool + Send + Sync>;

pub struct KeyringStore {
    service: String,
    deadline: Duration,
    scope: String,
    adopt: Adopt,
    /// The store entries are built by; `None` is keyring's default (ours on Linux).
    builder: Option<Arc<CredentialBuilder>>,
}

/// What a worker thread needs to make entries.
#[derive(Clone)]
struct Entries {
    service: String,
    scope: String,
    adopt: Adopt,
    builder: Option<Arc<CredentialBuilder>>,
}

impl KeyringStore {
    /// The keyring's items of service `service` for the config directory `config_dir`.
    pub fn new(service: impl Into<String>, deadline: Duration, config_dir: &std::path::Path) -> KeyringStore {
        #[cfg(not(any(target_os = "macos", target_os = "windows")))]
        super::secret_service::install(deadline);
        KeyringStore {
            service: service.into(),
            deadline,
            scope: scope::of(config_dir),
            adopt: Arc::new(|_| false),
            builder: None,
        }
    }

    /// Adopts the unscoped items (from earlier versions) of the profiles `has_profile`
    /// says this config has.
    pub fn adopting(mut self, has_profile: impl Fn(&str) -> bool + Send + Sync + 'static) -> KeyringStore {
        self.adopt = Arc::new(has_profile);
        self
    }

    /// The config scope of this store's items.
    #[cfg(test)]
    fn scope(&self) -> &str {
        &self.scope
    }

    /// Entries made by `builder` instead of keyring's default, for unit tests.
    #[cfg(test)]
    fn with_builder(mut self, builder: Arc<CredentialBuilder>) -> KeyringStore {
        self.builder = Some(builder);
        self
    }

    fn entries(&self) -> Entries {
        Entries {
            service: self.service.clone(),
            scope: self.scope.clone(),
            adopt: Arc::clone(&self.adopt),
            builder: self.builder.clone(),
        }
    }

    /// Runs `op` on a worker thread once the calls before it on `user` have ended; gives up
    /// after the deadline, leaving the thread to finish (or not) on its own.
    fn call<T: Send + 'static>(
        &self,
        user: &str,
        op: impl FnOnce(&Entries) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let (tx, rx) = mpsc::channel();
        let turn = turn_of(&self.service, user);
        let abandoned = Arc::new(AtomicBool::new(false));
        let (entries, gave_up) = (self.entries(), Arc::clone(&abandoned));
        std::thread::Builder::new()
            .name("keyring".into())
            .spawn(move || {
                let _turn = turn.lock().unwrap_or_else(PoisonError::into_inner);
                if gave_up.load(Ordering::SeqCst) {
                    return;
                }
                let _ = tx.send(op(&entries));
            })
            .map_err(|e| StoreError::Other(format!("cannot start the keyring thread: {e}")))?;
        match rx.recv_timeout(self.deadline) {
            Ok(result) => result,
            Err(_) => {
                abandoned.store(true, Ordering::SeqCst);
                Err(StoreError::Timeout(self.deadline.as_secs().max(1)))
            }
        }
    }
}

/// The lock a call on `user` holds while it runs (held by its thread, even after its caller
/// gave up on it). Never removed: one per user name the run touches.
fn turn_of(service: &str, user: &str) -> Arc<Mutex<()>> {
    static TURNS: Mutex<Option<HashMap<String, Arc<Mutex<()>>>>> = Mutex::new(None);
    let mut turns = TURNS.lock().unwrap_or_else(PoisonError::into_inner);
    Arc::clone(turns.get_or_insert_with(HashMap::new).entry(format!("{service}\n{user}")).or_default())
}

impl Entries {
    /// The entry of `user` in this config's scope, or with `scoped` false the unscoped one an
    /// earlier version stored.
    fn entry(&self, user: &str, scoped: bool) -> Result<keyring::Entry, StoreError> {
        let name = if scoped { scope::scoped(user, &self.scope) } else { user.to_string() };
        let entry = match &self.builder {
            Some(builder) => builder.build(None, &self.service, &name).map(keyring::Entry::new_with_credential),
            None => keyring::Entry::new(&self.service, &name),
        };
        entry.map_err(|e| self.classify(user, e))
    }

    /// Whether the unscoped item of `user` is this config's to adopt: one of a profile's
    /// two secrets, of a profile this config has.
    fn adopts(&self, user: &str) -> bool {
        let known = user.ends_with(":zelty-api-key") || user.ends_with(":hubrise-access-token");
        known && (self.adopt)(profile_of(user))
    }

    fn get(&self, user: &str) -> Result<Option<Secret>, StoreError> {
        let scoped = self.entry(user, true)?;
        match scoped.get_password() {
            Ok(value) => return Ok(Some(Secret::new(value))),
            Err(keyring::Error::NoEntry) => {}
            Err(err) => return Err(self.classify(user, err)),
        }
        if !self.adopts(user) {
            return Ok(None);
        }
        let old = self.entry(user, false)?;
        let value = match old.get_password() {
            Ok(value) => zeroize::Zeroizing::new(value),
            Err(keyring::Error::NoEntry) => return Ok(None),
            Err(err) => return Err(self.classify(user, err)),
        };
        scoped.set_password(&value).map_err(|e| self.classify(user, e))?;
        // The secret is safe in its scoped item now; an old item that would not go is
        // removed with the scoped one by `disconnect` (`delete` below).
        let _ = old.delete_credential();
        Ok(Some(Secret::new(value.as_str())))
    }

    fn set(&self, user: &str, value: &str) -> Result<(), StoreError> {
        self.entry(user, true)?.set_password(value).map_err(|e| self.classify(user, e))
    }

    /// Removes the scoped item, and the unscoped one this config would adopt.
    fn delete(&self, user: &str) -> Result<bool, StoreError> {
        let mut removed = false;
        let mut entries = vec![self.entry(user, true)?];
        if self.adopts(user) {
            entries.push(self.entry(user, false)?);
        }
        for entry in entries {
            match entry.delete_credential() {
                Ok(()) => removed = true,
                Err(keyring::Error::NoEntry) => {}
                Err(err) => return Err(self.classify(user, err)),
            }
        }
        Ok(removed)
    }

    /// Sorts keyring's errors into the cases the user is told apart.
    fn classify(&self, user: &str, err: keyring::Error) -> StoreError {
        match err {
            keyring::Error::NoStorageAccess(inner) => StoreError::Locked(inner.to_string()),
            keyring::Error::Ambiguous(items) => StoreError::Ambiguous {
                service: self.service.clone(),
                user: user.to_string(),
                items: items.iter().map(|i| format!("{i:?}")).collect(),
            },
            #[cfg(not(any(target_os = "macos", target_os = "windows")))]
            keyring::Error::PlatformFailure(inner)
                if matches!(inner.downcast_ref(), Some(super::secret_service::SsFailure::Other(_))) =>
            {
                StoreError::Other(inner.to_string())
            }
            keyring::Error::PlatformFailure(inner) => StoreError::Unavailable(inner.to_string()),
            other => StoreError::Other(other.to_string()),
        }
    }
}

impl SecretStore for KeyringStore {
    fn kind(&self) -> StoreKind {
        StoreKind::Keyring
    }

    fn location(&self) -> String {
        self.service.clone()
    }

    fn get(&self, user: &str) -> Result<Option<Secret>, StoreError> {
        let owned = user.to_string();
        self.call(user, move |entries| entries.get(&owned))
    }

    fn set(&self, user: &str, secret: &Secret) -> Result<(), StoreError> {
        let (owned, value) = (user.to_string(), zeroize::Zeroizing::new(secret.expose().to_string()));
        self.call(user, move |entries| entries.set(&owned, &value))
    }

    fn delete(&self, user: &str) -> Result<bool, StoreError> {
        let owned = user.to_string();
        self.call(user, move |entries| entries.delete(&owned))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use keyring::credential::{Credential, CredentialApi, CredentialBuilderApi};
    use std::any::Any;
    use std::sync::Condvar;

    /// An in-memory keyring whose writes of one value can be held until released: a
    /// Secret Service that answers a `CreateItem` after the caller's deadline.
    #[derive(Default)]
    struct SlowKeyring {
        items: Mutex<HashMap<String, String>>,
        /// A write of this value waits until `release` is called.
        hold: Mutex<Option<String>>,
        released: Condvar,
    }

    impl SlowKeyring {
        fn release(&self) {
            *self.hold.lock().unwrap() = None;
            self.released.notify_all();
        }
        fn value(&self, name: &str) -> Option<String> {
            self.items.lock().unwrap().get(name).cloned()
        }
    }

    #[derive(Debug)]
    struct Item {
        keyring: Arc<SlowKeyring>,
        name: String,
    }

    impl std::fmt::Debug for SlowKeyring {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("SlowKeyring")
        }
    }

    impl CredentialApi for Item {
        fn set_secret(&self, secret: &[u8]) -> keyring::Result<()> {
            let value = String::from_utf8(secret.to_vec()).unwrap();
            let mut hold = self.keyring.hold.lock().unwrap();
            while hold.as_deref() == Some(value.as_str()) {
                hold = self.keyring.released.wait(hold).unwrap();
            }
            drop(hold);
            self.keyring.items.lock().unwrap().insert(self.name.clone(), value);
            Ok(())
        }
        fn get_secret(&self) -> keyring::Result<Vec<u8>> {
            self.keyring.value(&self.name).map(String::into_bytes).ok_or(keyring::Error::NoEntry)
        }
        fn delete_credential(&self) -> keyring::Result<()> {
            self.keyring.items.lock().unwrap().remove(&self.name).map(drop).ok_or(keyring::Error::NoEntry)
        }
        fn as_any(&self) -> &dyn Any {
            self
        }
    }

    #[derive(Debug)]
    struct Builder(Arc<SlowKeyring>);

    impl CredentialBuilderApi for Builder {
        fn build(&self, _: Option<&str>, service: &str, user: &str) -> keyring::Result<Box<Credential>> {
            Ok(Box::new(Item { keyring: Arc::clone(&self.0), name: format!("{service}/{user}") }))
        }
        fn as_any(&self) -> &dyn Any {
            self
        }
    }

    fn store(keyring: &Arc<SlowKeyring>, service: &str, dir: &std::path::Path) -> KeyringStore {
        KeyringStore::new(service, Duration::from_millis(300), dir).with_builder(Arc::new(Builder(Arc::clone(keyring))))
    }

    /// A write that timed out lands after its caller gave up; the rollback must come after
    /// it, not race it through another connection and lose.
    #[test]
    fn a_timed_out_write_is_rolled_back_after_it_lands() {
        let keyring = Arc::new(SlowKeyring::default());
        let dir = tempfile::tempdir().unwrap();
        let store = store(&keyring, "race-test-1", dir.path());
        let user = super::super::zelty_user("p");
        let scoped = format!("race-test-1/{}", scope::scoped(&user, store.scope()));
        *keyring.hold.lock().unwrap() = Some("new-zelty-key".into());
        let (a, b) = (Secret::new("new-zelty-key"), Secret::new("new-token"));
        let releaser = {
            let keyring = Arc::clone(&keyring);
            // Lands once the caller has given up on it (the store's deadline is 300 ms).
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(450));
                keyring.release();
            })
        };
        let pairs = [(user.clone(), &a), (super::super::hubrise_user("p"), &b)];
        let (err, left) = super::super::set_all(&store, &pairs).unwrap_err();
        releaser.join().unwrap();
        assert!(matches!(err, StoreError::Timeout(_)), "{err:?}");
        // The rollback (a delete) waited its turn behind the write: either it ran after the
        // write landed, or it was itself abandoned and said so. Never the new key left
        // silently in place.
        let landed = keyring.value(&scoped);
        assert!(landed.is_none() || left.iter().any(|(u, _)| *u == user), "left {landed:?}, reported {left:?}");
        // Wait for the worker threads, then look again: nothing runs out of turn later.
        let _ = store.get(&user);
        assert!(keyring.value(&scoped).is_none() || left.iter().any(|(u, _)| *u == user));
    }

    #[test]
    fn a_call_abandoned_before_its_turn_never_runs() {
        let keyring = Arc::new(SlowKeyring::default());
        let dir = tempfile::tempdir().unwrap();
        let store = store(&keyring, "race-test-2", dir.path());
        *keyring.hold.lock().unwrap() = Some("first".into());
        assert!(matches!(store.set("p:zelty-api-key", &Secret::new("first")), Err(StoreError::Timeout(_))));
        // Waits behind the first, which is held past this one's deadline too.
        assert!(matches!(store.set("p:zelty-api-key", &Secret::new("second")), Err(StoreError::Timeout(_))));
        keyring.release();
        // Its turn comes after both: the first landed, the second was dropped.
        let got = store.get("p:zelty-api-key").unwrap().unwrap();
        assert_eq!(got.expose(), "first");
    }

    #[test]
    fn items_are_scoped_to_their_config_dir() {
        let keyring = Arc::new(SlowKeyring::default());
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let (in_a, in_b) = (store(&keyring, "scope-test", a.path()), store(&keyring, "scope-test", b.path()));
        in_a.set("p:zelty-api-key", &Secret::new("key-of-a")).unwrap();
        assert!(in_b.get("p:zelty-api-key").unwrap().is_none());
        assert!(!in_b.delete("p:zelty-api-key").unwrap());
        in_b.set("p:zelty-api-key", &Secret::new("key-of-b")).unwrap();
        assert_eq!(in_a.get("p:zelty-api-key").unwrap().unwrap().expose(), "key-of-a");
        assert_eq!(in_b.get("p:zelty-api-key").unwrap().unwrap().expose(), "key-of-b");
    }

    #[test]
    fn an_old_item_is_adopted_once_by_the_config_with_the_profile() {
        let keyring = Arc::new(SlowKeyring::default());
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        keyring.items.lock().unwrap().insert("adopt-test/p:zelty-api-key".into(), "old-key".into());
        let without = store(&keyring, "adopt-test", b.path()).adopting(|_| false);
        assert!(without.get("p:zelty-api-key").unwrap().is_none(), "a config without the profile leaves it");
        assert!(!without.delete("p:zelty-api-key").unwrap());
        let with = store(&keyring, "adopt-test", a.path()).adopting(|p| p == "p");
        assert_eq!(with.get("p:zelty-api-key").unwrap().unwrap().expose(), "old-key");
        assert_eq!(keyring.value("adopt-test/p:zelty-api-key"), None, "the old item is gone");
        let scoped = format!("adopt-test/{}", scope::scoped("p:zelty-api-key", with.scope()));
        assert_eq!(keyring.value(&scoped).as_deref(), Some("old-key"));
        // Not a probe or any other name.
        keyring.items.lock().unwrap().insert("adopt-test/p:probe".into(), "x".into());
        assert!(with.get("p:probe").unwrap().is_none());
    }

    /// Without the builder of a test, entries go to the pooled Secret Service on Linux,
    /// never to keyring's in-memory mock (what keyring uses with no Linux feature).
    #[cfg(not(any(target_os = "macos", target_os = "windows")))]
    #[test]
    fn linux_entries_use_the_pooled_secret_service() {
        let dir = tempfile::tempdir().unwrap();
        let store = KeyringStore::new("zelty-bridge", Duration::from_secs(1), dir.path());
        let entry = store.entries().entry("p:zelty-api-key", true).unwrap();
        assert!(entry.get_credential().downcast_ref::<super::super::secret_service::SsItem>().is_some());
    }
}
