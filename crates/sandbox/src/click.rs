//! `zelty-bridge sandbox click URL`: a person at the sandbox's pages, over HTTP only, for a
//! sandbox that runs in another process (tests start `zelty-bridge sandbox` and give the CLI
//! `BROWSER="zelty-bridge sandbox click …"`). Where `Demo` plays the person with what the
//! sandbox knows of itself, this knows only the page it is given and what the pages show,
//! like a browser: it reads the first form, picks options, clicks a button, and opens the
//! redirect itself.
//!
//! On a HubRise authorize URL it answers the consent page (Allow, Deny, or one of the test
//! misbehaviours of `Action`), then opens the app's loopback callback. On the back office
//! (CONNEXIONS, `/connections`, or the Zelty Bridge App's Connect URL) it walks Zelty Bridge:
//! Voir les apps disponibles > Zelty Bridge > Connecter > Autoriser > Clé API > Terminer la
//! configuration > Enregistrer; or uses Actions > Déconnecter (and Confirmer) or Bloquer on
//! Zelty Bridge's row. It never fails: a browser does not report to the program that opened
//! it, so what happened goes to the log, one line per step, codes masked.

use anyhow::Context as _;
use base64::Engine as _;
use std::collections::{BTreeSet, HashMap};
use std::io::Write as _;
use std::path::PathBuf;
use std::time::Duration;
use url::Url;

/// What the person does, by name (`--action`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Allow, then open the callback.
    Approve,
    /// Deny, then open the callback with the refusal.
    Deny,
    /// First opens the callback with a made-up code and a wrong `state` (the app must refuse
    /// it), then approves.
    WrongState,
    /// Opens the callback twice (the app must refuse the second).
    Replay,
    /// Opens nothing: a person who walked away.
    Nothing,
    /// 200 bogus callbacks in parallel before the real one.
    Flood,
    /// CONNEXIONS: Actions > Déconnecter > Confirmer on Zelty Bridge's row.
    DisconnectBridge,
    /// CONNEXIONS: Actions > Bloquer on Zelty Bridge's row.
    BlockBridge,
    /// Exchanges the code itself first (with the client from `client_file`), so the app
    /// gets a used code, as with a stolen or double-submitted one.
    SpendCode,
    /// Writes the redirect address to `code_file` instead of opening it: a browser on
    /// another machine cannot reach the loopback listener, the person copies the address.
    StopBeforeCallback,
}

/// Each action and the name `--action` takes for it: the one table both ways read.
const NAMED: [(Action, &str); 10] = [
    (Action::Approve, "approve"),
    (Action::Deny, "deny"),
    (Action::WrongState, "wrong-state"),
    (Action::Replay, "replay"),
    (Action::Nothing, "nothing"),
    (Action::Flood, "flood"),
    (Action::DisconnectBridge, "disconnect-bridge"),
    (Action::BlockBridge, "block-bridge"),
    (Action::SpendCode, "spend-code"),
    (Action::StopBeforeCallback, "stop-before-callback"),
];

/// The names `--action` takes.
pub const ACTIONS: [&str; 10] = {
    let mut names = [""; 10];
    let mut i = 0;
    while i < NAMED.len() {
        names[i] = NAMED[i].1;
        i += 1;
    }
    names
};

impl Action {
    pub fn from_name(name: &str) -> Option<Action> {
        NAMED.iter().find(|(_, n)| *n == name).map(|(a, _)| *a)
    }

    fn name(self) -> &'static str {
        NAMED.iter().find(|(a, _)| *a == self).map_or("", |(_, n)| n)
    }
}

/// What `click` is told, on its command line (or the `BROWSER_STANDIN_*` variables).
#[derive(Clone, Debug)]
pub struct ClickOptions {
    pub action: Action,
    /// The location, catalog and customer list to pick: the first option otherwise.
    pub location: Option<String>,
    pub catalog: Option<String>,
    pub customer_list: Option<String>,
    /// Where the code an installed-app (oob) page shows is written, or the redirect
    /// address under `StopBeforeCallback`.
    pub code_file: Option<PathBuf>,
    /// A file to append one line per step to.
    pub log: Option<PathBuf>,
    /// The Zelty key to type at « Clé API » (the file's first line). The CLI gives a
    /// browser a clean environment, so the key travels in a file.
    pub zelty_key_file: Option<PathBuf>,
    /// The OAuth client, `id:secret`, for `SpendCode`.
    pub client_file: Option<PathBuf>,
    /// Instead of the consent page, opens the callback at once with this `error` (and the
    /// request's `state`), as a server that sends anything back would.
    pub callback_error: Option<String>,
}

impl Default for ClickOptions {
    fn default() -> ClickOptions {
        ClickOptions {
            action: Action::Approve,
            location: None,
            catalog: None,
            customer_list: None,
            code_file: None,
            log: None,
            zelty_key_file: None,
            client_file: None,
            callback_error: None,
        }
    }
}

const USER_AGENT: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

/// Plays the person at `url`. Never fails: what went wrong is logged, as a browser keeps it
/// to itself.
pub async fn click(url: &str, options: ClickOptions) {
    let log = Log(options.log.clone());
    let browser = match Browser::new(options, log.clone()) {
        Ok(b) => b,
        Err(e) => return log.line(&format!("error {e:#}")),
    };
    if let Err(e) = browser.open(url).await {
        log.line(&format!("error {e:#}"));
    }
}

/// The step log: one line per step, `HH:MM:SS step`, codes masked so it can be shared.
#[derive(Clone)]
struct Log(Option<PathBuf>);

impl Log {
    fn line(&self, step: &str) {
        let Some(path) = &self.0 else { return };
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_secs();
        let (h, m, s) = (secs / 3600 % 24, secs / 60 % 60, secs % 60);
        let line = format!("{h:02}:{m:02}:{s:02} {}\n", redact(step));
        // Nobody reads a browser's errors: a log that cannot be written is left.
        if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
            let _ = f.write_all(line.as_bytes());
        }
    }
}

/// Every word that is an address with a `code` in its query gets `code=***`.
fn redact(text: &str) -> String {
    text.split(' ')
        .map(|word| match Url::parse(word) {
            Ok(mut url) if word.contains("code=") => {
                let pairs: Vec<(String, String)> = url
                    .query_pairs()
                    .map(|(k, v)| (k.to_string(), if k == "code" { "***".to_string() } else { v.to_string() }))
                    .collect();
                url.query_pairs_mut().clear().extend_pairs(pairs);
                url.to_string()
            }
            _ => word.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// An answer as a browser sees it: status (0 when nothing answered), `Location`, body.
struct Answer {
    status: u16,
    location: Option<String>,
    body: String,
}

impl Answer {
    fn redirected(&self) -> bool {
        matches!(self.status, 302 | 303)
    }
}

/// What a page holds that a person acts on: its first form (action, the fields a browser
/// submits, the selects with their options, the submit buttons) and, anywhere on the page,
/// the `<code id>` texts, the `<a id>` links and every id.
#[derive(Default, Debug)]
struct Page {
    action: Option<String>,
    fields: Vec<(String, String)>,
    /// In page order: name, then (value, selected) of each option.
    selects: Vec<(String, Vec<(String, bool)>)>,
    /// Button value → name.
    buttons: HashMap<String, String>,
    codes: HashMap<String, String>,
    links: HashMap<String, String>,
    ids: BTreeSet<String>,
}

/// A start tag's name and attributes (`None` for a bare attribute such as `selected`).
fn tag_parts(tag: &str) -> (String, Vec<(String, Option<String>)>) {
    let tag = tag.trim_end_matches('/');
    let name_end = tag.find(|c: char| c.is_ascii_whitespace()).unwrap_or(tag.len());
    let name = tag[..name_end].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut rest = &tag[name_end..];
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let end = rest.find(|c: char| c.is_ascii_whitespace() || c == '=').unwrap_or(rest.len());
        let key = rest[..end].to_ascii_lowercase();
        rest = rest[end..].trim_start();
        let Some(after) = rest.strip_prefix('=') else {
            attrs.push((key, None));
            continue;
        };
        let after = after.trim_start();
        let (value, tail) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let body = &after[1..];
                let close = body.find(q).unwrap_or(body.len());
                (&body[..close], body.get(close + 1..).unwrap_or(""))
            }
            _ => {
                let end = after.find(|c: char| c.is_ascii_whitespace()).unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        attrs.push((key, Some(unescape(value))));
        rest = tail;
    }
    (name, attrs)
}

impl Page {
    fn parse(html: &str) -> Page {
        let mut page = Page::default();
        let (mut in_form, mut select, mut code): (bool, Option<usize>, Option<String>) = (false, None, None);
        let mut rest = html;
        while let Some(lt) = rest.find('<') {
            if let Some(id) = &code {
                page.codes.entry(id.clone()).or_default().push_str(&unescape(&rest[..lt]));
            }
            let after = &rest[lt + 1..];
            let Some(gt) = after.find('>') else { break };
            let tag = &after[..gt];
            rest = &after[gt + 1..];
            if let Some(closing) = tag.strip_prefix('/') {
                match closing.trim().to_ascii_lowercase().as_str() {
                    "form" => in_form = false,
                    "select" => select = None,
                    "code" => code = None,
                    _ => {}
                }
                continue;
            }
            if tag.starts_with('!') {
                continue;
            }
            let (name, attrs) = tag_parts(tag);
            let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone().unwrap_or_default());
            let has = |k: &str| attrs.iter().any(|(n, _)| n == k);
            let id = get("id").filter(|i| !i.is_empty());
            if let Some(id) = &id {
                page.ids.insert(id.clone());
            }
            if let (true, Some(id), Some(href)) = (name == "a", &id, get("href")) {
                page.links.insert(id.clone(), href);
            }
            // Only the first form counts, as for the stand-in a person uses.
            if name == "form" && page.action.is_none() {
                page.action = Some(get("action").unwrap_or_default());
                in_form = true;
            } else if let (true, Some(id)) = (name == "code", &id) {
                code = Some(id.clone());
                page.codes.insert(id.clone(), String::new());
            } else if !in_form {
                continue;
            } else if let (true, Some(field)) = (name == "input", get("name").filter(|n| !n.is_empty())) {
                // An unticked box is not sent, as in a browser.
                let checkbox = get("type").as_deref() == Some("checkbox");
                if !checkbox || has("checked") {
                    let value = get("value").filter(|v| !v.is_empty());
                    page.fields.push((field, value.unwrap_or_else(|| if checkbox { "on" } else { "" }.into())));
                }
            } else if let (true, Some(field)) = (name == "select", get("name").filter(|n| !n.is_empty())) {
                page.selects.push((field, Vec::new()));
                select = Some(page.selects.len() - 1);
            } else if let (true, Some(i)) = (name == "option", select) {
                page.selects[i].1.push((get("value").unwrap_or_default(), has("selected")));
            } else if let (true, Some(button)) = (name == "button", get("name").filter(|n| !n.is_empty())) {
                page.buttons.insert(get("value").unwrap_or_default(), button);
            }
        }
        page
    }

    fn field(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// An attribute value or text as the browser shows it.
fn unescape(value: &str) -> String {
    value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// A query with `pairs` added.
fn with_query(url: &str, pairs: &[(&str, &str)]) -> String {
    match Url::parse(url) {
        Ok(mut u) => {
            u.query_pairs_mut().extend_pairs(pairs);
            u.to_string()
        }
        Err(_) => url.to_string(),
    }
}

fn join(base: &str, reference: &str) -> String {
    Url::parse(base).and_then(|b| b.join(reference)).map_or_else(|_| reference.to_string(), |u| u.to_string())
}

fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    // A made-up code needs no strength; zeros still make a code the app must refuse.
    let _ = getrandom::fill(&mut buf);
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

struct Browser {
    options: ClickOptions,
    log: Log,
    http: reqwest::Client,
}

impl Browser {
    fn new(options: ClickOptions, log: Log) -> anyhow::Result<Browser> {
        let http = reqwest::Client::builder()
            // Redirects are read, not followed: the callback is opened by hand.
            .redirect(reqwest::redirect::Policy::none())
            // Everything here is on loopback.
            .no_proxy()
            .user_agent(USER_AGENT)
            .timeout(Duration::from_secs(15))
            .build()
            .context("cannot make an HTTP client")?;
        Ok(Browser { options, log, http })
    }

    fn log(&self, step: &str) {
        self.log.line(step);
    }

    async fn fetch(&self, url: &str, form: Option<&[(String, String)]>, auth: Option<&str>) -> Answer {
        let request = match form {
            Some(form) => self.http.post(url).form(form),
            None => self.http.get(url),
        };
        let request = request.header(reqwest::header::ACCEPT, "text/html,*/*");
        let request = match auth {
            Some(auth) => request.header(reqwest::header::AUTHORIZATION, auth),
            None => request,
        };
        match request.send().await {
            Ok(r) => {
                let status = r.status().as_u16();
                let location =
                    r.headers().get(reqwest::header::LOCATION).and_then(|v| v.to_str().ok()).map(str::to_string);
                let body = r.text().await.unwrap_or_default();
                Answer { status, location, body }
            }
            Err(e) => Answer { status: 0, location: None, body: e.to_string() },
        }
    }

    async fn get(&self, url: &str) -> Answer {
        self.fetch(url, None, None).await
    }

    /// The fields a person submits: the form's inputs plus one option per select, the
    /// options told on the command line first.
    fn choose(&self, page: &Page) -> Vec<(String, String)> {
        let wanted = [
            ("location_id", &self.options.location),
            ("catalog_id", &self.options.catalog),
            ("customer_list_id", &self.options.customer_list),
        ];
        let want = |name: &str| wanted.iter().find(|(n, _)| *n == name).and_then(|(_, v)| (*v).clone());
        let mut fields = page.fields.clone();
        for (name, options) in &page.selects {
            let pick = want(name).unwrap_or_else(|| {
                options
                    .iter()
                    .find(|(_, selected)| *selected)
                    .or(options.first())
                    .map(|(v, _)| v.clone())
                    .unwrap_or_default()
            });
            fields.retain(|(n, _)| n != name);
            fields.push((name.clone(), pick));
        }
        // An explicit choice also replaces a single-choice hidden field.
        for (name, value) in wanted {
            if let Some(value) = value.as_ref().filter(|_| !page.selects.iter().any(|(n, _)| n == name)) {
                for field in fields.iter_mut().filter(|(n, _)| n == name) {
                    field.1 = value.clone();
                }
            }
        }
        fields
    }

    /// Submits the page's first form with its fields plus `extra`; the address it went to
    /// and the answer.
    async fn submit(&self, url: &str, page: &Page, extra: &[(&str, &str)]) -> (String, Answer) {
        let mut fields: Vec<(String, String)> =
            self.choose(page).into_iter().filter(|(n, _)| !extra.iter().any(|(e, _)| e == n)).collect();
        fields.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let target = join(url, page.action.as_deref().unwrap_or(""));
        let answer = self.fetch(&target, Some(&fields), None).await;
        (target, answer)
    }

    fn write(&self, path: &Option<PathBuf>, text: &str, what: &str) -> anyhow::Result<()> {
        let path = path.as_ref().with_context(|| format!("no --code-file for {what}"))?;
        std::fs::write(path, text).with_context(|| format!("cannot write {what} to {}", path.display()))
    }

    async fn open(&self, url: &str) -> anyhow::Result<()> {
        let action = self.options.action;
        self.log(&format!("open {url} action={}", action.name()));
        let path = Url::parse(url).map(|u| u.path().to_string()).unwrap_or_default();
        if path.contains("/marketplace/") {
            let answer = self.get(url).await;
            self.log(&format!("GET back office status={}", answer.status));
            return Ok(());
        }
        if action == Action::Nothing {
            return Ok(());
        }
        if path.trim_end_matches('/').ends_with("/connections") || path.ends_with("/zelty-bridge/connect") {
            return self.walk_bridge(url, &path).await;
        }
        if !path.contains("/authorize") {
            let answer = self.get(url).await;
            self.log(&format!("GET page status={}", answer.status));
            return Ok(());
        }
        self.authorize(url).await?;
        Ok(())
    }

    /// Answers a consent page; the callback address and its answer once the callback was
    /// opened, else `None`.
    async fn authorize(&self, url: &str) -> anyhow::Result<Option<(String, Answer)>> {
        let action = self.options.action;
        if let Some(error) = &self.options.callback_error {
            let request: HashMap<String, String> =
                Url::parse(url).map(|u| u.query_pairs().into_owned().collect()).unwrap_or_default();
            let redirect = request.get("redirect_uri").cloned().unwrap_or_default();
            let state = request.get("state").cloned().unwrap_or_default();
            let opened = self.get(&with_query(&redirect, &[("error", error), ("state", &state)])).await;
            self.log(&format!("GET callback with an error status={}", opened.status));
            return Ok(None);
        }
        let answer = self.get(url).await;
        self.log(&format!("GET authorize status={}", answer.status));
        if let (true, Some(location)) = (answer.redirected(), &answer.location) {
            // Sent on at once (a server that asks nothing): the browser follows.
            let followed = self.get(&join(url, location)).await;
            self.log(&format!("GET redirect {} status={}", join(url, location), followed.status));
            return Ok(None);
        }
        if answer.status != 200 {
            return Ok(None);
        }
        let form = Page::parse(&answer.body);
        let fields = self.choose(&form);
        let callback = form.field("redirect_uri").unwrap_or_default().to_string();
        if action == Action::WrongState && callback.starts_with("http") {
            let tampered = format!("tampered-{}", random_hex(4));
            let bad = self.get(&with_query(&callback, &[("code", &random_hex(16)), ("state", &tampered)])).await;
            let verdict = if bad.status != 200 { "ok" } else { "FAIL: accepted" };
            self.log(&format!("wrong-state callback status={} {verdict}", bad.status));
        }
        if action == Action::Flood && callback.starts_with("http") {
            self.flood(&callback).await;
        }
        let decision = if action == Action::Deny { "deny" } else { "allow" };
        let button = form.buttons.get(decision).cloned().unwrap_or_else(|| "decision".into());
        let names: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
        self.log(&format!("submit decision={decision} fields={}", names.join(",")));
        let target = join(url, form.action.as_deref().unwrap_or(""));
        let mut submitted = fields.clone();
        submitted.push((button, decision.into()));
        let answer = self.fetch(&target, Some(&submitted), None).await;
        self.log(&format!("POST authorize status={}", answer.status));
        if answer.status == 200 {
            let shown = Page::parse(&answer.body);
            let code = shown.codes.get("code").filter(|c| !c.is_empty());
            self.log(&format!("oob page code={}", if code.is_some() { "shown" } else { "missing" }));
            // A person copies the code shown; tests read it from this file.
            if let (Some(code), Some(_)) = (code, &self.options.code_file) {
                self.write(&self.options.code_file, code, "the code")?;
            }
            return Ok(None);
        }
        let Some(location) = answer.location else { return Ok(None) };
        if action == Action::StopBeforeCallback {
            self.write(&self.options.code_file, &location, "the redirect address")?;
            self.log("stopped before the callback");
            return Ok(None);
        }
        if action == Action::SpendCode {
            self.spend(&target, &location).await?;
        }
        let opened = self.get(&location).await;
        self.log(&format!("GET callback {location} status={}", opened.status));
        if action == Action::Replay {
            let again = self.get(&location).await;
            self.log(&format!("replay callback status={}", again.status));
        }
        Ok(Some((location, opened)))
    }

    /// 200 bogus requests at the callback, in parallel, before the real one.
    async fn flood(&self, callback: &str) {
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..200 {
            let url = if i % 2 == 1 {
                with_query(callback, &[("code", &random_hex(16)), ("state", &random_hex(8))])
            } else {
                with_query(callback, &[("error", "access_denied"), ("state", "x")])
            };
            let http = self.http.clone();
            tasks.spawn(async move { http.get(&url).send().await.map(|r| r.status().as_u16()).unwrap_or(0) });
        }
        let statuses: Vec<u16> = tasks.join_all().await;
        let answered = statuses.iter().filter(|s| **s != 0).count();
        let success = statuses.iter().filter(|s| **s == 200).count();
        self.log(&format!("flood sent={} answered={answered} success={success}", statuses.len()));
    }

    /// Uses the code before the app does, as a stolen or double-submitted code would be.
    async fn spend(&self, authorize_url: &str, callback: &str) -> anyhow::Result<()> {
        let code = Url::parse(callback)
            .ok()
            .and_then(|u| u.query_pairs().find(|(k, _)| k == "code").map(|(_, v)| v.to_string()))
            .unwrap_or_default();
        // zelty-bridge keeps its secrets out of the browser's environment: the client comes
        // from a file.
        let path = self.options.client_file.as_ref().context("spend-code needs the client file")?;
        let client = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
        let auth = format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(client.trim()));
        let base = authorize_url.rsplit_once("/authorize").map_or(authorize_url, |(b, _)| b);
        let answer = self.fetch(&format!("{base}/token"), Some(&[("code".into(), code)]), Some(&auth)).await;
        self.log(&format!("spend-code token status={}", answer.status));
        Ok(())
    }

    async fn page_of(&self, url: &str) -> (Answer, Page) {
        let answer = self.get(url).await;
        let page = Page::parse(&answer.body);
        (answer, page)
    }

    fn zelty_key(&self) -> Option<String> {
        let text = std::fs::read_to_string(self.options.zelty_key_file.as_ref()?).ok()?;
        Some(text.lines().next()?.trim().to_string()).filter(|k| !k.is_empty())
    }

    /// CONNEXIONS > Voir les apps disponibles > Zelty Bridge > Connecter > Autoriser >
    /// Clé API > Terminer la configuration > Enregistrer.
    async fn walk_bridge(&self, url: &str, path: &str) -> anyhow::Result<()> {
        let action = self.options.action;
        let mut url = url.to_string();
        if path.trim_end_matches('/').ends_with("/connections") {
            let (answer, mut page) = self.page_of(&url).await;
            self.log(&format!("GET connections status={}", answer.status));
            if matches!(action, Action::DisconnectBridge | Action::BlockBridge) {
                return self.bridge_action(&url, answer).await;
            }
            for step in ["see-apps", "zelty-bridge", "connect"] {
                let Some(link) = page.links.get(step) else {
                    self.log(&format!("bridge no link {step}"));
                    return Ok(());
                };
                url = join(&url, link);
                if step == "connect" {
                    break;
                }
                let (answer, next) = self.page_of(&url).await;
                self.log(&format!("GET {step} status={}", answer.status));
                page = next;
            }
        }
        let answer = self.get(&url).await;
        self.log(&format!("GET connect status={}", answer.status));
        let Some(authorize_url) = answer.location.map(|l| join(&url, &l)) else { return Ok(()) };
        let Some((callback, landed)) = self.authorize(&authorize_url).await? else { return Ok(()) };
        let Some(configuration) = landed.location.as_deref().map(|l| join(&callback, l)) else {
            self.log(&format!("bridge not configured status={}", landed.status));
            return Ok(());
        };
        let (answer, page) = self.page_of(&configuration).await;
        self.log(&format!("GET configuration status={}", answer.status));
        if page.field("api_key").is_none() {
            self.log("bridge no key field");
            return Ok(());
        }
        let Some(key) = self.zelty_key() else {
            self.log("bridge waiting at the key page (no key)");
            return Ok(());
        };
        let (target, answer) = self.submit(&configuration, &page, &[("api_key", &key)]).await;
        self.log(&format!("POST key status={}", answer.status));
        if !answer.redirected() {
            let refused = Page::parse(&answer.body).ids.contains("error");
            self.log(&if refused {
                "bridge key refused".into()
            } else {
                format!("bridge key page status={}", answer.status)
            });
            return Ok(());
        }
        let options_url = join(&target, answer.location.as_deref().unwrap_or(""));
        let (answer, page) = self.page_of(&options_url).await;
        self.log(&format!("GET options status={}", answer.status));
        let (target, answer) = self.submit(&options_url, &page, &[]).await;
        self.log(&format!("POST save status={}", answer.status));
        if answer.redirected() {
            let (saved, page) = self.page_of(&join(&target, answer.location.as_deref().unwrap_or(""))).await;
            self.log(&if page.ids.contains("notice") {
                "bridge saved".into()
            } else {
                format!("bridge save page status={}", saved.status)
            });
        }
        Ok(())
    }

    /// Actions > Déconnecter (then Confirmer) or Bloquer on Zelty Bridge's row (on the
    /// location told, else the first).
    async fn bridge_action(&self, url: &str, connections: Answer) -> anyhow::Result<()> {
        let block = self.options.action == Action::BlockBridge;
        for row in connections.body.split("<tr ").skip(1) {
            if !row.starts_with("data-app=\"Zelty Bridge\"") {
                continue;
            }
            if let Some(wanted) = &self.options.location
                && !row.contains(&format!("data-location=\"{wanted}\""))
            {
                continue;
            }
            let form = Page::parse(&format!("<tr {}", row.split("</tr>").next().unwrap_or(row)));
            let verb = if block { "block" } else { "disconnect" };
            let (target, answer) = self.submit(url, &form, &[("action", verb)]).await;
            self.log(&format!("POST {verb} status={}", answer.status));
            if !block && answer.status == 200 {
                let confirm = Page::parse(&answer.body);
                let (_, answer) = self.submit(&target, &confirm, &[("confirm", "yes")]).await;
                self.log(&format!("POST confirm status={}", answer.status));
            }
            return Ok(());
        }
        self.log("bridge no row");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_form_is_read_like_a_browser() {
        let html = "<a id=\"see-apps\" href=\"/apps?locale=fr-FR&amp;x=1\">Voir</a>\n<form id=\"f\" method=\"post\" action=\"/a\">\n<input type=\"hidden\" name=\"state\" value=\"&quot;s&quot;\">\n<select id=\"location_id\" name=\"location_id\"><option value=\"l0\" selected>P</option><option value=\"l1\">L</option></select>\n<input type=\"checkbox\" name=\"on1\" value=\"on\" checked> <input type=\"checkbox\" name=\"off1\" value=\"on\">\n<button type=\"submit\" name=\"decision\" value=\"allow\">A</button></form><form action=\"/b\"><input name=\"second\" value=\"x\"></form><code id=\"code\">c&amp;d</code>";
        let page = Page::parse(html);
        assert_eq!(page.links["see-apps"], "/apps?locale=fr-FR&x=1");
        assert_eq!(page.action.as_deref(), Some("/a"));
        let fields = [("state".to_string(), "\"s\"".to_string()), ("on1".into(), "on".into())];
        assert_eq!(page.fields, fields);
        assert_eq!(page.selects, [("location_id".to_string(), vec![("l0".to_string(), true), ("l1".into(), false)])]);
        assert_eq!(page.buttons["allow"], "decision");
        assert_eq!(page.codes["code"], "c&d");
        assert!(page.ids.contains("f") && page.ids.contains("location_id"));
        let log = Log(None);
        let options = ClickOptions { location: Some("l1".into()), ..ClickOptions::default() };
        let browser = Browser::new(options, log).unwrap();
        assert_eq!(browser.choose(&page).last().unwrap(), &("location_id".to_string(), "l1".to_string()));
    }

    #[test]
    fn codes_are_masked_in_the_log() {
        let line = redact("GET callback http://127.0.0.1:5/cb?code=s3cr3t&state=x status=200");
        assert!(!line.contains("s3cr3t") && line.contains("state=x") && line.contains("code=***"), "{line}");
        assert_eq!(redact("oob page code=shown"), "oob page code=shown");
    }

    #[test]
    fn every_action_has_its_name() {
        for name in ACTIONS {
            assert_eq!(Action::from_name(name).map(Action::name), Some(name));
        }
        assert_eq!(Action::from_name("dance"), None);
    }
}
