//! Account-level operations (api.md §5.16): the account alias and GetAccountSummary.

use std::collections::BTreeMap;

use warden_core::{Store, Transaction};
use warden_query::iam::{
    CreateAccountAliasInput, DeleteAccountAliasInput, GetAccountSummaryOutput,
    ListAccountAliasesInput, ListAccountAliasesOutput,
};

use super::{Cx, Reply, list_query, marker_scope};
use crate::authz::Check;
use crate::error::ApiError;

/// `The account alias <alias> already exists.` (api.md §5.3).
fn alias_exists(alias: &str) -> ApiError {
    ApiError::EntityAlreadyExists(format!("The account alias {alias} already exists."))
}

/// CreateAccountAlias: sets the alias, replacing the current one (an account holds one,
/// api.md §3.7). Aliases are unique across every account of the deployment; one already
/// held, by any account including the caller's, is refused.
pub(crate) async fn create_account_alias<S: Store>(
    cx: &mut Cx<'_, S>,
    input: CreateAccountAliasInput,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new("iam:CreateAccountAlias", "*")])?;
    let alias = input.account_alias;
    // The model's pattern allows an all-digit alias; IAM refuses it, since it would read
    // like an account id in sign-in URLs (api.md §3.4; VERIFY code and text).
    if alias.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ApiError::InvalidInput(format!(
            "The account alias {alias} cannot consist of digits only."
        )));
    }
    if cx.tx.account_by_alias(&alias).await?.is_some() {
        return Err(alias_exists(&alias));
    }
    cx.tx
        .set_account_alias(cx.account(), &alias)
        .await
        .map_err(|e| match e {
            // Another account took it between the check and the write.
            warden_core::StoreError::Conflict { .. } => alias_exists(&alias),
            other => other.into(),
        })?;
    Ok(Reply::empty())
}

/// DeleteAccountAlias: the name must be the current alias.
pub(crate) async fn delete_account_alias<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeleteAccountAliasInput,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new("iam:DeleteAccountAlias", "*")])?;
    let account = cx.account();
    let current = cx.tx.account_alias(account).await?;
    if current.as_deref() != Some(input.account_alias.as_str()) {
        // VERIFY the exact text against AWS.
        return Err(ApiError::NoSuchEntity(format!(
            "The account alias {} cannot be found.",
            input.account_alias
        )));
    }
    cx.tx.delete_account_alias(account).await?;
    Ok(Reply::empty())
}

/// ListAccountAliases: zero or one alias, never truncated. A marker is still decoded, so
/// that a garbage marker is refused like in every paginated listing (api.md §1.5).
pub(crate) async fn list_account_aliases<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListAccountAliasesInput,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new("iam:ListAccountAliases", "*")])?;
    let scope = marker_scope("ListAccountAliases", &[]);
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let alias = cx.tx.account_alias(cx.account()).await?;
    // The only marker this listing could hand out would follow its one alias.
    let aliases = alias
        .into_iter()
        .filter(|a| query.after.as_ref().is_none_or(|after| a > after))
        .collect();
    Ok(Reply::result(ListAccountAliasesOutput {
        account_aliases: aliases,
        is_truncated: Some(false),
        marker: None,
    }))
}

/// Quotas reported by GetAccountSummary (api.md §3.7, §5.16): AWS's defaults, which are
/// also the limits the handlers enforce.
const QUOTAS: &[(&str, i32)] = &[
    ("AccessKeysPerUserQuota", 2),
    ("AssumeRolePolicySizeQuota", 2048),
    ("AttachedPoliciesPerGroupQuota", 10),
    ("AttachedPoliciesPerRoleQuota", 10),
    ("AttachedPoliciesPerUserQuota", 10),
    ("GroupPolicySizeQuota", 5120),
    ("GroupsPerUserQuota", 10),
    ("GroupsQuota", 300),
    ("InstanceProfilesQuota", 1000),
    ("PoliciesQuota", 1500),
    ("PolicySizeQuota", 6144),
    ("PolicyVersionsInUseQuota", 10000),
    ("RolePolicySizeQuota", 10240),
    ("RolesQuota", 1000),
    ("ServerCertificatesQuota", 20),
    ("SigningCertificatesPerUserQuota", 2),
    ("UserPolicySizeQuota", 2048),
    ("UsersQuota", 5000),
    ("VersionsPerPolicyQuota", 5),
];

/// GetAccountSummary: every key of the model's `summaryKeyType`, usage counted from the
/// store.
pub(crate) async fn get_account_summary<S: Store>(cx: &mut Cx<'_, S>) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new("iam:GetAccountSummary", "*")])?;
    let usage = cx.tx.account_usage(cx.account()).await?;
    let token_version = cx.tx.global_endpoint_token_version(cx.account()).await?;
    let count = |n: u64| i32::try_from(n).unwrap_or(i32::MAX);
    let flag = |present: bool| i32::from(present);
    let mut map: BTreeMap<String, i32> =
        QUOTAS.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect();
    let usage_entries = [
        ("Users", count(usage.users)),
        ("Groups", count(usage.groups)),
        ("Roles", count(usage.roles)),
        ("Policies", count(usage.policies)),
        ("PolicyVersionsInUse", count(usage.policy_attachments)),
        ("InstanceProfiles", count(usage.instance_profiles)),
        (
            "Providers",
            count(usage.oidc_providers + usage.saml_providers),
        ),
        ("ServerCertificates", count(usage.server_certificates)),
        ("MFADevices", count(usage.mfa_devices)),
        ("MFADevicesInUse", count(usage.mfa_devices_in_use)),
        ("AccountMFAEnabled", flag(usage.root_mfa_devices > 0)),
        ("AccountAccessKeysPresent", flag(usage.root_access_keys > 0)),
        // Root has no password in Warden (there is no console).
        ("AccountPasswordPresent", 0),
        (
            "AccountSigningCertificatesPresent",
            flag(usage.root_signing_certificates > 0),
        ),
        // SetSecurityTokenServicePreferences; v1 tokens (AWS's default) when never set.
        (
            "GlobalEndpointTokenVersion",
            i32::try_from(token_version.unwrap_or_default().number()).unwrap_or(1),
        ),
    ];
    for (key, value) in usage_entries {
        map.insert(key.to_owned(), value);
    }
    Ok(Reply::result(GetAccountSummaryOutput {
        summary_map: Some(map),
    }))
}
