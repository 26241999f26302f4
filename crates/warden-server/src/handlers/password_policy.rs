//! The account password policy (api.md §5.10).

use warden_core::{PasswordPolicy, Store, Transaction};
use warden_query::iam::{self, GetAccountPasswordPolicyOutput, UpdateAccountPasswordPolicyInput};

use super::login_profiles::authorize_with_password_grant;
use super::{Cx, Reply};
use crate::authz::{Check, Identity};
use crate::error::ApiError;

/// `MinimumPasswordLength` when the parameter is omitted (api.md §5.10).
const DEFAULT_MINIMUM_LENGTH: u32 = 6;

/// The policy UpdateAccountPasswordPolicy stores: the whole policy is replaced and every
/// omitted parameter reverts to its default (api.md §5.10). The decoder has already
/// enforced the model's ranges (6–128, 1–1095, 1–24), so the conversions cannot fail;
/// a negative value would fall back to the default rather than panic.
fn policy_from(input: &UpdateAccountPasswordPolicyInput) -> PasswordPolicy {
    let positive = |v: Option<i32>| v.and_then(|n| u32::try_from(n).ok());
    PasswordPolicy {
        minimum_length: positive(input.minimum_password_length).unwrap_or(DEFAULT_MINIMUM_LENGTH),
        require_symbols: input.require_symbols.unwrap_or(false),
        require_numbers: input.require_numbers.unwrap_or(false),
        require_uppercase: input.require_uppercase_characters.unwrap_or(false),
        require_lowercase: input.require_lowercase_characters.unwrap_or(false),
        allow_users_to_change: input.allow_users_to_change_password.unwrap_or(false),
        max_age_days: positive(input.max_password_age),
        reuse_prevention: positive(input.password_reuse_prevention),
        hard_expiry: input.hard_expiry,
    }
}

/// GetAccountPasswordPolicy's `PasswordPolicy`: the settings always present, and
/// `MaxPasswordAge`, `PasswordReusePrevention`, `HardExpiry` only when set;
/// `ExpirePasswords` says whether `MaxPasswordAge` is set.
pub(crate) fn wire_password_policy(p: &PasswordPolicy) -> iam::PasswordPolicy {
    let int = |v: u32| i32::try_from(v).ok();
    iam::PasswordPolicy {
        minimum_password_length: int(p.minimum_length),
        require_symbols: Some(p.require_symbols),
        require_numbers: Some(p.require_numbers),
        require_uppercase_characters: Some(p.require_uppercase),
        require_lowercase_characters: Some(p.require_lowercase),
        allow_users_to_change_password: Some(p.allow_users_to_change),
        expire_passwords: Some(p.max_age_days.is_some()),
        max_password_age: p.max_age_days.and_then(int),
        password_reuse_prevention: p.reuse_prevention.and_then(int),
        hard_expiry: p.hard_expiry,
    }
}

/// UpdateAccountPasswordPolicy: creates or replaces the policy.
pub(crate) async fn update_account_password_policy<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UpdateAccountPasswordPolicyInput,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new("iam:UpdateAccountPasswordPolicy", "*")])?;
    let policy = policy_from(&input);
    cx.tx.put_password_policy(cx.account(), &policy).await?;
    Ok(Reply::empty())
}

/// GetAccountPasswordPolicy: `NoSuchEntity` naming the account when none is set. With
/// `AllowUsersToChangePassword` every IAM user may read it (api.md §5.10).
pub(crate) async fn get_account_password_policy<S: Store>(
    cx: &mut Cx<'_, S>,
) -> Result<Reply, ApiError> {
    let account = cx.account();
    let policy = cx.tx.password_policy(account).await?;
    let caller_id = match &cx.caller.identity {
        Identity::User(u) => Some(u.id.clone()),
        _ => None,
    };
    let checks = vec![Check::new("iam:GetAccountPasswordPolicy", "*")];
    match caller_id {
        Some(id) => authorize_with_password_grant(cx, checks, policy.as_ref(), &id).await?,
        None => cx.authorize(checks)?,
    }
    let policy = policy.ok_or_else(|| {
        ApiError::NoSuchEntity(format!(
            "The Password Policy with domain name {account} cannot be found."
        ))
    })?;
    Ok(Reply::result(GetAccountPasswordPolicyOutput {
        password_policy: wire_password_policy(&policy),
    }))
}

/// DeleteAccountPasswordPolicy: AWS's default rules apply again afterwards.
pub(crate) async fn delete_account_password_policy<S: Store>(
    cx: &mut Cx<'_, S>,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new("iam:DeleteAccountPasswordPolicy", "*")])?;
    if !cx.tx.delete_password_policy(cx.account()).await? {
        return Err(ApiError::NoSuchEntity(
            "The account policy with name PasswordPolicy cannot be found.".to_owned(),
        ));
    }
    Ok(Reply::empty())
}
