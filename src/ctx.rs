//! The `Ctx` (what a command runs in): everything a command needs from the outside world (decided context, printer,
//! environment, settings, browser opener, clock, HTTP client, profiles), built once and
//! handed to the command. `--sandbox` swaps pieces here (its endpoints, its client, the
//! opener that plays its pages), never inside the commands.

use crate::browser::{Opened, Opener, Page, SystemOpener};
use crate::clock::{Clock, SystemClock};
use crate::context::{self, Context};
use crate::env::Env;
use crate::http::Http;
use crate::i18n::{Msg, Network};
use crate::printer::Printer;
use crate::profile::{self, ProfileLock, Profiles};
use crate::settings::{self, Settings};
use crate::stores::{FileStore, KeyringStore, SecretStore, StoreKind};
use std::time::Duration;

pub struct Ctx {
    pub ctx: Context,
    pub printer: Printer,
    pub env: Env,
    pub settings: Settings,
    pub profile: String,
    pub profiles: Profiles,
    pub opener: Box<dyn Opener>,
    pub clock: Box<dyn Clock>,
    pub http: Http,
}

impl Ctx {
    /// `profile` is the profile the command works on; `sandbox` starts the embedded one.
    pub async fn build(profile: &str, sandbox: bool, env: Env, ctx: Context, printer: Printer) -> anyhow::Result<Ctx> {
        // An empty ZELTY_BRIDGE_PROFILE means unset, as every other variable does (clap
        // would take it as the name "").
        #[allow(clippy::disallowed_methods)] // clap read the same variable
        let empty_env = std::env::var_os("ZELTY_BRIDGE_PROFILE").is_some_and(|v| v.is_empty());
        let profile_name = if profile.is_empty() && empty_env { "default" } else { profile };
        profile::validate_name(profile_name)?;
        let system = SystemOpener { browser: env.get("BROWSER").map(str::to_string) };
        let browser_here = context::browser_launchable(&env, std::env::consts::OS);
        let (opener, facts): (Box<dyn Opener>, _) = match sandbox {
            true => {
                // Each `--sandbox` command is a process: the sandbox remembers Zelty Bridge
                // (digests only) beside the sandbox profiles, so `status` sees what `connect` did.
                let memory = settings::config_dir(&env, std::env::consts::OS)
                    .map(|dir| dir.join("sandbox").join("sandbox-memory.json"));
                let (opener, facts) =
                    crate::browser::start_sandbox(ctx.lang, memory, system, browser_here, ctx.interactive).await?;
                (opener, Some(facts))
            }
            false => (Box::new(system), None),
        };
        let settings = settings::resolve(&env, facts)?;
        crate::zelty::pace::configure(&env)?;
        if !settings.moved_endpoints.is_empty() {
            printer.warn(Msg::EndpointsMoved.with("vars", settings.moved_endpoints.join(", ")));
        }
        if settings.sandbox {
            printer.info(Msg::SandboxInUse.text());
        }
        for (var, value) in &settings.plain_http {
            printer.warn(Network::PlainHttp.with("var", var).with("value", value));
        }
        if let Some(problem) = &settings.config_problem {
            printer.warn(problem.clone());
        }
        let http = Http::new(settings.budget, printer.clone());
        Ok(Ctx {
            profiles: Profiles::new(&settings.config_dir),
            profile: profile_name.to_string(),
            opener,
            clock: Box::new(SystemClock),
            ctx,
            printer,
            env,
            settings,
            http,
        })
    }

    /// Serializes commands that write this profile; a second run waits briefly, then says
    /// who holds it. The wait is a file lock: off the async threads, so Ctrl-C still ends
    /// the run at once.
    pub async fn lock_profile(&self, command: &str) -> anyhow::Result<ProfileLock> {
        let (profiles, name, command) = (self.profiles.clone(), self.profile.clone(), command.to_string());
        tokio::task::spawn_blocking(move || profiles.lock(&name, &command, Duration::from_secs(5))).await?
    }

    /// Opens `url`, a page for `page`, when a browser can be launched here (or the opener
    /// plays the person); a person first presses Enter (as `gh` asks), so no window pops
    /// up unannounced. The URL was printed before, so a failure is only a warning: the user
    /// opens it by hand.
    pub async fn open_page(&self, url: &str, page: Page<'_>) -> anyhow::Result<Opened> {
        self.open_page_with(url, page, None).await
    }

    /// `open_page`, where typing one of `aside`'s words at « Press Enter to open » shows
    /// what it shows (the Zelty key, in the Zelty Bridge walk) and asks again.
    pub async fn open_page_with(
        &self,
        url: &str,
        page: Page<'_>,
        aside: Option<crate::prompt::Aside>,
    ) -> anyhow::Result<Opened> {
        if !self.opener.opens_anywhere() && !context::browser_launchable(&self.env, std::env::consts::OS) {
            return Ok(Opened::Skipped);
        }
        if self.ctx.interactive {
            let question = crate::i18n::Ux::PressEnterToOpen.text();
            crate::prompt::enter_with(&self.printer, question, Msg::UseEnvTokenHint.text(), aside).await?;
        }
        let opened = self.opener.open_page(url, page).await?;
        match &opened {
            Opened::Failed(why) => self.printer.warn(Msg::BrowserFailed.with("why", why)),
            Opened::Done { note, .. } => self.printer.info(note.clone()),
            Opened::Shown | Opened::Skipped => {}
        }
        Ok(opened)
    }

    /// `open_page` for a page that a person acts on: whether it was shown or done.
    pub async fn open_in_browser(&self, url: &str, page: Page<'_>) -> anyhow::Result<bool> {
        self.open_in_browser_with(url, page, None).await
    }

    /// `open_in_browser` with `open_page_with`'s aside.
    pub async fn open_in_browser_with(
        &self,
        url: &str,
        page: Page<'_>,
        aside: Option<crate::prompt::Aside>,
    ) -> anyhow::Result<bool> {
        Ok(matches!(self.open_page_with(url, page, aside).await?, Opened::Shown | Opened::Done { .. }))
    }

    /// The store of a given kind with this app's settings.
    pub fn store_of(&self, kind: StoreKind) -> Box<dyn SecretStore> {
        make_store(&self.settings, kind)
    }

    /// Every store that may hold a profile's secrets, whatever its profile file says: the
    /// keyring, and the file store when its file exists (for `stores::remove_everywhere`).
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
/// versions for the profiles it has (src/stores/scope.rs).
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
