//! Removing a profile's secrets from every store that may hold them, whatever its profile
//! says: a `connect --force` that switched stores leaves the old store's secrets behind, and
//! `disconnect` must not say "deleted" while a copy is left. Each store reports what it held
//! and what became of it; the caller words it.

// For `disconnect`, which is to call it; until then only the tests do.

use super::{SecretStore, StoreError, StoreKind};
use crate::i18n::{Secrets, Text};

/// What one store held of the secrets asked for, and what became of them.
#[derive(Debug)]
pub struct Sweep {
    pub store: StoreKind,
    /// The keyring service or the file's path.
    pub location: String,
    /// The user names found and removed here.
    pub removed: Vec<String>,
    /// Why this store could not be looked at, or not emptied (the names removed before the
    /// error stay in `removed`).
    pub error: Option<StoreError>,
}

impl Sweep {
    /// One line for the user: removed, nothing there, or not checked and why.
    pub fn text(&self) -> Text {
        let store = format!("{} ({})", self.store.name(), self.location);
        match (&self.error, self.removed.is_empty()) {
            (Some(err), _) => Secrets::NotChecked.with("store", store).with("why", err.reason()),
            (None, true) => Secrets::NothingIn.with("store", store),
            (None, false) => Secrets::RemovedFrom.with("store", store).with("users", self.removed.join(", ")),
        }
    }

    /// The same for `--json`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "store": self.store.name(),
            "location": self.location,
            "removed": self.removed,
            "error": self.error.as_ref().map(ToString::to_string),
        })
    }
}

/// Removes `users` from each of `stores`. Blocking (the keyring): run it off the async
/// threads. A store that fails is not asked again (a locked keyring would wait out its
/// deadline once per name); the others are still emptied.
///
/// `disconnect` calls it with `Ctx::every_store()` and the profile's user names, and says
/// "deleted" only when no sweep has an error.
pub fn remove_everywhere(stores: Vec<Box<dyn SecretStore>>, users: &[String]) -> Vec<Sweep> {
    stores
        .into_iter()
        .map(|store| {
            let mut sweep = Sweep { store: store.kind(), location: store.location(), removed: Vec::new(), error: None };
            for user in users {
                match store.delete(user) {
                    Ok(true) => sweep.removed.push(user.clone()),
                    Ok(false) => {}
                    Err(err) => {
                        sweep.error = Some(err);
                        break;
                    }
                }
            }
            sweep
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::{FileStore, MemoryStore, hubrise_user, zelty_user};
    use super::*;
    use crate::i18n::Lang;
    use crate::secret::Secret;

    #[test]
    fn every_store_is_emptied_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        let file = FileStore::new(dir.path().join("secrets.json"));
        file.set(&zelty_user("p"), &Secret::new("key-in-the-file")).unwrap();
        file.set(&hubrise_user("p"), &Secret::new("token-in-the-file")).unwrap();
        file.set(&zelty_user("other"), &Secret::new("key-of-another")).unwrap();
        let keyring = MemoryStore::default();
        keyring.set(&hubrise_user("p"), &Secret::new("token-in-the-keyring")).unwrap();
        let empty = MemoryStore::default();
        let users = [zelty_user("p"), hubrise_user("p")];
        let sweeps = remove_everywhere(vec![Box::new(keyring), Box::new(file), Box::new(empty)], &users);
        assert_eq!(sweeps[0].removed, vec![hubrise_user("p")]);
        assert_eq!(sweeps[1].removed, users.to_vec());
        assert!(sweeps[2].removed.is_empty() && sweeps[2].error.is_none());
        let file = FileStore::new(dir.path().join("secrets.json"));
        assert_eq!(file.users().unwrap().unwrap(), vec![zelty_user("other")], "other profiles untouched");
        assert!(sweeps[1].text().render(Lang::En).contains("removed p:zelty-api-key, p:hubrise-access-token"));
        assert!(sweeps[2].text().render(Lang::Fr).contains("rien d'enregistré"));
    }

    #[test]
    fn a_store_that_fails_is_reported_and_the_others_emptied() {
        let failing = MemoryStore { fail_on: None, ..MemoryStore::default() };
        // A store whose delete fails: the file store refuses a file others can read.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secrets.json");
        std::fs::write(&path, "{}").unwrap();
        #[cfg(unix)]
        std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
        failing.set(&zelty_user("p"), &Secret::new("key-in-memory")).unwrap();
        let sweeps = remove_everywhere(vec![Box::new(FileStore::new(path)), Box::new(failing)], &[zelty_user("p")]);
        #[cfg(unix)]
        assert!(matches!(sweeps[0].error, Some(StoreError::InsecureFile { .. })), "{sweeps:?}");
        assert_eq!(sweeps[1].removed, vec![zelty_user("p")]);
        assert_eq!(sweeps[1].to_json()["removed"][0], "p:zelty-api-key");
    }
}
