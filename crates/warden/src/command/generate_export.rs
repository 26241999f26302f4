//! `warden generate-export` (hidden): writes a synthetic `get-account-authorization-details`
//! document for `warden import` benchmarks and tests (docs/performance.md): users in
//! groups with inline and attached policies, tags and boundaries, customer managed
//! policies with several versions, roles with instance profiles, and AWS managed
//! policies. Deterministic: the same arguments give the same bytes.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use serde_json::{Value, json};

/// Arguments of `warden generate-export`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The account id written into ARNs.
    #[arg(long, default_value = "123456789012")]
    account: String,
    /// Users.
    #[arg(long, default_value_t = 10_000)]
    users: usize,
    /// Customer managed policies.
    #[arg(long, default_value_t = 2_000)]
    policies: usize,
    /// Versions per customer managed policy (1 to 5).
    #[arg(long, default_value_t = 3)]
    versions: usize,
    /// Groups [default: users / 20, at least 1].
    #[arg(long)]
    groups: Option<usize>,
    /// Roles [default: users / 20, at least 1].
    #[arg(long)]
    roles: Option<usize>,
    /// AWS managed policies.
    #[arg(long, default_value_t = 20)]
    aws_policies: usize,
    /// Output file (standard output when absent).
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
}

/// A unique id: prefix and 17 digits (IAM ids are 21 word characters).
fn id(prefix: &str, n: usize) -> String {
    format!("{prefix}{n:017}")
}

/// Creation dates one minute apart from 2024-01-01.
fn date(n: usize) -> String {
    let t = time::OffsetDateTime::UNIX_EPOCH
        + time::Duration::seconds(1_704_067_200 + i64::try_from(n).unwrap_or(0) * 60);
    let format =
        time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]+00:00");
    t.format(&format).unwrap_or_default()
}

fn allow(actions: &[&str], resource: &str) -> Value {
    json!({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": actions, "Resource": resource}],
    })
}

const SERVICES: [&str; 6] = ["s3", "dynamodb", "sqs", "sns", "ec2", "lambda"];

fn service(n: usize) -> &'static str {
    SERVICES.get(n % SERVICES.len()).copied().unwrap_or("s3")
}

/// The document; also used by tests.
pub(crate) fn generate(args: &Args) -> Value {
    let account = &args.account;
    let groups = args.groups.unwrap_or(args.users / 20).max(1);
    let roles = args.roles.unwrap_or(args.users / 20).max(1);
    let versions = args.versions.clamp(1, 5);
    let mut policies = Vec::new();
    let mut aws_arns = Vec::new();
    for i in 0..args.aws_policies {
        let path = if i % 4 == 3 { "/service-role/" } else { "/" };
        let name = format!("GeneratedAwsPolicy{i:03}");
        let arn = format!("arn:aws:iam::aws:policy{path}{name}");
        let svc = service(i);
        policies.push(json!({
            "PolicyName": name,
            "PolicyId": id("ANPA", 900_000 + i),
            "Arn": arn,
            "Path": path,
            "DefaultVersionId": "v2",
            "AttachmentCount": 0,
            "PermissionsBoundaryUsageCount": 0,
            "IsAttachable": true,
            "Description": format!("Generated AWS managed policy {i}"),
            "CreateDate": date(i),
            "UpdateDate": date(i + 1),
            "PolicyVersionList": [
                {"Document": allow(&[&format!("{svc}:Get*"), &format!("{svc}:List*")], "*"),
                 "VersionId": "v2", "IsDefaultVersion": true, "CreateDate": date(i + 1)},
                {"Document": allow(&[&format!("{svc}:Get*")], "*"),
                 "VersionId": "v1", "IsDefaultVersion": false, "CreateDate": date(i)},
            ],
        }));
        aws_arns.push(arn);
    }
    let mut customer_arns = Vec::new();
    for i in 0..args.policies {
        let name = format!("gen-policy-{i:05}");
        let arn = format!("arn:aws:iam::{account}:policy/gen/{name}");
        let svc = service(i);
        let list: Vec<Value> = (1..=versions)
            .rev()
            .map(|v| {
                json!({
                    "Document": allow(
                        &[&format!("{svc}:Get*"), &format!("{svc}:Put*")],
                        &format!("arn:aws:{svc}:::gen-{i}-v{v}/*"),
                    ),
                    "VersionId": format!("v{v}"),
                    "IsDefaultVersion": v == versions,
                    "CreateDate": date(i + v),
                })
            })
            .collect();
        let mut p = json!({
            "PolicyName": name,
            "PolicyId": id("ANPA", i),
            "Arn": arn,
            "Path": "/gen/",
            "DefaultVersionId": format!("v{versions}"),
            "AttachmentCount": 0,
            "PermissionsBoundaryUsageCount": 0,
            "IsAttachable": true,
            "CreateDate": date(i),
            "UpdateDate": date(i + versions),
            "PolicyVersionList": list,
        });
        if i % 3 == 0
            && let Some(obj) = p.as_object_mut()
        {
            obj.insert("Description".into(), json!(format!("generated policy {i}")));
        }
        policies.push(p);
        customer_arns.push(arn);
    }
    let pick = |list: &[String], n: usize| -> Option<String> {
        if list.is_empty() {
            None
        } else {
            list.get(n % list.len()).cloned()
        }
    };
    let attach = |n: usize| -> Vec<Value> {
        let mut out: Vec<Value> = Vec::new();
        for arn in [
            pick(&customer_arns, n),
            pick(&customer_arns, n * 7 + 3),
            pick(&aws_arns, n),
        ]
        .into_iter()
        .flatten()
        {
            let name = arn.rsplit('/').next().unwrap_or_default().to_owned();
            let entry = json!({"PolicyName": name, "PolicyArn": arn});
            if !out.contains(&entry) {
                out.push(entry);
            }
        }
        out
    };
    let group_list: Vec<Value> = (0..groups)
        .map(|g| {
            let name = format!("gen-group-{g:04}");
            json!({
                "Path": "/gen/",
                "GroupName": name,
                "GroupId": id("AGPA", g),
                "Arn": format!("arn:aws:iam::{account}:group/gen/{name}"),
                "CreateDate": date(g),
                "GroupPolicyList": [{
                    "PolicyName": "group-inline",
                    "PolicyDocument": allow(&["sqs:SendMessage"], &format!("arn:aws:sqs:*:{account}:group-{g}")),
                }],
                "AttachedManagedPolicies": attach(g + 1),
            })
        })
        .collect();
    let users: Vec<Value> = (0..args.users)
        .map(|u| {
            let name = format!("gen-user-{u:05}");
            let mut user = json!({
                "Path": if u % 2 == 0 { "/" } else { "/gen/team/" },
                "UserName": name,
                "UserId": id("AIDA", u),
                "Arn": format!("arn:aws:iam::{account}:user{}{name}", if u % 2 == 0 { "/" } else { "/gen/team/" }),
                "CreateDate": date(u),
                "UserPolicyList": [{
                    "PolicyName": "user-inline",
                    "PolicyDocument": allow(&["s3:GetObject", "s3:PutObject"], &format!("arn:aws:s3:::gen-home/{name}/*")),
                }],
                "GroupList": [
                    format!("gen-group-{:04}", u % groups),
                    format!("gen-group-{:04}", (u / groups + u + 1) % groups),
                ],
                "AttachedManagedPolicies": attach(u),
                "Tags": [{"Key": "team", "Value": format!("team-{}", u % 17)}, {"Key": "cost-center", "Value": format!("{}", 1000 + u % 5)}],
            });
            if u % 10 == 0
                && let (Some(obj), Some(arn)) = (user.as_object_mut(), pick(&customer_arns, u / 10))
            {
                obj.insert(
                    "PermissionsBoundary".into(),
                    json!({"PermissionsBoundaryType": "PermissionsBoundaryPolicy", "PermissionsBoundaryArn": arn}),
                );
            }
            // A user in one group only when both picks coincide.
            if let Some(list) = user.get_mut("GroupList").and_then(Value::as_array_mut) {
                list.dedup();
            }
            user
        })
        .collect();
    let role_list: Vec<Value> = (0..roles)
        .map(|r| {
            let name = format!("gen-role-{r:04}");
            let arn = format!("arn:aws:iam::{account}:role/gen/{name}");
            let trust = if r % 2 == 0 {
                json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
            } else {
                json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": format!("arn:aws:iam::{account}:root")}, "Action": "sts:AssumeRole"}]})
            };
            let profiles = if r % 5 == 0 {
                json!([{
                    "Path": "/",
                    "InstanceProfileName": format!("gen-profile-{r:04}"),
                    "InstanceProfileId": id("AIPA", r),
                    "Arn": format!("arn:aws:iam::{account}:instance-profile/gen-profile-{r:04}"),
                    "CreateDate": date(r),
                    "Roles": [{"Path": "/gen/", "RoleName": name, "RoleId": id("AROA", r), "Arn": arn, "CreateDate": date(r), "AssumeRolePolicyDocument": trust}],
                }])
            } else {
                json!([])
            };
            json!({
                "Path": "/gen/",
                "RoleName": name,
                "RoleId": id("AROA", r),
                "Arn": arn,
                "CreateDate": date(r),
                "AssumeRolePolicyDocument": trust,
                "InstanceProfileList": profiles,
                "RolePolicyList": [{
                    "PolicyName": "role-inline",
                    "PolicyDocument": allow(&["dynamodb:GetItem"], &format!("arn:aws:dynamodb:*:{account}:table/gen-{r}")),
                }],
                "AttachedManagedPolicies": attach(r + 5),
                "Tags": [{"Key": "app", "Value": format!("app-{}", r % 7)}],
                "RoleLastUsed": {},
            })
        })
        .collect();
    json!({
        "UserDetailList": users,
        "GroupDetailList": group_list,
        "RoleDetailList": role_list,
        "Policies": policies,
        "IsTruncated": false,
    })
}

/// Runs `warden generate-export`.
pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let _: warden_types::AccountId = args.account.parse()?;
    let text = serde_json::to_string(&generate(args))?;
    match &args.output {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("while writing `{}`", path.display()))?,
        None => println!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
