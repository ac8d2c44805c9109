//! `connect`: the wizard. Zelty key, then HubRise authorization, then — only once both ends
//! are verified live — the secrets and the profile are stored, all or nothing. A failure at
//! any step leaves an existing connection exactly as it was.

mod hubrise_step;
mod store;
mod zelty_step;

pub use hubrise_step::Verified;
pub use store::{choose, save, save_connection, store_failure};
pub use zelty_step::{designated, listing};

use crate::app::App;
use crate::clock::rfc3339;
use crate::commands::status;
use crate::error::{Failure, Kind};
use crate::hubrise::oauth::{self, DEFAULT_SCOPE};
use crate::i18n::Msg;
use crate::profile::{PROFILE_VERSION, Profile, ZeltyPart};
use crate::prompt;

/// Connect Zelty to HubRise
///
/// Without a terminal, the Zelty key comes from ZELTY_API_KEY or --zelty-api-key-stdin,
/// and HUBRISE_ACCESS_TOKEN skips the browser.
#[derive(Debug, clap::Args)]
pub struct ConnectArgs {
    /// Read the Zelty API key from standard input instead of prompting
    #[arg(long)]
    pub zelty_api_key_stdin: bool,
    /// The Zelty restaurant to connect, when the key sees several
    #[arg(long, value_name = "ID")]
    pub restaurant_id: Option<i64>,
    /// The HubRise permissions to ask for
    #[arg(long, default_value = DEFAULT_SCOPE, value_name = "SCOPE")]
    pub scope: String,
    /// Do not open a browser: print the URL and paste the code HubRise shows
    #[arg(long)]
    pub no_browser: bool,
    /// Seconds to wait for the authorization in the browser
    #[arg(long, default_value_t = 300, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
    /// Replace an existing connection without asking
    #[arg(long)]
    pub force: bool,
}

pub async fn run(args: ConnectArgs, app: &App) -> anyhow::Result<u8> {
    oauth::check_scope(&args.scope)?;
    check_unattended(app, &args)?;
    let _lock = app.lock_profile("connect")?;
    if let Some(existing) = app.profiles.load(&app.profile)? {
        confirm_replace(app, &args, &existing).await?;
    }
    let store = store::choose(app).await?;

    app.printer.step(Msg::StepZelty.text());
    let zelty = zelty_step::run(app, &args).await?;

    app.printer.step(Msg::StepHubrise.text());
    let hubrise = hubrise_step::run(app, &args).await?;

    app.printer.step(Msg::StepStore.text());
    let profile = Profile {
        version: PROFILE_VERSION,
        secret_store: store.kind(),
        connected_at: rfc3339(app.clock.now()),
        zelty: ZeltyPart { restaurant_id: zelty.restaurant.id, restaurant_name: zelty.restaurant.name.clone() },
        hubrise: hubrise.verified.part(&args.scope),
        support_access: None,
    };
    save_connection(app, store.as_ref(), &profile, &zelty.key, &hubrise.token).await?;
    app.printer.success(Msg::Stored.with("store", store.location()));

    let object = status::object(app, &profile, store.kind(), &status::Ends::verified(&zelty.key, &hubrise.token));
    if app.printer.is_json() {
        app.printer.json(&object);
    } else {
        app.printer.result(&status::render(app, &object));
        app.printer.info(Msg::NextStepGrantSupport.text());
    }
    Ok(0)
}

/// Without a person, HubRise authorization needs either `HUBRISE_ACCESS_TOKEN` or a browser
/// that can be launched (the `BROWSER` command): say so before any call is made.
fn check_unattended(app: &App, args: &ConnectArgs) -> anyhow::Result<()> {
    let unattended = !app.ctx.interactive && app.sandbox.is_none() && !app.env.is_set("HUBRISE_ACCESS_TOKEN");
    if unattended && (args.no_browser || !crate::context::browser_launchable(&app.env, std::env::consts::OS)) {
        return Err(Failure::new(Kind::Usage, "hubrise_token_missing", Msg::HubriseTokenMissing.text())
            .hint(Msg::UseEnvTokenHint.text())
            .into());
    }
    Ok(())
}

/// An existing connection is replaced only on purpose.
async fn confirm_replace(app: &App, args: &ConnectArgs, existing: &Profile) -> anyhow::Result<()> {
    if args.force {
        return Ok(());
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
