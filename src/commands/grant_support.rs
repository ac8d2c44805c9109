//! `grant-support`: HubRise has no API for users, so this is one checklist of the back
//! office's steps, in the user's language and with its own labels
//! (https://www.hubrise.com/fr/docs/permissions), to give `support@zelty.com` the
//! « Partenaire technique » role (or take it away with `--revoke`), and one confirmation,
//! recorded with its time in the profile.

use crate::browser::Page;
use crate::clock::rfc3339;
use crate::ctx::Ctx;
use crate::error::{ExitStatus, Failure, Kind};
use crate::i18n::{Msg, Text};
use crate::ops::check::not_connected;
use crate::profile::SupportAccess;
use crate::prompt;
use serde_json::json;

pub const SUPPORT_EMAIL: &str = "support@zelty.com";

#[derive(Debug, clap::Args)]
pub struct GrantSupportArgs {
    #[arg(long, conflicts_with = "revoke")]
    pub confirm: bool,
    #[arg(long)]
    pub revoke: bool,
}

pub async fn run(args: GrantSupportArgs, app: &Ctx) -> anyhow::Result<ExitStatus> {
    let _lock = app.lock_profile("grant-support").await?;
    let mut profile = app.profiles.load(&app.profile)?.ok_or_else(|| not_connected(&app.profile))?;
    if args.revoke && profile.support_access.is_none() {
        // Nothing was given through this tool: no removal to walk.
        app.printer.info(Msg::SupportCleared.with("email", SUPPORT_EMAIL));
        return report(app, &profile);
    }
    let steps = if args.revoke { revoke_steps() } else { grant_steps() };
    if !args.confirm {
        walk(app, &steps, args.revoke).await?;
    }
    if args.revoke {
        profile.support_access = None;
    } else {
        // No default: a reflex Enter must not record a step nobody did; « non » is an
        // answer, not a failure.
        if !args.confirm
            && !prompt::confirm_explicitly(
                &app.printer,
                Msg::SupportDonePrompt.with("email", SUPPORT_EMAIL),
                Msg::SupportConfirmHint.text(),
            )
            .await?
        {
            app.printer.info(Msg::SupportNotConfirmed.text());
            app.printer.info(Msg::SupportConfirmHint.text());
            if app.printer.is_json() {
                let support = json!({ "state": "not_granted", "granted_at": null });
                app.printer.json(&json!({ "profile": app.profile, "support_access": support, "recorded": false }));
            }
            return Ok(ExitStatus::Success);
        }
        profile.support_access = Some(SupportAccess { granted_at: rfc3339(app.clock.now()) });
    }
    app.profiles.save(&app.profile, &profile)?;
    report(app, &profile)
}

fn report(app: &Ctx, profile: &crate::profile::Profile) -> anyhow::Result<ExitStatus> {
    let support = match &profile.support_access {
        Some(s) => json!({ "state": "granted", "granted_at": s.granted_at }),
        None => json!({ "state": "not_granted", "granted_at": null }),
    };
    if app.printer.is_json() {
        app.printer.json(&json!({ "profile": app.profile, "support_access": support }));
    } else {
        let done = match &profile.support_access {
            Some(s) => Msg::SupportRecorded
                .with("email", SUPPORT_EMAIL)
                .with("at", crate::localtime::human(&s.granted_at, app.printer.lang())),
            None => Msg::SupportCleared.with("email", SUPPORT_EMAIL),
        };
        app.printer.result(&app.printer.t(&done));
    }
    Ok(ExitStatus::Success)
}

/// Shows the steps: one at a time, waiting for Enter, for a person. A script gets them all
/// at once (on stdout, or stderr under `--json`, where stdout holds one JSON object); giving
/// access then needs a person (exit 6, then `--confirm`), taking it away only clears the
/// record.
async fn walk(app: &Ctx, steps: &[Text], revoke: bool) -> anyhow::Result<()> {
    let url = &app.settings.endpoints.hubrise_manager;
    app.printer.warn(Msg::NeverSharePassword.text());
    app.printer.url(Msg::OpenHubriseBackOffice.text(), url);
    if !app.ctx.interactive {
        let lines: Vec<String> =
            steps.iter().enumerate().map(|(i, s)| format!("{}. {}", i + 1, app.printer.t(s))).collect();
        let text = lines.join("\n");
        if app.printer.is_json() {
            app.printer.err_raw(&format!("{text}\n"));
        } else {
            app.printer.result(&text);
        }
        if revoke {
            return Ok(());
        }
        return Err(Failure::new(Kind::NeedsPerson, "support_needs_person", Msg::SupportNeedsPerson.text())
            .hint(Msg::SupportConfirmHint.text())
            .into());
    }
    for (i, step) in steps.iter().enumerate() {
        app.printer.info(Msg::StepOf.with("n", i + 1).with("total", steps.len()).with("step", app.printer.t(step)));
    }
    app.open_in_browser(url, Page::Read).await?;
    if revoke {
        prompt::enter(&app.printer, Msg::PressEnterWhenDone.text(), Msg::SupportConfirmHint.text()).await?;
    }
    Ok(())
}

fn grant_steps() -> Vec<Text> {
    vec![
        Msg::SupportStepMenu.text(),
        Msg::SupportStepAdd.with("email", SUPPORT_EMAIL),
        Msg::SupportStepRole.text(),
        Msg::SupportStepSet.text(),
    ]
}

fn revoke_steps() -> Vec<Text> {
    vec![Msg::SupportStepMenu.text(), Msg::SupportStepRemove.with("email", SUPPORT_EMAIL)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn steps_use_the_back_offices_own_labels() {
        let fr: String = grant_steps().iter().map(|s| s.render(Lang::Fr)).collect();
        for label in [
            "CONFIGURATION",
            "Permissions",
            "Ajouter l'utilisateur",
            "Partenaire technique",
            "Définir les permissions",
            SUPPORT_EMAIL,
        ] {
            assert!(fr.contains(label), "{label} in {fr}");
        }
        let en: String = grant_steps().iter().map(|s| s.render(Lang::En)).collect();
        for label in ["SETTINGS", "Permissions", "Add User", "Technical Partner", "Set Permissions", SUPPORT_EMAIL] {
            assert!(en.contains(label), "{label} in {en}");
        }
    }
}
