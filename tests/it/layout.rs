//! Text that fits the terminal: at `COLUMNS=80`, the fleet table and the prose around it
//! never run past the edge, in French, and no word or command is cut.

use crate::support::*;

/// Lines wider than `width`, but those a command or a URL alone makes so (never cut).
fn too_wide(text: &str, width: usize) -> Vec<String> {
    text.lines()
        .filter(|l| l.chars().count() > width)
        .filter(|l| !l.contains('`') && !l.contains("http"))
        .map(str::to_string)
        .collect()
}

#[test]
fn at_80_columns_the_fleet_and_its_hints_fit() {
    let (sb, home) = (Sandbox::start(&[]), Home::new());
    let (_, account) = sb.tokens();
    let mut manifest = String::from("hubrise_account_token_env = \"HUBRISE_ACCOUNT_TOKEN\"\n");
    for name in ["paris-11-canal-saint-martin", "lyon-part-dieu", "bordeaux-chartrons", "marseille-vieux-port", "lille"]
    {
        manifest.push_str(&format!(
            "[[restaurant]]\nprofile = \"{name}\"\nzelty_api_key_env = \"KEY\"\nlocation_id = \"3r4s3-0\"\n"
        ));
    }
    let path = home.path().join("restaurants.toml");
    std::fs::write(&path, manifest).unwrap();
    let mut provision = home.cmd(&sb);
    provision.arg("provision").arg(&path).env("HUBRISE_ACCOUNT_TOKEN", &account).env("KEY", sb.demo_key());
    run(provision).expect(0);

    let mut fleet = home.cmd(&sb);
    fleet.args(["status", "--all-profiles"]).env("LANG", "fr_FR.UTF-8").env("COLUMNS", "80");
    let out = run(fleet);
    assert_eq!(too_wide(&out.stdout, 80), Vec::<String>::new(), "{}", out.stdout);
    assert!(out.stdout.contains("PROFIL"), "{}", out.stdout);
    // What to do moved under each row, whole, with the row's profile.
    assert!(out.stdout.contains("`zelty-bridge app --profile lyon-part-dieu`"), "{}", out.stdout);
    // Without a width (a pipe), the table is whole: one line per profile.
    let mut piped = home.cmd(&sb);
    piped.args(["status", "--all-profiles"]).env("LANG", "fr_FR.UTF-8");
    let wide = run(piped);
    assert_eq!(wide.stdout.lines().count(), 7, "{}", wide.stdout);

    let mut hint = home.cmd(&sb);
    hint.args(["--profile", "nantes-ile-de-nantes", "status"]).env("LANG", "fr_FR.UTF-8").env("COLUMNS", "60");
    let out = run(hint);
    out.expect(4);
    assert_eq!(too_wide(&out.stderr, 60), Vec::<String>::new(), "{}", out.stderr);
    assert!(out.stderr.contains("`zelty-bridge --profile nantes-ile-de-nantes connect`"), "{}", out.stderr);
}
