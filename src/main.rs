//! `zelty-bridge`: parse, run, exit with the code of the outcome.

mod app;
mod browser;
mod cli;
mod clock;
mod commands;
mod connection;
mod context;
mod env;
mod error;
mod fsutil;
mod html;
mod http;
mod hubrise;
mod i18n;
mod interrupt;
mod lines;
mod printer;
mod profile;
mod prompt;
#[cfg(test)]
mod proptests;
mod run;
mod sandbox;
mod secret;
mod secrets;
mod settings;
mod zelty;

fn main() -> std::process::ExitCode {
    run::main()
}
