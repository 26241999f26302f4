//! The domain model: one typed record per stored IAM entity (api.md §3).
//!
//! Records hold what the database holds, nothing derived from deployment configuration:
//! ARNs of users, groups and roles are computed from the partition, account, path and name
//! when needed (they change on rename, api.md §3.4). Managed policies are the exception:
//! they cannot be renamed or moved, so their ARN is stored, which lets the store count
//! permissions-boundary uses by ARN (a boundary may name an AWS managed policy that has no
//! row of its own).

use time::OffsetDateTime;
use warden_types::AccountId;

use crate::secret::EncryptedSecret;

/// An account hosted by this deployment (api.md §3.1). Accounts are provisioned by
/// configuration, not by the IAM API; their root access keys are [`AccessKey`]s owned by
/// [`KeyOwner::Root`].
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Account {
    /// The twelve-digit account id.
    pub id: AccountId,
    /// When the account was provisioned (the root pseudo-user's `CreateDate`).
    pub created: OffsetDateTime,
}

/// An IAM user (api.md §5.4).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct User {
    /// The owning account.
    pub account: AccountId,
    /// The immutable unique id (`AIDA…`).
    pub id: String,
    /// The name in its stored spelling; unique per account case-insensitively.
    pub name: String,
    /// The path, `/` or `/…/`.
    pub path: String,
    /// Creation time, second precision.
    pub created: OffsetDateTime,
    /// The permissions boundary's managed policy ARN, when set.
    pub permissions_boundary: Option<String>,
    /// Last successful password authentication, when known (api.md §3.8).
    pub password_last_used: Option<OffsetDateTime>,
}

/// An IAM group (api.md §5.5). Groups are not taggable.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Group {
    /// The owning account.
    pub account: AccountId,
    /// The immutable unique id (`AGPA…`).
    pub id: String,
    /// The name in its stored spelling; unique per account case-insensitively.
    pub name: String,
    /// The path, `/` or `/…/`.
    pub path: String,
    /// Creation time, second precision.
    pub created: OffsetDateTime,
}

/// An IAM role (api.md §5.6).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Role {
    /// The owning account.
    pub account: AccountId,
    /// The immutable unique id (`AROA…`).
    pub id: String,
    /// The name in its stored spelling; unique per account case-insensitively.
    pub name: String,
    /// The path, `/` or `/…/`.
    pub path: String,
    /// Creation time, second precision.
    pub created: OffsetDateTime,
    /// The trust policy document exactly as the client sent it (GetRole echoes it verbatim).
    pub trust_policy: String,
    /// The description, when set.
    pub description: Option<String>,
    /// Maximum session duration in seconds (3600–43200).
    pub max_session_duration: u32,
    /// The permissions boundary's managed policy ARN, when set.
    pub permissions_boundary: Option<String>,
    /// The last use of the role, when it has been used (api.md §3.8).
    pub last_used: Option<RoleLastUsed>,
    /// The user and role ARNs of accounts hosted here that the trust policy names, with
    /// the unique id each had when the policy was saved (policy.md §1.7.3): trust binds to
    /// that entity, not to a later one with the same name.
    pub trust_principals: Vec<ResolvedPrincipal>,
}

/// A principal ARN of a trust policy, resolved when the policy was saved (policy.md
/// §1.7.3).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct ResolvedPrincipal {
    /// The ARN exactly as written in the policy.
    pub arn: String,
    /// The unique id (`AIDA…`, `AROA…`) of the entity it named then.
    pub id: String,
}

/// When and where a role was last used (GetRole's `RoleLastUsed`).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct RoleLastUsed {
    /// The time of the last use.
    pub date: OffsetDateTime,
    /// The region of the last use.
    pub region: String,
}

/// A customer managed policy as stored, with its usage counts (api.md §5.7).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct ManagedPolicy {
    /// The owning account.
    pub account: AccountId,
    /// The immutable unique id (`ANPA…`).
    pub id: String,
    /// The name; unique per account (regardless of path) case-insensitively.
    pub name: String,
    /// The policy path.
    pub path: String,
    /// The ARN, fixed at creation because policies cannot be renamed or moved.
    pub arn: String,
    /// The default version's id (`v1`, `v2`, …).
    pub default_version_id: String,
    /// How many users, groups and roles have it attached, counted by the store.
    pub attachment_count: u32,
    /// How many users and roles use it as permissions boundary, counted by the store.
    pub boundary_usage_count: u32,
    /// The description given at creation (immutable afterwards), when set.
    pub description: Option<String>,
    /// Creation time.
    pub created: OffsetDateTime,
    /// Last change of the default version.
    pub updated: OffsetDateTime,
}

/// What the store needs to create a managed policy; its first version `v1` becomes default.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct NewPolicy {
    /// The owning account.
    pub account: AccountId,
    /// The unique id (`ANPA…`).
    pub id: String,
    /// The name.
    pub name: String,
    /// The policy path.
    pub path: String,
    /// The ARN.
    pub arn: String,
    /// The description, when given.
    pub description: Option<String>,
    /// Creation time; also the first version's creation time and the policy's update time.
    pub created: OffsetDateTime,
    /// The first version's document, verbatim.
    pub document: String,
}

/// One version of a managed policy. Version ids are `v<N>` with N one more than the highest
/// ever used for the policy: ids are never reused (api.md §5.7).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct PolicyVersion {
    /// The owning policy's unique id.
    pub policy_id: String,
    /// `v1`, `v2`, …
    pub version_id: String,
    /// The document exactly as the client sent it.
    pub document: String,
    /// Whether this is the policy's default (effective) version.
    pub is_default: bool,
    /// Creation time.
    pub created: OffsetDateTime,
}

/// The principal entity a managed or inline policy belongs to, by unique id.
#[derive(Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
pub enum PolicyHolder {
    /// A group, by `AGPA…` id.
    Group(String),
    /// A role, by `AROA…` id.
    Role(String),
    /// A user, by `AIDA…` id.
    User(String),
}

/// An inline policy embedded in a user, group or role (api.md §5.8).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct InlinePolicy {
    /// The entity embedding it.
    pub holder: PolicyHolder,
    /// The policy name, unique per holder case-insensitively.
    pub name: String,
    /// The document exactly as the client sent it.
    pub document: String,
}

/// Who owns an access key: an IAM user or the account's root (api.md §5.9).
#[derive(Clone, Debug, Eq, Hash, PartialEq)]
pub enum KeyOwner {
    /// The account root.
    Root,
    /// An IAM user, by `AIDA…` id.
    User(String),
}

/// Whether an access key may authenticate requests.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum KeyStatus {
    /// The key authenticates requests.
    Active,
    /// The key is rejected with `InvalidClientTokenId` until reactivated.
    Inactive,
}

impl KeyStatus {
    /// AWS's wire spelling, also the stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "Active",
            Self::Inactive => "Inactive",
        }
    }

    /// Parses AWS's spelling (exact case, as the API's enum).
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "Active" => Some(Self::Active),
            "Inactive" => Some(Self::Inactive),
            _ => None,
        }
    }
}

/// A long-term access key. The secret is only ever held encrypted here.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct AccessKey {
    /// The owning account.
    pub account: AccountId,
    /// The access key id (`AKIA…`), globally unique.
    pub id: String,
    /// The user or root that owns the key.
    pub owner: KeyOwner,
    /// Active or inactive.
    pub status: KeyStatus,
    /// Creation time.
    pub created: OffsetDateTime,
    /// The last authenticated request made with the key, when any (api.md §3.8).
    pub last_used: Option<KeyLastUsed>,
    /// The secret access key, sealed by a [`crate::SecretCipher`].
    pub secret: EncryptedSecret,
}

/// The last use of an access key (GetAccessKeyLastUsed).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct KeyLastUsed {
    /// When the key was last used.
    pub date: OffsetDateTime,
    /// The service it was used for (`iam`, `sts`).
    pub service: String,
    /// The credential scope's region.
    pub region: String,
}

/// One tag. Tag lists are ordered; the store keeps the order it is given.
#[derive(Clone, Debug, Eq, Hash, PartialEq)]
pub struct Tag {
    /// The key.
    pub key: String,
    /// The value, possibly empty.
    pub value: String,
}

/// A taggable entity (api.md §3.5), by unique id (or URL for OIDC providers).
#[derive(Clone, Debug, Eq, Hash, PartialEq)]
pub enum TagTarget {
    /// An instance profile, by `AIPA…` id.
    InstanceProfile(String),
    /// An OIDC provider, by its URL as stored.
    OidcProvider(String),
    /// A customer managed policy, by `ANPA…` id.
    Policy(String),
    /// A role, by `AROA…` id.
    Role(String),
    /// A user, by `AIDA…` id.
    User(String),
}

/// An OpenID Connect identity provider (api.md §5.13).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct OidcProvider {
    /// The owning account.
    pub account: AccountId,
    /// The issuer URL without `https://` (the ARN's resource part after `oidc-provider/`).
    pub url: String,
    /// Client ids (audiences), in the order given.
    pub client_ids: Vec<String>,
    /// Server certificate thumbprints, in the order given.
    pub thumbprints: Vec<String>,
    /// Creation time.
    pub created: OffsetDateTime,
}

/// Whether an audited call succeeded.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum AuditOutcome {
    /// The call was refused or failed.
    Failure,
    /// The call succeeded.
    Success,
}

impl AuditOutcome {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Failure => "failure",
            Self::Success => "success",
        }
    }

    /// Parses the stored spelling.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "failure" => Some(Self::Failure),
            "success" => Some(Self::Success),
            _ => None,
        }
    }
}

/// One audit event. The store keeps the CloudTrail record verbatim and indexes the
/// fields that listing and filtering need; it is inserted in the same transaction as the
/// change it records.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct AuditEvent {
    /// The event id (CloudTrail `eventID`, a UUID).
    pub id: String,
    /// The account the event belongs to.
    pub account: AccountId,
    /// When the call happened.
    pub time: OffsetDateTime,
    /// The operation name (`CreateUser`).
    pub event_name: String,
    /// Success or failure.
    pub outcome: AuditOutcome,
    /// The calling principal's ARN.
    pub principal_arn: String,
    /// The access key id the call was signed with, when any.
    pub access_key_id: Option<String>,
    /// The CloudTrail-format JSON record.
    pub document: String,
}

/// Entity kinds counted against account quotas (api.md §3.7).
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum CountedEntity {
    /// Groups per account.
    Groups,
    /// OIDC providers per account.
    OidcProviders,
    /// Customer managed policies per account.
    Policies,
    /// Roles per account.
    Roles,
    /// Users per account.
    Users,
}

/// Which managed policies a listing keeps (ListPolicies `OnlyAttached` / `PolicyUsageFilter`).
#[derive(Clone, Copy, Debug, Default, Eq, Hash, PartialEq)]
pub enum PolicyUsage {
    /// Every policy.
    #[default]
    Any,
    /// Policies attached as permissions policy or used as boundary.
    Attached,
    /// Policies used as a permissions boundary.
    AsBoundary,
    /// Policies attached as permissions policy.
    AsPermissions,
}
