//! The command line itself: help, version, usage errors and their exit code, in both
//! output modes.

use crate::support::*;

#[test]
fn help_lists_every_command_and_exits_0() {
    let home = Home::new();
    let mut cmd = home.bare_cmd();
    cmd.arg("--help");
    let out = run(cmd);
    out.expect(0);
    // Whole words: `connect` must not pass for being inside `disconnect`.
    let words: Vec<&str> =
        out.stdout.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).filter(|w| !w.is_empty()).collect();
    for command in [
        "connect",
        "app",
        "grant-support",
        "disconnect",
        "status",
        "provision",
        "completions",
        "sandbox",
        "--sandbox",
        "--non-interactive",
        "--json",
    ] {
        assert!(words.contains(&command), "{command} in:\n{}", out.stdout);
    }
    // Each command has its own line in the list, not only a mention in a sentence.
    let listed: Vec<&str> = out.stdout.lines().filter_map(|l| l.split_whitespace().next()).collect();
    for command in ["connect", "app", "grant-support", "disconnect", "status", "provision", "completions", "sandbox"] {
        assert!(listed.contains(&command), "{command} listed in:\n{}", out.stdout);
    }
    assert!(!listed.contains(&"click"), "the tests' browser stays hidden:\n{}", out.stdout);
}

#[test]
fn version_exits_0() {
    let home = Home::new();
    let mut cmd = home.bare_cmd();
    cmd.arg("--version");
    let out = run(cmd);
    out.expect(0);
    assert!(out.stdout.starts_with("zelty-bridge "));
}

#[test]
fn version_names_the_version_and_the_target() {
    let home = Home::new();
    for args in [&["--version"][..], &["status", "--version"]] {
        let mut cmd = home.bare_cmd();
        cmd.args(args);
        let out = run(cmd);
        out.expect(0);
        // The triple of the platform the tests run on, as rustc names it (`std::env::consts`
        // gives its architecture and OS, which the triple begins and contains).
        let line = out.stdout.trim_end();
        let (name_version, target) = line.split_once(" (").unwrap_or_else(|| panic!("{args:?}: {line}"));
        // `zelty-bridge 0.1.0`, or `zelty-bridge-status 0.1.0` for a command's own flag.
        let (name, version) = name_version.rsplit_once(' ').unwrap_or_else(|| panic!("{args:?}: {line}"));
        assert!(name.starts_with("zelty-bridge"), "{args:?}: {line}");
        assert_eq!(version, env!("CARGO_PKG_VERSION"), "{args:?}");
        let target = target.strip_suffix(')').unwrap_or_else(|| panic!("{args:?}: {line}"));
        assert!(target.starts_with(std::env::consts::ARCH), "{args:?}: {target}");
        let os = match std::env::consts::OS {
            "macos" => "apple-darwin",
            os => os,
        };
        assert!(target.contains(os), "{args:?}: {target}");
    }
}

#[test]
fn a_bad_flag_exits_2_and_is_json_under_json() {
    let home = Home::new();
    let mut cmd = home.bare_cmd();
    cmd.args(["status", "--no-such-flag"]);
    run(cmd).expect(2);
    let mut cmd = home.bare_cmd();
    cmd.args(["--json", "status", "--no-such-flag"]);
    let out = run(cmd);
    out.expect(2);
    assert_eq!(out.json()["error"]["code"], "usage");
}

#[test]
fn a_bad_profile_name_is_refused() {
    let home = Home::new();
    let mut cmd = home.bare_cmd();
    cmd.args(["--json", "--profile", "../etc", "status"]);
    let out = run(cmd);
    out.expect(2);
    assert_eq!(out.json()["error"]["code"], "bad_profile_name");
}

#[test]
fn status_without_a_connection_exits_4() {
    let home = Home::new();
    let mut cmd = home.bare_cmd();
    cmd.args(["status", "--json"]);
    let out = run(cmd);
    out.expect(4);
    assert_eq!(out.json()["error"]["code"], "not_connected");
}

#[test]
fn a_bad_environment_value_names_the_variable() {
    let home = Home::new();
    let mut cmd = home.bare_cmd();
    cmd.args(["status"]).env("ZELTY_BRIDGE_SECRET_STORE", "plaintext");
    let out = run(cmd);
    out.expect(2);
    assert!(out.stderr.contains("ZELTY_BRIDGE_SECRET_STORE"), "{}", out.stderr);
}

/// `zelty-bridge sandbox` serves in the foreground and prints the lines that point the CLI
/// at it.
#[test]
fn the_sandbox_command_prints_export_lines() {
    use std::io::{BufRead, BufReader};
    let home = Home::new();
    let mut cmd = home.bare_cmd();
    cmd.arg("sandbox").stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::null());
    let mut child = cmd.spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut exports = Vec::new();
    for line in lines.by_ref().take(8) {
        exports.push(line.unwrap());
    }
    let _ = child.kill();
    let _ = child.wait();
    let text = exports.join("\n");
    for var in [
        "ZELTY_BRIDGE_HUBRISE_OAUTH_URL",
        "ZELTY_BRIDGE_HUBRISE_API_URL",
        "ZELTY_BRIDGE_HUBRISE_MANAGER_URL",
        "ZELTY_BRIDGE_ZELTY_API_URL",
        "ZELTY_BRIDGE_ZELTY_BO_URL",
        "ZELTY_BRIDGE_CLIENT_ID",
    ] {
        assert!(text.contains(&format!("export {var}=")), "{var} in\n{text}");
    }
}
