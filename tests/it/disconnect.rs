//! `disconnect` cut short after HubRise answered its revoke: the profile keeps a record of
//! it, `status` says the disconnect is unfinished and how to finish it, and the rerun
//! finishes without asking HubRise again.

// Its helpers serve the Unix-only test (signals).
#![cfg_attr(not(unix), allow(dead_code, unused_imports))]

use crate::support::*;
use std::process::{Command, Stdio};
use std::time::Instant;

/// The revoke requests the sandbox's HubRise received so far.
fn revokes(sb: &Sandbox) -> usize {
    sb.requests().iter().filter(|r| r["path"].as_str().is_some_and(|p| p.ends_with("/revoke"))).count()
}

/// Connects the default profile, then runs `disconnect --yes` and sends it SIGTERM right
/// after HubRise answered its revoke (at the run's own pause point, debug builds only).
/// Returns the revokes the sandbox had received before the disconnect, and its stderr.
#[cfg(unix)]
pub fn cut_after_the_revoke(sb: &Sandbox, home: &Home) -> (usize, String) {
    let mut connect = home.cmd(sb);
    connect.args(["connect", "--json"]).env("ZELTY_API_KEY", sb.demo_key());
    run(connect).expect(0);
    assert!(
        home.file_store().keys().cloned().collect::<Vec<_>>().contains(&"default:hubrise-access-token".to_string()),
        "{:?}",
        home.file_store().keys().cloned().collect::<Vec<_>>()
    );
    let base = revokes(sb);
    let pause = home.path().join("pause");
    std::fs::create_dir(&pause).unwrap();
    let mut cmd = home.cmd(sb);
    cmd.args(["disconnect", "--yes"]).env("ZELTY_BRIDGE_TEST_DISCONNECT_PAUSE", &pause);
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn zelty-bridge");
    let (marker, start) = (pause.join("revoked"), Instant::now());
    while !marker.exists() {
        assert!(child.try_wait().unwrap().is_none(), "the run ended before its revoke was recorded");
        assert!(start.elapsed() < HANG_GUARD, "the revoke was never reached");
        std::thread::yield_now();
    }
    let kill = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().expect("kill");
    assert!(kill.success());
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    (base, stderr)
}

/// What a finished disconnect leaves: no profile, no secret, and no revoke but the first.
pub fn finished(sb: &Sandbox, home: &Home, base: usize) {
    assert_eq!(revokes(sb), base + 1, "no second revoke");
    assert!(!home.config_dir().join("profiles/default.toml").exists(), "the profile is removed");
    assert!(
        home.file_store().keys().cloned().collect::<Vec<_>>().is_empty(),
        "{:?}",
        home.file_store().keys().cloned().collect::<Vec<_>>()
    );
    assert!(home.stored().is_empty(), "{:?}", home.stored());
}

#[cfg(unix)]
#[test]
fn sigterm_after_the_revoke_then_a_rerun_finishes_without_revoking_again() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let (base, stderr) = cut_after_the_revoke(&sb, &home);
    assert!(stderr.contains("after the watch was revoked") && stderr.contains("zelty-bridge disconnect"), "{stderr}");
    assert_eq!(revokes(&sb), base + 1, "one revoke");
    let text = std::fs::read_to_string(home.config_dir().join("profiles/default.toml")).expect("the profile is left");
    assert!(text.contains("revoked_at = "), "the revoke is recorded:\n{text}");
    assert!(!home.file_store().keys().cloned().collect::<Vec<_>>().is_empty(), "the secrets are left");

    // `status` says what is left and how to finish, exit 6 (a person must act).
    let mut status = home.cmd(&sb);
    status.args(["status", "--json"]);
    let out = run(status);
    out.expect(6);
    let h = &out.json()["hubrise"];
    assert_eq!(h["state"], "disconnect_unfinished", "{h}");
    assert!(h["hint"].as_str().is_some_and(|t| t.contains("`zelty-bridge disconnect`")), "{h}");
    for (lang, words) in [("en", "half disconnected"), ("fr", "déconnexion à finir")] {
        let mut status = home.cmd(&sb);
        status.args(["--lang", lang, "status"]);
        let out = run(status);
        out.expect(6);
        assert!(out.stdout.contains(words) && out.stdout.contains("`zelty-bridge disconnect`"), "{}", out.stdout);
    }
    assert_eq!(revokes(&sb), base + 1, "status revokes nothing");

    // `app` and a script's `connect` are told to finish the disconnect first (exit 6),
    // never working with the dead token.
    let mut app = home.cmd(&sb);
    app.args(["app", "--json"]);
    let mut connect = home.cmd(&sb);
    connect.args(["connect", "--json"]).env("ZELTY_API_KEY", sb.demo_key());
    for cmd in [app, connect] {
        let out = run(cmd);
        out.expect(6);
        assert_eq!(out.json()["error"]["code"], "disconnect_unfinished", "{}", out.stdout);
        assert!(
            out.json()["error"]["hint"].as_str().unwrap_or_default().contains("zelty-bridge disconnect"),
            "{}",
            out.stdout
        );
    }

    // The rerun finishes without asking HubRise again.
    let mut again = home.cmd(&sb);
    again.args(["disconnect", "--yes", "--json"]);
    let out = run(again);
    out.expect(0);
    let report = out.json();
    assert_eq!((report["hubrise_revoke"].as_str(), report["revoked"].as_bool()), (Some("already_revoked"), Some(true)));
    assert!(out.stderr.contains("already revoked") && out.stderr.contains("interrupted"), "{}", out.stderr);
    finished(&sb, &home, base);
}
