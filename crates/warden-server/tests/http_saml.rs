//! In-process HTTP tests of SAML providers (api.md §5.14) and AssumeRoleWithSAML (§6.4).
//! The signed responses are the fixtures of `warden-sts` (signed by signxml, an
//! independent XML-DSig implementation; see its `make_fixture.py`), valid 2020–2099.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: failing loudly is the point"
)]

mod common;
mod handlers_support;

use axum::body::Body;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use common::{Resp, Server, form, golden};
use handlers_support::{all_texts, denied};
use sha1::Digest as _;
use warden_core::Store;

const PROVIDER: &str = "arn:aws:iam::123456789012:saml-provider/FixtureIdP";
const ROLE: &str = "arn:aws:iam::123456789012:role/SamlFixtureRole";
const OTHER_ROLE: &str = "arn:aws:iam::123456789012:role/OtherRole";
const ENTITY: &str = "https://idp.fixture.example/saml";

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../warden-sts/tests/fixtures/saml/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn b64(xml: &str) -> String {
    STANDARD.encode(xml)
}

async fn create_provider<S: Store>(srv: &Server<S>, name: &str, metadata: &str) -> Resp {
    srv.call(
        "CreateSAMLProvider",
        &[("Name", name), ("SAMLMetadataDocument", metadata)],
    )
    .await
}

async fn crud_golden<S: Store>(srv: Server<S>) {
    let metadata = fixture("metadata.xml");
    golden(
        "create_saml_provider",
        srv.call(
            "CreateSAMLProvider",
            &[
                ("Name", "FixtureIdP"),
                ("SAMLMetadataDocument", &metadata),
                ("Tags.member.1.Key", "team"),
                ("Tags.member.1.Value", "identity"),
            ],
        )
        .await
        .assert_ok(),
    );
    let get = srv
        .call("GetSAMLProvider", &[("SAMLProviderArn", PROVIDER)])
        .await;
    get.assert_ok();
    // The document comes back verbatim (XML-escaped in the response, not URL-encoded).
    let shown = get
        .text("SAMLMetadataDocument")
        .unwrap()
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    assert_eq!(shown, metadata);
    // validUntil of the metadata.
    assert_eq!(
        get.text("ValidUntil").as_deref(),
        Some("2099-01-01T00:00:00Z")
    );
    golden("get_saml_provider", &get);

    // Without validUntil: about 100 years after creation.
    let no_valid_until = metadata.replace(" validUntil=\"2099-01-01T00:00:00Z\"", "");
    create_provider(&srv, "Second", &no_valid_until)
        .await
        .assert_ok();
    golden(
        "list_saml_providers",
        srv.call("ListSAMLProviders", &[]).await.assert_ok(),
    );
    golden(
        "list_saml_provider_tags",
        srv.call("ListSAMLProviderTags", &[("SAMLProviderArn", PROVIDER)])
            .await
            .assert_ok(),
    );
    golden(
        "update_saml_provider",
        srv.call(
            "UpdateSAMLProvider",
            &[
                ("SAMLProviderArn", PROVIDER),
                ("SAMLMetadataDocument", &no_valid_until),
                ("AssertionEncryptionMode", "Allowed"),
            ],
        )
        .await
        .assert_ok(),
    );
    let get = srv
        .call("GetSAMLProvider", &[("SAMLProviderArn", PROVIDER)])
        .await;
    assert_eq!(
        get.text("AssertionEncryptionMode").as_deref(),
        Some("Allowed")
    );
    assert_eq!(
        get.text("ValidUntil").as_deref(),
        Some("2124-05-01T12:00:00Z")
    );
    golden(
        "tag_saml_provider",
        srv.call(
            "TagSAMLProvider",
            &[
                ("SAMLProviderArn", PROVIDER),
                ("Tags.member.1.Key", "Team"),
                ("Tags.member.1.Value", "x"),
            ],
        )
        .await
        .assert_ok(),
    );
    // Keys are case-sensitive for providers: `team` and `Team` coexist.
    let tags = srv
        .call("ListSAMLProviderTags", &[("SAMLProviderArn", PROVIDER)])
        .await;
    assert_eq!(all_texts(&tags, "Key"), ["Team", "team"]);
    golden(
        "untag_saml_provider",
        srv.call(
            "UntagSAMLProvider",
            &[
                ("SAMLProviderArn", PROVIDER),
                ("TagKeys.member.1", "team"),
                ("TagKeys.member.2", "absent"),
            ],
        )
        .await
        .assert_ok(),
    );
    let tags = srv
        .call("ListSAMLProviderTags", &[("SAMLProviderArn", PROVIDER)])
        .await;
    assert_eq!(all_texts(&tags, "Key"), ["Team"]);
    golden(
        "delete_saml_provider",
        srv.call("DeleteSAMLProvider", &[("SAMLProviderArn", PROVIDER)])
            .await
            .assert_ok(),
    );
    let list = srv.call("ListSAMLProviders", &[]).await;
    assert_eq!(
        all_texts(&list, "Arn"),
        ["arn:aws:iam::123456789012:saml-provider/Second"]
    );
}

async fn crud_errors<S: Store>(srv: Server<S>) {
    let metadata = fixture("metadata.xml");
    create_provider(&srv, "FixtureIdP", &metadata)
        .await
        .assert_ok();
    create_provider(&srv, "FixtureIdP", &metadata)
        .await
        .assert_error(
            409,
            "EntityAlreadyExists",
            "SAMLProvider with name FixtureIdP already exists.",
        );
    let not_metadata = format!("<html>{}</html>", "x".repeat(1_000));
    create_provider(&srv, "Bad", &not_metadata)
        .await
        .assert_error(400, "InvalidInput", "Could not parse metadata");
    // An EntityDescriptor without any signing certificate.
    let unsigned = metadata.replace("use=\"signing\"", "use=\"encryption\"");
    create_provider(&srv, "Bad", &unsigned).await.assert_error(
        400,
        "InvalidInput",
        "Could not parse metadata",
    );
    // The model: at least 1,000 characters, names `[\w._-]+`.
    assert_eq!(
        create_provider(&srv, "Short", "<x/>").await.code(),
        "ValidationError"
    );
    assert_eq!(
        create_provider(&srv, "bad name", &metadata).await.code(),
        "ValidationError"
    );
    // A private key that is not an RSA key in PEM: refused, and nothing is created.
    assert_eq!(
        srv.call(
            "CreateSAMLProvider",
            &[
                ("Name", "Encrypted"),
                ("SAMLMetadataDocument", &metadata),
                ("AddPrivateKey", &"k".repeat(100)),
            ],
        )
        .await
        .code(),
        "InvalidInput"
    );
    srv.call(
        "GetSAMLProvider",
        &[(
            "SAMLProviderArn",
            "arn:aws:iam::123456789012:saml-provider/Encrypted",
        )],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "Manifest not found for arn arn:aws:iam::123456789012:saml-provider/Encrypted",
    );
    let missing = "arn:aws:iam::123456789012:saml-provider/Missing";
    let not_found = format!("Manifest not found for arn {missing}");
    for action in [
        "GetSAMLProvider",
        "DeleteSAMLProvider",
        "ListSAMLProviderTags",
    ] {
        srv.call(action, &[("SAMLProviderArn", missing)])
            .await
            .assert_error(404, "NoSuchEntity", &not_found);
    }
    srv.call(
        "UpdateSAMLProvider",
        &[
            ("SAMLProviderArn", missing),
            ("AssertionEncryptionMode", "Allowed"),
        ],
    )
    .await
    .assert_error(404, "NoSuchEntity", &not_found);
    // Another account's ARN names nothing here.
    let foreign = "arn:aws:iam::210987654321:saml-provider/FixtureIdP";
    srv.call("GetSAMLProvider", &[("SAMLProviderArn", foreign)])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            &format!("Manifest not found for arn {foreign}"),
        );
    // Invalid metadata on update leaves the provider unchanged.
    srv.call(
        "UpdateSAMLProvider",
        &[
            ("SAMLProviderArn", PROVIDER),
            ("SAMLMetadataDocument", &not_metadata),
        ],
    )
    .await
    .assert_error(400, "InvalidInput", "Could not parse metadata");
    let get = srv
        .call("GetSAMLProvider", &[("SAMLProviderArn", PROVIDER)])
        .await;
    assert_eq!(
        get.text("ValidUntil").as_deref(),
        Some("2099-01-01T00:00:00Z")
    );
}

async fn access_denied<S: Store>(srv: Server<S>) {
    let bob = srv.user_with_key("bob").await;
    let me = (bob.0.as_str(), bob.1.as_str());
    let metadata = fixture("metadata.xml");
    srv.call_as(
        me,
        "CreateSAMLProvider",
        &[("Name", "FixtureIdP"), ("SAMLMetadataDocument", &metadata)],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied("bob", "iam:CreateSAMLProvider", PROVIDER),
    );
    // Authorization comes before existence.
    srv.call_as(me, "GetSAMLProvider", &[("SAMLProviderArn", PROVIDER)])
        .await
        .assert_error(
            403,
            "AccessDenied",
            &denied("bob", "iam:GetSAMLProvider", PROVIDER),
        );
    srv.call_as(me, "ListSAMLProviders", &[])
        .await
        .assert_error(
            403,
            "AccessDenied",
            &denied("bob", "iam:ListSAMLProviders", "*"),
        );
}

// ---- AssumeRoleWithSAML

/// The trust policy of the fixture's role: the provider, the fixture's recipient.
fn trust(condition: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"Federated":"{PROVIDER}"}},"Action":["sts:AssumeRoleWithSAML","sts:TagSession","sts:SetSourceIdentity"],"Condition":{condition}}}]}}"#
    )
}

async fn setup<S: Store>(srv: &Server<S>) {
    create_provider(srv, "FixtureIdP", &fixture("metadata.xml"))
        .await
        .assert_ok();
    let aud = trust(
        r#"{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml","saml:edupersonaffiliation":"staff"}}"#,
    );
    srv.call(
        "CreateRole",
        &[
            ("RoleName", "SamlFixtureRole"),
            ("AssumeRolePolicyDocument", &aud),
            ("MaxSessionDuration", "7200"),
        ],
    )
    .await
    .assert_ok();
}

/// An unsigned AssumeRoleWithSAML.
async fn assume<S: Store>(
    srv: &Server<S>,
    role: &str,
    provider: &str,
    assertion: &str,
    extra: &[(&str, &str)],
) -> Resp {
    let mut params = vec![
        ("Action", "AssumeRoleWithSAML"),
        ("Version", "2011-06-15"),
        ("RoleArn", role),
        ("PrincipalArn", provider),
        ("SAMLAssertion", assertion),
    ];
    params.extend_from_slice(extra);
    let req = http::Request::builder()
        .method("POST")
        .uri("/")
        .header("host", "localhost")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(form(&params)))
        .unwrap();
    srv.send(req).await
}

/// Replaces the random parts of a success response for the golden file.
fn stable(resp: &Resp) -> Resp {
    let mut body = resp.body.clone();
    for tag in ["AccessKeyId", "SecretAccessKey", "SessionToken"] {
        if let Some(v) = resp.text(tag) {
            body = body.replace(&v, &format!("[{tag}]"));
        }
    }
    Resp {
        status: resp.status,
        body,
        request_id: resp.request_id.clone(),
        content_type: resp.content_type.clone(),
    }
}

async fn assume_golden<S: Store>(srv: Server<S>) {
    setup(&srv).await;
    let assertion = b64(&fixture("response_signed_assertion.xml"));
    let r = assume(&srv, ROLE, PROVIDER, &assertion, &[]).await;
    r.assert_ok();
    assert_eq!(r.text("Subject").as_deref(), Some("alice@fixture.example"));
    assert_eq!(r.text("SubjectType").as_deref(), Some("persistent"));
    assert_eq!(r.text("Issuer").as_deref(), Some(ENTITY));
    assert_eq!(
        r.text("Audience").as_deref(),
        Some("https://signin.aws.amazon.com/saml")
    );
    let qualifier = STANDARD.encode(sha1::Sha1::digest(format!(
        "{ENTITY}123456789012/FixtureIdP"
    )));
    assert_eq!(r.text("NameQualifier"), Some(qualifier));
    assert_eq!(r.text("SourceIdentity").as_deref(), Some("alice"));
    assert!(r.text("AccessKeyId").unwrap().starts_with("ASIA"));
    assert_eq!(
        r.text("Arn").as_deref(),
        Some("arn:aws:sts::123456789012:assumed-role/SamlFixtureRole/alice@fixture.example")
    );
    // Tags came with the assertion: PackedPolicySize is present; one hour by default.
    assert!(r.text("PackedPolicySize").is_some());
    assert_eq!(
        r.text("Expiration").as_deref(),
        Some("2024-05-01T13:00:00Z")
    );
    golden("assume_role_with_saml", &stable(&r));

    // The whole-response signature verifies too; DurationSeconds up to the role maximum.
    let r = assume(
        &srv,
        ROLE,
        PROVIDER,
        &b64(&fixture("response_signed_response.xml")),
        &[("DurationSeconds", "7200")],
    )
    .await;
    r.assert_ok();
    assert_eq!(
        r.text("Expiration").as_deref(),
        Some("2024-05-01T14:00:00Z")
    );
    assume(
        &srv,
        ROLE,
        PROVIDER,
        &assertion,
        &[("DurationSeconds", "7201")],
    )
    .await
    .assert_error(
        400,
        "ValidationError",
        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
    );

    // The audit event names the SAML user.
    let events = srv.audit().await;
    let event = events
        .iter()
        .rev()
        .find(|e| e["eventName"] == "AssumeRoleWithSAML" && e["errorCode"].is_null())
        .unwrap();
    assert_eq!(event["userIdentity"]["type"], "SAMLUser");
    assert_eq!(event["userIdentity"]["userName"], "alice@fixture.example");
}

async fn refused_assertions<S: Store>(srv: Server<S>) {
    setup(&srv).await;
    let good = fixture("response_signed_assertion.xml");
    let assertion = b64(&good);
    // Modified after signing.
    let tampered = good.replace(
        ">alice</saml:AttributeValue>",
        ">root</saml:AttributeValue>",
    );
    assert_ne!(tampered, good);
    assume(&srv, ROLE, PROVIDER, &b64(&tampered), &[])
        .await
        .assert_error(400, "InvalidIdentityToken", "Response signature invalid");
    // Signature wrapping: an unsigned assertion for another role beside the signed one.
    let evil = "<saml:Assertion ID=\"evil\" Version=\"2.0\" IssueInstant=\"2020-01-01T00:00:00Z\"><saml:Issuer>https://idp.fixture.example/saml</saml:Issuer></saml:Assertion>";
    let wrapped = good.replacen("<saml:Assertion ", &format!("{evil}<saml:Assertion "), 1);
    assert_ne!(wrapped, good);
    assume(&srv, ROLE, PROVIDER, &b64(&wrapped), &[])
        .await
        .assert_error(
            400,
            "InvalidIdentityToken",
            "Invalid SAML response: exactly one assertion is required",
        );
    // The IdP reported a failure.
    let failed = good.replace(
        "urn:oasis:names:tc:SAML:2.0:status:Success",
        "urn:oasis:names:tc:SAML:2.0:status:Responder",
    );
    assert_eq!(
        assume(&srv, ROLE, PROVIDER, &b64(&failed), &[])
            .await
            .code(),
        "IDPRejectedClaim"
    );
    // A provider whose metadata has another certificate.
    create_provider(&srv, "OtherCert", &fixture("metadata_other_cert.xml"))
        .await
        .assert_ok();
    assume(
        &srv,
        ROLE,
        "arn:aws:iam::123456789012:saml-provider/OtherCert",
        &assertion,
        &[],
    )
    .await
    .assert_error(400, "InvalidIdentityToken", "Response signature invalid");
    // No such provider.
    assume(
        &srv,
        ROLE,
        "arn:aws:iam::123456789012:saml-provider/Nope",
        &assertion,
        &[],
    )
    .await
    .assert_error(
        400,
        "InvalidIdentityToken",
        "Specified provider doesn't exist",
    );
    // Not base64 / not a SAML response.
    assert_eq!(
        assume(&srv, ROLE, PROVIDER, "!!!!not-base64", &[])
            .await
            .code(),
        "InvalidIdentityToken"
    );
    assert_eq!(
        assume(&srv, ROLE, PROVIDER, &b64("<html>hello</html>"), &[])
            .await
            .code(),
        "InvalidIdentityToken"
    );
    // A role the assertion does not list.
    srv.call(
        "CreateRole",
        &[
            ("RoleName", "Unlisted"),
            ("AssumeRolePolicyDocument", &trust("{}")),
        ],
    )
    .await
    .assert_ok();
    assume(
        &srv,
        "arn:aws:iam::123456789012:role/Unlisted",
        PROVIDER,
        &assertion,
        &[],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        "Not authorized to perform sts:AssumeRoleWithSAML",
    );
    // A listed role whose trust policy refuses this subject.
    let only_bob = trust(r#"{"StringEquals":{"saml:sub":"bob@fixture.example"}}"#);
    srv.call(
        "CreateRole",
        &[
            ("RoleName", "OtherRole"),
            ("AssumeRolePolicyDocument", &only_bob),
        ],
    )
    .await
    .assert_ok();
    assume(&srv, OTHER_ROLE, PROVIDER, &assertion, &[])
        .await
        .assert_error(
            403,
            "AccessDenied",
            "Not authorized to perform sts:AssumeRoleWithSAML",
        );
    // ... and accepts it once the condition names alice (the pair lists the provider first).
    let alice = trust(
        r#"{"StringEquals":{"saml:sub":"alice@fixture.example","saml:sub_type":"persistent","saml:iss":"https://idp.fixture.example/saml","saml:doc":"123456789012/FixtureIdP"}}"#,
    );
    srv.call(
        "UpdateAssumeRolePolicy",
        &[("RoleName", "OtherRole"), ("PolicyDocument", &alice)],
    )
    .await
    .assert_ok();
    assume(&srv, OTHER_ROLE, PROVIDER, &assertion, &[])
        .await
        .assert_ok();
    // Without sts:TagSession the assertion's tags are refused.
    let no_tags = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:saml-provider/FixtureIdP"},"Action":["sts:AssumeRoleWithSAML","sts:SetSourceIdentity"]}]}"#;
    srv.call(
        "UpdateAssumeRolePolicy",
        &[("RoleName", "OtherRole"), ("PolicyDocument", no_tags)],
    )
    .await
    .assert_ok();
    assume(&srv, OTHER_ROLE, PROVIDER, &assertion, &[])
        .await
        .assert_error(
            403,
            "AccessDenied",
            "Not authorized to perform sts:AssumeRoleWithSAML",
        );
    // A role that does not exist answers the same.
    assume(
        &srv,
        "arn:aws:iam::123456789012:role/Ghost",
        PROVIDER,
        &assertion,
        &[],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        "Not authorized to perform sts:AssumeRoleWithSAML",
    );
    // Required encryption refuses plaintext assertions.
    srv.call(
        "UpdateSAMLProvider",
        &[
            ("SAMLProviderArn", PROVIDER),
            ("AssertionEncryptionMode", "Required"),
        ],
    )
    .await
    .assert_ok();
    assert_eq!(
        assume(&srv, ROLE, PROVIDER, &assertion, &[]).await.code(),
        "InvalidIdentityToken"
    );
    srv.call(
        "UpdateSAMLProvider",
        &[
            ("SAMLProviderArn", PROVIDER),
            ("AssertionEncryptionMode", "Allowed"),
        ],
    )
    .await
    .assert_ok();
    assume(&srv, ROLE, PROVIDER, &assertion, &[])
        .await
        .assert_ok();
    // After the assertion's NotOnOrAfter (2099-01-01, plus five minutes of skew).
    srv.advance(4_070_908_800 - 1_714_564_800 + 301);
    assume(&srv, ROLE, PROVIDER, &assertion, &[])
        .await
        .assert_error(
            400,
            "ExpiredTokenException",
            "Token must be redeemed within 5 minutes of issuance",
        );
}

/// Encrypted assertions (api.md §5.14, §6.4 step 3): the fixtures were encrypted by an
/// independent implementation (make_encrypted_fixture.py, pyca/cryptography) to
/// sp_private_key.pem; the keys are managed with AddPrivateKey / RemovePrivateKey.
async fn encrypted_assertions<S: Store>(srv: Server<S>) {
    setup(&srv).await;
    let cbc = b64(&fixture("response_encrypted_cbc.xml"));
    let gcm = b64(&fixture("response_encrypted_gcm.xml"));
    let plain = b64(&fixture("response_signed_assertion.xml"));
    // No private key yet: an encrypted assertion cannot be read.
    assume(&srv, ROLE, PROVIDER, &cbc, &[]).await.assert_error(
        400,
        "InvalidIdentityToken",
        "The SAML assertion is encrypted and the identity provider has no private key to decrypt it",
    );
    let update = |params: Vec<(&'static str, String)>| {
        let srv = &srv;
        async move {
            let mut all = vec![("SAMLProviderArn", PROVIDER.to_owned())];
            all.extend(params);
            let refs: Vec<(&str, &str)> = all.iter().map(|(k, v)| (*k, v.as_str())).collect();
            srv.call("UpdateSAMLProvider", &refs).await
        }
    };
    let key_ids = || async {
        let r = srv
            .call("GetSAMLProvider", &[("SAMLProviderArn", PROVIDER)])
            .await;
        r.assert_ok();
        let body = r.body;
        body.split("<KeyId>")
            .skip(1)
            .filter_map(|rest| rest.split_once("</KeyId>").map(|(id, _)| id.to_owned()))
            .collect::<Vec<String>>()
    };
    assert!(key_ids().await.is_empty());
    // A key of another service provider does not open the fixtures.
    update(vec![("AddPrivateKey", fixture("sp_other_private_key.pem"))])
        .await
        .assert_ok();
    let r = assume(&srv, ROLE, PROVIDER, &cbc, &[]).await;
    assert_eq!(r.code(), "InvalidIdentityToken", "{}", r.body);
    let other = key_ids().await;
    assert_eq!(other.len(), 1, "{other:?}");
    // With the right key (two keys: each is tried), both encodings decrypt and verify.
    update(vec![("AddPrivateKey", fixture("sp_private_key.pem"))])
        .await
        .assert_ok();
    let ids = key_ids().await;
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(
        ids.iter().all(|id| id.len() >= 22
            && id
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())),
        "{ids:?}"
    );
    for assertion in [&cbc, &gcm] {
        let r = assume(&srv, ROLE, PROVIDER, assertion, &[]).await;
        r.assert_ok();
        assert_eq!(r.text("Subject").as_deref(), Some("alice@fixture.example"));
        assert_eq!(
            r.text("Arn").as_deref(),
            Some("arn:aws:sts::123456789012:assumed-role/SamlFixtureRole/alice@fixture.example")
        );
    }
    // A third key is over the quota.
    assert_eq!(
        update(vec![("AddPrivateKey", fixture("sp_private_key.pem"))])
            .await
            .code(),
        "LimitExceeded"
    );
    // Required: plaintext assertions are refused, encrypted ones still accepted.
    update(vec![("AssertionEncryptionMode", "Required".to_owned())])
        .await
        .assert_ok();
    assume(&srv, ROLE, PROVIDER, &plain, &[])
        .await
        .assert_error(
            400,
            "InvalidIdentityToken",
            "The SAML provider requires encrypted assertions",
        );
    assume(&srv, ROLE, PROVIDER, &gcm, &[]).await.assert_ok();
    // Removing the right key (rotation: remove one, keep the other) stops decryption.
    assert_eq!(
        update(vec![(
            "RemovePrivateKey",
            "NOSUCHKEY0000000000000000".to_owned()
        )])
        .await
        .code(),
        "InvalidInput"
    );
    let right = ids.iter().find(|id| **id != other[0]).unwrap().clone();
    update(vec![("RemovePrivateKey", right)]).await.assert_ok();
    assert_eq!(key_ids().await, other);
    let r = assume(&srv, ROLE, PROVIDER, &gcm, &[]).await;
    assert_eq!(r.code(), "InvalidIdentityToken", "{}", r.body);
    // The private keys never reach the audit trail.
    let events = srv.audit().await;
    let pem = fixture("sp_private_key.pem");
    let body_line = pem.lines().nth(1).unwrap();
    for event in &events {
        assert!(!event.to_string().contains(body_line), "{event}");
    }
}

backend_tests!(
    crud_golden,
    crud_errors,
    access_denied,
    assume_golden,
    refused_assertions,
    encrypted_assertions,
);

/// PostgreSQL: the same scenarios on the other backend.
mod postgres {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn crud_golden() {
        super::common::on_postgres(super::crud_golden).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn crud_errors() {
        super::common::on_postgres(super::crud_errors).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn assume_golden() {
        super::common::on_postgres(super::assume_golden).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn refused_assertions() {
        super::common::on_postgres(super::refused_assertions).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn encrypted_assertions() {
        super::common::on_postgres(super::encrypted_assertions).await;
    }
}
