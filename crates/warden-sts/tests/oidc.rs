//! OIDC ID-token verification (api.md §6.3): tokens signed with our own RSA/EC test keys.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers build tokens from fixed, known-good keys"
)]

#[path = "support/keys.rs"]
mod keys;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use hmac::Mac;
use rsa::pkcs8::DecodePrivateKey;
use rsa::signature::{SignatureEncoding, Signer};
use rsa::traits::PublicKeyParts;
use serde_json::{Value, json};
use warden_sts::Federation;
use warden_sts::oidc::{
    Jwks, OidcError, OidcProvider, issuer_url, token_issuer, verify_web_identity_token,
};
use warden_sts::rules::TagError;

const NOW: i64 = 1_790_000_000;
const ISS: &str = "https://token.actions.githubusercontent.com";

fn rsa_key(b64: &str) -> rsa::RsaPrivateKey {
    rsa::RsaPrivateKey::from_pkcs8_der(&STANDARD.decode(b64).unwrap()).unwrap()
}

fn ec_key(seed: u8) -> p256::ecdsa::SigningKey {
    p256::ecdsa::SigningKey::from_bytes(&[seed; 32].into()).unwrap()
}

fn rsa_jwk(key: &rsa::RsaPrivateKey, kid: &str) -> Value {
    json!({
        "kty": "RSA", "kid": kid, "use": "sig", "alg": "RS256",
        "n": URL_SAFE_NO_PAD.encode(key.n().to_bytes_be()),
        "e": URL_SAFE_NO_PAD.encode(key.e().to_bytes_be()),
    })
}

fn ec_jwk(key: &p256::ecdsa::SigningKey, kid: &str) -> Value {
    let point = key.verifying_key().to_encoded_point(false);
    json!({
        "kty": "EC", "crv": "P-256", "kid": kid,
        "x": URL_SAFE_NO_PAD.encode(point.x().unwrap()),
        "y": URL_SAFE_NO_PAD.encode(point.y().unwrap()),
    })
}

fn jwks() -> Jwks {
    let doc = json!({"keys": [
        rsa_jwk(&rsa_key(keys::RSA_A), "rsa-a"),
        {"kty": "RSA", "kid": "enc", "use": "enc", "n": "AQAB", "e": "AQAB"},
        ec_jwk(&ec_key(7), "ec-1"),
        rsa_jwk(&rsa_key(keys::RSA_SMALL), "rsa-small"),
        {"kty": "OKP", "crv": "Ed25519", "kid": "ed", "x": "AAAA"},
    ]});
    Jwks::parse(&doc.to_string()).unwrap()
}

fn provider() -> OidcProvider {
    OidcProvider {
        url: "token.actions.githubusercontent.com".into(),
        arn: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com".into(),
        client_ids: vec!["sts.amazonaws.com".into(), "other-client".into()],
        thumbprints: vec!["6938fd4d98bab03faadb97b34396831e3780aea1".into()],
    }
}

fn claims() -> Value {
    json!({
        "iss": ISS,
        "sub": "repo:octo-org/octo-repo:ref:refs/heads/main",
        "aud": "sts.amazonaws.com",
        "iat": NOW - 10,
        "nbf": NOW - 10,
        "exp": NOW + 300,
    })
}

enum Signer_ {
    Rsa(&'static str, &'static str),
    Ec(u8),
}

fn encode(header: &Value, claims: &Value) -> String {
    format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    )
}

fn sign(alg: &str, kid: Option<&str>, signer: Signer_, claims: &Value) -> String {
    let mut header = json!({"alg": alg, "typ": "JWT"});
    if let Some(kid) = kid {
        header["kid"] = json!(kid);
    }
    let input = encode(&header, claims);
    let sig = match signer {
        Signer_::Rsa(key, hash) => {
            let key = rsa_key(key);
            match hash {
                "RS384" => rsa::pkcs1v15::SigningKey::<sha2::Sha384>::new(key)
                    .sign(input.as_bytes())
                    .to_vec(),
                "RS512" => rsa::pkcs1v15::SigningKey::<sha2::Sha512>::new(key)
                    .sign(input.as_bytes())
                    .to_vec(),
                _ => rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(key)
                    .sign(input.as_bytes())
                    .to_vec(),
            }
        }
        Signer_::Ec(seed) => {
            let sig: p256::ecdsa::Signature = ec_key(seed).sign(input.as_bytes());
            sig.to_bytes().to_vec()
        }
    };
    format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig))
}

fn rs256(claims: &Value) -> String {
    sign(
        "RS256",
        Some("rsa-a"),
        Signer_::Rsa(keys::RSA_A, "RS256"),
        claims,
    )
}

fn check(token: &str) -> Result<warden_sts::oidc::WebIdentityClaims, OidcError> {
    verify_web_identity_token(token, &provider(), &jwks(), NOW)
}

#[test]
fn a_valid_rs256_token_verifies() {
    let got = check(&rs256(&claims())).unwrap();
    assert_eq!(got.subject, "repo:octo-org/octo-repo:ref:refs/heads/main");
    assert_eq!(got.audience, "sts.amazonaws.com");
    assert_eq!(got.issuer, ISS);
    assert_eq!(got.expires_at, NOW + 300);
    assert!(got.tags.is_empty());
}

#[test]
fn a_valid_es256_token_verifies() {
    let token = sign("ES256", Some("ec-1"), Signer_::Ec(7), &claims());
    assert!(check(&token).is_ok());
}

#[test]
fn rs384_and_rs512_verify_with_a_key_without_alg() {
    let key = rsa_key(keys::RSA_A);
    let mut jwk = rsa_jwk(&key, "k");
    jwk.as_object_mut().unwrap().remove("alg");
    let set = Jwks::parse(&json!({ "keys": [jwk] }).to_string()).unwrap();
    for alg in ["RS256", "RS384", "RS512"] {
        let token = sign(alg, Some("k"), Signer_::Rsa(keys::RSA_A, alg), &claims());
        assert!(
            verify_web_identity_token(&token, &provider(), &set, NOW).is_ok(),
            "{alg}"
        );
    }
}

#[test]
fn a_one_key_set_serves_tokens_without_kid() {
    let set = Jwks::parse(&json!({"keys": [ec_jwk(&ec_key(7), "only")]}).to_string()).unwrap();
    let token = sign("ES256", None, Signer_::Ec(7), &claims());
    assert!(verify_web_identity_token(&token, &provider(), &set, NOW).is_ok());
    // With several keys a kid is required.
    assert_eq!(check(&token).unwrap_err(), OidcError::KeyUnavailable);
}

macro_rules! reject_cases {
    ($($name:ident: $token:expr => $want:expr;)*) => {$(
        #[test]
        fn $name() {
            let token: String = $token;
            assert_eq!(check(&token).unwrap_err(), $want);
        }
    )*};
}

fn with(f: impl FnOnce(&mut Value)) -> Value {
    let mut c = claims();
    f(&mut c);
    c
}

/// The valid RS256 token with its signature replaced by one of the other key.
fn forged() -> String {
    let good = rs256(&claims());
    let other = sign(
        "RS256",
        Some("rsa-a"),
        Signer_::Rsa(keys::RSA_B, "RS256"),
        &claims(),
    );
    let (input, _) = good.rsplit_once('.').unwrap();
    format!("{input}.{}", other.rsplit_once('.').unwrap().1)
}

/// The valid token with one payload claim altered after signing.
fn tampered() -> String {
    let good = rs256(&claims());
    let parts: Vec<&str> = good.split('.').collect();
    let payload = URL_SAFE_NO_PAD.encode(with(|c| c["sub"] = json!("repo:evil/repo")).to_string());
    format!("{}.{payload}.{}", parts[0], parts[2])
}

/// HS256 "signed" with the RSA public key material as the HMAC secret.
fn hs256_with_public_key() -> String {
    let input = encode(&json!({"alg": "HS256", "kid": "rsa-a"}), &claims());
    let secret = rsa_jwk(&rsa_key(keys::RSA_A), "rsa-a").to_string();
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(input.as_bytes());
    format!(
        "{input}.{}",
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    )
}

fn unsupported(alg: &str) -> OidcError {
    OidcError::UnsupportedAlgorithm(alg.to_owned())
}

reject_cases! {
    reject_forged_signature: forged() => OidcError::BadSignature;
    reject_tampered_payload: tampered() => OidcError::BadSignature;
    reject_signed_by_other_key_with_its_kid: sign("RS256", Some("rsa-a"), Signer_::Rsa(keys::RSA_B, "RS256"), &claims()) => OidcError::BadSignature;
    reject_unknown_kid: sign("RS256", Some("nope"), Signer_::Rsa(keys::RSA_A, "RS256"), &claims()) => OidcError::KeyUnavailable;
    reject_encryption_key: sign("RS256", Some("enc"), Signer_::Rsa(keys::RSA_A, "RS256"), &claims()) => OidcError::KeyUnavailable;
    reject_unsupported_key_type: sign("RS256", Some("ed"), Signer_::Rsa(keys::RSA_A, "RS256"), &claims()) => OidcError::BadSignature;
    reject_small_rsa_key: sign("RS256", Some("rsa-small"), Signer_::Rsa(keys::RSA_SMALL, "RS256"), &claims()) => OidcError::KeyUnavailable;
    reject_alg_mismatching_the_key: sign("RS384", Some("rsa-a"), Signer_::Rsa(keys::RSA_A, "RS384"), &claims()) => OidcError::BadSignature;
    reject_es256_with_rsa_kid: sign("ES256", Some("rsa-a"), Signer_::Ec(7), &claims()) => OidcError::BadSignature;
    reject_es256_wrong_ec_key: sign("ES256", Some("ec-1"), Signer_::Ec(8), &claims()) => OidcError::BadSignature;
    reject_alg_none: format!("{}.", encode(&json!({"alg": "none"}), &claims())) => unsupported("none");
    reject_alg_none_with_signature: format!("{}.c2ln", encode(&json!({"alg": "none", "kid": "rsa-a"}), &claims())) => unsupported("none");
    reject_hs256_with_public_key: hs256_with_public_key() => unsupported("HS256");
    reject_es512: format!("{}.AAAA", encode(&json!({"alg": "ES512", "kid": "ec-1"}), &claims())) => unsupported("ES512");
    reject_es384_with_p256_key: format!("{}.AAAA", encode(&json!({"alg": "ES384", "kid": "ec-1"}), &claims())) => OidcError::BadSignature;
    reject_expired: rs256(&with(|c| c["exp"] = json!(NOW - 61))) => OidcError::Expired { now: NOW, exp: NOW - 61 };
    reject_missing_exp: rs256(&with(|c| { c.as_object_mut().unwrap().remove("exp"); })) => OidcError::MissingClaim("exp");
    reject_not_yet_valid: rs256(&with(|c| c["nbf"] = json!(NOW + 61))) => OidcError::NotYetValid;
    reject_issued_in_future: rs256(&with(|c| c["iat"] = json!(NOW + 3600))) => OidcError::NotYetValid;
    reject_wrong_audience: rs256(&with(|c| c["aud"] = json!("someone-else"))) => OidcError::Audience;
    reject_missing_audience: rs256(&with(|c| { c.as_object_mut().unwrap().remove("aud"); })) => OidcError::Audience;
    reject_wrong_issuer: rs256(&with(|c| c["iss"] = json!("https://evil.example.com"))) => OidcError::NoProvider("https://evil.example.com".into());
    reject_issuer_with_path_suffix: rs256(&with(|c| c["iss"] = json!(format!("{ISS}/x")))) => OidcError::NoProvider(format!("{ISS}/x"));
    reject_missing_sub: rs256(&with(|c| { c.as_object_mut().unwrap().remove("sub"); })) => OidcError::MissingClaim("sub");
    reject_numeric_sub: rs256(&with(|c| c["sub"] = json!(42))) => OidcError::Malformed;
    reject_string_exp: rs256(&with(|c| c["exp"] = json!("tomorrow"))) => OidcError::Malformed;
    reject_two_parts: "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0".to_owned() => OidcError::Malformed;
    reject_four_parts: format!("{}.AAAA", rs256(&claims())) => OidcError::Malformed;
    reject_not_json: "bm90IGpzb24.bm90IGpzb24.AAAA".to_owned() => OidcError::Malformed;
    reject_json_array_header: format!("{}.{}.AAAA", URL_SAFE_NO_PAD.encode("[1]"), URL_SAFE_NO_PAD.encode("{}")) => OidcError::Malformed;
    reject_too_long: format!("{}.{}", rs256(&claims()), "A".repeat(20_000)) => OidcError::Malformed;
    reject_tags_not_one_element_arrays: rs256(&with(|c| c["https://aws.amazon.com/tags"] = json!({"principal_tags": {"Dept": "eng"}}))) => OidcError::Malformed;
    reject_tags_duplicate_keys: rs256(&with(|c| c["https://aws.amazon.com/tags"] = json!({"principal_tags": {"Dept": ["a"], "dept": ["b"]}}))) => OidcError::Tags(TagError::DuplicateKeys);
    reject_tags_bad_transitive: rs256(&with(|c| c["https://aws.amazon.com/tags"] = json!({"principal_tags": {"Dept": ["a"]}, "transitive_tag_keys": ["Team"]}))) => OidcError::Tags(TagError::TransitiveKeyNotInTags);
}

#[test]
fn expiry_leeway_is_sixty_seconds() {
    assert!(check(&rs256(&with(|c| c["exp"] = json!(NOW - 59)))).is_ok());
    assert!(check(&rs256(&with(|c| c["nbf"] = json!(NOW + 59)))).is_ok());
}

#[test]
fn error_texts_and_codes_are_aws_ones() {
    let expired = OidcError::Expired {
        now: 1_700_000_100,
        exp: 1_700_000_000,
    };
    assert_eq!(
        expired.to_string(),
        "Token expired: current date/time 1700000100 must be before the expiration date/time1700000000"
    );
    assert_eq!(expired.code(), "ExpiredTokenException");
    assert_eq!(
        OidcError::Malformed.to_string(),
        "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)"
    );
    assert_eq!(OidcError::Malformed.code(), "InvalidIdentityToken");
    assert_eq!(
        OidcError::NoProvider(ISS.into()).to_string(),
        "No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com"
    );
    assert_eq!(
        OidcError::KeyUnavailable.to_string(),
        "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements"
    );
    assert_eq!(OidcError::Audience.to_string(), "Incorrect token audience");
    assert_eq!(
        OidcError::Tags(TagError::DuplicateKeys).code(),
        "InvalidParameterValue"
    );
}

#[test]
fn audience_array_matches_any_client_id() {
    let token = rs256(&with(|c| c["aud"] = json!(["unknown", "other-client"])));
    assert_eq!(check(&token).unwrap().audience, "other-client");
}

#[test]
fn google_uses_azp_for_the_audience() {
    let google = OidcProvider {
        url: "accounts.google.com".into(),
        arn: "accounts.google.com".into(),
        client_ids: vec!["web-client.apps.googleusercontent.com".into()],
        thumbprints: vec![],
    };
    let c = with(|c| {
        c["iss"] = json!("https://accounts.google.com");
        c["aud"] = json!("android-client.apps.googleusercontent.com");
        c["azp"] = json!("web-client.apps.googleusercontent.com");
    });
    let got = verify_web_identity_token(&rs256(&c), &google, &jwks(), NOW).unwrap();
    assert_eq!(got.audience, "web-client.apps.googleusercontent.com");
    let keys = got.condition_keys(&google);
    assert!(keys.contains(&(
        "accounts.google.com:oaud".into(),
        vec!["android-client.apps.googleusercontent.com".into()]
    )));
    // Other providers ignore azp and match aud.
    let c = with(|c| c["azp"] = json!("someone"));
    assert_eq!(check(&rs256(&c)).unwrap().audience, "sts.amazonaws.com");
}

#[test]
fn aws_claims_become_tags_source_identity_and_keys() {
    let c = with(|c| {
        c["amr"] = json!(["authenticated", "pwd"]);
        c["https://aws.amazon.com/tags"] = json!({
            "principal_tags": {"Dept": ["eng"], "Project": ["x"]},
            "transitive_tag_keys": ["Dept"],
        });
        c["https://aws.amazon.com/source_identity"] = json!("alice");
    });
    let p = provider();
    let got = check(&rs256(&c)).unwrap();
    assert_eq!(
        got.tags,
        vec![
            ("Dept".to_owned(), "eng".to_owned()),
            ("Project".to_owned(), "x".to_owned())
        ]
    );
    assert_eq!(got.transitive_tag_keys, vec!["Dept".to_owned()]);
    assert_eq!(got.source_identity.as_deref(), Some("alice"));
    let keys = got.condition_keys(&p);
    let want: Vec<(String, Vec<String>)> = vec![
        ("aws:FederatedProvider".into(), vec![p.arn.clone()]),
        (
            "token.actions.githubusercontent.com:aud".into(),
            vec!["sts.amazonaws.com".into()],
        ),
        (
            "token.actions.githubusercontent.com:sub".into(),
            vec!["repo:octo-org/octo-repo:ref:refs/heads/main".into()],
        ),
        (
            "token.actions.githubusercontent.com:amr".into(),
            vec!["authenticated".into(), "pwd".into()],
        ),
    ];
    assert_eq!(keys, want);
    let Federation::WebIdentity {
        provider,
        prefix,
        sub,
        aud,
        amr,
    } = got.federation(&p)
    else {
        panic!("web identity expected");
    };
    assert_eq!(provider, p.arn);
    assert_eq!(prefix, "token.actions.githubusercontent.com");
    assert_eq!(
        (sub.as_str(), aud.as_str(), amr.len()),
        (got.subject.as_str(), "sts.amazonaws.com", 2)
    );
}

#[test]
fn issuer_lookup_helpers() {
    let token = rs256(&claims());
    assert_eq!(token_issuer(&token).unwrap(), ISS);
    assert_eq!(issuer_url(ISS), "token.actions.githubusercontent.com");
    assert_eq!(issuer_url("auth.example.com/"), "auth.example.com/");
    assert_eq!(token_issuer("garbage").unwrap_err(), OidcError::Malformed);
}

#[test]
fn issuer_without_scheme_is_accepted() {
    let token = rs256(&with(|c| {
        c["iss"] = json!("token.actions.githubusercontent.com")
    }));
    assert!(check(&token).is_ok());
}

#[test]
fn unparsable_key_sets_are_unavailable() {
    for doc in ["", "{}", "[]", r#"{"keys": 5}"#] {
        assert_eq!(
            Jwks::parse(doc).unwrap_err(),
            OidcError::KeyUnavailable,
            "{doc}"
        );
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    #[test]
    fn any_single_character_change_is_rejected(
        pos in proptest::prelude::any::<proptest::sample::Index>(),
        repl in proptest::sample::select(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.".chars().collect::<Vec<_>>()
        ),
    ) {
        let token = sign("ES256", Some("ec-1"), Signer_::Ec(7), &claims());
        let mut chars: Vec<char> = token.chars().collect();
        let i = pos.index(chars.len());
        proptest::prop_assume!(chars[i] != repl);
        chars[i] = repl;
        let text: String = chars.into_iter().collect();
        proptest::prop_assert!(check(&text).is_err());
    }
}
