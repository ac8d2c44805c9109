//! Choosing the secret store (checked before the user does any work) and saving a
//! connection all or nothing — its secrets, then the profile; if any write fails, what was
//! there before is put back.

use crate::error::{Failure, Kind};
use crate::i18n::{Msg, Secrets, Text};
use crate::interrupt;
use crate::profile::{Profile, Profiles};
use crate::secret::Secret;
use crate::stores::{self, SecretStore, StoreError};

/// What a failure from a locked keyring renders (`Failure::as_typed`), so that `status`
/// can call the parts locked rather than missing.
#[derive(Debug, Clone, Copy)]
pub struct KeyringLocked;

/// What a failure from a keyring that is not there or does not answer renders: the
/// secrets may well be stored, so `status` calls the parts unreachable, not missing.
#[derive(Debug, Clone, Copy)]
pub struct KeyringUnreachable;

/// A store error as the user should read it, with the way out.
pub fn store_failure(err: StoreError) -> Failure {
    if let StoreError::Ambiguous { .. } = err {
        return stores::ambiguous_failure(err);
    }
    let (code, msg, hint) = match &err {
        StoreError::Unavailable(_) => ("keyring_unavailable", Msg::KeyringUnavailable, Msg::FileStoreHint.text()),
        StoreError::Locked(_) => ("keyring_locked", Msg::KeyringLocked, Msg::KeyringLockedHint.text()),
        StoreError::Timeout(_) => ("keyring_timeout", Msg::KeyringTimeout, Msg::KeyringLockedHint.text()),
        StoreError::InsecureFile { .. } => {
            ("secrets_file_insecure", Msg::SecretsFileInsecure, Msg::SecretsFileInsecureHint.text())
        }
        StoreError::Other(_) | StoreError::Ambiguous { .. } => {
            ("secret_store_failed", Msg::SecretStoreFailed, Msg::FileStoreHint.text())
        }
    };
    let (locked, unreachable) =
        (matches!(err, StoreError::Locked(_)), matches!(err, StoreError::Unavailable(_) | StoreError::Timeout(_)));
    let failure = Failure::new(Kind::Unexpected, code, msg.text()).hint(hint).detail(err);
    match (locked, unreachable) {
        (true, _) => failure.typed(KeyringLocked),
        (_, true) => failure.typed(KeyringUnreachable),
        _ => failure,
    }
}

/// Why a store cannot be used, in a person's words, by kind: the library's own words (a
/// D-Bus error naming X11 autolaunch…) are for `-v`.
pub fn store_words(err: &StoreError) -> Text {
    match err {
        StoreError::Unavailable(_) => Secrets::WhyUnavailable.text(),
        StoreError::Timeout(_) => Secrets::WhyNotResponding.text(),
        StoreError::Locked(_) => Secrets::WhyLocked.text(),
        StoreError::Ambiguous { .. } => Secrets::WhyAmbiguous.text(),
        StoreError::InsecureFile { .. } => Secrets::WhyInsecure.text(),
        StoreError::Other(_) => Secrets::WhyRefused.text(),
    }
}

/// Writes profile `name`'s secrets (the watch's token, when there is a watch), then its
/// file; if the file cannot be written, the previous secrets are put back so the previous
/// connection still works. Blocking (the keyring, fsync): callers run it off the async
/// threads. Ctrl-C waits until this is done or undone.
pub fn save(
    profiles: &Profiles,
    store: &dyn SecretStore,
    name: &str,
    profile: &Profile,
    zelty_key: &Secret,
    token: Option<&Secret>,
) -> anyhow::Result<()> {
    let _critical = interrupt::critical();
    if interrupt::pending() {
        // Ctrl-C came before this started: store nothing rather than be cut halfway.
        return Err(
            Failure::new(Kind::Interrupted, "interrupted", crate::i18n::Interrupted::NothingStored.text()).into()
        );
    }
    let users = [stores::zelty_user(name), stores::hubrise_user(name)];
    let mut pairs = vec![(users[0].clone(), zelty_key)];
    pairs.extend(token.map(|t| (users[1].clone(), t)));
    stores::store_connection(
        store,
        &pairs,
        || {
            // A connection without a watch keeps no token from an earlier one.
            if token.is_none() {
                store.delete(&users[1]).map_err(store_failure)?;
            }
            profiles.save(name, profile)
        },
        store_failure,
    )?;
    interrupt::note_stored();
    Ok(())
}
