//! All output goes through the `Printer`: results on stdout (text, or one JSON object with
//! `--json`), people's text, warnings, errors and progress on stderr. It knows the
//! language, `-q`, `-v`, colour and whether spinners may be drawn; nothing else in the
//! crate writes to the standard streams.

use crate::context::Context;
use crate::error::Report;
use crate::i18n::Ux;
use crate::i18n::{Lang, Text};
use crate::layout::{self, Widths};
use console::Style;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The most characters of one `-v` line.
const DEBUG_CHARS: usize = 2000;

/// The terminal hears how HTTP calls go (spinner notes, retry lines, the `-v` log).
impl crate::http::Observer for Printer {
    fn is_interactive(&self) -> bool {
        Printer::is_interactive(self)
    }
    fn is_live(&self) -> bool {
        Printer::is_live(self)
    }
    fn is_quiet(&self) -> bool {
        Printer::is_quiet(self)
    }
    fn note(&self, note: Option<Text>) {
        Printer::note(self, note)
    }
    fn info(&self, text: Text) {
        Printer::info(self, text)
    }
    fn debug(&self, level: u8, message: String) {
        Printer::debug(self, level, message)
    }
}

#[cfg(test)]
pub type Buffer = Arc<Mutex<Vec<u8>>>;

/// Where a stream goes: the real one, or a buffer in unit tests.
#[derive(Clone)]
enum Sink {
    Stdout,
    Stderr,
    #[cfg(test)]
    Buffer(Arc<Mutex<Vec<u8>>>),
}

/// The first error met writing stdout (a full disk, a closed file), for `Printer::finish`:
/// a result that was not written must not end in exit 0. Process-wide, as stdout is.
static STDOUT_FAILED: Mutex<Option<String>> = Mutex::new(None);

/// Keeps the first stdout error but a closed pipe (`zelty-bridge status | head -1`): the
/// reader wanted no more, which is not worth an error.
fn note_stdout(result: std::io::Result<()>) {
    if let Err(e) = result
        && e.kind() != std::io::ErrorKind::BrokenPipe
        && let Ok(mut failed) = STDOUT_FAILED.lock()
    {
        failed.get_or_insert_with(|| e.to_string());
    }
}

impl Sink {
    fn write(&self, text: &str) {
        let _ = match self {
            Sink::Stdout => {
                let mut out = std::io::stdout().lock();
                note_stdout(out.write_all(text.as_bytes()));
                Ok(())
            }
            // Nowhere to report a failure to write stderr itself.
            Sink::Stderr => std::io::stderr().lock().write_all(text.as_bytes()),
            #[cfg(test)]
            Sink::Buffer(buf) => buf
                .lock()
                .map(|mut b| b.extend_from_slice(text.as_bytes()))
                .map_err(|_| std::io::Error::other("poisoned")),
        };
    }
}

#[derive(Clone)]
pub struct Printer {
    lang: Lang,
    json: bool,
    quiet: bool,
    verbose: u8,
    color: bool,
    progress: bool,
    stdout_tty: bool,
    /// A person can answer prompts (the context decided it); prompts ask the printer,
    /// which owns the terminal, rather than the whole `Ctx`.
    interactive: bool,
    out: Sink,
    err: Sink,
    /// The spinner or bar on screen, so lines printed meanwhile do not tear it.
    active: Arc<Mutex<Option<ProgressBar>>>,
    /// The spinner's message and its note (the try and time left), while a spinner is on.
    spinner_text: Arc<Mutex<Option<(String, String)>>>,
    /// A prompt is waiting on the current line: anything printed meanwhile (Ctrl-C's
    /// error, say) starts on a new line instead of being glued to the question.
    open_line: Arc<AtomicBool>,
    /// The global flags of this run that select what it acts on (`--sandbox`, `--profile
    /// NAME`): every command a text names gets them, so hints run as printed.
    run_flags: Arc<Vec<String>>,
    /// The terminals' widths, which prose and tables fit (none for a pipe).
    widths: Widths,
}

impl Printer {
    pub fn new(ctx: &Context) -> Printer {
        Printer {
            lang: ctx.lang,
            json: ctx.json,
            quiet: ctx.quiet,
            verbose: ctx.verbose,
            color: ctx.color,
            progress: ctx.progress,
            stdout_tty: ctx.stdout_tty,
            interactive: ctx.interactive,
            out: Sink::Stdout,
            err: Sink::Stderr,
            active: Arc::default(),
            spinner_text: Arc::default(),
            open_line: Arc::default(),
            run_flags: Arc::default(),
            widths: Widths::default(),
        }
    }

    /// The printer of a run whose streams are this wide.
    pub fn with_widths(mut self, widths: Widths) -> Printer {
        self.widths = widths;
        self
    }

    /// Whether stdout is a terminal a person reads (not a pipe or a file).
    pub fn stdout_is_terminal(&self) -> bool {
        self.stdout_tty
    }

    /// The width of stdout's terminal, for a table to fit; `None` for a pipe.
    pub fn out_width(&self) -> Option<usize> {
        self.widths.out
    }

    /// Prose for stderr wrapped to its terminal, continuation lines under `hang` columns.
    fn fit(&self, text: &str, hang: usize) -> String {
        layout::wrap(text, self.widths.err, hang)
    }

    /// The printer of a run whose global `flags` (`--sandbox`, `--profile NAME`) every
    /// command named in a text must carry.
    pub fn with_run_flags(mut self, flags: Vec<String>) -> Printer {
        self.run_flags = Arc::new(flags);
        self
    }

    /// `text` with every `` `zelty-bridge … `` command made runnable here: the run's
    /// `--sandbox` and `--profile` are added where the command does not say them (a hint
    /// without them would act on the real services, or on the default profile).
    pub fn runnable(&self, text: &str) -> String {
        if self.run_flags.is_empty() {
            return text.to_string();
        }
        const NAME: &str = "zelty-bridge ";
        let mut out = String::with_capacity(text.len() + 16);
        // The start of the `code` span the scan is in, if any.
        let mut span: Option<usize> = None;
        let mut copied = 0;
        for (at, c) in text.char_indices() {
            if c == '`' {
                span = if span.is_some() { None } else { Some(at + 1) };
                continue;
            }
            let Some(start) = span else { continue };
            // The command, at the start of its span or after variables (`VAR=… zelty-bridge`).
            if !text[at..].starts_with(NAME) || !text[start..at].split_whitespace().all(|w| w.contains('=')) {
                continue;
            }
            let after = at + NAME.len();
            out.push_str(&text[copied..after]);
            copied = after;
            let named = &text[after..text[after..].find('`').map_or(text.len(), |end| after + end)];
            for flag in self.run_flags.iter() {
                let name = flag.split(' ').next().unwrap_or(flag);
                let said = named.split(' ').any(|word| word == name || word.starts_with(&format!("{name}=")));
                if !said {
                    out.push_str(flag);
                    out.push(' ');
                }
            }
        }
        out.push_str(&text[copied..]);
        out
    }

    /// `value` with every command its strings name made runnable (`runnable`).
    fn runnable_everywhere(&self, value: serde_json::Value) -> serde_json::Value {
        use serde_json::Value;
        match value {
            Value::String(s) if !self.run_flags.is_empty() => Value::String(self.runnable(&s)),
            Value::Array(items) => Value::Array(items.into_iter().map(|v| self.runnable_everywhere(v)).collect()),
            Value::Object(map) => {
                Value::Object(map.into_iter().map(|(k, v)| (k, self.runnable_everywhere(v))).collect())
            }
            other => other,
        }
    }

    /// Whether a person can answer prompts.
    pub fn is_interactive(&self) -> bool {
        self.interactive
    }

    /// Whether stderr gets colour.
    pub fn is_color(&self) -> bool {
        self.color
    }

    /// Whether stderr is a live terminal where spinners (and QR codes) are drawn.
    pub fn is_live(&self) -> bool {
        self.progress
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn is_json(&self) -> bool {
        self.json
    }

    pub fn is_quiet(&self) -> bool {
        self.quiet
    }

    /// Renders a message in the user's language.
    pub fn t(&self, text: &Text) -> String {
        self.runnable(&text.render(self.lang))
    }

    // ----- stdout: results -----

    /// The result as JSON: pretty for a person at a terminal, one line for a pipe.
    pub fn json(&self, value: &serde_json::Value) {
        // A hint anywhere in the object (an error's, a part's in `status`) runs as printed.
        let value = &self.runnable_everywhere(value.clone());
        let text = if self.stdout_tty { serde_json::to_string_pretty(value) } else { serde_json::to_string(value) };
        self.out.write(&format!("{}\n", text.unwrap_or_else(|_| "{}".into())));
    }

    /// The result for people; nothing in `--json` mode, where `json` carries it.
    pub fn result(&self, text: &str) {
        if !self.json {
            // On a terminal, on words at its width; piped, whole for the program that reads it.
            let text = &layout::wrap(&self.runnable(text), self.widths.out, 0);
            self.out.write(text);
            if !text.ends_with('\n') {
                self.out.write("\n");
            }
        }
    }

    /// Text for stdout as is, in every mode (a completion script).
    pub fn raw_stdout(&self, text: &str) {
        self.out.write(text);
    }

    /// Flushes stdout at the end of a run; `Err` names the first write that failed, so
    /// that `provision --json > /dev/full` does not end as if its report were written.
    pub fn finish(&self) -> Result<(), String> {
        if matches!(self.out, Sink::Stdout) {
            note_stdout(std::io::stdout().lock().flush());
        }
        match STDOUT_FAILED.lock().map(|failed| failed.clone()) {
            Ok(Some(why)) => Err(why),
            _ => Ok(()),
        }
    }

    /// This printer writing its errors as text on stderr even under `--json`: for the one
    /// error about stdout itself.
    pub fn prose_only(&self) -> Printer {
        Printer { json: false, ..self.clone() }
    }

    // ----- stderr: people's text -----

    /// A step heading, such as "1/3 Zelty".
    pub fn step(&self, text: Text) {
        if !self.quiet {
            let line = self.fit(&self.t(&text), 0);
            self.err_line(&self.paint(Style::new().bold(), &format!("\n{line}")));
        }
    }

    /// An explanation; silenced by `-q`.
    pub fn info(&self, text: Text) {
        if !self.quiet {
            self.err_line(&self.fit(&self.t(&text), 0));
        }
    }

    /// A done step; silenced by `-q`.
    pub fn success(&self, text: Text) {
        if !self.quiet {
            let line = self.fit(&format!("✓ {}", self.t(&text)), 2);
            let line = line.replacen('✓', &self.paint(Style::new().green(), "✓"), 1);
            self.err_line(&line);
        }
    }

    /// Shown even with `-q`.
    pub fn warn(&self, text: Text) {
        let label = self.t(&Ux::LabelWarning.text());
        let line = self.fit(&format!("{label} {}", self.t(&text)), label.chars().count() + 1);
        let line = line.replacen(&label, &self.paint(Style::new().yellow().bold(), &label), 1);
        self.err_line(&line);
    }

    /// A URL the user must open or copy; shown even with `-q`, on a line of its own so it
    /// can be selected whole.
    pub fn url(&self, label: Text, url: &str) {
        self.err_line(&format!(
            "{}\n  {}",
            self.fit(&self.t(&label), 0),
            self.paint(Style::new().cyan().underlined(), url)
        ));
    }

    /// `url` as a QR code, for a phone to open, under a caption, and the address again
    /// under it (the code pushes the first one up, off a small screen). Only on a live
    /// terminal (never in logs or pipes) and for an address a phone can reach; when the code
    /// would not fit the terminal's width, a line says so instead of a broken drawing.
    pub fn qr(&self, url: &str) {
        if !self.progress || !crate::qr::helps(url) {
            return;
        }
        let Some((code, width)) = crate::qr::render(url) else { return };
        let columns = console::Term::stderr().size_checked().map_or(80, |(_, cols)| usize::from(cols));
        if width > columns {
            self.info(Ux::QrTooWide.with("cols", columns));
            return;
        }
        self.err_raw(&format!("{}\n{code}", self.t(&Ux::QrCaption.text())));
        self.err_line(&format!("  {}", self.paint(Style::new().cyan().underlined(), url)));
    }

    /// Diagnostics for `-v` (level 1) and `-vv` (level 2). Callers pass no secret: the
    /// `Secret` type only ever displays masked.
    pub fn debug(&self, level: u8, message: impl std::fmt::Display) {
        if self.verbose >= level {
            // A log line may quote a server or a file: never a secret nor an escape.
            let message = crate::server_text::sanitize(&message.to_string(), DEBUG_CHARS);
            self.err_line(&self.paint(Style::new().dim(), &format!("debug: {message}")));
        }
    }

    /// The error renderer's output: JSON on stdout in `--json` mode, else `error:`, the
    /// causes and `hint:` on stderr, labelled in the user's language.
    pub fn error(&self, report: &Report) {
        if self.json {
            let mut value = report.to_json();
            if let Some(hint) = value["error"]["hint"].as_str().map(|h| self.runnable(h)) {
                value["error"]["hint"] = serde_json::Value::String(hint);
            }
            self.json(&value);
            return;
        }
        self.clear_progress();
        let label = |m: Ux| self.t(&m.text());
        let mut text = String::new();
        // The report's English labels, each replaced by the user's language's.
        // Each line wrapped under its label, which is painted once the line is laid out.
        let labelled = |name: String, rest: &str, style: Option<Style>| {
            let line = self.fit(&format!("{name}{rest}"), name.chars().count() + 1);
            match style {
                Some(style) => line.replacen(&name, &self.paint(style, &name), 1),
                None => line,
            }
        };
        for line in self.runnable(&report.to_text()).lines() {
            // A bare status line (`HTTP 403 Forbidden`) tells a person nothing the message
            // does not; it is for `-v`.
            if self.verbose == 0 && line.strip_prefix("  caused by: ").is_some_and(raw_cause) {
                continue;
            }
            let painted = if let Some(rest) = line.strip_prefix("error:") {
                labelled(label(Ux::LabelError), rest, Some(Style::new().red().bold()))
            } else if let Some(rest) = line.strip_prefix("hint:") {
                labelled(label(Ux::LabelHint), rest, Some(Style::new().cyan().bold()))
            } else if let Some(rest) = line.strip_prefix("  caused by:") {
                labelled(format!("  {}", label(Ux::LabelCausedBy)), rest, None)
            } else {
                self.fit(line, 0)
            };
            text.push_str(&painted);
            text.push('\n');
        }
        self.err_raw(&text);
    }

    /// Takes the spinner off the screen before a final message (Ctrl-C ends the command
    /// without its spinner being dropped first), so no half-drawn spinner stays behind.
    fn clear_progress(&self) {
        if let Some(bar) = self.active.lock().ok().and_then(|mut a| a.take()) {
            bar.finish_and_clear();
        }
    }

    /// A prompt opens (`true`) or closes its line.
    pub fn set_prompt_open(&self, open: bool) {
        self.open_line.store(open, Ordering::SeqCst);
    }

    /// Writes a prompt's own text (question, echo) on its open line.
    pub fn prompt_write(&self, text: &str) {
        self.err.write(text);
    }

    /// Writes a prompt's preamble or any stderr text as is.
    pub fn err_raw(&self, text: &str) {
        // A prompt still waits on its line: start below it, not glued to the question.
        let fresh;
        let text = if self.open_line.swap(false, Ordering::SeqCst) {
            fresh = format!("\n{text}");
            fresh.as_str()
        } else {
            text
        };
        match self.active.lock().ok().and_then(|a| a.clone()) {
            Some(bar) => bar.suspend(|| self.err.write(text)),
            None => self.err.write(text),
        }
    }

    fn err_line(&self, line: &str) {
        self.err_raw(&format!("{line}\n"));
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.color { style.force_styling(true).apply_to(text).to_string() } else { text.to_string() }
    }

    // ----- progress -----

    /// A spinner while waiting. Without a terminal it prints the message once as a plain
    /// line, so logs still say what the tool was doing.
    pub fn spinner(&self, text: Text) -> Progress {
        let message = self.t(&text);
        if !self.progress {
            if !self.quiet {
                self.err_line(&format!("… {message}"));
            }
            return Progress { bar: None, spinner: false, printer: self.clone() };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{spinner:.cyan} {msg}").unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.set_message(message.clone());
        if let Ok(mut text) = self.spinner_text.lock() {
            *text = Some((message, String::new()));
        }
        bar.enable_steady_tick(Duration::from_millis(100));
        let mut progress = self.track(bar);
        progress.spinner = true;
        progress
    }

    /// No spinner: stands in for one taken off the screen while a question is asked.
    pub fn spinner_none(&self) -> Progress {
        Progress { bar: None, spinner: false, printer: self.clone() }
    }

    /// A note after the spinner's message (`None` clears it): while a call retries, which
    /// try and how long is left. Without a spinner there is nothing to annotate.
    pub fn note(&self, text: Option<Text>) {
        let note = text.map(|t| self.t(&t)).unwrap_or_default();
        self.spinner_message(|(_, n)| *n = note);
    }

    /// Changes the spinner's message or note and redraws it.
    fn spinner_message(&self, change: impl FnOnce(&mut (String, String))) {
        let Ok(mut text) = self.spinner_text.lock() else { return };
        let Some(text) = text.as_mut() else { return };
        change(text);
        let line = if text.1.is_empty() { text.0.clone() } else { format!("{} {}", text.0, text.1) };
        if let Some(bar) = self.active.lock().ok().and_then(|a| a.clone()) {
            bar.set_message(line);
        }
    }

    /// A bar over `len` items. Without a terminal, callers print a line per item instead.
    pub fn bar(&self, len: u64, text: Text) -> Progress {
        if !self.progress {
            return Progress { bar: None, spinner: false, printer: self.clone() };
        }
        let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{msg} [{bar:30.cyan/blue}] {pos}/{len} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar.set_message(self.t(&text));
        // The elapsed time keeps moving while the run waits (a rate-limit window, say).
        bar.enable_steady_tick(Duration::from_millis(250));
        self.track(bar)
    }

    fn track(&self, bar: ProgressBar) -> Progress {
        if let Ok(mut active) = self.active.lock() {
            *active = Some(bar.clone());
        }
        Progress { bar: Some(bar), spinner: false, printer: self.clone() }
    }

    /// A printer writing into buffers: (printer, stdout, stderr).
    #[cfg(test)]
    pub fn for_tests(lang: Lang, json: bool, quiet: bool) -> (Printer, Buffer, Buffer) {
        let (out, err) = (Arc::default(), Arc::default());
        let printer = Printer {
            lang,
            json,
            quiet,
            verbose: 0,
            color: false,
            progress: false,
            stdout_tty: false,
            interactive: false,
            out: Sink::Buffer(Arc::clone(&out)),
            err: Sink::Buffer(Arc::clone(&err)),
            active: Arc::default(),
            spinner_text: Arc::default(),
            open_line: Arc::default(),
            run_flags: Arc::default(),
            widths: Widths::default(),
        };
        (printer, out, err)
    }
}

/// A cause in a system's words rather than ours, which a person cannot act on and `-v`
/// shows: a bare HTTP status line, a D-Bus error from the keyring, or a keyring's failure
/// as its library words it (`the system keyring is locked: Secret Service: no result
/// found`), which the message above already says in the person's language.
fn raw_cause(cause: &str) -> bool {
    cause.starts_with("HTTP ")
        || cause.contains("DBus error")
        || cause.contains("org.freedesktop.")
        || cause.starts_with("the system keyring ")
}

/// A spinner or bar on screen; cleared when finished or dropped.
pub struct Progress {
    bar: Option<ProgressBar>,
    spinner: bool,
    printer: Printer,
}

impl Progress {
    pub fn set_message(&self, text: Text) {
        if let Some(bar) = &self.bar {
            let message = self.printer.t(&text);
            if self.spinner {
                self.printer.spinner_message(|(m, _)| *m = message);
            } else {
                bar.set_message(message);
            }
        }
    }

    pub fn inc(&self, n: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(n);
        }
    }

    /// Prints a line above the bar (or as a plain line without a terminal).
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => self.printer.err_line(line),
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
            if self.spinner && crate::interrupt::ctrl_c_echoed() {
                // indicatif fills the spinner's last row to the right edge, so the `^C` echo
                // wrapped onto a row of its own, which is the one it cleared (with the rows
                // above it that the spinner counts): clear the spinner's first row too.
                self.printer.err.write("\x1b[1A\r\x1b[2K");
            }
            if let Ok(mut active) = self.printer.active.lock() {
                *active = None;
            }
            if let (true, Ok(mut text)) = (self.spinner, self.printer.spinner_text.lock()) {
                *text = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Msg;

    fn text(buf: &Arc<Mutex<Vec<u8>>>) -> String {
        String::from_utf8(buf.lock().unwrap().clone()).unwrap()
    }

    #[test]
    fn under_the_sandbox_every_named_command_runs_as_printed() {
        let (p, out, err) = Printer::for_tests(Lang::En, false, false);
        let p = p.with_run_flags(vec!["--sandbox".into()]);
        let table = [
            ("Run `zelty-bridge connect`", "Run `zelty-bridge --sandbox connect`"),
            (
                "`zelty-bridge --sandbox app` then `zelty-bridge status`",
                "`zelty-bridge --sandbox app` then `zelty-bridge --sandbox status`",
            ),
            ("no command here", "no command here"),
            ("zelty-bridge without backquotes", "zelty-bridge without backquotes"),
        ];
        for (input, want) in table {
            assert_eq!(p.runnable(input), want);
        }
        p.info(Msg::NotConnectedHint.text());
        assert!(text(&err).contains("`zelty-bridge --sandbox connect`"), "{}", text(&err));
        // Results too: `status`'s report names `grant-support` for the next step.
        p.result("  Support  not given yet (`zelty-bridge grant-support`)");
        assert_eq!(text(&out), "  Support  not given yet (`zelty-bridge --sandbox grant-support`)\n");
        let (plain, _, _) = Printer::for_tests(Lang::En, false, false);
        assert_eq!(plain.runnable("Run `zelty-bridge connect`"), "Run `zelty-bridge connect`");
    }

    #[test]
    fn a_run_on_a_profile_names_it_in_every_command() {
        let (p, _, _) = Printer::for_tests(Lang::En, false, false);
        let p = p.with_run_flags(vec!["--sandbox".into(), "--profile lyon".into()]);
        let table = [
            (
                "run `zelty-bridge grant-support --confirm`",
                "run `zelty-bridge --sandbox --profile lyon grant-support --confirm`",
            ),
            ("`zelty-bridge --profile paris app`", "`zelty-bridge --sandbox --profile paris app`"),
            ("`zelty-bridge --profile=paris app`", "`zelty-bridge --sandbox --profile=paris app`"),
            (
                "or `ZELTY_API_KEY=… zelty-bridge connect`",
                "or `ZELTY_API_KEY=… zelty-bridge --sandbox --profile lyon connect`",
            ),
            ("`cargo install zelty-bridge` then run it", "`cargo install zelty-bridge` then run it"),
        ];
        for (input, want) in table {
            assert_eq!(p.runnable(input), want);
        }
    }

    /// Every `` `zelty-bridge …` `` command of `C`'s messages, in both languages, comes out of
    /// a printer of a `--sandbox --profile lyon` run carrying both flags.
    fn commands_run_as_printed<C: zelty_bridge_i18n::Catalog>() -> Vec<String> {
        // `--help` is printed by clap as written, never through the printer: its examples
        // are examples, not hints of a run.
        if std::any::type_name::<C>() == std::any::type_name::<crate::i18n::Help>() {
            return Vec::new();
        }
        let (p, _, _) = Printer::for_tests(Lang::En, false, false);
        let p = p.with_run_flags(vec!["--sandbox".into(), "--profile lyon".into()]);
        let mut wrong = Vec::new();
        for &key in C::ALL {
            for lang in [Lang::En, Lang::Fr] {
                let printed = p.runnable(&Text::new(key).render(lang));
                // Every command named, in backquotes or not, after variables or not: the
                // words up to the closing backquote name both flags.
                for (at, _) in printed.match_indices("zelty-bridge ") {
                    let tail = &printed[at..];
                    let command = &tail[..tail.find(['`', '\n']).unwrap_or(tail.len())];
                    let words: Vec<&str> = command.split(' ').collect();
                    // The subcommand: the first word after the global flags (prose such as
                    // "zelty-bridge cannot…" names none).
                    let mut rest = words.iter().skip(1);
                    let mut subcommand = None;
                    while let Some(w) = rest.next() {
                        if *w == "--profile" {
                            rest.next();
                        } else if !w.starts_with('-') {
                            subcommand = Some(*w);
                            break;
                        }
                    }
                    if !subcommand.is_some_and(|w| COMMANDS.contains(&w)) {
                        continue;
                    }
                    let has = |flag: &str| words.iter().any(|w| *w == flag || w.starts_with(&format!("{flag}=")));
                    if !has("--sandbox") || !has("--profile") {
                        wrong.push(format!("{key:?} ({}): `{command}`", lang.code()));
                    }
                }
            }
        }
        wrong
    }

    /// The subcommands, for spotting one named outside backquotes.
    const COMMANDS: &[&str] =
        &["connect", "app", "grant-support", "disconnect", "status", "provision", "sandbox", "completions", "report"];

    #[test]
    fn a_hint_deep_in_a_json_result_runs_as_printed() {
        let (p, out, _) = Printer::for_tests(Lang::En, true, false);
        let p = p.with_run_flags(vec!["--sandbox".into(), "--profile lyon".into()]);
        p.json(&serde_json::json!({ "zelty": { "hint": "run `zelty-bridge connect`" }, "n": 1 }));
        let v: serde_json::Value = serde_json::from_str(&text(&out)).unwrap();
        assert_eq!(v["zelty"]["hint"], "run `zelty-bridge --sandbox --profile lyon connect`");
        assert_eq!(v["n"], 1);
    }

    #[test]
    fn every_hint_of_every_catalogue_runs_as_printed() {
        let wrong = crate::i18n::for_every_catalogue!(commands_run_as_printed);
        assert_eq!(wrong, Vec::<String>::new());
        // The test can fail: a printer without the run's flags leaves a hint as written.
        let (plain, _, _) = Printer::for_tests(Lang::En, false, false);
        assert_eq!(plain.t(&Msg::NotConnectedHint.text()), "run `zelty-bridge connect`");
    }

    #[test]
    fn prose_wraps_to_the_terminal_under_its_label() {
        let (p, _out, err) = Printer::for_tests(Lang::Fr, false, false);
        let p = p.with_widths(Widths { out: None, err: Some(40) });
        let report = Report {
            code: "x".into(),
            message: "la clé Zelty a été refusée trois fois de suite".into(),
            hint: Some("relancez `zelty-bridge connect` ou donnez la clé par ZELTY_API_KEY".into()),
            causes: vec![],
        };
        p.error(&report);
        let text = text(&err);
        assert!(text.lines().all(|l| l.chars().count() <= 40), "{text}");
        assert!(text.contains("\n          `zelty-bridge connect` ou"), "continuation under « conseil : »: {text}");
        assert!(text.contains("`zelty-bridge connect`"), "{text}");
    }

    #[test]
    fn results_go_to_stdout_and_prose_to_stderr() {
        let (p, out, err) = Printer::for_tests(Lang::En, false, false);
        p.result("the result");
        p.info(Msg::ZeltyKeyRejected.text());
        assert_eq!(text(&out), "the result\n");
        assert!(text(&err).contains("Zelty refused"));
    }

    #[test]
    fn json_mode_keeps_stdout_for_json_only() {
        let (p, out, err) = Printer::for_tests(Lang::En, true, false);
        p.result("human text");
        p.json(&serde_json::json!({"a": 1}));
        p.warn(Msg::ZeltyKeyRejected.text());
        assert_eq!(text(&out), "{\"a\":1}\n");
        assert!(text(&err).starts_with("warning:"));
    }

    #[test]
    fn quiet_silences_info_but_not_warnings_or_errors() {
        let (p, _out, err) = Printer::for_tests(Lang::Fr, false, true);
        p.info(Msg::ZeltyKeyRejected.text());
        p.success(Msg::ZeltyKeyRejected.text());
        assert_eq!(text(&err), "");
        p.warn(Msg::ZeltyKeyRejected.text());
        assert!(text(&err).contains("Zelty a refusé"));
    }

    #[test]
    fn errors_render_as_json_on_stdout_in_json_mode() {
        let (p, out, err) = Printer::for_tests(Lang::En, true, false);
        let report = Report { code: "x".into(), message: "m".into(), hint: Some("h".into()), causes: vec![] };
        p.error(&report);
        let value: serde_json::Value = serde_json::from_str(text(&out).trim()).unwrap();
        assert_eq!(value["error"]["hint"], "h");
        assert_eq!(text(&err), "");
    }

    #[test]
    fn labels_are_in_the_users_language() {
        let (p, _out, err) = Printer::for_tests(Lang::Fr, false, false);
        let report = Report { code: "x".into(), message: "m".into(), hint: Some("h".into()), causes: vec!["c".into()] };
        p.error(&report);
        p.warn(Msg::ZeltyKeyRejected.text());
        assert_eq!(text(&err), "erreur : m\n  cause : c\nconseil : h\nattention : Zelty a refusé cette clé API\n");
    }

    #[test]
    fn a_bare_http_status_is_shown_at_v_only() {
        let report =
            Report { code: "x".into(), message: "m".into(), hint: None, causes: vec!["HTTP 403 Forbidden".into()] };
        let (p, _out, err) = Printer::for_tests(Lang::En, false, false);
        p.error(&report);
        assert_eq!(text(&err), "error: m\n");
        let (mut p, _out, err) = Printer::for_tests(Lang::En, false, false);
        p.verbose = 1;
        p.error(&report);
        assert_eq!(text(&err), "error: m\n  caused by: HTTP 403 Forbidden\n");
        let dbus = "the system keyring is not available: DBus error: Using X11 for dbus-daemon autolaunch was disabled";
        let report = Report { code: "x".into(), message: "m".into(), hint: None, causes: vec![dbus.into()] };
        let (p, _out, err) = Printer::for_tests(Lang::Fr, false, false);
        p.error(&report);
        assert_eq!(text(&err), "erreur : m\n");
        let locked = "the system keyring is locked: Secret Service: no result found";
        let report = Report { code: "x".into(), message: "m".into(), hint: None, causes: vec![locked.into()] };
        let (p, _out, err) = Printer::for_tests(Lang::Fr, false, false);
        p.error(&report);
        assert_eq!(text(&err), "erreur : m\n");
        let (mut p, _out, err) = Printer::for_tests(Lang::Fr, false, false);
        p.verbose = 1;
        p.error(&report);
        assert!(text(&err).contains(locked), "{}", text(&err));
    }

    #[test]
    fn spinner_without_terminal_is_one_plain_line() {
        let (p, _out, err) = Printer::for_tests(Lang::En, false, false);
        drop(p.spinner(Msg::ZeltyKeyRejected.text()));
        assert_eq!(text(&err), "… Zelty refused this API key\n");
    }
}
