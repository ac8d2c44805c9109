//! `sandbox click` (the tests' browser) and `Demo::consent` against the sandbox and a
//! small loopback callback that behaves like the CLI's (right `state` once: 200, else 400).

use super::*;
use crate::click::{Action, ClickOptions, click};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Request targets the callback saw, and the codes it accepted.
#[derive(Default)]
struct Seen {
    targets: Vec<String>,
    accepted: Vec<String>,
}

async fn callback(state: &'static str) -> (String, Arc<Mutex<Seen>>) {
    let socket = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let uri = format!("http://127.0.0.1:{}/callback", socket.local_addr().unwrap().port());
    let seen = Arc::new(Mutex::new(Seen::default()));
    let record = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = socket.accept().await {
            let record = record.clone();
            tokio::spawn(async move {
                let mut head = Vec::new();
                let mut buf = [0u8; 1024];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 8192 {
                    match stream.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => head.extend_from_slice(&buf[..n]),
                    }
                }
                let target = String::from_utf8_lossy(&head).split(' ').nth(1).unwrap_or_default().to_string();
                let q = query_of(&format!("http://x{target}"));
                let status = {
                    let mut seen = record.lock().unwrap();
                    seen.targets.push(target);
                    match (q.get("state").map(String::as_str), q.get("code"), q.get("error")) {
                        (Some(s), Some(code), None) if s == state && seen.accepted.is_empty() => {
                            seen.accepted.push(code.clone());
                            200
                        }
                        // A refusal comes back without `state`, as HubRise documents it.
                        (None, None, Some(e)) if seen.accepted.is_empty() => {
                            seen.accepted.push(format!("error:{e}"));
                            200
                        }
                        (Some(s), None, Some(e)) if s == state && seen.accepted.is_empty() => {
                            seen.accepted.push(format!("error:{e}"));
                            200
                        }
                        _ => 400,
                    }
                };
                let _ = stream
                    .write_all(
                        format!("HTTP/1.1 {status} X\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok").as_bytes(),
                    )
                    .await;
            });
        }
    });
    (uri, seen)
}

/// Plays `url` as `zelty-bridge sandbox click --foreground` does and returns its log.
async fn browse(url: String, action: &str, options: ClickOptions) -> String {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("browser.log");
    let action = Action::from_name(action).expect("a known action");
    click(&url, ClickOptions { action, log: Some(log.clone()), ..options }).await;
    std::fs::read_to_string(&log).unwrap_or_default()
}

fn at(location: &str) -> ClickOptions {
    ClickOptions { location: Some(location.into()), ..ClickOptions::default() }
}

#[tokio::test]
async fn click_approves_and_the_code_works() {
    let sb = sandbox().await;
    let (uri, seen) = callback("st8").await;
    let log = browse(authorize_url(&sb, &uri, SCOPE, "st8"), "approve", at("3r4s3-1")).await;
    assert!(log.contains("GET callback") && log.contains("status=200") && !log.contains("error"), "{log}");
    let code = seen.lock().unwrap().accepted[0].clone();
    assert!(!log.contains(&code), "the log masks codes");
    assert_eq!(json(exchange(&sb, &code).await).await["location_id"], "3r4s3-1");
}

#[tokio::test]
async fn click_denies_tampers_replays_and_floods() {
    let sb = sandbox().await;
    let (uri, seen) = callback("s").await;
    browse(authorize_url(&sb, &uri, SCOPE, "s"), "deny", ClickOptions::default()).await;
    assert_eq!(seen.lock().unwrap().accepted, ["error:access_denied"]);

    let (uri, seen) = callback("s").await;
    let log = browse(authorize_url(&sb, &uri, SCOPE, "s"), "wrong-state", ClickOptions::default()).await;
    assert!(log.contains("wrong-state callback status=400 ok"), "{log}");
    assert_eq!(seen.lock().unwrap().accepted.len(), 1);

    let (uri, seen) = callback("s").await;
    let log = browse(authorize_url(&sb, &uri, SCOPE, "s"), "replay", ClickOptions::default()).await;
    assert!(log.contains("replay callback status=400"), "{log}");
    assert_eq!(seen.lock().unwrap().targets.len(), 2);

    let (uri, seen) = callback("s").await;
    let log = browse(authorize_url(&sb, &uri, SCOPE, "s"), "flood", ClickOptions::default()).await;
    assert!(log.contains("flood sent=200 answered=200 success=0"), "{log}");
    assert_eq!(seen.lock().unwrap().targets.len(), 201);
    assert_eq!(seen.lock().unwrap().accepted.len(), 1);

    let (uri, seen) = callback("s").await;
    // The stand-in reads the client from a file: the CLI keeps secrets out of a browser's
    // environment.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("client");
    std::fs::write(&file, format!("{}:{}", sb.client_id, sb.client_secret)).unwrap();
    let client = ClickOptions { client_file: Some(file), ..ClickOptions::default() };
    let log = browse(authorize_url(&sb, &uri, SCOPE, "s"), "spend-code", client).await;
    assert!(log.contains("spend-code token status=200"), "{log}");
    let spent = seen.lock().unwrap().accepted[0].clone();
    assert_eq!(exchange(&sb, &spent).await.status(), 400);

    let (uri, seen) = callback("s").await;
    browse(authorize_url(&sb, &uri, SCOPE, "s"), "nothing", ClickOptions::default()).await;
    assert!(seen.lock().unwrap().targets.is_empty());

    let code_file = dir.path().join("code");
    let copied = ClickOptions { code_file: Some(code_file.clone()), ..ClickOptions::default() };
    let log = browse(authorize_url(&sb, "urn:ietf:wg:oauth:2.0:oob", SCOPE, "s"), "approve", copied).await;
    assert!(log.contains("oob page code=shown"), "{log}");
    let code = std::fs::read_to_string(&code_file).expect("the code is copied");
    assert_eq!(exchange(&sb, &code).await.status(), 200, "the code shown works");

    // Stopped before the callback: the address the browser ended on is copied instead.
    let (uri, seen) = callback("s").await;
    let landed = dir.path().join("landed");
    let stop = ClickOptions { code_file: Some(landed.clone()), ..ClickOptions::default() };
    let log = browse(authorize_url(&sb, &uri, SCOPE, "s"), "stop-before-callback", stop).await;
    assert!(log.contains("stopped before the callback"), "{log}");
    assert!(std::fs::read_to_string(&landed).unwrap().starts_with(&format!("{uri}?code=")));
    assert!(seen.lock().unwrap().targets.is_empty(), "the callback was not opened");
    let log =
        browse(format!("{}/marketplace/hubrise-v2/status", sb.endpoints.zelty_bo), "approve", ClickOptions::default())
            .await;
    assert!(log.contains("GET back office status=200"), "{log}");
    // The app already gone: still exit 0.
    let log =
        browse(authorize_url(&sb, "http://127.0.0.1:9/callback", SCOPE, "s"), "approve", ClickOptions::default()).await;
    assert!(log.contains("GET callback") && log.contains("status=0"), "{log}");
}

#[tokio::test]
async fn consent_plays_the_person_for_the_cli() {
    let sb = sandbox().await;
    let (uri, seen) = callback("c").await;
    sb.demo().consent(&authorize_url(&sb, &uri, SCOPE, "c"), true).await.unwrap();
    let code = seen.lock().unwrap().accepted[0].clone();
    assert_eq!(exchange(&sb, &code).await.status(), 200);
    let (uri, seen) = callback("d").await;
    sb.demo().consent(&authorize_url(&sb, &uri, SCOPE, "d"), false).await.unwrap();
    assert_eq!(seen.lock().unwrap().accepted, ["error:access_denied"]);
    assert!(sb.demo().consent(&authorize_url(&sb, "https://evil.example/", SCOPE, "x"), true).await.is_err());
}

async fn hooks(sb: &Sandbox) -> Value {
    let r = client().get(format!("{}/webhooks", sb.endpoints.zelty_api)).bearer_auth(sb.demo().demo_key()).send();
    json(r.await.unwrap()).await["webhooks"].clone()
}

/// Opened on CONNEXIONS or on the App's Connect URL, `click` walks Zelty Bridge like a
/// person, with the key from the file named on its command line; it can refuse, meet a
/// bad key, and disconnect the app.
#[tokio::test]
async fn click_walks_the_zelty_bridge_app() {
    let sb = sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("key");
    let keyed = || ClickOptions { zelty_key_file: Some(key_file.clone()), ..ClickOptions::default() };
    let connections = format!("{}/connections?locale=fr-FR", sb.endpoints.hubrise_manager);
    let connect = format!("{}/zelty-bridge/connect", sb.endpoints.hubrise_manager);

    let log = browse(connections.clone(), "deny", keyed()).await;
    assert!(log.contains("bridge not configured"), "{log}");
    let log = browse(connections.clone(), "approve", keyed()).await;
    assert!(log.contains("bridge waiting at the key page (no key)"), "{log}");
    std::fs::write(&key_file, "bm9wZTpub3Blbm9wZW5vcGVub3Bl\n").unwrap();
    let log = browse(connect.clone(), "approve", keyed()).await;
    assert!(log.contains("bridge key refused"), "{log}");
    assert_eq!(hooks(&sb).await, serde_json::json!({}));

    std::fs::write(&key_file, format!("{}\n", sb.demo().demo_key())).unwrap();
    let log =
        browse(connections.clone(), "approve", ClickOptions { location: Some("3r4s3-1".into()), ..keyed() }).await;
    assert!(log.contains("GET see-apps status=200") && log.contains("bridge saved"), "{log}");
    assert!(!log.contains(&sb.demo().demo_key()), "the log never holds the key");
    assert_eq!(hooks(&sb).await["order.ended"]["version"], "v2");
    assert!(sb.shared.lock().installs.contains_key(&1), "on the location chosen");

    let log = browse(connections, "disconnect-bridge", at("3r4s3-1")).await;
    assert!(log.contains("POST confirm status=303"), "{log}");
    assert_eq!(hooks(&sb).await, serde_json::json!({}));
}
