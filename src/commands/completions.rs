//! `completions SHELL`: the completion script, generated from the same definition as
//! `--help`, with the catalogue's texts in the user's language (one source for both). The
//! files in `completions/` are this command's output in English, kept current by a test.

use crate::cli::Cli;
use crate::error::ExitStatus;
use crate::i18n::Lang;
use crate::printer::Printer;
use clap::CommandFactory;

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn run(args: &CompletionsArgs, printer: &Printer) -> anyhow::Result<ExitStatus> {
    if printer.is_json() {
        printer.json(
            &serde_json::json!({ "shell": args.shell.to_string(), "script": script(args.shell, printer.lang()) }),
        );
    } else {
        printer.raw_stdout(&script(args.shell, printer.lang()));
    }
    Ok(ExitStatus::Success)
}

pub fn script(shell: clap_complete::Shell, lang: Lang) -> String {
    let mut buf = Vec::new();
    let definition = crate::cli::localize(without_hidden(Cli::command()), lang);
    clap_complete::generate(shell, &mut definition.clone(), "zelty-bridge", &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// `cmd` without its hidden subcommands (`sandbox click`, the tests' browser), which
/// clap_complete's scripts would offer anyway. clap cannot remove a subcommand, so a
/// command that has one is rebuilt from its about, arguments and visible subcommands.
fn without_hidden(cmd: clap::Command) -> clap::Command {
    let cmd = cmd.mut_subcommands(without_hidden);
    if !cmd.get_subcommands().any(clap::Command::is_hide_set) {
        return cmd;
    }
    let mut bare = clap::Command::new(cmd.get_name().to_string());
    if let Some(about) = cmd.get_about() {
        bare = bare.about(about.clone());
    }
    if let Some(long) = cmd.get_long_about() {
        bare = bare.long_about(long.clone());
    }
    bare = bare.args(cmd.get_arguments().cloned());
    bare.subcommands(cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned())
}
