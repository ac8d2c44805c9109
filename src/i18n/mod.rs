//! Every sentence a person reads, in French and English, in tables by subject; the
//! machinery (`Lang`, `catalog!`, `Text`) is the `zelty-bridge-i18n` crate's, shared with
//! the sandbox. The tests below prove that both languages of every message are complete.

mod bridge;
mod callback_page;
mod cli;
mod config;
mod consent;
mod fleet_table;
mod flow;
mod help;
mod interrupted;
mod io;
mod network;
mod ownership;
mod placeholder;
mod provision;
mod report;
mod secrets;

pub use bridge::Bridge;
pub use callback_page::CallbackPage;
pub use cli::Msg;
pub use config::Config;
pub use consent::Consent;
pub use fleet_table::FleetTable;
pub use flow::Flow;
pub use help::{Help, Ux};
pub use interrupted::Interrupted;
pub use io::Io;
pub use network::Network;
pub use ownership::Ownership;
#[cfg(test)]
pub use placeholder::Placeholder;
pub use placeholder::VALUE_NAMES;
pub use provision::Provision;
pub use report::ReportText;
pub use secrets::Secrets;

pub use zelty_bridge_i18n::{Lang, Text, catalog};

/// Calls a generic function once per catalogue and concatenates what it returns: the one
/// list of catalogues, so the completeness test here and the printer's hint test cannot
/// forget one (a test below compares this list with the `catalog!` tables in this folder).
#[cfg(test)]
macro_rules! for_every_catalogue {
    ($f:ident) => {{
        use $crate::i18n::*;
        [
            $f::<Bridge>(),
            $f::<CallbackPage>(),
            $f::<Config>(),
            $f::<Consent>(),
            $f::<FleetTable>(),
            $f::<Flow>(),
            $f::<Help>(),
            $f::<Interrupted>(),
            $f::<Io>(),
            $f::<Msg>(),
            $f::<Network>(),
            $f::<Ownership>(),
            $f::<Placeholder>(),
            $f::<Provision>(),
            $f::<ReportText>(),
            $f::<Secrets>(),
            $f::<Ux>(),
        ]
        .concat()
    }};
}
#[cfg(test)]
pub(crate) use for_every_catalogue;

#[cfg(test)]
mod tests {
    use zelty_bridge_i18n::{Catalog, problems};

    #[test]
    fn every_message_of_every_catalogue_is_in_both_languages() {
        assert_eq!(for_every_catalogue!(problems), Vec::<String>::new());
    }

    fn name<C: Catalog>() -> Vec<String> {
        let full = std::any::type_name::<C>();
        vec![full.rsplit("::").next().unwrap_or(full).to_string()]
    }

    /// Every `catalog!` table written in this folder is in `for_every_catalogue!`.
    #[test]
    fn the_list_of_catalogues_is_whole() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n");
        let mut written = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            // A table: `catalog! {` at the start of a line, then its name after any comment.
            for (at, _) in text.match_indices("\ncatalog! {\n") {
                let table = text[at..].lines().skip(2).map(str::trim).find(|l| !l.starts_with("//")).unwrap();
                written.push(table.trim_end_matches(" {").to_string());
            }
        }
        written.sort();
        let mut listed = for_every_catalogue!(name);
        listed.sort();
        assert!(written.len() >= 17, "{written:?}");
        assert_eq!(written, listed);
    }
}
