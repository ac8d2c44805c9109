//! The HTTP client shared by every call to Zelty and HubRise: timeouts, no redirects
//! (a redirect could carry a token elsewhere), bodies read with a size cap, and bounded
//! retries: 429 honours `Retry-After`, 5xx and network errors back off exponentially.
//! When the budget is spent the call fails as "unreachable" (exit 5), naming the service.
//! While a call retries, the spinner on screen shows the try and the time left; a person
//! at a terminal waits 30 s at most in all, whatever the per-request budget.

use crate::error::Failure;
use crate::error::Kind;
use crate::i18n::{FirstHour, Harden, Msg, Ux};
use crate::printer::Printer;
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

    fn unreachable_code(self) -> &'static str {
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
}

impl Reply {
    /// The body as JSON of type `T`; a body that is not gives a failure naming the service.
    /// The detail says where the JSON went wrong, never serde's words, which quote the
    /// value they choked on (a key, a token).
    pub fn json<T: serde::de::DeserializeOwned>(&self, service: Service) -> anyhow::Result<T> {
        serde_json::from_slice(&self.body).map_err(|e| {
            Failure::new(Kind::Unreachable, "bad_response", Msg::BadResponse.with("service", service.name()))
                .hint(Msg::BadResponseHint.text())
                .detail(format!("{:?} at line {}, column {}", e.classify(), e.line(), e.column()))
                .into()
        })
    }

    /// What an error may say of this answer at any verbosity: its status. The body, with
    /// every known secret cut out, goes to the `-v` log when the answer is read (a server
    /// may echo the `Authorization` header, the form or the query it was sent).
    pub fn excerpt(&self) -> String {
        format!("HTTP {}", self.status)
    }

    /// The first characters of the body, every known secret cut out first (so that no
    /// part of one survives the cut at 200 characters), on one line, control characters
    /// dropped.
    pub fn redacted_excerpt(&self) -> String {
        let text = crate::secret::redact(&String::from_utf8_lossy(&self.body));
        let mut excerpt: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).take(200).collect();
        if text.chars().count() > 200 {
            excerpt.push('…');
        }
        excerpt
    }
}

/// Text from a server or a callback (a name, an `error` value) made safe for a terminal:
/// control characters (escape sequences start with one) and the bidirectional overrides
/// that reorder what is shown are dropped.
pub fn printable(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() && !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

/// A string field from a server, made `printable` as it is read (`deserialize_with`).
pub fn printable_string<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let text: String = serde::Deserialize::deserialize(deserializer)?;
    Ok(printable(&text))
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
    printer: Printer,
    pace: Option<Arc<dyn Pace>>,
}

/// What one try gave.
enum Try {
    Done(Reply),
    Retry { after: Option<Duration>, why: String },
}

impl Http {
    /// A client with this budget; an interactive run's calls are bounded by
    /// `INTERACTIVE_TOTAL` in all (scripts keep `ZELTY_BRIDGE_HTTP_TIMEOUT`/`_RETRIES`).
    pub fn new(mut budget: Budget, printer: Printer) -> Http {
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
        let mut last = String::new();
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
                            "{}: {last}; retrying in {:.1} s ({attempt}/{attempts})",
                            service.name(),
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
        why: &str,
        next: u32,
        attempts: u32,
        wait: Duration,
        deadline: Option<tokio::time::Instant>,
    ) {
        if !self.printer.is_live() && !self.printer.is_quiet() {
            // A 429 is an answer: the service asked us to wait, it did not fail to answer.
            let line = if throttled(why) { FirstHour::RetrySlowDown.text() } else { Ux::RetryLine.text() };
            self.printer.info(
                line.with("service", service.name())
                    .with("why", why)
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
                return Err(Failure::new(
                    Kind::Usage,
                    "bad_secret_characters",
                    Harden::SecretHasControl.with("service", service.name()),
                )
                .hint(Harden::SecretHasControlHint.text())
                .into());
            }
            Err(e) => {
                let why = describe(&e);
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
            return Ok(Try::Retry { after: retry_after, why: format!("HTTP {status}") });
        }
        if status.is_server_error() && idempotent == Idempotent::Yes {
            return Ok(Try::Retry { after: retry_after, why: format!("HTTP {status}") });
        }
        if body == Body::IgnoredOnSuccess && status.is_success() {
            return Ok(Try::Done(Reply { status, body: Vec::new() }));
        }
        let body = match read_capped(response, self.budget.max_body).await {
            Ok(body) => body,
            Err(BodyError::TooLarge) => {
                return Err(Failure::new(
                    Kind::Unreachable,
                    "response_too_large",
                    Msg::ResponseTooLarge.with("service", service.name()).with("limit", self.budget.max_body >> 20),
                )
                .hint(Msg::BadResponseHint.text())
                .into());
            }
            Err(BodyError::Read(why)) if idempotent == Idempotent::Yes => return Ok(Try::Retry { after: None, why }),
            Err(BodyError::Read(why)) => {
                return Err(unreachable(service, 1, why));
            }
        };
        let reply = Reply { status, body };
        if !status.is_success() {
            // Never at normal verbosity, and never a secret at any.
            self.printer.debug(1, format!("{} answered {status}: {}", service.name(), reply.redacted_excerpt()));
        }
        if status.is_server_error() {
            return Err(unreachable(service, 1, format!("HTTP {status}")));
        }
        Ok(Try::Done(reply))
    }
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

/// Whether a retry's reason is the service asking us to slow down (HTTP 429).
fn throttled(why: &str) -> bool {
    why.starts_with("HTTP 429")
}

/// "try 2 of 4; giving up in 24 s".
fn try_note(attempt: u32, attempts: u32, deadline: Option<tokio::time::Instant>) -> crate::i18n::Text {
    match left(deadline) {
        Some(left) => Ux::TryOf.with("n", attempt).with("of", attempts).with("secs", seconds(left)),
        None => Ux::TryOfNoDeadline.with("n", attempt).with("of", attempts),
    }
}

/// The service could not be reached after `tries`: exit 5, naming the service.
fn unreachable(service: Service, tries: u32, detail: impl std::fmt::Display) -> anyhow::Error {
    let why = detail.to_string();
    if throttled(&why) {
        return Failure::new(
            Kind::Unreachable,
            service.unreachable_code(),
            FirstHour::SlowedDown.with("service", service.name()).with("why", &why).with("tries", tries),
        )
        .hint(FirstHour::SlowedDownHint.with("service", service.name()))
        .into();
    }
    Failure::new(
        Kind::Unreachable,
        service.unreachable_code(),
        Msg::ServiceUnreachable.with("service", service.name()).with("tries", tries),
    )
    .hint(Msg::ServiceUnreachableHint.with("service", service.name()))
    .detail(detail)
    .into()
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

/// A uniform random number in [0, 1), to spread retries that would otherwise fall together.
pub fn jitter() -> f64 {
    getrandom::u32().map_or(0.5, |n| f64::from(n) / (f64::from(u32::MAX) + 1.0))
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
        let reply = Reply { status: StatusCode::IM_A_TEAPOT, body };
        assert_eq!(reply.excerpt(), "HTTP 418 I'm a teapot");
        assert!(!reply.redacted_excerpt().contains("echoedEchoed"), "{}", reply.redacted_excerpt());
        assert!(reply.redacted_excerpt().contains("[redacted]"));
        let shape =
            Reply { status: StatusCode::OK, body: format!("{{\"errno\":\"{}\"}}", "quoted-value-x").into_bytes() };
        let err = shape.json::<std::collections::BTreeMap<String, i64>>(Service::Zelty).unwrap_err();
        assert!(!format!("{err:#}").contains("quoted-value"), "{err:#}");
    }

    #[test]
    fn printable_drops_escape_sequences_and_bidi_overrides() {
        assert_eq!(printable("Bella\u{1b}[2J\u{1b}]0;pwned\u{7}Pizza\u{202e}"), "Bella[2J]0;pwnedPizza");
        assert_eq!(printable("Café Été"), "Café Été");
    }

    #[test]
    fn urls_in_logs_lose_their_query() {
        let url = url::Url::parse("http://u:p@127.0.0.1:9/callback?code=abc&state=def#x").unwrap();
        assert_eq!(redact_url(&url), "http://127.0.0.1:9/callback");
    }
}
