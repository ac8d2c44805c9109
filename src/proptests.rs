//! Property tests over everything that reads hostile input: the key checker, callback and
//! pasted-URL parsing, the profile reader, and every parser of a server's answer (times,
//! ids, JSON bodies, webhook targets). None may panic, and none may accept what must be
//! refused. The release build aborts on a panic (`panic = "abort"`): these are what show
//! that no server answer reaches one.

use crate::hubrise::listener::parse_callback;
use crate::hubrise::paste::{PasteProblem, parse_pasted};
use crate::zelty::{MAX_KEY_LEN, MIN_KEY_LEN, check_key, is_base64_shaped};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    /// Whatever is pasted, an accepted key is trimmed, unmasked, free of spaces, of sane
    /// length and base64-shaped.
    #[test]
    fn accepted_keys_are_always_clean(raw in ".{0,300}") {
        if let Ok(key) = check_key(&raw) {
            let k = key.expose();
            prop_assert_eq!(k, raw.trim());
            prop_assert!(!k.contains(['*', '•', '…']));
            prop_assert!(!k.chars().any(char::is_whitespace));
            prop_assert!((MIN_KEY_LEN..=MAX_KEY_LEN).contains(&k.len()));
            prop_assert!(is_base64_shaped(k));
        }
    }

    /// Every well-formed base64 key of a plausible length is accepted, even with pasted
    /// whitespace around it.
    #[test]
    fn real_looking_keys_are_accepted(bytes in proptest::collection::vec(any::<u8>(), 18..150), pad in "[ \t\r\n]{0,4}") {
        use base64::Engine as _;
        let key = base64::engine::general_purpose::STANDARD.encode(&bytes);
        prop_assume!(key.len() >= MIN_KEY_LEN && key.len() <= MAX_KEY_LEN);
        let pasted = format!("{pad}{key}{pad}");
        let accepted = check_key(&pasted);
        prop_assert!(accepted.is_ok(), "{:?}", accepted.err().map(|f| f.code));
    }

    /// A masked key is always refused as masked, wherever the asterisks are.
    #[test]
    fn masked_keys_are_refused(prefix in "[A-Za-z0-9]{2,10}", stars in 1usize..10, suffix in "[A-Za-z0-9]{2,6}=?") {
        let key = format!("{prefix}{}{suffix}", "*".repeat(stars));
        prop_assert_eq!(check_key(&key).unwrap_err().code, "masked_key");
    }

    /// Callback parsing never panics and never invents a value longer than the cap.
    #[test]
    fn callback_parsing_is_total(query in ".{0,600}") {
        let p = parse_callback(&query);
        for value in [p.code, p.state, p.error].into_iter().flatten() {
            prop_assert!(!value.is_empty() && value.len() <= 512);
        }
    }

    /// A pasted URL is taken only with our exact state; any other state is refused.
    #[test]
    fn pasted_urls_need_our_state(code in "[a-f0-9]{32}", state in "[a-zA-Z0-9]{16,64}", other in "[a-zA-Z0-9]{16,64}") {
        prop_assume!(state != other);
        let url = format!("http://127.0.0.1:4000/callback?code={code}&state={other}");
        prop_assert_eq!(parse_pasted(&url, &state).err(), Some(PasteProblem::WrongState));
        let good = format!("http://127.0.0.1:4000/callback?code={code}&state={state}");
        prop_assert!(parse_pasted(&good, &state).is_ok());
    }

    /// Pasting anything never panics.
    #[test]
    fn pasting_is_total(input in ".{0,400}", state in ".{0,80}") {
        let _ = parse_pasted(&input, &state);
    }

    /// A profile file with any content either loads or fails with an error naming the file;
    /// it never panics.
    #[test]
    fn profile_reader_is_total(text in ".{0,400}") {
        let dir = tempfile::tempdir().unwrap();
        let profiles = crate::profile::Profiles::new(dir.path());
        std::fs::create_dir_all(dir.path().join("profiles")).unwrap();
        std::fs::write(profiles.path("default"), &text).unwrap();
        if let Err(err) = profiles.load("default") {
            let failure = crate::error::failure_of(&err).expect("a typed failure");
            prop_assert_eq!(failure.code, "profile_corrupt");
        }
    }

    /// A time from a server, any bytes at all, is read or refused, never a panic; what is
    /// read is a real instant that formats back to the same second.
    #[test]
    fn time_parsing_is_total(bytes in proptest::collection::vec(any::<u8>(), 0..40)) {
        let text = String::from_utf8_lossy(&bytes);
        if crate::clock::parse_rfc3339(&text).is_some() {
            prop_assert!(text.is_ascii());
        }
    }

    /// Times of the documented shape, any offset, always parse, offsets applied.
    #[test]
    fn well_formed_times_parse(secs in 0i64..4_102_444_799, oh in 0i64..24, om in 0i64..60, plus in any::<bool>()) {
        let utc = crate::clock::rfc3339(std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs as u64));
        prop_assert_eq!(crate::clock::parse_rfc3339(&utc), Some(secs));
        let sign = if plus { '+' } else { '-' };
        let shifted = format!("{}{sign}{oh:02}:{om:02}", &utc[..19]);
        let offset = (oh * 3600 + om * 60) * if plus { 1 } else { -1 };
        prop_assert_eq!(crate::clock::parse_rfc3339(&shifted), Some(secs - offset));
    }

    /// A well-formed time with characters replaced by another (multi-byte ones weighted
    /// in, where a slice on byte offsets would panic, and some dropped so that the byte
    /// length stays plausible): read or refused, never a panic.
    #[test]
    fn mangled_times_never_panic(
        secs in 0i64..4_102_444_799,
        at in 0usize..25,
        c in prop_oneof![Just('é'), Just('€'), Just('\u{1f600}'), any::<char>()],
        drop in 0usize..3,
        z in any::<bool>(),
    ) {
        let utc = crate::clock::rfc3339(std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs as u64));
        let time = if z { utc } else { format!("{}+01:00", &utc[..19]) };
        let mangled: String = time
            .chars()
            .enumerate()
            .filter(|(i, _)| !(at + 1..at + 1 + drop).contains(i))
            .map(|(i, old)| if i == at { c } else { old })
            .collect();
        let _ = crate::clock::parse_rfc3339(&mangled);
    }

    /// Any body at all, broken UTF-8 included, read as each answer the tool decodes: a
    /// value or a failure, never a panic; and a decoded string is always printable.
    #[test]
    fn answers_are_read_or_refused(body in prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..300),
        ".{0,200}".prop_map(|s| format!("{{\"id\":\"{s}\",\"name\":\"{s}\",\"account\":{{\"id\":\"a\",\"name\":\"{s}\"}}}}").into_bytes()),
        ".{0,200}".prop_map(|s| format!("[{{\"id\":\"{s}\",\"status\":\"{s}\",\"created_at\":\"{s}\"}}]").into_bytes()),
    ]) {
        use crate::http::{Reply, Service};
        let reply = Reply { status: reqwest::StatusCode::OK, body, date: None };
        if let Ok(location) = reply.json::<crate::hubrise::api::Location>(Service::HubRise) {
            for text in [&location.id, &location.name, &location.account.name] {
                prop_assert!(text.chars().all(|c| !c.is_control()), "{:?}", text);
            }
        }
        if let Ok(orders) = reply.json::<Vec<crate::hubrise::api::Order>>(Service::HubRise) {
            for order in orders {
                prop_assert!(order.id.chars().chain(order.status.chars()).all(|c| !c.is_control()));
                let _ = order.created_at.as_deref().map(crate::clock::parse_rfc3339);
            }
        }
        let _ = reply.json::<Vec<crate::zelty::Restaurant>>(Service::Zelty);
        if let Ok(value) = serde_json::from_slice::<serde_json::Value>(&reply.body) {
            for host in crate::zelty::hosts_of(&value) {
                prop_assert!(host.chars().all(|c| !c.is_control()), "{:?}", host);
            }
        }
    }

    /// Whatever a body holds, what the -v log shows of it has no control character, no
    /// `secret_key` value and at most the cap.
    #[test]
    fn logged_bodies_are_always_printable(body in proptest::collection::vec(any::<u8>(), 0..600), secret in "[a-z]{12}") {
        let mut with_key = body.clone();
        with_key.extend_from_slice(format!("\"secret_key\":\"{secret}\"").as_bytes());
        for body in [body, with_key] {
            let logged = crate::http::body_for_log(&body);
            prop_assert!(logged.chars().all(|c| !c.is_control()), "{:?}", logged);
            prop_assert!(!logged.contains(&secret), "{:?}", logged);
            prop_assert!(logged.chars().count() <= 201);
        }
    }

    /// Server text is always printable and capped, and keeps ordinary text as it is.
    #[test]
    fn server_text_is_always_printable(raw in "(?s).{0,400}") {
        let clean = crate::server_text::ServerText::new(&raw);
        let printable = clean.chars().all(|c| !c.is_control() && !('\u{202a}'..='\u{202e}').contains(&c));
        prop_assert!(printable, "{:?}", clean);
        prop_assert!(clean.chars().count() <= crate::server_text::MAX_CHARS + 1);
    }
}

proptest! {
    // Every secret made is remembered for the life of the process: few cases, so that the
    // other tests' `redact` calls stay fast.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A known secret never survives `redact`, whole or as any run of 8 of its characters
    /// inside any text.
    #[test]
    fn no_run_of_eight_of_a_secret_survives(secret in "[A-Za-z0-9+/]{20,40}", at in 0usize..12, len in 8usize..20, around in ".{0,40}") {
        let known = crate::secret::Secret::new(secret.clone());
        let end = (at + len).min(secret.len());
        let fragment = &secret[at.min(end)..end];
        prop_assume!(fragment.len() >= 8);
        let text = format!("{around}{fragment}{around}");
        prop_assert!(!crate::secret::redact(&text).contains(fragment));
        drop(known);
    }
}
