//! Step 2 of `connect`: HubRise authorization. `HUBRISE_ACCESS_TOKEN` skips the browser;
//! otherwise the browser flow with a loopback listener (a pasted code or redirect URL is
//! accepted at the same time), or with `--no-browser` the documented installed-app flow.
//! Then the token is exchanged and the location, catalog and customer list verified.

use super::ConnectArgs;
use crate::browser::Page;
use crate::ctx::Ctx;
use crate::error::{Failure, Kind};
use crate::hubrise::listener::{Callback, Listener};
use crate::hubrise::oauth::{self, Authorize, OAuthClient, OOB_REDIRECT};
use crate::hubrise::paste::{PasteProblem, parse_pasted};
use crate::hubrise::refusal::Refusal;
use crate::i18n::{Consent, Msg, Ownership};
use crate::ops::watch::{Verified, Wanted, verify};
use crate::profile::TokenOrigin;
use crate::prompt;
use crate::secret::Secret;
use crate::undo::Armed;
use std::time::{Duration, Instant};

pub struct HubriseDone {
    pub token: Secret,
    pub verified: Verified,
    pub origin: TokenOrigin,
    /// The token's revocation, armed until the connection is stored.
    pub undo: Option<Armed>,
}

/// The watch: `HUBRISE_ACCESS_TOKEN` as given, else HubRise's authorization with this
/// profile's `device_id`. `keep` is the token the profile already stores: HubRise hands the
/// same one back for the same device, and that one is not revoked if the run stops.
pub async fn run(app: &Ctx, args: &ConnectArgs, device_id: &str, keep: Option<&Secret>) -> anyhow::Result<HubriseDone> {
    if let Some(token) = app.env.get("HUBRISE_ACCESS_TOKEN") {
        app.printer.info(Msg::UsingEnvToken.text());
        let token = Secret::new(token.trim());
        let verified = verified(app, verify(app, &token, None, wanted(args))).await?;
        return Ok(HubriseDone { token, verified, origin: TokenOrigin::Given, undo: None });
    }
    let Some((client, _)) = app.settings.client.clone() else {
        return Err(Failure::new(Kind::Usage, "no_oauth_client", Msg::NoOAuthClient.text())
            .hint(Msg::NoOAuthClientHint.with("path", app.settings.config_dir.join("config.toml").display()))
            .into());
    };
    let pkce = app.settings.pkce.then(oauth::Pkce::new).transpose()?;
    let challenge = pkce.as_ref().map(|p| p.challenge.as_str());
    let code = loop {
        let code = if args.no_browser {
            installed_app_flow(app, &client, &args.scope, device_id, challenge).await
        } else {
            browser_flow(app, &client, args, device_id, challenge).await
        };
        // A misclick on « Refuser »: a person is offered the page again.
        match code {
            Err(err) if app.ctx.interactive && refused(&err) => {
                let again =
                    prompt::confirm(&app.printer, Ownership::AskAgain.text(), true, Msg::UseEnvTokenHint.text());
                if !again.await? {
                    return Err(err);
                }
            }
            code => break code?,
        }
    };
    let spinner = app.printer.spinner(Msg::ExchangingCode.text());
    let verifier = pkce.as_ref().map(|p| &p.verifier);
    let grant = oauth::exchange(&app.http, &app.settings.endpoints.hubrise_oauth, &client, &code, verifier).await;
    drop(spinner);
    let grant = grant?;
    let undo = (keep != Some(&grant.token)).then(|| arm_revoke(app, &client, &grant.token));
    let verified = verified(app, verify(app, &grant.token, Some(&grant), wanted(args))).await?;
    Ok(HubriseDone { token: grant.token.clone(), verified, origin: TokenOrigin::Authorized, undo })
}

/// Arms the revocation of a token this run obtained, for the case it is never stored.
fn arm_revoke(app: &Ctx, client: &OAuthClient, token: &Secret) -> Armed {
    let (http, base) = (app.http.clone(), app.settings.endpoints.hubrise_oauth.clone());
    let (client, token) = (client.clone(), token.clone());
    let name = app.settings.watch_name.clone();
    crate::undo::arm(name, Box::pin(async move { oauth::revoke(&http, &base, &client, &token).await }))
}

/// HubRise sent a refusal back (« Refuser »): the only refusal the authorization page gives.
fn refused(err: &anyhow::Error) -> bool {
    crate::error::failure_of(err).is_some_and(|f| f.kind == Kind::Rejected)
}

/// The loopback flow: print the URL, open the browser, wait for the callback or a paste.
async fn browser_flow(
    app: &Ctx,
    client: &OAuthClient,
    args: &ConnectArgs,
    device_id: &str,
    code_challenge: Option<&str>,
) -> anyhow::Result<Secret> {
    let state = oauth::new_state()?;
    let mut listener = Listener::start(state.clone(), app.printer.lang())
        .await
        .map_err(|e| anyhow::Error::new(e).context("cannot listen on 127.0.0.1 for the authorization callback"))?;
    let url = oauth::authorize_url(
        &app.settings.endpoints.hubrise_oauth,
        &Authorize {
            client_id: &client.id,
            redirect_uri: listener.redirect_uri(),
            scope: &args.scope,
            state: &state,
            device_id: Some(device_id),
            code_challenge,
        },
    );
    app.printer.info(Msg::HubriseExplain.text());
    app.printer.url(Msg::HubriseOpenPage.text(), &url);
    if !open_browser(app, &url).await? {
        if !app.ctx.interactive {
            return Err(Failure::new(Kind::NeedsPerson, "browser_unavailable", Msg::BrowserUnavailable.text())
                .hint(Msg::UseEnvTokenHint.text())
                .into());
        }
        app.printer.info(Msg::OpenElsewhere.text());
    }
    let mut pasted = app.ctx.interactive.then(crate::lines::Lines::start);
    let deadline = Instant::now() + Duration::from_secs(args.timeout);
    let mut spinner = app.printer.spinner(waiting(app, deadline));
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    // A refusal without our `state` was heard (it is said and asked about once); without a
    // person to disown it, it is the outcome if nothing else comes in time.
    let (mut heard, mut unanswered) = (false, None);
    let callback = loop {
        tokio::select! {
            callback = listener.next() => match callback.ok_or_else(|| anyhow::anyhow!("the callback listener stopped"))? {
                // Said and asked once: a flood of them cannot fill the screen or the prompts.
                Callback::Unverified(_) if heard => {}
                Callback::Unverified(refusal) => {
                    heard = true;
                    if !app.ctx.interactive {
                        unanswered = Some(Refusal::new(refusal.code_only(), None));
                    }
                    // The question needs the terminal: the paste reader and spinner make way.
                    drop(pasted.take());
                    spinner = app.printer.spinner_none();
                    if refusal_is_theirs(app, &refusal).await? {
                        // The person says they refused: that is what it was.
                        break Callback::Denied(Refusal::new("access_denied", None));
                    }
                    pasted = app.ctx.interactive.then(crate::lines::Lines::start);
                    spinner = app.printer.spinner(waiting(app, deadline));
                }
                callback => break callback,
            },
            line = recv(&mut pasted) => match parse_pasted(&line, &state) {
                Ok(callback) => break callback,
                Err(problem) => spinner.println(&app.printer.t(&match problem {
                    PasteProblem::NotACode => Msg::PasteNotACode.text(),
                    PasteProblem::WrongState => Msg::PasteWrongState.text(),
                })),
            },
            _ = tick.tick() => {
                if Instant::now() >= deadline {
                    // Nothing but that refusal came: it was the answer after all (HubRise
                    // sends refusals without `state`), exit 3 as any refusal.
                    if let Some(refusal) = unanswered {
                        return Err(denied(&refusal));
                    }
                    return Err(Failure::new(Kind::NeedsPerson, "authorization_timeout", Msg::AuthorizationTimeout.with("secs", args.timeout)).hint(Msg::AuthorizationTimeoutHint.text()).into());
                }
                spinner.set_message(waiting(app, deadline));
            }
        }
    };
    drop(spinner);
    match callback {
        Callback::Code(code) => {
            app.printer.success(Msg::AuthorizationReceived.text());
            Ok(code)
        }
        Callback::Denied(refusal) | Callback::Unverified(refusal) => Err(denied(&refusal)),
    }
}

/// A refusal without this authorization's `state` came to the loopback: it may be the
/// person's own (HubRise sends refusals without `state`) or another local program's. A
/// person is asked (yes ends the flow as refused); without one, the flow keeps waiting for
/// the rest of its time.
async fn refusal_is_theirs(app: &Ctx, refusal: &Refusal) -> anyhow::Result<bool> {
    app.printer.warn(Consent::StatelessRefusal.with("error", refusal.code_only()));
    if app.ctx.interactive
        && prompt::confirm(&app.printer, Consent::AskRefused.text(), false, Msg::UseEnvTokenHint.text()).await?
    {
        return Ok(true);
    }
    app.printer.info(Consent::KeepWaiting.text());
    Ok(false)
}

/// Opens the authorization page when a browser can be launched (or the opener plays the
/// person there).
async fn open_browser(app: &Ctx, url: &str) -> anyhow::Result<bool> {
    app.open_in_browser(url, Page::Authorize).await
}

fn waiting(app: &Ctx, deadline: Instant) -> crate::i18n::Text {
    let left = deadline.saturating_duration_since(Instant::now()).as_secs();
    let msg = if app.ctx.interactive { Msg::WaitingOrPaste } else { Msg::Waiting };
    msg.with("time", format!("{}:{:02}", left / 60, left % 60))
}

/// The next pasted line; pending for ever without a person.
async fn recv(lines: &mut Option<crate::lines::Lines>) -> String {
    match lines {
        Some(lines) => loop {
            let line = lines.next().await;
            if !line.trim().is_empty() {
                return line;
            }
        },
        None => std::future::pending().await,
    }
}

/// The documented installed-app flow: HubRise shows the code, the user pastes it.
async fn installed_app_flow(
    app: &Ctx,
    client: &OAuthClient,
    scope: &str,
    device_id: &str,
    code_challenge: Option<&str>,
) -> anyhow::Result<Secret> {
    prompt::require_person(&app.printer, Msg::UseEnvTokenHint.text())?;
    let state = oauth::new_state()?;
    let url = oauth::authorize_url(
        &app.settings.endpoints.hubrise_oauth,
        &Authorize {
            client_id: &client.id,
            redirect_uri: OOB_REDIRECT,
            scope,
            state: &state,
            device_id: Some(device_id),
            code_challenge,
        },
    );
    app.printer.info(Msg::HubriseExplainOob.text());
    app.printer.url(Msg::HubriseOpenPage.text(), &url);
    app.printer.qr(&url);
    loop {
        let line = prompt::line(&app.printer, Msg::PasteCodePrompt.text(), Msg::UseEnvTokenHint.text()).await?;
        // The installed-app page shows a bare code; a URL cannot carry our state here.
        match parse_pasted(&line, "") {
            Ok(Callback::Code(code)) => return Ok(code),
            Ok(Callback::Denied(refusal) | Callback::Unverified(refusal)) => return Err(denied(&refusal)),
            Err(_) => app.printer.warn(Msg::PasteNotACode.text()),
        }
    }
}

fn denied(refusal: &Refusal) -> anyhow::Error {
    let (code, msg) = if refusal.is_access_denied() {
        ("access_denied", Msg::AccessDenied)
    } else {
        ("authorization_failed", Msg::AuthorizationFailed)
    };
    Failure::new(Kind::Rejected, code, msg.with("error", refusal.shown())).hint(Msg::AccessDeniedHint.text()).into()
}

fn wanted(args: &ConnectArgs) -> Wanted<'_> {
    Wanted { catalog: args.catalog_id.as_deref(), customer_list: args.customer_list_id.as_deref() }
}

/// Waits for the watch's location to be verified, with a spinner, and says what it is.
async fn verified(app: &Ctx, verify: impl Future<Output = anyhow::Result<Verified>>) -> anyhow::Result<Verified> {
    let spinner = app.printer.spinner(Msg::CheckingLocation.text());
    let verified = verify.await;
    drop(spinner);
    let verified = verified?;
    let location = &verified.location;
    app.printer.success(
        Msg::LocationVerified
            .with("location", &location.name)
            .with("id", &location.id)
            .with("account", &location.account.name),
    );
    Ok(verified)
}
