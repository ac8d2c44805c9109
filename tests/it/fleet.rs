//! A fleet: a chain's twenty restaurants on one Zelty group key and one HubRise account
//! token, provisioned with the services' limits enforced, then checked together.

use crate::support::*;
use serde_json::{Value, json};
use std::process::Command;

/// The sandbox's chain: `(restaurant id, location id)` for each of its restaurants.
struct Chain {
    sb: Sandbox,
    group_key: String,
    pairs: Vec<(i64, String)>,
}

impl Chain {
    fn start() -> Chain {
        let sb = Sandbox::start(&["--restaurants", "20", "--locations", "20", "--rate-limits"]);
        let group_key = sb.json["group_key"].as_str().expect("the sandbox's group key").to_string();
        let ids: Vec<i64> = sb.keys().into_iter().map(|(id, _)| id).filter(|id| *id != 12345).collect();
        let locations = sb.json["locations"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap().to_string());
        let pairs: Vec<(i64, String)> = ids.into_iter().zip(locations).collect();
        assert_eq!(pairs.len(), 20);
        Chain { sb, group_key, pairs }
    }

    /// `provision` of the whole chain: one key variable, one account token, each entry
    /// naming its restaurant and its location.
    fn provision(&self, home: &Home, args: &[&str]) -> Command {
        let mut text = String::from("hubrise_account_token_env = \"HUBRISE_ACCOUNT_TOKEN\"\n");
        for (i, (id, location)) in self.pairs.iter().enumerate() {
            text.push_str(&format!(
                "[[restaurant]]\nprofile = \"shop-{i:02}\"\nzelty_api_key_env = \"CHAIN_KEY\"\nrestaurant_id = {id}\nlocation_id = \"{location}\"\n"
            ));
        }
        let path = home.path().join("chain.toml");
        std::fs::write(&path, text).unwrap();
        let mut cmd = home.cmd(&self.sb);
        cmd.arg("provision")
            .arg(&path)
            .args(args)
            .env("CHAIN_KEY", &self.group_key)
            .env("HUBRISE_ACCOUNT_TOKEN", self.sb.mint_token(json!({ "account": true })));
        cmd
    }

    fn requests_since(&self, before: usize) -> Vec<Value> {
        self.sb.requests().into_iter().skip(before).collect()
    }
}

#[test]
fn a_chain_on_one_key_and_one_account_token_connects_without_a_429() {
    let chain = Chain::start();
    let home = Home::new();
    let before = chain.sb.requests().len();
    let out = run(chain.provision(&home, &["--json"]));
    out.expect(0);
    let report = out.json();
    assert_eq!((report["summary"]["connected"].as_u64(), report["summary"]["failed"].as_u64()), (Some(20), Some(0)));
    for (i, (id, location)) in chain.pairs.iter().enumerate() {
        let line = report["restaurants"].as_array().unwrap().iter().find(|r| r["profile"] == format!("shop-{i:02}"));
        let line = line.unwrap_or_else(|| panic!("shop-{i:02} in {report}"));
        assert_eq!(
            (line["restaurant_id"].as_i64(), line["location_id"].as_str()),
            (Some(*id), Some(location.as_str()))
        );
        let stored = std::fs::read_to_string(home.config_dir().join(format!("profiles/shop-{i:02}.toml"))).unwrap();
        assert!(stored.contains(&format!("restaurant_id = {id}")) && stored.contains(location.as_str()), "{stored}");
    }
    let requests = chain.requests_since(before);
    let zelty: Vec<&Value> = requests.iter().filter(|r| r["service"] == "zelty").collect();
    assert_eq!(zelty.len(), 1, "one GET /restaurants for the one key: {zelty:?}");
    assert!(requests.iter().all(|r| r["status"] != 429), "{requests:?}");
}
