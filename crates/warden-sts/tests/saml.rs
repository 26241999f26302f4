//! SAML response verification (api.md §6.4): fixtures signed by an independent XML-DSig
//! implementation (signxml, see fixtures/saml/make_fixture.py) and responses signed here
//! with our own test keys and certificates (rcgen), including the attacks the verifier
//! must refuse.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    reason = "tests: failing loudly is the point"
)]

#[path = "support/keys.rs"]
#[allow(
    dead_code,
    reason = "the shared key file also holds keys only the OIDC tests use"
)]
mod keys;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use rsa::pkcs8::DecodePrivateKey;
use sha2::{Digest, Sha256};
use warden_sts::Federation;
use warden_sts::saml::{
    C14nOptions, IdpMetadata, MetadataError, ResponseShape, SamlError, SamlErrorKind,
    VerifyOptions, canonicalize, check_response, decode_response, parse_metadata, verify_response,
};

/// 2027-01-15: inside every validity window below.
const NOW: i64 = 1_800_000_000;
const ENTITY: &str = "https://idp.test.example/saml";
const ROLE: &str = "arn:aws:iam::123456789012:role/SamlRole";
const PROVIDER: &str = "arn:aws:iam::123456789012:saml-provider/TestIdP";

fn options() -> VerifyOptions {
    VerifyOptions {
        now: NOW,
        ..VerifyOptions::default()
    }
}

// ---- the independent fixtures

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/saml/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn fixture_with_signed_assertion_verifies() {
    let metadata = parse_metadata(&fixture("metadata.xml")).unwrap();
    assert_eq!(metadata.entity_id, "https://idp.fixture.example/saml");
    assert_eq!(metadata.valid_until, Some(4_070_908_800));
    let a = verify_response(
        &fixture("response_signed_assertion.xml"),
        &metadata,
        &options(),
    )
    .unwrap();
    assert_eq!(a.subject, "alice@fixture.example");
    assert_eq!(a.subject_type, "persistent");
    assert_eq!(a.recipient, "https://signin.aws.amazon.com/saml");
    assert_eq!(a.role_session_name, "alice@fixture.example");
    assert_eq!(a.source_identity.as_deref(), Some("alice"));
    assert_eq!(
        a.tags,
        [("Department".to_owned(), "Engineering & Ops".to_owned())]
    );
    assert_eq!(a.transitive_tag_keys, ["Department"]);
    assert!(a.grants(
        "arn:aws:iam::123456789012:role/SamlFixtureRole",
        "arn:aws:iam::123456789012:saml-provider/FixtureIdP"
    ));
    // The second value lists the provider first.
    assert!(a.grants(
        "arn:aws:iam::123456789012:role/OtherRole",
        "arn:aws:iam::123456789012:saml-provider/FixtureIdP"
    ));
    assert!(!a.grants(
        "arn:aws:iam::123456789012:role/SamlFixtureRole",
        "arn:aws:iam::123456789012:saml-provider/Other"
    ));
}

#[test]
fn fixture_with_signed_response_verifies() {
    let metadata = parse_metadata(&fixture("metadata.xml")).unwrap();
    let a = verify_response(
        &fixture("response_signed_response.xml"),
        &metadata,
        &options(),
    )
    .unwrap();
    assert_eq!(a.issuer, "https://idp.fixture.example/saml");
    let keys = a.condition_keys("123456789012", "FixtureIdP");
    let get = |k: &str| {
        keys.iter()
            .find(|(name, _, _)| name == k)
            .map(|(_, v, multi)| (v.clone(), *multi))
    };
    assert_eq!(
        get("saml:edupersonaffiliation"),
        Some((vec!["member".to_owned(), "staff".to_owned()], true))
    );
    assert_eq!(
        get("saml:doc"),
        Some((vec!["123456789012/FixtureIdP".to_owned()], false))
    );
    assert_eq!(
        get("saml:aud").unwrap().0,
        ["https://signin.aws.amazon.com/saml"]
    );
}

#[test]
fn fixture_modified_after_signing_is_refused() {
    let metadata = parse_metadata(&fixture("metadata.xml")).unwrap();
    for name in [
        "response_signed_assertion.xml",
        "response_signed_response.xml",
    ] {
        let tampered = fixture(name).replace(
            ">alice@fixture.example</saml:NameID>",
            ">mallory@fixture.example</saml:NameID>",
        );
        assert_eq!(
            verify_response(&tampered, &metadata, &options()),
            Err(SamlError::BadSignature),
            "{name}"
        );
    }
}

#[test]
fn fixture_expires_with_its_window() {
    let metadata = parse_metadata(&fixture("metadata.xml")).unwrap();
    let later = VerifyOptions {
        now: 4_070_908_800 + 301,
        ..VerifyOptions::default()
    };
    let e =
        verify_response(&fixture("response_signed_assertion.xml"), &metadata, &later).unwrap_err();
    assert_eq!(e, SamlError::Expired);
    assert_eq!(e.kind(), SamlErrorKind::ExpiredToken);
    assert_eq!(
        e.to_string(),
        "Token must be redeemed within 5 minutes of issuance"
    );
}

// ---- our own IdP

struct Idp {
    key: rsa::RsaPrivateKey,
    cert_der: Vec<u8>,
}

fn pem(der_b64: &str) -> String {
    let lines: Vec<String> = der_b64
        .as_bytes()
        .chunks(64)
        .map(|c| String::from_utf8(c.to_vec()).unwrap())
        .collect();
    format!(
        "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
        lines.join("\n")
    )
}

impl Idp {
    fn new(key_b64: &str) -> Self {
        let key_pair =
            rcgen::KeyPair::from_pem_and_sign_algo(&pem(key_b64), &rcgen::PKCS_RSA_SHA256).unwrap();
        let cert = rcgen::CertificateParams::new(vec!["idp.test.example".to_owned()])
            .unwrap()
            .self_signed(&key_pair)
            .unwrap();
        Self {
            key: rsa::RsaPrivateKey::from_pkcs8_der(&STANDARD.decode(key_b64).unwrap()).unwrap(),
            cert_der: cert.der().to_vec(),
        }
    }

    fn metadata_xml(&self, use_attr: &str) -> String {
        format!(
            r#"<?xml version="1.0"?>
<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="{ENTITY}">
  <IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <KeyDescriptor {use_attr}><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data><X509Certificate>{}</X509Certificate></X509Data></KeyInfo></KeyDescriptor>
  </IDPSSODescriptor>
</EntityDescriptor>"#,
            STANDARD.encode(&self.cert_der)
        )
    }

    fn metadata(&self) -> IdpMetadata {
        parse_metadata(&self.metadata_xml("use=\"signing\"")).unwrap()
    }

    /// Signs the element with `ID="{id}"` of `xml`: inserts an enveloped signature right
    /// after that element's `<saml:Issuer>…</saml:Issuer>` (`sha1` selects RSA-SHA1).
    fn sign(&self, xml: &str, id: &str, sha1: bool) -> String {
        let doc = roxmltree::Document::parse(xml).unwrap();
        let target = doc
            .descendants()
            .find(|n| n.attribute("ID") == Some(id))
            .unwrap();
        let content = canonicalize(target, &C14nOptions::default()).unwrap();
        let (digest_uri, digest, sig_uri) = if sha1 {
            use sha1::Digest as _;
            (
                "http://www.w3.org/2000/09/xmldsig#sha1",
                sha1::Sha1::digest(content.as_bytes()).to_vec(),
                "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
            )
        } else {
            (
                "http://www.w3.org/2001/04/xmlenc#sha256",
                Sha256::digest(content.as_bytes()).to_vec(),
                "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
            )
        };
        let signed_info = format!(
            r##"<ds:SignedInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="{sig_uri}"/><ds:Reference URI="#{id}"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms><ds:DigestMethod Algorithm="{digest_uri}"/><ds:DigestValue>{}</ds:DigestValue></ds:Reference></ds:SignedInfo>"##,
            STANDARD.encode(&digest)
        );
        let si_doc = roxmltree::Document::parse(&signed_info).unwrap();
        let si_c14n = canonicalize(si_doc.root_element(), &C14nOptions::default()).unwrap();
        let signature = if sha1 {
            use sha1::Digest as _;
            self.key
                .sign(
                    rsa::Pkcs1v15Sign::new::<sha1::Sha1>(),
                    &sha1::Sha1::digest(si_c14n.as_bytes()),
                )
                .unwrap()
        } else {
            self.key
                .sign(
                    rsa::Pkcs1v15Sign::new::<Sha256>(),
                    &Sha256::digest(si_c14n.as_bytes()),
                )
                .unwrap()
        };
        let element = format!(
            r#"<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">{}<ds:SignatureValue>{}</ds:SignatureValue></ds:Signature>"#,
            signed_info.replace(
                r#"<ds:SignedInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">"#,
                "<ds:SignedInfo>"
            ),
            STANDARD.encode(signature)
        );
        // Insert after the Issuer that follows the element's start tag.
        let start = xml.find(&format!("ID=\"{id}\"")).unwrap();
        let issuer_end =
            start + xml[start..].find("</saml:Issuer>").unwrap() + "</saml:Issuer>".len();
        format!("{}{element}{}", &xml[..issuer_end], &xml[issuer_end..])
    }
}

/// What goes into a test assertion.
#[derive(Clone)]
struct Spec {
    issuer: String,
    audience: String,
    recipient: String,
    not_before: &'static str,
    not_on_or_after: &'static str,
    status: &'static str,
    attributes: String,
}

impl Default for Spec {
    fn default() -> Self {
        Self {
            issuer: ENTITY.to_owned(),
            audience: "urn:amazon:webservices".to_owned(),
            recipient: "https://signin.aws.amazon.com/saml".to_owned(),
            not_before: "2027-01-15T07:55:00Z",
            not_on_or_after: "2027-01-15T08:05:00Z",
            status: "urn:oasis:names:tc:SAML:2.0:status:Success",
            attributes: [
                attribute("Role", &[&format!("{ROLE},{PROVIDER}")]),
                attribute("RoleSessionName", &["alice"]),
            ]
            .concat(),
        }
    }
}

fn attribute(name: &str, values: &[&str]) -> String {
    let values: String = values
        .iter()
        .map(|v| format!("<saml:AttributeValue>{v}</saml:AttributeValue>"))
        .collect();
    format!(
        r#"<saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/{name}">{values}</saml:Attribute>"#
    )
}

fn assertion(spec: &Spec, id: &str) -> String {
    format!(
        r#"<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="{id}" Version="2.0" IssueInstant="2027-01-15T08:00:00Z"><saml:Issuer>{}</saml:Issuer><saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient">{id}-subject</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="{}" Recipient="{}"/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="{}" NotOnOrAfter="{}"><saml:AudienceRestriction><saml:Audience>{}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="2027-01-15T08:00:00Z" SessionNotOnOrAfter="2027-01-15T09:00:00Z"/><saml:AttributeStatement>{}</saml:AttributeStatement></saml:Assertion>"#,
        spec.issuer,
        spec.not_on_or_after,
        spec.recipient,
        spec.not_before,
        spec.not_on_or_after,
        spec.audience,
        spec.attributes
    )
}

fn response(spec: &Spec, inner: &str) -> String {
    format!(
        r#"<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="resp-1" Version="2.0" IssueInstant="2027-01-15T08:00:00Z"><saml:Issuer>{}</saml:Issuer><samlp:Status><samlp:StatusCode Value="{}"/></samlp:Status>{inner}</samlp:Response>"#,
        spec.issuer, spec.status
    )
}

/// A response whose assertion is signed by `idp`.
fn signed(idp: &Idp, spec: &Spec) -> String {
    idp.sign(&response(spec, &assertion(spec, "a-1")), "a-1", false)
}

fn idp() -> Idp {
    Idp::new(keys::RSA_A)
}

#[test]
fn own_signed_assertion_verifies_with_its_claims() {
    let idp = idp();
    let xml = signed(&idp, &Spec::default());
    let a = verify_response(&xml, &idp.metadata(), &options()).unwrap();
    assert_eq!(a.subject, "a-1-subject");
    assert_eq!(a.subject_type, "transient");
    assert!(a.grants(ROLE, PROVIDER));
    assert_eq!(a.session_not_on_or_after, Some(1_800_003_600));
    assert_eq!(a.not_on_or_after, Some(1_800_000_300));
    // AWS's formula (policy.md): base64(sha1(issuer + account + "/" + provider name)).
    let expected = {
        use sha1::Digest as _;
        STANDARD.encode(sha1::Sha1::digest(
            format!("{ENTITY}123456789012/TestIdP").as_bytes(),
        ))
    };
    assert_eq!(a.name_qualifier("123456789012", "TestIdP"), expected);
    assert_eq!(
        a.federation("123456789012", "TestIdP"),
        Federation::Saml {
            sub: "a-1-subject".to_owned(),
            sub_type: "transient".to_owned(),
            namequalifier: expected,
        }
    );
}

#[test]
fn own_signed_whole_response_verifies() {
    let idp = idp();
    let spec = Spec::default();
    let xml = idp.sign(&response(&spec, &assertion(&spec, "a-1")), "resp-1", false);
    assert!(verify_response(&xml, &idp.metadata(), &options()).is_ok());
}

#[test]
fn base64_round_trip_and_status_check() {
    let idp = idp();
    let xml = signed(&idp, &Spec::default());
    let decoded = decode_response(&STANDARD.encode(&xml)).unwrap();
    assert_eq!(decoded, xml);
    assert_eq!(
        check_response(&decoded),
        Ok(ResponseShape { encrypted: false })
    );
    assert_eq!(decode_response("%%%"), Err(SamlError::Malformed));
    assert_eq!(check_response("<notsaml/>"), Err(SamlError::Malformed));
}

#[test]
fn forged_signature_value_is_refused() {
    let idp = idp();
    let xml = signed(&idp, &Spec::default());
    let start = xml.find("<ds:SignatureValue>").unwrap() + "<ds:SignatureValue>".len();
    let mut forged = xml.clone();
    let replacement = if &xml[start..=start] == "A" { "B" } else { "A" };
    forged.replace_range(start..=start, replacement);
    assert_eq!(
        verify_response(&forged, &idp.metadata(), &options()),
        Err(SamlError::BadSignature)
    );
}

#[test]
fn assertion_modified_after_signing_is_refused() {
    let idp = idp();
    let xml = signed(&idp, &Spec::default()).replace(
        "<saml:AttributeValue>alice</saml:AttributeValue>",
        "<saml:AttributeValue>admin</saml:AttributeValue>",
    );
    assert_eq!(
        verify_response(&xml, &idp.metadata(), &options()),
        Err(SamlError::BadSignature)
    );
}

#[test]
fn signature_wrapping_with_a_second_assertion_is_refused() {
    let idp = idp();
    let spec = Spec::default();
    let good = signed(&idp, &spec);
    let evil_spec = Spec {
        attributes: [
            attribute(
                "Role",
                &["arn:aws:iam::123456789012:role/Admin,arn:aws:iam::123456789012:saml-provider/TestIdP"],
            ),
            attribute("RoleSessionName", &["mallory"]),
        ]
        .concat(),
        ..spec.clone()
    };
    let evil = assertion(&evil_spec, "evil");
    // 1. An unsigned assertion next to the signed one (before it, where a naive
    //    "first assertion" reader would look).
    let before = good.replace("<saml:Assertion ", &format!("{evil}<saml:Assertion "));
    // 2. The signed assertion hidden in an extension, the unsigned one in its place.
    let signed_assertion_start = good.find("<saml:Assertion ").unwrap();
    let signed_assertion_end = good.find("</saml:Assertion>").unwrap() + "</saml:Assertion>".len();
    let signed_assertion = &good[signed_assertion_start..signed_assertion_end];
    let hidden = good.replace(
        signed_assertion,
        &format!("<samlp:Extensions>{signed_assertion}</samlp:Extensions>{evil}"),
    );
    // 3. The same evil assertion reusing the signed assertion's ID.
    let same_id = good.replace(
        "</samlp:Response>",
        &format!("{}</samlp:Response>", assertion(&evil_spec, "a-1")),
    );
    for wrapped in [before, hidden, same_id] {
        assert_eq!(
            verify_response(&wrapped, &idp.metadata(), &options()),
            Err(SamlError::AssertionCount)
        );
    }
    // 4. A lone evil assertion carrying the signature that was made for the good one.
    let sig_start = good.find("<ds:Signature").unwrap();
    let sig_end = good.find("</ds:Signature>").unwrap() + "</ds:Signature>".len();
    let stolen = &good[sig_start..sig_end];
    let evil_signed = response(
        &spec,
        &evil.replacen(
            "</saml:Issuer>",
            &format!("</saml:Issuer>{}", stolen.replace("#a-1", "#evil")),
            1,
        ),
    );
    assert_eq!(
        verify_response(&evil_signed, &idp.metadata(), &options()),
        Err(SamlError::BadSignature)
    );
}

#[test]
fn unsigned_response_is_refused() {
    let idp = idp();
    let spec = Spec::default();
    let xml = response(&spec, &assertion(&spec, "a-1"));
    assert_eq!(
        verify_response(&xml, &idp.metadata(), &options()),
        Err(SamlError::Unsigned)
    );
}

#[test]
fn wrong_certificate_is_refused() {
    let xml = signed(&idp(), &Spec::default());
    let other = Idp::new(keys::RSA_B);
    assert_eq!(
        verify_response(&xml, &other.metadata(), &options()),
        Err(SamlError::BadSignature)
    );
}

#[test]
fn time_conditions_apply_with_five_minutes_of_skew() {
    let idp = idp();
    let xml = signed(&idp, &Spec::default());
    let at = |now| {
        verify_response(
            &xml,
            &idp.metadata(),
            &VerifyOptions {
                now,
                ..VerifyOptions::default()
            },
        )
    };
    // NotOnOrAfter = NOW + 300; skew 300.
    assert!(at(NOW + 599).is_ok());
    assert_eq!(at(NOW + 600), Err(SamlError::Expired));
    // NotBefore = NOW - 300.
    assert!(at(NOW - 600).is_ok());
    assert_eq!(at(NOW - 601), Err(SamlError::NotYetValid));
}

#[test]
fn audience_recipient_issuer_and_status_are_checked() {
    let idp = idp();
    let metadata = idp.metadata();
    let check = |spec: Spec| verify_response(&signed(&idp, &spec), &metadata, &options());
    assert_eq!(
        check(Spec {
            audience: "https://other.example/sp".to_owned(),
            ..Spec::default()
        }),
        Err(SamlError::Audience)
    );
    assert_eq!(
        check(Spec {
            recipient: "https://other.example/acs".to_owned(),
            ..Spec::default()
        }),
        Err(SamlError::Recipient)
    );
    assert_eq!(
        check(Spec {
            issuer: "https://other-idp.example".to_owned(),
            ..Spec::default()
        }),
        Err(SamlError::Issuer)
    );
    let rejected = check(Spec {
        status: "urn:oasis:names:tc:SAML:2.0:status:Responder",
        ..Spec::default()
    })
    .unwrap_err();
    assert_eq!(rejected.kind(), SamlErrorKind::IdpRejectedClaim);
    // The regional sign-in endpoint is an accepted recipient; a configured URL too.
    assert!(
        check(Spec {
            recipient: "https://eu-west-1.signin.aws.amazon.com/saml".to_owned(),
            ..Spec::default()
        })
        .is_ok()
    );
    let own = Spec {
        recipient: "https://warden.example/saml".to_owned(),
        ..Spec::default()
    };
    let configured = VerifyOptions {
        extra_recipients: vec!["https://warden.example/saml".to_owned()],
        ..options()
    };
    assert!(verify_response(&signed(&idp, &own), &metadata, &configured).is_ok());
}

#[test]
fn role_attributes_are_required_and_checked() {
    let idp = idp();
    let metadata = idp.metadata();
    let with = |attributes: String| {
        verify_response(
            &signed(
                &idp,
                &Spec {
                    attributes,
                    ..Spec::default()
                },
            ),
            &metadata,
            &options(),
        )
    };
    // No Role attribute: verifies, but grants no role (the server answers AccessDenied).
    let no_role = with(attribute("RoleSessionName", &["alice"])).unwrap();
    assert!(!no_role.grants(ROLE, PROVIDER));
    // A pair for another role only.
    let other = with(
        [
            attribute(
                "Role",
                &[&format!("arn:aws:iam::123456789012:role/Other,{PROVIDER}")],
            ),
            attribute("RoleSessionName", &["alice"]),
        ]
        .concat(),
    )
    .unwrap();
    assert!(!other.grants(ROLE, PROVIDER));
    assert_eq!(
        with(attribute("Role", &[&format!("{ROLE},{PROVIDER}")])),
        Err(SamlError::MissingRoleSessionName)
    );
    let bad_name = with(
        [
            attribute("Role", &[&format!("{ROLE},{PROVIDER}")]),
            attribute("RoleSessionName", &["has space"]),
        ]
        .concat(),
    )
    .unwrap_err();
    assert_eq!(
        bad_name.to_string(),
        "RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}"
    );
    // Transitive keys must name passed tags (AssumeRole rules).
    let tags = with(
        [
            attribute("Role", &[&format!("{ROLE},{PROVIDER}")]),
            attribute("RoleSessionName", &["alice"]),
            attribute("PrincipalTag:Team", &["blue"]),
            attribute("TransitiveTagKeys", &["Project"]),
        ]
        .concat(),
    )
    .unwrap_err();
    assert_eq!(tags.kind(), SamlErrorKind::InvalidParameterValue);
}

#[test]
fn sha1_is_accepted_only_when_allowed() {
    let idp = idp();
    let spec = Spec::default();
    let xml = idp.sign(&response(&spec, &assertion(&spec, "a-1")), "a-1", true);
    assert_eq!(
        verify_response(&xml, &idp.metadata(), &options()),
        Err(SamlError::UnsupportedAlgorithm)
    );
    let allowed = VerifyOptions {
        allow_sha1: true,
        ..options()
    };
    assert!(verify_response(&xml, &idp.metadata(), &allowed).is_ok());
}

#[test]
fn dtds_and_encrypted_assertions_are_refused() {
    let idp = idp();
    let xml = signed(&idp, &Spec::default());
    let with_dtd = format!("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x \"y\">]>{xml}");
    assert_eq!(
        verify_response(&with_dtd, &idp.metadata(), &options()),
        Err(SamlError::Malformed)
    );
    let encrypted = response(
        &Spec::default(),
        "<saml:EncryptedAssertion><x/></saml:EncryptedAssertion>",
    );
    assert_eq!(
        verify_response(&encrypted, &idp.metadata(), &options()),
        Err(SamlError::Encrypted)
    );
}

#[test]
fn metadata_rules() {
    let idp = idp();
    // `use` absent counts as signing; `encryption` keys are not signing keys.
    assert_eq!(
        parse_metadata(&idp.metadata_xml(""))
            .unwrap()
            .signing_keys
            .len(),
        1
    );
    assert_eq!(
        parse_metadata(&idp.metadata_xml("use=\"encryption\"")),
        Err(MetadataError::Invalid)
    );
    for bad in [
        "not xml",
        "<EntityDescriptor entityID=\"x\"/>",
        r#"<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>"#,
        r#"<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"><IDPSSODescriptor><KeyDescriptor><X509Certificate xmlns="http://www.w3.org/2000/09/xmldsig#">AAAA</X509Certificate></KeyDescriptor></IDPSSODescriptor></EntityDescriptor>"#,
    ] {
        assert_eq!(parse_metadata(bad), Err(MetadataError::Invalid), "{bad}");
    }
    assert_eq!(
        MetadataError::Invalid.to_string(),
        "Could not parse metadata"
    );
}

/// Exclusive C14N of tricky subtrees, compared byte for byte with libxml2's output
/// (fixtures/saml/make_c14n_cases.py).
#[test]
fn c14n_matches_libxml2() {
    let cases: serde_json::Value = serde_json::from_str(&fixture("c14n_cases.json")).unwrap();
    let cases = cases.as_array().unwrap();
    assert!(cases.len() >= 9);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let doc = roxmltree::Document::parse(case["xml"].as_str().unwrap()).unwrap();
        let apex = doc
            .descendants()
            .find(|n| n.attribute("ID") == case["id"].as_str())
            .unwrap();
        let options = C14nOptions {
            with_comments: case["with_comments"].as_bool().unwrap(),
            inclusive_prefixes: case["prefixes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap().to_owned())
                .collect(),
            exclude: None,
        };
        assert_eq!(
            canonicalize(apex, &options).unwrap(),
            case["expected"].as_str().unwrap(),
            "{name}"
        );
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Any one-character change of a signed response is handled without panicking, and a
    /// change inside the signed assertion's attribute values never verifies.
    #[test]
    fn mutated_fixtures_never_panic(position in 0usize..6_000, replacement in proptest::char::range(' ', '~')) {
        let metadata = parse_metadata(&fixture("metadata.xml")).unwrap();
        let xml = fixture("response_signed_assertion.xml");
        let mut chars: Vec<char> = xml.chars().collect();
        let index = position % chars.len();
        let original = chars[index];
        chars[index] = replacement;
        let mutated: String = chars.into_iter().collect();
        let result = verify_response(&mutated, &metadata, &options());
        let values_start = xml.find("<saml:AttributeStatement>").unwrap();
        let values_end = xml.find("</saml:AttributeStatement>").unwrap();
        let in_values = (values_start..values_end).contains(&xml.char_indices().nth(index).unwrap().0);
        if in_values && original != replacement && !original.is_whitespace() && !replacement.is_whitespace() {
            proptest::prop_assert!(result.is_err());
        }
    }
}

// ---- encrypted assertions (api.md §6.4 step 3)

mod encrypted {
    use warden_sts::saml::{SamlError, parse_metadata, verify_response_decrypting};
    use warden_sts::saml_encryption::{
        ContentAlgorithm, DecryptError, DecryptionKey, KeyTransport, encrypt_assertion,
    };

    use super::{fixture, options};

    /// The fixture IdP's Response times: 2020..2099 (see make_fixture.py).
    fn key(name: &str) -> DecryptionKey {
        DecryptionKey::from_pem(&fixture(name)).unwrap()
    }

    fn verify(xml: &str, keys: &[DecryptionKey]) -> Result<String, SamlError> {
        let metadata = parse_metadata(&fixture("metadata.xml")).unwrap();
        verify_response_decrypting(xml, &metadata, &options(), keys).map(|v| {
            assert!(v.encrypted);
            v.assertion.subject
        })
    }

    /// The fixture's signed Assertion, byte for byte, and the Response around it.
    fn signed_assertion() -> (String, String, String) {
        let response = fixture("response_signed_assertion.xml");
        let start = response.find("<saml:Assertion ").unwrap();
        let end = response.find("</saml:Assertion>").unwrap() + "</saml:Assertion>".len();
        (
            response[..start].to_owned(),
            response[start..end].to_owned(),
            response[end..].to_owned(),
        )
    }

    /// Encrypted here (our own encryption) to the fixture service provider's key.
    fn encrypted_response(assertion: &str) -> String {
        let (before, _, after) = signed_assertion();
        let encrypted = encrypt_assertion(
            assertion,
            &key("sp_private_key.pem").public_key(),
            ContentAlgorithm::Aes256Gcm,
            KeyTransport::RsaOaepSha256,
        )
        .unwrap();
        format!("{before}{encrypted}{after}")
    }

    #[test]
    fn independently_encrypted_fixtures_decrypt_and_verify() {
        for name in ["response_encrypted_cbc.xml", "response_encrypted_gcm.xml"] {
            assert_eq!(
                warden_sts::saml::check_response(&fixture(name)),
                Ok(warden_sts::saml::ResponseShape { encrypted: true })
            );
            let subject = verify(&fixture(name), &[key("sp_private_key.pem")]).unwrap();
            assert_eq!(subject, "alice@fixture.example", "{name}");
            // Each key is tried: the right one second.
            let subject = verify(
                &fixture(name),
                &[key("sp_other_private_key.pem"), key("sp_private_key.pem")],
            )
            .unwrap();
            assert_eq!(subject, "alice@fixture.example", "{name}");
        }
    }

    #[test]
    fn our_encryption_round_trips_through_verification() {
        let (_, assertion, _) = signed_assertion();
        let subject = verify(
            &encrypted_response(&assertion),
            &[key("sp_private_key.pem")],
        );
        assert_eq!(subject.unwrap(), "alice@fixture.example");
    }

    #[test]
    fn refusals() {
        let cbc = fixture("response_encrypted_cbc.xml");
        // No key, or only a key that does not open it.
        assert_eq!(verify(&cbc, &[]), Err(SamlError::Encrypted));
        assert_eq!(
            verify(&cbc, &[key("sp_other_private_key.pem")]),
            Err(SamlError::Decryption(DecryptError::NoKey))
        );
        // A tampered ciphertext (GCM: the tag fails).
        let gcm = fixture("response_encrypted_gcm.xml");
        let at = gcm.find("<xenc:CipherValue>").unwrap() + "<xenc:CipherValue>".len() + 40;
        let flipped = if &gcm[at..=at] == "A" { "B" } else { "A" };
        let tampered = format!("{}{flipped}{}", &gcm[..at], &gcm[at + 1..]);
        assert_eq!(
            verify(&tampered, &[key("sp_private_key.pem")]),
            Err(SamlError::Decryption(DecryptError::Integrity))
        );
        // A plaintext assertion beside the encrypted one.
        let (_, assertion, _) = signed_assertion();
        let both = cbc.replace(
            "<saml:EncryptedAssertion>",
            &format!("{assertion}<saml:EncryptedAssertion>"),
        );
        assert_eq!(
            verify(&both, &[key("sp_private_key.pem")]),
            Err(SamlError::AssertionCount)
        );
    }

    /// Encryption is not authentication: anyone may encrypt to the service provider's
    /// public key, so the decrypted assertion must still carry the IdP's signature.
    #[test]
    fn decrypted_assertions_must_be_signed_by_the_idp() {
        let (_, assertion, _) = signed_assertion();
        let unsigned = {
            let start = assertion.find("<ds:Signature>").unwrap();
            let end = assertion.find("</ds:Signature>").unwrap() + "</ds:Signature>".len();
            format!("{}{}", &assertion[..start], &assertion[end..])
        };
        assert_eq!(
            verify(&encrypted_response(&unsigned), &[key("sp_private_key.pem")]),
            Err(SamlError::Unsigned)
        );
        let altered = assertion.replace("alice@fixture.example", "mallory@fixture.example");
        assert_ne!(altered, assertion);
        assert_eq!(
            verify(&encrypted_response(&altered), &[key("sp_private_key.pem")]),
            Err(SamlError::BadSignature)
        );
    }
}
