//! The explicit opt-in file store (`ZELTY_BRIDGE_SECRET_STORE=file`): one JSON map of user
//! name to secret, mode 0600 in a 0700 directory, written atomically. Every change is a
//! read-modify-write of the whole map, so each one holds an exclusive lock on
//! `secrets.json.lock` (one for the whole store, across profiles and processes): two
//! `connect`s or `provision`s on one config dir never lose each other's secrets. It refuses
//! to read a file others can read, rather than trusting a secret that may already have leaked.

use super::{SecretStore, StoreError, StoreKind};
use crate::fsutil;
use crate::secret::Secret;
use std::collections::BTreeMap;
use std::path::PathBuf;
use zeroize::Zeroizing;

pub struct FileStore {
    path: PathBuf,
}

type Map = BTreeMap<String, Zeroizing<String>>;

impl FileStore {
    pub fn new(path: PathBuf) -> FileStore {
        FileStore { path }
    }

    fn read(&self) -> Result<Map, StoreError> {
        let Some(bytes) = fsutil::read_private(&self.path).map_err(|e| match e {
            fsutil::PrivateReadError::TooOpen(mode) => {
                StoreError::InsecureFile { path: self.path.display().to_string(), mode }
            }
            fsutil::PrivateReadError::Io(e) => StoreError::Other(format!("cannot read {}: {e}", self.path.display())),
        })?
        else {
            return Ok(Map::new());
        };
        let bytes = Zeroizing::new(bytes);
        serde_json::from_slice(&bytes)
            .map_err(|e| StoreError::Other(format!("{} is not a valid secrets file: {e}", self.path.display())))
    }

    /// Runs `change` on the map under the store's lock and writes the result when it says
    /// so. Temp files a killed writer left are removed first: under the lock, no live
    /// writer has one.
    fn modify<T>(&self, change: impl FnOnce(&mut Map) -> (bool, T)) -> Result<T, StoreError> {
        let lock_path = self.lock_path();
        if let Some(dir) = lock_path.parent() {
            fsutil::create_private_dir(dir).map_err(|e| StoreError::Other(format!("{e:#}")))?;
        }
        let lock = fsutil::open_lock(&lock_path).map_err(|e| StoreError::Other(format!("{e:#}")))?;
        lock.lock().map_err(|e| StoreError::Other(format!("cannot lock {}: {e}", lock_path.display())))?;
        fsutil::remove_stale_temp_files(&self.path);
        let mut map = self.read()?;
        let (changed, out) = change(&mut map);
        if changed {
            self.write(&map)?;
        }
        drop(lock);
        Ok(out)
    }

    fn lock_path(&self) -> PathBuf {
        let mut name = self.path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
        name.push(".lock");
        self.path.with_file_name(name)
    }

    fn write(&self, map: &Map) -> Result<(), StoreError> {
        let bytes = Zeroizing::new(serde_json::to_vec_pretty(map).map_err(|e| StoreError::Other(e.to_string()))?);
        fsutil::write_atomic(&self.path, &bytes, 0o600)
            .map_err(|e| StoreError::Other(format!("cannot write {}: {e:#}", self.path.display())))
    }
}

impl SecretStore for FileStore {
    fn kind(&self) -> StoreKind {
        StoreKind::File
    }

    fn location(&self) -> String {
        self.path.display().to_string()
    }

    fn get(&self, user: &str) -> Result<Option<Secret>, StoreError> {
        Ok(self.read()?.get(user).map(|v| Secret::new(v.as_str())))
    }

    fn set(&self, user: &str, secret: &Secret) -> Result<(), StoreError> {
        self.modify(|map| {
            map.insert(user.to_string(), Zeroizing::new(secret.expose().to_string()));
            (true, ())
        })
    }

    fn delete(&self, user: &str) -> Result<bool, StoreError> {
        self.modify(|map| {
            let existed = map.remove(user).is_some();
            (existed, existed)
        })
    }

    fn users(&self) -> Result<Option<Vec<String>>, StoreError> {
        Ok(Some(self.read()?.into_keys().collect()))
    }

    fn probe(&self) -> Result<(), StoreError> {
        self.read().map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_private_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::new(dir.path().join("sub/secrets.json"));
        assert!(store.get("p:zelty-api-key").unwrap().is_none());
        store.set("p:zelty-api-key", &Secret::new("the-key-value")).unwrap();
        assert_eq!(store.get("p:zelty-api-key").unwrap().unwrap().expose(), "the-key-value");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("sub/secrets.json")).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
            let dir_mode = std::fs::metadata(dir.path().join("sub")).unwrap().permissions().mode();
            assert_eq!(dir_mode & 0o777, 0o700);
        }
        assert!(store.delete("p:zelty-api-key").unwrap());
        assert!(!store.delete("p:zelty-api-key").unwrap());
    }

    #[test]
    fn threads_writing_different_users_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secrets.json");
        std::thread::scope(|s| {
            for t in 0..4 {
                let path = path.clone();
                s.spawn(move || {
                    let store = FileStore::new(path);
                    for i in 0..25 {
                        store.set(&format!("p{t}-{i}:zelty-api-key"), &Secret::new("value-of-a-secret")).unwrap();
                    }
                });
            }
        });
        assert_eq!(FileStore::new(path).users().unwrap().unwrap().len(), 100);
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_file_others_can_read() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secrets.json");
        std::fs::write(&path, "{}").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let err = FileStore::new(path).get("x").unwrap_err();
        assert!(matches!(err, StoreError::InsecureFile { mode: 0o644, .. }), "{err:?}");
    }
}
