//! The HTTP client shared by every call to Zelty and HubRise: timeouts, no redirects
//! (a redirect could carry a token elsewhere), bodies read with a size cap, and bounded
//! retries: 429 honours `Retry-After`, 5xx and network errors back off exponentially.
//! When the budget is spent the call fails as "unreachable" (exit 5), naming the service.
//! While a call retries, the spinner on screen shows the try and the time left; a person
//! at a terminal waits 30 s at most in all, whatever the per-request budget.

mod error;

pub use error::HttpError;

use crate::error::Failure;
use crate::error::Kind;
use crate::i18n::{Network, Ux};
use reqwest::{Client, RequestBuilder, StatusCode};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

/// The services, for messages and error codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Zelty,
    HubRise,
}

impl Service {
    pub fn name(self) -> &'static str {
        match self {
            Service::Zelty => "Zelty",
            Service::HubRise => "HubRise",
        }
    }

    pub(crate) fn unreachable_code(self) -> &'static str {
        match self {
            Service::Zelty => "zelty_unreachable",
            Service::HubRise => "hubrise_unreachable",
        }
    }
}

/// How hard to try. The defaults bound a call to about a minute and a half in the worst
/// case; `ZELTY_BRIDGE_HTTP_TIMEOUT` and `ZELTY_BRIDGE_HTTP_RETRIES` change them.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// Whole-request timeout, connection included.
    pub timeout: Duration,
    /// Tries in all, the first included.
    pub attempts: u32,
    /// First back-off; doubles each time.
    pub backoff: Duration,
    /// The longest single wait, whatever `Retry-After` asks.
    pub max_wait: Duration,
    /// Largest body we read.
    pub max_body: usize,
    /// The longest a whole call may take, tries and waits included (`None`: only the
    /// tries bound it). Interactive runs get `INTERACTIVE_TOTAL`.
    pub total: Option<Duration>,
}

/// A person at a terminal gives up on a silent service long before a script would: after
/// 30 s the call fails with the service named, instead of a bare spinner for a minute and a
/// half.
pub const INTERACTIVE_TOTAL: Duration = Duration::from_secs(30);

impl Default for Budget {
    fn default() -> Budget {
        Budget {
            timeout: Duration::from_secs(20),
            attempts: 4,
            backoff: Duration::from_millis(500),
            max_wait: Duration::from_secs(30),
            max_body: 4 << 20,
            total: None,
        }
    }
}

/// Whether a request may be sent twice. A token exchange spends a single-use code, so it
/// is retried only when it surely never reached the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idempotent {
    Yes,
    No,
}

/// Whether a successful answer's body matters. For a revoke, HubRise documents that a 200
/// means done, whatever follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    Needed,
    IgnoredOnSuccess,
}

/// A response, its body read in full (within the cap).
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub body: Vec<u8>,
    /// The server's clock (`Date`), in seconds since the epoch: what "now" is for the times
    /// it writes, whatever this computer's clock says.
    pub date: Option<i64>,
}

impl Reply {
    /// The body as JSON of type `T`; a body that is not gives a failure naming the service.
    /// The detail says where the JSON went wrong, never serde's words, which quote the
    /// value they choked on (a key, a token).
    pub fn json<T: serde::de::DeserializeOwned>(&self, service: Service) -> anyhow::Result<T> {
        serde_json::from_slice(&self.body).map_err(|e| {
            let detail = format!("{:?} at line {}, column {}", e.classify(), e.line(), e.column());
            Failure::from(HttpError::BadResponse { service, detail }).into()
        })
    }

    /// What an error may say of this answer at any verbosity: its status. The body, with
    /// every known secret cut out, goes to the `-v` log when the answer is read (a server
    /// may echo the `Authorization` header, the form or the query it was sent).
    pub fn excerpt(&self) -> String {
        format!("HTTP {}", self.status)
    }

    /// The first characters of the body, for the `-v` log: see `body_for_log`.
    pub fn redacted_excerpt(&self) -> String {
        body_for_log(&self.body)
    }
}

/// The most of a body the `-v` log shows.
const LOGGED_BODY: usize = 200;

/// A body as the `-v` log may show it: a JSON body with the value of every field whose
/// name says it is secret (`secret_key`, as in Zelty's `GET /webhooks` answer, a
/// `client_secret`, a `token`, a `password`) masked wherever it sits; any other body cut
/// at the first `secret_key` it mentions; then every known secret and every run of 8 of
/// its characters cut, control and bidi characters dropped, and the length capped
/// (`ServerText`).
pub fn body_for_log(body: &[u8]) -> String {
    let text = match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(mut value) => {
            mask_secret_fields(&mut value);
            value.to_string()
        }
        Err(_) => {
            let head = &body[..body.len().min(64 << 10)];
            let mut text = String::from_utf8_lossy(head).into_owned();
            // ASCII lowercasing keeps every byte where it was, so the index is a char
            // boundary of `text` too.
            if let Some(at) = text.to_ascii_lowercase().find("secret_key") {
                text.truncate(at);
                text.push_str("[redacted]");
            }
            text
        }
    };
    crate::server_text::sanitize(&text, LOGGED_BODY)
}

/// Masks, in place, the value of every field anywhere in `value` whose name marks a secret,
/// and sanitizes every other string.
fn mask_secret_fields(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for (name, field) in map.iter_mut() {
                let name = name.to_ascii_lowercase();
                if ["secret", "token", "password", "api_key", "apikey"].iter().any(|s| name.contains(s)) {
                    *field = serde_json::Value::String("[redacted]".into());
                } else {
                    mask_secret_fields(field);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(mask_secret_fields),
        // Dropped here, an escape is not re-encoded as a visible `\u001b` either.
        serde_json::Value::String(text) => *text = crate::server_text::ServerText::new(text).into_string(),
        _ => {}
    }
}

/// Who hears how calls go: the note under the spinner while a call retries, the line that
/// says a retry is coming when there is no spinner, and the `-v` log. The terminal's
/// `Printer` is one; this module decides when, the observer how it is shown.
pub trait Observer: Send + Sync {
    /// A person is at a terminal (calls then give up within `INTERACTIVE_TOTAL`).
    fn is_interactive(&self) -> bool;
    /// A spinner is on screen to carry `note`.
    fn is_live(&self) -> bool;
    /// `-q`: no narration.
    fn is_quiet(&self) -> bool;
    /// The spinner's note (`None` clears it).
    fn note(&self, note: Option<crate::i18n::Text>);
    /// A line of narration.
    fn info(&self, text: crate::i18n::Text);
    /// A `-v` (level 1) or `-vv` (level 2) line.
    fn debug(&self, level: u8, message: String);
}

/// Paces the requests to a service (`provision` keeps each HubRise token under its rate
/// limit this way). `ready` is awaited before every attempt, retries included, since each
/// one counts against a limit; `throttled` hears of every 429 and its `Retry-After`.
pub trait Pace: Send + Sync {
    fn ready(&self, service: Service) -> Pin<Box<dyn Future<Output = ()> + Send + '_>>;
    fn throttled(&self, service: Service, retry_after: Option<Duration>);
}

#[derive(Clone)]
pub struct Http {
    /// Built on first use: loading the system's root certificates costs more than
    /// everything else an offline command does.
    client: std::sync::Arc<std::sync::OnceLock<Result<Client, String>>>,
    budget: Budget,
    printer: Arc<dyn Observer>,
    pace: Option<Arc<dyn Pace>>,
}

/// What one try gave.
enum Try {
    Done(Reply),
    Retry { after: Option<Duration>, why: Why },
}

/// Why a try failed, as the retry line and the final error say it, and whether it was the
/// service asking us to slow down (HTTP 429: an answer, not a failure to answer).
#[derive(Debug, Default)]
struct Why {
    text: String,
    throttled: bool,
}

impl Why {
    /// An answer with this status.
    fn status(status: StatusCode) -> Why {
        Why { text: format!("HTTP {status}"), throttled: status == StatusCode::TOO_MANY_REQUESTS }
    }

    /// No answer: the transport's words.
    fn no_answer(text: String) -> Why {
        Why { text, throttled: false }
    }
}

impl Http {
    /// A client with this budget; an interactive run's calls are bounded by
    /// `INTERACTIVE_TOTAL` in all (scripts keep `ZELTY_BRIDGE_HTTP_TIMEOUT`/`_RETRIES`).
    pub fn new(mut budget: Budget, printer: impl Observer + 'static) -> Http {
        let printer: Arc<dyn Observer> = Arc::new(printer);
        if printer.is_interactive() && budget.total.is_none() {
            budget.total = Some(INTERACTIVE_TOTAL);
        }
        Http { client: Default::default(), budget, printer, pace: None }
    }

    /// The same client (and connection pool), its requests paced by `pace`. A paced run
    /// (`provision`) waits out rate-limit windows by design, so the interactive 30 s bound
    /// does not apply: it keeps the per-request budget.
    pub fn paced(&self, pace: Arc<dyn Pace>) -> Http {
        let budget = Budget { total: None, ..self.budget };
        Http { pace: Some(pace), budget, ..self.clone() }
    }

    /// The same client, its requests paced by `pace` but keeping this client's budget: a
    /// person's single call waits its key's turn and still gives up within the interactive
    /// bound.
    pub fn pacing(&self, pace: Arc<dyn Pace>) -> Http {
        Http { pace: Some(pace), ..self.clone() }
    }

    /// Whether a caller already paces these requests.
    pub fn is_paced(&self) -> bool {
        self.pace.is_some()
    }

    fn client(&self) -> anyhow::Result<&Client> {
        let budget = self.budget;
        let client = self.client.get_or_init(|| {
            Client::builder()
                .user_agent(concat!("zelty-bridge/", env!("CARGO_PKG_VERSION")))
                .redirect(reqwest::redirect::Policy::none())
                .connect_timeout(budget.timeout.min(Duration::from_secs(10)))
                .timeout(budget.timeout)
                .build()
                .map_err(|e| e.to_string())
        });
        client.as_ref().map_err(|e| anyhow::anyhow!("cannot build the HTTP client: {e}"))
    }

    /// Sends the request `build` makes, retrying within the budget. Returns the reply for
    /// any status but 429 and 5xx, which are retried and end as "unreachable".
    pub async fn send(
        &self,
        service: Service,
        idempotent: Idempotent,
        build: impl Fn(&Client) -> RequestBuilder,
    ) -> anyhow::Result<Reply> {
        self.send_with(service, idempotent, Body::Needed, build).await
    }

    /// `send`, saying whether a successful answer's body is read at all.
    pub async fn send_with(
        &self,
        service: Service,
        idempotent: Idempotent,
        body: Body,
        build: impl Fn(&Client) -> RequestBuilder,
    ) -> anyhow::Result<Reply> {
        let client = self.client()?;
        let deadline = self.budget.total.map(|total| tokio::time::Instant::now() + total);
        let attempts = self.budget.attempts.max(1);
        let mut last = Why::default();
        let mut tried = 0;
        for attempt in 1..=attempts {
            if let Some(pace) = &self.pace {
                pace.ready(service).await;
            }
            let left = left(deadline);
            if left.is_some_and(|l| l.is_zero()) {
                break;
            }
            tried = attempt;
            let mut request = build(client);
            if let Some(left) = left {
                request = request.timeout(left.min(self.budget.timeout));
            }
            let once = self.try_once(service, idempotent, body, request);
            let outcome = if attempt == 1 {
                once.await
            } else {
                // From the second try on, the spinner says which try and how long is left.
                let note = || Some(try_note(attempt, attempts, deadline));
                self.with_note(once, note).await
            };
            match outcome {
                Ok(Try::Done(reply)) => {
                    self.printer.note(None);
                    return Ok(reply);
                }
                Err(err) => {
                    self.printer.note(None);
                    return Err(err);
                }
                Ok(Try::Retry { after, why }) => {
                    last = why;
                    if attempt == attempts {
                        break;
                    }
                    // Jittered into the upper half, so that callers failed together do not
                    // come back together.
                    let wait = after
                        .unwrap_or_else(|| {
                            let full = self.budget.backoff * 2u32.saturating_pow(attempt);
                            full / 2 + full.mul_f64(jitter() / 2.0)
                        })
                        .min(self.budget.max_wait);
                    // A wait that would outlast the deadline is not worth starting.
                    if left_after(deadline, wait).is_some_and(|l| l.is_zero()) {
                        break;
                    }
                    self.printer.debug(
                        1,
                        format!(
                            "{}: {}; retrying in {:.1} s ({attempt}/{attempts})",
                            service.name(),
                            last.text,
                            wait.as_secs_f32(),
                        ),
                    );
                    self.announce_retry(service, &last, attempt + 1, attempts, wait, deadline).await;
                }
            }
        }
        self.printer.note(None);
        Err(unreachable(service, tried.max(1), last))
    }

    /// Runs `fut`, refreshing the spinner's note every second meanwhile.
    async fn with_note<T>(&self, fut: impl Future<Output = T>, note: impl Fn() -> Option<crate::i18n::Text>) -> T {
        tokio::pin!(fut);
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        loop {
            tokio::select! {
                out = &mut fut => return out,
                _ = tick.tick() => self.printer.note(note()),
            }
        }
    }

    /// Waits `wait` before try `next`: the spinner counts down; without one, a plain line
    /// says it once (logs show why a run took longer).
    async fn announce_retry(
        &self,
        service: Service,
        why: &Why,
        next: u32,
        attempts: u32,
        wait: Duration,
        deadline: Option<tokio::time::Instant>,
    ) {
        if !self.printer.is_live() && !self.printer.is_quiet() {
            // A 429 is an answer: the service asked us to wait, it did not fail to answer.
            let line = if why.throttled { Network::RetrySlowDown.text() } else { Ux::RetryLine.text() };
            self.printer.info(
                line.with("service", service.name())
                    .with("why", &why.text)
                    .with("n", next)
                    .with("of", attempts)
                    .with("wait", seconds(wait)),
            );
        }
        let until = tokio::time::Instant::now() + wait;
        let note = || {
            let wait = until.saturating_duration_since(tokio::time::Instant::now());
            Some(match left(deadline) {
                Some(left) => Ux::RetryIn
                    .with("n", next)
                    .with("of", attempts)
                    .with("wait", seconds(wait))
                    .with("secs", seconds(left)),
                None => Ux::TryOfNoDeadline.with("n", next).with("of", attempts),
            })
        };
        self.with_note(tokio::time::sleep(wait), note).await;
    }

    async fn try_once(
        &self,
        service: Service,
        idempotent: Idempotent,
        body: Body,
        request: RequestBuilder,
    ) -> anyhow::Result<Try> {
        let response = match request.send().await {
            Ok(r) => r,
            // The request could not even be built: a header value with a line break (a
            // token pasted with its newline). No retry can fix that: a usage error, now.
            Err(e) if e.is_builder() => {
                return Err(Failure::from(HttpError::BadSecretCharacters { service }).into());
            }
            Err(e) => {
                let why = Why::no_answer(describe(&e));
                // A request that may have reached the server is not sent twice unless it
                // is idempotent.
                if idempotent == Idempotent::No && !e.is_connect() {
                    return Err(unreachable(service, 1, why));
                }
                return Ok(Try::Retry { after: None, why });
            }
        };
        let status = response.status();
        self.printer.debug(2, format!("{} {} -> {}", service.name(), redact_url(response.url()), status));
        let retry_after = retry_after(response.headers());
        // 423 Locked and 425 Too Early are retried like 429: Zelty's API reference
        // (https://docs.zelty.fr, "Limites") lists them with 429 as "try again later".
        // Without `Retry-After`, the exponential back-off with jitter of `send_with` applies.
        if matches!(status.as_u16(), 423 | 425 | 429) {
            if let Some(pace) = &self.pace {
                pace.throttled(service, retry_after);
            }
            return Ok(Try::Retry { after: retry_after, why: Why::status(status) });
        }
        if status.is_server_error() && idempotent == Idempotent::Yes {
            return Ok(Try::Retry { after: retry_after, why: Why::status(status) });
        }
        if body == Body::IgnoredOnSuccess && status.is_success() {
            return Ok(Try::Done(Reply { status, body: Vec::new(), date: None }));
        }
        let date = response
            .headers()
            .get(reqwest::header::DATE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| httpdate::parse_http_date(v).ok())
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .and_then(|d| i64::try_from(d.as_secs()).ok());
        let body = match read_capped(response, self.budget.max_body).await {
            Ok(body) => body,
            Err(BodyError::TooLarge) => {
                let limit_mib = self.budget.max_body >> 20;
                return Err(Failure::from(HttpError::TooLarge { service, limit_mib }).into());
            }
            Err(BodyError::Read(why)) if idempotent == Idempotent::Yes => {
                return Ok(Try::Retry { after: None, why: Why::no_answer(why) });
            }
            Err(BodyError::Read(why)) => {
                return Err(unreachable(service, 1, Why::no_answer(why)));
            }
        };
        let reply = Reply { status, body, date };
        if !status.is_success() {
            // Never at normal verbosity, and never a secret at any.
            self.printer.debug(1, format!("{} answered {status}: {}", service.name(), reply.redacted_excerpt()));
        }
        if status.is_server_error() {
            return Err(unreachable(service, 1, Why::status(status)));
        }
        Ok(Try::Done(reply))
    }
}

/// A status as people read it: `404 Not Found`, or the bare number when it has no name.
pub fn status_line(status: u16) -> String {
    reqwest::StatusCode::from_u16(status).map_or_else(|_| status.to_string(), |s| s.to_string())
}

/// A number in [0, 1) from the system's random source (0.5 if it fails): where in the
/// upper half of a back-off a retry lands, so that callers failed together do not come
/// back together.
pub fn jitter() -> f64 {
    getrandom::u32().map_or(0.5, |n| f64::from(n) / (f64::from(u32::MAX) + 1.0))
}

/// Time left before the deadline, if there is one.
fn left(deadline: Option<tokio::time::Instant>) -> Option<Duration> {
    deadline.map(|d| d.saturating_duration_since(tokio::time::Instant::now()))
}

/// Time left once `wait` has passed.
fn left_after(deadline: Option<tokio::time::Instant>, wait: Duration) -> Option<Duration> {
    left(deadline).map(|l| l.saturating_sub(wait))
}

/// Whole seconds, rounded up (a countdown never shows 0 while time is left).
fn seconds(d: Duration) -> u64 {
    d.as_millis().div_ceil(1000) as u64
}

/// "try 2 of 4; giving up in 24 s".
fn try_note(attempt: u32, attempts: u32, deadline: Option<tokio::time::Instant>) -> crate::i18n::Text {
    match left(deadline) {
        Some(left) => Ux::TryOf.with("n", attempt).with("of", attempts).with("secs", seconds(left)),
        None => Ux::TryOfNoDeadline.with("n", attempt).with("of", attempts),
    }
}

/// The service could not be reached after `tries`: exit 5, naming the service.
fn unreachable(service: Service, tries: u32, why: Why) -> anyhow::Error {
    if why.throttled {
        return Failure::new(
            Kind::Unreachable,
            service.unreachable_code(),
            Network::SlowedDown.with("service", service.name()).with("why", &why.text).with("tries", tries),
        )
        .hint(Network::SlowedDownHint.with("service", service.name()))
        .into();
    }
    Failure::from(HttpError::Unreachable { service, tries, detail: why.text }).into()
}

enum BodyError {
    TooLarge,
    Read(String),
}

/// Reads the body chunk by chunk and stops at `cap`, so a hostile or broken server cannot
/// make us buffer gigabytes.
async fn read_capped(mut response: reqwest::Response, cap: usize) -> Result<Vec<u8>, BodyError> {
    if response.content_length().is_some_and(|n| n > cap as u64) {
        return Err(BodyError::TooLarge);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| BodyError::Read(describe(&e)))? {
        if body.len() + chunk.len() > cap {
            return Err(BodyError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// `Retry-After` in seconds (the HTTP-date form is rare for APIs and is ignored).
pub fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let value = headers.get(reqwest::header::RETRY_AFTER)?.to_str().ok()?;
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

/// An error without the URL's query string, which may hold a code or a token.
fn describe(err: &reqwest::Error) -> String {
    let kind = if err.is_timeout() {
        "timed out"
    } else if err.is_connect() {
        "connection failed"
    } else if err.is_body() || err.is_decode() {
        "the response was cut off"
    } else {
        "request failed"
    };
    let mut source = std::error::Error::source(err);
    let mut root = String::new();
    while let Some(s) = source {
        root = s.to_string();
        source = s.source();
    }
    let url = err.url().map(redact_url).unwrap_or_default();
    if root.is_empty() { format!("{kind} ({url})") } else { format!("{kind} ({url}): {root}") }
}

/// A URL for logs: scheme, host, port and path; never the query.
pub fn redact_url(url: &url::Url) -> String {
    let mut shown = url.clone();
    shown.set_query(None);
    shown.set_fragment(None);
    let _ = shown.set_password(None);
    let _ = shown.set_username("");
    shown.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_only() {
        let mut headers = reqwest::header::HeaderMap::new();
        assert_eq!(retry_after(&headers), None);
        headers.insert(reqwest::header::RETRY_AFTER, "7".parse().unwrap());
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(7)));
        headers.insert(reqwest::header::RETRY_AFTER, "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap());
        assert_eq!(retry_after(&headers), None);
    }

    #[test]
    fn an_echoed_secret_never_reaches_an_error() {
        let key = crate::secret::Secret::new("MTIzNDU6echoedEchoedEchoedEchoed=");
        let body = format!("{{\"error\":\"bad header\",\"got\":\"Bearer {}\"}}", key.expose()).into_bytes();
        let reply = Reply { status: StatusCode::IM_A_TEAPOT, body, date: None };
        assert_eq!(reply.excerpt(), "HTTP 418 I'm a teapot");
        assert!(!reply.redacted_excerpt().contains("echoedEchoed"), "{}", reply.redacted_excerpt());
        assert!(reply.redacted_excerpt().contains("[redacted]"));
        let shape = Reply {
            status: StatusCode::OK,
            body: format!("{{\"errno\":\"{}\"}}", "quoted-value-x").into_bytes(),
            date: None,
        };
        let err = shape.json::<std::collections::BTreeMap<String, i64>>(Service::Zelty).unwrap_err();
        assert!(!format!("{err:#}").contains("quoted-value"), "{err:#}");
    }

    #[test]
    fn logged_bodies_never_show_a_secret_key_nor_an_escape() {
        let json = br#"{"errno":5,"webhooks":{"a":{"target":"https://x.hubrise-apps.com/h","secret_key":"Zk3y-s3cr3t-value"}},"list":[{"Secret_Key":"other-s3cr3t"}],"m":"]0;tx"}"#;
        let logged = body_for_log(json);
        assert!(!logged.contains("s3cr3t"), "{logged}");
        assert!(logged.contains("x.hubrise-apps.com"), "{logged}");
        assert!(!logged.contains('\u{1b}') && !logged.contains("\\u001b"), "{logged}");
        let text = b"oops <html> secret_key=Zk3y-s3cr3t-value; more";
        let logged = body_for_log(text);
        assert_eq!(logged, "oops <html> [redacted]");
        let broken = b"\xff\xfe\x1b[2J\xc3\x28 \x9b31m";
        assert!(body_for_log(broken).chars().all(|c| !c.is_control()));
    }

    #[test]
    fn urls_in_logs_lose_their_query() {
        let url = url::Url::parse("http://u:p@127.0.0.1:9/callback?code=abc&state=def#x").unwrap();
        assert_eq!(redact_url(&url), "http://127.0.0.1:9/callback");
    }
}

#[cfg(test)]
mod retry_tests;
