//! Every sentence a person reads, in French and English, in tables by subject; the
//! machinery (`Lang`, `catalog!`, `Text`) is the `zelty-bridge-i18n` crate's, shared with
//! the sandbox. The tests below prove that both languages of every message are complete.

mod bridge;
mod callback_page;
mod cli;
mod edges;
mod first_hour;
mod fleet;
mod flow;
mod harden;
mod help;
mod ownership;
mod report;
mod secrets;

pub use bridge::Bridge;
pub use callback_page::CallbackPage;
pub use cli::Msg;
pub use edges::Edges;
pub use first_hour::{FirstHour, VALUE_NAMES};
pub use fleet::Fleet;
pub use flow::Flow;
pub use harden::Harden;
pub use help::{Help, Ux};
pub use ownership::Ownership;
pub use report::ReportText;
pub use secrets::Secrets;

pub use zelty_bridge_i18n::{Lang, Text, catalog};

#[cfg(test)]
mod tests {
    use super::*;
    use zelty_bridge_i18n::problems;

    #[test]
    fn every_cli_message_is_in_both_languages() {
        assert_eq!(problems::<Msg>(), Vec::<String>::new());
    }

    #[test]
    fn every_bridge_app_message_is_in_both_languages() {
        assert_eq!(problems::<Bridge>(), Vec::<String>::new());
    }

    #[test]
    fn every_harden_message_is_in_both_languages() {
        assert_eq!(problems::<Harden>(), Vec::<String>::new());
    }

    #[test]
    fn every_help_and_terminal_word_is_in_both_languages() {
        assert_eq!([problems::<Help>(), problems::<Ux>()].concat(), Vec::<String>::new());
    }

    #[test]
    fn every_ownership_message_is_in_both_languages() {
        assert_eq!(problems::<Ownership>(), Vec::<String>::new());
    }

    #[test]
    fn every_flow_message_is_in_both_languages() {
        assert_eq!(problems::<Flow>(), Vec::<String>::new());
    }

    #[test]
    fn every_edges_message_is_in_both_languages() {
        assert_eq!(problems::<Edges>(), Vec::<String>::new());
    }

    #[test]
    fn every_fleet_message_is_in_both_languages() {
        assert_eq!(problems::<Fleet>(), Vec::<String>::new());
    }

    #[test]
    fn every_secrets_message_is_in_both_languages() {
        assert_eq!(problems::<Secrets>(), Vec::<String>::new());
    }

    #[test]
    fn every_first_hour_text_is_in_both_languages() {
        assert_eq!(problems::<FirstHour>(), Vec::<String>::new());
    }

    #[test]
    fn every_report_text_is_in_both_languages() {
        assert_eq!(problems::<ReportText>(), Vec::<String>::new());
    }

    #[test]
    fn every_web_page_text_is_in_both_languages() {
        assert_eq!(problems::<CallbackPage>(), Vec::<String>::new());
    }
}
