//! The watch: zelty-bridge's own read-only HubRise connection on the location. Verifying a
//! token names what it reaches; names come from the token response where there is one
//! (`GET /catalogs/:id` is limited to 10 a minute:
//! https://www.hubrise.com/developers/api/general-concepts, "Rate limits").

use crate::ctx::Ctx;
use crate::error::{Failure, Kind};
use crate::hubrise::api::{self, Location, Named};
use crate::hubrise::oauth::Grant;
use crate::i18n::Msg;
use crate::profile::{HubrisePart, TokenOrigin};
use crate::secret::Secret;

/// What a verified token gives access to.
#[derive(Debug, Clone)]
pub struct Verified {
    pub location: Location,
    pub catalog: Option<Named>,
    pub customer_list: Option<Named>,
}

impl Verified {
    /// The profile's HubRise half, for a token granted `scope` that came from `origin`.
    pub fn part(&self, scope: &str, device_id: Option<String>, origin: TokenOrigin) -> HubrisePart {
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
            token_origin: Some(origin),
            no_watch: false,
            revoked_at: None,
        }
    }
}

/// The catalog and customer list a person named (`--catalog-id`, `--customer-list-id`), for
/// a token that does not say (one from `HUBRISE_ACCESS_TOKEN`) on a location with several.
#[derive(Debug, Clone, Copy, Default)]
pub struct Wanted<'a> {
    pub catalog: Option<&'a str>,
    pub customer_list: Option<&'a str>,
}

/// Proves the token works and names what it reaches: the location (which must be the one
/// the token endpoint named), its catalog and its customer list.
pub async fn verify(app: &Ctx, token: &Secret, grant: Option<&Grant>, wanted: Wanted<'_>) -> anyhow::Result<Verified> {
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
        Some(g) if wanted.catalog.is_none() || wanted.catalog == g.catalog_id.as_deref() => {
            named(&g.catalog_id, &g.catalog_name)
        }
        _ => pick(api::location_list(http, api, token, None, "catalogs").await, wanted.catalog, "--catalog-id")?,
    };
    let customer_list = match grant {
        Some(g) if wanted.customer_list.is_none() || wanted.customer_list == g.customer_list_id.as_deref() => {
            named(&g.customer_list_id, &g.customer_list_name)
        }
        _ => pick(
            api::location_list(http, api, token, None, "customer_lists").await,
            wanted.customer_list,
            "--customer-list-id",
        )?,
    };
    Ok(Verified { location, catalog, customer_list })
}

/// The one `id` names among the location's, else the only one there is.
fn pick(list: anyhow::Result<Vec<Named>>, id: Option<&str>, flag: &str) -> anyhow::Result<Option<Named>> {
    let Some(id) = id else { return api::only_one(list) };
    let list = list?;
    let seen: Vec<String> = list.iter().map(|n| format!("{} ({})", n.name, n.id)).collect();
    match list.into_iter().find(|n| n.id == id) {
        Some(found) => Ok(Some(found)),
        None => Err(Failure::new(
            Kind::Usage,
            "unknown_list_id",
            crate::i18n::Bridge::UnknownListId.with("flag", flag).with("id", id).with("list", seen.join(", ")),
        )
        .into()),
    }
}
