//! `zelty-bridge sandbox` as a person trying the tool uses it: the tokens it prints work
//! for the CI path, and its back office connects the Zelty Bridge app, which then shows in
//! Zelty's webhooks and HubRise's orders; `zelty-bridge sandbox click` (the tests' browser)
//! walks it from a clean environment, as the CLI launches BROWSER.

use crate::support::*;
// The stand-in and the README's lines are run through a Unix shell.
#[cfg(unix)]
use serde_json::json;
#[cfg(unix)]
use std::process::Command;
use std::process::Stdio;

/// Runs `$BROWSER URL` the way the CLI does (`sh -c`, a clean environment), in the
/// foreground, and returns the stand-in's log.
#[cfg(unix)]
fn open_in_standin(home: &Home, args: &[&str], url: &str) -> String {
    let log = home.path().join("browser.log");
    let _ = std::fs::remove_file(&log);
    let log_arg = log.to_str().unwrap().to_string();
    let mut all = vec!["--foreground", "--log", log_arg.as_str()];
    all.extend_from_slice(args);
    run_standin(&all, url);
    std::fs::read_to_string(&log).unwrap_or_default()
}

#[test]
fn the_printed_tokens_work_for_the_ci_path() {
    let sb = Sandbox::start(&[]);
    let (location, account) = sb.tokens();
    let (status, body) = sb.hubrise_get("/location", &location);
    assert_eq!((status, body["id"].as_str()), (200, Some("3r4s3-0")), "{body}");
    assert_eq!(sb.hubrise_get("/account", &account).0, 200);
    assert_eq!(sb.hubrise_get("/locations/3r4s3-1", &account).0, 200);
    // The text form prints the same ones, whatever the process.
    let home = Home::new();
    let mut cmd = home.bare_cmd();
    cmd.arg("sandbox").stdout(Stdio::piped()).stderr(Stdio::null());
    let mut child = cmd.spawn().unwrap();
    let stdout = child.stdout.take().unwrap();
    let lines: Vec<String> = std::io::BufRead::lines(std::io::BufReader::new(stdout))
        .map_while(Result::ok)
        .take_while(|l| !l.starts_with("# demo Zelty key"))
        .collect();
    let _ = child.kill();
    let _ = child.wait();
    assert!(lines.contains(&format!("export HUBRISE_ACCESS_TOKEN={location}")), "{lines:?}");
    assert!(lines.contains(&format!("export HUBRISE_ACCOUNT_TOKEN={account}")), "{lines:?}");
}

#[cfg(unix)] // the stand-in is started as the CLI does there, through `sh -c`
#[test]
fn the_stand_in_connects_zelty_bridge_in_the_back_office() {
    let sb = Sandbox::start(&[]);
    let home = Home::new();
    let key = sb.demo_key();
    let key_file = home.key_file(&key);
    let key_arg = key_file.to_str().unwrap();
    let (_, account) = sb.tokens();
    let hooks = |sb: &Sandbox| {
        let (status, body) = sb.zelty_webhooks(&key);
        assert_eq!(status, 200, "{body}");
        assert!(body["secret_key"].is_string());
        body["webhooks"].clone()
    };
    assert_eq!(hooks(&sb), json!({}));

    let log = open_in_standin(&home, &["--action", "deny", "--zelty-key-file", key_arg], &sb.connections_url());
    assert!(log.contains("bridge not configured"), "{log}");
    assert_eq!(hooks(&sb), json!({}));

    let log = open_in_standin(&home, &["--location", "3r4s3-1", "--zelty-key-file", key_arg], &sb.bridge_connect_url());
    assert!(log.contains("bridge saved"), "{log}");
    assert!(!log.contains(&key), "the key stays out of the log");
    assert!(hooks(&sb)["order.status.update"]["target"].as_str().unwrap().contains(".hubrise-apps.com/"));
    let (status, orders) = sb.hubrise_get("/locations/3r4s3-1/orders", &account);
    assert_eq!(status, 200, "{orders}");
    let orders = orders.as_array().unwrap();
    // Configured, it takes the orders other apps left waiting and writes `accepted` on
    // them; « Recevoir les commandes de Zelty » is off, so it creates none.
    assert!(orders.iter().any(|o| o["created_by"] != "Zelty Bridge" && o["status"] == "accepted"), "{orders:?}");
    assert!(orders.iter().all(|o| o["created_by"] != "Zelty Bridge"), "{orders:?}");

    let log = open_in_standin(&home, &["--action", "disconnect-bridge"], &sb.connections_url());
    assert!(log.contains("POST confirm status=303"), "{log}");
    assert_eq!(hooks(&sb), json!({}));
}

/// Zelty's answer to `GET /webhooks` carries the account's webhook `secret_key`: the wizard
/// reads the evidence from that answer but never prints, logs or stores the secret, at any
/// verbosity, in any command that reads it.
#[cfg(unix)] // the stand-in is started as the CLI does there, through `sh -c`
#[test]
fn zeltys_webhook_secret_key_never_leaves_the_answer() {
    let sb = Sandbox::start(&[]);
    let home = Home::new();
    let key = sb.demo_key();
    let key_file = home.key_file(&key);
    let mut connect = home.cmd(&sb);
    connect.args(["-vv", "connect", "--json"]).env("ZELTY_API_KEY", &key);
    let before = run(connect);
    before.expect(0);
    assert_eq!(before.json()["bridge_app"]["state"], "to_do");
    let log = open_in_standin(
        &home,
        &["--location", "3r4s3-0", "--zelty-key-file", key_file.to_str().unwrap()],
        &sb.bridge_connect_url(),
    );
    assert!(log.contains("bridge saved"), "{log}");
    let (_, body) = sb.zelty_webhooks(&key);
    let secret = body["secret_key"].as_str().expect("the answer carries a secret_key").to_string();
    assert!(secret.len() >= 16, "{secret}");

    let mut seen = String::new();
    for args in [
        &["-vv", "status"][..],
        &["-vv", "status", "--json"],
        &["-vv", "app", "--json"],
        &["-vv", "status", "--all-profiles", "--json"],
    ] {
        let mut cmd = home.cmd(&sb);
        cmd.args(args);
        let out = run(cmd);
        out.expect(0);
        seen.push_str(&out.stdout);
        seen.push_str(&out.stderr);
    }
    // The evidence was read from that very answer…
    assert!(seen.contains("zelty.hubrise-apps.com"), "{seen}");
    assert!(seen.contains("\"state\":\"active\""), "{seen}");
    // …and the secret is nowhere: not in any output, nor in any file the tool wrote.
    for window in secret.as_bytes().windows(12) {
        let window = String::from_utf8_lossy(window);
        assert!(!seen.contains(window.as_ref()), "the secret_key leaked into the output");
        for (path, text) in home.files() {
            assert!(!text.contains(window.as_ref()), "the secret_key leaked into {}", path.display());
        }
    }
}

/// The README's "Try the CI path on the sandbox" lines, run as they are written, in a
/// shell with `zelty-bridge` on its PATH.
#[cfg(unix)] // the README's lines are bash
#[test]
fn the_readme_ci_path_runs_as_written() {
    let readme = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let block = readme
        .split("<!-- ci-path -->")
        .nth(1)
        .and_then(|rest| rest.split("<!-- /ci-path -->").next())
        .expect("the README marks its CI path");
    let script = block.trim().trim_start_matches("```sh").trim_end_matches("```");
    let home = Home::new();
    let bin_dir = bin().parent().unwrap().to_path_buf();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let out = Command::new("bash")
        .args(["-e", "-c", script])
        .current_dir(home.path())
        .env_clear()
        .env("PATH", path)
        .env("HOME", home.path())
        .env("LANG", "en_US.UTF-8")
        .stdin(Stdio::null())
        .output()
        .expect("run the README's lines");
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "exit {:?}\n--- stdout\n{stdout}\n--- stderr\n{stderr}", out.status.code());
    assert!(stdout.contains("\"restaurant_id\":12345"), "connect's JSON: {stdout}");
    assert!(stdout.contains("\"connected\":2"), "provision's report: {stdout}");
    assert!(stdout.contains("exit 6: Zelty Bridge is still to do"), "status said the app is to do: {stdout}");
}
