//! The `App`: everything a command needs from the outside world (decided context, printer,
//! environment, settings, secret store, browser opener, clock, HTTP client, profiles, the
//! embedded sandbox), built once and handed to the command. Tests and the sandbox swap
//! pieces here, never inside the commands.

use crate::browser::{Opener, SystemOpener};
use crate::clock::{Clock, SystemClock};
use crate::context::{self, Context};
use crate::env::Env;
use crate::http::Http;
use crate::i18n::Msg;
use crate::printer::Printer;
use crate::profile::{self, ProfileLock, Profiles};
use crate::sandbox::{Sandbox, SandboxConfig};
use crate::secrets::{FileStore, KeyringStore, SecretStore, StoreKind};
use crate::settings::{self, SandboxFacts, Settings};
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
    /// `profile` is the profile the command works on; `sandbox` starts the embedded one.
    pub async fn build(profile: &str, sandbox: bool, env: Env, ctx: Context, printer: Printer) -> anyhow::Result<App> {
        profile::validate_name(profile)?;
        let sandbox = match sandbox {
            true => Some(crate::sandbox::start(SandboxConfig { lang: ctx.lang, ..SandboxConfig::default() }).await?),
            false => None,
        };
        let facts = sandbox.as_ref().map(|s| SandboxFacts {
            endpoints: s.endpoints.clone(),
            client_id: s.client_id.clone(),
            client_secret: s.client_secret.clone(),
        });
        let settings = settings::resolve(&env, facts)?;
        crate::zelty::pace::configure(&env)?;
        if !settings.moved_endpoints.is_empty() {
            printer.warn(Msg::EndpointsMoved.with("vars", settings.moved_endpoints.join(", ")));
        }
        if settings.sandbox {
            printer.info(Msg::SandboxInUse.text());
        }
        let http = Http::new(settings.budget, printer.clone());
        Ok(App {
            profiles: Profiles::new(&settings.config_dir),
            profile: profile.to_string(),
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

    /// `zelty-bridge ARGS` as the user should type it here: a hint is runnable as printed,
    /// so under `--sandbox` it keeps the flag.
    pub fn command_line(&self, args: &str) -> String {
        if self.settings.sandbox { format!("zelty-bridge --sandbox {args}") } else { format!("zelty-bridge {args}") }
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
