//! The request context (spec policy.md §3.2, §5): typed, possibly multivalued values under
//! case-insensitive key names.
//!
//! Keys are stored lower-cased (the whole key, so tag-key suffixes such as
//! `aws:PrincipalTag/Dept` are case-insensitive too, §5.8). Every value keeps its text and,
//! when its declared type is not plain string, its parsed form, so typed operators compare
//! without parsing per request. A value declared as a string that a typed operator meets is
//! parsed on the spot (no match if it does not parse).
//!
//! Principal-derived keys (`aws:username`, `aws:PrincipalTag/*` ...) are *not* taken from
//! here: they come from the [`crate::Principal`] the policies were compiled for.

use std::borrow::Cow;
use std::net::IpAddr;

use crate::date::{Timestamp, format_iso8601, parse_date};
use crate::value::{Decimal, decode_base64, parse_bool};

/// The type of a context value, as named by the simulator's `ContextKeyType` (without the
/// `List` suffix).
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum ValueType {
    /// `string`.
    String,
    /// `numeric`.
    Numeric,
    /// `date`.
    Date,
    /// `boolean`.
    Boolean,
    /// `binary` (base64 text on input).
    Binary,
    /// `ip`.
    Ip,
    /// An ARN (string with ARN semantics; the simulator passes these as `string`).
    Arn,
}

impl ValueType {
    /// The type of a well-known key (§5), `String` for anything else. Lets loaders that only
    /// have text (the benchmark workload, the server) pre-parse values once.
    pub fn of_key(key: &str) -> Self {
        well_known(key).map_or(Self::String, |(_, ty)| ty)
    }
}

/// Well-known global keys (spec policy.md §5) with their lower-cased name and type.
///
/// Looking a key up here gives, in one pass, the type [`ValueType::of_key`] reports and a
/// `&'static` lower-cased name, so a context entry for such a key allocates nothing for its
/// name. Sorted by name length: [`well_known`] compares a key only with names of its length
/// (a test checks the length ranges).
const WELL_KNOWN: &[(&str, ValueType)] = &[
    ("aws:referer", ValueType::String),
    ("aws:tagkeys", ValueType::String),
    ("aws:sourceip", ValueType::Ip),
    ("aws:epochtime", ValueType::Numeric),
    ("aws:sourcearn", ValueType::Arn),
    ("iam:policyarn", ValueType::Arn),
    ("aws:sourcevpc", ValueType::String),
    ("aws:useragent", ValueType::String),
    ("aws:calledvia", ValueType::String),
    ("aws:sourcevpce", ValueType::String),
    ("aws:currenttime", ValueType::Date),
    ("aws:assumedroot", ValueType::Boolean),
    ("aws:vpcsourceip", ValueType::Ip),
    ("aws:principalarn", ValueType::Arn),
    ("aws:viaawsservice", ValueType::Boolean),
    ("aws:sourceaccount", ValueType::String),
    ("aws:calledvialast", ValueType::String),
    ("aws:tokenissuetime", ValueType::Date),
    ("aws:calledviafirst", ValueType::String),
    ("sts:durationseconds", ValueType::Numeric),
    ("aws:securetransport", ValueType::Boolean),
    ("aws:requestedregion", ValueType::String),
    ("aws:multifactorauthage", ValueType::Numeric),
    ("iam:permissionsboundary", ValueType::Arn),
    ("aws:principalisawsservice", ValueType::Boolean),
    ("aws:multifactorauthpresent", ValueType::Boolean),
];

/// The lower-cased `&'static` name and the type of a well-known key (ASCII
/// case-insensitive), if `key` is one.
#[inline]
fn well_known(key: &str) -> Option<(&'static str, ValueType)> {
    // The table is sorted by name length; only names of the key's length are compared.
    let same_length = match key.len() {
        11 => WELL_KNOWN.get(0..2),
        12 => WELL_KNOWN.get(2..3),
        13 => WELL_KNOWN.get(3..9),
        14 => WELL_KNOWN.get(9..10),
        15 => WELL_KNOWN.get(10..13),
        16 => WELL_KNOWN.get(13..14),
        17 => WELL_KNOWN.get(14..17),
        18 => WELL_KNOWN.get(17..19),
        19 => WELL_KNOWN.get(19..22),
        22 => WELL_KNOWN.get(22..23),
        23 => WELL_KNOWN.get(23..24),
        25 => WELL_KNOWN.get(24..25),
        26 => WELL_KNOWN.get(25..26),
        _ => None,
    }?;
    same_length
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(key))
        .map(|&(name, ty)| (name, ty))
}

/// A key's lower-cased form (§5.8: key names are case-insensitive): a `&'static` name for
/// well-known keys, else one exact-size allocation (ASCII fast path; Unicode lower-casing,
/// as compiled policies use, otherwise).
fn lower_key(key: &str, known: Option<&'static str>) -> Cow<'static, str> {
    match known {
        Some(name) => Cow::Borrowed(name),
        None if key.is_ascii() => Cow::Owned(key.to_ascii_lowercase()),
        None => Cow::Owned(key.to_lowercase()),
    }
}

/// One context value: its text and, when typed, its parsed form.
#[derive(Clone, Debug, PartialEq)]
pub struct ContextValue {
    /// Borrowed for the canonical boolean texts, so typical contexts allocate less.
    text: Cow<'static, str>,
    parsed: Parsed,
}

#[derive(Clone, Debug, PartialEq)]
enum Parsed {
    Text,
    Numeric(Decimal),
    Date(Timestamp),
    Bool(bool),
    Binary(Box<[u8]>),
    Ip(IpAddr),
}

impl ContextValue {
    /// A value of the given type; the text is parsed now. Text that does not parse as the
    /// declared type is kept as plain text (and typed operators will not match it).
    pub fn new(ty: ValueType, text: &str) -> Self {
        let parsed = match ty {
            ValueType::String | ValueType::Arn => Parsed::Text,
            ValueType::Numeric => Decimal::parse(text).map_or(Parsed::Text, Parsed::Numeric),
            ValueType::Date => parse_date(text).map_or(Parsed::Text, Parsed::Date),
            ValueType::Boolean => parse_bool(text).map_or(Parsed::Text, Parsed::Bool),
            ValueType::Binary => {
                decode_base64(text).map_or(Parsed::Text, |b| Parsed::Binary(b.into_boxed_slice()))
            }
            ValueType::Ip => text.parse::<IpAddr>().map_or(Parsed::Text, Parsed::Ip),
        };
        let text = match (text, &parsed) {
            ("true", Parsed::Bool(true)) => Cow::Borrowed("true"),
            ("false", Parsed::Bool(false)) => Cow::Borrowed("false"),
            _ => Cow::Owned(text.to_owned()),
        };
        Self { text, parsed }
    }

    /// Whether the text parsed as the declared type (always true for strings).
    fn is_valid(&self, ty: ValueType) -> bool {
        matches!(ty, ValueType::String | ValueType::Arn) || self.parsed != Parsed::Text
    }

    /// The value as text (what string and ARN operators compare).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The value as a decimal number.
    pub fn decimal(&self) -> Option<Decimal> {
        match self.parsed {
            Parsed::Numeric(d) => Some(d),
            _ => Decimal::parse(&self.text),
        }
    }

    /// The value as an instant (ISO 8601 or epoch seconds).
    pub fn date(&self) -> Option<Timestamp> {
        match self.parsed {
            Parsed::Date(t) => Some(t),
            _ => parse_date(&self.text),
        }
    }

    /// The value as a boolean.
    pub fn boolean(&self) -> Option<bool> {
        match self.parsed {
            Parsed::Bool(b) => Some(b),
            _ => parse_bool(&self.text),
        }
    }

    /// The value as an IP address.
    pub fn ip(&self) -> Option<IpAddr> {
        match self.parsed {
            Parsed::Ip(ip) => Some(ip),
            _ => self.text.parse().ok(),
        }
    }

    /// The value as bytes (base64-decoded text unless already binary).
    pub fn binary(&self) -> Option<Cow<'_, [u8]>> {
        match &self.parsed {
            Parsed::Binary(b) => Some(Cow::Borrowed(b)),
            _ => decode_base64(&self.text).map(Cow::Owned),
        }
    }
}

/// The values of one key.
#[derive(Clone, Debug)]
pub struct ContextEntry {
    /// Lower-cased; `&'static` for well-known keys (no allocation).
    key: Cow<'static, str>,
    values: Values,
    multivalued: bool,
}

/// The values of an entry: a single value is kept inline (no `Vec` allocation), which is
/// what nearly every key of a real request has.
#[derive(Clone, Debug)]
enum Values {
    One(ContextValue),
    Many(Vec<ContextValue>),
}

impl PartialEq for ContextEntry {
    /// Entries are equal when key, values and multivaluedness are, however stored.
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
            && self.multivalued == other.multivalued
            && self.values() == other.values()
    }
}

impl ContextEntry {
    /// The lower-cased key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The values (one for single-valued keys; any number for multivalued keys).
    #[inline]
    pub fn values(&self) -> &[ContextValue] {
        match &self.values {
            Values::One(v) => std::slice::from_ref(v),
            Values::Many(vs) => vs,
        }
    }

    /// Whether the key was supplied as a list.
    pub fn is_multivalued(&self) -> bool {
        self.multivalued
    }
}

/// The request context: key → values.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Context {
    entries: Vec<ContextEntry>,
}

impl Context {
    /// An empty context.
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts a builder.
    pub fn builder() -> ContextBuilder {
        ContextBuilder::default()
    }

    /// Starts a builder with room for `keys` keys (one allocation for the entry list when
    /// the count is known, e.g. the number of keys of an incoming request).
    pub fn builder_with_capacity(keys: usize) -> ContextBuilder {
        ContextBuilder::with_capacity(keys)
    }

    /// Looks up a key that is already lower-cased (compiled policies pre-lower their keys).
    /// If a key was supplied twice, the first one wins (§5.8).
    #[inline]
    pub fn get_lowercase(&self, key: &str) -> Option<&ContextEntry> {
        self.entries.iter().find(|e| &*e.key == key)
    }

    /// Looks up a key case-insensitively.
    pub fn get(&self, key: &str) -> Option<&ContextEntry> {
        self.entries
            .iter()
            .find(|e| e.key.eq_ignore_ascii_case(key))
    }

    /// Every entry, in insertion order.
    pub fn entries(&self) -> &[ContextEntry] {
        &self.entries
    }

    /// Builds a context from the simulator's `ContextEntries`: (key, `ContextKeyType`,
    /// values as text). Type names are the simulator's (`string`, `stringList`, `numeric`,
    /// `numericList`, `boolean`, `booleanList`, `ip`, `ipList`, `binary`, `binaryList`,
    /// `date`, `dateList`).
    pub fn from_entries<'a, I, V>(entries: I) -> Result<Self, ContextError>
    where
        I: IntoIterator<Item = (&'a str, &'a str, V)>,
        V: IntoIterator<Item = &'a str>,
    {
        let mut builder = Self::builder();
        for (key, type_name, values) in entries {
            let (ty, list) = match type_name {
                "string" => (ValueType::String, false),
                "stringList" => (ValueType::String, true),
                "numeric" => (ValueType::Numeric, false),
                "numericList" => (ValueType::Numeric, true),
                "boolean" => (ValueType::Boolean, false),
                "booleanList" => (ValueType::Boolean, true),
                "ip" => (ValueType::Ip, false),
                "ipList" => (ValueType::Ip, true),
                "binary" => (ValueType::Binary, false),
                "binaryList" => (ValueType::Binary, true),
                "date" => (ValueType::Date, false),
                "dateList" => (ValueType::Date, true),
                other => {
                    return Err(ContextError::UnknownType {
                        key: key.to_owned(),
                        type_name: other.to_owned(),
                    });
                }
            };
            let values: Vec<ContextValue> = values
                .into_iter()
                .map(|v| ContextValue::new(ty, v))
                .collect();
            if let Some(bad) = values.iter().find(|v| !v.is_valid(ty)) {
                return Err(ContextError::InvalidValue {
                    key: key.to_owned(),
                    type_name: type_name.to_owned(),
                    value: bad.text().to_owned(),
                });
            }
            if !list && values.len() != 1 {
                return Err(ContextError::ValueCount {
                    key: key.to_owned(),
                    count: values.len(),
                });
            }
            builder.push(key, values, list);
        }
        Ok(builder.build())
    }
}

/// Why simulator context entries were rejected.
#[derive(Clone, Debug, Eq, PartialEq, thiserror::Error)]
pub enum ContextError {
    /// The `ContextKeyType` is not one of the twelve known names.
    #[error("unknown context key type `{type_name}` for key `{key}`")]
    UnknownType {
        /// The key.
        key: String,
        /// The type name given.
        type_name: String,
    },
    /// A value does not parse as its declared type.
    #[error("value `{value}` of key `{key}` is not a valid {type_name}")]
    InvalidValue {
        /// The key.
        key: String,
        /// The type name given.
        type_name: String,
        /// The offending value.
        value: String,
    },
    /// A single-valued type was given zero or several values.
    #[error("key `{key}` has a single-valued type but {count} values")]
    ValueCount {
        /// The key.
        key: String,
        /// How many values were given.
        count: usize,
    },
}

/// Builds a [`Context`].
#[derive(Clone, Debug, Default)]
pub struct ContextBuilder {
    entries: Vec<ContextEntry>,
}

impl ContextBuilder {
    /// A builder with room for `keys` keys.
    pub fn with_capacity(keys: usize) -> Self {
        Self {
            entries: Vec::with_capacity(keys),
        }
    }

    fn push(&mut self, key: &str, values: Vec<ContextValue>, multivalued: bool) {
        let known = well_known(key).map(|(name, _)| name);
        self.entries.push(ContextEntry {
            key: lower_key(key, known),
            values: Values::Many(values),
            multivalued,
        });
    }

    fn push_one(&mut self, key: Cow<'static, str>, value: ContextValue) {
        self.entries.push(ContextEntry {
            key,
            values: Values::One(value),
            multivalued: false,
        });
    }

    /// A single value of the given type.
    pub fn value(mut self, key: &str, ty: ValueType, text: &str) -> Self {
        let known = well_known(key).map(|(name, _)| name);
        self.push_one(lower_key(key, known), ContextValue::new(ty, text));
        self
    }

    /// A list of values of the given type (a multivalued key; may be empty).
    pub fn values<'a>(
        mut self,
        key: &str,
        ty: ValueType,
        texts: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        let values = texts
            .into_iter()
            .map(|t| ContextValue::new(ty, t))
            .collect();
        self.push(key, values, true);
        self
    }

    /// A single value typed by [`ValueType::of_key`].
    pub fn auto(mut self, key: &str, text: &str) -> Self {
        // One table lookup gives both the type and the lower-cased name.
        let (known, ty) = match well_known(key) {
            Some((name, ty)) => (Some(name), ty),
            None => (None, ValueType::String),
        };
        self.push_one(lower_key(key, known), ContextValue::new(ty, text));
        self
    }

    /// A string value.
    pub fn string(self, key: &str, text: &str) -> Self {
        self.value(key, ValueType::String, text)
    }

    /// A list of strings (multivalued key such as `aws:TagKeys`).
    pub fn strings<'a>(self, key: &str, texts: impl IntoIterator<Item = &'a str>) -> Self {
        self.values(key, ValueType::String, texts)
    }

    /// A boolean value.
    pub fn boolean(self, key: &str, value: bool) -> Self {
        self.value(
            key,
            ValueType::Boolean,
            if value { "true" } else { "false" },
        )
    }

    /// A numeric value (text such as `3600` or `1.5`).
    pub fn numeric(self, key: &str, text: &str) -> Self {
        self.value(key, ValueType::Numeric, text)
    }

    /// A date value given as an instant.
    pub fn date(self, key: &str, at: Timestamp) -> Self {
        self.value(key, ValueType::Date, &format_iso8601(at))
    }

    /// An IP address value (text).
    pub fn ip(self, key: &str, text: &str) -> Self {
        self.value(key, ValueType::Ip, text)
    }

    /// Finishes the context.
    pub fn build(self) -> Context {
        Context {
            entries: self.entries,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_case_insensitive() {
        let c = Context::builder()
            .string("aws:ResourceTag/Team", "data")
            .build();
        assert!(c.get_lowercase("aws:resourcetag/team").is_some());
        assert!(c.get("AWS:RESOURCETAG/TEAM").is_some());
        assert!(c.get("aws:resourcetag/other").is_none());
    }

    #[test]
    fn typed_values() {
        let c = Context::builder()
            .auto("aws:SourceIp", "10.0.0.1")
            .auto("aws:CurrentTime", "2026-05-20T17:21:19Z")
            .auto("aws:MultiFactorAuthPresent", "TRUE")
            .numeric("n", "1.50")
            .build();
        assert!(c.get("aws:sourceip").unwrap().values()[0].ip().is_some());
        assert!(
            c.get("aws:currenttime").unwrap().values()[0]
                .date()
                .is_some()
        );
        assert_eq!(
            c.get("aws:multifactorauthpresent").unwrap().values()[0].boolean(),
            Some(true)
        );
        assert_eq!(
            c.get("n").unwrap().values()[0].decimal(),
            Decimal::parse("1.5")
        );
    }

    #[test]
    fn simulator_entries() {
        let c = Context::from_entries([
            ("aws:TagKeys", "stringList", vec!["a", "b"]),
            ("aws:EpochTime", "numeric", vec!["1000"]),
        ])
        .unwrap();
        assert_eq!(c.get("aws:tagkeys").unwrap().values().len(), 2);
        assert!(c.get("aws:tagkeys").unwrap().is_multivalued());
        assert!(matches!(
            Context::from_entries([("k", "weird", vec!["a"])]),
            Err(ContextError::UnknownType { .. })
        ));
        assert!(matches!(
            Context::from_entries([("k", "ip", vec!["nope"])]),
            Err(ContextError::InvalidValue { .. })
        ));
        assert!(matches!(
            Context::from_entries([("k", "string", vec!["a", "b"])]),
            Err(ContextError::ValueCount { .. })
        ));
    }

    #[test]
    fn well_known_keys_are_static_and_typed() {
        let c = Context::builder_with_capacity(3)
            .auto("AWS:SourceIP", "10.0.0.1")
            .auto("aws:ResourceTag/Team", "data")
            .auto("Aws:Kelvin\u{212a}ey", "x")
            .build();
        let keys: Vec<&str> = c.entries().iter().map(ContextEntry::key).collect();
        assert_eq!(
            keys,
            ["aws:sourceip", "aws:resourcetag/team", "aws:kelvinkey"]
        );
        assert!(matches!(c.entries()[0].key, Cow::Borrowed(_)));
        assert!(matches!(c.entries()[1].key, Cow::Owned(_)));
        assert!(c.entries()[0].values()[0].ip().is_some());
        for (key, ty) in WELL_KNOWN {
            assert_eq!(ValueType::of_key(&key.to_ascii_uppercase()), *ty, "{key}");
            assert_eq!(well_known(key).map(|(name, _)| name), Some(*key));
        }
        assert_eq!(ValueType::of_key("aws:sourceipx"), ValueType::String);
    }

    #[test]
    fn single_values_equal_one_element_lists() {
        let one = Context::builder().string("k", "v").build();
        let listed = Context::from_entries([("K", "string", vec!["v"])]).unwrap();
        assert_eq!(one, listed);
        assert_ne!(one, Context::builder().strings("k", ["v"]).build());
        assert_ne!(one, Context::builder().string("k", "w").build());
    }
}
