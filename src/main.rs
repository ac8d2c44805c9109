//! `zelty-bridge`: parse, run, exit with the code of the outcome.

fn main() -> std::process::ExitCode {
    zelty_bridge::run::main()
}
