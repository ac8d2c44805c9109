//! `zelty-bridge` as a library: the whole tool, so that `main.rs` stays a shim and the
//! test-only controls of the embedded sandbox can be switched on by a cargo feature
//! (`sandbox-controls`) that the tests enable through a dev-dependency on this package.

mod browser;
mod cli;
mod clock;
mod commands;
mod context;
mod ctx;

mod env;
mod errlog;
mod error;
mod fsutil;
mod http;
mod hubrise;
mod i18n;
mod interrupt;
mod layout;
mod lines;
mod localtime;
mod ops;
mod printer;
mod profile;
mod prompt;
#[cfg(test)]
mod proptests;
mod qr;
pub mod run;
mod secret;
mod server_text;
mod settings;
mod stores;
mod undo;
mod zelty;
