//! `tests/fixtures/browser.py` and `Sandbox::consent` against the sandbox and a small
//! loopback callback that behaves like the CLI's (right `state` once: 200, else 400).

use super::*;
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

/// Runs the stand-in in the foreground and returns its log.
async fn browse(url: String, action: &str, env: &[(&str, &str)]) -> String {
    browse_with(url, action, env, &[]).await
}

/// The same, with command-line options before the URL (how tests reach it through the
/// CLI, which gives BROWSER a clean environment).
async fn browse_with(url: String, action: &str, env: &[(&str, &str)], args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("browser.log");
    let mut cmd = std::process::Command::new("python3");
    cmd.arg(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/browser.py")).args(args).arg(url);
    cmd.env("BROWSER_STANDIN_FOREGROUND", "1").env("BROWSER_STANDIN_ACTION", action).env("BROWSER_STANDIN_LOG", &log);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let status = tokio::task::spawn_blocking(move || cmd.status()).await.unwrap().expect("python3 runs");
    assert!(status.success());
    std::fs::read_to_string(&log).unwrap_or_default()
}

fn python_missing() -> bool {
    std::process::Command::new("python3").arg("--version").output().is_err()
}

#[tokio::test]
async fn the_stand_in_approves_and_the_code_works() {
    if python_missing() {
        return;
    }
    let sb = sandbox().await;
    let (uri, seen) = callback("st8").await;
    let log =
        browse(authorize_url(&sb, &uri, SCOPE, "st8"), "approve", &[("BROWSER_STANDIN_LOCATION", "3r4s3-1")]).await;
    assert!(log.contains("GET callback") && log.contains("status=200") && !log.contains("error"), "{log}");
    let code = seen.lock().unwrap().accepted[0].clone();
    assert!(!log.contains(&code), "the log masks codes");
    assert_eq!(json(exchange(&sb, &code).await).await["location_id"], "3r4s3-1");
}

#[tokio::test]
async fn the_stand_in_denies_tampers_replays_and_floods() {
    if python_missing() {
        return;
    }
    let sb = sandbox().await;
    let (uri, seen) = callback("s").await;
    browse(authorize_url(&sb, &uri, SCOPE, "s"), "deny", &[]).await;
    assert_eq!(seen.lock().unwrap().accepted, ["error:access_denied"]);

    let (uri, seen) = callback("s").await;
    let log = browse(authorize_url(&sb, &uri, SCOPE, "s"), "wrong-state", &[]).await;
    assert!(log.contains("wrong-state callback status=400 ok"), "{log}");
    assert_eq!(seen.lock().unwrap().accepted.len(), 1);

    let (uri, seen) = callback("s").await;
    let log = browse(authorize_url(&sb, &uri, SCOPE, "s"), "replay", &[]).await;
    assert!(log.contains("replay callback status=400"), "{log}");
    assert_eq!(seen.lock().unwrap().targets.len(), 2);

    let (uri, seen) = callback("s").await;
    let log = browse(authorize_url(&sb, &uri, SCOPE, "s"), "flood", &[]).await;
    assert!(log.contains("flood sent=200 answered=200 success=0"), "{log}");
    assert_eq!(seen.lock().unwrap().targets.len(), 201);
    assert_eq!(seen.lock().unwrap().accepted.len(), 1);

    let (uri, seen) = callback("s").await;
    // The stand-in reads the client from a file: the CLI keeps secrets out of a browser's
    // environment.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("client");
    std::fs::write(&file, format!("{}:{}", sb.client_id, sb.client_secret)).unwrap();
    let client = [("BROWSER_STANDIN_CLIENT_FILE", file.to_str().unwrap())];
    let log = browse(authorize_url(&sb, &uri, SCOPE, "s"), "spend-code", &client).await;
    assert!(log.contains("spend-code token status=200"), "{log}");
    let spent = seen.lock().unwrap().accepted[0].clone();
    assert_eq!(exchange(&sb, &spent).await.status(), 400);

    let (uri, seen) = callback("s").await;
    browse(authorize_url(&sb, &uri, SCOPE, "s"), "nothing", &[]).await;
    assert!(seen.lock().unwrap().targets.is_empty());

    let log = browse(authorize_url(&sb, "urn:ietf:wg:oauth:2.0:oob", SCOPE, "s"), "approve", &[]).await;
    assert!(log.contains("oob page code=shown"), "{log}");
    let log = browse(format!("{}/marketplace/hubrise-v2/status", sb.endpoints.zelty_bo), "approve", &[]).await;
    assert!(log.contains("GET back office status=200"), "{log}");
    // The app already gone: still exit 0.
    let log = browse(authorize_url(&sb, "http://127.0.0.1:9/callback", SCOPE, "s"), "approve", &[]).await;
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

/// Opened on CONNEXIONS or on the App's Connect URL, the stand-in walks Zelty Bridge like a
/// person, with the key from the file named on its command line; it can refuse, meet a
/// bad key, and disconnect the app.
#[tokio::test]
async fn the_stand_in_walks_the_zelty_bridge_app() {
    if python_missing() {
        return;
    }
    let sb = sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("key");
    let key_arg = key_file.to_str().unwrap().to_string();
    let connections = format!("{}/connections?locale=fr-FR", sb.endpoints.hubrise_manager);
    let connect = format!("{}/zelty-bridge/connect", sb.endpoints.hubrise_manager);

    let log = browse_with(connections.clone(), "deny", &[], &["--zelty-key-file", &key_arg]).await;
    assert!(log.contains("bridge not configured"), "{log}");
    let log = browse_with(connections.clone(), "approve", &[], &["--zelty-key-file", &key_arg]).await;
    assert!(log.contains("bridge waiting at the key page (no key)"), "{log}");
    std::fs::write(&key_file, "bm9wZTpub3Blbm9wZW5vcGVub3Bl\n").unwrap();
    let log = browse_with(connect.clone(), "approve", &[], &["--zelty-key-file", &key_arg]).await;
    assert!(log.contains("bridge key refused"), "{log}");
    assert_eq!(hooks(&sb).await, serde_json::json!({}));

    std::fs::write(&key_file, format!("{}\n", sb.demo().demo_key())).unwrap();
    let args = ["--location", "3r4s3-1", "--zelty-key-file", key_arg.as_str()];
    let log = browse_with(connections.clone(), "approve", &[], &args).await;
    assert!(log.contains("GET see-apps status=200") && log.contains("bridge saved"), "{log}");
    assert!(!log.contains(&sb.demo().demo_key()), "the log never holds the key");
    assert_eq!(hooks(&sb).await["order.ended"]["version"], "v2");
    assert!(sb.shared.lock().installs.contains_key(&1), "on the location chosen");

    let log = browse_with(connections, "disconnect-bridge", &[], &["--location", "3r4s3-1"]).await;
    assert!(log.contains("POST confirm status=303"), "{log}");
    assert_eq!(hooks(&sb).await, serde_json::json!({}));
}
