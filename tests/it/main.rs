//! Integration tests: the real binary against the sandbox over loopback HTTP, in one test
//! binary (each extra one costs a full link).

// The tests build the environment of the binary they run, from their own: the rule that
// the product reads it only through `env::Env` (clippy.toml) does not apply here.
#![allow(clippy::disallowed_methods)]

mod cli;
mod completions;
mod connect;
mod disconnect;
mod edges;
mod faults;
mod fleet;
mod green;
mod hardening;
mod hostile;
// The Secret Service over D-Bus, where the product uses it (Linux and the BSDs).
#[cfg(not(any(target_os = "macos", target_os = "windows")))]
mod keyring;
mod layers;
mod layout;
mod leaks;
mod lifecycle;
mod network;
mod noninteractive;
mod provision;
// rexpect drives the wizard through a Unix pseudo-terminal.
#[cfg(unix)]
mod pty;
mod report;
mod sandbox;
mod support;
// A person's terminal: the pty, the shell around the run, signals.
#[cfg(unix)]
mod terminal;
