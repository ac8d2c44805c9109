//! What a person may paste while the browser flow runs (or in the `--no-browser` flow): the
//! bare authorization code HubRise shows, or the whole redirect URL from the address bar
//! of a browser on another machine (which could not reach our loopback listener).

use super::listener::{Callback, parse_callback};
use crate::secret::Secret;

/// Why a paste was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasteProblem {
    /// Neither a code nor a URL with one.
    NotACode,
    /// A redirect URL from another authorization (its `state` is not ours).
    WrongState,
}

/// Reads a pasted line. A URL must carry our `state`, because it came through a browser
/// redirect that anyone could have crafted; a bare code is what HubRise's own page shows
/// (the installed-app flow has no `state` to check).
pub fn parse_pasted(input: &str, state: &str) -> Result<Callback, PasteProblem> {
    let input = input.trim();
    if input.contains("://") || input.starts_with("/callback") || input.contains('?') {
        let query = input.split_once('?').map(|(_, q)| q).unwrap_or_default();
        let query = query.split('#').next().unwrap_or_default();
        let params = parse_callback(query);
        let state_ok = params.state.as_deref().is_some_and(|s| crate::secret::same(s, state));
        // A refusal comes back without `state` (HubRise documents it so): it ends the flow.
        let stateless_refusal = params.state.is_none() && params.error.is_some() && params.code.is_none();
        return match (params.error, params.code) {
            _ if !(state_ok || stateless_refusal) => {
                Err(if params.state.is_some() { PasteProblem::WrongState } else { PasteProblem::NotACode })
            }
            (Some(error), _) => Ok(Callback::Denied(crate::server_text::ServerText::new(&error).into_string())),
            (None, Some(code)) if looks_like_code(&code) => Ok(Callback::Code(Secret::new(code))),
            _ => Err(PasteProblem::NotACode),
        };
    }
    if looks_like_code(input) { Ok(Callback::Code(Secret::new(input))) } else { Err(PasteProblem::NotACode) }
}

/// Documented codes are 32 hex characters; accept any plausible token alphabet and length
/// so an undocumented change of format does not lock people out.
fn looks_like_code(s: &str) -> bool {
    (8..=256).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(r: Result<Callback, PasteProblem>) -> Result<String, PasteProblem> {
        r.map(|c| match c {
            Callback::Code(c) => c.expose().to_string(),
            Callback::Denied(e) => format!("denied:{e}"),
        })
    }

    #[test]
    fn paste_table() {
        let s = "st4te";
        let table: &[(&str, Result<&str, PasteProblem>)] = &[
            ("ffae0047c4d6b9e02f95e76a3f6e906d", Ok("ffae0047c4d6b9e02f95e76a3f6e906d")),
            ("  ffae0047c4d6b9e02f95e76a3f6e906d \n", Ok("ffae0047c4d6b9e02f95e76a3f6e906d")),
            ("http://127.0.0.1:4567/callback?code=ffae0047c4d6b9e0&state=st4te", Ok("ffae0047c4d6b9e0")),
            ("/callback?code=ffae0047c4d6b9e0&state=st4te", Ok("ffae0047c4d6b9e0")),
            ("http://127.0.0.1:4567/callback?error=access_denied&state=st4te", Ok("denied:access_denied")),
            ("http://127.0.0.1:4567/callback?code=ffae0047c4d6b9e0&state=other", Err(PasteProblem::WrongState)),
            ("http://127.0.0.1:4567/callback?code=ffae0047c4d6b9e0", Err(PasteProblem::NotACode)),
            ("http://127.0.0.1:4567/callback?error=access_denied", Ok("denied:access_denied")),
            ("http://127.0.0.1:4567/callback?error=access_denied&state=other", Err(PasteProblem::WrongState)),
            ("http://127.0.0.1:4567/callback?state=st4te", Err(PasteProblem::NotACode)),
            ("", Err(PasteProblem::NotACode)),
            ("short", Err(PasteProblem::NotACode)),
            ("not a code at all", Err(PasteProblem::NotACode)),
            ("<script>alert(1)</script>", Err(PasteProblem::NotACode)),
        ];
        for (input, want) in table {
            assert_eq!(code(parse_pasted(input, s)).as_deref().map_err(|e| *e), want.map_err(|e| e), "{input:?}");
        }
    }
}
