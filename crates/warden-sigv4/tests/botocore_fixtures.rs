//! Requests signed by botocore (`testdata/sigv4/botocore/gen.py`, committed JSON): our
//! canonical request and string to sign equal botocore's, and verification accepts.

#![allow(
    clippy::unwrap_used,
    clippy::string_slice,
    reason = "tests may unwrap and slice fixed-format fixture text"
)]

mod common;

use std::fs;
use std::time::{Duration, UNIX_EPOCH};

use common::testdata;
use serde::Deserialize;
use warden_sigv4::{RequestParts, ScopeRules, SecretKey, parse, payload_sha256};

#[derive(Deserialize)]
struct Fixture {
    method: String,
    path: String,
    query: String,
    headers: Vec<(String, String)>,
    body: String,
    access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
    service: String,
    region: String,
    now: String,
    canonical_request: String,
    string_to_sign: String,
}

/// `YYYYMMDDTHHMMSSZ` → unix seconds via the crate's own parsing of a signed request is what
/// is under test, so compute it independently here (fixtures are all in 2024-05-01).
fn fixture_now(s: &str) -> std::time::SystemTime {
    assert_eq!(
        &s[..8],
        "20240501",
        "fixtures are generated at a fixed time"
    );
    let h: u64 = s[9..11].parse().unwrap();
    let m: u64 = s[11..13].parse().unwrap();
    let sec: u64 = s[13..15].parse().unwrap();
    // 2024-05-01T00:00:00Z
    UNIX_EPOCH + Duration::from_secs(1_714_521_600 + h * 3600 + m * 60 + sec)
}

fn check(name: &str) {
    let path = testdata().join("botocore").join(format!("{name}.json"));
    let f: Fixture = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    let headers: Vec<(&str, &str)> = f
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let parts = RequestParts {
        method: &f.method,
        path: &f.path,
        query: &f.query,
        headers: &headers,
    };
    let parsed = parse(parts, &ScopeRules::new(&["iam", "sts"])).unwrap();
    assert_eq!(parsed.access_key_id(), f.access_key_id);
    assert_eq!(parsed.session_token(), f.session_token.as_deref());
    assert_eq!(parsed.scope().service, f.service);
    assert_eq!(parsed.scope().region, f.region);
    let body = payload_sha256(f.body.as_bytes());
    assert_eq!(parsed.canonical_request(&body), f.canonical_request);
    assert_eq!(parsed.string_to_sign(&body), f.string_to_sign);
    let now = fixture_now(&f.now);
    // Accepted at signing time and at both ends of the 15-minute window.
    for skew in [0i64, 900, -900] {
        let at = if skew >= 0 {
            now + Duration::from_secs(skew.unsigned_abs())
        } else {
            now - Duration::from_secs(skew.unsigned_abs())
        };
        parsed
            .clone()
            .verify(&SecretKey::new(f.secret_access_key.clone()), &body, at)
            .unwrap();
    }
    // The same request with another secret is rejected.
    let err = parsed
        .verify(&SecretKey::new("not-the-secret"), &body, now)
        .unwrap_err();
    assert_eq!(err.code(), "SignatureDoesNotMatch");
}

macro_rules! fixtures {
    ($($test:ident: $name:expr;)*) => {
        const ALL: &[&str] = &[$($name),*];
        $( #[test] fn $test() { check($name); } )*
    };
}

fixtures! {
    iam_list_users: "iam-list-users";
    iam_list_users_session_token: "iam-list-users-session-token";
    iam_tag_user_plus_in_body: "iam-tag-user-plus-in-body";
    sts_get_caller_identity: "sts-get-caller-identity";
    sts_presigned_get_caller_identity: "sts-presigned-get-caller-identity";
    sts_presigned_long_term_key: "sts-presigned-long-term-key";
}

#[test]
fn every_fixture_is_listed() {
    let mut files: Vec<String> = fs::read_dir(testdata().join("botocore"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter_map(|n| n.strip_suffix(".json").map(str::to_owned))
        .collect();
    files.sort();
    let mut listed: Vec<String> = ALL.iter().map(|s| (*s).to_owned()).collect();
    listed.sort();
    assert_eq!(files, listed);
}

/// The form body's `+` is hashed as the byte `+`: decoding it to a space first (as a form
/// parser would) breaks the signature.
#[test]
fn form_body_plus_is_hashed_raw() {
    let path = testdata().join("botocore/iam-tag-user-plus-in-body.json");
    let f: Fixture = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    assert!(f.body.contains("hello+world"));
    let headers: Vec<(&str, &str)> = f
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let parts = RequestParts {
        method: &f.method,
        path: &f.path,
        query: &f.query,
        headers: &headers,
    };
    let parsed = parse(parts, &ScopeRules::new(&["iam"])).unwrap();
    let decoded = f.body.replace('+', " ");
    let err = parsed
        .verify(
            &SecretKey::new(f.secret_access_key.clone()),
            &payload_sha256(decoded.as_bytes()),
            fixture_now(&f.now),
        )
        .unwrap_err();
    assert_eq!(err.code(), "SignatureDoesNotMatch");
}
