//! `sandbox`: the embedded fake HubRise and Zelty, served in the foreground until Ctrl-C,
//! printing the environment lines that point the CLI at it; and, hidden, `sandbox click`,
//! the browser the tests give the CLI, which plays a person at the pages of a sandbox
//! served by another process.

use crate::context::Context;
use crate::error::ExitStatus;
use crate::i18n::{Msg, Ux};
use crate::printer::Printer;
use anyhow::Context as _;
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;
use zelty_bridge_sandbox::{self as sandbox, SandboxConfig, click};

#[derive(Debug, clap::Args)]
#[command(after_help = "It prints `export …` lines: ZELTY_BRIDGE_* (the service addresses and OAuth client), \
HUBRISE_ACCESS_TOKEN (a ready-made location token, for `connect` without a browser, as in CI) and \
HUBRISE_ACCOUNT_TOKEN (an account token, for a manifest's hubrise_account_token_env), then the demo \
Zelty keys and the back office's address. It serves until Ctrl-C: paste the lines into another shell.")]
// `click` is its only subcommand, and hidden: no `help` subcommand to list it.
#[command(disable_help_subcommand = true)]
pub struct SandboxArgs {
    #[arg(long, env = "ZELTY_BRIDGE_SANDBOX_LOCATIONS", default_value_t = 2, value_name = "COUNT", value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub locations: u64,
    #[arg(long, env = "ZELTY_BRIDGE_SANDBOX_RESTAURANTS", default_value_t = 1, value_name = "COUNT", value_parser = clap::value_parser!(u64).range(0..=10_000))]
    pub restaurants: u64,
    #[arg(long, env = "ZELTY_BRIDGE_SANDBOX_LATENCY_MS", default_value_t = 0, value_name = "MS")]
    pub latency_ms: u64,
    #[arg(long)]
    pub rate_limits: bool,
    #[arg(long, default_value_t = 0, value_name = "PORT")]
    pub hubrise_port: u16,
    #[arg(long, default_value_t = 0, value_name = "PORT")]
    pub api_port: u16,
    #[arg(long, default_value_t = 0, value_name = "PORT")]
    pub zelty_port: u16,
    #[command(subcommand)]
    pub command: Option<SandboxCommand>,
}

#[derive(Debug, clap::Subcommand)]
pub enum SandboxCommand {
    #[command(hide = true)]
    Click(ClickArgs),
}

#[derive(Debug, clap::Args)]
pub struct ClickArgs {
    #[arg(long, env = "BROWSER_STANDIN_ACTION", default_value = "approve",
          value_parser = clap::builder::PossibleValuesParser::new(click::ACTIONS))]
    pub action: String,
    #[arg(long, env = "BROWSER_STANDIN_LOCATION")]
    pub location: Option<String>,
    #[arg(long, env = "BROWSER_STANDIN_CATALOG")]
    pub catalog: Option<String>,
    #[arg(long, env = "BROWSER_STANDIN_CUSTOMER_LIST")]
    pub customer_list: Option<String>,
    #[arg(long, env = "BROWSER_STANDIN_CODE_FILE")]
    pub code_file: Option<PathBuf>,
    #[arg(long, env = "BROWSER_STANDIN_LOG")]
    pub log: Option<PathBuf>,
    #[arg(long, env = "ZELTY_KEY_FILE")]
    pub zelty_key_file: Option<PathBuf>,
    #[arg(long, env = "BROWSER_STANDIN_CLIENT_FILE")]
    pub client_file: Option<PathBuf>,
    #[arg(long)]
    pub callback_error: Option<String>,
    #[arg(long, env = "BROWSER_STANDIN_FOREGROUND", value_parser = clap::builder::FalseyValueParser::new())]
    pub foreground: bool,
    pub url: String,
}

/// Plays the page; exits 0 whatever happened there, as a browser does not report to the
/// program that opened it.
async fn run_click(args: ClickArgs) -> anyhow::Result<ExitStatus> {
    if !args.foreground {
        detach(&args)?;
        return Ok(ExitStatus::Success);
    }
    let options = click::ClickOptions {
        action: click::Action::from_name(&args.action).unwrap_or(click::Action::Approve),
        location: args.location,
        catalog: args.catalog,
        customer_list: args.customer_list,
        code_file: args.code_file,
        log: args.log,
        zelty_key_file: args.zelty_key_file,
        client_file: args.client_file,
        callback_error: args.callback_error,
    };
    click::click(&args.url, options).await;
    Ok(ExitStatus::Success)
}

/// Starts this same click in the foreground in a process of its own and returns: the CLI
/// that launched `BROWSER` carries on at once, as with a real browser.
fn detach(args: &ClickArgs) -> anyhow::Result<()> {
    let exe = std::env::current_exe().context("cannot find this program to run the click")?;
    let mut cmd = std::process::Command::new(exe);
    cmd.args(["sandbox", "click", "--foreground", "--action", &args.action]);
    let paths = [
        ("--code-file", &args.code_file),
        ("--log", &args.log),
        ("--zelty-key-file", &args.zelty_key_file),
        ("--client-file", &args.client_file),
    ];
    for (flag, path) in paths {
        if let Some(path) = path {
            cmd.arg(flag).arg(path);
        }
    }
    let choices = [
        ("--location", &args.location),
        ("--catalog", &args.catalog),
        ("--customer-list", &args.customer_list),
        ("--callback-error", &args.callback_error),
    ];
    for (flag, value) in choices {
        if let Some(value) = value {
            cmd.arg(flag).arg(value);
        }
    }
    cmd.arg("--").arg(&args.url).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
    // Its own process group: a Ctrl-C at the CLI's terminal is not the page's. (Windows
    // sends Ctrl-C to the console's processes; the click ends on its own soon enough.)
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    cmd.spawn().context("cannot start the click")?;
    Ok(())
}

pub async fn run(args: SandboxArgs, ctx: &Context, printer: &Printer) -> anyhow::Result<ExitStatus> {
    if let Some(SandboxCommand::Click(args)) = args.command {
        return run_click(args).await;
    }
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
    // Ctrl-C is how a foreground server is stopped, not an interruption of work: say it
    // stopped, and exit 0. Heard before the line that invites it is printed.
    crate::interrupt::command_handles_signals();
    let mut signals = crate::interrupt::Signals::install();
    printer.info(Msg::SandboxServing.text());
    signals.stopped().await;
    printer.info(Ux::SandboxStopped.text());
    Ok(ExitStatus::Success)
}
