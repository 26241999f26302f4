//! Dates in policies and request contexts (spec policy.md §3.3 `Date*` row, §1.6 step 3).
//!
//! AWS accepts two textual forms for a date: an ISO 8601 date-time (the W3C profile, parsed
//! leniently the way AWS's legacy Java parser does) and integer epoch seconds. Both are turned
//! into a [`Timestamp`] with nanosecond precision. No external crates: the calendar arithmetic
//! is the classic days-from-civil algorithm (proleptic Gregorian calendar).

use std::fmt;

const NANOS_PER_SECOND: i128 = 1_000_000_000;
const SECONDS_PER_DAY: i128 = 86_400;

/// An instant with nanosecond precision, as nanoseconds since the Unix epoch (may be negative).
#[derive(Clone, Copy, Debug, Eq, PartialEq, Ord, PartialOrd, Hash)]
pub struct Timestamp(i128);

impl Timestamp {
    /// The instant `seconds` after (or before, if negative) the Unix epoch.
    pub fn from_unix_seconds(seconds: i64) -> Self {
        Self(i128::from(seconds) * NANOS_PER_SECOND)
    }

    /// The instant `nanos` nanoseconds after (or before, if negative) the Unix epoch.
    pub fn from_unix_nanos(nanos: i128) -> Self {
        Self(nanos)
    }

    /// Nanoseconds since the Unix epoch.
    pub fn unix_nanos(self) -> i128 {
        self.0
    }

    /// Whole seconds since the Unix epoch, rounded towards negative infinity (saturating at
    /// the `i64` range, which only instants built with [`Timestamp::from_unix_nanos`] can leave).
    pub fn unix_seconds(self) -> i64 {
        let seconds = self.0.div_euclid(NANOS_PER_SECOND);
        i64::try_from(seconds).unwrap_or(if seconds < 0 { i64::MIN } else { i64::MAX })
    }
}

impl fmt::Display for Timestamp {
    /// `YYYY-MM-DDThh:mm:ssZ`, with a fractional part (trailing zeros trimmed) only when the
    /// instant is not a whole second.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds = self.0.div_euclid(NANOS_PER_SECOND);
        let nanos = self.0.rem_euclid(NANOS_PER_SECOND);
        let days = seconds.div_euclid(SECONDS_PER_DAY);
        let secs_of_day = seconds.rem_euclid(SECONDS_PER_DAY);
        let (year, month, day) = civil_from_days(days);
        if year < 0 {
            write!(f, "-{:04}", -year)?;
        } else {
            write!(f, "{year:04}")?;
        }
        write!(
            f,
            "-{month:02}-{day:02}T{:02}:{:02}:{:02}",
            secs_of_day / 3600,
            (secs_of_day / 60) % 60,
            secs_of_day % 60
        )?;
        if nanos != 0 {
            let fraction = format!("{nanos:09}");
            write!(f, ".{}", fraction.trim_end_matches('0'))?;
        }
        f.write_str("Z")
    }
}

/// Formats as `YYYY-MM-DDThh:mm:ssZ` (fractional part only when non-zero); same as `Display`.
pub fn format_iso8601(ts: Timestamp) -> String {
    ts.to_string()
}

/// Parses a policy/context date (spec policy.md §3.3 `Date*` row).
///
/// Accepted:
/// * only an optional `-` followed by digits: epoch seconds, which must fit in an `i64`
///   (`9223372036854775808` is rejected, as AWS does; `-292275054` is accepted). A four-digit
///   string is therefore read as epoch seconds, not as a bare year.
/// * ISO 8601, W3C profile, read leniently like AWS's legacy (Joda-style) parser:
///   `Y[-M[-D]]` followed optionally by `T` and then optionally a time `h[:m[:s[.f]]]` and a
///   zone designator. Year 1 to 9 digits, month/day/hour/minute/second 1 or 2 digits (so
///   `2016-12-13t2:00:00.593194+23` and even `01T` are accepted, matching the recorded AWS
///   answers of §1.6.1), fraction 1 to 9 digits, `T`/`Z` case-insensitive, zone `Z` or `±hh`
///   or `±hh:mm` with exactly two-digit fields (`+1` is rejected). A missing zone means UTC.
///
/// Anything else (including out-of-range fields such as month 13) yields `None`.
pub fn parse_date(text: &str) -> Option<Timestamp> {
    let bytes = text.as_bytes();
    let digits = bytes.strip_prefix(b"-").unwrap_or(bytes);
    if !digits.is_empty() && digits.iter().all(u8::is_ascii_digit) {
        return text.parse::<i64>().ok().map(Timestamp::from_unix_seconds);
    }
    parse_canonical(bytes).or_else(|| parse_iso(bytes))
}

/// The fast path for the form every AWS client and server writes, `YYYY-MM-DDThh:mm:ssZ`
/// (what `aws:CurrentTime` carries on every request): fixed positions, `i64` arithmetic,
/// no `i128` division. Anything else (and any out-of-range field) returns `None` and is left
/// to [`parse_iso`], which gives the same instant for every text this function accepts.
#[inline]
fn parse_canonical(bytes: &[u8]) -> Option<Timestamp> {
    let &[
        y0,
        y1,
        y2,
        y3,
        b'-',
        m0,
        m1,
        b'-',
        d0,
        d1,
        b'T',
        h0,
        h1,
        b':',
        n0,
        n1,
        b':',
        s0,
        s1,
        b'Z',
    ] = bytes
    else {
        return None;
    };
    let mut all = [y0, y1, y2, y3, m0, m1, d0, d1, h0, h1, n0, n1, s0, s1];
    if !all.iter().all(u8::is_ascii_digit) {
        return None;
    }
    for b in &mut all {
        *b -= b'0';
    }
    let two = |hi: u8, lo: u8| i64::from(hi) * 10 + i64::from(lo);
    let [y0, y1, y2, y3, m0, m1, d0, d1, h0, h1, n0, n1, s0, s1] = all;
    let year = two(y0, y1) * 100 + two(y2, y3);
    let (month, day) = (two(m0, m1), two(d0, d1));
    let (hour, minute, second) = (two(h0, h1), two(n0, n1), two(s0, s1));
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let month_days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day < 1 || day > month_days || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    // Howard Hinnant's days_from_civil for years 0..=9999: `y` is at least -1, so the
    // era is 0 or -1 and plain division needs only that one adjustment.
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y < 0 { -1 } else { y / 400 };
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(Timestamp::from_unix_seconds(
        days * 86_400 + hour * 3600 + minute * 60 + second,
    ))
}

/// A cursor over the ASCII bytes of a date.
struct Cursor<'a> {
    rest: &'a [u8],
}

impl Cursor<'_> {
    /// Reads between `min` and `max` ASCII digits.
    fn digits(&mut self, min: usize, max: usize) -> Option<i128> {
        let count = self
            .rest
            .iter()
            .take(max)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if count < min {
            return None;
        }
        let (head, tail) = self.rest.split_at(count);
        self.rest = tail;
        Some(
            head.iter()
                .fold(0_i128, |acc, b| acc * 10 + i128::from(b - b'0')),
        )
    }

    /// Consumes `byte` (ASCII case-insensitively) if it is next.
    fn eat(&mut self, byte: u8) -> bool {
        match self.rest.split_first() {
            Some((first, tail)) if first.eq_ignore_ascii_case(&byte) => {
                self.rest = tail;
                true
            }
            _ => false,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.rest.first().copied()
    }
}

fn parse_iso(bytes: &[u8]) -> Option<Timestamp> {
    let mut c = Cursor { rest: bytes };
    let year = c.digits(1, 9)?;
    let (mut month, mut day) = (1, 1);
    if c.eat(b'-') {
        month = c.digits(1, 2)?;
        if c.eat(b'-') {
            day = c.digits(1, 2)?;
        }
    }
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let (mut hour, mut minute, mut second, mut nanos) = (0, 0, 0, 0);
    let mut offset_seconds = 0;
    if c.eat(b'T') {
        if c.peek().is_some_and(|b| b.is_ascii_digit()) {
            hour = c.digits(1, 2)?;
            if c.eat(b':') {
                minute = c.digits(1, 2)?;
                if c.eat(b':') {
                    second = c.digits(1, 2)?;
                    if c.eat(b'.') {
                        let start = c.rest.len();
                        let fraction = c.digits(1, 9)?;
                        let written = start - c.rest.len();
                        let scale = 10_i128.pow(u32::try_from(9 - written).ok()?);
                        nanos = fraction * scale;
                    }
                }
            }
        }
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        match c.peek() {
            None => {}
            Some(b'Z' | b'z') => {
                c.rest = c.rest.get(1..)?;
            }
            Some(sign @ (b'+' | b'-')) => {
                c.rest = c.rest.get(1..)?;
                let hours = c.digits(2, 2)?;
                let minutes = if c.eat(b':') { c.digits(2, 2)? } else { 0 };
                if hours > 23 || minutes > 59 {
                    return None;
                }
                let magnitude = hours * 3600 + minutes * 60;
                offset_seconds = if sign == b'-' { -magnitude } else { magnitude };
            }
            Some(_) => return None,
        }
    }
    if !c.rest.is_empty() {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let seconds = days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second - offset_seconds;
    Some(Timestamp(seconds * NANOS_PER_SECOND + nanos))
}

fn is_leap(year: i128) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i128, month: i128) -> i128 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i128, month: i128, day: i128) -> i128 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i128) -> (i128, i128, i128) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i128::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The canonical fast path agrees with the general parser on every text it accepts,
    /// and accepts every valid canonical text (leap years, month ends, year 0 and 9999).
    #[test]
    fn canonical_fast_path_agrees_with_general_parser() {
        let mut accepted = 0;
        for year in [
            0, 1, 399, 400, 1900, 1970, 1999, 2000, 2024, 2026, 2100, 9999,
        ] {
            for month in 0..=13 {
                for day in 0..=32 {
                    for (h, m, sec) in
                        [(0, 0, 0), (23, 59, 59), (24, 0, 0), (12, 60, 0), (1, 2, 60)]
                    {
                        let text = format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{sec:02}Z");
                        let fast = parse_canonical(text.as_bytes());
                        assert_eq!(fast, parse_iso(text.as_bytes()), "{text}");
                        accepted += usize::from(fast.is_some());
                    }
                }
            }
        }
        // 12 years × 365 days, plus 29 February of the leap years 0, 400, 2000 and 2024
        // (not 1900 or 2100), × 2 valid times of day.
        assert_eq!(accepted, 2 * (12 * 365 + 4));
        assert_eq!(parse_canonical(b"2026-05-20t17:21:19Z"), None);
        assert_eq!(parse_canonical(b"2026-05-20T17:21:19+00:00"), None);
        assert_eq!(parse_canonical(b"2026-05-2aT17:21:19Z"), None);
    }

    fn ts(text: &str) -> Timestamp {
        parse_date(text).unwrap_or_else(|| panic!("`{text}` should parse"))
    }

    macro_rules! accepted {
        ($($name:ident: $text:expr => $iso:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(format_iso8601(ts($text)), $iso);
            }
        )*};
    }

    macro_rules! rejected {
        ($($name:ident: $text:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(parse_date($text), None, "`{}` should be rejected", $text);
            }
        )*};
    }

    accepted! {
        epoch_zero: "0" => "1970-01-01T00:00:00Z";
        epoch_positive: "4102444800" => "2100-01-01T00:00:00Z";
        epoch_negative_min_joda_year: "-292275054" => "1960-09-27T04:29:06Z";
        epoch_i64_max: "9223372036854775807" => "292277026596-12-04T15:30:07Z";
        year_month: "2016-12" => "2016-12-01T00:00:00Z";
        year_month_day: "2016-12-13" => "2016-12-13T00:00:00Z";
        minutes_utc: "2016-12-13T10:20Z" => "2016-12-13T10:20:00Z";
        seconds_utc: "2020-01-01T00:00:00Z" => "2020-01-01T00:00:00Z";
        seconds_no_zone_is_utc: "2020-12-31T23:59:59" => "2020-12-31T23:59:59Z";
        lower_case_t_and_z: "2020-12-31t23:59:59z" => "2020-12-31T23:59:59Z";
        fraction_one_digit: "2020-01-01T00:00:00.5Z" => "2020-01-01T00:00:00.5Z";
        fraction_nine_digits: "2020-01-01T00:00:00.123456789Z" => "2020-01-01T00:00:00.123456789Z";
        positive_offset: "2020-01-01T10:00:00+02:00" => "2020-01-01T08:00:00Z";
        negative_offset: "2020-01-01T22:30:00-05:30" => "2020-01-02T04:00:00Z";
        spec_single_digit_hour_and_hour_only_offset: "2016-12-13t2:00:00.593194+23"
            => "2016-12-12T03:00:00.593194Z";
        spec_year_then_t: "01T" => "0001-01-01T00:00:00Z";
        leap_day: "2024-02-29" => "2024-02-29T00:00:00Z";
        leap_day_2000: "2000-02-29T12:00:00Z" => "2000-02-29T12:00:00Z";
        date_then_t_then_zone: "2016-12-13TZ" => "2016-12-13T00:00:00Z";
    }

    rejected! {
        empty: "";
        only_minus: "-";
        garbage: "sdfdsf";
        month_thirteen: "234-13";
        month_zero: "2020-00-01";
        day_zero: "2020-01-00";
        feb_30: "2020-02-30";
        feb_29_non_leap: "2023-02-29";
        feb_29_century: "1900-02-29";
        one_digit_offset: "2016-12-13t2:00:00.593194+1";
        ten_fraction_digits: "2020-01-01T00:00:00.1234567890Z";
        epoch_overflow: "9223372036854775808";
        epoch_underflow: "-9223372036854775809";
        hour_24: "2020-01-01T24:00:00Z";
        minute_60: "2020-01-01T23:60:00Z";
        second_60: "2020-01-01T23:59:60Z";
        offset_hour_24: "2020-01-01T00:00:00+24:00";
        offset_minute_60: "2020-01-01T00:00:00+01:60";
        trailing_garbage: "2020-01-01T00:00:00Zx";
        empty_fraction: "2020-01-01T00:00:00.Z";
        leading_space: " 2020-01-01";
        trailing_space: "2020-01-01 ";
        plus_epoch: "+5";
        three_digit_hour: "2020-01-01T100:00Z";
        ten_digit_year: "1234567890-01-01";
    }

    #[test]
    fn timestamp_accessors_round_trip() {
        let t = Timestamp::from_unix_seconds(-1);
        assert_eq!(t.unix_nanos(), -1_000_000_000);
        assert_eq!(t.unix_seconds(), -1);
        assert_eq!(Timestamp::from_unix_nanos(-1).unix_seconds(), -1);
        assert_eq!(Timestamp::from_unix_nanos(1_999_999_999).unix_seconds(), 1);
        assert_eq!(
            Timestamp::from_unix_nanos(i128::MAX).unix_seconds(),
            i64::MAX
        );
        assert_eq!(
            Timestamp::from_unix_nanos(i128::MIN).unix_seconds(),
            i64::MIN
        );
    }

    #[test]
    fn ordering_follows_instants() {
        assert!(ts("2020-01-01T00:00:00Z") < ts("2020-01-01T00:00:00.000000001Z"));
        assert_eq!(ts("2020-01-01T01:00:00+01:00"), ts("2020-01-01T00:00:00Z"));
        assert_eq!(ts("1577836800"), ts("2020-01-01T00:00:00Z"));
    }

    #[test]
    fn civil_round_trip_over_wide_range() {
        for days in (-1_000_000..1_000_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn negative_year_formats_with_sign() {
        let t = Timestamp::from_unix_seconds(-62_198_755_200);
        assert_eq!(format_iso8601(t), "-0001-01-01T00:00:00Z");
    }
}
