//! The sandbox's side of the browser seam: under `--sandbox` the embedded fake HubRise and
//! Zelty run in this process, and the opener that commands get plays the person at their
//! pages when no browser can show them (a server, SSH, CI): it approves the watch, connects
//! Zelty Bridge with the key, disconnects or blocks it, and hands over the demo key. With a
//! browser here, the person does all that in the real browser. The only product module
//! that links the sandbox crate, besides the `sandbox` command.

use super::{Opened, Opener, Page, SystemOpener};
use crate::i18n::{Bridge, Lang, Msg};
use crate::secret::Secret;
use crate::settings::SandboxFacts;
use futures_util::future::BoxFuture;
use std::path::PathBuf;
use zelty_bridge_sandbox::{Sandbox, SandboxConfig};

pub struct DemoOpener {
    /// Kept alive for the command's duration.
    sandbox: Sandbox,
    /// The system's browser, used when one can be launched here.
    system: SystemOpener,
    browser_here: bool,
    /// Whether a person is at the terminal: without one, the Zelty page is not shown
    /// (the demo key is simply taken).
    interactive: bool,
}

/// Starts the embedded sandbox in `lang`, remembering Zelty Bridge in `memory` between
/// processes, and returns the opener that plays its pages with what it serves.
pub async fn start_sandbox(
    lang: Lang,
    memory: Option<PathBuf>,
    system: SystemOpener,
    browser_here: bool,
    interactive: bool,
) -> anyhow::Result<(Box<dyn Opener>, SandboxFacts)> {
    let sandbox = zelty_bridge_sandbox::start(SandboxConfig { lang, memory, ..SandboxConfig::default() }).await?;
    let facts = SandboxFacts {
        endpoints: sandbox.endpoints.clone(),
        client_id: sandbox.client_id.clone(),
        client_secret: sandbox.client_secret.clone(),
        client_name: sandbox.client_name.clone(),
    };
    Ok((Box::new(DemoOpener { sandbox, system, browser_here, interactive }), facts))
}

impl Opener for DemoOpener {
    fn open(&self, url: &str) -> Result<(), String> {
        self.system.open(url)
    }

    fn open_page<'a>(&'a self, url: &'a str, page: Page<'a>) -> BoxFuture<'a, anyhow::Result<Opened>> {
        Box::pin(async move {
            let show = self.browser_here && (self.interactive || !matches!(page, Page::ZeltyKey));
            if show {
                return Ok(self.system.open(url).map_or_else(Opened::Failed, |()| Opened::Shown));
            }
            let demo = self.sandbox.demo();
            let note = match page {
                // The key prompt offers the demo key itself (`copied_key`).
                Page::ZeltyKey => return Ok(Opened::Skipped),
                Page::Authorize => {
                    demo.consent(url, true).await?;
                    Msg::SandboxApproving.text()
                }
                Page::BridgeConnect { location_id, key } => {
                    demo.configure_bridge_app(location_id, key.expose()).await?;
                    Bridge::SandboxDoing.text()
                }
                Page::BridgeRemove { location_id, block } => {
                    demo.disconnect_bridge_app(location_id, block).await?;
                    Bridge::SandboxUndone.text()
                }
                Page::Read => return Ok(Opened::Skipped),
            };
            Ok(Opened::Done { note })
        })
    }

    fn opens_anywhere(&self) -> bool {
        true
    }

    fn copied_key(&self) -> Option<Secret> {
        Some(Secret::new(self.sandbox.demo().demo_key()))
    }
}
