//! The one place that decides how to behave: may we prompt, which language, colour or not,
//! progress bars or plain lines. Each decision is a pure function of flags, terminal facts
//! and environment values, tested as a table below.

use crate::env::Env;
use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// What the process knows about itself before deciding anything.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub stdin_tty: bool,
    pub stdout_tty: bool,
    pub stderr_tty: bool,
    pub non_interactive_flag: bool,
    pub json: bool,
    pub quiet: bool,
    pub verbose: u8,
    pub color: ColorChoice,
    pub lang: Option<Lang>,
}

impl Facts {
    /// The terminal facts of this process; the flag fields are left for the caller.
    pub fn of_process() -> Facts {
        use std::io::IsTerminal;
        Facts {
            stdin_tty: std::io::stdin().is_terminal(),
            stdout_tty: std::io::stdout().is_terminal(),
            stderr_tty: std::io::stderr().is_terminal(),
            ..Facts::default()
        }
    }
}

/// The decisions, made once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// A person can answer prompts.
    pub interactive: bool,
    pub lang: Lang,
    pub color: bool,
    /// Spinners and bars on stderr; otherwise plain lines.
    pub progress: bool,
    pub json: bool,
    pub quiet: bool,
    pub verbose: u8,
    pub stdout_tty: bool,
    /// `CI` is set to a true value.
    pub ci: bool,
}

pub fn decide(facts: &Facts, env: &Env) -> Context {
    let ci = ci_is_set(env.get("CI"));
    let dumb = env.get("TERM") == Some("dumb");
    Context {
        interactive: interactive(facts.non_interactive_flag, ci, facts.stdin_tty, facts.stderr_tty),
        lang: lang(facts.lang, env.get("LC_ALL"), env.get("LC_MESSAGES"), env.get("LANG")),
        color: color(facts.color, env.is_set("NO_COLOR"), facts.stderr_tty, dumb),
        progress: progress(facts.stderr_tty, ci, facts.quiet, dumb),
        json: facts.json,
        quiet: facts.quiet,
        verbose: facts.verbose,
        stdout_tty: facts.stdout_tty,
        ci,
    }
}

/// `CI` counts as set unless it is empty, `0`, `false`, `no` or `off`.
pub fn ci_is_set(value: Option<&str>) -> bool {
    value.is_some_and(|v| !matches!(v.trim().to_ascii_lowercase().as_str(), "" | "0" | "false" | "no" | "off"))
}

/// Prompts need a person at both ends: input from a terminal and a terminal to draw on.
pub fn interactive(non_interactive_flag: bool, ci: bool, stdin_tty: bool, stderr_tty: bool) -> bool {
    !non_interactive_flag && !ci && stdin_tty && stderr_tty
}

/// `--lang`, else the first set of `LC_ALL`, `LC_MESSAGES`, `LANG` (POSIX precedence).
pub fn lang(flag: Option<Lang>, lc_all: Option<&str>, lc_messages: Option<&str>, lang: Option<&str>) -> Lang {
    flag.or_else(|| lc_all.or(lc_messages).or(lang).map(Lang::from_locale)).unwrap_or(Lang::En)
}

/// Colour on stderr, where people read.
pub fn color(choice: ColorChoice, no_color: bool, stderr_tty: bool, dumb: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => stderr_tty && !no_color && !dumb,
    }
}

/// Animated progress only on a real terminal outside CI; `-q` silences it.
pub fn progress(stderr_tty: bool, ci: bool, quiet: bool, dumb: bool) -> bool {
    stderr_tty && !ci && !quiet && !dumb
}

/// Whether launching a browser can work here: `BROWSER` names one, or there is a display
/// (on Linux and the BSDs a graphical session sets `DISPLAY` or `WAYLAND_DISPLAY`). Over
/// SSH without either, launching would fail or open a browser on the wrong machine.
pub fn browser_launchable(env: &Env, os: &str) -> bool {
    if env.is_set("BROWSER") {
        return true;
    }
    match os {
        "linux" | "freebsd" | "openbsd" | "netbsd" | "dragonfly" => {
            env.is_set("DISPLAY") || env.is_set("WAYLAND_DISPLAY")
        }
        _ => !(env.is_set("SSH_CONNECTION") || env.is_set("SSH_TTY")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interactivity_table() {
        // (flag, ci, stdin_tty, stderr_tty) -> interactive
        let table = [
            (false, false, true, true, true),
            (true, false, true, true, false),
            (false, true, true, true, false),
            (false, false, false, true, false),
            (false, false, true, false, false),
            (false, false, false, false, false),
            (true, true, false, false, false),
        ];
        for (flag, ci, stdin, stderr, want) in table {
            assert_eq!(interactive(flag, ci, stdin, stderr), want, "flag={flag} ci={ci} stdin={stdin} stderr={stderr}");
        }
    }

    #[test]
    fn ci_values_table() {
        for (value, want) in [
            (None, false),
            (Some(""), false),
            (Some("0"), false),
            (Some("false"), false),
            (Some("FALSE"), false),
            (Some("no"), false),
            (Some("off"), false),
            (Some("true"), true),
            (Some("1"), true),
            (Some("yes"), true),
            (Some("woodpecker"), true),
        ] {
            assert_eq!(ci_is_set(value), want, "{value:?}");
        }
    }

    #[test]
    fn language_table() {
        use Lang::*;
        type Row<'a> = (Option<Lang>, Option<&'a str>, Option<&'a str>, Option<&'a str>, Lang);
        let table: [Row; 8] = [
            (None, None, None, None, En),
            (None, None, None, Some("fr_FR.UTF-8"), Fr),
            (None, None, Some("en_GB"), Some("fr_FR.UTF-8"), En),
            (None, Some("fr_BE"), Some("en_GB"), Some("en_US"), Fr),
            (None, Some("C"), None, Some("fr_FR"), En),
            (Some(En), Some("fr_FR"), None, None, En),
            (Some(Fr), None, None, Some("en_US"), Fr),
            (None, None, None, Some("de_DE"), En),
        ];
        for (flag, all, messages, lang_var, want) in table {
            assert_eq!(lang(flag, all, messages, lang_var), want, "{flag:?} {all:?} {messages:?} {lang_var:?}");
        }
    }

    #[test]
    fn color_table() {
        use ColorChoice::*;
        for (choice, no_color, tty, dumb, want) in [
            (Auto, false, true, false, true),
            (Auto, true, true, false, false),
            (Auto, false, false, false, false),
            (Auto, false, true, true, false),
            (Always, true, false, true, true),
            (Never, false, true, false, false),
        ] {
            assert_eq!(color(choice, no_color, tty, dumb), want, "{choice:?} {no_color} {tty} {dumb}");
        }
    }

    #[test]
    fn progress_table() {
        for (tty, ci, quiet, dumb, want) in [
            (true, false, false, false, true),
            (false, false, false, false, false),
            (true, true, false, false, false),
            (true, false, true, false, false),
            (true, false, false, true, false),
        ] {
            assert_eq!(progress(tty, ci, quiet, dumb), want, "{tty} {ci} {quiet} {dumb}");
        }
    }

    #[test]
    fn browser_table() {
        let none = Env::default();
        assert!(!browser_launchable(&none, "linux"));
        assert!(browser_launchable(&none.clone().with("DISPLAY", ":0"), "linux"));
        assert!(browser_launchable(&none.clone().with("WAYLAND_DISPLAY", "wayland-0"), "linux"));
        assert!(browser_launchable(&none.clone().with("BROWSER", "firefox"), "linux"));
        assert!(browser_launchable(&none, "macos"));
        assert!(!browser_launchable(&none.clone().with("SSH_CONNECTION", "1 2 3 4"), "macos"));
        assert!(browser_launchable(&none.clone().with("SSH_TTY", "/dev/pts/1").with("BROWSER", "w3m"), "windows"));
    }

    #[test]
    fn decide_puts_it_together() {
        let facts = Facts { stdin_tty: true, stdout_tty: true, stderr_tty: true, ..Facts::default() };
        let env = Env::default().with("LANG", "fr_FR.UTF-8");
        let ctx = decide(&facts, &env);
        assert!(ctx.interactive && ctx.progress && ctx.color);
        assert_eq!(ctx.lang, Lang::Fr);
        let ci = decide(&facts, &env.clone().with("CI", "true").with("NO_COLOR", "1"));
        assert!(!ci.interactive && !ci.progress && !ci.color && ci.ci);
    }
}
