//! The smaller STS operations: DecodeAuthorizationMessage (api.md §6.9) and the tier-3
//! refusals AssumeRoot and GetDelegatedAccessToken (§6.10).
//!
//! # Encoded authorization messages
//!
//! IAM and STS never answer with an encoded message themselves (§6.9); services embedding
//! this server's evaluator may, through [`encode_authorization_message`]. The message is the
//! decoded JSON sealed with the deployment's secret cipher (XChaCha20-Poly1305, the key that
//! seals access-key secrets) under its own associated label, then base64url: opaque to the
//! caller, authenticated, and readable by every node of the deployment. Only a caller allowed
//! `sts:DecodeAuthorizationMessage` gets the JSON back.
//!
//! # AssumeRoot, GetDelegatedAccessToken
//!
//! This deployment has no Organizations module and no delegation requests, so both are
//! well-formed refusals after the usual authorization: AssumeRoot → `AccessDenied`,
//! GetDelegatedAccessToken → `ExpiredTradeInTokenException`.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::json;
use warden_core::{EncryptedSecret, SecretAccessKey, Store};
use warden_query::sts::{
    AssumeRootInput, DecodeAuthorizationMessageInput, DecodeAuthorizationMessageOutput,
    GetDelegatedAccessTokenInput,
};

use super::{Cx, Reply};
use crate::authz::Check;
use crate::error::{ApiError, InternalError};
use crate::state::AppState;

/// The cipher label of authorization messages (never a real access key id, so a sealed
/// secret can never be passed off as a message or the reverse).
const MESSAGE_CIPHER_ID: &str = "warden:sts:authorization-message";
/// `InvalidAuthorizationMessageException` text (`VERIFY`: AWS's wording is not recorded).
const INVALID_MESSAGE: &str = "The encoded authorization message is invalid.";
/// `ExpiredTradeInTokenException` text (`VERIFY`).
const TRADE_IN_EXPIRED: &str = "The trade-in token has expired or is not valid.";

/// What an encoded authorization message says (api.md §6.9).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuthorizationFailure {
    /// Whether the request was allowed.
    pub allowed: bool,
    /// Whether an explicit `Deny` decided.
    pub explicit_deny: bool,
    /// The caller's unique id (`aws:userid`).
    pub principal_id: String,
    /// The caller's ARN.
    pub principal_arn: String,
    /// The action, `service:Action`.
    pub action: String,
    /// The resource ARN.
    pub resource: String,
    /// The request's context keys and values.
    pub conditions: Vec<(String, Vec<String>)>,
}

impl AuthorizationFailure {
    /// The decoded JSON, in the shape AWS's DecodeAuthorizationMessage returns.
    pub fn to_json(&self) -> String {
        let conditions: Vec<serde_json::Value> = self
            .conditions
            .iter()
            .map(|(key, values)| {
                let values: Vec<serde_json::Value> =
                    values.iter().map(|v| json!({ "value": v })).collect();
                json!({ "key": key, "values": { "items": values } })
            })
            .collect();
        json!({
            "allowed": self.allowed,
            "explicitDeny": self.explicit_deny,
            "matchedStatements": { "items": [] },
            "failures": { "items": [] },
            "context": {
                "principal": { "id": self.principal_id, "arn": self.principal_arn },
                "action": self.action,
                "resource": self.resource,
                "conditions": { "items": conditions },
            },
        })
        .to_string()
    }
}

/// Seals `failure` into the opaque text a service puts after `Encoded authorization failure
/// message:` in its `AccessDenied` message.
pub fn encode_authorization_message<S: Store>(
    state: &AppState<S>,
    failure: &AuthorizationFailure,
) -> Result<String, ApiError> {
    let sealed = state
        .services()
        .cipher
        .seal(MESSAGE_CIPHER_ID, &SecretAccessKey::new(failure.to_json()))
        .map_err(|e| ApiError::Internal(InternalError::Cipher(e)))?;
    Ok(URL_SAFE_NO_PAD.encode(sealed.as_bytes()))
}

/// The JSON of an encoded message; `None` when it was not sealed by this deployment.
fn decode_authorization_message<S: Store>(state: &AppState<S>, encoded: &str) -> Option<String> {
    let bytes = URL_SAFE_NO_PAD.decode(encoded.trim()).ok()?;
    let opened = state
        .services()
        .cipher
        .open(MESSAGE_CIPHER_ID, &EncryptedSecret::from_bytes(bytes))
        .ok()?;
    Some(opened.expose().to_owned())
}

/// DecodeAuthorizationMessage (api.md §6.9): `sts:DecodeAuthorizationMessage` on `*`.
pub(crate) fn decode<S: Store>(
    cx: &mut Cx<'_, S>,
    input: &DecodeAuthorizationMessageInput,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new("sts:DecodeAuthorizationMessage", "*")])?;
    let decoded = decode_authorization_message(cx.state, &input.encoded_message)
        .ok_or_else(|| ApiError::InvalidAuthorizationMessage(INVALID_MESSAGE.to_owned()))?;
    Ok(Reply::result(DecodeAuthorizationMessageOutput {
        decoded_message: Some(decoded),
    }))
}

/// AssumeRoot (api.md §6.10): authorized as `sts:AssumeRoot` on the target account's root
/// with `sts:TaskPolicyArn`, then refused: root sessions need the Organizations module.
pub(crate) fn assume_root<S: Store>(
    cx: &mut Cx<'_, S>,
    input: &AssumeRootInput,
) -> Result<Reply, ApiError> {
    // `TargetPrincipal` is a member account id or its root ARN.
    let account = input
        .target_principal
        .split(':')
        .nth(4)
        .unwrap_or(&input.target_principal);
    let resource = format!("arn:{}:iam::{account}:root", cx.state.config().partition);
    let mut check = Check::new("sts:AssumeRoot", &resource);
    if let Some(arn) = &input.task_policy_arn.arn {
        check = check.with_key("sts:TaskPolicyArn", arn);
    }
    cx.authorize(vec![check])?;
    Err(ApiError::AccessDenied(format!(
        "User: {} is not authorized to perform: sts:AssumeRoot on resource: {resource} because root sessions are not enabled for this account",
        cx.caller.arn()
    )))
}

/// GetDelegatedAccessToken (api.md §6.10): no delegation request can ever be accepted here,
/// so no trade-in token is valid.
pub(crate) fn get_delegated_access_token<S: Store>(
    cx: &mut Cx<'_, S>,
    _input: &GetDelegatedAccessTokenInput,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new("sts:GetDelegatedAccessToken", "*")])?;
    Err(ApiError::ExpiredTradeInToken(TRADE_IN_EXPIRED.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoded_json_has_aws_shape() {
        let failure = AuthorizationFailure {
            principal_id: "AIDAX".into(),
            principal_arn: "arn:aws:iam::123456789012:user/alice".into(),
            action: "s3:GetObject".into(),
            resource: "arn:aws:s3:::b/k".into(),
            conditions: vec![("aws:SourceIp".into(), vec!["10.0.0.1".into()])],
            ..AuthorizationFailure::default()
        };
        let v: serde_json::Value = serde_json::from_str(&failure.to_json()).unwrap();
        assert_eq!(v["allowed"], false);
        assert_eq!(v["context"]["principal"]["arn"], failure.principal_arn);
        assert_eq!(
            v["context"]["conditions"]["items"][0]["values"]["items"][0]["value"],
            "10.0.0.1"
        );
    }
}
