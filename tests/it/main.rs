//! Integration tests: the real binary against the sandbox over loopback HTTP, in one test
//! binary (each extra one costs a full link).

// The tests build the environment of the binary they run, from their own: the rule that
// the product reads it only through `env::Env` (clippy.toml) does not apply here.
#![allow(clippy::disallowed_methods)]

mod cli;
mod completions;
mod connect;
mod faults;
mod fleet;
mod hardening;
mod keyring;
mod layers;
mod layout;
mod leaks;
mod lifecycle;
mod network;
mod noninteractive;
mod provision;
mod pty;
mod report;
mod sandbox;
mod support;
