//! Typed values of conditions (spec policy.md §3.2, §3.3): exact decimals, IP ranges, base64,
//! booleans. Policy-side values are parsed once at compile time; context values once when
//! the context is built.

use std::cmp::Ordering;
use std::net::IpAddr;

/// An exact decimal number: `(-1)^negative × mantissa × 10^exponent`, normalised so that the
/// mantissa has no trailing zeros (zero is `mantissa == 0, exponent == 0, !negative`). Equal
/// numbers therefore have equal representations (`1.50` = `1.5`, `1e3` = `1000`).
///
/// Up to 38 significant digits are supported (the mantissa is a `u128`); longer numbers are
/// treated as unparseable, which under §3.3 means "does not match".
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub struct Decimal {
    negative: bool,
    mantissa: u128,
    exponent: i32,
}

impl Decimal {
    /// Parses `[+-]digits[.digits][(e|E)[+-]digits]` (at least one digit in the mantissa).
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut negative = false;
        match bytes.first() {
            Some(b'-') => {
                negative = true;
                i = 1;
            }
            Some(b'+') => i = 1,
            _ => {}
        }
        let mut mantissa: u128 = 0;
        let mut exponent: i64 = 0;
        let mut digits = 0usize;
        let mut significant = 0usize;
        // Zeros seen after a non-zero digit, not yet multiplied in: trailing zeros never
        // count against the 38-digit budget.
        let mut pending_zeros: i64 = 0;
        let mut seen_point = false;
        while let Some(&b) = bytes.get(i) {
            match b {
                b'0'..=b'9' => {
                    digits += 1;
                    let d = u128::from(b - b'0');
                    if d == 0 {
                        if mantissa != 0 {
                            pending_zeros += 1;
                        }
                    } else {
                        significant += usize::try_from(pending_zeros).ok()? + 1;
                        if significant > 38 {
                            return None;
                        }
                        for _ in 0..pending_zeros {
                            mantissa *= 10;
                        }
                        pending_zeros = 0;
                        mantissa = mantissa * 10 + d;
                    }
                    if seen_point {
                        exponent -= 1;
                    }
                }
                b'.' if !seen_point => seen_point = true,
                _ => break,
            }
            i += 1;
        }
        exponent += pending_zeros;
        if digits == 0 {
            return None;
        }
        if let Some(&(b'e' | b'E')) = bytes.get(i) {
            i += 1;
            let mut exp_negative = false;
            match bytes.get(i) {
                Some(b'-') => {
                    exp_negative = true;
                    i += 1;
                }
                Some(b'+') => i += 1,
                _ => {}
            }
            let start = i;
            let mut e: i64 = 0;
            while let Some(&b @ b'0'..=b'9') = bytes.get(i) {
                e = e.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
                if e > 1_000_000_000 {
                    return None;
                }
                i += 1;
            }
            if i == start {
                return None;
            }
            exponent += if exp_negative { -e } else { e };
        }
        if i != bytes.len() {
            return None;
        }
        if mantissa == 0 {
            return Some(Self {
                negative: false,
                mantissa: 0,
                exponent: 0,
            });
        }
        while mantissa.is_multiple_of(10) {
            mantissa /= 10;
            exponent += 1;
        }
        Some(Self {
            negative,
            mantissa,
            exponent: i32::try_from(exponent).ok()?,
        })
    }

    fn digit_count(m: u128) -> i64 {
        let mut n = 1;
        let mut m = m / 10;
        while m > 0 {
            n += 1;
            m /= 10;
        }
        n
    }

    fn cmp_magnitude(&self, other: &Self) -> Ordering {
        match (self.mantissa == 0, other.mantissa == 0) {
            (true, true) => return Ordering::Equal,
            (true, false) => return Ordering::Less,
            (false, true) => return Ordering::Greater,
            (false, false) => {}
        }
        // Order of magnitude of the leading digit.
        let a = Self::digit_count(self.mantissa) + i64::from(self.exponent);
        let b = Self::digit_count(other.mantissa) + i64::from(other.exponent);
        if a != b {
            return a.cmp(&b);
        }
        // Same magnitude: align mantissas. The one with the smaller exponent has more digits;
        // the difference is below 39, so the scaled value fits in u128 (≤ 38 digits each).
        let (ea, eb) = (self.exponent, other.exponent);
        let (ma, mb) = (self.mantissa, other.mantissa);
        let scale = |m: u128, by: i32| -> u128 {
            let mut v = m;
            for _ in 0..by {
                v = v.saturating_mul(10);
            }
            v
        };
        if ea > eb {
            scale(ma, ea - eb).cmp(&mb)
        } else {
            ma.cmp(&scale(mb, eb - ea))
        }
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.negative, other.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => self.cmp_magnitude(other),
            (true, true) => other.cmp_magnitude(self),
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// An IP range from a policy (`IpAddress`): network address with host bits cleared, and the
/// prefix length. A bare address is a /32 or /128.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub struct Cidr {
    network: IpAddr,
    prefix: u8,
}

impl Cidr {
    /// Parses `a.b.c.d[/n]` or an IPv6 address with optional `/n`. Host bits are masked
    /// (§3.3: "host bits set in p are ignored").
    pub fn parse(text: &str) -> Option<Self> {
        let (addr, prefix) = match text.split_once('/') {
            Some((a, p)) => {
                if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 3 {
                    return None;
                }
                (a, Some(p.parse::<u8>().ok()?))
            }
            None => (text, None),
        };
        let ip: IpAddr = addr.parse().ok()?;
        let max = if ip.is_ipv4() { 32 } else { 128 };
        let prefix = prefix.unwrap_or(max);
        if prefix > max {
            return None;
        }
        Some(Self {
            network: mask(ip, prefix),
            prefix,
        })
    }

    /// Whether `ip` is inside the range; v4 never matches a v6 range and vice versa.
    pub fn contains(&self, ip: IpAddr) -> bool {
        ip.is_ipv4() == self.network.is_ipv4() && mask(ip, self.prefix) == self.network
    }
}

fn mask(ip: IpAddr, prefix: u8) -> IpAddr {
    match ip {
        IpAddr::V4(v4) => {
            let bits = u32::from(v4);
            let m = if prefix == 0 {
                0
            } else {
                u32::MAX << (32 - u32::from(prefix.min(32)))
            };
            IpAddr::V4((bits & m).into())
        }
        IpAddr::V6(v6) => {
            let bits = u128::from(v6);
            let m = if prefix == 0 {
                0
            } else {
                u128::MAX << (128 - u32::from(prefix.min(128)))
            };
            IpAddr::V6((bits & m).into())
        }
    }
}

/// Parses a boolean as the `Bool` operator does: `true`/`false`, case-insensitively.
pub fn parse_bool(text: &str) -> Option<bool> {
    if text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// Decodes standard base64 (RFC 4648, with `=` padding required to a multiple of 4).
pub fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let val = |c: u8| -> Option<u32> {
        Some(u32::from(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        }))
    };
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let chunks = bytes.len() / 4;
    for (n, chunk) in bytes.chunks(4).enumerate() {
        let last = n + 1 == chunks;
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut acc: u32 = 0;
        for (i, &c) in chunk.iter().enumerate() {
            let v = if i >= 4 - pad { 0 } else { val(c)? };
            acc = (acc << 6) | v;
        }
        let [_, a, b, c] = acc.to_be_bytes();
        out.push(a);
        if pad < 2 {
            out.push(b);
        }
        if pad < 1 {
            out.push(c);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    macro_rules! num_cmp {
        ($($name:ident: $a:expr, $b:expr => $ord:expr;)*) => {$(
            #[test]
            fn $name() { assert_eq!(d($a).cmp(&d($b)), $ord); }
        )*};
    }

    num_cmp! {
        trailing_zero: "1.50", "1.5" => Ordering::Equal;
        exponent_eq: "1e3", "1000" => Ordering::Equal;
        exponent_neg: "15e-1", "1.5" => Ordering::Equal;
        negative_less: "-1", "0" => Ordering::Less;
        negatives: "-2.5", "-2.4" => Ordering::Less;
        zeros: "-0", "0.000" => Ordering::Equal;
        leading_zeros: "007", "7" => Ordering::Equal;
        fraction: "0.1", "0.09" => Ordering::Greater;
        big: "12345678901234567890", "12345678901234567891" => Ordering::Less;
        many_trailing_zeros: "10000000000000000000000000000000000000000000", "1e43" => Ordering::Equal;
        magnitude: "999", "1e3" => Ordering::Less;
        plus_sign: "+3", "3" => Ordering::Equal;
        small: "1e-30", "0" => Ordering::Greater;
    }

    #[test]
    fn unparseable_numbers() {
        for s in [
            "",
            "abc",
            "1.2.3",
            "1e",
            "e5",
            "--1",
            "1 ",
            "0x10",
            ".",
            "1e99999999999",
        ] {
            assert!(Decimal::parse(s).is_none(), "{s:?}");
        }
        assert!(Decimal::parse(".5").is_some());
        assert!(Decimal::parse("5.").is_some());
    }

    macro_rules! cidr_cases {
        ($($name:ident: $cidr:expr, $ip:expr => $want:expr;)*) => {$(
            #[test]
            fn $name() {
                let c = Cidr::parse($cidr).unwrap();
                assert_eq!(c.contains($ip.parse().unwrap()), $want);
            }
        )*};
    }

    cidr_cases! {
        v4_in: "203.0.113.0/24", "203.0.113.7" => true;
        v4_out: "203.0.113.0/24", "203.0.114.7" => false;
        v4_host_bits: "203.0.113.9/24", "203.0.113.200" => true;
        v4_bare: "10.1.2.3", "10.1.2.3" => true;
        v4_bare_no: "10.1.2.3", "10.1.2.4" => false;
        v4_zero: "0.0.0.0/0", "8.8.8.8" => true;
        v6_in: "2001:DB8::/32", "2001:db8::1" => true;
        v6_out: "2001:db8::/32", "2001:db9::1" => false;
        v6_vs_v4: "::/0", "1.2.3.4" => false;
        v4_vs_v6: "0.0.0.0/0", "::1" => false;
        v6_128: "::1", "::1" => true;
    }

    #[test]
    fn bad_cidrs() {
        for s in [
            "10.0.0.0/33",
            "10.0.0/8",
            "x",
            "10.0.0.0/",
            "::/129",
            "10.0.0.0/-1",
        ] {
            assert!(Cidr::parse(s).is_none(), "{s:?}");
        }
    }

    #[test]
    fn base64() {
        assert_eq!(decode_base64("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(decode_base64("aGk=").unwrap(), b"hi");
        assert_eq!(decode_base64("YQ==").unwrap(), b"a");
        assert_eq!(decode_base64("").unwrap(), b"");
        assert!(decode_base64("aGk").is_none());
        assert!(decode_base64("a=Gk").is_none());
        assert!(decode_base64("!!!!").is_none());
    }

    #[test]
    fn bools() {
        assert_eq!(parse_bool("TRUE"), Some(true));
        assert_eq!(parse_bool("False"), Some(false));
        assert_eq!(parse_bool("yes"), None);
    }
}
