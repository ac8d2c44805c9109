//! The fake Zelty end to end: keys, restaurants, 401, rate limit, back office.

use super::*;
use crate::sandbox::ids;
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
    let demo = json(restaurants(&sb, Some(&sb.demo_key)).await).await;
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
    for key in [None, Some("bm9wZTpub3Blbm9wZW5vcGVub3Bl"), Some("")] {
        let r = restaurants(&sb, key).await;
        assert_eq!(r.status(), 401);
        assert_eq!(json(r).await, json!({ "errno": 401, "message": "Unauthorized" }));
    }
    assert_eq!(client().get(format!("{}/nothing", sb.endpoints.zelty_api)).send().await.unwrap().status(), 404);
}

#[tokio::test]
async fn zelty_rate_limit_is_about_ten_a_second() {
    let sb = super::super::start(SandboxConfig { rate_limits: true, ..SandboxConfig::default() }).await.unwrap();
    let mut statuses = Vec::new();
    for _ in 0..25 {
        let r = restaurants(&sb, Some(&sb.demo_key)).await;
        statuses.push(r.status().as_u16());
        if r.status() == 429 {
            assert_eq!(r.headers()["retry-after"], "1");
            assert!(r.text().await.unwrap().contains("Too many requests"));
        }
    }
    assert!(statuses.contains(&429), "{statuses:?}");
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
            && !page.contains(&sb.demo_key)
    );
    let activated =
        client().post(format!("{}/marketplace/hubrise-v2/activate", sb.endpoints.zelty_bo)).send().await.unwrap();
    assert_eq!(activated.status(), 303);
    let page = client().get(&status).send().await.unwrap().text().await.unwrap();
    assert!(page.contains(&format!("<code id=\"api-key\">{}</code>", sb.demo_key)));
    let page = client().get(&status).send().await.unwrap().text().await.unwrap();
    assert!(
        !page.contains(&sb.demo_key) && page.contains(&ids::masked_key(&sb.demo_key)) && page.contains("Désactiver")
    );
    client().post(format!("{}/marketplace/hubrise-v2/deactivate", sb.endpoints.zelty_bo)).send().await.unwrap();
    assert_eq!(restaurants(&sb, Some(&sb.demo_key)).await.status(), 401);
    client().post(format!("{}/marketplace/hubrise-v2/activate", sb.endpoints.zelty_bo)).send().await.unwrap();
    assert_eq!(restaurants(&sb, Some(&sb.demo_key)).await.status(), 200);
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
    assert!(lines.contains(&format!("# demo Zelty key: {}", sb.demo_key)));
    assert!(sb.endpoints.hubrise_oauth.starts_with("http://127.0.0.1:") && sb.endpoints.zelty_api.ends_with("/2.10"));
    let j = sb.to_json();
    assert_eq!(j["demo_key"], sb.demo_key.as_str());
    assert_eq!(j["keys"].as_array().unwrap().len(), 2);
    assert_eq!(j["env"]["ZELTY_BRIDGE_ZELTY_API_URL"], sb.endpoints.zelty_api.as_str());
    // Fixed across processes.
    let other = sandbox().await;
    assert_eq!(
        (other.client_id.as_str(), other.client_secret.as_str(), other.demo_key.as_str()),
        (sb.client_id.as_str(), sb.client_secret.as_str(), sb.demo_key.as_str())
    );
}
