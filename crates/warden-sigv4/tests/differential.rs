//! Differential tests: requests signed by the `aws-sigv4` crate (header and presigned forms,
//! with and without a session token, various regions, IAM and STS) verify.

#![allow(clippy::unwrap_used, reason = "tests may unwrap")]

mod common;

use std::time::Duration;

use common::aws::{SignWith, sign_request};
use common::{OwnedRequest, at};
use warden_sigv4::{AuthForm, ScopeRules, SecretKey, parse, payload_sha256, signing_key};

const NOW: u64 = 1_714_564_800; // 20240501T120000Z
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const TOKEN: &str = "IQoJb3JpZ2luX2VjEXAMPLE+token/with=chars_-";

fn form_post(host: &str, body: &str) -> OwnedRequest {
    OwnedRequest {
        method: "POST".into(),
        path: "/".into(),
        query: String::new(),
        headers: vec![
            ("host".into(), host.into()),
            (
                "content-type".into(),
                "application/x-www-form-urlencoded; charset=utf-8".into(),
            ),
        ],
        body: body.as_bytes().to_vec(),
    }
}

fn presign_get(host: &str, query: &str) -> OwnedRequest {
    OwnedRequest {
        method: "GET".into(),
        path: "/".into(),
        query: query.into(),
        headers: vec![("host".into(), host.into())],
        body: Vec::new(),
    }
}

fn roundtrip(req: &OwnedRequest, service: &str, region: &str, token: Option<&str>, presign: bool) {
    let with = SignWith {
        access_key_id: if token.is_some() {
            "ASIAEXAMPLE"
        } else {
            "AKIAEXAMPLE"
        },
        secret: SECRET,
        token,
        region,
        service,
        time: at(NOW),
        presign,
    };
    let signed = sign_request(req, &with);
    let headers = signed.header_refs();
    let parsed = parse(signed.parts(&headers), &ScopeRules::new(&["iam", "sts"])).unwrap();
    assert_eq!(
        parsed.form(),
        if presign {
            AuthForm::Query
        } else {
            AuthForm::Header
        }
    );
    assert_eq!(parsed.access_key_id(), with.access_key_id);
    assert_eq!(parsed.session_token(), token);
    assert_eq!(parsed.scope().service, service);
    assert_eq!(parsed.scope().region, region);
    assert_eq!(parsed.amz_date(), "20240501T120000Z");
    let body = payload_sha256(&signed.body);
    parsed.check_time(at(NOW + 60)).unwrap();
    let verified = parsed
        .clone()
        .verify(&SecretKey::new(SECRET), &body, at(NOW + 60))
        .unwrap();
    assert!(verified.payload_signed());
    // Same result through a cached signing key.
    let scope = parsed.scope();
    let key = signing_key(
        &SecretKey::new(SECRET),
        scope.date,
        scope.region,
        scope.service,
    );
    parsed.verify_with_key(&key, &body, at(NOW)).unwrap();
}

macro_rules! differential {
    ($($name:ident: $req:expr, $service:expr, $region:expr, $token:expr, $presign:expr;)*) => {$(
        #[test]
        fn $name() { roundtrip(&$req, $service, $region, $token, $presign); }
    )*};
}

differential! {
    iam_header_long_term: form_post("iam.amazonaws.com", "Action=ListUsers&Version=2010-05-08"), "iam", "us-east-1", None, false;
    iam_header_session_token: form_post("iam.amazonaws.com", "Action=ListUsers&Version=2010-05-08"), "iam", "us-east-1", Some(TOKEN), false;
    iam_header_other_region_port: form_post("localhost:4566", "Action=ListUsers&Version=2010-05-08"), "iam", "eu-central-1", None, false;
    sts_header_regional: form_post("sts.ap-northeast-1.amazonaws.com", "Action=GetCallerIdentity&Version=2011-06-15"), "sts", "ap-northeast-1", Some(TOKEN), false;
    sts_header_plus_body: form_post("sts.amazonaws.com", "Action=AssumeRole&RoleSessionName=a+b%2Bc&Version=2011-06-15"), "sts", "us-east-1", None, false;
    sts_presigned_long_term: presign_get("sts.amazonaws.com", "Action=GetCallerIdentity&Version=2011-06-15"), "sts", "us-east-1", None, true;
    sts_presigned_session_token: presign_get("sts.us-west-2.amazonaws.com", "Action=GetCallerIdentity&Version=2011-06-15"), "sts", "us-west-2", Some(TOKEN), true;
    iam_presigned_custom_region: presign_get("127.0.0.1:8080", "Action=ListUsers&Version=2010-05-08"), "iam", "local-1", None, true;
}

/// An extra signed header (EKS's `x-k8s-aws-id`) must be present with the signed value.
#[test]
fn presigned_extra_signed_header_must_match() {
    let mut req = presign_get(
        "sts.amazonaws.com",
        "Action=GetCallerIdentity&Version=2011-06-15",
    );
    req.headers
        .push(("x-k8s-aws-id".into(), "cluster-a".into()));
    let with = SignWith {
        access_key_id: "AKIAEXAMPLE",
        secret: SECRET,
        token: None,
        region: "us-east-1",
        service: "sts",
        time: at(NOW),
        presign: true,
    };
    let signed = sign_request(&req, &with);
    let check = |value: Option<&str>| {
        let mut r = signed.clone();
        r.headers.retain(|(n, _)| n != "x-k8s-aws-id");
        if let Some(v) = value {
            r.headers.push(("x-k8s-aws-id".into(), v.into()));
        }
        let headers = r.header_refs();
        let parsed = parse(r.parts(&headers), &ScopeRules::new(&["sts"])).unwrap();
        parsed
            .verify(&SecretKey::new(SECRET), &payload_sha256(b""), at(NOW))
            .map(|_| ())
            .map_err(|e| e.code())
    };
    assert_eq!(check(Some("cluster-a")), Ok(()));
    assert_eq!(check(Some("cluster-b")), Err("SignatureDoesNotMatch"));
    assert_eq!(check(None), Err("SignatureDoesNotMatch"));
}

/// Upper-case hex in the provided signature is accepted (api.md §2.5 step 4).
#[test]
fn upper_case_signature_accepted() {
    let req = form_post("iam.amazonaws.com", "Action=ListUsers&Version=2010-05-08");
    let with = SignWith {
        access_key_id: "AKIAEXAMPLE",
        secret: SECRET,
        token: None,
        region: "us-east-1",
        service: "iam",
        time: at(NOW),
        presign: false,
    };
    let mut signed = sign_request(&req, &with);
    for (n, v) in &mut signed.headers {
        if n == "authorization" {
            let (head, sig) = v.split_once("Signature=").unwrap();
            *v = format!("{head}Signature={}", sig.to_ascii_uppercase());
        }
    }
    let headers = signed.header_refs();
    let parsed = parse(signed.parts(&headers), &ScopeRules::new(&["iam"])).unwrap();
    parsed
        .verify(
            &SecretKey::new(SECRET),
            &payload_sha256(&signed.body),
            at(NOW),
        )
        .unwrap();
}

/// A cached key for another scope is refused rather than producing a confusing mismatch.
#[test]
fn cached_key_for_other_scope_is_refused() {
    let req = form_post("iam.amazonaws.com", "Action=ListUsers&Version=2010-05-08");
    let with = SignWith {
        access_key_id: "AKIAEXAMPLE",
        secret: SECRET,
        token: None,
        region: "us-east-1",
        service: "iam",
        time: at(NOW),
        presign: false,
    };
    let signed = sign_request(&req, &with);
    let headers = signed.header_refs();
    let parsed = parse(signed.parts(&headers), &ScopeRules::new(&["iam"])).unwrap();
    let key = signing_key(&SecretKey::new(SECRET), "20240501", "us-east-2", "iam");
    let err = parsed
        .verify_with_key(
            &key,
            &payload_sha256(&signed.body),
            at(NOW) + Duration::from_secs(1),
        )
        .unwrap_err();
    assert_eq!(err.reason(), warden_sigv4::Reason::SigningKeyScope);
    assert_eq!(err.code(), "SignatureDoesNotMatch");
}
