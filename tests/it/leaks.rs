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
