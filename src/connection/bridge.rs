//! The Zelty Bridge app on the location: no public API connects or configures it, so a
//! person does it in the HubRise back office (CONNEXIONS > « Voir les apps disponibles » >
//! Zelty Bridge > « Connecter » > « Autoriser » > « Clé API » > « Terminer la
//! configuration » > « Enregistrer »: https://www.hubrise.com/fr/apps/zelty-bridge/connexion-hubrise)
//! while the wizard offers the key and watches for the evidence, moving on by itself the
//! moment it appears (as `gh auth login` polls during its device flow).

use super::evidence::{self, Evidence, Watch};
use crate::app::App;
use crate::clock::unix;
use crate::i18n::{Bridge, Lang, Text};
use crate::lines::Lines;
use crate::prompt;
use crate::secret::Secret;
use crate::settings::Settings;
use std::time::{Duration, Instant};

/// How often Zelty's webhooks are read while waiting: within Zelty's one request a second
/// per account (https://docs.zelty.fr, "Limites").
const WEBHOOKS_EVERY: Duration = Duration::from_secs(3);
/// How often the orders are read: listing orders is limited to 10 a minute per connection
/// (https://www.hubrise.com/developers/api/general-concepts, "Rate limits").
const ORDERS_EVERY: Duration = Duration::from_secs(30);
/// How long the key stays on the clipboard.
const CLIPBOARD_FOR: Duration = Duration::from_secs(60);

/// The connection the app is connected to.
pub struct Target<'a> {
    pub key: &'a Secret,
    /// The HubRise location, named in the steps (`None` without a watch).
    pub location: Option<(&'a str, &'a str)>,
    pub watch: Option<Watch<'a>>,
}

/// What the walk or the evidence established.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Evidence seen.
    Active(Evidence),
    /// A person said it is done; no evidence yet.
    Confirmed(Evidence),
    /// Not done.
    ToDo(Evidence),
}

impl Outcome {
    pub fn evidence(&self) -> &Evidence {
        match self {
            Outcome::Active(e) | Outcome::Confirmed(e) | Outcome::ToDo(e) => e,
        }
    }

    /// Whether the profile records the app as done.
    pub fn done(&self) -> bool {
        !matches!(self, Outcome::ToDo(_))
    }
}

/// Where the walk starts: the App's Connect URL when configured, else CONNEXIONS.
pub fn start_url(settings: &Settings, lang: Lang) -> String {
    settings.bridge.connect_url.clone().unwrap_or_else(|| connections_url(settings, lang))
}

/// The back office's CONNEXIONS page, in the user's language (back-office links accept
/// `?locale=fr-FR`).
pub fn connections_url(settings: &Settings, lang: Lang) -> String {
    let locale = match lang {
        Lang::Fr => "?locale=fr-FR",
        Lang::En => "",
    };
    format!("{}/connections{locale}", settings.endpoints.hubrise_manager.trim_end_matches('/'))
}

/// The steps, in the back office's own labels, naming the location, in `lang`.
pub fn steps(location: Option<(&str, &str)>, lang: Lang) -> Vec<String> {
    let on = match location {
        Some((name, id)) => Bridge::StepLocationNamed.with("name", name).with("id", id),
        None => Bridge::StepLocationYours.text(),
    };
    [Bridge::Step1.text(), Bridge::Step2.with("location", on.render(lang)), Bridge::Step3.text(), Bridge::Step4.text()]
        .iter()
        .map(|t| t.render(lang))
        .collect()
}

/// Prints the explanation, the page and the numbered steps.
pub fn show(app: &App, target: &Target) {
    app.printer.info(Bridge::Explain.text());
    app.printer.url(Bridge::OpenPage.text(), &start_url(&app.settings, app.printer.lang()));
    for (i, step) in steps(target.location, app.printer.lang()).into_iter().enumerate() {
        app.printer.info(Bridge::Numbered.with("n", i + 1).with("step", step));
    }
}

/// Without a person: the steps and links, and what the APIs show now.
pub async fn unattended(app: &App, target: &Target<'_>) -> Outcome {
    show(app, target);
    let evidence = evidence::gather(app, Some(target.key), target.watch.as_ref()).await;
    if evidence.seen() { Outcome::Active(evidence) } else { Outcome::ToDo(evidence) }
}

/// The walk with a person: steps, the key offered, the page opened, then the wait for the
/// evidence or Enter.
pub async fn walk(app: &App, target: &Target<'_>, timeout: Duration) -> anyhow::Result<Outcome> {
    show(app, target);
    let clipboard = Clipboard::offer(target.key);
    match &clipboard {
        Some(_) => app
            .printer
            .info(Bridge::KeyOnClipboard.with("key", target.key.masked()).with("secs", CLIPBOARD_FOR.as_secs())),
        None => app.printer.info(Bridge::KeyRevealOffer.with("key", target.key.masked())),
    }
    open_or_demo(app, target).await?;
    let waited = wait(app, target, timeout, clipboard).await?;
    let outcome = match waited {
        // Zelty's webhooks were just read; the orders (read every 30 s) once more, so the
        // report shows them too (two listings in a few seconds stay within HubRise's 10 a
        // minute).
        Waited::Seen(mut seen) => {
            if let Some(orders) = evidence::orders(app, target.watch.as_ref()).await {
                evidence::with_orders(&mut seen, &orders, &app.settings.bridge.name, unix(app.clock.now()));
            }
            Outcome::Active(seen)
        }
        Waited::Enter | Waited::TimedOut => {
            let e = evidence::gather(app, Some(target.key), target.watch.as_ref()).await;
            if e.seen() {
                Outcome::Active(e)
            } else if matches!(waited, Waited::Enter)
                && prompt::confirm(&app.printer, Bridge::AskSaved.text(), true, Bridge::UseConfirm.text()).await?
            {
                Outcome::Confirmed(e)
            } else {
                Outcome::ToDo(e)
            }
        }
    };
    Ok(outcome)
}

/// Opens the back office; in the sandbox with no browser here, offers to play the person.
async fn open_or_demo(app: &App, target: &Target<'_>) -> anyhow::Result<()> {
    let url = start_url(&app.settings, app.printer.lang());
    if app.open_in_browser(&url).await? {
        return Ok(());
    }
    let (Some(sandbox), Some((_, location_id))) = (&app.sandbox, target.location) else {
        app.printer.info(Bridge::OpenYourself.text());
        return Ok(());
    };
    if prompt::confirm(&app.printer, Bridge::SandboxDoItHere.text(), true, Bridge::UseConfirm.text()).await? {
        app.printer.info(Bridge::SandboxDoing.text());
        sandbox.demo().configure_bridge_app(location_id, target.key.expose()).await?;
    }
    Ok(())
}

enum Waited {
    Seen(Evidence),
    Enter,
    TimedOut,
}

async fn wait(
    app: &App,
    target: &Target<'_>,
    timeout: Duration,
    mut clipboard: Option<Clipboard>,
) -> anyhow::Result<Waited> {
    let deadline = Instant::now() + timeout;
    let spinner = app.printer.spinner(waiting(deadline));
    let mut lines = Lines::start();
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    let (mut next_hooks, mut next_orders) = (Instant::now(), Instant::now());
    let mut evidence = Evidence::default();
    let bridge = &app.settings.bridge;
    let waited = loop {
        tokio::select! {
            line = lines.next() => match line.trim().to_lowercase().as_str() {
                "" => break Waited::Enter,
                "k" | "key" | "c" | "clé" | "cle" => {
                    spinner.println(&app.printer.t(&Bridge::KeyRevealed.with("key", target.key.expose())));
                }
                _ => spinner.println(&app.printer.t(&Bridge::WaitKeys.text())),
            },
            _ = tick.tick() => {
                let now = Instant::now();
                if now >= deadline {
                    break Waited::TimedOut;
                }
                if clipboard.as_ref().is_some_and(|c| c.expired()) {
                    clipboard = None;
                }
                if now >= next_hooks {
                    next_hooks = now + WEBHOOKS_EVERY;
                    let hosts = evidence::webhook_hosts(app, Some(target.key)).await;
                    evidence::with_hosts(&mut evidence, hosts, bridge);
                }
                if now >= next_orders && target.watch.is_some() {
                    next_orders = now + ORDERS_EVERY;
                    if let Some(orders) = evidence::orders(app, target.watch.as_ref()).await {
                        evidence::with_orders(&mut evidence, &orders, &bridge.name, unix(app.clock.now()));
                    }
                }
                if evidence.seen() {
                    break Waited::Seen(evidence.clone());
                }
                spinner.set_message(waiting(deadline));
            }
        }
    };
    drop(clipboard);
    drop(spinner);
    Ok(waited)
}

fn waiting(deadline: Instant) -> Text {
    let left = deadline.saturating_duration_since(Instant::now()).as_secs();
    Bridge::Watching.with("time", format!("{}:{:02}", left / 60, left % 60))
}

/// Says plainly what the outcome shows.
pub fn tell(app: &App, outcome: &Outcome, command: &str) {
    let e = outcome.evidence();
    match outcome {
        Outcome::Active(_) => app.printer.success(Bridge::Active.text()),
        Outcome::Confirmed(_) => app.printer.info(Bridge::ConfirmedNoEvidence.text()),
        Outcome::ToDo(_) => app.printer.warn(Bridge::NotConnected.with("command", command)),
    }
    match &e.zelty_webhooks {
        Some(hosts) if !hosts.is_empty() => app.printer.info(Bridge::SeenWebhooks.with("hosts", hosts.join(", "))),
        Some(_) => app.printer.info(Bridge::NoWebhooks.text()),
        None => app.printer.info(Bridge::WebhooksUnread.text()),
    }
    if let Some(at) = &e.last_order_at {
        app.printer.info(Bridge::SeenOrder.with("at", at).with("app", &app.settings.bridge.name));
    }
    if let Some(n) = e.rejected_orders_24h.filter(|n| *n > 0) {
        app.printer.warn(Bridge::RejectedOrders.with("count", n));
    }
}

/// The key on the system clipboard for a short time, cleared when the time is up or the
/// step ends, whichever comes first.
struct Clipboard {
    board: arboard::Clipboard,
    until: Instant,
}

impl Clipboard {
    /// `None` where there is no clipboard (no display, a remote shell).
    fn offer(key: &Secret) -> Option<Clipboard> {
        let mut board = arboard::Clipboard::new().ok()?;
        // Marked as a password, so clipboard managers keep it out of their history: KDE's
        // `x-kde-passwordManagerHint` (Klipper, CopyQ), Windows' history and cloud formats,
        // macOS's `org.nspasteboard.ConcealedType` (arboard's `exclude_from_history`).
        let set = board.set();
        #[cfg(all(unix, not(any(target_os = "macos", target_os = "android", target_os = "emscripten"))))]
        let set = arboard::SetExtLinux::exclude_from_history(set);
        #[cfg(windows)]
        let set = arboard::SetExtWindows::exclude_from_cloud(arboard::SetExtWindows::exclude_from_history(set));
        #[cfg(target_os = "macos")]
        let set = arboard::SetExtApple::exclude_from_history(set);
        set.text(key.expose().to_string()).ok()?;
        Some(Clipboard { board, until: Instant::now() + CLIPBOARD_FOR })
    }

    fn expired(&self) -> bool {
        Instant::now() >= self.until
    }
}

impl Drop for Clipboard {
    fn drop(&mut self) {
        let _ = self.board.clear();
    }
}
