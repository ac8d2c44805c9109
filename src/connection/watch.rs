//! The watch: zelty-bridge's own read-only HubRise connection on the location. Verifying a
//! token names what it reaches; names come from the token response where there is one
//! (`GET /catalogs/:id` is limited to 10 a minute:
//! https://www.hubrise.com/developers/api/general-concepts, "Rate limits").

use crate::app::App;
use crate::error::{Failure, Kind};
use crate::hubrise::api::{self, Location, Named};
use crate::hubrise::oauth::Grant;
use crate::i18n::Msg;
use crate::profile::HubrisePart;
use crate::secret::Secret;

/// What a verified token gives access to.
#[derive(Debug, Clone)]
pub struct Verified {
    pub location: Location,
    pub catalog: Option<Named>,
    pub customer_list: Option<Named>,
}

impl Verified {
    /// The profile's HubRise half, for a token granted `scope`.
    pub fn part(&self, scope: &str, device_id: Option<String>) -> HubrisePart {
        HubrisePart {
            account_id: self.location.account.id.clone(),
            account_name: self.location.account.name.clone(),
            location_id: Some(self.location.id.clone()),
            location_name: Some(self.location.name.clone()),
            catalog_id: self.catalog.as_ref().map(|c| c.id.clone()),
            catalog_name: self.catalog.as_ref().map(|c| c.name.clone()),
            customer_list_id: self.customer_list.as_ref().map(|c| c.id.clone()),
            customer_list_name: self.customer_list.as_ref().map(|c| c.name.clone()),
            scope: scope.to_string(),
            device_id,
        }
    }
}

/// Proves the token works and names what it reaches: the location (which must be the one
/// the token endpoint named), its catalog and its customer list.
pub async fn verify(app: &App, token: &Secret, grant: Option<&Grant>) -> anyhow::Result<Verified> {
    let spinner = app.printer.spinner(Msg::CheckingLocation.text());
    let (http, api) = (&app.http, app.settings.endpoints.hubrise_api.as_str());
    let location = api::location(http, api, token, None).await?;
    if let Some(expected) = grant.and_then(|g| g.location_id.as_deref())
        && expected != location.id
    {
        return Err(Failure::new(
            Kind::Unexpected,
            "location_mismatch",
            Msg::LocationMismatch.with("expected", expected).with("got", &location.id),
        )
        .into());
    }
    let named = |id: &Option<String>, name: &Option<String>| {
        id.clone().map(|id| Named { id, name: name.clone().unwrap_or_default() })
    };
    let catalog = match grant {
        Some(g) => named(&g.catalog_id, &g.catalog_name),
        None => api::only_one(api::location_list(http, api, token, None, "catalogs").await)?,
    };
    let customer_list = match grant {
        Some(g) => named(&g.customer_list_id, &g.customer_list_name),
        None => api::only_one(api::location_list(http, api, token, None, "customer_lists").await)?,
    };
    drop(spinner);
    app.printer.success(
        Msg::LocationVerified
            .with("location", &location.name)
            .with("id", &location.id)
            .with("account", &location.account.name),
    );
    Ok(Verified { location, catalog, customer_list })
}
