//! AWS's SigV4 signing test suite (the CRT suite shipped with the `aws-sigv4` crate, copied to
//! `testdata/sigv4/<name>/`): canonical request, string to sign and signature, for the header
//! and the presigned-query form of each vector.

#![allow(clippy::unwrap_used, reason = "tests may unwrap")]

mod common;

use std::fs;

use common::{OwnedRequest, SUITE_TIME, at, testdata};
use warden_sigv4::{AuthForm, ScopeRules, SecretKey, parse, payload_sha256};

const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

fn read(name: &str, file: &str) -> String {
    fs::read_to_string(testdata().join(name).join(file)).unwrap()
}

fn check(name: &str, prefix: &str, form: AuthForm) {
    let request = OwnedRequest::from_raw(&read(name, &format!("{prefix}request.txt")));
    let headers = request.header_refs();
    let parts = request.parts(&headers);
    let parsed = parse(parts, &ScopeRules::new(&["service"])).unwrap();
    assert_eq!(parsed.form(), form);
    assert_eq!(parsed.access_key_id(), "AKIDEXAMPLE");
    let body_hash = payload_sha256(&request.body);
    assert_eq!(
        parsed.canonical_request(&body_hash),
        read(name, &format!("{prefix}canonical-request.txt"))
    );
    assert_eq!(
        parsed.string_to_sign(&body_hash),
        read(name, &format!("{prefix}string-to-sign.txt"))
    );
    let signature = read(name, &format!("{prefix}signature.txt"));
    assert!(
        request
            .headers
            .iter()
            .any(|(_, v)| v.contains(signature.trim()))
            || request.query.contains(signature.trim()),
        "the fixture request carries the expected signature"
    );
    let verified = parsed
        .verify(&SecretKey::new(SECRET), &body_hash, at(SUITE_TIME))
        .unwrap();
    assert_eq!(verified.scope().service, "service");
    assert_eq!(verified.scope().region, "us-east-1");
}

/// Vectors whose presigned form appends `X-Amz-Security-Token` *after* signing (the suite's
/// `omit_session_token` mode, used by IoT-style services). api.md §2.6 makes the token part of
/// the canonical query string, as botocore and the SDKs sign it for STS, so the presigned
/// variant must be rejected: see `unsigned_query_token_is_rejected`.
const HEADER_ONLY: &[&str] = &["post-sts-header-after"];

macro_rules! vectors {
    ($($test:ident: $name:expr;)*) => {
        const ALL: &[&str] = &[$($name),*];
        $(
            #[test]
            fn $test() {
                check($name, "", AuthForm::Header);
                if !HEADER_ONLY.contains(&$name) {
                    check($name, "query-", AuthForm::Query);
                }
            }
        )*
    };
}

vectors! {
    get_header_key_duplicate: "get-header-key-duplicate";
    get_header_value_multiline: "get-header-value-multiline";
    get_header_value_order: "get-header-value-order";
    get_header_value_trim: "get-header-value-trim";
    get_relative_relative_unnormalized: "get-relative-relative-unnormalized";
    get_relative_unnormalized: "get-relative-unnormalized";
    get_slash_dot_slash_unnormalized: "get-slash-dot-slash-unnormalized";
    get_slash_pointless_dot_unnormalized: "get-slash-pointless-dot-unnormalized";
    get_slash_unnormalized: "get-slash-unnormalized";
    get_slashes_unnormalized: "get-slashes-unnormalized";
    get_space_unnormalized: "get-space-unnormalized";
    get_unreserved: "get-unreserved";
    get_utf8: "get-utf8";
    get_vanilla: "get-vanilla";
    get_vanilla_empty_query_key: "get-vanilla-empty-query-key";
    get_vanilla_query: "get-vanilla-query";
    get_vanilla_query_order_encoded: "get-vanilla-query-order-encoded";
    get_vanilla_query_order_key_case: "get-vanilla-query-order-key-case";
    get_vanilla_query_unreserved: "get-vanilla-query-unreserved";
    get_vanilla_utf8_query: "get-vanilla-utf8-query";
    get_vanilla_with_session_token: "get-vanilla-with-session-token";
    post_header_key_case: "post-header-key-case";
    post_header_key_sort: "post-header-key-sort";
    post_header_value_case: "post-header-value-case";
    post_sts_header_after: "post-sts-header-after";
    post_sts_header_before: "post-sts-header-before";
    post_vanilla: "post-vanilla";
    post_vanilla_empty_query_value: "post-vanilla-empty-query-value";
    post_vanilla_query: "post-vanilla-query";
    post_x_www_form_urlencoded: "post-x-www-form-urlencoded";
    post_x_www_form_urlencoded_parameters: "post-x-www-form-urlencoded-parameters";
}

/// Every vector directory in `testdata/sigv4` is run by a test above.
#[test]
fn every_vector_directory_is_listed() {
    let mut dirs: Vec<String> = fs::read_dir(testdata())
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().join("context.json").exists())
        .map(|e| e.file_name().into_string().unwrap())
        .collect();
    dirs.sort();
    let mut listed: Vec<String> = ALL.iter().map(|s| (*s).to_owned()).collect();
    listed.sort();
    assert_eq!(dirs, listed);
}

/// The session-token vectors: token exposed, signed (header form, `before`) or not (`after`).
#[test]
fn session_token_signed_and_unsigned_are_exposed() {
    for (name, signed) in [
        ("post-sts-header-before", true),
        ("post-sts-header-after", false),
    ] {
        let request = OwnedRequest::from_raw(&read(name, "request.txt"));
        let headers = request.header_refs();
        let parsed = parse(request.parts(&headers), &ScopeRules::new(&["service"])).unwrap();
        assert!(parsed.session_token().unwrap().starts_with("AQoDYXdzEPT//"));
        assert_eq!(parsed.session_token_signed(), signed, "{name}");
    }
    let request = OwnedRequest::from_raw(&read("post-sts-header-after", "query-request.txt"));
    let headers = request.header_refs();
    let parsed = parse(request.parts(&headers), &ScopeRules::new(&["service"])).unwrap();
    // Percent-decoded from the query string.
    assert!(parsed.session_token().unwrap().ends_with("oLxBA=="));
}

#[test]
fn unsigned_query_token_is_rejected() {
    let request = OwnedRequest::from_raw(&read("post-sts-header-after", "query-request.txt"));
    let headers = request.header_refs();
    let parsed = parse(request.parts(&headers), &ScopeRules::new(&["service"])).unwrap();
    let err = parsed
        .verify(
            &SecretKey::new(SECRET),
            &payload_sha256(b""),
            at(SUITE_TIME),
        )
        .unwrap_err();
    assert_eq!(err.code(), "SignatureDoesNotMatch");
}
