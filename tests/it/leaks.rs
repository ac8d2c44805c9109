//! Secrets never leak: every command at `-vv`, successful or failing, and nothing in
//! stdout, stderr, the config dir (but the explicitly chosen secrets file) or the sandbox's
//! request log — query strings included — contains the Zelty key, the HubRise token or the
//! OAuth client secret.

use crate::support::*;
use serde_json::Value;

struct Seen {
    text: String,
}

impl Seen {
    fn add(&mut self, out: &Output) {
        self.text.push_str(&out.stdout);
        self.text.push_str(&out.stderr);
    }

    fn assert_free_of(&self, what: &str, secret: &str) {
        assert!(secret.len() >= 16, "{what} is too short to search for");
        // The first and last four characters may show in the masked form; nothing longer.
        for window in secret.as_bytes().windows(9) {
            let needle = String::from_utf8_lossy(window);
            assert!(!self.text.contains(needle.as_ref()), "{what} leaked ({needle})");
        }
    }
}

#[test]
fn no_secret_leaks_at_any_verbosity() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let key = sb.demo_key();
    let mut seen = Seen { text: String::new() };
    // The refusal below comes with `state`, so it ends the run at once (one without it is
    // waited out: anyone on the machine could have sent it).
    let (status, _) = sb.admin("POST", "/_sandbox/options", Some(&serde_json::json!({ "state_on_error": true })));
    assert_eq!(status, 200);
    let cli = |args: &[&str], extra: &[(&str, &str)]| {
        let mut cmd = home.cmd(&sb);
        cmd.arg("-vv").args(args).env("ZELTY_API_KEY", &key);
        for (k, v) in extra {
            cmd.env(k, v);
        }
        run(cmd)
    };

    for (args, extra, code) in [
        (&["connect"][..], &[][..], 0),
        (&["status"], &[], 6),
        (&["app"], &[], 6),
        (&["app", "--confirm"], &[], 0),
        (&["status", "--json"], &[], 0),
        (&["status", "--offline", "--json"], &[], 0),
        (&["grant-support"], &[], 6),
        (&["grant-support", "--confirm", "--json"], &[], 0),
        (&["connect", "--force", "--json"], &[("BROWSER_STANDIN_ACTION", "deny")], 3),
        (&["connect", "--force"], &[("BROWSER_STANDIN_ACTION", "spend-code")], 3),
        (&["connect", "--force", "--json"], &[("ZELTY_BRIDGE_CLIENT_SECRET", "wrong-secret-value-123")], 3),
    ] {
        let out = cli(args, extra);
        out.expect(code);
        seen.add(&out);
    }
    let secrets: Value =
        serde_json::from_str(&std::fs::read_to_string(home.config_dir().join("secrets.json")).unwrap()).unwrap();
    let token = secrets["default:hubrise-access-token"].as_str().expect("token").to_string();

    let mut env_token = home.cmd(&sb);
    env_token
        .args(["-vv", "connect", "--force", "--json"])
        .env("ZELTY_API_KEY", &key)
        .env("HUBRISE_ACCESS_TOKEN", &token);
    let out = run(env_token);
    out.expect(0);
    seen.add(&out);

    let rejected = cli(&["connect", "--force"], &[("ZELTY_API_KEY", "OTk5OTk6AAAAAAAAAAAAAAAAAAAAAAAAAAA=")]);
    rejected.expect(3);
    assert!(!rejected.stderr.contains("OTk5OTk6AAAAAAAAAAAAAAAA"));
    seen.add(&rejected);

    // The support report a restaurant sends: every field, the logged failures.
    for args in [&["report"][..], &["report", "--json"]] {
        let out = cli(args, &[]);
        out.expect(0);
        seen.add(&out);
    }

    let out = cli(&["disconnect", "--yes"], &[]);
    out.expect(0);
    seen.add(&out);

    for (path, content) in home.files() {
        if path.file_name().is_some_and(|n| n != "secrets.json") {
            seen.text.push_str(&content);
        }
    }
    seen.text.push_str(&serde_json::to_string(&sb.requests()).unwrap());

    seen.assert_free_of("the Zelty key", &key);
    seen.assert_free_of("the HubRise token", &token);
    seen.assert_free_of("the OAuth client secret", &sb.client_secret());
    assert!(seen.text.contains("debug:"), "-vv printed diagnostics");
}

/// A server on 127.0.0.1 that answers every request with `status` and a body echoing the
/// whole request (headers, query and form): the worst a broken or hostile server can do.
/// `GET …/authorize` is answered with a redirect to the app's callback instead, with a
/// code, as an authorization server would. Stops after `max` requests.
struct Echo {
    url: String,
}

const ECHO_CODE: &str = "c0de5ecretc0de5ecretc0de5ecret99";

impl Echo {
    fn start(status: u16, shape: &'static str, max: usize) -> Echo {
        use std::io::Write;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        std::thread::spawn(move || {
            for stream in listener.incoming().take(max) {
                let Ok(mut stream) = stream else { continue };
                let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(10)));
                let text = read_request(&mut stream);
                let first = text.lines().next().unwrap_or_default().to_string();
                let reply = if first.starts_with("GET ") && first.contains("/authorize?") {
                    let query = first.split_once('?').map(|(_, q)| q.split(' ').next().unwrap_or("")).unwrap_or("");
                    let params: std::collections::HashMap<String, String> =
                        url::form_urlencoded::parse(query.as_bytes()).into_owned().collect();
                    let location = format!(
                        "{}?code={ECHO_CODE}&state={}",
                        params.get("redirect_uri").cloned().unwrap_or_default(),
                        params.get("state").cloned().unwrap_or_default()
                    );
                    format!(
                        "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    )
                } else {
                    let body = match shape {
                        "wrong-shape" => serde_json::json!({ "errno": 0, "restaurants": text, "id": text, "name": text, "access_token": 7, "location_id": text }).to_string(),
                        _ => serde_json::json!({ "error": "echo", "message": text, "request": text }).to_string(),
                    };
                    format!(
                        "HTTP/1.1 {status} Echo\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                        body.len()
                    )
                };
                let _ = stream.write_all(reply.as_bytes());
            }
        });
        Echo { url }
    }
}

/// Errors carry a server's words only with every known secret cut out, and never its raw
/// body at normal verbosity: Zelty, the HubRise API and the token endpoint each echo what
/// they were sent (400, 403, 404, 418, 422, and a 200 of the wrong shape).
#[test]
fn servers_that_echo_secrets_never_get_them_printed() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let key = sb.demo_key();
    let token = sb.mint_token(serde_json::json!({ "location_id": "3r4s3-0" }));
    let mut seen = Seen { text: String::new() };
    let mut body_at_default = Vec::new();
    for verbosity in [None, Some("-vv")] {
        // Zelty echoing the `Authorization: Bearer <key>` header.
        for (status, shape) in [(400, "echo"), (418, "echo"), (422, "echo"), (200, "wrong-shape")] {
            let echo = Echo::start(status, shape, 8);
            let mut cmd = home.cmd(&sb);
            cmd.args(verbosity).args(["connect", "--force"]);
            cmd.env("ZELTY_API_KEY", &key).env("ZELTY_BRIDGE_ZELTY_API_URL", format!("{}/2.10", echo.url));
            let out = run(cmd);
            assert_ne!(out.code, 0, "{}", out.stderr);
            if verbosity.is_none() {
                body_at_default.push(out.stderr.contains("Bearer") || out.stderr.contains("\"request\""));
            }
            seen.add(&out);
        }
        // The HubRise API echoing `X-Access-Token`.
        for (status, shape) in [(403, "echo"), (404, "echo"), (418, "echo"), (200, "wrong-shape")] {
            let echo = Echo::start(status, shape, 8);
            let mut cmd = home.cmd(&sb);
            cmd.args(verbosity).args(["connect", "--force"]);
            cmd.env("ZELTY_API_KEY", &key)
                .env("HUBRISE_ACCESS_TOKEN", &token)
                .env("ZELTY_BRIDGE_HUBRISE_API_URL", format!("{}/v1", echo.url));
            let out = run(cmd);
            assert_ne!(out.code, 0, "{}", out.stderr);
            if verbosity.is_none() {
                body_at_default.push(out.stderr.contains("X-Access-Token") || out.stderr.contains("x-access-token"));
            }
            seen.add(&out);
        }
        // The token endpoint echoing the Basic client credentials and the code.
        for (status, shape) in [(418, "echo"), (500, "echo"), (200, "wrong-shape")] {
            let echo = Echo::start(status, shape, 12);
            let mut cmd = home.cmd(&sb);
            cmd.args(verbosity).args(["connect", "--force"]);
            // A browser that follows the redirect to the callback, as a real one would.
            let follow = browser_standin();
            cmd.env("ZELTY_API_KEY", &key)
                .env("BROWSER", follow)
                .env("ZELTY_BRIDGE_HTTP_RETRIES", "1")
                .env("ZELTY_BRIDGE_HUBRISE_OAUTH_URL", format!("{}/oauth2/v1", echo.url));
            let out = run(cmd);
            assert_ne!(out.code, 0, "{}", out.stderr);
            if verbosity.is_none() {
                body_at_default.push(out.stderr.contains("Basic ") || out.stderr.contains("POST /"));
            }
            seen.add(&out);
        }
    }
    // The failures above, as the support report shows them.
    let mut report = home.cmd(&sb);
    report.args(["report", "--offline"]);
    let out = run(report);
    out.expect(0);
    assert!(out.stdout.contains("exit 3") || out.stdout.contains("exit 5"), "{}", out.stdout);
    seen.add(&out);
    assert!(body_at_default.iter().all(|shown| !shown), "a raw body at normal verbosity: {body_at_default:?}");
    assert!(seen.text.contains("[redacted]"), "-vv showed the echoes, cut:\n{}", seen.text);
    seen.assert_free_of("the Zelty key", &key);
    seen.assert_free_of("the HubRise token", &token);
    seen.assert_free_of("the OAuth client secret", &sb.client_secret());
    seen.assert_free_of("the authorization code", ECHO_CODE);
    use base64::Engine as _;
    let basic = base64::engine::general_purpose::STANDARD.encode(format!(
        "{}:{}",
        sb.json["client_id"].as_str().unwrap(),
        sb.client_secret()
    ));
    seen.assert_free_of("the Basic client credentials", &basic);
}
