//! Orphaned secrets: a profile's secrets stored without its profile file (left by a run
//! killed before the store was made all-or-nothing, or by a rollback that failed on a full
//! disk). Nothing uses them and nothing else removes them: `disconnect --force` revokes and
//! removes them, `status --all-profiles` reports them. Shared by both, so each keeps one
//! call site.

use crate::ctx::Ctx;
use crate::hubrise::oauth;
use crate::i18n::{Msg, Secrets};
use crate::stores::{self, SecretStore, StoreKind};

/// The stores a profile's secrets may be in when its profile file, which names the store,
/// is gone: the configured one, and the file store when its file exists.
fn stores(app: &Ctx) -> Vec<Box<dyn SecretStore>> {
    let mut stores = vec![app.store_of(app.settings.store)];
    if app.settings.store != StoreKind::File && app.settings.config_dir.join("secrets.json").exists() {
        stores.push(app.store_of(StoreKind::File));
    }
    stores
}

/// `disconnect --force` on a profile with no profile file: revokes an orphaned token when
/// it can (a failure is a warning: the user forced it) and removes the profile's secrets
/// (the Zelty key kept with `--keep-zelty`). `None` when there was nothing to remove.
pub async fn remove(app: &Ctx, keep_zelty: bool) -> anyhow::Result<Option<(Vec<String>, bool)>> {
    let mut removed = Vec::new();
    let mut revoked = false;
    for store in stores(app) {
        let store: std::sync::Arc<dyn SecretStore> = std::sync::Arc::from(store);
        let (probe, name) = (store.clone(), app.profile.clone());
        // What this store holds of the profile. A store that cannot be read (no keyring
        // here) holds nothing we could remove: it is skipped, as before there were orphans.
        let found = tokio::task::spawn_blocking(move || {
            let token = probe.get(&stores::hubrise_user(&name))?;
            let key = probe.get(&stores::zelty_user(&name))?;
            Ok::<_, stores::StoreError>((token, key.is_some()))
        })
        .await?;
        let (token, has_key) = match found {
            Ok(found) => found,
            Err(err) => {
                app.printer.debug(1, format!("{}: {err}", store.location()));
                continue;
            }
        };
        if let Some(token) = &token {
            match &app.settings.client {
                Some((client, _)) if !revoked => {
                    match oauth::revoke(&app.http, &app.settings.endpoints.hubrise_oauth, client, token).await {
                        Ok(()) => {
                            app.printer.success(Msg::Revoked.text());
                            revoked = true;
                        }
                        Err(err) => app.printer.warn(
                            Msg::RevokeFailedForced
                                .with("why", crate::error::Report::of(&err, app.printer.lang()).message),
                        ),
                    }
                }
                Some(_) => {}
                None => app.printer.warn(Msg::RevokeSkipped.with("why", Msg::NoOAuthClient.text())),
            }
        }
        let mut users = Vec::new();
        if token.is_some() {
            users.push(stores::hubrise_user(&app.profile));
        }
        if has_key && !keep_zelty {
            users.push(stores::zelty_user(&app.profile));
        }
        let gone = tokio::task::spawn_blocking(move || {
            let mut gone = Vec::new();
            for user in users {
                if store.delete(&user).map_err(crate::ops::store::store_failure)? {
                    gone.push(user);
                }
            }
            anyhow::Ok(gone)
        })
        .await??;
        removed.extend(gone);
    }
    if removed.is_empty() {
        return Ok(None);
    }
    app.printer.success(Secrets::OrphanRemoved.with("users", removed.join(", ")));
    Ok(Some((removed, revoked)))
}

/// The orphaned secrets `status --all-profiles` reports, each as a warning: every one in
/// the file store, and the current profile's in a keyring (which cannot be listed). A
/// Zelty key kept alone (`disconnect --keep-zelty`) is not an orphan.
pub async fn report(app: &Ctx) -> Vec<String> {
    let mut found = Vec::new();
    for store in stores(app) {
        let profiles = app.profiles.clone();
        let current = app.profile.clone();
        let users = tokio::task::spawn_blocking(move || {
            stores::orphans(store.as_ref(), |p| profiles.path(p).exists(), &[current.as_str()])
        })
        .await
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default();
        found.extend(users);
    }
    found.sort();
    found.dedup();
    let mut by_profile: Vec<(&str, Vec<&str>)> = Vec::new();
    for user in &found {
        let profile = stores::profile_of(user);
        match by_profile.iter_mut().find(|(p, _)| *p == profile) {
            Some((_, users)) => users.push(user),
            None => by_profile.push((profile, vec![user])),
        }
    }
    for (profile, users) in by_profile {
        app.printer.warn(Secrets::OrphanFound.with("profile", profile).with("users", users.join(", ")));
    }
    found
}
