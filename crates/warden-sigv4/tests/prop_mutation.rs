//! Property: sign with the `aws-sigv4` crate then verify = accept; mutating any signed part
//! (method, path, query, a signed header value, body, date, signature) = reject.

#![allow(clippy::unwrap_used, reason = "tests may unwrap")]

mod common;

use common::aws::{SignWith, sign_request};
use common::{OwnedRequest, at};
use proptest::prelude::*;
use warden_sigv4::{ScopeRules, SecretKey, parse, payload_sha256};

const NOW: u64 = 1_714_564_800; // 20240501T120000Z
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[derive(Debug, Clone)]
struct Case {
    request: OwnedRequest,
    service: &'static str,
    region: String,
    token: Option<String>,
    presign: bool,
    skew: i64,
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop_oneof![Just("GET"), Just("POST")],
        prop::collection::vec("[a-zA-Z0-9_~-][a-zA-Z0-9._~-]{0,7}", 0..3),
        prop::collection::vec(("[A-Za-z0-9_.-]{1,6}", "[ -~]{0,8}"), 0..4),
        prop::collection::vec(("x-test-[a-z]{1,5}", "[!-~]([ -~]{0,8}[!-~])?"), 0..3),
        prop::collection::vec(any::<u8>(), 0..64),
        (
            prop_oneof![Just("iam"), Just("sts")],
            "[a-z]{2}-[a-z]{4,9}-[1-9]",
        ),
        prop::option::of("[A-Za-z0-9+/=]{16,64}"),
        any::<bool>(),
        -900i64..=900,
    )
        .prop_map(
            |(method, segments, params, extra, body, (service, region), token, presign, skew)| {
                let path = if segments.is_empty() {
                    "/".to_owned()
                } else {
                    segments.iter().map(|s| format!("/{s}")).collect()
                };
                let query = params
                    .iter()
                    .map(|(n, v)| format!("{}={}", encode(n), encode(v)))
                    .collect::<Vec<_>>()
                    .join("&");
                let mut headers = vec![("host".to_owned(), "iam.example.test:8443".to_owned())];
                for (n, v) in extra {
                    if !headers.iter().any(|(h, _)| *h == n) {
                        headers.push((n, v));
                    }
                }
                Case {
                    request: OwnedRequest {
                        method: method.to_owned(),
                        path,
                        query,
                        headers,
                        body: if presign { Vec::new() } else { body },
                    },
                    service,
                    region,
                    token,
                    presign,
                    skew,
                }
            },
        )
}

fn signed(c: &Case) -> OwnedRequest {
    sign_request(
        &c.request,
        &SignWith {
            access_key_id: "AKIAEXAMPLE",
            secret: SECRET,
            token: c.token.as_deref(),
            region: &c.region,
            service: c.service,
            time: at(NOW),
            presign: c.presign,
        },
    )
}

fn verify(r: &OwnedRequest, skew: i64) -> Result<(), String> {
    let headers = r.header_refs();
    let now = at(NOW.checked_add_signed(skew).unwrap());
    let parsed =
        parse(r.parts(&headers), &ScopeRules::new(&["iam", "sts"])).map_err(|e| e.message())?;
    parsed
        .verify(&SecretKey::new(SECRET), &payload_sha256(&r.body), now)
        .map(|_| ())
        .map_err(|e| e.message())
}

#[derive(Debug, Clone, Copy)]
enum Mutation {
    Method,
    Path,
    Query,
    SignedHeader,
    Body,
    Date,
    Signature,
}

fn flip_hex(s: &str, at: usize) -> String {
    s.char_indices()
        .map(|(i, c)| {
            if i == at {
                if c == '0' { '1' } else { '0' }
            } else {
                c
            }
        })
        .collect()
}

fn mutate(r: &OwnedRequest, m: Mutation, presign: bool) -> OwnedRequest {
    let mut r = r.clone();
    match m {
        Mutation::Method => {
            r.method = if r.method == "GET" {
                "POST".into()
            } else {
                "GET".into()
            }
        }
        Mutation::Path => r.path.push('x'),
        Mutation::Query => {
            if r.query.is_empty() {
                r.query = "extra=1".into();
            } else {
                r.query.push_str("&extra=1");
            }
        }
        Mutation::SignedHeader => {
            for (n, v) in &mut r.headers {
                if n == "host" {
                    v.push('x');
                }
            }
        }
        Mutation::Body => r.body.push(b'!'),
        Mutation::Date => {
            // One second later, same day (12:00:00 → 12:00:01).
            if presign {
                r.query = r
                    .query
                    .replace("X-Amz-Date=20240501T120000Z", "X-Amz-Date=20240501T120001Z");
            } else {
                for (n, v) in &mut r.headers {
                    if n == "x-amz-date" {
                        *v = "20240501T120001Z".into();
                    }
                }
            }
        }
        Mutation::Signature => {
            if presign {
                let pos = r.query.find("X-Amz-Signature=").unwrap() + "X-Amz-Signature=".len();
                r.query = flip_hex(&r.query, pos + 10);
            } else {
                for (n, v) in &mut r.headers {
                    if n == "authorization" {
                        let pos = v.find("Signature=").unwrap() + "Signature=".len();
                        *v = flip_hex(v, pos + 63);
                    }
                }
            }
        }
    }
    r
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn signed_requests_verify(c in case()) {
        let r = signed(&c);
        prop_assert_eq!(verify(&r, c.skew), Ok(()));
    }

    #[test]
    fn mutated_requests_are_rejected(
        c in case(),
        m in prop_oneof![
            Just(Mutation::Method), Just(Mutation::Path), Just(Mutation::Query),
            Just(Mutation::SignedHeader), Just(Mutation::Body), Just(Mutation::Date),
            Just(Mutation::Signature),
        ],
    ) {
        let r = signed(&c);
        prop_assert_eq!(verify(&r, c.skew), Ok(()));
        let mutated = mutate(&r, m, c.presign);
        prop_assert!(verify(&mutated, c.skew).is_err(), "{m:?} accepted");
    }
}
