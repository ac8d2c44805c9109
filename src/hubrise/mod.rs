//! The HubRise side: OAuth 2.0 (authorize URL, `state`, token exchange, revoke), the
//! loopback listener that receives the browser's redirect, pasted codes, and the API calls
//! that verify a location.

pub mod api;
pub mod error;
pub mod limiter;
pub mod listener;
pub mod oauth;
pub mod paste;
pub mod refusal;
