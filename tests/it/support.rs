//! The harness: the real binary, a sandbox process on loopback, an isolated HOME per test,
//! a BROWSER stand-in (`zelty-bridge sandbox click`), and a hang guard on every run.

#![allow(dead_code)] // each test module uses its own part of the harness

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Longest a single run may take before the test fails as hung.
pub const HANG_GUARD: Duration = Duration::from_secs(120);

/// `CI` is set to a true value, as on the CI machine.
pub fn under_ci() -> bool {
    std::env::var("CI")
        .is_ok_and(|v| !matches!(v.trim().to_ascii_lowercase().as_str(), "" | "0" | "false" | "no" | "off"))
}

/// Whether `programs` are all installed (on Windows, as `NAME.exe` too). Outside CI a
/// missing one skips the test with a loud message; under CI on Linux it fails, because
/// `.ci/run` and the workflow's Linux job must install them. The macOS and Windows jobs do
/// not have them all (no tinyproxy): there the test skips with the same message.
pub fn need_programs(programs: &[&str]) -> bool {
    let on_path = |p: &&str| {
        let exe = format!("{p}{}", std::env::consts::EXE_SUFFIX);
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
            .any(|d| d.join(p).is_file() || d.join(&exe).is_file())
    };
    let missing: Vec<&str> = programs.iter().filter(|p| !on_path(p)).copied().collect();
    if missing.is_empty() {
        return true;
    }
    assert!(!(under_ci() && cfg!(target_os = "linux")), "CI must have {missing:?}: see .ci/run");
    #[allow(clippy::print_stderr)] // the loud skip message is the point
    {
        eprintln!("\n*** SKIPPING: {missing:?} not installed (see .ci/run for the packages) ***\n");
    }
    false
}

/// What a child needs from our environment besides `PATH` to run at all: on Windows
/// `SYSTEMROOT` (without it the process cannot load what its sockets and random numbers
/// need; Python's `subprocess` documents the same requirement,
/// https://docs.python.org/3/library/subprocess.html#popen-constructor) and the temp dir.
/// Nothing elsewhere.
pub fn system_env() -> Vec<(&'static str, std::ffi::OsString)> {
    if !cfg!(windows) {
        return Vec::new();
    }
    ["SYSTEMROOT", "TEMP", "TMP"].into_iter().filter_map(|k| std::env::var_os(k).map(|v| (k, v))).collect()
}

/// The binary under test: this build's, or `ZELTY_BRIDGE_TEST_BIN` (to watch a test fail
/// against another build, such as one from before a fix).
pub fn bin() -> PathBuf {
    std::env::var_os("ZELTY_BRIDGE_TEST_BIN")
        .map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_zelty-bridge")), PathBuf::from)
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// `BROWSER` for the CLI: this build's hidden `sandbox click`, which plays a person at the
/// sandbox's pages (consent, the Zelty Bridge app) over HTTP, and returns at once as a
/// browser launcher does.
pub fn browser_standin() -> String {
    format!("'{}' sandbox click", bin().display().to_string().replace('\'', "'\\''"))
}

/// `BROWSER` with the stand-in's options (`--action deny`, `--location ID`,
/// `--zelty-key-file PATH`, `--log PATH`…): the CLI gives BROWSER a clean environment, so
/// what the stand-in needs travels in the command itself.
pub fn browser_standin_with(args: &[&str]) -> String {
    let mut cmd = browser_standin();
    for arg in args {
        cmd.push_str(&format!(" '{}'", arg.replace('\'', "'\\''")));
    }
    cmd
}

/// Waits until `fact` holds, checking it every few milliseconds; a test that waits past
/// `HANG_GUARD` fails, naming `what` it waited for.
pub fn wait_for(what: &str, mut fact: impl FnMut() -> bool) {
    let start = Instant::now();
    while !fact() {
        assert!(start.elapsed() < HANG_GUARD, "waited {HANG_GUARD:?} for {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Waits until the kernel delivered `signal` (its number) to process `pid`, that is until
/// it is no longer pending (`SigPnd`/`ShdPnd` in `/proc/PID/status`, proc(5)). A process
/// that is gone has nothing pending; without `/proc` (not Linux) nothing is waited for.
pub fn wait_delivered(pid: u32, signal: u32) {
    let bit = 1u64 << (signal - 1);
    wait_for(&format!("signal {signal} to reach process {pid}"), || {
        let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) else { return true };
        status
            .lines()
            .filter_map(|l| l.strip_prefix("SigPnd:").or_else(|| l.strip_prefix("ShdPnd:")))
            .all(|mask| u64::from_str_radix(mask.trim(), 16).is_ok_and(|m| m & bit == 0))
    });
}

/// A `zelty-bridge sandbox` process, killed on drop.
pub struct Sandbox {
    child: Child,
    pub json: Value,
    /// The services' rate limits are enforced (`--rate-limits`).
    limits: bool,
}

impl Sandbox {
    pub fn start(extra_args: &[&str]) -> Sandbox {
        let mut child = Command::new(bin())
            .args(["sandbox", "--json"])
            .args(extra_args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .envs(system_env())
            .env("LANG", "en_US.UTF-8")
            .env("CI", "true")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the sandbox");
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = rx.recv_timeout(Duration::from_secs(30)).expect("the sandbox printed its JSON line");
        let json = serde_json::from_str(&line).unwrap_or_else(|e| panic!("sandbox JSON {line:?}: {e}"));
        Sandbox { child, json, limits: extra_args.contains(&"--rate-limits") }
    }

    fn url(&self, name: &str) -> String {
        self.json["endpoints"][name]
            .as_str()
            .unwrap_or_else(|| panic!("no endpoint {name} in {}", self.json))
            .to_string()
    }

    /// The variables that point the CLI at this sandbox.
    pub fn env(&self) -> Vec<(String, String)> {
        vec![
            ("ZELTY_BRIDGE_HUBRISE_OAUTH_URL".into(), self.url("hubrise_oauth")),
            ("ZELTY_BRIDGE_HUBRISE_API_URL".into(), self.url("hubrise_api")),
            ("ZELTY_BRIDGE_HUBRISE_MANAGER_URL".into(), self.url("hubrise_manager")),
            ("ZELTY_BRIDGE_ZELTY_API_URL".into(), self.url("zelty_api")),
            ("ZELTY_BRIDGE_ZELTY_BO_URL".into(), self.url("zelty_bo")),
            ("ZELTY_BRIDGE_CLIENT_ID".into(), self.json["client_id"].as_str().unwrap().into()),
            ("ZELTY_BRIDGE_CLIENT_SECRET".into(), self.json["client_secret"].as_str().unwrap().into()),
            // Zelty's one request a second per key is the CLI's own pace: against a sandbox
            // that does not enforce it, the tests need not wait it out (those that start one
            // with `--rate-limits` keep the real pace).
            ("ZELTY_BRIDGE_ZELTY_RATE".into(), if self.limits { "1" } else { "50" }.into()),
        ]
    }

    pub fn demo_key(&self) -> String {
        self.json["demo_key"].as_str().expect("demo_key").into()
    }

    pub fn client_secret(&self) -> String {
        self.json["client_secret"].as_str().expect("client_secret").into()
    }

    pub fn keys(&self) -> Vec<(i64, String)> {
        self.json["keys"]
            .as_array()
            .expect("keys")
            .iter()
            .map(|k| (k["restaurant_id"].as_i64().expect("restaurant_id"), k["key"].as_str().expect("key").to_string()))
            .collect()
    }

    /// A call to the sandbox's admin routes (`/_sandbox/…` on the manager origin).
    pub fn admin(&self, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
        http(method, &format!("{}{path}", self.url("hubrise_manager")), body)
    }

    pub fn mint_token(&self, body: Value) -> String {
        let (status, reply) = self.admin("POST", "/_sandbox/tokens", Some(&body));
        assert_eq!(status, 200, "{reply}");
        reply["access_token"].as_str().expect("access_token").into()
    }

    pub fn connection(&self, token: &str, action: &str) {
        let (status, reply) =
            self.admin("POST", "/_sandbox/connections", Some(&serde_json::json!({"token": token, "action": action})));
        assert_eq!(status, 200, "{reply}");
    }

    pub fn fault(&self, fault: Value) {
        let (status, reply) = self.admin("POST", "/_sandbox/faults", Some(&fault));
        assert_eq!(status, 200, "{reply}");
    }

    /// The location token and account token that `zelty-bridge sandbox` prints.
    pub fn tokens(&self) -> (String, String) {
        let t = &self.json["tokens"];
        (t["location"].as_str().expect("location token").into(), t["account"].as_str().expect("account token").into())
    }

    /// The back office's CONNEXIONS page, where the Zelty Bridge app is connected.
    pub fn connections_url(&self) -> String {
        self.json["bridge_app"]["connections_url"].as_str().expect("connections_url").into()
    }

    /// The Zelty Bridge App's Connect URL.
    pub fn bridge_connect_url(&self) -> String {
        self.json["bridge_app"]["connect_url"].as_str().expect("connect_url").into()
    }

    /// Zelty's `GET /webhooks` with `key`: (status, body).
    pub fn zelty_webhooks(&self, key: &str) -> (u16, Value) {
        http_with(
            "GET",
            &format!("{}/webhooks", self.url("zelty_api")),
            None,
            &[("Authorization", &format!("Bearer {key}"))],
        )
    }

    /// A HubRise API call with a token: (status, body).
    pub fn hubrise_get(&self, path: &str, token: &str) -> (u16, Value) {
        http_with("GET", &format!("{}{path}", self.url("hubrise_api")), None, &[("X-Access-Token", token)])
    }

    pub fn requests(&self) -> Vec<Value> {
        let (status, reply) = self.admin("GET", "/_sandbox/requests", None);
        assert_eq!(status, 200);
        reply.as_array().cloned().unwrap_or_default()
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An isolated HOME and config dir.
pub struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home { dir: tempfile::tempdir().expect("temp dir") }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn config_dir(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    /// The CLI with nothing but what a CI job would have, pointed at the sandbox.
    pub fn cmd(&self, sandbox: &Sandbox) -> Command {
        let mut cmd = self.bare_cmd();
        cmd.envs(sandbox.env());
        // The stand-in's `spend-code` needs the client, which the CLI keeps out of the
        // browser's environment.
        let client = self.path().join("standin-client");
        let id = sandbox.json["client_id"].as_str().unwrap_or_default();
        std::fs::write(&client, format!("{id}:{}", sandbox.client_secret())).expect("write the stand-in's client");
        cmd.env("BROWSER_STANDIN_CLIENT_FILE", client);
        cmd
    }

    /// The CLI with a clean environment and no service addresses.
    pub fn bare_cmd(&self) -> Command {
        let mut cmd = Command::new(bin());
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .envs(system_env())
            .env("HOME", self.path())
            .env("LANG", "en_US.UTF-8")
            .env("CI", "true")
            .env("ZELTY_BRIDGE_CONFIG_DIR", self.config_dir())
            .env("ZELTY_BRIDGE_SECRET_STORE", "file")
            .env("BROWSER", browser_standin())
            .stdin(Stdio::null());
        cmd
    }

    /// Every file under the config dir with its content, for "nothing stored" checks.
    pub fn files(&self) -> Vec<(PathBuf, String)> {
        let mut out = Vec::new();
        let mut stack = vec![self.config_dir()];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    out.push((
                        path.clone(),
                        String::from_utf8_lossy(&std::fs::read(&path).unwrap_or_default()).into_owned(),
                    ));
                }
            }
        }
        out
    }

    /// A file holding `key`, readable only by its owner, for `--zelty-key-file`.
    pub fn key_file(&self, key: &str) -> PathBuf {
        let path = self.path().join("zelty-key");
        std::fs::write(&path, format!("{key}\n")).expect("write the key file");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod the key file");
        }
        path
    }

    /// Profiles and stored secrets, ignoring lock files (which hold no data), the log of
    /// failures that `report` reads (which holds no connection) and what an unfinished run
    /// keeps for the next one (its `pending/` record and pending key: see `pending_key`).
    /// The file store (`secrets.json`) as a map, user name to secret (empty when there is
    /// none).
    pub fn file_store(&self) -> serde_json::Map<String, Value> {
        std::fs::read_to_string(self.config_dir().join("secrets.json"))
            .ok()
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
            .and_then(|v| v.as_object().cloned())
            .unwrap_or_default()
    }

    /// Temp files (`.something.tmp`) anywhere under the config dir.
    pub fn temp_files(&self) -> Vec<PathBuf> {
        self.files().into_iter().map(|(p, _)| p).filter(|p| p.extension().is_some_and(|e| e == "tmp")).collect()
    }

    pub fn stored(&self) -> Vec<PathBuf> {
        self.files()
            .into_iter()
            .filter(|(p, text)| {
                let in_pending = p.parent().and_then(|d| d.file_name()).is_some_and(|d| d == "pending");
                let only_pending = p.file_name().is_some_and(|n| n == "secrets.json")
                    && serde_json::from_str::<serde_json::Map<String, Value>>(text)
                        .is_ok_and(|m| m.keys().all(|k| k.ends_with(":pending-zelty-api-key")));
                let log = self.config_dir().join("log");
                let sandbox_log = self.config_dir().join("sandbox").join("log");
                let logged = p.starts_with(&log) || p.starts_with(&sandbox_log);
                p.extension().is_none_or(|e| e != "lock") && !in_pending && !only_pending && !logged
            })
            .map(|(p, _)| p)
            .collect()
    }

    /// The Zelty key an unfinished run kept for `profile` (file store), if any.
    pub fn pending_key(&self, profile: &str) -> Option<String> {
        let text = std::fs::read_to_string(self.config_dir().join("secrets.json")).ok()?;
        let map: serde_json::Map<String, Value> = serde_json::from_str(&text).ok()?;
        map.get(&format!("{profile}:pending-zelty-api-key"))?.as_str().map(str::to_string)
    }

    /// `files` but lock files and the log of failures.
    pub fn data(&self) -> Vec<(PathBuf, String)> {
        let log = self.config_dir().join("log");
        let sandbox_log = self.config_dir().join("sandbox").join("log");
        self.files()
            .into_iter()
            .filter(|(p, _)| p.extension().is_none_or(|e| e != "lock"))
            .filter(|(p, _)| !p.starts_with(&log) && !p.starts_with(&sandbox_log))
            .collect()
    }

    /// The failures logged for `report`, one JSON object a line.
    pub fn errors_logged(&self) -> Vec<Value> {
        let text = std::fs::read_to_string(self.config_dir().join("log").join("errors.jsonl")).unwrap_or_default();
        text.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
    }
}

#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    pub fn json(&self) -> Value {
        serde_json::from_str(self.stdout.trim())
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}\nstderr:\n{}", self.stdout, self.stderr))
    }

    /// Panics with both streams unless the exit code is `code`.
    pub fn expect(&self, code: i32) -> &Output {
        assert_eq!(self.code, code, "exit code\n--- stdout\n{}\n--- stderr\n{}", self.stdout, self.stderr);
        self
    }
}

/// Starts the CLI with its outputs captured, for a test that acts while it runs.
pub fn spawn(mut cmd: Command) -> Child {
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn zelty-bridge")
}

/// Waits for a run started by `spawn`.
pub fn wait_output(child: Child) -> Output {
    let out = child.wait_with_output().expect("wait");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

pub fn run(cmd: Command) -> Output {
    run_inner(cmd, None)
}

pub fn run_stdin(cmd: Command, input: &str) -> Output {
    run_inner(cmd, Some(input.to_string()))
}

fn run_inner(mut cmd: Command, input: Option<String>) -> Output {
    if input.is_some() {
        cmd.stdin(Stdio::piped());
    }
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn zelty-bridge");
    if let Some(input) = input {
        let mut stdin = child.stdin.take().expect("piped stdin");
        std::thread::spawn(move || {
            let _ = stdin.write_all(input.as_bytes());
        });
    }
    let stdout = reader(child.stdout.take().expect("stdout"));
    let stderr = reader(child.stderr.take().expect("stderr"));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > HANG_GUARD {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "zelty-bridge hung for {HANG_GUARD:?}\nstderr so far:\n{}",
                stderr.recv_timeout(Duration::from_secs(1)).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Output {
        code: status.code().unwrap_or(-1),
        stdout: stdout.recv_timeout(Duration::from_secs(10)).unwrap_or_default(),
        stderr: stderr.recv_timeout(Duration::from_secs(10)).unwrap_or_default(),
    }
}

fn reader(mut stream: impl Read + Send + 'static) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stream.read_to_end(&mut buf);
        let _ = tx.send(String::from_utf8_lossy(&buf).into_owned());
    });
    rx
}

/// A minimal HTTP/1.1 client for the sandbox's admin routes (loopback only).
pub fn http(method: &str, url: &str, body: Option<&Value>) -> (u16, Value) {
    http_with(method, url, body, &[])
}

/// The same, with extra request headers.
pub fn http_with(method: &str, url: &str, body: Option<&Value>, headers: &[(&str, &str)]) -> (u16, Value) {
    let rest = url.strip_prefix("http://").expect("http URL");
    let (host, path) = rest.split_once('/').map_or((rest, "/".to_string()), |(h, p)| (h, format!("/{p}")));
    let mut stream = TcpStream::connect(host).expect("connect to the sandbox");
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let extra: String = headers.iter().map(|(k, v)| format!("{k}: {v}\r\n")).collect();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Type: application/json\r\n{extra}Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body =
        if head.to_ascii_lowercase().contains("transfer-encoding: chunked") { dechunk(body) } else { body.to_string() };
    (status, serde_json::from_str(&body).unwrap_or(Value::String(body)))
}

fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        body = rest[n..].trim_start_matches("\r\n");
    }
    out
}

/// The request's head, and its body read to its `Content-Length`.
pub fn read_request(stream: &mut std::net::TcpStream) -> String {
    let mut request = Vec::new();
    let mut buf = [0u8; 4096];
    while let Ok(n) = stream.read(&mut buf) {
        if n == 0 {
            break;
        }
        request.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&request).to_string();
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length = head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse().unwrap_or(0))
                })
                .unwrap_or(0usize);
            if body.len() >= length {
                break;
            }
        }
    }
    String::from_utf8_lossy(&request).into_owned()
}

/// Runs the browser stand-in with `args` on `url` the way the CLI runs `$BROWSER`
/// (`sh -c`, a clean environment, no stdin), in the foreground, and checks that it
/// succeeded.
pub fn run_standin(args: &[&str], url: &str) {
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{} \"$1\"", browser_standin_with(args)))
        .arg("sh")
        .arg(url)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .stdin(Stdio::null())
        .status()
        .expect("run the browser stand-in");
    assert!(status.success());
}
