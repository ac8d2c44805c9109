//! The fake HubRise authorization pages (https://www.hubrise.com/developers/api/authentication):
//! request checks for the two clients it knows (the CLI's and Zelty Bridge's), the consent
//! page and its form, and the redirect (or OOB page) with a code. A refusal comes back
//! without `state`, as documented, unless a test asks for it.

use super::data::{ACCOUNT_NAME, CUSTOMER_LIST_ID, CUSTOMER_LIST_NAME, World};
use super::pages::{self, Consent};
use super::scope::{self, Level, Scope};
use super::state::{Client, Grant, Shared, Target};
use crate::i18n::{Lang, Text, Web};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::collections::HashMap;
use std::sync::Arc;

pub fn routes() -> Router<Arc<Shared>> {
    Router::new().route("/oauth2/v1/authorize", get(authorize_page).post(authorize_decision))
}

/// Request parameters, first occurrence winning, from a query or a form body.
pub fn params(raw: &[u8]) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for (k, v) in url::form_urlencoded::parse(raw) {
        map.entry(k.into_owned()).or_insert_with(|| v.into_owned());
    }
    map
}

/// A valid authorization request.
struct Request {
    client: Client,
    redirect_uri: String,
    scope: Scope,
    state: Option<String>,
    device_id: Option<String>,
    /// PKCE (RFC 7636): only the S256 method is taken.
    code_challenge: Option<String>,
}

fn check(s: &Shared, p: &HashMap<String, String>) -> Result<Request, Text> {
    let get =
        |name: &'static str| p.get(name).filter(|v| !v.is_empty()).ok_or_else(|| Web::ErrMissing.with("name", name));
    let client = Client::from_id(get("client_id")?).ok_or_else(|| Web::ErrClient.text())?;
    let redirect_uri = get("redirect_uri")?;
    let allowed = match client {
        Client::Cli => scope::redirect_allowed(redirect_uri, s.options().loopback_redirects),
        // An App's redirect URI is registered with its client: only its own callback.
        Client::Bridge => *redirect_uri == super::bridge::callback_url(&s.endpoints.hubrise_manager),
    };
    if !allowed {
        return Err(Web::ErrRedirect.with("uri", redirect_uri));
    }
    let text = get("scope")?;
    // A scope without an access level is a login, which this sandbox does not fake.
    let scope = Scope::parse(text).filter(|sc| sc.level.is_some()).ok_or_else(|| Web::ErrScope.with("scope", text))?;
    let device_id = p.get("device_id").filter(|d| !d.is_empty()).cloned();
    if let Some(d) = device_id.as_deref().filter(|d| !scope::device_id_valid(d)) {
        return Err(Web::ErrDevice.with("device", d));
    }
    let code_challenge = p.get("code_challenge").filter(|c| !c.is_empty()).cloned();
    if code_challenge.is_some() && p.get("code_challenge_method").map(String::as_str) != Some("S256") {
        return Err(Web::ErrMissing.with("name", "code_challenge_method=S256"));
    }
    Ok(Request {
        client,
        redirect_uri: redirect_uri.clone(),
        scope,
        state: p.get("state").cloned(),
        device_id,
        code_challenge,
    })
}

fn permission_lines(lang: Lang, scope: &Scope) -> Vec<String> {
    let mut lines: Vec<String> = scope
        .permissions
        .iter()
        .map(|(resource, access)| {
            let name = match resource.as_str() {
                "orders" => Web::ResOrders,
                "customer_list" => Web::ResCustomerList,
                "catalog" => Web::ResCatalog,
                "inventory" => Web::ResInventory,
                "all_customer_lists" => Web::ResAllCustomerLists,
                _ => Web::ResAllCatalogs,
            };
            let line = if access == "write" { Web::PermWrite } else { Web::PermRead };
            line.with("resource", name.render(lang)).render(lang)
        })
        .collect();
    match scope.profile.as_deref() {
        Some("profile") => lines.push(Web::ResProfile.render(lang)),
        Some(_) => lines.push(Web::ResProfileEmail.render(lang)),
        None => {}
    }
    lines
}

fn catalog_choices(lang: Lang, world: &World) -> Vec<pages::Choice> {
    let account = (world.account_catalog_id.clone(), Web::CatalogOfAccount.with("name", ACCOUNT_NAME).render(lang));
    let own = world.locations.iter().map(|l| {
        let name = world.catalog_name(&l.catalog_id).unwrap_or_default();
        (l.catalog_id.clone(), Web::CatalogOfLocation.with("name", name).with("location", &l.name).render(lang))
    });
    std::iter::once(account).chain(own).collect()
}

/// The page's language: `?locale=` when given (as back-office links carry it), else the
/// sandbox's.
pub fn lang_of(s: &Shared, p: &HashMap<String, String>) -> Lang {
    p.get("locale").map_or(s.lang, |l| Lang::from_locale(l))
}

async fn authorize_page(State(s): State<Arc<Shared>>, RawQuery(query): RawQuery) -> Response {
    let p = params(query.unwrap_or_default().as_bytes());
    let lang = lang_of(&s, &p);
    let req = match check(&s, &p) {
        Ok(r) => r,
        Err(why) => return pages::bad_request(lang, why),
    };
    let mut hidden = vec![
        ("client_id", req.client.id().to_string()),
        ("redirect_uri", req.redirect_uri.clone()),
        ("scope", p["scope"].clone()),
    ];
    hidden.extend(req.state.clone().map(|v| ("state", v)));
    hidden.extend(req.device_id.clone().map(|v| ("device_id", v)));
    if let Some(challenge) = &req.code_challenge {
        hidden.extend([("code_challenge", challenge.clone()), ("code_challenge_method", "S256".into())]);
    }
    hidden.extend(p.get("locale").map(|v| ("locale", v.clone())));
    let world = &s.world;
    let consent = Consent {
        app: req.client.name(),
        account: ACCOUNT_NAME,
        scope: p["scope"].clone(),
        read_only: req.scope.read_only(),
        permissions: permission_lines(lang, &req.scope),
        hidden,
        locations: (req.scope.level == Some(Level::Location))
            .then(|| world.locations.iter().map(|l| (l.id.clone(), l.name.clone())).collect()),
        catalogs: req.scope.binds_catalog().then(|| catalog_choices(lang, world)),
        customer_lists: req
            .scope
            .binds_customer_list()
            .then(|| vec![(CUSTOMER_LIST_ID.to_string(), CUSTOMER_LIST_NAME.to_string())]),
    };
    pages::consent(lang, &consent)
}

fn redirect(uri: &str, pairs: &[(&str, &str)]) -> Response {
    let mut url = match url::Url::parse(uri) {
        Ok(u) => u,
        Err(_) => return StatusCode::BAD_REQUEST.into_response(),
    };
    url.query_pairs_mut().extend_pairs(pairs);
    (StatusCode::FOUND, [(header::LOCATION, url.to_string())]).into_response()
}

async fn authorize_decision(State(s): State<Arc<Shared>>, body: Bytes) -> Response {
    let p = params(&body);
    let lang = lang_of(&s, &p);
    let req = match check(&s, &p) {
        Ok(r) => r,
        Err(why) => return pages::bad_request(lang, why),
    };
    let state: Vec<(&str, &str)> = req.state.as_deref().map(|st| ("state", st)).into_iter().collect();
    match p.get("decision").map(String::as_str) {
        Some("deny") if req.redirect_uri == scope::OOB => pages::oob_denied(lang),
        Some("deny") => {
            let mut pairs = vec![("error", "access_denied")];
            if s.options().state_on_error {
                pairs.extend(state);
            }
            redirect(&req.redirect_uri, &pairs)
        }
        Some("allow") => match grant(&s, &req, &p) {
            Err(name) => pages::bad_request(lang, Web::ErrChoice.with("name", name)),
            Ok(grant) => {
                let code = s.new_code(grant);
                if req.redirect_uri == scope::OOB {
                    return pages::oob_code(lang, &code);
                }
                let mut pairs = vec![("code", code.as_str())];
                pairs.extend(state);
                redirect(&req.redirect_uri, &pairs)
            }
        },
        _ => pages::bad_request(lang, Web::ErrChoice.with("name", "decision")),
    }
}

/// What the person chose, checked; `Err` names the bad field.
fn grant(s: &Shared, req: &Request, p: &HashMap<String, String>) -> Result<Grant, &'static str> {
    let world = &s.world;
    let target = match req.scope.level {
        Some(Level::Location) => {
            let id = p.get("location_id").ok_or("location_id")?;
            Target::Location(world.location_index(id).ok_or("location_id")?)
        }
        _ => Target::Account,
    };
    let catalog_id = match req.scope.binds_catalog() {
        false => None,
        true => {
            let id = p.get("catalog_id").ok_or("catalog_id")?;
            let owner = world.catalog_owner(id).map_err(|_| "catalog_id")?;
            // A location may use its own catalog or the account's, not another location's.
            if let (Some(owner), Target::Location(n)) = (owner, &target)
                && owner.id != world.locations[*n].id
            {
                return Err("catalog_id");
            }
            Some(id.clone())
        }
    };
    let customer_list_id = match req.scope.binds_customer_list() {
        false => None,
        true => Some(p.get("customer_list_id").filter(|id| *id == CUSTOMER_LIST_ID).ok_or("customer_list_id")?.clone()),
    };
    Ok(Grant {
        client: req.client,
        target,
        device_id: req.device_id.clone(),
        catalog_id,
        customer_list_id,
        issued_at: s.now(),
        code_challenge: req.code_challenge.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_keep_the_first_value() {
        let p = params(b"a=1&b=x+y&a=2&c=%5Bz%5D");
        assert_eq!((p["a"].as_str(), p["b"].as_str(), p["c"].as_str()), ("1", "x y", "[z]"));
    }
}
