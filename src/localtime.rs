//! Times as a person reads them: the system's local time with its offset, `2 déc. 14:05
//! (UTC+1)` / `Dec 2, 14:05 (UTC+1)`. The offset comes from the zone file the C library
//! would read (`TZ`, else /etc/localtime); where it cannot be had, the time is UTC and says
//! so.
//! Stored and `--json` times stay RFC 3339.

use crate::i18n::Lang;

pub const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
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

/// The system's offset from UTC at `unix`, in seconds east: from the zone file `TZ`
/// names (`Europe/Paris`, `:Europe/Paris`, or a path), else /etc/localtime, as the C
/// library finds it. A `TZ` with a POSIX rule and no file (`CET-1`) counts as UTC.
fn offset_of(unix: i64) -> Option<i64> {
    #[allow(clippy::disallowed_methods)] // read where the C library reads it, for the same answer
    let tz = std::env::var("TZ").ok();
    let path = match tz.as_deref().map(|t| t.trim_start_matches(':')) {
        Some("" | "UTC" | "UTC0" | "GMT") => return Some(0),
        Some(name) if name.starts_with('/') => std::path::PathBuf::from(name),
        Some(name) if !name.contains("..") => std::path::Path::new("/usr/share/zoneinfo").join(name),
        _ => std::path::PathBuf::from("/etc/localtime"),
    };
    let bytes = std::fs::read(path).ok()?;
    tzif_offset(&bytes, unix)
}

/// The UTC offset at `unix` in a TZif zone file (RFC 8536): the local time type of the
/// last transition at or before it (the 64-bit data of version 2 and later, else the
/// 32-bit one). `None` for what is not such a file.
fn tzif_offset(bytes: &[u8], unix: i64) -> Option<i64> {
    let counts = |at: usize| -> Option<[usize; 6]> {
        let mut c = [0usize; 6];
        for (k, slot) in c.iter_mut().enumerate() {
            let b = bytes.get(at + 20 + 4 * k..at + 24 + 4 * k)?;
            *slot = u32::from_be_bytes(b.try_into().ok()?) as usize;
        }
        Some(c)
    };
    if bytes.get(..4)? != b"TZif" {
        return None;
    }
    let [isut, isstd, leap, time, types, chars] = counts(0)?;
    let (start, width) = if *bytes.get(4)? >= b'2' {
        // Skip the version 1 block to the second header.
        let v1 = 44 + time * 5 + types * 6 + chars + leap * 8 + isstd + isut;
        (v1, 8)
    } else {
        (0, 4)
    };
    let [_, _, _, time, types, _] = counts(start)?;
    let data = start + 44;
    let at = |k: usize| -> Option<i64> {
        let b = bytes.get(data + k * width..data + (k + 1) * width)?;
        Some(match width {
            8 => i64::from_be_bytes(b.try_into().ok()?),
            _ => i64::from(i32::from_be_bytes(b.try_into().ok()?)),
        })
    };
    let indices = data + time * width;
    let infos = indices + time;
    let mut kind = 0usize;
    for k in 0..time {
        if at(k)? > unix {
            break;
        }
        kind = usize::from(*bytes.get(indices + k)?);
    }
    if kind >= types {
        return None;
    }
    let b = bytes.get(infos + kind * 6..infos + kind * 6 + 4)?;
    Some(i64::from(i32::from_be_bytes(b.try_into().ok()?)))
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

    /// A version 1 zone file with one transition, at 1000, from UTC to UTC+1.
    fn tzif() -> Vec<u8> {
        let mut b = b"TZif".to_vec();
        b.extend([0u8; 16]);
        for count in [0u32, 0, 0, 1, 2, 4] {
            b.extend(count.to_be_bytes());
        }
        b.extend(1000i32.to_be_bytes());
        b.push(1);
        b.extend(0i32.to_be_bytes());
        b.extend([0, 0]);
        b.extend(3600i32.to_be_bytes());
        b.extend([1, 0]);
        b.extend(b"UTC\0");
        b
    }

    #[test]
    fn a_zone_file_gives_the_offset_at_an_instant() {
        assert_eq!(tzif_offset(&tzif(), 999), Some(0));
        assert_eq!(tzif_offset(&tzif(), 1000), Some(3600));
        assert_eq!(tzif_offset(&tzif(), 5_000_000), Some(3600));
        assert_eq!(tzif_offset(b"not a zone file", 0), None);
        let cut = tzif();
        for len in 0..cut.len() {
            let _ = tzif_offset(&cut[..len], 2000);
        }
    }
}
