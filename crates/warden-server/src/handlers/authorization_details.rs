//! GetAccountAuthorizationDetails (api.md §5.16): every user, group, role and managed
//! policy of the account with all their policies, in the shape the aws CLI prints and
//! `warden import` consumes.
//!
//! Pagination runs across the four lists together, in the order users, groups, roles,
//! policies (api.md §1.5): one page holds at most `MaxItems` entities in total, and the
//! marker encodes the kind and the sort key (lower-cased name) of the last one returned,
//! so concurrent inserts neither duplicate nor skip unrelated entities. `Policies` lists
//! the customer managed policies first, then the AWS managed policies in use in the
//! account (attached or used as a boundary; `VERIFY` that AWS lists only those).

use warden_core::{
    Group, ListQuery, ManagedPolicy, Page, PolicyHolder, PolicyScope, PolicyUsage, Role, Store,
    TagTarget, Transaction, User, name_key,
};
use warden_query::iam::{
    self, AttachedPolicy, GetAccountAuthorizationDetailsInput,
    GetAccountAuthorizationDetailsOutput, GroupDetail, ManagedPolicyDetail, PolicyDetail,
    RoleDetail, UserDetail,
};

use super::resolve::wire_boundary;
use super::roles::{shown_trust_policy, wire_role};
use super::{Cx, Reply, list_query, marker_scope, page_marker, sorted_tags, ts, wire_tags};
use crate::authz::Check;
use crate::error::ApiError;

/// The entity kinds, in listing order (the digit prefixes the marker's sort key).
#[derive(Clone, Copy, Debug, Eq, Ord, PartialEq, PartialOrd)]
enum Kind {
    User = 0,
    Group = 1,
    Role = 2,
    Policy = 3,
    AwsPolicy = 4,
}

const KINDS: [Kind; 5] = [
    Kind::User,
    Kind::Group,
    Kind::Role,
    Kind::Policy,
    Kind::AwsPolicy,
];

impl Kind {
    fn digit(self) -> char {
        match self {
            Self::User => '0',
            Self::Group => '1',
            Self::Role => '2',
            Self::Policy => '3',
            Self::AwsPolicy => '4',
        }
    }

    fn from_digit(c: char) -> Option<Self> {
        KINDS.into_iter().find(|k| k.digit() == c)
    }
}

/// Which lists the `Filter` asks for (empty filter: all).
#[derive(Clone, Copy, Debug)]
struct Wanted {
    users: bool,
    groups: bool,
    roles: bool,
    /// Customer managed policies (`LocalManagedPolicy`).
    local_policies: bool,
    /// AWS managed policies in use in the account (`AWSManagedPolicy`).
    aws_policies: bool,
}

impl Wanted {
    fn from_filter(filter: &[String]) -> Self {
        let all = filter.is_empty();
        let has = |name: &str| all || filter.iter().any(|f| f == name);
        Self {
            users: has("User"),
            groups: has("Group"),
            roles: has("Role"),
            local_policies: has("LocalManagedPolicy"),
            aws_policies: has("AWSManagedPolicy"),
        }
    }

    fn includes(self, kind: Kind) -> bool {
        match kind {
            Kind::User => self.users,
            Kind::Group => self.groups,
            Kind::Role => self.roles,
            Kind::Policy => self.local_policies,
            Kind::AwsPolicy => self.aws_policies,
        }
    }
}

/// One page of one kind: the entities and whether more of that kind follow.
enum Entities {
    Users(Page<User>),
    Groups(Page<Group>),
    Roles(Page<Role>),
    /// Customer managed ([`Kind::Policy`]) or AWS managed ([`Kind::AwsPolicy`]) policies.
    Policies(Page<ManagedPolicy>, Kind),
}

impl Entities {
    fn len(&self) -> usize {
        match self {
            Self::Users(p) => p.items.len(),
            Self::Groups(p) => p.items.len(),
            Self::Roles(p) => p.items.len(),
            Self::Policies(p, _) => p.items.len(),
        }
    }

    fn has_more(&self) -> bool {
        match self {
            Self::Users(p) => p.next.is_some(),
            Self::Groups(p) => p.next.is_some(),
            Self::Roles(p) => p.next.is_some(),
            Self::Policies(p, _) => p.next.is_some(),
        }
    }

    /// The sort key of the last entity.
    fn last_key(&self) -> Option<String> {
        match self {
            Self::Users(p) => p.items.last().map(|u| name_key(&u.name)),
            Self::Groups(p) => p.items.last().map(|g| name_key(&g.name)),
            Self::Roles(p) => p.items.last().map(|r| name_key(&r.name)),
            Self::Policies(p, Kind::AwsPolicy) => p.items.last().map(scoped_policy_key),
            Self::Policies(p, _) => p.items.last().map(|p| name_key(&p.name)),
        }
    }
}

async fn list_kind<T: Transaction>(
    tx: &mut T,
    account: warden_types::AccountId,
    kind: Kind,
    query: &ListQuery,
) -> Result<Entities, ApiError> {
    Ok(match kind {
        Kind::User => Entities::Users(tx.list_users(account, query).await?),
        Kind::Group => Entities::Groups(tx.list_groups(account, query).await?),
        Kind::Role => Entities::Roles(tx.list_roles(account, query).await?),
        Kind::Policy => Entities::Policies(
            tx.list_policies(account, PolicyUsage::Any, query).await?,
            kind,
        ),
        Kind::AwsPolicy => Entities::Policies(
            tx.list_scoped_policies(account, PolicyScope::Aws, PolicyUsage::Attached, query)
                .await?,
            kind,
        ),
    })
}

/// The sort key of [`Transaction::list_scoped_policies`]: AWS and customer managed
/// policies may share a name, so the ARN follows it.
fn scoped_policy_key(p: &ManagedPolicy) -> String {
    format!("{} {}", name_key(&p.name), p.arn)
}

pub(crate) async fn get_account_authorization_details<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetAccountAuthorizationDetailsInput,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new("iam:GetAccountAuthorizationDetails", "*")])?;
    let filter = input.filter.clone().unwrap_or_default();
    let wanted = Wanted::from_filter(&filter);
    let mut filter_key = filter.clone();
    filter_key.sort();
    filter_key.dedup();
    let filter_key = filter_key.join(",");
    let scope = marker_scope("GetAccountAuthorizationDetails", &[("Filter", &filter_key)]);
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    // The marker's key is `<kind digit>:<name key>`.
    let start = match query.after.as_deref() {
        None => None,
        Some(key) => {
            let mut chars = key.chars();
            let kind = chars.next().and_then(Kind::from_digit);
            let rest = key.get(2..).filter(|_| key.get(1..2) == Some(":"));
            match (kind, rest) {
                (Some(kind), Some(rest)) => Some((kind, rest.to_owned())),
                _ => {
                    return Err(ApiError::Validation(
                        warden_query::MarkerError::WIRE_MESSAGE.to_owned(),
                    ));
                }
            }
        }
    };
    let account = cx.account();
    let mut remaining = query.limit;
    let mut pages: Vec<Entities> = Vec::new();
    let mut next: Option<String> = None;
    for kind in KINDS {
        if !wanted.includes(kind) {
            continue;
        }
        let after = match &start {
            Some((k, _)) if *k > kind => continue,
            Some((k, key)) if *k == kind => Some(key.clone()),
            _ => None,
        };
        if remaining == 0 {
            // The page is full: one more entity of any later kind makes it truncated.
            let probe = ListQuery {
                path_prefix: "/".to_owned(),
                after,
                limit: 1,
            };
            if list_kind(&mut cx.tx, account, kind, &probe).await?.len() > 0 {
                next = pages
                    .iter()
                    .rev()
                    .find_map(|p| p.last_key().map(|k| (p, k)))
                    .map(|(p, k)| format!("{}:{k}", page_kind(p).digit()));
                break;
            }
            continue;
        }
        let kind_query = ListQuery {
            path_prefix: "/".to_owned(),
            after,
            limit: remaining,
        };
        let page = list_kind(&mut cx.tx, account, kind, &kind_query).await?;
        remaining = remaining.saturating_sub(u32::try_from(page.len()).unwrap_or(u32::MAX));
        let more = page.has_more();
        let last = page.last_key();
        pages.push(page);
        if more {
            next = last.map(|k| format!("{}:{k}", kind.digit()));
            break;
        }
    }
    let mut out = GetAccountAuthorizationDetailsOutput {
        user_detail_list: Some(Vec::new()),
        group_detail_list: Some(Vec::new()),
        role_detail_list: Some(Vec::new()),
        policies: Some(Vec::new()),
        is_truncated: None,
        marker: None,
    };
    for page in pages {
        match page {
            Entities::Users(p) => {
                for u in &p.items {
                    let detail = user_detail(cx, u).await?;
                    out.user_detail_list.get_or_insert_default().push(detail);
                }
            }
            Entities::Groups(p) => {
                for g in &p.items {
                    let detail = group_detail(cx, g).await?;
                    out.group_detail_list.get_or_insert_default().push(detail);
                }
            }
            Entities::Roles(p) => {
                for r in &p.items {
                    let detail = role_detail(cx, r).await?;
                    out.role_detail_list.get_or_insert_default().push(detail);
                }
            }
            Entities::Policies(p, _) => {
                for policy in &p.items {
                    let detail = policy_detail(cx, policy).await?;
                    out.policies.get_or_insert_default().push(detail);
                }
            }
        }
    }
    let (truncated, marker) = page_marker(&scope, next.as_deref())?;
    out.is_truncated = Some(truncated);
    out.marker = marker;
    Ok(Reply::result(out))
}

fn page_kind(page: &Entities) -> Kind {
    match page {
        Entities::Users(_) => Kind::User,
        Entities::Groups(_) => Kind::Group,
        Entities::Roles(_) => Kind::Role,
        Entities::Policies(_, kind) => *kind,
    }
}

/// Inline policies as `PolicyDetail`s (documents URL-encoded by the writer, api.md §1.4).
async fn inline_details<S: Store>(
    cx: &mut Cx<'_, S>,
    holder: &PolicyHolder,
) -> Result<Vec<PolicyDetail>, ApiError> {
    Ok(cx
        .tx
        .inline_policies(cx.account(), holder)
        .await?
        .into_iter()
        .map(|p| PolicyDetail {
            policy_name: Some(p.name),
            policy_document: Some(p.document),
        })
        .collect())
}

async fn attached<S: Store>(
    cx: &mut Cx<'_, S>,
    holder: &PolicyHolder,
) -> Result<Vec<AttachedPolicy>, ApiError> {
    Ok(cx
        .tx
        .attached_policies(cx.account(), holder)
        .await?
        .into_iter()
        .map(|p| AttachedPolicy {
            policy_name: Some(p.name),
            policy_arn: Some(p.arn),
        })
        .collect())
}

async fn tags_of<S: Store>(
    cx: &mut Cx<'_, S>,
    target: &TagTarget,
) -> Result<Vec<iam::Tag>, ApiError> {
    let tags = cx.tx.tags(cx.account(), target).await?;
    Ok(wire_tags(&sorted_tags(tags)))
}

/// A user with its inline policies, groups (by name), attached policies, boundary and
/// tags (`Tags` always present, empty when none, as AWS prints it here).
async fn user_detail<S: Store>(cx: &mut Cx<'_, S>, u: &User) -> Result<UserDetail, ApiError> {
    let holder = PolicyHolder::User(u.id.clone());
    let account = cx.account();
    let mut groups = Vec::new();
    let mut query = ListQuery::first(1000);
    loop {
        let page = cx.tx.groups_for_user(account, &u.id, &query).await?;
        groups.extend(page.items.into_iter().map(|g| g.name));
        match page.next {
            Some(next) => query = query.after(&next),
            None => break,
        }
    }
    Ok(UserDetail {
        path: Some(u.path.clone()),
        user_name: Some(u.name.clone()),
        user_id: Some(u.id.clone()),
        arn: Some(cx.arn("user", &u.path, &u.name)),
        create_date: Some(ts(u.created)),
        user_policy_list: Some(inline_details(cx, &holder).await?),
        group_list: Some(groups),
        attached_managed_policies: Some(attached(cx, &holder).await?),
        permissions_boundary: wire_boundary(u.permissions_boundary.as_ref()),
        tags: Some(tags_of(cx, &TagTarget::User(u.id.clone())).await?),
    })
}

async fn group_detail<S: Store>(cx: &mut Cx<'_, S>, g: &Group) -> Result<GroupDetail, ApiError> {
    let holder = PolicyHolder::Group(g.id.clone());
    Ok(GroupDetail {
        path: Some(g.path.clone()),
        group_name: Some(g.name.clone()),
        group_id: Some(g.id.clone()),
        arn: Some(cx.arn("group", &g.path, &g.name)),
        create_date: Some(ts(g.created)),
        group_policy_list: Some(inline_details(cx, &holder).await?),
        attached_managed_policies: Some(attached(cx, &holder).await?),
    })
}

/// A role with its trust policy (as GetRole shows it), instance profiles, inline and
/// attached policies, boundary, tags and `RoleLastUsed` (empty when never used).
async fn role_detail<S: Store>(cx: &mut Cx<'_, S>, r: &Role) -> Result<RoleDetail, ApiError> {
    let holder = PolicyHolder::Role(r.id.clone());
    let trust = shown_trust_policy(cx, r).await?;
    let last_used = match &r.last_used {
        Some(u) => iam::RoleLastUsed {
            last_used_date: Some(ts(u.date)),
            region: Some(u.region.clone()),
        },
        None => iam::RoleLastUsed {
            last_used_date: None,
            region: None,
        },
    };
    Ok(RoleDetail {
        path: Some(r.path.clone()),
        role_name: Some(r.name.clone()),
        role_id: Some(r.id.clone()),
        arn: Some(cx.arn("role", &r.path, &r.name)),
        create_date: Some(ts(r.created)),
        instance_profile_list: Some(instance_profiles(cx, r, &trust).await?),
        assume_role_policy_document: Some(trust),
        role_policy_list: Some(inline_details(cx, &holder).await?),
        attached_managed_policies: Some(attached(cx, &holder).await?),
        permissions_boundary: wire_boundary(r.permissions_boundary.as_ref()),
        tags: Some(tags_of(cx, &TagTarget::Role(r.id.clone())).await?),
        role_last_used: Some(last_used),
    })
}

/// The instance profiles holding the role (at most one role per profile), each showing the
/// role the way GetInstanceProfile does: no description, session duration, boundary, tags
/// or last use (`VERIFY` against a live account).
async fn instance_profiles<S: Store>(
    cx: &mut Cx<'_, S>,
    role: &Role,
    trust: &str,
) -> Result<Vec<iam::InstanceProfile>, ApiError> {
    let account = cx.account();
    let mut profiles = Vec::new();
    let mut query = ListQuery::first(1000);
    loop {
        let page = cx
            .tx
            .instance_profiles_for_role(account, &role.id, &query)
            .await?;
        profiles.extend(page.items);
        match page.next {
            Some(next) => query = query.after(&next),
            None => break,
        }
    }
    let mut out = Vec::with_capacity(profiles.len());
    for profile in profiles {
        let mut wire_role = wire_role(cx, role);
        wire_role.description = None;
        wire_role.max_session_duration = None;
        wire_role.assume_role_policy_document = Some(trust.to_owned());
        let tags = cx
            .tx
            .tags(account, &TagTarget::InstanceProfile(profile.id.clone()))
            .await?;
        out.push(iam::InstanceProfile {
            path: profile.path.clone(),
            instance_profile_name: profile.name.clone(),
            instance_profile_id: profile.id.clone(),
            arn: cx.arn("instance-profile", &profile.path, &profile.name),
            create_date: ts(profile.created),
            roles: vec![wire_role],
            tags: (!tags.is_empty()).then(|| wire_tags(&sorted_tags(tags))),
        });
    }
    Ok(out)
}

/// A customer managed policy with every version's document, newest first.
async fn policy_detail<S: Store>(
    cx: &mut Cx<'_, S>,
    p: &ManagedPolicy,
) -> Result<ManagedPolicyDetail, ApiError> {
    let versions = cx.tx.policy_versions(cx.account(), &p.id).await?;
    let count = |n: u32| Some(i32::try_from(n).unwrap_or(i32::MAX));
    Ok(ManagedPolicyDetail {
        policy_name: Some(p.name.clone()),
        policy_id: Some(p.id.clone()),
        arn: Some(p.arn.clone()),
        path: Some(p.path.clone()),
        default_version_id: Some(p.default_version_id.clone()),
        attachment_count: count(p.attachment_count),
        permissions_boundary_usage_count: count(p.boundary_usage_count),
        is_attachable: Some(p.attachable),
        description: p.description.clone(),
        create_date: Some(ts(p.created)),
        update_date: Some(ts(p.updated)),
        policy_version_list: Some(
            versions
                .into_iter()
                .map(|v| iam::PolicyVersion {
                    document: Some(v.document),
                    version_id: Some(v.version_id),
                    is_default_version: Some(v.is_default),
                    create_date: Some(ts(v.created)),
                })
                .collect(),
        ),
    })
}
