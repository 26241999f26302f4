//! In-process HTTP tests of the account alias, GetAccountSummary and
//! GetAccountAuthorizationDetails (api.md §5.16), on SQLite and PostgreSQL.

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

use common::{Resp, Server, golden};
use handlers_support::{ALLOW_ALL, TRUST, all_texts, denied, doc, percent_decode};
use warden_core::{
    Account, AccountImport, ImportedPolicy, ImportedPolicyVersion, Store, Transaction,
};

const OTHER_ACCOUNT: &str = "210987654321";

/// Runs each scenario on SQLite and on a fresh PostgreSQL database.
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

fn policy_arn(name: &str) -> String {
    format!("arn:aws:iam::123456789012:policy/{name}")
}

async fn ok<S: Store>(srv: &Server<S>, action: &str, params: &[(&str, &str)]) -> Resp {
    let r = srv.call(action, params).await;
    r.assert_ok();
    r
}

async fn alias_golden<S: Store>(srv: Server<S>) {
    golden(
        "list_account_aliases_empty",
        &ok(&srv, "ListAccountAliases", &[]).await,
    );
    golden(
        "create_account_alias",
        &ok(
            &srv,
            "CreateAccountAlias",
            &[("AccountAlias", "my-company")],
        )
        .await,
    );
    golden(
        "list_account_aliases",
        &ok(&srv, "ListAccountAliases", &[]).await,
    );
    // A second alias replaces the first (an account holds one).
    ok(
        &srv,
        "CreateAccountAlias",
        &[("AccountAlias", "renamed-co")],
    )
    .await;
    let r = ok(&srv, "ListAccountAliases", &[("MaxItems", "1")]).await;
    assert_eq!(all_texts(&r, "member"), ["renamed-co"]);
    assert_eq!(r.text("IsTruncated").unwrap(), "false");
    srv.call("DeleteAccountAlias", &[("AccountAlias", "my-company")])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            "The account alias my-company cannot be found.",
        );
    golden(
        "delete_account_alias",
        &ok(
            &srv,
            "DeleteAccountAlias",
            &[("AccountAlias", "renamed-co")],
        )
        .await,
    );
    let r = ok(&srv, "ListAccountAliases", &[]).await;
    assert!(all_texts(&r, "member").is_empty(), "{}", r.body);
    srv.call("DeleteAccountAlias", &[("AccountAlias", "renamed-co")])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            "The account alias renamed-co cannot be found.",
        );
}

async fn alias_errors<S: Store>(srv: Server<S>) {
    // Another account of the deployment holds `taken`.
    let other = OTHER_ACCOUNT.parse().unwrap();
    let mut tx = srv.store.begin().await.unwrap();
    tx.insert_account(&Account {
        id: other,
        created: time::OffsetDateTime::from_unix_timestamp(common::START).unwrap(),
    })
    .await
    .unwrap();
    tx.set_account_alias(other, "taken").await.unwrap();
    tx.commit().await.unwrap();
    srv.call("CreateAccountAlias", &[("AccountAlias", "taken")])
        .await
        .assert_error(
            409,
            "EntityAlreadyExists",
            "The account alias taken already exists.",
        );
    // The caller's own alias, too.
    ok(&srv, "CreateAccountAlias", &[("AccountAlias", "mine")]).await;
    srv.call("CreateAccountAlias", &[("AccountAlias", "mine")])
        .await
        .assert_error(
            409,
            "EntityAlreadyExists",
            "The account alias mine already exists.",
        );
    srv.call("CreateAccountAlias", &[("AccountAlias", "123456789012")])
        .await
        .assert_error(
            400,
            "InvalidInput",
            "The account alias 123456789012 cannot consist of digits only.",
        );
    // The model's pattern: lower case, no leading/trailing/double hyphen, 3..63.
    for bad in ["Upper", "-lead", "trail-", "dou--ble", "ab", "under_score"] {
        let r = srv
            .call("CreateAccountAlias", &[("AccountAlias", bad)])
            .await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (400, "ValidationError"),
            "{bad}: {}",
            r.body
        );
    }
    srv.call("ListAccountAliases", &[("Marker", "garbage")])
        .await
        .assert_error(400, "ValidationError", "Invalid Marker.");
    // Deleting the alias frees it for others.
    ok(&srv, "DeleteAccountAlias", &[("AccountAlias", "mine")]).await;
    let mut tx = srv.store.begin().await.unwrap();
    assert_eq!(tx.account_by_alias("mine").await.unwrap(), None);
    assert_eq!(tx.account_by_alias("taken").await.unwrap(), Some(other));
    tx.rollback().await.unwrap();
}

async fn account_access_denied<S: Store>(srv: Server<S>) {
    let (id, secret) = srv.user_with_key("bob").await;
    let bob = (id.as_str(), secret.as_str());
    for (action, params) in [
        ("CreateAccountAlias", vec![("AccountAlias", "x-co")]),
        ("DeleteAccountAlias", vec![("AccountAlias", "x-co")]),
        ("ListAccountAliases", vec![]),
        ("GetAccountSummary", vec![]),
        ("GetAccountAuthorizationDetails", vec![]),
    ] {
        srv.call_as(bob, action, &params).await.assert_error(
            403,
            "AccessDenied",
            &denied("bob", &format!("iam:{action}"), "*"),
        );
    }
}

/// The value of a SummaryMap entry.
fn summary(r: &Resp, key: &str) -> i64 {
    let entry = format!("<key>{key}</key><value>");
    let start = r
        .body
        .find(&entry)
        .unwrap_or_else(|| panic!("{key} missing: {}", r.body))
        + entry.len();
    r.body[start..].split('<').next().unwrap().parse().unwrap()
}

async fn account_summary<S: Store>(srv: Server<S>) {
    let r = ok(&srv, "GetAccountSummary", &[]).await;
    golden("get_account_summary", &r);
    // Every key of the model's summaryKeyType.
    for key in [
        "Users",
        "UsersQuota",
        "Groups",
        "GroupsQuota",
        "ServerCertificates",
        "ServerCertificatesQuota",
        "UserPolicySizeQuota",
        "GroupPolicySizeQuota",
        "GroupsPerUserQuota",
        "SigningCertificatesPerUserQuota",
        "AccessKeysPerUserQuota",
        "MFADevices",
        "MFADevicesInUse",
        "AccountMFAEnabled",
        "AccountAccessKeysPresent",
        "AccountPasswordPresent",
        "AccountSigningCertificatesPresent",
        "AttachedPoliciesPerGroupQuota",
        "AttachedPoliciesPerRoleQuota",
        "AttachedPoliciesPerUserQuota",
        "Policies",
        "PoliciesQuota",
        "PolicySizeQuota",
        "PolicyVersionsInUse",
        "PolicyVersionsInUseQuota",
        "VersionsPerPolicyQuota",
        "GlobalEndpointTokenVersion",
        "AssumeRolePolicySizeQuota",
        "InstanceProfiles",
        "InstanceProfilesQuota",
        "Providers",
        "RolePolicySizeQuota",
        "Roles",
        "RolesQuota",
    ] {
        summary(&r, key);
    }
    assert_eq!(summary(&r, "Users"), 0);
    // The harness gives root an access key.
    assert_eq!(summary(&r, "AccountAccessKeysPresent"), 1);
    ok(&srv, "CreateUser", &[("UserName", "a")]).await;
    ok(&srv, "CreateUser", &[("UserName", "b")]).await;
    ok(&srv, "CreateGroup", &[("GroupName", "g")]).await;
    ok(
        &srv,
        "CreateRole",
        &[("RoleName", "r"), ("AssumeRolePolicyDocument", TRUST)],
    )
    .await;
    ok(
        &srv,
        "CreatePolicy",
        &[("PolicyName", "p"), ("PolicyDocument", &doc("s3:*"))],
    )
    .await;
    for (action, holder, name) in [
        ("AttachUserPolicy", "UserName", "a"),
        ("AttachGroupPolicy", "GroupName", "g"),
        ("AttachRolePolicy", "RoleName", "r"),
    ] {
        ok(
            &srv,
            action,
            &[(holder, name), ("PolicyArn", &policy_arn("p"))],
        )
        .await;
    }
    ok(
        &srv,
        "CreateOpenIDConnectProvider",
        &[("Url", "https://issuer.example.com")],
    )
    .await;
    let r = ok(&srv, "GetAccountSummary", &[]).await;
    assert_eq!(summary(&r, "Users"), 2);
    assert_eq!(summary(&r, "Groups"), 1);
    assert_eq!(summary(&r, "Roles"), 1);
    assert_eq!(summary(&r, "Policies"), 1);
    assert_eq!(summary(&r, "PolicyVersionsInUse"), 3);
    assert_eq!(summary(&r, "Providers"), 1);
    ok(
        &srv,
        "CreateInstanceProfile",
        &[("InstanceProfileName", "ip")],
    )
    .await;
    ok(
        &srv,
        "SetSecurityTokenServicePreferences",
        &[("GlobalEndpointTokenVersion", "v2Token")],
    )
    .await;
    let r = ok(&srv, "GetAccountSummary", &[]).await;
    assert_eq!(summary(&r, "InstanceProfiles"), 1);
    assert_eq!(summary(&r, "GlobalEndpointTokenVersion"), 2);
    assert_eq!(summary(&r, "UsersQuota"), 5000);
    assert_eq!(summary(&r, "AccountPasswordPresent"), 0);
}

/// An account with every kind of entity and relation.
async fn populate<S: Store>(srv: &Server<S>) {
    ok(
        srv,
        "CreatePolicy",
        &[("PolicyName", "Boundary"), ("PolicyDocument", ALLOW_ALL)],
    )
    .await;
    ok(
        srv,
        "CreatePolicy",
        &[
            ("PolicyName", "ReadS3"),
            ("Path", "/team/"),
            ("Description", "read buckets"),
            ("PolicyDocument", &doc("s3:Get*")),
        ],
    )
    .await;
    ok(
        srv,
        "CreatePolicyVersion",
        &[
            ("PolicyArn", "arn:aws:iam::123456789012:policy/team/ReadS3"),
            ("PolicyDocument", &doc("s3:List*")),
            ("SetAsDefault", "true"),
        ],
    )
    .await;
    ok(
        srv,
        "CreateUser",
        &[
            ("UserName", "alice"),
            ("Path", "/staff/"),
            ("PermissionsBoundary", &policy_arn("Boundary")),
            ("Tags.member.1.Key", "team"),
            ("Tags.member.1.Value", "blue"),
        ],
    )
    .await;
    ok(srv, "CreateUser", &[("UserName", "bob")]).await;
    ok(srv, "CreateGroup", &[("GroupName", "Admins")]).await;
    ok(
        srv,
        "AddUserToGroup",
        &[("GroupName", "Admins"), ("UserName", "alice")],
    )
    .await;
    ok(
        srv,
        "PutUserPolicy",
        &[
            ("UserName", "alice"),
            ("PolicyName", "inline-a"),
            ("PolicyDocument", &doc("sqs:*")),
        ],
    )
    .await;
    ok(
        srv,
        "AttachUserPolicy",
        &[
            ("UserName", "alice"),
            ("PolicyArn", "arn:aws:iam::123456789012:policy/team/ReadS3"),
        ],
    )
    .await;
    ok(
        srv,
        "PutGroupPolicy",
        &[
            ("GroupName", "Admins"),
            ("PolicyName", "admins-inline"),
            ("PolicyDocument", ALLOW_ALL),
        ],
    )
    .await;
    ok(
        srv,
        "AttachGroupPolicy",
        &[
            ("GroupName", "Admins"),
            ("PolicyArn", "arn:aws:iam::123456789012:policy/team/ReadS3"),
        ],
    )
    .await;
    ok(
        srv,
        "CreateRole",
        &[
            ("RoleName", "deployer"),
            ("AssumeRolePolicyDocument", TRUST),
            ("Tags.member.1.Key", "env"),
            ("Tags.member.1.Value", "prod"),
        ],
    )
    .await;
    ok(
        srv,
        "PutRolePolicy",
        &[
            ("RoleName", "deployer"),
            ("PolicyName", "role-inline"),
            ("PolicyDocument", &doc("ec2:*")),
        ],
    )
    .await;
    ok(
        srv,
        "AttachRolePolicy",
        &[
            ("RoleName", "deployer"),
            ("PolicyArn", &policy_arn("Boundary")),
        ],
    )
    .await;
}

async fn authorization_details_golden<S: Store>(srv: Server<S>) {
    populate(&srv).await;
    ok(
        &srv,
        "CreateInstanceProfile",
        &[("InstanceProfileName", "web")],
    )
    .await;
    ok(
        &srv,
        "AddRoleToInstanceProfile",
        &[("InstanceProfileName", "web"), ("RoleName", "deployer")],
    )
    .await;
    let r = ok(&srv, "GetAccountAuthorizationDetails", &[]).await;
    golden("get_account_authorization_details", &r);
    assert_eq!(r.text("IsTruncated").unwrap(), "false");
    // Documents are URL-encoded (api.md §1.4) and verbatim.
    let docs = all_texts(&r, "PolicyDocument");
    assert_eq!(percent_decode(&docs[0]), doc("sqs:*"));
    let versions = all_texts(&r, "Document");
    assert!(
        versions.iter().any(|d| percent_decode(d) == doc("s3:Get*")),
        "{}",
        r.body
    );
    assert!(
        versions
            .iter()
            .any(|d| percent_decode(d) == doc("s3:List*")),
        "{}",
        r.body
    );
    assert_eq!(
        percent_decode(&r.text("AssumeRolePolicyDocument").unwrap()),
        TRUST
    );
    assert_eq!(
        all_texts(&r, "InstanceProfileName"),
        ["web"],
        "the role's instance profile"
    );
}

/// Every `<UserName>`, `<GroupName>`, `<RoleName>` and `<PolicyName>` of the details
/// lists (not of nested attachments), in response order, prefixed by kind.
fn entity_names(r: &Resp) -> Vec<String> {
    let mut out = Vec::new();
    for (list, tag, kind) in [
        ("UserDetailList", "UserName", "user"),
        ("GroupDetailList", "GroupName", "group"),
        ("RoleDetailList", "RoleName", "role"),
        ("Policies", "PolicyId", "policy"),
    ] {
        let open = format!("<{list}>");
        let Some(start) = r.body.find(&open) else {
            continue;
        };
        let end = r.body.find(&format!("</{list}>")).unwrap();
        let section = Resp {
            status: 200,
            body: r.body[start..end].to_owned(),
            request_id: None,
            content_type: None,
        };
        for name in all_texts(&section, tag) {
            out.push(format!("{kind}:{name}"));
        }
    }
    out
}

async fn pages<S: Store>(srv: &Server<S>, filter: &[&str], max: &str) -> Vec<String> {
    let mut seen = Vec::new();
    let mut marker: Option<String> = None;
    for _ in 0..50 {
        let mut params: Vec<(String, String)> = filter
            .iter()
            .enumerate()
            .map(|(i, f)| (format!("Filter.member.{}", i + 1), (*f).to_owned()))
            .collect();
        params.push(("MaxItems".to_owned(), max.to_owned()));
        if let Some(m) = &marker {
            params.push(("Marker".to_owned(), m.clone()));
        }
        let borrowed: Vec<(&str, &str)> = params
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let r = ok(srv, "GetAccountAuthorizationDetails", &borrowed).await;
        let names = entity_names(&r);
        let limit: usize = max.parse().unwrap();
        assert!(names.len() <= limit, "{}", r.body);
        seen.extend(names);
        if r.text("IsTruncated").unwrap() == "false" {
            assert!(r.text("Marker").is_none(), "{}", r.body);
            return seen;
        }
        assert_eq!(seen.len() % limit, 0, "truncated pages are full");
        marker = r.text("Marker");
    }
    panic!("pagination did not end");
}

/// Loads AWS managed policies (deployment-wide) the way `warden import` does.
async fn import_aws_managed<S: Store>(srv: &Server<S>, names: &[&str]) {
    let at = time::OffsetDateTime::from_unix_timestamp(common::START).unwrap();
    let data = AccountImport {
        aws_policies: names
            .iter()
            .enumerate()
            .map(|(i, name)| ImportedPolicy {
                id: format!("ANPAAWSMANAGED{i:07}"),
                name: (*name).to_owned(),
                path: "/".to_owned(),
                arn: format!("arn:aws:iam::aws:policy/{name}"),
                description: None,
                created: at,
                updated: at,
                default_version: 1,
                versions: vec![ImportedPolicyVersion {
                    number: 1,
                    document: doc("s3:Get*"),
                    created: at,
                }],
                attachable: true,
            })
            .collect(),
        ..AccountImport::default()
    };
    let mut tx = srv.store.begin().await.unwrap();
    tx.import_account(common::ACCOUNT.parse().unwrap(), &data, &|_| {})
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

async fn authorization_details_pagination_and_filters<S: Store>(srv: Server<S>) {
    populate(&srv).await;
    import_aws_managed(&srv, &["IAMFullAccess", "ReadOnlyAccess"]).await;
    ok(
        &srv,
        "AttachUserPolicy",
        &[
            ("UserName", "bob"),
            ("PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"),
        ],
    )
    .await;
    ok(&srv, "CreateGroup", &[("GroupName", "ops")]).await;
    ok(
        &srv,
        "CreateRole",
        &[("RoleName", "Auditor"), ("AssumeRolePolicyDocument", TRUST)],
    )
    .await;
    let whole = entity_names(&ok(&srv, "GetAccountAuthorizationDetails", &[]).await);
    let users = ["user:alice", "user:bob"];
    let groups = ["group:Admins", "group:ops"];
    let roles = ["role:Auditor", "role:deployer"];
    assert_eq!(&whole[..6], [users, groups, roles].concat().as_slice());
    // Customer managed policies, then the AWS managed ones in use (not IAMFullAccess).
    assert_eq!(whole.len(), 9, "{whole:?}");
    assert_eq!(whole[8], "policy:ANPAAWSMANAGED0000001", "{whole:?}");
    // Pages count entities across the four lists together, in order, without repeats.
    for max in ["1", "2", "3", "5", "7", "8", "9", "100"] {
        assert_eq!(pages(&srv, &[], max).await, whole, "MaxItems={max}");
    }
    let only_users = pages(&srv, &["User"], "1").await;
    assert_eq!(only_users, users);
    let roles_and_policies = pages(&srv, &["Role", "LocalManagedPolicy"], "3").await;
    assert_eq!(&roles_and_policies[..2], roles);
    assert_eq!(roles_and_policies.len(), 4);
    assert_eq!(
        pages(&srv, &["AWSManagedPolicy"], "10").await,
        ["policy:ANPAAWSMANAGED0000001"]
    );
    let local = pages(&srv, &["LocalManagedPolicy"], "1").await;
    assert_eq!(local, whole[6..8]);
    let groups_only = ok(
        &srv,
        "GetAccountAuthorizationDetails",
        &[("Filter.member.1", "Group")],
    )
    .await;
    assert!(
        groups_only.body.contains("<UserDetailList/>")
            || groups_only
                .body
                .contains("<UserDetailList></UserDetailList>"),
        "{}",
        groups_only.body
    );
    srv.call("GetAccountAuthorizationDetails", &[("Marker", "garbage")])
        .await
        .assert_error(400, "ValidationError", "Invalid Marker.");
    // A marker is bound to its filter.
    let first = ok(&srv, "GetAccountAuthorizationDetails", &[("MaxItems", "1")]).await;
    let marker = first.text("Marker").unwrap();
    srv.call(
        "GetAccountAuthorizationDetails",
        &[("Marker", &marker), ("Filter.member.1", "Role")],
    )
    .await
    .assert_error(400, "ValidationError", "Invalid Marker.");
    let r = srv
        .call(
            "GetAccountAuthorizationDetails",
            &[("Filter.member.1", "Nope")],
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (400, "ValidationError"),
        "{}",
        r.body
    );
}

both_backends!(
    alias_golden,
    alias_errors,
    account_access_denied,
    account_summary,
    authorization_details_golden,
    authorization_details_pagination_and_filters,
);
