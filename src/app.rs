//! The `App`: everything a command needs from the outside world (decided context, printer,
//! environment, settings, secret store, browser opener, clock, HTTP client, profiles, the
//! embedded sandbox), built once and handed to the command. Tests and the sandbox swap
//! pieces here, never inside the commands.

use crate::browser::{Opener, SystemOpener};
use crate::clock::{Clock, SystemClock};
use crate::context::{self, Context};
use crate::env::Env;
use crate::http::Http;
use crate::i18n::{Harden, Msg};
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
        // An empty ZELTY_BRIDGE_PROFILE means unset, as every other variable does (clap
        // would take it as the name "").
        #[allow(clippy::disallowed_methods)] // clap read the same variable
        let empty_env = std::env::var_os("ZELTY_BRIDGE_PROFILE").is_some_and(|v| v.is_empty());
        let profile_name = if profile.is_empty() && empty_env { "default" } else { profile };
        profile::validate_name(profile_name)?;
        let sandbox = match sandbox {
            true => {
                // Each `--sandbox` command is a process: the sandbox remembers Zelty Bridge
                // (digests only) beside the sandbox profiles, so `status` sees what `connect` did.
                let memory = settings::config_dir(&env, std::env::consts::OS)
                    .map(|dir| dir.join("sandbox").join("sandbox-memory.json"));
                Some(crate::sandbox::start(SandboxConfig { lang: ctx.lang, memory, ..SandboxConfig::default() }).await?)
            }
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
    /// who holds it. The wait is a file lock: off the async threads, so Ctrl-C still ends
    /// the run at once.
    pub async fn lock_profile(&self, command: &str) -> anyhow::Result<ProfileLock> {
        let (profiles, name, command) = (self.profiles.clone(), self.profile.clone(), command.to_string());
        tokio::task::spawn_blocking(move || profiles.lock(&name, &command, Duration::from_secs(5))).await?
    }

    /// Opens `url` in a browser when one can be launched here; a person first presses
    /// Enter (as `gh` asks), so no window pops up unannounced. The URL was printed before,
    /// so a failure is only a warning: the user opens it by hand.
    pub async fn open_in_browser(&self, url: &str) -> anyhow::Result<bool> {
        if !context::browser_launchable(&self.env, std::env::consts::OS) {
            return Ok(false);
        }
        if self.ctx.interactive {
            crate::prompt::enter(&self.printer, crate::i18n::Ux::PressEnterToOpen.text(), Msg::UseEnvTokenHint.text())
                .await?;
        }
        Ok(self.open_now(url))
    }

    fn open_now(&self, url: &str) -> bool {
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

    /// Every store that may hold a profile's secrets, whatever its profile file says: the
    /// keyring, and the file store when its file exists (for `secrets::remove_everywhere`).
    #[allow(dead_code)] // for `disconnect`, which is to call it
    pub fn every_store(&self) -> Vec<Box<dyn SecretStore>> {
        let mut stores = vec![self.store_of(StoreKind::Keyring)];
        if self.settings.config_dir.join("secrets.json").exists() {
            stores.push(self.store_of(StoreKind::File));
        }
        stores
    }
}

/// The keyring's items are this config dir's; it adopts the unscoped items of earlier
/// versions for the profiles it has (src/secrets/scope.rs).
pub fn make_store(settings: &Settings, kind: StoreKind) -> Box<dyn SecretStore> {
    match kind {
        StoreKind::File => Box::new(FileStore::new(settings.config_dir.join("secrets.json"))),
        _ => {
            let profiles = Profiles::new(&settings.config_dir);
            Box::new(
                KeyringStore::new(settings.keyring_service, settings.keyring_timeout, &settings.config_dir)
                    .adopting(move |name| profiles.path(name).exists()),
            )
        }
    }
}
