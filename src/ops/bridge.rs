//! The Zelty Bridge app on the location, as data: where its walk starts, its steps in the
//! back office's own labels, and what the walk or the evidence established. No public API
//! connects or configures it (https://www.hubrise.com/fr/apps/zelty-bridge/connexion-hubrise):
//! the interactive walk is `commands/steps/bridge_walk.rs`.

use super::evidence::{Evidence, Watch};
use super::state::BridgeState;
use crate::i18n::{Bridge, Lang};
use crate::secret::Secret;
use crate::settings::Settings;

/// The connection the app is connected to.
pub struct Target<'a> {
    pub key: &'a Secret,
    /// The HubRise location, named in the steps (`None` without a watch).
    pub location: Option<(&'a str, &'a str)>,
    pub watch: Option<Watch<'a>>,
}

/// What the walk or the evidence established: the evidence, and whether a person said
/// the steps are done.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub evidence: Evidence,
    pub confirmed: bool,
}

impl Outcome {
    pub fn state(&self) -> BridgeState {
        self.evidence.state(self.confirmed)
    }

    /// Whether the profile records the app as done: a person said so, or the evidence shows
    /// it at work here (or holding the key, on a location without orders yet).
    pub fn done(&self) -> bool {
        self.confirmed || matches!(self.state(), BridgeState::Active | BridgeState::Linked)
    }
}

/// Where the walk starts: the App's Connect URL when configured, else CONNEXIONS.
pub fn start_url(settings: &Settings, lang: Lang) -> String {
    settings.bridge.connect_url.clone().unwrap_or_else(|| connections_url(settings, lang))
}

/// The back office's CONNEXIONS page, in the user's language (back-office links accept
/// `?locale=fr-FR`).
pub fn connections_url(settings: &Settings, lang: Lang) -> String {
    let locale = match lang {
        Lang::Fr => "?locale=fr-FR",
        Lang::En => "",
    };
    format!("{}/connections{locale}", settings.endpoints.hubrise_manager.trim_end_matches('/'))
}

/// The back office's orders page (« Commandes »), where an order is found by its id.
/// HubRise's user documentation (https://www.hubrise.com/docs) links the back office's
/// orders at `/orders`; no address of one order is documented.
pub fn orders_url(settings: &Settings, lang: Lang) -> String {
    connections_url(settings, lang).replacen("/connections", "/orders", 1)
}

/// The steps, in the back office's own labels, naming the location, in `lang`.
pub fn steps(location: Option<(&str, &str)>, lang: Lang) -> Vec<String> {
    let on = match location {
        Some((name, id)) => Bridge::StepLocationNamed.with("name", name).with("id", id),
        None => Bridge::StepLocationYours.text(),
    };
    [Bridge::Step1.text(), Bridge::Step2.with("location", on.render(lang)), Bridge::Step3.text(), Bridge::Step4.text()]
        .iter()
        .map(|t| t.render(lang))
        .collect()
}
