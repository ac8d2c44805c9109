//! The Secret Service (Linux and the BSDs) as `keyring`'s credential store: a
//! `CredentialBuilderApi` over `dbus-secret-service` (the library keyring 3's own
//! `sync-secret-service` store uses), installed with `keyring::set_default_credential_builder`
//! so that the code calls `keyring::Entry` here as it does on macOS and Windows.
//!
//! Why our own store rather than keyring's: keyring 3 opens a new D-Bus connection and a new
//! encrypted session (a Diffie-Hellman exchange) for every call, and two for a write
//! (https://github.com/hwchen/keyring-rs/blob/v3.6.3/src/secret_service.rs). Hundreds of
//! profiles then spend most of a run there. Here the process keeps a few connections, each
//! with its session, for the whole run; calls take an idle one (so several run side by side),
//! and a write is one `CreateItem` with `replace`.
//!
//! Items keep the attributes keyring 3 searches on (`service`, `username`, `target`), so
//! `secret-tool lookup service S username U` reads them, plus `zelty-bridge-config`, the
//! config directory's scope (in place of keyring's `application`, which nothing searches
//! on: gnome-keyring spends about a fifth more CPU on each write of an item with a fifth
//! attribute, and it rewrites its whole file on every write): a user name written `<user>@<scope>` (see `super::scope`) is the
//! item `username=<user>, zelty-bridge-config=<scope>`; a user name with no scope is an item
//! without that attribute (one stored by an earlier version), never a scoped one.

use super::scope;
use dbus_secret_service::{EncryptionType, Error, Item, SecretService};
use keyring::credential::{Credential, CredentialApi, CredentialBuilderApi};
use std::any::Any;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::Duration;

/// The attribute that holds an item's config scope.
pub const SCOPE_ATTRIBUTE: &str = "zelty-bridge-config";

/// Connections open at once. gnome-keyring answers one message at a time, so more would
/// only queue there; a few let our side of each round trip overlap.
const MAX_CONNECTIONS: usize = 4;

/// The target keyring 3 gives an item made with no target (its `secret_service.rs`).
const DEFAULT_TARGET: &str = "default";

/// Seconds an unlock prompt may stay open before it is dismissed (the store's deadline).
static PROMPT_SECONDS: AtomicU64 = AtomicU64::new(5);

/// Installs this store as keyring's default, once per process; later calls only update the
/// prompt deadline.
pub fn install(deadline: Duration) {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    PROMPT_SECONDS.store(deadline.as_secs().max(1), Ordering::Relaxed);
    INSTALLED.call_once(|| keyring::set_default_credential_builder(Box::new(PooledSecretService)));
}

/// The credential builder: each entry is a description of an item; the pool is shared.
#[derive(Debug)]
pub struct PooledSecretService;

impl CredentialBuilderApi for PooledSecretService {
    fn build(&self, target: Option<&str>, service: &str, user: &str) -> keyring::Result<Box<Credential>> {
        let (user, scope) = scope::split(user);
        Ok(Box::new(SsItem {
            service: service.to_string(),
            user: user.to_string(),
            scope: scope.map(str::to_string),
            target: target.unwrap_or(DEFAULT_TARGET).to_string(),
        }))
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// One entry: the items with these attributes.
#[derive(Debug, Clone)]
pub struct SsItem {
    service: String,
    user: String,
    scope: Option<String>,
    target: String,
}

/// An item found among several that match one entry, named for the error that refuses to
/// choose between them.
#[derive(Debug)]
pub struct FoundItem(pub String);

impl CredentialApi for FoundItem {
    fn set_secret(&self, _: &[u8]) -> keyring::Result<()> {
        Err(keyring::Error::Invalid("item".into(), "found by a search; not writable".into()))
    }
    fn get_secret(&self) -> keyring::Result<Vec<u8>> {
        Err(keyring::Error::NoEntry)
    }
    fn delete_credential(&self) -> keyring::Result<()> {
        Err(keyring::Error::NoEntry)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn debug_fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why the Secret Service failed, carried inside keyring's `PlatformFailure` so the store
/// can tell "no keyring here" from "the keyring refused this".
#[derive(Debug, thiserror::Error)]
pub enum SsFailure {
    #[error("{0}")]
    Unavailable(String),
    #[error("{0}")]
    Other(String),
}

impl SsItem {
    /// The attributes searched: service, user, and the scope when there is one.
    fn search(&self) -> HashMap<&str, &str> {
        let mut attrs = HashMap::from([("service", self.service.as_str()), ("username", self.user.as_str())]);
        if let Some(scope) = &self.scope {
            attrs.insert(SCOPE_ATTRIBUTE, scope);
        }
        attrs
    }

    /// The items of this entry, unlocked (which may prompt, up to the deadline). An entry
    /// with no scope is only the items without one: a search cannot say "attribute absent",
    /// so each found item's attributes are read (only on this path, for older items).
    fn items<'a>(&self, ss: &'a SecretService) -> Result<Vec<Item<'a>>, Error> {
        let found = ss.search_items(self.search())?;
        if !found.locked.is_empty() {
            ss.unlock_all(&found.locked.iter().collect::<Vec<_>>())?;
        }
        let mut items: Vec<Item<'a>> = found.unlocked.into_iter().chain(found.locked).collect();
        if self.scope.is_none() {
            let mut unscoped = Vec::with_capacity(items.len());
            for item in items {
                if !item.get_attributes()?.contains_key(SCOPE_ATTRIBUTE) {
                    unscoped.push(item);
                }
            }
            items = unscoped;
        }
        Ok(items)
    }

    fn name(item: &Item<'_>) -> String {
        let label = item.get_label().unwrap_or_default();
        format!("\"{label}\" ({})", item.path)
    }
}

impl CredentialApi for SsItem {
    fn set_secret(&self, secret: &[u8]) -> keyring::Result<()> {
        with(|ss| {
            let collection = ss.get_default_collection()?;
            if collection.is_locked()? {
                collection.unlock()?;
            }
            let mut attrs = self.search();
            attrs.insert("target", self.target.as_str());
            let label = format!("{}@{}:{} (zelty-bridge)", self.user, self.service, self.target);
            // `replace`: an item with the same attributes gets the new secret.
            collection.create_item(&label, attrs, secret, true, "text/plain").map(drop)
        })
    }

    /// The secret of the one matching item; several are refused (`Ambiguous`, naming them)
    /// rather than one picked at random.
    fn get_secret(&self) -> keyring::Result<Vec<u8>> {
        with(|ss| {
            let items = self.items(ss)?;
            match items.as_slice() {
                [] => Ok(Err(keyring::Error::NoEntry)),
                [item] => item.get_secret().map(Ok),
                several => Ok(Err(keyring::Error::Ambiguous(
                    several.iter().map(|i| Box::new(FoundItem(Self::name(i))) as Box<Credential>).collect(),
                ))),
            }
        })?
    }

    /// Deletes every matching item: all of them are this entry's, and a disconnect must not
    /// leave a duplicate behind.
    fn delete_credential(&self) -> keyring::Result<()> {
        with(|ss| {
            let items = self.items(ss)?;
            for item in &items {
                item.delete()?;
            }
            Ok(if items.is_empty() { Err(keyring::Error::NoEntry) } else { Ok(()) })
        })?
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

struct Pool {
    state: Mutex<(Vec<SecretService>, usize)>,
    freed: Condvar,
}

static POOL: Pool = Pool { state: Mutex::new((Vec::new(), 0)), freed: Condvar::new() };

impl Pool {
    /// An idle connection, a new one while fewer than `MAX_CONNECTIONS` are open, or the
    /// next one given back.
    fn take(&self) -> keyring::Result<SecretService> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if let Some(ss) = state.0.pop() {
                return Ok(ss);
            }
            if state.1 < MAX_CONNECTIONS {
                state.1 += 1;
                drop(state);
                // An unlock prompt is dismissed at the deadline rather than left open.
                let prompt = PROMPT_SECONDS.load(Ordering::Relaxed);
                return SecretService::connect_with_max_prompt_timeout(EncryptionType::Dh, prompt).map_err(|e| {
                    self.lost();
                    match e {
                        Error::Locked | Error::Prompt => keyring::Error::NoStorageAccess(Box::new(e)),
                        _ => keyring::Error::PlatformFailure(Box::new(SsFailure::Unavailable(e.to_string()))),
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

/// Runs `op` on a pooled connection. A connection that failed on D-Bus is closed rather
/// than given back.
fn with<T>(op: impl FnOnce(&SecretService) -> Result<T, Error>) -> keyring::Result<T> {
    let ss = POOL.take()?;
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

/// Sorts the library's errors into keyring's: locked (a person must unlock it), no
/// keyring here, or a refusal.
fn classify(err: Error) -> keyring::Error {
    match err {
        // No default collection means none was ever created or unlocked.
        Error::Locked | Error::Prompt | Error::NoResult => keyring::Error::NoStorageAccess(Box::new(err)),
        Error::Unavailable => keyring::Error::PlatformFailure(Box::new(SsFailure::Unavailable(err.to_string()))),
        other => keyring::Error::PlatformFailure(Box::new(SsFailure::Other(other.to_string()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scoped_user_is_an_attribute_and_a_plain_one_is_not() {
        let b = PooledSecretService;
        let scoped = b.build(None, "zelty-bridge", "p:zelty-api-key@0123456789abcdef").unwrap();
        let scoped = scoped.as_any().downcast_ref::<SsItem>().unwrap();
        assert_eq!(scoped.search().get("username"), Some(&"p:zelty-api-key"));
        assert_eq!(scoped.search().get(SCOPE_ATTRIBUTE), Some(&"0123456789abcdef"));
        let plain = b.build(None, "zelty-bridge", "p:zelty-api-key").unwrap();
        let plain = plain.as_any().downcast_ref::<SsItem>().unwrap();
        assert_eq!(plain.search().get(SCOPE_ATTRIBUTE), None);
        assert_eq!(plain.target, "default");
    }
}
