//! The pieces of the canonical request (api.md §2.5 step 1). Each writes into a caller-owned
//! `String` so a whole canonical request is built in one buffer.

/// Upper-case hex digit for a nibble (SigV4 requires upper-case escapes).
fn hex_digit(nibble: u8) -> char {
    char::from(if nibble < 10 {
        b'0' + nibble
    } else {
        b'A' + nibble - 10
    })
}

/// RFC 3986 unreserved characters, the only bytes SigV4 leaves unencoded.
fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')
}

fn push_encoded(out: &mut String, b: u8) {
    if is_unreserved(b) {
        out.push(char::from(b));
    } else {
        out.push('%');
        out.push(hex_digit(b >> 4));
        out.push(hex_digit(b & 0x0f));
    }
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Calls `f` with each byte of `s` after decoding `%XX` escapes. Only `%XX` is decoded: a
/// literal `+` stays `+` (api.md §2.5 step 1.3 — SigV4 query strings are not form-encoded),
/// and a `%` not followed by two hex digits is kept literally.
pub(crate) fn for_each_decoded(s: &str, mut f: impl FnMut(u8)) {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c == b'%'
            && let (Some(h), Some(l)) = (
                b.get(i + 1).copied().and_then(hex_val),
                b.get(i + 2).copied().and_then(hex_val),
            )
        {
            f(h << 4 | l);
            i += 3;
            continue;
        }
        f(c);
        i += 1;
    }
}

/// Percent-decodes `s` (`%XX` only); `None` when the result is not UTF-8.
pub(crate) fn percent_decode(s: &str) -> Option<std::borrow::Cow<'_, str>> {
    if !s.contains('%') {
        return Some(std::borrow::Cow::Borrowed(s));
    }
    let mut bytes = Vec::with_capacity(s.len());
    for_each_decoded(s, |b| bytes.push(b));
    String::from_utf8(bytes).ok().map(std::borrow::Cow::Owned)
}

/// Canonical URI for non-S3 services: the path as received (still percent-encoded) encoded
/// once more, segment by segment, with the unreserved set, so `%` becomes `%25`. Empty → `/`.
/// No dot-segment resolution or slash merging (api.md §2.5 step 1.2).
pub(crate) fn write_uri(out: &mut String, path: &str) {
    if path.is_empty() {
        out.push('/');
        return;
    }
    for b in path.bytes() {
        if b == b'/' {
            out.push('/');
        } else {
            push_encoded(out, b);
        }
    }
}

/// Canonical query string (api.md §2.5 step 1.3): decode `%XX`, re-encode with the unreserved
/// set, sort by encoded name then encoded value, join. With `skip_signature`, the presigned
/// form's `X-Amz-Signature` parameter is left out.
pub(crate) fn write_query(out: &mut String, query: &str, skip_signature: bool) {
    if query.is_empty() {
        return;
    }
    // One scratch buffer holds every encoded name and value; pairs refer to it by range.
    let mut scratch = String::with_capacity(query.len() + query.len() / 2);
    let mut pairs: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> = Vec::new();
    for piece in query.split('&') {
        if piece.is_empty() {
            continue;
        }
        let (name, value) = piece.split_once('=').unwrap_or((piece, ""));
        let start = scratch.len();
        for_each_decoded(name, |b| push_encoded(&mut scratch, b));
        let name_range = start..scratch.len();
        if skip_signature && scratch.get(name_range.clone()) == Some("X-Amz-Signature") {
            scratch.truncate(start);
            continue;
        }
        let vstart = scratch.len();
        for_each_decoded(value, |b| push_encoded(&mut scratch, b));
        pairs.push((name_range, vstart..scratch.len()));
    }
    let get = |r: &std::ops::Range<usize>| scratch.get(r.clone()).unwrap_or("");
    pairs.sort_unstable_by(|a, b| {
        get(&a.0)
            .cmp(get(&b.0))
            .then_with(|| get(&a.1).cmp(get(&b.1)))
    });
    for (i, (n, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(get(n));
        out.push('=');
        out.push_str(get(v));
    }
}

/// Appends a header value trimmed, with internal whitespace runs collapsed to one space
/// (api.md §2.5 step 1.4). Obsolete line folding (`\r\n` + spaces) collapses the same way.
pub(crate) fn write_header_value(out: &mut String, value: &str) {
    // Nearly every value an SDK signs has nothing to trim or collapse (the session token
    // is most of a session-signed request's headers): copy it whole then.
    let mut after_space = true;
    let mut normal = true;
    for &byte in value.as_bytes() {
        if byte.is_ascii_whitespace() {
            if after_space || byte != b' ' {
                normal = false;
                break;
            }
            after_space = true;
        } else {
            after_space = false;
        }
    }
    // A value ending in whitespace (after_space once non-empty) needs trimming.
    if normal && (!after_space || value.is_empty()) {
        out.push_str(value);
        return;
    }
    let mut first = true;
    for word in value.split_ascii_whitespace() {
        if !first {
            out.push(' ');
        }
        out.push_str(word);
        first = false;
    }
}

/// Appends `name:value\n` for one signed header name: every occurrence in received order,
/// each normalised, joined with `,`. A signed header absent from the request gets an empty
/// value. For `host`, an HTTP/2 `:authority` pseudo-header stands in for a missing `Host`.
pub(crate) fn write_header(out: &mut String, name: &str, headers: &[(&str, &str)]) {
    out.push_str(name);
    out.push(':');
    let mut found = false;
    for (n, v) in headers {
        if n.eq_ignore_ascii_case(name) {
            if found {
                out.push(',');
            }
            write_header_value(out, v);
            found = true;
        }
    }
    if !found
        && name.eq_ignore_ascii_case("host")
        && let Some((_, v)) = headers.iter().find(|(n, _)| *n == ":authority")
    {
        write_header_value(out, v);
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(path: &str) -> String {
        let mut s = String::new();
        write_uri(&mut s, path);
        s
    }

    fn query(q: &str, skip: bool) -> String {
        let mut s = String::new();
        write_query(&mut s, q, skip);
        s
    }

    fn headers(name: &str, hs: &[(&str, &str)]) -> String {
        let mut s = String::new();
        write_header(&mut s, name, hs);
        s
    }

    macro_rules! uri_cases {
        ($($name:ident: $input:expr => $expected:expr;)*) => {$(
            #[test]
            fn $name() { assert_eq!(uri($input), $expected); }
        )*};
    }

    uri_cases! {
        uri_root: "/" => "/";
        uri_empty: "" => "/";
        uri_plain: "/users/alice" => "/users/alice";
        uri_percent_is_double_encoded: "/a%3Db" => "/a%253Db";
        uri_space_raw: "/example space/" => "/example%20space/";
        uri_at_sign: "/test/@connections" => "/test/%40connections";
        uri_unreserved_kept: "/-_.~AZaz09" => "/-_.~AZaz09";
        uri_dot_segments_kept: "/a/../b/./c" => "/a/../b/./c";
        uri_double_slash_kept: "//a//" => "//a//";
        uri_utf8_raw: "/\u{1234}" => "/%E1%88%B4";
        uri_plus: "/a+b" => "/a%2Bb";
    }

    macro_rules! query_cases {
        ($($name:ident: $input:expr => $expected:expr;)*) => {$(
            #[test]
            fn $name() { assert_eq!(query($input, false), $expected); }
        )*};
    }

    query_cases! {
        query_empty: "" => "";
        query_single: "Action=ListUsers" => "Action=ListUsers";
        query_sorted_by_name: "b=1&a=2" => "a=2&b=1";
        query_sorted_by_value_for_same_name: "a=2&a=1&a=10" => "a=1&a=10&a=2";
        query_case_sensitive_byte_order: "b=1&B=2&a=3" => "B=2&a=3&b=1";
        query_literal_plus_becomes_2b: "a=b+c" => "a=b%2Bc";
        query_encoded_plus_stays_2b: "a=b%2Bc" => "a=b%2Bc";
        query_encoded_space: "a=b%20c" => "a=b%20c";
        query_lower_hex_normalised: "a=%2f" => "a=%2F";
        query_unneeded_escape_decoded: "a=%41" => "a=A";
        query_reserved_encoded: "a=x/y:z" => "a=x%2Fy%3Az";
        query_empty_value: "a=&b" => "a=&b=";
        query_name_without_value: "Param1" => "Param1=";
        query_empty_pieces_skipped: "a=1&&b=2&" => "a=1&b=2";
        query_equals_in_value: "a=b=c" => "a=b%3Dc";
        query_encoded_name_sort: "Param-3=Value3&Param=Value2&%E1%88%B4=Value1" => "%E1%88%B4=Value1&Param=Value2&Param-3=Value3";
        query_stray_percent_encoded: "a=100%" => "a=100%25";
        query_tilde_kept: "a=~x" => "a=~x";
        query_signature_kept_in_header_form: "X-Amz-Signature=ab&a=1" => "X-Amz-Signature=ab&a=1";
    }

    #[test]
    fn query_presigned_skips_only_signature() {
        assert_eq!(
            query("X-Amz-Signature=ab&X-Amz-SignedHeaders=host&a=1", true),
            "X-Amz-SignedHeaders=host&a=1"
        );
    }

    macro_rules! header_cases {
        ($($name:ident: $signed:expr, $hs:expr => $expected:expr;)*) => {$(
            #[test]
            fn $name() { assert_eq!(headers($signed, $hs), $expected); }
        )*};
    }

    header_cases! {
        header_plain: "host", &[("Host", "example.com")] => "host:example.com\n";
        header_name_case_insensitive: "x-amz-date", &[("X-AMZ-DATE", "20150830T123600Z")] => "x-amz-date:20150830T123600Z\n";
        header_trimmed: "my", &[("My", "  value  ")] => "my:value\n";
        header_internal_collapsed: "my", &[("My", "a   b\t\tc")] => "my:a b c\n";
        header_folded: "my", &[("My", "value1\r\n  value2\r\n     value3")] => "my:value1 value2 value3\n";
        header_multiple_joined_in_order: "my", &[("My", "b"), ("Other", "x"), ("my", " a ")] => "my:b,a\n";
        header_missing_is_empty: "my", &[("Other", "x")] => "my:\n";
        header_empty_value: "my", &[("My", "")] => "my:\n";
        header_port_kept: "host", &[("Host", "localhost:4566")] => "host:localhost:4566\n";
        header_authority_for_http2: "host", &[(":authority", "example.com")] => "host:example.com\n";
        header_host_preferred_to_authority: "host", &[(":authority", "a"), ("host", "b")] => "host:b\n";
    }

    #[test]
    fn decode_keeps_plus_and_bad_escapes() {
        assert_eq!(
            percent_decode("a+b%2Fc%zz%4").as_deref(),
            Some("a+b/c%zz%4")
        );
        assert_eq!(percent_decode("%FF"), None);
    }

    proptest::proptest! {
        /// The whole-copy fast path agrees with trimming and collapsing word by word.
        #[test]
        fn header_values_normalise_like_the_word_by_word_rule(value in "[ \t\r\n\x0ca-c]{0,12}|\\PC{0,40}") {
            let mut out = String::from(">");
            write_header_value(&mut out, &value);
            let words: Vec<&str> = value.split_ascii_whitespace().collect();
            proptest::prop_assert_eq!(out, format!(">{}", words.join(" ")));
        }
    }
}
