//! `cargo bench --bench provision`: the figures of issues #4 and #12, measured in one run
//! against the release binary and a sandbox serving 500 restaurants and 500 locations with
//! 50 ms added to every answer and the services' rate limits enforced.
//!
//! 1. A fleet (issue #12): `provision` of 20, 200 and 500 restaurants with their own
//!    tokens, then `status --all-profiles` of them, with the file store and with the real
//!    keyring (gnome-keyring, unlocked, in a private D-Bus session, as tests/it/keyring.rs
//!    starts it); then a chain of 20 restaurants on one Zelty group key and one HubRise
//!    account token, provisioned and checked with both stores.
//! 2. 500 restaurants, each with its own location token: default concurrency versus
//!    `--concurrency 1` (timed on a 50-restaurant subset, and in full when that predicts
//!    under two minutes), against the latency floor (rate limits do not bind here).
//! 3. 500 restaurants served by one account-level token: 1,500 HubRise requests on one
//!    connection, against the bound HubRise's 500-a-minute windows set.
//! 4. Start-up of `--help` and `status --offline` against `gh --help`, and binary sizes.
//!
//! Peak memory comes from `/usr/bin/time` (GNU, `%M`), else from `getrusage`. Nothing is
//! asserted: the figures are printed, as a Markdown block for tests/bench/RESULTS.md.

// A benchmark sets up the environment of the binary it runs, from its own (clippy.toml).
#![allow(clippy::disallowed_methods)]
#![allow(clippy::print_stdout, clippy::print_stderr)] // a benchmark reports on the terminal

#[path = "../it/support.rs"]
mod support;

// The real keyring's private session, as the keyring test starts it.
#[allow(dead_code)]
#[path = "../it/keyring.rs"]
mod keyring;

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use support::Sandbox;

const N: usize = 500;
const LATENCY: f64 = 0.050;
/// `provision`'s default `--concurrency`.
const CONCURRENCY: usize = 8;
/// HubRise requests per restaurant (job.rs): location, catalogs list, customer lists list;
/// the two lists go out together, so a restaurant is three round trips with Zelty's.
const HUBRISE_PER_RESTAURANT: usize = 3;
const ROUND_TRIPS: f64 = 3.0;
const HUBRISE_PER_MINUTE: usize = 500;

/// The fleet sizes of issue #12's table.
const SIZES: [usize; 3] = [20, 200, N];

/// The fleet sizes to run: issue #12's, or those of `ZELTY_BRIDGE_BENCH_SIZES` (`200`,
/// `20,200`; with `ZELTY_BRIDGE_BENCH_ONLY=fleet`) to time one comparison alone.
fn sizes() -> Vec<usize> {
    let chosen: Vec<usize> = std::env::var("ZELTY_BRIDGE_BENCH_SIZES")
        .unwrap_or_default()
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .filter(|n| (1..=N).contains(n))
        .collect();
    if chosen.is_empty() { SIZES.to_vec() } else { chosen }
}
/// The sandbox's chain: its group key sees this many restaurants, from this id.
const CHAIN: usize = 20;
const FIRST_EXTRA_RESTAURANT: i64 = 20001;
/// `status --all-profiles`: profiles checked at once, and round trips per profile
/// (src/connection/fleet.rs: the key's one Zelty call, the watch's location and its
/// orders, all at the same time).
const STATUS_CONCURRENCY: usize = 16;
const STATUS_ROUND_TRIPS: f64 = 1.0;

/// `provision` then `status --all-profiles` of `n` restaurants with one store.
struct FleetRow {
    store: &'static str,
    n: usize,
    provision: Run,
    provision_429: (usize, usize),
    /// CPU seconds gnome-keyring spent during `provision` (real keyring only).
    keyring_cpu: Option<f64>,
    status: Run,
    status_code: i32,
    status_429: (usize, usize),
}

impl FleetRow {
    /// Profiles whose Zelty and HubRise ends are both ok.
    fn status_ok(&self) -> usize {
        self.status.report["profiles"].as_array().map_or(0, |all| {
            all.iter().filter(|p| p["zelty"]["state"] == "ok" && p["hubrise"]["state"] == "ok").count()
        })
    }

    fn line(&self) -> String {
        format!(
            "{} store, {} restaurants: provision {:.2} s (peak {}, {}{}, 429s: Zelty {}, HubRise {}); status --all-profiles {:.2} s (peak {}, {} ok, exit {}, 429s: Zelty {}, HubRise {})",
            self.store,
            self.n,
            self.provision.wall,
            mib(self.provision.peak_kib),
            summary(&self.provision),
            self.keyring_cpu.map_or(String::new(), |c| format!(", gnome-keyring CPU {c:.1} s")),
            self.provision_429.0,
            self.provision_429.1,
            self.status.wall,
            mib(self.status.peak_kib),
            self.status_ok(),
            self.status_code,
            self.status_429.0,
            self.status_429.1
        )
    }
}

/// The chain with one store.
struct ChainRow {
    store: &'static str,
    provision: Run,
    provision_code: i32,
    provision_429: (usize, usize),
    right: usize,
    status: Run,
    status_code: i32,
    status_429: (usize, usize),
}

impl ChainRow {
    fn line(&self) -> String {
        format!(
            "chain of {CHAIN}, {} store: provision {:.2} s (peak {}, exit {}, {}/{CHAIN} on the right restaurant and location, 429s: Zelty {}, HubRise {}); status --all-profiles {:.2} s (peak {}, exit {}, 429s: Zelty {}, HubRise {})",
            self.store,
            self.provision.wall,
            mib(self.provision.peak_kib),
            self.provision_code,
            self.right,
            self.provision_429.0,
            self.provision_429.1,
            self.status.wall,
            mib(self.status.peak_kib),
            self.status_code,
            self.status_429.0,
            self.status_429.1
        )
    }
}

/// The previous run may have used the same Zelty keys this very second, and Zelty counts
/// requests per key and per second: a new process cannot know, so the benchmark leaves
/// that second to pass between runs, as a person typing the next command would.
fn fresh_second() {
    std::thread::sleep(Duration::from_millis(1100));
}

/// 429 answers since the `before`-th request: (Zelty, HubRise).
fn count_429(sb: &Sandbox, before: usize) -> (usize, usize) {
    let requests: Vec<Value> = sb.requests().into_iter().skip(before).collect();
    let count = |service: &str| requests.iter().filter(|r| r["service"] == service && r["status"] == 429).count();
    (count("zelty"), count("hubrise_api"))
}

/// Chain restaurants connected to their own restaurant id and location.
fn chain_is_right(report: &Value, locations: &[String]) -> usize {
    (0..CHAIN)
        .filter(|&i| {
            report["restaurants"].as_array().into_iter().flatten().any(|r| {
                r["profile"] == format!("shop-{i:02}")
                    && r["outcome"] == "connected"
                    && r["restaurant_id"] == FIRST_EXTRA_RESTAURANT + i as i64
                    && r["location_id"] == locations[i].as_str()
            })
        })
        .count()
}

/// The floor latency sets for `status --all-profiles` of `n` profiles.
fn status_floor(n: usize) -> f64 {
    n.div_ceil(STATUS_CONCURRENCY) as f64 * STATUS_ROUND_TRIPS * LATENCY
}

struct Run {
    wall: f64,
    peak_kib: Option<u64>,
    report: Value,
    /// Seconds since the Unix epoch at launch: where the run starts in HubRise's minute.
    started: f64,
}

/// Runs `program args` with exactly `env`, timing the whole process and, with `peak`,
/// reading its peak resident memory (through `/usr/bin/time`, whose own fork and exec then
/// count in the time: start-up times are taken without it).
fn measure(program: &Path, args: &[&str], env: &[(String, String)], peak: bool) -> (f64, Option<u64>, String, i32) {
    let gnu_time = peak && Path::new("/usr/bin/time").exists();
    let peak_file = tempfile::NamedTempFile::new().unwrap();
    let mut cmd = if gnu_time {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "%M", "-o"]).arg(peak_file.path()).arg(program);
        c
    } else {
        Command::new(program)
    };
    cmd.args(args).env_clear().envs(env.iter().map(|(k, v)| (k, v))).stdin(Stdio::null()).stderr(Stdio::null());
    let start = Instant::now();
    let out = cmd.output().expect("run");
    let wall = start.elapsed().as_secs_f64();
    // Without GNU time no peak is reported: `getrusage(RUSAGE_CHILDREN)` would need
    // `unsafe`, which the package forbids, and could not tell one child from another.
    let peak = if gnu_time {
        std::fs::read_to_string(peak_file.path()).ok().and_then(|s| s.lines().last()?.trim().parse().ok())
    } else {
        None
    };
    (wall, peak, String::from_utf8_lossy(&out.stdout).into_owned(), out.status.code().unwrap_or(-1))
}

fn epoch() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs_f64()
}

/// One restaurant of a manifest: its profile, its Zelty key, `Ok(location token)` or
/// `Err(location id)` for the account token, and the restaurant id when the key sees several.
struct Entry {
    profile: String,
    key: String,
    hubrise: Result<String, String>,
    restaurant_id: Option<i64>,
}

fn entry(profile: String, key: &str, hubrise: Result<String, String>) -> Entry {
    Entry { profile, key: key.to_string(), hubrise, restaurant_id: None }
}

/// A config dir, a manifest of entries and the environment that fills it, with the file
/// store or, given a keyring session, the real keyring.
struct Fleet {
    dir: tempfile::TempDir,
    env: Vec<(String, String)>,
    /// Kept alive for the fleet's runs.
    keyring: Option<keyring::KeyringSession>,
}

impl Fleet {
    fn new(sb: &Sandbox, entries: &[Entry], account_token: Option<&str>) -> Fleet {
        Fleet::with_store(sb, entries, account_token, None)
    }

    fn with_store(
        sb: &Sandbox,
        entries: &[Entry],
        account_token: Option<&str>,
        keyring: Option<keyring::KeyringSession>,
    ) -> Fleet {
        let dir = tempfile::tempdir().unwrap();
        let mut env: Vec<(String, String)> = sb.env();
        for (k, v) in [
            ("PATH", std::env::var("PATH").unwrap_or_default()),
            ("HOME", dir.path().display().to_string()),
            ("CI", "true".into()),
            ("LANG", "en_US.UTF-8".into()),
        ] {
            env.push((k.into(), v));
        }
        env.push(("ZELTY_BRIDGE_CONFIG_DIR".into(), dir.path().join("config").display().to_string()));
        match &keyring {
            None => env.push(("ZELTY_BRIDGE_SECRET_STORE".into(), "file".into())),
            Some(session) => {
                env.push(("DBUS_SESSION_BUS_ADDRESS".into(), session.bus.clone()));
                env.push(("XDG_RUNTIME_DIR".into(), session.home.path().join("run").display().to_string()));
            }
        }
        let mut text = String::new();
        if let Some(token) = account_token {
            text.push_str("hubrise_account_token_env = \"HUBRISE_ACCOUNT_TOKEN\"\n");
            env.push(("HUBRISE_ACCOUNT_TOKEN".into(), token.into()));
        }
        for (i, e) in entries.iter().enumerate() {
            text.push_str(&format!("[[restaurant]]\nprofile = \"{}\"\nzelty_api_key_env = \"K_{i}\"\n", e.profile));
            env.push((format!("K_{i}"), e.key.clone()));
            if let Some(id) = e.restaurant_id {
                text.push_str(&format!("restaurant_id = {id}\n"));
            }
            match &e.hubrise {
                Ok(token) => {
                    text.push_str(&format!("hubrise_access_token_env = \"T_{i}\"\n"));
                    env.push((format!("T_{i}"), token.clone()));
                }
                Err(location) => text.push_str(&format!("location_id = \"{location}\"\n")),
            }
        }
        std::fs::write(dir.path().join("manifest.toml"), text).unwrap();
        Fleet { dir, env, keyring }
    }

    /// CPU seconds gnome-keyring has spent so far in this fleet's session: found in
    /// `/proc` as the `gnome-keyring-daemon` whose environment names the session's bus.
    fn keyring_cpu(&self) -> Option<f64> {
        let bus = format!("DBUS_SESSION_BUS_ADDRESS={}", self.keyring.as_ref()?.bus);
        let tick = 100.0; // USER_HZ on Linux
        std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
            let dir = e.path();
            let comm = std::fs::read_to_string(dir.join("comm")).ok()?;
            let environ = std::fs::read(dir.join("environ")).ok()?;
            (comm.trim() == "gnome-keyring-d" && environ.split(|b| *b == 0).any(|v| v == bus.as_bytes()))
                .then_some(())?;
            let stat = std::fs::read_to_string(dir.join("stat")).ok()?;
            let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
            Some((fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?) / tick)
        })
    }

    fn manifest(&self) -> PathBuf {
        self.dir.path().join("manifest.toml")
    }

    fn run(&self, args: &[&str]) -> (Run, i32) {
        let started = epoch();
        let (wall, peak_kib, stdout, code) = measure(&support::bin(), args, &self.env, true);
        let report: Value = serde_json::from_str(stdout.trim()).unwrap_or(json!({ "unreadable": stdout }));
        (Run { wall, peak_kib, report, started }, code)
    }

    fn provision(&self, concurrency: usize) -> Run {
        let manifest = self.manifest().display().to_string();
        let c = concurrency.to_string();
        let (run, code) = self.run(&["provision", &manifest, "--json", "--concurrency", &c]);
        if code != 0 {
            eprintln!("warning: provision exited {code}: {}", run.report["summary"]);
        }
        run
    }

    /// `status --all-profiles --json`, and its exit code.
    fn status(&self) -> (Run, i32) {
        self.run(&["status", "--all-profiles", "--json"])
    }
}

/// The earliest the last of `requests` HubRise requests on one connection can complete,
/// `started` seconds after the epoch: windows of 500 start at round minutes; within a
/// window, `concurrency` requests in flight of `LATENCY` each send at most
/// `concurrency / LATENCY` a second. Idealized (no Zelty, no storage): a lower bound.
fn hubrise_bound(requests: usize, started: f64, concurrency: usize) -> f64 {
    let rate = concurrency as f64 / LATENCY;
    let (mut left, mut t) = (requests as f64, 0.0);
    let mut window_end = 60.0 - started.rem_euclid(60.0);
    loop {
        let room = (HUBRISE_PER_MINUTE as f64).min(rate * (window_end - t));
        if left <= room {
            return t + left / rate + LATENCY;
        }
        left -= room;
        t = window_end;
        window_end += 60.0;
    }
}

/// The floor latency sets when no limit binds: `ceil(n / c)` restaurants in a row, each
/// `ROUND_TRIPS` round trips.
fn latency_floor(n: usize, concurrency: usize) -> f64 {
    n.div_ceil(concurrency) as f64 * ROUND_TRIPS * LATENCY
}

fn summary(run: &Run) -> String {
    let s = &run.report["summary"];
    format!("{} connected, {} failed", s["connected"], s["failed"])
}

fn mib(kib: Option<u64>) -> String {
    kib.map_or("n/a".into(), |k| format!("{:.1} MiB", k as f64 / 1024.0))
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// Median wall time of `runs` runs and median peak memory of 5.
fn startup(program: &Path, args: &[&str], env: &[(String, String)], runs: usize) -> (f64, Option<u64>) {
    let walls = (0..runs).map(|_| measure(program, args, env, false).0).collect();
    let peaks: Vec<f64> = (0..5).filter_map(|_| measure(program, args, env, true).1).map(|k| k as f64).collect();
    (median(walls), (!peaks.is_empty()).then(|| median(peaks) as u64))
}

/// The fleet's figures: issue #12's table, each store side by side.
fn fleet_table(rows: &[FleetRow], chains: &[ChainRow]) {
    println!("a fleet (issue #12): own tokens, 50 ms latency, rate limits on; file store | real keyring (ratio)");
    let find = |store: &str, n: usize| rows.iter().find(|r| r.store == store && r.n == n);
    for n in sizes() {
        let (Some(file), keyring) = (find("file", n), find("keyring", n)) else { continue };
        let cell = |run: &Run| format!("{:>6.2} s {:>9}", run.wall, mib(run.peak_kib));
        let other = |pick: fn(&FleetRow) -> &Run| {
            keyring.map_or("n/a".to_string(), |k| format!("{} ({:.2}x)", cell(pick(k)), pick(k).wall / pick(file).wall))
        };
        println!(
            "  provision {n:>3}:             {} | {}   ({}{})",
            cell(&file.provision),
            other(|r| &r.provision),
            summary(&file.provision),
            keyring.and_then(|k| k.keyring_cpu).map_or(String::new(), |c| format!("; gnome-keyring CPU {c:.1} s"))
        );
        println!(
            "  status --all-profiles {n:>3}: {} | {}   ({} ok, exit {}; latency floor at {STATUS_CONCURRENCY}: {:.2} s -> {:.2}x | {})",
            cell(&file.status),
            other(|r| &r.status),
            file.status_ok(),
            file.status_code,
            status_floor(n),
            file.status.wall / status_floor(n),
            keyring.map_or("n/a".into(), |k| format!(
                "{:.2}x, {} ok, exit {}",
                k.status.wall / status_floor(n),
                k.status_ok(),
                k.status_code
            ))
        );
    }
    for c in chains {
        println!("  {}", c.line());
    }
}

fn main() {
    let bin = support::bin();
    println!("zelty-bridge: {}", bin.display());
    let sb = Sandbox::start(&[
        "--restaurants",
        &N.to_string(),
        "--locations",
        &N.to_string(),
        "--latency-ms",
        "50",
        "--rate-limits",
    ]);
    let keys: Vec<String> = sb.keys().into_iter().filter(|(id, _)| *id != 12345).map(|(_, k)| k).take(N).collect();
    let locations: Vec<String> =
        sb.json["locations"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap().to_string()).collect();
    assert_eq!((keys.len(), locations.len()), (N, N), "the sandbox serves {N} of each");
    let tokens: Vec<String> = locations.iter().map(|l| sb.mint_token(json!({ "location_id": l }))).collect();
    let own: Vec<Entry> = (0..N).map(|i| entry(format!("r-{i:03}"), &keys[i], Ok(tokens[i].clone()))).collect();
    let shared: Vec<Entry> = (0..N).map(|i| entry(format!("a-{i:03}"), &keys[i], Err(locations[i].clone()))).collect();

    // 1. A fleet, with each store.
    let group_key = sb.json["group_key"].as_str().expect("the sandbox's group key").to_string();
    let chain: Vec<Entry> = (0..CHAIN)
        .map(|i| Entry {
            restaurant_id: Some(FIRST_EXTRA_RESTAURANT + i as i64),
            ..entry(format!("shop-{i:02}"), &group_key, Err(locations[i].clone()))
        })
        .collect();
    let mut rows: Vec<FleetRow> = Vec::new();
    let mut chains: Vec<ChainRow> = Vec::new();
    let mut file_fleet = None;
    for store in ["file", "keyring"] {
        if store == "keyring" && !support::need_programs(&["dbus-run-session", "gnome-keyring-daemon"]) {
            println!("real keyring: skipped (apt-get install -y gnome-keyring dbus)");
            break;
        }
        let session = || (store == "keyring").then(|| keyring::KeyringSession::start(false)).flatten();
        for n in sizes() {
            let fleet = Fleet::with_store(&sb, &own[..n], None, session());
            let cpu_before = fleet.keyring_cpu();
            fresh_second();
            let before = sb.requests().len();
            let provision = fleet.provision(CONCURRENCY);
            let provision_429 = count_429(&sb, before);
            let keyring_cpu = fleet.keyring_cpu().zip(cpu_before).map(|(after, before)| after - before);
            fresh_second();
            let before = sb.requests().len();
            let (status, code) = fleet.status();
            let status_429 = count_429(&sb, before);
            let row =
                FleetRow { store, n, provision, provision_429, keyring_cpu, status, status_code: code, status_429 };
            println!("{}", row.line());
            rows.push(row);
            if store == "file" && n == N {
                file_fleet = Some(fleet);
            }
        }
        let account = sb.mint_token(json!({ "account": true, "device_id": format!("chain-{store}") }));
        let fleet = Fleet::with_store(&sb, &chain, Some(&account), session());
        fresh_second();
        let before = sb.requests().len();
        let manifest = fleet.manifest().display().to_string();
        let (provision, provision_code) = fleet.run(&["provision", &manifest, "--json"]);
        let provision_429 = count_429(&sb, before);
        let right = chain_is_right(&provision.report, &locations);
        fresh_second();
        let before = sb.requests().len();
        let (status, status_code) = fleet.status();
        let status_429 = count_429(&sb, before);
        let row = ChainRow { store, provision, provision_code, provision_429, right, status, status_code, status_429 };
        println!("{}", row.line());
        chains.push(row);
    }
    if std::env::var("ZELTY_BRIDGE_BENCH_ONLY").is_ok_and(|v| v == "fleet") {
        println!("\n```text");
        fleet_table(&rows, &chains);
        println!("```");
        return;
    }
    let fleet =
        file_fleet.expect("the file store's 500 (ZELTY_BRIDGE_BENCH_SIZES needs ZELTY_BRIDGE_BENCH_ONLY=fleet)");
    let fast = &rows.iter().find(|r| r.store == "file" && r.n == N).unwrap().provision;

    // 2. Location tokens: default concurrency against one at a time.
    let subset = Fleet::new(&sb, &own[..50], None);
    let slow_subset = subset.provision(1);
    let predicted = slow_subset.wall * (N as f64 / 50.0);
    let (slow_wall, slow_how) = if predicted < 120.0 {
        let slow = Fleet::new(&sb, &own, None).provision(1);
        println!("own tokens, concurrency 1: {:.2} s, peak {}, {}", slow.wall, mib(slow.peak_kib), summary(&slow));
        (slow.wall, "measured on all 500")
    } else {
        (predicted, "estimated: 10 x a 50-restaurant run")
    };
    println!("own tokens, concurrency 1: {slow_wall:.2} s ({slow_how}; 50 took {:.2} s)", slow_subset.wall);
    let floor = latency_floor(N, CONCURRENCY);

    // 3. One account token for all.
    let before = sb.requests().len();
    let account = sb.mint_token(json!({ "account": true }));
    let shared_run = Fleet::new(&sb, &shared, Some(&account)).provision(CONCURRENCY);
    let requests: Vec<Value> = sb.requests().into_iter().skip(before).collect();
    let limited = requests.iter().filter(|r| r["status"] == 429).count();
    let bound = hubrise_bound(N * HUBRISE_PER_RESTAURANT, shared_run.started, CONCURRENCY);
    println!(
        "account token, concurrency {CONCURRENCY}: {:.2} s, peak {}, {}, {limited} answers 429; bound {bound:.2} s (started {:.1} s into a minute)",
        shared_run.wall,
        mib(shared_run.peak_kib),
        summary(&shared_run),
        shared_run.started.rem_euclid(60.0)
    );

    // 4. Start-up and size.
    let env = &fleet.env;
    let help = startup(&bin, &["--help"], env, 20);
    let status = startup(&bin, &["status", "--offline", "--profile", "r-000"], env, 20);
    let gh_path =
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()).map(|d| d.join("gh")).find(|p| p.exists());
    let gh = gh_path.as_ref().map(|p| {
        (
            startup(
                p,
                &["--help"],
                &[
                    ("HOME".into(), fleet.dir.path().display().to_string()),
                    ("GH_NO_UPDATE_NOTIFIER".into(), "1".into()),
                ],
                20,
            ),
            std::fs::metadata(p).map(|m| m.len()).unwrap_or(0),
        )
    });
    let size = std::fs::metadata(&bin).map(|m| m.len()).unwrap_or(0);
    drop(sb);

    let ms = |s: f64| format!("{:.1} ms", s * 1000.0);
    println!("\n```text");
    fleet_table(&rows, &chains);
    println!("provision, {N} restaurants, 50 ms latency, rate limits on (`--rate-limits`)");
    println!(
        "  own location tokens, --concurrency {CONCURRENCY}: {:>8.2} s   peak {}   ({})",
        fast.wall,
        mib(fast.peak_kib),
        summary(fast)
    );
    println!("  own location tokens, --concurrency 1: {slow_wall:>8.2} s   ({slow_how})");
    println!(
        "    speed-up: {:.1}x; latency floor at {CONCURRENCY}: {floor:.2} s -> {:.2}x the floor",
        slow_wall / fast.wall,
        fast.wall / floor
    );
    println!(
        "  one account token,   --concurrency {CONCURRENCY}: {:>8.2} s   peak {}   ({}, {limited} x 429)",
        shared_run.wall,
        mib(shared_run.peak_kib),
        summary(&shared_run)
    );
    println!(
        "    rate-limit bound ({} requests, 500/min windows, start {:.1} s into the minute): {bound:.2} s -> {:.2}x the bound",
        N * HUBRISE_PER_RESTAURANT,
        shared_run.started.rem_euclid(60.0),
        shared_run.wall / bound
    );
    println!("start-up (median of 20 runs; peak memory median of 5)");
    println!("  zelty-bridge --help:             {:>9}   {}", ms(help.0), mib(help.1));
    println!("  zelty-bridge status --offline:   {:>9}   {}", ms(status.0), mib(status.1));
    match &gh {
        Some(((wall, peak), gh_size)) => {
            println!("  gh --help:                       {:>9}   {}", ms(*wall), mib(*peak));
            let ratio = |a: f64, b: f64| format!("{:.3}", a / b);
            println!(
                "  time ratio   --help {} / status --offline {} (target < 0.1)",
                ratio(help.0, *wall),
                ratio(status.0, *wall)
            );
            if let (Some(h), Some(s), Some(g)) = (help.1, status.1, peak) {
                println!(
                    "  memory ratio --help {} / status --offline {} (target < 0.33)",
                    ratio(h as f64, *g as f64),
                    ratio(s as f64, *g as f64)
                );
            }
            println!(
                "binary size: zelty-bridge {:.2} MB, gh {:.2} MB ({:.3}x; target < 8 MB)",
                size as f64 / 1e6,
                *gh_size as f64 / 1e6,
                size as f64 / *gh_size as f64
            );
        }
        None => {
            println!("  gh: not installed, comparison skipped (Debian: apt-get install -y gh)");
            println!("binary size: zelty-bridge {:.2} MB (target < 8 MB)", size as f64 / 1e6);
        }
    }
    println!("```");
}
