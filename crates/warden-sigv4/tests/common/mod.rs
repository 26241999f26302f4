//! Shared test helpers: an owned request and a parser for the test suite's raw HTTP files.

#![allow(
    dead_code,
    unreachable_pub,
    reason = "each test binary uses a different subset"
)]

use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use warden_sigv4::RequestParts;

pub mod aws;

/// An HTTP request owning its parts.
#[derive(Debug, Clone)]
pub struct OwnedRequest {
    pub method: String,
    pub path: String,
    pub query: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl OwnedRequest {
    /// Borrowed header pairs, to build [`RequestParts`].
    pub fn header_refs(&self) -> Vec<(&str, &str)> {
        self.headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect()
    }

    pub fn parts<'a>(&'a self, headers: &'a [(&'a str, &'a str)]) -> RequestParts<'a> {
        RequestParts {
            method: &self.method,
            path: &self.path,
            query: &self.query,
            headers,
        }
    }

    /// Parses a raw HTTP/1.1 request as in the AWS signing test suite: `METHOD target
    /// HTTP/1.1`, `Name:value` headers (continuation lines start with whitespace), a blank
    /// line, the body.
    pub fn from_raw(raw: &str) -> Self {
        let (head, body) = match raw.split_once("\n\n") {
            Some((h, b)) => (h, b),
            None => (raw, ""),
        };
        let mut lines = head.lines();
        let request_line = lines.next().unwrap();
        let (method, target) = request_line.split_once(' ').unwrap();
        let target = target.strip_suffix(" HTTP/1.1").unwrap_or(target);
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        let mut headers: Vec<(String, String)> = Vec::new();
        for line in lines {
            if line.starts_with(' ') || line.starts_with('\t') {
                let last = headers.last_mut().unwrap();
                last.1.push('\n');
                last.1.push_str(line);
            } else {
                let (n, v) = line.split_once(':').unwrap();
                headers.push((n.to_owned(), v.trim_start().to_owned()));
            }
        }
        let mut body = body.as_bytes().to_vec();
        if let Some((_, len)) = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        {
            body.truncate(len.trim().parse().unwrap());
        } else {
            body.clear();
        }
        Self {
            method: method.to_owned(),
            path: path.to_owned(),
            query: query.to_owned(),
            headers,
            body,
        }
    }
}

/// `testdata/sigv4` at the workspace root.
pub fn testdata() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/sigv4")
}

/// Unix seconds to `SystemTime`.
pub fn at(secs: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(secs)
}

/// `20150830T123600Z`, the suite's signing time.
pub const SUITE_TIME: u64 = 1_440_938_160;
