//! Every fault the sandbox can inject, on each of the four network calls, once (transient)
//! and for good (persistent): each ends with the documented exit code and a message naming
//! the service, never a panic, and a failed `connect` stores nothing.

use crate::support::*;
use serde_json::{Value, json};

/// The faults: (name, fault fields, whether a retry can get past it once).
fn kinds() -> Vec<(&'static str, Value, bool)> {
    vec![
        ("500", json!({"status": 500}), true),
        ("502", json!({"status": 502}), true),
        ("503", json!({"status": 503}), true),
        ("429 with Retry-After", json!({"status": 429, "retry_after": 1}), true),
        ("429 without Retry-After", json!({"status": 429}), true),
        ("reset before the answer", json!({"kind": "reset"}), true),
        ("reset mid-body", json!({"kind": "reset_mid_body"}), true),
        ("no answer (hang)", json!({"kind": "hang"}), true),
        ("latency beyond the timeout", json!({"delay_ms": 4000}), true),
        // A complete 200 whose body cannot be used is the service's bug, not a blip: no retry.
        ("truncated JSON", json!({"kind": "truncated"}), false),
        ("malformed JSON", json!({"kind": "malformed"}), false),
        ("missing fields", json!({"kind": "missing_fields"}), false),
        ("oversized body", json!({"kind": "oversized"}), false),
    ]
}

#[derive(Clone, Copy, Debug)]
enum Call {
    ZeltyRestaurants,
    HubriseToken,
    HubriseLocation,
    HubriseRevoke,
}

impl Call {
    fn target(self) -> (&'static str, &'static str) {
        match self {
            Call::ZeltyRestaurants => ("zelty", "/2.10/restaurants"),
            Call::HubriseToken => ("hubrise_oauth", "/oauth2/v1/token"),
            Call::HubriseLocation => ("hubrise_api", "/v1/location"),
            Call::HubriseRevoke => ("hubrise_oauth", "/oauth2/v1/revoke"),
        }
    }

    /// The token exchange spends a single-use code, so it is retried only for a 429 (the
    /// request was refused, not processed).
    fn retried(self, kind: &str) -> bool {
        !matches!(self, Call::HubriseToken) || kind.starts_with("429")
    }

    /// A revoke's 200 means done whatever follows it (HubRise documents no body), so a
    /// fault that comes after the status line — a broken, oversized or cut-off body — does
    /// not fail it.
    fn done_at_status(self, kind: &str) -> bool {
        matches!(self, Call::HubriseRevoke)
            && matches!(
                kind,
                "truncated JSON" | "malformed JSON" | "missing fields" | "oversized body" | "reset mid-body"
            )
    }

    fn service_name(self) -> &'static str {
        if matches!(self, Call::ZeltyRestaurants) { "Zelty" } else { "HubRise" }
    }
}

fn run_case(call: Call, name: &str, fields: &Value, count: u32) -> Output {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let cli = |args: &[&str]| {
        let mut cmd = home.cmd(&sb);
        cmd.args(args)
            .env("ZELTY_API_KEY", sb.demo_key())
            .env("ZELTY_BRIDGE_HTTP_TIMEOUT", "2")
            .env("ZELTY_BRIDGE_HTTP_RETRIES", "3");
        cmd
    };
    if matches!(call, Call::HubriseRevoke) {
        run(cli(&["connect", "--json"])).expect(0);
    }
    let (service, path) = call.target();
    let mut fault = fields.clone();
    fault["service"] = json!(service);
    fault["path"] = json!(path);
    fault["count"] = json!(count);
    sb.fault(fault);
    let out = run(cli(if matches!(call, Call::HubriseRevoke) {
        &["disconnect", "--yes", "--json"]
    } else {
        &["connect", "--json"]
    }));
    assert!(out.code != 101 && !out.stderr.contains("panicked"), "{call:?} / {name}: panic\n{}", out.stderr);
    if out.code != 0 && !matches!(call, Call::HubriseRevoke) {
        assert!(home.stored().is_empty(), "{call:?} / {name}: a failed connect stored {:?}", home.stored());
    }
    if matches!(call, Call::HubriseRevoke) && out.code != 0 {
        assert!(
            home.config_dir().join("profiles/default.toml").exists(),
            "{call:?} / {name}: a failed revoke must keep the connection"
        );
    }
    out
}

fn matrix(call: Call) {
    let mut tried = 0;
    for (name, fields, transient_ok) in kinds() {
        if call.done_at_status(name) {
            for count in [1, 50] {
                let out = run_case(call, name, &fields, count);
                assert_eq!(out.code, 0, "{call:?} / {name} x{count}\n{}\n{}", out.stdout, out.stderr);
                assert_eq!(out.json()["revoked"], true);
            }
            tried += 2;
            continue;
        }
        // Once: a retry gets past it, where retrying is allowed and can help.
        let once = run_case(call, name, &fields, 1);
        let expected = if transient_ok && call.retried(name) { 0 } else { 5 };
        assert_eq!(once.code, expected, "{call:?} / {name} once\n{}\n{}", once.stdout, once.stderr);
        // For good: the budget runs out and the call fails as unreachable, naming the service.
        let always = run_case(call, name, &fields, 50);
        assert_eq!(always.code, 5, "{call:?} / {name} always\n{}\n{}", always.stdout, always.stderr);
        let error = &always.json()["error"];
        assert!(error["message"].as_str().unwrap().contains(call.service_name()), "{call:?} / {name}: {error}");
        assert!(error["hint"].is_string(), "{call:?} / {name}: {error}");
        tried += 2;
    }
    assert_eq!(tried, 26);
}

#[test]
fn faults_on_zelty_restaurants() {
    matrix(Call::ZeltyRestaurants);
}

#[test]
fn faults_on_the_hubrise_token_exchange() {
    matrix(Call::HubriseToken);
}

#[test]
fn faults_on_the_hubrise_location() {
    matrix(Call::HubriseLocation);
}

#[test]
fn faults_on_the_hubrise_revoke() {
    matrix(Call::HubriseRevoke);
}
