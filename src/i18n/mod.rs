//! Every sentence a person reads, in French and English, in tables by subject; the
//! machinery (`Lang`, `catalog!`, `Text`) is the `zelty-bridge-i18n` crate's, shared with
//! the sandbox. The tests below prove that both languages of every message are complete.

mod bridge;
mod callback_page;
mod cli;
mod first_hour;
mod fleet;
mod harden;
mod help;
mod report;

pub use bridge::Bridge;
pub use callback_page::CallbackPage;
pub use cli::Msg;
pub use first_hour::{FirstHour, VALUE_NAMES};
pub use fleet::Fleet;
pub use harden::Harden;
pub use help::{Help, Ux};
pub use report::ReportText;

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
    fn every_fleet_message_is_in_both_languages() {
        assert_eq!(problems::<Fleet>(), Vec::<String>::new());
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
