//! `disconnect`, as the guide says (https://www.hubrise.com/fr/apps/zelty-bridge/connexion-hubrise):
//! walks CONNEXIONS > Zelty Bridge > Actions > Déconnecter (or Zelty's « Gérer » >
//! « Désactiver »), revokes the watch, then deletes the secrets and the profile. If the
//! revoke cannot be done, the local secrets are kept (unless `--force`), so nothing stays
//! connected without the user knowing. With nothing connected it says so and succeeds.

use crate::app::App;
use crate::connection::store::store_failure;
use crate::error::{ExitStatus, Failure, Kind, failure_of};
use crate::hubrise::oauth;
use crate::i18n::{Bridge, Msg, Text};
use crate::profile::Profile;
use crate::prompt;
use crate::secrets::{self, SecretStore};
use serde_json::json;

/// Revoke and remove the connection
#[derive(Debug, clap::Args)]
pub struct DisconnectArgs {
    /// Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Remove the local connection even if HubRise cannot be told
    #[arg(long)]
    pub force: bool,
    /// Only guide a temporary block in the HubRise back office; keep everything
    #[arg(long, conflicts_with_all = ["force", "keep_zelty"])]
    pub block: bool,
    /// Keep the Zelty key (and Hubrise V2 enabled in Zelty) for a later `connect`
    #[arg(long)]
    pub keep_zelty: bool,
}

pub async fn run(args: DisconnectArgs, app: &App) -> anyhow::Result<ExitStatus> {
    let _lock = app.lock_profile("disconnect").await?;
    let Some(profile) = app.profiles.load(&app.profile)? else {
        if args.force
            && let Some((removed, revoked)) = crate::connection::orphans::remove(app, args.keep_zelty).await?
        {
            if app.printer.is_json() {
                app.printer.json(&json!({ "profile": app.profile, "disconnected": true, "revoked": revoked, "zelty_key_kept": args.keep_zelty, "orphans_removed": removed }));
            }
            return Ok(ExitStatus::Success);
        }
        return nothing_connected(app);
    };
    if args.block {
        return block(app, &profile).await;
    }
    confirm(app, &args, &profile).await?;
    let mut steps = vec![Bridge::AppDisconnectSteps.text()];
    if !args.keep_zelty {
        steps.push(Bridge::ZeltyDisableOr.text());
    }
    guide(app, &profile, &steps, false).await?;
    let store: std::sync::Arc<dyn SecretStore> = std::sync::Arc::from(app.store_of(profile.secret_store));
    let revoked = revoke(app, &args, std::sync::Arc::clone(&store)).await?;
    let mut users = vec![secrets::hubrise_user(&app.profile)];
    if !args.keep_zelty {
        users.push(secrets::zelty_user(&app.profile));
    }
    // The keyring may block: off the async threads.
    tokio::task::spawn_blocking(move || users.iter().try_for_each(|user| store.delete(user).map(drop)))
        .await?
        .map_err(store_failure)?;
    app.profiles.delete(&app.profile)?;
    warn_env(app);
    if app.printer.is_json() {
        app.printer.json(&json!({ "profile": app.profile, "disconnected": true, "revoked": revoked, "zelty_key_kept": args.keep_zelty }));
    } else {
        app.printer.result(&app.printer.t(&Msg::Disconnected.with("profile", &app.profile)));
    }
    Ok(ExitStatus::Success)
}

fn nothing_connected(app: &App) -> anyhow::Result<ExitStatus> {
    warn_env(app);
    if app.printer.is_json() {
        app.printer
            .json(&json!({ "profile": app.profile, "disconnected": false, "revoked": false, "zelty_key_kept": false }));
    } else {
        app.printer.result(&app.printer.t(&Msg::NothingConnected.with("profile", &app.profile)));
    }
    Ok(ExitStatus::Success)
}

async fn confirm(app: &App, args: &DisconnectArgs, profile: &Profile) -> anyhow::Result<()> {
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

/// Revokes the token. `Ok(false)` when there was nothing to revoke or `--force` went on
/// past a failure.
async fn revoke(app: &App, args: &DisconnectArgs, store: std::sync::Arc<dyn SecretStore>) -> anyhow::Result<bool> {
    let user = secrets::hubrise_user(&app.profile);
    let token = match tokio::task::spawn_blocking(move || store.get(&user)).await? {
        Ok(Some(token)) => token,
        Ok(None) => return Ok(false),
        Err(err) if args.force => {
            app.printer.warn(Msg::RevokeSkipped.with("why", &err));
            return Ok(false);
        }
        Err(err) => return Err(store_failure(err).into()),
    };
    let result = match &app.settings.client {
        Some((client, _)) => {
            let spinner = app.printer.spinner(Msg::Revoking.text());
            let result = oauth::revoke(&app.http, &app.settings.endpoints.hubrise_oauth, client, &token).await;
            drop(spinner);
            result
        }
        None => Err(Failure::new(Kind::Usage, "no_oauth_client", Msg::NoOAuthClient.text())
            .hint(Msg::NoOAuthClientHint.with("path", app.settings.config_dir.join("config.toml").display()))
            .into()),
    };
    match result {
        Ok(()) => {
            app.printer.success(Msg::Revoked.text());
            Ok(true)
        }
        Err(err) if args.force => {
            app.printer
                .warn(Msg::RevokeFailedForced.with("why", crate::error::Report::of(&err, app.printer.lang()).message));
            Ok(false)
        }
        Err(err) => {
            let kind = failure_of(&err).map_or(Kind::Unexpected, |f| f.kind);
            Err(err.context(
                Failure::new(kind, "revoke_failed", Msg::RevokeFailedKept.text()).hint(Msg::RevokeFailedHint.text()),
            ))
        }
    }
}

/// `--block`: Zelty Bridge's temporary block is done in the HubRise back office;
/// everything is kept.
async fn block(app: &App, profile: &Profile) -> anyhow::Result<ExitStatus> {
    guide(app, profile, &[Bridge::AppBlockSteps.text(), Msg::UnblockLater.text()], true).await?;
    if app.printer.is_json() {
        app.printer.json(&json!({ "profile": app.profile, "disconnected": false, "block_guided": true }));
    } else {
        app.printer.result(&app.printer.t(&Msg::BlockKept.with("profile", &app.profile)));
    }
    Ok(ExitStatus::Success)
}

/// Shows Zelty Bridge's steps with the CONNEXIONS page; a person says when they are done
/// (in the sandbox with no browser, the fake back office can be worked from here). A
/// script gets the steps and links and goes on.
async fn guide(app: &App, profile: &Profile, steps: &[Text], block: bool) -> anyhow::Result<()> {
    let url = crate::connection::bridge::connections_url(&app.settings, app.printer.lang());
    app.printer.url(Msg::OpenThisPage.text(), &url);
    for step in steps {
        app.printer.info(step.clone());
    }
    if !app.ctx.interactive {
        return Ok(());
    }
    if !app.open_in_browser(&url).await?
        && let (Some(sandbox), Some(location)) = (&app.sandbox, profile.hubrise.location_id.as_deref())
        && prompt::confirm(&app.printer, Bridge::SandboxUndoHere.text(), true, Msg::UseYes.text()).await?
    {
        return sandbox.demo().disconnect_bridge_app(location, block).await;
    }
    prompt::enter(&app.printer, Msg::PressEnterWhenDone.text(), Msg::UseYes.text()).await
}

/// A token or key still in the environment would keep being used by the next commands.
fn warn_env(app: &App) {
    for var in ["HUBRISE_ACCESS_TOKEN", "ZELTY_API_KEY"] {
        if app.env.is_set(var) {
            app.printer.warn(Msg::EnvStillSet.with("var", var));
        }
    }
}
