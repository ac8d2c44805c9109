//! A restaurant's connection and its three parts — the Zelty key, the Zelty Bridge app on
//! the HubRise location, and the watch (our own read-only HubRise connection) — checked,
//! saved, proven and reported. The commands share this layer instead of importing each
//! other.

pub mod bridge;
pub mod check;
pub mod evidence;
pub mod fleet;
pub mod orphans;
pub mod report;
pub mod restaurants;
pub mod state;
pub mod store;
pub mod watch;
