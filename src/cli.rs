//! The command line: global options (accepted before or after the subcommand) and the
//! subcommands, each defined next to its `run` in `commands/`. Help has one source: clap's
//! definition carries no text (no doc comments on `Args`), and every text `--help` and the
//! completion files show comes from the `Help` catalogue in the user's language, laid over
//! the definition (`localized`); clap's usage errors are told in that language too (`parse`).

use crate::commands;
use crate::context::{self, ColorChoice, Context, Facts};
use crate::env::Env;
use crate::error::{ExitStatus, Report};
use crate::i18n::{Help, Lang};
use crate::printer::Printer;
use clap::builder::{Arg, Command as ClapCommand};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::process::ExitCode;

/// What `--version` prints after the name: the version and the target the binary was built
/// for (`0.1.0 (x86_64-unknown-linux-gnu)`), so a report from the field says which build ran.
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("ZELTY_BRIDGE_TARGET"), ")");

#[derive(Debug, Parser)]
#[command(name = "zelty-bridge", version = VERSION, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    #[arg(long, global = true, env = "ZELTY_BRIDGE_PROFILE", default_value = "default", value_name = "NAME")]
    pub profile: String,
    #[arg(long, global = true)]
    pub json: bool,
    #[arg(long, global = true)]
    pub non_interactive: bool,
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
    #[arg(long, global = true)]
    pub sandbox: bool,
    #[arg(short, long, global = true)]
    pub quiet: bool,
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    #[arg(long, global = true)]
    pub allow_insecure: bool,
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
    Connect(commands::connect::ConnectArgs),
    App(commands::app::AppArgs),
    GrantSupport(commands::grant_support::GrantSupportArgs),
    Disconnect(commands::disconnect::DisconnectArgs),
    Status(commands::status::StatusArgs),
    Provision(commands::provision::ProvisionArgs),
    Report(commands::report::ReportArgs),
    Completions(commands::completions::CompletionsArgs),
    Sandbox(Box<commands::sandbox::SandboxArgs>),
}

impl Command {
    /// The subcommand's name as typed.
    pub fn name(&self) -> &'static str {
        match self {
            Command::Connect(_) => "connect",
            Command::App(_) => "app",
            Command::GrantSupport(_) => "grant-support",
            Command::Disconnect(_) => "disconnect",
            Command::Status(_) => "status",
            Command::Provision(_) => "provision",
            Command::Report(_) => "report",
            Command::Completions(_) => "completions",
            Command::Sandbox(_) => "sandbox",
        }
    }
}

/// Each help text, keyed by command path (`""` for the tool itself, `"*"` for clap's own
/// `--help`/`--version` on every command) and argument id (`""`: the command's about,
/// `"+long"`: its long about, `"+examples"`: its EXAMPLES section). Global options are keyed
/// on the tool itself wherever they show.
const TEXTS: &[(&str, &str, Help)] = &[
    ("", "", Help::About),
    ("", "+long", Help::LongAbout),
    ("", "+examples", Help::RootExamples),
    ("", "profile", Help::Profile),
    ("", "json", Help::Json),
    ("", "non_interactive", Help::NonInteractive),
    ("", "lang", Help::LangOpt),
    ("", "sandbox", Help::Sandbox),
    ("", "quiet", Help::Quiet),
    ("", "verbose", Help::Verbose),
    ("", "color", Help::Color),
    ("", "allow_insecure", Help::AllowInsecure),
    ("*", "help", Help::PrintHelpFlag),
    ("*", "version", Help::VersionFlag),
    ("connect", "", Help::ConnectAbout),
    ("connect", "+examples", Help::ConnectExamples),
    ("connect", "zelty_api_key_stdin", Help::ConnectKeyStdin),
    ("connect", "restaurant_id", Help::ConnectRestaurantId),
    ("connect", "scope", Help::ConnectScope),
    ("connect", "no_browser", Help::ConnectNoBrowser),
    ("connect", "timeout", Help::ConnectTimeout),
    ("connect", "force", Help::ConnectForce),
    ("connect", "no_watch", Help::ConnectNoWatch),
    ("connect", "catalog_id", Help::ConnectCatalogId),
    ("connect", "customer_list_id", Help::ConnectCustomerListId),
    ("app", "", Help::AppAbout),
    ("app", "+examples", Help::AppExamples),
    ("app", "confirm", Help::AppConfirm),
    ("app", "timeout", Help::AppTimeout),
    ("grant-support", "", Help::GrantAbout),
    ("grant-support", "+examples", Help::GrantExamples),
    ("grant-support", "confirm", Help::GrantConfirm),
    ("grant-support", "revoke", Help::GrantRevoke),
    ("disconnect", "", Help::DisconnectAbout),
    ("disconnect", "+examples", Help::DisconnectExamples),
    ("disconnect", "yes", Help::DisconnectYes),
    ("disconnect", "force", Help::DisconnectForce),
    ("disconnect", "block", Help::DisconnectBlock),
    ("disconnect", "keep_zelty", Help::DisconnectKeepZelty),
    ("status", "", Help::StatusAbout),
    ("status", "+examples", Help::StatusExamples),
    ("status", "offline", Help::StatusOffline),
    ("status", "all_profiles", Help::StatusAllProfiles),
    ("provision", "", Help::ProvisionAbout),
    ("provision", "+examples", Help::ProvisionExamples),
    ("provision", "manifest", Help::ProvisionManifest),
    ("provision", "concurrency", Help::ProvisionConcurrency),
    ("provision", "dry_run", Help::ProvisionDryRun),
    ("provision", "force", Help::ProvisionForce),
    ("report", "", Help::ReportAbout),
    ("report", "+examples", Help::ReportExamples),
    ("report", "output", Help::ReportOutput),
    ("report", "offline", Help::ReportOffline),
    ("completions", "", Help::CompletionsAbout),
    ("completions", "+examples", Help::CompletionsExamples),
    ("completions", "shell", Help::CompletionsShell),
    ("sandbox", "", Help::SandboxAbout),
    ("sandbox", "+long", Help::SandboxLongAbout),
    ("sandbox", "+examples", Help::SandboxExamples),
    ("sandbox", "locations", Help::SandboxLocations),
    ("sandbox", "restaurants", Help::SandboxRestaurants),
    ("sandbox", "latency_ms", Help::SandboxLatency),
    ("sandbox", "rate_limits", Help::SandboxRateLimits),
    ("sandbox", "hubrise_port", Help::SandboxHubrisePort),
    ("sandbox", "api_port", Help::SandboxApiPort),
    ("sandbox", "zelty_port", Help::SandboxZeltyPort),
    ("help", "", Help::PrintHelpCommand),
    ("help", "+examples", Help::PrintHelpExamples),
    ("help", "subcommand", Help::PrintHelpArg),
];

/// The help text of `id` (an argument, or `""`/`"+long"`/`"+examples"`) in command `path`.
/// Under `help`, clap mirrors each command (`help connect`, for completion): its about is
/// the command's own.
fn text(path: &str, id: &str) -> Option<Help> {
    let path = match path.strip_prefix("help ") {
        Some(mirrored) if id.is_empty() => mirrored,
        Some(_) => return None,
        None => path,
    };
    TEXTS.iter().find(|(p, i, _)| *p == path && *i == id).map(|(_, _, h)| *h)
}

/// The text of an argument as it shows in `path`: its own, else a global option's, else
/// clap's own flags'.
fn arg_text(path: &str, arg: &Arg) -> Option<Help> {
    let id = arg.get_id().as_str();
    text(path, id)
        .or_else(|| if arg.is_global_set() || path.is_empty() { text("", id) } else { None })
        .or_else(|| text("*", id))
}

/// The full command definition, every text in `lang`: about, options, EXAMPLES, headings
/// (global options under their own), clap's own flags and its help subcommand.
pub fn localized(lang: Lang) -> ClapCommand {
    localize(Cli::command(), lang)
}

/// `cmd` (the definition, or a part of it such as completions use), every text in `lang`.
pub fn localize(cmd: ClapCommand, lang: Lang) -> ClapCommand {
    // Twice: before building, because clap decides when it builds whether a command has a
    // longer `--help` (from the long abouts, which only the catalogue gives); after, because
    // building creates `--help`, `--version`, the `help` subcommand and the global options'
    // copies in each subcommand, so that every one of them gets its text too.
    let mut cmd = localize_at(cmd, "", lang);
    cmd.build();
    localize_at(cmd, "", lang)
}

fn localize_at(cmd: ClapCommand, path: &str, lang: Lang) -> ClapCommand {
    let t = |h: Help| h.render(lang);
    let mut cmd =
        cmd.subcommand_help_heading(t(Help::CommandsHeading)).subcommand_value_name(t(Help::CommandPlaceholder));
    if let Some(about) = text(path, "") {
        cmd = cmd.about(t(about));
        cmd = match text(path, "+long") {
            Some(long) => cmd.long_about(t(long)),
            None => cmd.long_about(None::<&str>),
        };
    }
    if let Some(examples) = text(path, "+examples") {
        cmd = cmd.after_help(t(examples)).after_long_help(None::<&str>);
    }
    if lang == Lang::Fr {
        // clap's default template, with its one English heading in French.
        cmd = cmd.help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            t(Help::UsageHeading)
        ));
    }
    let cmd = cmd.mut_args(|arg| localize_arg(arg, path, lang));
    cmd.mut_subcommands(|sub| {
        let sub_path = if path.is_empty() { sub.get_name().to_string() } else { format!("{path} {}", sub.get_name()) };
        localize_at(sub, &sub_path, lang)
    })
}

/// `<NAME>` as `<NOM>` in French help: the placeholders are words too.
fn localize_value_names(arg: Arg, lang: Lang) -> Arg {
    let names: Vec<String> = arg.get_value_names().unwrap_or_default().iter().map(|n| n.to_string()).collect();
    if names.is_empty() {
        return arg;
    }
    let names: Vec<String> = names
        .into_iter()
        .map(|n| crate::i18n::VALUE_NAMES.iter().find(|(en, _)| *en == n).map_or(n, |(_, t)| t.render(lang)))
        .collect();
    arg.value_names(names)
}

fn localize_arg(arg: Arg, path: &str, lang: Lang) -> Arg {
    let global = arg.is_global_set();
    let Some(help) = arg_text(path, &arg) else { return arg };
    // clap's `[default: …]`, `[env: …]` and `[possible values: …]` are English: they are
    // written here instead, in the user's language.
    let mut tags = Vec::new();
    if arg.get_action().takes_values() {
        let defaults: Vec<String> = arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
        if !defaults.is_empty() {
            tags.push(format!("{} {}", Help::DefaultTag.render(lang), defaults.join(", ")));
        }
        let values: Vec<String> =
            arg.get_possible_values().iter().filter(|v| !v.is_hide_set()).map(|v| v.get_name().to_string()).collect();
        if !values.is_empty() && arg.get_value_parser().possible_values().is_some() {
            tags.push(format!("{} {}", Help::ValuesTag.render(lang), values.join(", ")));
        }
    }
    if let Some(var) = arg.get_env() {
        tags.push(format!("{} {}", Help::EnvTag.render(lang), var.to_string_lossy()));
    }
    let mut line = help.render(lang);
    if !tags.is_empty() {
        line.push_str(&format!(" [{}]", tags.join("] [")));
    }
    let arg = arg.help(line).long_help(None::<&str>).hide_env(true);
    // Only an option that takes a value may hide them (clap checks it when it builds).
    let arg = match arg.get_action().takes_values() {
        true => arg.hide_default_value(true).hide_possible_values(true),
        false => arg,
    };
    let arg = localize_value_names(arg, lang);
    // clap writes `Heading:`; the French headings end in a space, for « Options : ».
    let heading = if global {
        Some(Help::GlobalHeading)
    } else if lang == Lang::Fr {
        Some(if arg.is_positional() { Help::ArgumentsHeading } else { Help::OptionsHeading })
    } else {
        None
    };
    match heading {
        Some(h) => arg.help_heading(h.render(lang)),
        None => arg,
    }
}

/// The language before the command line is parsed: `--lang`, else the locale.
fn early_lang(args: &[String], env: &Env) -> Lang {
    let mut flag = None;
    for (i, a) in args.iter().enumerate() {
        let value = match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).map(String::as_str),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        match value {
            Some("fr") => flag = Some(Lang::Fr),
            Some("en") => flag = Some(Lang::En),
            _ => {}
        }
    }
    context::lang(flag, env.get("LC_ALL"), env.get("LC_MESSAGES"), env.get("LANG"))
}

/// Parses the command line with every text in the user's language. On `--help` and
/// `--version` it prints them; on a usage error it says what is wrong (in French too, and as
/// JSON under `--json`); either way it returns the exit code (0 and 2).
pub fn parse(env: &Env) -> Result<Cli, ExitCode> {
    #[allow(clippy::disallowed_methods)] // the arguments, read once here
    let args: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    let lang = early_lang(&args, env);
    let result = localized(lang).try_get_matches_from(&args).and_then(|m| Cli::from_arg_matches(&m));
    result.map_err(|err| usage_error(err, &args, env, lang))
}

fn usage_error(err: clap::Error, args: &[String], env: &Env, lang: Lang) -> ExitCode {
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) && err.exit_code() == 0
    {
        let _ = err.print();
        return ExitCode::SUCCESS;
    }
    let json = args.iter().skip(1).any(|a| a == "--json");
    // No command given: the help (already in the user's language) says what there is.
    if (lang == Lang::En || err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand) && !json {
        // clap's own English, with its usage line and tips.
        let _ = err.print();
        return ExitStatus::Usage.into();
    }
    let facts = Facts { json, lang: Some(lang), ..Facts::of_process() };
    let ctx: Context = context::decide(&facts, env);
    Printer::new(&ctx).error(&usage_report(&err, &args[1..], lang));
    ExitStatus::Usage.into()
}

/// A usage error in `lang`, from clap's error kind and context.
fn usage_report(err: &clap::Error, args: &[String], lang: Lang) -> Report {
    let get = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::StyledStrs(v)) => Some(v.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let mut message = match err.kind() {
        ErrorKind::UnknownArgument => Help::ErrUnknownArgument.with("arg", &arg),
        ErrorKind::InvalidSubcommand => {
            Help::ErrUnknownCommand.with("arg", get(ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => match get(ContextKind::InvalidValue) {
            Some(value) if !value.is_empty() => Help::ErrInvalidValue.with("value", value).with("arg", &arg),
            _ => Help::ErrNoValue.with("arg", &arg),
        },
        ErrorKind::MissingRequiredArgument => Help::ErrMissing.with("arg", &arg),
        ErrorKind::ArgumentConflict => {
            Help::ErrConflict.with("arg", &arg).with("other", get(ContextKind::PriorArg).unwrap_or_default())
        }
        _ => Help::ErrOther.text(),
    }
    .render(lang);
    // clap lists suggestions from the least to the most likely.
    let last = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => v.last().cloned(),
        _ => None,
    };
    let suggested = last(ContextKind::SuggestedArg).or_else(|| last(ContextKind::SuggestedSubcommand));
    if let Some(suggested) = suggested {
        message.push_str(&Help::ErrSuggest.with("arg", suggested).render(lang));
    }
    if let Some(values) = get(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
        message.push_str(&Help::ErrValues.with("values", values).render(lang));
    }
    // The command at fault: the first word of the command line that names one.
    let rendered = err.render().to_string();
    let names: Vec<String> = Cli::command().get_subcommands().map(|c| c.get_name().to_string()).collect();
    let command = match args.iter().find(|a| names.contains(a)) {
        Some(name) => format!("zelty-bridge {name}"),
        None => "zelty-bridge".to_string(),
    };
    let causes = match (err.kind(), std::error::Error::source(err)) {
        (ErrorKind::ValueValidation, Some(source)) => vec![range_error(&source.to_string(), lang)],
        (ErrorKind::UnknownArgument | ErrorKind::InvalidSubcommand | ErrorKind::InvalidValue, _) => vec![],
        (ErrorKind::MissingRequiredArgument | ErrorKind::ArgumentConflict, _) => vec![],
        _ => rendered.lines().next().map(|l| l.trim_start_matches("error:").trim().to_string()).into_iter().collect(),
    };
    Report {
        code: "usage".into(),
        message,
        hint: Some(Help::ErrTryHelpFlag.with("help", format!("{command} --help")).render(lang)),
        causes,
    }
}

/// clap's range check (`0 is not in 1..=3600`) in `lang`; any other reason as clap says it.
fn range_error(reason: &str, lang: Lang) -> String {
    let parsed = reason.split_once(" is not in ").and_then(|(value, range)| {
        let (min, max) = range.split_once("..=")?;
        Some(Help::ErrRange.with("value", value).with("min", min).with("max", max).render(lang))
    });
    parsed.unwrap_or_else(|| reason.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// Every command and every argument, clap's own included, down the whole tree.
    fn walk(cmd: &ClapCommand, path: &str, found: &mut Vec<String>) {
        if text(path, "").is_none() {
            found.push(format!("command `{path}`: no about"));
        }
        if text(path, "+examples").is_none() && !path.starts_with("help ") {
            found.push(format!("command `{path}`: no EXAMPLES"));
        }
        for arg in cmd.get_arguments() {
            if arg_text(path, arg).is_none() {
                found.push(format!("`{path}` argument `{}`: no help", arg.get_id()));
            }
        }
        // A hidden command (`sandbox click`, the tests' browser) is not for people: no help.
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let sub_path =
                if path.is_empty() { sub.get_name().to_string() } else { format!("{path} {}", sub.get_name()) };
            walk(sub, &sub_path, found);
        }
    }

    #[test]
    fn every_command_and_argument_has_a_help_text_in_both_languages() {
        let mut cmd = Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        walk(&cmd, "", &mut missing);
        assert_eq!(missing, Vec::<String>::new());
        // Both languages of each text are checked by the catalogue's own test; here, that
        // each lands where it belongs and no text is left in English under French.
        for lang in [Lang::Fr, Lang::En] {
            let localized = localized(lang);
            for sub in localized.get_subcommands() {
                let path = sub.get_name();
                for arg in sub.get_arguments() {
                    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
                    let want = arg_text(path, arg).map(|h| h.render(lang)).unwrap_or_default();
                    assert!(help.starts_with(&want), "{path} {}: {help:?}", arg.get_id());
                }
                let after = sub.get_after_help().map(ToString::to_string).unwrap_or_default();
                assert!(after.starts_with(if lang == Lang::Fr { "Exemples" } else { "Examples" }), "{path}");
            }
        }
    }

    /// Help has one source, the catalogue: clap's definition carries no text of its own
    /// (a doc comment on a command, an `Args` struct or a field would be a second one, and
    /// an English one under French).
    #[test]
    fn the_definition_has_no_help_text_of_its_own() {
        fn walk(cmd: &ClapCommand, path: &str, found: &mut Vec<String>) {
            if cmd.get_about().is_some() || cmd.get_long_about().is_some() {
                found.push(format!("command `{path}`: about"));
            }
            for arg in cmd.get_arguments() {
                if arg.get_help().is_some() || arg.get_long_help().is_some() {
                    found.push(format!("`{path}` argument `{}`", arg.get_id()));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), found);
            }
        }
        let mut found = Vec::new();
        walk(&Cli::command(), "", &mut found);
        assert_eq!(found, Vec::<String>::new());
    }

    /// `--help` shows the long texts where the catalogue has them (clap decides that when it
    /// builds the definition, before the catalogue's texts were laid over it once), and every
    /// placeholder is in the reader's language.
    #[test]
    fn help_shows_the_long_texts_and_placeholders_in_the_reader_s_language() {
        for (lang, long, count) in [(Lang::En, Help::LongAbout, "<COUNT>"), (Lang::Fr, Help::LongAbout, "<NOMBRE>")] {
            let root = localized(lang).try_get_matches_from(["zelty-bridge", "--help"]).unwrap_err().to_string();
            let second =
                long.render(lang).lines().nth(2).unwrap_or_default().split(' ').take(4).collect::<Vec<_>>().join(" ");
            assert!(root.contains(&second), "{second:?} in\n{root}");
            let sandbox =
                localized(lang).try_get_matches_from(["zelty-bridge", "sandbox", "--help"]).unwrap_err().to_string();
            let first = Help::SandboxLongAbout
                .render(lang)
                .lines()
                .nth(2)
                .unwrap_or_default()
                .split(' ')
                .take(4)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(sandbox.contains(&first), "{first:?} in\n{sandbox}");
            assert!(sandbox.contains(count), "{count} in\n{sandbox}");
        }
    }

    #[test]
    fn french_help_is_french_and_global_options_have_their_heading() {
        let help = localized(Lang::Fr).find_subcommand_mut("connect").unwrap().render_long_help().to_string();
        for want in
            ["Utilisation :", "Options globales", "Exemples :", "ZELTY_API_KEY", "HUBRISE_ACCESS_TOKEN", "par défaut"]
        {
            assert!(help.contains(want), "{want} in\n{help}");
        }
        for english in ["Usage:", "Print help", "[default:", "[env:"] {
            assert!(!help.contains(english), "{english} in\n{help}");
        }
        let en = localized(Lang::En).find_subcommand_mut("status").unwrap().render_help().to_string();
        assert!(en.contains("Global options") && en.contains("Examples:"), "{en}");
    }

    #[test]
    fn usage_errors_are_told_in_french() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let err = localized(Lang::Fr).try_get_matches_from(["zelty-bridge", "status", "--jsn"]).unwrap_err();
        let report = usage_report(&err, &args(&["status", "--jsn"]), Lang::Fr);
        assert!(report.message.contains("argument inattendu « --jsn »"), "{}", report.message);
        assert!(report.message.contains("« --json »"), "{}", report.message);
        assert_eq!(report.hint.unwrap(), "pour en savoir plus, essayez « zelty-bridge status --help »");
        let err = localized(Lang::Fr).try_get_matches_from(["zelty-bridge", "--lang", "de", "status"]).unwrap_err();
        let report = usage_report(&err, &args(&["--lang", "de", "status"]), Lang::Fr);
        assert!(
            report.message.contains("valeur « de » invalide") && report.message.contains("fr, en"),
            "{}",
            report.message
        );
    }

    #[test]
    fn range_errors_are_translated() {
        let err = localized(Lang::Fr).try_get_matches_from(["zelty-bridge", "connect", "--timeout", "0"]).unwrap_err();
        let report = usage_report(&err, &["connect".to_string()], Lang::Fr);
        assert_eq!(report.causes, vec!["0 n'est pas compris entre 1 et 3600"]);
        assert_eq!(range_error("something else", Lang::Fr), "something else");
    }

    #[test]
    fn the_language_is_known_before_parsing() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let fr = Env::default().with("LANG", "fr_FR.UTF-8");
        assert_eq!(early_lang(&args(&["zb", "status"]), &fr), Lang::Fr);
        assert_eq!(early_lang(&args(&["zb", "--lang", "en", "status"]), &fr), Lang::En);
        assert_eq!(early_lang(&args(&["zb", "status", "--lang=fr"]), &Env::default()), Lang::Fr);
    }

    #[test]
    fn no_flag_takes_a_secret_value() {
        // Secrets come from stdin or the environment, never argv (they would show in `ps`).
        // Every long flag of every command that takes a value is checked by name.
        fn walk(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                let takes_value = arg.get_action().takes_values();
                if let Some(long) = arg.get_long().filter(|_| takes_value) {
                    out.push(format!("{path} --{long}"));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), out);
            }
        }
        let mut flags = Vec::new();
        walk(&Cli::command(), "zelty-bridge", &mut flags);
        assert!(flags.iter().any(|f| f.ends_with("connect --restaurant-id")), "the walk sees value flags: {flags:?}");
        let secret_words = ["key", "token", "secret", "password", "credential"];
        let leaking: Vec<&String> = flags
            .iter()
            .filter(|f| {
                let long = f.rsplit("--").next().unwrap_or_default();
                // A file that holds a secret (`--zelty-key-file`) is how one should travel.
                secret_words.iter().any(|w| long.contains(w)) && !long.ends_with("-file")
            })
            .collect();
        assert!(leaking.is_empty(), "flags that would put a secret in argv: {leaking:?}");
    }
}
