//! The files in `completions/` are what `zelty-bridge completions SHELL` prints today.
//! Regenerate them with `ZELTY_BRIDGE_BLESS=1 cargo test --test it completions`.

use crate::support::*;

const FILES: [(&str, &str); 5] = [
    ("bash", "zelty-bridge.bash"),
    ("zsh", "_zelty-bridge"),
    ("fish", "zelty-bridge.fish"),
    ("powershell", "_zelty-bridge.ps1"),
    ("elvish", "zelty-bridge.elv"),
];

#[test]
fn completion_files_are_current() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let bless = std::env::var_os("ZELTY_BRIDGE_BLESS").is_some();
    let home = Home::new();
    for (shell, file) in FILES {
        let mut cmd = home.bare_cmd();
        cmd.args(["completions", shell]);
        let out = run(cmd);
        out.expect(0);
        assert!(out.stdout.contains("zelty-bridge") && out.stdout.contains("grant-support"), "{shell}");
        // The hidden `sandbox click` (the tests' browser) is offered to nobody.
        assert!(!out.stdout.contains("click") && !out.stdout.contains("zelty-key-file"), "{shell}");
        let path = dir.join(file);
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &out.stdout).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == out.stdout,
            "{} is stale: run `ZELTY_BRIDGE_BLESS=1 cargo test --test it completions`",
            path.display()
        );
    }
}
