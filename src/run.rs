//! Start-up: parse the command line, decide the context once, run the command on the async
//! runtime (racing Ctrl-C), and turn the outcome into an exit code.

use crate::context::{self, Facts};
use crate::env::Env;
use crate::error::{ExitStatus, Failure, Kind, Report, exit_status_of};
use crate::i18n::{Interrupted, Io, Msg};
use crate::interrupt;
use crate::printer::Printer;
use std::process::ExitCode;

/// Parses, decides the context, runs the command and turns the outcome into an exit code.
pub fn main() -> ExitCode {
    // Before any secret is read: a core dump would hold a copy of the key.
    crate::secret::forbid_core_dumps();
    let env = Env::from_process();
    let cli = match crate::cli::parse(&env) {
        Ok(cli) => cli,
        Err(code) => return code,
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
    let printer = Printer::new(&ctx)
        .with_run_flags(run_flags(g.sandbox, &g.profile))
        .with_widths(crate::layout::Widths::of_process(&env));
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
            return ExitStatus::Unexpected.into();
        }
    };
    let lang = ctx.lang;
    // What a failure is logged under, for `report`.
    let (command, profile, sandbox) = (cli.command.name(), g.profile.clone(), g.sandbox);
    let log = crate::errlog::path_for(&env, sandbox);
    let mut signals = {
        let _inside = runtime.enter();
        interrupt::Signals::install()
    };
    let outcome = runtime.block_on(async {
        let outcome = tokio::select! {
            // A command that handles Ctrl-C itself (`sandbox`) is heard first.
            biased;
            result = crate::commands::dispatch(cli, env, ctx, printer.clone()) => Ok(result),
            // The command that handles it (the `sandbox` server) stops on the signal and
            // decides the outcome: resolving here too would race it and report an
            // interruption.
            stop = async {
                let stop = signals.stopped().await;
                if interrupt::handled_by_command() {
                    std::future::pending::<()>().await;
                }
                stop
            } => Err(stop),
        };
        // A signal held during a store, the command finishing meanwhile, still ends the
        // run as that signal does.
        let outcome = match (outcome, signals.already_received().await) {
            (Ok(result), Some(_)) if interrupt::handled_by_command() => Ok(result),
            (Ok(_), Some(stop)) => Err(stop),
            (outcome, _) => outcome,
        };
        // What the run got and did not keep (a HubRise connection) is undone before it exits.
        for (name, why) in crate::undo::run_all(crate::undo::BOUND).await {
            printer.warn(crate::i18n::Ownership::UndoFailed.with("name", name).with("why", why));
        }
        outcome
    });
    // Prompt threads may still be blocked reading the terminal: do not wait for them.
    runtime.shutdown_background();
    crate::browser::remove_private_pages();
    let status = match outcome {
        Ok(Ok(status)) => status,
        Ok(Err(err)) => {
            let report = Report::of(&err, lang);
            printer.error(&report);
            let code = exit_status_of(&err);
            if let Some(log) = log {
                let entry = crate::errlog::Entry {
                    time: crate::clock::rfc3339(std::time::SystemTime::now()),
                    version: env!("CARGO_PKG_VERSION").into(),
                    command: command.into(),
                    profile,
                    sandbox,
                    code: report.code,
                    exit: code.code(),
                    message: report.message,
                };
                crate::errlog::record(&log, entry);
            }
            code
        }
        Err(stop) => {
            // Put echo back first: the message must not be the last thing a blind
            // terminal shows.
            interrupt::restore_terminal();
            let failure = match interrupt::stored() {
                _ if interrupt::revoked_left() => {
                    Failure::new(Kind::Interrupted, "interrupted", Interrupted::AfterRevoke.text())
                        .hint(Interrupted::AfterRevokeHint.text())
                }
                0 => Failure::new(Kind::Interrupted, "interrupted", Msg::Interrupted.text()),
                n => Failure::new(Kind::Interrupted, "interrupted", Interrupted::AfterStoring.with("stored", n))
                    .hint(Interrupted::AfterStoringHint.text()),
            };
            let failure = if stop == interrupt::Stop::Interrupt {
                failure
            } else {
                failure.detail(Interrupted::BySignal.with("signal", stop.name()).render(lang))
            };
            printer.error(&Report::of(&failure.into(), lang));
            stop.exit_status()
        }
    };
    if status == ExitStatus::Interrupted {
        interrupt::restore_terminal();
    }
    stdout_written(&printer, status, lang).into()
}

/// The exit status once stdout is flushed: a result that could not be written (a full
/// disk, a closed file) is said on stderr and turns a success into a failure.
fn stdout_written(printer: &Printer, status: ExitStatus, lang: crate::i18n::Lang) -> ExitStatus {
    let Err(why) = printer.finish() else { return status };
    let failure = Failure::new(Kind::Unexpected, "stdout_failed", Io::StdoutFailed.with("why", why))
        .hint(Io::StdoutFailedHint.text());
    printer.prose_only().error(&Report::of(&failure.into(), lang));
    if status.is_success() { ExitStatus::Unexpected } else { status }
}

/// The global flags a printed command must repeat to act on what this run acts on: the
/// sandbox, and a profile other than the default.
fn run_flags(sandbox: bool, profile: &str) -> Vec<String> {
    let mut flags = Vec::new();
    if sandbox {
        flags.push("--sandbox".to_string());
    }
    if !profile.is_empty() && profile != "default" {
        flags.push(format!("--profile {profile}"));
    }
    flags
}
