//! AssumeRoleWithWebIdentity (api.md §6.3): an unsigned call whose OIDC ID token is the
//! credential.
//!
//! Order of checks, as §6.3 lists them: `RoleArn` syntax; the token's structure and issuer,
//! which must be an OIDC provider registered in the **role's** account (§5.13); the
//! signature with the provider's keys, fetched over HTTPS with its thumbprints pinning the
//! certificate (`crate::jwks`); audience, times, subject and the AWS claims
//! (`warden_sts::oidc`); then the role's trust policy alone, evaluated for the `Federated`
//! principal = provider ARN with the token's condition keys (policy.md §5.7, §6.10); then
//! duration, session policies, packing, and the session.
//!
//! The `ProviderId` parameter exists only for the legacy OAuth 2.0 providers
//! `www.amazon.com` and `graph.facebook.com` (tier 3), which this server does not support:
//! a request with it is refused with `InvalidParameterValue`.

use serde_json::json;
use warden_core::{Store, TagTarget, Transaction};
use warden_policy::Principal;
use warden_query::sts::{
    AssumeRoleWithWebIdentityInput, AssumeRoleWithWebIdentityOutput, AssumedRoleUser,
};
use warden_sts::oidc::{self, OidcError, OidcProvider, WebIdentityClaims};
use warden_sts::rules::{self, DurationRequest};
use warden_sts::{IssuingOperation, SessionKind};
use warden_types::AccountId;

use super::sts::{self as sts_ops, NewSession};
use super::{Cx, Reply};
use crate::authz::{self, Check, Compiled};
use crate::error::{ApiError, InternalError};
use crate::jwks::{self, KeyFetchError};

/// The trust-policy denial (api.md §6.3 step 8, as reported).
const NOT_AUTHORIZED: &str = "Not authorized to perform sts:AssumeRoleWithWebIdentity";
/// AWS's answer when the IdP's certificate matches no registered thumbprint.
const THUMBPRINT_MISMATCH: &str =
    "OpenIDConnect provider's HTTPS certificate doesn't match configured thumbprint";
/// `IDPCommunicationError` text (`VERIFY`: AWS's wording is not recorded in api.md).
const IDP_UNREACHABLE: &str =
    "The identity provider could not be contacted to verify the token. Please try again.";

/// AssumeRoleWithWebIdentity (api.md §6.3), steps in the spec's order.
pub(crate) async fn assume_role_with_web_identity<S: Store>(
    cx: &mut Cx<'_, S>,
    input: AssumeRoleWithWebIdentityInput,
) -> Result<Reply, ApiError> {
    if !sts_ops::role_arn_is_valid(&input.role_arn) {
        return Err(ApiError::Validation(format!(
            "{} is invalid",
            input.role_arn
        )));
    }
    if input.provider_id.is_some() {
        return Err(ApiError::InvalidParameterValue(
            "ProviderId is only used with the OAuth 2.0 providers www.amazon.com and graph.facebook.com, which this server does not support.".to_owned(),
        ));
    }
    // 1-2. Structure and issuer: a provider of the role's account.
    let token = input.web_identity_token.as_str();
    let issuer = oidc::token_issuer(token).map_err(token_error)?;
    let role_account: Option<AccountId> = input
        .role_arn
        .split(':')
        .nth(4)
        .and_then(|a| a.parse().ok());
    let stored = match role_account {
        Some(account) => {
            cx.tx
                .oidc_provider(account, oidc::issuer_url(&issuer))
                .await?
        }
        None => None,
    };
    let Some(stored) = stored else {
        return Err(token_error(OidcError::NoProvider(issuer)));
    };
    let provider = OidcProvider {
        arn: format!(
            "arn:{}:iam::{}:oidc-provider/{}",
            cx.state.config().partition,
            stored.account,
            stored.url
        ),
        url: stored.url,
        client_ids: stored.client_ids,
        thumbprints: stored.thumbprints,
    };
    // 3-7. Keys, signature and claims.
    let kid = oidc::token_key_id(token).map_err(token_error)?;
    let keys = jwks::provider_keys(&provider.url, &provider.thumbprints, kid.as_deref())
        .await
        .map_err(fetch_error)?;
    let claims = oidc::verify_web_identity_token(token, &provider, &keys, cx.now.unix_timestamp())
        .map_err(token_error)?;
    if let Some(si) = &claims.source_identity
        && sts_ops::starts_with_aws(si)
    {
        return Err(ApiError::InvalidIdentityToken(format!(
            "The source identity {si} must not start with the reserved prefix 'aws:'"
        )));
    }

    // 8. The role's trust policy alone (no identity side).
    let Some((role_account, role, role_arn)) = sts_ops::named_role(cx, &input.role_arn).await?
    else {
        cx.authorized = true;
        return Err(ApiError::AccessDenied(NOT_AUTHORIZED.to_owned()));
    };
    trust_check(
        cx,
        &input,
        &provider,
        &claims,
        role_account,
        &role,
        &role_arn,
    )?;

    // 9. Duration (never chaining).
    let duration = rules::session_duration(
        DurationRequest::AssumeRoleWithWebIdentity {
            role_max: i64::from(role.max_session_duration),
        },
        input.duration_seconds.map(i64::from),
    )
    .map_err(|e| ApiError::Validation(e.to_string()))?;
    // 10. Session policies, packing, issue (as AssumeRole steps 8-9).
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
    let merged =
        rules::merge_session_tags(&role_tags, &[], &claims.tags, &claims.transitive_tag_keys);
    let packed =
        rules::packed_policy_size(input.policy.as_deref(), &policy_arns, &merged.session_tags)
            .map_err(|e| ApiError::PackedPolicyTooLarge(e.to_string()))?;
    let identity =
        warden_sts::session::assumed_role_identity(&role_arn, &role.id, &input.role_session_name)
            .ok_or(ApiError::Internal(InternalError::Contract(
            "stored role ARN does not parse",
        )))?;
    let credentials = sts_ops::issue(
        cx.state,
        cx.now,
        NewSession {
            account: role_account,
            kind: SessionKind::RoleSession,
            operation: IssuingOperation::AssumeRoleWithWebIdentity,
            identity_arn: identity.arn.clone(),
            user_id: identity.id.clone(),
            parent_id: role.id.clone(),
            parent_arn: role_arn,
            session_name: Some(input.role_session_name.clone()),
            mfa_present: false,
            mfa_auth_time: None,
            policy: input.policy.clone(),
            policy_arns,
            source_identity: claims.source_identity.clone(),
            tags: merged.session_tags,
            transitive_tag_keys: merged.transitive_keys,
            chained: false,
            duration,
            federation: Some(claims.federation(&provider)),
        },
    )
    .await?;
    sts_ops::record_role_use(cx, &role.id);
    let passed_any =
        input.policy.is_some() || input.policy_arns.is_some() || !claims.tags.is_empty();
    let audit = json!({
        "credentials": sts_ops::credentials_audit(&credentials),
        "subjectFromWebIdentityToken": claims.subject,
        "assumedRoleUser": { "assumedRoleId": identity.id, "arn": identity.arn },
        "provider": provider.arn,
        "audience": claims.audience,
        "sourceIdentity": claims.source_identity,
    });
    // CloudTrail's userIdentity of AssumeRoleWithWebIdentity: the web identity itself.
    let user_identity = json!({
        "type": "WebIdentityUser",
        "principalId": format!("{}:{}:{}", provider.arn, claims.audience, claims.subject),
        "userName": claims.subject,
        "identityProvider": provider.arn,
        "accountId": role_account.as_str(),
    });
    Ok(Reply::result(AssumeRoleWithWebIdentityOutput {
        credentials: Some(credentials),
        subject_from_web_identity_token: Some(claims.subject.clone()),
        assumed_role_user: Some(AssumedRoleUser {
            assumed_role_id: identity.id,
            arn: identity.arn,
        }),
        packed_policy_size: passed_any.then(|| i32::try_from(packed).unwrap_or(i32::MAX)),
        provider: Some(provider.arn.clone()),
        audience: Some(claims.audience.clone()),
        source_identity: claims.source_identity.clone(),
    })
    .with_audit(audit)
    .with_audit_identity(user_identity))
}

/// The trust evaluation of step 8: `sts:AssumeRoleWithWebIdentity` (plus `sts:TagSession`
/// with token tags, `sts:SetSourceIdentity` with a source identity) for the `Federated`
/// principal, with the token's condition keys.
fn trust_check<S: Store>(
    cx: &mut Cx<'_, S>,
    input: &AssumeRoleWithWebIdentityInput,
    provider: &OidcProvider,
    claims: &WebIdentityClaims,
    role_account: AccountId,
    role: &warden_core::Role,
    role_arn: &str,
) -> Result<(), ApiError> {
    cx.authorized = true;
    let principal = Principal::web_identity(&provider.arn);
    let trust = authz::compile_trust(role, role_arn, &principal)?;
    let caller = Compiled::unauthenticated(role_account, principal);
    let mut check = Check::new("sts:AssumeRoleWithWebIdentity", &input.role_arn)
        .with_resource_policy(trust)
        .with_key("sts:RoleSessionName", &input.role_session_name);
    for (key, values) in claims.condition_keys(provider) {
        check = match values.as_slice() {
            [one] if !key.ends_with(":amr") => check.with_key(&key, one),
            _ => check.with_keys(&key, values),
        };
    }
    if let Some(si) = &claims.source_identity {
        check = check.with_key("sts:SourceIdentity", si);
    }
    if !claims.transitive_tag_keys.is_empty() {
        check = check.with_keys("sts:TransitiveTagKeys", claims.transitive_tag_keys.clone());
    }
    if !claims.tags.is_empty() {
        check = check.with_request_tags(claims.tags.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    }
    let mut checks = vec![check.clone()];
    if !claims.tags.is_empty() {
        let mut tag = check.clone();
        tag.action = "sts:TagSession".to_owned();
        checks.push(tag);
    }
    if claims.source_identity.is_some() {
        let mut si = check;
        si.action = "sts:SetSourceIdentity".to_owned();
        checks.push(si);
    }
    authz::authorize(&caller, cx.facts, &checks, &cx.state.inner().metrics)
        .map_err(|_| ApiError::AccessDenied(NOT_AUTHORIZED.to_owned()))
}

/// The wire error of a token refusal (codes from `OidcError::code`, api.md §6.3).
fn token_error(e: OidcError) -> ApiError {
    let message = e.to_string();
    match e {
        OidcError::Expired { .. } => ApiError::ExpiredTokenException(message),
        OidcError::Tags(t) if t.code() == "InvalidParameterValue" => {
            ApiError::InvalidParameterValue(message)
        }
        _ => ApiError::InvalidIdentityToken(message),
    }
}

/// The wire error of a failed key fetch (api.md §6.3 step 3).
fn fetch_error(e: KeyFetchError) -> ApiError {
    tracing::info!(error = %e, "web identity key fetch failed");
    match e {
        KeyFetchError::Communication(_) => {
            ApiError::IdpCommunicationError(IDP_UNREACHABLE.to_owned())
        }
        KeyFetchError::Thumbprint => ApiError::InvalidIdentityToken(THUMBPRINT_MISMATCH.to_owned()),
        KeyFetchError::Unavailable(_) => {
            ApiError::InvalidIdentityToken(OidcError::KeyUnavailable.to_string())
        }
    }
}
