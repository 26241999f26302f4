//! The storage seam: a [`Store`] hands out [`Transaction`]s in which an IAM operation runs
//! all its reads, checks and writes, and the audit insert; nothing is visible to others
//! until [`Transaction::commit`], and a transaction dropped without commit leaves nothing.
//!
//! Rules every backend follows (checked by the conformance suite, feature `test-suite`):
//! * Names are unique per account case-insensitively, enforced by a unique index on a
//!   lower-cased name column (api.md §3.4); violations surface as
//!   [`StoreError::Conflict`] with the [`Constraint`] that was hit.
//! * Lookups by name are case-insensitive and return the stored spelling.
//! * Listings by name sort case-insensitively ascending and paginate by the last returned
//!   sort key, so concurrent inserts neither duplicate nor skip items (api.md §1.5).
//! * Every committed transaction that changed an account's IAM state bumps that account's
//!   generation in the same transaction; [`Store::generation`] and
//!   [`Store::watch_changes`] let policy caches notice changes from any node (api.md §1.9).
//!   Audit inserts and usage tracking alone do not bump it: they do not change decisions.
//! * Dependents restrict deletion (an attached policy, a user with keys, a group with
//!   members): the database refuses with [`Constraint::InUse`], as IAM's Delete* calls do
//!   (api.md §5.4–§5.7). Tags and policy versions belong to their entity and are deleted
//!   with it.

use std::fmt;
use std::future::Future;

use time::OffsetDateTime;
use warden_types::AccountId;

use crate::model::{
    AccessKey, Account, AuditEvent, CountedEntity, Group, InlinePolicy, KeyLastUsed, KeyOwner,
    KeyStatus, ManagedPolicy, NewPolicy, OidcProvider, PolicyHolder, PolicyUsage, PolicyVersion,
    Role, RoleLastUsed, Tag, TagTarget, User,
};
use crate::model::{AccountUsage, LoginProfile, PasswordPolicy};
use crate::model::{InstanceProfile, Workload};
use crate::model::{SamlPrivateKey, SamlProvider};
use crate::secret::EncryptedSecret;

/// A handle on the database. Cheap to clone (a connection pool inside).
pub trait Store: Clone + Send + Sync + 'static {
    /// The transaction type.
    type Tx: Transaction;
    /// The change feed type.
    type Changes: ChangeStream;

    /// Starts a read-write transaction. SQLite takes the write lock here (`BEGIN IMMEDIATE`)
    /// so that a transaction never fails half-way upgrading a read lock.
    fn begin(&self) -> impl Future<Output = Result<Self::Tx, StoreError>> + Send;

    /// Starts a "transaction" for an operation that only reads (Get*, List*, Simulate*):
    /// the backends run its statements in autocommit mode on a pooled connection (no
    /// `BEGIN`/`COMMIT` round trips, no write lock; each statement sees a consistent
    /// snapshot, several statements may see different ones, as IAM's own eventual
    /// consistency allows). Handlers reached through it must not write. The default is
    /// [`Store::begin`].
    fn begin_read(&self) -> impl Future<Output = Result<Self::Tx, StoreError>> + Send {
        self.begin()
    }

    /// The authentication hot path, outside any transaction: the key with its owner, status
    /// and sealed secret.
    fn access_key(
        &self,
        id: &str,
    ) -> impl Future<Output = Result<Option<AccessKey>, StoreError>> + Send;

    /// Records a use of an access key (api.md §3.8). Not audited, no generation bump.
    fn record_access_key_use(
        &self,
        id: &str,
        used: &KeyLastUsed,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Records a use of a role (api.md §3.8). Not audited, no generation bump.
    fn record_role_use(
        &self,
        role_id: &str,
        used: &RoleLastUsed,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// The account's generation: a counter bumped by every committed change to its IAM
    /// state. Zero for an account that has never changed (or does not exist).
    fn generation(
        &self,
        account: AccountId,
    ) -> impl Future<Output = Result<u64, StoreError>> + Send;

    /// Subscribes to committed changes from this and (PostgreSQL) other nodes.
    fn watch_changes(&self) -> Self::Changes;

    /// A server-wide secret by name (e.g. `sts-key-ring`), sealed by the server's own
    /// cipher; shared by every node on the same database. Not audited, no generation bump.
    fn server_secret(
        &self,
        name: &str,
    ) -> impl Future<Output = Result<Option<EncryptedSecret>, StoreError>> + Send;

    /// Stores `value` under `name` unless a value is already stored, and returns the stored
    /// value: the given one, or the one another node stored first (nodes starting together
    /// agree on one secret).
    fn init_server_secret(
        &self,
        name: &str,
        value: &EncryptedSecret,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<EncryptedSecret, StoreError>> + Send;

    /// Dev mode only (`POST /_warden/dev/reset`): deletes every account with everything
    /// in it, and the server secrets, in one transaction, leaving the schema as after the
    /// migrations. Subscribers are told [`Change::Lagged`] (every cache is stale).
    fn wipe(&self) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Replaces the secret under `name` only if it still equals `expected` (compare and
    /// swap, so that two nodes rotating at once do not lose a key); `Ok(false)` when another
    /// value was stored meanwhile.
    fn replace_server_secret(
        &self,
        name: &str,
        expected: &EncryptedSecret,
        value: &EncryptedSecret,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;
}

/// A change notification.
#[derive(Clone, Debug, Eq, Hash, PartialEq)]
pub enum Change {
    /// The account's generation reached `generation`.
    Account {
        /// The changed account.
        account: AccountId,
        /// Its generation after the change.
        generation: u64,
    },
    /// Notifications were lost (a slow subscriber, a reconnect): invalidate everything.
    Lagged,
}

/// A subscription to committed changes.
pub trait ChangeStream: Send + 'static {
    /// The next change; `None` once the store is gone.
    fn next(&mut self) -> impl Future<Output = Option<Change>> + Send;
}

/// A page of a listing.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Page<T> {
    /// The items, in the listing's order.
    pub items: Vec<T>,
    /// When more items exist: the sort key to pass as [`ListQuery::after`] for the next page.
    /// The API layer wraps it into an opaque `Marker`.
    pub next: Option<String>,
}

impl<T> Page<T> {
    /// Builds a page from up to `limit + 1` fetched items: the extra item only says that more
    /// exist. `key` gives an item's sort key, which becomes [`Page::next`].
    pub fn from_overfetch(mut items: Vec<T>, limit: u32, key: impl Fn(&T) -> String) -> Self {
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        if items.len() <= limit {
            return Self { items, next: None };
        }
        items.truncate(limit);
        let next = items.last().map(key);
        Self { items, next }
    }
}

/// Paging and path filter of a listing.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct ListQuery {
    /// Keep entities whose path starts with this (case-sensitive, api.md §3.4); `/` keeps all.
    pub path_prefix: String,
    /// Start after this sort key (a previous page's [`Page::next`]).
    pub after: Option<String>,
    /// At most this many items (1..=1000).
    pub limit: u32,
}

impl ListQuery {
    /// The first `limit` items under any path.
    pub fn first(limit: u32) -> Self {
        Self {
            path_prefix: "/".to_owned(),
            after: None,
            limit,
        }
    }

    /// The same filter, continuing after `next`.
    pub fn after(&self, next: &str) -> Self {
        Self {
            after: Some(next.to_owned()),
            ..self.clone()
        }
    }
}

/// The case-insensitive key under which names are unique and sorted. IAM names are ASCII
/// (`[\w+=,.@-]+`, api.md §3.4), so ASCII lower-casing is exact and identical in every
/// backend.
pub fn name_key(name: &str) -> String {
    name.to_ascii_lowercase()
}

/// One transaction. Dropping it without [`Transaction::commit`] rolls everything back.
pub trait Transaction: Send {
    /// Commits: bumps the generation of every account changed, makes the changes visible
    /// and notifies subscribers.
    fn commit(self) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Rolls back explicitly (same as dropping, but reports errors).
    fn rollback(self) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Serialises this transaction with every other writer of `account` until it ends.
    /// Operations that check a quota or a count before writing call it first, so two
    /// concurrent calls cannot both pass the check.
    fn lock_account(
        &mut self,
        account: AccountId,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    // ---- accounts

    /// Creates an account (generation 0). Conflict [`Constraint::AccountId`] if it exists.
    fn insert_account(
        &mut self,
        account: &Account,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Reads an account.
    fn account(
        &mut self,
        id: AccountId,
    ) -> impl Future<Output = Result<Option<Account>, StoreError>> + Send;
    /// Every account, by id (an operator listing: `warden account list`; not paginated,
    /// a deployment hosts few accounts).
    fn list_accounts(&mut self) -> impl Future<Output = Result<Vec<Account>, StoreError>> + Send;
    /// Deletes an account with everything in it (users, groups, roles, policies and their
    /// versions, attachments, inline policies, access keys, tags, OIDC providers, audit
    /// events), in this transaction. Subscribers hear of it as a change of the account
    /// (whose generation is then 0 again). [`StoreError::NotFound`] if there is none.
    fn delete_account(
        &mut self,
        id: AccountId,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Counts entities of a kind in an account, for quotas.
    fn count(
        &mut self,
        account: AccountId,
        kind: CountedEntity,
    ) -> impl Future<Output = Result<u64, StoreError>> + Send;

    // ---- users

    /// Creates a user. Conflict [`Constraint::UserName`] when the name is taken in any case.
    fn insert_user(&mut self, user: &User) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// A user by name, case-insensitively.
    fn user_by_name(
        &mut self,
        account: AccountId,
        name: &str,
    ) -> impl Future<Output = Result<Option<User>, StoreError>> + Send;
    /// A user by unique id.
    fn user_by_id(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> impl Future<Output = Result<Option<User>, StoreError>> + Send;
    /// Replaces name, path, boundary and password-last-used of the user with `user.id`.
    /// [`StoreError::NotFound`] if there is none.
    fn update_user(&mut self, user: &User) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Deletes a user and its tags. [`Constraint::InUse`] while it has keys, policies or
    /// group memberships; [`StoreError::NotFound`] if there is none.
    fn delete_user(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Users by name.
    fn list_users(
        &mut self,
        account: AccountId,
        query: &ListQuery,
    ) -> impl Future<Output = Result<Page<User>, StoreError>> + Send;

    // ---- groups

    /// Creates a group. Conflict [`Constraint::GroupName`].
    fn insert_group(
        &mut self,
        group: &Group,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// A group by name, case-insensitively.
    fn group_by_name(
        &mut self,
        account: AccountId,
        name: &str,
    ) -> impl Future<Output = Result<Option<Group>, StoreError>> + Send;
    /// A group by unique id.
    fn group_by_id(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> impl Future<Output = Result<Option<Group>, StoreError>> + Send;
    /// Replaces name and path of the group with `group.id`.
    fn update_group(
        &mut self,
        group: &Group,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Deletes a group. [`Constraint::InUse`] while it has members or policies.
    fn delete_group(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Groups by name.
    fn list_groups(
        &mut self,
        account: AccountId,
        query: &ListQuery,
    ) -> impl Future<Output = Result<Page<Group>, StoreError>> + Send;
    /// Adds a member; `false` if it already was one.
    fn add_user_to_group(
        &mut self,
        account: AccountId,
        group_id: &str,
        user_id: &str,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;
    /// Removes a member; `false` if it was none.
    fn remove_user_from_group(
        &mut self,
        account: AccountId,
        group_id: &str,
        user_id: &str,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;
    /// Members of a group, by user name (the query's path prefix applies to users).
    fn group_members(
        &mut self,
        account: AccountId,
        group_id: &str,
        query: &ListQuery,
    ) -> impl Future<Output = Result<Page<User>, StoreError>> + Send;
    /// Groups of a user, by group name.
    fn groups_for_user(
        &mut self,
        account: AccountId,
        user_id: &str,
        query: &ListQuery,
    ) -> impl Future<Output = Result<Page<Group>, StoreError>> + Send;

    // ---- roles

    /// Creates a role. Conflict [`Constraint::RoleName`].
    fn insert_role(&mut self, role: &Role) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// A role by name, case-insensitively.
    fn role_by_name(
        &mut self,
        account: AccountId,
        name: &str,
    ) -> impl Future<Output = Result<Option<Role>, StoreError>> + Send;
    /// A role by unique id.
    fn role_by_id(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> impl Future<Output = Result<Option<Role>, StoreError>> + Send;
    /// Replaces the mutable fields (name, path, trust policy, description, max session
    /// duration, boundary) of the role with `role.id`; `last_used` is left alone.
    fn update_role(&mut self, role: &Role) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Deletes a role and its tags. [`Constraint::InUse`] while it has policies.
    fn delete_role(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Roles by name.
    fn list_roles(
        &mut self,
        account: AccountId,
        query: &ListQuery,
    ) -> impl Future<Output = Result<Page<Role>, StoreError>> + Send;

    // ---- managed policies

    /// Creates a managed policy with version `v1` as default. Conflict
    /// [`Constraint::PolicyName`].
    fn insert_policy(
        &mut self,
        policy: &NewPolicy,
    ) -> impl Future<Output = Result<ManagedPolicy, StoreError>> + Send;
    /// A policy by name, case-insensitively.
    fn policy_by_name(
        &mut self,
        account: AccountId,
        name: &str,
    ) -> impl Future<Output = Result<Option<ManagedPolicy>, StoreError>> + Send;
    /// A policy by unique id.
    fn policy_by_id(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> impl Future<Output = Result<Option<ManagedPolicy>, StoreError>> + Send;
    /// A policy by ARN (exact).
    fn policy_by_arn(
        &mut self,
        account: AccountId,
        arn: &str,
    ) -> impl Future<Output = Result<Option<ManagedPolicy>, StoreError>> + Send;
    /// Deletes a policy with its versions and tags. [`Constraint::InUse`] while attached.
    fn delete_policy(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Policies by name, filtered by usage.
    fn list_policies(
        &mut self,
        account: AccountId,
        usage: PolicyUsage,
        query: &ListQuery,
    ) -> impl Future<Output = Result<Page<ManagedPolicy>, StoreError>> + Send;
    /// Adds a version with the next never-used number; optionally makes it default (and sets
    /// the policy's update time to `created`).
    fn insert_policy_version(
        &mut self,
        account: AccountId,
        policy_id: &str,
        document: &str,
        created: OffsetDateTime,
        set_default: bool,
    ) -> impl Future<Output = Result<PolicyVersion, StoreError>> + Send;
    /// One version; `None` for unknown or malformed version ids.
    fn policy_version(
        &mut self,
        account: AccountId,
        policy_id: &str,
        version_id: &str,
    ) -> impl Future<Output = Result<Option<PolicyVersion>, StoreError>> + Send;
    /// All versions, newest first.
    fn policy_versions(
        &mut self,
        account: AccountId,
        policy_id: &str,
    ) -> impl Future<Output = Result<Vec<PolicyVersion>, StoreError>> + Send;
    /// Deletes a non-default version. Conflict [`Constraint::DefaultPolicyVersion`] for the
    /// default one; [`StoreError::NotFound`] for an unknown one.
    fn delete_policy_version(
        &mut self,
        account: AccountId,
        policy_id: &str,
        version_id: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Makes a version the default and sets the update time.
    fn set_default_policy_version(
        &mut self,
        account: AccountId,
        policy_id: &str,
        version_id: &str,
        updated: OffsetDateTime,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    // ---- attachments and inline policies

    /// Attaches a managed policy; `false` if already attached.
    fn attach_policy(
        &mut self,
        account: AccountId,
        holder: &PolicyHolder,
        policy_id: &str,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;
    /// Detaches a managed policy; `false` if it was not attached.
    fn detach_policy(
        &mut self,
        account: AccountId,
        holder: &PolicyHolder,
        policy_id: &str,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;
    /// Managed policies attached to a holder, in attachment order.
    fn attached_policies(
        &mut self,
        account: AccountId,
        holder: &PolicyHolder,
    ) -> impl Future<Output = Result<Vec<ManagedPolicy>, StoreError>> + Send;
    /// Holders a policy is attached to, in attachment order.
    fn policy_holders(
        &mut self,
        account: AccountId,
        policy_id: &str,
    ) -> impl Future<Output = Result<Vec<PolicyHolder>, StoreError>> + Send;
    /// Creates or replaces an inline policy (the stored name spelling is kept on replace).
    fn put_inline_policy(
        &mut self,
        account: AccountId,
        policy: &InlinePolicy,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// An inline policy by name, case-insensitively.
    fn inline_policy(
        &mut self,
        account: AccountId,
        holder: &PolicyHolder,
        name: &str,
    ) -> impl Future<Output = Result<Option<InlinePolicy>, StoreError>> + Send;
    /// Deletes an inline policy; `false` if there was none.
    fn delete_inline_policy(
        &mut self,
        account: AccountId,
        holder: &PolicyHolder,
        name: &str,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;
    /// The inline policies of a holder, by name.
    fn inline_policies(
        &mut self,
        account: AccountId,
        holder: &PolicyHolder,
    ) -> impl Future<Output = Result<Vec<InlinePolicy>, StoreError>> + Send;

    // ---- access keys

    /// Stores a new access key. Conflict [`Constraint::AccessKeyId`].
    fn insert_access_key(
        &mut self,
        key: &AccessKey,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// An access key of the account by id.
    fn access_key(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> impl Future<Output = Result<Option<AccessKey>, StoreError>> + Send;
    /// The keys of a user or of root, oldest first.
    fn access_keys(
        &mut self,
        account: AccountId,
        owner: &KeyOwner,
    ) -> impl Future<Output = Result<Vec<AccessKey>, StoreError>> + Send;
    /// Activates or deactivates a key. [`StoreError::NotFound`] if there is none.
    fn set_access_key_status(
        &mut self,
        account: AccountId,
        id: &str,
        status: KeyStatus,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Deletes a key. [`StoreError::NotFound`] if there is none.
    fn delete_access_key(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    // ---- tags

    /// The tags of an entity, in stored order.
    fn tags(
        &mut self,
        account: AccountId,
        target: &TagTarget,
    ) -> impl Future<Output = Result<Vec<Tag>, StoreError>> + Send;
    /// Replaces the tags of an entity (the operation computes the merged list).
    fn set_tags(
        &mut self,
        account: AccountId,
        target: &TagTarget,
        tags: &[Tag],
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    // ---- OIDC providers

    /// Creates an OIDC provider. Conflict [`Constraint::OidcProviderUrl`].
    fn insert_oidc_provider(
        &mut self,
        provider: &OidcProvider,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// A provider by URL (exact).
    fn oidc_provider(
        &mut self,
        account: AccountId,
        url: &str,
    ) -> impl Future<Output = Result<Option<OidcProvider>, StoreError>> + Send;
    /// Replaces client ids and thumbprints.
    fn update_oidc_provider(
        &mut self,
        provider: &OidcProvider,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Deletes a provider and its tags.
    fn delete_oidc_provider(
        &mut self,
        account: AccountId,
        url: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// All providers of the account, by URL (not paginated, api.md §1.5).
    fn list_oidc_providers(
        &mut self,
        account: AccountId,
    ) -> impl Future<Output = Result<Vec<OidcProvider>, StoreError>> + Send;

    // ---- SAML providers

    /// Creates a SAML provider (the caller checks the name is free under the account
    /// lock; a duplicate is a store error).
    fn insert_saml_provider(
        &mut self,
        provider: &SamlProvider,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// A provider by name (exact).
    fn saml_provider(
        &mut self,
        account: AccountId,
        name: &str,
    ) -> impl Future<Output = Result<Option<SamlProvider>, StoreError>> + Send;
    /// Replaces metadata, valid-until and encryption mode. [`StoreError::NotFound`] when
    /// absent.
    fn update_saml_provider(
        &mut self,
        provider: &SamlProvider,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Deletes a provider and its tags. [`StoreError::NotFound`] when absent.
    fn delete_saml_provider(
        &mut self,
        account: AccountId,
        name: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// All providers of the account, by name (not paginated, api.md §1.5).
    fn list_saml_providers(
        &mut self,
        account: AccountId,
    ) -> impl Future<Output = Result<Vec<SamlProvider>, StoreError>> + Send;
    /// The provider's private keys, oldest first (none when the provider is absent).
    fn saml_private_keys(
        &mut self,
        account: AccountId,
        provider: &str,
    ) -> impl Future<Output = Result<Vec<SamlPrivateKey>, StoreError>> + Send;
    /// Adds a private key to an existing provider (the caller checks the count under the
    /// account lock). A key id already used by the provider is a conflict.
    fn insert_saml_private_key(
        &mut self,
        account: AccountId,
        provider: &str,
        key: &SamlPrivateKey,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Removes one private key. [`StoreError::NotFound`] when the provider has no such key.
    fn delete_saml_private_key(
        &mut self,
        account: AccountId,
        provider: &str,
        key_id: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    // ---- server certificates, signing certificates, SSH keys, service-specific
    // credentials (api.md §5.15; migration 0010)

    /// Stores a server certificate. Conflict [`Constraint::EntityId`] on an id collision;
    /// the name's uniqueness is checked by the caller under `lock_account` (and enforced
    /// by a unique index).
    fn insert_server_certificate(
        &mut self,
        certificate: &crate::model::ServerCertificate,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// A server certificate by name, case-insensitively.
    fn server_certificate(
        &mut self,
        account: AccountId,
        name: &str,
    ) -> impl Future<Output = Result<Option<crate::model::ServerCertificate>, StoreError>> + Send;
    /// Replaces the name and path of the server certificate with `certificate.id`.
    /// [`StoreError::NotFound`] if there is none.
    fn update_server_certificate(
        &mut self,
        certificate: &crate::model::ServerCertificate,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Deletes a server certificate and its tags. [`StoreError::NotFound`] if there is none.
    fn delete_server_certificate(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Server certificates by name.
    fn list_server_certificates(
        &mut self,
        account: AccountId,
        query: &ListQuery,
    ) -> impl Future<Output = Result<Page<crate::model::ServerCertificate>, StoreError>> + Send;

    /// Stores a signing certificate.
    fn insert_signing_certificate(
        &mut self,
        certificate: &crate::model::SigningCertificate,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// A signing certificate of the account by id.
    fn signing_certificate(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> impl Future<Output = Result<Option<crate::model::SigningCertificate>, StoreError>> + Send;
    /// The signing certificate of the account with this fingerprint, if any.
    fn signing_certificate_by_fingerprint(
        &mut self,
        account: AccountId,
        fingerprint: &str,
    ) -> impl Future<Output = Result<Option<crate::model::SigningCertificate>, StoreError>> + Send;
    /// The signing certificates of a user or of root, oldest first.
    fn signing_certificates(
        &mut self,
        account: AccountId,
        owner: &KeyOwner,
    ) -> impl Future<Output = Result<Vec<crate::model::SigningCertificate>, StoreError>> + Send;
    /// Activates or deactivates a signing certificate. [`StoreError::NotFound`] if none.
    fn set_signing_certificate_status(
        &mut self,
        account: AccountId,
        id: &str,
        status: KeyStatus,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Deletes a signing certificate. [`StoreError::NotFound`] if there is none.
    fn delete_signing_certificate(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Stores an SSH public key.
    fn insert_ssh_public_key(
        &mut self,
        key: &crate::model::SshPublicKey,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// An SSH public key of the account by id.
    fn ssh_public_key(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> impl Future<Output = Result<Option<crate::model::SshPublicKey>, StoreError>> + Send;
    /// The SSH public keys of a user, oldest first.
    fn ssh_public_keys(
        &mut self,
        account: AccountId,
        user_id: &str,
    ) -> impl Future<Output = Result<Vec<crate::model::SshPublicKey>, StoreError>> + Send;
    /// Activates or deactivates an SSH public key. [`StoreError::NotFound`] if none.
    fn set_ssh_public_key_status(
        &mut self,
        account: AccountId,
        id: &str,
        status: KeyStatus,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Deletes an SSH public key. [`StoreError::NotFound`] if there is none.
    fn delete_ssh_public_key(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Stores a service-specific credential.
    fn insert_service_credential(
        &mut self,
        credential: &crate::model::ServiceCredential,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// A service-specific credential of the account by id.
    fn service_credential(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> impl Future<Output = Result<Option<crate::model::ServiceCredential>, StoreError>> + Send;
    /// The service-specific credentials of a user (`Some`) or of every user (`None`),
    /// oldest first.
    fn service_credentials(
        &mut self,
        account: AccountId,
        user_id: Option<&str>,
    ) -> impl Future<Output = Result<Vec<crate::model::ServiceCredential>, StoreError>> + Send;
    /// Replaces the status and the sealed password of the credential with
    /// `credential.id`. [`StoreError::NotFound`] if there is none.
    fn update_service_credential(
        &mut self,
        credential: &crate::model::ServiceCredential,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Deletes a service-specific credential. [`StoreError::NotFound`] if there is none.
    fn delete_service_credential(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    // ---- audit

    /// Stores an audit event; part of the transaction like any write.
    fn insert_audit(
        &mut self,
        event: &AuditEvent,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Stores several audit events at once (the background audit writer's batches).
    /// Backends override it with one multi-row insert; the default inserts one by one.
    fn insert_audit_batch(
        &mut self,
        events: &[AuditEvent],
    ) -> impl Future<Output = Result<(), StoreError>> + Send {
        async move {
            for event in events {
                self.insert_audit(event).await?;
            }
            Ok(())
        }
    }
    /// Audit events of an account in insertion order; [`Page::next`] is an opaque
    /// position.
    fn audit_events(
        &mut self,
        account: AccountId,
        after: Option<&str>,
        limit: u32,
    ) -> impl Future<Output = Result<Page<AuditEvent>, StoreError>> + Send;

    // ---- virtual MFA devices (api.md §5.11)

    /// Creates a virtual MFA device, unassigned. The caller checks under
    /// [`Transaction::lock_account`] that no device has this path and name.
    fn insert_mfa_device(
        &mut self,
        device: &crate::model::MfaDevice,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// A device by path and name (exact: both are part of the serial number ARN).
    fn mfa_device(
        &mut self,
        account: AccountId,
        path: &str,
        name: &str,
    ) -> impl Future<Output = Result<Option<crate::model::MfaDevice>, StoreError>> + Send;
    /// Enables a device for a user and records `step` as its last used TOTP step.
    /// [`StoreError::NotFound`] if there is no such device.
    fn enable_mfa_device(
        &mut self,
        account: AccountId,
        path: &str,
        name: &str,
        assignment: &crate::model::MfaAssignment,
        step: i64,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Unassigns a device (it keeps its seed and last used step).
    /// [`StoreError::NotFound`] if there is no such device.
    fn deactivate_mfa_device(
        &mut self,
        account: AccountId,
        path: &str,
        name: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Records `step` as the device's last used TOTP step if it is later than the stored
    /// one, atomically: `Ok(false)` when that step (or a later one) was already used, so
    /// that two concurrent requests cannot both use one code. Usage tracking: no
    /// generation bump.
    fn use_mfa_step(
        &mut self,
        account: AccountId,
        path: &str,
        name: &str,
        step: i64,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;
    /// Deletes a device and its tags. [`StoreError::NotFound`] if there is none.
    fn delete_mfa_device(
        &mut self,
        account: AccountId,
        path: &str,
        name: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// The devices enabled for a user, in creation order.
    fn user_mfa_devices(
        &mut self,
        account: AccountId,
        user_id: &str,
    ) -> impl Future<Output = Result<Vec<crate::model::MfaDevice>, StoreError>> + Send;
    /// Devices of the account in creation order, filtered by assignment (the query's path
    /// prefix is ignored: ListVirtualMFADevices has none). [`Page::next`] is the last
    /// item's creation sequence.
    fn list_mfa_devices(
        &mut self,
        account: AccountId,
        filter: crate::model::MfaAssignmentFilter,
        query: &ListQuery,
    ) -> impl Future<Output = Result<Page<crate::model::MfaDevice>, StoreError>> + Send;

    // ---- instance profiles (api.md §5.12) and workloads (`warden workload`)

    /// Creates an instance profile (the caller checks the name under `lock_account`).
    fn insert_instance_profile(
        &mut self,
        profile: &InstanceProfile,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// An instance profile by name, case-insensitively.
    fn instance_profile_by_name(
        &mut self,
        account: AccountId,
        name: &str,
    ) -> impl Future<Output = Result<Option<InstanceProfile>, StoreError>> + Send;
    /// An instance profile by unique id.
    fn instance_profile_by_id(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> impl Future<Output = Result<Option<InstanceProfile>, StoreError>> + Send;
    /// Sets or clears the role of the profile `id`. [`StoreError::NotFound`] without it.
    fn set_instance_profile_role(
        &mut self,
        account: AccountId,
        id: &str,
        role_id: Option<&str>,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Deletes an instance profile and its tags.
    fn delete_instance_profile(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Instance profiles by name.
    fn list_instance_profiles(
        &mut self,
        account: AccountId,
        query: &ListQuery,
    ) -> impl Future<Output = Result<Page<InstanceProfile>, StoreError>> + Send;
    /// The instance profiles containing the role `role_id`, by name.
    fn instance_profiles_for_role(
        &mut self,
        account: AccountId,
        role_id: &str,
        query: &ListQuery,
    ) -> impl Future<Output = Result<Page<InstanceProfile>, StoreError>> + Send;
    /// Registers a workload. Not an IAM change: no generation bump.
    fn insert_workload(
        &mut self,
        workload: &Workload,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// A workload by id, in any account (the token names it).
    fn workload(
        &mut self,
        id: &str,
    ) -> impl Future<Output = Result<Option<Workload>, StoreError>> + Send;
    /// The workloads of one account, or of all accounts, by account and creation.
    fn list_workloads(
        &mut self,
        account: Option<AccountId>,
    ) -> impl Future<Output = Result<Vec<Workload>, StoreError>> + Send;
    /// Marks a workload revoked at `at` (again: keeps the first time).
    /// [`StoreError::NotFound`] when there is no such workload.
    fn revoke_workload(
        &mut self,
        id: &str,
        at: OffsetDateTime,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    // ---- login profiles, password policy, account alias (api.md §5.10, §5.16)

    /// The login profile of a user.
    fn login_profile(
        &mut self,
        account: AccountId,
        user_id: &str,
    ) -> impl Future<Output = Result<Option<LoginProfile>, StoreError>> + Send;
    /// Creates or replaces the login profile of `profile.user_id`.
    fn put_login_profile(
        &mut self,
        profile: &LoginProfile,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Deletes a user's login profile; `false` if there was none.
    fn delete_login_profile(
        &mut self,
        account: AccountId,
        user_id: &str,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;
    /// The account password policy, when set.
    fn password_policy(
        &mut self,
        account: AccountId,
    ) -> impl Future<Output = Result<Option<PasswordPolicy>, StoreError>> + Send;
    /// Creates or replaces the account password policy.
    fn put_password_policy(
        &mut self,
        account: AccountId,
        policy: &PasswordPolicy,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Deletes the account password policy; `false` if there was none.
    fn delete_password_policy(
        &mut self,
        account: AccountId,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;
    /// The account's alias, when set.
    fn account_alias(
        &mut self,
        account: AccountId,
    ) -> impl Future<Output = Result<Option<String>, StoreError>> + Send;
    /// The account holding `alias` (exact), in the whole deployment.
    fn account_by_alias(
        &mut self,
        alias: &str,
    ) -> impl Future<Output = Result<Option<AccountId>, StoreError>> + Send;
    /// Sets (replaces) the account's alias. Aliases are unique in the deployment: check
    /// [`Transaction::account_by_alias`] first; a concurrent taker makes this fail.
    fn set_account_alias(
        &mut self,
        account: AccountId,
        alias: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Deletes the account's alias; `false` if there was none.
    fn delete_account_alias(
        &mut self,
        account: AccountId,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;
    /// Usage counts for GetAccountSummary.
    fn account_usage(
        &mut self,
        account: AccountId,
    ) -> impl Future<Output = Result<AccountUsage, StoreError>> + Send;

    // ---- AWS managed policies and bulk import (`warden import`, api.md §5.7)

    /// Managed policies by name (then ARN), filtered by owner (`Scope`) and usage: AWS
    /// managed policies live in the deployment-wide namespace [`crate::AWS_MANAGED_OWNER`]
    /// and their usage counts are those of `account`. [`Page::next`] is `name_key ARN`.
    fn list_scoped_policies(
        &mut self,
        account: AccountId,
        scope: crate::model::PolicyScope,
        usage: PolicyUsage,
        query: &ListQuery,
    ) -> impl Future<Output = Result<Page<ManagedPolicy>, StoreError>> + Send;
    /// Writes a validated import into `account` (which must exist) in this transaction:
    /// upserts AWS managed policies, customer managed policies (with all versions, ids
    /// and dates from the import), groups, users and roles by name, and replaces the
    /// memberships, attachments, inline policies and tags of every imported entity.
    /// Attachments naming an ARN that resolves to no policy are refused with
    /// [`StoreError::NotFound`]. `progress` is called with the number of entities written
    /// so far. Bumps the generation of `account`, and of every account when AWS managed
    /// policies changed (their documents are shared).
    fn import_account(
        &mut self,
        account: AccountId,
        data: &crate::model::AccountImport,
        progress: &(dyn Fn(u64) + Sync),
    ) -> impl Future<Output = Result<crate::model::ImportCounts, StoreError>> + Send;

    // ---- credential reports, report jobs, STS preferences (api.md §5.16–§5.18)

    /// The account's latest credential report, if one was ever generated.
    fn credential_report(
        &mut self,
        account: AccountId,
    ) -> impl Future<Output = Result<Option<crate::model::CredentialReport>, StoreError>> + Send;
    /// Stores the account's credential report, replacing the previous one. Derived data:
    /// no generation bump.
    fn put_credential_report(
        &mut self,
        report: &crate::model::CredentialReport,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Stores a report job (ids are fresh UUIDs; a duplicate fails). Derived data: no
    /// generation bump.
    fn insert_report_job(
        &mut self,
        job: &crate::model::ReportJob,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// A report job of the account by id (exact).
    fn report_job(
        &mut self,
        account: AccountId,
        id: &str,
    ) -> impl Future<Output = Result<Option<crate::model::ReportJob>, StoreError>> + Send;
    /// The account's STS global-endpoint token version (SetSecurityTokenServicePreferences);
    /// `None` when never set (AWS's default is `v1Token`). GetAccountSummary reports it as
    /// `GlobalEndpointTokenVersion`.
    fn global_endpoint_token_version(
        &mut self,
        account: AccountId,
    ) -> impl Future<Output = Result<Option<crate::model::GlobalEndpointTokenVersion>, StoreError>> + Send;
    /// Sets the account's STS global-endpoint token version (bumps the generation).
    fn set_global_endpoint_token_version(
        &mut self,
        account: AccountId,
        version: crate::model::GlobalEndpointTokenVersion,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    // ---- outbound web identity federation (api.md §5.21)

    /// Whether the account's outbound web identity federation is enabled (never set:
    /// disabled).
    fn outbound_federation_enabled(
        &mut self,
        account: AccountId,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;
    /// Enables or disables it (bumps the generation).
    fn set_outbound_federation_enabled(
        &mut self,
        account: AccountId,
        enabled: bool,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// The account's issuer signing keys, oldest first.
    fn outbound_signing_keys(
        &mut self,
        account: AccountId,
    ) -> impl Future<Output = Result<Vec<crate::model::OutboundSigningKey>, StoreError>> + Send;
    /// Stores a new signing key (a duplicate `kid` fails).
    fn insert_outbound_signing_key(
        &mut self,
        key: &crate::model::OutboundSigningKey,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Removes a retired signing key (absent: no error).
    fn delete_outbound_signing_key(
        &mut self,
        account: AccountId,
        kid: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
}

/// A database rule a write broke.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum Constraint {
    /// An access key with this id exists.
    AccessKeyId,
    /// The account exists.
    AccountId,
    /// An audit event with this id exists.
    AuditEventId,
    /// The default version of a policy cannot be deleted.
    DefaultPolicyVersion,
    /// An entity with this unique id exists (an id generator collision).
    EntityId,
    /// A group with this name (in any case) exists in the account.
    GroupName,
    /// The holder has an inline policy with this name (in any case).
    InlinePolicyName,
    /// The entity is still referenced (attached, has members, keys or policies), or a
    /// referenced entity does not exist.
    InUse,
    /// A provider with this URL exists in the account.
    OidcProviderUrl,
    /// A managed policy with this name (in any case) exists in the account.
    PolicyName,
    /// A role with this name (in any case) exists in the account.
    RoleName,
    /// A user with this name (in any case) exists in the account.
    UserName,
}

impl fmt::Display for Constraint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::AccessKeyId => "access key id",
            Self::AccountId => "account id",
            Self::AuditEventId => "audit event id",
            Self::DefaultPolicyVersion => "default policy version",
            Self::EntityId => "entity id",
            Self::GroupName => "group name",
            Self::InlinePolicyName => "inline policy name",
            Self::InUse => "entity in use",
            Self::OidcProviderUrl => "oidc provider url",
            Self::PolicyName => "policy name",
            Self::RoleName => "role name",
            Self::UserName => "user name",
        })
    }
}

/// An error of the database driver, kept for logs; never shown to clients.
#[derive(Debug)]
pub struct BackendError(Box<dyn std::error::Error + Send + Sync>);

impl BackendError {
    /// Wraps a driver error.
    pub fn new(error: impl std::error::Error + Send + Sync + 'static) -> Self {
        Self(Box::new(error))
    }
}

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for BackendError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

/// Why a stored value could not be turned back into a record.
#[derive(Debug, thiserror::Error)]
#[error("column `{column}` holds an invalid value")]
pub struct CorruptError {
    column: &'static str,
}

impl CorruptError {
    /// The value of `column` is invalid.
    pub fn new(column: &'static str) -> Self {
        Self { column }
    }

    /// The offending column.
    pub fn column(&self) -> &'static str {
        self.column
    }
}

/// Why a store call failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A uniqueness or reference rule of the database refused the write.
    #[error("write refused by constraint: {constraint}")]
    Conflict {
        /// The rule that was hit.
        constraint: Constraint,
    },
    /// Another transaction got in the way (deadlock, serialization failure, database busy
    /// beyond the busy timeout); retrying the whole operation may succeed.
    #[error("transaction aborted by contention")]
    Contention(#[source] BackendError),
    /// A stored value is not valid.
    #[error("stored data is corrupt")]
    Corrupt(#[source] CorruptError),
    /// Applying the schema migrations failed at startup.
    #[error("database migration failed")]
    Migration(#[source] BackendError),
    /// The entity a write addressed does not exist.
    #[error("entity not found")]
    NotFound,
    /// The database rejected a statement for another reason (a bug or schema mismatch).
    #[error("database query failed")]
    Query(#[source] BackendError),
    /// The database cannot be reached (connection refused, pool timed out, I/O error).
    #[error("database unavailable")]
    Unavailable(#[source] BackendError),
}
