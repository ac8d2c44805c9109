//! Integration tests: the real binary against the sandbox over loopback HTTP, in one test
//! binary (each extra one costs a full link).

mod cli;
mod completions;
mod connect;
mod faults;
mod fleet;
mod hardening;
mod keyring;
mod leaks;
mod lifecycle;
mod network;
mod noninteractive;
mod provision;
mod pty;
mod sandbox;
mod support;
