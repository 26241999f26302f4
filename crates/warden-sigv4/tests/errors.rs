//! Every rejection: AWS code, HTTP status and exact wire message (api.md §2.2-§2.9).

#![allow(clippy::unwrap_used, reason = "tests may unwrap")]

mod common;

use common::at;
use warden_sigv4::{
    ParsedRequest, Reason, RequestParts, ScopeRules, SecretKey, SigV4Error, parse, payload_sha256,
};

/// 20240501T120000Z
const T: u64 = 1_714_564_800;
const RULES: ScopeRules<'static> = ScopeRules::new(&["iam", "sts"]);
const SIG: &str = "0000000000000000000000000000000000000000000000000000000000000000";

fn auth(credential: &str) -> String {
    format!(
        "AWS4-HMAC-SHA256 Credential={credential}, SignedHeaders=host;x-amz-date, Signature={SIG}"
    )
}

fn parse_headers(
    headers: &[(&str, &str)],
    query: &str,
) -> Result<ParsedRequest<'static>, SigV4Error> {
    // Leak to get 'static borrows: fine in tests and keeps the call sites short.
    let headers: &'static [(&'static str, &'static str)] = Box::leak(
        headers
            .iter()
            .map(|(n, v)| {
                (
                    &*String::leak((*n).to_owned()),
                    &*String::leak((*v).to_owned()),
                )
            })
            .collect::<Vec<_>>()
            .into_boxed_slice(),
    );
    let parts = RequestParts {
        method: "POST",
        path: "/",
        query: String::leak(query.to_owned()),
        headers,
    };
    parse(parts, &RULES)
}

/// Asserts code, status, exact message and reason.
#[track_caller]
fn assert_error(err: &SigV4Error, code: &str, status: u16, message: &str, reason: Reason) {
    assert_eq!(err.code(), code);
    assert_eq!(err.http_status(), status);
    assert_eq!(err.message(), message);
    assert_eq!(err.to_string(), message);
    assert_eq!(err.reason(), reason);
}

macro_rules! parse_errors {
    ($($name:ident: headers $headers:expr, query $query:expr => $code:expr, $status:expr, $reason:expr, $message:expr;)*) => {$(
        #[test]
        fn $name() {
            let err = parse_headers(&$headers, $query).unwrap_err();
            assert_error(&err, $code, $status, &$message, $reason);
        }
    )*};
}

parse_errors! {
    missing_authentication: headers [("Host", "iam.amazonaws.com")], query ""
        => "MissingAuthenticationToken", 403, Reason::MissingAuthentication,
        "Request is missing Authentication Token";
    missing_all_components: headers [("Host", "h"), ("Authorization", "AWS4-HMAC-SHA256 Foo=bar")], query ""
        => "IncompleteSignature", 400, Reason::MissingComponents,
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256 Foo=bar";
    missing_signature_only: headers [("Host", "h"), ("X-Amz-Date", "20240501T120000Z"), ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIA/20240501/us-east-1/iam/aws4_request, SignedHeaders=host")], query ""
        => "IncompleteSignature", 400, Reason::MissingComponents,
        "Authorization header requires 'Signature' parameter. Authorization=AWS4-HMAC-SHA256 Credential=AKIA/20240501/us-east-1/iam/aws4_request, SignedHeaders=host";
    missing_signed_headers_and_date: headers [("Host", "h"), ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIA/20240501/us-east-1/iam/aws4_request, Signature=00")], query ""
        => "IncompleteSignature", 400, Reason::MissingComponents,
        "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256 Credential=AKIA/20240501/us-east-1/iam/aws4_request, Signature=00";
    missing_date_only: headers [("Host", "h"), ("Authorization", &*auth("AKIA/20240501/us-east-1/iam/aws4_request"))], query ""
        => "IncompleteSignature", 400, Reason::MissingComponents,
        format!("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization={}", auth("AKIA/20240501/us-east-1/iam/aws4_request"));
    component_without_equal_sign: headers [("Host", "h"), ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIA/20240501/us-east-1/iam/aws4_request, SignedHeaders, Signature=00")], query ""
        => "IncompleteSignature", 400, Reason::MissingEqualSign,
        "'SignedHeaders' not a valid key=value pair (missing equal-sign) in Authorization header: 'AWS4-HMAC-SHA256 Credential=AKIA/20240501/us-east-1/iam/aws4_request, SignedHeaders, Signature=00'.";
    wrong_algorithm: headers [("Host", "h"), ("X-Amz-Date", "20240501T120000Z"), ("Authorization", "AWS4-ECDSA-P256-SHA256 Credential=AKIA/20240501/iam/aws4_request, SignedHeaders=host, Signature=00")], query ""
        => "IncompleteSignature", 400, Reason::UnsupportedAlgorithm,
        "Unsupported AWS 'algorithm': 'AWS4-ECDSA-P256-SHA256'.";
    sigv2_style_header: headers [("Host", "h"), ("Authorization", "AWS AKIA:c2lnbmF0dXJl")], query ""
        => "IncompleteSignature", 400, Reason::UnsupportedAlgorithm,
        "Unsupported AWS 'algorithm': 'AWS'.";
    wrong_algorithm_query: headers [("Host", "h")], query "X-Amz-Algorithm=AWS4-HMAC-SHA1&X-Amz-Credential=AKIA%2F20240501%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Date=20240501T120000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=00"
        => "IncompleteSignature", 400, Reason::UnsupportedAlgorithm,
        "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA1'.";
    both_auth_forms: headers [("Host", "h"), ("X-Amz-Date", "20240501T120000Z"), ("Authorization", &*auth("AKIA/20240501/us-east-1/iam/aws4_request"))], query "X-Amz-Algorithm=AWS4-HMAC-SHA256"
        => "IncompleteSignature", 400, Reason::BothAuthForms,
        "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified";
    credential_too_few_parts: headers [("Host", "h"), ("X-Amz-Date", "20240501T120000Z"), ("Authorization", &*auth("AKIA/20240501/us-east-1/aws4_request"))], query ""
        => "IncompleteSignature", 400, Reason::MalformedCredential,
        "Credential must have the form '<AccessKeyId>/<yyyymmdd>/<region>/<service>/aws4_request', got 'AKIA/20240501/us-east-1/aws4_request'.";
    credential_too_many_parts: headers [("Host", "h"), ("X-Amz-Date", "20240501T120000Z"), ("Authorization", &*auth("AKIA/x/20240501/us-east-1/iam/aws4_request"))], query ""
        => "IncompleteSignature", 400, Reason::MalformedCredential,
        "Credential must have the form '<AccessKeyId>/<yyyymmdd>/<region>/<service>/aws4_request', got 'AKIA/x/20240501/us-east-1/iam/aws4_request'.";
    unparseable_amz_date: headers [("Host", "h"), ("X-Amz-Date", "2024-05-01T12:00:00Z"), ("Authorization", &*auth("AKIA/20240501/us-east-1/iam/aws4_request"))], query ""
        => "IncompleteSignature", 400, Reason::MalformedDate,
        "Date must be in ISO-8601 'basic format'. Got '2024-05-01T12:00:00Z'. See http://en.wikipedia.org/wiki/ISO_8601";
    unparseable_date_header: headers [("Host", "h"), ("Date", "yesterday"), ("Authorization", &*auth("AKIA/20240501/us-east-1/iam/aws4_request"))], query ""
        => "IncompleteSignature", 400, Reason::MalformedDate,
        "Date header 'yesterday' is not a valid HTTP date.";
    query_missing_parameters: headers [("Host", "h")], query "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20240501T120000Z&X-Amz-SignedHeaders=host"
        => "IncompleteSignature", 400, Reason::MissingQueryParameters,
        "AWS query-string parameters must include 'X-Amz-Credential', 'X-Amz-Signature'. Re-examine the query-string parameters.";
    scope_date_mismatch: headers [("Host", "h"), ("X-Amz-Date", "20240501T120000Z"), ("Authorization", &*auth("AKIA/20240430/us-east-1/iam/aws4_request"))], query ""
        => "SignatureDoesNotMatch", 403, Reason::ScopeDate,
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20240430' != '20240501', from '20240501T120000Z'.";
    scope_date_from_date_header: headers [("Host", "h"), ("Date", "Wed, 01 May 2024 12:00:00 GMT"), ("Authorization", &*auth("AKIA/20240502/us-east-1/iam/aws4_request"))], query ""
        => "SignatureDoesNotMatch", 403, Reason::ScopeDate,
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20240502' != '20240501', from '20240501T120000Z'.";
    scope_terminator: headers [("Host", "h"), ("X-Amz-Date", "20240501T120000Z"), ("Authorization", &*auth("AKIA/20240501/us-east-1/iam/aws5_request"))], query ""
        => "SignatureDoesNotMatch", 403, Reason::ScopeTerminator,
        "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'.";
    scope_service: headers [("Host", "h"), ("X-Amz-Date", "20240501T120000Z"), ("Authorization", &*auth("AKIA/20240501/us-east-1/s3/aws4_request"))], query ""
        => "SignatureDoesNotMatch", 403, Reason::ScopeService,
        "Credential should be scoped to correct service: 'iam'. ";
    scope_region_upper_case: headers [("Host", "h"), ("X-Amz-Date", "20240501T120000Z"), ("Authorization", &*auth("AKIA/20240501/US-EAST-1/iam/aws4_request"))], query ""
        => "SignatureDoesNotMatch", 403, Reason::ScopeRegion,
        "Credential should be scoped to a valid region. ";
    scope_region_empty: headers [("Host", "h"), ("X-Amz-Date", "20240501T120000Z"), ("Authorization", &*auth("AKIA/20240501//iam/aws4_request"))], query ""
        => "SignatureDoesNotMatch", 403, Reason::ScopeRegion,
        "Credential should be scoped to a valid region. ";
    scope_region_too_long: headers [("Host", "h"), ("X-Amz-Date", "20240501T120000Z"), ("Authorization", &*auth(&format!("AKIA/20240501/{}/iam/aws4_request", "a".repeat(33))))], query ""
        => "SignatureDoesNotMatch", 403, Reason::ScopeRegion,
        "Credential should be scoped to a valid region. ";
    host_not_signed: headers [("Host", "h"), ("X-Amz-Date", "20240501T120000Z"), ("Authorization", &*format!("AWS4-HMAC-SHA256 Credential=AKIA/20240501/us-east-1/iam/aws4_request, SignedHeaders=x-amz-date, Signature={SIG}"))], query ""
        => "SignatureDoesNotMatch", 403, Reason::HostNotSigned,
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
}

#[test]
fn region_32_chars_accepted_and_allow_list_applies() {
    let region = "a".repeat(32);
    let cred = format!("AKIA/20240501/{region}/iam/aws4_request");
    let p = parse_headers(
        &[
            ("Host", "h"),
            ("X-Amz-Date", "20240501T120000Z"),
            ("Authorization", &auth(&cred)),
        ],
        "",
    )
    .unwrap();
    assert_eq!(p.scope().region, region);

    let headers = [
        ("Host", "h"),
        ("X-Amz-Date", "20240501T120000Z"),
        (
            "Authorization",
            &*auth("AKIA/20240501/eu-west-1/sts/aws4_request"),
        ),
    ];
    let parts = RequestParts {
        method: "POST",
        path: "/",
        query: "",
        headers: &headers,
    };
    let rules = ScopeRules::new(&["sts"]).with_allowed_regions(&["us-east-1"]);
    let err = parse(parts, &rules).unwrap_err();
    assert_eq!(err.reason(), Reason::ScopeRegion);
    let rules = ScopeRules::new(&["sts"]).with_allowed_regions(&["eu-west-1"]);
    assert_eq!(parse(parts, &rules).unwrap().scope().service, "sts");
}

fn valid() -> ParsedRequest<'static> {
    parse_headers(
        &[
            ("Host", "h"),
            ("X-Amz-Date", "20240501T120000Z"),
            (
                "Authorization",
                &auth("AKIA/20240501/us-east-1/iam/aws4_request"),
            ),
        ],
        "",
    )
    .unwrap()
}

macro_rules! time_window {
    ($($name:ident: now $now:expr => $expected:expr;)*) => {$(
        #[test]
        fn $name() {
            let result = valid().check_time(at($now)).map_err(|e| (e.code(), e.http_status(), e.message()));
            let expected: Result<(), (&str, u16, &str)> = $expected;
            assert_eq!(result, expected.map_err(|(c, s, m)| (c, s, m.to_owned())));
        }
    )*};
}

time_window! {
    time_exact: now T => Ok(());
    time_past_boundary_inclusive: now T + 900 => Ok(());
    time_future_boundary_inclusive: now T - 900 => Ok(());
    time_past_one_second_over: now T + 901 => Err(("SignatureDoesNotMatch", 403,
        "Signature expired: 20240501T120000Z is now earlier than 20240501T120001Z (20240501T121501Z - 15 min.)"));
    time_future_one_second_over: now T - 901 => Err(("SignatureDoesNotMatch", 403,
        "Signature not yet current: 20240501T120000Z is still later than 20240501T115959Z (20240501T114459Z + 15 min.)"));
}

/// The example from the brief: request at 11:59:00, now 12:16:00.
#[test]
fn time_expired_message_matches_aws_example() {
    let p = parse_headers(
        &[
            ("Host", "h"),
            ("X-Amz-Date", "20240501T115900Z"),
            (
                "Authorization",
                &auth("AKIA/20240501/us-east-1/iam/aws4_request"),
            ),
        ],
        "",
    )
    .unwrap();
    let err = p.check_time(at(T + 16 * 60)).unwrap_err();
    assert_error(
        &err,
        "SignatureDoesNotMatch",
        403,
        "Signature expired: 20240501T115900Z is now earlier than 20240501T120100Z (20240501T121600Z - 15 min.)",
        Reason::Expired,
    );
    // verify applies the window as well, before touching the signature.
    let err = p
        .verify(&SecretKey::new("s"), &payload_sha256(b""), at(T + 16 * 60))
        .unwrap_err();
    assert_eq!(err.reason(), Reason::Expired);
}

#[test]
fn presigned_window_ignores_x_amz_expires() {
    let p = parse_headers(
        &[("Host", "h")],
        "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20240501%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Date=20240501T120000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Signature=00",
    )
    .unwrap();
    p.check_time(at(T + 900)).unwrap();
    assert_eq!(
        p.check_time(at(T + 901)).unwrap_err().reason(),
        Reason::Expired
    );
}

#[test]
fn signature_mismatch_message_and_private_detail() {
    let err = valid()
        .verify(&SecretKey::new("secret"), &payload_sha256(b""), at(T))
        .unwrap_err();
    assert_error(
        &err,
        "SignatureDoesNotMatch",
        403,
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
        Reason::Mismatch,
    );
    let detail = err.log_detail().unwrap();
    assert!(
        detail.contains("The Canonical String for this request should have been\n'POST\n/\n"),
        "{detail}"
    );
    assert!(detail.contains("The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20240501T120000Z\n20240501/us-east-1/iam/aws4_request\n"), "{detail}");
    assert!(!err.message().contains("Canonical"));
    assert!(err.message_with_debug().starts_with(&err.message()));
    assert!(err.message_with_debug().ends_with("'\n"));
}

#[test]
fn malformed_signature_is_a_mismatch() {
    let p = parse_headers(
        &[("Host", "h"), ("X-Amz-Date", "20240501T120000Z"), ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIA/20240501/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=xyz")],
        "",
    )
    .unwrap();
    let err = p
        .verify(&SecretKey::new("s"), &payload_sha256(b""), at(T))
        .unwrap_err();
    assert_eq!(err.code(), "SignatureDoesNotMatch");
    assert_eq!(err.reason(), Reason::MalformedSignature);
}

#[test]
fn content_sha256_must_match_body() {
    let p = parse_headers(
        &[
            ("Host", "h"),
            ("X-Amz-Date", "20240501T120000Z"),
            ("x-amz-content-sha256", &hex_of(b"other")),
            (
                "Authorization",
                &auth("AKIA/20240501/us-east-1/iam/aws4_request"),
            ),
        ],
        "",
    )
    .unwrap();
    let err = p
        .verify(&SecretKey::new("s"), &payload_sha256(b"body"), at(T))
        .unwrap_err();
    assert_eq!(err.code(), "SignatureDoesNotMatch");
    assert_eq!(err.reason(), Reason::PayloadHashMismatch);
}

#[test]
fn content_sha256_is_used_verbatim_in_canonical_request() {
    let p = parse_headers(
        &[
            ("Host", "h"),
            ("X-Amz-Date", "20240501T120000Z"),
            ("x-amz-content-sha256", "UNSIGNED-PAYLOAD"),
            (
                "Authorization",
                &auth("AKIA/20240501/us-east-1/iam/aws4_request"),
            ),
        ],
        "",
    )
    .unwrap();
    assert!(
        p.canonical_request(&payload_sha256(b"body"))
            .ends_with("\nhost;x-amz-date\nUNSIGNED-PAYLOAD")
    );
}

fn hex_of(b: &[u8]) -> String {
    payload_sha256(b)
        .iter()
        .map(|x| format!("{x:02x}"))
        .collect()
}

#[test]
fn caller_side_errors() {
    let e = SigV4Error::invalid_client_token_id("no such key AKIA…");
    assert_error(
        &e,
        "InvalidClientTokenId",
        403,
        "The security token included in the request is invalid.",
        Reason::InvalidToken,
    );
    assert_eq!(e.log_detail(), Some("no such key AKIA…"));
    let e = SigV4Error::expired_token();
    assert_error(
        &e,
        "ExpiredToken",
        403,
        "The security token included in the request is expired",
        Reason::ExpiredToken,
    );
}

#[test]
fn unknown_components_ignored_and_order_free() {
    let p = parse_headers(
        &[("Host", "h"), ("X-Amz-Date", "20240501T120000Z"), ("Authorization", &format!("AWS4-HMAC-SHA256 Signature={SIG},Foo=bar,  SignedHeaders=host;x-amz-date,Credential=AKIA/20240501/us-east-1/iam/aws4_request"))],
        "",
    )
    .unwrap();
    assert_eq!(p.access_key_id(), "AKIA");
    assert_eq!(p.signed_headers(), "host;x-amz-date");
}
