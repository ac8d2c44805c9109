//! The authorize page's checks of what a client asks for: the scope grammar
//! (https://www.hubrise.com/developers/api/authentication), the redirect URIs the sandbox accepts, and device ids.

/// One access level, as the scope names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Location,
    Account,
}

/// A parsed scope: `location[orders.write,catalog.read],profile`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub level: Option<Level>,
    /// `resource.access` pairs in the order asked.
    pub permissions: Vec<(String, String)>,
    /// `profile` or `profile_with_email`, if asked.
    pub profile: Option<String>,
}

const RESOURCES: [&str; 6] = ["orders", "customer_list", "catalog", "inventory", "all_customer_lists", "all_catalogs"];

impl Scope {
    /// Parses a scope: at most one access-level set, general permissions around it, comma
    /// separated; at least one of the two.
    pub fn parse(text: &str) -> Option<Scope> {
        let mut scope = Scope { level: None, permissions: Vec::new(), profile: None };
        let mut rest = text.trim();
        if rest.is_empty() {
            return None;
        }
        while !rest.is_empty() {
            let (item, after) = match rest.find('[') {
                Some(open) if rest.find(',').is_none_or(|comma| open < comma) => {
                    let close = rest.find(']')?;
                    (&rest[..=close], &rest[close + 1..])
                }
                _ => rest.split_once(',').map(|(a, _)| (a, &rest[a.len()..])).unwrap_or((rest, "")),
            };
            scope.add(item)?;
            rest = match after.strip_prefix(',') {
                Some(r) if !r.is_empty() => r,
                Some(_) => return None,
                None if after.is_empty() => after,
                None => return None,
            };
        }
        Some(scope)
    }

    fn add(&mut self, item: &str) -> Option<()> {
        if item == "profile" || item == "profile_with_email" {
            return self.profile.replace(item.to_string()).is_none().then_some(());
        }
        let (name, perms) = item.strip_suffix(']')?.split_once('[')?;
        let level = match name {
            "location" => Level::Location,
            "account" => Level::Account,
            _ => return None,
        };
        if self.level.replace(level).is_some() {
            return None;
        }
        for perm in perms.split(',') {
            let (resource, access) = perm.split_once('.')?;
            if !RESOURCES.contains(&resource) || !matches!(access, "read" | "write") {
                return None;
            }
            self.permissions.push((resource.to_string(), access.to_string()));
        }
        Some(())
    }

    /// Whether the person picks one catalog (`catalog.*` without `all_catalogs`).
    pub fn binds_catalog(&self) -> bool {
        self.has("catalog") && !self.has("all_catalogs")
    }

    /// Whether the person picks one customer list.
    pub fn binds_customer_list(&self) -> bool {
        self.has("customer_list") && !self.has("all_customer_lists")
    }

    /// Whether every permission asked is `.read` (and there is at least one).
    pub fn read_only(&self) -> bool {
        !self.permissions.is_empty() && self.permissions.iter().all(|(_, access)| access == "read")
    }

    fn has(&self, resource: &str) -> bool {
        self.permissions.iter().any(|(r, _)| r == resource)
    }
}

/// The OOB redirect of the installed-app workflow (installed-app workflow, https://www.hubrise.com/developers/api/authentication).
pub const OOB: &str = "urn:ietf:wg:oauth:2.0:oob";

/// Whether the sandbox redirects there: the OOB URN, or plain HTTP on a loopback host
/// (`127.0.0.1`, `localhost`, `[::1]`, any port), without a fragment (RFC 6749 §3.1.2).
pub fn redirect_allowed(uri: &str, loopback_allowed: bool) -> bool {
    if uri == OOB {
        return true;
    }
    let Ok(url) = url::Url::parse(uri) else { return false };
    loopback_allowed
        && url.scheme() == "http"
        && matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"))
        && url.fragment().is_none()
        && url.username().is_empty()
        && url.password().is_none()
}

/// Device ids use letters, digits, `_ - ( ) [ ] { } .` and spaces (`+` in the URL), per
/// HubRise's FAQ on connecting several instances of an app.
pub fn device_id_valid(id: &str) -> bool {
    !id.is_empty() && id.len() <= 100 && id.chars().all(|c| c.is_ascii_alphanumeric() || "_-()[]{}. ".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_table() {
        let ok = |s: &str| Scope::parse(s).map(|sc| (sc.level, sc.permissions.len(), sc.profile.is_some()));
        assert_eq!(
            ok("location[orders.write,customer_list.write,catalog.write,inventory.write]"),
            Some((Some(Level::Location), 4, false))
        );
        assert_eq!(ok("location[orders.read,customer_list.read]"), Some((Some(Level::Location), 2, false)));
        assert_eq!(ok("account[customer_list.read],profile"), Some((Some(Level::Account), 1, true)));
        assert_eq!(ok("profile,location[orders.write]"), Some((Some(Level::Location), 1, true)));
        assert_eq!(ok("account[all_catalogs.read]"), Some((Some(Level::Account), 1, false)));
        assert_eq!(ok("profile"), Some((None, 0, true)));
        assert_eq!(ok("profile_with_email"), Some((None, 0, true)));
        for bad in [
            "",
            "location[orders.write],account[orders.write]",
            "location[orders.delete]",
            "location[pizzas.write]",
            "location[orders.write",
            "location[orders.write],",
            "shop[orders.write]",
            "location[orders.write]x",
            "location[]",
            "profile,profile",
            "location[orders.write]]",
            ",location[orders.write]",
        ] {
            assert_eq!(Scope::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn bound_resources() {
        let s = Scope::parse("location[orders.write,customer_list.write,catalog.read]").unwrap();
        assert!(s.binds_catalog() && s.binds_customer_list());
        let s = Scope::parse("account[all_catalogs.read,catalog.read]").unwrap();
        assert!(!s.binds_catalog() && !s.binds_customer_list());
        assert!(s.read_only());
        assert!(!Scope::parse("location[orders.read,catalog.write]").unwrap().read_only());
        assert!(!Scope::parse("profile").unwrap().read_only());
    }

    #[test]
    fn redirect_uris() {
        for ok in [
            OOB,
            "http://127.0.0.1:4567/callback",
            "http://localhost:1/x?y=1",
            "http://[::1]:80/cb",
            "http://127.0.0.1/cb",
        ] {
            assert!(redirect_allowed(ok, true), "{ok}");
        }
        for bad in [
            "https://127.0.0.1:4567/callback",
            "http://evil.example/cb",
            "http://127.0.0.1.evil.example/",
            "http://127.0.0.1:1/cb#frag",
            "urn:ietf:wg:oauth:2.0:oob:auto",
            "",
            "http://user@127.0.0.1:1/",
        ] {
            assert!(!redirect_allowed(bad, true), "{bad}");
        }
        assert!(!redirect_allowed("http://127.0.0.1:4567/callback", false));
        assert!(redirect_allowed(OOB, false));
    }

    #[test]
    fn device_ids() {
        assert!(device_id_valid("100") && device_id_valid("pos (2).main_{a}[b]-c"));
        assert!(!device_id_valid("") && !device_id_valid("a/b") && !device_id_valid("é"));
    }
}
