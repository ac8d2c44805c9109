//! The fake Zelty end to end: keys, restaurants, its documented errors, rate limit, back
//! office.

use super::*;
use crate::ids;
use serde_json::json;

async fn restaurants(sb: &Sandbox, key: Option<&str>) -> Response {
    let mut req = client().get(format!("{}/restaurants", sb.endpoints.zelty_api));
    if let Some(key) = key {
        req = req.bearer_auth(key);
    }
    req.send().await.unwrap()
}

#[tokio::test]
async fn keys_see_their_restaurants() {
    let sb = super::super::start(SandboxConfig { restaurants: 3, ..SandboxConfig::default() }).await.unwrap();
    let demo = json(restaurants(&sb, Some(&sb.demo().demo_key())).await).await;
    assert_eq!(
        (demo["errno"].as_i64(), demo["restaurants"][0]["id"].as_i64(), demo["restaurants"][0]["name"].as_str()),
        (Some(0), Some(12345), Some("Bella Pizza Paris"))
    );
    let multi = json(restaurants(&sb, Some(&sb.multi_key())).await).await;
    assert_eq!(multi["restaurants"].as_array().unwrap().len(), 3);
    let keys = sb.keys();
    assert_eq!(keys.iter().map(|k| k.0).collect::<Vec<_>>(), [12345, 20001, 20002, 20003]);
    assert_eq!(json(restaurants(&sb, Some(&keys[3].1)).await).await["restaurants"][0]["id"], 20003);
    let listed =
        json(client().get(format!("{}/_sandbox/keys", sb.endpoints.hubrise_manager)).send().await.unwrap()).await;
    assert_eq!(listed[1], json!({ "restaurant_id": 20001, "key": keys[1].1 }));
    assert_eq!(client().get(format!("{}/nothing", sb.endpoints.zelty_api)).send().await.unwrap().status(), 404);
}

/// Zelty's reference: a wrong or revoked key is 403 errno 5 (not 401), an unknown API
/// version 400 errno 4, an unknown endpoint 404 errno 2.
#[tokio::test]
async fn zelty_errors_are_the_documented_ones() {
    let sb = sandbox().await;
    for key in [None, Some("bm9wZTpub3Blbm9wZW5vcGVub3Bl"), Some("")] {
        let r = restaurants(&sb, key).await;
        assert_eq!(r.status(), 403, "{key:?}");
        assert_eq!(json(r).await, json!({ "errno": 5, "errmsg": "Clef d'API incorrecte ou révoquée" }));
    }
    let old = sb.endpoints.zelty_api.replace("/2.10", "/1.0");
    for path in ["restaurants", "webhooks"] {
        let r = client().get(format!("{old}/{path}")).bearer_auth(sb.demo().demo_key()).send().await.unwrap();
        assert_eq!(r.status(), 400, "{path}");
        assert_eq!(json(r).await["errno"], 4);
    }
    let r = client().get(format!("{}/nothing", sb.endpoints.zelty_api)).send().await.unwrap();
    assert_eq!((r.status().as_u16(), json(r).await["errno"].clone()), (404, json!(2)));
}

/// One request a second per key (Zelty's published limit), on every endpoint; another
/// key is not held back.
#[tokio::test]
async fn zelty_rate_limit_is_one_a_second_per_key() {
    let sb = super::super::start(SandboxConfig { rate_limits: true, ..SandboxConfig::default() }).await.unwrap();
    let key = sb.demo().demo_key();
    for path in ["restaurants", "webhooks"] {
        // Three in a row: a second boundary may fall between two of them, not between all.
        let mut statuses = Vec::new();
        for _ in 0..3 {
            let r = client().get(format!("{}/{path}", sb.endpoints.zelty_api)).bearer_auth(&key).send().await.unwrap();
            statuses.push(r.status().as_u16());
            if r.status() == 429 {
                assert!(r.headers().get("retry-after").is_none(), "Zelty documents no Retry-After");
                assert!(r.text().await.unwrap().contains("Too many requests"));
            }
        }
        assert!(statuses.contains(&429), "{path}: {statuses:?}");
    }
    assert_eq!(restaurants(&sb, Some(&sb.multi_key())).await.status(), 200);
}

#[tokio::test]
async fn the_back_office_shows_the_key_once() {
    let sb =
        super::super::start(SandboxConfig { lang: crate::i18n::Lang::Fr, ..SandboxConfig::default() }).await.unwrap();
    let status = format!("{}/marketplace/hubrise-v2/status", sb.endpoints.zelty_bo);
    let page = client().get(&status).send().await.unwrap().text().await.unwrap();
    assert!(
        page.contains("Marketplace &gt; Hubrise V2")
            && page.contains(">Activer</button>")
            && !page.contains(&sb.demo().demo_key())
    );
    let activated =
        client().post(format!("{}/marketplace/hubrise-v2/activate", sb.endpoints.zelty_bo)).send().await.unwrap();
    assert_eq!(activated.status(), 303);
    let page = client().get(&status).send().await.unwrap().text().await.unwrap();
    assert!(page.contains(&format!("<code id=\"api-key\">{}</code>", sb.demo().demo_key())));
    let page = client().get(&status).send().await.unwrap().text().await.unwrap();
    assert!(
        !page.contains(&sb.demo().demo_key())
            && page.contains(&ids::masked_key(&sb.demo().demo_key()))
            && page.contains("Désactiver")
    );
    client().post(format!("{}/marketplace/hubrise-v2/deactivate", sb.endpoints.zelty_bo)).send().await.unwrap();
    assert_eq!(restaurants(&sb, Some(&sb.demo().demo_key())).await.status(), 403);
    client().post(format!("{}/marketplace/hubrise-v2/activate", sb.endpoints.zelty_bo)).send().await.unwrap();
    assert_eq!(restaurants(&sb, Some(&sb.demo().demo_key())).await.status(), 200);
}

#[tokio::test]
async fn the_facts_are_printed_for_shells_and_tests() {
    let sb = sandbox().await;
    let lines = sb.env_lines();
    for var in [
        "HUBRISE_OAUTH_URL",
        "HUBRISE_API_URL",
        "HUBRISE_MANAGER_URL",
        "ZELTY_API_URL",
        "ZELTY_BO_URL",
        "CLIENT_ID",
        "CLIENT_SECRET",
    ] {
        assert!(
            lines.contains(&format!("export ZELTY_BRIDGE_{var}=http"))
                || lines.contains(&format!("export ZELTY_BRIDGE_{var}=")),
            "{var}"
        );
    }
    assert!(lines.contains(&format!("# demo Zelty key: {}", sb.demo().demo_key())));
    // Ready-made tokens for the CI path, minted without the test controls: they work.
    let token_of = |var: &str| {
        let prefix = format!("export {var}=");
        lines
            .lines()
            .find_map(|l| l.strip_prefix(prefix.as_str()))
            .unwrap_or_else(|| panic!("{var} in {lines}"))
            .to_string()
    };
    let (location, account) = (token_of("HUBRISE_ACCESS_TOKEN"), token_of("HUBRISE_ACCOUNT_TOKEN"));
    assert_eq!(json(api_get(&sb, "/location", &location).await).await["id"], "3r4s3-0");
    assert_eq!(api_get(&sb, "/account", &account).await.status(), 200);
    assert_eq!(api_get(&sb, "/location", &account).await.status(), 403);
    assert!(sb.endpoints.hubrise_oauth.starts_with("http://127.0.0.1:") && sb.endpoints.zelty_api.ends_with("/2.10"));
    let j = sb.to_json();
    assert_eq!(j["demo_key"], sb.demo().demo_key().as_str());
    assert_eq!(j["keys"].as_array().unwrap().len(), 2);
    assert_eq!(j["env"]["ZELTY_BRIDGE_ZELTY_API_URL"], sb.endpoints.zelty_api.as_str());
    assert_eq!(
        (j["tokens"]["location"].as_str(), j["tokens"]["account"].as_str()),
        (Some(location.as_str()), Some(account.as_str()))
    );
    assert_eq!(j["bridge_app"]["client_name"], "Zelty Bridge");
    // Fixed across processes.
    let other = sandbox().await;
    assert_eq!(
        (other.client_id.as_str(), other.client_secret.as_str(), other.demo().demo_key()),
        (sb.client_id.as_str(), sb.client_secret.as_str(), sb.demo().demo_key())
    );
}
