//! The last failures the tool met, kept on this machine for `report`: one JSON line per
//! failed run (time, command, profile, error code and message as the person saw it), in
//! `<config>/log/errors.jsonl`, private, capped in lines and bytes (the oldest go first).
//! Nothing else is written there: no cause chain, no server words, no secret.

use crate::env::Env;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// At most this many failures are kept…
const MAX_LINES: usize = 200;
/// …and at most this many bytes.
const MAX_BYTES: usize = 64 * 1024;
/// A message longer than this is cut (a foreign error can be long).
const MAX_MESSAGE: usize = 500;

/// One failed run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// RFC 3339, UTC.
    pub time: String,
    pub version: String,
    pub command: String,
    pub profile: String,
    pub sandbox: bool,
    /// The stable error code (`zelty_key_rejected`…) and the exit code.
    pub code: String,
    pub exit: u8,
    pub message: String,
}

/// The log of the config dir a run with these settings uses (the sandbox keeps its own).
pub fn path_for(env: &Env, sandbox: bool) -> Option<PathBuf> {
    let base = crate::settings::config_dir(env, std::env::consts::OS).filter(|d| d.is_absolute())?;
    let dir = if sandbox { base.join("sandbox") } else { base };
    Some(log_path(&dir))
}

/// The log under config dir `dir`.
pub fn log_path(dir: &Path) -> PathBuf {
    dir.join("log").join("errors.jsonl")
}

/// Adds `entry` to the log at `path`, dropping the oldest past the caps. Best effort: a
/// log that cannot be written must not hide the error the person is reading.
pub fn record(path: &Path, mut entry: Entry) {
    if entry.message.chars().count() > MAX_MESSAGE {
        entry.message = entry.message.chars().take(MAX_MESSAGE).chain(['…']).collect();
    }
    let Ok(line) = serde_json::to_string(&entry) else { return };
    let old = std::fs::read_to_string(path).unwrap_or_default();
    let mut lines: Vec<&str> = old.lines().filter(|l| !l.trim().is_empty()).collect();
    lines.push(&line);
    let mut start = lines.len().saturating_sub(MAX_LINES);
    while start + 1 < lines.len() && lines[start..].iter().map(|l| l.len() + 1).sum::<usize>() > MAX_BYTES {
        start += 1;
    }
    let text = lines[start..].iter().map(|l| format!("{l}\n")).collect::<String>();
    let _ = crate::fsutil::write_atomic(path, text.as_bytes(), 0o600);
}

/// The last `n` failures in the log at `path`, oldest first; lines that cannot be read
/// are skipped.
pub fn last(path: &Path, n: usize) -> Vec<Entry> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let entries: Vec<Entry> = text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    entries[entries.len().saturating_sub(n)..].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: usize) -> Entry {
        Entry {
            time: "2026-12-02T14:05:00Z".into(),
            version: "0.1.0".into(),
            command: "connect".into(),
            profile: "default".into(),
            sandbox: false,
            code: "zelty_key_rejected".into(),
            exit: 3,
            message: format!("failure {n}"),
        }
    }

    #[test]
    fn the_log_keeps_the_last_failures_within_its_caps() {
        let dir = tempfile::tempdir().unwrap();
        let path = log_path(dir.path());
        assert_eq!(last(&path, 10), vec![]);
        for n in 0..MAX_LINES + 5 {
            record(&path, entry(n));
        }
        let kept = last(&path, usize::MAX);
        assert_eq!(kept.len(), MAX_LINES);
        assert_eq!(kept.last().unwrap().message, format!("failure {}", MAX_LINES + 4));
        assert_eq!(kept[0].message, "failure 5", "the oldest went first");
        assert_eq!(last(&path, 2).len(), 2);
        let mut long = entry(0);
        long.message = "x".repeat(10_000);
        for _ in 0..MAX_LINES {
            record(&path, long.clone());
        }
        assert!(std::fs::metadata(&path).unwrap().len() <= MAX_BYTES as u64);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }
}
