//! `status`: the three parts of a connection (the Zelty key, the Zelty Bridge app, the
//! watch) checked live and at the same time, shown with secrets masked; one profile or all.

use crate::app::App;
use crate::connection::check::{check, not_connected};
use crate::connection::report::StatusReport;
use crate::connection::state::worst;
use crate::i18n::Msg;
use serde_json::json;

/// Check the Zelty key, the Zelty Bridge app and the watch live, and show them
#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// Show what is stored without calling the services
    #[arg(long)]
    pub offline: bool,
    /// Show every profile
    #[arg(long)]
    pub all_profiles: bool,
}

pub async fn run(args: StatusArgs, app: &App) -> anyhow::Result<u8> {
    if args.all_profiles {
        // A fleet: profiles side by side, one Zelty call per key, one table (and the
        // orphaned secrets).
        return crate::connection::fleet::run(app, args.offline).await;
    }
    let names = if args.all_profiles { app.profiles.list()? } else { vec![app.profile.clone()] };
    let mut reports: Vec<StatusReport> = Vec::new();
    for name in &names {
        let Some(profile) = app.profiles.load(name)? else {
            if args.all_profiles {
                continue;
            }
            return Err(not_connected(name).into());
        };
        reports.push(check(app, name, &profile, args.offline).await);
    }
    let code = worst(reports.iter().map(StatusReport::exit_code));
    let lang = app.printer.lang();
    let orphans = if args.all_profiles { crate::connection::orphans::report(app).await } else { Vec::new() };
    if app.printer.is_json() {
        let value = |r: &StatusReport| serde_json::to_value(r).unwrap_or_default();
        app.printer.json(&if args.all_profiles {
            json!({ "profiles": reports.iter().map(value).collect::<Vec<_>>(), "orphans": orphans })
        } else {
            reports.first().map(value).unwrap_or_default()
        });
    } else if reports.is_empty() {
        app.printer.result(&app.printer.t(&Msg::NoProfiles.text()));
    } else {
        let text: Vec<String> = reports.iter().map(|r| r.render(lang)).collect();
        app.printer.result(&text.join("\n"));
    }
    Ok(code)
}
