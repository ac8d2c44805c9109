//! `app`: the Zelty Bridge step alone, for an existing profile (one made by `provision`,
//! or after « Réinitialiser la configuration » in Zelty Bridge): the walk in the HubRise
//! back office with the evidence watched, or `--confirm` to record it without the walk.
//! With no terminal it prints the steps and links and exits 6, unless the evidence already
//! shows the app at work; an app already at work on the location needs no walk.

use super::steps::bridge_walk as bridge;
use crate::clock::rfc3339;
use crate::ctx::Ctx;
use crate::error::{ExitStatus, Failure, Kind};
use crate::i18n::Bridge;
use crate::ops::bridge::{Outcome, Target};
use crate::ops::check::{self, not_connected, read_secrets};
use crate::ops::evidence::{self, Watch};
use crate::ops::state::BridgeState;
use crate::profile::BridgeApp;
use std::time::Duration;

#[derive(Debug, clap::Args)]
pub struct AppArgs {
    #[arg(long)]
    pub confirm: bool,
    #[arg(long, default_value_t = 600, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
}

pub async fn run(args: AppArgs, app: &Ctx) -> anyhow::Result<ExitStatus> {
    let _lock = app.lock_profile("app").await?;
    let mut profile = app.profiles.load(&app.profile)?.ok_or_else(|| not_connected(&app.profile))?;
    // The watch's token was revoked by a disconnect cut short: finish that first.
    if let Some(at) = &profile.hubrise.revoked_at {
        return Err(check::unfinished_disconnect(&app.profile, at, app.ctx.lang).into());
    }
    let flag = check::profile_flag(&app.profile);
    let (key, token) = read_secrets(app, &app.profile, &profile).await?;
    let key = key.ok_or_else(check::key_missing)?;
    let h = &profile.hubrise;
    let watch = token.as_ref().map(|token| Watch { token, part: h });
    let location = h.location_id.as_deref().map(|id| (h.location_name.as_deref().unwrap_or(id), id));
    // What the APIs show first: an app already at work needs no walk.
    let now = evidence::gather(app, Some(&key), watch.as_ref()).await;
    bridge::note_unread(app, &now);
    let already = now.state(false) == BridgeState::Active;
    let outcome = if args.confirm || already {
        Outcome { evidence: now, confirmed: args.confirm }
    } else {
        let target = Target { key: &key, location, watch };
        match app.ctx.interactive {
            true => bridge::walk(app, &target, Duration::from_secs(args.timeout)).await?,
            false => bridge::unattended(app, &target).await,
        }
    };
    if !args.confirm {
        bridge::tell(app, &outcome, location.map(|(name, _)| name), &format!("zelty-bridge app{flag}"));
    }
    if !outcome.done() {
        let command = format!("zelty-bridge app --confirm{flag}");
        return Err(Failure::new(Kind::NeedsPerson, "app_needs_person", Bridge::AppNeedsPerson.text())
            .hint(Bridge::AppNeedsPersonHint.with("command", command))
            .into());
    }
    profile.bridge_app = Some(BridgeApp { confirmed_at: rfc3339(app.clock.now()) });
    app.profiles.save(&app.profile, &profile)?;
    let ok = check::Part::ok(None);
    let secrets = (Some(key), token);
    let report =
        check::report(app, &app.profile, &profile, [&ok, &ok], Some(&outcome.evidence), Some((&secrets.0, &secrets.1)));
    if app.printer.is_json() {
        app.printer.json(&serde_json::json!({ "profile": app.profile, "bridge_app": report.bridge_app }));
    } else {
        app.printer.result(&app.printer.t(&Bridge::Recorded.with("profile", &app.profile)));
    }
    Ok(report.bridge_app.state.exit_status())
}
