//! `status --all-profiles`: a fleet's lines as one table that fits the terminal, or one
//! JSON object with the orphaned secrets.

use crate::app::App;
use crate::error::ExitStatus;
use crate::i18n::{Fleet, Lang, Msg};
use crate::ops::fleet::{self, Line};
use crate::ops::report::{bridge_label, part_label};
use serde_json::{Value, json};

/// `status --all-profiles`: the lines in profile order, then the exit code.
pub async fn run(app: &App, offline: bool) -> anyhow::Result<ExitStatus> {
    let names = app.profiles.list()?;
    let lines = fleet::check_all(app, &names, offline).await?;
    let status = ExitStatus::worst(lines.iter().map(Line::exit_status));
    // Secrets left without their profile file: each said as a warning, listed in the JSON.
    let orphans = crate::commands::steps::orphans::report(app).await;
    if app.printer.is_json() {
        let profiles: Vec<Value> = lines.iter().map(Line::to_json).collect();
        app.printer.json(&json!({ "profiles": profiles, "orphans": orphans }));
    } else if lines.is_empty() {
        app.printer.result(&app.printer.t(&Msg::NoProfiles.text()));
    } else {
        app.printer.result(&table(&lines, app.printer.lang()));
    }
    Ok(status)
}

/// One line per profile: restaurant, location, the three parts' states and what to do.
pub fn table(lines: &[Line], lang: Lang) -> String {
    let t = |m: Fleet| m.render(lang);
    let mut rows: Vec<[String; 7]> = vec![[
        t(Fleet::ColProfile),
        t(Fleet::ColRestaurant),
        t(Fleet::ColLocation),
        t(Fleet::ColZelty),
        t(Fleet::ColApp),
        t(Fleet::ColWatch),
        t(Fleet::ColToDo),
    ]];
    let mut fine = 0;
    for line in lines {
        rows.push(match line {
            Line::Checked(r) => {
                let todo = [&r.zelty.problem, &r.hubrise.problem]
                    .into_iter()
                    .flatten()
                    .find_map(|p| p.hint.clone().or_else(|| Some(p.message.clone())))
                    .or_else(|| r.bridge_app.hint.clone());
                fine += usize::from(todo.is_none() && r.exit_status().is_success());
                [
                    r.profile.clone(),
                    format!("{} ({})", r.zelty.restaurant_name, r.zelty.restaurant_id),
                    r.hubrise.location_name.clone().or_else(|| r.hubrise.location_id.clone()).unwrap_or("—".into()),
                    part_label(r.zelty.state, lang),
                    bridge_label(r.bridge_app.state, lang),
                    part_label(r.hubrise.state, lang),
                    todo.unwrap_or_else(|| "—".into()),
                ]
            }
            Line::Unreadable { profile, problem, .. } => [
                profile.clone(),
                "—".into(),
                "—".into(),
                t(Fleet::Unreadable),
                t(Fleet::Unreadable),
                t(Fleet::Unreadable),
                problem.hint.clone().unwrap_or_else(|| problem.message.clone()),
            ],
        });
    }
    let widths: Vec<usize> = (0..7).map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0)).collect();
    let mut out: Vec<String> = rows
        .iter()
        .map(|row| {
            let cells: Vec<String> = row
                .iter()
                .zip(&widths)
                .map(|(cell, w)| format!("{cell}{}", " ".repeat(w - cell.chars().count())))
                .collect();
            cells.join("  ").trim_end().to_string()
        })
        .collect();
    out.push(Fleet::Summary.with("ok", fine).with("total", lines.len()).render(lang));
    out.join("\n")
}
