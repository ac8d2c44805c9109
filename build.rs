//! Hands the target triple to the code, so that `--version` names the platform a binary was
//! built for: Cargo sets `TARGET` for build scripts only
//! (https://doc.rust-lang.org/cargo/reference/environment-variables.html#environment-variables-cargo-sets-for-build-scripts).

// A build script talks to Cargo on stdout and reads what Cargo gives it from the environment.
#![allow(clippy::print_stdout, clippy::disallowed_methods)]

fn main() {
    let target = std::env::var("TARGET").unwrap_or_else(|_| "unknown-target".into());
    println!("cargo::rustc-env=ZELTY_BRIDGE_TARGET={target}");
    println!("cargo::rerun-if-changed=build.rs");
}
