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
            Failure::new(Kind::Usage, "unknown_restaurant", Msg::UnknownRestaurant.with("id", id)).hint(hint).into()
        }),
        None if restaurants.len() == 1 => Ok(Some(0)),
        None => Ok(None),
    }
}

/// `name (id 123)` for each restaurant, for a prompt or a message.
pub fn listing(restaurants: &[Restaurant]) -> Vec<String> {
    restaurants.iter().map(|r| format!("{} (id {})", r.name, r.id)).collect()
}
