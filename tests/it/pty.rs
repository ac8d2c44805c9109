//! The interactive wizard driven through a pseudo-terminal, as a person would: type the
//! key at the hidden prompt, let the browser stand-in approve, read the summary; press
//! Ctrl-C at the prompt and find the terminal sane.

use crate::support::*;
use crate::terminal::{exit_code, spawn_pty as spawn, terminal_cmd};
use rexpect::session::PtySession;
use std::process::Command;

/// The CLI as a person runs it: a terminal, no CI variable, the sandbox's addresses, and a
/// browser that walks Zelty Bridge's pages with the demo key.
fn person(home: &Home, sb: &Sandbox, lang: &str, args: &[&str]) -> Command {
    person_with_key(home, sb, lang, args, &sb.demo_key())
}

/// The same, the browser pasting `key` in Zelty Bridge's « Clé API ».
fn person_with_key(home: &Home, sb: &Sandbox, lang: &str, args: &[&str], key: &str) -> Command {
    let mut cmd = terminal_cmd(bin(), home, lang);
    cmd.env("BROWSER", browser_standin_with(&["--zelty-key-file", &home.key_file(key).display().to_string()]))
        .envs(sb.env())
        .args(args);
    cmd
}

/// Reads on until `target`, pressing Enter at every "Press Enter to open it in your
/// browser" question on the way (as a person does), and returns what was shown.
fn through(s: &mut PtySession, target: &str) -> String {
    let target = bytes(target);
    let escaped: String =
        target.chars().map(|c| if "\\.+*?()|[]{}^$".contains(c) { format!("\\{c}") } else { c.to_string() }).collect();
    // The question while it waits (` ›`), not its answered echo (` ·`). The reader drops
    // 0x80 as a C1 control, so only the first byte of `›` (0xE2) is looked for.
    let pattern = format!("in your browser \u{e2}|dans votre navigateur \u{e2}|{escaped}");
    let mut seen = String::new();
    loop {
        let (before, matched) = s.exp_regex(&pattern).unwrap_or_else(|e| panic!("waiting for {target:?}: {e}\n{seen}"));
        seen.push_str(&before);
        seen.push_str(&matched);
        if matched == target {
            return seen;
        }
        // The question is on screen: type-ahead was thrown away before it was drawn, so
        // Enter pressed now is read.
        s.send_line("").expect("press Enter");
    }
}

/// rexpect reads the terminal one byte at a time, each byte as a `char`; a needle with
/// accents must be spelled the same way to be found.
fn bytes(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

fn wizard(lang: &str, key_prompt: &str, app_done: &str, done: &str, location_word: &str) {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let key = sb.demo_key();
    let mut s = spawn(person(&home, &sb, lang, &["connect"]));
    through(&mut s, key_prompt);
    s.send_line(&key).expect("type the key");
    // The watch is authorized by the browser stand-in, then the stand-in walks Zelty
    // Bridge's pages with the key; the wizard sees Zelty's webhooks and goes on by itself.
    let walked = through(&mut s, app_done);
    let after_key = through(&mut s, done);
    assert!(!after_key.contains(&key) && !walked.contains(&key), "the key must not be echoed:\n{walked}{after_key}");
    let rest = s.exp_eof().expect("end");
    assert!(rest.contains(&bytes(location_word)) || after_key.contains(&bytes(location_word)), "{after_key}{rest}");
    assert!(!rest.contains(&key));
    assert_eq!(exit_code(&s), 0, "{after_key}{rest}");
    let secrets = std::fs::read_to_string(home.config_dir().join("secrets.json")).unwrap();
    assert!(secrets.contains(&key));
    let mut status = home.cmd(&sb);
    status.args(["status", "--json"]);
    let status = run(status);
    status.expect(0);
    let app = &status.json()["bridge_app"];
    assert_eq!(app["state"], "active", "{app}");
    assert!(
        app["zelty_webhooks"].as_array().unwrap().iter().any(|h| h.as_str().unwrap().ends_with(".hubrise-apps.com")),
        "{app}"
    );
    // The proof is on this location: orders of other apps that Zelty Bridge handled
    // (« Recevoir les commandes de Zelty » is off, so none created by it), none stuck.
    assert!(app["last_handled_at"].is_string() && app["last_order_at"].is_null(), "{app}");
    assert_eq!((app["stuck_orders"].as_u64(), app["rejected_orders_24h"].as_u64()), (Some(0), Some(0)), "{app}");
}

#[test]
fn the_wizard_in_english() {
    wizard("en_US.UTF-8", "Zelty API key", "Zelty Bridge is at work on this location", "Step 4/4", "Profile default");
}

#[test]
fn the_wizard_in_french() {
    wizard(
        "fr_FR.UTF-8",
        "Clé API Zelty",
        "Zelty Bridge est à l'œuvre sur ce point de vente",
        "Étape 4/4",
        "Profil default",
    );
}

#[test]
fn a_pasted_masked_key_is_explained_and_asked_again() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut s = spawn(person(&home, &sb, "en_US.UTF-8", &["connect"]));
    through(&mut s, "Zelty API key");
    s.send_line("  MTY123******IHA=  ").unwrap();
    s.exp_string("masked copy").expect("the masked-key message");
    s.exp_string("Zelty API key").expect("asked again");
    s.send_line(&sb.demo_key()).unwrap();
    through(&mut s, "Step 4/4");
    s.exp_eof().unwrap();
    assert_eq!(exit_code(&s), 0);
}

/// Three refused keys: the wizard stops saying how to go on, in French, and never shows a
/// bare `HTTP 403 Forbidden` to the person.
#[test]
fn after_the_last_key_try_the_wizard_says_how_to_go_on() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut s = spawn(person(&home, &sb, "fr_FR.UTF-8", &["connect"]));
    // Each refusal ends with its advice; the question comes again after it.
    for after in ["conseil", "dernier essai", ""] {
        through(&mut s, "Clé API Zelty");
        s.send_line("OTk5OTk6AAAAAAAAAAAAAAAAAAAAAAAAAAA=").unwrap();
        if !after.is_empty() {
            s.exp_string(&bytes(after)).unwrap_or_else(|e| panic!("{after}: {e}"));
        }
    }
    let end = s.exp_eof().unwrap();
    assert!(end.contains(&bytes("Pas de clé Zelty valable après 3 essais")), "{end}");
    assert!(end.contains(&bytes("`ZELTY_API_KEY=… zelty-bridge connect`")), "{end}");
    assert!(end.contains(&bytes("cause : Zelty a refusé cette clé API")), "{end}");
    assert!(!end.contains("HTTP 403"), "{end}");
    assert_eq!(exit_code(&s), 3);
}

#[test]
fn ctrl_c_at_the_key_prompt_exits_130_with_echo_back_on() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    // The shell turns echo on (rexpect starts the pty without it, as a terminal never is),
    // then reports the exit code and the terminal settings left behind; its trap keeps it
    // alive through the Ctrl-C that ends the CLI.
    let mut cmd = person(&home, &sb, "en_US.UTF-8", &[]);
    cmd.env("ZB", bin());
    let mut sh = Command::new("sh");
    sh.env_clear()
        .envs(cmd.get_envs().filter_map(|(k, v)| Some((k.to_owned(), v?.to_owned()))))
        .args(["-c", "stty echo; trap true INT; \"$ZB\" connect; echo \"EXIT=$?\"; stty -a"]);
    let mut s = spawn(sh);
    through(&mut s, "Zelty API key");
    s.send("half-typed-secret").unwrap();
    s.flush().unwrap();
    s.send_control('c').unwrap();
    let before_exit = s.exp_string("EXIT=130").expect("exit code 130");
    assert!(!before_exit.contains("half-typed-secret"), "hidden input was echoed:\n{before_exit}");
    let stty = s.exp_eof().unwrap();
    assert!(!stty.contains("half-typed-secret"), "hidden input was echoed:\n{stty}");
    let words: Vec<&str> = stty.split_whitespace().collect();
    assert!(words.contains(&"echo") && !words.contains(&"-echo"), "echo must be back on:\n{stty}");
    assert!(words.contains(&"icanon"), "canonical mode must be back on:\n{stty}");
    assert!(home.stored().is_empty(), "nothing half-stored");
}

fn connect_quietly(home: &Home, sb: &Sandbox) {
    let mut cmd = home.cmd(sb);
    cmd.args(["connect", "--json"]).env("ZELTY_API_KEY", sb.demo_key());
    run(cmd).expect(0);
}

fn grant_support_walk(lang: &str, labels: [&str; 4], yes_no: (&str, &str), done: &str) {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    connect_quietly(&home, &sb);
    let mut s = spawn(person(&home, &sb, lang, &["grant-support"]));
    // One checklist, then the back office opens (after Enter), then one confirmation.
    for label in labels {
        s.exp_string(&bytes(label)).unwrap_or_else(|e| panic!("{label}: {e}"));
    }
    let (choices, yes) = yes_no;
    through(&mut s, choices);
    s.send_line(yes).unwrap();
    s.exp_string(&bytes(done)).expect("recorded");
    s.exp_eof().unwrap();
    assert_eq!(exit_code(&s), 0);
    let mut status = home.cmd(&sb);
    status.args(["status", "--json"]);
    assert_eq!(run(status).json()["support_access"]["state"], "granted");
}

#[test]
fn grant_support_walk_in_french() {
    grant_support_walk(
        "fr_FR.UTF-8",
        ["CONFIGURATION", "Ajouter l'utilisateur", "Partenaire technique", "Définir les permissions"],
        ("(oui/non", "oui"),
        "enregistré",
    );
}

#[test]
fn grant_support_walk_in_english() {
    grant_support_walk(
        "en_US.UTF-8",
        ["SETTINGS", "Add User", "Technical Partner", "Set Permissions"],
        ("(y/n", "y"),
        "recorded",
    );
}

/// The confirmation has no default: Enter alone asks again (a reflex Enter records nothing),
/// and « non » is an answer, not a failure: exit 0, nothing recorded.
#[test]
fn grant_support_takes_no_default_and_no_is_not_a_failure() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    connect_quietly(&home, &sb);
    let mut s = spawn(person(&home, &sb, "fr_FR.UTF-8", &["grant-support"]));
    through(&mut s, "(oui/non)");
    s.send_line("").unwrap();
    s.exp_string(&bytes("Entrée seule ne répond pas")).expect("asked again");
    through(&mut s, "(oui/non)");
    s.send_line("non").unwrap();
    s.exp_string(&bytes("rien n'a été enregistré")).expect("not recorded");
    s.exp_eof().unwrap();
    assert_eq!(exit_code(&s), 0);
    let mut status = home.cmd(&sb);
    status.args(["status", "--json"]);
    assert_eq!(run(status).json()["support_access"]["state"], "not_granted");
}

/// `--no-browser`: HubRise's documented installed-app flow. The URL is printed, a person
/// authorizes elsewhere and types the code HubRise shows.
#[test]
fn no_browser_prints_the_url_and_takes_the_typed_code() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut cmd = person(&home, &sb, "en_US.UTF-8", &["connect", "--no-browser"]);
    cmd.env("ZELTY_API_KEY", sb.demo_key());
    let mut s = spawn(cmd);
    let (_, url) = s.exp_regex(r"http://127\.0\.0\.1:\d+/oauth2/v1/authorize\?\S+").expect("the authorization URL");
    assert!(url.contains("redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob"), "{url}");
    // No QR code: the sandbox listens on this machine's loopback address, which a phone
    // cannot open (a real HubRise address gets one, see `qr::helps`).
    let before = s.exp_string("Code shown by HubRise").unwrap();
    assert!(!before.contains("scan this code") && !before.contains(&bytes("▄")), "no QR code:\n{before}");
    // The person's browser, elsewhere: it shows the code, which they copy.
    let code_file = home.path().join("code");
    let status = Command::new(bin())
        .args(["sandbox", "click", "--foreground", "--code-file"])
        .arg(&code_file)
        .arg(&url)
        .env_clear()
        .status()
        .unwrap();
    assert!(status.success());
    let code = std::fs::read_to_string(&code_file).expect("the page showed a code");
    s.send_line(code.trim()).unwrap();
    through(&mut s, "Step 4/4");
    s.exp_eof().unwrap();
    assert_eq!(exit_code(&s), 0);
}

/// No keyring: a person is told why and offered the private file, never switched silently.
#[test]
fn without_a_keyring_a_person_is_offered_the_file_store() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut cmd = person(&home, &sb, "en_US.UTF-8", &["connect"]);
    cmd.env_remove("ZELTY_BRIDGE_SECRET_STORE")
        .env("DBUS_SESSION_BUS_ADDRESS", format!("unix:path={}", home.path().join("no-bus").display()));
    let mut s = spawn(cmd);
    s.exp_string("system keyring cannot be used").expect("the reason");
    s.exp_string("readable only by you?").expect("the offer");
    s.send_line("y").unwrap();
    through(&mut s, "Zelty API key");
    s.send_line(&sb.demo_key()).unwrap();
    through(&mut s, "Profile default (secrets in: private file)");
    s.exp_eof().unwrap();
    assert_eq!(exit_code(&s), 0);
    assert!(home.config_dir().join("secrets.json").exists());
}

/// While the wizard waits for the browser, the address a browser elsewhere ended on can be
/// pasted into the terminal instead.
#[test]
fn a_pasted_redirect_address_completes_the_authorization() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let landed = home.path().join("landed");
    let mut cmd = person(&home, &sb, "en_US.UTF-8", &["connect"]);
    cmd.env("ZELTY_API_KEY", sb.demo_key())
        .env("BROWSER_STANDIN_ACTION", "stop-before-callback")
        .env("BROWSER_STANDIN_CODE_FILE", &landed);
    let mut s = spawn(cmd);
    through(&mut s, "paste the code or address here");
    let mut address = String::new();
    wait_for("the browser to land on the callback's address", || {
        address = std::fs::read_to_string(&landed).unwrap_or_default();
        !address.is_empty()
    });
    assert!(address.contains("/callback?code="), "{address}");
    s.send_line("not a code").unwrap();
    s.exp_string("neither an authorization code").expect("a bad paste is explained");
    s.send_line(&address).unwrap();
    s.exp_string("Authorization received").unwrap();
    // This browser stops short of every page's end: Zelty Bridge is left to do, said so.
    through(&mut s, "go on without waiting");
    s.send_line("").unwrap();
    s.exp_string("(y/n").expect("was « Enregistrer » clicked?");
    s.send_line("n").unwrap();
    through(&mut s, "Zelty Bridge is not connected yet");
    through(&mut s, "Step 4/4");
    s.exp_eof().unwrap();
    assert_eq!(exit_code(&s), 0);
}

/// A key that sees several restaurants: the person picks one from a list with the arrows.
#[test]
fn several_restaurants_are_chosen_from_a_list() {
    let sb = Sandbox::start(&[]);
    let multi = sb.json["multi_key"].as_str().expect("multi_key").to_string();
    let pick = |keys: &str| {
        let home = Home::new();
        let mut cmd = person_with_key(&home, &sb, "en_US.UTF-8", &["connect"], &multi);
        cmd.env("ZELTY_API_KEY", &multi);
        let mut s = spawn(cmd);
        s.exp_string("Which one do you connect?").expect("the list");
        s.send(keys).unwrap();
        s.flush().unwrap();
        through(&mut s, "Step 4/4");
        s.exp_eof().unwrap();
        assert_eq!(exit_code(&s), 0);
        let mut status = home.cmd(&sb);
        status.args(["status", "--json"]);
        run(status).json()["zelty"]["restaurant_id"].as_i64().unwrap()
    };
    let first = pick("\r");
    let second = pick("\x1b[B\r");
    assert_ne!(first, second, "the arrow key moved the choice");
}

/// `y⏎` answers the one question asked, and keys typed ahead of the next question are
/// thrown away: the Zelty step of `disconnect` still waits for its own Enter.
#[test]
fn y_enter_answers_one_question_and_type_ahead_is_dropped() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    connect_quietly(&home, &sb);
    let mut s = spawn(person(&home, &sb, "en_US.UTF-8", &["disconnect"]));
    s.exp_string("(y/n").expect("the confirmation");
    // `y`, Enter, and a stray Enter typed ahead in the same burst.
    s.send("y\r\r").unwrap();
    s.flush().unwrap();
    s.exp_string(&bytes("Déconnecter")).expect("Zelty Bridge's step");
    s.exp_string(&bytes("Désactiver")).expect("and the Zelty side");
    s.exp_string("Press Enter to open").expect("its own question");
    // The prompt echoes what it reads: had the stray Enter answered it, nothing would.
    s.send_line("ready").unwrap();
    s.exp_string("ready").expect("the step waited for this Enter");
    through(&mut s, "Press Enter when it is done");
    s.send_line("").unwrap();
    let rest = s.exp_eof().unwrap();
    assert!(rest.contains("disconnected"), "{rest}");
    assert_eq!(exit_code(&s), 0);
}

/// A disconnect cut short after its revoke, finished by a person: the confirmation and
/// Zelty Bridge's steps as usual, the watch said already revoked, HubRise not asked again.
#[test]
fn a_person_finishes_a_disconnect_cut_short_after_its_revoke() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let (base, _) = crate::disconnect::cut_after_the_revoke(&sb, &home);
    let mut s = spawn(person(&home, &sb, "fr_FR.UTF-8", &["disconnect"]));
    s.exp_string("(oui/non").expect("the confirmation");
    s.send_line("o").unwrap();
    let seen = through(&mut s, "Appuyez sur Entrée une fois que c'est fait");
    assert!(seen.contains(&bytes("Déconnecter")), "{seen}");
    s.send_line("").unwrap();
    let rest = s.exp_eof().unwrap();
    assert!(rest.contains(&bytes("déjà été révoquée")), "{rest}");
    assert_eq!(exit_code(&s), 0, "{rest}");
    crate::disconnect::finished(&sb, &home, base);
}

/// A key pasted at "Use the Zelty key kept for this profile? (y/n)" is refused without
/// being shown, and the question is asked again.
#[test]
fn a_key_pasted_at_a_yes_no_question_is_refused_and_not_shown() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    connect_quietly(&home, &sb);
    let mut s = spawn(person(&home, &sb, "en_US.UTF-8", &["connect", "--force"]));
    s.exp_string("kept for this profile").expect("the reuse question");
    s.exp_string("(y/n").unwrap();
    let pasted = "MTYyYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo=";
    s.send_line(pasted).unwrap();
    let refused = s.exp_string("characters, not an answer").expect("the paste is refused");
    s.exp_string("(y/n").expect("asked again");
    s.send_line("n").unwrap();
    let asked = through(&mut s, "Zelty API key");
    assert!(!refused.contains(pasted) && !asked.contains(pasted), "the pasted value was echoed:\n{refused}{asked}");
    s.send_line(&sb.demo_key()).unwrap();
    // The profile's watch still works: kept, no new authorization.
    through(&mut s, "Keep it?");
    s.send_line("").unwrap();
    let rest = through(&mut s, "Step 4/4");
    assert!(rest.contains("Watch kept") && !rest.contains("Authorization page"), "{rest}");
    s.exp_eof().unwrap();
    assert_eq!(exit_code(&s), 0);
}

/// In French the question shows (oui/non), takes `non` and `o`, and says its default in
/// French when Enter alone answers.
#[test]
fn french_questions_take_oui_and_non() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    connect_quietly(&home, &sb);
    let mut s = spawn(person(&home, &sb, "fr_FR.UTF-8", &["connect"]));
    s.exp_string(&bytes("(oui/non, Entrée : non)")).expect("the replace question, in French");
    s.send_line("bof").unwrap();
    s.exp_string(&bytes("Répondez o (oui) ou n (non)")).expect("an unclear answer is explained");
    s.send_line("o").unwrap();
    s.exp_string(&bytes("(oui/non, Entrée : oui)")).expect("the reuse question");
    s.send_line("").unwrap();
    s.exp_string(&bytes("oui")).expect("Enter alone shows the default, in French");
    through(&mut s, "La garder ?");
    s.send_line("non").unwrap();
    // Not kept: the watch is authorized again, on the same device.
    let rest = through(&mut s, "Étape 4/4");
    assert!(rest.contains(&bytes("Autorisation reçue")), "{rest}");
    s.exp_eof().unwrap();
    assert_eq!(exit_code(&s), 0);
}

/// A French reader's `--help`: French texts, headings and the EXAMPLES section.
#[test]
fn french_help_is_french() {
    let home = Home::new();
    let sb = Sandbox::start(&[]);
    let mut s = spawn(person(&home, &sb, "en_US.UTF-8", &["--lang", "fr", "connect", "--help"]));
    let out = s.exp_eof().unwrap();
    assert_eq!(exit_code(&s), 0);
    for want in
        ["Utilisation :", "Options globales :", "Exemples :", "Environnement :", "ZELTY_API_KEY", "saisir le code"]
    {
        assert!(out.contains(&bytes(want)), "{want} in\n{out}");
    }
    for english in ["Usage:", "Print help", "[default:"] {
        assert!(!out.contains(english), "{english} in\n{out}");
    }
}

/// While a silent service is retried, the spinner says which try it is and how long is
/// left before giving up.
#[test]
fn a_retried_call_shows_the_try_and_the_time_left() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    sb.fault(serde_json::json!({"service": "zelty", "path": "/2.10/restaurants", "kind": "hang", "count": 1}));
    let mut cmd = person(&home, &sb, "en_US.UTF-8", &["connect"]);
    cmd.env("ZELTY_API_KEY", sb.demo_key()).env("ZELTY_BRIDGE_HTTP_TIMEOUT", "1");
    let mut s = spawn(cmd);
    s.exp_regex(r"try 2 of 4[^)]*giving up in \d+ s").expect("the try and the time left");
    through(&mut s, "Step 4/4");
    s.exp_eof().unwrap();
    assert_eq!(exit_code(&s), 0);
}

/// Ctrl-C at a question: the error starts on a line of its own, not glued to the question.
#[test]
fn ctrl_c_at_a_question_ends_on_a_fresh_line() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    connect_quietly(&home, &sb);
    let mut s = spawn(person(&home, &sb, "en_US.UTF-8", &["connect"]));
    s.exp_string("(y/n, Enter: no) ").expect("the replace question");
    s.send_control('c').unwrap();
    let rest = s.exp_eof().unwrap();
    assert!(rest.starts_with("\r\nerror: Interrupted"), "{rest:?}");
    assert_eq!(exit_code(&s), 130);
}

/// Ctrl-C is how the foreground sandbox stops: it says so and exits 0, without the
/// "Interrupted; nothing was stored" of a command cut short.
#[test]
fn ctrl_c_stops_the_sandbox_cleanly() {
    let home = Home::new();
    let mut cmd = terminal_cmd(bin(), &home, "en_US.UTF-8");
    cmd.arg("sandbox");
    let mut s = spawn(cmd);
    s.exp_string("press Ctrl-C to stop").expect("serving");
    s.send_control('c').unwrap();
    let rest = s.exp_eof().unwrap();
    assert!(rest.contains("Sandbox stopped") && !rest.contains("Interrupted"), "{rest}");
    assert_eq!(exit_code(&s), 0);
}

/// A build without a HubRise OAuth client says so before the one-time Zelty key is asked
/// for, and a person may go on without the watch: the key and Zelty Bridge do not need it.
#[test]
fn no_oauth_client_is_said_before_the_key_prompt() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut cmd = person(&home, &sb, "en_US.UTF-8", &["connect"]);
    cmd.env_remove("ZELTY_BRIDGE_CLIENT_ID").env_remove("ZELTY_BRIDGE_CLIENT_SECRET");
    let mut s = spawn(cmd);
    let before = s.exp_string("Go on without the watch?").expect("asked first");
    assert!(!before.contains("Zelty API key") && !before.contains("Step 1"), "before any step:\n{before}");
    assert!(before.contains("no HubRise OAuth client"), "{before}");
    s.send_line("y").unwrap();
    through(&mut s, "Zelty API key");
    s.send_line(&sb.demo_key()).unwrap();
    // No watch: step 2 is skipped, Zelty Bridge is walked all the same.
    let rest = through(&mut s, "Step 4/4");
    assert!(!rest.contains("Step 2/4"), "{rest}");
    // Without the watch no order can be read: the key's webhooks say linked, no more.
    assert!(rest.contains("Zelty Bridge holds the Zelty key"), "{rest}");
    s.exp_eof().unwrap();
    assert_eq!(exit_code(&s), 0);
}

/// A run cut short after Zelty accepted the key keeps it for the next one (Zelty shows a
/// key once): the rerun offers it masked, Enter takes it, and the key prompt never shows.
#[test]
fn ctrl_c_after_the_key_then_a_rerun_offers_the_kept_key() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let stalled_browser = |home: &Home| {
        let mut cmd = person(home, &sb, "en_US.UTF-8", &["connect"]);
        // A browser that shows nothing: the authorization waits for the person.
        cmd.env("BROWSER", "true");
        cmd
    };
    let mut s = spawn(stalled_browser(&home));
    through(&mut s, "Zelty API key");
    s.send_line(&sb.demo_key()).unwrap();
    through(&mut s, "Waiting for the authorization");
    s.send_control('c').unwrap();
    s.exp_eof().unwrap();
    assert_eq!(exit_code(&s), 130);
    assert_eq!(home.pending_key("default"), Some(sb.demo_key()), "the validated key is kept");
    assert!(home.stored().is_empty(), "{:?}", home.stored());

    let mut s = spawn(stalled_browser(&home));
    let offer = through(&mut s, "Use it?");
    assert!(offer.contains("did not finish validated the Zelty key MTIz"), "{offer}");
    assert!(!offer.contains(&sb.demo_key()), "masked: {offer}");
    s.exp_string("Enter: yes)").unwrap();
    s.send_line("").unwrap();
    let rest = through(&mut s, "Waiting for the authorization");
    assert!(rest.contains("Zelty accepted the key") && !rest.contains("Zelty API key"), "{rest}");
    s.send_control('c').unwrap();
    s.exp_eof().unwrap();
    assert_eq!(exit_code(&s), 130);
}

/// With no clipboard, « key » (« clé » in French) shows the key in full at every prompt of
/// the Zelty Bridge walk: « Press Enter to open », the wait, and « Did you click
/// « Enregistrer »? »; each time the prompt is asked again and the walk goes on.
fn key_at_every_prompt(lang: &str, word: &str, [offer, open, watching, shown, saved, answers, no]: [&str; 7]) {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    connect_quietly(&home, &sb);
    let key = sb.demo_key();
    let shown = bytes(&format!("{shown} {key}"));
    // A browser that opens the page and does nothing there: the person goes on with Enter.
    let mut cmd = person(&home, &sb, lang, &["app"]);
    cmd.env("BROWSER", browser_standin_with(&["--action", "nothing"]));
    let mut s = spawn(cmd);
    s.exp_string(&bytes(offer)).expect("the offer before the first prompt");
    // The question while it waits (` ›`, of which the reader keeps the first byte).
    let open = format!("{} \u{e2}", bytes(open));
    s.exp_string(&open).expect("the open question");
    s.send_line(word).unwrap();
    s.exp_string(&shown).expect("the key at « Press Enter to open »");
    s.exp_string(&open).expect("asked again");
    s.send_line("").unwrap();
    s.exp_string(&bytes(watching)).expect("the wait");
    s.send_line(word).unwrap();
    s.exp_string(&shown).expect("the key while waiting");
    s.send_line("").unwrap();
    s.exp_string(&bytes(offer)).expect("the offer before the last question");
    s.exp_string(&bytes(saved)).expect("the last question");
    s.exp_string(answers).expect("its answers");
    s.send_line(word).unwrap();
    s.exp_string(&shown).expect("the key at the last question");
    s.exp_string(&bytes(saved)).expect("asked again");
    s.send_line(no).unwrap();
    let rest = s.exp_eof().expect("the end");
    assert!(!rest.contains(&key), "shown only when asked:\n{rest}");
    assert_eq!(exit_code(&s), 6, "{rest}");
}

#[test]
fn key_shows_the_key_at_every_prompt_of_the_walk() {
    key_at_every_prompt(
        "en_US.UTF-8",
        "key",
        [
            "type « key » and press Enter",
            "Press Enter to open it in your browser",
            "Watching for Zelty Bridge",
            "Zelty key:",
            "Did you click « Enregistrer »",
            "(y/n",
            "n",
        ],
    );
}

#[test]
fn cle_shows_the_key_at_every_prompt_of_the_walk() {
    key_at_every_prompt(
        "fr_FR.UTF-8",
        "clé",
        [
            "tapez « clé » et appuyez sur Entrée",
            "Appuyez sur Entrée pour l'ouvrir dans votre navigateur",
            "À l'affût de Zelty Bridge",
            "Clé Zelty :",
            "Avez-vous cliqué sur « Enregistrer »",
            "(oui/non",
            "non",
        ],
    );
}
