//! Opening a URL in the user's browser: the `BROWSER` command when set (as `sh -c`, so
//! `BROWSER="firefox --new-window"` works and the URL is passed as an argument, never
//! spliced into the command), else the system opener. A browser that fails to open is not
//! an error: the URL is always printed first.

use std::process::{Command, Stdio};

pub trait Opener: Send + Sync {
    /// Launches the browser without waiting for it; `Err` says why it could not start.
    fn open(&self, url: &str) -> Result<(), String>;
}

pub struct SystemOpener {
    /// `BROWSER`, if set.
    pub browser: Option<String>,
}

impl Opener for SystemOpener {
    fn open(&self, url: &str) -> Result<(), String> {
        match &self.browser {
            Some(command) => spawn_browser_command(command, url),
            None => open::that_detached(url).map_err(|e| e.to_string()),
        }
    }
}

/// Runs `BROWSER`: the first entry of a colon-separated list, with `%s` standing for the
/// URL when present (the old `BROWSER` convention), else the URL appended.
fn spawn_browser_command(browser: &str, url: &str) -> Result<(), String> {
    let command = browser.split(':').next().unwrap_or(browser).trim();
    if command.is_empty() {
        return Err("BROWSER is empty".into());
    }
    let script = if command.contains("%s") { command.replace("%s", "\"$1\"") } else { format!("{command} \"$1\"") };
    let mut child = shell(&script, url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("{command}: {e}"))?;
    // Reap it in the background so it does not linger as a zombie; its exit status says
    // nothing about whether a page was shown.
    std::thread::spawn(move || child.wait());
    Ok(())
}

#[cfg(unix)]
fn shell(script: &str, url: &str) -> Command {
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg(script).arg("sh").arg(url);
    cmd
}

#[cfg(not(unix))]
fn shell(script: &str, url: &str) -> Command {
    let mut cmd = Command::new("cmd");
    cmd.arg("/C").arg(script.replace("\"$1\"", url));
    cmd
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
    fn a_missing_browser_program_is_reported_not_fatal() {
        // `sh` starts fine; the failure is inside it, which we do not wait for.
        let opener = SystemOpener { browser: Some("/nonexistent/browser".into()) };
        assert!(opener.open("http://x").is_ok());
        let empty = SystemOpener { browser: Some(" : ".into()) };
        assert!(empty.open("http://x").is_err());
    }
}
