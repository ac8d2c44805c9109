//! A `connect` that has not finished yet, so that the next one resumes it instead of
//! starting over: the profile's `device_id`, chosen once and kept across attempts (HubRise
//! then hands back the same connection rather than a new row on CONNEXIONS:
//! https://www.hubrise.com/developers/api/authentication, "device_id"), and the Zelty key a
//! run validated, kept in the secret store as pending for 24 hours (Zelty shows the key
//! only once: https://docs.zelty.fr). In `<config dir>/pending/<profile>.toml`, 0600; never
//! a secret in it.

use crate::fsutil;
use crate::secret::Secret;
use crate::stores::SecretStore;
use anyhow::Context as _;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How long a validated key waits for a run to finish with it.
pub const KEEP_FOR_SECS: i64 = 24 * 3600;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pending {
    pub device_id: String,
    /// When the first unfinished run started (seconds since the epoch).
    pub started_at: i64,
    /// When a run validated the Zelty key now kept as pending, if one did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_validated_at: Option<i64>,
}

impl Pending {
    /// Whether the kept key may still be offered at `now`.
    pub fn key_fresh(&self, now: i64) -> bool {
        self.key_validated_at.is_some_and(|at| now - at <= KEEP_FOR_SECS && now >= at)
    }
}

/// The keyring user name of a pending key (beside the README's two names).
pub fn key_user(profile: &str) -> String {
    format!("{profile}:pending-zelty-api-key")
}

/// The pending runs of one config directory.
#[derive(Debug, Clone)]
pub struct Runs {
    dir: PathBuf,
}

impl Runs {
    pub fn new(config_dir: &Path) -> Runs {
        Runs { dir: config_dir.join("pending") }
    }

    fn path(&self, profile: &str) -> PathBuf {
        self.dir.join(format!("{profile}.toml"))
    }

    /// The pending run of `profile`; a file that does not parse is treated as none.
    pub fn load(&self, profile: &str) -> Option<Pending> {
        let text = std::fs::read_to_string(self.path(profile)).ok()?;
        toml::from_str(&text).ok()
    }

    pub fn save(&self, profile: &str, pending: &Pending) -> anyhow::Result<()> {
        fsutil::create_private_dir(&self.dir)?;
        let text = toml::to_string(pending).context("cannot encode the pending run")?;
        fsutil::write_atomic(&self.path(profile), text.as_bytes(), 0o600)
    }

    /// Forgets the run and its kept key (a run that finished, or a key too old to offer).
    pub fn clear(&self, profile: &str, store: &dyn SecretStore) {
        let _ = store.delete(&key_user(profile));
        let _ = std::fs::remove_file(self.path(profile));
    }

    /// Records the run of `profile` with its `device_id` and keeps `key` as its pending
    /// key, validated at `now`: from here on, a rerun resumes rather than starts over.
    pub fn keep_key(
        &self,
        profile: &str,
        store: &dyn SecretStore,
        key: &Secret,
        device_id: &str,
        now: i64,
    ) -> anyhow::Result<()> {
        // Held like a connection's store: a signal does not cut a write halfway.
        let _critical = crate::interrupt::critical();
        if crate::interrupt::pending() {
            anyhow::bail!("interrupted before the key was kept");
        }
        let started_at = self.load(profile).filter(|p| p.device_id == device_id).map_or(now, |p| p.started_at);
        store.set(&key_user(profile), key).map_err(|e| anyhow::anyhow!("{}", e.reason()))?;
        let pending = Pending { device_id: device_id.to_string(), started_at, key_validated_at: Some(now) };
        self.save(profile, &pending)
    }

    /// The pending key of `profile`, if a run kept one less than a day ago; an older one
    /// is removed.
    pub fn fresh_key(&self, profile: &str, store: &dyn SecretStore, now: i64) -> Option<(Secret, i64)> {
        let pending = self.load(profile)?;
        let at = pending.key_validated_at?;
        if !pending.key_fresh(now) {
            let _ = store.delete(&key_user(profile));
            let _ = self.save(profile, &Pending { key_validated_at: None, ..pending });
            return None;
        }
        store.get(&key_user(profile)).ok().flatten().map(|key| (key, at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_key_is_offered_for_a_day() {
        let p = Pending { device_id: "d".into(), started_at: 0, key_validated_at: Some(1_000) };
        assert!(p.key_fresh(1_000 + KEEP_FOR_SECS));
        assert!(!p.key_fresh(1_001 + KEEP_FOR_SECS));
        assert!(!p.key_fresh(999), "a clock set back does not revive it");
        assert!(!Pending { key_validated_at: None, ..p }.key_fresh(1_000));
    }
}
