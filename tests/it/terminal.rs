//! A person's terminal for the tests: the environment of one (no CI variable, a locale,
//! `TERM`, a home of its own), a pseudo-terminal to run the CLI in, a shell around it that
//! reports what the run left behind (its exit code and the terminal's settings), and the
//! signals a person's system sends.

use crate::support::*;
use rexpect::reader::Options;
use rexpect::session::{PtySession, spawn_with_options};
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// `program` as a person runs it: nothing inherited but `PATH`, the locale `lang`,
/// `TERM=xterm`, `home` and its config dir, secrets in the private file (the tests of the
/// real keyring set theirs).
pub fn terminal_cmd(program: impl AsRef<std::ffi::OsStr>, home: &Home, lang: &str) -> Command {
    let mut cmd = Command::new(program);
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("LANG", lang)
        .env("TERM", "xterm")
        .env("ZELTY_BRIDGE_CONFIG_DIR", home.config_dir())
        .env("ZELTY_BRIDGE_SECRET_STORE", "file");
    cmd
}

/// `cmd` in a pseudo-terminal, its colours stripped; any wait longer than a minute fails.
pub fn spawn_pty(cmd: Command) -> PtySession {
    spawn_with_options(cmd, Options::new().timeout_ms(Some(60_000)).strip_ansi_escape_codes(true))
        .expect("spawn in a pty")
}

/// `zelty-bridge <args>` run by `sh` in a pseudo-terminal (the environment of `shell`, a
/// `terminal_cmd("sh", …)`): the shell turns echo on first (rexpect starts the pty without
/// it), says its pid, and after the run prints `EXIT=<code>` and `stty -a`, the settings the
/// run left behind. Returns the session and the shell's pid.
pub fn in_shell(mut shell: Command, args: &str) -> (PtySession, String) {
    shell
        .env("ZB", bin())
        .args(["-c", &format!("stty echo; echo \"SHELL=$$.\"; \"$ZB\" {args}; echo \"EXIT=$?\"; stty -a")]);
    let mut s = spawn_pty(shell);
    let (_, pid) = s.exp_regex("SHELL=[0-9]+\\.").expect("the shell says its pid");
    (s, pid.trim_start_matches("SHELL=").trim_end_matches('.').to_string())
}

/// The CLI run by the shell `shell` (its only child).
pub fn cli_in(shell: &str) -> u32 {
    let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap();
    children.split_whitespace().next().expect("the CLI runs").parse().unwrap()
}

/// What `stty -a` printed at the end of an `in_shell` run: echo and canonical mode must be
/// back on, whatever stopped the run.
pub fn assert_terminal_sane(stty: &str, what: &str) {
    let words: Vec<&str> = stty.split_whitespace().collect();
    assert!(words.contains(&"echo") && !words.contains(&"-echo"), "{what}: echo must be back on:\n{stty}");
    assert!(words.contains(&"icanon"), "{what}: canonical mode must be back on:\n{stty}");
}

/// Sends `signal` (a name `kill` takes: `TERM`, `QUIT`…) to `pid`.
pub fn kill(signal: &str, pid: u32) {
    let status = Command::new("kill").arg(format!("-{signal}")).arg(pid.to_string()).status().expect("kill");
    assert!(status.success());
}

/// The number of a signal `kill` names.
pub fn signal_number(signal: &str) -> u32 {
    match signal {
        "HUP" => 1,
        "INT" => 2,
        "QUIT" => 3,
        "USR1" => 10,
        "USR2" => 12,
        "ALRM" => 14,
        "TERM" => 15,
        other => panic!("no number for SIG{other}"),
    }
}

/// Sends `signal` to `pid` and waits until the kernel delivered it, so that the run is let
/// go only after.
pub fn deliver(signal: &str, pid: u32) {
    kill(signal, pid);
    wait_delivered(pid, signal_number(signal));
}

/// Lets `child`, run with `ZELTY_BRIDGE_TEST_STORE_PAUSE=pause`, through each atomic write
/// (it waits at `pause/step-<n>` until the file is removed), up to step `last` or until it
/// ends, sending `signal` at step `at` and letting it land while the write is paused.
/// Returns whether step `at` was reached.
pub fn signal_at_store_step(child: &mut Child, pause: &Path, last: usize, at: usize, signal: &str) -> bool {
    let start = Instant::now();
    let (mut next, mut sent) = (1, false);
    while start.elapsed() < HANG_GUARD && next <= last && child.try_wait().unwrap().is_none() {
        let marker = pause.join(format!("step-{next}"));
        if marker.exists() {
            if next == at {
                deliver(signal, child.id());
                sent = true;
            }
            std::fs::remove_file(&marker).unwrap();
            next += 1;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    sent
}

/// The exit code of the process in `session`.
pub fn exit_code(session: &PtySession) -> i32 {
    match session.process().wait().expect("wait") {
        rexpect::process::WaitStatus::Exited(_, code) => code,
        other => panic!("{other:?}"),
    }
}
