//! A small strict JSON reader (RFC 8259) for policy documents.
//!
//! Why not `serde_json::Value`: it silently keeps the last of duplicated keys, while a policy
//! with `{"Effect":"Allow","Effect":"Deny"}` must be rejected (spec policy.md §1.2.3), and
//! validation needs the byte offsets of statement objects (`Statement::span`) and numbers as
//! written (`1.50` stays `1.50`, §1.2.4).
//!
//! Hostile input is bounded: nesting deeper than [`MAX_DEPTH`] is an error (no recursion
//! beyond that), every step consumes input (linear time), and the tree is at most a constant
//! factor larger than the input. Callers bound the input length before calling.

use std::collections::HashSet;

/// Deepest nesting of arrays/objects accepted. A valid policy needs 7 levels
/// (document, `Statement` array, statement, `Condition`, operator, key, value array).
pub(crate) const MAX_DEPTH: usize = 64;

/// A parsed JSON value with the byte range it occupies in the source.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Node {
    pub(crate) value: Value,
    /// Byte offset of the value's first character.
    pub(crate) start: usize,
    /// Byte offset just after the value's last character.
    pub(crate) end: usize,
}

/// A JSON value. Numbers keep their text as written.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Node>),
    /// Members in document order; keys are unique (duplicates are a parse error).
    Object(Vec<(String, Node)>),
}

impl Value {
    /// A short name of the value's JSON type, for messages.
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// Why the text is not a single JSON value.
#[derive(Clone, Debug, Eq, PartialEq)]
pub(crate) struct JsonError {
    /// Byte offset where the problem was detected.
    pub(crate) offset: usize,
    /// House-style description (lower-case, no final period).
    pub(crate) message: String,
}

/// Parses `text` as exactly one JSON value surrounded by optional whitespace.
pub(crate) fn parse(text: &str) -> Result<Node, JsonError> {
    let mut parser = Parser {
        bytes: text.as_bytes(),
        pos: 0,
    };
    parser.skip_ws();
    let node = parser.value(0)?;
    parser.skip_ws();
    if parser.pos < parser.bytes.len() {
        return Err(parser.error("unexpected text after the JSON value"));
    }
    Ok(node)
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, message: impl Into<String>) -> JsonError {
        JsonError {
            offset: self.pos,
            message: message.into(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect_literal(&mut self, literal: &[u8]) -> Result<(), JsonError> {
        let matches = self
            .bytes
            .get(self.pos..self.pos + literal.len())
            .is_some_and(|s| s == literal);
        if matches {
            self.pos += literal.len();
            Ok(())
        } else {
            Err(self.error("invalid literal (expected `true`, `false` or `null`)"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, JsonError> {
        let start = self.pos;
        let value = match self.peek() {
            None => return Err(self.error("unexpected end of input, expected a value")),
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => {
                self.expect_literal(b"true")?;
                Value::Bool(true)
            }
            Some(b'f') => {
                self.expect_literal(b"false")?;
                Value::Bool(false)
            }
            Some(b'n') => {
                self.expect_literal(b"null")?;
                Value::Null
            }
            Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
            Some(_) => return Err(self.error("unexpected character, expected a value")),
        };
        Ok(Node {
            value,
            start,
            end: self.pos,
        })
    }

    fn enter(&self, depth: usize) -> Result<usize, JsonError> {
        if depth >= MAX_DEPTH {
            Err(self.error(format!("nesting deeper than {MAX_DEPTH} levels")))
        } else {
            Ok(depth + 1)
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, JsonError> {
        let depth = self.enter(depth)?;
        self.pos += 1; // `{`
        let mut members: Vec<(String, Node)> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a string key"));
            }
            let key_offset = self.pos;
            let key = self.string()?;
            if !seen.insert(key.clone()) {
                return Err(JsonError {
                    offset: key_offset,
                    message: format!("duplicate key `{key}`"),
                });
            }
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("expected `:` after an object key"));
            }
            self.pos += 1;
            self.skip_ws();
            let node = self.value(depth)?;
            members.push((key, node));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.error("expected `,` or `}` in an object")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, JsonError> {
        let depth = self.enter(depth)?;
        self.pos += 1; // `[`
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error("expected `,` or `]` in an array")),
            }
        }
    }

    fn number(&mut self) -> Result<String, JsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.skip_digits(),
            _ => return Err(self.error("invalid number: expected a digit")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err(self.error("invalid number: expected a digit after `.`"));
            }
            self.skip_digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err(self.error("invalid number: expected a digit in the exponent"));
            }
            self.skip_digits();
        }
        let text = self.bytes.get(start..self.pos).unwrap_or_default();
        Ok(String::from_utf8_lossy(text).into_owned())
    }

    fn skip_digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut code = 0_u32;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|b| char::from(b).to_digit(16))
                .ok_or_else(|| self.error("invalid `\\u` escape: expected 4 hex digits"))?;
            code = code * 16 + digit;
            self.pos += 1;
        }
        Ok(code)
    }

    /// Reads a string token (the cursor is on the opening quote).
    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1; // opening quote
        let mut out: Vec<u8> = Vec::new();
        loop {
            // Copy the run of ordinary bytes in one go (the input is valid UTF-8, and the
            // run stops only at ASCII bytes, so it ends on a character boundary).
            let run = self
                .bytes
                .get(self.pos..)
                .unwrap_or_default()
                .iter()
                .take_while(|&&b| b != b'"' && b != b'\\' && b >= 0x20)
                .count();
            out.extend_from_slice(self.bytes.get(self.pos..self.pos + run).unwrap_or_default());
            self.pos += run;
            match self.peek() {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let escape_start = self.pos;
                            let high = self.hex4()?;
                            let code = match high {
                                0xD800..=0xDBFF => {
                                    if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                                        return Err(self.error("lone surrogate in `\\u` escape"));
                                    }
                                    self.pos += 2;
                                    let low = self.hex4()?;
                                    if !(0xDC00..=0xDFFF).contains(&low) {
                                        return Err(self.error("lone surrogate in `\\u` escape"));
                                    }
                                    0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                                }
                                0xDC00..=0xDFFF => {
                                    return Err(JsonError {
                                        offset: escape_start,
                                        message: "lone surrogate in `\\u` escape".to_owned(),
                                    });
                                }
                                other => other,
                            };
                            let c = char::from_u32(code)
                                .ok_or_else(|| self.error("invalid `\\u` escape"))?;
                            let mut buf = [0_u8; 4];
                            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                            continue;
                        }
                        _ => return Err(self.error("invalid escape sequence")),
                    };
                    self.pos += 1;
                    let mut buf = [0_u8; 4];
                    out.extend_from_slice(escaped.encode_utf8(&mut buf).as_bytes());
                }
                Some(_) => return Err(self.error("unescaped control character in a string")),
            }
        }
        String::from_utf8(out).map_err(|_| self.error("invalid UTF-8 in a string"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Value {
        parse(text).unwrap().value
    }

    fn err(text: &str) -> JsonError {
        parse(text).unwrap_err()
    }

    #[test]
    fn parses_every_value_type() {
        let v = ok(r#" {"a": [1, -2.50e+3, true, false, null, "x\u00e9\n\ud83d\ude00"]} "#);
        let Value::Object(members) = v else {
            panic!("object expected")
        };
        let (key, node) = &members[0];
        assert_eq!(key, "a");
        let Value::Array(items) = &node.value else {
            panic!("array expected")
        };
        let values: Vec<&Value> = items.iter().map(|n| &n.value).collect();
        assert_eq!(
            values,
            [
                &Value::Number("1".into()),
                &Value::Number("-2.50e+3".into()),
                &Value::Bool(true),
                &Value::Bool(false),
                &Value::Null,
                &Value::String("xé\n😀".into()),
            ]
        );
    }

    #[test]
    fn records_byte_ranges() {
        let node = parse("  [ {} ]").unwrap();
        assert_eq!((node.start, node.end), (2, 8));
        let Value::Array(items) = node.value else {
            panic!()
        };
        assert_eq!((items[0].start, items[0].end), (4, 6));
    }

    #[test]
    fn duplicate_keys_are_rejected_with_position() {
        let e = err(r#"{"Effect":"Allow","Effect":"Deny"}"#);
        assert_eq!(e.message, "duplicate key `Effect`");
        assert_eq!(e.offset, 18);
    }

    #[test]
    fn duplicate_keys_after_unescaping_are_rejected() {
        assert_eq!(err(r#"{"a":1,"\u0061":2}"#).message, "duplicate key `a`");
    }

    #[test]
    fn same_key_in_different_objects_is_fine() {
        ok(r#"[{"a":1},{"a":2}]"#);
    }

    #[test]
    fn rejects_malformed_documents() {
        for text in [
            "",
            " ",
            "{",
            "}",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            "1e",
            "-",
            "+1",
            ".5",
            "tru",
            "nul",
            "\"abc",
            "\"a\tb\"",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "{} {}",
            "{'a':1}",
            "{a:1}",
            "[1 2]",
            "NaN",
            "Infinity",
        ] {
            assert!(parse(text).is_err(), "`{text}` should be rejected");
        }
    }

    #[test]
    fn depth_limit_is_enforced_without_recursion_blowup() {
        let deep = "[".repeat(100_000);
        let e = err(&deep);
        assert!(e.message.contains("nesting deeper"), "{}", e.message);
        let ok_depth = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        ok(&ok_depth);
        let too_deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert!(parse(&too_deep).is_err());
    }

    #[test]
    fn non_ascii_text_is_kept() {
        assert_eq!(ok("\"żółw ☃\""), Value::String("żółw ☃".into()));
    }
}
