//! Faults as a client meets them, and the request log that must never hold a secret.

use super::*;
use serde_json::json;

async fn zelty(sb: &Sandbox, c: &Client) -> Result<Response, reqwest::Error> {
    c.get(format!("{}/restaurants", sb.endpoints.zelty_api)).bearer_auth(sb.demo().demo_key()).send().await
}

async fn fault(sb: &Sandbox, body: Value) {
    let r = admin(sb, "faults", body).await;
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
}

#[tokio::test]
async fn status_faults_use_each_services_body_and_are_spent() {
    let sb = sandbox().await;
    fault(&sb, json!({ "service": "zelty", "count": 2, "status": 503, "retry_after": 7 })).await;
    fault(&sb, json!({ "service": "hubrise_oauth", "status": 500, "path": "/oauth2/v1/revoke" })).await;
    let c = client();
    for _ in 0..2 {
        let r = zelty(&sb, &c).await.unwrap();
        assert_eq!(
            (r.status().as_u16(), r.headers()["retry-after"].to_str().unwrap().to_string()),
            (503, "7".to_string())
        );
        assert_eq!(json(r).await["errno"], 503);
    }
    assert_eq!(zelty(&sb, &c).await.unwrap().status(), 200);
    // The browser's pages and the token endpoint pass; revoke takes the fault.
    assert_eq!(exchange(&sb, &code(&sb).await).await.status(), 200);
    let revoke = c
        .post(format!("{}/revoke", sb.endpoints.hubrise_oauth))
        .basic_auth(&sb.client_id, Some(&sb.client_secret))
        .form(&[("token", "t")])
        .send()
        .await
        .unwrap();
    assert_eq!((revoke.status().as_u16(), json(revoke).await["error_type"].clone()), (500, json!("internal_error")));
    assert_eq!(admin(&sb, "faults", json!({ "service": "zelty", "status": 200 })).await.status(), 400);
}

#[tokio::test]
async fn broken_answers_break_the_client_the_right_way() {
    let sb = sandbox().await;
    let c = client();
    fault(&sb, json!({ "service": "zelty", "kind": "reset" })).await;
    assert!(zelty(&sb, &c).await.is_err(), "reset before the answer");
    let log =
        json(client().get(format!("{}/_sandbox/requests", sb.endpoints.hubrise_manager)).send().await.unwrap()).await;
    assert_eq!((log[0]["fault"].as_str(), log[0]["status"].is_null()), (Some("reset"), true));
    fault(&sb, json!({ "service": "zelty", "kind": "reset_mid_body" })).await;
    let r = zelty(&sb, &c).await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.bytes().await.is_err(), "reset mid-body");
    for kind in ["truncated", "malformed"] {
        fault(&sb, json!({ "service": "hubrise_api", "kind": kind })).await;
        let r = api_get(&sb, "/location", "anything").await;
        assert!(serde_json::from_slice::<Value>(&r.bytes().await.unwrap()).is_err(), "{kind}");
    }
    fault(&sb, json!({ "service": "zelty", "kind": "oversized" })).await;
    assert!(zelty(&sb, &c).await.unwrap().bytes().await.unwrap().len() > 10 << 20);
    fault(&sb, json!({ "service": "hubrise_oauth", "kind": "missing_fields" })).await;
    let r = exchange(&sb, "whatever").await;
    assert!(json(r).await.get("access_token").is_none());
    fault(&sb, json!({ "service": "zelty", "kind": "hang" })).await;
    let quick = Client::builder().no_proxy().timeout(Duration::from_millis(300)).build().unwrap();
    assert!(zelty(&sb, &quick).await.unwrap_err().is_timeout());
    fault(&sb, json!({ "service": "zelty", "delay_ms": 400 })).await;
    assert!(zelty(&sb, &quick).await.unwrap_err().is_timeout());
    assert_eq!(zelty(&sb, &c).await.unwrap().status(), 200);
    fault(&sb, json!({ "service": "zelty", "count": 5, "status": 500 })).await;
    let cleared = client().delete(format!("{}/_sandbox/faults", sb.endpoints.hubrise_manager)).send().await.unwrap();
    assert_eq!(json(cleared).await["cleared"], 5);
    // A hanging answer does not hold the shutdown.
    fault(&sb, json!({ "service": "zelty", "kind": "hang" })).await;
    let pending = tokio::spawn({
        let url = format!("{}/restaurants", sb.endpoints.zelty_api);
        async move { client().get(url).send().await }
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    tokio::time::timeout(Duration::from_secs(5), sb.shutdown()).await.expect("shutdown in time");
    let _ = pending.await;
}

#[tokio::test]
async fn latency_is_added_to_api_answers() {
    let sb = super::super::start(SandboxConfig { latency: Duration::from_millis(150), ..SandboxConfig::default() })
        .await
        .unwrap();
    let started = std::time::Instant::now();
    zelty(&sb, &client()).await.unwrap();
    assert!(started.elapsed() >= Duration::from_millis(150));
}

#[tokio::test]
async fn the_request_log_names_auth_and_fields_but_holds_no_secret() {
    let sb = sandbox().await;
    let code = code(&sb).await;
    let token = json(exchange(&sb, &code).await).await["access_token"].as_str().unwrap().to_string();
    api_get(&sb, "/location", &token).await;
    zelty(&sb, &client()).await.unwrap();
    let log =
        json(client().get(format!("{}/_sandbox/requests", sb.endpoints.hubrise_manager)).send().await.unwrap()).await;
    let text = log.to_string();
    for secret in [&sb.client_secret, &token, &code, &sb.demo().demo_key()] {
        assert!(!text.contains(secret.as_str()), "{secret} leaked into {text}");
    }
    let entries = log.as_array().unwrap();
    let token_call = entries.iter().find(|e| e["path"] == "/oauth2/v1/token").unwrap();
    assert_eq!(token_call["auth"], format!("basic:{}", sb.client_id));
    assert_eq!(token_call["form_keys"], json!(["code"]));
    assert_eq!(token_call["status"], 200);
    assert_eq!(entries.iter().find(|e| e["service"] == "hubrise_api").unwrap()["auth"], "x-access-token");
    assert_eq!(entries.iter().find(|e| e["service"] == "zelty").unwrap()["auth"], "bearer");
    assert!(entries.iter().all(|e| !e["path"].as_str().unwrap().starts_with("/_sandbox")));
    let authorize = entries.iter().find(|e| e["method"] == "POST" && e["path"] == "/oauth2/v1/authorize").unwrap();
    assert!(authorize["form_keys"].as_array().unwrap().contains(&json!("decision")));
}
