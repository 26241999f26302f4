//! SetSecurityTokenServicePreferences (api.md §5.16, tier 3): the account's choice of
//! session-token version for the global STS endpoint, stored and reported by
//! GetAccountSummary (`GlobalEndpointTokenVersion`, read with
//! `Transaction::global_endpoint_token_version`); it has no other effect here (§2.10).

use warden_core::{GlobalEndpointTokenVersion, Store, Transaction};
use warden_query::iam::SetSecurityTokenServicePreferencesInput;

use super::{Cx, Reply};
use crate::authz::Check;
use crate::error::{ApiError, InternalError};

/// SetSecurityTokenServicePreferences: `iam:SetSecurityTokenServicePreferences` on `*`.
pub(crate) async fn set_security_token_service_preferences<S: Store>(
    cx: &mut Cx<'_, S>,
    input: SetSecurityTokenServicePreferencesInput,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new(
        "iam:SetSecurityTokenServicePreferences",
        "*",
    )])?;
    // The decoder has checked the model's enum (`v1Token`|`v2Token`).
    let version = GlobalEndpointTokenVersion::parse(&input.global_endpoint_token_version).ok_or(
        ApiError::Internal(InternalError::Contract(
            "GlobalEndpointTokenVersion outside the model's enum",
        )),
    )?;
    cx.tx
        .set_global_endpoint_token_version(cx.account(), version)
        .await?;
    Ok(Reply::empty())
}
