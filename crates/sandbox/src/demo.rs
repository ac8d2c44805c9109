//! The demo hook: what a person would do in the sandbox's pages, done over HTTP by the
//! sandbox itself, for `--sandbox` runs without a browser (and for tests): the demo Zelty
//! key, the consent page of the CLI's client, and Zelty Bridge's connection in the back
//! office (Connecter > Autoriser > Clé API > Terminer la configuration > Enregistrer, or,
//! where it is already configured, its options > Enregistrer), its disconnection and its
//! blocking. It reads the same pages a browser gets, so a page that
//! lost a link or a button breaks it.

use super::data;
use super::state::Shared;
use anyhow::{Context as _, bail};
use reqwest::{Response, StatusCode};
use std::sync::Arc;
use std::time::Duration;
use zelty_bridge_endpoints::Endpoints;

/// Zelty Bridge refused the key at « Terminer la configuration ».
#[derive(Debug, thiserror::Error)]
#[error("Zelty Bridge refused the Zelty API key: it is wrong or was revoked")]
pub struct BridgeKeyRefused;

#[derive(Clone)]
pub struct Demo {
    shared: Arc<Shared>,
    endpoints: Endpoints,
    /// One client for every page: building one loads the system's TLS roots.
    http: reqwest::Client,
}

/// The value of `attr` on the element whose `id` is `id`, unescaped.
fn attr_by_id(html: &str, id: &str, attr: &str) -> Option<String> {
    let at = html.find(&format!("id=\"{id}\""))?;
    let start = html[..at].rfind('<')?;
    let end = at + html[at..].find('>')?;
    attr_in(&html[start..end], attr)
}

fn attr_in(tag: &str, attr: &str) -> Option<String> {
    let from = tag.find(&format!(" {attr}=\""))? + attr.len() + 3;
    let value = &tag[from..from + tag[from..].find('"')?];
    Some(
        value
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"),
    )
}

/// What a browser sends for the page's ticked checkboxes and its selects' chosen options.
fn chosen_fields(html: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = html
        .split("<input ")
        .skip(1)
        .filter_map(|rest| {
            let tag = format!(" {}", &rest[..rest.find('>')?]);
            (tag.contains("type=\"checkbox\"") && tag.contains(" checked"))
                .then(|| Some((attr_in(&tag, "name")?, attr_in(&tag, "value").unwrap_or_else(|| "on".into()))))?
        })
        .collect();
    for select in html.split("<select ").skip(1) {
        let Some(name) = select.find('>').and_then(|end| attr_in(&format!(" {}", &select[..end]), "name")) else {
            continue;
        };
        let body = &select[..select.find("</select>").unwrap_or(select.len())];
        let options: Vec<&str> = body.split("<option ").skip(1).collect();
        let chosen = options.iter().find(|o| o[..o.find('>').unwrap_or(0)].contains(" selected")).or(options.first());
        if let Some(value) = chosen.and_then(|o| attr_in(&format!(" {}", &o[..o.find('>')?]), "value")) {
            out.push((name, value));
        }
    }
    out
}

/// The hidden fields of the page's forms, in order.
fn hidden_fields(html: &str) -> Vec<(String, String)> {
    html.split("<input ")
        .skip(1)
        .filter_map(|rest| {
            let tag = &rest[..rest.find('>')?];
            if !tag.contains("type=\"hidden\"") {
                return None;
            }
            Some((attr_in(&format!(" {tag}"), "name")?, attr_in(&format!(" {tag}"), "value").unwrap_or_default()))
        })
        .collect()
}

impl Demo {
    pub(super) fn new(shared: Arc<Shared>, endpoints: Endpoints) -> anyhow::Result<Demo> {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .timeout(Duration::from_secs(15))
            .build()
            .context("sandbox: cannot make an HTTP client")?;
        Ok(Demo { shared, endpoints, http })
    }

    /// The Zelty key that Enter takes at the key prompt under `--sandbox`.
    pub fn demo_key(&self) -> String {
        self.shared.world.demo_key.clone()
    }

    fn url(&self, path_or_url: &str) -> String {
        if path_or_url.starts_with("http") {
            path_or_url.to_string()
        } else {
            format!("{}{path_or_url}", self.endpoints.hubrise_manager)
        }
    }

    async fn get(&self, path_or_url: &str) -> anyhow::Result<Response> {
        let url = self.url(path_or_url);
        self.http.get(&url).send().await.with_context(|| format!("sandbox page {url} did not answer"))
    }

    async fn post(&self, path_or_url: &str, form: &[(String, String)]) -> anyhow::Result<Response> {
        let url = self.url(path_or_url);
        self.http.post(&url).form(form).send().await.with_context(|| format!("sandbox page {url} did not answer"))
    }

    async fn page(&self, path_or_url: &str) -> anyhow::Result<String> {
        let r = self.get(path_or_url).await?;
        if !r.status().is_success() {
            bail!("sandbox page {path_or_url} answered {}", r.status());
        }
        r.text().await.context("sandbox page unreadable")
    }

    fn redirect_of(r: &Response) -> anyhow::Result<String> {
        r.headers()
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
            .with_context(|| format!("sandbox answered {} without a redirect", r.status()))
    }

    /// Plays the person at the consent page of `authorize_url` (one of this sandbox's):
    /// loads it, submits the first location with Allow or Deny, and follows the redirect
    /// to the app's loopback callback, as a browser would.
    pub async fn consent(&self, authorize_url: &str, approve: bool) -> anyhow::Result<()> {
        let location = self.shared.world.locations[0].id.clone();
        match self.decide(authorize_url, &location, approve).await? {
            None => Ok(()), // the OOB page: the code is on it, for a person to copy
            Some(callback) => {
                self.http.get(&callback).send().await.context("the app's callback did not answer")?;
                Ok(())
            }
        }
    }

    /// Loads a consent page and submits it for `location_id`; the redirect it ends on,
    /// `None` for the installed-app (OOB) page.
    async fn decide(&self, authorize_url: &str, location_id: &str, approve: bool) -> anyhow::Result<Option<String>> {
        let page = self.page(authorize_url).await?;
        let mut form: Vec<(String, String)> =
            hidden_fields(&page).into_iter().filter(|(k, _)| k != "location_id" && k != "catalog_id").collect();
        form.push(("location_id".into(), location_id.into()));
        form.push(("catalog_id".into(), self.shared.world.account_catalog_id.clone()));
        if !form.iter().any(|(k, _)| k == "customer_list_id") {
            form.push(("customer_list_id".into(), data::CUSTOMER_LIST_ID.into()));
        }
        form.push(("decision".into(), if approve { "allow" } else { "deny" }.into()));
        let action = attr_by_id(&page, "consent", "action").context("no consent form on the page")?;
        let answer = self.post(&action, &form).await?;
        if answer.status() == StatusCode::OK {
            return Ok(None);
        }
        Self::redirect_of(&answer).map(Some)
    }

    /// Connects Zelty Bridge on `location_id` and configures it with `zelty_key`, as a
    /// person does in the back office: CONNEXIONS > Voir les apps disponibles > Zelty
    /// Bridge > Connecter > Autoriser (on that location) > Clé API > Terminer la
    /// configuration > Enregistrer, leaving the options as the page shows them. Where it is
    /// already configured, the app opens on its options: if they name the key's
    /// restaurant, Enregistrer; else « Réinitialiser la configuration », then the key. A
    /// refused key is a `BridgeKeyRefused` error.
    pub async fn configure_bridge_app(&self, location_id: &str, zelty_key: &str) -> anyhow::Result<()> {
        let connections = self.page("/connections").await?;
        let apps = self.page(&attr_by_id(&connections, "see-apps", "href").context("no « see apps » link")?).await?;
        let app = self.page(&attr_by_id(&apps, "zelty-bridge", "href").context("no Zelty Bridge in the apps")?).await?;
        let connect = attr_by_id(&app, "connect", "href").context("no « Connect » on Zelty Bridge's page")?;
        let authorize = Self::redirect_of(&self.get(&connect).await?)?;
        let callback = self.decide(&authorize, location_id, true).await?.context("no way back to Zelty Bridge")?;
        let configuration = Self::redirect_of(&self.get(&callback).await?)?;
        let mut page = self.page(&configuration).await?;
        if attr_by_id(&page, "api-key", "action").is_none() && !self.names_the_key(&page, zelty_key) {
            let reset = attr_by_id(&page, "reset", "href").context("no « Réinitialiser la configuration »")?;
            page = self.page(&Self::redirect_of(&self.get(&reset).await?)?).await?;
        }
        if let Some(key_form) = attr_by_id(&page, "api-key", "action") {
            let mut form = hidden_fields(&page);
            form.push(("api_key".into(), zelty_key.into()));
            let answer = self.post(&key_form, &form).await?;
            if answer.status() == StatusCode::UNPROCESSABLE_ENTITY {
                return Err(BridgeKeyRefused.into());
            }
            page = self.page(&Self::redirect_of(&answer)?).await?;
        }
        let save = attr_by_id(&page, "options", "action").context("no « Clé API » form nor « Enregistrer »")?;
        let mut form = hidden_fields(&page);
        form.extend(chosen_fields(&page));
        let saved = self.post(&save, &form).await?;
        if !saved.status().is_redirection() {
            bail!("Zelty Bridge's « Enregistrer » answered {}", saved.status());
        }
        Ok(())
    }

    /// Whether an options page says the app holds `zelty_key`'s restaurants.
    fn names_the_key(&self, page: &str, zelty_key: &str) -> bool {
        let Some(key) = self.shared.world.key(zelty_key) else { return false };
        let names = zelty_bridge_i18n::html::escape(&super::bridge::restaurants_of(key));
        page.split("id=\"key-accepted\"")
            .nth(1)
            .is_some_and(|p| p[..p.find("</p>").unwrap_or(p.len())].contains(&names))
    }

    /// CONNEXIONS > Zelty Bridge on `location_id` > Actions > Déconnecter (and Confirmer),
    /// or Bloquer when `block`. Disconnecting what is already disconnected does nothing.
    pub async fn disconnect_bridge_app(&self, location_id: &str, block: bool) -> anyhow::Result<()> {
        let page = self.page("/connections").await?;
        let marker = format!("data-app=\"Zelty Bridge\" data-location=\"{location_id}\"");
        let row = page
            .split("<tr ")
            .find(|row| row.starts_with(&marker))
            .with_context(|| format!("Zelty Bridge is not connected on location {location_id}"))?;
        let row = &row[..row.find("</tr>").unwrap_or(row.len())];
        let action = if block { "block" } else { "disconnect" };
        if !row.contains(&format!("value=\"{action}\"")) {
            if !block && row.contains("value=\"reconnect\"") {
                return Ok(());
            }
            bail!("Zelty Bridge on location {location_id} offers no « {action} »");
        }
        let mut form = hidden_fields(row);
        form.push(("action".into(), action.into()));
        let mut answer = self.post("/connections", &form).await?;
        if !block {
            // « Déconnecter » asks to confirm.
            let confirm = answer.text().await.context("sandbox confirmation unreadable")?;
            let mut form = hidden_fields(&confirm);
            form.push(("confirm".into(), "yes".into()));
            answer = self.post("/connections", &form).await?;
        }
        if !answer.status().is_redirection() {
            bail!("sandbox CONNEXIONS answered {}", answer.status());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_and_hidden_fields_are_read_like_a_browser() {
        let html = "<p><a id=\"see-apps\" href=\"/apps?locale=fr-FR&amp;x=1\">Voir</a></p>\n<form id=\"f\" method=\"post\" action=\"/a\">\n<input type=\"hidden\" name=\"state\" value=\"&quot;s&quot;\">\n<input id=\"k\" name=\"api_key\" type=\"password\">\n<input type=\"hidden\" name=\"locale\" value=\"fr-FR\">";
        assert_eq!(attr_by_id(html, "see-apps", "href").as_deref(), Some("/apps?locale=fr-FR&x=1"));
        assert_eq!(attr_by_id(html, "f", "action").as_deref(), Some("/a"));
        assert_eq!(attr_by_id(html, "nope", "href"), None);
        assert_eq!(
            hidden_fields(html),
            [("state".to_string(), "\"s\"".to_string()), ("locale".to_string(), "fr-FR".to_string())]
        );
        let options = "<p><input type=\"checkbox\" id=\"a\" name=\"a\" value=\"on\" checked> A</p>\n<p><input type=\"checkbox\" id=\"b\" name=\"b\" value=\"on\"> B</p>\n<select id=\"l\" name=\"language\"><option value=\"fr\">F</option><option value=\"en\" selected>E</option></select>";
        let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
        assert_eq!(chosen_fields(options), [pair("a", "on"), pair("language", "en")]);
    }
}
