//! The fake HubRise end to end: consent, callback, token, API, revoke, states, limits.

use super::*;
use crate::api::{BLOCKED, INVALID, SUSPENDED};
use serde_json::json;

#[tokio::test]
async fn the_documented_flow_works_and_codes_are_single_use() {
    let sb = sandbox().await;
    let page = client().get(authorize_url(&sb, "http://127.0.0.1:9/callback", SCOPE, "xyz")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("name=\"location_id\"")
            && html.contains("name=\"catalog_id\"")
            && html.contains("value=\"allow\"")
    );

    let code = code(&sb).await;
    assert_eq!(code.len(), 32);
    let reply = exchange(&sb, &code).await;
    assert_eq!(reply.status(), 200);
    let grant = json(reply).await;
    for field in [
        "access_token",
        "account_id",
        "location_id",
        "catalog_id",
        "customer_list_id",
        "account_name",
        "location_name",
        "catalog_name",
        "customer_list_name",
    ] {
        assert!(grant[field].is_string(), "{field}: {grant}");
    }
    assert_eq!((grant["token_type"].as_str(), grant["location_id"].as_str()), (Some("Bearer"), Some("3r4s3-0")));
    let again = exchange(&sb, &code).await;
    assert_eq!(again.status(), 400);
    assert_eq!(json(again).await["error_type"], "bad_request");

    // Re-authorizing the same location gives the same token.
    let token = grant["access_token"].as_str().unwrap();
    assert_eq!(json(exchange(&sb, &super::code(&sb).await).await).await["access_token"], token);

    let location = json(api_get(&sb, "/location", token).await).await;
    assert_eq!((location["id"].as_str(), location["account"]["name"].as_str()), (Some("3r4s3-0"), Some("Bella Pizza")));
    let catalog =
        json(api_get(&sb, &format!("/catalogs/{}?hide_data=true", grant["catalog_id"].as_str().unwrap()), token).await)
            .await;
    assert!(catalog.get("data").is_none() && catalog["account_id"] == "3r4s3");
    assert_eq!(json(api_get(&sb, "/customer_lists/xab66", token).await).await["name"], "Bella Pizza");

    let revoke = client()
        .post(format!("{}/revoke", sb.endpoints.hubrise_oauth))
        .basic_auth(&sb.client_id, Some(&sb.client_secret))
        .form(&[("token", token)])
        .send()
        .await
        .unwrap();
    assert_eq!(revoke.status(), 200);
    let after = api_get(&sb, "/location", token).await;
    assert_eq!(after.status(), 401);
    assert_eq!(json(after).await, json!({ "message": INVALID, "error_type": "unauthorized" }));
    sb.shutdown().await;
}

#[tokio::test]
async fn client_credentials_are_checked_every_way() {
    let sb = sandbox().await;
    let url = format!("{}/token", sb.endpoints.hubrise_oauth);
    let wrong =
        client().post(&url).basic_auth(&sb.client_id, Some("nope")).form(&[("code", "x")]).send().await.unwrap();
    assert_eq!((wrong.status().as_u16(), json(wrong).await["error_type"].clone()), (401, json!("unauthorized")));
    let in_form = client()
        .post(&url)
        .form(&[("code", "unknown"), ("client_id", &sb.client_id), ("client_secret", &sb.client_secret)])
        .send()
        .await
        .unwrap();
    assert_eq!(in_form.status(), 400);
    let code = code(&sb).await;
    let in_json = client()
        .post(&url)
        .json(&json!({ "code": code, "client_id": sb.client_id, "client_secret": sb.client_secret }))
        .send()
        .await
        .unwrap();
    assert_eq!(in_json.status(), 200);
    let revoke =
        client().post(format!("{}/revoke", sb.endpoints.hubrise_oauth)).form(&[("token", "x")]).send().await.unwrap();
    assert_eq!(revoke.status(), 401);
}

#[tokio::test]
async fn codes_expire_on_the_sandbox_clock() {
    let sb = sandbox().await;
    let code = code(&sb).await;
    assert_eq!(json(admin(&sb, "clock", json!({ "advance_secs": 601 })).await).await["offset_secs"], 601);
    let r = exchange(&sb, &code).await;
    assert_eq!(r.status(), 400);
    assert!(json(r).await["message"].as_str().unwrap().contains("expired"));
}

#[tokio::test]
async fn deny_oob_and_bad_requests() {
    let sb = sandbox().await;
    // A refusal comes back without `state`, as HubRise documents it.
    let r = decide(&sb, "http://localhost:7/cb?keep=1", SCOPE, "s&1", &[("decision", "deny")]).await;
    let q = query_of(r.headers()["location"].to_str().unwrap());
    assert_eq!((q["error"].as_str(), q.get("state"), q["keep"].as_str()), ("access_denied", None, "1"));
    let world = &sb.shared.world;
    let oob = decide(
        &sb,
        "urn:ietf:wg:oauth:2.0:oob",
        SCOPE,
        "",
        &[
            ("decision", "allow"),
            ("location_id", "3r4s3-1"),
            ("catalog_id", &world.locations[1].catalog_id),
            ("customer_list_id", "xab66"),
        ],
    )
    .await;
    let html = oob.text().await.unwrap();
    let code = html.split("<code id=\"code\">").nth(1).unwrap().split('<').next().unwrap().to_string();
    assert_eq!(
        json(exchange(&sb, &code).await).await["catalog_id"].as_str(),
        Some(world.locations[1].catalog_id.as_str())
    );
    // Another location's catalog is not on offer.
    let r = decide(
        &sb,
        "urn:ietf:wg:oauth:2.0:oob",
        SCOPE,
        "",
        &[
            ("decision", "allow"),
            ("location_id", "3r4s3-0"),
            ("catalog_id", &world.locations[1].catalog_id),
            ("customer_list_id", "xab66"),
        ],
    )
    .await;
    assert_eq!(r.status(), 400);
    for (redirect, scope, client_id) in [
        ("https://evil.example/cb", SCOPE, sb.client_id.as_str()),
        ("http://127.0.0.1:9/cb", "location[pizza.write]", sb.client_id.as_str()),
        ("http://127.0.0.1:9/cb", SCOPE, "other"),
    ] {
        let url = authorize_url(&sb, redirect, scope, "s").replace(&sb.client_id, client_id);
        assert_eq!(client().get(url).send().await.unwrap().status(), 400, "{redirect} {scope} {client_id}");
    }
}

#[tokio::test]
async fn tokens_survive_a_new_process_and_states_give_their_messages() {
    let first = sandbox().await;
    let token = mint(&first, json!({ "location_id": "3r4s3-1" })).await;
    first.shutdown().await;
    let sb = sandbox().await;
    assert_eq!(json(api_get(&sb, "/location", &token).await).await["name"], "Lyon");
    for (action, message) in [("block", BLOCKED), ("unblock", ""), ("suspend", SUSPENDED), ("revoke", INVALID)] {
        assert_eq!(admin(&sb, "connections", json!({ "token": token, "action": action })).await.status(), 200);
        let r = api_get(&sb, "/location", &token).await;
        if message.is_empty() {
            assert_eq!(r.status(), 200);
        } else {
            assert_eq!(
                (r.status().as_u16(), json(r).await["message"].as_str().unwrap().to_string()),
                (401, message.to_string())
            );
        }
    }
    assert_eq!(api_get(&sb, "/location", "").await.status(), 401);
    assert_eq!(api_get(&sb, "/location", "0123456789abcdef0123456789abcdef").await.status(), 401);
}

#[tokio::test]
async fn tokens_see_only_what_their_level_allows() {
    let sb = super::super::start(SandboxConfig { locations: 150, ..SandboxConfig::default() }).await.unwrap();
    let loc = mint(&sb, json!({ "location_id": "3r4s3-0" })).await;
    let acc = mint(&sb, json!({ "account": true })).await;
    for (path, token, status) in [
        ("/locations/3r4s3-0", &loc, 200),
        ("/locations/3r4s3-1", &loc, 403),
        ("/locations/3r4s3-999", &loc, 404),
        ("/locations", &loc, 403),
        ("/account", &loc, 403),
        ("/account", &acc, 200),
        ("/accounts/3r4s3", &acc, 200),
        ("/location", &acc, 403),
        ("/locations/3r4s3-149", &acc, 200),
        ("/location/catalogs", &loc, 200),
        ("/locations/3r4s3-0/customer_lists", &loc, 200),
        ("/nothing/here", &loc, 404),
    ] {
        assert_eq!(api_get(&sb, path, token).await.status(), status, "{path}");
    }
    assert_eq!(json(api_get(&sb, "/nothing", &loc).await).await["error_type"], "routing_error");
    let wrong_method = client()
        .delete(format!("{}/location", sb.endpoints.hubrise_api))
        .header("X-Access-Token", &loc)
        .send()
        .await
        .unwrap();
    assert_eq!(
        (wrong_method.status().as_u16(), json(wrong_method).await["error_type"].clone()),
        (404, json!("routing_error"))
    );
    let page = api_get(&sb, "/locations", &acc).await;
    let next = page.headers()["x-cursor-next"].to_str().unwrap().to_string();
    assert_eq!(json(page).await.as_array().unwrap().len(), 100);
    assert_eq!(
        json(api_get(&sb, &format!("/locations?cursor={next}"), &acc).await).await.as_array().unwrap().len(),
        50
    );
    let own_catalog = sb.shared.world.locations[1].catalog_id.clone();
    assert_eq!(api_get(&sb, &format!("/catalogs/{own_catalog}"), &loc).await.status(), 403);
    assert_eq!(api_get(&sb, "/catalogs/zzzzz", &loc).await.status(), 404);
}

#[tokio::test]
async fn hubrise_rate_limit_is_per_token_per_minute() {
    let sb = super::super::start(SandboxConfig { rate_limits: true, ..SandboxConfig::default() }).await.unwrap();
    let token = mint(&sb, json!({ "location_id": "3r4s3-0" })).await;
    let mut limited = None;
    // A minute boundary may pass once during the loop.
    for _ in 0..1002 {
        let r = api_get(&sb, "/location", &token).await;
        if r.status() == 429 {
            limited = Some(r);
            break;
        }
    }
    let r = limited.expect("429 within two windows");
    let wait: u64 = r.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait));
    assert_eq!(json(r).await["error_type"], "too_many_requests");
    let other = mint(&sb, json!({ "location_id": "3r4s3-1" })).await;
    assert_eq!(api_get(&sb, "/location", &other).await.status(), 200);
}

#[tokio::test]
async fn unconfirmed_behaviours_can_be_switched() {
    let sb = sandbox().await;
    let set =
        admin(&sb, "options", json!({ "state_on_error": true, "bad_code_status": 404, "null_unscoped_fields": true }))
            .await;
    assert_eq!(json(set).await["loopback_redirects"], true, "untouched options keep their value");
    let r = decide(&sb, "http://127.0.0.1:9/cb", SCOPE, "s", &[("decision", "deny")]).await;
    assert_eq!(query_of(r.headers()["location"].to_str().unwrap())["state"], "s", "echoed when a test asks");
    assert_eq!(exchange(&sb, "unknown").await.status(), 404);
    let r = decide(
        &sb,
        "http://127.0.0.1:9/cb",
        "location[orders.write]",
        "s",
        &[("decision", "allow"), ("location_id", "3r4s3-0")],
    )
    .await;
    let code = query_of(r.headers()["location"].to_str().unwrap())["code"].clone();
    assert!(json(exchange(&sb, &code).await).await["catalog_id"].is_null());
    assert_eq!(admin(&sb, "options", json!({ "bad_code_status": 500 })).await.status(), 400);
    assert_eq!(admin(&sb, "options", json!({ "no_such_option": 1 })).await.status(), 400);
}

/// Same client, location and `device_id`: the same token; another `device_id`: another
/// token, and revoking one leaves the other working (authentication, "Connection Reuse").
#[tokio::test]
async fn device_ids_give_distinct_tokens() {
    let sb = sandbox().await;
    let world = &sb.shared.world;
    let token_for = |device: Option<&'static str>| {
        let sb = &sb;
        async move {
            let mut extra = vec![
                ("decision", "allow"),
                ("location_id", "3r4s3-0"),
                ("catalog_id", world.account_catalog_id.as_str()),
                ("customer_list_id", "xab66"),
            ];
            extra.extend(device.map(|d| ("device_id", d)));
            let r = decide(sb, "http://127.0.0.1:9/cb", SCOPE, "s", &extra).await;
            let code = query_of(r.headers()["location"].to_str().unwrap())["code"].clone();
            json(exchange(sb, &code).await).await["access_token"].as_str().unwrap().to_string()
        }
    };
    let (a, a_again, b, plain) =
        (token_for(Some("a")).await, token_for(Some("a")).await, token_for(Some("b")).await, token_for(None).await);
    assert_eq!(a, a_again);
    assert!(a != b && a != plain && b != plain);
    let revoke = client()
        .post(format!("{}/revoke", sb.endpoints.hubrise_oauth))
        .basic_auth(&sb.client_id, Some(&sb.client_secret))
        .form(&[("token", a.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(revoke.status(), 200);
    assert_eq!(api_get(&sb, "/location", &a).await.status(), 401);
    assert_eq!(api_get(&sb, "/location", &b).await.status(), 200);
    assert_eq!(api_get(&sb, "/location", &plain).await.status(), 200);
}

/// The consent page of the CLI's client names the scope asked for and says when it only
/// reads.
#[tokio::test]
async fn the_consent_page_shows_a_read_only_scope() {
    let sb = sandbox().await;
    let read = "location[orders.read,catalog.read,customer_list.read]";
    let page = client().get(authorize_url(&sb, "http://127.0.0.1:9/cb", read, "s")).send().await.unwrap();
    let html = page.text().await.unwrap();
    assert!(html.contains("id=\"read-only\"") && html.contains(read), "{html}");
    assert!(
        html.contains("zelty-bridge") && html.contains("Orders: read<") && !html.contains("read and write"),
        "{html}"
    );
    let page = client().get(authorize_url(&sb, "http://127.0.0.1:9/cb", SCOPE, "s")).send().await.unwrap();
    assert!(!page.text().await.unwrap().contains("id=\"read-only\""));
}
