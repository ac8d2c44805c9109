//! `status`: the three parts of a connection (the Zelty key, the Zelty Bridge app, the
//! watch) checked live and at the same time, shown with secrets masked; one profile or all.

mod fleet;

use crate::ctx::Ctx;
use crate::error::ExitStatus;
use crate::ops::check::{check, not_connected};

#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    #[arg(long)]
    pub offline: bool,
    #[arg(long)]
    pub all_profiles: bool,
}

pub async fn run(args: StatusArgs, app: &Ctx) -> anyhow::Result<ExitStatus> {
    if args.all_profiles {
        // A fleet: profiles side by side, one Zelty call per key, one table (and the
        // orphaned secrets).
        return fleet::run(app, args.offline).await;
    }
    let profile = app.profiles.load(&app.profile)?.ok_or_else(|| not_connected(&app.profile))?;
    let report = check(app, &app.profile, &profile, args.offline).await;
    for note in &report.bridge_app.unread {
        app.printer.debug(1, note.clone());
    }
    if app.printer.is_json() {
        app.printer.json(&serde_json::to_value(&report).unwrap_or_default());
    } else {
        app.printer.result(&report.render(app.printer.lang()));
    }
    Ok(report.exit_status())
}
