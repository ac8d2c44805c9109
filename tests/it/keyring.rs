//! The real Secret Service: a private D-Bus session with an unlocked gnome-keyring in a
//! temporary HOME. Both secrets land in it under the documented names and in no file; a
//! disconnect removes them; two config dirs on one keyring keep to their own items. Skips
//! loudly when the programs are missing, except under CI, where it must run.

use crate::support::*;
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PROGRAMS: [&str; 4] = ["dbus-run-session", "dbus-send", "gnome-keyring-daemon", "secret-tool"];

/// The Secret Service's name on the bus, owned once the daemon serves it.
const SECRETS_NAME: &str = "org.freedesktop.secrets";

/// How long the daemon may take to own its name before the session is a failure: a guard
/// against a hang, not a pace (the wait ends as soon as the name is owned).
const DAEMON_GUARD: Duration = Duration::from_secs(20);

/// The attribute that scopes an item to its config dir (README, "Secrets").
pub const SCOPE_ATTRIBUTE: &str = "zelty-bridge-config";

/// A private session bus with gnome-keyring started (and unlocked unless `locked`).
pub struct KeyringSession {
    child: Child,
    pub bus: String,
    pub home: Home,
}

impl KeyringSession {
    /// `None` (after saying why) when the programs are missing outside CI.
    pub fn start(locked: bool) -> Option<KeyringSession> {
        if !need_programs(&PROGRAMS) {
            return None;
        }
        let home = Home::new();
        let runtime = home.path().join("run");
        std::fs::create_dir_all(&runtime).unwrap();
        #[cfg(unix)]
        std::fs::set_permissions(&runtime, std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();
        let start = if locked {
            // A daemon with no unlocked collection: writes need an unlock prompt nobody can answer.
            "gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1"
        } else {
            "printf 'test-password' | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null 2>&1"
        };
        let script = format!("{start}; echo \"BUS=$DBUS_SESSION_BUS_ADDRESS\"; exec cat");
        let mut child = Command::new("dbus-run-session")
            .args(["--", "sh", "-c", &script])
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", home.path())
            .env("XDG_RUNTIME_DIR", &runtime)
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CONFIG_HOME", home.path().join("xdg-config"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start dbus-run-session");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let bus = line.trim().strip_prefix("BUS=").expect("the bus address").to_string();
        let session = KeyringSession { child, bus, home };
        session.wait_for_the_daemon();
        Some(session)
    }

    /// Returns once gnome-keyring owns `org.freedesktop.secrets` on this bus (asked with
    /// `NameHasOwner`, which never starts a service), and fails the test if it never does.
    fn wait_for_the_daemon(&self) {
        let started = Instant::now();
        loop {
            let out = Command::new("dbus-send")
                .args([
                    "--session",
                    "--print-reply",
                    "--dest=org.freedesktop.DBus",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus.NameHasOwner",
                    &format!("string:{SECRETS_NAME}"),
                ])
                .env("DBUS_SESSION_BUS_ADDRESS", &self.bus)
                .output()
                .expect("run dbus-send");
            if String::from_utf8_lossy(&out.stdout).contains("boolean true") {
                return;
            }
            assert!(started.elapsed() < DAEMON_GUARD, "gnome-keyring never owned {SECRETS_NAME} on {}", self.bus);
            std::thread::yield_now();
        }
    }

    /// The CLI inside this session, with the keyring as its store.
    pub fn cmd(&self, sb: &Sandbox) -> Command {
        let mut cmd = self.home.cmd(sb);
        cmd.env_remove("ZELTY_BRIDGE_SECRET_STORE")
            .env("DBUS_SESSION_BUS_ADDRESS", &self.bus)
            .env("XDG_RUNTIME_DIR", self.home.path().join("run"))
            .env("ZELTY_BRIDGE_KEYRING_TIMEOUT", "5");
        cmd
    }

    /// The CLI inside this session with another config dir.
    pub fn cmd_in(&self, sb: &Sandbox, config_dir: &Path) -> Command {
        let mut cmd = self.cmd(sb);
        cmd.env("ZELTY_BRIDGE_CONFIG_DIR", config_dir);
        cmd
    }

    /// Locks the default collection, as the screen locker or `seahorse` does, through the
    /// Secret Service's own `Lock` call
    /// (https://specifications.freedesktop.org/secret-service-spec/latest/org.freedesktop.Secret.Service.html).
    pub fn lock(&self) {
        let out = Command::new("dbus-send")
            .args([
                "--session",
                "--print-reply",
                &format!("--dest={SECRETS_NAME}"),
                "/org/freedesktop/secrets",
                "org.freedesktop.Secret.Service.Lock",
                "array:objpath:/org/freedesktop/secrets/aliases/default",
            ])
            .env("DBUS_SESSION_BUS_ADDRESS", &self.bus)
            .output()
            .expect("run dbus-send");
        let reply = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success() && reply.contains("aliases/default"), "not locked: {reply}");
    }

    /// `secret-tool lookup service S username U`, as another program would read it.
    pub fn lookup(&self, service: &str, user: &str) -> Option<String> {
        let out = self.secret_tool(&["lookup", "service", service, "username", user], None);
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// `secret-tool` on this session's bus, `input` on its stdin.
    pub fn secret_tool(&self, args: &[&str], input: Option<&str>) -> std::process::Output {
        let mut child = Command::new("secret-tool")
            .args(args)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.bus)
            .env("HOME", self.home.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run secret-tool");
        if let Some(text) = input {
            child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
        }
        drop(child.stdin.take());
        child.wait_with_output().unwrap()
    }

    /// The items of `service`/`user`, each as its attributes (`secret-tool search --all`
    /// prints each item's attributes on stderr, one `attribute.NAME = VALUE` a line).
    pub fn items(&self, service: &str, user: &str) -> Vec<Vec<(String, String)>> {
        let out = self.secret_tool(&["search", "--all", "service", service, "username", user], None);
        let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        let mut items: Vec<Vec<(String, String)>> = Vec::new();
        for line in text.lines() {
            if line.starts_with('[') {
                items.push(Vec::new());
            } else if let Some((name, value)) = line.strip_prefix("attribute.").and_then(|l| l.split_once(" = "))
                && let Some(item) = items.last_mut()
            {
                item.push((name.to_string(), value.to_string()));
            }
        }
        items
    }

    /// The config scope of each item of `service`/`user` (`None` for an unscoped one).
    pub fn scopes(&self, service: &str, user: &str) -> Vec<Option<String>> {
        let mut scopes: Vec<Option<String>> = self
            .items(service, user)
            .into_iter()
            .map(|attrs| attrs.into_iter().find(|(n, _)| n == SCOPE_ATTRIBUTE).map(|(_, v)| v))
            .collect();
        scopes.sort();
        scopes
    }
}

/// The scope of a config dir as the README defines it: the first 16 hex digits of the
/// SHA-256 of its canonical path. Written here apart from the product's code, so the two
/// must agree.
pub fn scope_of(config_dir: &Path) -> String {
    use sha2::Digest as _;
    std::fs::create_dir_all(config_dir).unwrap();
    let path = std::fs::canonicalize(config_dir).unwrap();
    let digest = sha2::Sha256::digest(path.to_str().unwrap().as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect::<String>()[..16].to_string()
}

/// The state of the two parts of a `status --json`.
fn parts(status: &Value) -> (Option<&str>, Option<&str>) {
    (status["zelty"]["state"].as_str(), status["hubrise"]["state"].as_str())
}

impl Drop for KeyringSession {
    fn drop(&mut self) {
        // Closing `cat`'s stdin ends the session: dbus-run-session then stops the bus, and
        // gnome-keyring leaves with it. Killing dbus-run-session outright would leave both
        // daemons running, so it gets a few seconds to do that first.
        drop(self.child.stdin.take());
        for _ in 0..100 {
            if self.child.try_wait().ok().flatten().is_some() {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn both_secrets_live_in_the_real_keyring_and_in_no_file() {
    let Some(session) = KeyringSession::start(false) else { return };
    let sb = Sandbox::start(&[]);
    let key = sb.demo_key();
    let mut connect = session.cmd(&sb);
    connect.args(["connect", "--json"]).env("ZELTY_API_KEY", &key);
    let out = run(connect);
    out.expect(0);
    assert_eq!(out.json()["secret_store"], "keyring");

    assert_eq!(session.lookup("zelty-bridge", "default:zelty-api-key").as_deref(), Some(key.as_str()));
    let token = session.lookup("zelty-bridge", "default:hubrise-access-token").expect("the token is in the keyring");
    assert!(token.len() >= 16);
    for (path, content) in session.home.files() {
        assert!(!content.contains(&key) && !content.contains(&token), "{} holds a secret", path.display());
    }

    let mut status = session.cmd(&sb);
    status.args(["status", "--json"]);
    let status = run(status);
    // Both secrets read back from the keyring; the app step is still a person's to do (6).
    status.expect(6);
    assert_eq!(status.json()["secret_store"], "keyring");
    assert_eq!(
        (status.json()["zelty"]["state"].as_str(), status.json()["hubrise"]["state"].as_str()),
        (Some("ok"), Some("ok"))
    );

    let mut disconnect = session.cmd(&sb);
    disconnect.args(["disconnect", "--yes", "--json"]);
    run(disconnect).expect(0);
    assert_eq!(session.lookup("zelty-bridge", "default:zelty-api-key"), None);
    assert_eq!(session.lookup("zelty-bridge", "default:hubrise-access-token"), None);
}

#[test]
fn the_sandbox_uses_its_own_keyring_service() {
    let Some(session) = KeyringSession::start(false) else { return };
    let sb = Sandbox::start(&[]);
    let mut connect = session.cmd(&sb);
    connect.args(["--sandbox", "connect", "--json"]);
    for (var, _) in sb.env() {
        connect.env_remove(var);
    }
    let out = run(connect);
    out.expect(0);
    assert_eq!(out.json()["secret_store"], "keyring");
    assert!(session.lookup("zelty-bridge-sandbox", "default:zelty-api-key").is_some());
    assert_eq!(session.lookup("zelty-bridge", "default:zelty-api-key"), None, "real secrets untouched");
}

/// Whether the run asked Zelty anything (its first step validates the key).
fn zelty_was_asked(sb: &Sandbox) -> bool {
    sb.requests().iter().any(|r| r["path"].as_str().is_some_and(|p| p.contains("/restaurants")))
}

/// DESIGN: "a locked keyring is found before the first step": the key is not even
/// validated, so a person does not spend Zelty's one-time key on a run that cannot store it.
#[test]
fn a_locked_keyring_is_explained_before_the_first_step() {
    let Some(session) = KeyringSession::start(true) else { return };
    let sb = Sandbox::start(&[]);
    let mut connect = session.cmd(&sb);
    connect.args(["connect", "--json"]).env("ZELTY_API_KEY", sb.demo_key()).env("ZELTY_BRIDGE_KEYRING_TIMEOUT", "3");
    let out = run(connect);
    out.expect(1);
    let error = &out.json()["error"];
    let code = error["code"].as_str().unwrap();
    assert!(["keyring_locked", "keyring_timeout", "keyring_unavailable"].contains(&code), "{error}");
    assert!(error["hint"].as_str().unwrap().contains("ZELTY_BRIDGE_SECRET_STORE=file"), "{error}");
    assert!(!zelty_was_asked(&sb), "the key was validated before the keyring was checked");
    assert!(session.home.stored().is_empty());
}

#[test]
fn no_session_bus_is_explained_with_the_way_out() {
    let sb = Sandbox::start(&[]);
    let home = Home::new();
    let mut connect = home.cmd(&sb);
    connect
        .args(["connect", "--json"])
        .env_remove("ZELTY_BRIDGE_SECRET_STORE")
        .env("DBUS_SESSION_BUS_ADDRESS", format!("unix:path={}", home.path().join("no-bus").display()))
        .env("ZELTY_API_KEY", sb.demo_key());
    let out = run(connect);
    out.expect(1);
    let error = &out.json()["error"];
    assert!(error["code"].as_str().unwrap().starts_with("keyring_"), "{error}");
    assert!(error["hint"].as_str().unwrap().contains("ZELTY_BRIDGE_SECRET_STORE=file"), "{error}");
    assert!(home.stored().is_empty());
}

/// A D-Bus peer that accepts connections and never answers: the keyring call must be
/// abandoned at its deadline, not hang the wizard.
#[test]
fn a_stalled_keyring_peer_is_abandoned_at_its_deadline() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let socket = home.path().join("stalled-bus");
    let listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for connection in listener.incoming() {
            held.push(connection);
        }
    });
    let mut connect = home.cmd(&sb);
    connect
        .args(["connect", "--json"])
        .env_remove("ZELTY_BRIDGE_SECRET_STORE")
        .env("DBUS_SESSION_BUS_ADDRESS", format!("unix:path={}", socket.display()))
        .env("ZELTY_BRIDGE_KEYRING_TIMEOUT", "2")
        .env("ZELTY_API_KEY", sb.demo_key());
    // A hung call would fail the test at the harness's guard (`run`); what is asserted is
    // what the deadline leads to: the timeout said, before the first step, nothing stored.
    let out = run(connect);
    out.expect(1);
    assert_eq!(out.json()["error"]["code"], "keyring_timeout", "{}", out.stdout);
    assert!(out.json()["error"]["hint"].as_str().unwrap().contains("ZELTY_BRIDGE_SECRET_STORE=file"));
    assert!(!zelty_was_asked(&sb), "the key was validated before the keyring was checked");
    assert!(home.stored().is_empty());
}

/// Secrets in a keyring that stops answering are not lost: `status` calls the parts
/// unreachable (exit 5), says why once, and never tells the person to connect again.
#[test]
fn a_keyring_that_does_not_answer_is_unreachable_in_status_not_missing() {
    let Some(session) = KeyringSession::start(false) else { return };
    let sb = Sandbox::start(&[]);
    let mut connect = session.cmd(&sb);
    connect.args(["connect", "--json"]).env("ZELTY_API_KEY", sb.demo_key());
    run(connect).expect(0);
    // The same config, now with a bus that accepts and never answers.
    let socket = session.home.path().join("stalled-bus");
    let listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for connection in listener.incoming() {
            held.push(connection);
        }
    });
    let stalled = |args: &[&str]| {
        let mut cmd = session.cmd(&sb);
        cmd.args(args)
            .env("DBUS_SESSION_BUS_ADDRESS", format!("unix:path={}", socket.display()))
            .env("ZELTY_BRIDGE_KEYRING_TIMEOUT", "2");
        run(cmd)
    };
    let out = stalled(&["status", "--json"]);
    out.expect(5);
    assert_eq!(parts(&out.json()), (Some("unreachable"), Some("unreachable")), "{}", out.stdout);
    assert_eq!(out.json()["zelty"]["reason"], "keyring_timeout", "{}", out.stdout);
    let out = stalled(&["status"]);
    out.expect(5);
    let all = format!("{}{}", out.stdout, out.stderr);
    assert!(!all.contains("missing") && !all.contains("zelty-bridge connect"), "{all}");
    assert_eq!(all.matches("not responding").count(), 1, "said once:\n{all}");
}

/// A person at a terminal with a locked keyring (the usual case over SSH to a desktop) is
/// told before the Zelty key is asked for — the key is shown once by Zelty — and offered
/// the private file there and then.
#[test]
fn a_locked_keyring_is_caught_before_the_key_prompt() {
    let Some(session) = KeyringSession::start(true) else { return };
    let sb = Sandbox::start(&[]);
    let mut cmd = session.cmd(&sb);
    cmd.env_remove("CI").env("TERM", "xterm").env("ZELTY_BRIDGE_KEYRING_TIMEOUT", "3").arg("connect");
    cmd.stdin(Stdio::inherit()); // the pty, as a person's terminal
    let mut s = crate::terminal::spawn_pty(cmd);
    let before = s.exp_string("readable only by you?").expect("the file store is offered");
    assert!(!before.contains("Zelty API key") && !before.contains("Step 1"), "asked before any step:\n{before}");
    assert!(before.contains("keyring"), "the reason is said:\n{before}");
    s.send_line("n").unwrap();
    s.exp_eof().unwrap();
    assert!(session.home.stored().is_empty(), "nothing stored");
}

/// Two config dirs on one keyring (a CI job's `mktemp -d` beside a person's own): B never
/// reads, reports or removes A's secrets, and each item carries its config's scope.
#[test]
fn two_config_dirs_on_one_keyring_keep_to_their_own_secrets() {
    let Some(session) = KeyringSession::start(false) else { return };
    let sb = Sandbox::start(&[]);
    let (a, b) = (session.home.config_dir(), session.home.path().join("config-b"));
    let key = sb.demo_key();
    let mut connect = session.cmd_in(&sb, &a);
    connect.args(["--profile", "paris", "connect", "--json"]).env("ZELTY_API_KEY", &key);
    run(connect).expect(0);
    let mut connect = session.cmd_in(&sb, &b);
    connect.args(["connect", "--json"]).env("ZELTY_API_KEY", &key);
    run(connect).expect(0);

    // B has no profile `paris`: A's secrets are not B's orphans…
    let mut status = session.cmd_in(&sb, &b);
    status.args(["--profile", "paris", "status", "--all-profiles", "--json"]);
    let out = run(status);
    assert_eq!(out.json()["orphans"], serde_json::json!([]), "{}", out.stdout);
    assert!(!out.stderr.contains("paris:"), "{}", out.stderr);

    // …and not B's to revoke or remove.
    let before = sb.requests().len();
    let mut disconnect = session.cmd_in(&sb, &b);
    disconnect.args(["--profile", "paris", "disconnect", "-y", "--force", "--json"]);
    let out = run(disconnect);
    out.expect(0);
    assert_eq!(out.json()["disconnected"], false, "{}", out.stdout);
    let revoked =
        sb.requests().into_iter().skip(before).any(|r| r["path"].as_str().is_some_and(|p| p.ends_with("/revoke")));
    assert!(!revoked, "B revoked A's token");

    let mut status = session.cmd_in(&sb, &a);
    status.args(["--profile", "paris", "status", "--json"]);
    let out = run(status);
    assert_eq!(parts(&out.json()), (Some("ok"), Some("ok")), "{}", out.stdout);

    // Each item carries its config's scope, as the README says.
    assert_eq!(session.scopes("zelty-bridge", "paris:zelty-api-key"), vec![Some(scope_of(&a))]);
    assert_eq!(session.scopes("zelty-bridge", "paris:hubrise-access-token"), vec![Some(scope_of(&a))]);
    assert_eq!(session.scopes("zelty-bridge", "default:zelty-api-key"), vec![Some(scope_of(&b))]);
}

/// An item stored before items were scoped (no `zelty-bridge-config`, as `keyring` 3 wrote
/// it) belongs to the config that has a profile naming it: that config adopts it the first
/// time it reads it (a scoped item is written, the old one removed); another config
/// neither sees it nor removes it.
#[test]
fn an_old_unscoped_item_is_adopted_once_by_the_config_that_names_it() {
    let Some(session) = KeyringSession::start(false) else { return };
    let sb = Sandbox::start(&[]);
    let (a, b) = (session.home.config_dir(), session.home.path().join("config-b"));
    let mut connect = session.cmd_in(&sb, &a);
    connect.args(["connect", "--json"]).env("ZELTY_API_KEY", sb.demo_key());
    run(connect).expect(0);
    // Put both secrets back as an earlier version stored them.
    for user in ["default:zelty-api-key", "default:hubrise-access-token"] {
        let value = session.lookup("zelty-bridge", user).expect("stored");
        let cleared = session.secret_tool(&["clear", "service", "zelty-bridge", "username", user], None);
        assert!(cleared.status.success());
        let attrs = ["service", "zelty-bridge", "username", user, "target", "default", "application", "rust-keyring"];
        let stored = session
            .secret_tool(&[&["store", "--label=stored by an earlier version"][..], &attrs].concat(), Some(&value));
        assert!(stored.status.success(), "{}", String::from_utf8_lossy(&stored.stderr));
        assert_eq!(session.scopes("zelty-bridge", user), vec![None]);
    }

    // B has no profile `default`: nothing of it is B's.
    let mut status = session.cmd_in(&sb, &b);
    status.args(["status", "--all-profiles", "--json"]);
    let out = run(status);
    assert_eq!(out.json()["orphans"], serde_json::json!([]), "{}", out.stdout);
    let mut disconnect = session.cmd_in(&sb, &b);
    disconnect.args(["disconnect", "-y", "--force", "--json"]);
    run(disconnect).expect(0);
    assert_eq!(session.scopes("zelty-bridge", "default:zelty-api-key"), vec![None], "B removed A's old item");

    // A has it: read, adopted, and read again from the scoped item.
    for _ in 0..2 {
        let mut status = session.cmd_in(&sb, &a);
        status.args(["status", "--json"]);
        let out = run(status);
        assert_eq!(parts(&out.json()), (Some("ok"), Some("ok")), "{}", out.stdout);
        for user in ["default:zelty-api-key", "default:hubrise-access-token"] {
            assert_eq!(session.scopes("zelty-bridge", user), vec![Some(scope_of(&a))], "{user}");
        }
    }
}

/// Two items that both match a profile's secret: the run refuses to pick one, names both,
/// in the user's language, and says how to keep one.
#[test]
fn several_matching_items_are_refused_by_name() {
    let Some(session) = KeyringSession::start(false) else { return };
    let sb = Sandbox::start(&[]);
    let a = session.home.config_dir();
    let mut connect = session.cmd(&sb);
    connect.args(["connect", "--json"]).env("ZELTY_API_KEY", sb.demo_key());
    run(connect).expect(0);
    let scope = scope_of(&a);
    let attrs =
        ["service", "zelty-bridge", "username", "default:zelty-api-key", SCOPE_ATTRIBUTE, &scope, "target", "other"];
    let stored =
        session.secret_tool(&[&["store", "--label=a second copy"][..], &attrs].concat(), Some("another-key-value"));
    assert!(stored.status.success());

    for (lang, words) in [
        ("en", "keyring items match default:zelty-api-key"),
        ("fr", "éléments du trousseau correspondent à default:zelty-api-key"),
    ] {
        let mut status = session.cmd(&sb);
        status.args(["--lang", lang, "connect", "--force", "--json"]).env("ZELTY_API_KEY", sb.demo_key());
        let out = run(status);
        out.expect(1);
        let error = &out.json()["error"];
        assert_eq!(error["code"], "keyring_ambiguous", "{}", out.stdout);
        let message = error["message"].as_str().unwrap();
        assert!(message.contains(words), "{message}");
        assert!(message.contains("\"a second copy\"") && message.contains("(zelty-bridge)\""), "{message}");
        assert!(error["hint"].as_str().unwrap().contains("secret-tool search --all service zelty-bridge"), "{error}");
        assert!(!out.stdout.contains("another-key-value") && !out.stderr.contains("another-key-value"));
    }
    assert_eq!(session.items("zelty-bridge", "default:zelty-api-key").len(), 2, "nothing was overwritten");
}

/// A connection made with the file store, redone with the keyring: `disconnect` empties both
/// stores, not only the one the profile names now, and only then says they are deleted.
#[test]
fn disconnect_after_a_store_switch_leaves_no_secret_in_either() {
    let Some(session) = KeyringSession::start(false) else { return };
    let sb = Sandbox::start(&[]);
    let key = sb.demo_key();
    let mut first = session.cmd(&sb);
    first.args(["connect", "--json"]).env("ZELTY_API_KEY", &key).env("ZELTY_BRIDGE_SECRET_STORE", "file");
    run(first).expect(0);
    let file = session.home.config_dir().join("secrets.json");
    assert!(std::fs::read_to_string(&file).unwrap().contains(&key));
    let mut again = session.cmd(&sb);
    again.args(["connect", "--force", "--json"]).env("ZELTY_API_KEY", &key);
    assert_eq!(run(again).expect(0).json()["secret_store"], "keyring");
    let mut disconnect = session.cmd(&sb);
    disconnect.args(["disconnect", "--yes", "--json"]);
    let out = run(disconnect);
    out.expect(0);
    let file_text = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(!file_text.contains(&key) && !file_text.contains("hubrise-access-token"), "{file_text}");
    assert_eq!(session.lookup("zelty-bridge", "default:zelty-api-key"), None);
    assert!(out.json()["other_stores"].as_array().is_some_and(|s| !s.is_empty()), "{}", out.stdout);
}

/// `--sandbox` with no Secret Service on the bus falls back to the file store and says why
/// in a person's words, in both languages; the library's D-Bus reason only at `-v`.
#[test]
fn the_sandbox_fallback_says_why_in_a_persons_words() {
    for (lang, words) in [("en", "not available on this machine"), ("fr", "pas disponible sur cette machine")] {
        for verbose in [false, true] {
            let home = Home::new();
            let mut connect = home.bare_cmd();
            connect
                .args(["--lang", lang, "--sandbox", "connect", "--json"])
                .args(verbose.then_some("-v"))
                .env_remove("ZELTY_BRIDGE_SECRET_STORE")
                .env("DBUS_SESSION_BUS_ADDRESS", format!("unix:path={}", home.path().join("no-bus").display()));
            let out = run(connect);
            out.expect(0);
            let warning = out.stderr.lines().find(|l| l.contains(words)).unwrap_or_else(|| panic!("{}", out.stderr));
            assert!(warning.contains("Sandbox") || warning.contains("Bac à sable"), "{warning}");
            let raw = out.stderr.to_lowercase().contains("dbus");
            assert_eq!(raw, verbose, "the D-Bus reason at -v only:\n{}", out.stderr);
        }
    }
}

/// Secrets behind a locked keyring are `locked`, not `missing`: in `status` (human and
/// JSON), in the fleet table and in `report`, explained once per run, exit 1 as for any
/// secret store that cannot be used.
#[test]
fn a_locked_keyring_is_locked_in_status_and_explained_once() {
    let Some(session) = KeyringSession::start(false) else { return };
    let sb = Sandbox::start(&[]);
    for profile in ["default", "lyon"] {
        let mut connect = session.cmd(&sb);
        connect.args(["--profile", profile, "connect", "--json"]).env("ZELTY_API_KEY", sb.demo_key());
        run(connect).expect(0);
    }
    session.lock();
    let explained = "keyring is locked";
    let once = |out: &Output| {
        let all = format!("{}{}", out.stdout, out.stderr);
        assert_eq!(all.matches(explained).count(), 1, "explained once:\n{all}");
        assert_eq!(all.matches("gnome-keyring-daemon --unlock").count(), 1, "one way out:\n{all}");
        assert!(!all.contains("missing"), "{all}");
    };

    let mut status = session.cmd(&sb);
    status.args(["status", "--json"]);
    let out = run(status);
    out.expect(1);
    assert_eq!(parts(&out.json()), (Some("locked"), Some("locked")), "{}", out.stdout);
    assert_eq!(out.json()["zelty"]["reason"], "keyring_locked", "{}", out.stdout);

    let mut status = session.cmd(&sb);
    status.arg("status");
    let out = run(status);
    out.expect(1);
    once(&out);
    assert_eq!(out.stdout.matches("✗ locked").count(), 2, "{}", out.stdout);

    let mut fleet = session.cmd(&sb);
    fleet.args(["status", "--all-profiles"]);
    let out = run(fleet);
    out.expect(1);
    once(&out);
    assert_eq!(out.stdout.matches("✗ locked").count(), 4, "{}", out.stdout);

    let mut fleet = session.cmd(&sb);
    fleet.args(["status", "--all-profiles", "--json"]);
    let out = run(fleet);
    out.expect(1);
    for profile in out.json()["profiles"].as_array().unwrap() {
        assert_eq!(parts(profile), (Some("locked"), Some("locked")), "{profile}");
    }

    let mut report = session.cmd(&sb);
    report.args(["report", "--json"]);
    let out = run(report);
    out.expect(0);
    for profile in out.json()["profiles"].as_array().unwrap() {
        assert_eq!(parts(profile), (Some("locked"), Some("locked")), "{profile}");
    }
    let mut report = session.cmd(&sb);
    report.args(["--lang", "fr", "report"]);
    let out = run(report);
    assert!(out.stdout.contains("state: locked") && out.stdout.contains("verrouillé"), "{}", out.stdout);
}

/// A keyring that cannot be used ends `connect` with the message and the way out in the
/// person's words; the library's own words for it (`Secret Service: no result found`) are
/// for `-v`.
#[test]
fn a_locked_keyring_error_gives_the_librarys_words_at_v_only() {
    let Some(session) = KeyringSession::start(true) else { return };
    let sb = Sandbox::start(&[]);
    for verbose in [false, true] {
        let mut connect = session.cmd(&sb);
        connect
            .arg("connect")
            .args(verbose.then_some("-v"))
            .env("ZELTY_API_KEY", sb.demo_key())
            .env("ZELTY_BRIDGE_KEYRING_TIMEOUT", "3");
        let out = run(connect);
        out.expect(1);
        assert!(out.stderr.contains("error: The system keyring is"), "{}", out.stderr);
        assert!(out.stderr.contains("ZELTY_BRIDGE_SECRET_STORE=file"), "{}", out.stderr);
        let raw = out.stderr.contains("caused by: the system keyring");
        assert_eq!(raw, verbose, "the library's words at -v only:\n{}", out.stderr);
    }
}
