//! The rest of a connection's life: `status` in every state, `grant-support`, `disconnect`
//! and its variants, and two profiles side by side.

use crate::support::*;
use serde_json::{Value, json};

fn connected(sb: &Sandbox, home: &Home, profile: &str, location: Option<&str>) -> Value {
    let mut cmd = home.cmd(sb);
    cmd.args(["--profile", profile, "connect", "--json"]).env("ZELTY_API_KEY", sb.demo_key());
    if let Some(location) = location {
        cmd.env("BROWSER_STANDIN_LOCATION", location);
    }
    let out = run(cmd);
    out.expect(0);
    // A person then connects Zelty Bridge in the back office and records it.
    let mut app = home.cmd(sb);
    app.args(["--profile", profile, "app", "--confirm", "--json"]);
    run(app).expect(0);
    out.json()
}

fn cli(sb: &Sandbox, home: &Home, args: &[&str]) -> Output {
    let mut cmd = home.cmd(sb);
    cmd.args(args);
    run(cmd)
}

fn stored_token(home: &Home, profile: &str) -> Option<String> {
    let text = std::fs::read_to_string(home.config_dir().join("secrets.json")).ok()?;
    let map: Value = serde_json::from_str(&text).ok()?;
    map[format!("{profile}:hubrise-access-token")].as_str().map(str::to_string)
}

fn keys_of(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    keys
}

#[test]
fn status_json_has_exactly_the_documented_shape() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    connected(&sb, &home, "default", None);
    let out = cli(&sb, &home, &["status", "--json"]);
    out.expect(0);
    let o = out.json();
    assert_eq!(keys_of(&o), ["bridge_app", "hubrise", "profile", "secret_store", "support_access", "zelty"]);
    // Version 3 adds last_handled_at and stuck_orders, and the stuck and rejected orders
    // themselves (ids, to find them in the back office).
    assert_eq!(
        keys_of(&o["bridge_app"]),
        [
            "confirmed_at",
            "last_handled_at",
            "last_order_at",
            "rejected",
            "rejected_orders_24h",
            "state",
            "stuck",
            "stuck_orders",
            "zelty_webhooks"
        ]
    );
    assert_eq!(o["bridge_app"]["state"], "confirmed", "{o}");
    assert_eq!(keys_of(&o["zelty"]), ["api_key", "restaurant_id", "restaurant_name", "state"]);
    assert_eq!(
        keys_of(&o["hubrise"]),
        [
            "access_token",
            "account_id",
            "account_name",
            "catalog_id",
            "catalog_name",
            "customer_list_id",
            "customer_list_name",
            "location_id",
            "location_name",
            "state",
            "token_origin"
        ]
    );
    assert_eq!(o["hubrise"]["token_origin"], "authorized", "{o}");
    assert_eq!(keys_of(&o["support_access"]), ["granted_at", "state"]);
    assert!(o["zelty"]["restaurant_id"].is_i64());
}

#[test]
fn status_reports_each_refusal_with_exit_3() {
    // Each documented reason, and the way out the user is given for it.
    for (action, reason, fix) in [
        ("revoke", "hubrise_token_revoked", "zelty-bridge connect"),
        ("block", "hubrise_connection_blocked", "Unblock"),
        ("suspend", "hubrise_account_suspended", "subscription"),
    ] {
        let (sb, home) = (Sandbox::start(&[]), Home::new());
        connected(&sb, &home, "default", None);
        sb.connection(&stored_token(&home, "default").unwrap(), action);
        let out = cli(&sb, &home, &["status", "--json"]);
        out.expect(3);
        let o = out.json();
        assert_eq!(o["hubrise"]["state"], "rejected", "{action}");
        assert_eq!(o["hubrise"]["reason"], reason, "{action}");
        assert_eq!(o["zelty"]["state"], "ok");
        assert!(o["hubrise"]["hint"].as_str().unwrap().contains(fix), "{action}: {o}");
        let human = cli(&sb, &home, &["status"]);
        human.expect(3);
        assert!(human.stdout.contains("rejected"), "{}", human.stdout);
        assert!(human.stdout.contains("hint: ") && human.stdout.contains(fix), "{}", human.stdout);
    }
}

#[test]
fn status_unreachable_exits_5_and_offline_calls_nothing() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    connected(&sb, &home, "default", None);
    sb.fault(json!({"service": "zelty", "count": 50, "status": 503}));
    let mut cmd = home.cmd(&sb);
    cmd.args(["status", "--json"]).env("ZELTY_BRIDGE_HTTP_RETRIES", "2");
    let out = run(cmd);
    out.expect(5);
    assert_eq!(out.json()["zelty"]["state"], "unreachable");
    assert_eq!(out.json()["hubrise"]["state"], "ok");

    let before = sb.requests().len();
    let offline = cli(&sb, &home, &["status", "--offline", "--json"]);
    offline.expect(0);
    assert_eq!(offline.json()["zelty"]["state"], "unchecked");
    assert_eq!(offline.json()["bridge_app"]["state"], "unchecked");
    assert_eq!(offline.json()["bridge_app"]["confirmed_at"].as_str().map(|t| t.len()), Some(20), "the record is shown");
    assert_eq!(sb.requests().len(), before, "--offline makes no call");
}

#[test]
fn status_of_a_missing_secret_exits_4() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    connected(&sb, &home, "default", None);
    let path = home.config_dir().join("secrets.json");
    let mut map: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    map.as_object_mut().unwrap().remove("default:hubrise-access-token");
    std::fs::write(&path, map.to_string()).unwrap();
    let out = cli(&sb, &home, &["status", "--json"]);
    out.expect(4);
    assert_eq!(out.json()["hubrise"]["state"], "missing");
}

#[test]
fn grant_support_confirm_revoke_and_without_a_person() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let none = cli(&sb, &home, &["grant-support"]);
    none.expect(4);

    connected(&sb, &home, "default", None);
    let steps = cli(&sb, &home, &["grant-support"]);
    steps.expect(6);
    assert!(
        steps.stdout.contains("support@zelty.com") && steps.stdout.contains("Technical Partner"),
        "{}",
        steps.stdout
    );
    assert!(steps.stderr.contains("--confirm"), "{}", steps.stderr);
    assert!(steps.stderr.contains("Never share your HubRise username and password"), "{}", steps.stderr);
    let mut french = home.cmd(&sb);
    french.arg("grant-support").env("LANG", "fr_FR.UTF-8");
    let french = run(french);
    french.expect(6);
    assert!(
        french.stdout.contains("Partenaire technique") && french.stdout.contains("Ajouter l'utilisateur"),
        "{}",
        french.stdout
    );

    let confirm = cli(&sb, &home, &["grant-support", "--confirm", "--json"]);
    confirm.expect(0);
    let at = confirm.json()["support_access"]["granted_at"].as_str().unwrap().to_string();
    assert!(at.ends_with('Z') && at.len() == 20, "{at}");
    let status = cli(&sb, &home, &["status", "--json"]);
    assert_eq!(status.json()["support_access"], json!({"state": "granted", "granted_at": at}));

    let revoke = cli(&sb, &home, &["grant-support", "--revoke", "--json"]);
    revoke.expect(0);
    assert_eq!(revoke.json()["support_access"]["state"], "not_granted");
}

#[test]
fn disconnect_revokes_with_basic_auth_and_removes_everything_and_is_idempotent() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    connected(&sb, &home, "default", None);
    let token = stored_token(&home, "default").unwrap();
    let out = cli(&sb, &home, &["disconnect", "--yes", "--json"]);
    out.expect(0);
    assert_eq!(out.json()["revoked"], true);
    assert!(
        out.stderr.contains("/connections") && out.stderr.contains("Déconnecter") && out.stderr.contains("Désactiver"),
        "Zelty Bridge's disconnection is guided, and the Zelty side: {}",
        out.stderr
    );
    let revoke = sb
        .requests()
        .into_iter()
        .find(|r| r["path"].as_str().unwrap_or("").ends_with("/revoke"))
        .expect("a revoke call");
    assert_eq!(revoke["method"], "POST");
    assert!(
        revoke["auth"].as_str().unwrap().starts_with("basic:") && !revoke["auth"].as_str().unwrap().contains("invalid"),
        "{revoke}"
    );
    assert!(stored_token(&home, "default").is_none());
    assert!(!home.config_dir().join("profiles/default.toml").exists());
    let secrets = std::fs::read_to_string(home.config_dir().join("secrets.json")).unwrap_or_default();
    assert!(!secrets.contains(&sb.demo_key()) && !secrets.contains(&token));

    let again = cli(&sb, &home, &["disconnect", "--yes"]);
    again.expect(0);
    assert!(again.stdout.contains("nothing to do"), "{}", again.stdout);
}

#[test]
fn disconnect_keeps_everything_when_the_revoke_fails_unless_forced() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    connected(&sb, &home, "default", None);
    sb.fault(json!({"service": "hubrise_oauth", "count": 50, "status": 503}));
    let mut cmd = home.cmd(&sb);
    cmd.args(["disconnect", "--yes", "--json"]).env("ZELTY_BRIDGE_HTTP_RETRIES", "2");
    let out = run(cmd);
    out.expect(5);
    assert_eq!(out.json()["error"]["code"], "revoke_failed");
    assert!(stored_token(&home, "default").is_some(), "kept");
    assert!(home.config_dir().join("profiles/default.toml").exists());

    let mut forced = home.cmd(&sb);
    forced.args(["disconnect", "--yes", "--force"]).env("ZELTY_BRIDGE_HTTP_RETRIES", "2");
    let forced = run(forced);
    forced.expect(0);
    assert!(forced.stderr.contains("CONNECTIONS"), "{}", forced.stderr);
    assert!(stored_token(&home, "default").is_none());
}

#[test]
fn disconnect_block_keeps_everything_and_keep_zelty_keeps_the_key() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    connected(&sb, &home, "default", None);
    let block = cli(&sb, &home, &["disconnect", "--block"]);
    block.expect(0);
    assert!(block.stderr.contains("Block"), "{}", block.stderr);
    assert!(stored_token(&home, "default").is_some());
    assert!(!sb.requests().iter().any(|r| r["path"].as_str().unwrap_or("").ends_with("/revoke")));

    let keep = cli(&sb, &home, &["disconnect", "--yes", "--keep-zelty", "--json"]);
    keep.expect(0);
    assert_eq!(keep.json()["zelty_key_kept"], true);
    let secrets = std::fs::read_to_string(home.config_dir().join("secrets.json")).unwrap();
    assert!(secrets.contains(&sb.demo_key()) && stored_token(&home, "default").is_none());
}

#[test]
fn disconnect_without_a_person_needs_yes_and_warns_about_env_secrets() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    connected(&sb, &home, "default", None);
    let out = cli(&sb, &home, &["disconnect"]);
    out.expect(2);
    assert!(out.stderr.contains("--yes"), "{}", out.stderr);
    assert!(stored_token(&home, "default").is_some());
    let mut cmd = home.cmd(&sb);
    cmd.args(["disconnect", "--yes"]).env("ZELTY_API_KEY", "x");
    let out = run(cmd);
    out.expect(0);
    assert!(out.stderr.contains("ZELTY_API_KEY is still set"), "{}", out.stderr);
}

#[test]
fn two_profiles_never_see_each_other() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let paris = connected(&sb, &home, "paris", Some("3r4s3-0"));
    let lyon = connected(&sb, &home, "lyon", Some("3r4s3-1"));
    assert_ne!(paris["hubrise"]["location_id"], lyon["hubrise"]["location_id"]);
    assert_ne!(stored_token(&home, "paris"), stored_token(&home, "lyon"));
    let all = cli(&sb, &home, &["status", "--all-profiles", "--json"]);
    all.expect(0);
    let names: Vec<_> = all.json()["profiles"].as_array().unwrap().iter().map(|p| p["profile"].clone()).collect();
    assert_eq!(names, vec![json!("lyon"), json!("paris")]);
    cli(&sb, &home, &["--profile", "paris", "disconnect", "--yes"]).expect(0);
    let lyon_status = cli(&sb, &home, &["--profile", "lyon", "status", "--json"]);
    lyon_status.expect(0);
    assert_eq!(lyon_status.json()["hubrise"]["location_id"], "3r4s3-1");
    cli(&sb, &home, &["--profile", "paris", "status"]).expect(4);
}

/// Two profiles on one location (two tills, say) get two connections: HubRise returns the
/// same token to the same client on the same location unless the `device_id` differs, and
/// revoking a shared token would end both.
#[test]
fn two_profiles_on_one_location_keep_distinct_tokens_and_one_disconnect_leaves_the_other() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    connected(&sb, &home, "front", Some("3r4s3-0"));
    connected(&sb, &home, "back", Some("3r4s3-0"));
    let (front, back) = (stored_token(&home, "front").unwrap(), stored_token(&home, "back").unwrap());
    assert_ne!(front, back, "each profile has its own connection");
    cli(&sb, &home, &["--profile", "front", "disconnect", "--yes"]).expect(0);
    assert_eq!(sb.hubrise_get("/location", &front).0, 401, "the front till's token is revoked");
    let status = cli(&sb, &home, &["--profile", "back", "status", "--json"]);
    status.expect(0);
    assert_eq!(status.json()["hubrise"]["state"], "ok", "{}", status.stdout);
    assert_eq!(status.json()["hubrise"]["location_id"], "3r4s3-0");
}

#[test]
fn a_second_run_on_the_same_profile_waits_then_names_the_holder() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut first = home.cmd(&sb);
    first
        .args(["connect", "--timeout", "30"])
        .env("ZELTY_API_KEY", sb.demo_key())
        .env("BROWSER_STANDIN_ACTION", "nothing")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let mut first = first.spawn().unwrap();
    // Wait until the first run holds the lock (it names itself in the lock file).
    let lock = home.config_dir().join("profiles/default.lock");
    wait_for("the first run to hold the lock", || std::fs::read_to_string(&lock).is_ok_and(|s| s.contains("connect")));
    let mut second = home.cmd(&sb);
    second.args(["disconnect", "--yes", "--json"]);
    let out = run(second);
    let _ = first.kill();
    let _ = first.wait();
    out.expect(1);
    let error = &out.json()["error"];
    assert_eq!(error["code"], "profile_locked");
    assert!(error["message"].as_str().unwrap().contains(&format!("pid {}", first.id())), "{error}");
}

/// A config dir the user cannot write: a clear error naming it, and nothing created. Root
/// ignores file modes, so the CLI runs as `nobody` through setpriv when the tests run as root.
#[cfg(unix)]
#[test]
fn a_read_only_config_dir_is_explained_and_left_alone() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let setpriv = std::path::Path::new("/usr/bin/setpriv");
    if is_root && !setpriv.exists() {
        // Root ignores file modes: without setpriv there is no way to test as a user. CI
        // runs as root and has setpriv (util-linux), so there the test must run.
        assert!(!under_ci(), "CI must have /usr/bin/setpriv (util-linux)");
        #[allow(clippy::print_stderr)]
        {
            eprintln!("\n*** SKIPPING the read-only test: running as root without setpriv ***\n");
        }
        return;
    }
    std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let binary = home.path().join("zelty-bridge");
    std::fs::copy(bin(), &binary).unwrap();
    std::fs::create_dir_all(home.config_dir()).unwrap();
    std::fs::set_permissions(home.config_dir(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let mut cmd = if is_root {
        let mut c = std::process::Command::new(setpriv);
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]).arg(&binary);
        c
    } else {
        std::process::Command::new(&binary)
    };
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("CI", "true")
        .env("ZELTY_BRIDGE_CONFIG_DIR", home.config_dir())
        .env("ZELTY_BRIDGE_SECRET_STORE", "file")
        .env("ZELTY_API_KEY", "MTIzNDU6q83vEjRWeJq83vEjRWeJq83vEjQ=")
        .env("BROWSER", "true")
        .args(["connect", "--json", "--no-watch"]);
    let out = run(cmd);
    out.expect(1);
    let error = &out.json()["error"];
    assert_eq!(error["code"], "config_not_writable", "{error}");
    assert!(error["message"].as_str().unwrap().contains(&home.config_dir().display().to_string()), "{error}");
    assert_eq!(std::fs::read_dir(home.config_dir()).unwrap().count(), 0, "nothing created");
}

/// The file store refuses a secrets file others can read, rather than trust a secret that
/// may have leaked.
#[cfg(unix)]
#[test]
fn a_secrets_file_readable_by_others_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    connected(&sb, &home, "default", None);
    let path = home.config_dir().join("secrets.json");
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = cli(&sb, &home, &["status", "--json"]);
    out.expect(4);
    let o = out.json();
    assert_eq!(o["hubrise"]["reason"], "secrets_file_insecure", "{o}");
    assert!(o["hubrise"]["hint"].as_str().unwrap().contains("chmod 600"), "{o}");
}
