//! What a run says at the end: a line per restaurant as it finishes, then a table (or,
//! with `--json`, one report object), and the exit code a script branches on.

use crate::error::{ExitStatus, Kind, Report};
use crate::i18n::{Lang, Msg};
use serde_json::{Value, json};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Connected,
    /// Already connected with the same secrets and ids; nothing was called.
    Skipped,
    Failed,
    /// `--dry-run`: everything checked, nothing stored.
    Validated,
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Connected => "connected",
            Outcome::Skipped => "skipped",
            Outcome::Failed => "failed",
            Outcome::Validated => "validated",
        }
    }

    fn label(self, lang: Lang) -> String {
        match self {
            Outcome::Connected => Msg::OutcomeConnected,
            Outcome::Skipped => Msg::OutcomeSkipped,
            Outcome::Failed => Msg::OutcomeFailed,
            Outcome::Validated => Msg::OutcomeValidated,
        }
        .render(lang)
    }
}

/// One restaurant's result.
#[derive(Debug)]
pub struct RestaurantResult {
    pub profile: String,
    pub outcome: Outcome,
    /// For a failure: its kind (the exit code) and the rendered error.
    pub error: Option<(Kind, Report)>,
    pub seconds: f64,
    pub restaurant_id: Option<i64>,
    pub restaurant_name: Option<String>,
    pub location_id: Option<String>,
    pub location_name: Option<String>,
}

impl RestaurantResult {
    pub fn to_json(&self) -> Value {
        let (code, message, hint) = match (&self.error, self.outcome) {
            (Some((_, report)), _) => (Some(report.code.as_str()), Some(report.message.clone()), report.hint.clone()),
            (None, Outcome::Skipped) => (Some("up_to_date"), None, None),
            (None, _) => (None, None, None),
        };
        json!({
            "profile": self.profile,
            "outcome": self.outcome.code(),
            "code": code,
            "message": message,
            "hint": hint,
            "seconds": (self.seconds * 1000.0).round() / 1000.0,
            "restaurant_id": self.restaurant_id,
            "restaurant_name": self.restaurant_name,
            "location_id": self.location_id,
            "location_name": self.location_name,
        })
    }

    /// The progress line printed when the restaurant is done.
    pub fn progress(&self, lang: Lang) -> String {
        let mark = match self.outcome {
            Outcome::Connected | Outcome::Validated => "✓",
            Outcome::Skipped => "=",
            Outcome::Failed => "✗",
        };
        let detail = match &self.error {
            Some((_, report)) => format!("{}: {}", report.code, report.message),
            None if self.outcome == Outcome::Skipped => Msg::UpToDate.render(lang),
            None => format!("{} ↔ {}", self.restaurant(), self.location()),
        };
        format!("{mark} {} — {} — {detail} ({} s)", self.profile, self.outcome.label(lang), decimal(self.seconds, lang))
    }

    fn restaurant(&self) -> String {
        named(self.restaurant_name.as_deref(), self.restaurant_id.map(|id| id.to_string()).as_deref())
    }

    fn location(&self) -> String {
        named(self.location_name.as_deref(), self.location_id.as_deref())
    }
}

fn named(name: Option<&str>, id: Option<&str>) -> String {
    match (name, id) {
        (Some(name), Some(id)) => format!("{name} ({id})"),
        (None, Some(id)) => id.to_string(),
        (Some(name), None) => name.to_string(),
        (None, None) => "—".into(),
    }
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub connected: usize,
    pub skipped: usize,
    pub failed: usize,
    pub validated: usize,
}

pub fn counts(lines: &[RestaurantResult]) -> Counts {
    let mut c = Counts::default();
    for line in lines {
        *match line.outcome {
            Outcome::Connected => &mut c.connected,
            Outcome::Skipped => &mut c.skipped,
            Outcome::Failed => &mut c.failed,
            Outcome::Validated => &mut c.validated,
        } += 1;
    }
    c
}

/// 0 when nothing failed; otherwise the code of the failure a rerun is least likely to
/// cure: unexpected (1), then the manifest or the CI variables (2), then a refusal by a
/// service (3), then a step that needs a person (6), and 5 only when every failure was a
/// service out of reach — rerunning then retries just those, the rest being skipped.
pub fn exit_status(lines: &[RestaurantResult]) -> ExitStatus {
    let rank = |kind: Kind| match kind {
        Kind::Unexpected | Kind::Interrupted => 5,
        Kind::Usage => 4,
        Kind::Rejected => 3,
        Kind::NeedsPerson | Kind::NotConnected => 2,
        Kind::Unreachable => 1,
    };
    lines
        .iter()
        .filter_map(|l| l.error.as_ref().map(|(kind, _)| *kind))
        .max_by_key(|k| rank(*k))
        .map_or(ExitStatus::Success, Kind::exit_status)
}

/// The `--json` report.
pub fn to_json(lines: &[RestaurantResult], seconds: f64, dry_run: bool) -> Value {
    let c = counts(lines);
    let mut summary = json!({ "connected": c.connected, "skipped": c.skipped, "failed": c.failed, "seconds": (seconds * 1000.0).round() / 1000.0 });
    if dry_run {
        summary["validated"] = json!(c.validated);
    }
    json!({ "dry_run": dry_run, "restaurants": lines.iter().map(RestaurantResult::to_json).collect::<Vec<_>>(), "summary": summary, "exit_code": exit_status(lines) })
}

/// The table for people, columns padded to their widest cell, then the summary.
pub fn table(lines: &[RestaurantResult], seconds: f64, dry_run: bool, lang: Lang) -> String {
    let header = [Msg::ColProfile, Msg::ColOutcome, Msg::ColRestaurant, Msg::ColLocation, Msg::ColTime, Msg::ColDetail]
        .map(|m| m.render(lang));
    let mut rows = vec![header.to_vec()];
    for line in lines {
        let detail = match &line.error {
            // The hint too: it says what to fix in the manifest or the CI's variables.
            Some((_, report)) => match &report.hint {
                Some(hint) => format!("{}: {} — {hint}", report.code, report.message),
                None => format!("{}: {}", report.code, report.message),
            },
            None if line.outcome == Outcome::Skipped => Msg::UpToDate.render(lang),
            None => String::new(),
        };
        rows.push(vec![
            line.profile.clone(),
            line.outcome.label(lang),
            line.restaurant(),
            line.location(),
            format!("{} s", decimal(line.seconds, lang)),
            detail,
        ]);
    }
    let widths: Vec<usize> =
        (0..header.len()).map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell}{}", " ".repeat(w - cell.chars().count())))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    let c = counts(lines);
    let secs = decimal(seconds, lang);
    let summary = match dry_run {
        true => Msg::ProvisionSummaryDry.with("validated", c.validated),
        false => Msg::ProvisionSummary.with("connected", c.connected),
    };
    out.push('\n');
    out.push_str(&summary.with("skipped", c.skipped).with("failed", c.failed).with("secs", secs).render(lang));
    out.push('\n');
    out
}

/// `2.5` with one decimal, written as the language writes it (`2,5` in French).
fn decimal(value: f64, lang: Lang) -> String {
    let text = format!("{value:.1}");
    if lang == Lang::Fr { text.replace('.', ",") } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(profile: &str, outcome: Outcome, failure: Option<(Kind, &str)>) -> RestaurantResult {
        RestaurantResult {
            profile: profile.into(),
            outcome,
            error: failure.map(|(kind, code)| {
                (
                    kind,
                    Report {
                        code: code.into(),
                        message: format!("{code} happened"),
                        hint: Some("do this".into()),
                        causes: vec![],
                    },
                )
            }),
            seconds: 0.123_456,
            restaurant_id: Some(12),
            restaurant_name: Some("Bella".into()),
            location_id: Some("3r4s3-0".into()),
            location_name: None,
        }
    }

    #[test]
    fn exit_status_table() {
        use Kind::*;
        let ok = || line("a", Outcome::Connected, None);
        let failed = |kind| line("b", Outcome::Failed, Some((kind, "x")));
        for (lines, want) in [
            (vec![], 0),
            (vec![ok(), line("s", Outcome::Skipped, None), line("v", Outcome::Validated, None)], 0),
            (vec![ok(), failed(Unreachable)], 5),
            (vec![failed(Unreachable), failed(Rejected)], 3),
            (vec![failed(Rejected), failed(Usage), failed(Unreachable)], 2),
            (vec![failed(Usage), failed(Unexpected)], 1),
            (vec![failed(NeedsPerson), failed(Unreachable)], 6),
        ] {
            assert_eq!(exit_status(&lines).code(), want, "{lines:?}");
        }
    }

    #[test]
    fn json_report_has_each_outcome_code_and_timing() {
        let lines = vec![
            line("a", Outcome::Connected, None),
            line("b", Outcome::Skipped, None),
            line("c", Outcome::Failed, Some((Kind::Rejected, "zelty_key_rejected"))),
        ];
        let v = to_json(&lines, 1.23456, false);
        assert_eq!(v["summary"], json!({"connected": 1, "skipped": 1, "failed": 1, "seconds": 1.235}));
        assert_eq!(v["exit_code"], 3);
        let r = &v["restaurants"];
        assert_eq!((r[0]["outcome"].as_str(), r[0]["code"].is_null()), (Some("connected"), true));
        assert_eq!(r[1]["code"], "up_to_date");
        assert_eq!((r[2]["outcome"].as_str(), r[2]["code"].as_str()), (Some("failed"), Some("zelty_key_rejected")));
        assert_eq!(r[2]["seconds"], 0.123);
        assert_eq!((r[2]["restaurant_id"].as_i64(), r[2]["location_id"].as_str()), (Some(12), Some("3r4s3-0")));
        assert!(to_json(&lines, 1.0, true)["summary"]["validated"].is_number());
    }

    #[test]
    fn table_aligns_columns_in_the_users_language() {
        let lines = vec![
            line("paris-11", Outcome::Connected, None),
            line("b", Outcome::Failed, Some((Kind::Usage, "missing_variable"))),
        ];
        let fr = table(&lines, 2.0, false, Lang::Fr);
        let rows: Vec<&str> = fr.lines().collect();
        assert!(rows[0].starts_with("Profil"), "{fr}");
        let column = |row: &str, word: &str| row[..row.find(word).unwrap()].chars().count();
        assert_eq!(column(rows[0], "Résultat"), column(rows[1], "connecté"));
        assert!(rows[2].contains("missing_variable: missing_variable happened — do this"), "{fr}");
        assert!(fr.contains("1 connecté"), "{fr}");
        assert!(fr.contains("0,1 s") && fr.contains("2,0 s") && !fr.contains("0.1 s"), "French decimals: {fr}");
        assert!(table(&lines, 2.0, false, Lang::En).contains("1 connected, 0 skipped, 1 failed"));
    }

    #[test]
    fn progress_lines_say_what_happened() {
        let l = line("paris-11", Outcome::Connected, None).progress(Lang::En);
        assert_eq!(l, "✓ paris-11 — connected — Bella (12) ↔ 3r4s3-0 (0.1 s)");
        let f = line("b", Outcome::Failed, Some((Kind::Usage, "missing_variable"))).progress(Lang::En);
        assert!(f.starts_with("✗ b — failed — missing_variable: "), "{f}");
    }
}
