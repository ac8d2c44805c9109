//! The non-secret half of a connection: ids, names and timestamps in
//! `<config dir>/profiles/<name>.toml`, written atomically (0600), and a per-profile lock
//! so two runs on one profile never interleave their writes.

use crate::error::{Failure, Kind};
use crate::fsutil;
use crate::i18n::{Config, Msg};
use crate::stores::StoreKind;
use anyhow::Context as _;
use serde::{Deserialize, Serialize};
use std::fs::{self, File};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub version: u32,
    pub secret_store: StoreKind,
    pub connected_at: String,
    pub zelty: ZeltyPart,
    pub hubrise: HubrisePart,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_access: Option<SupportAccess>,
    /// The Zelty Bridge app, once a person confirmed it (or evidence showed it) in the
    /// HubRise back office. Nothing about it is secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bridge_app: Option<BridgeApp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BridgeApp {
    pub confirmed_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZeltyPart {
    pub restaurant_id: i64,
    pub restaurant_name: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HubrisePart {
    pub account_id: String,
    pub account_name: String,
    #[serde(default)]
    pub location_id: Option<String>,
    #[serde(default)]
    pub location_name: Option<String>,
    #[serde(default)]
    pub catalog_id: Option<String>,
    #[serde(default)]
    pub catalog_name: Option<String>,
    #[serde(default)]
    pub customer_list_id: Option<String>,
    #[serde(default)]
    pub customer_list_name: Option<String>,
    pub scope: String,
    /// Sent with the watch's authorization so that two profiles on one location get two
    /// connections (HubRise returns the same token to the same client and location
    /// otherwise: https://www.hubrise.com/developers/api/authentication).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<String>,
    /// Where the watch's token came from: this tool's authorization, or given to it. Only an
    /// `authorized` token is ever revoked by `disconnect`. `None` in profiles written before
    /// version 3 (see `Profile::token_origin`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_origin: Option<TokenOrigin>,
    /// The profile was made without the watch, on purpose (`--no-watch`, or no OAuth
    /// client): not a missing part.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub no_watch: bool,
    /// When HubRise answered a `disconnect`'s revoke of this watch (RFC 3339, UTC). Written
    /// the moment it answers, before anything is deleted: a disconnect cut short after it
    /// leaves the profile with a dead token, and the rerun then finishes without asking
    /// HubRise again, and `status` says the disconnect is unfinished rather than "rejected".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<String>,
}

/// Who owns the watch's token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenOrigin {
    /// Obtained by this tool's OAuth flow for this profile: this tool may revoke it.
    Authorized,
    /// Given to it (`HUBRISE_ACCESS_TOKEN`, a manifest's token or account token): its owner
    /// revokes it, never this tool.
    Given,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupportAccess {
    pub granted_at: String,
}

/// 3: the watch's `token_origin` and `no_watch`; 2: the Zelty Bridge app (`bridge_app`) and
/// the watch's `device_id`. Older files still load, without them.
pub const PROFILE_VERSION: u32 = 3;

impl HubrisePart {
    /// Whether the watch's token serves a whole account (`account[…]`), read by the one
    /// scope parser.
    pub fn account_level(&self) -> bool {
        crate::hubrise::oauth::check_scope(&self.scope).is_ok_and(|l| l == crate::hubrise::oauth::ScopeLevel::Account)
    }

    /// The location to name in API paths: an account token must name it; a location token
    /// uses the short form (`GET /location`).
    pub fn location_to_name(&self) -> Option<&str> {
        if self.account_level() { self.location_id.as_deref() } else { None }
    }
}

impl Profile {
    /// Where the watch's token came from. A profile written before version 3 does not say:
    /// its token counts as given when another profile holds it too (`provision` stored a
    /// chain's account token in each), else as this tool's.
    pub fn token_origin(&self, shared: bool) -> TokenOrigin {
        match self.hubrise.token_origin {
            Some(origin) => origin,
            None if shared => TokenOrigin::Given,
            None => TokenOrigin::Authorized,
        }
    }

    /// The HubRise side in one phrase: the location, or the account for an account token.
    pub fn location_label(&self) -> &str {
        self.hubrise.location_name.as_deref().unwrap_or(&self.hubrise.account_name)
    }
}

/// Profile names become file names and keyring user-name prefixes: keep them to a safe
/// alphabet.
pub fn validate_name(name: &str) -> Result<(), Failure> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !name.starts_with('-');
    if ok {
        Ok(())
    } else {
        Err(Failure::new(Kind::Usage, "bad_profile_name", Msg::BadProfileName.with("name", name))
            .hint(Msg::BadProfileNameHint.text()))
    }
}

/// The profiles of one config directory.
#[derive(Debug, Clone)]
pub struct Profiles {
    dir: PathBuf,
}

impl Profiles {
    pub fn new(config_dir: &Path) -> Profiles {
        Profiles { dir: config_dir.join("profiles") }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}.toml"))
    }

    pub fn load(&self, name: &str) -> anyhow::Result<Option<Profile>> {
        let path = self.path(name);
        let text = self.read(&path)?;
        let Some(text) = text else { return Ok(None) };
        parse(&text).map(Some).map_err(|e| {
            Failure::new(Kind::Usage, "profile_corrupt", Msg::ProfileCorrupt.with("path", path.display()))
                .hint(Msg::ProfileCorruptHint.with("path", path.display()))
                .detail(e)
                .into()
        })
    }

    /// A profile file's text, read as writes are made: from a directory and a file nobody
    /// else can write (a planted profile would name another location or carry escapes).
    fn read(&self, path: &Path) -> anyhow::Result<Option<String>> {
        fsutil::check_private_dir(&self.dir)?;
        let bytes = match fsutil::read_owned(path) {
            Ok(bytes) => bytes,
            Err(fsutil::PrivateReadError::TooOpen(_)) => {
                return Err(Failure::new(
                    Kind::Usage,
                    "profile_insecure",
                    Config::ProfileFileInsecure.with("path", path.display()),
                )
                .hint(Config::ProfileFileInsecureHint.with("path", path.display()))
                .into());
            }
            Err(fsutil::PrivateReadError::Io(e)) => {
                return Err(e).with_context(|| format!("cannot read {}", path.display()));
            }
        };
        bytes
            .map(|b| String::from_utf8(b).with_context(|| format!("cannot read {}: not UTF-8", path.display())))
            .transpose()
    }

    pub fn save(&self, name: &str, profile: &Profile) -> anyhow::Result<()> {
        let text = toml::to_string(profile).context("cannot encode the profile")?;
        fsutil::write_atomic(&self.path(name), text.as_bytes(), 0o600).map_err(|e| self.not_writable(e))
    }

    /// A config dir we cannot write: read-only, full, or not a directory.
    fn not_writable(&self, err: anyhow::Error) -> anyhow::Error {
        Failure::new(Kind::Unexpected, "config_not_writable", Msg::ConfigNotWritable.with("path", self.dir.display()))
            .hint(Msg::ConfigNotWritableHint.text())
            .detail(format!("{err:#}"))
            .into()
    }

    pub fn delete(&self, name: &str) -> anyhow::Result<bool> {
        match fs::remove_file(self.path(name)) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e).with_context(|| format!("cannot delete {}", self.path(name).display())),
        }
    }

    /// Names of the stored profiles, sorted.
    pub fn list(&self) -> anyhow::Result<Vec<String>> {
        fsutil::check_private_dir(&self.dir)?;
        let entries = match fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e).with_context(|| format!("cannot list {}", self.dir.display())),
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter_map(|n| n.strip_suffix(".toml").map(str::to_string))
            .filter(|n| validate_name(n).is_ok())
            .collect();
        names.sort();
        Ok(names)
    }

    /// Takes the profile's lock, waiting up to `wait` for another run to finish; then
    /// fails naming the process that holds it.
    pub fn lock(&self, name: &str, command: &str, wait: Duration) -> anyhow::Result<ProfileLock> {
        let path = self.dir.join(format!("{name}.lock"));
        let opened = fsutil::create_private_dir(&self.dir).and_then(|()| fsutil::open_lock(&path));
        let mut file = opened.map_err(|e| self.not_writable(e))?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(fs::TryLockError::WouldBlock) if start.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(100))
                }
                Err(fs::TryLockError::WouldBlock) => {
                    let mut holder = String::new();
                    let _ = file.read_to_string(&mut holder);
                    return Err(Failure::new(
                        Kind::Unexpected,
                        "profile_locked",
                        Msg::ProfileLocked.with("profile", name).with("holder", holder.trim()),
                    )
                    .hint(Msg::ProfileLockedHint.text())
                    .into());
                }
                Err(fs::TryLockError::Error(e)) => {
                    return Err(e).with_context(|| format!("cannot lock {}", path.display()));
                }
            }
        }
        // Say who holds it, for the message a second run prints.
        let _ = file
            .set_len(0)
            .and_then(|_| file.rewind())
            .and_then(|_| write!(file, "pid {} ({command})", std::process::id()));
        Ok(ProfileLock { _file: file })
    }
}

/// Held while a command may write a profile; released on drop (and by the OS on exit).
pub struct ProfileLock {
    _file: File,
}

fn parse(text: &str) -> anyhow::Result<Profile> {
    let mut profile: Profile = toml::from_str(text)?;
    anyhow::ensure!((1..=PROFILE_VERSION).contains(&profile.version), "unknown profile version {}", profile.version);
    profile.sanitize();
    Ok(profile)
}

impl Profile {
    /// The names and ids a server gave, as stored: a profile written before they were
    /// sanitized on arrival (or planted) is sanitized as it is read, so that `status
    /// --offline` cannot replay a terminal escape.
    fn sanitize(&mut self) {
        use crate::server_text::{clean, clean_option};
        clean(&mut self.zelty.restaurant_name);
        let h = &mut self.hubrise;
        clean(&mut h.account_id);
        clean(&mut h.account_name);
        for field in [
            &mut h.location_id,
            &mut h.location_name,
            &mut h.catalog_id,
            &mut h.catalog_name,
            &mut h.customer_list_id,
            &mut h.customer_list_name,
            &mut h.device_id,
            &mut h.revoked_at,
        ] {
            clean_option(field);
        }
        clean(&mut h.scope);
        clean(&mut self.connected_at);
        if let Some(app) = &mut self.bridge_app {
            clean(&mut app.confirmed_at);
        }
        if let Some(support) = &mut self.support_access {
            clean(&mut support.granted_at);
        }
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;

    pub fn sample() -> Profile {
        Profile {
            version: PROFILE_VERSION,
            secret_store: StoreKind::Keyring,
            connected_at: "2026-11-29T10:00:00Z".into(),
            zelty: ZeltyPart { restaurant_id: 12345, restaurant_name: "Bella Pizza Paris".into() },
            hubrise: HubrisePart {
                account_id: "3r4s3".into(),
                account_name: "Bella Pizza".into(),
                location_id: Some("3r4s3-0".into()),
                scope: "location[orders.read]".into(),
                ..HubrisePart::default()
            },
            support_access: None,
            bridge_app: None,
        }
    }

    #[test]
    fn save_load_list_delete() {
        let dir = tempfile::tempdir().unwrap();
        let profiles = Profiles::new(dir.path());
        assert!(profiles.load("default").unwrap().is_none());
        profiles.save("default", &sample()).unwrap();
        profiles.save("paris", &sample()).unwrap();
        assert_eq!(profiles.load("default").unwrap().unwrap(), sample());
        assert_eq!(profiles.list().unwrap(), vec!["default", "paris"]);
        assert!(profiles.delete("paris").unwrap());
        assert!(!profiles.delete("paris").unwrap());
    }

    #[test]
    fn a_revoke_record_round_trips_and_profiles_without_it_still_load() {
        let dir = tempfile::tempdir().unwrap();
        let profiles = Profiles::new(dir.path());
        profiles.save("default", &sample()).unwrap();
        let text = fs::read_to_string(profiles.path("default")).unwrap();
        assert!(!text.contains("revoked_at"), "absent unless recorded:\n{text}");
        let mut revoked = sample();
        revoked.hubrise.revoked_at = Some("2026-12-02T20:40:00Z".into());
        profiles.save("default", &revoked).unwrap();
        assert_eq!(profiles.load("default").unwrap().unwrap(), revoked);
    }

    #[test]
    fn a_hand_edited_profile_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let profiles = Profiles::new(dir.path());
        fs::create_dir_all(dir.path().join("profiles")).unwrap();
        fs::write(profiles.path("default"), "version = 1\nzelty = 'oops'").unwrap();
        let err = profiles.load("default").unwrap_err();
        let failure = crate::error::failure_of(&err).unwrap();
        assert_eq!(failure.code, "profile_corrupt");
        assert!(failure.message.to_string().contains("default.toml"));
    }

    #[cfg(unix)]
    #[test]
    fn a_profile_others_can_write_is_refused_on_read() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let profiles = Profiles::new(dir.path());
        profiles.save("default", &sample()).unwrap();
        let sub = dir.path().join("profiles");
        fs::set_permissions(&sub, fs::Permissions::from_mode(0o777)).unwrap();
        let code = |r: anyhow::Result<_>| crate::error::exit_status_of(&r.err().unwrap_or_else(|| panic!("refused")));
        assert_eq!(code(profiles.load("default").map(drop)), crate::error::ExitStatus::Usage);
        assert_eq!(code(profiles.list().map(drop)), crate::error::ExitStatus::Usage);
        fs::set_permissions(&sub, fs::Permissions::from_mode(0o700)).unwrap();
        fs::set_permissions(profiles.path("default"), fs::Permissions::from_mode(0o666)).unwrap();
        let err = profiles.load("default").err().unwrap_or_else(|| panic!("refused"));
        assert!(format!("{err:#}").contains("written by other users"), "{err:#}");
        fs::set_permissions(profiles.path("default"), fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(profiles.load("default").unwrap().unwrap(), sample());
    }

    #[test]
    fn names_table() {
        for (name, ok) in [
            ("default", true),
            ("paris-11", true),
            ("a_b", true),
            ("", false),
            ("../x", false),
            ("a b", false),
            ("-x", false),
            ("é", false),
            (&"x".repeat(65), false),
        ] {
            assert_eq!(validate_name(name).is_ok(), ok, "{name}");
        }
    }

    #[test]
    fn a_second_lock_waits_then_names_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let profiles = Profiles::new(dir.path());
        let _held = profiles.lock("default", "connect", Duration::ZERO).unwrap();
        let err = profiles.lock("default", "status", Duration::from_millis(200)).err().expect("must be locked");
        let failure = crate::error::failure_of(&err).unwrap();
        assert_eq!(failure.code, "profile_locked");
        assert!(failure.message.to_string().contains(&format!("pid {}", std::process::id())), "{}", failure.message);
    }
}
