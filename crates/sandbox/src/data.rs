//! The demo world: the HubRise account "Bella Pizza" with its locations, catalogs and
//! customer list, and the Zelty restaurants with their keys. All of it is a pure function
//! of the configuration, so every sandbox process builds the same world.

use super::ids;
use serde_json::{Value, json};

pub const ACCOUNT_ID: &str = "3r4s3";
pub const ACCOUNT_NAME: &str = "Bella Pizza";
pub const CUSTOMER_LIST_ID: &str = "xab66";
pub const CUSTOMER_LIST_NAME: &str = "Bella Pizza";
/// Zelty: the demo key's only restaurant; its key's prefix is the restaurant id.
pub const DEMO_RESTAURANT: i64 = 12345;
/// Zelty: the prefix of the "multi" key that sees several restaurants.
pub const MULTI_KEY_PREFIX: u64 = 8000;
const MULTI_RESTAURANTS: [i64; 3] = [23451, 23452, 23453];
/// Zelty: `config.restaurants` more restaurants, one key each, from this id.
pub const FIRST_EXTRA_RESTAURANT: i64 = 20001;
/// Zelty: the prefix of a chain's group key, which sees the first `CHAIN` extra
/// restaurants (one Zelty account); there when the sandbox has two extras or more.
pub const GROUP_KEY_PREFIX: u64 = 9000;
pub const CHAIN: usize = 20;
const CREATED_AT: &str = "2026-01-15T10:30:00+01:00";

const CITIES: [(&str, &str); 10] = [
    ("Paris", "75003"),
    ("Lyon", "69002"),
    ("Marseille", "13001"),
    ("Toulouse", "31000"),
    ("Nice", "06000"),
    ("Nantes", "44000"),
    ("Strasbourg", "67000"),
    ("Montpellier", "34000"),
    ("Bordeaux", "33000"),
    ("Lille", "59000"),
];

#[derive(Debug, Clone)]
pub struct Location {
    pub id: String,
    pub name: String,
    pub catalog_id: String,
    city: &'static str,
    postal_code: &'static str,
    n: usize,
}

#[derive(Debug, Clone)]
pub struct Restaurant {
    pub id: i64,
    pub name: String,
}

/// A Zelty key and the restaurants it sees.
#[derive(Debug, Clone)]
pub struct ZeltyKey {
    pub key: String,
    pub restaurants: Vec<Restaurant>,
}

pub struct World {
    pub locations: Vec<Location>,
    pub account_catalog_id: String,
    /// Location catalog id -> location index.
    catalogs: std::collections::HashMap<String, usize>,
    pub demo_key: String,
    pub multi_key: String,
    /// The chain's key, when there is a chain.
    pub group_key: Option<String>,
    /// Every key: the demo key, the multi key, then one per extra restaurant.
    pub keys: Vec<ZeltyKey>,
}

fn city(n: usize) -> (String, &'static str, &'static str) {
    let (city, postal) = CITIES[n % CITIES.len()];
    let name = if n < CITIES.len() { city.to_string() } else { format!("{city} {}", n / CITIES.len() + 1) };
    (name, city, postal)
}

fn restaurant(id: i64, n: usize) -> Restaurant {
    Restaurant { id, name: format!("Bella Pizza {}", city(n).0) }
}

impl World {
    pub fn new(locations: usize, restaurants: usize) -> World {
        let locations: Vec<Location> = (0..locations.max(1))
            .map(|n| {
                let (name, city, postal_code) = city(n);
                Location {
                    id: format!("{ACCOUNT_ID}-{n}"),
                    name,
                    catalog_id: ids::short_id(1, n as u64 + 1),
                    city,
                    postal_code,
                    n,
                }
            })
            .collect();
        let demo_key = ids::zelty_key(DEMO_RESTAURANT as u64);
        let multi_key = ids::zelty_key(MULTI_KEY_PREFIX);
        let mut keys = vec![
            ZeltyKey { key: demo_key.clone(), restaurants: vec![restaurant(DEMO_RESTAURANT, 0)] },
            ZeltyKey {
                key: multi_key.clone(),
                restaurants: MULTI_RESTAURANTS.iter().enumerate().map(|(i, &id)| restaurant(id, i + 1)).collect(),
            },
        ];
        keys.extend((0..restaurants).map(|i| {
            let id = FIRST_EXTRA_RESTAURANT + i as i64;
            ZeltyKey { key: ids::zelty_key(id as u64), restaurants: vec![restaurant(id, i)] }
        }));
        let group_key = (restaurants >= 2).then(|| ids::zelty_key(GROUP_KEY_PREFIX));
        if let Some(key) = &group_key {
            let chain = keys[2..2 + restaurants.min(CHAIN)].iter().map(|k| k.restaurants[0].clone()).collect();
            keys.push(ZeltyKey { key: key.clone(), restaurants: chain });
        }
        let catalogs = locations.iter().enumerate().map(|(n, l)| (l.catalog_id.clone(), n)).collect();
        World { locations, account_catalog_id: ids::short_id(1, 0), catalogs, demo_key, multi_key, group_key, keys }
    }

    /// The position of a location from its id (`3r4s3-7` is the eighth), without a scan.
    pub fn location_index(&self, id: &str) -> Option<usize> {
        let n: usize = id.strip_prefix(ACCOUNT_ID)?.strip_prefix('-')?.parse().ok()?;
        self.locations.get(n).filter(|l| l.id == id).map(|_| n)
    }

    /// The location a catalog belongs to (`None` for the account catalog), or `Err` when
    /// there is no such catalog.
    pub fn catalog_owner(&self, catalog_id: &str) -> Result<Option<&Location>, ()> {
        if catalog_id == self.account_catalog_id {
            return Ok(None);
        }
        self.catalogs.get(catalog_id).map(|&n| Some(&self.locations[n])).ok_or(())
    }

    pub fn catalog_name(&self, catalog_id: &str) -> Option<String> {
        match self.catalog_owner(catalog_id).ok()? {
            None => Some(ACCOUNT_NAME.to_string()),
            Some(l) => Some(format!("{ACCOUNT_NAME} {}", l.name)),
        }
    }

    pub fn key(&self, key: &str) -> Option<&ZeltyKey> {
        self.keys.iter().find(|k| k.key == key)
    }

    /// One `(restaurant id, key)` per single-restaurant key: the demo key and the extras.
    pub fn single_keys(&self) -> Vec<(i64, String)> {
        self.keys.iter().filter(|k| k.restaurants.len() == 1).map(|k| (k.restaurants[0].id, k.key.clone())).collect()
    }
}

pub fn account_json() -> Value {
    json!({ "id": ACCOUNT_ID, "name": ACCOUNT_NAME, "currency": "EUR" })
}

/// A location as `GET /location` shows it.
pub fn location_json(l: &Location) -> Value {
    json!({
        "id": l.id,
        "name": l.name,
        "account": account_json(),
        "address": format!("{} rue de la République", 10 + l.n % 90),
        "postal_code": l.postal_code,
        "city": l.city,
        "country": "FR",
        "timezone": { "name": "Europe/Paris" },
        "cutoff_time": "06:00",
        "opening_hours": {
            "monday": [{ "from": "12:00", "to": "14:00" }, { "from": "18:00", "to": "23:00" }],
            "saturday": [{ "from": "12:00", "to": "23:30" }]
        },
        "preparation_time": 15,
        "order_acceptance": { "mode": "online" },
        "custom_fields": {}
    })
}

/// A catalog list item: no `data`.
pub fn catalog_item_json(id: &str, name: &str) -> Value {
    json!({ "id": id, "name": name, "created_at": CREATED_AT })
}

/// `GET /catalogs/:id`, with `location_id` or `account_id` depending on its owner.
pub fn catalog_json(world: &World, id: &str, hide_data: bool) -> Option<Value> {
    let owner = world.catalog_owner(id).ok()?;
    let mut v = catalog_item_json(id, &world.catalog_name(id)?);
    match owner {
        Some(l) => v["location_id"] = json!(l.id),
        None => v["account_id"] = json!(ACCOUNT_ID),
    }
    if !hide_data {
        v["data"] = json!({
            "categories": [{ "ref": "PIZ", "name": "Pizzas" }],
            "products": [{ "ref": "101", "category_ref": "PIZ", "name": "Margherita", "skus": [{ "ref": "101-M", "price": "9.50 EUR" }] }],
            "option_lists": [], "deals": [], "discounts": [], "charges": []
        });
    }
    Some(v)
}

pub fn customer_list_json(with_created_at: bool) -> Value {
    let mut v = json!({ "id": CUSTOMER_LIST_ID, "name": CUSTOMER_LIST_NAME });
    if with_created_at {
        v["created_at"] = json!(CREATED_AT);
    }
    v
}

/// A `GET /restaurants` item, with the fields Zelty clients read (public Zelty clients, e.g. crescents-ma/zelty-bridge-v2.10 src/Client/ZeltyClient.php).
pub fn restaurant_json(r: &Restaurant) -> Value {
    json!({
        "id": r.id,
        "remote_id": null,
        "name": r.name,
        "public_name": r.name,
        "disable": false,
        "currency": "EUR",
        "country_code": "FR",
        "default_lang": "fr",
        "address": "10 rue de la République",
        "phone": "+33100000000",
        "ordering_available": true,
        "loc": { "lat": 48.8566, "lng": 2.3522 }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_world_is_the_same_every_time() {
        let (a, b) = (World::new(12, 3), World::new(12, 3));
        assert_eq!(a.demo_key, b.demo_key);
        assert_eq!(a.locations[11].name, "Lyon 2");
        assert_eq!(a.locations[0].id, "3r4s3-0");
        assert_eq!(a.single_keys(), b.single_keys());
        assert_eq!(a.single_keys().len(), 4);
        assert_eq!(a.key(&a.multi_key).unwrap().restaurants.len(), 3);
        let group = a.key(a.group_key.as_ref().unwrap()).unwrap();
        assert_eq!(group.restaurants.iter().map(|r| r.id).collect::<Vec<_>>(), [20001, 20002, 20003]);
        assert!(World::new(2, 1).group_key.is_none());
        assert_eq!(a.location_index("3r4s3-11"), Some(11));
        assert!(
            a.location_index("3r4s3-12").is_none()
                && a.location_index("3r4s3-01").is_none()
                && a.location_index("x-0").is_none()
        );
        assert_eq!(a.catalog_owner(&a.locations[2].catalog_id).unwrap().unwrap().id, "3r4s3-2");
        assert!(a.catalog_owner(&a.account_catalog_id).unwrap().is_none());
        assert!(a.catalog_owner("zzzzz").is_err());
    }
}
