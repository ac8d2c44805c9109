//! What a sandbox remembers between processes when it is given a file
//! (`SandboxConfig::memory`): Zelty Bridge on each location (its key, configuration,
//! connection state and when it worked), where the orders' timeline starts, and the state
//! of the CLI's connections that are not active, so that a
//! `--sandbox connect` is still seen by the next `--sandbox status`. Keys and tokens are
//! kept only as digests: the file holds nothing that works as a credential.

use super::data::World;
use super::ids;
use super::orders::{self, Stretch};
use super::state::{Client, ConnState, Install, Shared, Target};
use serde::{Deserialize, Serialize};
use std::path::Path;

const SEED_MEMORY: u64 = 0x3c6e_f372_fe94_f82b;

/// A digest of a key or token, to recognise it without keeping it.
pub fn digest(secret: &str) -> String {
    format!("{:016x}", ids::fnv(SEED_MEMORY, &[secret.as_bytes()]))
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
struct Memory {
    bridge: Vec<BridgeMemory>,
    /// Token digest → state, for the CLI's connections that are not active.
    cli: Vec<(String, ConnState)>,
    /// The first process's start: the orders of other apps arrive on its timeline.
    origin: Option<u64>,
}

#[derive(Debug, Serialize, Deserialize)]
struct BridgeMemory {
    location_id: String,
    key_digest: Option<String>,
    saved_at: Option<u64>,
    pull_orders: bool,
    state: ConnState,
    /// When it worked (absent from files written before it was kept).
    #[serde(default)]
    stretches: Vec<Stretch>,
}

/// Loads what an earlier process remembered; a missing or unreadable file is a fresh start.
pub fn load(s: &Shared, path: &Path) {
    let Some(memory) = std::fs::read(path).ok().and_then(|b| serde_json::from_slice::<Memory>(&b).ok()) else {
        return;
    };
    let now = s.now().as_secs();
    if let Some(origin) = memory.origin {
        s.lock().origin = origin;
    }
    for b in memory.bridge {
        let Some(n) = s.world.location_index(&b.location_id) else { continue };
        let token = s.issue_token(Client::Bridge, &Target::Location(n), None);
        let key = b.key_digest.as_deref().and_then(|d| key_of(&s.world, d));
        let mut inner = s.lock();
        if let Some(c) = inner.connections.get_mut(&token) {
            c.state = b.state;
        }
        let saved_at = b.saved_at.filter(|_| key.is_some());
        let mut stretches = b.stretches;
        if let (Some(from), true, ConnState::Active) = (saved_at, stretches.is_empty(), b.state) {
            // A file from before stretches were kept: at work since it was saved.
            stretches.push(Stretch { from, until: None, pull_orders: b.pull_orders, takes_pending: true });
        }
        inner.installs.insert(
            n,
            Install {
                instance: ids::random_hex(8),
                location: n,
                token,
                key,
                saved_at,
                pull_orders: b.pull_orders,
                stretches,
            },
        );
    }
    let mut inner = s.lock();
    inner.remembered = memory.cli.into_iter().collect();
    // What no longer holds (a key this world does not have) ends its stretch now.
    orders::record(&mut inner, now, None);
}

fn key_of(world: &World, key_digest: &str) -> Option<String> {
    world.keys.iter().find(|k| digest(&k.key) == key_digest).map(|k| k.key.clone())
}

/// Writes the memory file, if there is one (atomically: a temporary file, then a rename).
/// Failing to write only loses the memory, never the request.
pub fn save(s: &Shared) {
    let Some(path) = &s.memory else { return };
    let memory = {
        let inner = s.lock();
        let mut bridge: Vec<BridgeMemory> = inner
            .installs
            .values()
            .map(|i| BridgeMemory {
                location_id: s.world.locations[i.location].id.clone(),
                key_digest: i.key.as_deref().map(digest),
                saved_at: i.saved_at,
                pull_orders: i.pull_orders,
                state: inner.connections.get(&i.token).map_or(ConnState::Active, |c| c.state),
                stretches: i.stretches.clone(),
            })
            .collect();
        bridge.sort_by(|a, b| a.location_id.cmp(&b.location_id));
        let mut cli: Vec<(String, ConnState)> = inner
            .connections
            .iter()
            .filter(|(_, c)| c.client == Client::Cli && c.state != ConnState::Active)
            .map(|(token, c)| (digest(token), c.state))
            .chain(inner.remembered.iter().map(|(d, st)| (d.clone(), *st)))
            .collect();
        cli.sort_by(|a, b| a.0.cmp(&b.0));
        cli.dedup_by(|a, b| a.0 == b.0);
        Memory { bridge, cli, origin: Some(inner.origin) }
    };
    let Ok(text) = serde_json::to_vec_pretty(&memory) else { return };
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    if std::fs::write(&tmp, text).is_ok() && std::fs::rename(&tmp, path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}
