//! A hostile server: one loopback server playing HubRise's token endpoint and API and
//! Zelty's API, whose every string field (and error body) carries terminal escapes (an OSC
//! window title, a CSI screen clear, 8-bit C1 controls, a bidi override), broken UTF-8 and
//! echoes of the secrets it was sent (whole, one character changed, and fragments of 10).
//! `connect` (OAuth flow), `connect` with `HUBRISE_ACCESS_TOKEN`, `status`, `status
//! --offline` and `status --all-profiles`, at `-vv` and with `--json`: no ESC, BEL, C1 or
//! bidi control and no run of 8 characters of a secret reaches stdout, stderr or the
//! config dir (but the secrets file the person chose), and nothing crashes.

use crate::support::*;
use serde_json::{Value, json};
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

/// A Zelty-shaped key (base64 of `12345:…`) and a HubRise-shaped token (33 characters).
const KEY: &str = "MTIzNDU6SG9zdGlsZVNlcnZlcktleSEhMTIzNA==";
const TOKEN: &str = "b9f0c7a1e2d34f5a8c6b7d9e0f1a2b3c4";
const CLIENT_ID: &str = "123456789012.clients.hubrise.com";
const CLIENT_SECRET: &str = "hostile-client-secret-qwertyuiopzx";

/// Answers of every shape are valid; `Errors` turns the API's answers into refusals.
const NAMES: u8 = 0;
const ERRORS: u8 = 1;
/// Zelty answers; HubRise refuses the token with its words.
const HUBRISE_REFUSES: u8 = 2;

/// The words Zelty's side puts in every field: escapes, and the one secret Zelty is sent
/// (the key), whole, one character changed, and a fragment.
fn zelty_words() -> String {
    let changed = format!("{}X", &KEY[..KEY.len() - 1]);
    format!("Zelty\u{1b}]0;PWNED-TITLE\u{7}\u{1b}[2J\u{9b}31m\u{85}\u{202e}RED {KEY} {changed} {}", &KEY[3..13])
}

/// The words HubRise's side puts in every field: escapes, and every secret it may have
/// seen, whole, one character changed, and fragments of 10.
fn hostile() -> String {
    let changed = format!("{}X", &KEY[..KEY.len() - 1]);
    format!(
        "Evil\u{1b}]0;PWNED-TITLE\u{7}\u{1b}[2J\u{1b}[HFAKE\u{9b}31m\u{9d}0;t\u{9c}\u{202e}RED\u{2066} {KEY} {TOKEN} {changed} {} {} {}",
        &KEY[3..13],
        &TOKEN[5..15],
        &CLIENT_SECRET[7..17],
    )
}

struct Hostile {
    url: String,
    mode: Arc<AtomicU8>,
}

impl Hostile {
    fn start() -> Hostile {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let mode = Arc::new(AtomicU8::new(NAMES));
        let shared = Arc::clone(&mode);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(10)));
                let head = read_request(&mut stream);
                let first = head.lines().next().unwrap_or_default().to_string();
                let reply = answer(&first, shared.load(Ordering::SeqCst));
                let _ = stream.write_all(&reply);
            }
        });
        Hostile { url, mode }
    }

    fn env(&self, cmd: &mut std::process::Command) {
        cmd.env("ZELTY_BRIDGE_HUBRISE_OAUTH_URL", format!("{}/oauth2/v1", self.url))
            .env("ZELTY_BRIDGE_HUBRISE_API_URL", format!("{}/v1", self.url))
            .env("ZELTY_BRIDGE_HUBRISE_MANAGER_URL", format!("{}/manager", self.url))
            .env("ZELTY_BRIDGE_ZELTY_API_URL", format!("{}/2.10", self.url))
            .env("ZELTY_BRIDGE_ZELTY_BO_URL", format!("{}/bo", self.url))
            .env("ZELTY_BRIDGE_CLIENT_ID", CLIENT_ID)
            .env("ZELTY_BRIDGE_CLIENT_SECRET", CLIENT_SECRET)
            .env("ZELTY_BRIDGE_HTTP_RETRIES", "1");
    }
}

fn http(status: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

/// A body that is not UTF-8, with escapes, the secrets and a `secret_key`.
fn broken_body(words: &str) -> Vec<u8> {
    let mut body = b"{\"message\":\"\xff\xfe\x1b[2J \xc3\x28".to_vec();
    body.extend_from_slice(words.as_bytes());
    body.extend_from_slice(b"\",\"secret_key\":\"whsec-hostile-abcdefghijkl\"}");
    body
}

fn answer(first: &str, mode: u8) -> Vec<u8> {
    let h = hostile();
    let path = first.split(' ').nth(1).unwrap_or("/");
    let (route, query) = path.split_once('?').unwrap_or((path, ""));
    let ok = |v: Value| http("200 OK", v.to_string().as_bytes());
    if route.ends_with("/authorize") {
        let params: std::collections::HashMap<String, String> =
            url::form_urlencoded::parse(query.as_bytes()).into_owned().collect();
        let location = format!(
            "{}?code=hostilecode0123456789abcdef&state={}",
            params.get("redirect_uri").cloned().unwrap_or_default(),
            params.get("state").cloned().unwrap_or_default()
        );
        return format!("HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .into_bytes();
    }
    if route.ends_with("/token") {
        return ok(json!({
            "access_token": TOKEN, "location_id": "3r4s3-0", "account_id": h,
            "catalog_id": h, "catalog_name": h, "customer_list_id": h, "customer_list_name": h,
        }));
    }
    if route.ends_with("/revoke") {
        return http("200 OK", b"");
    }
    if mode == HUBRISE_REFUSES && route.starts_with("/v1/") {
        return http("401 Unauthorized", json!({ "message": format!("revoked {h}") }).to_string().as_bytes());
    }
    if mode == ERRORS {
        return match route {
            r if r.ends_with("/webhooks") => http("403 Forbidden", &broken_body(&zelty_words())),
            r if r.ends_with("/restaurants") => http("401 Unauthorized", &broken_body(&zelty_words())),
            r if r.contains("/v1/") && r.ends_with("/orders") => http("418 Teapot", &broken_body(&h)),
            _ => http("401 Unauthorized", json!({ "message": format!("revoked {h}") }).to_string().as_bytes()),
        };
    }
    match route {
        "/v1/location" => ok(json!({ "id": "3r4s3-0", "name": h, "account": { "id": "acc-1", "name": h } })),
        "/v1/location/orders" => ok(json!([
            { "id": h, "status": "accepted", "created_at": "2026-12-01T11:02:00+0\u{e9}00", "created_by": h },
            { "id": "o2", "status": "new", "created_at": h, "created_by": "Uber Eats" },
            { "id": "o3", "status": "rejected", "created_at": "2026-12-01T11:02:00+01:\u{e9}", "created_by": h },
        ])),
        r if r.ends_with("/restaurants") => {
            ok(json!({ "errno": 0, "restaurants": [{ "id": 12345, "name": zelty_words() }] }))
        }
        r if r.ends_with("/webhooks") => ok(json!({ "errno": 0, "webhooks": {
            "order.ended": { "target": "https://zelty.hubrise-apps.com/hook", "version": "v2", "secret_key": zelty_words() },
            "other": { "target": format!("https://x.example/{}", zelty_words()), "secret_key": "whsec-hostile-abcdefghijkl" },
        }})),
        _ => http("404 Not Found", &broken_body(&h)),
    }
}

/// What a terminal must never receive, and what must never be seen of a secret.
fn assert_clean(what: &str, text: &str) {
    for c in text.chars() {
        let bad = (c.is_control() && !matches!(c, '\n' | '\t'))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}');
        assert!(!bad, "{what}: U+{:04X} reached it:\n{text}", c as u32);
    }
    assert!(!text.contains("PWNED-TITLE\u{7}"), "{what}:\n{text}");
    for secret in [KEY, TOKEN, CLIENT_SECRET, "whsec-hostile-abcdefghijkl"] {
        for window in secret.as_bytes().windows(8) {
            let needle = std::str::from_utf8(window).unwrap();
            assert!(!text.contains(needle), "{what}: a run of 8 of a secret ({needle}):\n{text}");
        }
    }
}

fn check(what: &str, out: &Output, codes: &[i32]) {
    assert!(
        codes.contains(&out.code),
        "{what}: exit {}\n--- stdout\n{}\n--- stderr\n{}",
        out.code,
        out.stdout,
        out.stderr
    );
    assert_clean(&format!("{what} (stdout)"), &out.stdout);
    assert_clean(&format!("{what} (stderr)"), &out.stderr);
}

#[test]
fn a_hostile_server_cannot_write_to_the_screen_nor_leak_a_secret() {
    if !need_programs(&["python3"]) {
        return;
    }
    let (server, home) = (Hostile::start(), Home::new());
    let cmd = |args: &[&str]| {
        let mut cmd = home.bare_cmd();
        server.env(&mut cmd);
        cmd.args(args).env("ZELTY_API_KEY", KEY);
        // A browser that follows the redirect to the callback, as a real one would.
        cmd.env("BROWSER", "python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=15)'");
        cmd
    };

    // The OAuth flow: the token endpoint's names and ids are hostile, and stored.
    for args in [&["-vv", "connect"][..], &["-vv", "connect", "--force", "--json"]] {
        let out = run(cmd(args));
        check(&format!("{args:?}"), &out, &[0]);
    }
    for args in [
        &["-vv", "status"][..],
        &["-vv", "status", "--json"],
        &["-vv", "status", "--offline"],
        &["status", "--offline", "--json"],
        &["-vv", "status", "--all-profiles"],
        &["-vv", "status", "--all-profiles", "--json"],
    ] {
        let out = run(cmd(args));
        check(&format!("{args:?}"), &out, &[0, 6]);
    }
    // HUBRISE_ACCESS_TOKEN, no OAuth: the same answers.
    let mut given = cmd(&["-vv", "connect", "--force"]);
    given.env("HUBRISE_ACCESS_TOKEN", TOKEN);
    check("connect with HUBRISE_ACCESS_TOKEN", &run(given), &[0]);

    // Every answer a refusal or an error, bodies broken and echoing.
    server.mode.store(ERRORS, Ordering::SeqCst);
    for (args, codes) in [
        (&["-vv", "status"][..], &[3, 5][..]),
        (&["status", "--json"], &[3, 5]),
        (&["-vv", "status", "--all-profiles"], &[3, 5]),
        (&["-v", "connect", "--force"], &[3]),
    ] {
        let out = run(cmd(args));
        check(&format!("errors: {args:?}"), &out, codes);
    }
    let mut given = cmd(&["connect", "--force", "--json"]);
    given.env("HUBRISE_ACCESS_TOKEN", TOKEN);
    check("errors: connect with HUBRISE_ACCESS_TOKEN", &run(given), &[3]);

    // HubRise's own words on a 401 are for -v only (README), and sanitized there.
    server.mode.store(HUBRISE_REFUSES, Ordering::SeqCst);
    for verbosity in [None, Some("-v")] {
        let mut given = cmd(&["connect", "--force"]);
        given.args(verbosity).env("HUBRISE_ACCESS_TOKEN", TOKEN);
        let out = run(given);
        check(&format!("HubRise refuses, {verbosity:?}"), &out, &[3]);
        assert_eq!(out.stderr.contains("revoked Evil"), verbosity.is_some(), "{}", out.stderr);
    }
    server.mode.store(NAMES, Ordering::SeqCst);

    // What was stored: the profile holds no escape (raw or TOML-escaped) nor a secret.
    let files = home.files();
    assert!(files.iter().any(|(p, _)| p.extension().is_some_and(|e| e == "toml")), "a profile was stored");
    for (path, content) in files {
        if path.file_name().is_some_and(|n| n == "secrets.json") {
            continue;
        }
        assert!(!content.to_ascii_lowercase().contains("\\u00"), "{}: an escaped control:\n{content}", path.display());
        assert!(!content.contains("\\e"), "{}:\n{content}", path.display());
        assert_clean(&path.display().to_string(), &content);
    }

    // A profile written before names were sanitized (or planted) replays nothing.
    let profile = home.config_dir().join("profiles").join("default.toml");
    let text = std::fs::read_to_string(&profile).unwrap();
    let planted: String = text
        .lines()
        .map(|l| {
            if l.starts_with("restaurant_name") || l.starts_with("catalog_name") {
                let key = l.split('=').next().unwrap().trim();
                format!("{key} = \"Planted\\u001b]0;PWNED\\u0007\\u001b[2J\\u009b31m\\u202eX\"\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    assert!(planted.contains("\\u001b"), "{planted}");
    std::fs::write(&profile, planted).unwrap();
    for args in
        [&["status", "--offline"][..], &["status", "--offline", "--json"], &["status", "--all-profiles", "--offline"]]
    {
        let out = run(cmd(args));
        check(&format!("planted profile: {args:?}"), &out, &[0, 6]);
        assert!(out.stdout.contains("Planted"), "{}", out.stdout);
    }
}
