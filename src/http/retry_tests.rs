//! Retries and back-off on tokio's paused clock: the waits are measured on it, so these
//! take no real time, and a change to the schedule shows as a wrong figure, not as a
//! slower suite.

use super::*;
use crate::i18n::Lang;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::time::Instant;

/// A server that answers each request with the next status of `script` (with
/// `Retry-After` when given), then 200; it counts the requests.
async fn server(script: Vec<(u16, Option<u64>)>) -> (String, Arc<Mutex<usize>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/x", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(0usize));
    let count = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let mut head = Vec::new();
            let mut buf = [0u8; 1024];
            while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => head.extend_from_slice(&buf[..n]),
                }
            }
            let n = {
                let mut c = count.lock().unwrap();
                *c += 1;
                *c
            };
            let (status, after) = script.get(n - 1).copied().unwrap_or((200, None));
            let after = after.map(|s| format!("Retry-After: {s}\r\n")).unwrap_or_default();
            let reply = format!("HTTP/1.1 {status} X\r\n{after}Content-Length: 2\r\nConnection: close\r\n\r\n{{}}");
            let _ = stream.write_all(reply.as_bytes()).await;
        }
    });
    (url, seen)
}

fn http(budget: Budget) -> Http {
    let (printer, _, _) = crate::printer::Printer::for_tests(Lang::En, false, true);
    Http::new(budget, printer)
}

async fn get(http: &Http, url: &str) -> anyhow::Result<Reply> {
    http.send(Service::Zelty, Idempotent::Yes, |c| c.get(url)).await
}

#[tokio::test(start_paused = true)]
async fn backoff_doubles_into_its_upper_half_and_then_succeeds() {
    let (url, seen) = server(vec![(503, None), (503, None), (503, None)]).await;
    let start = Instant::now();
    let reply = get(&http(Budget::default()), &url).await.unwrap();
    assert_eq!(reply.status, 200);
    assert_eq!(*seen.lock().unwrap(), 4);
    // 500 ms doubled each time (1 s, 2 s, 4 s), each jittered into its upper half.
    let waited = start.elapsed();
    assert!(waited >= Duration::from_millis(3500) && waited < Duration::from_secs(7), "{waited:?}");
}

#[tokio::test(start_paused = true)]
async fn retry_after_is_obeyed_and_capped() {
    let (url, seen) = server(vec![(429, Some(7))]).await;
    let start = Instant::now();
    get(&http(Budget::default()), &url).await.unwrap();
    assert_eq!(*seen.lock().unwrap(), 2);
    let waited = start.elapsed();
    assert!(waited >= Duration::from_secs(7) && waited < Duration::from_millis(7100), "{waited:?}");

    // A service that asks for an hour gets `max_wait`.
    let (url, _) = server(vec![(429, Some(3600))]).await;
    let start = Instant::now();
    get(&http(Budget::default()), &url).await.unwrap();
    let waited = start.elapsed();
    assert!(waited >= Duration::from_secs(30) && waited < Duration::from_millis(30_100), "{waited:?}");
}

#[tokio::test(start_paused = true)]
async fn the_tries_run_out_and_a_deadline_is_not_outlasted() {
    let (url, seen) = server(vec![(503, None); 10]).await;
    let err = get(&http(Budget::default()), &url).await.unwrap_err();
    assert_eq!(*seen.lock().unwrap(), 4, "four tries in all: {err:#}");

    // With 3 s left in all, the 4 s back-off before the fourth try is not started.
    let (url, seen) = server(vec![(503, None); 10]).await;
    let start = Instant::now();
    let budget = Budget { total: Some(Duration::from_secs(3)), ..Budget::default() };
    assert!(get(&http(budget), &url).await.is_err());
    assert!(start.elapsed() <= Duration::from_secs(3), "{:?}", start.elapsed());
    assert!(*seen.lock().unwrap() < 4, "{}", *seen.lock().unwrap());

    // A request that is not idempotent is not sent twice after a 5xx.
    let (url, seen) = server(vec![(503, None)]).await;
    let once = http(Budget::default()).send(Service::HubRise, Idempotent::No, |c| c.post(&url)).await;
    assert!(once.is_err());
    assert_eq!(*seen.lock().unwrap(), 1);
}
