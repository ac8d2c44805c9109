//! The interactive steps that several commands share: the Zelty Bridge walk, choosing the
//! secret store, and cleaning up orphaned secrets. They prompt and print; the operations
//! they call (`crate::ops`) do neither.

pub mod bridge_walk;
pub mod orphans;
pub mod store;
