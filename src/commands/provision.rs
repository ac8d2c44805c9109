//! `provision MANIFEST`: many restaurants from a manifest, for CI.

use crate::app::App;
use std::path::PathBuf;

/// Connect many restaurants from a manifest, for CI
#[derive(Debug, clap::Args)]
pub struct ProvisionArgs {
    /// The manifest (TOML)
    pub manifest: PathBuf,
    /// Restaurants connected at the same time
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u64).range(1..=256))]
    pub concurrency: u64,
    /// Check everything, store nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Redo restaurants that are already connected
    #[arg(long)]
    pub force: bool,
}

pub async fn run(args: ProvisionArgs, app: &App) -> anyhow::Result<u8> {
    let _ = (args, app);
    anyhow::bail!("provision: work in progress")
}
