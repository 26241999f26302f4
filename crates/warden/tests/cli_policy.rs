//! `warden policy validate` and `warden policy simulate`, run as a user runs them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test helpers fail loudly by design"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn warden(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_warden"))
        .args(args)
        .output()
        .expect("run warden")
}

fn workload_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../warden-policy/testdata/iam-authz-v1")
}

fn account() -> Value {
    let text = std::fs::read_to_string(workload_dir().join("account.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("warden-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The example of the aws CLI's own documentation for `simulate-custom-policy`, whose output
/// is recorded there; ours must be the same bytes (modulo the final newline).
#[test]
fn simulate_matches_the_aws_cli_documentation_example() {
    let out = warden(&[
        "policy",
        "simulate",
        "--policy-input-list",
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}"#,
        "--action-names",
        "dynamodb:CreateBackup",
        "--context-entries",
        "ContextKeyName='aws:CurrentTime',ContextKeyValues='2019-04-25T11:00:00Z',ContextKeyType=date",
        "--output",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = r#"{
    "EvaluationResults": [
        {
            "EvalActionName": "dynamodb:CreateBackup",
            "EvalResourceName": "*",
            "EvalDecision": "allowed",
            "MatchedStatements": [
                {
                    "SourcePolicyId": "PolicyInputList.1",
                    "StartPosition": {
                        "Line": 1,
                        "Column": 38
                    },
                    "EndPosition": {
                        "Line": 1,
                        "Column": 167
                    }
                }
            ],
            "MissingContextValues": []
        }
    ]
}
"#;
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
}

/// The second documented example: the date is before the policy's, so the request is denied
/// and no statement is matched.
#[test]
fn simulate_denies_before_the_date_and_exits_one() {
    let out = warden(&[
        "policy",
        "simulate",
        "--policy-input-list",
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}"#,
        "--action-names",
        "dynamodb:CreateBackup",
        "--context-entries",
        "ContextKeyName='aws:CurrentTime',ContextKeyValues='2014-04-25T11:00:00Z',ContextKeyType=date",
        "--output",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let result = &json["EvaluationResults"][0];
    assert_eq!(result["EvalDecision"], "implicitDeny");
    assert_eq!(result["MatchedStatements"], serde_json::json!([]));
}

#[test]
fn simulate_reports_missing_context_keys_in_the_policy_spelling() {
    let out = warden(&[
        "policy",
        "simulate",
        "--policy-input-list",
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}}"#,
        "--action-names",
        "s3:GetObject",
        "--resource-arns",
        "arn:aws:s3:::b/k",
        "--output",
        "json",
    ]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let result = &json["EvaluationResults"][0];
    assert_eq!(
        result["MissingContextValues"],
        serde_json::json!(["aws:SourceIp"])
    );
    assert_eq!(result["EvalDecisionDetails"], serde_json::json!({}));
    assert_eq!(
        result["ResourceSpecificResults"][0]["EvalResourceName"],
        "arn:aws:s3:::b/k"
    );
}

#[test]
fn simulate_explains_an_explicit_deny_in_words() {
    let out = warden(&[
        "policy",
        "simulate",
        "--policy-input-list",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"NoDelete","Effect":"Deny","Action":"iam:DeleteUser","Resource":"*"}]}"#,
        "--action-names",
        "iam:DeleteUser",
        "--caller-arn",
        "arn:aws:iam::111122223333:user/alice",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("DENIED (explicit deny)"), "{text}");
    assert!(text.contains("Sid \"NoDelete\""), "{text}");
    assert!(
        text.contains("User: arn:aws:iam::111122223333:user/alice is not authorized to perform: iam:DeleteUser on resource: * with an explicit deny in an identity-based policy"),
        "{text}"
    );
}

#[test]
fn simulate_applies_the_permissions_boundary() {
    let out = warden(&[
        "policy",
        "simulate",
        "--policy-input-list",
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:*","Resource":"*"}}"#,
        "--permissions-boundary-policy-input-list",
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:Get*","Resource":"*"}}"#,
        "--action-names",
        "iam:GetUser",
        "iam:CreateUser",
        "--output",
        "json",
    ]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = json["EvaluationResults"].as_array().unwrap();
    assert_eq!(results[0]["EvalDecision"], "allowed");
    assert_eq!(
        results[0]["PermissionsBoundaryDecisionDetail"]["AllowedByPermissionsBoundary"],
        true
    );
    assert_eq!(results[1]["EvalDecision"], "implicitDeny");
    assert_eq!(
        results[1]["PermissionsBoundaryDecisionDetail"]["AllowedByPermissionsBoundary"],
        false
    );
}

#[test]
fn simulate_refuses_an_invalid_policy_with_the_aws_message() {
    let out = warden(&[
        "policy",
        "simulate",
        "--policy-input-list",
        r#"{"Version":"2012-10-17","Statement":{"Effect":"allow","Action":"s3:*","Resource":"*"}}"#,
        "--action-names",
        "s3:GetObject",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("The policy failed legacy parsing"), "{err}");
}

#[test]
fn simulate_without_actions_names_the_missing_argument() {
    let out = warden(&["policy", "simulate", "--policy-input-list", "{}"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--action-names"));
}

/// Every policy of the standard workload's account validates as a managed policy.
#[test]
fn validate_accepts_every_policy_of_the_workload_account() {
    let dir = temp_dir("validate-workload");
    let mut files = Vec::new();
    for policy in account()["policies"].as_array().unwrap() {
        let path = dir.join(format!("{}.json", policy["name"].as_str().unwrap()));
        std::fs::write(
            &path,
            serde_json::to_string_pretty(&policy["document"]).unwrap(),
        )
        .unwrap();
        files.push(path.display().to_string());
    }
    assert_eq!(files.len(), 200);
    let mut args = vec!["policy", "validate", "--output", "json"];
    args.extend(files.iter().map(String::as_str));
    let out = warden(&args);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let reports: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        reports
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["valid"] == true)
    );
}

#[test]
fn validate_reports_every_problem_with_its_path() {
    let dir = temp_dir("validate-invalid");
    let path = dir.join("bad.json");
    std::fs::write(
        &path,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:List:Bucket","Resource":"*"},{"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam:us-east-1::user/x"}]}"#,
    )
    .unwrap();
    let out = warden(&[
        "policy",
        "validate",
        "--output",
        "json",
        path.to_str().unwrap(),
    ]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(1));
    let reports: Value = serde_json::from_slice(&out.stdout).unwrap();
    let report = &reports[0];
    assert_eq!(report["valid"], false);
    assert_eq!(report["awsError"]["code"], "MalformedPolicyDocument");
    let paths: Vec<&str> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.iter().any(|p| p.starts_with("/Statement/0/Action")),
        "{paths:?}"
    );
    assert!(
        paths.iter().any(|p| p.starts_with("/Statement/1/Resource")),
        "{paths:?}"
    );
}

#[test]
fn validate_text_output_names_the_aws_answer() {
    let dir = temp_dir("validate-text");
    let path = dir.join("old.json");
    std::fs::write(
        &path,
        r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#,
    )
    .unwrap();
    let managed = warden(&["policy", "validate", path.to_str().unwrap()]);
    let inline = warden(&[
        "policy",
        "validate",
        "--kind",
        "inline",
        path.to_str().unwrap(),
    ]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(managed.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&managed.stdout).contains(
        "AWS would answer: MalformedPolicyDocument: Policy document must be version 2012-10-17 or greater."
    ));
    assert!(
        inline.status.success(),
        "{}",
        String::from_utf8_lossy(&inline.stdout)
    );
}

/// The principal of the workload (user0042, its 10 policies) through `--cli-input-json`,
/// against the workload's expected decisions.
#[test]
fn simulate_reproduces_the_workload_decisions() {
    let account = account();
    let policies = account["policies"].as_array().unwrap();
    let users = account["users"].as_array().unwrap();
    let groups = account["groups"].as_array().unwrap();
    let user = users.iter().find(|u| u["name"] == "user0042").unwrap();
    let mut names: Vec<String> = user["attached_policies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_owned())
        .collect();
    for group in user["groups"].as_array().unwrap() {
        let group = groups.iter().find(|g| g["name"] == *group).unwrap();
        names.extend(
            group["attached_policies"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_str().unwrap().to_owned()),
        );
    }
    let documents: Vec<String> = names
        .iter()
        .map(|n| {
            let p = policies.iter().find(|p| p["name"] == n.as_str()).unwrap();
            serde_json::to_string(&p["document"]).unwrap()
        })
        .collect();
    assert_eq!(documents.len(), 10);

    let requests = std::fs::read_to_string(workload_dir().join("requests.jsonl")).unwrap();
    let dir = temp_dir("simulate-workload");
    let mut checked = 0;
    for line in requests.lines().take(60) {
        let request: Value = serde_json::from_str(line).unwrap();
        let mut entries = Vec::new();
        for (key, value) in request["context"].as_object().unwrap() {
            let ty = match key.as_str() {
                "aws:SourceIp" => "ip",
                "aws:CurrentTime" => "date",
                "aws:MultiFactorAuthPresent" => "boolean",
                _ => "string",
            };
            entries.push(serde_json::json!({
                "ContextKeyName": key, "ContextKeyValues": [value], "ContextKeyType": ty
            }));
        }
        for (key, value) in user["tags"].as_object().unwrap() {
            entries.push(serde_json::json!({
                "ContextKeyName": format!("aws:PrincipalTag/{key}"),
                "ContextKeyValues": [value], "ContextKeyType": "string"
            }));
        }
        let input = serde_json::json!({
            "PolicyInputList": documents,
            "ActionNames": [request["action"]],
            "ResourceArns": [request["resource"]],
            "CallerArn": "arn:aws:iam::123456789012:user/user0042",
            "ContextEntries": entries,
        });
        let path = dir.join("input.json");
        std::fs::write(&path, input.to_string()).unwrap();
        let out = warden(&[
            "policy",
            "simulate",
            "--cli-input-json",
            &format!("file://{}", path.display()),
            "--output",
            "json",
        ]);
        let json: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
        let expected = match request["expected"].as_str().unwrap() {
            "Allow" => "allowed",
            "ExplicitDeny" => "explicitDeny",
            _ => "implicitDeny",
        };
        assert_eq!(
            json["EvaluationResults"][0]["EvalDecision"], expected,
            "request {}",
            request["id"]
        );
        checked += 1;
    }
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(checked, 60);
}
