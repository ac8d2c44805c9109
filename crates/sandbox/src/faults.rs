//! Test controls only (feature `controls`). Faults queued by tests (`POST /_sandbox/faults`) and the broken answers they turn into:
//! error statuses with each service's own error body, resets, truncated or malformed or
//! oversized JSON, answers that never come, and 200s missing their fields.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::VecDeque;

/// The services a fault can hit. `hubrise_oauth` faults hit the calls a client makes
/// (`/token`, `/revoke`), never the pages a browser shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Service {
    Zelty,
    HubriseApi,
    HubriseOauth,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The connection is reset before any byte of the answer.
    Reset,
    /// The status line and headers arrive, then the connection is reset mid-body.
    ResetMidBody,
    /// A complete HTTP answer whose JSON stops halfway.
    Truncated,
    /// A complete HTTP answer whose body is not JSON.
    Malformed,
    /// A valid 200 JSON body larger than 10 MiB.
    Oversized,
    /// No answer until the sandbox stops.
    Hang,
    /// A 200 JSON body without the fields a client expects.
    MissingFields,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fault {
    pub service: Service,
    #[serde(default = "one")]
    pub count: u32,
    pub status: Option<u16>,
    pub retry_after: Option<u64>,
    pub kind: Option<Kind>,
    pub delay_ms: Option<u64>,
    /// Only requests whose path starts with this (e.g. `/oauth2/v1/revoke`).
    pub path: Option<String>,
}

fn one() -> u32 {
    1
}

#[derive(Default)]
pub struct Faults {
    queue: VecDeque<Fault>,
}

impl Faults {
    pub fn push(&mut self, fault: Fault) -> Result<(), String> {
        if !(1..=1_000_000).contains(&fault.count) {
            return Err("count must be between 1 and 1000000".into());
        }
        match (fault.status, fault.kind, fault.delay_ms) {
            (Some(s), _, _) if !(400..=599).contains(&s) => return Err("status must be 400-599".into()),
            (Some(_), Some(_), _) => return Err("give status or kind, not both".into()),
            (None, None, None) => return Err("give status, kind or delay_ms".into()),
            _ => {}
        }
        self.queue.push_back(fault);
        Ok(())
    }

    /// The fault for this request, if one is queued for its service and path; each use
    /// spends one of its count.
    pub fn take(&mut self, service: Service, path: &str) -> Option<Fault> {
        let i = self
            .queue
            .iter()
            .position(|f| f.service == service && f.path.as_deref().is_none_or(|p| path.starts_with(p)))?;
        let fault = self.queue[i].clone();
        self.queue[i].count -= 1;
        if self.queue[i].count == 0 {
            self.queue.remove(i);
        }
        Some(Fault { count: 1, ..fault })
    }

    /// Empties the queue; returns how many faults were still to come.
    pub fn clear(&mut self) -> u64 {
        self.queue.drain(..).map(|f| u64::from(f.count)).sum()
    }

    pub fn pending(&self) -> Vec<Fault> {
        self.queue.iter().cloned().collect()
    }
}

/// A service's error body for a status.
pub fn error_body(service: Service, status: u16) -> serde_json::Value {
    match service {
        Service::Zelty if status == 429 => super::reply::ZeltyError::TooMany.body(),
        Service::Zelty => {
            let reason = StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("Error");
            json!({ "errno": status, "errmsg": reason })
        }
        Service::HubriseApi | Service::HubriseOauth => super::reply::hubrise_error_body(status),
    }
}

fn raw_json(body: impl Into<axum::body::Body>) -> Response {
    let mut response = Response::new(body.into());
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

/// A typical success body of a service, to break.
fn sample(service: Service) -> &'static str {
    match service {
        Service::Zelty => r#"{"restaurants":[{"id":12345,"name":"Bella Pizza Paris","disable":false}],"errno":0}"#,
        Service::HubriseApi => {
            r#"{"id":"3r4s3-0","name":"Paris","account":{"id":"3r4s3","name":"Bella Pizza","currency":"EUR"}}"#
        }
        Service::HubriseOauth => r#"{"access_token":"00000000000000000000000000000000","token_type":"Bearer"}"#,
    }
}

/// The broken answer of a fault kind (`Hang` and the resets are played by the caller,
/// which owns the connection; they get a large body here so a mid-body cut lands inside it).
pub fn broken(service: Service, kind: Kind) -> Response {
    let sample = sample(service);
    match kind {
        Kind::Truncated => raw_json(sample[..sample.len() / 2].to_string()),
        Kind::Malformed => raw_json(sample.replacen(':', " ", 1).replacen(',', ",,", 1)),
        Kind::MissingFields => raw_json(match service {
            Service::Zelty => r#"{"errno":0}"#,
            Service::HubriseApi => "{}",
            Service::HubriseOauth => r#"{"token_type":"Bearer"}"#,
        }),
        Kind::Oversized | Kind::Reset | Kind::ResetMidBody | Kind::Hang => {
            let size = if kind == Kind::Oversized { 11 << 20 } else { 64 << 10 };
            let mut body = String::with_capacity(size + 64);
            body.push_str(r#"{"padding":""#);
            body.extend(std::iter::repeat_n('x', size));
            body.push_str(r#"","errno":0}"#);
            raw_json(body)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fault(service: Service, count: u32, status: Option<u16>) -> Fault {
        Fault { service, count, status, retry_after: None, kind: None, delay_ms: None, path: None }
    }

    #[test]
    fn faults_are_spent_in_order_per_service() {
        let mut faults = Faults::default();
        faults.push(fault(Service::Zelty, 2, Some(500))).unwrap();
        faults.push(fault(Service::Zelty, 1, Some(429))).unwrap();
        faults.push(fault(Service::HubriseApi, 1, Some(503))).unwrap();
        let statuses: Vec<_> =
            (0..4).map(|_| faults.take(Service::Zelty, "/2.10/restaurants").and_then(|f| f.status)).collect();
        assert_eq!(statuses, [Some(500), Some(500), Some(429), None]);
        assert_eq!(faults.take(Service::HubriseOauth, "/oauth2/v1/token").map(|f| f.status), None);
        assert_eq!(faults.take(Service::HubriseApi, "/v1/location").and_then(|f| f.status), Some(503));
        assert!(faults.pending().is_empty());
    }

    #[test]
    fn a_path_filter_lets_other_requests_through() {
        let mut faults = Faults::default();
        faults
            .push(Fault { path: Some("/oauth2/v1/revoke".into()), ..fault(Service::HubriseOauth, 1, Some(500)) })
            .unwrap();
        assert!(faults.take(Service::HubriseOauth, "/oauth2/v1/token").is_none());
        assert!(faults.take(Service::HubriseOauth, "/oauth2/v1/revoke").is_some());
        assert_eq!(faults.clear(), 0);
    }

    #[test]
    fn invalid_faults_are_refused() {
        let mut faults = Faults::default();
        assert!(faults.push(fault(Service::Zelty, 0, Some(500))).is_err());
        assert!(faults.push(fault(Service::Zelty, 1, Some(200))).is_err());
        assert!(faults.push(fault(Service::Zelty, 1, None)).is_err());
        assert!(faults.push(Fault { kind: Some(Kind::Hang), ..fault(Service::Zelty, 1, Some(500)) }).is_err());
        assert!(faults.push(Fault { delay_ms: Some(10), ..fault(Service::Zelty, 3, None) }).is_ok());
        assert_eq!(faults.clear(), 3);
    }

    #[test]
    fn error_bodies_are_each_services() {
        assert_eq!(error_body(Service::HubriseApi, 429)["error_type"], "too_many_requests");
        assert_eq!(error_body(Service::HubriseOauth, 502)["error_type"], "internal_error");
        assert!(error_body(Service::Zelty, 429).to_string().contains("Too many requests"));
        assert_eq!(error_body(Service::Zelty, 503)["errno"], 503);
    }

    #[tokio::test]
    async fn broken_bodies_do_not_parse_or_lack_fields() {
        for service in [Service::Zelty, Service::HubriseApi, Service::HubriseOauth] {
            for kind in [Kind::Truncated, Kind::Malformed, Kind::MissingFields, Kind::Oversized] {
                let response = broken(service, kind);
                assert_eq!(response.status(), StatusCode::OK);
                let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
                let parsed = serde_json::from_slice::<serde_json::Value>(&body);
                match kind {
                    Kind::Truncated | Kind::Malformed => assert!(parsed.is_err(), "{service:?} {kind:?}"),
                    Kind::Oversized => assert!(body.len() > 10 << 20 && parsed.is_ok()),
                    _ => assert!(parsed.unwrap().get("restaurants").is_none()),
                }
            }
        }
    }
}
