//! The order flow Zelty Bridge's pages describe, played by the sandbox: other apps' orders
//! arrive `new`; Zelty Bridge, working on their location, writes `accepted` (or `rejected`
//! for a ref code Zelty refuses) seconds later; blocked, elsewhere or not configured, they
//! stay `new`; its own orders exist only with « Récupérer les commandes Zelty dans
//! HubRise » on. Also: connecting it again where it is configured, and the two client
//! names in CONNEXIONS.

use super::*;
use serde_json::json;

const PARIS: &str = "3r4s3-0";
const LYON: &str = "3r4s3-1";

/// The orders of a location, newest first, read with an account token.
async fn listed(sb: &Sandbox, location: &str) -> Vec<Value> {
    let account = mint(sb, json!({ "account": true })).await;
    let r = api_get(sb, &format!("/locations/{location}/orders"), &account).await;
    assert_eq!(r.status(), 200);
    json(r).await.as_array().unwrap().clone()
}

fn by_zelty_bridge(orders: &[Value]) -> Vec<&Value> {
    orders.iter().filter(|o| o["created_by"] == "Zelty Bridge").collect()
}

fn others_with(orders: &[Value], status: &str) -> usize {
    orders.iter().filter(|o| o["created_by"] != "Zelty Bridge" && o["status"] == status).count()
}

/// The status of the order `id` in a listing.
fn status_of(orders: &[Value], id: &Value) -> String {
    let o = orders.iter().find(|o| o["id"] == *id).unwrap_or_else(|| panic!("{id} not in {orders:?}"));
    o["status"].as_str().unwrap().to_string()
}

/// `POST /_sandbox/orders`: an order of another app.
async fn add(sb: &Sandbox, body: Value) -> Value {
    let r = admin(sb, "orders", body).await;
    assert_eq!(r.status(), 200);
    json(r).await
}

async fn advance(sb: &Sandbox, secs: u64) {
    assert_eq!(admin(sb, "clock", json!({ "advance_secs": secs })).await.status(), 200);
}

async fn page(sb: &Sandbox, path: &str) -> String {
    client().get(format!("{}{path}", sb.endpoints.hubrise_manager)).send().await.unwrap().text().await.unwrap()
}

/// Clicks `action` (block, unblock…) on the CONNEXIONS row of `app` on `location`.
async fn row_action(sb: &Sandbox, app: &str, location: &str, action: &str) {
    let connections = page(sb, "/connections").await;
    let marker = format!("data-app=\"{app}\" data-location=\"{location}\"");
    let row = connections.split("<tr ").find(|r| r.starts_with(&marker)).unwrap_or_else(|| panic!("{connections}"));
    let n = row.split("name=\"connection\" value=\"").nth(1).unwrap().split('"').next().unwrap();
    let r = client()
        .post(format!("{}/connections", sb.endpoints.hubrise_manager))
        .form(&[("connection", n), ("action", action)])
        .send()
        .await
        .unwrap();
    assert!(r.status().is_redirection(), "{action}: {}", r.status());
}

async fn configure(sb: &Sandbox, location: &str) {
    sb.demo().configure_bridge_app(location, &sb.demo().demo_key()).await.unwrap();
}

#[tokio::test]
async fn a_fresh_sandbox_has_orders_of_other_apps_and_none_rejected() {
    let sb = sandbox().await;
    for location in [PARIS, LYON] {
        let orders = listed(&sb, location).await;
        assert_eq!(others_with(&orders, "new"), 2, "two arrived the day before: {orders:?}");
        assert_eq!(others_with(&orders, "completed"), 3, "the history: {orders:?}");
        assert!(orders.iter().all(|o| o["status"] != "rejected"), "{orders:?}");
        assert!(by_zelty_bridge(&orders).is_empty());
        // Written as HubRise writes times: with their UTC offset.
        assert!(orders.iter().all(|o| o["created_at"].as_str().unwrap().ends_with("+01:00")), "{orders:?}");
    }
    // Nothing waits that could look stuck (new for more than 10 minutes, within a day)
    // until the first order after the start is 10 minutes old.
    advance(&sb, 15 * 60).await;
    let now = sb.shared.now().as_secs();
    for o in listed(&sb, PARIS).await.iter().filter(|o| o["status"] == "new") {
        let age = now - crate::orders::parse_time(o["created_at"].as_str().unwrap()).unwrap();
        assert!(!(600..=86_400).contains(&age), "{o}");
    }
    // Configured, still none rejected: only a ref code Zelty refuses makes one.
    configure(&sb, PARIS).await;
    advance(&sb, 3_600).await;
    let orders = listed(&sb, PARIS).await;
    assert!(orders.iter().all(|o| o["status"] != "rejected"), "{orders:?}");
}

#[tokio::test]
async fn where_zelty_bridge_works_orders_are_accepted_once_the_clock_moves() {
    let sb = sandbox().await;
    configure(&sb, PARIS).await;
    let order = add(&sb, json!({ "location_id": PARIS })).await;
    assert_eq!(order["status"], "new");
    assert_eq!(order["created_by"], "Uber Eats");
    assert_eq!(order["items"][0]["sku_ref"], "101");
    assert_eq!(status_of(&listed(&sb, PARIS).await, &order["id"]), "new", "not within the same second");
    advance(&sb, 5).await;
    let orders = listed(&sb, PARIS).await;
    assert_eq!(status_of(&orders, &order["id"]), "accepted");
    // The orders still new when it was configured were sent too.
    assert_eq!(others_with(&orders, "new"), 0, "{orders:?}");
    // And the next one to arrive on its own.
    advance(&sb, 20 * 60).await;
    let orders = listed(&sb, PARIS).await;
    assert_eq!(others_with(&orders, "new") + others_with(&orders, "accepted"), 4, "{orders:?}");
    assert_eq!(others_with(&orders, "new"), 0, "{orders:?}");
}

#[tokio::test]
async fn a_ref_code_zelty_refuses_makes_a_rejected_order() {
    let sb = sandbox().await;
    configure(&sb, PARIS).await;
    let bad = add(&sb, json!({ "location_id": PARIS, "sku_ref": "TIRAMISU", "created_by": "Deliveroo" })).await;
    let good = add(&sb, json!({ "location_id": PARIS, "sku_ref": "102" })).await;
    advance(&sb, 5).await;
    let orders = listed(&sb, PARIS).await;
    assert_eq!(status_of(&orders, &bad["id"]), "rejected");
    assert_eq!(status_of(&orders, &good["id"]), "accepted");
    assert_eq!(orders.iter().filter(|o| o["status"] == "rejected").count(), 1);
}

#[tokio::test]
async fn on_another_location_orders_stay_new() {
    let sb = sandbox().await;
    configure(&sb, LYON).await;
    let paris = add(&sb, json!({ "location_id": PARIS })).await;
    let lyon = add(&sb, json!({ "location_id": LYON })).await;
    advance(&sb, 40 * 60).await;
    let orders = listed(&sb, PARIS).await;
    assert_eq!(status_of(&orders, &paris["id"]), "new");
    assert_eq!(others_with(&orders, "accepted"), 0, "{orders:?}");
    assert_eq!(others_with(&orders, "new"), 5, "two the day before, two since, one added: {orders:?}");
    assert_eq!(status_of(&listed(&sb, LYON).await, &lyon["id"]), "accepted");
}

#[tokio::test]
async fn not_configured_orders_stay_new() {
    let sb = sandbox().await;
    let order = add(&sb, json!({ "location_id": PARIS, "minutes_ago": 30 })).await;
    assert_eq!(order["status"], "new");
    advance(&sb, 3_600).await;
    let orders = listed(&sb, PARIS).await;
    assert_eq!(status_of(&orders, &order["id"]), "new");
    assert_eq!(others_with(&orders, "accepted"), 0);
}

#[tokio::test]
async fn blocked_orders_stay_new_and_unblocking_sends_only_the_later_ones() {
    let sb = sandbox().await;
    configure(&sb, PARIS).await;
    advance(&sb, 10).await;
    let before = add(&sb, json!({ "location_id": PARIS })).await;
    advance(&sb, 5).await;
    sb.demo().disconnect_bridge_app(PARIS, true).await.unwrap();
    let blocked = add(&sb, json!({ "location_id": PARIS })).await;
    advance(&sb, 3_600).await;
    let orders = listed(&sb, PARIS).await;
    assert_eq!(status_of(&orders, &before["id"]), "accepted", "sent before the block");
    assert_eq!(status_of(&orders, &blocked["id"]), "new");
    assert_eq!(others_with(&orders, "new"), 4, "the added one and three arrivals: {orders:?}");

    row_action(&sb, "Zelty Bridge", PARIS, "unblock").await;
    let after = add(&sb, json!({ "location_id": PARIS })).await;
    advance(&sb, 5).await;
    let orders = listed(&sb, PARIS).await;
    assert_eq!(status_of(&orders, &after["id"]), "accepted");
    assert_eq!(status_of(&orders, &blocked["id"]), "new", "what arrived while blocked is not sent later");
}

#[tokio::test]
async fn disconnected_orders_stay_new() {
    let sb = sandbox().await;
    configure(&sb, PARIS).await;
    sb.demo().disconnect_bridge_app(PARIS, false).await.unwrap();
    let order = add(&sb, json!({ "location_id": PARIS })).await;
    advance(&sb, 600).await;
    assert_eq!(status_of(&listed(&sb, PARIS).await, &order["id"]), "new");
}

#[tokio::test]
async fn zelty_orders_come_only_with_the_option_which_is_off_by_default() {
    let sb =
        super::super::start(SandboxConfig { lang: crate::i18n::Lang::Fr, ..SandboxConfig::default() }).await.unwrap();
    configure(&sb, PARIS).await;
    let instance = sb.shared.lock().installs[&0].instance.clone();
    let options = page(&sb, &format!("/zelty-bridge/configuration/{instance}?locale=fr-FR")).await;
    let checkbox = options.split("<input ").find(|i| i.contains("id=\"pull_orders\"")).unwrap();
    assert!(!checkbox[..checkbox.find('>').unwrap()].contains("checked"), "{checkbox}");
    assert!(options.contains("Récupérer les commandes Zelty dans HubRise"));
    advance(&sb, 3_600).await;
    let orders = listed(&sb, PARIS).await;
    assert!(by_zelty_bridge(&orders).is_empty(), "{orders:?}");
    assert!(others_with(&orders, "accepted") >= 2, "yet the bridge works: {orders:?}");

    // Ticked and saved: one order from Zelty every 15 minutes from then on.
    let r = client()
        .post(format!("{}/zelty-bridge/configuration/{instance}", sb.endpoints.hubrise_manager))
        .form(&[("pull_orders", "on"), ("locale", "fr-FR")])
        .send()
        .await
        .unwrap();
    assert!(r.status().is_redirection());
    advance(&sb, 31 * 60).await;
    let orders = listed(&sb, PARIS).await;
    let made = by_zelty_bridge(&orders);
    assert_eq!(made.len(), 2, "{orders:?}");
    assert!(made.iter().all(|o| o["status"] == "accepted" || o["status"] == "completed"), "{made:?}");
    assert!(by_zelty_bridge(&listed(&sb, LYON).await).is_empty());
}

#[tokio::test]
async fn connecting_again_where_it_is_configured_works() {
    let sb = sandbox().await;
    let key = sb.demo().demo_key();
    configure(&sb, PARIS).await;
    let instance = sb.shared.lock().installs[&0].instance.clone();
    // After an interrupted run, or `connect --force`: the same walk again.
    configure(&sb, PARIS).await;
    assert_eq!(sb.shared.lock().installs[&0].instance, instance, "the same install");
    let order = add(&sb, json!({ "location_id": PARIS })).await;
    advance(&sb, 5).await;
    assert_eq!(status_of(&listed(&sb, PARIS).await, &order["id"]), "accepted", "still at work");
    // With another restaurant's key, the configuration is reset and the new key typed.
    let other = sb.keys()[1].1.clone();
    assert_ne!(other, key);
    sb.demo().configure_bridge_app(PARIS, &other).await.unwrap();
    assert_eq!(sb.shared.lock().installs[&0].key.as_deref(), Some(other.as_str()));
    // Blocked, then connected again: it keeps its block, and the walk still ends.
    sb.demo().disconnect_bridge_app(PARIS, true).await.unwrap();
    sb.demo().configure_bridge_app(PARIS, &other).await.unwrap();
    // A refused key is still told apart.
    let err = sb.demo().configure_bridge_app(LYON, "bm9wZTpub3Blbm9wZW5vcGVub3Bl").await.unwrap_err();
    assert!(err.downcast_ref::<crate::BridgeKeyRefused>().is_some(), "{err:#}");
}

#[tokio::test]
async fn connexions_shows_the_watch_and_zelty_bridge_as_two_rows() {
    let sb = sandbox().await;
    assert_ne!(crate::ids::CLIENT_NAME, crate::ids::BRIDGE_CLIENT_NAME);
    assert_ne!(crate::ids::CLIENT_NAME.to_lowercase(), crate::ids::BRIDGE_CLIENT_NAME.to_lowercase());
    mint(&sb, json!({ "location_id": PARIS })).await;
    configure(&sb, PARIS).await;
    for locale in ["fr-FR", "en-GB"] {
        let connections = page(&sb, &format!("/connections?locale={locale}")).await;
        let rows: Vec<&str> =
            connections.split("<tr ").filter(|r| r.contains(&format!("data-location=\"{PARIS}\""))).collect();
        assert_eq!(rows.len(), 2, "{connections}");
        assert!(rows.iter().any(|r| r.starts_with("data-app=\"zelty-bridge watch (read-only)\"")), "{connections}");
        assert!(rows.iter().any(|r| r.starts_with("data-app=\"Zelty Bridge\"")), "{connections}");
    }
    // The consent page names the watch the same way.
    let consent = client()
        .get(authorize_url(&sb, "http://127.0.0.1:9/callback", "location[orders.read]", "s"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(consent.contains("zelty-bridge watch (read-only)"), "{consent}");
}

#[tokio::test]
async fn the_control_refuses_what_it_cannot_add() {
    let sb = sandbox().await;
    assert_eq!(admin(&sb, "orders", json!({ "location_id": "3r4s3-9" })).await.status(), 400);
    assert_eq!(admin(&sb, "orders", json!({ "location_id": PARIS, "colour": "red" })).await.status(), 400);
    assert_eq!(admin(&sb, "orders", json!({})).await.status(), 400);
    let old = add(&sb, json!({ "location_id": LYON, "minutes_ago": 90, "created_by": "Web shop" })).await;
    let created = crate::orders::parse_time(old["created_at"].as_str().unwrap()).unwrap();
    assert!(sb.shared.now().as_secs() - created >= 90 * 60);
    assert_eq!(old["created_by"], "Web shop");
    // Answers carry the sandbox clock in `Date`, moved with it.
    advance(&sb, 86_400).await;
    let r = api_get(&sb, "/location", &mint(&sb, json!({ "location_id": PARIS })).await).await;
    let date = r.headers()["date"].to_str().unwrap().to_string();
    let now = sb.shared.now().as_secs();
    assert!([now, now - 1].map(crate::orders::http_date).contains(&date), "{date}");
    let facts = json(client().get(format!("{}/_sandbox", sb.endpoints.hubrise_manager)).send().await.unwrap()).await;
    assert_eq!(facts["control_routes"]["orders"]["path"], "/_sandbox/orders");
    assert_eq!(facts["order_flow"]["handled_after_secs"], 5);
    assert_eq!(facts["watch_client_name"], "zelty-bridge watch (read-only)");
}
