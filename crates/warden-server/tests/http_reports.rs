//! In-process HTTP tests of the credential report (api.md §5.17), access advisor (§5.18),
//! service-linked roles (§5.6) and SetSecurityTokenServicePreferences (§5.16).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: failing loudly is the point"
)]

mod common;
mod handlers_support;

use common::{ACCOUNT, Resp, START, Server, golden};
use handlers_support::{ALLOW_ALL, all_texts, denied, doc, store_user_policy};
use warden_core::{GlobalEndpointTokenVersion, Store, Transaction};

/// Standard base64 (the wire encoding of blobs, api.md §1.3 rule 8).
fn base64_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let mut buffer = 0u32;
    let mut bits = 0;
    for c in text
        .bytes()
        .filter(|c| *c != b'=' && !c.is_ascii_whitespace())
    {
        let value = ALPHABET.iter().position(|a| *a == c).unwrap() as u32;
        buffer = (buffer << 6) | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    out
}

/// The decoded CSV of a GetCredentialReport response, as rows of columns.
fn report_rows(r: &Resp) -> Vec<Vec<String>> {
    let csv = String::from_utf8(base64_decode(&r.text("Content").unwrap())).unwrap();
    assert!(csv.ends_with('\n'), "{csv}");
    csv.lines()
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect()
}

/// A self-signed certificate for the RSA test key of `warden-certs/tests/fixtures`.
fn signing_certificate() -> String {
    let pem = std::fs::read_to_string(format!(
        "{}/../warden-certs/tests/fixtures/rsa2048.pkcs8.pem",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let key = rcgen::KeyPair::from_pem(&pem).unwrap();
    let mut params = rcgen::CertificateParams::new(vec!["signer.example.com".to_owned()]).unwrap();
    params.not_before = rcgen::date_time_ymd(2020, 1, 1);
    params.not_after = rcgen::date_time_ymd(2030, 1, 1);
    params.self_signed(&key).unwrap().pem()
}

fn column(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap()
}

async fn credential_report<S: Store>(srv: Server<S>) {
    // Never generated: 410 without a Message element (api.md §5.17).
    let r = srv.call("GetCredentialReport", &[]).await;
    assert_eq!((r.status, r.code().as_str()), (410, "ReportNotPresent"));
    assert!(!r.body.contains("<Message>"), "{}", r.body);

    let (id, secret) = srv.user_with_key("alice").await;
    store_user_policy(&srv, "alice", "all", ALLOW_ALL).await;
    srv.call("CreateUser", &[("UserName", "bob")])
        .await
        .assert_ok();
    srv.call(
        "CreateLoginProfile",
        &[("UserName", "bob"), ("Password", "Corr3ct-Horse-Battery!")],
    )
    .await
    .assert_ok();
    srv.call("UpdateAccountPasswordPolicy", &[("MaxPasswordAge", "90")])
        .await
        .assert_ok();
    // An MFA device enabled for bob.
    let r = srv
        .call("CreateVirtualMFADevice", &[("VirtualMFADeviceName", "bob")])
        .await;
    let serial = r.assert_ok().text("SerialNumber").unwrap();
    let seed = String::from_utf8(base64_decode(&r.text("Base32StringSeed").unwrap())).unwrap();
    let step = warden_sts::totp::step_at(START);
    let code1 = warden_sts::totp::code_at(&seed, step).unwrap();
    let code2 = warden_sts::totp::code_at(&seed, step + 1).unwrap();
    srv.call(
        "EnableMFADevice",
        &[
            ("UserName", "bob"),
            ("SerialNumber", &serial),
            ("AuthenticationCode1", &code1),
            ("AuthenticationCode2", &code2),
        ],
    )
    .await
    .assert_ok();
    let certificate = signing_certificate();
    srv.call(
        "UploadSigningCertificate",
        &[("UserName", "bob"), ("CertificateBody", &certificate)],
    )
    .await
    .assert_ok();
    srv.advance(60);
    srv.call("CreateAccessKey", &[("UserName", "alice")])
        .await
        .assert_ok();
    srv.call_as((&id, &secret), "GetUser", &[])
        .await
        .assert_ok();
    // Key use is recorded in the background: wait until it shows.
    for _ in 0..100 {
        let r = srv
            .call("GetAccessKeyLastUsed", &[("AccessKeyId", &id)])
            .await;
        if r.text("ServiceName").as_deref() == Some("iam") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }

    golden(
        "generate_credential_report_started",
        srv.call("GenerateCredentialReport", &[]).await.assert_ok(),
    );
    golden(
        "generate_credential_report_complete",
        srv.call("GenerateCredentialReport", &[]).await.assert_ok(),
    );
    let r = srv.call("GetCredentialReport", &[]).await;
    // The content is checked column by column below; the golden pins the shape.
    let content = r.assert_ok().text("Content").unwrap();
    golden(
        "get_credential_report",
        &Resp {
            status: r.status,
            body: r.body.replace(&content, "CONTENT"),
            request_id: r.request_id.clone(),
            content_type: r.content_type.clone(),
        },
    );
    assert_eq!(r.text("ReportFormat").unwrap(), "text/csv");
    assert_eq!(r.text("GeneratedTime").unwrap(), "2024-05-01T12:01:00Z");
    let rows = report_rows(&r);
    assert_eq!(
        rows[0].join(","),
        "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,\
         password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,\
         access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,\
         access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,\
         access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,\
         cert_1_last_rotated,cert_2_active,cert_2_last_rotated"
    );
    assert_eq!(rows.len(), 4, "{rows:?}"); // header, root, alice, bob
    let header = &rows[0];
    let root = &rows[1];
    assert_eq!(root[0], "<root_account>");
    assert_eq!(root[1], "arn:aws:iam::123456789012:root");
    for c in [
        "password_enabled",
        "password_last_changed",
        "password_next_rotation",
    ] {
        assert_eq!(root[column(header, c)], "not_supported", "{c}");
    }
    // The harness provisions one root key.
    assert_eq!(root[column(header, "access_key_1_active")], "true");
    assert_eq!(root[column(header, "access_key_2_active")], "false");

    let alice = &rows[2];
    assert_eq!(alice[0], "alice");
    assert_eq!(alice[1], "arn:aws:iam::123456789012:user/alice");
    assert_eq!(
        alice[column(header, "user_creation_time")],
        "2024-05-01T12:00:00+00:00"
    );
    assert_eq!(alice[column(header, "password_enabled")], "false");
    assert_eq!(alice[column(header, "password_last_used")], "N/A");
    assert_eq!(alice[column(header, "mfa_active")], "false");
    assert_eq!(alice[column(header, "access_key_1_active")], "true");
    assert_eq!(
        alice[column(header, "access_key_1_last_rotated")],
        "2024-05-01T12:00:00+00:00"
    );
    assert_eq!(
        alice[column(header, "access_key_1_last_used_date")],
        "2024-05-01T12:01:00+00:00"
    );
    assert_eq!(
        alice[column(header, "access_key_1_last_used_region")],
        "us-east-1"
    );
    assert_eq!(
        alice[column(header, "access_key_1_last_used_service")],
        "iam"
    );
    // The second key (a minute younger) was never used.
    assert_eq!(alice[column(header, "access_key_2_active")], "true");
    assert_eq!(
        alice[column(header, "access_key_2_last_rotated")],
        "2024-05-01T12:01:00+00:00"
    );
    assert_eq!(alice[column(header, "access_key_2_last_used_date")], "N/A");
    assert_eq!(alice[column(header, "cert_1_active")], "false");
    assert_eq!(alice[column(header, "cert_1_last_rotated")], "N/A");

    let bob = &rows[3];
    assert_eq!(bob[0], "bob");
    assert_eq!(bob[column(header, "access_key_1_active")], "false");
    assert_eq!(bob[column(header, "access_key_1_last_rotated")], "N/A");
    // A password that was never used; the policy's maximum age gives the next rotation.
    assert_eq!(bob[column(header, "mfa_active")], "true");
    assert_eq!(bob[column(header, "password_enabled")], "true");
    assert_eq!(bob[column(header, "password_last_used")], "no_information");
    assert_eq!(
        bob[column(header, "password_last_changed")],
        "2024-05-01T12:00:00+00:00"
    );
    assert_eq!(
        bob[column(header, "password_next_rotation")],
        "2024-07-30T12:00:00+00:00"
    );
    // alice has no password: no rotation either.
    assert_eq!(alice[column(header, "password_next_rotation")], "N/A");
    assert_eq!(bob[column(header, "cert_1_active")], "true");
    assert_eq!(
        bob[column(header, "cert_1_last_rotated")],
        "2024-05-01T12:00:00+00:00"
    );
    assert_eq!(bob[column(header, "cert_2_active")], "false");
    assert_eq!(bob[column(header, "cert_2_last_rotated")], "N/A");
    assert!(rows.iter().all(|r| r.len() == 22), "{rows:?}");

    // A report is a snapshot: later changes show only in a new report.
    srv.call("CreateUser", &[("UserName", "carol")])
        .await
        .assert_ok();
    assert_eq!(
        report_rows(&srv.call("GetCredentialReport", &[]).await).len(),
        4
    );

    // Reused for 4 hours, then expired.
    srv.advance(4 * 3600 - 1);
    assert_eq!(
        srv.call("GenerateCredentialReport", &[])
            .await
            .text("State")
            .unwrap(),
        "COMPLETE"
    );
    srv.call("GetCredentialReport", &[]).await.assert_ok();
    srv.advance(1);
    srv.call("GetCredentialReport", &[]).await.assert_error(
        410,
        "ReportExpired",
        "The credential report has expired. To generate a new credential report, use GenerateCredentialReport.",
    );
    let r = srv.call("GenerateCredentialReport", &[]).await;
    assert_eq!(r.text("State").unwrap(), "STARTED");
    let rows = report_rows(&srv.call("GetCredentialReport", &[]).await);
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[4][0], "carol");
}

async fn credential_report_denied<S: Store>(srv: Server<S>) {
    let me = srv.user_with_key("bob").await;
    let me = (me.0.as_str(), me.1.as_str());
    for action in ["GenerateCredentialReport", "GetCredentialReport"] {
        srv.call_as(me, action, &[]).await.assert_error(
            403,
            "AccessDenied",
            &denied("bob", &format!("iam:{action}"), "*"),
        );
    }
}

const USER_ARN: &str = "arn:aws:iam::123456789012:user/alice";

/// alice: iam:* and s3:GetObject through her own policy; group `devs` (alice, bob) grants
/// sts:GetCallerIdentity; alice has made one IAM call.
async fn advisor_fixture<S: Store>(srv: &Server<S>) {
    let (id, secret) = srv.user_with_key("alice").await;
    store_user_policy(
        srv,
        "alice",
        "mine",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:*","s3:GetObject"],"Resource":"*"}]}"#,
    )
    .await;
    srv.call("CreateUser", &[("UserName", "bob")])
        .await
        .assert_ok();
    srv.call("CreateGroup", &[("GroupName", "devs")])
        .await
        .assert_ok();
    for user in ["alice", "bob"] {
        srv.call(
            "AddUserToGroup",
            &[("GroupName", "devs"), ("UserName", user)],
        )
        .await
        .assert_ok();
    }
    srv.call(
        "PutGroupPolicy",
        &[
            ("GroupName", "devs"),
            ("PolicyName", "whoami"),
            ("PolicyDocument", &doc("sts:GetCallerIdentity")),
        ],
    )
    .await
    .assert_ok();
    srv.advance(30);
    srv.call_as((&id, &secret), "ListUsers", &[])
        .await
        .assert_ok();
    srv.state.flush_audit().await;
}

async fn generate_job<S: Store>(srv: &Server<S>, arn: &str, granularity: Option<&str>) -> String {
    let mut params = vec![("Arn", arn)];
    if let Some(g) = granularity {
        params.push(("Granularity", g));
    }
    let r = srv
        .call("GenerateServiceLastAccessedDetails", &params)
        .await;
    r.assert_ok();
    let job = r.text("JobId").unwrap();
    assert_eq!(job.len(), 36, "{job}");
    job
}

async fn access_advisor<S: Store>(srv: Server<S>) {
    advisor_fixture(&srv).await;
    let r = srv
        .call("GenerateServiceLastAccessedDetails", &[("Arn", USER_ARN)])
        .await;
    golden("generate_service_last_accessed_details", r.assert_ok());
    let job = r.text("JobId").unwrap();
    let r = srv
        .call("GetServiceLastAccessedDetails", &[("JobId", &job)])
        .await;
    golden("get_service_last_accessed_details", r.assert_ok());
    // The services alice's policies (hers and her group's) allow, by namespace.
    assert_eq!(all_texts(&r, "ServiceNamespace"), ["iam", "s3", "sts"]);
    assert_eq!(r.text("JobStatus").unwrap(), "COMPLETED");
    assert_eq!(r.text("JobType").unwrap(), "SERVICE_LEVEL");
    assert_eq!(r.text("LastAuthenticated").unwrap(), "2024-05-01T12:00:30Z");
    assert_eq!(r.text("LastAuthenticatedEntity").unwrap(), USER_ARN);
    assert_eq!(all_texts(&r, "TotalAuthenticatedEntities"), ["1", "0", "0"]);
    assert!(
        r.body.matches("<LastAuthenticated>").count() == 1,
        "{}",
        r.body
    );
    assert!(!r.body.contains("TrackedActionsLastAccessed"), "{}", r.body);

    // Paginated by namespace.
    let r = srv
        .call(
            "GetServiceLastAccessedDetails",
            &[("JobId", &job), ("MaxItems", "2")],
        )
        .await;
    assert_eq!(all_texts(&r, "ServiceNamespace"), ["iam", "s3"]);
    assert_eq!(r.text("IsTruncated").unwrap(), "true");
    let marker = r.text("Marker").unwrap();
    let r = srv
        .call(
            "GetServiceLastAccessedDetails",
            &[("JobId", &job), ("Marker", &marker)],
        )
        .await;
    assert_eq!(all_texts(&r, "ServiceNamespace"), ["sts"]);
    assert_eq!(r.text("IsTruncated").unwrap(), "false");

    // Action level: the observed IAM actions.
    let job = generate_job(&srv, USER_ARN, Some("ACTION_LEVEL")).await;
    let r = srv
        .call("GetServiceLastAccessedDetails", &[("JobId", &job)])
        .await;
    golden(
        "get_service_last_accessed_details_action_level",
        r.assert_ok(),
    );
    assert_eq!(r.text("JobType").unwrap(), "ACTION_LEVEL");
    assert_eq!(all_texts(&r, "ActionName"), ["ListUsers"]);

    // A group: its members are the entities.
    let job = generate_job(&srv, "arn:aws:iam::123456789012:group/devs", None).await;
    let r = srv
        .call("GetServiceLastAccessedDetails", &[("JobId", &job)])
        .await;
    assert_eq!(all_texts(&r, "ServiceNamespace"), ["sts"]);
    assert!(r.text("LastAuthenticated").is_none(), "{}", r.body);
    let r = srv
        .call(
            "GetServiceLastAccessedDetailsWithEntities",
            &[("JobId", &job), ("ServiceNamespace", "sts")],
        )
        .await;
    golden(
        "get_service_last_accessed_details_with_entities",
        r.assert_ok(),
    );
    assert_eq!(all_texts(&r, "Name"), ["alice", "bob"]);
    assert_eq!(all_texts(&r, "Type"), ["USER", "USER"]);

    // A customer managed policy: the entities it is attached to.
    srv.call(
        "CreatePolicy",
        &[
            ("PolicyName", "reader"),
            ("PolicyDocument", &doc("iam:List*")),
        ],
    )
    .await
    .assert_ok();
    let policy = "arn:aws:iam::123456789012:policy/reader";
    srv.call(
        "AttachUserPolicy",
        &[("UserName", "alice"), ("PolicyArn", policy)],
    )
    .await
    .assert_ok();
    let job = generate_job(&srv, policy, None).await;
    let r = srv
        .call(
            "GetServiceLastAccessedDetailsWithEntities",
            &[("JobId", &job), ("ServiceNamespace", "iam")],
        )
        .await;
    r.assert_ok();
    assert_eq!(all_texts(&r, "Arn"), [USER_ARN]);
    assert_eq!(r.text("LastAuthenticated").unwrap(), "2024-05-01T12:00:30Z");
    // A namespace the job does not report has no entities.
    let r = srv
        .call(
            "GetServiceLastAccessedDetailsWithEntities",
            &[("JobId", &job), ("ServiceNamespace", "ec2")],
        )
        .await;
    assert!(
        r.assert_ok().body.contains("<EntityDetailsList/>"),
        "{}",
        r.body
    );
}

async fn access_advisor_errors<S: Store>(srv: Server<S>) {
    let unknown = "ffffffff-ffff-ffff-ffff-ffffffffffff";
    srv.call("GetServiceLastAccessedDetails", &[("JobId", unknown)])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            &format!("No such job {unknown} exists."),
        );
    srv.call(
        "GetServiceLastAccessedDetailsWithEntities",
        &[("JobId", unknown), ("ServiceNamespace", "iam")],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        &format!("No such job {unknown} exists."),
    );
    srv.call("GenerateServiceLastAccessedDetails", &[("Arn", USER_ARN)])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            "The user with name alice cannot be found.",
        );
    srv.call(
        "GenerateServiceLastAccessedDetails",
        &[("Arn", "arn:aws:iam::123456789012:role/nobody")],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "The role with name nobody cannot be found.",
    );
    srv.call(
        "GenerateServiceLastAccessedDetails",
        &[("Arn", "arn:aws:iam::123456789012:policy/nothing")],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "Policy arn:aws:iam::123456789012:policy/nothing was not found.",
    );
    for arn in [
        "arn:aws:s3:::bucket/object",
        "arn:aws:iam::210987654321:user/alice",
    ] {
        srv.call("GenerateServiceLastAccessedDetails", &[("Arn", arn)])
            .await
            .assert_error(400, "InvalidInput", &format!("Invalid Entity Arn: {arn}"));
    }
    srv.call(
        "GenerateServiceLastAccessedDetails",
        &[("Arn", USER_ARN), ("Granularity", "FINE")],
    )
    .await
    .assert_error(
        400,
        "ValidationError",
        "1 validation error detected: Value at 'granularity' failed to satisfy constraint: Member must satisfy enum value set",
    );
    // An Organizations job id is not an access-advisor job.
    let r = srv
        .call(
            "GenerateOrganizationsAccessReport",
            &[("EntityPath", "o-a1b2c3d4e5/r-f6g7h8i9j0example")],
        )
        .await;
    let org_job = r.assert_ok().text("JobId").unwrap();
    assert_eq!(
        srv.call("GetServiceLastAccessedDetails", &[("JobId", &org_job)])
            .await
            .code(),
        "NoSuchEntity"
    );

    // Authorization first: the entity ARN for Generate/ListPolicies…, `*` for Get.
    let me = srv.user_with_key("bob").await;
    let me = (me.0.as_str(), me.1.as_str());
    srv.call_as(
        me,
        "GenerateServiceLastAccessedDetails",
        &[("Arn", USER_ARN)],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied("bob", "iam:GenerateServiceLastAccessedDetails", USER_ARN),
    );
    srv.call_as(
        me,
        "ListPoliciesGrantingServiceAccess",
        &[("Arn", USER_ARN), ("ServiceNamespaces.member.1", "iam")],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied("bob", "iam:ListPoliciesGrantingServiceAccess", USER_ARN),
    );
    srv.call_as(me, "GetServiceLastAccessedDetails", &[("JobId", unknown)])
        .await
        .assert_error(
            403,
            "AccessDenied",
            &denied("bob", "iam:GetServiceLastAccessedDetails", "*"),
        );
    srv.call_as(
        me,
        "GetServiceLastAccessedDetailsWithEntities",
        &[("JobId", unknown), ("ServiceNamespace", "iam")],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied("bob", "iam:GetServiceLastAccessedDetailsWithEntities", "*"),
    );
}

async fn policies_granting_service_access<S: Store>(srv: Server<S>) {
    advisor_fixture(&srv).await;
    srv.call(
        "CreatePolicy",
        &[("PolicyName", "everything"), ("PolicyDocument", ALLOW_ALL)],
    )
    .await
    .assert_ok();
    srv.call(
        "AttachGroupPolicy",
        &[
            ("GroupName", "devs"),
            ("PolicyArn", "arn:aws:iam::123456789012:policy/everything"),
        ],
    )
    .await
    .assert_ok();
    let r = srv
        .call(
            "ListPoliciesGrantingServiceAccess",
            &[
                ("Arn", USER_ARN),
                ("ServiceNamespaces.member.1", "iam"),
                ("ServiceNamespaces.member.2", "sts"),
                ("ServiceNamespaces.member.3", "ec2"),
            ],
        )
        .await;
    golden("list_policies_granting_service_access", r.assert_ok());
    assert_eq!(all_texts(&r, "ServiceNamespace"), ["iam", "sts", "ec2"]);
    // iam: alice's inline policy and the group's managed one; sts: the group's inline
    // policy; ec2: nothing.
    assert_eq!(
        all_texts(&r, "PolicyName"),
        ["mine", "everything", "whoami"]
    );
    assert_eq!(all_texts(&r, "PolicyType"), ["INLINE", "MANAGED", "INLINE"]);
    assert_eq!(all_texts(&r, "EntityName"), ["alice", "devs"]);
    assert!(r.body.contains("<Policies/>"), "{}", r.body);

    // A group: its own policies only.
    let r = srv
        .call(
            "ListPoliciesGrantingServiceAccess",
            &[
                ("Arn", "arn:aws:iam::123456789012:group/devs"),
                ("ServiceNamespaces.member.1", "iam"),
            ],
        )
        .await;
    assert_eq!(all_texts(r.assert_ok(), "PolicyName"), ["everything"]);
    // The listing never truncates, so no marker can be valid.
    srv.call(
        "ListPoliciesGrantingServiceAccess",
        &[
            ("Arn", USER_ARN),
            ("ServiceNamespaces.member.1", "iam"),
            ("Marker", "bogus"),
        ],
    )
    .await
    .assert_error(400, "ValidationError", "Invalid Marker.");
    // Policies are not identities here.
    let arn = "arn:aws:iam::123456789012:policy/everything";
    srv.call(
        "ListPoliciesGrantingServiceAccess",
        &[("Arn", arn), ("ServiceNamespaces.member.1", "s3")],
    )
    .await
    .assert_error(400, "InvalidInput", &format!("Invalid Entity Arn: {arn}"));
    srv.call(
        "ListPoliciesGrantingServiceAccess",
        &[
            ("Arn", "arn:aws:iam::123456789012:user/nobody"),
            ("ServiceNamespaces.member.1", "s3"),
        ],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "The user with name nobody cannot be found.",
    );
}

const SLR_ARN: &str = "arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling";

async fn service_linked_roles<S: Store>(srv: Server<S>) {
    let r = srv
        .call(
            "CreateServiceLinkedRole",
            &[
                ("AWSServiceName", "autoscaling.amazonaws.com"),
                ("Description", "scales things"),
            ],
        )
        .await;
    golden("create_service_linked_role", r.assert_ok());
    assert_eq!(r.text("Arn").unwrap(), SLR_ARN);
    assert_eq!(
        r.text("Path").unwrap(),
        "/aws-service-role/autoscaling.amazonaws.com/"
    );
    let r = srv
        .call("GetRole", &[("RoleName", "AWSServiceRoleForAutoScaling")])
        .await;
    r.assert_ok();
    assert_eq!(r.text("Description").unwrap(), "scales things");
    assert!(
        handlers_support::percent_decode(&r.text("AssumeRolePolicyDocument").unwrap())
            .contains(r#""Service":"autoscaling.amazonaws.com""#),
        "{}",
        r.body
    );
    // The same name again.
    srv.call(
        "CreateServiceLinkedRole",
        &[("AWSServiceName", "autoscaling.amazonaws.com")],
    )
    .await
    .assert_error(
        400,
        "InvalidInput",
        "Service role name AWSServiceRoleForAutoScaling has been taken in this account, please try a different suffix.",
    );
    // A custom suffix where the service allows one.
    let r = srv
        .call(
            "CreateServiceLinkedRole",
            &[
                ("AWSServiceName", "autoscaling.amazonaws.com"),
                ("CustomSuffix", "fleet"),
            ],
        )
        .await;
    assert_eq!(
        r.assert_ok().text("RoleName").unwrap(),
        "AWSServiceRoleForAutoScaling_fleet"
    );
    srv.call(
        "CreateServiceLinkedRole",
        &[
            ("AWSServiceName", "elasticloadbalancing.amazonaws.com"),
            ("CustomSuffix", "x"),
        ],
    )
    .await
    .assert_error(
        400,
        "InvalidInput",
        "Custom suffix is not allowed for elasticloadbalancing.amazonaws.com",
    );
    srv.call(
        "CreateServiceLinkedRole",
        &[("AWSServiceName", "nothing.example.com")],
    )
    .await
    .assert_error(
        400,
        "InvalidInput",
        "Invalid service name: nothing.example.com",
    );

    // Ordinary role operations may not touch it.
    let protected = "Cannot perform the operation on the protected role 'AWSServiceRoleForAutoScaling' - this role is only modifiable by AWS";
    let name = ("RoleName", "AWSServiceRoleForAutoScaling");
    srv.call("UpdateRole", &[name, ("MaxSessionDuration", "7200")])
        .await
        .assert_error(400, "UnmodifiableEntity", protected);
    srv.call(
        "UpdateAssumeRolePolicy",
        &[name, ("PolicyDocument", handlers_support::TRUST)],
    )
    .await
    .assert_error(400, "UnmodifiableEntity", protected);
    srv.call("DeleteRole", &[name])
        .await
        .assert_error(400, "UnmodifiableEntity", protected);
    // Nor its policies or boundary (api.md §5.6).
    let managed = srv
        .call(
            "CreatePolicy",
            &[("PolicyName", "slr-probe"), ("PolicyDocument", ALLOW_ALL)],
        )
        .await;
    managed.assert_ok();
    let managed_arn = managed.text("Arn").unwrap();
    for (action, extra) in [
        ("AttachRolePolicy", ("PolicyArn", managed_arn.as_str())),
        ("DetachRolePolicy", ("PolicyArn", managed_arn.as_str())),
        (
            "PutRolePermissionsBoundary",
            ("PermissionsBoundary", managed_arn.as_str()),
        ),
        ("DeleteRolePolicy", ("PolicyName", "inline")),
    ] {
        srv.call(action, &[name, extra])
            .await
            .assert_error(400, "UnmodifiableEntity", protected);
    }
    srv.call(
        "PutRolePolicy",
        &[
            name,
            ("PolicyName", "inline"),
            ("PolicyDocument", ALLOW_ALL),
        ],
    )
    .await
    .assert_error(400, "UnmodifiableEntity", protected);
    srv.call("DeleteRolePermissionsBoundary", &[name])
        .await
        .assert_error(400, "UnmodifiableEntity", protected);
    // Reading them stays allowed.
    srv.call("ListRolePolicies", &[name]).await.assert_ok();

    // DeleteServiceLinkedRole deletes it at once and records the task.
    let r = srv.call("DeleteServiceLinkedRole", &[name]).await;
    r.assert_ok();
    let task = r.text("DeletionTaskId").unwrap();
    assert!(
        task.starts_with(
            "task/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling/"
        ),
        "{task}"
    );
    let normalized = r.body.replace(&task, "TASK-ID");
    golden(
        "delete_service_linked_role",
        &Resp {
            status: r.status,
            body: normalized,
            request_id: r.request_id.clone(),
            content_type: r.content_type.clone(),
        },
    );
    let r = srv
        .call(
            "GetServiceLinkedRoleDeletionStatus",
            &[("DeletionTaskId", &task)],
        )
        .await;
    golden("get_service_linked_role_deletion_status", r.assert_ok());
    assert_eq!(r.text("Status").unwrap(), "SUCCEEDED");
    srv.call("GetRole", &[name]).await.assert_error(
        404,
        "NoSuchEntity",
        "The role with name AWSServiceRoleForAutoScaling cannot be found.",
    );
    // The name is free again.
    srv.call(
        "CreateServiceLinkedRole",
        &[("AWSServiceName", "autoscaling.amazonaws.com")],
    )
    .await
    .assert_ok();
}

async fn service_linked_role_errors<S: Store>(srv: Server<S>) {
    srv.call("DeleteServiceLinkedRole", &[("RoleName", "ghost")])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            "The role with name ghost cannot be found.",
        );
    srv.call(
        "CreateRole",
        &[
            ("RoleName", "plain"),
            ("AssumeRolePolicyDocument", handlers_support::TRUST),
        ],
    )
    .await
    .assert_ok();
    srv.call("DeleteServiceLinkedRole", &[("RoleName", "plain")])
        .await
        .assert_error(
            400,
            "InvalidInput",
            "Role plain is not a service-linked role.",
        );
    let unknown =
        "task/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling/0000";
    srv.call(
        "GetServiceLinkedRoleDeletionStatus",
        &[("DeletionTaskId", unknown)],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        &format!("Deletion task {unknown} cannot be found."),
    );
    srv.call(
        "GetServiceLinkedRoleDeletionStatus",
        &[("DeletionTaskId", "garbage")],
    )
    .await
    .assert_error(400, "InvalidInput", "Invalid deletion task id: garbage");

    let me = srv.user_with_key("bob").await;
    let me = (me.0.as_str(), me.1.as_str());
    srv.call_as(
        me,
        "CreateServiceLinkedRole",
        &[("AWSServiceName", "autoscaling.amazonaws.com")],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied("bob", "iam:CreateServiceLinkedRole", SLR_ARN),
    );
    srv.call_as(
        me,
        "DeleteServiceLinkedRole",
        &[("RoleName", "AWSServiceRoleForAutoScaling")],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied(
            "bob",
            "iam:DeleteServiceLinkedRole",
            "arn:aws:iam::123456789012:role/AWSServiceRoleForAutoScaling",
        ),
    );
    srv.call_as(
        me,
        "GetServiceLinkedRoleDeletionStatus",
        &[("DeletionTaskId", unknown)],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied("bob", "iam:GetServiceLinkedRoleDeletionStatus", SLR_ARN),
    );
    // iam:AWSServiceName is in the request context.
    store_user_policy(
        &srv,
        "bob",
        "slr",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"*","Condition":{"StringEquals":{"iam:AWSServiceName":"batch.amazonaws.com"}}}]}"#,
    )
    .await;
    let r = handlers_support::eventually(&srv, 200, || {
        srv.call_as(
            me,
            "CreateServiceLinkedRole",
            &[("AWSServiceName", "batch.amazonaws.com")],
        )
    })
    .await;
    assert_eq!(r.text("RoleName").unwrap(), "AWSServiceRoleForBatch");
    assert_eq!(
        srv.call_as(
            me,
            "CreateServiceLinkedRole",
            &[("AWSServiceName", "autoscaling.amazonaws.com")],
        )
        .await
        .code(),
        "AccessDenied"
    );
}

async fn sts_preferences<S: Store>(srv: Server<S>) {
    let stored = |srv: &Server<S>| {
        let store = srv.store.clone();
        async move {
            let mut tx = store.begin().await.unwrap();
            let v = tx
                .global_endpoint_token_version(ACCOUNT.parse().unwrap())
                .await
                .unwrap();
            tx.rollback().await.unwrap();
            v
        }
    };
    assert_eq!(stored(&srv).await, None);
    golden(
        "set_security_token_service_preferences",
        srv.call(
            "SetSecurityTokenServicePreferences",
            &[("GlobalEndpointTokenVersion", "v2Token")],
        )
        .await
        .assert_ok(),
    );
    assert_eq!(
        stored(&srv).await,
        Some(GlobalEndpointTokenVersion::V2Token)
    );
    srv.call(
        "SetSecurityTokenServicePreferences",
        &[("GlobalEndpointTokenVersion", "v1Token")],
    )
    .await
    .assert_ok();
    assert_eq!(
        stored(&srv).await,
        Some(GlobalEndpointTokenVersion::V1Token)
    );
    srv.call(
        "SetSecurityTokenServicePreferences",
        &[("GlobalEndpointTokenVersion", "v3Token")],
    )
    .await
    .assert_error(
        400,
        "ValidationError",
        "1 validation error detected: Value at 'globalEndpointTokenVersion' failed to satisfy constraint: Member must satisfy enum value set",
    );
    let me = srv.user_with_key("bob").await;
    srv.call_as(
        (&me.0, &me.1),
        "SetSecurityTokenServicePreferences",
        &[("GlobalEndpointTokenVersion", "v2Token")],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied("bob", "iam:SetSecurityTokenServicePreferences", "*"),
    );
    assert_eq!(
        stored(&srv).await,
        Some(GlobalEndpointTokenVersion::V1Token)
    );
}

/// Runs each scenario on SQLite and on a fresh PostgreSQL database.
macro_rules! on_both_backends {
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

on_both_backends!(
    credential_report,
    credential_report_denied,
    access_advisor,
    access_advisor_errors,
    policies_granting_service_access,
    service_linked_roles,
    service_linked_role_errors,
    sts_preferences,
);
