//! The Zelty Bridge app end to end: the back office pages, its configuration with a Zelty
//! key, and what then shows in Zelty's webhooks and HubRise's orders; disconnecting,
//! blocking and resetting it.

use super::*;
use crate::BridgeKeyRefused;
use serde_json::json;

async fn webhooks(sb: &Sandbox, key: &str) -> Value {
    let r = client().get(format!("{}/webhooks", sb.endpoints.zelty_api)).bearer_auth(key).send().await.unwrap();
    assert_eq!(r.status(), 200);
    json(r).await
}

async fn page(sb: &Sandbox, path: &str) -> (u16, String) {
    let r = client().get(format!("{}{path}", sb.endpoints.hubrise_manager)).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// The orders of location 0 that the listing shows, with a location token.
async fn orders(sb: &Sandbox, token: &str, query: &str) -> Vec<Value> {
    let r = api_get(sb, &format!("/location/orders{query}"), token).await;
    assert_eq!(r.status(), 200);
    json(r).await.as_array().unwrap().clone()
}

fn by_bridge(orders: &[Value]) -> usize {
    orders.iter().filter(|o| o["created_by"] == "Zelty Bridge").count()
}

#[tokio::test]
async fn webhooks_appear_once_the_app_is_configured() {
    let sb = sandbox().await;
    let key = sb.demo().demo_key();
    let before = webhooks(&sb, &key).await;
    assert_eq!(before["webhooks"], json!({}));
    assert_eq!(before["errno"], 0);
    let secret = before["secret_key"].as_str().unwrap().to_string();
    assert!(secret.len() >= 20);

    sb.demo().configure_bridge_app("3r4s3-0", &key).await.unwrap();
    let after = webhooks(&sb, &key).await;
    for event in ["order.status.update", "order.ended", "catalog.push"] {
        let hook = &after["webhooks"][event];
        assert!(hook["target"].as_str().unwrap().starts_with("https://zelty.hubrise-apps.com/"), "{after}");
        assert_eq!(hook["version"], "v2");
    }
    assert_eq!(after["secret_key"], secret.as_str(), "one secret per account");
    // Another account's key is untouched.
    let other = &sb.keys()[1].1;
    assert_eq!(webhooks(&sb, other).await["webhooks"], json!({}));
}

#[tokio::test]
async fn orders_are_listed_filtered_and_paginated_as_documented() {
    let sb = sandbox().await;
    let token = mint(&sb, json!({ "location_id": "3r4s3-0" })).await;
    let before = orders(&sb, &token, "").await;
    assert!(!before.is_empty() && by_bridge(&before) == 0, "{before:?}");

    sb.demo().configure_bridge_app("3r4s3-0", &sb.demo().demo_key()).await.unwrap();
    admin(&sb, "orders", json!({ "location_id": "3r4s3-0", "sku_ref": "TIRAMISU" })).await;
    admin(&sb, "clock", json!({ "advance_secs": 5 })).await;
    let all = orders(&sb, &token, "").await;
    for o in &all {
        for field in ["id", "location_id", "status", "created_at", "created_by"] {
            assert!(o[field].is_string(), "{field}: {o}");
        }
        assert_eq!(o["location_id"], "3r4s3-0");
    }
    let rejected: Vec<_> = all.iter().filter(|o| o["status"] == "rejected").collect();
    assert_eq!(rejected.len(), 1);
    assert_eq!(rejected[0]["items"][0]["sku_ref"], "TIRAMISU", "a ref code Zelty does not know");
    assert_eq!(orders(&sb, &token, "?status=rejected").await.len(), 1);
    assert_eq!(orders(&sb, &token, "?status=accepted,rejected").await.len(), 3);
    let newest = all[0]["created_at"].as_str().unwrap();
    assert!(orders(&sb, &token, &format!("?after={}", newest.replace('+', "%2B"))).await.is_empty());
    // `after` and `before` are instants, whatever the offset they are written with.
    let newest_at = crate::orders::parse_time(newest).unwrap();
    let in_new_york = crate::orders::iso8601_at(newest_at, -5 * 3_600);
    assert_eq!(orders(&sb, &token, &format!("?before={in_new_york}")).await.len(), all.len() - 1);
    // Newest first, paginated with X-Cursor-Next.
    let first = api_get(&sb, "/location/orders?count=2", &token).await;
    let next = first.headers()["x-cursor-next"].to_str().unwrap().to_string();
    assert_eq!(json(first).await.as_array().unwrap().len(), 2);
    let rest = json(api_get(&sb, &format!("/location/orders?count=2&cursor={next}"), &token).await).await;
    assert!(!rest.as_array().unwrap().is_empty());
    // The account sees them through the location's address; the other location has none.
    let account = mint(&sb, json!({ "account": true })).await;
    let via_account = json(api_get(&sb, "/locations/3r4s3-0/orders", &account).await).await;
    assert_eq!(via_account.as_array().unwrap().len(), all.len());
    let other = json(api_get(&sb, "/locations/3r4s3-1/orders?status=accepted", &account).await).await;
    assert_eq!(other.as_array().unwrap().len(), 0);
    assert_eq!(api_get(&sb, "/locations/3r4s3-1/orders", &token).await.status(), 403);
    assert_eq!(api_get(&sb, "/location/orders", &account).await.status(), 403);
}

#[tokio::test]
async fn orders_listing_is_ten_a_minute_per_connection() {
    let sb = super::super::start(SandboxConfig { rate_limits: true, ..SandboxConfig::default() }).await.unwrap();
    let token = mint(&sb, json!({ "location_id": "3r4s3-0" })).await;
    // Twenty in a row: a minute boundary may fall once among them.
    let mut statuses = Vec::new();
    for _ in 0..21 {
        statuses.push(api_get(&sb, "/location/orders", &token).await.status().as_u16());
    }
    assert!(statuses.contains(&429), "{statuses:?}");
    assert_eq!(api_get(&sb, "/location", &token).await.status(), 200, "other calls are not held back");
    let other = mint(&sb, json!({ "location_id": "3r4s3-0", "device_id": "b" })).await;
    assert_eq!(api_get(&sb, "/location/orders", &other).await.status(), 200);
}

#[tokio::test]
async fn a_refused_key_stays_on_the_key_page_with_an_error() {
    let sb =
        super::super::start(SandboxConfig { lang: crate::i18n::Lang::Fr, ..SandboxConfig::default() }).await.unwrap();
    let bad = "bm9wZTpub3Blbm9wZW5vcGVub3Bl";
    let err = sb.demo().configure_bridge_app("3r4s3-0", bad).await.unwrap_err();
    assert!(err.downcast_ref::<BridgeKeyRefused>().is_some(), "{err:#}");
    let instance = sb.shared.lock().installs[&0].instance.clone();
    let form = client()
        .post(format!("{}/zelty-bridge/configuration/{instance}/key", sb.endpoints.hubrise_manager))
        .form(&[("api_key", bad)])
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), 422);
    let html = form.text().await.unwrap();
    assert!(html.contains("id=\"error\"") && html.contains("Clé API") && html.contains("Terminer la configuration"));
    assert_eq!(webhooks(&sb, &sb.demo().demo_key()).await["webhooks"], json!({}));
}

#[tokio::test]
async fn disconnecting_removes_the_webhooks_blocking_keeps_them_and_stops_orders() {
    let sb = sandbox().await;
    let key = sb.demo().demo_key();
    let token = mint(&sb, json!({ "location_id": "3r4s3-0" })).await;
    sb.demo().configure_bridge_app("3r4s3-0", &key).await.unwrap();
    let new = |orders: Vec<Value>| orders.iter().filter(|o| o["status"] == "new").count();
    admin(&sb, "clock", json!({ "advance_secs": 1800 })).await;
    assert_eq!(new(orders(&sb, &token, "").await), 0, "every order sent to Zelty");

    sb.demo().disconnect_bridge_app("3r4s3-0", true).await.unwrap();
    assert_eq!(webhooks(&sb, &key).await["webhooks"]["order.ended"]["version"], "v2", "blocking keeps them");
    admin(&sb, "clock", json!({ "advance_secs": 3600 })).await;
    assert_eq!(new(orders(&sb, &token, "").await), 3, "nothing sent while blocked");
    let (_, connections) = page(&sb, "/connections").await;
    assert!(connections.contains("value=\"unblock\""), "{connections}");

    sb.demo().disconnect_bridge_app("3r4s3-0", false).await.unwrap();
    assert_eq!(webhooks(&sb, &key).await["webhooks"], json!({}));
    let (_, connections) = page(&sb, "/connections").await;
    let row = connections.split("<tr ").find(|r| r.starts_with("data-app=\"Zelty Bridge\"")).unwrap();
    assert!(row.contains("value=\"reconnect\"") && !row.contains("value=\"block\""), "{row}");
    let instance = sb.shared.lock().installs[&0].instance.clone();
    assert_eq!(page(&sb, &format!("/zelty-bridge/configuration/{instance}")).await.0, 403);
    // Idempotent, and the CLI's own connection on the location is another one.
    sb.demo().disconnect_bridge_app("3r4s3-0", false).await.unwrap();
    assert_eq!(api_get(&sb, "/location", &token).await.status(), 200);
    assert!(sb.demo().disconnect_bridge_app("3r4s3-1", false).await.is_err(), "never connected there");
    // Connecting again configures it again.
    sb.demo().configure_bridge_app("3r4s3-0", &key).await.unwrap();
    assert_eq!(webhooks(&sb, &key).await["webhooks"]["order.ended"]["version"], "v2");
}

#[tokio::test]
async fn reset_configuration_goes_back_to_the_key_page() {
    let sb = sandbox().await;
    let key = sb.demo().demo_key();
    sb.demo().configure_bridge_app("3r4s3-0", &key).await.unwrap();
    let instance = sb.shared.lock().installs[&0].instance.clone();
    let (status, options) = page(&sb, &format!("/zelty-bridge/configuration/{instance}?locale=fr-FR")).await;
    assert_eq!(status, 200);
    assert!(options.contains("Enregistrer") && options.contains("Récupérer les commandes Zelty dans HubRise"));
    let reset = options.split("id=\"reset\" href=\"").nth(1).unwrap().split('"').next().unwrap().replace("&amp;", "&");
    assert!(options.contains("Réinitialiser la configuration"));
    let r = client().get(format!("{}{reset}", sb.endpoints.hubrise_manager)).send().await.unwrap();
    assert!(r.status().is_redirection());
    let (_, key_page) = page(&sb, r.headers()["location"].to_str().unwrap()).await;
    assert!(key_page.contains("name=\"api_key\"") && key_page.contains("Terminer la configuration"), "{key_page}");
    assert_eq!(webhooks(&sb, &key).await["webhooks"], json!({}));
}

#[tokio::test]
async fn the_back_office_speaks_the_locale_and_asks_before_disconnecting() {
    let sb = sandbox().await;
    let (_, fr) = page(&sb, "/connections?locale=fr-FR").await;
    assert!(fr.contains("Voir les apps disponibles") && fr.contains("lang=\"fr\""), "{fr}");
    let (_, en) = page(&sb, "/connections?locale=en-GB").await;
    assert!(en.contains("See available apps"));
    let (_, apps) = page(&sb, "/apps?locale=fr-FR").await;
    assert!(apps.contains("id=\"zelty-bridge\""));
    let (_, app) = page(&sb, "/apps/zelty-bridge?locale=fr-FR").await;
    assert!(app.contains(">Connecter</a>"));
    // The App's Connect URL runs HubRise's authorization with Zelty Bridge's own client.
    let r = client()
        .get(format!("{}/zelty-bridge/connect?locale=fr-FR", sb.endpoints.hubrise_manager))
        .send()
        .await
        .unwrap();
    let authorize = r.headers()["location"].to_str().unwrap().to_string();
    let q = query_of(&authorize);
    assert!(q["client_id"] != sb.client_id && q.contains_key("state"));
    let consent = client().get(&authorize).send().await.unwrap().text().await.unwrap();
    assert!(
        consent.contains("Zelty Bridge") && consent.contains("Autoriser") && consent.contains("name=\"location_id\"")
    );

    sb.demo().configure_bridge_app("3r4s3-1", &sb.demo().demo_key()).await.unwrap();
    let (_, fr) = page(&sb, "/connections?locale=fr-FR").await;
    let row = fr.split("<tr ").find(|r| r.starts_with("data-app=\"Zelty Bridge\" data-location=\"3r4s3-1\"")).unwrap();
    assert!(row.contains(">Bloquer<") && row.contains(">Déconnecter<"), "{row}");
    let n = row.split("name=\"connection\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    let ask = client()
        .post(format!("{}/connections", sb.endpoints.hubrise_manager))
        .form(&[("connection", n.as_str()), ("action", "disconnect"), ("locale", "fr-FR")])
        .send()
        .await
        .unwrap();
    assert_eq!(ask.status(), 200, "a confirmation first");
    assert!(ask.text().await.unwrap().contains(">Confirmer</button>"));
    assert_eq!(webhooks(&sb, &sb.demo().demo_key()).await["webhooks"]["order.ended"]["version"], "v2", "not yet");
}

/// With a memory file, the next process still sees Zelty Bridge configured (webhooks,
/// orders) and the CLI's blocked connection blocked; the file holds neither key nor token.
#[tokio::test]
async fn a_memory_file_carries_the_app_and_states_to_the_next_process() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("memory.json");
    let config = || SandboxConfig { memory: Some(file.clone()), ..SandboxConfig::default() };
    let first = super::super::start(config()).await.unwrap();
    let key = first.demo().demo_key();
    first.demo().configure_bridge_app("3r4s3-1", &key).await.unwrap();
    let token = mint(&first, json!({ "location_id": "3r4s3-0" })).await;
    admin(&first, "connections", json!({ "token": token, "action": "block" })).await;
    first.shutdown().await;
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(!text.contains(&key) && !text.contains(&token), "{text}");

    let next = super::super::start(config()).await.unwrap();
    assert_eq!(webhooks(&next, &key).await["webhooks"]["order.ended"]["version"], "v2");
    let account = mint(&next, json!({ "account": true })).await;
    admin(&next, "clock", json!({ "advance_secs": 5 })).await;
    let listed = json(api_get(&next, "/locations/3r4s3-1/orders", &account).await).await;
    let listed = listed.as_array().unwrap();
    assert!(listed.iter().filter(|o| o["status"] == "accepted").count() >= 2, "still at work: {listed:?}");
    // The same orders, with the same ids, in every process.
    let again = super::super::start(config()).await.unwrap();
    let relisted = json(api_get(&again, "/locations/3r4s3-1/orders", &account).await).await;
    let ids = |l: &[Value]| l.iter().map(|o| o["id"].clone()).collect::<Vec<_>>();
    assert_eq!(ids(relisted.as_array().unwrap()), ids(listed));
    let r = api_get(&next, "/location", &token).await;
    assert_eq!(json(r).await["message"], crate::api::BLOCKED);
    // Without the file, a process starts afresh.
    let fresh = sandbox().await;
    assert_eq!(webhooks(&fresh, &key).await["webhooks"], json!({}));
}
