//! The Zelty Bridge step with a person: no public API connects or configures the app, so a
//! person does it in the HubRise back office (CONNEXIONS > « Voir les apps disponibles » >
//! Zelty Bridge > « Connecter » > « Autoriser » > « Clé API » > « Terminer la
//! configuration » > « Enregistrer »: https://www.hubrise.com/fr/apps/zelty-bridge/connexion-hubrise)
//! while the wizard offers the key and watches for the evidence, moving on by itself the
//! moment it appears (as `gh auth login` polls during its device flow).

use crate::browser::Page;
use crate::ctx::Ctx;
use crate::i18n::{Bridge, Flow, Text};
use crate::lines::Lines;
use crate::ops::bridge::{Outcome, Target, start_url, steps};
use crate::ops::evidence::{self, Evidence};
use crate::ops::state::BridgeState;
use crate::prompt;
use crate::secret::Secret;
use std::time::{Duration, Instant};

/// How often Zelty's webhooks are read while waiting: within Zelty's one request a second
/// per account (https://docs.zelty.fr, "Limites").
const WEBHOOKS_EVERY: Duration = Duration::from_secs(3);
/// How often the orders are read: listing orders is limited to 10 a minute per connection
/// (https://www.hubrise.com/developers/api/general-concepts, "Rate limits").
const ORDERS_EVERY: Duration = Duration::from_secs(30);
/// How long the key stays on the clipboard.
const CLIPBOARD_FOR: Duration = Duration::from_secs(60);
/// What a person types at any prompt of the walk to see the key in full (« key », « clé »).
const KEY_WORDS: &[&str] = &["k", "key", "c", "clé", "cle"];

/// Prints the explanation, the page and the numbered steps.
pub fn show(app: &Ctx, target: &Target) {
    app.printer.info(Bridge::Explain.text());
    app.printer.url(Bridge::OpenPage.text(), &start_url(&app.settings, app.printer.lang()));
    for (i, step) in steps(target.location, app.printer.lang()).into_iter().enumerate() {
        app.printer.info(Bridge::Numbered.with("n", i + 1).with("step", step));
    }
    if target.watch.is_some() {
        app.printer.info(Flow::TwoRows.with("watch", &app.settings.watch_name));
    }
}

/// Without a person: the steps and links, and what the APIs show now.
pub async fn unattended(app: &Ctx, target: &Target<'_>) -> Outcome {
    show(app, target);
    let evidence = evidence::gather(app, Some(target.key), target.watch.as_ref()).await;
    Outcome { evidence, confirmed: false }
}

/// The walk with a person: steps, the key offered, the page opened, then the wait for the
/// evidence or Enter.
pub async fn walk(app: &Ctx, target: &Target<'_>, timeout: Duration) -> anyhow::Result<Outcome> {
    show(app, target);
    let clipboard = Clipboard::offer(target.key);
    let had_clipboard = clipboard.is_some();
    match &clipboard {
        Some(_) => app
            .printer
            .info(Bridge::KeyOnClipboard.with("key", target.key.masked()).with("secs", CLIPBOARD_FOR.as_secs())),
        None => app.printer.info(Bridge::KeyRevealOffer.with("key", target.key.masked())),
    }
    open_or_demo(app, target).await?;
    let waited = wait(app, target, timeout, clipboard).await?;
    let outcome = match waited {
        Waited::Seen(evidence) => Outcome { evidence, confirmed: false },
        Waited::Enter | Waited::TimedOut => {
            let evidence = evidence::gather(app, Some(target.key), target.watch.as_ref()).await;
            let ask = !evidence.enough_to_move_on() && matches!(waited, Waited::Enter);
            // The clipboard was cleared when the wait ended: the key is shown on demand.
            if ask {
                app.printer.info(reveal_offer(target.key, had_clipboard));
            }
            let confirmed = ask
                && prompt::confirm_with(
                    &app.printer,
                    Bridge::AskSaved.text(),
                    true,
                    Bridge::UseConfirm.text(),
                    Some(reveal(target.key)),
                )
                .await?;
            Outcome { evidence, confirmed }
        }
    };
    Ok(outcome)
}

/// « key » at a prompt of the walk: the key in full, on the terminal only.
fn reveal(key: &Secret) -> prompt::Aside {
    prompt::Aside::new(KEY_WORDS, Bridge::KeyRevealed.text(), "key", key.clone())
}

/// The sentence that says « key » shows the key: no clipboard here, or not any more.
fn reveal_offer(key: &Secret, had_clipboard: bool) -> Text {
    let offer = if had_clipboard { Bridge::KeyRevealCleared } else { Bridge::KeyRevealOffer };
    offer.with("key", key.masked())
}

/// Opens the back office on the app's connection (an opener that plays the person
/// connects it with the key).
async fn open_or_demo(app: &Ctx, target: &Target<'_>) -> anyhow::Result<()> {
    let url = start_url(&app.settings, app.printer.lang());
    let page = match target.location {
        Some((_, location_id)) => Page::BridgeConnect { location_id, key: target.key },
        None => Page::Read,
    };
    if !app.open_in_browser_with(&url, page, Some(reveal(target.key))).await? {
        app.printer.info(Bridge::OpenYourself.text());
    }
    Ok(())
}

enum Waited {
    Seen(Evidence),
    Enter,
    TimedOut,
}

async fn wait(
    app: &Ctx,
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
    let mut linked = false;
    let bridge = &app.settings.bridge;
    let waited = loop {
        tokio::select! {
            line = lines.next() => match line.trim().to_lowercase().as_str() {
                "" => break Waited::Enter,
                typed if KEY_WORDS.contains(&typed) => {
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
                    spinner.println(&app.printer.t(&reveal_offer(target.key, true)));
                }
                if now >= next_hooks {
                    next_hooks = now + WEBHOOKS_EVERY;
                    let hosts = evidence::webhook_hosts(app, Some(target.key)).await;
                    evidence::with_hosts(&mut evidence, hosts, bridge, app.ctx.lang);
                }
                // The webhooks appearing is the moment to look at the orders again.
                let linked_now = evidence.bridge_webhooks && !linked;
                linked |= evidence.bridge_webhooks;
                if (now >= next_orders || linked_now) && target.watch.is_some() {
                    next_orders = now + ORDERS_EVERY;
                    let orders = evidence::orders(app, target.watch.as_ref()).await;
                    evidence::with_orders(&mut evidence, orders, app);
                }
                if evidence.enough_to_move_on() {
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

/// Says plainly what the outcome shows, about this location.
pub fn tell(app: &Ctx, outcome: &Outcome, location: Option<&str>, command: &str) {
    let e = &outcome.evidence;
    let minutes = app.settings.bridge.stuck_after.as_secs() / 60;
    match outcome.state() {
        BridgeState::Active => app.printer.success(Flow::Active.text()),
        BridgeState::Linked => {
            app.printer.warn(Flow::Linked.text());
            app.printer.info(crate::ops::check::linked_hint(location));
        }
        BridgeState::Stalled => {
            let count = e.orders.as_ref().map_or(0, |o| o.stuck.len());
            app.printer.warn(Flow::Stalled.with("count", count).with("minutes", minutes));
            app.printer.info(Flow::StalledHint.with("location", location.unwrap_or("—")));
        }
        BridgeState::Confirmed => app.printer.info(Bridge::ConfirmedNoEvidence.text()),
        BridgeState::ToDo | BridgeState::Unchecked => {
            app.printer.warn(Bridge::NotConnected.with("command", command));
        }
    }
    match &e.zelty_webhooks {
        Some(hosts) if !hosts.is_empty() => app.printer.info(Bridge::SeenWebhooks.with("hosts", hosts.join(", "))),
        Some(_) => app.printer.info(Bridge::NoWebhooks.text()),
        None => app.printer.info(Bridge::WebhooksUnread.text()),
    }
    let Some(orders) = &e.orders else {
        app.printer.info(Flow::OrdersUnread.text());
        return;
    };
    if !orders.any {
        app.printer.info(Flow::NoOrdersYet.text());
    }
    if let Some(at) = &orders.last_handled_at {
        app.printer.info(Flow::SeenHandled.with("at", crate::localtime::human(at, app.printer.lang())));
    }
    if let Some(at) = &orders.last_order_at {
        app.printer.info(
            Bridge::SeenOrder
                .with("at", crate::localtime::human(at, app.printer.lang()))
                .with("app", &app.settings.bridge.name),
        );
    }
    if !orders.stuck.is_empty() {
        let ids: Vec<&str> = orders.stuck.iter().map(|o| o.id.as_str()).collect();
        app.printer.info(Flow::SeenStuck.with("orders", ids.join(", ")));
    }
    if !orders.rejected.is_empty() {
        app.printer.warn(Bridge::RejectedOrders.with("count", orders.rejected.len()));
    }
}

/// Says at `-v` what evidence could not be read.
pub fn note_unread(app: &Ctx, evidence: &Evidence) {
    for note in &evidence.unread {
        app.printer.debug(1, note.clone());
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
