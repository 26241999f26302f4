//! Request timestamps: the SigV4 basic ISO-8601 form and the HTTP `Date` header forms (§2.4).
//!
//! Hand-written instead of pulling `time` in: the formats are fixed-width and the civil-date
//! conversion is a few lines (Howard Hinnant's `days_from_civil` / `civil_from_days`).

use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds since the Unix epoch for a `SystemTime`, negative before 1970.
pub(crate) fn unix_seconds(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        Err(e) => i64::try_from(e.duration().as_secs()).map_or(i64::MIN, |s| -s),
    }
}

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let m = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

fn to_unix(y: i64, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> Option<i64> {
    // Leap seconds (`:60`) are rejected: AWS clients never produce them and a 61st second
    // would make two strings map to one instant.
    if !(1..=12).contains(&mo) || d == 0 || d > days_in_month(y, mo) || h > 23 || mi > 59 || s > 59
    {
        return None;
    }
    Some(days_from_civil(y, mo, d) * 86_400 + i64::from(h * 3600 + mi * 60 + s))
}

fn digits(s: &[u8]) -> Option<u32> {
    if s.is_empty() || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    s.iter().try_fold(0u32, |acc, b| {
        acc.checked_mul(10)?.checked_add(u32::from(b - b'0'))
    })
}

/// A timestamp in SigV4's basic ISO-8601 form `YYYYMMDDTHHMMSSZ`, always 16 ASCII bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BasicTime([u8; 16]);

impl BasicTime {
    /// Formats unix seconds; `None` outside years 0000..=9999 (not representable in the form).
    pub(crate) fn from_unix(secs: i64) -> Option<Self> {
        let (y, mo, d) = civil_from_days(secs.div_euclid(86_400));
        if !(0..=9999).contains(&y) {
            return None;
        }
        let rem = u32::try_from(secs.rem_euclid(86_400)).unwrap_or(0);
        let mut out = [0u8; 16];
        let fields: [(u32, usize); 6] = [
            (u32::try_from(y).unwrap_or(0), 4),
            (mo, 2),
            (d, 2),
            (rem / 3600, 2),
            (rem / 60 % 60, 2),
            (rem % 60, 2),
        ];
        let mut pos = 0;
        for (i, (value, width)) in fields.into_iter().enumerate() {
            if i == 3 {
                write_byte(&mut out, &mut pos, b'T');
            }
            let mut v = value;
            for k in (0..width).rev() {
                if let Some(slot) = out.get_mut(pos + k) {
                    *slot = b'0' + u8::try_from(v % 10).unwrap_or(0);
                }
                v /= 10;
            }
            pos += width;
        }
        write_byte(&mut out, &mut pos, b'Z');
        Some(Self(out))
    }

    /// The textual form.
    pub(crate) fn as_str(&self) -> &str {
        // INVARIANT: only ASCII digits, `T` and `Z` are ever written.
        std::str::from_utf8(&self.0).unwrap_or("")
    }

    /// The `YYYYMMDD` prefix, compared with the credential scope date (§2.3).
    pub(crate) fn date(&self) -> &str {
        self.as_str().get(..8).unwrap_or("")
    }
}

fn write_byte(out: &mut [u8; 16], pos: &mut usize, b: u8) {
    if let Some(slot) = out.get_mut(*pos) {
        *slot = b;
    }
    *pos += 1;
}

/// Formats unix seconds for AWS's clock-skew messages; falls back to a plain number for
/// instants outside years 0..=9999 (only reachable with an absurd injected `now`).
pub(crate) fn format_basic(secs: i64) -> String {
    BasicTime::from_unix(secs).map_or_else(|| secs.to_string(), |t| t.as_str().to_owned())
}

/// Parses `YYYYMMDDTHHMMSSZ` (the `X-Amz-Date` header / query parameter).
pub(crate) fn parse_basic(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 16 || b.get(8) != Some(&b'T') || b.get(15) != Some(&b'Z') {
        return None;
    }
    let y = digits(b.get(0..4)?)?;
    let mo = digits(b.get(4..6)?)?;
    let d = digits(b.get(6..8)?)?;
    let h = digits(b.get(9..11)?)?;
    let mi = digits(b.get(11..13)?)?;
    let sec = digits(b.get(13..15)?)?;
    to_unix(i64::from(y), mo, d, h, mi, sec)
}

fn month(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    MONTHS
        .iter()
        .position(|m| *m == name)
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn hms(s: &str) -> Option<(u32, u32, u32)> {
    let mut it = s.split(':');
    let h = it.next()?;
    let m = it.next()?;
    let sec = it.next()?;
    if it.next().is_some() || h.len() != 2 || m.len() != 2 || sec.len() != 2 {
        return None;
    }
    Some((
        digits(h.as_bytes())?,
        digits(m.as_bytes())?,
        digits(sec.as_bytes())?,
    ))
}

/// Parses an HTTP `Date` header: IMF-fixdate, RFC 850 or asctime (RFC 7231 §7.1.1.1).
pub(crate) fn parse_http_date(s: &str) -> Option<i64> {
    let parts: Vec<&str> = s.split_ascii_whitespace().collect();
    match parts.as_slice() {
        // IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`
        [wkday, day, mon, year, time, "GMT"] if wkday.ends_with(',') && year.len() == 4 => {
            let (h, mi, sec) = hms(time)?;
            to_unix(
                i64::from(digits(year.as_bytes())?),
                month(mon)?,
                digits(day.as_bytes())?,
                h,
                mi,
                sec,
            )
        }
        // RFC 850: `Sunday, 06-Nov-94 08:49:37 GMT`; two-digit years pivot at 70 like
        // most HTTP stacks (RFC 7231 asks to interpret far-future years as the past).
        [wkday, date, time, "GMT"] if wkday.ends_with(',') => {
            let mut it = date.split('-');
            let day = digits(it.next()?.as_bytes())?;
            let mon = month(it.next()?)?;
            let yy = it.next()?;
            if it.next().is_some() || yy.len() != 2 {
                return None;
            }
            let yy = i64::from(digits(yy.as_bytes())?);
            let year = if yy >= 70 { 1900 + yy } else { 2000 + yy };
            let (h, mi, sec) = hms(time)?;
            to_unix(year, mon, day, h, mi, sec)
        }
        // asctime: `Sun Nov  6 08:49:37 1994`
        [_wkday, mon, day, time, year] if year.len() == 4 => {
            let (h, mi, sec) = hms(time)?;
            to_unix(
                i64::from(digits(year.as_bytes())?),
                month(mon)?,
                digits(day.as_bytes())?,
                h,
                mi,
                sec,
            )
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! basic {
        ($($name:ident: $input:expr => $expected:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(parse_basic($input), $expected);
                if let Some(secs) = $expected {
                    assert_eq!(format_basic(secs), $input);
                }
            }
        )*};
    }

    basic! {
        basic_epoch: "19700101T000000Z" => Some(0);
        basic_suite_date: "20150830T123600Z" => Some(1_440_938_160);
        basic_leap_day: "20240229T235959Z" => Some(1_709_251_199);
        basic_no_leap_1900: "19000229T000000Z" => None;
        basic_leap_2000: "20000229T000000Z" => Some(951_782_400);
        basic_bad_month: "20241301T000000Z" => None;
        basic_bad_hour: "20240101T240000Z" => None;
        basic_leap_second: "20240101T235960Z" => None;
        basic_missing_z: "20240101T000000" => None;
        basic_extended_form: "2024-01-01T00:00:00Z" => None;
        basic_sign: "2024010+T000000Z" => None;
    }

    macro_rules! http_date {
        ($($name:ident: $input:expr => $expected:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(parse_http_date($input), $expected);
            }
        )*};
    }

    http_date! {
        http_imf_fixdate: "Wed, 01 May 2024 12:00:00 GMT" => parse_basic("20240501T120000Z");
        http_rfc850: "Wednesday, 01-May-24 12:00:00 GMT" => parse_basic("20240501T120000Z");
        http_rfc850_1994: "Sunday, 06-Nov-94 08:49:37 GMT" => parse_basic("19941106T084937Z");
        http_asctime: "Sun Nov  6 08:49:37 1994" => parse_basic("19941106T084937Z");
        http_not_gmt: "Wed, 01 May 2024 12:00:00 UTC" => None;
        http_bad_month: "Wed, 01 Foo 2024 12:00:00 GMT" => None;
        http_basic_form: "20240501T120000Z" => None;
    }
}
