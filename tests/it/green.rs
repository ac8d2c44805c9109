//! A green you can trust: `status` is `active` exactly when the location's orders reach the
//! till as far as HubRise shows it. Against the sandbox's order flow: orders of other apps
//! arrive on a location; Zelty Bridge, connected there and not blocked, writes `accepted` on
//! them within seconds; blocked, on another location or absent, they stay `new`. Also: a
//! chain's account token outlives one restaurant's `disconnect`, a refused token is never
//! `up_to_date`, and a run cut short leaves no live connection behind.

use crate::support::*;
use serde_json::{Value, json};
use std::process::Command;
use std::time::{Duration, Instant};

const PARIS: &str = "3r4s3-0";
const LYON: &str = "3r4s3-1";

/// Plays a person on the back office with the browser stand-in, from a clean environment
/// as the CLI launches it: Zelty Bridge connected with `key` on `location`, or an action
/// (`block-bridge`, `disconnect-bridge`) on its row there.
fn back_office(sb: &Sandbox, home: &Home, location: &str, key: &str, action: Option<&str>) {
    let key_file = home.key_file(key);
    let mut args = vec!["--foreground", "--location", location, "--zelty-key-file", key_file.to_str().unwrap()];
    if let Some(action) = action {
        args.extend(["--action", action]);
    }
    run_standin(&args, &sb.connections_url());
}

/// An order of another app on `location`, created `minutes_ago`.
fn order(sb: &Sandbox, location: &str, minutes_ago: u64) -> Value {
    let (status, body) = sb.admin(
        "POST",
        "/_sandbox/orders",
        Some(&json!({ "location_id": location, "created_by": "Uber Eats", "minutes_ago": minutes_ago })),
    );
    assert_eq!(status, 200, "{body}");
    body
}

fn advance(sb: &Sandbox, secs: u64) {
    let (status, body) = sb.admin("POST", "/_sandbox/clock", Some(&json!({ "advance_secs": secs })));
    assert_eq!(status, 200, "{body}");
}

/// `connect` on `location` without a person: the key from the environment, the watch
/// approved by the stand-in on that location.
fn connect(sb: &Sandbox, home: &Home, profile: &str, location: &str) {
    let mut cmd = home.cmd(sb);
    cmd.args(["--profile", profile, "connect", "--json"])
        .env("ZELTY_API_KEY", sb.demo_key())
        .env("BROWSER_STANDIN_LOCATION", location);
    run(cmd).expect(0);
}

fn status(sb: &Sandbox, home: &Home, profile: &str) -> Output {
    let mut cmd = home.cmd(sb);
    cmd.args(["--profile", profile, "status", "--json"]);
    run(cmd)
}

fn state(out: &Output) -> String {
    out.json()["bridge_app"]["state"].as_str().unwrap_or_default().to_string()
}

#[test]
fn zelty_bridge_on_another_location_is_never_active() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    connect(&sb, &home, "paris", PARIS);
    // The person connected Zelty Bridge on Lyon, where the wizard named Paris.
    back_office(&sb, &home, LYON, &sb.demo_key(), None);
    let before = status(&sb, &home, "paris");
    assert_ne!(state(&before), "active", "{}", before.stdout);
    // An order on Paris waits: Zelty Bridge is not there.
    order(&sb, PARIS, 0);
    advance(&sb, 15 * 60);
    let out = status(&sb, &home, "paris");
    out.expect(6);
    let b = &out.json()["bridge_app"];
    assert_eq!((b["state"].as_str(), b["stuck_orders"].as_u64()), (Some("stalled"), Some(1)), "{b}");
    assert!(out.stderr.is_empty() || !out.stderr.contains("active"), "{}", out.stderr);
    // The same facts through the fleet: the same verdict.
    let mut fleet = home.cmd(&sb);
    fleet.args(["status", "--all-profiles", "--json"]);
    let fleet = run(fleet);
    assert_eq!(fleet.json()["profiles"][0]["bridge_app"]["state"], "stalled", "{}", fleet.stdout);
    assert_eq!(fleet.code, 6);
}

#[test]
fn at_work_then_blocked_turns_stalled_once_an_order_arrives() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    connect(&sb, &home, "paris", PARIS);
    back_office(&sb, &home, PARIS, &sb.demo_key(), None);
    order(&sb, PARIS, 0);
    advance(&sb, 60);
    // « Recevoir les commandes de Zelty » is off by default: no order is created by the
    // app, and the orders it handled are the proof.
    let out = status(&sb, &home, "paris");
    out.expect(0);
    let b = &out.json()["bridge_app"];
    assert_eq!(b["state"], "active", "{b}");
    assert!(b["last_order_at"].is_null() && b["last_handled_at"].is_string(), "{b}");

    back_office(&sb, &home, PARIS, &sb.demo_key(), Some("block-bridge"));
    order(&sb, PARIS, 0);
    advance(&sb, 15 * 60);
    let out = status(&sb, &home, "paris");
    out.expect(6);
    assert_eq!(state(&out), "stalled", "{}", out.stdout);
    // People are told where to look.
    let mut human = home.cmd(&sb);
    human.args(["--profile", "paris", "status"]);
    let human = run(human);
    assert!(human.stdout.contains("Dernières opérations") && human.stdout.contains("blocked"), "{}", human.stdout);

    // The support report names the waiting order and the back-office page where it is;
    // the page lists it, still « new ».
    let stuck = out.json()["bridge_app"]["stuck"][0]["id"].as_str().expect("a stuck order").to_string();
    let mut report = home.cmd(&sb);
    report.args(["--lang", "fr", "--profile", "paris", "report"]);
    let report = run(report);
    report.expect(0);
    let page = sb.connections_url().replacen("/connections", "/orders", 1) + "?locale=fr-FR";
    assert!(report.stdout.contains(&format!("toujours « nouvelle » : `{stuck}` (")), "{}", report.stdout);
    assert!(report.stdout.contains(&page), "{page} in\n{}", report.stdout);
    assert!(report.stdout.contains("```text\nProfil paris"), "{}", report.stdout);
    let (code, html) = http("GET", &page, None);
    assert_eq!(code, 200);
    let html = html.as_str().unwrap_or_default().to_string();
    let row = html.split(&format!("<tr id=\"order-{stuck}\">")).nth(1).expect("the order's row");
    assert!(row.split("</tr>").next().unwrap_or_default().contains("<td>new</td>"), "{html}");
}

#[test]
fn the_key_s_webhooks_alone_say_linked_never_active() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    // Without the watch, no order of the location can be read: the key's webhooks are the
    // only sign, and they say nothing of a location.
    let mut cmd = home.cmd(&sb);
    cmd.args(["connect", "--no-watch", "--json"]).env("ZELTY_API_KEY", sb.demo_key());
    run(cmd).expect(0);
    let before = status(&sb, &home, "default");
    before.expect(6);
    assert_eq!(before.json()["hubrise"]["state"], "not_used", "{}", before.stdout);
    back_office(&sb, &home, PARIS, &sb.demo_key(), None);
    let out = status(&sb, &home, "default");
    out.expect(0);
    assert_eq!(state(&out), "linked", "{}", out.stdout);
}

/// `linked` on a location whose Zelty Bridge was connected on another one: exit 0 by the
/// contract, but never read as a green. Every place it is shown names the profile's own
/// location and the row to check, in both languages, and never says "nothing to do".
#[test]
fn linked_names_the_location_to_check_never_nothing_to_do() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    // Zelty Bridge on Lyon first: `connect` on Paris sees only the key's webhooks.
    back_office(&sb, &home, LYON, &sb.demo_key(), None);
    let mut cmd = home.cmd(&sb);
    cmd.args(["--lang", "fr", "--profile", "paris", "connect"])
        .env("ZELTY_API_KEY", sb.demo_key())
        .env("BROWSER_STANDIN_LOCATION", PARIS);
    let connected = run(cmd);
    connected.expect(0);
    let out = status(&sb, &home, "paris");
    out.expect(0);
    assert_eq!(state(&out), "linked", "{}", out.stdout);
    let summary = format!("{}{}", connected.stdout, connected.stderr);
    assert!(summary.contains("doit nommer ce point de vente, « Paris »"), "{summary}");
    assert!(!summary.to_lowercase().contains("rien à faire"), "{summary}");
    // The name as the profile stores it.
    let stored = std::fs::read_to_string(home.config_dir().join("profiles/paris.toml")).unwrap();
    let location = stored
        .lines()
        .find_map(|l| l.strip_prefix("location_name = "))
        .map(|v| v.trim_matches('"').to_string())
        .unwrap_or_else(|| panic!("no location_name in:\n{stored}"));
    for (lang, row) in [("en", "must name this location, «"), ("fr", "doit nommer ce point de vente, «")] {
        for args in [vec!["--profile", "paris", "status"], vec!["status", "--all-profiles"], vec!["report"]] {
            let mut cmd = home.cmd(&sb);
            cmd.args(["--lang", lang]).args(&args);
            let out = run(cmd);
            out.expect(0);
            let text = format!("{}{}", out.stdout, out.stderr);
            assert!(text.contains(&format!("{row} {location} »")), "{lang} {args:?}:\n{text}");
            let lower = text.to_lowercase();
            assert!(!lower.contains("nothing to do") && !lower.contains("rien à faire"), "{lang} {args:?}:\n{text}");
        }
    }
}

#[test]
fn a_chain_on_one_account_token_survives_one_restaurant_s_disconnect() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let (_, account) = sb.tokens();
    let manifest = home.path().join("chain.toml");
    std::fs::write(
        &manifest,
        format!(
            "hubrise_account_token_env = \"ACCOUNT\"\n\
             [[restaurant]]\nprofile = \"paris\"\nzelty_api_key_env = \"KEY\"\nlocation_id = \"{PARIS}\"\n\
             [[restaurant]]\nprofile = \"lyon\"\nzelty_api_key_env = \"KEY\"\nlocation_id = \"{LYON}\"\n"
        ),
    )
    .unwrap();
    let provision = || {
        let mut cmd = home.cmd(&sb);
        cmd.args(["provision", manifest.to_str().unwrap(), "--json"])
            .env("ACCOUNT", &account)
            .env("KEY", sb.demo_key());
        run(cmd)
    };
    provision().expect(0);
    let mut disconnect = home.cmd(&sb);
    disconnect.args(["--profile", "lyon", "disconnect", "--yes", "--json"]);
    let out = run(disconnect);
    out.expect(0);
    assert_eq!(out.json()["revoked"], false, "{}", out.stdout);
    assert!(out.stderr.contains("not revoked"), "{}", out.stderr);
    // Zelty's « Désactiver » would stop Paris too: not offered.
    assert!(!out.stderr.contains("« Désactiver »") || out.stderr.contains("not offered"), "{}", out.stderr);
    let paris = status(&sb, &home, "paris");
    assert_eq!(paris.json()["hubrise"]["state"], "ok", "{}", paris.stdout);
    assert_eq!(sb.hubrise_get(&format!("/locations/{PARIS}"), &account).0, 200, "the account token lives");
    // A rerun reconnects Lyon and finds Paris up to date.
    let again = provision();
    again.expect(0);
    let outcomes: Vec<(String, String)> = again.json()["restaurants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["profile"].as_str().unwrap().into(), r["outcome"].as_str().unwrap().into()))
        .collect();
    assert_eq!(outcomes, [("paris".into(), "skipped".into()), ("lyon".into(), "connected".into())]);
}

#[test]
fn a_token_hubrise_refuses_is_never_up_to_date() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let (location, _) = sb.tokens();
    let manifest = home.path().join("one.toml");
    std::fs::write(
        &manifest,
        "[[restaurant]]\nprofile = \"paris\"\nzelty_api_key_env = \"KEY\"\nhubrise_access_token_env = \"TOKEN\"\n",
    )
    .unwrap();
    let provision = || {
        let mut cmd = home.cmd(&sb);
        cmd.args(["provision", manifest.to_str().unwrap(), "--json"]).env("TOKEN", &location).env("KEY", sb.demo_key());
        run(cmd)
    };
    provision().expect(0);
    sb.connection(&location, "revoke");
    let again = provision();
    again.expect(3);
    let line = &again.json()["restaurants"][0];
    assert_eq!(
        (line["outcome"].as_str(), line["code"].as_str()),
        (Some("failed"), Some("hubrise_token_revoked")),
        "{line}"
    );
}

/// The CLI's live connections on `location` in the sandbox.
fn live_connections(sb: &Sandbox, location: &str) -> usize {
    let (_, list) = sb.admin("GET", "/_sandbox/connections", None);
    list.as_array().unwrap().iter().filter(|c| c["target"]["location_id"] == location && c["state"] == "active").count()
}

#[test]
fn sigterm_after_the_token_exchange_leaves_no_live_connection_and_a_rerun_exactly_one() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    // The ready-made tokens of `zelty-bridge sandbox` are connections too: count from here.
    let base = live_connections(&sb, PARIS);
    // Step 3 hangs on Zelty's webhooks: the run holds its new token, not yet stored.
    sb.fault(json!({ "service": "zelty", "kind": "hang", "path": "/2.10/webhooks" }));
    let mut cmd = home.cmd(&sb);
    cmd.args(["connect", "--json"]).env("ZELTY_API_KEY", sb.demo_key());
    let child = spawn(cmd);
    let start = Instant::now();
    // Wait for the fact: the location verified with the new token.
    while !sb.requests().iter().any(|r| r["path"] == "/v1/location" && r["status"] == 200) {
        assert!(start.elapsed() < HANG_GUARD, "the location was never verified");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(live_connections(&sb, PARIS), base + 1);
    let status = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let out = wait_output(child);
    assert_eq!(out.code, 130, "{}", out.stderr);
    assert_eq!(live_connections(&sb, PARIS), base, "the unstored token was revoked:\n{}", out.stderr);
    assert!(home.stored().is_empty(), "{:?}", home.stored());

    sb.admin("DELETE", "/_sandbox/faults", None);
    let mut again = home.cmd(&sb);
    again.args(["connect", "--json"]).env("ZELTY_API_KEY", sb.demo_key());
    run(again).expect(0);
    assert_eq!(live_connections(&sb, PARIS), base + 1, "exactly one connection for the profile");
}
