//! The loopback listener that receives HubRise's redirect (`http://127.0.0.1:PORT/callback`).
//! It keeps serving until the callback with the right `state` arrives: a browser's
//! preconnects, favicon requests, stale tabs and hostile local requests get a page and are
//! ignored. Each connection may send at most 8 KiB of request head within 10 seconds, and
//! at most 1024 are open at once: a new one closes the oldest (a browser sends its request
//! as soon as it connects, so the oldest is the idlest), so a flood of idle connections
//! neither ends nor stalls the flow and memory stays bounded. Nothing from the request is
//! reflected into the page.

use crate::i18n::{Lang, Web};
use crate::secret::Secret;
use std::collections::VecDeque;
use std::net::Ipv4Addr;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

const MAX_HEAD: usize = 8 * 1024;
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
const MAX_CONNECTIONS: usize = 1024;

/// What the browser brought back.
#[derive(Debug)]
pub enum Callback {
    Code(Secret),
    /// `error=…` with the right `state`: the user refused (`access_denied`) or HubRise
    /// gave up (`expired`).
    Denied(String),
}

pub struct Listener {
    redirect_uri: String,
    rx: mpsc::Receiver<Callback>,
    task: JoinHandle<()>,
}

struct Shared {
    state: String,
    used: AtomicBool,
    lang: Lang,
    /// The open connections, oldest first: an id and the handle that closes it.
    open: Mutex<VecDeque<(u64, tokio::task::AbortHandle)>>,
    tx: mpsc::Sender<Callback>,
}

impl Listener {
    /// Binds 127.0.0.1 on a port the OS picks and starts serving.
    pub async fn start(state: String, lang: Lang) -> std::io::Result<Listener> {
        let socket = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let port = socket.local_addr()?.port();
        let (tx, rx) = mpsc::channel(1);
        let shared = Arc::new(Shared { state, used: AtomicBool::new(false), lang, open: Mutex::default(), tx });
        let task = tokio::spawn(accept_loop(socket, shared));
        Ok(Listener { redirect_uri: format!("http://127.0.0.1:{port}/callback"), rx, task })
    }

    pub fn redirect_uri(&self) -> &str {
        &self.redirect_uri
    }

    /// The callback with the right `state`, once.
    pub async fn next(&mut self) -> Option<Callback> {
        self.rx.recv().await
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn accept_loop(socket: TcpListener, shared: Arc<Shared>) {
    let mut next_id = 0u64;
    loop {
        let stream = match socket.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors during a flood: close the oldest connection, then
            // accept again.
            Err(_) => {
                close_oldest(&shared);
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        next_id += 1;
        let id = next_id;
        let Ok(mut open) = shared.open.lock() else { return };
        if open.len() >= MAX_CONNECTIONS
            && let Some((_, oldest)) = open.pop_front()
        {
            oldest.abort();
        }
        let task_shared = Arc::clone(&shared);
        // Registered under the lock, so the task cannot try to remove itself first.
        let task = tokio::spawn(async move {
            let _ = serve(stream, &task_shared).await;
            if let Ok(mut open) = task_shared.open.lock() {
                open.retain(|(other, _)| *other != id);
            }
        });
        open.push_back((id, task.abort_handle()));
    }
}

fn close_oldest(shared: &Shared) {
    if let Some((_, oldest)) = shared.open.lock().ok().and_then(|mut open| open.pop_front()) {
        oldest.abort();
    }
}

async fn serve(mut stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    let head = match tokio::time::timeout(HEAD_TIMEOUT, read_head(&mut stream)).await {
        Ok(Ok(Some(head))) => head,
        Ok(Ok(None)) => return respond(&mut stream, 431, shared.lang, Page::NotFound).await,
        Ok(Err(e)) => return Err(e),
        Err(_) => return respond(&mut stream, 408, shared.lang, Page::NotFound).await,
    };
    let (status, page, callback) = route(&head, shared);
    respond(&mut stream, status, shared.lang, page).await?;
    if let Some(callback) = callback {
        // The receiver keeps one slot; a full or closed channel means the flow already
        // has its answer or has ended.
        let _ = shared.tx.try_send(callback);
    }
    Ok(())
}

/// Reads up to the blank line ending the request head; `None` when it is over the cap.
async fn read_head(stream: &mut TcpStream) -> std::io::Result<Option<String>> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    loop {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Ok(Some(String::from_utf8_lossy(&buf).into_owned()));
        }
        buf.extend_from_slice(&chunk[..n]);
        if buf.windows(4).any(|w| w == b"\r\n\r\n") || buf.windows(2).any(|w| w == b"\n\n") {
            return Ok(Some(String::from_utf8_lossy(&buf).into_owned()));
        }
        if buf.len() > MAX_HEAD {
            return Ok(None);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Page {
    Success,
    Denied,
    Ignored,
    NotFound,
}

/// Decides the answer to one request head.
fn route(head: &str, shared: &Shared) -> (u16, Page, Option<Callback>) {
    let mut parts = head.lines().next().unwrap_or_default().split(' ');
    let (method, target) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    if path != "/callback" {
        return (404, Page::NotFound, None);
    }
    if method != "GET" {
        return (405, Page::Ignored, None);
    }
    let params = parse_callback(query);
    let state_ok = params.state.as_deref().is_some_and(|s| crate::secret::same(s, &shared.state));
    // HubRise sends a refusal back without `state` (only an approval carries it:
    // https://www.hubrise.com/developers/api/authentication, "Authorization"). Such a
    // refusal can only end the flow, never bring a code in, so it is taken as it comes.
    let stateless_refusal = params.state.is_none() && params.error.is_some() && params.code.is_none();
    if !(state_ok || stateless_refusal) || (params.code.is_none() && params.error.is_none()) {
        return (400, Page::Ignored, None);
    }
    // `state` is good for one answer only.
    if shared.used.swap(true, Ordering::AcqRel) {
        return (400, Page::Ignored, None);
    }
    match (params.error, params.code) {
        // Shown in the terminal: no escape sequence from the URL gets there.
        (Some(error), _) => {
            (200, Page::Denied, Some(Callback::Denied(crate::server_text::ServerText::new(&error).into_string())))
        }
        (None, Some(code)) => (200, Page::Success, Some(Callback::Code(Secret::new(code)))),
        (None, None) => (400, Page::Ignored, None),
    }
}

/// The parameters of a callback query string.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct CallbackParams {
    pub code: Option<String>,
    pub state: Option<String>,
    pub error: Option<String>,
}

/// Parses `code`, `state` and `error` from a query string; empty values count as absent,
/// and a repeated parameter makes the whole query suspect, so it is dropped.
pub fn parse_callback(query: &str) -> CallbackParams {
    let mut params = CallbackParams::default();
    let mut seen = std::collections::HashSet::new();
    for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
        if !seen.insert(key.to_string()) {
            return CallbackParams::default();
        }
        let value = Some(value.into_owned()).filter(|v| !v.is_empty() && v.len() <= 512);
        match key.as_ref() {
            "code" => params.code = value,
            "state" => params.state = value,
            "error" => params.error = value,
            _ => {}
        }
    }
    params
}

async fn respond(stream: &mut TcpStream, status: u16, lang: Lang, page: Page) -> std::io::Result<()> {
    let body = page_html(lang, page);
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        _ => "Request Header Fields Too Large",
    };
    let response = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nX-Content-Type-Options: nosniff\r\nContent-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n\r\n{body}",
        body.len()
    );
    tokio::time::timeout(Duration::from_secs(5), async {
        stream.write_all(response.as_bytes()).await?;
        stream.shutdown().await
    })
    .await
    .unwrap_or(Ok(()))
}

/// A static page in the user's language; the texts come from the `Web` catalog, which
/// holds no markup.
fn page_html(lang: Lang, page: Page) -> String {
    let (heading, body) = match page {
        Page::Success => (Web::CallbackSuccessHeading, Web::CallbackSuccessBody),
        Page::Denied => (Web::CallbackDeniedHeading, Web::CallbackDeniedBody),
        Page::Ignored => (Web::CallbackIgnoredHeading, Web::CallbackIgnoredBody),
        Page::NotFound => (Web::CallbackNotFoundHeading, Web::CallbackNotFoundBody),
    };
    let esc = |w: Web| crate::html::escape(&w.render(lang));
    format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>body{{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}}h1{{font-size:1.4rem}}</style></head><body><h1>{}</h1><p>{}</p></body></html>",
        lang.code(),
        esc(Web::CallbackTitle),
        esc(heading),
        esc(body)
    )
}

#[cfg(test)]
mod tests;
