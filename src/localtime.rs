//! Times as a person reads them: the system's local time with its offset, `2 déc. 14:05
//! (UTC+1)` / `Dec 2, 14:05 (UTC+1)`. The offset is the C library's (`localtime_r`, which
//! reads `TZ` and /etc/localtime); where it cannot be had, the time is UTC and says so.
//! Stored and `--json` times stay RFC 3339.

use crate::i18n::Lang;

const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_FR: [&str; 12] =
    ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

/// An RFC 3339 time as local time for people; the text as is if it is not one.
pub fn human(rfc3339: &str, lang: Lang) -> String {
    match crate::clock::parse_rfc3339(rfc3339) {
        Some(unix) => format_at(unix, offset_of(unix).unwrap_or(0), lang),
        None => rfc3339.to_string(),
    }
}

/// `unix` shown at `offset` seconds east of UTC.
pub fn format_at(unix: i64, offset: i64, lang: Lang) -> String {
    let local = unix + offset;
    let (days, rem) = (local.div_euclid(86_400), local.rem_euclid(86_400));
    let (_, month, day) = crate::clock::civil_from_days(days);
    let (h, m) = (rem / 3600, rem % 3600 / 60);
    let zone = zone(offset);
    let month = month as usize - 1;
    match lang {
        Lang::Fr => format!("{day} {} {h:02}:{m:02} ({zone})", MONTHS_FR[month]),
        Lang::En => format!("{} {day}, {h:02}:{m:02} ({zone})", MONTHS_EN[month]),
    }
}

/// `UTC`, `UTC+1`, `UTC-3:30`.
fn zone(offset: i64) -> String {
    if offset == 0 {
        return "UTC".into();
    }
    let sign = if offset < 0 { '-' } else { '+' };
    let (h, m) = (offset.abs() / 3600, offset.abs() % 3600 / 60);
    if m == 0 { format!("UTC{sign}{h}") } else { format!("UTC{sign}{h}:{m:02}") }
}

/// The system's offset from UTC at `unix`, in seconds east.
#[cfg(unix)]
#[allow(unsafe_code)]
fn offset_of(unix: i64) -> Option<i64> {
    let time = libc::time_t::try_from(unix).ok()?;
    // SAFETY: `localtime_r` writes only into `tm`, which we own and which is fully
    // initialised by zeroing first; it reads `time` through a valid pointer.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let done = unsafe { libc::localtime_r(&time, &mut tm) };
    if done.is_null() {
        return None;
    }
    // `c_long`: 64 bits here, 32 on some targets.
    #[allow(clippy::useless_conversion)]
    Some(i64::from(tm.tm_gmtoff))
}

#[cfg(not(unix))]
fn offset_of(_unix: i64) -> Option<i64> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_people_write_them() {
        let unix = crate::clock::parse_rfc3339("2026-12-02T13:05:00Z").unwrap();
        assert_eq!(format_at(unix, 3600, Lang::Fr), "2 déc. 14:05 (UTC+1)");
        assert_eq!(format_at(unix, 3600, Lang::En), "Dec 2, 14:05 (UTC+1)");
        assert_eq!(format_at(unix, 0, Lang::En), "Dec 2, 13:05 (UTC)");
        assert_eq!(format_at(unix, -12_600, Lang::En), "Dec 2, 09:35 (UTC-3:30)");
        assert_eq!(format_at(unix, -14 * 3600, Lang::Fr), "1 déc. 23:05 (UTC-14)");
        assert_eq!(human("not a time", Lang::Fr), "not a time");
        assert!(human("2026-12-02T13:05:00Z", Lang::En).starts_with("Dec 2, "));
    }
}
