//! A connection checked: its secrets read off the async threads, then — unless offline —
//! the Zelty key, the watch and the Zelty Bridge app's evidence, all at the same time.

use super::evidence::{self, Evidence, Watch};
use super::report::{BridgeReport, HubriseReport, Problem, StatusReport, SupportReport, ZeltyReport};
use super::state::{BridgeState, PartState};
use super::store::{KeyringLocked, KeyringUnreachable, store_failure};
use crate::ctx::Ctx;
use crate::error::{Failure, Kind, failure_of};
use crate::http::Http;
use crate::hubrise::api;
use crate::i18n::{Bridge, Flow, Lang, Msg, Ownership};
use crate::profile::{HubrisePart, Profile};
use crate::secret::Secret;
use crate::stores;

/// One part's outcome before it is put in the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub state: PartState,
    pub problem: Option<Problem>,
    /// A live name that may have changed since `connect` (restaurant, location).
    pub live_name: Option<String>,
}

impl Part {
    pub fn ok(live_name: Option<String>) -> Part {
        Part { state: PartState::Ok, problem: None, live_name }
    }

    pub fn not_ok(state: PartState, failure: &Failure, lang: Lang) -> Part {
        Part { state, problem: Some(Problem::of(failure, lang)), live_name: None }
    }

    /// A failed check: a refusal is `rejected`, anything else `unreachable`.
    pub fn failed(err: &anyhow::Error, lang: Lang) -> Part {
        match failure_of(err) {
            Some(f) if f.kind == Kind::Rejected => Part::not_ok(PartState::Rejected, f, lang),
            Some(f) => Part::not_ok(PartState::Unreachable, f, lang),
            None => {
                let message = crate::error::Report::of(err, lang).message;
                Part {
                    state: PartState::Unreachable,
                    problem: Some(Problem { reason: "unexpected", message, hint: None }),
                    live_name: None,
                }
            }
        }
    }

    /// A part whose secret could not be read: `locked` when the keyring is locked (with what
    /// to do about it in `status`), else `missing` with the store's failure.
    pub fn unreadable(failure: &Failure, lang: Lang) -> Part {
        // A keyring that is not there or does not answer may hold the secrets all the
        // same: unreachable, not missing (reconnecting is not the fix).
        if failure.as_typed::<KeyringUnreachable>().is_some() {
            return Part::not_ok(PartState::Unreachable, failure, lang);
        }
        if failure.as_typed::<KeyringLocked>().is_none() {
            return Part::not_ok(PartState::Missing, failure, lang);
        }
        let locked = Failure::new(failure.kind, failure.code, Msg::KeyringLockedStatus.text())
            .hint(Msg::KeyringLockedStatusHint.text());
        Part::not_ok(PartState::Locked, &locked, lang)
    }

    /// The Zelty key is not stored for the profile.
    pub fn key_missing(lang: Lang) -> Part {
        Part::not_ok(PartState::Missing, &key_missing(), lang)
    }

    /// The profile has no watch (connected without a HubRise OAuth client).
    pub fn watch_absent(lang: Lang) -> Part {
        Part::not_ok(
            PartState::Missing,
            &Failure::new(Kind::NotConnected, "watch_absent", Bridge::WatchAbsent.text())
                .hint(Bridge::WatchAbsentHint.text()),
            lang,
        )
    }
}

/// The watch's part when no token is stored: not used on purpose, or absent.
pub fn watch_missing(profile: &Profile, lang: Lang) -> Part {
    if profile.hubrise.no_watch {
        let why = Failure::new(Kind::NotConnected, "watch_not_used", Flow::WatchNotUsed.text())
            .hint(Bridge::WatchAbsentHint.text());
        Part::not_ok(PartState::NotUsed, &why, lang)
    } else {
        Part::watch_absent(lang)
    }
}

/// The two secrets of profile `name`, read off the async threads (the keyring may block).
pub async fn read_secrets(
    app: &Ctx,
    name: &str,
    profile: &Profile,
) -> Result<(Option<Secret>, Option<Secret>), Failure> {
    let store = app.store_of(profile.secret_store);
    let (zu, hu) = (stores::zelty_user(name), stores::hubrise_user(name));
    let read =
        tokio::task::spawn_blocking(move || Ok::<_, stores::StoreError>((store.get(&zu)?, store.get(&hu)?))).await;
    match read {
        Ok(Ok(pair)) => Ok(pair),
        Ok(Err(e)) => Err(store_failure(e)),
        Err(e) => Err(store_failure(stores::StoreError::Other(e.to_string()))),
    }
}

/// The status of profile `name`.
pub async fn check(app: &Ctx, name: &str, profile: &Profile, offline: bool) -> StatusReport {
    let lang = app.printer.lang();
    let (key, token) = match read_secrets(app, name, profile).await {
        Ok(pair) => pair,
        Err(failure) => {
            let part = Part::unreadable(&failure, lang);
            return report(app, name, profile, [&part, &part], None, None);
        }
    };
    // A watch revoked by an unfinished disconnect is dead: HubRise is not asked about it.
    let live = token.as_ref().filter(|_| profile.hubrise.revoked_at.is_none());
    let missing_key = || Part::key_missing(lang);
    let missing_watch = || watch_missing(profile, lang);
    if offline {
        let unchecked = |s: &Option<Secret>, missing: Part| {
            if s.is_some() { Part { state: PartState::Unchecked, problem: None, live_name: None } } else { missing }
        };
        let parts = [unchecked(&key, missing_key()), unchecked(&token, missing_watch())];
        return report(app, name, profile, [&parts[0], &parts[1]], None, Some((&key, &token)));
    }
    let zelty = async {
        match &key {
            Some(key) => check_zelty(app, profile, key).await,
            None => missing_key(),
        }
    };
    let watch = async {
        match live {
            Some(token) => check_watch(app, &app.http, &profile.hubrise, token).await,
            None => missing_watch(),
        }
    };
    let w = live.map(|token| Watch { token, part: &profile.hubrise });
    let (zelty, watch, evidence) = tokio::join!(zelty, watch, evidence::gather(app, key.as_ref(), w.as_ref()));
    report(app, name, profile, [&zelty, &watch], Some(&evidence), Some((&key, &token)))
}

/// The key still works and still sees the profile's restaurant.
pub async fn check_zelty(app: &Ctx, profile: &Profile, key: &Secret) -> Part {
    let lang = app.printer.lang();
    match crate::zelty::restaurants(&app.http, &app.settings.endpoints.zelty_api, key).await {
        Ok(list) => restaurant_part(profile, &list, lang),
        Err(err) => Part::failed(&err, lang),
    }
}

/// The key's restaurants still include the profile's.
pub fn restaurant_part(profile: &Profile, list: &[crate::zelty::Restaurant], lang: Lang) -> Part {
    match list.iter().find(|r| r.id == profile.zelty.restaurant_id) {
        Some(r) => Part::ok(Some(r.name.clone())),
        None => Part::not_ok(
            PartState::Rejected,
            &Failure::new(
                Kind::Rejected,
                "zelty_restaurant_gone",
                Msg::RestaurantGone.with("id", profile.zelty.restaurant_id),
            )
            .hint(Msg::TokenRevokedHint.text()),
            lang,
        ),
    }
}

/// The watch's token still reaches its location (by id for an account-level token), over
/// `http` (a fleet's paces each token).
pub async fn check_watch(app: &Ctx, http: &Http, watch: &HubrisePart, token: &Secret) -> Part {
    match api::location(http, &app.settings.endpoints.hubrise_api, token, watch.location_to_name()).await {
        Ok(location) => Part::ok(Some(location.name)),
        Err(err) => Part::failed(&err, app.printer.lang()),
    }
}

/// Puts the parts together; `secrets` gives the masked forms shown.
pub fn report(
    app: &Ctx,
    name: &str,
    profile: &Profile,
    [zelty, watch]: [&Part; 2],
    evidence: Option<&Evidence>,
    secrets: Option<(&Option<Secret>, &Option<Secret>)>,
) -> StatusReport {
    let lang = app.printer.lang();
    let (key, token) = secrets.unwrap_or((&None, &None));
    let h = &profile.hubrise;
    // A disconnect cut short after its revoke: the watch says so, whatever was asked, and
    // the app's evidence (read with a dead token, or not at all) is not judged.
    let unfinished = h.revoked_at.as_deref().map(|at| disconnect_unfinished(name, at, lang));
    let watch = unfinished.as_ref().unwrap_or(watch);
    let evidence = evidence.filter(|_| unfinished.is_none());
    let location = h.location_name.as_deref().or(h.location_id.as_deref());
    let hint = |state, _: &Evidence| bridge_hint(name, state, location).map(|t| t.render(lang));
    // Without a readable key there is no evidence to read: the app is unchecked.
    let evidence = evidence
        .filter(|_| !matches!(zelty.state, PartState::Missing | PartState::Locked) || watch.state == PartState::Ok);
    StatusReport {
        profile: name.to_string(),
        secret_store: profile.secret_store.name(),
        zelty: ZeltyReport {
            state: zelty.state,
            restaurant_id: profile.zelty.restaurant_id,
            restaurant_name: zelty.live_name.clone().unwrap_or_else(|| profile.zelty.restaurant_name.clone()),
            api_key: key.as_ref().map(Secret::masked),
            problem: zelty.problem.clone(),
        },
        hubrise: HubriseReport {
            state: watch.state,
            account_id: h.account_id.clone(),
            account_name: h.account_name.clone(),
            location_id: h.location_id.clone(),
            location_name: watch.live_name.clone().or_else(|| h.location_name.clone()),
            catalog_id: h.catalog_id.clone(),
            catalog_name: h.catalog_name.clone(),
            customer_list_id: h.customer_list_id.clone(),
            customer_list_name: h.customer_list_name.clone(),
            access_token: token.as_ref().map(Secret::masked),
            token_origin: h.token_origin.filter(|_| !h.no_watch),
            problem: watch.problem.clone(),
        },
        bridge_app: BridgeReport::of(profile, evidence, hint),
        support_access: SupportReport::of(profile),
    }
}

/// The watch of a profile whose `disconnect` was cut short after HubRise answered its
/// revoke (`revoked_at`): a person finishes it by running `disconnect` again.
pub fn disconnect_unfinished(name: &str, revoked_at: &str, lang: Lang) -> Part {
    Part::not_ok(PartState::DisconnectUnfinished, &unfinished_disconnect(name, revoked_at, lang), lang)
}

/// The error of a command that needs the watch of a profile whose `disconnect` was cut
/// short (`app`, or a script's `connect` without `--force`): finish it first (exit 6).
pub fn unfinished_disconnect(name: &str, revoked_at: &str, lang: Lang) -> Failure {
    Failure::new(
        Kind::NeedsPerson,
        "disconnect_unfinished",
        Ownership::DisconnectUnfinished.with("at", crate::localtime::human(revoked_at, lang)),
    )
    .hint(Ownership::DisconnectUnfinishedHint.with("command", format!("zelty-bridge disconnect{}", profile_flag(name))))
}

/// What to do about the app in its state (a runnable command, or where to look).
pub fn bridge_hint(name: &str, state: BridgeState, location: Option<&str>) -> Option<crate::i18n::Text> {
    let command = format!("zelty-bridge app{}", profile_flag(name));
    match state {
        BridgeState::ToDo => Some(Bridge::ToDoHint.with("command", command)),
        BridgeState::Confirmed => Some(Bridge::ConfirmedHint.text()),
        BridgeState::Stalled => Some(Flow::StalledHint.with("location", location.unwrap_or("—"))),
        BridgeState::Linked => Some(linked_hint(location)),
        BridgeState::Active | BridgeState::Unchecked => None,
    }
}

/// What `linked` asks of a person. The key's webhooks say a bridge holds the key, never on
/// which location: a Zelty Bridge connected on another location of the account looks the
/// same until an order waits here. So it is no green: the row must name this location.
pub fn linked_hint(location: Option<&str>) -> crate::i18n::Text {
    match location {
        Some(location) => Flow::LinkedHint.with("location", location),
        None => Flow::LinkedHintNoLocation.text(),
    }
}

/// The Zelty key is not stored: exit 4, with how to store one.
pub fn key_missing() -> Failure {
    Failure::new(Kind::NotConnected, "secret_missing", Msg::SecretMissing.text()).hint(Msg::NotConnectedHint.text())
}

/// Profile `name` has no connection: exit 4, with how to make one.
pub fn not_connected(name: &str) -> Failure {
    Failure::new(Kind::NotConnected, "not_connected", Msg::NotConnected.with("profile", name))
        .hint(Msg::NotConnectedHint.text())
}

pub use super::report::profile_flag;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_linked_hint_names_the_location_and_never_says_nothing_to_do() {
        for lang in [Lang::En, Lang::Fr] {
            let hint = bridge_hint("paris", BridgeState::Linked, Some("Bella Pizza Paris")).unwrap().render(lang);
            assert!(hint.contains("« Bella Pizza Paris »"), "{hint}");
            assert!(hint.contains("CONNEX") || hint.contains("CONNECTIONS"), "{hint}");
            let bare = bridge_hint("paris", BridgeState::Linked, None).unwrap().render(lang);
            for text in [&hint, &bare] {
                let lower = text.to_lowercase();
                assert!(!lower.contains("nothing to do") && !lower.contains("rien à faire"), "{text}");
            }
        }
    }
}
