//! The manifest parser against good, broken and secret-bearing manifests.

use super::*;

const KEY: &str = "MTIzNDU6q83vEjRWeJq83vEjRWeJq83vEjQ=";

fn code(text: &str) -> &'static str {
    parse(text, "m.toml").map(|_| "ok").unwrap_or_else(|f| f.code)
}

#[test]
fn the_example_file_parses() {
    let text = include_str!("../../../../tests/fixtures/provision.example.toml");
    let m = parse(text, "example").unwrap();
    assert_eq!(m.account_token_env.as_deref(), Some("HUBRISE_ACCOUNT_TOKEN"));
    assert!(m.entries.len() >= 2);
    assert!(m.entries.iter().all(|e| e.plan.is_ok()));
    assert!(m.entries.iter().any(|e| matches!(e.plan, Ok(Plan { hubrise: HubriseSource::Token { .. }, .. }))));
    assert!(m.entries.iter().any(|e| matches!(e.plan, Ok(Plan { hubrise: HubriseSource::Account { .. }, .. }))));
}

#[test]
fn a_full_manifest_becomes_plans() {
    let m = parse(
        r#"
        hubrise_account_token_env = "HUBRISE_ACCOUNT_TOKEN"
        [[restaurant]]
        profile = "paris-11"
        zelty_api_key_env = "ZELTY_KEY_PARIS_11"
        location_id = "3r4s3-0"
        catalog_id = "87yu4"
        [[restaurant]]
        profile = "lyon"
        zelty_api_key_env = "ZELTY_KEY_LYON"
        hubrise_access_token_env = "HUBRISE_TOKEN_LYON"
        restaurant_id = 12345
        "#,
        "m.toml",
    )
    .unwrap();
    let plans: Vec<&Plan> = m.entries.iter().map(|e| e.plan.as_ref().unwrap()).collect();
    assert_eq!(plans[0].hubrise, HubriseSource::Account { location_id: "3r4s3-0".into() });
    assert_eq!(plans[0].catalog_id.as_deref(), Some("87yu4"));
    assert_eq!(plans[1].hubrise, HubriseSource::Token { env: "HUBRISE_TOKEN_LYON".into() });
    assert_eq!((m.entries[1].profile.as_str(), plans[1].restaurant_id), ("lyon", Some(12345)));
}

#[test]
fn structural_problems_refuse_the_whole_manifest() {
    let r = |body: &str| format!("[[restaurant]]\nprofile = \"a\"\nzelty_api_key_env = \"K\"\n{body}");
    for (text, want) in [
        ("", "bad_manifest"),
        ("hubrise_account_token_env = \"T\"", "bad_manifest"),
        ("[[restaurant]\n", "bad_manifest"),
        (&r("hubrise_access_token_env = \"T\"\nlocatoin_id = \"x-0\""), "bad_manifest"),
        (&r("location_id = \"x-0\""), "bad_manifest"),
        (&r(""), "bad_manifest"),
        (&r("hubrise_access_token_env = \"T\"\nlocation_id = \"x-0\""), "bad_manifest"),
        (&r("hubrise_access_token_env = \"T\"\nrestaurant_id = \"12\""), "bad_manifest"),
        (
            &format!("{}\n{}", r("hubrise_access_token_env = \"T\""), r("hubrise_access_token_env = \"U\"")),
            "duplicate_profile",
        ),
        (
            "[[restaurant]]\nprofile = \"../x\"\nzelty_api_key_env = \"K\"\nhubrise_access_token_env = \"T\"",
            "bad_profile_name",
        ),
        (
            "unknown = 1\n[[restaurant]]\nprofile = \"a\"\nzelty_api_key_env = \"K\"\nhubrise_access_token_env = \"T\"",
            "bad_manifest",
        ),
        (&format!("hubrise_account_token = \"{KEY}\"\n{}", r("hubrise_access_token_env = \"T\"")), "inline_secret"),
        (&format!("hubrise_account_token_env = \"{KEY}\"\n{}", r("hubrise_access_token_env = \"T\"")), "inline_secret"),
        (&r("hubrise_access_token_env = \"T\""), "ok"),
    ] {
        assert_eq!(code(text), want, "{text}");
    }
}

#[test]
fn an_inline_secret_refuses_only_its_restaurant() {
    let text = format!(
        "[[restaurant]]\nprofile = \"a\"\nzelty_api_key = \"{KEY}\"\nhubrise_access_token_env = \"T\"\n\
         [[restaurant]]\nprofile = \"b\"\nzelty_api_key_env = \"{KEY}\"\nhubrise_access_token_env = \"T\"\n\
         [[restaurant]]\nprofile = \"c\"\nzelty_api_key_env = \"K\"\nhubrise_access_token_env = \"T\"\ntoken = \"b9922a78d3ffab6b95e9d72e88\"\n\
         [[restaurant]]\nprofile = \"d\"\nzelty_api_key_env = \"K\"\nhubrise_access_token_env = \"T\"\n"
    );
    let m = parse(&text, "m.toml").unwrap();
    let codes: Vec<&str> = m.entries.iter().map(|e| e.plan.as_ref().map(|_| "ok").unwrap_or_else(|f| f.code)).collect();
    assert_eq!(codes, ["inline_secret", "inline_secret", "inline_secret", "ok"]);
    for entry in &m.entries {
        if let Err(f) = &entry.plan {
            let shown = format!("{} {:?} {:?}", f.message, f.hint.as_ref().map(|h| h.to_string()), f.detail);
            assert!(!shown.contains("MTIz") && !shown.contains("b9922"), "{shown}");
            assert!(shown.contains(&entry.profile));
        }
    }
}

#[test]
fn errors_never_quote_values() {
    let text = format!(
        "[[restaurant]]\nprofile = \"a\"\nzelty_api_key_env = \"K\"\nhubrise_access_token_env = \"T\"\nrestaurant_id = \"{KEY}\"\n"
    );
    let f = parse(&text, "m.toml").unwrap_err();
    let shown = format!("{f}");
    assert!(shown.contains("i64") && shown.contains("a"), "{shown}");
    assert!(!shown.contains("MTIz"), "{shown}");
    let f = parse(&format!("x = \"{KEY}\n"), "m.toml").unwrap_err();
    let shown = format!("{f}");
    assert!(shown.contains("line 1"), "{shown}");
    assert!(!shown.contains("MTIz"), "{shown}");
}

#[test]
fn variable_names_table() {
    for (name, ok) in [
        ("ZELTY_KEY", true),
        ("_X1", true),
        ("A", true),
        ("", false),
        ("1A", false),
        ("zelty_key", false),
        (KEY, false),
        ("b9922a78d3ffab6b95e9d72e88", false),
        ("A-B", false),
    ] {
        assert_eq!(is_var_name(name), ok, "{name}");
    }
}

#[test]
fn redact_drops_quoted_values() {
    assert_eq!(redact("invalid type: string \"MTIz\", expected i64"), "invalid type: string \"…\", expected i64");
    assert_eq!(redact("unknown field `locatoin_id`"), "unknown field `locatoin_id`");
}

#[test]
fn a_key_pasted_as_a_profile_or_a_field_name_is_never_echoed() {
    const TOKEN: &str = "b9922a78d3ffab6b95e9d72e88f1c3a7";
    for text in [
        format!("[[restaurant]]\nprofile = \"{KEY}\"\nzelty_api_key_env = \"K\"\nhubrise_access_token_env = \"T\"\n"),
        format!("[[restaurant]]\nprofile = \"{TOKEN}\"\nzelty_api_key_env = \"K\"\nhubrise_access_token_env = \"T\"\n"),
        format!(
            "[[restaurant]]\nprofile = \"a\"\n\"{TOKEN}\" = 1\nzelty_api_key_env = \"K\"\nhubrise_access_token_env = \"T\"\n"
        ),
        format!(
            "\"{TOKEN}\" = 1\n[[restaurant]]\nprofile = \"a\"\nzelty_api_key_env = \"K\"\nhubrise_access_token_env = \"T\"\n"
        ),
    ] {
        let f = parse(&text, "m.toml").unwrap_err();
        let shown = format!("{f} {}", f.detail.clone().unwrap_or_default());
        assert_eq!(f.code, "bad_manifest", "{shown}");
        assert!(!shown.contains("MTIz") && !shown.contains("b9922a78"), "{shown}");
    }
}

#[test]
fn names_do_not_look_like_secrets() {
    for name in ["paris-11", "lyon", "restaurant-paris-rivoli", "default", "ZELTY_KEY_PARIS_11", "chain_store_0042"] {
        assert!(!looks_like_secret(name), "{name}");
    }
    for secret in [KEY, "b9922a78d3ffab6b95e9d72e88f1c3a7", "MTIzNDU6q83vEjRWeJq83vEj"] {
        assert!(looks_like_secret(secret), "{secret}");
    }
}
