//! STS operation handlers (api.md §6): AssumeRole, GetSessionToken, GetFederationToken,
//! GetCallerIdentity and GetAccessKeyInfo here; AssumeRoleWithWebIdentity in
//! `web_identity.rs`, AssumeRoleWithSAML in `saml.rs`, GetWebIdentityToken in `outbound.rs`,
//! DecodeAuthorizationMessage, AssumeRoot and GetDelegatedAccessToken in `sts_extras.rs`.
//!
//! Issued sessions are self-contained sealed tokens (ADR 0004, `crate::sessions`): issuing
//! writes nothing but the audit event (and AssumeRole's `RoleLastUsed`).
//!
//! `SerialNumber` + `TokenCode` are verified against the caller's MFA devices by
//! `super::mfa::verify_token_code` (api.md §6.2 step 3); a valid code makes the new session
//! MFA-authenticated (`aws:MultiFactorAuthPresent`, `aws:MultiFactorAuthAge`), and so does
//! an MFA-authenticated calling session.

use serde_json::json;
use warden_core::{RoleLastUsed, Store, TagTarget, Transaction};
use warden_policy::document::PolicyKind;
use warden_query::StsOperation;
use warden_query::sts::{
    AssumeRoleInput, AssumeRoleOutput, AssumedRoleUser, Credentials, FederatedUser,
    GetAccessKeyInfoInput, GetAccessKeyInfoOutput, GetCallerIdentityOutput,
    GetFederationTokenInput, GetFederationTokenOutput, GetSessionTokenInput, GetSessionTokenOutput,
    PolicyDescriptorType, StsRequest, Tag,
};
use warden_sts::rules::{self, DurationRequest, Service};
use warden_sts::{IssuingOperation, SessionKind, SessionRecord};
use warden_types::AccountId;

use super::resolve::policy_error;
use super::{Cx, Reply};
use crate::authz::{self, Check, Identity};
use crate::error::{ApiError, InternalError};
use crate::sessions;

/// The longest inline session policy (api.md §7.2).
const SESSION_POLICY_MAX: usize = 2_048;

/// Whether the server has a handler for `op` (the others answer `NotImplemented`).
pub(crate) fn implemented(op: StsOperation) -> bool {
    matches!(
        op,
        StsOperation::AssumeRole
            | StsOperation::GetCallerIdentity
            | StsOperation::GetSessionToken
            | StsOperation::GetFederationToken
            | StsOperation::GetAccessKeyInfo
            | StsOperation::AssumeRoleWithWebIdentity
            | StsOperation::AssumeRoleWithSAML
            | StsOperation::DecodeAuthorizationMessage
            | StsOperation::AssumeRoot
            | StsOperation::GetDelegatedAccessToken
            | StsOperation::GetWebIdentityToken
    )
}

/// Routes a validated STS request to its handler.
pub(crate) async fn dispatch<S: Store>(
    cx: &mut Cx<'_, S>,
    request: StsRequest,
) -> Result<Reply, ApiError> {
    match request {
        StsRequest::AssumeRole(i) => assume_role(cx, i).await,
        StsRequest::GetCallerIdentity(_) => get_caller_identity(cx),
        StsRequest::GetSessionToken(i) => get_session_token(cx, i).await,
        StsRequest::GetFederationToken(i) => get_federation_token(cx, i).await,
        StsRequest::GetAccessKeyInfo(i) => get_access_key_info(cx, i).await,
        StsRequest::AssumeRoleWithWebIdentity(i) => {
            super::web_identity::assume_role_with_web_identity(cx, i).await
        }
        StsRequest::AssumeRoleWithSAML(i) => super::saml::assume_role_with_saml(cx, i).await,
        StsRequest::DecodeAuthorizationMessage(i) => super::sts_extras::decode(cx, &i),
        StsRequest::AssumeRoot(i) => super::sts_extras::assume_root(cx, &i),
        StsRequest::GetWebIdentityToken(i) => super::outbound::get_web_identity_token(cx, i).await,
        StsRequest::GetDelegatedAccessToken(i) => {
            super::sts_extras::get_delegated_access_token(cx, &i)
        }
    }
}

/// GetCallerIdentity (api.md §6.7): always allowed, explicit denies ignored.
fn get_caller_identity<S: Store>(cx: &mut Cx<'_, S>) -> Result<Reply, ApiError> {
    cx.authorize(Vec::new())?;
    Ok(Reply::result(GetCallerIdentityOutput {
        user_id: Some(cx.caller.user_id()),
        account: Some(cx.account().to_string()),
        arn: Some(cx.caller.arn().to_owned()),
    }))
}

/// GetAccessKeyInfo (api.md §6.8): the account of a key of this installation, else the
/// account embedded in the id.
async fn get_access_key_info<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetAccessKeyInfoInput,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new("sts:GetAccessKeyInfo", "*")])?;
    let id = input.access_key_id;
    let stored = if sessions::is_session_key(&id) {
        None
    } else {
        cx.state.store()?.access_key(&id).await?.map(|k| k.account)
    };
    let account = match stored {
        Some(a) => a.to_string(),
        None => match warden_sts::access_key_account(&id) {
            Some(n) => format!("{n:012}"),
            None => {
                return Err(ApiError::InvalidParameterValue(format!(
                    "The access key ID {id} is not valid."
                )));
            }
        },
    };
    Ok(Reply::result(GetAccessKeyInfoOutput {
        account: Some(account),
    }))
}

pub(super) fn pairs(tags: Option<&[Tag]>) -> Vec<(String, String)> {
    tags.unwrap_or_default()
        .iter()
        .map(|t| (t.key.clone(), t.value.clone()))
        .collect()
}

pub(super) fn starts_with_aws(s: &str) -> bool {
    s.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("aws:"))
}

/// Validates the inline session policy (identity grammar, ≤ 2,048 characters; api.md §7.2).
pub(super) fn check_session_policy(policy: Option<&str>) -> Result<(), ApiError> {
    let Some(text) = policy else { return Ok(()) };
    if text.chars().count() > SESSION_POLICY_MAX {
        return Err(ApiError::Validation(format!(
            "1 validation error detected: Value '{text}' at 'policy' failed to satisfy constraint: Member must have length less than or equal to {SESSION_POLICY_MAX}"
        )));
    }
    warden_policy::parse_policy(text, PolicyKind::Session)
        .map(|_| ())
        .map_err(|e| policy_error(&e))
}

/// Managed session policy ARNs (api.md §7.2): customer managed policies of `account` that
/// exist, or AWS managed policies (not shipped here: they allow nothing).
pub(super) async fn session_policy_arns<S: Store>(
    cx: &mut Cx<'_, S>,
    account: AccountId,
    arns: Option<&[PolicyDescriptorType]>,
) -> Result<Vec<String>, ApiError> {
    let mut out = Vec::new();
    for arn in arns
        .unwrap_or_default()
        .iter()
        .filter_map(|d| d.arn.as_ref())
    {
        let owner = arn.split(':').nth(4).unwrap_or("");
        let ok = if owner == "aws" {
            true
        } else if owner == account.as_str() {
            cx.tx.policy_by_arn(account, arn).await?.is_some()
        } else {
            false
        };
        if !ok {
            return Err(ApiError::InvalidParameterValue(format!(
                "Policy {arn} does not exist or is not attachable."
            )));
        }
        out.push(arn.clone());
    }
    Ok(out)
}

/// What a new session is, before its credentials exist.
pub(super) struct NewSession {
    pub(super) account: AccountId,
    pub(super) kind: SessionKind,
    pub(super) operation: IssuingOperation,
    pub(super) identity_arn: String,
    pub(super) user_id: String,
    pub(super) parent_id: String,
    pub(super) parent_arn: String,
    pub(super) session_name: Option<String>,
    pub(super) mfa_present: bool,
    pub(super) mfa_auth_time: Option<i64>,
    pub(super) policy: Option<String>,
    pub(super) policy_arns: Vec<String>,
    pub(super) source_identity: Option<String>,
    pub(super) tags: Vec<(String, String)>,
    pub(super) transitive_tag_keys: Vec<String>,
    pub(super) chained: bool,
    pub(super) duration: i64,
    /// The identity provider data of a web-identity or SAML session (api.md §7.5).
    pub(super) federation: Option<warden_sts::Federation>,
}

/// Creates the credentials and seals the session record into the token (api.md §6.1).
pub(super) async fn issue<S: Store>(
    state: &crate::state::AppState<S>,
    now: time::OffsetDateTime,
    s: NewSession,
) -> Result<Credentials, ApiError> {
    let ring = sessions::key_ring(state).await?;
    let issued_at = now.unix_timestamp();
    let expires_at = issued_at.saturating_add(s.duration);
    let (access_key_id, secret) = {
        let mut rng = rand::rng();
        (
            warden_sts::new_access_key_id(&mut rng, s.account.as_str().parse().ok()),
            warden_sts::new_secret_access_key(&mut rng),
        )
    };
    let record = SessionRecord {
        access_key_id: access_key_id.clone(),
        secret_access_key: secret.clone(),
        issued_at,
        expires_at,
        account: s.account.to_string(),
        kind: s.kind,
        operation: s.operation,
        identity_arn: s.identity_arn,
        user_id: s.user_id,
        parent_id: s.parent_id,
        parent_arn: s.parent_arn,
        session_name: s.session_name,
        mfa_present: s.mfa_present,
        mfa_auth_time: s.mfa_auth_time,
        policy: s.policy,
        policy_arns: s.policy_arns,
        source_identity: s.source_identity,
        tags: s.tags,
        transitive_tag_keys: s.transitive_tag_keys,
        federation: s.federation,
        chained: s.chained,
    };
    let token = ring
        .seal(&record, &mut rand::rng())
        .map_err(|e| ApiError::Internal(InternalError::SealSession(e)))?;
    Ok(Credentials {
        access_key_id,
        secret_access_key: secret.expose().to_owned(),
        session_token: token,
        expiration: warden_query::Timestamp::from_unix_seconds(expires_at),
    })
}

pub(super) fn credentials_audit(c: &Credentials) -> serde_json::Value {
    json!({ "accessKeyId": c.access_key_id, "expiration": c.expiration.to_string() })
}

/// The role an ARN names in this installation: account, role and its stored ARN.
/// `None` when the ARN does not name an existing role (api.md §6.2 step 1: not an error
/// here, the caller gets the same AccessDenied as for a role it may not assume).
pub(super) async fn named_role<S: Store>(
    cx: &mut Cx<'_, S>,
    arn: &str,
) -> Result<Option<(AccountId, warden_core::Role, String)>, ApiError> {
    let mut it = arn.splitn(6, ':');
    let (Some(_), Some(partition), Some(service), Some(_), Some(account), Some(resource)) = (
        it.next(),
        it.next(),
        it.next(),
        it.next(),
        it.next(),
        it.next(),
    ) else {
        return Ok(None);
    };
    let Ok(account) = account.parse::<AccountId>() else {
        return Ok(None);
    };
    let Some(rest) = resource.strip_prefix("role/") else {
        return Ok(None);
    };
    if partition != cx.state.config().partition || service != "iam" {
        return Ok(None);
    }
    let (path, name) = match rest.rfind('/') {
        Some(i) => (
            format!("/{}", rest.get(..=i).unwrap_or("")),
            rest.get(i + 1..).unwrap_or(""),
        ),
        None => ("/".to_owned(), rest),
    };
    let Some(role) = role_by_name(cx, account, name).await? else {
        return Ok(None);
    };
    if role.path != path {
        return Ok(None);
    }
    let stored = authz::entity_arn(partition, account, "role", &role.path, &role.name);
    Ok(Some((account, role, stored)))
}

/// The role `name` of `account`: from the node's entity cache when the call only reads
/// (`crate::entity_cache`; a miss reads the role and its tags and keeps them), else from
/// the call's transaction.
async fn role_by_name<S: Store>(
    cx: &mut Cx<'_, S>,
    account: AccountId,
    name: &str,
) -> Result<Option<warden_core::Role>, ApiError> {
    if !cx.reads_only {
        return Ok(cx.tx.role_by_name(account, name).await?);
    }
    let inner = cx.state.inner();
    if let Some(cached) = inner.entities.role(&inner.cache, account, name) {
        return Ok(Some(cached.entity.clone()));
    }
    // Read before the rows: a change landing meanwhile leaves the entry stale.
    let epoch = inner.cache.epoch(account);
    let Some(role) = cx.tx.role_by_name(account, name).await? else {
        return Ok(None);
    };
    let tags = cx
        .tx
        .tags(account, &TagTarget::Role(role.id.clone()))
        .await?;
    inner.entities.put_role(epoch, role.clone(), tags);
    Ok(Some(role))
}

/// The tags of `role`: cached with the role when the call only reads, else read.
async fn role_tags<S: Store>(
    cx: &mut Cx<'_, S>,
    account: AccountId,
    role: &warden_core::Role,
) -> Result<Vec<warden_core::Tag>, ApiError> {
    if cx.reads_only {
        let inner = cx.state.inner();
        if let Some(cached) = inner.entities.role(&inner.cache, account, &role.name)
            && cached.entity.id == role.id
        {
            return Ok(cached.tags.clone());
        }
    }
    Ok(cx
        .tx
        .tags(account, &TagTarget::Role(role.id.clone()))
        .await?)
}

/// `RoleArn` syntax (api.md §6.2 step 1): at least six fields, `arn`, non-empty partition,
/// service and resource.
pub(super) fn role_arn_is_valid(arn: &str) -> bool {
    let fields: Vec<&str> = arn.splitn(6, ':').collect();
    matches!(fields.as_slice(), ["arn", partition, service, _, _, resource]
        if !partition.is_empty() && !service.is_empty() && !resource.is_empty())
}

/// AssumeRole (api.md §6.2), steps in the spec's order.
async fn assume_role<S: Store>(
    cx: &mut Cx<'_, S>,
    input: AssumeRoleInput,
) -> Result<Reply, ApiError> {
    // 1. RoleArn syntax.
    if !role_arn_is_valid(&input.role_arn) {
        return Err(ApiError::Validation(format!(
            "{} is invalid",
            input.role_arn
        )));
    }
    // 2. Session tags.
    let caller_session = cx.caller.session.clone();
    let passed = pairs(input.tags.as_deref());
    let transitive = input.transitive_tag_keys.clone().unwrap_or_default();
    let inherited = caller_session
        .as_deref()
        .map(rules::inherited_transitive_tags)
        .unwrap_or_default();
    let inherited_keys: Vec<String> = inherited.iter().map(|(k, _)| k.clone()).collect();
    rules::validate_session_tags(&passed, &transitive, &inherited_keys)
        .map_err(|e| ApiError::InvalidParameterValue(e.to_string()))?;
    // 3. MFA: a valid code for a device enabled for the calling user.
    let mfa_verified = super::mfa::verify_token_code(
        cx,
        input.serial_number.as_deref(),
        input.token_code.as_deref(),
    )
    .await?;

    // 4-5. Caller restrictions and authorization (checked per check by `authorize`).
    let role = named_role(cx, &input.role_arn).await?;
    let Some((role_account, role, role_arn)) = role else {
        // Same answer as a role that does not trust the caller, after the caller checks.
        cx.authorize(Vec::new())?;
        if let Some(s) = caller_session.as_deref() {
            rules::check_caller(
                Some(s),
                Service::Sts,
                "AssumeRole",
                cx.caller.arn(),
                &input.role_arn,
            )
            .map_err(|d| ApiError::AccessDenied(d.message))?;
        }
        return Err(ApiError::AccessDenied(format!(
            "User: {} is not authorized to perform: sts:AssumeRole on resource: {}",
            cx.caller.arn(),
            input.role_arn
        )));
    };
    let trust = authz::compile_trust(&role, &role_arn, &cx.caller.principal)?;
    let inherited_si = caller_session
        .as_deref()
        .and_then(|s| s.source_identity.clone());
    let context_si = input
        .source_identity
        .clone()
        .or_else(|| inherited_si.clone());
    let mut check = Check::new("sts:AssumeRole", &input.role_arn)
        .with_resource_policy(trust)
        .with_key("sts:RoleSessionName", &input.role_session_name);
    if mfa_verified {
        // The MFA keys of this request (api.md §6.2 step 5): authenticated just now. They
        // replace a calling session's own values (authz.rs).
        check = check
            .with_key("aws:MultiFactorAuthPresent", "true")
            .with_key("aws:MultiFactorAuthAge", "0");
    }
    if let Some(e) = &input.external_id {
        check = check.with_key("sts:ExternalId", e);
    }
    if let Some(si) = &context_si {
        check = check.with_key("sts:SourceIdentity", si);
    }
    if !transitive.is_empty() {
        check = check.with_keys("sts:TransitiveTagKeys", transitive.clone());
    }
    let mut request_tags = inherited.clone();
    request_tags.extend(passed.iter().cloned());
    if !request_tags.is_empty() {
        check = check.with_request_tags(request_tags.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    }
    let mut checks = vec![check.clone()];
    if !request_tags.is_empty() {
        let mut tag = check.clone();
        tag.action = "sts:TagSession".to_owned();
        checks.push(tag);
    }
    if context_si.is_some() {
        let mut si = check;
        si.action = "sts:SetSourceIdentity".to_owned();
        checks.push(si);
    }
    cx.authorize(checks)?;

    // 6. Source identity: never `aws:`, immutable once set (api.md §7.4).
    if let Some(si) = &input.source_identity {
        if starts_with_aws(si) {
            return Err(ApiError::Validation(format!(
                "1 validation error detected: Value '{si}' at 'sourceIdentity' failed to satisfy constraint: Member must not start with the reserved prefix 'aws:'"
            )));
        }
        if inherited_si.as_ref().is_some_and(|i| i != si) {
            return Err(ApiError::AccessDenied(format!(
                "User: {} is not authorized to perform: sts:SetSourceIdentity on resource: {} because the source identity of the calling session cannot be changed",
                cx.caller.arn(),
                input.role_arn
            )));
        }
    }
    // 7. Duration and chaining (api.md §7.1): any temporary caller is chaining.
    let chained = caller_session.is_some();
    let duration = rules::session_duration(
        DurationRequest::AssumeRole {
            role_max: i64::from(role.max_session_duration),
            chaining: chained,
        },
        input.duration_seconds.map(i64::from),
    )
    .map_err(|e| ApiError::Validation(e.to_string()))?;
    // 8. Session policies and packing.
    check_session_policy(input.policy.as_deref())?;
    let policy_arns = session_policy_arns(cx, role_account, input.policy_arns.as_deref()).await?;
    let role_tags: Vec<(String, String)> = role_tags(cx, role_account, &role)
        .await?
        .into_iter()
        .map(|t| (t.key, t.value))
        .collect();
    let merged = rules::merge_session_tags(&role_tags, &inherited, &passed, &transitive);
    let packed =
        rules::packed_policy_size(input.policy.as_deref(), &policy_arns, &merged.session_tags)
            .map_err(|e| ApiError::PackedPolicyTooLarge(e.to_string()))?;
    // 9. Issue.
    let identity =
        warden_sts::session::assumed_role_identity(&role_arn, &role.id, &input.role_session_name)
            .ok_or(ApiError::Internal(InternalError::Contract(
            "stored role ARN does not parse",
        )))?;
    // MFA from this call's code, else inherited from an MFA-authenticated caller session.
    let (mfa, mfa_auth_time) = if mfa_verified {
        (true, Some(cx.now.unix_timestamp()))
    } else {
        (
            caller_session.as_deref().is_some_and(|s| s.mfa_present),
            caller_session.as_deref().and_then(|s| s.mfa_auth_time),
        )
    };
    let credentials = issue(
        cx.state,
        cx.now,
        NewSession {
            account: role_account,
            kind: SessionKind::RoleSession,
            operation: IssuingOperation::AssumeRole,
            identity_arn: identity.arn.clone(),
            user_id: identity.id.clone(),
            parent_id: role.id.clone(),
            parent_arn: role_arn,
            session_name: Some(input.role_session_name.clone()),
            mfa_present: mfa,
            mfa_auth_time,
            policy: input.policy.clone(),
            policy_arns,
            source_identity: context_si.clone(),
            // The session's own tags; principal tags overlay them on the role's current
            // tags at request time (crate::sessions).
            tags: merged.session_tags,
            transitive_tag_keys: merged.transitive_keys,
            chained,
            duration,
            federation: None,
        },
    )
    .await?;
    record_role_use(cx, &role.id);
    let passed_any = input.policy.is_some() || input.policy_arns.is_some() || input.tags.is_some();
    let audit = json!({
        "credentials": credentials_audit(&credentials),
        "assumedRoleUser": { "assumedRoleId": identity.id, "arn": identity.arn },
        "sourceIdentity": context_si,
    });
    Ok(Reply::result(AssumeRoleOutput {
        credentials: Some(credentials),
        assumed_role_user: Some(AssumedRoleUser {
            assumed_role_id: identity.id,
            arn: identity.arn,
        }),
        packed_policy_size: passed_any.then(|| i32::try_from(packed).unwrap_or(i32::MAX)),
        source_identity: context_si,
    })
    .with_audit(audit))
}

/// `RoleLastUsed` (api.md §3.8), in the background like access keys' last use: the
/// operation's transaction holds SQLite's write lock until it commits.
pub(super) fn record_role_use<S: Store>(cx: &Cx<'_, S>, role_id: &str) {
    if !cx
        .state
        .inner()
        .role_use
        .should_record(role_id, cx.now.unix_timestamp(), &cx.facts.region)
    {
        return;
    }
    let Ok(store) = cx.state.store() else { return };
    let role_id = role_id.to_owned();
    let used = RoleLastUsed {
        date: cx.now,
        region: cx.facts.region.clone(),
    };
    tokio::spawn(async move {
        if let Err(e) = store.record_role_use(&role_id, &used).await {
            tracing::warn!(error = %e, "recording role use failed");
        }
    });
}

/// The caller behind long-term credentials: (is root, parent id).
fn long_term_parent<S: Store>(cx: &Cx<'_, S>) -> (bool, String) {
    match &cx.caller.identity {
        Identity::User(u) => (false, u.id.clone()),
        Identity::Root | Identity::Session | Identity::Unauthenticated => {
            (true, cx.account().to_string())
        }
    }
}

/// Refuses session callers of GetSessionToken / GetFederationToken (api.md §7.6).
fn long_term_only<S: Store>(cx: &Cx<'_, S>, action: &str, resource: &str) -> Result<(), ApiError> {
    match cx.caller.session.as_deref() {
        Some(s) => rules::check_caller(Some(s), Service::Sts, action, cx.caller.arn(), resource)
            .map_err(|d| ApiError::AccessDenied(d.message)),
        None => Ok(()),
    }
}

/// GetSessionToken (api.md §6.5): long-term callers only, not governed by policies.
async fn get_session_token<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetSessionTokenInput,
) -> Result<Reply, ApiError> {
    cx.authorize(Vec::new())?;
    long_term_only(cx, "GetSessionToken", "*")?;
    let mfa_verified = super::mfa::verify_token_code(
        cx,
        input.serial_number.as_deref(),
        input.token_code.as_deref(),
    )
    .await?;
    let (root, parent_id) = long_term_parent(cx);
    let duration = rules::session_duration(
        DurationRequest::GetSessionToken { root },
        input.duration_seconds.map(i64::from),
    )
    .map_err(|e| ApiError::Validation(e.to_string()))?;
    let credentials = issue(
        cx.state,
        cx.now,
        NewSession {
            account: cx.account(),
            kind: if root {
                SessionKind::RootSession
            } else {
                SessionKind::UserSession
            },
            operation: IssuingOperation::GetSessionToken,
            identity_arn: cx.caller.arn().to_owned(),
            user_id: cx.caller.user_id(),
            parent_id,
            parent_arn: cx.caller.arn().to_owned(),
            session_name: None,
            mfa_present: mfa_verified,
            mfa_auth_time: mfa_verified.then(|| cx.now.unix_timestamp()),
            policy: None,
            policy_arns: Vec::new(),
            source_identity: None,
            tags: Vec::new(),
            transitive_tag_keys: Vec::new(),
            chained: false,
            duration,
            federation: None,
        },
    )
    .await?;
    let audit = json!({ "credentials": credentials_audit(&credentials) });
    Ok(Reply::result(GetSessionTokenOutput {
        credentials: Some(credentials),
    })
    .with_audit(audit))
}

/// GetFederationToken (api.md §6.6).
async fn get_federation_token<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetFederationTokenInput,
) -> Result<Reply, ApiError> {
    let account = cx.account();
    let federated = warden_sts::session::federated_user_identity(
        &cx.state.config().partition,
        account.as_str(),
        &input.name,
    );
    let tags = pairs(input.tags.as_deref());
    rules::validate_session_tags(&tags, &[], &[])
        .map_err(|e| ApiError::InvalidParameterValue(e.to_string()))?;
    let mut check = Check::new("sts:GetFederationToken", &federated.arn);
    if !tags.is_empty() {
        check = check.with_request_tags(tags.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    }
    let mut checks = vec![check.clone()];
    if !tags.is_empty() {
        // `VERIFY` (policy.md §6.10): passing session tags needs sts:TagSession.
        let mut tag = check;
        tag.action = "sts:TagSession".to_owned();
        checks.push(tag);
    }
    // The caller restriction comes first (api.md §6.1), with its own text.
    long_term_only(cx, "GetFederationToken", &federated.arn)?;
    cx.authorize(checks)?;
    let (root, parent_id) = long_term_parent(cx);
    let duration = rules::session_duration(
        DurationRequest::GetFederationToken { root },
        input.duration_seconds.map(i64::from),
    )
    .map_err(|e| ApiError::Validation(e.to_string()))?;
    check_session_policy(input.policy.as_deref())?;
    let policy_arns = session_policy_arns(cx, account, input.policy_arns.as_deref()).await?;
    let packed = rules::packed_policy_size(input.policy.as_deref(), &policy_arns, &tags)
        .map_err(|e| ApiError::PackedPolicyTooLarge(e.to_string()))?;
    let credentials = issue(
        cx.state,
        cx.now,
        NewSession {
            account,
            kind: SessionKind::FederatedUser,
            operation: IssuingOperation::GetFederationToken,
            identity_arn: federated.arn.clone(),
            user_id: federated.id.clone(),
            parent_id,
            parent_arn: cx.caller.arn().to_owned(),
            session_name: Some(input.name.clone()),
            mfa_present: false,
            mfa_auth_time: None,
            policy: input.policy.clone(),
            policy_arns,
            source_identity: None,
            tags,
            transitive_tag_keys: Vec::new(),
            chained: false,
            duration,
            federation: None,
        },
    )
    .await?;
    let audit = json!({
        "credentials": credentials_audit(&credentials),
        "federatedUser": { "federatedUserId": federated.id, "arn": federated.arn },
    });
    Ok(Reply::result(GetFederationTokenOutput {
        credentials: Some(credentials),
        federated_user: Some(FederatedUser {
            federated_user_id: federated.id,
            arn: federated.arn,
        }),
        packed_policy_size: Some(i32::try_from(packed).unwrap_or(i32::MAX)),
    })
    .with_audit(audit))
}

/// A role session for a workload of the container credentials endpoint
/// (`crate::workload`), issued like AssumeRole's step 9 (no session policies, tags or
/// source identity; the workload id is the session name). Returns the credentials and the
/// assumed-role identity.
pub(crate) async fn issue_workload_session<S: Store>(
    state: &crate::state::AppState<S>,
    now: time::OffsetDateTime,
    role: &warden_core::Role,
    session_name: &str,
    duration: i64,
) -> Result<(Credentials, warden_sts::session::SessionIdentity), ApiError> {
    let role_arn = authz::entity_arn(
        &state.config().partition,
        role.account,
        "role",
        &role.path,
        &role.name,
    );
    let identity = warden_sts::session::assumed_role_identity(&role_arn, &role.id, session_name)
        .ok_or(ApiError::Internal(InternalError::Contract(
            "stored role ARN does not parse",
        )))?;
    let credentials = issue(
        state,
        now,
        NewSession {
            account: role.account,
            kind: SessionKind::RoleSession,
            operation: IssuingOperation::AssumeRole,
            identity_arn: identity.arn.clone(),
            user_id: identity.id.clone(),
            parent_id: role.id.clone(),
            parent_arn: role_arn,
            session_name: Some(session_name.to_owned()),
            mfa_present: false,
            mfa_auth_time: None,
            policy: None,
            policy_arns: Vec::new(),
            source_identity: None,
            tags: Vec::new(),
            transitive_tag_keys: Vec::new(),
            chained: false,
            duration,
            federation: None,
        },
    )
    .await?;
    Ok((credentials, identity))
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! role_arns {
        ($($name:ident: $arn:expr => $ok:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(role_arn_is_valid($arn), $ok);
            }
        )*};
    }

    // The observed invalid ARNs of api.md §6.2 step 1.
    role_arns! {
        arn_nothing_valid: "nothing-valid-in-here" => false;
        arn_empty_partition: "arn::b:::something/test-role" => false;
        arn_empty_service: "arn:a::::something/test-role" => false;
        arn_five_fields: "arn:a:::something/test-role" => false;
        arn_empty_resource: "arn:a:a::aaaaaaaaaa:" => false;
        arn_role: "arn:aws:iam::123456789012:role/r" => true;
        arn_wrong_service_is_syntactically_fine: "arn:aws:s3::123456789012:role/r" => true;
    }
}
