//! Target resolution and shared helpers for roles, managed policies, attachments, inline
//! policies, boundaries and OIDC providers (api.md §4.2, §5.3, §5.6–§5.8, §5.13).
//!
//! These are extra `impl Cx` blocks next to the ones in `mod.rs`: each resolver reads the
//! stored entity (and its tags) inside the operation's transaction and computes the
//! resource ARN of api.md §4.2, so that handlers can authorize *before* reporting
//! `NoSuchEntity`.

use warden_core::{
    Group, ListQuery, ManagedPolicy, OidcProvider, Page, PolicyHolder, Role, Store, Tag, TagTarget,
    Transaction,
};
use warden_policy::{AwsErrorCode, PolicyErrors};
use warden_query::iam;

use super::{Cx, TAGS_PER_RESOURCE, Target};
use crate::authz::Check;
use crate::error::ApiError;

impl<S: Store> Cx<'_, S> {
    /// Resolves a role by name: ARN `role{path}{name}` (path `/` when missing), role tags.
    pub(crate) async fn role(&mut self, name: &str) -> Result<Target<Role>, ApiError> {
        let account = self.account();
        let entity = self.tx.role_by_name(account, name).await?;
        let (path, tags) = match &entity {
            Some(r) => (
                r.path.clone(),
                self.tx
                    .tags(account, &TagTarget::Role(r.id.clone()))
                    .await?,
            ),
            None => ("/".to_owned(), Vec::new()),
        };
        Ok(Target {
            arn: self.arn("role", &path, name),
            tags,
            entity,
        })
    }

    /// Resolves a group by name (groups are not taggable, api.md §3.5).
    pub(crate) async fn group_target(&mut self, name: &str) -> Result<Target<Group>, ApiError> {
        let entity = self.tx.group_by_name(self.account(), name).await?;
        let path = entity.as_ref().map_or("/", |g| g.path.as_str()).to_owned();
        Ok(Target {
            arn: self.arn("group", &path, name),
            tags: Vec::new(),
            entity,
        })
    }

    /// Resolves a managed policy by ARN. The resource is the ARN as given (api.md §4.2);
    /// ARNs of other accounts (and AWS managed policies, which this deployment does not
    /// ship) resolve to no entity, which handlers report as not found (api.md §5.7).
    pub(crate) async fn policy(&mut self, arn: &str) -> Result<Target<ManagedPolicy>, ApiError> {
        let account = self.account();
        let entity = self.tx.policy_by_arn(account, arn).await?;
        let tags = match &entity {
            Some(p) => {
                self.tx
                    .tags(account, &TagTarget::Policy(p.id.clone()))
                    .await?
            }
            None => Vec::new(),
        };
        Ok(Target {
            arn: arn.to_owned(),
            tags,
            entity,
        })
    }

    /// The ARN prefix of this account's OIDC providers:
    /// `arn:P:iam::ACCT:oidc-provider/` (api.md §3.2).
    pub(crate) fn oidc_arn_prefix(&self) -> String {
        format!(
            "arn:{}:iam::{}:oidc-provider/",
            self.state.config().partition,
            self.account()
        )
    }

    /// Resolves an OIDC provider by ARN. The resource is the ARN as given; an ARN of
    /// another account or partition names no provider here.
    pub(crate) async fn oidc(&mut self, arn: &str) -> Result<Target<OidcProvider>, ApiError> {
        let account = self.account();
        let prefix = self.oidc_arn_prefix();
        let entity = match arn.strip_prefix(&prefix) {
            Some(url) if !url.is_empty() => self.tx.oidc_provider(account, url).await?,
            _ => None,
        };
        let tags = match &entity {
            Some(p) => {
                self.tx
                    .tags(account, &TagTarget::OidcProvider(p.url.clone()))
                    .await?
            }
            None => Vec::new(),
        };
        Ok(Target {
            arn: arn.to_owned(),
            tags,
            entity,
        })
    }
}

/// `The role with name <name> cannot be found.` (api.md §5.3).
pub(crate) fn no_such_role(name: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("The role with name {name} cannot be found."))
}

/// `Policy <arn> was not found.` (Get/Delete/Detach/Tag/versions, api.md §5.3).
pub(crate) fn policy_not_found(arn: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("Policy {arn} was not found."))
}

/// `Policy <arn> does not exist or is not attachable.` (attach, ListEntitiesForPolicy).
pub(crate) fn policy_not_attachable(arn: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("Policy {arn} does not exist or is not attachable."))
}

/// A rejected policy document on the wire: `MalformedPolicyDocument`, `LimitExceeded` for
/// size quotas, `ValidationError` for the raw parameter limit (policy.md §1.1, §1.6).
pub(crate) fn policy_error(errors: &PolicyErrors) -> ApiError {
    let message = errors.aws_message().to_owned();
    match errors.aws_code() {
        AwsErrorCode::MalformedPolicyDocument => ApiError::MalformedPolicyDocument(message),
        AwsErrorCode::LimitExceeded => ApiError::LimitExceeded(message),
        AwsErrorCode::ValidationError => ApiError::Validation(message),
    }
}

/// Adds `iam:PermissionsBoundary` when the entity has (or will have) a boundary
/// (api.md §4.5: role and user operations that carry the key).
pub(crate) fn with_boundary(check: Check, boundary: Option<&str>) -> Check {
    match boundary {
        Some(b) => check.with_key("iam:PermissionsBoundary", b),
        None => check,
    }
}

/// The wire boundary element. AWS emits `Policy` although the model's enum says
/// `PermissionsBoundaryPolicy` (api.md §5.4).
pub(crate) fn wire_boundary(arn: Option<&String>) -> Option<iam::AttachedPermissionsBoundary> {
    arn.map(|a| iam::AttachedPermissionsBoundary {
        permissions_boundary_type: Some("Policy".to_owned()),
        permissions_boundary_arn: Some(a.clone()),
    })
}

/// `(key, value)` pairs of request tags, for `Check::with_request_tags`.
pub(crate) fn tag_pairs(tags: &[iam::Tag]) -> Vec<(&str, &str)> {
    tags.iter()
        .map(|t| (t.key.as_str(), t.value.as_str()))
        .collect()
}

/// The create check plus `iam:Tag<Type>` when tags are given (api.md §4.3 rule 1).
pub(crate) fn create_checks(
    create: Check,
    tag_action: &str,
    arn: &str,
    tags: &[iam::Tag],
) -> Vec<Check> {
    if tags.is_empty() {
        return vec![create];
    }
    let pairs = tag_pairs(tags);
    vec![
        create.with_request_tags(pairs.iter().copied()),
        Check::new(tag_action, arn).with_request_tags(pairs.iter().copied()),
    ]
}

/// Merges tags for resources with case-**sensitive** keys (managed policies, OIDC
/// providers, api.md §3.5): exactly equal keys twice in a request are refused, `aws:` keys
/// are reserved, an existing key is overwritten, at most 50 tags.
pub(crate) fn apply_exact_tags(existing: &[Tag], new: &[iam::Tag]) -> Result<Vec<Tag>, ApiError> {
    let mut seen = std::collections::HashSet::new();
    for t in new {
        if !seen.insert(t.key.as_str()) {
            return Err(ApiError::InvalidInput(
                "Duplicate tag keys found.".to_owned(),
            ));
        }
        if t.key.to_lowercase().starts_with("aws:") {
            return Err(ApiError::InvalidInput(
                "Tag keys starting with 'aws:' are reserved for internal use.".to_owned(),
            ));
        }
    }
    let mut merged: Vec<Tag> = existing
        .iter()
        .filter(|e| !seen.contains(e.key.as_str()))
        .cloned()
        .collect();
    merged.extend(new.iter().map(|t| Tag {
        key: t.key.clone(),
        value: t.value.clone(),
    }));
    if merged.len() > TAGS_PER_RESOURCE {
        return Err(ApiError::LimitExceeded(
            "The number of tags has reached the maximum limit.".to_owned(),
        ));
    }
    Ok(merged)
}

/// `existing` without the given keys, compared exactly (case-sensitive resource types).
pub(crate) fn remove_exact_tags(existing: &[Tag], keys: &[String]) -> Vec<Tag> {
    existing
        .iter()
        .filter(|t| !keys.contains(&t.key))
        .cloned()
        .collect()
}

/// One page of in-memory items already sorted by `key` ascending, after `query.after`.
pub(crate) fn paginate<T>(items: Vec<T>, query: &ListQuery, key: impl Fn(&T) -> String) -> Page<T> {
    let rest: Vec<T> = items
        .into_iter()
        .filter(|item| query.after.as_ref().is_none_or(|a| key(item) > *a))
        .collect();
    Page::from_overfetch(rest, query.limit, key)
}

/// Which kind of principal entity holds a policy: for messages and quotas.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum HolderKind {
    /// An IAM user.
    User,
    /// A group.
    Group,
    /// A role.
    Role,
}

impl HolderKind {
    /// `user`, `group`, `role` (as in AWS's messages).
    pub(crate) fn word(self) -> &'static str {
        match self {
            Self::User => "user",
            Self::Group => "group",
            Self::Role => "role",
        }
    }

    /// `User`, `Group`, `Role` (quota names, operation names).
    pub(crate) fn title(self) -> &'static str {
        match self {
            Self::User => "User",
            Self::Group => "Group",
            Self::Role => "Role",
        }
    }

    /// The holder of an entity with this id.
    pub(crate) fn holder(self, id: &str) -> PolicyHolder {
        match self {
            Self::User => PolicyHolder::User(id.to_owned()),
            Self::Group => PolicyHolder::Group(id.to_owned()),
            Self::Role => PolicyHolder::Role(id.to_owned()),
        }
    }
}

/// A user, group or role resolved for a policy operation: what authorization and the
/// handlers need, independent of the kind.
pub(crate) struct HolderTarget {
    /// User, group or role.
    pub(crate) kind: HolderKind,
    /// The entity ARN (api.md §4.2).
    pub(crate) arn: String,
    /// Its tags (none for groups).
    pub(crate) tags: Vec<Tag>,
    /// Its current permissions boundary (users and roles).
    pub(crate) boundary: Option<String>,
    /// `(unique id, stored name)` when the entity exists.
    pub(crate) found: Option<(String, String)>,
}

impl HolderTarget {
    /// `UnmodifiableEntity` when the holder is a service-linked role (api.md §5.6): its
    /// policies and boundary belong to the service. Call after the existence check.
    pub(crate) fn ensure_modifiable(&self, name: &str) -> Result<(), ApiError> {
        let service_linked = self.kind == HolderKind::Role
            && self.arn.contains(&format!(
                ":role{}",
                super::service_linked_roles::SERVICE_ROLE_PATH
            ));
        if service_linked {
            return Err(super::service_linked_roles::unmodifiable(name));
        }
        Ok(())
    }

    /// A check of `action` on the entity with its resource tags (`iam:ResourceTag` too for
    /// users and roles, api.md §4.4).
    pub(crate) fn check(&self, action: &str) -> Check {
        Check::new(action, &self.arn).with_resource_tags(&self.tags, self.kind != HolderKind::Group)
    }

    /// `The user with name <n> cannot be found.` etc.
    pub(crate) fn missing(&self, name: &str) -> ApiError {
        ApiError::NoSuchEntity(format!(
            "The {} with name {name} cannot be found.",
            self.kind.word()
        ))
    }
}

impl<S: Store> Cx<'_, S> {
    /// Resolves the user, group or role a policy operation names.
    pub(crate) async fn holder(
        &mut self,
        kind: HolderKind,
        name: &str,
    ) -> Result<HolderTarget, ApiError> {
        Ok(match kind {
            HolderKind::User => {
                let t = self.user(name).await?;
                HolderTarget {
                    kind,
                    boundary: t
                        .entity
                        .as_ref()
                        .and_then(|u| u.permissions_boundary.clone()),
                    found: t.entity.map(|u| (u.id, u.name)),
                    arn: t.arn,
                    tags: t.tags,
                }
            }
            HolderKind::Group => {
                let t = self.group_target(name).await?;
                HolderTarget {
                    kind,
                    boundary: None,
                    found: t.entity.map(|g| (g.id, g.name)),
                    arn: t.arn,
                    tags: t.tags,
                }
            }
            HolderKind::Role => {
                let t = self.role(name).await?;
                HolderTarget {
                    kind,
                    boundary: t
                        .entity
                        .as_ref()
                        .and_then(|r| r.permissions_boundary.clone()),
                    found: t.entity.map(|r| (r.id, r.name)),
                    arn: t.arn,
                    tags: t.tags,
                }
            }
        })
    }
}
