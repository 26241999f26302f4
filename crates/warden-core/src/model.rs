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
    /// Whether it can be attached (`IsAttachable`): false only for some AWS managed
    /// policies (service-linked role policies, api.md §5.7).
    pub attachable: bool,
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
    /// A virtual MFA device, by its path and name (`/path/name`, the serial number's
    /// resource part after `mfa`).
    MfaDevice(String),
    /// An OIDC provider, by its URL as stored.
    OidcProvider(String),
    /// A customer managed policy, by `ANPA…` id.
    Policy(String),
    /// A role, by `AROA…` id.
    Role(String),
    /// A SAML provider, by its name.
    SamlProvider(String),
    /// A server certificate, by `ASCA…` id.
    ServerCertificate(String),
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

/// A SAML 2.0 identity provider (api.md §5.14).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct SamlProvider {
    /// The owning account.
    pub account: AccountId,
    /// The name: the ARN's resource part after `saml-provider/` (case-sensitive).
    pub name: String,
    /// `SAMLProviderUUID`.
    pub uuid: String,
    /// `SAMLMetadataDocument`, verbatim.
    pub metadata: String,
    /// `ValidUntil`: the metadata's `validUntil`, or the default of api.md §5.14.
    pub valid_until: OffsetDateTime,
    /// `AssertionEncryptionMode` (`Allowed` / `Required`) when set.
    pub assertion_encryption_mode: Option<String>,
    /// Creation time.
    pub created: OffsetDateTime,
}

/// A private key a SAML provider decrypts encrypted assertions with (api.md §5.14
/// `AddPrivateKey`; at most two per provider).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct SamlPrivateKey {
    /// `KeyId`: 22-64 characters `[A-Z0-9]`, unique within the provider.
    pub key_id: String,
    /// `Timestamp`: when the key was added.
    pub created: OffsetDateTime,
    /// The PEM private key, sealed with the deployment's secret cipher (associated data:
    /// the key id).
    pub private_key: EncryptedSecret,
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
    /// Instance profiles per account.
    InstanceProfiles,
    /// Virtual MFA devices per account.
    MfaDevices,
    /// Server certificates per account.
    ServerCertificates,
    /// OIDC providers per account.
    OidcProviders,
    /// Customer managed policies per account.
    Policies,
    /// Roles per account.
    Roles,
    /// SAML providers per account.
    SamlProviders,
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

/// A virtual (TOTP) MFA device (api.md §5.11). Its serial number is the ARN
/// `arn:P:iam::ACCT:mfa{path}{name}`; the store keys it by account, path and name.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct MfaDevice {
    /// The owning account.
    pub account: AccountId,
    /// The path, `/` or `/…/`.
    pub path: String,
    /// `VirtualMFADeviceName`, as given (part of the serial number, so case-sensitive).
    pub name: String,
    /// The base32 TOTP seed, sealed by a [`crate::SecretCipher`] (never stored in clear).
    pub seed: EncryptedSecret,
    /// Creation time.
    pub created: OffsetDateTime,
    /// The user the device is enabled for, with the enable date; `None` while unassigned.
    pub assignment: Option<MfaAssignment>,
    /// The last TOTP step accepted for the device (EnableMFADevice, ResyncMFADevice, STS):
    /// codes of this step or older are refused as reused.
    pub last_used_step: Option<i64>,
}

/// Who an MFA device is enabled for and since when.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct MfaAssignment {
    /// The user's unique id (`AIDA…`).
    pub user_id: String,
    /// `EnableDate`.
    pub enabled: OffsetDateTime,
}

/// ListVirtualMFADevices' `AssignmentStatus`.
#[derive(Clone, Copy, Debug, Default, Eq, Hash, PartialEq)]
pub enum MfaAssignmentFilter {
    /// Every device.
    #[default]
    Any,
    /// Devices enabled for a user.
    Assigned,
    /// Devices not enabled for anyone.
    Unassigned,
}

/// An instance profile (api.md §5.12): a named container for at most one role, the role
/// whose sessions a workload holding a registered token receives (`warden workload`).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct InstanceProfile {
    /// The owning account.
    pub account: AccountId,
    /// The immutable unique id (`AIPA…`).
    pub id: String,
    /// The name in its stored spelling; unique per account case-insensitively.
    pub name: String,
    /// The path, `/` or `/…/`.
    pub path: String,
    /// Creation time, second precision.
    pub created: OffsetDateTime,
    /// The role in the profile (`AROA…` id), when any: AWS allows one role per profile
    /// (quota `InstanceSessionsPerInstanceProfile` = 1).
    pub role_id: Option<String>,
}

/// A workload registered by the operator (`warden workload register`): the holder of its
/// bearer token receives sessions of the role in its instance profile from the container
/// credentials endpoint. Only the SHA-256 of the token's secret part is stored.
#[derive(Clone, Eq, PartialEq)]
pub struct Workload {
    /// The account of the instance profile.
    pub account: AccountId,
    /// The workload id (part of the token, so the endpoint finds the row without
    /// comparing hashes in the database).
    pub id: String,
    /// A label for operators.
    pub name: String,
    /// The instance profile's unique id (`AIPA…`): a profile re-created under the same
    /// name is not the one the workload was registered for.
    pub instance_profile_id: String,
    /// Lower-case hex SHA-256 of the token's secret part.
    pub token_sha256: String,
    /// Registration time.
    pub created: OffsetDateTime,
    /// When the token was revoked; revoked tokens get nothing.
    pub revoked: Option<OffsetDateTime>,
}

impl std::fmt::Debug for Workload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The hash is not the token, but there is no reason to print it either.
        f.debug_struct("Workload")
            .field("account", &self.account)
            .field("id", &self.id)
            .field("name", &self.name)
            .field("instance_profile_id", &self.instance_profile_id)
            .field("created", &self.created)
            .field("revoked", &self.revoked)
            .finish_non_exhaustive()
    }
}

/// A password hash in PHC string format (`$argon2id$v=19$…`). Not the password, but still
/// kept out of logs: `Debug` shows only the algorithm.
#[derive(Clone, Eq, PartialEq)]
pub struct PasswordHash(String);

impl PasswordHash {
    /// Wraps a PHC string.
    pub fn new(phc: String) -> Self {
        Self(phc)
    }

    /// The PHC string (to verify against or to store).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let algorithm = self.0.split('$').nth(1).unwrap_or("?");
        write!(f, "PasswordHash({algorithm}, redacted)")
    }
}

/// A user's console password (api.md §5.10): only hashes are stored.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct LoginProfile {
    /// The owning account.
    pub account: AccountId,
    /// The user's unique id (`AIDA…`); one login profile per user.
    pub user_id: String,
    /// The current password's hash.
    pub password_hash: PasswordHash,
    /// Hashes of earlier passwords, newest first, for `PasswordReusePrevention` (at most 24).
    pub previous_hashes: Vec<PasswordHash>,
    /// `CreateDate` of the login profile.
    pub created: OffsetDateTime,
    /// When the current password was set (for `MaxPasswordAge`).
    pub password_changed: OffsetDateTime,
    /// `PasswordResetRequired`.
    pub reset_required: bool,
}

/// The account password policy (api.md §5.10), with AWS's defaults for omitted settings.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct PasswordPolicy {
    /// `MinimumPasswordLength` (6–128).
    pub minimum_length: u32,
    /// `RequireSymbols`.
    pub require_symbols: bool,
    /// `RequireNumbers`.
    pub require_numbers: bool,
    /// `RequireUppercaseCharacters`.
    pub require_uppercase: bool,
    /// `RequireLowercaseCharacters`.
    pub require_lowercase: bool,
    /// `AllowUsersToChangePassword`.
    pub allow_users_to_change: bool,
    /// `MaxPasswordAge` in days (1–1095), when set.
    pub max_age_days: Option<u32>,
    /// `PasswordReusePrevention` (1–24), when set.
    pub reuse_prevention: Option<u32>,
    /// `HardExpiry`, when set.
    pub hard_expiry: Option<bool>,
}

/// Usage counts of an account for GetAccountSummary (api.md §5.16).
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct AccountUsage {
    /// IAM users.
    pub users: u64,
    /// Groups.
    pub groups: u64,
    /// Roles.
    pub roles: u64,
    /// Customer managed policies.
    pub policies: u64,
    /// Managed-policy attachments to users, groups and roles (`PolicyVersionsInUse`).
    pub policy_attachments: u64,
    /// OIDC providers (part of `Providers`).
    pub oidc_providers: u64,
    /// Access keys of the root user (`AccountAccessKeysPresent`).
    pub root_access_keys: u64,
    /// Instance profiles.
    pub instance_profiles: u64,
    /// SAML providers (part of `Providers`).
    pub saml_providers: u64,
    /// Server certificates.
    pub server_certificates: u64,
    /// Virtual MFA devices (`MFADevices`).
    pub mfa_devices: u64,
    /// MFA devices enabled for a user (`MFADevicesInUse`).
    pub mfa_devices_in_use: u64,
    /// MFA devices of the root user (`AccountMFAEnabled`).
    pub root_mfa_devices: u64,
    /// Signing certificates of the root user (`AccountSigningCertificatesPresent`).
    pub root_signing_certificates: u64,
}

/// The account's latest credential report (api.md §5.17): the CSV as generated, kept and
/// served until a newer one replaces it.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct CredentialReport {
    /// The owning account.
    pub account: AccountId,
    /// When the report was generated (`GeneratedTime`).
    pub generated: OffsetDateTime,
    /// The CSV text.
    pub content: String,
}

/// What a [`ReportJob`] computed.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum ReportJobKind {
    /// GenerateServiceLastAccessedDetails (api.md §5.18).
    ServiceLastAccessed,
    /// GenerateOrganizationsAccessReport (api.md §5.18).
    OrganizationsAccess,
    /// DeleteServiceLinkedRole's deletion task (api.md §5.6).
    ServiceLinkedRoleDeletion,
}

impl ReportJobKind {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ServiceLastAccessed => "service-last-accessed",
            Self::OrganizationsAccess => "organizations-access",
            Self::ServiceLinkedRoleDeletion => "service-linked-role-deletion",
        }
    }

    /// Parses the stored spelling.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "service-last-accessed" => Some(Self::ServiceLastAccessed),
            "organizations-access" => Some(Self::OrganizationsAccess),
            "service-linked-role-deletion" => Some(Self::ServiceLinkedRoleDeletion),
            _ => None,
        }
    }
}

/// A job whose result is read back by id (access advisor, Organizations access report,
/// service-linked-role deletion task). The result is opaque JSON to the store.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct ReportJob {
    /// The owning account.
    pub account: AccountId,
    /// The job id (a UUID) or deletion task id.
    pub id: String,
    /// What the job computed.
    pub kind: ReportJobKind,
    /// When the job was created.
    pub created: OffsetDateTime,
    /// When it completed, if it did.
    pub completed: Option<OffsetDateTime>,
    /// The result, JSON written by the API layer.
    pub document: String,
}

/// Which session tokens the global STS endpoint issues (SetSecurityTokenServicePreferences,
/// api.md §5.16 and §2.10).
#[derive(Clone, Copy, Debug, Default, Eq, Hash, PartialEq)]
pub enum GlobalEndpointTokenVersion {
    /// `v1Token`: valid only in regions enabled by default (AWS's default).
    #[default]
    V1Token,
    /// `v2Token`: valid in all regions.
    V2Token,
}

impl GlobalEndpointTokenVersion {
    /// The number GetAccountSummary reports (`GlobalEndpointTokenVersion` 1 or 2).
    pub fn number(self) -> i64 {
        match self {
            Self::V1Token => 1,
            Self::V2Token => 2,
        }
    }

    /// From the stored number.
    pub fn from_number(n: i64) -> Option<Self> {
        match n {
            1 => Some(Self::V1Token),
            2 => Some(Self::V2Token),
            _ => None,
        }
    }

    /// AWS's wire spelling (`v1Token`, `v2Token`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::V1Token => "v1Token",
            Self::V2Token => "v2Token",
        }
    }

    /// Parses AWS's wire spelling.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "v1Token" => Some(Self::V1Token),
            "v2Token" => Some(Self::V2Token),
            _ => None,
        }
    }
}

/// The pseudo-account that owns AWS managed policies (`arn:P:iam::aws:policy/…`, api.md
/// §3.2, §5.7): a deployment-wide namespace shared by every account, loaded by
/// `warden import`.
pub const AWS_MANAGED_OWNER: &str = "aws";

impl ManagedPolicy {
    /// Whether this is an AWS managed policy (ARN account field `aws`), which customers
    /// may attach but not change (api.md §5.7).
    pub fn is_aws_managed(&self) -> bool {
        is_aws_managed_arn(&self.arn)
    }
}

/// Whether a policy ARN names an AWS managed policy (`arn:P:iam::aws:policy/…`).
pub fn is_aws_managed_arn(arn: &str) -> bool {
    arn.split(':').nth(4) == Some(AWS_MANAGED_OWNER)
}

/// Which managed policies a listing keeps by owner (ListPolicies `Scope`).
#[derive(Clone, Copy, Debug, Default, Eq, Hash, PartialEq)]
pub enum PolicyScope {
    /// Customer managed and AWS managed policies.
    #[default]
    All,
    /// AWS managed policies only.
    Aws,
    /// The account's customer managed policies only.
    Local,
}

/// One version of a managed policy as `warden import` writes it: the id, document and
/// creation time are kept from the file.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct ImportedPolicyVersion {
    /// The version number N of `vN`.
    pub number: u32,
    /// The document, verbatim.
    pub document: String,
    /// Creation time.
    pub created: OffsetDateTime,
}

/// A managed policy with every version, as `warden import` writes it (customer managed
/// in the imported account, or AWS managed in the deployment-wide namespace).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct ImportedPolicy {
    /// The unique id (`ANPA…`) from the file; an existing policy of the same name keeps
    /// its own id.
    pub id: String,
    /// The name.
    pub name: String,
    /// The policy path.
    pub path: String,
    /// The ARN.
    pub arn: String,
    /// The description, when set.
    pub description: Option<String>,
    /// Creation time.
    pub created: OffsetDateTime,
    /// Last change of the default version.
    pub updated: OffsetDateTime,
    /// The default version's number.
    pub default_version: u32,
    /// Every version (at least the default one).
    pub versions: Vec<ImportedPolicyVersion>,
    /// `IsAttachable` (false for AWS managed service-linked role policies).
    pub attachable: bool,
}

/// The relations of one imported user, group or role, by name or ARN as in the file.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct ImportedRelations {
    /// Attached managed policies, by ARN, in attachment order.
    pub attached: Vec<String>,
    /// Inline policies: name and document.
    pub inline: Vec<(String, String)>,
    /// Tags, in order (users and roles).
    pub tags: Vec<Tag>,
}

/// Everything `warden import` writes into one account, already validated. Entities are
/// upserted by name (an existing entity keeps its id); the relations of every imported
/// entity (memberships, attachments, inline policies, tags) are replaced by the file's.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct AccountImport {
    /// AWS managed policies (deployment-wide).
    pub aws_policies: Vec<ImportedPolicy>,
    /// Customer managed policies of the account.
    pub policies: Vec<ImportedPolicy>,
    /// Groups with their relations.
    pub groups: Vec<(Group, ImportedRelations)>,
    /// Users with their relations and the names of their groups.
    pub users: Vec<(User, ImportedRelations, Vec<String>)>,
    /// Roles with their relations.
    pub roles: Vec<(Role, ImportedRelations)>,
}

/// How many rows of each kind an import wrote.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct ImportCounts {
    /// Users inserted.
    pub users_created: u64,
    /// Users that existed (by name) and were updated.
    pub users_updated: u64,
    /// Groups inserted.
    pub groups_created: u64,
    /// Groups updated.
    pub groups_updated: u64,
    /// Roles inserted.
    pub roles_created: u64,
    /// Roles updated.
    pub roles_updated: u64,
    /// Customer managed policies inserted.
    pub policies_created: u64,
    /// Customer managed policies updated.
    pub policies_updated: u64,
    /// AWS managed policies inserted.
    pub aws_policies_created: u64,
    /// AWS managed policies updated.
    pub aws_policies_updated: u64,
    /// Policy versions written.
    pub policy_versions: u64,
    /// Group memberships written.
    pub memberships: u64,
    /// Managed policy attachments written.
    pub attachments: u64,
    /// Inline policies written.
    pub inline_policies: u64,
    /// Tags written.
    pub tags: u64,
}

/// A server certificate (api.md §5.15): an X.509 certificate, its chain and its private
/// key, stored for other services' TLS endpoints.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct ServerCertificate {
    /// The owning account.
    pub account: AccountId,
    /// The immutable unique id (`ASCA…`).
    pub id: String,
    /// The name in its stored spelling; unique per account case-insensitively.
    pub name: String,
    /// The path, `/` or `/…/`.
    pub path: String,
    /// `UploadDate`.
    pub uploaded: OffsetDateTime,
    /// `Expiration`: the certificate's notAfter.
    pub expiration: OffsetDateTime,
    /// `CertificateBody`, PEM, as uploaded.
    pub body: String,
    /// `CertificateChain`, PEM, as uploaded, when given.
    pub chain: Option<String>,
    /// The PEM private key, sealed by a [`crate::SecretCipher`] for the certificate id;
    /// never returned by the API.
    pub private_key: EncryptedSecret,
}

/// An X.509 signing certificate of a user or of root (api.md §5.15).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct SigningCertificate {
    /// The owning account.
    pub account: AccountId,
    /// `CertificateId`: 32 upper-case alphanumerics, unique.
    pub id: String,
    /// The user (or root) the certificate belongs to.
    pub owner: KeyOwner,
    /// `CertificateBody`, PEM, as uploaded.
    pub body: String,
    /// Lower-case hex SHA-256 of the certificate's DER: the same certificate is refused
    /// a second time in the account (`DuplicateCertificate`).
    pub fingerprint: String,
    /// Active or inactive.
    pub status: KeyStatus,
    /// `UploadDate`.
    pub uploaded: OffsetDateTime,
}

/// An SSH public key of a user (api.md §5.15).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct SshPublicKey {
    /// The owning account.
    pub account: AccountId,
    /// `SSHPublicKeyId` (`APKA…`).
    pub id: String,
    /// The owning user's unique id (`AIDA…`).
    pub user_id: String,
    /// `SSHPublicKeyBody`, as uploaded (OpenSSH line or PEM).
    pub body: String,
    /// `Fingerprint`: MD5 of the key blob, colon-separated hex.
    pub fingerprint: String,
    /// Active or inactive.
    pub status: KeyStatus,
    /// `UploadDate`.
    pub uploaded: OffsetDateTime,
}

/// A service-specific credential of a user (api.md §5.15).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct ServiceCredential {
    /// The owning account.
    pub account: AccountId,
    /// `ServiceSpecificCredentialId` (`ACCA…`).
    pub id: String,
    /// The owning user's unique id (`AIDA…`).
    pub user_id: String,
    /// `ServiceName` (`codecommit.amazonaws.com`, …).
    pub service_name: String,
    /// `ServiceUserName`, fixed at creation.
    pub service_user_name: String,
    /// The password, sealed by a [`crate::SecretCipher`] for the credential id.
    pub password: EncryptedSecret,
    /// Active or inactive (`Expired` is derived from `expiration`).
    pub status: KeyStatus,
    /// `CreateDate`.
    pub created: OffsetDateTime,
    /// `ExpirationDate`, when created with `CredentialAgeDays`.
    pub expiration: Option<OffsetDateTime>,
}

/// A signing key of the account's outbound web-identity issuer (api.md §5.21, §6.10:
/// GetWebIdentityToken). Old keys stay published until every token they signed expired.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct OutboundSigningKey {
    /// The owning account.
    pub account: AccountId,
    /// The JWK `kid`.
    pub kid: String,
    /// `RS256` or `ES384`.
    pub algorithm: String,
    /// The PKCS#8 private key, sealed with the deployment's secret cipher.
    pub private_key: EncryptedSecret,
    /// The public JWK (JSON object text) as published.
    pub public_jwk: String,
    /// When the key was generated.
    pub created: OffsetDateTime,
}
