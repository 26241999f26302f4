//! Form / query-string decoding into [`QueryParams`] (api.md §1.2).
//!
//! The decoder is a single linear pass over the input: split on `&`, split each part at the first
//! `=`, turn `+` into a space, percent-decode, check UTF-8. Parameters are kept in a `BTreeMap` so
//! that the list conventions of the query protocol (`Name.member.N`, `Name.member.N.Field`) can be
//! resolved with ordered range scans instead of guessing indices one by one: a request with a
//! million list elements costs `O(n log n)`, never `O(n²)`, and nothing here panics on any input.

use std::collections::BTreeMap;
use std::fmt;

/// A form body or query string that cannot be decoded.
///
/// The server answers every variant with `MalformedQueryString` (api.md §1.7); the detail is for
/// logs only.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// A `%` not followed by two hexadecimal digits.
    #[error("invalid percent escape at byte {offset}")]
    InvalidPercentEscape {
        /// Byte offset of the `%` in the raw input.
        offset: usize,
    },
    /// A parameter name or value whose decoded bytes are not UTF-8.
    #[error("parameter at byte {offset} is not valid UTF-8 once decoded")]
    InvalidUtf8 {
        /// Byte offset of the start of the offending `name=value` part in the raw input.
        offset: usize,
    },
}

/// The decoded parameters of one request: name → value, last occurrence of a name winning.
///
/// Names are case-sensitive (api.md §1.2). Unknown names are kept (and ignored by the typed
/// decoders), so that the server can log them.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct QueryParams {
    map: BTreeMap<String, String>,
}

impl fmt::Debug for QueryParams {
    // Parameters may carry passwords and private keys (ChangePassword, UploadServerCertificate):
    // never print values, only names.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("QueryParams")
            .field("names", &self.map.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl QueryParams {
    /// An empty parameter set.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Decodes one `application/x-www-form-urlencoded` body or URL query string.
    ///
    /// # Errors
    ///
    /// [`DecodeError`] on a bad `%` escape or non-UTF-8 bytes after decoding.
    pub fn parse(input: &[u8]) -> Result<Self, DecodeError> {
        let mut params = Self::new();
        params.extend_from(input)?;
        Ok(params)
    }

    /// Decodes the query string and the body of one request and merges them; on a name present in
    /// both, the body wins (api.md §1.2, `VERIFY`: assumed precedence).
    ///
    /// # Errors
    ///
    /// [`DecodeError`] if either part cannot be decoded.
    pub fn parse_merged(query: &[u8], body: &[u8]) -> Result<Self, DecodeError> {
        let mut params = Self::parse(query)?;
        params.extend_from(body)?;
        Ok(params)
    }

    /// Decodes `input` and inserts its parameters, overwriting existing names.
    ///
    /// # Errors
    ///
    /// [`DecodeError`]; on error `self` may hold the parameters decoded before the bad one.
    pub fn extend_from(&mut self, input: &[u8]) -> Result<(), DecodeError> {
        let mut offset = 0;
        for part in input.split(|&b| b == b'&') {
            let start = offset;
            offset += part.len() + 1;
            if part.is_empty() {
                continue;
            }
            let (raw_name, raw_value) = match part.iter().position(|&b| b == b'=') {
                Some(eq) => (
                    part.get(..eq).unwrap_or_default(),
                    part.get(eq + 1..).unwrap_or_default(),
                ),
                None => (part, &[][..]),
            };
            let name = decode_component(raw_name, start, start)?;
            let value = decode_component(raw_value, start + raw_name.len() + 1, start)?;
            self.map.insert(name, value);
        }
        Ok(())
    }

    /// Sets one parameter (tests and callers that build requests by hand).
    pub fn insert(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.map.insert(name.into(), value.into());
    }

    /// The value of `name`, if present.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&str> {
        self.map.get(name).map(String::as_str)
    }

    /// The `Action` parameter.
    #[must_use]
    pub fn action(&self) -> Option<&str> {
        self.get("Action")
    }

    /// The `Version` parameter.
    #[must_use]
    pub fn version(&self) -> Option<&str> {
        self.get("Version")
    }

    /// Number of distinct parameter names.
    #[must_use]
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether there are no parameters at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// All parameters in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.map.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The parameters whose names start with `prefix`, in name order.
    pub fn with_prefix<'s>(&'s self, prefix: &'s str) -> impl Iterator<Item = (&'s str, &'s str)> {
        self.map
            .range::<str, _>((
                std::ops::Bound::Included(prefix),
                std::ops::Bound::Unbounded,
            ))
            .take_while(move |(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Whether any parameter name starts with `prefix` (used to detect a nested structure that
    /// was sent with at least one member).
    #[must_use]
    pub fn has_prefix(&self, prefix: &str) -> bool {
        self.with_prefix(prefix).next().is_some()
    }

    /// The list indices `N` present under `{list}.member.N` (alone or followed by `.Field`), in
    /// ascending numeric order without duplicates. Gaps are allowed (api.md §1.2: treat the list as
    /// ordered by N). Indices that are not canonical positive decimals (`0`, `01`, `x`) are not
    /// list elements and are ignored like any unknown parameter.
    #[must_use]
    pub fn member_indices(&self, list: &str) -> Vec<u32> {
        let prefix = format!("{list}.member.");
        let mut indices: Vec<u32> = self
            .map
            .range::<str, _>((
                std::ops::Bound::Included(prefix.as_str()),
                std::ops::Bound::Unbounded,
            ))
            .map(|(k, _)| k)
            .take_while(|k| k.starts_with(&prefix))
            .filter_map(|k| {
                let rest = k.get(prefix.len()..)?;
                let digits = rest.split('.').next()?;
                parse_index(digits)
            })
            .collect();
        // Keys are sorted as strings ("10" < "2"), so sort numerically; dedup drops the repeats
        // produced by several fields of one structure element.
        indices.sort_unstable();
        indices.dedup();
        indices
    }
}

/// A canonical 1-based list index: decimal digits, no sign, no leading zero, fits in `u32`.
/// Anything else after `.member.` is not a list element (see [`QueryParams::member_indices`]).
#[must_use]
pub fn parse_index(digits: &str) -> Option<u32> {
    if digits.is_empty() || digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// `+` → space, `%XX` → byte (hex case-insensitive), then UTF-8 check.
///
/// `base_offset` locates `raw` in the whole input (for escape errors); `part_start` is the start
/// of the enclosing `name=value` part (for UTF-8 errors).
fn decode_component(
    raw: &[u8],
    base_offset: usize,
    part_start: usize,
) -> Result<String, DecodeError> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while let Some(&b) = raw.get(i) {
        match b {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' => {
                let hi = raw.get(i + 1).and_then(|&c| hex_value(c));
                let lo = raw.get(i + 2).and_then(|&c| hex_value(c));
                match (hi, lo) {
                    (Some(hi), Some(lo)) => out.push((hi << 4) | lo),
                    _ => {
                        return Err(DecodeError::InvalidPercentEscape {
                            offset: base_offset + i,
                        });
                    }
                }
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| DecodeError::InvalidUtf8 { offset: part_start })
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! decodes {
        ($($name:ident: $input:expr => [$(($k:expr, $v:expr)),* $(,)?];)*) => {$(
            #[test]
            fn $name() {
                let params = QueryParams::parse($input.as_bytes()).unwrap();
                let got: Vec<(&str, &str)> = params.iter().collect();
                let mut want: Vec<(&str, &str)> = vec![$(($k, $v)),*];
                want.sort_unstable();
                assert_eq!(got, want);
            }
        )*};
    }

    decodes! {
        simple: "Action=ListUsers&Version=2010-05-08" => [("Action", "ListUsers"), ("Version", "2010-05-08")];
        plus_is_space: "Description=a+b" => [("Description", "a b")];
        percent_20_is_space: "Description=a%20b" => [("Description", "a b")];
        encoded_plus_stays_plus: "Name=a%2Bb" => [("Name", "a+b")];
        hex_case_insensitive: "P=%7b%7D%2f" => [("P", "{}/")];
        utf8_multibyte: "V=%C3%A9%F0%9F%98%80" => [("V", "é😀")];
        no_equals_is_empty_value: "ClientIDList" => [("ClientIDList", "")];
        empty_value: "Tags.member.2.Value=" => [("Tags.member.2.Value", "")];
        value_with_equals: "Policy=a=b=c" => [("Policy", "a=b=c")];
        last_duplicate_wins: "UserName=a&UserName=b" => [("UserName", "b")];
        names_case_sensitive: "username=a&UserName=b" => [("UserName", "b"), ("username", "a")];
        empty_parts_skipped: "&&A=1&&" => [("A", "1")];
        empty_input: "" => [];
        encoded_name: "Tags%2Emember%2E1%2EKey=k" => [("Tags.member.1.Key", "k")];
        encoded_ampersand_in_value: "V=a%26b%3Dc" => [("V", "a&b=c")];
    }

    macro_rules! rejects {
        ($($name:ident: $input:expr => $err:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(QueryParams::parse($input).unwrap_err(), $err);
            }
        )*};
    }

    rejects! {
        truncated_escape: b"A=%4" => DecodeError::InvalidPercentEscape { offset: 2 };
        percent_at_end: b"A=abc%" => DecodeError::InvalidPercentEscape { offset: 5 };
        non_hex_escape: b"A=%zz" => DecodeError::InvalidPercentEscape { offset: 2 };
        bad_escape_in_name: b"X=1&%G1=2" => DecodeError::InvalidPercentEscape { offset: 4 };
        invalid_utf8_escaped: b"A=1&B=%FF" => DecodeError::InvalidUtf8 { offset: 4 };
        invalid_utf8_raw: b"B=\xC3" => DecodeError::InvalidUtf8 { offset: 0 };
        overlong_utf8: b"B=%C0%AF" => DecodeError::InvalidUtf8 { offset: 0 };
    }

    #[test]
    fn merged_body_wins() {
        let p = QueryParams::parse_merged(b"Action=GetUser&UserName=q", b"UserName=b&Version=v")
            .unwrap();
        assert_eq!(p.get("UserName"), Some("b"));
        assert_eq!(p.action(), Some("GetUser"));
        assert_eq!(p.version(), Some("v"));
    }

    #[test]
    fn member_indices_sorted_numerically_with_gaps() {
        let p = QueryParams::parse(
            b"L.member.10=a&L.member.2=b&L.member.2.X=c&L.member.0=z&L.member.01=y&L.member.x=w&L.memberz.3=q&LL.member.4=e",
        )
        .unwrap();
        assert_eq!(p.member_indices("L"), vec![2, 10]);
        assert_eq!(p.member_indices("LL"), vec![4]);
        assert!(p.member_indices("M").is_empty());
    }

    #[test]
    fn nested_member_indices() {
        let p = QueryParams::parse(
            b"ContextEntries.member.1.ContextKeyValues.member.1=10.0.0.1&ContextEntries.member.1.ContextKeyValues.member.3=x",
        )
        .unwrap();
        assert_eq!(p.member_indices("ContextEntries"), vec![1]);
        assert_eq!(
            p.member_indices("ContextEntries.member.1.ContextKeyValues"),
            vec![1, 3]
        );
    }

    #[test]
    fn has_prefix_works() {
        let p = QueryParams::parse(b"Permissions.PolicyTemplateArn=x").unwrap();
        assert!(p.has_prefix("Permissions."));
        assert!(!p.has_prefix("Perm."));
    }

    #[test]
    fn debug_hides_values() {
        let p = QueryParams::parse(b"Password=hunter2").unwrap();
        let shown = format!("{p:?}");
        assert!(shown.contains("Password"));
        assert!(!shown.contains("hunter2"));
    }
}
