//! Start-up and the `App`: everything a command needs from the outside world (decided
//! context, printer, environment, settings, secret store, browser opener, clock, HTTP
//! client, profiles, the embedded sandbox), built once and handed to the command. Tests
//! and the sandbox swap pieces here, never inside the commands.

use crate::browser::{Opener, SystemOpener};
use crate::cli::GlobalArgs;
use crate::clock::{Clock, SystemClock};
use crate::context::{self, Context, Facts};
use crate::env::Env;
use crate::error::{Failure, Kind, Report, exit_code_of};
use crate::http::Http;
use crate::i18n::Msg;
use crate::interrupt;
use crate::printer::Printer;
use crate::profile::{self, ProfileLock, Profiles};
use crate::sandbox::{Sandbox, SandboxConfig};
use crate::secrets::{FileStore, KeyringStore, SecretStore, StoreKind};
use crate::settings::{self, SandboxFacts, Settings};
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
        profile::validate_name(&global.profile)?;
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
        let http = Http::new(settings.budget, printer.clone());
        Ok(App {
            profiles: Profiles::new(&settings.config_dir),
            profile: global.profile.clone(),
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
            // A command that handles Ctrl-C itself (`sandbox`) is heard first.
            biased;
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
