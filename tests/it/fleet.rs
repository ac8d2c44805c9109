//! A fleet: a chain's twenty restaurants on one Zelty group key and one HubRise account
//! token, provisioned with the services' limits enforced, then checked together.

use crate::support::*;
use serde_json::{Value, json};
use std::process::Command;

/// The sandbox's chain: `(restaurant id, location id)` for each of its restaurants.
struct Chain {
    sb: Sandbox,
    group_key: String,
    pairs: Vec<(i64, String)>,
}

impl Chain {
    fn start() -> Chain {
        let sb = Sandbox::start(&["--restaurants", "20", "--locations", "20", "--rate-limits"]);
        let group_key = sb.json["group_key"].as_str().expect("the sandbox's group key").to_string();
        let ids: Vec<i64> = sb.keys().into_iter().map(|(id, _)| id).filter(|id| *id != 12345).collect();
        let locations = sb.json["locations"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap().to_string());
        let pairs: Vec<(i64, String)> = ids.into_iter().zip(locations).collect();
        assert_eq!(pairs.len(), 20);
        Chain { sb, group_key, pairs }
    }

    /// `provision` of the whole chain: one key variable, one account token, each entry
    /// naming its restaurant and its location.
    fn provision(&self, home: &Home, args: &[&str]) -> Command {
        let mut text = String::from("hubrise_account_token_env = \"HUBRISE_ACCOUNT_TOKEN\"\n");
        for (i, (id, location)) in self.pairs.iter().enumerate() {
            text.push_str(&format!(
                "[[restaurant]]\nprofile = \"shop-{i:02}\"\nzelty_api_key_env = \"CHAIN_KEY\"\nrestaurant_id = {id}\nlocation_id = \"{location}\"\n"
            ));
        }
        let path = home.path().join("chain.toml");
        std::fs::write(&path, text).unwrap();
        let mut cmd = home.cmd(&self.sb);
        cmd.arg("provision")
            .arg(&path)
            .args(args)
            .env("CHAIN_KEY", &self.group_key)
            .env("HUBRISE_ACCOUNT_TOKEN", self.sb.mint_token(json!({ "account": true })));
        cmd
    }

    fn requests_since(&self, before: usize) -> Vec<Value> {
        self.sb.requests().into_iter().skip(before).collect()
    }
}

#[test]
fn a_chain_on_one_key_and_one_account_token_connects_without_a_429() {
    let chain = Chain::start();
    let home = Home::new();
    let before = chain.sb.requests().len();
    let out = run(chain.provision(&home, &["--json"]));
    out.expect(0);
    let report = out.json();
    assert_eq!((report["summary"]["connected"].as_u64(), report["summary"]["failed"].as_u64()), (Some(20), Some(0)));
    for (i, (id, location)) in chain.pairs.iter().enumerate() {
        let line = report["restaurants"].as_array().unwrap().iter().find(|r| r["profile"] == format!("shop-{i:02}"));
        let line = line.unwrap_or_else(|| panic!("shop-{i:02} in {report}"));
        assert_eq!(
            (line["restaurant_id"].as_i64(), line["location_id"].as_str()),
            (Some(*id), Some(location.as_str()))
        );
        let stored = std::fs::read_to_string(home.config_dir().join(format!("profiles/shop-{i:02}.toml"))).unwrap();
        assert!(stored.contains(&format!("restaurant_id = {id}")) && stored.contains(location.as_str()), "{stored}");
    }
    let requests = chain.requests_since(before);
    let zelty: Vec<&Value> = requests.iter().filter(|r| r["service"] == "zelty").collect();
    assert_eq!(zelty.len(), 1, "one GET /restaurants for the one key: {zelty:?}");
    assert!(requests.iter().all(|r| r["status"] != 429), "{requests:?}");
}

#[test]
fn the_chain_is_checked_on_one_zelty_call_and_each_profile_keeps_its_restaurant_and_location() {
    let chain = Chain::start();
    let home = Home::new();
    run(chain.provision(&home, &["--json"])).expect(0);
    // Zelty counts requests per second: start the check in a second of its own, by moving
    // the sandbox's clock on rather than waiting for the next one.
    let (status, moved) = chain.sb.admin("POST", "/_sandbox/clock", Some(&serde_json::json!({"advance_secs": 1})));
    assert_eq!(status, 200, "{moved}");
    let before = chain.sb.requests().len();
    let mut status = home.cmd(&chain.sb);
    status.args(["status", "--all-profiles", "--json"]);
    let out = run(status);
    let profiles = out.json()["profiles"].as_array().cloned().unwrap_or_default();
    assert_eq!(profiles.len(), 20, "{}", out.stdout);
    for (i, (p, (id, location))) in profiles.iter().zip(&chain.pairs).enumerate() {
        assert_eq!(p["profile"], format!("shop-{i:02}"), "profile order");
        assert_eq!((p["zelty"]["state"].as_str(), p["hubrise"]["state"].as_str()), (Some("ok"), Some("ok")), "{p}");
        assert_eq!(
            (p["zelty"]["restaurant_id"].as_i64(), p["hubrise"]["location_id"].as_str()),
            (Some(*id), Some(location.as_str()))
        );
    }
    // Only the app's state may keep the exit code from 0 (a step for a person, 6).
    assert!([0, 6].contains(&out.code), "{}", out.code);
    let requests = chain.requests_since(before);
    // One key, asked twice in all: which restaurants it sees (the profile's must be among
    // them, as `status` of one profile checks) and where its webhooks go.
    let mut zelty: Vec<&str> = requests
        .iter()
        .filter(|r| r["service"] == "zelty" && r["status"] == 200)
        .filter_map(|r| r["path"].as_str())
        .collect();
    zelty.sort();
    assert_eq!(zelty, ["/2.10/restaurants", "/2.10/webhooks"], "one question of each for the one key: {requests:?}");
    assert!(requests.iter().all(|r| r["status"] != 429), "{requests:?}");
    // The account token lists its account's orders once, not each location's (a
    // high-load call: 10 a minute).
    let listings: Vec<&str> =
        requests.iter().filter_map(|r| r["path"].as_str()).filter(|p| p.ends_with("/orders")).collect();
    assert_eq!(listings, ["/v1/accounts/3r4s3/orders"], "{requests:?}");
}

#[test]
fn a_corrupt_profile_is_reported_among_good_ones_and_does_not_stop_them() {
    let sb = Sandbox::start(&["--restaurants", "2", "--locations", "2"]);
    let home = Home::new();
    let keys: Vec<String> = sb.keys().into_iter().filter(|(id, _)| *id != 12345).map(|(_, k)| k).collect();
    let locations: Vec<String> =
        sb.json["locations"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap().to_string()).collect();
    let mut text = String::new();
    let mut cmd = home.cmd(&sb);
    for (i, profile) in ["a-good", "c-good"].iter().enumerate() {
        text.push_str(&format!(
            "[[restaurant]]\nprofile = \"{profile}\"\nzelty_api_key_env = \"K{i}\"\nhubrise_access_token_env = \"T{i}\"\n"
        ));
        cmd.env(format!("K{i}"), &keys[i]).env(format!("T{i}"), sb.mint_token(json!({ "location_id": locations[i] })));
    }
    std::fs::write(home.path().join("m.toml"), text).unwrap();
    cmd.arg("provision").arg(home.path().join("m.toml"));
    run(cmd).expect(0);
    let profiles = home.config_dir().join("profiles");
    std::fs::write(profiles.join("b-broken.toml"), "version = [this is not a profile").unwrap();

    let mut status = home.cmd(&sb);
    status.args(["status", "--all-profiles", "--json"]);
    let out = run(status);
    let all = out.json()["profiles"].as_array().cloned().unwrap_or_default();
    let names: Vec<&str> = all.iter().map(|p| p["profile"].as_str().unwrap()).collect();
    assert_eq!(names, ["a-good", "b-broken", "c-good"], "{}", out.stdout);
    assert_eq!(all[1]["error"]["code"], "profile_corrupt", "{}", all[1]);
    assert!(all[1]["error"]["hint"].as_str().is_some_and(|h| !h.is_empty()));
    for good in [&all[0], &all[2]] {
        assert_eq!(
            (good["zelty"]["state"].as_str(), good["hubrise"]["state"].as_str()),
            (Some("ok"), Some("ok")),
            "{good}"
        );
    }
    assert_ne!(out.code, 0, "a broken profile is not a clean bill of health");

    // The table: one line per profile, the broken one said so.
    let mut human = home.cmd(&sb);
    human.args(["status", "--all-profiles"]);
    let out = run(human);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(lines.iter().any(|l| l.starts_with("b-broken") && l.contains("unreadable")), "{}", out.stdout);
    assert!(lines.iter().any(|l| l.starts_with("a-good") && l.contains("Paris")), "{}", out.stdout);
    assert!(lines.iter().any(|l| l.starts_with("c-good") && l.contains("Lyon")), "{}", out.stdout);
}

/// The keyring store keeps the item attributes `keyring` 3 searches on, plus the config's
/// scope: what earlier versions stored is what it reads (adopted), and a rewrite replaces
/// the item instead of adding a second one.
#[cfg(not(any(target_os = "macos", target_os = "windows")))]
#[test]
fn keyring_items_keep_their_attributes_are_read_as_stored_and_replaced_in_place() {
    let Some(session) = crate::keyring::KeyringSession::start(false) else { return };
    let sb = Sandbox::start(&[]);
    let secret_tool = |args: &[&str], input: Option<&str>| {
        let mut cmd = Command::new("secret-tool");
        cmd.args(args)
            .env("DBUS_SESSION_BUS_ADDRESS", &session.bus)
            .env("HOME", session.home.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        if let Some(text) = input {
            std::io::Write::write_all(&mut child.stdin.take().unwrap(), text.as_bytes()).unwrap();
        }
        drop(child.stdin.take());
        // `search` prints each item's path on stdout and its attributes on stderr.
        let out = child.wait_with_output().unwrap();
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
    };
    let items = || {
        let found =
            secret_tool(&["search", "--all", "service", "zelty-bridge", "username", "default:zelty-api-key"], None);
        (found.matches("attribute.username").count(), found)
    };
    let connect = |force: bool| {
        let mut cmd = session.cmd(&sb);
        cmd.args(["connect", "--json"]).env("ZELTY_API_KEY", sb.demo_key());
        if force {
            cmd.arg("--force");
        }
        run(cmd).expect(0);
    };
    connect(false);
    let (count, found) = items();
    assert_eq!(count, 1, "{found}");
    assert!(
        found.contains("attribute.target = default") && found.contains("attribute.zelty-bridge-config = "),
        "{found}"
    );

    // Written the way `keyring` 3 writes it, by another program or an earlier version, in
    // place of ours: that is what status reads (and adopts).
    let legacy = "MTIzNDU6bGVnYWN5LWtleS1mcm9tLWtleXJpbmctMw==";
    secret_tool(&["clear", "service", "zelty-bridge", "username", "default:zelty-api-key"], None);
    secret_tool(
        &[
            "store",
            "--label=legacy",
            "service",
            "zelty-bridge",
            "username",
            "default:zelty-api-key",
            "target",
            "default",
            "application",
            "rust-keyring",
        ],
        Some(legacy),
    );
    let mut status = session.cmd(&sb);
    status.args(["status", "--offline", "--json"]);
    let status = run(status);
    assert_eq!(status.json()["zelty"]["api_key"], "MTIz…Mw==", "{}", status.stdout);

    connect(true);
    assert_eq!(items().0, 1, "rewritten in place: {}", items().1);
    assert_eq!(session.lookup("zelty-bridge", "default:zelty-api-key").as_deref(), Some(sb.demo_key().as_str()));
}
