//! The HTTP client shared by every call to Zelty and HubRise: timeouts, no redirects
//! (a redirect could carry a token elsewhere), bodies read with a size cap, and bounded
//! retries: 429 honours `Retry-After`, 5xx and network errors back off exponentially.
//! When the budget is spent the call fails as "unreachable" (exit 5), naming the service.

use crate::error::Failure;
use crate::error::Kind;
use crate::i18n::Msg;
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
}

impl Default for Budget {
    fn default() -> Budget {
        Budget {
            timeout: Duration::from_secs(20),
            attempts: 4,
            backoff: Duration::from_millis(500),
            max_wait: Duration::from_secs(30),
            max_body: 4 << 20,
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
    pub fn json<T: serde::de::DeserializeOwned>(&self, service: Service) -> anyhow::Result<T> {
        serde_json::from_slice(&self.body).map_err(|e| {
            Failure::new(Kind::Unreachable, "bad_response", Msg::BadResponse.with("service", service.name()))
                .hint(Msg::BadResponseHint.text())
                .detail(e)
                .into()
        })
    }

    /// The first characters of the body, for an error message.
    pub fn excerpt(&self) -> String {
        let text = String::from_utf8_lossy(&self.body);
        let mut excerpt: String = text.chars().take(200).collect();
        if text.chars().count() > 200 {
            excerpt.push('…');
        }
        excerpt.replace(['\n', '\r'], " ")
    }
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
    pub fn new(budget: Budget, printer: Printer) -> Http {
        Http { client: Default::default(), budget, printer, pace: None }
    }

    /// The same client (and connection pool), its requests paced by `pace`.
    pub fn paced(&self, pace: Arc<dyn Pace>) -> Http {
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
        let mut last = String::new();
        for attempt in 1..=self.budget.attempts.max(1) {
            if let Some(pace) = &self.pace {
                pace.ready(service).await;
            }
            match self.try_once(service, idempotent, body, build(client)).await? {
                Try::Done(reply) => return Ok(reply),
                Try::Retry { after, why } => {
                    last = why;
                    if attempt == self.budget.attempts {
                        break;
                    }
                    // Jittered into the upper half, so that callers failed together do not
                    // come back together.
                    let wait = after
                        .unwrap_or_else(|| {
                            let full = self.budget.backoff * 2u32.saturating_pow(attempt);
                            full / 2 + full.mul_f64(crate::zelty::pace::jitter() / 2.0)
                        })
                        .min(self.budget.max_wait);
                    self.printer.debug(
                        1,
                        format!(
                            "{}: {last}; retrying in {:.1} s ({attempt}/{})",
                            service.name(),
                            wait.as_secs_f32(),
                            self.budget.attempts
                        ),
                    );
                    tokio::time::sleep(wait).await;
                }
            }
        }
        Err(unreachable(service, self.budget.attempts, last))
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
        if status.is_server_error() {
            return Err(unreachable(service, 1, format!("HTTP {status}")));
        }
        Ok(Try::Done(Reply { status, body }))
    }
}

/// The service could not be reached after `tries`: exit 5, naming the service.
fn unreachable(service: Service, tries: u32, detail: impl std::fmt::Display) -> anyhow::Error {
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
    fn urls_in_logs_lose_their_query() {
        let url = url::Url::parse("http://u:p@127.0.0.1:9/callback?code=abc&state=def#x").unwrap();
        assert_eq!(redact_url(&url), "http://127.0.0.1:9/callback");
    }
}
