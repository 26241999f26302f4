//! SAML 2.0 identity providers (api.md §5.14) and their tags (§3.5).
//!
//! The metadata document is stored verbatim and parsed by `warden_sts::saml` (an
//! `EntityDescriptor` with an `IDPSSODescriptor` and at least one RSA signing
//! certificate); AssumeRoleWithSAML re-parses it for every call, so a stored provider is
//! always verified against exactly what GetSAMLProvider shows.
//!
//! Encrypted assertions: `AddPrivateKey` stores an RSA private key (PEM, checked when
//! added, sealed with the deployment's cipher, at most two per provider; `PrivateKeyList`
//! shows their ids and dates, never the keys), `RemovePrivateKey` drops one.
//! AssumeRoleWithSAML decrypts an `EncryptedAssertion` with them
//! (`warden_sts::saml_encryption`); with `AssertionEncryptionMode=Required` it refuses
//! every plaintext assertion, as AWS does.

use time::{Duration, OffsetDateTime};
use warden_core::{
    CountedEntity, IdKind, SamlPrivateKey, SamlProvider, SecretAccessKey, Store, Tag, TagTarget,
    Transaction,
};
use warden_query::iam::{
    self, CreateSAMLProviderInput, CreateSAMLProviderOutput, DeleteSAMLProviderInput,
    GetSAMLProviderInput, GetSAMLProviderOutput, ListSAMLProviderTagsInput,
    ListSAMLProviderTagsOutput, ListSAMLProvidersInput, ListSAMLProvidersOutput,
    TagSAMLProviderInput, UntagSAMLProviderInput, UpdateSAMLProviderInput,
    UpdateSAMLProviderOutput,
};

use serde_json::json;
use warden_policy::Principal;
use warden_query::sts::{AssumeRoleWithSAMLInput, AssumeRoleWithSAMLOutput, AssumedRoleUser};
use warden_sts::rules::{self, DurationRequest};
use warden_sts::saml::{self, SamlAssertion, SamlError, SamlErrorKind, VerifyOptions};
use warden_sts::saml_encryption::DecryptionKey;
use warden_sts::{IssuingOperation, SessionKind};
use warden_types::AccountId;

use super::resolve::{apply_exact_tags, create_checks};
use super::sts::{self as sts_ops, NewSession};
use super::tagging::{self, TagKeys, Tagging};
use super::{Cx, Reply, Target, list_query, marker_scope, page_marker, sorted_tags, ts, wire_tags};
use crate::authz::{self, Check, Compiled};
use crate::error::{ApiError, InternalError};

/// SAML providers per account (api.md §3.7; AWS's message is unrecorded, `VERIFY`).
const PROVIDERS_PER_ACCOUNT: u64 = 100;
/// `ValidUntil` when the metadata has no `validUntil`: about 100 years after creation
/// (api.md §5.14, `VERIFY`).
const DEFAULT_VALIDITY: Duration = Duration::days(36_524);

/// `Manifest not found for arn <arn>` (api.md §5.3).
pub(crate) fn not_found(arn: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("Manifest not found for arn {arn}"))
}

/// `arn:P:iam::ACCT:saml-provider/`.
pub(crate) fn arn_prefix<S: Store>(cx: &Cx<'_, S>) -> String {
    format!(
        "arn:{}:iam::{}:saml-provider/",
        cx.state.config().partition,
        cx.account()
    )
}

/// Resolves a provider ARN of the caller's account for authorization. The resource is the
/// ARN as given; an ARN of another account or partition names no provider here.
async fn resolve<S: Store>(
    cx: &mut Cx<'_, S>,
    arn: &str,
) -> Result<Target<SamlProvider>, ApiError> {
    let account = cx.account();
    let entity = match arn.strip_prefix(&arn_prefix(cx)) {
        Some(name) if !name.is_empty() => cx.tx.saml_provider(account, name).await?,
        _ => None,
    };
    let tags = match &entity {
        Some(p) => {
            cx.tx
                .tags(account, &TagTarget::SamlProvider(p.name.clone()))
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

/// Resolves and authorizes an operation on a provider ARN, then requires it.
async fn authorized<S: Store>(
    cx: &mut Cx<'_, S>,
    action: &str,
    arn: &str,
) -> Result<(SamlProvider, Vec<Tag>), ApiError> {
    let target = resolve(cx, arn).await?;
    cx.authorize(vec![
        Check::new(action, &target.arn).with_resource_tags(&target.tags, false),
    ])?;
    let tags = target.tags.clone();
    let provider = target.require(|| not_found(arn))?;
    Ok((provider, tags))
}

/// `ValidUntil` of a metadata document (`InvalidInput` `Could not parse metadata` when it
/// is not usable, api.md §5.14).
fn metadata_valid_until(
    document: &str,
    created: OffsetDateTime,
) -> Result<OffsetDateTime, ApiError> {
    let metadata =
        saml::parse_metadata(document).map_err(|e| ApiError::InvalidInput(e.to_string()))?;
    match metadata.valid_until {
        Some(t) => OffsetDateTime::from_unix_timestamp(t)
            .map_err(|_| ApiError::InvalidInput("Could not parse metadata".to_owned())),
        None => Ok(created.saturating_add(DEFAULT_VALIDITY)),
    }
}

/// Private keys per SAML provider (api.md §3.7: the model's list bound; AWS's text is
/// unrecorded, `VERIFY`).
const PRIVATE_KEYS_PER_PROVIDER: usize = 2;

/// `AddPrivateKey`: an RSA private key in PEM, sealed (bound to its new `KeyId`).
async fn add_private_key<S: Store>(
    cx: &mut Cx<'_, S>,
    provider: &str,
    pem: &str,
) -> Result<(), ApiError> {
    // Checked now, so that a key that cannot decrypt anything is refused when added
    // (AWS's text is unrecorded, `VERIFY`).
    DecryptionKey::from_pem(pem)
        .map_err(|e| ApiError::InvalidInput(format!("The private key is not valid: {e}")))?;
    let account = cx.account();
    if cx.tx.saml_private_keys(account, provider).await?.len() >= PRIVATE_KEYS_PER_PROVIDER {
        return Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for PrivateKeysPerSAMLProvider: {PRIVATE_KEYS_PER_PROVIDER}"
        )));
    }
    let key_id = cx
        .state
        .services()
        .ids
        .unique_id(IdKind::SigningCertificate);
    let sealed = cx
        .state
        .services()
        .cipher
        .seal(&key_id, &SecretAccessKey::new(pem.to_owned()))
        .map_err(|e| ApiError::Internal(InternalError::Cipher(e)))?;
    cx.tx
        .insert_saml_private_key(
            account,
            provider,
            &SamlPrivateKey {
                key_id,
                created: cx.now,
                private_key: sealed,
            },
        )
        .await?;
    Ok(())
}

/// `RemovePrivateKey`: a key id the provider does not hold is refused (`VERIFY` text).
async fn remove_private_key<S: Store>(
    cx: &mut Cx<'_, S>,
    provider: &str,
    key_id: &str,
) -> Result<(), ApiError> {
    cx.tx
        .delete_saml_private_key(cx.account(), provider, key_id)
        .await
        .map_err(|e| match e {
            warden_core::StoreError::NotFound => ApiError::InvalidInput(format!(
                "The private key {key_id} does not belong to this SAML provider."
            )),
            other => other.into(),
        })
}

/// The provider's private keys, opened and parsed for decryption.
async fn decryption_keys<S: Store>(
    cx: &mut Cx<'_, S>,
    account: AccountId,
    provider: &str,
) -> Result<Vec<DecryptionKey>, ApiError> {
    let stored = cx.tx.saml_private_keys(account, provider).await?;
    let cipher = &cx.state.services().cipher;
    stored
        .iter()
        .map(|k| {
            let pem = cipher
                .open(&k.key_id, &k.private_key)
                .map_err(|e| ApiError::Internal(InternalError::Cipher(e)))?;
            // Checked when added: a key that no longer parses is a stored-data fault.
            DecryptionKey::from_pem(pem.expose()).map_err(|_| {
                ApiError::Internal(InternalError::Contract(
                    "stored SAML private key does not parse",
                ))
            })
        })
        .collect()
}

/// CreateSAMLProvider: tag-on-create needs `iam:TagSAMLProvider` too.
pub(crate) async fn create_saml_provider<S: Store>(
    cx: &mut Cx<'_, S>,
    input: CreateSAMLProviderInput,
) -> Result<Reply, ApiError> {
    let arn = format!("{}{}", arn_prefix(cx), input.name);
    let tags = input.tags.clone().unwrap_or_default();
    cx.authorize(create_checks(
        Check::new("iam:CreateSAMLProvider", &arn),
        "iam:TagSAMLProvider",
        &arn,
        &tags,
    ))?;
    let account = cx.account();
    cx.tx.lock_account(account).await?;
    if cx.tx.saml_provider(account, &input.name).await?.is_some() {
        // AWS's text is unrecorded (`VERIFY`).
        return Err(ApiError::EntityAlreadyExists(format!(
            "SAMLProvider with name {} already exists.",
            input.name
        )));
    }
    if cx.tx.count(account, CountedEntity::SamlProviders).await? >= PROVIDERS_PER_ACCOUNT {
        return Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for SamlProvidersPerAccount: {PROVIDERS_PER_ACCOUNT}"
        )));
    }
    let valid_until = metadata_valid_until(&input.saml_metadata_document, cx.now)?;
    let stored_tags = apply_exact_tags(&[], &tags)?;
    let provider = SamlProvider {
        account,
        name: input.name.clone(),
        uuid: cx
            .state
            .services()
            .ids
            .unique_id(IdKind::SigningCertificate),
        metadata: input.saml_metadata_document,
        valid_until,
        assertion_encryption_mode: input.assertion_encryption_mode,
        created: cx.now,
    };
    cx.tx.insert_saml_provider(&provider).await?;
    if let Some(pem) = &input.add_private_key {
        add_private_key(cx, &provider.name, pem).await?;
    }
    if !stored_tags.is_empty() {
        cx.tx
            .set_tags(account, &TagTarget::SamlProvider(input.name), &stored_tags)
            .await?;
    }
    let audit = serde_json::json!({"sAMLProviderArn": arn});
    Ok(Reply::result(CreateSAMLProviderOutput {
        saml_provider_arn: Some(arn),
        tags: (!stored_tags.is_empty()).then(|| wire_tags(&stored_tags)),
    })
    .with_audit(audit))
}

/// GetSAMLProvider: the document verbatim, dates, UUID, mode; `Tags` always.
pub(crate) async fn get_saml_provider<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetSAMLProviderInput,
) -> Result<Reply, ApiError> {
    let (p, tags) = authorized(cx, "iam:GetSAMLProvider", &input.saml_provider_arn).await?;
    let keys = cx.tx.saml_private_keys(p.account, &p.name).await?;
    let private_key_list = (!keys.is_empty()).then(|| {
        keys.iter()
            .map(|k| iam::SAMLPrivateKey {
                key_id: Some(k.key_id.clone()),
                timestamp: Some(ts(k.created)),
            })
            .collect()
    });
    Ok(Reply::result(GetSAMLProviderOutput {
        saml_provider_uuid: Some(p.uuid),
        saml_metadata_document: Some(p.metadata),
        create_date: Some(ts(p.created)),
        valid_until: Some(ts(p.valid_until)),
        tags: Some(wire_tags(&sorted_tags(tags))),
        assertion_encryption_mode: p.assertion_encryption_mode,
        private_key_list,
    }))
}

/// UpdateSAMLProvider: replaces the metadata and/or the encryption mode.
pub(crate) async fn update_saml_provider<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UpdateSAMLProviderInput,
) -> Result<Reply, ApiError> {
    let arn = input.saml_provider_arn.clone();
    let (mut p, _) = authorized(cx, "iam:UpdateSAMLProvider", &arn).await?;
    // The quota counts the keys left after a removal: rotating (add one, remove one) in
    // one call works with two keys in place.
    cx.tx.lock_account(cx.account()).await?;
    if let Some(key_id) = &input.remove_private_key {
        remove_private_key(cx, &p.name, key_id).await?;
    }
    if let Some(pem) = &input.add_private_key {
        add_private_key(cx, &p.name, pem).await?;
    }
    if let Some(document) = input.saml_metadata_document {
        p.valid_until = metadata_valid_until(&document, p.created)?;
        p.metadata = document;
    }
    if let Some(mode) = input.assertion_encryption_mode {
        p.assertion_encryption_mode = Some(mode);
    }
    cx.tx.update_saml_provider(&p).await?;
    let audit = serde_json::json!({"sAMLProviderArn": arn});
    Ok(Reply::result(UpdateSAMLProviderOutput {
        saml_provider_arn: Some(arn),
    })
    .with_audit(audit))
}

/// DeleteSAMLProvider: not idempotent; sessions already issued are unaffected.
pub(crate) async fn delete_saml_provider<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeleteSAMLProviderInput,
) -> Result<Reply, ApiError> {
    let arn = input.saml_provider_arn;
    let (p, _) = authorized(cx, "iam:DeleteSAMLProvider", &arn).await?;
    cx.tx
        .delete_saml_provider(cx.account(), &p.name)
        .await
        .map_err(|e| match e {
            warden_core::StoreError::NotFound => not_found(&arn),
            other => other.into(),
        })?;
    Ok(Reply::empty())
}

/// ListSAMLProviders: ARN, `ValidUntil`, `CreateDate` of each; not paginated.
pub(crate) async fn list_saml_providers<S: Store>(
    cx: &mut Cx<'_, S>,
    _input: ListSAMLProvidersInput,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new("iam:ListSAMLProviders", "*")])?;
    let prefix = arn_prefix(cx);
    let list = cx
        .tx
        .list_saml_providers(cx.account())
        .await?
        .into_iter()
        .map(|p| iam::SAMLProviderListEntry {
            arn: Some(format!("{prefix}{}", p.name)),
            valid_until: Some(ts(p.valid_until)),
            create_date: Some(ts(p.created)),
        })
        .collect();
    Ok(Reply::result(ListSAMLProvidersOutput {
        saml_provider_list: Some(list),
    }))
}

/// TagSAMLProvider: case-sensitive keys (api.md §3.5).
pub(crate) async fn tag_saml_provider<S: Store>(
    cx: &mut Cx<'_, S>,
    input: TagSAMLProviderInput,
) -> Result<Reply, ApiError> {
    let target = resolve(cx, &input.saml_provider_arn).await?;
    let call = Tagging {
        target,
        action: "iam:TagSAMLProvider",
        keys: TagKeys::Exact,
    };
    tagging::tag(
        cx,
        call,
        &input.tags,
        || not_found(&input.saml_provider_arn),
        |p| Ok(TagTarget::SamlProvider(p.name)),
    )
    .await
}

/// UntagSAMLProvider: absent keys are ignored.
pub(crate) async fn untag_saml_provider<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UntagSAMLProviderInput,
) -> Result<Reply, ApiError> {
    let target = resolve(cx, &input.saml_provider_arn).await?;
    let call = Tagging {
        target,
        action: "iam:UntagSAMLProvider",
        keys: TagKeys::Exact,
    };
    tagging::untag(
        cx,
        call,
        &input.tag_keys,
        || not_found(&input.saml_provider_arn),
        |p| Ok(TagTarget::SamlProvider(p.name)),
    )
    .await
}

/// ListSAMLProviderTags: paginated by key.
pub(crate) async fn list_saml_provider_tags<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListSAMLProviderTagsInput,
) -> Result<Reply, ApiError> {
    let arn = input.saml_provider_arn.clone();
    let (_, tags) = authorized(cx, "iam:ListSAMLProviderTags", &arn).await?;
    let scope = marker_scope("ListSAMLProviderTags", &[("Arn", &arn)]);
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let (items, next) = super::paginate_tags(sorted_tags(tags), &query);
    let (truncated, marker) = page_marker(&scope, next.as_deref())?;
    Ok(Reply::result(ListSAMLProviderTagsOutput {
        tags: wire_tags(&items),
        is_truncated: Some(truncated),
        marker,
    }))
}

// ---------------------------------------------------------------------------------------
// AssumeRoleWithSAML (api.md §6.4)
// ---------------------------------------------------------------------------------------

/// The trust-policy and role-attribute denial (api.md §6.4 steps 8 and 12, `VERIFY`).
const NOT_AUTHORIZED: &str = "Not authorized to perform sts:AssumeRoleWithSAML";
/// `PrincipalArn` names no SAML provider of the role's account (as reported by users).
const NO_PROVIDER: &str = "Specified provider doesn't exist";
/// RSA-SHA1 signatures and SHA-1 digests are refused (api.md §6.4 step 4: "accept RSA-SHA1
/// only if configured"; this server has no such setting yet).
const ALLOW_SHA1: bool = false;

/// The wire error of an assertion refusal.
fn assertion_error(e: &SamlError) -> ApiError {
    let message = e.to_string();
    match e.kind() {
        SamlErrorKind::InvalidIdentityToken => ApiError::InvalidIdentityToken(message),
        SamlErrorKind::IdpRejectedClaim => ApiError::IdpRejectedClaim(message),
        SamlErrorKind::ExpiredToken => ApiError::ExpiredTokenException(message),
        SamlErrorKind::InvalidParameterValue => ApiError::InvalidParameterValue(message),
    }
}

/// The provider `PrincipalArn` names, in the role's account: (provider name, its ARN in
/// stored spelling, record).
async fn principal_provider<S: Store>(
    cx: &mut Cx<'_, S>,
    principal_arn: &str,
    role_account: Option<AccountId>,
) -> Result<(String, SamlProvider), ApiError> {
    let missing = || ApiError::InvalidIdentityToken(NO_PROVIDER.to_owned());
    let account = role_account.ok_or_else(missing)?;
    let prefix = format!(
        "arn:{}:iam::{account}:saml-provider/",
        cx.state.config().partition
    );
    let name = principal_arn
        .strip_prefix(&prefix)
        .filter(|n| !n.is_empty())
        .ok_or_else(missing)?;
    let provider = cx
        .tx
        .saml_provider(account, name)
        .await?
        .ok_or_else(missing)?;
    Ok((format!("{prefix}{}", provider.name), provider))
}

/// AssumeRoleWithSAML (api.md §6.4), steps in the spec's order.
pub(crate) async fn assume_role_with_saml<S: Store>(
    cx: &mut Cx<'_, S>,
    input: AssumeRoleWithSAMLInput,
) -> Result<Reply, ApiError> {
    if !sts_ops::role_arn_is_valid(&input.role_arn) {
        return Err(ApiError::Validation(format!(
            "{} is invalid",
            input.role_arn
        )));
    }
    // 1. Base64, XML, SAML 2.0 Response with a success status.
    let xml = saml::decode_response(&input.saml_assertion).map_err(|e| assertion_error(&e))?;
    let shape = saml::check_response(&xml).map_err(|e| assertion_error(&e))?;
    // 2. The provider, in the role's account.
    let role_account: Option<AccountId> = input
        .role_arn
        .split(':')
        .nth(4)
        .and_then(|a| a.parse().ok());
    let (provider_arn, provider) =
        principal_provider(cx, &input.principal_arn, role_account).await?;
    let metadata = saml::parse_metadata(&provider.metadata)
        .map_err(|_| ApiError::InvalidIdentityToken(NO_PROVIDER.to_owned()))?;
    // 3-10. Signature, issuer, times, audience, attributes.
    let options = VerifyOptions {
        now: cx.now.unix_timestamp(),
        allow_sha1: ALLOW_SHA1,
        extra_audiences: Vec::new(),
        extra_recipients: Vec::new(),
    };
    // The keys are read, opened and parsed only for a response that needs them.
    let keys = if shape.encrypted {
        decryption_keys(cx, provider.account, &provider.name).await?
    } else {
        Vec::new()
    };
    let verified = saml::verify_response_decrypting(&xml, &metadata, &options, &keys)
        .map_err(|e| assertion_error(&e))?;
    if provider.assertion_encryption_mode.as_deref() == Some("Required") && !verified.encrypted {
        return Err(ApiError::InvalidIdentityToken(
            "The SAML provider requires encrypted assertions".to_owned(),
        ));
    }
    let assertion = verified.assertion;
    if assertion
        .session_not_on_or_after
        .is_some_and(|t| t <= options.now)
    {
        return Err(assertion_error(&SamlError::Expired));
    }
    // 8. The (RoleArn, PrincipalArn) pair must be among the Role attribute values.
    if !assertion.grants(&input.role_arn, &input.principal_arn) {
        cx.authorized = true;
        return Err(ApiError::AccessDenied(NOT_AUTHORIZED.to_owned()));
    }

    // 12. The role's trust policy alone.
    let Some((role_account, role, role_arn)) = sts_ops::named_role(cx, &input.role_arn).await?
    else {
        cx.authorized = true;
        return Err(ApiError::AccessDenied(NOT_AUTHORIZED.to_owned()));
    };
    let account_text = role_account.as_str().to_owned();
    let condition_keys = assertion.condition_keys(&account_text, &provider.name);
    trust_check(
        cx,
        &input.role_arn,
        &provider_arn,
        &assertion,
        &condition_keys,
        role_account,
        &role,
        &role_arn,
    )?;

    // 13. Duration: the role's maximum, capped by SessionNotOnOrAfter.
    let duration = rules::session_duration(
        DurationRequest::AssumeRoleWithSaml {
            role_max: i64::from(role.max_session_duration),
            not_on_or_after_in: assertion.session_not_on_or_after.map(|t| t - options.now),
        },
        input.duration_seconds.map(i64::from),
    )
    .map_err(|e| ApiError::Validation(e.to_string()))?;
    // 14. Session policies, packing, issue (as AssumeRole steps 8-9).
    sts_ops::check_session_policy(input.policy.as_deref())?;
    let policy_arns =
        sts_ops::session_policy_arns(cx, role_account, input.policy_arns.as_deref()).await?;
    let role_tags: Vec<(String, String)> = cx
        .tx
        .tags(role_account, &TagTarget::Role(role.id.clone()))
        .await?
        .into_iter()
        .map(|t| (t.key, t.value))
        .collect();
    let merged = rules::merge_session_tags(
        &role_tags,
        &[],
        &assertion.tags,
        &assertion.transitive_tag_keys,
    );
    let packed =
        rules::packed_policy_size(input.policy.as_deref(), &policy_arns, &merged.session_tags)
            .map_err(|e| ApiError::PackedPolicyTooLarge(e.to_string()))?;
    let session_name = assertion.role_session_name.clone();
    let identity = warden_sts::session::assumed_role_identity(&role_arn, &role.id, &session_name)
        .ok_or(ApiError::Internal(InternalError::Contract(
        "stored role ARN does not parse",
    )))?;
    let name_qualifier = assertion.name_qualifier(&account_text, &provider.name);
    let credentials = sts_ops::issue(
        cx.state,
        cx.now,
        NewSession {
            account: role_account,
            kind: SessionKind::RoleSession,
            operation: IssuingOperation::AssumeRoleWithSaml,
            identity_arn: identity.arn.clone(),
            user_id: identity.id.clone(),
            parent_id: role.id.clone(),
            parent_arn: role_arn,
            session_name: Some(session_name),
            mfa_present: false,
            mfa_auth_time: None,
            policy: input.policy.clone(),
            policy_arns,
            source_identity: assertion.source_identity.clone(),
            tags: merged.session_tags,
            transitive_tag_keys: merged.transitive_keys,
            chained: false,
            duration,
            federation: Some(assertion.federation(&account_text, &provider.name)),
        },
    )
    .await?;
    sts_ops::record_role_use(cx, &role.id);
    let passed_any =
        input.policy.is_some() || input.policy_arns.is_some() || !assertion.tags.is_empty();
    let audit = json!({
        "credentials": sts_ops::credentials_audit(&credentials),
        "assumedRoleUser": { "assumedRoleId": identity.id, "arn": identity.arn },
        "subject": assertion.subject,
        "subjectType": assertion.subject_type,
        "issuer": assertion.issuer,
        "audience": assertion.recipient,
        "nameQualifier": name_qualifier,
        "sourceIdentity": assertion.source_identity,
    });
    // CloudTrail's userIdentity of AssumeRoleWithSAML: the SAML user.
    let user_identity = json!({
        "type": "SAMLUser",
        "principalId": format!("{name_qualifier}:{}", assertion.subject),
        "userName": assertion.subject,
        "identityProvider": name_qualifier,
        "accountId": role_account.as_str(),
    });
    Ok(Reply::result(AssumeRoleWithSAMLOutput {
        credentials: Some(credentials),
        assumed_role_user: Some(AssumedRoleUser {
            assumed_role_id: identity.id,
            arn: identity.arn,
        }),
        packed_policy_size: passed_any.then(|| i32::try_from(packed).unwrap_or(i32::MAX)),
        subject: Some(assertion.subject.clone()),
        subject_type: Some(assertion.subject_type.clone()),
        issuer: Some(assertion.issuer.clone()),
        audience: Some(assertion.recipient.clone()),
        name_qualifier: Some(name_qualifier),
        source_identity: assertion.source_identity.clone(),
    })
    .with_audit(audit)
    .with_audit_identity(user_identity))
}

/// The trust evaluation of step 12: `sts:AssumeRoleWithSAML` (plus `sts:TagSession` with
/// session tags, `sts:SetSourceIdentity` with a source identity) for the `Federated`
/// principal = provider ARN, with the `saml:*` keys.
#[expect(
    clippy::too_many_arguments,
    reason = "one call site; the values come from different verification steps"
)]
fn trust_check<S: Store>(
    cx: &mut Cx<'_, S>,
    requested_role_arn: &str,
    provider_arn: &str,
    assertion: &SamlAssertion,
    condition_keys: &[saml::ConditionKey],
    role_account: AccountId,
    role: &warden_core::Role,
    role_arn: &str,
) -> Result<(), ApiError> {
    cx.authorized = true;
    let principal = Principal::web_identity(provider_arn);
    let trust = authz::compile_trust(role, role_arn, &principal)?;
    let caller = Compiled::unauthenticated(role_account, principal);
    let mut check = Check::new("sts:AssumeRoleWithSAML", requested_role_arn)
        .with_resource_policy(trust)
        .with_key("sts:RoleSessionName", &assertion.role_session_name);
    for (key, values, multivalued) in condition_keys {
        check = match (values.as_slice(), multivalued) {
            ([one], false) => check.with_key(key, one),
            _ => check.with_keys(key, values.clone()),
        };
    }
    if let Some(si) = &assertion.source_identity {
        check = check.with_key("sts:SourceIdentity", si);
    }
    if !assertion.transitive_tag_keys.is_empty() {
        check = check.with_keys(
            "sts:TransitiveTagKeys",
            assertion.transitive_tag_keys.clone(),
        );
    }
    if !assertion.tags.is_empty() {
        check =
            check.with_request_tags(assertion.tags.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    }
    let mut checks = vec![check.clone()];
    if !assertion.tags.is_empty() {
        let mut tag = check.clone();
        tag.action = "sts:TagSession".to_owned();
        checks.push(tag);
    }
    if assertion.source_identity.is_some() {
        let mut si = check;
        si.action = "sts:SetSourceIdentity".to_owned();
        checks.push(si);
    }
    authz::authorize(&caller, cx.facts, &checks, &cx.state.inner().metrics)
        .map_err(|_| ApiError::AccessDenied(NOT_AUTHORIZED.to_owned()))
}
