//! `completions SHELL`: the completion script, generated from the clap definition. The
//! files in `completions/` are this command's output, kept current by a test.

use crate::cli::Cli;
use crate::error::ExitStatus;
use crate::printer::Printer;
use clap::CommandFactory;

/// Print a shell completion script
///
/// For example: `zelty-bridge completions bash > ~/.local/share/bash-completion/completions/zelty-bridge`
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn run(args: &CompletionsArgs, printer: &Printer) -> anyhow::Result<ExitStatus> {
    if printer.is_json() {
        printer.json(&serde_json::json!({ "shell": args.shell.to_string(), "script": script(args.shell) }));
    } else {
        printer.raw_stdout(&script(args.shell));
    }
    Ok(ExitStatus::Success)
}

pub fn script(shell: clap_complete::Shell) -> String {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "zelty-bridge", &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}
