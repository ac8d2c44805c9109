//! `status`: both ends of a connection checked live and concurrently, shown with secrets
//! masked; and the status object of DESIGN.md, which `connect --json` prints too.

use crate::app::App;
use crate::error::{Failure, Kind, failure_of};
use crate::hubrise::api;
use crate::i18n::{Msg, Text};
use crate::profile::Profile;
use crate::secret::Secret;
use crate::secrets::{self, StoreKind};
use crate::zelty;
use serde_json::{Value, json};

/// Check both ends of the connection live and show them
#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// Show what is stored without calling the services
    #[arg(long)]
    pub offline: bool,
    /// Show every profile
    #[arg(long)]
    pub all_profiles: bool,
}

/// The state of one end: `ok`, `rejected`, `unreachable`, `missing`, or `unchecked`
/// (`--offline`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct End {
    pub state: &'static str,
    /// The error code when not ok (`hubrise_connection_blocked`…).
    pub reason: Option<&'static str>,
    pub message: Option<String>,
    /// How to fix it, in the user's language.
    pub hint: Option<String>,
    pub masked: Option<String>,
    /// Live names that may have changed since `connect`.
    pub live: Option<Value>,
}

impl End {
    fn ok(secret: &Secret, live: Option<Value>) -> End {
        End { state: "ok", reason: None, message: None, hint: None, masked: Some(secret.masked()), live }
    }

    /// An end that is not ok, said the way errors are: code, message, hint.
    fn not_ok(state: &'static str, failure: &Failure, secret: Option<&Secret>, app: &App) -> End {
        End {
            state,
            reason: Some(failure.code),
            message: Some(app.printer.t(&failure.message)),
            hint: failure.hint.as_ref().map(|h| app.printer.t(h)),
            masked: secret.map(Secret::masked),
            live: None,
        }
    }

    fn missing_secret(app: &App) -> End {
        End::not_ok(
            "missing",
            &Failure::new(Kind::NotConnected, "secret_missing", Msg::SecretMissing.text())
                .hint(Msg::NotConnectedHint.text()),
            None,
            app,
        )
    }

    fn failed(err: &anyhow::Error, secret: &Secret, app: &App) -> End {
        let Some(failure) = failure_of(err) else {
            let report = crate::error::Report::of(err, app.printer.lang());
            return End {
                state: "unreachable",
                reason: Some("unexpected"),
                message: Some(report.message),
                hint: None,
                masked: Some(secret.masked()),
                live: None,
            };
        };
        let state = if failure.kind == Kind::Rejected { "rejected" } else { "unreachable" };
        End::not_ok(state, failure, Some(secret), app)
    }
}

pub struct Ends {
    pub zelty: End,
    pub hubrise: End,
}

impl Ends {
    /// Both ends just verified by `connect`.
    pub fn verified(key: &Secret, token: &Secret) -> Ends {
        Ends { zelty: End::ok(key, None), hubrise: End::ok(token, None) }
    }

    /// The exit code: 0 both ok, 3 one rejected, 5 one unreachable, 4 a secret missing.
    pub fn exit_code(&self) -> u8 {
        let states = [self.zelty.state, self.hubrise.state];
        if states.contains(&"rejected") {
            3
        } else if states.contains(&"unreachable") {
            5
        } else if states.contains(&"missing") {
            4
        } else {
            0
        }
    }
}

pub async fn run(args: StatusArgs, app: &App) -> anyhow::Result<u8> {
    let names = if args.all_profiles { app.profiles.list()? } else { vec![app.profile.clone()] };
    let mut objects = Vec::new();
    let mut worst = 0;
    for name in &names {
        let Some(profile) = app.profiles.load(name)? else {
            if args.all_profiles {
                continue;
            }
            return Err(not_connected(name).into());
        };
        let ends = check(app, name, &profile, args.offline).await;
        let code = ends.exit_code();
        worst = worst.max(code);
        objects.push(object_for(app, name, &profile, profile.secret_store, &ends));
    }
    let orphans = if args.all_profiles { crate::commands::orphans::report(app).await } else { Vec::new() };
    if app.printer.is_json() {
        app.printer.json(&if args.all_profiles {
            json!({ "profiles": objects, "orphans": orphans })
        } else {
            objects.pop().unwrap_or_default()
        });
    } else if objects.is_empty() {
        app.printer.result(&app.printer.t(&Msg::NoProfiles.text()));
    } else {
        let text: Vec<String> = objects.iter().map(|o| render(app, o)).collect();
        app.printer.result(&text.join("\n"));
    }
    Ok(worst)
}

pub fn not_connected(profile: &str) -> Failure {
    Failure::new(Kind::NotConnected, "not_connected", Msg::NotConnected.with("profile", profile))
        .hint(Msg::NotConnectedHint.text())
}

/// Reads the secrets and, unless offline, checks both ends at the same time.
pub async fn check(app: &App, name: &str, profile: &Profile, offline: bool) -> Ends {
    let store = app.store_of(profile.secret_store);
    let key = store.get(&secrets::zelty_user(name));
    let token = store.get(&secrets::hubrise_user(name));
    let (key, token) = match (key, token) {
        (Ok(k), Ok(t)) => (k, t),
        (Err(e), _) | (_, Err(e)) => {
            let failure = crate::commands::connect::store_failure(e);
            return Ends {
                zelty: End::not_ok("missing", &failure, None, app),
                hubrise: End::not_ok("missing", &failure, None, app),
            };
        }
    };
    if offline {
        let unchecked = |s: &Option<Secret>| {
            s.as_ref().map_or_else(|| End::missing_secret(app), |s| End { state: "unchecked", ..End::ok(s, None) })
        };
        return Ends { zelty: unchecked(&key), hubrise: unchecked(&token) };
    }
    let zelty_end = async {
        let Some(key) = &key else { return End::missing_secret(app) };
        match zelty::restaurants(&app.http, &app.settings.endpoints.zelty_api, key).await {
            Ok(list) => match list.iter().find(|r| r.id == profile.zelty.restaurant_id) {
                Some(r) => End::ok(key, Some(json!({ "restaurant_name": r.name }))),
                None => End::not_ok(
                    "rejected",
                    &Failure::new(
                        Kind::Rejected,
                        "zelty_restaurant_gone",
                        Msg::RestaurantGone.with("id", profile.zelty.restaurant_id),
                    )
                    .hint(Msg::TokenRevokedHint.text()),
                    Some(key),
                    app,
                ),
            },
            Err(err) => End::failed(&err, key, app),
        }
    };
    let hubrise_end = async {
        let Some(token) = &token else { return End::missing_secret(app) };
        match check_hubrise(app, profile, token).await {
            Ok(live) => End::ok(token, Some(live)),
            Err(err) => End::failed(&err, token, app),
        }
    };
    let (zelty, hubrise) = tokio::join!(zelty_end, hubrise_end);
    Ends { zelty, hubrise }
}

/// The location (by id for an account-level token), catalog and customer list, live.
async fn check_hubrise(app: &App, profile: &Profile, token: &Secret) -> anyhow::Result<Value> {
    let (http, api_url) = (&app.http, app.settings.endpoints.hubrise_api.as_str());
    let h = &profile.hubrise;
    let account_token = h.scope.trim_start().starts_with("account[");
    let location =
        api::location(http, api_url, token, if account_token { h.location_id.as_deref() } else { None }).await?;
    let catalog = match &h.catalog_id {
        Some(id) => Some(api::catalog(http, api_url, token, id).await?.name),
        None => None,
    };
    let customer_list = match &h.customer_list_id {
        Some(id) => Some(api::customer_list(http, api_url, token, id).await?.name),
        None => None,
    };
    Ok(
        json!({ "account_name": location.account.name, "location_name": location.name, "catalog_name": catalog, "customer_list_name": customer_list }),
    )
}

/// The status object of DESIGN.md for a profile just connected.
pub fn object(app: &App, profile: &Profile, store: StoreKind, ends: &Ends) -> Value {
    object_for(app, &app.profile, profile, store, ends)
}

fn object_for(_app: &App, name: &str, profile: &Profile, store: StoreKind, ends: &Ends) -> Value {
    let h = &profile.hubrise;
    let live = |end: &End, field: &str, stored: Value| {
        end.live.as_ref().and_then(|l| l.get(field)).filter(|v| !v.is_null()).cloned().unwrap_or(stored)
    };
    let mut zelty = json!({
        "state": ends.zelty.state,
        "restaurant_id": profile.zelty.restaurant_id,
        "restaurant_name": live(&ends.zelty, "restaurant_name", json!(profile.zelty.restaurant_name)),
        "api_key": ends.zelty.masked,
    });
    let mut hubrise = json!({
        "state": ends.hubrise.state,
        "account_id": h.account_id,
        "account_name": live(&ends.hubrise, "account_name", json!(h.account_name)),
        "location_id": h.location_id,
        "location_name": live(&ends.hubrise, "location_name", json!(h.location_name)),
        "catalog_id": h.catalog_id,
        "catalog_name": live(&ends.hubrise, "catalog_name", json!(h.catalog_name)),
        "customer_list_id": h.customer_list_id,
        "customer_list_name": live(&ends.hubrise, "customer_list_name", json!(h.customer_list_name)),
        "access_token": ends.hubrise.masked,
    });
    for (value, end) in [(&mut zelty, &ends.zelty), (&mut hubrise, &ends.hubrise)] {
        if let Some(reason) = end.reason {
            value["reason"] = json!(reason);
            value["message"] = json!(end.message);
            value["hint"] = json!(end.hint);
        }
    }
    let support = match &profile.support_access {
        Some(s) => json!({ "state": "granted", "granted_at": s.granted_at }),
        None => json!({ "state": "not_granted", "granted_at": null }),
    };
    json!({ "profile": name, "secret_store": store.name(), "zelty": zelty, "hubrise": hubrise, "support_access": support })
}

/// The status object for people, in their language.
pub fn render(app: &App, o: &Value) -> String {
    let t = |m: Text| app.printer.t(&m);
    let s = |v: &Value| {
        v.as_str().map(str::to_string).unwrap_or_else(|| if v.is_null() { "—".into() } else { v.to_string() })
    };
    let state = |v: &Value| {
        let st = v.as_str().unwrap_or("");
        let label = t(match st {
            "ok" => Msg::StateOk.text(),
            "rejected" => Msg::StateRejected.text(),
            "unreachable" => Msg::StateUnreachable.text(),
            "unchecked" => Msg::StateUnchecked.text(),
            _ => Msg::StateMissing.text(),
        });
        if st == "ok" { format!("✓ {label}") } else { format!("✗ {label}") }
    };
    let (z, h) = (&o["zelty"], &o["hubrise"]);
    let mut lines = vec![
        t(Msg::StatusProfile.with("profile", s(&o["profile"])).with("store", s(&o["secret_store"]))),
        format!(
            "  Zelty    {}  {} (restaurant {})  {} {}",
            state(&z["state"]),
            s(&z["restaurant_name"]),
            s(&z["restaurant_id"]),
            t(Msg::LabelKey.text()),
            s(&z["api_key"])
        ),
        format!(
            "  HubRise  {}  {} › {} ({})  {} {}",
            state(&h["state"]),
            s(&h["account_name"]),
            s(&h["location_name"]),
            s(&h["location_id"]),
            t(Msg::LabelToken.text()),
            s(&h["access_token"])
        ),
        format!("           {} {} ({})", t(Msg::LabelCatalog.text()), s(&h["catalog_name"]), s(&h["catalog_id"])),
        format!(
            "           {}: {} ({})",
            t(Msg::LabelCustomerList.text()),
            s(&h["customer_list_name"]),
            s(&h["customer_list_id"])
        ),
    ];
    for end in [z, h] {
        if let Some(message) = end["message"].as_str() {
            lines.push(format!("  ! {message}"));
        }
        if let Some(hint) = end["hint"].as_str() {
            lines.push(format!("    hint: {hint}"));
        }
    }
    lines.push(match o["support_access"]["granted_at"].as_str() {
        Some(at) => t(Msg::SupportGranted.with("at", at)),
        None => t(Msg::SupportNotGranted.text()),
    });
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end(state: &'static str) -> End {
        End { state, reason: None, message: None, hint: None, masked: None, live: None }
    }

    #[test]
    fn exit_code_table() {
        for (z, h, code) in [
            ("ok", "ok", 0),
            ("rejected", "ok", 3),
            ("ok", "unreachable", 5),
            ("rejected", "unreachable", 3),
            ("missing", "ok", 4),
            ("missing", "unreachable", 5),
            ("unchecked", "unchecked", 0),
        ] {
            assert_eq!(Ends { zelty: end(z), hubrise: end(h) }.exit_code(), code, "{z} {h}");
        }
    }
}
