//! Small file-system helpers with the guarantees the profile and the file store need:
//! atomic replacement (a temp file with an unpredictable name created `O_EXCL`, fsync,
//! rename, fsync of the directory), private modes set at creation, lock files opened
//! without following symlinks, directories nobody else can write, and reads that refuse
//! files others can read.

use crate::error::Failure;
#[cfg(unix)]
use crate::error::Kind;
#[cfg(unix)]
use crate::i18n::Config;
use anyhow::Context as _;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// Creates `dir` and its parents, private (0700) on Unix, then checks that nobody else
/// can write it (it may have existed before, made by someone else).
pub fn create_private_dir(dir: &Path) -> anyhow::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).with_context(|| format!("cannot create the directory {}", dir.display()))?;
    check_private_dir(dir)?;
    Ok(())
}

/// Refuses a directory another user owns or can write: whoever can write it can swap the
/// files we keep there for symlinks or read what we rename into it (the check OpenSSH's
/// `StrictModes` makes on `~/.ssh`). A missing directory passes: it will be made 0700.
pub fn check_private_dir(dir: &Path) -> Result<(), Failure> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let Ok(meta) = fs::symlink_metadata(dir).or_else(|_| fs::metadata(dir)) else { return Ok(()) };
        // A symlinked config dir is fine when its target passes the same checks.
        let meta = if meta.file_type().is_symlink() {
            match fs::metadata(dir) {
                Ok(m) => m,
                Err(_) => return Ok(()),
            }
        } else {
            meta
        };
        if !meta.is_dir() {
            return Ok(());
        }
        let uid = meta.uid();
        if uid != euid() && uid != 0 {
            return Err(Failure::new(
                Kind::Usage,
                "config_dir_not_owned",
                Config::DirNotOwned.with("path", dir.display()).with("uid", uid),
            )
            .hint(Config::DirNotOwnedHint.text()));
        }
        let mode = meta.mode() & 0o7777;
        if mode & 0o022 != 0 {
            return Err(Failure::new(
                Kind::Usage,
                "config_dir_insecure",
                Config::DirInsecure.with("path", dir.display()).with("mode", format!("{:o}", mode & 0o777)),
            )
            .hint(Config::DirInsecureHint.with("path", dir.display())));
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(unix)]
fn euid() -> u32 {
    rustix::process::geteuid().as_raw()
}

/// `O_NOFOLLOW | O_CLOEXEC`, for `OpenOptionsExt::custom_flags`.
#[cfg(unix)]
fn no_follow() -> i32 {
    use rustix::fs::OFlags;
    (OFlags::NOFOLLOW | OFlags::CLOEXEC).bits() as i32
}

/// Replaces `path` with `bytes` so that readers see the old file or the new one, never a
/// mix, even across a crash: write a sibling temp file (random name, created exclusively
/// with `mode`, so a planted file or symlink is never written through), fsync it, rename
/// it over `path`, fsync the directory. On any failure the temp file is removed.
pub fn write_atomic(path: &Path, bytes: &[u8], mode: u32) -> anyhow::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    create_private_dir(dir)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let mut builder = tempfile::Builder::new();
    let prefix = format!(".{name}.");
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(mode));
    #[cfg(not(unix))]
    let _ = mode;
    let mut tmp =
        builder.tempfile_in(dir).with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    tmp.write_all(bytes).with_context(|| format!("cannot write {}", tmp.path().display()))?;
    tmp.as_file().sync_all().with_context(|| format!("cannot flush {}", tmp.path().display()))?;
    test_hook::store_step();
    tmp.persist(path).map_err(|e| e.error).with_context(|| format!("cannot replace {}", path.display()))?;
    // The rename is durable only once the directory entry is.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Removes the temp files `write_atomic` left beside `path` when a process was killed
/// outright (SIGKILL, power loss) between creating and renaming one. Call it only while
/// holding the lock every writer of `path` takes, so no live temp file is removed.
pub fn remove_stale_temp_files(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else { return };
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(n) = file_name.to_str() else { continue };
        if n.starts_with(&prefix) && n.ends_with(".tmp") && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Opens (or creates) a lock file: never through a symlink, never truncated, and 0600
/// whatever the umask, so a planted link cannot make us create, chmod or empty a file
/// elsewhere.
pub fn open_lock(path: &Path) -> anyhow::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(no_follow());
    }
    let file = options.open(path).with_context(|| format!("cannot open {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let meta = file.metadata().with_context(|| format!("cannot inspect {}", path.display()))?;
        anyhow::ensure!(meta.is_file(), "{} is not a regular file", path.display());
        anyhow::ensure!(meta.uid() == euid(), "{} belongs to another user", path.display());
        if meta.mode() & 0o777 != 0o600 {
            file.set_permissions(fs::Permissions::from_mode(0o600))
                .with_context(|| format!("cannot chmod {}", path.display()))?;
        }
    }
    Ok(file)
}

/// Reads a file only its owner, this user, can have written: not through a symlink, owned
/// by us and writable by nobody else (as `check_private_dir` asks of directories).
/// `Ok(None)` when it does not exist; `Err(TooOpen)` for a file another user could have
/// planted or changed.
pub fn read_owned(path: &Path) -> Result<Option<Vec<u8>>, PrivateReadError> {
    read_checked(path, |_meta| {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            if !_meta.is_file() || _meta.uid() != euid() || _meta.mode() & 0o022 != 0 {
                return Err(_meta.mode() & 0o777);
            }
        }
        Ok(())
    })
}

#[derive(Debug)]
pub enum PrivateReadError {
    /// Others may read or write it: the mode found. Unix only: Windows has no mode bits, and
    /// a file under the per-user `%APPDATA%` is private by that folder's ACL.
    #[cfg_attr(not(unix), allow(dead_code))]
    TooOpen(u32),
    Io(io::Error),
}

/// Reads a file that must be private to its owner; `Ok(None)` when it does not exist.
pub fn read_private(path: &Path) -> Result<Option<Vec<u8>>, PrivateReadError> {
    read_checked(path, |_meta| {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = _meta.permissions().mode() & 0o777;
            if mode & 0o077 != 0 {
                return Err(mode);
            }
        }
        Ok(())
    })
}

/// Opens `path` without following a symlink in its place (refused with ELOOP, rather than
/// followed elsewhere), asks `allowed` about the open file's metadata (`Err(mode)`: too
/// open), then reads it whole; `Ok(None)` when it does not exist.
fn read_checked(
    path: &Path,
    allowed: impl Fn(&std::fs::Metadata) -> Result<(), u32>,
) -> Result<Option<Vec<u8>>, PrivateReadError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, no_follow());
    let file = match options.open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(PrivateReadError::Io(e)),
    };
    let meta = file.metadata().map_err(PrivateReadError::Io)?;
    allowed(&meta).map_err(PrivateReadError::TooOpen)?;
    let mut bytes = Vec::new();
    io::Read::read_to_end(&mut &file, &mut bytes).map_err(PrivateReadError::Io)?;
    Ok(Some(bytes))
}

/// `ZELTY_BRIDGE_TEST_STORE_PAUSE`, in debug builds only (the integration tests run one):
/// a directory where each atomic write, just before its rename, creates `step-<n>` and
/// waits (at most a minute) until the test removes it. The test sends a signal at each
/// step this way, without guessing at timings. Release builds have no such hook.
mod test_hook {
    #[cfg(debug_assertions)]
    pub fn store_step() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static STEP: AtomicUsize = AtomicUsize::new(0);
        #[allow(clippy::disallowed_methods)] // a test hook, read where it acts
        let Some(dir) = std::env::var_os("ZELTY_BRIDGE_TEST_STORE_PAUSE") else { return };
        let n = STEP.fetch_add(1, Ordering::SeqCst) + 1;
        let marker = std::path::Path::new(&dir).join(format!("step-{n}"));
        if std::fs::write(&marker, b"").is_err() {
            return;
        }
        for _ in 0..600 {
            if !marker.exists() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }

    #[cfg(not(debug_assertions))]
    pub fn store_step() {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/profile.toml");
        write_atomic(&path, b"one", 0o600).unwrap();
        write_atomic(&path, b"two", 0o600).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn atomic_write_into_a_read_only_dir_fails_and_changes_nothing() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("profile.toml");
        write_atomic(&path, b"old", 0o600).unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o500)).unwrap();
        let result = write_atomic(&path, b"new", 0o600);
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
        // Root ignores directory permissions (CI runs as root): the guarantee is "old or
        // new, whole", and no temporary file left either way.
        let want: &[u8] = if result.is_ok() { b"new" } else { b"old" };
        assert_eq!(fs::read(&path).unwrap(), want);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
    }

    #[test]
    fn a_failed_replace_leaves_the_target_and_no_temporary_file() {
        // A non-empty directory in the way makes the rename fail, for root too.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("profile.toml");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("inside"), b"kept").unwrap();
        assert!(write_atomic(&path, b"new", 0o600).is_err());
        assert_eq!(fs::read(path.join("inside")).unwrap(), b"kept");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_symlink_is_replaced_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, b"victim's").unwrap();
        let path = dir.path().join("secrets.json");
        std::os::unix::fs::symlink(&victim, &path).unwrap();
        write_atomic(&path, b"ours", 0o600).unwrap();
        assert_eq!(fs::read(&victim).unwrap(), b"victim's");
        assert!(!fs::symlink_metadata(&path).unwrap().file_type().is_symlink());
    }

    #[cfg(unix)]
    #[test]
    fn lock_files_refuse_symlinks_keep_content_and_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, b"victim's").unwrap();
        let link = dir.path().join("a.lock");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        assert!(open_lock(&link).is_err());
        assert_eq!(fs::read(&victim).unwrap(), b"victim's");
        let lock = dir.path().join("b.lock");
        fs::write(&lock, b"pid 1").unwrap();
        fs::set_permissions(&lock, fs::Permissions::from_mode(0o666)).unwrap();
        drop(open_lock(&lock).unwrap());
        assert_eq!(fs::read(&lock).unwrap(), b"pid 1");
        assert_eq!(fs::metadata(&lock).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn a_dir_others_can_write_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        assert!(check_private_dir(dir.path()).is_ok());
        assert!(check_private_dir(&dir.path().join("missing")).is_ok());
        for mode in [0o777, 0o1777, 0o770, 0o720] {
            fs::set_permissions(dir.path(), fs::Permissions::from_mode(mode)).unwrap();
            let err = check_private_dir(dir.path()).unwrap_err();
            assert_eq!(err.code, "config_dir_insecure", "{mode:o}");
        }
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        assert!(check_private_dir(dir.path()).is_ok());
    }
}
