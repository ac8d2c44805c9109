//! The HTML a browser sees from the sandbox: the page frame, HubRise's consent, code and
//! error pages, and Zelty's "Marketplace > Hubrise V2" page. Every sentence comes from the
//! `Web` or `SandboxWeb` catalogs; everything interpolated is escaped. Markup is plain and
//! stable because `click` (the tests' browser) parses it.

use crate::i18n::{Catalog, Lang, SandboxWeb, Text, Web};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use zelty_bridge_i18n::html::escape;

/// One `<option>` of a `<select>`: value and label.
pub type Choice = (String, String);

/// A whole page, with the sandbox banner naming the faked service.
pub fn page(lang: Lang, service: &str, title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<p class=\"sandbox\">{banner}</p>\n<h1>{title}</h1>\n{body}</body>\n</html>\n",
        lang = lang.code(),
        title = escape(title),
        banner = t(lang, Web::Banner.with("service", service)),
    )
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5}\
.sandbox{background:#fff4d6;border:1px solid #e0b84c;padding:.4rem .8rem;border-radius:4px;font-size:.9rem}\
code#code,code#api-key{display:block;font-size:1.3rem;padding:.6rem;background:#f2f2f2;user-select:all;word-break:break-all}\
button{font-size:1rem;padding:.4rem 1rem;margin-right:.5rem}table{border-collapse:collapse}td,th{padding:.3rem .6rem;border-bottom:1px solid #ddd;text-align:left}";

/// A text with arguments, rendered and escaped.
pub fn t(lang: Lang, text: Text) -> String {
    escape(&text.render(lang))
}

/// A catalog text without arguments, rendered and escaped.
pub fn w<C: Catalog>(lang: Lang, key: C) -> String {
    escape(&Text::new(key).render(lang))
}

pub fn html(status: StatusCode, text: String) -> Response {
    (status, Html(text)).into_response()
}

pub fn not_found(lang: Lang, service: &str) -> Response {
    let body = format!("<p>{}</p>\n", w(lang, Web::NotFoundBody));
    html(StatusCode::NOT_FOUND, page(lang, service, &Web::NotFoundTitle.render(lang), &body))
}

/// 400 for an authorization request the sandbox refuses to show (unknown client, bad
/// redirect URI, scope or choice); like HubRise, it never redirects such a request.
pub fn bad_request(lang: Lang, reason: Text) -> Response {
    let body = format!("<p id=\"error\">{}</p>\n<p>{}</p>\n", t(lang, reason), w(lang, Web::ErrTellApp));
    html(StatusCode::BAD_REQUEST, page(lang, "HubRise", &Web::BadRequestTitle.render(lang), &body))
}

/// What the consent page shows and carries.
pub struct Consent<'a> {
    /// The client's name, as HubRise shows it.
    pub app: &'a str,
    pub account: &'a str,
    /// The scope asked for, as written in the request.
    pub scope: String,
    /// Whether it only reads (every permission `.read`).
    pub read_only: bool,
    /// Rendered permission lines.
    pub permissions: Vec<String>,
    /// Original request parameters, sent back as hidden fields.
    pub hidden: Vec<(&'static str, String)>,
    /// `None` for an account-level scope.
    pub locations: Option<Vec<Choice>>,
    pub catalogs: Option<Vec<Choice>>,
    pub customer_lists: Option<Vec<Choice>>,
}

pub fn consent(lang: Lang, c: &Consent<'_>) -> Response {
    let mut b = String::new();
    b.push_str(&format!("<p>{}</p>\n", t(lang, Web::ConsentAsks.with("app", c.app).with("account", c.account))));
    b.push_str(&format!("<p id=\"scope\">{}</p>\n", t(lang, SandboxWeb::ScopeAsked.with("scope", &c.scope))));
    if c.read_only {
        b.push_str(&format!("<p id=\"read-only\">{}</p>\n", w(lang, SandboxWeb::ReadOnly)));
    }
    b.push_str(&format!("<p>{}</p>\n", t(lang, Web::ConsentUser.with("user", "demo@bella-pizza.example"))));
    b.push_str(&format!("<h2>{}</h2>\n<ul id=\"permissions\">\n", w(lang, Web::ConsentPermissions)));
    for line in &c.permissions {
        b.push_str(&format!("<li>{}</li>\n", escape(line)));
    }
    b.push_str("</ul>\n<form id=\"consent\" method=\"post\" action=\"/oauth2/v1/authorize\">\n");
    for (name, value) in &c.hidden {
        b.push_str(&format!("<input type=\"hidden\" name=\"{name}\" value=\"{}\">\n", escape(value)));
    }
    match &c.locations {
        None => b.push_str(&format!(
            "<p id=\"whole-account\">{}</p>\n",
            t(lang, Web::ConsentWholeAccount.with("account", c.account))
        )),
        Some(choices) => b.push_str(&select(lang, "location_id", Web::Location, choices)),
    }
    if let Some(choices) = &c.catalogs {
        b.push_str(&select(lang, "catalog_id", Web::Catalog, choices));
    }
    if let Some(choices) = &c.customer_lists {
        b.push_str(&select(lang, "customer_list_id", Web::CustomerList, choices));
    }
    b.push_str(&format!(
        "<p>\n<button type=\"submit\" name=\"decision\" value=\"allow\">{}</button>\n<button type=\"submit\" name=\"decision\" value=\"deny\">{}</button>\n</p>\n</form>\n",
        w(lang, Web::Allow),
        w(lang, Web::Deny)
    ));
    html(StatusCode::OK, page(lang, "HubRise", &Web::ConsentTitle.render(lang), &b))
}

/// A labelled `<select>`; a single choice becomes a hidden field and a line of text,
/// as HubRise does not ask when there is nothing to choose.
fn select(lang: Lang, name: &str, label: Web, choices: &[Choice]) -> String {
    if let [(value, text)] = choices {
        let line = t(lang, Web::ChoiceLine.with("label", label.render(lang)).with("value", text));
        return format!("<input type=\"hidden\" name=\"{name}\" value=\"{}\">\n<p>{line}</p>\n", escape(value));
    }
    let mut s =
        format!("<p><label for=\"{name}\">{}</label>\n<select id=\"{name}\" name=\"{name}\">\n", w(lang, label));
    for (i, (value, text)) in choices.iter().enumerate() {
        let selected = if i == 0 { " selected" } else { "" };
        s.push_str(&format!("<option value=\"{}\"{selected}>{}</option>\n", escape(value), escape(text)));
    }
    s.push_str("</select></p>\n");
    s
}

/// The installed-app workflow: the code to copy.
pub fn oob_code(lang: Lang, code: &str) -> Response {
    let body = format!(
        "<p>{}</p>\n<code id=\"code\">{}</code>\n<p class=\"hint\">{}</p>\n",
        w(lang, Web::OobBody),
        escape(code),
        w(lang, Web::OobCopyHint)
    );
    html(StatusCode::OK, page(lang, "HubRise", &Web::OobTitle.render(lang), &body))
}

pub fn oob_denied(lang: Lang) -> Response {
    let body = format!("<p id=\"denied\">{}</p>\n", w(lang, Web::OobDeniedBody));
    html(StatusCode::OK, page(lang, "HubRise", &Web::OobDeniedTitle.render(lang), &body))
}

/// What Zelty's marketplace page shows.
pub enum ZeltyView<'a> {
    Inactive {
        deactivated: bool,
    },
    /// Right after "Activer": the key, this once.
    JustActivated {
        key: &'a str,
    },
    Active {
        masked: &'a str,
    },
}

pub fn zelty_status(lang: Lang, restaurant: (&str, i64), view: ZeltyView<'_>) -> Response {
    let mut b =
        format!("<p>{}</p>\n", t(lang, Web::ZeltyRestaurant.with("name", restaurant.0).with("id", restaurant.1)));
    let form = |action: &str, label: Web| {
        format!(
            "<form method=\"post\" action=\"/marketplace/hubrise-v2/{action}\"><button type=\"submit\" id=\"{action}\">{}</button></form>\n",
            w(lang, label)
        )
    };
    match view {
        ZeltyView::Inactive { deactivated } => {
            if deactivated {
                b.push_str(&format!("<p id=\"deactivated\">{}</p>\n", w(lang, Web::ZeltyDeactivated)));
            }
            b.push_str(&format!("<p id=\"inactive\">{}</p>\n", w(lang, Web::ZeltyInactive)));
            b.push_str(&form("activate", Web::ZeltyActivate));
        }
        ZeltyView::JustActivated { key } => {
            b.push_str(&format!(
                "<p>{}</p>\n<p>{}</p>\n<code id=\"api-key\">{}</code>\n",
                w(lang, Web::ZeltyActiveNow),
                w(lang, Web::ZeltyApiKey),
                escape(key)
            ));
        }
        ZeltyView::Active { masked } => {
            b.push_str(&format!(
                "<p>{}</p>\n<p>{}</p>\n<code id=\"masked-key\">{}</code>\n",
                w(lang, Web::ZeltyActive),
                w(lang, Web::ZeltyApiKey),
                escape(masked)
            ));
        }
    }
    if !matches!(view, ZeltyView::Inactive { .. }) {
        b.push_str(&format!("<h2>{}</h2>\n", w(lang, Web::ZeltyManage)));
        b.push_str(&form("deactivate", Web::ZeltyDeactivate));
    }
    html(StatusCode::OK, page(lang, "Zelty", &Web::ZeltyTitle.render(lang), &b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manager::{self, Row};
    use crate::state::ConnState;

    async fn body(r: Response) -> String {
        String::from_utf8(axum::body::to_bytes(r.into_body(), usize::MAX).await.unwrap().to_vec()).unwrap()
    }

    #[tokio::test]
    async fn everything_interpolated_is_escaped() {
        let evil = "\"><script>alert(1)</script>";
        let c = Consent {
            app: evil,
            scope: evil.into(),
            read_only: true,
            account: evil,
            permissions: vec![evil.into()],
            hidden: vec![("state", evil.into())],
            locations: Some(vec![("a".into(), evil.into()), (evil.into(), "b".into())]),
            catalogs: Some(vec![(evil.into(), evil.into())]),
            customer_lists: None,
        };
        for lang in [Lang::En, Lang::Fr] {
            let pages = [
                body(consent(lang, &c)).await,
                body(bad_request(lang, Web::ErrScope.with("scope", evil))).await,
                body(oob_code(lang, evil)).await,
                body(manager::home_page(lang, evil, &[(evil.into(), evil.into())])).await,
                body(manager::connections_page(
                    lang,
                    &[Row {
                        app: evil.into(),
                        location: evil.into(),
                        location_id: evil.into(),
                        state: ConnState::Active,
                    }],
                ))
                .await,
                body(zelty_status(lang, (evil, 1), ZeltyView::JustActivated { key: evil })).await,
            ];
            for p in pages {
                assert!(!p.contains("<script>"), "{p}");
                assert!(p.contains("&lt;script&gt;"), "{p}");
            }
        }
    }

    #[tokio::test]
    async fn the_consent_form_is_easy_to_parse() {
        let c = Consent {
            app: "zelty-bridge",
            scope: "location[orders.read]".into(),
            read_only: true,
            account: "Bella Pizza",
            permissions: vec!["Orders: read and write".into()],
            hidden: vec![("client_id", "c".into()), ("state", "s".into())],
            locations: Some(vec![("3r4s3-0".into(), "Paris".into()), ("3r4s3-1".into(), "Lyon".into())]),
            catalogs: Some(vec![("psmlf".into(), "Bella Pizza".into())]),
            customer_lists: None,
        };
        let p = body(consent(Lang::Fr, &c)).await;
        assert!(p.contains(
            "<select id=\"location_id\" name=\"location_id\">\n<option value=\"3r4s3-0\" selected>Paris</option>"
        ));
        assert!(p.contains("<input type=\"hidden\" name=\"catalog_id\" value=\"psmlf\">"));
        assert!(p.contains("<button type=\"submit\" name=\"decision\" value=\"allow\">Autoriser</button>"));
        assert!(p.contains("<button type=\"submit\" name=\"decision\" value=\"deny\">Refuser</button>"));
        assert!(p.contains("<input type=\"hidden\" name=\"state\" value=\"s\">"));
    }
}
