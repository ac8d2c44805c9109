//! Picking the Zelty restaurant of a connection among those a key sees, the same way for a
//! person (`connect`) and a manifest (`provision`).

use crate::error::{Failure, Kind};
use crate::i18n::{Msg, Text};
use crate::zelty::Restaurant;

/// The restaurant `id` designates, or the only one the key sees; `None` when it sees
/// several and no id says which. `hint` says where to give the id.
pub fn designated(restaurants: &[Restaurant], id: Option<i64>, hint: Text) -> anyhow::Result<Option<usize>> {
    match id {
        Some(id) => restaurants.iter().position(|r| r.id == id).map(Some).ok_or_else(|| {
            let seen = listing(restaurants).join(", ");
            Failure::new(Kind::Usage, "unknown_restaurant", Msg::UnknownRestaurant.with("id", id).with("list", seen))
                .hint(hint)
                .into()
        }),
        None if restaurants.len() == 1 => Ok(Some(0)),
        None => Ok(None),
    }
}

/// `name (id 123)` for each restaurant, for a prompt or a message.
pub fn listing(restaurants: &[Restaurant]) -> Vec<String> {
    restaurants.iter().map(|r| format!("{} (id {})", r.name, r.id)).collect()
}

/// Whether a Zelty restaurant and a HubRise location share no meaningful word (« Bella
/// Pizza Marseille » against « Paris » of « Burger Co »): probably not the same place. Names
/// are free text, so this only warns.
pub fn names_look_unrelated(restaurant: &str, location: &str, account: &str) -> bool {
    let words = |text: &str| -> Vec<String> {
        text.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3 && !COMMON.contains(w))
            .map(str::to_string)
            .collect()
    };
    let ours = words(restaurant);
    let theirs: Vec<String> = [words(location), words(account)].concat();
    !ours.is_empty() && !theirs.is_empty() && !ours.iter().any(|w| theirs.contains(w))
}

/// Words that say nothing about which place it is.
const COMMON: &[&str] = &["the", "and", "les", "des", "aux", "restaurant", "resto", "cafe", "café", "bar"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unrelated_names_table() {
        for (restaurant, location, account, want) in [
            ("Bella Pizza Paris", "Paris", "Bella Pizza", false),
            ("Bella Pizza Marseille", "Paris", "Bella Pizza", false),
            ("Bella Pizza Marseille", "Paris", "Burger Co", true),
            ("Le Restaurant", "Paris", "Burger Co", false),
            ("SUSHI-BAR Lyon", "lyon 2e", "Sushi Group", false),
            ("", "Paris", "Burger Co", false),
        ] {
            assert_eq!(
                names_look_unrelated(restaurant, location, account),
                want,
                "{restaurant} / {location} / {account}"
            );
        }
    }
}
