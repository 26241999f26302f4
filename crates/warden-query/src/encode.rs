//! XML responses: the writer (all escaping happens here), scalar formats and the success
//! envelope (api.md §1.3, §1.4).

use std::fmt;

use base64::Engine as _;

use crate::Service;

/// Writes compact XML. Every text node goes through [`XmlWriter::text`], the only place where
/// characters are escaped.
///
/// A start tag is left open until the next write so that an element without content becomes a
/// self-closing tag (`<Users/>`, `<UpdateRoleResult/>`; api.md §1.3 rules 3 and 5).
#[derive(Debug, Default)]
pub struct XmlWriter {
    out: String,
    open_tag_pending: bool,
}

impl XmlWriter {
    /// An empty writer.
    #[must_use]
    pub fn new() -> Self {
        // Most responses (errors, single entities) fit without growing.
        Self {
            out: String::with_capacity(1024),
            open_tag_pending: false,
        }
    }

    fn close_pending(&mut self) {
        if self.open_tag_pending {
            self.out.push('>');
            self.open_tag_pending = false;
        }
    }

    /// Opens `<name>`; element names come from the models and never need escaping.
    pub fn start(&mut self, name: &str) {
        self.close_pending();
        self.out.push('<');
        self.out.push_str(name);
        self.open_tag_pending = true;
    }

    /// Opens `<name xmlns="namespace">`.
    pub fn start_with_namespace(&mut self, name: &str, namespace: &str) {
        self.start(name);
        self.out.push_str(" xmlns=\"");
        escape_into(&mut self.out, namespace, true);
        self.out.push('"');
    }

    /// Closes `name`; an element with no content since its start becomes `<name/>`.
    pub fn end(&mut self, name: &str) {
        if self.open_tag_pending {
            self.out.push_str("/>");
            self.open_tag_pending = false;
        } else {
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push('>');
        }
    }

    /// Writes escaped character data.
    pub fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.close_pending();
        escape_into(&mut self.out, text, false);
    }

    /// `<name>text</name>`.
    pub fn element(&mut self, name: &str, text: &str) {
        self.start(name);
        self.text(text);
        self.end(name);
    }

    /// An integer member in decimal.
    pub fn int_element(&mut self, name: &str, value: i32) {
        self.element(name, &value.to_string());
    }

    /// A timestamp member as `YYYY-MM-DDThh:mm:ssZ` (api.md §1.3 rule 8).
    pub fn timestamp_element(&mut self, name: &str, value: Timestamp) {
        self.element(name, &value.to_string());
    }

    /// `<name>true</name>` / `<name>false</name>`.
    pub fn bool_element(&mut self, name: &str, value: bool) {
        self.element(name, if value { "true" } else { "false" });
    }

    /// A blob member: standard base64 with padding (api.md §1.3 rule 8).
    pub fn blob_element(&mut self, name: &str, bytes: &[u8]) {
        self.element(
            name,
            &base64::engine::general_purpose::STANDARD.encode(bytes),
        );
    }

    /// A `policyDocumentType` member: the stored document percent-encoded (api.md §1.4).
    pub fn policy_document_element(&mut self, name: &str, document: &str) {
        self.element(name, &percent_encode_policy(document));
    }

    /// The XML written so far.
    #[must_use]
    pub fn finish(mut self) -> String {
        self.close_pending();
        self.out
    }
}

/// Escapes XML special characters. `&`, `<`, `>` always; `"` inside attributes. Carriage return
/// and tab are written as character references so that XML parsers' end-of-line and attribute
/// normalisation cannot change them. Code points XML 1.0 cannot carry at all (C0 controls other
/// than tab, LF, CR; U+FFFE, U+FFFF) are replaced by U+FFFD: they can only come from free-text
/// members without a model pattern, and a document containing them would be rejected by every
/// client's parser.
fn escape_into(out: &mut String, text: &str, attribute: bool) {
    // Runs of characters that need no escaping (nearly all text) are copied whole, not one
    // character at a time: this runs over every text node of every response. The scan is
    // over bytes and stops only at ASCII bytes and at EF, the lead byte of U+FFFE/U+FFFF
    // (EF BF BE/BF), so every position it slices at is a character boundary.
    let bytes = text.as_bytes();
    let mut copied = 0;
    for (at, &byte) in bytes.iter().enumerate() {
        if at < copied {
            continue; // inside a replaced U+FFFE/U+FFFF
        }
        let (replacement, width) = match byte {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' if attribute => ("&quot;", 1),
            b'\r' => ("&#xD;", 1),
            b'\t' if attribute => ("&#x9;", 1),
            b'\n' if attribute => ("&#xA;", 1),
            b'\t' | b'\n' => continue,
            0..=0x1F => ("\u{FFFD}", 1),
            0xEF if matches!(bytes.get(at + 1..at + 3), Some([0xBF, 0xBE | 0xBF])) => {
                ("\u{FFFD}", 3)
            }
            _ => continue,
        };
        out.push_str(text.get(copied..at).unwrap_or_default());
        out.push_str(replacement);
        copied = at + width;
    }
    out.push_str(text.get(copied..).unwrap_or_default());
}

/// Percent-encodes a policy document as AWS returns it (api.md §1.4): `A-Z a-z 0-9 - _ . ~`
/// kept, every other UTF-8 byte as `%XX` with upper-case hex (space is `%20`, never `+`).
#[must_use]
pub fn percent_encode_policy(document: &str) -> String {
    let mut out = String::with_capacity(document.len() * 3 / 2);
    for &b in document.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(upper_hex_digit(b >> 4));
            out.push(upper_hex_digit(b & 0x0F));
        }
    }
    out
}

fn upper_hex_digit(nibble: u8) -> char {
    char::from(if nibble < 10 {
        b'0' + nibble
    } else {
        b'A' + nibble - 10
    })
}

/// A point in time with one-second precision, rendered as `YYYY-MM-DDThh:mm:ssZ` (api.md §1.3
/// rule 8: no fractional seconds, literal `Z`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub unix_seconds: i64,
}

impl Timestamp {
    /// The timestamp `unix_seconds` after the epoch.
    #[must_use]
    pub const fn from_unix_seconds(unix_seconds: i64) -> Self {
        Self { unix_seconds }
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = self.unix_seconds.div_euclid(86_400);
        let secs = self.unix_seconds.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        write!(
            f,
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            secs % 3600 / 60,
            secs % 60
        )
    }
}

/// Howard Hinnant's `civil_from_days`: proleptic Gregorian date of a day count since
/// 1970-01-01, exact for the whole `i64` day range we can get from seconds.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A generated output shape that can write its members as XML child elements.
pub trait WriteXml {
    /// Writes the members (not the enclosing element) in model order.
    fn write_xml(&self, w: &mut XmlWriter);
}

/// The success envelope of an operation with an output shape (api.md §1.3 rules 1-2):
/// `<{action}Response xmlns=…><{action}Result>…</{action}Result><ResponseMetadata>…`.
#[must_use]
pub fn success_response(
    service: Service,
    action: &str,
    result: &dyn WriteXml,
    request_id: &str,
) -> String {
    let root = format!("{action}Response");
    let result_name = format!("{action}Result");
    let mut w = XmlWriter::new();
    w.start_with_namespace(&root, service.namespace());
    w.start(&result_name);
    result.write_xml(&mut w);
    w.end(&result_name);
    write_metadata(&mut w, request_id);
    w.end(&root);
    w.finish()
}

/// The envelope of an operation without an output shape (api.md §1.3 rule 3): the root with
/// only `<ResponseMetadata>`.
#[must_use]
pub fn empty_response(service: Service, action: &str, request_id: &str) -> String {
    let root = format!("{action}Response");
    let mut w = XmlWriter::new();
    w.start_with_namespace(&root, service.namespace());
    write_metadata(&mut w, request_id);
    w.end(&root);
    w.finish()
}

fn write_metadata(w: &mut XmlWriter, request_id: &str) {
    w.start("ResponseMetadata");
    w.element("RequestId", request_id);
    w.end("ResponseMetadata");
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! timestamps {
        ($($name:ident: $secs:expr => $want:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(Timestamp::from_unix_seconds($secs).to_string(), $want);
            }
        )*};
    }

    timestamps! {
        ts_epoch: 0 => "1970-01-01T00:00:00Z";
        ts_example: 1_714_564_800 => "2024-05-01T12:00:00Z";
        ts_leap_day: 951_782_400 => "2000-02-29T00:00:00Z";
        ts_before_epoch: -1 => "1969-12-31T23:59:59Z";
        ts_end_of_year: 1_735_689_599 => "2024-12-31T23:59:59Z";
    }

    macro_rules! policy_encoding {
        ($($name:ident: $doc:expr => $want:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(percent_encode_policy($doc), $want);
            }
        )*};
    }

    policy_encoding! {
        pe_unreserved_kept: "AZaz09-_.~" => "AZaz09-_.~";
        pe_space_star_newline: " *\n" => "%20%2A%0A";
        pe_json: "{\"a\":\"b/c\"}" => "%7B%22a%22%3A%22b%2Fc%22%7D";
        pe_plus_and_percent: "+%" => "%2B%25";
        pe_utf8: "é" => "%C3%A9";
    }

    #[test]
    fn escaping_in_one_place() {
        let mut w = XmlWriter::new();
        w.element("A", "x<y & z>\"'\r\t\u{1}");
        assert_eq!(w.finish(), "<A>x&lt;y &amp; z&gt;\"'&#xD;\t\u{FFFD}</A>");
    }

    #[test]
    fn empty_elements_self_close() {
        let mut w = XmlWriter::new();
        w.start("Users");
        w.end("Users");
        w.element("Path", "");
        assert_eq!(w.finish(), "<Users/><Path/>");
    }

    #[test]
    fn empty_envelope() {
        assert_eq!(
            empty_response(Service::Iam, "DeleteUser", "r-1"),
            "<DeleteUserResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></DeleteUserResponse>"
        );
    }

    #[test]
    fn blob_is_padded_standard_base64() {
        let mut w = XmlWriter::new();
        w.blob_element("B", &[0xfb, 0xff]);
        assert_eq!(w.finish(), "<B>+/8=</B>");
    }

    /// The escaping rules one character at a time: the specification the fast
    /// [`escape_into`] must agree with.
    fn escape_reference(text: &str, attribute: bool) -> String {
        let mut out = String::new();
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' if attribute => out.push_str("&quot;"),
                '\r' => out.push_str("&#xD;"),
                '\t' if attribute => out.push_str("&#x9;"),
                '\n' if attribute => out.push_str("&#xA;"),
                '\t' | '\n' => out.push(c),
                '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
                _ => out.push(c),
            }
        }
        out
    }

    #[test]
    fn escapes_each_special_character() {
        let mut out = String::new();
        escape_into(
            &mut out,
            "a&b<c>d\"e\rf\tg\nh\u{1}i\u{FFFE}j\u{FFFF}k\u{FFFD}l\u{EFFF}",
            false,
        );
        assert_eq!(
            out,
            "a&amp;b&lt;c&gt;d\"e&#xD;f\tg\nh\u{FFFD}i\u{FFFD}j\u{FFFD}k\u{FFFD}l\u{EFFF}"
        );
        out.clear();
        escape_into(&mut out, "\"\t\n", true);
        assert_eq!(out, "&quot;&#x9;&#xA;");
    }

    proptest::proptest! {
        #[test]
        fn escaping_matches_the_reference(text in "\\PC*|[\\x00-\\x7F\u{FFFD}-\u{FFFF}\u{EFBF}]*", attribute: bool) {
            let mut out = String::from("kept");
            escape_into(&mut out, &text, attribute);
            proptest::prop_assert_eq!(out, format!("kept{}", escape_reference(&text, attribute)));
        }
    }
}
