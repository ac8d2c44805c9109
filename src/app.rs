//! Start-up and the `App`: everything a command needs from the outside world (decided
//! context, printer, environment, settings, secret store, browser opener, clock, HTTP
//! client, profiles, the embedded sandbox), built once and handed to the command. Tests
//! and the sandbox swap pieces here, never inside the commands.

use crate::browser::{Opener, SystemOpener};
use crate::cli::{Cli, GlobalArgs};
use crate::clock::{Clock, SystemClock};
use crate::context::{self, Context, Facts};
use crate::env::Env;
use crate::error::{Failure, Kind, Report, exit_code_of};
use crate::http::Http;
use crate::i18n::{Harden, Msg};
use crate::interrupt;
use crate::printer::Printer;
use crate::profile::{self, ProfileLock, Profiles};
use crate::sandbox::{Sandbox, SandboxConfig};
use crate::secrets::{FileStore, KeyringStore, SecretStore, StoreKind};
use crate::settings::{self, SandboxFacts, Settings};
use clap::Parser;
use std::process::ExitCode;
use std::time::Duration;

pub struct App {
    pub ctx: Context,
    pub printer: Printer,
    pub env: Env,
    pub settings: Settings,
    pub profile: String,
    pub profiles: Profiles,
    pub opener: Box<dyn Opener>,
    pub clock: Box<dyn Clock>,
    pub http: Http,
    /// The embedded sandbox under `--sandbox`, kept alive for the command's duration.
    pub sandbox: Option<Sandbox>,
}

impl App {
    pub async fn build(global: &GlobalArgs, env: Env, ctx: Context, printer: Printer) -> anyhow::Result<App> {
        // An empty ZELTY_BRIDGE_PROFILE means unset, as every other variable does (clap
        // would take it as the name "").
        #[allow(clippy::disallowed_methods)] // clap read the same variable
        let empty_env = std::env::var_os("ZELTY_BRIDGE_PROFILE").is_some_and(|v| v.is_empty());
        let profile_name = if global.profile.is_empty() && empty_env { "default" } else { global.profile.as_str() };
        profile::validate_name(profile_name)?;
        let sandbox = match global.sandbox {
            true => Some(crate::sandbox::start(SandboxConfig { lang: ctx.lang, ..SandboxConfig::default() }).await?),
            false => None,
        };
        let facts = sandbox.as_ref().map(|s| SandboxFacts {
            endpoints: s.endpoints.clone(),
            client_id: s.client_id.clone(),
            client_secret: s.client_secret.clone(),
        });
        let settings = settings::resolve(&env, facts)?;
        if !settings.moved_endpoints.is_empty() {
            printer.warn(Msg::EndpointsMoved.with("vars", settings.moved_endpoints.join(", ")));
        }
        if settings.sandbox {
            printer.info(Msg::SandboxInUse.text());
        }
        for (var, value) in &settings.plain_http {
            printer.warn(Harden::PlainHttp.with("var", var).with("value", value));
        }
        if let Some(problem) = &settings.config_problem {
            printer.warn(problem.clone());
        }
        let http = Http::new(settings.budget, printer.clone());
        Ok(App {
            profiles: Profiles::new(&settings.config_dir),
            profile: profile_name.to_string(),
            opener: Box::new(SystemOpener { browser: env.get("BROWSER").map(str::to_string) }),
            clock: Box::new(SystemClock),
            ctx,
            printer,
            env,
            settings,
            http,
            sandbox,
        })
    }

    /// Serializes commands that write this profile; a second run waits briefly, then says
    /// who holds it.
    pub fn lock_profile(&self, command: &str) -> anyhow::Result<ProfileLock> {
        self.profiles.lock(&self.profile, command, Duration::from_secs(5))
    }

    /// Opens `url` in a browser when one can be launched here. The URL was printed before,
    /// so a failure is only a warning: the user opens it by hand.
    pub fn open_in_browser(&self, url: &str) -> bool {
        if !context::browser_launchable(&self.env, std::env::consts::OS) {
            return false;
        }
        match self.opener.open(url) {
            Ok(()) => true,
            Err(why) => {
                self.printer.warn(Msg::BrowserFailed.with("why", why));
                false
            }
        }
    }

    /// The store of a given kind with this app's settings.
    pub fn store_of(&self, kind: StoreKind) -> Box<dyn SecretStore> {
        make_store(&self.settings, kind)
    }
}

pub fn make_store(settings: &Settings, kind: StoreKind) -> Box<dyn SecretStore> {
    match kind {
        StoreKind::File => Box::new(FileStore::new(settings.config_dir.join("secrets.json"))),
        _ => Box::new(KeyringStore::new(settings.keyring_service, settings.keyring_timeout)),
    }
}

/// Parses, decides the context, runs the command and turns the outcome into an exit code.
pub fn main() -> ExitCode {
    // Before any secret is read: a core dump would hold a copy of the key.
    crate::secret::forbid_core_dumps();
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
    let mut signals = {
        let _inside = runtime.enter();
        interrupt::Signals::install()
    };
    let outcome = runtime.block_on(async {
        let outcome = tokio::select! {
            result = crate::commands::dispatch(cli, env, ctx, printer.clone()) => Ok(result),
            stop = signals.stopped() => Err(stop),
        };
        // A signal held during a store, the command finishing meanwhile, still ends the
        // run as that signal does.
        match (outcome, signals.already_received().await) {
            (Ok(_), Some(stop)) => Err(stop),
            (outcome, _) => outcome,
        }
    });
    // Prompt threads may still be blocked reading the terminal: do not wait for them.
    runtime.shutdown_background();
    let code = match outcome {
        Ok(Ok(code)) => code,
        Ok(Err(err)) => {
            printer.error(&Report::of(&err, lang));
            exit_code_of(&err)
        }
        Err(stop) => {
            // Put echo back first: the message must not be the last thing a blind
            // terminal shows.
            interrupt::restore_terminal();
            let failure = match interrupt::stored() {
                0 => Failure::new(Kind::Interrupted, "interrupted", Msg::Interrupted.text()),
                n => Failure::new(Kind::Interrupted, "interrupted", Harden::InterruptedAfterStoring.with("stored", n))
                    .hint(Harden::InterruptedAfterStoringHint.text()),
            };
            let failure = if stop == interrupt::Stop::Interrupt {
                failure
            } else {
                failure.detail(Harden::TerminatedBySignal.with("signal", stop.name()).render(lang))
            };
            printer.error(&Report::of(&failure.into(), lang));
            stop.exit_code()
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
    // `args_os`: an argument that is not UTF-8 is what clap may be reporting here, and
    // `args()` would panic on it.
    #[allow(clippy::disallowed_methods)] // the arguments clap could not parse
    let json = std::env::args_os().any(|a| a == "--json");
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
