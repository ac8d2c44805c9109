//! Every question the tool asks. Each one first checks that a person can answer (the
//! printer carries the context's decision); if not, it fails at once with the flag or
//! variable to use, instead of hanging on a prompt nobody sees. Prompts run on a blocking
//! thread so that Ctrl-C is still handled.
//!
//! Answers cannot be misread: keys typed ahead are thrown away before each question, a y/n
//! answer counts only once Enter is pressed, and a long pasted value at a y/n (a key, whose
//! letters may include `y`) is refused and the question asked again, without echoing it.

use crate::error::{Failure, Kind};
use crate::i18n::{Lang, Msg, Text, Ux};
use crate::printer::Printer;
use crate::secret::Secret;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use zeroize::Zeroizing;

/// Fails when nobody can answer: `instead` names the flag or variable that answers it.
pub fn require_person(printer: &Printer, instead: Text) -> anyhow::Result<()> {
    if printer.is_interactive() {
        Ok(())
    } else {
        Err(Failure::new(Kind::Usage, "needs_input", Msg::NeedsInput.text()).hint(instead).into())
    }
}

fn theme(color: bool) -> Box<dyn Theme + Send> {
    if color { Box::new(ColorfulTheme::default()) } else { Box::new(SimpleTheme) }
}

fn interrupted_or(e: std::io::Error) -> anyhow::Error {
    match e.kind() {
        std::io::ErrorKind::Interrupted => {
            Failure::new(Kind::Interrupted, "interrupted", Msg::Interrupted.text()).into()
        }
        _ => anyhow::Error::new(e).context("the prompt failed"),
    }
}

/// Runs a prompt on a blocking thread, its line marked open on the printer meanwhile.
async fn ask<T: Send + 'static>(
    printer: &Printer,
    instead: Text,
    f: impl FnOnce(&Printer) -> std::io::Result<T> + Send + 'static,
) -> anyhow::Result<T> {
    require_person(printer, instead)?;
    let p = printer.clone();
    let result = tokio::task::spawn_blocking(move || {
        tty::flush_input();
        p.set_prompt_open(true);
        let result = f(&p);
        p.set_prompt_open(false);
        result
    })
    .await?;
    result.map_err(interrupted_or)
}

fn dialoguer_io<T>(result: dialoguer::Result<T>) -> std::io::Result<T> {
    result.map_err(|dialoguer::Error::IO(e)| e)
}

/// Hidden input (the Zelty key): nothing is echoed.
pub async fn secret(printer: &Printer, prompt: Text, instead: Text) -> anyhow::Result<Zeroizing<String>> {
    let prompt = printer.t(&prompt);
    ask(printer, instead, move |p| {
        dialoguer_io(
            dialoguer::Password::with_theme(theme(p.is_color()).as_ref())
                .with_prompt(prompt)
                .allow_empty_password(true)
                .interact()
                .map(Zeroizing::new),
        )
    })
    .await
}

/// A word typed at a question that shows a secret instead of answering it (« key » shows
/// the Zelty key in full where there is no clipboard); the question is then asked again.
/// The secret is put in its sentence only when shown, on the terminal's stderr, once each
/// time it is asked for; it is never logged.
#[derive(Clone)]
pub struct Aside {
    words: &'static [&'static str],
    /// The sentence, and the name of its placeholder for the secret.
    sentence: (Text, &'static str),
    secret: Secret,
}

impl Aside {
    pub fn new(words: &'static [&'static str], sentence: Text, placeholder: &'static str, secret: Secret) -> Aside {
        Aside { words, sentence: (sentence, placeholder), secret }
    }

    /// Whether `typed` is one of the words (case and spaces do not matter).
    pub fn asked(&self, typed: &str) -> bool {
        let word = typed.trim().to_lowercase();
        self.words.contains(&word.as_str())
    }

    /// The sentence with the secret, in `lang`.
    fn shown(&self, lang: Lang) -> Zeroizing<String> {
        let (sentence, placeholder) = &self.sentence;
        Zeroizing::new(sentence.clone().with(placeholder, self.secret.expose()).render(lang))
    }
}

pub async fn line(printer: &Printer, prompt: Text, instead: Text) -> anyhow::Result<String> {
    let prompt = printer.t(&prompt);
    ask(printer, instead, move |p| {
        dialoguer_io(
            dialoguer::Input::<String>::with_theme(theme(p.is_color()).as_ref())
                .with_prompt(prompt)
                .allow_empty(true)
                .interact_text(),
        )
    })
    .await
}

/// A yes/no question, answered with a word and Enter; Enter alone takes `default`.
pub async fn confirm(printer: &Printer, prompt: Text, default: bool, instead: Text) -> anyhow::Result<bool> {
    confirm_with(printer, prompt, default, instead, None).await
}

/// `confirm`, where typing one of `aside`'s words shows what it shows and asks again.
pub async fn confirm_with(
    printer: &Printer,
    prompt: Text,
    default: bool,
    instead: Text,
    aside: Option<Aside>,
) -> anyhow::Result<bool> {
    let question = printer.t(&prompt);
    ask(printer, instead, move |p| yes_no(p, &question, Some(default), aside.as_ref())).await
}

/// A y/n question with no default, for a record a reflex Enter must not make: Enter alone
/// asks again.
pub async fn confirm_explicitly(printer: &Printer, prompt: Text, instead: Text) -> anyhow::Result<bool> {
    let question = printer.t(&prompt);
    ask(printer, instead, move |p| yes_no(p, &question, None, None)).await
}

pub async fn choose(printer: &Printer, prompt: Text, items: Vec<String>, instead: Text) -> anyhow::Result<usize> {
    let prompt = printer.t(&prompt);
    ask(printer, instead, move |p| {
        dialoguer_io(
            dialoguer::Select::with_theme(theme(p.is_color()).as_ref())
                .with_prompt(prompt)
                .items(&items)
                .default(0)
                .interact(),
        )
    })
    .await
}

/// Waits for Enter (a guided step done in a web page).
pub async fn enter(printer: &Printer, prompt: Text, instead: Text) -> anyhow::Result<()> {
    enter_with(printer, prompt, instead, None).await
}

/// `enter`, where typing one of `aside`'s words shows what it shows and asks again.
pub async fn enter_with(printer: &Printer, prompt: Text, instead: Text, aside: Option<Aside>) -> anyhow::Result<()> {
    loop {
        let typed = line(printer, prompt.clone(), instead.clone()).await?;
        match &aside {
            Some(aside) if aside.asked(&typed) => {
                printer.prompt_write(&aside.shown(printer.lang()));
                printer.prompt_write("\n");
            }
            _ => return Ok(()),
        }
    }
}

/// What a typed line says at a y/n question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
    /// Enter alone.
    Default,
    /// Not a word we know: ask again.
    Unclear,
    /// Far longer than any answer: a pasted value, never read as one.
    Pasted,
}

/// The longest answer a person types (`oui`, `yes`, `non`); anything longer is a paste.
const LONGEST_ANSWER: usize = 4;

/// Reads a y/n line in either language (a French speaker may type `y`, an English one `o`
/// would be odd but harmless): y, yes, o, oui; n, no, non. Case and spaces do not matter.
pub fn parse_answer(line: &str) -> Answer {
    let word = line.trim().to_lowercase();
    if word.chars().count() > LONGEST_ANSWER {
        return Answer::Pasted;
    }
    match word.as_str() {
        "" => Answer::Default,
        "y" | "yes" | "o" | "oui" => Answer::Yes,
        "n" | "no" | "non" => Answer::No,
        _ => Answer::Unclear,
    }
}

fn yes_word(lang: Lang, yes: bool) -> String {
    if yes { Ux::Yes.render(lang) } else { Ux::No.render(lang) }
}

/// The y/n loop: the question with `(oui/non, Entrée : oui)`, the answer echoed in the
/// user's language on the same line, then a new line. Nothing moves the cursor up, so a
/// question wrapped over two lines at 80 columns leaves no stale half line behind.
fn yes_no(p: &Printer, question: &str, default: Option<bool>, aside: Option<&Aside>) -> std::io::Result<bool> {
    let lang = p.lang();
    loop {
        let hint = match default {
            Some(default) => Ux::YesNo.with("default", yes_word(lang, default)).render(lang),
            None => Ux::YesNoNoDefault.render(lang),
        };
        p.prompt_write(&format!("{question} {hint} "));
        let typed = tty::read_answer(p, LONGEST_ANSWER)?;
        if let Some(aside) = aside.filter(|a| a.asked(&typed)) {
            p.prompt_write("\n");
            p.prompt_write(&aside.shown(lang));
            p.prompt_write("\n");
            tty::flush_input();
            continue;
        }
        let answer = match parse_answer(&typed) {
            Answer::Default if default.is_none() => {
                p.prompt_write(&format!("\n{}\n", Ux::AnswerNeeded.render(lang)));
                None
            }
            Answer::Default => default,
            Answer::Yes => Some(true),
            Answer::No => Some(false),
            Answer::Unclear => {
                p.prompt_write(&format!("\n{}\n", Ux::AnswerUnclear.render(lang)));
                None
            }
            Answer::Pasted => {
                let count = typed.trim().chars().count();
                p.prompt_write(&format!("\n{}\n", Ux::AnswerTooLong.with("count", count).render(lang)));
                None
            }
        };
        if let Some(yes) = answer {
            // The typed word stays as echoed; Enter alone shows the default taken.
            let shown = if typed.trim().is_empty() { yes_word(lang, yes) } else { String::new() };
            p.prompt_write(&format!("{shown}\n"));
            return Ok(yes);
        }
        tty::flush_input();
    }
}

#[cfg(unix)]
mod tty {
    //! The terminal under a prompt: throwing away type-ahead, and reading a short answer
    //! key by key with our own echo (so a pasted secret is never shown).
    use crate::printer::Printer;
    use rustix::stdio::stdin;
    use rustix::termios::{self, LocalModes, OptionalActions, QueueSelector, SpecialCodeIndex, Termios};

    /// Discards what was typed or pasted before the question was on screen
    /// (`tcflush(TCIFLUSH)`, https://pubs.opengroup.org/onlinepubs/9799919799/functions/tcflush.html).
    pub fn flush_input() {
        if termios::isatty(stdin()) {
            let _ = termios::tcflush(stdin(), QueueSelector::IFlush);
        }
    }

    /// Canonical mode and echo off for the life of the guard, signals (Ctrl-C) kept.
    struct Raw(Option<Termios>);

    impl Raw {
        fn new() -> Raw {
            let Ok(saved) = termios::tcgetattr(stdin()) else { return Raw(None) };
            let mut raw = saved.clone();
            raw.local_modes.remove(LocalModes::ICANON | LocalModes::ECHO);
            raw.special_codes[SpecialCodeIndex::VMIN] = 1;
            raw.special_codes[SpecialCodeIndex::VTIME] = 0;
            let _ = termios::tcsetattr(stdin(), OptionalActions::Now, &raw);
            Raw(Some(saved))
        }
    }

    impl Drop for Raw {
        fn drop(&mut self) {
            if let Some(saved) = &self.0 {
                let _ = termios::tcsetattr(stdin(), OptionalActions::Now, saved);
            }
        }
    }

    /// Reads up to Enter. Characters are echoed while the line is no longer than `echo_max`
    /// (a real answer); past that the echo is wiped and the rest read silently.
    pub fn read_answer(p: &Printer, echo_max: usize) -> std::io::Result<String> {
        let _raw = Raw::new();
        let mut bytes = Vec::new();
        let mut shown = 0usize;
        let mut byte = [0u8; 1];
        let mut escape = false;
        loop {
            // Straight from the descriptor, one byte at a time: a buffered reader would keep
            // what follows Enter for the next question, out of reach of `flush_input`.
            match rustix::io::read(stdin(), &mut byte) {
                Ok(1) => {}
                Ok(_) => return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "the terminal closed")),
                Err(e) => return Err(e.into()),
            }
            let b = byte[0];
            // Escape sequences (arrows, bracketed paste markers) are skipped whole: ESC,
            // then `[` or `O`, parameters, and a final byte in 0x40..=0x7e.
            if escape {
                if (0x40..=0x7e).contains(&b) && b != b'[' && b != b'O' {
                    escape = false;
                }
                continue;
            }
            match b {
                b'\r' | b'\n' => break,
                0x1b => escape = true,
                0x7f | 0x08 => {
                    if let Some(last) = String::from_utf8_lossy(&bytes).chars().last() {
                        bytes.truncate(bytes.len() - last.len_utf8());
                        if shown > 0 {
                            shown -= 1;
                            p.prompt_write("\x08 \x08");
                        }
                    }
                }
                b if b < 0x20 => {}
                _ => {
                    bytes.push(b);
                    let text = String::from_utf8_lossy(&bytes);
                    let count = text.chars().count();
                    if count > echo_max {
                        // Not an answer: take back what was shown, show nothing more.
                        p.prompt_write(&"\x08 \x08".repeat(shown));
                        shown = 0;
                    } else if std::str::from_utf8(&bytes).is_ok() {
                        // Echo once the character is whole (UTF-8 arrives byte by byte).
                        let shown_now = count;
                        let chars: String = text.chars().skip(shown).collect();
                        p.prompt_write(&chars);
                        shown = shown_now;
                    }
                }
            }
        }
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

#[cfg(not(unix))]
mod tty {
    //! Elsewhere the console reads a whole line; the answer is checked the same way.
    use crate::printer::Printer;

    pub fn flush_input() {}

    pub fn read_answer(_p: &Printer, _echo_max: usize) -> std::io::Result<String> {
        console::Term::stderr().read_line()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_in_both_languages() {
        for (typed, want) in [
            ("y", Answer::Yes),
            ("Yes", Answer::Yes),
            (" o ", Answer::Yes),
            ("OUI", Answer::Yes),
            ("n", Answer::No),
            ("no", Answer::No),
            ("Non", Answer::No),
            ("", Answer::Default),
            ("   ", Answer::Default),
            ("yep", Answer::Unclear),
            ("x", Answer::Unclear),
            ("ouii", Answer::Unclear),
            ("MTY1YWJjZGVmZ2hpamtsbW5vcA==", Answer::Pasted),
            ("y y y", Answer::Pasted),
        ] {
            assert_eq!(parse_answer(typed), want, "{typed:?}");
        }
    }

    #[test]
    fn an_aside_is_asked_by_its_words_and_shows_its_secret_in_the_language() {
        let shown = crate::i18n::Bridge::KeyRevealed.text();
        let aside = Aside::new(&["key", "clé"], shown, "key", Secret::new("a-secret-value-1"));
        assert!(aside.asked(" KEY ") && aside.asked("Clé") && !aside.asked("keys") && !aside.asked(""));
        assert_eq!(aside.shown(Lang::Fr).as_str(), "Clé Zelty : a-secret-value-1");
    }

    #[tokio::test]
    async fn nobody_to_answer_fails_with_the_way_out() {
        let (printer, _, err) = Printer::for_tests(Lang::Fr, false, false);
        let failure = confirm(&printer, Msg::ReplaceConnection.text(), false, Msg::UseForce.text()).await.unwrap_err();
        let report = crate::error::Report::of(&failure, Lang::Fr);
        assert_eq!(report.code, "needs_input");
        assert!(report.hint.unwrap().contains("--force"));
        assert!(err.lock().unwrap().is_empty(), "no question drawn");
    }
}
