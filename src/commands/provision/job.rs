//! One restaurant of a run: its secrets from the environment, a skip when it is already
//! connected with exactly these, the Zelty key validated, the HubRise location verified,
//! then the connection stored as `connect` stores it. Every problem becomes this
//! restaurant's failure; none stops the run.
//!
//! HubRise cost, per try: three requests on the restaurant's token — the location
//! (`GET /location`, or `GET /locations/:id` with the account token), its catalogs list and
//! its customer lists list (or `GET /customer_lists/:id` when the manifest names one).
//! A named catalog is found in the list rather than fetched with `GET /catalogs/:id`,
//! which HubRise counts as a high-load query (10 a minute). Zelty cost: one request per
//! distinct key in the whole run (`zelty::cache`), paced per key (`zelty::pace`).

use super::Shared;
use super::manifest::{HubriseSource, Plan};
use super::report::{Outcome, RestaurantResult};
use crate::clock::rfc3339;
use crate::error::{Failure, Kind, failure_of, typed_of};
use crate::http::Http;
use crate::hubrise::api;
use crate::hubrise::error::HubriseError;
use crate::hubrise::oauth::DEFAULT_SCOPE;
use crate::i18n::{Msg, Provision, Text};
use crate::ops::restaurants;
use crate::ops::store;
use crate::ops::watch::Verified;
use crate::profile::{PROFILE_VERSION, Profile, TokenOrigin, ZeltyPart};
use crate::secret::Secret;
use crate::stores;
use crate::zelty;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What is recorded for a location served by the account token: status then checks it
/// with `GET /locations/:id`, as for any `account[...]` scope.
pub const ACCOUNT_SCOPE: &str = "account[orders.write,customer_list.write,catalog.write,inventory.write]";

/// Tries per step when a service stays unreachable (each try already retries within the
/// HTTP budget): a 429 storm or a 5xx burst delays a restaurant, it does not lose it.
const ROUNDS: u32 = 3;

/// How long a restaurant waits for its profile while another zelty-bridge holds it.
const LOCK_WAIT: Duration = Duration::from_secs(5);

/// Names and ids, as far as the run got.
#[derive(Default)]
struct Known {
    restaurant_id: Option<i64>,
    restaurant_name: Option<String>,
    location_id: Option<String>,
    location_name: Option<String>,
}

pub async fn run_one(shared: &Shared<'_>, profile: String, plan: Result<Plan, Failure>) -> RestaurantResult {
    let start = Instant::now();
    let mut known = Known::default();
    if let Ok(plan) = &plan {
        known.restaurant_id = plan.restaurant_id;
        if let HubriseSource::Account { location_id } = &plan.hubrise {
            known.location_id = Some(location_id.clone());
        }
    }
    let result = match plan {
        Ok(plan) => connect_one(shared, &profile, &plan, &mut known).await,
        Err(failure) => Err(failure.into()),
    };
    let lang = shared.app.printer.lang();
    let (outcome, error) = match result {
        Ok(outcome) => (outcome, None),
        Err(err) => (
            Outcome::Failed,
            Some((failure_of(&err).map_or(Kind::Unexpected, |f| f.kind), crate::error::Report::of(&err, lang))),
        ),
    };
    RestaurantResult {
        profile,
        outcome,
        error,
        seconds: start.elapsed().as_secs_f64(),
        restaurant_id: known.restaurant_id,
        restaurant_name: known.restaurant_name,
        location_id: known.location_id,
        location_name: known.location_name,
    }
}

async fn connect_one(shared: &Shared<'_>, name: &str, plan: &Plan, known: &mut Known) -> anyhow::Result<Outcome> {
    let app = shared.app;
    let key = zelty::check_key(&variable(shared, &plan.zelty_key_env, name, Msg::MissingZeltyVar)?)
        .map_err(|e| held_in(e.into(), &plan.zelty_key_env, app.printer.lang()))?;
    let (token, location_id) = match &plan.hubrise {
        HubriseSource::Token { env } => (Secret::new(variable(shared, env, name, Msg::MissingTokenVar)?.trim()), None),
        HubriseSource::Account { location_id } => {
            let var = shared.account_token_env.as_deref().unwrap_or_default();
            (Secret::new(variable(shared, var, name, Msg::MissingTokenVar)?.trim()), Some(location_id.as_str()))
        }
    };
    let scope = if location_id.is_some() { ACCOUNT_SCOPE } else { DEFAULT_SCOPE };

    // The profile stays ours from the comparison to the write.
    let _lock = match shared.dry_run {
        true => None,
        false => {
            let (profiles, owned) = (app.profiles.clone(), name.to_string());
            Some(tokio::task::spawn_blocking(move || profiles.lock(&owned, "provision", LOCK_WAIT)).await??)
        }
    };
    let existing = app.profiles.load(name)?;
    if let Some(existing) = &existing
        && !shared.force
    {
        let same = up_to_date(shared, name, existing, plan, &key, &token).await?;
        known.restaurant_id = Some(existing.zelty.restaurant_id);
        known.restaurant_name = Some(existing.zelty.restaurant_name.clone());
        known.location_id = existing.hubrise.location_id.clone();
        known.location_name = existing.hubrise.location_name.clone();
        if !same {
            return Err(Failure::new(Kind::Usage, "already_connected", Msg::ProfileDiffers.with("profile", name))
                .hint(Msg::UseForceProvision.text())
                .into());
        }
        // Up to date only if HubRise still takes the token: one revoked elsewhere (by the
        // chain's owner, or an older version's `disconnect`) fails here, with its reason.
        let http = app.http.paced(shared.lanes.lane(&key, &token));
        let api_url = app.settings.endpoints.hubrise_api.as_str();
        let id = if existing.hubrise.account_level() { existing.hubrise.location_id.as_deref() } else { None };
        rounds(shared, name, || crate::hubrise::api::location(&http, api_url, &token, id)).await?;
        return Ok(Outcome::Skipped);
    }

    let http = app.http.paced(shared.lanes.lane(&key, &token));
    let zelty_api = app.settings.endpoints.zelty_api.as_str();
    let restaurants = shared
        .restaurants
        .get(&key, || rounds(shared, name, || zelty::restaurants(&http, zelty_api, &key)))
        .await
        .map_err(|e| held_in(e, &plan.zelty_key_env, app.printer.lang()))?;
    let hint = Msg::CheckManifestField.with("field", "restaurant_id").with("profile", name);
    let index = restaurants::designated(&restaurants, plan.restaurant_id, hint.clone())?.ok_or_else(|| {
        Failure::new(
            Kind::Usage,
            "several_restaurants",
            Msg::SeveralRestaurants.with("list", restaurants::listing(&restaurants).join(", ")),
        )
        .hint(hint)
    })?;
    let restaurant = restaurants[index].clone();
    known.restaurant_id = Some(restaurant.id);
    known.restaurant_name = Some(restaurant.name.clone());

    let verified = rounds(shared, name, || {
        verify(&http, app.settings.endpoints.hubrise_api.as_str(), &token, location_id, plan, name)
    })
    .await?;
    known.location_id = Some(verified.location.id.clone());
    known.location_name = Some(verified.location.name.clone());
    if shared.dry_run {
        return Ok(Outcome::Validated);
    }

    // Support access is given on the HubRise account: it survives a redo on the same one.
    let same_account = existing.filter(|p| p.hubrise.account_id == verified.location.account.id);
    let existing_app = same_account.as_ref().and_then(|p| p.bridge_app.clone());
    let support_access = same_account.and_then(|p| p.support_access);
    let profile = Profile {
        version: PROFILE_VERSION,
        secret_store: shared.store.kind(),
        connected_at: rfc3339(app.clock.now()),
        zelty: ZeltyPart { restaurant_id: restaurant.id, restaurant_name: restaurant.name },
        hubrise: verified.part(scope, None, TokenOrigin::Given),
        support_access,
        // A person connects Zelty Bridge later (`zelty-bridge app`); a redo keeps the record.
        bridge_app: existing_app,
    };
    let (profiles, store, save_lock, owned) =
        (app.profiles.clone(), Arc::clone(&shared.store), Arc::clone(&shared.save_lock), name.to_string());
    tokio::task::spawn_blocking(move || {
        // The file store rewrites one file: writes from two restaurants must not interleave.
        // The keyring's items are separate, so its writes go side by side.
        let _one_at_a_time = (store.kind() == crate::stores::StoreKind::File)
            .then(|| save_lock.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
        store::save(&profiles, store.as_ref(), &owned, &profile, &key, Some(&token))
    })
    .await??;
    Ok(Outcome::Connected)
}

/// A secret named by the manifest, from the environment; unset is this restaurant's
/// failure, naming the variable.
fn variable(shared: &Shared<'_>, var: &str, profile: &str, what: Msg) -> anyhow::Result<String> {
    match shared.app.env.get(var).filter(|v| !v.trim().is_empty()) {
        Some(value) => Ok(value.to_string()),
        None => Err(Failure::new(Kind::Usage, "missing_variable", what.with("var", var).with("profile", profile))
            .hint(Msg::MissingVariableHint.with("var", var))
            .into()),
    }
}

/// Whether the stored connection is the one the manifest describes: the same two secrets
/// and, where the manifest names them, the same restaurant, location, catalog and list.
async fn up_to_date(
    shared: &Shared<'_>,
    name: &str,
    existing: &Profile,
    plan: &Plan,
    key: &Secret,
    token: &Secret,
) -> anyhow::Result<bool> {
    let h = &existing.hubrise;
    let ids_match = plan.restaurant_id.is_none_or(|id| id == existing.zelty.restaurant_id)
        && match &plan.hubrise {
            HubriseSource::Account { location_id } => h.location_id.as_ref() == Some(location_id) && h.account_level(),
            HubriseSource::Token { .. } => !h.account_level(),
        }
        && plan.catalog_id.as_ref().is_none_or(|id| h.catalog_id.as_ref() == Some(id))
        && plan.customer_list_id.as_ref().is_none_or(|id| h.customer_list_id.as_ref() == Some(id));
    if !ids_match {
        return Ok(false);
    }
    let failed = store::store_failure;
    let stored = shared.app.store_of(existing.secret_store);
    let (owned, key, token) = (name.to_string(), key.clone(), token.clone());
    tokio::task::spawn_blocking(move || {
        let same = |user: String, secret: &Secret| stored.get(&user).map(|s| s.as_ref() == Some(secret));
        Ok(same(stores::zelty_user(&owned), &key).map_err(failed)?
            && same(stores::hubrise_user(&owned), &token).map_err(failed)?)
    })
    .await?
}

/// Runs a step again, after a pause, while it fails only because a service stayed
/// unreachable; any other failure is final.
async fn rounds<T, Fut: Future<Output = anyhow::Result<T>>>(
    shared: &Shared<'_>,
    name: &str,
    mut step: impl FnMut() -> Fut,
) -> anyhow::Result<T> {
    let mut round = 1;
    loop {
        match step().await {
            Err(err) if round < ROUNDS && failure_of(&err).is_some_and(|f| f.kind == Kind::Unreachable) => {
                let pause = Duration::from_secs(2 * u64::from(round));
                shared.app.printer.info(
                    Msg::ProvisionRetry
                        .with("profile", name)
                        .with("secs", pause.as_secs())
                        .with("round", round + 1)
                        .with("rounds", ROUNDS),
                );
                tokio::time::sleep(pause).await;
                round += 1;
            }
            result => return result,
        }
    }
}

/// The location the token reaches (or, for the account token, the one named), with its
/// catalog and customer list: named in the manifest, or the only one there is.
async fn verify(
    http: &Http,
    api_url: &str,
    token: &Secret,
    location_id: Option<&str>,
    plan: &Plan,
    name: &str,
) -> anyhow::Result<Verified> {
    let location = api::location(http, api_url, token, location_id).await.map_err(|err| {
        match (location_id, unknown_id(&err)) {
            (Some(id), true) => Failure::new(Kind::Rejected, "unknown_location", Msg::UnknownLocation.with("id", id))
                .hint(Msg::CheckManifestField.with("field", "location_id").with("profile", name))
                .into(),
            _ => err,
        }
    })?;
    // By id from here: a location token's own location is the one just read.
    let at = Some(location.id.as_str()).filter(|_| location_id.is_some());
    let catalogs = async {
        let list = api::location_list(http, api_url, token, at, "catalogs").await;
        match &plan.catalog_id {
            Some(id) => {
                let list = list?;
                // The valid values, so the fix is a copy away.
                let known = list.iter().map(|c| format!("{} ({})", c.id, c.name)).collect::<Vec<_>>().join(", ");
                list.into_iter().find(|c| &c.id == id).map(Some).ok_or_else(|| {
                    Failure::new(
                        Kind::Rejected,
                        "unknown_catalog",
                        Msg::UnknownCatalog.with("id", id).with("location", &location.id),
                    )
                    .hint(
                        Provision::KnownCatalogs
                            .with("field", "catalog_id")
                            .with("profile", name)
                            .with("known", if known.is_empty() { "—".into() } else { known }),
                    )
                    .into()
                })
            }
            None => api::only_one(list),
        }
    };
    let customer_lists = async {
        match &plan.customer_list_id {
            Some(id) => api::customer_list(http, api_url, token, id)
                .await
                .map(Some)
                .map_err(|err| named(err, "customer_list_id", name)),
            None => api::only_one(api::location_list(http, api_url, token, at, "customer_lists").await),
        }
    };
    let (catalog, customer_list) = tokio::join!(catalogs, customer_lists);
    Ok(Verified { location, catalog: catalog?, customer_list: customer_list? })
}

/// Whether HubRise refused the call for the id it named (unknown, or out of this token's
/// sight).
fn unknown_id(err: &anyhow::Error) -> bool {
    typed_of::<HubriseError>(err).is_some_and(HubriseError::is_unknown_id)
}

/// A key refused (or malformed) says which variable held it: in a manifest of many, the
/// variable is what the person fixes.
fn held_in(err: anyhow::Error, var: &str, lang: crate::i18n::Lang) -> anyhow::Error {
    let Some(f) = failure_of(&err).filter(|f| matches!(f.kind, Kind::Rejected | Kind::Usage)) else { return err };
    let mut held =
        Failure::new(f.kind, f.code, Provision::HeldIn.with("message", f.message.render(lang)).with("var", var));
    if let Some(hint) = &f.hint {
        held = held.hint(hint.clone());
    }
    if let Some(detail) = &f.detail {
        held = held.detail(detail);
    }
    held.into()
}

/// A refused id from the manifest gets a hint naming the field to check.
fn named(err: anyhow::Error, field: &str, profile: &str) -> anyhow::Error {
    match (unknown_id(&err), failure_of(&err).map(|f| f.code)) {
        (true, Some(code)) => {
            let hint: Text = Msg::CheckManifestField.with("field", field).with("profile", profile);
            Failure::new(Kind::Rejected, code, Msg::HubriseNotFound.text()).hint(hint).into()
        }
        _ => err,
    }
}
