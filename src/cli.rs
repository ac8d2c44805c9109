//! The command line: global options (accepted before or after the subcommand) and the
//! subcommands, each defined next to its `run` in `commands/`. Doc comments are the help.

use crate::commands;
use crate::context::ColorChoice;
use crate::i18n::Lang;
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Connect a Zelty point of sale to HubRise, from the terminal.
///
/// Walks you through enabling "Hubrise V2" in Zelty, checks your Zelty API key, authorizes
/// HubRise in your browser, verifies the location, and keeps both secrets in your system
/// keyring. Every step also runs without a terminal, for scripted provisioning.
#[derive(Debug, Parser)]
#[command(name = "zelty-bridge", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// The connection to work on; each profile has its own secrets
    #[arg(long, global = true, env = "ZELTY_BRIDGE_PROFILE", default_value = "default", value_name = "NAME")]
    pub profile: String,
    /// Print the result as one JSON object on stdout (errors too)
    #[arg(long, global = true)]
    pub json: bool,
    /// Never prompt: fail with the flag or variable to use instead (implied by CI=true or
    /// when stdin or stderr is not a terminal)
    #[arg(long, global = true)]
    pub non_interactive: bool,
    /// Language of messages [default: from LC_ALL, LC_MESSAGES or LANG]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
    /// Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real
    /// services; real secrets and profiles are never touched
    #[arg(long, global = true)]
    pub sandbox: bool,
    /// Print only results, warnings and errors
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Explain more (-vv: every HTTP call, without secrets)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// When to colour the output (NO_COLOR is honoured)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Connect Zelty to HubRise: the Zelty key, the watch, the Zelty Bridge app, storage
    Connect(commands::connect::ConnectArgs),
    /// Connect the Zelty Bridge app in the HubRise back office (guided), or record it
    App(commands::app::AppArgs),
    /// Give Zelty's support team access to your HubRise account (guided)
    GrantSupport(commands::grant_support::GrantSupportArgs),
    /// Revoke and remove the connection, on HubRise, on Zelty and on this machine
    Disconnect(commands::disconnect::DisconnectArgs),
    /// Check the Zelty key, the Zelty Bridge app and the watch live, and show them
    Status(commands::status::StatusArgs),
    /// Connect many restaurants from a manifest, for CI
    Provision(commands::provision::ProvisionArgs),
    /// Print a shell completion script
    Completions(commands::completions::CompletionsArgs),
    /// Serve the fake HubRise and Zelty in the foreground, for trying the tool and tests
    Sandbox(commands::sandbox::SandboxArgs),
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_cli_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_options_work_before_and_after_the_subcommand() {
        let before = Cli::try_parse_from(["zelty-bridge", "--json", "--profile", "p", "status"]).unwrap();
        let after = Cli::try_parse_from(["zelty-bridge", "status", "--json", "--profile", "p"]).unwrap();
        assert!(before.global.json && after.global.json);
        assert_eq!(before.global.profile, after.global.profile);
    }

    #[test]
    fn no_flag_takes_a_secret_value() {
        // Secrets come from stdin or the environment, never argv (they would show in `ps`).
        let help = format!("{:?}", Cli::command());
        for forbidden in ["--zelty-api-key ", "--token", "--access-token", "--client-secret", "--password"] {
            assert!(!help.contains(forbidden), "{forbidden}");
        }
    }
}
