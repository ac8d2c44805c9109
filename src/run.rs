//! Start-up: parse the command line, decide the context once, run the command on the async
//! runtime (racing Ctrl-C), and turn the outcome into an exit code.

use crate::cli::Cli;
use crate::context::{self, Facts};
use crate::env::Env;
use crate::error::{Failure, Kind, Report, exit_code_of};
use crate::i18n::Msg;
use crate::interrupt;
use crate::printer::Printer;
use clap::Parser;
use std::process::ExitCode;

/// Parses, decides the context, runs the command and turns the outcome into an exit code.
pub fn main() -> ExitCode {
    let env = Env::from_process();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return clap_error(err),
    };
    let g = &cli.global;
    let facts = Facts {
        non_interactive_flag: g.non_interactive,
        json: g.json,
        quiet: g.quiet,
        verbose: g.verbose,
        color: g.color,
        lang: g.lang.map(Into::into),
        ..Facts::of_process()
    };
    let ctx = context::decide(&facts, &env);
    let printer = Printer::new(&ctx);
    interrupt::save_terminal();
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        interrupt::restore_terminal();
        default_hook(info);
    }));
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            printer.error(&Report::of(&anyhow::anyhow!("cannot start the async runtime: {e}"), ctx.lang));
            return ExitCode::from(1);
        }
    };
    let lang = ctx.lang;
    let outcome = runtime.block_on(async {
        tokio::select! {
            result = crate::commands::dispatch(cli, env, ctx, printer.clone()) => Some(result),
            () = interrupt::ctrl_c() => None,
        }
    });
    // Prompt threads may still be blocked reading the terminal: do not wait for them.
    runtime.shutdown_background();
    let code = match outcome {
        Some(Ok(code)) => code,
        Some(Err(err)) => {
            printer.error(&Report::of(&err, lang));
            exit_code_of(&err)
        }
        None => {
            let err: anyhow::Error = Failure::new(Kind::Interrupted, "interrupted", Msg::Interrupted.text()).into();
            printer.error(&Report::of(&err, lang));
            130
        }
    };
    if code == 130 {
        interrupt::restore_terminal();
    }
    ExitCode::from(code)
}

/// clap's own errors: help and version exit 0; usage errors exit 2, as JSON under `--json`.
fn clap_error(err: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) && err.exit_code() == 0
    {
        let _ = err.print();
        return ExitCode::SUCCESS;
    }
    #[allow(clippy::disallowed_methods)] // the arguments clap could not parse
    let json = std::env::args().any(|a| a == "--json");
    if json {
        // clap's own sentence, without the usage block, names the argument at fault.
        let rendered = err.render().to_string();
        let head = rendered.split("\n\n").next().unwrap_or_default().trim_start_matches("error:");
        let message = head.split_whitespace().collect::<Vec<_>>().join(" ");
        let value = serde_json::json!({"error": {"code": "usage", "message": message, "hint": err.to_string().lines().find(|l| l.contains("--help")).unwrap_or("").trim()}});
        #[allow(clippy::print_stdout)] // the printer does not exist before the flags are parsed
        {
            println!("{value}");
        }
    } else {
        let _ = err.print();
    }
    ExitCode::from(2)
}
