//! Fitting text to the terminal: its width (from `COLUMNS`, else the terminal itself), prose
//! wrapped on words with a hanging indent, and tables narrowed column by column so that no
//! row wraps. Nothing is ever cut inside a word, a URL or a `` `command` ``.

use crate::env::Env;

/// Narrower than this, wrapping would do more harm than good: text is left as is.
const MIN_WIDTH: usize = 20;

/// A character no message uses, standing for a space that must not break a line (inside a
/// `` `command` ``, around French « » and before `:` `;` `?` `!`).
const GLUE: char = '\u{E000}';

/// The widths of the two streams, `None` where it is not a terminal (a pipe, a log): text
/// there is left unwrapped for the program or file that reads it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Widths {
    pub out: Option<usize>,
    pub err: Option<usize>,
}

impl Widths {
    /// `COLUMNS` when set (a shell's own idea of the width, or a test's), else each stream's
    /// terminal size.
    pub fn of_process(env: &Env) -> Widths {
        if let Some(columns) = env.get("COLUMNS").and_then(|c| c.trim().parse::<usize>().ok()) {
            let width = usable(columns);
            return Widths { out: width, err: width };
        }
        let size = |term: console::Term| term.size_checked().and_then(|(_, cols)| usable(usize::from(cols)));
        Widths { out: size(console::Term::stdout()), err: size(console::Term::stderr()) }
    }
}

fn usable(columns: usize) -> Option<usize> {
    (columns >= MIN_WIDTH).then_some(columns)
}

/// `text` wrapped to `width` on spaces, line by line: a line keeps its own indent on its
/// continuation lines (a bullet's text lines up after the bullet), and the first line of
/// the text continues under `hang` columns (the width of a `warning: ` label before it).
pub fn wrap(text: &str, width: Option<usize>, hang: usize) -> String {
    let Some(width) = width else { return text.to_string() };
    let mut out = String::with_capacity(text.len() + 16);
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        out.push_str(&wrap_line(line, width, if n == 0 { hang } else { 0 }));
    }
    out
}

fn wrap_line(line: &str, width: usize, hang: usize) -> String {
    if textwrap::core::display_width(line) <= width {
        return line.to_string();
    }
    let body = line.trim_start_matches(' ');
    let lead = line.len() - body.len();
    // A numbered step (`1. `) is a bullet too.
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = (digits > 0 && body[digits..].starts_with(". ")).then_some(digits + 2);
    let bullet = ["- ", "• ", "· ", "✓ ", "✗ ", "! ", "→ "]
        .iter()
        .find(|b| body.starts_with(**b))
        .map(|b| b.chars().count())
        .or(numbered)
        .unwrap_or(0);
    // A labelled row (`  Zelty Bridge  ✗ stalled  1 waiting…`, as `status` prints them)
    // continues under its value: after the first run of two spaces that ends a label.
    let label = match bullet {
        0 => body.find("  ").filter(|&at| at > 0 && lead + at < width / 2).map(|at| {
            let run = body[at..].len() - body[at..].trim_start_matches(' ').len();
            textwrap::core::display_width(&body[..at]) + run
        }),
        _ => None,
    };
    let indent = " ".repeat(if hang > 0 { hang } else { lead + label.unwrap_or(bullet) });
    let glued = glue(body);
    let first = " ".repeat(lead);
    let options = textwrap::Options::new(width)
        .initial_indent(&first)
        .subsequent_indent(&indent)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false);
    textwrap::wrap(&glued, options).join("\n").replace(GLUE, " ")
}

/// Spaces that must not end a line, glued to their neighbours.
fn glue(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_code = false;
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '`' {
            in_code = !in_code;
        }
        let next = chars.get(i + 1).copied();
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let french = prev == Some('«') || matches!(next, Some('»' | ':' | ';' | '?' | '!'));
        // A number and its word (`24 nov.`, `3 s`), and a month and its day (`Dec 2`): a
        // date is never cut in two.
        let number = prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(char::is_alphabetic);
        let month = next.is_some_and(|n| n.is_ascii_digit()) && {
            let word: String = chars[..i].iter().rev().take_while(|c| c.is_alphabetic()).collect();
            crate::localtime::MONTHS_EN.iter().any(|m| m.chars().rev().eq(word.chars()))
        };
        out.push(if c == ' ' && (in_code || french || number || month) { GLUE } else { c });
    }
    out
}

/// A column of a table, and how it may give way when the table is too wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Give {
    /// Kept whole (a state).
    Keep,
    /// Cut with `…` down to a few characters (a name).
    Truncate,
    /// Taken out of the row and printed under it, wrapped (a hint, the last column).
    Below,
}

/// Rows (the first is the heading) as aligned columns two spaces apart, fitting `width`:
/// first the `Below` column leaves the row for a line of its own under it, then the
/// widest `Truncate` column is cut, one character at a time, until the rows fit.
pub fn table(rows: &[Vec<String>], gives: &[Give], width: Option<usize>) -> Vec<String> {
    let columns = gives.len();
    let count = textwrap::core::display_width;
    let mut widths: Vec<usize> =
        (0..columns).map(|c| rows.iter().map(|r| r.get(c).map_or(0, |s| count(s))).max().unwrap_or(0)).collect();
    let total = |w: &[usize], shown: &[bool]| {
        let kept: Vec<usize> = w.iter().zip(shown).filter(|(_, s)| **s).map(|(w, _)| *w).collect();
        kept.iter().sum::<usize>() + 2 * kept.len().saturating_sub(1)
    };
    let mut shown = vec![true; columns];
    if let Some(max) = width {
        if total(&widths, &shown) > max {
            for (c, give) in gives.iter().enumerate() {
                if *give == Give::Below {
                    shown[c] = false;
                }
            }
        }
        const MIN_CUT: usize = 6;
        while total(&widths, &shown) > max {
            let widest = (0..columns)
                .filter(|&c| shown[c] && gives[c] == Give::Truncate && widths[c] > MIN_CUT)
                .max_by_key(|&c| widths[c]);
            let Some(c) = widest else { break };
            widths[c] -= 1;
        }
    }
    let mut out = Vec::with_capacity(rows.len());
    for (n, row) in rows.iter().enumerate() {
        let cells: Vec<String> = (0..columns)
            .filter(|&c| shown[c])
            .map(|c| {
                let cell = cut(row.get(c).map_or("", String::as_str), widths[c]);
                let pad = widths[c].saturating_sub(count(&cell));
                format!("{cell}{}", " ".repeat(pad))
            })
            .collect();
        out.push(cells.join("  ").trim_end().to_string());
        // A column moved out of the row: its text under the row (not under the heading),
        // unless there is nothing to say.
        for c in (0..columns).filter(|&c| !shown[c]) {
            let text = row.get(c).map_or("", String::as_str);
            if n > 0 && !text.is_empty() && text != "—" {
                out.push(wrap(&format!("  → {text}"), width, 0));
            }
        }
    }
    out
}

/// `text` cut to `width` columns, its end replaced by `…` when cut.
fn cut(text: &str, width: usize) -> String {
    if textwrap::core::display_width(text) <= width {
        return text.to_string();
    }
    let mut kept = String::new();
    for c in text.chars() {
        if textwrap::core::display_width(&format!("{kept}{c}")) > width.saturating_sub(1) {
            break;
        }
        kept.push(c);
    }
    kept.truncate(kept.trim_end().len());
    kept.push('…');
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widest(text: &str) -> usize {
        text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
    }

    #[test]
    fn prose_wraps_on_words_never_inside_one() {
        let text = "Open the Zelty Bridge page, click « Activate » and then run `zelty-bridge --sandbox --profile lyon grant-support --confirm` once it is done";
        let wrapped = wrap(text, Some(40), 0);
        let words: Vec<&str> = text.split(' ').collect();
        assert_eq!(wrapped.split_whitespace().collect::<Vec<_>>(), words, "no word cut or lost");
        assert!(wrapped.contains("`zelty-bridge --sandbox --profile lyon grant-support --confirm`"), "{wrapped}");
        assert!(wrapped.contains("« Activate »"), "{wrapped}");
        for line in wrapped.lines().filter(|l| !l.contains('`')) {
            assert!(line.chars().count() <= 40, "{line:?}");
        }
    }

    #[test]
    fn a_label_gives_the_continuation_lines_their_indent() {
        let wrapped = wrap("hint: run the command again once the key is in the back office of Zelty", Some(30), 6);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines.len() > 1);
        assert!(lines[1..].iter().all(|l| l.starts_with("      ") && !l.starts_with("       ")), "{wrapped}");
    }

    #[test]
    fn a_date_is_never_cut_in_two() {
        for (text, date) in [
            ("  Zelty Bridge  ~ relié  dernière commande traitée 24 nov. 21:11 (UTC)", "24 nov."),
            ("the last order was handled on Dec 24, 21:11 (UTC)", "Dec 24,"),
        ] {
            for width in 20..text.len() {
                let wrapped = wrap(text, Some(width), 0);
                assert!(wrapped.contains(date), "{width}: {wrapped}");
            }
        }
    }

    #[test]
    fn a_numbered_step_continues_under_its_text() {
        let step = "  1. CONNECTIONS > « Voir les apps disponibles » (See available apps) > Zelty Bridge > « Connecter » (Connect)";
        let wrapped = wrap(step, Some(60), 0);
        assert!(wrapped.lines().skip(1).all(|l| l.starts_with("     ") && !l.starts_with("      ")), "{wrapped}");
    }

    #[test]
    fn a_labelled_row_continues_under_its_value() {
        let row =
            "  Zelty Bridge  ✗ à l'arrêt  1 en attente sans traitement · dernière commande traitée 2 déc. 20:38 (UTC)";
        let wrapped = wrap(row, Some(60), 0);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines.len() > 1, "{wrapped}");
        assert!(
            lines[1..].iter().all(|l| l.starts_with(&" ".repeat(16)) && !l.starts_with(&" ".repeat(17))),
            "{wrapped}"
        );
    }

    #[test]
    fn a_table_row_that_fits_is_not_wrapped_again() {
        // Marks and ellipses are one column wide, in the table as in the wrapping of what
        // the printer prints: a row cut to the width stays one line.
        let rows = vec![
            vec!["profile".to_string(), "state".to_string(), "to do".to_string()],
            vec!["marseille-vieux-port".to_string(), "✗ à l'arrêt → …".to_string(), "x".repeat(60)],
        ];
        for line in table(&rows, &[Give::Truncate, Give::Keep, Give::Truncate], Some(60)) {
            assert_eq!(textwrap::core::display_width(&line), line.chars().count(), "{line}");
            assert_eq!(wrap(&line, Some(60), 0), line, "wrapped again");
        }
    }

    #[test]
    fn a_url_is_never_cut() {
        let url = "https://manager.hubrise.com/oauth2/v1/authorize?client_id=123.clients.hubrise.com&state=abc";
        let wrapped = wrap(&format!("Open {url} in a browser"), Some(30), 0);
        assert!(wrapped.lines().any(|l| l.trim() == url), "{wrapped}");
    }

    #[test]
    fn french_marks_stay_with_their_word() {
        let wrapped = wrap("Cliquez sur « Activer » puis revenez ici : la suite se fera seule", Some(22), 0);
        assert!(!wrapped.lines().any(|l| l.trim_end().ends_with('«') || l.trim_start().starts_with('»')), "{wrapped}");
        assert!(!wrapped.lines().any(|l| l.trim_start().starts_with(':')), "{wrapped}");
    }

    #[test]
    fn no_width_no_change() {
        let text = "a long line ".repeat(20);
        assert_eq!(wrap(&text, None, 0), text);
    }

    #[test]
    fn a_wide_table_narrows_to_the_width() {
        let row = |a: &str, b: &str, c: &str| vec![a.to_string(), b.to_string(), c.to_string()];
        let rows = vec![
            row("PROFILE", "RESTAURANT", "TO DO"),
            row("paris-11", "Le Bistrot du Canal Saint-Martin (5012)", "run `zelty-bridge app`"),
            row("lyon", "Chez Paul", "—"),
        ];
        let gives = [Give::Truncate, Give::Truncate, Give::Below];
        let wide = table(&rows, &gives, None);
        assert_eq!(wide.len(), 3);
        assert!(widest(&wide.join("\n")) > 40);
        let narrow = table(&rows, &gives, Some(40));
        assert!(narrow.iter().all(|l| l.chars().count() <= 40), "{narrow:#?}");
        assert!(narrow.iter().any(|l| l.contains('…')), "{narrow:#?}");
        assert!(narrow.iter().any(|l| l == "  → run `zelty-bridge app`"), "{narrow:#?}");
        assert_eq!(narrow.len(), 4, "the hint on a line of its own, none for —: {narrow:#?}");
    }
}
