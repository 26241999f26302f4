//! IAM operation handlers and the dispatch `match`.
//!
//! # How to add an operation
//!
//! The pipeline (`crate::pipeline`) has already decoded the form, authenticated the caller,
//! validated the input against the model (`IamRequest::from_query`, so the typed `*Input`
//! you receive satisfies every length/pattern/enum constraint), and opened ONE store
//! transaction (`cx.tx`). After your handler returns, the pipeline inserts the audit event
//! and commits (on `Ok`), or rolls back and audits the failure in its own transaction (on
//! `Err`). It also bumps the policy-cache epoch after every successful non-read operation,
//! so handlers never think about caching.
//!
//! 1. **File**: put the handler in the entity's file (`users.rs`, `groups.rs`,
//!    `access_keys.rs`, `roles.rs`, `policies.rs`, …; add `mod x;` below).
//! 2. **Signature**: a plain async fn
//!    ```text
//!    pub(crate) async fn create_role<S: Store>(
//!        cx: &mut Cx<'_, S>,
//!        input: CreateRoleInput,            // generated in warden_query::iam
//!    ) -> Result<Reply, ApiError>
//!    ```
//! 3. **Dispatch**: add one arm to [`dispatch`]:
//!    `IamRequest::CreateRole(input) => roles::create_role(cx, input).await,`
//!    (everything without an arm answers `NotImplemented` 501).
//! 4. **Authorize first, then check existence** (api.md §1.8 step 6-7). Resolve the target
//!    with the `Cx` helpers, which read the stored path and tags inside the transaction and
//!    compute the ARN of api.md §4.2 (request name + stored path, `/` when missing):
//!    ```text
//!    let target = cx.user(&input.user_name).await?;      // Target<User>
//!    cx.authorize(vec![
//!        Check::new("iam:DeleteUser", &target.arn).with_resource_tags(&target.tags, true),
//!    ])?;
//!    let user = target.require(|| no_such_user(&input.user_name))?;  // NoSuchEntity after authz
//!    ```
//!    Compound checks (api.md §4.3) are simply more `Check`s in the same vector, in the
//!    order whose first denial AWS reports (create action first, then `iam:Tag<Type>`;
//!    rename: old ARN then new ARN). Context keys: `with_request_tags` (Create*/Tag*),
//!    `with_tag_keys` (Untag*), `with_resource_tags`, `with_key("iam:PolicyARN", arn)` /
//!    `with_key("iam:PermissionsBoundary", arn)`. Request-wide keys (time, source IP, TLS,
//!    user agent, region, resource account, principal tags) are added by `authz.rs`.
//!    A handler that returns `Ok` without having called `cx.authorize` is turned into an
//!    `InternalFailure` by the pipeline (a guard against forgetting it).
//! 5. **Errors**: return `ApiError` variants with AWS's exact texts (api.md §5.3):
//!    `ApiError::NoSuchEntity(..)`, `EntityAlreadyExists`, `DeleteConflict`,
//!    `LimitExceeded`, `InvalidInput`, `MalformedPolicyDocument`, `Validation`. Store
//!    errors convert with `?` (`InternalFailure`/`ServiceUnavailable`); map the expected
//!    [`warden_core::StoreError::Conflict`]s (name taken, in use) to the AWS error
//!    explicitly. Never add a wire code anywhere but `error.rs`.
//! 6. **Reply**: `Reply::result(CreateRoleOutput { .. })` for operations with an output
//!    shape, `Reply::empty()` for those without (`IamOperation::output()` says which).
//!    Add `.with_audit(json!({...}))` on writes to fill CloudTrail's `responseElements`
//!    (never with secrets).
//! 7. **Quotas** that count before writing call `cx.tx.lock_account(cx.account()).await?`
//!    first, so that two concurrent calls cannot both pass the check.
//! 8. **Tests**: add the success case and each error to `tests/http.rs` (golden XML under
//!    `tests/golden/`, written on first run with `WARDEN_BLESS=1`).

mod access_advisor;
mod access_keys;
mod account;
mod attachments;
mod authorization_details;
mod boundaries;
mod credential_report;
mod groups;
mod inline_policies;
mod instance_profiles;
mod login_profiles;
mod mfa;
mod oidc;
mod outbound;
mod password_policy;
mod policies;
mod resolve;
mod roles;
pub(crate) mod saml;
mod server_certificates;
mod service_credentials;
pub(crate) mod service_linked_roles;
mod signing_certificates;
mod simulate;
mod ssh_keys;
pub(crate) mod sts;
pub(crate) mod sts_extras;
mod sts_preferences;
mod tagging;
mod tier3;
mod users;
mod web_identity;

use serde_json::Value;
use time::OffsetDateTime;
use warden_core::{Store, Tag, TagTarget, Transaction, User};
use warden_query::{IamOperation, IamRequest, WriteXml, iam};
use warden_types::AccountId;

use crate::authz::{self, Check, Compiled, Identity, RequestFacts};
use crate::error::{ApiError, InternalError};
use crate::state::AppState;

/// What a handler answers: the result element (or none) and the audit response elements.
pub(crate) struct Reply {
    pub(crate) body: Option<Box<dyn WriteXml + Send>>,
    pub(crate) audit: Option<Value>,
    /// CloudTrail `userIdentity` set by the handler (unsigned noAuth STS calls).
    pub(crate) audit_identity: Option<Value>,
}

impl Reply {
    /// A response with a `<{Op}Result>`.
    pub(crate) fn result(output: impl WriteXml + Send + 'static) -> Self {
        Self {
            body: Some(Box::new(output)),
            audit: None,
            audit_identity: None,
        }
    }

    /// A response with only `ResponseMetadata`.
    pub(crate) fn empty() -> Self {
        Self {
            body: None,
            audit: None,
            audit_identity: None,
        }
    }

    /// CloudTrail `responseElements` for this call.
    pub(crate) fn with_audit(mut self, elements: Value) -> Self {
        self.audit = Some(elements);
        self
    }

    /// CloudTrail `userIdentity` for a call whose caller the handler established (an
    /// unsigned AssumeRoleWithWebIdentity / AssumeRoleWithSAML).
    pub(crate) fn with_audit_identity(mut self, identity: Value) -> Self {
        self.audit_identity = Some(identity);
        self
    }
}

/// The handler context: the open transaction, the caller and the request facts.
pub(crate) struct Cx<'a, S: Store> {
    /// The operation's one transaction.
    pub(crate) tx: S::Tx,
    /// The authenticated caller.
    pub(crate) caller: &'a Compiled,
    /// The access key the request was signed with.
    #[expect(
        dead_code,
        reason = "for handlers that report the calling key (STS, later)"
    )]
    pub(crate) access_key_id: &'a str,
    pub(crate) state: &'a AppState<S>,
    pub(crate) facts: &'a RequestFacts,
    /// The request time (second precision).
    pub(crate) now: OffsetDateTime,
    pub(crate) authorized: bool,
    /// The call only reads (its `tx` is autocommit): entity reads may come from the
    /// node's caches (`crate::entity_cache`), which a mutation must never use.
    pub(crate) reads_only: bool,
}

/// A named entity as resolved for authorization: its ARN (api.md §4.2), its current tags,
/// and the stored record when it exists.
pub(crate) struct Target<T> {
    pub(crate) arn: String,
    pub(crate) tags: Vec<Tag>,
    pub(crate) entity: Option<T>,
}

impl<T> Target<T> {
    /// The entity, or the given error (`NoSuchEntity`) — call after `authorize`.
    pub(crate) fn require(self, missing: impl FnOnce() -> ApiError) -> Result<T, ApiError> {
        self.entity.ok_or_else(missing)
    }
}

/// Whose credentials an operation with an optional `UserName` addresses.
pub(crate) enum UserTarget {
    /// The root user (root caller, no `UserName`).
    Root,
    /// A user named in the request or the calling user.
    Named(String),
}

impl<S: Store> Cx<'_, S> {
    /// The caller's account.
    pub(crate) fn account(&self) -> AccountId {
        self.caller.account
    }

    /// `arn:P:iam::ACCT:<kind><path><name>`.
    pub(crate) fn arn(&self, kind: &str, path: &str, name: &str) -> String {
        authz::entity_arn(
            &self.state.config().partition,
            self.account(),
            kind,
            path,
            name,
        )
    }

    /// The root ARN of the caller's account.
    pub(crate) fn root_arn(&self) -> String {
        format!(
            "arn:{}:iam::{}:root",
            self.state.config().partition,
            self.account()
        )
    }

    /// Evaluates the checks (all must pass; the first denial is reported).
    pub(crate) fn authorize(&mut self, checks: Vec<Check>) -> Result<(), ApiError> {
        self.authorized = true;
        authz::authorize(
            self.caller,
            self.facts,
            &checks,
            &self.state.inner().metrics,
        )
    }

    /// Resolves a user by name for authorization.
    pub(crate) async fn user(&mut self, name: &str) -> Result<Target<User>, ApiError> {
        let account = self.account();
        let inner = self.state.inner();
        if self.reads_only
            && let Some(cached) = inner.entities.user(&inner.cache, account, name)
        {
            return Ok(Target {
                arn: self.arn("user", &cached.entity.path, name),
                tags: cached.tags.clone(),
                entity: Some(cached.entity.clone()),
            });
        }
        // Read before the rows: a change landing meanwhile leaves the entry stale.
        let epoch = inner.cache.epoch(account);
        let entity = self.tx.user_by_name(account, name).await?;
        let (path, tags) = match &entity {
            Some(u) => (
                u.path.clone(),
                self.tx
                    .tags(account, &TagTarget::User(u.id.clone()))
                    .await?,
            ),
            None => ("/".to_owned(), Vec::new()),
        };
        if self.reads_only
            && let Some(user) = &entity
        {
            self.state
                .inner()
                .entities
                .put_user(epoch, user.clone(), tags.clone());
        }
        Ok(Target {
            arn: self.arn("user", &path, name),
            tags,
            entity,
        })
    }

    /// For operations whose `UserName` is optional (api.md §4.2): the named user, or the
    /// caller itself (root → root). A role or federated session has no user to default to:
    /// `ValidationError`, as IAM answers.
    pub(crate) fn user_or_caller(&self, name: Option<&str>) -> Result<UserTarget, ApiError> {
        match (name, &self.caller.identity) {
            (Some(n), _) => Ok(UserTarget::Named(n.to_owned())),
            (None, Identity::Root) => Ok(UserTarget::Root),
            (None, Identity::User(u)) => Ok(UserTarget::Named(u.name.clone())),
            (None, Identity::Session | Identity::Unauthenticated) => Err(ApiError::Validation(
                "Must specify userName when calling with non-User credentials".to_owned(),
            )),
        }
    }
}

/// `The user with name <name> cannot be found.` (api.md §5.3).
pub(crate) fn no_such_user(name: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("The user with name {name} cannot be found."))
}

/// `The group with name <name> cannot be found.` (api.md §5.3).
pub(crate) fn no_such_group(name: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("The group with name {name} cannot be found."))
}

/// Store timestamps to wire timestamps.
pub(crate) fn ts(t: OffsetDateTime) -> warden_query::Timestamp {
    warden_query::Timestamp::from_unix_seconds(t.unix_timestamp())
}

/// Wire tags.
pub(crate) fn wire_tags(tags: &[Tag]) -> Vec<iam::Tag> {
    tags.iter()
        .map(|t| iam::Tag {
            key: t.key.clone(),
            value: t.value.clone(),
        })
        .collect()
}

/// The pagination scope of a listing: the operation plus its filters (api.md §1.5).
pub(crate) fn marker_scope(operation: &str, filters: &[(&str, &str)]) -> String {
    let mut s = operation.to_owned();
    for (k, v) in filters {
        s.push('/');
        s.push_str(k);
        s.push('=');
        s.push_str(v);
    }
    s
}

/// A `ListQuery` from `Marker`/`MaxItems`.
pub(crate) fn list_query(
    scope: &str,
    path_prefix: Option<&str>,
    marker: Option<&str>,
    max_items: Option<i32>,
) -> Result<warden_core::ListQuery, ApiError> {
    let after = marker
        .map(|m| warden_query::decode_marker(scope, m))
        .transpose()
        .map_err(|_| ApiError::Validation(warden_query::MarkerError::WIRE_MESSAGE.to_owned()))?;
    let limit = u32::try_from(warden_query::page_size(max_items)).unwrap_or(100);
    Ok(warden_core::ListQuery {
        path_prefix: path_prefix.unwrap_or("/").to_owned(),
        after,
        limit,
    })
}

/// `(IsTruncated, Marker)` for a page's `next` key.
pub(crate) fn page_marker(
    scope: &str,
    next: Option<&str>,
) -> Result<(bool, Option<String>), ApiError> {
    match next {
        None => Ok((false, None)),
        Some(key) => {
            let marker = warden_query::encode_marker(scope, key).map_err(|_| {
                ApiError::Internal(InternalError::Contract("sort key too long for a marker"))
            })?;
            Ok((true, Some(marker)))
        }
    }
}

/// Routes a validated request to its handler; operations without a handler answer
/// `NotImplemented` (501).
pub(crate) async fn dispatch<S: Store>(
    cx: &mut Cx<'_, S>,
    request: IamRequest,
) -> Result<Reply, ApiError> {
    match request {
        // users
        IamRequest::CreateUser(i) => users::create_user(cx, i).await,
        IamRequest::GetUser(i) => users::get_user(cx, i).await,
        IamRequest::ListUsers(i) => users::list_users(cx, i).await,
        IamRequest::UpdateUser(i) => users::update_user(cx, i).await,
        IamRequest::DeleteUser(i) => users::delete_user(cx, i).await,
        IamRequest::TagUser(i) => users::tag_user(cx, i).await,
        IamRequest::UntagUser(i) => users::untag_user(cx, i).await,
        IamRequest::ListUserTags(i) => users::list_user_tags(cx, i).await,
        // groups
        IamRequest::CreateGroup(i) => groups::create_group(cx, i).await,
        IamRequest::GetGroup(i) => groups::get_group(cx, i).await,
        IamRequest::ListGroups(i) => groups::list_groups(cx, i).await,
        IamRequest::UpdateGroup(i) => groups::update_group(cx, i).await,
        IamRequest::DeleteGroup(i) => groups::delete_group(cx, i).await,
        IamRequest::AddUserToGroup(i) => groups::add_user_to_group(cx, i).await,
        IamRequest::RemoveUserFromGroup(i) => groups::remove_user_from_group(cx, i).await,
        IamRequest::ListGroupsForUser(i) => groups::list_groups_for_user(cx, i).await,
        // access keys
        IamRequest::CreateAccessKey(i) => access_keys::create_access_key(cx, i).await,
        IamRequest::ListAccessKeys(i) => access_keys::list_access_keys(cx, i).await,
        IamRequest::UpdateAccessKey(i) => access_keys::update_access_key(cx, i).await,
        IamRequest::DeleteAccessKey(i) => access_keys::delete_access_key(cx, i).await,
        IamRequest::GetAccessKeyLastUsed(i) => access_keys::get_access_key_last_used(cx, i).await,
        // roles
        IamRequest::CreateRole(i) => roles::create_role(cx, i).await,
        IamRequest::GetRole(i) => roles::get_role(cx, i).await,
        IamRequest::ListRoles(i) => roles::list_roles(cx, i).await,
        IamRequest::UpdateRole(i) => roles::update_role(cx, i).await,
        IamRequest::UpdateRoleDescription(i) => roles::update_role_description(cx, i).await,
        IamRequest::UpdateAssumeRolePolicy(i) => roles::update_assume_role_policy(cx, i).await,
        IamRequest::DeleteRole(i) => roles::delete_role(cx, i).await,
        IamRequest::TagRole(i) => roles::tag_role(cx, i).await,
        IamRequest::UntagRole(i) => roles::untag_role(cx, i).await,
        IamRequest::ListRoleTags(i) => roles::list_role_tags(cx, i).await,
        // managed policies and versions
        IamRequest::CreatePolicy(i) => policies::create_policy(cx, i).await,
        IamRequest::GetPolicy(i) => policies::get_policy(cx, i).await,
        IamRequest::ListPolicies(i) => policies::list_policies(cx, i).await,
        IamRequest::DeletePolicy(i) => policies::delete_policy(cx, i).await,
        IamRequest::CreatePolicyVersion(i) => policies::create_policy_version(cx, i).await,
        IamRequest::GetPolicyVersion(i) => policies::get_policy_version(cx, i).await,
        IamRequest::ListPolicyVersions(i) => policies::list_policy_versions(cx, i).await,
        IamRequest::DeletePolicyVersion(i) => policies::delete_policy_version(cx, i).await,
        IamRequest::SetDefaultPolicyVersion(i) => policies::set_default_policy_version(cx, i).await,
        IamRequest::TagPolicy(i) => policies::tag_policy(cx, i).await,
        IamRequest::UntagPolicy(i) => policies::untag_policy(cx, i).await,
        IamRequest::ListPolicyTags(i) => policies::list_policy_tags(cx, i).await,
        // attachments
        IamRequest::AttachUserPolicy(i) => attachments::attach_user_policy(cx, i).await,
        IamRequest::AttachGroupPolicy(i) => attachments::attach_group_policy(cx, i).await,
        IamRequest::AttachRolePolicy(i) => attachments::attach_role_policy(cx, i).await,
        IamRequest::DetachUserPolicy(i) => attachments::detach_user_policy(cx, i).await,
        IamRequest::DetachGroupPolicy(i) => attachments::detach_group_policy(cx, i).await,
        IamRequest::DetachRolePolicy(i) => attachments::detach_role_policy(cx, i).await,
        IamRequest::ListAttachedUserPolicies(i) => {
            attachments::list_attached_user_policies(cx, i).await
        }
        IamRequest::ListAttachedGroupPolicies(i) => {
            attachments::list_attached_group_policies(cx, i).await
        }
        IamRequest::ListAttachedRolePolicies(i) => {
            attachments::list_attached_role_policies(cx, i).await
        }
        IamRequest::ListEntitiesForPolicy(i) => attachments::list_entities_for_policy(cx, i).await,
        // inline policies
        IamRequest::PutUserPolicy(i) => inline_policies::put_user_policy(cx, i).await,
        IamRequest::PutGroupPolicy(i) => inline_policies::put_group_policy(cx, i).await,
        IamRequest::PutRolePolicy(i) => inline_policies::put_role_policy(cx, i).await,
        IamRequest::GetUserPolicy(i) => inline_policies::get_user_policy(cx, i).await,
        IamRequest::GetGroupPolicy(i) => inline_policies::get_group_policy(cx, i).await,
        IamRequest::GetRolePolicy(i) => inline_policies::get_role_policy(cx, i).await,
        IamRequest::DeleteUserPolicy(i) => inline_policies::delete_user_policy(cx, i).await,
        IamRequest::DeleteGroupPolicy(i) => inline_policies::delete_group_policy(cx, i).await,
        IamRequest::DeleteRolePolicy(i) => inline_policies::delete_role_policy(cx, i).await,
        IamRequest::ListUserPolicies(i) => inline_policies::list_user_policies(cx, i).await,
        IamRequest::ListGroupPolicies(i) => inline_policies::list_group_policies(cx, i).await,
        IamRequest::ListRolePolicies(i) => inline_policies::list_role_policies(cx, i).await,
        // permissions boundaries
        IamRequest::PutUserPermissionsBoundary(i) => {
            boundaries::put_user_permissions_boundary(cx, i).await
        }
        IamRequest::PutRolePermissionsBoundary(i) => {
            boundaries::put_role_permissions_boundary(cx, i).await
        }
        IamRequest::DeleteUserPermissionsBoundary(i) => {
            boundaries::delete_user_permissions_boundary(cx, i).await
        }
        IamRequest::DeleteRolePermissionsBoundary(i) => {
            boundaries::delete_role_permissions_boundary(cx, i).await
        }
        // OIDC providers
        IamRequest::CreateOpenIDConnectProvider(i) => {
            oidc::create_open_id_connect_provider(cx, i).await
        }
        IamRequest::GetOpenIDConnectProvider(i) => oidc::get_open_id_connect_provider(cx, i).await,
        IamRequest::ListOpenIDConnectProviders(i) => {
            oidc::list_open_id_connect_providers(cx, i).await
        }
        IamRequest::DeleteOpenIDConnectProvider(i) => {
            oidc::delete_open_id_connect_provider(cx, i).await
        }
        IamRequest::AddClientIDToOpenIDConnectProvider(i) => {
            oidc::add_client_id_to_open_id_connect_provider(cx, i).await
        }
        IamRequest::RemoveClientIDFromOpenIDConnectProvider(i) => {
            oidc::remove_client_id_from_open_id_connect_provider(cx, i).await
        }
        IamRequest::UpdateOpenIDConnectProviderThumbprint(i) => {
            oidc::update_open_id_connect_provider_thumbprint(cx, i).await
        }
        IamRequest::TagOpenIDConnectProvider(i) => oidc::tag_open_id_connect_provider(cx, i).await,
        IamRequest::UntagOpenIDConnectProvider(i) => {
            oidc::untag_open_id_connect_provider(cx, i).await
        }
        IamRequest::ListOpenIDConnectProviderTags(i) => {
            oidc::list_open_id_connect_provider_tags(cx, i).await
        }
        // instance profiles
        IamRequest::CreateInstanceProfile(i) => {
            instance_profiles::create_instance_profile(cx, i).await
        }
        IamRequest::GetInstanceProfile(i) => instance_profiles::get_instance_profile(cx, i).await,
        IamRequest::DeleteInstanceProfile(i) => {
            instance_profiles::delete_instance_profile(cx, i).await
        }
        IamRequest::ListInstanceProfiles(i) => {
            instance_profiles::list_instance_profiles(cx, i).await
        }
        IamRequest::ListInstanceProfilesForRole(i) => {
            instance_profiles::list_instance_profiles_for_role(cx, i).await
        }
        IamRequest::AddRoleToInstanceProfile(i) => {
            instance_profiles::add_role_to_instance_profile(cx, i).await
        }
        IamRequest::RemoveRoleFromInstanceProfile(i) => {
            instance_profiles::remove_role_from_instance_profile(cx, i).await
        }
        IamRequest::TagInstanceProfile(i) => instance_profiles::tag_instance_profile(cx, i).await,
        IamRequest::UntagInstanceProfile(i) => {
            instance_profiles::untag_instance_profile(cx, i).await
        }
        IamRequest::ListInstanceProfileTags(i) => {
            instance_profiles::list_instance_profile_tags(cx, i).await
        }
        // SAML providers
        IamRequest::CreateSAMLProvider(i) => saml::create_saml_provider(cx, i).await,
        IamRequest::GetSAMLProvider(i) => saml::get_saml_provider(cx, i).await,
        IamRequest::UpdateSAMLProvider(i) => saml::update_saml_provider(cx, i).await,
        IamRequest::DeleteSAMLProvider(i) => saml::delete_saml_provider(cx, i).await,
        IamRequest::ListSAMLProviders(i) => saml::list_saml_providers(cx, i).await,
        IamRequest::TagSAMLProvider(i) => saml::tag_saml_provider(cx, i).await,
        IamRequest::UntagSAMLProvider(i) => saml::untag_saml_provider(cx, i).await,
        IamRequest::ListSAMLProviderTags(i) => saml::list_saml_provider_tags(cx, i).await,
        // policy simulation
        IamRequest::SimulateCustomPolicy(i) => simulate::simulate_custom_policy(cx, i).await,
        IamRequest::SimulatePrincipalPolicy(i) => simulate::simulate_principal_policy(cx, i).await,
        IamRequest::GetContextKeysForCustomPolicy(i) => {
            simulate::get_context_keys_for_custom_policy(cx, i).await
        }
        IamRequest::GetContextKeysForPrincipalPolicy(i) => {
            simulate::get_context_keys_for_principal_policy(cx, i).await
        }
        // virtual MFA devices
        IamRequest::CreateVirtualMFADevice(i) => mfa::create_virtual_mfa_device(cx, i).await,
        IamRequest::EnableMFADevice(i) => mfa::enable_mfa_device(cx, i).await,
        IamRequest::ResyncMFADevice(i) => mfa::resync_mfa_device(cx, i).await,
        IamRequest::DeactivateMFADevice(i) => mfa::deactivate_mfa_device(cx, i).await,
        IamRequest::DeleteVirtualMFADevice(i) => mfa::delete_virtual_mfa_device(cx, i).await,
        IamRequest::GetMFADevice(i) => mfa::get_mfa_device(cx, i).await,
        IamRequest::ListMFADevices(i) => mfa::list_mfa_devices(cx, i).await,
        IamRequest::ListVirtualMFADevices(i) => mfa::list_virtual_mfa_devices(cx, i).await,
        IamRequest::TagMFADevice(i) => mfa::tag_mfa_device(cx, i).await,
        IamRequest::UntagMFADevice(i) => mfa::untag_mfa_device(cx, i).await,
        IamRequest::ListMFADeviceTags(i) => mfa::list_mfa_device_tags(cx, i).await,
        // login profiles and the password policy (api.md §5.10)
        IamRequest::CreateLoginProfile(i) => login_profiles::create_login_profile(cx, i).await,
        IamRequest::GetLoginProfile(i) => login_profiles::get_login_profile(cx, i).await,
        IamRequest::UpdateLoginProfile(i) => login_profiles::update_login_profile(cx, i).await,
        IamRequest::DeleteLoginProfile(i) => login_profiles::delete_login_profile(cx, i).await,
        IamRequest::ChangePassword(i) => login_profiles::change_password(cx, i).await,
        IamRequest::UpdateAccountPasswordPolicy(i) => {
            password_policy::update_account_password_policy(cx, i).await
        }
        IamRequest::GetAccountPasswordPolicy => {
            password_policy::get_account_password_policy(cx).await
        }
        IamRequest::DeleteAccountPasswordPolicy => {
            password_policy::delete_account_password_policy(cx).await
        }
        // account (api.md §5.16)
        IamRequest::CreateAccountAlias(i) => account::create_account_alias(cx, i).await,
        IamRequest::DeleteAccountAlias(i) => account::delete_account_alias(cx, i).await,
        IamRequest::ListAccountAliases(i) => account::list_account_aliases(cx, i).await,
        IamRequest::GetAccountSummary => account::get_account_summary(cx).await,
        // outbound web identity federation (api.md §5.21)
        IamRequest::EnableOutboundWebIdentityFederation => outbound::enable(cx).await,
        IamRequest::DisableOutboundWebIdentityFederation => outbound::disable(cx).await,
        IamRequest::GetOutboundWebIdentityFederationInfo => outbound::info(cx).await,
        IamRequest::GetAccountAuthorizationDetails(i) => {
            authorization_details::get_account_authorization_details(cx, i).await
        }
        // credential report
        IamRequest::GenerateCredentialReport => {
            credential_report::generate_credential_report(cx).await
        }
        IamRequest::GetCredentialReport => credential_report::get_credential_report(cx).await,
        // access advisor
        IamRequest::GenerateServiceLastAccessedDetails(i) => {
            access_advisor::generate_service_last_accessed_details(cx, i).await
        }
        IamRequest::GetServiceLastAccessedDetails(i) => {
            access_advisor::get_service_last_accessed_details(cx, i).await
        }
        IamRequest::GetServiceLastAccessedDetailsWithEntities(i) => {
            access_advisor::get_service_last_accessed_details_with_entities(cx, i).await
        }
        IamRequest::ListPoliciesGrantingServiceAccess(i) => {
            access_advisor::list_policies_granting_service_access(cx, i).await
        }
        // service-linked roles
        IamRequest::CreateServiceLinkedRole(i) => {
            service_linked_roles::create_service_linked_role(cx, i).await
        }
        IamRequest::DeleteServiceLinkedRole(i) => {
            service_linked_roles::delete_service_linked_role(cx, i).await
        }
        IamRequest::GetServiceLinkedRoleDeletionStatus(i) => {
            service_linked_roles::get_service_linked_role_deletion_status(cx, i).await
        }
        // STS preferences
        IamRequest::SetSecurityTokenServicePreferences(i) => {
            sts_preferences::set_security_token_service_preferences(cx, i).await
        }
        // tier 3: Organizations and delegation requests (refusals)
        IamRequest::GenerateOrganizationsAccessReport(i) => {
            tier3::generate_organizations_access_report(cx, i).await
        }
        IamRequest::GetOrganizationsAccessReport(i) => {
            tier3::get_organizations_access_report(cx, i).await
        }
        IamRequest::ListOrganizationsFeatures(_) => {
            tier3::organizations_feature(cx, "ListOrganizationsFeatures")
        }
        IamRequest::EnableOrganizationsRootCredentialsManagement(_) => {
            tier3::organizations_feature(cx, "EnableOrganizationsRootCredentialsManagement")
        }
        IamRequest::DisableOrganizationsRootCredentialsManagement(_) => {
            tier3::organizations_feature(cx, "DisableOrganizationsRootCredentialsManagement")
        }
        IamRequest::EnableOrganizationsRootSessions(_) => {
            tier3::organizations_feature(cx, "EnableOrganizationsRootSessions")
        }
        IamRequest::DisableOrganizationsRootSessions(_) => {
            tier3::organizations_feature(cx, "DisableOrganizationsRootSessions")
        }
        IamRequest::CreateDelegationRequest(i) => tier3::create_delegation_request(cx, &i),
        IamRequest::GetDelegationRequest(i) => {
            tier3::delegation_lookup(cx, "GetDelegationRequest", &i.delegation_request_id)
        }
        IamRequest::AcceptDelegationRequest(i) => {
            tier3::delegation_lookup(cx, "AcceptDelegationRequest", &i.delegation_request_id)
        }
        IamRequest::AssociateDelegationRequest(i) => {
            tier3::delegation_lookup(cx, "AssociateDelegationRequest", &i.delegation_request_id)
        }
        IamRequest::RejectDelegationRequest(i) => {
            tier3::delegation_lookup(cx, "RejectDelegationRequest", &i.delegation_request_id)
        }
        IamRequest::UpdateDelegationRequest(i) => {
            tier3::delegation_lookup(cx, "UpdateDelegationRequest", &i.delegation_request_id)
        }
        IamRequest::SendDelegationToken(i) => {
            tier3::delegation_lookup(cx, "SendDelegationToken", &i.delegation_request_id)
        }
        IamRequest::GetHumanReadableSummary(i) => tier3::get_human_readable_summary(cx, &i),
        IamRequest::ListDelegationRequests(i) => tier3::list_delegation_requests(cx, &i),
        // server certificates, signing certificates, SSH keys, service-specific credentials
        IamRequest::UploadServerCertificate(i) => {
            server_certificates::upload_server_certificate(cx, i).await
        }
        IamRequest::GetServerCertificate(i) => {
            server_certificates::get_server_certificate(cx, i).await
        }
        IamRequest::ListServerCertificates(i) => {
            server_certificates::list_server_certificates(cx, i).await
        }
        IamRequest::UpdateServerCertificate(i) => {
            server_certificates::update_server_certificate(cx, i).await
        }
        IamRequest::DeleteServerCertificate(i) => {
            server_certificates::delete_server_certificate(cx, i).await
        }
        IamRequest::TagServerCertificate(i) => {
            server_certificates::tag_server_certificate(cx, i).await
        }
        IamRequest::UntagServerCertificate(i) => {
            server_certificates::untag_server_certificate(cx, i).await
        }
        IamRequest::ListServerCertificateTags(i) => {
            server_certificates::list_server_certificate_tags(cx, i).await
        }
        IamRequest::UploadSigningCertificate(i) => {
            signing_certificates::upload_signing_certificate(cx, i).await
        }
        IamRequest::ListSigningCertificates(i) => {
            signing_certificates::list_signing_certificates(cx, i).await
        }
        IamRequest::UpdateSigningCertificate(i) => {
            signing_certificates::update_signing_certificate(cx, i).await
        }
        IamRequest::DeleteSigningCertificate(i) => {
            signing_certificates::delete_signing_certificate(cx, i).await
        }
        IamRequest::UploadSSHPublicKey(i) => ssh_keys::upload_ssh_public_key(cx, i).await,
        IamRequest::GetSSHPublicKey(i) => ssh_keys::get_ssh_public_key(cx, i).await,
        IamRequest::ListSSHPublicKeys(i) => ssh_keys::list_ssh_public_keys(cx, i).await,
        IamRequest::UpdateSSHPublicKey(i) => ssh_keys::update_ssh_public_key(cx, i).await,
        IamRequest::DeleteSSHPublicKey(i) => ssh_keys::delete_ssh_public_key(cx, i).await,
        IamRequest::CreateServiceSpecificCredential(i) => {
            service_credentials::create_service_specific_credential(cx, i).await
        }
        IamRequest::ListServiceSpecificCredentials(i) => {
            service_credentials::list_service_specific_credentials(cx, i).await
        }
        IamRequest::ResetServiceSpecificCredential(i) => {
            service_credentials::reset_service_specific_credential(cx, i).await
        }
        IamRequest::UpdateServiceSpecificCredential(i) => {
            service_credentials::update_service_specific_credential(cx, i).await
        }
        IamRequest::DeleteServiceSpecificCredential(i) => {
            service_credentials::delete_service_specific_credential(cx, i).await
        }
    }
}

/// `NotImplemented` for a real IAM operation without a handler yet.
pub(crate) fn not_implemented_iam(operation: IamOperation) -> ApiError {
    ApiError::NotImplemented {
        service: "IAM",
        operation: operation.name(),
    }
}

/// Tags per resource (api.md §3.5).
const TAGS_PER_RESOURCE: usize = 50;

/// Checks tags of a request for users and roles (case-insensitive keys, api.md §3.5) and
/// merges them into `existing`: duplicates in the request, reserved `aws:` keys and more
/// than 50 resulting tags are refused; a key given again replaces the stored one (the new
/// spelling wins).
pub(crate) fn apply_tags(existing: &[Tag], new: &[iam::Tag]) -> Result<Vec<Tag>, ApiError> {
    check_new_tags(new, existing)
}

/// See [`apply_tags`]; with `existing` empty this validates the tags of a Create* call.
pub(crate) fn check_new_tags(new: &[iam::Tag], existing: &[Tag]) -> Result<Vec<Tag>, ApiError> {
    let mut seen = std::collections::HashSet::new();
    for t in new {
        if !seen.insert(t.key.to_lowercase()) {
            return Err(ApiError::InvalidInput(
                "Duplicate tag keys found. Please note that Tag keys are case insensitive."
                    .to_owned(),
            ));
        }
        // Keys or values starting with `aws:` are reserved (api.md §3.5; wording VERIFY).
        if t.key.to_lowercase().starts_with("aws:") {
            return Err(ApiError::InvalidInput(
                "Tag keys starting with 'aws:' are reserved for internal use.".to_owned(),
            ));
        }
        if t.value.to_lowercase().starts_with("aws:") {
            return Err(ApiError::InvalidInput(
                "Tag values starting with 'aws:' are reserved for internal use.".to_owned(),
            ));
        }
    }
    let mut merged: Vec<Tag> = existing
        .iter()
        .filter(|e| !seen.contains(&e.key.to_lowercase()))
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

/// `existing` without the given keys (case-insensitive, for users and roles).
pub(crate) fn remove_tags(existing: &[Tag], keys: &[String]) -> Vec<Tag> {
    let drop: std::collections::HashSet<String> = keys.iter().map(|k| k.to_lowercase()).collect();
    existing
        .iter()
        .filter(|t| !drop.contains(&t.key.to_lowercase()))
        .cloned()
        .collect()
}

/// Tags in AWS's observed listing order: by key length, then key (api.md §1.5).
pub(crate) fn sorted_tags(mut tags: Vec<Tag>) -> Vec<Tag> {
    tags.sort_by(|a, b| (a.key.len(), &a.key).cmp(&(b.key.len(), &b.key)));
    tags
}

fn tag_sort_key(t: &Tag) -> String {
    format!("{:03}:{}", t.key.len(), t.key)
}

/// One page of already sorted tags after `query.after`; returns the page and the next key.
pub(crate) fn paginate_tags(
    tags: Vec<Tag>,
    query: &warden_core::ListQuery,
) -> (Vec<Tag>, Option<String>) {
    let rest: Vec<Tag> = tags
        .into_iter()
        .filter(|t| query.after.as_ref().is_none_or(|a| tag_sort_key(t) > *a))
        .collect();
    let page = warden_core::Page::from_overfetch(rest, query.limit, tag_sort_key);
    (page.items, page.next)
}
