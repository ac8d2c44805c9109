//! Hardening (an attacker's and an unlucky operator's tries): no secret lost when several
//! runs share a config dir, nothing half-stored after SIGTERM or SIGHUP, failed rollbacks
//! and orphaned secrets found, no secret in an error even from a server that echoes what it
//! was sent, a config dir nobody else controls, a browser without our secrets, and the
//! small input checks.

use crate::support::*;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The secrets file of `home` as a map (empty when there is none).
fn secrets(home: &Home) -> serde_json::Map<String, Value> {
    std::fs::read_to_string(home.config_dir().join("secrets.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        .and_then(|v| v.as_object().cloned())
        .unwrap_or_default()
}

/// Temp files (`.something.tmp`) anywhere under the config dir.
fn temp_files(home: &Home) -> Vec<PathBuf> {
    home.files().into_iter().map(|(p, _)| p).filter(|p| p.extension().is_some_and(|e| e == "tmp")).collect()
}

/// A manifest of `keys` with the account token, each restaurant on its own location.
fn manifest(
    sb: &Sandbox,
    path: &Path,
    prefix: &str,
    keys: &[(i64, String)],
    locations: &[String],
) -> Vec<(String, String)> {
    let token = sb.mint_token(json!({ "account": true }));
    let mut text = String::from("hubrise_account_token_env = \"HUBRISE_ACCOUNT_TOKEN\"\n");
    let mut env = vec![("HUBRISE_ACCOUNT_TOKEN".to_string(), token)];
    for (i, ((_, key), location)) in keys.iter().zip(locations).enumerate() {
        let var = format!("KEY_{}_{i}", prefix.to_uppercase());
        text.push_str(&format!(
            "[[restaurant]]\nprofile = \"{prefix}-{i:02}\"\nzelty_api_key_env = \"{var}\"\nlocation_id = \"{location}\"\n"
        ));
        env.push((var, key.clone()));
    }
    std::fs::write(path, text).unwrap();
    env
}

fn spawn(mut cmd: Command) -> Child {
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn zelty-bridge")
}

fn wait_output(child: Child) -> Output {
    let out = child.wait_with_output().expect("wait");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Item 1: two `provision` runs at once on one config dir, 20 profiles each, file store.
#[test]
fn two_provisions_at_once_lose_no_secret() {
    let sb = Sandbox::start(&["--restaurants", "40", "--locations", "40"]);
    let home = Home::new();
    let keys: Vec<(i64, String)> = sb.keys().into_iter().filter(|(id, _)| *id != 12345).collect();
    let locations: Vec<String> =
        sb.json["locations"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap().to_string()).collect();
    let runs: Vec<Child> = ["a", "b"]
        .iter()
        .enumerate()
        .map(|(n, prefix)| {
            let path = home.path().join(format!("{prefix}.toml"));
            let range = n * 20..n * 20 + 20;
            let env = manifest(&sb, &path, prefix, &keys[range.clone()], &locations[range]);
            let mut cmd = home.cmd(&sb);
            cmd.arg("provision").arg(&path).arg("--json").envs(env);
            spawn(cmd)
        })
        .collect();
    for child in runs {
        let out = wait_output(child);
        out.expect(0);
        assert_eq!(out.json()["summary"]["connected"], 20, "{}", out.stdout);
    }
    let stored = secrets(&home);
    let missing: Vec<String> = ["a", "b"]
        .iter()
        .flat_map(|p| (0..20).map(move |i| format!("{p}-{i:02}")))
        .flat_map(|p| [format!("{p}:zelty-api-key"), format!("{p}:hubrise-access-token")])
        .filter(|user| !stored.contains_key(user))
        .collect();
    assert!(missing.is_empty(), "{} of 80 secrets lost: {missing:?}", missing.len());
    assert!(temp_files(&home).is_empty(), "{:?}", temp_files(&home));
}

/// Sends `signal` to `pid` with kill(1).
fn kill(signal: &str, pid: u32) {
    let status = Command::new("kill").arg(format!("-{signal}")).arg(pid.to_string()).status().expect("kill");
    assert!(status.success());
}

/// Item 2: `connect` gets SIGTERM or SIGHUP at each of its store steps (each atomic write,
/// just before its rename: the Zelty key, the token, the profile). The signal is held
/// until the connection is stored in full, the exit code is 128 + the signal, and no temp
/// file is left.
#[test]
fn sigterm_and_sighup_at_each_store_step_leave_nothing_half_stored() {
    let sb = Sandbox::start(&[]);
    for (signal, code) in [("TERM", 143), ("HUP", 129)] {
        for step in 1..=3 {
            let home = Home::new();
            let pause = home.path().join("pause");
            std::fs::create_dir(&pause).unwrap();
            let mut cmd = home.cmd(&sb);
            cmd.args(["connect", "--json"])
                .env("ZELTY_API_KEY", sb.demo_key())
                .env("ZELTY_BRIDGE_TEST_STORE_PAUSE", &pause);
            let mut child = spawn(cmd);
            let start = Instant::now();
            let mut next = 1;
            let mut sent = false;
            // Let the run through each step, signalling at `step`.
            while start.elapsed() < HANG_GUARD && next <= 3 && child.try_wait().unwrap().is_none() {
                let marker = pause.join(format!("step-{next}"));
                if marker.exists() {
                    if next == step && !sent {
                        kill(signal, child.id());
                        sent = true;
                        // Give the signal time to land while the write is paused.
                        std::thread::sleep(Duration::from_millis(300));
                    }
                    std::fs::remove_file(&marker).unwrap();
                    next += 1;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let out = wait_output(child);
            assert!(sent, "step {step} was never reached:\n{}", out.stderr);
            assert_eq!(out.code, code, "SIG{signal} at step {step}:\n{}", out.stderr);
            let stored = secrets(&home);
            let profile = home.config_dir().join("profiles/default.toml").exists();
            let whole = stored.contains_key("default:zelty-api-key")
                && stored.contains_key("default:hubrise-access-token")
                && profile;
            let none = stored.is_empty() && !profile;
            assert!(whole || none, "SIG{signal} at step {step} left {:?}, profile: {profile}", stored.keys());
            assert!(temp_files(&home).is_empty(), "SIG{signal} at step {step} left {:?}", temp_files(&home));
        }
    }
}
