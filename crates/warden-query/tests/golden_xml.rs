//! Golden XML responses under `testdata/xml/` (api.md §1.3, §1.4, §1.7), and the check that
//! botocore's own `QueryParser` reads them back as the sidecar `.json` files expect.
//!
//! Set `WARDEN_UPDATE_GOLDEN=1` to rewrite the `.xml` files after an intended change; review the
//! diff like code. The `.json` expectations are written by hand and never regenerated.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test helpers outside #[test] functions may fail loudly"
)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use warden_query::iam::{
    AttachedPermissionsBoundary, CreateUserInput, CreateUserOutput, GetAccountSummaryOutput,
    GetRoleOutput, ListUsersOutput, Role, RoleLastUsed, Tag, UpdateRoleOutput, User,
};
use warden_query::sts::{AssumeRoleOutput, AssumedRoleUser, Credentials};
use warden_query::{
    FromQuery, IamError, QueryParams, Service, ServiceError, Timestamp, empty_response,
    encode_marker, error_response, success_response,
};

fn testdata() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/xml")
}

fn check_golden(relative: &str, actual: &str) {
    let path = testdata().join(relative);
    if std::env::var_os("WARDEN_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, format!("{actual}\n")).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    assert_eq!(
        actual,
        expected.trim_end_matches('\n'),
        "golden file {relative}"
    );
}

const REQUEST_ID: &str = "7a62c49f-347e-4fc4-9331-6e8e7a62c49f";
// 2024-05-01T12:00:00Z
const CREATED: Timestamp = Timestamp::from_unix_seconds(1_714_564_800);

fn alice() -> User {
    User {
        path: "/".into(),
        user_name: "alice".into(),
        user_id: "AIDAQ3EGKRLWEXAMPLE2Z".into(),
        arn: "arn:aws:iam::123456789012:user/alice".into(),
        create_date: CREATED,
        ..User::default()
    }
}

#[test]
fn create_user() {
    let out = CreateUserOutput {
        user: Some(alice()),
    };
    check_golden(
        "iam/CreateUser.xml",
        &success_response(Service::Iam, "CreateUser", &out, REQUEST_ID),
    );
}

#[test]
fn list_users_truncated() {
    let bob = User {
        path: "/eng/".into(),
        user_name: "bob".into(),
        user_id: "AIDAQ3EGKRLWEXAMPLE3B".into(),
        arn: "arn:aws:iam::123456789012:user/eng/bob".into(),
        create_date: Timestamp::from_unix_seconds(1_714_651_262),
        password_last_used: Some(Timestamp::from_unix_seconds(1_717_200_000)),
        permissions_boundary: Some(AttachedPermissionsBoundary {
            permissions_boundary_type: Some("Policy".into()),
            permissions_boundary_arn: Some("arn:aws:iam::aws:policy/PowerUserAccess".into()),
        }),
        tags: Some(vec![
            Tag {
                key: "team".into(),
                value: "blue & <green>".into(),
            },
            Tag {
                key: "empty".into(),
                value: String::new(),
            },
        ]),
    };
    let out = ListUsersOutput {
        users: vec![alice(), bob],
        is_truncated: Some(true),
        marker: Some(encode_marker("ListUsers", "bob").unwrap()),
    };
    check_golden(
        "iam/ListUsers.xml",
        &success_response(Service::Iam, "ListUsers", &out, REQUEST_ID),
    );
}

#[test]
fn list_users_empty() {
    let out = ListUsersOutput {
        users: Vec::new(),
        is_truncated: Some(false),
        marker: None,
    };
    check_golden(
        "iam/ListUsersEmpty.xml",
        &success_response(Service::Iam, "ListUsers", &out, REQUEST_ID),
    );
}

#[test]
fn get_role_with_encoded_trust_policy() {
    let trust = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \
                 \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\", \
                 \"Condition\": {\"StringLike\": {\"aws:PrincipalTag/team\": \"a*b+c~d é\"}}}]\n}";
    let out = GetRoleOutput {
        role: Role {
            path: "/".into(),
            role_name: "app".into(),
            role_id: "AROAQ3EGKRLWEXAMPLEAP".into(),
            arn: "arn:aws:iam::123456789012:role/app".into(),
            create_date: CREATED,
            assume_role_policy_document: Some(trust.into()),
            description: Some("Application role".into()),
            max_session_duration: Some(3600),
            permissions_boundary: None,
            tags: Some(vec![Tag {
                key: "env".into(),
                value: "prod".into(),
            }]),
            role_last_used: Some(RoleLastUsed {
                last_used_date: Some(Timestamp::from_unix_seconds(1_717_243_200)),
                region: Some("eu-west-1".into()),
            }),
        },
    };
    check_golden(
        "iam/GetRole.xml",
        &success_response(Service::Iam, "GetRole", &out, REQUEST_ID),
    );
}

#[test]
fn get_account_summary_map() {
    let summary: BTreeMap<String, i32> = [
        ("Users", 3),
        ("UsersQuota", 5000),
        ("Groups", 0),
        ("AccountMFAEnabled", 0),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    let out = GetAccountSummaryOutput {
        summary_map: Some(summary),
    };
    check_golden(
        "iam/GetAccountSummary.xml",
        &success_response(Service::Iam, "GetAccountSummary", &out, REQUEST_ID),
    );
}

#[test]
fn update_role_empty_result() {
    check_golden(
        "iam/UpdateRole.xml",
        &success_response(Service::Iam, "UpdateRole", &UpdateRoleOutput {}, REQUEST_ID),
    );
}

#[test]
fn delete_user_no_result() {
    check_golden(
        "iam/DeleteUser.xml",
        &empty_response(Service::Iam, "DeleteUser", REQUEST_ID),
    );
}

#[test]
fn error_no_such_entity() {
    check_golden(
        "iam/ErrorNoSuchEntity.xml",
        &error_response(
            Service::Iam,
            &IamError::NoSuchEntityException.service_error(),
            Some("The user with name bob cannot be found."),
            "4e1b5e4b-8a43-4f5a-9f3e-0c1a8c6e2b7f",
        ),
    );
}

#[test]
fn error_validation() {
    let params = QueryParams::parse(b"UserName=a%20b&Path=nope").unwrap();
    let err = CreateUserInput::from_query(&params).unwrap_err();
    check_golden(
        "iam/ErrorValidation.xml",
        &error_response(
            Service::Iam,
            &ServiceError::VALIDATION_ERROR,
            Some(&err.to_string()),
            REQUEST_ID,
        ),
    );
}

#[test]
fn sts_assume_role() {
    let out = AssumeRoleOutput {
        credentials: Some(Credentials {
            access_key_id: "ASIAQ3EGKRLWEXAMPLE1".into(),
            secret_access_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".into(),
            session_token: "FwoGZXIvYXdzEXAMPLE+/=".into(),
            expiration: Timestamp::from_unix_seconds(1_714_568_400),
        }),
        assumed_role_user: Some(AssumedRoleUser {
            assumed_role_id: "AROAQ3EGKRLWEXAMPLEAP:session".into(),
            arn: "arn:aws:sts::123456789012:assumed-role/app/session".into(),
        }),
        packed_policy_size: Some(6),
        source_identity: None,
    };
    check_golden(
        "sts/AssumeRole.xml",
        &success_response(Service::Sts, "AssumeRole", &out, REQUEST_ID),
    );
}

/// Feeds every golden file through botocore's `QueryParser`
/// (`tools/codegen/botocore_parse_check.py`) and compares with the hand-written `.json`
/// expectations.
#[test]
fn botocore_parses_golden_files() {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tools/codegen/botocore_parse_check.py");
    let probe = Command::new("python3")
        .args(["-c", "import botocore.parsers"])
        .output();
    match probe {
        Ok(o) if o.status.success() => {}
        Ok(o) => panic!(
            "python3 is present but cannot import botocore, which this test needs to check the \
             golden XML with a real client parser (pip install botocore): {}",
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => {
            panic!("python3 not found; it is needed with botocore to check the golden XML: {e}")
        }
    }
    let out = Command::new("python3")
        .arg(&script)
        .arg(testdata())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "botocore_parse_check.py failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
