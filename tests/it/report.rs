//! `report`: what a restaurant sends to Zelty's support. The tool, the system, each
//! profile's parts with masked keys, and the failures the tool logged on this machine.

use crate::support::*;

#[test]
fn a_report_holds_the_profiles_and_the_last_failures_and_goes_to_a_private_file() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let key = sb.demo_key();
    let mut connect = home.cmd(&sb);
    connect.args(["connect"]).env("ZELTY_API_KEY", &key);
    run(connect).expect(0);
    // A failure, logged for the report: a profile that does not exist.
    let mut status = home.cmd(&sb);
    status.args(["--profile", "lyon", "status"]);
    run(status).expect(4);
    let logged = home.errors_logged();
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert_eq!(logged[0]["code"], "not_connected");
    assert_eq!(logged[0]["command"], "status");
    assert_eq!(logged[0]["profile"], "lyon");

    let mut json = home.cmd(&sb);
    json.args(["report", "--json"]);
    let out = run(json);
    out.expect(0);
    let report = out.json();
    assert_eq!(report["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(report["profiles"][0]["profile"], "default");
    let masked = report["profiles"][0]["zelty"]["api_key"].as_str().expect("the masked key");
    assert!(masked.contains('…') && masked.len() < key.len(), "{masked}");
    assert_eq!(report["errors"][0]["code"], "not_connected");

    let file = home.path().join("report.md");
    let mut fr = home.cmd(&sb);
    fr.args(["report", "--output"]).arg(&file).env("LANG", "fr_FR.UTF-8");
    let out = run(fr);
    out.expect(0);
    assert!(out.stderr.contains("support@zelty.com"), "{}", out.stderr);
    assert!(out.stderr.contains("Rapport écrit dans"), "{}", out.stderr);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("# Rapport de support zelty-bridge"), "{text}");
    assert!(text.contains("## Profil `default`") && text.contains(masked), "{text}");
    assert!(text.contains("not_connected (exit 4)"), "{text}");
    assert!(!text.contains(&key[..12]), "the key itself");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    }
}
