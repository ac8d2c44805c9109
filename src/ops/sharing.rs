//! Which other profiles of this config hold the same secrets as one profile: a chain's
//! account token or a Zelty key serving several restaurants. `disconnect` uses it so that
//! one restaurant never cuts off its neighbours (it revokes only a token no other profile
//! holds, and offers Zelty's « Désactiver » only for a key no other profile uses), and so
//! that profiles written before version 3 can tell a given token from their own.

use crate::ctx::Ctx;
use crate::profile::Profile;
use crate::secret::Secret;
use crate::stores;

/// The other profiles sharing a profile's secrets.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Sharing {
    /// Profiles whose watch holds the same HubRise token.
    pub token: Vec<String>,
    /// Profiles on the same Zelty key.
    pub key: Vec<String>,
    /// A profile whose secrets could not be read (a locked keyring, a corrupt file): the
    /// answer is then not known to be complete, and the caller stays on the safe side.
    pub unreadable: Option<String>,
    /// The store's own words for why, when a store failed (for `-v`).
    pub unreadable_cause: Option<String>,
}

/// The profiles of this config other than `name` that hold `key` or `token`, compared in
/// constant time. Off the async threads: the keyring may block.
pub async fn of(app: &Ctx, name: &str, key: Option<&Secret>, token: Option<&Secret>) -> anyhow::Result<Sharing> {
    let names: Vec<String> = app.profiles.list()?.into_iter().filter(|n| n != name).collect();
    let mut sharing = Sharing::default();
    for other in names {
        let profile: Profile = match app.profiles.load(&other) {
            Ok(Some(p)) => p,
            Ok(None) => continue,
            Err(err) => {
                sharing.unreadable = Some(format!("{other}: {err:#}"));
                continue;
            }
        };
        let store = app.store_of(profile.secret_store);
        let who = other.clone();
        let read = tokio::task::spawn_blocking(move || {
            Ok::<_, stores::StoreError>((
                store.get(&stores::zelty_user(&who))?,
                store.get(&stores::hubrise_user(&who))?,
            ))
        })
        .await?;
        match read {
            Ok((their_key, their_token)) => {
                if key.is_some() && their_key.as_ref() == key {
                    sharing.key.push(other.clone());
                }
                if token.is_some() && their_token.as_ref() == token {
                    sharing.token.push(other);
                }
            }
            Err(err) => {
                let why = super::store::store_words(&err).render(app.printer.lang());
                sharing.unreadable = Some(format!("{other}: {why}"));
                sharing.unreadable_cause = Some(format!("{other}: {err}"));
            }
        }
    }
    Ok(sharing)
}
