//! Login profiles (console passwords) and ChangePassword (api.md §5.10).
//!
//! Warden has no console: a login profile is kept for API fidelity (and for a future
//! password-authentication endpoint), so `PasswordLastUsed` on GetUser/ListUsers stays
//! absent — nothing here ever signs in with the password (api.md §3.8).

use std::sync::Arc;

use serde_json::json;
use warden_core::{LoginProfile, PasswordPolicy, Store, Transaction, User};
use warden_policy::PolicySource;
use warden_policy::document::PolicyKind;
use warden_query::iam::{
    self, ChangePasswordInput, CreateLoginProfileInput, CreateLoginProfileOutput,
    DeleteLoginProfileInput, GetLoginProfileInput, GetLoginProfileOutput, UpdateLoginProfileInput,
};

use super::{Cx, Reply, UserTarget, no_such_user, ts};
use crate::authz::{self, Check, Compiled, Identity};
use crate::error::ApiError;
use crate::password;

/// `Login Profile for User <n> cannot be found.` (api.md §5.3).
pub(crate) fn no_such_login_profile(name: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("Login Profile for User {name} cannot be found."))
}

fn wire_profile(user: &User, profile: &LoginProfile) -> iam::LoginProfile {
    iam::LoginProfile {
        user_name: user.name.clone(),
        create_date: ts(profile.created),
        password_reset_required: Some(profile.reset_required),
    }
}

fn audit_profile(p: &iam::LoginProfile) -> serde_json::Value {
    json!({"loginProfile": {
        "userName": p.user_name, "createDate": p.create_date.to_string(),
        "passwordResetRequired": p.password_reset_required,
    }})
}

/// The user an operation with an optional `UserName` addresses, authorized for `action`
/// on its ARN, then required to exist (api.md §4.2: authorization first). Root has no
/// login profile through this API (AWS reserves that to AssumeRoot sessions, which Warden
/// does not issue): `ValidationError` like any other non-user caller.
async fn resolve_user<S: Store>(
    cx: &mut Cx<'_, S>,
    user_name: Option<&str>,
    action: &str,
) -> Result<User, ApiError> {
    let name = match cx.user_or_caller(user_name)? {
        UserTarget::Named(name) => name,
        UserTarget::Root => {
            return Err(ApiError::Validation(
                "Must specify userName when calling with non-User credentials".to_owned(),
            ));
        }
    };
    let target = cx.user(&name).await?;
    cx.authorize(vec![
        Check::new(action, &target.arn).with_resource_tags(&target.tags, true),
    ])?;
    target.require(|| no_such_user(&name))
}

/// CreateLoginProfile: one per user; the password must satisfy the account policy (or
/// AWS's default rules without one).
pub(crate) async fn create_login_profile<S: Store>(
    cx: &mut Cx<'_, S>,
    input: CreateLoginProfileInput,
) -> Result<Reply, ApiError> {
    let user = resolve_user(cx, input.user_name.as_deref(), "iam:CreateLoginProfile").await?;
    let account = cx.account();
    // One profile per user: two concurrent creates must not both pass the check (the
    // store's write is an upsert).
    cx.tx.lock_account(account).await?;
    if cx.tx.login_profile(account, &user.id).await?.is_some() {
        // Lower-case "user" here, unlike the not-found text (api.md §5.3).
        return Err(ApiError::EntityAlreadyExists(format!(
            "Login Profile for user {} already exists.",
            user.name
        )));
    }
    let Some(new_password) = input.password.as_deref() else {
        // Optional in the model only for AssumeRoot sessions; required for IAM users.
        return Err(ApiError::Validation(
            "1 validation error detected: Value null at 'password' failed to satisfy \
             constraint: Member must not be null"
                .to_owned(),
        ));
    };
    let policy = cx.tx.password_policy(account).await?;
    let hash = password::new_password_hash(new_password, None, policy.as_ref()).await?;
    let profile = LoginProfile {
        account,
        user_id: user.id.clone(),
        password_hash: hash,
        previous_hashes: Vec::new(),
        created: cx.now,
        password_changed: cx.now,
        reset_required: input.password_reset_required.unwrap_or(false),
    };
    cx.tx.put_login_profile(&profile).await?;
    let out = wire_profile(&user, &profile);
    let audit = audit_profile(&out);
    Ok(Reply::result(CreateLoginProfileOutput { login_profile: out }).with_audit(audit))
}

/// GetLoginProfile: metadata only, never the password.
pub(crate) async fn get_login_profile<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetLoginProfileInput,
) -> Result<Reply, ApiError> {
    let user = resolve_user(cx, input.user_name.as_deref(), "iam:GetLoginProfile").await?;
    let profile = cx
        .tx
        .login_profile(cx.account(), &user.id)
        .await?
        .ok_or_else(|| no_such_login_profile(&user.name))?;
    Ok(Reply::result(GetLoginProfileOutput {
        login_profile: wire_profile(&user, &profile),
    }))
}

/// UpdateLoginProfile: sets what is given; a new password goes through the whole policy,
/// reuse prevention included, and restarts `MaxPasswordAge`.
pub(crate) async fn update_login_profile<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UpdateLoginProfileInput,
) -> Result<Reply, ApiError> {
    let user = resolve_user(cx, Some(&input.user_name), "iam:UpdateLoginProfile").await?;
    let account = cx.account();
    let mut profile = cx
        .tx
        .login_profile(account, &user.id)
        .await?
        .ok_or_else(|| no_such_login_profile(&user.name))?;
    if let Some(new_password) = input.password.as_deref() {
        let policy = cx.tx.password_policy(account).await?;
        let hash =
            password::new_password_hash(new_password, Some(&profile), policy.as_ref()).await?;
        profile.previous_hashes = password::next_history(&profile);
        profile.password_hash = hash;
        profile.password_changed = cx.now;
    }
    if let Some(reset) = input.password_reset_required {
        profile.reset_required = reset;
    }
    cx.tx.put_login_profile(&profile).await?;
    Ok(Reply::empty())
}

/// DeleteLoginProfile: removes the password (the user can be deleted afterwards).
pub(crate) async fn delete_login_profile<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeleteLoginProfileInput,
) -> Result<Reply, ApiError> {
    let user = resolve_user(cx, input.user_name.as_deref(), "iam:DeleteLoginProfile").await?;
    if !cx.tx.delete_login_profile(cx.account(), &user.id).await? {
        return Err(no_such_login_profile(&user.name));
    }
    Ok(Reply::empty())
}

/// ChangePassword: the calling IAM user changes its own password, proving the old one.
/// Root and role or federated sessions are refused with `InvalidUserType`. With
/// `AllowUsersToChangePassword` the account grants every user `iam:ChangePassword` on
/// itself (api.md §5.10, [`authorize_with_password_grant`]).
pub(crate) async fn change_password<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ChangePasswordInput,
) -> Result<Reply, ApiError> {
    let Identity::User(caller) = &cx.caller.identity else {
        // VERIFY the exact text against AWS.
        return Err(ApiError::InvalidUserType(
            "Only IAM Users can change their own password.".to_owned(),
        ));
    };
    let caller_id = caller.id.clone();
    let caller_name = caller.name.clone();
    let account = cx.account();
    let policy = cx.tx.password_policy(account).await?;
    let target = cx.user(&caller_name).await?;
    let checks =
        vec![Check::new("iam:ChangePassword", &target.arn).with_resource_tags(&target.tags, true)];
    authorize_with_password_grant(cx, checks, policy.as_ref(), &caller_id).await?;
    let user = target.require(|| no_such_user(&caller_name))?;
    let mut profile = cx
        .tx
        .login_profile(account, &user.id)
        .await?
        .ok_or_else(|| no_such_login_profile(&user.name))?;
    if !password::verify_blocking(&input.old_password, &profile.password_hash).await? {
        // VERIFY code and text against AWS (api.md §5.10 records AccessDenied).
        return Err(ApiError::AccessDenied(
            "The old password is incorrect.".to_owned(),
        ));
    }
    if policy.as_ref().and_then(|p| p.hard_expiry) == Some(true)
        && password::is_expired(&profile, policy.as_ref(), cx.now)
    {
        // HardExpiry: an expired password can only be reset by an administrator
        // (UpdateLoginProfile). VERIFY the text against AWS.
        return Err(ApiError::AccessDenied(
            "Your password has expired and can only be reset by an administrator.".to_owned(),
        ));
    }
    let hash =
        password::new_password_hash(&input.new_password, Some(&profile), policy.as_ref()).await?;
    profile.previous_hashes = password::next_history(&profile);
    profile.password_hash = hash;
    profile.password_changed = cx.now;
    profile.reset_required = false;
    cx.tx.put_login_profile(&profile).await?;
    Ok(Reply::empty())
}

/// The identity policy IAM adds for every user while the account password policy has
/// `AllowUsersToChangePassword` (api.md §5.10): change its own password, read the policy.
fn password_grant(user_arn: &str) -> String {
    json!({
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Action": "iam:ChangePassword", "Resource": user_arn},
            {"Effect": "Allow", "Action": "iam:GetAccountPasswordPolicy", "Resource": "*"},
        ],
    })
    .to_string()
}

/// Authorizes `checks` for the caller; when the calling IAM user benefits from
/// `AllowUsersToChangePassword`, with [`password_grant`] added to its identity policies —
/// an extra Allow that explicit denies, the permissions boundary and session policies
/// still override, as on AWS.
pub(crate) async fn authorize_with_password_grant<S: Store>(
    cx: &mut Cx<'_, S>,
    checks: Vec<Check>,
    policy: Option<&PasswordPolicy>,
    caller_id: &str,
) -> Result<(), ApiError> {
    let granted = policy.is_some_and(|p| p.allow_users_to_change)
        && matches!(cx.caller.identity, Identity::User(_));
    if !granted {
        return cx.authorize(checks);
    }
    let account = cx.account();
    let caller_arn = cx.caller.arn().to_owned();
    let grant = password_grant(&caller_arn);
    let grant = authz::parse_stored("AllowUsersToChangePassword", &grant, PolicyKind::Inline)?;
    let mut documents = authz::user_documents(&mut cx.tx, account, caller_id).await?;
    documents.push(("AllowUsersToChangePassword".to_owned(), grant));
    let sources: Vec<PolicySource<'_>> = documents
        .iter()
        .map(|(id, doc)| PolicySource::new(id, warden_policy::PolicyType::Identity, doc))
        .collect();
    let caller: &Compiled = cx.caller;
    let extended = Compiled {
        account: caller.account,
        identity: caller.identity.clone(),
        principal: caller.principal.clone(),
        identity_policies: warden_policy::PolicySet::compile(&caller.principal, &sources),
        boundary: caller.boundary.clone(),
        session: caller.session.as_ref().map(Arc::clone),
        session_policies: caller.session_policies.clone(),
        parent_gone: caller.parent_gone,
        epoch: caller.epoch,
    };
    cx.authorized = true;
    authz::authorize(&extended, cx.facts, &checks, &cx.state.inner().metrics)
}
