//! Time, injected: the one `now()` the tool reads, RFC 3339 formatting (UTC) for the
//! timestamps stored in profiles, and parsing of the services' RFC 3339 times.

use std::time::{SystemTime, UNIX_EPOCH};

pub trait Clock: Send + Sync {
    fn now(&self) -> SystemTime;
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// `2026-11-29T10:00:00Z`.
pub fn rfc3339(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rem) = ((secs / 86_400) as i64, secs % 86_400);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// Seconds since the epoch of an RFC 3339 time such as `2026-12-01T11:02:00+01:00` or
/// `2026-12-01T10:02:00.123Z`; `None` for anything else. The text comes from a server, so
/// it is read byte by byte and never sliced: a multi-byte character where a digit is
/// expected (`+0é00`) is refused, not a panic.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    // Up to four ASCII digits at `at..at + n`, nothing else.
    let num = |at: usize, n: usize| -> Option<i64> {
        let digits = b.get(at..at + n)?;
        digits.iter().try_fold(0i64, |acc, d| d.is_ascii_digit().then(|| acc * 10 + i64::from(d - b'0')))
    };
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (y, mo, d) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    let (h, mi, s) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || s > 60 {
        return None;
    }
    let mut rest = &b[19..];
    if let Some(frac) = rest.strip_prefix(b".") {
        let digits = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        rest = &frac[digits..];
    }
    let offset = match rest {
        b"Z" | b"z" => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let sign = if *sign == b'+' { 1 } else { -1 };
            let (oh, om) = (num(b.len() - 5, 2)?, num(b.len() - 2, 2)?);
            if oh > 23 || om > 59 {
                return None;
            }
            sign * (oh * 3600 + om * 60)
        }
        _ => return None,
    };
    Some(days_from_civil(y, mo as u32, d as u32) * 86_400 + h * 3600 + mi * 60 + s - offset)
}

/// A Gregorian date to days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Seconds since the epoch of `time`.
pub fn unix(time: SystemTime) -> i64 {
    time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

/// Days since 1970-01-01 to a Gregorian date (Howard Hinnant's algorithm).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn formats_known_instants() {
        for (secs, want) in [
            (0, "1970-01-01T00:00:00Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
            (1_795_946_400, "2026-11-29T10:00:00Z"),
            (4_102_444_799, "2099-12-31T23:59:59Z"),
        ] {
            assert_eq!(rfc3339(UNIX_EPOCH + Duration::from_secs(secs)), want, "{secs}");
            assert_eq!(parse_rfc3339(want), Some(secs as i64), "{want}");
        }
    }

    #[test]
    fn parses_offsets_and_fractions_and_refuses_the_rest() {
        let utc = parse_rfc3339("2026-12-01T10:02:00Z").unwrap();
        assert_eq!(parse_rfc3339("2026-12-01T11:02:00+01:00"), Some(utc));
        assert_eq!(parse_rfc3339("2026-12-01T05:02:00-05:00"), Some(utc));
        assert_eq!(parse_rfc3339("2026-12-01T10:02:00.250Z"), Some(utc));
        for bad in [
            "",
            "2026-12-01",
            "2026-13-01T10:02:00Z",
            "2026-12-01T10:02:00",
            "2026-12-01T10:02:00+0100",
            "x026-12-01T10:02:00Z",
            // A server's answer that used to panic (a byte slice inside a character).
            "2026-12-01T11:02:00+0\u{e9}00",
            "2026-12-01T11:02:00+01:\u{e9}",
            "2026-12-01T11:02:00+\u{e9}:00",
            "2026-12-01T11:02:00\u{e9}",
            "2026-\u{e9}2-01T11:02:00Z",
            "2026-12-01T1\u{e9}:00Z",
            "+026-12-01T10:02:00Z",
            "2026-12-01T10:02:00+25:00",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }
}
