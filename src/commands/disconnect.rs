//! `disconnect`, as the guide says (https://www.hubrise.com/fr/apps/zelty-bridge/connexion-hubrise):
//! walks CONNEXIONS > Zelty Bridge > Actions > Déconnecter (or Zelty's « Gérer » >
//! « Désactiver », offered only for a key no other profile uses), revokes the watch when
//! this profile owns it (authorized by this tool, held by no other profile; a chain's
//! account token is never cut by one restaurant), then deletes the secrets and the profile. If the
//! revoke cannot be done, the local secrets are kept (unless `--force`), so nothing stays
//! connected without the user knowing. With nothing connected it says so and succeeds.

use crate::browser::{Opened, Page};
use crate::ctx::Ctx;
use crate::error::{ExitStatus, Failure, Kind, failure_of};
use crate::hubrise::oauth;
use crate::i18n::{Bridge, Msg, Ownership, Text};
use crate::ops::sharing;
use crate::ops::store::store_failure;
use crate::profile::{Profile, TokenOrigin};
use crate::prompt;
use crate::secret::Secret;
use crate::stores::{self, SecretStore};
use serde_json::json;
use std::sync::Arc;

#[derive(Debug, clap::Args)]
pub struct DisconnectArgs {
    #[arg(long, short = 'y')]
    pub yes: bool,
    #[arg(long)]
    pub force: bool,
    #[arg(long, conflicts_with_all = ["force", "keep_zelty"])]
    pub block: bool,
    #[arg(long)]
    pub keep_zelty: bool,
}

pub async fn run(args: DisconnectArgs, app: &Ctx) -> anyhow::Result<ExitStatus> {
    let _lock = app.lock_profile("disconnect").await?;
    let Some(profile) = app.profiles.load(&app.profile)? else {
        if args.force
            && let Some((removed, revoked)) = super::steps::orphans::remove(app, args.keep_zelty).await?
        {
            if app.printer.is_json() {
                app.printer.json(&json!({ "profile": app.profile, "disconnected": true, "revoked": revoked, "zelty_key_kept": args.keep_zelty, "orphans_removed": removed }));
            }
            return Ok(ExitStatus::Success);
        }
        return nothing_connected(app);
    };
    if args.block {
        return block(app, &args, &profile).await;
    }
    confirm(app, &args, &profile).await?;
    let store: Arc<dyn SecretStore> = Arc::from(app.store_of(profile.secret_store));
    let (key, token) = crate::ops::check::read_secrets(app, &app.profile, &profile).await?;
    // Neighbours first: what other profiles hold is never cut off from here.
    let sharing = sharing::of(app, &app.profile, key.as_ref(), token.as_ref()).await?;
    let mut steps = vec![Bridge::AppDisconnectSteps.text(), row_of(app, &profile)];
    if !args.keep_zelty {
        match sharing.key.is_empty() && sharing.unreadable.is_none() {
            true => steps.push(Bridge::ZeltyDisableOr.text()),
            false => steps.push(Ownership::ZeltyDisableShared.with("profiles", names(&sharing.key))),
        }
    }
    guide(app, &args, &profile, &steps, false).await?;
    let origin = profile.token_origin(!sharing.token.is_empty());
    let outcome = match (&token, origin, &profile.hubrise.revoked_at) {
        // A disconnect cut short after HubRise answered its revoke: the token is dead, and
        // asking again would only blur what happened.
        (_, _, Some(at)) => {
            crate::interrupt::note_revoked_left(true);
            app.printer.info(Ownership::AlreadyRevoked.with("at", crate::localtime::human(at, app.printer.lang())));
            Revoke::AlreadyRevoked
        }
        (None, _, _) => Revoke::NoToken,
        (Some(_), TokenOrigin::Given, _) => {
            app.printer.info(Ownership::TokenGivenKept.text());
            Revoke::GivenKept
        }
        (Some(_), TokenOrigin::Authorized, _) if !sharing.token.is_empty() => {
            app.printer.info(Ownership::TokenSharedKept.with("profiles", names(&sharing.token)));
            Revoke::SharedKept
        }
        (Some(_), TokenOrigin::Authorized, _) if sharing.unreadable.is_some() => {
            let why = sharing.unreadable.clone().unwrap_or_default();
            if let Some(cause) = &sharing.unreadable_cause {
                app.printer.debug(1, cause);
            }
            app.printer.warn(Ownership::RevokeSkippedUnreadable.with("why", why));
            Revoke::UnreadableKept
        }
        (Some(token), TokenOrigin::Authorized, None) => revoke(app, &args, &profile, token).await?,
    };
    let revoked = outcome.revoked();
    let mut users = vec![stores::hubrise_user(&app.profile), crate::ops::pending::key_user(&app.profile)];
    if !args.keep_zelty {
        users.push(stores::zelty_user(&app.profile));
    }
    // Every store that may hold them is emptied, not only the profile's: a connection made
    // with the file store and redone with the keyring (or the reverse) left secrets there.
    let own = store.kind();
    let others: Vec<_> = app.every_store().into_iter().filter(|s| s.kind() != own).collect();
    // The keyring may block: off the async threads. Held like connect's store: a signal
    // does not cut the deletion halfway.
    let (runs, name, profiles) =
        (crate::ops::pending::Runs::new(&app.settings.config_dir), app.profile.clone(), app.profiles.clone());
    // Taken before the blocking task starts: a signal that comes before its first line
    // must not end the run while the deletion goes on.
    let critical = crate::interrupt::critical();
    let (own_result, sweeps) = tokio::task::spawn_blocking(move || {
        let _critical = critical;
        runs.clear(&name, store.as_ref());
        let own = users.iter().try_for_each(|user| store.delete(user).map(drop));
        let sweeps = stores::remove_everywhere(others, &users);
        let own = own.map_err(store_failure).map_err(anyhow::Error::from).and_then(|()| profiles.delete(&name));
        (own, sweeps)
    })
    .await?;
    for sweep in &sweeps {
        match (&sweep.error, sweep.removed.is_empty()) {
            (None, false) => app.printer.info(sweep.text()),
            (Some(_), _) => app.printer.debug(1, app.printer.t(&sweep.text())),
            (None, true) => {}
        }
    }
    own_result?;
    // Nothing is left: a signal held during the deletion must not say otherwise.
    crate::interrupt::note_revoked_left(false);
    warn_env(app);
    if app.printer.is_json() {
        app.printer.json(&json!({
            "profile": app.profile,
            "disconnected": true,
            "revoked": revoked,
            "hubrise_revoke": outcome.name(),
            "token_origin": token.as_ref().map(|_| origin),
            "token_shared_with": sharing.token,
            "other_stores": sweeps.iter().map(stores::Sweep::to_json).collect::<Vec<_>>(),
            "zelty_key_kept": args.keep_zelty,
        }));
    } else {
        app.printer.result(&app.printer.t(&Msg::Disconnected.with("profile", &app.profile)));
    }
    Ok(ExitStatus::Success)
}

/// Which row of CONNEXIONS to act on: a chain's page has one « Zelty Bridge » per location.
fn row_of(app: &Ctx, profile: &Profile) -> Text {
    let h = &profile.hubrise;
    Ownership::RowOfLocation
        .with("location", h.location_name.as_deref().unwrap_or("—"))
        .with("id", h.location_id.as_deref().unwrap_or("—"))
        .with("watch", &app.settings.watch_name)
}

fn names(profiles: &[String]) -> String {
    profiles.join(", ")
}

fn nothing_connected(app: &Ctx) -> anyhow::Result<ExitStatus> {
    warn_env(app);
    if app.printer.is_json() {
        app.printer
            .json(&json!({ "profile": app.profile, "disconnected": false, "revoked": false, "zelty_key_kept": false }));
    } else {
        app.printer.result(&app.printer.t(&Msg::NothingConnected.with("profile", &app.profile)));
    }
    Ok(ExitStatus::Success)
}

async fn confirm(app: &Ctx, args: &DisconnectArgs, profile: &Profile) -> anyhow::Result<()> {
    if args.yes {
        return Ok(());
    }
    let question = Msg::ConfirmDisconnect
        .with("profile", &app.profile)
        .with("restaurant", &profile.zelty.restaurant_name)
        .with("location", profile.location_label());
    if prompt::confirm(&app.printer, question, false, Msg::UseYes.text()).await? {
        Ok(())
    } else {
        Err(Failure::new(Kind::Usage, "cancelled", Msg::Cancelled.text()).into())
    }
}

/// What became of the watch's token (`hubrise_revoke` in `--json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Revoke {
    /// No token stored.
    NoToken,
    /// HubRise answered this run's revoke.
    Revoked,
    /// A disconnect cut short had it revoked: HubRise was not asked again.
    AlreadyRevoked,
    /// Given to this tool: forgotten, not revoked.
    GivenKept,
    /// Held by other profiles too: forgotten, not revoked.
    SharedKept,
    /// The other profiles' tokens could not be compared: forgotten, not revoked.
    UnreadableKept,
    /// HubRise could not be told, and `--force` went on.
    FailedForced,
}

impl Revoke {
    fn name(self) -> &'static str {
        match self {
            Revoke::NoToken => "no_token",
            Revoke::Revoked => "revoked",
            Revoke::AlreadyRevoked => "already_revoked",
            Revoke::GivenKept => "given_kept",
            Revoke::SharedKept => "shared_kept",
            Revoke::UnreadableKept => "unreadable_kept",
            Revoke::FailedForced => "failed_forced",
        }
    }

    /// The token is dead (`revoked` in `--json`).
    fn revoked(self) -> bool {
        matches!(self, Revoke::Revoked | Revoke::AlreadyRevoked)
    }
}

/// Revokes the token, this profile's own, and records at once that HubRise answered.
/// `FailedForced` when `--force` went on past a failure.
async fn revoke(app: &Ctx, args: &DisconnectArgs, profile: &Profile, token: &Secret) -> anyhow::Result<Revoke> {
    let result = match &app.settings.client {
        Some((client, _)) => {
            let spinner = app.printer.spinner(Msg::Revoking.text());
            let result = oauth::revoke(&app.http, &app.settings.endpoints.hubrise_oauth, client, token).await;
            drop(spinner);
            result
        }
        None => Err(Failure::new(Kind::Usage, "no_oauth_client", Msg::NoOAuthClient.text())
            .hint(Msg::NoOAuthClientHint.with("path", app.settings.config_dir.join("config.toml").display()))
            .into()),
    };
    match result {
        Ok(()) => {
            // Before anything else, not even a line printed: no await lies between HubRise's
            // answer and the record, so a signal cannot come between them.
            record_revoke(app, profile);
            app.printer.success(Msg::Revoked.text());
            test_hook::after_revoke(app).await;
            Ok(Revoke::Revoked)
        }
        Err(err) if args.force => {
            app.printer
                .warn(Msg::RevokeFailedForced.with("why", crate::error::Report::of(&err, app.printer.lang()).message));
            Ok(Revoke::FailedForced)
        }
        Err(err) => {
            let kind = failure_of(&err).map_or(Kind::Unexpected, |f| f.kind);
            Err(err.context(
                Failure::new(kind, "revoke_failed", Msg::RevokeFailedKept.text()).hint(Msg::RevokeFailedHint.text()),
            ))
        }
    }
}

/// Notes in the profile (atomically, signals held) that HubRise answered the revoke (done,
/// or the token already invalid: both answer 2xx). A disconnect cut short after this leaves
/// a profile that says so: the rerun does not ask HubRise again, and `status` says the
/// disconnect is unfinished. A failure to note it is said and the disconnect goes on: the
/// profile is about to be deleted anyway, and a rerun would only revoke again.
fn record_revoke(app: &Ctx, profile: &Profile) {
    let _critical = crate::interrupt::critical();
    let mut revoked = profile.clone();
    revoked.hubrise.revoked_at = Some(crate::clock::rfc3339(app.clock.now()));
    match app.profiles.save(&app.profile, &revoked) {
        Ok(()) => crate::interrupt::note_revoked_left(true),
        Err(err) => app
            .printer
            .warn(Ownership::RevokeNotRecorded.with("why", crate::error::Report::of(&err, app.printer.lang()).message)),
    }
}

/// `ZELTY_BRIDGE_TEST_DISCONNECT_PAUSE`, in debug builds only (the integration tests run
/// one): a directory where `disconnect`, once the revoke is recorded, creates `revoked` and
/// waits (at most a minute) until the test removes it, so that a test can stop the run at
/// that exact point without guessing at timings. Release builds have no such hook.
mod test_hook {
    #[cfg(debug_assertions)]
    pub async fn after_revoke(app: &crate::ctx::Ctx) {
        let Some(dir) = app.env.get("ZELTY_BRIDGE_TEST_DISCONNECT_PAUSE") else { return };
        let marker = std::path::Path::new(dir).join("revoked");
        if std::fs::write(&marker, b"").is_err() {
            return;
        }
        for _ in 0..600 {
            if !marker.exists() {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }

    #[cfg(not(debug_assertions))]
    pub async fn after_revoke(_: &crate::ctx::Ctx) {}
}

/// `--block`: Zelty Bridge's temporary block is done in the HubRise back office;
/// everything is kept.
async fn block(app: &Ctx, args: &DisconnectArgs, profile: &Profile) -> anyhow::Result<ExitStatus> {
    let steps = [Bridge::AppBlockSteps.text(), row_of(app, profile), Msg::UnblockLater.text()];
    guide(app, args, profile, &steps, true).await?;
    if app.printer.is_json() {
        app.printer.json(&json!({ "profile": app.profile, "disconnected": false, "block_guided": true }));
    } else {
        app.printer.result(&app.printer.t(&Msg::BlockKept.with("profile", &app.profile)));
    }
    Ok(ExitStatus::Success)
}

/// Shows Zelty Bridge's steps with the CONNEXIONS page; a person says when they are done
/// (an opener that plays the person does it in the page). A script, or `--yes`, gets the
/// steps and links and goes on: `--yes` never asks anything.
async fn guide(app: &Ctx, args: &DisconnectArgs, profile: &Profile, steps: &[Text], block: bool) -> anyhow::Result<()> {
    let url = crate::ops::bridge::connections_url(&app.settings, app.printer.lang());
    app.printer.url(Msg::OpenThisPage.text(), &url);
    for step in steps {
        app.printer.info(step.clone());
    }
    if !app.ctx.interactive || args.yes {
        return Ok(());
    }
    let page = match profile.hubrise.location_id.as_deref() {
        Some(location_id) => Page::BridgeRemove { location_id, block },
        None => Page::Read,
    };
    if let Opened::Done { .. } = app.open_page(&url, page).await? {
        return Ok(());
    }
    prompt::enter(&app.printer, Msg::PressEnterWhenDone.text(), Msg::UseYes.text()).await
}

/// A token or key still in the environment would keep being used by the next commands.
fn warn_env(app: &Ctx) {
    for var in ["HUBRISE_ACCESS_TOKEN", "ZELTY_API_KEY"] {
        if app.env.is_set(var) {
            app.printer.warn(Msg::EnvStillSet.with("var", var));
        }
    }
}
