//! Lenient PEM block extraction (RFC 7468 "lax" parsing).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// One PEM block: its label (`CERTIFICATE`, `PRIVATE KEY`, …) and the decoded DER.
#[derive(Debug, Eq, PartialEq)]
pub(crate) struct Block {
    pub(crate) label: String,
    pub(crate) der: Vec<u8>,
}

/// Every block of `text`, in order. `None` when a block is unterminated, its END label
/// differs from its BEGIN label, or its content is not base64; text between blocks is
/// ignored (RFC 7468 §2 allows explanatory text).
pub(crate) fn blocks(text: &str) -> Option<Vec<Block>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        let after_begin = rest.get(start + "-----BEGIN ".len()..)?;
        let label_end = after_begin.find("-----")?;
        let label = after_begin.get(..label_end)?;
        let body_and_rest = after_begin.get(label_end + "-----".len()..)?;
        let end_marker = format!("-----END {label}-----");
        let body_end = body_and_rest.find(&end_marker)?;
        let body = body_and_rest.get(..body_end)?;
        if body.contains("-----") {
            return None;
        }
        let compact: String = body.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        // Encapsulated headers (`Proc-Type: 4,ENCRYPTED`) mark legacy encrypted keys: they
        // are not base64, so they fail here, as an unreadable key should.
        let der = STANDARD.decode(compact.as_bytes()).ok()?;
        if der.is_empty() {
            return None;
        }
        out.push(Block {
            label: label.to_owned(),
            der,
        });
        rest = body_and_rest.get(body_end + end_marker.len()..)?;
    }
    Some(out)
}

/// Wraps DER as PEM with 64-character lines and a final newline.
pub(crate) fn encode(label: &str, der: &[u8]) -> String {
    let b64 = STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    let mut line = String::with_capacity(64);
    for c in b64.chars() {
        line.push(c);
        if line.len() == 64 {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
    }
    if !line.is_empty() {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]
    use super::*;

    #[test]
    fn reads_blocks_with_surrounding_text_and_any_wrapping() {
        let text = "Bag Attributes\n-----BEGIN A-----\nAAEC\nAw==\n-----END A-----\nx\n-----BEGIN B-----\r\nBA==\r\n-----END B-----";
        let got = blocks(text).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].label, "A");
        assert_eq!(got[0].der, vec![0, 1, 2, 3]);
        assert_eq!(got[1].label, "B");
        assert_eq!(got[1].der, vec![4]);
    }

    #[test]
    fn refuses_broken_blocks() {
        assert!(blocks("-----BEGIN A-----\nAAEC\n").is_none());
        assert!(blocks("-----BEGIN A-----\nAAEC\n-----END B-----").is_none());
        assert!(blocks("-----BEGIN A-----\n!!!\n-----END A-----").is_none());
        assert!(blocks("-----BEGIN A-----\n\n-----END A-----").is_none());
        assert_eq!(blocks("no pem here").unwrap(), Vec::new());
    }

    #[test]
    fn encode_round_trips() {
        let der: Vec<u8> = (0..=200).collect();
        let text = encode("PUBLIC KEY", &der);
        assert!(text.lines().all(|l| l.len() <= 64));
        assert_eq!(blocks(&text).unwrap()[0].der, der);
    }
}
