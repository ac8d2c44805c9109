//! `connect`: the wizard. The Zelty key, then the watch (our read-only HubRise connection
//! on the location), then the Zelty Bridge app walked in the HubRise back office and proven
//! with what the APIs show, then — all or nothing — the secrets and the profile. Whatever
//! could stop it at the end (no OAuth client, a secret store that cannot write) is found
//! before the one-time Zelty key is asked for.

mod hubrise_step;
mod zelty_step;

use super::steps::bridge_walk as bridge;
use crate::clock::{rfc3339, unix};
use crate::ctx::Ctx;
use crate::error::{ExitStatus, Failure, Kind};
use crate::hubrise::oauth::{self, DEFAULT_SCOPE};
use crate::i18n::{Bridge, Msg, Ownership};
use crate::ops::bridge::{Outcome, Target};
use crate::ops::check::{self, Part};
use crate::ops::evidence::Watch;
use crate::ops::pending::Runs;
use crate::ops::store;
use crate::ops::watch::{Verified, Wanted};
use crate::profile::{BridgeApp, HubrisePart, PROFILE_VERSION, Profile, ZeltyPart};
use crate::prompt;
use crate::secret::Secret;
use crate::stores::SecretStore;
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, clap::Args)]
pub struct ConnectArgs {
    #[arg(long)]
    pub zelty_api_key_stdin: bool,
    #[arg(long, value_name = "ID")]
    pub restaurant_id: Option<i64>,
    #[arg(long, default_value = DEFAULT_SCOPE, value_name = "SCOPE")]
    pub scope: String,
    #[arg(long)]
    pub no_browser: bool,
    #[arg(long)]
    pub no_watch: bool,
    #[arg(long, value_name = "ID")]
    pub catalog_id: Option<String>,
    #[arg(long, value_name = "ID")]
    pub customer_list_id: Option<String>,
    #[arg(long, default_value_t = 300, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
    #[arg(long)]
    pub force: bool,
}

pub async fn run(args: ConnectArgs, app: &Ctx) -> anyhow::Result<ExitStatus> {
    oauth::check_scope(&args.scope)?;
    let with_watch = watch_possible(app, &args).await?;
    check_unattended(app, &args, with_watch)?;
    let _lock = app.lock_profile("connect").await?;
    let existing = app.profiles.load(&app.profile)?;
    if let Some(existing) = &existing {
        confirm_replace(app, &args, existing).await?;
    }
    let store: Arc<dyn SecretStore> = Arc::from(super::steps::store::choose(app).await?);
    // A run that did not finish left its device_id (chosen once per profile, so a rerun gets
    // the same HubRise connection back) and the key it validated: this run resumes it.
    let runs = Runs::new(&app.settings.config_dir);
    let now = unix(app.clock.now());
    let pending = runs.load(&app.profile);
    let device_id = match (existing.as_ref().and_then(|p| p.hubrise.device_id.clone()), &pending) {
        (Some(id), _) => id,
        (None, Some(p)) => p.device_id.clone(),
        (None, None) => new_device_id()?,
    };
    let resume = {
        let (runs, store, name) = (runs.clone(), store.clone(), app.profile.clone());
        tokio::task::spawn_blocking(move || runs.fresh_key(&name, store.as_ref(), now)).await?
    };

    app.printer.step(Msg::StepZelty.text());
    let zelty = zelty_step::run(app, &args, resume.map(|(key, at)| (key, now - at))).await?;
    // Recorded before HubRise is called: the device_id, and the key a person typed (Zelty
    // shows it once).
    if zelty.typed {
        let (runs, store, name, key) = (runs.clone(), store.clone(), app.profile.clone(), zelty.key.clone());
        let device = device_id.clone();
        let kept =
            tokio::task::spawn_blocking(move || runs.keep_key(&name, store.as_ref(), &key, &device, now)).await?;
        if let Err(err) = kept {
            app.printer.debug(1, format!("the validated key is not kept for a rerun: {err:#}"));
        }
    }

    let stored_token = match &existing {
        Some(profile) => check::read_secrets(app, &app.profile, profile).await.ok().and_then(|(_, token)| token),
        None => None,
    };
    let mut watch = match with_watch {
        true => {
            app.printer.step(Msg::StepHubrise.text());
            match kept_watch(app, &args, existing.as_ref(), stored_token.as_ref()).await? {
                Some(kept) => Some(kept),
                None => Some(hubrise_step::run(app, &args, &device_id, stored_token.as_ref()).await?),
            }
        }
        false => None,
    };
    let hubrise = match &watch {
        Some(w) => w.verified.part(&args.scope, Some(device_id), w.origin),
        None => HubrisePart { no_watch: true, device_id: Some(device_id), ..HubrisePart::default() },
    };
    if let Some(w) = &watch {
        let (location, account) = (&w.verified.location.name, &w.verified.location.account.name);
        if crate::ops::restaurants::names_look_unrelated(&zelty.restaurant.name, location, account) {
            app.printer.warn(
                Bridge::NamesLookUnrelated
                    .with("restaurant", &zelty.restaurant.name)
                    .with("location", location)
                    .with("account", account),
            );
        }
    }

    app.printer.step(Bridge::StepApp.text());
    let target = Target {
        key: &zelty.key,
        location: watch.as_ref().map(|w| location_of(&w.verified)),
        watch: watch.as_ref().map(|w| Watch { token: &w.token, part: &hubrise }),
    };
    let outcome = match app.ctx.interactive {
        true => bridge::walk(app, &target, Duration::from_secs(args.timeout)).await?,
        false => bridge::unattended(app, &target).await,
    };
    bridge::note_unread(app, &outcome.evidence);
    let app_command = format!("zelty-bridge app{}", check::profile_flag(&app.profile));
    bridge::tell(app, &outcome, watch.as_ref().map(|w| w.verified.location.name.as_str()), &app_command);

    app.printer.step(Bridge::StepStoreLast.text());
    let now = rfc3339(app.clock.now());
    let profile = Profile {
        version: PROFILE_VERSION,
        secret_store: store.kind(),
        connected_at: now.clone(),
        zelty: ZeltyPart { restaurant_id: zelty.restaurant.id, restaurant_name: zelty.restaurant.name.clone() },
        hubrise,
        support_access: existing.and_then(|p| p.support_access),
        bridge_app: outcome.done().then_some(BridgeApp { confirmed_at: now }),
    };
    let (profiles, name, stored, key) = (app.profiles.clone(), app.profile.clone(), profile.clone(), zelty.key.clone());
    let token = watch.as_ref().map(|w| w.token.clone());
    let location = match store.kind() {
        crate::stores::StoreKind::File => crate::i18n::Ux::StoreFile.with("path", store.location()),
        _ => crate::i18n::Ux::StoreKeyring.with("service", store.location()),
    };
    let saving = store.clone();
    tokio::task::spawn_blocking(move || store::save(&profiles, saving.as_ref(), &name, &stored, &key, token.as_ref()))
        .await??;
    // Kept: nothing of this run is to be undone, and nothing is pending any more.
    if let Some(undo) = watch.as_mut().and_then(|w| w.undo.take()) {
        undo.disarm();
    }
    let name = app.profile.clone();
    let (cleared, store_for_clear) = (runs.clone(), store.clone());
    tokio::task::spawn_blocking(move || cleared.clear(&name, store_for_clear.as_ref())).await?;
    app.printer.success(Msg::Stored.with("store", app.printer.t(&location)));
    summary(app, &profile, &zelty.key, watch.as_ref().map(|w| &w.token), &outcome);
    Ok(ExitStatus::Success)
}

/// The watch the profile already has, when its token still works on its location and the
/// person keeps it: no new authorization, no new connection on CONNEXIONS. A script that
/// replaces a connection (`--force`) redoes it whole.
async fn kept_watch(
    app: &Ctx,
    args: &ConnectArgs,
    existing: Option<&Profile>,
    token: Option<&Secret>,
) -> anyhow::Result<Option<hubrise_step::HubriseDone>> {
    let (Some(profile), Some(token)) = (existing, token) else { return Ok(None) };
    if !app.ctx.interactive || app.env.is_set("HUBRISE_ACCESS_TOKEN") || profile.hubrise.scope != args.scope {
        return Ok(None);
    }
    let wanted = Wanted { catalog: args.catalog_id.as_deref(), customer_list: args.customer_list_id.as_deref() };
    let Ok(verified) = crate::ops::watch::verify(app, token, None, wanted).await else { return Ok(None) };
    let (location, id) = (verified.location.name.clone(), verified.location.id.clone());
    let ask = Ownership::KeepWatchAsk.with("location", &location).with("id", &id);
    if !prompt::confirm(&app.printer, ask, true, Msg::UseForce.text()).await? {
        return Ok(None);
    }
    app.printer.success(Ownership::WatchKept.with("location", &location).with("id", &id));
    let origin = profile.token_origin(false);
    Ok(Some(hubrise_step::HubriseDone { token: token.clone(), verified, origin, undo: None }))
}

/// The status of what was just stored, and the next step.
fn summary(app: &Ctx, profile: &Profile, key: &Secret, token: Option<&Secret>, outcome: &Outcome) {
    let lang = app.printer.lang();
    let watch_part = match token {
        Some(_) => Part::ok(None),
        None => check::watch_missing(profile, lang),
    };
    let (key, token) = (Some(key.clone()), token.cloned());
    let report = check::report(
        app,
        &app.profile,
        profile,
        [&Part::ok(None), &watch_part],
        Some(&outcome.evidence),
        Some((&key, &token)),
    );
    if app.printer.is_json() {
        app.printer.json(&serde_json::to_value(&report).unwrap_or_default());
        return;
    }
    app.printer.result(&report.render(lang));
    let flag = check::profile_flag(&app.profile);
    if outcome.done() {
        app.printer.info(Bridge::NextGrant.with("command", format!("zelty-bridge grant-support{flag}")));
    } else {
        app.printer.info(Bridge::NextApp.with("command", format!("zelty-bridge app{flag}")));
    }
}

fn location_of(v: &Verified) -> (&str, &str) {
    (v.location.name.as_str(), v.location.id.as_str())
}

/// A new per-profile `device_id` (128 random bits).
fn new_device_id() -> anyhow::Result<String> {
    crate::secret::random_hex(16).map_err(|e| anyhow::anyhow!("no randomness from the OS: {e}"))
}

/// Whether the watch can be set up: a token in the environment, or an OAuth client. Said
/// before the first step, never after the one-time Zelty key was typed.
async fn watch_possible(app: &Ctx, args: &ConnectArgs) -> anyhow::Result<bool> {
    if args.no_watch {
        return Ok(false);
    }
    if app.env.is_set("HUBRISE_ACCESS_TOKEN") || app.settings.client.is_some() {
        return Ok(true);
    }
    let failure =
        || Failure::new(Kind::Usage, "no_oauth_client", Bridge::NoClientFirst.text()).hint(Bridge::NoWatchHint.text());
    if !app.ctx.interactive {
        return Err(failure().into());
    }
    app.printer.warn(Bridge::NoClientFirst.text());
    if prompt::confirm(&app.printer, Bridge::GoOnWithoutWatch.text(), true, Bridge::NoWatchHint.text()).await? {
        Ok(false)
    } else {
        Err(failure().into())
    }
}

/// Without a person, the watch's authorization needs either `HUBRISE_ACCESS_TOKEN` or a
/// browser that can be launched (the `BROWSER` command, or an opener that plays the
/// person): say so before any call is made.
fn check_unattended(app: &Ctx, args: &ConnectArgs, with_watch: bool) -> anyhow::Result<()> {
    let unattended = !app.ctx.interactive && !app.env.is_set("HUBRISE_ACCESS_TOKEN");
    let no_browser =
        !app.opener.opens_anywhere() && !crate::context::browser_launchable(&app.env, std::env::consts::OS);
    if with_watch && unattended && (args.no_browser || no_browser) {
        return Err(Failure::new(Kind::Usage, "hubrise_token_missing", Msg::HubriseTokenMissing.text())
            .hint(Msg::UseEnvTokenHint.text())
            .into());
    }
    Ok(())
}

/// An existing connection is replaced only on purpose.
async fn confirm_replace(app: &Ctx, args: &ConnectArgs, existing: &Profile) -> anyhow::Result<()> {
    if args.force {
        return Ok(());
    }
    // A disconnect cut short: a script is told to finish it (or to pass --force); a person
    // is told, then asked as for any connection.
    if let Some(at) = &existing.hubrise.revoked_at {
        let unfinished = crate::ops::check::unfinished_disconnect(&app.profile, at, app.ctx.lang);
        if !app.ctx.interactive {
            return Err(unfinished.into());
        }
        app.printer.warn(unfinished.message.clone());
    }
    let what = Msg::ExistingConnection
        .with("profile", &app.profile)
        .with("restaurant", &existing.zelty.restaurant_name)
        .with("location", existing.location_label());
    if !app.ctx.interactive {
        return Err(Failure::new(Kind::Usage, "already_connected", what).hint(Msg::UseForce.text()).into());
    }
    app.printer.info(what);
    if prompt::confirm(&app.printer, Msg::ReplaceConnection.text(), false, Msg::UseForce.text()).await? {
        Ok(())
    } else {
        Err(Failure::new(Kind::Usage, "cancelled", Msg::Cancelled.text()).into())
    }
}
