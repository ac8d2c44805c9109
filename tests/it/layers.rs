//! The house's rules, read from the `use crate::…` paths of the product's sources (test
//! modules left out): every arrow between top-level modules points one way but `cli` ⇄
//! `commands` (clap's `Args` live with their commands); the operations (`ops`) never reach
//! terminal code; and only the browser seam and the `sandbox` command link the sandbox.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Each product file (relative to `src`) with its code, unit tests cut off (a module of
/// its own, `…tests.rs`, or the `mod tests` at a file's end).
fn product() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .filter(|path| !path.file_name().is_some_and(|n| n.to_string_lossy().ends_with("tests.rs")))
        .map(|path| {
            let code = std::fs::read_to_string(&path).unwrap();
            let code = match code.find("#[cfg(test)]\nmod tests") {
                Some(at) => code[..at].to_string(),
                None => code,
            };
            let rel = path.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
            (rel, code)
        })
        .collect()
}

/// The top-level module a file belongs to: `ops/check.rs` → `ops`, `run.rs` → `run`.
fn module_of(rel: &str) -> String {
    rel.split('/').next().unwrap().trim_end_matches(".rs").to_string()
}

/// The top-level modules `code` names through `crate::…`.
fn imports(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let name: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
        if !name.is_empty() {
            found.insert(name);
        }
    }
    found
}

fn graph(files: &[(String, String)]) -> BTreeMap<String, BTreeSet<String>> {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (rel, code) in files {
        let from = module_of(rel);
        let to: Vec<String> = imports(code).into_iter().filter(|m| *m != from).collect();
        edges.entry(from).or_default().extend(to);
    }
    edges
}

/// Pairs of modules that reach each other, other than the allowed one.
fn loops(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<(String, String)> {
    let reaches = |from: &str, to: &str| {
        let (mut seen, mut todo) = (BTreeSet::new(), vec![from.to_string()]);
        while let Some(m) = todo.pop() {
            for next in edges.get(&m).into_iter().flatten() {
                if next == to {
                    return true;
                }
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        false
    };
    let mut found = Vec::new();
    for a in edges.keys() {
        for b in edges.keys() {
            let allowed = (a == "cli" && b == "commands") || (a == "commands" && b == "cli");
            if a < b && !allowed && reaches(a, b) && reaches(b, a) {
                found.push((a.clone(), b.clone()));
            }
        }
    }
    found
}

/// What the operations layer may not touch: the terminal, the browser, the commands.
const TERMINAL: &[&str] = &["prompt", "lines", "qr", "browser", "commands", "cli", "run"];
/// Printing calls; an operation may only log at `-v` (`printer.debug`).
const PRINTING: &[&str] = &[".spinner(", ".success(", ".info(", ".warn(", ".result(", ".json(", ".error(", ".url("];

fn ops_violations(files: &[(String, String)]) -> Vec<String> {
    let mut found = Vec::new();
    for (rel, code) in files.iter().filter(|(rel, _)| rel.starts_with("ops/")) {
        for m in imports(code) {
            if TERMINAL.contains(&m.as_str()) {
                found.push(format!("{rel} imports crate::{m}"));
            }
        }
        for call in PRINTING {
            if code.contains(&format!("printer{call}")) {
                found.push(format!("{rel} prints (printer{call}…)"));
            }
        }
    }
    found
}

fn sandbox_links(files: &[(String, String)]) -> Vec<String> {
    let seams = ["browser/demo.rs", "commands/sandbox.rs"];
    files
        .iter()
        .filter(|(rel, code)| code.contains("zelty_bridge_sandbox") && !seams.contains(&rel.as_str()))
        .map(|(rel, _)| rel.clone())
        .collect()
}

#[test]
fn arrows_point_one_way_but_cli_and_commands() {
    assert_eq!(loops(&graph(&product())), Vec::<(String, String)>::new());
}

#[test]
fn operations_have_no_terminal_code() {
    assert_eq!(ops_violations(&product()), Vec::<String>::new());
}

#[test]
fn only_the_seam_and_its_command_link_the_sandbox() {
    assert_eq!(sandbox_links(&product()), Vec::<String>::new());
}

/// The rules themselves catch what they are for, on made-up files.
#[test]
fn the_rules_catch_an_upward_import_a_loop_and_a_stray_link() {
    let file = |rel: &str, code: &str| (rel.to_string(), code.to_string());
    let upward = [file("ops/check.rs", "use crate::prompt;\nfn f(app: &Ctx) { app.printer.info(x); }")];
    assert_eq!(ops_violations(&upward).len(), 2);
    let looped = [file("http.rs", "use crate::zelty::pace;"), file("zelty/pace.rs", "use crate::http::Pace;")];
    assert_eq!(loops(&graph(&looped)), vec![("http".to_string(), "zelty".to_string())]);
    let allowed = [file("cli.rs", "use crate::commands;"), file("commands/mod.rs", "use crate::cli::Cli;")];
    assert!(loops(&graph(&allowed)).is_empty());
    let stray = [file("ops/check.rs", "use zelty_bridge_sandbox::Sandbox;")];
    assert_eq!(sandbox_links(&stray), vec!["ops/check.rs".to_string()]);
}
