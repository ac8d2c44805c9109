//! `connect`, non-interactive, against the sandbox: the happy path and each way it can
//! fail, with nothing stored after a failure and an old connection left untouched.

use crate::support::*;
use serde_json::json;

fn connect(home: &Home, sb: &Sandbox) -> std::process::Command {
    let mut cmd = home.cmd(sb);
    cmd.args(["connect", "--json"]).env("ZELTY_API_KEY", sb.demo_key());
    cmd
}

fn error_code(out: &Output) -> String {
    out.json()["error"]["code"].as_str().unwrap_or_default().to_string()
}

#[test]
fn happy_path_stores_both_secrets_and_a_profile_without_them() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let out = run(connect(&home, &sb));
    out.expect(0);
    let status = out.json();
    assert_eq!(status["profile"], "default");
    assert_eq!(status["secret_store"], "file");
    assert_eq!(status["zelty"]["state"], "ok");
    assert_eq!(status["hubrise"]["state"], "ok");
    for field in [
        "account_id",
        "account_name",
        "location_id",
        "location_name",
        "catalog_id",
        "catalog_name",
        "customer_list_id",
        "customer_list_name",
    ] {
        assert!(status["hubrise"][field].is_string(), "{field} in {status}");
    }
    assert_eq!(status["support_access"]["state"], "not_granted");
    let key = sb.demo_key();
    let masked = status["zelty"]["api_key"].as_str().unwrap();
    assert!(masked.contains('…') && !masked.contains(&key[4..key.len() - 4]), "{masked}");

    let profile = std::fs::read_to_string(home.config_dir().join("profiles/default.toml")).unwrap();
    assert!(!profile.contains(&key), "the profile holds no secret");
    let secrets = std::fs::read_to_string(home.config_dir().join("secrets.json")).unwrap();
    assert!(secrets.contains(&key) && secrets.contains("default:hubrise-access-token"), "{secrets}");

    assert_eq!(status["bridge_app"]["state"], "to_do", "without a person, Zelty Bridge is still to do");
    assert!(out.stderr.contains("`zelty-bridge app`"), "the warning names the command: {}", out.stderr);

    let mut status_cmd = home.cmd(&sb);
    status_cmd.args(["status", "--json"]);
    let again = run(status_cmd);
    again.expect(6);
    assert_eq!(again.json()["hubrise"]["location_id"], status["hubrise"]["location_id"]);
    assert_eq!(again.json()["bridge_app"]["state"], "to_do");
}

#[test]
fn human_output_names_everything_and_the_next_step() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut cmd = home.cmd(&sb);
    cmd.arg("connect").env("ZELTY_API_KEY", sb.demo_key());
    let out = run(cmd);
    out.expect(0);
    assert!(out.stdout.contains("HubRise") && out.stdout.contains("Zelty"), "{}", out.stdout);
    assert!(out.stderr.contains("Next step: connect Zelty Bridge with `zelty-bridge app`"), "{}", out.stderr);
    assert!(!out.stdout.contains(&sb.demo_key()) && !out.stderr.contains(&sb.demo_key()));
}

#[test]
fn a_key_read_from_stdin_is_trimmed() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut cmd = home.cmd(&sb);
    cmd.args(["connect", "--json", "--zelty-api-key-stdin"]);
    run_stdin(cmd, &format!("  {}\r\n\n", sb.demo_key())).expect(0);
    // What is kept is the key alone, without the spaces and line ends around it.
    let stored = std::fs::read_to_string(home.config_dir().join("secrets.json")).expect("the file store");
    let stored: serde_json::Value = serde_json::from_str(&stored).expect("the file store is JSON");
    assert_eq!(stored["default:zelty-api-key"], sb.demo_key(), "{stored}");
}

#[test]
fn a_masked_key_is_refused_before_any_call() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut cmd = connect(&home, &sb);
    cmd.env("ZELTY_API_KEY", "MTY123******IHA=");
    let out = run(cmd);
    out.expect(2);
    assert_eq!(error_code(&out), "masked_key");
    assert!(out.json()["error"]["hint"].as_str().unwrap().contains("Activer"));
    assert!(home.stored().is_empty(), "{:?}", home.stored());
    assert!(!sb.requests().iter().any(|r| r["service"] == "zelty"), "no call to Zelty for a malformed key");
}

#[test]
fn a_rejected_key_exits_3_and_stores_nothing() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut cmd = connect(&home, &sb);
    cmd.env("ZELTY_API_KEY", "OTk5OTk6AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    let out = run(cmd);
    out.expect(3);
    assert_eq!(error_code(&out), "zelty_key_rejected");
    assert!(home.stored().is_empty());
}

#[test]
fn a_denied_authorization_exits_3_and_stores_nothing() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut cmd = connect(&home, &sb);
    // The refusal comes without `state`, as HubRise sends it: a script waits out its time
    // (anyone could have sent it), then takes it as the answer. The time covers the
    // stand-in's start on a loaded machine.
    cmd.args(["--timeout", "10"]).env("BROWSER_STANDIN_ACTION", "deny");
    let out = run(cmd);
    out.expect(3);
    assert_eq!(error_code(&out), "access_denied");
    assert!(home.stored().is_empty());
}

#[test]
fn a_callback_with_a_wrong_state_is_ignored() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut cmd = connect(&home, &sb);
    cmd.env("BROWSER_STANDIN_ACTION", "wrong-state");
    let out = run(cmd);
    out.expect(0);
    // The bogus callback came first and was never exchanged: HubRise saw one code, the
    // one from the consent page, and the token it gave is the one stored.
    let exchanges: Vec<serde_json::Value> =
        sb.requests().into_iter().filter(|r| r["path"].as_str().is_some_and(|p| p.ends_with("/token"))).collect();
    assert_eq!(exchanges.len(), 1, "{exchanges:?}");
    assert_eq!(exchanges[0]["status"], 200, "{exchanges:?}");
    assert_eq!(out.json()["hubrise"]["state"], "ok", "{}", out.stdout);
}

#[test]
fn a_reused_code_is_refused_with_exit_3() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut cmd = connect(&home, &sb);
    cmd.env("BROWSER_STANDIN_ACTION", "spend-code");
    let out = run(cmd);
    out.expect(3);
    assert_eq!(error_code(&out), "invalid_code");
    assert!(home.stored().is_empty());
}

#[test]
fn hubrise_access_token_skips_the_browser() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let token = sb.mint_token(json!({"location_id": "3r4s3-0"}));
    let mut cmd = connect(&home, &sb);
    cmd.env("HUBRISE_ACCESS_TOKEN", &token).env("BROWSER", "false");
    let out = run(cmd);
    out.expect(0);
    assert_eq!(out.json()["hubrise"]["location_id"], "3r4s3-0");
    assert!(!sb.requests().iter().any(|r| r["path"].as_str().unwrap_or("").contains("authorize")));
    let secrets = std::fs::read_to_string(home.config_dir().join("secrets.json")).unwrap();
    assert!(secrets.contains(&token));
}

#[test]
fn a_revoked_env_token_is_refused() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let token = sb.mint_token(json!({"location_id": "3r4s3-0"}));
    sb.connection(&token, "revoke");
    let mut cmd = connect(&home, &sb);
    cmd.env("HUBRISE_ACCESS_TOKEN", &token);
    let out = run(cmd);
    out.expect(3);
    assert_eq!(error_code(&out), "hubrise_token_revoked");
    assert!(home.stored().is_empty());
}

#[test]
fn a_429_is_waited_out_then_succeeds() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    sb.fault(json!({"service": "zelty", "count": 2, "status": 429, "retry_after": 1}));
    let out = run(connect(&home, &sb));
    out.expect(0);
    // Zelty answered: it asked us to wait, which is what the line says.
    assert!(out.stderr.contains("Zelty asked us to slow down (HTTP 429"), "{}", out.stderr);
    assert!(!out.stderr.contains("did not answer"), "{}", out.stderr);
    let calls = sb
        .requests()
        .iter()
        .filter(|r| r["service"] == "zelty" && r["path"].as_str().unwrap_or("").ends_with("/restaurants"))
        .count();
    assert_eq!(calls, 3, "two 429s then the answer");
}

#[test]
fn a_5xx_storm_exits_5_naming_the_service() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    sb.fault(json!({"service": "hubrise_api", "count": 50, "status": 503}));
    let mut cmd = connect(&home, &sb);
    cmd.env("ZELTY_BRIDGE_HTTP_RETRIES", "3");
    let out = run(cmd);
    out.expect(5);
    assert_eq!(error_code(&out), "hubrise_unreachable");
    assert!(out.json()["error"]["message"].as_str().unwrap().contains("HubRise"));
    assert!(home.stored().is_empty());
}

#[test]
fn an_unreachable_service_exits_5() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut cmd = connect(&home, &sb);
    cmd.env("ZELTY_BRIDGE_ZELTY_API_URL", format!("http://127.0.0.1:{closed}/2.10"))
        .env("ZELTY_BRIDGE_HTTP_RETRIES", "2");
    let out = run(cmd);
    out.expect(5);
    assert_eq!(error_code(&out), "zelty_unreachable");
    assert!(home.stored().is_empty());
}

#[test]
fn no_answer_in_the_browser_times_out_with_exit_6() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut cmd = connect(&home, &sb);
    cmd.args(["--timeout", "2"]).env("BROWSER_STANDIN_ACTION", "nothing");
    let out = run(cmd);
    out.expect(6);
    assert_eq!(error_code(&out), "authorization_timeout");
    assert!(home.stored().is_empty());
}

#[test]
fn an_existing_connection_needs_force_and_a_failed_reconnect_keeps_it() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    run(connect(&home, &sb)).expect(0);
    let before: Vec<_> = home.data();

    let out = run(connect(&home, &sb));
    out.expect(2);
    assert_eq!(error_code(&out), "already_connected");

    let mut denied = connect(&home, &sb);
    // A refusal with `state` ends the run at once.
    let (status, _) = sb.admin("POST", "/_sandbox/options", Some(&json!({ "state_on_error": true })));
    assert_eq!(status, 200);
    denied.arg("--force").env("BROWSER_STANDIN_ACTION", "deny");
    run(denied).expect(3);
    let after: Vec<_> = home.data();
    assert_eq!(before, after, "the old connection is untouched");

    let mut status = home.cmd(&sb);
    status.args(["status", "--json"]);
    run(status).expect(6);

    let mut again = connect(&home, &sb);
    again.arg("--force");
    run(again).expect(0);
}

#[test]
fn without_an_oauth_client_the_hint_says_how_to_make_one() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut cmd = connect(&home, &sb);
    cmd.env_remove("ZELTY_BRIDGE_CLIENT_ID").env_remove("ZELTY_BRIDGE_CLIENT_SECRET");
    let out = run(cmd);
    out.expect(2);
    assert_eq!(error_code(&out), "no_oauth_client");
    let hint = out.json()["error"]["hint"].as_str().unwrap().to_string();
    assert!(hint.contains("ZELTY_BRIDGE_CLIENT_ID") && hint.contains("--no-watch"), "{hint}");
    assert!(out.stderr.is_empty() || !out.stderr.contains("Step 1"), "said before the first step: {}", out.stderr);
}

#[test]
fn bad_client_credentials_exit_3() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut cmd = connect(&home, &sb);
    cmd.env("ZELTY_BRIDGE_CLIENT_SECRET", "not-the-secret");
    let out = run(cmd);
    out.expect(3);
    assert_eq!(error_code(&out), "invalid_client");
}

#[test]
fn errors_speak_french_when_the_locale_is_french() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut cmd = home.cmd(&sb);
    cmd.arg("connect").env("LANG", "fr_FR.UTF-8").env("ZELTY_API_KEY", "MTY123******IHA=");
    let out = run(cmd);
    out.expect(2);
    assert!(out.stderr.contains("erreur : Ceci est la copie masquée"), "{}", out.stderr);
    assert!(out.stderr.contains("conseil : Zelty n'affiche la clé complète"), "{}", out.stderr);
}

#[test]
fn several_restaurants_need_an_id_without_a_terminal() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let multi = sb.json["multi_key"].as_str().expect("multi_key").to_string();
    let mut cmd = connect(&home, &sb);
    cmd.env("ZELTY_API_KEY", &multi);
    let out = run(cmd);
    out.expect(2);
    assert_eq!(error_code(&out), "several_restaurants");
    let id = out.json()["error"]["message"]
        .as_str()
        .unwrap()
        .split("id ")
        .nth(1)
        .unwrap()
        .split(')')
        .next()
        .unwrap()
        .to_string();
    let mut chosen = connect(&home, &sb);
    chosen.env("ZELTY_API_KEY", &multi).args(["--restaurant-id", &id]);
    let ok = run(chosen);
    ok.expect(0);
    assert_eq!(ok.json()["zelty"]["restaurant_id"].to_string(), id);
}

#[test]
fn the_ruby_clients_404_for_a_bad_code_is_refused_too() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let (status, reply) = sb.admin("POST", "/_sandbox/options", Some(&json!({"bad_code_status": 404})));
    assert_eq!(status, 200, "{reply}");
    let mut cmd = connect(&home, &sb);
    cmd.env("BROWSER_STANDIN_ACTION", "spend-code");
    let out = run(cmd);
    out.expect(3);
    assert_eq!(error_code(&out), "invalid_grant");
}

#[test]
fn quiet_keeps_the_result_and_drops_the_narration() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut cmd = home.cmd(&sb);
    cmd.args(["-q", "connect"]).env("ZELTY_API_KEY", sb.demo_key());
    let out = run(cmd);
    out.expect(0);
    assert!(out.stdout.contains("Profile default"), "{}", out.stdout);
    assert!(!out.stderr.contains("Step") && !out.stderr.contains("✓"), "{}", out.stderr);
}

#[test]
fn without_a_watch_the_key_and_the_app_are_still_done_and_status_says_how_to_add_it() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut cmd = connect(&home, &sb);
    cmd.arg("--no-watch").env_remove("ZELTY_BRIDGE_CLIENT_ID").env_remove("ZELTY_BRIDGE_CLIENT_SECRET");
    let out = run(cmd);
    out.expect(0);
    let o = out.json();
    // A choice, recorded: the watch is not used, which is not a missing part.
    assert_eq!((o["zelty"]["state"].as_str(), o["hubrise"]["state"].as_str()), (Some("ok"), Some("not_used")), "{o}");
    assert_eq!(o["hubrise"]["reason"], "watch_not_used", "{o}");
    assert_eq!(o["bridge_app"]["state"], "to_do", "{o}");
    let secrets = std::fs::read_to_string(home.config_dir().join("secrets.json")).unwrap();
    assert!(!secrets.contains("hubrise-access-token"), "no watch, no token: {secrets}");

    let mut app = home.cmd(&sb);
    app.args(["app", "--confirm", "--json"]);
    let app = run(app);
    app.expect(0);
    assert_eq!(app.json()["bridge_app"]["state"], "confirmed", "{}", app.stdout);
    let mut status = home.cmd(&sb);
    status.args(["status", "--json"]);
    let status = run(status);
    status.expect(0);
    assert_eq!(status.json()["bridge_app"]["state"], "confirmed", "{}", status.stdout);
    assert!(status.json()["hubrise"]["hint"].as_str().unwrap().contains("ZELTY_BRIDGE_CLIENT_ID"));
}

#[test]
fn the_app_step_without_a_terminal_prints_its_steps_and_links_and_exits_6() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    run(connect(&home, &sb)).expect(0);
    let mut app = home.cmd(&sb);
    app.args(["app"]);
    let out = run(app);
    out.expect(6);
    for text in [
        "/connections",
        "Voir les apps disponibles",
        "Zelty Bridge",
        "Autoriser",
        "Clé API",
        "Terminer la configuration",
        "Enregistrer",
        "app --confirm",
    ] {
        assert!(out.stderr.contains(text), "{text} in {}", out.stderr);
    }
    assert!(!out.stderr.contains(&sb.demo_key()), "the key is never printed unasked");
    let mut french = home.cmd(&sb);
    french.args(["--lang", "fr", "app"]);
    let french = run(french);
    french.expect(6);
    assert!(french.stderr.contains("?locale=fr-FR") && french.stderr.contains("CONNEXIONS"), "{}", french.stderr);
}

/// A token from HUBRISE_ACCESS_TOKEN does not say which catalog or customer list it is
/// for: `--catalog-id` / `--customer-list-id` name them, and an id the location does not
/// have is refused with the ones it has.
#[test]
fn catalog_and_customer_list_ids_name_them_for_an_env_token() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let token = sb.mint_token(json!({"location_id": "3r4s3-0"}));
    let mut wrong = connect(&home, &sb);
    wrong.args(["--catalog-id", "nope"]).env("HUBRISE_ACCESS_TOKEN", &token);
    let out = run(wrong);
    out.expect(2);
    assert_eq!(error_code(&out), "unknown_list_id");
    let message = out.json()["error"]["message"].as_str().unwrap().to_string();
    assert!(message.contains("--catalog-id nope") && message.contains("77l00"), "{message}");
    assert!(home.stored().is_empty(), "nothing stored");

    let mut right = connect(&home, &sb);
    right.args(["--catalog-id", "77l00", "--customer-list-id", "xab66"]).env("HUBRISE_ACCESS_TOKEN", &token);
    let out = run(right);
    out.expect(0);
    let h = &out.json()["hubrise"];
    assert_eq!((h["catalog_id"].as_str(), h["customer_list_id"].as_str()), (Some("77l00"), Some("xab66")), "{h}");
}

/// A restaurant id the key does not see is refused with the restaurants it does see.
#[test]
fn an_unknown_restaurant_lists_what_the_key_sees() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut cmd = connect(&home, &sb);
    cmd.args(["--restaurant-id", "999"]);
    let out = run(cmd);
    out.expect(2);
    assert_eq!(error_code(&out), "unknown_restaurant");
    let message = out.json()["error"]["message"].as_str().unwrap().to_string();
    assert!(message.contains("999") && message.contains("Bella Pizza Paris (id 12345)"), "{message}");
}
