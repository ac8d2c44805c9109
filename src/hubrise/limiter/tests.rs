//! The windows against bursts, boundaries, skewed clocks and 429s; lanes per token.

use super::*;

const MINUTE: [Limit; 1] = [Limit { period: 60, max: 500 }];

fn at(secs: f64) -> Duration {
    Duration::from_secs_f64(1_800_000_000.0 + secs)
}

/// Sends as fast as allowed from `start` and returns the send times.
fn drive(w: &mut Windows, start: f64, n: usize) -> Vec<f64> {
    let mut now = at(start);
    let mut sent = Vec::new();
    while sent.len() < n {
        match w.take(now) {
            Ok(()) => sent.push(now.as_secs_f64() - 1_800_000_000.0),
            Err(wait) => now += wait,
        }
    }
    sent
}

#[test]
fn a_window_takes_500_then_waits_for_the_next_round_minute_plus_the_guard() {
    let mut w = Windows::new(&MINUTE, GUARD);
    // 1_800_000_000 is a round minute; start 20 s into it.
    let sent = drive(&mut w, 20.0, 1500);
    assert!(sent[..500].iter().all(|&t| t == 20.0));
    assert_eq!(sent[500], 61.0);
    assert_eq!(sent[1000], 121.0);
    assert!(sent[1000..].iter().all(|&t| t == 121.0));
}

#[test]
fn no_server_window_ever_sees_more_than_the_limit_even_with_a_skewed_clock() {
    let mut w = Windows::new(&MINUTE, GUARD);
    // Requests spread over four minutes, some right at the boundaries.
    let mut now = 0.0;
    let mut sent = Vec::new();
    while now < 240.0 {
        if w.take(at(now)).is_ok() {
            sent.push(now);
        }
        now += if (now % 60.0) > 58.5 || (now % 60.0) < 1.5 { 0.01 } else { 0.05 };
    }
    for skew in [-0.9, -0.5, 0.0, 0.5, 0.9] {
        let mut per_window = BTreeMap::new();
        for t in &sent {
            *per_window.entry(((t + skew) / 60.0).floor() as i64).or_insert(0) += 1;
        }
        assert!(per_window.values().all(|&n| n <= 500), "skew {skew}: {per_window:?}");
    }
}

#[test]
fn all_three_hubrise_windows_apply() {
    let mut w = Windows::new(&HUBRISE, GUARD);
    // Start at a round hour: the hourly 2,500 runs out in the sixth minute.
    let sent = drive(&mut w, 0.0, 2501);
    assert_eq!(sent[2499], 241.0);
    assert_eq!(sent[2500], 3601.0);
}

#[test]
fn a_429_pauses_until_retry_after_or_the_next_minute() {
    let mut w = Windows::new(&MINUTE, GUARD);
    w.throttled(at(10.0), Some(Duration::from_secs(5)));
    assert_eq!(w.take(at(12.0)), Err(Duration::from_secs(3)));
    assert_eq!(w.take(at(15.0)), Ok(()));
    w.throttled(at(30.0), None);
    assert_eq!(w.take(at(30.0)), Err(Duration::from_secs(31)));
    w.throttled(at(100.0), Some(Duration::from_secs(3600)));
    assert_eq!(w.take(at(100.0)), Err(MAX_PAUSE));
}

#[test]
fn old_windows_are_forgotten() {
    let mut w = Windows::new(&HUBRISE, GUARD);
    for minute in 0..100 {
        let _ = w.take(at(minute as f64 * 60.0 + 30.0));
    }
    assert!(w.counts[0].len() <= 2, "{:?}", w.counts[0].len());
}

#[test]
fn one_limiter_per_token() {
    let (printer, _, _) = Printer::for_tests(crate::i18n::Lang::En, false, true);
    let lanes = Lanes::new(printer, Arc::new(Pacer::new(1.0)));
    let (a, b) = (Secret::new("token-a-0123456789"), Secret::new("token-b-0123456789"));
    let key = Secret::new("MTIzNDU6q83vEjRWeJq83vEjRWeJq83vEjQ=");
    let (la, la2, lb) = (lanes.lane(&key, &a), lanes.lane(&key, &a), lanes.lane(&key, &b));
    let ptr = |l: &Lane| Arc::as_ptr(&l.hubrise);
    assert_eq!(ptr(&la), ptr(&la2));
    assert_ne!(ptr(&la), ptr(&lb));
}
