//! Temporary shim with the sandbox's interface, for type-checking only.
use crate::i18n::Lang;
use crate::settings::Endpoints;
pub struct SandboxConfig { pub lang: Lang, pub locations: usize, pub restaurants: usize, pub latency: std::time::Duration, pub rate_limits: bool, pub hubrise_port: u16, pub api_port: u16, pub zelty_port: u16 }
impl Default for SandboxConfig { fn default() -> Self { SandboxConfig { lang: Lang::En, locations: 2, restaurants: 1, latency: Default::default(), rate_limits: false, hubrise_port: 0, api_port: 0, zelty_port: 0 } } }
pub struct Sandbox { pub endpoints: Endpoints, pub client_id: String, pub client_secret: String, pub demo_key: String }
pub async fn start(_c: SandboxConfig) -> anyhow::Result<Sandbox> { anyhow::bail!("shim") }
impl Sandbox { pub fn env_lines(&self) -> String { String::new() } pub fn to_json(&self) -> serde_json::Value { serde_json::Value::Null } pub async fn consent(&self, _url: &str, _approve: bool) -> anyhow::Result<()> { Ok(()) } }
