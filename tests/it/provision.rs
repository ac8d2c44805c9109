//! `provision MANIFEST` against the sandbox: many restaurants in one run, bad entries
//! reported one by one while the rest connect, reruns that skip, and 429 storms survived.

use crate::support::*;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::Command;

/// A manifest written in a test's HOME, with the environment that fills its variables.
struct Manifest {
    path: PathBuf,
    env: Vec<(String, String)>,
    text: String,
}

impl Manifest {
    fn new(home: &Home) -> Manifest {
        Manifest { path: home.path().join("restaurants.toml"), env: Vec::new(), text: String::new() }
    }

    fn line(&mut self, line: &str) -> &mut Manifest {
        self.text.push_str(line);
        self.text.push('\n');
        self
    }

    fn var(&mut self, name: &str, value: &str) -> &mut Manifest {
        self.env.push((name.into(), value.into()));
        self
    }

    /// A restaurant with its own Zelty key variable and either the account token
    /// (`location_id`) or a token of its own for that location.
    fn restaurant(&mut self, sb: &Sandbox, profile: &str, key: &str, location: &str, own_token: bool) -> &mut Manifest {
        let key_var = format!("ZELTY_KEY_{}", profile.to_uppercase().replace('-', "_"));
        self.line("[[restaurant]]")
            .line(&format!("profile = \"{profile}\""))
            .line(&format!("zelty_api_key_env = \"{key_var}\""))
            .var(&key_var, key);
        if own_token {
            let token_var = format!("HUBRISE_TOKEN_{}", profile.to_uppercase().replace('-', "_"));
            let token = sb.mint_token(json!({ "location_id": location }));
            self.line(&format!("hubrise_access_token_env = \"{token_var}\"")).var(&token_var, &token)
        } else {
            self.line(&format!("location_id = \"{location}\""))
        }
    }

    fn account_token(&mut self, sb: &Sandbox) -> &mut Manifest {
        let token = sb.mint_token(json!({ "account": true }));
        self.line("hubrise_account_token_env = \"HUBRISE_ACCOUNT_TOKEN\"").var("HUBRISE_ACCOUNT_TOKEN", &token)
    }

    /// `zelty-bridge provision <manifest> <args>` with the manifest's variables set.
    fn cmd(&self, home: &Home, sb: &Sandbox, args: &[&str]) -> Command {
        std::fs::write(&self.path, &self.text).unwrap();
        let mut cmd = home.cmd(sb);
        cmd.arg("provision").arg(&self.path).args(args).envs(self.env.iter().map(|(k, v)| (k, v)));
        cmd
    }

    fn secrets(&self) -> Vec<&str> {
        self.env.iter().map(|(_, v)| v.as_str()).collect()
    }
}

/// Keys of the extra restaurants (the demo key excluded) and the location ids.
fn keys_and_locations(sb: &Sandbox) -> (Vec<(i64, String)>, Vec<String>) {
    let keys = sb.keys().into_iter().filter(|(id, _)| *id != 12345).collect();
    let locations =
        sb.json["locations"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap().to_string()).collect();
    (keys, locations)
}

fn by_profile(report: &Value, profile: &str) -> Value {
    report["restaurants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["profile"] == profile)
        .cloned()
        .unwrap_or_else(|| panic!("{profile} in {report}"))
}

fn no_secret_in(out: &Output, secrets: &[&str]) {
    for secret in secrets.iter().filter(|s| s.len() > 12) {
        assert!(
            !out.stdout.contains(secret) && !out.stderr.contains(secret),
            "a secret was printed:\n{}\n{}",
            out.stdout,
            out.stderr
        );
    }
}

fn profiles(home: &Home) -> usize {
    std::fs::read_dir(home.config_dir().join("profiles"))
        .map_or(0, |d| d.flatten().filter(|e| e.path().extension().is_some_and(|x| x == "toml")).count())
}

#[test]
fn fifty_restaurants_connect_in_one_run_within_the_limits() {
    let sb = Sandbox::start(&["--restaurants", "50", "--locations", "50", "--rate-limits"]);
    let home = Home::new();
    let (keys, locations) = keys_and_locations(&sb);
    let mut m = Manifest::new(&home);
    m.account_token(&sb);
    for (i, (_, key)) in keys.iter().enumerate() {
        m.restaurant(&sb, &format!("r-{i:02}"), key, &locations[i], i % 2 == 1);
    }
    let before = sb.requests().len();
    let out = run(m.cmd(&home, &sb, &["--json"]));
    out.expect(0);
    no_secret_in(&out, &m.secrets());
    let report = out.json();
    assert_eq!(report["summary"]["connected"], 50, "{report}");
    assert_eq!(report["summary"]["failed"], 0);
    let total = report["summary"]["seconds"].as_f64().unwrap();
    for (i, (id, _)) in keys.iter().enumerate() {
        let r = by_profile(&report, &format!("r-{i:02}"));
        assert_eq!(
            (r["outcome"].as_str(), r["restaurant_id"].as_i64(), r["location_id"].as_str()),
            (Some("connected"), Some(*id), Some(locations[i].as_str()))
        );
        // Each restaurant's own time: spent (it made calls), and within the whole run's.
        let seconds = r["seconds"].as_f64().unwrap();
        assert!(seconds > 0.0 && seconds <= total + 0.001, "{seconds} of {total}");
    }
    assert_eq!(profiles(&home), 50);

    // The cost announced in job.rs: one Zelty call and three HubRise calls a restaurant,
    // no high-load `GET /catalogs/:id`, and no 429 with the limits enforced.
    let requests: Vec<Value> = sb.requests().into_iter().skip(before).collect();
    let count = |service: &str| requests.iter().filter(|r| r["service"] == service).count();
    assert_eq!((count("zelty"), count("hubrise_api")), (50, 150));
    assert!(requests.iter().all(|r| !r["path"].as_str().unwrap().starts_with("/v1/catalogs/")));
    assert!(requests.iter().all(|r| r["status"] != 429), "{requests:?}");

    // What provision stored is what `status` checks live, account-level locations included.
    let mut status = home.cmd(&sb);
    status.args(["status", "--all-profiles", "--json"]);
    let status = run(status);
    // Zelty Bridge is a person's step in the back office: every restaurant still has it to do.
    status.expect(6);
    let all = status.json()["profiles"].as_array().unwrap().clone();
    assert_eq!(all.len(), 50);
    assert!(all.iter().all(|p| p["zelty"]["state"] == "ok" && p["hubrise"]["state"] == "ok"), "{all:?}");
    assert!(all.iter().all(|p| p["bridge_app"]["state"] == "to_do"), "{all:?}");
}

#[test]
fn bad_entries_are_reported_one_by_one_and_the_rest_connect() {
    let sb = Sandbox::start(&["--restaurants", "4", "--locations", "4"]);
    let (keys, locations) = keys_and_locations(&sb);
    let inline_key = keys[2].1.clone();
    let build = |home: &Home| {
        let mut m = Manifest::new(home);
        m.account_token(&sb);
        m.restaurant(&sb, "good-a", &keys[0].1, &locations[0], false);
        m.restaurant(&sb, "good-b", &keys[1].1, &locations[1], true);
        m.line("[[restaurant]]")
            .line("profile = \"inline\"")
            .line(&format!("zelty_api_key = \"{inline_key}\""))
            .line(&format!("location_id = \"{}\"", locations[2]));
        m.line("[[restaurant]]")
            .line("profile = \"missing\"")
            .line("zelty_api_key_env = \"NOT_SET_ANYWHERE\"")
            .line(&format!("location_id = \"{}\"", locations[2]));
        // The right shape, but no restaurant has it.
        m.line("[[restaurant]]")
            .line("profile = \"rejected\"")
            .line("zelty_api_key_env = \"UNKNOWN_KEY\"")
            .line(&format!("location_id = \"{}\"", locations[3]));
        m.var("UNKNOWN_KEY", "OTk5OTk6AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        m.restaurant(&sb, "nowhere", &keys[3].1, "3r4s3-999", false);
        m.restaurant(&sb, "group", sb.json["multi_key"].as_str().unwrap(), &locations[3], false);
        m
    };

    let home = Home::new();
    let m = build(&home);
    let out = run(m.cmd(&home, &sb, &["--json"]));
    // The most severe: a manifest or CI variable to fix (2) before a refusal (3).
    out.expect(2);
    no_secret_in(&out, &[inline_key.as_str()]);
    no_secret_in(&out, &m.secrets());
    let report = out.json();
    let code = |p: &str| by_profile(&report, p)["code"].as_str().unwrap_or_default().to_string();
    assert_eq!(by_profile(&report, "good-a")["outcome"], "connected");
    assert_eq!(by_profile(&report, "good-b")["outcome"], "connected");
    for (profile, want) in [
        ("inline", "inline_secret"),
        ("missing", "missing_variable"),
        ("rejected", "zelty_key_rejected"),
        ("nowhere", "unknown_location"),
        ("group", "several_restaurants"),
    ] {
        assert_eq!(by_profile(&report, profile)["outcome"], "failed", "{profile}");
        assert_eq!(code(profile), want, "{profile}");
    }
    assert!(by_profile(&report, "missing")["message"].as_str().unwrap().contains("NOT_SET_ANYWHERE"));
    assert!(by_profile(&report, "inline")["message"].as_str().unwrap().contains("zelty_api_key"));
    assert!(by_profile(&report, "nowhere")["message"].as_str().unwrap().contains("3r4s3-999"));
    // A refused key names the variable that held it: that is what the person fixes.
    assert!(by_profile(&report, "rejected")["message"].as_str().unwrap().contains("UNKNOWN_KEY"), "{report}");
    assert_eq!(
        report["summary"],
        json!({"connected": 2, "skipped": 0, "failed": 5, "seconds": report["summary"]["seconds"]})
    );
    assert_eq!(profiles(&home), 2);

    // Without --json: a line per restaurant on stderr, the table on stdout, same exit code.
    let home = Home::new();
    let m = build(&home);
    let out = run(m.cmd(&home, &sb, &[]));
    out.expect(2);
    no_secret_in(&out, &[inline_key.as_str()]);
    for needle in [
        "inline_secret",
        "missing_variable",
        "zelty_key_rejected",
        "unknown_location",
        "several_restaurants",
        "2 connected, 0 skipped, 5 failed",
    ] {
        assert!(out.stdout.contains(needle), "{needle} in\n{}", out.stdout);
    }
    assert!(out.stderr.contains("✓ good-a") && out.stderr.contains("✗ missing"), "{}", out.stderr);
    assert!(!out.stderr.contains('\u{1b}'), "no colour or bar without a terminal: {:?}", out.stderr);
}

#[test]
fn a_rerun_skips_what_is_connected_and_force_redoes_it() {
    let sb = Sandbox::start(&["--restaurants", "6", "--locations", "6"]);
    let home = Home::new();
    let (keys, locations) = keys_and_locations(&sb);
    let mut m = Manifest::new(&home);
    m.account_token(&sb);
    for i in 0..6 {
        m.restaurant(&sb, &format!("shop-{i}"), &keys[i].1, &locations[i], i >= 3);
    }

    // A dry run checks everything and stores nothing.
    let dry = run(m.cmd(&home, &sb, &["--json", "--dry-run"]));
    dry.expect(0);
    assert_eq!(dry.json()["summary"]["validated"], 6);
    assert!(home.stored().is_empty(), "{:?}", home.stored());

    run(m.cmd(&home, &sb, &["--json"])).expect(0);
    let calls = sb.requests().len();
    let again = run(m.cmd(&home, &sb, &["--json"]));
    again.expect(0);
    let report = again.json();
    assert_eq!(
        (report["summary"]["skipped"].as_u64(), report["summary"]["connected"].as_u64()),
        (Some(6), Some(0)),
        "{report}"
    );
    assert!(
        report["restaurants"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["outcome"] == "skipped" && r["code"] == "up_to_date")
    );
    // A skip checks only that HubRise still takes the token: one location read each.
    let since: Vec<String> = sb.requests()[calls..]
        .iter()
        .map(|r| format!("{} {}", r["method"], r["path"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(since.len(), 6, "{since:?}");
    assert!(since.iter().all(|r| r.starts_with("\"GET\" /v1/location")), "{since:?}");

    // A restaurant whose key changed is not replaced behind anyone's back...
    let mut changed = Manifest { path: m.path.clone(), env: m.env.clone(), text: m.text.clone() };
    let var = changed.env.iter_mut().find(|(k, _)| k == "ZELTY_KEY_SHOP_0").unwrap();
    var.1 = sb.demo_key();
    let out = run(changed.cmd(&home, &sb, &["--json"]));
    out.expect(2);
    let shop0 = by_profile(&out.json(), "shop-0");
    assert_eq!((shop0["outcome"].as_str(), shop0["code"].as_str()), (Some("failed"), Some("already_connected")));
    assert!(shop0["hint"].as_str().unwrap().contains("--force"));
    assert_eq!(out.json()["summary"]["skipped"], 5);

    // ...but --force redoes every one.
    let forced = run(changed.cmd(&home, &sb, &["--json", "--force"]));
    forced.expect(0);
    assert_eq!(forced.json()["summary"]["connected"], 6);
    assert_eq!(by_profile(&forced.json(), "shop-0")["restaurant_id"], 12345);
}

#[test]
fn storms_of_429_and_5xx_are_survived_with_nothing_lost() {
    let sb = Sandbox::start(&["--restaurants", "20", "--locations", "20", "--rate-limits"]);
    let home = Home::new();
    let (keys, locations) = keys_and_locations(&sb);
    let mut m = Manifest::new(&home);
    m.account_token(&sb);
    for i in 0..20 {
        m.restaurant(&sb, &format!("s-{i:02}"), &keys[i].1, &locations[i], i % 3 == 0);
    }
    sb.fault(json!({"service": "zelty", "count": 40, "status": 429, "retry_after": 1}));
    sb.fault(json!({"service": "zelty", "count": 6, "status": 503}));
    sb.fault(json!({"service": "hubrise_api", "count": 40, "status": 429, "retry_after": 1}));
    sb.fault(json!({"service": "hubrise_api", "count": 6, "status": 500}));
    let out = run(m.cmd(&home, &sb, &["--json", "--concurrency", "8"]));
    out.expect(0);
    let report = out.json();
    assert_eq!(report["summary"]["connected"], 20, "{report}");
    assert_eq!(profiles(&home), 20);
    let faulted = sb.requests().iter().filter(|r| !r["fault"].is_null()).count();
    assert_eq!(faulted, 92, "every fault was served: the storm happened");
    let (_, pending) = sb.admin("GET", "/_sandbox/faults", None);
    assert_eq!(pending, json!([]));
}

#[test]
fn a_bad_manifest_is_refused_whole_before_any_call() {
    let sb = Sandbox::start(&[]);
    let home = Home::new();
    let key = sb.demo_key();
    let entry = "[[restaurant]]\nprofile = \"a\"\nzelty_api_key_env = \"K\"\nhubrise_access_token_env = \"T\"\n";
    for (text, code, needle) in [
        (format!("{entry}locatoin_id = \"3r4s3-0\"\n"), "bad_manifest", "locatoin_id"),
        (format!("hubrise_account_token = \"{key}\"\n{entry}"), "inline_secret", "hubrise_account_token"),
        (format!("{entry}{entry}"), "duplicate_profile", "a"),
        ("[[restaurant]\n".to_string(), "bad_manifest", "line 1"),
        (String::new(), "bad_manifest", "[[restaurant]]"),
    ] {
        let mut m = Manifest::new(&home);
        m.line(&text);
        let out = run(m.cmd(&home, &sb, &["--json"]));
        out.expect(2);
        let error = &out.json()["error"];
        assert_eq!(error["code"], code, "{text}");
        assert!(error.to_string().contains(needle), "{needle} in {error}");
        assert!(!out.stdout.contains(&key) && !out.stderr.contains(&key));
    }
    let mut missing = home.cmd(&sb);
    missing.args(["provision", "/nonexistent/restaurants.toml", "--json"]);
    let out = run(missing);
    out.expect(2);
    assert_eq!(out.json()["error"]["code"], "manifest_unreadable");
    assert!(sb.requests().iter().all(|r| r["service"] != "zelty" && r["service"] != "hubrise_api"));
    assert!(home.stored().is_empty());
}

#[test]
fn a_missing_account_token_fails_its_restaurants_and_names_the_variable() {
    let sb = Sandbox::start(&["--restaurants", "2", "--locations", "2"]);
    let home = Home::new();
    let (keys, locations) = keys_and_locations(&sb);
    let mut m = Manifest::new(&home);
    m.line("hubrise_account_token_env = \"HUBRISE_ACCOUNT_TOKEN\"");
    m.restaurant(&sb, "by-account", &keys[0].1, &locations[0], false);
    m.restaurant(&sb, "own-token", &keys[1].1, &locations[1], true);
    let out = run(m.cmd(&home, &sb, &[]));
    out.expect(2);
    assert!(out.stdout.contains("HUBRISE_ACCOUNT_TOKEN"), "{}", out.stdout);
    let mut json_cmd = m.cmd(&home, &sb, &["--json"]);
    json_cmd.arg("--force");
    let report = run(json_cmd).json();
    assert_eq!(by_profile(&report, "by-account")["code"], "missing_variable");
    assert_eq!(by_profile(&report, "own-token")["outcome"], "connected");
}

/// The commented example manifest runs against the sandbox as its header shows, its
/// variables filled with the sandbox's demo key and tokens.
#[test]
fn the_example_manifest_runs_against_the_sandbox() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let (location, account) = sb.tokens();
    let mut cmd = home.cmd(&sb);
    cmd.args(["provision", "--json"])
        .arg(fixtures().join("provision.example.toml"))
        .env("HUBRISE_ACCOUNT_TOKEN", &account)
        .env("ZELTY_KEY_PARIS_11", sb.demo_key())
        .env("ZELTY_KEY_LYON", sb.demo_key())
        .env("HUBRISE_TOKEN_LYON", &location);
    let out = run(cmd);
    out.expect(0);
    let report = out.json();
    let text = report.to_string();
    assert!(text.contains("paris-11") && text.contains("lyon"), "{text}");
}

/// An unknown catalog id is refused with the location's catalogs listed, to copy from.
#[test]
fn an_unknown_catalog_lists_the_locations_catalogs() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let (_, account) = sb.tokens();
    let manifest = home.path().join("restaurants.toml");
    std::fs::write(
        &manifest,
        "hubrise_account_token_env = \"HUBRISE_ACCOUNT_TOKEN\"\n[[restaurant]]\nprofile = \"paris-11\"\n\
         zelty_api_key_env = \"ZELTY_KEY\"\nlocation_id = \"3r4s3-0\"\ncatalog_id = \"87yu4\"\n",
    )
    .unwrap();
    let mut cmd = home.cmd(&sb);
    cmd.args(["provision", "--json"])
        .arg(&manifest)
        .env("HUBRISE_ACCOUNT_TOKEN", &account)
        .env("ZELTY_KEY", sb.demo_key());
    let out = run(cmd);
    out.expect(3);
    let line = &out.json()["restaurants"][0];
    assert_eq!(line["code"], "unknown_catalog");
    assert!(line["hint"].as_str().unwrap().contains("77l00 (Bella Pizza)"), "{line}");
}
