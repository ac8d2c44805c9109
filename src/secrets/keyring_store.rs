//! The OS keyring: the Secret Service on Linux and the BSDs, through `dbus-secret-service`
//! (the library the `keyring` crate itself uses there), and the Keychain on macOS or the
//! Credential Manager on Windows through `keyring`'s native stores. Each call runs on its
//! own thread and is abandoned after a deadline: a keyring waiting on an unlock prompt
//! nobody can see, or a D-Bus peer that never answers, must not hang the tool (gh and
//! Stripe do the same with 3 s).
//!
//! On the Secret Service, `keyring` opens a new D-Bus connection and a new encrypted
//! session (a Diffie-Hellman exchange) for every call, and two for a write: hundreds of
//! profiles then spend most of a run there, one call after the other. Here the process
//! keeps a few connections, each with its session, for the whole run; calls take an idle
//! one (so several run side by side), a write is one `CreateItem` with `replace`, and the
//! items keep `keyring`'s attributes (`service`, `username`, `target`, `application`), so
//! secrets stored by earlier versions are found and replaced, and `secret-tool lookup
//! service S username U` reads them.

use super::{SecretStore, StoreError, StoreKind};
use crate::secret::Secret;
use std::sync::mpsc;
use std::time::Duration;

pub struct KeyringStore {
    service: String,
    deadline: Duration,
}

impl KeyringStore {
    pub fn new(service: impl Into<String>, deadline: Duration) -> KeyringStore {
        KeyringStore { service: service.into(), deadline }
    }

    /// Runs `op` on a worker thread; gives up after the deadline, leaving the thread to
    /// finish (or not) on its own.
    fn call<T: Send + 'static>(
        &self,
        op: impl FnOnce(&str, Duration) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let (tx, rx) = mpsc::channel();
        let (service, deadline) = (self.service.clone(), self.deadline);
        std::thread::Builder::new()
            .name("keyring".into())
            .spawn(move || {
                let _ = tx.send(op(&service, deadline));
            })
            .map_err(|e| StoreError::Other(format!("cannot start the keyring thread: {e}")))?;
        match rx.recv_timeout(self.deadline) {
            Ok(result) => result,
            Err(_) => Err(StoreError::Timeout(self.deadline.as_secs().max(1))),
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
        let user = user.to_string();
        self.call(move |service, deadline| native::get(service, &user, deadline))
    }

    fn set(&self, user: &str, secret: &Secret) -> Result<(), StoreError> {
        let (user, value) = (user.to_string(), zeroize::Zeroizing::new(secret.expose().to_string()));
        self.call(move |service, deadline| native::set(service, &user, &value, deadline))
    }

    fn delete(&self, user: &str) -> Result<bool, StoreError> {
        let user = user.to_string();
        self.call(move |service, deadline| native::delete(service, &user, deadline))
    }
}

/// The Secret Service, with connections kept for the run.
#[cfg(not(any(target_os = "macos", target_os = "windows")))]
mod native {
    use super::StoreError;
    use crate::secret::Secret;
    use dbus_secret_service::{EncryptionType, Error, Item, SecretService};
    use std::collections::HashMap;
    use std::sync::{Condvar, Mutex, PoisonError};
    use std::time::Duration;

    /// Connections open at once. gnome-keyring answers one message at a time, so more
    /// would only queue there; a few let our side of each round trip overlap.
    const MAX_CONNECTIONS: usize = 4;

    /// The attributes `keyring` 3 gives an item (its `secret_service.rs`), kept so that
    /// items it stored are the ones found and replaced.
    const TARGET: &str = "default";
    const APPLICATION: &str = "rust-keyring";

    struct Pool {
        state: Mutex<(Vec<SecretService>, usize)>,
        freed: Condvar,
    }

    static POOL: Pool = Pool { state: Mutex::new((Vec::new(), 0)), freed: Condvar::new() };

    impl Pool {
        /// An idle connection, a new one while fewer than `MAX_CONNECTIONS` are open, or
        /// the next one given back.
        fn take(&self, deadline: Duration) -> Result<SecretService, StoreError> {
            let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
            loop {
                if let Some(ss) = state.0.pop() {
                    return Ok(ss);
                }
                if state.1 < MAX_CONNECTIONS {
                    state.1 += 1;
                    drop(state);
                    // An unlock prompt is dismissed at the deadline rather than left open.
                    return SecretService::connect_with_max_prompt_timeout(EncryptionType::Dh, deadline.as_secs())
                        .map_err(|e| {
                            self.lost();
                            match e {
                                Error::Locked | Error::Prompt => StoreError::Locked(e.to_string()),
                                _ => StoreError::Unavailable(e.to_string()),
                            }
                        });
                }
                state = self.freed.wait(state).unwrap_or_else(PoisonError::into_inner);
            }
        }

        fn give(&self, ss: SecretService) {
            self.state.lock().unwrap_or_else(PoisonError::into_inner).0.push(ss);
            self.freed.notify_one();
        }

        fn lost(&self) {
            self.state.lock().unwrap_or_else(PoisonError::into_inner).1 -= 1;
            self.freed.notify_one();
        }
    }

    /// Runs `op` on a pooled connection. A connection that failed on D-Bus is closed
    /// rather than given back.
    fn with<T>(deadline: Duration, op: impl FnOnce(&SecretService) -> Result<T, Error>) -> Result<T, StoreError> {
        let ss = POOL.take(deadline)?;
        let result = op(&ss);
        match &result {
            Err(Error::Dbus(_)) => {
                drop(ss);
                POOL.lost();
            }
            _ => POOL.give(ss),
        }
        result.map_err(classify)
    }

    /// Sorts the library's errors into the cases we explain differently.
    fn classify(err: Error) -> StoreError {
        match err {
            // No default collection means none was ever created or unlocked.
            Error::Locked | Error::Prompt | Error::NoResult => StoreError::Locked(err.to_string()),
            Error::Unavailable => StoreError::Unavailable(err.to_string()),
            other => StoreError::Other(other.to_string()),
        }
    }

    fn attributes<'a>(service: &'a str, user: &'a str) -> HashMap<&'a str, &'a str> {
        HashMap::from([("service", service), ("username", user)])
    }

    /// The items stored for `user`, unlocked (which may prompt, up to the deadline).
    fn items<'a>(ss: &'a SecretService, service: &str, user: &str) -> Result<Vec<Item<'a>>, Error> {
        let found = ss.search_items(attributes(service, user))?;
        if !found.locked.is_empty() {
            ss.unlock_all(&found.locked.iter().collect::<Vec<_>>())?;
        }
        Ok(found.unlocked.into_iter().chain(found.locked).collect())
    }

    pub fn get(service: &str, user: &str, deadline: Duration) -> Result<Option<Secret>, StoreError> {
        let bytes = with(deadline, |ss| match items(ss, service, user)?.first() {
            Some(item) => item.get_secret().map(Some),
            None => Ok(None),
        })?;
        bytes
            .map(|b| String::from_utf8(b).map(Secret::new).map_err(|_| StoreError::Other("not UTF-8".into())))
            .transpose()
    }

    pub fn set(service: &str, user: &str, value: &str, deadline: Duration) -> Result<(), StoreError> {
        with(deadline, |ss| {
            let collection = ss.get_default_collection()?;
            if collection.is_locked()? {
                collection.unlock()?;
            }
            let mut attrs = attributes(service, user);
            attrs.extend([("target", TARGET), ("application", APPLICATION)]);
            let label = format!("{user}@{service}:{TARGET} (zelty-bridge)");
            // `replace`: an item with the same attributes gets the new secret.
            collection.create_item(&label, attrs, value.as_bytes(), true, "text/plain").map(|_| ())
        })
    }

    pub fn delete(service: &str, user: &str, deadline: Duration) -> Result<bool, StoreError> {
        with(deadline, |ss| {
            let found = items(ss, service, user)?;
            for item in &found {
                item.delete()?;
            }
            Ok(!found.is_empty())
        })
    }
}

/// The platform's own store through `keyring`, one entry per call.
#[cfg(any(target_os = "macos", target_os = "windows"))]
mod native {
    use super::StoreError;
    use crate::secret::Secret;
    use std::time::Duration;

    fn classify(err: keyring::Error) -> StoreError {
        match err {
            keyring::Error::NoStorageAccess(inner) => StoreError::Locked(inner.to_string()),
            keyring::Error::PlatformFailure(inner) => StoreError::Unavailable(inner.to_string()),
            other => StoreError::Other(other.to_string()),
        }
    }

    pub fn get(service: &str, user: &str, _: Duration) -> Result<Option<Secret>, StoreError> {
        match keyring::Entry::new(service, user).and_then(|e| e.get_password()) {
            Ok(value) => Ok(Some(Secret::new(value))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(err) => Err(classify(err)),
        }
    }

    pub fn set(service: &str, user: &str, value: &str, _: Duration) -> Result<(), StoreError> {
        keyring::Entry::new(service, user).and_then(|e| e.set_password(value)).map_err(classify)
    }

    pub fn delete(service: &str, user: &str, _: Duration) -> Result<bool, StoreError> {
        match keyring::Entry::new(service, user).and_then(|e| e.delete_credential()) {
            Ok(()) => Ok(true),
            Err(keyring::Error::NoEntry) => Ok(false),
            Err(err) => Err(classify(err)),
        }
    }
}
