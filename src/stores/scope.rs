//! The config directory's scope in the keyring: secrets of one `ZELTY_BRIDGE_CONFIG_DIR`
//! are never read, overwritten or removed from another (CI jobs commonly use a `mktemp -d`
//! config dir on one desktop keyring).
//!
//! The scope is the first 16 hex digits (64 bits) of the SHA-256 of the directory's
//! canonical path (its bytes on Unix, UTF-8 elsewhere): stable across runs, Rust versions and
//! machines, and it says nothing of the path. A directory not created yet is canonicalized
//! through its nearest existing ancestor, so its scope does not change when it is created.
//!
//! One scheme on every OS: the keyring user name is `<user>@<scope>`
//! (`paris:zelty-api-key@3f1c0a9e5b7d2468`). The macOS Keychain and the Windows Credential
//! Manager keep that name as it is (they have no attributes to search on); on the Secret
//! Service our credential store (`super::secret_service`) keeps the documented user name
//! (`username=paris:zelty-api-key`) and puts the scope in the attribute
//! `zelty-bridge-config`.

use sha2::{Digest, Sha256};
use std::path::{Component, Path, PathBuf};

/// Hex digits of the SHA-256 kept in a scope.
const LEN: usize = 16;

/// The scope of the config directory `dir`.
pub fn of(dir: &Path) -> String {
    let path = canonical(dir);
    let digest = Sha256::digest(bytes(&path));
    digest
        .iter()
        .flat_map(|b| [b >> 4, b & 0xf])
        .take(LEN)
        .map(|n| char::from_digit(n.into(), 16).unwrap_or('0'))
        .collect()
}

/// `user` in the scope `scope`.
pub fn scoped(user: &str, scope: &str) -> String {
    format!("{user}@{scope}")
}

/// A keyring user name and its scope, if it has one (`p:zelty-api-key@<16 hex>`). Profile
/// names cannot hold `@`, so the last one is the scope's. Only the Secret Service store
/// takes names apart.
#[cfg(any(test, not(any(target_os = "macos", target_os = "windows"))))]
pub fn split(user: &str) -> (&str, Option<&str>) {
    match user.rsplit_once('@') {
        Some((base, scope)) if scope.len() == LEN && scope.bytes().all(|b| b.is_ascii_hexdigit()) => {
            (base, Some(scope))
        }
        _ => (user, None),
    }
}

/// `dir` made absolute with its links resolved; the part that does not exist yet is added
/// as written (without `.` and with `..` applied).
fn canonical(dir: &Path) -> PathBuf {
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut rest = Vec::new();
    let mut existing = absolute.as_path();
    loop {
        if let Ok(found) = std::fs::canonicalize(existing) {
            let mut path = found;
            for part in rest.iter().rev() {
                path.push(part);
            }
            return path;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return normalized(&absolute),
        }
    }
}

fn normalized(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(unix)]
fn bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

#[cfg(not(unix))]
fn bytes(path: &Path) -> Vec<u8> {
    path.to_string_lossy().into_owned().into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scope_is_a_short_sha256_of_the_canonical_path() {
        let dir = tempfile::tempdir().unwrap();
        let real = std::fs::canonicalize(dir.path()).unwrap();
        let expected: String =
            Sha256::digest(bytes(&real)).iter().map(|b| format!("{b:02x}")).collect::<String>()[..LEN].to_string();
        assert_eq!(of(dir.path()), expected);
        // Written another way, the same directory.
        assert_eq!(of(&dir.path().join("x").join("..")), expected);
    }

    #[test]
    fn a_dir_keeps_its_scope_when_it_is_created() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("not-yet").join("config");
        let before = of(&config);
        std::fs::create_dir_all(&config).unwrap();
        assert_eq!(of(&config), before);
        assert_ne!(of(dir.path()), before);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_dir_is_the_dir() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("real")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("real"), dir.path().join("link")).unwrap();
        assert_eq!(of(&dir.path().join("link")), of(&dir.path().join("real")));
    }

    #[test]
    fn a_scoped_name_splits_back() {
        let name = scoped("paris:zelty-api-key", "0123456789abcdef");
        assert_eq!(name, "paris:zelty-api-key@0123456789abcdef");
        assert_eq!(split(&name), ("paris:zelty-api-key", Some("0123456789abcdef")));
        assert_eq!(split("paris:zelty-api-key"), ("paris:zelty-api-key", None));
        assert_eq!(split("a@b:zelty-api-key"), ("a@b:zelty-api-key", None));
    }
}
