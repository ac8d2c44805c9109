//! Step 1 of `connect`: enable Hubrise V2 in the Zelty back office, get the API key
//! (hidden prompt, `ZELTY_API_KEY` or stdin), check its shape, validate it live and pick
//! the restaurant.

use super::ConnectArgs;
use crate::browser::Page;
use crate::ctx::Ctx;
use crate::error::{Failure, Kind, failure_of};
use crate::i18n::{Io, Msg, Ownership};
use crate::ops::restaurants;
use crate::prompt;
use crate::secret::Secret;
use crate::zelty::{self, Restaurant};
use std::io::Read;

/// A person gets this many tries at pasting a key before the wizard gives up.
const TRIES: usize = 3;

pub struct ZeltyDone {
    pub key: Secret,
    pub restaurant: Restaurant,
    /// A person typed or pasted it: Zelty shows a key once, so a run that does not finish
    /// keeps it for the next one (a script still has it in its environment or stdin).
    pub typed: bool,
}

/// Where the key comes from.
enum Source {
    Stdin,
    Env,
    /// Kept by `disconnect --keep-zelty` for this profile, or validated by a run that did
    /// not finish.
    Stored(Secret),
    Prompt,
    /// What the opener took from the Zelty page, playing the person (`--sandbox` without a
    /// terminal).
    Copied(Secret),
}

/// `pending`: the key a run that did not finish validated, and how many seconds ago.
pub async fn run(app: &Ctx, args: &ConnectArgs, pending: Option<(Secret, i64)>) -> anyhow::Result<ZeltyDone> {
    let source = if args.zelty_api_key_stdin {
        Source::Stdin
    } else if app.env.is_set("ZELTY_API_KEY") {
        Source::Env
    } else if let Some(kept) = kept_key(app).await? {
        Source::Stored(kept)
    } else if let Some(key) = pending_key(app, pending).await? {
        Source::Stored(key)
    } else if app.ctx.interactive {
        Source::Prompt
    } else if let Some(key) = app.opener.copied_key() {
        Source::Copied(key)
    } else {
        return Err(Failure::new(Kind::Usage, "zelty_key_missing", Msg::ZeltyKeyMissing.text())
            .hint(Msg::ZeltyKeyMissingHint.text())
            .into());
    };
    if matches!(source, Source::Prompt) {
        explain_and_open(app).await?;
    }
    for attempt in 1..=TRIES {
        let result = async {
            let key = zelty::check_key(&read_key(app, &source).await?)?;
            let spinner = app.printer.spinner(Msg::CheckingZeltyKey.text());
            let restaurants = zelty::restaurants(&app.http, &app.settings.endpoints.zelty_api, &key).await;
            drop(spinner);
            anyhow::Ok((key, restaurants?))
        }
        .await;
        match result {
            Ok((key, restaurants)) => {
                let restaurant = choose_restaurant(app, args, restaurants).await?;
                app.printer.success(
                    Msg::ZeltyKeyAccepted
                        .with("name", &restaurant.name)
                        .with("id", restaurant.id)
                        .with("key", key.masked()),
                );
                return Ok(ZeltyDone { key, restaurant, typed: matches!(source, Source::Prompt) });
            }
            // A person may paste again after a typo or a masked copy; a script gets the
            // error at once.
            Err(err) if matches!(source, Source::Prompt) && attempt < TRIES && retryable(&err) => {
                app.printer.error(&crate::error::Report::of(&err, app.printer.lang()));
                if attempt + 1 == TRIES {
                    app.printer.warn(crate::i18n::Ux::LastKeyTry.text());
                }
            }
            // The last try: say how to go on, the last refusal kept as its cause.
            Err(err) if matches!(source, Source::Prompt) && retryable(&err) => {
                // The last refusal in the person's words, without its status line (`-v` has it).
                let (kind, last) = failure_of(&err)
                    .map_or((Kind::Rejected, String::new()), |f| (f.kind, f.message.render(app.printer.lang())));
                app.printer.debug(1, format!("the last try: {err:#}"));
                return Err(Failure::new(kind, "zelty_key_tries_over", Io::KeyTriesOver.with("tries", TRIES))
                    .hint(Io::KeyTriesOverHint.text())
                    .detail(last)
                    .into());
            }
            Err(err) => return Err(err),
        }
    }
    unreachable!("the last try returns")
}

fn retryable(err: &anyhow::Error) -> bool {
    failure_of(err).is_some_and(|f| matches!(f.kind, Kind::Usage | Kind::Rejected))
}

async fn explain_and_open(app: &Ctx) -> anyhow::Result<()> {
    let url = format!("{}/marketplace/hubrise-v2/status", app.settings.endpoints.zelty_bo);
    app.printer.info(Msg::ZeltyExplain.text());
    app.printer.url(Msg::ZeltyOpenPage.text(), &url);
    app.open_page(&url, Page::ZeltyKey).await?;
    Ok(())
}

/// A key kept for this profile, if the user wants it (a script always does).
async fn kept_key(app: &Ctx) -> anyhow::Result<Option<Secret>> {
    let store = app.store_of(app.settings.store);
    let user = crate::stores::zelty_user(&app.profile);
    let (profiles, name) = (app.profiles.clone(), app.profile.clone());
    let (key, orphaned) = tokio::task::spawn_blocking(move || {
        let orphaned = crate::stores::orphans(store.as_ref(), |p| profiles.path(p).exists(), &[name.as_str()]);
        (store.get(&user), orphaned.is_ok_and(|o| o.contains(&user)))
    })
    .await?;
    let Ok(Some(key)) = key else { return Ok(None) };
    if orphaned {
        // Left by a half-stored connection, not kept on purpose: never used silently.
        app.printer.warn(crate::i18n::Secrets::OrphanKeyNotReused.with("profile", &app.profile));
        return Ok(None);
    }
    if !app.ctx.interactive {
        app.printer.info(Msg::UsingKeptKey.with("key", key.masked()));
        return Ok(Some(key));
    }
    let reuse = prompt::confirm(
        &app.printer,
        Msg::ReuseKeptKey.with("key", key.masked()),
        true,
        Msg::ZeltyKeyMissingHint.text(),
    )
    .await?;
    Ok(reuse.then_some(key))
}

/// The key a run that did not finish validated (Zelty shows a key once: asking for it
/// again would send the person to deactivate and reactivate Hubrise V2), offered masked.
async fn pending_key(app: &Ctx, pending: Option<(Secret, i64)>) -> anyhow::Result<Option<Secret>> {
    let Some((key, ago)) = pending else { return Ok(None) };
    if !app.ctx.interactive {
        app.printer.info(Ownership::PendingKeyUsed.with("key", key.masked()));
        return Ok(Some(key));
    }
    let ask = Ownership::PendingKeyOffer.with("key", key.masked()).with("minutes", ago.max(0) / 60);
    let reuse = prompt::confirm(&app.printer, ask, true, Msg::ZeltyKeyMissingHint.text()).await?;
    Ok(reuse.then_some(key))
}

async fn read_key(app: &Ctx, source: &Source) -> anyhow::Result<String> {
    match source {
        Source::Env => Ok(app.env.get("ZELTY_API_KEY").unwrap_or_default().to_string()),
        Source::Stored(key) => Ok(key.expose().to_string()),
        Source::Stdin => read_stdin().await,
        Source::Copied(key) => {
            app.printer.info(Msg::SandboxDemoKeyUsed.text());
            Ok(key.expose().to_string())
        }
        Source::Prompt => {
            let copied = app.opener.copied_key();
            if copied.is_some() {
                app.printer.info(Msg::SandboxDemoKeyOffer.text());
            }
            let typed =
                prompt::secret(&app.printer, Msg::ZeltyKeyPrompt.text(), Msg::ZeltyKeyMissingHint.text()).await?;
            // An empty answer takes the key the page gave, as the line above said.
            match copied {
                Some(key) if typed.trim().is_empty() => Ok(key.expose().to_string()),
                _ => Ok(typed.to_string()),
            }
        }
    }
}

/// The whole of stdin, up to a bound (a key is tens of bytes; anything larger is a
/// mistake such as piping a file).
async fn read_stdin() -> anyhow::Result<String> {
    tokio::task::spawn_blocking(|| {
        let mut buf = String::new();
        std::io::stdin().take(64 * 1024).read_to_string(&mut buf).map(|_| buf)
    })
    .await?
    .map_err(|e| match e.kind() {
        // Not text: a usage error (exit 2), like any malformed key.
        std::io::ErrorKind::InvalidData => {
            Failure::new(Kind::Usage, "key_not_utf8", crate::i18n::Io::StdinNotUtf8.text()).into()
        }
        _ => anyhow::Error::new(e).context("cannot read the Zelty key from standard input"),
    })
}

async fn choose_restaurant(
    app: &Ctx,
    args: &ConnectArgs,
    mut restaurants: Vec<Restaurant>,
) -> anyhow::Result<Restaurant> {
    if let Some(index) = restaurants::designated(&restaurants, args.restaurant_id, Msg::RestaurantIdHint.text())? {
        return Ok(restaurants.swap_remove(index));
    }
    let listing = restaurants::listing(&restaurants);
    if !app.ctx.interactive {
        return Err(Failure::new(
            Kind::Usage,
            "several_restaurants",
            Msg::SeveralRestaurants.with("list", listing.join(", ")),
        )
        .hint(Msg::RestaurantIdHint.text())
        .into());
    }
    let index =
        prompt::choose(&app.printer, Msg::ChooseRestaurant.text(), listing, Msg::RestaurantIdHint.text()).await?;
    Ok(restaurants.swap_remove(index))
}
