//! `report`: a support report a restaurant can send to Zelty's support, as `fly doctor
//! diag` or `tailscale bugreport` do for theirs: the tool's version, the system and the
//! secret store, each profile's three parts checked as `status` checks them (with their
//! evidence), and the last failures the tool met on this machine. Keys and tokens show
//! masked, as in `status`; a field that would hold a secret is left out outright.

use crate::ctx::Ctx;
use crate::errlog;
use crate::error::ExitStatus;
use crate::i18n::{Lang, ReportText};
use crate::ops::fleet::{self, Entry};
use anyhow::Context as _;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// How many of the last failures a report shows.
const ERRORS: usize = 20;

/// Field names whose value is a secret, whatever the report they come from: never shown.
const SECRET_FIELDS: &[&str] = &["secret_key", "client_secret", "secret", "password", "refresh_token"];

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(long)]
    pub offline: bool,
}

pub async fn run(args: ReportArgs, app: &Ctx) -> anyhow::Result<ExitStatus> {
    let lang = app.printer.lang();
    let (value, shown) = gather(app, args.offline).await?;
    let text = if app.printer.is_json() {
        serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
    } else {
        let orders = crate::ops::bridge::orders_url(&app.settings, lang);
        app.printer.runnable(&markdown(&value, &Shown { status: &shown, orders_url: &orders }, lang))
    };
    match &args.output {
        Some(path) => {
            crate::fsutil::write_atomic(path, text.as_bytes(), 0o600)
                .with_context(|| format!("cannot write the report to {}", path.display()))?;
            app.printer.info(ReportText::Written.with("path", path.display()));
        }
        None if app.printer.is_json() => app.printer.json(&value),
        None => {
            // On screen, prose lines fit the terminal (a table row is left whole).
            let width = app.printer.out_width();
            let text: Vec<String> = text
                .lines()
                .map(|l| if l.starts_with('|') { l.to_string() } else { crate::layout::wrap(l, width, 0) })
                .collect();
            app.printer.result(&text.join("\n"));
            // On screen the report says it at its top; into a pipe or a file, say it here.
            if !app.printer.stdout_is_terminal() {
                app.printer.info(ReportText::SendIt.text());
            }
        }
    }
    Ok(ExitStatus::Success)
}

/// What the Markdown shows besides the JSON: each profile as `status` shows it (by profile
/// name), and the back office's orders page, where an order is found by its id.
pub struct Shown<'a> {
    pub status: &'a BTreeMap<String, String>,
    pub orders_url: &'a str,
}

/// The report as JSON (the tool, the system, the store, each profile, the last failures),
/// and each profile as `status` shows it, in the person's language.
async fn gather(app: &Ctx, offline: bool) -> anyhow::Result<(Value, BTreeMap<String, String>)> {
    // A run on a named profile reports that one; otherwise every profile of the machine.
    let names = if app.profile == "default" { app.profiles.list()? } else { vec![app.profile.clone()] };
    let (mut profiles, mut shown) = (Vec::new(), BTreeMap::new());
    // As `status --all-profiles` checks them: side by side, one Zelty call per key.
    for entry in fleet::check_all(app, &names, offline).await? {
        let entry = match entry {
            Entry::Checked(report) => {
                shown.insert(report.profile.clone(), report.render(app.printer.lang()));
                let mut value = serde_json::to_value(&report).unwrap_or_default();
                // What `status` says to do about the app (`linked`: which row to check) is
                // prose there, outside `status --json`'s keys; support needs it here too.
                if let (Some(hint), Some(bridge)) = (&report.bridge_app.hint, value["bridge_app"].as_object_mut()) {
                    bridge.insert("hint".into(), json!(hint));
                }
                value
            }
            // Removed since it was listed.
            Entry::Unreadable { status: ExitStatus::NotConnected, .. } => continue,
            Entry::Unreadable { profile, problem, .. } => json!({ "profile": profile, "unreadable": problem.message }),
        };
        profiles.push(without_secrets(entry));
    }
    let errors = errlog::last(&errlog::log_path(&app.settings.config_dir), ERRORS);
    Ok((
        json!({
            "tool": { "name": "zelty-bridge", "version": env!("CARGO_PKG_VERSION") },
            "system": { "os": std::env::consts::OS, "arch": std::env::consts::ARCH, "family": std::env::consts::FAMILY },
            "secret_store": app.settings.store.name(),
            "sandbox": app.settings.sandbox,
            "made_at": crate::clock::rfc3339(app.clock.now()),
            "profiles": profiles,
            "errors": errors,
        }),
        shown,
    ))
}

/// `value` without any field named as a secret, at any depth.
fn without_secrets(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(k, _)| !SECRET_FIELDS.contains(&k.as_str()))
                .map(|(k, v)| (k, without_secrets(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_secrets).collect()),
        other => other,
    }
}

/// The report as Markdown, in the person's language: each profile as `status` shows it, the
/// orders to look at in the back office (stuck, rejected) with their ids and the page where
/// they are, then every field of the JSON as nested lists, for support.
pub fn markdown(value: &Value, shown: &Shown, lang: Lang) -> String {
    let t = |m: ReportText| m.render(lang);
    let mut out = format!("# {}\n\n{}\n\n", t(ReportText::Title), t(ReportText::SendIt));
    let s = |v: &Value| v.as_str().unwrap_or("—").to_string();
    // French puts a space before the colon.
    let colon = if lang == Lang::Fr { " :" } else { ":" };
    let field = |m: ReportText, v: String| format!("- {}{colon} {v}\n", t(m));
    out.push_str(&field(ReportText::Tool, format!("zelty-bridge {}", s(&value["tool"]["version"]))));
    out.push_str(&field(ReportText::System, format!("{} {}", s(&value["system"]["os"]), s(&value["system"]["arch"]))));
    out.push_str(&field(ReportText::Store, s(&value["secret_store"])));
    out.push_str(&field(ReportText::Made, crate::localtime::human(&s(&value["made_at"]), lang)));
    if value["sandbox"] == true {
        out.push_str(&format!("- {}\n", t(ReportText::Sandbox)));
    }
    let profiles = value["profiles"].as_array().cloned().unwrap_or_default();
    if profiles.is_empty() {
        out.push_str(&format!("\n{}\n", t(ReportText::NoProfiles)));
    }
    for profile in &profiles {
        out.push_str(&format!(
            "\n## {}\n\n",
            ReportText::Profile.with("name", format!("`{}`", s(&profile["profile"]))).render(lang)
        ));
        if let Some(message) = profile["unreadable"].as_str() {
            out.push_str(&format!("{}\n", ReportText::Unreadable.with("message", message).render(lang)));
            continue;
        }
        if let Some(status) = shown.status.get(&s(&profile["profile"])) {
            out.push_str(&format!("```text\n{status}\n```\n"));
        }
        orders(&mut out, &profile["bridge_app"], shown.orders_url, lang);
        out.push_str(&format!("\n### {}\n\n", t(ReportText::Details)));
        let mut fields = profile.as_object().cloned().unwrap_or_default();
        fields.remove("profile");
        list(&mut out, &fields, 0);
    }
    out.push_str(&format!("\n## {}\n\n", t(ReportText::Errors)));
    let errors = value["errors"].as_array().cloned().unwrap_or_default();
    if errors.is_empty() {
        out.push_str(&format!("{}\n", t(ReportText::NoErrors)));
    } else {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|\n",
            t(ReportText::ColTime),
            t(ReportText::ColCommand),
            t(ReportText::ColProfile),
            t(ReportText::ColCode),
            t(ReportText::ColMessage)
        ));
        for e in errors.iter().rev() {
            let sandbox = if e["sandbox"] == true { " --sandbox" } else { "" };
            out.push_str(&format!(
                "| {} | {}{sandbox} | {} | {} (exit {}) | {} |\n",
                crate::localtime::human(&s(&e["time"]), lang),
                s(&e["command"]),
                s(&e["profile"]),
                s(&e["code"]),
                e["exit"],
                s(&e["message"]).replace('|', "\\|")
            ));
        }
    }
    out
}

/// The orders of other apps that wait or were rejected, each with its id, its app and its
/// time, and the back-office page where they are found; nothing when there are none.
fn orders(out: &mut String, bridge: &Value, orders_url: &str, lang: Lang) {
    let none = Vec::new();
    let (stuck, rejected) =
        (bridge["stuck"].as_array().unwrap_or(&none), bridge["rejected"].as_array().unwrap_or(&none));
    if stuck.is_empty() && rejected.is_empty() {
        return;
    }
    out.push_str(&format!("\n### {}\n\n", ReportText::Orders.render(lang)));
    out.push_str(&format!("{}\n\n", ReportText::OrdersPage.with("url", orders_url).render(lang)));
    let s = |v: &Value| v.as_str().unwrap_or("—").to_string();
    for (kind, list) in [(ReportText::StuckOrder, stuck), (ReportText::RejectedOrder, rejected)] {
        for order in list {
            let line = kind
                .with("id", format!("`{}`", s(&order["id"])))
                .with("app", s(&order["created_by"]))
                .with("at", crate::localtime::human(&s(&order["created_at"]), lang));
            out.push_str(&format!("- {}\n", line.render(lang)));
        }
    }
}

/// An object's fields as a Markdown list, nested objects and lists indented under them.
fn list(out: &mut String, fields: &Map<String, Value>, depth: usize) {
    let pad = "  ".repeat(depth);
    for (key, value) in fields {
        match value {
            Value::Null => {}
            Value::Object(inner) => {
                out.push_str(&format!("{pad}- {key}:\n"));
                list(out, inner, depth + 1);
            }
            Value::Array(items) if items.is_empty() => {}
            Value::Array(items) => {
                out.push_str(&format!("{pad}- {key}:\n"));
                for item in items {
                    match item {
                        Value::Object(inner) => {
                            // An item (an order) on one line: its fields side by side.
                            let one: Vec<String> = inner
                                .iter()
                                .filter(|(_, v)| !v.is_null())
                                .map(|(k, v)| format!("{k}: {}", scalar(v)))
                                .collect();
                            out.push_str(&format!("{pad}  - {}\n", one.join(", ")));
                        }
                        other => out.push_str(&format!("{pad}  - {}\n", scalar(other))),
                    }
                }
            }
            other => out.push_str(&format!("{pad}- {key}: {}\n", scalar(other))),
        }
    }
}

fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_field_is_left_out_at_any_depth() {
        let value =
            json!({ "a": { "secret_key": "x", "b": [{ "client_secret": "y", "c": 1 }] }, "api_key": "abcd…wxyz" });
        let clean = without_secrets(value);
        assert_eq!(clean, json!({ "a": { "b": [{ "c": 1 }] }, "api_key": "abcd…wxyz" }));
    }

    #[test]
    fn the_markdown_lists_every_field_in_the_persons_language() {
        let value = json!({
            "tool": { "version": "0.1.0" },
            "system": { "os": "linux", "arch": "x86_64" },
            "secret_store": "keyring",
            "made_at": "2026-12-02T13:05:00Z",
            "sandbox": false,
            "profiles": [{ "profile": "lyon", "zelty": { "state": "ok", "api_key": "MTIz…NDU2" }, "bridge_app": { "state": "stalled", "stuck": [{ "id": "o1", "created_at": "2026-12-02T13:00:00Z", "created_by": "Uber Eats" }], "rejected": [] } }],
            "errors": [{ "time": "t", "command": "connect", "profile": "lyon", "sandbox": true, "code": "zelty_key_rejected", "exit": 3, "message": "a | b" }],
        });
        let status = BTreeMap::from([("lyon".to_string(), "Profil lyon\n  Zelty Bridge  ✗ à l'arrêt".to_string())]);
        let shown = Shown { status: &status, orders_url: "https://manager.hubrise.com/orders?locale=fr-FR" };
        let fr = markdown(&value, &shown, Lang::Fr);
        assert!(fr.contains("# Rapport de support zelty-bridge"), "{fr}");
        assert!(fr.contains("support@zelty.com"), "{fr}");
        assert!(fr.contains("## Profil `lyon`"), "{fr}");
        assert!(fr.contains("  - api_key: MTIz…NDU2"), "{fr}");
        assert!(fr.contains("    - created_at: 2026-12-02T13:00:00Z, created_by: Uber Eats, id: o1\n"), "{fr}");
        // As `status` shows it, then the orders with the page where they are.
        assert!(fr.contains("```text\nProfil lyon\n  Zelty Bridge  ✗ à l'arrêt\n```"), "{fr}");
        assert!(fr.contains("https://manager.hubrise.com/orders?locale=fr-FR"), "{fr}");
        assert!(fr.contains("- toujours « nouvelle » : `o1` (Uber Eats, "), "{fr}");
        let en = markdown(&value, &shown, Lang::En);
        assert!(en.contains("- still « new »: `o1` (Uber Eats, "), "{en}");
        assert!(fr.contains("| connect --sandbox | lyon | zelty_key_rejected (exit 3) | a \\| b |"), "{fr}");
    }
}
