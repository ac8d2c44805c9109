//! The operations on a restaurant's connection and its three parts (the Zelty key, the
//! Zelty Bridge app on the HubRise location, and the watch, our own read-only HubRise
//! connection): checked, saved, proven and reported, without a terminal. Nothing here
//! prompts or prints; the commands (and their shared steps) do, with what this returns.

pub mod bridge;
pub mod check;
pub mod evidence;
pub mod fleet;
pub mod pending;
pub mod report;
pub mod restaurants;
pub mod sharing;
pub mod state;
pub mod store;
pub mod watch;
