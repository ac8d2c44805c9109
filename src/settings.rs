//! Where the services are and who we are to them: endpoints, the HubRise OAuth client and
//! the HTTP budgets, resolved once from the environment, `config.toml` and the defaults
//! (in that order), or from the embedded sandbox.

use serde::{Deserialize, Serialize};

/// The base URLs of the five places the tool talks to or sends the user to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endpoints {
    /// HubRise authorization server, e.g. `https://manager.hubrise.com/oauth2/v1`.
    pub hubrise_oauth: String,
    /// HubRise API, e.g. `https://api.hubrise.com/v1`.
    pub hubrise_api: String,
    /// HubRise back office pages, e.g. `https://manager.hubrise.com`.
    pub hubrise_manager: String,
    /// Zelty API, e.g. `https://api.zelty.fr/2.10`.
    pub zelty_api: String,
    /// Zelty back office pages, e.g. `https://bo.zelty.fr`.
    pub zelty_bo: String,
}

impl Endpoints {
    pub fn production() -> Endpoints {
        Endpoints {
            hubrise_oauth: "https://manager.hubrise.com/oauth2/v1".into(),
            hubrise_api: "https://api.hubrise.com/v1".into(),
            hubrise_manager: "https://manager.hubrise.com".into(),
            zelty_api: "https://api.zelty.fr/2.10".into(),
            zelty_bo: "https://bo.zelty.fr".into(),
        }
    }
}

use crate::env::Env;
use crate::error::{Failure, Kind};
use crate::http::Budget;
use crate::hubrise::oauth::OAuthClient;
use crate::i18n::Msg;
use crate::secret::Secret;
use crate::secrets::StoreKind;
use std::path::{Path, PathBuf};
use std::time::Duration;

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
    /// A webhook target on this host or below it means Zelty Bridge holds the key
    /// (`ZELTY_BRIDGE_APP_WEBHOOK_HOST`, "hubrise.com").
    pub webhook_host: String,
}

impl BridgeApp {
    fn from_env(env: &Env) -> BridgeApp {
        let get = |var: &str| env.get(var).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
        BridgeApp {
            name: get("ZELTY_BRIDGE_APP_NAME").unwrap_or_else(|| "Zelty Bridge".into()),
            connect_url: get("ZELTY_BRIDGE_APP_CONNECT_URL"),
            webhook_host: get("ZELTY_BRIDGE_APP_WEBHOOK_HOST")
                .unwrap_or_else(|| "hubrise.com".into())
                .to_ascii_lowercase(),
        }
    }

    /// Whether `host` is the app's webhook host or one of its subdomains.
    pub fn is_app_host(&self, host: &str) -> bool {
        let host = host.to_ascii_lowercase();
        host == self.webhook_host || host.ends_with(&format!(".{}", self.webhook_host))
    }
}

/// What the embedded sandbox provides instead of the real services.
pub struct SandboxFacts {
    pub endpoints: Endpoints,
    pub client_id: String,
    pub client_secret: String,
}

/// Resolves settings: environment, then `config.toml`, then built-in defaults; the
/// sandbox's endpoints and client replace the real ones outright.
pub fn resolve(env: &Env, sandbox: Option<SandboxFacts>) -> anyhow::Result<Settings> {
    let base_dir = config_dir(env, std::env::consts::OS).ok_or_else(|| {
        Failure::new(Kind::Usage, "no_config_dir", Msg::NoConfigDir.text()).hint(Msg::NoConfigDirHint.text())
    })?;
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
        bridge: BridgeApp::from_env(env),
    };
    if let Some(facts) = sandbox {
        let client = OAuthClient { id: facts.client_id, secret: Secret::new(facts.client_secret) };
        return Ok(common(
            facts.endpoints,
            Vec::new(),
            Some((client, ClientSource::Sandbox)),
            base_dir.join("sandbox"),
            SANDBOX_KEYRING_SERVICE,
            true,
        ));
    }
    let mut endpoints = Endpoints::production();
    let mut moved = Vec::new();
    for (var, field) in ENDPOINT_VARS {
        if let Some(value) = env.get(var) {
            let value = value.trim().trim_end_matches('/');
            url::Url::parse(value)
                .ok()
                .filter(|u| matches!(u.scheme(), "http" | "https"))
                .ok_or_else(|| bad_var(var, value, "http(s)://…"))?;
            *field(&mut endpoints) = value.to_string();
            moved.push(var);
        }
    }
    let client = oauth_client(env, &base_dir)?;
    Ok(common(endpoints, moved, client, base_dir, KEYRING_SERVICE, false))
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
        toml::from_str(&text).map(Some).map_err(|e| {
            Failure::new(Kind::Usage, "config_corrupt", Msg::ConfigCorrupt.with("path", path.display()))
                .detail(e)
                .into()
        })
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
        _ => env
            .get("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| home.map(|h| h.join(".config"))),
    };
    base.map(|b| b.join("zelty-bridge"))
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
    fn bad_values_are_usage_errors_naming_the_variable() {
        let env = Env::default().with("HOME", "/h");
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
        let env = Env::default().with("HOME", "/h").with("ZELTY_BRIDGE_ZELTY_API_URL", "https://elsewhere");
        let facts =
            SandboxFacts { endpoints: Endpoints::production(), client_id: "sb".into(), client_secret: "sbs".into() };
        let s = resolve(&env, Some(facts)).unwrap();
        assert_eq!(s.config_dir, PathBuf::from("/h/.config/zelty-bridge/sandbox"));
        assert_eq!(s.keyring_service, "zelty-bridge-sandbox");
        assert!(s.moved_endpoints.is_empty());
        assert_eq!(s.client.unwrap().1, ClientSource::Sandbox);
    }
}
