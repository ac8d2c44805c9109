//! The real Secret Service: a private D-Bus session with an unlocked gnome-keyring in a
//! temporary HOME. Both secrets land in it under the documented names and in no file; a
//! disconnect removes them. Skips loudly when the programs are missing, except under CI,
//! where it must run.

use crate::support::*;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const PROGRAMS: [&str; 3] = ["dbus-run-session", "gnome-keyring-daemon", "secret-tool"];

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
        std::thread::sleep(Duration::from_millis(300));
        Some(KeyringSession { child, bus, home })
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

    /// `secret-tool lookup service S username U`, as another program would read it.
    pub fn lookup(&self, service: &str, user: &str) -> Option<String> {
        let out = Command::new("secret-tool")
            .args(["lookup", "service", service, "username", user])
            .env("DBUS_SESSION_BUS_ADDRESS", &self.bus)
            .env("HOME", self.home.path())
            .output()
            .unwrap();
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }
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

#[test]
fn a_locked_keyring_is_explained_within_a_bounded_time() {
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
    let started = std::time::Instant::now();
    let out = run(connect);
    out.expect(1);
    assert_eq!(out.json()["error"]["code"], "keyring_timeout", "{}", out.stdout);
    assert!(out.json()["error"]["hint"].as_str().unwrap().contains("ZELTY_BRIDGE_SECRET_STORE=file"));
    assert!(home.stored().is_empty());
    // Not a speed assertion: a hung call would have hit the harness's two-minute guard.
    assert!(started.elapsed() < HANG_GUARD);
}

/// A person at a terminal with a locked keyring (the usual case over SSH to a desktop) is
/// told before the Zelty key is asked for — the key is shown once by Zelty — and offered
/// the private file there and then.
#[test]
fn a_locked_keyring_is_caught_before_the_key_prompt() {
    use rexpect::reader::Options;
    use rexpect::session::spawn_with_options;
    let Some(session) = KeyringSession::start(true) else { return };
    let sb = Sandbox::start(&[]);
    let mut cmd = session.cmd(&sb);
    cmd.env_remove("CI").env("TERM", "xterm").env("ZELTY_BRIDGE_KEYRING_TIMEOUT", "3").arg("connect");
    cmd.stdin(Stdio::inherit()); // the pty, as a person's terminal
    let mut s =
        spawn_with_options(cmd, Options::new().timeout_ms(Some(60_000)).strip_ansi_escape_codes(true)).expect("pty");
    let before = s.exp_string("readable only by you?").expect("the file store is offered");
    assert!(!before.contains("Zelty API key") && !before.contains("Step 1"), "asked before any step:\n{before}");
    assert!(before.contains("keyring"), "the reason is said:\n{before}");
    std::thread::sleep(Duration::from_millis(300));
    s.send_line("n").unwrap();
    s.exp_eof().unwrap();
    assert!(session.home.stored().is_empty(), "nothing stored");
}
