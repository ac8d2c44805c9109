//! `provision MANIFEST`: many restaurants from a manifest, for CI. The manifest is checked
//! whole, the secret store once, then restaurants run side by side (`--concurrency`), each
//! through `job`, paced by `limiter` to the services' limits; one failing never stops the
//! others. The run ends with `report`: a table or one JSON object, and an exit code.

mod job;
mod manifest;
mod report;

use crate::ctx::Ctx;
use crate::error::ExitStatus;
use crate::hubrise::limiter;
use crate::i18n::Msg;
use crate::stores::SecretStore;
use crate::zelty;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

#[derive(Debug, clap::Args)]
pub struct ProvisionArgs {
    pub manifest: PathBuf,
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u64).range(1..=256))]
    pub concurrency: u64,
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub force: bool,
}

/// What every restaurant of a run shares.
pub struct Shared<'a> {
    pub app: &'a Ctx,
    pub store: Arc<dyn SecretStore>,
    pub lanes: limiter::Lanes,
    /// One `GET /restaurants` per distinct Zelty key, whatever the number of entries.
    pub restaurants: zelty::cache::RestaurantsCache,
    pub account_token_env: Option<String>,
    pub dry_run: bool,
    pub force: bool,
    /// Serializes writes to the secret store and profiles.
    pub save_lock: Arc<Mutex<()>>,
}

pub async fn run(args: ProvisionArgs, app: &Ctx) -> anyhow::Result<ExitStatus> {
    let started = Instant::now();
    let manifest = manifest::load(&args.manifest)?;
    // Checked once, before any restaurant: a store that does not work fails them all.
    let store: Arc<dyn SecretStore> = Arc::from(crate::commands::steps::store::choose(app).await?);
    let total = manifest.entries.len();
    let concurrency = (args.concurrency as usize).min(total);
    app.printer.info(
        Msg::ProvisionStart.with("count", total).with("path", args.manifest.display()).with("concurrency", concurrency),
    );
    if args.dry_run {
        app.printer.info(Msg::ProvisionDryRun.text());
    }
    let shared = Shared {
        app,
        store,
        lanes: limiter::Lanes::new(app.printer.clone(), zelty::pace::global()),
        restaurants: zelty::cache::RestaurantsCache::default(),
        account_token_env: manifest.account_token_env,
        dry_run: args.dry_run,
        force: args.force,
        save_lock: Arc::default(),
    };
    let queue: Mutex<VecDeque<(usize, manifest::Entry)>> =
        Mutex::new(manifest.entries.into_iter().enumerate().collect());
    let done: Mutex<Vec<Option<report::RestaurantResult>>> = Mutex::new((0..total).map(|_| None).collect());
    let bar = app.printer.bar(total as u64, Msg::ProvisionBar.text());
    let lang = app.printer.lang();
    // Each worker takes the next restaurant until none is left.
    let worker = || async {
        loop {
            let next = queue.lock().unwrap_or_else(PoisonError::into_inner).pop_front();
            let Some((index, entry)) = next else { return };
            let line = job::run_one(&shared, entry.profile, entry.plan).await;
            if !app.printer.is_quiet() {
                bar.println(&line.progress(lang));
            }
            bar.inc(1);
            done.lock().unwrap_or_else(PoisonError::into_inner)[index] = Some(line);
        }
    };
    futures_util::future::join_all((0..concurrency).map(|_| worker())).await;
    drop(bar);

    let lines: Vec<report::RestaurantResult> =
        done.into_inner().unwrap_or_else(PoisonError::into_inner).into_iter().flatten().collect();
    let seconds = started.elapsed().as_secs_f64();
    if app.printer.is_json() {
        app.printer.json(&report::to_json(&lines, seconds, args.dry_run));
    } else {
        app.printer.result(&report::table(&lines, seconds, args.dry_run, lang));
    }
    Ok(report::exit_status(&lines))
}
