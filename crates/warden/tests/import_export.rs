//! `warden import` / `warden export` as an operator runs them: a generated export is
//! imported, exported back and compared (round trip), imported again (idempotent), and
//! malformed input is refused with JSON paths and nothing written.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: failing loudly is the point"
)]

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const ACCOUNT: &str = "111111111111";

fn warden(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_warden"))
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .env_remove("WARDEN_DATA_DIR")
        .env_remove("WARDEN_DATABASE_URL")
        .output()
        .unwrap()
}

fn ok(data: &Path, args: &[&str]) -> String {
    let out = warden(data, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A small generated export, written to `dir/name`.
fn generated(dir: &Path, name: &str) -> std::path::PathBuf {
    let file = dir.join(name);
    let out = Command::new(env!("CARGO_BIN_EXE_warden"))
        .args([
            "generate-export",
            "--account",
            ACCOUNT,
            "--users",
            "60",
            "--policies",
            "15",
            "--groups",
            "6",
            "--roles",
            "11",
            "--aws-policies",
            "4",
        ])
        .arg("-o")
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    file
}

fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    ok(&data, &["account", "create", "--account-id", ACCOUNT]);
    (dir, data)
}

fn export(data: &Path) -> Value {
    serde_json::from_str(&ok(data, &["export", "--account", ACCOUNT])).unwrap()
}

/// The comparable form of an export: usage counts (computed by the store, written as 0
/// by the generator) dropped, lists in a canonical order.
fn normalize(mut doc: Value) -> Value {
    fn sort_by(list: &mut Value, key: &str) {
        list.as_array_mut()
            .unwrap()
            .sort_by(|a, b| a[key].as_str().cmp(&b[key].as_str()));
    }
    sort_by(&mut doc["UserDetailList"], "UserName");
    sort_by(&mut doc["GroupDetailList"], "GroupName");
    sort_by(&mut doc["RoleDetailList"], "RoleName");
    sort_by(&mut doc["Policies"], "Arn");
    for user in doc["UserDetailList"].as_array_mut().unwrap() {
        user["GroupList"]
            .as_array_mut()
            .unwrap()
            .sort_by(|a, b| a.as_str().cmp(&b.as_str()));
    }
    for policy in doc["Policies"].as_array_mut().unwrap() {
        let policy = policy.as_object_mut().unwrap();
        policy.remove("AttachmentCount");
        policy.remove("PermissionsBoundaryUsageCount");
    }
    doc
}

#[test]
fn import_then_export_round_trips_and_reimport_changes_nothing() {
    let (dir, data) = setup();
    let file = generated(dir.path(), "export.json");
    let summary = ok(
        &data,
        &["import", file.to_str().unwrap(), "--account", ACCOUNT],
    );
    assert!(
        summary.contains("users:                    60 created, 0 updated"),
        "{summary}"
    );
    assert!(
        summary.contains("groups:                   6 created, 0 updated"),
        "{summary}"
    );
    assert!(
        summary.contains("roles:                    11 created, 0 updated"),
        "{summary}"
    );
    assert!(
        summary.contains("managed policies:         15 created, 0 updated"),
        "{summary}"
    );
    assert!(
        summary.contains("AWS managed policies:     4 created, 0 updated"),
        "{summary}"
    );
    // 15 customer policies × 3 versions + 4 AWS managed × 2.
    assert!(
        summary.contains("policy versions:          53"),
        "{summary}"
    );
    assert!(summary.contains("instance profiles:        3"), "{summary}");

    let original: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let first = export(&data);
    assert_eq!(normalize(first.clone()), normalize(original));

    // The store counts usage: every generated user has its attachments.
    let policies = first["Policies"].as_array().unwrap();
    let total: u64 = policies
        .iter()
        .map(|p| p["AttachmentCount"].as_u64().unwrap())
        .sum();
    let attached: usize = ["UserDetailList", "GroupDetailList", "RoleDetailList"]
        .iter()
        .flat_map(|k| first[*k].as_array().unwrap())
        .map(|e| e["AttachedManagedPolicies"].as_array().unwrap().len())
        .sum();
    assert_eq!(total, attached as u64);

    // Idempotent: the same file again updates in place, the export is byte-identical.
    let again = ok(
        &data,
        &["import", file.to_str().unwrap(), "--account", ACCOUNT],
    );
    assert!(
        again.contains("users:                    0 created, 60 updated"),
        "{again}"
    );
    assert!(
        again.contains("AWS managed policies:     0 created, 4 updated"),
        "{again}"
    );
    assert_eq!(export(&data), first);

    // The exported file imports too (it is the same format), still without change.
    let exported = dir.path().join("exported.json");
    ok(
        &data,
        &[
            "export",
            "--account",
            ACCOUNT,
            "-o",
            exported.to_str().unwrap(),
        ],
    );
    ok(
        &data,
        &["import", exported.to_str().unwrap(), "--account", ACCOUNT],
    );
    assert_eq!(export(&data), first);
}

#[test]
fn documents_may_be_url_encoded_strings_as_in_the_raw_api() {
    let (dir, data) = setup();
    let doc = serde_json::json!({
        "UserDetailList": [{
            "Path": "/", "UserName": "alice", "UserId": "AIDAEXAMPLEALICE00001",
            "Arn": format!("arn:aws:iam::{ACCOUNT}:user/alice"),
            "CreateDate": "2023-05-06T07:08:09Z",
            "UserPolicyList": [{
                "PolicyName": "inline",
                "PolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3AGetObject%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D"
            }],
            "GroupList": [], "AttachedManagedPolicies": []
        }]
    });
    let file = dir.path().join("raw.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    ok(
        &data,
        &["import", file.to_str().unwrap(), "--account", ACCOUNT],
    );
    let out = export(&data);
    let user = &out["UserDetailList"][0];
    assert_eq!(user["UserId"], "AIDAEXAMPLEALICE00001");
    assert_eq!(user["CreateDate"], "2023-05-06T07:08:09+00:00");
    assert_eq!(
        user["UserPolicyList"][0]["PolicyDocument"]["Statement"][0]["Action"],
        "s3:GetObject"
    );
}

#[test]
fn malformed_input_is_refused_with_paths_and_nothing_written() {
    let (dir, data) = setup();
    let file = generated(dir.path(), "export.json");
    let mut doc: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    doc["UserDetailList"][12]["UserName"] = Value::from("not a valid name!");
    doc["Policies"][5]["PolicyVersionList"][1]["Document"]["Statement"][0]["Effect"] =
        Value::from("Maybe");
    doc["GroupDetailList"][2]["CreateDate"] = Value::from("yesterday");
    doc["RoleDetailList"][1]["Tags"][0]["Value"] = Value::Null;
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, doc.to_string()).unwrap();

    let out = warden(
        &data,
        &["import", bad.to_str().unwrap(), "--account", ACCOUNT],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    for path in [
        "$.UserDetailList[12].UserName: ",
        "$.Policies[5].PolicyVersionList[1].Document.Statement[0].Effect: ",
        "$.GroupDetailList[2].CreateDate: ",
        "$.RoleDetailList[1].Tags[0].Value: ",
    ] {
        assert!(stderr.contains(path), "{path} missing from:\n{stderr}");
    }
    assert!(stderr.contains("nothing was imported"), "{stderr}");

    // A type error is reported with its path by the parser.
    doc = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    doc["RoleDetailList"][4]["RoleName"] = Value::from(5);
    std::fs::write(&bad, doc.to_string()).unwrap();
    let out = warden(
        &data,
        &["import", bad.to_str().unwrap(), "--account", ACCOUNT],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("$.RoleDetailList[4].RoleName: invalid type"),
        "{stderr}"
    );

    // Policies and groups neither in the file nor in the store: refused after the store
    // was consulted, still nothing written.
    doc = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    doc["UserDetailList"][0]["AttachedManagedPolicies"] = serde_json::json!([
        {"PolicyName": "NotLoaded", "PolicyArn": "arn:aws:iam::aws:policy/NotLoaded"},
        {"PolicyName": "gone", "PolicyArn": format!("arn:aws:iam::{ACCOUNT}:policy/gone")}
    ]);
    doc["UserDetailList"][3]["GroupList"][0] = Value::from("no-such-group");
    std::fs::write(&bad, doc.to_string()).unwrap();
    let out = warden(
        &data,
        &["import", bad.to_str().unwrap(), "--account", ACCOUNT],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    for path in [
        "$.UserDetailList[0].AttachedManagedPolicies[0].PolicyArn: ",
        "$.UserDetailList[0].AttachedManagedPolicies[1].PolicyArn: ",
        "$.UserDetailList[3].GroupList[0]: ",
    ] {
        assert!(stderr.contains(path), "{path} missing from:\n{stderr}");
    }

    let empty = export(&data);
    for key in [
        "UserDetailList",
        "GroupDetailList",
        "RoleDetailList",
        "Policies",
    ] {
        assert_eq!(empty[key], serde_json::json!([]), "{key}");
    }
}

#[test]
fn import_refuses_an_unknown_account() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    ok(
        &data,
        &["account", "create", "--account-id", "222222222222"],
    );
    let file = generated(dir.path(), "export.json");
    let out = warden(
        &data,
        &["import", file.to_str().unwrap(), "--account", ACCOUNT],
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("account 111111111111 does not exist"),
        "{stderr}"
    );
}

/// A filtered export (`--filter User`) names groups and policies that are not in the file:
/// they are found in the account.
#[test]
fn references_outside_the_file_resolve_against_the_account() {
    let (dir, data) = setup();
    let file = generated(dir.path(), "export.json");
    ok(
        &data,
        &["import", file.to_str().unwrap(), "--account", ACCOUNT],
    );
    let mut doc: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    doc["GroupDetailList"] = serde_json::json!([]);
    doc["Policies"] = serde_json::json!([]);
    doc["RoleDetailList"] = serde_json::json!([]);
    doc["UserDetailList"][7]["GroupList"] = serde_json::json!(["gen-group-0001"]);
    let users_only = dir.path().join("users.json");
    std::fs::write(&users_only, doc.to_string()).unwrap();
    let summary = ok(
        &data,
        &["import", users_only.to_str().unwrap(), "--account", ACCOUNT],
    );
    assert!(
        summary.contains("users:                    0 created, 60 updated"),
        "{summary}"
    );
    let out = export(&data);
    let user = out["UserDetailList"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["UserName"] == "gen-user-00007")
        .unwrap();
    assert_eq!(user["GroupList"], serde_json::json!(["gen-group-0001"]));
}

/// The shape the aws CLI prints for a typical account: a service-linked role with its
/// non-attachable AWS managed policy, a boundary naming an AWS managed policy, 2008-10-17
/// inline and trust documents, RoleLastUsed, instance profiles with tags.
#[test]
fn a_cli_shaped_export_imports_and_exports_back() {
    let (dir, data) = setup();
    let slr_policy = "arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy";
    let power = "arn:aws:iam::aws:policy/PowerUserAccess";
    let doc = serde_json::json!({
        "UserDetailList": [{
            "Path": "/", "UserName": "ops", "UserId": "AIDAOPSEXAMPLE0000001",
            "Arn": format!("arn:aws:iam::{ACCOUNT}:user/ops"),
            "CreateDate": "2019-03-04T05:06:07+00:00",
            "UserPolicyList": [{"PolicyName": "legacy", "PolicyDocument": {
                "Version": "2008-10-17",
                "Statement": [{"Sid": "Old", "Effect": "Allow", "Action": ["ec2:Describe*"], "Resource": ["*"]}]
            }}],
            "GroupList": [],
            "AttachedManagedPolicies": [{"PolicyName": "PowerUserAccess", "PolicyArn": power}],
            "PermissionsBoundary": {"PermissionsBoundaryType": "PermissionsBoundaryPolicy", "PermissionsBoundaryArn": power},
            "Tags": [{"Key": "owner", "Value": ""}]
        }],
        "GroupDetailList": [],
        "RoleDetailList": [{
            "Path": "/aws-service-role/support.amazonaws.com/",
            "RoleName": "AWSServiceRoleForSupport",
            "RoleId": "AROASUPPORTEXAMPLE001",
            "Arn": format!("arn:aws:iam::{ACCOUNT}:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport"),
            "CreateDate": "2018-01-02T03:04:05+00:00",
            "AssumeRolePolicyDocument": {"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "support.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
            "InstanceProfileList": [{
                "Path": "/", "InstanceProfileName": "support-profile",
                "InstanceProfileId": "AIPASUPPORTEXAMPLE001",
                "Arn": format!("arn:aws:iam::{ACCOUNT}:instance-profile/support-profile"),
                "CreateDate": "2018-01-02T03:04:05+00:00",
                "Roles": [], "Tags": [{"Key": "k", "Value": "v"}]
            }],
            "RolePolicyList": [],
            "AttachedManagedPolicies": [{"PolicyName": "AWSSupportServiceRolePolicy", "PolicyArn": slr_policy}],
            "Tags": [],
            "RoleLastUsed": {"LastUsedDate": "2024-06-07T08:09:10+00:00", "Region": "eu-west-1"}
        }],
        "Policies": [
            {
                "PolicyName": "AWSSupportServiceRolePolicy", "PolicyId": "ANPAJ7W6266ELXF5MISDS",
                "Arn": slr_policy, "Path": "/aws-service-role/", "DefaultVersionId": "v2",
                "AttachmentCount": 1, "PermissionsBoundaryUsageCount": 0, "IsAttachable": false,
                "Description": "Enables resource access for AWS to provide billing, administrative and support services",
                "CreateDate": "2018-04-19T18:04:44+00:00", "UpdateDate": "2018-05-20T00:00:00+00:00",
                "PolicyVersionList": [
                    {"Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["support:*", "iam:Get*"], "Resource": "*"}]},
                     "VersionId": "v2", "IsDefaultVersion": true, "CreateDate": "2018-05-20T00:00:00+00:00"},
                    {"Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "support:*", "Resource": "*"}]},
                     "VersionId": "v1", "IsDefaultVersion": false, "CreateDate": "2018-04-19T18:04:44+00:00"}
                ]
            },
            {
                "PolicyName": "PowerUserAccess", "PolicyId": "ANPAJYRXTHIB4FOVS3ZXS",
                "Arn": power, "Path": "/", "DefaultVersionId": "v1",
                "AttachmentCount": 1, "PermissionsBoundaryUsageCount": 1, "IsAttachable": true,
                "CreateDate": "2015-02-06T18:39:47+00:00", "UpdateDate": "2015-02-06T18:39:47+00:00",
                "PolicyVersionList": [
                    {"Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"}]},
                     "VersionId": "v1", "IsDefaultVersion": true, "CreateDate": "2015-02-06T18:39:47+00:00"}
                ]
            }
        ]
    });
    let file = dir.path().join("cli.json");
    std::fs::write(&file, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    let summary = ok(
        &data,
        &["import", file.to_str().unwrap(), "--account", ACCOUNT],
    );
    assert!(
        summary.contains("AWS managed policies:     2 created"),
        "{summary}"
    );
    assert!(summary.contains("instance profiles:        1"), "{summary}");

    let out = export(&data);
    let role = &out["RoleDetailList"][0];
    assert_eq!(role["RoleLastUsed"]["Region"], "eu-west-1");
    assert_eq!(
        role["RoleLastUsed"]["LastUsedDate"],
        "2024-06-07T08:09:10+00:00"
    );
    assert_eq!(role["AssumeRolePolicyDocument"]["Version"], "2008-10-17");
    assert_eq!(
        role["InstanceProfileList"][0]["InstanceProfileId"],
        "AIPASUPPORTEXAMPLE001"
    );
    assert_eq!(role["InstanceProfileList"][0]["Tags"][0]["Key"], "k");
    assert_eq!(role["AttachedManagedPolicies"][0]["PolicyArn"], slr_policy);
    let user = &out["UserDetailList"][0];
    assert_eq!(user["PermissionsBoundary"]["PermissionsBoundaryArn"], power);
    assert_eq!(
        user["Tags"],
        serde_json::json!([{"Key": "owner", "Value": ""}])
    );
    let policies = out["Policies"].as_array().unwrap();
    let slr = policies.iter().find(|p| p["Arn"] == slr_policy).unwrap();
    assert_eq!(slr["IsAttachable"], false);
    assert_eq!(slr["AttachmentCount"], 1);
    assert_eq!(slr["DefaultVersionId"], "v2");
    assert_eq!(slr["PolicyVersionList"].as_array().unwrap().len(), 2);
    let pu = policies.iter().find(|p| p["Arn"] == power).unwrap();
    assert_eq!(
        (
            pu["AttachmentCount"].as_u64(),
            pu["PermissionsBoundaryUsageCount"].as_u64()
        ),
        (Some(1), Some(1))
    );
}

/// Unique ids are unique in the whole deployment: the same export cannot be loaded into a
/// second account, and the refused import leaves that account empty.
#[test]
fn an_export_cannot_be_imported_into_two_accounts() {
    let (dir, data) = setup();
    ok(
        &data,
        &["account", "create", "--account-id", "222222222222"],
    );
    let file = generated(dir.path(), "export.json");
    ok(
        &data,
        &["import", file.to_str().unwrap(), "--account", ACCOUNT],
    );
    let out = warden(
        &data,
        &[
            "import",
            file.to_str().unwrap(),
            "--account",
            "222222222222",
        ],
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("belongs to another entity"), "{stderr}");
    let other: Value =
        serde_json::from_str(&ok(&data, &["export", "--account", "222222222222"])).unwrap();
    for key in [
        "UserDetailList",
        "GroupDetailList",
        "RoleDetailList",
        "Policies",
    ] {
        assert_eq!(other[key], serde_json::json!([]), "{key}");
    }
}
