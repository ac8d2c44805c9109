//! The OS keyring (Secret Service on Linux, Keychain on macOS, Credential Manager on
//! Windows) through the `keyring` crate. Each call runs on its own thread and is abandoned
//! after a deadline: a keyring waiting on an unlock prompt nobody can see, or a D-Bus peer
//! that never answers, must not hang the tool (gh and Stripe do the same with 3 s).

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

    /// Runs `op` on an entry on a worker thread; gives up after the deadline, leaving the
    /// thread to finish (or not) on its own.
    fn call<T: Send + 'static>(
        &self,
        user: &str,
        op: impl FnOnce(keyring::Entry) -> keyring::Result<T> + Send + 'static,
    ) -> Result<T, StoreError> {
        let (tx, rx) = mpsc::channel();
        let (service, user) = (self.service.clone(), user.to_string());
        std::thread::Builder::new()
            .name("keyring".into())
            .spawn(move || {
                let result = keyring::Entry::new(&service, &user).and_then(op);
                let _ = tx.send(result);
            })
            .map_err(|e| StoreError::Other(format!("cannot start the keyring thread: {e}")))?;
        match rx.recv_timeout(self.deadline) {
            Ok(result) => result.map_err(classify),
            Err(_) => Err(StoreError::Timeout(self.deadline.as_secs().max(1))),
        }
    }
}

/// Sorts the keyring crate's errors into the cases we explain differently.
fn classify(err: keyring::Error) -> StoreError {
    match err {
        keyring::Error::NoStorageAccess(inner) => StoreError::Locked(inner.to_string()),
        keyring::Error::PlatformFailure(inner) => StoreError::Unavailable(inner.to_string()),
        other => StoreError::Other(other.to_string()),
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
        self.call(user, |entry| match entry.get_password() {
            Ok(value) => Ok(Some(Secret::new(value))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(err) => Err(err),
        })
    }

    fn set(&self, user: &str, secret: &Secret) -> Result<(), StoreError> {
        let value = zeroize::Zeroizing::new(secret.expose().to_string());
        self.call(user, move |entry| entry.set_password(&value))
    }

    fn delete(&self, user: &str) -> Result<bool, StoreError> {
        self.call(user, |entry| match entry.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring::Error::NoEntry) => Ok(false),
            Err(err) => Err(err),
        })
    }
}
