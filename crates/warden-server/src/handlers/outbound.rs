//! Outbound web identity federation (api.md §5.21: Enable/Disable/
//! GetOutboundWebIdentityFederationInfo) and STS GetWebIdentityToken (§6.10). Key
//! management, signing and the published discovery/JWKS live in `crate::issuer`.

use serde_json::json;
use warden_core::{Store, Transaction};
use warden_query::iam::{
    EnableOutboundWebIdentityFederationOutput, GetOutboundWebIdentityFederationInfoOutput,
};
use warden_query::sts::{GetWebIdentityTokenInput, GetWebIdentityTokenOutput};

use super::{Cx, Reply};
use crate::authz::Check;
use crate::error::ApiError;
use crate::issuer;

/// `FeatureEnabled` text (`VERIFY`).
const ALREADY_ENABLED: &str =
    "Outbound web identity federation is already enabled for this account.";
/// `FeatureDisabled` text (`VERIFY`).
const NOT_ENABLED: &str = "Outbound web identity federation is not enabled for this account.";
/// `OutboundWebIdentityFederationDisabledException` text (`VERIFY`).
const DISABLED: &str = "Outbound web identity federation is disabled for this account.";
/// `SessionDurationEscalationException` text (`VERIFY`).
const ESCALATION: &str =
    "The requested token lifetime exceeds the remaining lifetime of the calling session.";
/// `JWTPayloadSizeExceededException` text (`VERIFY`).
const TOO_LARGE: &str = "The JWT payload exceeds the maximum allowed size.";
/// GetWebIdentityToken's default lifetime (model: 60–3,600, default 300).
const DEFAULT_SECONDS: i64 = 300;

/// EnableOutboundWebIdentityFederation: enables it and makes sure an RS256 key exists.
pub(crate) async fn enable<S: Store>(cx: &mut Cx<'_, S>) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new(
        "iam:EnableOutboundWebIdentityFederation",
        "*",
    )])?;
    let account = cx.account();
    if cx.tx.outbound_federation_enabled(account).await? {
        return Err(ApiError::FeatureEnabled(ALREADY_ENABLED.to_owned()));
    }
    cx.tx.set_outbound_federation_enabled(account, true).await?;
    issuer::current_key(cx.state, &mut cx.tx, account, "RS256", cx.now).await?;
    let issuer = issuer::issuer_identifier(cx.state, account);
    Ok(Reply::result(EnableOutboundWebIdentityFederationOutput {
        issuer_identifier: Some(issuer.clone()),
    })
    .with_audit(json!({ "issuerIdentifier": issuer })))
}

/// DisableOutboundWebIdentityFederation: the keys are kept (a later enable reuses them
/// until they rotate) but no longer published.
pub(crate) async fn disable<S: Store>(cx: &mut Cx<'_, S>) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new(
        "iam:DisableOutboundWebIdentityFederation",
        "*",
    )])?;
    let account = cx.account();
    if !cx.tx.outbound_federation_enabled(account).await? {
        return Err(ApiError::FeatureDisabled(NOT_ENABLED.to_owned()));
    }
    cx.tx
        .set_outbound_federation_enabled(account, false)
        .await?;
    Ok(Reply::empty())
}

/// GetOutboundWebIdentityFederationInfo: the issuer while enabled, else `FeatureDisabled`.
pub(crate) async fn info<S: Store>(cx: &mut Cx<'_, S>) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new(
        "iam:GetOutboundWebIdentityFederationInfo",
        "*",
    )])?;
    let account = cx.account();
    if !cx.tx.outbound_federation_enabled(account).await? {
        return Err(ApiError::FeatureDisabled(NOT_ENABLED.to_owned()));
    }
    Ok(Reply::result(GetOutboundWebIdentityFederationInfoOutput {
        issuer_identifier: Some(issuer::issuer_identifier(cx.state, account)),
        jwt_vending_enabled: Some(true),
    }))
}

/// GetWebIdentityToken (api.md §6.10): `sts:GetWebIdentityToken` on `*` with the audiences,
/// algorithm and duration as context keys; then the account's switch, the caller's session
/// lifetime, the payload size; then a token signed with the account's current key.
pub(crate) async fn get_web_identity_token<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetWebIdentityTokenInput,
) -> Result<Reply, ApiError> {
    let duration = input.duration_seconds.map_or(DEFAULT_SECONDS, i64::from);
    let tags = super::sts::pairs(input.tags.as_deref());
    let mut check = Check::new("sts:GetWebIdentityToken", "*")
        .with_keys("sts:IdentityTokenAudience", input.audience.clone())
        .with_key("sts:SigningAlgorithm", &input.signing_algorithm)
        .with_key("sts:DurationSeconds", &duration.to_string());
    if !tags.is_empty() {
        check = check.with_request_tags(tags.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    }
    cx.authorize(vec![check])?;
    if input.signing_algorithm != "RS256" && input.signing_algorithm != "ES384" {
        return Err(ApiError::Validation(format!(
            "1 validation error detected: Value '{}' at 'signingAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [RS256, ES384]",
            input.signing_algorithm
        )));
    }
    let account = cx.account();
    if !cx.tx.outbound_federation_enabled(account).await? {
        return Err(ApiError::OutboundWebIdentityFederationDisabled(
            DISABLED.to_owned(),
        ));
    }
    let issued_at = cx.now.unix_timestamp();
    let expires_at = issued_at.saturating_add(duration);
    if let Some(session) = cx.caller.session.as_deref()
        && expires_at > session.expires_at
    {
        return Err(ApiError::SessionDurationEscalation(ESCALATION.to_owned()));
    }
    let issuer_id = issuer::issuer_identifier(cx.state, account);
    let claims = issuer::claims(
        &issuer_id,
        cx.caller.arn(),
        &input.audience,
        &tags,
        issued_at,
        expires_at,
    );
    if claims.to_string().len() > issuer::MAX_PAYLOAD_BYTES {
        return Err(ApiError::JwtPayloadSizeExceeded(TOO_LARGE.to_owned()));
    }
    let key = issuer::current_key(
        cx.state,
        &mut cx.tx,
        account,
        &input.signing_algorithm,
        cx.now,
    )
    .await?;
    let token = issuer::sign(cx.state, &key, &claims)?;
    let expiration = warden_query::Timestamp::from_unix_seconds(expires_at);
    Ok(Reply::result(GetWebIdentityTokenOutput {
        web_identity_token: Some(token),
        expiration: Some(expiration),
    })
    .with_audit(json!({ "expiration": expiration.to_string(), "keyId": key.kid })))
}
