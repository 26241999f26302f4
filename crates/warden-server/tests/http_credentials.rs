//! In-process HTTP tests of server certificates, signing certificates, SSH public keys and
//! service-specific credentials (api.md §5.15), on SQLite and PostgreSQL.
//!
//! Certificates are generated with rcgen from the RSA test key of
//! `warden-certs/tests/fixtures` with fixed serials and dates, so that their PEM (and the
//! golden files showing it) is the same on every run: RSA PKCS#1 v1.5 signatures are
//! deterministic.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    reason = "tests: failing loudly is the point"
)]

mod common;
mod handlers_support;

use common::{Server, golden};
use handlers_support::{all_texts, collect_pages, denied, doc, user_with_policy};
use rcgen::{CertificateParams, KeyPair, SerialNumber, date_time_ymd};
use warden_core::Store;

const ACCOUNT_PREFIX: &str = "arn:aws:iam::123456789012";

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../warden-certs/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn rsa_key() -> KeyPair {
    KeyPair::from_pem(&fixture("rsa2048.pkcs8.pem")).unwrap()
}

/// A certificate for `key`, deterministic for an RSA key.
fn certificate(key: &KeyPair, serial: u64, from: i32, to: i32) -> String {
    let mut params = CertificateParams::new(vec!["www.example.com".to_owned()]).unwrap();
    params.serial_number = Some(SerialNumber::from(serial));
    params.not_before = date_time_ymd(from, 1, 1);
    params.not_after = date_time_ymd(to, 1, 1);
    params.self_signed(key).unwrap().pem()
}

/// Valid 2020..2030 (the test clock says 2024-05-01).
fn good_certificate(serial: u64) -> String {
    certificate(&rsa_key(), serial, 2020, 2030)
}

async fn upload<S: Store>(srv: &Server<S>, name: &str, extra: &[(&str, &str)]) -> common::Resp {
    let body = good_certificate(1);
    let key = fixture("rsa2048.pkcs8.pem");
    let mut params = vec![
        ("ServerCertificateName", name),
        ("CertificateBody", body.as_str()),
        ("PrivateKey", key.as_str()),
    ];
    params.extend_from_slice(extra);
    srv.call("UploadServerCertificate", &params).await
}

// ---- server certificates

async fn server_certificate_lifecycle<S: Store>(srv: Server<S>) {
    let chain = good_certificate(9);
    golden(
        "upload_server_certificate",
        upload(
            &srv,
            "web",
            &[
                ("Path", "/cloudfront/"),
                ("CertificateChain", &chain),
                ("Tags.member.1.Key", "env"),
                ("Tags.member.1.Value", "prod"),
            ],
        )
        .await
        .assert_ok(),
    );
    let got = srv
        .call("GetServerCertificate", &[("ServerCertificateName", "WEB")])
        .await;
    golden("get_server_certificate", got.assert_ok());
    assert_eq!(
        got.text("CertificateBody").unwrap().trim(),
        good_certificate(1).trim()
    );
    assert_eq!(got.text("CertificateChain").unwrap().trim(), chain.trim());
    assert_eq!(got.text("Expiration").unwrap(), "2030-01-01T00:00:00Z");
    assert_eq!(
        got.text("Arn").unwrap(),
        format!("{ACCOUNT_PREFIX}:server-certificate/cloudfront/web")
    );
    assert!(got.text("ServerCertificateId").unwrap().starts_with("ASCA"));
    assert!(!got.body.contains("PRIVATE KEY"), "{}", got.body);

    // Without chain or tags: no CertificateChain, an empty Tags list.
    upload(&srv, "api", &[]).await.assert_ok();
    let bare = srv
        .call("GetServerCertificate", &[("ServerCertificateName", "api")])
        .await;
    golden("get_server_certificate_bare", bare.assert_ok());
    assert!(!bare.body.contains("CertificateChain"));
    assert!(bare.body.contains("<Tags/>") || bare.body.contains("<Tags></Tags>"));

    golden(
        "list_server_certificates",
        srv.call("ListServerCertificates", &[]).await.assert_ok(),
    );
    let filtered = srv
        .call("ListServerCertificates", &[("PathPrefix", "/cloud")])
        .await;
    assert_eq!(all_texts(&filtered, "ServerCertificateName"), ["web"]);
    let pages = collect_pages(
        &srv,
        "ListServerCertificates",
        &[],
        "1",
        "ServerCertificateName",
    )
    .await;
    assert_eq!(pages, ["api", "web"]);

    // Rename and move: the id stays, the old name is gone.
    let id = got.text("ServerCertificateId").unwrap();
    golden(
        "update_server_certificate",
        srv.call(
            "UpdateServerCertificate",
            &[
                ("ServerCertificateName", "web"),
                ("NewServerCertificateName", "www"),
                ("NewPath", "/"),
            ],
        )
        .await
        .assert_ok(),
    );
    let moved = srv
        .call("GetServerCertificate", &[("ServerCertificateName", "www")])
        .await;
    assert_eq!(moved.text("ServerCertificateId").unwrap(), id);
    assert_eq!(moved.text("Path").unwrap(), "/");
    srv.call("GetServerCertificate", &[("ServerCertificateName", "web")])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            "The Server Certificate with name web cannot be found.",
        );
    srv.call(
        "UpdateServerCertificate",
        &[
            ("ServerCertificateName", "www"),
            ("NewServerCertificateName", "API"),
        ],
    )
    .await
    .assert_error(
        409,
        "EntityAlreadyExists",
        "The Server Certificate with name API already exists.",
    );

    // Tags: case-sensitive keys, upsert, untag ignores absent keys.
    golden(
        "tag_server_certificate",
        srv.call(
            "TagServerCertificate",
            &[
                ("ServerCertificateName", "www"),
                ("Tags.member.1.Key", "Env"),
                ("Tags.member.1.Value", "x"),
                ("Tags.member.2.Key", "env"),
                ("Tags.member.2.Value", "staging"),
            ],
        )
        .await
        .assert_ok(),
    );
    golden(
        "list_server_certificate_tags",
        srv.call(
            "ListServerCertificateTags",
            &[("ServerCertificateName", "www")],
        )
        .await
        .assert_ok(),
    );
    golden(
        "untag_server_certificate",
        srv.call(
            "UntagServerCertificate",
            &[
                ("ServerCertificateName", "www"),
                ("TagKeys.member.1", "Env"),
                ("TagKeys.member.2", "absent"),
            ],
        )
        .await
        .assert_ok(),
    );
    let tags = srv
        .call(
            "ListServerCertificateTags",
            &[("ServerCertificateName", "www")],
        )
        .await;
    assert_eq!(all_texts(&tags, "Key"), ["env"]);
    assert_eq!(all_texts(&tags, "Value"), ["staging"]);

    golden(
        "delete_server_certificate",
        srv.call(
            "DeleteServerCertificate",
            &[("ServerCertificateName", "www")],
        )
        .await
        .assert_ok(),
    );
    for action in [
        "GetServerCertificate",
        "DeleteServerCertificate",
        "ListServerCertificateTags",
    ] {
        srv.call(action, &[("ServerCertificateName", "www")])
            .await
            .assert_error(
                404,
                "NoSuchEntity",
                "The Server Certificate with name www cannot be found.",
            );
    }
    // Re-uploading the deleted name yields a new id.
    let again = upload(&srv, "www", &[]).await;
    assert_ne!(again.text("ServerCertificateId").unwrap(), id);
}

async fn server_certificate_errors<S: Store>(srv: Server<S>) {
    let key = fixture("rsa2048.pkcs8.pem");
    let body = good_certificate(1);
    upload(&srv, "taken", &[]).await.assert_ok();
    upload(&srv, "TAKEN", &[]).await.assert_error(
        409,
        "EntityAlreadyExists",
        "The Server Certificate with name TAKEN already exists.",
    );
    let call = |name: &'static str, body: String, key: String, chain: Option<String>| {
        let srv = &srv;
        async move {
            let mut params = vec![
                ("ServerCertificateName", name.to_owned()),
                ("CertificateBody", body),
                ("PrivateKey", key),
            ];
            if let Some(chain) = chain {
                params.push(("CertificateChain", chain));
            }
            let borrowed: Vec<(&str, &str)> =
                params.iter().map(|(k, v)| (*k, v.as_str())).collect();
            srv.call("UploadServerCertificate", &borrowed).await
        }
    };
    call("bad-body", "not a certificate".into(), key.clone(), None)
        .await
        .assert_error(
            400,
            "MalformedCertificate",
            "Unable to parse certificate. Please ensure the certificate is in PEM format.",
        );
    call("bad-key", body.clone(), "not a key".into(), None)
        .await
        .assert_error(
            400,
            "MalformedCertificate",
            "Unable to parse private key. Please ensure the private key is in PEM format.",
        );
    call(
        "encrypted-key",
        body.clone(),
        fixture("rsa2048.encrypted.pem"),
        None,
    )
    .await
    .assert_error(
        400,
        "MalformedCertificate",
        "Unable to parse private key. Please ensure the private key is in PEM format.",
    );
    call(
        "mismatch",
        body.clone(),
        fixture("rsa2048b.pkcs1.pem"),
        None,
    )
    .await
    .assert_error(
        400,
        "KeyPairMismatch",
        "Public key certificate and private key doesn't match.",
    );
    call("ec-key", body.clone(), fixture("p256.sec1.pem"), None)
        .await
        .assert_error(
            400,
            "KeyPairMismatch",
            "Public key certificate and private key doesn't match.",
        );
    call("bad-chain", body.clone(), key.clone(), Some("chain".into()))
        .await
        .assert_error(
            400,
            "MalformedCertificate",
            "Unable to parse certificate chain. Please ensure the certificate chain is in PEM format.",
        );
    let expired = certificate(&rsa_key(), 5, 2010, 2020);
    call("expired", expired, key.clone(), None)
        .await
        .assert_error(400, "MalformedCertificate", "The certificate has expired.");
    let ed = KeyPair::generate_for(&rcgen::PKCS_ED25519).unwrap();
    call(
        "ed25519",
        certificate(&ed, 6, 2020, 2030),
        ed.serialize_pem(),
        None,
    )
    .await
    .assert_error(
        400,
        "InvalidInput",
        "The key type or size is not supported. Use RSA up to 4096 bits or ECDSA P-256/P-384.",
    );
    // The PKCS#1 form of the right key and a P-256 certificate with its SEC1 key work.
    call("pkcs1", body.clone(), fixture("rsa2048.pkcs1.pem"), None)
        .await
        .assert_ok();
    let p256 = KeyPair::from_pem(&fixture("p256.pkcs8.pem")).unwrap();
    call(
        "p256",
        certificate(&p256, 7, 2020, 2030),
        fixture("p256.sec1.pem"),
        None,
    )
    .await
    .assert_ok();
    // Nothing of the refused uploads was stored.
    let list = srv.call("ListServerCertificates", &[]).await;
    assert_eq!(
        all_texts(&list, "ServerCertificateName"),
        ["p256", "pkcs1", "taken"]
    );
    // Quota: 20 per account.
    for i in 3..20 {
        upload(&srv, &format!("cert{i}"), &[]).await.assert_ok();
    }
    upload(&srv, "one-too-many", &[]).await.assert_error(
        409,
        "LimitExceeded",
        "Cannot exceed quota for ServerCertificatesPerAccount: 20",
    );
    // Tags: duplicate keys and more than 50.
    upload(
        &srv,
        "dup-tags",
        &[
            ("Tags.member.1.Key", "a"),
            ("Tags.member.1.Value", "1"),
            ("Tags.member.2.Key", "a"),
            ("Tags.member.2.Value", "2"),
        ],
    )
    .await
    .assert_error(
        409,
        "LimitExceeded",
        "Cannot exceed quota for ServerCertificatesPerAccount: 20",
    );
    srv.call(
        "DeleteServerCertificate",
        &[("ServerCertificateName", "cert3")],
    )
    .await
    .assert_ok();
    upload(
        &srv,
        "dup-tags",
        &[
            ("Tags.member.1.Key", "a"),
            ("Tags.member.1.Value", "1"),
            ("Tags.member.2.Key", "a"),
            ("Tags.member.2.Value", "2"),
        ],
    )
    .await
    .assert_error(400, "InvalidInput", "Duplicate tag keys found.");
    // The private key never reaches the audit log.
    let events = srv.audit().await;
    let uploads: Vec<&serde_json::Value> = events
        .iter()
        .filter(|e| e["eventName"] == "UploadServerCertificate")
        .collect();
    assert!(uploads.len() > 20);
    for e in uploads {
        let text = e.to_string();
        assert!(!text.contains("PRIVATE KEY"), "{text}");
        assert!(!text.contains(&key[40..80]), "{text}");
    }
}

async fn server_certificate_access_denied<S: Store>(srv: Server<S>) {
    upload(&srv, "web", &[]).await.assert_ok();
    let (id, secret) = srv.user_with_key("bob").await;
    let bob = (id.as_str(), secret.as_str());
    srv.call_as(
        bob,
        "GetServerCertificate",
        &[("ServerCertificateName", "web")],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied(
            "bob",
            "iam:GetServerCertificate",
            &format!("{ACCOUNT_PREFIX}:server-certificate/web"),
        ),
    );
    srv.call_as(bob, "ListServerCertificates", &[])
        .await
        .assert_error(
            403,
            "AccessDenied",
            &denied(
                "bob",
                "iam:ListServerCertificates",
                &format!("{ACCOUNT_PREFIX}:server-certificate/"),
            ),
        );
    // Upload with tags needs iam:TagServerCertificate too (api.md §4.3).
    let (id, secret) = user_with_policy(&srv, "carol", &doc("iam:UploadServerCertificate")).await;
    let carol = (id.as_str(), secret.as_str());
    let body = good_certificate(1);
    let key = fixture("rsa2048.pkcs8.pem");
    let params = [
        ("ServerCertificateName", "tagged"),
        ("CertificateBody", body.as_str()),
        ("PrivateKey", key.as_str()),
        ("Tags.member.1.Key", "k"),
        ("Tags.member.1.Value", "v"),
    ];
    srv.call_as(carol, "UploadServerCertificate", &params)
        .await
        .assert_error(
            403,
            "AccessDenied",
            &denied(
                "carol",
                "iam:TagServerCertificate",
                &format!("{ACCOUNT_PREFIX}:server-certificate/tagged"),
            ),
        );
    srv.call_as(carol, "UploadServerCertificate", &params[..3])
        .await
        .assert_ok();
    // Rename: authorized on the old and the new ARN.
    let (id, secret) = user_with_policy(
        &srv,
        "dave",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:UpdateServerCertificate","Resource":"arn:aws:iam::123456789012:server-certificate/web"}]}"#,
    )
    .await;
    srv.call_as(
        (id.as_str(), secret.as_str()),
        "UpdateServerCertificate",
        &[
            ("ServerCertificateName", "web"),
            ("NewServerCertificateName", "web2"),
        ],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied(
            "dave",
            "iam:UpdateServerCertificate",
            &format!("{ACCOUNT_PREFIX}:server-certificate/web2"),
        ),
    );
}

// ---- signing certificates

async fn signing_certificate_lifecycle<S: Store>(srv: Server<S>) {
    srv.call("CreateUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    let first = good_certificate(11);
    let r = srv
        .call(
            "UploadSigningCertificate",
            &[("UserName", "ALICE"), ("CertificateBody", &first)],
        )
        .await;
    golden("upload_signing_certificate", r.assert_ok());
    let id = r.text("CertificateId").unwrap();
    assert_eq!(id.len(), 32);
    assert!(
        id.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    );
    assert_eq!(r.text("UserName").unwrap(), "alice");
    srv.call(
        "UploadSigningCertificate",
        &[
            ("UserName", "alice"),
            ("CertificateBody", &good_certificate(12)),
        ],
    )
    .await
    .assert_ok();
    golden(
        "list_signing_certificates",
        srv.call("ListSigningCertificates", &[("UserName", "alice")])
            .await
            .assert_ok(),
    );
    let pages = collect_pages(
        &srv,
        "ListSigningCertificates",
        &[("UserName", "alice")],
        "1",
        "CertificateId",
    )
    .await;
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[0], id);
    golden(
        "update_signing_certificate",
        srv.call(
            "UpdateSigningCertificate",
            &[
                ("UserName", "alice"),
                ("CertificateId", &id),
                ("Status", "Inactive"),
            ],
        )
        .await
        .assert_ok(),
    );
    let list = srv
        .call("ListSigningCertificates", &[("UserName", "alice")])
        .await;
    assert_eq!(all_texts(&list, "Status"), ["Inactive", "Active"]);

    // Errors: quota, duplicate, malformed (body echoed), expired, unknown ids.
    srv.call(
        "UploadSigningCertificate",
        &[
            ("UserName", "alice"),
            ("CertificateBody", &good_certificate(13)),
        ],
    )
    .await
    .assert_error(
        409,
        "LimitExceeded",
        "Cannot exceed quota for CertificatesPerUser: 2",
    );
    srv.call("CreateUser", &[("UserName", "bob")])
        .await
        .assert_ok();
    srv.call(
        "UploadSigningCertificate",
        &[("UserName", "bob"), ("CertificateBody", &first)],
    )
    .await
    .assert_error(
        409,
        "DuplicateCertificate",
        "The request was rejected because the same certificate is associated with an IAM user in the account.",
    );
    srv.call(
        "UploadSigningCertificate",
        &[("UserName", "bob"), ("CertificateBody", "garbage")],
    )
    .await
    .assert_error(
        400,
        "MalformedCertificate",
        "Certificate garbage is malformed.",
    );
    srv.call(
        "UploadSigningCertificate",
        &[
            ("UserName", "bob"),
            ("CertificateBody", &certificate(&rsa_key(), 14, 2010, 2020)),
        ],
    )
    .await
    .assert_error(
        400,
        "InvalidCertificate",
        "The certificate is expired or not yet valid.",
    );
    srv.call(
        "UploadSigningCertificate",
        &[
            ("UserName", "bob"),
            ("CertificateBody", &certificate(&rsa_key(), 15, 2025, 2030)),
        ],
    )
    .await
    .assert_error(
        400,
        "InvalidCertificate",
        "The certificate is expired or not yet valid.",
    );
    srv.call(
        "UploadSigningCertificate",
        &[("UserName", "nobody"), ("CertificateBody", &first)],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "The user with name nobody cannot be found.",
    );
    // Another user's certificate is not found for bob.
    let missing = format!("The Certificate with id {id} cannot be found.");
    for (action, extra) in [
        ("UpdateSigningCertificate", Some(("Status", "Active"))),
        ("DeleteSigningCertificate", None),
    ] {
        let mut params = vec![("UserName", "bob"), ("CertificateId", id.as_str())];
        params.extend(extra);
        srv.call(action, &params)
            .await
            .assert_error(404, "NoSuchEntity", &missing);
    }
    srv.call(
        "UpdateSigningCertificate",
        &[
            ("UserName", "alice"),
            ("CertificateId", &id),
            ("Status", "Expired"),
        ],
    )
    .await
    .assert_error(
        400,
        "ValidationError",
        "1 validation error detected: Value at 'status' failed to satisfy constraint: Member must satisfy enum value set",
    );

    // A user with signing certificates cannot be deleted.
    srv.call("DeleteUser", &[("UserName", "alice")])
        .await
        .assert_error(
            409,
            "DeleteConflict",
            "Cannot delete entity, must delete signing certificates first.",
        );
    golden(
        "delete_signing_certificate",
        srv.call(
            "DeleteSigningCertificate",
            &[("UserName", "alice"), ("CertificateId", &id)],
        )
        .await
        .assert_ok(),
    );
    let rest = all_texts(
        &srv.call("ListSigningCertificates", &[("UserName", "alice")])
            .await,
        "CertificateId",
    );
    srv.call(
        "DeleteSigningCertificate",
        &[("UserName", "alice"), ("CertificateId", &rest[0])],
    )
    .await
    .assert_ok();
    srv.call("DeleteUser", &[("UserName", "alice")])
        .await
        .assert_ok();
}

async fn signing_certificates_of_root_and_caller<S: Store>(srv: Server<S>) {
    // Root without UserName: root's own certificates, no UserName element.
    let r = srv
        .call(
            "UploadSigningCertificate",
            &[("CertificateBody", &good_certificate(21))],
        )
        .await;
    golden("upload_signing_certificate_root", r.assert_ok());
    assert!(r.text("UserName").is_none());
    let root_id = r.text("CertificateId").unwrap();
    let list = srv.call("ListSigningCertificates", &[]).await;
    assert_eq!(
        all_texts(&list, "CertificateId"),
        std::slice::from_ref(&root_id)
    );
    // A user without UserName addresses its own certificates.
    let (id, secret) = user_with_policy(&srv, "carol", &doc("iam:*SigningCertificate*")).await;
    let carol = (id.as_str(), secret.as_str());
    let mine = srv
        .call_as(
            carol,
            "UploadSigningCertificate",
            &[("CertificateBody", &good_certificate(22))],
        )
        .await;
    assert_eq!(mine.assert_ok().text("UserName").unwrap(), "carol");
    let listed = srv.call_as(carol, "ListSigningCertificates", &[]).await;
    assert_eq!(
        all_texts(&listed, "CertificateId"),
        [mine.text("CertificateId").unwrap()]
    );
    // Root's certificate is not carol's.
    srv.call_as(
        carol,
        "DeleteSigningCertificate",
        &[("CertificateId", &root_id)],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        &format!("The Certificate with id {root_id} cannot be found."),
    );
    // Without permission: denied on the caller's own ARN.
    let (id, secret) = srv.user_with_key("dan").await;
    srv.call_as(
        (id.as_str(), secret.as_str()),
        "ListSigningCertificates",
        &[],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied(
            "dan",
            "iam:ListSigningCertificates",
            &format!("{ACCOUNT_PREFIX}:user/dan"),
        ),
    );
}

// ---- SSH public keys

/// ssh-keygen's MD5 fingerprint of `rsa2048.pub` (warden-certs/tests/fixtures/README.md).
const RSA2048_MD5: &str = "d9:34:dd:84:61:2a:4e:96:f8:2d:4d:90:11:5a:80:18";

async fn ssh_key_lifecycle<S: Store>(srv: Server<S>) {
    srv.call("CreateUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    let line = fixture("rsa2048.pub");
    let r = srv
        .call(
            "UploadSSHPublicKey",
            &[("UserName", "alice"), ("SSHPublicKeyBody", &line)],
        )
        .await;
    golden("upload_ssh_public_key", r.assert_ok());
    assert_eq!(r.text("Fingerprint").unwrap(), RSA2048_MD5);
    let id = r.text("SSHPublicKeyId").unwrap();
    assert!(id.starts_with("APKA") && id.len() == 20, "{id}");
    let ssh = srv
        .call(
            "GetSSHPublicKey",
            &[
                ("UserName", "alice"),
                ("SSHPublicKeyId", &id),
                ("Encoding", "SSH"),
            ],
        )
        .await;
    golden("get_ssh_public_key_ssh", ssh.assert_ok());
    assert_eq!(ssh.text("SSHPublicKeyBody").unwrap(), line.trim());
    let pem = srv
        .call(
            "GetSSHPublicKey",
            &[
                ("UserName", "alice"),
                ("SSHPublicKeyId", &id),
                ("Encoding", "PEM"),
            ],
        )
        .await;
    golden("get_ssh_public_key_pem", pem.assert_ok());
    assert_eq!(
        pem.text("SSHPublicKeyBody").unwrap().trim(),
        fixture("rsa2048.spki.pem").trim()
    );
    // A PEM upload is returned in OpenSSH form on request.
    let more = fixture("rsa2048_more.pub");
    let more: Vec<&str> = more.lines().collect();
    let second = srv
        .call(
            "UploadSSHPublicKey",
            &[("UserName", "alice"), ("SSHPublicKeyBody", more[0])],
        )
        .await;
    let second_id = second.assert_ok().text("SSHPublicKeyId").unwrap();
    golden(
        "list_ssh_public_keys",
        srv.call("ListSSHPublicKeys", &[("UserName", "alice")])
            .await
            .assert_ok(),
    );
    let pages = collect_pages(
        &srv,
        "ListSSHPublicKeys",
        &[("UserName", "alice")],
        "1",
        "SSHPublicKeyId",
    )
    .await;
    assert_eq!(pages, [id.clone(), second_id]);
    golden(
        "update_ssh_public_key",
        srv.call(
            "UpdateSSHPublicKey",
            &[
                ("UserName", "alice"),
                ("SSHPublicKeyId", &id),
                ("Status", "Inactive"),
            ],
        )
        .await
        .assert_ok(),
    );
    let list = srv
        .call("ListSSHPublicKeys", &[("UserName", "alice")])
        .await;
    assert_eq!(all_texts(&list, "Status"), ["Inactive", "Active"]);

    // Errors.
    let spki = fixture("rsa2048.spki.pem");
    srv.call(
        "UploadSSHPublicKey",
        &[("UserName", "alice"), ("SSHPublicKeyBody", &spki)],
    )
    .await
    .assert_error(
        400,
        "DuplicateSSHPublicKey",
        "The request was rejected because the SSH public key is already associated with the specified IAM user.",
    );
    srv.call(
        "UploadSSHPublicKey",
        &[
            ("UserName", "alice"),
            ("SSHPublicKeyBody", &fixture("ed25519.pub")),
        ],
    )
    .await
    .assert_error(
        400,
        "UnrecognizedPublicKeyEncoding",
        "The request was rejected because the public key encoding format is unsupported or unrecognized.",
    );
    srv.call(
        "UploadSSHPublicKey",
        &[
            ("UserName", "alice"),
            ("SSHPublicKeyBody", &fixture("rsa1024.pub")),
        ],
    )
    .await
    .assert_error(
        400,
        "InvalidPublicKey",
        "The request was rejected because the public key is malformed or otherwise invalid.",
    );
    srv.call(
        "UploadSSHPublicKey",
        &[("UserName", "nobody"), ("SSHPublicKeyBody", &line)],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "The user with name nobody cannot be found.",
    );
    for body in &more[1..4] {
        srv.call(
            "UploadSSHPublicKey",
            &[("UserName", "alice"), ("SSHPublicKeyBody", body)],
        )
        .await
        .assert_ok();
    }
    srv.call(
        "UploadSSHPublicKey",
        &[("UserName", "alice"), ("SSHPublicKeyBody", more[4])],
    )
    .await
    .assert_error(
        409,
        "LimitExceeded",
        "Cannot exceed quota for KeyPairsPerUser: 5",
    );
    // Another user may hold the same key.
    srv.call("CreateUser", &[("UserName", "bob")])
        .await
        .assert_ok();
    srv.call(
        "UploadSSHPublicKey",
        &[("UserName", "bob"), ("SSHPublicKeyBody", &line)],
    )
    .await
    .assert_ok();
    // alice's key is not bob's.
    let missing = format!("The Public Key with id {id} cannot be found.");
    srv.call(
        "GetSSHPublicKey",
        &[
            ("UserName", "bob"),
            ("SSHPublicKeyId", &id),
            ("Encoding", "SSH"),
        ],
    )
    .await
    .assert_error(404, "NoSuchEntity", &missing);
    srv.call(
        "DeleteSSHPublicKey",
        &[("UserName", "bob"), ("SSHPublicKeyId", &id)],
    )
    .await
    .assert_error(404, "NoSuchEntity", &missing);

    srv.call("DeleteUser", &[("UserName", "alice")])
        .await
        .assert_error(
            409,
            "DeleteConflict",
            "Cannot delete entity, must delete SSH public keys first.",
        );
    golden(
        "delete_ssh_public_key",
        srv.call(
            "DeleteSSHPublicKey",
            &[("UserName", "alice"), ("SSHPublicKeyId", &id)],
        )
        .await
        .assert_ok(),
    );
    srv.call(
        "UpdateSSHPublicKey",
        &[
            ("UserName", "alice"),
            ("SSHPublicKeyId", &id),
            ("Status", "Active"),
        ],
    )
    .await
    .assert_error(404, "NoSuchEntity", &missing);
    // Root lists none of its own.
    let root = srv.call("ListSSHPublicKeys", &[]).await;
    root.assert_ok();
    assert!(all_texts(&root, "SSHPublicKeyId").is_empty());
    assert!(
        root.body.contains("<SSHPublicKeys/>")
            || root.body.contains("<SSHPublicKeys></SSHPublicKeys>"),
        "{}",
        root.body
    );
}

// ---- service-specific credentials

async fn service_credential_lifecycle<S: Store>(srv: Server<S>) {
    srv.call("CreateUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    let r = srv
        .call(
            "CreateServiceSpecificCredential",
            &[
                ("UserName", "alice"),
                ("ServiceName", "codecommit.amazonaws.com"),
            ],
        )
        .await;
    golden("create_service_specific_credential", r.assert_ok());
    let id = r.text("ServiceSpecificCredentialId").unwrap();
    assert!(id.starts_with("ACCA") && id.len() == 21, "{id}");
    assert_eq!(r.text("ServiceUserName").unwrap(), "alice-at-123456789012");
    let password = r.text("ServicePassword").unwrap();
    assert_eq!(password.len(), 44);
    assert!(r.text("ExpirationDate").is_none());
    // The password is never audited.
    let events = srv.audit().await;
    assert!(events.iter().all(|e| !e.to_string().contains(&password)));

    // CredentialAgeDays is for API keys only.
    srv.call(
        "CreateServiceSpecificCredential",
        &[
            ("UserName", "alice"),
            ("ServiceName", "cassandra.amazonaws.com"),
            ("CredentialAgeDays", "1"),
        ],
    )
    .await
    .assert_error(
        400,
        "InvalidInput",
        "CredentialAgeDays is only valid for Bedrock and CloudWatch Logs API keys.",
    );
    // A Bedrock API key: alias and secret instead of user name and password.
    let keyspaces = srv
        .call(
            "CreateServiceSpecificCredential",
            &[
                ("UserName", "alice"),
                ("ServiceName", "bedrock.amazonaws.com"),
                ("CredentialAgeDays", "1"),
            ],
        )
        .await;
    golden(
        "create_service_specific_credential_api_key",
        keyspaces.assert_ok(),
    );
    assert_eq!(
        keyspaces.text("ExpirationDate").unwrap(),
        "2024-05-02T12:00:00Z"
    );
    assert!(keyspaces.text("ServicePassword").is_none());
    assert!(keyspaces.text("ServiceUserName").is_none());
    let alias = keyspaces.text("ServiceCredentialAlias").unwrap();
    assert_eq!(alias, "alice-at-123456789012");
    let secret = keyspaces.text("ServiceCredentialSecret").unwrap();
    let decoded = {
        use base64::Engine as _;
        let raw = base64::engine::general_purpose::STANDARD
            .decode(secret.strip_prefix("ABSK").unwrap())
            .unwrap();
        String::from_utf8(raw).unwrap()
    };
    assert!(decoded.starts_with("alice-at-123456789012:"), "{decoded}");
    let keyspaces_id = keyspaces.text("ServiceSpecificCredentialId").unwrap();
    golden(
        "list_service_specific_credentials",
        srv.call("ListServiceSpecificCredentials", &[("UserName", "alice")])
            .await
            .assert_ok(),
    );
    let only = srv
        .call(
            "ListServiceSpecificCredentials",
            &[
                ("UserName", "alice"),
                ("ServiceName", "bedrock.amazonaws.com"),
            ],
        )
        .await;
    assert_eq!(all_texts(&only, "ServiceCredentialAlias"), [alias]);
    assert_eq!(
        all_texts(&only, "ServiceSpecificCredentialId"),
        std::slice::from_ref(&keyspaces_id)
    );
    assert!(!only.body.contains("ServicePassword"));

    let reset = srv
        .call(
            "ResetServiceSpecificCredential",
            &[("UserName", "alice"), ("ServiceSpecificCredentialId", &id)],
        )
        .await;
    golden("reset_service_specific_credential", reset.assert_ok());
    assert_ne!(reset.text("ServicePassword").unwrap(), password);
    assert_eq!(reset.text("ServiceSpecificCredentialId").unwrap(), id);
    golden(
        "update_service_specific_credential",
        srv.call(
            "UpdateServiceSpecificCredential",
            &[
                ("UserName", "alice"),
                ("ServiceSpecificCredentialId", &id),
                ("Status", "Inactive"),
            ],
        )
        .await
        .assert_ok(),
    );
    // A day later the Keyspaces credential has expired.
    srv.advance(86_400);
    let statuses = srv
        .call("ListServiceSpecificCredentials", &[("UserName", "alice")])
        .await;
    assert_eq!(all_texts(&statuses, "Status"), ["Inactive", "Expired"]);

    // Errors.
    srv.call(
        "CreateServiceSpecificCredential",
        &[("UserName", "alice"), ("ServiceName", "s3.amazonaws.com")],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "No such service s3.amazonaws.com is supported for Service Specific Credentials",
    );
    srv.call(
        "CreateServiceSpecificCredential",
        &[
            ("UserName", "nobody"),
            ("ServiceName", "codecommit.amazonaws.com"),
        ],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "The user with name nobody cannot be found.",
    );
    srv.call(
        "CreateServiceSpecificCredential",
        &[
            ("UserName", "alice"),
            ("ServiceName", "codecommit.amazonaws.com"),
        ],
    )
    .await
    .assert_ok();
    srv.call(
        "CreateServiceSpecificCredential",
        &[
            ("UserName", "alice"),
            ("ServiceName", "codecommit.amazonaws.com"),
        ],
    )
    .await
    .assert_error(
        409,
        "LimitExceeded",
        "Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: 2",
    );
    srv.call("CreateUser", &[("UserName", "bob")])
        .await
        .assert_ok();
    let missing = format!("No such credential {id} exists");
    for (action, extra) in [
        ("ResetServiceSpecificCredential", None),
        (
            "UpdateServiceSpecificCredential",
            Some(("Status", "Active")),
        ),
        ("DeleteServiceSpecificCredential", None),
    ] {
        let mut params = vec![
            ("UserName", "bob"),
            ("ServiceSpecificCredentialId", id.as_str()),
        ];
        params.extend(extra);
        srv.call(action, &params)
            .await
            .assert_error(404, "NoSuchEntity", &missing);
    }
    srv.call(
        "DeleteServiceSpecificCredential",
        &[
            ("UserName", "alice"),
            ("ServiceSpecificCredentialId", "ACCANOSUCHCREDENTIAL"),
        ],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "No such credential ACCANOSUCHCREDENTIAL exists",
    );
    // Every user's credentials.
    srv.call(
        "CreateServiceSpecificCredential",
        &[
            ("UserName", "bob"),
            ("ServiceName", "bedrock.amazonaws.com"),
        ],
    )
    .await
    .assert_ok();
    let everyone = srv
        .call("ListServiceSpecificCredentials", &[("AllUsers", "true")])
        .await;
    everyone.assert_ok();
    assert_eq!(
        all_texts(&everyone, "UserName"),
        ["alice", "alice", "alice", "bob"]
    );

    srv.call("DeleteUser", &[("UserName", "bob")])
        .await
        .assert_error(
            409,
            "DeleteConflict",
            "Cannot delete entity, must remove referenced objects first.",
        );
    golden(
        "delete_service_specific_credential",
        srv.call(
            "DeleteServiceSpecificCredential",
            &[("UserName", "alice"), ("ServiceSpecificCredentialId", &id)],
        )
        .await
        .assert_ok(),
    );
    let left = srv
        .call("ListServiceSpecificCredentials", &[("UserName", "alice")])
        .await;
    assert_eq!(all_texts(&left, "ServiceSpecificCredentialId").len(), 2);
}

async fn service_credential_access<S: Store>(srv: Server<S>) {
    srv.call("CreateUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    // Only CodeCommit credentials may be created (iam:ServiceSpecificCredentialServiceName).
    let (id, secret) = user_with_policy(
        &srv,
        "admin",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*ServiceSpecificCredential*","Resource":"*","Condition":{"StringEquals":{"iam:ServiceSpecificCredentialServiceName":"codecommit.amazonaws.com"}}}]}"#,
    )
    .await;
    let admin = (id.as_str(), secret.as_str());
    let made = srv
        .call_as(
            admin,
            "CreateServiceSpecificCredential",
            &[
                ("UserName", "alice"),
                ("ServiceName", "codecommit.amazonaws.com"),
            ],
        )
        .await;
    let credential = made
        .assert_ok()
        .text("ServiceSpecificCredentialId")
        .unwrap();
    let denial = srv
        .call_as(
            admin,
            "CreateServiceSpecificCredential",
            &[
                ("UserName", "alice"),
                ("ServiceName", "cassandra.amazonaws.com"),
            ],
        )
        .await;
    assert_eq!(denial.status, 403, "{}", denial.body);
    assert_eq!(denial.code(), "AccessDenied");
    // The stored credential's service name is in the context of Reset/Update/Delete.
    let other = srv
        .call(
            "CreateServiceSpecificCredential",
            &[
                ("UserName", "alice"),
                ("ServiceName", "cassandra.amazonaws.com"),
            ],
        )
        .await;
    let other = other
        .assert_ok()
        .text("ServiceSpecificCredentialId")
        .unwrap();
    srv.call_as(
        admin,
        "ResetServiceSpecificCredential",
        &[
            ("UserName", "alice"),
            ("ServiceSpecificCredentialId", &credential),
        ],
    )
    .await
    .assert_ok();
    let refused = srv
        .call_as(
            admin,
            "DeleteServiceSpecificCredential",
            &[
                ("UserName", "alice"),
                ("ServiceSpecificCredentialId", &other),
            ],
        )
        .await;
    assert_eq!(refused.code(), "AccessDenied", "{}", refused.body);
    // A user without UserName addresses itself; a root caller lists nothing.
    let (id, secret) = user_with_policy(&srv, "carol", &doc("iam:*")).await;
    let carol = (id.as_str(), secret.as_str());
    let own = srv
        .call_as(
            carol,
            "CreateServiceSpecificCredential",
            &[
                ("UserName", "carol"),
                ("ServiceName", "codecommit.amazonaws.com"),
            ],
        )
        .await;
    let own_id = own.assert_ok().text("ServiceSpecificCredentialId").unwrap();
    let listed = srv
        .call_as(carol, "ListServiceSpecificCredentials", &[])
        .await;
    assert_eq!(
        all_texts(&listed, "ServiceSpecificCredentialId"),
        std::slice::from_ref(&own_id)
    );
    srv.call_as(
        carol,
        "DeleteServiceSpecificCredential",
        &[("ServiceSpecificCredentialId", &own_id)],
    )
    .await
    .assert_ok();
    let root = srv.call("ListServiceSpecificCredentials", &[]).await;
    root.assert_ok();
    assert!(all_texts(&root, "ServiceSpecificCredentialId").is_empty());
}

/// Secrets at rest: neither a server certificate's private key nor a service password
/// appears in the SQLite files (database and WAL), while the public certificate does.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secrets_are_sealed_at_rest() {
    let srv = common::sqlite().await;
    upload(&srv, "web", &[]).await.assert_ok();
    srv.call("CreateUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    let created = srv
        .call(
            "CreateServiceSpecificCredential",
            &[
                ("UserName", "alice"),
                ("ServiceName", "codecommit.amazonaws.com"),
            ],
        )
        .await;
    let password = created.assert_ok().text("ServicePassword").unwrap();
    let key_line = fixture("rsa2048.pkcs8.pem")
        .lines()
        .nth(5)
        .unwrap()
        .to_owned();
    let cert_line = good_certificate(1).lines().nth(5).unwrap().to_owned();
    let mut stored = Vec::new();
    for entry in std::fs::read_dir(srv.dir.path()).unwrap() {
        stored.extend(std::fs::read(entry.unwrap().path()).unwrap());
    }
    let contains = |needle: &str| stored.windows(needle.len()).any(|w| w == needle.as_bytes());
    assert!(
        contains(&cert_line),
        "the certificate body is stored in clear"
    );
    assert!(!contains(&key_line), "private key stored in clear");
    assert!(!contains(&password), "service password stored in clear");
}

/// Each scenario on a fresh SQLite file and on a fresh PostgreSQL database.
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name(super::common::sqlite().await).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::common::on_postgres(super::$name).await;
                }
            )*
        }
    };
}

both_backends!(
    server_certificate_lifecycle,
    server_certificate_errors,
    server_certificate_access_denied,
    signing_certificate_lifecycle,
    signing_certificates_of_root_and_caller,
    ssh_key_lifecycle,
    service_credential_lifecycle,
    service_credential_access,
);
