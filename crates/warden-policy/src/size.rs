//! Policy size accounting and limits (spec policy.md §1.1, §1.3).

use crate::document::PolicyKind;

/// Raw length limit of every API parameter carrying a document, in characters (§1.1).
pub const MAX_DOCUMENT_CHARS: usize = 131_072;
/// Aggregate non-whitespace size of all inline policies of one user (§1.1).
pub const INLINE_USER_AGGREGATE_LIMIT: usize = 2_048;
/// Aggregate non-whitespace size of all inline policies of one group (§1.1).
pub const INLINE_GROUP_AGGREGATE_LIMIT: usize = 5_120;
/// Aggregate non-whitespace size of all inline policies of one role (§1.1).
pub const INLINE_ROLE_AGGREGATE_LIMIT: usize = 10_240;
/// Size of one managed policy version (also used as a permissions boundary).
pub const MANAGED_POLICY_LIMIT: usize = 6_144;
/// Default size quota of a role trust policy (an account quota, raisable to 4,096).
pub const TRUST_POLICY_DEFAULT_LIMIT: usize = 2_048;
/// Size of an inline STS session policy.
pub const SESSION_POLICY_LIMIT: usize = 2_048;
/// Size of a service or resource control policy.
pub const ORGANIZATIONS_POLICY_LIMIT: usize = 5_120;

/// The number of characters of `text` that are not JSON whitespace (space, tab, CR, LF)
/// outside string literals (§1.3). Whitespace inside strings counts.
///
/// Works on any text, valid JSON or not: a `"` toggles the in-string state unless it is
/// escaped by a backslash inside a string.
pub fn policy_size(text: &str) -> usize {
    let mut size = 0;
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if in_string {
            size += 1;
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\t' | '\r' | '\n') {
            size += 1;
            if c == '"' {
                in_string = true;
            }
        }
    }
    size
}

/// The per-document size quota of a kind, if it has one. Inline identity policies have only
/// an aggregate limit per entity, which the caller checks with the `INLINE_*` constants.
pub fn size_limit(kind: PolicyKind) -> Option<usize> {
    match kind {
        PolicyKind::Inline | PolicyKind::Resource => None,
        PolicyKind::Managed | PolicyKind::PermissionsBoundary => Some(MANAGED_POLICY_LIMIT),
        PolicyKind::Trust => Some(TRUST_POLICY_DEFAULT_LIMIT),
        PolicyKind::Session => Some(SESSION_POLICY_LIMIT),
        PolicyKind::ServiceControl | PolicyKind::ResourceControl => {
            Some(ORGANIZATIONS_POLICY_LIMIT)
        }
    }
}

/// The `LimitExceeded` message AWS gives when a document of `kind` exceeds `limit`.
///
/// Managed and trust wordings are the ones reported by AWS clients (§1.1, `VERIFY` there);
/// for session and Organizations policies no wording is recorded, so the managed one is
/// reused with the right number.
pub(crate) fn too_large_message(kind: PolicyKind, limit: usize) -> String {
    match kind {
        PolicyKind::Trust => format!("Cannot exceed quota for ACLSizePerRole: {limit}"),
        _ => format!("Cannot exceed quota for PolicySize: {limit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! size_cases {
        ($($name:ident: $text:expr => $size:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(policy_size($text), $size);
            }
        )*};
    }

    size_cases! {
        empty: "" => 0;
        only_whitespace: " \t\r\n" => 0;
        compact_object: r#"{"a":"b"}"# => 9;
        spaced_object: "{ \"a\" :\n\t\"b\" }" => 9;
        whitespace_inside_strings_counts: r#"{"a":"b c"}"# => 11;
        escaped_quote_keeps_string_open: r#"{"a":"x\" y"}"# => 13;
        escaped_backslash_closes_string: r#"["\\" , 1]"# => 8;
        non_ascii_counts_characters: r#"["żółw"]"# => 8;
        other_unicode_whitespace_counts: "[\u{a0}]" => 3;
    }

    #[test]
    fn limits_per_kind() {
        assert_eq!(size_limit(PolicyKind::Managed), Some(6_144));
        assert_eq!(size_limit(PolicyKind::PermissionsBoundary), Some(6_144));
        assert_eq!(size_limit(PolicyKind::Trust), Some(2_048));
        assert_eq!(size_limit(PolicyKind::Session), Some(2_048));
        assert_eq!(size_limit(PolicyKind::ServiceControl), Some(5_120));
        assert_eq!(size_limit(PolicyKind::ResourceControl), Some(5_120));
        assert_eq!(size_limit(PolicyKind::Inline), None);
        assert_eq!(size_limit(PolicyKind::Resource), None);
    }
}
