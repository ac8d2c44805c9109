//! Where the services are and who we are to them: endpoints, the HubRise OAuth client and
//! the HTTP budgets, resolved once from the environment, `config.toml` and the defaults
//! (in that order), or from the embedded sandbox.

use crate::env::Env;
use crate::error::{Failure, Kind};
use crate::http::Budget;
use crate::hubrise::oauth::OAuthClient;
use crate::i18n::{Config, Msg, Network};
use crate::secret::Secret;
use crate::stores::StoreKind;
use std::path::{Path, PathBuf};
use std::time::Duration;
pub use zelty_bridge_endpoints::Endpoints;

/// Picks one field of `Endpoints`.
type Field = fn(&mut Endpoints) -> &mut String;

/// The environment variables that move an endpoint, with the field each one sets.
pub const ENDPOINT_VARS: [(&str, Field); 5] = [
    ("ZELTY_BRIDGE_HUBRISE_OAUTH_URL", |e| &mut e.hubrise_oauth),
    ("ZELTY_BRIDGE_HUBRISE_API_URL", |e| &mut e.hubrise_api),
    ("ZELTY_BRIDGE_HUBRISE_MANAGER_URL", |e| &mut e.hubrise_manager),
    ("ZELTY_BRIDGE_ZELTY_API_URL", |e| &mut e.zelty_api),
    ("ZELTY_BRIDGE_ZELTY_BO_URL", |e| &mut e.zelty_bo),
];

pub const KEYRING_SERVICE: &str = "zelty-bridge";
pub const SANDBOX_KEYRING_SERVICE: &str = "zelty-bridge-sandbox";

/// Where the HubRise OAuth client came from, for `status -v` and error hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientSource {
    Environment,
    ConfigFile,
    BuiltIn,
    Sandbox,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub endpoints: Endpoints,
    /// The endpoint variables that are set (a warning names them).
    pub moved_endpoints: Vec<&'static str>,
    pub client: Option<(OAuthClient, ClientSource)>,
    /// The config dir of this mode (`…/zelty-bridge`, or `…/zelty-bridge/sandbox`).
    pub config_dir: PathBuf,
    pub store: StoreKind,
    pub keyring_service: &'static str,
    pub keyring_timeout: Duration,
    pub budget: Budget,
    pub sandbox: bool,
    pub bridge: BridgeApp,
    /// The name the watch's OAuth client has on CONNEXIONS, told apart from Zelty Bridge
    /// in the walk (`ZELTY_BRIDGE_CLIENT_NAME`, compiled in with the client, or the
    /// sandbox's).
    pub watch_name: String,
    /// `config.toml` could not be used (a warning names it; the commands that need its
    /// OAuth client then say there is none, the others work).
    pub config_problem: Option<crate::i18n::Text>,
    /// Endpoint variables set to plain `http://` off this machine: the key and the token
    /// would cross the network unencrypted (a warning names each).
    pub plain_http: Vec<(&'static str, String)>,
    /// `ZELTY_BRIDGE_PKCE=1`: the watch's authorization sends a PKCE challenge (RFC 7636).
    /// Off by default: HubRise does not document PKCE.
    pub pkce: bool,
}

/// How the Zelty Bridge app is recognised and reached. HubRise publishes neither the App's
/// direct Connect URL nor the host of its webhooks, so both can be set.
#[derive(Debug, Clone)]
pub struct BridgeApp {
    /// The app's HubRise client name, as orders' `created_by` shows it
    /// (`ZELTY_BRIDGE_APP_NAME`, "Zelty Bridge").
    pub name: String,
    /// Where « Connecter » leads (`ZELTY_BRIDGE_APP_CONNECT_URL`); else the CONNEXIONS page.
    pub connect_url: Option<String>,
    /// A webhook target on one of these hosts or below means a HubRise bridge holds the key
    /// (`ZELTY_BRIDGE_APP_WEBHOOK_HOST`, comma-separated; HubRise runs its bridges under
    /// `<app>.hubrise-apps.com`, e.g. https://www.hubrise.com/apps/deliveroo).
    pub webhook_hosts: Vec<String>,
    /// An order of another app still `new` this long after it was created is stuck
    /// (`ZELTY_BRIDGE_STUCK_AFTER`, seconds, 600).
    pub stuck_after: Duration,
}

/// The bridges' host suffixes when `ZELTY_BRIDGE_APP_WEBHOOK_HOST` does not say.
pub const BRIDGE_HOSTS: [&str; 2] = ["hubrise-apps.com", "hubrise.com"];

impl BridgeApp {
    fn from_env(env: &Env) -> anyhow::Result<BridgeApp> {
        let get = |var: &str| env.get(var).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
        let hosts = get("ZELTY_BRIDGE_APP_WEBHOOK_HOST").map_or_else(
            || BRIDGE_HOSTS.iter().map(|h| h.to_string()).collect(),
            |v| {
                v.split(',')
                    .map(|h| h.trim().trim_start_matches('.').to_ascii_lowercase())
                    .filter(|h| !h.is_empty())
                    .collect()
            },
        );
        Ok(BridgeApp {
            name: get("ZELTY_BRIDGE_APP_NAME").unwrap_or_else(|| "Zelty Bridge".into()),
            connect_url: get("ZELTY_BRIDGE_APP_CONNECT_URL"),
            webhook_hosts: hosts,
            stuck_after: Duration::from_secs(number(env, "ZELTY_BRIDGE_STUCK_AFTER", 60..=86_400, 600)?),
        })
    }

    /// Whether `host` is one of the bridges' hosts or below one.
    pub fn is_app_host(&self, host: &str) -> bool {
        let host = host.to_ascii_lowercase();
        self.webhook_hosts.iter().any(|h| host == *h || host.ends_with(&format!(".{h}")))
    }
}

/// What the embedded sandbox provides instead of the real services.
pub struct SandboxFacts {
    pub endpoints: Endpoints,
    pub client_id: String,
    pub client_secret: String,
    pub client_name: String,
}

/// Resolves settings: environment, then `config.toml`, then built-in defaults; the
/// sandbox's endpoints and client replace the real ones outright.
pub fn resolve(env: &Env, sandbox: Option<SandboxFacts>) -> anyhow::Result<Settings> {
    // A variable that is not text must not turn into "unset": a config dir given in
    // another encoding would silently become the default one, with its profiles.
    refuse_variables_not_text(env)?;
    let base_dir = config_dir(env, std::env::consts::OS).ok_or_else(|| {
        Failure::new(Kind::Usage, "no_config_dir", Msg::NoConfigDir.text()).hint(Msg::NoConfigDirHint.text())
    })?;
    if !base_dir.is_absolute() {
        // A relative dir would follow the working directory: another run elsewhere would
        // not find the connection, and a shared directory could hold it.
        let value = base_dir.display().to_string();
        return Err(Failure::new(Kind::Usage, "bad_environment", Config::DirRelative.with("value", &value))
            .hint(Config::DirRelativeHint.with("value", &value))
            .into());
    }
    // Whoever can write the config dir can plant symlinks or read what we put there:
    // refuse it before reading `config.toml` or any secret.
    crate::fsutil::check_private_dir(&base_dir)?;
    if sandbox.is_some() {
        crate::fsutil::check_private_dir(&base_dir.join("sandbox"))?;
    }
    let store = match env.get("ZELTY_BRIDGE_SECRET_STORE") {
        None => StoreKind::Keyring,
        Some(v) => StoreKind::parse(v).ok_or_else(|| bad_var("ZELTY_BRIDGE_SECRET_STORE", v, "keyring, file"))?,
    };
    let budget = Budget {
        timeout: Duration::from_secs(number(env, "ZELTY_BRIDGE_HTTP_TIMEOUT", 1..=600, 20)?),
        attempts: number(env, "ZELTY_BRIDGE_HTTP_RETRIES", 1..=10, 4)? as u32,
        ..Budget::default()
    };
    let keyring_timeout = Duration::from_secs(number(env, "ZELTY_BRIDGE_KEYRING_TIMEOUT", 1..=120, 5)?);
    let bridge = BridgeApp::from_env(env)?;
    let pkce = number(env, "ZELTY_BRIDGE_PKCE", 0..=1, 0)? == 1;
    let common = |endpoints, moved_endpoints, client, config_dir, keyring_service, sandbox| Settings {
        endpoints,
        moved_endpoints,
        client,
        config_dir,
        store,
        keyring_service,
        keyring_timeout,
        budget,
        sandbox,
        bridge: bridge.clone(),
        watch_name: env
            .get("ZELTY_BRIDGE_CLIENT_NAME")
            .or(option_env!("ZELTY_BRIDGE_CLIENT_NAME"))
            .map_or_else(|| "zelty-bridge".to_string(), |n| n.trim().to_string()),
        config_problem: None,
        plain_http: Vec::new(),
        pkce,
    };
    if let Some(facts) = sandbox {
        let client = OAuthClient { id: facts.client_id, secret: Secret::new(facts.client_secret) };
        let name = facts.client_name;
        return Ok(Settings {
            watch_name: name,
            ..common(
                facts.endpoints,
                Vec::new(),
                Some((client, ClientSource::Sandbox)),
                base_dir.join("sandbox"),
                SANDBOX_KEYRING_SERVICE,
                true,
            )
        });
    }
    let mut endpoints = Endpoints::production();
    let mut moved = Vec::new();
    let mut plain_http = Vec::new();
    for (var, field) in ENDPOINT_VARS {
        if let Some(value) = env.get(var) {
            let value = value.trim().trim_end_matches('/');
            let parsed = url::Url::parse(value)
                .ok()
                .filter(|u| matches!(u.scheme(), "http" | "https"))
                .ok_or_else(|| bad_var(var, value, "http(s)://…"))?;
            if parsed.scheme() == "http" && !is_loopback(&parsed) {
                let shown = crate::http::redact_url(&parsed);
                if !allow_insecure(env) {
                    return Err(Failure::new(
                        Kind::Usage,
                        "insecure_endpoint",
                        Network::PlainHttpRefused.with("var", var).with("value", &shown),
                    )
                    .hint(Network::PlainHttpRefusedHint.text())
                    .into());
                }
                plain_http.push((var, shown));
            }
            *field(&mut endpoints) = value.to_string();
            moved.push(var);
        }
    }
    let (client, config_problem) = match oauth_client(env, &base_dir) {
        Ok(client) => (client, None),
        // A broken `config.toml` only matters to the commands that need its client:
        // `status --offline` and the others keep working, with a warning.
        Err(err) => match crate::error::failure_of(&err) {
            Some(f) if f.as_typed::<ConfigCorrupt>().is_some() => (None, Some(f.message.clone())),
            _ => return Err(err),
        },
    };
    Ok(Settings { config_problem, plain_http, ..common(endpoints, moved, client, base_dir, KEYRING_SERVICE, false) })
}

/// The OAuth client: environment, then `config.toml`, then the one compiled in.
fn oauth_client(env: &Env, config_dir: &Path) -> anyhow::Result<Option<(OAuthClient, ClientSource)>> {
    if let (Some(id), Some(secret)) = (env.get("ZELTY_BRIDGE_CLIENT_ID"), env.get("ZELTY_BRIDGE_CLIENT_SECRET")) {
        return Ok(Some((
            OAuthClient { id: id.trim().into(), secret: Secret::new(secret.trim()) },
            ClientSource::Environment,
        )));
    }
    if let Some(file) = ConfigFile::load(&config_dir.join("config.toml"))?
        && let (Some(id), Some(secret)) = (file.hubrise.client_id, file.hubrise.client_secret)
    {
        return Ok(Some((OAuthClient { id, secret: Secret::new(secret) }, ClientSource::ConfigFile)));
    }
    Ok(match (option_env!("ZELTY_BRIDGE_CLIENT_ID"), option_env!("ZELTY_BRIDGE_CLIENT_SECRET")) {
        (Some(id), Some(secret)) if !id.is_empty() && !secret.is_empty() => {
            Some((OAuthClient { id: id.into(), secret: Secret::new(secret) }, ClientSource::BuiltIn))
        }
        _ => None,
    })
}

/// `config.toml`: today only the HubRise OAuth client.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    hubrise: ConfigHubrise,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigHubrise {
    client_id: Option<String>,
    client_secret: Option<String>,
}

impl ConfigFile {
    fn load(path: &Path) -> anyhow::Result<Option<ConfigFile>> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(anyhow::Error::new(e).context(format!("cannot read {}", path.display()))),
        };
        // toml's own message quotes the source line, which may be the `client_secret` one:
        // only the line number is shown.
        toml::from_str(&text).map(Some).map_err(|e: toml::de::Error| {
            let line = e.span().map_or(1, |s| text[..s.start.min(text.len())].lines().count().max(1));
            Failure::new(
                Kind::Usage,
                "config_corrupt",
                Config::CorruptAt.with("path", path.display()).with("line", line),
            )
            .typed(ConfigCorrupt)
            .into()
        })
    }
}

/// Refuses (exit 2) any of this tool's variables, or those that choose the default config
/// dir when `ZELTY_BRIDGE_CONFIG_DIR` is unset, whose value is not valid UTF-8.
fn refuse_variables_not_text(env: &Env) -> Result<(), Failure> {
    let chooses_dir = ["XDG_CONFIG_HOME", "HOME", "APPDATA"];
    let var = env.first_of_ours_not_text().or_else(|| {
        (!env.is_set("ZELTY_BRIDGE_CONFIG_DIR")).then(|| chooses_dir.into_iter().find(|v| env.is_not_text(v)))?
    });
    match var {
        Some(var) => Err(Failure::new(Kind::Usage, "bad_environment", Config::EnvNotUtf8.with("var", var))
            .hint(Config::EnvNotUtf8Hint.with("var", var))),
        None => Ok(()),
    }
}

/// The platform config dir: `ZELTY_BRIDGE_CONFIG_DIR`, else `$XDG_CONFIG_HOME/zelty-bridge`
/// or `~/.config/zelty-bridge` (Linux and BSD), `~/Library/Application Support/zelty-bridge`
/// (macOS), `%APPDATA%\zelty-bridge` (Windows).
pub fn config_dir(env: &Env, os: &str) -> Option<PathBuf> {
    if let Some(dir) = env.get("ZELTY_BRIDGE_CONFIG_DIR") {
        return Some(PathBuf::from(dir));
    }
    let home = env.get("HOME").map(PathBuf::from);
    let base = match os {
        "macos" => home.map(|h| h.join("Library/Application Support")),
        "windows" => env.get("APPDATA").map(PathBuf::from),
        // The XDG spec ignores a relative value; absolute means a leading `/` on the OS this
        // branch is for, whichever OS the check runs on (the tests run every branch).
        _ => env
            .get("XDG_CONFIG_HOME")
            .filter(|p| p.starts_with('/'))
            .map(PathBuf::from)
            .or_else(|| home.map(|h| h.join(".config"))),
    };
    base.map(|b| b.join("zelty-bridge"))
}

/// Marks the failure of a `config.toml` that is not valid TOML: only the commands that
/// need its OAuth client fail on it.
#[derive(Debug, Clone, Copy)]
pub struct ConfigCorrupt;

/// Lets plain `http://` service addresses off this machine through (with a warning);
/// `--allow-insecure` sets it too.
pub const ALLOW_INSECURE_VAR: &str = "ZELTY_BRIDGE_ALLOW_INSECURE";

fn allow_insecure(env: &Env) -> bool {
    env.get(ALLOW_INSECURE_VAR).is_some_and(|v| matches!(v.trim(), "1" | "true" | "yes"))
}

/// A URL on this machine, where plain HTTP crosses no network (the sandbox, a test):
/// `localhost`, `127.0.0.0/8`, `[::1]`, and an IPv4 loopback written as IPv6
/// (`[::ffff:127.0.0.1]`, RFC 4291 §2.5.5.2).
fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback() || ip.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback()),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

fn number(env: &Env, var: &'static str, range: std::ops::RangeInclusive<u64>, default: u64) -> anyhow::Result<u64> {
    match env.get(var) {
        None => Ok(default),
        Some(v) => v
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|n| range.contains(n))
            .ok_or_else(|| bad_var(var, v, &format!("{}–{}", range.start(), range.end()))),
    }
}

fn bad_var(var: &str, value: &str, expected: &str) -> anyhow::Error {
    Failure::new(
        Kind::Usage,
        "bad_environment",
        Msg::BadEnvVar.with("var", var).with("value", value).with("expected", expected),
    )
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A user whose home is `home` on any OS (an absolute path there, unlike `/h` on Windows).
    fn home_env(home: &Path) -> Env {
        let home = home.to_str().unwrap();
        Env::default().with("HOME", home).with("APPDATA", home)
    }

    #[test]
    fn config_dir_table() {
        let env = Env::default().with("HOME", "/home/marie");
        assert_eq!(config_dir(&env, "linux"), Some(PathBuf::from("/home/marie/.config/zelty-bridge")));
        assert_eq!(
            config_dir(&env.clone().with("XDG_CONFIG_HOME", "/xdg"), "linux"),
            Some(PathBuf::from("/xdg/zelty-bridge"))
        );
        assert_eq!(
            config_dir(&env.clone().with("XDG_CONFIG_HOME", "relative"), "linux"),
            Some(PathBuf::from("/home/marie/.config/zelty-bridge"))
        );
        assert_eq!(config_dir(&env.clone().with("ZELTY_BRIDGE_CONFIG_DIR", "/c"), "linux"), Some(PathBuf::from("/c")));
        assert_eq!(
            config_dir(&env, "macos"),
            Some(PathBuf::from("/home/marie/Library/Application Support/zelty-bridge"))
        );
        assert_eq!(
            config_dir(&Env::default().with("APPDATA", "C:/Users/m/AppData/Roaming"), "windows"),
            Some(PathBuf::from("C:/Users/m/AppData/Roaming/zelty-bridge"))
        );
        assert_eq!(config_dir(&Env::default(), "linux"), None);
        // Each OS reads its own variable only: XDG on Linux, HOME on macOS, APPDATA on Windows.
        let all = Env::default().with("HOME", "/home/marie").with("XDG_CONFIG_HOME", "/xdg").with("APPDATA", r"C:\R");
        assert_eq!(config_dir(&all, "linux"), Some(PathBuf::from("/xdg/zelty-bridge")));
        assert_eq!(config_dir(&all, "freebsd"), Some(PathBuf::from("/xdg/zelty-bridge")));
        assert_eq!(
            config_dir(&all, "macos"),
            Some(PathBuf::from("/home/marie/Library/Application Support/zelty-bridge"))
        );
        assert_eq!(config_dir(&all, "windows"), Some(PathBuf::from(r"C:\R").join("zelty-bridge")));
        assert_eq!(config_dir(&Env::default().with("HOME", "/home/marie"), "windows"), None);
        assert_eq!(config_dir(&Env::default().with("APPDATA", r"C:\R"), "macos"), None);
        assert_eq!(
            config_dir(&all.clone().with("ZELTY_BRIDGE_CONFIG_DIR", r"D:\zb"), "windows"),
            Some(PathBuf::from(r"D:\zb"))
        );
    }

    #[test]
    fn a_config_dir_that_is_not_text_is_refused_not_defaulted() {
        let home = tempfile::tempdir().unwrap();
        let env = Env::default().with("HOME", home.path().to_str().unwrap()).with_not_text("ZELTY_BRIDGE_CONFIG_DIR");
        let err = resolve(&env, None).err().unwrap_or_else(|| panic!("refused"));
        assert_eq!(crate::error::exit_status_of(&err), crate::error::ExitStatus::Usage);
        assert!(format!("{err:#}").contains("ZELTY_BRIDGE_CONFIG_DIR"), "{err:#}");
        // Without it, an unreadable HOME cannot choose the default either.
        let env = Env::default().with_not_text("HOME");
        assert_eq!(
            crate::error::exit_status_of(&resolve(&env, None).err().unwrap_or_else(|| panic!("refused"))),
            crate::error::ExitStatus::Usage
        );
    }

    #[test]
    fn environment_beats_defaults_and_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let env = Env::default()
            .with("ZELTY_BRIDGE_CONFIG_DIR", dir.path().to_str().unwrap())
            .with("ZELTY_BRIDGE_ZELTY_API_URL", "http://127.0.0.1:9/2.10/")
            .with("ZELTY_BRIDGE_CLIENT_ID", "id")
            .with("ZELTY_BRIDGE_CLIENT_SECRET", "secret");
        let s = resolve(&env, None).unwrap();
        assert_eq!(s.endpoints.zelty_api, "http://127.0.0.1:9/2.10");
        assert_eq!(s.endpoints.hubrise_api, "https://api.hubrise.com/v1");
        assert_eq!(s.moved_endpoints, vec!["ZELTY_BRIDGE_ZELTY_API_URL"]);
        assert_eq!(s.client.as_ref().unwrap().1, ClientSource::Environment);
        assert_eq!(s.keyring_service, "zelty-bridge");
    }

    #[test]
    fn config_file_supplies_the_client() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("config.toml"),
            "[hubrise]\nclient_id = \"c.clients.hubrise.com\"\nclient_secret = \"s\"\n",
        )
        .unwrap();
        let env = Env::default().with("ZELTY_BRIDGE_CONFIG_DIR", dir.path().to_str().unwrap());
        let s = resolve(&env, None).unwrap();
        let (client, source) = s.client.unwrap();
        assert_eq!((client.id.as_str(), source), ("c.clients.hubrise.com", ClientSource::ConfigFile));
    }

    #[test]
    fn a_corrupt_config_file_never_shows_its_lines_and_blocks_nothing() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("config.toml"),
            "[hubrise]\nclient_id = \"c\"\nclient_secret = \"s3cr3t-value-here\n",
        )
        .unwrap();
        let env = Env::default().with("ZELTY_BRIDGE_CONFIG_DIR", dir.path().to_str().unwrap());
        let s = resolve(&env, None).unwrap();
        assert!(s.client.is_none());
        let problem = s.config_problem.unwrap().to_string();
        assert!(problem.contains("line 3") && !problem.contains("s3cr3t"), "{problem}");
    }

    #[test]
    fn plain_http_off_this_machine_is_refused_unless_allowed() {
        let dir = tempfile::tempdir().unwrap();
        let env = Env::default()
            .with("ZELTY_BRIDGE_CONFIG_DIR", dir.path().to_str().unwrap())
            .with("ZELTY_BRIDGE_ZELTY_API_URL", "http://zelty.example.com/2.10")
            .with("ZELTY_BRIDGE_HUBRISE_API_URL", "http://127.0.0.1:9/v1")
            .with("ZELTY_BRIDGE_HUBRISE_OAUTH_URL", "https://manager.example.com/oauth2/v1");
        let err = resolve(&env, None).unwrap_err();
        let f = crate::error::failure_of(&err).unwrap();
        assert_eq!((f.kind, f.code), (Kind::Usage, "insecure_endpoint"));
        let hint = f.hint.as_ref().unwrap().render(crate::i18n::Lang::En);
        assert!(hint.contains("--allow-insecure") && hint.contains(ALLOW_INSECURE_VAR), "{hint}");
        let s = resolve(&env.with(ALLOW_INSECURE_VAR, "1"), None).unwrap();
        assert_eq!(s.plain_http, vec![("ZELTY_BRIDGE_ZELTY_API_URL", "http://zelty.example.com/2.10".to_string())]);
    }

    #[test]
    fn loopback_in_every_spelling_stays_allowed() {
        for url in [
            "http://127.0.0.1:9/v1",
            "http://127.1.2.3:9/v1",
            "http://[::1]:9/v1",
            "http://[::ffff:127.0.0.1]:9/v1",
            "http://localhost:9/v1",
            "http://LOCALHOST:9/v1",
        ] {
            assert!(is_loopback(&url::Url::parse(url).unwrap()), "{url}");
        }
        for url in ["http://[::ffff:10.0.0.1]/", "http://10.0.0.1/", "http://localhost.example.com/", "http://[::2]/"] {
            assert!(!is_loopback(&url::Url::parse(url).unwrap()), "{url}");
        }
    }

    #[test]
    fn a_relative_config_dir_is_refused() {
        let env = Env::default().with("ZELTY_BRIDGE_CONFIG_DIR", "relative/dir");
        let err = resolve(&env, None).unwrap_err();
        assert_eq!(crate::error::failure_of(&err).unwrap().kind, Kind::Usage);
    }

    #[test]
    fn bad_values_are_usage_errors_naming_the_variable() {
        let home = tempfile::tempdir().unwrap();
        let env = home_env(home.path());
        for (var, value) in [
            ("ZELTY_BRIDGE_SECRET_STORE", "plaintext"),
            ("ZELTY_BRIDGE_HTTP_RETRIES", "0"),
            ("ZELTY_BRIDGE_HTTP_TIMEOUT", "soon"),
            ("ZELTY_BRIDGE_ZELTY_API_URL", "ftp://x"),
        ] {
            let err = resolve(&env.clone().with(var, value), None).unwrap_err();
            let f = crate::error::failure_of(&err).unwrap();
            assert_eq!((f.kind, f.code), (Kind::Usage, "bad_environment"), "{var}");
            assert!(f.message.to_string().contains(var));
        }
    }

    #[test]
    fn the_sandbox_has_its_own_dir_service_and_client() {
        let home = tempfile::tempdir().unwrap();
        let env = home_env(home.path()).with("ZELTY_BRIDGE_ZELTY_API_URL", "https://elsewhere");
        let facts = SandboxFacts {
            endpoints: Endpoints::production(),
            client_id: "sb".into(),
            client_secret: "sbs".into(),
            client_name: "sb watch".into(),
        };
        let s = resolve(&env, Some(facts)).unwrap();
        assert_eq!(s.config_dir, config_dir(&env, std::env::consts::OS).unwrap().join("sandbox"));
        assert!(s.config_dir.starts_with(home.path()) && s.config_dir.ends_with("zelty-bridge/sandbox"));
        assert_eq!(s.keyring_service, "zelty-bridge-sandbox");
        assert!(s.moved_endpoints.is_empty());
        assert_eq!(s.client.unwrap().1, ClientSource::Sandbox);
    }
}
