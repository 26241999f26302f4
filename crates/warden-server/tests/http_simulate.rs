//! In-process HTTP tests of the policy simulator API (api.md §5.19): SimulateCustomPolicy,
//! SimulatePrincipalPolicy, GetContextKeysForCustomPolicy, GetContextKeysForPrincipalPolicy.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: failing loudly is the point"
)]

mod common;
mod handlers_support;

use common::{Server, golden};
use handlers_support::{all_texts, denied, doc};
use warden_core::Store;

/// The policy of the aws CLI documentation example of `simulate-custom-policy`.
const DOC_POLICY: &str = r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}"#;

/// The documented call: one action, `aws:CurrentTime` after the policy's date.
fn doc_example(time: &str) -> Vec<(&'static str, String)> {
    vec![
        ("PolicyInputList.member.1", DOC_POLICY.to_owned()),
        ("ActionNames.member.1", "dynamodb:CreateBackup".to_owned()),
        (
            "ContextEntries.member.1.ContextKeyName",
            "aws:CurrentTime".to_owned(),
        ),
        (
            "ContextEntries.member.1.ContextKeyValues.member.1",
            time.to_owned(),
        ),
        ("ContextEntries.member.1.ContextKeyType", "date".to_owned()),
    ]
}

fn params<'a>(owned: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    owned.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

async fn custom_policy_doc_example<S: Store>(srv: Server<S>) {
    let p = doc_example("2019-04-25T11:00:00Z");
    let r = srv.call("SimulateCustomPolicy", &params(&p)).await;
    r.assert_ok();
    assert_eq!(r.text("EvalDecision").unwrap(), "allowed");
    assert_eq!(r.text("SourcePolicyId").unwrap(), "PolicyInputList.1");
    assert_eq!(all_texts(&r, "Column"), ["38", "167"]);
    assert_eq!(all_texts(&r, "Line"), ["1", "1"]);
    assert_eq!(r.text("IsTruncated").unwrap(), "false");
    // Policies of the request carry no SourcePolicyType (AWS's recorded answer).
    assert!(r.text("SourcePolicyType").is_none(), "{}", r.body);
    golden("simulate_custom_policy", &r);

    // The second documented example: before the date, denied, nothing matched.
    let p = doc_example("2014-04-25T11:00:00Z");
    let r = srv.call("SimulateCustomPolicy", &params(&p)).await;
    r.assert_ok();
    assert_eq!(r.text("EvalDecision").unwrap(), "implicitDeny");
    assert!(r.text("SourcePolicyId").is_none(), "{}", r.body);
}

async fn custom_policy_errors<S: Store>(srv: Server<S>) {
    let r = srv
        .call(
            "SimulateCustomPolicy",
            &[
                ("PolicyInputList.member.1", "{\"Version\":"),
                ("ActionNames.member.1", "s3:GetObject"),
            ],
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (400, "MalformedPolicyDocument")
    );
    assert!(!r.message().is_empty());

    let r = srv
        .call(
            "SimulateCustomPolicy",
            &[
                ("PolicyInputList.member.1", &doc("s3:*")),
                ("ActionNames.member.1", "s3:GetObject"),
                (
                    "ResourcePolicy",
                    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}"#,
                ),
            ],
        )
        .await;
    r.assert_error(
        400,
        "InvalidInput",
        "CallerArn is required if you include a ResourcePolicy",
    );

    let r = srv
        .call(
            "SimulateCustomPolicy",
            &[
                ("PolicyInputList.member.1", &doc("s3:*")),
                ("ActionNames.member.1", "s3:GetObject"),
                ("ContextEntries.member.1.ContextKeyName", "aws:CurrentTime"),
                (
                    "ContextEntries.member.1.ContextKeyValues.member.1",
                    "yesterday",
                ),
                ("ContextEntries.member.1.ContextKeyType", "date"),
            ],
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (400, "InvalidInput"),
        "{}",
        r.body
    );
}

async fn custom_policy_pages<S: Store>(srv: Server<S>) {
    let policy = doc("s3:Get*");
    let first = srv
        .call(
            "SimulateCustomPolicy",
            &[
                ("PolicyInputList.member.1", &policy),
                ("ActionNames.member.1", "s3:GetObject"),
                ("ActionNames.member.2", "s3:PutObject"),
                ("ActionNames.member.3", "s3:GetBucketPolicy"),
                ("MaxItems", "2"),
            ],
        )
        .await;
    first.assert_ok();
    assert_eq!(
        all_texts(&first, "EvalDecision"),
        ["allowed", "implicitDeny"]
    );
    assert_eq!(first.text("IsTruncated").unwrap(), "true");
    let marker = first.text("Marker").unwrap();
    let rest = srv
        .call(
            "SimulateCustomPolicy",
            &[
                ("PolicyInputList.member.1", &policy),
                ("ActionNames.member.1", "s3:GetObject"),
                ("ActionNames.member.2", "s3:PutObject"),
                ("ActionNames.member.3", "s3:GetBucketPolicy"),
                ("MaxItems", "2"),
                ("Marker", &marker),
            ],
        )
        .await;
    rest.assert_ok();
    assert_eq!(all_texts(&rest, "EvalActionName"), ["s3:GetBucketPolicy"]);
    assert_eq!(rest.text("IsTruncated").unwrap(), "false");
    assert!(rest.text("Marker").is_none());
}

/// alice: an inline policy allowing `s3:GetObject`, the group `devs` with the managed policy
/// `ec2read` (`ec2:Describe*`), and the boundary `bound` allowing `s3:*` only.
async fn setup_alice<S: Store>(srv: &Server<S>) {
    srv.call("CreateUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    srv.call(
        "PutUserPolicy",
        &[
            ("UserName", "alice"),
            ("PolicyName", "reads"),
            ("PolicyDocument", &doc("s3:GetObject")),
        ],
    )
    .await
    .assert_ok();
    srv.call("CreateGroup", &[("GroupName", "devs")])
        .await
        .assert_ok();
    srv.call(
        "AddUserToGroup",
        &[("GroupName", "devs"), ("UserName", "alice")],
    )
    .await
    .assert_ok();
    for (name, action) in [("ec2read", "ec2:Describe*"), ("bound", "s3:*")] {
        srv.call(
            "CreatePolicy",
            &[("PolicyName", name), ("PolicyDocument", &doc(action))],
        )
        .await
        .assert_ok();
    }
    srv.call(
        "AttachGroupPolicy",
        &[
            ("GroupName", "devs"),
            ("PolicyArn", "arn:aws:iam::123456789012:policy/ec2read"),
        ],
    )
    .await
    .assert_ok();
}

async fn principal_policy_of_a_user<S: Store>(srv: Server<S>) {
    setup_alice(&srv).await;
    let simulate = |extra: Vec<(&'static str, &'static str)>| {
        let mut p = vec![
            ("PolicySourceArn", "arn:aws:iam::123456789012:user/alice"),
            ("ActionNames.member.1", "s3:GetObject"),
            ("ActionNames.member.2", "ec2:DescribeInstances"),
            ("ActionNames.member.3", "iam:CreateUser"),
        ];
        p.extend(extra);
        p
    };
    let r = srv.call("SimulatePrincipalPolicy", &simulate(vec![])).await;
    r.assert_ok();
    assert_eq!(
        all_texts(&r, "EvalDecision"),
        ["allowed", "allowed", "implicitDeny"]
    );
    assert_eq!(all_texts(&r, "SourcePolicyId"), ["reads", "ec2read"]);
    assert_eq!(all_texts(&r, "SourcePolicyType"), ["user", "user-managed"]);
    golden("simulate_principal_policy", &r);

    // With the boundary, only s3 stays allowed.
    srv.call(
        "PutUserPermissionsBoundary",
        &[
            ("UserName", "alice"),
            (
                "PermissionsBoundary",
                "arn:aws:iam::123456789012:policy/bound",
            ),
        ],
    )
    .await
    .assert_ok();
    let r = srv.call("SimulatePrincipalPolicy", &simulate(vec![])).await;
    r.assert_ok();
    assert_eq!(
        all_texts(&r, "EvalDecision"),
        ["allowed", "implicitDeny", "implicitDeny"]
    );
    assert_eq!(
        all_texts(&r, "AllowedByPermissionsBoundary"),
        ["true", "false", "false"]
    );

    // PolicyInputList adds policies; a boundary list replaces the stored boundary.
    let r = srv
        .call(
            "SimulatePrincipalPolicy",
            &simulate(vec![
                (
                    "PolicyInputList.member.1",
                    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateUser","Resource":"*"}]}"#,
                ),
                (
                    "PermissionsBoundaryPolicyInputList.member.1",
                    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
                ),
            ]),
        )
        .await;
    r.assert_ok();
    assert_eq!(
        all_texts(&r, "EvalDecision"),
        ["allowed", "allowed", "allowed"]
    );
    // Each allowed result lists its identity statement and the boundary statement.
    assert_eq!(
        all_texts(&r, "SourcePolicyId"),
        [
            "reads",
            "PermissionsBoundaryPolicyInputList.1",
            "ec2read",
            "PermissionsBoundaryPolicyInputList.1",
            "PolicyInputList.1",
            "PermissionsBoundaryPolicyInputList.1"
        ]
    );
}

async fn principal_policy_of_a_role_and_errors<S: Store>(srv: Server<S>) {
    srv.call(
        "CreateRole",
        &[
            ("RoleName", "app"),
            ("AssumeRolePolicyDocument", handlers_support::TRUST),
        ],
    )
    .await
    .assert_ok();
    srv.call(
        "PutRolePolicy",
        &[
            ("RoleName", "app"),
            ("PolicyName", "q"),
            ("PolicyDocument", &doc("sqs:SendMessage")),
        ],
    )
    .await
    .assert_ok();
    let r = srv
        .call(
            "SimulatePrincipalPolicy",
            &[
                ("PolicySourceArn", "arn:aws:iam::123456789012:role/app"),
                ("ActionNames.member.1", "sqs:SendMessage"),
            ],
        )
        .await;
    r.assert_ok();
    assert_eq!(r.text("EvalDecision").unwrap(), "allowed");
    assert_eq!(r.text("SourcePolicyType").unwrap(), "role");

    srv.call(
        "SimulatePrincipalPolicy",
        &[
            ("PolicySourceArn", "arn:aws:iam::123456789012:user/ghost"),
            ("ActionNames.member.1", "s3:GetObject"),
        ],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "The user with name ghost cannot be found.",
    );
    // A role is not a user: CallerArn is required with a resource policy.
    let r = srv
        .call(
            "SimulatePrincipalPolicy",
            &[
                ("PolicySourceArn", "arn:aws:iam::123456789012:role/app"),
                ("ActionNames.member.1", "sqs:SendMessage"),
                (
                    "ResourcePolicy",
                    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:*","Resource":"*"}]}"#,
                ),
            ],
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (400, "InvalidInput"),
        "{}",
        r.body
    );
    let r = srv
        .call(
            "SimulatePrincipalPolicy",
            &[
                ("PolicySourceArn", "arn:aws:iam::123456789012:policy/p"),
                ("ActionNames.member.1", "s3:GetObject"),
            ],
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (400, "InvalidInput"),
        "{}",
        r.body
    );
}

async fn simulation_is_authorized<S: Store>(srv: Server<S>) {
    setup_alice(&srv).await;
    let (id, secret) = srv.user_with_key("bob").await;
    let bob = (id.as_str(), secret.as_str());
    srv.call_as(
        bob,
        "SimulatePrincipalPolicy",
        &[
            ("PolicySourceArn", "arn:aws:iam::123456789012:user/alice"),
            ("ActionNames.member.1", "s3:GetObject"),
        ],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied(
            "bob",
            "iam:SimulatePrincipalPolicy",
            "arn:aws:iam::123456789012:user/alice",
        ),
    );
    srv.call_as(
        bob,
        "GetContextKeysForPrincipalPolicy",
        &[("PolicySourceArn", "arn:aws:iam::123456789012:user/alice")],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied(
            "bob",
            "iam:GetContextKeysForPrincipalPolicy",
            "arn:aws:iam::123456789012:user/alice",
        ),
    );
    srv.call_as(
        bob,
        "SimulateCustomPolicy",
        &[
            ("PolicyInputList.member.1", &doc("s3:*")),
            ("ActionNames.member.1", "s3:GetObject"),
        ],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied("bob", "iam:SimulateCustomPolicy", "*"),
    );
    srv.call_as(
        bob,
        "GetContextKeysForCustomPolicy",
        &[("PolicyInputList.member.1", &doc("s3:*"))],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied("bob", "iam:GetContextKeysForCustomPolicy", "*"),
    );
}

async fn context_keys<S: Store>(srv: Server<S>) {
    // The aws CLI documentation example of get-context-keys-for-custom-policy.
    let r = srv
        .call(
            "GetContextKeysForCustomPolicy",
            &[(
                "PolicyInputList.member.1",
                r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"arn:aws:dynamodb:us-west-2:123456789012:table/${aws:username}","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2015-08-16T12:00:00Z"}}}}"#,
            )],
        )
        .await;
    r.assert_ok();
    assert_eq!(all_texts(&r, "member"), ["aws:username", "aws:CurrentTime"]);
    golden("get_context_keys_for_custom_policy", &r);

    setup_alice(&srv).await;
    srv.call(
        "PutGroupPolicy",
        &[
            ("GroupName", "devs"),
            ("PolicyName", "mfa"),
            (
                "PolicyDocument",
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}]}"#,
            ),
        ],
    )
    .await
    .assert_ok();
    let r = srv
        .call(
            "GetContextKeysForPrincipalPolicy",
            &[
                ("PolicySourceArn", "arn:aws:iam::123456789012:user/alice"),
                (
                    "PolicyInputList.member.1",
                    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}"#,
                ),
            ],
        )
        .await;
    r.assert_ok();
    assert_eq!(
        all_texts(&r, "member"),
        ["aws:MultiFactorAuthPresent", "aws:SourceIp"]
    );
    srv.call(
        "GetContextKeysForPrincipalPolicy",
        &[("PolicySourceArn", "arn:aws:iam::123456789012:group/nobody")],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "The group with name nobody cannot be found.",
    );
    let r = srv
        .call(
            "GetContextKeysForCustomPolicy",
            &[("PolicyInputList.member.1", "not json")],
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (400, "MalformedPolicyDocument")
    );
}

backend_tests!(
    custom_policy_doc_example,
    custom_policy_errors,
    custom_policy_pages,
    principal_policy_of_a_user,
    principal_policy_of_a_role_and_errors,
    simulation_is_authorized,
    context_keys,
);
