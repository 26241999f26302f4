//! Access advisor (api.md §5.18, tier 3): GenerateServiceLastAccessedDetails,
//! GetServiceLastAccessedDetails, GetServiceLastAccessedDetailsWithEntities,
//! ListPoliciesGrantingServiceAccess.
//!
//! A job is computed synchronously when it is generated (`JobStatus` `COMPLETED`) and its
//! result stored as JSON (`report_jobs`). The services listed are those the entity's
//! policies allow (Allow statements, conditions ignored, as AWS does), drawn from the
//! built-in [`SERVICES`] catalogue; `LastAuthenticated` comes from the audit trail, where
//! only `iam` and `sts` calls can ever appear. Audited calls include refused ones (AWS
//! counts attempts). Deviation: with `ACTION_LEVEL`, `TrackedActionsLastAccessed` lists the
//! IAM actions observed in the audit trail rather than AWS's fixed list of tracked actions.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use warden_core::{
    Group, ListQuery, ManagedPolicy, Page, PolicyHolder, ReportJob, ReportJobKind, Role, Store,
    Transaction, User,
};
use warden_policy::document::{Effect, PolicyKind};
use warden_policy::pattern::ActionPattern;
use warden_query::iam::{
    self, GenerateServiceLastAccessedDetailsInput, GenerateServiceLastAccessedDetailsOutput,
    GetServiceLastAccessedDetailsInput, GetServiceLastAccessedDetailsOutput,
    GetServiceLastAccessedDetailsWithEntitiesInput,
    GetServiceLastAccessedDetailsWithEntitiesOutput, ListPoliciesGrantingServiceAccessInput,
    ListPoliciesGrantingServiceAccessOutput,
};

use super::resolve::{no_such_role, paginate, policy_not_found};
use super::{Cx, Reply, list_query, marker_scope, no_such_group, no_such_user, page_marker, ts};
use crate::authz::Check;
use crate::error::{ApiError, InternalError};

/// Service namespaces and names (AWS's `ServiceName`s), by namespace. Services outside
/// this catalogue are not reported.
const SERVICES: &[(&str, &str)] = &[
    ("access-analyzer", "IAM Access Analyzer"),
    ("acm", "AWS Certificate Manager"),
    ("apigateway", "Amazon API Gateway"),
    ("application-autoscaling", "Application Auto Scaling"),
    ("athena", "Amazon Athena"),
    ("autoscaling", "Amazon EC2 Auto Scaling"),
    ("backup", "AWS Backup"),
    ("batch", "AWS Batch"),
    ("bedrock", "Amazon Bedrock"),
    ("cloudformation", "AWS CloudFormation"),
    ("cloudfront", "Amazon CloudFront"),
    ("cloudtrail", "AWS CloudTrail"),
    ("cloudwatch", "Amazon CloudWatch"),
    ("codebuild", "AWS CodeBuild"),
    ("codecommit", "AWS CodeCommit"),
    ("codedeploy", "AWS CodeDeploy"),
    ("codepipeline", "AWS CodePipeline"),
    ("cognito-identity", "Amazon Cognito Identity"),
    ("cognito-idp", "Amazon Cognito User Pools"),
    ("config", "AWS Config"),
    ("dynamodb", "Amazon DynamoDB"),
    ("ec2", "Amazon EC2"),
    ("ecr", "Amazon Elastic Container Registry"),
    ("ecs", "Amazon Elastic Container Service"),
    ("eks", "Amazon Elastic Kubernetes Service"),
    ("elasticache", "Amazon ElastiCache"),
    ("elasticbeanstalk", "AWS Elastic Beanstalk"),
    ("elasticfilesystem", "Amazon Elastic File System"),
    ("elasticloadbalancing", "Elastic Load Balancing"),
    ("es", "Amazon OpenSearch Service"),
    ("events", "Amazon EventBridge"),
    ("firehose", "Amazon Kinesis Firehose"),
    ("glue", "AWS Glue"),
    ("guardduty", "Amazon GuardDuty"),
    ("iam", "AWS Identity and Access Management"),
    ("kinesis", "Amazon Kinesis"),
    ("kms", "AWS Key Management Service"),
    ("lambda", "AWS Lambda"),
    ("logs", "Amazon CloudWatch Logs"),
    ("organizations", "AWS Organizations"),
    ("rds", "Amazon RDS"),
    ("redshift", "Amazon Redshift"),
    ("route53", "Amazon Route 53"),
    ("s3", "Amazon S3"),
    ("secretsmanager", "AWS Secrets Manager"),
    ("securityhub", "AWS Security Hub"),
    ("ses", "Amazon SES"),
    ("sns", "Amazon SNS"),
    ("sqs", "Amazon SQS"),
    ("ssm", "AWS Systems Manager"),
    ("sso", "AWS IAM Identity Center"),
    ("states", "AWS Step Functions"),
    ("sts", "AWS Security Token Service"),
    ("support", "AWS Support"),
    ("tag", "Amazon Resource Group Tagging API"),
    ("xray", "AWS X-Ray"),
];

/// The services whose actions AWS tracks at `ACTION_LEVEL` and that Warden can observe.
const TRACKED_SERVICES: &[&str] = &["iam"];

/// A stored access-advisor job result.
#[derive(Debug, Deserialize, Serialize)]
struct AdvisorJob {
    /// `SERVICE_LEVEL` or `ACTION_LEVEL`.
    job_type: String,
    services: Vec<ServiceRecord>,
}

#[derive(Debug, Deserialize, Serialize)]
struct ServiceRecord {
    namespace: String,
    name: String,
    last_authenticated: Option<i64>,
    last_entity: Option<String>,
    last_region: Option<String>,
    total_entities: i32,
    tracked_actions: Option<Vec<ActionRecord>>,
    entities: Vec<EntityRecord>,
}

#[derive(Debug, Deserialize, Serialize)]
struct ActionRecord {
    action: String,
    last_entity: String,
    last_time: i64,
    last_region: String,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
struct EntityRecord {
    arn: String,
    name: String,
    /// `USER`, `ROLE`, `GROUP`.
    kind: String,
    id: String,
    path: String,
    last_authenticated: Option<i64>,
}

/// An entity named by an `Arn` parameter.
enum Entity {
    User(User),
    Group(Group),
    Role(Role),
    Policy(ManagedPolicy),
}

/// The kind and name of an entity ARN of the caller's account.
enum EntityRef {
    User(String),
    Group(String),
    Role(String),
    Policy,
}

fn invalid_arn(arn: &str) -> ApiError {
    // VERIFY message (the simulator uses the same wording).
    ApiError::InvalidInput(format!("Invalid Entity Arn: {arn}"))
}

/// Parses `arn:P:iam::ACCT:<kind>/<path><name>` of the caller's account.
fn entity_ref<S: Store>(cx: &Cx<'_, S>, arn: &str) -> Result<EntityRef, ApiError> {
    let mut parts = arn.splitn(6, ':');
    let (Some("arn"), Some(partition), Some("iam"), Some(""), Some(account), Some(resource)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Err(invalid_arn(arn));
    };
    if partition != cx.state.config().partition || account != cx.account().as_str() {
        return Err(invalid_arn(arn));
    }
    let (kind, rest) = resource.split_once('/').ok_or_else(|| invalid_arn(arn))?;
    let name = rest.rsplit('/').next().unwrap_or(rest).to_owned();
    if name.is_empty() {
        return Err(invalid_arn(arn));
    }
    match kind {
        "user" => Ok(EntityRef::User(name)),
        "group" => Ok(EntityRef::Group(name)),
        "role" => Ok(EntityRef::Role(name)),
        "policy" => Ok(EntityRef::Policy),
        _ => Err(invalid_arn(arn)),
    }
}

/// Loads the entity (after authorization): `NoSuchEntity` with §5.3's messages.
async fn load_entity<S: Store>(
    cx: &mut Cx<'_, S>,
    arn: &str,
    reference: EntityRef,
) -> Result<Entity, ApiError> {
    let account = cx.account();
    Ok(match reference {
        EntityRef::User(name) => Entity::User(
            cx.tx
                .user_by_name(account, &name)
                .await?
                .ok_or_else(|| no_such_user(&name))?,
        ),
        EntityRef::Group(name) => Entity::Group(
            cx.tx
                .group_by_name(account, &name)
                .await?
                .ok_or_else(|| no_such_group(&name))?,
        ),
        EntityRef::Role(name) => Entity::Role(
            cx.tx
                .role_by_name(account, &name)
                .await?
                .ok_or_else(|| no_such_role(&name))?,
        ),
        EntityRef::Policy => Entity::Policy(
            cx.tx
                .policy_by_arn(account, arn)
                .await?
                .ok_or_else(|| policy_not_found(arn))?,
        ),
    })
}

/// One policy of an entity, with where it comes from (ListPoliciesGrantingServiceAccess).
struct SourcePolicy {
    name: String,
    /// `Some(arn)` for managed policies.
    arn: Option<String>,
    /// For inline policies: `USER`/`GROUP`/`ROLE` and the embedding entity's name.
    holder: Option<(&'static str, String)>,
    text: String,
}

async fn holder_policies<S: Store>(
    cx: &mut Cx<'_, S>,
    holder: &PolicyHolder,
    holder_kind: &'static str,
    holder_name: &str,
    out: &mut Vec<SourcePolicy>,
) -> Result<(), ApiError> {
    let account = cx.account();
    for inline in cx.tx.inline_policies(account, holder).await? {
        out.push(SourcePolicy {
            name: inline.name,
            arn: None,
            holder: Some((holder_kind, holder_name.to_owned())),
            text: inline.document,
        });
    }
    for policy in cx.tx.attached_policies(account, holder).await? {
        if out
            .iter()
            .any(|p| p.arn.as_deref() == Some(policy.arn.as_str()))
        {
            continue;
        }
        let text = default_document(cx, &policy).await?;
        out.push(SourcePolicy {
            name: policy.name.clone(),
            arn: Some(policy.arn.clone()),
            holder: None,
            text,
        });
    }
    Ok(())
}

async fn default_document<S: Store>(
    cx: &mut Cx<'_, S>,
    policy: &ManagedPolicy,
) -> Result<String, ApiError> {
    cx.tx
        .policy_version(cx.account(), &policy.id, &policy.default_version_id)
        .await?
        .map(|v| v.document)
        .ok_or(ApiError::Internal(InternalError::Contract(
            "managed policy without its default version",
        )))
}

/// Every group of a user.
async fn groups_of<S: Store>(cx: &mut Cx<'_, S>, user_id: &str) -> Result<Vec<Group>, ApiError> {
    let account = cx.account();
    let mut groups = Vec::new();
    let mut query = ListQuery::first(1000);
    loop {
        let page = cx.tx.groups_for_user(account, user_id, &query).await?;
        groups.extend(page.items);
        match page.next {
            Some(next) => query = query.after(&next),
            None => return Ok(groups),
        }
    }
}

/// Every member of a group.
async fn members_of<S: Store>(cx: &mut Cx<'_, S>, group_id: &str) -> Result<Vec<User>, ApiError> {
    let account = cx.account();
    let mut users = Vec::new();
    let mut query = ListQuery::first(1000);
    loop {
        let page = cx.tx.group_members(account, group_id, &query).await?;
        users.extend(page.items);
        match page.next {
            Some(next) => query = query.after(&next),
            None => return Ok(users),
        }
    }
}

/// The identity policies that apply to a user, group or role (a user's include its
/// groups'), or the default version of a managed policy.
async fn entity_policies<S: Store>(
    cx: &mut Cx<'_, S>,
    entity: &Entity,
) -> Result<Vec<SourcePolicy>, ApiError> {
    let mut out = Vec::new();
    match entity {
        Entity::User(u) => {
            holder_policies(
                cx,
                &PolicyHolder::User(u.id.clone()),
                "USER",
                &u.name,
                &mut out,
            )
            .await?;
            for g in groups_of(cx, &u.id).await? {
                holder_policies(
                    cx,
                    &PolicyHolder::Group(g.id.clone()),
                    "GROUP",
                    &g.name,
                    &mut out,
                )
                .await?;
            }
        }
        Entity::Group(g) => {
            holder_policies(
                cx,
                &PolicyHolder::Group(g.id.clone()),
                "GROUP",
                &g.name,
                &mut out,
            )
            .await?;
        }
        Entity::Role(r) => {
            holder_policies(
                cx,
                &PolicyHolder::Role(r.id.clone()),
                "ROLE",
                &r.name,
                &mut out,
            )
            .await?;
        }
        Entity::Policy(p) => {
            let text = default_document(cx, p).await?;
            out.push(SourcePolicy {
                name: p.name.clone(),
                arn: Some(p.arn.clone()),
                holder: None,
                text,
            });
        }
    }
    Ok(out)
}

/// Allow statements' action clauses: `(negated, patterns)` each.
type Clauses = Vec<(bool, Vec<ActionPattern>)>;

/// The Allow statements' action clauses of a stored document: `(negated, patterns)`.
fn allow_clauses(text: &str) -> Clauses {
    // Stored documents were validated when saved; one that no longer parses grants
    // nothing here (this report never widens access).
    let Ok(document) = warden_policy::parse_policy_with_limit(text, PolicyKind::Inline, None)
    else {
        return Vec::new();
    };
    document
        .statements
        .iter()
        .filter(|s| s.effect == Effect::Allow)
        .map(|s| {
            (
                s.action.negated,
                s.action
                    .patterns
                    .iter()
                    .map(|p| ActionPattern::new(p))
                    .collect(),
            )
        })
        .collect()
}

/// Whether the clauses allow at least one action of `namespace`.
fn grants(clauses: &[(bool, Vec<ActionPattern>)], namespace: &str) -> bool {
    clauses.iter().any(|(negated, patterns)| {
        let covers_all = |p: &ActionPattern| match p {
            ActionPattern::Any => true,
            ActionPattern::Service { vendor, name } => {
                vendor.eq_ignore_ascii_case(namespace) && name.is_any()
            }
        };
        if *negated {
            // `NotAction` allows every action it does not list: the namespace is granted
            // unless a pattern excludes all of it.
            !patterns.iter().any(covers_all)
        } else {
            patterns.iter().any(|p| match p {
                ActionPattern::Any => true,
                ActionPattern::Service { vendor, .. } => vendor.eq_ignore_ascii_case(namespace),
            })
        }
    })
}

/// An entity that can authenticate (or a group standing for its members), with the
/// principal ARNs that count as its use in the audit trail.
struct Subject {
    record: EntityRecord,
    /// Exact principal ARNs (users).
    exact: BTreeSet<String>,
    /// Principal ARN prefixes (role sessions: `arn:P:sts::ACCT:assumed-role/<name>/`).
    prefixes: Vec<String>,
}

impl Subject {
    fn matches(&self, principal: &str) -> bool {
        self.exact.contains(principal) || self.prefixes.iter().any(|p| principal.starts_with(p))
    }
}

fn user_subject<S: Store>(cx: &Cx<'_, S>, u: &User) -> Subject {
    let arn = cx.arn("user", &u.path, &u.name);
    Subject {
        record: EntityRecord {
            arn: arn.clone(),
            name: u.name.clone(),
            kind: "USER".to_owned(),
            id: u.id.clone(),
            path: u.path.clone(),
            last_authenticated: None,
        },
        exact: BTreeSet::from([arn]),
        prefixes: Vec::new(),
    }
}

fn role_subject<S: Store>(cx: &Cx<'_, S>, r: &Role) -> Subject {
    Subject {
        record: EntityRecord {
            arn: cx.arn("role", &r.path, &r.name),
            name: r.name.clone(),
            kind: "ROLE".to_owned(),
            id: r.id.clone(),
            path: r.path.clone(),
            last_authenticated: None,
        },
        exact: BTreeSet::new(),
        prefixes: vec![format!(
            "arn:{}:sts::{}:assumed-role/{}/",
            cx.state.config().partition,
            cx.account(),
            r.name
        )],
    }
}

async fn group_subject<S: Store>(cx: &mut Cx<'_, S>, g: &Group) -> Result<Subject, ApiError> {
    let members = members_of(cx, &g.id).await?;
    Ok(Subject {
        record: EntityRecord {
            arn: cx.arn("group", &g.path, &g.name),
            name: g.name.clone(),
            kind: "GROUP".to_owned(),
            id: g.id.clone(),
            path: g.path.clone(),
            last_authenticated: None,
        },
        exact: members
            .iter()
            .map(|u| cx.arn("user", &u.path, &u.name))
            .collect(),
        prefixes: Vec::new(),
    })
}

/// The entities whose use the job reports: the user or role itself, a group's members,
/// the users, groups and roles a policy is attached to.
async fn subjects<S: Store>(cx: &mut Cx<'_, S>, entity: &Entity) -> Result<Vec<Subject>, ApiError> {
    let account = cx.account();
    Ok(match entity {
        Entity::User(u) => vec![user_subject(cx, u)],
        Entity::Role(r) => vec![role_subject(cx, r)],
        Entity::Group(g) => members_of(cx, &g.id)
            .await?
            .iter()
            .map(|u| user_subject(cx, u))
            .collect(),
        Entity::Policy(p) => {
            let mut out = Vec::new();
            for holder in cx.tx.policy_holders(account, &p.id).await? {
                match holder {
                    PolicyHolder::User(id) => {
                        if let Some(u) = cx.tx.user_by_id(account, &id).await? {
                            out.push(user_subject(cx, &u));
                        }
                    }
                    PolicyHolder::Role(id) => {
                        if let Some(r) = cx.tx.role_by_id(account, &id).await? {
                            out.push(role_subject(cx, &r));
                        }
                    }
                    PolicyHolder::Group(id) => {
                        if let Some(g) = cx.tx.group_by_id(account, &id).await? {
                            out.push(group_subject(cx, &g).await?);
                        }
                    }
                }
            }
            out
        }
    })
}

/// One audited use: when, which service, which action, which region.
struct Use {
    time: OffsetDateTime,
    service: String,
    action: String,
    region: String,
}

/// The audited calls of the account whose principal matches one of the subjects, as
/// `(subject index, use)`.
async fn audited_uses<S: Store>(
    cx: &mut Cx<'_, S>,
    subjects: &[Subject],
) -> Result<Vec<(usize, Use)>, ApiError> {
    let account = cx.account();
    let mut out = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = cx.tx.audit_events(account, after.as_deref(), 1000).await?;
        for event in &page.items {
            if event.principal_arn.is_empty() {
                continue;
            }
            let Some(index) = subjects
                .iter()
                .position(|s| s.matches(&event.principal_arn))
            else {
                continue;
            };
            let record: serde_json::Value =
                serde_json::from_str(&event.document).unwrap_or_default();
            let Some(service) = record
                .get("eventSource")
                .and_then(serde_json::Value::as_str)
                .and_then(|s| s.strip_suffix(".amazonaws.com"))
            else {
                continue;
            };
            let region = record
                .get("awsRegion")
                .and_then(serde_json::Value::as_str)
                .unwrap_or("us-east-1");
            out.push((
                index,
                Use {
                    time: event.time,
                    service: service.to_owned(),
                    action: event.event_name.clone(),
                    region: region.to_owned(),
                },
            ));
        }
        match page.next {
            Some(next) => after = Some(next),
            None => return Ok(out),
        }
    }
}

/// Computes the job result.
async fn compute<S: Store>(
    cx: &mut Cx<'_, S>,
    entity: &Entity,
    job_type: &str,
) -> Result<AdvisorJob, ApiError> {
    let policies = entity_policies(cx, entity).await?;
    let clauses: Clauses = policies
        .iter()
        .flat_map(|p| allow_clauses(&p.text))
        .collect();
    let subjects = subjects(cx, entity).await?;
    let uses = audited_uses(cx, &subjects).await?;
    let mut services = Vec::new();
    for (namespace, name) in SERVICES {
        if !grants(&clauses, namespace) {
            continue;
        }
        let mut entities: Vec<EntityRecord> = subjects.iter().map(|s| s.record.clone()).collect();
        let mut last: Option<(&Use, usize)> = None;
        let mut actions: BTreeMap<&str, (&Use, usize)> = BTreeMap::new();
        for (index, u) in uses.iter().filter(|(_, u)| u.service == *namespace) {
            if let Some(e) = entities.get_mut(*index) {
                let t = u.time.unix_timestamp();
                e.last_authenticated = Some(e.last_authenticated.map_or(t, |l| l.max(t)));
            }
            if last.is_none_or(|(l, _)| u.time >= l.time) {
                last = Some((u, *index));
            }
            let slot = actions.entry(u.action.as_str()).or_insert((u, *index));
            if u.time >= slot.0.time {
                *slot = (u, *index);
            }
        }
        let entity_arn = |index: usize| {
            subjects
                .get(index)
                .map(|s| s.record.arn.clone())
                .unwrap_or_default()
        };
        let tracked_actions = (job_type == "ACTION_LEVEL" && TRACKED_SERVICES.contains(namespace))
            .then(|| {
                actions
                    .iter()
                    .map(|(action, (u, index))| ActionRecord {
                        action: (*action).to_owned(),
                        last_entity: entity_arn(*index),
                        last_time: u.time.unix_timestamp(),
                        last_region: u.region.clone(),
                    })
                    .collect()
            });
        let total = entities
            .iter()
            .filter(|e| e.last_authenticated.is_some())
            .count();
        services.push(ServiceRecord {
            namespace: (*namespace).to_owned(),
            name: (*name).to_owned(),
            last_authenticated: last.map(|(u, _)| u.time.unix_timestamp()),
            last_entity: last.map(|(_, index)| entity_arn(index)),
            last_region: last.map(|(u, _)| u.region.clone()),
            total_entities: i32::try_from(total).unwrap_or(i32::MAX),
            tracked_actions,
            entities: std::mem::take(&mut entities),
        });
    }
    Ok(AdvisorJob {
        job_type: job_type.to_owned(),
        services,
    })
}

fn stored(error: &'static str) -> ApiError {
    ApiError::Internal(InternalError::Contract(error))
}

fn wire_time(unix: i64) -> warden_query::Timestamp {
    warden_query::Timestamp::from_unix_seconds(unix)
}

/// GenerateServiceLastAccessedDetails: `iam:GenerateServiceLastAccessedDetails` on the
/// entity ARN (api.md §4.2), then computes and stores the job.
pub(crate) async fn generate_service_last_accessed_details<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GenerateServiceLastAccessedDetailsInput,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new(
        "iam:GenerateServiceLastAccessedDetails",
        &input.arn,
    )])?;
    let reference = entity_ref(cx, &input.arn)?;
    let entity = load_entity(cx, &input.arn, reference).await?;
    let job_type = input.granularity.as_deref().unwrap_or("SERVICE_LEVEL");
    let job = compute(cx, &entity, job_type).await?;
    let id = cx.state.services().ids.event_id();
    cx.tx
        .insert_report_job(&ReportJob {
            account: cx.account(),
            id: id.clone(),
            kind: ReportJobKind::ServiceLastAccessed,
            created: cx.now,
            completed: Some(cx.now),
            document: serde_json::to_string(&job)
                .map_err(|_| stored("access advisor job does not serialise"))?,
        })
        .await?;
    Ok(Reply::result(GenerateServiceLastAccessedDetailsOutput {
        job_id: Some(id.clone()),
    })
    .with_audit(serde_json::json!({"jobId": id})))
}

/// The stored job, or `NoSuchEntity` (api.md §5.18).
async fn load_job<S: Store>(
    cx: &mut Cx<'_, S>,
    job_id: &str,
) -> Result<(ReportJob, AdvisorJob), ApiError> {
    let job = cx
        .tx
        .report_job(cx.account(), job_id)
        .await?
        .filter(|j| j.kind == ReportJobKind::ServiceLastAccessed)
        // VERIFY message.
        .ok_or_else(|| ApiError::NoSuchEntity(format!("No such job {job_id} exists.")))?;
    let result: AdvisorJob = serde_json::from_str(&job.document)
        .map_err(|_| stored("stored access advisor job does not parse"))?;
    Ok((job, result))
}

/// GetServiceLastAccessedDetails: the job's services, paginated by namespace.
pub(crate) async fn get_service_last_accessed_details<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetServiceLastAccessedDetailsInput,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new("iam:GetServiceLastAccessedDetails", "*")])?;
    let (job, result) = load_job(cx, &input.job_id).await?;
    let scope = marker_scope("GetServiceLastAccessedDetails", &[("JobId", &input.job_id)]);
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let page: Page<ServiceRecord> = paginate(result.services, &query, |s| s.namespace.clone());
    let (truncated, marker) = page_marker(&scope, page.next.as_deref())?;
    let services = page
        .items
        .into_iter()
        .map(|s| iam::ServiceLastAccessed {
            service_name: s.name,
            last_authenticated: s.last_authenticated.map(wire_time),
            service_namespace: s.namespace,
            last_authenticated_entity: s.last_entity,
            last_authenticated_region: s.last_region,
            total_authenticated_entities: Some(s.total_entities),
            tracked_actions_last_accessed: s.tracked_actions.map(|actions| {
                actions
                    .into_iter()
                    .map(|a| iam::TrackedActionLastAccessed {
                        action_name: Some(a.action),
                        last_accessed_entity: Some(a.last_entity),
                        last_accessed_time: Some(wire_time(a.last_time)),
                        last_accessed_region: Some(a.last_region),
                    })
                    .collect()
            }),
        })
        .collect();
    Ok(Reply::result(GetServiceLastAccessedDetailsOutput {
        job_status: "COMPLETED".to_owned(),
        job_type: Some(result.job_type),
        job_creation_date: ts(job.created),
        services_last_accessed: services,
        job_completion_date: ts(job.completed.unwrap_or(job.created)),
        is_truncated: Some(truncated),
        marker,
        error: None,
    }))
}

/// GetServiceLastAccessedDetailsWithEntities: the entities of one service of the job,
/// paginated by ARN.
pub(crate) async fn get_service_last_accessed_details_with_entities<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetServiceLastAccessedDetailsWithEntitiesInput,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new(
        "iam:GetServiceLastAccessedDetailsWithEntities",
        "*",
    )])?;
    let (job, result) = load_job(cx, &input.job_id).await?;
    // A namespace the job does not report has no entities with access.
    let mut entities = result
        .services
        .into_iter()
        .find(|s| s.namespace == input.service_namespace)
        .map(|s| s.entities)
        .unwrap_or_default();
    entities.sort_by(|a, b| a.arn.cmp(&b.arn));
    let scope = marker_scope(
        "GetServiceLastAccessedDetailsWithEntities",
        &[
            ("JobId", &input.job_id),
            ("ServiceNamespace", &input.service_namespace),
        ],
    );
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let page = paginate(entities, &query, |e| e.arn.clone());
    let (truncated, marker) = page_marker(&scope, page.next.as_deref())?;
    let details = page
        .items
        .into_iter()
        .map(|e| iam::EntityDetails {
            entity_info: iam::EntityInfo {
                arn: e.arn,
                name: e.name,
                r#type: e.kind,
                id: e.id,
                path: Some(e.path),
            },
            last_authenticated: e.last_authenticated.map(wire_time),
        })
        .collect();
    Ok(Reply::result(
        GetServiceLastAccessedDetailsWithEntitiesOutput {
            job_status: "COMPLETED".to_owned(),
            job_creation_date: ts(job.created),
            job_completion_date: ts(job.completed.unwrap_or(job.created)),
            entity_details_list: details,
            is_truncated: Some(truncated),
            marker,
            error: None,
        },
    ))
}

/// ListPoliciesGrantingServiceAccess: per requested namespace, the entity's policies (a
/// user's include its groups') that allow an action of it. Everything fits one page.
pub(crate) async fn list_policies_granting_service_access<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListPoliciesGrantingServiceAccessInput,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new(
        "iam:ListPoliciesGrantingServiceAccess",
        &input.arn,
    )])?;
    let reference = match entity_ref(cx, &input.arn)? {
        EntityRef::Policy => return Err(invalid_arn(&input.arn)),
        other => other,
    };
    if input.marker.is_some() {
        // This listing never truncates, so no marker of ours can be presented.
        return Err(ApiError::Validation(
            warden_query::MarkerError::WIRE_MESSAGE.to_owned(),
        ));
    }
    let entity = load_entity(cx, &input.arn, reference).await?;
    let policies = entity_policies(cx, &entity).await?;
    let parsed: Vec<(&SourcePolicy, Clauses)> = policies
        .iter()
        .map(|p| (p, allow_clauses(&p.text)))
        .collect();
    let entries = input
        .service_namespaces
        .iter()
        .map(|namespace| iam::ListPoliciesGrantingServiceAccessEntry {
            service_namespace: Some(namespace.clone()),
            policies: Some(
                parsed
                    .iter()
                    .filter(|(_, clauses)| grants(clauses, namespace))
                    .map(|(p, _)| iam::PolicyGrantingServiceAccess {
                        policy_name: p.name.clone(),
                        policy_type: if p.arn.is_some() { "MANAGED" } else { "INLINE" }.to_owned(),
                        policy_arn: p.arn.clone(),
                        entity_type: p.holder.as_ref().map(|(kind, _)| (*kind).to_owned()),
                        entity_name: p.holder.as_ref().map(|(_, name)| name.clone()),
                    })
                    .collect(),
            ),
        })
        .collect();
    Ok(Reply::result(ListPoliciesGrantingServiceAccessOutput {
        policies_granting_service_access: entries,
        is_truncated: Some(false),
        marker: None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clauses(doc: &str) -> Clauses {
        allow_clauses(doc)
    }

    #[test]
    fn action_patterns_grant_their_vendor() {
        let c = clauses(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","IAM:ListUsers"],"Resource":"*"},{"Effect":"Deny","Action":"ec2:*","Resource":"*"}]}"#,
        );
        assert!(grants(&c, "s3"));
        assert!(grants(&c, "iam"));
        assert!(!grants(&c, "ec2"));
    }

    #[test]
    fn star_grants_everything_and_not_action_excludes_whole_services() {
        let all = clauses(
            r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#,
        );
        assert!(grants(&all, "lambda"));
        let not = clauses(
            r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":["iam:*","s3:Get*"],"Resource":"*"}}"#,
        );
        assert!(!grants(&not, "iam"));
        assert!(grants(&not, "s3"));
        assert!(grants(&not, "sts"));
    }

    #[test]
    fn catalogue_is_sorted_by_namespace() {
        let names: Vec<&str> = SERVICES.iter().map(|s| s.0).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted);
    }
}
