//! The interactive wizard driven through a pseudo-terminal, as a person would: type the
//! key at the hidden prompt, let the browser stand-in approve, read the summary; press
//! Ctrl-C at the prompt and find the terminal sane.

use crate::support::*;
use rexpect::reader::Options;
use rexpect::session::{PtySession, spawn_with_options};
use std::process::Command;

/// The CLI as a person runs it: a terminal, no CI variable, the sandbox's addresses.
fn person(home: &Home, sb: &Sandbox, lang: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(bin());
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("LANG", lang)
        .env("TERM", "xterm")
        .env("ZELTY_BRIDGE_CONFIG_DIR", home.config_dir())
        .env("ZELTY_BRIDGE_SECRET_STORE", "file")
        .env("BROWSER", browser_standin())
        .envs(sb.env())
        .args(args);
    cmd
}

fn spawn(cmd: Command) -> PtySession {
    spawn_with_options(cmd, Options::new().timeout_ms(Some(60_000)).strip_ansi_escape_codes(true))
        .expect("spawn in a pty")
}

/// rexpect reads the terminal one byte at a time, each byte as a `char`; a needle with
/// accents must be spelled the same way to be found.
fn bytes(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

fn exit_code(session: &PtySession) -> i32 {
    match session.process().wait().expect("wait") {
        rexpect::process::WaitStatus::Exited(_, code) => code,
        other => panic!("{other:?}"),
    }
}

fn wizard(lang: &str, key_prompt: &str, done: &str, location_word: &str) {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let key = sb.demo_key();
    let mut s = spawn(person(&home, &sb, lang, &["connect"]));
    s.exp_string(&bytes(key_prompt)).expect("the key prompt");
    s.send_line(&key).expect("type the key");
    let after_key = s.exp_string(&bytes(done)).expect("the summary");
    assert!(!after_key.contains(&key), "the key must not be echoed:\n{after_key}");
    let rest = s.exp_eof().expect("end");
    assert!(rest.contains(&bytes(location_word)) || after_key.contains(&bytes(location_word)), "{after_key}{rest}");
    assert!(!rest.contains(&key));
    assert_eq!(exit_code(&s), 0, "{after_key}{rest}");
    let secrets = std::fs::read_to_string(home.config_dir().join("secrets.json")).unwrap();
    assert!(secrets.contains(&key));
}

#[test]
fn the_wizard_in_english() {
    wizard("en_US.UTF-8", "Zelty API key", "Step 3/3", "Profile default");
}

#[test]
fn the_wizard_in_french() {
    wizard("fr_FR.UTF-8", "Clé API Zelty", "Étape 3/3", "Profil default");
}

#[test]
fn a_pasted_masked_key_is_explained_and_asked_again() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let mut s = spawn(person(&home, &sb, "en_US.UTF-8", &["connect"]));
    s.exp_string("Zelty API key").unwrap();
    s.send_line("  MTY123******IHA=  ").unwrap();
    s.exp_string("masked copy").expect("the masked-key message");
    s.exp_string("Zelty API key").expect("asked again");
    s.send_line(&sb.demo_key()).unwrap();
    s.exp_eof().unwrap();
    assert_eq!(exit_code(&s), 0);
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
    s.exp_string("Zelty API key").unwrap();
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

fn grant_support_walk(lang: &str, labels: [&str; 4], enter: &str, yes_no: (&str, &str), done: &str) {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    connect_quietly(&home, &sb);
    let mut s = spawn(person(&home, &sb, lang, &["grant-support"]));
    for label in labels {
        s.exp_string(&bytes(label)).unwrap_or_else(|e| panic!("{label}: {e}"));
        s.exp_string(&bytes(enter)).unwrap();
        s.send_line("").unwrap();
    }
    let (choices, yes) = yes_no;
    s.exp_string(&bytes(choices)).unwrap();
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
        ["CONFIGURATION", "Ajouter l'utilisateur", "Partenaire Technique", "Définir les permissions"],
        "Entrée",
        ("(oui/non", "oui"),
        "enregistré",
    );
}

#[test]
fn grant_support_walk_in_english() {
    grant_support_walk(
        "en_US.UTF-8",
        ["SETTINGS", "Add User", "Technical Partner", "Set Permissions"],
        "Press Enter",
        ("(y/n", "y"),
        "recorded",
    );
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
    // A phone can open it too: the address as a QR code, drawn in half blocks.
    s.exp_string("scan this code").expect("the QR code's caption");
    let code = s.exp_string("Code shown by HubRise").unwrap();
    assert!(code.contains(&bytes("█▀")) && code.contains(&bytes("▄")), "the QR code:\n{code}");
    // The person's browser, elsewhere: it shows the code, which they copy.
    let code_file = home.path().join("code");
    let status = Command::new("python3")
        .arg(fixtures().join("browser.py"))
        .arg(&url)
        .env("BROWSER_STANDIN_FOREGROUND", "1")
        .env("BROWSER_STANDIN_CODE_FILE", &code_file)
        .status()
        .unwrap();
    assert!(status.success());
    let code = std::fs::read_to_string(&code_file).expect("the page showed a code");
    s.send_line(code.trim()).unwrap();
    s.exp_string("Step 3/3").expect("the code was accepted");
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
    s.exp_string("Zelty API key").unwrap();
    s.send_line(&sb.demo_key()).unwrap();
    s.exp_string("Profile default (secrets in: file)").expect("the file store was used");
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
    s.exp_string("paste the code or address here").expect("the waiting line invites a paste");
    let mut address = String::new();
    for _ in 0..200 {
        address = std::fs::read_to_string(&landed).unwrap_or_default();
        if !address.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    assert!(address.contains("/callback?code="), "{address}");
    s.send_line("not a code").unwrap();
    s.exp_string("neither an authorization code").expect("a bad paste is explained");
    s.send_line(&address).unwrap();
    s.exp_string("Authorization received").unwrap();
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
        let mut cmd = person(&home, &sb, "en_US.UTF-8", &["connect"]);
        cmd.env("ZELTY_API_KEY", &multi);
        let mut s = spawn(cmd);
        s.exp_string("Which one do you connect?").expect("the list");
        s.send(keys).unwrap();
        s.flush().unwrap();
        s.exp_string("Step 3/3").expect("a restaurant was chosen");
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
    s.exp_string(&bytes("Désactiver")).expect("the Zelty step");
    s.exp_string("Press Enter when it is done").expect("its own question");
    // The prompt echoes what it reads: had the stray Enter answered it, nothing would.
    s.send_line("ready").unwrap();
    s.exp_string("ready").expect("the Zelty step waited for this Enter");
    let rest = s.exp_eof().unwrap();
    assert!(rest.contains("disconnected"), "{rest}");
    assert_eq!(exit_code(&s), 0);
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
    let asked = s.exp_string("Zelty API key").expect("a new key is asked for, the kept one not used");
    assert!(!refused.contains(pasted) && !asked.contains(pasted), "the pasted value was echoed:\n{refused}{asked}");
    s.send_line(&sb.demo_key()).unwrap();
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
    s.exp_string(&bytes("Étape 3/3")).expect("the kept key was used");
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
    s.exp_string("Step 3/3").expect("the second try went through");
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
    let mut cmd = Command::new(bin());
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("LANG", "en_US.UTF-8")
        .env("TERM", "xterm")
        .env("ZELTY_BRIDGE_CONFIG_DIR", home.config_dir())
        .arg("sandbox");
    let mut s = spawn(cmd);
    s.exp_string("press Ctrl-C to stop").expect("serving");
    s.send_control('c').unwrap();
    let rest = s.exp_eof().unwrap();
    assert!(rest.contains("Sandbox stopped") && !rest.contains("Interrupted"), "{rest}");
    assert_eq!(exit_code(&s), 0);
}
