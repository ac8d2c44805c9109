//! One module per subcommand, each with its `Args` next to its `run`; `dispatch` is the
//! flat match between them.

pub mod app;
pub mod completions;
pub mod connect;
pub mod disconnect;
pub mod grant_support;
pub mod provision;
pub mod report;
pub mod sandbox;
pub mod status;
pub mod steps;

use crate::cli::{Cli, Command};
use crate::context::Context;
use crate::ctx::Ctx;
use crate::env::Env;
use crate::error::ExitStatus;
use crate::printer::Printer;
use crate::settings::ALLOW_INSECURE_VAR;

/// Runs the command; `Ok(code)` is the exit code of a command that reported its own
/// outcome (such as `status` finding a revoked token).
pub async fn dispatch(cli: Cli, env: Env, ctx: Context, printer: Printer) -> anyhow::Result<ExitStatus> {
    match cli.command {
        Command::Completions(args) => completions::run(&args, &printer),
        Command::Sandbox(args) => sandbox::run(*args, &ctx, &printer).await,
        command => {
            // The flag is the setting's other spelling: settings read one place.
            let env = if cli.global.allow_insecure { env.with(ALLOW_INSECURE_VAR, "1") } else { env };
            let app = Ctx::build(&cli.global.profile, cli.global.sandbox, env, ctx, printer).await?;
            match command {
                Command::Connect(args) => connect::run(args, &app).await,
                Command::App(args) => app::run(args, &app).await,
                Command::GrantSupport(args) => grant_support::run(args, &app).await,
                Command::Disconnect(args) => disconnect::run(args, &app).await,
                Command::Status(args) => status::run(args, &app).await,
                Command::Provision(args) => provision::run(args, &app).await,
                Command::Report(args) => report::run(args, &app).await,
                Command::Completions(_) | Command::Sandbox(_) => unreachable!("handled above"),
            }
        }
    }
}
