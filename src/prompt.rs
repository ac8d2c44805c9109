//! Every question the tool asks, as thin wrappers over dialoguer. Each one first checks
//! that a person can answer (the context decided it once); if not, it fails at once with
//! the flag or variable to use, instead of hanging on a prompt nobody sees. Prompts run on
//! a blocking thread so that Ctrl-C is still handled.

use crate::app::App;
use crate::error::{Failure, Kind};
use crate::i18n::{Msg, Text};
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use zeroize::Zeroizing;

/// Fails when nobody can answer: `instead` names the flag or variable that answers it.
pub fn require_person(app: &App, instead: Text) -> anyhow::Result<()> {
    if app.ctx.interactive {
        Ok(())
    } else {
        Err(Failure::new(Kind::Usage, "needs_input", Msg::NeedsInput.text()).hint(instead).into())
    }
}

fn theme(color: bool) -> Box<dyn Theme + Send> {
    if color { Box::new(ColorfulTheme::default()) } else { Box::new(SimpleTheme) }
}

async fn ask<T: Send + 'static>(
    app: &App,
    instead: Text,
    f: impl FnOnce(&dyn Theme) -> dialoguer::Result<T> + Send + 'static,
) -> anyhow::Result<T> {
    require_person(app, instead)?;
    let color = app.ctx.color;
    let result = tokio::task::spawn_blocking(move || f(theme(color).as_ref())).await?;
    result.map_err(|dialoguer::Error::IO(e)| match e.kind() {
        std::io::ErrorKind::Interrupted => {
            Failure::new(Kind::Interrupted, "interrupted", Msg::Interrupted.text()).into()
        }
        _ => anyhow::Error::new(e).context("the prompt failed"),
    })
}

/// Hidden input (the Zelty key): nothing is echoed.
pub async fn secret(app: &App, prompt: Text, instead: Text) -> anyhow::Result<Zeroizing<String>> {
    let prompt = app.printer.t(&prompt);
    ask(app, instead, move |t| {
        dialoguer::Password::with_theme(t).with_prompt(prompt).allow_empty_password(true).interact().map(Zeroizing::new)
    })
    .await
}

pub async fn line(app: &App, prompt: Text, instead: Text) -> anyhow::Result<String> {
    let prompt = app.printer.t(&prompt);
    ask(app, instead, move |t| {
        dialoguer::Input::<String>::with_theme(t).with_prompt(prompt).allow_empty(true).interact_text()
    })
    .await
}

pub async fn confirm(app: &App, prompt: Text, default: bool, instead: Text) -> anyhow::Result<bool> {
    let prompt = app.printer.t(&prompt);
    ask(app, instead, move |t| dialoguer::Confirm::with_theme(t).with_prompt(prompt).default(default).interact()).await
}

pub async fn choose(app: &App, prompt: Text, items: Vec<String>, instead: Text) -> anyhow::Result<usize> {
    let prompt = app.printer.t(&prompt);
    ask(app, instead, move |t| dialoguer::Select::with_theme(t).with_prompt(prompt).items(&items).default(0).interact())
        .await
}

/// Waits for Enter (a guided step done in a web page).
pub async fn enter(app: &App, prompt: Text, instead: Text) -> anyhow::Result<()> {
    line(app, prompt, instead).await.map(drop)
}
