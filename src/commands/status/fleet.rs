//! `status --all-profiles`: a fleet's lines as one table that fits the terminal, or one
//! JSON object with the orphaned secrets.

use crate::ctx::Ctx;
use crate::error::ExitStatus;
use crate::i18n::{Bridge, FleetTable, Lang, Msg};
use crate::layout::{self, Give};
use crate::ops::fleet::{self, Entry};
use crate::ops::report::StatusReport;
use crate::ops::report::{bridge_label, part_label};
use crate::ops::state::PartState;
use serde_json::{Value, json};

/// `status --all-profiles`: the lines in profile order, then the exit code.
pub async fn run(app: &Ctx, offline: bool) -> anyhow::Result<ExitStatus> {
    let names = app.profiles.list()?;
    let lines = fleet::check_all(app, &names, offline).await?;
    let status = ExitStatus::worst(lines.iter().map(Entry::exit_status));
    // Secrets left without their profile file: each said as a warning, listed in the JSON.
    let orphans = crate::commands::steps::orphans::report(app).await;
    if app.printer.is_json() {
        let profiles: Vec<Value> = lines.iter().map(Entry::to_json).collect();
        app.printer.json(&json!({ "profiles": profiles, "orphans": orphans }));
    } else if lines.is_empty() {
        app.printer.result(&app.printer.t(&Msg::NoProfiles.text()));
    } else {
        app.printer.result(&table(&lines, app.printer.lang(), app.printer.out_width()));
    }
    Ok(status)
}

/// One line per profile: restaurant, location, the three parts' states and what to do,
/// narrowed to `width` (the restaurant id goes first, then names are cut and what to do
/// moves under its row).
pub fn table(lines: &[Entry], lang: Lang, width: Option<usize>) -> String {
    let t = |m: FleetTable| m.render(lang);
    let mut rows: Vec<[String; 7]> = vec![[
        t(FleetTable::ColProfile),
        t(FleetTable::ColRestaurant),
        t(FleetTable::ColLocation),
        t(FleetTable::ColZelty),
        t(FleetTable::ColApp),
        t(FleetTable::ColWatch),
        t(FleetTable::ColToDo),
    ]];
    let mut fine = 0;
    // A locked keyring is one fact for the whole run: said once, under the table.
    let mut locked = false;
    for line in lines {
        rows.push(match line {
            Entry::Checked(r) => {
                // A locked keyring is said once, under the table; the row points there.
                let todo = if is_locked(r) {
                    locked = true;
                    Some(t(FleetTable::UnlockBelow))
                } else {
                    [&r.zelty.problem, &r.hubrise.problem]
                        .into_iter()
                        .flatten()
                        .find_map(|p| p.hint.clone().or_else(|| Some(p.message.clone())))
                        .or_else(|| r.bridge_app.hint.clone())
                };
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
            Entry::Unreadable { profile, problem, .. } => [
                profile.clone(),
                "—".into(),
                "—".into(),
                t(FleetTable::Unreadable),
                t(FleetTable::Unreadable),
                t(FleetTable::Unreadable),
                problem.hint.clone().unwrap_or_else(|| problem.message.clone()),
            ],
        });
    }
    let mut rows: Vec<Vec<String>> = rows.into_iter().map(Vec::from).collect();
    // Too wide for the terminal: the restaurant's Zelty id goes first (`status` shows it).
    let natural =
        (0..7).map(|c| rows.iter().map(|r| textwrap::core::display_width(&r[c])).max().unwrap_or(0) + 2).sum::<usize>();
    if width.is_some_and(|w| natural > w) {
        for (row, line) in rows.iter_mut().skip(1).zip(lines) {
            if let Entry::Checked(r) = line {
                row[1] = r.zelty.restaurant_name.clone();
            }
        }
    }
    let (cut, keep) = (Give::Truncate, Give::Keep);
    let mut out = layout::table(&rows, &[cut, cut, cut, keep, keep, keep, Give::Below], width);
    out.push(FleetTable::Summary.with("ok", fine).with("total", lines.len()).render(lang));
    if locked {
        out.push(format!("! {}", Msg::KeyringLockedFleet.render(lang)));
        out.push(format!("  {} {}", Bridge::HintLabel.render(lang), Msg::KeyringLockedFleetHint.render(lang)));
    }
    out.join("\n")
}

/// A profile whose secrets are behind a locked keyring.
fn is_locked(r: &StatusReport) -> bool {
    r.zelty.state == PartState::Locked || r.hubrise.state == PartState::Locked
}
