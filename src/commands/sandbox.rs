//! `sandbox`: the embedded fake HubRise and Zelty, served in the foreground until Ctrl-C,
//! printing the environment lines that point the CLI at it.

use crate::context::Context;
use crate::error::ExitStatus;
use crate::i18n::{Msg, Ux};
use crate::printer::Printer;
use crate::sandbox::{self, SandboxConfig};
use std::time::Duration;

/// Serve the fake HubRise and Zelty in the foreground
///
/// Prints `export …` lines: the service addresses and OAuth client
/// (`ZELTY_BRIDGE_*`), a ready-made location token (`HUBRISE_ACCESS_TOKEN`, for `connect`
/// without a browser, as in CI) and an account token (`HUBRISE_ACCOUNT_TOKEN`, for a
/// manifest's `hubrise_account_token_env`), then the demo Zelty keys and the back office's
/// address, where the Zelty Bridge app is connected. It serves until Ctrl-C: run it in one
/// shell and paste the lines into another.
#[derive(Debug, clap::Args)]
#[command(after_help = "It prints `export …` lines: ZELTY_BRIDGE_* (the service addresses and OAuth client), \
HUBRISE_ACCESS_TOKEN (a ready-made location token, for `connect` without a browser, as in CI) and \
HUBRISE_ACCOUNT_TOKEN (an account token, for a manifest's hubrise_account_token_env), then the demo \
Zelty keys and the back office's address. It serves until Ctrl-C: paste the lines into another shell.")]
pub struct SandboxArgs {
    /// HubRise locations in the demo account
    #[arg(long, env = "ZELTY_BRIDGE_SANDBOX_LOCATIONS", default_value_t = 2, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub locations: u64,
    /// Zelty restaurants, one API key each, besides the demo keys
    #[arg(long, env = "ZELTY_BRIDGE_SANDBOX_RESTAURANTS", default_value_t = 1, value_parser = clap::value_parser!(u64).range(0..=10_000))]
    pub restaurants: u64,
    /// Milliseconds added to every answer
    #[arg(long, env = "ZELTY_BRIDGE_SANDBOX_LATENCY_MS", default_value_t = 0, value_name = "MS")]
    pub latency_ms: u64,
    /// Enforce the services' rate limits (HubRise: 500 requests a minute per connection,
    /// orders 10 a minute; Zelty: 1 request a second per key)
    #[arg(long)]
    pub rate_limits: bool,
    /// Port of the HubRise back office and OAuth server (0: any free port)
    #[arg(long, default_value_t = 0)]
    pub hubrise_port: u16,
    /// Port of the HubRise API (0: any free port)
    #[arg(long, default_value_t = 0)]
    pub api_port: u16,
    /// Port of the Zelty API and back office (0: any free port)
    #[arg(long, default_value_t = 0)]
    pub zelty_port: u16,
}

pub async fn run(args: SandboxArgs, ctx: &Context, printer: &Printer) -> anyhow::Result<ExitStatus> {
    let config = SandboxConfig {
        lang: ctx.lang,
        locations: args.locations as usize,
        restaurants: args.restaurants as usize,
        latency: Duration::from_millis(args.latency_ms),
        rate_limits: args.rate_limits,
        // This process serves until Ctrl-C: it remembers everything while it runs.
        memory: None,
        hubrise_port: args.hubrise_port,
        api_port: args.api_port,
        zelty_port: args.zelty_port,
    };
    let sandbox = sandbox::start(config).await?;
    if printer.is_json() {
        printer.json(&sandbox.to_json());
    } else {
        printer.result(&sandbox.env_lines());
    }
    printer.info(Msg::SandboxServing.text());
    // Ctrl-C is how a foreground server is stopped, not an interruption of work: say it
    // stopped, and exit 0.
    crate::interrupt::command_handles_signals();
    crate::interrupt::Signals::install().stopped().await;
    printer.info(Ux::SandboxStopped.text());
    Ok(ExitStatus::Success)
}
