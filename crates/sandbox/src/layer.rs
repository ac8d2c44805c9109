//! What happens around every request: it is named after its service and slowed by the
//! configured latency; with the test controls (feature `controls`) it is also
//! logged without any header or body value, and replaced by a queued fault when one is due.

use super::state::Shared;

/// Which listener a request came in on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Port {
    Manager,
    Api,
    Zelty,
}

/// The log name of a request's service, and whether faults may hit it. Test controls
/// are neither logged nor faulted; browser pages are logged but never faulted.
fn classify(port: Port, path: &str) -> Option<(&'static str, bool)> {
    match port {
        Port::Manager if path.starts_with("/_sandbox") => None,
        Port::Manager if path == "/oauth2/v1/token" || path == "/oauth2/v1/revoke" => Some(("hubrise_oauth", true)),
        Port::Manager if path.starts_with("/oauth2/") => Some(("hubrise_oauth", false)),
        Port::Manager => Some(("hubrise_manager", false)),
        Port::Api => Some(("hubrise_api", true)),
        Port::Zelty if path == "/" || path.starts_with("/marketplace") => Some(("zelty_bo", false)),
        Port::Zelty => Some(("zelty", true)),
    }
}

/// The configured latency, on the calls a program makes (never on the browser's pages).
async fn delay(s: &Shared, service: &str) {
    if matches!(service, "hubrise_oauth" | "hubrise_api" | "zelty") && !s.latency.is_zero() {
        tokio::time::sleep(s.latency).await;
    }
}

#[cfg(not(feature = "controls"))]
pub async fn observe(
    axum::extract::State((s, port)): axum::extract::State<(std::sync::Arc<Shared>, Port)>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    if let Some((service, _)) = classify(port, req.uri().path()) {
        delay(&s, service).await;
    }
    next.run(req).await
}

#[cfg(feature = "controls")]
pub use controls::observe;

/// Every answer's `Date` is the sandbox clock's (moved by `POST /_sandbox/clock`), as a
/// real server's is its own clock; HTTP writes the date only when it is missing.
pub async fn dated(
    axum::extract::State(s): axum::extract::State<std::sync::Arc<Shared>>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let mut response = next.run(req).await;
    let date = super::orders::http_date(s.now().as_secs());
    if let Ok(value) = axum::http::HeaderValue::from_str(&date) {
        response.headers_mut().insert(axum::http::header::DATE, value);
    }
    response
}

#[cfg(feature = "controls")]
mod controls {
    use super::super::faults::{self, Kind, error_body};
    use super::super::ids::CLIENT_ID;
    use super::super::net::Wire;
    use super::super::reply::json_status;
    use super::super::state::{LogEntry, Shared};
    use super::super::token::basic_credentials;
    use super::{Port, classify, delay};
    use axum::body::Body;
    use axum::extract::{ConnectInfo, Request, State};
    use axum::http::{HeaderMap, StatusCode, header};
    use axum::middleware::Next;
    use axum::response::{IntoResponse, Response};
    use std::sync::Arc;
    use std::time::Duration;

    /// Bodies larger than this are refused before a handler sees them.
    const MAX_BODY: usize = 1 << 20;

    fn fault_service(service: &str) -> Option<faults::Service> {
        match service {
            "hubrise_oauth" => Some(faults::Service::HubriseOauth),
            "hubrise_api" => Some(faults::Service::HubriseApi),
            "zelty" => Some(faults::Service::Zelty),
            _ => None,
        }
    }

    /// How the request authenticated, never with what: `basic:<our client id>` (or
    /// `basic:invalid`), `bearer`, `x-access-token`, joined by `+` when several.
    pub fn auth_kind(headers: &HeaderMap) -> Option<String> {
        let mut kinds = Vec::new();
        if let Some(value) = headers.get(header::AUTHORIZATION) {
            let text = value.to_str().unwrap_or_default();
            let scheme = text.trim().split(' ').next().unwrap_or_default().to_ascii_lowercase();
            kinds.push(match scheme.as_str() {
                "basic" => match basic_credentials(text) {
                    Some((id, _)) if id == CLIENT_ID => format!("basic:{CLIENT_ID}"),
                    _ => "basic:invalid".to_string(),
                },
                "bearer" => "bearer".to_string(),
                _ => "other".to_string(),
            });
        }
        if headers.contains_key("x-access-token") {
            kinds.push("x-access-token".to_string());
        }
        (!kinds.is_empty()).then(|| kinds.join("+"))
    }

    /// The names of the fields of a form or JSON object body.
    pub fn body_keys(headers: &HeaderMap, body: &[u8]) -> Vec<String> {
        let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
        if content_type.starts_with("application/json") {
            return match serde_json::from_slice::<serde_json::Value>(body) {
                Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
                _ => Vec::new(),
            };
        }
        let mut keys: Vec<String> = Vec::new();
        if content_type.starts_with("application/x-www-form-urlencoded") {
            for (k, _) in url::form_urlencoded::parse(body) {
                if !keys.iter().any(|seen| *seen == k) {
                    keys.push(k.into_owned());
                }
            }
        }
        keys
    }

    pub async fn observe(State((s, port)): State<(Arc<Shared>, Port)>, req: Request, next: Next) -> Response {
        let path = req.uri().path().to_string();
        let Some((service, faultable)) = classify(port, &path) else { return next.run(req).await };
        let fault_service = if faultable { fault_service(service) } else { None };
        let (parts, body) = req.into_parts();
        let bytes = match axum::body::to_bytes(body, MAX_BODY).await {
            Ok(b) => b,
            Err(_) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
        };
        let mut entry = LogEntry {
            service,
            method: parts.method.to_string(),
            path: path.clone(),
            query: parts.uri.query().map(str::to_string),
            auth: auth_kind(&parts.headers),
            form_keys: body_keys(&parts.headers, &bytes),
            status: None,
            fault: None,
        };
        let wire = parts.extensions.get::<ConnectInfo<Wire>>().map(|c| c.0.clone());
        let req = Request::from_parts(parts, Body::from(bytes));
        delay(&s, service).await;
        let fault = fault_service.and_then(|f| s.lock().faults.take(f, &path));
        let response = match (fault, fault_service) {
            (Some(fault), Some(target)) => {
                if let Some(ms) = fault.delay_ms {
                    tokio::time::sleep(Duration::from_millis(ms)).await;
                }
                entry.fault = Some(match (fault.status, fault.kind) {
                    (Some(status), _) => status.to_string(),
                    (_, Some(kind)) => {
                        serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
                    }
                    _ => format!("delay_ms:{}", fault.delay_ms.unwrap_or(0)),
                });
                match (fault.status, fault.kind) {
                    (Some(status), _) => json_status(status, &error_body(target, status), fault.retry_after),
                    (None, Some(Kind::Hang)) => {
                        // Logged now: the answer may never come.
                        s.record(entry.clone());
                        let mut stopping = s.stopping.clone();
                        let _ = stopping.wait_for(|stop| *stop).await;
                        return StatusCode::SERVICE_UNAVAILABLE.into_response();
                    }
                    (None, Some(kind @ (Kind::Reset | Kind::ResetMidBody))) => {
                        // Nothing, or the head and a little of the body, then a TCP reset.
                        if let Some(wire) = &wire {
                            wire.cut_after(if kind == Kind::Reset { 0 } else { 1024 });
                        }
                        faults::broken(target, kind)
                    }
                    (None, Some(kind)) => faults::broken(target, kind),
                    (None, None) => next.run(req).await,
                }
            }
            _ => next.run(req).await,
        };
        // A reset before the answer sent no status at all.
        entry.status = (entry.fault.as_deref() != Some("reset")).then(|| response.status().as_u16());
        s.record(entry);
        response
    }
}

#[cfg(test)]
mod tests {
    use super::controls::{auth_kind, body_keys};
    use super::*;
    use crate::ids::CLIENT_ID;
    use axum::http::{HeaderMap, HeaderValue, header};

    #[test]
    fn auth_is_named_never_shown() {
        use base64::Engine as _;
        let enc = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
        let mut h = HeaderMap::new();
        assert_eq!(auth_kind(&h), None);
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_str(&format!("Basic {}", enc(&format!("{CLIENT_ID}:secret")))).unwrap(),
        );
        assert_eq!(auth_kind(&h).unwrap(), format!("basic:{CLIENT_ID}"));
        h.insert(header::AUTHORIZATION, HeaderValue::from_str(&format!("Basic {}", enc("leaked-secret:x"))).unwrap());
        assert_eq!(auth_kind(&h).unwrap(), "basic:invalid");
        h.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer abc"));
        h.insert("x-access-token", HeaderValue::from_static("abc"));
        assert_eq!(auth_kind(&h).unwrap(), "bearer+x-access-token");
    }

    #[test]
    fn body_keys_name_fields_only() {
        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/x-www-form-urlencoded"));
        assert_eq!(body_keys(&h, b"code=abc&client_id=x&code=d"), ["code", "client_id"]);
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
        let mut keys = body_keys(&h, br#"{"code":"abc","client_secret":"s"}"#);
        keys.sort();
        assert_eq!(keys, ["client_secret", "code"]);
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain"));
        assert!(body_keys(&h, b"code=abc").is_empty());
    }

    #[test]
    fn services_and_fault_queues_by_port_and_path() {
        assert_eq!(classify(Port::Manager, "/_sandbox/faults"), None);
        assert_eq!(classify(Port::Manager, "/oauth2/v1/token"), Some(("hubrise_oauth", true)));
        assert_eq!(classify(Port::Manager, "/oauth2/v1/authorize"), Some(("hubrise_oauth", false)));
        assert_eq!(classify(Port::Manager, "/connections"), Some(("hubrise_manager", false)));
        assert_eq!(classify(Port::Api, "/v1/location"), Some(("hubrise_api", true)));
        assert_eq!(classify(Port::Zelty, "/2.10/restaurants"), Some(("zelty", true)));
        assert_eq!(classify(Port::Zelty, "/marketplace/hubrise-v2/status"), Some(("zelty_bo", false)));
    }
}
