//! The listener against well-behaved, stray and hostile requests.

use super::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn shared(state: &str) -> (Shared, mpsc::Receiver<Callback>) {
    let (tx, rx) = mpsc::channel(1);
    let (refusals, _) = mpsc::channel(1);
    (
        Shared {
            state: state.into(),
            used: AtomicBool::new(false),
            lang: Lang::En,
            open: Mutex::default(),
            tx,
            refusals,
        },
        rx,
    )
}

fn head(target: &str) -> String {
    format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
}

#[test]
fn route_table() {
    let (s, _rx) = shared("good");
    let cases: &[(&str, u16, Page)] = &[
        ("/favicon.ico", 404, Page::NotFound),
        ("/", 404, Page::NotFound),
        ("/callback", 400, Page::Ignored),
        ("/callback?code=abc", 400, Page::Ignored),
        ("/callback?code=abc&state=bad", 400, Page::Ignored),
        ("/callback?code=abc&state=goo", 400, Page::Ignored),
        ("/callback?state=good", 400, Page::Ignored),
        ("/callback?code=abc&state=good&state=good", 400, Page::Ignored),
        ("/callback/extra?code=abc&state=good", 404, Page::NotFound),
    ];
    for (target, status, page) in cases {
        let (got_status, got_page, callback) = route(&head(target), &s);
        assert_eq!((got_status, got_page), (*status, *page), "{target}");
        assert!(callback.is_none(), "{target}");
    }
    assert!(!s.used.load(Ordering::Acquire), "bad requests must not spend the state");
}

#[test]
fn the_right_state_is_accepted_once() {
    let (s, _rx) = shared("good");
    let (status, page, callback) = route(&head("/callback?code=c0de&state=good"), &s);
    assert_eq!((status, page), (200, Page::Success));
    assert!(matches!(callback, Some(Callback::Code(c)) if c.expose() == "c0de"));
    let (status, page, callback) = route(&head("/callback?code=c0de&state=good"), &s);
    assert_eq!((status, page, callback.is_none()), (400, Page::Ignored, true));
}

#[test]
fn a_denial_with_the_right_state_ends_the_flow() {
    let (s, _rx) = shared("good");
    let (status, page, callback) = route(&head("/callback?error=access_denied&state=good"), &s);
    assert_eq!((status, page), (200, Page::Denied));
    assert!(matches!(callback, Some(Callback::Denied(e)) if e.is_access_denied()));
}

#[test]
fn a_refusal_without_the_state_is_passed_on_unverified_and_spends_nothing() {
    let (s, _rx) = shared("good");
    for target in [
        "/callback?error=access_denied",
        "/callback?error=access_denied&state=bad",
        "/callback?error=Run%20curl%20evil%7Csh&error_description=%1B%5D0%3Bx%07",
    ] {
        let (status, page, callback) = route(&head(target), &s);
        assert_eq!((status, page), (200, Page::Denied), "{target}");
        match callback {
            Some(Callback::Unverified(r)) => assert!(!r.shown().contains('\u{1b}'), "{target}: {r:?}"),
            other => panic!("{target}: {other:?}"),
        }
    }
    assert!(!s.used.load(Ordering::Acquire), "an unverified refusal must not spend the state");
    let (status, _, callback) = route(&head("/callback?code=c0de&state=good"), &s);
    assert_eq!(status, 200);
    assert!(matches!(callback, Some(Callback::Code(_))));
}

#[test]
fn a_stateless_code_is_ignored() {
    let (s, _rx) = shared("good");
    for target in ["/callback?code=c0de", "/callback?code=c0de&error=x", "/callback?code=c0de&state=bad"] {
        let (status, page, callback) = route(&head(target), &s);
        assert_eq!((status, page, callback.is_none()), (400, Page::Ignored, true), "{target}");
    }
}

#[tokio::test]
async fn a_flood_of_refusals_never_takes_the_real_callbacks_place() {
    let mut listener = Listener::start("s3cret-state".into(), Lang::En).await.unwrap();
    let port = port_of(&listener);
    for _ in 0..20 {
        assert!(get(port, "/callback?error=access_denied").await.starts_with("HTTP/1.1 200"));
    }
    assert!(get(port, "/callback?code=the-code&state=s3cret-state").await.starts_with("HTTP/1.1 200"));
    let mut unverified = 0;
    loop {
        match tokio::time::timeout(Duration::from_secs(5), listener.next()).await.unwrap() {
            Some(Callback::Unverified(_)) => unverified += 1,
            Some(Callback::Code(code)) => break assert_eq!(code.expose(), "the-code"),
            other => panic!("{other:?}"),
        }
    }
    assert!(unverified <= 2, "{unverified}");
}

#[test]
fn post_is_not_a_callback() {
    let (s, _rx) = shared("good");
    let (status, _, callback) = route("POST /callback?code=a&state=good HTTP/1.1\r\n\r\n", &s);
    assert_eq!((status, callback.is_none()), (405, true));
}

#[test]
fn pages_never_reflect_the_request() {
    let (s, _rx) = shared("good");
    let (_, page, _) = route(&head("/callback?code=<script>alert(1)</script>&state=<b>"), &s);
    let html = page_html(Lang::Fr, page);
    assert!(!html.contains("<script>alert") && !html.contains("<b>"), "{html}");
    assert!(html.contains("lang=\"fr\""));
}

async fn get(port: u16, target: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    stream.write_all(head(target).as_bytes()).await.unwrap();
    let mut out = String::new();
    let _ = stream.read_to_string(&mut out).await;
    out
}

fn port_of(listener: &Listener) -> u16 {
    listener.redirect_uri().trim_start_matches("http://127.0.0.1:").trim_end_matches("/callback").parse().unwrap()
}

#[tokio::test]
async fn serves_until_the_right_callback() {
    let mut listener = Listener::start("s3cret-state".into(), Lang::En).await.unwrap();
    let port = port_of(&listener);
    assert!(get(port, "/favicon.ico").await.starts_with("HTTP/1.1 404"));
    assert!(get(port, "/callback?code=x&state=wrong").await.starts_with("HTTP/1.1 400"));
    let ok = get(port, "/callback?code=the-code&state=s3cret-state").await;
    assert!(ok.starts_with("HTTP/1.1 200") && ok.contains("Referrer-Policy: no-referrer"), "{ok}");
    match tokio::time::timeout(Duration::from_secs(5), listener.next()).await.unwrap() {
        Some(Callback::Code(code)) => assert_eq!(code.expose(), "the-code"),
        other => panic!("{other:?}"),
    }
    assert!(get(port, "/callback?code=the-code&state=s3cret-state").await.starts_with("HTTP/1.1 400"));
}

#[tokio::test]
async fn an_oversized_head_is_refused() {
    let listener = Listener::start("s".into(), Lang::En).await.unwrap();
    let port = port_of(&listener);
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    let huge = format!("GET /callback?pad={} HTTP/1.1\r\n", "a".repeat(MAX_HEAD + 10));
    let _ = stream.write_all(huge.as_bytes()).await;
    let mut out = String::new();
    let _ = stream.read_to_string(&mut out).await;
    assert!(out.starts_with("HTTP/1.1 431"), "{}", &out[..out.len().min(80)]);
}

/// A thousand hostile connections (slow half-sent heads, garbage, wrong states) do not end
/// or stall the flow: the real callback still arrives. The timeout only guards against a
/// hang; it is not a speed assertion.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_does_not_stop_the_real_callback() {
    let mut listener = Listener::start("the-state".into(), Lang::En).await.unwrap();
    let port = port_of(&listener);
    let mut slow = Vec::new();
    for _ in 0..400 {
        if let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)).await {
            let _ = s.write_all(b"GET /callback?code=x&st").await;
            slow.push(s);
        }
    }
    let mut noise = Vec::new();
    for i in 0..600 {
        noise.push(tokio::spawn(async move {
            let target = match i % 3 {
                0 => format!("/callback?code=c{i}&state=wrong{i}"),
                1 => "/%%%garbage\u{0}".to_string(),
                _ => format!("/callback?error=access_denied&state=x{i}"),
            };
            let _ = tokio::time::timeout(Duration::from_secs(5), async {
                if let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)).await {
                    let _ = s.write_all(head(&target).as_bytes()).await;
                    let mut sink = Vec::new();
                    let _ = s.read_to_end(&mut sink).await;
                }
            })
            .await;
        }));
    }
    let real = tokio::time::timeout(Duration::from_secs(20), get(port, "/callback?code=real&state=the-state"))
        .await
        .expect("real callback answered");
    assert!(real.starts_with("HTTP/1.1 200"), "{real}");
    match tokio::time::timeout(Duration::from_secs(20), listener.next()).await.unwrap() {
        Some(Callback::Code(code)) => assert_eq!(code.expose(), "real"),
        other => panic!("{other:?}"),
    }
    for task in noise {
        let _ = task.await;
    }
    drop(slow);
}

/// More idle connections than the listener serves at once (each held open, sending
/// nothing) must not lock the real callback out: the oldest idle ones are closed to make
/// room. The timeouts only guard against a hang.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn more_idle_connections_than_the_cap_do_not_lock_out_the_callback() {
    let mut listener = Listener::start("the-state".into(), Lang::En).await.unwrap();
    let port = port_of(&listener);
    let mut idle = Vec::new();
    for _ in 0..MAX_CONNECTIONS + 100 {
        if let Ok(s) = TcpStream::connect(("127.0.0.1", port)).await {
            idle.push(s);
        }
    }
    assert!(idle.len() > MAX_CONNECTIONS, "only {} connections opened", idle.len());
    let real = tokio::time::timeout(Duration::from_secs(20), get(port, "/callback?code=real&state=the-state"))
        .await
        .expect("real callback answered");
    assert!(real.starts_with("HTTP/1.1 200"), "{real}");
    match tokio::time::timeout(Duration::from_secs(20), listener.next()).await.unwrap() {
        Some(Callback::Code(code)) => assert_eq!(code.expose(), "real"),
        other => panic!("{other:?}"),
    }
    drop(idle);
}

#[test]
fn parse_callback_table() {
    assert_eq!(
        parse_callback("code=a&state=b"),
        CallbackParams { code: Some("a".into()), state: Some("b".into()), error: None, error_description: None }
    );
    assert_eq!(
        parse_callback("error=access_denied"),
        CallbackParams { error: Some("access_denied".into()), ..Default::default() }
    );
    assert_eq!(parse_callback("code=&state="), CallbackParams::default());
    assert_eq!(parse_callback("code=a&code=b&state=s"), CallbackParams::default());
    assert_eq!(parse_callback("%ZZ=%&&=="), CallbackParams::default());
    assert_eq!(parse_callback(&format!("code={}&state=s", "x".repeat(600))).code, None);
}
