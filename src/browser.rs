//! Opening a URL in the user's browser: the `BROWSER` command when set (as `sh -c` on Unix,
//! so `BROWSER="firefox --new-window"` works; split into words and started directly on
//! Windows; on both the URL is one argument, never spliced into a command line), else the
//! system opener. A browser that fails to open is not an error: the URL is always printed
//! first. The browser runs for as long as the user keeps it, so it gets an environment
//! without our secrets (nor any variable that looks like it holds one).
//!
//! A command line is public on a multi-user machine (`/proc/*/cmdline`, `ps`), and the
//! authorize URL carries the one-time `state`: another local user who read it could send
//! its own code first. So where the system opener would take the URL as an argument
//! (Linux and the BSDs, without `BROWSER`), it gets the path of a private page instead
//! (0600, in a 0700 directory) that sends the browser on (`meta refresh`). A `BROWSER`
//! program takes the URL as an argument by its convention: nothing here can hide it.

use std::ffi::OsString;
use std::process::{Command, Stdio};

mod demo;

pub use demo::start_sandbox;

use crate::i18n::Text;
use crate::secret::Secret;
use futures_util::future::BoxFuture;

/// The browser: the one seam between the commands and whoever looks at the pages they
/// open. The system's opener shows them to a person; the sandbox's demo opener
/// (`demo.rs`) does what a person would do there.
pub trait Opener: Send + Sync {
    /// Launches the browser without waiting for it; `Err` says why it could not start.
    fn open(&self, url: &str) -> Result<(), String>;

    /// Opens `url`, a page for `page`. A browser shows it; an opener that plays the person
    /// does the page's part before it returns.
    fn open_page<'a>(&'a self, url: &'a str, page: Page<'a>) -> BoxFuture<'a, anyhow::Result<Opened>> {
        let _ = page;
        Box::pin(async move { Ok(self.open(url).map_or_else(Opened::Failed, |()| Opened::Shown)) })
    }

    /// Whether a page can be opened here whatever the environment says (a demo opener
    /// needs no display).
    fn opens_anywhere(&self) -> bool {
        false
    }

    /// What a person would copy from the Zelty page without a terminal to type it in:
    /// only an opener that plays the person has an answer.
    fn copied_key(&self) -> Option<Secret> {
        None
    }
}

/// What a page opened by a command is for, so that an opener playing the person knows
/// what to do there. The system browser ignores it.
#[derive(Clone, Copy)]
pub enum Page<'a> {
    /// Zelty's Marketplace > Hubrise V2 page, which shows the key.
    ZeltyKey,
    /// HubRise's authorization page for the watch: approve it.
    Authorize,
    /// CONNEXIONS: connect Zelty Bridge on the location and give it the key.
    BridgeConnect { location_id: &'a str, key: &'a Secret },
    /// CONNEXIONS: disconnect (or block) Zelty Bridge on the location.
    BridgeRemove { location_id: &'a str, block: bool },
    /// A page with nothing to do but read.
    Read,
}

/// What opening a page did.
pub enum Opened {
    /// A browser shows it.
    Shown,
    /// It could not be shown (the reason); the URL was printed, so the person opens it.
    Failed(String),
    /// The opener did the page's part itself, as the note says.
    Done { note: Text },
    /// Nothing was shown and there is nothing to say (no browser for a page to read).
    Skipped,
}

pub struct SystemOpener {
    /// `BROWSER`, if set.
    pub browser: Option<String>,
}

impl Opener for SystemOpener {
    fn open(&self, url: &str) -> Result<(), String> {
        match &self.browser {
            Some(command) => spawn_browser_command(command, url),
            None => spawn_system_opener(url),
        }
    }
}

/// Whether a variable may reach the browser: not ours (`ZELTY_*`, `HUBRISE_*`), not named
/// like a secret, and not holding the value of a secret this run knows.
fn passes(name: &str, value: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    let ours = upper.starts_with("ZELTY") || upper.starts_with("HUBRISE");
    let secret_like =
        ["TOKEN", "SECRET", "PASSWORD", "PASSWD", "CREDENTIAL", "API_KEY", "APIKEY", "PRIVATE_KEY", "AUTH_KEY"]
            .iter()
            .any(|word| upper.contains(word));
    !ours && !secret_like && crate::secret::redact(value) == value
}

/// The environment the browser gets: ours without the variables `passes` refuses. Names
/// or values that are not UTF-8 cannot be checked, so they are left out too.
fn clean_env() -> Vec<(OsString, OsString)> {
    #[allow(clippy::disallowed_methods)] // the child's environment is built from ours
    let vars = std::env::vars_os();
    vars.filter(|(k, v)| match (k.to_str(), v.to_str()) {
        (Some(k), Some(v)) => passes(k, v),
        _ => false,
    })
    .collect()
}

fn with_clean_env(mut cmd: Command) -> Command {
    cmd.env_clear().envs(clean_env()).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
    cmd
}

fn spawn_detached(cmd: Command, what: &str) -> Result<(), String> {
    let mut child = with_clean_env(cmd).spawn().map_err(|e| format!("{what}: {e}"))?;
    // Reap it in the background so it does not linger as a zombie; its exit status says
    // nothing about whether a page was shown.
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// The system opener (`xdg-open`, `open`, `start`…): the first of `open`'s launchers that
/// starts, with the clean environment. On Linux and the BSDs it opens a private page that
/// redirects to `url`, so that `url` is never in a command line.
fn spawn_system_opener(url: &str) -> Result<(), String> {
    #[cfg(all(unix, not(target_os = "macos")))]
    let page = private_page::write(url).map_err(|e| format!("cannot write the page that opens the browser: {e}"))?;
    #[cfg(all(unix, not(target_os = "macos")))]
    let url = page.as_str();
    let mut why = String::from("no opener");
    for cmd in open::commands(url) {
        let program = cmd.get_program().to_string_lossy().into_owned();
        match spawn_detached(cmd, &program) {
            Ok(()) => return Ok(()),
            Err(e) => why = e,
        }
    }
    Err(why)
}

pub use private_page::remove_all as remove_private_pages;

/// The pages that carry a URL to the browser without a command line: written in a
/// directory of their own (0700) as 0600 files, and removed when the run ends (the browser
/// has read them by then, or will never).
mod private_page {
    use std::sync::Mutex;

    static DIRS: Mutex<Vec<tempfile::TempDir>> = Mutex::new(Vec::new());

    /// The page's HTML: an immediate redirect to `url`, and a link to it should the
    /// browser not follow redirects from files.
    pub fn html(url: &str) -> String {
        let url = zelty_bridge_i18n::html::escape(url);
        format!(
            "<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"referrer\" content=\"no-referrer\"><meta http-equiv=\"refresh\" content=\"0;url={url}\"><title>zelty-bridge</title></head><body><p><a href=\"{url}\">{url}</a></p></body></html>"
        )
    }

    /// Writes the page for `url`; returns the `file://` URL to open.
    #[cfg_attr(any(not(unix), target_os = "macos"), allow(dead_code))]
    pub fn write(url: &str) -> std::io::Result<String> {
        use std::io::Write;
        // The directory 0700 from its creation (`tempfile`'s default follows the umask,
        // often 0755); the file is 0600, `tempfile`'s default for files.
        let mut builder = tempfile::Builder::new();
        builder.prefix("zelty-bridge-");
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700));
        let dir = builder.tempdir()?;
        let mut file = tempfile::Builder::new().prefix("open-").suffix(".html").tempfile_in(dir.path())?;
        file.write_all(html(url).as_bytes())?;
        let (_, path) = file.keep().map_err(|e| e.error)?;
        let page = url::Url::from_file_path(&path)
            .map_err(|()| std::io::Error::other(format!("{} is not an absolute path", path.display())))?;
        if let Ok(mut dirs) = DIRS.lock() {
            dirs.push(dir);
        }
        Ok(page.to_string())
    }

    /// Removes every page written by this run.
    pub fn remove_all() {
        if let Ok(mut dirs) = DIRS.lock() {
            dirs.clear();
        }
    }
}

/// Runs `BROWSER`: a list (`:`-separated, `;` on Windows, as the platform's `PATH` is)
/// whose first entry naming an installed program is used (the first one otherwise, so its
/// error shows), with `%s` standing for the URL when present (the old `BROWSER` convention,
/// quoted or not), else the URL appended.
fn spawn_browser_command(browser: &str, url: &str) -> Result<(), String> {
    let os = std::env::consts::OS;
    let entries = entries(browser, list_separator(os));
    let command = entries.iter().find(|e| installed(e, os)).or(entries.first()).ok_or("BROWSER is empty")?;
    let argv = browser_argv(command, url, os);
    let (program, args) = argv.split_first().ok_or("BROWSER is empty")?;
    let mut cmd = Command::new(program);
    cmd.args(args);
    spawn_detached(cmd, command)
}

/// What separates the entries of `BROWSER` on `os`: the separator of its `PATH`, as
/// Python's `webbrowser` reads the variable (`os.pathsep`,
/// https://github.com/python/cpython/blob/main/Lib/webbrowser.py), so that a Windows path
/// such as `C:\Program Files\…` stays whole.
fn list_separator(os: &str) -> char {
    if os == "windows" { ';' } else { ':' }
}

/// The program and arguments that run one `BROWSER` entry on `url`, with the URL always one
/// argument of its own, never spliced into a command line a shell or `cmd` would parse (an
/// authorize URL holds `&`, which `cmd` takes as a command separator).
///
/// - Unix: `sh -c '<entry with "$1" for the URL>' sh <url>`, so an entry may use the shell's
///   quoting (`BROWSER="firefox --new-window"`) while the URL stays data.
/// - Windows: the entry is split into words (double or single quotes group words, backslashes
///   are kept as they are, as in a path), a word holding `%s` gets the URL in its place, and
///   without one the URL is appended; the program is then started directly. Rust's
///   `Command` quotes each argument for the program's own parser
///   (https://doc.rust-lang.org/std/process/struct.Command.html#method.arg) and refuses
///   arguments a batch file could not receive safely.
pub fn browser_argv(command: &str, url: &str, os: &str) -> Vec<OsString> {
    if os == "windows" {
        let mut words = split_words(command);
        if words.iter().any(|w| w.contains("%s")) {
            for word in &mut words {
                *word = word.replace("%s", url);
            }
        } else {
            words.push(url.to_string());
        }
        return words.into_iter().map(OsString::from).collect();
    }
    let script = if command.contains("%s") {
        command.replace("'%s'", "\"$1\"").replace("\"%s\"", "\"$1\"").replace("%s", "\"$1\"")
    } else {
        format!("{command} \"$1\"")
    };
    ["sh", "-c", &script, "sh", url].into_iter().map(OsString::from).collect()
}

/// The words of a Windows `BROWSER` entry: split at whitespace outside quotes, the quotes
/// removed. Backslashes are literal, so `"C:\Program Files\app.exe"` is one word.
fn split_words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quote: Option<char> = None;
    for c in command.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '\'' | '"') => {
                quote = Some(c);
                word.get_or_insert_with(String::new);
            }
            (None, c) if c.is_whitespace() => words.extend(word.take()),
            (_, c) => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    words
}

/// The entries of `BROWSER`: split at each `separator` outside quotes, except, for `:`, in a
/// word holding `=` (`--proxy=http://h:8080`) or before `//` (a URL), which are arguments.
fn entries(browser: &str, separator: char) -> Vec<String> {
    let mut entries = Vec::new();
    let (mut current, mut word) = (String::new(), String::new());
    let mut quote: Option<char> = None;
    let chars: Vec<char> = browser.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '\'' | '"') => quote = Some(c),
            (None, c) if c == separator && (c != ':' || (!word.contains('=') && chars.get(i + 1) != Some(&'/'))) => {
                entries.push(std::mem::take(&mut current));
                word.clear();
                continue;
            }
            (None, c) if c.is_whitespace() => word.clear(),
            _ => {}
        }
        if !c.is_whitespace() {
            word.push(c);
        }
        current.push(c);
    }
    entries.push(current);
    entries.into_iter().map(|e| e.trim().to_string()).filter(|e| !e.is_empty()).collect()
}

/// Whether an entry's program exists: a path that exists, or a name found on `PATH` (on
/// Windows also with `.exe`, which a command may leave out).
fn installed(entry: &str, os: &str) -> bool {
    let program = if os == "windows" {
        split_words(entry).into_iter().next().unwrap_or_default()
    } else {
        let first: String = entry.trim_start().chars().take_while(|c| !c.is_whitespace()).collect();
        first.trim_matches(['\'', '"']).to_string()
    };
    if program.contains('/') || (os == "windows" && program.contains('\\')) {
        return std::path::Path::new(&program).exists();
    }
    let names: Vec<String> = if os == "windows" && !program.to_ascii_lowercase().ends_with(".exe") {
        vec![program.clone(), format!("{program}.exe")]
    } else {
        vec![program]
    };
    #[allow(clippy::disallowed_methods)] // where the program will be looked for
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path).any(|dir| names.iter().any(|name| dir.join(name).is_file()))
}

#[cfg(test)]
mod argv_tests {
    //! The command line built for each OS, checked on any OS: nothing is started.
    use super::*;

    const URL: &str = "https://manager.hubrise.com/oauth2/v1/authorize?client_id=1&scope=a b&state=\"x\"";

    fn strings(argv: Vec<OsString>) -> Vec<String> {
        argv.into_iter().map(|a| a.into_string().unwrap()).collect()
    }

    #[test]
    fn unix_runs_the_entry_through_sh_with_the_url_as_its_argument() {
        for os in ["linux", "macos", "freebsd"] {
            assert_eq!(
                strings(browser_argv("firefox --new-window", URL, os)),
                ["sh", "-c", "firefox --new-window \"$1\"", "sh", URL],
                "{os}"
            );
            assert_eq!(
                strings(browser_argv("chromium '%s' --x", URL, os)),
                ["sh", "-c", "chromium \"$1\" --x", "sh", URL]
            );
        }
    }

    #[test]
    fn windows_starts_the_program_itself_with_the_url_as_one_argument() {
        let firefox = r#""C:\Program Files\Mozilla Firefox\firefox.exe" -new-window"#;
        let argv = strings(browser_argv(firefox, URL, "windows"));
        assert_eq!(argv, [r"C:\Program Files\Mozilla Firefox\firefox.exe", "-new-window", URL]);
        assert!(!argv.iter().any(|a| a.eq_ignore_ascii_case("cmd") || a.eq_ignore_ascii_case("/C")));
        // `%s`, bare, quoted or inside a word, takes the URL's place: no URL appended then.
        assert_eq!(
            strings(browser_argv("chrome.exe %s --incognito", URL, "windows")),
            ["chrome.exe", URL, "--incognito"]
        );
        assert_eq!(strings(browser_argv("chrome.exe \"%s\"", URL, "windows")), ["chrome.exe", URL]);
        assert_eq!(
            strings(browser_argv("msedge --app=%s", URL, "windows")),
            ["msedge", format!("--app={URL}").as_str()]
        );
        assert_eq!(strings(browser_argv("'C:\\b r\\x.exe'", URL, "windows")), [r"C:\b r\x.exe", URL]);
    }

    #[test]
    fn the_list_separator_follows_the_os() {
        let windows = r#""C:\Program Files\Mozilla Firefox\firefox.exe" %s;msedge"#;
        assert_eq!(
            entries(windows, list_separator("windows")),
            [r#""C:\Program Files\Mozilla Firefox\firefox.exe" %s"#, "msedge"]
        );
        assert_eq!(entries("firefox:chromium", list_separator("linux")), ["firefox", "chromium"]);
        assert_eq!(entries("firefox:chromium", list_separator("macos")), ["firefox", "chromium"]);
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn run_and_read(browser: String, out: &std::path::Path, url: &str) -> String {
        SystemOpener { browser: Some(browser) }.open(url).unwrap();
        for _ in 0..200 {
            if let Ok(s) = std::fs::read_to_string(out)
                && s.ends_with('\n')
            {
                return s.trim_end().to_string();
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        panic!("the browser command did not run");
    }

    #[test]
    fn browser_gets_the_url_as_one_argument() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let url = "http://127.0.0.1:1/authorize?a=1&b=$(touch /tmp/pwned)";
        let got = run_and_read(format!("sh -c 'echo \"$0\" > {}'", out.display()), &out, url);
        assert_eq!(got, url);
    }

    #[test]
    fn percent_s_stands_for_the_url() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let url = "http://127.0.0.1:2/x?y=1";
        let got = run_and_read(format!("sh -c 'echo \"$0\" > {}' %s:firefox", out.display()), &out, url);
        assert_eq!(got, url);
    }

    #[test]
    fn quoted_percent_s_and_colons_in_arguments() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let url = "http://127.0.0.1:3/x?y=1";
        let got = run_and_read(format!("sh -c 'echo \"$0\" > {}' '%s'", out.display()), &out, url);
        assert_eq!(got, url);
        assert_eq!(
            entries("firefox --proxy=http://h:8080 %s:chromium", ':'),
            vec!["firefox --proxy=http://h:8080 %s", "chromium"]
        );
        assert_eq!(entries("a 'x:y':b", ':'), vec!["a 'x:y'", "b"]);
    }

    #[test]
    fn the_list_falls_back_to_an_installed_program() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let url = "http://127.0.0.1:4/x";
        let got = run_and_read(format!("/nonexistent/browser %s:sh -c 'echo \"$0\" > {}'", out.display()), &out, url);
        assert_eq!(got, url);
    }

    #[test]
    fn secrets_are_kept_from_the_browser() {
        let known = crate::secret::Secret::new("a-secret-value-in-some-var");
        assert!(!passes("ZELTY_API_KEY", "x"));
        assert!(!passes("HUBRISE_ACCESS_TOKEN", "x"));
        assert!(!passes("ZELTY_BRIDGE_CLIENT_SECRET", "x"));
        assert!(!passes("GITHUB_TOKEN", "x"));
        assert!(!passes("MY_VAR", known.expose()));
        assert!(passes("DISPLAY", ":0"));
        assert!(passes("PATH", "/usr/bin"));
    }

    #[test]
    fn the_private_page_redirects_and_only_its_owner_can_read_it() {
        use std::os::unix::fs::PermissionsExt;
        let url = "http://127.0.0.1:5/authorize?state=s3cret&x=\"><script>";
        let page = private_page::write(url).unwrap();
        let path = url::Url::parse(&page).unwrap().to_file_path().unwrap();
        assert!(!page.contains("s3cret"), "{page}");
        let html = std::fs::read_to_string(&path).unwrap();
        assert!(html.contains("http-equiv=\"refresh\" content=\"0;url=http://127.0.0.1:5/authorize?state=s3cret&amp;x=&quot;&gt;&lt;script&gt;\""), "{html}");
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let modes = (mode(&path), mode(path.parent().unwrap()));
        remove_private_pages();
        assert!(!path.exists() && !path.parent().unwrap().exists());
        assert_eq!(modes, (0o600, 0o700));
    }

    #[test]
    fn a_missing_browser_program_is_reported_not_fatal() {
        // `sh` starts fine; the failure is inside it, which we do not wait for.
        let opener = SystemOpener { browser: Some("/nonexistent/browser".into()) };
        assert!(opener.open("http://x").is_ok());
        let empty = SystemOpener { browser: Some(" : ".into()) };
        assert!(empty.open("http://x").is_err());
    }
}
